//! DOT, for Graphviz: every node and edge with its attributes, works ranked by year.
//!
//! The graph runs left to right in time: a chain of invisible-edged `year:YYYY` nodes
//! (drawn as plain year labels) forms the time axis, and each work shares the rank of its
//! year. Those axis nodes are the only nodes that are not in the corpus graph; their
//! `kind` is `axis`. Works are rounded boxes, concepts ellipses, people plain text;
//! edges are drawn as in the SVG historiograph (see [`crate::picture::style`]).

use super::table::{node, GraphTable, NodeKind, Value};
use crate::escape::dot_quoted_into;
use crate::model::Relation;
use crate::picture::style::{stroke, Head};
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn attr(out: &mut String, name: &str, value: &Value) {
    dot_quoted_into(out, name);
    out.push('=');
    match value {
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Boolean(b) => {
            let _ = write!(out, "{b}");
        }
        Value::String(s) => dot_quoted_into(out, s),
    }
}

fn visual_edge(relation: Relation) -> String {
    let s = stroke(relation);
    let style = match s.dash {
        None => "solid",
        Some(d) if d.starts_with('2') => "dotted",
        Some(_) => "dashed",
    };
    let head = match s.head {
        Head::Arrow => "normal",
        Head::OpenArrow => "onormal",
        Head::BarArrow => "normaltee",
    };
    format!("color=\"{}\", style={style}, arrowhead={head}, penwidth={}", s.color, s.width)
}

/// The table as a DOT digraph.
pub fn write(table: &GraphTable) -> String {
    let mut out = String::with_capacity(256 * (table.nodes.len() + table.edges.len()) + 1024);
    out.push_str("digraph ");
    dot_quoted_into(&mut out, if table.id.is_empty() { "bibgraph" } else { &table.id });
    out.push_str(" {\n");
    out.push_str("  graph [rankdir=LR, charset=\"UTF-8\", ranksep=0.5, nodesep=0.2, fontname=\"DejaVu Sans\", labelloc=t, label=");
    dot_quoted_into(&mut out, table.title.as_deref().unwrap_or(&table.id));
    out.push_str("];\n");
    out.push_str("  node [fontname=\"DejaVu Sans\", fontsize=10];\n  edge [arrowsize=0.7];\n\n");

    // The time axis: one rank per year, in order; undated works share a last rank,
    // `n.d.`, after every year (never before the first).
    let mut years: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    let mut undated: Vec<&str> = Vec::new();
    let mut year_of: std::collections::HashMap<&str, Option<i32>> = std::collections::HashMap::new();
    for n in table.nodes.iter().filter(|n| n.kind == NodeKind::Work) {
        year_of.insert(&n.id, n.year);
        match n.year {
            Some(y) => years.entry(y).or_default().push(&n.id),
            None => undated.push(&n.id),
        }
    }
    out.push_str("  // time axis: works share the rank of their year; undated works the last\n");
    let mut ranks: Vec<(String, String, Vec<&str>)> =
        years.iter().map(|(y, ids)| (format!("year:{y}"), y.to_string(), ids.clone())).collect();
    if !undated.is_empty() {
        ranks.push(("year:nd".to_string(), "n.d.".to_string(), undated));
    }
    for (id, label, _) in &ranks {
        let _ = writeln!(out, "  \"{id}\" [shape=plaintext, fontsize=12, label=\"{label}\", \"kind\"=\"axis\"];");
    }
    let axis: Vec<String> = ranks.iter().map(|(id, _, _)| format!("\"{id}\"")).collect();
    if axis.len() > 1 {
        let _ = writeln!(out, "  {} [style=invis];", axis.join(" -> "));
    }
    for (id, _, ids) in &ranks {
        let _ = write!(out, "  {{ rank=same; \"{id}\";");
        for id in ids {
            out.push(' ');
            dot_quoted_into(&mut out, id);
            out.push(';');
        }
        out.push_str(" }\n");
    }

    out.push_str("\n  // nodes\n");
    for n in &table.nodes {
        out.push_str("  ");
        dot_quoted_into(&mut out, &n.id);
        out.push_str(match n.kind {
            NodeKind::Work => " [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"",
            NodeKind::Concept => " [shape=ellipse, style=filled, fillcolor=\"#fff4d6\"",
            NodeKind::Person => " [shape=plaintext, fontcolor=\"#555555\"",
        });
        if n.kind == NodeKind::Work {
            if let Some(Value::String(title)) = n.get(node::TITLE) {
                out.push_str(", tooltip=");
                dot_quoted_into(&mut out, title);
            }
        }
        for (a, v) in &n.attrs {
            out.push_str(", ");
            attr(&mut out, a.name, v);
        }
        out.push_str("];\n");
    }

    out.push_str("\n  // edges\n");
    for e in &table.edges {
        out.push_str("  ");
        dot_quoted_into(&mut out, &e.source);
        out.push_str(" -> ");
        dot_quoted_into(&mut out, &e.target);
        out.push_str(" [id=");
        dot_quoted_into(&mut out, &e.id);
        out.push_str(", ");
        out.push_str(&visual_edge(e.relation));
        // An edge against the time axis (a later or undated work citing an earlier one)
        // does not pull ranks.
        let (from, to) = (year_of.get(e.source.as_str()), year_of.get(e.target.as_str()));
        if let (Some(from), Some(to)) = (from, to) {
            if from.is_none() || to.is_none() || from > to {
                out.push_str(", constraint=false");
            }
        }
        for (a, v) in &e.attrs {
            out.push_str(", ");
            attr(&mut out, a.name, v);
        }
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out
}
