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

use bibgraph::{Corpus, CorpusFile};
use std::process::{Command, Stdio};

fn warnings(import: &bibgraph::import::Import) -> Vec<String> {
    import.diagnostics.iter().filter(|d| d.severity >= bibgraph::Severity::Warning).map(|d| d.to_string()).collect()
}

/// A chain of `n` entries, each a part whose `crossref` names the next, the last a book.
fn crossref_chain(n: usize) -> String {
    let mut bib = String::new();
    for i in 0..n - 1 {
        bib.push_str(&format!("@incollection{{k{i}, title = {{Part {i}}}, crossref = {{k{}}}}}\n", i + 1));
    }
    bib.push_str(&format!("@book{{k{}, title = {{The Book}}, booktitle = {{Own}}, year = 1999}}\n", n - 1));
    bib
}

#[test]
fn a_crossref_chain_of_2500_entries_is_cut_every_32_links_and_each_child_has_one_booktitle() {
    let import = bibgraph::import::bibtex(crossref_chain(2_500).as_bytes(), "chain.bib");
    assert_eq!((import.entries, import.works.len(), import.skipped), (2_500, 2_500, 0));
    let w = warnings(&import);
    assert_eq!(w.len(), 75);
    assert_eq!(
        w[0],
        "warning[crossref-chain]: crossref chain longer than 32 links (`k2466` -> `k2467` -> ...); the link from `k2466` to `k2467` is ignored at chain.bib:2467:43 (in `k2466`)"
    );
    for (i, work) in import.works.iter().enumerate() {
        let booktitles = work.records[0].fields().filter(|f| f.name == "booktitle").count();
        assert!(booktitles <= 1, "{} has {booktitles} booktitles", work.key);
        if i == 2_498 {
            assert_eq!(work.container_title.as_deref(), Some("The Book"));
        }
    }
    // The first entry is 2,499 links from the book: its chain was cut; it inherits from the
    // 32 entries after it.
    assert_eq!(import.works[0].container_title.as_deref(), Some("Part 1"));
}

#[test]
fn twenty_thousand_keys_differing_only_in_case_get_suffixes_in_order() {
    let n = 20_000;
    let mut bib = String::new();
    for i in 0..n {
        // A distinct mix of upper and lower case for each entry.
        let key: String = "abcdefghijklmnop"
            .chars()
            .enumerate()
            .map(|(b, c)| if i >> b & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        bib.push_str(&format!("@misc{{{key}, title = {{T{i}}}}}\n"));
    }
    let import = bibgraph::import::bibtex(bib.as_bytes(), "case.bib");
    assert_eq!((import.entries, import.works.len(), import.skipped), (n, n, 0));
    let keys: Vec<&str> = import.works.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys[..3], ["abcdefghijklmnop", "abcdefghijklmnop-2", "abcdefghijklmnop-3"]);
    assert_eq!(keys[n - 1], "abcdefghijklmnop-20000");
    assert_eq!(import.diagnostics.iter().filter(|d| d.code == "key-collision").count(), n - 1);
}

fn load_yaml(text: &str) -> Result<Corpus, bibgraph::Error> {
    Corpus::from_files([CorpusFile::new("f.yaml", text)])
}

#[test]
fn aliases_in_year_or_names_are_refused_by_what_they_expand_to() {
    // Each anchor doubles the one before: 20 KB would expand to gigabytes.
    let mut text = String::from("l0: &l0 [1984, 1984, 1984, 1984, 1984, 1984, 1984, 1984]\n");
    for i in 1..40 {
        text.push_str(&format!("l{i}: &l{i} [*l{0}, *l{0}, *l{0}, *l{0}]\n", i - 1));
    }
    let year = format!("{text}works:\n  - key: a\n    year: *l39\n");
    let e = load_yaml(&year).unwrap_err();
    assert_eq!(
        e.to_string(),
        "f.yaml:8:25: aliases expand to more than 1054164 bytes (the limit for a text of 1397 bytes is 4 times its size plus 1048576): alias `*l6` adds 218447"
    );
    let names = format!("{text}works:\n  - key: a\n    authors: [*l39]\n");
    assert!(load_yaml(&names).unwrap_err().to_string().starts_with("f.yaml:8:25: aliases expand to more than"));
    // A few aliases of small nodes load as before.
    let fine = "works:\n  - key: a\n    type: book\n    title: A\n    year: &y 1999\n    provenance: &p {source: a, locator: x, note: n}\n  - key: b\n    type: book\n    title: B\n    year: *y\n    provenance: *p\n";
    let corpus = load_yaml(fine).unwrap();
    assert_eq!(corpus.work("b").unwrap().year.as_ref().map(ToString::to_string).as_deref(), Some("1999"));
}

