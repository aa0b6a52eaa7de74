//! Exports of the whole corpus graph for other software: DOT for Graphviz, GraphML for
//! Gephi and Cytoscape, node-link JSON for web viewers.
//!
//! Every format carries every node (works, concepts, people) and every edge of
//! [`Corpus::graph`] with the same attributes, read from one [`GraphTable`]. Node ids are
//! `work:KEY`, `concept:ID` and `person:ID`.
//!
//! ```
//! use bibgraph::export::{export, Format};
//!
//! let corpus = bibgraph::Corpus::builtin()?;
//! let graphml = export(&corpus, Format::GraphMl)?;
//! assert!(graphml.contains(r#"<node id="work:bourne1916">"#));
//! let format: Format = "dot".parse()?;
//! assert!(export(&corpus, format)?.starts_with("digraph"));
//! # Ok::<(), bibgraph::Error>(())
//! ```

pub mod dot;
pub mod graphml;
pub mod json;
pub mod table;

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use std::fmt;
use std::str::FromStr;

pub use table::GraphTable;

/// An export format. More will be added (bibliographic ones among them), so match it
/// with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// DOT, for Graphviz: works ranked by year along a time axis.
    Dot,
    /// GraphML with typed attributes, for Gephi, Cytoscape, yEd and networkx.
    GraphMl,
    /// Node-link JSON, for web viewers and networkx.
    Json,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] = &[Format::Dot, Format::GraphMl, Format::Json];

    /// The format's name on the command line: `dot`, `graphml`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Json => "json",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Json => "json",
        }
    }

    /// What the format is for, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Format::Dot => "Graphviz DOT, works ranked by year",
            Format::GraphMl => "GraphML with typed attributes, for Gephi and Cytoscape",
            Format::Json => "node-link JSON, for web viewers",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Reads a format by its [`name`](Format::name).
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown name; the candidates are every format.
    fn from_str(s: &str) -> Result<Self> {
        Format::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<String> = Format::ALL.iter().map(|f| f.name().to_string()).collect();
            Error::new(ErrorKind::NotFound, format!("no export format `{s}`; known: {}", names.join(", ")))
                .with_candidates(names)
        })
    }
}

/// The corpus graph in a format, as one string.
///
/// # Errors
/// [`ErrorKind::Output`] if serialisation fails.
///
/// # Complexity
/// O(V + E), plus O(W log W) over the W works to rank them by year in DOT.
pub fn export(corpus: &Corpus, format: Format) -> Result<String> {
    let table = GraphTable::new(corpus);
    match format {
        Format::Dot => Ok(dot::write(&table)),
        Format::GraphMl => Ok(graphml::write(&table)),
        Format::Json => json::write(&table),
    }
}
