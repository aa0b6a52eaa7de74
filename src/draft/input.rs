//! Citations as the drafter takes them, from the author-date reader of [`crate::cites`].

use super::Cited;
use crate::cites::CitationReport;
use crate::Corpus;

/// The resolved citations of a [`CitationReport`], with each work's year from `corpus`.
/// Unresolved citations are left out: a sense or link needs a work.
pub fn from_report(corpus: &Corpus, report: &CitationReport) -> Vec<Cited> {
    report
        .citations
        .iter()
        .filter_map(|c| {
            let work = c.resolution.work.clone()?;
            let found = corpus.work(work.as_str());
            let year = found.and_then(|w| w.year.as_ref()).and_then(|y| y.sort_year());
            let names = found.map(|w| w.family_names()).unwrap_or_default();
            Some(Cited { span: c.citation.span.clone(), work, year, locator: c.citation.locator.clone(), names })
        })
        .collect()
}
