//! Importing users' own bibliographies: BibTeX and BibLaTeX `.bib` files, and CSL-JSON.
//!
//! Real files are messy, so the importers read every intact entry, report each bad one
//! precisely (file, line, column and entry key) and lose nothing silently:
//!
//! - [`bibtex`] splits the file into blocks first (one pass over the bytes, counting
//!   braces), so one bad entry never sinks the others. `@string` macros, `#`
//!   concatenation, `@preamble` and `@comment` are handled; an undefined macro is a
//!   warning; `crossref` and `xdata` are resolved with cycles reported, never recursing;
//!   duplicate keys and fields are reported with both places; invalid UTF-8 is replaced
//!   and located. The TeX in the fields bibgraph maps (accents, dashes, names, dates) goes
//!   through the `biblatex` crate.
//! - [`csl_json`] reads the array's items one by one: a bad item is reported with its
//!   index and path, and the others load.
//!
//! Every entry's fields, known to bibgraph or not, its type and key as written, its text
//! and its place are kept in the work's [`SourceRecord`](crate::model::SourceRecord), so
//! that an export of an unchanged work gives its fields back.
//!
//! ```
//! let bib = br#"@string{tub = "TUGboat"}
//! @article{Knuth:1980, author = "Donald E. Knuth", title = "The {\TeX}book",
//!   journal = tub # " 1", year = 1980, bibdate = "Mon Jan 1"}
//! @article{broken, title = {Unclosed, year = 1999
//! @book{ok, title = {Fine}, year = 2001}
//! "#;
//! let import = bibgraph::import::bibtex(bib, "my.bib");
//! assert_eq!((import.entries, import.works.len(), import.skipped), (3, 2, 1));
//! let knuth = &import.works[0];
//! assert_eq!(knuth.key.as_str(), "knuth-1980");
//! assert_eq!(knuth.container_title.as_deref(), Some("TUGboat 1"));
//! assert_eq!(knuth.records[0].get("bibdate"), Some("Mon Jan 1"));
//! let bad = &import.diagnostics.iter().find(|d| d.code == "unbalanced-brace").unwrap();
//! assert_eq!(bad.location.as_ref().unwrap().to_string(), "my.bib:4:26");
//! assert_eq!(bad.subject.as_deref(), Some("broken"));
//! ```

mod bibtex;
mod convert;
mod crossref;
mod csl;
mod entry;
mod lines;
mod macros;
mod split;

use crate::error::{Diagnostic, Severity};
use crate::model::{RecordFormat, Work, WorkKey};

/// The largest entry (a BibTeX block from its `@` to its close, or a CSL-JSON item) read:
/// 4 MiB. A larger one is skipped and reported (`entry-too-large`); its fields are not
/// read. Real entries are a few KB (an abstract included); the limit keeps one unclosed
/// or runaway entry from costing more than its share. A field's size is bounded by its
/// entry's.
pub const MAX_ENTRY_BYTES: usize = 4 << 20;

/// The message for an entry over [`MAX_ENTRY_BYTES`].
fn too_large(size: usize) -> String {
    format!("the entry is {size} bytes long, more than the limit of {MAX_ENTRY_BYTES}; it is skipped")
}

/// What an import read from one file: the works, and every problem found.
#[derive(Debug, Clone)]
pub struct Import {
    /// The file's name, as used in locations.
    pub file: String,
    /// The file's format.
    pub format: RecordFormat,
    /// The works, in file order.
    pub works: Vec<Work>,
    /// Every problem, located, with the entry's key as subject; and notes (normalised keys).
    pub diagnostics: Vec<Diagnostic>,
    /// The entries found (BibTeX: blocks other than `@string`, `@preamble` and
    /// `@comment`, and malformed entries, such as `@book[`; CSL-JSON: the array's items).
    pub entries: usize,
    /// The entries that could not be read, each with a diagnostic.
    pub skipped: usize,
    /// The `@preamble` texts, macros expanded.
    pub preambles: Vec<String>,
    /// Bytes of text outside every block (BibTeX's implicit comments), leading and trailing
    /// ASCII whitespace aside.
    pub outside: usize,
    /// Everything of the file that is not an entry, in file order and as written: the text
    /// between entries, and the `@comment`, `@preamble` and `@string` blocks. The BibLaTeX
    /// export writes it back.
    pub between: Vec<String>,
}

impl Import {
    fn new(file: &str, format: RecordFormat) -> Self {
        Import {
            file: file.to_string(),
            format,
            works: Vec::new(),
            diagnostics: Vec::new(),
            entries: 0,
            skipped: 0,
            preambles: Vec::new(),
            outside: 0,
            between: Vec::new(),
        }
    }

    /// The counts, for reports.
    pub fn summary(&self) -> ImportSummary {
        ImportSummary {
            file: self.file.clone(),
            format: self.format,
            entries: self.entries,
            works: self.works.len(),
            skipped: self.skipped,
            outside: self.outside,
            between: self.between.clone(),
            warnings: self.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).count(),
        }
    }
}

