//! In-text citations: finding them in running text, knowing their section, resolving them
//! against a corpus, and saying what is wrong with them.
//!
//! - [`extract`](mod@extract) finds author-date citations: parenthetical, grouped,
//!   narrative, year-only, truncated; with locators and year suffixes.
//! - [`sections`] reads the text's heading structure, so each citation knows its section.
//! - [`resolve`] matches a citation to a work: exactly, or tolerantly with the reason.
//! - [`report`] puts it together: every citation with its work, status and problem, and
//!   the references never cited; as text, JSON, or `cites` edges for a corpus.
//!
//! ```
//! let corpus = bibgraph::Corpus::builtin()?;
//! let text = "#### Homeland politics\n\n'long-distance nationalism' (Anderson, 1998) and (Smith, 2006).\n";
//! let report = bibgraph::cites::check(&corpus, text, "note.md");
//! let got: Vec<(&str, Option<&str>, &str)> = report
//!     .citations
//!     .iter()
//!     .map(|c| (c.citation.text.as_str(), c.resolution.work.as_ref().map(|k| k.as_str()), c.resolution.status.as_str()))
//!     .collect();
//! assert_eq!(got, [("(Anderson, 1998)", Some("anderson1998"), "exact"), ("(Smith, 2006)", Some("smith2005"), "tolerant")]);
//! assert_eq!(
//!     report.citations[1].resolution.problem().as_deref(),
//!     Some("year differs: 2006 for 2005; the work is not in the reference list (the corpus has it from Annotated further reading)")
//! );
//! assert_eq!(report.counts().uncited, 65);
//! # Ok::<(), bibgraph::Error>(())
//! ```

mod brackets;
pub mod extract;
mod lex;
mod notes;
mod prose;
pub mod report;
pub mod resolve;
pub mod sections;

pub use extract::{extract, extract_with, Citation, CitationKind, ExtractOptions, Extraction, NameGroup};
pub use report::{CitationReport, CitationView, CitesView, Counts, ResolvedCitation};
pub use resolve::{CitationIndex, Resolution, Status, Tolerance};
pub use sections::{read_sections, section_at, Section};

use crate::corpus::Corpus;

/// Finds the citations of `text` (named `file` in the report), resolves each against
/// `corpus`, and lists the references never cited. Never fails.
///
/// Complexity: linear in the length of the text, plus O(n) in the number of works.
pub fn check(corpus: &Corpus, text: &str, file: &str) -> CitationReport {
    CitationReport::new(corpus, text, file)
}
