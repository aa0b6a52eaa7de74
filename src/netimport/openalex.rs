//! OpenAlex works: one work, an API page (`meta` / `results`), an array, or JSON Lines (one
//! work a line, as in snapshots, gzipped or not).
//!
//! Ids and DOIs are URLs (`https://openalex.org/W2741809807`, `https://doi.org/10...`); the
//! record's id is the short form (`W2741809807`). `referenced_works` holds OpenAlex ids, never
//! DOIs. Works are read with borrowed strings straight from each line's bytes.

use super::record::{Format, IdList, Parsed, Record};
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
    #[serde(default)]
    referenced_works: ShortIds,
}

/// `referenced_works` read straight into an [`IdList`] of short ids: the URLs' bytes are
/// taken as they are in the line (no UTF-8 check of the part dropped, no vector of strings).
#[derive(Default)]
struct ShortIds(IdList);

impl<'de> Deserialize<'de> for ShortIds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = ShortIds;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of OpenAlex ids or null")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<ShortIds, E> {
                Ok(ShortIds::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<ShortIds, E> {
                Ok(ShortIds::default())
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<ShortIds, D::Error> {
                d.deserialize_seq(self)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ShortIds, A::Error> {
                let mut ids = IdList::default();
                while let Some(item) = seq.next_element::<Option<RawId<'de>>>()? {
                    let Some(RawId(bytes)) = item else { continue };
                    let tail = bytes.rsplit(|b| *b == b'/').next().unwrap_or(&bytes);
                    let id = std::str::from_utf8(tail).map_err(serde::de::Error::custom)?;
                    if !id.trim().is_empty() {
                        ids.push(id.trim());
                    }
                }
                Ok(ShortIds(ids))
            }
        }
        d.deserialize_option(Seq)
    }
}

/// One string's bytes, borrowed from the input when it has no escapes.
struct RawId<'a>(Cow<'a, [u8]>);

impl<'de> Deserialize<'de> for RawId<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl<'de> serde::de::Visitor<'de> for Bytes {
            type Value = RawId<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an id")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<RawId<'de>, E> {
                Ok(RawId(Cow::Borrowed(v)))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<RawId<'de>, E> {
                Ok(RawId(Cow::Owned(v.to_vec())))
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<RawId<'de>, E> {
                Ok(RawId(Cow::Borrowed(v.as_bytes())))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawId<'de>, E> {
                Ok(RawId(Cow::Owned(v.as_bytes().to_vec())))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<RawId<'de>, E> {
                Ok(RawId(Cow::Borrowed(&[])))
            }
        }
        d.deserialize_bytes(Bytes)
    }
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
        references: Vec::new(),
        referenced_ids: w.referenced_works.0,
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
        assert_eq!(r.referenced_ids.iter().collect::<Vec<_>>(), vec!["W2", "W3"]);
        assert_eq!((r.year, r.volume.as_deref(), r.page.as_deref(), r.line), (Some(2020), Some("3"), Some("7"), 4));
        assert!(line(b"{\"id\": 3}", 1).is_err());
        let escaped = line(br#"{"id":"W1","referenced_works":["https:\/\/openalex.org\/W7",null,"W8"]}"#, 1).unwrap();
        assert_eq!(escaped.referenced_ids.iter().collect::<Vec<_>>(), vec!["W7", "W8"]);
        assert!(line(br#"{"id":"W1","referenced_works":[3]}"#, 1).is_err());
        assert!(line(b"{}", 1).is_err());
    }

    #[test]
    fn single_work_document() {
        let doc: serde_json::Value = serde_json::from_str(WORK).unwrap();
        assert!(is_work(&doc));
        let p = document(&doc, "w.json");
        assert_eq!((p.records.len(), p.records[0].referenced_ids.len()), (1, 2));
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
