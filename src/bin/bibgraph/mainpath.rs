//! `bibgraph mainpath`: the main path of a citation network.

use crate::netload::NetworkFiles;
use bibgraph::network::{citation_picture, to_corpus, view, Method, Traversal, Weight};
use clap::{Args, ValueEnum};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum WeightArg {
    /// Search path count: paths from a source to a sink.
    Spc,
    /// Search path link count: paths from any work to a sink.
    Splc,
    /// Search path node pair: paths between any two works.
    Spnp,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MethodArg {
    /// From the heaviest link out of a source, the heaviest link onward (--backward: from a sink back).
    Local,
    /// The source-to-sink path whose link weights sum highest.
    Global,
    /// The --top K heaviest links, each extended both ways by local search.
    KeyRoute,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MainPathFormat {
    Text,
    /// `path` (ids in order) and `links` (`from`, `to`, `weight`).
    Json,
    /// A historiograph of the path's works on a time axis.
    Svg,
    /// GraphML of the path's works and links.
    Graphml,
}

/// `bibgraph mainpath` arguments.
#[derive(Args)]
pub struct MainPathArgs {
    #[command(flatten)]
    pub input: NetworkFiles,
    /// The traversal weight.
    #[arg(long, value_enum, default_value = "spc")]
    pub weight: WeightArg,
    /// How to choose the path.
    #[arg(long, value_enum, default_value = "local")]
    pub method: MethodArg,
    /// For --method local: search backward from the sinks instead of forward from the sources.
    #[arg(long)]
    pub backward: bool,
    /// For --method key-route: how many of the heaviest links to start from.
    #[arg(long, default_value_t = 10, value_name = "K")]
    pub top: usize,
    #[arg(long, value_enum, default_value = "text")]
    pub format: MainPathFormat,
}

pub fn run(args: &MainPathArgs) -> Result<String, String> {
    let (net, _) = args.input.load()?;
    let weight = match args.weight {
        WeightArg::Spc => Weight::Spc,
        WeightArg::Splc => Weight::Splc,
        WeightArg::Spnp => Weight::Spnp,
    };
    let (method, name) = match (args.method, args.backward) {
        (MethodArg::Local, false) => (Method::LocalForward, "local forward".to_string()),
        (MethodArg::Local, true) => (Method::LocalBackward, "local backward".to_string()),
        (MethodArg::Global, _) => (Method::Global, "global".to_string()),
        (MethodArg::KeyRoute, _) => (Method::KeyRoute(args.top), format!("key-route, top {}", args.top)),
    };
    let t = Traversal::new(&net, weight);
    for d in t.diagnostics() {
        eprintln!("{d}");
    }
    let path = t.main_path(method);
    if path.links.is_empty() {
        return Err("the network has no citations between its works: no main path".to_string());
    }
    match args.format {
        MainPathFormat::Text => Ok(view::main_path_text(&t, &path, &name)),
        MainPathFormat::Json => serde_json::to_string_pretty(&view::main_path_json(&t, &path, &name))
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        MainPathFormat::Svg | MainPathFormat::Graphml => {
            let links: Vec<(u32, u32)> = path.links.iter().map(|l| (l.to, l.from)).collect();
            let title = format!("Main path ({name}, {})", format!("{weight:?}").to_uppercase());
            let corpus = to_corpus(&net, &path.works, Some(&links), &title).map_err(|e| e.to_string())?;
            if args.format == MainPathFormat::Svg {
                Ok(citation_picture(&corpus).to_svg(&bibgraph::picture::Options::default()))
            } else {
                bibgraph::export::export(&corpus, bibgraph::export::Format::GraphMl).map_err(|e| e.to_string())
            }
        }
    }
}
