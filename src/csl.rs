//! CSL-JSON: the bibliographic interchange format of Zotero, pandoc and citeproc.

use crate::model::{Name, Work};
use serde_json::{json, Map, Value};

fn name_json(name: &Name) -> Value {
    match name {
        Name::Person(p) => {
            let mut m = Map::new();
            m.insert("family".into(), json!(p.family));
            if let Some(g) = &p.given {
                m.insert("given".into(), json!(g));
            }
            if let Some(x) = &p.particle {
                m.insert("non-dropping-particle".into(), json!(x));
            }
            if let Some(s) = &p.suffix {
                m.insert("suffix".into(), json!(s));
            }
            Value::Object(m)
        }
        Name::Literal { literal } => json!({ "literal": literal }),
    }
}

/// One work as a standard CSL-JSON item. Fields bibgraph has that CSL lacks (the raw
/// text, flags, repairs) go under `custom`, which CSL-JSON reserves for such data.
pub fn to_csl(work: &Work) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(work.key));
    m.insert("type".into(), json!(work.kind.as_str()));
    if !work.authors.is_empty() {
        m.insert("author".into(), Value::Array(work.authors.iter().map(name_json).collect()));
    }
    if !work.editors.is_empty() {
        m.insert("editor".into(), Value::Array(work.editors.iter().map(name_json).collect()));
    }
    if let Some(y) = &work.year {
        let mut issued = Map::new();
        match y.year {
            Some(year) => {
                let mut parts = vec![json!(year)];
                if let Some(month) = y.month {
                    parts.push(json!(month));
                    if let Some(day) = y.day {
                        parts.push(json!(day));
                    }
                }
                issued.insert("date-parts".into(), json!([parts]));
            }
            None => {
                issued.insert("literal".into(), json!(y.cited()));
            }
        }
        m.insert("issued".into(), Value::Object(issued));
        if let Some(s) = y.suffix {
            m.insert("year-suffix".into(), json!(s.to_string()));
        }
        if let Some(o) = y.original {
            m.insert("original-date".into(), json!({ "date-parts": [[o]] }));
        }
    }
    let fields: [(&str, &Option<String>); 15] = [
        ("title", &work.title),
        ("container-title", &work.container_title),
        ("collection-title", &work.collection_title),
        ("number", &work.number),
        ("genre", &work.genre),
        ("edition", &work.edition),
        ("volume", &work.volume),
        ("issue", &work.issue),
        ("page", &work.pages),
        ("publisher", &work.publisher),
        ("publisher-place", &work.place),
        ("URL", &work.url),
        ("DOI", &work.doi),
        ("note", &work.note),
        ("annote", &work.annotation),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            m.insert(name.into(), json!(v));
        }
    }
    let mut custom = Map::new();
    if let Some(raw) = &work.raw {
        custom.insert("raw".into(), json!(raw));
    }
    if !work.flags.is_empty() {
        custom.insert("flags".into(), json!(work.flags));
    }
    if !work.repairs.is_empty() {
        custom.insert("repairs".into(), json!(work.repairs));
    }
    if let Some(d) = &work.discipline {
        custom.insert("discipline".into(), json!(d));
    }
    if !custom.is_empty() {
        m.insert("custom".into(), Value::Object(custom));
    }
    Value::Object(m)
}

/// Works as a CSL-JSON array, in order.
pub fn to_csl_array<'a>(works: impl IntoIterator<Item = &'a Work>) -> Value {
    Value::Array(works.into_iter().map(to_csl).collect())
}
