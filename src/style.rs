//! Styled references: works formatted by a citation style (APA, Chicago author-date, or
//! any CSL style file) through hayagriva's CSL engine.
//!
//! Nothing here formats a reference by hand. A [`Work`] is converted into a hayagriva
//! entry (its type, names, date, and a parent entry for its journal or book), and
//! hayagriva renders it with the style. hayagriva's types stay inside this module: the
//! public API is [`Style`] and [`Reference`].
//!
//! ```
//! use bibgraph::{style::Style, Corpus};
//!
//! let corpus = Corpus::builtin()?;
//! let smith = corpus.find_work("Smith 2005")?;
//! let refs = Style::apa().references([smith])?;
//! assert_eq!(refs[0].text, "Smith, R. (2005). Mexican New York. University of California Press.");
//! assert_eq!(refs[0].markdown, "Smith, R. (2005). *Mexican New York*. University of California Press.");
//! # Ok::<(), bibgraph::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Name, Work, WorkKey, WorkType, Year};
use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::{FontStyle, FontWeight, IndependentStyle, Locale, Style as CslStyle};
use hayagriva::types::{
    Date, EntryType, FormatString, MaybeTyped, Numeric, PageRanges, Person, Publisher, QualifiedUrl,
};
use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild};
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

/// A citation style: one of hayagriva's archived CSL styles, or a CSL file.
///
/// [`Style::apa`] (APA 7th edition) and [`Style::chicago_author_date`] (Chicago Manual of
/// Style, author-date) are the two the reading lists are tested with; [`Style::named`]
/// gives any other archived style, [`Style::load`] any independent CSL style file.
#[derive(Debug, Clone)]
pub struct Style {
    csl: Box<IndependentStyle>,
}

/// One work formatted by a [`Style`] for a bibliography.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The work's key.
    pub key: WorkKey,
    /// The reference as plain text.
    pub text: String,
    /// The reference as Markdown: italics as `*…*`, bold as `**…**`.
    pub markdown: String,
}

impl Style {
    /// A style for reference lists. Only the bibliography is rendered, so name
    /// disambiguation, which exists for in-text citations, is turned off: hayagriva
    /// applies it to the reference list too, dropping initials where two works share a
    /// first author and a year (`Glick Schiller, Basch, & Blanc-Szanton. (1995)`). Year
    /// suffixes stay on.
    fn for_references(mut csl: IndependentStyle) -> Style {
        csl.citation.disambiguate_add_givenname = false;
        csl.citation.disambiguate_add_names = false;
        Style { csl: Box::new(csl) }
    }
}

/// One archived style, as [`Style::catalogue`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StyleEntry {
    /// Its names for [`Style::named`]: the usual one first, then aliases.
    pub names: Vec<&'static str>,
    /// Its title, e.g. `American Psychological Association 7th edition`.
    pub title: &'static str,
}

fn archived(style: ArchivedStyle) -> Style {
    match style.get() {
        CslStyle::Independent(csl) => Style::for_references(csl),
        // The archive holds only independent styles (hayagriva resolves dependent
        // ones when it builds the archive).
        CslStyle::Dependent(_) => unreachable!("archived styles are independent"),
    }
}

fn locale_files() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(locales)
}

impl Style {
    /// APA Style, 7th edition.
    pub fn apa() -> Style {
        archived(ArchivedStyle::AmericanPsychologicalAssociation)
    }

    /// Chicago Manual of Style, author-date.
    pub fn chicago_author_date() -> Style {
        archived(ArchivedStyle::ChicagoAuthorDate)
    }

