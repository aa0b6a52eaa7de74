//! Invalid corpora fail with the exact error, naming file, line, column and value; valid
//! ones load. Each corpus is built in memory from a small valid base, changed in one place.

use bibgraph::lineage::{LineageOptions, PathChoice};
use bibgraph::model::{ConceptId, Relation};
use bibgraph::{Corpus, CorpusFile, ErrorKind};

const MANIFEST: &str = "id: test\nsource: source2010\n";
const REFS: &str = "- Alpha A (1950) First work. City: Press.\n- Beta B (1960) Second work. *Journal* 1(2): 3–4.\n- Gamma G (1970) Third work. City: Press.\n- Delta D (1980) Fourth work. City: Press.\n";
const DATA: &str = r#"works:
  - key: source2010
    type: article-journal
    authors: [{family: Source, given: S}]
    year: 2010
    title: The source
    provenance:
      locator: title page
      note: the corpus's own source
concepts:
  - id: idea
    label: idea
    alt-labels: [the idea]
    senses:
      - work: alpha1950
        kind: names
        locator: p. 1
        quote: "an idea"
        provenance:
          locator: Section one
          quote: "Alpha named an idea"
edges:
  - from: alpha1950
    to: beta1960
    relation: succession
    concept: idea
    provenance:
      locator: Section one
      quote: "then Beta"
  - from: beta1960
    to: gamma1970
    relation: influence
    concept: idea
    provenance:
      locator: Section two
      quote: "Gamma took it from Beta"
  - from: alpha1950
    to: gamma1970
    relation: transmission
    provenance:
      locator: Section two
      note: carried across fields
  - from: gamma1970
    to: delta1980
    relation: critique
    concept: idea
    provenance:
      locator: Section three
      quote: "Delta argued against Gamma"
"#;

fn corpus(data: &str) -> Result<Corpus, bibgraph::Error> {
    Corpus::from_files([
        CorpusFile::new("t/corpus.yaml", MANIFEST),
        CorpusFile::new("t/refs.txt", REFS),
        CorpusFile::new("t/data.yaml", data),
    ])
}

fn error_of(data: &str) -> bibgraph::Error {
    corpus(data).expect_err("the corpus should be rejected")
}

#[test]
fn the_base_corpus_loads() {
    let c = corpus(DATA).unwrap();
    assert_eq!(c.works().len(), 5);
    assert_eq!(c.concepts().len(), 1);
    assert_eq!(c.edges().len(), 4);
    assert_eq!(c.work("beta1960").unwrap().container_title.as_deref(), Some("Journal"));
}

#[test]
fn unknown_work_names_file_line_column_and_value() {
    let e = error_of(&DATA.replace("to: gamma1970\n    relation: influence", "to: gamma1907\n    relation: influence"));
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert_eq!(e.to_string(), "t/data.yaml:31:9: unknown work `gamma1907` (did you mean `gamma1970`?)");
    assert_eq!(e.diagnostics().len(), 1);
    assert_eq!(e.diagnostics()[0].code, "unknown-work");
}

#[test]
fn unknown_concept_is_located() {
    let e = error_of(&DATA.replacen("concept: idea", "concept: ideas", 1));
    assert_eq!(e.to_string(), "t/data.yaml:26:14: unknown concept `ideas` (did you mean `idea`?)");
}

#[test]
fn unknown_work_in_a_sense_is_located() {
    let e = error_of(&DATA.replace("- work: alpha1950", "- work: alfa1950"));
    assert_eq!(e.to_string(), "t/data.yaml:15:15: unknown work `alfa1950` (did you mean `alpha1950`?)");
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let e = error_of(&DATA.replace("from: beta1960", "from: beta1906").replace("to: delta1980", "to: delta1908"));
    let codes: Vec<(&str, u32)> =
        e.diagnostics().iter().map(|d| (d.code.as_str(), d.location.as_ref().unwrap().line)).collect();
    assert_eq!(codes, [("unknown-work", 30), ("unknown-work", 44)]);
    assert!(e.to_string().ends_with("(and 1 more error)"), "{e}");
}

#[test]
fn duplicate_work_key_points_at_both_places() {
    let e = error_of(&DATA.replace("- key: source2010", "- key: alpha1950"));
    assert_eq!(
        e.to_string(),
        "t/data.yaml:2:10: duplicate work key `alpha1950` (first at t/refs.txt:1:3) (and 1 more error)"
    );
    // The manifest's `source` no longer names a work: the second error.
    let codes: Vec<&str> = e.diagnostics().iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["duplicate-key", "unknown-work"]);
}

#[test]
fn duplicate_concept_id_is_an_error() {
    let doubled = DATA.replace("edges:", "  - id: idea\n    label: again\nedges:");
    let e = error_of(&doubled);
    assert_eq!(e.diagnostics()[0].code, "duplicate-key");
    assert_eq!(e.to_string(), "t/data.yaml:22:9: duplicate concept id `idea` (first at t/data.yaml:11:9)");
}

#[test]
fn unknown_relation_is_a_located_syntax_error() {
    let e = error_of(&DATA.replace("relation: influence", "relation: influnce"));
    assert_eq!(e.kind(), ErrorKind::Syntax);
    let loc = e.location().unwrap();
    assert_eq!((&*loc.file, loc.line, loc.column), ("t/data.yaml", 32, 15));
    assert!(e.message().contains("unknown variant `influnce`"), "{e}");
}

#[test]
fn malformed_year_is_located_at_the_value() {
    let e = error_of(&DATA.replace("year: 2010", "year: 201O"));
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert_eq!(e.to_string(), "t/data.yaml:5:11: works[0]: malformed year `201O`");
}

