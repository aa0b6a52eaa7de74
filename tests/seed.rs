//! Checks against the seed article itself, which lives outside the repository
//! (`../shared/seeds`). Ignored by default; `.ci/run` runs them with `--include-ignored`.

use bibgraph::Corpus;
use std::path::PathBuf;

fn seed() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // `../shared` next to the checkout, or two levels up from a worktree under `wt/`.
    let near = root.join("../shared/seeds/000_c660c60ddc90188d.txt");
    let path = if near.exists() { near } else { root.join("../../shared/seeds/000_c660c60ddc90188d.txt") };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read the seed article at {}: {e}", path.display()))
}

/// Whitespace runs collapsed and Markdown `*` removed: a quote may span a PDF page break.
fn normalise(s: &str) -> String {
    s.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "needs ../shared/seeds"]
fn every_quote_in_the_corpus_is_verbatim_in_the_seed() {
    let text = normalise(&seed());
    let corpus = Corpus::builtin().unwrap();
    let mut quotes: Vec<(String, &str)> = Vec::new();
    for c in corpus.concepts() {
        for s in &c.senses {
            quotes.extend(s.quote.iter().map(|q| (format!("sense of {} in {}", c.id, s.work), q.as_str())));
            quotes
                .extend(s.provenance.quote.iter().map(|q| (format!("provenance of a sense of {}", c.id), q.as_str())));
        }
        for r in &c.relations {
            quotes.extend(
                r.provenance.quote.iter().map(|q| (format!("relation {} of {}", r.relation, c.id), q.as_str())),
            );
        }
    }
    for e in corpus.edges() {
        quotes.extend(e.provenance.quote.iter().map(|q| (format!("edge {} -> {}", e.from, e.to), q.as_str())));
    }
    for w in corpus.works() {
        for p in &w.provenance {
            quotes.extend(p.quote.iter().map(|q| (format!("work {}", w.key), q.as_str())));
        }
    }
    assert!(quotes.len() > 200, "only {} quotes", quotes.len());
    let missing: Vec<String> =
        quotes.iter().filter(|(_, q)| !text.contains(&normalise(q))).map(|(w, q)| format!("{w}: {q:?}")).collect();
    assert!(missing.is_empty(), "{} quotes are not in the seed:\n{}", missing.len(), missing.join("\n"));
    let long: Vec<&str> = quotes.iter().map(|(_, q)| *q).filter(|q| q.split_whitespace().count() > 30).collect();
    assert!(long.is_empty(), "quotes must be short: {long:?}");
}

#[test]
#[ignore = "needs ../shared/seeds"]
fn every_locator_in_the_article_is_one_of_its_sections() {
    let seed = seed();
    let mut sections: Vec<String> = seed
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().trim_matches('*').to_string())
        .collect();
    sections.extend(["Introduction".to_string(), "Abstract".to_string(), "Biography".to_string(), "Title".to_string()]);
    let corpus = Corpus::builtin().unwrap();
    let source = corpus.meta().source.clone().unwrap();
    let mut bad = Vec::new();
    let mut check = |p: &bibgraph::model::Provenance, what: String| {
        if p.source == source && !sections.contains(&p.locator) {
            bad.push(format!("{what}: {:?}", p.locator));
        }
    };
    for e in corpus.edges() {
        check(&e.provenance, format!("edge {} -> {}", e.from, e.to));
    }
    for c in corpus.concepts() {
        for s in &c.senses {
            check(&s.provenance, format!("sense of {}", c.id));
        }
        for r in &c.relations {
            check(&r.provenance, format!("relation of {}", c.id));
        }
    }
    assert!(bad.is_empty(), "locators that are not sections of the article (known: {sections:?}):\n{}", bad.join("\n"));
}

#[test]
#[ignore = "needs ../shared/seeds"]
fn the_corpus_reference_list_is_the_seed_section_as_printed() {
    let seed = seed();
    let start = seed.find("#### References").unwrap();
    let end = seed.find("**Roger Waldinger**").unwrap();
    assert_eq!(&seed[start..end], include_str!("../corpus/waldinger-2011/references.txt"));
}

#[test]
fn the_builtin_corpus_embeds_every_file_of_its_directory() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/waldinger-2011");
    let mut on_disk: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.sort();
    let builtin = Corpus::builtin().unwrap();
    let from_disk = Corpus::load(&dir).unwrap();
    assert_eq!(builtin.works().len(), from_disk.works().len(), "files on disk: {on_disk:?}");
    assert_eq!(builtin.concepts().len(), from_disk.concepts().len());
    assert_eq!(builtin.edges().len(), from_disk.edges().len());
    assert_eq!(builtin.diagnostics().len(), from_disk.diagnostics().len());
}

