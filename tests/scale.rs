//! The paths built for large corpora, checked for their outputs (never their times) on
//! small generated inputs (`benches/gen`): the fast reader of `edges:` sections against
//! serde_yaml, "did you mean" hints for the first unknown keys only, the bidirectional
//! shortest lineage against a plain breadth-first search, the fullest lineage against the
//! longest path, and the BibTeX importer on a generated library against the biblatex crate.

#[path = "../benches/gen/mod.rs"]
mod gen;

use bibgraph::lineage::{LineageOptions, PathChoice};
use bibgraph::model::{EdgeTarget, Relation};
use bibgraph::{Corpus, CorpusFile};
use std::collections::VecDeque;

fn load(text: String) -> Result<Corpus, bibgraph::Error> {
    Corpus::from_files([CorpusFile::new("gen/works.yaml", text)])
}

/// The same corpus read by the fast reader and, with one value escaped so that the file
/// is not of the regular shape, by serde_yaml: the same works and edges, with the same
/// origins.
#[test]
fn fast_and_serde_readers_give_the_same_corpus() {
    let text = gen::corpus_string(&gen::CorpusShape::new(300));
    let escaped = text.replacen("relation: cites", "relation: \"cite\\x73\"", 1);
    assert_ne!(text, escaped);
    let first = text[..text.find("\nedges:\n").unwrap()].lines().count() + 2;
    let fast = load(text).unwrap();
    let serde = load(escaped).unwrap();
    assert_eq!(fast.works().len(), 300);
    assert_eq!(fast.edges().len(), 299 * 10);
    assert_eq!(format!("{:?}", fast.edges()), format!("{:?}", serde.edges()));
    assert_eq!(format!("{:?}", fast.works()), format!("{:?}", serde.works()));
    let origins: Vec<String> = fast.edges().iter().take(3).map(|e| e.origin.as_ref().unwrap().to_string()).collect();
    assert_eq!(origins[0], format!("gen/works.yaml:{first}:3"));
    assert_eq!(origins[1], format!("gen/works.yaml:{}:3", first + 8));
}

/// Every dangling edge is reported, located; only the first few carry a hint.
#[test]
fn dangling_edges_are_all_reported_and_the_first_hinted() {
    let mut shape = gen::CorpusShape::new(400);
    shape.dangling_per_mille = 100;
    let text = gen::corpus_string(&shape);
    let dangling = text.matches("-missing\n").count();
    assert!(dangling > 50, "{dangling}");
    let err = load(text).unwrap_err();
    let unknown: Vec<_> = err.diagnostics().iter().filter(|d| d.code == "unknown-work").collect();
    assert_eq!(unknown.len(), dangling);
    assert!(unknown.iter().all(|d| d.location.is_some() && d.message.contains("-missing")));
    assert!(unknown[8..].iter().all(|d| !d.message.contains("did you mean")));
    // The generator's dangling keys are the family name and the next year: a hint, when
    // one is given, names a key of that family.
    for d in &unknown[..8] {
        if let Some(hint) = d.message.split("did you mean `").nth(1) {
            let family: String =
                d.message.split('`').nth(1).unwrap().chars().take_while(char::is_ascii_alphabetic).collect();
            assert!(hint.starts_with(&family[..family.len().min(3)]), "{}", d.message);
        }
    }
}

/// The lineage edges as the queries use them: forward in time, by work index.
fn forward(corpus: &Corpus) -> Vec<Vec<(u32, Relation)>> {
    let index = |k: &str| corpus.works().iter().position(|w| w.key.as_str() == k).unwrap() as u32;
    let mut out = vec![Vec::new(); corpus.works().len()];
    for e in corpus.edges() {
        if let (true, EdgeTarget::Work(to)) = (e.relation.is_lineage(), &e.to) {
            let (a, b) = (index(e.from.as_str()), index(to.as_str()));
            let (ya, yb) = (corpus.works()[a as usize].sort_year(), corpus.works()[b as usize].sort_year());
            if ya.zip(yb).is_none_or(|(x, y)| x <= y) {
                out[a as usize].push((b, e.relation));
            }
        }
    }
    for list in &mut out {
        list.sort_by_key(|&(o, _)| o);
        list.dedup_by_key(|(o, _)| *o);
    }
    out
}

