//! In-text citations, on fixtures written for the purpose (`tests/fixtures/cites/`): every
//! citation form, every problem kind, sections, and the corpus's `cites` edges.

use bibgraph::cites::{self, extract, CitationKind, Status};
use bibgraph::{Corpus, CorpusFile, ErrorKind};

const FORMS: &str = include_str!("fixtures/cites/forms.md");
const PROBLEMS: &str = include_str!("fixtures/cites/problems.md");

/// (line, column, text, kind, authors, et al., year, locator, section)
type FormRow = (
    u32,
    u32,
    &'static str,
    CitationKind,
    &'static [&'static str],
    bool,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

#[test]
fn every_citation_form_is_read_with_its_parts_in_text_order() {
    use CitationKind::*;
    let expected: &[FormRow] = &[
        (12, 11, "(Saunier, 2009)", Parenthetical, &["Saunier"], false, Some("2009"), None, "Parentheses"),
        (
            12,
            40,
            "(Portes et al., 1999: 219)",
            Parenthetical,
            &["Portes"],
            true,
            Some("1999"),
            Some("219"),
            "Parentheses",
        ),
        (
            13,
            7,
            "(Kapur and McHale, 2005: 124-5)",
            Parenthetical,
            &["Kapur", "McHale"],
            false,
            Some("2005"),
            Some("124-5"),
            "Parentheses",
        ),
        (
            13,
            49,
            "Itzigsohn and Villacres, 2008",
            Parenthetical,
            &["Itzigsohn", "Villacres"],
            false,
            Some("2008"),
            None,
            "Parentheses",
        ),
        (13, 80, "Waldinger et al., 2007", Parenthetical, &["Waldinger"], true, Some("2007"), None, "Parentheses"),
        (14, 24, "(Fox, 2005, p. 172)", Parenthetical, &["Fox"], false, Some("2005"), Some("p. 172"), "Parentheses"),
        (
            14,
            52,
            "(Kearney, 1995, pp. 547–548)",
            Parenthetical,
            &["Kearney"],
            false,
            Some("1995"),
            Some("pp. 547–548"),
            "Parentheses",
        ),
        (15, 8, "Levitt, 2001a", Parenthetical, &["Levitt"], false, Some("2001a"), None, "Parentheses"),
        (15, 8, "Levitt, 2001a, 2001b", Parenthetical, &["Levitt"], false, Some("2001b"), None, "Parentheses"),
        (15, 40, "(see Alba and Nee, 2003)", Parenthetical, &["Alba", "Nee"], false, Some("2003"), None, "Parentheses"),
        (15, 75, "(Fairlie *et al.*, 2006)", Parenthetical, &["Fairlie"], true, Some("2006"), None, "Parentheses"),
        (
            16,
            38,
            "(Nye and Keohane, 1971: 331)",
            Parenthetical,
            &["Nye", "Keohane"],
            false,
            Some("1971"),
            Some("331"),
            "Parentheses",
        ),
        (22, 1, "Levitt and Waters (2002)", Narrative, &["Levitt", "Waters"], false, Some("2002"), None, "Narrative"),
        (22, 65, "Raymond Aron (1966)", Narrative, &["Raymond Aron"], false, Some("1966"), None, "Narrative"),
        (23, 20, "Portes's (1997)", Narrative, &["Portes"], false, Some("1997"), None, "Narrative"),
        (
            23,
            66,
            "Glick Schiller, Basch and Blanc-Szanton (1995)",
            Narrative,
            &["Glick Schiller", "Basch", "Blanc-Szanton"],
            false,
            Some("1995"),
            None,
            "Narrative",
        ),
        (28, 73, "(1916: 93)", YearOnly, &[], false, Some("1916"), Some("93"), "Year only"),
        (32, 57, "(Vertovec,", Parenthetical, &["Vertovec"], false, None, None, "Truncated"),
        (
            33,
            37,
            "(Perkins and Neumayer, 2010)",
            Parenthetical,
            &["Perkins", "Neumayer"],
            false,
            Some("2010"),
            None,
            "Truncated",
        ),
    ];
    let found = extract(FORMS);
    let owned = |r: &FormRow| {
        let (line, col, text, kind, authors, et_al, year, locator, section) = *r;
        let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
        (
            line,
            col,
            text.to_string(),
            kind,
            authors,
            et_al,
            year.map(str::to_string),
            locator.map(str::to_string),
            section.to_string(),
        )
    };
    let expected: Vec<_> = expected.iter().map(owned).collect();
    let got: Vec<_> = found
        .citations
        .iter()
        .map(|c| {
            let section = found.sections[c.section.unwrap()].title.clone();
            let year = c.year.as_ref().map(ToString::to_string);
            (c.line, c.column, c.text.clone(), c.kind, c.authors.clone(), c.et_al, year, c.locator.clone(), section)
        })
        .collect();
    assert_eq!(got, expected);
    // Each citation's text is its span of the input, line breaks collapsed.
    for c in &found.citations {
        assert_eq!(FORMS[c.span.clone()].split_whitespace().collect::<Vec<_>>().join(" "), c.text);
    }
}

