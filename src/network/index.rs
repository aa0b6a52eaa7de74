//! The id index: a hash table of work indices, hashing the ids where they already are
//! (the id [`TextColumn`]), so that each id is stored once. About 5 bytes a work.

use super::text::TextColumn;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Maps a source's own id to its work index.
#[derive(Clone, Default)]
pub(crate) struct IdIndex {
    table: HashTable<u32>,
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

    pub(crate) fn find(&self, ids: &TextColumn, id: &str) -> Option<u32> {
        let hash = self.state.hash_one(id);
        self.table.find(hash, |&w| ids.get(w) == id).copied()
    }

    /// The index of `id`, appending it to `ids` as work `ids.len()` if it is new.
    pub(crate) fn intern(&mut self, ids: &mut TextColumn, id: &str) -> u32 {
        let hash = self.state.hash_one(id);
        if let Some(&w) = self.table.find(hash, |&w| ids.get(w) == id) {
            return w;
        }
        let w = ids.len() as u32;
        ids.push(id);
        let state = &self.state;
        let column: &TextColumn = ids;
        self.table.insert_unique(hash, w, |&v| state.hash_one(column.get(v)));
        w
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.table.allocation_size()
    }
}
