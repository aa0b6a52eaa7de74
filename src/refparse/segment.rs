//! Splitting a reference list into entries, repairing page-break damage, and
//! accounting for every byte of the input.

use super::head::parse_head;
use super::ParseOptions;
use crate::model::Flag;
use std::ops::Range;

/// What a stretch of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// Part of the raw text of the reference with this index (the entry's text may be
    /// in several segments when it spans a page break).
    Entry(usize),
    /// Spaces and line breaks between entries.
    Whitespace,
    /// List markers between entries: bullets (`-`, `•`) or numbers (`[12]`, `12.`).
    Marker,
    /// A Markdown heading line (`#### References`), which is not a reference.
    Heading,
}

/// A stretch of the input. The segments of a [`ReferenceList`](super::ReferenceList)
/// are in order, do not overlap, and cover the input exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// What it is.
    pub kind: SegmentKind,
}

pub(crate) struct EntryPieces {
    /// Byte ranges of the entry's content, one per line (markers and indentation excluded).
    pub pieces: Vec<Range<usize>>,
    pub line: u32,
    pub column: u32,
    pub repairs: Vec<Flag>,
    has_head: bool,
}

pub(crate) struct Split {
    pub entries: Vec<EntryPieces>,
    pub segments: Vec<Segment>,
    pub notes: Vec<(u32, u32, String)>,
}

/// The length of a list marker at the start of `s` (bullet, `[12]`, `12.`), with the
/// spaces after it; 0 if there is none.
fn marker_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let after = |n: usize| -> usize {
        let rest = &s[n..];
        if rest.starts_with(' ') || rest.starts_with('\t') {
            n + (rest.len() - rest.trim_start().len())
        } else {
            0
        }
    };
    for bullet in ["- ", "* ", "+ ", "• ", "◆ ", "– ", "· "] {
        if s.starts_with(bullet) {
            return after(bullet.len() - 1);
        }
    }
    if bytes.first() == Some(&b'[') {
        if let Some(close) = s.find(']') {
            if close > 1 && close <= 5 && s[1..close].bytes().all(|b| b.is_ascii_digit()) {
                return after(close + 1);
            }
        }
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(bytes.get(digits), Some(b'.') | Some(b')')) {
        return after(digits + 1);
    }
    0
}

fn char_column(line: &str, byte: usize) -> u32 {
    line[..byte].chars().count() as u32 + 1
}

