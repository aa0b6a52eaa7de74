//! The heading structure of a text: Markdown ATX headings (`#` to `######`), with the
//! inconsistent levels a PDF conversion leaves, so that every position in the text knows
//! its section.
//!
//! Levels are kept as printed ([`Section::level`]); the nesting is computed from them
//! ([`Section::parent`], [`Section::depth`]): a heading is inside the nearest heading
//! before it with a lower level. A converted article that prints a section as `####`
//! and the next one as `###` therefore gets both as children of its title, which is the
//! most the levels say.
//!
//! ```
//! use bibgraph::cites::sections::{read_sections, section_at};
//! let text = "# Title\n\nIntro.\n\n#### First part\n\nText (Portes, 1999).\n\n#### References\n\n- Portes A (1999) ...\n";
//! let sections = read_sections(text);
//! let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
//! assert_eq!(titles, ["Title", "First part", "References"]);
//! assert_eq!(sections[1].parent, Some(0));
//! assert!(sections[2].bibliography);
//! let at = text.find("Portes").unwrap();
//! assert_eq!(section_at(&sections, at), Some(1));
//! ```

use std::ops::Range;

/// One heading and the part of the text it heads.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// The heading's text, without the `#` marks, emphasis markers or surrounding spaces.
    pub title: String,
    /// The level as printed: the number of `#`.
    pub level: u8,
    /// The nesting depth computed from the levels: 1 for a heading with no parent.
    pub depth: u8,
    /// The index (in the list of sections) of the nearest earlier heading with a lower
    /// level.
    pub parent: Option<usize>,
    /// The byte range of the heading line, without its line break.
    pub heading: Range<usize>,
    /// The byte range of the section: from its heading to the next heading (of any level)
    /// or the end of the text.
    pub span: Range<usize>,
    /// The 1-based line of the heading.
    pub line: u32,
    /// Whether the section is a reference list or reading list (`References`,
    /// `Bibliography`, `Works cited`, `Further reading`, ...), whose entries are not
    /// in-text citations.
    pub bibliography: bool,
}

/// The level and title of a line, if it is an ATX heading: up to three spaces, one to six
/// `#`, then a space (or nothing).
pub(crate) fn heading_of(line: &str) -> Option<(u8, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &rest[hashes..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    // A closing sequence of `#` is not part of the title.
    let title = after.trim().trim_end_matches('#').trim_end();
    Some((hashes as u8, title))
}

/// The heading text without emphasis markers: `**Notes**` → `Notes`.
fn clean_title(title: &str) -> String {
    title.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace()).replace("**", "").to_string()
}

/// Whether a heading names a reference or reading list.
pub fn is_bibliography_title(title: &str) -> bool {
    let t = title.to_lowercase();
    let t = t.trim().trim_end_matches([':', '.']);
    let words = || t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words().any(|w| w == "references" || w == "reference" || w.starts_with("bibliograph"))
        || t.contains("further reading")
        || t.contains("suggested reading")
        || t.contains("recommended reading")
        || t.contains("works cited")
        || t.contains("literature cited")
        || t == "sources"
        || t == "literatur"
        || [
            "références",
            "références bibliographiques",
            "bibliographie",
            "ouvrages cités",
            "œuvres citées",
            "sources citées",
            "literaturverzeichnis",
            "quellen",
            "quellenverzeichnis",
            "zitierte literatur",
            "referencias",
            "referencias bibliográficas",
            "bibliografía",
            "obras citadas",
            "fuentes",
            "referências",
            "referências bibliográficas",
            "bibliografia",
            "fontes",
            "literature cited",
        ]
        .contains(&t)
}

/// The sections of `text`, in order. Never fails; a text without headings has none.
///
/// Complexity: linear in the length of the text.
pub fn read_sections(text: &str) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut start = 0;
    let mut line_no = 0u32;
    let mut in_fence = false;
    while start < text.len() {
        line_no += 1;
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[start..end].trim_end_matches('\r');
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            if let Some((level, title)) = heading_of(line) {
                if let Some(prev) = sections.last_mut() {
                    prev.span.end = start;
                }
                while open.last().is_some_and(|&i| sections[i].level >= level) {
                    open.pop();
                }
                let parent = open.last().copied();
                let depth = parent.map_or(1, |p| sections[p].depth.saturating_add(1));
                let title = clean_title(title);
                let bibliography = is_bibliography_title(&title);
                sections.push(Section {
                    title,
                    level,
                    depth,
                    parent,
                    heading: start..start + line.len(),
                    span: start..text.len(),
                    line: line_no,
                    bibliography,
                });
                open.push(sections.len() - 1);
            }
        }
        start = end + 1;
    }
    sections
}

/// The index of the section that contains byte `offset`, or `None` before the first
/// heading.
///
/// Complexity: O(log n) in the number of sections.
pub fn section_at(sections: &[Section], offset: usize) -> Option<usize> {
    let after = sections.partition_point(|s| s.heading.start <= offset);
    after.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels_as_printed_and_nests_them() {
        let text = "## masthead\n# Title\n#### Career\n### Activities\n#### Social\nbody\n#### **Notes**\n";
        let s = read_sections(text);
        let got: Vec<(&str, u8, u8, Option<usize>)> =
            s.iter().map(|s| (s.title.as_str(), s.level, s.depth, s.parent)).collect();
        assert_eq!(
            got,
            [
                ("masthead", 2, 1, None),
                ("Title", 1, 1, None),
                ("Career", 4, 2, Some(1)),
                ("Activities", 3, 2, Some(1)),
                ("Social", 4, 3, Some(3)),
                ("Notes", 4, 3, Some(3)),
            ]
        );
        assert_eq!(&text[s[4].span.clone()], "#### Social\nbody\n");
        assert_eq!(s[4].line, 5);
    }

    #[test]
    fn not_headings() {
        for line in ["#hashtag", "    # code", "####### seven", "text # not"] {
            assert_eq!(heading_of(line), None, "{line}");
        }
        assert_eq!(heading_of("### Closed ###"), Some((3, "Closed")));
        assert_eq!(heading_of("#"), Some((1, "")));
        assert!(read_sections("```\n# inside a fence\n```\n").is_empty());
    }

    #[test]
    fn bibliography_titles() {
        for t in [
            "References",
            "Reference list",
            "Bibliography",
            "Annotated further reading",
            "Works Cited",
            "Literature Cited",
            "Sources",
            "Références",
            "Literaturverzeichnis",
            "Bibliografía",
            "Obras citadas",
            "Referências",
        ] {
            assert!(is_bibliography_title(t), "{t}");
        }
        for t in ["Notes", "Conclusion", "Homeland politics", "Preferences and priorities"] {
            assert!(!is_bibliography_title(t), "{t}");
        }
    }
}
