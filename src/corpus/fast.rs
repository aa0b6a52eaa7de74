//! A fast reader for the regular shape of an `edges:` section, the bulk of a large corpus
//! file (one `cites` edge per citation, as `bibgraph cites --format corpus-yaml` writes
//! them):
//!
//! ```yaml
//! edges:
//!   - from: waldinger-sociopedia
//!     to: saunier2009
//!     relation: cites
//!     locator: "93"
//!     provenance:
//!       locator: "The career of a concept"
//!       quote: "(Saunier, 2009)"
//! ```
//!
//! Each item is a block mapping of the fields of [`RawEdge`], one scalar a line (plain,
//! or quoted without escapes), `provenance` a block mapping of scalars. The reader takes
//! a section only if every item has this shape; a file with anything else (flow style,
//! anchors, tags, multi-line or escaped scalars, a `null`, an unknown or repeated field, a
//! relation that is not one) goes whole to serde_yaml as before, so that its values and
//! its diagnostics are serde_yaml's. The reader allocates only the strings it returns and
//! reads the section twice: once to check it, once to hand out its edges one at a time,
//! so the edges of a file are never all held as [`RawEdge`]s.

use super::raw::{RawEdge, RawFile, RawProvenance};
use crate::error::Result;
use crate::model::Relation;
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;

/// Reads a corpus file: with the fast reader for its `edges:` section when it can, and
/// serde_yaml for the rest. Returns the file and, when the fast reader takes the edges,
/// the byte range of the section, whose edges [`Edges`] then gives (the file's `edges`
/// are left empty).
pub(crate) fn read_file(text: &str, name: &str) -> Result<(RawFile, Option<Range<usize>>)> {
    let Some(section) = edges_section(text) else {
        return Ok((super::items::from_str(text, name)?, None));
    };
    // The section bypasses serde_yaml, not the limits (control characters, nesting, aliases).
    crate::yaml_scan::check(&text[section.clone()], name).map_err(|e| shift(e, text, section.start))?;
    let rest: Cow<'_, str> = if section.end == text.len() {
        Cow::Borrowed(&text[..section.start])
    } else {
        // The rest with the section's lines left blank, so that lines keep their numbers.
        let lines = text[section.clone()].bytes().filter(|&b| b == b'\n').count();
        let mut rest = String::with_capacity(section.start + lines + text.len() - section.end);
        rest.push_str(&text[..section.start]);
        rest.extend(std::iter::repeat_n('\n', lines));
        rest.push_str(&text[section.end..]);
        Cow::Owned(rest)
    };
    let blank = rest.lines().all(|l| {
        let t = l.trim_start();
        t.is_empty() || t.starts_with('#')
    });
    let raw = if blank { RawFile::default() } else { super::items::from_str(&rest, name)? };
    Ok((raw, Some(section)))
}

/// `e`, found in the text from byte `start` of `text`, placed in `text`.
fn shift(e: crate::error::Error, text: &str, start: usize) -> crate::error::Error {
    let before = text[..start].bytes().filter(|&b| b == b'\n').count() as u32;
    match e.location().cloned() {
        Some(mut at) => {
            at.line += before;
            let message = e.message().to_string();
            crate::error::Error::new(e.kind(), message).at(Some(at))
        }
        None => e,
    }
}

/// The byte range of the `edges:` section (its key line to the next top-level key), if
/// the file's top level is plain `key:` lines with one bare `edges:` and every item of
/// that section has the regular shape.
fn edges_section(text: &str) -> Option<Range<usize>> {
    let mut start = None;
    let mut end = text.len();
    let mut byte = 0;
    for raw in text.split_inclusive('\n') {
        let here = byte;
        byte += raw.len();
        let first = raw.as_bytes()[0];
        if matches!(first, b' ' | b'\n' | b'\r' | b'#') {
            continue;
        }
        // A top-level line: only `key:...` is plain block mapping.
        if !first.is_ascii_alphabetic() || !raw.contains(':') {
            return None;
        }
        let line = raw.trim_end();
        if line.starts_with("edges") {
            if line != "edges:" || start.is_some() {
                return None;
            }
            start = Some(here);
        } else if start.is_some() && end == text.len() {
            end = here;
        }
    }
    let range = start?..end;
    let mut n = 0;
    for item in Edges::new(text, range.clone()) {
        item.ok()?;
        n += 1;
    }
    (n > 0).then_some(range)
}