#[test]
fn years_in_words_decades_ranges_remarks_and_reference_lists_are_not_citations() {
    let found = extract(FORMS);
    // The first paragraph has `the early 1950s`, `(1990s)`, `(1999–2004)`, `between 1999 and
    // 2004`, a parenthesised remark ending in a year, and a time; none is a citation.
    assert_eq!(found.citations[0].line, 12);
    // `(Portes, 1997)` in the reference list is not a citation.
    assert!(found.citations.iter().all(|c| c.text != "(Portes, 1997)"));
    let only = |text: &str| extract(text).citations.into_iter().map(|c| c.text).collect::<Vec<_>>();
    assert!(only("Writing in the early 1950s, between 1999 and 2004 (in 2004) (2008-2009).").is_empty());
    assert!(only("A remark (Bourne, for instance, argued it).").is_empty());
    assert!(only("#### Bibliography\n\nAron R (1966) Peace and War (Aron, 1966).\n").is_empty());
}

#[test]
fn sections_keep_printed_levels_and_nest_them() {
    let found = extract(FORMS);
    let got: Vec<(&str, u8, u8, Option<usize>, bool)> =
        found.sections.iter().map(|s| (s.title.as_str(), s.level, s.depth, s.parent, s.bibliography)).collect();
    assert_eq!(
        got,
        [
            ("masthead", 2, 1, None, false),
            ("Citation forms", 1, 1, None, false),
            ("Parentheses", 4, 2, Some(1), false),
            ("Narrative", 3, 2, Some(1), false),
            ("Year only", 4, 3, Some(3), false),
            ("Truncated", 4, 3, Some(3), false),
            ("References", 4, 3, Some(3), true),
        ]
    );
}

