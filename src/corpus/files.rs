//! Which files make a corpus: the walk of a corpus directory (subfolders included) and
//! what kind of file each is, by its content and by its extension in any case.
//!
//! A file whose kind cannot be told is refused with its name and the kinds known; in a
//! directory it is skipped with a warning, as is a file that cannot be read, a broken
//! link, a FIFO or device, and a linked folder (not followed, so that no cycle is walked).
//! Hidden files and folders (`.git`, `.DS_Store`) are skipped and counted.

use super::CorpusFile;
use crate::error::{Diagnostic, Error, ErrorKind, Location, Result, Severity};
use std::path::{Path, PathBuf};

/// What a corpus file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// `corpus.yaml`, the manifest.
    Manifest,
    /// A YAML data file (`works`, `work-notes`, `concepts`, `edges`).
    Yaml,
    /// A reference list as text.
    List,
    /// BibTeX or BibLaTeX.
    Bibtex,
    /// CSL-JSON.
    CslJson,
    /// RIS.
    Ris,
}

impl Kind {
    /// The kind's name in reports: `yaml`, `txt`, `bib`, `json`, `ris`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Manifest | Kind::Yaml => "yaml",
            Kind::List => "txt",
            Kind::Bibtex => "bib",
            Kind::CslJson => "json",
            Kind::Ris => "ris",
        }
    }
}

/// The kinds known, for messages.
pub(crate) const KNOWN: &str =
    "corpus YAML (.yaml, .yml), reference lists (.txt), BibTeX (.bib), CSL-JSON (.json), RIS (.ris)";

/// The codes of the warnings about whole files: skipped, unreadable, or an empty corpus.
pub(crate) const FILE_CODES: [&str; 10] = [
    "broken-link",
    "not-a-file",
    "unknown-file-type",
    "unreadable-file",
    "unreadable-folder",
    "linked-folder",
    "folder-named-like-a-file",
    "not-a-reference-list",
    "not-a-corpus-file",
    "empty-corpus",
];

/// The top-level keys of corpus YAML files.
const YAML_KEYS: [&str; 7] = ["works", "work-notes", "concepts", "edges", "id", "title", "source"];

/// The first lines of `bytes` that are neither blank nor comments (`%` for BibTeX, `#`
/// for YAML), after a byte-order mark.
fn first_line(bytes: &[u8], comment: char) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).into_owned();
    head.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with(comment)).unwrap_or("").to_string()
}

/// The kind the content shows, if it shows one: a RIS `TY` line, a BibTeX `@entry{`, a
/// JSON array or object, or a YAML mapping with a corpus section.
fn sniff(bytes: &[u8]) -> Option<Kind> {
    if crate::import::ris::sniff(bytes) {
        return Some(Kind::Ris);
    }
    let line = first_line(bytes, '%');
    if line.starts_with('[') || line.starts_with('{') {
        return Some(Kind::CslJson);
    }
    if let Some(rest) = line.strip_prefix('@') {
        let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
        if !word.is_empty() && rest[word.len()..].trim_start().starts_with(['{', '(']) {
            return Some(Kind::Bibtex);
        }
    }
    let line = first_line(bytes, '#');
    let key = line.split(':').next().unwrap_or("");
    (line.contains(':') && YAML_KEYS.contains(&key)).then_some(Kind::Yaml)
}

/// The kind of the file `name` holding `bytes`: a bibliography's content signature wins
/// over a `.txt` extension (a RIS export saved as `.txt`); else the extension, in any case;
/// else the content. `None` when neither tells.
pub(crate) fn kind(name: &str, bytes: &[u8]) -> Option<Kind> {
    let path = Path::new(name);
    if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.eq_ignore_ascii_case("corpus.yaml")) {
        return Some(Kind::Manifest);
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let by_name = match ext.as_str() {
        "yaml" | "yml" => Some(Kind::Yaml),
        "txt" | "text" => Some(Kind::List),
        "bib" | "bibtex" | "biblatex" => Some(Kind::Bibtex),
        "json" | "csljson" => Some(Kind::CslJson),
        "ris" => Some(Kind::Ris),
        _ => None,
    };
    match (by_name, sniff(bytes)) {
        // A `.txt` file may be an export saved under another name; a bibliography's own
        // extension is trusted (its importer reports what it cannot read).
        (Some(Kind::List), Some(seen @ (Kind::Ris | Kind::Bibtex | Kind::CslJson))) => Some(seen),
        (Some(k), _) => Some(k),
        (None, seen) => seen,
    }
}

/// The top-level keys of a YAML file that has none of a corpus file's sections, if so:
/// such a file (a stray `config.yaml`) is not a corpus file.
pub(crate) fn foreign_yaml(text: &str) -> Option<Vec<String>> {
    let keys: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '"'))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().trim_matches('"').to_string()))
        .collect();
    (!keys.is_empty() && !keys.iter().any(|k| YAML_KEYS.contains(&k.as_str()))).then_some(keys)
}

