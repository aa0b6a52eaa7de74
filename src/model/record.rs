use crate::error::Location;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The format a [`SourceRecord`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordFormat {
    /// A BibTeX or BibLaTeX entry: field values are TeX, as written, with `@string` macros
    /// expanded.
    Bibtex,
    /// A CSL-JSON item: field values are JSON text.
    CslJson,
    /// A RIS record: fields are its tag lines (`AU`, `TI`), in order, values as written
    /// (continuation lines joined with a line break).
    Ris,
}

impl RecordFormat {
    /// `bibtex`, `csl-json` or `ris`.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordFormat::Bibtex => "bibtex",
            RecordFormat::CslJson => "csl-json",
            RecordFormat::Ris => "ris",
        }
    }
}

impl fmt::Display for RecordFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One field of a [`SourceRecord`], as the file wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordField<'a> {
    /// The field's name: lowercased for BibTeX (`author`, `bibdate`), as written for CSL-JSON.
    pub name: &'a str,
    /// The value as written: TeX for BibTeX (macros expanded, without the outer braces or
    /// quotes), JSON text for CSL-JSON.
    pub value: &'a str,
    /// For a field the entry inherits through `crossref` or `xdata`: the key of the entry
    /// it comes from. Such fields are not written back on export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherited: Option<&'a str>,
}

/// Writes a value into a record's buffer (see [`SourceRecord::push_raw`]).
pub(crate) type WriteValue<'a> = &'a mut dyn FnMut(&mut String);

#[derive(Debug, Clone, Copy)]
struct Span {
    name: (u32, u32),
    value: (u32, u32),
    /// 0 for an own field, else 1 + the index of the entry it is inherited from.
    parent: u32,
}

