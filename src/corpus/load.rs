//! Reading corpus files and validating them into a [`Corpus`].

use super::files::{self, Kind};
use super::raw::{RawEdge, RawFile, RawManifest, RawProvenance, RawProvenances};
use super::{dedupe, fast, join};
use super::{Corpus, CorpusMeta, Person};
use crate::error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
use crate::graph::CorpusGraph;
use crate::import;
use crate::model::{
    Concept, ConceptId, ConceptRelation, Edge, EdgeTarget, Name, PersonId, Provenance, Relation, Sense, Work, WorkKey,
    WorkType,
};
use crate::refparse::{self, text::fold_key_part, ParseOptions};
use crate::resolve::KeyIndex;
use crate::yaml::{self, Locator, Step};
use std::collections::HashMap;
use std::sync::Arc;

/// One file of a corpus, in memory: its name (used for its kind and in locations) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusFile {
    /// The file's name or path; its extension says what it holds.
    pub name: String,
    /// Its text (for a file that is not valid UTF-8, with the bad bytes replaced).
    pub text: String,
    /// The file's bytes, when they are not valid UTF-8 (a `.bib` or `.json` file, whose
    /// importer reports where).
    invalid: Option<Vec<u8>>,
    /// What the file holds, when already told.
    kind: Option<Kind>,
}

impl CorpusFile {
    /// A file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        CorpusFile { name: name.into(), text: text.into(), invalid: None, kind: None }
    }

    /// A file named `name` holding `bytes`, which need not be valid UTF-8: the importers of
    /// `.bib` and `.json` files report the bad bytes and read the rest. Other kinds of file
    /// must be UTF-8. UTF-16 is decoded and a byte-order mark dropped
    /// ([`crate::encoding::decode`]); UTF-16 that cannot be decoded is kept as it is, for
    /// the importer or the reader of its kind to report.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        let name = name.into();
        let bytes = match crate::encoding::sniff(&bytes[..bytes.len().min(crate::encoding::SNIFF_BYTES)]) {
            crate::encoding::Encoding::Utf8 => bytes,
            _ => crate::encoding::decode(bytes.clone(), &name).unwrap_or(bytes),
        };
        match String::from_utf8(bytes) {
            Ok(text) => CorpusFile::new(name, text),
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                CorpusFile { name, text, invalid: Some(e.into_bytes()), kind: None }
            }
        }
    }

    /// The file's bytes as read.
    pub fn bytes(&self) -> &[u8] {
        self.invalid.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// What the file holds, by its content and its extension in any case.
    pub(crate) fn kind(&self) -> Option<Kind> {
        self.kind.or_else(|| files::kind(&self.name, self.bytes()))
    }

    /// The kind's name (`bib`, `txt`, ...), or `unknown`.
    pub(crate) fn kind_or_name(&self) -> &'static str {
        self.kind().map_or("unknown", Kind::name)
    }
}

fn invalid_utf8(name: &str, bytes: &[u8], e: std::str::Utf8Error) -> Error {
    let valid = e.valid_up_to();
    let before = &bytes[..valid];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let col = String::from_utf8_lossy(&before[before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..])
        .chars()
        .count() as u32
        + 1;
    Error::new(ErrorKind::Syntax, "invalid utf-8").at(Some(Location::new(name, line, col))).with_source(e)
}

/// A file read from disk, of a kind already told: bibliographies may hold invalid UTF-8
/// (their importers report where); other kinds must be UTF-8.
pub(crate) fn from_bytes(name: String, bytes: Vec<u8>, kind: Kind) -> Result<CorpusFile> {
    let mut file = if matches!(kind, Kind::Bibtex | Kind::CslJson | Kind::Ris) {
        CorpusFile::from_bytes(name, bytes)
    } else {
        match std::str::from_utf8(&bytes) {
            Ok(_) => CorpusFile::new(name, String::from_utf8(bytes).unwrap_or_default()),
            Err(e) => return Err(invalid_utf8(&name, &bytes, e)),
        }
    };
    file.kind = Some(kind);
    Ok(file)
}

fn is_manifest(file: &CorpusFile) -> bool {
    file.kind() == Some(Kind::Manifest)
}