/// The files of a corpus path, and what the walk found.
pub(crate) struct Walk {
    /// The corpus files, in path order.
    pub(crate) files: Vec<CorpusFile>,
    /// Files skipped and why (warnings), with their paths.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// How many files of each kind were read, and the folders walked.
    pub(crate) counts: Vec<(&'static str, usize)>,
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read {what}{}: {e}", path.display())).with_source(e)
}

fn skipped(path: &Path, code: &str, why: String) -> Diagnostic {
    let name = path.display().to_string();
    Diagnostic::new(Severity::Warning, code, format!("{why}; skipped")).at(Some(Location::new(name, 1, 1)))
}

/// Reads one file: its bytes, its kind told by [`kind`].
fn read_file(path: &Path) -> Result<CorpusFile> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_error("", path, e))?;
    // UTF-16 decoded and a UTF-8 byte-order mark dropped before the kind is told.
    let bytes = crate::encoding::decode(bytes, &name)?;
    let Some(kind) = kind(&name, &bytes) else {
        return Err(Error::new(
            ErrorKind::Syntax,
            format!("cannot tell what {name} holds: not one of the corpus file types ({KNOWN})"),
        ));
    };
    let file = super::load::from_bytes(name, bytes, kind)?;
    Ok(file)
}

/// The corpus files of a directory (walked with its subfolders, in path order) or a
/// single file.
///
/// # Errors
/// A single file that cannot be read or whose kind cannot be told; a directory that
/// cannot be listed or holds no corpus file at all (the message counts what it skipped).
pub(crate) fn read_path(path: &Path) -> Result<Walk> {
    let meta = std::fs::metadata(path).map_err(|e| io_error("", path, e))?;
    if !meta.is_dir() {
        let file = read_file(path)?;
        let kind = file.kind_or_name();
        return Ok(Walk { files: vec![file], diagnostics: Vec::new(), counts: vec![(kind, 1)] });
    }
    let mut diagnostics = Vec::new();
    let mut found: Vec<PathBuf> = Vec::new();
    let (mut folders, mut hidden) = (0usize, 0usize);
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        folders += 1;
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if dir == path => return Err(io_error("", path, e)),
            Err(e) => {
                diagnostics.push(skipped(&dir, "unreadable-folder", format!("cannot list the folder ({e})")));
                continue;
            }
        };
        let mut here: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        here.sort();
        let mut subfolders = Vec::new();
        for p in here {
            if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
                hidden += 1;
                continue;
            }
            let Ok(link) = std::fs::symlink_metadata(&p) else { continue };
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    diagnostics.push(skipped(&p, "broken-link", format!("a link to nothing readable ({e})")));
                    continue;
                }
            };
            if meta.is_dir() {
                if link.file_type().is_symlink() {
                    diagnostics.push(skipped(&p, "linked-folder", "a link to a folder, not followed".into()));
                } else {
                    if kind(&p.display().to_string(), b"").is_some() {
                        let name = p.display().to_string();
                        let message = "a folder named like a corpus file; its files are read as any subfolder's";
                        let d = Diagnostic::new(Severity::Warning, "folder-named-like-a-file", message);
                        diagnostics.push(d.at(Some(Location::new(name, 1, 1))));
                    }
                    subfolders.push(p);
                }
            } else if !meta.is_file() {
                let what = if is_fifo(&meta) { "a FIFO" } else { "not a regular file (a device or socket)" };
                diagnostics.push(skipped(&p, "not-a-file", what.to_string()));
            } else {
                found.push(p);
            }
        }
        // Depth first, in name order.
        stack.extend(subfolders.into_iter().rev());
    }
    let mut files = Vec::new();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for p in &found {
        match read_file(p) {
            Ok(f) => {
                let kind = f.kind_or_name();
                match counts.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((kind, 1)),
                }
                files.push(f);
            }
            Err(e) if e.kind() == ErrorKind::Io => {
                diagnostics.push(skipped(p, "unreadable-file", e.message().to_string()));
            }
            Err(e) if e.message().starts_with("cannot tell") => {
                diagnostics.push(skipped(p, "unknown-file-type", format!("not a corpus file ({KNOWN})")));
            }
            Err(e) => return Err(e),
        }
    }
    if hidden > 0 {
        counts.push(("hidden (skipped)", hidden));
    }
    counts.push(("folders", folders));
    if files.is_empty() {
        let why = diagnostics.len();
        return Err(Error::new(
            ErrorKind::Io,
            format!("no corpus files ({KNOWN}) in {} or its subfolders ({why} skipped)", path.display()),
        ));
    }
    Ok(Walk { files, diagnostics, counts })
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content_and_by_extension_in_any_case() {
        assert_eq!(kind("X.BIB", b"@book{a, title={T}}"), Some(Kind::Bibtex));
        assert_eq!(kind("REFS.TXT", b"Bourne R (1916) Trans-national America."), Some(Kind::List));
        assert_eq!(kind("export.txt", b"\xEF\xBB\xBFTY  - JOUR\nER  - \n"), Some(Kind::Ris));
        assert_eq!(kind("library", b"% from JabRef\n@Article{k,\n}"), Some(Kind::Bibtex));
        assert_eq!(kind("items", b"  [ {\"id\": \"a\"} ]"), Some(Kind::CslJson));
        assert_eq!(kind("data", b"# notes\nconcepts:\n  - id: x"), Some(Kind::Yaml));
        assert_eq!(kind("Corpus.YAML", b"id: x"), Some(Kind::Manifest));
        assert_eq!(kind("W.Yml", b"works: []"), Some(Kind::Yaml));
        assert_eq!(kind("notes.md", b"# My notes\nRead Bourne."), None);
        assert_eq!(kind("photo.png", b"\x89PNG\r\n"), None);
    }

    #[test]
    fn yaml_without_a_corpus_section_is_foreign() {
        assert_eq!(foreign_yaml("editor: vim\ntheme: dark\n"), Some(vec!["editor".into(), "theme".into()]));
        assert_eq!(foreign_yaml("works:\n  - key: a\nextra: 1\n"), None);
        assert_eq!(foreign_yaml("# nothing\n"), None);
    }
}
