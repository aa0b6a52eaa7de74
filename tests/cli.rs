//! The `bibgraph` command line, run as a user would run it.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `bibgraph` started with all three streams piped.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn bibgraph(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn ok(args: &[&str], stdin: Option<&str>) -> String {
    let out = bibgraph(args, stdin);
    assert!(out.status.success(), "bibgraph {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str], stdin: Option<&str>) -> Value {
    serde_json::from_str(&ok(args, stdin)).unwrap()
}

const CHAIN: [&str; 7] = [
    "bourne1916",
    "jessup1956",
    "aron1966",
    "nye-keohane1971",
    "glickschiller-etal1995",
    "portes1997",
    "portes-etal1999",
];

#[test]
fn lineage_bourne_to_portes_text_lists_the_chain_in_order() {
    let out = ok(&["lineage", "Bourne 1916", "Portes et al. 1999"], None);
    let steps: Vec<&str> = out.lines().filter(|l| l.starts_with(char::is_numeric)).collect();
    let authors: Vec<&str> = steps.iter().map(|l| l[7..].split(':').next().unwrap()).collect();
    assert_eq!(
        authors,
        ["Bourne", "Jessup", "Aron", "Nye and Keohane", "Glick Schiller et al.", "Portes", "Portes et al."]
    );
    let years: Vec<&str> = steps.iter().map(|l| l[..4].trim()).collect();
    assert_eq!(years, ["1916", "1956", "1966", "1971", "1995", "1997", "1999"]);
    for absent in ["Risse-Kappen", "Hobsbawm", "Saunier"] {
        assert!(!out.contains(absent), "{absent} is a side branch or a source on the history, not a step");
    }
    let first_link = out.lines().find(|l| l.starts_with("   |")).unwrap();
    assert_eq!(first_link, "   |  succession (not attested: the source gives the order, not an influence)");
}

#[test]
fn lineage_json_has_path_and_links_with_provenance() {
    let v = json(&["lineage", "Bourne 1916", "Portes et al. 1999", "--format", "json"], None);
    let keys: Vec<&str> = v["path"].as_array().unwrap().iter().map(|w| w["key"].as_str().unwrap()).collect();
    assert_eq!(keys, CHAIN);
    assert_eq!(v["path"][3]["authors"], serde_json::json!(["Nye", "Keohane"]));
    assert_eq!(v["path"][1]["discipline"], "law");
    assert_eq!(v["path"][1]["title"], "Transnational Law");
    let links = v["links"].as_array().unwrap();
    assert_eq!(links.len(), 6);
    assert_eq!(links[0]["relation"], "succession");
    assert_eq!(links[0]["attested"], false);
    assert_eq!(links[0]["locator"], "The career of a concept");
    assert_eq!(links[0]["quote"], "While Bourne was forgotten by all but the historians");
    assert_eq!(links[2]["relation"], "influence");
    assert_eq!(links[2]["attested"], true);
    for l in links {
        assert!(!l["evidence"].as_str().unwrap().is_empty());
    }
}

#[test]
fn lineage_names_work_by_key_and_by_citation_forms() {
    let v = json(&["lineage", "levitt1998", "Pérez-Armendáriz and Crow 2009", "--format", "json"], None);
    assert_eq!(v["path"][0]["key"], "levitt1998");
}

