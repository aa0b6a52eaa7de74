//! PageRank over the network's CSR arrays.
//!
//! The walk is the one of [`crate::reading::pagerank::personalized_pagerank`] with no
//! seeds: at each step it follows one of the current work's references with probability
//! `damping`, and otherwise (or from a work with no references, a dangling node) jumps to
//! any work. Credit thus flows from citing to cited works. This version pulls along the
//! cited -> citing rows, so each iteration reads each citation once and writes each work
//! once: O(V + E) per iteration, O(V) memory besides the network, nothing allocated
//! per iteration; the rank of works with no references (dangling) is summed over a list of
//! them made once. The shares (rank over references) that the rows read at random are
//! kept in f32, half the cache lines, and summed in f64: a score moves by at most about
//! 4e-7 of itself, nothing for a ranking. It stops when the scores
//! change by less than `tolerance` in total (L1), or after `max_iterations`.

use super::graph::Network;
use crate::reading::pagerank::PageRankOptions;

/// PageRank of every work: scores summing to 1, and the iterations run.
pub fn pagerank(net: &Network, options: &PageRankOptions) -> (Vec<f64>, usize) {
    pagerank_in(net, options, threads_for(net.citation_count()))
}

/// [`pagerank`] with each iteration's rows split over `threads` threads.
fn pagerank_in(net: &Network, options: &PageRankOptions, threads: usize) -> (Vec<f64>, usize) {
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
    let mut share: Vec<f32> = inv_out.iter().map(|&inv| (uniform * inv) as f32).collect();
    share.resize(n.next_power_of_two(), 0.0);
    let mut next_share = vec![0f32; n.next_power_of_two()];
    let threads = threads.max(1);
    // Rows split into `threads` runs of about equal citations.
    let ends: Vec<usize> = (1..threads)
        .map(|k| in_off.partition_point(|&o| (o as usize) < in_t.len() * k / threads).min(n))
        .chain(std::iter::once(n))
        .collect();
    let mut iterations = 0;
    for _ in 0..options.max_iterations {
        iterations += 1;
        let dangling: f64 = dangling_works.iter().map(|&u| rank[u as usize]).sum();
        let step =
            Step { share: &share, in_off, in_t, inv_out: &inv_out, base: ((1.0 - d) + d * dangling) * uniform, d };
        let change = if threads == 1 {
            step.rows(0, &mut rank, &mut next_share[..n])
        } else {
            step.rows_in_threads(&ends, &mut rank, &mut next_share[..n])
        };
        std::mem::swap(&mut share, &mut next_share);
        if change < options.tolerance {
            break;
        }
    }
    (rank, iterations)
}

/// Below this many citations an iteration takes well under a millisecond, and one thread
/// does it all.
const PARALLEL_MIN_CITATIONS: usize = 1 << 18;
/// At most this many threads share an iteration's rows (the random reads of the shares are
/// what limits it, and two cores already share one memory bus on small machines).
const MAX_THREADS: usize = 2;

/// How many threads an iteration over `citations` citations uses.
fn threads_for(citations: usize) -> usize {
    if citations < PARALLEL_MIN_CITATIONS {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |p| p.get()).clamp(1, MAX_THREADS)
}

/// One iteration's inputs: this iteration's shares, the cited -> citing rows, and the
/// teleport term `base` every work gets.
#[derive(Clone, Copy)]
struct Step<'a> {
    share: &'a [f32],
    in_off: &'a [u32],
    in_t: &'a [u32],
    inv_out: &'a [f64],
    base: f64,
    d: f64,
}

impl Step<'_> {
    /// Works `start..start + rank.len()`: their new rank, and the share each passes on in
    /// the next iteration. Returns the L1 change of their ranks. Each row's sum depends on
    /// nothing but `share`, so any split of the rows gives the same scores, bit for bit.
    fn rows(&self, start: usize, rank: &mut [f64], next_share: &mut [f32]) -> f64 {
        let mut change = 0.0;
        let inv_out = &self.inv_out[start..start + rank.len()];
        for (i, (r, (ns, &inv))) in rank.iter_mut().zip(next_share.iter_mut().zip(inv_out)).enumerate() {
            let v = start + i;
            let row = &self.in_t[self.in_off[v] as usize..self.in_off[v + 1] as usize];
            let next = self.base + self.d * gather(self.share, row);
            change += (next - *r).abs();
            *r = next;
            *ns = (next * inv) as f32;
        }
        change
    }

    /// [`Step::rows`] over the runs of rows ending at each of `ends`, one thread per run
    /// (the caller's thread takes the first).
    fn rows_in_threads(&self, ends: &[usize], rank: &mut [f64], next_share: &mut [f32]) -> f64 {
        let mut runs = Vec::with_capacity(ends.len());
        let (mut rank, mut next_share, mut start) = (rank, next_share, 0);
        for &end in ends {
            let (r, rest_r) = rank.split_at_mut(end - start);
            let (ns, rest_ns) = next_share.split_at_mut(end - start);
            runs.push((start, r, ns));
            (rank, next_share, start) = (rest_r, rest_ns, end);
        }
        let mut runs = runs.into_iter();
        let Some((first, r0, ns0)) = runs.next() else { return 0.0 };
        std::thread::scope(|s| {
            let handles: Vec<_> = runs.map(|(start, r, ns)| s.spawn(move || self.rows(start, r, ns))).collect();
            let mut change = self.rows(first, r0, ns0);
            for h in handles {
                change += h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
            change
        })
    }
}

