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
//!   `tests/fixtures/drafts/*.yaml`: held out, never tuned on. Their citations come from the
//!   publisher's markup (`citations.json`).

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

fn print(name: &str, s: &eval::Score, drafts: &draft::Drafts, verbose: bool) {
    println!("{name}");
    println!("  concepts found      {}", s.concepts);
    println!("  concept precision   {}", s.concept_precision);
    println!("  senses found        {}", s.senses);
    println!("  sense precision     {}", s.sense_precision);
    println!("  lineage pairs       {}", s.lineage);
    println!("  attested precision  {}", s.attested_precision);
    println!("  attested but denied {}", s.denied_drafted);
    println!(
        "  drafted: {} concepts, {} senses, {} relations, {} links ({} attested), {} withheld",
        drafts.concepts.len(),
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
            print("built-in article (tuned on) vs corpus/waldinger-2011", &s, &drafts, verbose);
            if verbose {
                drafts_gold::missed(&drafts, &gold);
            }
            if std::env::args().any(|a| a == "--dump") {
                for c in &drafts.concepts {
                    let works: Vec<String> = c.senses.iter().map(|s| format!("{}:{}", s.work, s.kind)).collect();
                    println!(
                        "  {:.2} {} {:?} [{}] <{}>",
                        c.confidence,
                        c.label,
                        c.alt_labels,
                        works.join(" "),
                        c.evidence.cue
                    );
                }
                for l in &drafts.links {
                    println!("  link {} -> {} {} {:.2} {}", l.from, l.to, l.relation, l.confidence, l.evidence.cue);
                }
            }
        }
        Err(e) => println!("built-in article: skipped ({}: {e})", seed.display()),
    }
    for (id, annotation) in drafts_gold::annotations() {
        let dir = root.join("data/articles").join(&id);
        match drafts_gold::load_dhq(&dir) {
            Ok((text, cited)) => {
                let article = drafts_gold::dhq_article(&text, &cited);
                let drafts = draft::draft(&article);
                let gold = annotation.gold();
                let s = eval::score(&drafts, &gold);
                print(&format!("{id} (held out) vs tests/fixtures/drafts/{id}.yaml"), &s, &drafts, verbose);
                if verbose {
                    drafts_gold::missed(&drafts, &gold);
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
            for c in &mut drafts.concepts {
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
            let s = eval::score(&drafts, &annotation.gold());
            print(&format!("{id} (held out) through bibgraph read"), &s, &drafts, verbose);
        }
    }
    Ok(())
}
