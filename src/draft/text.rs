//! The text as the drafter reads it: paragraphs, sentences and words, each with its byte
//! range in the article, and the word stems by which variants of a term are grouped.
//!
//! One pass over the text; nothing is copied but the lowercased stems.

use std::ops::Range;

/// One word: letters and digits (apostrophes inside a word kept), with its byte range.
/// A hyphen splits words, so `trans-state` and `trans state` read alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the article.
    pub span: Range<usize>,
    /// The word lowercased.
    pub lower: String,
    /// The stem by which variants are grouped (see [`stem`]).
    pub stem: String,
    /// Whether the word is written with a capital first letter.
    pub capital: bool,
    /// Whether a hyphen (not a space) joins this word to the next.
    pub hyphen_after: bool,
}

/// One sentence, with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the article, without surrounding spaces.
    pub span: Range<usize>,
    /// Index of its first word in [`Reading::words`].
    pub words: Range<usize>,
    /// 1-based number of its paragraph in the part read.
    pub paragraph: u32,
    /// Whether its paragraph is a heading.
    pub heading: bool,
}

/// The article cut into sentences and words.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Every word of the part read, in order.
    pub words: Vec<Word>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "al", "e.g", "i.e", "cf", "p", "pp", "vol", "vols", "ed", "eds", "no", "nos", "st", "dr", "mr", "mrs", "ms", "vs",
    "etc", "ch", "chap", "fig", "esp", "viz", "trans", "jr", "sr", "ibid", "op", "cit", "n", "c", "ca",
];

