//! Loading a citation network from files, shared by the network commands.

use bibgraph::network::{load_files, Direction, LoadOptions, LoadReport, Network};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DirectionArg {
    /// Tell by the years, when the works have them (HistCite's arcs run cited -> citing).
    Auto,
    /// Arcs run from the citing to the cited work.
    CitingToCited,
    /// Arcs run from the cited to the citing work.
    CitedToCiting,
}

/// The files of a network and how to read them.
#[derive(Args)]
pub struct NetworkFiles {
    /// The files: Pajek .net/.paj, CSV edge lists (citing,cited), and the other formats
    /// `bibgraph network` lists. Each file's format is sniffed.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read every file as this format instead of sniffing (pajek, edges, ...).
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Which way the arcs of Pajek files and edge lists point.
    #[arg(long, value_enum, default_value = "auto")]
    pub direction: DirectionArg,
}

impl NetworkFiles {
    /// Loads the network, with progress on standard error for loads over a second; the
    /// warnings go to standard error too.
    pub fn load(&self) -> Result<(Network, LoadReport), String> {
        let mut options = LoadOptions::default();
        options.format = self.input_format.clone();
        options.direction = match self.direction {
            DirectionArg::Auto => Direction::Auto,
            DirectionArg::CitingToCited => Direction::CitingToCited,
            DirectionArg::CitedToCiting => Direction::CitedToCiting,
        };
        options.progress = true;
        let (net, report) = load_files(&self.files, &options).map_err(|e| e.to_string())?;
        let warnings: Vec<_> = report.diagnostics().filter(|d| d.severity >= bibgraph::Severity::Warning).collect();
        for d in warnings.iter().take(20) {
            eprintln!("{d}");
        }
        if warnings.len() > 20 {
            eprintln!("... and {} more warnings", warnings.len() - 20);
        }
        Ok((net, report))
    }
}
