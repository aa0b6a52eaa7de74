//! PageRank over the network's CSR arrays.
//!
//! The walk is the one of [`crate::reading::pagerank::personalized_pagerank`] with no
//! seeds: at each step it follows one of the current work's references with probability
//! `damping`, and otherwise (or from a work with no references, a dangling node) jumps to
//! any work. Credit thus flows from citing to cited works. This version pulls along the
//! cited -> citing rows, so each iteration reads each citation once and writes each work
//! once: O(V + E) per iteration, O(V) memory besides the network, nothing allocated
//! per iteration; the rank of works with no references (dangling) is summed over a list of
//! them made once. It stops when the scores
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
    // The works with no references, whose rank is spread over every work.
    let dangling_works: Vec<u32> = (0..n as u32).filter(|&u| inv_out[u as usize] == 0.0).collect();
    let d = options.damping;
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    // What each work passes to each of its references: its rank over its references,
    // written for the next iteration in the same pass that reads this one's.
    let mut share: Vec<f64> = inv_out.iter().map(|&inv| uniform * inv).collect();
    let mut next_share = vec![0f64; n];
    let mut iterations = 0;
    for _ in 0..options.max_iterations {
        iterations += 1;
        let dangling: f64 = dangling_works.iter().map(|&u| rank[u as usize]).sum();
        let base = ((1.0 - d) + d * dangling) * uniform;
        let mut change = 0.0;
        for (v, (r, (ns, &inv))) in rank.iter_mut().zip(next_share.iter_mut().zip(&inv_out)).enumerate() {
            let next = base + d * gather(&share, &in_t[in_off[v] as usize..in_off[v + 1] as usize]);
            change += (next - *r).abs();
            *r = next;
            *ns = next * inv;
        }
        std::mem::swap(&mut share, &mut next_share);
        if change < options.tolerance {
            break;
        }
    }
    (rank, iterations)
}

/// The sum of `share` over `row`, in four independent sums so that the additions of one
/// row do not wait on each other (the loads of a row are the slow part; this lets them
/// overlap).
#[inline]
fn gather(share: &[f64], row: &[u32]) -> f64 {
    let mut acc = [0f64; 4];
    let chunks = row.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += share[c[0] as usize];
        acc[1] += share[c[1] as usize];
        acc[2] += share[c[2] as usize];
        acc[3] += share[c[3] as usize];
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for &u in rest {
        s += share[u as usize];
    }
    s
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
