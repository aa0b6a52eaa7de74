//! Users' BibTeX files: each malformation in `tests/fixtures/bib/` loads every other entry
//! and reports exactly the bad one, with its code, line, column and key. Then `.bib` files
//! in a corpus: keys, aliases, edges to imported works, and works merged across sources.

use bibgraph::import::{self, Import};
use bibgraph::model::Name;
use bibgraph::{Corpus, CorpusFile, Severity};

fn fixture(name: &str) -> Import {
    let path = format!("{}/tests/fixtures/bib/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    import::bibtex(&bytes, name)
}

/// The warnings: (code, line, column, entry key).
fn warnings(i: &Import) -> Vec<(&str, u32, u32, &str)> {
    i.diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| {
            let at = d.location.as_ref().expect("every diagnostic is located");
            assert_eq!(&*at.file, i.file);
            (d.code.as_str(), at.line, at.column, d.subject.as_deref().unwrap_or(""))
        })
        .collect()
}

fn keys(i: &Import) -> Vec<&str> {
    i.works.iter().map(|w| w.key.as_str()).collect()
}

fn title<'a>(i: &'a Import, key: &str) -> Option<&'a str> {
    i.works.iter().find(|w| w.key.as_str() == key).and_then(|w| w.title.as_deref())
}

fn message<'a>(i: &'a Import, code: &str) -> &'a str {
    &i.diagnostics.iter().find(|d| d.code == code).expect("the diagnostic").message
}

#[test]
fn an_unbalanced_brace_skips_only_its_entry() {
    let i = fixture("unbalanced-brace.bib");
    assert_eq!(warnings(&i), [("unbalanced-brace", 10, 11, "beta")]);
    assert_eq!(keys(&i), ["alpha", "gamma"]);
    assert_eq!((i.entries, i.skipped), (3, 1));
    assert_eq!(title(&i, "gamma"), Some("Third"));
}

#[test]
fn a_stray_closing_brace_is_reported_and_the_entry_read_whole() {
    let i = fixture("stray-brace.bib");
    assert_eq!(warnings(&i), [("stray-brace", 8, 19, "beta")]);
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    let beta = &i.works[1];
    assert_eq!(beta.title.as_deref(), Some("Second"));
    assert_eq!(beta.year.as_ref().and_then(|y| y.year), Some(1991));
}

#[test]
fn a_missing_comma_is_reported_never_merged_silently() {
    let i = fixture("missing-comma.bib");
    assert_eq!(warnings(&i), [("missing-comma", 8, 19, "beta")]);
    assert_eq!(message(&i, "missing-comma"), "missing comma after field `title`");
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    let beta = &i.works[1];
    assert_eq!(beta.title.as_deref(), Some("Second"));
    assert_eq!(beta.year.as_ref().and_then(|y| y.year), Some(1991));
}

#[test]
fn an_unclosed_entry_ends_at_the_next_entry() {
    let i = fixture("unclosed-entry.bib");
    assert_eq!(warnings(&i), [("unclosed-entry", 2, 1, "alpha")]);
    assert_eq!(message(&i, "unclosed-entry"), "the entry is never closed; it is read up to line 4");
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    assert_eq!(i.works[0].year.as_ref().and_then(|y| y.year), Some(1990));
    assert!(i.works[0].records[0].raw().unwrap().ends_with("year = 1990,"));
}

#[test]
fn a_duplicate_key_points_at_both_entries() {
    let i = fixture("duplicate-key.bib");
    assert_eq!(warnings(&i), [("duplicate-key", 12, 7, "alpha")]);
    assert_eq!(message(&i, "duplicate-key"), "duplicate key `alpha` (first at 2:10); this entry is skipped");
    assert_eq!(keys(&i), ["alpha", "beta", "delta"]);
    assert_eq!(title(&i, "alpha"), Some("First"));
    assert_eq!((i.entries, i.skipped), (4, 1));
}

#[test]
fn a_duplicate_field_points_at_both_fields() {
    let i = fixture("duplicate-field.bib");
    assert_eq!(warnings(&i), [("duplicate-field", 10, 3, "beta")]);
    assert_eq!(message(&i, "duplicate-field"), "duplicate field `title` (first at 8:3); the first value is kept");
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    assert_eq!(title(&i, "beta"), Some("Second"));
}

#[test]
fn an_undefined_macro_is_a_warning_and_stands_for_its_name() {
    let i = fixture("undefined-macro.bib");
    assert_eq!(warnings(&i), [("undefined-macro", 11, 13, "beta")]);
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    let journals: Vec<Option<&str>> = i.works.iter().map(|w| w.container_title.as_deref()).collect();
    assert_eq!(journals, [Some("TUGboat"), Some("jnope 12"), Some("TUGboat")]);
}

