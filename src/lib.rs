//! bibgraph
#![allow(missing_docs)]
pub mod error;
pub mod model;
pub mod refparse;
pub use error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
