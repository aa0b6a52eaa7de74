//! A HistCite-style historiograph: the top N works by local citation score on a time axis,
//! with the citations among them, drawn by [`crate::picture`].

use super::counts::top_by_lcs;
use super::graph::Network;
use super::select::to_corpus;
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Relation;
use crate::picture::{Historiograph, PictureEdge};
use std::collections::HashMap;

/// The corpus of the `top` works with the highest LCS and the citations among them.
///
/// # Errors
/// [`ErrorKind::NotFound`] when no work is cited by a record of the set.
pub fn histcite_corpus(net: &Network, top: usize) -> Result<Corpus> {
    let works = top_by_lcs(net, top);
    if works.is_empty() {
        return Err(Error::new(ErrorKind::NotFound, "no work of the network is cited by a record of the set"));
    }
    to_corpus(net, &works, None, &format!("Historiograph: the {} works most cited within the set", works.len()))
}

/// A picture of a corpus's works and its `cites` edges (which [`Historiograph::graph`],
/// drawing lineage links, leaves out). Links run from the cited to the citing work.
pub fn citation_picture(corpus: &Corpus) -> Historiograph<'_> {
    let works: Vec<_> = corpus.works().iter().collect();
    let index: HashMap<&str, usize> = works.iter().enumerate().map(|(i, w)| (w.key.as_str(), i)).collect();
    let mut edges = Vec::new();
    for e in corpus.edges() {
        if e.relation != Relation::Cites {
            continue;
        }
        let crate::model::EdgeTarget::Work(to) = &e.to else { continue };
        if let (Some(&citing), Some(&cited)) = (index.get(e.from.as_str()), index.get(to.as_str())) {
            edges.push(PictureEdge {
                from: cited,
                to: citing,
                relation: Relation::Cites,
                on_path: false,
                evidence: format!("{} cites {}", works[citing].citation(), works[cited].citation()),
            });
        }
    }
    let title = corpus.meta().title.clone().unwrap_or_else(|| corpus.meta().id.clone());
    Historiograph { title, works, edges }
}