#[test]
fn flow_collections_nested_100000_deep_are_refused_at_the_limit() {
    for deep in [40_000, 100_000] {
        let text = format!("works: {}{}\n", "[".repeat(deep), "]".repeat(deep));
        assert_eq!(
            load_yaml(&text).unwrap_err().to_string(),
            "f.yaml:1:72: more than 64 flow collections (`[`, `{`) open at once"
        );
    }
}

#[test]
fn a_nul_in_yaml_is_reported_at_its_own_line_and_column() {
    let text = "works:\n  - key: a\n    title: \"Ab\0c\"\n    provenance: {source: a, locator: x, note: n}\n";
    assert_eq!(
        load_yaml(text).unwrap_err().to_string(),
        "f.yaml:3:15: a control character (U+0000) is not allowed in YAML"
    );
}

#[test]
fn a_run_of_80000_open_parentheses_gives_no_citation_and_leaves_the_next_one() {
    let text = format!("{} and then (Knuth 1984).", "(".repeat(80_000));
    let found = bibgraph::cites::extract(&text);
    let texts: Vec<&str> = found.citations.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["(Knuth 1984)"]);
    let nested = format!("{}Knuth 1984{}", "(".repeat(40_000), ")".repeat(40_000));
    let found = bibgraph::cites::extract(&nested);
    let texts: Vec<&str> = found.citations.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["(Knuth 1984)"]);
}

const MALFORMED: &str = "@book{a, title={A}, year=2000}\n@book\0{b, title={B}}\n@bo ok{c, title={C}}\n@book;{d, title={D}}\n@{e, title={E}}\n@book[f, title={F}]\n% a comment\n";

#[test]
fn malformed_entry_starts_are_counted_skipped_and_reported() {
    let import = bibgraph::import::bibtex(MALFORMED.as_bytes(), "odd.bib");
    assert_eq!((import.entries, import.works.len(), import.skipped, import.outside), (6, 1, 5, 11));
    let rule =
        "does not start an entry (`@`, a type of letters, digits and `_-:.`, then `{` or `(`); its text up to line";
    assert_eq!(
        warnings(&import),
        [
            format!("warning[malformed-entry]: `@book\\0{{` {rule} 2 is skipped at odd.bib:2:1 (in `@book\\0{{b`)"),
            format!("warning[malformed-entry]: `@bo ok{{` {rule} 3 is skipped at odd.bib:3:1 (in `@bo ok{{c`)"),
            format!("warning[malformed-entry]: `@book;{{` {rule} 4 is skipped at odd.bib:4:1 (in `@book;{{d`)"),
            format!("warning[malformed-entry]: `@{{` {rule} 5 is skipped at odd.bib:5:1 (in `@{{e`)"),
            format!("warning[malformed-entry]: `@book[` {rule} 6 is skipped at odd.bib:6:1 (in `@book[f`)"),
        ]
    );
    assert_eq!(import.between, ["% a comment"]);
}

fn bibgraph(args: &[&str], stdin: &[u8]) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bibgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("bibgraph-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn check_counts_entries_works_skips_and_text_outside_entries() {
    let file = temp_file("odd.bib", MALFORMED.as_bytes());
    let (ok, out, _) = bibgraph(&["--corpus", &file, "check"], b"");
    assert!(ok);
    assert_eq!(
        out.lines().nth(2).unwrap(),
        format!("{file}: 6 entries, 1 work, 5 skipped, 11 bytes of text outside entries, 5 warnings")
    );
}

#[test]
fn a_utf16_bib_file_in_either_byte_order_reads_as_utf8() {
    let bib = "% mine\n@book{knuth1984, author = {Knuth, Donald E.}, title = {The {\\TeX}book}, year = 1984}\n";
    let plain = Corpus::from_files([CorpusFile::from_bytes("a.bib", bib.as_bytes().to_vec())]).unwrap();
    for (big, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let bytes = utf16(bib, big, bom);
        let corpus = Corpus::from_files([CorpusFile::from_bytes("a.bib", bytes.clone())]).unwrap();
        assert_eq!(corpus.works(), plain.works(), "big-endian {big}, bom {bom}");
        let file = temp_file(&format!("u{big}{bom}.bib"), &bytes);
        let (ok, out, _) = bibgraph(&["--corpus", &file, "check"], b"");
        assert!(ok);
        assert_eq!(
            out.lines().nth(2).unwrap(),
            format!("{file}: 1 entry, 1 work, 0 skipped, 6 bytes of text outside entries, 0 warnings")
        );
    }
    // Broken UTF-16 is one located error.
    let mut broken = utf16(bib, false, true);
    broken.push(b'x');
    let file = temp_file("broken.bib", &broken);
    let (ok, _, err) = bibgraph(&["--corpus", &file, "check"], b"");
    assert!(!ok);
    assert_eq!(err, format!("error: {file}:3:1: utf-16 (little-endian) text with an odd number of bytes\n"));
}

