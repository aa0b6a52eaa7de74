//! Terms: which word sequences the article treats as concepts, and where each occurs.
//!
//! A term is proposed by a cue (`the notion of Y`, `what A calls Y`, `Y refers to`), by
//! quotation marks or emphasis around a short phrase, by a short section heading, or by
//! recurrence (a phrase of two or three content words used at least twice). Variants
//! meet under one key: the stems of the term's words, hyphens folded, determiners and
//! words about terms (`concept`, `perspective`) left off.

use super::cues::{adjacent, Quoted};
use super::lexicon::{Class, Side, GENERIC_HEADINGS, META_NOUNS, STOPWORDS};
use super::senses::Located;
use super::text::{Reading, Word};
use super::{quote_window, Article, Evidence};
use crate::model::SenseKind;
use std::collections::HashMap;
use std::ops::Range;

/// The most words in a term.
pub const MAX_TERM_WORDS: usize = 6;

/// How often a phrase of content words must recur to be proposed as a term.
const MIN_RECURRENCE: u32 = 2;

/// How a term was proposed, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A definition, naming or introducing cue.
    Cue,
    /// Quotation marks or emphasis.
    Quoted,
    /// A section heading.
    Heading,
    /// A modifier before a strong one-word term.
    Compound,
    /// Recurrence.
    Recurrent,
}

/// A proposed term, with all its variants.
#[derive(Debug, Clone)]
pub struct Term {
    /// The grouping key: stems joined by spaces.
    pub key: String,
    /// Surface forms (lowercased unless proper) and how often each was proposed or seen.
    pub forms: Vec<(String, u32)>,
    /// How it was proposed.
    pub origin: Origin,
    /// Score from the strongest proposal, 0 to 1.
    pub score: f32,
    /// The strength of the strongest cue that proposed it (0 when none did).
    pub cue_strength: f32,
    /// The strongest proposal's evidence.
    pub evidence: Evidence,
}

/// One occurrence of a term in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index into [`Found::terms`].
    pub term: usize,
    /// Index of the sentence.
    pub sentence: usize,
    /// The words (indices into [`Reading::words`]).
    pub words: Range<usize>,
}

/// The terms of an article and their occurrences, in reading order.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The terms.
    pub terms: Vec<Term>,
    /// Every occurrence, by sentence then position.
    pub occurrences: Vec<Occurrence>,
    /// Terms introduced by a sense cue: (term, sentence, kind, strength, cue phrase, words).
    pub cued: Vec<Cued>,
}

/// A term introduced by a sense cue in a sentence.
#[derive(Debug, Clone)]
pub struct Cued {
    /// Index into [`Found::terms`].
    pub term: usize,
    /// The sentence.
    pub sentence: usize,
    /// The kind the cue gives.
    pub kind: SenseKind,
    /// The cue's strength.
    pub strength: f32,
    /// The cue as listed.
    pub cue: &'static str,
    /// The term's words.
    pub words: Range<usize>,
}

fn is_stop(w: &Word) -> bool {
    STOPWORDS.contains(&w.lower.as_str())
}

/// The key of a word run: determiners at the ends and talk about terms at the end left off.
/// `None` if nothing of substance is left.
pub fn key_of(words: &[Word]) -> Option<(String, Range<usize>)> {
    let mut a = 0;
    let mut b = words.len();
    while a < b && is_stop(&words[a]) {
        a += 1;
    }
    while b > a && (is_stop(&words[b - 1]) || (b - a > 1 && META_NOUNS.contains(&words[b - 1].lower.as_str()))) {
        b -= 1;
    }
    if a >= b || b - a > MAX_TERM_WORDS {
        return None;
    }
    let run = &words[a..b];
    if run.iter().any(|w| w.lower.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    if !run.iter().any(|w| w.lower.chars().count() >= 4 && !is_stop(w)) {
        return None;
    }
    let mut key = String::new();
    for w in run {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w.stem);
    }
    Some((key, a..b))
}

/// The surface form of a run of words: the text with line breaks folded, lowercased unless
/// a word after the first is capitalised (a name).
fn form_of(text: &str, words: &[Word]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let between = &text[words[i - 1].span.end..w.span.start];
            out.push(if words[i - 1].hyphen_after {
                '-'
            } else if between.contains('/') {
                '/'
            } else if between.contains(',') {
                ','
            } else {
                ' '
            });
            if between.contains(',') {
                out.push(' ');
            }
        }
        out.push_str(&text[w.span.clone()]);
    }
    if words.iter().skip(1).any(|w| w.capital) {
        out
    } else {
        out.to_lowercase()
    }
}

