//! The one module that touches `serde_yaml` (deprecated upstream): reading and writing
//! YAML, and turning its errors into ours. Swapping the YAML library changes this file
//! only.
//!
//! It also has a small [`Locator`] that finds the line and column of a field inside a
//! block-style YAML document, so that checks made after deserialising (an unknown key,
//! a duplicate) can still point at the offending value.

use crate::error::{Error, ErrorKind, Location, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Deserialises `text`, read from `file`. A syntax or shape error names the file, line,
/// column and, where serde gives one, the offending value.
///
/// The text is first checked against the limits of [`crate::yaml_scan`] (control
/// characters, nesting depth, alias expansion), each a located error.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    crate::yaml_scan::check(text, file)?;
    serde_yaml::from_str(text).map_err(|e| {
        let mut message = e.to_string();
        let location = e.location().map(|l| {
            let suffix = format!(" at line {} column {}", l.line(), l.column());
            if let Some(stripped) = message.strip_suffix(&suffix) {
                message = stripped.to_string();
            }
            refine(text, file, l.line() as u32, l.column() as u32, &message)
        });
        // An error serde_yaml does not place (a second document) is placed at the second
        // document's marker, or else at the start.
        let location = location.or_else(|| {
            let second = text
                .lines()
                .enumerate()
                .skip_while(|(_, l)| !l.starts_with("---"))
                .skip(1)
                .find(|(_, l)| l.starts_with("---") || l.starts_with("..."));
            let first_doc_marker = text.lines().position(|l| l.starts_with("---") || l.starts_with("..."));
            let line = second.map(|(i, _)| i).or(first_doc_marker).map_or(1, |i| i + 1);
            Some(Location::new(file, line as u32, 1))
        });
        Error::new(ErrorKind::Syntax, message).at(location).with_source(e)
    })
}

/// [`from_str`] without the limits' check, for a part of a text already checked whole.
/// The error is serde_yaml's, not placed in the whole text: callers that get one read the
/// whole text with [`from_str`] for its diagnostics.
pub(crate) fn from_str_prechecked<T: DeserializeOwned>(text: &str) -> std::result::Result<T, ()> {
    serde_yaml::from_str(text).map_err(|_| ())
}

/// A section of a YAML document whose top level is a plain block mapping: its key, and
/// the byte range from its key's line to the next top-level line (or the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TopSection<'a> {
    pub key: &'a str,
    pub span: std::ops::Range<usize>,
    /// Whether the key's line is just `key:` (the value a block below it).
    pub block: bool,
}

/// The top-level sections of `text`, if its top level is plain `key:` lines only (after
/// an optional `---` line), each key once; `None` for anything else (flow style, quoted
/// keys, directives, several documents, a key given twice), which is left to the YAML
/// library whole. A line starting `- ` at column 0 belongs to the section above it (a
/// sequence written without indentation).
pub(crate) fn top_level_sections(text: &str) -> Option<Vec<TopSection<'_>>> {
    let mut sections: Vec<TopSection<'_>> = Vec::new();
    let mut byte = 0;
    let mut first = true;
    for raw in text.split_inclusive('\n') {
        let here = byte;
        byte += raw.len();
        let b = raw.as_bytes()[0];
        if matches!(b, b' ' | b'\n' | b'\r' | b'#') {
            continue;
        }
        let line = raw.trim_end();
        if line == "---" && first {
            first = false;
            continue;
        }
        first = false;
        if (line == "-" || raw.starts_with("- ")) && !sections.is_empty() {
            continue;
        }
        let key_end = line.find(':')?;
        let key = &line[..key_end];
        let plain_key = key.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
            && key.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
        if !plain_key || !matches!(line.as_bytes().get(key_end + 1), None | Some(b' ')) {
            return None;
        }
        if sections.iter().any(|s| s.key == key) {
            return None;
        }
        if let Some(last) = sections.last_mut() {
            last.span.end = here;
        }
        sections.push(TopSection { key, span: here..text.len(), block: key_end + 1 == line.len() });
    }
    Some(sections)
}

/// The items of a block sequence written under a section's `key:` line (`span` as
/// [`top_level_sections`] gives it): the byte range of each, from its `- ` line to the
/// next item's. `None` if the lines under the key are not all items of one block sequence
/// (a line at the items' indentation that is not an item, or one indented less).
pub(crate) fn block_items(text: &str, span: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let body = text[span.clone()].find('\n').map_or(span.end, |i| span.start + i + 1);
    let mut items = Vec::new();
    let mut indent: Option<usize> = None;
    let mut start: Option<usize> = None;
    let mut byte = body;
    for raw in text[body..span.end].split_inclusive('\n') {
        let here = byte;
        byte += raw.len();
        let t = raw.trim_start_matches(' ');
        if t.trim().is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = raw.len() - t.len();
        let dash = t.starts_with("- ") || t.trim_end() == "-";
        let at = *indent.get_or_insert(ind);
        if ind < at || (ind == at && !dash) {
            return None;
        }
        if ind == at {
            if let Some(s) = start {
                items.push(s..here);
            }
            start = Some(here);
        }
    }
    items.extend(start.map(|s| s..span.end));
    Some(items)
}

