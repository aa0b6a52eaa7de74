//! Reading citation-data exports into plain records: Web of Science (plain text and
//! tab-delimited), Scopus (CSV and RIS), OpenAlex (works, API pages, JSON Lines, gzip
//! snapshots), Crossref (REST responses) and Semantic Scholar (Graph API and legacy v1).
//!
//! Each importer yields [`Record`]s (a work of the set with its [`CitedRef`]s, raw text and
//! the parts read from it) and located diagnostics: a record that cannot be read is skipped
//! with its file, line and reason (code [`SKIPPED`]), never silently. The format is told by
//! content, not by the file name ([`sniff`]); gzip is unpacked on the fly. JSON Lines are read
//! line by line with borrowed strings, so a snapshot of millions of works streams through a
//! callback without being held in memory.
//!
//! [`matching`] resolves cited references to records of the set (DOI first, then first author +
//! year + source + volume (+ page), then title + author + year) and keeps the reason for each
//! match. The [`Import`] readers hand records to [`crate::network::load_files`], which builds the
//! compact citation network from every file of a load.
//!
//! ```
//! use bibgraph::netimport::{parse, Format};
//! let wos = "PT J\nAU Roe, A\nTI A made-up paper\nPY 2001\nSO J MADE UP\nCR Doe J, 1999, J MADE UP, V1, P2\nUT WOS:1\nER\n";
//! let parsed = parse(wos.as_bytes(), "saved.txt", None)?;
//! assert_eq!(parsed.format, Format::WosPlain);
//! assert_eq!(parsed.records[0].references[0].year, Some(1999));
//! # Ok::<(), bibgraph::Error>(())
//! ```

mod crossref;
mod csv;
pub mod matching;
mod openalex;
mod reader;
mod record;
mod scopus;
mod scopus_ref;
mod text;
mod wos;
mod wos_ref;

pub use matching::{Match, MatchReason};
pub use reader::Import;
pub use record::{CitedRef, Format, IdList, Parsed, Record, SKIPPED};

use crate::error::{Diagnostic, Error, ErrorKind, Location};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

/// Tells the format of a file from its first bytes (after gzip is unpacked): `None` when it is
/// none of the formats read here. JSON documents are told apart by their keys.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let (text, _) = text::decode(&head[..head.len().min(64 * 1024)]);
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return sniff_json(trimmed);
    }
    if wos::looks_plain(&text) {
        Some(Format::WosPlain)
    } else if wos::looks_tab(&text) {
        Some(Format::WosTab)
    } else if scopus::looks_ris(&text) {
        Some(Format::ScopusRis)
    } else if scopus::looks_csv(&text) {
        Some(Format::ScopusCsv)
    } else {
        None
    }
}

/// The JSON flavour from a document's or a first line's keys (the head may be cut short, so
/// the keys are looked for as text too).
fn sniff_json(head: &str) -> Option<Format> {
    let first_line = head.lines().next().unwrap_or("");
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(first_line).or_else(|_| serde_json::from_str(head)) {
        return json_flavour(&v);
    }
    if head.contains("\"message-type\"") {
        Some(Format::Crossref)
    } else if head.contains("openalex.org/W") || head.contains("\"referenced_works\"") {
        Some(Format::OpenAlex)
    } else if head.contains("\"paperId\"") {
        Some(Format::SemanticScholar)
    } else if head.contains("\"DOI\"") && head.contains("\"reference\"") {
        Some(Format::Crossref)
    } else {
        None
    }
}

fn json_flavour(v: &serde_json::Value) -> Option<Format> {
    let probe = v.get("results").and_then(|r| r.get(0)).or_else(|| v.get(0)).unwrap_or(v);
    if crossref::is_crossref(v) || crossref::is_crossref(probe) {
        Some(Format::Crossref)
    } else if openalex::is_work(probe) {
        Some(Format::OpenAlex)
    } else if crossref::is_s2(v) || crossref::is_s2(probe) {
        Some(Format::SemanticScholar)
    } else {
        None
    }
}

/// Reads a whole export held in memory (gzip unpacked, format sniffed unless given).
pub fn parse(bytes: &[u8], file: &str, format: Option<Format>) -> crate::Result<Parsed> {
    let mut records = Vec::new();
    let read = read_from(bytes, file, format, &mut |r| records.push(r))?;
    Ok(Parsed { file: read.file, format: read.format, records, diagnostics: read.diagnostics })
}

