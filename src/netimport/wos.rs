//! Web of Science exports: plain text (tagged lines) and tab-delimited (one row a record).
//!
//! Plain text: `FN`/`VR` headers in any vintage or none, records from `PT` to `ER`, `EF` at
//! the end. A line starting with three spaces continues the field above: in list fields (`AU`,
//! `AF`, `CR`, `C1`, ...) it is a new item, in text fields (`TI`, `AB`, ...) it continues the
//! text. Tab-delimited: a header row of tags; quoting is off, rows may end with an extra tab,
//! and list fields hold items separated by `"; "`.

use super::record::{Format, Parsed, Record};
use super::text::{lines, year_of};
use super::wos_ref;

/// Fields whose continuation lines are new items, and whose tab-delimited cells are `; ` lists.
const LIST_FIELDS: [&str; 8] = ["AU", "AF", "BA", "BF", "BE", "CA", "CR", "C1"];

fn is_list(tag: &str) -> bool {
    LIST_FIELDS.contains(&tag)
}

/// One record's fields as read: tag and items.
type Fields<'a> = Vec<(&'a str, Vec<String>)>;

fn get<'f>(fields: &'f Fields<'_>, tag: &str) -> Option<&'f [String]> {
    fields.iter().find(|(t, _)| *t == tag).map(|(_, v)| v.as_slice()).filter(|v| !v.is_empty())
}

fn one(fields: &Fields<'_>, tag: &str) -> Option<String> {
    let v = get(fields, tag)?;
    let s = v.join(" ");
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Makes the record from its fields; `None` when nothing identifies a work.
fn record(fields: &Fields<'_>, line: u32, parsed: &mut Parsed) -> Option<Record> {
    let mut r = Record {
        line,
        id: one(fields, "UT"),
        authors: get(fields, "AU")
            .map(|v| v.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect())
            .unwrap_or_default(),
        year: one(fields, "PY").and_then(|y| year_of(&y)),
        title: one(fields, "TI"),
        source: one(fields, "SO"),
        source_abbrev: one(fields, "J9"),
        volume: one(fields, "VL"),
        page: one(fields, "BP").or_else(|| one(fields, "AR")),
        doi: one(fields, "DI"),
        times_cited: one(fields, "TC").and_then(|t| t.parse().ok()),
        declared_references: one(fields, "NR").and_then(|t| t.parse().ok()),
        references: Vec::new(),
        referenced_ids: Default::default(),
        cited_by: Vec::new(),
    };
    if r.year.is_none() {
        // Early-access records carry the year only in EA (`JAN 2021`) or PD.
        r.year =
            ["EA", "PD"].iter().filter_map(|t| one(fields, t)).find_map(|v| v.split_whitespace().find_map(year_of));
    }
    if let Some(crs) = get(fields, "CR") {
        r.references = crs.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).map(wos_ref::parse).collect();
    }
    if let Some(nr) = r.declared_references {
        if nr as usize != r.references.len() {
            parsed.note(
                line,
                "reference-count",
                format!("NR says {nr} references, {} CR items read", r.references.len()),
            );
        }
    }
    if r.is_empty() {
        parsed.skip(line, "record without UT, DI, TI or AU", None);
        return None;
    }
    Some(r)
}

