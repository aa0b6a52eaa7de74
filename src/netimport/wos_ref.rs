//! A Web of Science cited reference: `Author, Year, Source, Vvol, Ppage, DOI doi`.
//!
//! Every part is optional. The author may be `[Anonymous]` or a `*CORPORATE` body; newer
//! exports print full source titles that contain commas, so the volume, page and DOI are read
//! from the right and whatever lies between the year and them is the source. DOIs come alone or
//! as `DOI [a, b]` lists; SICI DOIs hold `;`, `<` and `>`.

use super::record::CitedRef;
use super::text::year_of;

/// Reads one cited reference. Never fails: what cannot be placed stays in `raw`.
pub(crate) fn parse(raw: &str) -> CitedRef {
    let raw = raw.trim();
    let mut r = CitedRef { raw: raw.to_string(), ..CitedRef::default() };
    let mut rest = raw;
    if let Some(at) = find_doi_part(rest) {
        let doi_text = rest[at..].trim_start_matches(", ").trim_start_matches("DOI").trim();
        if let Some(list) = doi_text.strip_prefix('[') {
            let list = list.trim_end_matches(']');
            r.dois.extend(list.split(", ").map(str::trim).filter(|d| !d.is_empty()).map(String::from));
        } else if !doi_text.is_empty() {
            r.dois.push(doi_text.to_string());
        }
        rest = rest[..at].trim_end_matches([',', ' ']);
    }
    let mut parts: Vec<&str> = rest.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    // Page and volume from the right.
    while let Some(last) = parts.last() {
        if r.page.is_none() && r.volume.is_none() {
            if let Some(p) = tagged(last, 'P').or_else(|| last.strip_prefix("ARTN ").map(str::trim)) {
                r.page = Some(p.to_string());
                parts.pop();
                continue;
            }
        }
        if r.volume.is_none() {
            if let Some(v) = tagged(last, 'V') {
                r.volume =
                    Some(v.trim_start_matches('0').to_string()).filter(|v| !v.is_empty()).or(Some(v.to_string()));
                parts.pop();
                continue;
            }
        }
        break;
    }
    // Author and year from the left.
    let mut i = 0;
    if let Some(first) = parts.first() {
        if year_of(first).is_some() && first.len() == 4 {
            r.year = year_of(first);
            i = 1;
        } else {
            if *first != "[Anonymous]" && !first.eq_ignore_ascii_case("anonymous") {
                r.author = Some(first.to_string());
            }
            i = 1;
            if let Some(second) = parts.get(1) {
                if second.len() == 4 && year_of(second).is_some() {
                    r.year = year_of(second);
                    i = 2;
                }
            }
        }
    }
    if i < parts.len() {
        r.source = Some(parts[i..].join(", "));
    }
    r
}

/// Where `, DOI ` (or a leading `DOI `) starts, the last one if several.
fn find_doi_part(s: &str) -> Option<usize> {
    if s.starts_with("DOI ") {
        return Some(0);
    }
    s.rfind(", DOI ").map(|at| at + 2)
}

/// `V45` -> `45`, `PS145` -> `S145`: a one-letter tag followed by something with a digit, no
/// spaces.
fn tagged(part: &str, tag: char) -> Option<&str> {
    let v = part.strip_prefix(tag)?;
    (!v.is_empty() && !v.contains(' ') && v.chars().any(|c| c.is_ascii_digit())).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Author, year, source, volume, page and DOIs.
    type Parts = (Option<String>, Option<i32>, Option<String>, Option<String>, Option<String>, Vec<String>);

    fn p(s: &str) -> Parts {
        let r = parse(s);
        (r.author, r.year, r.source, r.volume, r.page, r.dois)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn full_reference() {
        assert_eq!(
            p("Merton RK, 1968, SCIENCE, V159, P56, DOI 10.1126/science.159.3810.56"),
            (
                some("Merton RK"),
                Some(1968),
                some("SCIENCE"),
                some("159"),
                some("56"),
                vec!["10.1126/science.159.3810.56".into()]
            )
        );
    }

    #[test]
    fn parts_missing() {
        assert_eq!(p("[Anonymous], 1999, SOME REPORT"), (None, Some(1999), some("SOME REPORT"), None, None, vec![]));
        assert_eq!(
            p("*WORLD BANK, 2004, DEV REP"),
            (some("*WORLD BANK"), Some(2004), some("DEV REP"), None, None, vec![])
        );
        assert_eq!(
            p("Kuhn T., 1962, STRUCTURE SCI REVOLUT"),
            (some("Kuhn T."), Some(1962), some("STRUCTURE SCI REVOLUT"), None, None, vec![])
        );
        assert_eq!(
            p("Price DJD, PHYS TODAY, V3"),
            (some("Price DJD"), None, some("PHYS TODAY"), some("3"), None, vec![])
        );
        assert_eq!(
            p("1965, J EXAMPLE, V1, PS145"),
            (None, Some(1965), some("J EXAMPLE"), some("1"), some("S145"), vec![])
        );
        assert_eq!(p("Garfield E, 1955, SCIENCE, V0122").3, some("122"));
        assert_eq!(p("Small H, 1973, J AM SOC INFORM SCI, V24, P265").4, some("265"));
    }

    #[test]
    fn full_source_titles_with_commas() {
        let r = parse("Lee A, 2019, Journal of Examples, Methods, and Tools, V12, DOI 10.1000/jemt.12");
        assert_eq!(r.source.as_deref(), Some("Journal of Examples, Methods, and Tools"));
        assert_eq!(r.volume.as_deref(), Some("12"));
        assert_eq!(r.page, None);
    }

    #[test]
    fn doi_lists_and_sici() {
        let r = parse("Roe B, 2009, NAT EXAMPLE, V8, P940, DOI [10.1038/nex2574, 10.1038/NEX2574]");
        assert_eq!(r.dois, vec!["10.1038/nex2574", "10.1038/NEX2574"]);
        let r = parse("Doe J, 1999, J EX SCI, V50, P115, DOI 10.1002/(SICI)1097-0000(1999)50:2<115::AID-X3>3.0.CO;2-J");
        assert_eq!(r.dois, vec!["10.1002/(SICI)1097-0000(1999)50:2<115::AID-X3>3.0.CO;2-J"]);
        assert_eq!(r.page.as_deref(), Some("115"));
        let r = parse("DOI 10.1000/only");
        assert_eq!((r.author, r.dois), (None, vec!["10.1000/only".to_string()]));
    }
}