    /// One of the styles archived in hayagriva, by its short name: `apa`,
    /// `chicago-author-date`, `mla`, `american-sociological-association`, `harvard-cite-them-right`, ...
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for a name the archive does not have; the message lists
    /// the nearest names.
    pub fn named(name: &str) -> Result<Style> {
        let wanted = name.trim().to_lowercase();
        if let Some(style) = ArchivedStyle::by_name(&wanted) {
            return Ok(archived(style));
        }
        let names: Vec<&str> = ArchivedStyle::all().iter().flat_map(|s| s.names().iter().copied()).collect();
        // A beginning of one name only (`harvard` for `harvard-cite-them-right`) is that
        // style; a word of several names lists them.
        let starts: Vec<&str> =
            names.iter().copied().filter(|n| n.starts_with(&wanted) && !wanted.is_empty()).collect();
        let styles: Vec<ArchivedStyle> = starts.iter().filter_map(|n| ArchivedStyle::by_name(n)).collect();
        if let Some(first) = styles.first().filter(|f| styles.iter().all(|s| s == *f)) {
            return Ok(archived(*first));
        }
        let words: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !wanted.is_empty() && n.split('-').any(|w| w == wanted || w.starts_with(&wanted)))
            .collect();
        if words.len() > 1 {
            let shown = words.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            return Err(Error::new(
                ErrorKind::Ambiguous,
                format!(
                    "`{name}` is part of {} style names: {shown}; name one (`bibgraph styles` lists all)",
                    words.len()
                ),
            )
            .with_candidates(words.iter().map(|s| s.to_string()).collect()));
        }
        let nearest = crate::resolve::nearest(&wanted, names.iter().copied(), 5);
        let shown = nearest.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        Err(Error::new(ErrorKind::NotFound, format!("no citation style named `{name}`; nearest: {shown}"))
            .with_candidates(nearest))
    }

    /// Every style hayagriva archives: its names (the first is the usual one) and its
    /// title, in the archive's order.
    pub fn catalogue() -> Vec<StyleEntry> {
        ArchivedStyle::all().iter().map(|s| StyleEntry { names: s.names().to_vec(), title: s.display_name() }).collect()
    }

    /// An independent CSL style from its XML text.
    ///
    /// # Errors
    /// [`ErrorKind::Syntax`] if the text is not an independent CSL style (a dependent
    /// style, which only names its parent, is rejected: use the parent).
    pub fn from_csl(xml: &str) -> Result<Style> {
        match CslStyle::from_xml(xml) {
            Ok(CslStyle::Independent(csl)) => Ok(Style::for_references(csl)),
            Ok(CslStyle::Dependent(d)) => Err(Error::new(
                ErrorKind::Syntax,
                format!(
                    "`{}` is a dependent CSL style: use its parent style ({})",
                    d.info.title.value, d.parent_link.href
                ),
            )),
            Err(e) => Err(Error::new(ErrorKind::Syntax, format!("not a CSL style: {e}")).with_source(e)),
        }
    }

    /// An independent CSL style from a file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] if the file cannot be read; as [`Style::from_csl`] otherwise,
    /// with the file named in the message.
    pub fn load(path: impl AsRef<Path>) -> Result<Style> {
        let path = path.as_ref();
        let xml = std::fs::read_to_string(path)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {}: {e}", path.display())).with_source(e))?;
        Style::from_csl(&xml).map_err(|e| {
            let message = format!("{}: {}", path.display(), e.message());
            let kind = e.kind();
            Error::new(kind, message).with_source(e)
        })
    }

    /// What a user typed: the path of a CSL file (anything ending in `.csl`, or an
    /// existing file), else an archived style's name.
    ///
    /// # Errors
    /// As [`Style::load`] or [`Style::named`].
    pub fn from_name_or_file(spec: &str) -> Result<Style> {
        let path = Path::new(spec);
        if spec.ends_with(".csl") || path.is_file() {
            Style::load(path)
        } else {
            Style::named(spec)
        }
    }

    /// The style's title, e.g. `American Psychological Association 7th edition`.
    pub fn title(&self) -> &str {
        &self.csl.info.title.value
    }

    /// Formats works as the style's bibliography, in the style's order (for APA and
    /// Chicago, alphabetical by author, then year). Works by the same authors in the same
    /// year get the style's disambiguating suffixes (`2001a`, `2001b`).
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] if the style defines no bibliography.
    ///
    /// Complexity: that of hayagriva's engine, about O(n log n) for n works.
    pub fn references<'a>(&self, works: impl IntoIterator<Item = &'a Work>) -> Result<Vec<Reference>> {
        let entries: Vec<hayagriva::Entry> = works.into_iter().map(to_entry).collect();
        let locales = locale_files();
        let mut driver = BibliographyDriver::new();
        for entry in &entries {
            driver.citation(CitationRequest::from_items(vec![CitationItem::with_entry(entry)], &self.csl, locales));
        }
        let rendered = driver.finish(BibliographyRequest::new(&self.csl, None, locales));
        let bibliography = rendered.bibliography.ok_or_else(|| {
            Error::new(ErrorKind::Invalid, format!("the citation style `{}` defines no bibliography", self.title()))
        })?;
        Ok(bibliography
            .items
            .into_iter()
            .map(|item| {
                let mut runs = Vec::new();
                if let Some(first) = &item.first_field {
                    collect_runs(std::slice::from_ref(first), Format::default(), &mut runs);
                    runs.push(Run { text: " ".into(), format: Format::default() });
                }
                collect_runs(&item.content.0, Format::default(), &mut runs);
                let text = runs.iter().map(|r| r.text.as_str()).collect::<String>();
                Reference { key: WorkKey::new(item.key), text, markdown: markdown(&runs) }
            })
            .collect())
    }

    /// Like [`Style::references`], as a map from key to reference, for callers that keep
    /// their own order (a reading list).
    ///
    /// # Errors
    /// As [`Style::references`].
    pub fn references_by_key<'a>(
        &self,
        works: impl IntoIterator<Item = &'a Work>,
    ) -> Result<HashMap<WorkKey, Reference>> {
        Ok(self.references(works)?.into_iter().map(|r| (r.key.clone(), r)).collect())
    }
}