/// A plain breadth-first search over index-ordered edges: the path it finds.
fn bfs(adj: &[Vec<(u32, Relation)>], s: u32, t: u32) -> Option<Vec<u32>> {
    let mut pred = vec![None; adj.len()];
    let mut seen = vec![false; adj.len()];
    seen[s as usize] = true;
    let mut queue = VecDeque::from([s]);
    while let Some(w) = queue.pop_front() {
        for &(o, _) in &adj[w as usize] {
            if !seen[o as usize] {
                seen[o as usize] = true;
                pred[o as usize] = Some(w);
                queue.push_back(o);
            }
        }
    }
    if !seen[t as usize] {
        return None;
    }
    let mut path = vec![t];
    while let Some(p) = pred[*path.last().unwrap() as usize] {
        path.push(p);
    }
    path.reverse();
    Some(path)
}

/// The number of steps of the longest path from `s` to `t` (edges go from lower to
/// higher index in the generated corpus).
fn longest(adj: &[Vec<(u32, Relation)>], s: u32, t: u32) -> Option<usize> {
    let mut best: Vec<Option<usize>> = vec![None; adj.len()];
    best[s as usize] = Some(0);
    for w in s as usize..=t as usize {
        let Some(b) = best[w] else { continue };
        for &(o, _) in &adj[w] {
            assert!(o as usize > w);
            best[o as usize] = best[o as usize].max(Some(b + 1));
        }
    }
    best[t as usize]
}

#[test]
fn shortest_and_fullest_lineages_match_plain_searches() {
    let mut shape = gen::CorpusShape::new(600);
    shape.cites_per_work = 1;
    shape.lineage_per_work = 2;
    let corpus = load(gen::corpus_string(&shape)).unwrap();
    let adj = forward(&corpus);
    let key = |w: u32| corpus.works()[w as usize].key.to_string();
    let mut rng = gen::Rng::new(3);
    let (mut found, mut none) = (0, 0);
    for _ in 0..60 {
        let s = rng.below(300) as u32;
        let t = s + 1 + rng.below(299) as u32;
        let shortest = corpus.lineage(&key(s), &key(t), &LineageOptions::default().choice(PathChoice::Shortest));
        let fullest = corpus.lineage(&key(s), &key(t), &LineageOptions::default());
        match bfs(&adj, s, t) {
            Some(path) => {
                found += 1;
                let got = shortest.unwrap();
                assert_eq!(
                    got.path.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
                    path.iter().map(|&w| key(w)).collect::<Vec<_>>()
                );
                let full = fullest.unwrap();
                assert_eq!(full.links.len(), longest(&adj, s, t).unwrap());
                for l in &full.links {
                    let (a, b) = (
                        corpus.works().iter().position(|w| w.key == l.from).unwrap(),
                        corpus.works().iter().position(|w| w.key == l.to).unwrap(),
                    );
                    assert!(adj[a].iter().any(|&(o, _)| o as usize == b));
                }
            }
            None => {
                none += 1;
                assert_eq!(shortest.unwrap_err().kind(), bibgraph::ErrorKind::NoPath);
                assert_eq!(fullest.unwrap_err().kind(), bibgraph::ErrorKind::NoPath);
            }
        }
    }
    assert!(found > 20 && none > 0, "{found} {none}");
}

/// A generated library of 500 entries: every entry becomes a work, with no warning, as
/// the biblatex crate reads the same number of entries.
#[test]
fn a_generated_library_imports_whole() {
    let text = gen::bib_string(500, 5);
    let crate_entries = biblatex::Bibliography::parse(&text).unwrap().len();
    assert_eq!(crate_entries, 500);
    let corpus = Corpus::from_files([CorpusFile::new("gen/library.bib", text)]).unwrap();
    assert_eq!(corpus.works().len(), 500);
    assert_eq!(corpus.imports()[0].works, 500);
    assert_eq!(corpus.warnings().count(), 0, "{:?}", corpus.warnings().next());
}
