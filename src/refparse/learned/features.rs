//! The features of each token: a pure function of the reference's tokens. Each feature is
//! a 64-bit hash of a template number and a value; the model reduces it to a row of its
//! weight table. Templates: the word (lowercase, without outer punctuation), its shape,
//! prefixes and suffixes, the punctuation around it, brackets and quotes it lies in, its
//! position in the reference and relative to the first year, the script it is written in,
//! the dictionaries below and the gazetteer of places, and the same facts of its neighbours.

use super::guess::Guess;
use super::tokens::is_cjk;
use crate::refparse::places;
use crate::refparse::text::MONTH_WORDS;
use std::ops::Range;

/// The features of every token, flat: token `i` has `ids[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// Where each token's features start in `ids`, and one past the end.
    pub offsets: Vec<u32>,
    /// The hashed features.
    pub ids: Vec<u64>,
}

impl Features {
    /// The features of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Month names of other languages; the English ones (and seasons) are the rule parser's
/// [`MONTH_WORDS`], shared.
const OTHER_MONTHS: &[&str] = &[
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "des", "la", "le", "ter", "dos", "das", "do",
    "zu", "af", "bin", "ibn", "el", "al", "vander", "mc", "st",
];
const PUBLISHER_WORDS: &[&str] = &[
    "press",
    "presses",
    "verlag",
    "publishers",
    "publishing",
    "publications",
    "books",
    "editions",
    "éditions",
    "editora",
    "editorial",
    "edizioni",
    "wiley",
    "springer",
    "elsevier",
    "routledge",
    "sage",
    "blackwell",
    "macmillan",
    "palgrave",
    "penguin",
    "norton",
    "harper",
    "random",
    "house",
    "cambridge",
    "oxford",
    "university",
    "univ",
    "inc",
    "ltd",
    "gmbh",
    "co",
    "&",
    "sons",
    "academic",
    "taylor",
    "francis",
    "mit",
    "gallimard",
    "seuil",
    "suhrkamp",
    "campus",
    "beck",
    "kluwer",
    "pearson",
    "mcgraw-hill",
    "prentice",
    "hall",
    "addison-wesley",
    "basic",
    "vintage",
    "polity",
    "verso",
    "brill",
    "de gruyter",
    "gruyter",
    "peter",
    "lang",
    "harvard",
    "yale",
    "princeton",
    "chicago",
    "stanford",
    "columbia",
    "ieee",
    "acm",
    "aip",
    "iop",
    "crc",
    "dover",
];
const EDITOR_WORDS: &[&str] = &[
    "ed",
    "eds",
    "ed.",
    "eds.",
    "editor",
    "editors",
    "edited",
    "hrsg",
    "hg",
    "hrsg.",
    "hg.",
    "(ed.)",
    "(eds.)",
    "(ed)",
    "(eds)",
    "(hrsg.)",
    "(hg.)",
    "(dir.)",
    "dir.",
    "coord.",
    "a cura di",
    "éd.",
    "éds.",
];
const JOURNAL_WORDS: &[&str] = &[
    "j",
    "journal",
    "rev",
    "review",
    "proc",
    "proceedings",
    "trans",
    "transactions",
    "phys",
    "lett",
    "letters",
    "ann",
    "annals",
    "bull",
    "bulletin",
    "acta",
    "nature",
    "science",
    "am",
    "soc",
    "int",
    "intl",
    "res",
    "sci",
    "med",
    "chem",
    "biol",
    "math",
    "econ",
    "quarterly",
    "q",
    "studies",
    "zeitschrift",
    "revue",
    "rivista",
    "astrophys",
    "mon",
    "not",
    "nucl",
    "natl",
    "acad",
    "appl",
    "comput",
    "conf",
    "symp",
    "opin",
    "curr",
    "neurosci",
    "psychol",
    "sociol",
];
const THESIS_WORDS: &[&str] = &[
    "thesis",
    "dissertation",
    "phd",
    "ph.d",
    "diss",
    "doctoral",
    "master's",
    "masters",
    "report",
    "technical",
    "working",
    "paper",
    "papers",
    "discussion",
    "preprint",
    "arxiv",
    "manuscript",
    "unpublished",
    "tech",
    "rep",
    "memo",
    "series",
    "no",
    "nr",
    "vol",
    "volume",
    "pp",
    "p",
    "s",
    "pages",
    "issue",
    "edn",
    "edition",
    "ed",
    "in",
    "retrieved",
    "available",
    "accessed",
    "online",
    "from",
    "url",
    "doi",
    "et",
    "al",
    "and",
    "und",
    "et.",
    "n.d",
    "nd",
    "press",
    "forthcoming",
    "hrsg",
    "isbn",
    "issn",
    "pmid",
    "chapter",
    "chap",
    "ch",
    "vols",
];

/// FNV-1a over the template number and the bytes of a value.
fn hash(template: u8, value: &[u8]) -> u64 {
    extend(start(template), value)
}

fn start(template: u8) -> u64 {
    (0xcbf2_9ce4_8422_2325 ^ u64::from(template)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn extend(mut h: u64, value: &[u8]) -> u64 {
    for b in value {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What is known of one token on its own, shared by its neighbours' features. The lowercase
/// word and the shape are ranges of one buffer per reference (no allocation per token).
struct Tok<'a> {
    lower: Range<usize>,
    shape: Range<usize>,
    lead: &'a str,
    trail: &'a str,
    kind: u8,
}

/// The shape of a word: `X` upper, `x` lower, `d` digit, others as they are; runs of the
/// same class shortened to two.
#[cfg(test)]
fn shape(s: &str) -> String {
    let mut out = String::new();
    push_shape(s, &mut out);
    out
}

fn push_shape(s: &str, out: &mut String) {
    let (mut last, mut run) = ('\0', 0);
    for c in s.chars().take(24) {
        let k = if is_cjk(c) {
            'C'
        } else if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            out.push(k);
        }
    }
}

/// A coarse class of the token: 1 year, 2 number, 3 range, 4 initial, 5 capitalised,
/// 6 lower, 7 upper, 8 CJK, 9 URL, 10 DOI, 11 other script, 0 other.
fn kind(core: &str, raw: &str) -> u8 {
    let starts = |p: &str| raw.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if raw.contains("://") || starts("www.") {
        return 9;
    }
    if raw.contains("10.") && raw.contains('/') || starts("doi") {
        return 10;
    }
    let digits = core.bytes().filter(u8::is_ascii_digit).count();
    if (4..=5).contains(&core.len()) && digits == 4 && core.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        let y: u32 = core[..4].parse().unwrap_or(0);
        if (1500..=2099).contains(&y) {
            return 1;
        }
    }
    if digits > 0 && digits == core.len() {
        return 2;
    }
    if digits > 0 && core.chars().all(|c| c.is_ascii_digit() || "-–—‐‑−".contains(c)) {
        return 3;
    }
    let mut chars = core.chars();
    let first = chars.next();
    match first {
        None => 0,
        Some(c) if is_cjk(c) => 8,
        Some(c) if c.is_uppercase() && core.chars().count() == 1 => 4,
        Some(c) if c.is_uppercase() && chars.clone().all(|c| c.is_uppercase()) => 7,
        Some(c) if c.is_uppercase() => 5,
        Some(c) if c.is_lowercase() => 6,
        Some(c) if c.is_alphabetic() => 11,
        _ => 0,
    }
}

fn push_lower(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Reads one token, writing its lowercase word and shape to `buf`.
fn inspect<'a>(raw: &'a str, buf: &mut String) -> Tok<'a> {
    let core_start = raw.find(|c: char| c.is_alphanumeric()).unwrap_or(raw.len());
    let core_end = raw
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(core_start, |i| i + raw[i..].chars().next().map_or(1, char::len_utf8));
    let core_end = core_end.max(core_start);
    let core = &raw[core_start..core_end];
    let at = buf.len();
    push_lower(if core.is_empty() { raw } else { core }, buf);
    let lower = at..buf.len();
    push_shape(raw, buf);
    let shape = lower.end..buf.len();
    Tok { shape, kind: kind(core, raw), lead: &raw[..core_start], trail: &raw[core_end..], lower }
}

/// The dictionaries, sorted once for binary search.
fn sorted() -> &'static [Vec<&'static str>; 6] {
    static LISTS: std::sync::OnceLock<[Vec<&'static str>; 6]> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let months: Vec<&'static str> = MONTH_WORDS.iter().chain(OTHER_MONTHS).copied().collect();
        [&months[..], PARTICLES, PUBLISHER_WORDS, EDITOR_WORDS, JOURNAL_WORDS, THESIS_WORDS].map(|l| {
            let mut v = l.to_vec();
            v.sort_unstable();
            v
        })
    })
}

