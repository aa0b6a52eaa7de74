//! The head of an author-date reference: the names, an editor marker, and the date.

use super::text::MONTH_WORDS;
use crate::model::{Contributors, Name, PersonName, Role, Year};

/// What a reference's head holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Head {
    /// The names before the date.
    pub names: Vec<Name>,
    /// The names are editors (`(ed.)`, `(eds)`, `(Hrsg.)`, ...).
    pub editors: bool,
    /// The editor marker as printed, e.g. `(eds)`.
    pub editor_marker: Option<String>,
    /// Names in other roles, each before its role marker: `Scorsese, M. (Director)`.
    pub roles: Vec<Contributors>,
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
    "(sous la dir.)",
    "(sous la direction de)",
    "(dir)",
    "(Hrsg)",
    "(Ed)",
    ", eds.",
    ", ed.",
    ", eds",
    ", ed",
    " eds.",
    " Eds.",
    " (eds.)",
    " Hrsg.",
    " Hrsg",
    ", editors",
    ", editor",
    " (editors)",
    " (editor)",
];

/// Whether the marker names one editor (`(ed.)`) rather than several (`(eds)`).
pub(crate) fn marker_is_singular(marker: &str) -> Option<bool> {
    let m = marker.trim_matches(['(', ')', '.', ',', ' ']).to_lowercase();
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

/// Finds the first editor marker in `s`: its byte range. A marker that ends in a letter
/// must end a word: `, ed` is no marker in `, edited by`.
pub(crate) fn find_editor_marker(s: &str) -> Option<(usize, usize)> {
    // At one position, the longest marker: `, eds.` rather than `, ed`.
    EDITOR_MARKERS
        .iter()
        .filter_map(|m| {
            let open = m.ends_with(|c: char| c.is_alphabetic());
            s.match_indices(m)
                .map(|(i, _)| (i, i + m.len()))
                .find(|&(_, end)| !open || !s[end..].starts_with(|c: char| c.is_alphabetic()))
        })
        .min_by_key(|&(i, end)| (i, std::cmp::Reverse(end)))
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
/// `———` or `---`: the same author(s) as the entry before.
fn is_same_author_dash(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['.', ',']);
    t.chars().count() >= 2 && t.chars().all(|c| matches!(c, '-' | '–' | '—' | '_'))
}

fn plausible_names(s: &str) -> bool {
    let s = s.trim();
    if is_same_author_dash(s) {
        return true;
    }
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
    // Medical and physics papers list dozens of authors; a title is not names either way.
    if words.is_empty() || words.len() > 300 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches([',', '.', ';']);
        w.is_empty() || !w.chars().next().is_some_and(char::is_lowercase) || LOWER_WORDS.contains(&w)
    })
}

/// A 4-digit year in a plausible range, with an optional one-letter suffix: `1916`, `2001a`.
fn bare_year(t: &str) -> Option<Year> {
    let t = t.trim_end_matches(['.', ',', ':', ';']);
    let (digits, suffix) = match t.len() {
        4 => (t, None),
        5 if t.is_char_boundary(4) => (&t[..4], t[4..].chars().next().filter(char::is_ascii_lowercase)),
        _ => return None,
    };
    if t.len() == 5 && suffix.is_none() {
        return None;
    }
    let y: i32 = digits.parse().ok().filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))?;
    if !(1400..=2100).contains(&y) {
        return None;
    }
    Some(match suffix {
        Some(c) => Year::with_suffix(y, c),
        None => Year::new(y),
    })
}

/// A date inside brackets: a [`Year`] form, or one year with month and day words
/// around it (`June 1983`, `2011, 14-15 April`, `Feb 1997`).
fn bracketed_date(content: &str) -> Option<Year> {
    if let Some(y) = date_token(content) {
        return Some(y);
    }
    let mut year = None;
    for word in content.split([' ', ',', '/']).filter(|w| !w.is_empty()) {
        if let Some(y) = bare_year(word) {
            if year.is_some() {
                return None;
            }
            year = Some(y);
            continue;
        }
        let w = word.trim_end_matches('.').to_lowercase();
        let dayish =
            w.split(['-', '–']).all(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()));
        let monthish = w.split(['-', '–']).all(|m| MONTH_WORDS.contains(&m));
        if !(dayish || monthish) {
            return None;
        }
    }
    year
}

/// A date candidate: where it is, the year, and where the body starts after it.
struct DateAt {
    start: usize,
    year: Year,
    end: usize,
}

