//! What a newcomer types in the first hour (issue 15): names as people type them,
//! `search`, `styles`, `-o FILE`, PNG and PDF, case-insensitive values, hints, and the
//! options that must not be silently ignored.

use std::process::{Command, Output};

fn bibgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bibgraph")).args(args).output().unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = bibgraph(args);
    assert!(out.status.success(), "bibgraph {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fails(args: &[&str]) -> (i32, String) {
    let out = bibgraph(args);
    assert!(!out.status.success(), "bibgraph {args:?} should fail");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stderr).unwrap())
}

fn tmp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("bibgraph-newcomer-{}-{name}", std::process::id()))
}

#[test]
fn names_are_found_as_people_type_them() {
    assert!(ok(&["work", "bourne"]).starts_with("key: bourne1916"));
    assert!(ok(&["work", "BOURNE 1916"]).starts_with("key: bourne1916"));
    assert!(ok(&["work", "Portes, Guarnizo and Landolt 1999"]).starts_with("key: portes-etal1999"));
    assert!(ok(&["work", "Guarnizo 1999"]).starts_with("key: portes-etal1999"));
    // Ambiguous names list each work with its citation and title.
    let (code, err) = fails(&["work", "Glick Schiller et al. 1995"]);
    assert_eq!(code, 1);
    assert!(err.contains("`glickschiller-etal1995` (Glick Schiller et al. 1995: Towards a Transnational"), "{err}");
    assert!(err.contains("`glickschiller-etal1995-aq` (Glick Schiller et al. 1995: From immigrant"), "{err}");
}

#[test]
fn a_key_as_written_in_the_users_file_is_found() {
    let dir = tmp("keys");
    std::fs::create_dir_all(&dir).unwrap();
    let bib = dir.join("tex.bib");
    std::fs::write(&bib, "@book{knuth:ct:a, author = {Knuth, Donald E.}, title = {The TeXbook}, year = 1984}\n")
        .unwrap();
    let b = bib.to_str().unwrap();
    for typed in ["knuth:ct:a", "Knuth:CT:A", "knuth-ct-a"] {
        assert!(ok(&["--corpus", b, "work", typed]).starts_with("key: knuth-ct-a"), "{typed}");
    }
}

#[test]
fn search_finds_works_people_and_concepts_with_keys_and_titles() {
    let out = ok(&["search", "long-distance", "nationalism"]);
    assert!(out.lines().next().unwrap().contains("match `long-distance nationalism`"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("concept") && l.contains("long-distance nationalism")), "{out}");
    let out = ok(&["search", "levitt", "2001"]);
    assert!(out.contains("levitt2001a") && out.contains("Transnational migration: Taking stock"), "{out}");
    assert!(out.contains("levitt2001b"), "{out}");
    let (code, err) = fails(&["search", "xyzzy"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: nothing matches `xyzzy`"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&ok(&["search", "bourne", "--format", "json"])).unwrap();
    assert_eq!(v[0]["kind"], "work");
    assert_eq!(v[0]["id"], "bourne1916");
}

#[test]
fn styles_are_listed_and_a_short_name_resolves() {
    let out = ok(&["styles"]);
    assert!(out.lines().next().unwrap().contains("citation styles"));
    assert!(out.lines().any(|l| l.starts_with("harvard-cite-them-right")));
    assert!(out.lines().any(|l| l.starts_with("apa ") || l.starts_with("american-psychological-association")));
    let harvard = ok(&["reading-list", "long-distance nationalism", "--style", "harvard"]);
    let full = ok(&["reading-list", "long-distance nationalism", "--style", "harvard-cite-them-right"]);
    assert_eq!(harvard, full);
    let (_, err) = fails(&["reading-list", "long-distance nationalism", "--style", "chicago"]);
    assert!(err.contains("chicago-author-date") && err.contains("bibgraph styles"), "{err}");
}

#[test]
fn values_are_case_insensitive() {
    assert!(ok(&["export", "--format=JSON"]).starts_with('{'));
    assert!(ok(&["export", "--format", "GraphML"]).starts_with("<?xml"));
    assert!(ok(&["work", "bourne", "--format", "Json"]).starts_with('{'));
    assert!(ok(&["reading-list", "homeland politics", "--order", "CHRONOLOGICAL", "--format", "JSON"]).starts_with('{'));
}

#[test]
fn output_files_take_their_format_from_the_extension() {
    let dir = tmp("out");
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&[&str], &str, &[u8]); 8] = [
        (&["graph", "--concept", "transnationalism"], "t.svg", b"<svg"),
        (&["graph", "--concept", "transnationalism"], "t.png", b"\x89PNG"),
        (&["lineage", "Bourne 1916", "Portes et al. 1999"], "l.pdf", b"%PDF"),
        (&["lineage", "Bourne 1916", "Portes et al. 1999"], "l.json", b"{"),
        (&["export"], "w.graphml", b"<?xml"),
        (&["export"], "w.ris", b"TY  - "),
        (&["export"], "w.bib", b"@"),
        (&["reading-list", "homeland politics"], "r.json", b"{"),
    ];
    for (args, file, magic) in cases {
        let path = dir.join(file);
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["-o", path.to_str().unwrap()]);
        let out = bibgraph(&all);
        assert!(out.status.success(), "{all:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "{all:?} wrote to standard output");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{file}: {:?}", &bytes[..bytes.len().min(16)]);
    }
    // refs parse streams into the file.
    let refs = dir.join("refs.yaml");
    let list = format!("{}/corpus/waldinger-2011/references.txt", env!("CARGO_MANIFEST_DIR"));
    ok(&["refs", "parse", &list, "--quiet", "-o", refs.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&refs).unwrap().starts_with("- key: alba-nee2003"));
    // Export without a format or a known extension says what to give.
    let (_, err) = fails(&["export"]);
    assert!(err.contains("give --format") && err.contains("ris"), "{err}");
}

