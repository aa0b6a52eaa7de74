//! Reading author-date reference lists into [`Work`]s.
//!
//! [`parse_list`] splits a list into entries and parses each one. It reads lists as PDF
//! conversions leave them: entries broken across page breaks (with spurious bullets or
//! none), two entries run together on one line, words hyphenated across a break,
//! Markdown emphasis covering part of a title. Every repair is recorded on the work
//! ([`Work::repairs`]); every misprint or inconsistency is flagged ([`Work::flags`]).
//! No character of the input is lost: each work keeps the exact text it was read from
//! ([`Work::raw`]) and [`ReferenceList::segments`] accounts for every byte.
//!
//! ```
//! use bibgraph::refparse::{parse_list, ParseOptions};
//! let list = parse_list(
//!     "- Jessup P (1956) *Transnational Law*. New Haven, CT: Yale University Press.\n",
//!     "refs.txt",
//!     &ParseOptions::default(),
//! );
//! let work = &list.references[0].work;
//! assert_eq!(work.key.as_str(), "jessup1956");
//! assert_eq!(work.title.as_deref(), Some("Transnational Law"));
//! assert_eq!(work.place.as_deref(), Some("New Haven, CT"));
//! ```

mod body;
mod checks;
mod head;
mod journal;
mod key;
pub mod learned;
pub mod list;
mod places;
mod rest;
mod segment;
mod stream;
pub(crate) mod text;

use crate::error::{Diagnostic, Location, Severity};
use crate::model::{Flag, Work};
use std::ops::Range;

pub use key::make_key;
pub use learned::parse_reference_learned;
pub use segment::{Segment, SegmentKind};
pub use stream::ReferenceStream;

/// How to read a reference list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Each non-empty line is exactly one reference: no joining, no splitting.
    pub one_per_line: bool,
    /// Each paragraph (lines up to a blank line) is one reference: no splitting by heads.
    pub paragraphs: bool,
    /// Labels the text is known to cite (`Hall 1980`): an entry that starts with one has
    /// it as its label ([`list::read_marks`]).
    pub labels: Vec<String>,
    /// Which parser reads each entry.
    pub parser: Parser,
}

/// Which parser reads the entries of a list. Splitting the list into entries, the repairs
/// of page-break damage, the checks across entries and the segments are the same for all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Parser {
    /// The hand-written rules for author-date references; entries they cannot read (no
    /// names followed by a year) are read by the model.
    #[default]
    Rules,
    /// The hand-written rules only: an entry they cannot read is kept raw, flagged `unparsed`.
    RulesOnly,
    /// The learned sequence labeller ([`learned`]) for every entry.
    Learned,
}

impl std::str::FromStr for Parser {
    type Err = crate::Error;

    /// `rules`, `rules-only` or `learned`.
    fn from_str(s: &str) -> crate::Result<Parser> {
        match s {
            "rules" => Ok(Parser::Rules),
            "rules-only" => Ok(Parser::RulesOnly),
            "learned" | "model" => Ok(Parser::Learned),
            _ => Err(crate::Error::new(
                crate::ErrorKind::Invalid,
                format!("unknown parser `{s}` (rules, rules-only or learned)"),
            )),
        }
    }
}

impl ParseOptions {
    /// Options with [`one_per_line`](Self::one_per_line) set.
    pub fn one_per_line(mut self, yes: bool) -> Self {
        self.one_per_line = yes;
        self
    }

    /// Options with [`parser`](Self::parser) set.
    pub fn parser(mut self, parser: Parser) -> Self {
        self.parser = parser;
        self
    }
}

/// One reference read from a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The work, with its raw text, flags and repairs.
    pub work: Work,
    /// The byte range of the input the reference was read from.
    pub span: Range<usize>,
}

impl Reference {
    /// The work's flags as located warnings and its repairs as located notes, naming the
    /// work by its key: what [`ReferenceList::diagnostics`] holds for this reference.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        let w = &self.work;
        let flags = w.flags.iter().map(|f| (Severity::Warning, f));
        let repairs = w.repairs.iter().map(|f| (Severity::Note, f));
        flags.chain(repairs).map(move |(severity, f)| {
            Diagnostic::new(severity, f.kind.clone(), f.message.clone()).at(w.origin.clone()).about(w.key.as_str())
        })
    }
}

