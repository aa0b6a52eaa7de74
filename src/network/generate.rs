//! A generator of time-ordered citation networks, for benchmarks and tests.
//!
//! Price's model with a recency kernel: works arrive one at a time; each cites
//! `references` earlier works (the count varies between half and one and a half times the
//! mean). With probability `preferential`, a reference is the cited work of an earlier
//! citation (so works are chosen in proportion to the citations they have: Price's
//! cumulative advantage); otherwise it is an earlier work. Either way, how far back it
//! reaches is drawn from an exponential distribution (mean `recency` works or citations),
//! so recent work is cited most, as in real literatures. Citations only point back in
//! time, so the network is acyclic. O(V + E) time; deterministic for a seed.

/// Parameters of [`price_network`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceOptions {
    /// Number of works.
    pub works: usize,
    /// Mean references per work.
    pub references: usize,
    /// Probability that a reference follows an earlier citation (cumulative advantage).
    pub preferential: f64,
    /// Mean reach back, in works (and in citations for the preferential choice).
    pub recency: f64,
    /// The random seed.
    pub seed: u64,
}

impl PriceOptions {
    /// `works` works with `references` references each on average; the other parameters
    /// at their defaults (preferential 0.5, recency 5% of the works but at least 100, seed 1).
    pub fn new(works: usize, references: usize) -> Self {
        PriceOptions { works, references, preferential: 0.5, recency: (works as f64 * 0.05).max(100.0), seed: 1 }
    }
}

/// SplitMix64: small, fast, good enough for a generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// Exponential with mean `mean`, as an integer distance.
    fn reach(&mut self, mean: f64) -> usize {
        (-(1.0 - self.unit()).ln() * mean) as usize
    }
}

/// The citations of a generated network as `(citing, cited)` work indices `0..works`, in
/// order of the citing work; work `i`'s year can be taken as proportional to `i`.
pub fn price_network(options: &PriceOptions) -> Vec<(u32, u32)> {
    let n = options.works;
    let mut rng = Rng(options.seed);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(n * options.references);
    let mut chosen: Vec<u32> = Vec::new();
    for i in 1..n {
        let m = if options.references == 0 { 0 } else { options.references / 2 + rng.below(options.references + 1) };
        let m = m.min(i);
        chosen.clear();
        let mut tries = 0;
        while chosen.len() < m && tries < 4 * m + 8 {
            tries += 1;
            let target = if !edges.is_empty() && rng.unit() < options.preferential {
                let back = rng.reach(options.recency * options.references as f64).min(edges.len() - 1);
                edges[edges.len() - 1 - back].1
            } else {
                let back = rng.reach(options.recency).min(i - 1);
                (i - 1 - back) as u32
            };
            if !chosen.contains(&target) {
                chosen.push(target);
            }
        }
        edges.extend(chosen.iter().map(|&t| (i as u32, t)));
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_point_back_in_time_and_concentrate() {
        let edges = price_network(&PriceOptions::new(5000, 10));
        assert!(edges.iter().all(|&(a, b)| b < a));
        let mean = edges.len() as f64 / 5000.0;
        assert!((8.0..=11.0).contains(&mean), "{mean}");
        // Cumulative advantage: the most cited work has far more than the mean.
        let mut counts = vec![0u32; 5000];
        for &(_, b) in &edges {
            counts[b as usize] += 1;
        }
        assert!(*counts.iter().max().unwrap() as f64 > 10.0 * mean);
        assert_eq!(edges, price_network(&PriceOptions::new(5000, 10)), "deterministic");
    }
}
