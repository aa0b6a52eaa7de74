//! Each export loaded by the real program that reads it, where it is installed: pandoc
//! (CSL-JSON), biber (BibLaTeX), Graphviz's `dot` (DOT) and Python's networkx (node-link
//! JSON). A test whose program is missing says so and passes: these are checks against
//! the tools, not part of what the tests need (`scripts/newcomer.sh` installs them).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn have(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|o| o.status.success())
}

fn skip(what: &str) {
    eprintln!("skipped: {what} is not installed");
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bibgraph-real-tools-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn export(format: &str, to: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["export", "--format", format, "-o", to.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn pandoc_keeps_year_suffixes_and_initials() {
    if !have("pandoc", &["--version"]) {
        return skip("pandoc");
    }
    let d = dir("pandoc");
    export("csl-json", &d.join("w.json"));
    std::fs::write(
        d.join("t.md"),
        "---\nbibliography: w.json\n---\nA [@levitt2001a]. B [@levitt2001b]. C [@nye-keohane1971].\n",
    )
    .unwrap();
    let out = run(Command::new("pandoc").current_dir(&d).args(["--citeproc", "-t", "plain", "t.md"]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("A (Levitt 2001a). B (Levitt 2001b)."), "{text}");
    assert!(text.contains("Nye, J. S."), "initials with their periods: {text}");
}

#[test]
fn biber_keeps_year_suffixes_and_initials() {
    let latex_ok = have("kpsewhich", &["etoolbox.sty"]) && have("kpsewhich", &["biblatex.sty"]);
    if !have("biber", &["--version"]) || !have("pdflatex", &["--version"]) || !latex_ok {
        return skip("biber, pdflatex or biblatex");
    }
    let d = dir("biber");
    export("biblatex", &d.join("w.bib"));
    for sorting in ["nyt", "nty"] {
        let tex = format!(
            "\\documentclass{{article}}\\usepackage[style=authoryear,sorting={sorting},backend=biber]{{biblatex}}\\addbibresource{{w.bib}}\\begin{{document}}\\cite{{levitt2001a}} \\cite{{levitt2001b}} \\cite{{nye-keohane1971}}\\printbibliography\\end{{document}}\n"
        );
        std::fs::write(d.join("t.tex"), tex).unwrap();
        run(Command::new("pdflatex").current_dir(&d).args(["-interaction=nonstopmode", "t.tex"]));
        run(Command::new("biber").current_dir(&d).arg("t"));
        let bbl = std::fs::read_to_string(d.join("t.bbl")).unwrap();
        let extradate = |key: &str| {
            let start = bbl.find(&format!("\\entry{{{key}}}")).unwrap();
            let entry = &bbl[start..bbl[start..].find("\\endentry").map_or(bbl.len(), |e| start + e)];
            entry.split("\\field{extradate}{").nth(1).and_then(|r| r.split('}').next()).map(str::to_string)
        };
        assert_eq!(extradate("levitt2001a").as_deref(), Some("1"), "{sorting}");
        assert_eq!(extradate("levitt2001b").as_deref(), Some("2"), "{sorting}");
        assert!(bbl.contains("given={J.\\bibnamedelimi S.}"), "initials with their periods");
    }
}

#[test]
fn graphviz_reads_the_dot_export_with_undated_works_last() {
    if !have("dot", &["-V"]) {
        return skip("graphviz (dot)");
    }
    let d = dir("dot");
    export("dot", &d.join("g.dot"));
    let out = run(Command::new("dot").args(["-Tplain", d.join("g.dot").to_str().unwrap()]));
    let plain = String::from_utf8(out.stdout).unwrap();
    // `node NAME X Y ...`: time runs left to right, so the undated article is right of 2009.
    let x = |name: &str| -> f64 {
        let line = plain.lines().find(|l| l.starts_with(&format!("node \"{name}\" "))).unwrap();
        line.split_whitespace().nth(2).unwrap().parse().unwrap()
    };
    assert!(x("work:waldinger-sociopedia") > x("year:2009"), "the undated article is ranked after the last year");
    assert!(x("work:bourne1916") < x("year:1956"));
}

#[test]
fn networkx_reads_the_node_link_json_with_its_defaults() {
    if !have("python3", &["-c", "import networkx"]) {
        return skip("python3 with networkx");
    }
    let d = dir("nx");
    let file = d.join("g.json");
    export("json", &file);
    let script = "import json, sys, warnings\nwarnings.simplefilter('error')\nimport networkx as nx\ng = nx.node_link_graph(json.load(open(sys.argv[1])))\nprint(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())\n";
    let out = run(Command::new("python3").args(["-c", script, file.to_str().unwrap()]));
    let check = Command::new(env!("CARGO_BIN_EXE_bibgraph")).args(["check", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let expect = format!("{} {} True True\n", v["graph"][0], v["graph"][1]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expect);
}