/// One edge as written, borrowing from the text where it can.
#[derive(Debug, Default)]
pub(crate) struct EdgeItem<'a> {
    from: Option<Cow<'a, str>>,
    to: Option<Cow<'a, str>>,
    relation: Option<Relation>,
    concept: Option<Cow<'a, str>>,
    locator: Option<Cow<'a, str>>,
    provenance: bool,
    source: Option<Cow<'a, str>>,
    p_locator: Option<Cow<'a, str>>,
    quote: Option<Cow<'a, str>>,
    note: Option<Cow<'a, str>>,
}

impl EdgeItem<'_> {
    /// Whether every required field is there.
    fn complete(&self) -> bool {
        self.from.is_some() && self.to.is_some() && self.relation.is_some() && self.p_locator.is_some()
    }

    /// The edge as serde would have read it.
    pub(crate) fn into_raw(self) -> Option<RawEdge> {
        let own = |s: Option<Cow<'_, str>>| s.map(Cow::into_owned);
        Some(RawEdge {
            from: self.from?.into_owned(),
            to: self.to?.into_owned(),
            relation: self.relation?,
            concept: own(self.concept),
            locator: own(self.locator),
            provenance: RawProvenance {
                source: own(self.source),
                locator: self.p_locator?.into_owned(),
                quote: own(self.quote),
                note: own(self.note),
            },
            drafted: None,
        })
    }
}

/// The edges of a section, in order; `Err(())` at the first line the fast reader does not
/// take (and nothing after it).
pub(crate) struct Edges<'a> {
    lines: std::str::SplitInclusive<'a, char>,
    /// Dash indent of the items, key indent of the current item, indent of its
    /// provenance's keys.
    item_indent: Option<usize>,
    key_indent: usize,
    prov_indent: Option<usize>,
    in_provenance: bool,
    current: Option<EdgeItem<'a>>,
    failed: bool,
}

impl<'a> Edges<'a> {
    /// The edges of the section at `range` of `text` (starting at its `edges:` line).
    pub(crate) fn new(text: &'a str, range: Range<usize>) -> Self {
        let mut lines = text[range].split_inclusive('\n');
        lines.next(); // `edges:`
        Edges {
            lines,
            item_indent: None,
            key_indent: 0,
            prov_indent: None,
            in_provenance: false,
            current: None,
            failed: false,
        }
    }

