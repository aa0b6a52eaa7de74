//! The `bibgraph` command line: a thin shell over the library's public API.

mod draft;
mod explain;

use bibgraph::export::{self, biblatex, markdown, Format as ExportFormat};
use bibgraph::lineage::{LineageOptions, PathChoice};
use bibgraph::picture::{self, Historiograph, Selection};
use bibgraph::reading::{Order, ReadingListView, ReadingOptions, TopicKind};
use bibgraph::refparse::{parse_list, ParseOptions, ReferenceStream};
use bibgraph::render::{self, CheckReport, ConceptView, LineageView, WorkView};
use bibgraph::style::Style;
use bibgraph::{csl, Corpus, Severity};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod histcite;
mod mainpath;
mod netload;
mod netquery;
mod network;
mod output;
mod read;
mod search;
mod styles;

use output::{by_extension, Made};

/// Trace how ideas travelled through a body of scholarship: reference lists, concepts
/// and lineage, in one graph. Uses the built-in corpus (Waldinger, 'Immigrant
/// transnationalism') unless --corpus names another.
#[derive(Parser)]
#[command(name = "bibgraph", version, about, max_term_width = 100)]
struct Cli {
    /// Load this corpus (a directory of corpus files, or one file) instead of the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    corpus: Option<PathBuf>,
    /// Write the output to FILE instead of standard output; without --format, its
    /// extension picks the format (.svg, .png, .pdf, .json, .bib, .ris, .dot, .graphml, .md, ...).
    #[arg(short, long, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum LineageFormat {
    Text,
    Json,
    /// A historiograph: the works on a time axis, one lane per discipline.
    Svg,
    /// The historiograph as PNG, 1,920 px wide (for slides; needs -o FILE or a pipe).
    Png,
    /// The historiograph as PDF, fonts embedded (needs -o FILE or a pipe).
    Pdf,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum PictureFormat {
    /// A historiograph: the works on a time axis, one lane per discipline.
    Svg,
    /// The historiograph as PNG, 1,920 px wide (for slides; needs -o FILE or a pipe).
    Png,
    /// The historiograph as PDF, fonts embedded (needs -o FILE or a pipe).
    Pdf,
}

/// The export formats the library knows, by name.
fn export_format() -> impl TypedValueParser<Value = ExportFormat> {
    PossibleValuesParser::new(
        ExportFormat::ALL.iter().map(|f| clap::builder::PossibleValue::new(f.name()).help(f.description())),
    )
    .try_map(|name| name.parse::<ExportFormat>())
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CitesFormat {
    Text,
    Json,
    /// `cites` edges from the corpus's source work, to store as a corpus file.
    CorpusYaml,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum RefsFormat {
    /// An array of CSL-JSON items.
    CslJson,
    /// A sequence of records: every field, with the raw text, flags and repairs.
    Yaml,
    /// An array of records, as `yaml` has them.
    Json,
    /// JSON lines: one record a line, as `json` has them.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OrderArg {
    /// Oldest first.
    Chronological,
    /// Prerequisites first (lineage and citation edges), then oldest first.
    Lineage,
    /// Most important to the topic first (personalised PageRank).
    Importance,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReadingFormat {
    /// An annotated bibliography: styled references, reasons, annotations.
    Markdown,
    /// `topic` and `entries` (key, year, authors, title, why, annotation).
    Json,
    /// The list's works as CSL-JSON, for Zotero and pandoc.
    CslJson,
    /// The list's works as BibLaTeX, for LaTeX.
    Biblatex,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum TopicArg {
    /// A concept, by id or label.
    Concept,
    /// A work: what leads up to it.
    Work,
    /// A section of the source article.
    Section,
}

#[derive(Subcommand)]
enum Command {
    /// How an idea travelled from one work to another, each link with its relation,
    /// whether the source attests influence, and the evidence.
    Lineage {
        /// The earlier work: a key (bourne1916) or a citation ("Bourne 1916").
        from: String,
        /// The later work, likewise ("Portes et al. 1999").
        to: String,
        /// Follow only the edges recorded for this concept.
        #[arg(long)]
        concept: Option<String>,
        /// The path with the fewest steps, instead of the fullest account.
        #[arg(long)]
        shortest: bool,
        /// Default: the extension of -o FILE (.svg, .png, .pdf, .json), else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<LineageFormat>,
        /// In a picture, show only authors and years, not titles.
        #[arg(long)]
        no_titles: bool,
        #[command(flatten)]
        net: netquery::NetworkInput,
    },
    /// A picture of the graph's works and the links between them, on a time axis with
    /// one lane per discipline.
    Graph {
        /// Only the works and links of this concept.
        #[arg(long)]
        concept: Option<String>,
        /// Only works of this year or later.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Only works of this year or earlier.
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Default: the extension of -o FILE (.svg, .png, .pdf), else svg.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<PictureFormat>,
        /// Show only authors and years, not titles.
        #[arg(long)]
        no_titles: bool,
    },
    /// The corpus for other software: the whole graph (dot, graphml, json) or the works
    /// (biblatex, csl-json, ris, yaml).
    Export {
        /// Default: the extension of -o FILE (.dot, .gv, .graphml, .json, .bib, .yaml, .ris).
        #[arg(long, value_parser = export_format(), ignore_case = true)]
        format: Option<ExportFormat>,
        /// Only the works of this concept (as `graph --concept`), and what joins them.
        #[arg(long)]
        concept: Option<String>,
        /// Only works of this year or later (undated works are then left out).
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Only works of this year or earlier (undated works are then left out).
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
    },
    /// The main path of a citation network (Pajek, CSV edge list, bibliographic exports):
    /// SPC, SPLC or SPNP weights; local, global or key-route search.
    Mainpath(mainpath::MainPathArgs),
    /// A HistCite-style historiograph of the works most cited within a citation network.
    Histcite(histcite::HistCiteArgs),
    /// Reference lists.
    Refs {
        #[command(subcommand)]
        command: RefsCommand,
    },
    /// A concept: its labels, its senses in time order, its relations.
    Concept {
        /// The concept's id or any of its labels ("long-distance nationalism").
        name: String,
        /// Default: json for -o FILE.json, else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<TextOrJson>,
    },
    /// A work: its record, flags and annotation, and where and how often the corpus's
    /// sources cite it.
    Work {
        /// A key or a citation ("Levitt 2001a").
        name: String,
        /// Default: json for -o FILE.json, else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<TextOrJson>,
    },
    /// Find the author-date citations of a text (plain text or Markdown), resolve each
    /// against the corpus, and say what is wrong with them; then list the references never
    /// cited.
    Cites {
        /// The text to read; `-` for standard input.
        file: PathBuf,
        /// Default: the extension of -o FILE (.json, .yaml), else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<CitesFormat>,
        /// With `--format corpus-yaml`: the key of the citing work (default: the corpus's
        /// `source`).
        #[arg(long, value_name = "KEY")]
        source: Option<String>,
    },
    /// Drafts concepts, senses and lineage links from an article's words, for review.
    Draft {
        /// The article (plain text or Markdown, author-date citations); `-` for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: draft::DraftFormat,
        /// Write a drafted corpus (corpus.yaml, works.yaml, concepts.yaml, lineage.yaml) here.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The article's own work key (default: the corpus's `source`).
        #[arg(long, value_name = "KEY")]
        source: Option<String>,
    },
    /// Read an article: find its reference list by its heading, parse it, find and resolve
    /// every citation (style detected), and print a summary; with --out, write a corpus.
    Read(read::ReadArgs),
    /// What to read on a topic, in what order, and why each work is there.
    ReadingList {
        /// A concept ("long-distance nationalism"), a work ("Portes et al. 1999") or a
        /// section of the source ("Homeland politics").
        topic: String,
        #[arg(long, value_enum, default_value = "lineage", ignore_case = true)]
        order: OrderArg,
        /// Keep the N works most important to the topic (then put them in order).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
        /// Default: the extension of -o FILE (.md, .json, .bib), else markdown.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<ReadingFormat>,
        /// The citation style of the Markdown references: a name (apa,
        /// chicago-author-date, or any style hayagriva archives) or a CSL file.
        #[arg(long, value_name = "NAME|FILE", default_value = "apa")]
        style: String,
        /// Read the topic only as this kind (by default a concept, then a work, then a section).
        #[arg(long = "as", value_enum, value_name = "KIND", ignore_case = true)]
        kind: Option<TopicArg>,
        #[command(flatten)]
        net: netquery::ReadingNetwork,
    },
    /// Load citation-data exports (Web of Science, Scopus, OpenAlex, Crossref, Semantic
    /// Scholar, Pajek, CSV edge lists; format told by content) into one citation network and
    /// count what was read: records, cited references, matched, cited-only, skipped.
    Network(network::NetworkArgs),
    /// Find works, people and concepts by title words, names, labels or years.
    Search {
        /// Words to find, in any case ("bourne 1916", "long-distance", "levitt").
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Default: json for -o FILE.json, else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<TextOrJson>,
    },
    /// List the citation styles that --style names (hayagriva's CSL archive).
    Styles {
        /// Default: json for -o FILE.json, else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<TextOrJson>,
    },
    /// Load and validate the corpus; print its counts and every warning.
    Check {
        /// Also print the notes (repairs made while reading reference lists).
        #[arg(long)]
        notes: bool,
        /// Default: json for -o FILE.json, else text.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<TextOrJson>,
    },
}

#[derive(Subcommand)]
enum RefsCommand {
    /// Parse a reference list (author-date) into structured records.
    ///
    /// The list is read as a stream: records are written as they are read, in chunks of
    /// about 256 lines, so memory does not grow with the length of the list. A list shorter
    /// than a chunk gives the same output as --whole.
    Parse {
        /// The file to read; `-` or nothing for standard input.
        file: Option<PathBuf>,
        /// Each non-empty line is exactly one reference.
        #[arg(long)]
        one_per_line: bool,
        /// Default: the extension of -o FILE (.json, .yaml, .jsonl), else csl-json.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<RefsFormat>,
        /// Read the whole list before writing, so that the checks across entries (initials
        /// that differ by an accent, journal volumes whose years disagree) see every entry
        /// rather than one chunk; memory then grows with the list.
        #[arg(long)]
        whole: bool,
        /// Do not print warnings to standard error.
        #[arg(long, short)]
        quiet: bool,
        /// Which parser reads each entry: `rules` (the rules, and the learned model for
        /// entries they cannot read), `rules-only`, or `learned` (the model for every entry).
        #[arg(long, value_enum, default_value = "rules")]
        parser: explain::ParserArg,
        /// Instead of records, print each entry's tokens with the learned model's label and
        /// its score (the marginal probability of the label).
        #[arg(long)]
        explain: bool,
    },
}

fn load(cli: &Cli) -> Result<Corpus, bibgraph::Error> {
    let corpus = match &cli.corpus {
        Some(path) => Corpus::load(path)?,
        None => Corpus::builtin()?,
    };
    // Files skipped and an empty corpus are said whatever the command (`check` lists
    // them with the others).
    if !matches!(cli.command, Command::Check { .. }) {
        for d in corpus.file_warnings() {
            eprintln!("{d}");
        }
    }
    Ok(corpus)
}

fn read_input(file: &Option<PathBuf>) -> Result<(String, String), String> {
    match file {
        Some(p) if p.as_os_str() != "-" => {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let name = p.display().to_string();
            let text = bibgraph::encoding::decode_lossy(bytes, &name).map_err(|e| e.to_string())?;
            Ok((name, text))
        }
        _ => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            let text = bibgraph::encoding::decode_lossy(bytes, "<stdin>").map_err(|e| e.to_string())?;
            Ok(("<stdin>".to_string(), text))
        }
    }
}

/// A picture in the format asked for.
fn picture(svg: String, png: bool, pdf: bool) -> Result<Made, String> {
    if png {
        let bytes = picture::raster::to_png(&svg, 1920).map_err(|e| e.to_string())?;
        Ok(Made::Binary(bytes, "PNG"))
    } else if pdf {
        let bytes = picture::raster::to_pdf(&svg).map_err(|e| e.to_string())?;
        Ok(Made::Binary(bytes, "PDF"))
    } else {
        Ok(Made::Svg(svg))
    }
}

/// A command's output; an SVG picture as PNG or PDF when the output file is `.png` or `.pdf`.
fn svg_or_picture(out: String, ext: &str) -> Result<Made, String> {
    if out.starts_with("<svg") && (ext == "png" || ext == "pdf") {
        picture(out, ext == "png", ext == "pdf")
    } else {
        Ok(Made::Text(out))
    }
}

fn text_or_json(format: Option<TextOrJson>, ext: &str) -> TextOrJson {
    format.or_else(|| by_extension(ext, &[("json", TextOrJson::Json)])).unwrap_or(TextOrJson::Text)
}

fn run(cli: Cli) -> Result<Made, String> {
    let err = |e: bibgraph::Error| e.to_string();
    let ext = output::extension(cli.output.as_deref());
    let text = |s: Result<String, String>| s.map(Made::Text);
    match &cli.command {
        Command::Lineage { from, to, concept, shortest, format, no_titles, net } => {
            let known = [
                ("svg", LineageFormat::Svg),
                ("png", LineageFormat::Png),
                ("pdf", LineageFormat::Pdf),
                ("json", LineageFormat::Json),
            ];
            let format = format.or_else(|| by_extension(&ext, &known)).unwrap_or(LineageFormat::Text);
            if net.given() {
                return netquery::lineage(net, cli.corpus.is_some(), (from, to), concept.is_some(), format, *no_titles);
            }
            let corpus = load(&cli).map_err(err)?;
            let from = corpus.find_work(from).map_err(err)?.key.clone();
            let to = corpus.find_work(to).map_err(err)?.key.clone();
            let concept = match concept {
                Some(c) => Some(corpus.find_concept(c).map_err(err)?.id.clone()),
                None => None,
            };
            let choice = if *shortest { PathChoice::Shortest } else { PathChoice::Fullest };
            let options = LineageOptions::default().concept(concept).choice(choice);
            let lineage = corpus.lineage(from.as_str(), to.as_str(), &options).map_err(err)?;
            match format {
                LineageFormat::Text => Ok(Made::Text(render::lineage_text(&corpus, &lineage))),
                LineageFormat::Json => text(render::to_json(&LineageView::new(&corpus, &lineage)).map_err(err)),
                LineageFormat::Svg | LineageFormat::Png | LineageFormat::Pdf => {
                    let drawn = Historiograph::lineage(&corpus, &lineage).map_err(err)?;
                    let svg = drawn.to_svg(&picture::Options::default().titles(!no_titles));
                    picture(svg, format == LineageFormat::Png, format == LineageFormat::Pdf)
                }
            }
        }
        Command::Graph { concept, from, to, format, no_titles } => {
            let known = [("svg", PictureFormat::Svg), ("png", PictureFormat::Png), ("pdf", PictureFormat::Pdf)];
            let format = format.or_else(|| by_extension(&ext, &known)).unwrap_or(PictureFormat::Svg);
            let corpus = load(&cli).map_err(err)?;
            let concept = match concept {
                Some(c) => Some(corpus.find_concept(c).map_err(err)?.id.clone()),
                None => None,
            };
            let selection = Selection::default().concept(concept).years(*from, *to);
            let drawn = Historiograph::graph(&corpus, &selection).map_err(err)?;
            let svg = drawn.to_svg(&picture::Options::default().titles(!no_titles));
            picture(svg, format == PictureFormat::Png, format == PictureFormat::Pdf)
        }
        Command::Network(args) => text(network::run(args)),
        Command::Export { format, concept, from, to } => {
            let known = [
                ("dot", ExportFormat::Dot),
                ("gv", ExportFormat::Dot),
                ("graphml", ExportFormat::GraphMl),
                ("json", ExportFormat::Json),
                ("bib", ExportFormat::Biblatex),
                ("yaml", ExportFormat::Yaml),
                ("yml", ExportFormat::Yaml),
                ("ris", ExportFormat::Ris),
            ];
            let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
            let format = format.or_else(|| by_extension(&ext, &known)).ok_or_else(|| {
                format!("which format? give --format ({}) or -o FILE with one of their extensions", names.join(", "))
            })?;
            let corpus = load(&cli).map_err(err)?;
            let bibliographic = matches!(
                format,
                ExportFormat::Biblatex | ExportFormat::CslJson | ExportFormat::Ris | ExportFormat::Yaml
            );
            if concept.is_none() && from.is_none() && to.is_none() {
                if bibliographic {
                    warn_misprints(corpus.works());
                }
                return text(export::export(&corpus, format).map_err(err));
            }
            let concept = match concept {
                Some(c) => Some(corpus.find_concept(c).map_err(err)?.id.clone()),
                None => None,
            };
            let selection = Selection::default().concept(concept).years(*from, *to);
            let chosen = Historiograph::graph(&corpus, &selection).map_err(err)?;
            let keep: std::collections::HashSet<&str> = chosen.works.iter().map(|w| w.key.as_str()).collect();
            let works = corpus.works().iter().filter(|w| keep.contains(w.key.as_str()));
            if bibliographic {
                warn_misprints(works.clone());
            }
            let mut table = export::GraphTable::new(&corpus);
            table.retain_works(|k| keep.contains(k));
            text(match format {
                ExportFormat::Dot => Ok(export::dot::write(&table)),
                ExportFormat::GraphMl => Ok(export::graphml::write(&table)),
                ExportFormat::Json => export::json::write(&table).map_err(err),
                ExportFormat::Biblatex => Ok(biblatex::to_biblatex(works)),
                ExportFormat::CslJson => export::csl_json(works).map_err(err),
                ExportFormat::Ris => Ok(export::ris::to_ris(works)),
                _ => export::yaml::to_corpus_yaml(works).map_err(err),
            })
        }
        Command::Refs {
            command: RefsCommand::Parse { file, one_per_line, format, whole: _, quiet, parser, explain },
        } => {
            let format = refs_format(*format, &ext);
            let (name, input) = read_input(file)?;
            let options = ParseOptions::default().one_per_line(*one_per_line).parser((*parser).into());
            let list = parse_list(&input, &name, &options);
            if *explain {
                return text(Ok(list.works().map(explain::explain_work).collect()));
            }
            if !quiet {
                let stderr = io::stderr();
                let mut e = stderr.lock();
                for d in list.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
                    let _ = writeln!(e, "{d}");
                }
            }
            let works: Vec<_> = list.works().collect();
            text(match format {
                RefsFormat::CslJson => render::to_json(&csl::to_csl_array(works.iter().copied())).map_err(err),
                RefsFormat::Json => render::to_json(&works).map_err(err),
                RefsFormat::Jsonl => {
                    let lines: Result<Vec<String>, _> = works.iter().map(serde_json::to_string).collect();
                    Ok(lines.map_err(|e| e.to_string())?.iter().map(|l| format!("{l}\n")).collect())
                }
                RefsFormat::Yaml => render::to_yaml(&works).map_err(err),
            })
        }
        // Their pictures as PNG or PDF when the output file's extension asks for it.
        Command::Mainpath(args) => svg_or_picture(mainpath::run(args)?, &ext),
        Command::Histcite(args) => svg_or_picture(histcite::run(args)?, &ext),
        Command::Concept { name, format } => {
            let corpus = load(&cli).map_err(err)?;
            let id = corpus.find_concept(name).map_err(err)?.id.clone();
            let history = corpus.concept_history(id.as_str()).map_err(err)?;
            text(match text_or_json(*format, &ext) {
                TextOrJson::Text => Ok(render::concept_text(&corpus, &history)),
                TextOrJson::Json => render::to_json(&ConceptView::new(&corpus, &history)).map_err(err),
            })
        }
        Command::Work { name, format } => {
            let corpus = load(&cli).map_err(err)?;
            let work = corpus.find_work(name).map_err(err)?;
            text(match text_or_json(*format, &ext) {
                TextOrJson::Text => render::work_text(&corpus, work).map_err(err),
                TextOrJson::Json => render::to_json(&WorkView::new(&corpus, work)).map_err(err),
            })
        }
        Command::Draft { file, format, out, source } => {
            let corpus = load(&cli).map_err(err)?;
            let (name, input) = read_input(&Some(file.clone()))?;
            text(draft::run(&corpus, &name, &input, source.as_deref(), out.as_deref(), *format))
        }
        Command::Cites { file, format, source } => {
            let known =
                [("json", CitesFormat::Json), ("yaml", CitesFormat::CorpusYaml), ("yml", CitesFormat::CorpusYaml)];
            let format = format.or_else(|| by_extension(&ext, &known)).unwrap_or(CitesFormat::Text);
            let corpus = load(&cli).map_err(err)?;
            let (name, input) = read_input(&Some(file.clone()))?;
            let report = bibgraph::cites::check(&corpus, &input, &name);
            text(match format {
                CitesFormat::Text => Ok(report.text(&corpus)),
                CitesFormat::Json => render::to_json(&report.view()).map_err(err),
                CitesFormat::CorpusYaml => {
                    let source = match source {
                        Some(s) => corpus.find_work(s).map_err(err)?.key.clone(),
                        None => corpus.meta().source.clone().ok_or_else(|| {
                            "the corpus names no `source` work: give the citing work with --source KEY".to_string()
                        })?,
                    };
                    Ok(report.corpus_yaml(&source))
                }
            })
        }
        Command::Read(args) => text(read::run(args)),
        Command::ReadingList { topic, order, limit, format, style, kind, net } => {
            let known = [
                ("md", ReadingFormat::Markdown),
                ("markdown", ReadingFormat::Markdown),
                ("json", ReadingFormat::Json),
                ("bib", ReadingFormat::Biblatex),
            ];
            let format = format.or_else(|| by_extension(&ext, &known)).unwrap_or(ReadingFormat::Markdown);
            if net.input.given() {
                let as_work = matches!(kind, None | Some(TopicArg::Work));
                let corpus = cli.corpus.is_some();
                return text(netquery::reading_list(net, corpus, topic, as_work, (*order, *limit), format, style));
            }
            let corpus = load(&cli).map_err(err)?;
            text(reading_list(&corpus, topic, *order, *limit, format, style, *kind).map_err(err))
        }
        Command::Search { text: words, format } => {
            let corpus = load(&cli).map_err(err)?;
            text(search::run(&corpus, &words.join(" "), text_or_json(*format, &ext)))
        }
        Command::Styles { format } => text(styles::run(text_or_json(*format, &ext))),
        Command::Check { notes, format } => {
            let corpus = match load(&cli) {
                Ok(c) => c,
                Err(e) if !e.diagnostics().is_empty() => {
                    let all: Vec<String> = e.diagnostics().iter().map(ToString::to_string).collect();
                    let count = if all.len() == 1 { "1 error".to_string() } else { format!("{} errors", all.len()) };
                    return Err(format!("invalid corpus ({count}): {e}\n{}", all.join("\n")));
                }
                Err(e) => return Err(e.to_string()),
            };
            let report = CheckReport::new(&corpus);
            text(match text_or_json(*format, &ext) {
                TextOrJson::Text => Ok(report.text(*notes)),
                TextOrJson::Json => render::to_json(&report).map_err(err),
            })
        }
    }
}

/// Says on standard error which exported works carry a misprint the source printed
/// (`Tche?coslovaques`), so that none passes silently into a bibliography.
fn warn_misprints<'a>(works: impl IntoIterator<Item = &'a bibgraph::model::Work>) {
    let flagged: Vec<String> = works
        .into_iter()
        .flat_map(|w| {
            w.flags.iter().filter(|f| f.kind == "misprint").map(move |f| format!("`{}`: {}", w.key, f.message))
        })
        .collect();
    if !flagged.is_empty() {
        eprintln!(
            "warning: {} in the exported works, as the source printed them; correct them before citing (the flags are also in the export: CSL-JSON `custom.flags`, BibLaTeX `verbb`):",
            if flagged.len() == 1 { "1 misprint".to_string() } else { format!("{} misprints", flagged.len()) }
        );
        for f in flagged {
            eprintln!("  {f}");
        }
    }
}

fn refs_format(format: Option<RefsFormat>, ext: &str) -> RefsFormat {
    let known = [
        ("json", RefsFormat::CslJson),
        ("yaml", RefsFormat::Yaml),
        ("yml", RefsFormat::Yaml),
        ("jsonl", RefsFormat::Jsonl),
    ];
    format.or_else(|| by_extension(ext, &known)).unwrap_or(RefsFormat::CslJson)
}

/// `refs parse` as a stream: each record is written as soon as its chunk is read, in the
/// same bytes as the whole list would give (an array is opened, filled and closed by hand).
fn refs_stream(
    file: &Option<PathBuf>,
    options: ParseOptions,
    format: RefsFormat,
    quiet: bool,
    explain: bool,
    output: Option<&PathBuf>,
) -> Result<(), String> {
    let (name, reader): (String, Box<dyn io::BufRead>) = match file {
        Some(p) if p.as_os_str() != "-" => {
            let f = std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            (p.display().to_string(), Box::new(io::BufReader::new(f)))
        }
        _ => ("<stdin>".to_string(), Box::new(io::stdin().lock())),
    };
    // UTF-16 is decoded and a byte-order mark dropped as the stream is read.
    let reader = bibgraph::encoding::Reader::new(reader, name.clone());
    let stream = ReferenceStream::new(reader, name, options);
    let stdout = io::stdout();
    let mut out: io::BufWriter<Box<dyn Write>> = match output.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            let f = std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
            io::BufWriter::new(Box::new(f))
        }
        None => io::BufWriter::new(Box::new(stdout.lock())),
    };
    let stderr = io::stderr();
    // A reader that stopped early (`| head`) ends the stream without an error.
    let write_err = |e: io::Error| match e.kind() {
        io::ErrorKind::BrokenPipe => None,
        _ => Some(format!("cannot write output: {e}")),
    };
    let json_err = |e: serde_json::Error| Some(format!("cannot write json: {e}"));
    let mut count = 0usize;
    let result = (|| -> Result<(), Option<String>> {
        for reference in stream {
            let reference = reference.map_err(|e| Some(e.to_string()))?;
            if !quiet {
                let mut e = stderr.lock();
                for d in reference.diagnostics().filter(|d| d.severity >= Severity::Warning) {
                    let _ = writeln!(e, "{d}");
                }
            }
            let work = &reference.work;
            if explain {
                out.write_all(explain::explain_work(work).as_bytes()).map_err(write_err)?;
                continue;
            }
            let item = match format {
                // Pretty-printed items, indented as inside the whole array.
                RefsFormat::CslJson => serde_json::to_string_pretty(&csl::to_csl(work)).map_err(json_err)?,
                RefsFormat::Json => serde_json::to_string_pretty(work).map_err(json_err)?,
                RefsFormat::Jsonl => serde_json::to_string(work).map_err(json_err)?,
                RefsFormat::Yaml => render::to_yaml(&[work]).map_err(|e| Some(e.to_string()))?,
            };
            match format {
                RefsFormat::CslJson | RefsFormat::Json => {
                    out.write_all(if count == 0 { b"[\n" } else { b",\n" }).map_err(write_err)?;
                    for (i, line) in item.lines().enumerate() {
                        let sep = if i == 0 { "" } else { "\n" };
                        write!(out, "{sep}  {line}").map_err(write_err)?;
                    }
                }
                RefsFormat::Jsonl => writeln!(out, "{item}").map_err(write_err)?,
                RefsFormat::Yaml => out.write_all(item.as_bytes()).map_err(write_err)?,
            }
            count += 1;
        }
        let end: &[u8] = match (format, count) {
            _ if explain => b"",
            (RefsFormat::CslJson | RefsFormat::Json, 0) => b"[]\n",
            (RefsFormat::CslJson | RefsFormat::Json, _) => b"\n]\n",
            (RefsFormat::Yaml, 0) => b"[]\n",
            _ => b"",
        };
        out.write_all(end).and_then(|_| out.flush()).map_err(write_err)
    })();
    result.or_else(|e| e.map_or(Ok(()), Err))
}