/// Splits the input into entries.
/// `first_line` (0 for a whole list) is the number of input lines before `input`: line
/// numbers in locations and messages count from there.
pub(crate) fn split(input: &str, options: &ParseOptions, first_line: u32) -> Split {
    let mut entries: Vec<EntryPieces> = Vec::new();
    let mut current: Option<usize> = None;
    let mut notes = Vec::new();
    let mut heading_lines: Vec<Range<usize>> = Vec::new();
    let mut blank_before = false;
    let mut bullets_seen = false;
    let mut offset = 0usize;
    for (line_no, line_with_end) in input.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line_with_end.len();
        let line = line_with_end.trim_end_matches(['\n', '\r']);
        // A byte-order mark (U+FEFF) is no text: it counts as indentation.
        let indent = line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').len();
        let rest = &line[indent..];
        let mlen = marker_len(rest);
        let content_start = indent + mlen;
        let mut content_start = content_start;
        let mut content = line[content_start..].trim_end();
        let line_no = first_line + line_no as u32 + 1;
        // One per line: a line that holds only a marker is still a line, and an item.
        if content.is_empty() && options.one_per_line && !rest.trim().is_empty() {
            content_start = indent;
            content = rest.trim_end();
        }
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        if rest.starts_with('#') {
            heading_lines.push(line_start..line_start + line.trim_end().len());
            notes.push((line_no, 1, format!("skipped the heading line `{}`", line.trim())));
            current = None;
            blank_before = false;
            continue;
        }
        let has_marker = mlen > 0;
        let abs = line_start + content_start..line_start + content_start + content.len();
        let column = char_column(line, content_start);
        // A bulleted line after an entry that has no readable head starts a new entry: the
        // bullet is the only evidence left, and merging unreadable entries would hide them.
        let current_unreadable = current.is_some_and(|i| !entries[i].has_head);
        let head = parse_head(content).is_some();
        let damaged = !head && current.is_some() && !options.one_per_line && damaged_head(content);
        let starts = options.one_per_line
            || current.is_none()
            || (options.paragraphs && blank_before)
            || (!options.paragraphs && (head || damaged || cjk_entry_start(content)))
            || (has_marker && current_unreadable);
        if starts {
            let mut repairs = Vec::new();
            if !has_marker && bullets_seen && !options.one_per_line {
                repairs.push(Flag::new("no-bullet", "entry printed without the list's bullet"));
            }
            if damaged {
                let message = format!(
                    "a new entry: the line reads as a reference's head once a character it should not hold is \
                     dropped or a letter in its year read as a digit (line {line_no})"
                );
                repairs.push(Flag::new("damaged-head", message));
            }
            entries.push(EntryPieces { pieces: vec![abs], line: line_no, column, repairs, has_head: head });
            current = Some(entries.len() - 1);
        } else if let Some(i) = current {
            let e = &mut entries[i];
            let why = match (blank_before, has_marker) {
                (true, true) => "joined a line continued after a break, dropping a spurious bullet",
                (true, false) => "joined a line continued after a break",
                (false, true) => "joined a continuation line, dropping a spurious bullet",
                (false, false) => "joined a continuation line",
            };
            e.repairs.push(Flag::new("joined-line", format!("{why} (line {line_no})")));
            e.pieces.push(abs);
        }
        bullets_seen |= has_marker;
        blank_before = false;
        if !options.one_per_line && !options.paragraphs {
            split_run_together(input, &mut entries, &mut current, line_no, line_start, line);
        }
    }
    let segments = account(input, &entries, &heading_lines);
    Split { entries, segments, notes }
}

/// Letters that OCR reads for digits, and the digits they stand for.
const OCR_DIGITS: [(char, char); 7] =
    [('l', '1'), ('I', '1'), ('|', '1'), ('O', '0'), ('o', '0'), ('S', '5'), ('B', '8')];

/// Whether a line that has no readable head has one once damage is undone: in the first
/// bracketed group of four or five characters with at least two digits, letters OCR
/// reads for digits (`(l998)`, `(2O01)`) read as digits and a control character (a NUL)
/// as an unreadable digit; elsewhere control characters dropped. Only for deciding where
/// an entry starts: the entry's text is kept as printed.
fn damaged_head(content: &str) -> bool {
    let ocr = |c: char| {
        if c.is_control() {
            return Some('0');
        }
        OCR_DIGITS.iter().find(|(l, _)| *l == c).map(|&(_, d)| d)
    };
    let mut fixed = String::with_capacity(content.len());
    let mut changed = false;
    let mut rest = content;
    if let Some(open) = content.find(['(', '[']).filter(|&o| o < 300) {
        let inner_start = open + 1;
        if let Some(close) = content[inner_start..].find([')', ']']).map(|c| inner_start + c) {
            let inner = &content[inner_start..close];
            let digits = inner.chars().filter(char::is_ascii_digit).count();
            let body = inner.trim_end_matches(|c: char| c.is_ascii_lowercase() && ocr(c).is_none());
            if (4..=5).contains(&inner.chars().count())
                && digits >= 2
                && body.chars().count() == 4
                && body.chars().all(|c| c.is_ascii_digit() || ocr(c).is_some())
                && body.chars().any(|c| ocr(c).is_some())
            {
                fixed.push_str(&content[..inner_start]);
                fixed.extend(body.chars().map(|c| ocr(c).unwrap_or(c)));
                rest = &content[inner_start + body.len()..];
                changed = true;
            }
        }
    }
    let controls = |c: &char| c.is_control() && *c != '\t';
    changed |= content.chars().any(|c| controls(&c));
    if !changed {
        return false;
    }
    let fixed: String = fixed.chars().chain(rest.chars()).filter(|c| !controls(c)).collect();
    parse_head(&fixed).is_some()
}

