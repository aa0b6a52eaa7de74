//! Drafting concepts, senses, relations and lineage links from an article's own words, for a
//! person to review.
//!
//! The input is the article's text, the part of it to read (the body, without the
//! reference list) and its resolved citations ([`Cited`]: span, work, year), however they
//! were found. The drafter cuts the text into sentences ([`text`]), finds the cues of a
//! general lexicon of academic prose ([`lexicon`], [`cues`]): `coined`, `the notion of`,
//! `what A calls`, `defined as`, `refers to`, `drew on`, `challenged`, `not`, `it is unclear
//! whether`; takes terms from those cues, from quoted or emphasised words, from headings
//! and from recurring word sequences ([`terms`]), groups variants by stems with hyphens
//! folded (`transnational`, `transnationalism`; `trans-state`, `trans-statal`), attributes
//! each term's occurrences to the cited works of its sentence or to the article itself
//! ([`senses`]), and links works where the text tells how one took up another, never when
//! the statement is denied or hedged; otherwise only by succession in time among the works
//! of one concept ([`lineage`]).
//!
//! Every drafted item carries its evidence: a verbatim quote of the sentence (with its byte
//! range, so `&text[range] == quote`), the section, the paragraph number, the cue, and a
//! confidence. [`write()`] turns the drafts into corpus YAML with every item marked
//! `drafted`.
//!
//! ```
//! use bibgraph::draft::{draft, Article, Cited};
//! use bibgraph::model::WorkKey;
//! let text = "Smith (1990) coined the term 'liquid modernity'. Jones (2001) built on Smith (1990).";
//! let cited = |at: &str, key: &str, year| {
//!     let start = text.find(at).unwrap();
//!     Cited { span: start..start + at.len(), work: WorkKey::new(key), year: Some(year), locator: None, names: vec![] }
//! };
//! let citations = [cited("Smith (1990)", "smith1990", 1990), cited("Jones (2001)", "jones2001", 2001)];
//! let mut second = citations[0].clone();
//! second.span.start = text.rfind("Smith (1990)").unwrap();
//! second.span.end = second.span.start + "Smith (1990)".len();
//! let citations = [citations[0].clone(), citations[1].clone(), second];
//! let drafts = draft(&Article::new(text, WorkKey::new("article"), &citations));
//! let concept = drafts.concepts.iter().find(|c| c.label == "liquid modernity").unwrap();
//! let smith = concept.senses.iter().find(|s| s.work.as_str() == "smith1990").unwrap();
//! assert_eq!(smith.kind.to_string(), "names");
//! let link = drafts.links.iter().find(|l| l.attested).unwrap();
//! assert_eq!((link.from.as_str(), link.to.as_str()), ("smith1990", "jones2001"));
//! assert_eq!(&text[link.evidence.span.clone()], link.evidence.quote);
//! # Ok::<(), bibgraph::Error>(())
//! ```

pub mod antecedent;
pub mod cues;
pub mod eval;
mod from_read;
pub mod general;
mod input;
pub mod lexicon;
pub mod lineage;
pub mod report;
pub mod review;
pub mod senses;
pub mod terms;
pub mod text;
mod write;

pub use from_read::{cited_of, draft_read};
pub use input::from_report;
pub use write::{write, write_concepts_yaml, write_lineage_yaml};

use crate::model::{Relation, SenseKind, WorkKey};
use serde::Serialize;
use std::ops::Range;

/// One resolved citation of the article: where it is written and the work it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// Byte range of the citation in the article.
    pub span: Range<usize>,
    /// The cited work.
    pub work: WorkKey,
    /// The work's year, for succession.
    pub year: Option<i32>,
    /// Where in the cited work, as the citation gives it (`219`, `p. 12`).
    pub locator: Option<String>,
    /// The family names of its authors (`Portes`, `Glick Schiller`): the prose near a
    /// citation names the work by them (`Portes elaborated a full research program`).
    pub names: Vec<String>,
}

