//! Citations in square brackets: labels (`[Hall 1980, 11]`), numbers against a numbered
//! list (`[12]`, `[3, 7-9]`), and pandoc's `[@key, p. 33]` with its in-text form
//! `@key [p. 33]`. Brackets that are none of these (`[Paris]`, `[sic]`, `[S]creed`, a
//! bracketed title, a note call `[3]` in a text whose list is not numbered) are left alone.

use super::extract::{Citation, CitationKind};
use super::lex::{lex, parse_run, parse_year, Kind, Lexed, Token};
use std::collections::HashSet;
use std::ops::Range;

/// What the bracket scanner knows about the text.
pub(crate) struct BracketContext<'a> {
    /// The labels the reference list prints, whitespace collapsed.
    pub labels: &'a HashSet<String>,
    /// Whether numbers in brackets cite a numbered list.
    pub numbered: bool,
}

/// The longest bracket content read, in bytes.
const MAX_BRACKET: usize = 400;

/// A citation with the fields common to every bracket form.
pub(crate) fn bare(kind: CitationKind, text: &str, span: Range<usize>, section: Option<usize>) -> Citation {
    Citation {
        kind,
        text: super::extract::collapse(&text[span.clone()]),
        span,
        line: 0,
        column: 0,
        authors: Vec::new(),
        et_al: false,
        year: None,
        locator: None,
        section,
        unclosed: false,
        context: Vec::new(),
        label: None,
        title_words: None,
        note: None,
    }
}

