//! The id index: a hash table from a source's own id to its work index.
//!
//! Each slot is 16 bytes: the work index, the id's length and its first 11 bytes. Ids of up
//! to 11 bytes (vertex numbers, OpenAlex ids, short keys) are compared in the slot itself,
//! without touching the id column, which halves the cache misses of a lookup; longer ids
//! are checked against the id [`TextColumn`] when their first bytes match. About 18 bytes
//! a work at the table's load factor.

use super::text::TextColumn;
use hashbrown::HashTable;
use std::hash::BuildHasher;

const INLINE: usize = 11;

#[derive(Clone, Copy)]
struct Slot {
    w: u32,
    len: u8,
    head: [u8; INLINE],
}

impl Slot {
    fn new(w: u32, id: &str) -> Slot {
        let b = id.as_bytes();
        let mut head = [0u8; INLINE];
        let k = b.len().min(INLINE);
        head[..k].copy_from_slice(&b[..k]);
        Slot { w, len: b.len().min(255) as u8, head }
    }

    /// Whether the slot holds `id` (`ids` is read only for ids longer than the slot keeps).
    #[inline]
    fn holds(&self, id: &[u8], ids: &TextColumn) -> bool {
        if self.len as usize != id.len().min(255) {
            return false;
        }
        let k = id.len().min(INLINE);
        if self.head[..k] != id[..k] {
            return false;
        }
        id.len() <= INLINE || ids.get(self.w).as_bytes() == id
    }

    /// The id, when the slot holds all of it.
    fn inline(&self) -> Option<&str> {
        let len = self.len as usize;
        (len <= INLINE).then(|| std::str::from_utf8(&self.head[..len]).unwrap_or(""))
    }
}

/// Maps a source's own id to its work index.
#[derive(Clone, Default)]
pub(crate) struct IdIndex {
    table: HashTable<Slot>,
    state: foldhash::fast::RandomState,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex").field("len", &self.table.len()).finish()
    }
}

impl IdIndex {
    pub(crate) fn with_capacity(n: usize) -> Self {
        IdIndex { table: HashTable::with_capacity(n), state: foldhash::fast::RandomState::default() }
    }

    /// Room for `additional` more ids without rehashing.
    pub(crate) fn reserve(&mut self, additional: usize, ids: &TextColumn) {
        let state = &self.state;
        self.table.reserve(additional, |s| state.hash_one(s.inline().unwrap_or_else(|| ids.get(s.w))));
    }

    pub(crate) fn find(&self, ids: &TextColumn, id: &str) -> Option<u32> {
        let hash = self.state.hash_one(id);
        self.table.find(hash, |s| s.holds(id.as_bytes(), ids)).map(|s| s.w)
    }

    /// The index of `id`, appending it to `ids` as work `ids.len()` if it is new.
    pub(crate) fn intern(&mut self, ids: &mut TextColumn, id: &str) -> u32 {
        let hash = self.state.hash_one(id);
        if let Some(s) = self.table.find(hash, |s| s.holds(id.as_bytes(), ids)) {
            return s.w;
        }
        let w = ids.len() as u32;
        ids.push(id);
        let state = &self.state;
        let column: &TextColumn = ids;
        self.table
            .insert_unique(hash, Slot::new(w, id), |s| state.hash_one(s.inline().unwrap_or_else(|| column.get(s.w))));
        w
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.table.allocation_size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_unicode_ids_are_told_apart() {
        let mut ids = TextColumn::default();
        let mut index = IdIndex::with_capacity(0);
        let names = ["1", "12", "W2741809807", "W27418098071", "W27418098072", "10.1000/ABC-é", "ü", ""];
        let got: Vec<u32> = names.iter().map(|n| index.intern(&mut ids, n)).collect();
        assert_eq!(got, (0..names.len() as u32).collect::<Vec<_>>());
        for (i, n) in names.iter().enumerate() {
            assert_eq!(index.find(&ids, n), Some(i as u32), "{n}");
            assert_eq!(index.intern(&mut ids, n), i as u32);
        }
        assert_eq!(index.find(&ids, "W27418098073"), None);
        // Many more, through rehashing.
        for i in 0..10_000 {
            index.intern(&mut ids, &format!("long-identifier-{i}"));
        }
        assert_eq!(index.find(&ids, "long-identifier-9999"), Some(names.len() as u32 + 9999));
        assert_eq!(index.find(&ids, "W2741809807"), Some(2));
    }
}
