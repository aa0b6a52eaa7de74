//! GraphML, for Gephi, Cytoscape, yEd and networkx: every node and edge, with typed
//! attributes declared as `<key>`s (`year` is an `int`, `attested` a `boolean`, the rest
//! `string`s).
//!
//! Node keys have ids `n-NAME`, edge keys `e-NAME`, and each has `attr.name` NAME (see
//! [`super::table::node`] and [`super::table::edge`]). A value that a node or edge does
//! not have is left out.

use super::table::{edge, node, Attr, GraphTable, Value};
use crate::escape::{xml_attr_into, xml_text_into};
use std::fmt::Write as _;

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

/// The id of an attribute's `<key>`: `n-year`, `e-relation`.
pub fn key_id(attr: Attr) -> String {
    let prefix = match attr.domain {
        super::table::Domain::Node => 'n',
        super::table::Domain::Edge => 'e',
    };
    format!("{prefix}-{}", attr.name)
}

/// Whether `s` is an XML name token (GraphML ids are `xs:NMTOKEN`s).
fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '\u{b7}'))
}

fn data(out: &mut String, attr: Attr, value: &Value) {
    let _ = write!(out, "      <data key=\"{}\">", key_id(attr));
    match value {
        Value::String(s) => xml_text_into(out, s),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Boolean(b) => {
            let _ = write!(out, "{b}");
        }
    }
    out.push_str("</data>\n");
}

/// The table as a GraphML document.
pub fn write(table: &GraphTable) -> String {
    let mut out = String::with_capacity(400 * (table.nodes.len() + table.edges.len()) + 4096);
    out.push_str(HEADER);
    for a in node::ALL.iter().chain(edge::ALL) {
        let _ = writeln!(
            out,
            "  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            key_id(*a),
            a.domain.graphml_name(),
            a.name,
            a.ty.graphml_name()
        );
    }
    let id = if is_nmtoken(&table.id) { table.id.as_str() } else { "bibgraph" };
    let _ = writeln!(out, "  <graph id=\"{id}\" edgedefault=\"directed\">");
    for n in &table.nodes {
        out.push_str("    <node id=\"");
        xml_attr_into(&mut out, &n.id);
        out.push_str("\">\n");
        for (a, v) in &n.attrs {
            data(&mut out, *a, v);
        }
        out.push_str("    </node>\n");
    }
    for e in &table.edges {
        let _ = write!(out, "    <edge id=\"{}\" source=\"", e.id);
        xml_attr_into(&mut out, &e.source);
        out.push_str("\" target=\"");
        xml_attr_into(&mut out, &e.target);
        out.push_str("\">\n");
        for (a, v) in &e.attrs {
            data(&mut out, *a, v);
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
