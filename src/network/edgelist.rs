//! CSV edge lists: one citation per line, `citing,cited`.
//!
//! Ids are any strings; fields may be quoted (`"a, b"`, with `""` for a quote). The first
//! line is a header when its first two fields are one of the pairs `citing,cited`,
//! `source,target`, `from,to` (any case). A tab separates the fields instead of a comma when
//! the first line has a tab and no comma. Further fields (weights) are ignored. Every id is
//! a record of the set, so every line is a matched cited reference. [`Direction::CitedToCiting`]
//! reads the lines the other way round.

use super::load::{io_error, Direction, FileReport, LoadContext, Reader};
use crate::error::Result;
use std::io::Read;
use std::path::Path;

/// The CSV edge-list reader.
#[derive(Debug, Clone, Copy)]
pub struct EdgeList;

const HEADERS: [(&str, &str); 3] = [("citing", "cited"), ("source", "target"), ("from", "to")];

impl Reader for EdgeList {
    fn name(&self) -> &'static str {
        "edges"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> u8 {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let text = String::from_utf8_lossy(head);
        let mut lines = text.lines().filter(|l| !l.trim().is_empty()).take(5).peekable();
        let Some(first) = lines.peek().copied() else { return 0 };
        let sep = separator(first.as_bytes());
        if let Some(mut fields) = split(first.trim_end_matches('\r'), sep) {
            if fields.len() >= 2 {
                let (a, b) = (fields.swap_remove(0).to_ascii_lowercase(), fields[0].to_ascii_lowercase());
                if HEADERS.iter().any(|&(x, y)| a == x && b == y) {
                    return 95;
                }
            }
        }
        let two = lines.all(|l| split(l.trim_end_matches('\r'), sep).is_some_and(|f| f.len() >= 2));
        match (two, ext.as_str()) {
            (true, "csv" | "tsv" | "txt" | "edges") => 60,
            (true, _) => 30,
            _ => 0,
        }
    }

    fn read(&self, path: &Path, cx: &mut LoadContext, report: &mut FileReport) -> Result<()> {
        let mut file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        // A hint from the size: about 16 bytes a line, ten lines a work.
        let bytes = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
        cx.builder.reserve(bytes / 160, bytes / 20, bytes / 16);
        let reverse = cx.options.direction == Direction::CitedToCiting;
        // Works first seen in this file, to count them once as records.
        let before = cx.builder.len();
        let mut block = Block::default();
        let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + 4096);
        let mut eof = false;
        while !eof {
            // Fill the buffer to BLOCK bytes, then hand on its complete lines.
            while buf.len() < BLOCK {
                let at = buf.len();
                buf.resize(at + (BLOCK - at).max(4096), 0);
                let n = file.read(&mut buf[at..]).map_err(|e| io_error(path, e))?;
                buf.truncate(at + n);
                if n == 0 {
                    eof = true;
                    break;
                }
            }
            let end = if eof { buf.len() } else { buf.iter().rposition(|&b| b == b'\n').map_or(buf.len(), |i| i + 1) };
            block.parse(&buf[..end], report);
            block.intern(&buf[..end], cx, reverse, report);
            cx.progress(&report.file, block.line_no as u64);
            buf.drain(..end);
        }
        for w in before as u32..cx.builder.len() as u32 {
            cx.builder.set_in_set(w, true);
        }
        report.records = cx.builder.len() - before;
        report.matched = report.cited_references;
        Ok(())
    }
}

/// Bytes read and parsed at a time.
const BLOCK: usize = 1 << 20;

/// Where an id is: in the block's bytes, or (quoted, unquoted into) `owned`.
#[derive(Clone, Copy)]
enum Span {
    Bytes(u32, u32),
    Owned(u32, u32),
}

/// The lines of one block, parsed: first the ids of every line are found (no lookups), then
/// they are interned in one tight loop, so that the lookups, each a likely cache miss in a
/// large network, follow each other closely enough for the processor to overlap them.
#[derive(Default)]
struct Block {
    /// `(citing, cited)` of each line kept.
    pairs: Vec<(Span, Span)>,
    /// Text of quoted ids, unquoted.
    owned: String,
    line_no: u32,
    sep: u8,
}

