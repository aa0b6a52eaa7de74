//! The body of an author-date reference: everything after the date.

use super::head::{find_editor_marker, marker_is_singular, parse_names, split_editor_marker};
use super::rest;
use super::text::{is_pages, non_empty, sentence_breaks, trim_field, Clean};
use crate::model::{Flag, Work, WorkType};
use std::ops::Range;

/// What the body parser found, written into `work`, plus flags and repairs.
pub(crate) struct BodyFindings {
    pub flags: Vec<Flag>,
    pub repairs: Vec<Flag>,
    /// Text that could not be placed in any field.
    pub unplaced: Option<String>,
}

/// A slice of the cleaned body with the emphasis ranges that fall in it, rebased.
struct Part<'a> {
    text: &'a str,
    emphasis: Vec<Range<usize>>,
}

impl<'a> Part<'a> {
    fn new(clean: &'a Clean, range: Range<usize>) -> Self {
        let text = &clean.text[range.clone()];
        let emphasis = clean
            .emphasis
            .iter()
            .filter(|r| r.end > range.start && r.start < range.end)
            .map(|r| r.start.max(range.start) - range.start..r.end.min(range.end) - range.start)
            .collect();
        Part { text, emphasis }
    }

    fn sub(&self, range: Range<usize>) -> Part<'a> {
        let text = &self.text[range.clone()];
        let emphasis = self
            .emphasis
            .iter()
            .filter(|r| r.end > range.start && r.start < range.end)
            .map(|r| r.start.max(range.start) - range.start..r.end.min(range.end) - range.start)
            .collect();
        Part { text, emphasis }
    }

    fn breaks(&self) -> Vec<usize> {
        sentence_breaks(self.text, &self.emphasis)
    }
}

const URL_MARKERS: &[&str] = &[
    "Available at:",
    "Available from:",
    "Available at",
    "Available:",
    "Retrieved from:",
    "Retrieved from",
    "Accessed at:",
    "URL:",
    "Online:",
    "[online]",
];

/// Abstracting indexes through which theses are cited.
const ABSTRACT_INDEXES: &[&str] = &["Dissertation Abstracts International", "Masters Abstracts International"];

/// Whether a DOI starting after `before` was printed in brackets: `(doi:10.…)`.
fn doi_in_bracket(before: &str, from: &str) -> bool {
    let close = from.trim_end().trim_end_matches('.');
    (before.ends_with('(') && close.ends_with(')')) || (before.ends_with('[') && close.ends_with(']'))
}

/// Splits a trailing URL or DOI off the body.
fn take_locators(text: &str, work: &mut Work, repairs: &mut Vec<Flag>) -> usize {
    let mut end = text.len();
    // A DOI, bare (`doi:10.…`) or as a resolver URL, which is also kept as the url.
    for marker in [
        "https://doi.org/",
        "http://doi.org/",
        "http://dx.doi.org/",
        "https://dx.doi.org/",
        "doi:",
        "DOI:",
        "doi: ",
        "DOI ",
    ] {
        if let Some(i) = text[..end].rfind(marker) {
            let doi = text[i + marker.len()..end].trim();
            let mut doi = doi.split_whitespace().next().unwrap_or("").trim_end_matches(['.', ',']);
            // `(doi:10.1038/171737a0)`: a closing bracket that opened before the DOI.
            while doi.ends_with([')', ']']) && doi.matches(['(', '[']).count() < doi.matches([')', ']']).count() {
                doi = doi[..doi.len() - 1].trim_end_matches(['.', ',']);
            }
            if doi.starts_with("10.") {
                work.doi = Some(doi.to_string());
                if marker.starts_with("http") {
                    work.url = Some(format!("{marker}{doi}"));
                }
                // An `Available:` or `Retrieved from` before the resolver URL goes with it.
                let before = text[..i].trim_end();
                let clause = URL_MARKERS.iter().filter_map(|m| before.strip_suffix(m).map(|b| b.len())).min();
                end = clause.unwrap_or(i);
                // `39–46 (doi:10.…)`: the bracket the DOI was printed in goes with it.
                let open = text[..end].trim_end();
                if doi_in_bracket(open, &text[end..]) {
                    end = open.len() - 1;
                }
                break;
            }
        }
    }
    let marker = URL_MARKERS
        .iter()
        .filter_map(|m| text[..end].find(m).map(|i| (i, i + m.len())))
        .min_by_key(|&(i, u)| (i, std::cmp::Reverse(u)))
        .or_else(|| ["https://", "http://", "www."].iter().filter_map(|m| text[..end].find(m).map(|i| (i, i))).min());
    // `Retrieved March 3, 2004, from ... website: URL`: the whole clause goes with the url.
    let marker = match (marker, text[..end].find("Retrieved ")) {
        (Some((_, url_start)), Some(r)) if r < url_start => Some((r, url_start)),
        (m, _) => m,
    };
    let Some((start, url_start)) = marker else { return end };
    let after = text[url_start..end].trim();
    // The url itself: the first `http`/`www` token after the marker (`Retrieved from
    // netLibrary: http://…`), else what follows the marker (`Available at: hdr.undp.org/…`).
    let from = ["https://", "http://", "www.", "ftp://"].iter().filter_map(|m| after.find(m)).min().unwrap_or(0);
    let mut url = after[from..].trim_end_matches(['.', ',']).to_string();
    // A trailing note: `(accessed 12 April 2011)`, `[Accessed 9 June 2016]`, `[see also …]`.
    if let Some(p) = url.find([' ', '[', '(']).filter(|&p| {
        let rest = url[p..].trim_start_matches([' ', '[', '(']).to_lowercase();
        rest.starts_with("accessed") || rest.starts_with("see ") || rest.starts_with("last")
    }) {
        // The access date is kept as a note: `(Accessed: 12 April 2011)` → `Accessed: 12 April 2011`.
        let note = url[p..].trim_matches([' ', '[', ']', '(', ')', '.', ',']);
        if note.to_lowercase().contains("accessed") && work.note.is_none() {
            work.note = Some(note.to_string());
        }
        url.truncate(p);
    }
    let url = url.trim_end_matches(['.', ',', ' ']).to_string();
    let looks_like_url = |u: &str| {
        u.starts_with("http") || u.starts_with("www.") || u.starts_with("ftp") || (u.contains('.') && u.contains('/'))
    };
    if !looks_like_url(&url) {
        // `Available at SSRN 1934102`, `Retrieved from ProQuest Dissertations and Theses`:
        // not a url; the text stays in the body.
        return end;
    }
    let url = if url.contains(' ') {
        // A space the PDF conversion put into a url, as in `papers/HD RP_2009_39.pdf`: joined
        // when what follows reads as the rest of a path; otherwise the url ends at the space.
        let (head, tail) = url.split_at(url.find(' ').unwrap_or(url.len()));
        let tail = tail.trim();
        if !tail.contains(' ') && (tail.contains(['/', '_', '.']) || tail.len() <= 12) {
            repairs.push(Flag::new("url-space", format!("removed line-break spaces from the url `{url}`")));
            format!("{head}{tail}")
        } else {
            head.to_string()
        }
    } else {
        url
    };
    if !url.is_empty() {
        work.url = Some(url);
    }
    start
}

