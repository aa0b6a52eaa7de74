//! Text and JSON views of network results, for the command line and scripts.
//!
//! A work is named by the source's own id (WoS UT, Scopus EID, OpenAlex id, DOI, Pajek
//! vertex number, edge-list value). A weight is a JSON number while it fits in an `f64`
//! and a string in scientific notation past that (`"1.2345e400"`); `log10_weight` is
//! always a number.

use super::count::Count;
use super::counts::lcs;
use super::graph::Network;
use super::mainpath::MainPath;
use super::traversal::Traversal;
use crate::error::Diagnostic;
use serde_json::{json, Value};
use std::fmt::Write;

fn weight_value(c: Count) -> Value {
    let x = c.to_f64();
    if x.is_finite() {
        json!(x)
    } else {
        json!(c.to_string())
    }
}

fn work_value(net: &Network, w: u32, lcs: &[u32]) -> Value {
    json!({
        "id": net.id(w),
        "label": net.label(w),
        "year": net.year(w),
        "title": net.title(w),
        "doi": net.doi(w),
        "lcs": lcs.get(w as usize),
        "gcs": net.gcs(w),
    })
}

fn diagnostics_value(d: &[Diagnostic]) -> Value {
    Value::Array(d.iter().map(|d| json!(d.to_string())).collect())
}

/// A main path as JSON: `weight`, `method`, `path` (ids in flow order), `links` (`from`,
/// `to`, `weight`, `log10_weight`), `works` (id, label, year, title, doi, lcs, gcs),
/// `total_paths` and `diagnostics`.
pub fn main_path_json(t: &Traversal<'_>, path: &MainPath, method: &str) -> Value {
    let net = t.network();
    let scores = lcs(net);
    json!({
        "weight": t.weight,
        "method": method,
        "total_paths": weight_value(t.total()),
        "path": path.works.iter().map(|&w| net.id(w)).collect::<Vec<_>>(),
        "links": path.links.iter().map(|l| json!({
            "from": net.id(l.from),
            "to": net.id(l.to),
            "weight": weight_value(l.weight),
            "log10_weight": l.weight.log10(),
        })).collect::<Vec<_>>(),
        "works": path.works.iter().map(|&w| work_value(net, w, &scores)).collect::<Vec<_>>(),
        "diagnostics": diagnostics_value(&path.diagnostics),
    })
}

fn work_line(net: &Network, w: u32) -> String {
    let year = net.year(w).map_or_else(|| "n.d.".to_string(), |y| y.to_string());
    let mut line = format!("{year:>5}  {}", net.id(w));
    if let Some(label) = net.label(w) {
        let _ = write!(line, "  {label}");
    }
    if let Some(title) = net.title(w) {
        let _ = write!(line, "  {}", title.chars().take(70).collect::<String>());
    }
    line
}

/// A main path as text: one work a line (year, id, label, title), each link's weight
/// between them, then notes.
pub fn main_path_text(t: &Traversal<'_>, path: &MainPath, method: &str) -> String {
    let net = t.network();
    let weight = format!("{:?}", t.weight).to_uppercase();
    let mut out = format!(
        "Main path ({method}, {weight}): {} works, {} links; {} counted paths in all\n",
        path.works.len(),
        path.links.len(),
        t.total()
    );
    let chain = path.links.windows(2).all(|p| p[0].to == p[1].from);
    if chain && !path.links.is_empty() {
        out.push_str(&work_line(net, path.links[0].from));
        out.push('\n');
        for l in &path.links {
            let _ = writeln!(out, "        | {weight} {}", l.weight);
            out.push_str(&work_line(net, l.to));
            out.push('\n');
        }
    } else {
        for &w in &path.works {
            out.push_str(&work_line(net, w));
            out.push('\n');
        }
        out.push_str("Links:\n");
        for l in &path.links {
            let _ = writeln!(out, "  {} -> {}  {weight} {}", net.id(l.from), net.id(l.to), l.weight);
        }
    }
    for d in &path.diagnostics {
        let _ = writeln!(out, "{d}");
    }
    out
}

/// The historiograph's works as JSON: `works` (id, label, year, title, doi, lcs, gcs), most
/// cited first, and `links` (`from` cited, `to` citing) among them.
pub fn histcite_json(net: &Network, works: &[u32]) -> Value {
    let scores = lcs(net);
    let chosen: std::collections::HashSet<u32> = works.iter().copied().collect();
    let mut links = Vec::new();
    for &w in works {
        for &r in net.references(w) {
            if chosen.contains(&r) {
                links.push(json!({"from": net.id(r), "to": net.id(w)}));
            }
        }
    }
    json!({
        "works": works.iter().map(|&w| work_value(net, w, &scores)).collect::<Vec<_>>(),
        "links": links,
    })
}

/// The historiograph's works as text: rank, LCS, GCS, year, id, label, title.
pub fn histcite_text(net: &Network, works: &[u32]) -> String {
    let scores = lcs(net);
    let mut out = format!("The {} works most cited within the set (LCS; GCS as the source gives it)\n", works.len());
    let _ = writeln!(out, "{:>4} {:>6} {:>6}  work", "#", "LCS", "GCS");
    for (i, &w) in works.iter().enumerate() {
        let gcs = net.gcs(w).map_or_else(|| "-".to_string(), |g| g.to_string());
        let _ = writeln!(out, "{:>4} {:>6} {:>6}  {}", i + 1, scores[w as usize], gcs, work_line(net, w));
    }
    out
}

/// A chain of citations between two works (from [`super::shortest_path`]) as JSON: `from`,
/// `to`, `steps`, `path` (ids in order), `links` (`from`, `to`: each step, and `citing`,
/// the one of the two that cites the other) and `works` (id, label, year, title, doi, lcs,
/// gcs).
pub fn lineage_json(net: &Network, path: &[u32]) -> Value {
    let scores = lcs(net);
    let links = super::reading::lineage_links(net, path);
    json!({
        "from": path.first().map(|&w| net.id(w)),
        "to": path.last().map(|&w| net.id(w)),
        "steps": path.len().saturating_sub(1),
        "path": path.iter().map(|&w| net.id(w)).collect::<Vec<_>>(),
        "links": path.windows(2).zip(&links).map(|(p, &(citing, _))| json!({
            "from": net.id(p[0]),
            "to": net.id(p[1]),
            "citing": net.id(citing),
        })).collect::<Vec<_>>(),
        "works": path.iter().map(|&w| work_value(net, w, &scores)).collect::<Vec<_>>(),
    })
}

/// A chain of citations between two works as text: one work a line (year, id, label,
/// title), and between two works which one cites the other.
pub fn lineage_text(net: &Network, path: &[u32]) -> String {
    let (Some(&first), Some(&last)) = (path.first(), path.last()) else { return String::new() };
    let steps = path.len() - 1;
    let mut out = format!(
        "From {} to {} by citations: {steps} step{} (the fewest the network has)\n",
        net.display(first),
        net.display(last),
        if steps == 1 { "" } else { "s" }
    );
    out.push_str(&work_line(net, first));
    out.push('\n');
    for (p, (citing, _)) in path.windows(2).zip(super::reading::lineage_links(net, path)) {
        out.push_str(if citing == p[1] { "        | cited by\n" } else { "        | cites\n" });
        out.push_str(&work_line(net, p[1]));
        out.push('\n');
    }
    out
}
