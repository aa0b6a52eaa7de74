use super::{ConceptId, Drafted, Provenance, Relation, WorkKey};
use crate::error::Location;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a work does with a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SenseKind {
    /// The work defines the concept.
    Defines,
    /// The work uses the concept.
    Uses,
    /// The work criticises the concept.
    Critiques,
    /// The work coins or popularises the label.
    Names,
}

impl SenseKind {
    /// The matching work-to-concept [`Relation`].
    pub fn relation(self) -> Relation {
        match self {
            SenseKind::Defines => Relation::Defines,
            SenseKind::Uses => Relation::Uses,
            SenseKind::Critiques => Relation::Critiques,
            SenseKind::Names => Relation::Names,
        }
    }
}

impl fmt::Display for SenseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.relation().as_str())
    }
}

/// One author's definition or use of a concept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Sense {
    /// The work in which the author defines or uses the concept.
    pub work: WorkKey,
    /// What the work does with the concept.
    pub kind: SenseKind,
    /// Where in that work, e.g. `p. 52`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The author's own words, exact and short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The sense in the corpus author's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The discipline in which the sense belongs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<String>,
    /// Where the source reports this sense.
    pub provenance: Provenance,
    /// Set when a tool drafted the sense and no person has reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Drafted>,
}

/// A typed link from one concept to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ConceptRelation {
    /// `broader`, `narrower`, `related`, `contrasts` or `variant-of`.
    pub relation: Relation,
    /// The other concept.
    pub concept: ConceptId,
    /// Where the source says so.
    pub provenance: Provenance,
    /// Set when a tool drafted the relation and no person has reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Drafted>,
}

/// A concept, with its labels, senses and relations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Concept {
    /// The concept's id.
    pub id: ConceptId,
    /// The preferred label.
    pub label: String,
    /// Other labels and spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_labels: Vec<String>,
    /// What the concept is, in the corpus author's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Each author's definition or use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub senses: Vec<Sense>,
    /// Links to other concepts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<ConceptRelation>,
    /// Set when a tool drafted the concept and no person has reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Drafted>,
    /// Where the concept was read from.
    #[serde(default, skip)]
    pub origin: Option<Location>,
}

impl Concept {
    /// Whether `name` is this concept's id, label or one of its alternative labels
    /// (case-insensitive, with `-` and spaces treated alike).
    pub fn is_named(&self, name: &str) -> bool {
        let want = fold_label(name);
        fold_label(self.id.as_str()) == want
            || fold_label(&self.label) == want
            || self.alt_labels.iter().any(|l| fold_label(l) == want)
    }
}

/// Lowercases and replaces `-`, `_` and runs of spaces by one space.
pub(crate) fn fold_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == '_').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}