/// A parsed reference list.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceList {
    /// The references, in input order.
    pub references: Vec<Reference>,
    /// Every byte of the input, in order: the entries and what lies between them.
    pub segments: Vec<Segment>,
    /// Every repair (note) and flag (warning), located and naming the entry.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReferenceList {
    /// The works, in input order.
    pub fn works(&self) -> impl Iterator<Item = &Work> {
        self.references.iter().map(|r| &r.work)
    }

    /// Consumes the list, returning the works.
    pub fn into_works(self) -> Vec<Work> {
        self.references.into_iter().map(|r| r.work).collect()
    }
}

/// Whether a reference starts with names followed by a year (`Hall S (1980) ...`,
/// `Hall, S. 1980. ...`): the author-date head, as against the year near the end.
pub fn has_author_date_head(text: &str) -> bool {
    head::parse_head(&text::clean_markdown(text).text).is_some()
}

/// Whether the default parser keeps the rules' reading of `text` (an author-date head at
/// the start) rather than the learned model's.
pub fn rules_read(text: &str) -> bool {
    parse_entry_how(text, Layout::Mixed).1 == Some(HeadAt::Start)
}

/// Parses one reference string into a work. The key is made from its authors and year.
/// As [`Parser::Rules`]: the rules, and the model for what they cannot read.
pub fn parse_reference(text: &str) -> Work {
    let (mut work, _) = read_entry(text, Parser::Rules, Layout::Mixed);
    work.raw = Some(text.to_string());
    work.key = make_key(&work);
    work
}

/// Reads an entry with the chosen parser: the work, and whether it could be read.
///
/// The default ([`Parser::Rules`]) keeps the rules' reading where they find names followed
/// by a year at the start (the author-date head they were written for, and where they
/// score better, see docs/refparse.md), and in a list that prints its year late as a whole
/// ([`Layout::Late`], read from the whole list: MLA, Chicago notes-bibliography, humanities
/// lists, measured in docs/styles.md). Elsewhere (numbered and notes styles, entries with
/// no head) the learned model reads the entry, with the rules' reading among its features,
/// and the rules' reading stays if the model finds no year with names or a title.
fn read_entry(text: &str, parser: Parser, layout: Layout) -> (Work, bool) {
    match parser {
        Parser::RulesOnly => parse_entry(text, layout).or_undated(text),
        Parser::Learned => learned_entry(text, None),
        Parser::Rules => {
            let (work, head) = parse_entry_how(text, layout);
            if head == Some(HeadAt::Start) || (layout == Layout::Late && head.is_some()) {
                return (work, true);
            }
            let ok = head.is_some();
            let (mut learned, learned_ok) = learned_entry(text, Some((&work, ok)));
            if learned_ok {
                let why = if ok {
                    "the year is not in an author-date head at the start: the fields are the learned model's"
                } else {
                    "no author-date head (names followed by a year): the fields are the learned model's"
                };
                learned.repairs.push(Flag::new("learned", why));
                (learned, true)
            } else {
                (work, ok).or_undated(text)
            }
        }
    }
}

/// Reads an entry with the embedded model. It counts as read when the model finds a year,
/// and names or a title. `rules` is the rules' reading of the same text and whether they
/// read it, when it is at hand (the model uses it as a feature).
fn learned_entry(text: &str, rules: Option<(&Work, bool)>) -> (Work, bool) {
    let clean = text::clean_markdown(text);
    let mut work = learned::work_with_rules(&clean.text, learned::Model::embedded(), rules);
    let dated = work.year.as_ref().is_some_and(|y| y.year.is_some());
    let ok = dated && (work.title.is_some() || !work.authors.is_empty());
    check_fields(&mut work);
    (work, ok)
}

