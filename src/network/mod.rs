//! Citation networks at scale: works as columns, citations as CSR arrays.
//!
//! The rich [`crate::Corpus`] keeps every work as a full record; a [`Network`] keeps only
//! what network analysis needs (ids, years, short labels, titles, DOIs, whether a work is a
//! record of the set) in flat columns, and its citations twice as compressed sparse rows
//! (citing -> cited and cited -> citing), so that a million works and ten million
//! citations fit in a few hundred megabytes and every analysis is a pass over arrays.
//!
//! - [`NetworkBuilder`]: intern works by the source's own id, add citations, build in
//!   O(V + E) by counting sort.
//! - [`load_files`]: read files of any known format ([`readers`]) into one network, with
//!   a [`LoadReport`] that counts records, cited references, matches, cited-only works
//!   and every skipped entry.
//! - Readers here: Pajek ([`pajek`]) and CSV edge lists ([`edgelist`]).
//! - Analyses, each O(V + E) or close: [`lcs`]/[`lcr`] (and [`Network::gcs`]), traversal
//!   weights SPC, SPLC, SPNP ([`Traversal`], overflow-safe [`Count`]s, cycles condensed),
//!   main paths ([`Traversal::main_path`]: local forward and backward, global, key-route),
//!   [`pagerank`], [`shortest_path`] (bidirectional), the historiograph
//!   ([`histcite_corpus`], [`citation_picture`]).
//! - A selection becomes a [`crate::Corpus`] ([`to_corpus`]) for pictures, reading lists
//!   and exports; [`reading`] makes a work's ranked ancestors a reading list, and the
//!   path between two works a lineage.
//!
//! ```
//! use bibgraph::network::NetworkBuilder;
//!
//! let mut b = NetworkBuilder::new();
//! let (price, garfield) = (b.work("price1965"), b.work("garfield1955"));
//! b.cite(price, garfield);
//! let (net, _) = b.build();
//! assert_eq!(net.citers(garfield), &[price]);
//! ```

mod builder;
mod count;
pub mod counts;
mod csr;
mod dag;
pub mod edgelist;
pub mod generate;
mod graph;
pub mod histcite;
mod index;
mod load;
pub mod mainpath;
pub mod pajek;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod path;
mod progress;
pub mod rank;
pub mod reading;
pub mod select;
mod text;
pub mod traversal;
pub mod view;

pub use builder::{BuildReport, NetworkBuilder};
pub use count::Count;
pub use counts::{lcr, lcs, top_by_lcs};
pub use graph::Network;
pub use histcite::{citation_picture, histcite_corpus};
pub use load::{
    head, load_files, reader, readers, sniff, Direction, FileReport, LoadContext, LoadOptions, LoadReport, Reader,
};
pub use mainpath::{Link, MainPath, Method};
pub use path::{shortest_path, PathMode};
pub use rank::pagerank;
pub use reading::{ancestors_corpus, ranked_ancestors, Ancestor, AncestorRank};
pub use select::{ancestors, to_corpus};
pub use text::TextColumn;
pub use traversal::{Traversal, Weight};
