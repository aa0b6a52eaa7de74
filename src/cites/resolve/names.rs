//! Comparing a cited name with a work's names: letter by letter, then with the tolerances
//! (written differently, part of a compound, an organisation's initials, one edit away).

use super::Tolerance;
use crate::cites::lex::{in_list, PARTICLES};
use crate::model::Name;
use crate::refparse::text::fold_key_part;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// A name compared letter by letter: NFC, one kind of apostrophe and hyphen, spaces
/// collapsed, and the first letter of each word in lowercase (`Van der Berg` at the start
/// of a sentence is `van der Berg`), but capitals inside a word kept (`MaMung` is not
/// `Mamung`).
pub(super) fn strict(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        strict_chars(s.chars(), &mut out);
    } else {
        strict_chars(s.nfc(), &mut out);
    }
    out
}

/// Whether `form`, made strict, equals `strict_cited`; without allocating for a short
/// ASCII name.
fn strict_eq(form: &str, strict_cited: &str) -> bool {
    if form.is_ascii() && form.len() <= 64 {
        let mut buf = StackStr::default();
        strict_chars(form.chars(), &mut buf);
        buf.as_str() == strict_cited
    } else {
        strict(form) == strict_cited
    }
}

/// A small string on the stack, for ASCII names of up to 64 bytes.
struct StackStr {
    buf: [u8; 64],
    len: usize,
}

impl Default for StackStr {
    fn default() -> Self {
        StackStr { buf: [0; 64], len: 0 }
    }
}

impl StackStr {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// Where [`strict_chars`] writes.
trait Sink {
    fn put(&mut self, c: char);
}

impl Sink for String {
    fn put(&mut self, c: char) {
        self.push(c);
    }
}

impl Sink for StackStr {
    fn put(&mut self, c: char) {
        let mut b = [0u8; 4];
        let e = c.encode_utf8(&mut b).as_bytes();
        if self.len + e.len() <= self.buf.len() {
            self.buf[self.len..self.len + e.len()].copy_from_slice(e);
            self.len += e.len();
        }
    }
}

/// The strict form of a sequence of characters, written to `out`.
fn strict_chars(chars: impl Iterator<Item = char>, out: &mut impl Sink) {
    let mut space = false;
    let mut word_start = true;
    let mut any = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
            word_start = true;
            continue;
        }
        if space && any {
            out.put(' ');
        }
        space = false;
        any = true;
        match c {
            '\u{2019}' | '\u{2018}' => out.put('\''),
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
                out.put('-');
                word_start = true;
                continue;
            }
            _ if word_start => c.to_lowercase().for_each(|l| out.put(l)),
            _ => out.put(c),
        }
        word_start = false;
    }
}

/// The parts of a compound name: `Glick Schiller` → `glick`, `schiller`. Particles
/// (`van`, `de`, `la`) are not parts: `van der Berg` → `berg`.
pub(super) fn parts(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'))
        .filter(|w| !in_list(w, &PARTICLES))
        .map(fold_key_part)
        .filter(|p| p.len() >= 2)
        .collect()
}

/// An organisation's name reduced to its initials; words in capitals count letter by
/// letter and lowercase words not at all: `United Nations Development Program` and
/// `UN Development Program` both give `undp`.
pub(super) fn acronym(s: &str) -> String {
    let mut out = String::new();
    for word in s.split(|c: char| c.is_whitespace() || c == '-') {
        let letters: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        let Some(first) = letters.chars().next() else { continue };
        if letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
            out.push_str(&fold_key_part(&letters));
        } else if first.is_uppercase() {
            out.push_str(&fold_key_part(&first.to_string()));
        }
    }
    out
}

/// Whether two strings are one edit apart: one character replaced, inserted or deleted,
/// or two adjacent characters swapped.
pub(super) fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Folded names are ASCII: compare bytes, with no allocation.
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart_in(&a, &b)
}

/// [`one_edit_apart`] over slices of characters or bytes.
fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == rb[..],
        std::cmp::Ordering::Less => ra[..] == rb[1..],
    }
}

/// What differs between two spellings with the same letters.
fn how_written(cited: &str, printed: &str) -> &'static str {
    let hyphen = |s: &str| s.contains(['-', '\u{2010}', '\u{2011}', '\u{2013}']);
    let plain = |s: &str| crate::refparse::text::fold_name(s);
    if hyphen(printed) && !hyphen(cited) {
        "hyphen dropped"
    } else if hyphen(cited) && !hyphen(printed) {
        "hyphen added"
    } else if plain(cited) == plain(printed) && cited.to_lowercase() != printed.to_lowercase() {
        "accents differ"
    } else if cited.to_lowercase() == printed.to_lowercase() {
        "capitals differ"
    } else if plain(cited) == plain(printed) {
        "accents differ"
    } else {
        "spacing or punctuation differs"
    }
}

