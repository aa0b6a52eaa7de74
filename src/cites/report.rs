//! The report on a text's citations, and its views: text for people, JSON for programs,
//! and corpus YAML (`cites` edges with provenance) to store in a corpus.

use super::extract::{extract, Citation, CitationKind};
use super::resolve::{CitationIndex, Resolution, Status};
use super::sections::Section;
use crate::corpus::Corpus;
use crate::model::WorkKey;
use crate::refparse::text::fold_key_part;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// A citation and what resolving it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedCitation {
    /// The citation as found in the text.
    pub citation: Citation,
    /// The work it resolves to, its status and its problems.
    pub resolution: Resolution,
}

/// Every citation of a text, resolved against a corpus, and the references never cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationReport {
    /// The name of the text, as given.
    pub file: String,
    /// The text's sections.
    pub sections: Vec<Section>,
    /// The citations in text order, each resolved.
    pub citations: Vec<ResolvedCitation>,
    /// The corpus's references (works read from its reference lists) that no citation
    /// resolves to, in corpus order.
    pub uncited: Vec<WorkKey>,
    /// How many references the corpus has.
    pub references: usize,
}

/// The numbers of a [`CitationReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Citations found.
    pub citations: usize,
    /// Resolved exactly.
    pub exact: usize,
    /// Resolved tolerantly.
    pub tolerant: usize,
    /// Not resolved.
    pub unresolved: usize,
    /// Truncated.
    pub truncated: usize,
    /// References in the corpus.
    pub references: usize,
    /// References never cited.
    pub uncited: usize,
}

/// Whether a citation is a work named in the prose by its year alone (`the 2007 survey`)
/// that no name before it resolves: most likely not a citation at all, so not reported.
pub(crate) fn weak_prose(c: &Citation, r: &Resolution) -> bool {
    c.kind == CitationKind::Prose && c.authors.is_empty() && r.work.is_none()
}

/// Where a citation before the first heading is said to be.
const NO_SECTION: &str = "(before the first heading)";

impl CitationReport {
    /// Finds the citations of `text` (named `file`), resolves each against `corpus`, and
    /// lists the corpus's references that are never cited.
    ///
    /// Complexity: linear in the length of the text, plus O(n) in the number of works to
    /// index them and list the uncited ones.
    pub fn new(corpus: &Corpus, text: &str, file: &str) -> Self {
        Self::from_extraction(corpus, extract(text), file)
    }

    /// The report on citations already extracted (by [`extract_with`](super::extract_with),
    /// say) from the text named `file`.
    pub fn from_extraction(corpus: &Corpus, extraction: super::Extraction, file: &str) -> Self {
        let index = CitationIndex::new(corpus);
        let resolutions = index.resolve_all(&extraction.citations);
        let citations: Vec<ResolvedCitation> = extraction
            .citations
            .into_iter()
            .zip(resolutions)
            .filter(|(c, r)| !weak_prose(c, r))
            .map(|(citation, resolution)| ResolvedCitation { citation, resolution })
            .collect();
        let cited: HashSet<&str> =
            citations.iter().filter_map(|c| c.resolution.work.as_ref()).map(|k| k.as_str()).collect();
        let references: Vec<&WorkKey> = corpus.works().iter().filter(|w| w.raw.is_some()).map(|w| &w.key).collect();
        let uncited = references.iter().filter(|k| !cited.contains(k.as_str())).map(|k| (*k).clone()).collect();
        CitationReport {
            file: file.to_string(),
            sections: extraction.sections,
            citations,
            uncited,
            references: references.len(),
        }
    }

    /// The counts: citations by status, references, uncited references.
    pub fn counts(&self) -> Counts {
        let by = |s: Status| self.citations.iter().filter(|c| c.resolution.status == s).count();
        Counts {
            citations: self.citations.len(),
            exact: by(Status::Exact),
            tolerant: by(Status::Tolerant),
            unresolved: by(Status::Unresolved),
            truncated: by(Status::Truncated),
            references: self.references,
            uncited: self.uncited.len(),
        }
    }

    /// The title of the section a citation is in.
    pub fn section_title(&self, citation: &Citation) -> Option<&str> {
        citation.section.and_then(|i| self.sections.get(i)).map(|s| s.title.as_str())
    }

