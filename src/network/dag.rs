//! The acyclic flow network that traversal weights and main paths run on.
//!
//! Knowledge flows from a cited work to the works citing it, so the flow arc `u -> v`
//! means "`v` cites `u`": a flow source cites nothing in the network, a flow sink is cited
//! by nothing. Citation data has cycles (works citing each other, errors in the data);
//! when there are any, each strongly connected component (found by an iterative Tarjan,
//! O(V + E)) becomes one node, shown by its earliest work, and a diagnostic says so.

use super::csr::{self, Csr};
use super::graph::Network;
use crate::error::{Diagnostic, Severity};
use std::borrow::Cow;

/// A DAG over nodes `0..n`: the works themselves, or their strongly connected components.
#[derive(Debug, Clone)]
pub(crate) struct Dag<'a> {
    pub(crate) n: usize,
    /// Flow successors (the citers), as CSR.
    pub(crate) succ_off: Cow<'a, [u32]>,
    pub(crate) succ: Cow<'a, [u32]>,
    /// Flow predecessors (the references), as CSR.
    pub(crate) pred_off: Cow<'a, [u32]>,
    pub(crate) pred: Cow<'a, [u32]>,
    /// Nodes in topological (flow) order: sources first.
    pub(crate) order: Vec<u32>,
    /// Work -> node, when components were condensed.
    pub(crate) comp: Option<Vec<u32>>,
    /// Node -> the work that shows it, when condensed.
    pub(crate) rep: Option<Vec<u32>>,
    /// What was done about cycles.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Dag<'a> {
    #[inline]
    pub(crate) fn succ(&self, u: u32) -> &[u32] {
        &self.succ[self.succ_off[u as usize] as usize..self.succ_off[u as usize + 1] as usize]
    }

    #[inline]
    pub(crate) fn pred(&self, u: u32) -> &[u32] {
        &self.pred[self.pred_off[u as usize] as usize..self.pred_off[u as usize + 1] as usize]
    }

    /// The work that shows node `u`.
    pub(crate) fn work(&self, u: u32) -> u32 {
        self.rep.as_ref().map_or(u, |r| r[u as usize])
    }

    /// The node of work `w`.
    pub(crate) fn node(&self, w: u32) -> u32 {
        self.comp.as_ref().map_or(w, |c| c[w as usize])
    }

    /// The flow DAG of a network, condensing cycles if there are any.
    pub(crate) fn new(net: &'a Network) -> Dag<'a> {
        let n = net.len();
        let (in_off, in_t) = net.in_csr();
        let (out_off, out_t) = net.out_csr();
        if let Some(order) = topological(n, in_off, in_t, out_off) {
            return Dag {
                n,
                succ_off: Cow::Borrowed(in_off),
                succ: Cow::Borrowed(in_t),
                pred_off: Cow::Borrowed(out_off),
                pred: Cow::Borrowed(out_t),
                order,
                comp: None,
                rep: None,
                diagnostics: Vec::new(),
            };
        }
        let (comp, count) = tarjan(n, out_off, out_t);
        // Representatives: earliest year, then lowest index.
        let mut rep = vec![u32::MAX; count];
        let mut size = vec![0u32; count];
        for w in 0..n as u32 {
            let c = comp[w as usize] as usize;
            size[c] += 1;
            let r = rep[c];
            let earlier = |a: u32, b: u32| match (net.year(a), net.year(b)) {
                (Some(x), Some(y)) => x < y,
                (Some(_), None) => true,
                _ => false,
            };
            if r == u32::MAX || earlier(w, r) {
                rep[c] = w;
            }
        }
        // Condensed citation arcs (component cites component), then flow both ways.
        let mut from = Vec::new();
        let mut to = Vec::new();
        for u in 0..n {
            for &v in &out_t[out_off[u] as usize..out_off[u + 1] as usize] {
                let (a, b) = (comp[u], comp[v as usize]);
                if a != b {
                    from.push(a);
                    to.push(b);
                }
            }
        }
        let (cites, _) = csr::from_pairs(count, &from, &to);
        drop((from, to));
        let cited_by: Csr = csr::transpose(count, &cites);
        let order = topological(count, &cited_by.offsets, &cited_by.targets, &cites.offsets)
            .unwrap_or_else(|| (0..count as u32).collect());
        let cyclic: Vec<usize> = (0..count).filter(|&c| size[c] > 1).collect();
        let in_cycles: u32 = cyclic.iter().map(|&c| size[c]).sum();
        let largest = cyclic.iter().copied().max_by_key(|&c| size[c]);
        let mut message = format!(
            "the citations contain cycles: {} groups of works that cite each other ({in_cycles} works in all) were each condensed into one node, shown by its earliest work",
            cyclic.len()
        );
        if let Some(c) = largest {
            message.push_str(&format!("; the largest has {} works, shown by `{}`", size[c], net.id(rep[c])));
        }
        let diagnostics = vec![Diagnostic::new(Severity::Note, "cycles-condensed", message)];
        Dag {
            n: count,
            succ_off: Cow::Owned(cited_by.offsets),
            succ: Cow::Owned(cited_by.targets),
            pred_off: Cow::Owned(cites.offsets),
            pred: Cow::Owned(cites.targets),
            order,
            comp: Some(comp),
            rep: Some(rep),
            diagnostics,
        }
    }
}

