//! Matching cited references to records of the set, and feeding both into the network.
//!
//! Records become works of the set under the source's own id (a record whose DOI is already a
//! record's is the same work). A cited reference is matched, in this order:
//!
//! 1. by DOI, compared case-insensitively (any of a WoS `DOI [a, b]` list);
//! 2. by the source's own id (OpenAlex `referenced_works`, Semantic Scholar `paperId`);
//! 3. by first author's family name + year + source (the record's full title or its
//!    abbreviation, WoS `J9`) + volume, and the page when both have one;
//! 4. by first author + year + title (Scopus, Crossref, Semantic Scholar references).
//!
//! Each match keeps its [`MatchReason`]. A reference matching nothing becomes a cited-only
//! work, one per distinct reference (by DOI, else by author, year, source, volume and page,
//! else by its text), so that the same book cited by ten records is one work cited ten times:
//! local citation counts (within the set) and global ones (the source's times-cited) both
//! stay right.
//!
//! Id references are cited as they stream in; the others wait until every file is read, as a
//! reference may point to a record of a later file.

use super::record::{CitedRef, Format, Record};
use super::text::{family_of_display, fold, norm_doi, surname};
use crate::network::{FileReport, LoadContext, NetworkBuilder};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

/// Why a cited reference was taken to be a record of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchReason {
    /// The same DOI (case-insensitive).
    Doi,
    /// The source's own work id.
    Id,
    /// First author, year, source, volume and page.
    AuthorYearSourceVolumePage,
    /// First author, year, source and volume (one of the two has no page).
    AuthorYearSourceVolume,
    /// First author, year and title.
    TitleAuthorYear,
}

impl MatchReason {
    const ALL: [MatchReason; 5] = [
        MatchReason::Doi,
        MatchReason::Id,
        MatchReason::AuthorYearSourceVolumePage,
        MatchReason::AuthorYearSourceVolume,
        MatchReason::TitleAuthorYear,
    ];

    /// A short name, as reports print it.
    pub fn name(self) -> &'static str {
        match self {
            MatchReason::Doi => "doi",
            MatchReason::Id => "id",
            MatchReason::AuthorYearSourceVolumePage => "author+year+source+volume+page",
            MatchReason::AuthorYearSourceVolume => "author+year+source+volume",
            MatchReason::TitleAuthorYear => "title+author+year",
        }
    }
}

/// One cited reference matched to a record of the set.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Match {
    /// Index of the file (in the load's order) whose record cites.
    pub file: usize,
    /// Line of the citing record in that file.
    pub line: u32,
    /// The citing work (network index).
    pub citing: u32,
    /// The cited work, a record of the set (network index).
    pub cited: u32,
    /// Why they were matched.
    pub reason: MatchReason,
}

/// A reference waiting for every record to be known.
#[derive(Debug)]
struct Pending {
    file: usize,
    line: u32,
    citing: u32,
    given_first: bool,
    r: CitedRef,
}

/// Counts for one file, added to its [`FileReport`] at the end.
#[derive(Debug, Default, Clone)]
struct Counts {
    matched: usize,
    cited_only: usize,
    by_reason: [usize; 5],
    /// Targets of id references, told matched or cited-only at the end.
    id_targets: Vec<u32>,
}

/// The matching state of one load: the records' keys and the references still to resolve.
#[derive(Debug, Default)]
pub struct Matcher {
    /// Index of the file being read, set by the loader before each file.
    pub(crate) file: usize,
    by_doi: HashMap<Box<str>, u32>,
    /// (author+year+source+volume key, work, page key or 0).
    by_source: Vec<(u64, u32, u64)>,
    /// (author+year+title key, work).
    by_title: Vec<(u64, u32)>,
    pending: Vec<Pending>,
    counts: Vec<Counts>,
    matches: Vec<Match>,
}

fn hash_of(parts: &[&str]) -> u64 {
    let mut h = foldhash::quality::FixedState::with_seed(0x5eed).build_hasher();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish().max(1)
}

/// Whether a format prints names `Given Family` (otherwise `Family, Given` or `Family I.`).
fn given_first(format: Format) -> bool {
    matches!(format, Format::OpenAlex | Format::SemanticScholar)
}

fn family(author: &str, given_first: bool) -> String {
    fold(if given_first { family_of_display(author) } else { surname(author) })
}

/// Up to 32 letters of a title, enough to tell works apart and to survive truncation.
fn title_key(title: &str) -> Option<String> {
    let t: String = fold(title).chars().take(32).collect();
    (t.len() >= 12).then_some(t)
}

fn source_key(author: &str, year: i32, source: &str, volume: &str) -> u64 {
    hash_of(&["s", author, &year.to_string(), &fold(source), &fold(volume)])
}

fn page_key(page: Option<&str>) -> u64 {
    page.map(fold).filter(|p| !p.is_empty()).map_or(0, |p| hash_of(&["p", &p]))
}

fn title_author_key(author: &str, year: i32, title: &str) -> u64 {
    hash_of(&["t", author, &year.to_string(), title])
}

