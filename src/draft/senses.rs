//! Senses: which work defines, names, uses or criticises each term.
//!
//! A term's occurrence in a sentence belongs to the citation nearest to it in that sentence
//! (and to the citations grouped with that one in the same parenthesis), or, in a sentence
//! with no citation, to the article itself. The kind comes from the cue that introduced the
//! term there, else from the sentence's cues (`criticised`, `defines`), else `uses`.

use super::cues::{cues_in, quoted_in, Hit, Quoted};
use super::lexicon::{Class, DISCIPLINES};
use super::terms::{label_of, window, Found, Origin};
use super::text::Reading;
use super::{slug, Article, Cited, DraftConcept, DraftRelation, DraftSense, Evidence};
use crate::model::{Relation, SenseKind, WorkKey};
use std::collections::HashMap;
use std::ops::Range;

/// What the drafter knows about one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceInfo {
    /// Indices into [`Located::cited`] of the citations inside it, in text order.
    pub citations: Vec<usize>,
    /// Its cues.
    pub hits: Vec<Hit>,
    /// Its quoted spans.
    pub quoted: Vec<Quoted>,
    /// Its section's title.
    pub section: Option<usize>,
}

/// Citations, cues, quotes and sections placed on the sentences.
#[derive(Debug, Clone)]
pub struct Located {
    /// The citations, in text order.
    pub cited: Vec<Cited>,
    /// One entry per sentence.
    pub sentences: Vec<SentenceInfo>,
    /// Section titles.
    pub titles: Vec<String>,
    /// Index in [`cited`](Self::cited) of the first name mention.
    pub mentions: usize,
}

impl Located {
    /// Places the article's citations, cues and quotes on its sentences.
    pub fn new(article: &Article<'_>, reading: &Reading) -> Self {
        let mut cited: Vec<Cited> = article.citations.to_vec();
        cited.sort_by_key(|c| (c.span.start, c.span.end));
        let mut sentences = Vec::with_capacity(reading.sentences.len());
        let mut c = 0;
        let mut sections: Vec<(Range<usize>, usize)> =
            article.sections.iter().enumerate().map(|(i, (r, _))| (r.clone(), i)).collect();
        sections.sort_by_key(|(r, _)| r.start);
        let mut sec = 0;
        let mut current = None;
        for s in &reading.sentences {
            while c < cited.len() && cited[c].span.start < s.span.start {
                c += 1;
            }
            let mut here = Vec::new();
            let mut k = c;
            while k < cited.len() && cited[k].span.start < s.span.end {
                here.push(k);
                k += 1;
            }
            while sec < sections.len() && sections[sec].0.start <= s.span.start {
                current = Some(sections[sec].1);
                sec += 1;
            }
            let section = current.filter(|&i| article.sections[i].0.contains(&s.span.start));
            sentences.push(SentenceInfo {
                citations: here,
                hits: cues_in(article.text, reading, s),
                quoted: quoted_in(article.text, reading, s),
                section,
            });
        }
        let titles = article.sections.iter().map(|(_, t)| t.clone()).collect();
        let mut located = Located { cited, sentences, titles, mentions: 0 };
        located.add_mentions(article.text, reading);
        located
    }

