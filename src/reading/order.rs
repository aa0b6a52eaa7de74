//! The three orders of a reading list: by date, prerequisites first, and by importance
//! to the topic.

use super::pagerank::{personalized_pagerank, Csr, PageRankOptions};
use crate::corpus::Corpus;
use crate::graph::Node;
use crate::model::{Relation, Work};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Oldest first; undated works last; then by year suffix, citation and key.
pub(crate) fn by_date(a: &Work, b: &Work) -> Ordering {
    let key = |w: &Work| {
        let y = w.sort_year();
        (y.is_none(), y, w.year.as_ref().and_then(|y| y.suffix), w.citation(), w.key.clone())
    };
    key(a).cmp(&key(b))
}

impl Corpus {
    /// A position for every work in one topological order of the lineage and citation
    /// edges (an earlier work before the later one; a cited work before the one citing
    /// it). Kahn's algorithm takes the works not `selected` as soon as they are free, so
    /// they never hold a selected work back for longer than the edges require; among the
    /// selected works that are free, the oldest comes first. Works on a cycle (possible
    /// only through edges that go back in time) are released oldest first.
    /// O((V + E) log V).
    pub(crate) fn prerequisite_rank(&self, selected: &[bool]) -> Vec<usize> {
        let n = self.works.len();
        let mut succ: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut indegree = vec![0u32; n];
        let g = self.graph.inner();
        for e in g.edge_references() {
            let (Node::Work(a), Node::Work(b)) = (g[e.source()], g[e.target()]) else { continue };
            let relation = e.weight().relation;
            let (before, after) = match relation {
                r if r.is_lineage() => (a, b),
                Relation::Cites => (b, a),
                _ => continue,
            };
            succ[before as usize].push(after);
            indegree[after as usize] += 1;
        }
        // Date order as a number, so the heap compares cheaply.
        let mut by_date_order: Vec<u32> = (0..n as u32).collect();
        by_date_order.sort_by(|&a, &b| by_date(&self.works[a as usize], &self.works[b as usize]));
        let mut date_pos = vec![0usize; n];
        for (pos, &w) in by_date_order.iter().enumerate() {
            date_pos[w as usize] = pos;
        }
        let priority = |w: u32| Reverse((selected.get(w as usize).copied().unwrap_or(false), date_pos[w as usize], w));
        let mut heap: BinaryHeap<Reverse<(bool, usize, u32)>> =
            (0..n as u32).filter(|&w| indegree[w as usize] == 0).map(priority).collect();
        let mut rank = vec![usize::MAX; n];
        let mut placed = 0;
        let mut fallback = by_date_order.iter();
        while placed < n {
            let w = match heap.pop() {
                Some(Reverse((_, _, w))) if rank[w as usize] == usize::MAX => w,
                Some(_) => continue,
                // A cycle: release its oldest work.
                None => match fallback.find(|&&w| rank[w as usize] == usize::MAX) {
                    Some(&w) => w,
                    None => break,
                },
            };
            rank[w as usize] = placed;
            placed += 1;
            for &s in &succ[w as usize] {
                indegree[s as usize] = indegree[s as usize].saturating_sub(1);
                if indegree[s as usize] == 0 && rank[s as usize] == usize::MAX {
                    heap.push(priority(s));
                }
            }
        }
        rank
    }

    /// The ranking graph: works and concepts (people left out), each link carrying
    /// credit towards what is drawn on. A later work credits the earlier work of a
    /// lineage edge, a citing work the cited one; works and concepts credit each other,
    /// and so do related concepts. Node `i < W` is work `i`; node `W + j` is concept `j`.
    pub(crate) fn ranking_graph(&self) -> Csr {
        let works = self.works.len() as u32;
        let index = |node: Node| match node {
            Node::Work(w) => Some(w),
            Node::Concept(c) => Some(works + c),
            Node::Person(_) => None,
        };
        let g = self.graph.inner();
        let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(2 * g.edge_count());
        for e in g.edge_references() {
            let (Some(a), Some(b)) = (index(g[e.source()]), index(g[e.target()])) else { continue };
            let relation = e.weight().relation;
            if relation.is_lineage() {
                edges.push((b, a, 1.0));
            } else if relation == Relation::Cites {
                edges.push((a, b, 1.0));
            } else if relation.is_work_to_concept() || relation.is_concept_to_concept() {
                edges.push((a, b, 1.0));
                edges.push((b, a, 1.0));
            }
        }
        Csr::from_edges(self.works.len() + self.concepts.len(), edges)
    }

    /// Personalised PageRank over [`Corpus::ranking_graph`], restarting at `anchors`; one
    /// score per work. O(iterations × (V + E)).
    pub(crate) fn importance(&self, anchors: &[(Node, f64)]) -> Vec<f64> {
        let works = self.works.len() as u32;
        let seeds: Vec<(u32, f64)> = anchors
            .iter()
            .filter_map(|&(node, weight)| match node {
                Node::Work(w) => Some((w, weight)),
                Node::Concept(c) => Some((works + c, weight)),
                Node::Person(_) => None,
            })
            .collect();
        let mut scores = personalized_pagerank(&self.ranking_graph(), &seeds, &PageRankOptions::default());
        scores.truncate(self.works.len());
        scores
    }
}
