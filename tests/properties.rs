//! Properties of the parsers on any input. The reference-list parser: no panic, every byte
//! accounted for, raw text preserved; one item per line in one-per-line mode. The citation
//! extractor and resolver: no panic, every citation located at its exact text, and the
//! `cites` edges it writes always load as a corpus file. The BibTeX and CSL-JSON
//! importers: any bytes, no panic and no deep recursion (they run on a small stack), every
//! entry either a work or skipped with a located diagnostic, and the file always loads as
//! a corpus.

use bibgraph::cites::{self, Status};
use bibgraph::read::{read_article, ReadOptions, Style};
use bibgraph::refparse::{parse_list, parse_reference, ParseOptions, SegmentKind};
use bibgraph::{Corpus, CorpusFile, Severity};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The number of cases: `PROPTEST_CASES` if set (for long runs), else `default`.
/// (`ProptestConfig::with_cases` alone would ignore the variable.)
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Text that looks like reference lists, damaged: names, years, punctuation, bullets,
/// emphasis, blank lines, non-ASCII.
fn listish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("- ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("  - ".to_string()),
        Just("Alba R and Nee V ".to_string()),
        Just("Glick Schiller N, Basch L and Blanc-Szanton C ".to_string()),
        Just("(2003) ".to_string()),
        Just("(eds) ".to_string()),
        Just("(2001a) ".to_string()),
        Just("Title: subtitle. ".to_string()),
        Just("*Journal* 22(2): 217–237. ".to_string()),
        Just("In: Foner N (ed.) ".to_string()),
        Just("InL ".to_string()),
        Just("Cambridge, MA: Harvard University Press, 3–36.".to_string()),
        Just("Available at: www.x.org/a b.pdf. ".to_string()),
        Just("technolo-".to_string()),
        Just("#### References".to_string()),
        Just("Vertovec Ś ".to_string()),
        Just("[12] ".to_string()),
        Just("Tche?coslovaques ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_accounting(input: &str) {
    let list = parse_list(input, "p.txt", &ParseOptions::default());
    let mut pos = 0;
    let mut entries_seen = 0;
    for seg in &list.segments {
        prop_assert_eq_std(seg.span.start, pos);
        let text = &input[seg.span.clone()];
        match seg.kind {
            SegmentKind::Entry(i) => {
                assert_eq!(i, entries_seen, "entries in order");
                entries_seen += 1;
                assert_eq!(list.references[i].work.raw.as_deref(), Some(text));
                assert_eq!(list.references[i].span, seg.span);
            }
            SegmentKind::Whitespace => assert!(text.chars().all(char::is_whitespace), "{text:?}"),
            SegmentKind::Marker => {
                assert!(text.chars().all(|c| c.is_whitespace() || "-*+•◆–·[]).0123456789".contains(c)), "{text:?}")
            }
            SegmentKind::Heading => assert!(text.trim_start().starts_with('#'), "{text:?}"),
        }
        pos = seg.span.end;
    }
    assert_eq!(pos, input.len(), "segments cover the whole input");
    assert_eq!(entries_seen, list.references.len());
}

fn prop_assert_eq_std(a: usize, b: usize) {
    assert_eq!(a, b, "segments must tile the input");
}

proptest! {
    // 512 cases by default; `PROPTEST_CASES=100000` for a long run.
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn any_listish_input_is_fully_accounted_for(input in listish()) {
        check_accounting(&input);
    }

    #[test]
    fn any_string_is_fully_accounted_for(input in "\\PC{0,300}") {
        check_accounting(&input);
    }

    #[test]
    fn one_per_line_gives_one_item_per_non_empty_line(lines in prop::collection::vec("[^\\n\\r]{0,80}", 0..20)) {
        let input = lines.join("\n");
        let list = parse_list(&input, "p.txt", &ParseOptions::default().one_per_line(true));
        // A byte-order mark (U+FEFF) at a line's start is no text.
        let expected: Vec<String> = input.lines().map(|l| l.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').trim_end()).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect();
        let got: Vec<String> = list.works().map(|w| w.raw.clone().unwrap_or_default()).collect();
        // Each item's raw text is its line, less any list marker and surrounding spaces.
        prop_assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            prop_assert!(e.ends_with(g.as_str()), "{:?} is not the end of {:?}", g, e);
        }
    }

    /// Issue 3's property, exactly: for any input line, no panic, one item, and the item's
    /// raw text equals the line. Lines are any text, or reference-like text with its line
    /// breaks removed; both the one-reference call and the one-per-line list give one item.
    #[test]
    fn any_line_gives_one_item_whose_raw_text_is_the_line(
        line in prop_oneof!["[^\\n\\r]{0,200}", listish().prop_map(|s| s.replace(['\n', '\r'], " "))]
    ) {
        let w = parse_reference(&line);
        prop_assert_eq!(w.raw.as_deref(), Some(line.as_str()));
        // As a list read one per line, the same line (without list marker or surrounding
        // spaces, which are markup) is one item with that raw text.
        let list = parse_list(&line, "p.txt", &ParseOptions::default().one_per_line(true));
        // A byte-order mark (U+FEFF) at the line's start is no text.
        let content = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').trim_end();
        if content.is_empty() || content.starts_with('#') {
            prop_assert_eq!(list.references.len(), 0);
        } else {
            prop_assert_eq!(list.references.len(), 1, "{:?}", line);
            let raw = list.references[0].work.raw.as_deref().unwrap();
            prop_assert!(content.ends_with(raw), "{:?} is not the end of {:?}", raw, content);
            let marker = &content[..content.len() - raw.len()];
            prop_assert!(marker.chars().all(|c| c.is_whitespace() || "-*+•◆–·[]).0123456789".contains(c)), "{:?}", marker);
        }
    }

    #[test]
    fn parse_reference_keeps_its_input(line in "\\PC{0,200}") {
        let w = parse_reference(&line);
        prop_assert_eq!(w.raw.as_deref(), Some(line.as_str()));
        prop_assert!(bibgraph::model::WorkKey::is_valid(w.key.as_str()), "{}", w.key);
    }
}

/// Regression: garbage lines between entries stay inside the entry they follow and are
/// flagged there; the entries after them are still read.
#[test]
fn garbage_between_entries_is_kept_and_flagged() {
    let input = "- Jessup P (1956) *Transnational Law*. New Haven, CT: Yale University Press.\n%%%% ~~~~ 12 ^^\n- Aron R (1966) *Peace and War*. Garden City, NY: Doubleday.\n";
    let list = parse_list(input, "g.txt", &ParseOptions::default());
    let keys: Vec<&str> = list.works().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["jessup1956", "aron1966"]);
    let jessup = &list.references[0].work;
    assert!(jessup.raw.as_deref().unwrap().ends_with("%%%% ~~~~ 12 ^^"));
    let kinds: Vec<&str> = jessup.flags.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, ["suspect-field"]);
    assert_eq!(list.references[1].work.publisher.as_deref(), Some("Doubleday"));
}

