//! Writes a generated OpenAlex snapshot: N works as JSON Lines, time-ordered, citing earlier
//! works by a Price model with a recency kernel, with the fields real works carry (authorships,
//! locations, biblio, concepts, an abstract index, counts by year) so that reading it costs what
//! reading a real snapshot costs. About a fifth of the references point to works outside the set.
//!
//! ```text
//! cargo run --release --example openalex_jsonl -- 1000000 /tmp/openalex-1m.jsonl [--gzip]
//! /usr/bin/time -v target/release/bibgraph network /tmp/openalex-1m.jsonl --format json
//! ```
//!
//! Every value is invented by the generator (a fixed-seed xorshift), nothing comes from
//! OpenAlex.

use std::io::{BufWriter, Write};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const WORDS: &[&str] = &[
    "network",
    "citation",
    "model",
    "analysis",
    "growth",
    "theory",
    "evidence",
    "dynamics",
    "learning",
    "structure",
    "field",
    "method",
    "science",
    "change",
    "diffusion",
    "impact",
    "measure",
    "system",
    "pattern",
    "study",
    "flow",
    "knowledge",
    "innovation",
    "review",
    "data",
    "approach",
    "framework",
    "process",
    "scale",
    "time",
];
const GIVEN: &[&str] = &["Ada", "Bo", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena"];
const FAMILY: &[&str] = &["Roe", "Doe", "Poe", "Moe", "Lee", "Kim", "Sato", "Okafor", "Novak", "Silva", "Berg", "Khan"];

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len() as u64) as usize]
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = args.get(1).cloned().unwrap_or_else(|| "openalex.jsonl".into());
    let gzip = args.iter().any(|a| a == "--gzip");
    let file = std::fs::File::create(&out)?;
    let mut w: Box<dyn Write> = if gzip {
        Box::new(BufWriter::new(flate2::write::GzEncoder::new(file, flate2::Compression::fast())))
    } else {
        Box::new(BufWriter::with_capacity(1 << 20, file))
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let base = 1_000_000_000u64;
    let mut cited: Vec<u32> = Vec::new();
    let mut refs: Vec<u64> = Vec::new();
    let mut total_refs = 0u64;
    for i in 0..n {
        let year = 1950 + (i * 75 / n.max(1)) as i32;
        refs.clear();
        let k = if i == 0 || rng.chance(0.12) { 0 } else { 5 + rng.below(25) };
        for _ in 0..k {
            let r = if rng.chance(0.2) {
                5_000_000_000 + rng.below(20_000_000)
            } else if !cited.is_empty() && rng.chance(0.5) {
                // Preferential: copy the target of a recent citation.
                let window = cited.len().min(500_000) as u64;
                base + cited[cited.len() - 1 - rng.below(window) as usize] as u64
            } else {
                // Recency: a uniformly chosen recent work.
                base + i - 1 - rng.below(i.min(50_000))
            };
            if !refs.contains(&r) {
                refs.push(r);
            }
        }
        for &r in &refs {
            if r < 5_000_000_000 {
                cited.push((r - base) as u32);
            }
        }
        total_refs += refs.len() as u64;
        let id = base + i;
        let title: Vec<&str> = (0..6 + rng.below(7)).map(|_| pick(&mut rng, WORDS)).collect();
        let title = title.join(" ");
        write!(w, "{{\"id\":\"https://openalex.org/W{id}\",")?;
        if rng.chance(0.8) {
            write!(w, "\"doi\":\"https://doi.org/10.5555/gen.{id}\",")?;
        } else {
            write!(w, "\"doi\":null,")?;
        }
        write!(w, "\"title\":\"{title}\",\"display_name\":\"{title}\",\"publication_year\":{year},")?;
        write!(w, "\"publication_date\":\"{year}-0{}-1{}\",", 1 + rng.below(9), rng.below(10))?;
        write!(w, "\"ids\":{{\"openalex\":\"https://openalex.org/W{id}\",\"mag\":\"{}\"}},", id + 7)?;
        write!(w, "\"language\":\"en\",\"type\":\"article\",\"authorships\":[")?;
        for a in 0..1 + rng.below(4) {
            let (g, f) = (pick(&mut rng, GIVEN), pick(&mut rng, FAMILY));
            write!(
                w,
                "{}{{\"author_position\":\"{}\",\"author\":{{\"id\":\"https://openalex.org/A{}\",\"display_name\":\"{g} {f}\",\"orcid\":null}},\"institutions\":[{{\"id\":\"https://openalex.org/I{}\",\"display_name\":\"University of {f}\",\"country_code\":\"NO\"}}],\"raw_author_name\":\"{g} {f}\"}}",
                if a > 0 { "," } else { "" },
                if a == 0 { "first" } else { "middle" },
                rng.below(1 << 30),
                rng.below(100_000)
            )?;
        }
        let journal = rng.below(500);
        write!(
            w,
            "],\"primary_location\":{{\"is_oa\":false,\"landing_page_url\":null,\"source\":{{\"id\":\"https://openalex.org/S{journal}\",\"display_name\":\"Journal of {} {journal}\",\"issn_l\":null,\"type\":\"journal\"}}}},",
            pick(&mut rng, WORDS)
        )?;
        write!(
            w,
            "\"biblio\":{{\"volume\":\"{}\",\"issue\":\"{}\",\"first_page\":\"{}\",\"last_page\":null}},\"cited_by_count\":{},",
            year - 1940,
            1 + rng.below(12),
            1 + rng.below(900),
            rng.below(200)
        )?;
        write!(w, "\"concepts\":[")?;
        for c in 0..3 {
            write!(
                w,
                "{}{{\"id\":\"https://openalex.org/C{}\",\"display_name\":\"{}\",\"level\":{c},\"score\":0.{}}}",
                if c > 0 { "," } else { "" },
                rng.below(100_000),
                pick(&mut rng, WORDS),
                rng.below(1000)
            )?;
        }
        write!(w, "],\"abstract_inverted_index\":{{")?;
        for a in 0..12 {
            write!(w, "{}\"{}{a}\":[{a},{}]", if a > 0 { "," } else { "" }, pick(&mut rng, WORDS), a + 40)?;
        }
        write!(
            w,
            "}},\"counts_by_year\":[{{\"year\":2023,\"cited_by_count\":{}}},{{\"year\":2022,\"cited_by_count\":1}}],",
            rng.below(9)
        )?;
        write!(
            w,
            "\"related_works\":[\"https://openalex.org/W{}\",\"https://openalex.org/W{}\"],",
            base + rng.below(n),
            base + rng.below(n)
        )?;
        write!(w, "\"referenced_works_count\":{},\"referenced_works\":[", refs.len())?;
        for (j, r) in refs.iter().enumerate() {
            write!(w, "{}\"https://openalex.org/W{r}\"", if j > 0 { "," } else { "" })?;
        }
        writeln!(w, "],\"updated_date\":\"2024-01-01T00:00:00\"}}")?;
    }
    w.flush()?;
    drop(w);
    eprintln!("{n} works, {total_refs} references written to {out}");
    Ok(())
}