struct Builder<'t> {
    text: &'t str,
    terms: Vec<Term>,
    index: HashMap<String, usize>,
}

impl Builder<'_> {
    fn propose(
        &mut self,
        words: &[Word],
        origin: Origin,
        score: f32,
        evidence: impl FnOnce() -> Evidence,
    ) -> Option<usize> {
        let (key, run) = key_of(words)?;
        let form = form_of(self.text, &words[run]);
        let id = match self.index.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.terms.len();
                self.terms.push(Term {
                    key: key.clone(),
                    forms: Vec::new(),
                    origin,
                    score: 0.0,
                    cue_strength: 0.0,
                    evidence: evidence(),
                });
                self.index.insert(key, id);
                id
            }
        };
        let term = &mut self.terms[id];
        match term.forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => term.forms.push((form, 1)),
        }
        if score > term.score {
            term.score = score;
        }
        term.origin = term.origin.min(origin);
        if origin == Origin::Cue {
            term.cue_strength = term.cue_strength.max(score);
        }
        Some(id)
    }
}

/// Whether a quoted span reads as a term: one to five words, not a title (capitals after
/// the first word), not a sentence.
fn quoted_term(text: &str, reading: &Reading, q: &Quoted, sentence_start: usize) -> bool {
    let words = &reading.words[q.words.clone()];
    let n = words.len();
    if n == 0 || n > 6 {
        return false;
    }
    let inner = &text[q.inner.clone()];
    if inner.contains(['.', '!', '?', ';', ':']) && !inner.ends_with('.') {
        return false;
    }
    // Longer quotes, or quotes with commas, are a term only when they name things
    // (`isomorphism of space, place and culture`): no verb-like word, no pronoun.
    let naming =
        |w: &Word| (!is_stop(w) || matches!(w.lower.as_str(), "of" | "and" | "or" | "the")) && !w.lower.ends_with("ed");
    if (n > 4 || inner.contains(',')) && !words.iter().all(naming) {
        return false;
    }
    if words.iter().skip(1).any(|w| w.capital) {
        return false;
    }
    if !plausible(words) {
        return false;
    }
    // A capitalised single word in mid-sentence is a name or a title.
    if words[0].capital && q.outer.start > sentence_start && n == 1 {
        return false;
    }
    true
}

