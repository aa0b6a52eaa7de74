//! The general path for the body of a reference in any author-date style: a quoted title
//! or the first sentence as the title, then what follows it: a chapter or proceedings
//! (`In ...`), a thesis, a journal, a series, `Place: Publisher` or `Publisher, Place`.

use super::head::{find_editor_marker, parse_names};
use super::journal::{jahrgang, journal};
use super::places::{self, has_org_word, is_org_acronym, is_region_or_abbreviation as is_region};
use super::text::{is_pages, non_empty, sentence_breaks, trim_field, MONTH_WORDS};
use crate::model::{Name, Work, WorkType};

const OPEN_QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"'), ('‘', '’'), ('«', '»'), ('„', '“'), ('\'', '\'')];

/// A title in quotation marks at the start of `s`: (title, byte offset after it).
pub(crate) fn quoted_title(s: &str) -> Option<(String, usize)> {
    let first = s.chars().next()?;
    let &(_, close) = OPEN_QUOTES.iter().find(|(o, _)| *o == first)?;
    let inner_start = first.len_utf8();
    // The closing quote followed by punctuation, a space or the end.
    let mut search = inner_start;
    while let Some(rel) = s[search..].find(close) {
        let at = search + rel;
        let after = &s[at + close.len_utf8()..];
        if after.is_empty() || after.starts_with([' ', ',', '.', ';', ':', ')']) {
            let title = s[inner_start..at].trim().trim_end_matches([',', '.']).trim();
            if title.is_empty() {
                return None;
            }
            let rest = at + close.len_utf8();
            let skip = s[rest..].len() - s[rest..].trim_start_matches([',', '.', ' ', ';', ':']).len();
            return Some((title.to_string(), rest + skip));
        }
        search = at + close.len_utf8();
    }
    None
}

/// Where the title ends when it is not quoted: the first sentence end, or `, in ` /
/// ` In ` introducing a container, whichever comes first.
pub(crate) fn title_end(s: &str) -> Option<(usize, usize)> {
    let breaks = sentence_breaks(s, &[]);
    let sentence = breaks.first().map(|&b| (b - 2, b));
    let comma_in = [", in ", ", In ", " In: ", ", en ", ", dans ", ", em "]
        .iter()
        .filter_map(|m| s.find(m).map(|i| (i, i + m.len() - 3)))
        .min();
    let bracket = s.find(" (").filter(|&i| {
        let inner = &s[i + 2..];
        let lower = inner.to_lowercase();
        ["policy brief", "report", "working paper", "technical report", "vol", "no.", "ed.", "rev.", "2nd", "3rd"]
            .iter()
            .any(|w| lower.starts_with(w))
            || inner.chars().next().is_some_and(|c| c.is_ascii_digit())
    });
    let bracket = bracket.map(|i| (i, i + 1));
    // `Title, New York: Publisher` or `Title, Paris, Seuil`: a closing place-and-publisher
    // clause after a comma.
    let place_clause = s.rmatch_indices(", ").map(|(i, _)| i).find(|&i| {
        let tail = s[i + 2..].trim_end_matches('.');
        match tail.split_once(": ") {
            Some((place, publisher)) => {
                place.split_whitespace().count() <= 3 && !publisher.contains(": ") && is_known_place(place)
            }
            None => tail
                .split_once(", ")
                .is_some_and(|(place, publisher)| is_known_place(place) && publisher.split_whitespace().count() <= 4),
        }
    });
    let place_clause = place_clause.map(|i| (i, i + 1));
    [sentence, comma_in, bracket, place_clause].into_iter().flatten().min()
}

pub(crate) const THESIS_WORDS: &[&str] = &[
    "phd thesis",
    "ph.d. thesis",
    "ph. d. thesis",
    "phd dissertation",
    "phd diss.",
    "ph.d. diss.",
    "ph.d. dissertation",
    "doctoral dissertation",
    "doctoral thesis",
    "master's thesis",
    "masters thesis",
    "ma thesis",
    "msc thesis",
    "m.a. thesis",
    "dissertation",
    "thèse de doctorat",
    "thèse",
    "tesis doctoral",
    "tese de doutorado",
    "dissertação",
    "diplomarbeit",
    "master thesis",
    "master's dissertation",
    "bachelor thesis",
    "bachelor's thesis",
    "honours thesis",
    "honors thesis",
    "licentiate thesis",
    "habilitation thesis",
    "habilitationsschrift",
    "doktorarbeit",
    "magisterarbeit",
    "masterarbeit",
    "bachelorarbeit",
    "studienarbeit",
    "projektarbeit",
    "mémoire de",
    "tesi di laurea",
    "tesi di dottorato",
    "tesis de maestría",
    "tesis de licenciatura",
    "proefschrift",
];

/// The earliest [`THESIS_WORDS`] entry that starts a word of `lower` (lowercase text), the
/// longest at that place: (byte offset, length). One pass over the word starts.
pub(crate) fn find_thesis_word(lower: &str) -> Option<(usize, usize)> {
    let bytes = lower.as_bytes();
    (0..bytes.len())
        .filter(|&i| i == 0 || matches!(bytes[i - 1], b' ' | b'(' | b'[' | b','))
        // The first letters of the thesis words, to skip most words at once.
        .filter(|&i| b"bdhlmpst".contains(&bytes[i]))
        .find_map(|i| {
            let s = lower.get(i..)?;
            THESIS_WORDS.iter().filter(|w| s.starts_with(**w)).map(|w| w.len()).max().map(|len| (i, len))
        })
}

pub(crate) const VENUE_WORDS: &[&str] = &[
    "proceedings",
    "conference",
    "symposium",
    "workshop",
    "congress",
    "meeting",
    "colloquium",
    "proc.",
    "conf.",
    "symp.",
];

/// Parses what follows the title into `work`. Returns text that could not be placed.
/// Where a run of editors' names after `edited by` ends: at the first `. ` that does not
/// close an initial (`B. Anderson. Verso.`), or the first `, ` before a number, `pp.` or
/// `vol.` (`S. Sinke, 58–74.`); the whole text if neither.
fn editors_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    for (i, _) in s.match_indices(['.', ',']) {
        if bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = &s[i + 2..];
        if bytes[i] == b',' {
            let lower = next.to_lowercase();
            if next.starts_with(|c: char| c.is_ascii_digit())
                || ["pp", "p.", "vol", "ed."].iter().any(|w| lower.starts_with(w))
            {
                return i;
            }
            continue;
        }
        let word = s[..i].rsplit([' ', '-']).next().unwrap_or("");
        let initial = (1..=2).contains(&word.chars().count()) && word.chars().all(char::is_uppercase);
        if !initial {
            return i;
        }
    }
    s.len()
}

