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
    char_distance(&a, &b)
}

/// [`distance`] over characters.
fn char_distance(a: &[char], b: &[char]) -> usize {
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
/// characters changed, and at least 2), nearest first. (The loader uses [`KeyIndex`],
/// which gives the same answers without a full scan; this is its reference.)
#[cfg(test)]
pub(crate) fn close_matches<'a>(query: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let q = fold_name(query);
    let limit = (q.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> =
        candidates.map(|c| (distance(&q, &fold_name(c)), c)).filter(|(d, _)| *d <= limit).collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
}

/// An index of keys for "did you mean" hints: [`close_matches`] without comparing the
/// query with every key.
///
/// A key within `k` edits of a query of `m` characters shares at least `m - 1 - 2k` of
/// its character bigrams (each edit destroys at most two), and differs in length by at
/// most `k`. The index counts, for each key, the distinct bigrams it shares with the
/// query through one posting list per bigram, and computes the edit distance only for
/// the keys that pass both bounds, so its answers are exactly those of
/// [`close_matches`]. A query too short for the bound to exclude anything compares
/// with every key of a near length.
///
/// Building it costs one pass over the keys; a query costs the lengths of the posting
/// lists of its bigrams plus one edit distance per key that passes.
pub(crate) struct KeyIndex<'a> {
    keys: Vec<&'a str>,
    folded: Vec<Vec<char>>,
    postings: std::collections::HashMap<(char, char), Vec<u32>>,
}

impl<'a> KeyIndex<'a> {
    /// Indexes `keys` (each once).
    pub(crate) fn new(keys: impl Iterator<Item = &'a str>) -> Self {
        let mut index = KeyIndex { keys: Vec::new(), folded: Vec::new(), postings: Default::default() };
        for key in keys {
            let id = index.keys.len() as u32;
            let chars: Vec<char> = fold_name(key).chars().collect();
            for w in chars.windows(2) {
                let list = index.postings.entry((w[0], w[1])).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
            index.keys.push(key);
            index.folded.push(chars);
        }
        index
    }

    /// As [`close_matches`] over the indexed keys.
    pub(crate) fn close_matches(&self, query: &str, n: usize) -> Vec<String> {
        let q: Vec<char> = fold_name(query).chars().collect();
        let limit = (q.len() / 3).max(2);
        let mut grams: Vec<(char, char)> = q.windows(2).map(|w| (w[0], w[1])).collect();
        let all = grams.len();
        grams.sort_unstable();
        grams.dedup();
        let repeated = all - grams.len();
        let need = q.len() as i64 - 1 - 2 * limit as i64 - repeated as i64;
        let near = |i: usize| self.folded[i].len().abs_diff(q.len()) <= limit;
        let candidates: Vec<usize> = if need <= 0 {
            (0..self.keys.len()).filter(|&i| near(i)).collect()
        } else {
            let mut shared = vec![0u16; self.keys.len()];
            for g in &grams {
                for &id in self.postings.get(g).map_or(&[][..], Vec::as_slice) {
                    shared[id as usize] = shared[id as usize].saturating_add(1);
                }
            }
            (0..self.keys.len()).filter(|&i| i64::from(shared[i]) >= need && near(i)).collect()
        };
        let mut scored: Vec<(usize, &str)> = candidates
            .into_iter()
            .map(|i| (char_distance(&q, &self.folded[i]), self.keys[i]))
            .filter(|(d, _)| *d <= limit)
            .collect();
        scored.sort();
        scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
    }
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
    fn the_key_index_suggests_what_a_full_scan_does() {
        let mut keys: Vec<String> = Vec::new();
        for a in ["portes", "levitt", "glick-schiller", "vertovec", "smith", "kim", "li"] {
            for y in 1990..2010 {
                keys.push(format!("{a}{y}"));
                keys.push(format!("{a}-etal{y}a"));
            }
        }
        let index = KeyIndex::new(keys.iter().map(String::as_str));
        for q in [
            "portes1999",
            "portez1999",
            "levit2001",
            "glickschiller1995",
            "vertovek2004",
            "kim19",
            "x",
            "",
            "smith-etal2000b",
            "lí1995",
            "ab",
        ] {
            for n in [1, 3] {
                assert_eq!(index.close_matches(q, n), close_matches(q, keys.iter().map(String::as_str), n), "{q}");
            }
        }
        assert_eq!(index.close_matches("portez1999", 1), ["portes1999"]);
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
