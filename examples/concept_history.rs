//! The history of a concept: who defined or used it, where, in which discipline, in time
//! order, and how it relates to other concepts.
//!
//! Run: `cargo run --example concept_history -- "long-distance nationalism"`
//! (default: `transnationalism`).

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
    let name = std::env::args().nth(1).unwrap_or_else(|| "transnationalism".to_string());
    let corpus = Corpus::builtin()?;
    let concept = corpus.find_concept(&name)?;
    let history = corpus.concept_history(concept.id.as_str())?;

    println!("{} ({} senses)", concept.label, history.senses.len());
    for (sense, work) in &history.senses {
        let discipline = sense.discipline.as_deref().or(work.discipline.as_deref()).unwrap_or("discipline not stated");
        let page = sense.locator.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
        println!("  {}{page}: {} [{discipline}]", work.citation(), sense.kind);
        match (&sense.quote, &sense.description) {
            (Some(q), _) => println!("    \u{201c}{q}\u{201d}"),
            (None, Some(d)) => println!("    {d}"),
            (None, None) => {}
        }
    }
    for relation in &concept.relations {
        let other = corpus.concept(relation.concept.as_str()).map_or(relation.concept.as_str(), |c| c.label.as_str());
        println!("  {} {other}", relation.relation);
    }
    Ok(())
}
