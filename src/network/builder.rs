//! [`NetworkBuilder`]: works and citations in any order, then one O(V + E) build.

use super::csr;
use super::graph::{Network, NO_COUNT, NO_YEAR};
use super::index::IdIndex;
use super::text::{TextColumn, TextPool};
use crate::error::{Diagnostic, Severity};

/// Collects works (by the source's own id) and citations, then builds a [`Network`].
///
/// ```
/// use bibgraph::network::NetworkBuilder;
///
/// let mut b = NetworkBuilder::new();
/// let old = b.work("W1");
/// let new = b.work("W2");
/// assert_eq!(b.work("W1"), old); // same id, same index
/// b.set_year(old, 1990);
/// b.set_label(new, "Smith 2001");
/// b.cite(new, old);
/// let (net, report) = b.build();
/// assert_eq!((net.len(), net.citation_count(), report.duplicate_citations), (2, 1, 0));
/// assert_eq!(net.references(net.find("W2").unwrap()), &[old]);
/// assert_eq!(net.year(old), Some(1990));
/// ```
#[derive(Debug, Default)]
pub struct NetworkBuilder {
    ids: TextColumn,
    index: IdIndex,
    years: Vec<i32>,
    gcs: Vec<u32>,
    in_set: Vec<bool>,
    labels: TextPool,
    titles: TextPool,
    dois: TextPool,
    citing: Vec<u32>,
    cited: Vec<u32>,
}

/// What [`NetworkBuilder::build`] did to the citations it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BuildReport {
    /// Works in the network.
    pub works: usize,
    /// Citations in the network (after the removals below).
    pub citations: usize,
    /// Citations given more than once (the same citing and cited work): kept once.
    pub duplicate_citations: usize,
    /// Citations of a work by itself: removed (a self-loop carries no flow).
    pub self_citations: usize,
    /// Citations naming a work index that was never interned: removed.
    pub invalid_citations: usize,
    /// One note per kind of removal, saying what was done.
    pub diagnostics: Vec<Diagnostic>,
}

