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
    let link = &v["links"][0];
    assert_eq!(
        (&link["from"], &link["to"], &link["weight"]),
        (&serde_json::json!("1"), &serde_json::json!("2"), &serde_json::json!(3.0))
    );
    // JSON's shortest decimal may come back one unit in the last place off.
    assert!((link["log10_weight"].as_f64().unwrap() - 3f64.log10()).abs() < 1e-12, "{link}");
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
