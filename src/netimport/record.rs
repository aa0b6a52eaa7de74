//! The plain records every importer produces: one citing work and its cited references.

use crate::error::{Diagnostic, Location, Severity};
use std::sync::Arc;

/// The export formats the importers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Web of Science plain text (`FN`/`VR`/`PT` tagged lines, `ER` record ends).
    WosPlain,
    /// Web of Science tab-delimited (a header line of field tags).
    WosTab,
    /// Scopus CSV export.
    ScopusCsv,
    /// Scopus RIS export (references in an `N1  - References:` note).
    ScopusRis,
    /// OpenAlex works: one work, an API page (`meta`/`results`), or JSON Lines.
    OpenAlex,
    /// Crossref REST responses (`message.items` or one `message`).
    Crossref,
    /// Semantic Scholar papers (Graph API or legacy v1).
    SemanticScholar,
}

impl Format {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::WosPlain => "wos-plain",
            Format::WosTab => "wos-tab",
            Format::ScopusCsv => "scopus-csv",
            Format::ScopusRis => "scopus-ris",
            Format::OpenAlex => "openalex",
            Format::Crossref => "crossref",
            Format::SemanticScholar => "semantic-scholar",
        }
    }

    /// Every format, in the order sniffing tries them.
    pub const ALL: [Format; 7] = [
        Format::WosPlain,
        Format::WosTab,
        Format::ScopusCsv,
        Format::ScopusRis,
        Format::OpenAlex,
        Format::Crossref,
        Format::SemanticScholar,
    ];

    /// The format named `name` (as [`Format::name`] prints it), if any.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// One record of an export: a work of the set, with its cited references.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The 1-based line where the record starts (for JSON documents, the document's line).
    pub line: u32,
    /// The source's own id: WoS `UT`, Scopus `EID`, OpenAlex `W...`, the DOI for Crossref,
    /// the Semantic Scholar `paperId`.
    pub id: Option<String>,
    /// Authors as printed (`Surname, Initials` or `Given Family`).
    pub authors: Vec<String>,
    /// Publication year.
    pub year: Option<i32>,
    /// Title.
    pub title: Option<String>,
    /// The journal or other source, full title.
    pub source: Option<String>,
    /// The source's abbreviation (WoS `J9`, Scopus `Abbreviated Source Title`).
    pub source_abbrev: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// First page (or article number when there is no page).
    pub page: Option<String>,
    /// The DOI, bare (`10.x/y`), as printed.
    pub doi: Option<String>,
    /// Times cited according to the source (WoS `TC`, Scopus `Cited by`, OpenAlex
    /// `cited_by_count`...).
    pub times_cited: Option<u64>,
    /// The number of references the source says the record has (WoS `NR`), which need not
    /// equal `references.len()`.
    pub declared_references: Option<u32>,
    /// The cited references, in the order printed.
    pub references: Vec<CitedRef>,
    /// Cited works named only by the source's own ids (OpenAlex `referenced_works`), kept in
    /// one buffer rather than as one [`CitedRef`] each.
    pub referenced_ids: IdList,
    /// Works that cite this record, as the source lists them (Semantic Scholar `citations`).
    pub cited_by: Vec<CitedRef>,
}

/// Ids in one buffer: no allocation per id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdList {
    text: String,
    ends: Vec<u32>,
}

impl IdList {
    /// Appends an id.
    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len() as u32);
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The ids in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(a, b)| &self.text[a as usize..b as usize])
    }
}

/// One cited reference: its raw text and what could be read from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CitedRef {
    /// The text as printed (empty for purely structured references such as an OpenAlex id).
    pub raw: String,
    /// A work id of the source's own (OpenAlex `W...`, Semantic Scholar `paperId`).
    pub id: Option<String>,
    /// DOIs, bare, as printed (WoS prints lists).
    pub dois: Vec<String>,
    /// First author as printed.
    pub author: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Title, when the format gives one (Scopus, Crossref, Semantic Scholar).
    pub title: Option<String>,
    /// Source (journal abbreviation or title).
    pub source: Option<String>,
    /// Volume without its `V`.
    pub volume: Option<String>,
    /// First page without its `P` (or the article number).
    pub page: Option<String>,
}

/// Everything read from one file: its records and the located problems.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The file name as used in locations.
    pub file: Arc<str>,
    /// The format read.
    pub format: Format,
    /// The records, in file order.
    pub records: Vec<Record>,
    /// Records that could not be read (code `skipped-record`) and other findings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub(crate) fn new(file: &str, format: Format) -> Self {
        Parsed { file: Arc::from(file), format, records: Vec::new(), diagnostics: Vec::new() }
    }

    /// How many records were skipped.
    pub fn skipped(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.code == SKIPPED).count()
    }

    pub(crate) fn skip(&mut self, line: u32, reason: impl Into<String>, subject: Option<&str>) {
        self.diagnostics.push(skip_diagnostic(&self.file, line, reason, subject));
    }

    pub(crate) fn note(&mut self, line: u32, code: &str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(Severity::Note, code, message).at(Some(Location::new(
            self.file.clone(),
            line.max(1),
            1,
        ))));
    }
}

/// The diagnostic code of a record that could not be read.
pub const SKIPPED: &str = "skipped-record";

pub(crate) fn skip_diagnostic(
    file: &Arc<str>,
    line: u32,
    reason: impl Into<String>,
    subject: Option<&str>,
) -> Diagnostic {
    let d = Diagnostic::new(Severity::Warning, SKIPPED, reason).at(Some(Location::new(file.clone(), line.max(1), 1)));
    match subject {
        Some(s) => d.about(s.chars().take(60).collect::<String>()),
        None => d,
    }
}

impl Record {
    /// Whether the record carries anything to identify a work by.
    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.doi.is_none() && self.title.is_none() && self.authors.is_empty()
    }
}
