//! Journal references in the rest of an entry: `Journal, 6 (2), 141-162`, `Journal 36:
//! 1-22`, `Journal, vol. 31, pages 975–1008`, and the German `31. Jg. H.5, S. 353-370`.

use super::rest::{ends_with_publishing_sentence, VENUE_WORDS};
use super::text::{is_pages, non_empty, trim_field, MONTH_WORDS};
use crate::model::{Work, WorkType};

pub(crate) struct Journal {
    pub(crate) container: Option<String>,
    pub(crate) volume: Option<String>,
    pub(crate) issue: Option<String>,
    pub(crate) pages: Option<String>,
}

impl Journal {
    /// Makes `work` an article in this journal.
    pub(crate) fn apply(self, work: &mut Work) {
        // `9th International Conference on ..., 41-48`: a meeting, not a journal.
        let lower = self.container.as_deref().unwrap_or("").to_lowercase();
        let meeting = VENUE_WORDS.iter().filter(|w| !w.starts_with("proc")).any(|w| lower.contains(w));
        work.kind = if meeting && self.volume.is_none() { WorkType::PaperConference } else { WorkType::ArticleJournal };
        work.container_title = self.container;
        work.volume = self.volume;
        work.issue = self.issue;
        work.pages = self.pages;
    }
}

/// `Journal, 6 (2), 141-162`, `Journal 415, 211-213`, `Journal 36: 1-22`, `Journal, 4(1-2), 48-63`,
/// `Journal, vol. 31, pages 975–1008`, `Journal, 5(1)`.
pub(crate) fn journal(s: &str) -> Option<Journal> {
    let s = trim_field(s);
    // Find the first number group that follows a name of at least one word.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && i > 0 && matches!(bytes[i - 1], b' ' | b',') {
            break;
        }
        i += 1;
    }
    if i >= bytes.len() {
        return None;
    }
    let mut name = s[..i].trim_end().trim_end_matches(',').trim_end();
    // `Book, Roma: 22-28`: a town and the pages of a book, not a journal's numbers.
    if let Some((_, town)) = name.strip_suffix(':').and_then(|n| n.rsplit_once(", ")) {
        if !town.contains(' ') && town.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    let mut issue_only = false;
    for marker in ["n°", "no.", "No.", "nr.", "Nr.", "Heft"] {
        if let Some(n) = name.strip_suffix(marker) {
            name = n.trim_end().trim_end_matches(',').trim_end();
            issue_only = true;
            break;
        }
    }
    // `ACL, pp. 311-318`: the number is a page range, the name ends before `pp.`.
    let mut pages_marked = false;
    for marker in ["pp.", "p.", "pages", "Pages", "pp"] {
        if let Some(n) = name.strip_suffix(marker) {
            if n.is_empty() || n.ends_with([' ', ',']) {
                name = n.trim_end().trim_end_matches(',').trim_end();
                pages_marked = true;
                break;
            }
        }
    }
    // `Ethnic and Racial Studies Special Issue 22`, `Journal, Special Issue: Transnational Communities`.
    if let Some(i) = name.find(" Special Issue").or_else(|| name.find(", Special Issue")) {
        name = name[..i].trim_end().trim_end_matches(',');
    }
    for prefix in ["vol.", "Vol.", "volume", "Volume", "vol", "Vol"] {
        if let Some(n) = name.strip_suffix(prefix) {
            name = n.trim_end().trim_end_matches(',').trim_end();
            break;
        }
    }
    // `40th Annual Meeting of the Association for Computational Linguistics, 311-318`: a venue may
    // start with its number.
    let numbered_venue = || {
        let lower = name.to_lowercase();
        VENUE_WORDS.iter().any(|w| lower.contains(w))
    };
    // `Paper presented at ESA 13`: a talk, whose number belongs to the meeting's name.
    let talk = ["paper presented", "presented at", "poster presented", "poster session"]
        .iter()
        .any(|t| name.get(..t.len()).is_some_and(|h| h.eq_ignore_ascii_case(t)));
    if name.is_empty() || talk || (name.chars().next().is_some_and(|c| c.is_ascii_digit()) && !numbered_venue()) {
        return None;
    }
    // `Global Networks: A Journal of Transnational Affairs 1(3): 195–216`: a journal with a
    // subtitle, only with volume, issue and pages all there (`Place: Publisher` has none).
    let subtitled = name.contains(": ");
    let nums = &s[i..];
    // volume
    let vol_end = nums.find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '–')).unwrap_or(nums.len());
    let volume = &nums[..vol_end];
    let mut rest = nums[vol_end..].trim_start();
    // `Review, 565-575` or `ACL, pp. 311-318`: no volume, only pages.
    // Not after a `Place: Publisher` sentence (`Book. New York: Basic Books, 3–30`), which
    // makes a book or chapter.
    if trim_field(rest).is_empty()
        && (volume.contains(['-', '–']) || pages_marked)
        && is_pages(volume)
        && !ends_with_publishing_sentence(name)
    {
        return Some(Journal { container: non_empty(name), volume: None, issue: None, pages: non_empty(volume) });
    }
    let mut issue = None;
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        issue = Some(r[..close].trim().to_string());
        rest = r[close + 1..].trim_start();
    }
    // `Science 162 (13 December): 1243-1248`: a day and month, not an issue.
    if issue.as_deref().is_some_and(|i| {
        i.chars().any(|c| c.is_ascii_digit())
            && i.split_whitespace().any(|w| MONTH_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
    }) {
        issue = None;
    }
    let mut rest = rest.trim_start_matches([',', ':', ' ']);
    // `n° 1`, `no. 1`, `No. 1`: the issue.
    for marker in ["n° ", "no. ", "No. ", "nr. ", "Nr. ", "Heft "] {
        if let Some(r) = rest.strip_prefix(marker) {
            let end = r.find([',', ':', ' ']).unwrap_or(r.len());
            if issue.is_none() {
                issue = non_empty(&r[..end]);
            }
            rest = r[end..].trim_start_matches([',', ':', ' ']);
        }
    }
    // A repeated year: `38(3) 2004, p.1002-1039`.
    if let Some(r) = rest.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).and(rest.get(4..)) {
        if r.starts_with([',', '.']) {
            rest = r.trim_start_matches([',', '.', ' ']);
        }
    }
    let rest = rest
        .strip_prefix("pages ")
        .or_else(|| rest.strip_prefix("S. "))
        .or_else(|| rest.strip_prefix("Pages "))
        .or_else(|| rest.strip_prefix("pp. "))
        .or_else(|| rest.strip_prefix("p. "))
        .or_else(|| rest.strip_prefix("pp."))
        .or_else(|| rest.strip_prefix("p."))
        .unwrap_or(rest);
    let rest = trim_field(rest);
    let pages = if rest.is_empty() {
        None
    } else if is_pages(rest) {
        Some(rest.to_string())
    } else {
        return None;
    };
    // `Global Networks, 6`: a volume alone, when it is too small to be a year.
    let volume_only =
        pages.is_none() && issue.is_none() && volume.len() <= 3 && volume.bytes().all(|b| b.is_ascii_digit());
    if pages.is_none() && issue.is_none() && !volume_only || subtitled && (issue.is_none() || pages.is_none()) {
        return None;
    }
    if issue_only {
        return Some(Journal { container: non_empty(name), volume: None, issue: non_empty(volume), pages });
    }
    Some(Journal { container: non_empty(name), volume: non_empty(volume), issue, pages })
}