/// Parses an entry's text given its list marks: the label is kept as the work's label
/// and left out of what the entry parser reads; a ditto mark is read as the previous
/// entry's authors.
fn parse_marked(
    text: &str,
    mark: &list::ListMark,
    previous: Option<&Work>,
    parser: Parser,
    layout: Layout,
) -> (Work, bool) {
    let body = &text[mark.body.min(text.len())..];
    let (mut work, ok) = match (&mark.ditto, previous) {
        (Some(d), Some(prev)) if !prev.creators().is_empty() => {
            let names = list::names_for_ditto(prev.creators());
            let d = d.start - mark.body..d.end - mark.body;
            let replaced = format!("{names}{}", &body[d.end..]);
            let (mut work, ok) = read_entry(&replaced, parser, layout);
            work.repairs.push(Flag::new(
                "ditto",
                format!("`{}` read as the previous entry's names ({names})", &body[d.clone()]),
            ));
            (work, ok)
        }
        _ => read_entry(body, parser, layout),
    };
    work.label = mark.label.clone().or(mark.number.map(|n| n.to_string()));
    (work, ok)
}

/// A last try for an entry no parser could read: names, then the title, and no year.
trait OrUndated {
    fn or_undated(self, text: &str) -> Self;
}

impl OrUndated for (Work, bool) {
    fn or_undated(self, text: &str) -> Self {
        match self {
            (_, false) => match parse_entry(text, Layout::Undated) {
                (work, true) => (work, true),
                _ => self,
            },
            read => read,
        }
    }
}

/// How a list places the year, read from the list as a whole ([`list_layout`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Each entry as it comes: a year right after the names if there is one, else at the end.
    Mixed,
    /// Most entries print the year late (after the title, the publisher, or at the very
    /// end: MLA, Chicago notes-bibliography, humanities lists): every entry is read so,
    /// and an entry with no year is read as names and title.
    Late,
    /// The entry prints no year: names and title only (the last try, [`OrUndated`]).
    Undated,
}

/// Whether an entry starts with an author-date head whose names hold nothing but names:
/// no quoted title, no sentence of a title (`Hall S (1980) ...`, `Hall, S. 1980. ...`).
fn year_after_names(text: &str) -> bool {
    let clean = text::clean_markdown(text);
    head::parse_head(&clean.text).is_some_and(|h| {
        let head = &clean.text[..h.body_start.min(clean.text.len())];
        let names_end = head.rfind(['(', '[']).unwrap_or(head.len());
        !head.contains(['“', '”', '"', '«']) && !title_sentence(&head[..names_end])
    })
}

/// The layout of a list: [`Layout::Late`] when at least three entries are read and fewer
/// than half of them have their year right after the names.
///
/// Complexity: linear in the length of the entries.
fn list_layout(entries: &[&str]) -> Layout {
    let n = entries.len();
    let early = entries.iter().filter(|e| year_after_names(e)).count();
    if n >= 3 && early * 2 < n {
        Layout::Late
    } else {
        Layout::Mixed
    }
}

/// Removes the year found at the end from the text, and makes it the head.
fn trailing_head(clean: &mut text::Clean, t: head::TrailingHead) -> head::Head {
    let span = t.year_span.clone();
    let removed = span.len();
    clean.text.replace_range(span.clone(), "");
    clean.emphasis = clean
        .emphasis
        .iter()
        .filter(|r| r.end <= span.start || r.start >= span.end)
        .map(|r| if r.start >= span.end { r.start - removed..r.end - removed } else { r.clone() })
        .collect();
    head::Head {
        names: t.names,
        editors: t.editors,
        editor_marker: None,
        roles: Vec::new(),
        year: t.year,
        body_start: t.body_start,
    }
}

/// Where the rules found the names and the year of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadAt {
    /// Names followed by a year at the start: the author-date head.
    Start,
    /// The year at the end, or no year after the names.
    Elsewhere,
}

/// Parses the entry text (pieces already joined): returns the work and whether a head was found.
fn parse_entry(text: &str, layout: Layout) -> (Work, bool) {
    let (work, head) = parse_entry_how(text, layout);
    (work, head.is_some())
}

