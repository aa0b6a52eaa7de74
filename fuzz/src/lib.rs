//! What each fuzz target feeds bibgraph and what it checks besides "no panic". Each
//! function takes the fuzzer's bytes; a broken invariant panics, which the fuzzer reports
//! as a crash with the input saved under `fuzz/artifacts/TARGET/`.

use bibgraph::refparse::{parse_list, ParseOptions, ReferenceStream, SegmentKind};
use bibgraph::{Corpus, Diagnostic};
use std::io::Read;

fn located(d: &Diagnostic) {
    let at = d.location.as_ref().unwrap_or_else(|| panic!("a diagnostic without a place: {d}"));
    assert!(at.line >= 1 && at.column >= 1, "{d}");
}

fn import(import: &bibgraph::import::Import, size: usize) {
    // Every entry is a work or a skip, and every skip and problem is located.
    assert_eq!(import.entries, import.works.len() + import.skipped, "entries = works + skipped");
    let warnings = import.diagnostics.iter().filter(|d| d.severity >= bibgraph::Severity::Warning).count();
    assert!(warnings >= import.skipped, "{} skipped, {warnings} warnings", import.skipped);
    import.diagnostics.iter().for_each(located);
    // Decoded UTF-16 may take up to 3 bytes of UTF-8 for 2 of UTF-16.
    assert!(import.outside <= size + size / 2);
    for w in &import.works {
        assert!(bibgraph::model::WorkKey::is_valid(w.key.as_str()), "work key `{}`", w.key);
    }
}

/// BibTeX: [`bibgraph::import::bibtex`].
pub fn bibtex(data: &[u8]) {
    import(&bibgraph::import::bibtex(data, "f.bib"), data.len());
}

/// CSL-JSON: [`bibgraph::import::csl_json`].
pub fn csl_json(data: &[u8]) {
    import(&bibgraph::import::csl_json(data, "f.json"), data.len());
}

/// The YAML corpus format, loaded as a corpus of one file: it loads, or fails saying
/// where.
pub fn yaml_corpus(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Corpus::from_files([bibgraph::CorpusFile::new("f.yaml", text)]) {
        Ok(corpus) => corpus.diagnostics().iter().for_each(located),
        Err(e) => {
            assert!(e.location().is_some() || !e.diagnostics().is_empty(), "an error without a place: {e}");
            e.diagnostics().iter().for_each(located);
        }
    }
}

/// Reference lists: [`parse_list`]'s segments cover every byte, in order, and name every
/// reference; a list shorter than a stream's chunk streams to the same references.
pub fn refs(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let list = parse_list(text, "f.txt", &ParseOptions::default());
    let mut pos = 0;
    let mut seen = vec![false; list.references.len()];
    for s in &list.segments {
        assert_eq!(s.span.start, pos, "segments leave a gap or overlap at {pos}");
        assert!(s.span.end > s.span.start, "an empty segment at {pos}");
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        if let SegmentKind::Entry(i) = s.kind {
            seen[i] = true;
        }
        pos = s.span.end;
    }
    assert_eq!(pos, text.len(), "segments end before the text");
    assert!(seen.iter().all(|&s| s), "a reference with no segment");
    list.diagnostics.iter().for_each(located);
    if text.lines().count() < 200 {
        let streamed: Vec<String> = ReferenceStream::new(text.as_bytes(), "f.txt", ParseOptions::default())
            .map(|r| r.expect("reading from memory").work.key.to_string())
            .collect();
        let whole: Vec<String> = list.works().map(|w| w.key.to_string()).collect();
        assert_eq!(streamed, whole, "the stream and the whole list differ");
    }
}

/// In-text citations: [`bibgraph::cites::extract`] gives spans inside the text, on
/// character boundaries, with places that agree with them.
pub fn cites(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let found = bibgraph::cites::extract(text);
    // Line starts, once: the check costs O(log n) per citation, so the target's own time
    // stays linear and the timing of inputs measures the extractor.
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    for c in &found.citations {
        assert!(c.span.start < c.span.end && c.span.end <= text.len(), "span {:?}", c.span);
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        let line = starts.partition_point(|&s| s <= c.span.start) as u32;
        assert_eq!(c.line, line, "the line of {:?}", c.text);
    }
}

/// Decoding: [`bibgraph::encoding::decode`] and the streaming
/// [`bibgraph::encoding::Reader`] agree, byte for byte or on failing; UTF-16 decodes to
/// valid UTF-8.
pub fn decode(data: &[u8]) {
    let whole = bibgraph::encoding::decode(data.to_vec(), "f");
    let mut streamed = Vec::new();
    let inner = std::io::BufReader::with_capacity(7, data);
    let read = bibgraph::encoding::Reader::new(inner, "f").read_to_end(&mut streamed);
    match (&whole, read) {
        (Ok(w), Ok(_)) => assert_eq!(w, &streamed),
        (Err(_), Err(_)) => {}
        (w, r) => panic!("decode {:?} but the reader {:?}", w.as_ref().map(Vec::len), r),
    }
    let utf16 = matches!(
        bibgraph::encoding::sniff(&data[..data.len().min(bibgraph::encoding::SNIFF_BYTES)]),
        bibgraph::encoding::Encoding::Utf16Le { .. } | bibgraph::encoding::Encoding::Utf16Be { .. }
    );
    if let (true, Ok(w)) = (utf16, whole) {
        assert!(std::str::from_utf8(&w).is_ok());
    }
}