impl FromStr for Style {
    type Err = Error;

    /// As [`Style::from_name_or_file`].
    fn from_str(s: &str) -> Result<Self> {
        Style::from_name_or_file(s)
    }
}

// --- Work -> hayagriva entry ---------------------------------------------------------

/// Initials as the seed prints them (`JS`, `J-Y`, `A`) written out for the styles
/// (`J. S.`, `J.-Y.`, `A.`); full given names are kept.
fn given_for_style(given: &str) -> String {
    let is_initials = given.chars().all(|c| c.is_uppercase() || c == '-' || c == ' ' || c == '.')
        && given.chars().any(char::is_uppercase);
    if !is_initials {
        return given.to_string();
    }
    let mut out = String::new();
    for c in given.chars() {
        match c {
            '-' => {
                if out.ends_with(' ') {
                    out.pop();
                }
                out.push('-');
            }
            c if c.is_uppercase() => {
                if !out.is_empty() && !out.ends_with('-') && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push(c);
                out.push('.');
            }
            _ => {}
        }
    }
    out
}

fn person(name: &Name) -> Person {
    match name {
        Name::Person(p) => Person {
            name: p.family.clone(),
            given_name: p.given.as_deref().map(given_for_style),
            prefix: p.particle.clone(),
            suffix: p.suffix.clone(),
            comma_suffix: false,
            alias: None,
        },
        // No given name, prefix or suffix: hayagriva treats it as an institution.
        Name::Literal { literal } => Person {
            name: literal.clone(),
            given_name: None,
            prefix: None,
            suffix: None,
            comma_suffix: false,
            alias: None,
        },
    }
}

fn people(names: &[Name]) -> Vec<Person> {
    names.iter().map(person).collect()
}

fn date(year: &Year) -> Option<Date> {
    let y = year.year?;
    Some(Date {
        year: y,
        month: year.month.map(|m| m.saturating_sub(1)),
        day: year.day.map(|d| d.saturating_sub(1)),
        approximate: false,
        season: None,
    })
}

fn text(s: &str) -> FormatString {
    FormatString::with_value(s)
}

/// A title for hayagriva, whose title case capitalises a short word after a comma
/// (`Space, Identity, And the Politics`): such a word, lowercase in the source, is kept
/// as written (a verbatim chunk); everything else is left to the style.
fn title_text(s: &str) -> FormatString {
    const SMALL: [&str; 16] =
        ["and", "or", "nor", "but", "for", "of", "the", "a", "an", "in", "on", "at", "to", "by", "as", "vs"];
    let mut value = hayagriva::types::ChunkedString::new();
    let mut rest = s;
    while let Some(i) = rest.find(", ") {
        let after = &rest[i + 2..];
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        if SMALL.contains(&word.as_str()) {
            value.push_str(&rest[..i + 2], hayagriva::types::ChunkKind::Normal);
            value.push_str(&word, hayagriva::types::ChunkKind::Verbatim);
            rest = &after[word.len()..];
        } else {
            value.push_str(&rest[..i + 2], hayagriva::types::ChunkKind::Normal);
            rest = after;
        }
    }
    value.push_str(rest, hayagriva::types::ChunkKind::Normal);
    FormatString { value, short: None }
}

