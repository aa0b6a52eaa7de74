//! `bibgraph histcite`: a HistCite-style historiograph of the works most cited within a set.

use crate::netload::NetworkFiles;
use bibgraph::network::{citation_picture, histcite_corpus, top_by_lcs, view};
use clap::{Args, ValueEnum};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum HistCiteFormat {
    /// The picture: works on a time axis, citations between them.
    Svg,
    /// Rank, LCS, GCS, year, id, label.
    Text,
    /// `works` (id, label, year, lcs, gcs, ...) and `links` (`from` cited, `to` citing).
    Json,
    /// GraphML of the works and citations.
    Graphml,
}

/// `bibgraph histcite` arguments.
#[derive(Args)]
pub struct HistCiteArgs {
    #[command(flatten)]
    pub input: NetworkFiles,
    /// How many works: those with the highest local citation score (LCS).
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub top: usize,
    #[arg(long, value_enum, default_value = "svg")]
    pub format: HistCiteFormat,
}

pub fn run(args: &HistCiteArgs) -> Result<String, String> {
    let (net, _) = args.input.load()?;
    match args.format {
        HistCiteFormat::Text => Ok(view::histcite_text(&net, &top_by_lcs(&net, args.top))),
        HistCiteFormat::Json => serde_json::to_string_pretty(&view::histcite_json(&net, &top_by_lcs(&net, args.top)))
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        HistCiteFormat::Svg | HistCiteFormat::Graphml => {
            let corpus = histcite_corpus(&net, args.top).map_err(|e| e.to_string())?;
            if args.format == HistCiteFormat::Svg {
                Ok(citation_picture(&corpus).to_svg(&bibgraph::picture::Options::default()))
            } else {
                bibgraph::export::export(&corpus, bibgraph::export::Format::GraphMl).map_err(|e| e.to_string())
            }
        }
    }
}
