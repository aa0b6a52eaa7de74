//! One hand-made fixture per citation form and reference-list style that `bibgraph read`
//! reads: exact spans, targets and locators. Every text and list here was written for
//! these tests from bibliographic facts (real books, invented page numbers).

use bibgraph::cites::{extract_with, CitationKind, CitationReport, ExtractOptions};
use bibgraph::read::{read_article, Article, ReadOptions, Style};
use bibgraph::refparse::{parse_list, ParseOptions};
use bibgraph::{Corpus, CorpusFile};

/// (text as written, work key, locator) of every citation, in order.
fn cites(a: &Article) -> Vec<(String, Option<String>, Option<String>)> {
    a.citations
        .iter()
        .map(|c| {
            (c.citation.text.clone(), c.resolution.work.as_ref().map(|k| k.to_string()), c.citation.locator.clone())
        })
        .collect()
}

fn t(text: &str, key: Option<&str>, loc: Option<&str>) -> (String, Option<String>, Option<String>) {
    (text.to_string(), key.map(String::from), loc.map(String::from))
}

fn read(text: &str) -> Article {
    read_article(text, "fixture.txt", &ReadOptions::default())
}

const LABELLED_LIST: &str = "Works Cited

Hall 1980 Hall, Stuart. “Encoding/Decoding.” Culture, Media, Language. Ed. Stuart Hall et al. London: Hutchinson, 1980. 128-138.

Lee et al. 2010 Lee, Ann, Bo Chen, and Cy Diaz. Reading Machines. Boston: Beacon, 2010.

Ong 2002 Ong, Walter J. Orality and Literacy: The Technologizing of the Word. London: Routledge, 2002.

Pettit Pettitt, Thomas. “Before the Gutenberg Parenthesis.” Plenary paper, MIT5, 2007.
";

#[test]
fn bracketed_labels_grouped_nested_and_as_subjects() {
    let text = format!(
        "Reading Labels\n\nDecoding is active [Hall 1980, 11, 13]. Machines read too [Lee et al. 2010, 15]; [Ong 2002].\n\nSome disagree (see, e.g., [Hall 1980]), others quote (Smith, as quoted in [Ong 2002, 352]). [Pettit] describes a parenthesis.\n\n{LABELLED_LIST}"
    );
    let a = read(&text);
    assert_eq!(a.style.style, Style::Labels);
    assert_eq!(
        cites(&a),
        [
            t("[Hall 1980, 11, 13]", Some("hall1980"), Some("11, 13")),
            t("[Lee et al. 2010, 15]", Some("lee-etal2010"), Some("15")),
            t("[Ong 2002]", Some("ong2002"), None),
            t("[Hall 1980]", Some("hall1980"), None),
            t("[Ong 2002, 352]", Some("ong2002"), Some("352")),
            t("[Pettit]", Some("pettitt2007"), None),
        ]
    );
    let first = &a.citations[0].citation;
    assert_eq!(&text[first.span.clone()], "[Hall 1980, 11, 13]");
    assert_eq!((first.line, first.column), (3, 20));
    assert!(a.uncited.is_empty());
    // The list keeps each entry's label.
    let labels: Vec<Option<&str>> = a.works().iter().map(|w| w.label.as_deref()).collect();
    assert_eq!(labels, [Some("Hall 1980"), Some("Lee et al. 2010"), Some("Ong 2002"), Some("Pettit")]);
}

#[test]
fn brackets_that_are_not_citations_are_left_alone() {
    let text = format!(
        "Not Citations\n\nIn [Paris] he wrote [sic] that [S]creed and [The Long Revolution] matter [Ong 2002].\n\n{LABELLED_LIST}"
    );
    let a = read(&text);
    assert_eq!(cites(&a), [t("[Ong 2002]", Some("ong2002"), None)]);
}

const MLA_LIST: &str = "Works Cited

Hall, Stuart. “Encoding/Decoding.” Culture, Media, Language, edited by Stuart Hall, Hutchinson, 1980, pp. 128-38.

