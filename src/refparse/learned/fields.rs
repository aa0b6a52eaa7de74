//! From labelled tokens to a work: each label's first run of tokens becomes its field,
//! cleaned of the punctuation and words that only mark it (`pp.`, `In:`, `(Eds.)`,
//! `doi:`, `Retrieved from`), then normalised as the rule parser normalises: names by its
//! name reader, dates by [`Year`]'s reader, titles by its title tidying.

use super::model::Label;
use crate::model::{Flag, Name, Work, WorkType, Year};
use crate::refparse::head;
use std::ops::Range;

/// The runs of equal labels: (label, byte range from the first token's start to the last
/// token's end).
pub(crate) fn runs(tokens: &[Range<usize>], labels: &[Label]) -> Vec<(Label, Range<usize>)> {
    let mut out: Vec<(Label, Range<usize>)> = Vec::new();
    for (t, l) in tokens.iter().zip(labels) {
        match out.last_mut() {
            Some((last, r)) if last == l => r.end = t.end,
            _ => out.push((*l, t.clone())),
        }
    }
    out
}

/// How far past the end of a title the closing quotation mark of a quoted title is looked
/// for, in tokens.
const QUOTE_REACH: usize = 8;

/// The quotation marks a title may open with, and the marks that close each.
const QUOTES: &[(char, &[char])] =
    &[('“', &['”']), ('«', &['»']), ('„', &['“', '”']), ('「', &['」']), ('『', &['』'])];

/// A quoted title runs to its closing mark: when the first title the model labels opens a
/// quotation that it does not close, and the closing mark comes within [`QUOTE_REACH`]
/// tokens after it, the tokens up to that mark are relabelled title (`“Newspapers
/// Online” November 1992`, where the model put `Online”` in another field). `None` when
/// nothing changes.
///
/// Complexity: linear in the number of tokens.
pub(crate) fn close_quoted_title(text: &str, tokens: &[Range<usize>], labels: &[Label]) -> Option<Vec<Label>> {
    let start = labels.iter().position(|l| *l == Label::Title)?;
    let end = start + labels[start..].iter().take_while(|l| **l == Label::Title).count();
    let first = &text[tokens[start].clone()];
    let (_, closers) = QUOTES.iter().find(|(open, _)| first.starts_with(*open))?;
    let title = &text[tokens[start].start..tokens[end - 1].end];
    if title[first.chars().next().map_or(0, char::len_utf8)..].contains(*closers) {
        return None;
    }
    let close = (end..tokens.len().min(end + QUOTE_REACH)).find(|&i| text[tokens[i].clone()].contains(*closers))?;
    let mut out = labels.to_vec();
    out[end..=close].iter_mut().for_each(|l| *l = Label::Title);
    Some(out)
}

const OUTER: &[char] = &[
    ',', ';', ':', '.', ' ', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '«', '»', '„', '，', '。', '：', '；', '（',
    '）', '【', '】', '《', '》', '「', '」', '『', '』', '/', '*', '_', '•', '·', '-', '–', '—',
];

/// `s` without the punctuation around it; a closing bracket or period that belongs to the
/// text (`(Eds.)` is handled by the callers; `U.S.A.` keeps its last period) stays.
fn trim(s: &str) -> &str {
    let t = s.trim_start_matches(OUTER);
    let mut end = t.trim_end_matches(OUTER);
    // Keep a period after a one-letter word or an abbreviation with inner periods.
    if t.len() > end.len() && t[end.len()..].starts_with('.') {
        let last = end.rsplit([' ', '.']).next().unwrap_or("");
        if end.contains('.') && last.chars().count() == 1 {
            end = &t[..end.len() + 1];
        }
    }
    // Keep a closing bracket that has its opening one.
    let rest = &t[end.len()..];
    for (open, close) in [('(', ')'), ('[', ']')] {
        if rest.starts_with(close) && end.matches(open).count() > end.matches(close).count() {
            end = &t[..end.len() + close.len_utf8()];
        }
    }
    end
}

/// Names without the punctuation around them; the period of a final initial stays
/// (`Jessup, P.`).
fn trim_names(s: &str) -> &str {
    let t = trim(s);
    let rest = &s[s.find(t).map_or(s.len(), |i| i + t.len())..];
    let last = t.rsplit([' ', ',', '.']).next().unwrap_or("");
    if !t.is_empty() && rest.starts_with('.') && last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        &s[s.find(t).unwrap_or(0)..s.find(t).unwrap_or(0) + t.len() + 1]
    } else {
        t
    }
}

/// Removes a leading word (case-insensitive) from `s`, and what follows it up to a space.
fn strip_lead<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let lower = s.to_ascii_lowercase();
    for w in words {
        if lower.starts_with(w) && lower.len() >= w.len() && s.is_char_boundary(w.len()) {
            let rest = &s[w.len()..];
            if rest.is_empty() || rest.starts_with([' ', ':', '.', ',']) {
                return rest.trim_start_matches([' ', ':', '.', ',']);
            }
        }
    }
    s
}