/// Regression: a list whose entries have no readable head (no year in parentheses) used
/// to merge into one entry; each bulleted line is now its own item, read as names and
/// title with no year, and flagged so.
#[test]
fn unreadable_bulleted_entries_stay_separate() {
    let input = "- Smith, J. A title with no year. Publisher.\n- Jones, K. Another, undated. Press.\n";
    let list = parse_list(input, "u.txt", &ParseOptions::default());
    let raws: Vec<&str> = list.works().map(|w| w.raw.as_deref().unwrap()).collect();
    assert_eq!(raws, ["Smith, J. A title with no year. Publisher.", "Jones, K. Another, undated. Press."]);
    assert!(list.works().all(|w| w.year.is_none() && w.flags.iter().any(|f| f.kind == "no-year")));
    let families: Vec<Vec<String>> = list.works().map(|w| w.family_names()).collect();
    assert_eq!(families, [["Smith"], ["Jones"]]);
}

/// Regression: in one-per-line mode a line holding only a bullet gave no item.
#[test]
fn one_per_line_keeps_a_bullet_only_line() {
    let list = parse_list(
        "* \nAron R (1966) Peace and War. Garden City, NY: Doubleday.\n",
        "b.txt",
        &ParseOptions::default().one_per_line(true),
    );
    let raws: Vec<&str> = list.works().map(|w| w.raw.as_deref().unwrap()).collect();
    assert_eq!(raws, ["*", "Aron R (1966) Peace and War. Garden City, NY: Doubleday."]);
}

