//! A pre-scan of YAML text, before `serde_yaml` sees it, for what would make it slow,
//! hungry or wrong about places: one pass over the bytes, O(n) time, memory for the
//! anchors only.
//!
//! Limits, each a located error when hit:
//!
//! - **Control characters.** YAML allows none but tab, line feed and carriage return; a
//!   NUL or another control character is reported at its own line and column (the YAML
//!   library reports such a character at a wrong place).
//! - **Nesting depth.** At most [`MAX_DEPTH`] flow collections (`[`, `{`) open at once,
//!   and at most [`MAX_DEPTH`] sequence markers (`- - - x`) opening one line. (The YAML
//!   library takes time quadratic in the depth: 40,000 nested `[` took 2.5-4.4 s.)
//! - **Alias expansion.** An alias (`*a`) stands for a copy of the node its anchor (`&a`)
//!   names, and the corpus reader copies it out: what all aliases expand to, counted in
//!   bytes of the anchored nodes' text (aliases inside them expanded too), may be at most
//!   [`MAX_ALIAS_FACTOR`] times the text plus [`MAX_ALIAS_EXTRA`] bytes. (The YAML
//!   library's own limit counts alias jumps, not what they expand to: a 20 KB file took
//!   518 MB.)
//!
//! The scan does not parse YAML: an anchored node is taken to run, in a flow collection,
//! to the `,` or closing bracket that ends it, and otherwise to the next line indented no
//! deeper than the anchor's line. That may count a node longer than it is, never shorter.
//! Quoted scalars are skipped, so that brackets, `&` and `*` in them count for nothing;
//! comments too.

use crate::error::{Error, ErrorKind, Location, Result};
use std::collections::HashMap;

/// The most flow collections open at once, and the most `- ` markers opening one line.
pub(crate) const MAX_DEPTH: usize = 64;

/// What aliases may expand to: this many times the text's size ...
pub(crate) const MAX_ALIAS_FACTOR: usize = 4;

/// ... plus this many bytes.
pub(crate) const MAX_ALIAS_EXTRA: usize = 1 << 20;

/// An anchor whose node is still being read.
struct Open {
    name_at: usize,
    /// Bytes of the node so far, with the aliases in it expanded (beyond their own text).
    extra: usize,
    start: usize,
    /// In a flow collection: the depth it was defined at; in block context, `None`.
    flow_depth: Option<usize>,
    /// In block context: the indentation of its line.
    indent: usize,
}

struct Scan<'a> {
    text: &'a [u8],
    file: &'a str,
    /// Each anchor's name and the bytes its node expands to.
    anchors: HashMap<&'a [u8], usize>,
    open: Vec<Open>,
    /// Bytes all aliases add beyond their own text.
    added: usize,
    budget: usize,
}

