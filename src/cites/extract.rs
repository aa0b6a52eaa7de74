//! Finding author-date citations in running text (plain text or Markdown).
//!
//! The forms read:
//!
//! | form | example |
//! |---|---|
//! | parenthetical | `(Portes et al., 1999: 219)`, `(Saunier, 2009)`, `(see Levitt 2001a, p. 12)` |
//! | group | `(Itzigsohn and Villacres, 2008; Waldinger et al., 2007)` |
//! | several years | `(Levitt, 2001a, 2001b)` |
//! | narrative | `Levitt and Waters (2002)`, `Raymond Aron (1966)`, `Portes's (1997)` |
//! | year only, after an author named in the prose | `Bourne argued ... (1916: 93)` |
//! | truncated | `(Vertovec,` with no year, in a parenthesis that never closes |
//!
//! Locators: `: 124-5`, `: 12, 30`, `, p. 12`, `, pp. 3–4`. Years: `1999`, `2001a`,
//! `1956/1998`, `n.d.`, `in press`. A decade (`1990s`), a range (`1999–2004`) or a year in
//! words (`the early 1950s`, `between 1999 and 2004`) is not a citation.
//!
//! Text is read paragraph by paragraph; a paragraph that a PDF page break split (the first
//! part ends mid-sentence, the next starts in lowercase) is read as one. Sections whose
//! heading names a reference or reading list are skipped: their entries are not citations.
//!
//! ```
//! use bibgraph::cites::extract::{extract, CitationKind};
//! let text = "# Intro\n\nAs Levitt and Waters (2002) show, ties persist (Portes et al., 1999: 219; Smith, 2006).\n";
//! let found = extract(text);
//! let got: Vec<(&str, CitationKind)> = found.citations.iter().map(|c| (c.text.as_str(), c.kind)).collect();
//! assert_eq!(got, [
//!     ("Levitt and Waters (2002)", CitationKind::Narrative),
//!     ("Portes et al., 1999: 219", CitationKind::Parenthetical),
//!     ("Smith, 2006", CitationKind::Parenthetical),
//! ]);
//! let portes = &found.citations[1];
//! assert_eq!((portes.authors.as_slice(), portes.et_al), (&["Portes".to_string()][..], true));
//! assert_eq!(portes.locator.as_deref(), Some("219"));
//! assert_eq!((portes.line, portes.column), (3, 49));
//! assert_eq!(found.sections[portes.section.unwrap()].title, "Intro");
//! ```

use super::brackets::{self, BracketContext};
use super::lex::{
    is_cap, lex, may_be_in_run, may_start_run, parse_locator, parse_run, parse_year, Kind, Lexed, LocatorTok, Run,
    Token, YearTok,
};
use super::sections::{heading_of, read_sections, section_at, Section};
use super::{notes, prose};
use crate::model::Year;
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// Names and year inside the parenthesis: `(Portes et al., 1999: 219)`.
    Parenthetical,
    /// Names in the sentence, year in the parenthesis: `Levitt and Waters (2002)`.
    Narrative,
    /// Only the year (and locator) in the parenthesis; the author is named earlier in the
    /// prose: `Bourne argued ... (1916: 93)`.
    YearOnly,
    /// A label in square brackets, resolved by the reference list's labels or by its
    /// names and year: `[Hall 1980, 11]`.
    Bracketed,
    /// A number in square brackets (or parentheses) against a numbered list: `[12]`,
    /// `[3, 7-9]`, `(12)`.
    Numbered,
    /// A pandoc Markdown citation, resolved by key: `[@hall1980, p. 33]`, `@hall1980 [p. 33]`.
    Pandoc,
    /// An author and page with no year (MLA): `(Hall 11)`, `(Hall, Encoding 11)`.
    AuthorPage,
    /// A work named in the prose by its author's name and year, with a word for the work:
    /// `Hall's 1980 essay`, `a widely read 1997 article` after the author is named.
    Prose,
    /// A note that refers back to the work of the note before it: `Ibid.`, `Id.`,
    /// `op. cit.`, `loc. cit.`.
    Ibid,
}

impl CitationKind {
    /// The kind's name: `parenthetical`, `narrative`, `year-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Parenthetical => "parenthetical",
            CitationKind::Narrative => "narrative",
            CitationKind::YearOnly => "year-only",
            CitationKind::Bracketed => "bracketed",
            CitationKind::Numbered => "numbered",
            CitationKind::Pandoc => "pandoc",
            CitationKind::AuthorPage => "author-page",
            CitationKind::Prose => "prose",
            CitationKind::Ibid => "ibid",
        }
    }
}