#[test]
fn a_circular_crossref_is_one_diagnostic_naming_the_cycle() {
    let i = fixture("circular-crossref.bib");
    assert_eq!(warnings(&i), [("crossref-cycle", 15, 3, "gamma")]);
    assert_eq!(
        message(&i, "crossref-cycle"),
        "crossref cycle: `beta` -> `gamma` -> `beta`; the link from `gamma` to `beta` is ignored"
    );
    assert_eq!(keys(&i), ["alpha", "beta", "gamma", "delta"]);
    // The paper still inherits from its proceedings: the title as booktitle, the year.
    let alpha = &i.works[0];
    assert_eq!(alpha.container_title.as_deref(), Some("Whole"));
    assert_eq!(alpha.year.as_ref().and_then(|y| y.year), Some(1990));
    assert_eq!(alpha.records[0].get("booktitle"), None, "inherited, not the entry's own");
}

#[test]
fn invalid_utf8_is_located_and_the_entry_kept_with_a_lossy_value() {
    let i = fixture("invalid-utf8.bib");
    assert_eq!(warnings(&i), [("invalid-utf8", 8, 14, "beta")]);
    assert_eq!(keys(&i), ["alpha", "beta", "gamma"]);
    assert_eq!(i.works[1].authors, [Name::person("M\u{fffd}ller", Some("K."))]);
}

#[test]
fn strings_concatenation_preamble_and_comments() {
    let bib = br#"@preamble{ "\newcommand{\noop}[1]{}" # " % x" }
@comment{ @article{not, title = {an entry}} }
@string{ first = "Donald" , last = "Knuth" }
@string{ name = last # ", " # first # { E.} }
@Book{Knuth:TB, AUTHOR = name, Title = "The {\TeX}book", Year = "1984", Month = oct, Publisher = {Addison-Wesley}}
"#;
    let i = import::bibtex(bib, "s.bib");
    assert_eq!(warnings(&i), []);
    assert_eq!(i.preambles, ["\\newcommand{\\noop}[1]{} % x"]);
    assert_eq!(i.entries, 1);
    let w = &i.works[0];
    assert_eq!(w.key.as_str(), "knuth-tb");
    assert_eq!(w.authors, [Name::person("Knuth", Some("Donald E."))]);
    assert_eq!(w.title.as_deref(), Some("The TeXbook"));
    let year = w.year.as_ref().unwrap();
    assert_eq!((year.year, year.month), (Some(1984), Some(10)));
    // The record keeps every field as written, names lowercased, macros expanded.
    let fields: Vec<(&str, &str)> = w.records[0].fields().map(|f| (f.name, f.value)).collect();
    assert_eq!(
        fields,
        [
            ("author", "Knuth, Donald E."),
            ("title", "The {\\TeX}book"),
            ("year", "1984"),
            ("month", "October"),
            ("publisher", "Addison-Wesley")
        ]
    );
    assert_eq!(w.records[0].key, "Knuth:TB");
    assert_eq!(w.records[0].entry_type, "Book");
    let note = i.diagnostics.iter().find(|d| d.code == "key-normalised").unwrap();
    assert_eq!(note.severity, Severity::Note);
    assert_eq!(note.subject.as_deref(), Some("Knuth:TB"));
}

#[test]
fn keys_that_normalise_alike_get_a_suffix_naming_the_first() {
    let i = import::bibtex(b"@book{Smith:2000, title = {A}}\n@book{smith-2000, title = {B}}\n", "k.bib");
    assert_eq!(keys(&i), ["smith-2000", "smith-2000-2"]);
    assert_eq!(warnings(&i), [("key-collision", 2, 1, "smith-2000")]);
    assert_eq!(
        message(&i, "key-collision"),
        "work key `smith-2000` is taken by the entry at 1:1; this one is `smith-2000-2`"
    );
}

#[test]
fn unknown_fields_stay_in_the_record() {
    let i = import::bibtex(
        b"@article{k, title = {T}, bibdate = {Mon Jan 1}, keywords = {a; b}, abstract = {Long {text}.}}",
        "u.bib",
    );
    let r = &i.works[0].records[0];
    assert_eq!(r.get("bibdate"), Some("Mon Jan 1"));
    assert_eq!(r.get("keywords"), Some("a; b"));
    assert_eq!(r.get("abstract"), Some("Long {text}."));
    assert_eq!(
        r.raw(),
        Some("@article{k, title = {T}, bibdate = {Mon Jan 1}, keywords = {a; b}, abstract = {Long {text}.}}")
    );
    assert_eq!(i.works[0].origin.as_ref().map(ToString::to_string).as_deref(), Some("u.bib:1:1"));
}

const REFS: &str = "- Bourne R (1916) Trans-national America. *Atlantic Monthly* 118: 86–97.\n- Jessup PC (1956) *Transnational Law*. New Haven: Yale University Press.\n";

const BIB: &str = r#"@article{Bourne:TNA,
  author = {Randolph S. Bourne},
  title = {Trans-National {America}},
  journal = {The Atlantic Monthly},
  year = 1916,
  month = jul,
  volume = 118,
}