fn numeric(s: &str) -> MaybeTyped<Numeric> {
    MaybeTyped::from_str(s).unwrap_or_else(|never| match never {})
}

fn url(s: &str) -> Option<QualifiedUrl> {
    // A URL printed without its scheme (`hdr.undp.org/...`) is given one, so that
    // the styles can print it.
    let full = if s.contains("://") { s.to_string() } else { format!("https://{s}") };
    QualifiedUrl::from_str(&full).ok()
}

/// The hayagriva entry of a work: the work itself, with a parent for its journal
/// (`Periodical`), book (`Book`), proceedings, reference work or site, which holds the
/// container's title, editors, volume and issue.
fn to_entry(work: &Work) -> hayagriva::Entry {
    let (kind, parent_kind) = match &work.kind {
        WorkType::ArticleJournal | WorkType::Article => (EntryType::Article, Some(EntryType::Periodical)),
        WorkType::Chapter => (EntryType::Chapter, Some(EntryType::Book)),
        WorkType::PaperConference => (EntryType::Article, Some(EntryType::Proceedings)),
        WorkType::EntryEncyclopedia => (EntryType::Entry, Some(EntryType::Reference)),
        WorkType::Webpage => (EntryType::Web, Some(EntryType::Web)),
        WorkType::Book => (EntryType::Book, None),
        WorkType::Report => (EntryType::Report, None),
        WorkType::Thesis => (EntryType::Thesis, None),
        WorkType::Manuscript => (EntryType::Manuscript, None),
        WorkType::Other(_) => (EntryType::Misc, None),
    };
    let mut entry = hayagriva::Entry::new(work.key.as_str(), kind);
    if let Some(t) = &work.title {
        entry.set_title(title_text(t));
    }
    if !work.authors.is_empty() {
        entry.set_authors(people(&work.authors));
    }
    if let Some(d) = work.year.as_ref().and_then(date) {
        entry.set_date(d);
    }
    if let Some(original) = work.year.as_ref().and_then(|y| y.original) {
        let mut orig = hayagriva::Entry::new(&format!("{}-original", work.key), EntryType::Original);
        orig.set_date(Date::from_year(original));
        entry.set_parents(vec![orig]);
    }
    if let Some(p) = &work.pages {
        entry.set_page_range(MaybeTyped::<PageRanges>::from_str(p).unwrap_or_else(|never| match never {}));
    }
    if let Some(u) = work.url.as_deref().and_then(url) {
        entry.set_url(u);
    }
    if let Some(doi) = &work.doi {
        entry.set_doi(doi.clone());
    }
    if let Some(n) = &work.note {
        entry.set_note(text(n));
    }
    if let Some(g) = &work.genre {
        entry.set_genre(text(g));
    }
    if let Some(e) = &work.edition {
        entry.set_edition(numeric(e));
    }
    if let Some(n) = &work.number {
        entry.set_keyed_serial_number("serial", n.clone());
    }
    let publisher = (work.publisher.is_some() || work.place.is_some())
        .then(|| Publisher::new(work.publisher.as_deref().map(text), work.place.as_deref().map(text)));

    // Where volume, issue, editors and publisher go: on the container, if there is one.
    let mut holder = match parent_kind {
        Some(pk) => {
            let mut parent = hayagriva::Entry::new(&format!("{}-container", work.key), pk);
            if let Some(c) = &work.container_title {
                parent.set_title(title_text(c));
            }
            Some(parent)
        }
        None => None,
    };
    {
        let target = holder.as_mut().unwrap_or(&mut entry);
        if let Some(v) = &work.volume {
            target.set_volume(numeric(v));
        }
        if let Some(i) = &work.issue {
            target.set_issue(numeric(i));
        }
        if !work.editors.is_empty() {
            target.set_editors(people(&work.editors));
        }
        if let Some(p) = publisher {
            target.set_publisher(p);
        }
    }
    let mut parents: Vec<hayagriva::Entry> = entry.parents().to_vec();
    if let Some(mut parent) = holder {
        if let Some(series) = &work.collection_title {
            let mut s = hayagriva::Entry::new(&format!("{}-series", work.key), EntryType::Anthology);
            s.set_title(text(series));
            parent.set_parents(vec![s]);
        }
        parents.insert(0, parent);
    } else if let Some(series) = &work.collection_title {
        let mut s = hayagriva::Entry::new(&format!("{}-series", work.key), EntryType::Anthology);
        s.set_title(text(series));
        if kind == EntryType::Book {
            parents.push(s);
        } else {
            // hayagriva finds the series of a report or thesis on a parent's parent; an
            // untitled book in between is not a container (it has no title to print).
            let mut holder = hayagriva::Entry::new(&format!("{}-in-series", work.key), EntryType::Book);
            holder.set_parents(vec![s]);
            parents.push(holder);
        }
    }
    entry.set_parents(parents);
    entry
}