/// (text, work, status, tolerance codes, problem)
type Resolved = (String, Option<String>, Status, Vec<&'static str>, Option<String>);

fn resolved(corpus: &Corpus, text: &str) -> Vec<Resolved> {
    cites::check(corpus, text, "t.md")
        .citations
        .into_iter()
        .map(|c| {
            let r = c.resolution;
            let codes = r.tolerances.iter().map(|t| t.code()).collect();
            let problem = r.problem();
            (c.citation.text, r.work.map(|k| k.to_string()), r.status, codes, problem)
        })
        .collect()
}

#[test]
fn every_problem_kind_is_resolved_or_reported_with_its_reason() {
    use Status::*;
    let corpus = Corpus::builtin().unwrap();
    let s = |x: &str| x.to_string();
    let expected: Vec<Resolved> = vec![
        (s("Schiller (2003)"), Some(s("glickschiller2003")), Tolerant, vec!["compound-in-part"], Some(s("compound family name given in part: Schiller for Glick Schiller"))),
        (s("(Escala Rabadan, 2004)"), Some(s("escalarabadan2004")), Tolerant, vec!["written-differently"], Some(s("family name written differently: Escala Rabadan for Escala-Rabadan (hyphen dropped)"))),
        (s("(Perez-Armendariz and Crow, 2009)"), Some(s("perezarmendariz-crow2009")), Tolerant, vec!["written-differently"], Some(s("family name written differently: Perez-Armendariz for Pérez-Armendáriz (accents differ)"))),
        (s("(Mamung, 1999)"), Some(s("mamung1999")), Tolerant, vec!["written-differently"], Some(s("family name written differently: Mamung for MaMung (capitals differ)"))),
        (s("(Ostegaard-Nielsen, 2003)"), Some(s("ostergaardnielsen2003")), Tolerant, vec!["misspelled"], Some(s("family name misspelled: Ostegaard-Nielsen for Ostergaard-Nielsen"))),
        (s("(UN Development Program, 2009: 79)"), Some(s("undp2009")), Tolerant, vec!["organisation-variant"], Some(s("organisation named by a variant of its name: UN Development Program for United Nations Development Program"))),
        (s("(Portes, 1999)"), Some(s("portes-etal1999")), Tolerant, vec!["authors-differ"], Some(s("authors given differently: Portes for Portes, Guarnizo and Landolt"))),
        (s("(Levitt et al., 2002)"), Some(s("levitt-waters2002")), Tolerant, vec!["authors-differ"], Some(s("authors given differently: Levitt et al. for Levitt and Waters"))),
        (s("(Smith, 2006)"), Some(s("smith2005")), Tolerant, vec!["year-differs"], Some(s("year differs: 2006 for 2005; the work is not in the reference list (the corpus has it from Annotated further reading)"))),
        (s("(Jessup, 1965)"), Some(s("jessup1956")), Tolerant, vec!["year-differs"], Some(s("year differs: 1965 for 1956 (two digits swapped)"))),
        (s("(Aron, 1966a)"), Some(s("aron1966")), Tolerant, vec!["year-suffix"], Some(s("year suffix differs: 1966a for 1966"))),
        (s("(Nobody, 2001)"), None, Unresolved, vec![], Some(s("no work by Nobody in the corpus"))),
        (s("(Portes, 1980)"), None, Unresolved, vec![], Some(s("no work by Portes in 1980; the corpus has Portes 1997, Portes et al. 1999, Portes et al. 2002"))),
        (s("(Levitt, 2001)"), None, Unresolved, vec![], Some(s("ambiguous: matches levitt2001a, levitt2001b"))),
        (s("(Ostegaard-Nielsen, 2006)"), None, Unresolved, vec![], Some(s("no work by Ostegaard-Nielsen; similar names: Ostergaard-Nielsen 2003 (too far to match)"))),
        (s("(2011)"), None, Unresolved, vec![], Some(s("only a year is given, and no name written before it in the paragraph matches a work of 2011"))),
        (s("(Glick Schiller et al., 1995: 52)"), Some(s("glickschiller-etal1995")), Exact, vec![], Some(s("also matches glickschiller-etal1995-aq, which is not in the reference list, but whose pages (48–63) contain the cited page 52, while the reference gives no pages"))),
        (s("(Mattelart, 2009: 12)"), Some(s("mattelart2009")), Exact, vec![], Some(s("page 12 is outside the pages its reference gives (1-2)"))),
        (s("Gans, 1979"), Some(s("gans1979")), Exact, vec![], Some(s("the parenthesis never closes"))),
        (s("(Vertovec"), None, Truncated, vec![], Some(s("the parenthesis never closes and gives no year after Vertovec, so no work can be told; the corpus has Vertovec 2001 (vertovec2001), Vertovec 2004 (vertovec2004)"))),
    ];
    assert_eq!(resolved(&corpus, PROBLEMS), expected);
}

#[test]
fn a_year_only_citation_takes_the_nearest_name_that_fits_and_reports_it() {
    let corpus = Corpus::builtin().unwrap();
    let text = "As noted by the UN Development Program, 'remittances alone cannot' (2009: 79). \
                Bourne argued for 'the first international nation' (1916: 93).";
    let report = cites::check(&corpus, text, "t.md");
    let got: Vec<(&str, Vec<String>, Option<&str>, Status)> = report
        .citations
        .iter()
        .map(|c| {
            (
                c.citation.text.as_str(),
                c.resolution.authors.clone(),
                c.resolution.work.as_ref().map(|k| k.as_str()),
                c.resolution.status,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("(2009: 79)", vec!["UN Development Program".to_string()], Some("undp2009"), Status::Tolerant),
            ("(1916: 93)", vec!["Bourne".to_string()], Some("bourne1916"), Status::Exact),
        ]
    );
    // Only the year's own paragraph is searched, and the year must match exactly.
    let text = "Bourne wrote it.\n\nLater, 'the first international nation' (1917: 93).";
    let r = &cites::check(&corpus, text, "t.md").citations[0].resolution;
    assert_eq!((r.status, r.work.as_ref()), (Status::Unresolved, None));
}

/// Regression: a truncated citation must not borrow a year that appears later in the text
/// (`between 2001 and 2006`), nor resolve to any of its author's works.
#[test]
fn a_truncated_citation_is_never_forced_onto_a_later_year() {
    let corpus = Corpus::builtin().unwrap();
    let text = "calls (Vertovec, Migration has helped drive traffic between 2001 and 2006 and 2004.\n";
    let report = cites::check(&corpus, text, "t.md");
    assert_eq!(report.citations.len(), 1);
    let c = &report.citations[0];
    assert_eq!((c.citation.text.as_str(), c.citation.year.as_ref()), ("(Vertovec,", None));
    assert_eq!((c.resolution.status, c.resolution.work.as_ref()), (Status::Truncated, None));
}

fn small_corpus(refs: &str) -> Corpus {
    Corpus::from_files([CorpusFile::new("t/corpus.yaml", "id: t\n"), CorpusFile::new("t/refs.txt", refs)]).unwrap()
}

#[test]
fn a_missing_suffix_resolves_when_one_work_fits_and_no_date_matches_no_date() {
    let corpus = small_corpus(
        "- Levitt P (2001a) Transnational migration. *Global Networks* 1(3): 195–216.\n\
         - Anon A (n.d.) Undated. City: Press.\n\
         - Twin T (2000) One. City: Press.\n\
         - Twin T (2000) Two. City: Press.\n",
    );
    let got = resolved(&corpus, "(Levitt, 2001) (Anon, n.d.) (Twin, 2000)");
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        [
            (
                "(Levitt, 2001)".to_string(),
                s("levitt2001a"),
                Status::Tolerant,
                vec!["year-suffix"],
                s("year suffix differs: 2001 for 2001a")
            ),
            ("(Anon, n.d.)".to_string(), s("anonnd"), Status::Exact, vec![], None),
            (
                "(Twin, 2000)".to_string(),
                None,
                Status::Unresolved,
                vec![],
                s("ambiguous: matches twin2000, twin2000-2")
            ),
        ]
    );
}

#[test]
fn uncited_references_are_listed_in_corpus_order() {
    let corpus = small_corpus(
        "- Alpha A (1950) First. City: Press.\n- Beta B (1960) Second. City: Press.\n- Gamma G (1970) Third. City: Press.\n",
    );
    let report = cites::check(&corpus, "Only (Beta, 1960) is cited, twice (Beta, 1960).", "t.md");
    let uncited: Vec<&str> = report.uncited.iter().map(|k| k.as_str()).collect();
    assert_eq!(uncited, ["alpha1950", "gamma1970"]);
    let n = report.counts();
    assert_eq!((n.citations, n.exact, n.references, n.uncited), (2, 2, 3, 2));
}

#[test]
fn the_articles_cites_edges_say_where_and_how_often_a_work_is_cited() {
    let corpus = Corpus::builtin().unwrap();
    let edges = corpus.citations_of("esteves-khoudourcasteras2009");
    let got: Vec<(&str, &str, Option<&str>)> =
        edges.iter().map(|e| (e.from.as_str(), e.provenance.locator.as_str(), e.provenance.quote.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("waldinger-sociopedia", "Social connectivity", Some("(Esteves and Khoudour-Castéras, 2009)")),
            ("waldinger-sociopedia", "Social connectivity", Some("(Esteves and Khoudour-Castéras, 2009)")),
        ]
    );
    let schiller = corpus.citations_of("glickschiller2003");
    assert_eq!(schiller.len(), 1);
    assert_eq!(schiller[0].provenance.quote.as_deref(), Some("Schiller (2003)"));
    assert_eq!(
        schiller[0].provenance.note.as_deref(),
        Some("compound family name given in part: Schiller for Glick Schiller")
    );
    // Portes 1997 is named only in the prose ('a widely read 1997 article').
    let portes = corpus.citations_of("portes1997");
    assert_eq!(portes.len(), 1);
    assert_eq!(portes[0].provenance.quote.as_deref(), Some("1997 article"));
    assert!(corpus.citations_of("no-such-work").is_empty());
}

/// Regression guard: `cites` edges are not lineage. A later work that cites an earlier
/// one is not its descendant, and no lineage path runs through a citation.
#[test]
fn lineage_queries_do_not_follow_cites_edges() {
    let refs = "- Alpha A (1950) First. City: Press.\n- Beta B (1960) Second. City: Press.\n";
    let cites = "edges:\n  - from: beta1960\n    to: alpha1950\n    relation: cites\n    locator: \"12\"\n    provenance:\n      source: beta1960\n      locator: Introduction\n      quote: \"(Alpha, 1950: 12)\"\n";
    let corpus = Corpus::from_files([
        CorpusFile::new("t/corpus.yaml", "id: t\n"),
        CorpusFile::new("t/refs.txt", refs),
        CorpusFile::new("t/cites.yaml", cites),
    ])
    .unwrap();
    assert_eq!(corpus.citations_of("alpha1950")[0].locator.as_deref(), Some("12"));
    assert!(corpus.descendants("alpha1950", None).unwrap().is_empty());
    assert!(corpus.ancestors("beta1960", None).unwrap().is_empty());
    let err = corpus.lineage("alpha1950", "beta1960", &bibgraph::lineage::LineageOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NoPath);
    // In the built-in corpus, the article cites Anderson 1998 but does not descend from it.
    let builtin = Corpus::builtin().unwrap();
    let descendants = builtin.descendants("anderson1998", None).unwrap();
    assert!(descendants.iter().all(|w| w.key.as_str() != "waldinger-sociopedia"));
}

/// Regression (found by the property tests): a citation under an empty heading (`#`) was
/// written with an empty provenance locator, which the corpus loader rejects.
#[test]
fn a_citation_under_an_empty_heading_is_located_by_the_headings_line() {
    let corpus = Corpus::builtin().unwrap();
    let report = cites::check(&corpus, "#\n(Aron, 1966)\n", "t.md");
    assert_eq!(report.section_label(&report.citations[0].citation), "(untitled heading, line 1)");
    let yaml = report.corpus_yaml(corpus.meta().source.as_ref().unwrap());
    assert!(yaml.contains("      locator: \"(untitled heading, line 1)\"\n"), "{yaml}");
}

/// Regression (found by the property tests): `(Waldinger, n.d.)` resolves to the citing
/// article itself, and was written as an edge from the article to itself.
#[test]
fn a_citation_of_the_citing_work_itself_is_not_stored_as_an_edge() {
    let corpus = Corpus::builtin().unwrap();
    let report = cites::check(&corpus, "As argued before (Waldinger, n.d.).", "t.md");
    assert_eq!(report.citations[0].resolution.work.as_ref().map(|k| k.as_str()), Some("waldinger-sociopedia"));
    let yaml = report.corpus_yaml(corpus.meta().source.as_ref().unwrap());
    assert!(yaml.contains("edges: []\n\n# Not stored"), "{yaml}");
    assert!(yaml.ends_with("#   line 1: (Waldinger, n.d.) (exact): cites `waldinger-sociopedia` itself\n"), "{yaml}");
}
