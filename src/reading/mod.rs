//! Reading lists: what to read on a topic, in what order, and why each work is there.
//!
//! A topic is a concept (`long-distance nationalism`), a work (what leads up to
//! `Portes et al. 1999`) or a section of the corpus's source work (`Homeland politics`);
//! see [`Corpus::find_topic`]. The works come from the graph:
//!
//! - for a concept, the works that define, name, use or criticise it or one of its
//!   narrower forms or variants (senses and work-to-concept edges), and their lineage
//!   ancestors;
//! - for a work, the work, the works it cites, and their lineage ancestors;
//! - for a section, the works involved in every claim the corpus locates in that section:
//!   the ends of its edges (`cites` edges from the source included), the works of its
//!   senses, and the works it discusses.
//!
//! Every entry says why it is there, in words made from the data
//! (`names long-distance nationalism`, `on the lineage from Bourne 1916 to Portes et al.
//! 1999`, `critique of transnationalism`), and carries its annotation where the corpus has
//! one. Three orders ([`Order`]): by date, prerequisites first, or by importance to the
//! topic (a personalised PageRank, see [`pagerank`]).
//!
//! ```
//! use bibgraph::reading::{Order, ReadingOptions};
//!
//! let corpus = bibgraph::Corpus::builtin()?;
//! let topic = corpus.find_topic("long-distance nationalism", None)?;
//! let list = corpus.reading_list(&topic, &ReadingOptions::default().order(Order::Chronological))?;
//! let anderson = list.entries.iter().find(|e| e.work.key.as_str() == "anderson1998").unwrap();
//! assert_eq!(anderson.why, ["names long-distance nationalism"]);
//! assert!(list.entries.iter().all(|e| !e.why.is_empty()));
//! # Ok::<(), bibgraph::Error>(())
//! ```

mod order;
pub mod pagerank;
mod select;
mod topic;

pub use topic::{Topic, TopicKind, TopicMatch};

use crate::corpus::Corpus;
use crate::error::Result;
use crate::model::Work;
use serde::Serialize;
use std::fmt;

/// The order of a reading list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// Oldest first; undated works last.
    Chronological,
    /// Prerequisites first: a topological order of the lineage and citation edges (an
    /// earlier work before a later one, a cited work before the work citing it), ties
    /// broken by date.
    #[default]
    Lineage,
    /// Most important to the topic first: personalised PageRank over works and concepts,
    /// restarting at the topic (ties broken by date).
    Importance,
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Order::Chronological => "chronological",
            Order::Lineage => "lineage",
            Order::Importance => "importance",
        })
    }
}

/// Options for [`Corpus::reading_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadingOptions {
    /// The order of the entries.
    pub order: Order,
    /// Keep at most this many entries: the most important to the topic, then put in
    /// `order`.
    pub limit: Option<usize>,
}

impl ReadingOptions {
    /// Sets the order.
    pub fn order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }

    /// Keeps at most `limit` entries (the most important ones).
    pub fn limit(mut self, limit: Option<usize>) -> Self {
        self.limit = limit;
        self
    }
}

/// One work of a reading list.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingEntry<'a> {
    /// The work.
    pub work: &'a Work,
    /// Why it is on the list, most direct reason first.
    pub why: Vec<String>,
    /// Its importance to the topic (personalised PageRank; the scores of all works in the
    /// corpus sum to 1), when the order or the limit needed it.
    pub score: Option<f64>,
}

/// A reading list: the topic, notes on how it was read, and the entries in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingList<'a> {
    /// The topic, as found.
    pub topic: TopicMatch,
    /// The topic as a person names it: a concept's label, a work's citation, a section's
    /// heading.
    pub label: String,
    /// What the reader should know about how the topic was read (a name that is both a
    /// concept and a section, say).
    pub notes: Vec<String>,
    /// The order of the entries.
    pub order: Order,
    /// The entries.
    pub entries: Vec<ReadingEntry<'a>>,
}

impl Corpus {
    fn topic_label(&self, topic: &Topic) -> String {
        match topic {
            Topic::Concept(id) => self.concept(id.as_str()).map(|c| c.label.clone()).unwrap_or_else(|| id.to_string()),
            Topic::Work(key) => self.work(key.as_str()).map(Work::citation).unwrap_or_else(|| key.to_string()),
            Topic::Section(s) => s.clone(),
        }
    }