impl NetworkBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::with_capacity(0, 0)
    }

    /// An empty builder with room for `works` works and `citations` citations.
    pub fn with_capacity(works: usize, citations: usize) -> Self {
        NetworkBuilder {
            ids: TextColumn::with_capacity(works),
            index: IdIndex::with_capacity(works),
            years: Vec::with_capacity(works),
            gcs: Vec::with_capacity(works),
            in_set: Vec::with_capacity(works),
            labels: TextPool::default(),
            titles: TextPool::default(),
            dois: TextPool::default(),
            citing: Vec::with_capacity(citations),
            cited: Vec::with_capacity(citations),
        }
    }

    /// Room for `works` more works (their ids `id_bytes` bytes in all) and `citations` more
    /// citations: a hint that saves rehashing and regrowing.
    pub fn reserve(&mut self, works: usize, id_bytes: usize, citations: usize) {
        self.index.reserve(works, &self.ids);
        self.ids.reserve(works, id_bytes);
        self.years.reserve(works);
        self.gcs.reserve(works);
        self.in_set.reserve(works);
        self.citing.reserve(citations);
        self.cited.reserve(citations);
    }

    /// The index of the work the source calls `id`, a new one if the id is new. A new work
    /// has no year, label, title or DOI, and is not in the set (a cited-only work) until
    /// [`NetworkBuilder::set_in_set`] says so.
    pub fn work(&mut self, id: &str) -> u32 {
        let w = self.index.intern(&mut self.ids, id);
        if w as usize == self.years.len() {
            self.years.push(NO_YEAR);
            self.gcs.push(NO_COUNT);
            self.in_set.push(false);
        }
        w
    }

    /// Interns every id of `ids` in order, as [`NetworkBuilder::work`] would, writing their
    /// indices to `out`. Faster for many ids: each lookup is started a few ids ahead, so the
    /// cache misses of a large network's lookups overlap.
    pub fn works(&mut self, ids: &[&str], out: &mut Vec<u32>) {
        // The slots of a group of ids are read together, a group ahead of their lookups: the
        // group's misses to memory are then in flight at the same time.
        const GROUP: usize = 16;
        out.clear();
        let hashes: Vec<usize> = ids.iter().map(|id| self.index.hash(id)).collect();
        for (i, (&id, &hash)) in ids.iter().zip(&hashes).enumerate() {
            if i % GROUP == 0 {
                for &next in hashes.iter().skip(i + GROUP).take(GROUP) {
                    self.index.touch(next);
                }
            }
            let w = self.index.intern_hashed(&mut self.ids, id, hash);
            if w as usize == self.years.len() {
                self.years.push(NO_YEAR);
                self.gcs.push(NO_COUNT);
                self.in_set.push(false);
            }
            out.push(w);
        }
    }

    /// The index of `id` if it has been interned.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.find(&self.ids, id)
    }

    /// Number of works interned so far.
    pub fn len(&self) -> usize {
        self.years.len()
    }

    /// Whether no work has been interned.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// Number of citations given so far (before duplicates are removed).
    pub fn citation_count(&self) -> usize {
        self.citing.len()
    }

    /// The source's id of work `w` ("" if `w` was never interned).
    pub fn id(&self, w: u32) -> &str {
        self.ids.get(w)
    }

    /// Sets work `w`'s year of publication. Ignored for an index never interned.
    pub fn set_year(&mut self, w: u32, year: i32) {
        if let Some(y) = self.years.get_mut(w as usize) {
            *y = year;
        }
    }

    /// Work `w`'s year, if set.
    pub fn year(&self, w: u32) -> Option<i32> {
        self.years.get(w as usize).copied().filter(|&y| y != NO_YEAR)
    }

    /// Sets work `w`'s global citation count as the source gives it (e.g. WoS `TC`).
    pub fn set_gcs(&mut self, w: u32, count: u32) {
        if let Some(c) = self.gcs.get_mut(w as usize) {
            *c = count.min(NO_COUNT - 1);
        }
    }

    /// Sets work `w`'s short display label, e.g. "Price 1965".
    pub fn set_label(&mut self, w: u32, label: &str) {
        if (w as usize) < self.len() {
            self.labels.set(w, label);
        }
    }

    /// Work `w`'s label so far ("" if none).
    pub fn label(&self, w: u32) -> &str {
        self.labels.get(w)
    }

    /// Sets work `w`'s title.
    pub fn set_title(&mut self, w: u32, title: &str) {
        if (w as usize) < self.len() {
            self.titles.set(w, title);
        }
    }

    /// Sets work `w`'s DOI.
    pub fn set_doi(&mut self, w: u32, doi: &str) {
        if (w as usize) < self.len() {
            self.dois.set(w, doi);
        }
    }

    /// Marks work `w` as a record of the set (true) or a work only cited by it (false).
    pub fn set_in_set(&mut self, w: u32, in_set: bool) {
        if let Some(s) = self.in_set.get_mut(w as usize) {
            *s = in_set;
        }
    }

    /// Whether work `w` is a record of the set.
    pub fn in_set(&self, w: u32) -> bool {
        self.in_set.get(w as usize).copied().unwrap_or(false)
    }

    /// Records that work `citing` cites work `cited`.
    pub fn cite(&mut self, citing: u32, cited: u32) {
        self.citing.push(citing);
        self.cited.push(cited);
    }

    /// The network: CSR arrays in both directions by counting sort, O(V + E) time. Each
    /// work's references keep the order they were given in; its citers are in index
    /// order. Duplicate citations are kept once, self-citations and citations of unknown
    /// indices are removed, and the [`BuildReport`] counts each.
    pub fn build(self) -> (Network, BuildReport) {
        let n = self.years.len();
        let NetworkBuilder { ids, index, years, gcs, in_set, labels, titles, dois, citing, cited } = self;
        let mut report = BuildReport { works: n, ..BuildReport::default() };

        let (out, dropped) = csr::from_pairs(n, &citing, &cited);
        drop(citing);
        drop(cited);
        let inn = csr::transpose(n, &out);
        report.duplicate_citations = dropped.duplicates;
        report.self_citations = dropped.self_loops;
        report.invalid_citations = dropped.invalid;
        let (out_offsets, out_targets, in_offsets, in_targets) = (out.offsets, out.targets, inn.offsets, inn.targets);
        report.citations = out_targets.len();
        for (count, code, what) in [
            (report.duplicate_citations, "duplicate-citation", "citations given more than once were kept once"),
            (report.self_citations, "self-citation", "citations of a work by itself were removed"),
            (report.invalid_citations, "invalid-citation", "citations naming an unknown work index were removed"),
        ] {
            if count > 0 {
                report.diagnostics.push(Diagnostic::new(Severity::Note, code, format!("{count} {what}")));
            }
        }
        let network = Network {
            ids,
            index,
            years,
            gcs,
            in_set,
            labels: labels.into_column(n),
            titles: titles.into_column(n),
            dois: dois.into_column(n),
            out_offsets,
            out_targets,
            in_offsets,
            in_targets,
        };
        (network, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_removes_duplicates_and_self_citations_and_says_so() {
        let mut b = NetworkBuilder::with_capacity(3, 6);
        let [a, c, d] = ["a", "c", "d"].map(|id| b.work(id));
        b.cite(c, a);
        b.cite(d, a);
        b.cite(d, c);
        b.cite(d, a);
        b.cite(d, d);
        b.cite(d, 99);
        let (net, report) = b.build();
        assert_eq!(net.citation_count(), 3);
        assert_eq!((report.duplicate_citations, report.self_citations, report.invalid_citations), (1, 1, 1));
        assert_eq!(report.diagnostics.len(), 3);
        assert_eq!(net.references(d), &[a, c]);
        assert_eq!(net.citers(a), &[c, d]);
        assert_eq!(net.citers(d), &[] as &[u32]);
        assert_eq!(net.find("c"), Some(c));
        assert_eq!(net.find("zz"), None);
    }

    #[test]
    fn columns_survive_the_build() {
        let mut b = NetworkBuilder::new();
        let x = b.work("x");
        let y = b.work("y");
        b.set_title(y, "On growth");
        b.set_doi(x, "10.1/abc");
        b.set_in_set(y, true);
        b.set_gcs(y, 12);
        let (net, _) = b.build();
        assert_eq!((net.title(y), net.title(x), net.doi(x)), (Some("On growth"), None, Some("10.1/abc")));
        assert_eq!((net.in_set(y), net.in_set(x)), (true, false));
        assert_eq!((net.gcs(y), net.gcs(x)), (Some(12), None));
        assert_eq!(net.id(y), "y");
    }
}
