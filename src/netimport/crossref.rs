//! Crossref REST responses (`message.items` or one `message`, or bare works) and Semantic
//! Scholar papers (Graph API and legacy v1, alone or in a `data` array).
//!
//! A Crossref `reference` entry has a `DOI`, an `unstructured` string, or structured parts
//! (`author`, `year`, `journal-title`, `volume`, `first-page`, `article-title`); DOIs vary in
//! case. A Semantic Scholar paper lists `references` and `citations` as papers (or wrapped as
//! `citedPaper` / `citingPaper`); the record's id is its `paperId`.

use super::record::{CitedRef, Format, Parsed, Record};
use super::text::{dois_in, year_of};
use serde_json::Value;

fn s(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str()).map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
        _ => None,
    }
}

fn year_in(v: &Value) -> Option<i32> {
    for key in ["issued", "published-print", "published-online", "published", "created"] {
        let y = v
            .get(key)
            .and_then(|d| d.get("date-parts"))
            .and_then(|p| p.get(0))
            .and_then(|p| p.get(0))
            .and_then(Value::as_i64);
        if let Some(y) = y {
            return Some(y as i32);
        }
    }
    None
}

/// Whether a JSON document is a Crossref response or work.
pub(crate) fn is_crossref(v: &Value) -> bool {
    v.get("message").is_some() && v.get("status").is_some() || v.get("DOI").is_some() && v.get("reference").is_some()
}

/// Whether a JSON document is a Semantic Scholar paper (or a `data` array of them).
pub(crate) fn is_s2(v: &Value) -> bool {
    let paper = |p: &Value| p.get("paperId").is_some();
    paper(v)
        || v.get("data")
            .and_then(Value::as_array)
            .is_some_and(|d| d.first().is_some_and(|p| paper(p) || p.get("citedPaper").is_some()))
}

/// Reads a Crossref response.
pub(crate) fn crossref(doc: &Value, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::Crossref);
    let message = doc.get("message").unwrap_or(doc);
    let items: Vec<(&Value, String)> = match message.get("items").and_then(Value::as_array) {
        Some(items) => items.iter().enumerate().map(|(i, v)| (v, format!("message.items[{i}]"))).collect(),
        None => match message.as_array() {
            Some(arr) => arr.iter().enumerate().map(|(i, v)| (v, format!("[{i}]"))).collect(),
            None => vec![(message, "message".to_string())],
        },
    };
    for (w, path) in items {
        if !w.is_object() {
            parsed.skip(1, format!("{path}: not a Crossref work"), Some(&path));
            continue;
        }
        let authors = w
            .get("author")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|p| match (s(p, "family"), s(p, "given"), s(p, "name")) {
                        (Some(f), Some(g), _) => Some(format!("{f}, {g}")),
                        (Some(f), None, _) => Some(f),
                        (None, _, n) => n,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let doi = s(w, "DOI");
        let r = Record {
            line: 1,
            id: doi.clone(),
            authors,
            year: year_in(w),
            title: s(w, "title"),
            source: s(w, "container-title"),
            source_abbrev: s(w, "short-container-title"),
            volume: s(w, "volume"),
            page: s(w, "page")
                .map(|p| p.split(['-', '–']).next().unwrap_or(&p).to_string())
                .or_else(|| s(w, "article-number")),
            doi,
            times_cited: w.get("is-referenced-by-count").and_then(Value::as_u64),
            declared_references: w.get("reference-count").and_then(Value::as_u64).map(|n| n as u32),
            references: w
                .get("reference")
                .and_then(Value::as_array)
                .map(|refs| refs.iter().map(crossref_ref).collect())
                .unwrap_or_default(),
            referenced_ids: Default::default(),
            cited_by: Vec::new(),
        };
        if r.is_empty() {
            parsed.skip(1, format!("{path}: work without DOI, title or authors"), Some(&path));
        } else {
            parsed.records.push(r);
        }
    }
    parsed
}

fn crossref_ref(v: &Value) -> CitedRef {
    let unstructured = s(v, "unstructured");
    let mut dois: Vec<String> = s(v, "DOI").into_iter().collect();
    if dois.is_empty() {
        if let Some(u) = &unstructured {
            dois = dois_in(u);
        }
    }
    let raw = unstructured.unwrap_or_else(|| {
        [
            "author",
            "year",
            "article-title",
            "journal-title",
            "series-title",
            "volume-title",
            "volume",
            "first-page",
            "DOI",
        ]
        .iter()
        .filter_map(|k| s(v, k))
        .collect::<Vec<_>>()
        .join(", ")
    });
    CitedRef {
        raw,
        id: None,
        dois,
        author: s(v, "author"),
        year: s(v, "year").and_then(|y| year_of(&y)),
        title: s(v, "article-title").or_else(|| s(v, "volume-title")),
        source: s(v, "journal-title").or_else(|| s(v, "series-title")),
        volume: s(v, "volume"),
        page: s(v, "first-page"),
    }
}

/// Reads Semantic Scholar papers.
pub(crate) fn semantic_scholar(doc: &Value, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::SemanticScholar);
    let items: Vec<(&Value, String)> = match doc.get("data").and_then(Value::as_array) {
        Some(d) => d.iter().enumerate().map(|(i, v)| (v, format!("data[{i}]"))).collect(),
        None => match doc.as_array() {
            Some(a) => a.iter().enumerate().map(|(i, v)| (v, format!("[{i}]"))).collect(),
            None => vec![(doc, "paper".to_string())],
        },
    };
    for (p, path) in items {
        let p = p.get("citedPaper").or_else(|| p.get("paper")).unwrap_or(p);
        let mut r = s2_paper_record(p);
        let list = |key: &str, inner: &str| -> Vec<CitedRef> {
            p.get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().map(|x| s2_ref(x.get(inner).unwrap_or(x))).collect())
                .unwrap_or_default()
        };
        r.references = list("references", "citedPaper");
        r.cited_by = list("citations", "citingPaper");
        if r.is_empty() {
            parsed.skip(1, format!("{path}: paper without paperId, DOI, title or authors"), Some(&path));
        } else {
            parsed.records.push(r);
        }
    }
    parsed
}