/// What reading one file gave besides its records.
#[derive(Debug, Clone)]
pub struct FileRead {
    /// The file name as used in locations.
    pub file: Arc<str>,
    /// The format read.
    pub format: Format,
    /// Skipped records (code [`SKIPPED`]) and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the export at `path`, handing each record to `sink` as it is read (JSON Lines stream;
/// other formats are read whole first). `name` is the file name used in diagnostics.
pub fn read_file(
    path: &Path,
    name: &str,
    format: Option<Format>,
    sink: &mut dyn FnMut(Record),
) -> crate::Result<FileRead> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {name}: {e}")).with_source(e))?;
    read_from(BufReader::with_capacity(1 << 20, file), name, format, sink)
}

fn io_error(name: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read {name}: {e}")).with_source(e)
}

fn read_from(
    input: impl Read,
    name: &str,
    format: Option<Format>,
    sink: &mut dyn FnMut(Record),
) -> crate::Result<FileRead> {
    let mut input = BufReader::with_capacity(1 << 20, input);
    let gz = input.fill_buf().map_err(|e| io_error(name, e))?.starts_with(&[0x1f, 0x8b]);
    if gz {
        let inner = BufReader::with_capacity(1 << 20, flate2::bufread::MultiGzDecoder::new(input));
        read_plain(inner, name, format, sink)
    } else {
        read_plain(input, name, format, sink)
    }
}

fn read_plain(
    mut input: impl BufRead,
    name: &str,
    format: Option<Format>,
    sink: &mut dyn FnMut(Record),
) -> crate::Result<FileRead> {
    let head = input.fill_buf().map_err(|e| io_error(name, e))?.to_vec();
    let format = match format.or_else(|| sniff(&head)) {
        Some(f) => f,
        None if head.iter().all(|b| b.is_ascii_whitespace()) => {
            return Err(Error::new(ErrorKind::Syntax, format!("{name} is empty")).at(Some(Location::new(name, 1, 1))));
        }
        None => {
            return Err(Error::new(
                ErrorKind::Syntax,
                format!("cannot tell the format of {name}: not Web of Science, Scopus, OpenAlex, Crossref or Semantic Scholar"),
            )
            .at(Some(Location::new(name, 1, 1))));
        }
    };
    let json = matches!(format, Format::OpenAlex | Format::Crossref | Format::SemanticScholar);
    if json && is_json_lines(&head) {
        return json_lines(input, name, format, sink);
    }
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| io_error(name, e))?;
    let parsed = if json {
        let (text, _) = text::decode(&bytes);
        drop(bytes);
        let doc: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| {
            Error::new(ErrorKind::Syntax, format!("{name} is not valid JSON: {e}")).at(Some(Location::new(
                name,
                e.line() as u32,
                e.column() as u32,
            )))
        })?;
        json_document(&doc, name, format)
    } else {
        let (text, decoding) = text::decode(&bytes);
        drop(bytes);
        let mut parsed = match format {
            Format::WosPlain => wos::plain(&text, name),
            Format::WosTab => wos::tab(&text, name),
            Format::ScopusCsv => scopus::read_csv(&text, name),
            _ => scopus::read_ris(&text, name),
        };
        if decoding == text::Decoding::Latin1 {
            parsed.note(1, "not-utf8", "the file is not valid UTF-8: read as Latin-1");
        }
        parsed
    };
    for r in parsed.records {
        sink(r);
    }
    Ok(FileRead { file: parsed.file, format: parsed.format, diagnostics: parsed.diagnostics })
}

fn json_document(doc: &serde_json::Value, name: &str, format: Format) -> Parsed {
    match format {
        Format::OpenAlex => openalex::document(doc, name),
        Format::Crossref => crossref::crossref(doc, name),
        _ => crossref::semantic_scholar(doc, name),
    }
}

/// JSON Lines: the first line is a whole JSON object and another object follows it.
fn is_json_lines(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let Some(end) = head.iter().position(|b| *b == b'\n') else {
        return false;
    };
    let rest = head[end + 1..].trim_ascii_start();
    rest.starts_with(b"{") && serde_json::from_slice::<serde::de::IgnoredAny>(&head[..end]).is_ok()
}