impl Matcher {
    fn counts(&mut self, file: usize) -> &mut Counts {
        if self.counts.len() <= file {
            self.counts.resize_with(file + 1, Counts::default);
        }
        &mut self.counts[file]
    }

    /// Adds a record of file `self.file` read as `format` to the network: its work, keys and
    /// references. Counts into `report`.
    pub(crate) fn add_record(&mut self, b: &mut NetworkBuilder, format: Format, r: Record, report: &mut FileReport) {
        let file = self.file;
        let doi = r.doi.as_deref().and_then(norm_doi);
        let existing = doi.as_deref().and_then(|d| self.by_doi.get(d).copied());
        let w = match (&r.id, existing) {
            (_, Some(w)) => w,
            (Some(id), None) => b.work(id),
            (None, None) => match &doi {
                Some(d) => b.work(d),
                None => b.work(&format!("{}#{}", report.file, r.line)),
            },
        };
        report.records += 1;
        if b.in_set(w) {
            report.note(
                r.line,
                "duplicate-record",
                format!("the same work as an earlier record ({}): read as one work", b.id(w)),
            );
        }
        b.set_in_set(w, true);
        let gf = given_first(format);
        let first_author = r.authors.first().map(|a| family(a, gf)).filter(|a| !a.is_empty());
        if let Some(y) = r.year {
            b.set_year(w, y);
        }
        let label = match (r.authors.first(), r.year) {
            (Some(a), Some(y)) => format!("{} {y}", if gf { family_of_display(a) } else { surname(a) }),
            (Some(a), None) => a.clone(),
            (None, Some(y)) => {
                format!("{} {y}", r.title.as_deref().unwrap_or("Anonymous").chars().take(40).collect::<String>())
            }
            (None, None) => r.title.as_deref().unwrap_or("").chars().take(40).collect(),
        };
        b.set_label(w, &label);
        if let Some(t) = &r.title {
            b.set_title(w, t);
        }
        if let Some(d) = &doi {
            b.set_doi(w, d);
            self.by_doi.entry(d.as_str().into()).or_insert(w);
        }
        if let Some(n) = r.times_cited {
            b.set_gcs(w, n.min(u32::MAX as u64 - 1) as u32);
        }
        if let (Some(a), Some(y)) = (&first_author, r.year) {
            let page = page_key(r.page.as_deref());
            let volume = r.volume.as_deref().unwrap_or("");
            for source in [r.source.as_deref(), r.source_abbrev.as_deref()].into_iter().flatten() {
                if !fold(source).is_empty() {
                    self.by_source.push((source_key(a, y, source, volume), w, page));
                }
            }
            if let Some(t) = r.title.as_deref().and_then(title_key) {
                self.by_title.push((title_author_key(a, y, &t), w));
            }
        }
        report.cited_references += r.references.len() + r.referenced_ids.len();
        if !r.referenced_ids.is_empty() {
            let mut targets = std::mem::take(&mut self.counts(file).id_targets);
            for id in r.referenced_ids.iter() {
                let t = b.work(id);
                b.cite(w, t);
                targets.push(t);
            }
            self.counts(file).id_targets = targets;
        }
        for c in r.references {
            if c.dois.is_empty() && c.id.is_some() {
                // An id reference: cited now, told matched or not at the end.
                let t = b.work(c.id.as_deref().unwrap_or_default());
                b.cite(w, t);
                self.counts(file).id_targets.push(t);
            } else {
                self.pending.push(Pending { file, line: r.line, citing: w, given_first: gf, r: c });
            }
        }
        // Works that cite this record (Semantic Scholar `citations`): citations of it, not
        // references of the set.
        for c in r.cited_by {
            let key = c.id.clone().or_else(|| c.dois.first().and_then(|d| norm_doi(d)));
            let citer = match key {
                Some(k) => b.work(&k),
                None => b.work(&format!("ref:{}", fold(&c.raw))),
            };
            if !b.in_set(citer) {
                set_cited_only_meta(b, citer, &c, gf);
            }
            b.cite(citer, w);
        }
    }

    /// Resolves one waiting reference.
    fn resolve(&self, b: &mut NetworkBuilder, p: &Pending) -> Option<(u32, MatchReason)> {
        for d in &p.r.dois {
            if let Some(&t) = norm_doi(d).and_then(|d| self.by_doi.get(d.as_str())) {
                return Some((t, MatchReason::Doi));
            }
        }
        if let Some(id) = &p.r.id {
            if let Some(t) = b.find(id).filter(|&t| b.in_set(t)) {
                return Some((t, MatchReason::Id));
            }
        }
        let author = p.r.author.as_deref().map(|a| family(a, p.given_first)).filter(|a| !a.is_empty())?;
        let year = p.r.year?;
        if let Some(source) = p.r.source.as_deref().filter(|s| !fold(s).is_empty()) {
            let key = source_key(&author, year, source, p.r.volume.as_deref().unwrap_or(""));
            let lo = self.by_source.partition_point(|e| e.0 < key);
            let candidates = &self.by_source[lo..lo + self.by_source[lo..].partition_point(|e| e.0 == key)];
            let page = page_key(p.r.page.as_deref());
            let mut works: Vec<u32> = candidates.iter().map(|c| c.1).collect();
            works.dedup();
            if page != 0 {
                if let Some(c) = candidates.iter().find(|c| c.2 == page) {
                    return Some((c.1, MatchReason::AuthorYearSourceVolumePage));
                }
                if let Some(c) = candidates.iter().find(|c| c.2 == 0) {
                    return Some((c.1, MatchReason::AuthorYearSourceVolume));
                }
            } else if works.len() == 1 {
                return Some((works[0], MatchReason::AuthorYearSourceVolume));
            }
        }
        let title = p.r.title.as_deref().and_then(title_key)?;
        let key = title_author_key(&author, year, &title);
        let at = self.by_title.partition_point(|e| e.0 < key);
        self.by_title.get(at).filter(|e| e.0 == key).map(|e| (e.1, MatchReason::TitleAuthorYear))
    }