/// Serialises `value` as YAML.
pub(crate) fn to_string<T: Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value)
        .map_err(|e| Error::new(ErrorKind::Output, format!("cannot write yaml: {e}")).with_source(e))
}

/// serde_yaml locates some errors at the start of the enclosing mapping; when the
/// message quotes the offending value in backticks, point at the value itself.
fn refine(text: &str, file: &str, line: u32, column: u32, message: &str) -> Location {
    let value = message.split('`').nth(1).filter(|v| !v.is_empty());
    if let Some(value) = value {
        for (i, l) in text.lines().enumerate().skip(line.saturating_sub(1) as usize).take(40) {
            if let Some(byte) = l.find(value) {
                // Only a value position: after `key: ` or `- `.
                let before = l[..byte].trim_end();
                if before.ends_with(':')
                    || before.ends_with('-')
                    || before.ends_with('[')
                    || before.ends_with(',')
                    || before.ends_with('\'')
                    || before.ends_with('"')
                {
                    return Location::new(file, i as u32 + 1, l[..byte].chars().count() as u32 + 1);
                }
            }
        }
    }
    Location::new(file, line, column)
}

/// A step of a path into a YAML document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    /// A mapping key.
    Key(&'a str),
    /// An item of a block sequence.
    Index(usize),
}

struct Line<'a> {
    indent: usize,
    /// Indentation of the content after a `- ` marker (same as indent without one).
    content_indent: usize,
    dash: bool,
    key: Option<&'a str>,
    /// Byte column where the value after `key:` starts (or the content starts).
    value_col: usize,
    text: &'a str,
}

/// Reads one line (without its end): `None` for a blank or comment line.
fn parse_line(l: &str) -> Option<Line<'_>> {
    let trimmed = l.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let indent = l.len() - trimmed.len();
    let (dash, content) = match trimmed.strip_prefix("- ") {
        Some(rest) => (true, rest.trim_start()),
        None => (trimmed == "-", if trimmed == "-" { "" } else { trimmed }),
    };
    let content_indent = l.len() - content.len();
    let key_end = content.find(':').filter(|&i| {
        content[..i].chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && matches!(content.as_bytes().get(i + 1), None | Some(b' '))
    });
    let (key, value_col) = match key_end {
        Some(i) => {
            let after = &content[i + 1..];
            let skip = after.len() - after.trim_start().len();
            (Some(&content[..i]), content_indent + i + 1 + skip)
        }
        None => (None, content_indent),
    };
    Some(Line { indent, content_indent, dash, key, value_col, text: l })
}

/// The lines of `text` from byte `from` to byte `to`, as `str::lines` splits them.
fn lines_between(text: &str, from: usize, to: usize) -> impl Iterator<Item = &str> {
    text[from..to].split_inclusive('\n').map(|l| {
        let l = l.strip_suffix('\n').unwrap_or(l);
        l.strip_suffix('\r').unwrap_or(l)
    })
}

/// A place in the text: byte offset of a line's start and its 0-based number.
#[derive(Debug, Clone, Copy)]
struct LineStart {
    byte: usize,
    line: u32,
}

/// One top-level key holding a block sequence: where each item starts, and where the
/// section ends.
struct Section {
    items: Vec<LineStart>,
    end: LineStart,
}

