//! CSL-JSON: the bibliographic interchange format of Zotero, pandoc and citeproc.
//!
//! [`to_csl`] writes a work as a CSL-JSON item and [`from_csl`] reads one back: a work
//! written and read again is the same work, every field included (bibgraph's own fields
//! travel under `custom`). [`from_csl_str`] reads a whole file.
//!
//! ```
//! use bibgraph::{csl, Corpus};
//!
//! let corpus = Corpus::builtin()?;
//! let levitt = corpus.work("levitt2001a").unwrap();
//! let item = csl::to_csl(levitt);
//! assert_eq!(item["year-suffix"], "a");
//! let back = csl::from_csl(&item)?;
//! assert_eq!(back.year, levitt.year);
//! assert_eq!(back.raw, levitt.raw);
//! # Ok::<(), bibgraph::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Contributors, Flag, Name, PersonName, Provenance, RecordFormat, Role, SourceRecord, Work, WorkKey, WorkType, Year,
};
use serde_json::{json, Map, Value};

fn name_json(name: &Name) -> Value {
    match name {
        Name::Person(p) => {
            let mut m = Map::new();
            m.insert("family".into(), json!(p.family));
            if let Some(g) = &p.given {
                // `JS` as `J. S.`: styles and reference managers expect the periods.
                m.insert("given".into(), json!(crate::model::dotted_initials(g).unwrap_or_else(|| g.clone())));
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
/// text, flags, repairs, discipline, provenance) go under `custom`, which CSL-JSON
/// reserves for such data.
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
    for c in &work.contributors {
        // Two groups in the same role (rare) are written as one list.
        let names = m.entry(c.role.as_str()).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = names {
            list.extend(c.names.iter().map(name_json));
        }
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
                if let Some(s) = y.suffix {
                    // Processors (pandoc, citeproc-js) ignore `year-suffix` and give letters
                    // by their own sort; a literal date keeps `2001a` as the source cites it.
                    issued.insert("literal".into(), json!(format!("{year}{s}")));
                }
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
    let fields: [(&str, &Option<String>); 16] = [
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
        ("citation-label", &work.label),
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
    if !work.provenance.is_empty() {
        custom.insert("provenance".into(), json!(work.provenance));
    }
    let names = work.authors.iter().chain(&work.editors).chain(work.contributors.iter().flat_map(|c| &c.names));
    if names.filter_map(Name::given).any(|g| crate::model::dotted_initials(g).is_some()) {
        // The reader takes the periods off again, so the work reads back as it was.
        custom.insert("initials-dotted".into(), json!(true));
    }
    if !custom.is_empty() {
        m.insert("custom".into(), Value::Object(custom));
    }
    if let Some(record) = work.records.iter().find(|r| r.format == RecordFormat::CslJson) {
        restore(&mut m, work, record);
    }
    Value::Object(m)
}

/// The CSL-JSON fields bibgraph reads into a work.
const KNOWN: [&str; 33] = [
    "id",
    "type",
    "author",
    "editor",
    "director",
    "producer",
    "executive-producer",
    "script-writer",
    "translator",
    "illustrator",
    "host",
    "composer",
    "compiler",
    "narrator",
    "performer",
    "issued",
    "year-suffix",
    "original-date",
    "title",
    "container-title",
    "collection-title",
    "number",
    "genre",
    "edition",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "URL",
    "DOI",
    "note",
    "annote",
];

/// Puts back the fields of the item a work was imported from: every field bibgraph does
/// not read, and, if the work is unchanged, the fields it reads too, in their original
/// form. The `id` stays the work's key; the item's own `custom` keys join bibgraph's.
fn restore(m: &mut Map<String, Value>, work: &Work, record: &SourceRecord) {
    let original: Map<String, Value> =
        record.own_fields().filter_map(|f| Some((f.name.to_string(), serde_json::from_str(f.value).ok()?))).collect();
    let unchanged = from_csl(&Value::Object(original.clone()))
        .map(|d| work.differing_fields(&d).iter().all(|f| *f == "discipline"))
        .unwrap_or(false);
    for (name, value) in original {
        match name.as_str() {
            "id" => {}
            "custom" => {
                if let (Value::Object(theirs), Value::Object(ours)) =
                    (value, m.entry("custom").or_insert_with(|| Value::Object(Map::new())))
                {
                    for (k, v) in theirs {
                        ours.entry(k).or_insert(v);
                    }
                }
            }
            known if KNOWN.contains(&known) && !unchanged => {}
            _ => {
                m.insert(name, value);
            }
        }
    }
}

/// Works as a CSL-JSON array, in order.
pub fn to_csl_array<'a>(works: impl IntoIterator<Item = &'a Work>) -> Value {
    Value::Array(works.into_iter().map(to_csl).collect())
}

fn syntax(id: &str, message: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Syntax, format!("csl-json item `{id}`: {message}"))
}

fn string_field(item: &Map<String, Value>, id: &str, name: &str) -> Result<Option<String>> {
    match item.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(syntax(id, format!("`{name}` should be a string, not {other}"))),
    }
}

fn name_from_json(value: &Value, id: &str) -> Result<Name> {
    let obj = value.as_object().ok_or_else(|| syntax(id, format!("a name should be an object, not {value}")))?;
    let get = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    if let Some(literal) = get("literal") {
        return Ok(Name::Literal { literal });
    }
    let family =
        get("family").ok_or_else(|| syntax(id, format!("a name has neither `family` nor `literal`: {value}")))?;
    Ok(Name::Person(PersonName {
        family,
        given: get("given"),
        particle: get("non-dropping-particle").or_else(|| get("dropping-particle")),
        suffix: get("suffix"),
    }))
}

fn names_from_json(item: &Map<String, Value>, id: &str, field: &str) -> Result<Vec<Name>> {
    match item.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(names)) => names.iter().map(|n| name_from_json(n, id)).collect(),
        Some(other) => Err(syntax(id, format!("`{field}` should be a list of names, not {other}"))),
    }
}

