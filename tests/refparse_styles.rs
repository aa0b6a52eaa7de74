//! One reference per common author-date style and form, each with the one record it must
//! give, written by hand in `tests/fixtures/styles.yaml`. Each case is read as a list of one
//! line (so a leading citation number is a list marker), must give exactly one record, and
//! that record must equal the expected one field by field; a failure names the case by its
//! `style` label.

use bibgraph::model::{Name, PersonName, Work};
use bibgraph::refparse::{parse_list, ParseOptions};
use serde::Deserialize;
use std::collections::BTreeSet;

const FIXTURES: &str = include_str!("fixtures/styles.yaml");

/// A name as written in the fixtures: `[family, given]`, or a full name.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum NameSpec {
    Pair(String, String),
    Full(Name),
}

impl NameSpec {
    fn name(&self) -> Name {
        match self {
            NameSpec::Pair(family, given) => Name::Person(PersonName {
                family: family.clone(),
                given: Some(given.clone()).filter(|g| !g.is_empty()),
                ..Default::default()
            }),
            NameSpec::Full(n) => n.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Case {
    style: String,
    input: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    authors: Vec<NameSpec>,
    #[serde(default)]
    editors: Vec<NameSpec>,
    year: String,
    title: Option<String>,
    container_title: Option<String>,
    collection_title: Option<String>,
    number: Option<String>,
    genre: Option<String>,
    edition: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    publisher: Option<String>,
    place: Option<String>,
    url: Option<String>,
    doi: Option<String>,
    note: Option<String>,
    #[serde(default)]
    flags: Vec<String>,
    /// Why the parser does not yet give this record: the case is expected to differ, and
    /// the test fails when it no longer does (so the mark is removed with the fix).
    pending: Option<String>,
}

fn cases() -> Vec<Case> {
    serde_yaml::from_str(FIXTURES).unwrap()
}

/// What differs between the record parsed from the case's input and the expected one.
fn differences(c: &Case) -> Vec<String> {
    let list = parse_list(&c.input, "case.txt", &ParseOptions::default());
    let works: Vec<&Work> = list.works().collect();
    let [w] = works[..] else {
        return vec![format!("{} records instead of one", works.len())];
    };
    let mut diffs = Vec::new();
    let mut check = |field: &str, got: String, want: String| {
        if got != want {
            diffs.push(format!("{field}: got {got}, want {want}"));
        }
    };
    let names = |ns: &[NameSpec]| ns.iter().map(NameSpec::name).collect::<Vec<_>>();
    check("type", w.kind.to_string(), c.kind.clone());
    check("authors", format!("{:?}", w.authors), format!("{:?}", names(&c.authors)));
    check("editors", format!("{:?}", w.editors), format!("{:?}", names(&c.editors)));
    check("year", w.year.as_ref().map(ToString::to_string).unwrap_or_default(), c.year.clone());
    // Every other field: a field the case does not list must be empty.
    macro_rules! each {
        ($($f:ident),*) => {$(check(stringify!($f), format!("{:?}", w.$f), format!("{:?}", c.$f));)*};
    }
    each!(
        title,
        container_title,
        collection_title,
        number,
        genre,
        edition,
        volume,
        issue,
        pages,
        publisher,
        place,
        url,
        doi,
        note
    );
    let flags: BTreeSet<&str> = w.flags.iter().map(|f| f.kind.as_str()).collect();
    let want_flags: BTreeSet<&str> = c.flags.iter().map(String::as_str).collect();
    if flags != want_flags {
        diffs.push(format!("flags: got {:?}, want {want_flags:?}", w.flags));
    }
    let line = c.input.trim();
    if !w.raw.as_deref().is_some_and(|raw| line.ends_with(raw)) {
        diffs.push(format!("raw: {:?} is not the end of the input", w.raw));
    }
    diffs
}

#[test]
fn each_style_and_form_gives_its_record() {
    let cases = cases();
    let mut failures = Vec::new();
    for c in &cases {
        let diffs = differences(c);
        match (&c.pending, diffs.is_empty()) {
            (None, false) => failures.push(format!("{}\n  input: {}\n  {}", c.style, c.input, diffs.join("\n  "))),
            (Some(_), true) => failures.push(format!("{}\n  now gives its record: remove `pending`", c.style)),
            (Some(why), false) => eprintln!("pending: {} ({why})", c.style),
            (None, true) => {}
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn every_case_has_a_unique_label() {
    let cases = cases();
    let labels: BTreeSet<&str> = cases.iter().map(|c| c.style.as_str()).collect();
    assert_eq!(labels.len(), cases.len(), "two cases share a label");
}

#[test]
fn a_numbered_list_keeps_its_references_apart() {
    let list = "[1] Jessup, P. (1956). Transnational law. New Haven, CT: Yale University Press.\n[2] Levitt, Peggy. 2001. The Transnational Villagers. Berkeley: University of California Press.\n";
    let parsed = parse_list(list, "n.txt", &Default::default());
    let keys: Vec<&str> = parsed.works().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["jessup1956", "levitt2001"]);
}