/// Finds the article's terms and every occurrence of each.
pub fn find(article: &Article<'_>, reading: &Reading, located: &Located) -> Found {
    let text = article.text;
    let mut b = Builder { text, terms: Vec::new(), index: HashMap::new() };
    let mut cued = Vec::new();
    // Occurrences that are not a run of words (`'social' or 'political' remittances`).
    let mut extra: Vec<Occurrence> = Vec::new();
    let evidence =
        |sentence: usize, focus: Range<usize>, cue: &str| located.evidence(text, reading, sentence, focus, cue);
    for (si, s) in reading.sentences.iter().enumerate() {
        let info = &located.sentences[si];
        if let Some(list) = keywords(text, s.span.clone()) {
            for part in list {
                let words: Vec<Word> =
                    reading.words[s.words.clone()].iter().filter(|w| part.contains(&w.span.start)).cloned().collect();
                if (1..=4).contains(&words.len()) {
                    let focus = part.clone();
                    b.propose(&words, Origin::Heading, 0.55, || evidence(si, focus, "keyword"));
                }
            }
            continue;
        }
        if s.heading {
            // A short heading names a topic.
            let title = text[s.span.clone()].trim_start_matches('#').trim();
            let head = title.split(':').next().unwrap_or(title).trim();
            let lower = head.to_lowercase();
            let words: Vec<Word> = reading.words[s.words.clone()]
                .iter()
                .filter(|w| w.span.start < s.span.start + (text[s.span.clone()].len() - title.len()) + head.len())
                .cloned()
                .collect();
            if !GENERIC_HEADINGS.contains(&lower.as_str())
                && (1..=3).contains(&words.len())
                && !words.first().is_some_and(is_stop)
            {
                let focus = s.span.clone();
                b.propose(&words, Origin::Heading, 0.45, || evidence(si, focus, "section heading"));
            }
            continue;
        }
        // Terms the cues introduce.
        for hit in &info.hits {
            let Class::Sense(kind, side) = hit.cue.class else { continue };
            let run = match side {
                Side::Gap => hit.gap.clone().map(|g| trim_citation(located, si, reading, g)),
                Side::After => Some(after(text, reading, info.quoted.as_slice(), hit.words.end, s.words.end)),
                Side::Before => Some(before(text, reading, info.quoted.as_slice(), hit.words.start, s.words.start)),
                Side::Sentence => None,
            };
            let Some(run) = run.filter(|r| !r.is_empty()) else { continue };
            // A gap that holds a quote: the quote is the term.
            let quote = info
                .quoted
                .iter()
                .find(|q| q.words.start >= run.start && q.words.end <= run.end && !q.words.is_empty());
            let run = quote.map_or(run, |q| q.words.clone());
            // `the concept of 'social' or 'political' remittances`: each quoted modifier with
            // the head they share is a term.
            if let Some(parts) = coordinated(text, reading, &info.quoted, run.clone(), s.words.end) {
                for (words, span) in parts {
                    let focus = reading.words[hit.words.start].span.start..reading.words[span.end - 1].span.end;
                    let cue = hit.cue.phrase;
                    if let Some(id) = b.propose(&words, Origin::Cue, hit.cue.strength, || evidence(si, focus, cue)) {
                        cued.push(Cued {
                            term: id,
                            sentence: si,
                            kind,
                            strength: hit.cue.strength,
                            cue,
                            words: span.clone(),
                        });
                        extra.push(Occurrence { term: id, sentence: si, words: span });
                    }
                }
                continue;
            }
            let words = &reading.words[run.clone()];
            // Capitals after the first word make a name or a title, unless a strong cue
            // introduces the words as a term (`the concept of a Gutenberg Parenthesis`).
            let capitals = words.iter().skip(1).any(|w| w.capital);
            let all_capitals = words.iter().all(|w| w.capital || is_stop(w));
            if capitals && (hit.cue.strength < 0.7 || !all_capitals) || !plausible(words) {
                continue;
            }
            // Unquoted words are a term only after a strong cue.
            let needed = if side == Side::Before { 0.8 } else { 0.7 };
            if quote.is_none() && (hit.cue.strength < needed || words.len() == 1 && side == Side::Before) {
                continue;
            }
            let focus = reading.words[hit.words.start.min(run.start)].span.start
                ..reading.words[(hit.words.end.max(run.end)) - 1].span.end;
            let cue = hit.cue.phrase;
            if let Some(id) = b.propose(words, Origin::Cue, hit.cue.strength, || evidence(si, focus, cue)) {
                cued.push(Cued { term: id, sentence: si, kind, strength: hit.cue.strength, cue, words: run });
            }
        }
        // `a kind of Y`, `such as Y`: Y is a term when quoted or of two or three words.
        for hit in &info.hits {
            if !matches!(hit.cue.class, Class::KindOf | Class::Example) {
                continue;
            }
            let run = after(text, reading, info.quoted.as_slice(), hit.words.end, s.words.end);
            let run = run.start..run.end.min(run.start + 2);
            let words = &reading.words[run.clone()];
            if words.len() >= 2 && !words.iter().any(|w| w.capital) && plausible(words) {
                let focus = reading.words[hit.words.start].span.start..words[words.len() - 1].span.end;
                b.propose(words, Origin::Cue, 0.45, || evidence(si, focus, hit.cue.phrase));
            }
        }
        // Quoted and emphasised terms.
        for q in &info.quoted {
            if quoted_term(text, reading, q, s.span.start) {
                let near_citation = located.citation_near(si, q.outer.clone()).is_some();
                let score = if near_citation { 0.6 } else { 0.5 };
                let focus = q.outer.clone();
                b.propose(&reading.words[q.words.clone()], Origin::Quoted, score, || {
                    evidence(si, focus, "quoted term")
                });
            }
        }
    }
    recurrent(text, reading, located, &mut b);
    compounds(text, reading, &mut b);
    let mut occurrences = occurrences(text, reading, &b);
    for o in &occurrences {
        let form = form_of(text, &reading.words[o.words.clone()]);
        let term = &mut b.terms[o.term];
        match term.forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => term.forms.push((form, 1)),
        }
    }
    if !extra.is_empty() {
        occurrences.extend(extra);
        occurrences.sort_by_key(|o| (o.sentence, o.words.start, o.words.end));
    }
    Found { terms: b.terms, occurrences, cued }
}

