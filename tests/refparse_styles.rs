//! One reference per common author-date style, each with the record it must give,
//! written by hand in `tests/fixtures/styles.yaml`.

use bibgraph::model::Name;
use bibgraph::refparse::parse_reference;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Case {
    style: String,
    input: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    authors: Vec<(String, String)>,
    #[serde(default)]
    editors: Vec<(String, String)>,
    year: String,
    title: Option<String>,
    container_title: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    publisher: Option<String>,
    place: Option<String>,
    url: Option<String>,
    doi: Option<String>,
}

fn pairs(names: &[Name]) -> Vec<(String, String)> {
    names.iter().map(|n| (n.family().to_string(), n.given().unwrap_or("").to_string())).collect()
}

#[test]
fn each_style_gives_its_record() {
    let cases: Vec<Case> = serde_yaml::from_str(include_str!("fixtures/styles.yaml")).unwrap();
    assert_eq!(cases.len(), 11);
    let mut failures = Vec::new();
    for c in &cases {
        let input = c.input.trim_start_matches("[12] ");
        let w = parse_reference(input);
        let got = (
            w.kind.to_string(),
            pairs(&w.authors),
            pairs(&w.editors),
            w.year.as_ref().map(|y| y.to_string()).unwrap_or_default(),
            (w.title.clone(), w.container_title.clone(), w.volume.clone(), w.issue.clone(), w.pages.clone()),
            (w.publisher.clone(), w.place.clone(), w.url.clone(), w.doi.clone()),
        );
        let want = (
            c.kind.clone(),
            c.authors.clone(),
            c.editors.clone(),
            c.year.clone(),
            (c.title.clone(), c.container_title.clone(), c.volume.clone(), c.issue.clone(), c.pages.clone()),
            (c.publisher.clone(), c.place.clone(), c.url.clone(), c.doi.clone()),
        );
        if got != want {
            failures.push(format!("{}:\n  got  {got:?}\n  want {want:?}", c.style));
        }
        assert!(w.flags.is_empty(), "{}: unexpected flags {:?}", c.style, w.flags);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_numbered_list_keeps_its_references_apart() {
    let list = "[1] Jessup, P. (1956). Transnational law. New Haven, CT: Yale University Press.\n[2] Levitt, Peggy. 2001. The Transnational Villagers. Berkeley: University of California Press.\n";
    let parsed = bibgraph::refparse::parse_list(list, "n.txt", &Default::default());
    let keys: Vec<&str> = parsed.works().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["jessup1956", "levitt2001"]);
}
