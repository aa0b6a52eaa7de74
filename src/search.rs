//! Searching a corpus as people do: some words of a title, a name, a concept's label, a
//! year, in any case and without accents.
//!
//! Every word of the query must occur in a hit: in a work's title, container, creators'
//! names, year or key; in a person's name; in a concept's id, labels or description.
//! Words are matched at word starts (`trans` finds `transnational`), years whole.
//!
//! ```
//! let corpus = bibgraph::Corpus::builtin()?;
//! let hits = bibgraph::search::search(&corpus, "bourne 1916");
//! assert_eq!(hits[0].id, "bourne1916");
//! assert!(bibgraph::search::search(&corpus, "long-distance").iter().any(|h| h.kind == bibgraph::search::HitKind::Concept));
//! # Ok::<(), bibgraph::Error>(())
//! ```
//!
//! Complexity: O(size of the corpus's text) per query.

use crate::corpus::Corpus;
use crate::refparse::text::fold_name;
use serde::Serialize;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A work.
    Work,
    /// A person (an author or editor).
    Person,
    /// A concept.
    Concept,
}

/// One thing a query found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// A work, a person or a concept.
    pub kind: HitKind,
    /// The work's key, the person's id or the concept's id: what other commands take.
    pub id: String,
    /// How it is named: a work's citation (`Bourne 1916`), a person's name, a concept's label.
    pub name: String,
    /// A work's title, a person's works, a concept's other labels.
    pub detail: String,
    /// How many of the query's words the hit's name or title holds (more is better).
    #[serde(skip)]
    score: usize,
}

/// The words of a text, folded (lowercase, no accents), split at anything not a letter or digit.
fn words(text: &str) -> Vec<String> {
    fold_name(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether every query word starts a word of `hay` (a number must be whole, or a year
/// with its suffix), and how many start a word of `name`.
fn score(query: &[String], hay: &[String], name: &[String]) -> Option<usize> {
    let starts = |w: &String, ws: &[String]| {
        ws.iter().any(|h| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                h == w || (h.starts_with(w.as_str()) && h.len() == w.len() + 1)
            } else {
                h.starts_with(w.as_str())
            }
        })
    };
    query.iter().all(|w| starts(w, hay)).then(|| query.iter().filter(|w| starts(w, name)).count())
}

/// The works, people and concepts that `text` matches: works first, then people, then
/// concepts, each best first (most query words in the name or title), then in corpus order.
pub fn search(corpus: &Corpus, text: &str) -> Vec<Hit> {
    let query = words(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for w in corpus.works() {
        let name = w.citation();
        let title = w.title.clone().unwrap_or_default();
        let names: Vec<String> = w.creators().iter().chain(&w.editors).map(ToString::to_string).collect();
        let year = w.year.as_ref().map(|y| y.cited()).unwrap_or_default();
        let hay = words(&format!(
            "{name} {title} {} {} {year} {}",
            names.join(" "),
            w.container_title.as_deref().unwrap_or(""),
            w.key
        ));
        if let Some(s) = score(&query, &hay, &words(&format!("{name} {title}"))) {
            hits.push(Hit { kind: HitKind::Work, id: w.key.to_string(), name, detail: title, score: s });
        }
    }
    for p in corpus.people() {
        let name = p.name.to_string();
        let hay = words(&format!("{name} {}", p.id));
        if let Some(s) = score(&query, &hay, &hay) {
            let n = p.works.len();
            let detail = format!("{n} work{}", if n == 1 { "" } else { "s" });
            hits.push(Hit { kind: HitKind::Person, id: p.id.to_string(), name, detail, score: s });
        }
    }
    for c in corpus.concepts() {
        let hay = words(&format!(
            "{} {} {} {}",
            c.id,
            c.label,
            c.alt_labels.join(" "),
            c.description.as_deref().unwrap_or("")
        ));
        let named = words(&format!("{} {}", c.label, c.alt_labels.join(" ")));
        if let Some(s) = score(&query, &hay, &named) {
            let detail = c.alt_labels.join("; ");
            hits.push(Hit { kind: HitKind::Concept, id: c.id.to_string(), name: c.label.clone(), detail, score: s });
        }
    }
    // Stable: corpus order within a kind and score.
    hits.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.score.cmp(&a.score)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_at_a_word_start() {
        let c = Corpus::builtin().unwrap();
        let ids = |q: &str| search(&c, q).into_iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids("trans-national america"), ["bourne1916"]);
        assert!(ids("LEVITT 2001").contains(&"levitt2001a".to_string()));
        assert!(ids("levitt 2001").contains(&"levitt2001b".to_string()));
        assert!(!ids("levitt 200").contains(&"levitt2001a".to_string()), "years match whole");
        assert!(ids("xyzzy").is_empty());
        assert!(search(&c, "  ").is_empty());
        let kinds: Vec<HitKind> = search(&c, "bourne").into_iter().map(|h| h.kind).collect();
        assert!(kinds.contains(&HitKind::Work) && kinds.contains(&HitKind::Person), "{kinds:?}");
    }
}