/// Names found in the prose before a year-only citation: one candidate author group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    /// The names, as written.
    pub authors: Vec<String>,
    /// Whether `et al.` follows them.
    pub et_al: bool,
    /// Where they are written.
    pub span: Range<usize>,
}

/// One citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// How it is written.
    pub kind: CitationKind,
    /// The citation as written, with line breaks and runs of spaces collapsed to one
    /// space: the whole parenthesis for a parenthesis holding one citation
    /// (`(Saunier, 2009)`), the item alone in a group (`Waldinger et al., 2007`), names and
    /// parenthesis for a narrative citation (`Levitt and Waters (2002)`), the parenthesis
    /// for a year-only one (`(1916: 93)`), and up to the names for a truncated one
    /// (`(Vertovec,`).
    pub text: String,
    /// The byte range of [`text`](Self::text) in the input.
    pub span: Range<usize>,
    /// 1-based line of the start of the citation.
    pub line: u32,
    /// 1-based column (in characters) of the start of the citation.
    pub column: u32,
    /// The cited names as written: family names or organisations (`Glick Schiller`,
    /// `UN Development Program`). Empty for a year-only citation: see
    /// [`context`](Self::context).
    pub authors: Vec<String>,
    /// Whether the names are followed by `et al.`.
    pub et_al: bool,
    /// The year as cited; `None` only for a truncated citation.
    pub year: Option<Year>,
    /// Where in the cited work, as written: `219`, `124-5`, `p. 12`.
    pub locator: Option<String>,
    /// The index of the section (in [`Extraction::sections`]) the citation is in.
    pub section: Option<usize>,
    /// The parenthesis never closes (within its paragraph).
    pub unclosed: bool,
    /// For a year-only citation: the names written earlier in the same paragraph, nearest
    /// first (at most 8). Empty for other kinds.
    pub context: Vec<NameGroup>,
    /// The label, number or key the citation gives, which the reference list's labels
    /// (or the corpus's keys, for pandoc) resolve: `Hall 1980`, `12`, `hall1980`.
    pub label: Option<String>,
    /// Words of the work's title the citation gives (`Encoding` in `(Hall, Encoding 11)`).
    pub title_words: Option<String>,
    /// The number of the note the citation is printed in, when it stands in a notes
    /// section; see [`Extraction::note_calls`] for where the note is called.
    pub note: Option<u32>,
}

impl Citation {
    /// Whether the citation is truncated: its parenthesis never closes and no year follows
    /// the names.
    pub fn is_truncated(&self) -> bool {
        self.year.is_none() && matches!(self.kind, CitationKind::Parenthetical)
    }
}

/// What [`extract`] finds: the citations, in text order, and the sections they refer to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extraction {
    /// The citations, in the order their parentheses open.
    pub citations: Vec<Citation>,
    /// The text's sections ([`read_sections`]).
    pub sections: Vec<Section>,
    /// Where each note is called in the text (`[3]`, `[^3]`), for a text with a notes
    /// section: the note's number and the byte range of its call, in text order.
    pub note_calls: Vec<(u32, Range<usize>)>,
}

/// What [`extract_with`] is told about the text, beyond the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ExtractOptions {
    /// The text's sections, when the caller has read them (plain-text headings, say);
    /// otherwise its Markdown headings are read.
    pub sections: Option<Vec<Section>>,
    /// The labels the reference list prints (`Hall 1980`, `12`): a bracket holding one is
    /// a citation whatever its form.
    pub labels: Vec<String>,
    /// Numbers in brackets (`[12]`, `[3, 7-9]`) and parentheses (`(12)`) cite a numbered
    /// list; otherwise a number in brackets is a note call.
    pub numbered: bool,
    /// Read `(Hall 11)` and `(Hall, Encoding 11)` (author and page, no year: MLA).
    pub author_page: bool,
    /// The byte range of the notes section, whose paragraphs are notes (`[3] text`,
    /// `3. text`): their citations get the note's number.
    pub notes: Option<Range<usize>>,
}

impl ExtractOptions {
    /// Options with these sections.
    pub fn sections(mut self, sections: Option<Vec<Section>>) -> Self {
        self.sections = sections;
        self
    }