/// How a cited name matches one of the work's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum NameMatch {
    Exact,
    Tolerant(Tolerance),
}

/// The forms a creator is cited by: the family name with its particle; for an
/// organisation, its name and, if it prints one in parentheses, the expansion.
pub(super) fn forms(name: &Name) -> impl Iterator<Item = Cow<'_, str>> {
    let (a, b): (Cow<'_, str>, Option<Cow<'_, str>>) = match name {
        Name::Person(p) => match &p.particle {
            Some(particle) => (Cow::Owned(format!("{particle} {}", p.family)), None),
            None => (Cow::Borrowed(p.family.as_str()), None),
        },
        Name::Literal { literal } => match literal.split_once(" (") {
            Some((base, rest)) => {
                (Cow::Borrowed(base.trim()), Some(Cow::Borrowed(rest.trim_end().trim_end_matches(')').trim())))
            }
            None => (Cow::Borrowed(literal.trim()), None),
        },
    };
    std::iter::once(a).chain(b).filter(|s| !s.is_empty())
}

/// A cited name with its folds, computed once per citation.
pub(super) struct Cited<'a> {
    pub(super) raw: &'a str,
    strict: String,
    pub(super) loose: String,
    pub(super) words: Vec<&'a str>,
}

impl<'a> Cited<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        Cited { raw, strict: strict(raw), loose: fold_key_part(raw), words: raw.split_whitespace().collect() }
    }
}

/// Compares a cited name with a creator's name; the mildest difference wins.
pub(super) fn compare_name(c: &Cited<'_>, name: &Name) -> Option<NameMatch> {
    let (cited, cs, cl, words) = (c.raw, &c.strict, &c.loose, &c.words);
    let mut best: Option<(u8, NameMatch)> = None;
    let mut offer = |m: NameMatch| {
        let cost = match &m {
            NameMatch::Exact => 0,
            NameMatch::Tolerant(t) => t.cost(),
        };
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            best = Some((cost, m));
        }
    };
    for form in forms(name) {
        if strict_eq(&form, cs) {
            offer(NameMatch::Exact);
            continue;
        }
        // Given names written before the family name in the prose: `Raymond Aron`.
        if !name.is_literal() && words.len() > 1 && {
            let fs = strict(&form);
            (1..words.len()).any(|k| strict(&words[k..].join(" ")) == fs)
        } {
            offer(NameMatch::Exact);
            continue;
        }
        let fl = fold_key_part(&form);
        if fl.is_empty() || cl.is_empty() {
            continue;
        }
        if fl == *cl {
            let how = how_written(cited, &form);
            offer(NameMatch::Tolerant(Tolerance::WrittenDifferently {
                cited: cited.into(),
                printed: form.into_owned(),
                how,
            }));
            continue;
        }
        let form_parts = parts(&form);
        if form_parts.len() >= 2 && form_parts.contains(cl) {
            offer(NameMatch::Tolerant(Tolerance::CompoundInPart { cited: cited.into(), printed: form.to_string() }));
        }
        if name.is_literal() {
            let (ca, fa) = (acronym(cited), acronym(&form));
            if ca.len() >= 2 && (ca == fa || ca == fl || *cl == fa) {
                offer(NameMatch::Tolerant(Tolerance::OrganisationVariant {
                    cited: cited.into(),
                    printed: form.to_string(),
                }));
            }
        }
        if fl.len() >= 4 && one_edit_apart(cl, &fl) {
            offer(NameMatch::Tolerant(Tolerance::Misspelled { cited: cited.into(), printed: form.into_owned() }));
        }
    }
    best.map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        assert!(one_edit_apart("ostegaard", "ostergaard"));
        assert!(one_edit_apart("smtih", "smith"));
        assert!(one_edit_apart("smyth", "smith"));
        assert!(!one_edit_apart("smith", "smith"));
        assert!(!one_edit_apart("smith", "smiths2"));
        assert!(!one_edit_apart("abcd", "badc"));
    }

    #[test]
    fn acronyms_of_organisations() {
        assert_eq!(acronym("United Nations Development Program"), "undp");
        assert_eq!(acronym("UN Development Program"), "undp");
        assert_eq!(acronym("Programa de las Naciones Unidas para el Desarollo"), "pnud");
        assert_eq!(acronym("PNUD"), "pnud");
    }

    #[test]
    fn compound_parts_leave_out_particles() {
        assert_eq!(parts("Glick Schiller"), ["glick", "schiller"]);
        assert_eq!(parts("Escala-Rabadan"), ["escala", "rabadan"]);
        assert_eq!(parts("van der Berg"), ["berg"]);
        assert_eq!(parts("de la Cruz Pérez"), ["cruz", "perez"]);
    }
}
