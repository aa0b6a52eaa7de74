//! The `bibgraph` command line: a thin shell over the library's public API.

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
mod network;
mod read;

/// Trace how ideas travelled through a body of scholarship: reference lists, concepts
/// and lineage, in one graph. Uses the built-in corpus (Waldinger, 'Immigrant
/// transnationalism') unless --corpus names another.
#[derive(Parser)]
#[command(name = "bibgraph", version, about, max_term_width = 100)]
struct Cli {
    /// Load this corpus (a directory of corpus files, or one file) instead of the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    corpus: Option<PathBuf>,
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
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum PictureFormat {
    /// A historiograph: the works on a time axis, one lane per discipline.
    Svg,
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
    CslJson,
    Biblatex,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum TopicArg {
    Concept,
    Work,
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
        #[arg(long, value_enum, default_value = "text")]
        format: LineageFormat,
        /// In a picture, show only authors and years, not titles.
        #[arg(long)]
        no_titles: bool,
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
        #[arg(long, value_enum, default_value = "svg")]
        format: PictureFormat,
        /// Show only authors and years, not titles.
        #[arg(long)]
        no_titles: bool,
    },
    /// The corpus for other software: the whole graph (dot, graphml, json) or the works
    /// (biblatex, csl-json, yaml).
    Export {
        #[arg(long, value_parser = export_format())]
        format: ExportFormat,
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
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// A work: its record, flags and annotation, and where and how often the corpus's
    /// sources cite it.
    Work {
        /// A key or a citation ("Levitt 2001a").
        name: String,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Find the author-date citations of a text (plain text or Markdown), resolve each
    /// against the corpus, and say what is wrong with them; then list the references never
    /// cited.
    Cites {
        /// The text to read; `-` for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: CitesFormat,
        /// With `--format corpus-yaml`: the key of the citing work (default: the corpus's
        /// `source`).
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
        #[arg(long, value_enum, default_value = "lineage")]
        order: OrderArg,
        /// Keep the N works most important to the topic (then put them in order).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: ReadingFormat,
        /// The citation style of the Markdown references: a name (apa,
        /// chicago-author-date, or any style hayagriva archives) or a CSL file.
        #[arg(long, value_name = "NAME|FILE", default_value = "apa")]
        style: String,
        /// Read the topic only as this kind (by default a concept, then a work, then a section).
        #[arg(long = "as", value_enum, value_name = "KIND")]
        kind: Option<TopicArg>,
    },
    /// Load citation-data exports (Web of Science, Scopus, OpenAlex, Crossref, Semantic
    /// Scholar, Pajek, CSV edge lists; format told by content) into one citation network and
    /// count what was read: records, cited references, matched, cited-only, skipped.
    Network(network::NetworkArgs),
    /// Load and validate the corpus; print its counts and every warning.
    Check {
        /// Also print the notes (repairs made while reading reference lists).
        #[arg(long)]
        notes: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
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
        #[arg(long, value_enum, default_value = "csl-json")]
        format: RefsFormat,
        /// Read the whole list before writing, so that the checks across entries (initials
        /// that differ by an accent, journal volumes whose years disagree) see every entry
        /// rather than one chunk; memory then grows with the list.
        #[arg(long)]
        whole: bool,
        /// Do not print warnings to standard error.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn load(cli: &Cli) -> Result<Corpus, bibgraph::Error> {
    match &cli.corpus {
        Some(path) => Corpus::load(path),
        None => Corpus::builtin(),
    }
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

fn run(cli: Cli) -> Result<String, String> {
    let err = |e: bibgraph::Error| e.to_string();
    match &cli.command {
        Command::Lineage { from, to, concept, shortest, format, no_titles } => {
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
                LineageFormat::Text => Ok(render::lineage_text(&corpus, &lineage)),
                LineageFormat::Json => render::to_json(&LineageView::new(&corpus, &lineage)).map_err(err),
                LineageFormat::Svg => {
                    let picture = Historiograph::lineage(&corpus, &lineage).map_err(err)?;
                    Ok(picture.to_svg(&picture::Options::default().titles(!no_titles)))
                }
            }
        }
        Command::Graph { concept, from, to, format: PictureFormat::Svg, no_titles } => {
            let corpus = load(&cli).map_err(err)?;
            let concept = match concept {
                Some(c) => Some(corpus.find_concept(c).map_err(err)?.id.clone()),
                None => None,
            };
            let selection = Selection::default().concept(concept).years(*from, *to);
            let picture = Historiograph::graph(&corpus, &selection).map_err(err)?;
            Ok(picture.to_svg(&picture::Options::default().titles(!no_titles)))
        }
        Command::Network(args) => network::run(args),
        Command::Export { format } => {
            let corpus = load(&cli).map_err(err)?;
            export::export(&corpus, *format).map_err(err)
        }
        Command::Refs { command: RefsCommand::Parse { file, one_per_line, format, whole: _, quiet } } => {
            let (name, text) = read_input(file)?;
            let list = parse_list(&text, &name, &ParseOptions::default().one_per_line(*one_per_line));
            if !quiet {
                let stderr = io::stderr();
                let mut e = stderr.lock();
                for d in list.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
                    let _ = writeln!(e, "{d}");
                }
            }
            let works: Vec<_> = list.works().collect();
            match format {
                RefsFormat::CslJson => render::to_json(&csl::to_csl_array(works.iter().copied())).map_err(err),
                RefsFormat::Json => render::to_json(&works).map_err(err),
                RefsFormat::Jsonl => {
                    let lines: Result<Vec<String>, _> = works.iter().map(serde_json::to_string).collect();
                    Ok(lines.map_err(|e| e.to_string())?.iter().map(|l| format!("{l}\n")).collect())
                }
                RefsFormat::Yaml => render::to_yaml(&works).map_err(err),
            }
        }
        Command::Mainpath(args) => mainpath::run(args),
        Command::Histcite(args) => histcite::run(args),
        Command::Concept { name, format } => {
            let corpus = load(&cli).map_err(err)?;
            let id = corpus.find_concept(name).map_err(err)?.id.clone();
            let history = corpus.concept_history(id.as_str()).map_err(err)?;
            match format {
                TextOrJson::Text => Ok(render::concept_text(&corpus, &history)),
                TextOrJson::Json => render::to_json(&ConceptView::new(&corpus, &history)).map_err(err),
            }
        }
        Command::Work { name, format } => {
            let corpus = load(&cli).map_err(err)?;
            let work = corpus.find_work(name).map_err(err)?;
            match format {
                TextOrJson::Text => render::work_text(&corpus, work).map_err(err),
                TextOrJson::Json => render::to_json(&WorkView::new(&corpus, work)).map_err(err),
            }
        }
        Command::Cites { file, format, source } => {
            let corpus = load(&cli).map_err(err)?;
            let (name, text) = read_input(&Some(file.clone()))?;
            let report = bibgraph::cites::check(&corpus, &text, &name);
            match format {
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
            }
        }
        Command::Read(args) => read::run(args),
        Command::ReadingList { topic, order, limit, format, style, kind } => {
            let corpus = load(&cli).map_err(err)?;
            reading_list(&corpus, topic, *order, *limit, *format, style, *kind).map_err(err)
        }
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
            match format {
                TextOrJson::Text => Ok(report.text(*notes)),
                TextOrJson::Json => render::to_json(&report).map_err(err),
            }
        }
    }
}

/// `refs parse` as a stream: each record is written as soon as its chunk is read, in the
/// same bytes as the whole list would give (an array is opened, filled and closed by hand).
fn refs_stream(file: &Option<PathBuf>, one_per_line: bool, format: RefsFormat, quiet: bool) -> Result<(), String> {
    let (name, reader): (String, Box<dyn io::BufRead>) = match file {
        Some(p) if p.as_os_str() != "-" => {
            let f = std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            (p.display().to_string(), Box::new(io::BufReader::new(f)))
        }
        _ => ("<stdin>".to_string(), Box::new(io::stdin().lock())),
    };
    // UTF-16 is decoded and a byte-order mark dropped as the stream is read.
    let reader = bibgraph::encoding::Reader::new(reader, name.clone());
    let stream = ReferenceStream::new(reader, name, ParseOptions::default().one_per_line(one_per_line));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
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
    let works = list.entries.iter().map(|e| e.work);
    match format {
        ReadingFormat::Markdown => markdown::annotated_bibliography(corpus, &list, &Style::from_name_or_file(style)?),
        ReadingFormat::Json => render::to_json(&ReadingListView::new(&list)),
        ReadingFormat::CslJson => export::csl_json(works),
        ReadingFormat::Biblatex => Ok(biblatex::to_biblatex(works)),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `refs parse` streams unless --whole: it writes its output as it goes.
    if let Command::Refs { command: RefsCommand::Parse { file, one_per_line, format, whole: false, quiet } } =
        &cli.command
    {
        return match refs_stream(file, *one_per_line, *format, *quiet) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    match run(cli) {
        Ok(out) => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            let result = lock
                .write_all(out.as_bytes())
                .and_then(|_| if out.is_empty() || out.ends_with('\n') { Ok(()) } else { lock.write_all(b"\n") })
                .and_then(|_| lock.flush());
            match result {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