/// Finds where a path (`edges[3].to`) is in a block-style YAML text.
///
/// Built in one pass over the text that keeps only the start of each item of each
/// top-level block sequence (two numbers an item), never a table of every line: locating
/// item `n` of a section, or a field inside it, reads that item's lines only. Any other
/// path reads the text from its start.
pub(crate) struct Locator<'a> {
    text: &'a str,
    file: std::sync::Arc<str>,
    sections: std::collections::HashMap<&'a str, Section>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str, file: &str) -> Self {
        let mut sections = std::collections::HashMap::new();
        // The open section: its key, the items at the smallest dash indent so far.
        let mut open: Option<(&'a str, Vec<LineStart>, usize)> = None;
        let mut byte = 0;
        let mut line = 0u32;
        for raw in text.split_inclusive('\n') {
            let l = raw.strip_suffix('\n').unwrap_or(raw);
            let l = l.strip_suffix('\r').unwrap_or(l);
            let here = LineStart { byte, line };
            byte += raw.len();
            line += 1;
            let trimmed = l.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = l.len() - trimmed.len();
            let dash = trimmed == "-" || trimmed.starts_with("- ");
            if indent == 0 && !dash {
                let Some(parsed) = parse_line(l) else { continue };
                let Some(key) = parsed.key else { continue };
                if let Some((k, items, _)) = open.take() {
                    if !items.is_empty() {
                        sections.insert(k, Section { items, end: here });
                    }
                }
                open = Some((key, Vec::new(), usize::MAX));
                continue;
            }
            if let (true, Some((_, items, min))) = (dash, open.as_mut()) {
                if indent < *min {
                    items.clear();
                    *min = indent;
                }
                if indent == *min {
                    items.push(here);
                }
            }
        }
        if let Some((k, items, _)) = open.take() {
            if !items.is_empty() {
                sections.insert(k, Section { items, end: LineStart { byte: text.len(), line } });
            }
        }
        Locator { text, file: file.into(), sections }
    }

    /// The location of the value at `path`, or of the nearest enclosing node found.
    pub(crate) fn locate(&self, path: &[Step<'_>]) -> Location {
        let (mut from, mut to, mut first_line) = (0usize, self.text.len(), 0u32);
        let mut found = (0usize, 0usize);
        let mut path = path;
        let mut jumped = false;
        // Jump straight to item `n` of a top-level section.
        if let [Step::Key(k), Step::Index(n), rest @ ..] = path {
            if let Some(section) = self.sections.get(k) {
                if let Some(&item) = section.items.get(*n) {
                    let end = section.items.get(n + 1).copied().unwrap_or(section.end);
                    // The item itself, or a key on its dash line: read that line only.
                    let head = lines_between(self.text, item.byte, end.byte).next().and_then(parse_line);
                    if let Some(head) = head {
                        let byte = match rest {
                            [] => Some(head.indent),
                            [Step::Key(k)] if head.key == Some(k) => Some(head.value_col),
                            _ => None,
                        };
                        if let Some(byte) = byte {
                            let col = head.text[..byte.min(head.text.len())].chars().count();
                            return Location::new(self.file.clone(), item.line + 1, col as u32 + 1);
                        }
                    }
                    from = item.byte;
                    to = end.byte;
                    first_line = item.line;
                    path = rest;
                    jumped = true;
                }
            }
        }
        let lines: Vec<Option<Line<'_>>> = lines_between(self.text, from, to).map(parse_line).collect();
        if jumped {
            found = (0, lines.first().and_then(|l| l.as_ref()).map_or(0, |l| l.indent));
        }
        let (mut start, mut end) = (0usize, lines.len());
        for step in path {
            match *step {
                Step::Key(k) => {
                    let min = (start..end).filter_map(|i| lines[i].as_ref().map(|l| l.content_indent)).min();
                    let Some(min) = min else { break };
                    let hit = (start..end)
                        .find(|&i| lines[i].as_ref().is_some_and(|l| l.content_indent == min && l.key == Some(k)));
                    let Some(i) = hit else { break };
                    found = (i, lines[i].as_ref().map_or(0, |l| l.value_col));
                    let next = (i + 1..end).find(|&j| {
                        lines[j]
                            .as_ref()
                            .is_some_and(|l| l.content_indent <= min && (l.key.is_some() || l.dash) && l.indent <= min)
                    });
                    start = i + 1;
                    end = next.unwrap_or(end);
                    // An item's first key sits on the dash line: the block starts there.
                    if lines[i].as_ref().is_some_and(|l| l.dash) {
                        start = i;
                    }
                }
                Step::Index(n) => {
                    let dashes: Vec<usize> =
                        (start..end).filter(|&i| lines[i].as_ref().is_some_and(|l| l.dash)).collect();
                    let Some(min) = dashes.iter().filter_map(|&i| lines[i].as_ref().map(|l| l.indent)).min() else {
                        break;
                    };
                    let items: Vec<usize> =
                        dashes.into_iter().filter(|&i| lines[i].as_ref().is_some_and(|l| l.indent == min)).collect();
                    let Some(&i) = items.get(n) else { break };
                    found = (i, lines[i].as_ref().map_or(0, |l| l.indent));
                    start = i;
                    end = items.get(n + 1).copied().unwrap_or(end);
                }
            }
        }
        let (line, byte) = found;
        let col =
            lines.get(line).and_then(|l| l.as_ref()).map_or(0, |l| l.text[..byte.min(l.text.len())].chars().count());
        Location::new(self.file.clone(), first_line + line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "edges:\n  - from: a\n    to: b\n  - from: c\n    to: jessup1965\n    provenance:\n      locator: x\nconcepts:\n  - id: t\n    senses:\n      - work: w1\n      - work: w2\n";

    #[test]
    fn locates_values_by_path() {
        let loc = Locator::new(DOC, "f.yaml");
        let at = |p: &[Step<'_>]| {
            let l = loc.locate(p);
            (l.line, l.column)
        };
        assert_eq!(at(&[Step::Key("edges"), Step::Index(1), Step::Key("to")]), (5, 9));
        assert_eq!(at(&[Step::Key("edges"), Step::Index(0), Step::Key("from")]), (2, 11));
        assert_eq!(at(&[Step::Key("edges"), Step::Index(1), Step::Key("provenance"), Step::Key("locator")]), (7, 16));
        assert_eq!(
            at(&[Step::Key("concepts"), Step::Index(0), Step::Key("senses"), Step::Index(1), Step::Key("work")]),
            (12, 15)
        );
    }

    #[test]
    fn syntax_errors_point_at_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct E {
            year: crate::model::Year,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct F {
            edges: Vec<E>,
        }
        let err = from_str::<F>("edges:\n  - year: 1999\n  - year: 19x6\n", "f.yaml").unwrap_err();
        assert_eq!(err.to_string(), "f.yaml:3:11: edges[1]: malformed year `19x6`");
    }
}
