//! The review filter: which candidate concepts a reviewer sees.
//!
//! A candidate is kept when it reads as a term of the article and not as general prose:
//!
//! 1. **a noun phrase**: one of its forms is a noun (`transnationalism`, not only
//!    `transnational`) or a phrase that does not end in a verb form or an adverb;
//! 2. **marked as a term**: a cue introduced it (`the notion of`, `defined as`), quotation
//!    marks or emphasis set it off, a heading or keywords line names it, or it is a
//!    compound built on such a term; a phrase or word that only recurs needs a sense of a
//!    cited work (a citation in its sentence) or three uses;
//! 3. **not general vocabulary** ([`super::general`]): a single word of the Academic Word
//!    List or of common English is kept only when a strong cue introduces it (`the term
//!    technology`) or a relation to another term is drafted (`'labour' as opposed to
//!    'work'`); a phrase that only recurs is set aside when all its words are general,
//!    unless two works are cited with it or next to it.
//!
//! What is set aside stays in [`super::Drafts::set_aside`]; the kept ones keep their order
//! (most confident first).

use super::general::{can_head, is_general, nounlike};
use super::terms::Origin;
use super::DraftConcept;
use crate::model::WorkKey;

/// The strength of cue that lets a general word through (`the term`, `the concept of`).
const STRONG_CUE: f32 = 0.7;

/// How often a phrase that only recurs must occur to be kept without a citation.
const RECURS: u32 = 3;

/// The least confidence of a sense that counts as a citation next to the term (a citation
/// grouped with the nearest one, or a name in the prose).
const CITED: f32 = 0.35;

/// Splits candidates into those kept for review and those set aside, each most confident first.
pub fn filter(concepts: Vec<DraftConcept>, source: &WorkKey) -> (Vec<DraftConcept>, Vec<DraftConcept>) {
    let (mut kept, aside): (Vec<DraftConcept>, Vec<DraftConcept>) = concepts.into_iter().partition(|c| keep(c, source));
    // Relations only between concepts a reviewer sees.
    let ids: std::collections::HashSet<String> = kept.iter().map(|c| c.id.clone()).collect();
    for c in &mut kept {
        c.relations.retain(|r| ids.contains(&r.concept));
    }
    (kept, aside)
}

fn words_of(form: &str) -> Vec<String> {
    form.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !super::lexicon::STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Whether a form reads as a noun phrase.
fn noun_phrase(words: &[String]) -> bool {
    if words.last().is_some_and(|w| !can_head(w)) {
        return false;
    }
    match words {
        [] => false,
        [w] => nounlike(w),
        [.., last] => !(last.ends_with("ed") || last.ends_with("ly") && last.len() > 4),
    }
}

/// Whether a candidate is kept for review.
pub fn keep(c: &DraftConcept, source: &WorkKey) -> bool {
    let forms: Vec<Vec<String>> = std::iter::once(&c.label).chain(&c.alt_labels).map(|f| words_of(f)).collect();
    if !forms.iter().any(|f| noun_phrase(f)) {
        return false;
    }
    let cited = c.senses.iter().any(|s| s.work != *source && s.confidence >= CITED);
    // The works cited with it or in a sentence next to it.
    let mut near_works: Vec<&WorkKey> = c.senses.iter().filter(|s| s.work != *source).map(|s| &s.work).collect();
    near_works.sort();
    near_works.dedup();
    let marked = match c.origin {
        // A compound is built on a term that is marked (`implicit nationalism`).
        Origin::Cue | Origin::Quoted | Origin::Heading | Origin::Compound => true,
        Origin::Recurrent => cited || c.mentions >= RECURS,
    };
    if !marked {
        return false;
    }
    let single = forms.iter().all(|f| f.len() <= 1);
    let general = |f: &Vec<String>| f.iter().all(|w| is_general(w));
    if single {
        // A general word is a term only when a strong cue says so.
        // ... or when the text sets it against, above or beside another term (`'labour' as
        // opposed to 'work'`).
        return !forms.iter().all(general)
            || c.origin == Origin::Cue && c.cue_strength >= STRONG_CUE
            || !c.relations.is_empty();
    }
    match c.origin {
        // Words of general prose that recur together are a term of the literature when
        // two works are cited with them or next to them (`home country politics`).
        Origin::Compound | Origin::Recurrent => !forms.iter().all(general) || near_works.len() >= 2,
        _ => true,
    }
}
