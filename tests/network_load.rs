//! Loading Pajek files and CSV edge lists into a network, with their reports.

use bibgraph::network::{load_files, Direction, LoadOptions};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/network/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn pajek_reads_arcs_arcslists_labels_and_years() {
    let (net, report) = load_files(&[fixture("toy.net")], &LoadOptions::default()).unwrap();
    assert_eq!((net.len(), net.citation_count()), (6, 7));
    let f = &report.files[0];
    assert_eq!((f.format.as_str(), f.records, f.cited_references, f.matched, f.cited_only), ("pajek", 6, 7, 7, 0));
    let delta = net.find("4").unwrap();
    assert_eq!(net.label(delta), Some("Delta 1995"));
    assert_eq!(net.year(delta), Some(1995));
    assert_eq!(net.label(net.find("6").unwrap()), Some("Zeta"));
    let refs: Vec<&str> = net.references(net.find("6").unwrap()).iter().map(|&w| net.id(w)).collect();
    assert_eq!(refs, ["4", "5"]);
    // Arcs run from newer to older works: read as they stand, and the note says so.
    assert!(f.skipped.iter().any(|d| d.code == "arc-direction" && d.message.contains("citing -> cited")));
}

#[test]
fn histcite_direction_is_detected_from_years_and_can_be_forced() {
    let (net, report) = load_files(&[fixture("histcite-like.net")], &LoadOptions::default()).unwrap();
    let f = &report.files[0];
    // "4 1" names no vertex: skipped with its line.
    let bad = f.skipped.iter().find(|d| d.code == "pajek-bad-arc").unwrap();
    assert_eq!(bad.location.as_ref().unwrap().line, 8);
    // 1 -> 2 -> 3 with years 1980, 1985, 1990: cited -> citing, turned round.
    let (a, b) = (net.find("1").unwrap(), net.find("2").unwrap());
    assert_eq!(net.references(b), &[a]);
    let mut options = LoadOptions::default();
    options.direction = Direction::CitingToCited;
    let (net, _) = load_files(&[fixture("histcite-like.net")], &options).unwrap();
    assert_eq!(net.references(a), &[b]);
}

#[test]
fn edge_list_reads_quotes_skips_the_header_and_reports_bad_lines() {
    let (net, report) = load_files(&[fixture("edges.csv")], &LoadOptions::default()).unwrap();
    let f = &report.files[0];
    assert_eq!(f.format, "edges");
    assert_eq!((f.records, f.cited_references, f.skipped.len()), (6, 4, 1));
    assert_eq!(f.skipped[0].location.as_ref().unwrap().line, 6);
    assert!(net.find("citing").is_none());
    let w4 = net.find("W4, part 2").unwrap();
    assert_eq!(net.references(w4), &[net.find("W3").unwrap()]);
    assert!(net.find("say \"hi\"").is_some());
}

#[test]
fn an_unknown_format_is_an_error_naming_the_file() {
    let path = std::env::temp_dir().join(format!("bibgraph-net-{}.bin", std::process::id()));
    std::fs::write(&path, b"\x00\x01 nothing").unwrap();
    let err = load_files(&[&path], &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("cannot tell the format"), "{err}");
    std::fs::remove_file(&path).ok();
}
