//! The cue lexicon: the phrases by which scholarly prose introduces, defines, names, uses
//! or criticises a term, tells how one work took up another, sets terms against each
//! other, or denies and hedges. General English of academic writing, not one article's
//! terms. Phrases are matched on lowercased words; `*` stands for one to six words.

use crate::model::{Relation, SenseKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a cue says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class {
    /// A sense of this kind; `term` says where its term stands.
    Sense(SenseKind, Side),
    /// A lineage link of this relation between the works of the sentence.
    Link(Relation),
    /// The terms on either side are set against each other.
    Contrast,
    /// The term before is a kind of the term after.
    KindOf,
    /// The term before has the terms after as examples.
    Example,
    /// The terms on either side are related (`akin to`, `closely related to`).
    Related,
    /// The statement is denied (`not`, `never`, `independently of`).
    Negation,
    /// The statement is hedged (`it is unclear whether`, `perhaps`).
    Hedge,
    /// The article speaks of itself (`I`, `this article`).
    SelfReference,
}

/// Where a sense cue's term stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Right after the cue: `the notion of Y`, `coined the term Y`.
    After,
    /// Right before the cue: `Y refers to`, `Y, defined as`.
    Before,
    /// In the cue's gap: `by Y I mean`, `I use Y to mean`.
    Gap,
    /// Anywhere in the sentence: the cue gives only the kind (`criticised`).
    Sentence,
}

/// One cue phrase.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The phrase as listed.
    pub phrase: &'static str,
    /// Its words; `*` is a gap.
    pub words: Vec<&'static str>,
    /// What it says.
    pub class: Class,
    /// How strongly it says it, 0 to 1.
    pub strength: f32,
}

use Class::*;
use Side::*;

const NAMES: SenseKind = SenseKind::Names;
const DEFINES: SenseKind = SenseKind::Defines;
const USES: SenseKind = SenseKind::Uses;
const CRITIQUES: SenseKind = SenseKind::Critiques;

