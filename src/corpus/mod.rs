//! A corpus: works, people, concepts and typed edges, loaded from a directory of files
//! (see `docs/corpus-format.md`) or from the built-in Waldinger corpus, validated, and
//! linked into one [`CorpusGraph`].

mod builtin;
mod dedupe;
mod fast;
mod files;
mod items;
mod join;
mod load;
mod raw;

use crate::error::{Diagnostic, Error, ErrorKind, Result, Severity};
use crate::graph::{CorpusGraph, EdgeData, EdgeSource};
use crate::import::ImportSummary;
use crate::model::{Concept, ConceptId, Edge, Name, PersonId, Relation, Work, WorkKey};
use std::collections::HashMap;
use std::path::Path;

pub use load::CorpusFile;

/// What a corpus says about itself (`corpus.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct CorpusMeta {
    /// The corpus's name.
    pub id: String,
    /// A human title.
    pub title: Option<String>,
    /// The work the corpus was read from: the default source of its provenance.
    pub source: Option<WorkKey>,
}

/// A person who authored or edited works in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// The person's id: folded family name and initials, e.g. `portes-a`.
    pub id: PersonId,
    /// The name as first printed.
    pub name: Name,
    /// The works, with `authored` or `edited`.
    pub works: Vec<(WorkKey, Relation)>,
}

/// A loaded, validated corpus.
///
/// ```
/// let corpus = bibgraph::Corpus::builtin()?;
/// let jessup = corpus.find_work("Jessup 1956")?;
/// assert_eq!(jessup.title.as_deref(), Some("Transnational Law"));
/// assert_eq!(jessup.discipline.as_deref(), Some("law"));
/// # Ok::<(), bibgraph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Corpus {
    pub(crate) meta: CorpusMeta,
    pub(crate) works: Vec<Work>,
    pub(crate) work_index: HashMap<WorkKey, u32>,
    pub(crate) concepts: Vec<Concept>,
    pub(crate) concept_index: HashMap<ConceptId, u32>,
    pub(crate) people: Vec<Person>,
    pub(crate) edges: Vec<Edge>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) graph: CorpusGraph,
    pub(crate) imports: Vec<ImportSummary>,
    /// Other keys of imported works (as written in their files, or of works merged into
    /// them) to their keys in the corpus.
    pub(crate) aliases: HashMap<WorkKey, WorkKey>,
    /// Whether every work has a year: then the works on a lineage path lie between its
    /// ends' years.
    pub(crate) all_dated: bool,
    pub(crate) files_read: Vec<(&'static str, usize)>,
}

impl Corpus {
    /// The built-in corpus: the reference list, concepts and lineage of R. Waldinger,
    /// 'Immigrant transnationalism' (sociopedia.isa).
    ///
    /// # Errors
    /// Only if the built-in files are invalid, which the crate's tests rule out.
    pub fn builtin() -> Result<Corpus> {
        let files =
            builtin::FILES.iter().map(|(name, text)| CorpusFile::new(format!("{}{name}", builtin::PREFIX), *text));
        Corpus::from_files(files)
    }

    /// Loads a corpus from a directory (every `corpus.yaml`, `*.yaml`, `*.txt`, `*.bib`
    /// and `*.json` in it, in name order) or from a single such file. `.bib` files
    /// (BibTeX, BibLaTeX) and `.json` files (CSL-JSON) are read by [`crate::import`]: what
    /// they cannot read is a warning, never a failure.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] if a file cannot be read; [`ErrorKind::Syntax`] if a YAML file
    /// cannot be parsed; [`ErrorKind::Invalid`] with every problem in
    /// [`Error::diagnostics`] if the corpus refers to unknown keys, repeats a key, and so on.
    pub fn load(path: impl AsRef<Path>) -> Result<Corpus> {
        let walk = files::read_path(path.as_ref())?;
        let mut corpus = Corpus::from_files(walk.files)?;
        corpus.diagnostics.splice(0..0, walk.diagnostics);
        // The walk's counts also say how many folders and hidden entries there were.
        corpus.files_read.extend(walk.counts.into_iter().filter(|(k, _)| *k == "folders" || k.starts_with("hidden")));
        Ok(corpus)
    }

