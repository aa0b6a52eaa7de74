use super::{Contributors, Flag, Name, Provenance, SourceRecord, WorkKey, Year};
use crate::error::Location;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The type of a work, named as in CSL. Types bibgraph does not know are kept as
/// [`WorkType::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum WorkType {
    /// A journal article.
    ArticleJournal,
    /// A book, monograph or edited volume.
    #[default]
    Book,
    /// A chapter in an edited book.
    Chapter,
    /// A report or working paper.
    Report,
    /// A thesis.
    Thesis,
    /// A web page.
    Webpage,
    /// A paper in conference proceedings.
    PaperConference,
    /// An article in a magazine or newspaper, or any other article.
    Article,
    /// An entry in an encyclopedia or dictionary.
    EntryEncyclopedia,
    /// An unpublished manuscript.
    Manuscript,
    /// Any other CSL type, kept as written.
    Other(String),
}

impl WorkType {
    /// The CSL name of the type.
    pub fn as_str(&self) -> &str {
        match self {
            WorkType::ArticleJournal => "article-journal",
            WorkType::Book => "book",
            WorkType::Chapter => "chapter",
            WorkType::Report => "report",
            WorkType::Thesis => "thesis",
            WorkType::Webpage => "webpage",
            WorkType::PaperConference => "paper-conference",
            WorkType::Article => "article",
            WorkType::EntryEncyclopedia => "entry-encyclopedia",
            WorkType::Manuscript => "manuscript",
            WorkType::Other(s) => s,
        }
    }

    /// The type with that CSL name; unknown names become [`WorkType::Other`].
    pub fn from_csl(s: &str) -> Self {
        match s {
            "article-journal" => WorkType::ArticleJournal,
            "book" => WorkType::Book,
            "chapter" => WorkType::Chapter,
            "report" => WorkType::Report,
            "thesis" => WorkType::Thesis,
            "webpage" => WorkType::Webpage,
            "paper-conference" => WorkType::PaperConference,
            "article" => WorkType::Article,
            "entry-encyclopedia" => WorkType::EntryEncyclopedia,
            "manuscript" => WorkType::Manuscript,
            other => WorkType::Other(other.to_string()),
        }
    }
}

impl fmt::Display for WorkType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for WorkType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for WorkType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(WorkType::from_csl(&String::deserialize(d)?))
    }
}

/// A work: an article, book, chapter, report and so on, with where it was read from.
///
/// Field names follow CSL where CSL has one. Values are kept as printed (pages keep
/// their en dash or hyphen); emphasis markers and the closing period are removed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Work {
    /// The work's key.
    pub key: WorkKey,
    /// Its type.
    #[serde(rename = "type", default)]
    pub kind: WorkType,
    /// Authors, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Name>,
    /// Editors: of the book itself, or for a chapter, of the book that contains it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Name>,
    /// Contributors in other roles (a film's director and producers, a translator), each
    /// role with its names, in [`Role`](super::Role) order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<Contributors>,
    /// The date as printed; `None` when the source prints none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The journal, the book containing a chapter, or the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// A series, such as a working-paper series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_title: Option<String>,
    /// The number in the series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// A genre such as `Working paper` or `PhD thesis`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The edition, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page range, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Place of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// URL, as printed (without `Available at:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// DOI, without the resolver prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// The label the work is cited by, when its reference list prints one: the label
    /// that starts the entry (`Hall 1980` in `Hall 1980 Hall, Stuart. ...`), the entry's
    /// number in a numbered list (`12`), or an alphabetic label (`Knu84`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Anything else the entry prints, such as a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The discipline the work belongs to, where the corpus says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    /// An annotation in the corpus author's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// What is wrong or odd about the record: misprints, inconsistencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// What the reader repaired: page-break joins, split run-together entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repairs: Vec<Flag>,
    /// The exact text the work was read from, for works read from a reference list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// Where the work was read from.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub origin: Option<Location>,
    /// Where the work is recorded, and where its notes come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    /// The entries of users' bibliography files (BibTeX, CSL-JSON) the work was imported
    /// from, every field kept; more than one when the same work came from several files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<SourceRecord>,
}

impl Work {
    /// An empty work of type `book` with this key.
    pub fn new(key: WorkKey) -> Self {
        Work { key, ..Default::default() }
    }

    /// The names the work is cited by: its authors, or its editors when it has no authors,
    /// or the first of its other roles (a film's director) when it has neither.
    pub fn creators(&self) -> &[Name] {
        if !self.authors.is_empty() || self.kind == WorkType::Chapter {
            &self.authors
        } else if !self.editors.is_empty() {
            &self.editors
        } else {
            self.contributors.first().map_or(&[], |c| c.names.as_slice())
        }
    }

    /// The family names of the [`creators`](Self::creators).
    pub fn family_names(&self) -> Vec<String> {
        self.creators().iter().map(Name::family_or_literal).collect()
    }

    /// The authors as a citation names them: `Bourne`, `Nye and Keohane`, `Portes et al.`.
    pub fn cited_authors(&self) -> String {
        let names = self.family_names();
        match names.as_slice() {
            [] => "Anon.".to_string(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [first, ..] => format!("{first} et al."),
        }
    }

    /// The work as it would be cited: `Portes et al. 1999`, `Levitt 2001a`.
    pub fn citation(&self) -> String {
        let year = self.year.as_ref().map(Year::cited).unwrap_or_else(|| "n.d.".to_string());
        format!("{} {}", self.cited_authors(), year)
    }

    /// The bibliographic fields (in the corpus format's names) on which `self` and `other`
    /// differ: `type`, `authors`, `editors`, `year`, `title`, ... `discipline`. The key,
    /// raw text, flags, provenance and records are not compared.
    pub fn differing_fields(&self, other: &Work) -> Vec<&'static str> {
        let pairs: [(&'static str, bool); 22] = [
            ("type", self.kind == other.kind),
            ("authors", self.authors == other.authors),
            ("editors", self.editors == other.editors),
            ("contributors", self.contributors == other.contributors),
            ("year", self.year == other.year),
            ("title", self.title == other.title),
            ("container-title", self.container_title == other.container_title),
            ("collection-title", self.collection_title == other.collection_title),
            ("number", self.number == other.number),
            ("genre", self.genre == other.genre),
            ("edition", self.edition == other.edition),
            ("volume", self.volume == other.volume),
            ("issue", self.issue == other.issue),
            ("pages", self.pages == other.pages),
            ("publisher", self.publisher == other.publisher),
            ("place", self.place == other.place),
            ("url", self.url == other.url),
            ("doi", self.doi == other.doi),
            ("note", self.note == other.note),
            ("annotation", self.annotation == other.annotation),
            ("label", self.label == other.label),
            ("discipline", self.discipline == other.discipline),
        ];
        pairs.into_iter().filter(|(_, same)| !same).map(|(name, _)| name).collect()
    }

    /// The year used for time order, if any.
    pub fn sort_year(&self) -> Option<i32> {
        self.year.as_ref().and_then(Year::sort_year)
    }
}