/// Reads a Web of Science plain-text export.
pub(crate) fn plain(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::WosPlain);
    let mut fields: Fields<'_> = Vec::new();
    let mut start = 0u32;
    let mut stray: Option<u32> = None;
    for (n, line) in lines(text) {
        let line = line.trim_start_matches('\u{FEFF}');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(cont) = line.strip_prefix("   ").or_else(|| line.strip_prefix('\t')) {
            match fields.last_mut() {
                Some((tag, items)) if is_list(tag) => items.push(cont.trim().to_string()),
                Some((_, items)) => {
                    let last = items.last_mut().expect("a field has a first item");
                    last.push(' ');
                    last.push_str(cont.trim());
                }
                None => stray = stray.or(Some(n)),
            }
            continue;
        }
        let (tag, value) = split_tag(line);
        let Some(tag) = tag else {
            stray = stray.or(Some(n));
            continue;
        };
        match tag {
            "FN" | "VR" | "EF" => {
                if !fields.is_empty() {
                    parsed.note(n, "missing-er", "record not closed by ER");
                    if let Some(r) = record(&fields, start, &mut parsed) {
                        parsed.records.push(r);
                    }
                    fields.clear();
                }
            }
            "ER" => {
                if fields.is_empty() {
                    parsed.note(n, "empty-record", "ER without a record");
                } else if let Some(r) = record(&fields, start, &mut parsed) {
                    parsed.records.push(r);
                }
                fields.clear();
            }
            _ => {
                if fields.is_empty() {
                    start = n;
                    if let Some(s) = stray.take() {
                        parsed.note(s, "stray-line", "lines outside any record ignored");
                    }
                } else if tag == "PT" {
                    // A new record without ER before it.
                    parsed.note(n, "missing-er", "record not closed by ER");
                    if let Some(r) = record(&fields, start, &mut parsed) {
                        parsed.records.push(r);
                    }
                    fields.clear();
                    start = n;
                }
                match fields.iter_mut().find(|(t, _)| *t == tag) {
                    // A repeated tag (two N1 or CR runs) adds to the field.
                    Some((_, items)) => items.push(value.to_string()),
                    None => fields.push((tag, vec![value.to_string()])),
                }
            }
        }
    }
    if let Some(s) = stray {
        parsed.note(s, "stray-line", "lines outside any record ignored");
    }
    if !fields.is_empty() {
        parsed.note(start, "missing-er", "last record not closed by ER");
        if let Some(r) = record(&fields, start, &mut parsed) {
            parsed.records.push(r);
        }
    }
    parsed
}

/// `AU Name` -> (`AU`, `Name`); a tag is two upper-case letters or a letter and a digit.
fn split_tag(line: &str) -> (Option<&str>, &str) {
    let b = line.as_bytes();
    let ok = b.len() >= 2
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && (b.len() == 2 || b[2] == b' ');
    if ok {
        (Some(&line[..2]), line.get(3..).unwrap_or("").trim_end())
    } else {
        (None, line)
    }
}

/// Whether a text looks like WoS plain text: its first tagged line is `FN`, `VR` or `PT`.
pub(crate) fn looks_plain(head: &str) -> bool {
    lines(head).map(|(_, l)| l.trim_start_matches('\u{FEFF}')).find(|l| !l.trim().is_empty()).is_some_and(|l| {
        let (tag, _) = split_tag(l);
        matches!(tag, Some("FN" | "VR" | "PT")) && !l.contains('\t')
    })
}

/// Whether a text looks like a WoS tab-delimited export: a header row of two-letter tags with
/// `PT`/`AU` and `UT` or `TI`.
pub(crate) fn looks_tab(head: &str) -> bool {
    let first = lines(head).map(|(_, l)| l.trim_start_matches('\u{FEFF}')).find(|l| !l.trim().is_empty()).unwrap_or("");
    let tags: Vec<&str> = first.split('\t').map(str::trim).collect();
    tags.len() >= 3 && tags.contains(&"TI") && (tags.contains(&"PT") || tags.contains(&"AU"))
}

