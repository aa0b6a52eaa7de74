//! Exports for other software.
//!
//! Graph formats, for graph software: DOT for Graphviz, GraphML for Gephi and Cytoscape,
//! node-link JSON for web viewers. Every graph format carries every node (works, concepts,
//! people) and every edge of [`Corpus::graph`] with the same attributes, read from one
//! [`GraphTable`]. Node ids are `work:KEY`, `concept:ID` and `person:ID`.
//!
//! Bibliographic formats, for reference managers, of a reading list or a whole corpus:
//! - [`biblatex`]: BibLaTeX, for LaTeX (written and read through the `biblatex` crate);
//! - CSL-JSON, for Zotero, pandoc and citeproc: see [`crate::csl`] and [`csl_json`];
//! - [`yaml`]: bibgraph's own corpus format;
//! - [`markdown`]: a reading list as an annotated bibliography, with references
//!   formatted by a [`crate::style::Style`].
//!
//! Every export is deterministic: the same corpus gives the same bytes, run after run. A
//! work exported to BibLaTeX or CSL-JSON and read back is the same work, every field included.
//!
//! ```
//! use bibgraph::export::{export, Format};
//!
//! let corpus = bibgraph::Corpus::builtin()?;
//! let graphml = export(&corpus, Format::GraphMl)?;
//! assert!(graphml.contains(r#"<node id="work:bourne1916">"#));
//! let format: Format = "dot".parse()?;
//! assert!(export(&corpus, format)?.starts_with("digraph"));
//! # Ok::<(), bibgraph::Error>(())
//! ```

pub mod biblatex;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod markdown;
pub mod table;
pub mod yaml;

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Work;
use std::fmt;
use std::str::FromStr;

pub use table::GraphTable;

/// An export format. More will be added (bibliographic ones among them), so match it
/// with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// DOT, for Graphviz: works ranked by year along a time axis.
    Dot,
    /// GraphML with typed attributes, for Gephi, Cytoscape, yEd and networkx.
    GraphMl,
    /// Node-link JSON, for web viewers and networkx.
    Json,
    /// BibLaTeX, the corpus's works, for LaTeX and reference managers.
    Biblatex,
    /// CSL-JSON, the corpus's works, for Zotero, pandoc and citeproc.
    CslJson,
    /// The bibgraph corpus format (works), for loading back with `--corpus`.
    Yaml,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] =
        &[Format::Dot, Format::GraphMl, Format::Json, Format::Biblatex, Format::CslJson, Format::Yaml];

    /// The format's name on the command line: `dot`, `graphml`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Json => "json",
            Format::Biblatex => "biblatex",
            Format::CslJson => "csl-json",
            Format::Yaml => "yaml",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Json => "json",
            Format::Biblatex => "bib",
            Format::CslJson => "json",
            Format::Yaml => "yaml",
        }
    }

    /// What the format is for, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Format::Dot => "Graphviz DOT, works ranked by year",
            Format::GraphMl => "GraphML with typed attributes, for Gephi and Cytoscape",
            Format::Json => "node-link JSON, for web viewers",
            Format::Biblatex => "BibLaTeX, the works, for LaTeX and reference managers",
            Format::CslJson => "CSL-JSON, the works, for Zotero, pandoc and citeproc",
            Format::Yaml => "the bibgraph corpus format, the works",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Reads a format by its [`name`](Format::name).
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown name; the candidates are every format.
    fn from_str(s: &str) -> Result<Self> {
        Format::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<String> = Format::ALL.iter().map(|f| f.name().to_string()).collect();
            Error::new(ErrorKind::NotFound, format!("no export format `{s}`; known: {}", names.join(", ")))
                .with_candidates(names)
        })
    }
}

/// The corpus in a format, as one string: the whole graph for the graph formats, the works
/// for the bibliographic ones.
///
/// # Errors
/// [`ErrorKind::Output`] if serialisation fails.
///
/// # Complexity
/// O(V + E), plus O(W log W) over the W works to rank them by year in DOT.
pub fn export(corpus: &Corpus, format: Format) -> Result<String> {
    match format {
        Format::Dot => Ok(dot::write(&GraphTable::new(corpus))),
        Format::GraphMl => Ok(graphml::write(&GraphTable::new(corpus))),
        Format::Json => json::write(&GraphTable::new(corpus)),
        Format::Biblatex => {
            let between = corpus.imports().iter().flat_map(|i| i.between.iter().map(String::as_str));
            Ok(biblatex::to_biblatex_between(between, corpus.works()))
        }
        Format::CslJson => csl_json(corpus.works()),
        Format::Yaml => yaml::to_corpus_yaml(corpus.works()),
    }
}

/// Works as a CSL-JSON array (pretty-printed), in order.
///
/// # Errors
/// [`ErrorKind::Output`] if serialisation fails.
pub fn csl_json<'a>(works: impl IntoIterator<Item = &'a Work>) -> Result<String> {
    crate::render::to_json(&crate::csl::to_csl_array(works))
}
