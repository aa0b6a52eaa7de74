//! Shared by `examples/eval-drafts.rs` and `tests/drafts.rs`: the project's annotations of
//! DHQ articles (`tests/fixtures/drafts/*.yaml`: terms, work labels, kinds and line numbers,
//! never the articles' words) and the reading of a DHQ article with its `citations.json`.
#![allow(dead_code)]

use bibgraph::draft::{eval, Article, Cited, Drafts};
use bibgraph::model::WorkKey;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One annotated sense: a work (by its Works Cited label, or `article`) and a kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sense {
    pub work: String,
    pub kind: String,
    /// The line (one paragraph a line) of ARTICLE.txt where the article says so.
    pub line: u32,
}

/// One annotated concept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub label: String,
    #[serde(default)]
    pub alt: Vec<String>,
    #[serde(default)]
    pub senses: Vec<Sense>,
}

/// One annotated lineage link, earlier work first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relation: String,
    pub line: u32,
}

/// An article's annotation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub article: String,
    /// `held-out` (never looked at while tuning: its misses are not printed) or `development`
    /// (looked at; figures reported as tuned).
    pub role: String,
    pub concepts: Vec<Concept>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Pairs the text denies or hedges.
    #[serde(default)]
    pub denied: Vec<Link>,
}

impl Annotation {
    pub fn gold(&self) -> eval::Gold {
        eval::Gold {
            concepts: self
                .concepts
                .iter()
                .map(|c| eval::GoldConcept {
                    labels: std::iter::once(c.label.clone()).chain(c.alt.iter().cloned()).collect(),
                    works: c.senses.iter().map(|s| s.work.clone()).collect(),
                })
                .collect(),
            links: self
                .links
                .iter()
                .map(|l| eval::GoldLink {
                    from: l.from.clone(),
                    to: l.to.clone(),
                    attested: l.relation != "succession",
                })
                .collect(),
            denied: self.denied.iter().map(|l| (l.from.clone(), l.to.clone())).collect(),
        }
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts")
}

/// Every annotation, by article id, sorted.
pub fn annotations() -> Vec<(String, Annotation)> {
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(fixtures()) {
        for entry in dir.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).expect("annotation readable");
                let a: Annotation = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((a.article.clone(), a));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[derive(Deserialize)]
struct CitationsJson {
    citations: Vec<JsonCitation>,
}

#[derive(Deserialize)]
struct JsonCitation {
    start: usize,
    end: usize,
    label: String,
    locator: Option<String>,
    section: Option<String>,
}

/// A citation with the section it stands in.
pub type CitedIn = (Cited, Option<String>);

/// The article's text and its citations (byte offsets; work keys are the Works Cited
/// labels; the year is the first four-digit number of the label).
pub fn load_dhq(dir: &Path) -> Result<(String, Vec<CitedIn>), String> {
    let text = std::fs::read_to_string(dir.join("ARTICLE.txt")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let json = std::fs::read_to_string(dir.join("citations.json")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let parsed: CitationsJson = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    // Code-point offsets to byte offsets.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let cited = parsed
        .citations
        .into_iter()
        .filter(|c| !c.label.is_empty())
        .map(|c| {
            let year = year_of(&c.label);
            let names = names_of(&c.label);
            (
                Cited {
                    span: bytes[c.start]..bytes[c.end],
                    work: WorkKey::new(c.label),
                    year,
                    locator: c.locator,
                    names,
                },
                c.section,
            )
        })
        .collect();
    Ok((text, cited))
}

/// The family names of a label: the capitalised words before the year, without `et al.`,
/// `and` or `&` (`Burdick et al. 2012` gives `Burdick`).
fn names_of(label: &str) -> Vec<String> {
    let head = label.split(|c: char| c.is_ascii_digit()).next().unwrap_or("");
    head.split(" and ")
        .flat_map(|p| p.split('&'))
        .map(|p| p.replace("et al.", "").replace("et al", "").trim().trim_end_matches(',').trim().to_string())
        .filter(|p| p.starts_with(char::is_uppercase))
        .collect()
}

fn year_of(label: &str) -> Option<i32> {
    let b = label.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        (w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit()))
        .then(|| label[i..i + 4].parse().ok())
        .flatten()
    })
}

/// The DHQ article as the drafter reads it: the body up to `Works Cited`, headings found
/// as whole lines named by the citations' sections.
pub fn dhq_article<'a>(text: &'a str, cited: &'a [CitedIn]) -> Article<'a> {
    let body_end = text.find("\nWorks Cited\n").map_or(text.len(), |p| p + 1);
    let mut heads: Vec<(usize, String)> = Vec::new();
    for name in cited.iter().filter_map(|(_, s)| s.as_ref()) {
        if heads.iter().any(|(_, n)| n == name) {
            continue;
        }
        if let Some(p) = text.find(&format!("\n{name}\n")) {
            heads.push((p + 1, name.clone()));
        }
    }
    heads.sort();
    let sections = heads
        .iter()
        .enumerate()
        .map(|(i, (start, name))| (*start..heads.get(i + 1).map_or(body_end, |h| h.0), name.clone()))
        .collect();
    // The citations alone, leaked into a slice that lives as long as the text.
    let only: &'a [Cited] = Box::leak(cited.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>().into_boxed_slice());
    Article { text, body: 0..body_end, source: WorkKey::new("article"), citations: only, sections }
}

/// Prints what the drafts missed.
pub fn missed(drafts: &Drafts, gold: &eval::Gold) {
    use std::collections::HashSet;
    let fold = |s: &str| s.to_lowercase().replace('-', " ");
    let labels: HashSet<String> =
        drafts.concepts.iter().flat_map(|c| std::iter::once(&c.label).chain(&c.alt_labels)).map(|l| fold(l)).collect();
    for g in &gold.concepts {
        if !g.labels.iter().any(|l| labels.contains(&fold(l))) {
            println!("    missed concept: {}", g.labels[0]);
        }
    }
    for g in &gold.concepts {
        let m: Vec<&bibgraph::draft::DraftConcept> = drafts
            .concepts
            .iter()
            .filter(|c| {
                std::iter::once(&c.label).chain(&c.alt_labels).any(|l| g.labels.iter().any(|x| fold(x) == fold(l)))
            })
            .collect();
        if m.is_empty() {
            continue;
        }
        let mut missing: Vec<&str> = g
            .works
            .iter()
            .map(String::as_str)
            .filter(|w| !m.iter().any(|c| c.senses.iter().any(|s| s.work.as_str() == *w)))
            .collect();
        missing.dedup();
        if !missing.is_empty() {
            println!("    missed senses of {}: {}", g.labels[0], missing.join(", "));
        }
    }
    let pairs: HashSet<(&str, &str)> = drafts.links.iter().map(|l| (l.from.as_str(), l.to.as_str())).collect();
    for l in &gold.links {
        if !pairs.contains(&(l.from.as_str(), l.to.as_str())) {
            println!("    missed link: {} -> {}", l.from, l.to);
        }
    }
}