/// Text that looks like an article: prose, citations whole and broken, headings, page
/// breaks, emphasis, non-ASCII.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("(Portes et al., 1999: 219)".to_string()),
        Just("Levitt and Waters (2002) ".to_string()),
        Just("Bourne argued (1916: 93)".to_string()),
        Just("(Vertovec, ".to_string()),
        Just("(Itzigsohn and Villacres, 2008; Waldinger et al., 2007)".to_string()),
        Just("; ".to_string()),
        Just(", ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("#### ".to_string()),
        Just("# References\n".to_string()),
        Just("#\n".to_string()),
        Just("Glick Schiller ".to_string()),
        Just("et al. ".to_string()),
        Just("2001a".to_string()),
        Just(": 124-5".to_string()),
        Just(", p. ".to_string()),
        Just("*".to_string()),
        Just("'".to_string()),
        Just("\u{2019}s ".to_string()),
        Just("Ostegaard-Nielsen ".to_string()),
        Just("UN Development Program ".to_string()),
        Just("n.d.".to_string()),
        Just("(Waldinger, n.d.)".to_string()),
        Just("[Hall 1980, 11, 13]".to_string()),
        Just("[Lee et al. 2010]; [Ong 2002]".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("[3, 7-9]".to_string()),
        Just("[@hall1980, p. 33]".to_string()),
        Just("@ong1982 [p. 12]".to_string()),
        Just("[see @a; -@b]".to_string()),
        Just("Ibid., 45".to_string()),
        Just("Hall, op. cit., 12".to_string()),
        Just("Hall's 1980 essay".to_string()),
        Just("a 1997 article".to_string()),
        Just("(Hall, Encoding 11)".to_string()),
        Just("Notes\n\n[1] ".to_string()),
        Just("Works Cited\n\nHall 1980 Hall, Stuart. Encoding. London: Hutchinson, 1980.\n\n".to_string()),
        Just("———. ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..50).prop_map(|v| v.concat())
}

/// `bibgraph read` on any text: no panic, every citation's span inside the text on char
/// boundaries, its text the span's, every summary and corpus view built.
fn check_read(input: &str) {
    for hint in [None, Some(Style::Numbered), Some(Style::AuthorPage)] {
        let a = read_article(input, "p.txt", &ReadOptions::default().style_hint(hint));
        for c in &a.citations {
            let s = &c.citation.span;
            assert!(s.start <= s.end && s.end <= input.len(), "{s:?}");
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end), "{s:?}");
            assert_eq!(input[s.clone()].split_whitespace().collect::<Vec<_>>().join(" "), c.citation.text);
        }
        let _ = a.summary_text();
        let _ = a.cites_yaml();
    }
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::builtin().unwrap())
}

