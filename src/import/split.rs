//! Splitting a BibTeX file into blocks (entries, `@string`, `@preamble`, `@comment`) in
//! one pass over its bytes, so that one bad entry never sinks the others.
//!
//! A block starts at `@`, a type name and an opening `{` or `(`, and ends at the matching
//! close, counting braces (and, in a `(` block, double quotes). A block that never closes
//! ends where the next line starts with an entry (`@type{` at column 0), or at the end of
//! the file. A closing brace left over after a block (more `}` than `{` before the next
//! block) most likely closed the block too early: the block is extended to it, and the
//! early brace is recorded as stray.
//!
//! Between blocks, every byte is either text outside entries (BibTeX's implicit comments,
//! [`Blocks::texts`]) or part of a malformed entry start: an `@` at the start of a line
//! followed on that line by `{`, `(` or `[` that does not start a block (`@book\0{`,
//! `@bo ok{`, `@book;{`, `@{`, `@book[`), which runs to the next block and is reported
//! as a skipped entry ([`Blocks::malformed`]). So every byte of a file is in a block, a
//! text or a malformed entry.
//!
//! The scan keeps a brace count, never a stack: nesting costs no memory and no recursion.

use std::ops::Range;

/// What a block is, by its type name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A bibliographic entry (`@article`, `@book`, any other type).
    Entry,
    /// `@string{name = value}`: macro definitions.
    String,
    /// `@preamble{"..."}`.
    Preamble,
    /// `@comment{...}`.
    Comment,
}

/// One block of the file, by byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The `@`.
    pub(crate) start: usize,
    /// The type name as written.
    pub(crate) name: Range<usize>,
    /// What the block is.
    pub(crate) kind: BlockKind,
    /// The opening `{` or `(`.
    pub(crate) open: usize,
    /// The closing delimiter, if the block closed.
    pub(crate) close: Option<usize>,
    /// One past the block's last byte (after the close, or where an unclosed block was cut).
    pub(crate) end: usize,
    /// Whether the block is delimited by parentheses.
    pub(crate) paren: bool,
    /// A closing brace that closed the block too early, when it was extended past it.
    pub(crate) stray: Option<usize>,
}

impl Block {
    /// The byte range of the body: after the opening delimiter, up to the close or the cut.
    pub(crate) fn body(&self) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(self.end)
    }
}

/// The blocks of a file, in order, found as they are asked for; and the closing braces
/// outside every block that no block took ([`Blocks::strays`]).
#[derive(Debug)]
pub(crate) struct Blocks<'a> {
    src: &'a [u8],
    pos: usize,
    /// Offsets of stray closing braces between blocks, found so far.
    pub(crate) strays: Vec<usize>,
    /// Text outside blocks and malformed entries that is not only whitespace, found so far.
    pub(crate) texts: Vec<Range<usize>>,
    /// Malformed entry starts, found so far: from the `@` to the next block (trailing
    /// whitespace left out).
    pub(crate) malformed: Vec<Range<usize>>,
}

impl<'a> Blocks<'a> {
    /// The blocks of `src`.
    pub(crate) fn new(src: &'a [u8]) -> Self {
        Blocks { src, pos: 0, strays: Vec::new(), texts: Vec::new(), malformed: Vec::new() }
    }

    /// Scans text between blocks from `self.pos` up to the next block start, giving a
    /// leftover closing brace to `block`, if it may take one.
    fn gap(&mut self, mut block: Option<&mut Block>) {
        let src = self.src;
        let mut depth = 0usize;
        let mut i = self.pos;
        // Where the current text started.
        let mut from = i;
        while i < src.len() {
            match src[i] {
                b'@' if entry_start(src, i).is_some() => break,
                b'@' if malformed_start(src, i) => {
                    self.piece(from..i);
                    let end = malformed_end(src, i);
                    let text = &src[i..end];
                    let last = text.iter().rposition(|b| !b.is_ascii_whitespace()).unwrap_or(0);
                    self.malformed.push(i..i + last + 1);
                    (from, i) = (end, end);
                    continue;
                }
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                b'}' => match block.take() {
                    Some(b) => {
                        b.stray = b.close;
                        b.close = Some(i);
                        b.end = i + 1;
                    }
                    None => self.strays.push(i),
                },
                _ => {}
            }
            i += 1;
        }
        self.piece(from..i);
        self.pos = i;
    }

    /// Records text between blocks, unless it is blank.
    fn piece(&mut self, range: Range<usize>) {
        if self.src[range.clone()].iter().any(|b| !b.is_ascii_whitespace()) {
            self.texts.push(range);
        }
    }
}

/// How far a malformed start looks for its opening delimiter.
const MALFORMED_REACH: usize = 64;

/// Whether the `@` at `at` starts a line (after spaces) and is followed on that line, within
/// 64 bytes, by `{`, `(` or `[`: an entry meant but not written as one.
fn malformed_start(src: &[u8], at: usize) -> bool {
    let spaces = src[..at].iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
    if at > spaces && src[at - spaces - 1] != b'\n' {
        return false;
    }
    opener(src, at).is_some()
}

/// The first `{`, `(` or `[` after the `@` at `at`, on its line and within reach.
fn opener(src: &[u8], at: usize) -> Option<usize> {
    let line = src[at + 1..].iter().take(MALFORMED_REACH).take_while(|&&b| b != b'\n');
    line.into_iter().position(|&b| matches!(b, b'{' | b'(' | b'[')).map(|p| at + 1 + p)
}

