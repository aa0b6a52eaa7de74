//! The YAML shapes of corpus files, as written. Converted into the model by the loader.

use crate::model::{Contributors, Drafted, Flag, Name, Relation, SenseKind, SourceRecord, Year};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawManifest {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawFile {
    #[serde(default)]
    pub works: Vec<RawWork>,
    #[serde(default)]
    pub work_notes: Vec<RawNote>,
    #[serde(default)]
    pub concepts: Vec<RawConcept>,
    #[serde(default)]
    pub edges: Vec<RawEdge>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawProvenance {
    #[serde(default)]
    pub source: Option<String>,
    pub locator: String,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A work's `provenance`: one provenance, or a list of them (as `bibgraph export
/// --format yaml` writes a work recorded in several places).
#[derive(Debug, Default)]
pub(crate) enum RawProvenances {
    /// No `provenance` field.
    #[default]
    Missing,
    /// `provenance: {locator: ..., quote: ...}`.
    One(RawProvenance),
    /// `provenance: [...]`.
    Many(Vec<RawProvenance>),
}

impl<'de> Deserialize<'de> for RawProvenances {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = RawProvenances;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a provenance or a list of provenances")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                RawProvenance::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(RawProvenances::One)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::<RawProvenance>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(RawProvenances::Many)
            }
        }
        d.deserialize_any(Visit)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawWork {
    pub key: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub authors: Vec<Name>,
    #[serde(default)]
    pub editors: Vec<Name>,
    #[serde(default)]
    pub contributors: Vec<Contributors>,
    #[serde(default)]
    pub year: Option<Year>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub container_title: Option<String>,
    #[serde(default)]
    pub collection_title: Option<String>,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub genre: Option<String>,
    #[serde(default)]
    pub edition: Option<String>,
    #[serde(default)]
    pub volume: Option<String>,
    #[serde(default)]
    pub issue: Option<String>,
    #[serde(default)]
    pub pages: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub discipline: Option<String>,
    #[serde(default)]
    pub annotation: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    #[serde(default)]
    pub repairs: Vec<Flag>,
    #[serde(default)]
    pub raw: Option<String>,
    #[serde(default)]
    pub provenance: RawProvenances,
    #[serde(default)]
    pub records: Vec<SourceRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawNote {
    pub work: String,
    #[serde(default)]
    pub discipline: Option<String>,
    #[serde(default)]
    pub annotation: Option<String>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    pub provenance: RawProvenance,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawConcept {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub alt_labels: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub senses: Vec<RawSense>,
    #[serde(default)]
    pub relations: Vec<RawConceptRelation>,
    #[serde(default)]
    pub drafted: Option<Drafted>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawSense {
    pub work: String,
    pub kind: SenseKind,
    #[serde(default)]
    pub locator: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub discipline: Option<String>,
    pub provenance: RawProvenance,
    #[serde(default)]
    pub drafted: Option<Drafted>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawConceptRelation {
    pub relation: Relation,
    pub concept: String,
    pub provenance: RawProvenance,
    #[serde(default)]
    pub drafted: Option<Drafted>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawEdge {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    #[serde(default)]
    pub concept: Option<String>,
    #[serde(default)]
    pub locator: Option<String>,
    pub provenance: RawProvenance,
    #[serde(default)]
    pub drafted: Option<Drafted>,
}
