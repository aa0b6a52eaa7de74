//! BibLaTeX, written and read through the `biblatex` crate.
//!
//! Each work becomes one entry whose key is the work's key. Standard fields carry what
//! LaTeX styles print; four fields that the standard styles leave alone carry the rest,
//! so that a work written and read back is the same work:
//!
//! | bibgraph | BibLaTeX |
//! |---|---|
//! | `type` | the entry type: `article-journal` `@article`, `book` `@book`, `chapter` `@incollection`, `report` `@report`, `thesis` `@thesis`, `webpage` `@online`, `paper-conference` `@inproceedings`, `entry-encyclopedia` `@inreference`, `manuscript` `@unpublished`; `article` is `@article` and any other type `@misc`, both with the CSL type in `entrysubtype` |
//! | `authors`, `editors` | `author`, `editor` (an organisation in braces) |
//! | `contributors` | `translator`; other roles as `editora`..`editorc` with `editoratype` |
//! | `year` | `date` (`2005-03-03`), `origdate` (the original of a reprint), `pubstate` (`inpress`, `forthcoming`); the year as printed in `usera` when those cannot say it (`2001a`, `n.d.`) |
//! | `title` | `title` |
//! | `container-title` | `journaltitle` (`@article`), else `booktitle` |
//! | `collection-title`, `number` | `series`, `number` |
//! | `volume`, `issue`, `pages` | `volume`, `number` (`@article`) or `issue`, `pages` |
//! | `genre` | `type` |
//! | `edition`, `url`, `doi`, `note`, `annotation` | the fields of the same name |
//! | `publisher`, `place` | `publisher` (`institution` for `@report` and `@thesis`), `location` |
//! | `discipline` | `userb` |
//! | `raw` | `verba`, as a JSON string |
//! | `flags`, `repairs`, `provenance` | `verbb`, a JSON object with those keys |
//!
//! The crate's reader turns `--` into a dash and `~` into an accent, and joins runs of
//! spaces. A value it would change keeps its exact text in `verbb` too (under `exact`),
//! and so does the series number of an article, which BibLaTeX has no field for. The
//! reader prefers `verbb`.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{
    Contributors, Flag, Name, PersonName, Provenance, RecordFormat, Role, SourceRecord, Work, WorkKey, WorkType, Year,
};
use biblatex::{Bibliography, Chunk, Chunks, ChunksExt, Entry, EntryType, Person, Spanned};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// bibgraph's own data, in `verbb`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extra {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    repairs: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    provenance: Vec<Provenance>,
    /// Field (corpus-format name) -> exact text, where the BibLaTeX field cannot hold it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    exact: BTreeMap<String, String>,
}

impl Extra {
    fn is_empty(&self) -> bool {
        self.flags.is_empty() && self.repairs.is_empty() && self.provenance.is_empty() && self.exact.is_empty()
    }
}

fn chunk(s: &str) -> Chunks {
    vec![Spanned::detached(Chunk::Normal(s.to_string()))]
}

fn verbatim(s: &str) -> Chunks {
    vec![Spanned::detached(Chunk::Verbatim(s.to_string()))]
}

/// Whether the crate reads back exactly what it wrote.
fn survives(s: &str) -> bool {
    !s.contains("--")
        && !s.contains(['~', '^', '\\'])
        && !s.contains("  ")
        && !s.chars().any(|c| c.is_whitespace() && c != ' ')
        && s.trim() == s
}

