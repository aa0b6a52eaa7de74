//! Escaping text for the formats bibgraph writes by hand: XML (SVG, GraphML) and DOT.
//!
//! Titles and quotes in a corpus contain quotes, ampersands (`tic&société`), angle
//! brackets, backslashes and any Unicode; these functions make every such string safe
//! to put in an element's text, an attribute value or a DOT quoted string.

use std::fmt::Write as _;

/// Whether XML 1.0 allows this character at all (even as a character reference).
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `s` to `out` as XML character data (an element's text): `&`, `<` and `>`
/// become references; characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF)
/// are dropped.
pub(crate) fn xml_text_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Appends `s` to `out` as an XML attribute value (for either quote): as
/// [`xml_text_into`], and quotes become references; tabs and line breaks become
/// character references so that attribute normalisation keeps them.
pub(crate) fn xml_attr_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `s` as XML character data. See [`xml_text_into`].
#[cfg(test)]
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    xml_text_into(&mut out, s);
    out
}

/// `s` as an XML attribute value. See [`xml_attr_into`].
pub(crate) fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    xml_attr_into(&mut out, s);
    out
}

/// Appends `s` to `out` as a DOT quoted string, quotes included.
///
/// In DOT, `\"` is a quote; Graphviz then reads backslash escapes (`\n`, `\l`, `\N`, ...)
/// in labels and tooltips, so a backslash is written `\\` and a line break `\n`. Other
/// control characters become spaces. Any other Unicode is kept: DOT files are UTF-8.
pub(crate) fn dot_quoted_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `s` as a DOT quoted string. See [`dot_quoted_into`].
#[cfg(test)]
fn dot_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    dot_quoted_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_keeps_unicode() {
        assert_eq!(xml_text("tic&société <b> \"q\" 'a'"), "tic&amp;société &lt;b&gt; \"q\" 'a'");
    }

    #[test]
    fn xml_attr_escapes_both_quotes_and_keeps_line_breaks() {
        assert_eq!(xml_attr("a\"b'c&d<e>\nf\tg"), "a&quot;b&apos;c&amp;d&lt;e&gt;&#10;f&#9;g");
    }

    #[test]
    fn xml_drops_characters_xml_forbids() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\u{FFFE}d"), "abcd");
        assert_eq!(xml_attr("a\u{8}b"), "ab");
    }

    #[test]
    fn dot_escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(dot_quoted(r#"say "hi" \N"#), r#""say \"hi\" \\N""#);
        assert_eq!(dot_quoted("a\nb\r\tc"), "\"a\\nb c\"");
        // A trailing backslash must not escape the closing quote.
        assert_eq!(dot_quoted("end\\"), "\"end\\\\\"");
        assert_eq!(dot_quoted("Pérez-Armendáriz & Crow"), "\"Pérez-Armendáriz & Crow\"");
    }
}
