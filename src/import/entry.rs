//! Reading the body of one block into its key and fields, by byte offsets.
//!
//! The reader is iterative and keeps only a brace count. It reports what is wrong where it
//! is: a missing comma between two fields (a value followed by `name =`), a stray closing
//! brace, a `{` or `"` that is never closed. A problem is fatal when the fields cannot be
//! trusted any more (the block is then skipped); otherwise the fields are read as meant.

use super::split::Block;
use std::ops::Range;

/// One part of a field value: `{...}`, `"..."`, a number or a macro name. Ranges are the
/// text inside the delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// `{text}`.
    Braced(Range<usize>),
    /// `"text"`.
    Quoted(Range<usize>),
    /// `1984`.
    Number(Range<usize>),
    /// `jan`, `j-TUGboat`.
    Macro(Range<usize>),
}

/// A field: `name = part # part ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawField {
    /// The name as written.
    pub(crate) name: Range<usize>,
    /// Indices into [`RawBody::parts`].
    pub(crate) parts: Range<usize>,
}

/// What went wrong, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The diagnostic code.
    pub(crate) code: &'static str,
    /// What is wrong.
    pub(crate) message: String,
    /// The byte offset it is at.
    pub(crate) at: usize,
    /// Whether the block cannot be read.
    pub(crate) fatal: bool,
}

/// A block body read into its key (for entries), fields and value parts.
#[derive(Debug, Default)]
pub(crate) struct RawBody {
    /// The key, for entries.
    pub(crate) key: Option<Range<usize>>,
    /// The fields, in order (for `@preamble`, one field with an empty name).
    pub(crate) fields: Vec<RawField>,
    /// The parts of every field's value.
    pub(crate) parts: Vec<Part>,
    /// What went wrong.
    pub(crate) problems: Vec<Problem>,
}

impl RawBody {
    /// Whether a problem makes the block unreadable.
    pub(crate) fn is_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.fatal)
    }
}

/// What the body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// `key, name = value, ...`.
    Entry,
    /// `name = value, ...` (`@string`).
    Definitions,
    /// One value (`@preamble`).
    Value,
}

/// Bytes that may appear in a field name, macro name or entry type.
pub(crate) fn is_name_byte(b: u8) -> bool {
    !b.is_ascii_whitespace()
        && !b.is_ascii_control()
        && !matches!(b, b'{' | b'}' | b'(' | b')' | b',' | b'=' | b'"' | b'#' | b'%' | b'\'' | b'\\' | b'~' | b'@')
}

/// What a value or separator belongs to, for messages (made only when there is a problem).
#[derive(Clone, Copy)]
enum What<'a> {
    Field(&'a [u8]),
    Key,
    LastField,
    Preamble,
}

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Field(name) => write!(f, "field `{}`", String::from_utf8_lossy(name)),
            What::Key => f.write_str("the key"),
            What::LastField => f.write_str("the last field"),
            What::Preamble => f.write_str("the preamble"),
        }
    }
}

