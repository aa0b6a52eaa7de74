//! `bibgraph mainpath` and `bibgraph histcite` end to end.

use std::process::Command;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/network/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bibgraph")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn mainpath_json_names_works_by_their_ids() {
    let file = fixture("hummon-doreian.net");
    let (ok, out, err) =
        run(&["mainpath", &file, "--direction", "cited-to-citing", "--weight", "spc", "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // SPC local forward: 1 -> 2 (3) -> 3 (3) -> 4 (2) -> 6 (1) or 7 (1): ties to the lower index.
    assert_eq!(v["path"], serde_json::json!(["1", "2", "3", "4", "6", "7"]));
    let first = &v["links"][0];
    assert_eq!(
        (&first["from"], &first["to"], &first["weight"]),
        (&serde_json::json!("1"), &serde_json::json!("2"), &serde_json::json!(3.0))
    );
    assert!((first["log10_weight"].as_f64().unwrap() - 3f64.log10()).abs() < 1e-12);
    assert_eq!(v["total_paths"], 4.0);

    let (ok, out, _) = run(&[
        "mainpath",
        &file,
        "--direction",
        "cited-to-citing",
        "--method",
        "key-route",
        "--top",
        "1",
        "--format",
        "text",
    ]);
    assert!(ok);
    assert!(out.starts_with("Main path (key-route, top 1, SPC)"), "{out}");
}

#[test]
fn histcite_ranks_by_local_citations_and_draws_svg() {
    let file = fixture("toy.net");
    let (ok, out, err) = run(&["histcite", &file, "--top", "3", "--format", "text"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    // Alpha (cited by Beta and Gamma) and Delta (by Epsilon and Zeta) have LCS 2.
    assert!(lines[2].contains("1990  1  Alpha 1990"), "{out}");
    assert!(lines[3].contains("1995  4  Delta 1995"), "{out}");
    let (ok, svg, _) = run(&["histcite", &file, "--top", "3"]);
    assert!(ok && svg.starts_with("<svg"));
}

#[test]
fn an_unreadable_network_is_a_one_line_error() {
    let (ok, _, err) = run(&["mainpath", "/nonexistent/net.csv", "--input-format", "edges"]);
    assert!(!ok);
    assert!(err.starts_with("error: cannot read"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// toy.net: 6 cites 4 and 5, 5 cites 4, 4 cites 2 and 3, 2 and 3 cite 1.
#[test]
fn lineage_over_a_network_is_the_fewest_step_chain_of_citations() {
    let file = fixture("toy.net");
    let (ok, out, err) = run(&["lineage", "1", "6", "--network", &file, "--format", "json"]);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(v["steps"], 3);
    let path: Vec<&str> = v["path"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!((path[0], path[2], path[3]), ("1", "4", "6"), "{out}");
    assert!(["2", "3"].contains(&path[1]));
    // Every step runs forward in time: the later work cites the earlier one.
    for link in v["links"].as_array().unwrap() {
        assert_eq!(link["citing"], link["to"], "{out}");
    }
    assert_eq!(v["works"][0]["label"], "Alpha 1990");
    assert_eq!(v["works"][0]["year"], 1990);

    let (ok, out, _) = run(&["lineage", "4", "6", "--network", &file]);
    assert!(ok);
    assert!(out.starts_with("From Delta 1995 to Zeta by citations: 1 step"), "{out}");
    assert!(out.contains("| cited by"), "{out}");

    let (ok, svg, err) = run(&["lineage", "1", "6", "--network", &file, "--format", "svg"]);
    assert!(ok && svg.starts_with("<svg"), "{err}");
}

#[test]
fn lineage_over_a_network_says_what_is_wrong() {
    let file = fixture("toy.net");
    let (ok, _, err) = run(&["lineage", "6", "1", "--network", &file]);
    assert!(!ok);
    assert!(err.contains("give the earlier work first"), "{err}");
    let (ok, _, err) = run(&["lineage", "1", "99", "--network", &file]);
    assert!(!ok && err.contains("no work `99` in the network"), "{err}");
    let (ok, _, err) = run(&["lineage", "1", "6", "--network", &file, "--concept", "x"]);
    assert!(!ok && err.contains("--concept does not apply"), "{err}");
    let (ok, _, err) = run(&["--corpus", &file, "lineage", "1", "6", "--network", &file]);
    assert!(!ok && err.contains("not both"), "{err}");
}

#[test]
fn a_reading_list_over_a_network_ranks_the_works_a_work_builds_on() {
    let file = fixture("toy.net");
    // Ancestors of 6: 4 and 5 cite-steps 1, 2 and 3 steps 2, 1 step 3. By LCS, 1 and 4
    // (two citers each) lead; 4 is nearer.
    let (ok, out, err) =
        run(&["reading-list", "6", "--network", &file, "--limit", "2", "--order", "importance", "--format", "json"]);
    assert!(ok, "{err}");
    let v = json(&out);
    let keys: Vec<&str> = v["entries"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["w6", "w4", "w1"], "{out}");
    assert_eq!(v["entries"][1]["why"][0], "cited by Zeta");
    assert_eq!(v["entries"][1]["why"][1], "cited by 2 works of the network");
    assert!(v["entries"][2]["why"][0].as_str().unwrap().starts_with("3 citation steps back from Zeta: cited by "));

    // Prerequisites first: 1 before the works citing it, the topic last.
    let (ok, out, _) = run(&["reading-list", "6", "--network", &file, "--format", "json"]);
    assert!(ok);
    let keys: Vec<String> =
        json(&out)["entries"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap().to_string()).collect();
    assert_eq!(keys.len(), 6);
    assert_eq!((keys[0].as_str(), keys[3].as_str(), keys[5].as_str()), ("w1", "w4", "w6"), "{keys:?}");

    let (ok, md, err) = run(&["reading-list", "6", "--network", &file, "--rank", "pagerank"]);
    assert!(ok, "{err}");
    assert!(md.contains("Alpha 1990") && md.contains("PageRank"), "{md}");

    let (ok, _, err) = run(&["reading-list", "6", "--network", &file, "--as", "concept"]);
    assert!(!ok && err.contains("the topic is a work"), "{err}");
}
