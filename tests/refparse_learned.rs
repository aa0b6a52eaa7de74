//! The learned reference parser on references the rules do not read: Chinese, Japanese
//! and Korean script, and physics references with no title or no punctuation between
//! title and journal. The fixtures are written by hand from the works' bibliographic facts.

use bibgraph::model::Work;
use bibgraph::refparse::learned::{explain, parse_reference_learned, Label, Model};
use bibgraph::refparse::{parse_list, parse_reference, ParseOptions, Parser};

fn family(w: &Work, i: usize) -> String {
    w.authors.get(i).map(|n| n.family_or_literal()).unwrap_or_default()
}

fn year(w: &Work) -> Option<i32> {
    w.year.as_ref().and_then(|y| y.year)
}

#[test]
fn title_less_physics_references_parse() {
    let w = parse_reference("Name A., 2013, MNRAS, 431, 824");
    assert_eq!(family(&w, 0), "Name", "{w:#?}");
    assert_eq!(year(&w), Some(2013));
    assert_eq!(w.container_title.as_deref(), Some("MNRAS"), "{w:#?}");
    assert_eq!(w.volume.as_deref(), Some("431"));
    assert_eq!(w.pages.as_deref(), Some("824"));
    assert_eq!(w.title, None);
}

#[test]
fn physics_references_without_punctuation_before_the_journal_parse() {
    let w = parse_reference_learned(
        "Belavin A A, Polyakov A M and Zamolodchikov A B 1984 Infinite conformal symmetry in two-dimensional quantum field theory Nucl. Phys. B 241 333–80",
    );
    assert_eq!(w.authors.len(), 3, "{w:#?}");
    assert_eq!(year(&w), Some(1984));
    assert_eq!(w.volume.as_deref(), Some("241"), "{w:#?}");
    assert_eq!(w.pages.as_deref(), Some("333–80"), "{w:#?}");
    assert!(w.title.as_deref().is_some_and(|t| t.starts_with("Infinite conformal symmetry")), "{w:#?}");
}

#[test]
fn chinese_japanese_and_korean_references_parse() {
    let zh = parse_reference("费孝通. 乡土中国[M]. 北京: 三联书店, 1985.");
    assert!(family(&zh, 0).contains('费'), "{zh:#?}");
    assert_eq!(year(&zh), Some(1985));
    assert!(zh.title.as_deref().is_some_and(|t| t.contains("乡土中国")), "{zh:#?}");
    let ja = parse_reference("丸山眞男 (1961)『日本の思想』岩波書店.");
    assert!(family(&ja, 0).contains("丸山"), "{ja:#?}");
    assert_eq!(year(&ja), Some(1961));
    assert!(ja.title.as_deref().is_some_and(|t| t.contains("日本の思想")), "{ja:#?}");
    let ko = parse_reference("김동춘. 2000. 『전쟁과 사회』. 서울: 돌베개.");
    assert!(family(&ko, 0).contains("김동춘") || family(&ko, 0).contains('김'), "{ko:#?}");
    assert_eq!(year(&ko), Some(2000));
    assert!(ko.title.as_deref().is_some_and(|t| t.contains("전쟁과 사회")), "{ko:#?}");
}

#[test]
fn the_learned_parser_keeps_every_byte_and_the_raw_text() {
    let input = "• Name A., 2013, MNRAS, 431, 824\n\n丸山眞男 (1961)『日本の思想』岩波書店.\n";
    for parser in [Parser::Learned, Parser::Rules, Parser::RulesOnly] {
        let list = parse_list(input, "refs.txt", &ParseOptions::default().parser(parser));
        assert_eq!(list.references.len(), 2);
        let covered: usize = list.segments.iter().map(|s| s.span.len()).sum();
        assert_eq!(covered, input.len());
        assert!(list.works().all(|w| w.raw.as_deref().is_some_and(|r| input.contains(r.trim()))));
    }
    // Without the model, the rules keep the CJK entry raw and say so.
    let rules = parse_list(input, "refs.txt", &ParseOptions::default().parser(Parser::RulesOnly));
    assert!(rules.references[1].work.flags.iter().any(|f| f.kind == "unparsed"));
    let default = parse_list(input, "refs.txt", &ParseOptions::default());
    assert!(default.references[1].work.repairs.iter().any(|f| f.kind == "learned"));
}

#[test]
fn explain_gives_every_token_a_label_and_a_score() {
    let text = "Smith, J. (2001). A title. Journal of Things, 3(2), 10–20.";
    let tokens = explain(text, Model::embedded());
    assert_eq!(tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "), text);
    assert!(tokens.iter().all(|t| (0.0..=1.0).contains(&t.tagged.score)));
    assert_eq!(tokens[0].tagged.label, Label::Author);
    assert_eq!(tokens[2].tagged.label, Label::Date);
    assert_eq!(tokens.last().map(|t| t.tagged.label), Some(Label::Pages));
}

#[test]
fn the_default_keeps_the_rules_for_author_date_heads_and_asks_the_model_elsewhere() {
    let one = |text: &str, parser: Parser| {
        let options = ParseOptions::default().one_per_line(true).parser(parser);
        parse_list(text, "x.txt", &options).references.remove(0).work
    };
    // An author-date head at the start: the rules' reading, no `learned` note.
    let text = "Hall, S. (1980). Encoding/decoding. In Culture, Media, Language (pp. 128–138). London: Hutchinson.";
    let (default, rules) = (one(text, Parser::Rules), one(text, Parser::RulesOnly));
    assert!(default.repairs.iter().all(|f| f.kind != "learned"), "{default:#?}");
    assert_eq!(
        (&default.title, &default.container_title, &default.pages),
        (&rules.title, &rules.container_title, &rules.pages)
    );
    // A numbered-style entry with the year at the end: the model's reading, and a note.
    let text =
        "J. Smith and A. Jones, “Reading lists at scale,” Journal of Documentation, vol. 12, no. 3, pp. 45–67, 2001.";
    let num = one(text, Parser::Rules);
    assert!(num.repairs.iter().any(|f| f.kind == "learned"), "{num:#?}");
    assert_eq!(year(&num), Some(2001));
    assert_eq!(family(&num, 0), "Smith", "{num:#?}");
    assert_eq!(num.volume.as_deref(), Some("12"), "{num:#?}");
}

#[test]
fn the_embedded_model_reads_the_rules_reading() {
    assert!(Model::embedded().uses_rules());
}
