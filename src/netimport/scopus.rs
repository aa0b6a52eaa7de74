//! Scopus exports: CSV and RIS.
//!
//! CSV: columns found by their header names; a row with more cells than the header (an
//! unnamed column some exports add before `References`) is read with the columns from
//! `References` on counted from the right when that puts an EID in the `EID` column.
//! RIS: read with a small tag reader of this module's own (`TAG  - value`, untagged lines
//! continuing the tag above); Scopus writes two or more `N1` notes, one of them
//! `References: ...` running over many untagged lines each ending `; `.

use super::csv;
use super::record::{Format, Parsed, Record};
use super::scopus_ref;
use super::text::{lines, year_of};

/// Whether a text looks like a Scopus CSV export: a header with `Authors`/`Title` and `EID` or
/// `Source title`.
pub(crate) fn looks_csv(head: &str) -> bool {
    let first = lines(head).map(|(_, l)| l.trim_start_matches('\u{FEFF}')).find(|l| !l.trim().is_empty()).unwrap_or("");
    first.contains(',') && first.contains("Title") && (first.contains("EID") || first.contains("Source title"))
}

/// Whether a text looks like RIS: its first non-empty line is `TY  - ...`.
pub(crate) fn looks_ris(head: &str) -> bool {
    lines(head)
        .map(|(_, l)| l.trim_start_matches('\u{FEFF}'))
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.starts_with("TY  -"))
}

/// Reads a Scopus CSV export.
pub(crate) fn read_csv(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::ScopusCsv);
    let text = text.trim_start_matches('\u{FEFF}');
    let (rows, unterminated) = csv::rows(text);
    if let Some(line) = unterminated {
        parsed.note(line, "unterminated-quote", "a quoted cell runs to the end of the file");
    }
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        return parsed;
    };
    let names: Vec<String> = header.cells.iter().map(|c| c.trim().to_string()).collect();
    let col = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let refs_col = col("References");
    let eid_col = col("EID");
    for row in rows {
        let cells = &row.cells;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let extra = cells.len().saturating_sub(names.len());
        // Columns from `References` on, counted from the right when that is what fits.
        let shifted = extra > 0
            && refs_col.is_some()
            && eid_col.is_some_and(|e| cells.get(e + extra).is_some_and(|v| v.starts_with("2-s2.0-")));
        if extra > 0 {
            let how =
                if shifted { "columns from References on read one place to the right" } else { "extra cells ignored" };
            parsed.note(row.line, "extra-cells", format!("{extra} more cells than the header: {how}"));
        }
        let cell = |name: &str| -> Option<String> {
            let i = col(name)?;
            let i = if shifted && refs_col.is_some_and(|r| i >= r) { i + extra } else { i };
            let v = cells.get(i)?.trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let authors = cell("Authors")
            .filter(|a| !a.starts_with("[No author"))
            .map(|a| {
                let sep = if a.contains("; ") { "; " } else { ", " };
                a.split(sep).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
            })
            .unwrap_or_default();
        let mut r = Record {
            line: row.line,
            id: cell("EID"),
            authors,
            year: cell("Year").and_then(|y| year_of(&y)),
            title: cell("Title"),
            source: cell("Source title"),
            source_abbrev: cell("Abbreviated Source Title"),
            volume: cell("Volume"),
            page: cell("Page start").or_else(|| cell("Art. No.")),
            doi: cell("DOI"),
            times_cited: cell("Cited by").and_then(|t| t.parse().ok()),
            ..Record::default()
        };
        if let Some(refs) = cell("References") {
            r.references = scopus_ref::split(&refs).iter().map(|s| scopus_ref::parse(s)).collect();
        }
        if r.is_empty() {
            parsed.skip(row.line, "row without EID, DOI, title or authors", None);
            continue;
        }
        parsed.records.push(r);
    }
    parsed
}

/// One RIS entry: its first line and its tags with values (continuation lines kept apart).
struct RisEntry<'a> {
    line: u32,
    tags: Vec<(&'a str, Vec<&'a str>)>,
}

/// Splits RIS text into entries (a small reader of this module's own).
fn ris_entries<'a>(text: &'a str, parsed: &mut Parsed) -> Vec<RisEntry<'a>> {
    let mut out = Vec::new();
    let mut cur: Option<RisEntry<'a>> = None;
    for (n, line) in lines(text) {
        let line = line.trim_start_matches('\u{FEFF}');
        let b = line.as_bytes();
        let tagged = b.len() >= 5
            && b[0].is_ascii_uppercase()
            && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
            && &b[2..5] == b"  -";
        if tagged {
            let tag = &line[..2];
            let value = line[5..].trim();
            if tag == "TY" {
                if let Some(e) = cur.take() {
                    parsed.note(e.line, "missing-er", "RIS entry not closed by ER");
                    out.push(e);
                }
                cur = Some(RisEntry { line: n, tags: vec![(tag, vec![value])] });
            } else if tag == "ER" {
                match cur.take() {
                    Some(e) => out.push(e),
                    None => parsed.note(n, "empty-record", "ER without an entry"),
                }
            } else if let Some(e) = cur.as_mut() {
                e.tags.push((tag, vec![value]));
            } else {
                parsed.skip(n, format!("{tag} line outside any entry (no TY before it)"), Some(line));
            }
        } else if !line.trim().is_empty() {
            match cur.as_mut().and_then(|e| e.tags.last_mut()) {
                Some((_, values)) => values.push(line.trim()),
                None => parsed.note(n, "stray-line", "untagged line outside any entry ignored"),
            }
        }
    }
    if let Some(e) = cur {
        parsed.note(e.line, "missing-er", "last RIS entry not closed by ER");
        out.push(e);
    }
    out
}

