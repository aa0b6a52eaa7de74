//! Scoring drafts against a reviewed corpus or a hand-made annotation: concepts found (by
//! label or alternative label), senses (concept and work), lineage pairs, and the precision
//! of the links drafted as attested.

use super::Drafts;
use crate::model::concept_fold_label;
use serde::Serialize;
use std::collections::HashSet;

/// A reference concept: its labels and the works of its senses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldConcept {
    /// The label and the alternative labels.
    pub labels: Vec<String>,
    /// The works of its senses (keys).
    pub works: Vec<String>,
}

/// A reference lineage link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldLink {
    /// The earlier work.
    pub from: String,
    /// The later work.
    pub to: String,
    /// Whether the reference says the text attests it.
    pub attested: bool,
}

/// What the drafts are scored against.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Concepts.
    pub concepts: Vec<GoldConcept>,
    /// Lineage links.
    pub links: Vec<GoldLink>,
    /// Pairs (earlier, later) the text denies or hedges: drafting one as attested is an error.
    pub denied: Vec<(String, String)>,
}

impl Gold {
    /// The reference of a corpus: its concepts, senses and lineage edges.
    pub fn from_corpus(corpus: &crate::Corpus) -> Self {
        let concepts = corpus
            .concepts()
            .iter()
            .map(|c| GoldConcept {
                labels: std::iter::once(c.label.clone()).chain(c.alt_labels.iter().cloned()).collect(),
                works: c.senses.iter().map(|s| s.work.as_str().to_string()).collect(),
            })
            .collect();
        let links = corpus
            .edges()
            .iter()
            .filter(|e| e.relation.is_lineage())
            .map(|e| GoldLink {
                from: e.from.as_str().to_string(),
                to: e.to.to_string(),
                attested: e.relation.attests_influence(),
            })
            .collect();
        Gold { concepts, links, denied: Vec::new() }
    }
}

/// One figure: found of total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Ratio {
    /// Numerator.
    pub hit: usize,
    /// Denominator.
    pub of: usize,
}

impl Ratio {
    /// The share, 0 to 1 (1 when there is nothing to find).
    pub fn share(self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{} = {:.1}%", self.hit, self.of, 100.0 * self.share())
    }
}

/// The figures of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Score {
    /// Reference concepts found by label or alternative label.
    pub concepts: Ratio,
    /// Drafted concepts that are reference concepts (precision).
    pub concept_precision: Ratio,
    /// Reference senses (concept, work) found.
    pub senses: Ratio,
    /// Drafted senses (concept, work) of drafted concepts that match a reference concept,
    /// that the reference has (precision).
    pub sense_precision: Ratio,
    /// Reference lineage pairs (from, to) found, any relation.
    pub lineage: Ratio,
    /// Links drafted as attested that the reference has (any relation).
    pub attested_precision: Ratio,
    /// Links drafted as attested that the text denies (must be 0).
    pub denied_drafted: usize,
    /// Drafted links drafted as attested that the reference lacks: (from, to, cue).
    pub unconfirmed: Vec<(String, String, String)>,
}

/// Scores `drafts` against `gold`.
pub fn score(drafts: &Drafts, gold: &Gold) -> Score {
    let mut s = Score::default();
    // For each gold concept, the drafted concepts that share a label.
    let drafted_labels: Vec<HashSet<String>> = drafts
        .concepts
        .iter()
        .map(|c| std::iter::once(&c.label).chain(&c.alt_labels).map(|l| concept_fold_label(l)).collect())
        .collect();
    let mut matched_drafts = vec![false; drafts.concepts.len()];
    for g in &gold.concepts {
        let labels: HashSet<String> = g.labels.iter().map(|l| concept_fold_label(l)).collect();
        let matches: Vec<usize> =
            drafted_labels.iter().enumerate().filter(|(_, d)| !d.is_disjoint(&labels)).map(|(i, _)| i).collect();
        s.concepts.of += 1;
        if !matches.is_empty() {
            s.concepts.hit += 1;
        }
        for &m in &matches {
            matched_drafts[m] = true;
        }
        let works: HashSet<&str> = g.works.iter().map(String::as_str).collect();
        let drafted_works: HashSet<&str> =
            matches.iter().flat_map(|&m| drafts.concepts[m].senses.iter().map(|x| x.work.as_str())).collect();
        s.sense_precision.of += drafted_works.len();
        s.sense_precision.hit += drafted_works.intersection(&works).count();
        for w in works {
            s.senses.of += 1;
            if matches.iter().any(|&m| drafts.concepts[m].senses.iter().any(|x| x.work.as_str() == w)) {
                s.senses.hit += 1;
            }
        }
    }
    s.concept_precision = Ratio { hit: matched_drafts.iter().filter(|&&m| m).count(), of: drafts.concepts.len() };
    let drafted: HashSet<(&str, &str)> = drafts.links.iter().map(|l| (l.from.as_str(), l.to.as_str())).collect();
    let gold_pairs: HashSet<(&str, &str)> = gold.links.iter().map(|l| (l.from.as_str(), l.to.as_str())).collect();
    for p in &gold_pairs {
        s.lineage.of += 1;
        if drafted.contains(p) {
            s.lineage.hit += 1;
        }
    }
    let denied: HashSet<(&str, &str)> = gold.denied.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    for l in drafts.links.iter().filter(|l| l.attested) {
        s.attested_precision.of += 1;
        let pair = (l.from.as_str(), l.to.as_str());
        if gold_pairs.contains(&pair) {
            s.attested_precision.hit += 1;
        } else {
            s.unconfirmed.push((pair.0.to_string(), pair.1.to_string(), l.evidence.quote.clone()));
        }
        if denied.contains(&pair) {
            s.denied_drafted += 1;
        }
    }
    s
}
