//! Exports of the whole corpus: written, read back, and compared field by field; and
//! stable from run to run.

use bibgraph::export::{self, biblatex};
use bibgraph::model::Work;
use bibgraph::{csl, Corpus, CorpusFile};

fn corpus() -> Corpus {
    Corpus::builtin().unwrap()
}

/// A work without where it was read from, which an export does not carry.
fn placeless(w: &Work) -> Work {
    Work { origin: None, ..w.clone() }
}

/// Compares every work, field by field, so that a failure names the work and the field.
fn assert_same_works(original: &[Work], back: &[Work]) {
    assert_eq!(back.len(), original.len());
    for (a, b) in original.iter().zip(back) {
        let (a, b) = (placeless(a), placeless(b));
        let (ja, jb) = (serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap());
        for (field, value) in ja.as_object().unwrap() {
            assert_eq!(jb.get(field), Some(value), "{}: field `{field}` changed", a.key);
        }
        for field in jb.as_object().unwrap().keys() {
            assert!(ja.get(field).is_some(), "{}: field `{field}` appeared", a.key);
        }
        assert_eq!(a, b);
    }
}

#[test]
fn biblatex_round_trips_every_field_of_every_work() {
    let c = corpus();
    let bib = biblatex::to_biblatex(c.works());
    let back = biblatex::from_biblatex(&bib, "corpus.bib").unwrap();
    assert_eq!(back.len(), 69);
    assert_same_works(c.works(), &back);
    // The fields that must be there, for the works that have them.
    let flagged = c.works().iter().filter(|w| !w.flags.is_empty()).count();
    let repaired = c.works().iter().filter(|w| !w.repairs.is_empty()).count();
    assert!(flagged > 10 && repaired > 10, "{flagged} flagged, {repaired} repaired");
}

#[test]
fn biblatex_entries_use_the_standard_fields() {
    let c = corpus();
    let bib = biblatex::to_biblatex([c.work("burgess2005").unwrap(), c.work("pnud2005").unwrap()]);
    let expected = concat!(
        "@incollection{burgess2005,\n",
        "author = {Burgess, K.},\n",
        "booktitle = {New Patterns for Mexico: Observations on Remittances, Philanthropic Giving, and Equitable Development},\n",
        "date = {2005},\n",
        "editor = {Merz, B.},\n",
        "location = {Cambridge, MA},\n",
        "publisher = {Harvard University Press},\n",
        "title = {Migrant philanthropy and local governance},\n",
        "verba = {\"Burgess K (2005) Migrant philanthropy and local governance. In: Merz B (ed.) New Patterns for Mexico: Observations on Remittances, Philanthropic Giving, and Equitable Development. Cambridge, MA: Harvard University Press.\"},\n",
        // Bare initials are written with their periods; `verbb` says so, for reading back.
        "verbb = {\\{\"initials-dotted\":true\\}},\n",
        "}\n",
        "\n",
        "@book{pnud2005,\n",
        "author = {{PNUD (Programa de las Naciones Unidas para el Desarollo)}},\n",
        "date = {2005},\n",
        "location = {San Salvador},\n",
        "publisher = {PNUD},\n",
        "title = {Informe sobre el Desarollo Humano 2005: Una mirada al Nuevo nosotros, el impacto de las migraciones},\n",
        "verba = {\"PNUD (Programa de las Naciones Unidas para el Desarollo). (2005) Informe sobre el Desarollo Humano 2005: Una mirada al Nuevo nosotros, el impacto de las migraciones. San Salvador: PNUD.\"},\n",
        "}\n",
    );
    assert_eq!(bib, expected);
}

/// A value the `biblatex` crate would change on reading (`--`, `~`, runs of spaces,
/// line breaks) and an article's series number, for which BibLaTeX has no field, come
/// back exact.
#[test]
fn biblatex_keeps_what_the_format_cannot_hold() {
    let mut w = placeless(corpus().work("bourne1916").unwrap());
    w.title = Some("Trans--national  America ~ 1916\nagain".into());
    w.number = Some("7".into());
    w.raw = Some("raw -- text\n\n  with  breaks".into());
    let back = biblatex::from_biblatex(&biblatex::to_biblatex([&w]), "x.bib").unwrap();
    assert_same_works(std::slice::from_ref(&w), &back);
}

#[test]
fn biblatex_from_other_tools_is_read_with_aliases() {
    let bib = "@article{smith2001, author = {Smith, John and {World Bank}}, journal = {Journal}, year = {2001}, number = {4}, volume = {2}, pages = {1--9}, address = {Paris}}\n@misc{x, title = {Untyped}}";
    let works = biblatex::from_biblatex(bib, "other.bib").unwrap();
    let w = &works[0];
    assert_eq!(w.kind.as_str(), "article-journal");
    assert_eq!(w.authors[1], bibgraph::model::Name::literal("World Bank"));
    assert_eq!(w.authors[0].given(), Some("John"));
    assert_eq!(
        (w.container_title.as_deref(), w.issue.as_deref(), w.volume.as_deref()),
        (Some("Journal"), Some("4"), Some("2"))
    );
    assert_eq!(w.year.as_ref().map(|y| y.cited()), Some("2001".into()));
    assert_eq!(w.pages.as_deref(), Some("1–9"));
    assert_eq!(w.place.as_deref(), Some("Paris"));
    assert_eq!(works[1].kind.as_str(), "document");
    let err = biblatex::from_biblatex("@book{a, title = {x}\n@book{", "bad.bib").unwrap_err();
    assert_eq!(err.kind(), bibgraph::ErrorKind::Syntax);
    assert_eq!(err.location().map(|l| l.file.to_string()), Some("bad.bib".into()));
}