/// Whether `w` is in dictionary `k` (0 months, 1 particles, 2 publisher words, 3 editor
/// markers, 4 journal words, 5 thesis and locator words).
fn in_list(k: usize, w: &str) -> bool {
    sorted()[k].binary_search(&w).is_ok()
}

/// The features of the tokens of `text`; `guess` is the rule parser's reading of each token
/// ([`super::guess`]), when the model uses it.
pub fn features(text: &str, tokens: &[Range<usize>], guess: Option<&[Guess]>) -> Features {
    let n = tokens.len();
    let mut buf = String::with_capacity(text.len() * 2 + 8);
    let toks: Vec<Tok<'_>> = tokens.iter().map(|r| inspect(&text[r.clone()], &mut buf)).collect();
    let lower = |t: &Tok<'_>| &buf[t.lower.clone()];
    let shape_of = |t: &Tok<'_>| &buf[t.shape.clone()];
    let first_year = toks.iter().position(|t| t.kind == 1);
    let mut out = Features { offsets: Vec::with_capacity(n + 1), ids: Vec::with_capacity(n * 40) };
    // Bracket and quote depth, and sentences (`. ` ends) and commas before each token.
    let (mut paren, mut square, mut quote) = (0i32, 0i32, false);
    let (mut sentences, mut commas) = (0u8, 0u8);
    for i in 0..n {
        out.offsets.push(out.ids.len() as u32);
        let t = &toks[i];
        let raw = &text[tokens[i].clone()];
        let ids = &mut out.ids;
        let mut f = |template: u8, value: &[u8]| ids.push(hash(template, value));
        f(0, b"");
        let tl = lower(t);
        f(1, tl.as_bytes());
        f(2, shape_of(t).as_bytes());
        f(3, &[t.kind]);
        f(4, t.lead.as_bytes());
        f(5, t.trail.as_bytes());
        let nchars = tl.chars().count();
        for (k, (at, _)) in tl.char_indices().skip(1).take(3).enumerate() {
            if nchars > k + 1 {
                f(7 + k as u8, &tl.as_bytes()[..at]);
            }
        }
        for (k, (at, _)) in tl.char_indices().rev().take(3).enumerate() {
            if nchars > k + 1 {
                f(11 + k as u8, &tl.as_bytes()[at..]);
            }
        }
        // Position: the first three tokens exactly, then tenths of the reference.
        let pos = if i < 3 { i as u8 } else { 3 + (i * 10 / n.max(1)) as u8 };
        f(14, &[pos]);
        f(15, &[(n - 1 - i).min(3) as u8]);
        let year_side = match first_year {
            Some(y) if i < y => 0u8,
            Some(y) if i == y => 1,
            Some(_) => 2,
            None => 3,
        };
        f(16, &[year_side]);
        f(17, &[year_side, sentences.min(5)]);
        f(18, &[commas.min(6), year_side]);
        // Brackets and quotes: the depth before this token's own marks.
        // CJK title brackets (`『』《》「」〈〉`) count as quotes: they mark titles.
        let opens_quote = t.lead.contains(['"', '“', '‘', '«', '„', '『', '《', '「', '〈']);
        let closers = ['"', '”', '’', '»', '』', '》', '」', '〉'];
        // A lone mark (`』` is its own token) has no word, so all of it is its lead.
        let closes_quote = t.trail.contains(closers) || t.trail.is_empty() && t.lead == raw && raw.contains(closers);
        f(19, &[(paren > 0) as u8, (square > 0) as u8, quote as u8, opens_quote as u8, closes_quote as u8]);
        // Dictionaries.
        let w = tl;
        let dict = [
            in_list(0, w),
            in_list(1, w),
            in_list(2, w),
            in_list(3, w) || raw.starts_with('(') && in_list(3, &raw.to_lowercase()),
            in_list(4, w),
            in_list(5, w),
            places::CITIES.binary_search(&w).is_ok() || places::COUNTRIES.binary_search(&w).is_ok(),
            places::REGIONS.binary_search(&w).is_ok() || places::REGION_ABBREVIATIONS.contains(&w),
        ];
        for (k, yes) in dict.iter().enumerate() {
            if *yes {
                f(20 + k as u8, b"");
                f(28 + k as u8, &[year_side]);
            }
        }
        if t.kind == 5 && t.trail == "." && nchars <= 6 {
            f(36, b""); // an abbreviation: `Phys.`, `Curr.`
        }
        // Neighbours.
        for (d, template) in [(-2i64, 40u8), (-1, 44), (1, 48), (2, 52)] {
            let j = i as i64 + d;
            if j < 0 || j >= n as i64 {
                f(template, b"<edge>");
                continue;
            }
            let o = &toks[j as usize];
            if d.abs() == 1 {
                f(template, lower(o).as_bytes());
                f(template + 2, o.trail.as_bytes());
                f(template + 3, &[o.kind, t.kind]);
            }
            f(template + 1, shape_of(o).as_bytes());
        }
        if let Some(g) = guess {
            let at = |j: i64| if j < 0 || j >= n as i64 { 254 } else { g[j as usize] };
            let (p, c, x) = (at(i as i64 - 1), at(i as i64), at(i as i64 + 1));
            f(60, &[c]);
            f(61, &[c, t.kind]);
            f(62, &[p, c, x]);
            f(63, &[p, c]);
            f(64, &[c, x]);
            f(65, &[c, year_side]);
        }
        if i > 0 {
            let p = &toks[i - 1];
            f(56, &[p.trail.ends_with('.') as u8, t.kind]);
            ids.push(extend(extend(extend(start(57), lower(p).as_bytes()), b"|"), tl.as_bytes()));
        }
        // Update the running state after the token.
        for c in raw.chars() {
            match c {
                '(' | '（' => paren += 1,
                ')' | '）' => paren -= 1,
                '[' | '【' => square += 1,
                ']' | '】' => square -= 1,
                _ => {}
            }
        }
        paren = paren.max(0);
        square = square.max(0);
        if opens_quote && !closes_quote {
            quote = true;
        } else if closes_quote {
            quote = false;
        }
        if (t.trail.ends_with('.') && !(t.kind == 4 || nchars <= 2)) || raw == "." || raw == "。" {
            sentences = sentences.saturating_add(1);
        }
        if t.trail.ends_with(',') || raw == "，" {
            commas = commas.saturating_add(1);
        }
    }
    out.offsets.push(out.ids.len() as u32);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refparse::learned::tokens::tokenize;

    #[test]
    fn shapes_and_kinds() {
        assert_eq!(shape("Smith,"), "Xxx,");
        assert_eq!(shape("2013a"), "ddx");
        assert_eq!(kind("2013", "(2013)."), 1);
        assert_eq!(kind("431", "431"), 2);
        assert_eq!(kind("824-830", "824-830"), 3);
        assert_eq!(kind("A", "A."), 4);
        assert_eq!(kind("MNRAS", "MNRAS,"), 7);
        assert_eq!(kind("10.1000/x", "doi:10.1000/x"), 10);
        assert_eq!(kind("王小明", "王小明"), 8);
    }

    #[test]
    fn features_are_a_pure_function_of_the_tokens() {
        let text = "Name A., 2013, MNRAS, 431, 824";
        let toks = tokenize(text);
        let a = features(text, &toks, None);
        assert_eq!(a, features(text, &toks, None));
        assert_eq!(a.len(), toks.len());
        // The same word in another place has some features in common and some not.
        let b = features("MNRAS, 2013", &tokenize("MNRAS, 2013"), None);
        let shared = a.of(2).iter().filter(|x| b.of(0).contains(x)).count();
        assert!(shared > 3 && shared < a.of(2).len(), "{shared}");
    }
}