    /// Adds the works the prose names by their authors' family names: in a sentence
    /// without its citation, a capitalised family name of a cited work stands for the
    /// citation of that name nearest in the text. Mentions go after the citations in
    /// [`cited`](Self::cited), from index [`mentions`](Self::mentions).
    fn add_mentions(&mut self, text: &str, reading: &Reading) {
        self.mentions = self.cited.len();
        // Family name (first word) -> positions of its citations.
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in self.cited.iter().enumerate() {
            for n in &c.names {
                if let Some(first) = n.split_whitespace().last() {
                    by_name.entry(first).or_default().push(i);
                }
            }
        }
        let mut added: Vec<(usize, Cited)> = Vec::new();
        for (si, s) in reading.sentences.iter().enumerate() {
            if s.heading {
                continue;
            }
            let inside: Vec<usize> = self.sentences[si].citations.clone();
            for w in &reading.words[s.words.clone()] {
                if !w.capital {
                    continue;
                }
                let name = &text[w.span.clone()];
                let name = name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or(name);
                let Some(list) = by_name.get(name) else { continue };
                if inside.iter().any(|&c| {
                    self.cited[c].span.contains(&w.span.start) || self.cited[c].names.iter().any(|n| n.ends_with(name))
                }) {
                    continue;
                }
                // The nearest citation of that name: the last before, else the first after.
                let before = list.iter().rev().find(|&&c| self.cited[c].span.start <= w.span.start);
                let Some(&c) = before.or_else(|| list.first()) else { continue };
                let mut m = self.cited[c].clone();
                m.span = w.span.clone();
                m.locator = None;
                if !added.iter().any(|(s2, x)| *s2 == si && x.work == m.work) {
                    added.push((si, m));
                }
            }
        }
        for (si, m) in added {
            let idx = self.cited.len();
            self.cited.push(m);
            let list = &mut self.sentences[si].citations;
            list.push(idx);
            let cited = &self.cited;
            list.sort_by_key(|&c| cited[c].span.start);
        }
    }

    /// Whether citation `c` is a name in the prose rather than a citation.
    pub fn is_mention(&self, c: usize) -> bool {
        c >= self.mentions
    }

    /// Evidence from sentence `si`, centred on `focus`.
    pub fn evidence(&self, text: &str, reading: &Reading, si: usize, focus: Range<usize>, cue: &str) -> Evidence {
        let s = &reading.sentences[si];
        let span = window(text, s.span.clone(), focus);
        Evidence {
            quote: text[span.clone()].to_string(),
            span,
            section: self.sentences[si].section.map(|i| self.titles[i].clone()),
            paragraph: s.paragraph,
            cue: cue.to_string(),
        }
    }

    /// The citation of sentence `si` nearest to `at`, if any, with its distance in bytes.
    pub fn citation_near(&self, si: usize, at: Range<usize>) -> Option<(usize, usize)> {
        self.sentences[si]
            .citations
            .iter()
            .map(|&c| {
                let span = &self.cited[c].span;
                let d = span.start.saturating_sub(at.end).max(at.start.saturating_sub(span.end));
                (c, d)
            })
            .min_by_key(|&(_, d)| d)
    }

    /// Whether byte `at` lies inside a citation of sentence `si`.
    pub fn in_citation(&self, si: usize, at: usize) -> bool {
        self.sentences[si].citations.iter().any(|&c| self.cited[c].span.contains(&at))
    }

    /// The citations grouped with citation `c`: those joined to it by nothing but
    /// punctuation and spaces (`(A 1999; B 2001)`, `[A 1999] [B 2001]`).
    pub fn group_of(&self, text: &str, si: usize, c: usize) -> Vec<usize> {
        let list = &self.sentences[si].citations;
        let Some(pos) = list.iter().position(|&x| x == c) else { return vec![c] };
        let joined = |a: usize, b: usize| {
            let (x, y) = (&self.cited[a].span, &self.cited[b].span);
            x.end <= y.start
                && text.get(x.end..y.start).is_some_and(|between| {
                    between.len() <= 12 && between.chars().all(|ch| !ch.is_alphanumeric() || between.trim() == "and")
                })
        };
        let mut lo = pos;
        while lo > 0 && joined(list[lo - 1], list[lo]) {
            lo -= 1;
        }
        let mut hi = pos;
        while hi + 1 < list.len() && joined(list[hi], list[hi + 1]) {
            hi += 1;
        }
        list[lo..=hi].to_vec()
    }
}

/// The discipline a sentence states, if any.
fn discipline(text: &str, span: Range<usize>) -> Option<String> {
    let lower = format!("{} ", text[span].to_lowercase());
    DISCIPLINES.iter().find(|(cue, _)| lower.contains(cue)).map(|(_, d)| d.to_string())
}

