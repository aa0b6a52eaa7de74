//! Compressed sparse rows from pairs, by counting sort, and their transpose.

/// Rows `0..n`: row `u` is `targets[offsets[u]..offsets[u + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Csr {
    pub(crate) offsets: Vec<u32>,
    pub(crate) targets: Vec<u32>,
}

/// What [`from_pairs`] left out.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Dropped {
    pub(crate) duplicates: usize,
    pub(crate) self_loops: usize,
    pub(crate) invalid: usize,
}

/// Rows from pairs `(from[i], to[i])`, in the order given within each row, in O(n + E):
/// pairs with an end outside `0..n` and self-loops are dropped, duplicates kept once.
pub(crate) fn from_pairs(n: usize, from: &[u32], to: &[u32]) -> (Csr, Dropped) {
    let mut dropped = Dropped::default();
    let mut offsets = vec![0u32; n + 1];
    for (&u, &v) in from.iter().zip(to) {
        if (u as usize) < n && (v as usize) < n && u != v {
            offsets[u as usize + 1] += 1;
        }
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut next: Vec<u32> = offsets[..n].to_vec();
    let mut targets = vec![0u32; offsets[n] as usize];
    for (&u, &v) in from.iter().zip(to) {
        if (u as usize) >= n || (v as usize) >= n {
            dropped.invalid += 1;
        } else if u == v {
            dropped.self_loops += 1;
        } else {
            let slot = &mut next[u as usize];
            targets[*slot as usize] = v;
            *slot += 1;
        }
    }
    drop(next);
    // Duplicates, removed in place with a marker per row: O(E).
    let mut mark = vec![u32::MAX; n];
    let mut write = 0usize;
    let mut start = 0usize;
    for u in 0..n {
        let end = offsets[u + 1] as usize;
        for r in start..end {
            let v = targets[r];
            if mark[v as usize] == u as u32 {
                dropped.duplicates += 1;
            } else {
                mark[v as usize] = u as u32;
                targets[write] = v;
                write += 1;
            }
        }
        start = end;
        offsets[u + 1] = write as u32;
    }
    targets.truncate(write);
    targets.shrink_to_fit();
    (Csr { offsets, targets }, dropped)
}

/// The reverse rows: `u` in row `v` for each `v` in row `u`; each row in increasing order.
pub(crate) fn transpose(n: usize, csr: &Csr) -> Csr {
    let mut offsets = vec![0u32; n + 1];
    for &v in &csr.targets {
        offsets[v as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut next: Vec<u32> = offsets[..n].to_vec();
    let mut targets = vec![0u32; csr.targets.len()];
    for u in 0..n {
        for &v in &csr.targets[csr.offsets[u] as usize..csr.offsets[u + 1] as usize] {
            let slot = &mut next[v as usize];
            targets[*slot as usize] = u as u32;
            *slot += 1;
        }
    }
    Csr { offsets, targets }
}