/// `Place: Publisher[, pages]` as the last sentence of a book or chapter.
fn parse_publisher_tail(s: &str) -> Option<(Option<String>, String, Option<String>)> {
    let s = trim_field(s);
    let (place, rest) = match s.split_once(": ") {
        // `Allen Lane: London`: the publisher first, a known place after it.
        Some((publisher, place)) if rest::is_place(place) && !rest::is_place(publisher) => {
            return Some((Some(trim_field(place).to_string()), publisher.trim().to_string(), None));
        }
        Some((place, rest)) if plausible_place(place) => (Some(place.trim().to_string()), rest),
        _ => return None,
    };
    let (publisher, pages) = split_trailing_pages(rest);
    let publisher = trim_field(publisher);
    if publisher.is_empty() {
        return None;
    }
    Some((place, publisher.to_string(), pages))
}

fn split_trailing_pages(s: &str) -> (&str, Option<String>) {
    if let Some(i) = s.rfind(", ") {
        let tail = trim_field(&s[i + 2..]);
        // `New York: Dover, 1990`: the year again, not a page.
        if tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()) && ("1400"..="2100").contains(&tail) {
            return (&s[..i], None);
        }
        if is_pages(tail) {
            let bare = tail.trim_start_matches("pp.").trim_start_matches("p.").trim_start_matches("pp ");
            return (&s[..i], Some(bare.trim().to_string()));
        }
    }
    (s, None)
}

fn plausible_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !s.contains(['?', '!'])
}

/// `Container VOL(ISSUE): PAGES`, `Container Nos X: PAGES`, `Container, VOL(ISSUE), PAGES`.
/// Returns (container range end, volume, issue, pages).
/// (end of the container in the text, volume, issue, pages)
type JournalTail = (usize, Option<String>, Option<String>, Option<String>);

