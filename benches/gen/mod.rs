//! Generated inputs of any size for the scale benchmark (`benches/scale.rs`), the
//! generator example (`examples/gen_corpus.rs`) and the scale tests (`tests/scale.rs`):
//! YAML corpora (works, `cites` edges, lineage edges) and BibTeX libraries.
//!
//! Everything is deterministic (a fixed-seed generator), so a size always gives the same
//! bytes. Nothing here is real bibliographic data: names, titles and venues are made of
//! syllables.

#![allow(dead_code)]

use std::io::{self, Write};

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lor", "mi", "den", "sa", "vel", "tor", "ri", "ban", "es", "qui", "mon", "da", "fer", "ul", "gra", "no",
    "pet", "sil", "ha", "ven", "zo", "bre", "tis",
];
const WORDS: [&str; 24] = [
    "migration",
    "networks",
    "theory",
    "evidence",
    "states",
    "borders",
    "markets",
    "memory",
    "language",
    "cities",
    "labour",
    "identity",
    "diaspora",
    "policy",
    "history",
    "science",
    "citation",
    "graphs",
    "learning",
    "method",
    "culture",
    "law",
    "ideas",
    "change",
];
const VENUES: [&str; 6] = [
    "Journal of Generated Studies",
    "Review of Synthetic Research",
    "Annals of Imaginary Science",
    "Quarterly of Made-up Letters",
    "Proceedings of the Workshop on Samples",
    "Bulletin of Test Data",
];

/// A capitalised made-up family name from `parts` syllables.
fn family(rng: &mut Rng) -> String {
    let parts = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    std::iter::once(first).chain(c).collect()
}

fn title(rng: &mut Rng, words: usize) -> String {
    let mut t = String::new();
    for i in 0..words {
        if i > 0 {
            t.push(' ');
        }
        let w = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            t.push(w.as_bytes()[0].to_ascii_uppercase() as char);
            t.push_str(&w[1..]);
        } else {
            t.push_str(w);
        }
    }
    t
}

/// One generated work: its key, first author's family name and year.
pub struct GenWork {
    /// The key, unique in the corpus.
    pub key: String,
    /// Family names of the authors.
    pub authors: Vec<String>,
    /// Publication year (non-decreasing with the index).
    pub year: u32,
    /// The title.
    pub title: String,
}

/// The works of a corpus of `n` works: years grow with the index, from 1900 to 2020.
pub fn works(n: usize, seed: u64) -> Vec<GenWork> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let year = 1900 + (i as u64 * 120 / n.max(1) as u64) as u32;
            let authors: Vec<String> = (0..1 + rng.below(3)).map(|_| family(&mut rng)).collect();
            let key = format!("{}{}-{}", authors[0].to_lowercase(), year, i);
            let words = 3 + rng.below(5);
            GenWork { key, authors, year, title: title(&mut rng, words) }
        })
        .collect()
}

/// The shape of a generated YAML corpus.
#[derive(Debug, Clone, Copy)]
pub struct CorpusShape {
    /// Number of works.
    pub works: usize,
    /// `cites` edges per work (to earlier works).
    pub cites_per_work: usize,
    /// Lineage edges per work (from an earlier work, `influence` or `succession`).
    pub lineage_per_work: usize,
    /// Of every 1,000 `cites` edges, how many point at a key that is not in the corpus.
    pub dangling_per_mille: usize,
    /// Seed of the generator.
    pub seed: u64,
}

impl CorpusShape {
    /// `works` works with ten edges each (nine `cites`, one lineage edge), none dangling.
    pub fn new(works: usize) -> Self {
        CorpusShape { works, cites_per_work: 9, lineage_per_work: 1, dangling_per_mille: 0, seed: 17 }
    }
}

/// Writes a YAML corpus file of this shape: a `works:` section, then one `edges:` section
/// with each work's `cites` edges (in the layout `bibgraph cites --format corpus-yaml`
/// writes) and lineage edges. Returns the number of edges written.
pub fn write_corpus(shape: &CorpusShape, out: &mut impl Write) -> io::Result<usize> {
    let ws = works(shape.works, shape.seed);
    let mut rng = Rng::new(shape.seed ^ 0x5eed);
    writeln!(out, "# Generated corpus: {} works.", ws.len())?;
    writeln!(out, "works:")?;
    for (i, w) in ws.iter().enumerate() {
        writeln!(out, "  - key: {}", w.key)?;
        writeln!(out, "    type: {}", if i % 3 == 0 { "book" } else { "article-journal" })?;
        writeln!(out, "    authors:")?;
        for (j, a) in w.authors.iter().enumerate() {
            writeln!(out, "      - {{family: {a}, given: {}}}", (b'A' + ((i + j) % 26) as u8) as char)?;
        }
        writeln!(out, "    year: {}", w.year)?;
        writeln!(out, "    title: \"{}\"", w.title)?;
        if i % 3 != 0 {
            writeln!(out, "    container-title: {}", VENUES[i % VENUES.len()])?;
        }
        writeln!(out, "    provenance:")?;
        writeln!(out, "      source: {}", ws[0].key)?;
        writeln!(out, "      locator: References")?;
        writeln!(out, "      note: generated entry {i}")?;
    }
    writeln!(out, "edges:")?;
    let mut count = 0;
    for i in 1..ws.len() {
        let from = &ws[i];
        for _ in 0..shape.cites_per_work {
            let j = rng.below(i);
            let dangling = rng.below(1000) < shape.dangling_per_mille;
            writeln!(out, "  - from: {}", from.key)?;
            if dangling {
                writeln!(out, "    to: {}{}-missing", ws[j].authors[0].to_lowercase(), ws[j].year + 1)?;
            } else {
                writeln!(out, "    to: {}", ws[j].key)?;
            }
            writeln!(out, "    relation: cites")?;
            let page = 1 + rng.below(400);
            writeln!(out, "    locator: \"{page}\"")?;
            writeln!(out, "    provenance:")?;
            writeln!(out, "      source: {}", from.key)?;
            writeln!(out, "      locator: \"Section {}\"", 1 + rng.below(5))?;
            writeln!(out, "      quote: \"({}, {}: {page})\"", ws[j].authors[0], ws[j].year)?;
            count += 1;
        }
        for _ in 0..shape.lineage_per_work {
            // Mostly recent predecessors, so that lineages are long chains with shortcuts.
            let back = 1 + rng.below(i.min(50));
            let j = i - back;
            writeln!(out, "  - from: {}", ws[j].key)?;
            writeln!(out, "    to: {}", from.key)?;
            writeln!(out, "    relation: {}", if rng.below(2) == 0 { "influence" } else { "succession" })?;
            writeln!(out, "    provenance:")?;
            writeln!(out, "      source: {}", from.key)?;
            writeln!(out, "      locator: Introduction")?;
            writeln!(out, "      note: generated lineage link")?;
            count += 1;
        }
    }
    Ok(count)
}