pub(crate) fn parse_rest(rest: &str, work: &mut Work) -> Option<String> {
    let rest = rest.trim().trim_start_matches([',', '.', ';', ':']).trim();
    let rest = trim_field(rest);
    if rest.is_empty() {
        return None;
    }
    let lower = rest.to_lowercase();

    // An edition before the publisher (Chicago, ASA): `3rd ed. Berkeley: University of California Press`.
    if let Some((ordinal, after)) = rest.split_once(' ') {
        let digits = ordinal.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal_ok = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["st", "nd", "rd", "th", "d"].contains(&&ordinal[digits.len()..]);
        let word = ["ed. ", "edn. ", "edn ", "edition. ", "edition, ", "ed., "].iter().find(|w| after.starts_with(**w));
        if let (true, Some(w), None) = (ordinal_ok, word, &work.edition) {
            let w = w.trim_end_matches([' ', ',']);
            // `ed.` keeps its abbreviation point; `edition.` loses the sentence's.
            let printed = if w.starts_with("edition") { w.trim_end_matches('.') } else { w };
            work.edition = Some(format!("{ordinal} {printed}"));
            return parse_rest(&after[w.len()..], work);
        }
    }

    // ASA: `Pp. 58–74 in Book, edited by A. Name. Place: Publisher.`
    for pp in ["Pp. ", "pp. "] {
        if let Some((pages, after)) = rest.strip_prefix(pp).and_then(|r| r.split_once(" in ")) {
            if is_pages(pages.trim_end_matches(',')) && !after.is_empty() {
                let found = parse_rest(&format!("In {after}"), work);
                work.pages = Some(pages.trim_end_matches(',').to_string());
                return found;
            }
        }
    }

    // A German journal: `Zeitschrift. 16. Jg. H.2, S. 88-97`.
    let unprefixed = ["In: ", "In : ", "In "].iter().find_map(|m| rest.strip_prefix(m)).unwrap_or(rest);
    if let Some(j) = jahrgang(unprefixed) {
        j.apply(work);
        return None;
    }

    // Chapter or proceedings: `In ...`
    let in_marker =
        ["In : ", "In: ", "in: ", "In ", "in ", "en ", "dans ", "em ", "In:"].iter().find(|m| rest.starts_with(*m));
    // `Marcus Name and Marion Name, eds. Book`, `Book, Vol. 1, A. Name and B. Name (Eds.).
    // Place: Publisher`: a book with its editors, with no `In`.
    let inner = match in_marker {
        Some(m) => Some(&rest[m.len()..]),
        // (A cheap test first: most references have no editors at all.)
        None if ["ds.", "d.)", ", ed", ", Ed"].iter().any(|m| rest.contains(m)) => {
            editors_in(rest).filter(|s| (!s.loose || s.book.is_some()) && !s.rest.is_empty()).map(|_| rest)
        }
        None => None,
    };
    if let Some(inner) = inner {
        let mut container_text = inner;
        let joined: String;
        if let Some(split) = editors_in(inner) {
            work.editors = split.editors;
            container_text = split.rest;
            if let Some(book) = split.book {
                joined = join_book(book, split.rest);
                container_text = &joined;
            }
        } else if let Some((ms, me)) = find_editor_marker(inner) {
            if ms < 250 {
                work.editors = parse_names(&inner[..ms]);
                container_text = inner[me..].trim_start_matches([',', '.', ' ', ':']);
            }
        }
        // Editors after the book title: `In Book, eds. A. Name and B. Name, pages`.
        if work.editors.is_empty() {
            for m in [", eds. ", ", ed. ", ", edited by ", ". Edited by ", ". Ed. ", ". Eds. ", ", Ed. ", ", Eds. "] {
                if let Some(i) = container_text.find(m) {
                    let after = &container_text[i + m.len()..];
                    let end = editors_end(after);
                    work.editors = parse_names(&after[..end]);
                    let tail = &after[end..];
                    let joined = format!("{}{}", &container_text[..i], tail);
                    let venue = VENUE_WORDS.iter().any(|w| joined.to_lowercase().contains(w));
                    work.kind = if venue { WorkType::PaperConference } else { WorkType::Chapter };
                    return parse_container_tail(&joined, work);
                }
            }
        }
        // `in Population and Development Review 19: 431-466`: a journal introduced by `in`.
        if work.editors.is_empty() {
            if let Some(j) = journal(container_text) {
                j.apply(work);
                return None;
            }
        }
        let venue = VENUE_WORDS.iter().any(|w| container_text.to_lowercase().contains(w));
        work.kind = if venue { WorkType::PaperConference } else { WorkType::Chapter };
        return parse_container_tail(container_text, work);
    }

    // `Proceedings of X, pp. 21-27`: a venue without `In`.
    if ["proceedings", "pre-proceedings", "proc. ", "actes ", "atti "].iter().any(|w| lower.starts_with(w)) {
        work.kind = WorkType::PaperConference;
        return parse_container_tail(rest, work);
    }

    // Thesis.
    if let Some((i, len)) = find_thesis_word(&lower).filter(|&(i, len)| rest.is_char_boundary(i + len)) {
        work.kind = WorkType::Thesis;
        work.genre = non_empty(&rest[i..i + len]);
        let after = trim_field(rest[i + len..].trim_start_matches([',', '.', ' ', ':']));
        if !after.is_empty() {
            let (publisher, place) = publisher_and_place(after);
            work.publisher = publisher;
            work.place = place;
        }
        return None;
    }

    // Journal: `Journal, 2 (3), 229-246`, `Journal 401, 547-548`, `Journal 36: 1-22`.
    if let Some(j) = journal(rest) {
        j.apply(work);
        return None;
    }

    // `Journal of X, in press`: a journal article not yet published.
    for status in [", in press", " (in press)", ", forthcoming", ", accepted", ", to appear", " (to appear)"] {
        if let Some(name) = rest.strip_suffix(status) {
            work.kind = WorkType::ArticleJournal;
            work.container_title = non_empty(name);
            work.note
                .get_or_insert_with(|| status.trim_start_matches([',', ' ', '(']).trim_end_matches(')').to_string());
            return None;
        }
    }
    // Pages anywhere in what is left: `, pp. 7-29`, `S. 41–68`.
    let mut rest = rest.to_string();
    for marker in [", pp. ", " pp. ", "(pp. ", ", S. ", " S. ", ", p. ", ", p."] {
        if let Some(i) = rest.find(marker) {
            let after = &rest[i + marker.len()..];
            let end = after.find([')', ',', ';', ' ']).unwrap_or(after.len());
            let pages = after[..end].trim_end_matches('.');
            if is_pages(pages) {
                work.pages = Some(pages.to_string());
                let tail = after[end..].trim_start_matches([')', ',', '.', ' ', ';']).to_string();
                let head = rest[..i].trim_end_matches([',', '.', ' ', '(']).to_string();
                rest = [head, tail].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(". ");
                break;
            }
        }
    }
    // A report genre or series first: `Technical report University of X`, `PEER Report 2007/08. Publisher`.
    let lower = rest.to_lowercase();
    for genre in [
        "technical report",
        "tech. rep.",
        "tech- nical report",
        "working paper",
        "research report",
        "report",
        "discussion paper",
    ] {
        if let Some(i) = lower.find(genre) {
            if i <= 40 && lower[..i].split_whitespace().count() <= 4 {
                work.kind = WorkType::Report;
                let series = rest[..i + genre.len()].trim();
                let mut after = rest[i + genre.len()..].trim_start_matches([',', ' ']);
                let num_len = after.find([' ', ',', '.']).unwrap_or(after.len());
                let num = after[..num_len].trim_end_matches(['.', ',']);
                if !num.is_empty() && num.chars().any(|c| c.is_ascii_digit()) {
                    work.number = Some(num.to_string());
                    after = &after[num_len..];
                }
                if i == 0 {
                    work.genre = non_empty(series);
                } else {
                    work.collection_title = non_empty(series);
                }
                let (publisher, place) = publisher_and_place(after.trim_start_matches(['.', ',', ' ']));
                work.publisher = publisher;
                work.place = place;
                return None;
            }
        }
    }
    // `Book Title (3rd ed.), New York: Publisher`: an edition closes the title of the book
    // that contains the work; the publishing tail follows.
    if let Some((open, close)) = edition_parenthetical(&rest) {
        let tail = trim_field(rest[close + 1..].trim_start_matches([',', '.', ' ']));
        if open > 0 && !tail.is_empty() {
            work.kind = WorkType::Chapter;
            work.edition.get_or_insert_with(|| rest[open + 1..close].to_string());
            work.container_title = non_empty(&rest[..open]);
            publishing_tail(tail, work);
            settle_publisher(work);
            return None;
        }
    }
    // Book or periodical: the last sentence is `Place: Publisher`, `Publisher, Place` or
    // `Publisher`; sentences before it name a container (a book, a magazine).
    let breaks = sentence_breaks(&rest, &[]);
    let last = match breaks.last() {
        Some(&b) => rest[b..].trim(),
        None => rest.as_str(),
    };
    // A date with a month is a periodical's issue: what is left names the periodical.
    let monthly = work.year.as_ref().is_some_and(|y| y.month.is_some());
    work.kind = if monthly { WorkType::Article } else { WorkType::Book };
    // A magazine or newspaper: the date has a month, or the rest ends with a day and month.
    let dated = work.year.as_ref().is_some_and(|y| y.month.is_some()) || last.split(", ").any(ends_with_day_month);
    // `The Guardian: Review, p. 4`: a newspaper's section and page, not `Place: Publisher`.
    let paged = last.split_once(", ").is_some_and(|(_, p)| p.starts_with("p. ") || p.starts_with("pp. "));
    if dated && breaks.is_empty() && (!last.contains(": ") || paged) {
        work.kind = WorkType::Article;
        let name = last.split(", ").next().unwrap_or(last);
        // `New York Times 9 February`, `Slate October(21)`: the date goes, the name stays.
        let words: Vec<&str> = name.split_whitespace().collect();
        let n = date_words(name);
        let name = if n > 0 && words.len() > n { words[..words.len() - n].join(" ") } else { name.to_string() };
        work.container_title = non_empty(&name);
        // The page of a newspaper: `The New York Times, A1`, `, p. B3`, `, pp. 1, 12`.
        if let Some((_, page)) = last.split_once(", ") {
            let page = page.trim_end_matches('.');
            let page = page.strip_prefix("pp. ").or_else(|| page.strip_prefix("p. ")).unwrap_or(page);
            let newspaper_page = |p: &str| {
                let digits = p.trim_start_matches(|c: char| c.is_ascii_uppercase());
                p.len() - digits.len() <= 1 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            };
            if is_pages(page) || newspaper_page(page) {
                work.pages = Some(page.to_string());
            }
        }
        return None;
    }
    // A journal named with only a DOI: `Demography, doi:...`.
    if work.doi.is_some() && breaks.is_empty() && rest.split_whitespace().count() <= 6 && !rest.contains(": ") {
        work.kind = WorkType::ArticleJournal;
        work.container_title = non_empty(&rest);
        return None;
    }
    let before = publishing_tail(&rest, work).to_string();
    let edition = before.starts_with('(') && before.ends_with(')') && before.to_lowercase().contains("ed");
    if edition || is_edition(&before) {
        work.edition = non_empty(before.trim_matches(['(', ')']));
    } else if !before.is_empty() {
        work.container_title = non_empty(&before);
    }
    settle_publisher(work);
    // `Title. Migration Information Source. Retrieved from URL`: a name alone between the
    // title and the url is the site or periodical the page is in, unless it reads as an
    // organisation that published it (`UNHCR`, `Migration Policy Institute`).
    if work.url.is_some() && before.is_empty() && work.place.is_none() && work.container_title.is_none() {
        if let Some(name) = work.publisher.clone().filter(|p| site_name(p)) {
            work.kind = WorkType::Webpage;
            work.container_title = Some(name);
            work.publisher = None;
        }
    }
    None
}

