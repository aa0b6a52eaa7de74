//! A reading list as a Markdown annotated bibliography: a heading with the topic, a line
//! on what the list covers and in what order, then one numbered entry per work with its
//! styled reference, why it is there, and its annotation.

use crate::corpus::Corpus;
use crate::error::Result;
use crate::model::Work;
use crate::reading::{Order, ReadingList, Topic};
use crate::style::Style;
use std::fmt::Write as _;

fn intro(corpus: &Corpus, list: &ReadingList<'_>) -> String {
    match &list.topic.topic {
        Topic::Concept(id) => {
            let description = corpus.concept(id.as_str()).and_then(|c| c.description.as_deref());
            match description {
                Some(d) => format!("On the concept *{}*: {d}", list.label),
                None => format!("On the concept *{}*.", list.label),
            }
        }
        Topic::Work(key) => {
            let title = corpus.work(key.as_str()).and_then(|w| w.title.as_deref());
            match title {
                Some(t) => format!("What leads up to {}, \u{201c}{t}\u{201d}.", list.label),
                None => format!("What leads up to {}.", list.label),
            }
        }
        Topic::Section(s) => {
            let source = corpus.meta().source.as_ref().and_then(|k| corpus.work(k.as_str())).map(Work::citation);
            let of = source.map(|s| format!(" of {s}")).unwrap_or_default();
            format!("What the section \u{201c}{s}\u{201d}{of} draws on.")
        }
    }
}

fn order_sentence(order: Order) -> &'static str {
    match order {
        Order::Chronological => "Oldest first.",
        Order::Lineage => {
            "Prerequisites first: each work comes after the works it draws on, and otherwise oldest first."
        }
        Order::Importance => "Most important to the topic first (personalised PageRank over the corpus's graph).",
    }
}

fn sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// The annotated bibliography of a reading list, with references in `style`.
///
/// # Errors
/// As [`Style::references`].
///
/// ```
/// use bibgraph::{export::markdown, reading::{Order, ReadingOptions}, style::Style, Corpus};
///
/// let corpus = Corpus::builtin()?;
/// let topic = corpus.find_topic("social remittances", None)?;
/// let list = corpus.reading_list(&topic, &ReadingOptions::default().order(Order::Chronological))?;
/// let md = markdown::annotated_bibliography(&corpus, &list, &Style::apa())?;
/// assert!(md.starts_with("# Reading list: social remittances\n"));
/// assert!(md.contains("1. Levitt, P. (1998). Social remittances"));
/// # Ok::<(), bibgraph::Error>(())
/// ```
pub fn annotated_bibliography(corpus: &Corpus, list: &ReadingList<'_>, style: &Style) -> Result<String> {
    let references = style.references_by_key(list.entries.iter().map(|e| e.work))?;
    let mut out = String::new();
    let _ = writeln!(out, "# Reading list: {}\n", list.label);
    let _ = writeln!(out, "{}\n", intro(corpus, list));
    for note in &list.notes {
        let _ = writeln!(out, "Note: {}\n", sentence(note));
    }
    if list.entries.is_empty() {
        let _ = writeln!(out, "No work in the corpus is linked to this topic.");
        return Ok(out);
    }
    let count = match list.entries.len() {
        1 => "One work".to_string(),
        n => format!("{n} works"),
    };
    let _ = writeln!(out, "{count}. {} References in {}.\n", order_sentence(list.order), style.title());
    for (i, entry) in list.entries.iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        let indent = " ".repeat(marker.len());
        let reference =
            references.get(&entry.work.key).map(|r| r.markdown.clone()).unwrap_or_else(|| entry.work.citation());
        let _ = writeln!(out, "{marker}{reference}\n");
        let _ = writeln!(out, "{indent}*Why:* {}\n", sentence(&entry.why.join("; ")));
        if let Some(a) = &entry.work.annotation {
            let _ = writeln!(out, "{indent}{}\n", a.trim());
        }
    }
    out.pop();
    Ok(out)
}