/// A quoted modifier coordinated with another before a shared head (`'social' or
/// 'political' remittances`): each modifier's words with the head, and the words they span.
fn coordinated(
    text: &str,
    reading: &Reading,
    quoted: &[Quoted],
    run: Range<usize>,
    end: usize,
) -> Option<Vec<(Vec<Word>, Range<usize>)>> {
    let first = quoted.iter().find(|q| q.words == run && !run.is_empty())?;
    let conj = first.words.end;
    if conj >= end || !matches!(reading.words[conj].lower.as_str(), "or" | "and") {
        return None;
    }
    let second = quoted.iter().find(|q| q.words.start == conj + 1 && !q.words.is_empty())?;
    let head = second.words.end;
    let h = reading.words.get(head).filter(|_| head < end)?;
    let last = &reading.words[head - 1];
    if is_stop(h) || h.capital || !adjacent(text, last, h) || !plausible(std::slice::from_ref(h)) {
        return None;
    }
    let with_head = |q: &Quoted| {
        let mut words: Vec<Word> = reading.words[q.words.clone()].to_vec();
        words.push(h.clone());
        (words, q.words.start..head + 1)
    };
    Some(vec![with_head(first), with_head(second)])
}

/// The words of a gap, without a citation inside it (`what Smith (1999) calls`).
fn trim_citation(located: &Located, si: usize, reading: &Reading, gap: Range<usize>) -> Range<usize> {
    let cites = &located.sentences[si].citations;
    let mut end = gap.end;
    while end > gap.start && cites.iter().any(|&c| located.cited[c].span.contains(&reading.words[end - 1].span.start)) {
        end -= 1;
    }
    gap.start..end
}

/// The term right after a cue: a quote starting there, else up to three content words
/// standing together.
fn after(text: &str, reading: &Reading, quoted: &[Quoted], from: usize, end: usize) -> Range<usize> {
    if let Some(q) =
        quoted.iter().find(|q| q.words.start == from || q.words.start == from + 1 && is_stop(&reading.words[from]))
    {
        return q.words.clone();
    }
    let mut i = from;
    while i < end && is_stop(&reading.words[i]) {
        i += 1;
    }
    let start = i;
    while i < end
        && i - start < 3
        && !is_stop(&reading.words[i])
        && (i == start || adjacent(text, &reading.words[i - 1], &reading.words[i]))
    {
        // A capitalised run (a name for a concept) ends where the capitals end.
        if i > start && reading.words[start].capital != reading.words[i].capital {
            break;
        }
        i += 1;
    }
    start..i
}

/// The term right before a cue: a quote ending there, else up to three content words.
fn before(text: &str, reading: &Reading, quoted: &[Quoted], to: usize, start: usize) -> Range<usize> {
    if let Some(q) =
        quoted.iter().find(|q| q.words.end == to || q.words.end + 1 == to && is_stop(&reading.words[to - 1]))
    {
        return q.words.clone();
    }
    let mut i = to;
    // `Y, defined as`: skip the comma.
    while i > start && is_stop(&reading.words[i - 1]) {
        i -= 1;
    }
    let end = i;
    while i > start
        && end - i < 3
        && !is_stop(&reading.words[i - 1])
        && (i == end || adjacent(text, &reading.words[i - 1], &reading.words[i]))
    {
        i -= 1;
    }
    i..end
}

/// How often a phrase was seen, and where first: (count, sentence, words).
type Seen = (u32, usize, Range<usize>);

