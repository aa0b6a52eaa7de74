//! `@string` macros: definitions in file order, the month names BibTeX predefines, and
//! the expansion of a value (`j-TUGboat # " 12"`) into its text.

use super::entry::Part;
use std::collections::HashMap;

/// The month macros every BibTeX style defines, with the names its standard styles give.
const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// A text that was not valid UTF-8: where the first bad byte is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadBytes {
    /// Offset of the first invalid byte.
    pub(crate) at: usize,
}

/// A macro used but never defined (before its use): its name's byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Undefined {
    /// The name as written.
    pub(crate) name: String,
    /// Where it is used.
    pub(crate) at: usize,
}

/// The macros defined so far. Names are case-insensitive, as in BibTeX.
#[derive(Debug, Default)]
pub(crate) struct Macros {
    defined: HashMap<String, (String, usize)>,
}

/// `bytes` as text; invalid UTF-8 is replaced (U+FFFD) and its first offset returned.
pub(crate) fn text_of(bytes: &[u8], offset: usize, out: &mut String) -> Option<BadBytes> {
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            out.push_str(s);
            None
        }
        Err(e) => {
            out.push_str(&String::from_utf8_lossy(bytes));
            Some(BadBytes { at: offset + e.valid_up_to() })
        }
    }
}

impl Macros {
    /// Defines (or redefines) `name`; returns where it was defined before, if it was.
    pub(crate) fn define(&mut self, name: &str, value: String, at: usize) -> Option<usize> {
        self.defined.insert(name.to_ascii_lowercase(), (value, at)).map(|(_, before)| before)
    }

    fn lookup(&self, name: &str) -> Option<&str> {
        if let Some((v, _)) = self.defined.get(name) {
            return Some(v);
        }
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Some((v, _)) = self.defined.get(&name.to_ascii_lowercase()) {
                return Some(v);
            }
        }
        MONTHS.iter().find(|(m, _)| m.eq_ignore_ascii_case(name)).map(|(_, full)| *full)
    }

    /// The text of a value made of `parts` of `src`, with macros expanded. An undefined
    /// macro stands for its own name, and is reported; so is invalid UTF-8.
    pub(crate) fn expand(
        &self,
        src: &[u8],
        parts: &[Part],
        undefined: &mut Vec<Undefined>,
        bad: &mut Option<BadBytes>,
    ) -> String {
        let mut out = String::new();
        self.expand_into(src, parts, &mut out, undefined, bad);
        out
    }

    /// As [`Macros::expand`], appending to `out`.
    pub(crate) fn expand_into(
        &self,
        src: &[u8],
        parts: &[Part],
        out: &mut String,
        undefined: &mut Vec<Undefined>,
        bad: &mut Option<BadBytes>,
    ) {
        for part in parts {
            match part {
                Part::Braced(r) | Part::Quoted(r) | Part::Number(r) => {
                    let b = text_of(&src[r.clone()], r.start, out);
                    *bad = bad.or(b);
                }
                Part::Macro(r) => {
                    let mut name = String::new();
                    let b = text_of(&src[r.clone()], r.start, &mut name);
                    *bad = bad.or(b);
                    match self.lookup(&name) {
                        Some(v) => out.push_str(v),
                        None => {
                            out.push_str(&name);
                            undefined.push(Undefined { name, at: r.start });
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_definitions_months_and_concatenation() {
        let src = b"j-TUB # \" 12\" # {x} # Oct # 1999 # nope";
        let mut m = Macros::default();
        assert_eq!(m.define("J-tub", "TUGboat".into(), 0), None);
        let parts = [
            Part::Macro(0..5),
            Part::Quoted(9..12),
            Part::Braced(17..18),
            Part::Macro(22..25),
            Part::Number(28..32),
            Part::Macro(35..39),
        ];
        let (mut undefined, mut bad) = (Vec::new(), None);
        assert_eq!(m.expand(src, &parts, &mut undefined, &mut bad), "TUGboat 12xOctober1999nope");
        assert_eq!(undefined, [Undefined { name: "nope".into(), at: 35 }]);
        assert_eq!(bad, None);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let src = b"ab\xffc";
        let (mut undefined, mut bad) = (Vec::new(), None);
        let text = Macros::default().expand(src, &[Part::Quoted(0..4)], &mut undefined, &mut bad);
        assert_eq!(text, "ab\u{fffd}c");
        assert_eq!(bad, Some(BadBytes { at: 2 }));
    }
}