/// The counts of an [`Import`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// The file.
    pub file: String,
    /// Its format.
    pub format: RecordFormat,
    /// Entries found.
    pub entries: usize,
    /// Works read.
    pub works: usize,
    /// Entries skipped, each with a diagnostic.
    pub skipped: usize,
    /// Bytes of text outside entries (comments), whitespace aside.
    pub outside: usize,
    /// The file's text that is not in an entry ([`Import::between`]), for the BibLaTeX
    /// export; not in reports.
    #[serde(skip)]
    pub between: Vec<String>,
    /// Warnings (skipped entries, repairs, undefined macros, ...).
    pub warnings: usize,
}

/// Reads a BibTeX or BibLaTeX file. It never fails: what it cannot read is reported in
/// [`Import::diagnostics`] and counted in [`Import::skipped`].
///
/// Complexity: O(n) in the file's size, plus the TeX of the mapped fields.
pub fn bibtex(src: &[u8], file: &str) -> Import {
    match decoded(src, file, RecordFormat::Bibtex) {
        Ok(Some(text)) => bibtex::read(&text, file),
        Ok(None) => bibtex::read(src, file),
        Err(import) => *import,
    }
}

/// `src` decoded when it is UTF-16 or starts with a byte-order mark ([`crate::encoding`]);
/// `None` when it is to be read as it is; an import holding the one located error when
/// it cannot be decoded.
fn decoded(src: &[u8], file: &str, format: RecordFormat) -> Result<Option<Vec<u8>>, Box<Import>> {
    use crate::encoding::{decode, sniff, Encoding, SNIFF_BYTES};
    if sniff(&src[..src.len().min(SNIFF_BYTES)]) == Encoding::Utf8 {
        return Ok(None);
    }
    decode(src.to_vec(), file).map(Some).map_err(|e| {
        let mut import = Import::new(file, format);
        let message = format!("{}; nothing is read", e.message());
        import.diagnostics.push(Diagnostic::new(Severity::Error, "encoding", message).at(e.location().cloned()));
        Box::new(import)
    })
}

/// As [`bibtex`], for a file already in memory as text, which the works' records share
/// for their raw text (each entry's text is not copied).
pub(crate) fn bibtex_shared(text: &std::sync::Arc<String>, file: &str) -> Import {
    bibtex::read_shared(text, file)
}

/// Reads a CSL-JSON file: an array of items (or one item). It never fails: a bad item is
/// reported with its index and path, and the others load.
pub fn csl_json(src: &[u8], file: &str) -> Import {
    match decoded(src, file, RecordFormat::CslJson) {
        Ok(Some(text)) => csl::read(&text, file),
        Ok(None) => csl::read(src, file),
        Err(import) => *import,
    }
}

/// The work a BibTeX record describes, as the importer reads it (its key is the record's).
pub(crate) fn derive_bibtex(record: &crate::model::SourceRecord) -> Work {
    convert::to_work(record, &mut Vec::new())
}

/// The work key for an entry key: the key itself if it is a valid bibgraph key, else
/// its normalised form (lowercase ASCII letters and digits, anything else `-`, no leading,
/// trailing or doubled `-`, starting with a letter). The flag says whether it changed.
pub(crate) fn work_key(original: &str) -> (WorkKey, bool) {
    if WorkKey::is_valid(original) {
        return (WorkKey::new(original), false);
    }
    let mut key = String::with_capacity(original.len());
    for c in original.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    while key.ends_with('-') {
        key.pop();
    }
    if !key.starts_with(|c: char| c.is_ascii_lowercase()) {
        key.insert_str(0, if key.is_empty() { "entry" } else { "bib-" });
    }
    (WorkKey::new(key), true)
}

/// Free keys for taken ones: `key-2`, `key-3`, ..., each base key remembering the suffix
/// it got to, so that n entries whose keys collide on one base cost O(n) in all (trying
/// `-2`, `-3`, ... from the start for each would cost O(n²)).
#[derive(Debug, Default)]
pub(crate) struct FreeKeys {
    next: std::collections::HashMap<WorkKey, u64>,
}

impl FreeKeys {
    /// The first `key-N` (N from 2, or from where this base got to) that `taken` says is free.
    pub(crate) fn free(&mut self, key: &WorkKey, taken: impl Fn(&str) -> bool) -> WorkKey {
        let n = self.next.entry(key.clone()).or_insert(2);
        loop {
            let candidate = format!("{key}-{n}");
            *n += 1;
            if !taken(&candidate) {
                return WorkKey::new(candidate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_kept_when_valid_and_normalised_otherwise() {
        let k = |s: &str| work_key(s).0.to_string();
        assert_eq!(k("knuth1984"), "knuth1984");
        assert_eq!(k("Knuth:1984:TB"), "knuth-1984-tb");
        assert_eq!(k("1984--x"), "bib-1984-x");
        assert_eq!(k("Erdős_1950"), "erd-s-1950");
        assert_eq!(k("::"), "entry");
        assert!(!work_key("knuth1984").1);
        assert!(work_key("Knuth").1);
    }

    #[test]
    fn free_keys_go_on_from_where_each_base_got_to() {
        let mut free = FreeKeys::default();
        let taken: std::collections::HashSet<&str> = ["a", "a-3", "b"].into_iter().collect();
        let a = WorkKey::new("a");
        let keys: Vec<String> = (0..3).map(|_| free.free(&a, |k| taken.contains(k)).to_string()).collect();
        assert_eq!(keys, ["a-2", "a-4", "a-5"]);
        assert_eq!(free.free(&WorkKey::new("b"), |k| taken.contains(k)).as_str(), "b-2");
    }
}
