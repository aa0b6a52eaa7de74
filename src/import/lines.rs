//! Byte offsets to lines and columns.

use crate::error::Location;
use std::sync::Arc;

/// Bytes between the checkpoints of [`Lines`]' character counts.
const BLOCK: usize = 1024;

/// The start of every line of a file, to turn byte offsets into 1-based lines and columns
/// (columns count characters: every byte that does not continue a UTF-8 sequence).
///
/// Besides the line starts it keeps the number of characters before every [`BLOCK`]-th
/// byte, so that a column costs at most two blocks' bytes to count, however long the line
/// and in whatever order places are asked for (counting from the line's start each time
/// was quadratic on one long line whose warnings name earlier places, such as a macro
/// defined again, whose note names the first definition).
pub(crate) struct Lines<'a> {
    src: &'a [u8],
    file: Arc<str>,
    starts: Vec<u32>,
    /// `chars[b]`: the characters in `src[..b * BLOCK]`.
    chars: Vec<u64>,
}

/// The characters in `bytes`: every byte that does not continue a UTF-8 sequence.
fn count_chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
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
        let mut chars = Vec::with_capacity(src.len() / BLOCK + 2);
        let mut total = 0;
        for block in src.chunks(BLOCK) {
            chars.push(total);
            total += count_chars(block);
        }
        chars.push(total);
        Lines { src, file: Arc::from(file), starts, chars }
    }

    /// The characters in `src[..offset]`. O(BLOCK).
    fn chars_before(&self, offset: usize) -> u64 {
        let b = offset / BLOCK;
        self.chars[b] + count_chars(&self.src[b * BLOCK..offset])
    }

    /// The 1-based line and column of byte `offset`. O(log lines + BLOCK).
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s as usize <= offset).saturating_sub(1);
        let start = (self.starts[line] as usize).min(offset);
        let count = self.chars_before(offset) - self.chars_before(start);
        let column = u32::try_from(count).unwrap_or(u32::MAX).saturating_add(1);
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
        // Across checkpoints on one long line, with characters of several bytes.
        let long = "é".repeat(3 * BLOCK) + "\nab";
        let lines = Lines::new(long.as_bytes(), "f");
        assert_eq!(lines.line_col(2 * BLOCK + 2), (1, BLOCK as u32 + 2));
        assert_eq!(lines.line_col(2), (1, 2));
        assert_eq!(lines.line_col(6 * BLOCK + 2), (2, 2));
    }
}