Hall, Stuart. “The Rediscovery of Ideology.” Culture, Society and the Media, edited by Michael Gurevitch, Methuen, 1982, pp. 56-90.

Ong, Walter J. Orality and Literacy. Methuen, 1982.
";

#[test]
fn author_page_citations_by_title_words_page_range_or_ambiguous() {
    let text = format!(
        "Reading MLA\n\nOrality differs (Ong 31). Codes are negotiated (Hall, Encoding 131), ideology returns (Hall 60), and then (Hall 200).\n\n{MLA_LIST}"
    );
    let a = read(&text);
    assert_eq!(a.style.style, Style::AuthorPage);
    assert_eq!(
        cites(&a),
        [
            t("(Ong 31)", Some("ong1982"), Some("31")),
            t("(Hall, Encoding 131)", Some("hall1980"), Some("131")),
            t("(Hall 60)", Some("hall1982"), Some("60")),
            t("(Hall 200)", None, Some("200")),
        ]
    );
    assert_eq!(a.citations[1].citation.title_words.as_deref(), Some("Encoding"));
    let problem = a.citations[3].resolution.problem().unwrap();
    assert!(problem.contains("ambiguous") && problem.contains("hall1980") && problem.contains("hall1982"), "{problem}");
}

#[test]
fn mla_list_entries() {
    let list = parse_list(MLA_LIST.trim_start_matches("Works Cited\n\n"), "mla.txt", &ParseOptions::default());
    type Row = (String, Option<String>, Option<String>, Option<String>);
    let got: Vec<Row> = list
        .works()
        .map(|w| (w.key.to_string(), w.title.clone(), w.container_title.clone(), w.pages.clone()))
        .collect();
    assert_eq!(got[0].0, "hall1980");
    assert_eq!(got[0].1.as_deref(), Some("Encoding/Decoding"));
    assert_eq!(got[2].0, "ong1982");
    assert_eq!(got[2].1.as_deref(), Some("Orality and Literacy"));
}

const AUTHOR_DATE_LIST: &str = "## References

- Bourne R (1916) Trans-national America. *The Atlantic Monthly* 118(1): 86-97.
- Hall S (1980) Encoding/decoding. In: Hall S (ed.) *Culture, Media, Language*. London: Hutchinson, 128-138.
- Portes A (1997) Immigration theory for a new century. *International Migration Review* 31(4): 799-825.
";

#[test]
fn narrative_prose_forms() {
    let text = format!(
        "## Prose\n\nAs Hall (1980), 131 argues, codes vary. Randolph Bourne, whose 1916 essay still reads well, saw it first. Then came Alejandro Portes. In a widely read 1997 article, he set the agenda, and Hall's 1980 essay returned.\n\n{AUTHOR_DATE_LIST}"
    );
    let a = read(&text);
    assert_eq!(a.style.style, Style::AuthorDate);
    assert_eq!(
        cites(&a),
        [
            t("Hall (1980), 131", Some("hall1980"), Some("131")),
            t("1916 essay", Some("bourne1916"), None),
            t("1997 article", Some("portes1997"), None),
            t("Hall's 1980 essay", Some("hall1980"), None),
        ]
    );
    let kinds: Vec<CitationKind> = a.citations.iter().map(|c| c.citation.kind).collect();
    assert_eq!(kinds, [CitationKind::Narrative, CitationKind::Prose, CitationKind::Prose, CitationKind::Prose]);
}

