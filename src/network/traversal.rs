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

/// N- and N+ in `f64`, or `None` if a count or an arc weight could pass `f64::MAX`.
fn counts_f64(dag: &Dag<'_>, every_start: bool, every_end: bool) -> Option<(Vec<f64>, Vec<f64>)> {
    let n = dag.n;
    let mut minus = vec![0f64; n];
    let mut plus = vec![0f64; n];
    for &u in &dag.order {
        let preds = dag.pred(u);
        let mut s = 0.0;
        for &p in preds {
            s += minus[p as usize];
        }
        if every_start || preds.is_empty() {
            s += 1.0;
        }
        minus[u as usize] = s;
    }
    for &u in dag.order.iter().rev() {
        let succs = dag.succ(u);
        let mut s = 0.0;
        for &q in succs {
            s += plus[q as usize];
        }
        if every_end || succs.is_empty() {
            s += 1.0;
        }
        plus[u as usize] = s;
    }
    let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    // Every product N-(u) N+(v), and the totals, stay finite.
    let bound = max(&minus) * max(&plus) * n as f64;
    bound.is_finite().then_some((minus, plus))
}

/// N- and N+ as scaled counts, which do not overflow.
fn counts_scaled(dag: &Dag<'_>, every_start: bool, every_end: bool) -> (Vec<Count>, Vec<Count>) {
    let n = dag.n;
    let mut minus = vec![Count::ZERO; n];
    let mut plus = vec![Count::ZERO; n];
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
    (minus, plus)
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
        let every_start = weight != Weight::Spc;
        let every_end = weight == Weight::Spnp;
        // Plain floats first; scaled counts only if they overflow.
        let (minus, plus) = match counts_f64(&dag, every_start, every_end) {
            Some((m, p)) => {
                (m.into_iter().map(Count::from_f64).collect(), p.into_iter().map(Count::from_f64).collect())
            }
            None => counts_scaled(&dag, every_start, every_end),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;

    /// A chain of `k` diamonds: 2^k source-to-sink paths.
    fn diamonds(k: usize) -> Network {
        let mut b = NetworkBuilder::new();
        let mut top = b.work("d0");
        for i in 0..k {
            let (l, r, next) = (b.work(&format!("l{i}")), b.work(&format!("r{i}")), b.work(&format!("d{}", i + 1)));
            for (citing, cited) in [(l, top), (r, top), (next, l), (next, r)] {
                b.cite(citing, cited);
            }
            top = next;
        }
        b.build().0
    }

    #[test]
    fn path_counts_past_f64_are_kept_in_scaled_counts() {
        let net = diamonds(1100); // 2^1100 paths, past f64::MAX (about 2^1024)
        let t = Traversal::new(&net, Weight::Spc);
        let expected = 1100.0 * std::f64::consts::LOG10_2;
        assert!((t.total().log10() - expected).abs() < 1e-9, "{}", t.total().log10());
        // The first link carries half of all paths.
        let (d0, l0) = (net.find("d0").unwrap(), net.find("l0").unwrap());
        let w = t.citation_weight(l0, d0).unwrap();
        assert!((w.log10() - (expected - std::f64::consts::LOG10_2)).abs() < 1e-9);
        assert!(w.to_f64().is_infinite());
        let path = t.main_path(crate::network::Method::LocalForward);
        assert_eq!(path.links.len(), 2200);
    }

    #[test]
    fn plain_and_scaled_counts_agree() {
        let net = diamonds(30);
        let dag = Dag::new(&net);
        for (start, end) in [(false, false), (true, false), (true, true)] {
            let (m, p) = counts_f64(&dag, start, end).unwrap();
            let (ms, ps) = counts_scaled(&dag, start, end);
            for (a, b) in m.iter().zip(&ms).chain(p.iter().zip(&ps)) {
                assert_eq!(*a, b.to_f64());
            }
        }
    }
}
