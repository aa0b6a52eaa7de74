//! `bibgraph draft`: concepts, senses and lineage drafted from an article's words, for review.

use bibgraph::draft::{self, Article};
use bibgraph::export::yaml::to_corpus_yaml;
use bibgraph::Corpus;
use std::path::Path;

/// The output format of `draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftFormat {
    /// A plain-text report.
    Text,
    /// The drafts as JSON.
    Json,
    /// A Markdown page to review and correct.
    Markdown,
}

/// Drafts from `text` (citations resolved against `corpus`); writes a drafted corpus into
/// `out` when given, else returns the report.
pub fn run(
    corpus: &Corpus,
    name: &str,
    text: &str,
    source: Option<&str>,
    out: Option<&Path>,
    format: DraftFormat,
) -> Result<String, String> {
    let source = match source {
        Some(s) => corpus.find_work(s).map_err(|e| e.to_string())?.key.clone(),
        None => corpus.meta().source.clone().unwrap_or_else(|| bibgraph::model::WorkKey::new("article")),
    };
    let report = bibgraph::cites::check(corpus, text, name);
    let cited = draft::from_report(corpus, &report);
    let drafts = draft::draft(&Article::new(text, source.clone(), &cited));
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let (concepts, lineage) = draft::write(&drafts).map_err(|e| e.to_string())?;
        let works = to_corpus_yaml(corpus.works()).map_err(|e| e.to_string())?;
        let manifest = format!("id: drafted\ntitle: \"Drafted from {name}\"\nsource: {source}\n");
        for (file, body) in
            [("corpus.yaml", manifest), ("works.yaml", works), ("concepts.yaml", concepts), ("lineage.yaml", lineage)]
        {
            let path = dir.join(file);
            std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let senses: usize = drafts.concepts.iter().map(|c| c.senses.len()).sum();
        return Ok(format!(
            "wrote {}: {} concepts, {senses} senses, {} lineage links, all marked drafted\n",
            dir.display(),
            drafts.concepts.len(),
            drafts.links.len()
        ));
    }
    match format {
        DraftFormat::Text => Ok(draft::report::text(&drafts)),
        DraftFormat::Markdown => Ok(draft::report::markdown(&drafts)),
        DraftFormat::Json => serde_json::to_string_pretty(&drafts).map(|s| s + "\n").map_err(|e| e.to_string()),
    }
}
