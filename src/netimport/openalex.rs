//! OpenAlex works: one work, an API page (`meta` / `results`), an array, or JSON Lines (one
//! work a line, as in snapshots, gzipped or not).
//!
//! Ids and DOIs are URLs (`https://openalex.org/W2741809807`, `https://doi.org/10...`); the
//! record's id is the short form (`W2741809807`). `referenced_works` holds OpenAlex ids, never
//! DOIs. Works are read with borrowed strings straight from each line's bytes.

use super::record::{CitedRef, Format, Parsed, Record};
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
struct Work<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    doi: Option<Cow<'a, str>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    display_name: Option<Cow<'a, str>>,
    publication_year: Option<i32>,
    #[serde(borrow)]
    authorships: Option<Vec<Authorship<'a>>>,
    #[serde(borrow)]
    primary_location: Option<Location<'a>>,
    #[serde(borrow)]
    host_venue: Option<Source<'a>>,
    #[serde(borrow)]
    biblio: Option<Biblio<'a>>,
    cited_by_count: Option<u64>,
    #[serde(borrow)]
    referenced_works: Option<Vec<Cow<'a, str>>>,
}

#[derive(Deserialize)]
struct Authorship<'a> {
    #[serde(borrow)]
    author: Option<Author<'a>>,
    #[serde(borrow)]
    raw_author_name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Author<'a> {
    #[serde(borrow)]
    display_name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Location<'a> {
    #[serde(borrow)]
    source: Option<Source<'a>>,
}

#[derive(Deserialize)]
struct Source<'a> {
    #[serde(borrow)]
    display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    abbreviated_title: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Biblio<'a> {
    #[serde(borrow)]
    volume: Option<Cow<'a, str>>,
    #[serde(borrow)]
    first_page: Option<Cow<'a, str>>,
}

/// `https://openalex.org/W123` -> `W123`.
pub(crate) fn short_id(id: &str) -> &str {
    id.trim().rsplit('/').next().unwrap_or(id)
}

fn text(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn to_record(w: Work<'_>, line: u32) -> Record {
    let (source, source_abbrev) = match w.primary_location.and_then(|l| l.source).or(w.host_venue) {
        Some(s) => (text(s.display_name), text(s.abbreviated_title)),
        None => (None, None),
    };
    let (volume, page) = match w.biblio {
        Some(b) => (text(b.volume), text(b.first_page)),
        None => (None, None),
    };
    Record {
        line,
        id: w.id.as_deref().map(short_id).filter(|s| !s.is_empty()).map(String::from),
        authors: w
            .authorships
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| text(a.author.and_then(|a| a.display_name)).or_else(|| text(a.raw_author_name)))
            .collect(),
        year: w.publication_year,
        title: text(w.title).or_else(|| text(w.display_name)),
        source,
        source_abbrev,
        volume,
        page,
        doi: text(w.doi),
        times_cited: w.cited_by_count,
        declared_references: None,
        references: w
            .referenced_works
            .unwrap_or_default()
            .iter()
            .map(|r| CitedRef { id: Some(short_id(r).to_string()), ..CitedRef::default() })
            .collect(),
        cited_by: Vec::new(),
    }
}

/// Whether a JSON object (its keys) looks like an OpenAlex work.
pub(crate) fn is_work(v: &serde_json::Value) -> bool {
    v.get("id").and_then(|i| i.as_str()).is_some_and(|i| i.contains("openalex.org/W"))
        || v.get("referenced_works").is_some()
}

/// Reads one parsed JSON document: a work, a page with `results`, or an array of works.
pub(crate) fn document(doc: &serde_json::Value, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::OpenAlex);
    let items: Vec<(&serde_json::Value, String)> = if let Some(results) = doc.get("results").and_then(|r| r.as_array())
    {
        results.iter().enumerate().map(|(i, v)| (v, format!("results[{i}]"))).collect()
    } else if let Some(arr) = doc.as_array() {
        arr.iter().enumerate().map(|(i, v)| (v, format!("[{i}]"))).collect()
    } else {
        vec![(doc, String::from("work"))]
    };
    for (v, path) in items {
        match Work::deserialize(v) {
            Ok(w) => {
                let r = to_record(w, 1);
                if r.is_empty() {
                    parsed.skip(1, format!("{path}: work without id, DOI, title or authors"), Some(&path));
                } else {
                    parsed.records.push(r);
                }
            }
            Err(e) => parsed.skip(1, format!("{path}: not an OpenAlex work ({e})"), Some(&path)),
        }
    }
    parsed
}

/// Reads one line of JSON Lines; `Err` is the reason to skip it.
pub(crate) fn line(bytes: &[u8], line: u32) -> Result<Record, String> {
    let w: Work<'_> = serde_json::from_slice(bytes).map_err(|e| format!("not an OpenAlex work: {e}"))?;
    let r = to_record(w, line);
    if r.is_empty() {
        return Err("work without id, DOI, title or authors".into());
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORK: &str = r#"{"id":"https://openalex.org/W1","doi":"https://doi.org/10.9999/ABC","title":"A made-up \"work\"","publication_year":2020,"authorships":[{"author":{"display_name":"Ada Roe"}}],"primary_location":{"source":{"display_name":"Journal of Made Up Studies"}},"biblio":{"volume":"3","first_page":"7"},"cited_by_count":5,"referenced_works":["https://openalex.org/W2","https://openalex.org/W3"],"abstract_inverted_index":{"a":[0]}}"#;

    #[test]
    fn one_line() {
        let r = line(WORK.as_bytes(), 4).unwrap();
        assert_eq!(r.id.as_deref(), Some("W1"));
        assert_eq!(r.title.as_deref(), Some("A made-up \"work\""));
        assert_eq!(r.authors, vec!["Ada Roe"]);
        assert_eq!(r.references.iter().map(|c| c.id.clone().unwrap()).collect::<Vec<_>>(), vec!["W2", "W3"]);
        assert_eq!((r.year, r.volume.as_deref(), r.page.as_deref(), r.line), (Some(2020), Some("3"), Some("7"), 4));
        assert!(line(b"{\"id\": 3}", 1).is_err());
        assert!(line(b"{}", 1).is_err());
    }

    #[test]
    fn page_with_results_and_nulls() {
        let doc: serde_json::Value = serde_json::from_str(&format!(
            r#"{{"meta":{{"count":2}},"results":[{WORK},{{"id":"https://openalex.org/W9","doi":null,"title":null,"display_name":"Only a name","referenced_works":[],"primary_location":null,"authorships":[]}},{{"id":5}}]}}"#
        ))
        .unwrap();
        let p = document(&doc, "p.json");
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[1].title.as_deref(), Some("Only a name"));
        assert_eq!(p.skipped(), 1);
        assert_eq!(p.diagnostics[0].subject.as_deref(), Some("results[2]"));
    }
}