/// The corpus of this shape as a string.
pub fn corpus_string(shape: &CorpusShape) -> String {
    let mut out = Vec::new();
    write_corpus(shape, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("generated text is UTF-8")
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Writes a BibTeX library of `n` entries shaped like a reference manager's export:
/// `@string` abbreviations, articles, books, chapters and proceedings papers with two to
/// five authors, braced and quoted fields, month macros, page ranges, DOIs, URLs,
/// keywords and abstracts (a third of the entries), and a comment now and then.
pub fn write_bib(n: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let ws = works(n, seed);
    let mut rng = Rng::new(seed ^ 0xb1b);
    writeln!(out, "% Generated library: {n} entries.")?;
    for (i, v) in VENUES.iter().enumerate() {
        writeln!(out, "@string{{j{i} = \"{v}\"}}")?;
    }
    writeln!(out)?;
    for (i, w) in ws.iter().enumerate() {
        let kind = ["article", "article", "book", "incollection", "inproceedings"][i % 5];
        let key = format!("{}{}{}", w.authors[0], w.year, (b'a' + (i % 26) as u8) as char);
        writeln!(out, "@{kind}{{{key}-{i},")?;
        let extra: Vec<String> = (0..1 + rng.below(3)).map(|_| family(&mut rng)).collect();
        let names: Vec<String> = w
            .authors
            .iter()
            .chain(&extra)
            .enumerate()
            .map(|(j, a)| {
                format!("{a}, {}. {}.", (b'A' + ((i + j) % 26) as u8) as char, (b'K' + (j % 10) as u8) as char)
            })
            .collect();
        writeln!(out, "  author = {{{}}},", names.join(" and "))?;
        writeln!(out, "  title = {{{} of {{DNA}} and {}}},", w.title, title(&mut rng, 2).to_lowercase())?;
        match kind {
            "article" => {
                writeln!(out, "  journal = j{},", i % VENUES.len())?;
                writeln!(out, "  volume = {},", 1 + rng.below(60))?;
                writeln!(out, "  number = \"{}\",", 1 + rng.below(12))?;
            }
            "book" => {
                writeln!(out, "  publisher = {{{} Press}},", family(&mut rng))?;
                writeln!(out, "  address = {{New {}}},", family(&mut rng))?;
            }
            _ => {
                writeln!(out, "  booktitle = {{{}}},", title(&mut rng, 4))?;
                writeln!(out, "  editor = {{{} and {}}},", family(&mut rng), family(&mut rng))?;
                writeln!(out, "  publisher = {{{} Press}},", family(&mut rng))?;
            }
        }
        writeln!(out, "  year = {},", w.year)?;
        writeln!(out, "  month = {},", MONTHS[rng.below(12)])?;
        if kind != "book" {
            let first = 1 + rng.below(500);
            writeln!(out, "  pages = {{{first}--{}}},", first + 5 + rng.below(30))?;
        }
        writeln!(out, "  doi = {{10.{}/gen.{i}}},", 1000 + rng.below(9000))?;
        writeln!(out, "  url = {{https://example.org/works/{i}}},")?;
        writeln!(out, "  keywords = {{{}, {}}},", WORDS[rng.below(WORDS.len())], WORDS[rng.below(WORDS.len())])?;
        if i % 3 == 0 {
            let abs: Vec<String> = (0..4).map(|_| title(&mut rng, 8)).collect();
            writeln!(out, "  abstract = {{{}.}},", abs.join(". "))?;
        }
        writeln!(out, "}}")?;
        if i % 50 == 49 {
            writeln!(out, "% -- {} entries so far --", i + 1)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A BibTeX library of `n` entries as a string.
pub fn bib_string(n: usize, seed: u64) -> String {
    let mut out = Vec::new();
    write_bib(n, seed, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("generated text is UTF-8")
}
