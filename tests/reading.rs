//! Reading lists: which works, in which order, and why; on a small fixture corpus whose
//! every answer can be worked out by hand, and on the built-in Waldinger corpus.

use bibgraph::reading::{Order, ReadingList, ReadingOptions, Topic, TopicKind};
use bibgraph::{Corpus, CorpusFile, ErrorKind};
use std::path::Path;

fn fixture() -> Corpus {
    Corpus::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reading")).unwrap()
}

fn list<'c>(corpus: &'c Corpus, topic: &str, order: Order) -> ReadingList<'c> {
    let found = corpus.find_topic(topic, None).unwrap();
    corpus.reading_list(&found, &ReadingOptions::default().order(order)).unwrap()
}

fn keys(list: &ReadingList<'_>) -> Vec<String> {
    list.entries.iter().map(|e| e.work.key.to_string()).collect()
}

fn why<'a>(list: &'a ReadingList<'_>, key: &str) -> Vec<&'a str> {
    let entry = list.entries.iter().find(|e| e.work.key.as_str() == key).unwrap_or_else(|| panic!("{key} missing"));
    entry.why.iter().map(String::as_str).collect()
}

// --- the fixture: tests/fixtures/reading ------------------------------------------------

#[test]
fn a_concept_brings_its_senses_its_narrower_forms_and_their_lineage_ancestors() {
    let c = fixture();
    let l = list(&c, "idea", Order::Chronological);
    assert_eq!(keys(&l), ["alpha1950", "beta1960", "gamma1970", "epsilon1975", "delta1980", "omegand"]);
    assert_eq!(why(&l, "alpha1950"), ["names idea"]);
    assert_eq!(why(&l, "gamma1970"), ["defines idea"]);
    assert_eq!(why(&l, "delta1980"), ["critique of idea"]);
    assert_eq!(why(&l, "epsilon1975"), ["uses sub-idea (narrower than idea)"]);
    // Beta and Omega define nothing: they are on the lineage leading up to Gamma.
    assert_eq!(why(&l, "beta1960"), ["on the lineage from Alpha 1950 to Gamma 1970", "taken up by Gamma 1970"]);
    assert_eq!(
        why(&l, "omegand"),
        ["starts the lineage that leads to Gamma 1970", "idea carried into another field by Beta 1960"]
    );
    // Zeta is on another concept, the source cites Epsilon but is not on the list.
    assert!(!keys(&l).iter().any(|k| k == "zeta1990" || k == "source2020"));
    assert_eq!(l.label, "idea");
    assert!(l.notes.is_empty());
}

/// Lineage order is Kahn's algorithm taking the oldest available work first. Omega (no
/// date, so last by date) must come before Beta, which it leads to; so Beta waits, and
/// Epsilon (1975, no prerequisite) comes before it.
#[test]
fn lineage_order_puts_prerequisites_first_then_the_oldest() {
    let c = fixture();
    let l = list(&c, "idea", Order::Lineage);
    assert_eq!(keys(&l), ["alpha1950", "epsilon1975", "omegand", "beta1960", "gamma1970", "delta1980"]);
    // Works off the list do not hold it back: Gamma's prerequisites (Alpha, Omega, Beta)
    // are not on this list, so Gamma comes first, and Delta, which criticises it, after.
    let l = list(&c, "politics", Order::Lineage);
    assert_eq!(keys(&l), ["gamma1970", "epsilon1975", "delta1980", "zeta1990"]);
}

/// The ranking graph of the fixture, by hand: works and concepts credit each other
/// (alpha, gamma, delta <-> idea; epsilon <-> sub-idea; idea <-> sub-idea; zeta <->
/// politics), later works credit earlier ones (beta -> alpha, beta -> omega, gamma ->
/// beta, delta -> gamma), citing works the cited (gamma -> alpha, source -> epsilon).
/// The scores below are that graph's personalised PageRank (d = 0.85) restarting at
/// `idea`, computed separately by 500 plain power iterations over that edge list.
#[test]
fn importance_is_personalised_pagerank_seeded_on_the_topic() {
    let c = fixture();
    let l = list(&c, "idea", Order::Importance);
    assert_eq!(keys(&l), ["alpha1950", "gamma1970", "delta1980", "epsilon1975", "beta1960", "omegand"]);
    let expected = [0.136838, 0.123779, 0.086862, 0.057795, 0.035071, 0.014905];
    for (e, want) in l.entries.iter().zip(expected) {
        let got = e.score.unwrap();
        assert!((got - want).abs() < 1e-6, "{}: {got} != {want}", e.work.key);
    }
    // Restarting at the work Gamma instead.
    let l = list(&c, "Gamma 1970", Order::Importance);
    assert_eq!(keys(&l), ["gamma1970", "alpha1950", "beta1960", "omegand"]);
    let expected = [0.260953, 0.164478, 0.073937, 0.031423];
    for (e, want) in l.entries.iter().zip(expected) {
        assert!((e.score.unwrap() - want).abs() < 1e-6, "{}", e.work.key);
    }
}