    /// Reads one line into the current item; `Ok(Some(item))` when the line starts the
    /// next item and so finishes one.
    fn line(&mut self, raw: &'a str) -> std::result::Result<Option<EdgeItem<'a>>, ()> {
        let l = raw.strip_suffix('\n').unwrap_or(raw);
        let l = l.strip_suffix('\r').unwrap_or(l);
        let indent = l.bytes().position(|b| b != b' ').unwrap_or(l.len());
        let trimmed = &l[indent..];
        match trimmed.as_bytes().first() {
            None | Some(b'#') => return Ok(None),
            Some(b'\t') => return Err(()),
            _ => {}
        }
        if let Some(content) = trimmed.strip_prefix("- ") {
            if *self.item_indent.get_or_insert(indent) != indent {
                return Err(());
            }
            let done = match self.current.take() {
                Some(item) if item.complete() => Some(item),
                Some(_) => return Err(()),
                None => None,
            };
            let body = content.trim_start_matches(' ');
            self.key_indent = indent + 2 + (content.len() - body.len());
            self.current = Some(EdgeItem::default());
            self.in_provenance = false;
            self.field(body)?;
            return Ok(done);
        }
        if self.current.is_none() {
            return Err(());
        }
        if indent == self.key_indent {
            self.in_provenance = false;
            self.field(trimmed)?;
        } else if self.in_provenance && indent > self.key_indent {
            if *self.prov_indent.get_or_insert(indent) != indent {
                return Err(());
            }
            self.provenance_field(trimmed)?;
        } else {
            return Err(());
        }
        Ok(None)
    }

    fn field(&mut self, content: &'a str) -> std::result::Result<(), ()> {
        let (key, value) = key_value(content).ok_or(())?;
        let item = self.current.as_mut().ok_or(())?;
        if key == "provenance" {
            if !value.is_empty() || item.provenance {
                return Err(());
            }
            item.provenance = true;
            self.in_provenance = true;
            self.prov_indent = None;
            return Ok(());
        }
        let value = scalar(value).ok_or(())?;
        let slot = match key {
            "from" => &mut item.from,
            "to" => &mut item.to,
            "concept" => &mut item.concept,
            "locator" => &mut item.locator,
            "relation" => {
                if item.relation.is_some() {
                    return Err(());
                }
                let de = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(&value);
                item.relation = Some(Relation::deserialize(de).map_err(|_| ())?);
                return Ok(());
            }
            _ => return Err(()),
        };
        if slot.replace(value).is_some() {
            return Err(());
        }
        Ok(())
    }

    fn provenance_field(&mut self, content: &'a str) -> std::result::Result<(), ()> {
        let (key, value) = key_value(content).ok_or(())?;
        let value = scalar(value).ok_or(())?;
        let item = self.current.as_mut().ok_or(())?;
        let slot = match key {
            "source" => &mut item.source,
            "locator" => &mut item.p_locator,
            "quote" => &mut item.quote,
            "note" => &mut item.note,
            _ => return Err(()),
        };
        if slot.replace(value).is_some() {
            return Err(());
        }
        Ok(())
    }
}

impl<'a> Iterator for Edges<'a> {
    type Item = std::result::Result<EdgeItem<'a>, ()>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        while let Some(raw) = self.lines.next() {
            match self.line(raw) {
                Ok(Some(item)) => return Some(Ok(item)),
                Ok(None) => {}
                Err(()) => {
                    self.failed = true;
                    return Some(Err(()));
                }
            }
        }
        let last = self.current.take()?;
        if last.complete() {
            Some(Ok(last))
        } else {
            self.failed = true;
            Some(Err(()))
        }
    }
}

/// `key: value` or `key:` with a lowercase key: the key and the value (trimmed, maybe
/// empty).
fn key_value(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    if !bytes.first()?.is_ascii_lowercase() {
        return None;
    }
    let colon = bytes.iter().position(|&b| !(b.is_ascii_lowercase() || b == b'-'))?;
    if bytes[colon] != b':' {
        return None;
    }
    let key = &content[..colon];
    let after = &content[colon + 1..];
    if after.is_empty() {
        return Some((key, ""));
    }
    after.strip_prefix(' ').map(|v| (key, v.trim_matches(' ')))
}

