//! Reading a whole article: finding its reference list by its heading, parsing the list
//! (whatever its style), finding and resolving every in-text citation, and saying where
//! each stands (section, paragraph, page) and what is wrong.
//!
//! The citation style is detected from the list and the text, not asked for;
//! [`ReadOptions::style_hint`] overrides the detection, and [`Article::style`] reports it.
//!
//! ```
//! use bibgraph::read::{read_article, ReadOptions, Style};
//! let text = "\
//! On Reading
//!
//! Close reading has a history [Hall 1980, 11] and a future [Ong 2002].
//!
//! Works Cited
//!
//! Hall 1980 Hall, Stuart. “Encoding/Decoding.” Culture, Media, Language. London: Hutchinson, 1980.
//!
//! Ong 2002 Ong, Walter J. Orality and Literacy. London: Routledge, 2002.
//! ";
//! let article = read_article(text, "article.txt", &ReadOptions::default());
//! assert_eq!(article.style.style, Style::Labels);
//! assert_eq!(article.works().len(), 2);
//! let first = &article.citations[0];
//! assert_eq!(first.citation.text, "[Hall 1980, 11]");
//! assert_eq!(first.resolution.work.as_ref().map(|k| k.as_str()), Some("hall1980"));
//! assert_eq!(first.citation.locator.as_deref(), Some("11"));
//! assert_eq!((first.section.as_deref(), first.paragraph), (Some("On Reading"), 1));
//! assert!(article.uncited.is_empty());
//! ```

mod layout;
mod out;

pub use layout::{article_sections, find_list, find_notes, is_notes_title};
pub use out::{ArticleSummary, CitationLine};

use crate::cites::extract::paragraphs_in;
use crate::cites::{Citation, CitationIndex, ExtractOptions, Resolution, Section, Status};
use crate::corpus::{Corpus, CorpusFile};
use crate::error::{Diagnostic, Location, Severity};
use crate::model::{Provenance, Work, WorkKey};
use crate::refparse::{parse_list, ParseOptions};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// A citation style, as detected or hinted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Author-date: `(Hall, 1980: 11)`, `Hall (1980)`, against a list whose entries start
    /// with names and year.
    AuthorDate,
    /// Bracketed labels against a list whose entries start with their label:
    /// `[Hall 1980, 11]` and `Hall 1980 Hall, Stuart. ...` (DHQ).
    Labels,
    /// Author and page with no year (MLA): `(Hall 11)`, against a list with the year
    /// near the end.
    AuthorPage,
    /// Numbers against a numbered list (Vancouver, IEEE): `[12]`, `[3, 7-9]`, `(12)`.
    Numbered,
    /// Notes: citations in a notes section, `Ibid.`, short forms.
    Notes,
    /// Pandoc Markdown: `[@hall1980, p. 33]`, resolved by key.
    Pandoc,
}

impl Style {
    /// The style's name: `author-date`, `labels`, `author-page`, `numbered`, `notes`,
    /// `pandoc`.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::AuthorDate => "author-date",
            Style::Labels => "labels",
            Style::AuthorPage => "author-page",
            Style::Numbered => "numbered",
            Style::Notes => "notes",
            Style::Pandoc => "pandoc",
        }
    }

    /// The style with that name.
    pub fn from_name(name: &str) -> Option<Style> {
        [Style::AuthorDate, Style::Labels, Style::AuthorPage, Style::Numbered, Style::Notes, Style::Pandoc]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// How the style was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StyleDetection {
    /// The style.
    pub style: Style,
    /// Whether it was given by [`ReadOptions::style_hint`] rather than detected.
    pub hinted: bool,
    /// The evidence, in words: `41 of 44 entries start with a label`.
    pub evidence: String,
}

/// How to read an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The style to read, instead of the detected one.
    pub style_hint: Option<Style>,
    /// The key of the article's own work (default: made from the file name).
    pub source_key: Option<String>,
}

impl ReadOptions {
    /// Options with a style hint.
    pub fn style_hint(mut self, style: Option<Style>) -> Self {
        self.style_hint = style;
        self
    }

    /// Options with the article's own key.
    pub fn source_key(mut self, key: Option<String>) -> Self {
        self.source_key = key;
        self
    }
}

/// One citation of the article, resolved, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleCitation {
    /// The citation as found (text as written, span, line, column, locator).
    pub citation: Citation,
    /// The work it resolves to, with status and problems.
    pub resolution: Resolution,
    /// The title of the section it stands in; for a citation in a note, of the section
    /// where the note is called (when the call is found).
    pub section: Option<String>,
    /// The 1-based number of the paragraph it stands in, counting every paragraph of the
    /// text (headings excluded).
    pub paragraph: u32,
    /// The 1-based page, for a text with page breaks (form feeds); `None` otherwise.
    pub page: Option<u32>,
}

