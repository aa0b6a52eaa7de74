//! An article's layout: its headings (Markdown or plain lines), its reference list found
//! by its heading, and its notes section.

use crate::cites::sections::{is_bibliography_title, read_sections, Section};
use std::ops::Range;

/// Whether a heading names a notes section: `Notes`, `Endnotes`, `Footnotes`, and the
/// same in French, German, Spanish and Portuguese.
pub fn is_notes_title(title: &str) -> bool {
    let t = title.trim().trim_end_matches([':', '.']).to_lowercase();
    matches!(
        t.as_str(),
        "notes"
            | "endnotes"
            | "footnotes"
            | "note"
            | "anmerkungen"
            | "fußnoten"
            | "notas"
            | "notes de fin"
            | "notes de bas de page"
            | "endnoten"
    )
}

/// Whether a plain line reads as a heading: short, one line of its own, starts with a
/// capital or a digit, does not end a sentence, holds no brackets.
fn plain_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.chars().count() <= 90
        && words <= 12
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';', ':', ')', '"', '\u{201d}'])
        && !t.contains(['[', ']', '(', '@'])
        && t.chars().any(char::is_alphabetic)
}

/// Whether a plain line closes a reference list: a title that can follow one.
fn ends_list(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    is_notes_title(title)
        || is_bibliography_title(title)
        || ["appendix", "acknowledg", "about the author", "author biograph", "biograph", "annex", "anhang", "annexe"]
            .iter()
            .any(|w| t.starts_with(w))
}

/// The sections of an article: its Markdown headings if it has any, otherwise its plain
/// heading lines (a short line standing alone between blank lines). Inside a reference
/// list, a plain line ends the list only when it names what can follow one (notes, an
/// appendix, another list).
///
/// Complexity: linear in the length of the text.
pub fn article_sections(text: &str) -> Vec<Section> {
    let md = read_sections(text);
    if !md.is_empty() {
        return md;
    }
    let mut sections: Vec<Section> = Vec::new();
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0usize, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    let blank = |i: Option<&(usize, &str)>| i.is_none_or(|(_, l)| l.trim().is_empty());
    let mut in_list = false;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let alone = blank(i.checked_sub(1).and_then(|k| lines.get(k))) && blank(lines.get(i + 1));
        if !alone || !plain_heading(line) || (in_list && !ends_list(line)) {
            continue;
        }
        if let Some(prev) = sections.last_mut() {
            prev.span.end = start;
        }
        let title = line.trim().to_string();
        let bibliography = is_bibliography_title(&title);
        in_list = bibliography;
        sections.push(Section {
            title,
            level: 1,
            depth: 1,
            parent: None,
            heading: start..start + line.len(),
            span: start..text.len(),
            line: i as u32 + 1,
            bibliography,
        });
    }
    sections
}

/// The reference list: the last section whose heading names one, without its heading
/// line. `None` when no heading names one.
pub fn find_list(text: &str, sections: &[Section]) -> Option<(usize, Range<usize>)> {
    let (i, s) = sections.iter().enumerate().rev().find(|(_, s)| s.bibliography)?;
    let body = (s.heading.end + 1).min(s.span.end)..s.span.end;
    let _ = text;
    Some((i, body))
}

/// The notes section, without its heading line.
pub fn find_notes(sections: &[Section]) -> Option<Range<usize>> {
    let s = sections.iter().rev().find(|s| is_notes_title(&s.title))?;
    Some(s.heading.end..s.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_headings_and_the_list() {
        let text = "A Title\n\nIntro text ends here.\n\nFirst Part\n\nBody [Hall 1980].\n\nWorks Cited\n\nHall 1980 Hall, Stuart. Encoding. London: Hutchinson, 1980.\n\nShort Entry Line\n";
        let s = article_sections(text);
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A Title", "First Part", "Works Cited"]);
        let (_, body) = find_list(text, &s).unwrap();
        assert!(text[body].trim_start().starts_with("Hall 1980"));
    }

    #[test]
    fn notes_titles() {
        for t in ["Notes", "Endnotes", "Anmerkungen", "Notas"] {
            assert!(is_notes_title(t), "{t}");
        }
        assert!(!is_notes_title("Notes on method"));
    }
}