/// Phrases of two or three content words that recur at least [`MIN_RECURRENCE`] times, lowercase
/// (not names), each word a letter word of at least three letters.
fn recurrent(text: &str, reading: &Reading, located: &Located, b: &mut Builder<'_>) {
    let mut counts: HashMap<String, (u32, usize, Range<usize>)> = HashMap::new();
    for (si, s) in reading.sentences.iter().enumerate() {
        if s.heading {
            continue;
        }
        let words = &reading.words[s.words.clone()];
        for i in 0..words.len() {
            for n in 2..=3 {
                if i + n > words.len() {
                    break;
                }
                let run = &words[i..i + n];
                let ok = run.iter().enumerate().all(|(k, w)| {
                    !is_stop(w)
                        && (!w.capital || (k == 0 && i == 0))
                        && w.lower.chars().count() >= 3
                        && w.lower.chars().all(char::is_alphabetic)
                        && !w.lower.ends_with("ly")
                        && (k == 0 || adjacent(text, &run[k - 1], w))
                });
                if !ok || located.in_citation(si, run[0].span.start) {
                    continue;
                }
                let key: Vec<&str> = run.iter().map(|w| w.stem.as_str()).collect();
                let e = counts.entry(key.join(" ")).or_insert((0, si, s.words.start + i..s.words.start + i + n));
                e.0 += 1;
            }
        }
    }
    let mut keep: Vec<(String, Seen)> = counts.into_iter().filter(|(_, (n, _, _))| *n >= MIN_RECURRENCE).collect();
    keep.sort_by(|a, b| a.1 .1.cmp(&b.1 .1).then_with(|| a.0.cmp(&b.0)));
    for (_, (n, si, run)) in keep {
        let words = &reading.words[run.clone()];
        let focus = words[0].span.start..words[words.len() - 1].span.end;
        let score = (0.25 + 0.02 * n as f32).min(0.4);
        b.propose(words, Origin::Recurrent, score, || located.evidence(text, reading, si, focus, "recurring phrase"));
    }
}

