//! The small lexical layer under the citation extractor: tokens, author names, years and
//! page locators, read from running text.
//!
//! Everything here works on byte offsets into the original text, so that a citation keeps
//! its exact span. Markdown emphasis markers (`*`, `_`) and backslash escapes are
//! transparent: `*et al.*` reads as `et al.`.

use crate::model::Year;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits), with inner hyphens or apostrophes: `Ben-Rafael`, `O'Brien`.
    Word,
    /// Starts with a digit: `1999`, `2001a`, `124-5`.
    Number,
    Comma,
    Semi,
    Colon,
    Dot,
    Amp,
    Open,
    Close,
    /// A quotation mark or apostrophe standing alone.
    Quote,
    /// Any other character.
    Other,
}

/// A token: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\'' | '\u{2019}')
}

fn is_transparent(c: char) -> bool {
    matches!(c, '*' | '_' | '\\')
}

/// Tokens of `text[range]`, appended to `out`. `range` must lie on char boundaries.
pub(crate) fn lex(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    let s = &text[range];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || is_transparent(c) {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            loop {
                match chars.peek().copied() {
                    Some((j, d)) if d.is_alphanumeric() => {
                        chars.next();
                        end = j + d.len_utf8();
                    }
                    Some((j, d)) if is_joiner(d) => {
                        // A joiner counts only between two alphanumerics.
                        let after = s[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            chars.next();
                            end = j + d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let kind = if c.is_ascii_digit() { Kind::Number } else { Kind::Word };
            out.push(Token { kind, start: base + i, end: base + end });
            continue;
        }
        let kind = match c {
            ',' => Kind::Comma,
            ';' => Kind::Semi,
            ':' => Kind::Colon,
            '.' => Kind::Dot,
            '&' => Kind::Amp,
            '(' => Kind::Open,
            ')' => Kind::Close,
            '\'' | '"' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' => Kind::Quote,
            _ => Kind::Other,
        };
        out.push(Token { kind, start: base + i, end: base + i + c.len_utf8() });
    }
}

// The word lists below are sorted, for `in_list`'s binary search; a test checks it.

/// Words that may stand, in lowercase, inside or before a family name: `van der Berg`,
/// `de la Cruz`, `Escala y Rabadan`.
pub(crate) const PARTICLES: WordList = WordList {
    words: &[
        "af", "al", "av", "bin", "da", "das", "de", "degli", "del", "della", "delle", "den", "der", "des", "di", "do",
        "dos", "du", "el", "ibn", "la", "las", "le", "lo", "los", "op", "te", "ten", "ter", "van", "von", "y", "zu",
        "zum",
    ],
    longest: 5,
};

/// Lowercase words that may stand between the capitalised words of an organisation's
/// name: `Center for Global Development`, `Ministry of Foreign Affairs`.
const CONNECTORS: WordList = WordList { words: &["for", "of", "on", "para", "pour", "the", "und"], longest: 4 };

/// Capitalised words that begin sentences or clauses rather than names; they are dropped
/// from the front of a run of capitalised words (`Yet Bourne` → `Bourne`).
const STOPWORDS: WordList = WordList {
    words: &[
        "a",
        "according",
        "accordingly",
        "after",
        "again",
        "all",
        "also",
        "although",
        "among",
        "an",
        "and",
        "another",
        "any",
        "as",
        "at",
        "because",
        "before",
        "between",
        "both",
        "but",
        "by",
        "cf",
        "consequently",
        "despite",
        "during",
        "e.g",
        "each",
        "earlier",
        "ed",
        "eds",
        "eg",
        "even",
        "every",
        "few",
        "finally",
        "first",
        "following",
        "for",
        "from",
        "furthermore",
        "given",
        "he",
        "hence",
        "her",
        "here",
        "his",
        "how",
        "however",
        "i",
        "ie",
        "if",
        "in",
        "indeed",
        "instead",
        "ironically",
        "it",
        "its",
        "just",
        "later",
        "less",
        "like",
        "likewise",
        "many",
        "meanwhile",
        "more",
        "moreover",
        "most",
        "my",
        "nevertheless",
        "no",
        "nonetheless",
        "nor",
        "not",
        "notably",
        "now",
        "of",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "per",
        "perhaps",
        "recently",
        "second",
        "see",
        "she",
        "similarly",
        "since",
        "so",
        "some",
        "still",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "third",
        "this",
        "those",
        "though",
        "three",
        "thus",
        "to",
        "today",
        "two",
        "unless",
        "unlike",
        "until",
        "using",
        "via",
        "we",
        "what",
        "when",
        "where",
        "whereas",
        "whether",
        "which",
        "while",
        "who",
        "why",
        "with",
        "within",
        "without",
        "yet",
    ],
    longest: 12,
};

/// A view of tokens of a text, with accessors.
pub(crate) struct Lexed<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Lexed<'a> {
    /// A view of `toks`, tokens of `text`.
    pub fn over(text: &'a str, toks: &'a [Token]) -> Self {
        Lexed { text, toks }
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The token's text if it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        (self.kind(i) == Some(Kind::Word)).then(|| self.str(i))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// Whether tokens `i` and `i + 1` are separated only by spaces and at most one line
    /// break (no blank line, no punctuation).
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => {
                let gap = &self.text[a.end..b.start];
                gap.chars().all(|c| c.is_whitespace() || is_transparent(c)) && gap.matches('\n').count() <= 1
            }
            _ => false,
        }
    }
}

/// Whether a word is capitalised, as a name is: `Portes`, `UN`, `MaMung`, `d'Alembert`.
pub(crate) fn is_cap(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            matches!(chars.next(), Some('\'' | '\u{2019}')) && chars.next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// A sorted list of lowercase ASCII words, and the length of its longest.
pub(crate) struct WordList {
    pub(crate) words: &'static [&'static str],
    pub(crate) longest: usize,
}

/// Whether the word, in lowercase, is one of `list`. Allocation-free: a word longer than
/// the list's longest, or not ASCII, is in no list.
pub(crate) fn in_list(word: &str, list: &WordList) -> bool {
    let b = word.as_bytes();
    if b.len() > list.longest || b.len() > 16 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..b.len()];
    list.words.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Whether a word may start a run of names: a capitalised word or a particle.
pub(crate) fn may_start_run(word: &str) -> bool {
    is_cap(word) || in_list(word, &PARTICLES)
}

/// Whether a word may stand inside a run of names: a capitalised word, a particle, a
/// connector, `and`, or the `et al` of `et al.`.
pub(crate) fn may_be_in_run(word: &str) -> bool {
    may_start_run(word)
        || in_list(word, &CONNECTORS)
        || ["and", "et", "al"].iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn is_stopword(word: &str) -> bool {
    in_list(word, &STOPWORDS)
}

/// A run of author names as written: `Nye and Keohane`, `Portes et al.`,
/// `Glick Schiller, Basch and Blanc-Szanton`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// One string per author, as written (spaces collapsed, emphasis removed).
    pub authors: Vec<String>,
    /// Whether `et al.` follows the names.
    pub et_al: bool,
    /// The byte range of the run, from its first name to the end of `et al.`.
    pub span: Range<usize>,
    /// The index of the run's first token.
    pub first: usize,
    /// The index of the token after the run.
    pub next: usize,
}

/// The name's text from token `a` to token `b` (inclusive), spaces collapsed, emphasis
/// and escapes removed.
fn name_text(lx: &Lexed<'_>, a: usize, b: usize) -> String {
    let raw = &lx.text[lx.toks[a].start..lx.toks[b].end];
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !is_transparent(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// One name: adjacent words, at least one capitalised, particles and connectors only
/// between or (particles) before them. Returns the first and last token.
fn parse_name(lx: &Lexed<'_>, i: usize, trim_stopwords: bool) -> Option<(usize, usize)> {
    let mut j = i;
    let mut first_cap = None;
    let mut last_cap = None;
    while let Some(w) = lx.word(j) {
        if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("et") {
            break;
        }
        if is_cap(w) {
            first_cap.get_or_insert(j);
            last_cap = Some(j);
        } else if in_list(w, &PARTICLES) || (last_cap.is_some() && in_list(w, &CONNECTORS)) {
        } else {
            break;
        }
        if !lx.adjacent(j) {
            break;
        }
        j += 1;
    }
    let (first_cap, last_cap) = (first_cap?, last_cap?);
    // A name does not start with a connector; particles may lead only if a capital follows.
    let mut start = if lx.word(i).is_some_and(|w| in_list(w, &CONNECTORS)) { first_cap } else { i };
    if trim_stopwords {
        let connector = |w: &str| in_list(w, &CONNECTORS);
        while start < last_cap && lx.word(start).is_some_and(|w| is_stopword(w) || connector(w)) {
            start += 1;
        }
        if start == last_cap && lx.word(start).is_some_and(is_stopword) {
            return None;
        }
    }
    Some((start, last_cap))
}

/// Reads a run of author names starting at token `i`. Names are separated by `and`, `&`,
/// or commas (commas only in a list closed by `and` or `&`). Leading sentence words
/// (`Yet`, `As`) are dropped from the first name.
pub(crate) fn parse_run(lx: &Lexed<'_>, i: usize) -> Option<Run> {
    #[derive(PartialEq)]
    enum Sep {
        And,
        Comma,
    }
    let first = parse_name(lx, i, true)?;
    let mut names = vec![first];
    let mut seps: Vec<Sep> = Vec::new();
    let mut j = first.1 + 1;
    let mut et_al = false;
    let mut et_al_end = None;
    loop {
        if lx.word_is(j, "et") && lx.word_is(j + 1, "al") {
            et_al = true;
            j += 2;
            if lx.kind(j) == Some(Kind::Dot) {
                j += 1;
            }
            et_al_end = Some(j - 1);
            break;
        }
        let (sep, at) = if lx.word_is(j, "and") || lx.kind(j) == Some(Kind::Amp) {
            (Sep::And, j + 1)
        } else if lx.kind(j) == Some(Kind::Comma) {
            if lx.word_is(j + 1, "and") || lx.kind(j + 1) == Some(Kind::Amp) {
                (Sep::And, j + 2)
            } else {
                (Sep::Comma, j + 1)
            }
        } else {
            break;
        };
        match parse_name(lx, at, false) {
            Some(n) => {
                names.push(n);
                seps.push(sep);
                j = n.1 + 1;
            }
            None => break,
        }
    }
    // Commas separate names only in a list that an `and` closes.
    let last_and = seps.iter().rposition(|s| *s == Sep::And);
    let keep = match last_and {
        Some(a) => a + 2,
        None => 1,
    };
    if keep < names.len() {
        names.truncate(keep);
        et_al = false;
        et_al_end = None;
        j = names[keep - 1].1 + 1;
    }
    let authors = names.iter().map(|&(a, b)| name_text(lx, a, b)).collect();
    let last = et_al_end.unwrap_or(names[names.len() - 1].1);
    Some(Run { authors, et_al, span: lx.toks[names[0].0].start..lx.toks[last].end, first: names[0].0, next: j })
}

/// A year as a citation gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearTok {
    pub year: Year,
    pub span: Range<usize>,
    pub next: usize,
}

/// Reads a year at token `i`: `1999`, `2001a`, `1956/1998`, `n.d.`, `in press`,
/// `forthcoming`. `1990s` is a decade, not a year.
pub(crate) fn parse_year(lx: &Lexed<'_>, i: usize) -> Option<YearTok> {
    let t = *lx.toks.get(i)?;
    match t.kind {
        Kind::Number => {
            let mut year = year_number(lx.str(i))?;
            let mut next = i + 1;
            let mut end = t.end;
            // A reprint: `1956/1998`.
            if lx.kind(i + 1) == Some(Kind::Other) && lx.str(i + 1) == "/" && lx.adjacent(i) {
                if let Some(later) = lx.toks.get(i + 2).filter(|_| lx.kind(i + 2) == Some(Kind::Number)) {
                    if let Some(y) = year_number(lx.str(i + 2)) {
                        if year.suffix.is_none() {
                            let original = year.year;
                            year = y;
                            year.original = original;
                            next = i + 3;
                            end = later.end;
                        }
                    }
                }
            }
            // The original year in square brackets after the edition's: `2013, [2010]`,
            // `2013 [2010]`.
            let open = if lx.kind(next) == Some(Kind::Comma) { next + 1 } else { next };
            if year.original.is_none()
                && year.suffix.is_none()
                && lx.kind(open) == Some(Kind::Other)
                && lx.str(open) == "["
                && lx.kind(open + 1) == Some(Kind::Number)
                && lx.kind(open + 2) == Some(Kind::Other)
                && lx.str(open + 2) == "]"
            {
                if let Some(first) = year_number(lx.str(open + 1)).filter(|y| y.suffix.is_none()).and_then(|y| y.year) {
                    year.original = Some(first);
                    next = open + 3;
                    end = lx.toks[open + 2].end;
                }
            }
            Some(YearTok { year, span: t.start..end, next })
        }
        Kind::Word => {
            let w = lx.str(i);
            if w.len() > 11 {
                return None;
            }
            let mut buf = [0u8; 11];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf.make_ascii_lowercase();
            let status = |s: &str, next: usize, end: usize| {
                Some(YearTok {
                    year: Year { status: Some(s.to_string()), ..Year::default() },
                    span: t.start..end,
                    next,
                })
            };
            match &buf[..w.len()] {
                b"n" if lx.kind(i + 1) == Some(Kind::Dot) && lx.word_is(i + 2, "d") => {
                    let (next, end) = if lx.kind(i + 3) == Some(Kind::Dot) {
                        (i + 4, lx.toks[i + 3].end)
                    } else {
                        (i + 3, lx.toks[i + 2].end)
                    };
                    status("n.d.", next, end)
                }
                b"nd" => status("n.d.", i + 1, t.end),
                b"forthcoming" => status("forthcoming", i + 1, t.end),
                b"in" if lx.word_is(i + 1, "press") => status("in press", i + 2, lx.toks[i + 1].end),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `1999` or `2001a` (a one-letter suffix other than the `s` of a decade).
fn year_number(s: &str) -> Option<Year> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    match &b[4..] {
        [] => Some(Year::new(y)),
        [c] if c.is_ascii_lowercase() && *c != b's' => Some(Year::with_suffix(y, char::from(*c))),
        _ => None,
    }
}

/// Words that introduce a page or other locator: `p. 12`, `pp. 3–4`, `ch. 2`.
const LOCATOR_WORDS: WordList = WordList {
    words: &[
        "ch", "chap", "chapter", "col", "fig", "fn", "n", "note", "p", "page", "pages", "para", "paras", "pp", "sec",
    ],
    longest: 7,
};

/// A locator: its byte range and the token after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocatorTok {
    pub span: Range<usize>,
    pub next: usize,
}

fn is_page(lx: &Lexed<'_>, i: usize) -> bool {
    match lx.kind(i) {
        Some(Kind::Number) => lx.str(i).len() <= 12 && year_number(lx.str(i)).is_none_or(|_| lx.str(i).len() <= 4),
        Some(Kind::Word) => {
            let w = lx.str(i);
            w.len() <= 8 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')) || w == "passim"
        }
        _ => false,
    }
}

/// Pages from token `i`: `219`, `124-5`, `12, 30`, `3 – 4`, `xii`. A following number
/// that reads as a year with a locator of its own (`2001b: 22`) is not a page.
fn parse_pages(lx: &Lexed<'_>, i: usize) -> Option<(usize, usize)> {
    if !is_page(lx, i) {
        return None;
    }
    let mut last = i;
    loop {
        let j = last + 1;
        let dash = lx.kind(j) == Some(Kind::Other) && matches!(lx.str(j), "-" | "\u{2013}" | "\u{2014}");
        if (dash || lx.kind(j) == Some(Kind::Comma)) && is_page(lx, j + 1) {
            let next_is_year = year_number(lx.str(j + 1)).is_some()
                && matches!(lx.kind(j + 2), Some(Kind::Colon | Kind::Comma | Kind::Semi | Kind::Close) | None);
            if lx.kind(j) == Some(Kind::Comma) && next_is_year {
                break;
            }
            last = j + 1;
        } else {
            break;
        }
    }
    Some((i, last))
}

/// Reads a locator after a year, at token `i`: `: 219`, `: 124-5`, `, p. 12`,
/// `, pp. 3–4`, `p. 12`.
pub(crate) fn parse_locator(lx: &Lexed<'_>, i: usize) -> Option<LocatorTok> {
    let mut j = i;
    match lx.kind(j)? {
        Kind::Colon => j += 1,
        Kind::Comma => {
            j += 1;
            if !lx.word(j).is_some_and(|w| in_list(w, &LOCATOR_WORDS)) {
                return None;
            }
        }
        Kind::Word => {}
        _ => return None,
    }
    let start_tok = j;
    if lx.word(j).is_some_and(|w| in_list(w, &LOCATOR_WORDS)) && !is_page(lx, j) {
        j += 1;
        if lx.kind(j) == Some(Kind::Dot) {
            j += 1;
        }
    } else if lx.kind(i) != Some(Kind::Colon) {
        return None;
    }
    let (_, last) = parse_pages(lx, j)?;
    Some(LocatorTok { span: lx.toks[start_tok].start..lx.toks[last].end, next: last + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexed(s: &str) -> Lexed<'_> {
        let mut toks = Vec::new();
        lex(s, 0..s.len(), &mut toks);
        Lexed::over(s, Vec::leak(toks))
    }

    fn strs<'a>(lx: &Lexed<'a>) -> Vec<&'a str> {
        (0..lx.toks.len()).map(|i| lx.str(i)).collect()
    }

    #[test]
    fn word_lists_are_sorted_lowercase_ascii() {
        for list in [&PARTICLES, &CONNECTORS, &STOPWORDS, &LOCATOR_WORDS] {
            let words = list.words;
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
            assert!(words.iter().all(|w| w.len() <= 16 && w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii())));
            assert_eq!(words.iter().map(|w| w.len()).max(), Some(list.longest));
        }
        assert!(in_list("The", &STOPWORDS) && in_list("van", &PARTICLES) && !in_list("Portes", &STOPWORDS));
    }

    #[test]
    fn lexes_names_numbers_and_punctuation() {
        let lx = lexed("(Ben-Rafael, 2010: 124-5; *et al.* O'Brien's) 3–4 nation'");
        assert_eq!(
            strs(&lx),
            [
                "(",
                "Ben-Rafael",
                ",",
                "2010",
                ":",
                "124-5",
                ";",
                "et",
                "al",
                ".",
                "O'Brien's",
                ")",
                "3–4",
                "nation",
                "'"
            ]
        );
        assert_eq!(lx.kind(12), Some(Kind::Number));
    }

    #[test]
    fn runs_of_names() {
        let cases: &[(&str, &[&str], bool)] = &[
            ("Nye and Keohane, 1971", &["Nye", "Keohane"], false),
            ("Portes et al., 1999", &["Portes"], true),
            ("Glick Schiller, Basch and Blanc-Szanton (1995)", &["Glick Schiller", "Basch", "Blanc-Szanton"], false),
            ("Yet Bourne argued", &["Bourne"], false),
            ("United Nations Development Program. (2009)", &["United Nations Development Program"], false),
            ("Center for Global Development 2005", &["Center for Global Development"], false),
            ("van der Berg & Smith 2000", &["van der Berg", "Smith"], false),
            ("Levitt, Waters 2002", &["Levitt"], false),
        ];
        for (text, authors, et_al) in cases {
            let lx = lexed(text);
            let run = parse_run(&lx, 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (run.authors.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), run.et_al),
                (*authors, *et_al),
                "{text}"
            );
        }
        assert!(parse_run(&lexed("In the"), 0).is_none());
        assert!(parse_run(&lexed("translation, Diasporas"), 0).is_none());
    }

    #[test]
    fn years_and_not_years() {
        let year = |s: &str| parse_year(&lexed(s), 0).map(|y| y.year.to_string());
        assert_eq!(year("2001a"), Some("2001a".into()));
        assert_eq!(year("1956/1998"), Some("1956/1998".into()));
        assert_eq!(year("n.d."), Some("n.d.".into()));
        assert_eq!(year("in press"), Some("in press".into()));
        // The original year in brackets: `2013, [2010]`.
        assert_eq!(year("2013, [2010])"), Some("2010/2013".into()));
        assert_eq!(year("2013 [2010]"), Some("2010/2013".into()));
        assert_eq!(year("2013, [p. 4]"), Some("2013".into()));
        for not in ["1990s", "199", "12345", "1999–2004", "0999", "early"] {
            assert_eq!(year(not), None, "{not}");
        }
    }

    #[test]
    fn locators() {
        let loc = |s: &str| {
            let lx = lexed(s);
            parse_locator(&lx, 0).map(|l| s[l.span].to_string())
        };
        assert_eq!(loc(": 124-5)"), Some("124-5".into()));
        assert_eq!(loc(": 12, 30)"), Some("12, 30".into()));
        assert_eq!(loc(", p. 12)"), Some("p. 12".into()));
        assert_eq!(loc(", pp. 3–4)"), Some("pp. 3–4".into()));
        assert_eq!(loc(" p. 12"), Some("p. 12".into()));
        assert_eq!(loc(": 12, 2001b: 22"), Some("12".into()));
        assert_eq!(loc(", emphasis added"), None);
        assert_eq!(loc(": see"), None);
    }
}
