//! Throughput of citation extraction and resolution, in bytes of text per second.
//!
//! Two texts, each about 4 MiB, made by repeating paragraphs written for this benchmark
//! in the manner of the seed article, with a heading every ten paragraphs; the citations
//! are resolved against the built-in corpus.
//!
//! - `dense`: only the citation-heavy paragraph below, about 18 citations per KiB (twelve
//!   times the seed's 1.5): parenthetical, grouped, narrative and year-only citations, a
//!   page break, a misspelled name, a citation with no reference, years that are not
//!   citations.
//! - `seed-like`: that paragraph followed by five of prose with one citation each, about 4
//!   citations per KiB (nearly three times the seed's density).
//!
//! Run: `cargo bench --bench cites`. Criterion prints the throughput (`thrpt`).

use bibgraph::{cites, Corpus};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const PARAGRAPH: &str = "Remittances have risen steadily since the early 1990s, by almost 100 percent \
between 1999 and 2004 (Ratha, 2005), and scholars have long read them as a sign of enduring \
ties (Levitt, 2001a; Portes et al., 1999: 219). Levitt and Waters (2002) took another tack, \
while Glick Schiller distinguished ways of being from ways of belonging (Glick Schiller, 2003: \
99-128). As Portes argued, 'the study of transnationalism' needs surveys (1999: 223). The \
costs of calls fell (Kapur and McHale, 2005: 124-5; Vertovec, 2004), yet few migrants take \
part in hometown associations (Escala Rabadan, 2004; Ostegaard-Nielsen, 2003), and their \
agenda often clashes with that of the stay-at-homes (Smith, 2006). Raymond Aron (1966) and \
Jessup (1956) came first; the state still mattered (Risse-Kappen, 1995), as did the\n\n\
'short twentieth century' (Hobsbawm, 1994: 5).\n\n";

const PROSE: &str = "Whether hometown associations can spur development depends largely on the \
quality of the linkages connecting the migrants to one another and to those left behind. Not \
everyone can go from here to there and back with equal ease: in the 1990s and again between \
2001 and 2006, the costs of travel rose, and the stay-at-homes were largely precluded from \
intervening on site. Among the migrants, only a selective minority takes part in associational \
matters, and the crucial interlocutors comprise a still smaller group (Paul and Gammage, 2004). \
While advances in telecommunication may ease contact with close relatives, distance still \
matters, producing high transaction costs that impede effective contact between activists and \
their communities, and the leaders are volunteers heading up associations with limited capacity.\n\n";

/// The other styles: bracketed labels, numbers, pandoc keys, author-page, prose, notes.
const STYLES: &str = "Decoding is active [Hall 1980, 11, 13], as machines read [Lee et al. 2010, 15]; \
[Ong 2002]. Some disagree (see, e.g., [Hall 1980]), others quote (Smith, as quoted in [Ong 2002, \
352]), and [Pettit] describes a parenthesis [sic] in [Paris]. Numbers cite too [2], [1, 3-4]. \
Markdown users write [@hall1980, p. 33] or @ong1982 [p. 12] or [see @hall1980; -@ong1982]. \
Codes are negotiated (Hall, Encoding 131), and Hall's 1980 essay returned; Ibid., 45.\n\n";

/// About `bytes` of text: `paragraphs` repeated, with a heading every ten paragraphs.
fn text(bytes: usize, paragraphs: &[&str]) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        if i % 10 == 0 {
            out.push_str(&format!("#### Section {}\n\n", i / 10 + 1));
        }
        out.push_str(paragraphs[i % paragraphs.len()]);
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = Corpus::builtin().expect("the built-in corpus loads");
    let mut group = c.benchmark_group("cites");
    group.sample_size(10);
    let size = 4 * 1024 * 1024;
    let texts = [
        ("seed-like", text(size, &[PARAGRAPH, PROSE, PROSE, PROSE, PROSE, PROSE])),
        ("dense", text(size, &[PARAGRAPH])),
        ("dense-styles", text(size, &[STYLES, PARAGRAPH])),
    ];
    let options = cites::ExtractOptions::default()
        .labels(["Hall 1980", "Lee et al. 2010", "Ong 2002", "Pettit"])
        .author_page(true);
    for (name, input) in &texts {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), input, |b, t| {
            b.iter(|| cites::extract(black_box(t)).citations.len())
        });
        group.bench_with_input(BenchmarkId::new("extract-all-forms", name), input, |b, t| {
            b.iter(|| cites::extract_with(black_box(t), &options).citations.len())
        });
        group.bench_with_input(BenchmarkId::new("extract+resolve", name), input, |b, t| {
            b.iter(|| cites::check(&corpus, black_box(t), "bench").citations.len())
        });
        // Resolution and the report alone, on citations extracted once.
        let extraction = cites::extract(input);
        group.bench_with_input(BenchmarkId::new("resolve", name), &extraction, |b, e| {
            b.iter_batched(
                || e.clone(),
                |e| cites::CitationReport::from_extraction(&corpus, e, "bench").citations.len(),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
