//! Resolving citations against a corpus's works: exactly first, then tolerantly, each
//! tolerance with its reason.
//!
//! A citation matches a work when its names match the work's authors (or editors) in
//! order, its year matches the work's, and the number of names fits (`et al.` for three
//! or more). Names and years may differ from the work's record in these ways, each stated
//! in the [`Resolution`]:
//!
//! | tolerance | example |
//! |---|---|
//! | [`Tolerance::WrittenDifferently`] | `Escala Rabadan` for `Escala-Rabadan` (hyphen dropped), `Perez` for `Pérez` |
//! | [`Tolerance::CompoundInPart`] | `Schiller` for `Glick Schiller` |
//! | [`Tolerance::OrganisationVariant`] | `UN Development Program` for `United Nations Development Program` |
//! | [`Tolerance::Misspelled`] | `Ostegaard-Nielsen` for `Ostergaard-Nielsen` (one letter wrong, missing, extra, or two swapped) |
//! | [`Tolerance::YearSuffix`] | `2001` for `2001a`, when only one such work exists |
//! | [`Tolerance::YearDiffers`] | `2006` for `2005` (two years apart at most, or two digits swapped) |
//! | [`Tolerance::AuthorsDiffer`] | `Portes` alone for `Portes, Guarnizo and Landolt` |
//!
//! At most one tolerance other than a name written differently is allowed per match, so
//! a misspelled name with a wrong year is not a match. Among matches, the fewest and
//! mildest tolerances win; then works in the corpus's reference lists win over works
//! recorded elsewhere (a reading list). A tie that remains is reported as ambiguous.
//!
//! The index keys works by their first author's folded family name and, within it, by
//! year, so resolving a citation costs a few hash look-ups whatever the size of the
//! corpus; misspellings are found through a one-deletion index built on first use.

use super::extract::{Citation, CitationKind};
use crate::corpus::Corpus;
use crate::model::{Work, WorkKey, Year};
use crate::refparse::text::fold_key_part;
use serde::Serialize;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt;
use std::hash::Hasher;
use std::sync::OnceLock;

mod names;
mod styles;

use names::{acronym, compare_name, forms, parts, Cited, NameMatch};
use styles::{page_words, pages_contain};

/// How a citation was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Names and year match a work as printed.
    Exact,
    /// A work matches with the differences listed in [`Resolution::tolerances`].
    Tolerant,
    /// No work matches, or several match equally.
    Unresolved,
    /// The citation is cut off (its parenthesis never closes and gives no year), so no
    /// work can be told.
    Truncated,
}

impl Status {
    /// The status's name: `exact`, `tolerant`, `unresolved`, `truncated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "exact",
            Status::Tolerant => "tolerant",
            Status::Unresolved => "unresolved",
            Status::Truncated => "truncated",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One way a citation differs from the work it resolves to. `cited` is the citation's
/// form, `printed` the work's.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tolerance {
    /// The same letters written differently: a hyphen dropped or added, accents,
    /// capitals, spacing.
    WrittenDifferently {
        /// As cited.
        cited: String,
        /// As printed in the work's record.
        printed: String,
        /// What differs: `hyphen dropped`, `accents differ`, ...
        how: &'static str,
    },
    /// A compound family name given in part: `Schiller` for `Glick Schiller`.
    CompoundInPart {
        /// As cited.
        cited: String,
        /// As printed.
        printed: String,
    },
    /// An organisation named by a variant of its name: an abbreviation, or an acronym in
    /// place of some words.
    OrganisationVariant {
        /// As cited.
        cited: String,
        /// As printed.
        printed: String,
    },
    /// A family name misspelled: one letter wrong, missing or extra, or two swapped.
    Misspelled {
        /// As cited.
        cited: String,
        /// As printed.
        printed: String,
    },
    /// The year's suffix is missing or extra: `2001` for `2001a`.
    YearSuffix {
        /// As cited.
        cited: String,
        /// As printed.
        printed: String,
    },
    /// The year differs: at most two years apart, or two digits swapped.
    YearDiffers {
        /// As cited.
        cited: String,
        /// As printed.
        printed: String,
    },
    /// The names are given differently: too few or too many, or `et al.` for two.
    AuthorsDiffer {
        /// As cited: `Portes`, `Portes et al.`.
        cited: String,
        /// The work's names: `Portes, Guarnizo and Landolt`.
        printed: String,
    },
}