fn s2_doi(p: &Value) -> Option<String> {
    s(p, "doi").or_else(|| p.get("externalIds").and_then(|e| s(e, "DOI")))
}

fn s2_authors(p: &Value) -> Vec<String> {
    p.get("authors")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| s(x, "name")).collect())
        .unwrap_or_default()
}

fn s2_paper_record(p: &Value) -> Record {
    let journal = p.get("journal");
    Record {
        line: 1,
        id: s(p, "paperId"),
        authors: s2_authors(p),
        year: p.get("year").and_then(Value::as_i64).map(|y| y as i32),
        title: s(p, "title"),
        source: s(p, "venue").or_else(|| journal.and_then(|j| s(j, "name"))),
        source_abbrev: None,
        volume: journal.and_then(|j| s(j, "volume")),
        page: journal.and_then(|j| s(j, "pages")).map(|p| p.split(['-', '–']).next().unwrap_or(&p).trim().to_string()),
        doi: s2_doi(p),
        times_cited: p.get("citationCount").or_else(|| p.get("numCitedBy")).and_then(Value::as_u64),
        declared_references: p
            .get("referenceCount")
            .or_else(|| p.get("numCiting"))
            .and_then(Value::as_u64)
            .map(|n| n as u32),
        references: Vec::new(),
        referenced_ids: Default::default(),
        cited_by: Vec::new(),
    }
}

fn s2_ref(p: &Value) -> CitedRef {
    let authors = s2_authors(p);
    let title = s(p, "title");
    let year = p.get("year").and_then(Value::as_i64).map(|y| y as i32);
    let raw = [authors.first().cloned(), year.map(|y| y.to_string()), title.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    CitedRef {
        raw,
        id: s(p, "paperId"),
        dois: s2_doi(p).into_iter().collect(),
        author: authors.into_iter().next(),
        year,
        title,
        source: s(p, "venue").filter(|v| !v.is_empty()),
        volume: None,
        page: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossref_items_and_references() {
        let doc: Value = serde_json::from_str(
            r#"{"status":"ok","message":{"items":[{"DOI":"10.9999/ABC.1","title":["A made-up work"],"author":[{"family":"Roe","given":"Ada"}],"issued":{"date-parts":[[2020,3]]},"container-title":["J Made Up"],"volume":"3","page":"7-9","reference":[{"key":"r1","DOI":"10.9999/abc.2"},{"key":"r2","unstructured":"Doe J. Old work. 1999. doi:10.9999/OLD"},{"key":"r3","author":"Poe","year":"1845a","journal-title":"Ravens Q","volume":"3","first-page":"7"}]},{"status":"no work"}]}}"#,
        )
        .unwrap();
        assert!(is_crossref(&doc));
        let p = crossref(&doc, "c.json");
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.skipped(), 1);
        let r = &p.records[0];
        assert_eq!((r.id.as_deref(), r.year, r.page.as_deref()), (Some("10.9999/ABC.1"), Some(2020), Some("7")));
        assert_eq!(r.references[1].dois, vec!["10.9999/OLD"]);
        assert_eq!((r.references[2].year, r.references[2].author.as_deref()), (Some(1845), Some("Poe")));
    }

    #[test]
    fn crossref_single_message() {
        let doc: Value = serde_json::from_str(
            r#"{"status":"ok","message-type":"work","message":{"DOI":"10.9999/One","title":["One"],"published-online":{"date-parts":[[2019,2,3]]},"reference":[{"key":"a","DOI":"10.9999/TWO"}]}}"#,
        )
        .unwrap();
        let p = crossref(&doc, "c.json");
        assert_eq!((p.records.len(), p.records[0].year, p.records[0].references[0].dois.len()), (1, Some(2019), 1));
    }

    #[test]
    fn semantic_scholar_both_vintages() {
        let v1: Value = serde_json::from_str(r#"{"paperId":"p1","doi":"10.9999/x","title":"T","year":2021,"authors":[{"name":"Ada Roe"}],"references":[{"paperId":"p2","doi":null,"title":"U","year":2000,"authors":[]},{"paperId":null,"title":"V","year":1999,"authors":[{"name":"J Doe"}]}],"citations":[{"paperId":"p3","title":"W","year":2022}]}"#).unwrap();
        assert!(is_s2(&v1));
        let p = semantic_scholar(&v1, "s.json");
        let r = &p.records[0];
        assert_eq!((r.id.as_deref(), r.references.len(), r.cited_by.len()), (Some("p1"), 2, 1));
        assert_eq!(r.references[1].id, None);
        let graph: Value = serde_json::from_str(r#"{"data":[{"citedPaper":{"paperId":"q1","externalIds":{"DOI":"10.9999/Y"},"title":"Q","journal":{"name":"Mind","volume":"59","pages":"433-460"}}}]}"#).unwrap();
        let p = semantic_scholar(&graph, "s.json");
        assert_eq!((p.records[0].doi.as_deref(), p.records[0].page.as_deref()), (Some("10.9999/Y"), Some("433")));
    }
}