/// The editors' names without their markers: `In: J. Smith (Ed.)`, `edited by J. Smith`,
/// `J. Smith, eds.`
fn editor_names(s: &str) -> Vec<Name> {
    let s =
        strip_lead(s.trim(), &["in", "edited by", "ed. by", "eds. by", "hrsg. von", "herausgegeben von", "dans", "en"]);
    let mut t = s.to_string();
    for marker in [
        "(eds.)",
        "(ed.)",
        "(eds)",
        "(ed)",
        "(hrsg.)",
        "(hg.)",
        "(dir.)",
        "(éd.)",
        "(éds.)",
        "(coord.)",
        "(red.)",
        ", eds.",
        ", ed.",
        " eds.",
        " ed.",
        " eds",
        " ed",
        ", editors",
        ", editor",
        " (editors)",
        " (editor)",
    ] {
        let lower = t.to_ascii_lowercase();
        if let Some(i) = lower.rfind(marker) {
            if lower[i + marker.len()..].trim_matches(OUTER).is_empty() {
                t.truncate(i);
            }
        }
    }
    head::parse_names(trim_names(&t))
}

fn year_of(s: &str) -> Option<Year> {
    let t = trim(s);
    if let Ok(y) = t.parse::<Year>() {
        return Some(y);
    }
    // The first year-like number, with its letter: `(2005a)`, `May 2001`, `2001年`.
    let b = t.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if boundary && b[i..i + 4].iter().all(u8::is_ascii_digit) && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit()) {
            let y: i32 = t[i..i + 4].parse().ok()?;
            if (1400..=2100).contains(&y) {
                let suffix = t[i + 4..].chars().next().filter(|c| c.is_ascii_lowercase());
                let next_is_letter = t[i + 4..].chars().nth(1).is_some_and(char::is_alphabetic);
                return Some(match suffix {
                    Some(c) if !next_is_letter => Year::with_suffix(y, c),
                    _ => Year::new(y),
                });
            }
        }
    }
    let lower = t.to_ascii_lowercase();
    ["n.d", "in press", "forthcoming", "o.j", "s.d"].iter().find(|w| lower.contains(*w)).and_then(|w| {
        let w = if w.starts_with('n') || w.starts_with('o') || w.starts_with('s') { "n.d." } else { w };
        w.parse().ok()
    })
}

/// Volume and issue from `25(3)`, `Vol. 25, No. 3`, `25, no. 3`, `Bd. 4`, `25:`.
fn volume_issue(s: &str) -> (Option<String>, Option<String>) {
    let t = strip_lead(trim(s), &["vol.", "vol", "volume", "bd.", "jg.", "t.", "tome", "band"]);
    let t = trim(t);
    let lower = t.to_ascii_lowercase();
    let (vol, issue) = if let Some(open) = t.find('(') {
        (t[..open].to_string(), Some(t[open + 1..].trim_end_matches([')', '.', ',', ':']).to_string()))
    } else if let Some((v, i)) = ["no.", "nr.", "issue", "heft", "h.", "n°", "nº", "n."]
        .iter()
        .find_map(|m| lower.find(m).map(|at| (&t[..at], &t[at + m.len()..])))
    {
        (v.to_string(), Some(i.to_string()))
    } else {
        (t.to_string(), None)
    };
    let clean = |x: &str| {
        let x = trim(x);
        (!x.is_empty()).then(|| x.to_string())
    };
    (clean(&vol), issue.as_deref().and_then(clean))
}

/// A container without the words that lead into it: `In:`, `In`, an editors' marker left
/// over from the names before it (`editors,`, `(Eds.),`).
fn container_lead(s: &str) -> &str {
    let mut t = trim(s);
    loop {
        let next = trim(strip_lead(
            t,
            &[
                "in:", "in", "editors", "editor", "eds.)", "eds)", "eds.", "eds", "ed.)", "ed.", "hrsg.)", "hrsg.",
                "dans", "en", "im",
            ],
        ));
        if next.len() == t.len() {
            return t;
        }
        t = next;
    }
}

fn pages_of(s: &str) -> Option<String> {
    let t = strip_lead(trim(s), &["pp.", "pp", "p.", "p", "pages", "page", "s.", "S.", "pág.", "str."]);
    let t = trim(t);
    (!t.is_empty()).then(|| t.to_string())
}

fn doi_of(s: &str) -> Option<String> {
    let t = s.trim();
    let i = t.find("10.")?;
    let d = t[i..].trim_end_matches(['.', ',', ';', ')', ']', '>']);
    (!d.is_empty()).then(|| d.to_string())
}

fn url_of(s: &str) -> Option<String> {
    let start = s.find("http").or_else(|| s.find("www."))?;
    let u = s[start..].split_whitespace().next()?.trim_end_matches(['.', ',', ';', ')', ']', '>']);
    Some(u.to_string())
}