#[test]
fn utf16_reference_lists_and_articles_read_as_utf8_from_files_and_stdin() {
    let list = LIST.lines().take(6).collect::<Vec<_>>().join("\n") + "\n";
    let (_, expected, _) = bibgraph(&["refs", "parse", "--format", "jsonl", "--quiet"], list.as_bytes());
    assert_eq!(expected.lines().count(), 4);
    for (big, bom) in [(false, true), (true, false)] {
        let bytes = utf16(&list, big, bom);
        let file = temp_file("refs.txt", &bytes);
        for args in [
            vec!["refs", "parse", "--format", "jsonl", "--quiet", &file],
            vec!["refs", "parse", "--whole", "--format", "jsonl", "--quiet", &file],
        ] {
            let (ok, out, _) = bibgraph(&args, b"");
            assert!(ok);
            assert_eq!(out.replace(&file, "<stdin>"), expected, "{args:?}");
        }
        let (_, out, _) = bibgraph(&["refs", "parse", "--format", "jsonl", "--quiet"], &bytes);
        assert_eq!(out, expected);
    }
    let article = "Transnationalism has a long history (Bourne 1916; Portes et al. 1999).\n";
    let (_, expected, _) = bibgraph(&["cites", "-", "--format", "json"], article.as_bytes());
    assert!(expected.contains("\"work\": \"bourne1916\""), "{expected}");
    let (ok, out, _) = bibgraph(&["cites", "-", "--format", "json"], &utf16(article, true, true));
    assert!(ok);
    assert_eq!(out, expected);
}

#[test]
fn the_biblatex_export_keeps_preambles_comments_and_strings() {
    let bib = "% My bibliography\n@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n@string{tub = \"TUGboat\"}\n@comment{jabref-meta: databaseType:biblatex;}\n@article{knuth, author = {Knuth, Donald E.}, title = {The {\\TeX}book}, journal = tub, year = 1984}\n% trailing note\n";
    let file = temp_file("pre.bib", bib.as_bytes());
    let (ok, out, _) = bibgraph(&["--corpus", &file, "export", "--format", "biblatex"], b"");
    assert!(ok);
    assert_eq!(
        out,
        "% My bibliography\n\n@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n\n@string{tub = \"TUGboat\"}\n\n@comment{jabref-meta: databaseType:biblatex;}\n\n% trailing note\n\n@article{knuth,\nauthor = {Knuth, Donald E.},\ntitle = {The {\\TeX}book},\njournal = {TUGboat},\nyear = {1984},\n}\n"
    );
    // Read back, it gives the same text and the same work.
    let again = temp_file("again.bib", out.as_bytes());
    let (_, out2, _) = bibgraph(&["--corpus", &again, "export", "--format", "biblatex"], b"");
    assert_eq!(out2, out);
}

#[test]
fn an_entry_over_the_size_limit_is_skipped_and_reported() {
    let big = "x".repeat(bibgraph::import::MAX_ENTRY_BYTES);
    let bib = format!("@book{{ok, title = {{Fine}}}}\n@misc{{huge, note = {{{big}}}}}\n");
    let import = bibgraph::import::bibtex(bib.as_bytes(), "big.bib");
    assert_eq!((import.entries, import.works.len(), import.skipped), (2, 1, 1));
    assert_eq!(
        warnings(&import),
        ["warning[entry-too-large]: the entry is 4194326 bytes long, more than the limit of 4194304; it is skipped at big.bib:2:1 (in `@misc`)"]
    );
    let json = format!("[{{\"id\": \"ok\", \"type\": \"book\"}},\n {{\"id\": \"huge\", \"note\": \"{big}\"}}]");
    let import = bibgraph::import::csl_json(json.as_bytes(), "big.json");
    assert_eq!((import.entries, import.works.len(), import.skipped), (2, 1, 1));
    assert_eq!(
        warnings(&import),
        ["warning[entry-too-large]: the entry is 4194332 bytes long, more than the limit of 4194304; it is skipped at big.json:2:2 (in `[1]`)"]
    );
}