#[test]
fn numbered_citations_against_vancouver_and_ieee_lists() {
    let vancouver = "## Methods\n\nAs shown [2], and again [1, 3-4] and (2).\n\n## References\n\n1. Hall S. Encoding/decoding. London: Hutchinson; 1980.\n2. Ong WJ. Orality and literacy. London: Methuen; 1982.\n3. Bourne R. Trans-national America. Atl Mon. 1916;118(1):86-97.\n4. Portes A. Immigration theory for a new century. Int Migr Rev. 1997;31(4):799-825.\n";
    let a = read(vancouver);
    assert_eq!(a.style.style, Style::Numbered);
    assert_eq!(
        cites(&a),
        [
            t("[2]", Some("ong1982"), None),
            t("1", Some("hall1980"), None),
            t("3-4", Some("bourne1916"), None),
            t("3-4", Some("portes1997"), None),
            t("(2)", Some("ong1982"), None),
        ]
    );
    let ieee = "## Intro\n\nSee [2].\n\n## References\n\n[1] S. Hall, \"Encoding/decoding,\" in Culture, Media, Language. London: Hutchinson, 1980, pp. 128-138.\n[2] W. J. Ong, Orality and Literacy. London: Methuen, 1982.\n";
    let a = read(ieee);
    assert_eq!(a.style.style, Style::Numbered);
    assert_eq!(cites(&a), [t("[2]", Some(a.works()[1].key.as_str()), None)]);
    assert_eq!(a.works()[1].label.as_deref(), Some("2"));
}

