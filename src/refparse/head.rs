//! The head of an author-date reference: the names, an editor marker, and the date.

use crate::model::{Name, PersonName, Year};

/// What a reference's head holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Head {
    /// The names before the date.
    pub names: Vec<Name>,
    /// The names are editors (`(ed.)`, `(eds)`, `(Hrsg.)`, ...).
    pub editors: bool,
    /// The editor marker as printed, e.g. `(eds)`.
    pub editor_marker: Option<String>,
    /// The date.
    pub year: Year,
    /// Byte offset in the head's text where the body (the title) starts.
    pub body_start: usize,
}

const EDITOR_MARKERS: &[&str] = &[
    "(ed.)",
    "(eds)",
    "(eds.)",
    "(Ed.)",
    "(Eds.)",
    "(Eds)",
    "(ed)",
    "(Hrsg.)",
    "(Hg.)",
    "(éd.)",
    "(éds)",
    "(éds.)",
    "(dir.)",
    "(coord.)",
    "(coords.)",
    "(org.)",
    "(orgs.)",
    "(comp.)",
    "(comps.)",
    "(a cura di)",
];

/// Whether the marker names one editor (`(ed.)`) rather than several (`(eds)`).
pub(crate) fn marker_is_singular(marker: &str) -> Option<bool> {
    let m = marker.trim_matches(['(', ')', '.']).to_lowercase();
    match m.as_str() {
        "ed" | "éd" | "coord" | "comp" | "org" => Some(true),
        "eds" | "éds" | "coords" | "comps" | "orgs" => Some(false),
        _ => None,
    }
}

/// Splits an editor marker off the end of `s`: `Foner N (ed.)` → (`Foner N`, `(ed.)`).
pub(crate) fn split_editor_marker(s: &str) -> Option<(&str, &str)> {
    let t = s.trim_end();
    EDITOR_MARKERS
        .iter()
        .find_map(|m| t.strip_suffix(m).map(|rest| (rest.trim_end().trim_end_matches(','), &t[t.len() - m.len()..])))
}

/// Finds the first editor marker in `s`: its byte range.
pub(crate) fn find_editor_marker(s: &str) -> Option<(usize, usize)> {
    EDITOR_MARKERS.iter().filter_map(|m| s.find(m).map(|i| (i, i + m.len()))).min()
}

/// Reads a date token such as `2001a`, `n.d.`, `1956/1998`, `2005, March 3`.
fn date_token(s: &str) -> Option<Year> {
    let t = s.trim();
    if t.is_empty() || t.len() > 24 {
        return None;
    }
    t.parse().ok()
}

/// Words allowed in lowercase in a run of names or an organisation's name.
const LOWER_WORDS: &[&str] = &[
    "and", "&", "et", "al.", "al", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "des", "la",
    "le", "y", "e", "for", "of", "the", "on", "in", "und", "ter", "te", "dos", "das", "do", "zu", "af", "bin", "ibn",
    "el",
];

/// Whether `s` (the text before the date) can be a run of names.
fn plausible_names(s: &str) -> bool {
    let s = s.trim();
    let Some(first) = s.chars().next() else { return false };
    if !(first.is_uppercase() || LOWER_WORDS.iter().any(|w| s.starts_with(&format!("{w} ")))) {
        return false;
    }
    let mut depth = 0i32;
    let mut outside = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    if outside.chars().any(|c| c.is_ascii_digit()) || outside.contains(": ") || outside.contains("? ") {
        return false;
    }
    let words: Vec<&str> = outside.split_whitespace().collect();
    if words.is_empty() || words.len() > 40 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches([',', '.', ';']);
        w.is_empty() || !w.chars().next().is_some_and(char::is_lowercase) || LOWER_WORDS.contains(&w)
    })
}

/// Parses the head of a reference at the start of `s`.
pub(crate) fn parse_head(s: &str) -> Option<Head> {
    // The first parenthesis holding a date, within the first 400 bytes.
    let mut limit = s.len().min(400);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut search = 0;
    while let Some(rel) = s[search..limit].find('(') {
        let open = search + rel;
        let close = open + s[open..].find(')')?;
        if let Some(year) = date_token(&s[open + 1..close]) {
            let before = s[..open].trim_end();
            let (names_text, marker) = match split_editor_marker(before) {
                Some((names, marker)) => (names, Some(marker.to_string())),
                None => (before, None),
            };
            let names_text = names_text.trim_end().trim_end_matches([',', '.']).trim_end();
            if !plausible_names(names_text) {
                return None;
            }
            let names = parse_names(names_text);
            if names.is_empty() {
                return None;
            }
            let mut body_start = close + 1;
            let rest = &s[body_start..];
            let skipped = rest.len() - rest.trim_start_matches(['.', ',', ':', ' ']).len();
            body_start += skipped;
            return Some(Head { names, editors: marker.is_some(), editor_marker: marker, year, body_start });
        }
        search = close + 1;
        if search >= limit {
            break;
        }
    }
    None
}

