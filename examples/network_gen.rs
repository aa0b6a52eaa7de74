//! Writes a generated, time-ordered citation network (Price's model with a recency
//! kernel, see `bibgraph::network::generate`) as a CSV edge list `citing,cited`, works
//! named `W0`, `W1`, ... in order of time.
//!
//! Run: `cargo run --release --example network_gen -- WORKS REFS OUT.csv [SEED]`
//! e.g. `-- 1000000 10 /tmp/net-1m.csv` for the 1M-work / 10M-citation network.

use bibgraph::network::generate::{price_network, PriceOptions};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(works), Some(refs), Some(out)) =
        (args.first().and_then(|a| a.parse().ok()), args.get(1).and_then(|a| a.parse().ok()), args.get(2))
    else {
        eprintln!("usage: network_gen WORKS REFS OUT.csv [SEED]");
        return ExitCode::FAILURE;
    };
    let mut options = PriceOptions::new(works, refs);
    if let Some(seed) = args.get(3).and_then(|s| s.parse().ok()) {
        options.seed = seed;
    }
    let edges = price_network(&options);
    let write = || -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
        writeln!(w, "citing,cited")?;
        for (a, b) in &edges {
            writeln!(w, "W{a},W{b}")?;
        }
        w.flush()
    };
    match write() {
        Ok(()) => {
            println!("{out}: {works} works, {} citations", edges.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
