//! A selection of the network (a main path, the top works by LCS, a work's ancestors)
//! as a small [`Corpus`], for pictures, reading lists and exports.
//!
//! Each work keeps what the network knows of it: its id (in `note`), year, title and DOI;
//! its label (e.g. HistCite's "MILGRAM S") stands as a literal author name, and the note
//! says so. Its type is not known to the network, so every work is an `article`, and the
//! note says that too. Each citation is a `cites` edge whose provenance is the citing
//! work's reference list.

use super::graph::Network;
use crate::corpus::{Corpus, CorpusFile};
use crate::error::Result;
use serde_yaml::{Mapping, Value};
use std::collections::{HashMap, HashSet};

/// A key for work `w`: its id folded to the key alphabet, made unique with the index.
fn key_of(net: &Network, w: u32, used: &mut HashSet<String>) -> String {
    let mut key: String = net
        .id(w)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    key.truncate(40);
    let key = key.trim_end_matches('-');
    let mut key = if key.starts_with(|c: char| c.is_ascii_lowercase()) { key.to_string() } else { format!("w{key}") };
    if key == "w" || !used.insert(key.clone()) {
        key = format!("{key}-n{w}");
        used.insert(key.clone());
    }
    key
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn map(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Mapping::new();
    for (k, v) in pairs {
        m.insert(s(k), v);
    }
    Value::Mapping(m)
}

/// The works `works` of `net` and the citations among them (all of them, when `links` is
/// `None`; else only `links`, given as `(citing, cited)`) as a corpus named `name`.
/// O(selected works + their citations).
pub fn to_corpus(net: &Network, works: &[u32], links: Option<&[(u32, u32)]>, name: &str) -> Result<Corpus> {
    to_corpus_keyed(net, works, links, name).map(|(corpus, _)| corpus)
}

/// [`to_corpus`], with the key each selected work got in the corpus.
pub(crate) fn to_corpus_keyed(
    net: &Network,
    works: &[u32],
    links: Option<&[(u32, u32)]>,
    name: &str,
) -> Result<(Corpus, HashMap<u32, String>)> {
    let mut used = HashSet::new();
    let mut keys: HashMap<u32, String> = HashMap::new();
    let mut entries = Vec::new();
    for &w in works {
        if keys.contains_key(&w) || w as usize >= net.len() {
            continue;
        }
        let key = key_of(net, w, &mut used);
        let mut fields = vec![("key", s(&key)), ("type", s("article"))];
        fields.push(("authors", Value::Sequence(vec![map(vec![("literal", s(net.display(w)))])])));
        if let Some(y) = net.year(w) {
            fields.push(("year", Value::Number(y.into())));
        }
        if let Some(t) = net.title(w) {
            fields.push(("title", s(t)));
        }
        if let Some(d) = net.doi(w) {
            fields.push(("doi", s(d)));
        }
        let note = format!(
            "from a citation network: id `{}`; the author is the network's label for the work; its type is not known",
            net.id(w)
        );
        fields.push(("note", s(&note)));
        fields.push((
            "provenance",
            map(vec![
                ("source", s(&key)),
                ("locator", s(&format!("network record {}", net.id(w)))),
                ("note", s("the work as the network records it")),
            ]),
        ));
        entries.push(map(fields));
        keys.insert(w, key);
    }
    let mut pairs: Vec<(u32, u32)> = match links {
        Some(l) => l.to_vec(),
        None => keys.keys().flat_map(|&u| net.references(u).iter().map(move |&v| (u, v))).collect(),
    };
    pairs.sort_unstable();
    pairs.dedup();
    let mut edges = Vec::new();
    for (citing, cited) in pairs {
        let (Some(a), Some(b)) = (keys.get(&citing), keys.get(&cited)) else { continue };
        edges.push(map(vec![
            ("from", s(a)),
            ("to", s(b)),
            ("relation", s("cites")),
            (
                "provenance",
                map(vec![
                    ("source", s(a)),
                    ("locator", s("references")),
                    ("note", s("the citing work's references in the network")),
                ]),
            ),
        ]));
    }
    let data = map(vec![("works", Value::Sequence(entries)), ("edges", Value::Sequence(edges))]);
    let manifest = map(vec![("id", s("network-selection")), ("title", s(name))]);
    let text = serde_yaml::to_string(&data)
        .map_err(|e| crate::Error::new(crate::ErrorKind::Output, "cannot write the selection").with_source(e))?;
    let manifest = serde_yaml::to_string(&manifest)
        .map_err(|e| crate::Error::new(crate::ErrorKind::Output, "cannot write the selection").with_source(e))?;
    let corpus = Corpus::from_files([CorpusFile::new("corpus.yaml", manifest), CorpusFile::new("network.yaml", text)])?;
    Ok((corpus, keys))
}

/// The works `w` builds on: every work reachable from `w` along references, at most
/// `limit` of them, nearest first (breadth-first). `w` itself is not included.
pub fn ancestors(net: &Network, w: u32, limit: usize) -> Vec<u32> {
    let mut seen = HashSet::from([w]);
    let mut out = Vec::new();
    let mut head = 0;
    let mut queue = vec![w];
    while head < queue.len() && out.len() < limit {
        let u = queue[head];
        head += 1;
        for &v in net.references(u) {
            if out.len() < limit && seen.insert(v) {
                out.push(v);
                queue.push(v);
            }
        }
    }
    out
}
