//! Notes and the forms that live in them or beside them: a note's number (`[3] text`,
//! `3. text`, `[^3]: text`), the calls of notes in the text (`[3]`, `[^3]`), `Ibid.`,
//! `Id.`, `op. cit.`, `loc. cit.`; and author-page citations with no year, as MLA prints
//! them (`(Hall 11)`, `(Hall, Encoding 11)`).

use super::brackets::bare;
use super::extract::{Citation, CitationKind};
use super::lex::{is_cap, parse_run, Kind, Lexed, Token};
use std::ops::Range;

/// The number of the note a paragraph of a notes section holds: `[3] text`, `[^3]: text`,
/// `3. text`, `3 text`.
pub(crate) fn note_number(para: &str) -> Option<u32> {
    let p = para.trim_start();
    let inner = p.strip_prefix("[^").or_else(|| p.strip_prefix('[')).unwrap_or(p);
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let bracketed = inner.len() != p.len();
    if digits == 0 || digits > 4 || !bracketed && digits > 3 {
        return None;
    }
    let after = &inner[digits..];
    let ok = if bracketed { after.starts_with(']') } else { after.starts_with(['.', ')', ' ', '\t']) };
    ok.then(|| inner[..digits].parse().ok()).flatten()
}

/// The note calls of a paragraph outside the notes: `[3]` and `[^3]` (not at the very
/// start of the paragraph, where they number a note).
pub(crate) fn note_calls(text: &str, para: Range<usize>, out: &mut Vec<(u32, Range<usize>)>) {
    let p = &text[para.clone()];
    let bytes = p.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'[') {
        let at = i + k;
        let start = if bytes.get(at + 1) == Some(&b'^') { at + 2 } else { at + 1 };
        let digits = bytes[start.min(bytes.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
        if (1..=3).contains(&digits) && bytes.get(start + digits) == Some(&b']') && at > 0 {
            if let Ok(n) = p[start..start + digits].parse() {
                out.push((n, para.start + at..para.start + start + digits + 1));
            }
        }
        i = at + 1;
    }
}

/// `Ibid.`, `Id.`, `op. cit.` and `loc. cit.` in a note, each with the locator that
/// follows (`Ibid., 45`); `op. cit.` and `loc. cit.` with the name written before them
/// (`Hall, op. cit., 12`).
pub(crate) fn ibid(text: &str, para: Range<usize>, section: Option<usize>, out: &mut Vec<Citation>) {
    let p = &text[para.clone()];
    for (word, needs_name) in
        [("Ibid.", false), ("ibid.", false), ("Id.", false), ("op. cit.", true), ("loc. cit.", true)]
    {
        let mut from = 0;
        while let Some(k) = p[from..].find(word) {
            let at = from + k;
            from = at + word.len();
            if p[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let mut end = at + word.len();
            let mut locator = None;
            let rest = &p[end..];
            let r = rest.trim_start_matches([',', ' ']);
            let pages: usize = r
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '\u{2013}' | ',' | ' '))
                .map(char::len_utf8)
                .sum();
            let pages_text = r[..pages].trim_end_matches([',', ' ']);
            if !pages_text.is_empty() && pages_text.starts_with(|c: char| c.is_ascii_digit()) {
                locator = Some(pages_text.to_string());
                end = end + (rest.len() - r.len()) + pages_text.len();
            }
            let mut start = at;
            let mut authors = Vec::new();
            if needs_name {
                // The name before: `Hall, op. cit.`.
                let before = p[..at].trim_end().trim_end_matches(',').trim_end();
                let name_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
                let name = &before[name_start..];
                if is_cap(name) {
                    authors.push(name.to_string());
                    start = name_start;
                }
            }
            let mut c = bare(CitationKind::Ibid, text, para.start + start..para.start + end, section);
            c.authors = authors;
            c.locator = locator;
            c.label = Some(word.trim_end_matches('.').to_lowercase());
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.span.start);
}

/// Author-page citations in the parentheses of a paragraph: `(Hall 11)`,
/// `(Hall, Encoding 11-13)`, `(Hall and Lee 11; Ong 5)`. A number that reads as a year
/// with no title words before it is left to the author-date reader.
pub(crate) fn author_page(text: &str, toks: &[Token], section: Option<usize>, out: &mut Vec<Citation>) {
    let mut stack: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Open => stack.push(i),
            Kind::Close => {
                if let Some(o) = stack.pop() {
                    let inner = Lexed::over(text, &toks[o + 1..i]);
                    let items = items(&inner);
                    let one = items.len() == 1;
                    for (run, title, pages, item) in items {
                        let span = if one { toks[o].start..t.end } else { item };
                        let mut c = bare(CitationKind::AuthorPage, text, span, section);
                        c.authors = run.0;
                        c.et_al = run.1;
                        c.title_words = title;
                        c.locator = Some(pages);
                        out.push(c);
                    }
                }
            }
            _ => {}
        }
    }
}

type AuthorPage = ((Vec<String>, bool), Option<String>, String, Range<usize>);

/// The items of an author-page parenthesis; empty unless every item reads as one.
fn items(lx: &Lexed<'_>) -> Vec<AuthorPage> {
    let n = lx.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(run) = parse_run(lx, i) else { return Vec::new() };
        let mut j = run.next;
        if lx.kind(j) == Some(Kind::Comma) {
            j += 1;
        }
        // Title words: capitalised words (and short lowercase ones between) before the page.
        let title_start = j;
        while j < n && lx.kind(j) == Some(Kind::Word) && j - title_start < 8 {
            j += 1;
        }
        let title = (j > title_start && lx.word(title_start).is_some_and(is_cap))
            .then(|| lx.text[lx.toks[title_start].start..lx.toks[j - 1].end].to_string());
        if j > title_start && title.is_none() {
            return Vec::new();
        }
        if lx.kind(j) != Some(Kind::Number) {
            return Vec::new();
        }
        let first = lx.str(j);
        let yearish = first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) && first.starts_with(['1', '2']);
        if yearish && title.is_none() || first.len() > 5 {
            return Vec::new();
        }
        let page_start = j;
        j += 1;
        while j + 1 < n
            && (lx.kind(j) == Some(Kind::Comma) || matches!(lx.str(j), "-" | "\u{2013}"))
            && lx.kind(j + 1) == Some(Kind::Number)
        {
            j += 2;
        }
        let pages = lx.text[lx.toks[page_start].start..lx.toks[j - 1].end].to_string();
        let item = lx.toks[run.first].start..lx.toks[j - 1].end;
        out.push(((run.authors, run.et_al), title, pages, item));
        match lx.kind(j) {
            None => break,
            Some(Kind::Semi) => i = j + 1,
            _ => return Vec::new(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers() {
        assert_eq!(note_number("[3] See Hall."), Some(3));
        assert_eq!(note_number("[^12]: See Hall."), Some(12));
        assert_eq!(note_number("4. See Hall."), Some(4));
        assert_eq!(note_number("1980 was a year."), None);
        assert_eq!(note_number("See Hall."), None);
    }
}