/// Whether `s` reads as a locator: pages (`11`, `25–8`, `xiii–xiv`, `5, 7–11`), `p. 12`,
/// `n. p.`, `190 n31`, `198, emphasis added`, `ch. 2`.
fn is_locator(s: &str) -> bool {
    let s = s.trim();
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let lower = first.to_lowercase();
    matches!(
        lower.as_str(),
        "p" | "pp"
            | "n"
            | "nn"
            | "ch"
            | "chap"
            | "chapter"
            | "sec"
            | "para"
            | "fig"
            | "col"
            | "vol"
            | "note"
            | "passim"
            | "s"
            | "f"
            | "ff"
            | "loc"
    ) || (!lower.is_empty() && lower.len() <= 8 && lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')))
}

/// Collapses whitespace.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the bracket citations of one paragraph (`para` in `text`), appending them to
/// `out`.
///
/// Complexity: linear in the paragraph's length (each bracket is read once, and at most
/// [`MAX_BRACKET`] bytes are read looking for its close).
pub(crate) fn scan(
    text: &str,
    para: Range<usize>,
    ctx: &BracketContext<'_>,
    section: Option<usize>,
    out: &mut Vec<Citation>,
) {
    let p = &text[para.clone()];
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => {
                let limit = (i + MAX_BRACKET).min(bytes.len());
                let close = bytes[i + 1..limit].iter().position(|&b| b == b']' || b == b'[').map(|k| i + 1 + k);
                match close {
                    Some(c) if bytes[c] == b']' => {
                        let span = para.start + i..para.start + c + 1;
                        bracket(text, span, ctx, section, out);
                        i = c + 1;
                    }
                    Some(c) => i = c,
                    None => i += 1,
                }
            }
            b'@' => {
                let at = para.start + i;
                if let Some(end) = in_text_pandoc(text, at, para.end, section, out) {
                    i = end - para.start;
                } else {
                    i += 1;
                }
            }
            b'(' if ctx.numbered => {
                let limit = (i + 40).min(bytes.len());
                if let Some(c) = bytes[i + 1..limit].iter().position(|&b| b == b')').map(|k| i + 1 + k) {
                    let inner = &p[i + 1..c];
                    if numbers_only(inner) {
                        numbered(text, para.start + i..para.start + c + 1, section, out);
                    }
                    i = c + 1;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// Whether a bracket's content holds only numbers, commas, dashes and spaces.
fn numbers_only(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '\u{2013}' | ' '))
}

/// One bracket `[...]` at `span` (brackets included).
fn bracket(text: &str, span: Range<usize>, ctx: &BracketContext<'_>, section: Option<usize>, out: &mut Vec<Citation>) {
    let inner = span.start + 1..span.end - 1;
    let content = &text[inner.clone()];
    if content.trim().is_empty() {
        return;
    }
    if content.contains('@') && pandoc_group(text, span.clone(), section, out) {
        return;
    }
    if numbers_only(content) {
        if ctx.numbered || ctx.labels.contains(content.trim()) {
            numbered(text, span, section, out);
        }
        return;
    }
    // Items separated by `;`: `[A 2015; B and C 2015]`.
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut start = inner.start;
    for (k, c) in content.char_indices() {
        if c == ';' {
            items.push(start..inner.start + k);
            start = inner.start + k + 1;
        }
    }
    items.push(start..inner.end);
    let one = items.len() == 1;
    let mut found = Vec::new();
    for item in items {
        let trimmed_start = item.start + (text[item.clone()].len() - text[item.clone()].trim_start().len());
        let item = trimmed_start..item.start + text[item.clone()].trim_end().len();
        match label_item(text, item.clone(), ctx) {
            Some((label, locator, authors, year)) => {
                let mut c = bare(CitationKind::Bracketed, text, if one { span.clone() } else { item }, section);
                c.label = Some(label);
                c.locator = locator;
                if let Some((authors, et_al)) = authors {
                    c.authors = authors;
                    c.et_al = et_al;
                }
                c.year = year;
                found.push(c);
            }
            None => return,
        }
    }
    out.extend(found);
}

type LabelItem = (String, Option<String>, Option<(Vec<String>, bool)>, Option<crate::model::Year>);

/// One item of a label bracket: a label the list prints, or names and a year; then an
/// optional locator after a comma.
fn label_item(text: &str, item: Range<usize>, ctx: &BracketContext<'_>) -> Option<LabelItem> {
    let s = &text[item.clone()];
    // A label the list prints, the longest first, then a locator after a comma.
    let mut best: Option<(usize, &str)> = None;
    let ends = s.match_indices(',').map(|(k, _)| k).chain(std::iter::once(s.len()));
    for k in ends {
        let head = &s[..k];
        if k > 0 && ctx.labels.contains(&norm(head)) {
            best = Some((k, head));
        }
    }
    let (label_end, label) = match best {
        Some((k, head)) => (k, norm(head)),
        None => {
            // Names and a year: `Hall 1980`, `Lee et al. 2010`, `Cordon-Garcia et al., 2013`.
            let mut toks: Vec<Token> = Vec::new();
            lex(text, item.clone(), &mut toks);
            let lx = Lexed::over(text, &toks);
            let run = parse_run(&lx, 0)?;
            let mut j = run.next;
            if lx.kind(j) == Some(Kind::Comma) {
                j += 1;
            }
            let year = parse_year(&lx, j)?;
            let end = year.span.end - item.start;
            let after = &s[end..];
            if !(after.trim().is_empty() || after.starts_with(',')) {
                return None;
            }
            let label = norm(&s[..end]);
            let loc = after.strip_prefix(',').map(str::trim).filter(|l| !l.is_empty());
            if loc.is_some_and(|l| !is_locator(l)) {
                return None;
            }
            return Some((label, loc.map(norm), Some((run.authors, run.et_al)), Some(year.year)));
        }
    };
    let rest = &s[label_end..];
    let loc = rest.strip_prefix(',').map(str::trim).filter(|l| !l.is_empty()).map(norm);
    // The names and year, when the label reads as them, for resolving against a list
    // that prints no labels.
    let mut toks: Vec<Token> = Vec::new();
    lex(text, item.start..item.start + label_end, &mut toks);
    let lx = Lexed::over(text, &toks);
    let (authors, year) = match parse_run(&lx, 0) {
        Some(run) => {
            let j = if lx.kind(run.next) == Some(Kind::Comma) { run.next + 1 } else { run.next };
            (Some((run.authors, run.et_al)), parse_year(&lx, j).map(|y| y.year))
        }
        None => (None, None),
    };
    Some((label, loc, authors, year))
}

/// A numbered citation `[3, 7-9]` or `(12)`: one citation per number, a range expanded
/// (up to 50 numbers).
fn numbered(text: &str, span: Range<usize>, section: Option<usize>, out: &mut Vec<Citation>) {
    let inner = span.start + 1..span.end - 1;
    let content = &text[inner.clone()];
    let parts: Vec<(usize, &str)> = content
        .split(',')
        .scan(0, |at, part| {
            let start = *at;
            *at += part.len() + 1;
            Some((start, part))
        })
        .collect();
    let many = parts.len() > 1 || content.contains(['-', '\u{2013}']);
    for (offset, part) in parts {
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = part.len() - part.trim_start().len();
        let item = inner.start + offset + lead..inner.start + offset + lead + trimmed.len();
        let mut bounds = trimmed.split(['-', '\u{2013}']).map(|n| n.trim().parse::<u32>());
        let (Some(Ok(lo)), hi) = (bounds.next(), bounds.next()) else { continue };
        let hi = match hi {
            Some(Ok(h)) if h >= lo && h - lo < 50 => h,
            Some(_) => lo,
            None => lo,
        };
        for n in lo..=hi {
            let mut c = bare(CitationKind::Numbered, text, if many { item.clone() } else { span.clone() }, section);
            c.label = Some(n.to_string());
            out.push(c);
        }
    }
}

/// The characters of a pandoc citation key: alphanumerics and `_:.#$%&-+?<>~/`, not
/// ending in punctuation.
fn key_len(s: &str) -> usize {
    let mut end = 0;
    for (k, c) in s.char_indices() {
        if c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c) {
            end = k + c.len_utf8();
        } else {
            break;
        }
    }
    let key = &s[..end];
    key.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_').len()
}

/// A pandoc bracket `[see @a, p. 33; -@b]`: one citation per `@key`. Returns whether the
/// bracket read as one.
fn pandoc_group(text: &str, span: Range<usize>, section: Option<usize>, out: &mut Vec<Citation>) -> bool {
    let inner = span.start + 1..span.end - 1;
    let content = &text[inner.clone()];
    let mut found = Vec::new();
    let mut at = 0;
    let items: Vec<&str> = content.split(';').collect();
    for item in &items {
        let base = inner.start + at;
        at += item.len() + 1;
        let Some(k) = item.find('@') else { return false };
        let before = &item[..k];
        if before.ends_with(|c: char| c.is_alphanumeric()) && !before.ends_with('-') {
            return false;
        }
        let suppress = before.ends_with('-');
        let len = key_len(&item[k + 1..]);
        if len == 0 {
            return false;
        }
        let key = &item[k + 1..k + 1 + len];
        let after = item[k + 1 + len..].trim();
        let loc = after.strip_prefix(',').map(str::trim).filter(|l| !l.is_empty()).map(norm);
        let lead = item.len() - item.trim_start().len();
        let item_span = base + lead..base + item.trim_end().len();
        let mut c = bare(CitationKind::Pandoc, text, if items.len() == 1 { span.clone() } else { item_span }, section);
        c.label = Some(key.to_string());
        c.locator = loc;
        if suppress {
            c.context = Vec::new();
        }
        found.push(c);
    }
    out.extend(found);
    true
}

/// Pandoc's in-text form `@key` or `@key [p. 33]` at byte `at` (the `@`). Returns where
/// the citation ends, if it is one.
fn in_text_pandoc(text: &str, at: usize, end: usize, section: Option<usize>, out: &mut Vec<Citation>) -> Option<usize> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '[' | '-' | '.' | '_')) {
        return None;
    }
    let len = key_len(&text[at + 1..end]);
    if len == 0 || !text[at + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let key_end = at + 1 + len;
    let mut stop = key_end;
    let mut locator = None;
    let rest = &text[key_end..end];
    if let Some(r) = rest.strip_prefix(" [") {
        if let Some(c) = r.find(']').filter(|&c| c < 100 && !r[..c].contains(['@', '['])) {
            locator = Some(norm(&r[..c]));
            stop = key_end + 2 + c + 1;
        }
    }
    let mut cit = bare(CitationKind::Pandoc, text, at..stop, section);
    cit.label = Some(text[at + 1..key_end].to_string());
    cit.locator = locator;
    out.push(cit);
    Some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, labels: &[&str], numbered: bool) -> Vec<(String, Option<String>, Option<String>)> {
        let labels: HashSet<String> = labels.iter().map(|s| s.to_string()).collect();
        let ctx = BracketContext { labels: &labels, numbered };
        let mut out = Vec::new();
        scan(text, 0..text.len(), &ctx, None, &mut out);
        out.into_iter().map(|c| (c.text, c.label, c.locator)).collect()
    }

    #[test]
    fn locators() {
        for l in ["11", "25–8", "xiii–xiv", "n. p.", "p. 12", "190 n31", "198, emphasis added"] {
            assert!(is_locator(l), "{l}");
        }
        assert!(!is_locator("Encoding"));
    }

    #[test]
    fn not_citations() {
        assert!(run("in [Paris] and [sic] or [S]creed, [The Long Title]", &[], false).is_empty());
        assert!(run("a note call[3] here", &[], false).is_empty());
        assert!(run("mail me at a@b.org", &[], false).is_empty());
    }
}