impl Tolerance {
    /// A short stable code: `written-differently`, `compound-in-part`,
    /// `organisation-variant`, `misspelled`, `year-suffix`, `year-differs`,
    /// `authors-differ`.
    pub fn code(&self) -> &'static str {
        match self {
            Tolerance::WrittenDifferently { .. } => "written-differently",
            Tolerance::CompoundInPart { .. } => "compound-in-part",
            Tolerance::OrganisationVariant { .. } => "organisation-variant",
            Tolerance::Misspelled { .. } => "misspelled",
            Tolerance::YearSuffix { .. } => "year-suffix",
            Tolerance::YearDiffers { .. } => "year-differs",
            Tolerance::AuthorsDiffer { .. } => "authors-differ",
        }
    }

    /// How far the match strays: 1 for a name written differently, 2 or 3 for the others.
    fn cost(&self) -> u8 {
        match self {
            Tolerance::WrittenDifferently { .. } => 1,
            Tolerance::CompoundInPart { .. }
            | Tolerance::OrganisationVariant { .. }
            | Tolerance::YearSuffix { .. }
            | Tolerance::AuthorsDiffer { .. } => 2,
            Tolerance::Misspelled { .. } | Tolerance::YearDiffers { .. } => 3,
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::WrittenDifferently { cited, printed, how } => {
                write!(f, "family name written differently: {cited} for {printed} ({how})")
            }
            Tolerance::CompoundInPart { cited, printed } => {
                write!(f, "compound family name given in part: {cited} for {printed}")
            }
            Tolerance::OrganisationVariant { cited, printed } => {
                write!(f, "organisation named by a variant of its name: {cited} for {printed}")
            }
            Tolerance::Misspelled { cited, printed } => write!(f, "family name misspelled: {cited} for {printed}"),
            Tolerance::YearSuffix { cited, printed } => write!(f, "year suffix differs: {cited} for {printed}"),
            Tolerance::YearDiffers { cited, printed } => {
                write!(f, "year differs: {cited} for {printed}")?;
                let year = |s: &str| s.get(..4).and_then(|y| y.parse::<i32>().ok());
                if let (Some(c), Some(p)) = (year(cited), year(printed)) {
                    if transposed(c, p) {
                        f.write_str(" (two digits swapped)")?;
                    }
                }
                Ok(())
            }
            Tolerance::AuthorsDiffer { cited, printed } => {
                write!(f, "authors given differently: {cited} for {printed}")
            }
        }
    }
}

/// What resolving a citation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// Exact, tolerant, unresolved or truncated.
    pub status: Status,
    /// The work the citation resolves to.
    pub work: Option<WorkKey>,
    /// The names the resolution used: the citation's own, or for a year-only citation
    /// those chosen from the prose before it (empty if none fits).
    pub authors: Vec<String>,
    /// Whether `et al.` follows [`authors`](Self::authors).
    pub et_al: bool,
    /// How the citation differs from the work (empty when exact).
    pub tolerances: Vec<Tolerance>,
    /// Other problems, in words: why nothing matched, an ambiguity, a page outside the
    /// work's pages, a parenthesis left open, a work missing from the reference list.
    pub notes: Vec<String>,
}