    /// Resolves every waiting reference (after the last file), cites it, and adds each file's
    /// counts to its report. Returns the matches with their reasons.
    pub(crate) fn finish(&mut self, b: &mut NetworkBuilder, files: &mut [FileReport]) -> Vec<Match> {
        self.by_source.sort_unstable();
        self.by_title.sort_unstable();
        let pending = std::mem::take(&mut self.pending);
        for p in &pending {
            match self.resolve(b, p) {
                Some((t, reason)) => {
                    b.cite(p.citing, t);
                    let c = self.counts(p.file);
                    c.matched += 1;
                    c.by_reason[reason as usize] += 1;
                    self.matches.push(Match { file: p.file, line: p.line, citing: p.citing, cited: t, reason });
                }
                None => {
                    let t = cited_only_work(b, &p.r, p.given_first);
                    b.cite(p.citing, t);
                    self.counts(p.file).cited_only += 1;
                }
            }
        }
        for (i, c) in self.counts.iter_mut().enumerate() {
            for &t in &c.id_targets {
                if b.in_set(t) {
                    c.matched += 1;
                    c.by_reason[MatchReason::Id as usize] += 1;
                } else {
                    c.cited_only += 1;
                }
            }
            c.id_targets = Vec::new();
            if let Some(report) = files.get_mut(i) {
                report.matched += c.matched;
                report.cited_only += c.cited_only;
                if c.matched > 0 {
                    let reasons: Vec<String> = MatchReason::ALL
                        .iter()
                        .filter(|r| c.by_reason[**r as usize] > 0)
                        .map(|r| format!("{} by {}", c.by_reason[*r as usize], r.name()))
                        .collect();
                    report.note(0, "matched-by", format!("cited references matched: {}", reasons.join(", ")));
                }
            }
        }
        std::mem::take(&mut self.matches)
    }
}

/// The cited-only work a reference stands for: one per DOI, else per author, year, source,
/// volume and page, else per title, else per text.
fn cited_only_work(b: &mut NetworkBuilder, r: &CitedRef, given_first: bool) -> u32 {
    let author = r.author.as_deref().map(|a| family(a, given_first)).unwrap_or_default();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let key = if let Some(d) = r.dois.iter().find_map(|d| norm_doi(d)) {
        d
    } else if let Some(id) = &r.id {
        id.clone()
    } else if let Some(s) = r.source.as_deref().filter(|s| !fold(s).is_empty() && r.title.is_none()) {
        let v = r.volume.as_deref().map(fold).unwrap_or_default();
        let p = r.page.as_deref().map(fold).unwrap_or_default();
        format!("ref:{author}|{year}|{}|{v}|{p}", fold(s))
    } else if let Some(t) = r.title.as_deref().and_then(title_key) {
        format!("ref:{author}|{year}|{t}")
    } else {
        format!("ref:{}", fold(&r.raw))
    };
    let w = b.work(&key);
    if !b.in_set(w) {
        set_cited_only_meta(b, w, r, given_first);
    }
    w
}

fn set_cited_only_meta(b: &mut NetworkBuilder, w: u32, r: &CitedRef, given_first: bool) {
    if let Some(y) = r.year {
        b.set_year(w, y);
    }
    let name = r.author.as_deref().map(|a| if given_first { family_of_display(a) } else { surname(a) });
    let label = match (name, r.year) {
        (Some(a), Some(y)) => format!("{a} {y}"),
        _ if !r.raw.is_empty() => r.raw.chars().take(60).collect(),
        _ => r.title.clone().unwrap_or_default(),
    };
    if !label.is_empty() {
        b.set_label(w, &label);
    }
    if let Some(t) = &r.title {
        b.set_title(w, t);
    }
    if let Some(d) = r.dois.iter().find_map(|d| norm_doi(d)) {
        b.set_doi(w, &d);
    }
}

/// Hooks for the loader: `LoadContext` owns a [`Matcher`].
pub(crate) fn finish(cx: &mut LoadContext, files: &mut [FileReport]) -> Vec<Match> {
    cx.matcher.finish(&mut cx.builder, files)
}
