//! Exports of a reading list or of a whole corpus, in the formats other tools read:
//!
//! - [`biblatex`]: BibLaTeX, for LaTeX (written and read through the `biblatex` crate);
//! - CSL-JSON, for Zotero, pandoc and citeproc: see [`crate::csl`] and [`csl_json`];
//! - [`yaml`]: bibgraph's own corpus format;
//! - [`markdown`]: a reading list as an annotated bibliography, with references
//!   formatted by a [`crate::style::Style`].
//!
//! Every export writes works in the order given and is deterministic: the same works
//! give the same bytes, run after run, and entries are keyed by the works' keys. A work
//! exported to BibLaTeX or CSL-JSON and read back is the same work, every field included.

pub mod biblatex;
pub mod markdown;
pub mod yaml;

use crate::error::Result;
use crate::model::Work;

/// Works as a CSL-JSON array (pretty-printed), in order.
///
/// # Errors
/// [`crate::ErrorKind::Output`] if serialisation fails.
pub fn csl_json<'a>(works: impl IntoIterator<Item = &'a Work>) -> Result<String> {
    crate::render::to_json(&crate::csl::to_csl_array(works))
}
