//! Views of query results for people (text) and programs (JSON). The CLI prints these;
//! other tools can embed them.

use crate::corpus::Corpus;
use crate::error::{Diagnostic, Error, ErrorKind, Result, Severity};
use crate::lineage::{ConceptHistory, Lineage};
use crate::model::Work;
use serde::Serialize;
use std::fmt::Write as _;

/// A work as the JSON views show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkSummary {
    /// Key.
    pub key: String,
    /// Year as cited (`2001a`), or null.
    pub year: Option<String>,
    /// Family names (or organisation names) of the authors, or editors.
    pub authors: Vec<String>,
    /// Title.
    pub title: Option<String>,
    /// Discipline, where the corpus records one.
    pub discipline: Option<String>,
}

impl WorkSummary {
    /// The summary of a work.
    pub fn of(work: &Work) -> Self {
        WorkSummary {
            key: work.key.to_string(),
            year: work.year.as_ref().map(|y| y.cited()),
            authors: work.family_names(),
            title: work.title.clone(),
            discipline: work.discipline.clone(),
        }
    }
}

/// One citation of a work, as the work view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedByView {
    /// The key of the citing work.
    pub source: String,
    /// Where in the citing work: its section.
    pub section: String,
    /// Where in the cited work, as the citation gives it (`219`).
    pub locator: Option<String>,
    /// The citation as written.
    pub text: Option<String>,
    /// What is wrong with the citation, if anything.
    pub note: Option<String>,
}

/// A work's whole record and where the corpus's sources cite it (`cited-by`, in text
/// order; absent when nothing cites it).
#[derive(Debug, Clone, Serialize)]
pub struct WorkView<'a> {
    /// The record.
    #[serde(flatten)]
    pub work: &'a Work,
    /// The `cites` edges that point at the work.
    #[serde(rename = "cited-by", skip_serializing_if = "Vec::is_empty")]
    pub cited_by: Vec<CitedByView>,
}

impl<'a> WorkView<'a> {
    /// The view of a work of `corpus`.
    pub fn new(corpus: &Corpus, work: &'a Work) -> Self {
        let cited_by = corpus
            .citations_of(work.key.as_str())
            .into_iter()
            .map(|e| CitedByView {
                source: e.from.to_string(),
                section: e.provenance.locator.clone(),
                locator: e.locator.clone(),
                text: e.provenance.quote.clone(),
                note: e.provenance.note.clone(),
            })
            .collect();
        WorkView { work, cited_by }
    }
}

/// A work as text: its record (YAML), then where and how often it is cited: for each
/// citing work, the count, the sections, and each citation as written with its locator.
///
/// # Errors
/// [`ErrorKind::Output`] if the record cannot be written.
pub fn work_text(corpus: &Corpus, work: &Work) -> Result<String> {
    let mut out = to_yaml(work)?;
    let view = WorkView::new(corpus, work);
    let mut sources: Vec<&str> = Vec::new();
    for c in &view.cited_by {
        if !sources.contains(&c.source.as_str()) {
            sources.push(&c.source);
        }
    }
    for source in sources {
        let cites: Vec<&CitedByView> = view.cited_by.iter().filter(|c| c.source == source).collect();
        let mut sections: Vec<(&str, usize)> = Vec::new();
        for c in &cites {
            match sections.iter_mut().find(|(s, _)| *s == c.section) {
                Some((_, n)) => *n += 1,
                None => sections.push((&c.section, 1)),
            }
        }
        let times = if cites.len() == 1 { "once".to_string() } else { format!("{} times", cites.len()) };
        let _ = writeln!(
            out,
            "
cited {times} by {} ({source}), in:",
            source_name(corpus, source)
        );
        for (section, n) in sections {
            let _ = writeln!(out, "  {section} ({n})");
            for c in cites.iter().filter(|c| c.section == section) {
                let at = c.locator.as_deref().map(|l| format!(", at {l}")).unwrap_or_default();
                let _ = writeln!(out, "    {}{at}", c.text.as_deref().unwrap_or(""));
                if let Some(note) = &c.note {
                    let _ = writeln!(out, "      {note}");
                }
            }
        }
    }
    Ok(out)
}

/// A lineage link as the JSON view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkView {
    /// Key of the earlier work.
    pub from: String,
    /// Key of the later work.
    pub to: String,
    /// The relation.
    pub relation: String,
    /// Whether the source attests influence.
    pub attested: bool,
    /// The evidence: an exact quote, or a note in the corpus author's words.
    pub evidence: String,
    /// The quote alone, when there is one.
    pub quote: Option<String>,
    /// Where in the source.
    pub locator: String,
    /// The source work's key.
    pub source: String,
}

