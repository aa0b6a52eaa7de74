//! What [`read_article`](super::read_article) gives back, for people and programs: a
//! summary (text or JSON), and a corpus directory with the works and one `cites` edge per
//! citation.

use super::{Article, StyleDetection};
use crate::cites::Status;
use crate::error::{Error, ErrorKind, Result};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// One citation in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationLine {
    /// As written.
    pub text: String,
    /// The form: `bracketed`, `numbered`, `parenthetical`, ...
    pub kind: &'static str,
    /// 1-based line and column.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The section it stands in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The paragraph number.
    pub paragraph: u32,
    /// The page, for a text with page breaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The locator as cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The note it stands in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<u32>,
    /// `exact`, `tolerant`, `unresolved`, `truncated`.
    pub status: &'static str,
    /// The work's key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    /// What is wrong, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// The summary of an article read: counts, the detected style, every citation, the
/// problems and the references never cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    /// The file read.
    pub file: String,
    /// The style and why.
    pub style: StyleDetection,
    /// The heading of the reference list found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_heading: Option<String>,
    /// Entries in the reference list.
    pub entries: usize,
    /// Citations found.
    pub citations: usize,
    /// Citations resolved to a work (exactly or tolerantly).
    pub resolved: usize,
    /// Problems (warnings).
    pub problems: usize,
    /// References never cited: their keys and citations (`Hall 1980`).
    pub never_cited: Vec<String>,
    /// The citations.
    pub list: Vec<CitationLine>,
    /// The problems, located.
    pub problem_list: Vec<String>,
}

impl Article {
    /// The summary.
    pub fn summary(&self) -> ArticleSummary {
        let works = self.works();
        ArticleSummary {
            file: self.file.clone(),
            style: self.style.clone(),
            list_heading: self.list.as_ref().map(|(h, _)| h.clone()),
            entries: works.len(),
            citations: self.citations.len(),
            resolved: self.citations.iter().filter(|c| c.resolution.work.is_some()).count(),
            problems: self.problems.len(),
            never_cited: self
                .uncited
                .iter()
                .map(|k| {
                    let w = self.corpus.work(k.as_str());
                    let label = w.and_then(|w| w.label.clone()).or_else(|| w.map(|w| w.citation()));
                    format!("{k} ({})", label.unwrap_or_default())
                })
                .collect(),
            list: self
                .citations
                .iter()
                .map(|c| CitationLine {
                    text: c.citation.text.clone(),
                    kind: c.citation.kind.as_str(),
                    line: c.citation.line,
                    column: c.citation.column,
                    section: c.section.clone(),
                    paragraph: c.paragraph,
                    page: c.page,
                    locator: c.citation.locator.clone(),
                    note: c.citation.note,
                    status: c.resolution.status.as_str(),
                    work: c.resolution.work.as_ref().map(|k| k.to_string()),
                    problem: c.resolution.problem(),
                })
                .collect(),
            problem_list: self.problems.iter().map(ToString::to_string).collect(),
        }
    }

    /// The summary for people: counts, style, problems, references never cited.
    pub fn summary_text(&self) -> String {
        let s = self.summary();
        let mut out = String::new();
        let _ = writeln!(out, "{}", s.file);
        let how = if s.style.hinted { "given" } else { "detected" };
        let _ = writeln!(out, "  style: {} ({how}: {})", s.style.style.as_str(), s.style.evidence);
        match &s.list_heading {
            Some(h) => {
                let _ = writeln!(out, "  reference list: \"{h}\", {} entries", s.entries);
            }
            None => {
                let _ = writeln!(out, "  reference list: none found");
            }
        }
        let exact = self.citations.iter().filter(|c| c.resolution.status == Status::Exact).count();
        let _ = writeln!(
            out,
            "  citations: {} found, {} resolved ({exact} exact), {} not resolved",
            s.citations,
            s.resolved,
            s.citations - s.resolved
        );
        let _ = writeln!(out, "  problems: {}", s.problems);
        for p in &s.problem_list {
            let _ = writeln!(out, "    {p}");
        }
        let _ = writeln!(out, "  references never cited: {}", s.never_cited.len());
        for k in &s.never_cited {
            let _ = writeln!(out, "    {k}");
        }
        out
    }

    /// The `cites` edges as corpus YAML: one per citation that resolves to a work, with
    /// the section, paragraph and page as the provenance locator, the citation as written
    /// as the quote, and the cited pages as the edge's locator.
    pub fn cites_yaml(&self) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"));
        let source = &self.source.key;
        let mut out = String::new();
        let _ = writeln!(out, "# The in-text citations of `{source}`, read from `{}` by `bibgraph read`.", self.file);
        let resolved: Vec<_> =
            self.citations.iter().filter(|c| c.resolution.work.as_ref().is_some_and(|w| w != source)).collect();
        let _ = writeln!(out, "{}", if resolved.is_empty() { "edges: []" } else { "edges:" });
        for c in resolved {
            let Some(work) = &c.resolution.work else { continue };
            let _ = writeln!(out, "  - from: {source}");
            let _ = writeln!(out, "    to: {work}");
            let _ = writeln!(out, "    relation: cites");
            if let Some(l) = &c.citation.locator {
                let _ = writeln!(out, "    locator: {}", q(l));
            }
            let mut at = match &c.section {
                Some(s) => format!("section \"{s}\", paragraph {}", c.paragraph),
                None => format!("paragraph {}", c.paragraph),
            };
            if let Some(n) = c.citation.note {
                at.push_str(&format!(", note {n}"));
            }
            if let Some(p) = c.page {
                at.push_str(&format!(", page {p}"));
            }
            let _ = writeln!(out, "    provenance:");
            let _ = writeln!(out, "      locator: {}", q(&at));
            let _ = writeln!(out, "      quote: {}", q(&c.citation.text));
            if let Some(p) = c.resolution.problem() {
                let _ = writeln!(out, "      note: {}", q(&p));
            }
        }
        out
    }

    /// Writes the article as a corpus directory: `corpus.yaml` (the article as source),
    /// `works.yaml` (the article's own work and its list's works) and `cites.yaml` (one
    /// edge per resolved citation). `bibgraph --corpus DIR ...` reads it.
    ///
    /// # Errors
    /// [`ErrorKind::Output`] if a file cannot be written.
    pub fn write_corpus(&self, dir: &Path) -> Result<()> {
        let io = |e: std::io::Error, what: &Path| {
            Error::new(ErrorKind::Output, format!("cannot write {}: {e}", what.display()))
        };
        std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
        let title = self.source.title.clone().unwrap_or_else(|| self.source.key.to_string());
        let manifest = format!(
            "id: {}\ntitle: {}\nsource: {}\n",
            self.source.key,
            serde_json::to_string(&title).unwrap_or_default(),
            self.source.key
        );
        let works = crate::export::yaml::to_corpus_yaml(self.corpus.works())?;
        for (name, text) in [("corpus.yaml", manifest), ("works.yaml", works), ("cites.yaml", self.cites_yaml())] {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| io(e, &path))?;
        }
        Ok(())
    }
}
