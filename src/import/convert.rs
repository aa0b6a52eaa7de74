//! A BibTeX record into a work, with the biblatex crate doing what it does well: TeX in
//! field values (accents, dashes, braces), names and dates.
//!
//! Only the fields bibgraph maps are handed to the crate; every other field stays in the
//! record as written. A field whose TeX the crate cannot read, or that is nested too deeply
//! to hand over safely, is kept as written and reported.

use crate::export::biblatex::from_entry;
use crate::model::{Name, SourceRecord, Work, Year};
use biblatex::{Bibliography, Chunk, Pair, RawBibliography, RawChunk, RawEntry, Spanned};

/// The fields the mapping to a work reads (see `export::biblatex`), plus `month`.
const MAPPED: [&str; 42] = [
    "address",
    "annotation",
    "annote",
    "author",
    "booktitle",
    "date",
    "doi",
    "edition",
    "editor",
    "editora",
    "editoratype",
    "editorb",
    "editorbtype",
    "editorc",
    "editorctype",
    "entrysubtype",
    "institution",
    "issue",
    "journal",
    "journaltitle",
    "location",
    "month",
    "note",
    "number",
    "organization",
    "origdate",
    "pages",
    "pubstate",
    "publisher",
    "school",
    "series",
    "title",
    "translator",
    "type",
    "url",
    "usera",
    "userb",
    "verba",
    "verbb",
    "volume",
    "year",
    "howpublished",
];

/// Braces nested deeper than this, or more groups than `MAX_GROUPS`, are not handed to
/// the crate (whose TeX reader recurses on nested commands and merges chunks in
/// quadratic time).
const MAX_DEPTH: usize = 32;
const MAX_GROUPS: usize = 512;

fn mapped(name: &str) -> Option<usize> {
    MAPPED.iter().position(|m| *m == name)
}

