//! bibgraph
#![allow(missing_docs)]
pub mod corpus;
pub mod error;
pub mod graph;
pub mod lineage;
pub mod model;
pub mod refparse;
mod resolve;
mod yaml;
pub use corpus::Corpus;
pub use error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