#[rustfmt::skip]
const TABLE: &[(&str, Class, f32)] = &[
    // Naming and coining.
    ("coined the term", Sense(NAMES, After), 0.95), ("coined the phrase", Sense(NAMES, After), 0.95),
    ("coined the word", Sense(NAMES, After), 0.95), ("coined", Sense(NAMES, After), 0.85),
    ("coins", Sense(NAMES, After), 0.85), ("coining", Sense(NAMES, After), 0.85),
    ("introduced the term", Sense(NAMES, After), 0.9), ("introduced the concept of", Sense(NAMES, After), 0.9),
    ("introduced the notion of", Sense(NAMES, After), 0.9),
    ("what * calls", Sense(NAMES, Gap), 0.85), ("what * called", Sense(NAMES, Gap), 0.85),
    ("what * call", Sense(NAMES, Gap), 0.85), ("what * terms", Sense(NAMES, Gap), 0.85),
    ("what * termed", Sense(NAMES, Gap), 0.85), ("what * term", Sense(NAMES, Gap), 0.85),
    ("what * dubbed", Sense(NAMES, Gap), 0.85), ("what * describes as", Sense(NAMES, Gap), 0.8),
    ("what * described as", Sense(NAMES, Gap), 0.8), ("what * labelled", Sense(NAMES, Gap), 0.85),
    ("what * labeled", Sense(NAMES, Gap), 0.85),
    ("dubbed", Sense(NAMES, After), 0.75), ("termed", Sense(NAMES, After), 0.75),
    ("labelled", Sense(NAMES, After), 0.7), ("labeled", Sense(NAMES, After), 0.7),
    ("christened", Sense(NAMES, After), 0.75), ("launched the", Sense(NAMES, After), 0.6),
    ("called", Sense(NAMES, After), 0.55), ("calls", Sense(NAMES, After), 0.55),
    ("became the label", Sense(NAMES, Before), 0.8), ("the label", Sense(NAMES, After), 0.6),
    // Defining.
    ("defined as", Sense(DEFINES, Before), 0.9), ("defines * as", Sense(DEFINES, Gap), 0.9),
    ("define * as", Sense(DEFINES, Gap), 0.9), ("defined * as", Sense(DEFINES, Gap), 0.9),
    ("definition of", Sense(DEFINES, After), 0.85), ("defines", Sense(DEFINES, After), 0.7),
    ("define", Sense(DEFINES, After), 0.7), ("defined", Sense(DEFINES, Before), 0.6),
    ("refers to", Sense(DEFINES, Before), 0.8), ("refer to", Sense(DEFINES, Before), 0.7),
    ("referring to", Sense(DEFINES, Before), 0.6),
    ("by * i mean", Sense(DEFINES, Gap), 0.95), ("by * we mean", Sense(DEFINES, Gap), 0.95),
    ("i use * to mean", Sense(DEFINES, Gap), 0.95), ("we use * to mean", Sense(DEFINES, Gap), 0.95),
    ("i use * to refer to", Sense(DEFINES, Gap), 0.95), ("we use * to refer to", Sense(DEFINES, Gap), 0.95),
    ("i use * for", Sense(DEFINES, Gap), 0.8), ("i call", Sense(DEFINES, After), 0.9),
    ("we call", Sense(DEFINES, After), 0.9), ("i term", Sense(DEFINES, After), 0.9),
    ("understood as", Sense(DEFINES, Before), 0.6), ("conceived as", Sense(DEFINES, Before), 0.6),
    ("conceptualized as", Sense(DEFINES, Before), 0.7), ("conceptualised as", Sense(DEFINES, Before), 0.7),
    ("characterized as", Sense(DEFINES, Before), 0.55), ("characterised as", Sense(DEFINES, Before), 0.55),
    ("described as", Sense(DEFINES, Before), 0.55), ("is a term for", Sense(DEFINES, Before), 0.85),
    ("acquired a meaning", Sense(DEFINES, Before), 0.7), ("the meaning of", Sense(DEFINES, After), 0.7),
    // Using, with the term introduced.
    ("the notion of", Sense(USES, After), 0.7), ("the concept of", Sense(USES, After), 0.7),
    ("the idea of", Sense(USES, After), 0.6), ("the term", Sense(USES, After), 0.7),
    ("the phrase", Sense(USES, After), 0.6), ("the category of", Sense(USES, After), 0.6),
    ("notion of", Sense(USES, After), 0.6), ("concept of", Sense(USES, After), 0.6),
    ("so called", Sense(USES, After), 0.6), ("the rubric of", Sense(USES, After), 0.6),
    // Criticising.
    ("critique of", Sense(CRITIQUES, After), 0.8), ("criticism of", Sense(CRITIQUES, After), 0.8),
    ("criticized", Sense(CRITIQUES, Sentence), 0.7), ("criticised", Sense(CRITIQUES, Sentence), 0.7),
    ("criticizes", Sense(CRITIQUES, Sentence), 0.7), ("criticises", Sense(CRITIQUES, Sentence), 0.7),
    ("critiques", Sense(CRITIQUES, Sentence), 0.7), ("critiqued", Sense(CRITIQUES, Sentence), 0.7),
    ("conflates", Sense(CRITIQUES, Sentence), 0.7), ("conflate", Sense(CRITIQUES, Sentence), 0.7),
    ("ambiguity", Sense(CRITIQUES, Sentence), 0.6), ("muddling", Sense(CRITIQUES, Sentence), 0.6),
    ("confusion", Sense(CRITIQUES, Sentence), 0.5), ("flawed", Sense(CRITIQUES, Sentence), 0.6),
    ("misleading", Sense(CRITIQUES, Sentence), 0.6), ("problematic", Sense(CRITIQUES, Sentence), 0.5),
    ("rejected", Sense(CRITIQUES, Sentence), 0.6), ("rejects", Sense(CRITIQUES, Sentence), 0.6),
    ("questioned", Sense(CRITIQUES, Sentence), 0.5), ("skeptical of", Sense(CRITIQUES, Sentence), 0.6),
    ("sceptical of", Sense(CRITIQUES, Sentence), 0.6), ("pointed out", Sense(CRITIQUES, Sentence), 0.4),
    // Lineage: influence.
    ("drew on", Link(Relation::Influence), 0.9), ("draws on", Link(Relation::Influence), 0.9),
    ("drawing on", Link(Relation::Influence), 0.85), ("drawn from", Link(Relation::Influence), 0.8),
    ("built on", Link(Relation::Influence), 0.9), ("builds on", Link(Relation::Influence), 0.9),
    ("building on", Link(Relation::Influence), 0.85), ("built upon", Link(Relation::Influence), 0.9),
    ("following", Link(Relation::Influence), 0.6), ("borrowed", Link(Relation::Influence), 0.85),
    ("borrows", Link(Relation::Influence), 0.85), ("borrowing", Link(Relation::Influence), 0.8),
    ("picked up", Link(Relation::Influence), 0.85), ("picks up", Link(Relation::Influence), 0.85),
    ("took up", Link(Relation::Influence), 0.8), ("takes up", Link(Relation::Influence), 0.8),
    ("taken up", Link(Relation::Influence), 0.8), ("adopted", Link(Relation::Influence), 0.6),
    ("inspired by", Link(Relation::Influence), 0.9), ("influenced by", Link(Relation::Influence), 0.9),
    ("influenced", Link(Relation::Influence), 0.8), ("responded to", Link(Relation::Influence), 0.7),
    ("responds to", Link(Relation::Influence), 0.7), ("in response to", Link(Relation::Influence), 0.7),
    ("echoing", Link(Relation::Influence), 0.6), ("echoes", Link(Relation::Influence), 0.6),
    ("echoed", Link(Relation::Influence), 0.6), ("informed by", Link(Relation::Influence), 0.8),
    ("refers back to", Link(Relation::Influence), 0.7), ("in the tradition of", Link(Relation::Influence), 0.7),
    ("moved away from", Link(Relation::Critique), 0.7), ("departs from", Link(Relation::Critique), 0.7),
    ("breaks with", Link(Relation::Critique), 0.75), ("broke with", Link(Relation::Critique), 0.75), ("indebted to", Link(Relation::Influence), 0.9),
    // Lineage: refinement.
    ("refined", Link(Relation::Refinement), 0.85), ("refines", Link(Relation::Refinement), 0.85),
    ("extended", Link(Relation::Refinement), 0.75), ("extends", Link(Relation::Refinement), 0.75),
    ("elaborated", Link(Relation::Refinement), 0.75), ("elaborates", Link(Relation::Refinement), 0.75),
    ("narrowed", Link(Relation::Refinement), 0.75), ("sharpened", Link(Relation::Refinement), 0.75),
    ("revised", Link(Relation::Refinement), 0.7), ("reformulated", Link(Relation::Refinement), 0.8),
    // Lineage: transmission.
    ("transmitted", Link(Relation::Transmission), 0.8), ("imported", Link(Relation::Transmission), 0.7),
    ("brought * into", Link(Relation::Transmission), 0.7), ("carried * into", Link(Relation::Transmission), 0.7),
    ("introduced * into", Link(Relation::Transmission), 0.7), ("transmission", Link(Relation::Transmission), 0.6),
    // Lineage: critique.
    ("challenged", Link(Relation::Critique), 0.85), ("challenges", Link(Relation::Critique), 0.8),
    ("criticised", Link(Relation::Critique), 0.85), ("criticized", Link(Relation::Critique), 0.85),
    ("criticises", Link(Relation::Critique), 0.8), ("criticizes", Link(Relation::Critique), 0.8),
    ("rejected", Link(Relation::Critique), 0.8), ("rejects", Link(Relation::Critique), 0.8),
    ("disputed", Link(Relation::Critique), 0.8), ("contested", Link(Relation::Critique), 0.7),
    ("argued against", Link(Relation::Critique), 0.85), ("took issue with", Link(Relation::Critique), 0.85),
    ("refuted", Link(Relation::Critique), 0.85), ("critique of", Link(Relation::Critique), 0.7),
    // Concepts set against each other, or one a kind of another.
    ("as opposed to", Contrast, 0.8), ("rather than", Contrast, 0.6), ("instead of", Contrast, 0.6),
    ("in contrast to", Contrast, 0.8), ("in contrast with", Contrast, 0.8), ("contrasted with", Contrast, 0.8),
    ("versus", Contrast, 0.8), ("vs", Contrast, 0.8), ("distinct from", Contrast, 0.8),
    ("different from", Contrast, 0.7), ("counterposing", Contrast, 0.8), ("counterposed", Contrast, 0.8),
    ("as against", Contrast, 0.7), ("set against", Contrast, 0.7), ("conflates", Contrast, 0.6),
    ("a kind of", KindOf, 0.7), ("a type of", KindOf, 0.7), ("a form of", KindOf, 0.7),
    ("a variety of", KindOf, 0.5), ("a variant of", KindOf, 0.7), ("a subset of", KindOf, 0.8),
    ("a species of", KindOf, 0.7), ("such as", Example, 0.6), ("including", Example, 0.5),
    ("related to", Related, 0.6), ("akin to", Related, 0.7), ("closely linked to", Related, 0.6),
    ("cognate with", Related, 0.7), ("similar to", Related, 0.5), ("overlaps with", Related, 0.6),
    // Denials and hedges.
    ("not", Negation, 1.0), ("never", Negation, 1.0), ("no", Negation, 1.0), ("nor", Negation, 1.0),
    ("neither", Negation, 1.0), ("without", Negation, 1.0), ("cannot", Negation, 1.0), ("n't", Negation, 1.0),
    ("independently", Negation, 1.0), ("independent of", Negation, 1.0), ("unaware", Negation, 1.0),
    ("nothing", Negation, 1.0), ("hardly", Negation, 1.0), ("little", Negation, 0.5),
    ("unclear", Hedge, 1.0), ("uncertain", Hedge, 1.0), ("whether", Hedge, 1.0), ("perhaps", Hedge, 1.0),
    ("possibly", Hedge, 1.0), ("may have", Hedge, 1.0), ("might have", Hedge, 1.0), ("could have", Hedge, 1.0),
    ("seems", Hedge, 1.0), ("seem", Hedge, 1.0), ("apparently", Hedge, 1.0), ("allegedly", Hedge, 1.0),
    ("arguably", Hedge, 1.0), ("presumably", Hedge, 1.0), ("if", Hedge, 1.0), ("doubtful", Hedge, 1.0),
    // The article itself.
    ("i", SelfReference, 1.0), ("we", SelfReference, 1.0), ("my", SelfReference, 1.0),
    ("this article", SelfReference, 1.0), ("this essay", SelfReference, 1.0), ("this paper", SelfReference, 1.0),
    ("here", SelfReference, 0.5),
];

