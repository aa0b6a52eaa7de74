//! The list layer: what a reference list prints around its entries, read before any
//! entry is parsed, so that every per-reference parser (the rule parser here, a learned
//! one elsewhere) sees only the reference itself.
//!
//! | mark | example | kept as |
//! |---|---|---|
//! | citation label | `Hall 1980 Hall, Stuart. "Encoding ...` | [`ListMark::label`] (`Hall 1980`) |
//! | label without a year | `Pettit Pettitt, Thomas. ...` | [`ListMark::label`] (`Pettit`) |
//! | list number | `[12] Hall S. ...`, `12. Hall S. ...` | [`ListMark::label`] (`12`), [`ListMark::number`] |
//! | ditto mark | `---. Title.`, `———. Title.`, `—-, editor.` | [`ListMark::ditto`]: the previous entry's authors |
//!
//! A label is recognised list by list, not entry by entry: the list is *labelled* when
//! most entries repeat the label's first name right after it (`Hall 1980 Hall, ...`), or
//! when the caller knows the labels the text cites ([`read_marks`]'s `known`). An
//! author-date list (`Hall S (1980) ...`, `Hall, S. 1980. ...`) never is: its year is not
//! followed by the name again.
//!
//! ```
//! use bibgraph::refparse::list::read_marks;
//! let entries = [
//!     "Hall 1980 Hall, Stuart. “Encoding/Decoding.” Culture, Media, Language. London: Hutchinson, 1980.",
//!     "Ong 2002 Ong, Walter J. Orality and Literacy. London: Routledge, 2002.",
//!     "---. Interfaces of the Word. Ithaca: Cornell UP, 1977.",
//! ];
//! let marks = read_marks(&entries, &[]);
//! assert_eq!(marks[0].label.as_deref(), Some("Hall 1980"));
//! assert_eq!(&entries[1][marks[1].body..], "Ong, Walter J. Orality and Literacy. London: Routledge, 2002.");
//! assert_eq!(marks[2].ditto.clone().map(|r| &entries[2][r]), Some("---"));
//! ```

use crate::model::Name;
use std::ops::Range;

/// What the list prints around one entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListMark {
    /// The label the entry is cited by: the printed label, or the list number.
    pub label: Option<String>,
    /// The entry's number in a numbered list (`[12]`, `12.`).
    pub number: Option<u32>,
    /// Byte offset in the entry's text where the reference itself starts (after the label).
    pub body: usize,
    /// The ditto mark standing for the previous entry's authors (byte range in the entry's
    /// text, after [`body`](Self::body)).
    pub ditto: Option<Range<usize>>,
}

/// Whether a word is a year or number as a label prints it: `1980`, `2001a`, `n.d.`,
/// `23:2`, `1993/1994`.
fn is_label_number(w: &str) -> bool {
    if w.eq_ignore_ascii_case("n.d.") || w.eq_ignore_ascii_case("nd") || w.eq_ignore_ascii_case("forthcoming") {
        return true;
    }
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    let body = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let plain = body.bytes().all(|b| b.is_ascii_digit());
    digits >= 2
        && (!plain || body.len() == 4)
        && w.len() - body.len() <= 1
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-' | '\u{2013}'))
        && body.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether a word may stand in a label before its year: a capitalised word, a particle,
/// `and`, `&`, `et`, `al.`.
fn is_label_word(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    if w.is_empty() {
        return false;
    }
    let lower = w.to_lowercase();
    if matches!(lower.as_str(), "and" | "&" | "et" | "al" | "al." | "de" | "van" | "von" | "der" | "la" | "le" | "du") {
        return true;
    }
    let first = w.chars().next().unwrap_or(' ');
    (first.is_uppercase() || first.is_ascii_digit())
        && !w.ends_with('.')
        && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
}

/// The words of `s` with their byte ranges.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace().map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// A word reduced to lowercase letters, for comparing names.
fn letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect()
}

/// Whether two words are the same name, allowing one letter more, less or different.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (letters(a), letters(b));
    if a.chars().count() < 2 || b.chars().count() < 2 {
        return false;
    }
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if l.len() - s.len() > 1 || s.len() < 4 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

/// A candidate label at the start of `s`: names then a year or number, then the reference.
/// Returns the label's end and where the reference starts, and whether the reference
/// starts by repeating the label's first name.
fn year_label(s: &str) -> Option<(usize, usize, bool)> {
    let ws: Vec<(usize, &str)> = words(s).take(10).collect();
    let mut k = 0;
    while k < ws.len() && k < 8 && !is_label_number(ws[k].1) {
        if !is_label_word(ws[k].1) || (ws[k].1.ends_with(',') && !ws.get(k + 1).is_some_and(|w| is_label_number(w.1))) {
            return None;
        }
        k += 1;
    }
    if k == 0 || k >= ws.len() - 1 || !is_label_number(ws[k].1) {
        return None;
    }
    let (at, year) = ws[k];
    let (rest_at, rest) = ws[k + 1];
    let starts = rest.chars().next().is_some_and(|c| c.is_uppercase() || "\"“‘'«*_—-".contains(c));
    if !starts {
        return None;
    }
    let repeated = same_name(ws[0].1, rest.trim_end_matches([',', '.']));
    Some((at + year.len(), rest_at, repeated))
}

/// A label with no year at the start of `s`: up to six words, then the first of them
/// again (`Pettit Pettitt, Thomas.`, `Oxford English Dictionary Oxford English ...`).
fn repeated_label(s: &str) -> Option<(usize, usize)> {
    let ws: Vec<(usize, &str)> = words(s).take(8).collect();
    let first = ws.first()?.1;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    (1..ws.len().min(7)).find(|&k| same_name(first, ws[k].1.trim_end_matches([',', '.']))).map(|k| {
        let (at, w) = ws[k - 1];
        (at + w.len(), ws[k].0)
    })
}

