//! Bytes to text (BOMs, UTF-16, invalid UTF-8), and the normalisations matching relies on.

use unicode_normalization::UnicodeNormalization;

/// How a file's bytes were decoded, when it was not plain UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Invalid UTF-8: read as Windows-1252 / Latin-1, byte for character.
    Latin1,
}

/// Decodes a whole file: UTF-8 with or without BOM, UTF-16 (with BOM, or without one when every
/// other byte is zero), and invalid UTF-8 read as Latin-1 so that nothing is lost.
pub(crate) fn decode(bytes: &[u8]) -> (String, Decoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_latin1(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), Decoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), Decoding::Utf16Be);
    }
    if bytes.len() >= 4 {
        let probe = &bytes[..bytes.len().min(256) & !1];
        let odd_zero = probe.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        let even_zero = probe.iter().step_by(2).filter(|b| **b == 0).count();
        let half = probe.len() / 2;
        if odd_zero * 10 >= half * 9 && even_zero == 0 {
            return (utf16(bytes, true), Decoding::Utf16Le);
        }
        if even_zero * 10 >= half * 9 && odd_zero == 0 {
            return (utf16(bytes, false), Decoding::Utf16Be);
        }
    }
    utf8_or_latin1(bytes)
}

fn utf8_or_latin1(bytes: &[u8]) -> (String, Decoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Decoding::Utf8),
        Err(_) => (bytes.iter().map(|&b| b as char).collect(), Decoding::Latin1),
    }
}

fn utf16(bytes: &[u8], little: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut s: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect();
    if let Some(rest) = s.strip_prefix('\u{FEFF}') {
        s = rest.to_string();
    }
    s
}

/// The lines of a text, with `\r\n` or `\r` ends removed, numbered from 1.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.split('\n').enumerate().map(|(i, l)| (i as u32 + 1, l.strip_suffix('\r').unwrap_or(l)))
}

/// Upper-case ASCII letters and digits only, accents removed: `Kalé, L.` -> `KALEL`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.extend(s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_uppercase() as char));
    } else {
        out.extend(s.nfkd().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()));
    }
    out
}

/// A DOI as compared: lower case, without `https://doi.org/`, `doi:` or trailing punctuation.
pub(crate) fn norm_doi(s: &str) -> Option<String> {
    let mut d = s.trim();
    for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/"] {
        if d.len() >= prefix.len() && d[..prefix.len()].eq_ignore_ascii_case(prefix) {
            d = &d[prefix.len()..];
        }
    }
    if d.len() >= 4 && d[..4].eq_ignore_ascii_case("doi:") {
        d = d[4..].trim_start();
    }
    let d = d.trim_end_matches(['.', ',', ';', ')', ']']);
    if d.starts_with("10.") && d.contains('/') {
        Some(d.to_lowercase())
    } else {
        None
    }
}

/// DOIs written inside a text (`https://doi.org/10...`, `doi:10...`, `DOI 10...`).
pub(crate) fn dois_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("10.") {
        let tail = &rest[at..];
        let end =
            tail.find(|c: char| c.is_whitespace() || c == '"' || c == '<' && !tail.contains(">")).unwrap_or(tail.len());
        let candidate = &tail[..end];
        let prefix_ok = rest[..at].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.');
        if prefix_ok {
            let reg = candidate[3..].split('/').next().unwrap_or("");
            if reg.len() >= 4 && reg.bytes().all(|b| b.is_ascii_digit() || b == b'.') && candidate.contains('/') {
                out.push(candidate.trim_end_matches(['.', ',', ';', ')', ']']).to_string());
            }
        }
        rest = &tail[end.max(3)..];
    }
    out
}

/// A four-digit year in 1000..=2999 at the start of `s`.
pub(crate) fn year_of(s: &str) -> Option<i32> {
    let s = s.trim();
    let digits: &str = s.get(..4)?;
    if digits.bytes().all(|b| b.is_ascii_digit()) && s.as_bytes().get(4).is_none_or(|b| !b.is_ascii_digit()) {
        let y: i32 = digits.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The family name of an author as printed: before the comma (`Owen-Smith, J`), or without the
/// trailing initials or given name (`Burt R. S.`, `Homma Takayuki`, `DASGUPTA P`).
pub(crate) fn surname(author: &str) -> &str {
    let a = author.trim().trim_start_matches('*');
    if let Some((family, _)) = a.split_once(',') {
        return family.trim();
    }
    let words: Vec<&str> = a.split_whitespace().collect();
    if words.len() < 2 {
        return a;
    }
    let is_initials = |w: &str| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters <= 3 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
    };
    let mut keep = words.len();
    while keep > 1 && is_initials(words[keep - 1]) {
        keep -= 1;
    }
    if keep == words.len() {
        // `Homma Takayuki`: a full given name last.
        keep -= 1;
    }
    let end = words[keep - 1].as_ptr() as usize - a.as_ptr() as usize + words[keep - 1].len();
    &a[..end]
}

/// The family name of an author written `Given Family` (OpenAlex, Crossref, Semantic Scholar).
pub(crate) fn family_of_display(name: &str) -> &str {
    let n = name.trim();
    if n.contains(',') {
        return surname(n);
    }
    n.rsplit_once(' ').map_or(n, |(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFPT J").0, "PT J");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("PT\tAU".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le), ("PT\tAU".to_string(), Decoding::Utf16Le));
        let bare: Vec<u8> = "PT\tAU\tTI".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare).1, Decoding::Utf16Le);
        assert_eq!(decode(b"Kal\xe9"), ("Kal\u{e9}".to_string(), Decoding::Latin1));
    }

    #[test]
    fn folds_and_dois() {
        assert_eq!(fold("Kalé, L."), "KALEL");
        assert_eq!(norm_doi("https://doi.org/10.1000/ABC.1"), Some("10.1000/abc.1".into()));
        assert_eq!(norm_doi("DOI:10.1/X"), Some("10.1/x".into()));
        assert_eq!(norm_doi("no doi"), None);
        assert_eq!(norm_doi("doi:10.1234/x."), Some("10.1234/x".into()));
        assert_eq!(
            dois_in("Smith (2001) J, 3. , https://doi.org/10.1002/2014RG000462; x"),
            vec!["10.1002/2014RG000462"]
        );
        assert!(dois_in("pp. 10.5-11").is_empty());
    }

    #[test]
    fn surnames() {
        assert_eq!(surname("Owen-Smith, J"), "Owen-Smith");
        assert_eq!(surname("Burt R. S."), "Burt");
        assert_eq!(surname("Homma Takayuki"), "Homma");
        assert_eq!(surname("Van der Berg J"), "Van der Berg");
        assert_eq!(surname("DASGUPTA P"), "DASGUPTA");
        assert_eq!(surname("*IEEE"), "IEEE");
        assert_eq!(surname("Phillips J.C."), "Phillips");
        assert_eq!(family_of_display("Heather Piwowar"), "Piwowar");
        assert_eq!(year_of("1999 x"), Some(1999));
        assert_eq!(year_of("19990"), None);
    }
}