impl<'a> Scan<'a> {
    fn error(&self, at: usize, message: String) -> Error {
        let before = &self.text[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        let location = Location::new(self.file, line as u32, column as u32);
        Error::new(ErrorKind::Syntax, message).at(Some(location))
    }

    /// Closes the open anchors whose nodes end before `at`.
    fn close(&mut self, at: usize, end: impl Fn(&Open) -> bool) {
        while let Some(o) = self.open.last() {
            if !end(o) {
                break;
            }
            let o = self.open.pop().expect("an open anchor");
            let size = at.saturating_sub(o.start) + o.extra;
            if let Some(parent) = self.open.last_mut() {
                parent.extra = parent.extra.saturating_add(o.extra);
            }
            self.anchors.insert(&self.text[o.name_at..name_end(self.text, o.name_at)], size);
        }
    }

    fn alias(&mut self, at: usize, name_at: usize) -> Result<()> {
        let end = name_end(self.text, name_at);
        let name = &self.text[name_at..end];
        let size = match self.anchors.get(name) {
            Some(&s) => s,
            // An anchor still open (a node that names itself: the YAML library refuses it)
            // or no anchor: the alias is its own text.
            None => return Ok(()),
        };
        let extra = size.saturating_sub(end - at);
        self.added = self.added.saturating_add(extra);
        if let Some(o) = self.open.last_mut() {
            o.extra = o.extra.saturating_add(extra);
        }
        if self.added > self.budget {
            let message = format!(
                "aliases expand to more than {} bytes (the limit for a text of {} bytes is {MAX_ALIAS_FACTOR} times its \
                 size plus {MAX_ALIAS_EXTRA}): alias `*{}` adds {extra}",
                self.budget,
                self.text.len(),
                String::from_utf8_lossy(name)
            );
            return Err(self.error(at, message));
        }
        Ok(())
    }
}

/// Where an anchor or alias name starting at `at` ends.
fn name_end(text: &[u8], at: usize) -> usize {
    let n = text[at..]
        .iter()
        .take_while(|&&b| !b.is_ascii_whitespace() && !matches!(b, b',' | b'[' | b']' | b'{' | b'}'))
        .count();
    at + n
}

/// Whether a node may start after `prev` (the byte before, or none at the start).
fn node_start(prev: Option<u8>) -> bool {
    prev.is_none_or(|p| p.is_ascii_whitespace() || matches!(p, b'[' | b'{' | b','))
}

/// Checks `text` (read from `file`) against the limits in the [module](self).
///
/// # Errors
/// [`ErrorKind::Syntax`], located, for the first limit hit.
pub(crate) fn check(text: &str, file: &str) -> Result<()> {
    let bytes = text.as_bytes();
    let mut scan = Scan {
        text: bytes,
        file,
        anchors: HashMap::new(),
        open: Vec::new(),
        added: 0,
        budget: bytes.len().saturating_mul(MAX_ALIAS_FACTOR).saturating_add(MAX_ALIAS_EXTRA),
    };
    let mut depth = 0usize;
    let mut i = 0usize;
    let mut line_start = true;
    let mut indent = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            // Indentation, then the `- ` markers that open the line.
            indent = bytes[i..].iter().take_while(|&&c| c == b' ').count();
            let mut j = i + indent;
            let mut dashes = 0usize;
            while bytes.get(j) == Some(&b'-') && matches!(bytes.get(j + 1), Some(b' ')) {
                dashes += 1;
                if dashes > MAX_DEPTH {
                    let message = format!("more than {MAX_DEPTH} sequences open on one line (`- - - ...`)");
                    return Err(scan.error(j, message));
                }
                j += 2;
                while bytes.get(j) == Some(&b' ') {
                    j += 1;
                }
            }
            line_start = false;
            let blank = matches!(bytes.get(i + indent), None | Some(b'\n' | b'\r' | b'#'));
            if depth == 0 && !blank {
                let here = i;
                scan.close(here, |o| o.flow_depth.is_none() && indent <= o.indent);
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| bytes[p]);
        match b {
            b'\n' => line_start = true,
            b'\t' | b'\r' => {}
            0..=0x1F | 0x7F => {
                let c = char::from(b);
                let message = format!("a control character (U+{:04X}) is not allowed in YAML", u32::from(c));
                return Err(scan.error(i, message));
            }
            b'#' if prev.is_none_or(|p| p.is_ascii_whitespace()) => {
                i += bytes[i..].iter().take_while(|&&c| c != b'\n').count();
                continue;
            }
            b'\'' | b'"' if node_start(prev) => {
                let quote = b;
                let mut j = i + 1;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\\' if quote == b'"' => j += 1,
                        c if c == quote => {
                            if quote == b'\'' && bytes.get(j + 1) == Some(&b'\'') {
                                j += 1;
                            } else {
                                break;
                            }
                        }
                        0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => {
                            let message = format!(
                                "a control character (U+{:04X}) is not allowed in YAML",
                                u32::from(char::from(bytes[j]))
                            );
                            return Err(scan.error(j, message));
                        }
                        _ => {}
                    }
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let message = format!("more than {MAX_DEPTH} flow collections (`[`, `{{`) open at once");
                    return Err(scan.error(i, message));
                }
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                scan.close(i + 1, |o| o.flow_depth.is_some_and(|d| d > depth));
            }
            b',' if depth > 0 => scan.close(i, |o| o.flow_depth.is_some_and(|d| d >= depth)),
            b'&' if node_start(prev) && name_end(bytes, i + 1) > i + 1 => {
                let name_at = i + 1;
                let flow_depth = (depth > 0).then_some(depth);
                scan.open.push(Open { name_at, extra: 0, start: name_end(bytes, name_at), flow_depth, indent });
                i = name_end(bytes, name_at);
                continue;
            }
            b'*' if node_start(prev) && name_end(bytes, i + 1) > i + 1 => {
                scan.alias(i, i + 1)?;
                i = name_end(bytes, i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        check(text, "f.yaml").unwrap_err().to_string()
    }

    #[test]
    fn a_control_character_is_reported_where_it_is() {
        assert_eq!(
            err("works:\n  - key: a\n    title: ab\0c\n"),
            "f.yaml:3:14: a control character (U+0000) is not allowed in YAML"
        );
        assert_eq!(err("a: \"é\x01\"\n"), "f.yaml:1:6: a control character (U+0001) is not allowed in YAML");
        assert!(check("a: 'it''s'\n\tb: \"x\\\"y\"\r\n", "f").is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_at_the_bracket_past_the_limit() {
        let deep = "[".repeat(40_000);
        assert_eq!(err(&format!("a: {deep}")), "f.yaml:1:68: more than 64 flow collections (`[`, `{`) open at once");
        assert!(check(&format!("a: {}{}", "[".repeat(64), "]".repeat(64)), "f").is_ok());
        // Brackets in quotes and comments count for nothing.
        assert!(check(&format!("a: '{deep}' # {deep}\nb: \"{deep}\"\n"), "f").is_ok());
        assert_eq!(
            err(&format!("a:\n{}x\n", "- ".repeat(100))),
            "f.yaml:2:129: more than 64 sequences open on one line (`- - - ...`)"
        );
    }

    #[test]
    fn aliases_count_what_they_expand_to() {
        // Each level doubles: 30 levels would be 2^30 times the first node.
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            text.push_str(&format!("a{i}: &a{i} [*a{0}, *a{0}]\n", i - 1));
        }
        let e = err(&text);
        assert_eq!(e, "f.yaml:16:12: aliases expand to more than 1051224 bytes (the limit for a text of 662 bytes is 4 times its size plus 1048576): alias `*a14` adds 524278");
        // A few aliases of small nodes are fine.
        let ok = "p: &p {source: s, locator: x}\nworks:\n  - provenance: *p\n  - provenance: *p\n";
        assert!(check(ok, "f").is_ok());
    }
}