#[test]
fn notes_ibid_op_cit_tied_to_the_call() {
    let text = format!(
        "First Part\n\nA claim.[1] Another.[2]\n\nSecond Part\n\nA third.[3]\n\nNotes\n\n[1] See [Ong 2002, 31].\n\n[2] Ibid., 45.\n\n[3] Ong, op. cit., 12.\n\n{LABELLED_LIST}"
    );
    let a = read(&text);
    type Row = (String, Option<String>, Option<String>, Option<u32>, Option<String>);
    let got: Vec<Row> = a
        .citations
        .iter()
        .map(|c| {
            (
                c.citation.text.clone(),
                c.resolution.work.as_ref().map(|k| k.to_string()),
                c.citation.locator.clone(),
                c.citation.note,
                c.section.clone(),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        [
            (s("[Ong 2002, 31]").unwrap(), s("ong2002"), s("31"), Some(1), s("First Part")),
            (s("Ibid., 45").unwrap(), s("ong2002"), s("45"), Some(2), s("First Part")),
            (s("Ong, op. cit., 12").unwrap(), s("ong2002"), s("12"), Some(3), s("Second Part")),
        ]
    );
}

#[test]
fn pandoc_citations_resolve_by_key() {
    let corpus = Corpus::from_files([CorpusFile::new(
        "references.txt",
        "- Hall S (1980) Encoding/decoding. London: Hutchinson.\n- Ong WJ (1982) Orality and Literacy. London: Methuen.\n",
    )])
    .unwrap();
    let text = "# Pandoc\n\nCodes [@hall1980]. Pages [@hall1980, p. 33]. Both [see @hall1980; @ong1982]. As @ong1982 [p. 12] says, and he [-@ong1982] agrees; not mail@example.org.\n";
    let report = CitationReport::from_extraction(&corpus, extract_with(text, &ExtractOptions::default()), "t.md");
    let got: Vec<(&str, Option<&str>, Option<&str>)> = report
        .citations
        .iter()
        .map(|c| {
            (c.citation.text.as_str(), c.resolution.work.as_ref().map(|k| k.as_str()), c.citation.locator.as_deref())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("[@hall1980]", Some("hall1980"), None),
            ("[@hall1980, p. 33]", Some("hall1980"), Some("p. 33")),
            ("see @hall1980", Some("hall1980"), None),
            ("@ong1982", Some("ong1982"), None),
            ("@ong1982 [p. 12]", Some("ong1982"), Some("p. 12")),
            ("[-@ong1982]", Some("ong1982"), None),
        ]
    );
    assert!(report.citations.iter().all(|c| c.citation.kind == CitationKind::Pandoc));
}

#[test]
fn years_and_locators() {
    let text = format!(
        "Years\n\nDates vary [Hall 1980, xiii–xiv], [Ong 2002, n. p.], [Ong 2002, 535, 534] and [Pettit].\n\n{LABELLED_LIST}"
    );
    let a = read(&text);
    let locs: Vec<Option<String>> = a.citations.iter().map(|c| c.citation.locator.clone()).collect();
    assert_eq!(locs, [Some("xiii–xiv".into()), Some("n. p.".into()), Some("535, 534".into()), None]);
    // Years in brackets read as names and year when the list prints no such label.
    let ex = extract_with("x [Hall 1993/1994] [Ong n.d.] [Lee forthcoming] [Ong 2002a, 3]", &ExtractOptions::default());
    let years: Vec<String> = ex.citations.iter().map(|c| c.year.as_ref().unwrap().cited()).collect();
    assert_eq!(years, ["1994", "n.d.", "forthcoming", "2002a"]);
    assert_eq!(ex.citations[0].year.as_ref().unwrap().original, Some(1993));
    // A year with the original year in brackets, the name written earlier in the sentence.
    let text = format!(
        "Years\n\nWalter Ong, writing on orality, calls writing a technology (2002, [1982]) of the word.\n\n{LABELLED_LIST}"
    );
    let a = read(&text);
    assert_eq!(cites(&a), [t("(2002, [1982])", Some("ong2002"), None)]);
    let year = a.citations[0].citation.year.as_ref().unwrap();
    assert_eq!((year.year, year.original), (Some(2002), Some(1982)));
}

#[test]
fn reference_lists_labels_numbers_dittos_no_author_no_year() {
    let list = "Hall 1980 Hall, Stuart. Encoding. London: Hutchinson, 1980.\n\nHall 1982 ---. The Rediscovery of Ideology. London: Methuen, 1982.\n\nHall 1985 ———. Signification. Critical Studies 2 (1985): 91-114.\n\nHall 1986 —-. Gramsci's Relevance. Journal of Inquiry 10 (1986): 5-27.\n\nBeowulf n.d. Beowulf. Trans. Seamus Heaney. New York: Norton, n.d.\n";
    let parsed = parse_list(list, "list.txt", &ParseOptions::default());
    let got: Vec<(Option<&str>, Vec<String>, Option<String>)> =
        parsed.works().map(|w| (w.label.as_deref(), w.family_names(), w.year.as_ref().map(|y| y.cited()))).collect();
    assert_eq!(got[0], (Some("Hall 1980"), vec!["Hall".to_string()], Some("1980".into())));
    for (i, year) in [(1, "1982"), (2, "1985"), (3, "1986")] {
        assert_eq!(got[i].1, ["Hall"], "ditto in entry {i}");
        assert_eq!(got[i].2.as_deref(), Some(year));
    }
    assert_eq!(got[4].0, Some("Beowulf n.d."));
    // Chicago notes-bibliography: no year in the head, year after the publisher.
    let chicago = parse_list(
        "Ong, Walter J. Orality and Literacy: The Technologizing of the Word. London: Methuen, 1982.\n\nBourne, Randolph. “Trans-National America.” Atlantic Monthly 118 (1916): 86–97.\n",
        "c.txt",
        &ParseOptions::default(),
    );
    let keys: Vec<&str> = chicago.works().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["ong1982", "bourne1916"]);
    // No author: the entry starts with its title; the label still names it.
    let anonymous = parse_list(
        "Beowulf 1999 Beowulf: A New Verse Translation. Trans. Seamus Heaney. New York: Norton, 1999.\n\nOng 2002 Ong, Walter J. Orality. London: Routledge, 2002.\n",
        "a.txt",
        &ParseOptions::default(),
    );
    let first = anonymous.works().next().unwrap();
    assert_eq!(first.label.as_deref(), Some("Beowulf 1999"));
    assert_eq!(first.year.as_ref().map(|y| y.cited()).as_deref(), Some("1999"));
}

#[test]
fn the_list_is_found_by_its_heading_in_five_languages() {
    for heading in [
        "Bibliography",
        "Literature Cited",
        "Sources",
        "Références",
        "Literaturverzeichnis",
        "Bibliografía",
        "Referências",
    ] {
        let text = format!("Title\n\nIntro [Ong 2002].\n\n{heading}\n\nOng 2002 Ong, Walter J. Orality. London: Routledge, 2002.\n\nHall 1980 Hall, Stuart. Encoding. London: Hutchinson, 1980.\n");
        let a = read(&text);
        assert_eq!(a.list.as_ref().map(|(h, _)| h.as_str()), Some(heading));
        assert_eq!(a.works().len(), 2, "{heading}");
        assert_eq!(cites(&a), [t("[Ong 2002]", Some("ong2002"), None)], "{heading}");
    }
}

#[test]
fn the_style_hint_overrides_the_detection() {
    let text = format!("T\n\nSee [Ong 2002].\n\n{LABELLED_LIST}");
    let a = read_article(&text, "x.txt", &ReadOptions::default().style_hint(Some(Style::AuthorDate)));
    assert_eq!((a.style.style, a.style.hinted), (Style::AuthorDate, true));
}

#[test]
fn the_corpus_written_by_read_loads_and_answers() {
    let text = format!("Essay\n\nSee [Ong 2002, 31] and [Hall 1980].\n\n{LABELLED_LIST}");
    let a = read(&text);
    let dir = std::env::temp_dir().join(format!("bibgraph-read-{}", std::process::id()));
    a.write_corpus(&dir).unwrap();
    let corpus = Corpus::load(&dir).unwrap();
    let edges = corpus.citations_of("ong2002");
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0].provenance.quote.as_deref(), Some("[Ong 2002, 31]"));
    assert_eq!(edges[0].provenance.locator, "section \"Essay\", paragraph 1");
    assert_eq!(corpus.work("ong2002").unwrap().label.as_deref(), Some("Ong 2002"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_list_that_prints_its_years_late_is_read_so_as_a_whole() {
    // Each entry has a year in brackets that an author-date reading would take as closing
    // the names; the list as a whole prints its years late, so none is read so.
    let list = "Hall, S. Encoding and Decoding in the Television Discourse. University of Birmingham, Birmingham (1973).\n\n\
Ong, W. J. “The Writer's Audience Is Always a Fiction.” [1975] Interfaces of the Word. Cornell University Press, Ithaca (1977).\n\n\
Bode, K., and R. Dixon, eds. Resourceful Reading. Sydney University Press, Sydney (2009).\n\n\
Jackson, S. Patchwork Girl (1995) Web. Accessed 3 May 2012. http://example.org/patchwork\n\n\
Unsworth, J. “Scholarly Primitives.” http://example.org/primitives\n";
    let parsed = parse_list(list, "late.txt", &ParseOptions::default());
    let got: Vec<(String, Option<String>, Option<String>)> = parsed
        .works()
        .map(|w| (w.family_names().join(" "), w.year.as_ref().map(|y| y.cited()), w.title.clone()))
        .collect();
    let want = |f: &str, y: Option<&str>, t: &str| (f.to_string(), y.map(String::from), Some(t.to_string()));
    assert_eq!(
        got,
        [
            want("Hall", Some("1973"), "Encoding and Decoding in the Television Discourse"),
            want("Ong", Some("1977"), "The Writer's Audience Is Always a Fiction"),
            want("Bode Dixon", Some("2009"), "Resourceful Reading"),
            want("Jackson", Some("1995"), "Patchwork Girl"),
            want("Unsworth", None, "Scholarly Primitives"),
        ]
    );
    let works: Vec<_> = parsed.works().collect();
    assert_eq!(works[2].editors.len(), 2);
    assert!(works[4].flags.iter().any(|f| f.kind == "no-year"));
    // The same entries one per line are independent references, each read as it comes.
    let one = parse_list(&list.replace("\n\n", "\n"), "late.txt", &ParseOptions::default().one_per_line(true));
    assert_eq!(one.works().count(), 5);
}
