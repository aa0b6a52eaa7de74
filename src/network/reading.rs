//! Reading lists and lineages over a network: a work's ancestors, ranked, and the chain of
//! citations between two works, each turned into a small [`Corpus`] so that the corpus's
//! renderers (annotated bibliography, JSON, CSL-JSON, BibLaTeX, historiograph) draw them.
//!
//! - [`ranked_ancestors`]: every work reachable from a work along references (breadth-first,
//!   O(reach)), scored by local citations (LCS) or PageRank, the best `limit` kept.
//! - [`reading_list`]: those works as a [`ReadingList`] of the selection corpus, each entry
//!   with why it is there (which work cites it, how many steps back) and in the order asked.
//! - [`lineage_links`]: the citations along a path found by [`super::shortest_path`].

use super::graph::Network;
use super::select::to_corpus_keyed;
use crate::corpus::Corpus;
use crate::error::Result;
use crate::model::WorkKey;
use crate::reading::{Order, ReadingEntry, ReadingList, Topic};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// How [`ranked_ancestors`] scores a work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AncestorRank {
    /// Local citation score: how many works of the network cite it.
    #[default]
    Lcs,
    /// PageRank over the whole network (tolerance 1e-6), credit flowing to cited works.
    PageRank,
}

/// One ancestor of a work.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ancestor {
    /// The ancestor.
    pub work: u32,
    /// Fewest citation steps from the work down to it (1: a reference of the work).
    pub depth: u32,
    /// The work citing it on one such fewest-step chain (the work itself at depth 1).
    pub via: u32,
    /// Its score under the [`AncestorRank`] asked for (higher is more important).
    pub score: f64,
}

/// The works `w` builds on (reachable along references, `w` excluded), scored by `rank`;
/// the `limit` best, highest score first (ties: nearer, then older, then by index).
/// O(V) memory and O(reach) time, plus one PageRank for [`AncestorRank::PageRank`].
pub fn ranked_ancestors(net: &Network, w: u32, rank: AncestorRank, limit: usize) -> Vec<Ancestor> {
    let n = net.len();
    if w as usize >= n {
        return Vec::new();
    }
    let mut depth = vec![0u32; n];
    let mut via = vec![u32::MAX; n];
    via[w as usize] = w;
    let mut queue = vec![w];
    let mut head = 0;
    while head < queue.len() {
        let u = queue[head];
        head += 1;
        for &v in net.references(u) {
            if via[v as usize] == u32::MAX {
                via[v as usize] = u;
                depth[v as usize] = depth[u as usize] + 1;
                queue.push(v);
            }
        }
    }
    let scores: Option<Vec<f64>> = match rank {
        AncestorRank::Lcs => None,
        AncestorRank::PageRank => Some(super::pagerank(net, &crate::reading::pagerank::PageRankOptions::default()).0),
    };
    let mut out: Vec<Ancestor> = queue[1..]
        .iter()
        .map(|&v| Ancestor {
            work: v,
            depth: depth[v as usize],
            via: via[v as usize],
            score: match &scores {
                Some(s) => s[v as usize],
                None => net.citers(v).len() as f64,
            },
        })
        .collect();
    let year = |v: u32| net.year(v).unwrap_or(i32::MAX);
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.depth.cmp(&b.depth))
            .then(year(a.work).cmp(&year(b.work)))
            .then(a.work.cmp(&b.work))
    });
    out.truncate(limit);
    out
}

/// The corpus of `w` and its `ancestors` with every citation among them, and the key each
/// network work got in it.
pub fn ancestors_corpus(net: &Network, w: u32, ancestors: &[Ancestor]) -> Result<(Corpus, HashMap<u32, String>)> {
    let works: Vec<u32> = std::iter::once(w).chain(ancestors.iter().map(|a| a.work)).collect();
    to_corpus_keyed(net, &works, None, &format!("What {} builds on", net.display(w)))
}

/// The reading list leading up to `w`: `w` and its ranked `ancestors`, as entries of
/// `corpus` (made by [`ancestors_corpus`], whose `keys` are given), in `order`:
/// chronological (undated last), importance (the scores; `w` first) or lineage (a cited
/// work before the works citing it, ties by year; works on a cycle of citations follow by
/// year). O(k log k + citations among the k works).
pub fn reading_list<'a>(
    corpus: &'a Corpus,
    keys: &HashMap<u32, String>,
    net: &Network,
    w: u32,
    ancestors: &[Ancestor],
    rank: AncestorRank,
    order: Order,
) -> ReadingList<'a> {
    let name = net.display(w).to_string();
    let mut rows: Vec<(u32, Vec<String>, Option<f64>)> =
        vec![(w, vec!["the work this list leads up to".to_string()], None)];
    for a in ancestors {
        let mut why = vec![if a.depth == 1 {
            format!("cited by {name}")
        } else {
            format!("{} citation steps back from {name}: cited by {}", a.depth, net.display(a.via))
        }];
        why.push(match rank {
            AncestorRank::Lcs => match a.score as u64 {
                1 => "cited by 1 work of the network".to_string(),
                k => format!("cited by {k} works of the network"),
            },
            AncestorRank::PageRank => format!("PageRank {:.3e} in the network", a.score),
        });
        rows.push((a.work, why, Some(a.score)));
    }
    let year = |v: u32| net.year(v).unwrap_or(i32::MAX);
    match order {
        Order::Chronological => rows.sort_by_key(|r| (year(r.0), r.0)),
        Order::Importance => {}
        Order::Lineage => {
            let position = prerequisites_first(net, &rows.iter().map(|r| r.0).collect::<Vec<_>>());
            rows.sort_by_key(|r| position[&r.0]);
        }
    }
    let entries = rows
        .into_iter()
        .filter_map(|(v, why, score)| {
            let work = corpus.work(keys.get(&v)?)?;
            Some(ReadingEntry { work, why, score })
        })
        .collect();
    let key = keys.get(&w).cloned().unwrap_or_default();
    let label = corpus.work(&key).map(|work| work.citation()).unwrap_or_else(|| name.clone());
    let notes = vec![format!(
        "read from a citation network: the {} works {name} builds on that rank highest by {}",
        ancestors.len(),
        match rank {
            AncestorRank::Lcs => "local citations (LCS)",
            AncestorRank::PageRank => "PageRank",
        }
    )];
    ReadingList { topic: Topic::Work(WorkKey::from(key.as_str())).into(), label, notes, order, entries }
}