/// As [`parse_entry`], saying where the head was found (`None`: not at all).
fn parse_entry_how(text: &str, layout: Layout) -> (Work, Option<HeadAt>) {
    let mut at = HeadAt::Start;
    let mut clean = text::clean_markdown(text);
    let mut work = Work::default();
    let early = match layout {
        Layout::Mixed => head::parse_head(&clean.text)
            .filter(|h| !sentences_in_names(&clean.text[..h.body_start.min(clean.text.len())])),
        Layout::Late | Layout::Undated => None,
    };
    let mut undated = false;
    let head = early
        .or_else(|| {
            at = HeadAt::Elsewhere;
            // The year at the end: remove it from the text and read the rest as usual.
            let t = head::parse_trailing_head(&clean.text).or_else(|| head::parse_untitled_head(&clean.text))?;
            Some(trailing_head(&mut clean, t))
        })
        .filter(|_| layout != Layout::Undated)
        .or_else(|| match layout {
            Layout::Mixed => None,
            // In a list that prints the year late, an entry may print none: names, title.
            Layout::Late | Layout::Undated => head::parse_undated_head(&clean.text).map(|t| {
                undated = true;
                trailing_head(&mut clean, t)
            }),
        });
    let Some(h) = head else {
        work.kind = crate::model::WorkType::Other("unknown".into());
        work.flags.push(Flag::new("unparsed", "no author-date head (names followed by a year): kept as raw text"));
        return (work, None);
    };
    if h.editors {
        work.editors = h.names;
    } else {
        work.authors = h.names;
    }
    work.contributors = h.roles;
    // Role order, as CSL-JSON (whose items are unordered maps) gives them back.
    work.contributors.sort_by_key(|c| c.role);
    if let (Some(marker), Some(singular)) =
        (&h.editor_marker, h.editor_marker.as_deref().and_then(head::marker_is_singular))
    {
        let n = work.editors.len();
        if singular && n > 1 || !singular && n == 1 {
            work.flags.push(Flag::new("misprint", format!("`{marker}` given for {n} editor(s)")));
        }
    }
    work.year = (!undated).then_some(h.year);
    if undated {
        work.flags.push(Flag::new("no-year", "no year found: read as names, then the title"));
    }
    let found = body::parse_body(&clean, h.body_start, &mut work);
    work.flags.extend(found.flags);
    work.repairs.extend(found.repairs);
    if let Some(rest) = found.unplaced {
        work.flags.push(Flag::new("unplaced", format!("could not place `{rest}` in any field")));
    }
    if work.title.is_none() {
        work.flags.push(Flag::new("no-title", "no title found"));
    }
    rest::tidy_title(&mut work);
    rest::tidy_container(&mut work);
    check_fields(&mut work);
    (work, Some(at))
}

/// Whether the names part of an author-date head runs over a sentence end after a word
/// (`Ong, Walter J. Orality and Literacy. Methuen, 1982`): a title, not names, so the
/// year belongs at the end of the reference.
fn sentences_in_names(head: &str) -> bool {
    // A year in brackets closes an author-date head whatever the names hold.
    if head.contains('(') && !head.contains(':') {
        return false;
    }
    title_sentence(head)
}

/// Whether `head` holds a sentence end after a lowercase word of three letters or more,
/// followed by a capitalised word: `Orality and Literacy. Methuen`.
fn title_sentence(head: &str) -> bool {
    let b = head.as_bytes();
    head.match_indices(". ").any(|(i, _)| {
        let word = head[..i].rsplit([' ', ',']).next().unwrap_or("");
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let next = b.get(i + 2).copied().unwrap_or(b' ');
        let then = b.get(i + 3).copied().unwrap_or(b' ');
        letters >= 3
            && word.chars().last().is_some_and(char::is_lowercase)
            && next.is_ascii_uppercase()
            && then.is_ascii_lowercase()
            && !["al", "eds", "ed", "Jr", "Sr"].contains(&word)
    })
}