/// A lineage as the JSON view shows it: `path` and `links`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageView {
    /// The works in order.
    pub path: Vec<WorkSummary>,
    /// One link per consecutive pair.
    pub links: Vec<LinkView>,
}

impl LineageView {
    /// The view of a lineage computed on `corpus`.
    pub fn new(corpus: &Corpus, lineage: &Lineage) -> Self {
        LineageView {
            path: lineage.path.iter().filter_map(|k| corpus.work(k.as_str())).map(WorkSummary::of).collect(),
            links: lineage
                .links
                .iter()
                .map(|l| LinkView {
                    from: l.from.to_string(),
                    to: l.to.to_string(),
                    relation: l.relation.to_string(),
                    attested: l.attested,
                    evidence: l.provenance.evidence(),
                    quote: l.provenance.quote.clone(),
                    locator: l.provenance.locator.clone(),
                    source: l.provenance.source.to_string(),
                })
                .collect(),
        }
    }
}

fn source_name(corpus: &Corpus, key: &str) -> String {
    corpus.work(key).map(|w| w.citation()).unwrap_or_else(|| key.to_string())
}

fn work_line(w: &Work) -> String {
    let year = w.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".into());
    let discipline = w.discipline.as_deref().map(|d| format!("  [{d}]")).unwrap_or_default();
    format!("{year:<6} {}: {}{discipline}", w.cited_authors(), w.title.as_deref().unwrap_or("(untitled)"))
}

/// A lineage as text: one line per work (year, authors, title, discipline) and, between
/// them, each link's relation, whether it is attested, and its evidence.
pub fn lineage_text(corpus: &Corpus, lineage: &Lineage) -> String {
    let mut out = String::new();
    let attested = lineage.links.iter().filter(|l| l.attested).count();
    if let (Some(first), Some(last)) = (lineage.path.first(), lineage.path.last()) {
        let name = |k: &str| corpus.work(k).map(|w| w.citation()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{} to {}: {} works, {} links ({attested} attested, {} succession only)\n",
            name(first.as_str()),
            name(last.as_str()),
            lineage.path.len(),
            lineage.links.len(),
            lineage.links.len() - attested
        );
    }
    for (i, key) in lineage.path.iter().enumerate() {
        if let Some(w) = corpus.work(key.as_str()) {
            let _ = writeln!(out, "{}", work_line(w));
        }
        if let Some(l) = lineage.links.get(i) {
            let verdict = if l.attested {
                "attested: the source says the earlier work shaped the later"
            } else {
                "not attested: the source gives the order, not an influence"
            };
            let _ = writeln!(out, "   |  {} ({verdict})", l.relation);
            let _ = writeln!(out, "   |  {}", l.provenance.evidence());
            let _ = writeln!(
                out,
                "   |  ({}, {})",
                source_name(corpus, l.provenance.source.as_str()),
                l.provenance.locator
            );
        }
    }
    out
}

/// A concept's history as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct ConceptView {
    /// Id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Other labels.
    pub alt_labels: Vec<String>,
    /// Description.
    pub description: Option<String>,
    /// Senses in time order.
    pub senses: Vec<SenseView>,
    /// Relations to other concepts.
    pub relations: Vec<ConceptRelationView>,
}

/// One sense in a [`ConceptView`].
#[derive(Debug, Clone, Serialize)]
pub struct SenseView {
    /// The work.
    pub work: WorkSummary,
    /// `defines`, `uses`, `critiques`, `names`.
    pub kind: String,
    /// Where in the work.
    pub locator: Option<String>,
    /// The author's words.
    pub quote: Option<String>,
    /// The sense in the corpus author's words.
    pub description: Option<String>,
    /// Discipline.
    pub discipline: Option<String>,
    /// Evidence in the source, and where.
    pub evidence: String,
    /// Where in the source.
    pub source_locator: String,
}

/// One relation in a [`ConceptView`].
#[derive(Debug, Clone, Serialize)]
pub struct ConceptRelationView {
    /// The relation.
    pub relation: String,
    /// The other concept's id.
    pub concept: String,
    /// Its label.
    pub label: String,
    /// Evidence.
    pub evidence: String,
    /// Where in the source.
    pub locator: String,
}

impl ConceptView {
    /// The view of a concept's history.
    pub fn new(corpus: &Corpus, history: &ConceptHistory<'_>) -> Self {
        let c = history.concept;
        ConceptView {
            id: c.id.to_string(),
            label: c.label.clone(),
            alt_labels: c.alt_labels.clone(),
            description: c.description.clone(),
            senses: history
                .senses
                .iter()
                .map(|(s, w)| SenseView {
                    work: WorkSummary::of(w),
                    kind: s.kind.to_string(),
                    locator: s.locator.clone(),
                    quote: s.quote.clone(),
                    description: s.description.clone(),
                    discipline: s.discipline.clone(),
                    evidence: s.provenance.evidence(),
                    source_locator: s.provenance.locator.clone(),
                })
                .collect(),
            relations: c
                .relations
                .iter()
                .map(|r| ConceptRelationView {
                    relation: r.relation.to_string(),
                    concept: r.concept.to_string(),
                    label: corpus.concept(r.concept.as_str()).map(|o| o.label.clone()).unwrap_or_default(),
                    evidence: r.provenance.evidence(),
                    locator: r.provenance.locator.clone(),
                })
                .collect(),
        }
    }
}

