//! Small text utilities shared by the parsers: ASCII folding, cleaning of Markdown
//! emphasis and escapes, sentence boundaries.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// Month names and abbreviations (and seasons, which journals use as issue dates), lowercase.
pub(crate) const MONTH_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Folds to lowercase ASCII letters and digits only: `Pérez-Armendáriz` → `perezarmendariz`.
pub(crate) fn fold_key_part(s: &str) -> String {
    if s.is_ascii() {
        // Decomposition changes nothing in ASCII.
        return s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        let mapped: &str = match c {
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' | 'ð' | 'Ð' => "d",
            'þ' | 'Þ' => "th",
            'ı' => "i",
            _ => {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                }
                continue;
            }
        };
        out.push_str(mapped);
    }
    out
}

/// Lowercase, accents stripped, other characters kept: for comparing names.
pub(crate) fn fold_name(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd().filter(|c| !is_combining(*c)).flat_map(char::to_lowercase).collect()
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Text with Markdown emphasis markers and backslash escapes removed, and the ranges
/// (in the cleaned text) that were emphasised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Clean {
    pub text: String,
    pub emphasis: Vec<Range<usize>>,
}

/// Removes `*`, `**` and `_`-free Markdown emphasis and `\x` escapes.
pub(crate) fn clean_markdown(s: &str) -> Clean {
    let mut text = String::with_capacity(s.len());
    let mut emphasis = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&n) if "_*[]()#&$%{}`<>!|~.-+".contains(n) => {
                    text.push(n);
                    chars.next();
                }
                _ => text.push('\\'),
            },
            '*' => {
                while chars.peek() == Some(&'*') {
                    chars.next();
                }
                match open.take() {
                    Some(start) => {
                        if start < text.len() {
                            emphasis.push(start..text.len());
                        }
                    }
                    None => open = Some(text.len()),
                }
            }
            // A no-break space (`Vol.\u{a0}6`, `p.\u{a0}181`) reads as a space.
            '\u{a0}' | '\u{202f}' => text.push(' '),
            _ => text.push(c),
        }
    }
    Clean { text, emphasis }
}

const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "vols", "pp", "p", "ed", "eds", "st", "dr", "mr", "mrs", "jr", "sr", "inc", "ltd", "co", "vs",
    "cf", "al", "e.g", "i.e", "univ", "dept", "trans", "rev", "repr", "n.d", "ch", "chap", "fig", "nr", "hrsg", "éd",
    "coord", "comp", "orig", "ca", "approx", "mass", "calif", "ill", "conn", "penn", "bros", "pub", "publ", "corp",
    // Abbreviated journal and proceedings names: `Proc. of`, `Symp. on`, `Am. Sociol. Rev.`.
    "proc", "symp", "conf", "int", "intl", "natl", "assoc", "soc", "acad", "sci", "res", "comm", "math", "phys", "chem",
    "biol", "am", "eur", "ann", "bull", "mag", "quart", "med", "eng", "tech", "inst", "lett", "stat", "discr",
    "comput", "j", "jour", "trans", "ieee", "acm", "workshop",
];

/// Whether the `.` at byte `dot` of `s` ends a sentence: it is followed by a space (or the
/// end) and the word before it is not an abbreviation or an initial.
pub(crate) fn is_sentence_end(s: &str, dot: usize) -> bool {
    let bytes = s.as_bytes();
    match bytes.get(dot) {
        Some(b'?') | Some(b'!') => return matches!(bytes.get(dot + 1), None | Some(b' ')),
        Some(b'.') => {}
        _ => return false,
    }
    if !matches!(bytes.get(dot + 1), None | Some(b' ')) {
        return false;
    }
    let word_start = s[..dot].rfind([' ', '(']).map_or(0, |i| i + 1);
    let word = &s[word_start..dot];
    if word.is_empty() {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial (`A.`) or a dotted abbreviation (`D.C.`, `U.S.`).
    if letters.len() == 1 && word.chars().count() <= 2 && letters[0].is_uppercase() {
        return false;
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') && letters.len() <= 4 {
        return false;
    }
    // `Berkeley, CA. University of California Press`: a state code in capitals is not `ca.` (circa).
    if word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

/// Byte offsets just after each sentence end (`. `, `? `, `! `) in `s`, skipping
/// abbreviations and any end inside an emphasised range.
pub(crate) fn sentence_breaks(s: &str, emphasis: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '?' | '!') && is_sentence_end(s, i) {
            let after = i + 1;
            if s[after..].trim().is_empty() {
                continue;
            }
            // Inside an emphasised title, a `.` does not end the title, unless the
            // emphasis closes right there.
            if emphasis.iter().any(|r| r.start <= i && after < r.end) {
                continue;
            }
            out.push(after + 1);
        }
    }
    out
}

/// Trims spaces and one closing `.` or `,`.
pub(crate) fn trim_field(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_suffix(['.', ',', ';']).unwrap_or(s);
    s.trim()
}

/// `Some(trimmed)` if non-empty.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = trim_field(s);
    (!t.is_empty()).then(|| t.to_string())
}

/// Whether `s` is a page range or page: `58–74`, `86-97`, `e12`, `3`.
pub(crate) fn is_pages(s: &str) -> bool {
    let s = s.trim();
    let s = ["pp.", "p.", "pp ", "p "].iter().find_map(|m| s.strip_prefix(m)).unwrap_or(s).trim();
    if s.is_empty() {
        return false;
    }
    let mut parts = s.split(['–', '-', '—']);
    let ok = |p: &str| {
        let p = p.trim();
        let p = p.strip_prefix(['e', 'S', 'A']).unwrap_or(p);
        !p.is_empty() && p.len() <= 7 && p.bytes().all(|b| b.is_ascii_digit())
    };
    parts.next().is_some_and(ok) && parts.clone().count() <= 1 && parts.all(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names_to_key_parts() {
        assert_eq!(fold_key_part("Pérez-Armendáriz"), "perezarmendariz");
        assert_eq!(fold_key_part("Glick Schiller"), "glickschiller");
        assert_eq!(fold_key_part("Łukasz Øster"), "lukaszoster");
    }

    #[test]
    fn cleans_emphasis_and_escapes() {
        let c = clean_markdown("Diaspora. *Sociopedia.isa*. HD RP\\_2009");
        assert_eq!(c.text, "Diaspora. Sociopedia.isa. HD RP_2009");
        assert_eq!(&c.text[c.emphasis[0].clone()], "Sociopedia.isa");
    }

    #[test]
    fn sentence_ends_skip_initials_and_abbreviations() {
        let s = "Destination D.C. Working Paper, No. 3. Women's Studies. Next";
        let breaks = sentence_breaks(s, &[]);
        assert_eq!(breaks.iter().map(|&b| &s[b..]).collect::<Vec<_>>(), vec!["Women's Studies. Next", "Next"]);
    }

    #[test]
    fn recognises_pages() {
        for p in ["58–74", "86-97", "3", "pp. 3–4", "e12"] {
            assert!(is_pages(p), "{p}");
        }
        for p in ["1914–1991a", "Verso", "", "1-2-3"] {
            assert!(!is_pages(p), "{p}");
        }
    }
}
