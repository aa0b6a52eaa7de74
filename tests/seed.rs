//! Checks against the seed article itself, which lives outside the repository
//! (`../shared/seeds`). Ignored by default; `.ci/run` runs them with `--include-ignored`.

use bibgraph::Corpus;
use std::path::PathBuf;

fn seed() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_c660c60ddc90188d.txt");
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