impl Block {
    /// Finds the two ids of each line of `bytes` (whole lines), skipping (with a
    /// diagnostic) the lines that have no two ids or are not UTF-8.
    fn parse(&mut self, bytes: &[u8], report: &mut FileReport) {
        self.pairs.clear();
        self.owned.clear();
        let mut start = 0usize;
        while start < bytes.len() {
            let stop = bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i);
            let (mut a, mut b) = (start, stop);
            start = stop + 1;
            self.line_no += 1;
            while b > a && matches!(bytes[b - 1], b'\n' | b'\r') {
                b -= 1;
            }
            if self.line_no == 1 {
                if bytes[a..b].starts_with(b"\xef\xbb\xbf") {
                    a += 3;
                }
                self.sep = separator(&bytes[a..b]);
            }
            let raw = &bytes[a..b];
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let Ok(line) = std::str::from_utf8(raw) else {
                report.skip(self.line_no, "edges-encoding", "not UTF-8", Some(&String::from_utf8_lossy(raw)));
                continue;
            };
            let pair = if !line.contains('"') {
                let mut it = line.split(self.sep as char);
                let citing = it.next().unwrap_or("").trim();
                let cited = it.next().unwrap_or("").trim();
                let span = |s: &str| {
                    let from = a + (s.as_ptr() as usize - line.as_ptr() as usize);
                    Span::Bytes(from as u32, (from + s.len()) as u32)
                };
                (citing, cited, span(citing), span(cited))
            } else {
                let Some(fields) = split(line, self.sep) else {
                    report.skip(self.line_no, "edges-quote", "a quoted field without its closing quote", Some(line));
                    continue;
                };
                let mut keep = |f: Option<&String>| {
                    let f = f.map(String::as_str).unwrap_or("");
                    let from = self.owned.len();
                    self.owned.push_str(f);
                    Span::Owned(from as u32, self.owned.len() as u32)
                };
                let (c, d) = (keep(fields.first()), keep(fields.get(1)));
                let (x, y) = (fields.first().map_or("", String::as_str), fields.get(1).map_or("", String::as_str));
                if self.line_no == 1 && is_header(x, y) {
                    continue;
                }
                if x.is_empty() || y.is_empty() {
                    report.skip(self.line_no, "edges-missing-id", "a line without two ids", Some(line));
                    continue;
                }
                self.pairs.push((c, d));
                continue;
            };
            let (citing, cited, c, d) = pair;
            if self.line_no == 1 && is_header(citing, cited) {
                continue;
            }
            if citing.is_empty() || cited.is_empty() {
                report.skip(self.line_no, "edges-missing-id", "a line without two ids", Some(line));
                continue;
            }
            self.pairs.push((c, d));
        }
    }

    /// Interns the ids found by [`Block::parse`], in the order the lines give them, and adds
    /// the citations.
    fn intern(&self, bytes: &[u8], cx: &mut LoadContext, reverse: bool, report: &mut FileReport) {
        // A block is nearly always all UTF-8: then ids are cut from it without checking them again.
        let whole = std::str::from_utf8(bytes).ok();
        let text = |span: Span| -> &str {
            match (span, whole) {
                (Span::Bytes(a, b), Some(t)) => &t[a as usize..b as usize],
                // Checked to be UTF-8 and cut at ASCII separators by `parse`.
                (Span::Bytes(a, b), None) => std::str::from_utf8(&bytes[a as usize..b as usize]).unwrap_or(""),
                (Span::Owned(a, b), _) => &self.owned[a as usize..b as usize],
            }
        };
        // The ids in the order of the lines, a citing work once per group of its lines (edge
        // lists come grouped by citing work), and where each line's two are in that order.
        let mut seq: Vec<&str> = Vec::with_capacity(self.pairs.len() + self.pairs.len() / 4);
        let mut at: Vec<(u32, u32)> = Vec::with_capacity(self.pairs.len());
        for &(c, d) in &self.pairs {
            let citing = text(c);
            let ci = match at.last() {
                Some(&(ci, _)) if seq[ci as usize] == citing => ci,
                _ => {
                    seq.push(citing);
                    seq.len() as u32 - 1
                }
            };
            seq.push(text(d));
            at.push((ci, seq.len() as u32 - 1));
        }
        let mut works = Vec::with_capacity(seq.len());
        cx.builder.works(&seq, &mut works);
        for &(ci, di) in &at {
            let (u, v) = (works[ci as usize], works[di as usize]);
            if reverse {
                cx.builder.cite(v, u);
            } else {
                cx.builder.cite(u, v);
            }
        }
        report.cited_references += self.pairs.len();
    }
}

fn is_header(citing: &str, cited: &str) -> bool {
    let (a, b) = (citing.to_ascii_lowercase(), cited.to_ascii_lowercase());
    HEADERS.iter().any(|&(x, y)| a == x && b == y)
}

fn separator(first: &[u8]) -> u8 {
    if first.contains(&b'\t') && !first.contains(&b',') {
        b'\t'
    } else {
        b','
    }
}

/// Splits a CSV line; `None` if a quote is left open.
fn split(line: &str, sep: u8) -> Option<Vec<String>> {
    let sep = sep as char;
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.trim().is_empty() {
            field.clear();
            quoted = true;
            was_quoted = true;
        } else if was_quoted && c.is_whitespace() {
            // Space after a closing quote.
        } else if c == sep {
            fields.push(finish(&mut field, was_quoted));
            was_quoted = false;
        } else {
            field.push(c);
        }
    }
    if quoted {
        return None;
    }
    fields.push(finish(&mut field, was_quoted));
    Some(fields)
}

fn finish(field: &mut String, quoted: bool) -> String {
    let f = std::mem::take(field);
    if quoted {
        f
    } else {
        f.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_reads_quotes_and_doubled_quotes() {
        assert_eq!(split(r#""a, b",c"#, b',').unwrap(), ["a, b", "c"]);
        assert_eq!(split(r#""say ""x""" , y"#, b',').unwrap(), [r#"say "x" "#.trim_end(), "y"]);
        assert_eq!(split("p\tq", b'\t').unwrap(), ["p", "q"]);
        assert!(split(r#""open,x"#, b',').is_none());
    }
}