/// Whether the file is a user's bibliography (BibTeX, CSL-JSON, RIS), read by [`crate::import`].
fn is_import(file: &CorpusFile) -> bool {
    matches!(file.kind(), Some(Kind::Bibtex | Kind::CslJson | Kind::Ris))
}

/// Collects diagnostics while resolving references.
struct Checker<'a> {
    diagnostics: Vec<Diagnostic>,
    works: &'a HashMap<WorkKey, u32>,
    /// Other keys of imported works: their keys as written, and the keys of works merged
    /// into others.
    aliases: &'a HashMap<WorkKey, WorkKey>,
    concepts: &'a HashMap<ConceptId, u32>,
    default_source: Option<WorkKey>,
    /// Unknown keys reported so far, and the indexes their hints come from.
    unknown_works: usize,
    unknown_concepts: usize,
    work_hints: Option<KeyIndex<'a>>,
    concept_hints: Option<KeyIndex<'a>>,
}

/// How many unknown work keys, and how many unknown concept ids, get a "did you mean"
/// hint: enough to show a typo, few enough that a corpus with a million dangling
/// references is reported in linear time.
const HINTED: usize = 8;

impl Checker<'_> {
    fn error(&mut self, code: &str, message: String, at: Location, subject: Option<&str>) {
        let mut d = Diagnostic::new(Severity::Error, code, message).at(Some(at));
        d.subject = subject.map(str::to_string);
        self.diagnostics.push(d);
    }

    /// Reports `key` as unknown unless `known` holds it; the first [`HINTED`] unknown keys
    /// of each kind get the closest known key as a hint, found through an index of the
    /// known keys built at the first of them.
    fn known(&mut self, kind: &str, key: &str, at: impl FnOnce() -> Location, subject: Option<&str>) {
        let (count, index) = if kind == "work" {
            (&mut self.unknown_works, &mut self.work_hints)
        } else {
            (&mut self.unknown_concepts, &mut self.concept_hints)
        };
        *count += 1;
        let hint = if *count <= HINTED {
            let (works, concepts) = (self.works, self.concepts);
            let index = index.get_or_insert_with(|| {
                if kind == "work" {
                    KeyIndex::new(works.keys().map(WorkKey::as_str))
                } else {
                    KeyIndex::new(concepts.keys().map(ConceptId::as_str))
                }
            });
            index.close_matches(key, 1)
        } else {
            Vec::new()
        };
        let hint = hint.first().map(|h| format!(" (did you mean `{h}`?)")).unwrap_or_default();
        self.error(&format!("unknown-{kind}"), format!("unknown {kind} `{key}`{hint}"), at(), subject);
    }

    fn work(&mut self, key: &str, at: impl FnOnce() -> Location, subject: Option<&str>) -> Option<WorkKey> {
        if let Some((known, _)) = self.works.get_key_value(key) {
            return Some(known.clone());
        }
        if let Some(k) = self.aliases.get(key) {
            return Some(k.clone());
        }
        self.known("work", key, at, subject);
        None
    }

    fn concept(&mut self, id: &str, at: impl FnOnce() -> Location, subject: Option<&str>) -> Option<ConceptId> {
        if let Some((known, _)) = self.concepts.get_key_value(id) {
            return Some(known.clone());
        }
        self.known("concept", id, at, subject);
        None
    }

    /// The edge at item `i` of a file's `edges:`, checked: `None` (and diagnostics) if it
    /// names an unknown work or concept, links the wrong kinds, or lacks provenance.
    fn edge(&mut self, re: RawEdge, i: usize, loc: &Locator<'_>) -> Option<Edge> {
        let path = [Step::Key("edges"), Step::Index(i)];
        let field = |f: &'static str| loc.locate(&[path[0], path[1], Step::Key(f)]);
        let subject = format!("{} -> {}", re.from, re.to);
        let from = self.work(&re.from, || field("from"), Some(&subject));
        let to = if re.relation.is_work_to_work() {
            self.work(&re.to, || field("to"), Some(&subject)).map(EdgeTarget::Work)
        } else if re.relation.is_work_to_concept() {
            self.concept(&re.to, || field("to"), Some(&subject)).map(EdgeTarget::Concept)
        } else {
            self.error(
                "wrong-relation",
                format!(
                    "relation `{}` cannot link a work (use a work-to-work or work-to-concept relation)",
                    re.relation
                ),
                field("relation"),
                Some(&subject),
            );
            None
        };
        let concept = match &re.concept {
            Some(c) => self.concept(c, || field("concept"), Some(&subject)).map(Some),
            None => Some(None),
        };
        let p = self.provenance(&re.provenance, loc, &path, &subject);
        if let (Some(from), Some(to), Some(concept), Some(provenance)) = (from, to, concept, p) {
            if matches!(&to, EdgeTarget::Work(t) if *t == from) {
                self.error("self-loop", format!("edge from `{from}` to itself"), field("to"), Some(&subject));
                return None;
            }
            return Some(Edge {
                from,
                to,
                relation: re.relation,
                concept,
                locator: re.locator,
                provenance,
                drafted: re.drafted,
                origin: Some(loc.locate(&path)),
            });
        }
        None
    }

    fn provenance(
        &mut self,
        raw: &RawProvenance,
        loc: &Locator<'_>,
        path: &[Step<'_>],
        subject: &str,
    ) -> Option<Provenance> {
        let mut at = path.to_vec();
        at.push(Step::Key("provenance"));
        self.provenance_at(raw, loc, &at, subject)
    }

    /// As [`Checker::provenance`], with the path of the provenance itself.
    fn provenance_at(
        &mut self,
        raw: &RawProvenance,
        loc: &Locator<'_>,
        path: &[Step<'_>],
        subject: &str,
    ) -> Option<Provenance> {
        let at = |extra: &'static str| {
            let mut p = path.to_vec();
            if !extra.is_empty() {
                p.push(Step::Key(extra));
            }
            loc.locate(&p)
        };
        let source = match (&raw.source, &self.default_source) {
            (Some(s), _) => self.work(s, || at("source"), Some(subject))?,
            (None, Some(d)) => d.clone(),
            (None, None) => {
                self.error(
                    "no-source",
                    "provenance names no `source` and the corpus has no default `source`".into(),
                    at(""),
                    Some(subject),
                );
                return None;
            }
        };
        if raw.locator.trim().is_empty() {
            self.error("no-locator", "provenance has an empty `locator`".into(), at("locator"), Some(subject));
        }
        let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        if empty(&raw.quote) && empty(&raw.note) {
            self.error("no-evidence", "provenance has neither a `quote` nor a `note`".into(), at(""), Some(subject));
        }
        Some(Provenance { source, locator: raw.locator.clone(), quote: raw.quote.clone(), note: raw.note.clone() })
    }
}

