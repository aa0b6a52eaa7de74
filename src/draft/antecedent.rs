//! Antecedents: the work a pronoun, a possessive or an unnamed group stands for.
//!
//! Influence is often told without naming both works: `other scholars picked up his idea`,
//! `she drew on their work`, `This approach built on it`. The resolver gives each such
//! argument of a lineage cue a work, from the words around it only:
//!
//! - a **possessive or object pronoun** (`his`, `her`, `their`, `its`, `them`, `him`, `it`)
//!   or a **demonstrative phrase** (`this idea`, `that work`) stands for the nearest work
//!   named or cited before it in the sentence, else the last one of the previous sentence of
//!   the paragraph;
//! - a **subject pronoun** (`he`, `she`, `they`) stands for the nearest work before it in
//!   the sentence, else the first work of the previous sentence (the subject is the likelier
//!   antecedent);
//! - an **unnamed group** as the subject (`other scholars`, `later researchers`, `others`)
//!   is instantiated by the work that opens the next sentence of the paragraph, if one does
//!   (`... others picked up his idea. Nye and Keohane highlighted ...`).
//!
//! Every resolution lowers the link's confidence; a group with no work opening the next
//! sentence, or a pronoun with no work before it, stays unresolved and gives no link.

use super::senses::Located;
use super::text::Reading;
use std::ops::Range;

/// Possessive and object pronouns, which refer back.
const BACK: &[&str] = &["his", "her", "their", "its", "him", "them", "it", "hers", "theirs"];

/// Subject pronouns.
const SUBJECT: &[&str] = &["he", "she", "they"];

/// Demonstratives that, before a noun about works or ideas, refer back (`this idea`).
const DEMONSTRATIVE: &[&str] = &["this", "that", "these", "those", "such"];

/// Nouns a demonstrative or possessive phrase refers back with.
const WORK_NOUNS: &[&str] = &[
    "idea",
    "ideas",
    "work",
    "works",
    "notion",
    "notions",
    "concept",
    "concepts",
    "argument",
    "arguments",
    "approach",
    "approaches",
    "account",
    "accounts",
    "view",
    "views",
    "model",
    "models",
    "framework",
    "theory",
    "theories",
    "proposal",
    "insight",
    "insights",
    "thesis",
    "formulation",
    "definition",
    "term",
    "study",
    "studies",
    "book",
    "article",
    "essay",
    "analysis",
    "program",
    "programme",
    "agenda",
    "lead",
    "suggestion",
    "critique",
    "perspective",
];

/// Nouns of an unnamed group of scholars or works.
const GROUP: &[&str] = &[
    "scholars",
    "researchers",
    "others",
    "authors",
    "critics",
    "followers",
    "successors",
    "writers",
    "theorists",
    "students",
    "historians",
    "sociologists",
    "anthropologists",
    "scientists",
    "economists",
    "geographers",
    "colleagues",
    "specialists",
    "analysts",
    "commentators",
    "studies",
    "writings",
];

/// How many words the start of the next sentence may run before its work (`In 1971, Nye`).
const OPENING: usize = 4;

/// The weight of a resolved argument against a named or cited one.
pub const RESOLVED: f32 = 0.8;

/// The index (into [`Located::cited`]) of the work a back-referring word at byte `at` of
/// sentence `si` stands for: the nearest work before it in the sentence, else, when `first`,
/// the first work of the previous sentence, else its last.
fn back(reading: &Reading, located: &Located, si: usize, at: usize, first: bool) -> Option<usize> {
    back_skipping(reading, located, si, at, first, None)
}

/// [`back`], passing over the works of `skip` (the cue's own subject: in `B built on this
/// idea`, `this idea` is not B's).
fn back_skipping(
    reading: &Reading,
    located: &Located,
    si: usize,
    at: usize,
    first: bool,
    skip: Option<&super::Cited>,
) -> Option<usize> {
    let other = |c: &usize| skip.is_none_or(|s| located.cited[*c].work != s.work);
    let here = &located.sentences[si].citations;
    if let Some(&c) = here.iter().rev().filter(|c| other(c)).find(|&&c| located.cited[c].span.end <= at) {
        return Some(c);
    }
    let prev = si.checked_sub(1).filter(|&p| same_paragraph(reading, p, si))?;
    let mut list = located.sentences[prev].citations.iter().copied().filter(other);
    if first {
        list.next()
    } else {
        list.next_back()
    }
}