    /// Options with the labels the reference list prints.
    pub fn labels(mut self, labels: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Options for a numbered list.
    pub fn numbered(mut self, yes: bool) -> Self {
        self.numbered = yes;
        self
    }

    /// Options reading author-page citations.
    pub fn author_page(mut self, yes: bool) -> Self {
        self.author_page = yes;
        self
    }

    /// Options with the notes section's byte range.
    pub fn notes(mut self, notes: Option<Range<usize>>) -> Self {
        self.notes = notes;
        self
    }
}

/// Finds every author-date citation in `text`. Never fails and never panics; text that is
/// not a citation is skipped.
///
/// Complexity: linear in the length of the text (each parenthesis is read once; a
/// narrative or year-only citation looks back a bounded distance).
pub fn extract(text: &str) -> Extraction {
    extract_with(text, &ExtractOptions::default())
}

/// [`extract`], told more about the text: its sections, the labels its reference list
/// prints, whether the list is numbered, where the notes are. Finds, besides the
/// author-date forms, bracketed labels (`[Hall 1980, 11]`), numbers (`[3, 7-9]`),
/// pandoc citations (`[@hall1980, p. 33]`, `@hall1980 [p. 33]`), author-page citations
/// (`(Hall 11)`, with [`ExtractOptions::author_page`]), works named in the prose
/// (`Hall's 1980 essay`) and `Ibid.` in notes.
///
/// Complexity: linear in the length of the text.
pub fn extract_with(text: &str, options: &ExtractOptions) -> Extraction {
    let sections = options.sections.clone().unwrap_or_else(|| read_sections(text));
    let labels: HashSet<String> = options.labels.iter().map(|l| collapse(l)).collect();
    let ctx = BracketContext { labels: &labels, numbered: options.numbered };
    let mut citations = Vec::new();
    let mut note_calls = Vec::new();
    let mut tokens = Vec::new();
    let mut found = Vec::new();
    let mut brackets = Vec::new();
    for para in paragraphs_in(text, &sections) {
        let section = section_at(&sections, para.start);
        if section.is_some_and(|i| sections[i].bibliography) {
            continue;
        }
        let in_notes = options.notes.as_ref().is_some_and(|n| n.contains(&para.start));
        let note = if in_notes { notes::note_number(&text[para.clone()]) } else { None };
        tokens.clear();
        found.clear();
        brackets.clear();
        lex(text, para.clone(), &mut tokens);
        scan_paragraph(text, &tokens, section, &mut found);
        if options.author_page {
            notes::author_page(text, &tokens, section, &mut found);
        }
        prose::prose_citations(text, &tokens, section, &mut found);
        brackets::scan(text, para.clone(), &ctx, section, &mut brackets);
        if in_notes {
            notes::ibid(text, para.clone(), section, &mut found);
        } else if options.notes.is_some() && !options.numbered {
            notes::note_calls(text, para.clone(), &mut note_calls);
        }
        // A parenthesis around bracketed citations is not a citation itself.
        drop_overlapping(&mut found, &mut brackets);
        let start = citations.len();
        merge(&mut citations, &mut found, &mut brackets);
        for c in &mut citations[start..] {
            c.note = note;
        }
    }
    // Located in the order of where they start (parentheses come in the order they open,
    // so an outer one's later items come before an inner one's): the cursor only moves
    // forward, and locating costs O(n) in the text's length in all.
    let mut order: Vec<usize> = (0..citations.len()).collect();
    order.sort_by_key(|&i| citations[i].span.start);
    let mut cursor = LineCursor::new(text);
    for i in order {
        let c = &mut citations[i];
        (c.line, c.column) = cursor.locate(c.span.start);
    }
    Extraction { citations, sections, note_calls }
}

/// Drops from `found` every citation that overlaps one of `brackets` (sorted here by
/// where they start): a binary search and a running maximum of the brackets' ends, so
/// O((f + b) log b), not O(f × b).
fn drop_overlapping(found: &mut Vec<Citation>, brackets: &mut [Citation]) {
    if brackets.is_empty() {
        return;
    }
    brackets.sort_by_key(|c| c.span.start);
    let mut max_end = Vec::with_capacity(brackets.len());
    let mut m = 0;
    for b in brackets.iter() {
        m = m.max(b.span.end);
        max_end.push(m);
    }
    found.retain(|c| {
        // The brackets that start before `c` ends; one of them overlaps `c` if it ends after
        // `c` starts.
        let k = brackets.partition_point(|b| b.span.start < c.span.end);
        !(k > 0 && max_end[k - 1] > c.span.start)
    });
}

/// Appends `a` and `b` to `out` in order of where they start; `a` keeps its own order
/// (parentheses in the order they open) where `b` is empty.
fn merge(out: &mut Vec<Citation>, a: &mut Vec<Citation>, b: &mut Vec<Citation>) {
    if b.is_empty() {
        out.append(a);
        return;
    }
    b.sort_by_key(|c| c.span.start);
    let (mut i, mut j) = (a.drain(..).peekable(), b.drain(..).peekable());
    loop {
        let take_a = match (i.peek(), j.peek()) {
            (Some(x), Some(y)) => x.span.start <= y.span.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { i.next() } else { j.next() });
    }
}

/// The paragraphs of a text: runs of non-blank lines that are not headings or fenced
/// code, joined across a blank line when the first ends mid-sentence and the next starts
/// in lowercase or with a digit (a PDF page break).
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut in_fence = false;
    let mut start = 0;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..end];
        let trimmed = line.trim();
        let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        if fence {
            in_fence = !in_fence;
        }
        if trimmed.is_empty() || fence || in_fence || heading_of(line).is_some() {
            blocks.extend(current.take());
        } else {
            current = Some(current.map_or(start..end, |c| c.start..end));
        }
        start = end + 1;
    }
    blocks.extend(current);
    let mut paras: Vec<Range<usize>> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(last) = paras.last_mut() {
            if text[last.end..b.start].trim().is_empty() && continues(&text[last.clone()], &text[b.clone()]) {
                last.end = b.end;
                continue;
            }
        }
        paras.push(b);
    }
    paras
}

