//! Loading networks from files: the [`LoadReport`] every reader fills in, format
//! sniffing, and [`load_files`], which dispatches each file to its [`Reader`].
//!
//! To add a format, implement [`Reader`] in its own file and add it to [`readers`].

use super::builder::{BuildReport, NetworkBuilder};
use super::graph::Network;
use super::progress::Progress;
use crate::error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Which way a file's arcs point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Decide per file: when the works have years, arcs that mostly run from older to newer
    /// works point cited -> citing (as HistCite's do) and are turned round; otherwise arcs
    /// are read citing -> cited. The decision is a note in the file's report.
    #[default]
    Auto,
    /// Arcs point from the citing to the cited work.
    CitingToCited,
    /// Arcs point from the cited to the citing work (HistCite's Pajek export).
    CitedToCiting,
}

/// How [`load_files`] reads.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Read every file as this format (a [`Reader::name`]) instead of sniffing.
    pub format: Option<String>,
    /// Which way arcs point, for formats of bare arcs (Pajek, edge lists).
    pub direction: Direction,
    /// Report progress on standard error for loads that take over a second.
    pub progress: bool,
}

/// What one file gave.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct FileReport {
    /// The file as the user named it.
    pub file: String,
    /// The format it was read as (a [`Reader::name`]).
    pub format: String,
    /// Records of the set read from it.
    pub records: usize,
    /// Cited references (citations) read from it.
    pub cited_references: usize,
    /// Cited references matched to a record of the set.
    pub matched: usize,
    /// Cited references kept as cited-only works.
    pub cited_only: usize,
    /// What could not be read, each with file, line and reason; and notes on what was
    /// decided (e.g. the arc direction).
    pub skipped: Vec<Diagnostic>,
}

impl FileReport {
    /// A report for `file` read as `format`.
    pub fn new(file: impl Into<String>, format: impl Into<String>) -> Self {
        FileReport { file: file.into(), format: format.into(), ..FileReport::default() }
    }

    /// Records a located problem (severity warning) or note.
    pub fn skip(&mut self, line: u32, code: &str, reason: impl Into<String>, subject: Option<&str>) {
        let mut d = Diagnostic::new(Severity::Warning, code, reason).at(Some(Location::new(
            Arc::<str>::from(self.file.as_str()),
            line,
            1,
        )));
        if let Some(s) = subject {
            d = d.about(s.chars().take(80).collect::<String>());
        }
        self.skipped.push(d);
    }

    /// Records a note about what was decided, at `line` (0: the whole file).
    pub fn note(&mut self, line: u32, code: &str, message: impl Into<String>) {
        let at = (line > 0).then(|| Location::new(Arc::<str>::from(self.file.as_str()), line, 1));
        self.skipped.push(Diagnostic::new(Severity::Note, code, message).at(at));
    }
}

/// What a whole load gave: one [`FileReport`] per file and what the build did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct LoadReport {
    /// Per file, in the order given.
    pub files: Vec<FileReport>,
    /// What building the network did (duplicates, self-citations).
    pub build: BuildReport,
    /// Cited references matched to a record of the set, each with its reason (bibliographic
    /// exports; id references of OpenAlex are counted in the files' notes, not listed).
    pub matches: Vec<crate::netimport::Match>,
}

impl LoadReport {
    /// Records over all files.
    pub fn records(&self) -> usize {
        self.files.iter().map(|f| f.records).sum()
    }
    /// Cited references over all files.
    pub fn cited_references(&self) -> usize {
        self.files.iter().map(|f| f.cited_references).sum()
    }
    /// Matched cited references over all files.
    pub fn matched(&self) -> usize {
        self.files.iter().map(|f| f.matched).sum()
    }
    /// Cited-only references over all files.
    pub fn cited_only(&self) -> usize {
        self.files.iter().map(|f| f.cited_only).sum()
    }
    /// Every diagnostic, files first, then the build's.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|f| f.skipped.iter()).chain(self.build.diagnostics.iter())
    }
}

/// The state shared by the readers of one load: the builder all files add to, the
/// options, and progress. Readers that need state across files (e.g. matching cited
/// references) add fields here.
#[non_exhaustive]
pub struct LoadContext {
    /// Works and citations of every file read so far.
    pub builder: NetworkBuilder,
    /// The options of the load.
    pub options: LoadOptions,
    progress: Progress,
    /// Records' keys and cited references waiting to be matched (bibliographic exports).
    pub(crate) matcher: crate::netimport::matching::Matcher,
}