/// The first date of a CSL date: (year, month, day).
fn date_parts(value: &Value) -> Option<(i32, Option<u8>, Option<u8>)> {
    let first = value.get("date-parts")?.get(0)?.as_array()?;
    let part =
        |i: usize| first.get(i).and_then(|v| v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())));
    let year = i32::try_from(part(0)?).ok()?;
    let month = part(1).and_then(|m| u8::try_from(m).ok());
    let day = part(2).and_then(|d| u8::try_from(d).ok());
    Some((year, month, day))
}

/// Whether a CSL date says nothing: `{}`, `{"date-parts": []}`, `{"date-parts": [[]]}`,
/// `""` (pandoc writes the second for an entry without a date).
pub(crate) fn empty_date(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Object(m) => m.iter().all(|(k, v)| match (k.as_str(), v) {
            ("date-parts", Value::Array(parts)) => {
                parts.iter().all(|p| p.as_array().is_some_and(|p| p.iter().all(Value::is_null)) || p.is_null())
            }
            (_, Value::Null) => true,
            (_, Value::String(s)) => s.trim().is_empty(),
            _ => false,
        }),
        _ => false,
    }
}

/// A date given as a string (`"2001"`, `"2001-05-12"`, EDTF): the year, month and day.
fn date_string(s: &str) -> Option<Year> {
    if let Ok(y) = s.parse::<Year>() {
        return Some(y);
    }
    let mut parts = s.trim().split(['-', '/']);
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = parts.next().and_then(|m| m.parse::<u8>().ok()).filter(|m| (1..=12).contains(m));
    let day = parts.next().and_then(|d| d.get(..2).unwrap_or(d).parse::<u8>().ok()).filter(|d| (1..=31).contains(d));
    Some(Year { year: Some(year), month, day: day.filter(|_| month.is_some()), ..Default::default() })
}

fn year_from_json(item: &Map<String, Value>, id: &str) -> Result<Option<Year>> {
    let Some(issued) = item.get("issued").filter(|v| !empty_date(v)) else { return Ok(None) };
    let mut year = if let Some(y) = issued.as_str().and_then(date_string) {
        y
    } else if let Some((y, month, day)) = date_parts(issued) {
        Year { year: Some(y), month, day, ..Default::default() }
    } else if let Some(literal) =
        issued.get("literal").and_then(Value::as_str).or_else(|| issued.get("raw").and_then(Value::as_str))
    {
        literal.parse::<Year>().map_err(|e| syntax(id, &e).with_source(e))?
    } else {
        return Err(syntax(id, format!("unreadable `issued`: {issued}")));
    };
    if let Some(suffix) = item.get("year-suffix").and_then(Value::as_str) {
        let mut chars = suffix.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() && year.year.is_some() => year.suffix = Some(c),
            _ => return Err(syntax(id, format!("malformed `year-suffix` `{suffix}`"))),
        }
    }
    if let Some(original) = item.get("original-date").and_then(date_parts) {
        year.original = Some(original.0);
    }
    Ok(Some(year))
}