/// The article to draft from.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The part to read: the body, without the reference list.
    pub body: Range<usize>,
    /// The article's own work key: senses it states itself are its own.
    pub source: WorkKey,
    /// Its resolved citations, in any order.
    pub citations: &'a [Cited],
    /// Section headings: the byte range each heads, and its title.
    pub sections: Vec<(Range<usize>, String)>,
}

impl<'a> Article<'a> {
    /// An article read whole, with Markdown (`#`) headings as its sections and a heading
    /// named like a reference list (`References`, `Works Cited`) ending its body.
    pub fn new(text: &'a str, source: WorkKey, citations: &'a [Cited]) -> Self {
        let found = crate::cites::read_sections(text);
        let body_end = found.iter().find(|s| s.bibliography).map_or(text.len(), |s| s.span.start);
        let sections = found.into_iter().filter(|s| !s.bibliography).map(|s| (s.span, s.title)).collect();
        Article { text, body: 0..body_end, source, citations, sections }
    }
}

/// What supports a drafted item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The supporting words, verbatim from the article.
    pub quote: String,
    /// Their byte range in the article: `&text[span] == quote`.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The section they stand in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The 1-based paragraph number in the part read.
    pub paragraph: u32,
    /// The cue that gave the item (`coined the term`, `quoted term`, `succession`).
    pub cue: String,
}

impl Evidence {
    /// The locator in the corpus format: section and paragraph.
    pub fn locator(&self) -> String {
        match &self.section {
            Some(s) => format!("{s}, para. {}", self.paragraph),
            None => format!("para. {}", self.paragraph),
        }
    }
}

/// A drafted sense: a work defines, names, uses or criticises a concept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftSense {
    /// The work.
    pub work: WorkKey,
    /// What it does with the concept.
    pub kind: SenseKind,
    /// The work's own words as the article quotes them, verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The page in the work, from the citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The discipline, when the sentence states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    /// The article's words that support it.
    pub evidence: Evidence,
    /// How sure the drafter is, 0 to 1.
    pub confidence: f32,
}

/// A drafted relation from one concept to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftRelation {
    /// `broader`, `narrower`, `contrasts` or `related`.
    pub relation: Relation,
    /// The other concept's id.
    pub concept: String,
    /// The supporting words.
    pub evidence: Evidence,
    /// How sure the drafter is, 0 to 1.
    pub confidence: f32,
}

/// A drafted concept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftConcept {
    /// A corpus id made from the label.
    pub id: String,
    /// The preferred label.
    pub label: String,
    /// The other forms found in the text.
    pub alt_labels: Vec<String>,
    /// Its senses, best first per work.
    pub senses: Vec<DraftSense>,
    /// Its relations to other drafted concepts.
    pub relations: Vec<DraftRelation>,
    /// The strongest evidence that it is a term.
    pub evidence: Evidence,
    /// How sure the drafter is that it is a concept, 0 to 1.
    pub confidence: f32,
    /// How the term was proposed (cue, quotation marks, heading, compound, recurrence).
    #[serde(skip)]
    pub origin: terms::Origin,
    /// The strength of the strongest cue that proposed it (0 when none did).
    #[serde(skip)]
    pub cue_strength: f32,
    /// How often it occurs in the prose.
    #[serde(skip)]
    pub mentions: u32,
}

/// A drafted lineage link between two works.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftLink {
    /// The earlier work.
    pub from: WorkKey,
    /// The later work.
    pub to: WorkKey,
    /// `influence`, `refinement`, `transmission`, `critique` or `succession`.
    pub relation: Relation,
    /// Whether the text states the link (not succession by year).
    pub attested: bool,
    /// The concept whose career it belongs to, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// The supporting words.
    pub evidence: Evidence,
    /// How sure the drafter is, 0 to 1.
    pub confidence: f32,
}

