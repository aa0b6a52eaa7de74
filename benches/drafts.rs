//! Reading an article end to end: its reference list parsed, its citations found and
//! resolved, and concepts, senses and lineage drafted (`bibgraph::draft`).
//!
//! The article is made for this benchmark: paragraphs written in the manner of a review
//! article (definitions, quoted terms, lineage statements, a denial and a hedge, citations
//! of the built-in corpus's works), repeated to 10,000 words, then the built-in reference
//! list (`corpus/waldinger-2011/references.txt`, 66 entries). A 40,000-word version in the
//! same run shows that time grows linearly with the text.
//!
//! Run: `cargo bench --bench drafts`. Criterion prints the time per article.

use bibgraph::draft::{self, Article};
use bibgraph::refparse::{parse_list, ParseOptions};
use bibgraph::{cites, Corpus};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const PARAGRAPHS: &[&str] = &[
    "Jessup (1956) coined the term 'transnational law' for rules that regulate actions crossing \
national frontiers, and political scientists soon picked up the notion of 'transnational \
relations' (Nye and Keohane, 1971: 331). What Anderson (1998) calls 'long-distance nationalism' \
refers to the politics of emigrants who vote, fund and agitate in a homeland they do not live in.",
    "Portes et al. (1999) built on Portes (1997) when they defined transnationalism as occupations \
and activities requiring regular and sustained contacts across borders. Levitt and Waters (2002) \
took another tack, while Glick Schiller (2003) distinguished 'ways of being' from 'ways of \
belonging'. By 'homeland politics' I mean the claims migrants make on the state they left.",
    "It is unclear whether Faist (2000) drew on Portes (1997), and Kearney (1995) was not \
influenced by Glick Schiller et al. (1995) in calling these processes 'trans-statal'. Vertovec \
(2001: 448) criticised the 'much conceptual muddling' of the field, as opposed to the careful \
'trans-state' vocabulary of law (Fox, 2005: 172).",
    "Remittances rose steadily in these years (Ratha, 2005), and cheap calls became 'the social \
glue of migrant transnationalism' (Vertovec, 2004). Hometown associations, a form of migrant \
philanthropy, pooled collective remittances (Burgess, 2005), although the digital divide \
across countries widened as incomes fell (Hamel, 2009).",
];

/// An article of about `words` words with the built-in reference list.
fn article(words: usize) -> String {
    let mut out = String::from("# A review\n\n");
    let mut n = 0;
    let mut i = 0;
    while n < words {
        if i % 8 == 0 {
            out.push_str(&format!("#### Part {}\n\n", i / 8 + 1));
        }
        let p = PARAGRAPHS[i % PARAGRAPHS.len()];
        n += p.split_whitespace().count();
        out.push_str(p);
        out.push_str("\n\n");
        i += 1;
    }
    out.push_str(include_str!("../corpus/waldinger-2011/references.txt"));
    out
}

/// The whole reading: reference list, citations, drafts.
fn read(corpus: &Corpus, text: &str) -> usize {
    let body_end = text.find("#### References").unwrap_or(text.len());
    let list = parse_list(&text[body_end..], "refs", &ParseOptions::default());
    let report = cites::check(corpus, text, "article");
    let cited = draft::from_report(corpus, &report);
    let drafts = draft::draft(&Article::new(text, corpus.meta().source.clone().unwrap_or_default(), &cited));
    list.works().count() + drafts.concepts.len() + drafts.links.len()
}

fn bench(c: &mut Criterion) {
    let corpus = Corpus::builtin().expect("the built-in corpus loads");
    let mut group = c.benchmark_group("drafts");
    group.sample_size(20);
    for words in [10_000, 40_000] {
        let text = article(words);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("read-article-words", words), &text, |b, t| {
            b.iter(|| read(&corpus, black_box(t)))
        });
    }
    let text = article(10_000);
    let body_end = text.find("#### References").unwrap_or(text.len());
    let report = cites::check(&corpus, &text, "article");
    let cited = draft::from_report(&corpus, &report);
    group.bench_function("draft-only-10000", |b| {
        b.iter(|| {
            let a = Article::new(black_box(&text), corpus.meta().source.clone().unwrap_or_default(), &cited);
            draft::draft(&a).concepts.len()
        })
    });
    let _ = body_end;
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
