//! Users' CSL-JSON files: a bad item is reported with its index and place, and the others
//! load, every field kept.

use bibgraph::import;
use bibgraph::{Corpus, CorpusFile, Severity};

fn fixture() -> import::Import {
    let path = format!("{}/tests/fixtures/csl/items.json", env!("CARGO_MANIFEST_DIR"));
    import::csl_json(&std::fs::read(path).unwrap(), "items.json")
}

#[test]
fn bad_items_are_reported_with_index_and_place_and_the_others_load() {
    let i = fixture();
    let warnings: Vec<(&str, u32, u32, &str)> = i
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| {
            let at = d.location.as_ref().unwrap();
            (d.code.as_str(), at.line, at.column, d.subject.as_deref().unwrap())
        })
        .collect();
    assert_eq!(
        warnings,
        [("json-syntax", 3, 52, "[1]"), ("csl-item", 4, 3, "gamma"), ("duplicate-key", 5, 3, "alpha")]
    );
    let messages: Vec<&str> = i.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages[0].starts_with("item [1]: expected `,` or `}`"), "{}", messages[0]);
    assert_eq!(
        messages[1],
        "item [2]: csl-json item `gamma`: `author` should be a list of names, not \"Gamma\"; the item is skipped"
    );
    assert_eq!(messages[2], "item [3]: duplicate id `alpha` (first at 2:3); this item is skipped");
    let keys: Vec<&str> = i.works.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["alpha", "delta-2000"]);
    assert_eq!((i.entries, i.skipped), (5, 3));
}

#[test]
fn every_field_is_kept_in_the_record() {
    let i = fixture();
    let alpha = &i.works[0];
    assert_eq!(alpha.title.as_deref(), Some("First"));
    assert_eq!(alpha.year.as_ref().and_then(|y| y.year), Some(1990));
    let r = &alpha.records[0];
    assert_eq!(r.get("ISBN"), Some("\"123\""));
    assert_eq!(r.get("abstract"), Some("\"A.\""));
    assert_eq!(r.entry_type, "book");
    assert!(r.raw().unwrap().starts_with("{\"id\": \"alpha\""));
    assert_eq!(alpha.origin.as_ref().map(ToString::to_string).as_deref(), Some("items.json:2:3"));
    assert_eq!(i.works[1].records[0].key, "Delta:2000");
}

#[test]
fn a_json_file_in_a_corpus_is_read_as_csl_json() {
    let text =
        std::fs::read_to_string(format!("{}/tests/fixtures/csl/items.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let corpus = Corpus::from_files([CorpusFile::new("c/items.json", text)]).unwrap();
    assert_eq!(corpus.works().len(), 2);
    assert_eq!(corpus.work("Delta:2000").map(|w| w.key.as_str()), Some("delta-2000"));
    assert_eq!(corpus.imports()[0].skipped, 3);
}

#[test]
fn a_file_that_is_not_csl_json_is_one_warning() {
    let i = import::csl_json(b"id: yaml", "x.json");
    assert_eq!(i.works.len(), 0);
    assert_eq!(i.diagnostics[0].code, "json-syntax");
    let truncated = import::csl_json(br#"[{"id": "a", "title": "T"}, {"id": "b", "#, "t.json");
    assert_eq!(truncated.works.len(), 1);
    assert_eq!(truncated.skipped, 1);
}

#[test]
fn pandoc_empty_and_odd_dates_load_the_entry_undated_with_a_note() {
    // What `pandoc --from=bibtex --to=csljson` writes for an entry without a year, and other
    // dates seen in the wild.
    let src = br#"[
  {"id": "nodate", "type": "book", "title": "Undated", "issued": {"date-parts": []}},
  {"id": "inner", "type": "book", "title": "Inner", "issued": {"date-parts": [[]]}},
  {"id": "blank", "type": "book", "title": "Blank", "issued": {}},
  {"id": "edtf", "type": "book", "title": "EDTF", "issued": "2001-05-12"},
  {"id": "circa", "type": "book", "title": "Circa", "issued": {"literal": "circa 1900"}},
  {"id": "ok", "type": "book", "title": "Fine", "issued": {"date-parts": [[1999]]}}
]"#;
    let i = import::csl_json(src, "pandoc.json");
    assert_eq!((i.entries, i.works.len(), i.skipped), (6, 6, 0));
    let years: Vec<Option<String>> = i.works.iter().map(|w| w.year.as_ref().map(|y| y.to_string())).collect();
    assert_eq!(years, [None, None, None, Some("2001, May 12".into()), None, Some("1999".into())]);
    let codes: Vec<(&str, Severity, &str)> =
        i.diagnostics.iter().map(|d| (d.code.as_str(), d.severity, d.subject.as_deref().unwrap())).collect();
    assert_eq!(
        codes,
        [
            ("empty-date", Severity::Note, "nodate"),
            ("empty-date", Severity::Note, "inner"),
            ("empty-date", Severity::Note, "blank"),
            ("unreadable-date", Severity::Warning, "circa"),
        ]
    );
    // The date as written stays in the record.
    assert_eq!(i.works[4].records[0].get("issued"), Some(r#"{"literal":"circa 1900"}"#));
    let corpus = Corpus::from_files([CorpusFile::new("pandoc.json", String::from_utf8_lossy(src))]).unwrap();
    assert_eq!(corpus.works().len(), 6);
}
