//! Finding works and concepts by the names people use: a key (`portes-etal1999`), or a
//! citation (`Portes et al. 1999`, `Kapur and McHale 2005`, `Levitt 2001a`), or a
//! concept's label.

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::model::concept_fold_label;
use crate::model::{Concept, Work, Year};
use crate::refparse::text::fold_name;

/// Levenshtein distance, in characters, bounded: stops counting at `limit`.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidates close enough to `query` to be a likely typo (at most a third of its
/// characters changed, and at least 2), nearest first.
pub(crate) fn close_matches<'a>(query: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let q = fold_name(query);
    let limit = (q.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> =
        candidates.map(|c| (distance(&q, &fold_name(c)), c)).filter(|(d, _)| *d <= limit).collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
}

/// The `n` candidates nearest to `query`, nearest first (ties by name).
pub(crate) fn nearest<'a>(query: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let q = fold_name(query);
    let mut scored: Vec<(usize, &str)> = candidates.map(|c| (distance(&q, &fold_name(c)), c)).collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
}

/// A citation split into its parts.
struct CitedName {
    first: String,
    second: Option<String>,
    et_al: bool,
    year: String,
}

fn parse_cited(name: &str) -> Option<CitedName> {
    let name = name.trim().trim_end_matches(['.', ')']).replace(['(', ','], " ");
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let year = words.pop()?;
    let year_ok = year.parse::<Year>().is_ok() || year.eq_ignore_ascii_case("n.d");
    if !year_ok {
        return None;
    }
    let authors = words.join(" ");
    let (authors, et_al) = match authors.strip_suffix("et al.").or_else(|| authors.strip_suffix("et al")) {
        Some(a) => (a.trim().to_string(), true),
        None => (authors, false),
    };
    let (first, second) = match authors.split_once(" and ").or_else(|| authors.split_once(" & ")) {
        Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
        None => (authors.trim().to_string(), None),
    };
    if first.is_empty() {
        return None;
    }
    Some(CitedName { first, second, et_al, year: year.trim_end_matches('.').to_string() })
}

fn matches_citation(work: &Work, c: &CitedName) -> bool {
    let Some(y) = &work.year else { return c.year.eq_ignore_ascii_case("n.d") };
    if !y.cited().eq_ignore_ascii_case(&c.year) && !y.cited().trim_end_matches('.').eq_ignore_ascii_case(&c.year) {
        return false;
    }
    let names: Vec<String> = work.family_names().iter().map(|n| fold_name(n)).collect();
    let first_ok = names.first().is_some_and(|n| *n == fold_name(&c.first));
    match (&c.second, c.et_al) {
        (Some(second), _) => first_ok && names.len() == 2 && names[1] == fold_name(second),
        (None, true) => first_ok && names.len() >= 3,
        (None, false) => first_ok && names.len() == 1,
    }
}

impl Corpus {
    /// The `n` works nearest to a name: those sharing the first author and the year first,
    /// then the first author, then the year, each group by edit distance.
    fn nearest_works(&self, name: &str, n: usize) -> Vec<String> {
        let cited = parse_cited(name);
        let q = fold_name(name);
        let mut scored: Vec<(u8, usize, String)> = self
            .works
            .iter()
            .map(|w| {
                let citation = w.citation();
                let (same_first, same_year) = match &cited {
                    Some(c) => (
                        w.family_names().first().is_some_and(|f| fold_name(f) == fold_name(&c.first)),
                        w.year.as_ref().is_some_and(|y| y.cited().eq_ignore_ascii_case(&c.year)),
                    ),
                    None => (false, false),
                };
                let group = match (same_first, same_year) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                let d = distance(&q, &fold_name(&citation)).min(distance(&q, w.key.as_str()));
                (group, d, citation)
            })
            .collect();
        scored.sort();
        scored.into_iter().take(n).map(|(_, _, c)| c).collect()
    }

    /// Finds a work by key or by citation: `Bourne 1916`, `Nye and Keohane 1971`,
    /// `Portes et al. 1999`, `Levitt 2001a`.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] listing the nearest works when nothing matches;
    /// [`ErrorKind::Ambiguous`] listing the matches when several do.
    ///
    /// Complexity: O(n) in the number of works (O(1) for a key).
    pub fn find_work(&self, name: &str) -> Result<&Work> {
        if let Some(w) = self.work(name.trim()) {
            return Ok(w);
        }
        let hits: Vec<&Work> = match parse_cited(name) {
            Some(c) => self.works.iter().filter(|w| matches_citation(w, &c)).collect(),
            None => Vec::new(),
        };
        match hits.as_slice() {
            [one] => Ok(one),
            [] => {
                let candidates = self.nearest_works(name, 5);
                let shown = candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
                Err(Error::new(ErrorKind::NotFound, format!("no work matches `{name}`; nearest: {shown}"))
                    .with_candidates(candidates))
            }
            many => {
                let candidates: Vec<String> =
                    many.iter().map(|w| format!("{} ({})", w.key, w.title.as_deref().unwrap_or("untitled"))).collect();
                let shown = many.iter().map(|w| format!("`{}`", w.key)).collect::<Vec<_>>().join(", ");
                Err(Error::new(
                    ErrorKind::Ambiguous,
                    format!("`{name}` matches {} works: {shown}; name one by its key", many.len()),
                )
                .with_candidates(candidates))
            }
        }
    }

    /// Finds a concept by id, label or alternative label (case-insensitive; `-` and
    /// spaces alike).
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] listing the nearest concepts; [`ErrorKind::Ambiguous`] if
    /// the name is a label of several.
    pub fn find_concept(&self, name: &str) -> Result<&Concept> {
        if let Some(c) = self.concept(name.trim()) {
            return Ok(c);
        }
        let hits: Vec<&Concept> = self.concepts.iter().filter(|c| c.is_named(name)).collect();
        let preferred: Vec<&Concept> =
            hits.iter().copied().filter(|c| concept_fold_label(&c.label) == concept_fold_label(name)).collect();
        match (hits.as_slice(), preferred.as_slice()) {
            ([one], _) | (_, [one]) => Ok(one),
            ([], _) => {
                let labels: Vec<String> = self.concepts.iter().map(|c| c.label.clone()).collect();
                let candidates = nearest(name, labels.iter().map(String::as_str), 5);
                let shown = candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
                Err(Error::new(ErrorKind::NotFound, format!("no concept matches `{name}`; nearest: {shown}"))
                    .with_candidates(candidates))
            }
            (many, _) => {
                let candidates: Vec<String> = many.iter().map(|c| c.id.to_string()).collect();
                Err(Error::new(
                    ErrorKind::Ambiguous,
                    format!("`{name}` names {} concepts: {}", many.len(), candidates.join(", ")),
                )
                .with_candidates(candidates))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("jessup1965", "jessup1956"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn parses_citation_forms() {
        let c = parse_cited("Portes et al. 1999").unwrap();
        assert_eq!((c.first.as_str(), c.et_al, c.year.as_str()), ("Portes", true, "1999"));
        let c = parse_cited("Kapur and McHale 2005").unwrap();
        assert_eq!((c.first.as_str(), c.second.as_deref()), ("Kapur", Some("McHale")));
        let c = parse_cited("Levitt (2001a)").unwrap();
        assert_eq!((c.first.as_str(), c.year.as_str()), ("Levitt", "2001a"));
        assert!(parse_cited("Levitt").is_none());
    }
}
