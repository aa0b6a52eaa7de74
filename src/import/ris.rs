//! RIS, the tagged format of Zotero, Mendeley, EndNote and most databases (Scopus, Web of
//! Science, PubMed, JSTOR).
//!
//! A record is a run of tag lines, `TY  - JOUR` first and `ER  - ` last; a tag is two
//! characters (a capital letter, then a capital or a digit), then spaces, a hyphen and
//! the value. A line that is not a tag line continues the value above it (Scopus writes
//! its cited references that way), and a tag may repeat (`AU`, `KW`, `N1`).
//!
//! [`records`] is the general tag reader: it gives every record with its fields in order,
//! each value with its byte offset, and located diagnostics for what is wrong (text outside
//! a record, a record without `TY` or `ER`). It never fails and loses nothing: a record
//! that never closes is read to the end of the file or to the next `TY`. [`read`] turns the
//! records into works; every tag, mapped or not, stays in the work's
//! `SourceRecord` ([`crate::model::SourceRecord`]).
//!
//! ```
//! let ris = "TY  - JOUR\r\nAU  - Levitt, Peggy\r\nTI  - Transnational\r\n  migrants\r\nPY  - 2001\r\nKW  - a\r\nKW  - b\r\nER  - \r\n";
//! let file = bibgraph::import::ris::records(ris.as_bytes(), "my.ris");
//! let record = &file.records[0];
//! assert_eq!(record.entry_type(), Some("JOUR"));
//! assert_eq!(record.get("TI"), Some("Transnational\nmigrants"));
//! assert_eq!(record.all("KW").collect::<Vec<_>>(), ["a", "b"]);
//! assert!(file.diagnostics.is_empty());
//! ```

use super::lines::Lines;
use super::{work_key, FreeKeys, Import};
use crate::error::{Diagnostic, Severity};
use crate::model::{Name, RecordFormat, SourceRecord, Work, WorkKey, WorkType, Year};
use std::collections::HashMap;

/// One tag line (with its continuation lines) of a RIS record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RisField {
    /// The two-character tag: `AU`, `TI`, `PY`.
    pub tag: String,
    /// The value, trimmed; continuation lines are joined to it with `\n`.
    pub value: String,
    /// The byte offset of the tag line's start in the file.
    pub offset: usize,
}

/// One RIS record: the fields from `TY` to `ER`, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RisRecord {
    /// The byte offset where the record starts.
    pub start: usize,
    /// The byte offset just past its last line (`ER` included).
    pub end: usize,
    /// The fields, `TY` and `ER` excluded, in order; repeated tags repeat.
    pub fields: Vec<RisField>,
    /// The `TY` value, if the record has one.
    pub kind: Option<String>,
    /// Whether the record ends with `ER`.
    pub closed: bool,
}

impl RisRecord {
    /// The `TY` value: `JOUR`, `BOOK`, `CHAP`.
    pub fn entry_type(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The first value of `tag`.
    pub fn get(&self, tag: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.tag == tag).map(|f| f.value.as_str())
    }

    /// Every value of `tag`, in order.
    pub fn all<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields.iter().filter(move |f| f.tag == tag).map(|f| f.value.as_str())
    }

    /// The first non-empty value among `tags`, tried in order.
    pub fn first_of(&self, tags: &[&str]) -> Option<&str> {
        tags.iter()
            .find_map(|t| self.fields.iter().find(|f| f.tag == *t && !f.value.is_empty()).map(|f| f.value.as_str()))
    }
}

/// What [`records`] read from a file.
#[derive(Debug, Clone, Default)]
pub struct RisFile {
    /// The records, in file order.
    pub records: Vec<RisRecord>,
    /// Every problem, located (file, line, column), with the record's `ID` or number as
    /// subject.
    pub diagnostics: Vec<Diagnostic>,
}

/// The tag and the value's start, if `line` is a tag line: `XY  - value`, `XY  -`, and
/// (leniently) `XY - value`.
fn tag_line(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() || !(b[1].is_ascii_uppercase() || b[1].is_ascii_digit()) {
        return None;
    }
    let mut i = 2;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if i == 2 || b.get(i) != Some(&b'-') {
        return None;
    }
    i += 1;
    match b.get(i) {
        None => Some((&line[..2], i)),
        Some(b' ') => Some((&line[..2], i + 1)),
        Some(_) => None,
    }
}

