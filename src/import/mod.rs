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
//! - [`mod@ris`] reads RIS tag lines (a general reader other importers reuse) and
//!   turns records into works; unknown tags stay in the record.
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
pub mod ris;
mod split;

use crate::error::{Diagnostic, Severity};
use crate::model::{RecordFormat, Work, WorkKey};

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
    /// `@comment`; CSL-JSON: the array's items).
    pub entries: usize,
    /// The entries that could not be read, each with a diagnostic.
    pub skipped: usize,
    /// The `@preamble` texts, macros expanded.
    pub preambles: Vec<String>,
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
    /// Warnings (skipped entries, repairs, undefined macros, ...).
    pub warnings: usize,
}

/// Reads a BibTeX or BibLaTeX file. It never fails: what it cannot read is reported in
/// [`Import::diagnostics`] and counted in [`Import::skipped`].
///
/// Complexity: O(n) in the file's size, plus the TeX of the mapped fields.
pub fn bibtex(src: &[u8], file: &str) -> Import {
    bibtex::read(src, file)
}

/// As [`bibtex`], for a file already in memory as text, which the works' records share
/// for their raw text (each entry's text is not copied).
pub(crate) fn bibtex_shared(text: &std::sync::Arc<String>, file: &str) -> Import {
    bibtex::read_shared(text, file)
}

/// Reads a CSL-JSON file: an array of items (or one item). It never fails: a bad item is
/// reported with its index and path, and the others load.
pub fn csl_json(src: &[u8], file: &str) -> Import {
    csl::read(src, file)
}

/// Reads a RIS file (Zotero, Mendeley, EndNote, Scopus, Web of Science exports). It never
/// fails: see [`ris::records`] for the tag reader and its diagnostics.
pub fn ris(src: &[u8], file: &str) -> Import {
    ris::read(src, file)
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

/// Gives `key` a `-2`, `-3`, ... suffix until `taken` says it is free.
pub(crate) fn free_key(key: &WorkKey, taken: impl Fn(&str) -> bool) -> WorkKey {
    (2..).map(|n| format!("{key}-{n}")).find(|k| !taken(k)).map(WorkKey::new).unwrap_or_else(|| key.clone())
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
}
