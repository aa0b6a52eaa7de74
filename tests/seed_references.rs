//! The seed article's reference list, as printed, parses to exactly the 66 works written
//! by hand in `tests/fixtures/waldinger-2011/references.expected.yaml`, every field right.

use bibgraph::model::{Name, Work};
use bibgraph::refparse::{parse_list, ParseOptions, SegmentKind};
use serde::Deserialize;
use std::collections::BTreeSet;

const LIST: &str = include_str!("../corpus/waldinger-2011/references.txt");
const EXPECTED: &str = include_str!("fixtures/waldinger-2011/references.expected.yaml");

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Expected {
    key: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    authors: Vec<Name>,
    #[serde(default)]
    editors: Vec<Name>,
    year: String,
    title: Option<String>,
    container_title: Option<String>,
    collection_title: Option<String>,
    number: Option<String>,
    genre: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    publisher: Option<String>,
    place: Option<String>,
    url: Option<String>,
    note: Option<String>,
    #[serde(default)]
    flags: Vec<String>,
}

fn actual(w: &Work) -> Expected {
    Expected {
        key: w.key.to_string(),
        kind: w.kind.to_string(),
        authors: w.authors.clone(),
        editors: w.editors.clone(),
        year: w.year.as_ref().map(|y| y.to_string()).unwrap_or_default(),
        title: w.title.clone(),
        container_title: w.container_title.clone(),
        collection_title: w.collection_title.clone(),
        number: w.number.clone(),
        genre: w.genre.clone(),
        volume: w.volume.clone(),
        issue: w.issue.clone(),
        pages: w.pages.clone(),
        publisher: w.publisher.clone(),
        place: w.place.clone(),
        url: w.url.clone(),
        note: w.note.clone(),
        flags: w.flags.iter().map(|f| f.kind.clone()).collect::<BTreeSet<_>>().into_iter().collect(),
    }
}

#[test]
fn seed_reference_list_gives_66_works_every_field_right() {
    let expected: Vec<Expected> = serde_yaml::from_str(EXPECTED).unwrap();
    let list = parse_list(LIST, "references.txt", &ParseOptions::default());
    let got: Vec<Expected> = list.works().map(actual).collect();
    let mut diffs = Vec::new();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        if g != e {
            diffs.push(format!("entry {} ({}):\n  got      {g:?}\n  expected {e:?}", i + 1, e.key));
        }
    }
    assert!(diffs.is_empty(), "{} entries differ:\n{}", diffs.len(), diffs.join("\n"));
    assert_eq!(got.len(), 66);
    assert_eq!(expected.len(), 66);
}

#[test]
fn seed_reference_list_loses_no_character() {
    let list = parse_list(LIST, "references.txt", &ParseOptions::default());
    let mut pos = 0;
    for seg in &list.segments {
        assert_eq!(seg.span.start, pos, "segments must tile the input");
        let text = &LIST[seg.span.clone()];
        match seg.kind {
            SegmentKind::Entry(i) => assert_eq!(list.references[i].work.raw.as_deref(), Some(text)),
            SegmentKind::Whitespace => assert!(text.trim().is_empty()),
            SegmentKind::Marker => assert!(text.chars().all(|c| c.is_whitespace() || c == '-'), "{text:?}"),
            SegmentKind::Heading => assert_eq!(text, "#### References"),
        }
        pos = seg.span.end;
    }
    assert_eq!(pos, LIST.len());
}