/// Whether `src` looks like RIS: its first non-blank line (after a byte-order mark) is a
/// `TY` tag line.
pub fn sniff(src: &[u8]) -> bool {
    let src = src.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(src);
    let text = String::from_utf8_lossy(&src[..src.len().min(4096)]);
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .find(|l| !l.trim().is_empty())
        .and_then(tag_line)
        .is_some_and(|(t, _)| t == "TY")
}

/// Reads the records of a RIS file. It never fails: text outside a record, a record that
/// does not start with `TY` or never ends with `ER`, and invalid UTF-8 are reported,
/// located, and what can be read is read.
///
/// Complexity: O(n) in the file's size.
pub fn records(src: &[u8], file: &str) -> RisFile {
    let lines = Lines::new(src, file);
    let mut out = RisFile::default();
    let text = String::from_utf8_lossy(src);
    if let Err(e) = std::str::from_utf8(src) {
        let message = "invalid UTF-8; the bad bytes are replaced by U+FFFD".to_string();
        out.diagnostics
            .push(Diagnostic::new(Severity::Warning, "invalid-utf8", message).at(Some(lines.at(e.valid_up_to()))));
    }
    let warn = |code: &str, message: String, at: usize, subject: String| {
        Diagnostic::new(Severity::Warning, code, message).at(Some(lines.at(at))).about(subject)
    };
    // Offsets below are in `text`, which equals `src` when it is valid UTF-8; otherwise
    // they are close enough for locations (each bad byte becomes three).
    let mut current: Option<RisRecord> = None;
    // The start of a run of stray lines outside any record.
    let mut stray: Option<usize> = None;
    let mut offset = 0;
    let body = text.strip_prefix('\u{FEFF}').map_or(&text[..], |t| t);
    offset += text.len() - body.len();
    let number = |out: &RisFile| format!("record {}", out.records.len() + 1);
    for raw_line in body.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        match tag_line(line) {
            Some((tag, value_at)) => {
                if let Some(at) = stray.take() {
                    let message = "text outside a record (before `TY` or after `ER`) is ignored".to_string();
                    out.diagnostics.push(warn("ris-stray-text", message, at, number(&out)));
                }
                let value = line[value_at..].trim().to_string();
                if tag == "TY" {
                    if let Some(mut open) = current.take() {
                        let message = "the record has no `ER` line; it ends before the next `TY`".to_string();
                        let subject = open.get("ID").map_or_else(|| number(&out), str::to_string);
                        out.diagnostics.push(warn("ris-unclosed", message, open.start, subject));
                        open.end = line_start;
                        out.records.push(open);
                    }
                    current = Some(RisRecord { start: line_start, kind: Some(value), ..Default::default() });
                    continue;
                }
                let record = current.get_or_insert_with(|| {
                    let message = format!("a record starts with `{tag}`, not `TY`; it is read without a type");
                    out.diagnostics.push(warn(
                        "ris-no-type",
                        message,
                        line_start,
                        format!("record {}", out.records.len() + 1),
                    ));
                    RisRecord { start: line_start, ..Default::default() }
                });
                if tag == "ER" {
                    let mut done = current.take().unwrap_or_default();
                    done.closed = true;
                    done.end = offset;
                    out.records.push(done);
                } else {
                    record.fields.push(RisField { tag: tag.to_string(), value, offset: line_start });
                }
            }
            None if line.trim().is_empty() => {}
            None => match current.as_mut().map(|r| r.fields.last_mut()) {
                Some(Some(field)) => {
                    if !field.value.is_empty() {
                        field.value.push('\n');
                    }
                    field.value.push_str(line.trim());
                }
                Some(None) => {
                    let message = "text after `TY` that belongs to no tag is ignored".to_string();
                    out.diagnostics.push(warn("ris-stray-text", message, line_start, number(&out)));
                }
                None => {
                    stray.get_or_insert(line_start);
                }
            },
        }
    }
    if let Some(at) = stray {
        let message = "text outside a record (before `TY` or after `ER`) is ignored".to_string();
        out.diagnostics.push(warn("ris-stray-text", message, at, number(&out)));
    }
    if let Some(mut open) = current {
        let message = "the record is never closed (`ER`); it is read to the end of the file".to_string();
        let subject = open.get("ID").map_or_else(|| number(&out), str::to_string);
        out.diagnostics.push(warn("ris-unclosed", message, open.start, subject));
        open.end = offset;
        out.records.push(open);
    }
    out
}

