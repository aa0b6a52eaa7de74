//! Citation counts: LCS, LCR and GCS, as HistCite defines them.
//!
//! - LCS (local citation score): how many records of the set cite a work.
//! - LCR (local cited references): how many of a work's references are records of the set.
//! - GCS (global citation score): the count the source gives (e.g. WoS `TC`), which counts
//!   citations from outside the set too; see [`Network::gcs`].

use super::graph::Network;

/// Each work's LCS: O(V + E).
pub fn lcs(net: &Network) -> Vec<u32> {
    (0..net.len() as u32).map(|w| net.citers(w).iter().filter(|&&c| net.in_set(c)).count() as u32).collect()
}

/// Each work's LCR: O(V + E).
pub fn lcr(net: &Network) -> Vec<u32> {
    (0..net.len() as u32).map(|w| net.references(w).iter().filter(|&&r| net.in_set(r)).count() as u32).collect()
}

/// The `n` works with the highest LCS, highest first (ties: earlier year, then lower
/// index). O(V log n).
pub fn top_by_lcs(net: &Network, n: usize) -> Vec<u32> {
    let scores = lcs(net);
    let key = |w: u32| (std::cmp::Reverse(scores[w as usize]), net.year(w).unwrap_or(i32::MAX), w);
    let mut works: Vec<u32> = (0..net.len() as u32).filter(|&w| scores[w as usize] > 0).collect();
    if works.len() > n && n > 0 {
        works.select_nth_unstable_by_key(n - 1, |&w| key(w));
    }
    works.truncate(n);
    works.sort_unstable_by_key(|&w| key(w));
    works
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;

    #[test]
    fn local_counts_only_count_records_of_the_set() {
        let mut b = NetworkBuilder::new();
        let [r1, r2, r3, outside] = ["r1", "r2", "r3", "cited-only"].map(|id| b.work(id));
        for w in [r1, r2, r3] {
            b.set_in_set(w, true);
        }
        b.cite(r2, r1);
        b.cite(r3, r1);
        b.cite(r3, r2);
        b.cite(r3, outside);
        b.cite(outside, r1); // a cited-only work's citation is not local
        let (net, _) = b.build();
        assert_eq!(lcs(&net), [2, 1, 0, 1]);
        assert_eq!(lcr(&net), [0, 1, 2, 1]);
        assert_eq!(top_by_lcs(&net, 2), [r1, r2]);
        assert_eq!(top_by_lcs(&net, 10), [r1, r2, outside]);
    }
}