/// A German journal reference: `Zeitschrift für X. 31. Jg. H.5, S. 353-370`, `27.Jg. H.1,
/// 58-74`, `35. Jg. Heft 4, 211 f.`: the Jahrgang is the volume, the Heft the issue.
pub(crate) fn jahrgang(s: &str) -> Option<Journal> {
    let jg = s.find("Jg.")?;
    let before = s[..jg].trim_end().strip_suffix('.')?;
    let num_start = before.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let volume = &before[num_start..];
    let name = before[..num_start].trim_end().trim_end_matches(['.', ',', ' ']);
    if volume.is_empty() || name.is_empty() {
        return None;
    }
    let mut rest = s[jg + 3..].trim_start_matches([' ', ',', '.']);
    let mut issue = None;
    for marker in ["Heft ", "H. ", "H."] {
        if let Some(r) = rest.strip_prefix(marker) {
            let end = r.find(|c: char| !c.is_ascii_alphanumeric() && c != '/' && c != '-').unwrap_or(r.len());
            issue = non_empty(&r[..end]);
            rest = r[end..].trim_start_matches([' ', ',', '.']);
            break;
        }
    }
    let rest = rest.strip_prefix("S. ").unwrap_or(rest);
    let rest = trim_field(rest);
    let pages = if rest.is_empty() {
        None
    } else if is_pages(rest) || rest.strip_suffix(" f").or_else(|| rest.strip_suffix(" ff")).is_some_and(is_pages) {
        Some(rest.to_string())
    } else {
        return None;
    };
    Some(Journal { container: non_empty(name), volume: Some(volume.to_string()), issue, pages })
}
