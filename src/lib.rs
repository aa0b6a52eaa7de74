//! # bibgraph
//!
//! Turns scholarly reference lists and concept definitions into one citation/concept
//! graph, answers questions about how ideas travelled (lineage), and keeps every claim
//! tied to its source.
//!
//! The built-in corpus is R. Waldinger's review article 'Immigrant transnationalism'
//! (sociopedia.isa): its 66 references as printed, the concepts it defines or discusses,
//! and its account of how 'transnational' travelled from Bourne (1916) to Portes (1999).
//!
//! ```
//! use bibgraph::{lineage::LineageOptions, Corpus};
//!
//! let corpus = Corpus::builtin()?;
//! let from = corpus.find_work("Bourne 1916")?.key.clone();
//! let to = corpus.find_work("Portes et al. 1999")?.key.clone();
//! let lineage = corpus.lineage(from.as_str(), to.as_str(), &LineageOptions::default())?;
//!
//! let steps: Vec<String> = lineage.path.iter().map(|k| corpus.work(k.as_str()).unwrap().citation()).collect();
//! assert_eq!(steps.first().map(String::as_str), Some("Bourne 1916"));
//! assert_eq!(steps.last().map(String::as_str), Some("Portes et al. 1999"));
//! // The article says Bourne was forgotten: the first link is succession, not influence.
//! assert!(!lineage.links[0].attested);
//! for link in &lineage.links {
//!     // Every link carries its source, a locator and the evidence.
//!     assert!(!link.provenance.locator.is_empty());
//! }
//! # Ok::<(), bibgraph::Error>(())
//! ```
//!
//! ## Modules
//! - [`model`]: works, names, years, concepts, relations, provenance.
//! - [`refparse`]: reading author-date reference lists, damage and all.
//! - [`cites`]: in-text citations: finding, sectioning, resolving and reporting them.
//! - [`corpus`]: loading and validating a corpus directory, or the built-in one.
//! - [`import`]: users' own bibliographies, BibTeX, BibLaTeX and CSL-JSON, read entry by
//!   entry with every problem located and nothing lost.
//! - [`netimport`]: Web of Science, Scopus, OpenAlex, Crossref and Semantic Scholar exports
//!   read into records, their cited references matched within the set.
//! - [`graph`]: the petgraph graph of works, people and concepts.
//! - [`lineage`]: paths, ancestors, descendants, concept histories.
//! - [`read`]: a whole article: its reference list found by its heading, its citations
//!   in any common style, resolved, with section, paragraph and page; `bibgraph read`.
//! - [`reading`]: reading lists on a concept, a work or a section, in three orders, each
//!   entry with its reasons.
//! - [`style`]: references formatted by a citation style (APA, Chicago, any CSL file),
//!   through hayagriva.
//! - [`export`]: BibLaTeX, CSL-JSON, the YAML corpus format, Markdown annotated
//!   bibliographies.
//! - [`render`] and [`csl`]: text, JSON and CSL-JSON views.
//! - [`network`]: citation networks at scale (Pajek, edge lists, bibliographic exports) as
//!   compact CSR arrays; SPC/SPLC/SPNP, main paths, PageRank, HistCite historiographs.
//! - [`picture`]: historiographs (works on a time axis, lanes by discipline) as SVG.
//! - [`export`]: the whole graph as DOT, GraphML or node-link JSON.
//! - [`Error`]: the one error type, with locations.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod cites;
pub mod corpus;
pub mod csl;
pub mod encoding;
pub mod error;
mod escape;
pub mod export;
pub mod graph;
pub mod import;
pub mod lineage;
pub mod model;
pub mod netimport;
pub mod network;
pub mod picture;
pub mod read;
pub mod reading;
pub mod refparse;
pub mod render;
mod resolve;
pub mod style;
mod yaml;
mod yaml_scan;

pub use corpus::{Corpus, CorpusFile};
pub use error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