/// JSON in a verbatim field, with what the crate would change (`--`, runs of spaces)
/// written as `\u` escapes, which JSON reads back as the same characters.
fn json_field<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    let mut prev = '\0';
    for c in json.chars() {
        match c {
            '-' if prev == '-' => out.push_str("\\u002d"),
            ' ' if prev == ' ' => out.push_str("\\u0020"),
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

fn entry_type(kind: &WorkType) -> (EntryType, Option<&str>) {
    match kind {
        WorkType::ArticleJournal => (EntryType::Article, None),
        WorkType::Article => (EntryType::Article, Some("article")),
        WorkType::Book => (EntryType::Book, None),
        WorkType::Chapter => (EntryType::InCollection, None),
        WorkType::Report => (EntryType::Report, None),
        WorkType::Thesis => (EntryType::Thesis, None),
        WorkType::Webpage => (EntryType::Online, None),
        WorkType::PaperConference => (EntryType::InProceedings, None),
        WorkType::EntryEncyclopedia => (EntryType::InReference, None),
        WorkType::Manuscript => (EntryType::Unpublished, None),
        WorkType::Other(s) => (EntryType::Misc, Some(s.as_str())),
    }
}

fn work_type(entry: &Entry) -> WorkType {
    let subtype = entry.get("entrysubtype").map(|c| c.format_verbatim());
    let known = subtype.as_deref().map(WorkType::from_csl).filter(|t| !matches!(t, WorkType::Other(_)));
    match (&entry.entry_type, known, subtype) {
        (_, Some(t), _) => t,
        (EntryType::Misc, None, Some(s)) => WorkType::Other(s),
        (EntryType::Article | EntryType::SuppPeriodical, ..) => WorkType::ArticleJournal,
        (
            EntryType::Book | EntryType::MvBook | EntryType::Collection | EntryType::MvCollection | EntryType::Booklet,
            ..,
        ) => WorkType::Book,
        (
            EntryType::InCollection
            | EntryType::InBook
            | EntryType::BookInBook
            | EntryType::SuppBook
            | EntryType::SuppCollection,
            ..,
        ) => WorkType::Chapter,
        (EntryType::Report | EntryType::TechReport, ..) => WorkType::Report,
        (EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis, ..) => WorkType::Thesis,
        (EntryType::Online, ..) => WorkType::Webpage,
        (EntryType::InProceedings, ..) => WorkType::PaperConference,
        (EntryType::InReference, ..) => WorkType::EntryEncyclopedia,
        (EntryType::Unpublished, ..) => WorkType::Manuscript,
        _ => WorkType::Other("document".to_string()),
    }
}

fn is_article(kind: &WorkType) -> bool {
    matches!(kind, WorkType::ArticleJournal | WorkType::Article)
}

fn publisher_field(kind: &WorkType) -> &'static str {
    match kind {
        WorkType::Report | WorkType::Thesis => "institution",
        _ => "publisher",
    }
}

fn names_chunks(names: &[Name]) -> Chunks {
    let mut out: Chunks = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.extend(chunk(" and "));
        }
        match name {
            Name::Literal { literal } => out.extend(verbatim(literal)),
            Name::Person(p) => {
                let person = Person {
                    name: p.family.clone(),
                    given_name: p.given.clone().unwrap_or_default(),
                    prefix: p.particle.clone().unwrap_or_default(),
                    suffix: p.suffix.clone().unwrap_or_default(),
                    id: None,
                    prefix_initials: None,
                    given_initials: None,
                    use_prefix: None,
                };
                out.extend(biblatex::Type::to_chunks(&vec![person]));
            }
        }
    }
    out
}

/// Splits a name list at ` and ` outside braces; a part that is one braced group is an
/// organisation.
fn names_from_chunks(chunks: &[Spanned<Chunk>]) -> Vec<Name> {
    let mut parts: Vec<Chunks> = vec![Vec::new()];
    for c in chunks {
        match &c.v {
            Chunk::Normal(s) => {
                let mut rest = s.as_str();
                while let Some(i) = rest.find(" and ") {
                    parts.last_mut().expect("one part").extend(chunk(&rest[..i]));
                    parts.push(Vec::new());
                    rest = &rest[i + " and ".len()..];
                }
                parts.last_mut().expect("one part").extend(chunk(rest));
            }
            _ => parts.last_mut().expect("one part").push(c.clone()),
        }
    }
    parts
        .into_iter()
        .filter(|p| !p.format_verbatim().trim().is_empty())
        .map(|part| {
            let substantive: Vec<&Spanned<Chunk>> =
                part.iter().filter(|c| !matches!(&c.v, Chunk::Normal(s) if s.trim().is_empty())).collect();
            if let [only] = substantive.as_slice() {
                if let Chunk::Verbatim(literal) = &only.v {
                    return Name::Literal { literal: literal.clone() };
                }
            }
            let p = Person::parse(&part);
            let opt = |s: String| if s.is_empty() { None } else { Some(s) };
            Name::Person(PersonName {
                family: p.name,
                given: opt(p.given_name),
                particle: opt(p.prefix),
                suffix: opt(p.suffix),
            })
        })
        .collect()
}

fn status_to_pubstate(status: &str) -> String {
    match status {
        "in press" => "inpress".to_string(),
        other => other.to_string(),
    }
}