/// Reads a Web of Science tab-delimited export.
pub(crate) fn tab(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::new(file, Format::WosTab);
    let mut rows = lines(text).filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = rows.next() else {
        return parsed;
    };
    let tags: Vec<&str> = header.trim_start_matches('\u{FEFF}').split('\t').map(str::trim).collect();
    for (n, row) in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let extra = cells.iter().skip(tags.len()).filter(|c| !c.trim().is_empty()).count();
        if extra > 0 {
            parsed.note(
                n,
                "extra-cells",
                format!("{extra} non-empty cells past the header's {} columns ignored", tags.len()),
            );
        }
        let fields: Fields<'_> = tags
            .iter()
            .zip(&cells)
            .filter(|(t, c)| !t.is_empty() && !c.trim().is_empty())
            .map(|(t, c)| {
                let items = if is_list(t) {
                    c.split("; ").map(|s| s.trim().to_string()).collect()
                } else {
                    vec![c.trim().to_string()]
                };
                (*t, items)
            })
            .collect();
        if fields.is_empty() {
            continue;
        }
        if let Some(r) = record(&fields, n, &mut parsed) {
            parsed.records.push(r);
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "\u{FEFF}FN Clarivate Analytics Web of Science\r\nVR 1.0\r\nPT J\r\nAU Roe, A\r\n   Doe, JB\r\nTI A made-up title that runs\r\n   over two lines\r\nSO JOURNAL OF MADE UP STUDIES\r\nJ9 J MADE UP STUD\r\nPY 2001\r\nVL 12\r\nBP 100\r\nDI 10.9999/jmus.2001.100\r\nNR 3\r\nTC 7\r\nCR Smith J, 1990, J MADE UP STUD, V1, P1\r\n   [Anonymous], 1991, REPORT\r\nUT WOS:000000000000001\r\nER\r\n\r\nPT J\r\nAU Poe, E\r\nTI Second\r\nCR Roe A, 2001, J MADE UP STUD, V12, P100\r\nUT WOS:000000000000002\r\nER\r\nEF\r\n";

    #[test]
    fn plain_text_with_bom_crlf_and_continuations() {
        let p = plain(PLAIN, "t.txt");
        assert_eq!(p.records.len(), 2);
        let r = &p.records[0];
        assert_eq!(r.authors, vec!["Roe, A", "Doe, JB"]);
        assert_eq!(r.title.as_deref(), Some("A made-up title that runs over two lines"));
        assert_eq!((r.year, r.volume.as_deref(), r.page.as_deref()), (Some(2001), Some("12"), Some("100")));
        assert_eq!(r.references.len(), 2);
        assert_eq!(r.id.as_deref(), Some("WOS:000000000000001"));
        assert_eq!(r.line, 3);
        // NR 3 but two CR items: noted, not an error.
        assert!(p.diagnostics.iter().any(|d| d.code == "reference-count"));
        assert_eq!(p.skipped(), 0);
    }

    #[test]
    fn plain_text_without_headers_or_last_er() {
        let p = plain("PT J\nAU Roe, A\nTI One\nER\nPT J\nTI Two\nUT WOS:2\n", "t.txt");
        assert_eq!(p.records.len(), 2);
        assert!(p.diagnostics.iter().any(|d| d.code == "missing-er"));
        assert!(looks_plain("PT J\nAU x"));
        assert!(!looks_plain("TY  - JOUR"));
    }

    #[test]
    fn four_header_vintages_read_alike() {
        for header in [
            "FN ISI Export Format\nVR 1.0",
            "FN Thomson Reuters Web of Knowledge\nVR 1.0",
            "\u{feff}FN Thomson Reuters Web of Science\u{2122}\nVR 1.0",
            "FN Clarivate Analytics Web of Science\nVR 1.0",
        ] {
            let text = format!(
                "{header}\nPT J\nAU Roe, A\nTI One\nPY 2001\nCR Doe J, 1999, J X, V1, P2\nUT WOS:1\nER\n\nEF\n"
            );
            assert!(looks_plain(&text), "{header}");
            let p = plain(&text, "t.txt");
            assert_eq!((p.records.len(), p.records[0].references.len(), p.diagnostics.len()), (1, 1, 0), "{header}");
        }
    }

    #[test]
    fn empty_record_is_skipped_with_its_line() {
        let p = plain("FN x\nVR 1.0\nPT J\nLA English\nER\nEF\n", "t.txt");
        assert_eq!(p.records.len(), 0);
        assert_eq!(p.skipped(), 1);
        assert_eq!(p.diagnostics[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn tab_delimited_with_trailing_tab_and_list_cells() {
        let text = "PT\tAU\tTI\tSO\tJ9\tCR\tPY\tVL\tBP\tUT\r\nJ\tRoe, A; Doe, JB\tA \"quoted\" title\tJOURNAL\tJ X\tSmith J, 1990, J X, V1, P1; Lee K, 1999, J X, V2, P3, DOI 10.1/x;2-K\t2001\t12\t100\tWOS:1\t\r\n";
        let p = tab(text, "t.txt");
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.authors, vec!["Roe, A", "Doe, JB"]);
        assert_eq!(r.title.as_deref(), Some("A \"quoted\" title"));
        assert_eq!(r.references.len(), 2);
        assert_eq!(r.references[1].dois, vec!["10.1/x;2-K"]);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert!(looks_tab(text));
    }
}