/// Reads `text[range]` into paragraphs, sentences and words. A paragraph ends at a blank
/// line; a line starting with `#` is a heading of its own.
pub fn read(text: &str, range: Range<usize>) -> Reading {
    let mut reading = Reading::default();
    let mut paragraph = 0u32;
    let mut start = range.start.min(text.len());
    let end = range.end.min(text.len());
    while start < end {
        // The paragraph runs to the next blank line.
        let rest = &text[start..end];
        let para_len = blank_line(rest).unwrap_or(rest.len());
        let para = start..start + para_len;
        if !text[para.clone()].trim().is_empty() {
            paragraph += 1;
            read_paragraph(text, para.clone(), paragraph, &mut reading);
        }
        start = para.end;
        while start < end && text.as_bytes()[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    reading
}

/// The byte offset of the first blank line (a line break followed by optional spaces and
/// another line break), or of a heading line's start.
fn blank_line(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = s[i..].find('\n') {
        let nl = i + off;
        let mut j = nl + 1;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
            j += 1;
        }
        if j >= bytes.len() || bytes[j] == b'\n' || bytes[j] == b'#' {
            return Some(nl);
        }
        // A heading line is a paragraph of its own.
        if s[..nl].trim_start().starts_with('#') {
            return Some(nl);
        }
        i = nl + 1;
    }
    None
}

fn read_paragraph(text: &str, para: Range<usize>, number: u32, reading: &mut Reading) {
    let heading = text[para.clone()].trim_start().starts_with('#');
    let bytes = text.as_bytes();
    let mut sent_start = para.start;
    let mut depth = 0i32;
    let mut i = para.start;
    while i < para.end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            '.' | '?' | '!' if depth == 0 && !heading => {
                // Closing quotes and brackets stay with the sentence.
                let mut j = i + len;
                while j < para.end {
                    let d = text[j..].chars().next().unwrap_or(' ');
                    if matches!(d, '\'' | '"' | '\u{2019}' | '\u{201d}' | ')' | '*') {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                let next = text[j..para.end].trim_start();
                let boundary = j >= para.end
                    || (bytes[j].is_ascii_whitespace()
                        && next.chars().next().is_some_and(|n| {
                            n.is_uppercase()
                                || n.is_ascii_digit()
                                || matches!(n, '\'' | '"' | '\u{2018}' | '\u{201c}' | '(' | '[' | '*')
                        }));
                if boundary && (c != '.' || !abbreviation_before(text, para.start, i)) {
                    push_sentence(text, sent_start..j, number, heading, reading);
                    sent_start = j;
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += len;
    }
    push_sentence(text, sent_start..para.end, number, heading, reading);
}

/// Whether the word before the full stop at `dot` is an abbreviation or an initial.
fn abbreviation_before(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text[floor..dot];
    let word_start = before.rfind(|c: char| c.is_whitespace() || c == '(' || c == '[').map_or(0, |p| p + 1);
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_sentence(text: &str, span: Range<usize>, paragraph: u32, heading: bool, reading: &mut Reading) {
    let raw = &text[span.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    if lead + trail >= raw.len() {
        return;
    }
    let span = span.start + lead..span.end - trail;
    let first = reading.words.len();
    words_of(text, span.clone(), &mut reading.words);
    reading.sentences.push(Sentence { span, words: first..reading.words.len(), paragraph, heading });
}

fn words_of(text: &str, span: Range<usize>, out: &mut Vec<Word>) {
    let s = &text[span.clone()];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let inner_apostrophe =
                (d == '\'' || d == '\u{2019}') && s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
            if d.is_alphanumeric() || inner_apostrophe {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let raw = &s[i..end];
        let lower = raw.to_lowercase();
        let hyphen_after = s[end..].starts_with('-') && s[end + 1..].starts_with(char::is_alphanumeric);
        out.push(Word {
            span: span.start + i..span.start + end,
            stem: stem(&lower),
            capital: c.is_uppercase(),
            lower,
            hyphen_after,
        });
    }
}

/// A light stem: variants of one word reduce to one key. Plurals (`communities`,
/// `remittances`), `-ism` and `-ist` (`transnationalism`, `transnationalist`), a final
/// `-al` (`trans-statal`) and a final `e` (`trans-state`) are removed, so that
/// `transnational` and `transnationalism`, `trans-state` and `trans-statal` meet.
pub fn stem(lower: &str) -> String {
    let mut w: &str = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("\u{2019}s")).unwrap_or(lower);
    let owned;
    if w.chars().count() <= 3 {
        return w.to_string();
    }
    if let Some(x) = w.strip_suffix("ies") {
        owned = format!("{x}y");
        w = &owned;
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w = &w[..w.len() - 1];
    }
    // A gerund meets its noun (`lobbying`, `lobbyists`).
    if let Some(x) = w.strip_suffix("ing") {
        if x.chars().count() >= 4 {
            w = x;
        }
    }
    for suffix in ["ism", "ist"] {
        if let Some(x) = w.strip_suffix(suffix) {
            if x.chars().count() >= 4 {
                w = x;
                break;
            }
        }
    }
    if let Some(x) = w.strip_suffix("al") {
        if x.chars().count() >= 4 {
            w = x;
        }
    }
    if let Some(x) = w.strip_suffix('e') {
        if x.chars().count() >= 4 {
            w = x;
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_stem() {
        assert_eq!(stem("transnationalism"), stem("transnational"));
        assert_eq!(stem("transnationals"), stem("transnational"));
        assert_eq!(stem("statal"), stem("state"));
        assert_eq!(stem("communities"), stem("community"));
        assert_eq!(stem("remittances"), stem("remittance"));
        assert_ne!(stem("nation"), stem("notion"));
    }

    #[test]
    fn sentences_and_paragraphs() {
        let text = "# Head\n\nFirst one (Smith et al., 1999: 2). Second, by A. Jones. Third?\n\nNew paragraph.";
        let r = read(text, 0..text.len());
        let got: Vec<(&str, u32, bool)> =
            r.sentences.iter().map(|s| (&text[s.span.clone()], s.paragraph, s.heading)).collect();
        assert_eq!(
            got,
            [
                ("# Head", 1, true),
                ("First one (Smith et al., 1999: 2).", 2, false),
                ("Second, by A. Jones.", 2, false),
                ("Third?", 2, false),
                ("New paragraph.", 3, false)
            ]
        );
        let words: Vec<&str> = r.words.iter().map(|w| &text[w.span.clone()]).collect();
        assert_eq!(&words[..4], ["Head", "First", "one", "Smith"]);
    }

    #[test]
    fn hyphens_split_words() {
        let text = "trans-state ties";
        let r = read(text, 0..text.len());
        let lower: Vec<&str> = r.words.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lower, ["trans", "state", "ties"]);
        assert!(r.words[0].hyphen_after);
    }
}