/// Where a malformed entry starting at `at` ends: after the delimiter that balances its
/// opener, or where the next line starts with `@`, or at the end of the file.
fn malformed_end(src: &[u8], at: usize) -> usize {
    let Some(open) = opener(src, at) else { return at + 1 };
    let close = match src[open] {
        b'{' => b'}',
        b'(' => b')',
        _ => b']',
    };
    let mut depth = 0usize;
    for (i, &b) in src.iter().enumerate().skip(open) {
        if b == src[open] {
            depth += 1;
        } else if b == close {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        } else if b == b'\n' && src.get(i + 1) == Some(&b'@') {
            return i + 1;
        }
    }
    src.len()
}

impl Iterator for Blocks<'_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        self.gap(None);
        let (name, open) = entry_start(self.src, self.pos)?;
        let start = self.pos;
        let paren = self.src[open] == b'(';
        let kind = kind_of(&self.src[name.clone()]);
        let (close, end) = scan(self.src, open, paren);
        let mut block = Block { start, name, kind, open, close, end, paren, stray: None };
        self.pos = end;
        let extendable = close.is_some() && !paren && kind != BlockKind::Comment;
        self.gap(extendable.then_some(&mut block));
        Some(block)
    }
}

/// Every block of `src` and the stray closing braces. O(n), no recursion.
#[cfg(test)]
pub(crate) fn split(src: &[u8]) -> (Vec<Block>, Vec<usize>) {
    let mut blocks = Blocks::new(src);
    let all: Vec<Block> = blocks.by_ref().collect();
    (all, blocks.strays)
}

fn is_type_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'.')
}

/// If an entry starts at `at` (an `@`): its type name and the offset of its opening
/// delimiter.
pub(crate) fn entry_start(src: &[u8], at: usize) -> Option<(Range<usize>, usize)> {
    let mut i = at + 1;
    while src.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    let name_start = i;
    if !src.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while src.get(i).copied().is_some_and(is_type_byte) {
        i += 1;
    }
    let name = name_start..i;
    while src.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    matches!(src.get(i), Some(b'{' | b'(')).then_some((name, i))
}

fn kind_of(name: &[u8]) -> BlockKind {
    if name.eq_ignore_ascii_case(b"string") {
        BlockKind::String
    } else if name.eq_ignore_ascii_case(b"preamble") {
        BlockKind::Preamble
    } else if name.eq_ignore_ascii_case(b"comment") {
        BlockKind::Comment
    } else {
        BlockKind::Entry
    }
}

/// Scans a block from its opening delimiter: (the closing delimiter, one past the end).
fn scan(src: &[u8], open: usize, paren: bool) -> (Option<usize>, usize) {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut i = open + 1;
    while i < src.len() {
        match src[i] {
            b'{' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' if !paren => return (Some(i), i + 1),
            b')' if paren && depth == 0 && !quoted => return (Some(i), i + 1),
            b'"' if paren && depth == 0 => quoted = !quoted,
            b'\n' if src.get(i + 1) == Some(&b'@') && entry_start(src, i + 1).is_some() => return (None, i + 1),
            _ => {}
        }
        i += 1;
    }
    (None, src.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(src: &str) -> Vec<(BlockKind, &str, bool)> {
        split(src.as_bytes()).0.iter().map(|b| (b.kind, &src[b.start..b.end], b.close.is_some())).collect()
    }

    #[test]
    fn entries_end_at_their_balanced_close() {
        let src = "junk @comment{x {y}} @string{a = \"b\"}\n@Article{k, title = {A {B} C}}\n% c\n@book(k2, t=\"x)\")";
        assert_eq!(
            spans(src),
            [
                (BlockKind::Comment, "@comment{x {y}}", true),
                (BlockKind::String, "@string{a = \"b\"}", true),
                (BlockKind::Entry, "@Article{k, title = {A {B} C}}", true),
                (BlockKind::Entry, "@book(k2, t=\"x)\")", true),
            ]
        );
    }

    #[test]
    fn an_unclosed_entry_ends_at_the_next_entry_at_column_zero() {
        let src = "@a{k, t = {x}\n  @b{not, a = start}\n@c{k2, t = y}\n";
        let blocks = split(src.as_bytes()).0;
        assert_eq!(blocks.len(), 2);
        assert_eq!(&src[blocks[0].start..blocks[0].end], "@a{k, t = {x}\n  @b{not, a = start}\n");
        assert_eq!(blocks[0].close, None);
        assert_eq!(&src[blocks[1].start..blocks[1].end], "@c{k2, t = y}");
    }

    #[test]
    fn a_leftover_closing_brace_extends_the_block_it_follows() {
        let src = "@a{k, t = {x}},\n  y = 1,\n}\n}\n";
        let (blocks, strays) = split(src.as_bytes());
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].stray, Some(13));
        assert_eq!(blocks[0].close, Some(25));
        assert_eq!(strays, [27]);
    }

    #[test]
    fn at_signs_that_start_no_entry_are_text() {
        let (blocks, strays) = split(b"mail me@example.org, thanks { } @ {");
        assert!(blocks.is_empty());
        assert!(strays.is_empty());
    }
}