struct Reader<'a> {
    src: &'a [u8],
    pos: usize,
    end: usize,
    paren: bool,
    out: RawBody,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.src[self.pos])
    }

    /// Skips whitespace and `%` comments (to the end of the line).
    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn name(&mut self) -> Range<usize> {
        let start = self.pos;
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        start..self.pos
    }

    fn problem(&mut self, code: &'static str, message: String, at: usize, fatal: bool) {
        self.out.problems.push(Problem { code, message, at, fatal });
    }

    /// Whether `name =` follows (after optional space), without moving.
    fn field_follows(&self) -> bool {
        let mut i = self.pos;
        let start = i;
        while i < self.end && is_name_byte(self.src[i]) {
            i += 1;
        }
        if i == start {
            return false;
        }
        while i < self.end && self.src[i].is_ascii_whitespace() {
            i += 1;
        }
        i < self.end && self.src[i] == b'='
    }

    /// A value: parts joined by `#`. `field` names the field for messages.
    fn value(&mut self, field: What<'_>) -> Option<()> {
        loop {
            self.skip_space();
            let start = self.pos;
            let part = match self.peek() {
                Some(b'{') => {
                    let mut depth = 0usize;
                    loop {
                        match self.peek() {
                            None => {
                                let message = format!("{field}: the `{{` here is never closed");
                                self.problem("unbalanced-brace", message, start, true);
                                return None;
                            }
                            Some(b'{') => depth += 1,
                            Some(b'}') => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                    Part::Braced(start + 1..self.pos - 1)
                }
                Some(b'"') => {
                    self.pos += 1;
                    let mut depth = 0usize;
                    loop {
                        match self.peek() {
                            None => {
                                let message = format!("{field}: the `\"` here is never closed");
                                self.problem("unbalanced-quote", message, start, true);
                                return None;
                            }
                            Some(b'{') => depth += 1,
                            Some(b'}') if depth > 0 => depth -= 1,
                            Some(b'}') => {
                                let message =
                                    format!("{field}: a closing brace with no opening brace in a quoted value");
                                self.problem("unbalanced-brace", message, self.pos, true);
                                return None;
                            }
                            Some(b'"') if depth == 0 => break,
                            _ => {}
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                    Part::Quoted(start + 1..self.pos - 1)
                }
                Some(b) if b.is_ascii_digit() => {
                    while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    Part::Number(start..self.pos)
                }
                Some(b) if is_name_byte(b) => Part::Macro(self.name()),
                _ => {
                    let message = format!("{field}: expected a value (`{{...}}`, `\"...\"`, a number or a macro name)");
                    self.problem("syntax", message, start, true);
                    return None;
                }
            };
            self.out.parts.push(part);
            let after = self.pos;
            self.skip_space();
            if self.peek() == Some(b'#') {
                self.pos += 1;
            } else {
                // Leave the space for the caller: a missing comma is reported right after the value.
                self.pos = after;
                return Some(());
            }
        }
    }

    /// After a value (or the key): a comma, the end, a stray brace, or a missing comma
    /// before the next field. `Some(true)` if another field may follow.
    fn separator(&mut self, before: What<'_>, stray: Option<usize>) -> Option<bool> {
        let after_value = self.pos;
        loop {
            self.skip_space();
            match self.peek() {
                None => return Some(false),
                Some(b',') => {
                    self.pos += 1;
                    return Some(true);
                }
                Some(b'}') => {
                    let message = "a closing brace with no opening brace: the entry goes on after it".to_string();
                    self.problem("stray-brace", message, self.pos, false);
                    self.pos += 1;
                }
                Some(b')') if self.paren => {
                    self.problem("stray-brace", "a stray closing parenthesis".into(), self.pos, false);
                    self.pos += 1;
                }
                Some(_) if self.field_follows() => {
                    let message = format!("missing comma after {before}");
                    self.problem("missing-comma", message, after_value, false);
                    return Some(true);
                }
                Some(_) => {
                    let (code, at, message) = match stray {
                        Some(s) => (
                            "stray-brace",
                            s,
                            "a closing brace with no opening brace ends the entry early; the text after it cannot be read"
                                .to_string(),
                        ),
                        None => ("syntax", self.pos, format!("expected a comma or the end of the entry after {before}")),
                    };
                    self.problem(code, message, at, true);
                    return None;
                }
            }
        }
    }

    fn fields(&mut self, stray: Option<usize>) {
        loop {
            self.skip_space();
            match self.peek() {
                None => return,
                Some(b',') => {
                    // An empty field between two commas: harmless.
                    self.pos += 1;
                    continue;
                }
                Some(b'}') | Some(b')') => {
                    if self.separator(What::LastField, stray).is_none() {
                        return;
                    }
                    continue;
                }
                _ => {}
            }
            let name = self.name();
            if name.is_empty() {
                let message = "expected a field name".to_string();
                let (code, at) = match stray {
                    Some(s) => ("stray-brace", s),
                    None => ("syntax", self.pos),
                };
                self.problem(code, message, at, true);
                return;
            }
            let field = &self.src[name.clone()];
            self.skip_space();
            if self.peek() != Some(b'=') {
                let message = format!("expected `=` after the field name `{}`", String::from_utf8_lossy(field));
                let (code, at) = match stray {
                    Some(s) => ("stray-brace", s),
                    None => ("syntax", self.pos),
                };
                self.problem(code, message, at, true);
                return;
            }
            self.pos += 1;
            let first = self.out.parts.len();
            if self.value(What::Field(field)).is_none() {
                return;
            }
            self.out.fields.push(RawField { name, parts: first..self.out.parts.len() });
            match self.separator(What::Field(field), stray) {
                Some(true) => {}
                _ => return,
            }
        }
    }
}

/// In a braced value of an entry that never closed: the brace still open where a line
/// starts with `name =`, i.e. where the value ran on into the next field.
fn runaway_brace(src: &[u8], inner: Range<usize>) -> Option<usize> {
    let mut open = vec![inner.start - 1];
    let mut i = inner.start;
    while i < inner.end {
        match src[i] {
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            b'\n' => {
                let mut j = i + 1;
                while j < inner.end && matches!(src[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                let name = j;
                while j < inner.end && is_name_byte(src[j]) {
                    j += 1;
                }
                let named = j > name;
                while j < inner.end && matches!(src[j], b' ' | b'\t') {
                    j += 1;
                }
                if named && j < inner.end && src[j] == b'=' {
                    return open.last().copied();
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads the body of `block` in `src`.
pub(crate) fn read(src: &[u8], block: &Block, kind: BodyKind) -> RawBody {
    let body = block.body();
    let mut r = Reader { src, pos: body.start, end: body.end, paren: block.paren, out: RawBody::default() };
    match kind {
        BodyKind::Entry => {
            r.skip_space();
            let start = r.pos;
            while r
                .peek()
                .is_some_and(|b| !b.is_ascii_whitespace() && b != b',' && b != b'}' && !(r.paren && b == b')'))
            {
                r.pos += 1;
            }
            if r.pos == start {
                r.problem("missing-key", "the entry has no key".into(), start, true);
                return r.out;
            }
            r.out.key = Some(start..r.pos);
            if r.separator(What::Key, block.stray) == Some(true) {
                r.fields(block.stray);
            }
            if block.close.is_none() && !r.out.is_fatal() {
                // An entry that never closed, read without a fault: if a value runs on
                // into the fields after it, its brace is the one never closed.
                let runaway = r.out.fields.iter().find_map(|f| {
                    r.out.parts[f.parts.clone()].iter().find_map(|p| match p {
                        Part::Braced(inner) => runaway_brace(src, inner.clone()).map(|at| (f.name.clone(), at)),
                        _ => None,
                    })
                });
                if let Some((name, at)) = runaway {
                    let field = String::from_utf8_lossy(&src[name]);
                    let message = format!(
                        "field `{field}`: the `{{` here is never closed (the value runs on into the fields after it)"
                    );
                    r.problem("unbalanced-brace", message, at, true);
                }
            }
        }
        BodyKind::Definitions => r.fields(block.stray),
        BodyKind::Value => {
            let first = r.out.parts.len();
            if r.value(What::Preamble).is_some() {
                r.out.fields.push(RawField { name: body.start..body.start, parts: first..r.out.parts.len() });
                r.skip_space();
                if r.peek().is_some() {
                    r.problem("syntax", "expected the end of the preamble".into(), r.pos, true);
                }
            }
        }
    }
    r.out
}

#[cfg(test)]
mod tests {
    use super::super::split::split;
    use super::*;

    type Read = (Option<String>, Vec<(String, Vec<String>)>, Vec<(&'static str, usize, bool)>);

    fn read_one(src: &str) -> Read {
        let blocks = split(src.as_bytes()).0;
        let body = read(src.as_bytes(), &blocks[0], BodyKind::Entry);
        let fields = body
            .fields
            .iter()
            .map(|f| {
                let parts = body.parts[f.parts.clone()]
                    .iter()
                    .map(|p| match p {
                        Part::Braced(r) => format!("{{{}}}", &src[r.clone()]),
                        Part::Quoted(r) => format!("\"{}\"", &src[r.clone()]),
                        Part::Number(r) | Part::Macro(r) => src[r.clone()].to_string(),
                    })
                    .collect();
                (src[f.name.clone()].to_string(), parts)
            })
            .collect();
        let problems = body.problems.iter().map(|p| (p.code, p.at, p.fatal)).collect();
        (body.key.map(|k| src[k].to_string()), fields, problems)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let (key, fields, problems) =
            read_one("@article{k:1, title = {A {B}}, year = 1999, % c\n journal = j-x # \" 2\",}");
        assert_eq!(key.as_deref(), Some("k:1"));
        assert_eq!(
            fields,
            [
                ("title".to_string(), vec!["{A {B}}".to_string()]),
                ("year".to_string(), vec!["1999".to_string()]),
                ("journal".to_string(), vec!["j-x".to_string(), "\" 2\"".to_string()]),
            ]
        );
        assert!(problems.is_empty());
    }

    #[test]
    fn a_missing_comma_is_reported_where_the_comma_belongs() {
        let src = "@article{k, title = {A}\n  year = 1999}";
        let (_, fields, problems) = read_one(src);
        assert_eq!(fields.len(), 2);
        assert_eq!(problems, [("missing-comma", src.find("}\n").unwrap() + 1, false)]);
    }

    #[test]
    fn an_unclosed_value_is_fatal_at_its_brace() {
        let src = "@article{k, title = {A {B}, year = 1999\n@book{j, title = x}";
        let (_, _, problems) = read_one(src);
        assert_eq!(problems, [("unbalanced-brace", src.find("{A").unwrap(), true)]);
    }
}
