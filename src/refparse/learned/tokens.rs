//! Tokens of a reference string: runs of non-space text, split where a script changes
//! (CJK from Latin), at full-width punctuation, and after a comma or semicolon that has
//! no space after it (`2013,MNRAS`). Every token is a byte range of the text.

use std::ops::Range;

/// Whether `c` is written without spaces between words (Han, kana, Hangul syllables are
/// spaced in Korean, but kept apart from Latin all the same).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x1100..=0x11FF)
}

/// Full-width and CJK punctuation, each its own token.
fn is_wide_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// The tokens of `text`, in order. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let linkish = |s: &str| s.contains("://") || s.starts_with("10.") || s.starts_with("doi") || s.starts_with("www");
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
            prev = None;
            continue;
        }
        if is_wide_punct(c) {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
            out.push(i..i + c.len_utf8());
            prev = None;
            continue;
        }
        if let (Some(s), Some(p)) = (start, prev) {
            let script_change = is_cjk(p) != is_cjk(c) && (p.is_alphanumeric() || c.is_alphanumeric());
            let before = &text[s..i];
            let after_comma = matches!(p, ',' | ';') && c.is_alphanumeric() && !linkish(before);
            // A comma between digits (`1,234`) stays.
            let digits =
                p == ',' && c.is_ascii_digit() && before[..before.len() - 1].ends_with(|d: char| d.is_ascii_digit());
            // `36(2):128–9`: the pages apart from the volume.
            let colon = p == ':'
                && c.is_ascii_digit()
                && !linkish(before)
                && before[..before.len() - 1].ends_with(|d: char| d.is_ascii_digit() || d == ')');
            if script_change || after_comma && !digits || colon {
                out.push(s..i);
                start = Some(i);
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_on_spaces_scripts_and_tight_commas() {
        assert_eq!(words("Name A., 2013,MNRAS, 431"), ["Name", "A.,", "2013,", "MNRAS,", "431"]);
        assert_eq!(words("王小明.社会学研究[J]"), ["王小明", ".", "社会学研究", "[J]"]);
        assert_eq!(words("山田太郎（2001）"), ["山田太郎", "（", "2001", "）"]);
        assert_eq!(words("1,234 pp"), ["1,234", "pp"]);
        assert_eq!(words("2013;126:634–7."), ["2013;", "126:", "634–7."]);
        assert_eq!(words("36(2):128"), ["36(2):", "128"]);
        assert_eq!(words("https://x.org/a,b"), ["https://x.org/a,b"]);
        assert!(words("  ").is_empty());
    }
}