/// The sum of `share` over `row`, in four independent sums so that the additions of one
/// row do not wait on each other (the loads of a row are the slow part; this lets them
/// overlap). `share`'s length is a power of two (padded with zeros), so masking an index
/// keeps it in range and the compiler can drop the bounds checks; every index of a row is
/// below the number of works anyway, so the mask changes nothing.
#[inline]
fn gather(share: &[f32], row: &[u32]) -> f64 {
    let mask = share.len().wrapping_sub(1);
    let share = &share[..=mask];
    let mut acc = [0f64; 4];
    let chunks = row.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += f64::from(share[c[0] as usize & mask]);
        acc[1] += f64::from(share[c[1] as usize & mask]);
        acc[2] += f64::from(share[c[2] as usize & mask]);
        acc[3] += f64::from(share[c[3] as usize & mask]);
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for &u in rest {
        s += f64::from(share[u as usize & mask]);
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
        // Jacobi steps in both, so they agree closely: to 1e-6 rather than 1e-9, since the
        // shares are kept in f32 here (relative error 6e-8 a share, damped by 0.85 an
        // iteration: at most about 4e-7 of a score). PageRank is used to rank works, and a
        // wrong walk (a lost dangling mass, a reversed edge) moves these scores by 1e-2.
        for (a, b) in ours.iter().zip(&theirs) {
            assert!((a - b).abs() < 1e-6, "{ours:?} vs {theirs:?}");
        }
        // The f32 rounding of the shares loses or adds a little mass, no more than that.
        assert!((ours.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    }

    /// A generated network of 3000 works (Price model), its edges by generator index and
    /// the network's id of each generator index.
    fn generated_3000() -> (Network, Vec<(u32, u32)>, Vec<u32>) {
        use crate::network::generate::{price_network, PriceOptions};
        let edges = price_network(&PriceOptions::new(3000, 8));
        let mut b = NetworkBuilder::new();
        let ids: Vec<u32> = (0..3000).map(|i| b.work(&format!("W{i}"))).collect();
        for &(u, v) in &edges {
            b.cite(ids[u as usize], ids[v as usize]);
        }
        (b.build().0, edges, ids)
    }

    /// On a generated network of 3000 works, the f32 shares leave the ranking as the
    /// reading module's f64 PageRank gives it: the same top 100 in the same order, and
    /// every score within 1e-6.
    #[test]
    fn f32_shares_keep_the_ranking() {
        let (net, edges, ids) = generated_3000();
        let options = PageRankOptions { tolerance: 1e-13, max_iterations: 200, ..PageRankOptions::default() };
        let (ours, _) = pagerank(&net, &options);
        let csr = Csr::from_edges(3000, edges.iter().map(|&(u, v)| (ids[u as usize], ids[v as usize], 1.0)));
        let theirs = personalized_pagerank(&csr, &[], &options);
        let top = |s: &[f64]| {
            let mut w: Vec<usize> = (0..s.len()).collect();
            w.sort_by(|&a, &b| s[b].total_cmp(&s[a]).then(a.cmp(&b)));
            w.truncate(100);
            w
        };
        assert_eq!(top(&ours), top(&theirs));
        let worst = ours.iter().zip(&theirs).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(worst <= 1e-6, "{worst}");
    }

    /// Rows split over threads give the same scores, bit for bit, as one thread: each
    /// row's sum reads only the previous iteration's shares.
    #[test]
    fn threads_change_nothing() {
        let (net, _, _) = generated_3000();
        let options = PageRankOptions { tolerance: 0.0, max_iterations: 30, ..PageRankOptions::default() };
        let (one, _) = pagerank_in(&net, &options, 1);
        assert!((one.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        for threads in [2, 3] {
            let (many, iterations) = pagerank_in(&net, &options, threads);
            assert_eq!(iterations, 30);
            assert!(one.iter().zip(&many).all(|(a, b)| a.to_bits() == b.to_bits()), "{threads} threads");
        }
    }
}