#[test]
fn a_work_brings_what_it_cites_and_its_lineage_ancestors() {
    let c = fixture();
    let l = list(&c, "Gamma 1970", Order::Lineage);
    assert_eq!(keys(&l), ["alpha1950", "omegand", "beta1960", "gamma1970"]);
    assert_eq!(why(&l, "gamma1970"), ["the work this list leads up to"]);
    assert_eq!(why(&l, "alpha1950"), ["cited by Gamma 1970"]);
    assert_eq!(why(&l, "beta1960"), ["on the lineage from Alpha 1950 to Gamma 1970", "taken up by Gamma 1970"]);
    assert_eq!(keys(&list(&c, "gamma1970", Order::Chronological)), ["alpha1950", "beta1960", "gamma1970", "omegand"]);
}

#[test]
fn a_section_brings_the_works_of_every_claim_located_there() {
    let c = fixture();
    let l = list(&c, "origins", Order::Chronological);
    assert_eq!(l.topic.topic, Topic::Section("Origins".into()));
    assert_eq!(l.label, "Origins");
    assert_eq!(keys(&l), ["alpha1950", "beta1960", "gamma1970", "omegand"]);
    assert_eq!(
        why(&l, "alpha1950"),
        ["followed by Beta 1960 (succession; no influence attested)", "cited by Gamma 1970", "names idea"]
    );
    assert_eq!(why(&l, "gamma1970"), ["takes up Beta 1960", "cites Alpha 1950", "defines idea"]);
    // A section lists what it draws on: no lineage ancestors are added.
    assert_eq!(why(&l, "omegand"), ["idea carried into another field by Beta 1960"]);
}

#[test]
fn a_name_that_is_a_concept_and_a_section_reads_as_the_concept_with_the_section_added() {
    let c = fixture();
    let l = list(&c, "Politics", Order::Chronological);
    assert_eq!(l.topic.topic, Topic::Concept("politics".into()));
    assert_eq!(l.topic.also, [Topic::Section("Politics".into())]);
    assert_eq!(
        l.notes,
        ["`politics` is both a concept and a section of Source 2020 (`Politics`): read as the concept, with the works the section draws on added"]
    );
    assert_eq!(keys(&l), ["gamma1970", "epsilon1975", "delta1980", "zeta1990"]);
    assert_eq!(why(&l, "zeta1990"), ["uses politics"]);
    assert_eq!(why(&l, "epsilon1975"), ["cited in Politics", "uses sub-idea"]);
    assert_eq!(why(&l, "delta1980"), ["criticises Gamma 1970", "critique of idea"]);
    // Forcing one reading.
    let concept = c.find_topic("Politics", Some(TopicKind::Concept)).unwrap();
    assert!(concept.also.is_empty());
    let only = c.reading_list(&concept, &ReadingOptions::default()).unwrap();
    assert_eq!(keys(&only), ["zeta1990"]);
    let section = c.find_topic("politics", Some(TopicKind::Section)).unwrap();
    assert_eq!(section.topic, Topic::Section("Politics".into()));
}

#[test]
fn limit_keeps_the_most_important_then_orders_them() {
    let c = fixture();
    let found = c.find_topic("idea", None).unwrap();
    let l = c.reading_list(&found, &ReadingOptions::default().order(Order::Chronological).limit(Some(3))).unwrap();
    // The three most important are alpha, gamma and delta; then oldest first.
    assert_eq!(keys(&l), ["alpha1950", "gamma1970", "delta1980"]);
}

#[test]
fn unknown_topics_fail_with_the_nearest_names() {
    let c = fixture();
    let err = c.find_topic("idaa", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        err.to_string(),
        "no concept, work or section matches `idaa`; nearest: `idea`, `Title`, `sub-idea`, `Origins`, `politics`"
    );
    let err = c.find_topic("Origin", Some(TopicKind::Concept)).unwrap_err();
    assert!(err.to_string().starts_with("no concept matches `Origin`"), "{err}");
}