/// The kind the cues of a sentence give, with the cue and its strength.
fn sentence_kind(hits: &[Hit]) -> Option<(SenseKind, &'static str, f32)> {
    let mut best: Option<(SenseKind, &'static str, f32)> = None;
    for h in hits {
        if let Class::Sense(kind, _) = h.cue.class {
            if kind != SenseKind::Uses && best.is_none_or(|b| h.cue.strength > b.2) {
                best = Some((kind, h.cue.phrase, h.cue.strength));
            }
        }
    }
    best
}

/// Whether the sentence speaks in the article's own voice (`I`, `this article`).
fn self_voiced(hits: &[Hit]) -> bool {
    hits.iter().any(|h| h.cue.class == Class::SelfReference && h.cue.strength >= 1.0)
}

/// The weight of a citation in the next or previous sentence of the paragraph.
const NEIGHBOUR: f32 = 0.5;

/// For a sentence without citations: the citation of the paragraph's previous sentence
/// nearest to it (its last), else the next sentence's first.
fn neighbour(reading: &Reading, located: &Located, si: usize) -> Option<usize> {
    let para = reading.sentences[si].paragraph;
    let prev = si.checked_sub(1).filter(|&p| reading.sentences[p].paragraph == para);
    let next = Some(si + 1).filter(|&n| n < reading.sentences.len() && reading.sentences[n].paragraph == para);
    prev.and_then(|p| located.sentences[p].citations.last().copied())
        .or_else(|| next.and_then(|n| located.sentences[n].citations.first().copied()))
}

/// The confidence of the article's own use of a term that every use of attributes to
/// other works.
const OWN_USE: f32 = 0.2;

/// The lowest confidence a kept concept may have.
pub const MIN_CONCEPT: f32 = 0.3;

/// Turns terms and their occurrences into concepts with senses and relations.
pub fn attribute(article: &Article<'_>, reading: &Reading, located: &Located, found: &Found) -> Vec<DraftConcept> {
    let text = article.text;
    let n = found.terms.len();
    // (term, work, kind) -> best sense.
    let mut best: Vec<HashMap<(WorkKey, SenseKind), DraftSense>> = vec![HashMap::new(); n];
    let mut cued_at: HashMap<(usize, usize), (SenseKind, f32, &'static str)> = HashMap::new();
    for c in &found.cued {
        let e = cued_at.entry((c.term, c.sentence)).or_insert((c.kind, c.strength, c.cue));
        if c.strength > e.1 {
            *e = (c.kind, c.strength, c.cue);
        }
    }
    let mut mentions = vec![0u32; n];
    let mut cited_mentions = vec![0u32; n];
    // Where each term is first used in the prose: the article's own use of it.
    let mut first_use: Vec<Option<(usize, Range<usize>)>> = vec![None; n];
    for o in &found.occurrences {
        mentions[o.term] += 1;
        let info = &located.sentences[o.sentence];
        let s = &reading.sentences[o.sentence];
        if s.heading {
            continue;
        }
        let term_span = reading.words[o.words.start].span.start..reading.words[o.words.end - 1].span.end;
        first_use[o.term].get_or_insert((o.sentence, term_span.clone()));
        let (kind, strength, cue) = match cued_at.get(&(o.term, o.sentence)) {
            Some(&(k, st, cue)) => (k, st, cue),
            None => match sentence_kind(&info.hits) {
                Some((k, cue, st)) => (k, st * 0.7, cue),
                None => (SenseKind::Uses, 0.35, "term used"),
            },
        };
        let near = located.citation_near(o.sentence, term_span.clone());
        let works: Vec<(usize, f32)> = match near {
            Some((c, _)) if !self_voiced(&info.hits) || !cued_at.contains_key(&(o.term, o.sentence)) => {
                cited_mentions[o.term] += 1;
                located
                    .group_of(text, o.sentence, c)
                    .into_iter()
                    .map(|g| {
                        (
                            g,
                            if located.is_mention(g) {
                                0.7
                            } else if g == c {
                                1.0
                            } else {
                                0.8
                            },
                        )
                    })
                    .collect()
            }
            _ => match super::antecedent::personal(reading, located, o.sentence) {
                // `he heralded the 'transnationals'`: the author the pronoun stands for.
                Some(c) => vec![(c, super::antecedent::RESOLVED * NEIGHBOUR.max(0.7))],
                None => neighbour(reading, located, o.sentence).map(|c| vec![(c, NEIGHBOUR)]).unwrap_or_default(),
            },
        };
        // Each candidate sense is built only if it beats the one kept for its work and kind.
        let mut disc: Option<Option<String>> = None;
        let mut make = |work: &WorkKey,
                        confidence: f32,
                        quote: Option<String>,
                        page: Option<String>,
                        map: &mut HashMap<(WorkKey, SenseKind), DraftSense>| {
            if let Some(old) = map.get(&(work.clone(), kind)) {
                if old.confidence >= confidence && (old.quote.is_some() || quote.is_none()) {
                    return;
                }
            }
            let discipline = disc.get_or_insert_with(|| discipline(text, s.span.clone())).clone();
            let evidence = located.evidence(text, reading, o.sentence, term_span.clone(), cue);
            map.insert(
                (work.clone(), kind),
                DraftSense { work: work.clone(), kind, quote, page, discipline, evidence, confidence },
            );
        };
        if works.iter().all(|&(_, w)| w <= NEIGHBOUR) {
            let confidence = strength * if self_voiced(&info.hits) { 1.0 } else { 0.8 };
            make(&article.source, confidence, None, None, &mut best[o.term]);
        }
        for (c, weight) in works {
            let cited = &located.cited[c];
            let quote = author_quote(text, info, cited);
            let page = quote.as_ref().and(cited.locator.clone());
            make(&cited.work, (strength + 0.15).min(1.0) * weight, quote, page, &mut best[o.term]);
        }
    }
    // Concepts: terms with enough support.
    let mut concepts: Vec<DraftConcept> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut term_concept = vec![None; n];
    for (t, term) in found.terms.iter().enumerate() {
        let bonus = (mentions[t] as f32).ln_1p() * 0.04 + if cited_mentions[t] > 0 { 0.05 } else { 0.0 };
        let confidence = (term.score + bonus).min(1.0);
        let needs_citation = term.origin == Origin::Recurrent && cited_mentions[t] == 0 && mentions[t] < 3;
        if confidence < MIN_CONCEPT || best[t].is_empty() || needs_citation {
            continue;
        }
        let label = label_of(term);
        let mut id = slug(&label);
        if ids.contains_key(&id) {
            id = format!("{id}-{t}");
        }
        let mut senses: Vec<DraftSense> = std::mem::take(&mut best[t]).into_values().collect();
        // The article uses every term it writes, even where each use is another work's
        // sense: a weak `uses` sense of its own at the first use.
        if !senses.iter().any(|s| s.work == article.source) {
            if let Some((si, span)) = first_use[t].clone() {
                senses.push(DraftSense {
                    work: article.source.clone(),
                    kind: SenseKind::Uses,
                    quote: None,
                    page: None,
                    discipline: None,
                    evidence: located.evidence(text, reading, si, span, "term used by the article"),
                    confidence: OWN_USE,
                });
            }
        }
        senses.sort_by(|a, b| {
            a.evidence
                .span
                .start
                .cmp(&b.evidence.span.start)
                .then_with(|| a.work.cmp(&b.work))
                .then_with(|| a.kind.to_string().cmp(&b.kind.to_string()))
        });
        let mut alt: Vec<String> = term.forms.iter().map(|f| f.0.clone()).filter(|f| *f != label).collect();
        alt.sort();
        alt.dedup();
        ids.insert(id.clone(), concepts.len());
        term_concept[t] = Some(concepts.len());
        concepts.push(DraftConcept {
            id,
            label,
            alt_labels: alt,
            senses,
            relations: Vec::new(),
            evidence: term.evidence.clone(),
            confidence,
            origin: term.origin,
            cue_strength: term.cue_strength,
            mentions: mentions[t],
        });
    }
    relations(article, reading, located, found, &term_concept, &mut concepts);
    concepts
}

/// The cited work's own words: a quote of three or more words that ends right before the
/// citation, or starts right after a narrative citation.
fn author_quote(text: &str, info: &super::senses::SentenceInfo, cited: &Cited) -> Option<String> {
    info.quoted.iter().find_map(|q| {
        let words = q.words.len();
        let gap_before =
            text.get(q.outer.end..cited.span.start).map(|g| g.trim_matches(|c: char| c == ' ' || c == ',' || c == '.'));
        let gap_after =
            text.get(cited.span.end..q.outer.start).map(|g| g.trim_matches(|c: char| c == ' ' || c == ',' || c == ':'));
        let close = gap_before.is_some_and(|g| g.is_empty() || g.len() <= 2)
            || gap_after.is_some_and(|g| g.len() <= 30 && !g.contains(['(', ')']));
        (words >= 3 && close).then(|| text[q.inner.clone()].to_string())
    })
}

/// Relations between concepts that occur in one sentence around a relation cue.
fn relations(
    article: &Article<'_>,
    reading: &Reading,
    located: &Located,
    found: &Found,
    term_concept: &[Option<usize>],
    concepts: &mut [DraftConcept],
) {
    let text = article.text;
    let mut by_sentence: HashMap<usize, Vec<(usize, Range<usize>)>> = HashMap::new();
    for o in &found.occurrences {
        if let Some(c) = term_concept[o.term] {
            by_sentence.entry(o.sentence).or_default().push((c, o.words.clone()));
        }
    }
    let mut seen: HashMap<(usize, usize), ()> = HashMap::new();
    let mut sentences: Vec<usize> = by_sentence.keys().copied().collect();
    sentences.sort_unstable();
    for si in sentences {
        let occ = &by_sentence[&si];
        for hit in &located.sentences[si].hits {
            let (relation, inverse) = match hit.cue.class {
                Class::Contrast => (Relation::Contrasts, Relation::Contrasts),
                Class::KindOf => (Relation::Broader, Relation::Narrower),
                Class::Example => (Relation::Narrower, Relation::Broader),
                Class::Related => (Relation::Related, Relation::Related),
                _ => continue,
            };
            // The nearest concept before the cue and the nearest after it, within eight words.
            let before = occ
                .iter()
                .filter(|(_, w)| w.end <= hit.words.start && hit.words.start - w.end <= 8)
                .max_by_key(|(_, w)| w.end);
            let after = occ
                .iter()
                .filter(|(_, w)| w.start >= hit.words.end && w.start - hit.words.end <= 8)
                .min_by_key(|(_, w)| w.start);
            let (Some((a, wa)), Some((b, wb))) = (before, after) else { continue };
            if a == b || seen.contains_key(&(*a, *b)) {
                continue;
            }
            seen.insert((*a, *b), ());
            seen.insert((*b, *a), ());
            let focus = reading.words[wa.start].span.start..reading.words[wb.end - 1].span.end;
            let evidence = located.evidence(text, reading, si, focus, hit.cue.phrase);
            let confidence = hit.cue.strength * 0.8;
            let (ida, idb) = (concepts[*a].id.clone(), concepts[*b].id.clone());
            concepts[*a].relations.push(DraftRelation {
                relation,
                concept: idb,
                evidence: evidence.clone(),
                confidence,
            });
            concepts[*b].relations.push(DraftRelation { relation: inverse, concept: ida, evidence, confidence });
        }
    }
}