fn parse_journal_tail(s: &str) -> Option<JournalTail> {
    let s = s.trim_end().trim_end_matches('.');
    // pages
    let (before_pages, pages) = {
        let i = s.rfind([':', ','])?;
        let pages = s[i + 1..].trim();
        // `NP`: an online journal without pagination.
        let unpaginated = pages == "NP" && s[..i].trim_end().ends_with(')');
        if !is_pages(pages) && !unpaginated {
            return None;
        }
        (&s[..i], pages.trim_start_matches("pp.").trim_start_matches("p.").trim().to_string())
    };
    let b = before_pages.trim_end();
    if let Some((container_end, volume, issue)) = iso_numbers(b) {
        return Some((container_end, volume, issue, Some(pages)));
    }
    // issue in parentheses
    let (before_issue, mut issue) = if b.ends_with(')') {
        let open = b.rfind('(')?;
        (b[..open].trim_end(), Some(b[open + 1..b.len() - 1].trim().to_string()))
    } else {
        (b, None)
    };
    // volume: the last word, digits (or a range of numbers)
    let vstart = before_issue.rfind(' ').map_or(0, |i| i + 1);
    let mut vol = &before_issue[vstart..];
    // `33:3`: volume and issue joined by a colon.
    if let Some((v, n)) = vol.split_once(':').filter(|_| issue.is_none()) {
        if !v.is_empty()
            && v.bytes().all(|b| b.is_ascii_digit())
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            vol = v;
            issue = Some(n.to_string());
        }
    }
    let numeric = |v: &str| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '–' || c == '-' || c == '/');
    // `B39`, `A200`: a series letter before the volume number.
    let lettered = vol.len() >= 2
        && vol.as_bytes()[0].is_ascii_uppercase()
        && vol[1..].bytes().all(|b| b.is_ascii_digit())
        && !before_issue[..vstart].trim_end().is_empty();
    if !numeric(vol) && !lettered {
        return None;
    }
    let mut container_end = vstart;
    let head = before_issue[..vstart].trim_end();
    let (volume, issue) = if let Some(h) =
        head.strip_suffix(" Nos").or_else(|| head.strip_suffix(" No.")).or_else(|| head.strip_suffix(" no."))
    {
        container_end = h.len();
        (None, Some(vol.to_string()))
    } else {
        container_end = before_issue[..container_end].trim_end().trim_end_matches(',').len();
        (Some(vol.to_string()), issue)
    };
    if container_end == 0 {
        return None;
    }
    Some((container_end, volume, issue, Some(pages)))
}

/// Whether every `. ` in a run of names closes an initial (`Anderson, B. `, `P.-Y. `):
/// names, not a sentence break.
fn only_initial_periods(s: &str) -> bool {
    s.match_indices(". ").all(|(i, _)| {
        let word = s[..i].rsplit([' ', '-', '.']).next().unwrap_or("");
        (1..=2).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
    })
}

/// A chapter's `In:` marker: where it starts and ends, whether it is misprinted (`InL`),
/// and whether the editors' names have dotted initials or the marker is Elsevier's
/// lowercase `in:` (such chapters are read by the general path, which knows more
/// container forms).
struct InMarker {
    start: usize,
    end: usize,
    misprinted: bool,
    general: bool,
}

