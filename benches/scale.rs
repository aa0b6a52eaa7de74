//! The scale group: generated corpora, graphs and libraries (`benches/gen`), each
//! operation at two or three sizes so that its growth shows.
//!
//! - `load`: a YAML corpus of N works with ten edges each (nine `cites`, one lineage
//!   edge), from text in memory to a validated [`Corpus`].
//! - `dangling`: a corpus of N/9 works whose N `cites` edges all point at unknown keys,
//!   loaded to its error (every edge reported, the first few with a hint).
//! - `lineage-shortest`, `lineage-fullest`: a lineage graph of N works (two lineage edges
//!   each, from recent predecessors), queries between works 2,000 apart.
//! - `pagerank`: personalised PageRank on a citation graph of N nodes and 10 N edges, at
//!   the default tolerance and at 1e-12 (the former default).
//! - `bib`: bibgraph's BibTeX importer beside the biblatex crate's parser on a
//!   generated library of N entries.
//!
//! `cargo bench --bench scale` runs N = 10,000 and 100,000 (a few minutes).
//! `BIBGRAPH_SCALE=large cargo bench --bench scale` adds N = 1,000,000 (the load alone is
//! then about a minute an iteration; allow an hour and 10 GB).

#[path = "gen/mod.rs"]
mod gen;

use bibgraph::lineage::{LineageOptions, PathChoice};
use bibgraph::reading::pagerank::{personalized_pagerank, Csr, PageRankOptions};
use bibgraph::{Corpus, CorpusFile};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("BIBGRAPH_SCALE").is_ok_and(|v| v == "large") {
        sizes.push(1_000_000);
    }
    sizes
}

fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 => format!("{}M", n / 1_000_000),
        n => format!("{}k", n / 1_000),
    }
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale/load");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for n in sizes() {
        let text = gen::corpus_string(&gen::CorpusShape::new(n));
        group.throughput(Throughput::Elements(n as u64 * 10));
        group.bench_function(BenchmarkId::new("works-x10-edges", label(n)), |b| {
            b.iter_batched(
                || vec![CorpusFile::new("gen/works.yaml", text.clone())],
                |files| Corpus::from_files(files).map(|c| c.edges().len()).unwrap_or(0),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn dangling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale/dangling");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let shape = gen::CorpusShape {
            works: n / 9 + 1,
            cites_per_work: 9,
            lineage_per_work: 0,
            dangling_per_mille: 1000,
            seed: 17,
        };
        let text = gen::corpus_string(&shape);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("unknown-keys", label(n)), |b| {
            b.iter_batched(
                || vec![CorpusFile::new("gen/works.yaml", text.clone())],
                |files| Corpus::from_files(files).err().map_or(0, |e| e.diagnostics().len()),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn lineage(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale/lineage");
    group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    for n in sizes() {
        let shape =
            gen::CorpusShape { works: n, cites_per_work: 0, lineage_per_work: 2, dangling_per_mille: 0, seed: 17 };
        let corpus = Corpus::from_files([CorpusFile::new("gen/works.yaml", gen::corpus_string(&shape))])
            .expect("the generated corpus is valid");
        let key = |i: usize| corpus.works()[i].key.to_string();
        let (from, to) = (key(n / 2), key(n / 2 + 2_000));
        for (name, choice) in [("shortest", PathChoice::Shortest), ("fullest", PathChoice::Fullest)] {
            let options = LineageOptions::default().choice(choice);
            group.bench_function(BenchmarkId::new(name, label(n)), |b| {
                b.iter(|| {
                    corpus.lineage(black_box(&from), black_box(&to), &options).map(|l| l.links.len()).unwrap_or(0)
                })
            });
        }
    }
    group.finish();
}

fn pagerank(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale/pagerank");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for n in sizes() {
        let mut rng = gen::Rng::new(5);
        let edges: Vec<(u32, u32, f64)> = (1..n as u32)
            .flat_map(|u| (0..10).map(move |_| u))
            .map(|u| (u, rng.below(u as usize) as u32, 1.0))
            .collect();
        let graph = Csr::from_edges(n, edges);
        let seeds = [(n as u32 - 1, 1.0), (n as u32 / 2, 1.0)];
        for (name, tolerance) in [("default-1e-6", 1e-6), ("1e-12", 1e-12)] {
            let mut options = PageRankOptions::default();
            options.tolerance = tolerance;
            group.bench_function(BenchmarkId::new(name, label(n)), |b| {
                b.iter(|| personalized_pagerank(&graph, black_box(&seeds), &options).len())
            });
        }
    }
    group.finish();
}

fn bib(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale/bib");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let text = gen::bib_string(n, 17);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("bibgraph-import", label(n)), &text, |b, t| {
            b.iter(|| bibgraph::import::bibtex(black_box(t.as_bytes()), "gen.bib").works.len())
        });
        group.bench_with_input(BenchmarkId::new("biblatex-crate-parse", label(n)), &text, |b, t| {
            b.iter(|| biblatex::Bibliography::parse(black_box(t)).map(|bib| bib.len()).unwrap_or(0))
        });
    }
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    load(&mut c);
    dangling(&mut c);
    lineage(&mut c);
    pagerank(&mut c);
    bib(&mut c);
    c.final_summary();
}
