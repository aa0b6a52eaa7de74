//! The examples are run by the tests, so they never rot.

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    // target/<profile>/deps/examples-<hash> -> target/<profile>/examples/<name>
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    p.pop();
    p.push("examples");
    p.push(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    p
}

fn run(name: &str, args: &[&str]) -> String {
    let out =
        Command::new(example(name)).args(args).output().unwrap_or_else(|e| panic!("cannot run example {name}: {e}"));
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn trace_lineage_prints_bourne_to_portes_in_order() {
    let out = run("trace_lineage", &[]);
    let steps: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(
        steps,
        [
            "Bourne 1916",
            "Jessup 1956",
            "Aron 1966",
            "Nye and Keohane 1971",
            "Glick Schiller et al. 1995",
            "Portes 1997",
            "Portes et al. 1999"
        ]
    );
    let first_link = out.lines().find(|l| l.trim_start().starts_with("->")).unwrap();
    assert!(first_link.contains("succession (succession only)"), "{first_link}");
}

#[test]
fn concept_history_lists_senses_oldest_first() {
    let out = run("concept_history", &["trans-statal"]);
    let mut lines = out.lines();
    assert_eq!(lines.next().unwrap().split(" (").next(), Some("trans-state"));
    let years: Vec<i32> = out
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("    ") && l.contains(": "))
        .filter_map(|l| {
            l.split(':')
                .next()?
                .split(',')
                .next()?
                .split_whitespace()
                .last()?
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .ok()
        })
        .collect();
    assert!(!years.is_empty(), "{out}");
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "not in time order: {years:?}");
    assert!(out.contains("Kearney 1995, p. 548"), "{out}");
}

#[test]
fn historiograph_writes_the_bourne_to_portes_svg() {
    let path = std::env::temp_dir().join(format!("bibgraph-historiograph-{}.svg", std::process::id()));
    let out = run("historiograph", &[path.to_str().unwrap()]);
    assert_eq!(out, format!("{}: 7 works, 7 links\n", path.display()));
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let keys: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("work"))
        .filter_map(|n| n.attribute("data-key"))
        .collect();
    assert_eq!(keys.len(), 7, "one box per work of the lineage: {keys:?}");
    for key in ["bourne1916", "jessup1956", "glickschiller-etal1995", "portes-etal1999"] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    let steps = doc.descendants().filter(|n| n.attribute("data-step") == Some("true")).count();
    assert_eq!(steps, 6);
}

#[test]
fn reading_list_gives_each_work_an_apa_reference_and_its_reasons() {
    let out = run("reading_list", &[]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("Reading list: long-distance nationalism (7 works)"));
    let references: Vec<&str> = out.lines().filter(|l| l.starts_with(' ') && !l.starts_with("     ")).collect();
    assert_eq!(references.len(), 7, "{out}");
    assert_eq!(
        references[1],
        " 2. Anderson, B. (1998). Long-distance nationalism. In B. Anderson (Ed.), The Spectre of Comparisons: Nationalism, Southeast Asia and the World (pp. 58–74). Verso."
    );
    let after_anderson: Vec<&str> = out.lines().skip_while(|l| !l.starts_with(" 2.")).skip(1).take(1).collect();
    assert_eq!(after_anderson, ["      why: names long-distance nationalism"]);
    assert_eq!(
        out.lines().last(),
        Some("\\cite{gans1979,anderson1998,ghorashi2004,burgess2005,nohlen-grotz2007,itzigsohn-villacres2008,waldinger-sociopedia}")
    );
    // A work as the topic: what leads up to it, prerequisites first.
    let out = run("reading_list", &["Portes et al. 1999"]);
    let firsts: Vec<&str> =
        out.lines().filter(|l| l.starts_with(' ') && !l.starts_with("     ")).map(|l| &l[4..12]).collect();
    assert_eq!(
        firsts,
        ["Bourne, ", "Jessup, ", "Aron, R.", "Nye, J. ", "Gupta, A", "Glick Sc", "Portes, ", "Portes, "]
    );
}

#[test]
fn bib_parse_crate_counts_the_entries_the_crate_reads() {
    let file = format!("{}/tests/fixtures/bib/duplicate-field.bib", env!("CARGO_MANIFEST_DIR"));
    let out = run("bib_parse_crate", &[&file]);
    assert!(out.ends_with("duplicate-field.bib: 3 entries\n"), "{out}");
}

#[test]
fn an_example_prints_an_error_as_one_line_not_a_debug_dump() {
    for (name, arg) in [("concept_history", "no-such-concept"), ("reading_list", "no such topic at all")] {
        let out = Command::new(example(name)).arg(arg).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.lines().count() == 1, "{name}: {err}");
        assert!(!err.contains("Error {") && !err.contains("kind:"), "{name}: {err}");
    }
}
