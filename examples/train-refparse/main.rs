//! Trains the learned reference parser and writes the model the crate embeds.
//!
//! ```sh
//! cargo run --release --example train-refparse                 # train, report, write the model
//! cargo run --release --example train-refparse -- --cv 5 --pred /tmp/pred.json   # cross-validation
//! ```
//!
//! Options: `--seed N` (13), `--epochs N` (30), `--dev-weight N` (4: each development
//! reference counts four times), `--cv K` (first K-fold cross-validation over the development set,
//! predictions to `--pred FILE`; `--cv-only` stops there), `--bits N` (18: 2^18 weight rows),
//! `--generated N` records (3000), `--texlive N` records (2000, from the installed TeX Live
//! `.bib` files), `--per-style N` references per style (100), `--dev FILE` (the AnyStyle
//! development set, `../shared/data/refparse-dev/anystyle-core.jsonl`, or under `$BIBGRAPH_SHARED`; `--dev none` to
//! train without it), `--out FILE` (`src/refparse/learned/refparse-model.bin`),
//! `--no-rules` (leave the rules' reading out of the features), `--learner crfs` (cross-validate
//! `crfs`'s CRF instead of the perceptron; `--crf-iterations N`, 100), `--cache FILE` (write
//! the generated references there; `--cv-only` runs read them back instead of rendering),
//! `--gen-step N` (train on every Nth generated reference).
//!
//! Everything random comes from one seeded generator: the same options give the same model.
//! See docs/refparse.md.

mod crf;
mod dev;
mod perceptron;
mod records;
mod render;

use bibgraph::model::{Name, Work};
use bibgraph::refparse::learned::{parse_reference_with, Label};
use bibgraph::style::Style;
use perceptron::{Example, Rng};
use render::Field;
use std::collections::BTreeMap;
use std::time::Instant;

/// The styles the references are rendered in: author-date, numeric, notes-bibliography,
/// physics and chemistry, and styles of other languages (German, Chinese, Russian, Portuguese).
const STYLES: &[&str] = &[
    "apa",
    "chicago-author-date",
    "harvard-cite-them-right",
    "american-sociological-association",
    "elsevier-harvard",
    "springer-basic-author-date",
    "council-of-science-editors-author-date",
    "iso-690-author-date",
    "springer-humanities-author-date",
    "springer-socpsych-author-date",
    "taylor-and-francis-chicago-author-date",
    "turabian-author-date",
    "deutsche-sprache",
    "springer-fachzeitschriften-medizin-psychologie",
    "frontiers",
    "american-anthropological-association",
    "american-political-science-association",
    "annual-reviews-author-date",
    "gb-7714-2015-author-date",
    "modern-language-association",
    "modern-humanities-research-association",
    "chicago-notes",
    "ieee",
    "vancouver",
    "nature",
    "american-physics-society",
    "american-institute-of-physics",
    "american-chemical-society",
    "elsevier-vancouver",
    "springer-mathphys",
    "institute-of-physics-numeric",
    "the-lancet",
    "gb-7714-2015-numeric",
    "associacao-brasileira-de-normas-tecnicas",
    "gost-r-705-2008-numeric",
    "copernicus",
    "royal-society-of-chemistry",
    "association-for-computing-machinery",
];

