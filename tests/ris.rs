//! RIS in and out: files written for these tests, the corpus loader, and (ignored by
//! default) a real Scopus export in `../shared/data/bibexports/scopus-ris`.

use bibgraph::export::{export, Format};
use bibgraph::import;
use bibgraph::{Corpus, CorpusFile, Severity};

fn fixture() -> (Vec<u8>, import::Import) {
    let path = format!("{}/tests/fixtures/ris/hand.ris", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let import = import::ris(&bytes, "hand.ris");
    (bytes, import)
}

#[test]
fn records_become_works_with_every_tag_kept() {
    let (_, i) = fixture();
    assert_eq!((i.entries, i.works.len(), i.skipped), (4, 4, 0));
    let knuth = &i.works[0];
    assert_eq!(knuth.key.as_str(), "knuth-ct-a");
    assert_eq!(knuth.records[0].key, "Knuth:ct:a");
    assert_eq!(knuth.title.as_deref(), Some("The TeXbook"));
    assert_eq!(knuth.collection_title.as_deref(), Some("Computers and Typesetting"));
    assert_eq!(knuth.place.as_deref(), Some("Reading, MA"));
    assert_eq!(knuth.records[0].get("SN"), Some("0-201-13447-0"));
    let kw: Vec<&str> = knuth.records[0].fields().filter(|f| f.name == "KW").map(|f| f.value).collect();
    assert_eq!(kw, ["typesetting", "TeX"]);
    let lamport = &i.works[1];
    assert_eq!(lamport.key.as_str(), "lamport1978");
    assert_eq!(lamport.title.as_deref(), Some("Time, clocks, and the ordering of events in a distributed system"));
    assert_eq!(lamport.pages.as_deref(), Some("558-565"));
    assert_eq!(lamport.doi.as_deref(), Some("10.1145/359545.359563"));
    assert_eq!(lamport.year.as_ref().and_then(|y| y.month), Some(7));
    let chapter = &i.works[3];
    assert_eq!(chapter.container_title.as_deref(), Some("A book"));
    assert_eq!(chapter.editors.len(), 1);
    // The record without ER is read and reported at its TY line.
    let warnings: Vec<(&str, u32, u32)> = i
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.code.as_str(), d.location.as_ref().unwrap().line, d.location.as_ref().unwrap().column))
        .collect();
    assert_eq!(warnings, [("ris-unclosed", 28, 1)]);
    assert_eq!(i.works[2].title.as_deref(), Some("A record whose ER line is missing"));
}

#[test]
fn a_ris_file_is_a_corpus_and_exports_back() {
    let (bytes, _) = fixture();
    let corpus = Corpus::from_files([CorpusFile::from_bytes("refs.ris", bytes)]).unwrap();
    assert_eq!(corpus.works().len(), 4);
    let ris = export(&corpus, Format::Ris).unwrap();
    let again = Corpus::from_files([CorpusFile::new("again.ris", ris.clone())]).unwrap();
    assert_eq!(export(&again, Format::Ris).unwrap(), ris);
    for (a, b) in corpus.works().iter().zip(again.works()) {
        assert!(a.differing_fields(b).is_empty(), "{}: {:?}", a.key, a.differing_fields(b));
    }
    assert!(ris.contains("SN  - 0-201-13447-0\n"), "unknown tags survive");
}

#[test]
#[ignore = "needs ../shared/data/bibexports/scopus-ris"]
fn a_real_scopus_export_loads_whole() {
    // `../shared` beside the checkout, or beside the worktrees' folder.
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("data/bibexports/scopus-ris"))
        .find(|d| d.is_dir())
        .expect("../shared/data/bibexports/scopus-ris");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let text = String::from_utf8_lossy(&bytes);
        let starts = text.lines().filter(|l| l.trim_start_matches('\u{feff}').starts_with("TY  -")).count();
        let i = import::ris(&bytes, &name);
        assert!(starts > 0, "{name}");
        assert_eq!((i.entries, i.works.len(), i.skipped), (starts, starts, 0), "{name}");
        let warnings: Vec<_> = i.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).collect();
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        let titled = i.works.iter().filter(|w| w.title.is_some()).count();
        let dated = i.works.iter().filter(|w| w.year.is_some()).count();
        assert_eq!((titled, dated), (starts, starts), "{name}");
        // Scopus writes the cited references as one N1 value over many lines; it is kept whole.
        let with_refs = i
            .works
            .iter()
            .filter(|w| w.records[0].fields().any(|f| f.name == "N1" && f.value.starts_with("References:")));
        assert!(with_refs.count() > starts / 2, "{name}");
        println!("{name}: {starts} records, all read");
        files += 1;
    }
    assert!(files > 0);
}
