//! Works as RIS, for Zotero, Mendeley, EndNote and other reference managers.
//!
//! Each work is one record, `TY` first and `ER` last, with the work's key as `ID`. A
//! work imported from RIS and unchanged is written with its record's tag lines as they
//! were, unknown tags included; any other work is written from its fields, with the
//! unmapped tags of its RIS record (keywords, abstract) after them. RIS has no place for a
//! year's suffix (`2001a`): the key keeps it (`levitt2001a`), and the reader takes it back
//! from there.
//!
//! ```
//! let corpus = bibgraph::Corpus::builtin()?;
//! let ris = bibgraph::export::ris::to_ris([corpus.work("levitt2001a").unwrap()]);
//! assert!(ris.starts_with("TY  - "));
//! let back = bibgraph::import::ris(ris.as_bytes(), "x.ris");
//! assert_eq!(back.works[0].key.as_str(), "levitt2001a");
//! assert_eq!(back.works[0].year, corpus.work("levitt2001a").unwrap().year);
//! # Ok::<(), bibgraph::Error>(())
//! ```

use crate::import::ris::{ris_type, to_work, RisField, RisRecord, MAPPED};
use crate::model::{Name, RecordFormat, SourceRecord, Work};
use std::fmt::Write as _;

fn line(out: &mut String, tag: &str, value: &str) {
    let mut lines = value.split('\n');
    let _ = writeln!(out, "{tag}  - {}", lines.next().unwrap_or(""));
    for more in lines {
        // A continuation line that would read as a tag line is indented (the reader
        // trims it).
        let pad = if more.len() >= 4 && more.as_bytes()[0].is_ascii_uppercase() { " " } else { "" };
        let _ = writeln!(out, "{pad}{more}");
    }
}

fn name(n: &Name) -> String {
    match n {
        Name::Person(p) => {
            let family = match &p.particle {
                Some(particle) => format!("{particle} {}", p.family),
                None => p.family.clone(),
            };
            match (&p.given, &p.suffix) {
                (Some(g), Some(s)) => format!("{family}, {g}, {s}"),
                (Some(g), None) => format!("{family}, {g}"),
                (None, Some(s)) => format!("{family}, , {s}"),
                (None, None) => family,
            }
        }
        Name::Literal { literal } => literal.clone(),
    }
}

/// The record as the reader would see it, to compare the work with what it was read from.
fn as_read(record: &SourceRecord) -> RisRecord {
    RisRecord {
        kind: Some(record.entry_type.clone()),
        fields: record
            .own_fields()
            .map(|f| RisField { tag: f.name.into(), value: f.value.into(), offset: 0 })
            .collect(),
        closed: true,
        ..Default::default()
    }
}

fn from_fields(out: &mut String, work: &Work, record: Option<&SourceRecord>) {
    line(out, "TY", record.map_or(ris_type(&work.kind), |r| r.entry_type.as_str()));
    line(out, "ID", work.key.as_str());
    for a in &work.authors {
        line(out, "AU", &name(a));
    }
    for e in &work.editors {
        line(out, "A2", &name(e));
    }
    if let Some(y) = &work.year {
        if let Some(year) = y.year {
            line(out, "PY", &year.to_string());
            if let Some(m) = y.month {
                let day = y.day.map(|d| format!("{d:02}")).unwrap_or_default();
                line(out, "DA", &format!("{year}/{m:02}/{day}/"));
            }
        }
    }
    let text = [
        ("TI", &work.title),
        ("T2", &work.container_title),
        ("T3", &work.collection_title),
        ("VL", &work.volume),
        ("IS", &work.issue),
    ];
    for (tag, value) in text {
        if let Some(v) = value {
            line(out, tag, v);
        }
    }
    if let Some(pages) = &work.pages {
        match pages.split_once(['-', '–']) {
            Some((sp, ep)) if !sp.trim().is_empty() && !ep.trim().is_empty() => {
                line(out, "SP", sp.trim());
                line(out, "EP", ep.trim_start_matches(['-', '–']).trim());
            }
            _ => line(out, "SP", pages),
        }
    }
    let more = [
        ("PB", &work.publisher),
        ("CY", &work.place),
        ("ET", &work.edition),
        ("M3", &work.genre),
        ("UR", &work.url),
        ("DO", &work.doi),
        ("N1", &work.note),
    ];
    for (tag, value) in more {
        if let Some(v) = value {
            line(out, tag, v);
        }
    }
    if let Some(r) = record {
        for f in r.own_fields().filter(|f| !MAPPED.contains(&f.name)) {
            line(out, f.name, f.value);
        }
    }
}

/// Works as a RIS file, in order. The same works give the same bytes.
pub fn to_ris<'a>(works: impl IntoIterator<Item = &'a Work>) -> String {
    let mut out = String::new();
    for work in works {
        let record = work.records.iter().find(|r| r.format == RecordFormat::Ris);
        match record {
            Some(r) if to_work(&as_read(r)).differing_fields(work).is_empty() => {
                line(&mut out, "TY", &r.entry_type);
                if r.get("ID").is_none_or(|id| id.trim() != work.key.as_str()) {
                    line(&mut out, "ID", work.key.as_str());
                }
                for f in r.own_fields() {
                    if f.name == "ID" && f.value.trim() != work.key.as_str() {
                        continue;
                    }
                    line(&mut out, f.name, f.value);
                }
            }
            _ => from_fields(&mut out, work, record),
        }
        out.push_str("ER  - \n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;

    #[test]
    fn an_imported_record_is_written_back_with_every_tag() {
        let src = "TY  - JOUR\nID  - smith2020\nAU  - Smith, Ann\nTI  - A title\nKW  - one\nKW  - two\nN1  - References: A;\nB;\nXX  - kept\nER  - \n\n";
        let import = import::ris(src.as_bytes(), "a.ris");
        assert_eq!(to_ris(&import.works), src);
    }

    #[test]
    fn every_builtin_work_survives_a_round_trip() {
        let corpus = crate::Corpus::builtin().unwrap();
        let ris = to_ris(corpus.works());
        let back = import::ris(ris.as_bytes(), "w.ris");
        assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        assert_eq!(back.works.len(), corpus.works().len());
        for (a, b) in corpus.works().iter().zip(&back.works) {
            assert_eq!(a.key, b.key);
            assert_eq!(a.year.as_ref().map(|y| y.cited()), b.year.as_ref().map(|y| y.cited()), "{}", a.key);
            assert_eq!(a.title, b.title, "{}", a.key);
            assert_eq!(a.authors.len(), b.authors.len(), "{}", a.key);
        }
        // Written again from what was read, the file is the same.
        assert_eq!(to_ris(&back.works), ris);
    }
}