/// Words of an organisation's name, which publishes rather than contains a page.
const ORGANISATION_WORDS: &[&str] = &[
    "Media",
    "Bank",
    "Institute",
    "Association",
    "Department",
    "Agency",
    "Organization",
    "Organisation",
    "Ministry",
    "Office",
    "Council",
    "Foundation",
    "Commission",
    "Bureau",
    "Society",
    "Government",
    "Corporation",
    "Group",
];

/// A short capitalised name with no digits that is not an organisation's: a site or a
/// periodical.
fn site_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit() || c == ':')
        && (words.len() > 1 || s.chars().any(char::is_lowercase))
        && !words.iter().any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            PUBLISHER_ENDINGS.contains(&w) || ORGANISATION_WORDS.contains(&w)
        })
}

/// What the last sentence held when it is not a publisher: a venue (`Paper presented at
/// ...`) or a note (`Retrieved from ...`, `Unpublished manuscript`, `ISBN ...`, `To appear`).
fn settle_publisher(work: &mut Work) {
    let Some(p) = work.publisher.clone() else { return };
    let lower = p.to_lowercase();
    let venue = ["paper presented at", "poster session presented at", "poster presented at", "presented at"];
    let notes = ["retrieved", "retirado", "unpublished", "to appear", "isbn", "see also", "available at", "accessed"];
    // `Current Population Reports Series, Washington, DC`: a series, not a publisher.
    if (lower.ends_with(" series") || lower.ends_with(" reihe")) && work.collection_title.is_none() {
        work.collection_title = Some(p);
        work.publisher = None;
        return;
    }
    if venue.iter().any(|v| lower.starts_with(v)) {
        work.kind = WorkType::PaperConference;
        if work.container_title.is_none() {
            work.container_title = Some(p);
        } else {
            work.note.get_or_insert(p);
        }
        work.publisher = None;
    } else if notes.iter().any(|n| lower.starts_with(n)) {
        work.note.get_or_insert(p);
        work.publisher = None;
        // `Routledge. ISBN ...`: the sentence before the note was the publisher.
        if let Some(c) = work.container_title.take() {
            if c.split_whitespace().count() <= 4 && work.kind == WorkType::Book {
                let (publisher, place) = publisher_and_place(&c);
                work.publisher = publisher;
                work.place = work.place.take().or(place);
            } else {
                work.container_title = Some(c);
            }
        }
    }
}

fn ends_with_day_month(s: &str) -> bool {
    date_words(s) > 0
}

/// How many words at the end of the last comma part of `s` are a day and month: two for
/// `4 January`, `January 4` or `14 March2017` (the year run on), one for `May(26)`.
fn date_words(s: &str) -> usize {
    let last = s.rsplit(", ").next().unwrap_or("");
    let all: Vec<&str> = last.split_whitespace().collect();
    let day = |w: &str| w.trim_end_matches('.').parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        // `March2017`: a month with the year run on.
        let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
        MONTH_WORDS.contains(&w)
    };
    if let Some((m, d)) = all.last().and_then(|w| w.trim_end_matches('.').strip_suffix(')')?.split_once('(')) {
        if month(m) && day(d) {
            return 1;
        }
    }
    let words = &all[all.len().saturating_sub(2)..];
    let two = words.len() == 2 && words.iter().any(|w| day(w)) && words.iter().any(|w| month(w));
    if two {
        2
    } else {
        0
    }
}

/// Words that end a publisher's name.
const PUBLISHER_ENDINGS: &[&str] = &[
    "Press",
    "Publishers",
    "Publishing",
    "Books",
    "Inc",
    "Ltd",
    "University",
    "Verlag",
    "Editions",
    "Éditions",
    "Co",
    "Company",
    "House",
];

/// Cities that are common places of publication, for telling `Publisher: Place` from
/// `Place: Publisher` and `Publisher, Place` from a publisher with a comma.
const PLACES: &[&str] = &[
    "london",
    "new york",
    "paris",
    "oxford",
    "cambridge",
    "berlin",
    "chicago",
    "boston",
    "princeton",
    "new haven",
    "berkeley",
    "los angeles",
    "san francisco",
    "washington",
    "philadelphia",
    "baltimore",
    "toronto",
    "montreal",
    "amsterdam",
    "leiden",
    "dordrecht",
    "heidelberg",
    "munich",
    "münchen",
    "frankfurt",
    "stuttgart",
    "hamburg",
    "leipzig",
    "wien",
    "vienna",
    "zürich",
    "zurich",
    "basel",
    "geneva",
    "genève",
    "rome",
    "roma",
    "milan",
    "milano",
    "madrid",
    "barcelona",
    "lisbon",
    "lisboa",
    "são paulo",
    "rio de janeiro",
    "mexico",
    "buenos aires",
    "tokyo",
    "beijing",
    "delhi",
    "new delhi",
    "sydney",
    "melbourne",
    "brisbane",
    "edinburgh",
    "glasgow",
    "dublin",
    "bristol",
    "manchester",
    "thousand oaks",
    "newbury park",
    "hillsdale",
    "mahwah",
    "englewood cliffs",
    "upper saddle river",
    "reading",
    "san diego",
    "ithaca",
    "stanford",
    "austin",
    "minneapolis",
    "durham",
    "chapel hill",
    "ann arbor",
    "bloomington",
    "urbana",
    "lanham",
    "boulder",
    "abingdon",
    "basingstoke",
    "harmondsworth",
    "hove",
    "cham",
    "singapore",
    "hong kong",
    "taipei",
    "seoul",
    "cape town",
    "nairobi",
    "lagos",
    "bruxelles",
    "brussels",
    "lyon",
    "bologna",
    "firenze",
    "florence",
    "torino",
    "napoli",
    "moscow",
    "warsaw",
    "prague",
    "budapest",
    "stockholm",
    "oslo",
    "copenhagen",
    "helsinki",
    "athens",
    "new brunswick",
    "westport",
    "greenwich",
    "norwood",
    "san mateo",
    "menlo park",
    "palo alto",
    "redwood city",
    "santa monica",
    "santa barbara",
    "los altos",
    "piscataway",
];

fn is_known_place(s: &str) -> bool {
    let first = s.split(',').next().unwrap_or(s).trim().to_lowercase();
    PLACES.contains(&first.as_str())
}

/// [`parse_container_tail`] for the chapter path of the body parser.
pub(crate) fn container_tail(s: &str, work: &mut Work) {
    parse_container_tail(s, work);
}