/// A held-out record rendered in a style: (style, record, text, fields printed with their text).
type HeldOut = (&'static str, Work, String, Vec<(Field, String)>);

struct Args {
    seed: u64,
    epochs: usize,
    bits: u32,
    generated: usize,
    texlive: usize,
    per_style: usize,
    dev: Option<String>,
    out: String,
    cv: usize,
    cv_only: bool,
    dev_weight: usize,
    pred: Option<String>,
    rules: bool,
    crfs: bool,
    crf_iterations: usize,
    cache: Option<String>,
    gen_step: usize,
}

fn args() -> Args {
    let mut a = Args {
        seed: 13,
        epochs: 30,
        bits: 18,
        generated: 3000,
        texlive: 2000,
        per_style: 100,
        dev: Some(format!(
            "{}/data/refparse-dev/anystyle-core.jsonl",
            std::env::var("BIBGRAPH_SHARED").unwrap_or_else(|_| "../shared".into())
        )),
        out: "src/refparse/learned/refparse-model.bin".into(),
        cv: 0,
        cv_only: false,
        dev_weight: 4,
        pred: None,
        rules: true,
        crfs: false,
        crf_iterations: 100,
        cache: None,
        gen_step: 1,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let val = v.get(i + 1).cloned().unwrap_or_default();
        let num = || val.parse::<usize>().unwrap_or_else(|_| panic!("{} needs a number", v[i]));
        match v[i].as_str() {
            "--seed" => a.seed = num() as u64,
            "--epochs" => a.epochs = num(),
            "--bits" => a.bits = num() as u32,
            "--generated" => a.generated = num(),
            "--texlive" => a.texlive = num(),
            "--per-style" => a.per_style = num(),
            "--dev" => a.dev = (val != "none").then_some(val),
            "--out" => a.out = val,
            "--cv" => a.cv = num(),
            "--cv-only" => {
                a.cv_only = true;
                i -= 1;
            }
            "--dev-weight" => a.dev_weight = num(),
            "--cache" => a.cache = Some(val),
            "--gen-step" => a.gen_step = num().max(1),
            "--learner" => a.crfs = val == "crfs",
            "--crf-iterations" => a.crf_iterations = num(),
            "--no-rules" => {
                a.rules = false;
                i -= 1;
            }
            "--pred" => a.pred = Some(val),
            other => panic!("unknown option {other}"),
        }
        i += 2;
    }
    a
}

/// Lowercase letters and digits, one space between runs, as the round-trip test compares.
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn families(names: &[Name]) -> String {
    names.iter().map(|n| norm(&n.family_or_literal())).collect::<Vec<_>>().join(" ; ")
}

/// Whether the parsed work has the field as the style printed it: the printed text
/// (normalised) for most fields; for names, the record's family names that the reference
/// prints, in order; for the year, the number.
fn right(parsed: &Work, original: &Work, f: Field, printed: &str, text: &str) -> Option<bool> {
    let o = |v: &Option<String>| v.as_deref().map(norm).unwrap_or_default();
    let text = format!(" {} ", norm(text));
    let shown = |names: &[Name]| {
        names
            .iter()
            .map(|n| norm(&n.family_or_literal()))
            .filter(|f| text.contains(&format!(" {f} ")))
            .collect::<Vec<_>>()
            .join(" ; ")
    };
    let (want, have) = match f {
        Field::Authors => (shown(&original.authors), families(&parsed.authors)),
        Field::Editors => (shown(&original.editors), families(&parsed.editors)),
        Field::Year => (
            original.year.as_ref().and_then(|y| y.year).map(|y| y.to_string()).unwrap_or_default(),
            parsed.year.as_ref().and_then(|y| y.year).map(|y| y.to_string()).unwrap_or_default(),
        ),
        Field::Title => (norm(printed), o(&parsed.title)),
        Field::Container => (norm(printed), o(&parsed.container_title)),
        Field::Volume => (norm(printed), o(&parsed.volume)),
        Field::Issue => (norm(printed), o(&parsed.issue)),
        Field::Pages => (norm(printed), o(&parsed.pages)),
        Field::Publisher => (norm(printed), o(&parsed.publisher)),
        Field::Place => (norm(printed), o(&parsed.place)),
        Field::Doi => (o(&original.doi), o(&parsed.doi)),
        Field::Url => (o(&original.url), o(&parsed.url)),
        Field::Collection | Field::Edition | Field::Genre | Field::Number => return None,
    };
    (!want.is_empty()).then_some(want == have)
}

/// The generated training references (text, labels) of an earlier run with the same
/// options, for experiments with `--cv-only` (the round trip needs the records: no cache).
fn read_cache(path: &str) -> Option<Vec<(String, Vec<Label>)>> {
    let text = std::fs::read_to_string(path).ok()?;
    let rows: Vec<(String, Vec<String>)> = serde_json::from_str(&text).ok()?;
    eprintln!("generated references from {path}");
    Some(
        rows.into_iter()
            .map(|(t, l)| (t, l.iter().map(|n| Label::from_name(n).unwrap_or(Label::Note)).collect()))
            .collect(),
    )
}

fn write_cache(path: &str, generated: &[(String, Vec<Label>)]) {
    let rows: Vec<(&str, Vec<&str>)> =
        generated.iter().map(|(t, l)| (t.as_str(), l.iter().map(|x| x.as_str()).collect())).collect();
    std::fs::write(path, serde_json::to_string(&rows).expect("JSON")).expect("write the cache");
}

/// One fold of the cross-validation with the `crfs` CRF in place of the perceptron.
fn cv_crfs(
    a: &Args,
    set: &[&Example],
    dev: &[dev::DevRef],
    in_fold: &dyn Fn(&usize) -> bool,
    preds: &mut [serde_json::Value],
) {
    let crf = crf::train(set, a.crf_iterations, 1.0);
    for (i, d) in dev.iter().enumerate().filter(|(i, _)| in_fold(i)) {
        let work = bibgraph::refparse::learned::parse_reference_labelled(&d.raw, |text, _| {
            crf.labels(&Example::unlabelled(text, a.bits, a.rules))
        });
        let mut p = bibgraph::csl::to_csl(&work);
        p["id"] = serde_json::Value::String(d.id.clone());
        p["x-head"] = serde_json::Value::Bool(bibgraph::refparse::rules_read(&d.raw));
        preds[i] = p;
    }
}

fn main() {
    let a = args();
    let started = Instant::now();
    let mut rng = Rng(a.seed);
    // Records: the built-in corpus, TeX Live, generated.
    let corpus = bibgraph::Corpus::builtin().expect("the built-in corpus loads");
    let mut works: Vec<Work> =
        corpus.works().iter().filter(|w| w.year.as_ref().is_some_and(|y| y.year.is_some())).cloned().collect();
    for w in &mut works {
        w.note = None;
        w.annotation = None;
    }
    works.extend(records::texlive("/usr/share/texlive/texmf-dist/bibtex/bib", a.texlive, &mut rng));
    works.extend((0..a.generated).map(|i| records::generated(&mut rng, i)));
    works.iter_mut().for_each(render::ensure_year);
    // Every tenth record is held out for the round trip.
    let train: Vec<Work> = works.iter().enumerate().filter(|(i, _)| i % 10 != 0).map(|(_, w)| w.clone()).collect();
    let held: Vec<Work> = works.iter().enumerate().filter(|(i, _)| i % 10 == 0).map(|(_, w)| w.clone()).collect();
    eprintln!("{} records ({} held out)", works.len(), held.len());

    // A cache is read only by `--cv-only` runs (the round trip needs the records); any run writes it.
    let cached = a.cache.as_deref().filter(|_| a.cv_only).and_then(read_cache);
    let mut generated: Vec<(String, Vec<Label>)> = Vec::new();
    let mut held_refs: Vec<HeldOut> = Vec::new();
    let mut held_labels: Vec<(String, Vec<Label>)> = Vec::new();
    for style_name in STYLES.iter().filter(|_| cached.is_none()) {
        let style = Style::named(style_name).unwrap_or_else(|e| panic!("{style_name}: {e}"));
        let mut batch: Vec<Work> = (0..a.per_style).map(|_| train[rng.below(train.len())].clone()).collect();
        // Distinct keys in a batch.
        for (i, w) in batch.iter_mut().enumerate() {
            w.key = bibgraph::model::WorkKey::new(format!("{}-{i}", w.key));
        }
        for chunk in batch.chunks(25) {
            for (_, mut r) in render::render(&style, chunk) {
                if rng.chance(0.5) {
                    if let Some((text, bytes)) = render::cjk_title_marks(&r.text, &r.bytes) {
                        (r.text, r.bytes) = (text, bytes);
                    }
                }
                let (text, bytes) = if rng.chance(0.5) {
                    render::damage(&mut rng, &r.text, &r.bytes)
                } else {
                    (r.text.clone(), r.bytes.clone())
                };
                let labels = render::labels_of(&text, &bytes);
                if std::env::var_os("TRAIN_DUMP").is_some() && rng.chance(0.05) {
                    let toks = bibgraph::refparse::learned::tokenize(&text);
                    let shown: Vec<String> =
                        toks.iter().zip(&labels).map(|(t, l)| format!("{}/{}", &text[t.clone()], l.as_str())).collect();
                    eprintln!("{style_name}: {}", shown.join(" "));
                }
                generated.push((text, labels));
            }
        }
        eprintln!("  {style_name}: {} references so far, {:.0?}", generated.len(), started.elapsed());
        let test: Vec<Work> = (0..a.per_style / 5).map(|k| held[(k * 7 + rng.below(5)) % held.len()].clone()).collect();
        let mut test = test;
        for (i, w) in test.iter_mut().enumerate() {
            w.key = bibgraph::model::WorkKey::new(format!("{}-{i}", w.key));
        }
        for chunk in test.chunks(25) {
            for (i, r) in render::render(&style, chunk) {
                held_labels.push((r.text.clone(), render::labels_of(&r.text, &r.bytes)));
                held_refs.push((style_name, chunk[i].clone(), r.text, r.printed));
            }
        }
    }
    match (cached, a.cache.as_deref()) {
        (Some(c), _) => generated = c,
        (None, Some(path)) => write_cache(path, &generated),
        (None, None) => {}
    }
    let examples: Vec<Example> = generated
        .iter()
        .step_by(a.gen_step)
        .map(|(text, labels)| Example::new(text.clone(), labels.clone(), a.bits, a.rules))
        .collect();
    eprintln!(
        "{} generated training references, {} held out, {:.0?}",
        examples.len(),
        held_refs.len(),
        started.elapsed()
    );

    let dev = a.dev.as_deref().map(|p| {
        let (refs, skipped) = dev::load(p);
        eprintln!("development set: {} references ({skipped} not aligned, left out)", refs.len());
        refs
    });
    let dev_examples: Vec<Example> =
        dev.iter().flatten().map(|d| Example::new(d.raw.clone(), d.labels.clone(), a.bits, a.rules)).collect();

    let info = format!(
        "bibgraph reference model: averaged perceptron, seed {}, {} epochs, 2^{} rows, {} generated references in {} styles, {} development references",
        a.seed, a.epochs, a.bits, examples.len(), STYLES.len(), dev_examples.len()
    );
    if a.cv > 1 {
        let dev = dev.as_ref().expect("--cv needs the development set");
        let mut order: Vec<usize> = (0..dev.len()).collect();
        Rng(a.seed ^ 0xC0FFEE).shuffle(&mut order);
        let mut fold = vec![0usize; dev.len()];
        for (k, i) in order.iter().enumerate() {
            fold[*i] = k % a.cv;
        }
        let mut preds: Vec<serde_json::Value> = vec![serde_json::Value::Null; dev.len()];
        let (mut wrong, mut total) = (0usize, 0usize);
        for f in 0..a.cv {
            eprintln!("fold {}/{}", f + 1, a.cv);
            let in_fold = |i: &usize| fold[*i] == f;
            let set: Vec<&Example> = examples
                .iter()
                .chain(
                    (0..a.dev_weight)
                        .flat_map(|_| dev_examples.iter().enumerate().filter(|(i, _)| !in_fold(i)).map(|(_, e)| e)),
                )
                .collect();
            if a.crfs {
                cv_crfs(&a, &set, dev, &in_fold, &mut preds);
                continue;
            }
            let model = perceptron::train(&set, a.bits, a.epochs, a.seed + f as u64, a.rules).model(1.0, String::new());
            for (i, d) in dev.iter().enumerate().filter(|(i, _)| in_fold(i)) {
                let mut p = bibgraph::csl::to_csl(&parse_reference_with(&d.raw, &model));
                p["id"] = serde_json::Value::String(d.id.clone());
                p["x-head"] = serde_json::Value::Bool(bibgraph::refparse::rules_read(&d.raw));
                preds[i] = p;
                let (_, labels) = bibgraph::refparse::learned::label(&d.raw, &model);
                total += labels.len();
                wrong += labels.iter().zip(&d.labels).filter(|(a, b)| a != b).count();
            }
        }
        let path = a.pred.as_deref().unwrap_or("cv-pred.json");
        std::fs::write(path, serde_json::to_string(&preds).expect("JSON")).expect("write the predictions");
        eprintln!(
            "cross-validated predictions in {path}; held-out token error {:.4}; {:.0?}",
            wrong as f64 / total.max(1) as f64,
            started.elapsed()
        );
        if a.cv_only {
            return;
        }
    }
    let set: Vec<&Example> = examples.iter().chain((0..a.dev_weight).flat_map(|_| dev_examples.iter())).collect();
    let weights = perceptron::train(&set, a.bits, a.epochs, a.seed, a.rules);
    let sample: Vec<(String, Vec<Label>)> = held_labels.iter().step_by(4).cloned().collect();
    let temperature = weights.calibrate(&sample);
    let model = weights.model(temperature, format!("{info}, temperature {temperature}"));
    let bytes = model.to_bytes();
    // The round trip: held-out records in every style.
    let mut per_style: BTreeMap<&str, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for (style, original, text, printed) in &held_refs {
        let parsed = parse_reference_with(text, &model);
        let e = per_style.entry(style).or_default();
        for (f, shown) in printed {
            let Some(ok) = right(&parsed, original, *f, shown, text) else { continue };
            e.1 += 1;
            if ok {
                e.0 += 1;
            } else {
                *e.2.entry(format!("{f:?}")).or_default() += 1;
                if std::env::var_os("ROUNDTRIP_VERBOSE").is_some() {
                    eprintln!("{style} {f:?}: printed {shown:?}\n    {text}");
                }
            }
        }
    }
    println!("round trip of held-out records, fields right per style:");
    let (mut r, mut t) = (0, 0);
    for (style, (right, total, wrong)) in &per_style {
        r += right;
        t += total;
        println!("  {style:48} {right:5}/{total:5} {:.3}  wrong: {wrong:?}", *right as f64 / (*total).max(1) as f64);
    }
    println!("  {:48} {r:5}/{t:5} {:.3}", "all", r as f64 / t.max(1) as f64);
    let _ = Label::ALL;
    std::fs::write(&a.out, &bytes).expect("write the model");
    println!("model: {} bytes in {}; {:.0?} in all", bytes.len(), a.out, started.elapsed());
}