/// An entry of a user's bibliography file (BibTeX, BibLaTeX, CSL-JSON) that a work was
/// imported from, kept whole so that nothing is lost: every field, bibgraph's or not, its
/// type and key as written, its text and where it was.
///
/// An export of an unchanged work writes these fields back unchanged.
///
/// Fields are spans of the entry's raw text, or of a buffer of the values that are not
/// slices of it (a value with `@string` macros expanded, an inherited field), so a record
/// costs little more than its text. The raw text may be a part of the whole file, shared
/// by every record read from it.
///
/// ```
/// use bibgraph::model::{RecordFormat, SourceRecord};
///
/// let mut r = SourceRecord::new(RecordFormat::Bibtex, "Knuth:1984", "Book");
/// r.push("title", "The {\\TeX}book");
/// r.push_inherited("publisher", "Addison-Wesley", "AW");
/// assert_eq!(r.get("title"), Some("The {\\TeX}book"));
/// assert_eq!(r.get("publisher"), None); // inherited, not the entry's own
/// assert_eq!(r.fields().map(|f| f.name).collect::<Vec<_>>(), ["title", "publisher"]);
/// ```
#[derive(Clone)]
pub struct SourceRecord {
    /// The file format.
    pub format: RecordFormat,
    /// The entry's key as written (`Knuth:1984:TB`); the work's key may be a normalised form.
    pub key: String,
    /// The entry type as written (`Article`, `inproceedings`, `article-journal`).
    pub entry_type: String,
    /// Where the entry starts.
    pub origin: Option<Location>,
    /// The file the entry was read from, when the raw text is a part of it.
    file: Option<Arc<String>>,
    /// Where the raw text starts in `file`.
    raw_start: usize,
    /// The raw text's length. Offsets below it are in the raw text; the others are in
    /// `text` (after the raw text itself, when there is no `file`).
    raw_len: u32,
    text: String,
    spans: Vec<Span>,
    parents: Vec<String>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SourceRecord {
    /// An empty record.
    pub fn new(format: RecordFormat, key: impl Into<String>, entry_type: impl Into<String>) -> Self {
        SourceRecord {
            format,
            key: key.into(),
            entry_type: entry_type.into(),
            origin: None,
            file: None,
            raw_start: 0,
            raw_len: 0,
            text: String::new(),
            spans: Vec::new(),
            parents: Vec::new(),
        }
    }

    /// An empty record whose entry text is `raw`; fields may then be given as byte
    /// ranges of it ([`SourceRecord::push_raw`]).
    pub(crate) fn with_raw(format: RecordFormat, key: String, entry_type: String, raw: String) -> Self {
        let raw_len = to_u32(raw.len());
        SourceRecord { raw_len, text: raw, ..SourceRecord::new(format, key, entry_type) }
    }

    /// An empty record whose entry text is `file[range]`, shared with the other records
    /// read from the file; fields may then be given as byte ranges of that text.
    pub(crate) fn in_file(
        format: RecordFormat,
        key: String,
        entry_type: String,
        file: &Arc<String>,
        range: Range<usize>,
    ) -> Self {
        SourceRecord {
            file: Some(file.clone()),
            raw_start: range.start,
            raw_len: to_u32(range.len()),
            ..SourceRecord::new(format, key, entry_type)
        }
    }

    /// The entry's text as written, if kept.
    pub fn raw(&self) -> Option<&str> {
        (self.raw_len > 0).then(|| self.span((0, self.raw_len)))
    }

    /// Sets the entry's text as written.
    pub fn set_raw(&mut self, raw: &str) {
        let fields: Vec<(String, String, Option<String>)> =
            self.fields().map(|f| (f.name.to_string(), f.value.to_string(), f.inherited.map(str::to_string))).collect();
        self.file = None;
        self.raw_start = 0;
        self.text = raw.to_string();
        self.raw_len = to_u32(raw.len());
        self.spans.clear();
        self.parents.clear();
        for (name, value, parent) in fields {
            match parent {
                Some(p) => self.push_inherited(&name, &value, &p),
                None => self.push(&name, &value),
            }
        }
    }

    /// The offset the next text added to `text` will have.
    fn end(&self) -> usize {
        if self.file.is_some() {
            self.raw_len as usize + self.text.len()
        } else {
            self.text.len()
        }
    }

    fn intern(&mut self, s: &str) -> (u32, u32) {
        let start = self.end();
        self.text.push_str(s);
        (to_u32(start), to_u32(self.end()))
    }

    fn span(&self, (a, b): (u32, u32)) -> &str {
        let (a, b) = (a as usize, b as usize);
        let text = match &self.file {
            Some(file) if a < self.raw_len as usize => file.get(self.raw_start + a..self.raw_start + b),
            Some(_) => {
                let raw = self.raw_len as usize;
                self.text.get(a.saturating_sub(raw)..b.saturating_sub(raw))
            }
            None => self.text.get(a..b),
        };
        text.unwrap_or("")
    }

    /// Adds an own field.
    pub fn push(&mut self, name: &str, value: &str) {
        let (name, value) = (self.intern(name), self.intern(value));
        self.spans.push(Span { name, value, parent: 0 });
    }

    /// Adds a field inherited from the entry `from`.
    pub fn push_inherited(&mut self, name: &str, value: &str, from: &str) {
        let parent = match self.parents.iter().position(|p| p == from) {
            Some(i) => i,
            None => {
                self.parents.push(from.to_string());
                self.parents.len() - 1
            }
        };
        let (name, value) = (self.intern(name), self.intern(value));
        self.spans.push(Span { name, value, parent: to_u32(parent + 1) });
    }

    /// Adds an own field whose name and value are byte ranges of the raw text, or, for
    /// `None`, text written by `write` (which appends to the buffer it is given).
    pub(crate) fn push_raw(&mut self, name: Result<Range<usize>, &str>, value: Result<Range<usize>, WriteValue<'_>>) {
        let name = match name {
            Ok(r) => (to_u32(r.start), to_u32(r.end)),
            Err(s) => self.intern(s),
        };
        let value = match value {
            Ok(r) => (to_u32(r.start), to_u32(r.end)),
            Err(write) => {
                let start = self.end();
                write(&mut self.text);
                (to_u32(start), to_u32(self.end()))
            }
        };
        self.spans.push(Span { name, value, parent: 0 });
    }

    /// Frees unused capacity (after the last field is added).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.spans.shrink_to_fit();
    }