    /// Where a citation stands, for people and provenance: its section's title, or for an
    /// empty heading `(untitled heading, line N)`, or `(before the first heading)`.
    pub fn section_label(&self, citation: &Citation) -> String {
        match citation.section.and_then(|i| self.sections.get(i)) {
            Some(s) if !s.title.is_empty() => s.title.clone(),
            Some(s) => format!("(untitled heading, line {})", s.line),
            None => NO_SECTION.to_string(),
        }
    }

    /// The JSON view.
    pub fn view(&self) -> CitesView {
        CitesView {
            file: self.file.clone(),
            counts: self.counts(),
            citations: self
                .citations
                .iter()
                .map(|rc| {
                    let (c, r) = (&rc.citation, &rc.resolution);
                    CitationView {
                        text: c.text.clone(),
                        kind: c.kind,
                        line: c.line,
                        column: c.column,
                        authors: r.authors.clone(),
                        et_al: r.et_al,
                        year: c.year.as_ref().map(ToString::to_string),
                        locator: c.locator.clone(),
                        section: self.section_title(c).map(str::to_string),
                        work: r.work.as_ref().map(ToString::to_string),
                        status: r.status,
                        problem: r.problem(),
                        reasons: r.tolerances.iter().map(|t| t.code()).collect(),
                    }
                })
                .collect(),
            uncited: self.uncited.iter().map(ToString::to_string).collect(),
        }
    }

    /// The report as text: a summary line, the citations grouped by section (position,
    /// status, text, work, and the problem on the next line), and the references never
    /// cited.
    pub fn text(&self, corpus: &Corpus) -> String {
        let mut out = String::new();
        let n = self.counts();
        let plural = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let _ = writeln!(
            out,
            "{}: {}: {} exact, {} tolerant, {} unresolved, {} truncated; {} of {} never cited",
            self.file,
            plural(n.citations, "citation", "citations"),
            n.exact,
            n.tolerant,
            n.unresolved,
            n.truncated,
            n.uncited,
            plural(n.references, "reference", "references")
        );
        let mut section: Option<Option<usize>> = None;
        for rc in &self.citations {
            let (c, r) = (&rc.citation, &rc.resolution);
            if section != Some(c.section) {
                section = Some(c.section);
                let _ = writeln!(out, "\n{}", self.section_label(c));
            }
            let at = format!("{}:{}", c.line, c.column);
            let work = r.work.as_ref().map_or_else(|| "-".to_string(), ToString::to_string);
            // A year-only citation: the names it was read with, from the prose.
            let names = match c.kind {
                CitationKind::YearOnly if !r.authors.is_empty() => {
                    format!(" [{}]", super::resolve::cited_names(&r.authors, r.et_al))
                }
                _ => String::new(),
            };
            // The citation as written, quoted: a truncated one (`(Vertovec,`) leaves its
            // bracket open, which must not look like the output's own.
            let _ = writeln!(out, "  {at:<8} {:<10} \u{201c}{}\u{201d}{names}  ->  {work}", r.status.as_str(), c.text);
            if let Some(p) = r.problem() {
                let _ = writeln!(out, "  {:<8} {:<10} {p}", "", "");
            }
        }
        if !self.uncited.is_empty() {
            // The truncated citations by their first name, folded: an uncited work may be
            // the one a truncated citation meant.
            let mut truncated: HashMap<String, &Citation> = HashMap::new();
            for c in self.citations.iter().map(|rc| &rc.citation).filter(|c| c.is_truncated()) {
                if let Some(a) = c.authors.first() {
                    truncated.entry(fold_key_part(a)).or_insert(c);
                }
            }
            let _ = writeln!(out, "\nreferences never cited:");
            for key in &self.uncited {
                let (citation, title) = corpus
                    .work(key.as_str())
                    .map(|w| (w.citation(), w.title.clone().unwrap_or_default()))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {:<28} {citation}: {title}", key.as_str());
                let first = corpus.work(key.as_str()).and_then(|w| w.family_names().into_iter().next());
                if let Some(t) = first.and_then(|f| truncated.get(&fold_key_part(&f))) {
                    let _ = writeln!(
                        out,
                        "  {:<28} perhaps the truncated citation \u{201c}{}\u{201d} at line {}",
                        "", t.text, t.line
                    );
                }
            }
        }
        out
    }

