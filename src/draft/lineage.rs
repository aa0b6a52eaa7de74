//! Lineage links between cited works.
//!
//! **Attested**: a sentence with a lineage cue (`drew on`, `built on`, `refined`,
//! `challenged`, ...) and cited or named works on both sides of it links the nearest work
//! before the cue with the nearest after it, the earlier in time first (`B built on A`). A
//! cue that opens the sentence or a clause (`Building on A, B argued`) links the first two
//! works after it. Otherwise the text does not say which took up which, and nothing is
//! attested. A negation near the cue (`was not influenced by`, `never drew on`)
//! or anywhere in the sentence before it (`independently of`), or a hedge in the sentence
//! (`it is unclear whether`), withholds the link: it is reported as withheld, never
//! drafted.
//!
//! **Succession**: among the cited works that carry one concept's senses, in time order,
//! each work follows the works of the year before it (works of one year stand side by
//! side); a link the text attests is not repeated.

use super::antecedent;
use super::lexicon::Class;
use super::senses::Located;
use super::text::{stem, Reading};
use super::{Article, DraftConcept, DraftLink, Evidence};
use crate::model::{Relation, WorkKey};
use std::collections::{HashMap, HashSet};

/// How many words before a cue a negation still denies it.
const NEGATION_REACH: usize = 6;

/// Whether a one-word concept's succession takes in the works of its compounds. Measured
/// on the built-in article: off gives more of the reference's pairs (8 of 19 against 7).
const FAMILY: bool = false;

/// The least confidence of a sense whose work joins a concept's succession: senses
/// attributed only from a neighbouring sentence (0.5 of their cue's weight) stay out.
const MIN_SENSE: f32 = 0.3;