fn pubstate_to_status(pubstate: &str) -> String {
    match pubstate {
        "inpress" => "in press".to_string(),
        other => other.to_string(),
    }
}

fn iso_date(y: &Year) -> Option<String> {
    let year = y.year?;
    Some(match (y.month, y.day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    })
}

/// The year that `date`, `origdate` and `pubstate` say.
fn year_from_standard(date: Option<&str>, origdate: Option<&str>, pubstate: Option<&str>) -> Option<Year> {
    let mut year = Year::default();
    if let Some(date) = date {
        // The start of a range, or the whole date: YYYY[-MM[-DD]].
        let start = date.split('/').next().unwrap_or(date);
        let mut parts = start.split('-');
        year.year = parts.next().and_then(|y| y.trim().parse().ok());
        year.month = parts.next().and_then(|m| m.trim().parse().ok());
        year.day = parts.next().and_then(|d| d.trim().parse().ok());
    }
    year.original = origdate.and_then(|o| o.get(..4)).and_then(|y| y.parse().ok());
    if year.year.is_none() {
        year.status = pubstate.map(pubstate_to_status);
    }
    (year != Year::default()).then_some(year)
}

/// One work as a BibLaTeX entry.
pub(crate) fn to_entry(work: &Work) -> Entry {
    let (mut e, extra) = entry_and_extra(work);
    if !extra.is_empty() {
        e.set("verbb", chunk(&json_field(&extra)));
    }
    e
}

/// One work as a BibLaTeX entry without `verbb`, and what `verbb` would hold.
fn entry_and_extra(work: &Work) -> (Entry, Extra) {
    let (ty, subtype) = entry_type(&work.kind);
    let mut e = Entry::new(work.key.to_string(), ty);
    let mut extra = Extra {
        flags: work.flags.clone(),
        repairs: work.repairs.clone(),
        provenance: work.provenance.clone(),
        exact: BTreeMap::new(),
    };
    if let Some(s) = subtype {
        e.set("entrysubtype", chunk(s));
    }
    if !work.authors.is_empty() {
        e.set("author", names_chunks(&work.authors));
    }
    if !work.editors.is_empty() {
        e.set("editor", names_chunks(&work.editors));
    }
    // Translators have their own field; other roles take BibLaTeX's `editora`..`editorc`
    // with the role as the type (`editoratype = {director}`).
    let mut slots = ["editora", "editorb", "editorc"].into_iter();
    for c in &work.contributors {
        if c.role == Role::Translator && e.get("translator").is_none() {
            e.set("translator", names_chunks(&c.names));
        } else if let Some(slot) = slots.next() {
            e.set(slot, names_chunks(&c.names));
            e.set(&format!("{slot}type"), chunk(c.role.as_str()));
        }
    }
    if let Some(y) = &work.year {
        let date = iso_date(y);
        let origdate = y.original.map(|o| format!("{o:04}"));
        let pubstate =
            y.status.as_deref().filter(|_| y.year.is_none()).filter(|s| *s != "n.d.").map(status_to_pubstate);
        if let Some(d) = &date {
            e.set("date", chunk(d));
        }
        if let Some(o) = &origdate {
            e.set("origdate", chunk(o));
        }
        if let Some(p) = &pubstate {
            e.set("pubstate", chunk(p));
        }
        if year_from_standard(date.as_deref(), origdate.as_deref(), pubstate.as_deref()).as_ref() != Some(y) {
            e.set("usera", chunk(&y.to_string()));
        }
    }
    let article = is_article(&work.kind);
    let text_fields: [(&str, &str, &Option<String>); 16] = [
        ("title", "title", &work.title),
        ("container-title", if article { "journaltitle" } else { "booktitle" }, &work.container_title),
        ("collection-title", "series", &work.collection_title),
        ("number", if article { "" } else { "number" }, &work.number),
        ("genre", "type", &work.genre),
        ("edition", "edition", &work.edition),
        ("volume", "volume", &work.volume),
        ("issue", if article { "number" } else { "issue" }, &work.issue),
        ("pages", "pages", &work.pages),
        ("publisher", publisher_field(&work.kind), &work.publisher),
        ("place", "location", &work.place),
        ("url", "url", &work.url),
        ("doi", "doi", &work.doi),
        ("note", "note", &work.note),
        ("annotation", "annotation", &work.annotation),
        ("discipline", "userb", &work.discipline),
    ];
    for (ours, theirs, value) in text_fields {
        let Some(v) = value else { continue };
        if theirs.is_empty() {
            // No BibLaTeX field for it (the series number of an article).
            extra.exact.insert(ours.to_string(), v.clone());
            continue;
        }
        e.set(theirs, chunk(v));
        if !survives(v) {
            extra.exact.insert(ours.to_string(), v.clone());
        }
    }
    if let Some(raw) = &work.raw {
        e.set("verba", chunk(&json_field(raw)));
    }
    (e, extra)
}