/// Each of `works`' position in an order where a cited work comes before the works citing
/// it (Kahn's algorithm over the citations among them, ready works taken oldest first);
/// works left on a cycle follow, oldest first.
fn prerequisites_first(net: &Network, works: &[u32]) -> HashMap<u32, usize> {
    let index: HashMap<u32, usize> = works.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    // waiting[i]: references of works[i] among the works not yet placed.
    let mut waiting = vec![0usize; works.len()];
    let mut citers: Vec<Vec<usize>> = vec![Vec::new(); works.len()];
    for (i, &u) in works.iter().enumerate() {
        for v in net.references(u) {
            if let Some(&j) = index.get(v) {
                waiting[i] += 1;
                citers[j].push(i);
            }
        }
    }
    let key = |i: usize| Reverse((net.year(works[i]).unwrap_or(i32::MAX), works[i]));
    let mut ready: BinaryHeap<(Reverse<(i32, u32)>, usize)> =
        (0..works.len()).filter(|&i| waiting[i] == 0).map(|i| (key(i), i)).collect();
    let mut position = HashMap::with_capacity(works.len());
    while let Some((_, i)) = ready.pop() {
        position.insert(works[i], position.len());
        for &c in &citers[i] {
            waiting[c] -= 1;
            if waiting[c] == 0 {
                ready.push((key(c), c));
            }
        }
    }
    let mut left: Vec<usize> = (0..works.len()).filter(|i| !position.contains_key(&works[*i])).collect();
    left.sort_by_key(|&i| key(i).0);
    for i in left {
        position.insert(works[i], position.len());
    }
    position
}

/// The citations along `path` (works in order, as [`super::shortest_path`] gives them), as
/// `(citing, cited)` pairs: each step's two works, in whichever direction the network has
/// the citation.
pub fn lineage_links(net: &Network, path: &[u32]) -> Vec<(u32, u32)> {
    path.windows(2).map(|p| if net.references(p[1]).contains(&p[0]) { (p[1], p[0]) } else { (p[0], p[1]) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;

    /// d cites c and b; c cites a; b cites a; x cites a (x is not an ancestor of d).
    fn small() -> (Network, [u32; 5]) {
        let mut b = NetworkBuilder::new();
        let ids = ["a", "b", "c", "d", "x"].map(|id| b.work(id));
        for (id, year) in ids.iter().zip([1990, 1995, 1996, 2000, 2001]) {
            b.set_year(*id, year);
        }
        let [a, bb, c, d, x] = ids;
        b.cite(d, c);
        b.cite(d, bb);
        b.cite(c, a);
        b.cite(bb, a);
        b.cite(x, a);
        (b.build().0, ids)
    }

    #[test]
    fn ancestors_are_ranked_by_local_citations_then_nearness() {
        let (net, [a, bb, c, d, _]) = small();
        let got = ranked_ancestors(&net, d, AncestorRank::Lcs, 10);
        let works: Vec<u32> = got.iter().map(|x| x.work).collect();
        assert_eq!(works, [a, bb, c]);
        assert_eq!((got[0].depth, got[0].score), (2, 3.0));
        assert_eq!(got[1].via, d);
        assert_eq!(ranked_ancestors(&net, d, AncestorRank::Lcs, 1).len(), 1);
        assert!(ranked_ancestors(&net, a, AncestorRank::Lcs, 10).is_empty());
    }

    #[test]
    fn the_reading_list_puts_prerequisites_first() {
        let (net, [a, _, _, d, _]) = small();
        let ancestors = ranked_ancestors(&net, d, AncestorRank::PageRank, 10);
        let (corpus, keys) = ancestors_corpus(&net, d, &ancestors).unwrap();
        let list = reading_list(&corpus, &keys, &net, d, &ancestors, AncestorRank::PageRank, Order::Lineage);
        let order: Vec<&str> = list.entries.iter().map(|e| e.work.key.as_str()).collect();
        assert_eq!(order, ["a", "b", "c", "d"]);
        assert_eq!(list.entries[0].why[0], "2 citation steps back from d: cited by c");
        let list = reading_list(&corpus, &keys, &net, d, &ancestors, AncestorRank::PageRank, Order::Importance);
        assert_eq!(list.entries[0].work.key.as_str(), "d");
        assert_eq!(list.entries[1].work.key.as_str(), keys[&a]);
    }

    #[test]
    fn links_follow_the_citations_of_the_network() {
        let (net, [a, _, c, d, _]) = small();
        assert_eq!(lineage_links(&net, &[a, c, d]), [(c, a), (d, c)]);
    }
}