/// The cue's subject when it is a work named or cited in the cue's own clause (`B (1992)
/// built on`): the nearest work before the cue with no comma, semicolon or dash between.
pub fn clause_subject<'a>(
    text: &str,
    reading: &Reading,
    located: &'a Located,
    si: usize,
    cue_start: usize,
) -> Option<&'a super::Cited> {
    let at = reading.words[cue_start].span.start;
    let c = located.sentences[si].citations.iter().rev().find(|&&c| located.cited[c].span.end <= at)?;
    let cited = &located.cited[*c];
    let between = text.get(cited.span.end..at)?;
    (!between.contains([',', ';', '\u{2013}', '\u{2014}', ':'])).then_some(cited)
}

fn same_paragraph(reading: &Reading, a: usize, b: usize) -> bool {
    reading.sentences[a].paragraph == reading.sentences[b].paragraph
}

/// The source of a lineage cue written as a back reference right after it (`picked up
/// his idea`, `drew on this work`, `built on it`): the work it stands for.
pub fn object(
    reading: &Reading,
    located: &Located,
    si: usize,
    cue_end: usize,
    subject: Option<&super::Cited>,
) -> Option<usize> {
    let s = &reading.sentences[si];
    let mut i = cue_end;
    // `drew heavily on`, `built, in turn, on`: the cue's words end where its object starts.
    while i < s.words.end && matches!(reading.words[i].lower.as_str(), "the" | "a" | "an") {
        i += 1;
    }
    let w = reading.words.get(i).filter(|_| i < s.words.end)?;
    let lower = w.lower.as_str();
    let refers = BACK.contains(&lower)
        || DEMONSTRATIVE.contains(&lower)
            && reading
                .words
                .get(i + 1)
                .filter(|_| i + 1 < s.words.end)
                .is_some_and(|n| WORK_NOUNS.contains(&n.lower.as_str()));
    if !refers || located.in_citation(si, w.span.start) {
        return None;
    }
    back_skipping(reading, located, si, w.span.start, false, subject)
}

/// The taker of a lineage cue whose subject is a pronoun or an unnamed group, with no work
/// between the clause's start and the cue: the work it stands for.
pub fn subject(text: &str, reading: &Reading, located: &Located, si: usize, cue_start: usize) -> Option<usize> {
    let s = &reading.sentences[si];
    // The clause before the cue: back to a comma, a semicolon, a dash or the sentence start.
    let mut i = cue_start;
    while i > s.words.start {
        let between = &text[reading.words[i - 1].span.end..reading.words[i].span.start];
        if i < cue_start && between.contains([',', ';', '\u{2013}', '\u{2014}', ':']) {
            break;
        }
        i -= 1;
    }
    let clause = i..cue_start;
    if clause.is_empty() || clause.len() > 6 {
        return None;
    }
    let at = reading.words[cue_start].span.start;
    let from = reading.words[clause.start].span.start;
    if located.sentences[si].citations.iter().any(|&c| {
        let span = &located.cited[c].span;
        span.start >= from && span.start < at
    }) {
        return None;
    }
    let words = &reading.words[clause.clone()];
    if let Some(p) = words.iter().position(|w| SUBJECT.contains(&w.lower.as_str())) {
        return back(reading, located, si, words[p].span.start, true);
    }
    if words.iter().any(|w| GROUP.contains(&w.lower.as_str())) {
        return opening(reading, located, si);
    }
    None
}

/// Singular personal pronouns: in a sentence without a citation they stand for an author.
const PERSONAL: &[&str] = &["he", "she", "his", "her", "him"];

/// For a sentence without a citation that speaks of an author by a singular pronoun (`he
/// heralded`, `her idea`): the work that pronoun stands for, the first work of the previous
/// sentence of the paragraph (the subject is the likelier antecedent).
pub fn personal(reading: &Reading, located: &Located, si: usize) -> Option<usize> {
    if !located.sentences[si].citations.is_empty() {
        return None;
    }
    let s = &reading.sentences[si];
    let at = reading.words[s.words.clone()].iter().find(|w| PERSONAL.contains(&w.lower.as_str()))?;
    back(reading, located, si, at.span.start, true)
}