fn json_lines(
    mut input: impl BufRead,
    name: &str,
    format: Format,
    sink: &mut dyn FnMut(Record),
) -> crate::Result<FileRead> {
    let file: Arc<str> = Arc::from(name);
    let mut diagnostics = Vec::new();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut n = 0u32;
    loop {
        buf.clear();
        let got = input.read_until(b'\n', &mut buf).map_err(|e| io_error(name, e))?;
        if got == 0 {
            break;
        }
        n += 1;
        let line = buf.trim_ascii();
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        if format == Format::OpenAlex {
            match openalex::line(line, n) {
                Ok(r) => sink(r),
                Err(reason) => diagnostics.push(record::skip_diagnostic(&file, n, reason, None)),
            }
            continue;
        }
        match serde_json::from_slice::<serde_json::Value>(line) {
            Ok(v) => {
                let parsed = json_document(&v, name, format);
                for mut d in parsed.diagnostics {
                    if let Some(l) = d.location.as_mut() {
                        l.line = n;
                    }
                    diagnostics.push(d);
                }
                for mut r in parsed.records {
                    r.line = n;
                    sink(r);
                }
            }
            Err(e) => diagnostics.push(record::skip_diagnostic(&file, n, format!("not valid JSON: {e}"), None)),
        }
    }
    Ok(FileRead { file, format, diagnostics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"\xEF\xBB\xBFFN Clarivate\nVR 1.0\nPT J\n"), Some(Format::WosPlain));
        assert_eq!(sniff(b"PT J\nAU x\n"), Some(Format::WosPlain));
        assert_eq!(sniff(b"PT\tAU\tTI\tUT\nJ\tx\ty\tz\n"), Some(Format::WosTab));
        assert_eq!(sniff(b"TY  - JOUR\nTI  - x\n"), Some(Format::ScopusRis));
        assert_eq!(sniff(b"Authors,Title,Year,Source title,EID\n"), Some(Format::ScopusCsv));
        assert_eq!(sniff(br#"{"meta":{},"results":[{"id":"https://openalex.org/W1"}]}"#), Some(Format::OpenAlex));
        assert_eq!(
            sniff(b"{\"id\":\"https://openalex.org/W1\"}\n{\"id\":\"https://openalex.org/W2\"}\n"),
            Some(Format::OpenAlex)
        );
        assert_eq!(
            sniff(br#"{"status":"ok","message-type":"work","message":{"DOI":"10.1/x"}}"#),
            Some(Format::Crossref)
        );
        assert_eq!(sniff(br#"{"paperId":"abc","title":"x"}"#), Some(Format::SemanticScholar));
        assert_eq!(sniff(b"hello world"), None);
        assert_eq!(sniff(br#"{"id": "x"}"#), None);
    }

    #[test]
    fn json_lines_stream_with_bad_lines_located() {
        let text = "{\"id\":\"https://openalex.org/W1\",\"referenced_works\":[\"https://openalex.org/W2\"]}\n{\"id\":\"https://openalex.org/W2\",\"referenced_works\":[]}\n\n{broken\n{\"id\":\"https://openalex.org/W3\"}\n";
        let p = parse(text.as_bytes(), "w.jsonl", None).unwrap();
        assert_eq!(p.format, Format::OpenAlex);
        assert_eq!(p.records.len(), 3);
        assert_eq!(p.records[2].line, 5);
        assert_eq!(p.skipped(), 1);
        assert_eq!(p.diagnostics[0].location.as_ref().unwrap().line, 4);
    }

    #[test]
    fn gzip_is_unpacked() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\":\"https://openalex.org/W1\"}\n{\"id\":\"https://openalex.org/W2\"}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let p = parse(&bytes, "w.jsonl.gz", None).unwrap();
        assert_eq!(p.records.len(), 2);
    }

    #[test]
    fn unknown_and_broken_files_are_errors_with_places() {
        let e = parse(b"just some words\n", "x.txt", None).unwrap_err();
        assert!(e.to_string().contains("cannot tell the format of x.txt"), "{e}");
        let e = parse(b"{\"status\":\"ok\",\"message\":{\"DOI\":", "c.json", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        let e = parse(b"  \n", "e.txt", None).unwrap_err();
        assert!(e.to_string().contains("empty"));
    }

    #[test]
    fn utf16_tab_delimited() {
        let text = "PT\tAU\tTI\tPY\tUT\r\nJ\tRoe, A\tA title\t2001\tWOS:1\r\n";
        let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let p = parse(&bytes, "t.txt", None).unwrap();
        assert_eq!((p.format, p.records.len()), (Format::WosTab, 1));
    }
}
