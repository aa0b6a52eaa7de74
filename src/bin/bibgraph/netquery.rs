//! `lineage` and `reading-list` over a citation network (`--network FILE...`): the works
//! are named by the network's own ids, and the result goes through the same renderers as
//! a corpus's.

use crate::netload::{DirectionArg, NetworkFiles};
use crate::output::Made;
use crate::{LineageFormat, OrderArg, ReadingFormat};
use bibgraph::network::{self, citation_picture, shortest_path, view, AncestorRank, Network, PathMode};
use bibgraph::reading::Order;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Where a network comes from, for `lineage` and `reading-list`.
#[derive(Args)]
pub struct NetworkInput {
    /// Read the works from these citation-network files (the formats `bibgraph network`
    /// reads; put them after the works) instead of the corpus: works are named by the
    /// network's own ids (WoS UT, Scopus EID, OpenAlex id, DOI, Pajek vertex, edge-list value).
    #[arg(long = "network", num_args = 1.., value_name = "FILE")]
    pub network: Vec<PathBuf>,
    /// With --network: read every file as this format instead of sniffing (pajek, edges, ...).
    #[arg(long, value_name = "FORMAT", requires = "network")]
    pub input_format: Option<String>,
    /// With --network: which way the arcs of Pajek files and edge lists point.
    #[arg(long, value_enum, default_value = "auto", requires = "network")]
    pub direction: DirectionArg,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RankArg {
    /// Local citation score: how many works of the network cite it.
    Lcs,
    /// PageRank over the whole network.
    Pagerank,
}

/// `reading-list --network`: the network and how to rank a work's ancestors.
#[derive(Args)]
pub struct ReadingNetwork {
    #[command(flatten)]
    pub input: NetworkInput,
    /// With --network: how to rank the works the topic builds on (--limit keeps the best;
    /// 30 unless given).
    #[arg(long, value_enum, default_value = "lcs", requires = "network")]
    pub rank: RankArg,
}

impl NetworkInput {
    /// Whether a network was given.
    pub fn given(&self) -> bool {
        !self.network.is_empty()
    }

    fn load(&self, corpus: bool) -> Result<Network, String> {
        if corpus {
            return Err("give either --corpus or --network, not both".to_string());
        }
        let files = NetworkFiles {
            files: self.network.clone(),
            input_format: self.input_format.clone(),
            direction: self.direction,
        };
        Ok(files.load()?.0)
    }
}

fn find(net: &Network, id: &str) -> Result<u32, String> {
    net.find(id).or_else(|| net.find(id.trim())).ok_or_else(|| {
        format!("no work `{id}` in the network: name a work by the network's own id (as `bibgraph network --format json` reads them)")
    })
}

/// `bibgraph lineage FROM TO --network FILE...`: the fewest-step chain of citations from
/// FROM (earlier) to TO (later), by bidirectional search.
pub fn lineage(
    input: &NetworkInput,
    corpus: bool,
    (from, to): (&str, &str),
    concept: bool,
    format: LineageFormat,
    no_titles: bool,
) -> Result<Made, String> {
    if concept {
        return Err("--concept does not apply to a network: its citations carry no concepts".to_string());
    }
    let net = input.load(corpus)?;
    let (a, b) = (find(&net, from)?, find(&net, to)?);
    let Some(path) = shortest_path(&net, a, b, PathMode::Flow) else {
        let hint = if shortest_path(&net, b, a, PathMode::Flow).is_some() {
            format!(": one runs from `{to}` to `{from}`; give the earlier work first")
        } else {
            String::new()
        };
        return Err(format!("no chain of citations leads from `{from}` to `{to}` in the network{hint}"));
    };
    match format {
        LineageFormat::Text => Ok(Made::Text(view::lineage_text(&net, &path))),
        LineageFormat::Json => serde_json::to_string_pretty(&view::lineage_json(&net, &path))
            .map(|s| Made::Text(s + "\n"))
            .map_err(|e| e.to_string()),
        LineageFormat::Svg | LineageFormat::Png | LineageFormat::Pdf => {
            let links = network::reading::lineage_links(&net, &path);
            let title = format!("From {} to {}", net.display(a), net.display(b));
            let corpus = network::to_corpus(&net, &path, Some(&links), &title).map_err(|e| e.to_string())?;
            let svg = citation_picture(&corpus).to_svg(&bibgraph::picture::Options::default().titles(!no_titles));
            crate::picture(svg, format == LineageFormat::Png, format == LineageFormat::Pdf)
        }
    }
}

/// `bibgraph reading-list WORK --network FILE...`: the works WORK builds on, ranked, the
/// best `limit` (30 by default), rendered as a corpus's reading list.
pub fn reading_list(
    args: &ReadingNetwork,
    corpus: bool,
    topic: &str,
    work_topic: bool,
    (order, limit): (OrderArg, Option<u64>),
    format: ReadingFormat,
    style: &str,
) -> Result<String, String> {
    if !work_topic {
        return Err("over a network, the topic is a work (`--as work`): the network has no concepts or sections".into());
    }
    let net = args.input.load(corpus)?;
    let w = find(&net, topic)?;
    let rank = match args.rank {
        RankArg::Lcs => AncestorRank::Lcs,
        RankArg::Pagerank => AncestorRank::PageRank,
    };
    let limit = limit.map_or(30, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let ancestors = network::ranked_ancestors(&net, w, rank, limit);
    let (corpus, keys) = network::ancestors_corpus(&net, w, &ancestors).map_err(|e| e.to_string())?;
    let order = match order {
        OrderArg::Chronological => Order::Chronological,
        OrderArg::Lineage => Order::Lineage,
        OrderArg::Importance => Order::Importance,
    };
    let list = network::reading::reading_list(&corpus, &keys, &net, w, &ancestors, rank, order);
    crate::render_reading_list(&corpus, &list, format, style).map_err(|e| e.to_string())
}