/// A one-line scalar that YAML reads as this very string: quoted without escapes, or
/// plain and neither a null, nor starting with an indicator, nor holding `: ` or ` #`.
fn scalar(value: &str) -> Option<Cow<'_, str>> {
    let first = *value.as_bytes().first()?;
    match first {
        b'"' => {
            let body = &value[1..];
            let close = body.find(['"', '\\'])?;
            (body.as_bytes()[close] == b'"' && close + 1 == body.len()).then(|| Cow::Borrowed(&body[..close]))
        }
        b'\'' => {
            let body = &value[1..];
            let mut out: Option<String> = None;
            let mut from = 0;
            loop {
                let q = from + body[from..].find('\'')?;
                if body.as_bytes().get(q + 1) == Some(&b'\'') {
                    out.get_or_insert_with(String::new).push_str(&body[from..=q]);
                    from = q + 2;
                    continue;
                }
                if q + 1 != body.len() {
                    return None;
                }
                return Some(match out {
                    Some(mut s) => {
                        s.push_str(&body[from..q]);
                        Cow::Owned(s)
                    }
                    None => Cow::Borrowed(&body[..q]),
                });
            }
        }
        b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%'
        | b'@' | b'`' => None,
        _ => {
            // One pass: no `: `, ` #` or tab, no `:` at the end.
            let bytes = value.as_bytes();
            let mut prev = 0u8;
            for &b in bytes {
                if b == b'\t' || (prev == b':' && b == b' ') || (prev == b' ' && b == b'#') {
                    return None;
                }
                prev = b;
            }
            let plain = prev != b':' && !matches!(value, "~" | "null" | "Null" | "NULL");
            plain.then_some(Cow::Borrowed(value))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;

    fn serde_edges(text: &str) -> Vec<RawEdge> {
        yaml::from_str::<RawFile>(text, "t.yaml").unwrap().edges
    }

    fn fast_edges(text: &str) -> Option<Vec<RawEdge>> {
        let range = edges_section(text)?;
        Some(Edges::new(text, range).map(|e| e.unwrap().into_raw().unwrap()).collect())
    }

    const REGULAR: &str = "# head\nworks:\n  - key: a\n    type: book\nedges:\n  - from: a\n    to: b\n    relation: cites\n    locator: \"93\"\n    provenance:\n      locator: \"The career: of a concept\"\n      quote: 'it''s (1916: 93)'\n\n  # a comment\n  -   from: b\n      to: c-d\n      relation: succession\n      concept: x\n      provenance:\n        source: s\n        locator: Section 2, p. 4\n        note: plain text, with commas # and no comment\n";

    #[test]
    fn reads_the_regular_shape_as_serde_does() {
        // The fast reader rejects the last note (` #` starts a comment): the whole file
        // then goes to serde.
        assert!(fast_edges(REGULAR).is_none());
        let text = REGULAR.replace(" # and no comment", ", and no comment");
        let fast = fast_edges(&text).expect("regular shape");
        assert_eq!(format!("{fast:?}"), format!("{:?}", serde_edges(&text)));
        assert_eq!(fast.len(), 2);
        assert_eq!(fast[0].provenance.quote.as_deref(), Some("it's (1916: 93)"));
        let (raw, section) = read_file(&text, "t.yaml").unwrap();
        assert_eq!(raw.works.len(), 1);
        assert!(raw.edges.is_empty());
        assert_eq!(&text[section.unwrap()][..6], "edges:");
    }

    #[test]
    fn leaves_anything_else_to_serde() {
        let base = "edges:\n  - from: a\n    to: b\n    relation: cites\n    provenance:\n      locator: x\n";
        assert!(fast_edges(base).is_some());
        for (from, to) in [
            ("to: b", "to: \"b\\u0041\""),
            ("to: b", "to: null"),
            ("to: b", "to: ~"),
            ("to: b", "to: &x b"),
            ("to: b", "to: [b]"),
            ("to: b", "to: b\n      c"),
            ("to: b", "to: b\n    to: c"),
            ("to: b", "tox: b"),
            ("cites", "citez"),
            ("locator: x", "locator: |\n        x"),
            ("locator: x", "locator: \"x"),
            ("      locator: x", "      locator: x\n     quote: y"),
            ("edges:", "edges: # all"),
            ("    provenance:\n      locator: x\n", "    provenance: {locator: x}\n"),
        ] {
            let text = base.replace(from, to);
            assert!(fast_edges(&text).is_none(), "{text}");
        }
        assert!(fast_edges(&format!("{base}---\n")).is_none());
        assert!(fast_edges(&format!("{base}edges:\n")).is_none());
        assert!(fast_edges("edges:\n- from: a\n  to: b\n  relation: cites\n  provenance:\n    locator: x\n").is_none());
    }

    #[test]
    fn a_section_before_others_keeps_their_line_numbers() {
        let text = "edges:\n  - from: a\n    to: b\n    relation: cites\n    provenance:\n      locator: x\nworks:\n  - key: a\n    type: book\n    year: 19x6\n";
        let err = read_file(text, "t.yaml").unwrap_err();
        let whole = yaml::from_str::<RawFile>(text, "t.yaml").unwrap_err();
        assert_eq!(err.to_string(), whole.to_string());
        assert!(err.to_string().starts_with("t.yaml:10:"), "{err}");
    }
}