/// The container of a chapter or proceedings and what follows it: pages, publisher, place.
fn parse_container_tail(s: &str, work: &mut Work) -> Option<String> {
    let s = trim_field(s);
    // Pages: `(pp. 83–101)`, `, pp. 565-575`, `(83–101)`, `: 1320-1350`.
    let mut text = s.to_string();
    let mut split_at = None;
    // A page range closing the text after a comma: `Greenwood Pub. Co., 241-258`.
    if let Some((head, tail)) = text.rsplit_once(", ") {
        let tail = tail.trim_end_matches('.');
        if tail.contains(['-', '–']) && is_pages(tail) && !head.is_empty() {
            work.pages = Some(tail.trim_start_matches("pp.").trim_start_matches("p.").trim().to_string());
            text = head.to_string();
        }
    }
    for marker in
        [" (pp. ", ", pp. ", " pp. ", " (p. ", ", p. ", "(pp. ", " (S. ", ", pages ", ". Pp. ", ", S. ", " (", ": "]
    {
        if work.pages.is_some() {
            break;
        }
        if let Some(i) = text.find(marker) {
            let after = &text[i + marker.len()..];
            let end = after.find([')', ',', ';', ' ']).unwrap_or(after.len());
            let pages = after[..end].trim().trim_end_matches('.');
            if is_pages(pages) {
                work.pages = Some(pages.to_string());
                let tail = after[end..].trim_start_matches([')', ',', '.', ' ', ';']).to_string();
                let mut head = text[..i].trim_end_matches([',', '.', ' ']).to_string();
                // `Book (Vol. 3, Part A, pp. 1761–1800)`: the volume in the same brackets.
                if let Some(open) = head.rfind(" (").filter(|&o| !head[o..].contains(')')) {
                    let inner = head[open + 2..].trim();
                    let lower = inner.to_lowercase();
                    if let Some(v) =
                        ["vol. ", "volume "].iter().find_map(|m| lower.starts_with(m).then(|| &inner[m.len()..]))
                    {
                        if work.volume.is_none() && v.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                            work.volume = non_empty(v);
                        }
                    }
                    head.truncate(open);
                }
                // `Book, vol. I (839–878). Place: Publisher`: the pages end the book title even
                // when the word before them reads as an initial.
                if !tail.is_empty() && sentence_breaks(&head, &[]).is_empty() {
                    split_at = Some(head.len());
                }
                // `Book, Cosenza: 107-144`: a town before `: pages`.
                if marker == ": " && tail.is_empty() && work.place.is_none() {
                    if let Some((book, town)) = head.rsplit_once(", ") {
                        let one_word = !town.contains(' ') && town.chars().next().is_some_and(char::is_uppercase);
                        if one_word && town.chars().all(char::is_alphabetic) && book.split_whitespace().count() >= 2 {
                            work.place = Some(town.to_string());
                            head.truncate(book.len());
                        }
                    }
                }
                text = if tail.is_empty() { head } else { format!("{head}. {tail}") };
                break;
            }
        }
    }
    // Parenthesised page ranges without `pp.`: `(1002–1039)`.
    if work.pages.is_none() {
        let mut from = 0;
        while let Some(rel) = text[from..].find(" (") {
            let open = from + rel + 2;
            let Some(close) = text[open..].find(')').map(|c| open + c) else { break };
            if is_pages(&text[open..close]) {
                work.pages = Some(text[open..close].to_string());
                text = format!("{}{}", &text[..open - 2], &text[close + 1..]);
                break;
            }
            from = close;
        }
    }
    let breaks = sentence_breaks(&text, &[]);
    let (container, after) = match (split_at, breaks.first()) {
        (Some(h), _) => (&text[..h], &text[h + 2..]),
        (None, Some(&b)) => (&text[..b - 2], &text[b..]),
        (None, None) => (text.as_str(), ""),
    };
    // Edition and volume at the end of the book title: `(4th edn)`, `, vol. II`, `: Vol. 22`.
    let mut container = container.trim().to_string();
    // Pages closing the container: `Proceedings of ACL-02, 311-318`.
    if work.pages.is_none() {
        if let Some(i) = container.rfind([',', ' ']) {
            let tail = container[i + 1..].trim();
            if tail.contains(['-', '–']) && is_pages(tail) {
                work.pages = Some(tail.to_string());
                container = container[..i].trim_end().trim_end_matches(',').to_string();
            }
        }
    }
    // `Book (Vol. 1)`: the volume in brackets.
    if container.ends_with(')') {
        if let Some(open) = container.rfind(" (") {
            let inner = &container[open + 2..container.len() - 1];
            let v = inner.strip_prefix("Vol. ").or_else(|| inner.strip_prefix("vol. "));
            if let Some(v) = v.filter(|v| v.split_whitespace().count() == 1 && work.volume.is_none()) {
                work.volume = Some(v.to_string());
                container.truncate(open);
            }
        }
    }
    if container.ends_with(')') {
        if let Some(open) = container.rfind(" (") {
            let inner = container[open + 2..container.len() - 1].to_lowercase();
            if inner.contains("ed") && inner.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                work.edition = non_empty(&container[open + 2..container.len() - 1]);
                container.truncate(open);
            }
        }
    }
    if let Some(i) = container.rfind(", ") {
        let tail = container[i + 2..].to_lowercase();
        let ordinal =
            ["first", "second", "third", "fourth", "fifth", "revised", "new"].iter().any(|w| tail.starts_with(w))
                || tail.chars().next().is_some_and(|c| c.is_ascii_digit());
        if ordinal && (tail.ends_with("edition") || tail.ends_with("ed.") || tail.ends_with("edn")) {
            work.edition = non_empty(&container[i + 2..]);
            container.truncate(i);
        }
    }
    for marker in [", vol. ", ", Vol. ", ": Vol. ", ": vol. ", ", Volume ", ", volume "] {
        if let Some(i) = container.rfind(marker) {
            let v = container[i + marker.len()..].trim();
            if v.split_whitespace().count() == 1 {
                work.volume = non_empty(v);
                container.truncate(i);
                break;
            }
        }
    }
    // `Annual Meeting of the Population Association, Chicago, IL`, `..., New York: Russell Sage Foundation`: a place
    // (and publisher) closing the container.
    if let Some(i) = container.find(", ").filter(|_| work.place.is_none()) {
        let mut cut = None;
        for (j, _) in container.match_indices(", ").filter(|(j, _)| *j >= i) {
            let tail = &container[j + 2..];
            if looks_like_place(tail) {
                work.place = Some(tail.to_string());
                cut = Some(j);
                break;
            }
            if let Some((place, publisher)) = tail.split_once(": ") {
                if is_known_place(place) && !publisher.contains(", ") {
                    work.place = Some(place.to_string());
                    work.publisher = non_empty(publisher);
                    cut = Some(j);
                    break;
                }
            }
        }
        if let Some(j) = cut {
            container.truncate(j);
        }
    }
    work.container_title = non_empty(&container);
    let after = trim_field(after);
    if !after.is_empty() {
        // Sentences between the book title and the publisher (`Ed. X.`, `Trans. Y.`) belong
        // to neither, so what `publishing_tail` leaves before the publisher is dropped; a
        // subtitle printed as a sentence (`Handbook of X. Practice, theory, and research.
        // London: Sage`) is part of the book's title.
        // After a volume (`Book: Vol. 22. Volume title.`) the sentence names the volume.
        let had_volume = work.volume.is_some();
        let between = publishing_tail(after, work);
        if is_title_sentence(between) && work.publisher.is_some() && !had_volume {
            if let Some(c) = work.container_title.take() {
                work.container_title = Some(format!("{c}. {between}"));
            }
        }
    }
    None
}

/// Whether text between a book's title and its publisher reads as more of the title, not
/// a note on the book: no editor, translator, edition, volume or page marker, no digits.
fn is_title_sentence(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_lowercase();
    !s.is_empty()
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.split_whitespace().count() <= 12
        && ![
            "ed.",
            "eds.",
            "ed ",
            "edited",
            "trans",
            "translated",
            "vol",
            "edition",
            "pp",
            "hrsg",
            "éd",
            "dir.",
            "series",
            "reprint",
            "repr",
            "new ed",
            "rev",
            "paper presented",
            "presented",
        ]
        .iter()
        .any(|m| lower.starts_with(m))
        && !s.contains(": ")
        && !looks_like_place(s)
        && !(s.split_whitespace().count() == 1 && (places::is_city(s) || is_known_place(s)))
        && !s.split_whitespace().any(|w| PUBLISHER_ENDINGS.contains(&w) || w == "Pub")
        && !lower.contains(" edition")
        && !lower.contains("edited by")
        && !lower.contains("translated")
}

/// Whether `s` reads as the name of a publisher: short, capitalised, ending in a word such as
/// `Press` or `Verlag`, or naming an organisation.
fn reads_as_publisher(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.contains([':', '?', '!'])
        && !s.chars().any(|c| c.is_ascii_digit())
        && !VENUE_WORDS.iter().any(|v| s.to_lowercase().contains(v))
        && (words.last().is_some_and(|w| PUBLISHER_ENDINGS.contains(&w.trim_end_matches(['.', ','])))
            || has_org_word(s))
}

