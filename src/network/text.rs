//! Text columns: one string per work kept in one buffer, with offsets.
//!
//! A [`TextColumn`] costs one `u64` offset per work plus the bytes themselves, instead of
//! one heap allocation per string. The builder's [`TextPool`] accepts values in any order
//! and is compacted into a column, in index order, when the network is built.

/// One optional string per work, all in one buffer: work `w`'s value is
/// `text[offsets[w]..offsets[w + 1]]`; an empty value means none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextColumn {
    text: String,
    offsets: Vec<u64>,
}

impl Default for TextColumn {
    fn default() -> Self {
        TextColumn::with_capacity(0)
    }
}

impl TextColumn {
    /// An empty column ready for `n` values.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        TextColumn { text: String::new(), offsets }
    }

    /// Room for `values` more values of `bytes` bytes in all.
    pub(crate) fn reserve(&mut self, values: usize, bytes: usize) {
        self.offsets.reserve(values);
        self.text.reserve(bytes);
    }

    /// Appends the next work's value ("" for none).
    pub(crate) fn push(&mut self, value: &str) {
        self.text.push_str(value);
        self.offsets.push(self.text.len() as u64);
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether the column has no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Work `w`'s value, "" if it has none or `w` is out of range.
    pub fn get(&self, w: u32) -> &str {
        let w = w as usize;
        match (self.offsets.get(w), self.offsets.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.text[a as usize..b as usize],
            _ => "",
        }
    }

    /// Bytes held (text and offsets), for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.offsets.capacity() * 8
    }
}

/// Values set in any order during building: each work points at a span of one buffer.
/// Setting a value twice keeps the last (the first one's bytes stay unused until build).
#[derive(Debug, Clone, Default)]
pub(crate) struct TextPool {
    text: String,
    /// Per work: (start, end) into `text`; (0, 0) is none.
    spans: Vec<(u64, u64)>,
}

impl TextPool {
    pub(crate) fn set(&mut self, w: u32, value: &str) {
        let w = w as usize;
        if self.spans.len() <= w {
            self.spans.resize(w + 1, (0, 0));
        }
        let start = self.text.len() as u64;
        self.text.push_str(value);
        self.spans[w] = (start, self.text.len() as u64);
    }

    pub(crate) fn get(&self, w: u32) -> &str {
        match self.spans.get(w as usize) {
            Some(&(a, b)) => &self.text[a as usize..b as usize],
            None => "",
        }
    }

    /// The column for works `0..n`, in index order: O(n + bytes).
    pub(crate) fn into_column(self, n: usize) -> TextColumn {
        let bytes = self.spans.iter().map(|&(a, b)| (b - a) as usize).sum();
        let mut column = TextColumn::with_capacity(n);
        column.text.reserve(bytes);
        for w in 0..n as u32 {
            column.push(self.get(w));
        }
        column
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_set_out_of_order_come_back_in_index_order() {
        let mut pool = TextPool::default();
        pool.set(2, "third");
        pool.set(0, "first");
        pool.set(2, "third again");
        let column = pool.into_column(4);
        assert_eq!(column.len(), 4);
        assert_eq!([column.get(0), column.get(1), column.get(2), column.get(3)], ["first", "", "third again", ""]);
        assert_eq!(column.get(9), "");
    }
}