/// The lexicon, indexed by each phrase's first word.
pub struct Lexicon {
    by_first: HashMap<&'static str, Vec<Cue>>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut by_first: HashMap<&'static str, Vec<Cue>> = HashMap::new();
            for &(phrase, class, strength) in TABLE {
                let words: Vec<&'static str> = phrase.split(' ').collect();
                by_first.entry(words[0]).or_default().push(Cue { phrase, words, class, strength });
            }
            // Longer phrases first, so that `coined the term` wins over `coined`.
            for cues in by_first.values_mut() {
                cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
            }
            Lexicon { by_first }
        })
    }

    /// The cues that start with `word`, longest first.
    pub fn starting_with(&self, word: &str) -> &[Cue] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Determiners and other words that never start or end a term.
pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "them",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "not",
    "no",
    "so",
    "such",
    "some",
    "any",
    "all",
    "both",
    "each",
    "more",
    "most",
    "less",
    "other",
    "than",
    "then",
    "there",
    "here",
    "into",
    "onto",
    "upon",
    "about",
    "over",
    "under",
    "between",
    "among",
    "within",
    "without",
    "across",
    "through",
    "via",
    "per",
    "also",
    "only",
    "even",
    "just",
    "very",
    "much",
    "many",
    "few",
    "one",
    "two",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "can",
    "could",
    "would",
    "should",
    "may",
    "might",
    "will",
    "shall",
    "must",
    "if",
    "when",
    "while",
    "where",
    "how",
    "why",
    "yet",
    "however",
    "thus",
    "hence",
    "s",
    "own",
    "same",
    "called",
    "so-called",
    "up",
    "out",
    "off",
    "like",
    "after",
    "before",
    "since",
    "because",
    "though",
    "although",
    "whether",
    "either",
    "neither",
    "nor",
    "et",
    "al",
    "eg",
    "ie",
    "cf",
    "see",
];