impl Resolution {
    /// Not resolved (yet): the citation's names, no work, nothing to say.
    fn unresolved(citation: &Citation) -> Resolution {
        Resolution {
            status: Status::Unresolved,
            work: None,
            authors: citation.authors.clone(),
            et_al: citation.et_al,
            tolerances: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The problem in words: the tolerances, then the notes, joined by `; `. `None` when
    /// there is nothing to say.
    pub fn problem(&self) -> Option<String> {
        let parts: Vec<String> =
            self.tolerances.iter().map(ToString::to_string).chain(self.notes.iter().cloned()).collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// How a cited year matches a work's.
enum YearMatch {
    Exact,
    Tolerant(Tolerance),
}

/// Whether two years differ by two swapped adjacent digits: `1956` and `1965`.
fn transposed(a: i32, b: i32) -> bool {
    if !(1000..=9999).contains(&a) || !(1000..=9999).contains(&b) {
        return false;
    }
    let digits = |y: i32| [y / 1000, y / 100 % 10, y / 10 % 10, y % 10];
    let (x, y) = (digits(a), digits(b));
    let mut diff = (0..4).filter(|&i| x[i] != y[i]);
    match (diff.next(), diff.next(), diff.next()) {
        (Some(i), Some(j), None) => j == i + 1 && x[i] == y[j] && x[j] == y[i],
        _ => false,
    }
}

fn compare_year(cited: &Year, printed: Option<&Year>, allow_differ: bool) -> Option<YearMatch> {
    let empty = Year::default();
    let printed = printed.unwrap_or(&empty);
    match (cited.year, printed.year) {
        (Some(c), Some(p)) => {
            let same = c == p
                || printed.original == Some(c)
                || cited.original.is_some_and(|o| o == p || printed.original == Some(o));
            if same {
                return match (cited.suffix, printed.suffix) {
                    (a, b) if a == b => Some(YearMatch::Exact),
                    (Some(_), Some(_)) => None,
                    _ => Some(YearMatch::Tolerant(Tolerance::YearSuffix {
                        cited: cited.cited(),
                        printed: printed.cited(),
                    })),
                };
            }
            (allow_differ && ((c - p).abs() <= 2 || transposed(c, p)))
                .then(|| YearMatch::Tolerant(Tolerance::YearDiffers { cited: cited.cited(), printed: printed.cited() }))
        }
        (None, None) => {
            let status = |y: &Year| match y.status.as_deref() {
                None | Some("n.d.") => "n.d.",
                Some("in press" | "forthcoming" | "im druck" | "sous presse" | "en prensa") => "in press",
                Some(_) => "other",
            };
            (status(cited) == status(printed)).then_some(YearMatch::Exact)
        }
        _ => None,
    }
}

/// A candidate match and how far it strays.
struct Candidate {
    work: u32,
    tolerances: Vec<Tolerance>,
    cost: u32,
    /// 0 for a work from a reference list, 1 otherwise.
    preference: u8,
}

/// The sort key of a year in an index bucket; works without a numeric year sort first.
const NO_YEAR: i32 = i32::MIN;

/// An index of a corpus's works for resolving citations.
///
/// ```
/// use bibgraph::cites::{extract, CitationIndex, Status};
/// let corpus = bibgraph::Corpus::builtin()?;
/// let index = CitationIndex::new(&corpus);
/// let found = extract("The state still mattered (Risse-Kappen, 1995), as did (Ostegaard-Nielsen, 2003).");
/// let first = index.resolve(&found.citations[0]);
/// assert_eq!((first.status, first.work.as_ref().map(|k| k.as_str())), (Status::Exact, Some("rissekappen1995")));
/// let second = index.resolve(&found.citations[1]);
/// assert_eq!(second.status, Status::Tolerant);
/// assert_eq!(second.work.as_ref().map(|k| k.as_str()), Some("ostergaardnielsen2003"));
/// assert_eq!(second.problem().as_deref(), Some("family name misspelled: Ostegaard-Nielsen for Ostergaard-Nielsen"));
/// # Ok::<(), bibgraph::Error>(())
/// ```
#[derive(Debug)]
pub struct CitationIndex<'c> {
    corpus: &'c Corpus,
    /// Folded name → name id.
    names: HashMap<String, u32>,
    /// Name id → folded name.
    keys: Vec<String>,
    /// Name id → (year, work index), sorted.
    buckets: Vec<Vec<(i32, u32)>>,
    /// A part of a compound name → name ids.
    parts: HashMap<String, Vec<u32>>,
    /// An organisation's initials → name ids.
    acronyms: HashMap<String, Vec<u32>>,
    /// Hash of a folded name or of it less one character → name ids; built on first use.
    deletions: OnceLock<HashMap<u64, Vec<u32>>>,
    /// Whether the corpus has works read from a reference list.
    has_lists: bool,
    /// A work's label, spaces collapsed → work index.
    labels: HashMap<String, u32>,
}

fn push_unique(v: &mut Vec<u32>, id: u32) {
    if !v.contains(&id) {
        v.push(id);
    }
}

/// The hash of `s`, less the bytes in `skip` if given; `hash_without("abc", Some(1..2))`
/// is `hash_without("ac", None)`. Folded names are ASCII, so a byte is a character.
fn hash_without(s: &str, skip: Option<std::ops::Range<usize>>) -> u64 {
    let mut h = DefaultHasher::new();
    let b = s.as_bytes();
    match skip {
        Some(r) => {
            h.write(&b[..r.start]);
            h.write(&b[r.end..]);
        }
        None => h.write(b),
    }
    h.write_u8(0xff);
    h.finish()
}

/// The hashes of `s` and of `s` less each one of its characters.
fn deletion_hashes(s: &str) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(hash_without(s, None))
        .chain(s.char_indices().map(move |(i, c)| hash_without(s, Some(i..i + c.len_utf8()))))
}

impl<'c> CitationIndex<'c> {
    /// Indexes the works of `corpus` by their first author's (or editor's) folded family
    /// name and year.
    ///
    /// Complexity: O(n) in the number of works.
    pub fn new(corpus: &'c Corpus) -> Self {
        let mut index = CitationIndex {
            corpus,
            names: HashMap::new(),
            keys: Vec::new(),
            buckets: Vec::new(),
            parts: HashMap::new(),
            acronyms: HashMap::new(),
            deletions: OnceLock::new(),
            has_lists: corpus.works().iter().any(|w| w.raw.is_some()),
            labels: HashMap::new(),
        };
        for (wi, work) in corpus.works().iter().enumerate() {
            if let Some(l) = &work.label {
                index.labels.entry(super::extract::collapse(l)).or_insert(wi as u32);
            }
            let Some(first) = work.creators().first() else { continue };
            let years: Vec<i32> = match &work.year {
                Some(y) => match (y.year, y.original) {
                    (Some(a), Some(o)) if a != o => vec![a, o],
                    (Some(a), _) => vec![a],
                    (None, _) => vec![NO_YEAR],
                },
                None => vec![NO_YEAR],
            };
            for form in forms(first) {
                let folded = fold_key_part(&form);
                if folded.is_empty() {
                    continue;
                }
                let next = index.keys.len() as u32;
                let id = *index.names.entry(folded.clone()).or_insert(next);
                if id == next {
                    index.keys.push(folded);
                    index.buckets.push(Vec::new());
                }
                for &y in &years {
                    index.buckets[id as usize].push((y, wi as u32));
                }
                let ps = parts(&form);
                if ps.len() >= 2 {
                    for p in ps {
                        push_unique(index.parts.entry(p).or_default(), id);
                    }
                }
                if first.is_literal() {
                    let a = acronym(&form);
                    if a.len() >= 2 {
                        push_unique(index.acronyms.entry(a).or_default(), id);
                    }
                }
            }
        }
        for b in &mut index.buckets {
            b.sort_unstable();
            b.dedup();
        }
        index
    }

    fn deletions(&self) -> &HashMap<u64, Vec<u32>> {
        self.deletions.get_or_init(|| {
            let mut map: HashMap<u64, Vec<u32>> = HashMap::new();
            for (id, key) in self.keys.iter().enumerate() {
                for h in deletion_hashes(key) {
                    push_unique(map.entry(h).or_default(), id as u32);
                }
            }
            map
        })
    }

    /// The name ids a cited first name may refer to directly: the same letters, the
    /// family name after given names, a part of a compound name, an organisation's
    /// initials.
    fn direct_candidates(&self, cited: &Cited<'_>) -> Vec<u32> {
        let mut ids = Vec::new();
        let folded = &cited.loose;
        if folded.is_empty() {
            return ids;
        }
        if let Some(&id) = self.names.get(folded) {
            ids.push(id);
        }
        let words = &cited.words;
        for k in 1..words.len() {
            if let Some(&id) = self.names.get(&fold_key_part(&words[k..].join(" "))) {
                push_unique(&mut ids, id);
            }
        }
        for id in self.parts.get(folded).into_iter().flatten() {
            push_unique(&mut ids, *id);
        }
        if words.len() >= 2 || cited.raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            for key in [&acronym(cited.raw), folded] {
                for id in self.acronyms.get(key).into_iter().flatten() {
                    push_unique(&mut ids, *id);
                }
            }
        }
        ids
    }

    /// The name ids one edit away from a cited first name (through the one-deletion
    /// index).
    fn misspelled_candidates(&self, cited: &Cited<'_>) -> Vec<u32> {
        let mut ids = Vec::new();
        if cited.loose.len() >= 4 {
            let map = self.deletions();
            for h in deletion_hashes(&cited.loose) {
                for id in map.get(&h).into_iter().flatten() {
                    push_unique(&mut ids, *id);
                }
            }
        }
        ids
    }

    /// The works of a name id whose year may match `year`: the same year (or original
    /// year), and with `allow_differ` up to two years apart or with two digits swapped.
    fn works_near(&self, id: u32, year: &Year, allow_differ: bool) -> Vec<u32> {
        let bucket = &self.buckets[id as usize];
        let mut out: Vec<u32> = Vec::new();
        let mut take = |lo: i32, hi: i32| {
            let a = bucket.partition_point(|(y, _)| *y < lo);
            let b = bucket.partition_point(|(y, _)| *y <= hi);
            for (_, w) in &bucket[a..b] {
                push_unique(&mut out, *w);
            }
        };
        if year.year.is_none() && year.original.is_none() {
            take(NO_YEAR, NO_YEAR);
        }
        let spread = if allow_differ { 2 } else { 0 };
        for y in year.year.into_iter().chain(year.original) {
            take(y.saturating_sub(spread), y.saturating_add(spread));
            if allow_differ && (1000..=9999).contains(&y) {
                // The year with two adjacent digits swapped: 1956 → 9156, 1596, 1965.
                let d = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10];
                for i in 0..3 {
                    let mut t = d;
                    t.swap(i, i + 1);
                    let v = t[0] * 1000 + t[1] * 100 + t[2] * 10 + t[3];
                    if v != y {
                        take(v, v);
                    }
                }
            }
        }
        out
    }

