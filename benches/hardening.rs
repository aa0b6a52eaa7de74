//! The growth rows of issue 16, each timed at two sizes (2,500 and 25,000) in one run, so
//! that the ratio of the two times shows the growth: about 10 for linear time, about 100
//! for quadratic.
//!
//! - `crossref-chain`: a `.bib` file whose entries form one `crossref` chain.
//! - `case-keys`: a `.bib` file whose keys differ only in case (one work key for all).
//! - `yaml-aliases`: a YAML corpus whose anchors each hold four aliases of the one before
//!   (refused by the pre-scan once they would expand past the limit), `n` lines long.
//! - `yaml-nesting`: `n` nested flow sequences.
//! - `cites-parens`: `n` unclosed `(` given to the citation extractor.
//! - `refs-one-line`: `n` references run together on one line (found by the fuzzer: the
//!   splitter rescanned the line at each split).
//! - `cites-inverted`: `n` times `(see (Roe 2001); Ng, 1999; ` on one line, each outer
//!   parenthesis's citation coming before its inner one's (found by the fuzzer: locating
//!   a citation that comes before the one located last went back to the line's start).
//!
//! Run: `cargo bench --bench hardening`; a summary of each pair and its ratio follows
//! (best of five runs each).

use bibgraph::{Corpus, CorpusFile};
use criterion::{BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: [usize; 2] = [2_500, 25_000];

fn crossref_chain(n: usize) -> String {
    let mut bib = String::new();
    for i in 0..n - 1 {
        bib.push_str(&format!("@incollection{{k{i}, title = {{Part {i}}}, crossref = {{k{}}}}}\n", i + 1));
    }
    bib.push_str(&format!("@book{{k{}, title = {{The Book}}, booktitle = {{Own}}, year = 1999}}\n", n - 1));
    bib
}

fn case_keys(n: usize) -> String {
    (0..n)
        .map(|i| {
            let key: String = "abcdefghijklmnop"
                .chars()
                .enumerate()
                .map(|(b, c)| if i >> b & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            format!("@misc{{{key}, title = {{T{i}}}}}\n")
        })
        .collect()
}

fn yaml_aliases(n: usize) -> String {
    let mut text = String::from("l0: &l0 [1984, 1984, 1984, 1984]\n");
    for i in 1..n {
        text.push_str(&format!("l{i}: &l{i} [*l{0}, *l{0}, *l{0}, *l{0}]\n", i - 1));
    }
    text
}

fn yaml_nesting(n: usize) -> String {
    format!("works: {}{}\n", "[".repeat(n), "]".repeat(n))
}

/// `n` references run together on one line, each with its own author.
fn refs_one_line(n: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"];
    let mut text = String::new();
    for i in 0..n {
        let mut name = String::from("K");
        let mut k = i;
        loop {
            name.push_str(SYLLABLES[k % 10]);
            k /= 10;
            if k == 0 {
                break;
            }
        }
        text.push_str(&format!("{name} DE ({}) The book of {name}. Reading: Addison-Wesley. ", 1900 + i % 100));
    }
    text.push('\n');
    text
}

type Case = (&'static str, fn(usize) -> String, fn(&str) -> usize);

fn cases() -> Vec<Case> {
    let bib = |text: &str| bibgraph::import::bibtex(text.as_bytes(), "f.bib").works.len();
    let yaml = |text: &str| Corpus::from_files([CorpusFile::new("f.yaml", text)]).map_or(0, |c| c.works().len());
    let cites = |text: &str| bibgraph::cites::extract(text).citations.len();
    let refs = |text: &str| {
        bibgraph::refparse::parse_list(text, "f.txt", &bibgraph::refparse::ParseOptions::default()).references.len()
    };
    vec![
        ("crossref-chain", crossref_chain, bib),
        ("case-keys", case_keys, bib),
        ("yaml-aliases", yaml_aliases, yaml),
        ("yaml-nesting", yaml_nesting, yaml),
        ("cites-parens", |n| "(".repeat(n), cites),
        ("refs-one-line", refs_one_line, refs),
        ("cites-inverted", |n| "(see (Roe 2001); Ng, 1999; ".repeat(n), cites),
    ]
}

fn best_of(runs: usize, f: impl Fn() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    for (name, make, run) in cases() {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        for n in SIZES {
            let input = make(n);
            group.bench_with_input(BenchmarkId::from_parameter(n), &input, |b, input| b.iter(|| run(input)));
        }
        group.finish();
    }
    c.final_summary();
    println!("\n{:<16} {:>12} {:>12} {:>7}", "case", "2,500", "25,000", "ratio");
    for (name, make, run) in cases() {
        let [small, large] = SIZES.map(|n| {
            let input = make(n);
            best_of(5, || run(&input))
        });
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        println!("{name:<16} {:>12.3?} {:>12.3?} {ratio:>7.1}", small, large);
    }
}