fn is_suffix(t: &str) -> bool {
    matches!(t.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV" | "Jnr" | "Snr")
}

/// Initials as the Sage/Vancouver forms print them: `JS`, `J-Y`, `R`, `Ś`.
fn is_initials(t: &str) -> bool {
    let n = t.chars().count();
    (1..=4).contains(&n)
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
}

/// Splits a run of names on `,`, `and`, `&`.
fn split_name_list(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for chunk in s.split(", ") {
        let mut rest = chunk;
        loop {
            let cut = [" and ", " & ", " et ", " y ", " und "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            match cut {
                Some((i, len)) => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + len..];
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().trim_start_matches("and ").trim_start_matches("& ").trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `Family Initials [Suffix]` (the Sage Harvard and Vancouver form).
fn parse_family_initials(part: &str) -> Option<PersonName> {
    let tokens: Vec<&str> = part.split_whitespace().collect();
    let (tokens, suffix) = match tokens.split_last() {
        Some((last, rest)) if is_suffix(last) && rest.len() >= 2 => {
            (rest, Some(last.trim_end_matches('.').to_string()))
        }
        _ => (&tokens[..], None),
    };
    let (initials, family) = tokens.split_last()?;
    if family.is_empty() || !is_initials(initials) {
        return None;
    }
    if !family.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || LOWER_WORDS.contains(w)) {
        return None;
    }
    let (particle, family) = split_particle(family);
    Some(PersonName { family: family.join(" "), given: Some(initials.to_string()), particle, suffix })
}

fn split_particle<'a, 'b>(words: &'b [&'a str]) -> (Option<String>, &'b [&'a str]) {
    let n = words.iter().take_while(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    if n > 0 && n < words.len() {
        (Some(words[..n].join(" ")), &words[n..])
    } else {
        (None, words)
    }
}

/// `Family, G. G.` or `Family, Given` pairs (APA, Harvard, Chicago's first author).
fn parse_family_comma_given(s: &str) -> Option<Vec<PersonName>> {
    let s = s.replace(", & ", ", ").replace(", and ", ", ").replace(" & ", ", ").replace(" and ", ", ");
    let parts: Vec<&str> = s.split(", ").map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 || !parts.len().is_multiple_of(2) {
        return None;
    }
    let mut out = Vec::new();
    for pair in parts.chunks(2) {
        let family_words: Vec<&str> = pair[0].split_whitespace().collect();
        let given = pair[1].trim();
        if family_words.is_empty() || given.is_empty() || !given.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let (particle, family) = split_particle(&family_words);
        out.push(PersonName { family: family.join(" "), given: Some(given.to_string()), particle, suffix: None });
    }
    Some(out)
}

/// Parses a run of names. Persons when every part reads as a person, otherwise one
/// organisation (the whole text).
pub(crate) fn parse_names(s: &str) -> Vec<Name> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if s.is_empty() {
        return Vec::new();
    }
    if s.starts_with("et al") {
        return Vec::new();
    }
    let parts = split_name_list(s);
    let persons: Option<Vec<PersonName>> = parts.iter().map(|p| parse_family_initials(p)).collect();
    if let Some(persons) = persons {
        return persons.into_iter().map(Name::Person).collect();
    }
    if s.contains(", ") {
        if let Some(persons) = parse_family_comma_given(s) {
            return persons.into_iter().map(Name::Person).collect();
        }
    }
    vec![Name::literal(s)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str) -> Name {
        Name::person(family, Some(given))
    }

    #[test]
    fn reads_sage_heads() {
        let h = parse_head("Nye JS Jr and Keohane RO (1971) Transnational relations").unwrap();
        assert_eq!(
            h.names,
            vec![
                Name::Person(PersonName {
                    family: "Nye".into(),
                    given: Some("JS".into()),
                    particle: None,
                    suffix: Some("Jr".into())
                }),
                person("Keohane", "RO")
            ]
        );
        assert_eq!(h.year, Year::new(1971));
        assert_eq!(
            &"Nye JS Jr and Keohane RO (1971) Transnational relations"[h.body_start..],
            "Transnational relations"
        );
    }

    #[test]
    fn reads_editors_and_organisations() {
        let h = parse_head("Levitt P and Waters MC (eds) (2002) The Changing Face").unwrap();
        assert!(h.editors);
        assert_eq!(h.names, vec![person("Levitt", "P"), person("Waters", "MC")]);
        let h = parse_head("PNUD (Programa de las Naciones Unidas para el Desarollo). (2005) Informe").unwrap();
        assert_eq!(h.names, vec![Name::literal("PNUD (Programa de las Naciones Unidas para el Desarollo)")]);
        let h = parse_head("United Nations Development Program. (2009) Overcoming Barriers").unwrap();
        assert_eq!(h.names, vec![Name::literal("United Nations Development Program")]);
    }

    #[test]
    fn continuation_lines_are_not_heads() {
        for line in [
            "Monthly 118(1): 86-97.",
            "Washington DC metropolitan area. *Global Networks* 6(2): 181–199.",
            "American Research Press, 99-128.",
            "Overview of main issues. In: Kuznetsov Y (eds)",
            "Diaspora Networks and the International Migration of Skills. Washington, DC: World Bank, 3–20.",
        ] {
            assert_eq!(parse_head(line), None, "{line}");
        }
    }

    #[test]
    fn reads_comma_given_names() {
        assert_eq!(parse_names("Alba, R., & Nee, V."), vec![person("Alba", "R."), person("Nee", "V")]);
    }
}