    /// The resolved citations as corpus YAML: one `cites` edge from `source` to the cited
    /// work per citation, in text order, with the section as provenance locator, the
    /// citation as written as quote, the cited pages as the edge's `locator`, and the
    /// problem (for a tolerant match) as note. Citations that resolve to no work, or to
    /// `source` itself, are listed in a closing comment.
    pub fn corpus_yaml(&self, source: &WorkKey) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"));
        let file = std::path::Path::new(&self.file)
            .file_name()
            .map_or_else(|| self.file.clone(), |f| f.to_string_lossy().into_owned());
        let n = self.counts();
        let mut out = String::new();
        let _ = writeln!(out, "# The in-text citations of `{source}`, read from `{file}` by `bibgraph cites`:");
        let _ = writeln!(out, "# one `cites` edge per citation that resolves to a work, in text order.");
        let _ = writeln!(out, "# Generated: do not edit by hand. The README gives the command that regenerates it.");
        let _ = writeln!(
            out,
            "# {} citations: {} exact, {} tolerant, {} unresolved, {} truncated.",
            n.citations, n.exact, n.tolerant, n.unresolved, n.truncated
        );
        let stored = self.citations.iter().filter(|rc| rc.resolution.work.as_ref().is_some_and(|w| w != source));
        let _ = writeln!(out, "{}", if stored.count() == 0 { "edges: []" } else { "edges:" });
        let mut skipped = Vec::new();
        for rc in &self.citations {
            let (c, r) = (&rc.citation, &rc.resolution);
            let Some(work) = r.work.as_ref().filter(|w| *w != source) else {
                skipped.push(rc);
                continue;
            };
            let _ = writeln!(out, "  - from: {source}");
            let _ = writeln!(out, "    to: {work}");
            let _ = writeln!(out, "    relation: cites");
            if let Some(l) = &c.locator {
                let _ = writeln!(out, "    locator: {}", q(l));
            }
            let _ = writeln!(out, "    provenance:");
            let _ = writeln!(out, "      locator: {}", q(&self.section_label(c)));
            let _ = writeln!(out, "      quote: {}", q(&c.text));
            let mut notes: Vec<String> = Vec::new();
            if c.kind == CitationKind::YearOnly {
                let names = super::resolve::cited_names(&r.authors, r.et_al);
                notes.push(format!("only the year is cited; the prose before it names {names}"));
            }
            notes.extend(r.problem());
            if !notes.is_empty() {
                let _ = writeln!(out, "      note: {}", q(&notes.join("; ")));
            }
        }
        if !skipped.is_empty() {
            let _ = writeln!(out, "\n# Not stored: citations that resolve to no work, or to the citing work itself.");
            for rc in skipped {
                let (c, r) = (&rc.citation, &rc.resolution);
                let problem = match &r.work {
                    Some(_) => format!("cites `{source}` itself"),
                    None => r.problem().unwrap_or_default(),
                };
                let _ = writeln!(out, "#   line {}: {} ({}): {problem}", c.line, c.text, r.status);
            }
        }
        out
    }
}

/// The JSON view of a [`CitationReport`]: `citations` and `uncited`, with the file name
/// and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitesView {
    /// The text's name.
    pub file: String,
    /// The counts.
    pub counts: Counts,
    /// Each citation.
    pub citations: Vec<CitationView>,
    /// The keys of the references never cited.
    pub uncited: Vec<String>,
}

/// One citation in a [`CitesView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationView {
    /// The citation as written.
    pub text: String,
    /// `parenthetical`, `narrative` or `year-only`.
    pub kind: CitationKind,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The names (for a year-only citation, those chosen from the prose).
    pub authors: Vec<String>,
    /// Whether `et al.` follows the names.
    pub et_al: bool,
    /// The year as cited, or null when truncated.
    pub year: Option<String>,
    /// Where in the cited work, as written.
    pub locator: Option<String>,
    /// The title of the section the citation is in.
    pub section: Option<String>,
    /// The key of the work it resolves to, or null.
    pub work: Option<String>,
    /// `exact`, `tolerant`, `unresolved` or `truncated`.
    pub status: Status,
    /// The problem in words, or null.
    pub problem: Option<String>,
    /// The codes of the tolerances (`misspelled`, `year-differs`, ...).
    pub reasons: Vec<&'static str>,
}