/// Date candidates in `s[..limit]`, in order: bracketed dates and bare years.
fn date_candidates(s: &str, limit: usize) -> impl Iterator<Item = DateAt> + '_ {
    // Lazily, in order: the head reader stops at the first date that decides, so a text
    // is read only as far as its head (not always its first 3,000 bytes).
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < limit {
            let at = i;
            i += 1;
            while i < limit && !s.is_char_boundary(i) {
                i += 1;
            }
            let c = bytes[at];
            if c == b'(' || c == b'[' {
                let close = if c == b'(' { ')' } else { ']' };
                // The content is at most 40 bytes: the close is looked for no further.
                let mut stop = (at + 42).min(s.len());
                while !s.is_char_boundary(stop) {
                    stop -= 1;
                }
                if let Some(rel) = s[at + 1..stop].find(close) {
                    let content = &s[at + 1..at + 1 + rel];
                    if content.len() <= 40 {
                        if let Some(year) = bracketed_date(content) {
                            return Some(DateAt { start: at, year, end: at + 2 + rel });
                        }
                    }
                }
            } else if c.is_ascii_digit() && (at == 0 || matches!(bytes[at - 1], b' ' | b',' | b'.')) {
                let Some(end) = year_token_end(s, at) else { continue };
                if let Some(year) = bare_year(&s[at..end]) {
                    // The year must end its clause: `1990.`, `1927,`, `2011 ` before a capital.
                    let token = &s[at..end];
                    let closes = token.ends_with(['.', ',', ':', ';']) || end == s.len() || s[end..].starts_with(' ');
                    if closes {
                        return Some(DateAt { start: at, year, end });
                    }
                }
            }
        }
        None
    })
}

/// Where the token at `at` ends (the next space or `)`, or the end of `s`), or `None` once
/// it holds a sixth character other than `.`, `,`, `:` or `;`, which no bare year has: so
/// a long token is not read to its end at every digit in it.
fn year_token_end(s: &str, at: usize) -> Option<usize> {
    for (k, ch) in s[at..].char_indices() {
        if ch == ' ' || ch == ')' {
            return Some(at + k);
        }
        if k >= 5 && !matches!(ch, '.' | ',' | ':' | ';') {
            return None;
        }
    }
    Some(s.len())
}

/// A head whose year comes at the end (numbered and notes styles: `A. Author, "Title,"
/// Journal, vol. 5, pp. 60–64, May 2010.`): the names, and the byte range of the year to
/// remove from the body.
pub(crate) struct TrailingHead {
    pub names: Vec<Name>,
    /// The names are editors (`Bode, K., and R. Dixon, eds.`).
    pub editors: bool,
    pub year: Year,
    pub body_start: usize,
    pub year_span: std::ops::Range<usize>,
}

/// Reads names at the start of `s` (up to a quotation mark or the first sentence end) and
/// the last year in what follows.
pub(crate) fn parse_trailing_head(s: &str) -> Option<TrailingHead> {
    let (names, body_start, editors) = leading_names(s)?;
    let mut head = trailing_year(s, names, body_start)?;
    head.editors = editors;
    Some(head)
}

/// Names at the start of a reference that prints no year at all (`McCarty, Willard and
/// Matthew Kirschenbaum. “Institutional models ...” http://...`): the names, no year.
pub(crate) fn parse_undated_head(s: &str) -> Option<TrailingHead> {
    let (names, body_start, editors) = leading_names(s)?;
    Some(TrailingHead { names, editors, year: Year::default(), body_start, year_span: body_start..body_start })
}

/// The names at the start of `s`, up to a quotation mark or the first sentence end, with
/// where the rest starts and whether an editor mark closes them.
fn leading_names(s: &str) -> Option<(Vec<Name>, usize, bool)> {
    let quote = s.find(['“', '"', '‘', '«']).unwrap_or(s.len());
    let sentence = vancouver_names_end(s)
        .unwrap_or_else(|| super::text::sentence_breaks(s, &[]).first().map_or(s.len(), |&b| b - 1));
    // Springer's names end with a colon after an initial: `Landolt, P.: Title`.
    let colon = s.find(".: ").map_or(s.len(), |i| i + 1);
    let mut end = quote.min(sentence).min(colon).min(s.len());
    let mut names_text = trim_names_end(&s[..end]);
    if let Some(cut) = one_inverted_name_end(names_text) {
        end = cut;
        names_text = &s[..end];
    }
    let mut tries = 0;
    while !plausible_names(names_text) || names_text.is_empty() {
        let cut = names_text.rfind(", ")?;
        end = cut;
        names_text = trim_names_end(&s[..end]);
        tries += 1;
        if tries > 12 {
            return None;
        }
    }
    let (names_text, marker) = match split_editor_marker(names_text) {
        Some((n, m)) => (n, Some(m)),
        None => (names_text, None),
    };
    let names = parse_names(names_text);
    if names.is_empty() || names.iter().any(|n| n.is_literal() && n.family().split_whitespace().count() > 6) {
        return None;
    }
    let mut body_start = end + (s[end..].len() - s[end..].trim_start_matches(['.', ',', ':', ' ', ';']).len());
    // `et al.` after the names the sentence end cut before it: `Kirschenbaum, Matthew, et al.`.
    if let Some(after) = s[body_start..].strip_prefix("et al.") {
        body_start = s.len() - after.trim_start().len();
    }
    // An editor mark after the names the sentence end cut before it: `Dixon, eds. Title`.
    let mut editors = marker.is_some();
    if !editors {
        let rest = &s[body_start..];
        for m in ["eds.", "Eds.", "ed.", "Ed.", "(eds.)", "(ed.)", "(eds)", "(ed)", "editors.", "editor."] {
            if rest.starts_with(m) && rest[m.len()..].starts_with(' ') {
                body_start += m.len() + 1;
                editors = true;
                break;
            }
        }
    }
    Some((names, body_start, editors))
}