@book{Aron:1966,
  author = {Raymond Aron},
  title = {Peace and War},
  year = 1966,
  doi = {10.4324/9781315127309},
}
"#;

const DATA: &str = r#"edges:
  - from: bourne1916
    to: Aron:1966
    relation: succession
    provenance:
      source: jessup1956
      locator: p. 1
      note: a test edge
  - from: aron-1966
    to: jessup1956
    relation: influence
    provenance:
      source: jessup1956
      locator: p. 2
      note: a test edge
"#;

#[test]
fn bib_works_join_the_graph_and_duplicates_across_sources_merge() {
    let corpus = Corpus::from_files([
        CorpusFile::new("c/refs.txt", REFS),
        CorpusFile::new("c/user.bib", BIB),
        CorpusFile::new("c/data.yaml", DATA),
    ])
    .unwrap();
    // Bourne came from the reference list and from the .bib file: one work.
    let keys: Vec<&str> = corpus.works().iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["bourne1916", "jessup1956", "aron-1966"]);
    let bourne = corpus.work("bourne1916").unwrap();
    assert!(bourne.raw.as_deref().unwrap().starts_with("Bourne R (1916)"));
    assert_eq!(bourne.records.len(), 1);
    assert_eq!(bourne.records[0].key, "Bourne:TNA");
    // The reference list's fields win; the .bib file's fill the gaps and stay in the record.
    assert_eq!(bourne.container_title.as_deref(), Some("Atlantic Monthly"));
    assert_eq!(bourne.records[0].get("month"), Some("July"));
    let merged = corpus.diagnostics().iter().find(|d| d.code == "merged").unwrap();
    assert_eq!(merged.severity, Severity::Note);
    assert_eq!(
        merged.message,
        "`bourne-tna` (c/user.bib:1:1) is the same work as `bourne1916` (c/refs.txt:1:3): the same title, a year within one and a shared family name; merged into `bourne1916`, keeping both records"
    );
    // Edges may name imported works by their key, their key as written, or a merged key.
    assert_eq!(corpus.edges().len(), 2);
    assert_eq!(corpus.edges()[0].to.to_string(), "aron-1966");
    assert_eq!(corpus.work("Bourne:TNA").map(|w| w.key.as_str()), Some("bourne1916"));
    assert_eq!(corpus.work("bourne-tna").map(|w| w.key.as_str()), Some("bourne1916"));
    let summary = &corpus.imports()[0];
    assert_eq!((summary.file.as_str(), summary.entries, summary.works, summary.skipped), ("c/user.bib", 2, 2, 0));
}

#[test]
fn the_same_doi_merges_works_from_two_files() {
    let other = "@book{aron-peace, author = {Aron, R.}, title = {Paix et guerre entre les nations}, year = 1962, doi = {https://doi.org/10.4324/9781315127309}}";
    let corpus = Corpus::from_files([CorpusFile::new("c/a.bib", BIB), CorpusFile::new("c/b.bib", other)]).unwrap();
    assert_eq!(corpus.works().len(), 2);
    let aron = corpus.work("aron-peace").unwrap();
    assert_eq!(aron.key.as_str(), "aron-1966");
    assert_eq!(aron.records.len(), 2);
    let merged = corpus.diagnostics().iter().find(|d| d.code == "merged").unwrap();
    assert!(merged.message.contains("the same doi"), "{}", merged.message);
}

#[test]
fn a_bib_file_loads_as_a_whole_corpus() {
    let dir = format!("{}/tests/fixtures/bib/duplicate-key.bib", env!("CARGO_MANIFEST_DIR"));
    let corpus = Corpus::load(&dir).unwrap();
    assert_eq!(corpus.works().len(), 3);
    let w: Vec<&str> = corpus.warnings().map(|d| d.code.as_str()).collect();
    assert_eq!(w, ["duplicate-key"]);
}

const USER: &str = r#"@string{tub = "TUGboat"}
@Article{Knuth:1980:TB,
  AUTHOR = "Donald E. Knuth",
  title = "The {\TeX}book -- {A} Manual",
  journal = tub # " 1",
  year = "1980",
  month = oct,
  pages = "1--10",
  bibdate = "Mon Jan  1 00:00:00 MST 1996",
  abstract = {A {long}
    abstract.},
}