/// The roles a BibLaTeX entry gives beyond author and editor: `translator`, and
/// `editora`..`editorc` whose type names a role bibgraph knows (`director`, `producer`).
fn contributors_from_entry(e: &Entry) -> Vec<Contributors> {
    let mut out = Vec::new();
    if let Some(names) = e.get("translator") {
        out.push(Contributors { role: Role::Translator, names: names_from_chunks(names) });
    }
    for slot in ["editora", "editorb", "editorc"] {
        let role = field(e, &format!("{slot}type")).and_then(|t| Role::from_label(&t));
        if let (Some(names), Some(role)) = (e.get(slot), role) {
            out.push(Contributors { role, names: names_from_chunks(names) });
        }
    }
    out
}

/// The BibTeX fields that carry one of a work's fields (corpus-format name), in entries
/// from any tool.
fn carriers(field: &str, article: bool) -> &'static [&'static str] {
    match field {
        "authors" => &["author"],
        "editors" => &["editor"],
        "contributors" => &["translator", "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype"],
        "year" => &["date", "year", "month", "origdate", "pubstate", "usera"],
        "title" => &["title"],
        "container-title" => &["journaltitle", "journal", "booktitle"],
        "collection-title" => &["series"],
        "number" if article => &[],
        "number" => &["number"],
        "issue" if article => &["number", "issue"],
        "issue" => &["issue"],
        "genre" => &["type"],
        "edition" => &["edition"],
        "volume" => &["volume"],
        "pages" => &["pages"],
        "publisher" => &["publisher", "institution", "school", "organization", "howpublished"],
        "place" => &["location", "address"],
        "url" => &["url"],
        "doi" => &["doi"],
        "note" => &["note"],
        "annotation" => &["annotation", "annote"],
        "discipline" => &["userb"],
        "type" => &["entrysubtype"],
        _ => &[],
    }
}

fn is_verbatim_field(name: &str) -> bool {
    matches!(name, "doi" | "url" | "verba" | "verbb" | "verbc" | "file" | "uri" | "eprint" | "pdf" | "urlraw")
}

/// A work imported from a BibTeX entry, written as that entry: its own fields as written
/// (so an unchanged work gives them back unchanged), except those carrying a field the
/// corpus changed (a merge, a note), which are written from the work; bibgraph's own data
/// in `verba`, `verbb`; and the entry's key as written in `ids` when the work's key differs.
fn record_entry(work: &Work, record: &SourceRecord) -> String {
    use std::fmt::Write;
    let derived = crate::import::derive_bibtex(record);
    let changed = work.differing_fields(&derived);
    let (mut standard, mut extra) = entry_and_extra(work);
    // The exact text of changed fields only: the others are written as they were.
    extra.exact.retain(|field, _| changed.contains(&field.as_str()));
    if !extra.is_empty() {
        standard.set("verbb", chunk(&json_field(&extra)));
    }
    let article = is_article(&work.kind);
    let replaced: Vec<&str> = changed.iter().flat_map(|f| carriers(f, article).iter().copied()).collect();
    let entry_type = if changed.contains(&"type") {
        standard.entry_type.to_biblatex().to_string()
    } else {
        record.entry_type.clone()
    };
    let mut out = format!("@{entry_type}{{{},\n", work.key);
    for f in record.own_fields() {
        if !replaced.contains(&f.name) && !matches!(f.name, "verba" | "verbb") {
            let _ = writeln!(out, "{} = {{{}}},", f.name, f.value);
        }
    }
    for (name, chunks) in &standard.fields {
        if replaced.contains(&name.as_str()) || matches!(name.as_str(), "verba" | "verbb") {
            let _ = writeln!(out, "{name} = {},", chunks.to_biblatex_string(is_verbatim_field(name)));
        }
    }
    if record.key != work.key.as_str() && record.get("ids").is_none() {
        let _ = writeln!(out, "ids = {{{}}},", record.key);
    }
    out.push('}');
    out
}

