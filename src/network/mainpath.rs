//! Main paths through the traversal weights: local forward and backward (Hummon and
//! Doreian; Batagelj), global (Liu and Lu), and key-route (Liu and Lu 2012).
//!
//! Links run in the direction knowledge flows: from the cited (earlier) work to the work
//! citing it. Ties between arcs of equal weight go to the lower node index, so a path is
//! one path, the same on every run.

use super::count::Count;
use super::traversal::Traversal;
use crate::error::Diagnostic;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// An arc ranked by weight, ties to the lower `(u, v)`.
type Ranked = (Count, Reverse<(u32, u32)>);

/// How to choose the main path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// From the heaviest arc leaving a source, follow the heaviest arc out until a sink.
    LocalForward,
    /// From the heaviest arc entering a sink, follow the heaviest arc in until a source.
    LocalBackward,
    /// The source-to-sink path whose arc weights sum highest.
    Global,
    /// The `k` heaviest arcs, each extended backward to a source and forward to a sink by
    /// local search; their union.
    KeyRoute(usize),
}

/// A link of a main path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The cited (earlier) work.
    pub from: u32,
    /// The citing (later) work.
    pub to: u32,
    /// The link's traversal weight.
    pub weight: Count,
}

/// A main path: works in flow order (earliest first) and the links between them.
#[derive(Debug, Clone, PartialEq)]
pub struct MainPath {
    /// The works, in topological order of the flow (sources first).
    pub works: Vec<u32>,
    /// The links: consecutive for a local or global path, the union for key-route.
    pub links: Vec<Link>,
    /// What was done about cycles, if anything.
    pub diagnostics: Vec<Diagnostic>,
}