fn check_id(kind: &str, id: &str, at: Location, diags: &mut Vec<Diagnostic>) {
    if !WorkKey::is_valid(id) {
        diags.push(
            Diagnostic::new(
                Severity::Error,
                "invalid-key",
                format!("invalid {kind} `{id}`: use lowercase ascii letters, digits and `-`, starting with a letter"),
            )
            .at(Some(at)),
        );
    }
}

/// Loads and validates.
pub(crate) fn build(mut files: Vec<CorpusFile>) -> Result<Corpus> {
    for f in &mut files {
        f.kind = f.kind();
        if f.kind.is_none() {
            let message =
                format!("cannot tell what {} holds: not one of the corpus file types ({})", f.name, files::KNOWN);
            return Err(Error::new(ErrorKind::Syntax, message));
        }
    }
    // The text of each valid `.bib` file moves into a buffer its works' records share.
    let shared: Vec<Option<Arc<String>>> = files
        .iter_mut()
        .map(|f| (f.kind == Some(Kind::Bibtex) && f.invalid.is_none()).then(|| Arc::new(std::mem::take(&mut f.text))))
        .collect();
    // Two functions, so that the importers and parsers (whose recursion is bounded, not
    // small) run on a stack without the checks' locals.
    let sources = read_sources(&files, &shared)?;
    assemble(&files, sources)
}