/// Reads a Scopus RIS export.
pub(crate) fn read_ris(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::ScopusRis);
    for e in ris_entries(text, &mut parsed) {
        let first = |tag: &str| -> Option<String> {
            e.tags
                .iter()
                .find(|(t, _)| *t == tag)
                .map(|(_, v)| v.join(" ").trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut r = Record {
            line: e.line,
            authors: e.tags.iter().filter(|(t, _)| matches!(*t, "AU" | "A1")).map(|(_, v)| v.join(" ")).collect(),
            year: first("PY").or_else(|| first("Y1")).and_then(|y| year_of(&y)),
            title: first("TI").or_else(|| first("T1")),
            source: first("T2").or_else(|| first("JO")),
            source_abbrev: first("J2"),
            volume: first("VL"),
            page: first("SP").or_else(|| first("C7")),
            doi: first("DO"),
            ..Record::default()
        };
        r.id = first("UR").and_then(|u| eid_in(&u)).or_else(|| first("AN"));
        for (tag, values) in &e.tags {
            if *tag != "N1" {
                continue;
            }
            let head = values[0];
            if let Some(refs) = head.strip_prefix("References:") {
                for line in std::iter::once(refs).chain(values[1..].iter().copied()) {
                    r.references.extend(scopus_ref::split(line).iter().map(|s| scopus_ref::parse(s)));
                }
            } else if let Some(n) = head.strip_prefix("Cited By :").or_else(|| head.strip_prefix("Cited By:")) {
                r.times_cited = n.trim().parse().ok();
            }
        }
        if r.is_empty() {
            parsed.skip(e.line, "RIS entry without title, authors, DOI or id", None);
            continue;
        }
        parsed.records.push(r);
    }
    parsed
}

/// The EID in a Scopus record URL (`...record.uri?eid=2-s2.0-85091557653&...`).
fn eid_in(url: &str) -> Option<String> {
    let at = url.find("eid=")? + 4;
    let eid: String = url[at..].chars().take_while(|c| *c != '&').collect();
    (!eid.is_empty()).then_some(eid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_shifted_references() {
        let text = "\u{FEFF}Authors,Title,Year,Source title,Volume,Page start,Cited by,DOI,Funding Text 1,References,Abbreviated Source Title,EID\n\
Roe A.; Doe J.,First made-up paper,2001,Journal of Made Up Studies,12,100,3,10.9999/JMUS.1,,\"Poe, E., Ravens (1845) Ravens Q., 3, p. 7; Lee, K., Other (1999) J. X, 1\",J. Made Up Stud.,2-s2.0-1\n\
\"Poe E., Lee K.\",Second,2002,Journal of Made Up Studies,13,,,,\"funds\",\"text 2\",\"Roe, A., First made-up paper (2001) J. Made Up Stud., 12, pp. 100-110\",J. Made Up Stud.,2-s2.0-2\n";
        let p = read_csv(text, "s.csv");
        assert_eq!(p.records.len(), 2, "{:?}", p.diagnostics);
        assert_eq!(p.records[0].authors, vec!["Roe A.", "Doe J."]);
        assert_eq!(p.records[1].authors, vec!["Poe E.", "Lee K."]);
        assert_eq!(p.records[0].references.len(), 2);
        assert_eq!(p.records[1].references.len(), 1);
        assert_eq!(p.records[1].references[0].title.as_deref(), Some("First made-up paper"));
        assert_eq!(p.records[1].id.as_deref(), Some("2-s2.0-2"));
        assert_eq!(p.records[1].source_abbrev.as_deref(), Some("J. Made Up Stud."));
        assert!(p.diagnostics.iter().any(|d| d.code == "extra-cells" && d.location.as_ref().unwrap().line == 3));
        assert!(looks_csv(text));
    }

    #[test]
    fn ris_with_two_notes_and_references_over_lines() {
        let text = "TY  - JOUR\nTI  - A made-up paper\nT2  - Journal of Made Up Studies\nJ2  - J. Made Up Stud.\nVL  - 12\nSP  - 100\nPY  - 2001\nDO  - 10.9999/jmus.1\nAU  - Roe, A.\nAU  - Doe, J.\nN1  - Export Date: 1 January 2020\nN1  - References: Poe, E., (1845) Ravens Q., 3, p. 7; \nLee, K., Another made-up paper (1999) J. X, 1, pp. 1-9; \nN1  - Cited By :4\nUR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-123&doi=x\nER  - \n\nTY  - JOUR\nER  - \n";
        let p = read_ris(text, "s.ris");
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.id.as_deref(), Some("2-s2.0-123"));
        assert_eq!(r.references.len(), 2);
        assert_eq!(r.references[1].title.as_deref(), Some("Another made-up paper"));
        assert_eq!(r.times_cited, Some(4));
        assert_eq!(p.skipped(), 1);
        assert!(looks_ris(text));
    }
}