/// The attested links and those withheld, then succession links.
pub fn links(
    article: &Article<'_>,
    reading: &Reading,
    located: &Located,
    concepts: &[DraftConcept],
) -> (Vec<DraftLink>, Vec<DraftLink>) {
    let text = article.text;
    let mut links: Vec<DraftLink> = Vec::new();
    let mut withheld: Vec<DraftLink> = Vec::new();
    let mut pairs: HashSet<(WorkKey, WorkKey)> = HashSet::new();
    // Concept of a sentence: the most confident concept with a sense there.
    let mut sentence_concept: HashMap<(usize, u32), &str> = HashMap::new();
    for c in concepts {
        for s in &c.senses {
            sentence_concept.entry((s.evidence.span.start, s.evidence.paragraph)).or_insert(c.id.as_str());
        }
    }
    for (si, info) in located.sentences.iter().enumerate() {
        if !info.hits.iter().any(|h| matches!(h.cue.class, Class::Link(_) | Class::Negation)) {
            continue;
        }
        for hit in &info.hits {
            // `B did it independently of A`: a stated absence of influence, reported as
            // withheld so that a reviewer sees it.
            let relation = match hit.cue.class {
                Class::Link(r) => r,
                Class::Negation if hit.cue.phrase.starts_with("independent") => Relation::Influence,
                _ => continue,
            };
            let independent = !matches!(hit.cue.class, Class::Link(_));
            let denied = independent
                || info.hits.iter().any(|h| match h.cue.class {
                    Class::Negation => {
                        h.words.end <= hit.words.start && hit.words.start - h.words.end <= NEGATION_REACH
                            || h.cue.phrase.starts_with("independent")
                            || (h.words.start >= hit.words.end && h.words.start - hit.words.end <= 1)
                    }
                    Class::Hedge => true,
                    _ => false,
                });
            let cue_at = reading.words[hit.words.start].span.start;
            let works: Vec<&super::Cited> = info.citations.iter().map(|&c| &located.cited[c]).collect();
            let (before, after): (Vec<&super::Cited>, Vec<&super::Cited>) =
                works.iter().copied().partition(|c| c.span.end <= cue_at);
            let mut candidates: Vec<(&super::Cited, &super::Cited, f32)> = Vec::new();
            // A source written as a back reference (`picked up his idea`): its antecedent.
            let own = antecedent::clause_subject(text, reading, located, si, hit.words.start);
            let source = antecedent::object(reading, located, si, hit.words.end, own).map(|c| &located.cited[c]);
            let resolved_taker =
                || antecedent::subject(text, reading, located, si, hit.words.start).map(|c| &located.cited[c]);
            if let Some(b) = source {
                // The taker: the nearest other work before the cue, else the pronoun or
                // unnamed group that is the cue's subject.
                let named = before.iter().rev().find(|a| a.work != b.work && a.span.end > b.span.end);
                match named {
                    Some(a) => candidates.push((a, b, antecedent::RESOLVED)),
                    None => {
                        if let Some(a) = resolved_taker() {
                            candidates.push((a, b, antecedent::RESOLVED * antecedent::RESOLVED));
                        }
                    }
                }
            } else if let (Some(a), Some(b)) = (before.last(), after.first()) {
                // The cue's arguments: the nearest work on each side.
                candidates.push((a, b, 1.0));
            } else if before.is_empty()
                && after.len() >= 2
                && opens_clause(text, reading, hit, reading.sentences[si].words.start)
            {
                // `Building on A, B argued`: the cue opens the sentence or a clause; the
                // first work after it is the source, the next different one took it up.
                if let Some(b) = after.iter().skip(1).find(|b| b.work != after[0].work) {
                    candidates.push((after[0], b, 0.9));
                }
            } else if let (true, Some(b)) = (before.is_empty(), after.first()) {
                // `She drew on A`, `Others built on A`: the subject's antecedent took it up.
                if let Some(a) = resolved_taker() {
                    candidates.push((a, b, antecedent::RESOLVED));
                }
            }
            // With all works on one side of the cue, the text does not say which took up
            // which: no attested link (succession may still join them).
            for (a, b, weight) in candidates {
                if a.work == b.work {
                    continue;
                }
                // Earlier first; undated or same-year works keep the order of the text
                // with the cue's direction: `B built on A` puts A first.
                let (from, to) = match (a.year, b.year) {
                    (Some(x), Some(y)) if x < y => (a, b),
                    (Some(x), Some(y)) if x > y => (b, a),
                    _ => (b, a),
                };
                let focus = a.span.start.min(b.span.start).min(cue_at)..a.span.end.max(b.span.end).max(cue_at);
                let evidence = located.evidence(text, reading, si, focus, hit.cue.phrase);
                let concept = sentence_concept.get(&(evidence.span.start, evidence.paragraph)).map(|s| s.to_string());
                let link = DraftLink {
                    from: from.work.clone(),
                    to: to.work.clone(),
                    relation,
                    attested: !denied,
                    concept,
                    evidence,
                    confidence: hit.cue.strength * weight,
                };
                if denied {
                    withheld.push(link);
                } else if pairs.insert((link.from.clone(), link.to.clone())) {
                    links.push(link);
                }
            }
        }
    }
    // Succession among each concept's works.
    let years: HashMap<&WorkKey, i32> = located.cited.iter().filter_map(|c| c.year.map(|y| (&c.work, y))).collect();
    // A one-word concept's career takes in the compounds built on its word
    // (`transnational society`, `transnational relations` in the career of `transnational`).
    let stems: Vec<Vec<String>> = concepts
        .iter()
        .map(|c| {
            c.label
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| stem(&w.to_lowercase()))
                .collect()
        })
        .collect();
    for (ci, c) in concepts.iter().enumerate() {
        let mut works: Vec<(i32, usize, &WorkKey, &Evidence)> = Vec::new();
        let mut seen: HashSet<&WorkKey> = HashSet::new();
        let family: Vec<usize> = if FAMILY && stems[ci].len() == 1 {
            (0..concepts.len()).filter(|&d| d != ci && stems[d].len() > 1 && stems[d].contains(&stems[ci][0])).collect()
        } else {
            Vec::new()
        };
        let senses = c.senses.iter().chain(family.iter().flat_map(|&d| concepts[d].senses.iter()));
        for s in senses {
            if s.work == article.source || s.confidence < MIN_SENSE || !seen.insert(&s.work) {
                continue;
            }
            if let Some(&y) = years.get(&s.work) {
                works.push((y, s.evidence.span.start, &s.work, &s.evidence));
            }
        }
        works.sort_by_key(|w| (w.0, w.1));
        // Works of one year stand side by side: each follows every work of the year before.
        let mut steps: Vec<(usize, usize)> = Vec::new();
        let mut group_start = 0;
        let mut prev_group: Option<std::ops::Range<usize>> = None;
        while group_start < works.len() {
            let year = works[group_start].0;
            let end = works[group_start..].iter().position(|w| w.0 != year).map_or(works.len(), |p| group_start + p);
            if let Some(prev) = prev_group {
                for i in prev.clone() {
                    for j in group_start..end {
                        steps.push((i, j));
                    }
                }
            }
            prev_group = Some(group_start..end);
            group_start = end;
        }
        for (i, j) in steps {
            let w = [works[i], works[j]];
            let (from, to) = (w[0].2, w[1].2);
            if w[0].0 == w[1].0 || pairs.contains(&(from.clone(), to.clone())) {
                continue;
            }
            pairs.insert((from.clone(), to.clone()));
            let mut evidence = w[1].3.clone();
            evidence.cue = format!("succession by year among the works of `{}`", c.id);
            links.push(DraftLink {
                from: from.clone(),
                to: to.clone(),
                relation: Relation::Succession,
                attested: false,
                concept: Some(c.id.clone()),
                evidence,
                confidence: (c.confidence * 0.5).min(0.4),
            });
        }
    }
    (links, withheld)
}

/// Whether the cue stands at the start of its sentence or right after a comma, a dash or a
/// sentence adverb (`Indeed, building on`).
fn opens_clause(text: &str, reading: &Reading, hit: &super::cues::Hit, first: usize) -> bool {
    let at = hit.words.start;
    if at == first {
        return true;
    }
    let prev = &reading.words[at - 1];
    let between = &text[prev.span.end..reading.words[at].span.start];
    between.contains([',', '\u{2013}', '\u{2014}', ';', '('])
}