/// A work added unless its key is taken (then a `duplicate-key` error).
fn add_work(work: Work, works: &mut Vec<Work>, index: &mut HashMap<WorkKey, u32>, diags: &mut Vec<Diagnostic>) {
    if let Some(&prev) = index.get(&work.key) {
        let prev_at = works[prev as usize].origin.as_ref().map(|l| l.to_string()).unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Severity::Error,
                "duplicate-key",
                format!("duplicate work key `{}` (first at {prev_at})", work.key),
            )
            .at(work.origin.clone())
            .about(work.key.as_str()),
        );
        return;
    }
    index.insert(work.key.clone(), works.len() as u32);
    works.push(work);
}

/// What the files hold before the checks: the manifest, the works of reference lists and
/// imported files, and each YAML file as read.
struct Sources<'f> {
    diagnostics: Vec<Diagnostic>,
    meta: CorpusMeta,
    works: Vec<Work>,
    work_index: HashMap<WorkKey, u32>,
    aliases: HashMap<WorkKey, WorkKey>,
    imports: Vec<crate::import::ImportSummary>,
    /// Works before this index came from reference lists and imports.
    listed: usize,
    /// Each YAML file, what serde read, and the range of an `edges:` section left to the
    /// fast reader (see `fast`).
    parsed: Vec<(&'f CorpusFile, RawFile, Option<std::ops::Range<usize>>)>,
    /// Files that turned out not to be corpus files (notes, settings), by index.
    skipped_files: Vec<usize>,
}

/// Reads every file: reference lists, imports, the manifest and the YAML files.
#[inline(never)]
fn read_sources<'f>(files: &'f [CorpusFile], shared: &[Option<Arc<String>>]) -> Result<Sources<'f>> {
    let mut diagnostics = Vec::new();
    let mut meta = CorpusMeta::default();
    let mut works: Vec<Work> = Vec::new();
    let mut work_index: HashMap<WorkKey, u32> = HashMap::new();
    let mut parsed: Vec<(&CorpusFile, RawFile, Option<std::ops::Range<usize>>)> = Vec::new();

    for file in files.iter().filter(|f| is_manifest(f)) {
        let m: RawManifest = yaml::from_str(&file.text, &file.name)?;
        check_id("corpus id", &m.id, Locator::new(&file.text, &file.name).locate(&[Step::Key("id")]), &mut diagnostics);
        meta = CorpusMeta { id: m.id, title: m.title, source: m.source.map(WorkKey::new) };
    }
    // Reference lists first, then users' bibliographies, then YAML works.
    let mut same = dedupe::Index::default();
    let mut aliases: HashMap<WorkKey, WorkKey> = HashMap::new();
    let mut imports = Vec::new();
    // Files that turn out not to be corpus files (notes, settings), by index.
    let mut skipped_files: Vec<usize> = Vec::new();
    // A reference list's works join the others as an import's do: a work listed twice
    // merges, a key taken gets a suffix.
    for (fi, file) in files.iter().enumerate().filter(|(_, f)| f.kind == Some(Kind::List)) {
        let list = refparse::parse_list(&file.text, &file.name, &ParseOptions::default());
        if !list.works().any(|w| w.year.as_ref().is_some_and(|y| y.year.is_some())) {
            // Notes or a README, not a reference list: no entry has a year.
            let message = format!(
                "no entry has a year, so this is not a reference list; skipped ({} would be read as works)",
                list.works().count()
            );
            skipped_files.push(fi);
            let at = Some(Location::new(file.name.as_str(), 1, 1));
            diagnostics.push(Diagnostic::new(Severity::Warning, "not-a-reference-list", message).at(at));
            continue;
        }
        diagnostics.extend(list.diagnostics.iter().cloned());
        let mut joined = join::Works {
            works: &mut works,
            index: &mut work_index,
            same: &mut same,
            aliases: &mut aliases,
            diagnostics: &mut diagnostics,
        };
        joined.join(list.into_works(), fi);
    }
    for (fi, file) in files.iter().enumerate().filter(|(_, f)| is_import(f)) {
        let import = match (file.kind, &shared[fi]) {
            (Some(Kind::Bibtex), Some(text)) => import::bibtex_shared(text, &file.name),
            (Some(Kind::Bibtex), None) => import::bibtex(file.bytes(), &file.name),
            (Some(Kind::Ris), _) => import::ris(file.bytes(), &file.name),
            _ => import::csl_json(file.bytes(), &file.name),
        };
        imports.push(import.summary());
        if diagnostics.is_empty() {
            diagnostics = import.diagnostics;
        } else {
            diagnostics.extend(import.diagnostics);
        }
        let mut joined = join::Works {
            works: &mut works,
            index: &mut work_index,
            same: &mut same,
            aliases: &mut aliases,
            diagnostics: &mut diagnostics,
        };
        joined.join(import.works, fi);
    }
    // The parser reported the flags of reference-list works; those of YAML works are
    // reported below.
    let listed = works.len();
    for file in files.iter().filter(|f| f.kind == Some(Kind::Yaml)) {
        if let Some(keys) = files::foreign_yaml(&file.text) {
            // A stray settings file, not a corpus file: it has none of the sections.
            let message = format!(
                "not a corpus file (its top-level keys are {}; a corpus file has works, work-notes, concepts or edges); skipped",
                keys.join(", ")
            );
            skipped_files.push(files.iter().position(|f| std::ptr::eq(f, file)).unwrap_or(usize::MAX));
            let at = Some(Location::new(file.name.as_str(), 1, 1));
            diagnostics.push(Diagnostic::new(Severity::Warning, "not-a-corpus-file", message).at(at));
            continue;
        }
        let (raw, fast_edges) = fast::read_file(&file.text, &file.name)?;
        parsed.push((file, raw, fast_edges));
    }
    Ok(Sources { diagnostics, meta, works, work_index, aliases, imports, listed, parsed, skipped_files })
}