/// `Place: Publisher`, `Publisher, Place`, or `Publisher`.
pub(crate) fn publisher_and_place(s: &str) -> (Option<String>, Option<String>) {
    // A colon left dangling at the end (`Berkeley, CA:`) belongs to neither.
    let s = trim_field(trim_field(s).trim_end_matches(':'));
    // A place alone (`Tokyo`, `Sydney, Australia`): no publisher.
    if looks_like_place(s) {
        return (None, Some(s.to_string()));
    }
    // `Washington, D. C. Brookings Institution Press`, `Berkeley, CA. University of California Press`: a place whose last
    // abbreviation hid the sentence end, then the publisher.
    for (i, _) in s.rmatch_indices(". ") {
        let (place, publisher) = (&s[..i + 1], s[i + 2..].trim());
        if place.contains(", ")
            && looks_like_place(place)
            && publisher.chars().next().is_some_and(char::is_uppercase)
            && !looks_like_place(publisher)
        {
            return (non_empty(publisher), non_empty(place));
        }
    }
    // `City, ST` alone: a place and no publisher.
    if let Some((city, state)) = s.rsplit_once(", ") {
        let code = is_state(state);
        // `University of Michigan Ann Arbor, MI`: an institution named for its state, then the
        // city, with no comma between.
        if code && !city.contains(',') {
            let words: Vec<&str> = city.split_whitespace().collect();
            for at in 1..words.len().saturating_sub(1) {
                for n in [2, 1] {
                    let Some(region) = words.get(at + 1..at + 1 + n) else { continue };
                    let rest = &words[at + 1 + n..];
                    if words[at] == "of"
                        && has_org_word(&words[..at].join(" "))
                        && is_region(&region.join(" "))
                        && !rest.is_empty()
                        && rest.len() <= 3
                        && rest.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        && !has_org_word(&rest.join(" "))
                        && !rest.iter().any(|w| PUBLISHER_ENDINGS.contains(w))
                    {
                        let place = format!("{}, {state}", rest.join(" "));
                        return (non_empty(&words[..at + 1 + n].join(" ")), Some(place));
                    }
                }
            }
        }
        if code && !city.contains(',') && city.split_whitespace().count() <= 3 && !city.contains(": ") {
            // `Sage Publications Thousand Oaks, CA`: a publisher before the city, no comma between.
            let words: Vec<&str> = city.split_whitespace().collect();
            if let Some(p) = words.iter().rposition(|w| PUBLISHER_ENDINGS.contains(&w.trim_end_matches(['.', ',']))) {
                if p + 1 < words.len() {
                    let place = format!("{}, {state}", words[p + 1..].join(" "));
                    return (non_empty(&words[..=p].join(" ")), Some(place));
                }
            }
            return (None, Some(s.to_string()));
        }
        let words: Vec<&str> = city.split_whitespace().collect();
        if code {
            if let Some(p) = words.iter().rposition(|w| PUBLISHER_ENDINGS.contains(&w.trim_end_matches(['.', ',']))) {
                if p + 1 < words.len() && words.len() - p - 1 <= 3 {
                    let place = format!("{}, {state}", words[p + 1..].join(" "));
                    return (non_empty(&words[..=p].join(" ")), Some(place));
                }
            }
        }
    }
    // `Publisher: Place`, reversed.
    if let Some((publisher, place)) = s.split_once(": ") {
        if is_known_place(place) && !is_known_place(publisher) {
            return (non_empty(publisher), non_empty(place));
        }
    }
    if let Some((place, publisher)) = s.split_once(": ") {
        let words = place.split_whitespace().count();
        if words <= 5 && !place.chars().any(|c| c.is_ascii_digit()) {
            return (non_empty(publisher), non_empty(place));
        }
    }
    // `Dept. of Computer Science, Stanford University, Stanford, CA`: the last one or two
    // comma parts, when they read as a place, are the place.
    let parts: Vec<&str> = s.split(", ").collect();
    if parts.len() >= 3 {
        for n in [3, 2, 1] {
            let (head, tail) = parts.split_at(parts.len() - n);
            let place = tail.join(", ");
            if looks_like_place(&place) && !head.is_empty() {
                return (non_empty(&head.join(", ")), Some(place));
            }
        }
    }
    // `Paris, OECD`: a known place first, then the publisher.
    if let Some((place, publisher)) = s.split_once(", ") {
        if is_known_place(place) && !publisher.contains(", ") && !is_known_place(publisher) && !is_state(publisher) {
            return (non_empty(publisher), non_empty(place));
        }
    }
    // `Publisher, Place[, ST]`: the place is the part after the first comma when it is short.
    if let Some((publisher, place)) = s.split_once(", ") {
        let place_words = place.split_whitespace().count();
        let capitalised = place.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        // `Department of Sociology, Princeton University`, `Center for
        // Comparative Immigration Studies, UCSD`: an institution after the comma is not a place.
        let institution = has_org_word(place) || is_org_acronym(place);
        if place_words <= 5 && capitalised && !institution && !place.chars().any(|c| c.is_ascii_digit()) {
            return (non_empty(publisher), non_empty(place));
        }
    }
    (non_empty(s), None)
}

/// A body that is only a journal reference with no title (`IMR, 37, 565`,
/// `AJS, 98, 1320`): fills the container, volume and pages.
pub(crate) fn journal_only(body: &str, work: &mut Work) -> Option<()> {
    let b = trim_field(body);
    let parts: Vec<&str> = b.split(", ").collect();
    if parts.len() != 3 || parts[0].split_whitespace().count() > 6 {
        return None;
    }
    let numeric = |p: &str| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()) && p.chars().any(|c| c.is_ascii_digit())
    };
    if parts[0].chars().any(|c| c.is_ascii_digit()) || !numeric(parts[1]) || !numeric(parts[2]) {
        return None;
    }
    work.kind = WorkType::ArticleJournal;
    work.container_title = non_empty(parts[0]);
    work.volume = non_empty(parts[1]);
    work.pages = non_empty(parts[2]);
    Some(())
}

/// Words that mark a parenthetical after a title as a note on the work, not part of the title.
const NOTE_WORDS: &[&str] = &[
    "ed.",
    "éd.",
    "edn",
    "edition",
    "report",
    "dissertation",
    "thesis",
    "series",
    "reihe",
    "vol.",
    "no.",
    "unpublished",
    "manuscript",
    "working paper",
    "in press",
    "forthcoming",
    "trans.",
    "translated",
    "abstract",
    "brief",
];

/// Moves a trailing parenthetical note off a title (`Title (1 éd.)`, `Title (Unpublished
/// doctoral dissertation)`) into the work: edition, genre or note.
pub(crate) fn tidy_title(work: &mut Work) {
    let Some(title) = work.title.clone() else { return };
    // A medium in brackets after the title: `[Motion picture]`, `[DVD]`, `[Computer software]`.
    if let Some(open) = title.trim_end().strip_suffix(']').and_then(|t| t.rfind(" [")) {
        let medium = &title[open + 2..title.trim_end().len() - 1];
        if medium.split_whitespace().count() <= 4 && !medium.chars().any(|c| c.is_ascii_digit()) {
            work.genre.get_or_insert_with(|| medium.to_string());
            let lower = medium.to_lowercase();
            if ["motion picture", "dvd", "film", "video"].iter().any(|m| lower.contains(m)) {
                work.kind = WorkType::Other("motion_picture".into());
            }
            work.title = non_empty(&title[..open]);
            return;
        }
    }
    // A translator or edition note run into the title: `. Trans. X`, `, (X, Trans.)`,
    // `. Traduction de X`, `. Translated by X`.
    for marker in [". Trans. ", ". Translated by ", ". Traduction de ", ". Übersetzt von ", ". Trad. ", ", ("] {
        if let Some(i) = title.find(marker) {
            let note = title[i + 2..].trim().trim_matches(['(', ')']);
            let lower = note.to_lowercase();
            if marker != ", (" || lower.ends_with("trans.") || lower.ends_with("trans") || lower.contains("translat") {
                if work.note.is_none() {
                    work.note = Some(note.to_string());
                }
                work.title = non_empty(&title[..i]);
                return;
            }
        }
    }
    let t = title.trim_end();
    // `Title. 2nd ed`, `Titel. 2. Aufl`: an edition statement closing the title.
    if let Some(i) = t.rmatch_indices(". ").take(2).map(|(i, _)| i).find(|&i| i > 0 && is_edition(&t[i + 2..])) {
        if work.edition.is_none() {
            work.edition = non_empty(&t[i + 2..]);
            work.title = non_empty(&t[..i]);
        }
        return;
    }
    if !t.ends_with(')') {
        return;
    }
    let Some(open) = t.rfind(" (") else { return };
    let inner = &t[open + 2..t.len() - 1];
    let lower = inner.to_lowercase();
    if lower == "abstract" {
        return;
    }
    if !NOTE_WORDS.iter().any(|w| lower.contains(w)) {
        return;
    }
    if lower.contains("ed") && inner.chars().next().is_some_and(|c| c.is_ascii_digit()) && work.edition.is_none() {
        work.edition = Some(inner.to_string());
    } else if (lower.contains("dissertation") || lower.contains("thesis")) && work.genre.is_none() {
        work.genre = Some(inner.to_string());
        work.kind = WorkType::Thesis;
    } else if ["report", "working paper", "discussion paper"].iter().any(|w| lower.contains(w))
        && work.kind == WorkType::Book
        && work.genre.is_none()
    {
        // `(Policy Research Working Paper No. 3179)`: a series and number; `(Research report)`: a genre.
        work.kind = WorkType::Report;
        let numbered = [" No. ", " no. ", " No ", " Nr. ", ", "].iter().find_map(|m| inner.rsplit_once(m));
        match numbered.filter(|(_, n)| n.chars().any(|c| c.is_ascii_digit()) && !n.contains(' ')) {
            Some((series, number)) => {
                work.collection_title = non_empty(series);
                work.number = non_empty(number);
            }
            None => work.genre = Some(inner.to_string()),
        }
    } else if work.note.is_none() {
        work.note = Some(inner.to_string());
    } else {
        return;
    }
    work.title = non_empty(&t[..open]);
}

