//! Finding the lexicon's cues and the quoted spans in a sentence.

use super::lexicon::{Class, Cue, Lexicon};
use super::text::{Reading, Sentence, Word};
use std::ops::Range;

/// A cue found in a sentence.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The cue.
    pub cue: &'static Cue,
    /// The words it covers (indices into [`Reading::words`]), gap included.
    pub words: Range<usize>,
    /// For a cue with a gap: the gap's words.
    pub gap: Option<Range<usize>>,
}

/// The most words a `*` gap covers.
const MAX_GAP: usize = 6;

/// Every cue in `sentence`, in reading order; at one word, only the longest phrase.
pub fn cues_in(text: &str, reading: &Reading, sentence: &Sentence) -> Vec<Hit> {
    let lexicon = Lexicon::get();
    let words = &reading.words;
    let mut hits = Vec::new();
    let mut i = sentence.words.start;
    while i < sentence.words.end {
        let w = words[i].lower.as_str();
        if w.ends_with("n't") {
            hits.push(Hit { cue: negation_cue(lexicon), words: i..i + 1, gap: None });
            i += 1;
            continue;
        }
        // The longest phrase that matches here, with every other cue of the same phrase
        // (`criticised` is both a sense cue and a lineage cue).
        let mut matched: Option<(&'static str, usize)> = None;
        for cue in lexicon.starting_with(w) {
            if matched.is_some_and(|(p, _)| p != cue.phrase) {
                continue;
            }
            if let Some(hit) = match_at(text, words, sentence.words.end, i, cue) {
                matched = Some((cue.phrase, hit.words.end));
                hits.push(hit);
            }
        }
        // The words of a matched phrase are not read again as cues of their own.
        i = matched.map_or(i + 1, |(_, end)| end.max(i + 1));
    }
    hits
}

fn negation_cue(lexicon: &'static Lexicon) -> &'static Cue {
    &lexicon.starting_with("not")[0]
}

fn match_at(text: &str, words: &[Word], end: usize, start: usize, cue: &'static Cue) -> Option<Hit> {
    let mut i = start;
    let mut gap = None;
    let mut k = 0;
    while k < cue.words.len() {
        let want = cue.words[k];
        if want == "*" {
            // The gap: as few words as let the rest match.
            let rest = &cue.words[k + 1..];
            let first = rest.first()?;
            let mut j = i + 1;
            let limit = (i + MAX_GAP + 1).min(end);
            while j < limit && words[j].lower != *first {
                j += 1;
            }
            if j >= limit {
                return None;
            }
            gap = Some(i..j);
            i = j;
            k += 1;
            continue;
        }
        if i >= end || words[i].lower != want {
            return None;
        }
        // The words of a phrase stand together: no punctuation between them but a space or hyphen.
        if k > 0 && cue.words[k - 1] != "*" && !adjacent(text, &words[i - 1], &words[i]) {
            return None;
        }
        i += 1;
        k += 1;
    }
    Some(Hit { cue, words: start..i, gap })
}

/// Whether only spaces, a hyphen, a slash or quotation marks separate two words (`'transnational'
/// social fields` reads as one phrase).
pub fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.span.end..b.span.start).is_some_and(|between| {
        between.chars().all(|c| {
            matches!(c, ' ' | '-' | '/' | '\n' | '\'' | '"' | '*' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}')
        })
    })
}

/// A quoted span in a sentence: `'transnational'`, `"long-distance nationalism"`,
/// `*differing*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Byte range of the quoted words, without the marks.
    pub inner: Range<usize>,
    /// Byte range with the marks.
    pub outer: Range<usize>,
    /// The words inside (indices into [`Reading::words`]).
    pub words: Range<usize>,
}

fn opening(c: char) -> Option<&'static [char]> {
    match c {
        '\'' => Some(&['\'', '\u{2019}']),
        '\u{2018}' => Some(&['\u{2019}', '\'']),
        '"' => Some(&['"', '\u{201d}']),
        '\u{201c}' => Some(&['\u{201d}', '"']),
        '*' => Some(&['*']),
        _ => None,
    }
}

/// The quoted spans of `sentence`, outermost only.
pub fn quoted_in(text: &str, reading: &Reading, sentence: &Sentence) -> Vec<Quoted> {
    let s = &text[sentence.span.clone()];
    let base = sentence.span.start;
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let opens = opening(c).filter(|_| {
            prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '-' | '\u{2013}' | '\u{2014}' | '/'))
                && s[i + c.len_utf8()..].chars().next().is_some_and(|n| n.is_alphanumeric() || n == '.')
        });
        prev = Some(c);
        let Some(closers) = opens else { continue };
        let from = i + c.len_utf8();
        // The closing mark: followed by a space, punctuation or the end.
        let mut close = None;
        for (j, d) in s[from..].char_indices() {
            if closers.contains(&d) {
                let after = s[from + j + d.len_utf8()..].chars().next();
                let before = s[..from + j].chars().next_back();
                let ends_word = before.is_some_and(|b| !b.is_whitespace());
                if ends_word && after.is_none_or(|a| !a.is_alphanumeric() && a != '*') {
                    close = Some(from + j);
                    break;
                }
            }
        }
        let Some(close) = close else { continue };
        let inner = base + from..base + close;
        let closer_len = s[close..].chars().next().map_or(1, char::len_utf8);
        let outer = base + i..base + close + closer_len;
        let first = reading.words[sentence.words.clone()]
            .iter()
            .position(|w| w.span.start >= inner.start)
            .map_or(sentence.words.end, |p| sentence.words.start + p);
        let last = reading.words[first..sentence.words.end]
            .iter()
            .position(|w| w.span.end > inner.end)
            .map_or(sentence.words.end, |p| first + p);
        out.push(Quoted { inner, outer: outer.clone(), words: first..last });
        // Skip past the closing mark.
        while chars.peek().is_some_and(|&(k, _)| base + k < outer.end) {
            chars.next();
        }
        prev = s[..outer.end - base].chars().next_back();
    }
    out
}

/// Whether a hit is of a class.
pub fn is(hit: &Hit, f: impl Fn(Class) -> bool) -> bool {
    f(hit.cue.class)
}

#[cfg(test)]
mod tests {
    use super::super::text::read;
    use super::*;

    #[test]
    fn finds_cues_with_gaps() {
        let text = "This is what Smith (1999) calls 'liquid modernity', not influenced by it.";
        let r = read(text, 0..text.len());
        let hits = cues_in(text, &r, &r.sentences[0]);
        let phrases: Vec<&str> = hits.iter().map(|h| h.cue.phrase).collect();
        assert_eq!(phrases, ["what * calls", "not", "influenced by"]);
        let gap = hits[0].gap.clone().unwrap();
        let gap_words: Vec<&str> = r.words[gap].iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(gap_words, ["smith", "1999"]);
    }

    #[test]
    fn finds_quotes() {
        let text = "Bourne's 'trans-national' idea and \u{201c}long-distance nationalism\u{201d} (Anderson 1998), *hard* terms.";
        let r = read(text, 0..text.len());
        let q = quoted_in(text, &r, &r.sentences[0]);
        let inner: Vec<&str> = q.iter().map(|q| &text[q.inner.clone()]).collect();
        assert_eq!(inner, ["trans-national", "long-distance nationalism", "hard"]);
    }
}
