//! What a reading list is about, and finding it from a name: a concept, a work, or a
//! section of the corpus's source work.

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{concept_fold_label, ConceptId, Provenance, WorkKey};
use crate::resolve::nearest;
use std::fmt;

/// The subject of a reading list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Topic {
    /// A concept: the works that define, name, use or criticise it (or a narrower form of
    /// it), and their lineage ancestors.
    Concept(ConceptId),
    /// A work: what leads up to it (its lineage ancestors and the works it cites), and the
    /// work itself.
    Work(WorkKey),
    /// A section of the corpus's source work, by its heading as the corpus writes it:
    /// the works involved in the claims the corpus locates there (edges, senses, citations,
    /// notes).
    Section(String),
}

/// Which kind of [`Topic`] a name should be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TopicKind {
    /// A concept's id, label or alternative label.
    Concept,
    /// A work's key or citation.
    Work,
    /// A section heading of the source work.
    Section,
}

impl fmt::Display for TopicKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TopicKind::Concept => "concept",
            TopicKind::Work => "work",
            TopicKind::Section => "section",
        })
    }
}

impl Topic {
    /// The kind of topic.
    pub fn kind(&self) -> TopicKind {
        match self {
            Topic::Concept(_) => TopicKind::Concept,
            Topic::Work(_) => TopicKind::Work,
            Topic::Section(_) => TopicKind::Section,
        }
    }
}

/// A topic found from a name ([`Corpus::find_topic`]), with the other readings of the
/// same name that join it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMatch {
    /// The preferred reading: a concept before a work before a section.
    pub topic: Topic,
    /// A section of the source with the same name as the concept. The section is where
    /// the source treats the concept, so its works join the concept's list (after the
    /// concept's own reasons).
    pub also: Vec<Topic>,
}

impl From<Topic> for TopicMatch {
    fn from(topic: Topic) -> Self {
        TopicMatch { topic, also: Vec::new() }
    }
}

fn same_section(a: &str, b: &str) -> bool {
    concept_fold_label(a) == concept_fold_label(b)
}

impl Corpus {
    /// Every provenance of every claim in the corpus: work records and notes, senses,
    /// concept relations, edges.
    pub(crate) fn provenances(&self) -> impl Iterator<Item = &Provenance> {
        let works = self.works.iter().flat_map(|w| w.provenance.iter());
        let concepts = self
            .concepts
            .iter()
            .flat_map(|c| c.senses.iter().map(|s| &s.provenance).chain(c.relations.iter().map(|r| &r.provenance)));
        let edges = self.edges.iter().map(|e| &e.provenance);
        works.chain(concepts).chain(edges)
    }

    /// Whether a provenance places its claim in `section` of the corpus's source work
    /// (case-insensitive; `-` and spaces alike).
    pub(crate) fn in_section(&self, p: &Provenance, section: &str) -> bool {
        self.meta.source.as_ref() == Some(&p.source) && same_section(&p.locator, section)
    }

    /// The sections of the corpus's source work that claims are located in, as the corpus
    /// writes them, in the order first met (work records and notes, senses, concept
    /// relations, edges). Empty if the corpus names no source.
    ///
    /// Complexity: O(claims).
    pub fn sections(&self) -> Vec<&str> {
        let Some(source) = &self.meta.source else { return Vec::new() };
        let mut seen = std::collections::HashSet::new();
        self.provenances()
            .filter(|p| &p.source == source && seen.insert(concept_fold_label(&p.locator)))
            .map(|p| p.locator.as_str())
            .collect()
    }

    /// The section of the source work with this heading (case-insensitive), as the corpus
    /// writes it.
    pub fn find_section(&self, name: &str) -> Option<&str> {
        self.sections().into_iter().find(|s| same_section(s, name))
    }

    /// Finds what a reading list should be about: a concept ([`Corpus::find_concept`]),
    /// else a work ([`Corpus::find_work`]), else a section of the source work. With
    /// `kind`, only that kind is tried.
    ///
    /// A name that is both a concept and a section (`homeland politics`) reads as the
    /// concept, with the section in [`TopicMatch::also`].
    ///
    /// # Errors
    /// [`ErrorKind::Ambiguous`] if the name matches several concepts or works;
    /// [`ErrorKind::NotFound`] if it matches nothing, listing the nearest concepts, works
    /// and sections.
    ///
    /// ```
    /// use bibgraph::reading::Topic;
    ///
    /// let corpus = bibgraph::Corpus::builtin()?;
    /// let found = corpus.find_topic("Homeland politics", None)?;
    /// assert_eq!(found.topic, Topic::Concept("homeland-politics".into()));
    /// assert_eq!(found.also, [Topic::Section("Homeland politics".into())]);
    /// let found = corpus.find_topic("Portes et al. 1999", None)?;
    /// assert_eq!(found.topic, Topic::Work("portes-etal1999".into()));
    /// # Ok::<(), bibgraph::Error>(())
    /// ```
    pub fn find_topic(&self, name: &str, kind: Option<TopicKind>) -> Result<TopicMatch> {
        let wants = |k: TopicKind| kind.is_none_or(|want| want == k);
        let section = || self.find_section(name).map(|s| Topic::Section(s.to_string()));
        if wants(TopicKind::Concept) {
            match self.find_concept(name) {
                Ok(c) => {
                    let also = if kind.is_none() { section().into_iter().collect() } else { Vec::new() };
                    return Ok(TopicMatch { topic: Topic::Concept(c.id.clone()), also });
                }
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
                Err(_) => {}
            }
        }
        if wants(TopicKind::Work) {
            match self.find_work(name) {
                Ok(w) => return Ok(Topic::Work(w.key.clone()).into()),
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
                Err(_) => {}
            }
        }
        if wants(TopicKind::Section) {
            if let Some(s) = section() {
                return Ok(s.into());
            }
        }
        let mut names: Vec<String> = Vec::new();
        if wants(TopicKind::Concept) {
            names.extend(self.concepts.iter().map(|c| c.label.clone()));
        }
        if wants(TopicKind::Work) {
            names.extend(self.works.iter().map(|w| w.citation()));
        }
        if wants(TopicKind::Section) {
            // A section named like a concept is offered once.
            let sections: Vec<String> = self
                .sections()
                .into_iter()
                .filter(|s| !names.iter().any(|n| same_section(n, s)))
                .map(str::to_string)
                .collect();
            names.extend(sections);
        }
        let candidates = nearest(name, names.iter().map(String::as_str), 5);
        let shown = candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        let what = match kind {
            Some(k) => format!("no {k}"),
            None => "no concept, work or section".to_string(),
        };
        Err(Error::new(ErrorKind::NotFound, format!("{what} matches `{name}`; nearest: {shown}"))
            .with_candidates(candidates))
    }
}
