//! Resolution in the styles that do not cite by names and year: by the list's label,
//! number or the work's key (bracketed, numbered, pandoc), by author and page (MLA), and
//! `Ibid.` / `op. cit.` by the citations before; and the page arithmetic they share with
//! the author-date resolution.

use super::names::Cited;
use super::{CitationIndex, Resolution, Status};
use crate::cites::extract::{collapse, Citation, CitationKind};
use crate::refparse::text::fold_key_part;

impl CitationIndex<'_> {
    /// `Ibid.` / `Id.` as the citation before it (`out` holds the resolutions of the
    /// citations before `i`), `op. cit.` / `loc. cit.` as the last citation of the author
    /// named before it.
    pub(super) fn resolve_ibid(&self, citations: &[Citation], i: usize, out: &[Resolution], r: &mut Resolution) {
        let c = &citations[i];
        let earlier = (0..i).rev().find(|&k| {
            out[k].work.is_some()
                && match c.authors.first() {
                    Some(name) => self.corpus.work(out[k].work.as_ref().map_or("", |w| w.as_str())).is_some_and(|w| {
                        w.creators().first().is_some_and(|n| fold_key_part(n.family()) == fold_key_part(name))
                    }),
                    None => true,
                }
        });
        if let Some(k) = earlier {
            r.status = Status::Exact;
            r.work = out[k].work.clone();
            r.notes =
                vec![format!("refers to the earlier citation `{}` (line {})", citations[k].text, citations[k].line)];
        }
    }

    /// A citation by label, number or key: the work the reference list labels so (or,
    /// for pandoc, the work with that key). `None` when a bracketed label gives names and
    /// a year to try instead.
    pub(super) fn resolve_label(&self, citation: &Citation) -> Option<Resolution> {
        let label = citation.label.as_deref()?;
        let works = self.corpus.works();
        let found = match citation.kind {
            CitationKind::Pandoc => {
                self.corpus.work(label).or_else(|| self.labels.get(label).map(|&w| &works[w as usize]))
            }
            _ => self.labels.get(&collapse(label)).map(|&w| &works[w as usize]),
        };
        let mut r = Resolution::unresolved(citation);
        match found {
            Some(work) => {
                r.status = Status::Exact;
                r.work = Some(work.key.clone());
                self.add_notes(citation, &mut r);
                Some(r)
            }
            None if citation.kind == CitationKind::Bracketed
                && citation.year.is_some()
                && !citation.authors.is_empty() =>
            {
                None
            }
            None => {
                r.notes.push(match citation.kind {
                    CitationKind::Pandoc => format!("no work with the key `{label}`"),
                    CitationKind::Numbered => format!("no reference numbered {label} in the list"),
                    _ => format!("no reference labelled `{label}` in the list"),
                });
                Some(r)
            }
        }
    }

    /// An author-page citation (`(Hall 11)`, `(Hall, Encoding 11)`): the works of the
    /// author, narrowed by the title words, then by the page falling in the work's pages;
    /// ambiguous when more than one remains.
    pub(super) fn resolve_author_page(&self, citation: &Citation) -> Resolution {
        let mut r = Resolution::unresolved(citation);
        let Some(first) = citation.authors.first() else { return r };
        let mut ids = self.direct_candidates(&Cited::new(first));
        if ids.is_empty() {
            ids = self.misspelled_candidates(&Cited::new(first));
        }
        let mut ws: Vec<u32> = ids.iter().flat_map(|&id| self.buckets[id as usize].iter().map(|(_, w)| *w)).collect();
        ws.sort_unstable();
        ws.dedup();
        let works = self.corpus.works();
        let fold = |s: &str| fold_key_part(s);
        if let Some(title) = &citation.title_words {
            let words: Vec<String> = title.split_whitespace().map(fold).filter(|w| w.len() >= 3).collect();
            let by_title: Vec<u32> = ws
                .iter()
                .copied()
                .filter(|&w| {
                    let t: Vec<String> =
                        works[w as usize].title.as_deref().unwrap_or("").split_whitespace().map(fold).collect();
                    !words.is_empty() && words.iter().all(|x| t.iter().any(|y| y.starts_with(x.as_str())))
                })
                .collect();
            if !by_title.is_empty() {
                ws = by_title;
            }
        }
        if ws.len() > 1 {
            if let Some(loc) = &citation.locator {
                let by_page: Vec<u32> = ws
                    .iter()
                    .copied()
                    .filter(|&w| works[w as usize].pages.as_deref().and_then(|p| pages_contain(p, loc)) == Some(true))
                    .collect();
                if by_page.len() == 1 {
                    r.notes.push(format!(
                        "chosen among the author's works as the one whose pages contain {}",
                        page_words(loc)
                    ));
                    ws = by_page;
                }
            }
        }
        match ws.as_slice() {
            [] => r.notes.push(format!("no work by {first} in the corpus")),
            [w] => {
                let work = &works[*w as usize];
                r.status = Status::Exact;
                r.work = Some(work.key.clone());
                self.add_notes(citation, &mut r);
            }
            many => {
                let keys: Vec<String> = many.iter().map(|&w| works[w as usize].key.to_string()).collect();
                r.notes.push(format!("ambiguous: {first} has {} works: {}", keys.len(), keys.join(", ")));
            }
        }
        r
    }
}

