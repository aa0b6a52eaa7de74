//! One whole-process run over a citation network file, for measuring time and peak
//! memory together (`/usr/bin/time -v`): load and build, SPC + local main path, PageRank
//! (50 iterations), the path between two works. Prints one JSON object of seconds, wall-clock (`_s`) and on-CPU over all
//! threads (`_cpu_s`).
//!
//! Run: `cargo run --release --example network_gen -- 1000000 10 /tmp/net-1m.csv`, then
//! `/usr/bin/time -v target/release/examples/network_scale /tmp/net-1m.csv`.

use bibgraph::network::{load_files, shortest_path, LoadOptions, Method, PathMode, Traversal, Weight};
use bibgraph::reading::pagerank::PageRankOptions;
use std::process::ExitCode;
use std::time::Instant;

/// Seconds this process's threads, living and ended, have been on a CPU (Linux:
/// user + system time from /proc/self/stat, in ticks of 1/100 s), so that figures taken on
/// a busy machine still mean something, and a step that runs on two threads counts both;
/// 0 elsewhere.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which is in parentheses and may hold spaces):
            // utime and stime are the 12th and 13th.
            let rest = &s[s.rfind(')')? + 1..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some(f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?)
        })
        .map_or(0.0, |ticks| ticks / 100.0)
}

fn main() -> ExitCode {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: network_scale EDGES.csv");
        return ExitCode::FAILURE;
    };
    let (t0, c0) = (Instant::now(), cpu());
    let (net, _) = match load_files(&[&file], &LoadOptions::default()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let build = t0.elapsed().as_secs_f64();
    let build_cpu = cpu() - c0;

    let (t1, c1) = (Instant::now(), cpu());
    let t = Traversal::new(&net, Weight::Spc);
    let path = t.main_path(Method::LocalForward);
    let spc = t1.elapsed().as_secs_f64();
    let spc_cpu = cpu() - c1;
    let total = t.total();
    drop(t);

    let (t2, c2) = (Instant::now(), cpu());
    let mut options = PageRankOptions::default();
    options.tolerance = 0.0;
    options.max_iterations = 50;
    let (rank, iterations) = bibgraph::network::pagerank(&net, &options);
    let pagerank = t2.elapsed().as_secs_f64();
    let pagerank_cpu = cpu() - c2;

    // An early work and the last one: the path runs forward through time.
    let (from, to) = (net.find("W10"), net.find(&format!("W{}", net.len() - 1)));
    let t3 = Instant::now();
    let hops = match (from, to) {
        (Some(a), Some(b)) => shortest_path(&net, a, b, PathMode::Flow).map_or(0, |p| p.len()),
        _ => 0,
    };
    let path_s = t3.elapsed().as_secs_f64();
    println!(
        "{{\"works\": {}, \"citations\": {}, \"build_s\": {build:.4}, \"build_cpu_s\": {build_cpu:.4}, \"spc_mainpath_s\": {spc:.4}, \"spc_mainpath_cpu_s\": {spc_cpu:.4}, \"pagerank50_s\": {pagerank:.4}, \"pagerank50_cpu_s\": {pagerank_cpu:.4}, \"pagerank_iterations\": {iterations}, \"path_s\": {path_s:.6}, \"path_works\": {hops}, \"main_path_works\": {}, \"log10_total_paths\": {:.1}, \"network_bytes\": {}, \"rank_sum\": {:.6}}}",
        net.len(),
        net.citation_count(),
        path.works.len(),
        total.log10(),
        net.heap_bytes(),
        rank.iter().sum::<f64>()
    );
    ExitCode::SUCCESS
}