fn check_citations(input: &str) {
    let corpus = corpus();
    let report = cites::check(corpus, input, "p.md");
    for rc in &report.citations {
        let (c, r) = (&rc.citation, &rc.resolution);
        assert!(input.is_char_boundary(c.span.start) && input.is_char_boundary(c.span.end), "{:?}", c.span);
        assert_eq!(input[c.span.clone()].split_whitespace().collect::<Vec<_>>().join(" "), c.text);
        let before = &input[..c.span.start];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() as u32 + 1;
        assert_eq!((c.line, c.column), (line, column), "{:?}", c.text);
        assert_eq!(r.work.is_some(), matches!(r.status, Status::Exact | Status::Tolerant), "{r:?}");
        assert_eq!(c.is_truncated(), r.status == Status::Truncated);
        assert!(c.section.is_none_or(|s| s < report.sections.len()));
        assert!(r.status == Status::Exact || r.problem().is_some(), "a non-exact citation says why: {r:?}");
    }
    let _ = report.text(corpus);
    let _ = report.view();
    let yaml = report.corpus_yaml(corpus.meta().source.as_ref().unwrap());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/waldinger-2011");
    let mut files: Vec<CorpusFile> = ["corpus.yaml", "references.txt", "works.yaml"]
        .iter()
        .map(|f| CorpusFile::new(*f, std::fs::read_to_string(dir.join(f)).unwrap()))
        .collect();
    files.push(CorpusFile::new("cites.yaml", yaml.clone()));
    let loaded = Corpus::from_files(files).unwrap_or_else(|e| panic!("{e}: {:?}\n{yaml}", e.diagnostics()));
    let source = corpus.meta().source.as_ref().unwrap();
    let stored = report.citations.iter().filter(|c| c.resolution.work.as_ref().is_some_and(|w| w != source)).count();
    assert_eq!(loaded.edges().len(), stored);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn reading_any_articleish_text_never_panics_and_spans_lie_inside(input in articleish()) {
        check_read(&input);
    }

    #[test]
    fn reading_any_text_never_panics_and_spans_lie_inside(input in "\\PC{0,400}") {
        check_read(&input);
    }

    #[test]
    fn citations_of_any_text_are_located_and_never_panic(input in "\\PC{0,400}") {
        check_citations(&input);
    }

    #[test]
    fn citations_of_articleish_text_are_located_and_stored_as_loadable_edges(input in articleish()) {
        check_citations(&input);
    }
}

/// The stream gives the same works, at the same places, as the whole-list parser, for a
/// list many chunks long (checks across entries aside).
#[test]
fn the_stream_reads_what_the_whole_list_reads() {
    let one = include_str!("../corpus/waldinger-2011/references.txt");
    let input: String = (0..12).map(|_| one).collect();
    let whole = parse_list(&input, "s.txt", &ParseOptions::default());
    let streamed: Vec<bibgraph::refparse::Reference> =
        bibgraph::refparse::ReferenceStream::new(input.as_bytes(), "s.txt", ParseOptions::default())
            .collect::<Result<_, _>>()
            .unwrap();
    assert_eq!(streamed.len(), whole.references.len());
    assert_eq!(streamed.len(), 66 * 12);
    for (s, w) in streamed.iter().zip(&whole.references) {
        assert_eq!(s.span, w.span);
        assert_eq!(s.work.raw, w.work.raw);
        assert_eq!(s.work.origin, w.work.origin);
        assert_eq!(
            (&s.work.title, &s.work.authors, &s.work.container_title),
            (&w.work.title, &w.work.authors, &w.work.container_title)
        );
    }
}

/// Bytes that look like BibTeX, damaged: entry starts, braces, quotes, commas, macros,
/// concatenation, crossrefs, TeX, comments, invalid UTF-8, anything.
fn bibish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"@article{".to_vec()),
        Just(b"@string{".to_vec()),
        Just(b"@preamble{".to_vec()),
        Just(b"@comment{".to_vec()),
        Just(b"@Book(".to_vec()),
        Just(b"\n@misc{".to_vec()),
        Just(b"Key:1,".to_vec()),
        Just(b"k,".to_vec()),
        Just(b" title = ".to_vec()),
        Just(b"author = {A and B, C}".to_vec()),
        Just(b"crossref = {k}".to_vec()),
        Just(b"xdata = {k,Key:1}".to_vec()),
        Just(b"year = 1999".to_vec()),
        Just(b"month = jan".to_vec()),
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b" # ".to_vec()),
        Just(b"=".to_vec()),
        Just(b")".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"%".to_vec()),
        Just(b"\\'{e}\\".to_vec()),
        Just(b"$x^2".to_vec()),
        Just(b"--".to_vec()),
        Just(b"\xff\xc3".to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Runs `f` on a thread with a 256 KiB stack: deep recursion would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 * 1024).spawn(f).expect("a thread").join().expect("no panic")
}

