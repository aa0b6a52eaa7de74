//! The CSL-JSON importer: the array is split into its items first (one pass, counting
//! brackets outside strings), and each item is parsed and read on its own, so a bad item
//! is reported with its index and place, and the others load.

use super::lines::Lines;
use super::{work_key, FreeKeys, Import};
use crate::csl::from_csl;
use crate::error::{Diagnostic, Severity};
use crate::model::{RecordFormat, SourceRecord, WorkKey};
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// The byte ranges of the top-level array's items, and whether the array closed. A file
/// holding one object is one item.
fn items(src: &[u8]) -> Option<(Vec<Range<usize>>, bool)> {
    let mut i = 0;
    if src.starts_with(b"\xEF\xBB\xBF") {
        i = 3;
    }
    while src.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    match src.get(i) {
        Some(b'{') => return Some((std::iter::once(i..src.len()).collect(), true)),
        Some(b'[') => {}
        _ => return None,
    }
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = i + 1;
    for (j, &b) in src.iter().enumerate().skip(i + 1) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' => {
                out.push(start..j);
                return Some((out.into_iter().filter(|r| !src[r.clone()].trim_ascii().is_empty()).collect(), true));
            }
            b',' if depth == 0 => {
                out.push(start..j);
                start = j + 1;
            }
            _ => {}
        }
    }
    out.push(start..src.len());
    Some((out.into_iter().filter(|r| !src[r.clone()].trim_ascii().is_empty()).collect(), false))
}

/// Reads a CSL-JSON file. See [`super::csl_json`].
pub(crate) fn read(src: &[u8], file: &str) -> Import {
    let lines = Lines::new(src, file);
    let mut out = Import::new(file, RecordFormat::CslJson);
    let warn = |code: &str, message: String, at: usize, subject: Option<&str>| {
        let mut d = Diagnostic::new(Severity::Warning, code, message).at(Some(lines.at(at)));
        d.subject = subject.map(str::to_string);
        d
    };
    let bad_utf8 = std::str::from_utf8(src).err().map(|e| e.valid_up_to());
    let Some((ranges, closed)) = items(src) else {
        let message = "not CSL-JSON: expected an array of items (`[`) or one item (`{`)".to_string();
        out.diagnostics.push(warn("json-syntax", message, 0, None));
        return out;
    };
    if !closed {
        let message = "the array is never closed (`]`)".to_string();
        out.diagnostics.push(warn("json-syntax", message, src.len(), None));
    }
    if let Some(at) = bad_utf8 {
        // Named by the item that holds the bad bytes, if any does.
        let item = ranges.iter().position(|r| r.contains(&at)).map(|i| format!("[{i}]"));
        let message = "invalid UTF-8; the bad bytes are replaced by U+FFFD".to_string();
        out.diagnostics.push(warn("invalid-utf8", message, at, item.as_deref()));
    }
    out.entries = ranges.len();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut taken: HashMap<WorkKey, usize> = HashMap::new();
    let mut free = FreeKeys::default();
    for (index, range) in ranges.into_iter().enumerate() {
        let text = String::from_utf8_lossy(&src[range.clone()]);
        let trimmed = text.trim_start();
        let start = range.start + (text.len() - trimmed.len());
        let path = format!("[{index}]");
        if range.len() > super::MAX_ENTRY_BYTES {
            out.diagnostics.push(warn("entry-too-large", super::too_large(range.len()), start, Some(&path)));
            out.skipped += 1;
            continue;
        }
        let value: Value = match serde_json::from_str(trimmed.trim_end()) {
            Ok(v) => v,
            Err(e) => {
                // serde_json counts lines and columns within the item.
                let (line0, col0) = lines.line_col(start);
                let line = line0 + e.line().saturating_sub(1) as u32;
                // serde_json gives column 0 for an error at a line's start (at its line break).
                let column = if e.line() <= 1 { col0 + e.column().saturating_sub(1) as u32 } else { e.column() as u32 };
                let column = column.max(1);
                let mut d =
                    Diagnostic::new(Severity::Warning, "json-syntax", format!("item {path}: {e}; the item is skipped"))
                        .at(Some(crate::error::Location { file: lines.at(start).file, line, column }));
                d.subject = Some(path.clone());
                out.diagnostics.push(d);
                out.skipped += 1;
                continue;
            }
        };
        let id = match value.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let subject = if id.is_empty() { path.clone() } else { id.clone() };
        let work = match from_csl(&value) {
            Ok(w) => w,
            Err(e) => {
                let message = format!("item {path}: {}; the item is skipped", e.message());
                out.diagnostics.push(warn("csl-item", message, start, Some(&subject)));
                out.skipped += 1;
                continue;
            }
        };
        if let Some(&first) = ids.get(&id) {
            let (l, c) = lines.line_col(first);
            let message = format!("item {path}: duplicate id `{id}` (first at {l}:{c}); this item is skipped");
            out.diagnostics.push(warn("duplicate-key", message, start, Some(&id)));
            out.skipped += 1;
            continue;
        }
        ids.insert(id.clone(), start);
        let mut work = work;
        let (mut key, normalised) = work_key(&id);
        if normalised {
            let message = format!("not a bibgraph key: the work's key is `{key}`");
            let d = Diagnostic::new(Severity::Note, "key-normalised", message).at(Some(lines.at(start))).about(&id);
            out.diagnostics.push(d);
        }
        if let Some(&first) = taken.get(&key) {
            let new = free.free(&key, |k| taken.contains_key(k));
            let (l, c) = lines.line_col(first);
            let message = format!("work key `{key}` is taken by the item at {l}:{c}; this one is `{new}`");
            out.diagnostics.push(warn("key-collision", message, start, Some(&id)));
            key = new;
        }
        taken.insert(key.clone(), start);
        let entry_type = value.get("type").and_then(Value::as_str).unwrap_or("").to_string();
        let raw = trimmed.trim_end().to_string();
        let mut record = SourceRecord::with_raw(RecordFormat::CslJson, id, entry_type, raw);
        if let Some(obj) = value.as_object() {
            for (name, v) in obj {
                record.push(name, &serde_json::to_string(v).unwrap_or_default());
            }
        }
        record.origin = Some(lines.at(start));
        work.key = key;
        work.origin = record.origin.clone();
        work.records = vec![record];
        out.works.push(work);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_split_outside_strings() {
        let src = br#" [ {"id": "a", "title": "x, [y]}"}, {"id": "b"} , ]"#;
        let (ranges, closed) = items(src).unwrap();
        assert!(closed);
        let texts: Vec<&str> = ranges.iter().map(|r| std::str::from_utf8(&src[r.clone()]).unwrap().trim()).collect();
        assert_eq!(texts, [r#"{"id": "a", "title": "x, [y]}"}"#, r#"{"id": "b"}"#]);
        assert_eq!(items(b"nope"), None);
        assert_eq!(items(br#"{"id": 1}"#).unwrap().0.len(), 1);
    }
}
