//! Node-link JSON, for web viewers (d3, sigma.js, Cytoscape.js) and networkx's
//! `node_link_graph`: `{"directed": true, "multigraph": true, "graph": {...},
//! "nodes": [...], "edges": [...], "links": [...]}`.
//!
//! The edges are under `edges`, the key `networkx.node_link_graph(data)` reads by default
//! from networkx 3.6 on, and again under `links`, the key networkx 3.4 and 3.5 read by
//! default (with a FutureWarning) and web viewers expect: every networkx from 3.4 on,
//! and d3, read the file with their default call.
//!
//! Each node has its `id` and its attributes as members (`year` a number, the rest
//! strings); each link has `id`, `source` and `target` (node ids) and its attributes
//! (`attested` a boolean). A value that a node or link does not have is left out.

use super::table::{Attr, GraphTable, Value};
use crate::error::Result;
use serde_json::{json, Map, Value as Json};

fn members(id: &str, attrs: &[(Attr, Value)]) -> Map<String, Json> {
    let mut m = Map::new();
    m.insert("id".into(), Json::String(id.to_string()));
    for (a, v) in attrs {
        let v = match v {
            Value::String(s) => Json::String(s.clone()),
            Value::Int(i) => Json::from(*i),
            Value::Boolean(b) => Json::Bool(*b),
        };
        m.insert(a.name.to_string(), v);
    }
    m
}

/// The table as node-link JSON.
///
/// # Errors
/// [`crate::ErrorKind::Output`] if serialisation fails.
pub fn write(table: &GraphTable) -> Result<String> {
    let nodes: Vec<Json> = table.nodes.iter().map(|n| Json::Object(members(&n.id, &n.attrs))).collect();
    let links: Vec<Json> = table
        .edges
        .iter()
        .map(|e| {
            let mut m = members(&e.id, &e.attrs);
            m.insert("source".into(), Json::String(e.source.clone()));
            m.insert("target".into(), Json::String(e.target.clone()));
            Json::Object(m)
        })
        .collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": { "id": table.id, "title": table.title },
        "nodes": nodes,
        "edges": links.clone(),
        "links": links,
    });
    crate::render::to_json(&doc)
}
