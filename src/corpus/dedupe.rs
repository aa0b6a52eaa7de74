//! Recognising the same work arriving from two sources (a reference list and a `.bib`
//! file, two `.bib` files, ...) and merging it.
//!
//! Two works are the same if they have the same DOI; or, when they do not both have
//! DOIs, the same normalised title (letters and digits, folded to lowercase ASCII words),
//! years at most one apart, and at least one family name in common. The index is by DOI
//! and by (title, year), so each check costs a few hash look-ups: near-linear overall.

use crate::model::{Work, WorkKey};
use crate::refparse::text::fold_key_part;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Why two works are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Same {
    /// The same DOI.
    Doi,
    /// The same title, years within one, a shared family name.
    TitleYearName,
}

impl Same {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Same::Doi => "the same doi",
            Same::TitleYearName => "the same title, a year within one and a shared family name",
        }
    }
}

/// A DOI without its resolver prefix, lowercased (DOIs are case-insensitive).
pub(crate) fn normal_doi(doi: &str) -> Option<String> {
    let d = doi.trim();
    let lower = d.to_lowercase();
    let mut rest = lower.as_str();
    for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
        }
    }
    rest.starts_with("10.").then(|| rest.to_string())
}

/// A title as lowercase ASCII words: accents folded, punctuation dropped.
pub(crate) fn normal_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    };
    if title.is_ascii() {
        for c in title.chars() {
            push(c, &mut out);
        }
    } else {
        for c in title.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
            push(c, &mut out);
        }
    }
    out
}

fn family_names(work: &Work) -> Vec<String> {
    work.creators().iter().map(|n| fold_key_part(n.family())).filter(|f| !f.is_empty()).collect()
}

/// The works seen so far, by DOI and by (title, year), with the file each came from.
#[derive(Debug, Default)]
pub(crate) struct Index {
    by_doi: HashMap<String, u32>,
    by_title: HashMap<(String, i32), Vec<u32>>,
    file: HashMap<u32, usize>,
}

impl Index {
    /// Records work `i` (read from file number `file`).
    pub(crate) fn add(&mut self, i: u32, work: &Work, file: usize) {
        self.file.insert(i, file);
        if let Some(doi) = work.doi.as_deref().and_then(normal_doi) {
            self.by_doi.entry(doi).or_insert(i);
        }
        if let (Some(title), Some(year)) = (work.title.as_deref(), work.sort_year()) {
            let t = normal_title(title);
            if !t.is_empty() {
                self.by_title.entry((t, year)).or_default().push(i);
            }
        }
    }

    /// A work from another file that is the same as `work`, and why.
    pub(crate) fn find(&self, work: &Work, file: usize, works: &[Work]) -> Option<(u32, Same)> {
        let other_file = |i: &u32| self.file.get(i).is_some_and(|&f| f != file);
        let doi = work.doi.as_deref().and_then(normal_doi);
        if let Some(&i) = doi.as_ref().and_then(|d| self.by_doi.get(d)).filter(|i| other_file(i)) {
            return Some((i, Same::Doi));
        }
        let (title, year) = (normal_title(work.title.as_deref()?), work.sort_year()?);
        if title.is_empty() {
            return None;
        }
        let names = family_names(work);
        for y in [year, year - 1, year + 1] {
            for &i in self.by_title.get(&(title.clone(), y)).into_iter().flatten() {
                let candidate = &works[i as usize];
                let dois_differ = match (&doi, candidate.doi.as_deref().and_then(normal_doi)) {
                    (Some(a), Some(b)) => *a != b,
                    _ => false,
                };
                if other_file(&i) && !dois_differ && family_names(candidate).iter().any(|n| names.contains(n)) {
                    return Some((i, Same::TitleYearName));
                }
            }
        }
        None
    }
}

/// Merges `other` into `work`: fields `work` lacks are taken from `other`; records,
/// provenance, flags and repairs are joined; `other`'s raw text goes with its record.
/// Returns `other`'s key.
pub(crate) fn merge(work: &mut Work, other: Work) -> WorkKey {
    let Work {
        key,
        kind: _,
        authors,
        editors,
        contributors,
        year,
        title,
        container_title,
        collection_title,
        number,
        genre,
        edition,
        volume,
        issue,
        pages,
        publisher,
        place,
        url,
        doi,
        note,
        label,
        discipline,
        annotation,
        flags,
        repairs,
        raw,
        origin: _,
        provenance,
        mut records,
    } = other;
    if work.authors.is_empty() {
        work.authors = authors;
    }
    if work.editors.is_empty() {
        work.editors = editors;
    }
    if work.contributors.is_empty() {
        work.contributors = contributors;
    }
    if work.year.is_none() {
        work.year = year;
    }
    for (mine, theirs) in [
        (&mut work.title, title),
        (&mut work.container_title, container_title),
        (&mut work.collection_title, collection_title),
        (&mut work.number, number),
        (&mut work.genre, genre),
        (&mut work.edition, edition),
        (&mut work.volume, volume),
        (&mut work.issue, issue),
        (&mut work.pages, pages),
        (&mut work.publisher, publisher),
        (&mut work.place, place),
        (&mut work.url, url),
        (&mut work.doi, doi),
        (&mut work.note, note),
        (&mut work.label, label),
        (&mut work.discipline, discipline),
        (&mut work.annotation, annotation),
    ] {
        if mine.is_none() {
            *mine = theirs;
        }
    }
    work.flags.extend(flags);
    work.repairs.extend(repairs);
    work.provenance.extend(provenance);
    match (&work.raw, raw) {
        (None, raw) => work.raw = raw,
        (Some(_), Some(raw)) => {
            if let Some(r) = records.first_mut().filter(|r| r.raw().is_none()) {
                r.set_raw(&raw);
            }
        }
        (Some(_), None) => {}
    }
    work.records.append(&mut records);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Name, Year};

    fn work(key: &str, title: &str, year: i32, family: &str) -> Work {
        Work {
            key: WorkKey::new(key),
            title: Some(title.into()),
            year: Some(Year::new(year)),
            authors: vec![Name::person(family, Some("A"))],
            ..Work::default()
        }
    }

    #[test]
    fn titles_fold_accents_case_and_punctuation() {
        assert_eq!(normal_title("Trans-National America:  a Study"), "trans national america a study");
        assert_eq!(normal_title("L'État-nation"), "l etat nation");
        assert_eq!(normal_doi("https://doi.org/10.1000/ABC").as_deref(), Some("10.1000/abc"));
        assert_eq!(normal_doi("not a doi"), None);
    }

    #[test]
    fn same_title_year_within_one_and_a_shared_name() {
        let works = vec![work("bourne1916", "Trans-National America", 1916, "Bourne")];
        let mut index = Index::default();
        index.add(0, &works[0], 0);
        assert_eq!(
            index.find(&work("b", "Trans-national America.", 1917, "Bourne"), 1, &works),
            Some((0, Same::TitleYearName))
        );
        assert_eq!(index.find(&work("b", "Trans-national America", 1918, "Bourne"), 1, &works), None);
        assert_eq!(index.find(&work("b", "Trans-national America", 1916, "Borne"), 1, &works), None);
        // Never within one file.
        assert_eq!(index.find(&work("b", "Trans-national America", 1916, "Bourne"), 0, &works), None);
    }
}