/// [`paragraphs`], split where a section's heading line starts inside one and without
/// the heading lines themselves (plain-text headings read as paragraphs otherwise).
pub(crate) fn paragraphs_in(text: &str, sections: &[Section]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut h = 0;
    for p in paragraphs(text) {
        let mut start = p.start;
        while h < sections.len() && sections[h].heading.end <= start {
            h += 1;
        }
        let mut k = h;
        while k < sections.len() && sections[k].heading.start < p.end {
            let head = &sections[k].heading;
            if head.start > start {
                let piece = start..text[..head.start].trim_end().len().max(start);
                if !text[piece.clone()].trim().is_empty() {
                    out.push(piece);
                }
            }
            start = start.max(head.end);
            k += 1;
        }
        let rest = start..p.end;
        let lead = text[rest.clone()].len() - text[rest.clone()].trim_start().len();
        let rest = rest.start + lead..rest.end;
        if !text[rest.clone()].trim().is_empty() {
            out.push(rest);
        }
    }
    out
}

/// Whether block `b` continues the sentence that block `a` leaves open: `a` does not end
/// a sentence, and either `b` starts in lowercase or with a digit, or `a` ends with a
/// lowercase word or a comma, dash, `&` or `(`.
fn continues(a: &str, b: &str) -> bool {
    let a = a.trim_end();
    let closed = a.trim_end_matches(['\'', '\u{2019}', '"', '\u{201d}', ')', ']', '*', '_']);
    if closed.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let a_open = a.ends_with([',', '(', '&', '-', '\u{2013}'])
        || a.rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    a_open || b.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// A year with the locator that follows it.
type YearWithLocator = (YearTok, Option<LocatorTok>);

/// One item of a parenthesis: names (absent when the item starts with the year), years
/// with their locators, and whether it is truncated.
struct Item {
    run: Option<Run>,
    years: Vec<YearWithLocator>,
    /// Byte offset where the item's text starts (its names, or its year).
    start: usize,
    /// For a truncated item: where its text ends (after the comma).
    truncated_end: Option<usize>,
}

/// Years (each with an optional locator) from token `i`: `2001a: 12, 2001b`.
fn parse_years(lx: &Lexed<'_>, i: usize) -> Option<(Vec<YearWithLocator>, usize)> {
    let mut years = Vec::new();
    let mut j = i;
    loop {
        let y = parse_year(lx, j)?;
        let mut k = y.next;
        let loc = parse_locator(lx, k);
        if let Some(l) = &loc {
            k = l.next;
        }
        years.push((y, loc));
        // Another year for the same names: `, 2001b`.
        if lx.kind(k) == Some(Kind::Comma) && parse_year(lx, k + 1).is_some() {
            j = k + 1;
            continue;
        }
        return Some((years, k));
    }
}

fn skip_to_semi(lx: &Lexed<'_>, mut i: usize) -> usize {
    while i < lx.toks.len() && lx.kind(i) != Some(Kind::Semi) {
        i += 1;
    }
    i
}

/// Whether the item that ended before token `k` ends properly: at the end, at `;`, or at
/// a comma followed by the next names or a lowercase remark (`, emphasis added`).
/// Returns where to continue.
fn item_end(lx: &Lexed<'_>, k: usize) -> Option<usize> {
    match lx.kind(k) {
        None | Some(Kind::Semi) => Some(k),
        Some(Kind::Comma) => match lx.word(k + 1) {
            Some(w) if is_cap(w) => Some(k + 1),
            Some(_) => Some(skip_to_semi(lx, k + 1)),
            None => None,
        },
        _ => None,
    }
}

/// Reads the items of a parenthesis's content.
fn parse_items(lx: &Lexed<'_>, unclosed: bool) -> Vec<Item> {
    let n = lx.toks.len();
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < n {
        while matches!(lx.kind(i), Some(Kind::Semi | Kind::Comma)) {
            i += 1;
        }
        if i >= n {
            break;
        }
        // An item that starts with its year: the names are outside (narrative, year-only),
        // or, after the first item, the same as the previous item's.
        if parse_year(lx, i).is_some() {
            match parse_years(lx, i).and_then(|(years, k)| item_end(lx, k).map(|next| (years, next))) {
                Some((years, next)) if !unclosed => {
                    let run = items.last().and_then(|it| it.run.clone());
                    items.push(Item { run, years, start: lx.toks[i].start, truncated_end: None });
                    i = next;
                }
                _ => i = skip_to_semi(lx, i),
            }
            continue;
        }
        // Up to four lowercase words may come first: `see`, `e.g.`, `see also`, `cf.`.
        let mut k = i;
        let mut words = 0;
        let run = loop {
            if let Some(r) = parse_run(lx, k) {
                break Some(r);
            }
            match lx.kind(k) {
                Some(Kind::Word) if !is_cap(lx.str(k)) && words < 4 => {
                    words += 1;
                    k += 1;
                }
                Some(Kind::Dot | Kind::Comma) if words > 0 => k += 1,
                _ => break None,
            }
        };
        let Some(run) = run else {
            i = skip_to_semi(lx, i);
            continue;
        };
        let mut j = run.next;
        if lx.kind(j) == Some(Kind::Comma) {
            j += 1;
        }
        if parse_year(lx, j).is_some() {
            match parse_years(lx, j).and_then(|(years, k)| item_end(lx, k).map(|next| (years, next))) {
                Some((years, next)) => {
                    let start = run.span.start;
                    items.push(Item { run: Some(run), years, start, truncated_end: None });
                    i = next;
                }
                None => i = skip_to_semi(lx, j),
            }
            continue;
        }
        // Names, then a comma or the end, in a parenthesis that never closes: truncated.
        // Whatever follows (a year further on included) is not this citation's.
        if unclosed && (lx.kind(run.next) == Some(Kind::Comma) || run.next >= n) {
            let end = if lx.kind(run.next) == Some(Kind::Comma) { lx.toks[run.next].end } else { run.span.end };
            let start = run.span.start;
            items.push(Item { run: Some(run), years: Vec::new(), start, truncated_end: Some(end) });
            break;
        }
        i = skip_to_semi(lx, j);
    }
    items
}

/// Collapses whitespace runs to one space.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How far back (in tokens, about five bytes each) a year-only citation looks for the
/// names it refers to, within its paragraph.
const CONTEXT_TOKENS: usize = 300;
/// At most this many candidate name groups for a year-only citation.
const CONTEXT_GROUPS: usize = 8;

/// The longest run of names that ends exactly at token `end`. Only the tokens a run can
/// hold (words, commas, `&`, the dot of `et al.`) are tried as its start, at most 16 back.
fn run_ending_at(lx: &Lexed<'_>, end: usize) -> Option<Run> {
    let mut lo = end;
    while lo > 0
        && end - lo < 16
        && lx.kind(lo - 1).is_some_and(|k| match k {
            Kind::Word => may_be_in_run(lx.str(lo - 1)),
            Kind::Comma | Kind::Amp | Kind::Dot => true,
            _ => false,
        })
    {
        lo -= 1;
    }
    (lo..end)
        .filter(|&s| lx.word(s).is_some_and(may_start_run))
        .find_map(|s| parse_run(lx, s).filter(|r| r.next == end))
}

/// The names written just before the parenthesis (the narrative form), if any. `before`
/// holds the paragraph's tokens up to the parenthesis.
fn narrative_run(before: &Lexed<'_>) -> Option<Run> {
    let mut end = before.toks.len();
    // A possessive: `Portes' (1999)`.
    if end >= 2 && before.kind(end - 1) == Some(Kind::Quote) && before.word(end - 2).is_some_and(|w| w.ends_with('s')) {
        end -= 1;
    }
    let mut run = run_ending_at(before, end)?;
    if let Some(last) = run.authors.last_mut() {
        for suffix in ["'s", "\u{2019}s"] {
            if let Some(stripped) = last.strip_suffix(suffix) {
                *last = stripped.to_string();
            }
        }
    }
    Some(run)
}

/// Candidate names for a year-only citation: name groups earlier in the paragraph,
/// nearest first. `before` holds the paragraph's tokens up to the parenthesis.
fn context_groups(before: &Lexed<'_>) -> Vec<NameGroup> {
    let lx = before;
    let mut groups = Vec::new();
    let mut end = lx.toks.len();
    let floor = end.saturating_sub(CONTEXT_TOKENS);
    while groups.len() < CONTEXT_GROUPS {
        let Some(last) = (floor..end).rev().find(|&i| lx.word(i).is_some_and(is_cap)) else { break };
        // Include a following `et al.`.
        let mut stop = last + 1;
        if lx.word(stop).is_some_and(|w| w.eq_ignore_ascii_case("et")) && lx.word(stop + 1).is_some() {
            stop += 2;
            if lx.kind(stop) == Some(Kind::Dot) {
                stop += 1;
            }
        }
        match run_ending_at(lx, stop).or_else(|| run_ending_at(lx, last + 1)) {
            Some(r) if r.first >= floor => {
                end = r.first;
                groups.push(NameGroup { authors: r.authors, et_al: r.et_al, span: r.span });
            }
            _ => end = last,
        }
    }
    groups
}

/// Finds the citations of one paragraph, given its tokens.
fn scan_paragraph(text: &str, toks: &[Token], section: Option<usize>, out: &mut Vec<Citation>) {
    // Pair the parentheses; one left open has no partner within the paragraph.
    let mut opens: Vec<(usize, Option<usize>)> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Open => {
                stack.push(opens.len());
                opens.push((i, None));
            }
            Kind::Close => {
                if let Some(k) = stack.pop() {
                    opens[k].1 = Some(i);
                }
            }
            _ => {}
        }
    }
    // Where each parenthesis's group ends (its close, or the paragraph's end), by token.
    let mut group_end: Vec<usize> = vec![usize::MAX; toks.len()];
    for &(oi, ci) in &opens {
        group_end[oi] = ci.unwrap_or(toks.len());
    }
    let mut inner: Vec<Token> = Vec::new();
    for (oi, ci) in opens {
        let open = toks[oi].start;
        let close = ci.map(|c| toks[c].start);
        // The content, with each parenthesis nested in it as one token of kind `Other`: so
        // every token is read in its innermost parenthesis only, and nested or unclosed
        // parentheses cost O(n) in all, not O(n²).
        inner.clear();
        let end = ci.unwrap_or(toks.len());
        let mut j = oi + 1;
        while j < end {
            match group_end[j] {
                usize::MAX => {
                    inner.push(toks[j]);
                    j += 1;
                }
                e => {
                    let last = toks[e.min(toks.len() - 1)];
                    inner.push(Token { kind: Kind::Other, start: toks[j].start, end: last.end });
                    j = e + 1;
                }
            }
        }
        let content = Lexed::over(text, &inner);
        let items = parse_items(&content, close.is_none());
        let produced: usize = items.iter().map(|it| it.years.len().max(1)).sum();
        let before = Lexed::over(text, &toks[..oi]);
        for (n, item) in items.iter().enumerate() {
            let base = |kind, authors: Vec<String>, et_al, span: Range<usize>| Citation {
                kind,
                text: collapse(&text[span.clone()]),
                span,
                line: 0,
                column: 0,
                authors,
                et_al,
                year: None,
                locator: None,
                section,
                unclosed: close.is_none(),
                context: Vec::new(),
                label: None,
                title_words: None,
                note: None,
            };
            if let Some(end) = item.truncated_end {
                let run = item.run.as_ref().map(|r| (r.authors.clone(), r.et_al)).unwrap_or_default();
                out.push(base(CitationKind::Parenthetical, run.0, run.1, open..end));
                continue;
            }
            // The first item without names: narrative or year-only.
            let outside = n == 0 && item.run.is_none();
            let narrative = if outside { narrative_run(&before) } else { None };
            for (year, locator) in &item.years {
                let item_end = locator.as_ref().map_or(year.span.end, |l| l.span.end);
                let (kind, authors, et_al, span, context) = match (&narrative, &item.run, close) {
                    (Some(r), _, Some(c)) if outside => {
                        (CitationKind::Narrative, r.authors.clone(), r.et_al, r.span.start..c + 1, Vec::new())
                    }
                    (None, _, Some(c)) if outside => {
                        (CitationKind::YearOnly, Vec::new(), false, open..c + 1, context_groups(&before))
                    }
                    (_, run, close) => {
                        let span = match close {
                            Some(c) if produced == 1 => open..c + 1,
                            _ => item.start..item_end,
                        };
                        let (authors, et_al) = run.as_ref().map(|r| (r.authors.clone(), r.et_al)).unwrap_or_default();
                        (CitationKind::Parenthetical, authors, et_al, span, Vec::new())
                    }
                };
                let mut c = base(kind, authors, et_al, span);
                c.year = Some(year.year.clone());
                c.locator = locator.as_ref().map(|l| collapse(&text[l.span.clone()]));
                c.context = context;
                // A page after a narrative citation: `Hall (1980), 5`.
                if let (CitationKind::Narrative, None, Some(ci)) = (c.kind, &c.locator, ci) {
                    let after = Lexed::over(text, &toks[ci + 1..]);
                    if after.kind(0) == Some(Kind::Comma) && after.kind(1) == Some(Kind::Number) {
                        let page = after.str(1);
                        let next_ok =
                            !after.word(2).is_some_and(|w| ["percent", "per", "cent", "million", "years"].contains(&w))
                                && after.kind(2) != Some(Kind::Other);
                        if page.len() <= 4 && page.bytes().all(|b| b.is_ascii_digit()) && next_ok {
                            c.span.end = after.toks[1].end;
                            c.text = collapse(&text[c.span.clone()]);
                            c.locator = Some(page.to_string());
                        }
                    }
                }
                out.push(c);
            }
        }
    }
}