fn custom_list<T: serde::de::DeserializeOwned>(
    custom: Option<&Map<String, Value>>,
    id: &str,
    name: &str,
) -> Result<Vec<T>> {
    match custom.and_then(|c| c.get(name)) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| syntax(id, format!("unreadable `custom.{name}`: {e}")).with_source(e)),
    }
}

/// Reads one CSL-JSON item into a work: the inverse of [`to_csl`]. Fields CSL-JSON has
/// and bibgraph does not (abstracts, ISBNs, ...) are ignored.
///
/// # Errors
/// [`ErrorKind::Syntax`] naming the item's `id` if it has no `id`, a name without a
/// family or literal name, an unreadable date, or a `custom` field of the wrong shape.
pub fn from_csl(item: &Value) -> Result<Work> {
    let obj = item
        .as_object()
        .ok_or_else(|| Error::new(ErrorKind::Syntax, format!("a csl-json item should be an object, not {item}")))?;
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(Error::new(ErrorKind::Syntax, format!("a csl-json item has no `id`: {item}"))),
    };
    let custom = obj.get("custom").and_then(Value::as_object);
    let field = |name: &str| string_field(obj, &id, name);
    let mut work = Work {
        key: WorkKey::new(id.clone()),
        kind: WorkType::from_csl(obj.get("type").and_then(Value::as_str).unwrap_or("document")),
        authors: names_from_json(obj, &id, "author")?,
        editors: names_from_json(obj, &id, "editor")?,
        contributors: Role::ALL
            .iter()
            .map(|&role| Ok(Contributors { role, names: names_from_json(obj, &id, role.as_str())? }))
            .filter(|c| !matches!(c, Ok(c) if c.names.is_empty()))
            .collect::<Result<_>>()?,
        year: year_from_json(obj, &id)?,
        title: field("title")?,
        container_title: field("container-title")?,
        collection_title: field("collection-title")?,
        number: field("number")?,
        genre: field("genre")?,
        edition: field("edition")?,
        volume: field("volume")?,
        issue: field("issue")?,
        pages: field("page")?,
        publisher: field("publisher")?,
        place: field("publisher-place")?,
        url: field("URL")?,
        doi: field("DOI")?,
        note: field("note")?,
        discipline: match custom.and_then(|c| c.get("discipline")) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        },
        annotation: field("annote")?,
        label: field("citation-label")?,
        flags: custom_list::<Flag>(custom, &id, "flags")?,
        repairs: custom_list::<Flag>(custom, &id, "repairs")?,
        raw: match custom.and_then(|c| c.get("raw")) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        },
        origin: None,
        provenance: custom_list::<Provenance>(custom, &id, "provenance")?,
        records: Vec::new(),
    };
    if custom.and_then(|c| c.get("initials-dotted")).and_then(Value::as_bool) == Some(true) {
        undot(&mut work);
    }
    Ok(work)
}

/// Takes off the periods [`crate::model::dotted_initials`] put on bare initials.
pub(crate) fn undot(work: &mut Work) {
    let names = work.authors.iter_mut().chain(work.editors.iter_mut());
    let names = names.chain(work.contributors.iter_mut().flat_map(|c| c.names.iter_mut()));
    for name in names {
        if let Name::Person(p) = name {
            if let Some(bare) = p.given.as_deref().and_then(crate::model::undotted_initials) {
                p.given = Some(bare);
            }
        }
    }
}

/// Reads a CSL-JSON file: an array of items (or one item).
///
/// # Errors
/// [`ErrorKind::Syntax`] if the text is not JSON, or as [`from_csl`] for an item.
pub fn from_csl_str(text: &str) -> Result<Vec<Work>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::new(ErrorKind::Syntax, format!("not csl-json: {e}"))
            .at(Some(crate::error::Location::new("<csl-json>", e.line() as u32, e.column() as u32)))
            .with_source(e)
    })?;
    match &value {
        Value::Array(items) => items.iter().map(from_csl).collect(),
        _ => Ok(vec![from_csl(&value)?]),
    }
}