/// A concept's history as text.
pub fn concept_text(corpus: &Corpus, history: &ConceptHistory<'_>) -> String {
    let v = ConceptView::new(corpus, history);
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", v.label, v.id);
    if !v.alt_labels.is_empty() {
        let _ = writeln!(out, "also: {}", v.alt_labels.join("; "));
    }
    if let Some(d) = &v.description {
        let _ = writeln!(out, "{d}");
    }
    let _ = writeln!(out, "\nsenses, by the publication year of the work (undated last):");
    for (s, (sense, work)) in v.senses.iter().zip(&history.senses) {
        let locator = s.locator.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
        let discipline = s.discipline.as_deref().map(|d| format!("  [{d}]")).unwrap_or_default();
        let _ = writeln!(out, "  {}{locator}: {}{discipline}", work.citation(), s.kind);
        if let Some(q) = &sense.quote {
            let _ = writeln!(out, "      \u{201c}{q}\u{201d}");
        }
        if let Some(d) = &sense.description {
            let _ = writeln!(out, "      {d}");
        }
        let _ = writeln!(
            out,
            "      source: {}, {}",
            source_name(corpus, sense.provenance.source.as_str()),
            s.source_locator
        );
    }
    if !v.relations.is_empty() {
        let _ = writeln!(out, "\nrelations:");
        for r in &v.relations {
            let _ = writeln!(out, "  {} {} ({}): {} [{}]", r.relation, r.label, r.concept, r.evidence, r.locator);
        }
    }
    out
}

/// What `bibgraph check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Number of works.
    pub works: usize,
    /// Number of concepts.
    pub concepts: usize,
    /// Number of senses.
    pub senses: usize,
    /// Number of typed edges in the corpus files.
    pub edges: usize,
    /// Number of people.
    pub people: usize,
    /// Nodes and edges of the graph.
    pub graph: (usize, usize),
    /// Every warning, located.
    pub warnings: Vec<Diagnostic>,
    /// Every note (repairs), located.
    pub notes: Vec<Diagnostic>,
    /// What was imported from each BibTeX or CSL-JSON file.
    pub imports: Vec<crate::import::ImportSummary>,
}

impl CheckReport {
    /// The report for a corpus.
    pub fn new(corpus: &Corpus) -> Self {
        CheckReport {
            works: corpus.works().len(),
            concepts: corpus.concepts().len(),
            senses: corpus.concepts().iter().map(|c| c.senses.len()).sum(),
            edges: corpus.edges().len(),
            people: corpus.people().len(),
            graph: (corpus.graph().node_count(), corpus.graph().edge_count()),
            warnings: corpus.diagnostics().iter().filter(|d| d.severity >= Severity::Warning).cloned().collect(),
            notes: corpus.diagnostics().iter().filter(|d| d.severity == Severity::Note).cloned().collect(),
            imports: corpus.imports().to_vec(),
        }
    }

    /// The report as text; notes only with `with_notes`.
    pub fn text(&self, with_notes: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} works, {} people, {} concepts ({} senses), {} edges; graph: {} nodes, {} edges",
            self.works, self.people, self.concepts, self.senses, self.edges, self.graph.0, self.graph.1
        );
        for i in &self.imports {
            let _ = writeln!(
                out,
                "{}: {} entries, {} works, {} skipped, {} bytes of text outside entries, {} warnings",
                i.file, i.entries, i.works, i.skipped, i.outside, i.warnings
            );
        }
        let _ = writeln!(out, "{} warnings, {} notes", self.warnings.len(), self.notes.len());
        for d in &self.warnings {
            let _ = writeln!(out, "{d}");
        }
        if with_notes {
            for d in &self.notes {
                let _ = writeln!(out, "{d}");
            }
        }
        out
    }
}

/// Serialises any view as pretty JSON.
///
/// # Errors
/// [`ErrorKind::Output`] if serialisation fails.
pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(ErrorKind::Output, format!("cannot write json: {e}")).with_source(e))
}

/// Serialises any value as YAML.
///
/// # Errors
/// [`ErrorKind::Output`] if serialisation fails.
pub fn to_yaml<T: Serialize>(value: &T) -> Result<String> {
    crate::yaml::to_string(value)
}
