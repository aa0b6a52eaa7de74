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
use std::io::BufRead;
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
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        // A hint from the size: about 16 bytes a line, ten lines a work.
        let bytes = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
        cx.builder.reserve(bytes / 160, bytes / 20, bytes / 16);
        let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
        let reverse = cx.options.direction == Direction::CitedToCiting;
        let mut raw = Vec::new();
        let mut line_no = 0u32;
        let mut sep = b',';
        // Works first seen in this file, to count them once as records.
        let before = cx.builder.len();
        let mut last_citing = String::new();
        let mut last_u = 0u32;
        loop {
            raw.clear();
            let n = reader.read_until(b'\n', &mut raw).map_err(|e| io_error(path, e))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if line_no & 0xffff == 0 {
                cx.progress(&report.file, line_no as u64);
            }
            while matches!(raw.last(), Some(b'\n' | b'\r')) {
                raw.pop();
            }
            if line_no == 1 {
                if raw.starts_with(b"\xef\xbb\xbf") {
                    raw.drain(..3);
                }
                sep = separator(&raw);
            }
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let Ok(line) = std::str::from_utf8(&raw) else {
                report.skip(line_no, "edges-encoding", "not UTF-8", Some(&String::from_utf8_lossy(&raw)));
                continue;
            };
            // Fast path: no quotes.
            let (citing, cited);
            let owned;
            if !line.contains('"') {
                let mut it = line.split(sep as char);
                citing = it.next().unwrap_or("").trim();
                cited = it.next().unwrap_or("").trim();
            } else {
                match split(line, sep) {
                    Some(fields) => owned = fields,
                    None => {
                        report.skip(line_no, "edges-quote", "a quoted field without its closing quote", Some(line));
                        continue;
                    }
                }
                citing = owned.first().map(String::as_str).unwrap_or("");
                cited = owned.get(1).map(String::as_str).unwrap_or("");
            }
            if line_no == 1 {
                let (a, b) = (citing.to_ascii_lowercase(), cited.to_ascii_lowercase());
                if HEADERS.iter().any(|&(x, y)| a == x && b == y) {
                    continue;
                }
            }
            if citing.is_empty() || cited.is_empty() {
                report.skip(line_no, "edges-missing-id", "a line without two ids", Some(line));
                continue;
            }
            // Edge lists come grouped by citing work: one lookup per group.
            let u = if citing == last_citing {
                last_u
            } else {
                last_citing.clear();
                last_citing.push_str(citing);
                last_u = cx.builder.work(citing);
                last_u
            };
            let v = cx.builder.work(cited);
            if reverse {
                cx.builder.cite(v, u);
            } else {
                cx.builder.cite(u, v);
            }
            report.cited_references += 1;
        }
        for w in before as u32..cx.builder.len() as u32 {
            cx.builder.set_in_set(w, true);
        }
        report.records = cx.builder.len() - before;
        report.matched = report.cited_references;
        Ok(())
    }
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
