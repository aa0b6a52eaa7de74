//! Scopus cited references.
//!
//! Older exports: `Surname, I., Surname, I., Title (YYYY) Source, vol (issue), pp. 1-10`;
//! newer ones put the year last: `Surname I., Surname I., Title, Source, vol, issue, pp. 1-10,
//! (YYYY)`. References are separated by `; `, but newer exports also separate authors by `; `,
//! so a piece that is only a name is joined to the next one.

use super::record::CitedRef;
use super::text::{dois_in, year_of};

/// Splits a references cell into references at `; `. Some pieces are not references of their
/// own: in the older layout (year in the middle) an editor's name, a short publisher or a URL
/// without a year continues the reference before it; in the newer one (year last) a name is
/// an author of the reference after it.
pub(crate) fn split(cell: &str) -> Vec<String> {
    let pieces: Vec<&str> =
        cell.split("; ").map(|p| p.trim().trim_end_matches(';').trim()).filter(|p| !p.is_empty()).collect();
    let year_last = pieces.iter().filter(|p| ends_with_year(p)).count();
    let year_inside = pieces.iter().filter(|p| find_year(p).is_some() && !ends_with_year(p)).count();
    let mut out: Vec<String> = Vec::new();
    if year_last > year_inside {
        let mut pending = String::new();
        for piece in pieces {
            if !pending.is_empty() {
                pending.push_str("; ");
            }
            pending.push_str(piece);
            if find_year(piece).is_some() || !is_name(piece) {
                out.push(std::mem::take(&mut pending));
            }
        }
        if !pending.is_empty() {
            out.push(pending);
        }
    } else {
        for piece in pieces {
            match out.last_mut() {
                Some(last) if continues(piece) => {
                    last.push_str("; ");
                    last.push_str(piece);
                }
                _ => out.push(piece.to_string()),
            }
        }
    }
    out
}

/// A piece of the older layout that continues the reference before it: a name (an editor,
/// `Skeel, R. D., Eds.`), or a short text without a year or authors (`Press: Town`, a URL).
fn continues(piece: &str) -> bool {
    if find_year(piece).is_some() {
        return false;
    }
    let bare =
        piece.trim_end_matches("(Eds.)").trim_end_matches("Eds.").trim_end_matches("Ed.").trim_end_matches([',', ' ']);
    let has_year = piece.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    is_name(bare) || piece.chars().count() < 40 && !has_year && split_authors(piece).0.is_empty()
}

fn ends_with_year(p: &str) -> bool {
    let p = p.trim_end_matches(['.', ' ']);
    p.len() >= 6 && p.ends_with(')') && find_year(&p[p.len() - 6..]).is_some()
}

/// Initials: `L.`, `R.D.`, `J.-H.`, `H`, `JC`.
fn is_initials(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (1..=4).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') && !s.contains("..")
}

/// A piece that is only an author's name: `Smith J.`, `Smith, J.`, `Van der Berg J.A.`.
fn is_name(piece: &str) -> bool {
    if piece.contains('(') || piece.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = piece.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.len() >= 2 && words.len() <= 5 && words.last().is_some_and(|w| is_initials(w)) && !is_initials(words[0])
}

/// Reads one Scopus cited reference. Never fails: what cannot be placed stays in `raw`.
pub(crate) fn parse(raw: &str) -> CitedRef {
    let raw = raw.trim();
    let mut r = CitedRef { raw: raw.to_string(), ..CitedRef::default() };
    r.dois = dois_in(raw);
    let (head, tail, year) = match find_year(raw) {
        Some((at, end, y)) => (&raw[..at], &raw[end..], Some(y)),
        None => (raw, "", None),
    };
    r.year = year;
    let head = head.trim().trim_end_matches(',').trim();
    let tail = tail.trim().trim_start_matches(',').trim();
    let (authors, rest) = split_authors(head);
    r.author = authors.first().map(|a| a.to_string());
    if tail.is_empty() {
        // Year last (or none): `Title, Source, vol, issue, pp. 1-10`.
        let pieces: Vec<&str> = rest.split(", ").map(str::trim).filter(|p| !p.is_empty()).collect();
        let (source_end, vol, page) = numbers_from_right(&pieces);
        r.volume = vol;
        r.page = page;
        if source_end >= 2 {
            r.title = Some(pieces[..source_end - 1].join(", "));
            r.source = Some(pieces[source_end - 1].to_string());
        } else if source_end == 1 {
            r.title = Some(pieces[0].to_string());
        }
    } else {
        // Year in the middle: the title before it, the source after it.
        if !rest.is_empty() {
            r.title = Some(rest.to_string());
        }
        let tail = tail.split(". , ").next().unwrap_or(tail);
        let pieces: Vec<&str> = tail.split(", ").map(str::trim).filter(|p| !p.is_empty()).collect();
        let src_end = pieces.iter().position(|p| is_number_piece(p) || is_page_piece(p)).unwrap_or(pieces.len());
        if src_end > 0 {
            r.source = Some(pieces[..src_end].join(", "));
        }
        for p in &pieces[src_end..] {
            if r.page.is_none() && is_page_piece(p) {
                r.page = first_page(p);
            } else if r.volume.is_none() && is_number_piece(p) {
                r.volume = volume_of(p);
            }
        }
    }
    r
}

/// `(1999)` in the text: its start, end, and the year; the first one.
fn find_year(s: &str) -> Option<(usize, usize, i32)> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = s[i..].find('(') {
        let at = i + off;
        if b.len() >= at + 6 && b[at + 5] == b')' {
            if let Some(y) = year_of(&s[at + 1..at + 5]) {
                return Some((at, at + 6, y));
            }
        }
        i = at + 1;
    }
    None
}