fn reading_list(
    corpus: &Corpus,
    topic: &str,
    order: OrderArg,
    limit: Option<u64>,
    format: ReadingFormat,
    style: &str,
    kind: Option<TopicArg>,
) -> Result<String, bibgraph::Error> {
    let kind = kind.map(|k| match k {
        TopicArg::Concept => TopicKind::Concept,
        TopicArg::Work => TopicKind::Work,
        TopicArg::Section => TopicKind::Section,
    });
    let order = match order {
        OrderArg::Chronological => Order::Chronological,
        OrderArg::Lineage => Order::Lineage,
        OrderArg::Importance => Order::Importance,
    };
    let found = corpus.find_topic(topic, kind)?;
    let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let list = corpus.reading_list(&found, &ReadingOptions::default().order(order).limit(limit))?;
    render_reading_list(corpus, &list, format, style)
}

/// A reading list in the format asked for (a corpus's, or a network selection's).
fn render_reading_list(
    corpus: &Corpus,
    list: &bibgraph::reading::ReadingList<'_>,
    format: ReadingFormat,
    style: &str,
) -> Result<String, bibgraph::Error> {
    let works = list.entries.iter().map(|e| e.work);
    let made = match format {
        ReadingFormat::Markdown => markdown::annotated_bibliography(corpus, list, &Style::from_name_or_file(style)?),
        ReadingFormat::Json => render::to_json(&ReadingListView::new(list)),
        ReadingFormat::CslJson => export::csl_json(works.clone()),
        ReadingFormat::Biblatex => Ok(biblatex::to_biblatex(works.clone())),
    }?;
    if format != ReadingFormat::Json {
        warn_misprints(works);
    }
    Ok(made)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let (Command::Refs { .. }, Some(_)) = (&cli.command, &cli.corpus) {
        eprintln!(
            "error: --corpus does not apply to `refs parse`, which reads a reference list (FILE or standard input), not a corpus; drop --corpus"
        );
        return ExitCode::from(2);
    }
    // `refs parse` streams unless --whole: it writes its output as it goes.
    if let Command::Refs {
        command: RefsCommand::Parse { file, one_per_line, format, whole: false, quiet, parser, explain },
    } = &cli.command
    {
        let options = ParseOptions::default().one_per_line(*one_per_line).parser((*parser).into());
        let format = refs_format(*format, &output::extension(cli.output.as_deref()));
        return match refs_stream(file, options, format, *quiet, *explain, cli.output.as_ref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    let output = cli.output.clone();
    match run(cli).and_then(|made| output::write(made, output.as_ref())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