#[test]
fn unknown_and_ambiguous_names_fail_with_candidates() {
    let out = bibgraph(&["lineage", "Bourne 1916", "Portes 1998"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "error: no work matches `Portes 1998`; nearest: `Portes 1997`, `Portes et al. 1999`, `Portes et al. 2002`, `Moya 1998`, `Levitt 1998`\n");
    let out = bibgraph(&["lineage", "Glick Schiller et al. 1995", "Portes 1997"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: `Glick Schiller et al. 1995` matches 2 works: `glickschiller-etal1995` (Glick Schiller et al. 1995: Towards a Transnational Perspective on Migration: Race, Class, Ethnicity, and Nationalism Reconsidered), `glickschiller-etal1995-aq` (Glick Schiller et al. 1995: From immigrant to transmigrant: Theorizing transnational migration); name one by its key\n"
    );
}

#[test]
fn refs_parse_reads_the_seed_list_as_66_csl_items_in_order() {
    let list = include_str!("../corpus/waldinger-2011/references.txt");
    let v = json(&["refs", "parse", "--format", "csl-json", "--quiet"], Some(list));
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 66);
    assert_eq!(items[0]["id"], "alba-nee2003");
    assert_eq!(items[65]["id"], "zamudio2009");
    let bourne = &items[6];
    assert_eq!(bourne["type"], "article-journal");
    // Bare initials with their periods; `custom` says so, for reading back.
    assert_eq!(bourne["author"], serde_json::json!([{"family": "Bourne", "given": "R."}]));
    assert_eq!(bourne["custom"]["initials-dotted"], true);
    assert_eq!(bourne["issued"], serde_json::json!({"date-parts": [[1916]]}));
    assert_eq!(bourne["container-title"], "The Atlantic Monthly");
    assert_eq!(
        (bourne["volume"].as_str(), bourne["issue"].as_str(), bourne["page"].as_str()),
        (Some("118"), Some("1"), Some("86-97"))
    );
    let levitt = items.iter().find(|i| i["id"] == "levitt2001a").unwrap();
    assert_eq!(levitt["year-suffix"], "a");
    // Processors ignore `year-suffix`: the literal date keeps the letter.
    assert_eq!(levitt["issued"], serde_json::json!({"date-parts": [[2001]], "literal": "2001a"}));
    let burgess = items.iter().find(|i| i["id"] == "burgess2005").unwrap();
    assert_eq!(burgess["editor"], serde_json::json!([{"family": "Merz", "given": "B."}]));
    assert_eq!(burgess["publisher-place"], "Cambridge, MA");
    let pnud = items.iter().find(|i| i["id"] == "pnud2005").unwrap();
    assert_eq!(pnud["author"][0]["literal"], "PNUD (Programa de las Naciones Unidas para el Desarollo)");
}

#[test]
fn refs_parse_warns_on_stderr_and_keeps_raw_text() {
    let out = bibgraph(&["refs", "parse", "-", "--format", "json"], Some("- Vertovec Ś (2001) Conceiving it. *Journal* 1: 2–3.\n- Vertovec S (2004) Cheap calls. *Journal* 4: 5–6.\n- Vertovec S (2005) Later. *Journal* 5: 7–8.\n"));
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("warning[misprint]: initials `Ś` for Vertovec differ from `S` elsewhere in the list only by an accent at <stdin>:1:3"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["raw"], "Vertovec Ś (2001) Conceiving it. *Journal* 1: 2–3.");
}

#[test]
fn refs_parse_one_per_line_gives_one_item_per_line() {
    let input = "Alba R and Nee V (2003) Remaking the American Mainstream. Cambridge, MA: Harvard University Press.\n\nnot a reference at all\nAron R (1966) *Peace and War*. Garden City, NY: Doubleday.\n";
    let v = json(&["refs", "parse", "--one-per-line", "--quiet"], Some(input));
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1]["custom"]["raw"], "not a reference at all");
    assert_eq!(items[1]["custom"]["flags"][0]["kind"], "unparsed");
    assert_eq!(items[2]["title"], "Peace and War");
}

#[test]
fn concept_json_lists_senses_in_time_order_with_provenance() {
    let v = json(&["concept", "trans-statal", "--format", "json"], None);
    assert_eq!(v["id"], "trans-state");
    let senses = v["senses"].as_array().unwrap();
    assert_eq!(senses[0]["work"]["key"], "kearney1995");
    assert_eq!(senses[0]["locator"], "p. 548");
    assert_eq!(senses[0]["discipline"], "anthropology");
    let years: Vec<i64> = senses.iter().filter_map(|s| s["work"]["year"].as_str()?.parse().ok()).collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    assert!(v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["relation"] == "contrasts" && r["concept"] == "transnationalism"));
}