/// Works as a BibLaTeX file, in order. The same works give the same bytes.
///
/// A work imported from a BibTeX entry is written with that entry's fields as they were
/// (unknown fields included), so that an unchanged work gives them back unchanged.
///
/// ```
/// let corpus = bibgraph::Corpus::builtin()?;
/// let bib = bibgraph::export::biblatex::to_biblatex([corpus.work("bourne1916").unwrap()]);
/// assert!(bib.starts_with("@article{bourne1916,\nauthor = {Bourne, R},\n"));
/// # Ok::<(), bibgraph::Error>(())
/// ```
pub fn to_biblatex<'a>(works: impl IntoIterator<Item = &'a Work>) -> String {
    let mut out = String::new();
    for work in works {
        if !out.is_empty() {
            out.push('\n');
        }
        match work.records.iter().find(|r| r.format == RecordFormat::Bibtex) {
            Some(record) => out.push_str(&record_entry(work, record)),
            None => out.push_str(&to_entry(work).to_biblatex_string()),
        }
        out.push('\n');
    }
    out
}

/// As [`to_biblatex`], after `between`: the text of the `.bib` files the works were read
/// from that is not in an entry ([`crate::import::Import::between`]: comments, `@comment`,
/// `@preamble` and `@string` blocks), as written, each followed by a blank line. It comes
/// before the entries, not in its places among them; a skipped entry is not written.
///
/// ```
/// let import = bibgraph::import::bibtex(b"% mine\n@preamble{\"\\newcommand{\\x}{y}\"}\n@book{k, title = {T}}\n", "a.bib");
/// let bib = bibgraph::export::biblatex::to_biblatex_between(import.between.iter().map(String::as_str), &import.works);
/// assert!(bib.starts_with("% mine\n\n@preamble{\"\\newcommand{\\x}{y}\"}\n\n@book{k,"));
/// ```
pub fn to_biblatex_between<'a, 'b>(
    between: impl IntoIterator<Item = &'b str>,
    works: impl IntoIterator<Item = &'a Work>,
) -> String {
    let mut out = String::new();
    for text in between {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out.push_str(&to_biblatex(works));
    out
}

fn field(e: &Entry, name: &str) -> Option<String> {
    e.get(name).map(|c| c.format_verbatim()).filter(|s| !s.is_empty())
}

/// One BibLaTeX entry as a work: the inverse of `to_entry`. Entries from other tools
/// are read too: `journal`, `address` and `school` are taken as aliases, `year` when there
/// is no `date`, and fields bibgraph has no place for are ignored.
///
/// # Errors
/// [`ErrorKind::Syntax`] naming the entry if `verba` or `verbb` hold bibgraph data that
/// cannot be read.
pub(crate) fn from_entry(e: &Entry) -> Result<Work> {
    let key = e.key.clone();
    let bad = |what: &str, err: serde_json::Error| {
        Error::new(ErrorKind::Syntax, format!("biblatex entry `{key}`: unreadable `{what}`: {err}")).with_source(err)
    };
    let extra: Extra = match e.get("verbb").map(|c| c.format_verbatim()) {
        Some(json) if json.trim_start().starts_with('{') => {
            serde_json::from_str(&json).map_err(|err| bad("verbb", err))?
        }
        _ => Extra::default(),
    };
    let raw: Option<String> = match e.get("verba").map(|c| c.format_verbatim()) {
        Some(json) if json.trim_start().starts_with('"') => {
            Some(serde_json::from_str(&json).map_err(|err| bad("verba", err))?)
        }
        _ => None,
    };
    let kind = work_type(e);
    let article = is_article(&kind);
    let text = |ours: &str, theirs: &[&str]| -> Option<String> {
        extra.exact.get(ours).cloned().or_else(|| theirs.iter().find_map(|t| field(e, t)))
    };
    let date = field(e, "date");
    let standard = year_from_standard(
        date.as_deref().or(field(e, "year").as_deref().filter(|y| y.parse::<i32>().is_ok())),
        field(e, "origdate").as_deref(),
        field(e, "pubstate").as_deref(),
    );
    let printed = field(e, "usera")
        .or_else(|| field(e, "year").filter(|_| date.is_none()))
        .and_then(|s| s.parse::<Year>().ok())
        .filter(|p| standard.as_ref().is_none_or(|s| s.year.is_none() || s.year == p.year));
    Ok(Work {
        key: WorkKey::new(e.key.clone()),
        authors: e.get("author").map(names_from_chunks).unwrap_or_default(),
        editors: e.get("editor").map(names_from_chunks).unwrap_or_default(),
        contributors: contributors_from_entry(e),
        year: printed.or(standard),
        title: text("title", &["title"]),
        container_title: text("container-title", if article { &["journaltitle", "journal"] } else { &["booktitle"] }),
        collection_title: text("collection-title", &["series"]),
        number: text("number", if article { &[] } else { &["number"] }),
        genre: text("genre", &["type"]),
        edition: text("edition", &["edition"]),
        volume: text("volume", &["volume"]),
        issue: text("issue", if article { &["number", "issue"] } else { &["issue"] }),
        pages: text("pages", &["pages"]),
        publisher: text("publisher", &["publisher", "institution", "school", "organization"]),
        place: text("place", &["location", "address"]),
        url: text("url", &["url"]),
        doi: text("doi", &["doi"]),
        note: text("note", &["note"]),
        discipline: text("discipline", &["userb"]),
        annotation: text("annotation", &["annotation", "annote"]),
        label: None,
        flags: extra.flags,
        repairs: extra.repairs,
        raw,
        origin: None,
        provenance: extra.provenance,
        records: Vec::new(),
        kind,
    })
}

/// Reads a BibLaTeX (or BibTeX) file into works, in file order.
///
/// # Errors
/// [`ErrorKind::Syntax`] with the line and column if the file cannot be parsed, or as
/// for an entry whose bibgraph fields (`verba`, `verbb`) cannot be read.
pub fn from_biblatex(text: &str, file: &str) -> Result<Vec<Work>> {
    let bib = Bibliography::parse(text).map_err(|e| {
        let before = &text[..e.span.start.min(text.len())];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        Error::new(ErrorKind::Syntax, format!("cannot read biblatex: {e}"))
            .at(Some(Location::new(file, line, column)))
            .with_source(e)
    })?;
    bib.iter().map(from_entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_the_crate_would_change_is_flagged() {
        assert!(survives("Transnational Law: 1914–1991 & 50%"));
        for bad in ["a--b", "a~b", "x^2", "a\\b", "a  b", "a\nb", " a"] {
            assert!(!survives(bad), "{bad:?}");
        }
    }

    #[test]
    fn json_fields_escape_double_hyphens_and_space_runs() {
        assert_eq!(json_field(&"a--b  c"), "\"a-\\u002db \\u0020c\"");
        assert_eq!(serde_json::from_str::<String>(&json_field(&"a--b  c")).unwrap(), "a--b  c");
    }

    #[test]
    fn organisations_and_particles_survive_the_name_list() {
        let names = vec![
            Name::literal("Center for Justice, Tolerance, and Community"),
            Name::Person(PersonName {
                family: "Hamel".into(),
                given: Some("J-Y".into()),
                particle: Some("van der".into()),
                suffix: Some("Jr".into()),
            }),
            Name::person("Glick Schiller", Some("N")),
        ];
        let mut e = Entry::new("k".into(), EntryType::Book);
        e.set("author", names_chunks(&names));
        let mut bib = Bibliography::new();
        bib.insert(e);
        let back = Bibliography::parse(&bib.to_biblatex_string()).unwrap();
        assert_eq!(names_from_chunks(back.get("k").unwrap().get("author").unwrap()), names);
    }

    #[test]
    fn years_the_standard_fields_cannot_say_go_to_usera() {
        let mut w = Work::new(WorkKey::new("levitt2001a"));
        for (year, usera) in [
            ("2001a", Some("2001a")),
            ("2001", None),
            ("n.d.", Some("n.d.")),
            ("in press", None),
            ("1956/1998", None),
            ("2005, March 3", None),
        ] {
            w.year = Some(year.parse().unwrap());
            let e = to_entry(&w);
            assert_eq!(field(&e, "usera").as_deref(), usera, "{year}");
            assert_eq!(from_entry(&e).unwrap().year, w.year, "{year}");
        }
    }
}