#[test]
fn csl_json_round_trips_every_field_of_every_work() {
    let c = corpus();
    let json = export::csl_json(c.works()).unwrap();
    let back = csl::from_csl_str(&json).unwrap();
    assert_same_works(c.works(), &back);
}

#[test]
fn csl_json_reads_dates_names_and_types_from_other_tools() {
    let json = r#"[{"id": "a", "type": "chapter", "author": [{"family": "Pérez", "given": "Ana", "non-dropping-particle": "de"}],
        "issued": {"date-parts": [["2005", 3]]}, "original-date": {"date-parts": [[1956]]}, "title": "T"},
        {"id": "b", "issued": {"literal": "in press"}}]"#;
    let works = csl::from_csl_str(json).unwrap();
    assert_eq!(works[0].year.as_ref().unwrap().to_string(), "1956/2005, March");
    assert_eq!(works[0].authors[0].family_or_literal(), "de Pérez");
    assert_eq!(works[1].year.as_ref().unwrap().cited(), "in press");
    assert_eq!(works[1].kind.as_str(), "document");
    let err = csl::from_csl_str(r#"[{"id": "c", "author": [{"given": "X"}]}]"#).unwrap_err();
    assert_eq!(err.to_string(), "csl-json item `c`: a name has neither `family` nor `literal`: {\"given\":\"X\"}");
}

#[test]
fn yaml_export_loads_back_as_the_same_works() {
    let c = corpus();
    let yaml = export::yaml::to_corpus_yaml(c.works()).unwrap();
    let again = Corpus::from_files([CorpusFile::new("exported.yaml", yaml)]).unwrap();
    assert_same_works(c.works(), again.works());
}

#[test]
fn a_yaml_work_needs_provenance_unless_it_keeps_its_raw_text() {
    let err = Corpus::from_files([CorpusFile::new(
        "w.yaml",
        "works:\n  - key: a2000\n    type: book\n    title: A\n  - key: b2000\n    type: book\n    raw: B (2000) B.\n",
    )])
    .unwrap_err();
    let all: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        ["error[no-provenance]: work `a2000` has no `provenance` (and no `raw` text it was read from) at w.yaml:2:10 (in `a2000`)"]
    );
}

#[test]
fn exports_are_byte_identical_from_run_to_run() {
    let (a, b) = (corpus(), corpus());
    assert_eq!(biblatex::to_biblatex(a.works()), biblatex::to_biblatex(b.works()));
    assert_eq!(export::csl_json(a.works()).unwrap(), export::csl_json(b.works()).unwrap());
    assert_eq!(export::yaml::to_corpus_yaml(a.works()).unwrap(), export::yaml::to_corpus_yaml(b.works()).unwrap());
    // Keys are the works' keys, in corpus order.
    let keys: Vec<String> = biblatex::from_biblatex(&biblatex::to_biblatex(a.works()), "x")
        .unwrap()
        .into_iter()
        .map(|w| w.key.to_string())
        .collect();
    let expected: Vec<String> = a.works().iter().map(|w| w.key.to_string()).collect();
    assert_eq!(keys, expected);
}

/// A film as APA lists it: producers and a director, no author. Its roles reach CSL-JSON as
/// `producer` and `director`, BibLaTeX as `editora`/`editoratype`, and come back.
#[test]
fn roles_other_than_author_round_trip() {
    let line = "Wallis, H. B., Blanke, H., Ford, J. (Producers), & Curtiz, M. (Director). (1942). \
                Casablanca [Film]. Warner Bros.";
    let work = bibgraph::refparse::parse_reference(line);
    let roles: Vec<(&str, Vec<String>)> = work
        .contributors
        .iter()
        .map(|c| (c.role.as_str(), c.names.iter().map(|n| n.family().to_string()).collect()))
        .collect();
    assert_eq!(
        roles,
        [("director", vec!["Curtiz".to_string()]), ("producer", vec!["Wallis".into(), "Blanke".into(), "Ford".into()])]
    );
    assert!(work.authors.is_empty());
    assert_eq!(work.citation(), "Curtiz 1942");
    let csl_item = csl::to_csl(&work);
    assert_eq!(csl_item["director"][0]["family"], "Curtiz");
    assert_eq!(csl_item["producer"][2]["family"], "Ford");
    let back = csl::from_csl(&csl_item).unwrap();
    assert_eq!(back.contributors, work.contributors);
    let bib = biblatex::to_biblatex([&work]);
    assert!(bib.contains("editoratype = {director}") && bib.contains("editorbtype = {producer}"), "{bib}");
    let back = biblatex::from_biblatex(&bib, "film.bib").unwrap();
    assert_eq!(back[0].contributors, work.contributors);
}
