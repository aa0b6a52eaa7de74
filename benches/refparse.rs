//! Reference-string parsing throughput, in references per second on one core.
//!
//! `cargo bench --bench refparse`. The input is generated here: the works of the built-in
//! corpus rendered in six author-date styles (Sage Harvard as printed, APA, Chicago,
//! Harvard, ASA, numbered), a few thousand references in all. No outside data.

use bibgraph::model::{Name, Work, WorkType};
use bibgraph::refparse::{parse_list, parse_reference, parse_reference_learned, ParseOptions, Parser, ReferenceStream};
use bibgraph::Corpus;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn initials(given: &str, dotted: bool) -> String {
    given
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| if dotted { format!("{c}.") } else { c.to_string() })
        .collect::<Vec<_>>()
        .join(if dotted { " " } else { "" })
}

fn names(w: &Work, style: usize) -> String {
    let parts: Vec<String> = w
        .creators()
        .iter()
        .enumerate()
        .map(|(i, n)| match n {
            Name::Literal { literal } => literal.clone(),
            Name::Person(p) => {
                let g = p.given.clone().unwrap_or_default();
                match style {
                    0 => format!("{} {}", p.family, initials(&g, false)),
                    1 | 3 => format!("{}, {}", p.family, initials(&g, true)),
                    2 | 4 if i == 0 => format!("{}, {}", p.family, initials(&g, true)),
                    _ => format!("{} {}", initials(&g, true), p.family),
                }
            }
        })
        .collect();
    match parts.as_slice() {
        [] => "Anon".to_string(),
        [one] => one.clone(),
        [init @ .., last] => {
            let sep = if style == 1 { ", & " } else { " and " };
            format!("{}{sep}{last}", init.join(", "))
        }
    }
}

fn render(w: &Work, style: usize, n: usize) -> String {
    let year = w.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".into());
    let title = w.title.clone().unwrap_or_default();
    let who = names(w, style);
    let tail = match w.kind {
        WorkType::ArticleJournal => format!(
            "{} {}({}): {}",
            w.container_title.as_deref().unwrap_or("Journal"),
            w.volume.as_deref().unwrap_or("1"),
            w.issue.as_deref().unwrap_or("1"),
            w.pages.as_deref().unwrap_or("1–10")
        ),
        _ => format!("{}: {}", w.place.as_deref().unwrap_or("London"), w.publisher.as_deref().unwrap_or("Press")),
    };
    match style {
        0 => format!("{who} ({year}) {title}. {tail}."),
        1 => format!("{who} ({year}). {title}. {tail}."),
        2 => format!("{who}. {year}. “{title}.” {tail}."),
        3 => format!("{who} ({year}) '{title}', {tail}."),
        4 => format!("{who}. {year}. “{title}.” {tail}."),
        _ => format!("[{n}] {who}, “{title},” {tail}, {year}."),
    }
}

fn references() -> Vec<String> {
    let corpus = Corpus::builtin().expect("built-in corpus");
    let works: Vec<&Work> = corpus.works().iter().filter(|w| w.title.is_some()).collect();
    let mut out = Vec::new();
    for round in 0..8 {
        for style in 0..6 {
            for (i, w) in works.iter().enumerate() {
                out.push(render(w, (style + round) % 6, i + 1));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let refs = references();
    let mut group = c.benchmark_group("refparse");
    group.throughput(Throughput::Elements(refs.len() as u64));
    group.bench_with_input(BenchmarkId::new("parse_reference", refs.len()), &refs, |b, refs| {
        b.iter(|| {
            for r in refs {
                black_box(parse_reference(black_box(r)));
            }
        })
    });
    group.bench_with_input(BenchmarkId::new("parse_reference_learned", refs.len()), &refs, |b, refs| {
        b.iter(|| {
            for r in refs {
                black_box(parse_reference_learned(black_box(r)));
            }
        })
    });
    let list = refs.join("\n");
    // The default (the rules where an author-date head starts the entry, the model with the
    // rules' reading elsewhere), the rules alone, the model alone.
    for (name, parser) in [("rules", Parser::Rules), ("rules-only", Parser::RulesOnly), ("learned", Parser::Learned)] {
        let options = ParseOptions::default().one_per_line(true).parser(parser);
        group.bench_with_input(
            BenchmarkId::new(format!("parse_list one-per-line {name}"), refs.len()),
            &list,
            |b, list| b.iter(|| black_box(parse_list(black_box(list), "bench.txt", &options))),
        );
    }
    // The same references streamed, as `bibgraph refs parse` reads them.
    group.bench_with_input(BenchmarkId::new("stream one-per-line", refs.len()), &list, |b, list| {
        b.iter(|| {
            ReferenceStream::new(black_box(list.as_bytes()), "bench.txt", ParseOptions::default().one_per_line(true))
                .map(|r| r.map(|_| 1usize))
                .sum::<Result<usize, _>>()
        })
    });
    let printed = include_str!("../corpus/waldinger-2011/references.txt").repeat(50);
    group.throughput(Throughput::Elements(66 * 50));
    group.bench_with_input(BenchmarkId::new("stream, seed list x50", 66 * 50), &printed, |b, text| {
        b.iter(|| {
            ReferenceStream::new(black_box(text.as_bytes()), "seed.txt", ParseOptions::default())
                .map(|r| r.map(|_| 1usize))
                .sum::<Result<usize, _>>()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
