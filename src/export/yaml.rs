//! Works in the YAML corpus format (`docs/corpus-format.md`), so that a corpus, or the
//! works of a reading list, can be edited by hand and loaded again.
//!
//! Every field of a work is written, the raw text and repairs of reference-list works
//! included, and every provenance names its `source`, so the file loads on its own
//! (without a `corpus.yaml`) and gives the same works. Where each work was read from is
//! not written: loading the file again records the new place.

use crate::error::Result;
use crate::model::Work;
use serde::Serialize;

#[derive(Serialize)]
struct Document {
    works: Vec<Work>,
}

/// Works as a corpus file with one `works` section, in order.
///
/// # Errors
/// [`crate::ErrorKind::Output`] if serialisation fails.
///
/// ```
/// use bibgraph::{Corpus, CorpusFile};
///
/// let corpus = Corpus::builtin()?;
/// let yaml = bibgraph::export::yaml::to_corpus_yaml(corpus.works())?;
/// let again = Corpus::from_files([CorpusFile::new("works.yaml", yaml)])?;
/// assert_eq!(again.works().len(), corpus.works().len());
/// assert_eq!(again.work("levitt2001a").unwrap().raw, corpus.work("levitt2001a").unwrap().raw);
/// # Ok::<(), bibgraph::Error>(())
/// ```
pub fn to_corpus_yaml<'a>(works: impl IntoIterator<Item = &'a Work>) -> Result<String> {
    let works = works.into_iter().map(|w| Work { origin: None, ..w.clone() }).collect();
    let body = crate::yaml::to_string(&Document { works })?;
    Ok(format!("# Works in the bibgraph corpus format (docs/corpus-format.md).\n{body}"))
}
