//! Works named in the prose by a year and a word for the work: `Hall's 1980 essay`,
//! `Bourne, whose 1916 essay`, `a widely read 1997 article` (the author named earlier in
//! the paragraph).

use super::brackets::bare;
use super::extract::{Citation, CitationKind, NameGroup};
use super::lex::{in_list, is_cap, parse_run, parse_year, Kind, Lexed, Token, WordList};
use std::ops::Range;

/// Words for a work, after its year: `1916 essay`.
const WORK_WORDS: WordList = WordList {
    words: &[
        "address",
        "article",
        "articles",
        "book",
        "books",
        "chapter",
        "dissertation",
        "essay",
        "essays",
        "lecture",
        "manifesto",
        "monograph",
        "novel",
        "paper",
        "papers",
        "piece",
        "report",
        "review",
        "speech",
        "study",
        "thesis",
        "treatise",
        "volume",
    ],
    longest: 12,
};

/// How far back (in tokens) the names for a work named without them are looked for.
const BACK: usize = 300;

/// Finds the prose citations of a paragraph, given its tokens.
///
/// Complexity: linear in the number of tokens, plus a bounded look-back per citation.
pub(crate) fn prose_citations(text: &str, toks: &[Token], section: Option<usize>, out: &mut Vec<Citation>) {
    let lx = Lexed::over(text, toks);
    let mut depth = 0i32;
    for i in 0..toks.len() {
        match toks[i].kind {
            Kind::Open => depth += 1,
            Kind::Close => depth -= 1,
            _ => {}
        }
        if depth > 0 || toks[i].kind != Kind::Number || toks[i].end - toks[i].start != 4 {
            continue;
        }
        if !lx.word(i + 1).is_some_and(|w| in_list(w, &WORK_WORDS)) {
            continue;
        }
        let Some(year) = parse_year(&lx, i).filter(|y| y.next == i + 1 && y.year.year.is_some()) else { continue };
        // A possessive name just before: `Hall's 1980 essay`, `Portes' 1997 article`.
        let mut owner: Option<(Vec<String>, bool, usize)> = None;
        if i >= 1 {
            let (w, end) = if lx.kind(i - 1) == Some(Kind::Quote) && i >= 2 {
                (lx.word(i - 2).filter(|w| w.ends_with('s')), i - 1)
            } else {
                (lx.word(i - 1).and_then(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"))), i)
            };
            if let Some(name) = w.filter(|w| is_cap(w)) {
                let first = (end.saturating_sub(4)..end).find_map(|s| parse_run(&lx, s).filter(|r| r.next >= end - 1));
                let authors = match first {
                    Some(r) => {
                        let mut a = r.authors.clone();
                        if let Some(last) = a.last_mut() {
                            *last = last.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string();
                        }
                        (a, r.et_al, toks[r.first].start)
                    }
                    None => (vec![name.trim_end_matches('\'').to_string()], false, toks[end - 1].start),
                };
                owner = Some(authors);
            }
        }
        let end = toks[i + 1].end;
        let span: Range<usize> = owner.as_ref().map_or(year.span.start, |o| o.2)..end;
        let mut c = bare(CitationKind::Prose, text, span, section);
        c.year = Some(year.year);
        match owner {
            Some((authors, et_al, _)) => {
                c.authors = authors;
                c.et_al = et_al;
            }
            None => c.context = names_before(&lx, i),
        }
        out.push(c);
    }
}

/// Name groups written before token `i` in the paragraph, nearest first (at most 8).
fn names_before(lx: &Lexed<'_>, i: usize) -> Vec<NameGroup> {
    let mut groups = Vec::new();
    let floor = i.saturating_sub(BACK);
    let mut k = floor;
    let mut found: Vec<NameGroup> = Vec::new();
    while k < i {
        if lx.word(k).is_some_and(is_cap) {
            if let Some(r) = parse_run(lx, k).filter(|r| r.next <= i) {
                found.push(NameGroup { authors: r.authors, et_al: r.et_al, span: r.span });
                k = r.next.max(k + 1);
                continue;
            }
        }
        k += 1;
    }
    while let Some(g) = found.pop() {
        if groups.len() == 8 {
            break;
        }
        groups.push(g);
    }
    groups
}
