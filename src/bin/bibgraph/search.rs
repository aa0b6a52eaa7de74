//! `bibgraph search TEXT`: works, people and concepts that match, with the keys and ids
//! other commands take.

use crate::TextOrJson;
use bibgraph::search::{search, HitKind};
use bibgraph::Corpus;
use std::fmt::Write as _;

/// The hits as text (one a line: kind, key or id, name, title) or JSON. No hit is an error.
pub fn run(corpus: &Corpus, text: &str, format: TextOrJson) -> Result<String, String> {
    let hits = search(corpus, text);
    if hits.is_empty() {
        return Err(format!(
            "nothing matches `{text}` in the corpus's {} works, {} people and {} concepts",
            corpus.works().len(),
            corpus.people().len(),
            corpus.concepts().len()
        ));
    }
    match format {
        TextOrJson::Json => serde_json::to_string_pretty(&hits).map_err(|e| format!("cannot write json: {e}")),
        TextOrJson::Text => {
            let mut out = String::new();
            let count = |k: HitKind| hits.iter().filter(|h| h.kind == k).count();
            let (w, p, c) = (count(HitKind::Work), count(HitKind::Person), count(HitKind::Concept));
            let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            let _ = writeln!(
                out,
                "{}, {}, {} match `{text}`",
                plural(w, "work", "works"),
                plural(p, "person", "people"),
                plural(c, "concept", "concepts")
            );
            for h in &hits {
                let kind = match h.kind {
                    HitKind::Work => "work",
                    HitKind::Person => "person",
                    HitKind::Concept => "concept",
                };
                let detail = if h.detail.is_empty() { String::new() } else { format!(": {}", h.detail) };
                let _ = writeln!(out, "{kind:<8} {:<28} {}{detail}", h.id, h.name);
            }
            Ok(out)
        }
    }
}