/// The work type of a RIS reference type.
pub fn work_type(ty: &str) -> WorkType {
    match ty.trim().to_ascii_uppercase().as_str() {
        "JOUR" | "JFULL" | "EJOUR" | "INPR" => WorkType::ArticleJournal,
        "BOOK" | "EBOOK" | "EDBOOK" | "CTLG" => WorkType::Book,
        "CHAP" | "ECHAP" => WorkType::Chapter,
        "CONF" | "CPAPER" => WorkType::PaperConference,
        "RPRT" | "GOVDOC" => WorkType::Report,
        "THES" => WorkType::Thesis,
        "ELEC" | "WEB" | "BLOG" => WorkType::Webpage,
        "MGZN" | "NEWS" | "ABST" => WorkType::Article,
        "ENCYC" | "DICT" => WorkType::EntryEncyclopedia,
        "UNPB" | "MANSCPT" => WorkType::Manuscript,
        "MPCT" | "VIDEO" => WorkType::Other("motion_picture".into()),
        "DATA" | "AGGR" => WorkType::Other("dataset".into()),
        "COMP" => WorkType::Other("software".into()),
        "PAT" => WorkType::Other("patent".into()),
        "MAP" => WorkType::Other("map".into()),
        "CASE" => WorkType::Other("legal_case".into()),
        "STAT" | "BILL" => WorkType::Other("legislation".into()),
        "PCOMM" => WorkType::Other("personal_communication".into()),
        _ => WorkType::Other("document".into()),
    }
}

/// The RIS reference type of a work type (the inverse of [`work_type`] on its first names).
pub fn ris_type(kind: &WorkType) -> &'static str {
    match kind {
        WorkType::ArticleJournal => "JOUR",
        WorkType::Book => "BOOK",
        WorkType::Chapter => "CHAP",
        WorkType::PaperConference => "CPAPER",
        WorkType::Report => "RPRT",
        WorkType::Thesis => "THES",
        WorkType::Webpage => "ELEC",
        WorkType::Article => "MGZN",
        WorkType::EntryEncyclopedia => "ENCYC",
        WorkType::Manuscript => "UNPB",
        WorkType::Other(s) => match s.as_str() {
            "motion_picture" => "MPCT",
            "dataset" => "DATA",
            "software" => "COMP",
            "patent" => "PAT",
            "map" => "MAP",
            "legal_case" => "CASE",
            "legislation" => "STAT",
            "personal_communication" => "PCOMM",
            _ => "GEN",
        },
    }
}