/// The length of a ditto mark at the start of `s` (`---`, `———`, `—-`, `___`), when a
/// full stop or comma follows it.
pub fn ditto_len(s: &str) -> Option<usize> {
    let mark: usize = s
        .chars()
        .take_while(|c| matches!(c, '-' | '\u{2014}' | '\u{2013}' | '\u{2015}' | '_'))
        .map(char::len_utf8)
        .sum();
    let dashes = s[..mark].chars().count();
    let long = s[..mark].contains(['\u{2014}', '\u{2015}']);
    ((dashes >= 2 || long && dashes >= 1) && s[mark..].starts_with(['.', ',']) && !s[mark..].starts_with(".."))
        .then_some(mark)
}

/// Whether every paragraph of a list is one line, with a blank line between entries:
/// each paragraph is then one entry.
pub fn one_entry_per_paragraph(s: &str) -> bool {
    let mut paras = 0;
    for p in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if p.contains('\n') {
            return false;
        }
        paras += 1;
    }
    paras >= 2
}

/// The number of a list marker as printed: `[12]`, `12.`, `12)`, `(12)`.
pub fn marker_number(marker: &str) -> Option<u32> {
    let m = marker.trim().trim_start_matches(['[', '(']).trim_end_matches([']', ')', '.']);
    (!m.is_empty() && m.len() <= 5 && m.bytes().all(|b| b.is_ascii_digit())).then(|| m.parse().ok()).flatten()
}

/// Reads the marks of a list's entries, in order. `known` holds labels the text is known
/// to cite (`Hall 1980`): an entry that starts with one followed by a space has it as its
/// label, whatever the rest of the list does.
///
/// Complexity: linear in the total length of the entries' first words.
pub fn read_marks<S: AsRef<str>>(entries: &[S], known: &[&str]) -> Vec<ListMark> {
    let candidates: Vec<Option<(usize, usize, bool)>> = entries.iter().map(|e| year_label(e.as_ref())).collect();
    let repeated = candidates.iter().filter(|c| c.is_some_and(|c| c.2)).count();
    let labelled = repeated >= 2 && repeated * 5 >= entries.len() * 2;
    let mut marks = Vec::with_capacity(entries.len());
    for (e, cand) in entries.iter().zip(&candidates) {
        let e = e.as_ref();
        let mut mark = ListMark::default();
        let known_label = known
            .iter()
            .filter(|k| !k.is_empty() && e.starts_with(*k) && e[k.len()..].starts_with(' '))
            .max_by_key(|k| k.len());
        if let Some(k) = known_label {
            mark.label = Some(k.to_string());
            mark.body = k.len() + (e[k.len()..].len() - e[k.len()..].trim_start().len());
        } else if labelled {
            if let Some((end, body, _)) = cand {
                mark.label = Some(e[..*end].to_string());
                mark.body = *body;
            } else if let Some((end, body)) = repeated_label(e) {
                mark.label = Some(e[..end].to_string());
                mark.body = body;
            }
        }
        mark.ditto = ditto_len(&e[mark.body..]).map(|n| mark.body..mark.body + n);
        marks.push(mark);
    }
    marks
}

/// Names as a humanities list prints them, for a ditto mark: the first inverted, the
/// others not (`Ong, Walter J., and Jane Doe`).
pub fn names_for_ditto(names: &[Name]) -> String {
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { ", and " } else { ", " });
        }
        match (n.is_literal(), n.given()) {
            (false, Some(g)) if i == 0 => out.push_str(&format!("{}, {g}", n.family())),
            (false, Some(g)) => out.push_str(&format!("{g} {}", n.family())),
            _ => out.push_str(&n.family_or_literal()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dittos() {
        assert!(is_label_number("1980"));
        assert!(is_label_number("2001a"));
        assert!(is_label_number("23:2"));
        assert!(!is_label_number("1980."));
        assert!(!is_label_number("12"));
        assert_eq!(ditto_len("---. Title"), Some(3));
        assert_eq!(ditto_len("———. Title"), Some(9));
        assert_eq!(ditto_len("—-, editor."), Some(4));
        assert_eq!(ditto_len("- Title"), None);
        assert_eq!(marker_number("[12]"), Some(12));
        assert_eq!(marker_number("7."), Some(7));
        assert_eq!(marker_number("-"), None);
    }

    #[test]
    fn author_date_lists_have_no_labels() {
        let entries = [
            "Hall S (1980) Encoding. London: Hutchinson.",
            "Hall, S. 1980. Encoding. London: Hutchinson.",
            "Ong W 2002 Orality and literacy. London: Routledge.",
        ];
        assert!(read_marks(&entries, &[]).iter().all(|m| m.label.is_none() && m.body == 0));
    }

    #[test]
    fn labels_without_years_in_a_labelled_list() {
        let entries = [
            "Adams 1990 Adams, Ann. A Book. Paris: P, 1990.",
            "Baker Bakker, Ben. Another Book. Paris: P, 1991.",
            "Cole and Dunn 1992 Cole, Carl, and Dan Dunn. Third. Paris: P, 1992.",
        ];
        let marks = read_marks(&entries, &[]);
        let labels: Vec<Option<&str>> = marks.iter().map(|m| m.label.as_deref()).collect();
        assert_eq!(labels, [Some("Adams 1990"), Some("Baker"), Some("Cole and Dunn 1992")]);
        assert_eq!(&entries[1][marks[1].body..marks[1].body + 7], "Bakker,");
    }
}