/// Checks and links what [`read_sources`] read.
#[inline(never)]
fn assemble(files: &[CorpusFile], sources: Sources<'_>) -> Result<Corpus> {
    let Sources {
        mut diagnostics,
        mut meta,
        mut works,
        mut work_index,
        mut aliases,
        imports,
        listed,
        mut parsed,
        skipped_files,
    } = sources;
    if meta.source.is_none()
        && parsed.iter().any(|(_, r, _)| !r.works.is_empty() || !r.concepts.is_empty() || !r.edges.is_empty())
    {
        // Provenance without `source` then needs one; reported per item below.
    }
    // (work index, its provenance, file index in `parsed`, item index in `works:`)
    let mut pending_provenance: Vec<(u32, RawProvenances, usize, usize)> = Vec::new();
    // One locator per file, built once.
    let locators: Vec<Locator<'_>> = parsed.iter().map(|(f, _, _)| Locator::new(&f.text, &f.name)).collect();
    for (fi, (_, raw, _)) in parsed.iter_mut().enumerate() {
        let loc = &locators[fi];
        for (i, rw) in std::mem::take(&mut raw.works).into_iter().enumerate() {
            let at = loc.locate(&[Step::Key("works"), Step::Index(i), Step::Key("key")]);
            check_id("work key", &rw.key, at.clone(), &mut diagnostics);
            let work = Work {
                key: WorkKey::new(rw.key),
                kind: WorkType::from_csl(&rw.kind),
                authors: rw.authors,
                editors: rw.editors,
                contributors: rw.contributors,
                year: rw.year,
                title: rw.title,
                container_title: rw.container_title,
                collection_title: rw.collection_title,
                number: rw.number,
                genre: rw.genre,
                edition: rw.edition,
                volume: rw.volume,
                issue: rw.issue,
                pages: rw.pages,
                publisher: rw.publisher,
                place: rw.place,
                url: rw.url,
                doi: rw.doi,
                note: rw.note,
                label: rw.label,
                discipline: rw.discipline,
                annotation: rw.annotation,
                flags: rw.flags,
                repairs: rw.repairs,
                raw: rw.raw,
                origin: Some(at.clone()),
                provenance: Vec::new(),
                records: rw.records,
            };
            let before = works.len();
            add_work(work, &mut works, &mut work_index, &mut diagnostics);
            if works.len() > before {
                pending_provenance.push((before as u32, rw.provenance, fi, i));
            }
        }
    }
    // Concepts: register ids first.
    let mut concepts: Vec<Concept> = Vec::new();
    let mut concept_index: HashMap<ConceptId, u32> = HashMap::new();
    for (fi, (_, raw, _)) in parsed.iter().enumerate() {
        let loc = &locators[fi];
        for (i, rc) in raw.concepts.iter().enumerate() {
            let at = loc.locate(&[Step::Key("concepts"), Step::Index(i), Step::Key("id")]);
            check_id("concept id", &rc.id, at.clone(), &mut diagnostics);
            let id = ConceptId::new(rc.id.clone());
            if let Some(&prev) = concept_index.get(&id) {
                let prev_at = concepts[prev as usize].origin.as_ref().map(|l| l.to_string()).unwrap_or_default();
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        "duplicate-key",
                        format!("duplicate concept id `{id}` (first at {prev_at})"),
                    )
                    .at(Some(at))
                    .about(rc.id.as_str()),
                );
                continue;
            }
            if rc.label.trim().is_empty() {
                diagnostics.push(
                    Diagnostic::new(Severity::Error, "empty-label", format!("concept `{id}` has an empty label"))
                        .at(Some(at.clone())),
                );
            }
            concept_index.insert(id.clone(), concepts.len() as u32);
            concepts.push(Concept {
                id,
                label: rc.label.clone(),
                alt_labels: rc.alt_labels.clone(),
                description: rc.description.clone(),
                senses: Vec::new(),
                relations: Vec::new(),
                drafted: rc.drafted.clone(),
                origin: Some(at),
            });
        }
    }

    aliases.retain(|alias, _| !work_index.contains_key(alias));
    if let Some(real) = meta.source.as_ref().and_then(|s| aliases.get(s)) {
        meta.source = Some(real.clone());
    }
    let mut checker = Checker {
        diagnostics: Vec::new(),
        works: &work_index,
        aliases: &aliases,
        concepts: &concept_index,
        default_source: meta.source.clone(),
        unknown_works: 0,
        unknown_concepts: 0,
        work_hints: None,
        concept_hints: None,
    };
    if let Some(src) = &meta.source {
        if !work_index.contains_key(src) {
            let at = files
                .iter()
                .find(|f| is_manifest(f))
                .map(|f| Locator::new(&f.text, &f.name).locate(&[Step::Key("source")]));
            checker.work(src.as_str(), || at.unwrap_or_else(|| Location::new("corpus.yaml", 1, 1)), None);
        }
    }
    // Provenance of YAML works: required, unless the work keeps the raw text it was read
    // from (a work exported from a reference list), which is its own evidence.
    let mut work_provenance: Vec<(u32, Provenance)> = Vec::new();
    for (index, rps, fi, i) in &pending_provenance {
        let key = works[*index as usize].key.to_string();
        let path = [Step::Key("works"), Step::Index(*i), Step::Key("provenance")];
        let list: Vec<(&RawProvenance, Option<usize>)> = match rps {
            RawProvenances::Missing => Vec::new(),
            RawProvenances::One(p) => vec![(p, None)],
            RawProvenances::Many(ps) => ps.iter().enumerate().map(|(j, p)| (p, Some(j))).collect(),
        };
        if list.is_empty() && works[*index as usize].raw.is_none() && works[*index as usize].records.is_empty() {
            checker.error(
                "no-provenance",
                format!("work `{key}` has no `provenance` (and no `raw` text it was read from)"),
                works[*index as usize].origin.clone().unwrap_or_else(|| locators[*fi].locate(&path[..2])),
                Some(&key),
            );
        }
        for (rp, j) in list {
            let mut at = path.to_vec();
            at.extend(j.map(Step::Index));
            if let Some(p) = checker.provenance_at(rp, &locators[*fi], &at, &key) {
                work_provenance.push((*index, p));
            }
        }
    }
    for (index, p) in work_provenance {
        works[index as usize].provenance.push(p);
    }

    // Work notes, senses, concept relations, edges.
    let mut notes = Vec::new();
    let mut senses: Vec<(u32, Sense)> = Vec::new();
    let mut relations: Vec<(u32, ConceptRelation)> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    for (fi, (file, raw, fast_edges)) in parsed.iter_mut().enumerate() {
        let loc = &locators[fi];
        for (i, n) in raw.work_notes.iter().enumerate() {
            let path = [Step::Key("work-notes"), Step::Index(i)];
            let w = checker.work(&n.work, || loc.locate(&[path[0], path[1], Step::Key("work")]), None);
            let p = checker.provenance(&n.provenance, loc, &path, &n.work);
            if let (Some(w), Some(p)) = (w, p) {
                notes.push((w, n.discipline.clone(), n.annotation.clone(), n.flags.clone(), p));
            }
        }
        for (ci, rc) in raw.concepts.iter().enumerate() {
            let Some(&cidx) = concept_index.get(rc.id.as_str()) else { continue };
            if concepts[cidx as usize].origin.as_ref().is_some_and(|o| *o.file != *file.name) {
                continue;
            }
            for (si, rs) in rc.senses.iter().enumerate() {
                let path = [Step::Key("concepts"), Step::Index(ci), Step::Key("senses"), Step::Index(si)];
                let w = checker.work(
                    &rs.work,
                    || loc.locate(&[path[0], path[1], path[2], path[3], Step::Key("work")]),
                    Some(&rc.id),
                );
                let p = checker.provenance(&rs.provenance, loc, &path, &rc.id);
                let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
                if empty(&rs.quote) && empty(&rs.description) {
                    checker.error(
                        "no-evidence",
                        format!("a sense of `{}` has neither a `quote` nor a `description`", rc.id),
                        loc.locate(&path),
                        Some(&rc.id),
                    );
                }
                if let (Some(work), Some(provenance)) = (w, p) {
                    senses.push((
                        cidx,
                        Sense {
                            work,
                            kind: rs.kind,
                            locator: rs.locator.clone(),
                            quote: rs.quote.clone(),
                            description: rs.description.clone(),
                            discipline: rs.discipline.clone(),
                            provenance,
                            drafted: rs.drafted.clone(),
                        },
                    ));
                }
            }
            for (ri, rr) in rc.relations.iter().enumerate() {
                let path = [Step::Key("concepts"), Step::Index(ci), Step::Key("relations"), Step::Index(ri)];
                if !rr.relation.is_concept_to_concept() {
                    checker.error(
                        "wrong-relation",
                        format!("relation `{}` does not link two concepts (use broader, narrower, related, contrasts, variant-of)", rr.relation),
                        loc.locate(&[path[0], path[1], path[2], path[3], Step::Key("relation")]),
                        Some(&rc.id),
                    );
                    continue;
                }
                let c = checker.concept(
                    &rr.concept,
                    || loc.locate(&[path[0], path[1], path[2], path[3], Step::Key("concept")]),
                    Some(&rc.id),
                );
                let p = checker.provenance(&rr.provenance, loc, &path, &rc.id);
                if let (Some(concept), Some(provenance)) = (c, p) {
                    if concept.as_str() == rc.id {
                        checker.error(
                            "self-loop",
                            format!("concept `{}` is related to itself", rc.id),
                            loc.locate(&path),
                            Some(&rc.id),
                        );
                        continue;
                    }
                    relations.push((
                        cidx,
                        ConceptRelation { relation: rr.relation, concept, provenance, drafted: rr.drafted.clone() },
                    ));
                }
            }
        }
        // The edges serde read, or those the fast reader hands out one at a time.
        let fast = fast_edges
            .clone()
            .map(|range| fast::Edges::new(&file.text, range).filter_map(|e| e.ok().and_then(fast::EdgeItem::into_raw)));
        let read = std::mem::take(&mut raw.edges).into_iter().chain(fast.into_iter().flatten());
        for (i, re) in read.enumerate() {
            if let Some(edge) = checker.edge(re, i, loc) {
                edges.push(edge);
            }
        }
    }
    diagnostics.extend(checker.diagnostics);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.retain(|d| d.severity == Severity::Error);
        return Err(Error::invalid(diagnostics));
    }

    for (w, discipline, annotation, flags, p) in notes {
        let work = &mut works[work_index[&w] as usize];
        if discipline.is_some() {
            work.discipline = discipline;
        }
        if annotation.is_some() {
            work.annotation = annotation;
        }
        for f in &flags {
            diagnostics.push(
                Diagnostic::new(Severity::Warning, f.kind.clone(), f.message.clone())
                    .at(work.origin.clone())
                    .about(work.key.as_str()),
            );
        }
        work.flags.extend(flags);
        work.provenance.push(p);
    }
    for work in &works[listed..] {
        for f in &work.flags {
            diagnostics.push(
                Diagnostic::new(Severity::Warning, f.kind.clone(), f.message.clone())
                    .at(work.origin.clone())
                    .about(work.key.as_str()),
            );
        }
    }
    for (c, s) in senses {
        concepts[c as usize].senses.push(s);
    }
    for (c, r) in relations {
        concepts[c as usize].relations.push(r);
    }
    // Lineage edges must go forward in time.
    for e in &edges {
        if let (true, EdgeTarget::Work(to)) = (e.relation.is_lineage(), &e.to) {
            let fy = works[work_index[&e.from] as usize].sort_year();
            let ty = works[work_index[to] as usize].sort_year();
            if let (Some(fy), Some(ty)) = (fy, ty) {
                if fy > ty {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Warning,
                            "backward-in-time",
                            format!(
                                "{} edge goes back in time, from {fy} to {ty}: lineage queries skip it",
                                e.relation
                            ),
                        )
                        .at(e.origin.clone())
                        .about(format!("{} -> {to}", e.from)),
                    );
                }
            }
        }
    }
    if works.is_empty() {
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let message = format!("the corpus has no works (read from {})", names.join(", "));
        // Placed at the start of the first file, so that every warning names a place.
        let at = files.first().map(|f| crate::error::Location::new(f.name.clone(), 1, 1));
        diagnostics.push(Diagnostic::new(Severity::Warning, "empty-corpus", message).at(at));
    }
    let mut files_read: Vec<(&'static str, usize)> = Vec::new();
    for (_, f) in files.iter().enumerate().filter(|(i, _)| !skipped_files.contains(i)) {
        match files_read.iter_mut().find(|(k, _)| *k == f.kind_or_name()) {
            Some((_, n)) => *n += 1,
            None => files_read.push((f.kind_or_name(), 1)),
        }
    }
    let people = collect_people(&works);
    let all_dated = works.iter().all(|w| w.sort_year().is_some());
    let mut corpus = Corpus {
        all_dated,
        imports,
        aliases,
        files_read,
        meta,
        works,
        work_index,
        concepts,
        concept_index,
        people,
        edges,
        diagnostics,
        graph: CorpusGraph::default(),
    };
    corpus.graph = CorpusGraph::build(&corpus);
    Ok(corpus)
}

