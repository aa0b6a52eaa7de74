//! The AnyStyle-derived development set: references with labelled segments, read from
//! ../shared at training time (never copied into the repository).

use bibgraph::refparse::learned::{tokenize, Label};
use serde_json::Value;

pub struct DevRef {
    pub id: String,
    pub raw: String,
    pub labels: Vec<Label>,
}

/// Token labels from labels per byte: a token takes the label of its first labelled
/// letter or digit, else of its first labelled byte; tokens left unlabelled take a
/// neighbour's (see `fill`).
pub fn token_labels(text: &str, bytes: &[Option<Label>]) -> Vec<Label> {
    let tokens = tokenize(text);
    let mut out: Vec<Option<Label>> = tokens
        .iter()
        .map(|r| {
            let s = &text[r.clone()];
            let alnum = s.char_indices().find(|(i, c)| c.is_alphanumeric() && bytes[r.start + i].is_some());
            alnum.map(|(i, _)| bytes[r.start + i]).unwrap_or_else(|| (r.clone()).find_map(|i| bytes[i]))
        })
        .collect();
    fill(text, &tokens, &mut out)
}

/// Words that belong to the field before them (`et al.`, `(Eds.)`); other unlabelled tokens
/// belong to the field after them (`In`, `pp.`, `Retrieved from`), or the one before at the end.
fn fill(text: &str, tokens: &[std::ops::Range<usize>], labels: &mut [Option<Label>]) -> Vec<Label> {
    const AFTER: &[&str] = &[
        "et",
        "ed",
        "eds",
        "hrsg",
        "al.",
        "al",
        "al.,",
        "(eds.)",
        "(ed.)",
        "eds.",
        "ed.",
        "(eds.),",
        "(ed.),",
        "eds.,",
        "ed.,",
        "(hrsg.)",
        "(hg.)",
        "(eds)",
        "(ed)",
        "editors",
        "editor",
        "editors,",
        "editor,",
        "(editors)",
        "(editor)",
    ];
    // A citation number before the first labelled token.
    let first = labels.iter().position(Option::is_some).unwrap_or(labels.len());
    for (i, l) in labels.iter_mut().enumerate().take(first) {
        let s = &text[tokens[i].clone()];
        if s.chars().all(|c| c.is_ascii_digit() || "[]().".contains(c)) {
            *l = Some(Label::Number);
        }
    }
    let n = labels.len();
    let mut out = vec![Label::Note; n];
    for i in 0..n {
        out[i] = match labels[i] {
            Some(l) => l,
            None => {
                let s = text[tokens[i].clone()].to_lowercase();
                let s = s.trim_end_matches([',', '.', ';', ':']).to_string() + if s.ends_with('.') { "." } else { "" };
                let prev = (0..i).rev().find_map(|j| labels[j]);
                let next = (i + 1..n).find_map(|j| labels[j]);
                let punct = !s.chars().any(char::is_alphanumeric);
                if AFTER.contains(&s.as_str()) || punct && prev.is_some() {
                    prev.or(next).unwrap_or(Label::Note)
                } else {
                    next.or(prev).unwrap_or(Label::Note)
                }
            }
        };
    }
    out
}

/// Reads the set. References whose segments cannot be found in the raw text in order are
/// skipped (counted in the second value).
pub fn load(path: &str) -> (Vec<DevRef>, usize) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut skipped = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        let raw = v["raw"].as_str().unwrap_or("").replace('\n', " ");
        let mut bytes: Vec<Option<Label>> = vec![None; raw.len()];
        let mut at = 0usize;
        let mut ok = true;
        for seg in v["segments"].as_array().into_iter().flatten() {
            let label = Label::from_name(seg["label"].as_str().unwrap_or("")).unwrap_or(Label::Note);
            let s = seg["text"].as_str().unwrap_or("").replace('\n', " ");
            let s = s.trim();
            if s.is_empty() {
                continue;
            }
            match raw[at..].find(s) {
                Some(i) => {
                    for b in &mut bytes[at + i..at + i + s.len()] {
                        *b = Some(label);
                    }
                    at += i + s.len();
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            skipped += 1;
            continue;
        }
        let labels = token_labels(&raw, &bytes);
        out.push(DevRef { id: v["id"].as_str().unwrap_or("").to_string(), raw, labels });
    }
    (out, skipped)
}
