//! How did 'transnational' travel from Bourne (1916) to Portes et al. (1999)?
//!
//! Loads the built-in corpus (Waldinger, 'Immigrant transnationalism'), finds the two
//! works by citation, and prints each step with its discipline, and each link with its
//! relation, whether the source attests influence, and the evidence.
//!
//! Run: `cargo run --example trace_lineage`

use bibgraph::lineage::LineageOptions;
use bibgraph::Corpus;

/// Errors are printed as one line (`error: ...`), not as a Rust debug dump.
fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), bibgraph::Error> {
    let corpus = Corpus::builtin()?;
    let from = corpus.find_work("Bourne 1916")?;
    let to = corpus.find_work("Portes et al. 1999")?;
    let lineage = corpus.lineage(from.key.as_str(), to.key.as_str(), &LineageOptions::default())?;

    for (i, key) in lineage.path.iter().enumerate() {
        let work = corpus.work(key.as_str()).expect("path works are in the corpus");
        println!("{}  {}", work.citation(), work.title.as_deref().unwrap_or(""));
        println!("      discipline: {}", work.discipline.as_deref().unwrap_or("not stated"));
        if let Some(link) = lineage.links.get(i) {
            let attested = if link.attested { "attested influence" } else { "succession only" };
            println!(
                "   -> {} ({attested}): {} [{}]",
                link.relation,
                link.provenance.evidence(),
                link.provenance.locator
            );
        }
    }
    Ok(())
}
