//! Draw how 'transnational' travelled from Bourne (1916) to Portes et al. (1999): a
//! historiograph with the works on a time axis, one lane per discipline, and each link
//! drawn by its type (attested influence solid, succession dashed, critique apart).
//!
//! Writes a self-contained SVG, by default `bourne-to-portes.svg`; open it in a browser.
//!
//! Run: `cargo run --example historiograph -- [OUT.svg]`

use bibgraph::lineage::LineageOptions;
use bibgraph::picture::{Historiograph, Options};
use bibgraph::Corpus;
use std::process::ExitCode;

fn main() -> ExitCode {
    let out = std::env::args().nth(1).unwrap_or_else(|| "bourne-to-portes.svg".to_string());
    match draw(&out) {
        Ok((works, links)) => {
            println!("{out}: {works} works, {links} links");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn draw(out: &str) -> Result<(usize, usize), Box<dyn std::error::Error>> {
    let corpus = Corpus::builtin()?;
    let from = corpus.find_work("Bourne 1916")?.key.clone();
    let to = corpus.find_work("Portes et al. 1999")?.key.clone();
    let lineage = corpus.lineage(from.as_str(), to.as_str(), &LineageOptions::default())?;
    let picture = Historiograph::lineage(&corpus, &lineage)?;
    std::fs::write(out, picture.to_svg(&Options::default()))?;
    Ok((picture.works.len(), picture.edges.len()))
}
