//! `bibgraph read ARTICLE`: a thin shell over [`bibgraph::read`].

use bibgraph::read::{read_article, ReadOptions, Style};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// The style named on the command line.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StyleArg {
    /// `(Hall, 1980: 11)` against `Hall S (1980) ...`.
    AuthorDate,
    /// `[Hall 1980, 11]` against `Hall 1980 Hall, Stuart. ...`.
    Labels,
    /// `(Hall 11)` (MLA) against `Hall, Stuart. Title. ..., 1980.`.
    AuthorPage,
    /// `[12]`, `[3, 7-9]` against a numbered list.
    Numbered,
    /// Notes, `Ibid.`.
    Notes,
    /// `[@hall1980, p. 33]`.
    Pandoc,
}

impl From<StyleArg> for Style {
    fn from(s: StyleArg) -> Style {
        match s {
            StyleArg::AuthorDate => Style::AuthorDate,
            StyleArg::Labels => Style::Labels,
            StyleArg::AuthorPage => Style::AuthorPage,
            StyleArg::Numbered => Style::Numbered,
            StyleArg::Notes => Style::Notes,
            StyleArg::Pandoc => Style::Pandoc,
        }
    }
}

/// The output format of the summary.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReadFormat {
    /// For people.
    Text,
    /// For programs: counts, style, every citation, problems, and the drafts.
    Json,
    /// The drafted concepts and lineage as a Markdown page to review and correct.
    Markdown,
}

/// The arguments of `bibgraph read`.
#[derive(Args)]
pub struct ReadArgs {
    /// The article (plain text or Markdown); `-` for standard input.
    pub file: PathBuf,
    /// Write a corpus directory (works, `cites` edges, and the drafted concepts.yaml and
    /// lineage.yaml, every item marked `drafted`) here, for `bibgraph --corpus DIR`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Read the citations in this style instead of the detected one.
    #[arg(long, value_enum, value_name = "STYLE")]
    pub style_hint: Option<StyleArg>,
    /// The key of the article's own work (default: made from the file name).
    #[arg(long, value_name = "KEY")]
    pub source: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    /// The summary's format.
    pub format: ReadFormat,
}

/// Runs `bibgraph read`.
pub fn run(args: &ReadArgs) -> Result<String, String> {
    let (name, text) = crate::read_input(&Some(args.file.clone()))?;
    let options = ReadOptions::default().style_hint(args.style_hint.map(Style::from)).source_key(args.source.clone());
    let article = read_article(&text, &name, &options);
    let drafts = bibgraph::draft::draft_read(&text, &article);
    let mut out = match args.format {
        ReadFormat::Text => article.summary_text() + "\n" + &bibgraph::draft::report::text(&drafts),
        ReadFormat::Json => {
            let mut value = serde_json::to_value(article.summary()).map_err(|e| e.to_string())?;
            if let Some(map) = value.as_object_mut() {
                map.insert("drafts".into(), serde_json::to_value(&drafts).map_err(|e| e.to_string())?);
            }
            bibgraph::render::to_json(&value).map_err(|e| e.to_string())?
        }
        ReadFormat::Markdown => bibgraph::draft::report::markdown(&drafts),
    };
    if let Some(dir) = &args.out {
        article.write_corpus(dir).map_err(|e| e.to_string())?;
        let (concepts, lineage) = bibgraph::draft::write(&drafts).map_err(|e| e.to_string())?;
        for (name, body) in [("concepts.yaml", concepts), ("lineage.yaml", lineage)] {
            let path = dir.join(name);
            std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        if args.format == ReadFormat::Text {
            out.push_str(&format!("  corpus written to {}\n", dir.display()));
        }
    }
    Ok(out)
}
