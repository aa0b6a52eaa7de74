//! Text widths without a font file, so that the layout can keep labels apart.
//!
//! Widths are those of Bitstream Vera Sans / DejaVu Sans (the SVG's first choice of
//! font, and among the widest common sans-serif faces), plus a margin: a label drawn in
//! any narrower sans-serif face still fits its box. Accented letters take the width of
//! their base letter; other characters outside ASCII are given a full em.

use unicode_normalization::UnicodeNormalization;

/// Advance widths of ASCII 0x20..=0x7E in thousandths of an em (Vera Sans).
const ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // ' ' to '/'
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // '0' to '?'
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // '@' to 'O'
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // 'P' to '_'
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // '`' to 'o'
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, // 'p' to '~'
];

/// The margin added to every width.
const SAFETY: f64 = 1.06;
/// How much wider bold text is.
const BOLD: f64 = 1.16;

/// The width of one character, in ems.
fn char_em(c: char) -> f64 {
    match c {
        ' '..='~' => f64::from(ASCII[c as usize - 0x20]) / 1000.0,
        '\u{2018}' | '\u{2019}' | '\u{201a}' => 0.32,
        '\u{201c}' | '\u{201d}' | '\u{201e}' => 0.518,
        '\u{2013}' => 0.5,
        '\u{2014}' | '\u{2026}' => 1.0,
        '\u{00a0}' => 0.32,
        '\u{00b7}' => 0.32,
        _ => match c.nfd().next() {
            Some(base) if base != c && (' '..='~').contains(&base) => char_em(base),
            _ => 1.0,
        },
    }
}

/// The estimated width in px of `s` at `size` px, bold or not.
pub fn width(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s.chars().map(char_em).sum();
    em * size * SAFETY * if bold { BOLD } else { 1.0 }
}

/// `s` cut to fit `max` px, ending in `…` if it was cut.
///
/// Complexity: O(len(s)).
pub fn fit(s: &str, max: f64, size: f64, bold: bool) -> String {
    if width(s, size, bold) <= max {
        return s.to_string();
    }
    let scale = size * SAFETY * if bold { BOLD } else { 1.0 };
    let budget = max / scale - char_em('\u{2026}');
    let mut used = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        used += char_em(c);
        if used > budget {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('\u{2026}');
    out
}

/// `s` broken at spaces into at most `max_lines` lines of at most `max` px; the last
/// line is cut with `…` if the text does not fit.
pub fn wrap(s: &str, max: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = s.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if width(&candidate, size, bold) <= max || current.is_empty() {
            current = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            // The last line takes the rest, cut to fit.
            let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
            current = format!("{current} {}", rest.join(" "));
            break;
        }
        lines.push(std::mem::replace(&mut current, word.to_string()));
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines.into_iter().map(|l| fit(&l, max, size, bold)).collect()
}

/// `s` broken at spaces into lines of at most `max` px, as many as it takes; nothing is
/// cut (a single word wider than `max` has a line of its own). For names, which are
/// never cut short.
///
/// Complexity: O(len(s)).
pub fn wrap_whole(s: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut used = 0.0;
    let space = width(" ", size, bold);
    for word in s.split_whitespace() {
        let w = width(word, size, bold);
        if !current.is_empty() && used + space + w > max {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
        if !current.is_empty() {
            current.push(' ');
            used += space;
        }
        current.push_str(word);
        used += w;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_size_and_weight() {
        let w = width("Portes et al. 1999", 12.0, false);
        assert!(w > 90.0 && w < 130.0, "{w}");
        assert!(width("Portes et al. 1999", 12.0, true) > w);
        assert!(width("mmm", 12.0, false) > width("iii", 12.0, false));
        // Accented letters are as wide as their base letters.
        assert_eq!(width("Pérez", 12.0, false), width("Perez", 12.0, false));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("Bourne", 100.0, 12.0, false), "Bourne");
        let cut = fit("PNUD (Programa de las Naciones Unidas para el Desarollo)", 120.0, 12.0, false);
        assert!(cut.ends_with('\u{2026}'), "{cut}");
        assert!(cut.starts_with("PNUD (Programa"), "{cut}");
        assert!(width(&cut, 12.0, false) <= 120.0);
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_the_last_line() {
        assert_eq!(
            wrap("political science (international relations)", 190.0, 11.5, true, 2),
            ["political science", "(international relations)"]
        );
        let lines = wrap("a b c d e f g h i j k l m n o p q r s t u v w x y z", 40.0, 12.0, false, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('\u{2026}'));
        assert!(lines.iter().all(|l| width(l, 12.0, false) <= 40.0));
        assert_eq!(wrap("", 40.0, 12.0, false, 2), [""]);
    }

    #[test]
    fn wrap_whole_never_cuts() {
        let name = "Levitt and Glick Schiller 2004";
        let lines = wrap_whole(name, 120.0, 12.0, true);
        assert_eq!(lines.join(" "), name);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains('\u{2026}')));
        assert!(lines.iter().all(|l| width(l, 12.0, true) <= 120.0), "{lines:?}");
        // A word wider than the line stays whole, on a line of its own.
        assert_eq!(wrap_whole("Ostergaard-Nielsen 2003", 60.0, 12.0, true), ["Ostergaard-Nielsen", "2003"]);
        assert_eq!(wrap_whole("", 60.0, 12.0, true), [""]);
    }
}