/// A line in Chinese, Japanese or Korean script with a year in it: the author-date head
/// reader does not read these names, so the line's script and year say that it starts an
/// entry (`丸山眞男 (1961)『日本の思想』...`).
fn cjk_entry_start(content: &str) -> bool {
    let b = content.as_bytes();
    content.chars().next().is_some_and(super::learned::is_cjk)
        && (0..b.len().saturating_sub(3)).any(|i| {
            matches!(b[i], b'1' | b'2')
                && b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
}

/// How much of a text the head reader is given when looking for run-together entries: it
/// reads dates in its first 3,000 bytes (a bracketed one at most 40 bytes long), so a longer
/// text reads the same; the bound keeps each look at a candidate constant in the line's length.
const HEAD_WINDOW: usize = 4096;

/// The first [`HEAD_WINDOW`] bytes of `s`, cut on a character boundary.
fn head_window(s: &str) -> &str {
    let mut end = s.len().min(HEAD_WINDOW);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// If the last piece of the current entry holds the start of another reference after a
/// sentence end (`... Diaspora.pdf. Bourne R (1916) ...`), splits it there, as often as it
/// does. One scan of the piece: after a cut the scan goes on from the cut, and the head
/// reader sees at most [`HEAD_WINDOW`] bytes of each text, so a line of `n` run-together
/// references takes time linear in its length.
fn split_run_together(
    input: &str,
    entries: &mut Vec<EntryPieces>,
    current: &mut Option<usize>,
    line_no: u32,
    line_start: usize,
    line: &str,
) {
    let Some(mut i) = *current else { return };
    if !entries[i].has_head {
        return;
    }
    let Some(piece) = entries[i].pieces.last().cloned() else { return };
    let text = &input[piece.clone()];
    // The entry's earlier pieces joined with spaces, and a space before this piece: the
    // start of the text the entry holds before a candidate cut (at most the window).
    let mut prior = String::new();
    for r in &entries[i].pieces[..entries[i].pieces.len() - 1] {
        if prior.len() >= HEAD_WINDOW {
            break;
        }
        prior.push_str(&input[r.clone()]);
        prior.push(' ');
    }
    // `seg`: where the current entry starts in `text` (0, or the last cut).
    let mut seg = 0usize;
    let mut depth = 0i32;
    // Whether the entry's text holds a complete head when it is longer than the window:
    // the window is then the same for every later candidate.
    let mut full_window_head: Option<bool> = None;
    // The character column of a byte of the line, counted on from the last cut.
    let (mut col_byte, mut col) = (0usize, 1u32);
    for (p, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth == 0 && p > seg && text[p + 1..].starts_with(' ') => {
                let next = p + 2;
                let candidate = &text[next..];
                if !candidate.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                // `Journal. 2000. Vol. 23, p. 189`: ISO 690 repeats the year after the journal,
                // which is not the head of another entry.
                let windowed = head_window(candidate);
                let head = parse_head(windowed).filter(|h| {
                    let body = windowed[h.body_start.min(windowed.len())..].trim_start();
                    !["Vol.", "vol.", "No.", "no.", "p.", "pp."].iter().any(|m| body.starts_with(m))
                });
                if head.is_none() {
                    continue;
                }
                // The earlier part must already hold a complete head.
                let prior = if seg == 0 { prior.as_str() } else { "" };
                let before_len = prior.len() + next - seg;
                let complete = if before_len <= HEAD_WINDOW {
                    let mut before = String::with_capacity(before_len);
                    before.push_str(prior);
                    before.push_str(&text[seg..next]);
                    parse_head(&before).is_some_and(|h| h.body_start < before_len)
                } else {
                    *full_window_head.get_or_insert_with(|| {
                        let mut before = String::with_capacity(HEAD_WINDOW + 4);
                        before.push_str(head_window(prior));
                        before.push_str(head_window(&text[seg..]));
                        parse_head(head_window(&before)).is_some()
                    })
                };
                if !complete {
                    continue;
                }
                let last = entries[i].pieces.last_mut().expect("piece exists");
                last.end = piece.start + seg + text[seg..next].trim_end().len();
                entries[i].repairs.push(Flag::new(
                    "split-entry",
                    format!("split from the next entry, printed on the same line (line {line_no})"),
                ));
                let start = piece.start + next;
                let byte = start - line_start;
                col += line[col_byte..byte].chars().count() as u32;
                col_byte = byte;
                let repairs = vec![Flag::new(
                    "split-entry",
                    format!("split from the previous entry, printed on the same line (line {line_no})"),
                )];
                entries.push(EntryPieces {
                    pieces: std::iter::once(start..piece.end).collect(),
                    line: line_no,
                    column: col,
                    repairs,
                    has_head: true,
                });
                i = entries.len() - 1;
                *current = Some(i);
                seg = next;
                depth = 0;
                full_window_head = None;
            }
            _ => {}
        }
    }
}

/// The number of the list marker printed between the start of the line and byte `start`
/// (`12.`, `[12]`), as [`list::marker_number`](super::list::marker_number) reads it from
/// the whole stretch. Reads back only while the characters could be part of a marker, so
/// an entry that starts mid-line (split from the one before it) costs no more than the
/// characters that end that one, not the line before it.
pub(crate) fn marker_before(input: &str, start: usize) -> Option<u32> {
    let before = &input[..start];
    let mut line_start = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            line_start = i + 1;
            break;
        }
        if !(c.is_whitespace() || c.is_ascii_digit() || matches!(c, '[' | '(' | ']' | ')' | '.')) {
            return None;
        }
    }
    super::list::marker_number(&before[line_start..])
}

