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
pub mod edgelist;
mod graph;
mod index;
mod load;
pub mod pajek;
mod progress;
mod text;

pub use builder::{BuildReport, NetworkBuilder};
pub use graph::Network;
pub use load::{
    head, load_files, reader, readers, sniff, Direction, FileReport, LoadContext, LoadOptions, LoadReport, Reader,
};
pub use text::TextColumn;