/// Kahn's algorithm over the flow: `None` if there is a cycle.
fn topological(n: usize, succ_off: &[u32], succ: &[u32], pred_off: &[u32]) -> Option<Vec<u32>> {
    let mut indeg: Vec<u32> = (0..n).map(|u| pred_off[u + 1] - pred_off[u]).collect();
    let mut order: Vec<u32> = (0..n as u32).filter(|&u| indeg[u as usize] == 0).collect();
    order.reserve(n - order.len());
    let mut head = 0;
    while head < order.len() {
        let u = order[head] as usize;
        head += 1;
        for &v in &succ[succ_off[u] as usize..succ_off[u + 1] as usize] {
            let d = &mut indeg[v as usize];
            *d -= 1;
            if *d == 0 {
                order.push(v);
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// Strongly connected components by Tarjan's algorithm with an explicit stack:
/// (component of each node, number of components).
pub(crate) fn tarjan(n: usize, off: &[u32], targets: &[u32]) -> (Vec<u32>, usize) {
    const NONE: u32 = u32::MAX;
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut comp = vec![NONE; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    // Call stack: (node, next edge position).
    let mut calls: Vec<(u32, u32)> = Vec::new();
    let mut next_index = 0u32;
    let mut count = 0u32;
    for root in 0..n as u32 {
        if index[root as usize] != NONE {
            continue;
        }
        calls.push((root, off[root as usize]));
        index[root as usize] = next_index;
        low[root as usize] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        while let Some(&mut (u, ref mut pos)) = calls.last_mut() {
            let end = off[u as usize + 1];
            if *pos < end {
                let v = targets[*pos as usize];
                *pos += 1;
                if index[v as usize] == NONE {
                    index[v as usize] = next_index;
                    low[v as usize] = next_index;
                    next_index += 1;
                    stack.push(v);
                    on_stack[v as usize] = true;
                    calls.push((v, off[v as usize]));
                } else if on_stack[v as usize] {
                    low[u as usize] = low[u as usize].min(index[v as usize]);
                }
            } else {
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent as usize] = low[parent as usize].min(low[u as usize]);
                }
                if low[u as usize] == index[u as usize] {
                    while let Some(w) = stack.pop() {
                        on_stack[w as usize] = false;
                        comp[w as usize] = count;
                        if w == u {
                            break;
                        }
                    }
                    count += 1;
                }
            }
        }
    }
    (comp, count as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;

    #[test]
    fn tarjan_finds_components() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4 -> 3
        let pairs = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3)];
        let (from, to): (Vec<u32>, Vec<u32>) = pairs.iter().copied().unzip();
        let (g, _) = csr::from_pairs(5, &from, &to);
        let (comp, count) = tarjan(5, &g.offsets, &g.targets);
        assert_eq!(count, 2);
        assert!(comp[0] == comp[1] && comp[1] == comp[2]);
        assert!(comp[3] == comp[4] && comp[3] != comp[0]);
    }

    #[test]
    fn cycles_are_condensed_with_a_note() {
        let mut b = NetworkBuilder::new();
        let [a, x, y, z] = ["a", "x", "y", "z"].map(|id| b.work(id));
        for (w, year) in [(a, 1990), (x, 2001), (y, 2000), (z, 2005)] {
            b.set_year(w, year);
        }
        b.cite(x, a);
        b.cite(y, a);
        b.cite(x, y);
        b.cite(y, x); // x and y cite each other
        b.cite(z, x);
        let (net, _) = b.build();
        let dag = Dag::new(&net);
        assert_eq!(dag.n, 3);
        assert_eq!(dag.node(x), dag.node(y));
        assert_eq!(dag.work(dag.node(x)), y, "the earliest work shows the group");
        assert_eq!(dag.diagnostics[0].code, "cycles-condensed");
        assert_eq!(dag.order.first().map(|&u| dag.work(u)), Some(a));
        assert_eq!(dag.order.last().map(|&u| dag.work(u)), Some(z));
    }
}
