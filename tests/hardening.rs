//! Fixtures for issue 16's table: each hostile or damaged input, and what bibgraph now
//! does with it, asserted exactly. (The growth rows are timed at two sizes in
//! `benches/hardening.rs`; here their output is checked at the larger size.)

use bibgraph::refparse::{parse_list, ParseOptions, SegmentKind};

const LIST: &str = include_str!("../corpus/waldinger-2011/references.txt");

fn keys(text: &str) -> Vec<String> {
    parse_list(text, "refs.txt", &ParseOptions::default()).works().map(|w| w.key.to_string()).collect()
}

#[test]
fn a_utf8_bom_before_a_reference_list_makes_no_record() {
    let plain = keys(LIST);
    assert_eq!(plain.len(), 66);
    let with_bom = format!("\u{FEFF}{LIST}");
    assert_eq!(keys(&with_bom), plain);
    let list = parse_list(&with_bom, "refs.txt", &ParseOptions::default());
    // The mark is in the heading line's segment, as indentation.
    assert_eq!(list.segments[0].span, 0..18);
    assert_eq!(list.segments[0].kind, SegmentKind::Heading);
    // A list whose first line is a reference, after the mark.
    let first = LIST.lines().nth(2).unwrap();
    assert_eq!(keys(&format!("\u{FEFF}{first}\n")), ["alba-nee2003"]);
}

#[test]
fn an_ocr_slip_or_a_nul_in_a_reference_does_not_join_it_to_the_one_before() {
    let plain = parse_list(LIST, "refs.txt", &ParseOptions::default());
    let arias = "- Arias P (2009) Del Arraigo";
    assert!(LIST.contains(arias));
    for (damaged, repaired) in [
        ("- Arias P (l998) Del Arraigo", true),
        ("- Arias P (2OO9) Del Arraigo", true),
        ("- Arias P (20\09) Del Arraigo", true),
        // A NUL in a name leaves the head readable.
        ("- Ari\0as P (2009) Del Arraigo", false),
    ] {
        let text = LIST.replace(arias, damaged);
        let list = parse_list(&text, "refs.txt", &ParseOptions::default());
        assert_eq!(list.references.len(), 66, "{damaged:?}");
        // The reference before keeps its publisher, place and pages.
        let anderson = |l: &bibgraph::refparse::ReferenceList| {
            let w = l.works().find(|w| w.key.as_str() == "anderson1998").unwrap();
            (w.publisher.clone(), w.place.clone(), w.pages.clone(), w.raw.clone())
        };
        assert_eq!(anderson(&list), anderson(&plain));
        let arias = list.works().find(|w| w.raw.as_deref().is_some_and(|r| r.starts_with(&damaged[2..]))).unwrap();
        let flags: Vec<&str> = arias.repairs.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(flags.contains(&"damaged-head"), repaired, "{damaged:?}: {flags:?}");
    }
}