    /// Loads a corpus from files already in memory. Each file's kind is given by its
    /// name's extension, as for [`Corpus::load`].
    ///
    /// # Errors
    /// As for [`Corpus::load`], less I/O.
    pub fn from_files(files: impl IntoIterator<Item = CorpusFile>) -> Result<Corpus> {
        load::build(files.into_iter().collect())
    }

    /// The manifest.
    pub fn meta(&self) -> &CorpusMeta {
        &self.meta
    }

    /// All works, in load order (reference lists first, in printed order).
    pub fn works(&self) -> &[Work] {
        &self.works
    }

    /// The work with this key. The key may also be one an imported entry had in its file
    /// (`Knuth:1984:TB` for `knuth-1984-tb`), or that of a work merged into this one.
    pub fn work(&self, key: &str) -> Option<&Work> {
        let i = self.work_index.get(key).or_else(|| self.aliases.get(key).and_then(|k| self.work_index.get(k)));
        i.map(|&i| &self.works[i as usize])
    }

    /// How many files of each kind (`yaml`, `txt`, `bib`, `json`, `ris`) the corpus was
    /// read from; for a directory, also the hidden entries skipped and the folders walked.
    pub fn files_read(&self) -> &[(&'static str, usize)] {
        &self.files_read
    }

    /// The warnings about whole files: each file or folder skipped (not a corpus file,
    /// unreadable, a broken link, a FIFO) and an empty corpus.
    pub fn file_warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.warnings().filter(|d| files::FILE_CODES.contains(&d.code.as_str()))
    }

    /// What was imported from each BibTeX or CSL-JSON file: entries found, works read,
    /// entries skipped, warnings.
    pub fn imports(&self) -> &[ImportSummary] {
        &self.imports
    }

    /// All concepts, in file order.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept with this id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concept_index.get(id).map(|&i| &self.concepts[i as usize])
    }

    /// The people who authored or edited the works.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The typed edges read from the corpus files (lineage, work-to-concept).
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The `cites` edges that point at a work, in file order (for the built-in corpus,
    /// text order): where and how often the corpus's sources cite it. Empty for an unknown
    /// key.
    ///
    /// ```
    /// let corpus = bibgraph::Corpus::builtin()?;
    /// let cites = corpus.citations_of("portes-etal1999");
    /// let quotes: Vec<&str> = cites.iter().filter_map(|e| e.provenance.quote.as_deref()).collect();
    /// assert_eq!(quotes, ["(Portes et al., 1999: 219)", "(Portes et al., 1999: 223)"]);
    /// assert_eq!(cites[0].locator.as_deref(), Some("219"));
    /// assert_eq!(cites[0].provenance.locator, "The career of a concept");
    /// # Ok::<(), bibgraph::Error>(())
    /// ```
    ///
    /// Complexity: O(d log d) in the work's number of incoming edges.
    pub fn citations_of(&self, key: &str) -> Vec<&Edge> {
        let Some(node) = self.work_index.get(key).and_then(|&i| self.graph.work_node(i)) else {
            return Vec::new();
        };
        let mut found: Vec<u32> = self
            .graph
            .inner()
            .edges_directed(node, petgraph::Direction::Incoming)
            .filter_map(|e| match *e.weight() {
                EdgeData { relation: Relation::Cites, source: EdgeSource::Edge(i) } => Some(i),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|i| &self.edges[i as usize]).collect()
    }

    /// Warnings and notes found while loading: misprints, inconsistencies, repairs.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity >= Severity::Warning)
    }

    /// The graph of works, people and concepts.
    pub fn graph(&self) -> &CorpusGraph {
        &self.graph
    }

    pub(crate) fn index_of_work(&self, key: &str) -> Result<u32> {
        self.work_index
            .get(key)
            .copied()
            .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no work `{key}` in the corpus")))
    }
}