/// A RIS name: `Family, Given`, `Family, Given, Suffix`; a name without a comma is an
/// organisation when it has several words, else a family name alone.
pub fn name(value: &str) -> Name {
    let value = collapse(value);
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [one] if one.contains(' ') => Name::literal(*one),
        [one] => Name::person(*one, None),
        [family, given, rest @ ..] => {
            let mut n = Name::person(*family, (!given.is_empty()).then_some(*given));
            if let (Name::Person(p), Some(suffix)) = (&mut n, rest.first().filter(|s| !s.is_empty())) {
                p.suffix = Some(suffix.to_string());
            }
            n
        }
        [] => Name::literal(""),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A RIS date (`2001`, `2001/05/12/`, `2001///Spring`, `2001-05-12`, `2001a`): the year,
/// month and day it gives.
fn date(value: &str) -> Option<Year> {
    let value = value.trim();
    if let Ok(y) = value.parse::<Year>() {
        return Some(y);
    }
    let mut parts = value.split(['/', '-']);
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.trim().parse().ok()?;
    let mut out = Year::new(year);
    out.month = parts.next().and_then(|m| m.trim().parse::<u8>().ok()).filter(|m| (1..=12).contains(m));
    out.day =
        parts.next().and_then(|d| d.trim().parse::<u8>().ok()).filter(|d| (1..=31).contains(d) && out.month.is_some());
    Some(out)
}

/// The tags [`to_work`] maps to a work's fields.
pub const MAPPED: &[&str] = &[
    "AU", "A1", "ED", "A2", "PY", "Y1", "DA", "TI", "T1", "BT", "T2", "JO", "JF", "JA", "T3", "VL", "IS", "SP", "EP",
    "PB", "CY", "ET", "M3", "UR", "DO", "N1", "ID",
];

/// The work a RIS record describes (its key is not set: see [`read`]).
pub fn to_work(record: &RisRecord) -> Work {
    let kind = work_type(record.entry_type().unwrap_or("GEN"));
    let text = |tags: &[&str]| record.first_of(tags).map(collapse).filter(|s| !s.is_empty());
    let mut work = Work { kind, ..Default::default() };
    work.authors = record.all("AU").chain(record.all("A1")).filter(|v| !v.trim().is_empty()).map(name).collect();
    work.editors = record.all("ED").chain(record.all("A2")).filter(|v| !v.trim().is_empty()).map(name).collect();
    work.year = ["PY", "Y1", "DA"].iter().find_map(|t| record.get(t).and_then(date));
    if let (Some(year), Some(da)) = (work.year.as_mut(), record.get("DA").and_then(date)) {
        if da.year == year.year && year.month.is_none() {
            year.month = da.month;
            year.day = da.day;
        }
    }
    // A key written by bibgraph keeps the year's suffix (`levitt2001a`).
    if let (Some(year), Some(id)) = (work.year.as_mut(), record.get("ID")) {
        if let (Some(y), None) = (year.year, year.suffix) {
            let id = id.trim();
            let mut chars = id.chars().rev();
            if let (Some(c), true) = (chars.next(), id.len() > 5) {
                let rest: String = chars.collect::<String>().chars().rev().collect();
                if c.is_ascii_lowercase() && rest.ends_with(&y.to_string()) {
                    year.suffix = Some(c);
                }
            }
        }
    }
    let book_title = matches!(work.kind, WorkType::Book);
    work.title = if book_title { text(&["TI", "T1", "BT"]) } else { text(&["TI", "T1"]) };
    work.container_title =
        if book_title { text(&["T2", "JO", "JF", "JA"]) } else { text(&["T2", "BT", "JO", "JF", "JA"]) };
    work.collection_title = text(&["T3"]);
    work.volume = text(&["VL"]);
    work.issue = text(&["IS"]);
    work.pages = match (text(&["SP"]), text(&["EP"])) {
        (Some(sp), Some(ep)) if sp != ep => Some(format!("{sp}-{ep}")),
        (Some(sp), _) => Some(sp),
        (None, ep) => ep,
    };
    work.publisher = text(&["PB"]);
    work.place = text(&["CY"]);
    work.edition = text(&["ET"]);
    if matches!(work.kind, WorkType::Thesis | WorkType::Report | WorkType::Manuscript) {
        work.genre = text(&["M3"]);
    }
    work.url = text(&["UR"]);
    work.doi = text(&["DO"]).map(|d| {
        let lower = d.to_ascii_lowercase();
        ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map_or(d.clone(), |p| d[p.len()..].trim().to_string())
    });
    let notes: Vec<&str> = record.all("N1").filter(|v| !v.trim().is_empty()).collect();
    if !notes.is_empty() {
        work.note = Some(notes.join("\n"));
    }
    work
}

/// Reads a RIS file into works. It never fails: see [`records`]; a record with no field
/// at all is skipped with a diagnostic.
pub fn read(src: &[u8], file: &str) -> Import {
    let RisFile { records, diagnostics } = records(src, file);
    let lines = Lines::new(src, file);
    let mut out = Import::new(file, RecordFormat::Ris);
    out.diagnostics = diagnostics;
    out.entries = records.len();
    let mut taken: HashMap<WorkKey, usize> = HashMap::new();
    let mut free = FreeKeys::default();
    let text = String::from_utf8_lossy(src);
    for (i, record) in records.iter().enumerate() {
        let id = record.get("ID").map(str::trim).unwrap_or("").to_string();
        let subject = if id.is_empty() { format!("record {}", i + 1) } else { id.clone() };
        if record.fields.is_empty() {
            let message = "the record has no fields; it is skipped".to_string();
            let d = Diagnostic::new(Severity::Warning, "ris-empty", message).at(Some(lines.at(record.start)));
            out.diagnostics.push(d.about(subject));
            out.skipped += 1;
            continue;
        }
        let mut work = to_work(record);
        let (mut key, normalised) =
            if id.is_empty() { (crate::refparse::make_key(&work), false) } else { work_key(&id) };
        if normalised {
            let message = format!("not a bibgraph key: the work's key is `{key}`");
            let d = Diagnostic::new(Severity::Note, "key-normalised", message).at(Some(lines.at(record.start)));
            out.diagnostics.push(d.about(&id));
        }
        if let Some(&first) = taken.get(&key) {
            let new = free.free(&key, |k| taken.contains_key(k));
            if !id.is_empty() {
                let (l, c) = lines.line_col(first);
                let message = format!("work key `{key}` is taken by the record at {l}:{c}; this one is `{new}`");
                let d = Diagnostic::new(Severity::Warning, "key-collision", message).at(Some(lines.at(record.start)));
                out.diagnostics.push(d.about(subject));
            }
            key = new;
        }
        taken.insert(key.clone(), record.start);
        let raw = text.get(record.start..record.end).unwrap_or("").to_string();
        let mut source = SourceRecord::with_raw(RecordFormat::Ris, id, record.kind.clone().unwrap_or_default(), raw);
        for f in &record.fields {
            source.push(&f.tag, &f.value);
        }
        source.origin = Some(lines.at(record.start));
        work.key = key;
        work.origin = source.origin.clone();
        work.records = vec![source];
        out.works.push(work);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_lines_are_strict_about_the_tag_and_lenient_about_spaces() {
        assert_eq!(tag_line("TY  - JOUR"), Some(("TY", 6)));
        assert_eq!(tag_line("ER  -"), Some(("ER", 5)));
        assert_eq!(tag_line("A1 - x"), Some(("A1", 5)));
        assert_eq!(tag_line("ty  - JOUR"), None);
        assert_eq!(tag_line("1A  - x"), None);
        assert_eq!(tag_line("TI  -x"), None);
        assert_eq!(tag_line("TIT - x"), None);
    }

    #[test]
    fn dates_and_names() {
        let d = date("2001/05/12/").unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2001), Some(5), Some(12)));
        assert_eq!(date("1999///Spring").unwrap(), Year::new(1999));
        assert_eq!(date("2001a").unwrap(), Year::with_suffix(2001, 'a'));
        assert_eq!(date("n.d.").unwrap().year, None);
        assert!(date("spring").is_none());
        assert_eq!(name("Nye, Joseph S., Jr."), {
            let mut n = Name::person("Nye", Some("Joseph S."));
            if let Name::Person(p) = &mut n {
                p.suffix = Some("Jr.".into());
            }
            n
        });
        assert_eq!(name("World Bank"), Name::literal("World Bank"));
        assert_eq!(name("Bourne"), Name::person("Bourne", None));
    }

    #[test]
    fn bad_records_are_located_and_the_rest_is_read() {
        let src = "\u{FEFF}junk before\r\nTY  - JOUR\r\nTI  - One\r\nTY  - BOOK\r\nTI  - Two\r\nER  - \r\nAU  - Orphan, A\r\nER  -\r\nTY  - CHAP\r\nTI  - Three\r\n";
        let file = records(src.as_bytes(), "x.ris");
        let titles: Vec<_> = file.records.iter().map(|r| r.get("TI")).collect();
        assert_eq!(titles, [Some("One"), Some("Two"), None, Some("Three")]);
        let codes: Vec<(String, String)> = file
            .diagnostics
            .iter()
            .map(|d| {
                (d.code.clone(), d.location.as_ref().map(|l| format!("{}:{}", l.line, l.column)).unwrap_or_default())
            })
            .collect();
        // The byte-order mark counts as a character of the first line.
        let expect =
            [("ris-stray-text", "1:2"), ("ris-unclosed", "2:1"), ("ris-no-type", "7:1"), ("ris-unclosed", "9:1")];
        let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(codes, expect);
        assert!(!file.records[0].closed && file.records[1].closed);
    }
}
