//! What should a student read on long-distance nationalism, in what order, and why?
//!
//! Loads the built-in corpus (Waldinger, 'Immigrant transnationalism'), finds the topic
//! (a concept, a work or a section of the article), builds a reading list in lineage
//! order (prerequisites first), and prints each work as an APA reference with the
//! reasons it is on the list and its annotation; then the `\cite` command for a LaTeX
//! document whose `.bib` file is `bibgraph reading-list ... --format biblatex`.
//!
//! Run: `cargo run --example reading_list` or
//! `cargo run --example reading_list -- "Portes et al. 1999"`.

use bibgraph::reading::{Order, ReadingOptions};
use bibgraph::style::Style;
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
    let name = std::env::args().nth(1).unwrap_or_else(|| "long-distance nationalism".to_string());
    let corpus = Corpus::builtin()?;
    let topic = corpus.find_topic(&name, None)?;
    let list = corpus.reading_list(&topic, &ReadingOptions::default().order(Order::Lineage))?;
    let references = Style::apa().references_by_key(list.entries.iter().map(|e| e.work))?;

    println!("Reading list: {} ({} works)", list.label, list.entries.len());
    for note in &list.notes {
        println!("note: {note}");
    }
    for (i, entry) in list.entries.iter().enumerate() {
        println!("{:>2}. {}", i + 1, references[&entry.work.key].text);
        for reason in &entry.why {
            println!("      why: {reason}");
        }
        if let Some(annotation) = &entry.work.annotation {
            println!("      annotation: {annotation}");
        }
    }
    let keys: Vec<&str> = list.entries.iter().map(|e| e.work.key.as_str()).collect();
    println!("\\cite{{{}}}", keys.join(","));
    Ok(())
}
