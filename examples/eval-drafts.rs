//! Measures the drafter (`bibgraph::draft`) against references made by people.
//!
//! Run: `cargo run --release --example eval-drafts` (with `../shared` beside the project, or
//! `BIBGRAPH_SHARED=/path/to/shared`). Prints, per article: concepts found (by label or
//! alternative label), drafted concepts that are reference concepts, senses (concept and
//! work), lineage pairs, the precision of the links drafted as attested and the number of
//! attested links the text denies. `--verbose` lists what was missed and the unconfirmed
//! attested links.
//!
//! - The built-in article (`../shared/seeds/000_c660c60ddc90188d.txt`) against the
//!   hand-written corpus `corpus/waldinger-2011`: the lexicon and thresholds were tuned on it.
//! - DHQ articles (`../shared/data/articles/dhq-*`) against the project's own annotations in
//!   `tests/fixtures/drafts/*.yaml`, each marked `role: held-out` (never tuned on; its misses
//!   are not printed, even with `--verbose`) or `role: development` (looked at). Their
//!   citations come from the publisher's markup (`citations.json`), and separately from
//!   `bibgraph read`.
//!
//! The figures are those of the review set (the concepts the filter keeps); the line
//! `before the filter` gives them for every candidate concept.

use bibgraph::draft::{self, eval, Article};
use bibgraph::model::WorkKey;
use bibgraph::Corpus;
use std::path::PathBuf;

#[path = "../tests/common/drafts_gold.rs"]
mod drafts_gold;

fn shared() -> PathBuf {
    std::env::var_os("BIBGRAPH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn print(name: &str, s: &eval::Score, drafts: &draft::Drafts, gold: &eval::Gold, verbose: bool) {
    println!("{name}");
    // The same drafts before the review filter: every candidate concept.
    let mut all = drafts.clone();
    all.concepts.extend(all.set_aside.iter().cloned());
    let before = eval::score(&all, gold);
    println!(
        "  before the filter   concepts {}, precision {}; senses {}, precision {}",
        before.concepts, before.concept_precision, before.senses, before.sense_precision
    );
    println!("  concepts found      {}", s.concepts);
    println!("  concept precision   {}", s.concept_precision);
    println!("  senses found        {}", s.senses);
    println!("  sense precision     {}", s.sense_precision);
    println!("  lineage pairs       {}", s.lineage);
    println!("  attested precision  {}", s.attested_precision);
    println!("  attested but denied {}", s.denied_drafted);
    println!(
        "  drafted: {} concepts ({} set aside), {} senses, {} relations, {} links ({} attested), {} withheld",
        drafts.concepts.len(),
        drafts.set_aside.len(),
        drafts.concepts.iter().map(|c| c.senses.len()).sum::<usize>(),
        drafts.concepts.iter().map(|c| c.relations.len()).sum::<usize>(),
        drafts.links.len(),
        drafts.links.iter().filter(|l| l.attested).count(),
        drafts.withheld.len()
    );
    if verbose {
        for (a, b, q) in &s.unconfirmed {
            println!("    unconfirmed attested {a} -> {b}: {q}");
        }
    }
}

/// Every candidate concept (`+` kept for review, `-` set aside) and every link.
fn dump(drafts: &draft::Drafts) {
    let kept = drafts.concepts.iter().map(|c| ("+", c));
    for (mark, c) in kept.chain(drafts.set_aside.iter().map(|c| ("-", c))) {
        let works: Vec<String> = c.senses.iter().map(|s| format!("{}:{}", s.work, s.kind)).collect();
        println!(
            "  {mark}{:.2} {} {:?} [{}] <{}> {:?}",
            c.confidence,
            c.label,
            c.alt_labels,
            works.join(" "),
            c.evidence.cue,
            c.origin
        );
    }
    for l in &drafts.links {
        println!("  link {} -> {} {} {:.2} {}", l.from, l.to, l.relation, l.confidence, l.evidence.cue);
    }
}

fn main() -> Result<(), bibgraph::Error> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = shared();
    let seed = root.join("seeds/000_c660c60ddc90188d.txt");
    let corpus = Corpus::builtin()?;
    match std::fs::read_to_string(&seed) {
        Ok(text) => {
            let report = bibgraph::cites::check(&corpus, &text, "seed");
            let cited = draft::from_report(&corpus, &report);
            let source = corpus.meta().source.clone().unwrap_or_else(|| WorkKey::new("article"));
            let drafts = draft::draft(&Article::new(&text, source, &cited));
            let gold = eval::Gold::from_corpus(&corpus);
            let s = eval::score(&drafts, &gold);
            print("built-in article (tuned on) vs corpus/waldinger-2011", &s, &drafts, &gold, verbose);
            if verbose {
                drafts_gold::missed(&drafts, &gold);
            }
            if std::env::args().any(|a| a == "--dump") {
                dump(&drafts);
            }
        }
        Err(e) => println!("built-in article: skipped ({}: {e})", seed.display()),
    }
    for (id, annotation) in drafts_gold::annotations() {
        let dir = root.join("data/articles").join(&id);
        // A held-out article's misses are never printed: it is not looked at while tuning.
        let held_out = annotation.role == "held-out";
        let role = if held_out { "held out" } else { "development, looked at" };
        let verbose = verbose && !held_out;
        match drafts_gold::load_dhq(&dir) {
            Ok((text, cited)) => {
                let article = drafts_gold::dhq_article(&text, &cited);
                let drafts = draft::draft(&article);
                let gold = annotation.gold();
                let s = eval::score(&drafts, &gold);
                print(&format!("{id} ({role}) vs tests/fixtures/drafts/{id}.yaml"), &s, &drafts, &gold, verbose);
                if verbose {
                    drafts_gold::missed(&drafts, &gold);
                }
                if !held_out && std::env::args().any(|a| a == "--dump") {
                    dump(&drafts);
                }
            }
            Err(e) => println!("{id}: skipped ({e})"),
        }
        // The same article through `bibgraph read` (branch styles): its own reference-list
        // parse and bracket resolution; work keys mapped back to the Works Cited labels.
        if let Ok(text) = std::fs::read_to_string(dir.join("ARTICLE.txt")) {
            let read = bibgraph::read::read_article(&text, "ARTICLE.txt", &Default::default());
            let mut drafts = draft::draft_read(&text, &read);
            let label = |k: &WorkKey| read.corpus.work(k.as_str()).and_then(|w| w.label.clone()).map(WorkKey::new);
            for c in drafts.concepts.iter_mut().chain(drafts.set_aside.iter_mut()) {
                for s in &mut c.senses {
                    if s.work == read.source.key {
                        s.work = WorkKey::new("article");
                    } else if let Some(l) = label(&s.work) {
                        s.work = l;
                    }
                }
            }
            for l in drafts.links.iter_mut().chain(drafts.withheld.iter_mut()) {
                if let Some(x) = label(&l.from) {
                    l.from = x;
                }
                if let Some(x) = label(&l.to) {
                    l.to = x;
                }
            }
            let gold = annotation.gold();
            let s = eval::score(&drafts, &gold);
            print(&format!("{id} ({role}) through bibgraph read"), &s, &drafts, &gold, verbose);
        }
    }
    Ok(())
}
