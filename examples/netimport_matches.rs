//! Lists the cited references matched within a set of exports, with the reason for each:
//! `cargo run --example netimport_matches -- FILE...`.

use bibgraph::network::{load_files, LoadOptions};

fn main() -> Result<(), bibgraph::Error> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let (net, report) = load_files(&files, &LoadOptions::default())?;
    for m in &report.matches {
        println!(
            "{}:{}\t{}\t{} -> {}\t{}",
            report.files[m.file].file,
            m.line,
            m.reason.name(),
            net.id(m.citing),
            net.id(m.cited),
            net.display(m.cited)
        );
    }
    Ok(())
}