fn check_import(bytes: Vec<u8>, csl: bool) {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let (import, corpus) = on_small_stack(move || {
        let import =
            if csl { bibgraph::import::csl_json(&bytes, "p.json") } else { bibgraph::import::bibtex(&bytes, "p.bib") };
        let name = if csl { "p.json" } else { "p.bib" };
        let corpus = Corpus::from_files([CorpusFile::from_bytes(name, bytes)]).map(|c| c.works().len());
        (import, corpus)
    });
    assert_eq!(import.entries, import.works.len() + import.skipped);
    // A file that cannot be decoded at all (UTF-16 with a lone surrogate) is one located
    // error, and the corpus refuses it with the same words; anything else loads.
    match import.diagnostics.iter().find(|d| d.code == "encoding" && d.severity == Severity::Error) {
        Some(d) => {
            let err = corpus.expect_err("an undecodable file is refused");
            assert!(err.to_string().contains(&d.message), "{err} / {d}");
            assert!(import.works.is_empty());
        }
        None => assert_eq!(corpus.expect("an imported file always loads"), import.works.len()),
    }
    let skipped = import.diagnostics.iter().filter(|d| d.message.ends_with("skipped")).count();
    assert!(skipped >= import.skipped, "{} skipped, {skipped} say so", import.skipped);
    for d in &import.diagnostics {
        let at = d.location.as_ref().expect("every diagnostic is located");
        assert!(at.line >= 1 && at.line <= lines && at.column >= 1, "{d}");
        // Only what lies outside every entry names none: a stray brace before the first
        // entry, a file that is not JSON at all, a file whose encoding cannot be decoded.
        assert!(
            d.subject.is_some()
                || matches!(d.code.as_str(), "stray-brace" | "json-syntax" | "invalid-utf8" | "encoding"),
            "{d}"
        );
    }
    let mut keys = std::collections::HashSet::new();
    for w in &import.works {
        assert!(bibgraph::model::WorkKey::is_valid(w.key.as_str()), "{}", w.key);
        assert!(keys.insert(w.key.clone()), "duplicate key {}", w.key);
        assert_eq!(w.records.len(), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn any_bibish_bytes_import_without_panic_or_deep_recursion(bytes in bibish()) {
        check_import(bytes, false);
    }

    #[test]
    fn any_bytes_import_as_bibtex(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_import(bytes, false);
    }

    #[test]
    fn any_bytes_import_as_csl_json(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_import(bytes, true);
    }

    #[test]
    fn jsonish_bytes_import_as_csl_json(pieces in prop::collection::vec(prop_oneof![
        Just("["), Just("]"), Just("{"), Just("}"), Just(","), Just("\"id\": "), Just("\"a\""), Just("\"b\\\"\""),
        Just("\"author\": [{\"family\": \"X\"}]"), Just("\"issued\": {\"date-parts\": [[1999]]}"), Just("1"), Just(":"),
    ], 0..40)) {
        check_import(pieces.concat().into_bytes(), true);
    }
}

#[test]
fn deep_nesting_never_recurses() {
    let n = 200_000;
    let deep = |open: &str, close: &str| {
        let mut s = b"@article{k, title = ".to_vec();
        s.extend(open.repeat(n).bytes());
        s.extend(b"x");
        s.extend(close.repeat(n).bytes());
        s.extend(b", year = 1999}\n@book{ok, title = {Fine}}\n");
        s
    };
    for bytes in [deep("{", "}"), deep("{\\x{", "}}"), deep("{", ""), deep("\"{", "}\""), deep("", "}")] {
        check_import(bytes, false);
    }
    let mut json = "[".repeat(n).into_bytes();
    json.extend("]".repeat(n).bytes());
    check_import(json, true);
}