#[test]
fn check_json_counts_and_warnings() {
    let v = json(&["check", "--format", "json"], None);
    assert_eq!(v["works"], 69);
    assert!(v["concepts"].as_u64().unwrap() >= 20);
    assert!(v["edges"].as_u64().unwrap() >= 7);
    let warnings = v["warnings"].as_array().unwrap();
    let vertovec: Vec<&str> =
        warnings.iter().filter(|w| w["subject"] == "vertovec2001").map(|w| w["code"].as_str().unwrap()).collect();
    assert_eq!(vertovec, ["misprint", "inconsistent"]);
}

#[test]
fn a_corpus_with_an_unknown_work_fails_with_file_line_and_value() {
    let dir = std::env::temp_dir().join(format!("bibgraph-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("corpus.yaml"), "id: broken\nsource: jessup1956\n").unwrap();
    std::fs::write(
        dir.join("refs.txt"),
        "- Jessup P (1956) *Transnational Law*. New Haven, CT: Yale University Press.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("edges.yaml"),
        "edges:\n  - from: jessup1956\n    to: aron1966\n    relation: succession\n    provenance:\n      locator: somewhere\n      note: a test\n",
    )
    .unwrap();
    let out = bibgraph(&["--corpus", dir.to_str().unwrap(), "check"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let file = dir.join("edges.yaml");
    assert_eq!(err, format!(
            "error: invalid corpus (1 error): {f}:3:9: unknown work `aron1966`\nerror[unknown-work]: unknown work `aron1966` at {f}:3:9 (in `jessup1956 -> aron1966`)\n",
            f = file.display()
        ));
    let out = bibgraph(&["--corpus", dir.to_str().unwrap(), "lineage", "jessup1956", "jessup1956"], None);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("error: {}:3:9: unknown work `aron1966`\n", file.display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn work_keys_left_to_right(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let mut works: Vec<(f64, String)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("work"))
        .map(|g| {
            let rect = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            (rect.attribute("x").unwrap().parse().unwrap(), g.attribute("data-key").unwrap().to_string())
        })
        .collect();
    works.sort_by(|a, b| a.0.total_cmp(&b.0));
    works.into_iter().map(|w| w.1).collect()
}

#[test]
fn lineage_svg_draws_the_chain_left_to_right() {
    let svg = ok(&["lineage", "Bourne 1916", "Portes et al. 1999", "--format", "svg"], None);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}", &svg[..80]);
    assert_eq!(work_keys_left_to_right(&svg), CHAIN);
    assert!(svg.contains("<title id=\"picture-title\">Bourne 1916 to Portes et al. 1999: 7 works, 6 links (3 attested, 3 succession only)</title>"));
    // --no-titles leaves the works' titles out of the labels (they stay in the tooltips).
    let bare = ok(&["lineage", "Bourne 1916", "Portes et al. 1999", "--format", "svg", "--no-titles"], None);
    assert!(svg.contains(">Trans-national America</text>") && !bare.contains(">Trans-national America</text>"));
}

#[test]
fn graph_svg_selects_by_concept_and_years() {
    let svg = ok(&["graph", "--concept", "trans-statal"], None);
    assert_eq!(work_keys_left_to_right(&svg), ["kearney1995", "fox2005", "waldinger-sociopedia"]);
    let svg = ok(&["graph", "--from", "1916", "--to", "1966", "--format", "svg"], None);
    assert_eq!(work_keys_left_to_right(&svg), ["bourne1916", "jessup1956", "aron1966"]);
    let out = bibgraph(&["graph", "--from", "2100"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no works in the corpus match the selection (from 2100)\n"
    );
}

#[test]
fn export_writes_each_format_and_rejects_unknown_ones() {
    let graphml = ok(&["export", "--format", "graphml"], None);
    let doc = roxmltree::Document::parse(&graphml).expect("well-formed GraphML");
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    let check = json(&["check", "--format", "json"], None);
    assert_eq!(count("node") as u64, check["graph"][0].as_u64().unwrap());
    assert_eq!(count("edge") as u64, check["graph"][1].as_u64().unwrap());
    let v = json(&["export", "--format", "json"], None);
    assert_eq!(v["nodes"].as_array().unwrap().len() as u64, check["graph"][0].as_u64().unwrap());
    assert_eq!(v["links"].as_array().unwrap().len() as u64, check["graph"][1].as_u64().unwrap());
    assert!(ok(&["export", "--format", "dot"], None).starts_with("digraph \"waldinger-2011\" {"));

    let out = bibgraph(&["export", "--format", "svg"], None);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("invalid value 'svg'")
            && err.contains("[possible values: dot, graphml, json, biblatex, csl-json, yaml, ris]"),
        "{err}"
    );
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn reading_list_markdown_is_an_annotated_bibliography() {
    let corpus = fixture("reading");
    let out = ok(&["--corpus", &corpus, "reading-list", "Gamma 1970"], None);
    let expected = "# Reading list: Gamma 1970

What leads up to Gamma 1970, \u{201c}Third work\u{201d}.

4 works. Prerequisites first: each work comes after the works it draws on, and otherwise oldest first. References in APA Style 7th edition.

1. Alpha, A. (1950). *First Work*. Press.

   *Why:* cited by Gamma 1970.

2. Omega, O. (n.d.). *Undated manuscript*. Press.

   *Why:* starts the lineage that leads to Gamma 1970; idea carried into another field by Beta 1960.

3. Beta, B. (1960). Second work. *Journal of Tests*, *1*(2), 3–4.

   *Why:* on the lineage from Alpha 1950 to Gamma 1970; taken up by Gamma 1970.

4. Gamma, G. (1970). Third work. In E. Editor (Ed.), *The Edited Book* (pp. 10–20). Press.

   *Why:* the work this list leads up to.

   The chapter that gives the idea its definition.
";
    assert_eq!(out, expected);
}

#[test]
fn reading_list_says_how_an_ambiguous_topic_was_read_in_the_chosen_style() {
    let corpus = fixture("reading");
    let out = ok(
        &[
            "--corpus",
            &corpus,
            "reading-list",
            "politics",
            "--order",
            "chronological",
            "--style",
            "chicago-author-date",
        ],
        None,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[4], "Note: `politics` is both a concept and a section of Source 2020 (`Politics`): read as the concept, with the works the section draws on added.");
    assert_eq!(lines[6], "4 works. Oldest first. References in Chicago Manual of Style 18th edition (author-date).");
    assert_eq!(
        lines[8],
        "1. Gamma, G. 1970. \u{201c}Third Work.\u{201d} In *The Edited Book*, edited by E. Editor. Press."
    );
    let style = fixture("styles/minimal.csl");
    let out = ok(&["--corpus", &corpus, "reading-list", "politics", "--as", "section", "--style", &style], None);
    assert!(out.contains("\n1. Gamma (1970) *Third work*.\n"), "{out}");
    assert!(!out.contains("Note:"), "{out}");
}

#[test]
fn reading_list_json_has_topic_and_entries_with_reasons() {
    let v = json(&["reading-list", "homeland politics", "--order", "chronological", "--format", "json"], None);
    assert_eq!(v["topic"], "homeland politics");
    assert_eq!(v["kind"], "concept");
    let entries = v["entries"].as_array().unwrap();
    let keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    // Everything the section draws on, oldest first: Rosenstone and Hanson (1993) is there
    // through the article's `cites` edges only.
    assert_eq!(
        keys,
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
    assert_eq!(
        entries[2],
        serde_json::json!({
            "key": "anderson1998", "year": "1998", "authors": ["Anderson"], "title": "Long-distance nationalism",
            "why": ["cited in Homeland politics", "names long-distance nationalism"], "annotation": null
        })
    );
    assert_eq!(entries[1]["why"], serde_json::json!(["cited in Homeland politics"]));
    assert!(entries[3]["annotation"].as_str().unwrap().starts_with("A much-cited review"));
    assert!(entries.iter().all(|e| !e["why"].as_array().unwrap().is_empty()));
}

#[test]
fn reading_list_limit_and_other_formats() {
    let v = json(
        &["reading-list", "long-distance nationalism", "--order", "importance", "--limit", "2", "--format", "json"],
        None,
    );
    let keys: Vec<&str> = v["entries"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["waldinger-sociopedia", "anderson1998"]);
    let v = json(&["reading-list", "social remittances", "--format", "csl-json"], None);
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    // Pérez-Armendáriz and Crow are on a lineage link recorded for the concept (the works
    // `graph --concept` draws).
    assert_eq!(ids, ["levitt1998", "perezarmendariz-crow2009", "waldinger-sociopedia"]);
    let bib = ok(&["reading-list", "social remittances", "--format", "biblatex"], None);
    assert!(bib.starts_with("@article{levitt1998,\nauthor = {Levitt, P.},\n"), "{bib}");
    let out = bibgraph(&["reading-list", "Homeland politic"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(
            "error: no concept, work or section matches `Homeland politic`; nearest: `homeland politics`, "
        ),
        "{err}"
    );
    assert_eq!(err.matches("omeland politics").count(), 1, "{err}");
    let out = bibgraph(&["reading-list", "diaspora", "--style", "no-such-style"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("error: no citation style named `no-such-style`"));
}

#[test]
fn export_writes_the_whole_corpus_the_same_way_every_time() {
    for format in ["biblatex", "csl-json", "yaml"] {
        let first = ok(&["export", "--format", format], None);
        assert_eq!(first, ok(&["export", "--format", format], None), "{format}");
        assert!(first.contains("portes-etal1999"), "{format}");
    }
    let v = json(&["export", "--format", "csl-json"], None);
    assert_eq!(v.as_array().unwrap().len(), 69);
    let bib = ok(&["export", "--format", "biblatex"], None);
    assert_eq!(bib.matches("\n@").count() + 1, 69);
    // The YAML export is a corpus: load it and check it.
    let dir = std::env::temp_dir().join(format!("bibgraph-export-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("works.yaml"), ok(&["export", "--format", "yaml"], None)).unwrap();
    let v = json(&["--corpus", dir.to_str().unwrap(), "check", "--format", "json"], None);
    assert_eq!(v["works"], 69);
    std::fs::remove_dir_all(&dir).unwrap();
}

const PROBLEMS: &str = "tests/fixtures/cites/problems.md";

#[test]
fn cites_json_has_each_citation_and_the_uncited_references() {
    let v = json(&["cites", PROBLEMS, "--format", "json"], None);
    let citations = v["citations"].as_array().unwrap();
    assert_eq!(citations.len(), 20);
    assert_eq!(
        citations[5],
        serde_json::json!({
            "text": "(UN Development Program, 2009: 79)",
            "kind": "parenthetical",
            "line": 7,
            "column": 64,
            "authors": ["UN Development Program"],
            "et_al": false,
            "year": "2009",
            "locator": "79",
            "section": "Names",
            "work": "undp2009",
            "status": "tolerant",
            "problem": "organisation named by a variant of its name: UN Development Program for United Nations Development Program",
            "reasons": ["organisation-variant"],
        })
    );
    let truncated = &citations[19];
    assert_eq!((truncated["text"].as_str(), truncated["year"].is_null()), (Some("(Vertovec"), true));
    assert_eq!((truncated["work"].is_null(), truncated["status"].as_str()), (true, Some("truncated")));
    let statuses: Vec<&str> = citations.iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == "unresolved").count(), 5);
    assert_eq!(
        v["counts"],
        serde_json::json!({"citations": 20, "exact": 3, "tolerant": 11, "unresolved": 5, "truncated": 1, "references": 66, "uncited": 53})
    );
    let uncited: Vec<&str> = v["uncited"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(uncited.len(), 53);
    assert_eq!(uncited[..3], ["alba-nee2003", "anderson1998", "arias2009"]);
}

#[test]
fn cites_text_groups_by_section_with_the_problem_under_each_citation() {
    let out = ok(&["cites", PROBLEMS], None);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "tests/fixtures/cites/problems.md: 20 citations: 3 exact, 11 tolerant, 5 unresolved, 1 truncated; 53 of 66 references never cited"
    );
    assert_eq!(lines[2], "Names");
    assert_eq!(lines[3], "  5:32     tolerant   \u{201c}Schiller (2003)\u{201d}  ->  glickschiller2003");
    // A truncated citation is quoted, so its open bracket is not the output's.
    let truncated = out.lines().find(|l| l.contains(" truncated ")).unwrap();
    assert!(truncated.contains(" \u{201c}(") && truncated.contains("\u{201d}"), "{truncated}");
    assert_eq!(lines[4], "                      compound family name given in part: Schiller for Glick Schiller");
    assert!(out.contains("\nreferences never cited:\n  alba-nee2003"), "{out}");
    let one = ok(&["cites", "-"], Some("As argued (Aron, 1966)."));
    assert!(one.starts_with("<stdin>: 1 citation: 1 exact,"), "{one}");
}

#[test]
fn cites_corpus_yaml_writes_cites_edges_that_a_corpus_loads() {
    let out = ok(&["cites", "tests/fixtures/cites/forms.md", "--format", "corpus-yaml"], None);
    assert!(out.contains(
        "  - from: waldinger-sociopedia\n    to: portes-etal1999\n    relation: cites\n    locator: \"219\"\n    provenance:\n      locator: \"Parentheses\"\n      quote: \"(Portes et al., 1999: 219)\"\n"
    ), "{out}");
    assert!(out.contains("      note: \"only the year is cited; the prose before it names Bourne\"\n"), "{out}");
    assert!(out.ends_with("# Not stored: citations that resolve to no work, or to the citing work itself.\n#   line 32: (Vertovec, (truncated): the parenthesis never closes and gives no year after Vertovec, so no work can be told; the corpus has Vertovec 2001 (vertovec2001), Vertovec 2004 (vertovec2004)\n"), "{out}");
    // The output is a corpus file: the built-in corpus plus it loads.
    let dir = std::env::temp_dir().join(format!("bibgraph-cites-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/waldinger-2011");
    for f in ["corpus.yaml", "references.txt", "works.yaml"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("cites.yaml"), &out).unwrap();
    let v = json(&["--corpus", dir.to_str().unwrap(), "work", "Fox 2005", "--format", "json"], None);
    assert_eq!(
        v["cited-by"],
        serde_json::json!([{"source": "waldinger-sociopedia", "section": "Parentheses", "locator": "p. 172", "text": "(Fox, 2005, p. 172)", "note": null}])
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cites_fails_with_the_file_name_when_it_cannot_read() {
    let out = bibgraph(&["cites", "no/such/file.md"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("error: cannot read no/such/file.md: "));
}

#[test]
fn work_shows_where_and_how_often_the_article_cites_it() {
    let out = ok(&["work", "Anderson 1998"], None);
    assert!(out.starts_with("key: anderson1998\n"), "{out}");
    assert!(
        out.ends_with("\ncited once by Waldinger n.d. (waldinger-sociopedia), in:\n  Homeland politics (1)\n    (Anderson, 1998)\n"),
        "{out}"
    );
    let out = ok(&["work", "Mattelart 2009"], None);
    assert!(out.ends_with(
        "\ncited 2 times by Waldinger n.d. (waldinger-sociopedia), in:\n  Social connectivity (2)\n    (Mattelart, 2009: 12), at 12\n      page 12 is outside the pages its reference gives (1-2)\n    (Mattelart, 2009: 30), at 30\n      page 30 is outside the pages its reference gives (1-2)\n"
    ), "{out}");
    let v = json(&["work", "portes-etal1999", "--format", "json"], None);
    assert_eq!(v["key"], "portes-etal1999");
    let sections: Vec<&str> =
        v["cited-by"].as_array().unwrap().iter().map(|c| c["section"].as_str().unwrap()).collect();
    assert_eq!(sections, ["The career of a concept", "Social connectivity"]);
    // Portes 1997 is cited once, in the prose ('a widely read 1997 article').
    let v = json(&["work", "portes1997", "--format", "json"], None);
    assert_eq!(v["cited-by"].as_array().map(Vec::len), Some(1));
    // The one reference the article never cites (its only citation is truncated).
    let v = json(&["work", "vertovec2004", "--format", "json"], None);
    assert!(v.get("cited-by").is_none());
}

#[test]
fn check_a_bib_file_reports_its_import_and_each_bad_entry() {
    let file = format!("{}/tests/fixtures/bib/unbalanced-brace.bib", env!("CARGO_MANIFEST_DIR"));
    let out = ok(&["--corpus", &file, "check"], None);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "read 1 file: 1 bib");
    assert_eq!(lines[2], format!("{file}: 3 entries, 2 works, 1 skipped, 72 bytes of text outside entries, 1 warning"));
    assert_eq!(lines[3], "1 warning, 0 notes");
    assert_eq!(
        lines[4],
        format!("warning[unbalanced-brace]: field `title`: the `{{` here is never closed (the value runs on into the fields after it); the entry is skipped at {file}:10:11 (in `beta`)")
    );
    let v = json(&["--corpus", &file, "check", "--format", "json"], None);
    assert_eq!(v["imports"][0]["skipped"], 1);
    assert_eq!(v["imports"][0]["format"], "bibtex");
    // A work from the .bib file, by its key.
    let work = json(&["--corpus", &file, "work", "gamma", "--format", "json"], None);
    assert_eq!(work["title"], "Third");
    assert_eq!(
        work["records"][0]["raw"],
        "@book{gamma,\n  author = {Gamma, G.},\n  title = {Third},\n  year = 1992,\n}"
    );
}

/// Runs `bibgraph` with `stdin` written from another thread (so that a streaming command
/// can write while it reads).
fn bibgraph_piped(args: &[&str], stdin: String) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || input.write_all(stdin.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

const SEED_LIST: &str = include_str!("../corpus/waldinger-2011/references.txt");

#[test]
fn refs_parse_streams_the_same_records_as_the_whole_list() {
    // Shorter than a chunk: the same bytes, warnings included, in every format.
    for format in ["csl-json", "json", "yaml", "jsonl"] {
        let streamed = bibgraph_piped(&["refs", "parse", "--format", format], SEED_LIST.to_string());
        let whole = bibgraph_piped(&["refs", "parse", "--whole", "--format", format], SEED_LIST.to_string());
        assert!(streamed.status.success() && whole.status.success());
        assert_eq!(String::from_utf8_lossy(&streamed.stdout), String::from_utf8_lossy(&whole.stdout), "{format}");
        assert_eq!(String::from_utf8_lossy(&streamed.stderr), String::from_utf8_lossy(&whole.stderr), "{format}");
    }
    // Ten times the list, so several chunks: valid output in every format, the same records
    // in the same order, keys unique across the chunks.
    let long = format!("{SEED_LIST}\n").repeat(10);
    let records = |format: &str, whole: bool| -> Vec<Value> {
        let mut args = vec!["refs", "parse", "--quiet", "--format", format];
        if whole {
            args.push("--whole");
        }
        let out = bibgraph_piped(&args, long.clone());
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        match format {
            "jsonl" => text.lines().map(|l| serde_json::from_str(l).unwrap()).collect(),
            "yaml" => serde_yaml::from_str(&text).unwrap(),
            _ => serde_json::from_str(&text).unwrap(),
        }
    };
    let fields = |v: &[Value], id: &str| -> Vec<(Value, Value)> {
        v.iter().map(|r| (r[id].clone(), r["title"].clone())).collect()
    };
    let whole = records("jsonl", true);
    assert_eq!(whole.len(), 660);
    let keys: std::collections::BTreeSet<String> = whole.iter().map(|r| r["key"].to_string()).collect();
    assert_eq!(keys.len(), 660, "keys are unique");
    for format in ["json", "yaml", "jsonl"] {
        assert_eq!(fields(&records(format, false), "key"), fields(&whole, "key"), "{format}");
    }
    let csl = records("csl-json", false);
    assert_eq!(fields(&csl, "id"), fields(&records("csl-json", true), "id"));
}

#[test]
fn refs_parse_writes_records_before_its_input_ends() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["refs", "parse", "--quiet", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = child.stdout.take().unwrap();
    // Five times the list: more than one chunk, and stdin stays open.
    input.write_all(format!("{SEED_LIST}\n").repeat(5).as_bytes()).unwrap();
    input.flush().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = [0u8; 8];
        let got = output.read_exact(&mut first).map(|_| first);
        let _ = tx.send(got.map(|b| b.to_vec()));
        let _ = std::io::copy(&mut output, &mut std::io::sink());
    });
    let first = rx.recv_timeout(std::time::Duration::from_secs(60)).expect("no record before the input ended");
    assert_eq!(String::from_utf8(first.unwrap()).unwrap(), "{\"key\":\"");
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn refs_parse_reads_bytes_that_are_not_utf8() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["refs", "parse", "--quiet", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"- Jessup P (1956) Transnational Law\xff. New Haven, CT: Yale University Press.\n").unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Transnational Law\u{fffd}");
}

#[test]
fn refs_parse_explain_and_parser_choice() {
    let input = "丸山眞男 (1961)『日本の思想』岩波書店.\n";
    // The rules alone keep the entry raw; the default hands it to the model.
    let rules = json(&["refs", "parse", "--parser", "rules-only", "--quiet"], Some(input));
    assert_eq!(rules[0]["custom"]["flags"][0]["kind"], "unparsed");
    let default = json(&["refs", "parse", "--quiet"], Some(input));
    assert_eq!(default[0]["issued"]["date-parts"][0][0], 1961);
    let learned = json(&["refs", "parse", "--parser", "learned", "--quiet"], Some(input));
    assert_eq!(learned[0]["title"], default[0]["title"]);
    // --explain: the entry, then one line per token with its label and a score in [0, 1].
    let out = ok(&["refs", "parse", "--explain", "--one-per-line"], Some("Name A., 2013, MNRAS, 431, 824\n"));
    let rows: Vec<Vec<&str>> =
        out.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.iter().map(|r| r[0]).collect::<Vec<_>>(), ["Name", "A.,", "2013,", "MNRAS,", "431,", "824"]);
    assert_eq!(rows[0][1], "author");
    assert_eq!(rows[2][1], "date");
    assert!(rows.iter().all(|r| r[2].parse::<f32>().is_ok_and(|s| (0.0..=1.0).contains(&s))), "{out}");
    let bad = bibgraph(&["refs", "parse", "--parser", "nonsense"], Some(""));
    assert_eq!(bad.status.code(), Some(2));
}