/// The authors at the start of `head` and the rest (the title, possibly with the source).
fn split_authors(head: &str) -> (Vec<&str>, &str) {
    let mut authors = Vec::new();
    let mut rest = head;
    loop {
        // `Surname, I.,` (older) or `Surname I.,` / `Surname I.;` (newer).
        let Some(comma) = rest.find([',', ';']) else {
            if is_name(rest) {
                authors.push(rest.trim());
                rest = "";
            }
            break;
        };
        let first = rest[..comma].trim();
        if is_name(first) {
            authors.push(first);
            rest = rest[comma + 1..].trim_start();
            continue;
        }
        let after = rest[comma + 1..].trim_start();
        let next_end = after.find([',', ';']).unwrap_or(after.len());
        let second = after[..next_end].trim();
        let surname_like = !first.is_empty()
            && first.split_whitespace().count() <= 4
            && !first.chars().any(|c| c.is_ascii_digit())
            && first.chars().next().is_some_and(char::is_uppercase);
        if surname_like && is_initials(second.trim_end_matches("Jr.").trim()) {
            let end = comma + 1 + (rest.len() - comma - 1 - after.len()) + next_end;
            authors.push(rest[..end].trim());
            rest = after[next_end..].trim_start_matches([',', ';']).trim_start();
            continue;
        }
        break;
    }
    (authors, rest.trim())
}

fn is_page_piece(p: &str) -> bool {
    p.starts_with("pp. ") || p.starts_with("p. ")
}

fn is_number_piece(p: &str) -> bool {
    p.chars().next().is_some_and(|c| c.is_ascii_digit()) && p.len() <= 24
}

fn volume_of(p: &str) -> Option<String> {
    let v: String = p.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    (!v.is_empty()).then_some(v)
}

fn first_page(p: &str) -> Option<String> {
    let p = p.trim_start_matches("pp. ").trim_start_matches("p. ");
    let v: String = p.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    (!v.is_empty()).then_some(v)
}

/// For a reference with its year last: how many pieces precede the numbers (volume, issue,
/// pages), the volume and the first page.
fn numbers_from_right(pieces: &[&str]) -> (usize, Option<String>, Option<String>) {
    let mut end = pieces.len();
    let mut page = None;
    let mut numbers = Vec::new();
    while end > 0 {
        let p = pieces[end - 1];
        if page.is_none() && numbers.is_empty() && is_page_piece(p) {
            page = first_page(p);
        } else if is_number_piece(p) && numbers.len() < 2 {
            numbers.push(p);
        } else {
            break;
        }
        end -= 1;
    }
    // Read right to left: `vol, issue` or just `vol`.
    let volume = numbers.last().and_then(|v| volume_of(v));
    (end, volume, page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_layout_year_in_the_middle() {
        let r = parse("Roe, A.B., Doe, J., A made-up study of things (1999) J. Made Up Stud., 12 (3), pp. 100-110");
        assert_eq!(r.author.as_deref(), Some("Roe, A.B."));
        assert_eq!(r.year, Some(1999));
        assert_eq!(r.title.as_deref(), Some("A made-up study of things"));
        assert_eq!(r.source.as_deref(), Some("J. Made Up Stud."));
        assert_eq!((r.volume.as_deref(), r.page.as_deref()), (Some("12"), Some("100")));
        let r = parse("Poe, E., (1845) Ravens Q., 3, p. 7. , https://doi.org/10.9999/RQ.3.7");
        assert_eq!(
            (r.author.as_deref(), r.title.as_deref(), r.source.as_deref()),
            (Some("Poe, E."), None, Some("Ravens Q."))
        );
        assert_eq!(r.dois, vec!["10.9999/RQ.3.7"]);
    }

    #[test]
    fn newer_layout_year_last() {
        let r = parse("Roe A.B.; Doe J., A made-up study of things, J. Made Up Stud., 12, 3, pp. 100-110, (1999)");
        assert_eq!(r.author.as_deref(), Some("Roe A.B."));
        assert_eq!(r.year, Some(1999));
        assert_eq!(r.title.as_deref(), Some("A made-up study of things"));
        assert_eq!(r.source.as_deref(), Some("J. Made Up Stud."));
        assert_eq!((r.volume.as_deref(), r.page.as_deref()), (Some("12"), Some("100")));
    }

    #[test]
    fn splitting_keeps_author_lists_together() {
        let refs = split("Roe A.B.; Doe J., First title, J. X, 1, (2001); Poe E., Second, J. Y, 2, (2002)");
        assert_eq!(refs, vec!["Roe A.B.; Doe J., First title, J. X, 1, (2001)", "Poe E., Second, J. Y, 2, (2002)"]);
        let refs = split("Roe, A., One (2001) J. X, 1; Doe, J., Two (2002) Book. In: Lee, K.; Poe, E., Eds.; Press: Town; Moe, B., Three (2003) J. Z, 3; ");
        assert_eq!(refs.len(), 3);
        assert_eq!(refs[1], "Doe, J., Two (2002) Book. In: Lee, K.; Poe, E., Eds.; Press: Town");
    }

    #[test]
    fn no_author() {
        let r = parse("A consortium report on everything (2015) Lancet, 385, pp. 117-171");
        assert_eq!((r.author, r.year), (None, Some(2015)));
        assert_eq!(r.title.as_deref(), Some("A consortium report on everything"));
    }
}