/// [`publishing_tail`] for the chapter path of the body parser.
pub(crate) fn publishing_tail_of(s: &str, work: &mut Work) {
    publishing_tail(s, work);
}

/// The publishing tail of a book or chapter, over several sentences: `Oxford: Basil
/// Blackwell. 41-62`, `New York: Russell Sage Foundation. 21-49`, `U. de Montréal. 312 p`.
/// Sets publisher, place and pages; returns the text before the publisher sentence.
fn publishing_tail<'a>(s: &'a str, work: &mut Work) -> &'a str {
    let s = trim_field(s);
    let breaks = sentence_breaks(s, &[]);
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for &b in &breaks {
        sentences.push((start, b - 2));
        start = b;
    }
    sentences.push((start, s.len()));
    // Drop trailing page ranges and page counts.
    while let Some(&(a, b)) = sentences.last() {
        let sentence = trim_field(&s[a..b]);
        let count = sentence
            .strip_suffix(" p")
            .or_else(|| sentence.strip_suffix(" pp"))
            .or_else(|| sentence.strip_suffix(" S"))
            .or_else(|| sentence.strip_suffix(" s"));
        // `S. 58–74`: German page numbers.
        let german = sentence.strip_prefix("S. ").filter(|p| is_pages(p));
        if sentences.len() > 1 && (is_pages(sentence) || german.is_some()) {
            if work.pages.is_none() {
                let p = german.unwrap_or(sentence);
                work.pages = Some(
                    p.trim_start_matches("pp.").trim_start_matches("Pp.").trim_start_matches("p.").trim().to_string(),
                );
            }
            sentences.pop();
        } else if sentences.len() > 1 && count.is_some_and(|c| c.trim().bytes().all(|b| b.is_ascii_digit())) {
            sentences.pop();
        } else {
            break;
        }
    }
    let Some(&(a, b)) = sentences.last() else { return "" };
    let mut last = &s[a..b];
    // `Polity Press, 45–68`, `Press, Berkeley, pp.33-59`, `Penguin Edition, 2004`: pages or
    // the year again after the publisher.
    while let Some((head, tail)) = last.rsplit_once(", ") {
        let tail = trim_field(tail);
        let year = tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()) && ("1400"..="2100").contains(&tail);
        if year {
            last = head;
        } else if is_pages(tail) && (tail.contains(['-', '–']) || tail.starts_with('p')) {
            if work.pages.is_none() {
                work.pages = Some(tail.trim_start_matches("pp.").trim_start_matches("p.").trim().to_string());
            }
            last = head;
        } else {
            break;
        }
    }
    // `Vol. 2 Little, Brown and Company`: a volume before the publisher.
    for marker in ["Vol. ", "vol. ", "Vols. ", "Volume "] {
        if let Some(after) = last.strip_prefix(marker) {
            if let Some((v, publisher)) = after.split_once(' ') {
                let v = v.trim_end_matches([',', '.']);
                let numeric = v.bytes().all(|b| b.is_ascii_digit()) || v.chars().all(|c| "IVXLC".contains(c));
                if numeric && !v.is_empty() && publisher.chars().next().is_some_and(char::is_uppercase) {
                    work.volume.get_or_insert_with(|| v.to_string());
                    last = publisher;
                }
            }
            break;
        }
    }
    // `2nd ed. New York: Dover`: an edition whose abbreviation hid the sentence end.
    if let Some((first, after)) = last.split_once(". ").filter(|(f, a)| is_edition(f) && !a.trim().is_empty()) {
        // `ed.` keeps its abbreviation point, as the edition before a publisher does.
        let point = if first.to_lowercase().ends_with("edition") { "" } else { "." };
        work.edition.get_or_insert_with(|| format!("{first}{point}"));
        last = after.trim_start();
    }
    let (publisher, place) = publisher_and_place(last);
    work.publisher = publisher;
    work.place = place;
    if sentences.len() >= 2 {
        let (pa, pb) = sentences[sentences.len() - 2];
        let candidate = trim_field(&s[pa..pb]);
        // `Berkeley, CA. University of California Press`: a place on its own just before the publisher.
        if work.place.is_none() && looks_like_place(candidate) {
            work.place = Some(candidate.to_string());
            return s[..pa].trim_end().trim_end_matches(['.', ',']).trim_end();
        }
        // `University of California Press. Berkeley, CA`: the publisher just
        // before a place on its own.
        if work.publisher.is_none() && work.place.is_some() && reads_as_publisher(candidate) {
            work.publisher = Some(candidate.to_string());
            return s[..pa].trim_end().trim_end_matches(['.', ',']).trim_end();
        }
    }
    s[..a].trim_end().trim_end_matches(['.', ',']).trim_end()
}

const COUNTRIES: &[&str] = &[
    "usa",
    "u.s.a",
    "uk",
    "u.k",
    "united states",
    "united kingdom",
    "england",
    "scotland",
    "canada",
    "germany",
    "france",
    "italy",
    "spain",
    "japan",
    "china",
    "india",
    "australia",
    "netherlands",
    "the netherlands",
    "belgium",
    "switzerland",
    "austria",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "brazil",
    "mexico",
    "argentina",
    "israel",
    "ireland",
    "portugal",
    "poland",
    "russia",
    "greece",
    "new zealand",
    "south africa",
    "korea",
    "singapore",
];

/// `Toronto, Canada`, `San Jose, CA`, `Boston, Massachusetts`, `Bologna`, `London`.
fn looks_like_place(s: &str) -> bool {
    let s = trim_field(s);
    let parts: Vec<&str> = s.split(", ").collect();
    let capitalised = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty() && words.len() <= 3 && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let no_org = !s.split_whitespace().any(|w| PUBLISHER_ENDINGS.contains(&w)) && !has_org_word(s);
    let country = |p: &str| COUNTRIES.contains(&p.to_lowercase().trim_end_matches('.'));
    match parts.as_slice() {
        [one] => is_known_place(one) || country(one),
        [city, region] => {
            no_org
                && capitalised(city)
                && (is_state(region)
                    // `Routledge, New York`: a region that is also a city follows a publisher
                    // as often as a city.
                    || (is_region(region) && (!is_known_place(region) || is_known_place(city)))
                    || country(region)
                    || (capitalised(region)
                        && region.split_whitespace().count() == 1
                        && !is_org_acronym(region)
                        && is_known_place(city)))
        }
        // `Thousand Oaks, California, USA`, `Toronto, Ontario, Canada`.
        [city, region, nation] => {
            no_org
                && capitalised(city)
                && (is_state(region) || is_region(region))
                && (country(nation) || is_state(nation))
        }
        _ => false,
    }
}

/// A state or country code after a city: `CA`, `D.C.`, `Mass.`, `UK`, `USA`.
fn is_state(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    // `D. C.`, `N. Y.`: a dotted code printed with spaces.
    let joined;
    let t = if t.contains(". ") && t.len() <= 6 {
        joined = t.replace(". ", ".");
        joined.as_str()
    } else {
        t
    };
    (t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()))
        || ["D.C", "Mass", "Calif", "Conn", "Penn", "Ill", "N.Y", "N.J", "USA", "U.S.A", "UK", "U.K"].contains(&t)
}