fn person_id(name: &Name) -> PersonId {
    match name {
        Name::Person(p) => {
            let initial = p
                .given
                .as_deref()
                .and_then(|g| g.chars().find(|c| c.is_alphabetic()))
                .map(|c| fold_key_part(&c.to_string()))
                .unwrap_or_default();
            let family = fold_key_part(&format!("{}{}", p.particle.as_deref().unwrap_or(""), p.family));
            if initial.is_empty() {
                PersonId::new(family)
            } else {
                PersonId::new(format!("{family}-{initial}"))
            }
        }
        Name::Literal { literal } => PersonId::new(fold_key_part(literal)),
    }
}

fn collect_people(works: &[Work]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<PersonId, usize> = HashMap::new();
    for w in works {
        let own_editors = w.kind != WorkType::Chapter;
        let roles = w
            .authors
            .iter()
            .map(|n| (n, Relation::Authored))
            .chain(w.editors.iter().filter(|_| own_editors).map(|n| (n, Relation::Edited)));
        for (name, rel) in roles {
            let id = person_id(name);
            let i = *index.entry(id.clone()).or_insert_with(|| {
                people.push(Person { id, name: name.clone(), works: Vec::new() });
                people.len() - 1
            });
            people[i].works.push((w.key.clone(), rel));
        }
    }
    people
}