    /// A reading list on a topic (see [`Corpus::find_topic`] to find one from a name).
    ///
    /// # Arguments
    /// * `topic`: the topic, with any other reading of the same name that joins it.
    /// * `options`: the order, and a limit on the number of entries.
    ///
    /// # Returns
    /// The entries in order, each with its reasons; notes on how the topic was read.
    ///
    /// # Errors
    /// [`crate::ErrorKind::NotFound`] for a concept, work or section the corpus does not have.
    ///
    /// # Complexity
    /// O((V + E) log V) for the selection and the orders; the importance ranking (for
    /// [`Order::Importance`] or a limit) adds O(iterations × (V + E)), with at most 200
    /// iterations.
    pub fn reading_list(&self, topic: &TopicMatch, options: &ReadingOptions) -> Result<ReadingList<'_>> {
        let topics: Vec<&Topic> = std::iter::once(&topic.topic).chain(&topic.also).collect();
        let selection = self.select(&topics)?;
        let label = self.topic_label(&topic.topic);
        let notes: Vec<String> = topic
            .also
            .iter()
            .map(|also| {
                let source = self.meta.source.as_ref().and_then(|s| self.work(s.as_str())).map(Work::citation);
                format!(
                    "`{label}` is both a {} and a {} of {} (`{}`): read as the {}, with the works the {} draws on added",
                    topic.topic.kind(),
                    also.kind(),
                    source.unwrap_or_else(|| "the source".to_string()),
                    self.topic_label(also),
                    topic.topic.kind(),
                    also.kind()
                )
            })
            .collect();
        let scores = (options.order == Order::Importance || options.limit.is_some())
            .then(|| self.importance(&selection.anchors));
        let mut entries: Vec<ReadingEntry<'_>> = selection
            .entries
            .into_iter()
            .map(|(w, why)| ReadingEntry {
                work: &self.works[w as usize],
                why,
                score: scores.as_ref().map(|s| s[w as usize]),
            })
            .collect();
        let by_score = |a: &ReadingEntry<'_>, b: &ReadingEntry<'_>| {
            b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)).then_with(|| order::by_date(a.work, b.work))
        };
        if let Some(limit) = options.limit {
            entries.sort_by(by_score);
            entries.truncate(limit);
        }
        match options.order {
            Order::Chronological => entries.sort_by(|a, b| order::by_date(a.work, b.work)),
            Order::Importance => entries.sort_by(by_score),
            Order::Lineage => {
                let mut selected = vec![false; self.works.len()];
                entries.iter().for_each(|e| selected[self.work_index[&e.work.key] as usize] = true);
                let rank = self.prerequisite_rank(&selected);
                entries.sort_by_key(|e| rank[self.work_index[&e.work.key] as usize]);
            }
        }
        Ok(ReadingList { topic: topic.clone(), label, notes, order: options.order, entries })
    }
}

/// A reading list as the JSON view shows it: `topic` and `entries`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingListView {
    /// The topic as a person names it.
    pub topic: String,
    /// `concept`, `work` or `section`.
    pub kind: String,
    /// The order of the entries.
    pub order: String,
    /// How the topic was read, where a reader should know.
    pub notes: Vec<String>,
    /// The entries, in order.
    pub entries: Vec<ReadingEntryView>,
}

/// One entry of a [`ReadingListView`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingEntryView {
    /// The work's key.
    pub key: String,
    /// The year as cited (`2001a`), or null.
    pub year: Option<String>,
    /// Family names (or organisation names) of the authors, or editors.
    pub authors: Vec<String>,
    /// The title.
    pub title: Option<String>,
    /// Why the work is on the list.
    pub why: Vec<String>,
    /// The corpus's annotation, or null.
    pub annotation: Option<String>,
}

impl ReadingListView {
    /// The view of a reading list.
    pub fn new(list: &ReadingList<'_>) -> Self {
        ReadingListView {
            topic: list.label.clone(),
            kind: list.topic.topic.kind().to_string(),
            order: list.order.to_string(),
            notes: list.notes.clone(),
            entries: list
                .entries
                .iter()
                .map(|e| ReadingEntryView {
                    key: e.work.key.to_string(),
                    year: e.work.year.as_ref().map(|y| y.cited()),
                    authors: e.work.family_names(),
                    title: e.work.title.clone(),
                    why: e.why.clone(),
                    annotation: e.work.annotation.clone(),
                })
                .collect(),
        }
    }
}