/// The work that opens the sentence after `si` in the same paragraph: its first citation or
/// name within the first [`OPENING`] words.
fn opening(reading: &Reading, located: &Located, si: usize) -> Option<usize> {
    let next = si + 1;
    if next >= reading.sentences.len() || !same_paragraph(reading, si, next) {
        return None;
    }
    let s = &reading.sentences[next];
    let limit: Range<usize> = s.words.start..(s.words.start + OPENING).min(s.words.end);
    let end = reading.words.get(limit.end.saturating_sub(1)).map(|w| w.span.end)?;
    let c = *located.sentences[next].citations.first()?;
    (located.cited[c].span.start < end).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::super::text::read;
    use super::super::{Article, Cited};
    use super::*;
    use crate::model::WorkKey;

    fn cite(text: &str, at: &str, key: &str, year: i32, names: &[&str]) -> Cited {
        let start = text.find(at).unwrap();
        Cited {
            span: start..start + at.len(),
            work: WorkKey::new(key),
            year: Some(year),
            locator: None,
            names: names.iter().map(|n| n.to_string()).collect(),
        }
    }

    fn word(reading: &Reading, text: &str, w: &str) -> usize {
        let at = text.find(w).unwrap();
        reading.words.iter().position(|x| x.span.start == at).unwrap()
    }

    #[test]
    fn possessive_after_cue_refers_to_the_work_before() {
        let text = "Smith (1990) proposed a notion, and other scholars picked up his idea.";
        let cited = [cite(text, "Smith (1990)", "smith1990", 1990, &["Smith"])];
        let article = Article::new(text, WorkKey::new("a"), &cited);
        let r = read(text, 0..text.len());
        let located = Located::new(&article, &r);
        let end = word(&r, text, "up") + 1;
        let c = object(&r, &located, 0, end, None).unwrap();
        assert_eq!(located.cited[c].work.as_str(), "smith1990");
    }

    #[test]
    fn unnamed_group_is_the_work_opening_the_next_sentence() {
        let text = "Smith (1990) proposed it, but other scholars picked up his idea. Jones (2001) argued so.";
        let cited = [
            cite(text, "Smith (1990)", "smith1990", 1990, &["Smith"]),
            cite(text, "Jones (2001)", "jones2001", 2001, &["Jones"]),
        ];
        let article = Article::new(text, WorkKey::new("a"), &cited);
        let r = read(text, 0..text.len());
        let located = Located::new(&article, &r);
        let at = word(&r, text, "picked");
        let c = subject(text, &r, &located, 0, at).unwrap();
        assert_eq!(located.cited[c].work.as_str(), "jones2001");
        // Without a work opening the next sentence, the group stays unresolved.
        let text = "Smith (1990) proposed it, but other scholars picked up his idea. Many readers later agreed with Jones (2001).";
        let cited = [
            cite(text, "Smith (1990)", "smith1990", 1990, &["Smith"]),
            cite(text, "Jones (2001)", "jones2001", 2001, &["Jones"]),
        ];
        let article = Article::new(text, WorkKey::new("a"), &cited);
        let r = read(text, 0..text.len());
        let located = Located::new(&article, &r);
        let at = word(&r, text, "picked");
        assert_eq!(subject(text, &r, &located, 0, at), None);
    }

    #[test]
    fn subject_pronoun_refers_to_the_previous_subject() {
        let text = "Jones (2001) studied towns, citing Brown (1980). She drew on Smith (1990).";
        let cited = [
            cite(text, "Jones (2001)", "jones2001", 2001, &["Jones"]),
            cite(text, "Brown (1980)", "brown1980", 1980, &["Brown"]),
            cite(text, "Smith (1990)", "smith1990", 1990, &["Smith"]),
        ];
        let article = Article::new(text, WorkKey::new("a"), &cited);
        let r = read(text, 0..text.len());
        let located = Located::new(&article, &r);
        let at = word(&r, text, "drew");
        let c = subject(text, &r, &located, 1, at).unwrap();
        assert_eq!(located.cited[c].work.as_str(), "jones2001");
    }
}
