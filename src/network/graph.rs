//! [`Network`]: works as columns, citations as CSR arrays in both directions.

use super::index::IdIndex;
use super::text::TextColumn;

/// The year column's value for "no year".
pub(crate) const NO_YEAR: i32 = i32::MIN;
/// The global-count column's value for "not given".
pub(crate) const NO_COUNT: u32 = u32::MAX;

/// A citation network: works `0..len()` with their columns, and citations stored twice
/// as CSR arrays, citing -> cited ([`Network::references`]) and cited -> citing
/// ([`Network::citers`]). Built by [`super::NetworkBuilder`]; memory is about
/// 8 bytes a citation and 40 bytes a work plus its strings.
#[derive(Debug, Clone)]
pub struct Network {
    pub(crate) ids: TextColumn,
    pub(crate) index: IdIndex,
    pub(crate) years: Vec<i32>,
    pub(crate) gcs: Vec<u32>,
    pub(crate) in_set: Vec<bool>,
    pub(crate) labels: TextColumn,
    pub(crate) titles: TextColumn,
    pub(crate) dois: TextColumn,
    pub(crate) out_offsets: Vec<u32>,
    pub(crate) out_targets: Vec<u32>,
    pub(crate) in_offsets: Vec<u32>,
    pub(crate) in_targets: Vec<u32>,
}

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl Network {
    /// Number of works.
    pub fn len(&self) -> usize {
        self.years.len()
    }

    /// Whether the network has no works.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// Number of citations.
    pub fn citation_count(&self) -> usize {
        self.out_targets.len()
    }

    /// The work the source calls `id` (its own id: WoS UT, vertex number, ...).
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.find(&self.ids, id)
    }

    /// Work `w`'s id in its source ("" if out of range).
    pub fn id(&self, w: u32) -> &str {
        self.ids.get(w)
    }

    /// Work `w`'s year, if known.
    pub fn year(&self, w: u32) -> Option<i32> {
        self.years.get(w as usize).copied().filter(|&y| y != NO_YEAR)
    }

    /// Work `w`'s global citation count as the source gives it, if it does.
    pub fn gcs(&self, w: u32) -> Option<u32> {
        self.gcs.get(w as usize).copied().filter(|&c| c != NO_COUNT)
    }

    /// Whether work `w` is a record of the set (not only cited by it).
    pub fn in_set(&self, w: u32) -> bool {
        self.in_set.get(w as usize).copied().unwrap_or(false)
    }

    /// Work `w`'s short label, if the source gave one.
    pub fn label(&self, w: u32) -> Option<&str> {
        some(self.labels.get(w))
    }

    /// Work `w`'s title, if known.
    pub fn title(&self, w: u32) -> Option<&str> {
        some(self.titles.get(w))
    }

    /// Work `w`'s DOI, if known.
    pub fn doi(&self, w: u32) -> Option<&str> {
        some(self.dois.get(w))
    }

    /// What to show for work `w`: its label, else its id.
    pub fn display(&self, w: u32) -> &str {
        self.label(w).unwrap_or_else(|| self.id(w))
    }

    /// The works `w` cites (its references within the network).
    pub fn references(&self, w: u32) -> &[u32] {
        let w = w as usize;
        if w >= self.len() {
            return &[];
        }
        &self.out_targets[self.out_offsets[w] as usize..self.out_offsets[w + 1] as usize]
    }

    /// The works citing `w`.
    pub fn citers(&self, w: u32) -> &[u32] {
        let w = w as usize;
        if w >= self.len() {
            return &[];
        }
        &self.in_targets[self.in_offsets[w] as usize..self.in_offsets[w + 1] as usize]
    }

    /// The CSR arrays citing -> cited: `(offsets, targets)`, `offsets.len() == len() + 1`.
    pub fn out_csr(&self) -> (&[u32], &[u32]) {
        (&self.out_offsets, &self.out_targets)
    }

    /// The CSR arrays cited -> citing: `(offsets, targets)`.
    pub fn in_csr(&self) -> (&[u32], &[u32]) {
        (&self.in_offsets, &self.in_targets)
    }

    /// The year column (`i32::MIN` where unknown), for vectorised use.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Approximate bytes held by the network's arrays and strings.
    pub fn heap_bytes(&self) -> usize {
        self.ids.heap_bytes()
            + self.index.heap_bytes()
            + self.years.capacity() * 4
            + self.gcs.capacity() * 4
            + self.in_set.capacity()
            + self.labels.heap_bytes()
            + self.titles.heap_bytes()
            + self.dois.heap_bytes()
            + (self.out_offsets.capacity() + self.out_targets.capacity()) * 4
            + (self.in_offsets.capacity() + self.in_targets.capacity()) * 4
    }
}
