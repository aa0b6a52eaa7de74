//! PageRank over the network's CSR arrays.
//!
//! The walk is the one of [`crate::reading::pagerank::personalized_pagerank`] with no
//! seeds: at each step it follows one of the current work's references with probability
//! `damping`, and otherwise (or from a work with no references, a dangling node) jumps to
//! any work. Credit thus flows from citing to cited works. This version pulls along the
//! cited -> citing rows, so each iteration reads each citation once and writes each work
//! once: O(V + E) per iteration, O(V) memory besides the network. It stops when the scores
//! change by less than `tolerance` in total (L1), or after `max_iterations`.

use super::graph::Network;
use crate::reading::pagerank::PageRankOptions;

/// PageRank of every work: scores summing to 1, and the iterations run.
pub fn pagerank(net: &Network, options: &PageRankOptions) -> (Vec<f64>, usize) {
    let n = net.len();
    if n == 0 {
        return (Vec::new(), 0);
    }
    let (out_off, _) = net.out_csr();
    let (in_off, in_t) = net.in_csr();
    let inv_out: Vec<f64> = (0..n)
        .map(|u| {
            let d = out_off[u + 1] - out_off[u];
            if d == 0 {
                0.0
            } else {
                1.0 / d as f64
            }
        })
        .collect();
    let d = options.damping;
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut share = vec![0f64; n];
    let mut iterations = 0;
    for _ in 0..options.max_iterations {
        iterations += 1;
        let mut dangling = 0.0;
        for u in 0..n {
            if inv_out[u] == 0.0 {
                dangling += rank[u];
            }
            share[u] = rank[u] * inv_out[u];
        }
        let base = ((1.0 - d) + d * dangling) * uniform;
        let mut change = 0.0;
        for v in 0..n {
            let mut s = 0.0;
            for &u in &in_t[in_off[v] as usize..in_off[v + 1] as usize] {
                s += share[u as usize];
            }
            let next = base + d * s;
            change += (next - rank[v]).abs();
            rank[v] = next;
        }
        if change < options.tolerance {
            break;
        }
    }
    (rank, iterations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;
    use crate::reading::pagerank::{personalized_pagerank, Csr};

    /// The same walk as the reading module's PageRank, on a graph with a dangling node and
    /// a cycle, computed there with the plain restart.
    #[test]
    fn agrees_with_the_reading_modules_pagerank() {
        let edges = [(0u32, 1u32), (0, 2), (1, 2), (2, 0), (3, 2), (4, 3), (1, 5)];
        let mut b = NetworkBuilder::new();
        let ids: Vec<u32> = (0..6).map(|i| b.work(&i.to_string())).collect();
        for &(u, v) in &edges {
            b.cite(ids[u as usize], ids[v as usize]);
        }
        let (net, _) = b.build();
        let options = PageRankOptions { tolerance: 1e-14, ..PageRankOptions::default() };
        let (ours, _) = pagerank(&net, &options);
        let csr = Csr::from_edges(6, edges.iter().map(|&(u, v)| (u, v, 1.0)));
        let theirs = personalized_pagerank(&csr, &[], &options);
        // Gauss-Seidel-free Jacobi steps in both, so they agree closely.
        for (a, b) in ours.iter().zip(&theirs) {
            assert!((a - b).abs() < 1e-9, "{ours:?} vs {theirs:?}");
        }
        assert!((ours.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
