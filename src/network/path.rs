//! The shortest chain of citations between two works, by bidirectional breadth-first
//! search: each side expands its smaller frontier, so a query touches about the square
//! root of what a one-sided search does.

use super::graph::Network;

/// Which links a path may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathMode {
    /// Each step goes from a work to a work citing it: from `from` (earlier) to `to` (later).
    #[default]
    Flow,
    /// Citations in either direction.
    Undirected,
}

/// The fewest-step path from `from` to `to` (both included), or `None`. Memory: two
/// zeroed arrays of `len()` entries (allocated lazily by the system) and the frontiers.
pub fn shortest_path(net: &Network, from: u32, to: u32, mode: PathMode) -> Option<Vec<u32>> {
    let n = net.len();
    if from as usize >= n || to as usize >= n {
        return None;
    }
    if from == to {
        return Some(vec![from]);
    }
    // parent + 1; 0 = unseen. The source side's roots point at themselves.
    let mut fwd = vec![0u32; n];
    let mut bwd = vec![0u32; n];
    fwd[from as usize] = from + 1;
    bwd[to as usize] = to + 1;
    let mut front_f = vec![from];
    let mut front_b = vec![to];
    let forward = |w: u32| -> Box<dyn Iterator<Item = u32> + '_> {
        match mode {
            PathMode::Flow => Box::new(net.citers(w).iter().copied()),
            PathMode::Undirected => Box::new(net.citers(w).iter().chain(net.references(w)).copied()),
        }
    };
    let backward = |w: u32| -> Box<dyn Iterator<Item = u32> + '_> {
        match mode {
            PathMode::Flow => Box::new(net.references(w).iter().copied()),
            PathMode::Undirected => Box::new(net.citers(w).iter().chain(net.references(w)).copied()),
        }
    };
    let degree = |front: &[u32], f: bool| -> usize {
        front
            .iter()
            .map(|&w| match (mode, f) {
                (PathMode::Flow, true) => net.citers(w).len(),
                (PathMode::Flow, false) => net.references(w).len(),
                _ => net.citers(w).len() + net.references(w).len(),
            })
            .sum()
    };
    while !front_f.is_empty() && !front_b.is_empty() {
        let expand_forward = degree(&front_f, true) <= degree(&front_b, false);
        let mut next = Vec::new();
        let mut meet = None;
        if expand_forward {
            'f: for &u in &front_f {
                for v in forward(u) {
                    if fwd[v as usize] == 0 {
                        fwd[v as usize] = u + 1;
                        if bwd[v as usize] != 0 {
                            meet = Some(v);
                            break 'f;
                        }
                        next.push(v);
                    }
                }
            }
            front_f = next;
        } else {
            'b: for &u in &front_b {
                for v in backward(u) {
                    if bwd[v as usize] == 0 {
                        bwd[v as usize] = u + 1;
                        if fwd[v as usize] != 0 {
                            meet = Some(v);
                            break 'b;
                        }
                        next.push(v);
                    }
                }
            }
            front_b = next;
        }
        if let Some(m) = meet {
            let mut path = Vec::new();
            let mut w = m;
            while w != from {
                path.push(w);
                w = fwd[w as usize] - 1;
            }
            path.push(from);
            path.reverse();
            let mut w = m;
            while w != to {
                w = bwd[w as usize] - 1;
                path.push(w);
            }
            return Some(path);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::NetworkBuilder;

    #[test]
    fn finds_the_shortest_chain_and_respects_direction() {
        // a <- b <- c <- d, and a <- x <- d (x is a shortcut).
        let mut b = NetworkBuilder::new();
        let [a, bb, c, d, x] = ["a", "b", "c", "d", "x"].map(|id| b.work(id));
        b.cite(bb, a);
        b.cite(c, bb);
        b.cite(d, c);
        b.cite(x, a);
        b.cite(d, x);
        let (net, _) = b.build();
        assert_eq!(shortest_path(&net, a, d, PathMode::Flow), Some(vec![a, x, d]));
        assert_eq!(shortest_path(&net, d, a, PathMode::Flow), None);
        assert_eq!(shortest_path(&net, d, a, PathMode::Undirected), Some(vec![d, x, a]));
        assert_eq!(shortest_path(&net, bb, c, PathMode::Flow), Some(vec![bb, c]));
        assert_eq!(shortest_path(&net, c, c, PathMode::Flow), Some(vec![c]));
    }
}
