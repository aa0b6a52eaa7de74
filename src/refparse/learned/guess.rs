//! The rule parser's reading of a reference, projected onto the tokens: a feature of the
//! model. The rules return a work, not labelled spans, so each field's words are found
//! again in the text (lowercase letters and digits, in order, first unclaimed occurrence)
//! and the tokens holding them take the field's label. Tokens no field claims take none.

use super::model::Label;
use crate::model::{Name, Work};
use std::ops::Range;

/// What the rules said of a token: `0` no field, `1 + label index` a field, [`UNREAD`] when
/// the rules found no head and read nothing.
pub type Guess = u8;

/// The rules could not read the reference.
pub const UNREAD: Guess = 255;

/// One word of the text: lowercase letters and digits, and the token it lies in.
struct Word {
    text: String,
    token: usize,
}

fn words_of(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric())
        .scan(0usize, move |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

fn lower_words(s: &str) -> Vec<String> {
    words_of(s).map(|(_, w)| w.to_lowercase()).collect()
}

/// Claims for `label` the first run of unclaimed words that starts with `want[0]` and goes
/// on with as many of `want` as follow; returns where the run ended.
fn claim(words: &[Word], claimed: &mut [Guess], want: &[String], label: Label, from: usize) -> Option<usize> {
    let first = want.first()?;
    let start = (from..words.len()).find(|&i| claimed[i] == 0 && words[i].text == *first)?;
    let mut end = start + 1;
    while end < words.len() && end - start < want.len() && claimed[end] == 0 && words[end].text == want[end - start] {
        end += 1;
    }
    for c in &mut claimed[start..end] {
        *c = 1 + label.index() as Guess;
    }
    Some(end)
}

fn claim_names(words: &[Word], claimed: &mut [Guess], names: &[Name], label: Label) {
    let mut from = 0;
    for n in names {
        let family = lower_words(&n.family_or_literal());
        if let Some(end) = claim(words, claimed, &family, label, from) {
            from = end;
        }
    }
}

/// The guess of each token, from the rules' `work` of `text` (`None`: the rules read
/// nothing).
pub fn project(text: &str, tokens: &[Range<usize>], work: Option<&Work>) -> Vec<Guess> {
    let Some(work) = work else { return vec![UNREAD; tokens.len()] };
    let mut words = Vec::with_capacity(tokens.len() * 2);
    for (k, r) in tokens.iter().enumerate() {
        for (_, w) in words_of(&text[r.clone()]) {
            words.push(Word { text: w.to_lowercase(), token: k });
        }
    }
    let mut claimed = vec![0 as Guess; words.len()];
    claim_names(&words, &mut claimed, &work.authors, Label::Author);
    if let Some(y) = work.year.as_ref().and_then(|y| y.year) {
        claim(&words, &mut claimed, &[y.to_string()], Label::Date, 0);
    }
    claim_names(&words, &mut claimed, &work.editors, Label::Editor);
    let fields: [(&Option<String>, Label); 12] = [
        (&work.doi, Label::Doi),
        (&work.url, Label::Url),
        (&work.title, Label::Title),
        (&work.container_title, Label::Container),
        (&work.collection_title, Label::Collection),
        (&work.volume, Label::Volume),
        (&work.issue, Label::Volume),
        (&work.pages, Label::Pages),
        (&work.edition, Label::Edition),
        (&work.genre, Label::Genre),
        (&work.publisher, Label::Publisher),
        (&work.place, Label::Location),
    ];
    for (value, label) in fields {
        if let Some(v) = value {
            claim(&words, &mut claimed, &lower_words(v), label, 0);
        }
    }
    let mut out = vec![0 as Guess; tokens.len()];
    for (w, c) in words.iter().zip(&claimed) {
        if out[w.token] == 0 {
            out[w.token] = *c;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refparse::learned::tokenize;

    #[test]
    fn projects_the_rules_fields_onto_tokens() {
        let text = "Hall, S. (1980). Encoding/decoding. Culture, Media, Language, 128–138.";
        let tokens = tokenize(text);
        let work = crate::refparse::parse_reference(text);
        let g = project(text, &tokens, Some(&work));
        let of = |w: &str| g[tokens.iter().position(|r| &text[r.clone()] == w).unwrap()];
        assert_eq!(of("Hall,"), 1 + Label::Author.index() as Guess);
        assert_eq!(of("(1980)."), 1 + Label::Date.index() as Guess);
        assert_eq!(of("Encoding/decoding."), 1 + Label::Title.index() as Guess);
        assert_eq!(of("128–138."), 1 + Label::Pages.index() as Guess);
        assert_eq!(project(text, &tokens, None), vec![UNREAD; tokens.len()]);
    }
}
