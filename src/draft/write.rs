//! Drafts as corpus YAML (`concepts.yaml`, `lineage.yaml`), every item marked `drafted`.

use super::{DraftLink, DraftSense, Drafts, Evidence};
use crate::error::Result;
use crate::model::{Drafted, Relation, SenseKind};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OutProvenance<'a> {
    source: &'a str,
    locator: String,
    quote: &'a str,
}

impl<'a> OutProvenance<'a> {
    fn new(source: &'a str, e: &'a Evidence) -> Self {
        OutProvenance { source, locator: e.locator(), quote: &e.quote }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OutSense<'a> {
    work: &'a str,
    kind: SenseKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    discipline: Option<&'a str>,
    provenance: OutProvenance<'a>,
    drafted: Drafted,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OutRelation<'a> {
    relation: Relation,
    concept: &'a str,
    provenance: OutProvenance<'a>,
    drafted: Drafted,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OutConcept<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    alt_labels: &'a [String],
    drafted: Drafted,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    senses: Vec<OutSense<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<OutRelation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct OutEdge<'a> {
    from: &'a str,
    to: &'a str,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    concept: Option<&'a str>,
    provenance: OutProvenance<'a>,
    drafted: Drafted,
}

#[derive(Serialize)]
struct ConceptsFile<'a> {
    concepts: Vec<OutConcept<'a>>,
}

#[derive(Serialize)]
struct EdgesFile<'a> {
    edges: Vec<OutEdge<'a>>,
}

fn sense_description(s: &DraftSense) -> Option<String> {
    s.quote.is_none().then(|| {
        format!("drafted from the article's sentence (cue `{}`); to be described by a reviewer", s.evidence.cue)
    })
}

/// The drafted concepts as a corpus `concepts.yaml`.
pub fn write_concepts_yaml(drafts: &Drafts) -> Result<String> {
    let source = drafts.source.as_str();
    let concepts = drafts
        .concepts
        .iter()
        .map(|c| OutConcept {
            id: &c.id,
            label: &c.label,
            alt_labels: &c.alt_labels,
            drafted: Drafted {
                quote: Some(c.evidence.quote.clone()),
                locator: Some(c.evidence.locator()),
                ..Drafted::by_bibgraph(c.confidence, c.evidence.cue.clone())
            },
            senses: c
                .senses
                .iter()
                .map(|s| OutSense {
                    work: s.work.as_str(),
                    kind: s.kind,
                    locator: s.page.as_ref().map(|p| {
                        if p.starts_with(|c: char| c.is_ascii_digit()) {
                            format!("p. {p}")
                        } else {
                            p.clone()
                        }
                    }),
                    quote: s.quote.as_deref(),
                    description: sense_description(s),
                    discipline: s.discipline.as_deref(),
                    provenance: OutProvenance::new(source, &s.evidence),
                    drafted: Drafted::by_bibgraph(s.confidence, s.evidence.cue.clone()),
                })
                .collect(),
            relations: c
                .relations
                .iter()
                .map(|r| OutRelation {
                    relation: r.relation,
                    concept: &r.concept,
                    provenance: OutProvenance::new(source, &r.evidence),
                    drafted: Drafted::by_bibgraph(r.confidence, r.evidence.cue.clone()),
                })
                .collect(),
        })
        .collect();
    let head = format!(
        "# Drafted by bibgraph from the words of `{source}`: every item is marked `drafted` until a person\n# reviews it (edit it, then delete its `drafted` mark). Quotes are verbatim from the article.\n"
    );
    Ok(head + &crate::yaml::to_string(&ConceptsFile { concepts })?)
}

fn edge<'a>(source: &'a str, l: &'a DraftLink) -> OutEdge<'a> {
    OutEdge {
        from: l.from.as_str(),
        to: l.to.as_str(),
        relation: l.relation,
        concept: l.concept.as_deref(),
        provenance: OutProvenance::new(source, &l.evidence),
        drafted: Drafted::by_bibgraph(l.confidence, l.evidence.cue.clone()),
    }
}

/// The drafted lineage links as a corpus `lineage.yaml`.
pub fn write_lineage_yaml(drafts: &Drafts) -> Result<String> {
    let source = drafts.source.as_str();
    let edges = drafts.links.iter().map(|l| edge(source, l)).collect();
    let head = format!(
        "# Lineage drafted by bibgraph from the words of `{source}`: attested links where the text says how one\n# work took up another, succession by year otherwise. Review, then delete each `drafted` mark.\n"
    );
    Ok(head + &crate::yaml::to_string(&EdgesFile { edges })?)
}

/// Both files: (`concepts.yaml`, `lineage.yaml`).
pub fn write(drafts: &Drafts) -> Result<(String, String)> {
    Ok((write_concepts_yaml(drafts)?, write_lineage_yaml(drafts)?))
}