fn text_of(s: &str) -> Option<String> {
    let t = trim(s);
    (!t.is_empty()).then(|| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The work the labelled tokens of `text` describe.
pub(crate) fn work_from_labels(text: &str, tokens: &[Range<usize>], labels: &[Label]) -> Work {
    let closed = close_quoted_title(text, tokens, labels);
    let labels = closed.as_deref().unwrap_or(labels);
    let mut work = Work::default();
    let mut seen = [false; Label::COUNT];
    let mut notes: Vec<String> = Vec::new();
    for (label, range) in runs(tokens, labels) {
        let s = &text[range];
        let first = !seen[label.index()];
        seen[label.index()] = true;
        match label {
            Label::Author if first => work.authors = head::parse_names(trim_names(s)),
            Label::Editor if first => work.editors = editor_names(s),
            Label::Date if first => work.year = year_of(s),
            Label::Title if first => {
                work.title = text_of(s);
            }
            Label::Container if first => work.container_title = text_of(container_lead(s)),
            Label::Collection if first => work.collection_title = text_of(s),
            Label::Volume if first => (work.volume, work.issue) = volume_issue(s),
            Label::Pages if first => work.pages = pages_of(s),
            Label::Edition if first => work.edition = text_of(s),
            Label::Genre if first => work.genre = text_of(s),
            Label::Publisher if first => work.publisher = text_of(s),
            Label::Location if first => work.place = text_of(s),
            Label::Doi if first => work.doi = doi_of(s),
            Label::Url if first => work.url = url_of(s),
            // A date that is not the first (an access date) is a note.
            Label::Note | Label::Date => notes.extend(text_of(s)),
            Label::Contributor | Label::Number => {}
            // A second run of a field: the first stays, the second is kept as a note.
            _ => notes.extend(text_of(s)),
        }
    }
    if !notes.is_empty() {
        work.note = Some(notes.join("; "));
    }
    work.kind = if work
        .genre
        .as_deref()
        .is_some_and(|g| g.to_lowercase().contains("thesis") || g.to_lowercase().contains("diss"))
    {
        WorkType::Thesis
    } else if work.container_title.is_some() && !work.editors.is_empty() {
        WorkType::Chapter
    } else if work.container_title.is_some() && (work.volume.is_some() || work.publisher.is_none()) {
        WorkType::ArticleJournal
    } else if work.container_title.is_some() {
        WorkType::Chapter
    } else if work.url.is_some() && work.publisher.is_none() {
        WorkType::Webpage
    } else {
        WorkType::Book
    };
    if work.title.is_some() {
        crate::refparse::rest::tidy_title(&mut work);
    } else {
        work.flags.push(Flag::new("no-title", "no title found"));
    }
    work
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_title_runs_to_its_closing_mark() {
        use Label::*;
        let text = "Rabkin, Eric. “Papers Online” May 1992.";
        let tokens = crate::refparse::learned::tokens::tokenize(text);
        assert_eq!(tokens.len(), 6);
        let labels = [Author, Author, Title, Genre, Date, Date];
        let closed = close_quoted_title(text, &tokens, &labels).expect("the quote is closed by `Online”`");
        assert_eq!(closed, [Author, Author, Title, Title, Date, Date]);
        assert_eq!(work_from_labels(text, &tokens, &labels).title.as_deref(), Some("Papers Online"));
        // A title that closes its quote, or opens none, is left alone.
        assert_eq!(close_quoted_title(text, &tokens, &[Author, Author, Title, Title, Date, Date]), None);
        let plain = "Rabkin, Eric. Papers Online May 1992.";
        let tokens = crate::refparse::learned::tokens::tokenize(plain);
        assert_eq!(close_quoted_title(plain, &tokens, &labels), None);
    }

    #[test]
    fn markers_are_removed_from_fields() {
        assert_eq!(trim("(2013)."), "2013");
        assert_eq!(trim("“A title,”"), "A title");
        assert_eq!(trim("New York, N.Y."), "New York, N.Y.");
        assert_eq!(trim("Dev. (Basel)."), "Dev. (Basel)");
        assert_eq!(volume_issue("25(3):"), (Some("25".into()), Some("3".into())));
        assert_eq!(volume_issue("Vol. 25, No. 3,"), (Some("25".into()), Some("3".into())));
        assert_eq!(volume_issue("431,"), (Some("431".into()), None));
        assert_eq!(pages_of("pp. 229–238."), Some("229–238".into()));
        assert_eq!(doi_of("DOI : 10.1000/xyz123."), Some("10.1000/xyz123".into()));
        assert_eq!(url_of("Retrieved from https://example.org/a."), Some("https://example.org/a".into()));
        assert_eq!(year_of("(2001a)."), Some(Year::with_suffix(2001, 'a')));
        assert_eq!(year_of("2001年"), Some(Year::new(2001)));
        assert_eq!(year_of("(n.d.)").and_then(|y| y.status), Some("n.d.".into()));
        assert_eq!(container_lead("editors, Advances in Things 7."), "Advances in Things 7");
        assert_eq!(container_lead("In: Encyclopedia of Words,"), "Encyclopedia of Words");
        assert_eq!(container_lead("Information Systems"), "Information Systems");
        let eds = editor_names("In J. Smith & K. Jones (Eds.),");
        assert_eq!(eds.len(), 2, "{eds:?}");
    }
}