/// Flags fields whose content does not look like what the field holds: symbol runs that no
/// bibliographic field has, or a publisher or place that runs over several sentences.
fn check_fields(work: &mut Work) {
    let fields: [(&str, &Option<String>); 4] = [
        ("title", &work.title),
        ("container-title", &work.container_title),
        ("publisher", &work.publisher),
        ("place", &work.place),
    ];
    let mut flags = Vec::new();
    for (name, value) in fields {
        let Some(v) = value else { continue };
        let symbols = v.chars().filter(|c| "%^~|{}<>=#@$".contains(*c)).count();
        let sentences = matches!(name, "publisher" | "place") && !text::sentence_breaks(v, &[]).is_empty();
        if symbols >= 2 || sentences {
            flags.push(Flag::new("suspect-field", format!("`{name}` holds `{v}`, which does not read as a {name}")));
        }
    }
    work.flags.extend(flags);
}

/// Parses a reference list. `file` names the input in locations.
///
/// Never fails and never panics: an entry that cannot be read becomes a work with only
/// its raw text and an `unparsed` flag.
///
/// Complexity: linear in the length of the input (each line is scanned a bounded
/// number of times), plus a hash map over the keys.
pub fn parse_list(input: &str, file: &str, options: &ParseOptions) -> ReferenceList {
    parse_list_keys(input, file, options, 0, &mut std::collections::HashMap::new())
}

/// [`parse_list`] for a chunk of a longer input that starts after `first_line` lines, with
/// the keys already given (by earlier chunks) and their counts: the chunk's keys are made
/// unique against them, and added.
fn parse_list_keys(
    input: &str,
    file: &str,
    options: &ParseOptions,
    first_line: u32,
    keys: &mut std::collections::HashMap<String, usize>,
) -> ReferenceList {
    let auto;
    let options = if !options.one_per_line && !options.paragraphs && list::one_entry_per_paragraph(input) {
        auto = ParseOptions { paragraphs: true, ..options.clone() };
        &auto
    } else {
        options
    };
    let split = segment::split(input, options, first_line);
    let mut references: Vec<Reference> = Vec::with_capacity(split.entries.len());
    let joined: Vec<segment::Joined> = split.entries.iter().map(|e| segment::join_pieces(input, &e.pieces)).collect();
    let texts: Vec<&str> = joined.iter().map(|j| j.text.as_str()).collect();
    let marks = list::read_marks(&texts, &options.labels.iter().map(String::as_str).collect::<Vec<_>>());
    let bodies: Vec<&str> = texts.iter().zip(&marks).map(|(t, m)| &t[m.body.min(t.len())..]).collect();
    // Lines read one by one are independent references (a file of references in many
    // styles): each is read as it comes, not by the layout of the others.
    let layout = if options.one_per_line { Layout::Mixed } else { list_layout(&bodies) };
    for ((entry, text), mark) in split.entries.iter().zip(joined).zip(marks) {
        let span = entry.pieces.first().map_or(0, |p| p.start)..entry.pieces.last().map_or(0, |p| p.end);
        // Lines read one by one are independent references: a ditto mark has no entry
        // before it to stand for.
        let previous = if options.one_per_line { None } else { references.last().map(|r| &r.work) };
        let (mut work, _) = parse_marked(&text.text, &mark, previous, options.parser, layout);
        if mark.label.is_none() {
            // A numbered list: the number printed before the entry is its label.
            if let Some(n) = segment::marker_before(input, span.start) {
                work.label = Some(n.to_string());
            }
        }
        work.repairs.extend(entry.repairs.iter().cloned());
        work.repairs.extend(text.repairs);
        work.raw = Some(input[span.clone()].to_string());
        work.origin = Some(Location::new(file, entry.line, entry.column));
        work.key = make_key(&work);
        references.push(Reference { work, span });
    }
    let mut diagnostics = checks::check_list(&mut references, keys);
    for r in &references {
        diagnostics.extend(r.diagnostics());
    }
    for (line, column, message) in split.notes {
        diagnostics
            .push(Diagnostic::new(Severity::Note, "skipped", message).at(Some(Location::new(file, line, column))));
    }
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location));
    ReferenceList { references, segments: split.segments, diagnostics }
}