/// Tiles the input with segments: entry pieces, and the gaps classified.
fn account(input: &str, entries: &[EntryPieces], headings: &[Range<usize>]) -> Vec<Segment> {
    let mut spans: Vec<(Range<usize>, SegmentKind)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        // One segment per entry from its first to its last byte: the raw text.
        if let (Some(first), Some(last)) = (e.pieces.first(), e.pieces.last()) {
            spans.push((first.start..last.end, SegmentKind::Entry(i)));
        }
    }
    for h in headings {
        spans.push((h.clone(), SegmentKind::Heading));
    }
    spans.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::with_capacity(spans.len() * 2 + 1);
    let mut pos = 0;
    for (range, kind) in spans {
        if range.start > pos {
            push_gap(input, pos..range.start, &mut out);
        }
        out.push(Segment { span: range.clone(), kind });
        pos = range.end;
    }
    if pos < input.len() {
        push_gap(input, pos..input.len(), &mut out);
    }
    out
}

fn push_gap(input: &str, range: Range<usize>, out: &mut Vec<Segment>) {
    let text = &input[range.clone()];
    let blank = text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
    let kind = if blank { SegmentKind::Whitespace } else { SegmentKind::Marker };
    out.push(Segment { span: range, kind });
}

pub(crate) struct Joined {
    pub text: String,
    pub repairs: Vec<Flag>,
}

/// Joins an entry's pieces with single spaces, rejoining a word hyphenated across a
/// break (`technolo-` + `gies`).
pub(crate) fn join_pieces(input: &str, pieces: &[Range<usize>]) -> Joined {
    let mut text = String::new();
    let mut repairs = Vec::new();
    for piece in pieces {
        let p = &input[piece.clone()];
        if text.is_empty() {
            text.push_str(p);
            continue;
        }
        let prev_ends_hyphenated =
            text.ends_with('-') && text[..text.len() - 1].chars().next_back().is_some_and(char::is_lowercase);
        if prev_ends_hyphenated && p.chars().next().is_some_and(char::is_lowercase) {
            let word_start = text.rfind(' ').map_or(0, |i| i + 1);
            let first = p.split(' ').next().unwrap_or("");
            repairs.push(Flag::new(
                "dehyphenated",
                format!("rejoined `{}` and `{first}` hyphenated across a break", &text[word_start..]),
            ));
            text.pop();
            text.push_str(p);
        } else {
            text.push(' ');
            text.push_str(p);
        }
    }
    Joined { text, repairs }
}