#[test]
fn provenance_without_evidence_is_an_error() {
    let e = error_of(&DATA.replace("      note: carried across fields\n", ""));
    assert_eq!(e.diagnostics()[0].code, "no-evidence");
    assert_eq!(e.location().unwrap().line, 40);
}

#[test]
fn a_concept_relation_on_an_edge_is_rejected() {
    let e = error_of(&DATA.replace("relation: critique", "relation: broader"));
    assert_eq!(e.diagnostics()[0].code, "wrong-relation");
    assert_eq!(e.location().unwrap().line, 45);
}

#[test]
fn an_edge_back_in_time_is_a_warning_and_lineage_skips_it() {
    let data = DATA.replace("  - from: gamma1970\n    to: delta1980", "  - from: delta1980\n    to: gamma1970");
    let c = corpus(&data).unwrap();
    let w: Vec<&str> = c.warnings().map(|d| d.code.as_str()).collect();
    assert_eq!(w, ["backward-in-time"]);
    assert_eq!(c.lineage("gamma1970", "delta1980", &LineageOptions::default()).unwrap_err().kind(), ErrorKind::NoPath);
}

#[test]
fn lineage_takes_the_fullest_path_unless_asked_for_the_shortest() {
    let c = corpus(DATA).unwrap();
    let full = c.lineage("alpha1950", "delta1980", &LineageOptions::default()).unwrap();
    let keys: Vec<&str> = full.path.iter().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["alpha1950", "beta1960", "gamma1970", "delta1980"]);
    let rels: Vec<(Relation, bool)> = full.links.iter().map(|l| (l.relation, l.attested)).collect();
    assert_eq!(rels, [(Relation::Succession, false), (Relation::Influence, true), (Relation::Critique, true)]);
    assert_eq!(full.links[1].provenance.quote.as_deref(), Some("Gamma took it from Beta"));
    let short = c.lineage("alpha1950", "delta1980", &LineageOptions::default().choice(PathChoice::Shortest)).unwrap();
    let keys: Vec<&str> = short.path.iter().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["alpha1950", "gamma1970", "delta1980"]);
}

#[test]
fn lineage_can_follow_one_concept_only() {
    let c = corpus(DATA).unwrap();
    let opts = LineageOptions::default().concept(Some(ConceptId::new("idea"))).choice(PathChoice::Shortest);
    let l = c.lineage("alpha1950", "delta1980", &opts).unwrap();
    assert_eq!(l.path.len(), 4, "the untagged transmission shortcut is not an edge of `idea`");
}

#[test]
fn a_cycle_is_reported_whole() {
    let data = DATA.replace("edges:\n", "edges:\n  - from: gamma1970\n    to: beta1960\n    relation: succession\n    provenance:\n      locator: x\n      note: a loop\n");
    // gamma1970 -> beta1960 goes back in time and is skipped; force a same-year cycle instead.
    let refs = REFS.replace("Gamma G (1970)", "Gamma G (1960)");
    let data = data.replace("gamma1970", "gamma1960");
    let c = Corpus::from_files([
        CorpusFile::new("t/corpus.yaml", MANIFEST),
        CorpusFile::new("t/refs.txt", refs),
        CorpusFile::new("t/data.yaml", data),
    ])
    .unwrap();
    let e = c.lineage("alpha1950", "delta1980", &LineageOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cycle);
    assert!(
        e.to_string() == "the lineage edges form a cycle: beta1960 -> gamma1960 -> beta1960"
            || e.to_string() == "the lineage edges form a cycle: gamma1960 -> beta1960 -> gamma1960",
        "{e}"
    );
}

#[test]
fn ancestors_and_descendants_follow_lineage_edges_in_time_order() {
    let c = corpus(DATA).unwrap();
    let a: Vec<&str> = c.ancestors("delta1980", None).unwrap().iter().map(|w| w.key.as_str()).collect();
    assert_eq!(a, ["alpha1950", "beta1960", "gamma1970"]);
    let d: Vec<&str> = c.descendants("beta1960", None).unwrap().iter().map(|w| w.key.as_str()).collect();
    assert_eq!(d, ["gamma1970", "delta1980"]);
}

#[test]
fn names_resolve_by_citation_and_unknown_names_list_candidates() {
    let c = corpus(DATA).unwrap();
    assert_eq!(c.find_work("Beta 1960").unwrap().key.as_str(), "beta1960");
    assert_eq!(c.find_work("gamma1970").unwrap().key.as_str(), "gamma1970");
    let e = c.find_work("Beta 1961").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.candidates()[0], "Beta 1960");
    assert_eq!(c.find_concept("The Idea").unwrap().id.as_str(), "idea");
    assert_eq!(c.find_concept("ideal").unwrap_err().candidates()[0], "idea");
}

#[test]
fn a_bad_reference_entry_does_not_sink_the_list() {
    let refs = format!("{REFS}%%% garbage line with no year\n- Epsilon E (1990) Fifth work. City: Press.\n");
    let c = Corpus::from_files([
        CorpusFile::new("t/corpus.yaml", MANIFEST),
        CorpusFile::new("t/refs.txt", refs),
        CorpusFile::new("t/data.yaml", DATA),
    ])
    .unwrap();
    assert!(c.work("epsilon1990").is_some());
    // The garbage is kept, raw, inside the entry it follows, and flagged there.
    let delta = c.work("delta1980").unwrap();
    assert!(delta.raw.as_deref().unwrap().ends_with("%%% garbage line with no year"));
    let kinds: Vec<&str> = delta.flags.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, ["suspect-field"]);
    assert!(c.warnings().any(|d| d.code == "suspect-field" && d.subject.as_deref() == Some("delta1980")));
}