#[test]
fn csl_json_nested_deeper_than_128_is_a_located_skip() {
    let deep = 100_000;
    let json = format!(
        "[{{\"id\": \"ok\", \"type\": \"book\"}},\n {{\"id\": \"deep\", \"note\": {}{}}}]",
        "[".repeat(deep),
        "]".repeat(deep)
    );
    let import = bibgraph::import::csl_json(json.as_bytes(), "deep.json");
    assert_eq!((import.entries, import.works.len(), import.skipped), (2, 1, 1));
    assert_eq!(
        warnings(&import),
        ["warning[json-syntax]: item [1]: recursion limit exceeded at line 1 column 150; the item is skipped at deep.json:2:151 (in `[1]`)"]
    );
}

/// Found by the fuzzer (`yaml_corpus`): an error serde_yaml does not place still has one.
#[test]
fn a_yaml_error_without_a_place_from_the_library_gets_one() {
    let text = " works:\n$ - key: knuth1984\n    type: book\n";
    let e = load_yaml(text).unwrap_err();
    assert_eq!(e.location().map(ToString::to_string).as_deref(), Some("f.yaml:1:1"), "{e}");
}

/// Found by the fuzzer (`csl_json`): serde_json's column 0 at a line's start is column 1.
#[test]
fn a_csl_json_error_at_a_line_start_is_in_column_1() {
    let json = "[{\"id\": \"a\", \"type\": \"book\"},\n {\"id\": \"b\", \"title\": \"x\n\"}]";
    let import = bibgraph::import::csl_json(json.as_bytes(), "c.json");
    assert_eq!((import.entries, import.works.len(), import.skipped), (2, 1, 1));
    let at: Vec<String> = import.diagnostics.iter().map(|d| d.location.as_ref().unwrap().to_string()).collect();
    assert_eq!(at, ["c.json:3:1"]);
}

#[test]
fn a_nul_in_an_edges_section_is_reported_at_its_own_place_too() {
    let text = "works:\n  - key: a\n    type: book\n    title: A\n    provenance: {source: a, locator: x, note: n}\nedges:\n  - from: a\n    to: a\n    relation: influenced\n    provenance: {source: a, locator: x, note: \"n\0\"}\n";
    assert_eq!(
        load_yaml(text).unwrap_err().to_string(),
        "f.yaml:10:49: a control character (U+0000) is not allowed in YAML"
    );
}

/// A surname made from `i`, a syllable per decimal digit (`Kba`, `Kce`, ... `Kcebadi`):
/// every reference its own author.
fn surname(i: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"];
    let mut s = String::from("K");
    let mut k = i;
    loop {
        s.push_str(SYLLABLES[k % 10]);
        k /= 10;
        if k == 0 {
            return s;
        }
    }
}

/// `n` references printed on one line, run together, and the byte range of each.
fn run_together(n: usize) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for i in 0..n {
        if i > 0 {
            text.push(' ');
        }
        let start = text.len();
        let name = surname(i);
        text.push_str(&format!("{name} DE ({}) The book of {name}. Reading: Addison-Wesley.", 1900 + i % 100));
        spans.push(start..text.len());
    }
    text.push('\n');
    (text, spans)
}

/// Found by the fuzzer (`refs`): one line of run-together references took time quadratic
/// in its length (29.7 s per 100 KB); each is still split from the next, in one scan.
#[test]
fn twenty_five_thousand_references_run_together_on_one_line_are_split_apart() {
    let n = 25_000;
    let (text, spans) = run_together(n);
    let list = parse_list(&text, "refs.txt", &ParseOptions::default());
    assert_eq!(list.references.len(), n);
    for (i, (r, span)) in list.references.iter().zip(&spans).enumerate() {
        assert_eq!(&r.span, span, "reference {i}");
        let w = &r.work;
        assert_eq!(w.raw.as_deref(), Some(&text[span.clone()]), "reference {i}");
        assert_eq!(w.year.as_ref().and_then(|y| y.year), Some(1900 + (i % 100) as i32), "reference {i}");
        assert_eq!(w.title.as_deref(), Some(format!("The book of {}", surname(i)).as_str()), "reference {i}");
        let at = w.origin.as_ref().unwrap();
        assert_eq!((at.line, at.column), (1, span.start as u32 + 1), "reference {i}");
        let splits = w.repairs.iter().filter(|f| f.kind == "split-entry").count();
        assert_eq!(splits, if i == 0 || i == n - 1 { 1 } else { 2 }, "reference {i}");
    }
    // The segments tile the line: entries with one space between each two.
    let kinds: Vec<SegmentKind> = list.segments.iter().map(|s| s.kind).collect();
    assert_eq!(kinds.len(), 2 * n);
    assert_eq!(kinds[2 * n - 2..], [SegmentKind::Entry(n - 1), SegmentKind::Whitespace]);
}