/// Words that introduce the date a web page was read, not the work's year.
const ACCESS_WORDS: [&str; 6] = ["Accessed", "accessed", "Retrieved", "retrieved", "Viewed", "Consulted"];

/// A reference with no author, starting with its title and ending with its year
/// (`Beowulf: A New Verse Translation. New York: Norton, 1999.`): no names, the last year.
pub(crate) fn parse_untitled_head(s: &str) -> Option<TrailingHead> {
    let first = s.trim_start().chars().next()?;
    if !(first.is_uppercase() || "“\"‘«".contains(first)) {
        return None;
    }
    trailing_year(s, Vec::new(), 0)
}

/// The last year in `s[body_start..]`, with the month, day and brackets around it.
fn trailing_year(s: &str, names: Vec<Name>, body_start: usize) -> Option<TrailingHead> {
    // The last year in the body, with the month, day and brackets around it. A year after
    // the date a page was accessed is not the work's (`2009. Web. Accessed 3 May 2011.`),
    // nor is an original year in square brackets (`[1982] ... (1990)`), when another is.
    let body = &s[body_start..];
    let access = ACCESS_WORDS
        .iter()
        .filter_map(|w| body.match_indices(w).find(|(i, _)| *i == 0 || body[..*i].ends_with([' ', '.'])))
        .map(|(i, _)| i)
        .min()
        .unwrap_or(body.len());
    // (start, end, year) of the last plain year, and of the last in square brackets.
    let mut found = None;
    let mut bracketed = None;
    let mut after_access = None;
    for (i, _) in body.char_indices() {
        let prev_ok = i == 0 || body[..i].ends_with([' ', ',', '(', '[']);
        if prev_ok && body.as_bytes()[i].is_ascii_digit() {
            let tok_end = body[i..].find([' ', ')', ']', ',', ';']).map_or(body.len(), |e| i + e);
            let tok = &body[i..tok_end];
            // A range of years in brackets is dated by its first: `(1998-2001)`.
            let (tok, tok_end) = match tok.split_once(['-', '–']) {
                Some((a, b))
                    if body[..i].ends_with('(')
                        && body[tok_end..].starts_with(')')
                        && bare_year(a).is_some()
                        && bare_year(b).is_some() =>
                {
                    (a, i + a.len())
                }
                _ => (tok, tok_end),
            };
            if let Some(y) = bare_year(tok.trim_end_matches('.')) {
                // Not part of a page range or a volume: the token is the year alone.
                if !tok.contains(['-', '–', '/']) {
                    let slot = if i >= access {
                        &mut after_access
                    } else if body[..i].ends_with('[') {
                        &mut bracketed
                    } else {
                        &mut found
                    };
                    *slot = Some((i, tok_end, y));
                }
            }
        }
    }
    let (mut ys, mut ye, year) = found.or(bracketed).or(after_access)?;
    // Widen to brackets, or to month and day words before it.
    if body[..ys].ends_with('(') && body[ye..].starts_with(')') {
        ys -= 1;
        ye += 1;
    } else {
        loop {
            let before = body[..ys].trim_end_matches([' ', ',']);
            let word_start = before.rfind([' ', ',', '(']).map_or(0, |w| w + 1);
            let word = before[word_start..].trim_end_matches('.').to_lowercase();
            let day = word.len() <= 2 && !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
            if (MONTH_WORDS.contains(&word.as_str()) || day) && word_start < ys {
                ys = word_start;
            } else {
                break;
            }
        }
    }
    let ys = body[..ys].trim_end_matches([' ', ',']).len();
    // MLA 7's medium of publication right after the year goes with it: `(2000) Web.`.
    for medium in [" Web.", " Print."] {
        if body[ye..].starts_with(medium) {
            ye += medium.len() - 1;
        }
    }
    Some(TrailingHead { names, editors: false, year, body_start, year_span: body_start + ys..body_start + ye })
}

/// Vancouver names, each a family name and up to three capital initials without points,
/// closed by a full stop: `Hall S, Ong WJ. Title`. Where the names end (at the stop).
fn vancouver_names_end(s: &str) -> Option<usize> {
    let stop = s.find(". ")?;
    let names = &s[..stop];
    let ok = names.split(", ").all(|n| {
        let mut words: Vec<&str> = n.split(' ').collect();
        let initials = words.pop().unwrap_or("");
        !words.is_empty()
            && (1..=3).contains(&initials.len())
            && initials.chars().all(|c| c.is_ascii_uppercase())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase))
    });
    (ok && !names.is_empty()).then_some(stop)
}