/// Where the title ends in a body with no sentence end, when the fields are separated by
/// commas: the first `, ` after which the rest reads as a journal, a thesis, a report or a
/// publisher (`Title, Journal, 84, No. 1, 119-127`, `Title, MIT Press`).
pub(crate) fn comma_title(s: &str) -> Option<(usize, usize)> {
    let body = trim_field(s);
    // `Title PhD thesis Duke University`: a thesis word with no punctuation before it.
    let lower = body.to_lowercase();
    if let Some(i) = find_thesis_word(&lower).map(|(j, _)| j.saturating_sub(1)).filter(|&i| lower[i..].starts_with(' '))
    {
        if i > 0 && !body[..i].ends_with(',') {
            return Some((i, i + 1));
        }
    }
    for (i, _) in body.match_indices(", ") {
        let rest = &body[i + 2..];
        let lower = rest.to_lowercase();
        let journal_like = journal(rest).is_some();
        let thesis = THESIS_WORDS.iter().any(|w| lower.starts_with(w));
        let report = ["technical report", "tech. rep", "working paper", "report"].iter().any(|w| lower.starts_with(w));
        let publisher = {
            let first = rest.split(", ").next().unwrap_or(rest);
            first.split_whitespace().last().is_some_and(|w| PUBLISHER_ENDINGS.contains(&w.trim_end_matches(['.', ','])))
                && first.split_whitespace().count() <= 6
        };
        // `Title, VEOHRC, Melbourne`: a short publisher and a known place to close.
        let publisher_place = rest.split(", ").count() == 2
            && rest.rsplit(", ").next().is_some_and(is_known_place)
            && rest.split(", ").next().is_some_and(|p| p.split_whitespace().count() <= 4);
        if journal_like || thesis || report || publisher || publisher_place {
            return Some((i, i + 2));
        }
    }
    None
}

/// Words that end the subject of a venue's name rather than name a town: `Intelligence`,
/// `Learning`, `Systems`.
const SUBJECT_ENDINGS: &[&str] =
    &["ing", "ics", "ence", "ences", "ity", "ion", "ions", "ies", "ogy", "ems", "ness", "ment", "ure", "ysis", "ory"];

/// A place that may close a venue's name: one to three capitalised words, no digits.
fn town_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || s.chars().any(|c| c.is_ascii_digit() || "()[]:;&".contains(c)) {
        return false;
    }
    if places::is_city(s) || is_known_place(s) {
        return true;
    }
    let lower = s.to_lowercase();
    words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !VENUE_WORDS.iter().any(|v| lower.contains(v))
        && !SUBJECT_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Where a venue's name ends and a place closing it begins: `... Migration Lisbon,
/// Portugal`, `... Sociology, Bologna`, `... Studies Germany`, `... Systems,
/// Boulder, ACM` (an acronym publisher last). Returns (venue, place, publisher).
fn venue_place(container: &str) -> Option<(&str, String, Option<String>)> {
    let c = container.trim_end_matches(['.', ',', ' ']);
    let region = |s: &str| places::is_country(s) || places::is_region(s) || is_state(s);
    let function_word = |h: &str| {
        h.rsplit(' ')
            .next()
            .is_some_and(|w| ["of", "de", "di", "in", "for", "at", "on", "and", "the", "&"].contains(&w))
    };
    let long_enough = |h: &str| h.split_whitespace().count() >= 3 && !function_word(h);
    // `, ACM`: an acronym publisher after the place.
    let (c, publisher) = match c.rsplit_once(", ") {
        Some((head, last))
            if (2..=6).contains(&last.len())
                && last.bytes().all(|b| b.is_ascii_uppercase())
                && !region(last)
                && head.rsplit_once(", ").is_some_and(|(h, town)| town_like(town) && long_enough(h)) =>
        {
            (head, Some(last.to_string()))
        }
        _ => (c, None),
    };
    if let Some((head, last)) = c.rsplit_once(", ") {
        if region(last) {
            // `..., Bologna, Italy`
            if let Some((h, town)) = head.rsplit_once(", ").filter(|(h, t)| town_like(t) && long_enough(h)) {
                return Some((h, format!("{town}, {last}"), publisher));
            }
            // `... Migration Lisbon, Portugal`: the town is the last word (or a known two-word
            // city) before the comma.
            let (h, word) = head.rsplit_once(' ')?;
            let (h, town) = match h.rsplit_once(' ') {
                Some((h2, w2))
                    if places::is_city(&format!("{w2} {word}")) || is_known_place(&format!("{w2} {word}")) =>
                {
                    (h2, &head[h2.len() + 1..])
                }
                _ => (h, word),
            };
            if town_like(town) && long_enough(h) {
                return Some((h.trim_end_matches(','), format!("{town}, {last}"), publisher));
            }
            return None;
        }
        // `..., Bologna`: a known city after a comma, or any town before an acronym publisher.
        if (places::is_city(last) || is_known_place(last) || publisher.is_some())
            && town_like(last)
            && long_enough(head)
        {
            return Some((head, last.to_string(), publisher));
        }
        return None;
    }
    // `... Studies Germany`: a country closing the name.
    let (head, last) = c.rsplit_once(' ')?;
    if places::is_country(last) && long_enough(head) && last.chars().next().is_some_and(char::is_uppercase) {
        return Some((head, last.to_string(), None));
    }
    None
}

/// A container that still holds journal numbers (`IEEE Transactions ..., 975-1008`,
/// `Global Networks, Vol. 6`, `Science, vol. 162, pages 1243–1248`) is split into its parts;
/// a proceedings title that ends with a known place (`... Sociology Bologna`) gives the place.
pub(crate) fn tidy_container(work: &mut Work) {
    let Some(container) = work.container_title.clone() else { return };
    if let Some(j) = journal(&container) {
        // `Comparative Urban and Community Research 6`: a bare number closing the title
        // of a book or proceedings, with no volume marker, is part of its name.
        let presented = container.to_lowercase().contains("presented at");
        let numbered_book = presented
            || matches!(work.kind, WorkType::Chapter | WorkType::PaperConference)
                && j.issue.as_deref().is_none_or(|i| i.chars().any(char::is_alphabetic))
                && j.pages.is_none()
                && container.split_whitespace().rev().nth(1).is_some_and(|w| {
                    !w.trim_matches([',', '.', '(']).eq_ignore_ascii_case("vol")
                        && !w.trim_matches([',', '(']).eq_ignore_ascii_case("volume")
                });
        if !numbered_book && j.container.as_deref().is_some_and(|c| c.split_whitespace().count() >= 1 && c != container)
        {
            work.container_title = j.container;
            work.volume = work.volume.take().or(j.volume);
            work.issue = work.issue.take().or(j.issue);
            work.pages = work.pages.take().or(j.pages);
            if work.kind == WorkType::Book {
                work.kind = WorkType::ArticleJournal;
            }
            return;
        }
    }
    let venue = VENUE_WORDS.iter().any(|w| container.to_lowercase().contains(w));
    if venue && work.place.is_none() && work.volume.is_none() {
        if let Some((head, place, publisher)) = venue_place(&container) {
            if work.kind == WorkType::ArticleJournal {
                work.kind = WorkType::PaperConference;
            }
            work.container_title = non_empty(head);
            work.place = Some(place);
            if work.publisher.is_none() {
                work.publisher = publisher;
            }
            return;
        }
    }
    // `Proceedings of ... Theory Tokyo` with the place `Japan`: the town was left in the name.
    if let Some(country) = work.place.clone().filter(|p| venue && (places::is_country(p) || is_state(p))) {
        let joined = format!("{container}, {country}");
        if let Some((head, place, None)) = venue_place(&joined).filter(|(h, _, _)| h.len() < container.len()) {
            work.container_title = non_empty(head);
            work.place = Some(place);
            return;
        }
    }
    if venue && work.place.is_none() {
        if let Some((head, last)) = container.rsplit_once(' ') {
            let of = head.rsplit(' ').next().is_some_and(|w| ["of", "de", "di", "in", "for", "at"].contains(&w));
            if is_known_place(last) && head.split_whitespace().count() >= 3 && !of {
                work.place = Some(last.to_string());
                work.container_title = Some(head.trim_end_matches(',').to_string());
            }
        }
    }
    // `International encyclopedia of the social sciences (Vol. 5`: an unclosed bracket of numbers.
    if let Some(open) = container.rfind(" (") {
        if !container[open..].contains(')') {
            work.container_title = Some(container[..open].to_string());
        }
    }
}

/// Words that may stand uncapitalised in a run of names.
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "de", "van", "von", "der", "den", "da", "del", "della", "di", "du", "le", "la", "y", "und", "ten",
    "ter", "dos", "das", "el", "bin", "et", "al.", "al",
];

