//! Drafting from an article read by [`crate::read`]: its resolved citations in any style, its
//! sections, and its body up to the reference list.

use super::{draft, Article, Cited, Drafts};
use crate::read::Article as Read;

/// The resolved citations of a read article, with each work's year and family names from
/// the article's own reference list.
pub fn cited_of(read: &Read) -> Vec<Cited> {
    read.citations
        .iter()
        .filter_map(|c| {
            let work = c.resolution.work.clone()?;
            let found = read.corpus.work(work.as_str());
            let year = found.and_then(|w| w.year.as_ref()).and_then(|y| y.sort_year());
            let names = found.map(|w| w.family_names()).unwrap_or_default();
            Some(Cited { span: c.citation.span.clone(), work, year, locator: c.citation.locator.clone(), names })
        })
        .collect()
}

/// Drafts concepts, senses and lineage from `text` as [`crate::read::read_article`] read it.
pub fn draft_read(text: &str, read: &Read) -> Drafts {
    let cited = cited_of(read);
    // The body ends where the reference list's heading starts.
    let body_end = read
        .list
        .as_ref()
        .map(|(_, r)| {
            read.sections.iter().filter(|s| s.span.start <= r.start).map(|s| s.span.start).max().unwrap_or(r.start)
        })
        .unwrap_or(text.len());
    let sections =
        read.sections.iter().filter(|s| s.span.start < body_end).map(|s| (s.span.clone(), s.title.clone())).collect();
    draft(&Article { text, body: 0..body_end, source: read.source.key.clone(), citations: &cited, sections })
}