// --- Rendered elements -> text and Markdown --------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Format {
    italic: bool,
    bold: bool,
}

#[derive(Debug, Clone)]
struct Run {
    text: String,
    format: Format,
}

fn collect_runs(children: &[ElemChild], outer: Format, runs: &mut Vec<Run>) {
    for child in children {
        match child {
            ElemChild::Text(t) | ElemChild::Link { text: t, .. } => {
                let format = Format {
                    italic: outer.italic ^ (t.formatting.font_style == FontStyle::Italic),
                    bold: outer.bold || t.formatting.font_weight == FontWeight::Bold,
                };
                push_run(runs, &t.text, format);
            }
            ElemChild::Elem(e) => collect_runs(&e.children.0, outer, runs),
            ElemChild::Markup(m) => push_run(runs, m, outer),
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn push_run(runs: &mut Vec<Run>, text: &str, format: Format) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.format == format => last.text.push_str(text),
        _ => runs.push(Run { text: text.to_string(), format }),
    }
}

fn escape_markdown(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let boundary = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_none_or(|c| !c.is_alphanumeric());
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' => true,
            '_' => boundary(i.checked_sub(1)) || boundary(Some(i + 1)),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let marker = match (run.format.italic, run.format.bold) {
            (false, false) => "",
            (true, false) => "*",
            (false, true) => "**",
            (true, true) => "***",
        };
        let body = run.text.trim();
        if marker.is_empty() || body.is_empty() {
            out.push_str(&escape_markdown(&run.text));
            continue;
        }
        let lead = &run.text[..run.text.len() - run.text.trim_start().len()];
        let trail = &run.text[run.text.trim_end().len()..];
        out.push_str(lead);
        out.push_str(marker);
        out.push_str(&escape_markdown(body));
        out.push_str(marker);
        out.push_str(trail);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_written_out_for_the_styles() {
        assert_eq!(given_for_style("A"), "A.");
        assert_eq!(given_for_style("LE"), "L. E.");
        assert_eq!(given_for_style("J-Y"), "J.-Y.");
        assert_eq!(given_for_style("P-Y"), "P.-Y.");
        assert_eq!(given_for_style("Richard"), "Richard");
    }

    #[test]
    fn markdown_keeps_spaces_outside_emphasis_and_escapes_markers() {
        let runs = vec![
            Run { text: "In ".into(), format: Format::default() },
            Run { text: "Title *x* ".into(), format: Format { italic: true, bold: false } },
            Run { text: "(pp. 1–2). a_b _c".into(), format: Format::default() },
        ];
        assert_eq!(markdown(&runs), "In *Title \\*x\\** (pp. 1–2). a_b \\_c");
    }

    #[test]
    fn unknown_style_names_list_the_nearest() {
        let err = Style::named("chicago-autor-date").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(err.candidates().first().map(String::as_str), Some("chicago-author-date"));
    }

    #[test]
    fn a_beginning_of_one_name_is_that_style_and_a_shared_word_lists_them() {
        assert_eq!(Style::named("harvard").unwrap().title(), Style::named("harvard-cite-them-right").unwrap().title());
        assert_eq!(
            Style::named("HARVARD-cite").unwrap().title(),
            Style::named("harvard-cite-them-right").unwrap().title()
        );
        let err = Style::named("chicago").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Ambiguous);
        assert!(err.candidates().iter().any(|c| c == "chicago-author-date"), "{:?}", err.candidates());
        assert!(err.to_string().contains("bibgraph styles"));
        assert!(Style::catalogue().iter().any(|s| s.names.contains(&"apa")));
    }
}