#[test]
fn refs_parse_refuses_a_corpus_it_would_ignore() {
    let (code, err) = fails(&["--corpus", "corpus/waldinger-2011", "refs", "parse", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("--corpus does not apply to `refs parse`"), "{err}");
}

#[test]
fn reversed_ends_and_years_get_a_hint() {
    let (_, err) = fails(&["lineage", "Portes et al. 1999", "Bourne 1916"]);
    assert!(err.contains("try them the other way round"), "{err}");
    let (_, err) = fails(&["graph", "--from", "2000", "--to", "1990"]);
    assert!(err.contains("wrong way round"), "{err}");
}

#[test]
fn counts_are_singular_for_one() {
    let out = ok(&["check"]);
    let first = out.lines().next().unwrap();
    assert!(!first.contains(" 1 works") && !first.contains(" 1 links"), "{first}");
    let (_, err) = fails(&["lineage", "Bourne 1916", "Jessup 1956", "--concept", "no-such-concept-at-all"]);
    assert!(err.starts_with("error: "), "{err}");
    assert!(ok(&["lineage", "Bourne 1916", "Jessup 1956"]).starts_with("Bourne 1916 to Jessup 1956: 2 works, 1 link ("));
    let svg = ok(&["lineage", "Bourne 1916", "Jessup 1956", "--format", "svg"]);
    assert!(svg.contains("1 link") && !svg.contains("1 links"), "a two-work lineage has one link");
}

#[test]
fn exports_take_filters_and_say_which_works_carry_misprints() {
    let all = ok(&["export", "--format", "dot"]);
    let some = ok(&["export", "--format", "dot", "--concept", "transnationalism", "--from", "1990"]);
    let works = |s: &str| s.lines().filter(|l| l.contains("shape=box")).count();
    assert!(works(&some) > 0 && works(&some) < works(&all), "{} of {}", works(&some), works(&all));
    assert!(!some.contains("\"work:bourne1916\""), "1916 is before --from 1990");
    assert!(all.contains("\"year:nd\" [shape=plaintext, fontsize=12, label=\"n.d.\""));
    let out = bibgraph(&["export", "--format", "csl-json"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("warning: ") && err.contains("`dufoix2002`: `?` inside the word `Tche?coslovaques`"),
        "{err}"
    );
    let out = bibgraph(&["export", "--format", "dot"]);
    assert!(out.stderr.is_empty(), "graph formats carry no bibliography");
}

#[test]
fn a_concepts_picture_and_reading_list_hold_the_same_works() {
    for concept in ["transnationalism", "long-distance nationalism", "diaspora"] {
        let svg = ok(&["graph", "--concept", concept]);
        let mut drawn: Vec<&str> = svg.split("data-key=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        drawn.sort();
        drawn.dedup();
        let v: serde_json::Value = serde_json::from_str(&ok(&["reading-list", concept, "--format", "json"])).unwrap();
        let mut listed: Vec<&str> =
            v["entries"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap()).collect();
        listed.sort();
        assert_eq!(drawn, listed, "{concept}");
        let title = svg.split("<title id=\"picture-title\">").nth(1).unwrap_or(&svg);
        assert!(title.contains(&format!("{} works", drawn.len())), "{concept}: the heading counts the works drawn");
    }
}

/// The README's command table names every command `bibgraph --help` lists, and nothing else.
#[test]
fn the_readme_command_table_matches_the_help() {
    let help = ok(&["--help"]);
    let mut commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    commands.sort();
    let readme = include_str!("../README.md");
    let table = readme.split("| command | what it does |").nth(1).unwrap().split("\n\n").next().unwrap();
    let mut listed: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `bibgraph "))
        .filter_map(|l| l.split([' ', '`']).next())
        .collect();
    listed.sort();
    listed.dedup();
    assert_eq!(listed, commands);
    // Every option of each command's help is in its row.
    for c in &commands {
        let sub = ok(&[c, "--help"]);
        let rows: String = table.lines().filter(|l| l.starts_with(&format!("| `bibgraph {c}"))).collect();
        let options = sub.split("Options:\n").nth(1).unwrap_or("");
        let declared = options
            .lines()
            .filter(|l| l.trim_start().starts_with('-'))
            .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")).map(|w| w.trim_end_matches(',')));
        for option in declared {
            if ["--help", "--corpus", "--output"].contains(&option) {
                continue;
            }
            assert!(rows.contains(option), "README's row for `{c}` lacks {option}");
        }
    }
}

#[test]
fn chicago_keeps_a_small_word_after_a_comma_lowercase() {
    let out = ok(&["reading-list", "transnationalism", "--style", "chicago-author-date"]);
    assert!(out.contains("Space, Identity, and the Politics of Difference"), "{out}");
    assert!(!out.contains(", And "), "{out}");
}