/// Every occurrence of every term: at each word, the longest key that starts there.
fn occurrences(text: &str, reading: &Reading, b: &Builder<'_>) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut key = String::new();
    // Only words that can start a term are tried.
    let firsts: std::collections::HashSet<&str> = b.index.keys().map(|k| k.split(' ').next().unwrap_or("")).collect();
    for (si, s) in reading.sentences.iter().enumerate() {
        let mut i = s.words.start;
        while i < s.words.end {
            if !firsts.contains(reading.words[i].stem.as_str()) {
                i += 1;
                continue;
            }
            let mut found = None;
            let max = MAX_TERM_WORDS.min(s.words.end - i);
            for n in (1..=max).rev() {
                let run = &reading.words[i..i + n];
                // Words of a term stand together; a list term of three words or more may
                // hold commas (`space, place and culture`).
                let joined = |p: &[Word]| {
                    adjacent(text, &p[0], &p[1])
                        || n >= 3 && text[p[0].span.end..p[1].span.start].trim_start_matches(',').trim().is_empty()
                };
                if !run.windows(2).all(joined) {
                    continue;
                }
                key.clear();
                for w in run {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(&w.stem);
                }
                if let Some(&t) = b.index.get(key.as_str()) {
                    found = Some((t, n));
                    break;
                }
            }
            match found {
                Some((t, n)) => {
                    out.push(Occurrence { term: t, sentence: si, words: i..i + n });
                    // A compound also mentions the one-word terms it is made of
                    // (`'transnational' social fields` mentions `transnational`).
                    if n > 1 {
                        for j in i..i + n {
                            if let Some(&u) = b.index.get(reading.words[j].stem.as_str()) {
                                out.push(Occurrence { term: u, sentence: si, words: j..j + 1 });
                            }
                        }
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The preferred label of a term: the most frequent form, preferring a noun in `-ism`
/// or a longer form on ties.
pub fn label_of(term: &Term) -> String {
    let mut forms = term.forms.clone();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.len().cmp(&a.0.len())).then_with(|| a.0.cmp(&b.0)));
    forms.first().map(|f| f.0.clone()).unwrap_or_default()
}

/// Quote window helper reused by the callers.
pub(crate) fn window(text: &str, sentence: Range<usize>, focus: Range<usize>) -> Range<usize> {
    quote_window(text, sentence, focus)
}

/// Whether words can make a term: no adverb in `-ly`, and a single word is not a verb form
/// in `-ing` or `-ed`.
fn plausible(words: &[Word]) -> bool {
    if words.iter().any(|w| w.lower.ends_with("ly") && w.lower.len() > 4) {
        return false;
    }
    !(words.len() == 1 && (words[0].lower.ends_with("ing") || words[0].lower.ends_with("ed")))
}

/// The items of a keywords paragraph (`keywords: a; b ◆ c`), as byte ranges.
fn keywords(text: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
    let s = &text[span.clone()];
    let bare = s.trim_start_matches(['*', '_', '#', ' ']);
    let lower = bare.get(..8)?.to_ascii_lowercase();
    if lower != "keywords" {
        return None;
    }
    let offset = span.start + (s.len() - bare.len()) + 8;
    let rest = &text[offset..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in rest.char_indices().chain(std::iter::once((rest.len(), ';'))) {
        if matches!(c, ';' | ',' | '\u{25c6}' | '\u{2022}' | '\u{00b7}' | '|') {
            let part = &rest[start..i];
            let trimmed = part.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == ':' || c == '_');
            if !trimmed.is_empty() {
                let a = offset + start + part.find(trimmed).unwrap_or(0);
                out.push(a..a + trimmed.len());
            }
            start = i + c.len_utf8();
        }
    }
    Some(out)
}

/// Suffixes of abstract nouns, which a recurring single word needs to be a term.
const ABSTRACT: &[&str] = &["ism", "ity", "tion", "sion", "ance", "ence", "ment", "hood", "ship", "ology"];

/// Compounds of a modifier and a strong one-word term (`hard transnationalism`, `implicit
/// nationalism`): the modifier a lowercase content word of four letters or more, written
/// right before the term's word. Also single abstract nouns (`remittances`,
/// `assimilation`) used at least three times.
fn compounds(text: &str, reading: &Reading, b: &mut Builder<'_>) {
    let strong: std::collections::HashSet<String> =
        b.terms.iter().filter(|t| t.score >= 0.5 && !t.key.contains(' ')).map(|t| t.key.clone()).collect();
    let mut singles: HashMap<String, (u32, usize)> = HashMap::new();
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for (si, s) in reading.sentences.iter().enumerate() {
        if s.heading {
            continue;
        }
        let words = &reading.words[s.words.clone()];
        for (i, w) in words.iter().enumerate() {
            if !w.capital
                && w.lower.chars().all(char::is_alphabetic)
                && ABSTRACT.iter().any(|x| w.stem.ends_with(x) || w.lower.ends_with(x))
            {
                let e = singles.entry(w.stem.clone()).or_insert((0, s.words.start + i));
                e.0 += 1;
            }
            if i == 0 || !strong.contains(&w.stem) || !w.lower.ends_with("ism") {
                continue;
            }
            let m = &words[i - 1];
            let verb_form =
                (m.lower.ends_with("ing") || m.lower.ends_with("ed")) && !(i >= 2 && words[i - 2].hyphen_after);
            if verb_form
                || is_stop(m)
                || m.capital
                || m.lower.chars().count() < 4
                || !m.lower.chars().all(char::is_alphabetic)
                || !adjacent(text, m, w)
                || m.lower.ends_with("ly")
            {
                continue;
            }
            // A hyphenated modifier comes whole (`state-seeking nationalism`).
            let first = if i >= 2 && words[i - 2].hyphen_after { i - 2 } else { i - 1 };
            found.push((si, s.words.start + first..s.words.start + i + 1));
        }
    }
    for (si, run) in found {
        let words = &reading.words[run];
        let focus = words[0].span.start..words[words.len() - 1].span.end;
        let span = reading.sentences[si].span.clone();
        let paragraph = reading.sentences[si].paragraph;
        b.propose(words, Origin::Compound, 0.35, || Evidence {
            quote: text[super::quote_window(text, span.clone(), focus.clone())].to_string(),
            span: super::quote_window(text, span, focus),
            section: None,
            paragraph,
            cue: "compound of a term".to_string(),
        });
    }
    let mut singles: Vec<(String, (u32, usize))> = singles.into_iter().filter(|(_, (n, _))| *n >= 3).collect();
    singles.sort_by_key(|a| a.1 .1);
    for (_, (n, wi)) in singles {
        let w = &reading.words[wi..wi + 1];
        let si = reading.sentences.partition_point(|s| s.words.end <= wi);
        let Some(s) = reading.sentences.get(si) else { continue };
        let focus = w[0].span.clone();
        let span = super::quote_window(text, s.span.clone(), focus);
        let paragraph = s.paragraph;
        b.propose(w, Origin::Recurrent, (0.25 + 0.01 * n as f32).min(0.35), || Evidence {
            quote: text[span.clone()].to_string(),
            span,
            section: None,
            paragraph,
            cue: "recurring abstract noun".to_string(),
        });
    }
}