/// An article read: its works, its resolved citations, the detected style, problems and
/// references never cited.
#[derive(Debug)]
pub struct Article {
    /// The file name, as given.
    pub file: String,
    /// The article's own work (the source of every `cites` edge).
    pub source: Work,
    /// The style read, and why.
    pub style: StyleDetection,
    /// The heading of the reference list found, and its byte range (without the heading).
    pub list: Option<(String, Range<usize>)>,
    /// The text's sections.
    pub sections: Vec<Section>,
    /// The works of the reference list, in list order, each with where it is printed.
    pub references: Vec<Work>,
    /// The works of the reference list as a corpus, with the article's own work.
    pub corpus: Corpus,
    /// The citations, in text order (notes after the body, as printed).
    pub citations: Vec<ArticleCitation>,
    /// The references that no citation resolves to, in list order.
    pub uncited: Vec<WorkKey>,
    /// Everything wrong, located: unresolved and tolerant citations, list entries with
    /// problems, no list found.
    pub problems: Vec<Diagnostic>,
}

impl Article {
    /// The works of the reference list, in list order.
    pub fn works(&self) -> Vec<&Work> {
        self.references.iter().collect()
    }
}

/// A key for the article's own work, from its file name: `dhq-000065`.
fn key_from_file(file: &str) -> String {
    let stem = std::path::Path::new(file).file_stem().map_or(file.to_string(), |s| s.to_string_lossy().into_owned());
    let mut key: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key.insert_str(0, "article-");
    }
    key
}

/// The labels that brackets in the text give, before any locator: `[Hall 1980, 11]` →
/// `Hall 1980`. A hint for the list layer.
fn bracket_labels(text: &str) -> Vec<String> {
    let mut out: HashSet<String> = HashSet::new();
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        match after.find([']', '[', '\n']) {
            Some(j) if after.as_bytes()[j] == b']' && j <= 200 => {
                let inner = &after[..j];
                for item in inner.split(';') {
                    let label = item.split(", ").next().unwrap_or("").trim();
                    if label.chars().count() >= 3 && label.chars().any(char::is_alphabetic) && !label.contains('@') {
                        out.insert(label.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                    // `Cordon-Garcia et al., 2013`: the label may hold a comma.
                    let whole = item.trim();
                    if whole.contains(", ") && whole.chars().count() <= 80 {
                        out.insert(whole.split_whitespace().collect::<Vec<_>>().join(" "));
                        if let Some((a, _)) = whole.rsplit_once(", ") {
                            out.insert(a.split_whitespace().collect::<Vec<_>>().join(" "));
                        }
                    }
                }
                rest = &after[j + 1..];
            }
            Some(j) => rest = &after[j..],
            None => break,
        }
    }
    let mut v: Vec<String> = out.into_iter().collect();
    v.sort();
    v
}

/// Detects the style from the list's works and the text.
fn detect(works: &[Work], text: &str, hint: Option<Style>) -> StyleDetection {
    if let Some(style) = hint {
        return StyleDetection { style, hinted: true, evidence: "given by --style-hint".into() };
    }
    let n = works.len();
    let labelled = works.iter().filter(|w| w.label.is_some()).count();
    let numbered =
        works.iter().filter(|w| w.label.as_deref().is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))).count();
    let pandoc = text.matches("[@").count() + text.matches("[-@").count() + text.matches("; @").count();
    let (style, evidence) = if pandoc >= 1 && labelled * 2 < n.max(1) {
        (Style::Pandoc, format!("{pandoc} pandoc citations ([@key]) in the text"))
    } else if n > 0 && numbered * 2 > n {
        (Style::Numbered, format!("{numbered} of {n} entries are numbered"))
    } else if n > 0 && labelled * 2 > n {
        (Style::Labels, format!("{labelled} of {n} entries start with their citation label"))
    } else if n == 0 {
        (Style::Notes, "no reference list found: citations are read from the text and its notes".into())
    } else {
        let head = works.iter().filter(|w| w.raw.as_deref().is_some_and(crate::refparse::has_author_date_head)).count();
        if head * 2 >= n {
            (Style::AuthorDate, format!("{head} of {n} entries start with names and year"))
        } else {
            (Style::AuthorPage, format!("{} of {n} entries print the year after the title (MLA, Chicago)", n - head))
        }
    };
    StyleDetection { style, hinted: false, evidence }
}