/// Everything drafted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Drafts {
    /// The article's key.
    pub source: WorkKey,
    /// Concepts for review, most confident first: the candidates the review filter keeps
    /// (see [`review`]).
    pub concepts: Vec<DraftConcept>,
    /// Candidate concepts the review filter set aside (generic words, phrases with neither
    /// a cue, nor quotation marks, nor a citation), most confident first; not written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<DraftConcept>,
    /// Lineage links.
    pub links: Vec<DraftLink>,
    /// Links the text states but denies or hedges: never drafted as attested; kept so a
    /// reviewer sees what was held back.
    pub withheld: Vec<DraftLink>,
}

/// Drafts concepts, senses, relations and lineage links from `article`. Never fails; an
/// article with no cue gives few or no drafts.
///
/// Complexity: linear in the length of the text and the number of citations (for each
/// word, a bounded number of cue and term look-ups).
pub fn draft(article: &Article<'_>) -> Drafts {
    let reading = text::read(article.text, article.body.clone());
    let located = senses::Located::new(article, &reading);
    let found = terms::find(article, &reading, &located);
    let mut concepts = senses::attribute(article, &reading, &located, &found);
    concepts.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then_with(|| a.label.cmp(&b.label)));
    // Succession runs among the works of every candidate concept; a link that names a
    // concept set aside names none (the corpus has no concept by that id), and a succession
    // through such a concept counts half.
    let (mut links, mut withheld) = lineage::links(article, &reading, &located, &concepts);
    let (concepts, set_aside) = review::filter(concepts, &article.source);
    let kept: std::collections::HashSet<&str> = concepts.iter().map(|c| c.id.as_str()).collect();
    for l in links.iter_mut().chain(withheld.iter_mut()) {
        if l.concept.as_deref().is_some_and(|c| !kept.contains(c)) {
            l.concept = None;
            if !l.attested && l.relation == Relation::Succession {
                l.confidence *= 0.5;
            }
        }
    }
    Drafts { source: article.source.clone(), concepts, set_aside, links, withheld }
}

/// A short verbatim quote around `focus` inside `sentence`: the whole sentence when short,
/// else a window of at most `MAX_QUOTE` bytes cut at word boundaries.
pub(crate) fn quote_window(text: &str, sentence: Range<usize>, focus: Range<usize>) -> Range<usize> {
    const MAX_QUOTE: usize = 240;
    let mut s = sentence.clone();
    // A sentence broken by a page break keeps only its line with the focus.
    if s.end - s.start > MAX_QUOTE {
        let centre = (focus.start + focus.end) / 2;
        let half = MAX_QUOTE / 2;
        let mut a = centre.saturating_sub(half).max(s.start).min(focus.start.max(s.start));
        let mut b = (a + MAX_QUOTE).min(s.end).max(focus.end.min(s.end));
        if b - a > MAX_QUOTE * 2 {
            b = a + MAX_QUOTE * 2;
        }
        while a > s.start && !text.is_char_boundary(a) {
            a -= 1;
        }
        while b < s.end && !text.is_char_boundary(b) {
            b += 1;
        }
        // Cut at word boundaries.
        if a > s.start {
            if let Some(p) = text[a..b].find(' ') {
                if a + p < focus.start {
                    a += p + 1;
                }
            }
        }
        if b < s.end {
            if let Some(p) = text[a..b].rfind(' ') {
                if a + p >= focus.end {
                    b = a + p;
                }
            }
        }
        s = a..b;
    }
    // Trim spaces and line breaks at the ends.
    let q = &text[s.clone()];
    let lead = q.len() - q.trim_start().len();
    let trail = q.len() - q.trim_end().len();
    if lead + trail >= q.len() {
        return s;
    }
    s.start + lead..s.end - trail
}

/// The id for a label: lowercase ASCII letters, digits and `-`, starting with a letter.
pub(crate) fn slug(label: &str) -> String {
    let folded: String = unicode_normalization::UnicodeNormalization::nfkd(label)
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_ascii_lowercase();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert_str(0, "concept-");
    }
    out
}