/// The article's citations, read as a careful reader reads them. Every citation that is not
/// plainly exact is listed with its reason; so are the exact ones that carry a note.
#[test]
#[ignore = "needs ../shared/seeds"]
fn the_seed_articles_citations_and_their_faults() {
    use bibgraph::cites::{self, Status};
    let corpus = Corpus::builtin().unwrap();
    let report = cites::check(&corpus, &seed(), "seed");
    let n = report.counts();
    assert_eq!(
        (n.citations, n.exact, n.tolerant, n.unresolved, n.truncated, n.references, n.uncited),
        (74, 68, 5, 0, 1, 66, 1)
    );
    // The two works named in the prose: Bourne's '1916 essay' and Portes's 'widely read
    // 1997 article' (the author named before it in the paragraph).
    let prose: Vec<(&str, Option<&str>)> = report
        .citations
        .iter()
        .filter(|c| c.citation.kind == cites::CitationKind::Prose)
        .map(|c| (c.citation.text.as_str(), c.resolution.work.as_ref().map(|k| k.as_str())))
        .collect();
    assert_eq!(prose, [("1916 essay", Some("bourne1916")), ("1997 article", Some("portes1997"))]);
    let uncited: Vec<&str> = report.uncited.iter().map(|k| k.as_str()).collect();
    // Vertovec 2004 is the work the truncated citation most likely meant, but it never
    // gives the year.
    assert_eq!(uncited, ["vertovec2004"]);
    let noted: Vec<(u32, &str, Option<&str>, Status, String)> = report
        .citations
        .iter()
        .filter(|c| c.resolution.status != Status::Exact || c.resolution.problem().is_some())
        .map(|c| {
            let r = &c.resolution;
            (
                c.citation.line,
                c.citation.text.as_str(),
                r.work.as_ref().map(|k| k.as_str()),
                r.status,
                r.problem().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(u32, &str, Option<&str>, Status, &str)> = vec![
        (41, "(Glick Schiller et al., 1995: 52)", Some("glickschiller-etal1995"), Status::Exact, "also matches glickschiller-etal1995-aq, which is not in the reference list, but whose pages (48–63) contain the cited page 52, while the reference gives no pages"),
        (53, "Schiller (2003)", Some("glickschiller2003"), Status::Tolerant, "compound family name given in part: Schiller for Glick Schiller"),
        (89, "(Ostegaard-Nielsen, 2003)", Some("ostergaardnielsen2003"), Status::Tolerant, "family name misspelled: Ostegaard-Nielsen for Ostergaard-Nielsen"),
        (111, "(Vertovec,", None, Status::Truncated, "the parenthesis never closes and gives no year after Vertovec, so no work can be told; the corpus has Vertovec 2001 (vertovec2001), Vertovec 2004 (vertovec2004)"),
        (113, "(Mattelart, 2009: 12)", Some("mattelart2009"), Status::Exact, "page 12 is outside the pages its reference gives (1-2)"),
        (115, "(Mattelart, 2009: 30)", Some("mattelart2009"), Status::Exact, "page 30 is outside the pages its reference gives (1-2)"),
        (161, "(2009: 79)", Some("undp2009"), Status::Tolerant, "organisation named by a variant of its name: UN Development Program for United Nations Development Program"),
        (169, "(Escala Rabadan, 2004)", Some("escalarabadan2004"), Status::Tolerant, "family name written differently: Escala Rabadan for Escala-Rabadan (hyphen dropped)"),
        (173, "(Smith, 2006)", Some("smith2005"), Status::Tolerant, "year differs: 2006 for 2005; the work is not in the reference list (the corpus has it from Annotated further reading)"),
    ];
    let expected: Vec<(u32, &str, Option<&str>, Status, String)> =
        expected.into_iter().map(|(l, t, w, s, p)| (l, t, w, s, p.to_string())).collect();
    assert_eq!(noted, expected);
    // The year-only citations, and the works named by year in the prose, take their
    // author from the prose before them.
    let year_only: Vec<(&str, String)> = report
        .citations
        .iter()
        .filter(|c| c.citation.authors.is_empty() && c.citation.year.is_some())
        .map(|c| (c.citation.text.as_str(), c.resolution.authors.join(" and ")))
        .collect();
    assert_eq!(
        year_only,
        [
            ("(1916: 93)", "Bourne".to_string()),
            ("1916 essay", "Randolph Bourne".to_string()),
            ("(1956: 26)", "Jessup".to_string()),
            ("1997 article", "Alejandro Portes".to_string()),
            ("(2004: 1009)", "Levitt and Glick Schiller".to_string()),
            ("(2009: 79)", "UN Development Program".to_string()),
        ]
    );
    // No citation is read from the notes, the reading list or the reference list.
    let sections: std::collections::BTreeSet<&str> =
        report.citations.iter().filter_map(|c| report.section_title(&c.citation)).collect();
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        [
            "Cross-border activities: Varieties and sources of variation",
            "Home country spillovers",
            "Homeland politics",
            "Social connectivity",
            "The career of a concept",
        ]
    );
}

/// `corpus/waldinger-2011/cites.yaml` is exactly what the README's command writes.
#[test]
#[ignore = "needs ../shared/seeds"]
fn regenerating_the_cites_file_gives_the_committed_one() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(["cites", "../shared/seeds/000_c660c60ddc90188d.txt", "--format", "corpus-yaml"])
        .current_dir(manifest)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let committed = std::fs::read_to_string(PathBuf::from(manifest).join("corpus/waldinger-2011/cites.yaml")).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == committed,
        "corpus/waldinger-2011/cites.yaml is stale: regenerate it with the command in the README"
    );
}
