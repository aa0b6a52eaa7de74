//! Writes a generated YAML corpus or BibTeX library of a given size, for measuring
//! bibgraph at scale (see docs/scale-corpus.md):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- yaml 100000 /tmp/c100k.yaml   # 100k works, 1M edges
//! cargo run --release --example gen_corpus -- yaml 100000 /tmp/d.yaml --dangling 1000
//! cargo run --release --example gen_corpus -- bib 100000 /tmp/lib.bib
//! ```
//!
//! `--dangling N`: N of every 1,000 `cites` edges point at keys not in the corpus.

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(kind), Some(n), Some(path)) = (args.first(), args.get(1).and_then(|n| n.parse().ok()), args.get(2))
    else {
        eprintln!("usage: gen_corpus yaml|bib N OUT [--dangling PER_MILLE]");
        return ExitCode::from(2);
    };
    let dangling = args.iter().position(|a| a == "--dangling").and_then(|i| args.get(i + 1)?.parse().ok());
    let file = match std::fs::File::create(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = BufWriter::new(file);
    let done = match kind.as_str() {
        "yaml" => {
            let mut shape = gen::CorpusShape::new(n);
            shape.dangling_per_mille = dangling.unwrap_or(0);
            gen::write_corpus(&shape, &mut out).map(|edges| eprintln!("{n} works, {edges} edges"))
        }
        "bib" => gen::write_bib(n, 17, &mut out).map(|()| eprintln!("{n} entries")),
        _ => {
            eprintln!("usage: gen_corpus yaml|bib N OUT [--dangling PER_MILLE]");
            return ExitCode::from(2);
        }
    };
    match done.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