@inproceedings{part,
  author = {Erd{\H{o}}s, Paul},
  title = {A part},
  crossref = {whole},
}

@proceedings{whole,
  title = {The whole},
  year = 1990,
  publisher = {P},
}
"#;

/// The own fields of each work's BibTeX record, by work key.
fn own_fields(works: &[bibgraph::model::Work]) -> Vec<(String, Vec<(String, String)>)> {
    works
        .iter()
        .map(|w| {
            let fields = w.records[0].own_fields().map(|f| (f.name.to_string(), f.value.to_string())).collect();
            (w.key.to_string(), fields)
        })
        .collect()
}

#[test]
fn an_unchanged_entry_exports_with_its_fields_unchanged() {
    let first = import::bibtex(USER.as_bytes(), "user.bib");
    assert_eq!(warnings(&first), []);
    let corpus = Corpus::from_files([CorpusFile::new("c/user.bib", USER)]).unwrap();
    let bib = bibgraph::export::export(&corpus, bibgraph::export::Format::Biblatex).unwrap();
    let again = import::bibtex(bib.as_bytes(), "export.bib");
    assert_eq!(warnings(&again), [], "{bib}");
    // Every field comes back as written (macros expanded); the key as written is in `ids`.
    let mut expected = own_fields(&first.works);
    expected[0].1.push(("ids".to_string(), "Knuth:1980:TB".to_string()));
    assert_eq!(own_fields(&again.works), expected, "{bib}");
    for (a, b) in first.works.iter().zip(&again.works) {
        assert_eq!(a.key, b.key);
        assert_eq!(a.differing_fields(b), Vec::<&str>::new(), "{}", a.key);
    }
    // The file's `@string` comes first, as written; then the entries.
    assert!(
        bib.starts_with("@string{tub = \"TUGboat\"}\n\n@Article{knuth-1980-tb,\nauthor = {Donald E. Knuth},\n"),
        "{bib}"
    );
}

#[test]
fn a_changed_work_exports_its_new_fields_and_keeps_the_others() {
    let corpus = Corpus::from_files([CorpusFile::new("c/refs.txt", REFS), CorpusFile::new("c/user.bib", BIB)]).unwrap();
    let bourne = corpus.work("bourne1916").unwrap();
    let bib = bibgraph::export::biblatex::to_biblatex([bourne]);
    let again = import::bibtex(bib.as_bytes(), "export.bib");
    let w = &again.works[0];
    assert_eq!(w.key.as_str(), "bourne1916");
    // The reference list's fields, which the corpus keeps, replace the entry's.
    assert_eq!(w.title, bourne.title);
    assert_eq!(w.container_title.as_deref(), Some("Atlantic Monthly"));
    assert_eq!(w.raw, bourne.raw, "the reference list's text travels in verba");
    // The entry's fields that carry nothing the corpus changed come back as written.
    assert_eq!(w.records[0].get("volume"), Some("118"));
    assert_eq!(w.records[0].get("ids"), Some("Bourne:TNA"));
}

#[test]
fn records_survive_the_yaml_export() {
    let corpus = Corpus::from_files([CorpusFile::new("c/user.bib", USER)]).unwrap();
    let yaml = bibgraph::export::export(&corpus, bibgraph::export::Format::Yaml).unwrap();
    let back = Corpus::from_files([CorpusFile::new("c/works.yaml", yaml)]).unwrap();
    for (a, b) in corpus.works().iter().zip(back.works()) {
        assert_eq!(a.key, b.key);
        assert_eq!(a.differing_fields(b), Vec::<&str>::new());
        assert!(a.records[0].fields().eq(b.records[0].fields()));
        assert_eq!(a.records[0].raw(), b.records[0].raw());
    }
}

#[test]
fn an_unchanged_csl_item_exports_with_its_fields_unchanged() {
    let item = r#"[{"id": "Delta:2000", "type": "article-journal", "title": "Fourth", "issued": {"raw": "2000"}, "ISBN": "123", "custom": {"mine": 1}}]"#;
    let corpus = Corpus::from_files([CorpusFile::new("c/items.json", item)]).unwrap();
    let json = bibgraph::export::export(&corpus, bibgraph::export::Format::CslJson).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["id"], "delta-2000");
    assert_eq!(v[0]["issued"], serde_json::json!({"raw": "2000"}));
    assert_eq!(v[0]["ISBN"], "123");
    assert_eq!(v[0]["custom"]["mine"], 1);
    assert_eq!(v[0]["title"], "Fourth");
}
