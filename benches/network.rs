//! Citation networks at scale: build from a CSV edge list, SPC + main path, PageRank
//! (50 iterations), the path between two works, on a generated time-ordered network
//! (Price's model with a recency kernel).
//!
//! The default size is small for CI: 20,000 works, 10 references each. For the figures in
//! docs/scale.md set `BIBGRAPH_BENCH_WORKS=1000000` (1M works, ~10M citations):
//! `BIBGRAPH_BENCH_WORKS=1000000 cargo bench --bench network`. Peak memory is measured on
//! a whole-process run instead: see `examples/network_scale.rs`.

use bibgraph::network::generate::{price_network, PriceOptions};
use bibgraph::network::{load_files, shortest_path, LoadOptions, Method, PathMode, Traversal, Weight};
use bibgraph::reading::pagerank::PageRankOptions;
use criterion::{criterion_group, criterion_main, Criterion};
use std::io::Write;
use std::time::Duration;

fn works() -> usize {
    std::env::var("BIBGRAPH_BENCH_WORKS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000)
}

fn network(c: &mut Criterion) {
    let n = works();
    let edges = price_network(&PriceOptions::new(n, 10));
    let path = std::env::temp_dir().join(format!("bibgraph-bench-network-{n}-{}.csv", std::process::id()));
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(w, "citing,cited").unwrap();
        for (a, b) in &edges {
            writeln!(w, "W{a},W{b}").unwrap();
        }
    }
    let mut group = c.benchmark_group(format!("network_{n}_works_{}_citations", edges.len()));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("build_from_edge_list", |b| {
        b.iter(|| load_files(&[&path], &LoadOptions::default()).unwrap());
    });
    let (net, _) = load_files(&[&path], &LoadOptions::default()).unwrap();
    group.bench_function("spc_and_main_path", |b| {
        b.iter(|| {
            let t = Traversal::new(&net, Weight::Spc);
            t.main_path(Method::LocalForward)
        });
    });
    let mut options = PageRankOptions::default();
    options.tolerance = 0.0;
    options.max_iterations = 50;
    group.bench_function("pagerank_50_iterations", |b| {
        b.iter(|| bibgraph::network::pagerank(&net, &options));
    });
    let (from, to) = (net.find("W10").unwrap(), net.find(&format!("W{}", n - 1)).unwrap());
    assert!(shortest_path(&net, from, to, PathMode::Flow).is_some());
    group.bench_function("path_between_two_works", |b| {
        b.iter(|| shortest_path(&net, from, to, PathMode::Flow));
    });
    group.finish();
    std::fs::remove_file(&path).ok();
}

criterion_group!(benches, network);
criterion_main!(benches);