    /// Compares a citation's names and year with a work; `None` if they do not match
    /// within the tolerances.
    fn evaluate(
        &self,
        authors: &[Cited<'_>],
        et_al: bool,
        year: &Year,
        wi: u32,
        allow_differ: bool,
    ) -> Option<Candidate> {
        let work = &self.corpus.works()[wi as usize];
        let creators = work.creators();
        let mut tolerances = Vec::new();
        for (cited, name) in authors.iter().zip(creators) {
            match compare_name(cited, name)? {
                NameMatch::Exact => {}
                NameMatch::Tolerant(t) => tolerances.push(t),
            }
        }
        match compare_year(year, work.year.as_ref(), allow_differ)? {
            YearMatch::Exact => {}
            YearMatch::Tolerant(t) => tolerances.push(t),
        }
        let (n, m) = (authors.len(), creators.len());
        let shape_ok = if et_al { m >= 3 && m > n } else { n == m };
        if !shape_ok {
            let names: Vec<String> = authors.iter().map(|a| a.raw.to_string()).collect();
            tolerances
                .push(Tolerance::AuthorsDiffer { cited: cited_names(&names, et_al), printed: listed_names(work) });
        }
        if tolerances.iter().filter(|t| t.cost() >= 2).count() > 1 {
            return None;
        }
        let cost = tolerances.iter().map(|t| u32::from(t.cost())).sum();
        let preference = u8::from(work.raw.is_none() && self.has_lists);
        Some(Candidate { work: wi, tolerances, cost, preference })
    }

    /// Every work the names and year may refer to, best first.
    ///
    /// Misspelled names are looked up only when the direct look-up found nothing better
    /// than a misspelling would be: most citations match directly and never pay for it.
    fn candidates(&self, authors: &[String], et_al: bool, year: &Year, allow_differ: bool) -> Vec<Candidate> {
        let cited: Vec<Cited<'_>> = authors.iter().map(|a| Cited::new(a)).collect();
        let Some(first) = cited.first() else { return Vec::new() };
        let mut seen: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        let mut consider = |ids: Vec<u32>, out: &mut Vec<Candidate>| {
            for id in ids {
                for wi in self.works_near(id, year, allow_differ) {
                    if !seen.contains(&wi) {
                        seen.push(wi);
                        out.extend(self.evaluate(&cited, et_al, year, wi, allow_differ));
                    }
                }
            }
        };
        consider(self.direct_candidates(first), &mut out);
        let misspelling = 3;
        if out.iter().all(|c| c.cost >= misspelling) {
            consider(self.misspelled_candidates(first), &mut out);
        }
        out.sort_by_key(|c| (c.cost, c.preference, c.work));
        out
    }

    /// The works whose first author the name may refer to, in corpus order (at most 5).
    fn works_by(&self, name: &str) -> Vec<&Work> {
        let folded = fold_key_part(name);
        let mut ws: Vec<u32> = self
            .names
            .get(&folded)
            .map(|&id| self.buckets[id as usize].iter().map(|(_, w)| *w).collect())
            .unwrap_or_default();
        ws.sort_unstable();
        ws.dedup();
        ws.into_iter().take(5).map(|w| &self.corpus.works()[w as usize]).collect()
    }

    /// The works whose first author's name is near the cited one (any kind of name
    /// match), in corpus order (at most 5).
    fn works_similar(&self, name: &str) -> Vec<&Work> {
        let cited = Cited::new(name);
        let mut ids = self.direct_candidates(&cited);
        for id in self.misspelled_candidates(&cited) {
            push_unique(&mut ids, id);
        }
        let mut ws: Vec<u32> =
            ids.into_iter().flat_map(|id| self.buckets[id as usize].iter().map(|(_, w)| *w)).collect();
        ws.sort_unstable();
        ws.dedup();
        ws.into_iter().take(5).map(|w| &self.corpus.works()[w as usize]).collect()
    }

    /// Resolves one citation.
    ///
    /// Complexity: a few hash look-ups and, per candidate name, a binary search for the
    /// year; independent of the number of works (the one-deletion index is built on the
    /// first look-up that needs it, in O(n)).
    pub fn resolve(&self, citation: &Citation) -> Resolution {
        match citation.kind {
            CitationKind::Bracketed | CitationKind::Numbered | CitationKind::Pandoc => {
                if let Some(r) = self.resolve_label(citation) {
                    return r;
                }
            }
            CitationKind::AuthorPage => return self.resolve_author_page(citation),
            CitationKind::Ibid => {
                return Resolution {
                    status: Status::Unresolved,
                    work: None,
                    authors: citation.authors.clone(),
                    et_al: false,
                    tolerances: Vec::new(),
                    notes: vec![format!("`{}` refers to an earlier citation, which was not found", citation.text)],
                }
            }
            _ => {}
        }
        let Some(year) = &citation.year else { return self.truncated(citation) };
        if citation.authors.is_empty() {
            return self.resolve_year_only(citation, year);
        }
        let found = self.candidates(&citation.authors, citation.et_al, year, true);
        let mut r = self.choose(&citation.authors, citation.et_al, year, citation.locator.as_deref(), found);
        self.add_notes(citation, &mut r);
        r
    }

    /// Resolves citations in text order: each as [`resolve`](Self::resolve) does, and
    /// `Ibid.` / `Id.` as the citation before it, `op. cit.` / `loc. cit.` as the last
    /// citation of the author named before it.
    pub fn resolve_all(&self, citations: &[Citation]) -> Vec<Resolution> {
        let mut out: Vec<Resolution> = Vec::with_capacity(citations.len());
        for (i, c) in citations.iter().enumerate() {
            let mut r = self.resolve(c);
            if c.kind == CitationKind::Ibid {
                self.resolve_ibid(citations, i, &out, &mut r);
            }
            out.push(r);
        }
        out
    }

    fn truncated(&self, citation: &Citation) -> Resolution {
        let names = cited_names(&citation.authors, citation.et_al);
        let mut note = format!("the parenthesis never closes and gives no year after {names}, so no work can be told");
        let works = citation.authors.first().map(|a| self.works_by(a)).unwrap_or_default();
        if !works.is_empty() {
            let list: Vec<String> = works.iter().map(|w| format!("{} ({})", w.citation(), w.key)).collect();
            note.push_str(&format!("; the corpus has {}", list.join(", ")));
        }
        Resolution {
            status: Status::Truncated,
            work: None,
            authors: citation.authors.clone(),
            et_al: citation.et_al,
            tolerances: Vec::new(),
            notes: vec![note],
        }
    }

    fn resolve_year_only(&self, citation: &Citation, year: &Year) -> Resolution {
        for group in &citation.context {
            let found = self.candidates(&group.authors, group.et_al, year, false);
            if !found.is_empty() {
                let mut r = self.choose(&group.authors, group.et_al, year, citation.locator.as_deref(), found);
                self.add_notes(citation, &mut r);
                return r;
            }
        }
        Resolution {
            status: Status::Unresolved,
            work: None,
            authors: Vec::new(),
            et_al: false,
            tolerances: Vec::new(),
            notes: vec![format!(
                "only a year is given, and no name written before it in the paragraph matches a work of {}",
                year.cited()
            )],
        }
    }

    /// Picks the best candidate, or reports why there is none.
    fn choose(
        &self,
        authors: &[String],
        et_al: bool,
        year: &Year,
        locator: Option<&str>,
        found: Vec<Candidate>,
    ) -> Resolution {
        let works = self.corpus.works();
        let mut r = Resolution {
            status: Status::Unresolved,
            work: None,
            authors: authors.to_vec(),
            et_al,
            tolerances: Vec::new(),
            notes: Vec::new(),
        };
        let Some(best) = found.first() else {
            let names = cited_names(authors, et_al);
            let first = authors.first().map(String::as_str).unwrap_or_default();
            let same = self.works_by(first);
            let similar = if same.is_empty() { self.works_similar(first) } else { Vec::new() };
            let list = |ws: &[&Work]| ws.iter().map(|w| w.citation()).collect::<Vec<_>>().join(", ");
            r.notes.push(if !same.is_empty() {
                format!("no work by {names} in {}; the corpus has {}", year.cited(), list(&same))
            } else if !similar.is_empty() {
                format!("no work by {names}; similar names: {} (too far to match)", list(&similar))
            } else {
                format!("no work by {names} in the corpus")
            });
            return r;
        };
        let tied: Vec<&Candidate> =
            found.iter().filter(|c| c.cost == best.cost && c.preference == best.preference).collect();
        if tied.len() > 1 {
            let keys: Vec<String> = tied.iter().map(|c| works[c.work as usize].key.to_string()).collect();
            r.notes.push(format!("ambiguous: matches {}", keys.join(", ")));
            return r;
        }
        let work = &works[best.work as usize];
        r.status = if best.tolerances.is_empty() { Status::Exact } else { Status::Tolerant };
        r.work = Some(work.key.clone());
        r.tolerances = best.tolerances.clone();
        for other in found.iter().skip(1).filter(|c| c.cost == best.cost) {
            let other = &works[other.work as usize];
            let mut note = format!("also matches {}, which is not in the reference list", other.key);
            if let (Some(locator), Some(pages)) = (locator, other.pages.as_deref()) {
                if pages_contain(pages, locator) == Some(true) && work.pages.is_none() {
                    note.push_str(&format!(
                        ", but whose pages ({pages}) contain the cited {}, while the reference gives no pages",
                        page_words(locator)
                    ));
                }
            }
            r.notes.push(note);
        }
        if best.preference == 1 {
            let from = work.provenance.first().map(|p| format!(" (the corpus has it from {})", p.locator));
            r.notes.push(format!("the work is not in the reference list{}", from.unwrap_or_default()));
        }
        r
    }

    /// Notes that do not change the match: a parenthesis left open, a page outside the
    /// work's pages.
    fn add_notes(&self, citation: &Citation, r: &mut Resolution) {
        if citation.unclosed {
            r.notes.push("the parenthesis never closes".to_string());
        }
        let (Some(key), Some(locator)) = (&r.work, &citation.locator) else { return };
        let Some(pages) = self.corpus.work(key.as_str()).and_then(|w| w.pages.as_deref()) else { return };
        if pages_contain(pages, locator) == Some(false) {
            r.notes.push(format!("{} is outside the pages its reference gives ({pages})", page_words(locator)));
        }
    }
}

/// The names as a citation gives them: `Portes`, `Nye and Keohane`, `Portes et al.`,
/// `Glick Schiller, Basch and Blanc-Szanton`.
pub(crate) fn cited_names(authors: &[String], et_al: bool) -> String {
    let mut s = match authors {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if et_al {
        s.push_str(" et al.");
    }
    s
}

/// All of a work's names: `Portes, Guarnizo and Landolt`.
fn listed_names(work: &Work) -> String {
    cited_names(&work.family_names(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_hashes_match_the_shorter_string() {
        assert_eq!(hash_without("abc", Some(1..2)), hash_without("ac", None));
        let hashes: Vec<u64> = deletion_hashes("abc").collect();
        assert_eq!(
            hashes,
            [hash_without("abc", None), hash_without("bc", None), hash_without("ac", None), hash_without("ab", None)]
        );
    }

    #[test]
    fn years_differ_by_two_or_by_a_swap() {
        assert!(transposed(1956, 1965));
        assert!(!transposed(1956, 1659));
        let y = |s: &str| s.parse::<Year>().unwrap();
        assert!(matches!(compare_year(&y("2006"), Some(&y("2005")), true), Some(YearMatch::Tolerant(_))));
        assert!(compare_year(&y("2006"), Some(&y("2005")), false).is_none());
        assert!(compare_year(&y("2009"), Some(&y("2005")), true).is_none());
        assert!(compare_year(&y("2001a"), Some(&y("2001b")), true).is_none());
        assert!(matches!(compare_year(&y("1956"), Some(&y("1956/1998")), true), Some(YearMatch::Exact)));
    }
}
