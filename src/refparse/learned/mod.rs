//! The learned reference parser: a linear-chain sequence labeller over the tokens of a
//! reference, trained as a structured averaged perceptron on references the project
//! generates (records rendered through many CSL styles, damaged as PDF conversion damages
//! them) and the AnyStyle development set. See docs/refparse.md for the model, its
//! features, the training data and how to retrain (`cargo run --release --example
//! train-refparse`).
//!
//! The model ships inside the crate ([`Model::embedded`]); [`parse_reference_learned`]
//! reads one reference with it and [`explain`] shows each token's label and score.

mod features;
mod fields;
pub mod guess;
mod model;
mod tokens;

pub use features::{features, Features};
pub use model::{row, Label, Model, Tagged, FORMAT_VERSION};
pub(crate) use tokens::is_cjk;
pub use tokens::tokenize;

use crate::model::Work;
use std::ops::Range;
use std::sync::OnceLock;

/// The embedded model's binary form (see [`Model::to_bytes`]).
static EMBEDDED: &[u8] = include_bytes!("refparse-model.bin");

impl Model {
    /// The model that ships with the crate, decoded once.
    ///
    /// # Panics
    /// Never in a released build: a test decodes the embedded bytes.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(EMBEDDED).expect("the embedded reference model decodes"))
    }
}

/// One token of a reference as the model labelled it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedToken {
    /// The token's byte range in the reference.
    pub span: Range<usize>,
    /// The token's text.
    pub text: String,
    /// The label, and the model's confidence in it.
    pub tagged: Tagged,
}

/// Each token of `text` with its label and score.
pub fn explain(text: &str, model: &Model) -> Vec<ExplainedToken> {
    let tokens = tokenize(text);
    let f = features(text, &tokens, rule_guess(text, &tokens, model).as_deref());
    model
        .tag(&f)
        .into_iter()
        .zip(tokens)
        .map(|(tagged, span)| ExplainedToken { text: text[span.clone()].to_string(), span, tagged })
        .collect()
}

/// The labels `model` gives the tokens of `text`.
pub fn label(text: &str, model: &Model) -> (Vec<Range<usize>>, Vec<Label>) {
    let tokens = tokenize(text);
    let labels = model.labels(&features(text, &tokens, rule_guess(text, &tokens, model).as_deref()));
    (tokens, labels)
}

/// The rule parser's reading of each token, when `model` uses it as a feature.
fn rule_guess(text: &str, tokens: &[Range<usize>], model: &Model) -> Option<Vec<guess::Guess>> {
    model.uses_rules().then(|| rules_reading(text, tokens))
}

/// The rule parser's reading of each token of `text` (see [`guess`]).
pub fn rules_reading(text: &str, tokens: &[Range<usize>]) -> Vec<guess::Guess> {
    let (work, ok) = super::parse_entry(text, super::Layout::Mixed);
    guess::project(text, tokens, ok.then_some(&work))
}

/// Parses one reference (already joined, without list markup) with `model`: the fields,
/// normalised; the raw text and the key are left to the caller.
pub fn work_with(text: &str, model: &Model) -> Work {
    work_with_rules(text, model, None)
}

/// As [`work_with`], given the rules' reading of the text (the work, and whether they read
/// it) when the caller has it, so that they do not run twice.
pub(crate) fn work_with_rules(text: &str, model: &Model, rules: Option<(&Work, bool)>) -> Work {
    let tokens = tokenize(text);
    let guess = model.uses_rules().then(|| match rules {
        Some((work, ok)) => guess::project(text, &tokens, ok.then_some(work)),
        None => rules_reading(text, &tokens),
    });
    let labels = model.labels(&features(text, &tokens, guess.as_deref()));
    fields::work_from_labels(text, &tokens, &labels)
}

/// Parses one reference string with labels from `labeller`, given the cleaned text and its
/// tokens: as [`parse_reference_with`], for comparing other learners over the same
/// features and the same post-processing.
pub fn parse_reference_labelled(text: &str, labeller: impl FnOnce(&str, &[Range<usize>]) -> Vec<Label>) -> Work {
    let clean = super::text::clean_markdown(text);
    let tokens = tokenize(&clean.text);
    let labels = labeller(&clean.text, &tokens);
    let mut work = fields::work_from_labels(&clean.text, &tokens, &labels);
    work.raw = Some(text.to_string());
    work.key = super::make_key(&work);
    work
}

/// Parses one reference string with the embedded model: like
/// [`parse_reference`](super::parse_reference), with the fields the model labels.
pub fn parse_reference_learned(text: &str) -> Work {
    parse_reference_with(text, Model::embedded())
}

/// Parses one reference string with `model`: Markdown emphasis removed, fields labelled
/// and normalised, the raw text kept, the key made.
pub fn parse_reference_with(text: &str, model: &Model) -> Work {
    let clean = super::text::clean_markdown(text);
    let mut work = work_with(&clean.text, model);
    work.raw = Some(text.to_string());
    work.key = super::make_key(&work);
    work
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_decodes_and_labels_every_token() {
        let m = Model::embedded();
        assert!(m.bits() >= 8);
        let text = "Name A., 2013, MNRAS, 431, 824";
        let ex = explain(text, m);
        assert_eq!(ex.len(), 6);
        assert!(ex.iter().all(|t| (0.0..=1.0).contains(&t.tagged.score)));
        assert!(explain("", m).is_empty());
    }
}