/// Nouns that talk about a term rather than belong to it: `the transnational concept`,
/// `the transnational perspective` are the term `transnational`.
pub const META_NOUNS: &[&str] = &[
    "concept",
    "concepts",
    "notion",
    "notions",
    "idea",
    "ideas",
    "term",
    "terms",
    "label",
    "labels",
    "perspective",
    "perspectives",
    "approach",
    "approaches",
    "framework",
    "frameworks",
    "paradigm",
    "paradigms",
    "theory",
    "theories",
    "lens",
    "category",
    "categories",
    "phenomenon",
    "phenomena",
    "literature",
    "scholarship",
    "studies",
    "thesis",
    "model",
    "word",
    "words",
    "phrase",
];

/// Section headings that name a part of any article, not a concept.
pub const GENERIC_HEADINGS: &[&str] = &[
    "introduction",
    "conclusion",
    "conclusions",
    "abstract",
    "notes",
    "references",
    "bibliography",
    "works cited",
    "acknowledgements",
    "acknowledgments",
    "discussion",
    "summary",
    "methods",
    "method",
    "results",
    "background",
    "overview",
    "appendix",
    "future directions",
    "further reading",
    "keywords",
    "coda",
    "epilogue",
    "prologue",
];

/// Discipline names and the word stems that state them (`anthropologists`, `legal`).
#[rustfmt::skip]
pub const DISCIPLINES: &[(&str, &str)] = &[
    ("anthropolog", "anthropology"), ("sociolog", "sociology"), ("political scien", "political science"),
    ("international relations", "international relations"), ("law ", "law"), ("legal ", "law"),
    ("jurist", "law"), ("econom", "economics"), ("historian", "history"), ("geograph", "geography"),
    ("philosoph", "philosophy"), ("linguist", "linguistics"), ("literary stud", "literary studies"),
    ("literary critic", "literary studies"), ("computer scien", "computer science"),
    ("migration stud", "migration studies"), ("migration research", "migration studies"),
    ("migration scholar", "migration studies"), ("psycholog", "psychology"), ("media stud", "media studies"),
    ("book histor", "book history"), ("information scien", "information science"),
    ("communication stud", "communication studies"), ("cultural stud", "cultural studies"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_first() {
        let cues = Lexicon::get().starting_with("coined");
        assert_eq!(cues[0].phrase.split(' ').count(), 3);
        assert!(cues.iter().any(|c| c.phrase == "coined"));
    }

    #[test]
    fn every_phrase_is_lowercase_words() {
        for (phrase, _, strength) in TABLE {
            assert!(
                phrase
                    .split(' ')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c == '*' || c == '\'' || c.is_lowercase())),
                "{phrase}"
            );
            assert!((0.0..=1.0).contains(strength));
        }
    }
}
