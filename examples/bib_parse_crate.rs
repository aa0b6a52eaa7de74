//! The biblatex crate's own parser on a file, for comparison with bibgraph's importer
//! (see `benches/bib.rs` and the README): `cargo run --release --example bib_parse_crate -- FILE.bib`.
//!
//! Prints the number of entries, or the crate's error. Run it under `/usr/bin/time -v` to
//! see the crate's peak memory.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bib_parse_crate FILE.bib");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    match biblatex::Bibliography::parse(&text) {
        Ok(bib) => {
            println!("{path}: {} entries", bib.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("{path}: error: {e}");
            ExitCode::FAILURE
        }
    }
}
