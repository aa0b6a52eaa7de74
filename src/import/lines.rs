//! Byte offsets to lines and columns.

use crate::error::Location;
use std::cell::Cell;
use std::sync::Arc;

/// The start of every line of a file, to turn byte offsets into 1-based lines and columns
/// (columns count characters: every byte that does not continue a UTF-8 sequence).
pub(crate) struct Lines<'a> {
    src: &'a [u8],
    file: Arc<str>,
    starts: Vec<u32>,
    /// Two offsets asked for and their columns, so that offsets asked for in order along
    /// one long line cost their distance, not the line's length each, even when another
    /// place is asked for in between (a duplicate key names where its first entry was).
    last: Cell<[(usize, u32); 2]>,
    /// Which of the two was used least recently.
    older: Cell<usize>,
}

impl<'a> Lines<'a> {
    /// The line index of `src`, read from `file`. O(n).
    pub(crate) fn new(src: &'a [u8], file: &str) -> Self {
        let mut starts = Vec::with_capacity(src.len() / 40 + 1);
        starts.push(0);
        // Offsets past 4 GiB share the last line start: their lines are then wrong, never
        // a panic.
        starts.extend(
            src.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        Lines { src, file: Arc::from(file), starts, last: Cell::new([(0, 1); 2]), older: Cell::new(0) }
    }

    /// The 1-based line and column of byte `offset`. O(log lines + column), or
    /// O(log lines + distance) after an earlier offset on the same line.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s as usize <= offset).saturating_sub(1);
        let start = (self.starts[line] as usize).min(offset);
        let mut cursors = self.last.get();
        // The nearest cursor at or before `offset` on its line, else the line's start.
        let used = (0..2).filter(|&k| cursors[k].0 >= start && cursors[k].0 <= offset).max_by_key(|&k| cursors[k].0);
        let (from, base) = used.map_or((start, 1), |k| cursors[k]);
        let count = self.src[from..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        let column = base.saturating_add(u32::try_from(count).unwrap_or(u32::MAX));
        let k = used.unwrap_or(self.older.get());
        cursors[k] = (offset, column);
        self.last.set(cursors);
        self.older.set(1 - k);
        (u32::try_from(line + 1).unwrap_or(u32::MAX), column)
    }

    /// The location of byte `offset`.
    pub(crate) fn at(&self, offset: usize) -> Location {
        let (line, column) = self.line_col(offset);
        Location { file: self.file.clone(), line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let src = "ab\nçd\n\nx".as_bytes();
        let lines = Lines::new(src, "f");
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line_col(2), (1, 3));
        assert_eq!(lines.line_col(3), (2, 1));
        // `d` follows the two bytes of `ç`.
        assert_eq!(lines.line_col(5), (2, 2));
        assert_eq!(lines.line_col(7), (3, 1));
        assert_eq!(lines.line_col(8), (4, 1));
        assert_eq!(lines.line_col(100), (4, 2));
        // Backwards, and along one line, in any order.
        assert_eq!(lines.line_col(5), (2, 2));
        assert_eq!(lines.line_col(4), (2, 2));
        assert_eq!(lines.line_col(1), (1, 2));
        assert_eq!(lines.line_col(2), (1, 3));
    }
}