// --- the built-in corpus --------------------------------------------------------------

#[test]
fn long_distance_nationalism_lists_anderson_and_the_works_discussed_with_it() {
    let c = Corpus::builtin().unwrap();
    let l = list(&c, "long-distance nationalism", Order::Chronological);
    assert_eq!(
        keys(&l),
        [
            "gans1979",
            "anderson1998",
            "ghorashi2004",
            "burgess2005",
            "nohlen-grotz2007",
            "itzigsohn-villacres2008",
            "waldinger-sociopedia"
        ]
    );
    assert_eq!(why(&l, "anderson1998"), ["names long-distance nationalism"]);
    assert_eq!(why(&l, "gans1979"), ["names symbolic ethnicity (narrower than long-distance nationalism)"]);
    assert_eq!(
        why(&l, "waldinger-sociopedia")[..2],
        ["critique of long-distance nationalism", "defines long-distance nationalism"]
    );
    assert!(l.entries.iter().all(|e| !e.why.is_empty()));
}

#[test]
fn homeland_politics_lists_what_the_section_draws_on_oldest_first() {
    let c = Corpus::builtin().unwrap();
    let l = list(&c, "homeland politics", Order::Chronological);
    // Rosenstone and Hanson (1993) come in through the article's `cites` edges alone.
    assert_eq!(
        keys(&l),
        [
            "gans1979",
            "rosenstone-hanson1993",
            "anderson1998",
            "ostergaardnielsen2003",
            "ghorashi2004",
            "nohlen-grotz2007",
            "fitzgerald2009",
            "waldinger-sociopedia"
        ]
    );
    assert_eq!(why(&l, "gans1979"), ["cited in Homeland politics", "names symbolic ethnicity"]);
    assert_eq!(why(&l, "fitzgerald2009"), ["cited in Homeland politics", "uses emigration state"]);
    assert_eq!(why(&l, "rosenstone-hanson1993"), ["cited in Homeland politics"]);
    assert_eq!(l.notes.len(), 1);
    assert!(l.entries.iter().all(|e| !e.why.is_empty()));
    // Read as the section alone, the article itself is not on the list.
    let section = c.find_topic("homeland politics", Some(TopicKind::Section)).unwrap();
    let only = c.reading_list(&section, &ReadingOptions::default().order(Order::Chronological)).unwrap();
    assert_eq!(keys(&only)[..], keys(&l)[..7]);
}

#[test]
fn what_leads_up_to_portes_1999_in_lineage_order() {
    let c = Corpus::builtin().unwrap();
    let l = list(&c, "Portes et al. 1999", Order::Lineage);
    assert_eq!(
        keys(&l),
        [
            "bourne1916",
            "jessup1956",
            "aron1966",
            "nye-keohane1971",
            "gupta-ferguson1992",
            "glickschiller-etal1995",
            "portes1997",
            "portes-etal1999"
        ]
    );
    assert_eq!(
        why(&l, "jessup1956"),
        [
            "on the lineage from Bourne 1916 to Portes et al. 1999",
            "idea carried into another field by Glick Schiller et al. 1995"
        ]
    );
    assert_eq!(
        why(&l, "bourne1916"),
        [
            "starts the lineage that leads to Portes et al. 1999",
            "followed by Jessup 1956 (succession; no influence attested)"
        ]
    );
}

/// The branch that adds in-text citations records them as `cites` edges from the article,
/// located in the section that cites: Rosenstone and Hanson (1993) is cited in Homeland
/// politics but linked to nothing in the corpus yet.
#[test]
fn cites_edges_from_the_article_join_the_section_list() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/waldinger-2011");
    let mut files: Vec<CorpusFile> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| CorpusFile::new(p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.push(CorpusFile::new(
        "cites.yaml",
        "edges:\n  - from: waldinger-sociopedia\n    to: rosenstone-hanson1993\n    relation: cites\n    provenance:\n      locator: Homeland politics\n      quote: \"(Rosenstone and Hanson, 1993)\"\n",
    ));
    let c = Corpus::from_files(files).unwrap();
    let l = list(&c, "homeland politics", Order::Chronological);
    assert_eq!(keys(&l)[..2], ["gans1979", "rosenstone-hanson1993"]);
    assert_eq!(why(&l, "rosenstone-hanson1993"), ["cited in Homeland politics"]);
}