impl LoadContext {
    /// A context with an empty builder.
    pub fn new(options: LoadOptions) -> Self {
        let progress = Progress::new(options.progress);
        LoadContext { builder: NetworkBuilder::new(), options, progress, matcher: Default::default() }
    }

    /// Call now and then (e.g. every record) while reading `file`: after a second, prints
    /// progress to standard error if the options ask for it. Cheap.
    pub fn progress(&mut self, file: &str, done: u64) {
        self.progress.tick(file, done, self.builder.len(), self.builder.citation_count());
    }
}

/// A file format the network can be loaded from.
pub trait Reader: Sync {
    /// The format's name, as `--format` and [`FileReport::format`] spell it, e.g. `pajek`.
    fn name(&self) -> &'static str;

    /// How sure the reader is that a file with this path and these first bytes (up to
    /// 8 KiB) is its format: 0 (not mine) to 100 (certain). Extensions are a hint only.
    fn sniff(&self, path: &Path, head: &[u8]) -> u8;

    /// Reads `path` into `cx.builder`, counting into `report`. Entries that cannot be read
    /// are skipped with a diagnostic; an error means the file as a whole could not be read.
    fn read(&self, path: &Path, cx: &mut LoadContext, report: &mut FileReport) -> Result<()>;
}

/// Every format [`load_files`] knows, in the order sniffing breaks ties.
pub fn readers() -> &'static [&'static dyn Reader] {
    &[
        &super::pajek::Pajek,
        &super::edgelist::EdgeList,
        // Importers of bibliographic exports (WoS, Scopus, OpenAlex, Crossref, Semantic
        // Scholar).
        &crate::netimport::Import(crate::netimport::Format::WosPlain),
        &crate::netimport::Import(crate::netimport::Format::WosTab),
        &crate::netimport::Import(crate::netimport::Format::ScopusCsv),
        &crate::netimport::Import(crate::netimport::Format::ScopusRis),
        &crate::netimport::Import(crate::netimport::Format::OpenAlex),
        &crate::netimport::Import(crate::netimport::Format::Crossref),
        &crate::netimport::Import(crate::netimport::Format::SemanticScholar),
    ]
}

/// The reader named `name` (case-insensitive).
pub fn reader(name: &str) -> Option<&'static dyn Reader> {
    readers().iter().copied().find(|r| r.name().eq_ignore_ascii_case(name))
}

/// The first bytes of a file, for sniffing.
pub fn head(path: &Path) -> Result<Vec<u8>> {
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut buf = Vec::with_capacity(8192);
    file.by_ref().take(8192).read_to_end(&mut buf).map_err(|e| io_error(path, e))?;
    Ok(buf)
}

/// The reader for a file: the one that claims it most surely.
pub fn sniff(path: &Path) -> Result<&'static dyn Reader> {
    let head = head(path)?;
    readers()
        .iter()
        .copied()
        .map(|r| (r.sniff(path, &head), r))
        .filter(|&(score, _)| score > 0)
        .max_by_key(|&(score, _)| score)
        .map(|(_, r)| r)
        .ok_or_else(|| {
            let names: Vec<&str> = readers().iter().map(|r| r.name()).collect();
            Error::new(
                ErrorKind::Syntax,
                format!("cannot tell the format of {} (give one of: {})", path.display(), names.join(", ")),
            )
        })
}

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read {}: {e}", path.display())).with_source(e)
}

/// Reads every file into one network: each file's format is sniffed (or taken from
/// [`LoadOptions::format`]), works with the same id in two files are one work.
pub fn load_files<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<(Network, LoadReport)> {
    let mut cx = LoadContext::new(options.clone());
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let reader = match &options.format {
            Some(name) => reader(name).ok_or_else(|| {
                let names: Vec<&str> = readers().iter().map(|r| r.name()).collect();
                Error::new(ErrorKind::NotFound, format!("unknown network format `{name}`"))
                    .with_candidates(names.into_iter().map(String::from).collect())
            })?,
            None => sniff(path)?,
        };
        let mut report = FileReport::new(path.display().to_string(), reader.name());
        cx.matcher.file = files.len();
        reader.read(path, &mut cx, &mut report)?;
        files.push(report);
    }
    let matches = crate::netimport::matching::finish(&mut cx, &mut files);
    cx.progress.finish(cx.builder.len(), cx.builder.citation_count());
    let (network, build) = cx.builder.build();
    Ok((network, LoadReport { files, build, matches }))
}
