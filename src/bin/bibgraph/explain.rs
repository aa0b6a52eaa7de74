//! `refs parse --explain` and `--parser`: each entry's tokens with the learned model's
//! label and score.

use bibgraph::model::Work;
use bibgraph::refparse::learned::{explain, Model};
use bibgraph::refparse::Parser;
use clap::ValueEnum;
use std::fmt::Write;

/// The `--parser` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParserArg {
    /// The rules, and the learned model for entries they cannot read.
    Rules,
    /// The rules only.
    RulesOnly,
    /// The learned model for every entry.
    Learned,
}

impl From<ParserArg> for Parser {
    fn from(p: ParserArg) -> Parser {
        match p {
            ParserArg::Rules => Parser::Rules,
            ParserArg::RulesOnly => Parser::RulesOnly,
            ParserArg::Learned => Parser::Learned,
        }
    }
}

/// The entry (its raw text, line breaks as spaces), then a line per token: the token, its
/// label and the model's confidence in it.
pub fn explain_work(work: &Work) -> String {
    let raw = work.raw.as_deref().unwrap_or_default();
    let text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let place = work.origin.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
    let _ = writeln!(out, "{place}{} ({})", work.key, text);
    let tokens = explain(&text, Model::embedded());
    let width = tokens.iter().map(|t| t.text.chars().count()).max().unwrap_or(0).min(40);
    for t in tokens {
        let _ = writeln!(out, "  {:width$}  {:16} {:.3}", t.text, t.tagged.label.as_str(), t.tagged.score);
    }
    out.push('\n');
    out
}
