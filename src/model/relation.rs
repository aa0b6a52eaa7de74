use super::{ConceptId, Drafted, WorkKey};
use crate::error::Location;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The vocabulary of typed links. See `docs/corpus-format.md` for the definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Relation {
    /// Work to work: the later work took up the earlier one's idea.
    Influence,
    /// Work to work: the idea was carried from the earlier work's field into the later one's.
    Transmission,
    /// Work to work: the later work sharpens, narrows or elaborates the earlier one's concept.
    Refinement,
    /// Work to work: the later work argues against the earlier one.
    Critique,
    /// Work to work: the later work comes after the earlier one in the idea's career; the
    /// source does not say it drew on it.
    Succession,
    /// Work to work: the later work cites the earlier one.
    Cites,
    /// Work to concept: the work defines the concept.
    Defines,
    /// Work to concept: the work uses the concept.
    Uses,
    /// Work to concept: the work criticises the concept.
    Critiques,
    /// Work to concept: the work coins or popularises the label.
    Names,
    /// Concept to concept: the other concept is more general.
    Broader,
    /// Concept to concept: the other concept is more specific.
    Narrower,
    /// Concept to concept: related.
    Related,
    /// Concept to concept: the source sets them against each other.
    Contrasts,
    /// Concept to concept: another label or form of the same idea.
    VariantOf,
    /// Person to work: authored it.
    Authored,
    /// Person to work: edited it.
    Edited,
}

impl Relation {
    /// All relations, in documentation order.
    pub const ALL: [Relation; 17] = [
        Relation::Influence,
        Relation::Transmission,
        Relation::Refinement,
        Relation::Critique,
        Relation::Succession,
        Relation::Cites,
        Relation::Defines,
        Relation::Uses,
        Relation::Critiques,
        Relation::Names,
        Relation::Broader,
        Relation::Narrower,
        Relation::Related,
        Relation::Contrasts,
        Relation::VariantOf,
        Relation::Authored,
        Relation::Edited,
    ];

    /// The relation's name as written in corpus files.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Influence => "influence",
            Relation::Transmission => "transmission",
            Relation::Refinement => "refinement",
            Relation::Critique => "critique",
            Relation::Succession => "succession",
            Relation::Cites => "cites",
            Relation::Defines => "defines",
            Relation::Uses => "uses",
            Relation::Critiques => "critiques",
            Relation::Names => "names",
            Relation::Broader => "broader",
            Relation::Narrower => "narrower",
            Relation::Related => "related",
            Relation::Contrasts => "contrasts",
            Relation::VariantOf => "variant-of",
            Relation::Authored => "authored",
            Relation::Edited => "edited",
        }
    }

    /// Whether this is a lineage relation: a link from an earlier work to a later one in an
    /// idea's career (`influence`, `transmission`, `refinement`, `critique`, `succession`).
    pub fn is_lineage(self) -> bool {
        matches!(
            self,
            Relation::Influence
                | Relation::Transmission
                | Relation::Refinement
                | Relation::Critique
                | Relation::Succession
        )
    }

    /// Whether the relation links two works.
    pub fn is_work_to_work(self) -> bool {
        self.is_lineage() || self == Relation::Cites
    }

    /// Whether the relation links a work to a concept.
    pub fn is_work_to_concept(self) -> bool {
        matches!(self, Relation::Defines | Relation::Uses | Relation::Critiques | Relation::Names)
    }

    /// Whether the relation links two concepts.
    pub fn is_concept_to_concept(self) -> bool {
        matches!(
            self,
            Relation::Broader | Relation::Narrower | Relation::Related | Relation::Contrasts | Relation::VariantOf
        )
    }

    /// Whether the source, in stating this relation, attests that the earlier work
    /// affected the later one. `succession` and `cites` do not.
    pub fn attests_influence(self) -> bool {
        matches!(self, Relation::Influence | Relation::Transmission | Relation::Refinement | Relation::Critique)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a claim comes from: the source work, a locator in it, and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Provenance {
    /// The work that makes the claim.
    pub source: WorkKey,
    /// Where in the source: a page (`p. 52`) or a section heading.
    pub locator: String,
    /// The source's exact words, short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The evidence in the corpus author's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provenance {
    /// The evidence as one string: the quote in quotation marks, or the note.
    pub fn evidence(&self) -> String {
        match (&self.quote, &self.note) {
            (Some(q), Some(n)) => format!("\u{201c}{q}\u{201d} ({n})"),
            (Some(q), None) => format!("\u{201c}{q}\u{201d}"),
            (None, Some(n)) => n.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Something wrong or odd about a record, or something the reader repaired.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    /// A short lowercase code: `misprint`, `inconsistent`, `not-in-reference-list`, ...
    pub kind: String,
    /// What is wrong, in lowercase words.
    pub message: String,
}

impl Flag {
    /// A flag of this kind.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        Flag { kind: kind.into(), message: message.into() }
    }
}

/// What an [`Edge`] points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EdgeTarget {
    /// A work.
    Work(WorkKey),
    /// A concept.
    Concept(ConceptId),
}

impl fmt::Display for EdgeTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EdgeTarget::Work(k) => f.write_str(k.as_str()),
            EdgeTarget::Concept(c) => f.write_str(c.as_str()),
        }
    }
}

/// A typed link from a work to a work or concept, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The earlier work.
    pub from: WorkKey,
    /// The later work, or the concept.
    pub to: EdgeTarget,
    /// The type of link.
    pub relation: Relation,
    /// The concept whose career the link belongs to.
    pub concept: Option<ConceptId>,
    /// For `cites`: where in the cited work, as the citation gives it (`219`, `124-5`,
    /// `p. 12`).
    pub locator: Option<String>,
    /// Where the source says so.
    pub provenance: Provenance,
    /// Set when a tool drafted the edge and no person has reviewed it.
    pub drafted: Option<Drafted>,
    /// Where the edge was read from.
    pub origin: Option<Location>,
}