/// Turns byte offsets into 1-based lines and columns (in characters), moving forward
/// through the text; a step back restarts from the start of the line.
struct LineCursor<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    col: u32,
    line_start: usize,
    line_at_start: u32,
}

impl<'a> LineCursor<'a> {
    fn new(text: &'a str) -> Self {
        LineCursor { text, pos: 0, line: 1, col: 1, line_start: 0, line_at_start: 1 }
    }

    fn locate(&mut self, at: usize) -> (u32, u32) {
        let at = floor_boundary(self.text, at);
        if at < self.pos {
            if at >= self.line_start {
                self.pos = self.line_start;
                self.line = self.line_at_start;
                self.col = 1;
            } else {
                *self = LineCursor::new(self.text);
            }
        }
        for c in self.text[self.pos..at].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        if let Some(nl) = self.text[self.pos..at].rfind('\n') {
            self.line_start = self.pos + nl + 1;
            self.line_at_start = self.line;
        }
        self.pos = at;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_join_across_page_breaks_only_mid_sentence() {
        let text = "First ends here.\n\nSecond runs across state\n\n\nboundaries (Nye and\n\nKeohane, 1971).\n\nNew One\n\nNew Two.\n\n# Head\n\nthird\n";
        let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "First ends here.",
                "Second runs across state\n\n\nboundaries (Nye and\n\nKeohane, 1971).",
                "New One",
                "New Two.",
                "third"
            ]
        );
    }

    #[test]
    fn line_cursor_counts_characters_and_steps_back() {
        let text = "é(a)\nxy (b)";
        let mut c = LineCursor::new(text);
        assert_eq!(c.locate(text.find("(b)").unwrap()), (2, 4));
        assert_eq!(c.locate(text.find("xy").unwrap()), (2, 1));
        assert_eq!(c.locate(text.find("(a)").unwrap()), (1, 2));
    }
}