/// A locator in words: `52` → `page 52`, `124-5` → `pages 124-5`, `p. 12` as it is.
pub(super) fn page_words(locator: &str) -> String {
    if locator.starts_with(|c: char| c.is_ascii_digit()) {
        let many = locator.contains([',', '-', '\u{2013}']);
        format!("{} {locator}", if many { "pages" } else { "page" })
    } else {
        locator.to_string()
    }
}

/// Whether every page of a locator (`52`, `124-5`) lies within a work's pages (`48–63`);
/// `None` when either is not a plain page or range.
pub(super) fn pages_contain(pages: &str, locator: &str) -> Option<bool> {
    let &(lo, hi) = page_ranges(pages)?.first()?;
    Some(page_ranges(locator)?.iter().all(|&(a, b)| lo <= a && b <= hi))
}

/// Page ranges in a locator or a work's pages: `124-5` → (124, 125), `12, 30`,
/// `pp. 3–4`. `None` if any part is not a plain number or range.
pub(crate) fn page_ranges(s: &str) -> Option<Vec<(u32, u32)>> {
    let s = s.trim();
    let s = s.strip_prefix("pp.").or_else(|| s.strip_prefix("p.")).unwrap_or(s).trim();
    let mut out = Vec::new();
    for part in s.split(',') {
        let mut ends = part.split(['-', '\u{2013}', '\u{2014}']).map(str::trim);
        let a = ends.next()?;
        let b = ends.next();
        if ends.next().is_some() || a.is_empty() || !a.bytes().all(|c| c.is_ascii_digit()) || a.len() > 6 {
            return None;
        }
        let lo: u32 = a.parse().ok()?;
        let hi = match b {
            None => lo,
            Some(b) if !b.is_empty() && b.len() <= 6 && b.bytes().all(|c| c.is_ascii_digit()) => {
                // An abbreviated end: `124-5` is 124 to 125.
                if b.len() < a.len() {
                    format!("{}{b}", &a[..a.len() - b.len()]).parse().ok()?
                } else {
                    b.parse().ok()?
                }
            }
            Some(_) => return None,
        };
        out.push((lo, hi));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages() {
        assert_eq!(page_ranges("124-5"), Some(vec![(124, 125)]));
        assert_eq!(page_ranges("pp. 3–4"), Some(vec![(3, 4)]));
        assert_eq!(page_ranges("12, 30"), Some(vec![(12, 12), (30, 30)]));
        assert_eq!(page_ranges("xii"), None);
        assert_eq!(page_ranges("e12"), None);
    }
}
