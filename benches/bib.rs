//! Throughput of the BibTeX importer beside the biblatex crate's own
//! `Bibliography::parse`, on the same input in one run.
//!
//! The input is Beebe's `tugboat.bib` (3.8 MB, 4,839 entries) from Debian's
//! `texlive-bibtex-extra` package, and the same file eight times over with renamed keys
//! (30 MB). Another file may be named with `BIBGRAPH_BENCH_BIB`. Without one, the benchmark
//! says so and does nothing.
//!
//! Run: `cargo bench --bench bib`. Criterion prints each throughput (`thrpt`); a summary
//! with both and their ratio follows (best of ten runs each).

use criterion::{BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};

const DEBIAN: &str = "/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib";

fn bench_file() -> Option<String> {
    let path = std::env::var("BIBGRAPH_BENCH_BIB").unwrap_or_else(|_| DEBIAN.to_string());
    std::path::Path::new(&path).is_file().then_some(path)
}

/// `src` `n` times; copy `i` has `-copyi` after every entry key (except the first copy).
fn renamed_copies(src: &str, n: usize) -> String {
    let mut out = String::with_capacity(src.len() * n + n * 64 * 1024);
    for i in 0..n {
        for line in src.split_inclusive('\n') {
            let entry = line.starts_with('@')
                && !["@string", "@preamble", "@comment"]
                    .iter()
                    .any(|s| line.len() >= s.len() && line[..s.len()].eq_ignore_ascii_case(s));
            match (i, entry, line.find('{'), line.find(',')) {
                (1.., true, Some(open), Some(comma)) if open < comma => {
                    out.push_str(&line[..comma]);
                    out.push_str(&format!("-copy{i}"));
                    out.push_str(&line[comma..]);
                }
                _ => out.push_str(line),
            }
        }
    }
    out
}

fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = black_box(f());
        best = best.min(t.elapsed());
    }
    (best, n)
}

fn main() {
    let Some(path) = bench_file() else {
        eprintln!(
            "skipped: no {DEBIAN} (apt-get install texlive-bibtex-extra) and no BIBGRAPH_BENCH_BIB; nothing to measure"
        );
        return;
    };
    let one = String::from_utf8_lossy(&std::fs::read(&path).expect("the bench file reads")).into_owned();
    let eight = renamed_copies(&one, 8);
    let inputs = [("x1", one), ("x8", eight)];

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    {
        let mut group = c.benchmark_group("bib");
        for (name, input) in &inputs {
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new("bibgraph-import", name), input, |b, t| {
                b.iter(|| bibgraph::import::bibtex(black_box(t.as_bytes()), "bench.bib").works.len())
            });
            group.bench_with_input(BenchmarkId::new("biblatex-crate-parse", name), input, |b, t| {
                b.iter(|| biblatex::Bibliography::parse(black_box(t)).map(|bib| bib.len()).unwrap_or(0))
            });
        }
        group.finish();
    }
    c.final_summary();

    println!("\n{path}, best of 10 runs each:");
    println!("| input | size | bibgraph import | biblatex crate parse | ratio |");
    println!("|---|---:|---:|---:|---:|");
    for (name, input) in &inputs {
        let mib = input.len() as f64 / (1024.0 * 1024.0);
        let (ours, works) = best_of(10, || bibgraph::import::bibtex(input.as_bytes(), "bench.bib").works.len());
        let (theirs, entries) = best_of(10, || biblatex::Bibliography::parse(input).map(|bib| bib.len()).unwrap_or(0));
        let rate = |d: Duration| mib / d.as_secs_f64();
        println!(
            "| {name} ({works} works, crate: {entries} entries) | {mib:.1} MiB | {:.1} MiB/s ({:.0} ms) | {:.1} MiB/s ({:.0} ms) | {:.2}x |",
            rate(ours),
            ours.as_secs_f64() * 1e3,
            rate(theirs),
            theirs.as_secs_f64() * 1e3,
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
}
