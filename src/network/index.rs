//! The id index: an open-addressing hash table from a source's own id to its work index.
//!
//! Each slot is 16 bytes: the work index, the id's length and 11 of its bytes (all of an id
//! of up to 11 bytes, such as a vertex number, an OpenAlex id or a short key; the last 11 of
//! a longer one, where ids that share a prefix, like DOIs, differ). A lookup reads the slot
//! its hash points at and, by linear probing, the next ones: at a load of at most one half
//! that is one cache line in nearly every case, where a table with separate control bytes
//! reads two. Ids of up to 11 bytes are compared in the slot itself; a longer id is checked
//! against the id [`TextColumn`] only when its length and last bytes match. About 32 bytes
//! a work at the table's load (16 to 32 bytes).
//!
//! Building a million-work network interns ten million ids, and with ids spread at random
//! over a table far larger than the caches, each lookup costs a miss to memory: one miss
//! instead of two halves the cost of reading an edge list.

use super::text::TextColumn;
use std::hash::BuildHasher;

const INLINE: usize = 11;
/// The work index of an empty slot.
const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    w: u32,
    len: u8,
    head: [u8; INLINE],
}

const VACANT: Slot = Slot { w: EMPTY, len: 0, head: [0; INLINE] };

/// The bytes of `id` a slot keeps: all of it up to [`INLINE`] bytes, else its last ones.
#[inline]
fn kept(id: &[u8]) -> &[u8] {
    &id[id.len().saturating_sub(INLINE)..]
}

impl Slot {
    fn new(w: u32, id: &str) -> Slot {
        let k = kept(id.as_bytes());
        let mut head = [0u8; INLINE];
        head[..k.len()].copy_from_slice(k);
        Slot { w, len: id.len().min(255) as u8, head }
    }

    /// Whether the slot holds `id` (`ids` is read only for ids longer than the slot keeps).
    #[inline]
    fn holds(&self, id: &[u8], ids: &TextColumn) -> bool {
        if self.len as usize != id.len().min(255) {
            return false;
        }
        let k = kept(id);
        if self.head[..k.len()] != *k {
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
#[derive(Clone)]
pub(crate) struct IdIndex {
    /// A power of two of slots (or none), at most half of them full.
    slots: Vec<Slot>,
    len: usize,
    state: foldhash::fast::RandomState,
}

impl Default for IdIndex {
    fn default() -> Self {
        IdIndex::with_capacity(0)
    }
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex").field("len", &self.len).finish()
    }
}

/// Slots for `n` ids: a power of two at least twice `n`.
fn slots_for(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n * 2).next_power_of_two().max(16)
    }
}

impl IdIndex {
    pub(crate) fn with_capacity(n: usize) -> Self {
        IdIndex { slots: vec![VACANT; slots_for(n)], len: 0, state: foldhash::fast::RandomState::default() }
    }

    /// The hash of `id`, for [`IdIndex::touch`] and [`IdIndex::intern_hashed`].
    #[inline]
    pub(crate) fn hash(&self, id: &str) -> usize {
        self.state.hash_one(id) as usize
    }

    /// Reads the slot where an id of hash `hash` starts its probe, so that a lookup a little
    /// later finds it in the cache: a caller interning many ids touches the slot of an id
    /// some places ahead, and the misses to memory of several lookups overlap.
    #[inline]
    pub(crate) fn touch(&self, hash: usize) {
        if !self.slots.is_empty() {
            std::hint::black_box(self.slots[hash & (self.slots.len() - 1)].w);
        }
    }

    /// Room for `additional` more ids without rehashing.
    pub(crate) fn reserve(&mut self, additional: usize, ids: &TextColumn) {
        let want = slots_for(self.len + additional);
        if want > self.slots.len() {
            self.rehash(want, ids);
        }
    }

    fn rehash(&mut self, size: usize, ids: &TextColumn) {
        let old = std::mem::replace(&mut self.slots, vec![VACANT; size]);
        let mask = size - 1;
        for s in old.into_iter().filter(|s| s.w != EMPTY) {
            let mut i = self.hash(s.inline().unwrap_or_else(|| ids.get(s.w))) & mask;
            while self.slots[i].w != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }

    /// The slot holding `id`, or the empty slot where it would go (`Err`). The table must
    /// have a slot.
    #[inline]
    fn probe(&self, ids: &TextColumn, id: &str) -> Result<usize, usize> {
        self.probe_hashed(ids, id, self.hash(id))
    }

    #[inline]
    fn probe_hashed(&self, ids: &TextColumn, id: &str, hash: usize) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash & mask;
        loop {
            let s = &self.slots[i];
            if s.w == EMPTY {
                return Err(i);
            }
            if s.holds(id.as_bytes(), ids) {
                return Ok(i);
            }
            i = (i + 1) & mask;
        }
    }

    pub(crate) fn find(&self, ids: &TextColumn, id: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(ids, id).ok().map(|i| self.slots[i].w)
    }

    /// The index of `id`, appending it to `ids` as work `ids.len()` if it is new.
    #[inline]
    pub(crate) fn intern(&mut self, ids: &mut TextColumn, id: &str) -> u32 {
        self.intern_hashed(ids, id, self.hash(id))
    }

    /// [`IdIndex::intern`] with the id's [`IdIndex::hash`] already computed.
    #[inline]
    pub(crate) fn intern_hashed(&mut self, ids: &mut TextColumn, id: &str, hash: usize) -> u32 {
        if (self.len + 1) * 2 > self.slots.len() {
            self.rehash(slots_for((self.len + 1).max(self.len * 2)), ids);
        }
        match self.probe_hashed(ids, id, hash) {
            Ok(i) => self.slots[i].w,
            Err(i) => {
                let w = ids.len() as u32;
                ids.push(id);
                self.slots[i] = Slot::new(w, id);
                self.len += 1;
                w
            }
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
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
