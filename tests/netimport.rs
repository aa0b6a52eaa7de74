//! Importers of citation-data exports into the network, on hand-made fixtures
//! (tests/fixtures/netimport: invented works), and on the real exports in
//! ../shared/data/bibexports (ignored by default: they are not in the repository).

use bibgraph::netimport::MatchReason;
use bibgraph::network::{load_files, LoadOptions, LoadReport, Network};
use bibgraph::Severity;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/netimport").join(name)
}

fn load(paths: &[PathBuf]) -> (Network, LoadReport) {
    load_files(paths, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// (records, cited references, matched, cited-only, skipped) of a load.
fn counts(r: &LoadReport) -> (usize, usize, usize, usize, usize) {
    let skipped = r.diagnostics().filter(|d| d.severity >= Severity::Warning).count();
    (r.records(), r.cited_references(), r.matched(), r.cited_only(), skipped)
}

/// A network as sets of works (id, in the set, year) and citations (citing id, cited id).
type Canon = (Vec<(String, bool, Option<i32>)>, Vec<(String, String)>);

fn canon(net: &Network) -> Canon {
    let mut works: Vec<_> =
        (0..net.len() as u32).map(|w| (net.id(w).to_string(), net.in_set(w), net.year(w))).collect();
    let mut cites: Vec<_> = (0..net.len() as u32)
        .flat_map(|w| net.references(w).iter().map(move |&t| (net.id(w).to_string(), net.id(t).to_string())))
        .collect();
    works.sort();
    cites.sort();
    (works, cites)
}

fn reasons(r: &LoadReport) -> Vec<MatchReason> {
    let mut v: Vec<MatchReason> = r.matches.iter().map(|m| m.reason).collect();
    v.sort_by_key(|m| m.name());
    v
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bibgraph-netimport-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn wos_plain_text_counts_and_reasons() {
    let (net, report) = load(&[fixture("wos_plain.txt")]);
    assert_eq!(report.files[0].format, "wos-plain");
    assert_eq!(counts(&report), (4, 12, 5, 7, 0));
    // Four records and five distinct cited-only works: Kuhn and Price are each cited twice.
    assert_eq!((net.len(), net.citation_count()), (9, 12));
    assert_eq!(
        reasons(&report),
        vec![
            MatchReason::AuthorYearSourceVolume,
            MatchReason::AuthorYearSourceVolumePage,
            MatchReason::Doi,
            MatchReason::Doi,
            MatchReason::Doi
        ]
    );
    let kuhn = (0..net.len() as u32).find(|&w| net.label(w) == Some("Kuhn 1962")).expect("Kuhn is a cited-only work");
    assert_eq!((net.in_set(kuhn), net.citers(kuhn).len()), (false, 2));
    let roe = net.find("WOS:000000000000001").unwrap();
    assert_eq!((net.year(roe), net.label(roe), net.gcs(roe)), (Some(2001), Some("Roe 2001"), Some(9)));
    assert_eq!(net.title(roe), Some("Citation flows in a made-up field: a first look"));
    // NR says 5 where 4 CR lines are printed: a note, not a loss.
    assert!(report.files[0].skipped.iter().any(|d| d.code == "reference-count" && d.severity == Severity::Note));
}

#[test]
fn wos_plain_and_tab_delimited_copies_give_the_same_network() {
    let (plain, plain_report) = load(&[fixture("wos_plain.txt")]);
    let (tab, tab_report) = load(&[fixture("wos_tab.txt")]);
    assert_eq!(tab_report.files[0].format, "wos-tab");
    assert_eq!(counts(&plain_report), counts(&tab_report));
    assert_eq!(canon(&plain), canon(&tab));
    // Without FN/VR/EF lines, with LF ends; and the tab-delimited copy in UTF-16LE.
    let text = std::fs::read_to_string(fixture("wos_plain.txt")).unwrap();
    let bare: String = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !(l.starts_with("FN ") || l.starts_with("VR ") || *l == "EF"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (bare_net, _) = load(&[temp("bare.txt", bare.as_bytes())]);
    assert_eq!(canon(&bare_net), canon(&plain));
    let tab_text = std::fs::read_to_string(fixture("wos_tab.txt")).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(tab_text.trim_start_matches('\u{feff}').encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (utf16_net, utf16_report) = load(&[temp("utf16.txt", &utf16)]);
    assert_eq!(utf16_report.files[0].format, "wos-tab");
    assert_eq!(canon(&utf16_net), canon(&plain));
}

#[test]
fn both_copies_loaded_together_are_one_set() {
    let (net, report) = load(&[fixture("wos_plain.txt"), fixture("wos_tab.txt")]);
    let (single, _) = load(&[fixture("wos_plain.txt")]);
    assert_eq!(canon(&net), canon(&single));
    assert_eq!(report.files[1].skipped.iter().filter(|d| d.code == "duplicate-record").count(), 4);
    assert_eq!(report.build.duplicate_citations, 12);
}

#[test]
fn scopus_csv_with_shifted_column_and_title_matches() {
    let (net, report) = load(&[fixture("scopus.csv")]);
    assert_eq!(report.files[0].format, "scopus-csv");
    assert_eq!(counts(&report), (3, 6, 3, 3, 1));
    assert_eq!(
        reasons(&report),
        vec![MatchReason::AuthorYearSourceVolumePage, MatchReason::TitleAuthorYear, MatchReason::TitleAuthorYear]
    );
    let third = net.find("2-s2.0-1003").unwrap();
    assert_eq!(net.references(third).len(), 2);
    let skipped = report.diagnostics().find(|d| d.severity == Severity::Warning).unwrap();
    assert_eq!(skipped.location.as_ref().map(|l| l.line), Some(5));
    assert!(report.files[0].skipped.iter().any(|d| d.code == "extra-cells"));
}

#[test]
fn scopus_ris_references_over_lines() {
    let (net, report) = load(&[fixture("scopus.ris")]);
    assert_eq!(report.files[0].format, "scopus-ris");
    assert_eq!(counts(&report), (2, 4, 1, 3, 1));
    assert_eq!(reasons(&report), vec![MatchReason::AuthorYearSourceVolumePage]);
    let second = net.find("2-s2.0-1002").unwrap();
    assert_eq!(net.gcs(second), Some(4));
    // The Price reference's URL is its DOI.
    assert!(net.find("10.1126/science.149.3683.510").is_some());
}

#[test]
fn openalex_page_json_lines_and_gzip_agree() {
    let (page, page_report) = load(&[fixture("openalex_page.json")]);
    assert_eq!(counts(&page_report), (3, 7, 3, 4, 0));
    let (lines, lines_report) = load(&[fixture("openalex.jsonl")]);
    // The broken fourth line is skipped with its line.
    assert_eq!(counts(&lines_report), (3, 7, 3, 4, 1));
    let bad = lines_report.diagnostics().find(|d| d.severity == Severity::Warning).unwrap();
    assert_eq!(bad.location.as_ref().map(|l| l.line), Some(4));
    assert_eq!(canon(&page), canon(&lines));
    let w3 = page.find("W3").unwrap();
    assert_eq!(page.references(w3).len(), 3);
    assert_eq!(page.doi(w3), Some("10.9999/oa.3"));
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&std::fs::read(fixture("openalex.jsonl")).unwrap()).unwrap();
    let (gz_net, gz_report) = load(&[temp("works.jsonl.gz", &gz.finish().unwrap())]);
    assert_eq!(gz_report.files[0].format, "openalex");
    assert_eq!(canon(&gz_net), canon(&page));
}

#[test]
fn crossref_dois_in_any_case_and_structured_references() {
    let (net, report) = load(&[fixture("crossref.json")]);
    assert_eq!(report.files[0].format, "crossref");
    assert_eq!(counts(&report), (2, 4, 2, 2, 0));
    assert_eq!(reasons(&report), vec![MatchReason::AuthorYearSourceVolumePage, MatchReason::Doi]);
    // Both matched references name the same work: one citation.
    assert_eq!((net.citation_count(), report.build.duplicate_citations), (3, 1));
}

#[test]
fn semantic_scholar_references_and_citations() {
    let (net, report) = load(&[fixture("semanticscholar.json")]);
    assert_eq!(report.files[0].format, "semantic-scholar");
    assert_eq!(counts(&report), (1, 2, 0, 2, 0));
    let paper = net.find("p0000000000000000000000000000000000000002").unwrap();
    // The citing paper listed under `citations` cites it.
    assert_eq!(net.citers(paper).len(), 1);
    assert_eq!(net.references(paper).len(), 2);
}

#[test]
fn formats_together_and_unknown_files() {
    let all: Vec<PathBuf> =
        ["wos_plain.txt", "scopus.csv", "scopus.ris", "openalex.jsonl", "crossref.json", "semanticscholar.json"]
            .iter()
            .map(|f| fixture(f))
            .collect();
    let (_, report) = load(&all);
    assert_eq!(report.files.len(), 6);
    // Records of the WoS file and the Scopus files with the same DOI are one work.
    assert!(report.files[1].skipped.iter().any(|d| d.code == "duplicate-record"));
    let junk = temp("junk.txt", b"nothing to see here\n");
    let err = load_files(&[junk], &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("cannot tell the format"), "{err}");
}

#[test]
fn cli_network_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["network", "--format", "json"])
        .arg(fixture("wos_plain.txt"))
        .arg(fixture("openalex.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["records", "cited_references", "matched", "cited_only", "skipped", "works", "citations", "files"] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    assert_eq!(v["records"], 7);
    assert_eq!(v["files"][1]["records"], 3);
    assert_eq!(v["files"][1]["skipped"], 1);
    assert_eq!(v["files"][0]["matched"], 5);
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["network", "no-such-file.txt"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.starts_with("error: ") && err.lines().count() == 1, "{err}");
}

/// The real exports: where ../shared is (beside the repository or beside its worktree).
fn shared_bibexports() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared/data/bibexports"), root.join("../../shared/data/bibexports")]
        .into_iter()
        .find(|p| p.is_dir())
        .expect("../shared/data/bibexports not found")
}

#[test]
#[ignore = "needs ../shared/data"]
fn every_real_export_loads_with_its_counts() {
    let dir = shared_bibexports();
    // (file, format, records, cited references, matched, cited-only, skipped)
    let expected: &[(&str, &str, usize, usize, usize, usize, usize)] = &[
        ("wos-plaintext/wostools__bit-pattern-savedrecs.txt", "wos-plain", 500, 13444, 924, 12520, 0),
        ("wos-plaintext/wostools__single-article.txt", "wos-plain", 1, 28, 0, 28, 0),
        ("wos-plaintext/wosfile__wos_plaintext.txt", "wos-plain", 50, 2911, 7, 2904, 0),
        ("wos-tabdelimited/wosfile__wos_tab_delimited_win_utf8.txt", "wos-tab", 50, 2911, 7, 2904, 0),
        ("wos-tabdelimited/wosfile__wos_tab_delimited_win_utf16.txt", "wos-tab", 50, 2911, 7, 2904, 0),
        ("wos-tabdelimited/scientopy-2023__wos_1_500.txt", "wos-tab", 500, 15611, 33, 15578, 0),
        ("wos-tabdelimited/scientopy__wos_2026_04_02_4071.txt", "wos-tab", 71, 0, 0, 0, 0),
        ("scopus-csv/litstudy__scopus.csv", "scopus-csv", 58, 2427, 27, 2400, 0),
        ("scopus-ris/wostools__scopus.ris", "scopus-ris", 836, 16525, 2806, 13719, 0),
        ("openalex-json/openalexpro__search_biodiversity_finance_page1.json", "openalex", 200, 2682, 20, 2662, 0),
        ("openalex-json/openalex-python__W2741809807.json", "openalex", 1, 45, 0, 45, 0),
        ("crossref-json/habanero__funders_100000001_works_rows100.json", "crossref", 100, 5803, 4, 5799, 0),
        ("crossref-json/habanero__journals_2167-8359_works_query-ecology.json", "crossref", 20, 1225, 1, 1224, 0),
        ("crossref-json/habanero__works_10.1371_journal.pone.0033693.json", "crossref", 1, 70, 0, 70, 0),
        ("crossref-json/habanero__works_sample10.json", "crossref", 10, 189, 0, 189, 0),
        ("crossref-json/litstudy__works_10.1016_j.softx.2022.101207.json", "crossref", 1, 38, 0, 38, 0),
        ("semanticscholar-json/litstudy__s2v1_paper_litstudy.json", "semantic-scholar", 1, 20, 0, 20, 0),
        ("semanticscholar-json/litstudy__s2v1_paper_quantum-espresso.json", "semantic-scholar", 1, 72, 0, 72, 0),
        ("semanticscholar-json/semanticscholar__Paper.json", "semantic-scholar", 1, 14, 0, 14, 0),
    ];
    let mut seen = Vec::new();
    for &(file, format, records, refs, matched, cited_only, skipped) in expected {
        let (_, report) = load(&[dir.join(file)]);
        let f = &report.files[0];
        let got = (f.format.as_str(), f.records, f.cited_references, f.matched, f.cited_only);
        assert_eq!(got, (format, records, refs, matched, cited_only), "{file}");
        assert_eq!(counts(&report).4, skipped, "{file}");
        seen.push(dir.join(file));
    }
    // Every export in the folder (Pajek files belong to the network's own tests) is listed.
    for sub in std::fs::read_dir(&dir).unwrap() {
        let sub = sub.unwrap().path();
        let name = sub.file_name().unwrap().to_string_lossy().to_string();
        if !sub.is_dir() || name == "licenses" || name == "pajek" {
            continue;
        }
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            assert!(seen.contains(&f), "{} has no expected counts", f.display());
        }
    }
}

#[test]
#[ignore = "needs ../shared/data"]
fn real_wos_plain_and_tab_delimited_copies_give_the_same_network() {
    let dir = shared_bibexports();
    let (plain, _) = load(&[dir.join("wos-plaintext/wosfile__wos_plaintext.txt")]);
    let (utf8, _) = load(&[dir.join("wos-tabdelimited/wosfile__wos_tab_delimited_win_utf8.txt")]);
    let (utf16, _) = load(&[dir.join("wos-tabdelimited/wosfile__wos_tab_delimited_win_utf16.txt")]);
    let c = canon(&plain);
    assert_eq!(c.0.iter().filter(|w| w.1).count(), 50);
    assert_eq!(canon(&utf8), c);
    assert_eq!(canon(&utf16), c);
}