fn safe_to_hand_over(value: &str) -> bool {
    let (mut depth, mut max, mut groups) = (0usize, 0usize, 0usize);
    for b in value.bytes() {
        match b {
            b'{' => {
                depth += 1;
                groups += 1;
                max = max.max(depth);
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max <= MAX_DEPTH && groups <= MAX_GROUPS
}

/// The crate's entry for some of the record's fields, or the crate's error.
fn crate_entry(record: &SourceRecord, fields: &[usize]) -> Result<biblatex::Entry, biblatex::ParseError> {
    let pairs = fields
        .iter()
        .filter_map(|&i| {
            let f = record.field(i)?;
            let value = vec![Spanned::new(RawChunk::Normal(f.value), 0..f.value.len())];
            Some(Pair::new(Spanned::new(f.name, i..i), Spanned::new(value, i..i)))
        })
        .collect();
    let raw = RawBibliography {
        preamble: String::new(),
        entries: vec![Spanned::new(
            RawEntry {
                key: Spanned::new(record.key.as_str(), 0..0),
                kind: Spanned::new(record.entry_type.as_str(), 0..0),
                fields: pairs,
            },
            0..0,
        )],
        abbreviations: Vec::new(),
    };
    let mut bib = Bibliography::from_raw(raw)?;
    let key = bib.iter().next().map(|e| e.key.clone()).unwrap_or_default();
    Ok(bib.remove(&key).unwrap_or_else(|| biblatex::Entry::new(key, biblatex::EntryType::new(&record.entry_type))))
}

/// What went wrong with one field: its index in the record and the message.
pub(crate) type FieldProblem = (usize, &'static str, String);

fn month_number(text: &str) -> Option<u8> {
    let t = text.trim().trim_end_matches('.');
    if let Ok(n) = t.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = t.to_ascii_lowercase();
    (lower.len() >= 3).then(|| NAMES.iter().position(|m| lower.starts_with(m))).flatten().map(|i| i as u8 + 1)
}

/// Frees the spare capacity of the work's text, which the crate's formatting leaves.
fn shrink(work: &mut Work) {
    for s in [
        &mut work.title,
        &mut work.container_title,
        &mut work.collection_title,
        &mut work.number,
        &mut work.genre,
        &mut work.edition,
        &mut work.volume,
        &mut work.issue,
        &mut work.pages,
        &mut work.publisher,
        &mut work.place,
        &mut work.url,
        &mut work.doi,
        &mut work.note,
        &mut work.annotation,
    ]
    .into_iter()
    .flatten()
    {
        s.shrink_to_fit();
    }
    for name in work.authors.iter_mut().chain(work.editors.iter_mut()) {
        match name {
            Name::Person(p) => {
                p.family.shrink_to_fit();
                for part in [&mut p.given, &mut p.particle, &mut p.suffix].into_iter().flatten() {
                    part.shrink_to_fit();
                }
            }
            Name::Literal { literal } => literal.shrink_to_fit(),
        }
    }
    work.authors.shrink_to_fit();
    work.editors.shrink_to_fit();
}

/// The work a record describes. Its key is the record's key; the caller sets the
/// bibgraph key, origin and raw text.
pub(crate) fn to_work(record: &SourceRecord, problems: &mut Vec<FieldProblem>) -> Work {
    let mut chosen: Vec<usize> = Vec::new();
    let mut kept_as_written: Vec<usize> = Vec::new();
    let mut seen = [false; MAPPED.len()];
    for (i, f) in record.fields().enumerate() {
        match mapped(f.name) {
            Some(m) if !seen[m] => seen[m] = true,
            _ => continue,
        }
        if safe_to_hand_over(f.value) {
            chosen.push(i);
        } else {
            problems.push((
                i,
                "tex",
                format!("field `{}` is nested too deeply to read its TeX; kept as written", f.name),
            ));
            kept_as_written.push(i);
        }
    }
    let mut entry = match crate_entry(record, &chosen) {
        Ok(e) => e,
        Err(_) => {
            // Find the fields the crate cannot read, one by one.
            let (good, bad): (Vec<usize>, Vec<usize>) =
                chosen.iter().partition(|&&i| crate_entry(record, &[i]).is_ok());
            for &i in &bad {
                let err = crate_entry(record, &[i]).err().map(|e| e.kind.to_string()).unwrap_or_default();
                let name = record.field(i).map_or("", |f| f.name);
                problems.push((i, "tex", format!("field `{name}`: cannot read its TeX ({err}); kept as written")));
            }
            kept_as_written.extend(bad);
            crate_entry(record, &good).unwrap_or_else(|_| {
                biblatex::Entry::new(record.key.clone(), biblatex::EntryType::new(&record.entry_type))
            })
        }
    };
    for f in kept_as_written.iter().filter_map(|&i| record.field(i)) {
        entry.set(f.name, vec![Spanned::detached(Chunk::Verbatim(f.value.to_string()))]);
    }
    if entry.get("howpublished").is_some() && entry.get("publisher").is_none() {
        if let Some(h) = entry.remove("howpublished") {
            entry.set("publisher", h);
        }
    }
    let mut work = match from_entry(&entry) {
        Ok(w) => w,
        Err(e) => {
            for name in ["verba", "verbb"] {
                if let Some(i) = record.fields().position(|f| f.name == name) {
                    problems.push((i, "bibgraph-field", format!("{}; ignored", e.message())));
                }
                entry.remove(name);
            }
            from_entry(&entry).unwrap_or_default()
        }
    };
    if let Some(year) = work.year.as_mut() {
        if year.month.is_none() && year.year.is_some() && record.get("date").is_none() {
            year.month = record.get_any("month").and_then(month_number);
        }
    }
    shrink(&mut work);
    if work.year.is_none() {
        if let Some((i, f)) = record.fields().enumerate().find(|(_, f)| f.name == "date" || f.name == "year") {
            match lenient_year(f.value) {
                Some(y) => {
                    let message = format!("field `{}`: `{}` is read as {y}", f.name, f.value);
                    problems.push((i, "year-read-as", message));
                    work.year = Some(Year::new(y));
                }
                None => {
                    let message = format!("field `{}`: cannot read a year in `{}`", f.name, f.value);
                    problems.push((i, "unreadable-year", message));
                }
            }
        }
    }
    work
}

/// A year in a value the standard forms cannot read: with sort-order tricks removed
/// (`{\noopsort{1973b}}1973`), or the first year of a range (`1989--date`, `1965--1981`).
fn lenient_year(value: &str) -> Option<i32> {
    let mut text = value.to_string();
    while let Some(start) = text.find("\\noopsort{") {
        let open = start + "\\noopsort".len();
        let mut depth = 0usize;
        let end = text[open..].char_indices().find_map(|(j, c)| {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + j + 1);
                    }
                }
                _ => {}
            }
            None
        })?;
        text.replace_range(start..end, "");
    }
    let digits: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).collect();
    let first = digits.first().filter(|d| d.len() == 4)?;
    let trimmed = text.trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace());
    trimmed.starts_with(*first).then(|| first.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordFormat;

    fn record(fields: &[(&str, &str)]) -> SourceRecord {
        let mut r = SourceRecord::new(RecordFormat::Bibtex, "Knuth:1984", "Book");
        for (n, v) in fields {
            r.push(n, v);
        }
        r
    }

    #[test]
    fn tex_names_and_dates_go_through_the_crate() {
        let r = record(&[
            ("author", "Donald E. Knuth and Erd{\\H{o}}s, P{\\'a}l"),
            ("title", "The {\\TeX}book"),
            ("year", "1984"),
            ("month", "October"),
            ("pages", "1--10"),
            ("bibdate", "Thu Oct 31 1996"),
        ]);
        let mut problems = Vec::new();
        let w = to_work(&r, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(w.authors, [Name::person("Knuth", Some("Donald E.")), Name::person("Erdős", Some("Pál"))]);
        assert_eq!(w.title.as_deref(), Some("The TeXbook"));
        assert_eq!(w.pages.as_deref(), Some("1–10"));
        let year = w.year.unwrap();
        assert_eq!((year.year, year.month), (Some(1984), Some(10)));
    }

    #[test]
    fn years_behind_sort_tricks_and_ranges_are_read_with_a_note() {
        assert_eq!(lenient_year("{\\noopsort{1973b}}1973"), Some(1973));
        assert_eq!(lenient_year("{\\noopsort{1973a}}{\\switchargs{--90}{1968}}"), None);
        assert_eq!(lenient_year("1989--date{}"), Some(1989));
        assert_eq!(lenient_year("1988\\unskip--"), Some(1988));
        assert_eq!(lenient_year("198x"), None);
        assert_eq!(lenient_year("c. 1450"), None);
        let mut problems = Vec::new();
        let w = to_work(&record(&[("year", "{\\noopsort{1973c}}1981")]), &mut problems);
        assert_eq!(w.year.and_then(|y| y.year), Some(1981));
        assert_eq!(
            problems,
            [(0, "year-read-as", "field `year`: `{\\noopsort{1973c}}1981` is read as 1981".to_string())]
        );
    }

    #[test]
    fn tex_the_crate_cannot_read_is_kept_as_written() {
        let r = record(&[
            ("title", "Cost \\"),
            ("year", "1984"),
            ("note", "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{deep}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}"),
        ]);
        let mut problems = Vec::new();
        let w = to_work(&r, &mut problems);
        assert_eq!(w.title.as_deref(), Some("Cost \\"));
        assert_eq!(w.year.and_then(|y| y.year), Some(1984));
        let codes: Vec<(usize, &str)> = problems.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(codes, [(2, "tex"), (0, "tex")]);
    }
}
