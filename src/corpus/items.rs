//! Reading a corpus file's sequence sections (`works:`, `work-notes:`, `concepts:`,
//! `edges:`) one item at a time, so that peak memory stays a small multiple of the file.
//!
//! serde_yaml holds every event of a document (each scalar with its marks) before it
//! deserialises any of it: a 100 MB file of works took 17.5 × its size. Here each item of
//! a block sequence is deserialised from its own text, so only one item's events are held
//! at a time; the rest of the file (the sections' lines left blank, so that lines keep
//! their numbers) goes to serde_yaml as before. Whatever this does not take — a file whose
//! top level is not plain `key:` lines, a section that is not a block sequence, an item
//! that does not read alone (an alias of an anchor in another item, a syntax error) — is
//! read whole by serde_yaml, so values and diagnostics stay serde_yaml's.

use super::raw::RawFile;
use crate::error::Result;
use crate::yaml;
use serde::de::DeserializeOwned;
use std::ops::Range;

/// Reads a corpus file as [`yaml::from_str`] does, item by item where it can.
pub(crate) fn from_str(text: &str, name: &str) -> Result<RawFile> {
    crate::yaml_scan::check(text, name)?;
    match by_items(text) {
        Some(raw) => Ok(raw),
        None => yaml::from_str(text, name),
    }
}

/// The items of each sequence section, read one at a time, and the rest read whole;
/// `None` when any part does not read this way.
fn by_items(text: &str) -> Option<RawFile> {
    let sections = yaml::top_level_sections(text)?;
    let mut raw = RawFile::default();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for s in sections.iter().filter(|s| s.block) {
        let Some(items) = yaml::block_items(text, s.span.clone()).filter(|i| !i.is_empty()) else { continue };
        match s.key {
            "works" => raw.works = read_items(text, &items)?,
            "work-notes" => raw.work_notes = read_items(text, &items)?,
            "concepts" => raw.concepts = read_items(text, &items)?,
            "edges" => raw.edges = read_items(text, &items)?,
            _ => continue,
        }
        taken.push(s.span.clone());
    }
    if taken.is_empty() {
        return None;
    }
    // The rest, with the taken sections' lines blank.
    let mut rest = String::new();
    let mut pos = 0;
    for span in &taken {
        rest.push_str(&text[pos..span.start]);
        rest.extend(std::iter::repeat_n('\n', text[span.clone()].bytes().filter(|&b| b == b'\n').count()));
        pos = span.end;
    }
    rest.push_str(&text[pos..]);
    let blank = rest.lines().all(|l| {
        let t = l.trim_start();
        t.is_empty() || t.starts_with('#') || t == "---"
    });
    if !blank {
        let other: RawFile = yaml::from_str_prechecked(&rest).ok()?;
        if !(other.works.is_empty()
            && other.work_notes.is_empty()
            && other.concepts.is_empty()
            && other.edges.is_empty())
        {
            return None;
        }
    }
    Some(raw)
}

/// Each item deserialised alone, as a sequence of one.
fn read_items<T: DeserializeOwned>(text: &str, items: &[Range<usize>]) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let mut one: Vec<T> = yaml::from_str_prechecked(&text[item.clone()]).ok()?;
        if one.len() != 1 {
            return None;
        }
        out.append(&mut one);
    }
    Some(out)
}
