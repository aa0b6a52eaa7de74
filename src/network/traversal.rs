//! Traversal weights (Batagelj 2003): SPC, SPLC and SPNP.
//!
//! On the flow DAG ([`super::dag`]), each node gets `N-(u)`, the number of paths that end
//! at `u`, and `N+(u)`, the number of paths that start there; an arc's weight is
//! `N-(u) × N+(v)`, the number of counted paths through it:
//!
//! | weight | paths counted | `N-(u)` | `N+(v)` |
//! |---|---|---|---|
//! | SPC (search path count) | from a source to a sink | 1 at a source, else the sum over predecessors | 1 at a sink, else the sum over successors |
//! | SPLC (search path link count) | from any work to a sink | 1 + the sum over predecessors | as SPC |
//! | SPNP (search path node pair) | from any work to any work | 1 + the sum over predecessors | 1 + the sum over successors |
//!
//! Two passes over the arcs in topological order: O(V + E). Counts are [`Count`]s, so
//! they do not overflow.

use super::count::{Count, Sum};
use super::dag::Dag;
use super::graph::Network;
use crate::error::Diagnostic;

/// Which traversal weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    /// Search path count: paths from a source to a sink.
    #[default]
    Spc,
    /// Search path link count: paths from any work to a sink.
    Splc,
    /// Search path node pair: paths from any work to any work.
    Spnp,
}

impl std::str::FromStr for Weight {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Weight> {
        match s.to_ascii_lowercase().as_str() {
            "spc" => Ok(Weight::Spc),
            "splc" => Ok(Weight::Splc),
            "spnp" => Ok(Weight::Spnp),
            _ => Err(crate::Error::new(crate::ErrorKind::NotFound, format!("unknown weight `{s}` (spc, splc, spnp)"))),
        }
    }
}

/// The traversal weights of a network's citations.
#[derive(Debug, Clone)]
pub struct Traversal<'a> {
    pub(crate) net: &'a Network,
    pub(crate) dag: Dag<'a>,
    /// Which weight.
    pub weight: Weight,
    pub(crate) minus: Vec<Count>,
    pub(crate) plus: Vec<Count>,
}

impl<'a> Traversal<'a> {
    /// Counts the paths of `net` for `weight`: O(V + E).
    pub fn new(net: &'a Network, weight: Weight) -> Traversal<'a> {
        let dag = Dag::new(net);
        let n = dag.n;
        let mut minus = vec![Count::ZERO; n];
        let mut plus = vec![Count::ZERO; n];
        let every_start = weight != Weight::Spc;
        let every_end = weight == Weight::Spnp;
        for &u in &dag.order {
            let preds = dag.pred(u);
            let mut s = Sum::new();
            for &p in preds {
                s.add(minus[p as usize]);
            }
            let mut c = s.get();
            if every_start || preds.is_empty() {
                c = c.plus(Count::ONE);
            }
            minus[u as usize] = c;
        }
        for &u in dag.order.iter().rev() {
            let succs = dag.succ(u);
            let mut s = Sum::new();
            for &q in succs {
                s.add(plus[q as usize]);
            }
            let mut c = s.get();
            if every_end || succs.is_empty() {
                c = c.plus(Count::ONE);
            }
            plus[u as usize] = c;
        }
        Traversal { net, dag, weight, minus, plus }
    }

    /// The network.
    pub fn network(&self) -> &'a Network {
        self.net
    }

    /// What was done about cycles (empty for an acyclic network).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.dag.diagnostics
    }

    /// The weight of the citation of `cited` by `citing` (works), if that citation links two
    /// different nodes of the flow network.
    pub fn citation_weight(&self, citing: u32, cited: u32) -> Option<Count> {
        if citing as usize >= self.net.len() || cited as usize >= self.net.len() {
            return None;
        }
        let (u, v) = (self.dag.node(cited), self.dag.node(citing));
        self.dag.succ(u).contains(&v).then(|| self.arc(u, v))
    }

    /// The weight of flow arc `u -> v` (nodes).
    #[inline]
    pub(crate) fn arc(&self, u: u32, v: u32) -> Count {
        self.minus[u as usize].times(self.plus[v as usize])
    }

    /// `N-` of work `w`'s node: the counted paths ending there.
    pub fn paths_to(&self, w: u32) -> Count {
        self.minus.get(self.dag.node(w) as usize).copied().unwrap_or_default()
    }

    /// `N+` of work `w`'s node: the counted paths starting there.
    pub fn paths_from(&self, w: u32) -> Count {
        self.plus.get(self.dag.node(w) as usize).copied().unwrap_or_default()
    }

    /// The number of counted paths in all (for SPC: from a source to a sink), by which
    /// weights are normalised.
    pub fn total(&self) -> Count {
        let mut s = Sum::new();
        for u in 0..self.dag.n as u32 {
            if self.weight == Weight::Spnp || self.dag.succ(u).is_empty() {
                s.add(self.minus[u as usize]);
            }
        }
        s.get()
    }

    /// Every flow arc with its weight, as `(cited work, citing work, weight)`: the works
    /// shown for condensed nodes. O(E).
    pub fn arcs(&self) -> impl Iterator<Item = (u32, u32, Count)> + '_ {
        (0..self.dag.n as u32).flat_map(move |u| {
            self.dag.succ(u).iter().map(move |&v| (self.dag.work(u), self.dag.work(v), self.arc(u, v)))
        })
    }
}