/// `G.`, `D.E.`, `G.W`, `JM`, `D`: a token of initials.
fn initials_token(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// Whether `s` reads as a run of person names (`Portes, A., Guarnizo, L.
/// E., and Landolt, P.`, `M.C. Waters and T.R. Jiménez`, `Stephen Castles, Mark Miller, and Hein de Haas`) rather
/// than a title: capitalised words and initials only, at most three words to a name, and a
/// lone word only as the family name before its initials.
pub(crate) fn reads_as_names(s: &str) -> bool {
    let s = s.trim().trim_end_matches([',', ';', ' ']);
    if s.is_empty() || s.len() > 300 || s.chars().any(|c| c.is_ascii_digit() || "?!:\"“”‘’«»()[]/".contains(c))
    {
        return false;
    }
    #[derive(PartialEq, Clone, Copy)]
    enum K {
        Initials,
        One,
        More,
    }
    let mut kinds = Vec::new();
    for chunk in s.split([',', ';']) {
        let mut chunk = chunk.trim();
        for c in ["and ", "& "] {
            chunk = chunk.strip_prefix(c).unwrap_or(chunk);
        }
        for person in chunk.split(" and ").flat_map(|p| p.split(" & ")) {
            let words: Vec<&str> = person.split_whitespace().collect();
            if words.is_empty() {
                if chunk.is_empty() {
                    continue;
                }
                return false;
            }
            if words.iter().all(|w| initials_token(w)) {
                kinds.push(K::Initials);
                continue;
            }
            let mut full = 0;
            for w in &words {
                let w = w.trim_end_matches('.');
                if NAME_PARTICLES.contains(&w) || initials_token(w) {
                    continue;
                }
                let mut cs = w.chars();
                let capitalised = cs.next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
                    && w.chars().any(char::is_lowercase);
                if !capitalised {
                    return false;
                }
                full += 1;
            }
            if full == 0 || full > 3 {
                return false;
            }
            kinds.push(if words.len() == 1 { K::One } else { K::More });
        }
    }
    if kinds.is_empty() {
        return false;
    }
    // A lone word is a family name followed by its initials; initials follow a name.
    kinds.iter().enumerate().all(|(i, k)| match k {
        K::One => kinds.get(i + 1) == Some(&K::Initials),
        K::Initials => i > 0 && kinds[i - 1] != K::Initials,
        K::More => true,
    })
}

/// Editors found in what follows `In`: the names, a book title printed before them, and
/// the text after the names and their marker.
pub(crate) struct EditorSplit<'a> {
    pub editors: Vec<Name>,
    /// The names were taken for their capitalisation alone (`true`).
    pub loose: bool,
    /// `In Book, Names (eds.)`, `In Book. Names, eds.`, `In Book, eds. Names, pages`.
    pub book: Option<&'a str>,
    pub rest: &'a str,
}

/// Where the editors are in `In ...` text: before their marker (`In A. Name (Ed.), Book`,
/// `In Book, E. Neuhold, Ed. Publisher`, `In Book. B.J. Parker and C.P. Foster, eds.`) or,
/// for `eds.`/`ed.` printed before the names, after it (`In Book, eds. Terry Caelli and
/// Adnan Amin, 378–86`). `None` when there is no editor marker.
pub(crate) fn editors_in(inner: &str) -> Option<EditorSplit<'_>> {
    let found = find_editor_marker(inner);
    // The ACM form `, E. Neuhold, Ed. Publisher`: a capitalised marker after a comma.
    let acm = [", Ed. ", ", Eds. "].iter().filter_map(|m| inner.find(m).map(|i| (i, i + m.len() - 1))).min();
    let (ms, me) = match (found, acm) {
        (Some(f), Some(a)) => f.min(a),
        (f, a) => f.or(a)?,
    };
    if ms >= 250 {
        return None;
    }
    let pre = &inner[..ms];
    let after = inner[me..].trim_start_matches([',', '.', ' ', ':']);
    if reads_as_names(pre) {
        return Some(EditorSplit { editors: parse_names(pre), loose: false, book: None, rest: after });
    }
    // `In Book, eds. Names, 378–86`: the names follow a lowercase marker.
    let marker = inner[ms..me].trim_matches([',', ' ']);
    let comma_after = inner[me..].trim_start().starts_with(',');
    if ["eds.", "ed.", "eds", "ed"].contains(&marker) && !comma_after {
        let parts: Vec<&str> = after.split(", ").collect();
        let mut taken = 0;
        for n in 1..=parts.len().min(12) {
            if reads_as_names(&parts[..n].join(", ")) {
                taken = n;
            }
        }
        if taken > 0 {
            let names_len = parts[..taken].iter().map(|p| p.len() + 2).sum::<usize>() - 2;
            let mut names = &after[..names_len];
            let mut rest = after[names_len..].trim_start_matches([',', ' ']);
            // `Names. Third edition`: the names end at a sentence end.
            if let Some(&b) = sentence_breaks(names, &[]).first() {
                rest = after[b..].trim_start_matches([',', ' ']);
                names = &after[..b];
            }
            return Some(EditorSplit {
                editors: parse_names(names),
                loose: false,
                book: non_empty(pre).map(|_| pre.trim()),
                rest,
            });
        }
    }
    // Capitalised words only (`Waters, Mary, Jiménez, Tomás R.`): names, as printed.
    if names_loose(pre) {
        return Some(EditorSplit { editors: parse_names(pre), loose: true, book: None, rest: after });
    }
    // A book title before the names: split at the first comma or sentence end after which
    // only names follow.
    let mut cuts: Vec<(usize, usize)> = pre.match_indices(", ").map(|(i, _)| (i, i + 2)).collect();
    cuts.extend(sentence_breaks(pre, &[]).into_iter().map(|b| (b - 1, b)));
    cuts.sort_unstable();
    for (end, start) in cuts {
        let book = pre[..end].trim();
        let names = &pre[start..];
        if !book.is_empty() && !names.starts_with("and ") && reads_as_names(names) {
            return Some(EditorSplit { editors: parse_names(names), loose: false, book: Some(book), rest: after });
        }
    }
    None
}

/// Capitalised words, initials and name particles only, with no digits or title
/// punctuation: what a run of names can be when its structure is unusual.
fn names_loose(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && !s.chars().any(|c| c.is_ascii_digit() || "?!:\"“”‘’«»()[]/".contains(c))
        && s.split_whitespace().all(|w| {
            let w = w.trim_end_matches([',', ';', '.']);
            NAME_PARTICLES.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A book title and what followed its editors, as one container text: `Book, 378–86. Berlin:
/// Springer`, `Book. Springer Verlag`.
pub(crate) fn join_book(book: &str, rest: &str) -> String {
    let book = book.trim().trim_end_matches(',');
    let rest = rest.trim();
    if rest.is_empty() {
        book.to_string()
    } else if let Some(pages) = rest.strip_prefix("Pp. ").or_else(|| rest.strip_prefix("pp. ")) {
        format!("{book}, pp. {pages}")
    } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{book}, {rest}")
    } else if book.ends_with(['.', '?', '!']) {
        format!("{book} {rest}")
    } else {
        format!("{book}. {rest}")
    }
}

/// Whether `s` reads as a place of publication (`London`, `Boston, MA`).
pub(crate) fn is_place(s: &str) -> bool {
    looks_like_place(s)
}

/// An edition statement: `2nd ed`, `Third edition`, `2. Aufl`, `3e éd`, `2. vyd`.
fn is_edition(s: &str) -> bool {
    let lower = trim_field(s).to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let [number, word] = words.as_slice() else { return false };
    let ordinal = number.starts_with(|c: char| c.is_ascii_digit())
        || ["first", "second", "third", "fourth", "fifth", "sixth", "revised", "new"].contains(number);
    let word = word.trim_end_matches('.');
    ordinal
        && ["ed", "edn", "edition", "éd", "édition", "aufl", "auflage", "vyd", "wyd", "izd", "uitg", "druk"]
            .contains(&word)
}

/// A parenthesised edition (`(3rd ed.)`, `(2nd edn)`, `(Second edition)`): the byte offsets of
/// its brackets.
fn edition_parenthetical(s: &str) -> Option<(usize, usize)> {
    let open = s.find(" (")? + 1;
    let close = open + s[open..].find(')')?;
    let inner = s[open + 1..close].to_lowercase();
    let ordinal = inner.starts_with(|c: char| c.is_ascii_digit())
        || ["first", "second", "third", "fourth", "fifth", "revised", "new"].iter().any(|w| inner.starts_with(w));
    let words = inner.split_whitespace().count();
    (ordinal && words <= 4 && (inner.contains("ed.") || inner.contains("edn") || inner.contains("edition")))
        .then_some((open, close))
}

/// Whether the last sentence of `s` reads `Place: Publisher` with a known place first
/// (`Oxford; Malden: Blackwell`, `New York: Basic Books`).
pub(crate) fn ends_with_publishing_sentence(s: &str) -> bool {
    let last = s.rsplit(". ").next().unwrap_or(s);
    last.split_once(": ").is_some_and(|(place, publisher)| {
        let first = place.split([';', ',']).next().unwrap_or(place).trim();
        is_known_place(first) && !publisher.trim().is_empty() && !publisher.contains(": ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thesis_words_are_found_at_word_starts() {
        // The first-letter filter of `find_thesis_word` covers every word of the list.
        for w in THESIS_WORDS {
            assert_eq!(find_thesis_word(&format!("x, {w}, univ")), Some((3, w.len())), "{w}");
        }
        assert_eq!(find_thesis_word("phd thesis, mit"), Some((0, 10)));
        assert_eq!(find_thesis_word("cinemathesis"), None);
    }
}