/// ISO 690 numbers before the pages: `Journal. 2004. Vol. 27, no. 2`, `Journal. 2005. Vol.
/// 8`, `Journal. 1999. No. 33–34`, the year repeated after the journal's name. Returns (end of
/// the journal's name, volume, issue).
fn iso_numbers(b: &str) -> Option<(usize, Option<String>, Option<String>)> {
    let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-–/".contains(c));
    let mut t = b;
    let mut issue = None;
    for marker in [", no. ", ", No. ", ". No. ", ". no. "] {
        if let Some(i) = t.rfind(marker).filter(|&i| number(&t[i + marker.len()..])) {
            issue = Some(t[i + marker.len()..].to_string());
            t = &t[..i + usize::from(marker.starts_with('.'))];
            break;
        }
    }
    let mut volume = None;
    for marker in ["Vol. ", "vol. "] {
        if let Some(i) = t.rfind(marker).filter(|&i| number(&t[i + marker.len()..])) {
            volume = Some(t[i + marker.len()..].to_string());
            t = &t[..i];
            break;
        }
    }
    if volume.is_none() && issue.is_none() {
        return None;
    }
    // The journal's name ends with a period; `. 2004.` repeats the year.
    let head = t.trim_end();
    let head = head.strip_suffix('.').or_else(|| head.strip_suffix(','))?.trim_end();
    let head = match head.rsplit_once(". ") {
        Some((name, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => head,
    };
    // `Journal. Online. 1999.`: the medium is not part of the name.
    let head = ["Online", "[online]", "[Online]"]
        .iter()
        .find_map(|m| head.strip_suffix(m)?.strip_suffix(". "))
        .unwrap_or(head);
    (!head.is_empty() && (volume.is_some() || t.trim_end().ends_with('.'))).then_some((head.len(), volume, issue))
}

/// Finds a chapter's `In:` marker at a sentence start (`in:` after a comma, as Elsevier
/// prints it).
fn find_in_marker(text: &str) -> Option<InMarker> {
    let mut from = 0;
    while let Some(rel) = text[from..].find(['I', 'i']) {
        let i = from + rel;
        from = i + 1;
        if !text[i + 1..].starts_with('n') {
            continue;
        }
        let before = &text[..i];
        let at_sentence_start = if text.as_bytes()[i] == b'I' {
            i == 0 || [". ", "? ", "! ", ", "].iter().any(|p| before.ends_with(p))
        } else {
            before.ends_with(", ") && text[i + 2..].starts_with(": ")
        };
        if !at_sentence_start {
            continue;
        }
        let after = &text[i + 2..];
        let (skip, misprint) = if after.starts_with(": ") {
            (2, false)
        } else if after.starts_with(' ') {
            (1, false)
        } else {
            let mut cs = after.chars();
            match (cs.next(), cs.next()) {
                (Some(c), Some(' ')) if !c.is_alphanumeric() || c.is_uppercase() => (c.len_utf8() + 1, true),
                _ => continue,
            }
        };
        let rest = &after[skip..];
        // An editor marker must follow soon, after names only.
        if let Some((m, _)) = find_editor_marker(rest) {
            if m < 200 && only_initial_periods(&rest[..m]) {
                let general = text.as_bytes()[i] == b'i' || rest[..m].contains(". ");
                return Some(InMarker { start: i, end: i + 2 + skip, misprinted: misprint, general });
            }
        }
    }
    None
}

/// `. In A. B. Name (Ed.), Book`: where `In` starts a sentence and is followed, before an
/// editor marker, by names with initials only (no sentence end between them).
fn initialled_editors_in(text: &str) -> Option<usize> {
    let i = text.find(". In ")? + 2;
    let rest = &text[i + 3..];
    let (m, _) = find_editor_marker(rest)?;
    (m < 200 && rest[..m].contains(". ") && sentence_breaks(&rest[..m], &[]).is_empty()).then_some(i)
}

/// Sentences that open a note closing an entry, not a field of it.
const NOTE_MARKERS: &[&str] = &[
    ". Also in ",
    ". Reprinted in ",
    ". Reprinted as ",
    ". Also published in ",
    ". Also published as ",
    ". Also available in ",
    ". Also available as ",
    ". To appear in ",
    ". To appear",
    ". Published as ",
    ". Published by the ",
    ". See also",
    ". Special Issue ",
    ". Special issue ",
    ". Retrieved ",
    ". ISBN",
    ", ISBN",
    " (ISBN",
    ". ISSN",
    ", ISSN",
];

/// Where a trailing note starts in `text` (the byte of the punctuation before it): the
/// earliest [`NOTE_MARKERS`] that is not followed by numbers of a journal
/// (`Special Issue 3(2), 1-20` is the journal's). One pass over the punctuation.
fn trailing_note(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (i, marker) = (1..bytes.len()).filter(|&i| matches!(bytes[i], b'.' | b',' | b' ')).find_map(|i| {
        let s = text.get(i..)?;
        NOTE_MARKERS.iter().find(|m| s.starts_with(**m)).map(|m| (i, *m))
    })?;
    if marker.starts_with(". Special") && text[i..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // `Retrieved March 14, 2012, from LexisNexis`: a retrieval clause without a url.
    if marker == ". Retrieved " && !text[i..].contains(" from") {
        return None;
    }
    Some(i)
}

/// Title and a tail: splits at the sentence break where `tail_start` begins, trimming.
fn title_before(part: &Part<'_>, end: usize) -> Option<String> {
    non_empty(&part.text[..end])
}

/// Parses the body into `work`.
pub(crate) fn parse_body(clean: &Clean, start: usize, work: &mut Work) -> BodyFindings {
    // `Title (Delhi: Ajanta Publications)`, `Book (Cambridge, Mass.: MIT Press, 1996)`: the
    // publishing tail in brackets is read apart, and the rest without it.
    if let Some((open, publisher, place)) = bracketed_publishing_tail(&clean.text[start..]) {
        let end = start + open;
        let cut = Clean {
            text: clean.text[..end].trim_end().to_string(),
            emphasis: clean.emphasis.iter().filter(|r| r.end <= end).cloned().collect(),
        };
        let findings = parse_body_inner(&cut, start, work);
        work.publisher = Some(publisher);
        work.place = Some(place);
        return findings;
    }
    parse_body_inner(clean, start, work)
}

/// A closing `(Place: Publisher[, Year])` or `(Known place, Publisher)`: (where the bracket
/// opens, publisher, place).
fn bracketed_publishing_tail(text: &str) -> Option<(usize, String, String)> {
    let t = text.trim_end().trim_end_matches('.').trim_end();
    let inner_end = t.strip_suffix(')')?.len();
    let open = t.rfind(" (")? + 1;
    let inner = &t[open + 1..inner_end];
    // `Paris: Alcan. (Reprinted Paris: ...)`: a bracket after a sentence is a note.
    if open < 2 || t[..open].trim_end().ends_with('.') || inner.contains(['(', ')']) || inner.contains("http") {
        return None;
    }
    // A year closing the bracket goes: the date was read from the head.
    let inner = match inner.rsplit_once(", ") {
        Some((head, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => inner,
    };
    let (place, publisher) = match inner.split_once(": ") {
        Some((place, publisher)) if plausible_place(place) && !place.contains(['.', ',']) || rest::is_place(place) => {
            (place, publisher)
        }
        Some(_) => return None,
        None => {
            let (place, publisher) = inner.split_once(", ")?;
            if !rest::is_place(place) || rest::is_place(publisher) || publisher.contains(", ") {
                return None;
            }
            (place, publisher)
        }
    };
    let publisher = trim_field(publisher);
    let words = publisher.split_whitespace().count();
    if words == 0 || words > 8 || !publisher.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some((open, publisher.to_string(), trim_field(place).to_string()))
}

fn parse_body_inner(clean: &Clean, start: usize, work: &mut Work) -> BodyFindings {
    let mut flags = Vec::new();
    let mut repairs = Vec::new();
    let mut unplaced = None;
    let whole = Part::new(clean, start..clean.text.len());
    let end = take_locators(whole.text, work, &mut repairs);
    let mut body = whole.sub(0..end);

    // A trailing note that is not part of the record: `Also in (Portes et al., 1999)`,
    // `Reprinted in ...`, `To appear in ...`, `Published as ...`, `ISBN ...`.
    if let Some(i) = trailing_note(body.text) {
        let note = trim_field(body.text[i..].trim_start_matches([',', '.', ' ', '(']));
        let note = note.strip_suffix(')').filter(|n| !n.contains('(')).unwrap_or(note);
        work.note.get_or_insert_with(|| note.to_string());
        let keep = if body.text[i..].starts_with([',', '.']) { i + 1 } else { i };
        body = body.sub(0..keep);
    }
    // A dissertation cited through its abstract in an index (`Dissertation Abstracts
    // International: Section B: ..., 61(4-B), 2193`): the index is not the work's container,
    // so its citation is kept as a note and the work is a thesis.
    if let Some(i) = ABSTRACT_INDEXES.iter().filter_map(|m| body.text.find(m)).min() {
        if i > 0 && body.text[..i].trim_end().ends_with(['.', '?', '!', ',']) {
            work.note.get_or_insert_with(|| trim_field(&body.text[i..]).to_string());
            work.kind = WorkType::Thesis;
            work.title = non_empty(&body.text[..i]);
            return BodyFindings { flags, repairs, unplaced };
        }
    }
    // A trailing parenthesised note, such as a translation.
    let trimmed = body.text.trim_end().trim_end_matches('.').trim_end();
    if trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind(". (").map(|i| i + 2) {
            let inner = &trimmed[open + 1..trimmed.len() - 1];
            work.note = non_empty(inner);
            body = body.sub(0..open);
        }
    }

    // Misprints inside words: a `?` standing for a lost character.
    let bytes = body.text.as_bytes();
    for (i, _) in body.text.match_indices('?') {
        let before = body.text[..i].chars().next_back();
        let after = body.text[i + 1..].chars().next();
        if before.is_some_and(char::is_alphabetic)
            && after.is_some_and(char::is_alphabetic)
            && bytes.get(i + 1) != Some(&b' ')
        {
            let word_start = body.text[..i].rfind(' ').map_or(0, |p| p + 1);
            let word_end = body.text[i..].find(' ').map_or(body.text.len(), |p| i + p);
            flags.push(Flag::new(
                "misprint",
                format!(
                    "`?` inside the word `{}`: a character was probably lost in conversion",
                    &body.text[word_start..word_end]
                ),
            ));
        }
    }

    // No title, straight into the container: `2002, in 'Merging Processes ...', eds. ...`.
    if body.text.starts_with("in ") || body.text.starts_with("In ") {
        unplaced = rest::parse_rest(body.text, work);
        return BodyFindings { flags, repairs, unplaced };
    }

    // A quoted title: the rest is read by the general path.
    if let Some((title, rest_start)) = rest::quoted_title(body.text) {
        work.title = Some(title);
        unplaced = rest::parse_rest(&body.text[rest_start..], work);
        return BodyFindings { flags, repairs, unplaced };
    }

    // A body that is only `Journal, volume, pages` (astronomy and physics styles).
    if let Some(()) = rest::journal_only(body.text, work) {
        return BodyFindings { flags, repairs, unplaced };
    }

    // Chapter in an edited book.
    if let Some(InMarker { start: m_start, end: m_end, misprinted, general }) = find_in_marker(body.text) {
        if general {
            work.kind = WorkType::Chapter;
            work.title = title_before(&body, m_start);
            unplaced = rest::parse_rest(&body.text[m_start..], work);
            return BodyFindings { flags, repairs, unplaced };
        }
        if misprinted {
            flags.push(Flag::new("misprint", format!("`{}` printed for `In:`", body.text[m_start..m_end].trim())));
        }
        work.kind = WorkType::Chapter;
        work.title = title_before(&body, m_start);
        let rest = body.sub(m_end..body.text.len());
        // `In Book, eds. Names, pages` or `In Book, Names (eds.)`: the book before the editors.
        if let Some(split) = rest::editors_in(rest.text).filter(|s| s.book.is_some()) {
            work.editors = split.editors;
            let joined = rest::join_book(split.book.unwrap_or_default(), split.rest);
            rest::container_tail(&joined, work);
            return BodyFindings { flags, repairs, unplaced };
        }
        if let Some((ms, me)) = find_editor_marker(rest.text) {
            let names = parse_names(&rest.text[..ms]);
            let marker = &rest.text[ms..me];
            match marker_is_singular(marker) {
                Some(true) if names.len() > 1 => {
                    flags.push(Flag::new("misprint", format!("`{marker}` given for {} editors", names.len())))
                }
                Some(false) if names.len() == 1 => {
                    flags.push(Flag::new("misprint", format!("`{marker}` given for a single editor")))
                }
                _ => {}
            }
            work.editors = names;
            let skip = rest.text[me..].len() - rest.text[me..].trim_start_matches([',', '.', ' ', ':']).len();
            let book = rest.sub(me + skip..rest.text.len());
            parse_container_and_publisher(&book, work, &mut unplaced);
        }
        return BodyFindings { flags, repairs, unplaced };
    }

    // `Title? Subtitle. In A. B. Name (Ed.), Book`: the title runs to the `In` before editors
    // with initials, whatever sentence ends it holds; the rest is read by the general path.
    if let Some(i) = initialled_editors_in(body.text) {
        work.title = non_empty(&body.text[..i]);
        unplaced = rest::parse_rest(&body.text[i..], work);
        return BodyFindings { flags, repairs, unplaced };
    }

    // `Title, in Editors (eds.), Book ...` or `Title. In Proceedings ...`: the general path.
    if let Some((title_end, rest_start)) = rest::title_end(body.text) {
        let after = body.text[rest_start..].trim_start();
        if ["in ", "In ", "In: ", "In : ", "en ", "dans "].iter().any(|m| after.starts_with(m)) {
            work.title = non_empty(&body.text[..title_end]);
            unplaced = rest::parse_rest(after, work);
            return BodyFindings { flags, repairs, unplaced };
        }
    }

    // Journal article: the tail is `Container VOL(ISSUE): PAGES`.
    if let Some((container_end, volume, issue, pages)) = parse_journal_tail(body.text) {
        // `International Migration Review. 38(3)`: a break just before the numbers does not start the name.
        let breaks: Vec<usize> = body
            .breaks()
            .into_iter()
            .filter(|&b| b <= container_end && !body.text[b..container_end].trim().is_empty())
            .collect();
        // An abbreviated journal (`Int. Migr. Rev.`, `J. Ethn. Migr. Stud.`): its dotted words are not
        // sentence ends, so the container reaches back over them.
        let mut start_index = breaks.len().checked_sub(1);
        let abbreviated_name = start_index.is_some_and(|i| {
            let name = body.text[breaks[i]..container_end].trim();
            name.ends_with('.') && name.split_whitespace().all(|w| w.chars().count() <= 7)
        });
        while let Some(i) = start_index.filter(|&i| i > 0 && abbreviated_name) {
            let word_start = body.text[..breaks[i] - 2].rfind(' ').map_or(0, |w| w + 1);
            let word = &body.text[word_start..breaks[i] - 2];
            let abbreviated = word.chars().count() <= 6
                && word.chars().next().is_some_and(char::is_uppercase)
                && word_start + 1 >= breaks[i - 1];
            if abbreviated {
                start_index = Some(i - 1);
            } else {
                break;
            }
        }
        if let Some(&container_start) = start_index.map(|i| &breaks[i]) {
            work.kind = WorkType::ArticleJournal;
            let container = &body.text[container_start..container_end];
            let emphasised: usize = body
                .emphasis
                .iter()
                .filter(|r| r.start >= container_start && r.end <= container_end)
                .map(|r| r.len())
                .sum();
            if emphasised > 0 && emphasised < container.trim().len() {
                repairs.push(Flag::new(
                    "partial-emphasis",
                    format!("emphasis covers only part of the journal name `{}`", container.trim()),
                ));
            }
            // `American Journal of Sociology, Vol. 98, No. 6, 1320-1350`: the volume was named before the issue.
            let mut container = container.trim();
            let mut volume = volume;
            for marker in [", Vol. ", ", vol. ", " Vol. ", " vol. "] {
                if let Some(i) = container.rfind(marker) {
                    let v = container[i + marker.len()..].trim();
                    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) && volume.is_none() {
                        volume = Some(v.to_string());
                        container = container[..i].trim_end();
                        break;
                    }
                }
            }
            // `Journal, Special Issue: Topic`, `Ethnic and Racial Studies Special Issue`, `Special Issue, Journal`:
            // the special issue is not part of the journal's name.
            if let Some(i) = container.find(", Special Issue").or_else(|| container.find(" Special Issue")) {
                if i > 0 {
                    container = container[..i].trim_end();
                }
            }
            if let Some(rest) = container.strip_prefix("Special Issue, ") {
                container = rest.trim_start();
            }
            // `(M. Cooper & W. B. Stiles, Eds.) Journal`: the issue's editors before the journal.
            if let Some(inner) = container.strip_prefix('(').and_then(|c| c.split_once(") ")) {
                if let Some((names, marker)) = split_editor_marker(inner.0)
                    .or_else(|| inner.0.strip_suffix(", Eds.").map(|n| (n, "Eds.")))
                    .or_else(|| inner.0.strip_suffix(", Ed.").map(|n| (n, "Ed.")))
                {
                    if work.editors.is_empty() && !marker.is_empty() {
                        work.editors = parse_names(names);
                    }
                    container = inner.1.trim_start();
                }
            }
            work.container_title = non_empty(container);
            work.title = title_before(&body, container_start);
            work.volume = volume;
            work.issue = issue;
            work.pages = pages;
            return BodyFindings { flags, repairs, unplaced };
        }
    }

    // Report or working paper.
    if let Some(found) = parse_report(&body, work) {
        if !found {
            unplaced = Some(body.text.to_string());
        }
        return BodyFindings { flags, repairs, unplaced };
    }

    // Book (or anything with a title and a `Place: Publisher` tail).
    let breaks = body.breaks();
    // `The Guardian: Review, p. 4` under a date with a month: a newspaper's section and page.
    let newspaper_page = |tail: &str| {
        work.year.as_ref().is_some_and(|y| y.month.is_some())
            && tail.rsplit_once(", ").is_some_and(|(_, p)| p.starts_with("p. ") || p.starts_with("pp. "))
    };
    if let Some(&last) = breaks.last().filter(|&&l| !newspaper_page(&body.text[l..])) {
        if let Some((place, publisher, pages)) = parse_publisher_tail(&body.text[last..]) {
            work.kind = WorkType::Book;
            work.title = title_before(&body, last);
            work.place = place;
            work.publisher = Some(publisher);
            work.pages = pages;
            // `Title. Proceedings of X (pp. 24-30). Place: Publisher`: a venue between the
            // title and the publisher.
            if let Some(&first) = breaks.first().filter(|&&f| f < last) {
                let middle = &body.text[first..last];
                if ["Proceedings", "Proc. ", "Pre-Proceedings"].iter().any(|v| middle.starts_with(v)) {
                    work.kind = WorkType::PaperConference;
                    work.title = title_before(&body, first);
                    let (publisher, place) = (work.publisher.take(), work.place.take());
                    rest::parse_rest(middle, work);
                    work.publisher = publisher;
                    work.place = place;
                } else if let Some(split) = rest::editors_in(middle.trim_end()).filter(|s| !s.loose) {
                    // `Title. Book, Vol. 1, A. Name and B. Name (Eds.). Place: Publisher, pp. x–y`:
                    // a chapter with no `In`.
                    let book = split.book.unwrap_or(split.rest);
                    if !book.trim().is_empty() {
                        work.kind = WorkType::Chapter;
                        work.title = title_before(&body, first);
                        work.editors = split.editors;
                        let (publisher, place, pages) = (work.publisher.take(), work.place.take(), work.pages.take());
                        rest::container_tail(book, work);
                        work.publisher = publisher;
                        work.place = place;
                        work.pages = pages.or(work.pages.take());
                    }
                } else if middle.contains("(pp. ") || middle.contains("(p. ") {
                    // `Title. Encyclopedia americana. (p. 600). New York: Publisher`,
                    // `Title. Book (Vol. 1), (pp. 107-115). Place: Publisher`: the book a
                    // chapter is in, with its pages.
                    work.kind = WorkType::Chapter;
                    work.title = title_before(&body, first);
                    rest::container_tail(middle, work);
                }
            }
            return BodyFindings { flags, repairs, unplaced };
        }
        // `Title. *Journal or site*.` with nothing else: an online journal.
        let tail = trim_field(&body.text[last..]);
        let tail_emphasised = body.emphasis.iter().any(|r| r.start <= last && r.end >= last + tail.len());
        if tail_emphasised && !tail.is_empty() {
            work.kind = WorkType::ArticleJournal;
            work.title = title_before(&body, last);
            work.container_title = Some(tail.to_string());
            return BodyFindings { flags, repairs, unplaced };
        }
    }
    // The general path: the first sentence is the title, the rest is read for its parts.
    if let Some((title_end, rest_start)) = rest::title_end(body.text) {
        work.title = non_empty(&body.text[..title_end]);
        unplaced = rest::parse_rest(&body.text[rest_start..], work);
        return BodyFindings { flags, repairs, unplaced };
    }
    // `Title, Journal, 84, No. 1, 119-127`, `Title, MIT Press`: commas instead of periods.
    if let Some((title_end, rest_start)) = rest::comma_title(body.text) {
        work.title = non_empty(&body.text[..title_end]);
        unplaced = rest::parse_rest(&body.text[rest_start..], work);
        return BodyFindings { flags, repairs, unplaced };
    }
    work.kind = if work.url.is_some() { WorkType::Webpage } else { WorkType::Book };
    work.title = non_empty(body.text);
    BodyFindings { flags, repairs, unplaced }
}

/// For a chapter: `Book title. Place: Publisher, pages.`
fn parse_container_and_publisher(book: &Part<'_>, work: &mut Work, unplaced: &mut Option<String>) {
    // APA 7: `Book (pp. 65–76). Publisher.`, no place.
    if let Some(open) = book.text.find(" (pp. ").or_else(|| book.text.find(" (p. ")) {
        let inner = &book.text[open + 2..];
        if let Some(close) = inner.find(')') {
            let pages = inner[..close].split_once(' ').map_or("", |(_, p)| p);
            let tail = trim_field(inner[close + 1..].trim_start_matches(['.', ',', ' ']));
            if super::text::is_pages(pages) && !tail.contains(": ") {
                work.container_title = non_empty(&book.text[..open]);
                work.pages = Some(pages.to_string());
                if !tail.is_empty() {
                    rest::publishing_tail_of(tail, work);
                }
                return;
            }
        }
    }
    let breaks = book.breaks();
    if let Some(&last) = breaks.last() {
        if let Some((place, publisher, pages)) = parse_publisher_tail(&book.text[last..]) {
            work.container_title = non_empty(&book.text[..last]);
            work.place = place;
            work.publisher = Some(publisher);
            work.pages = pages;
            return;
        }
    }
    // Springer and Elsevier: `Book title. Publisher, Place, pp 58–74`.
    if let Some(&last) = breaks.last() {
        let (tail, pages) = split_trailing_pages(trim_field(&book.text[last..]));
        if !tail.contains(": ") && tail.contains(", ") {
            if let (Some(publisher), Some(place)) = rest::publisher_and_place(tail) {
                work.container_title = non_empty(&book.text[..last]);
                work.publisher = Some(publisher);
                work.place = Some(place);
                work.pages = pages;
                return;
            }
        }
    }
    // `Book title. Place: Publisher. 47-73`: the book title is the first sentence, the rest
    // a publishing tail.
    if let Some(&first) = breaks.first() {
        let tail = &book.text[first..];
        if tail.contains(": ") {
            work.container_title = non_empty(&book.text[..first]);
            rest::publishing_tail_of(tail, work);
            return;
        }
    }
    // No `Place: Publisher`: `Book title, pages 391-502, Chicago, IL. Publisher`, `Book title,
    // pages.`
    rest::container_tail(book.text, work);
    if work.container_title.is_none() {
        *unplaced = non_empty(book.text);
    }
}

const SERIES_WORDS: &[&str] = &[
    "working paper",
    "research paper",
    "discussion paper",
    "policy paper",
    "occasional paper",
    "technical report",
    "policy brief",
    "working papers",
];

/// A report: `Title. Series Name Paper, No. 3. Publisher.` or `Title. Working paper, Publisher.`
/// Returns `Some(true)` when parsed, `None` when the body is not a report.
fn parse_report(body: &Part<'_>, work: &mut Work) -> Option<bool> {
    let lower = body.text.to_lowercase();
    let (kw_start, kw_len) = SERIES_WORDS.iter().filter_map(|w| lower.find(w).map(|i| (i, w.len()))).min()?;
    // `PhD thesis, ... Published as ... Technical Report`: a thesis first is a thesis.
    if rest::find_thesis_word(&lower).is_some_and(|(t, _)| t < kw_start) {
        return None;
    }
    let breaks = body.breaks();
    let sentence_start = breaks.iter().copied().rfind(|&b| b <= kw_start)?;
    let sentence_end = breaks.iter().copied().find(|&b| b > kw_start).unwrap_or(body.text.len());
    work.kind = WorkType::Report;
    work.title = title_before(body, sentence_start);
    let series_end = kw_start + kw_len;
    let sentence = &body.text[series_end..sentence_end];
    let series = body.text[sentence_start..series_end].trim();
    let mut rest_in_sentence = sentence.trim_start_matches([',', ' ']);
    if sentence_start == kw_start {
        work.genre = Some(series.to_string());
    } else {
        work.collection_title = Some(series.to_string());
    }
    // A number: `No. 3`, `2009/39`, `#12`.
    let num_text =
        rest_in_sentence.trim_start_matches("No.").trim_start_matches("no.").trim_start_matches('#').trim_start();
    let num_len = num_text.find([' ', ',']).unwrap_or(num_text.len());
    let candidate = trim_field(&num_text[..num_len]);
    if !candidate.is_empty()
        && candidate.chars().any(|c| c.is_ascii_digit())
        && candidate.chars().all(|c| c.is_ascii_alphanumeric() || "/-.–".contains(c))
    {
        work.number = Some(candidate.to_string());
        rest_in_sentence = num_text[num_len..].trim_start_matches([',', ' ']);
    }
    let mut publisher_text = String::new();
    if !trim_field(rest_in_sentence).is_empty() {
        publisher_text.push_str(trim_field(rest_in_sentence));
    }
    let after = trim_field(&body.text[sentence_end.min(body.text.len())..]);
    if !after.is_empty() {
        if !publisher_text.is_empty() {
            publisher_text.push_str(". ");
        }
        publisher_text.push_str(after);
    }
    if !publisher_text.is_empty() {
        match parse_publisher_tail(&publisher_text) {
            Some((place, publisher, _)) => {
                work.place = place;
                work.publisher = Some(publisher);
            }
            None => {
                let (publisher, place) = rest::publisher_and_place(&publisher_text);
                work.publisher = publisher;
                work.place = place;
            }
        }
    }
    Some(true)
}