/// `Jessup, P. Transnational Law`: one inverted name whose initials are followed, without a
/// comma or `and`, by capitalised words (the title, when the year is at the end): where the
/// name ends, after its last initial.
fn one_inverted_name_end(s: &str) -> Option<usize> {
    let (family, rest) = s.split_once(", ")?;
    if family.contains([',', '.']) {
        return None;
    }
    let mut end = family.len() + 2;
    let mut initials = 0;
    // Given names before the initials: `Ong, Walter J. Orality`.
    let mut tokens = rest.split(' ').peekable();
    let mut given = 0;
    while given < 2
        && tokens.peek().is_some_and(|t| {
            t.len() >= 2
                && t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().skip(1).all(char::is_lowercase)
        })
    {
        let t = tokens.next().unwrap_or_default();
        end += t.len() + 1;
        given += 1;
    }
    while let Some(token) = tokens.next_if(|t| t.ends_with('.') && is_initial_token(t)) {
        end += token.len() + 1;
        initials += 1;
    }
    // `Tomasula, S. et al. TOC`.
    if initials > 0 && tokens.next_if_eq(&"et").is_some() {
        if tokens.next_if_eq(&"al.").is_some() {
            end += "et al. ".len();
        } else {
            return None;
        }
    }
    // The title may start with a number: `Olsen, L. 10:01`.
    let capitalised =
        s.get(end..).is_some_and(|after| after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    (initials > 0 && capitalised).then_some(end - 1)
}

/// Trims separators after a run of names, keeping the period of a final initial (`Nee, V.`).
fn trim_names_end(s: &str) -> &str {
    let mut t = s.trim_end().trim_end_matches([',', ';']).trim_end();
    if let Some(stripped) = t.strip_suffix('.') {
        let last = stripped.rsplit([' ', ',']).next().unwrap_or("");
        let initial = last.chars().filter(|c| c.is_alphabetic()).count() == 1
            && last.chars().next().is_some_and(char::is_uppercase);
        let dotted = last.contains('.') && last.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if !(initial || dotted) {
            t = stripped.trim_end().trim_end_matches([',', ';']).trim_end();
        }
    }
    t
}

/// The roles a bracketed marker names: `(Director)`, `(Producers)`, `(Writer/Director)`,
/// `(Executive Producer)`, `(Trans.)`. `None` unless every part is a role.
fn marker_roles(inner: &str) -> Option<Vec<Role>> {
    inner.split(['/', '&', ',']).flat_map(|p| p.split(" and ")).map(Role::from_label).collect()
}

/// Splits names that carry role markers, as APA prints a film's or a broadcast's makers:
/// `Wallis, H. B., Blanke, H. (Producers), & Curtiz, M. (Director)`. Returns the groups
/// and the names after the last marker (none, usually); `None` if there is no marker.
fn role_groups(s: &str) -> Option<(Vec<Contributors>, &str)> {
    let mut groups = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(open) = s[search..].find('(').map(|i| search + i) {
        let Some(close) = s[open..].find(')').map(|i| open + i) else { break };
        search = close + 1;
        let Some(roles) = marker_roles(&s[open + 1..close]) else { continue };
        let names_text = trim_names_end(
            s[from..open].trim().trim_start_matches([',', ';', '&']).trim_start().trim_start_matches("and ").trim(),
        );
        let names = parse_names(names_text);
        if names.is_empty() {
            return None;
        }
        for role in roles {
            groups.push(Contributors { role, names: names.clone() });
        }
        from = close + 1;
    }
    if groups.is_empty() {
        return None;
    }
    Some((groups, s[from..].trim().trim_start_matches([',', ';', '&', '.']).trim()))
}

/// Parses the head of a reference at the start of `s`: names, then a date in brackets
/// (`(2003)`, `[Feb 1997]`, `(June 1983)`) or bare (`. 1990.`, `, 1927,`).
pub(crate) fn parse_head(s: &str) -> Option<Head> {
    let mut limit = s.len().min(3000);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    for date in date_candidates(s, limit) {
        let mut before = trim_names_end(&s[..date.start]);
        let mut roles = Vec::new();
        if let Some((groups, rest)) = role_groups(before) {
            if rest.is_empty() {
                // Only names in roles: the first role is what the work is cited by.
                let mut body_start = date.end;
                let rest = &s[body_start..];
                body_start += rest.len() - rest.trim_start_matches(['.', ',', ':', ' ', ';']).len();
                return Some(Head {
                    names: Vec::new(),
                    editors: false,
                    editor_marker: None,
                    roles: groups,
                    year: date.year,
                    body_start,
                });
            }
            roles = groups;
            before = rest;
        }
        let (names_text, marker) = match split_editor_marker(before) {
            Some((names, marker)) => (names, Some(marker.to_string())),
            None => (before, None),
        };
        let names_text = trim_names_end(names_text);
        if !plausible_names(names_text) {
            // Names come first: a date after something that is not names is no head.
            if names_text.len() > 3 {
                return None;
            }
            continue;
        }
        let names = parse_names(names_text);
        if names.is_empty() {
            return None;
        }
        let mut body_start = date.end;
        let mut year = date.year;
        // A reprint's original year in brackets after the date: `1988 [1964]`.
        let after = s[body_start..].trim_start();
        if let Some(inner) = after.strip_prefix('[').and_then(|a| a.split_once(']')).map(|(y, _)| y) {
            if let (Some(original), None) = (bare_year(inner).and_then(|y| y.year), year.original) {
                year.original = Some(original);
                body_start = s.len() - after.len() + inner.len() + 2;
            }
        }
        let rest = &s[body_start..];
        body_start += rest.len() - rest.trim_start_matches(['.', ',', ':', ' ', ';']).len();
        return Some(Head { names, editors: marker.is_some(), editor_marker: marker, roles, year, body_start });
    }
    None
}

fn is_suffix(t: &str) -> bool {
    matches!(t.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV" | "Jnr" | "Snr")
}

/// Initials as the Sage/Vancouver forms print them: `JS`, `J-Y`, `R`, `Ś`.
fn is_initials(t: &str) -> bool {
    let n = t.chars().count();
    // At most three letters (`JS`, `J-Y`): `CRUZ` is a family name.
    (1..=3).contains(&t.chars().filter(|c| c.is_alphabetic()).count())
        && (1..=4).contains(&n)
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
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
    if family.is_empty() || !(is_initials(initials) || is_initial_token(initials)) {
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

/// An initial as printed: `P.`, `J.-Y.`, `R.L.`, `C`, `Ś`.
fn is_initial_token(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 3
        && letters.iter().all(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        && (t.contains('.') || letters.len() == 1)
}

/// How a comma-separated chunk of a name list reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chunk {
    /// Only initials: `P. H.`, `R.L.`
    Initials,
    /// A suffix: `Jr.`
    Suffix,
    /// Family name then initials: `Vertovec S.`, `Alba R`, `Nye JS Jr`.
    FamilyInitials,
    /// Initials then family name: `A. R. Zolberg`, `P. van der Veer`.
    InitialsFamily,
    /// Words with no initials: `Winston`, `Peggy Levitt`, `Glick Schiller`.
    Words(usize),
    /// Given name(s), initials and family name: `Douglas S. Massey`.
    Natural,
    /// Anything else.
    Other,
}

fn classify(chunk: &str) -> Chunk {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    if words.is_empty() {
        return Chunk::Other;
    }
    if words.len() == 1 && is_suffix(words[0]) {
        return Chunk::Suffix;
    }
    let words: Vec<&str> = match words.split_last() {
        Some((last, rest)) if is_suffix(last) && !rest.is_empty() => rest.to_vec(),
        _ => words,
    };
    let init: Vec<bool> = words.iter().map(|w| is_initial_token(w)).collect();
    if init.iter().all(|&b| b) {
        return Chunk::Initials;
    }
    if !init[0] && parse_family_initials(chunk).is_some() {
        // `Vertovec S.`, Sage `Alba R`, `Nye JS Jr`. (`Frank J.` has the same shape: the
        // assembler reads it as a given name when it follows a lone family name.)
        return Chunk::FamilyInitials;
    }
    let first_init = init.iter().take_while(|&&b| b).count();
    if first_init > 0 && first_init < words.len() {
        return Chunk::InitialsFamily;
    }
    if !init[0] && init.iter().any(|&b| b) {
        return Chunk::Natural;
    }
    if words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || LOWER_WORDS.contains(w)) {
        return Chunk::Words(words.len());
    }
    Chunk::Other
}

/// Splits a run of names into chunks on `;`, `,`, `and`, `&` (and their combinations).
fn split_chunks(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for semi in s.split(';') {
        for chunk in semi.split(", ") {
            // Each separator's next place in `chunk` is found once and looked for again only
            // after a cut passes it, so the chunk is read a bounded number of times (finding
            // every separator from each cut again was quadratic in a long run of names).
            const SEPARATORS: [&str; 5] = [" and ", " & ", " et ", " y ", " und "];
            let find = |sep: &str, from: usize| chunk[from..].find(sep).map(|i| from + i);
            let mut next: [Option<usize>; 5] = SEPARATORS.map(|sep| find(sep, 0));
            let mut start = 0;
            loop {
                let cut = (0..SEPARATORS.len()).filter_map(|k| next[k].map(|i| (i, SEPARATORS[k].len()))).min();
                match cut {
                    Some((i, len)) => {
                        parts.push(&chunk[start..i]);
                        start = i + len;
                        for (k, sep) in SEPARATORS.iter().enumerate() {
                            if next[k].is_some_and(|at| at < start) {
                                next[k] = find(sep, start);
                            }
                        }
                    }
                    None => {
                        parts.push(&chunk[start..]);
                        break;
                    }
                }
            }
        }
    }
    parts
        .into_iter()
        .map(|p| {
            // APA 7 shortens long lists: `Alba, R., ... Nee, V.`
            p.trim()
                .trim_start_matches("and ")
                .trim_start_matches("& ")
                .trim_start_matches("... ")
                .trim_start_matches("… ")
                .trim()
                .trim_end_matches(',')
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn person_from_words(words: &[&str], given: Option<String>) -> PersonName {
    let (particle, family) = split_particle(words);
    PersonName { family: family.join(" "), given, particle, suffix: None }
}

/// `A. R. Zolberg`, `Roger Waldinger`, `P. van der Veer`, `Douglas S. Massey`.
fn natural_person(chunk: &str) -> PersonName {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    let (words, suffix) = match words.split_last() {
        Some((last, rest)) if is_suffix(last) && !rest.is_empty() => {
            (rest.to_vec(), Some(last.trim_end_matches('.').to_string()))
        }
        _ => (words, None),
    };
    // The family name starts at the first lowercase particle after the given names, or
    // after the last initial (`W. E. B. Du Bois`), or is the last word.
    let last_initial = words.iter().rposition(|w| is_initial_token(w));
    let mut start = match last_initial {
        Some(i) if i + 1 < words.len() => i + 1,
        _ => words.len().saturating_sub(1),
    };
    for (i, w) in words.iter().enumerate().skip(1) {
        if w.chars().next().is_some_and(char::is_lowercase) && LOWER_WORDS.contains(w) {
            start = i;
            break;
        }
    }
    let given = words[..start].join(" ");
    let mut p = person_from_words(&words[start..], (!given.is_empty()).then_some(given));
    p.suffix = suffix;
    p
}

/// `Family INITIALS [Suffix]` and `Family I. I.` chunks.
fn family_initials_person(chunk: &str) -> PersonName {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    let (words, suffix) = match words.split_last() {
        Some((last, rest)) if is_suffix(last) && rest.len() >= 2 => {
            (rest.to_vec(), Some(last.trim_end_matches('.').to_string()))
        }
        _ => (words, None),
    };
    let n = words.iter().rev().take_while(|w| is_initial_token(w) || is_initials(w)).count().min(words.len() - 1);
    let split = words.len() - n;
    let mut p = person_from_words(&words[..split], Some(words[split..].join(" ")));
    p.suffix = suffix;
    p
}

/// A given name as it follows an inverted family name: `Peter`, `James F.`, `Richard D. A.`,
/// `Paul A` (not all capitals, which would be another family name).
fn is_given_chunk(chunk: &str, kind: Chunk) -> bool {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let not_caps = first.chars().any(char::is_lowercase) || is_initial_token(first);
    match kind {
        Chunk::Initials => true,
        Chunk::Words(m) => m <= 2 && not_caps,
        Chunk::FamilyInitials | Chunk::Natural => {
            not_caps
                && !is_initial_token(first)
                && words.len() <= 4
                && words[1..].iter().all(|w| is_initial_token(w) || is_initials(w))
        }
        _ => false,
    }
}

const ORGANISATION_WORDS: &[&str] = &[
    "program",
    "programme",
    "organization",
    "organisation",
    "association",
    "bank",
    "university",
    "institute",
    "department",
    "center",
    "centre",
    "council",
    "committee",
    "office",
    "agency",
    "ministry",
    "commission",
    "foundation",
    "society",
    "group",
    "nations",
    "union",
    "service",
    "board",
    "bureau",
    "corporation",
    "inc",
    "ltd",
    "project",
    "team",
    "fund",
    "network",
    "consortium",
    "government",
    "state",
    "federal",
    "national",
    "international",
    "press",
    "survey",
    "museum",
    "library",
    "school",
    "college",
    "company",
    "council",
    "world",
    "who",
    "oecd",
];

/// A run of names that is one organisation: an acronym on its own (`PNUD`, `IDEA`), a name
/// with an organisation word (`United Nations Development Program`), or four or more
/// capitalised words with no initials and no separators.
fn looks_like_organisation(s: &str) -> bool {
    let base = s.split(" (").next().unwrap_or(s).trim();
    let words: Vec<&str> = base.split_whitespace().collect();
    if words.is_empty() || base.contains([',', ';']) {
        return false;
    }
    let has_org_word = words
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str()));
    if base.contains(" and ") || base.contains(" & ") {
        return has_org_word && !words.iter().any(|w| is_initial_token(w));
    }
    // `U.S. Department of Homeland Security`: an organisation word outweighs one initial.
    if has_org_word && words.len() >= 3 && words.iter().filter(|w| is_initial_token(w)).count() <= 1 {
        return true;
    }
    if words.iter().any(|w| is_initial_token(w)) {
        return false;
    }
    let acronym = words.len() == 1
        && base.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !base.chars().any(char::is_lowercase);
    acronym || words.len() >= 4 || has_org_word
}

/// Inverted names with no separator between persons but the period after each one's
/// initials: `Portes, A. Rumbaut, RG. Massey, DS.` At least two persons; every given part
/// is initials, every family part capitalised words with no initials.
fn period_separated(s: &str) -> Option<Vec<PersonName>> {
    let parts: Vec<&str> = s.split(", ").collect();
    if parts.len() < 3 {
        return None;
    }
    let family_ok = |f: &str| {
        let words: Vec<&str> = f.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_initial_token(w) && !w.contains('.'))
    };
    let initials_ok = |g: &str| {
        let letters = g.chars().filter(|c| c.is_alphabetic()).count();
        (1..=3).contains(&letters) && g.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
    };
    let mut out = Vec::with_capacity(parts.len() - 1);
    let mut family = parts[0].trim();
    for (i, part) in parts[1..].iter().enumerate() {
        let (given, next) = if i + 2 == parts.len() {
            (part.trim().trim_end_matches('.'), None)
        } else {
            let (g, n) = part.split_once(". ")?;
            (g, Some(n.trim()))
        };
        if !family_ok(family) || !initials_ok(given) {
            return None;
        }
        let words: Vec<&str> = family.split_whitespace().collect();
        out.push(person_from_words(&words, Some(format!("{given}."))));
        if let Some(n) = next {
            family = n;
        }
    }
    Some(out)
}

/// Parses a run of names. Persons when the run reads as persons in any of the common
/// forms (Sage `Alba R and Nee V`, APA `Alba, R., & Nee, V.`, Chicago `Alba, Richard, and
/// Victor Nee`, natural `Richard Alba and Victor Nee`, with `;` as a separator too);
/// otherwise one organisation (the whole text).
pub(crate) fn parse_names(s: &str) -> Vec<Name> {
    let s = s.trim().trim_end_matches([',', ';']);
    if s.is_empty() || s.starts_with("et al") {
        return Vec::new();
    }
    if is_same_author_dash(s) {
        return vec![Name::literal(s.trim_end_matches(['.', ',']))];
    }
    let s = s
        .strip_suffix(" et al.")
        .or_else(|| s.strip_suffix(", et al."))
        .or_else(|| s.strip_suffix(" et al"))
        .unwrap_or(s);
    // German slashes between persons: `Esser, H./Kalter, F.`, `Ludger Pries/ Zeynep Sezgin`.
    let slashed = s.contains('/')
        && s.split('/').all(|p| {
            let p = p.trim();
            p.starts_with(char::is_uppercase) && (p.contains(", ") || p.split_whitespace().count() >= 2)
        });
    if !slashed && looks_like_organisation(s) {
        return vec![Name::literal(s)];
    }
    // With semicolons (or those slashes), each part is one person: `Glick Schiller, N.;
    // Basch, L.; and Blanc-Szanton, C.`
    let separator = if s.contains(';') {
        Some(';')
    } else if slashed {
        Some('/')
    } else {
        None
    };
    if let Some(separator) = separator {
        let persons: Option<Vec<PersonName>> = s
            .split(separator)
            .map(|p| p.trim().trim_start_matches("and ").trim_start_matches("& ").trim())
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once(", ") {
                Some((family, given)) if !given.contains(", ") => {
                    let words: Vec<&str> = family.split_whitespace().collect();
                    Some(person_from_words(&words, Some(given.trim().to_string())))
                }
                None => Some(match classify(p) {
                    Chunk::FamilyInitials => family_initials_person(p),
                    _ => natural_person(p),
                }),
                _ => None,
            })
            .collect();
        if let Some(persons) = persons {
            return persons.into_iter().map(Name::Person).collect();
        }
    }
    if let Some(persons) = period_separated(s) {
        return persons.into_iter().map(Name::Person).collect();
    }
    let chunks = split_chunks(s);
    let kinds: Vec<Chunk> = chunks.iter().map(|c| classify(c)).collect();
    let mut out: Vec<PersonName> = Vec::new();
    let mut inverted = false;
    let mut i = 0;
    while i < chunks.len() {
        let next = kinds.get(i + 1).copied();
        match kinds[i] {
            Chunk::Words(n) => {
                // An inverted name: a family name then its given names. Chicago inverts only
                // the first author; APA and others invert every one.
                let givenish = match next {
                    Some(k) if is_given_chunk(chunks[i + 1], k) => match k {
                        Chunk::Initials => true,
                        // `Peggy Levitt, Josh DeWind` is two natural names, not one inverted.
                        Chunk::Words(2) if n > 1 => false,
                        _ => (i == 0 || inverted) && n <= 2,
                    },
                    _ => false,
                };
                if givenish {
                    inverted = true;
                    let words: Vec<&str> = chunks[i].split_whitespace().collect();
                    let mut p = person_from_words(&words, Some(chunks[i + 1].trim_end_matches(',').to_string()));
                    i += 2;
                    if kinds.get(i) == Some(&Chunk::Suffix) {
                        p.suffix = Some(chunks[i].trim_end_matches('.').to_string());
                        i += 1;
                    }
                    out.push(p);
                    continue;
                }
                if n == 1 {
                    out.push(PersonName { family: chunks[i].to_string(), ..Default::default() });
                } else {
                    out.push(natural_person(chunks[i]));
                }
            }
            Chunk::FamilyInitials => out.push(family_initials_person(chunks[i])),
            Chunk::InitialsFamily | Chunk::Natural => out.push(natural_person(chunks[i])),
            Chunk::Suffix => {
                if let Some(last) = out.last_mut() {
                    last.suffix = Some(chunks[i].trim_end_matches('.').to_string());
                }
            }
            Chunk::Initials => {
                // Initials with no family before them: `King, Jr., M. L.` after a suffix.
                if let Some(last) = out.last_mut() {
                    if last.given.is_none() {
                        last.given = Some(chunks[i].to_string());
                    }
                    // Otherwise stray initials after a missing comma (`Portes, A. Rumbaut,
                    // R. G.`): the family names are what matter; the initials are dropped.
                    i += 1;
                    continue;
                }
                return vec![Name::literal(s)];
            }
            Chunk::Other => return vec![Name::literal(s)],
        }
        i += 1;
    }
    if out.is_empty() {
        return vec![Name::literal(s)];
    }
    out.into_iter().map(Name::Person).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_every_separator_in_order() {
        assert_eq!(
            split_chunks("Alba, R. and Nee, V.; Portes y Rumbaut & Landolt und Kalter et Smith"),
            ["Alba", "R.", "Nee", "V.", "Portes", "Rumbaut", "Landolt", "Kalter", "Smith"]
        );
        // A long run of one separator among others that never occur: every part, in order
        // (each separator is looked for again only after a cut passes it).
        let run = vec!["Kn"; 5000].join(" & ");
        let parts = split_chunks(&run);
        assert_eq!(parts.len(), 5000);
        assert!(parts.iter().all(|p| *p == "Kn"));
    }

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
    fn reads_names_in_roles() {
        let h = parse_head("Coppola, F. F. (Writer/Director). (1979). Apocalypse now [Film].").unwrap();
        assert!(h.names.is_empty());
        let roles: Vec<(Role, Vec<Name>)> = h.roles.into_iter().map(|c| (c.role, c.names)).collect();
        assert_eq!(
            roles,
            [
                (Role::ScriptWriter, vec![person("Coppola", "F. F.")]),
                (Role::Director, vec![person("Coppola", "F. F.")])
            ]
        );
        // A bracket that names no role is not a role marker.
        let h = parse_head("PNUD (Programa de las Naciones Unidas). (2005) Informe").unwrap();
        assert!(h.roles.is_empty());
        assert_eq!(h.names, vec![Name::literal("PNUD (Programa de las Naciones Unidas)")]);
    }

    #[test]
    fn reads_long_author_lists() {
        let names: Vec<String> =
            (0..30).map(|i| format!("Author{}, {}.", (b'a' + i % 26) as char, (b'A' + i % 26) as char)).collect();
        let line = format!("{} (2017). A title. Journal, 3, 1-5.", names.join(", "));
        let h = parse_head(&line).unwrap();
        assert_eq!(h.names.len(), 30);
        assert_eq!(h.names[29], person("Authord", "D."));
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
        assert_eq!(parse_names("Alba, R., & Nee, V."), vec![person("Alba", "R."), person("Nee", "V.")]);
        assert_eq!(
            parse_names("Portes, A., L. E. Guarnizo, and P. Landolt"),
            vec![person("Portes", "A."), person("Guarnizo", "L. E."), person("Landolt", "P.")]
        );
        assert_eq!(
            parse_names("Portes, Alejandro, Luis E. Guarnizo, and Patricia Landolt"),
            vec![person("Portes", "Alejandro"), person("Guarnizo", "Luis E."), person("Landolt", "Patricia")]
        );
        assert_eq!(
            parse_names("Glick Schiller, N.; Basch, L.; and Blanc-Szanton, C."),
            vec![person("Glick Schiller", "N."), person("Basch", "L."), person("Blanc-Szanton", "C.")]
        );
        assert_eq!(
            parse_names("Peggy Levitt, Josh DeWind, and Steven Vertovec"),
            vec![person("Levitt", "Peggy"), person("DeWind", "Josh"), person("Vertovec", "Steven")]
        );
        assert_eq!(parse_names("Weber M."), vec![person("Weber", "M.")]);
        assert_eq!(
            parse_names("Lanly, G./Basilia, M./Valenzuela, V."),
            vec![person("Lanly", "G."), person("Basilia", "M."), person("Valenzuela", "V.")]
        );
        assert_eq!(
            parse_names("Ulrich Beck/ Elisabeth Beck-Gernsheim"),
            vec![person("Beck", "Ulrich"), person("Beck-Gernsheim", "Elisabeth")]
        );
        assert_eq!(
            parse_names("Hubel, DH. Wiesel, TN. Livingstone, MS."),
            vec![person("Hubel", "DH."), person("Wiesel", "TN."), person("Livingstone", "MS.")]
        );
        assert_eq!(
            parse_names("Hubel, D. H., Wiesel, T. N."),
            vec![person("Hubel", "D. H."), person("Wiesel", "T. N.")]
        );
        assert_eq!(parse_names("Bourdieu, Pierre"), vec![person("Bourdieu", "Pierre")]);
        assert_eq!(parse_names("Coleman, James S"), vec![person("Coleman", "James S")]);
        assert_eq!(
            parse_names("Massey, Douglas and Denton, Nancy"),
            vec![person("Massey", "Douglas"), person("Denton", "Nancy")]
        );
        assert_eq!(
            parse_names("Alba, R. D., Logan J. R., and Stults B. J."),
            vec![person("Alba", "R. D."), person("Logan", "J. R."), person("Stults", "B. J.")]
        );
        assert_eq!(
            parse_names("BOURDIEU, PASSERON"),
            vec![
                Name::Person(PersonName { family: "BOURDIEU".into(), ..Default::default() }),
                Name::Person(PersonName { family: "PASSERON".into(), ..Default::default() })
            ]
        );
        assert_eq!(
            parse_names("Equality and Human Rights Commission"),
            vec![Name::literal("Equality and Human Rights Commission")]
        );
    }
}