impl Traversal<'_> {
    /// The main path by `method`: O(V + E) (key-route: O(E log k + k × path length)).
    /// Empty for a network without citations.
    pub fn main_path(&self, method: Method) -> MainPath {
        let nodes_links: (Vec<u32>, Vec<(u32, u32)>) = match method {
            Method::LocalForward => self.forward_from_sources(),
            Method::LocalBackward => self.backward_from_sinks(),
            Method::Global => self.global(),
            Method::KeyRoute(k) => self.key_route(k),
        };
        let (nodes, arcs) = nodes_links;
        let mut position = vec![u32::MAX; 0];
        if !nodes.is_empty() {
            position = vec![u32::MAX; self.dag.n];
            for (i, &u) in self.dag.order.iter().enumerate() {
                position[u as usize] = i as u32;
            }
        }
        let mut nodes = nodes;
        nodes.sort_unstable_by_key(|&u| position[u as usize]);
        nodes.dedup();
        let mut arcs = arcs;
        arcs.sort_unstable_by_key(|&(u, v)| (position[u as usize], position[v as usize]));
        arcs.dedup();
        MainPath {
            works: nodes.iter().map(|&u| self.dag.work(u)).collect(),
            links: arcs
                .iter()
                .map(|&(u, v)| Link { from: self.dag.work(u), to: self.dag.work(v), weight: self.arc(u, v) })
                .collect(),
            diagnostics: self.dag.diagnostics.clone(),
        }
    }

    /// The heaviest arc out of `u`, if any.
    fn best_out(&self, u: u32) -> Option<u32> {
        let mut best: Option<(Count, u32)> = None;
        for &v in self.dag.succ(u) {
            let w = self.arc(u, v);
            if best.is_none_or(|(bw, bv)| w > bw || (w == bw && v < bv)) {
                best = Some((w, v));
            }
        }
        best.map(|(_, v)| v)
    }

    /// The heaviest arc into `v`, if any.
    fn best_in(&self, v: u32) -> Option<u32> {
        let mut best: Option<(Count, u32)> = None;
        for &u in self.dag.pred(v) {
            let w = self.arc(u, v);
            if best.is_none_or(|(bw, bu)| w > bw || (w == bw && u < bu)) {
                best = Some((w, u));
            }
        }
        best.map(|(_, u)| u)
    }

    fn follow_forward(&self, mut v: u32, nodes: &mut Vec<u32>, arcs: &mut Vec<(u32, u32)>) {
        while let Some(w) = self.best_out(v) {
            arcs.push((v, w));
            nodes.push(w);
            v = w;
        }
    }

    fn follow_backward(&self, mut u: u32, nodes: &mut Vec<u32>, arcs: &mut Vec<(u32, u32)>) {
        while let Some(p) = self.best_in(u) {
            arcs.push((p, u));
            nodes.push(p);
            u = p;
        }
    }

    fn heaviest(&self, arcs: impl Iterator<Item = (u32, u32)>) -> Option<(u32, u32)> {
        let mut best: Option<(Count, u32, u32)> = None;
        for (u, v) in arcs {
            let w = self.arc(u, v);
            if best.is_none_or(|(bw, bu, bv)| w > bw || (w == bw && (u, v) < (bu, bv))) {
                best = Some((w, u, v));
            }
        }
        best.map(|(_, u, v)| (u, v))
    }

    fn forward_from_sources(&self) -> (Vec<u32>, Vec<(u32, u32)>) {
        let sources = (0..self.dag.n as u32).filter(|&u| self.dag.pred(u).is_empty());
        let start = self.heaviest(sources.flat_map(|u| self.dag.succ(u).iter().map(move |&v| (u, v))));
        let (mut nodes, mut arcs) = (Vec::new(), Vec::new());
        if let Some((u, v)) = start {
            nodes.extend([u, v]);
            arcs.push((u, v));
            self.follow_forward(v, &mut nodes, &mut arcs);
        }
        (nodes, arcs)
    }

    fn backward_from_sinks(&self) -> (Vec<u32>, Vec<(u32, u32)>) {
        let sinks = (0..self.dag.n as u32).filter(|&v| self.dag.succ(v).is_empty());
        let start = self.heaviest(sinks.flat_map(|v| self.dag.pred(v).iter().map(move |&u| (u, v))));
        let (mut nodes, mut arcs) = (Vec::new(), Vec::new());
        if let Some((u, v)) = start {
            nodes.extend([u, v]);
            arcs.push((u, v));
            self.follow_backward(u, &mut nodes, &mut arcs);
        }
        (nodes, arcs)
    }

    fn global(&self) -> (Vec<u32>, Vec<(u32, u32)>) {
        let n = self.dag.n;
        // best[v]: the heaviest sum of weights over paths from a source to v.
        let mut best = vec![Count::ZERO; n];
        let mut back = vec![u32::MAX; n];
        for &v in &self.dag.order {
            for &u in self.dag.pred(v) {
                let s = best[u as usize].plus(self.arc(u, v));
                let b = &mut best[v as usize];
                if s > *b || (s == *b && back[v as usize] != u32::MAX && u < back[v as usize]) {
                    *b = s;
                    back[v as usize] = u;
                }
            }
        }
        let end = (0..n as u32)
            .filter(|&v| self.dag.succ(v).is_empty() && back[v as usize] != u32::MAX)
            .max_by(|&a, &b| best[a as usize].cmp(&best[b as usize]).then(b.cmp(&a)));
        let (mut nodes, mut arcs) = (Vec::new(), Vec::new());
        if let Some(mut v) = end {
            nodes.push(v);
            while back[v as usize] != u32::MAX {
                let u = back[v as usize];
                arcs.push((u, v));
                nodes.push(u);
                v = u;
            }
        }
        (nodes, arcs)
    }

    fn key_route(&self, k: usize) -> (Vec<u32>, Vec<(u32, u32)>) {
        // The k heaviest arcs, by a bounded min-heap; ties to the lower (u, v).
        let mut heap: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(k + 1);
        if k > 0 {
            for u in 0..self.dag.n as u32 {
                for &v in self.dag.succ(u) {
                    let item = Reverse((self.arc(u, v), Reverse((u, v))));
                    if heap.len() < k {
                        heap.push(item);
                    } else if heap.peek().is_some_and(|top| item < *top) {
                        heap.pop();
                        heap.push(item);
                    }
                }
            }
        }
        let (mut nodes, mut arcs) = (Vec::new(), Vec::new());
        for Reverse((_, Reverse((u, v)))) in heap.into_sorted_vec() {
            nodes.extend([u, v]);
            arcs.push((u, v));
            self.follow_backward(u, &mut nodes, &mut arcs);
            self.follow_forward(v, &mut nodes, &mut arcs);
        }
        (nodes, arcs)
    }
}