/// Found by the fuzzer (`cites`): an outer parenthesis's citation comes before its inner
/// one's in the list but after it in the text, and locating the inner one went back to
/// the start of the line: quadratic on one long line. Every citation keeps its place.
#[test]
fn citations_out_of_text_order_on_one_long_line_are_each_located() {
    let fragment = "(see (Roe 2001); Ng, 1999; ";
    let n = 25_000;
    let text = fragment.repeat(n);
    let found = bibgraph::cites::extract(&text);
    let got: Vec<(&str, u32, u32)> = found.citations.iter().map(|c| (c.text.as_str(), c.line, c.column)).collect();
    let ng = fragment.find("Ng").unwrap() as u32;
    let roe = fragment.find("(Roe").unwrap() as u32;
    let len = fragment.len() as u32;
    let want: Vec<(&str, u32, u32)> =
        (0..n as u32).flat_map(|i| [("Ng, 1999", 1, i * len + ng + 1), ("(Roe 2001)", 1, i * len + roe + 1)]).collect();
    assert_eq!(got, want);
}

/// A corpus file's works are read one item at a time (peak memory; issue 16): the works,
/// and the errors with their places, are those of the file read whole.
#[test]
fn a_yaml_corpus_read_item_by_item_gives_the_works_and_errors_of_the_whole_file() {
    let item = |k: &str, year: u32| {
        format!(
            "  - key: {k}\n    type: book\n    title: \"Title {k}:\n      continued\"\n    year: {year}\n    # a comment\n\n    provenance: {{source: {k}, locator: p. 1, note: n}}\n"
        )
    };
    let text = format!("---\n# works\nworks:\n{}{}concepts: []\n", item("a", 1999), item("b", 2000));
    let corpus = load_yaml(&text).unwrap();
    let got: Vec<(String, Option<String>, Option<String>)> = corpus
        .works()
        .iter()
        .map(|w| (w.key.to_string(), w.title.clone(), w.year.as_ref().map(ToString::to_string)))
        .collect();
    let want = |k: &str, y: &str| (k.to_string(), Some(format!("Title {k}: continued")), Some(y.to_string()));
    assert_eq!(got, [want("a", "1999"), want("b", "2000")]);
    // Items at column 0 under the key.
    let flush = text.replace("\n  ", "\n");
    assert_eq!(load_yaml(&flush).unwrap().works().len(), 2);
    // An unknown field in the second item: the error is placed in the whole file.
    let bad = text.replace("    year: 2000", "    colour: red");
    assert_eq!(
        load_yaml(&bad).unwrap_err().to_string(),
        "f.yaml:16:5: works[1]: unknown field `colour`, expected one of `key`, `type`, `authors`, `editors`, `contributors`, `year`, `title`, `container-title`, `collection-title`, `number`, `genre`, `edition`, `volume`, `issue`, `pages`, `publisher`, `place`, `url`, `doi`, `note`, `discipline`, `annotation`, `label`, `flags`, `repairs`, `raw`, `provenance`, `records`"
    );
    // Two `works:` sections: serde_yaml's duplicate-key error, as before.
    let twice = format!("{text}works:\n{}", item("c", 2001));
    assert!(load_yaml(&twice).unwrap_err().to_string().contains("duplicate"), "{:?}", load_yaml(&twice).err());
}

/// Found by the fuzzer (`bibtex`): entries on one line with one key, each warning naming
/// where the first was, located each from the line's start: quadratic. Each is in place.
#[test]
fn duplicate_keys_on_one_long_line_are_each_located() {
    let entry = "@misc{A, title={T}} ";
    let n = 20_000;
    let import = bibgraph::import::bibtex(entry.repeat(n).as_bytes(), "f.bib");
    assert_eq!((import.entries, import.works.len(), import.skipped), (n, 1, n - 1));
    let got: Vec<(u32, u32)> = import
        .diagnostics
        .iter()
        .filter(|d| d.code == "duplicate-key")
        .map(|d| d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)))
        .collect();
    // Each at its own key (`A`, column 7 of its entry).
    let want: Vec<(u32, u32)> = (1..n as u32).map(|i| (1, i * entry.len() as u32 + 7)).collect();
    assert!(got == want, "{} warnings, first {:?}", got.len(), got.first());
}