/// Reads an article. Never fails and never panics: an article with no reference list is
/// read for its citations (reported unresolved), with a problem saying so.
///
/// Complexity: linear in the length of the text, plus O(n log n) in the number of list
/// entries.
pub fn read_article(text: &str, file: &str, options: &ReadOptions) -> Article {
    let sections = article_sections(text);
    let mut problems = Vec::new();
    let list = find_list(text, &sections);
    let source_key = options.source_key.clone().unwrap_or_else(|| key_from_file(file));
    let mut works: Vec<Work> = Vec::new();
    let list_heading = list.as_ref().map(|(i, r)| (sections[*i].title.clone(), r.clone()));
    if let Some((i, body)) = &list {
        let list_text = &text[body.clone()];
        let line0 = text[..body.start].matches('\n').count() as u32;
        let labels = bracket_labels(&text[..body.start]);
        let opts = ParseOptions {
            one_per_line: false,
            paragraphs: crate::refparse::list::one_entry_per_paragraph(list_text),
            labels,
            ..ParseOptions::default()
        };
        let parsed = parse_list(list_text, file, &opts);
        for d in parsed.diagnostics {
            if d.severity == Severity::Warning {
                let mut d = d;
                if let Some(l) = &mut d.location {
                    l.line += line0;
                }
                problems.push(d);
            }
        }
        let heading = sections[*i].title.clone();
        for (n, r) in parsed.references.into_iter().enumerate() {
            let mut w = r.work;
            if let Some(l) = &mut w.origin {
                l.line += line0;
            }
            w.provenance.push(Provenance {
                source: WorkKey::new(source_key.as_str()),
                locator: format!("{heading}, entry {}", n + 1),
                quote: None,
                note: Some("the entry as printed in the article's reference list (see `raw`)".into()),
            });
            works.push(w);
        }
    } else {
        problems.push(
            Diagnostic::new(
                Severity::Warning,
                "no-list",
                "no reference list found (no heading such as References, Works Cited, Bibliography)",
            )
            .at(Some(Location::new(file, 1, 1))),
        );
    }
    let style = detect(&works, text, options.style_hint);
    let mut source = Work::new(WorkKey::new(source_key.as_str()));
    source.title =
        text.lines().map(str::trim).find(|l| !l.is_empty()).map(|l| l.trim_start_matches('#').trim().to_string());
    source.provenance.push(Provenance {
        source: source.key.clone(),
        locator: "title".into(),
        quote: None,
        note: Some("the article read by `bibgraph read`".into()),
    });
    let corpus = build_corpus(&source, &works, &mut problems);
    let notes = find_notes(&sections);
    let ex = ExtractOptions {
        sections: Some(sections.clone()),
        labels: works.iter().filter_map(|w| w.label.clone()).collect(),
        numbered: style.style == Style::Numbered,
        author_page: style.style == Style::AuthorPage,
        notes: notes.clone(),
        ..ExtractOptions::default()
    };
    let extraction = crate::cites::extract_with(text, &ex);
    let index = CitationIndex::new(&corpus);
    let resolutions = index.resolve_all(&extraction.citations);
    let paras = paragraphs_in(text, &extraction.sections);
    let page_breaks: Vec<usize> = text.match_indices('\u{c}').map(|(i, _)| i).collect();
    let mut citations = Vec::with_capacity(resolutions.len());
    for (c, r) in extraction.citations.into_iter().zip(resolutions) {
        if crate::cites::report::weak_prose(&c, &r) {
            continue;
        }
        let paragraph = paras.partition_point(|p| p.start <= c.span.start) as u32;
        let page = (!page_breaks.is_empty()).then(|| page_breaks.partition_point(|&b| b < c.span.start) as u32 + 1);
        // A citation in a note stands where the note is called.
        let at = match c.note {
            Some(n) => extraction.note_calls.iter().find(|(m, _)| *m == n).map_or(c.span.start, |(_, s)| s.start),
            None => c.span.start,
        };
        let section = crate::cites::section_at(&extraction.sections, at)
            .map(|i| extraction.sections[i].title.clone())
            .filter(|t| !t.is_empty());
        if r.status != Status::Exact {
            let what = match r.status {
                Status::Tolerant => "tolerant",
                _ => "unresolved",
            };
            problems.push(
                Diagnostic::new(Severity::Warning, what, format!("{}: {}", c.text, r.problem().unwrap_or_default()))
                    .at(Some(Location::new(file, c.line, c.column))),
            );
        }
        citations.push(ArticleCitation { citation: c, resolution: r, section, paragraph, page });
    }
    let cited: HashSet<&WorkKey> = citations.iter().filter_map(|c| c.resolution.work.as_ref()).collect();
    let uncited: Vec<WorkKey> = corpus
        .works()
        .iter()
        .filter(|w| w.key != source.key && !cited.contains(&w.key))
        .map(|w| w.key.clone())
        .collect();
    Article {
        file: file.to_string(),
        source,
        style,
        list: list_heading,
        sections,
        references: works,
        corpus,
        citations,
        uncited,
        problems,
    }
}

/// The corpus of the article's own work and its list's works.
fn build_corpus(source: &Work, works: &[Work], problems: &mut Vec<Diagnostic>) -> Corpus {
    let all: Vec<&Work> = std::iter::once(source).chain(works.iter()).collect();
    let built = crate::export::yaml::to_corpus_yaml(all.iter().copied()).and_then(|yaml| {
        let manifest = format!("id: {}\nsource: {}\n", source.key, source.key);
        Corpus::from_files([CorpusFile::new("corpus.yaml", manifest), CorpusFile::new("works.yaml", yaml)])
    });
    match built {
        Ok(c) => c,
        Err(e) => {
            problems.push(Diagnostic::new(
                Severity::Warning,
                "corpus",
                format!("the works could not be gathered: {e}"),
            ));
            Corpus::from_files([CorpusFile::new("corpus.yaml", format!("id: {}\n", source.key))])
                .unwrap_or_else(|_| Corpus::builtin().expect("the built-in corpus loads"))
        }
    }
}