    /// The number of fields, inherited ones included.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Field `i`, in order.
    pub fn field(&self, i: usize) -> Option<RecordField<'_>> {
        let s = self.spans.get(i)?;
        Some(RecordField {
            name: self.span(s.name),
            value: self.span(s.value),
            inherited: s.parent.checked_sub(1).and_then(|p| self.parents.get(p as usize)).map(String::as_str),
        })
    }

    /// Every field, in file order, inherited ones last.
    pub fn fields(&self) -> impl Iterator<Item = RecordField<'_>> {
        (0..self.spans.len()).filter_map(|i| self.field(i))
    }

    /// The entry's own fields, in file order.
    pub fn own_fields(&self) -> impl Iterator<Item = RecordField<'_>> {
        self.fields().filter(|f| f.inherited.is_none())
    }

    /// The names of the entry's own fields, in order.
    pub(crate) fn own_names(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().filter(|s| s.parent == 0).map(|s| self.span(s.name))
    }

    /// The value of the entry's own (not inherited) field `name`, if it has one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.spans.iter().find(|s| s.parent == 0 && self.span(s.name) == name).map(|s| self.span(s.value))
    }

    /// The value of field `name`, own or inherited.
    pub fn get_any(&self, name: &str) -> Option<&str> {
        self.spans.iter().find(|s| self.span(s.name) == name).map(|s| self.span(s.value))
    }

    /// Whether the record has field `name`, own or inherited.
    pub fn has(&self, name: &str) -> bool {
        self.spans.iter().any(|s| self.span(s.name) == name)
    }
}

impl PartialEq for SourceRecord {
    fn eq(&self, other: &Self) -> bool {
        self.format == other.format
            && self.key == other.key
            && self.entry_type == other.entry_type
            && self.raw() == other.raw()
            && self.origin == other.origin
            && self.fields().eq(other.fields())
    }
}

impl Eq for SourceRecord {}

impl fmt::Debug for SourceRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceRecord")
            .field("format", &self.format)
            .field("key", &self.key)
            .field("entry_type", &self.entry_type)
            .field("fields", &self.fields().collect::<Vec<_>>())
            .field("raw", &self.raw())
            .field("origin", &self.origin)
            .finish()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RecordOut<'a> {
    format: RecordFormat,
    key: &'a str,
    #[serde(rename = "type")]
    entry_type: &'a str,
    fields: Vec<RecordField<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a Location>,
}

impl Serialize for SourceRecord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RecordOut {
            format: self.format,
            key: &self.key,
            entry_type: &self.entry_type,
            fields: self.fields().collect(),
            raw: self.raw(),
            origin: self.origin.as_ref(),
        }
        .serialize(s)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldIn {
    name: String,
    value: String,
    #[serde(default)]
    inherited: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordIn {
    format: RecordFormat,
    key: String,
    #[serde(rename = "type")]
    entry_type: String,
    #[serde(default)]
    fields: Vec<FieldIn>,
    #[serde(default)]
    raw: Option<String>,
    /// Written by bibgraph, not read back: the file it loads from is the new origin.
    #[serde(default)]
    #[allow(dead_code)]
    origin: Option<serde::de::IgnoredAny>,
}

impl<'de> Deserialize<'de> for SourceRecord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RecordIn::deserialize(d)?;
        let mut out = match r.raw {
            Some(raw) => SourceRecord::with_raw(r.format, r.key, r.entry_type, raw),
            None => SourceRecord::new(r.format, r.key, r.entry_type),
        };
        for f in r.fields {
            match f.inherited {
                Some(p) => out.push_inherited(&f.name, &f.value, &p),
                None => out.push(&f.name, &f.value),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_may_be_slices_of_the_raw_text_or_written() {
        let raw = "@book{k, title = {T}, journal = j}".to_string();
        let mut r = SourceRecord::with_raw(RecordFormat::Bibtex, "k".into(), "book".into(), raw);
        r.push_raw(Ok(9..14), Ok(18..19));
        r.push_raw(Ok(22..29), Err(&mut |buf: &mut String| buf.push_str("Journal")));
        r.push_inherited("year", "1999", "parent");
        assert_eq!(r.get("title"), Some("T"));
        assert_eq!(r.get("journal"), Some("Journal"));
        assert_eq!(r.get_any("year"), Some("1999"));
        assert_eq!(r.raw(), Some("@book{k, title = {T}, journal = j}"));
        let yaml = serde_yaml::to_string(&r).unwrap();
        let back: SourceRecord = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(back, r);
        let mut moved = r.clone();
        moved.set_raw("other");
        assert_eq!(moved.raw(), Some("other"));
        assert!(moved.fields().eq(r.fields()));
    }
}
