//! The drafter (`bibgraph::draft`): one hand-written passage per cue (positive, negated,
//! hedged), grouping of variants, the drafted corpus round trip (load, `check` listing,
//! lineage, review by removing the mark), a property test that every quote is verbatim, and
//! (ignored without `../shared`) the figures on the built-in article and the annotated DHQ
//! articles.

use bibgraph::draft::{self, Article, Cited, Drafts};
use bibgraph::model::{Relation, SenseKind, WorkKey};
use proptest::prelude::*;

mod common;
use common::drafts_gold;

/// Citations found by their text: every occurrence of each `(text, key, year)`.
fn cite(text: &str, works: &[(&str, &str, i32)]) -> Vec<Cited> {
    let mut out = Vec::new();
    for &(at, key, year) in works {
        let names = vec![at.split([' ', '(', ',']).next().unwrap_or("").to_string()];
        let mut from = 0;
        while let Some(p) = text[from..].find(at) {
            let start = from + p;
            out.push(Cited {
                span: start..start + at.len(),
                work: WorkKey::new(key),
                year: Some(year),
                locator: None,
                names: names.clone(),
            });
            from = start + at.len();
        }
    }
    out
}

fn run(text: &str, works: &[(&str, &str, i32)]) -> Drafts {
    let cited = cite(text, works);
    draft::draft(&Article::new(text, WorkKey::new("article"), &cited))
}

fn sense_of<'a>(d: &'a Drafts, label: &str, work: &str) -> Option<&'a draft::DraftSense> {
    d.concepts
        .iter()
        .filter(|c| c.label == label || c.alt_labels.iter().any(|a| a == label))
        .flat_map(|c| c.senses.iter())
        .find(|s| s.work.as_str() == work)
}

fn kind_of(d: &Drafts, label: &str, work: &str) -> Option<SenseKind> {
    sense_of(d, label, work).map(|s| s.kind)
}

fn attested(d: &Drafts) -> Vec<(String, String, Relation)> {
    d.links.iter().filter(|l| l.attested).map(|l| (l.from.to_string(), l.to.to_string(), l.relation)).collect()
}

const A: (&str, &str, i32) = ("Arendt (1958)", "arendt1958", 1958);
const B: (&str, &str, i32) = ("Benhabib (1992)", "benhabib1992", 1992);

#[test]
fn coined_names_the_term() {
    let d = run("Arendt (1958) coined the term 'natality' for the capacity to begin anew.", &[A]);
    assert_eq!(kind_of(&d, "natality", "arendt1958"), Some(SenseKind::Names));
}

#[test]
fn notion_concept_and_idea_of_introduce_terms() {
    for cue in ["the notion of", "the concept of", "the idea of"] {
        let text = format!("Benhabib (1992) revisits {cue} 'interactive universalism' in ethics.");
        let d = run(&text, &[B]);
        assert!(sense_of(&d, "interactive universalism", "benhabib1992").is_some(), "{cue}: {:?}", d.concepts);
    }
}

#[test]
fn what_a_calls_names_the_term() {
    let d = run("This is what Arendt (1958) calls 'the space of appearance', a public realm.", &[A]);
    assert_eq!(kind_of(&d, "space of appearance", "arendt1958"), Some(SenseKind::Names));
}

#[test]
fn defined_as_and_refers_to_define() {
    let d = run("The 'vita activa', defined as labour, work and action, is central (Arendt (1958)).", &[A]);
    assert_eq!(kind_of(&d, "vita activa", "arendt1958"), Some(SenseKind::Defines));
    let d = run("For Benhabib (1992), 'enlarged thought' refers to judging from the standpoint of others.", &[B]);
    assert_eq!(kind_of(&d, "enlarged thought", "benhabib1992"), Some(SenseKind::Defines));
    let d = run(
        "Arendt (1958: 52) defines 'plurality' as the condition of human action.",
        &[("Arendt (1958: 52)", "arendt1958", 1958)],
    );
    assert_eq!(kind_of(&d, "plurality", "arendt1958"), Some(SenseKind::Defines));
}

#[test]
fn the_article_defines_its_own_terms() {
    let d = run("By 'thin citizenship' I mean membership without participation.", &[]);
    assert_eq!(kind_of(&d, "thin citizenship", "article"), Some(SenseKind::Defines));
    let d = run("I use 'civic drift' to mean the slow loss of public life.", &[]);
    assert_eq!(kind_of(&d, "civic drift", "article"), Some(SenseKind::Defines));
}

#[test]
fn the_term_and_a_quoted_term_next_to_a_citation_are_used() {
    let d = run("Later debates took up the term 'public sphere' (Benhabib (1992)).", &[B]);
    assert!(sense_of(&d, "public sphere", "benhabib1992").is_some(), "{:?}", d.concepts);
    let d = run("Arendt (1958) writes of 'worldlessness' in modern mass society.", &[A]);
    assert_eq!(kind_of(&d, "worldlessness", "arendt1958"), Some(SenseKind::Uses));
}

#[test]
fn criticised_terms_are_critiques() {
    let d = run("Benhabib (1992) criticised the 'unencumbered self' of liberal theory.", &[B]);
    assert_eq!(kind_of(&d, "unencumbered self", "benhabib1992"), Some(SenseKind::Critiques));
}

#[test]
fn variants_group_into_one_concept() {
    let text = "Arendt (1958) speaks of the 'transnational'. Later, Benhabib (1992) calls it 'transnationalism'. \
                The 'trans-state' view (Arendt (1958)) differs from the 'trans-statal' one (Benhabib (1992)).";
    let d = run(text, &[A, B]);
    let trans = d.concepts.iter().filter(|c| c.label.starts_with("transnational")).count();
    assert_eq!(trans, 1, "{:?}", d.concepts.iter().map(|c| (&c.label, &c.alt_labels)).collect::<Vec<_>>());
    let state = d.concepts.iter().find(|c| c.label.starts_with("trans-stat")).expect("trans-state drafted");
    assert_eq!(state.alt_labels.len(), 1, "{:?}", state.alt_labels);
}

#[test]
fn lineage_cues_give_attested_links() {
    let cases = [
        ("drew on", Relation::Influence),
        ("built on", Relation::Influence),
        ("borrowed from", Relation::Influence),
        ("picked up", Relation::Influence),
        ("responded to", Relation::Influence),
        ("refined", Relation::Refinement),
        ("extended", Relation::Refinement),
        ("challenged", Relation::Critique),
        ("criticised", Relation::Critique),
        ("rejected", Relation::Critique),
    ];
    for (cue, relation) in cases {
        let text = format!("Benhabib (1992) {cue} Arendt (1958) in her account of judgement.");
        let d = run(&text, &[A, B]);
        assert_eq!(attested(&d), [("arendt1958".to_string(), "benhabib1992".to_string(), relation)], "{cue}");
    }
    let d = run("Following Arendt (1958), Benhabib (1992) recast judgement.", &[A, B]);
    assert_eq!(attested(&d), [("arendt1958".to_string(), "benhabib1992".to_string(), Relation::Influence)]);
}

#[test]
fn negated_and_hedged_links_are_withheld() {
    let texts = [
        "Benhabib (1992) was not influenced by Arendt (1958) in this respect.",
        "Benhabib (1992) never drew on Arendt (1958) for it.",
        "Benhabib (1992) reached the idea independently of Arendt (1958), and built on other sources.",
        "It is unclear whether Benhabib (1992) drew on Arendt (1958) here.",
        "Benhabib (1992) may have borrowed from Arendt (1958), perhaps.",
    ];
    for text in texts {
        let d = run(text, &[A, B]);
        assert!(attested(&d).is_empty(), "{text}: {:?}", attested(&d));
        assert!(!d.withheld.is_empty(), "{text}: the denied statement is reported as withheld");
    }
}

/// Influence told with a pronoun, a possessive or an unnamed group: the antecedent
/// resolver gives the link; a denial or a hedge still withholds it.
#[test]
fn links_through_pronouns_possessives_and_unnamed_groups() {
    let want = [("arendt1958".to_string(), "benhabib1992".to_string(), Relation::Influence)];
    let positive = [
        // A possessive after the cue: the work named before it; an unnamed group as the
        // subject: the work that opens the next sentence.
        "Arendt (1958) wrote of 'natality', and other scholars soon picked up her idea. Benhabib (1992) recast it.",
        // A subject pronoun: the subject of the previous sentence.
        "Benhabib (1992) studied judgement in the polis. She drew on Arendt (1958) throughout.",
        // A demonstrative phrase after the cue.
        "Arendt (1958) wrote of 'natality'. Benhabib (1992) built on this idea in her own account.",
    ];
    for text in positive {
        let d = run(text, &[A, B]);
        assert_eq!(attested(&d), want, "{text}");
        let l = d.links.iter().find(|l| l.attested).unwrap();
        assert_eq!(&text[l.evidence.span.clone()], l.evidence.quote);
    }
    let denied = [
        "Arendt (1958) wrote of 'natality', but other scholars never picked up her idea. Benhabib (1992) recast it.",
        "Arendt (1958) wrote of 'natality'; it is unclear whether other scholars picked up her idea. Benhabib (1992) recast it.",
        "Benhabib (1992) studied judgement in the polis. She was not influenced by Arendt (1958) there.",
    ];
    for text in denied {
        let d = run(text, &[A, B]);
        assert!(attested(&d).is_empty(), "{text}: {:?}", attested(&d));
        assert!(!d.withheld.is_empty(), "{text}: the denied statement is reported as withheld");
    }
    // An unnamed group with no work opening the next sentence stays unresolved.
    let d = run(
        "Arendt (1958) wrote of 'natality', and other scholars picked up her idea. Many years later, it seems, Benhabib (1992) did too.",
        &[A, B],
    );
    assert!(attested(&d).is_empty(), "{:?}", attested(&d));
}

#[test]
fn succession_only_by_year_when_no_influence_is_stated() {
    let text = "Arendt (1958) wrote of 'natality'. Much later Benhabib (1992) discussed 'natality' again.";
    let d = run(text, &[A, B]);
    let l = d
        .links
        .iter()
        .find(|l| l.from.as_str() == "arendt1958" && l.to.as_str() == "benhabib1992")
        .expect("succession");
    assert_eq!(l.relation, Relation::Succession);
    assert!(!l.attested);
}

#[test]
fn contrasts_are_drafted_between_concepts() {
    let text = "Arendt (1958) sets 'labour' as opposed to 'work' in the human condition. Benhabib (1992) revisits 'labour' and 'work'.";
    let d = run(text, &[A, B]);
    let labour = d.concepts.iter().find(|c| c.label == "labour").expect("labour");
    assert!(
        labour.relations.iter().any(|r| r.relation == Relation::Contrasts && r.concept == "work"),
        "{:?}",
        labour.relations
    );
}

#[test]
fn kinds_and_related_terms_are_drafted() {
    let text = "Arendt (1958) treats 'natality' as a kind of 'plurality'. Benhabib (1992) finds 'natality' akin to 'plurality' and 'worldlessness'.";
    let d = run(text, &[A, B]);
    let natality = d.concepts.iter().find(|c| c.label == "natality").expect("natality");
    assert!(
        natality.relations.iter().any(|r| r.relation == Relation::Broader && r.concept == "plurality"),
        "{:?}",
        natality.relations
    );
    let d = run("Benhabib (1992) finds 'natality' akin to 'plurality' in the human condition.", &[B]);
    let natality = d.concepts.iter().find(|c| c.label == "natality").expect("natality");
    assert!(
        natality.relations.iter().any(|r| r.relation == Relation::Related && r.concept == "plurality"),
        "{:?}",
        natality.relations
    );
}

/// A drafted corpus loads, `check` lists its drafts, lineage runs on it and shows the
/// mark, and removing the mark makes a reviewed claim.
#[test]
fn drafted_corpus_round_trip() {
    let corpus = bibgraph::Corpus::builtin().unwrap();
    let text = "Portes et al. (1999) built on Portes (1997) when they defined 'transnationalism' narrowly. \
                Later, Levitt (2001a) used 'transnationalism' too.";
    let report = bibgraph::cites::check(&corpus, text, "t.md");
    let cited = draft::from_report(&corpus, &report);
    let drafts = draft::draft(&Article::new(text, WorkKey::new("waldinger-sociopedia"), &cited));
    assert!(
        attested(&drafts).contains(&("portes1997".into(), "portes-etal1999".into(), Relation::Influence)),
        "{:?}",
        drafts.links
    );
    let (concepts, lineage) = draft::write(&drafts).unwrap();
    let dir = std::env::temp_dir().join(format!("bibgraph-drafts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("corpus.yaml"), "id: t\nsource: waldinger-sociopedia\n").unwrap();
    std::fs::write(dir.join("works.yaml"), bibgraph::export::yaml::to_corpus_yaml(corpus.works()).unwrap()).unwrap();
    std::fs::write(dir.join("concepts.yaml"), &concepts).unwrap();
    std::fs::write(dir.join("lineage.yaml"), &lineage).unwrap();
    let drafted = bibgraph::Corpus::load(&dir).unwrap();
    let items = bibgraph::render::drafted_items(&drafted);
    assert!(
        items.iter().any(|i| i.kind == "edge" && i.item.contains("portes1997 influence portes-etal1999")),
        "{items:?}"
    );
    assert!(items.iter().any(|i| i.kind == "concept"));
    let check = bibgraph::render::CheckReport::new(&drafted).text(false);
    assert!(check.contains("drafted items to review"), "{check}");
    let l = drafted.lineage("portes1997", "portes-etal1999", &Default::default()).unwrap();
    assert!(l.links[0].drafted.is_some());
    assert!(bibgraph::render::lineage_text(&drafted, &l).contains("drafted by bibgraph"));
    // Review: delete the edges' marks.
    let reviewed: String = lineage
        .lines()
        .filter(|line| {
            !line.trim_start().starts_with("drafted:")
                && !line.starts_with("    by:")
                && !line.starts_with("    confidence:")
                && !line.starts_with("    cue:")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("lineage.yaml"), reviewed).unwrap();
    let after = bibgraph::Corpus::load(&dir).unwrap();
    assert!(after.edges().iter().all(|e| e.drafted.is_none()));
    assert!(!bibgraph::render::drafted_items(&after).iter().any(|i| i.kind == "edge"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn all_evidence(d: &Drafts) -> Vec<&draft::Evidence> {
    let mut out: Vec<&draft::Evidence> = Vec::new();
    for c in d.concepts.iter().chain(&d.set_aside) {
        out.push(&c.evidence);
        out.extend(c.senses.iter().map(|s| &s.evidence));
        out.extend(c.relations.iter().map(|r| &r.evidence));
    }
    out.extend(d.links.iter().chain(&d.withheld).map(|l| &l.evidence));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Whatever the text, every drafted quote is verbatim from it, at its recorded place.
    #[test]
    fn quotes_are_verbatim(
        words in prop::collection::vec(prop::sample::select(vec![
            "the", "notion", "of", "'term'", "coined", "\u{201c}x y\u{201d}", "Smith", "(1990)", "drew", "on",
            "not", "whether", "defined", "as", "refers", "to", "*emph*", "trans-state", "é", ".", ",", "\n\n", "#", "I", "mean", "by",
            "his", "she", "other", "scholars", "picked", "up", "this", "idea", "'social'", "or", "'political'", "remittances",
        ]), 0..80),
        cuts in prop::collection::vec(0usize..400, 0..6),
    ) {
        let text = words.join(" ");
        let mut cited = Vec::new();
        for (i, c) in cuts.iter().enumerate() {
            let mut a = c % (text.len() + 1);
            while !text.is_char_boundary(a) { a -= 1; }
            let mut b = (a + 5).min(text.len());
            while !text.is_char_boundary(b) { b += 1; }
            cited.push(Cited { span: a..b, work: WorkKey::new(format!("w{i}")), year: Some(1990 + i as i32), locator: None, names: vec!["Smith".into()] });
        }
        let d = draft::draft(&Article::new(&text, WorkKey::new("article"), &cited));
        for e in all_evidence(&d) {
            prop_assert_eq!(&text[e.span.clone()], e.quote.as_str());
        }
        for c in &d.concepts {
            for s in &c.senses {
                if let Some(q) = &s.quote {
                    prop_assert!(text.contains(q.as_str()));
                }
            }
        }
        let (concepts, lineage) = draft::write(&d).unwrap();
        prop_assert!(concepts.starts_with('#') && lineage.starts_with('#'));
    }
}

fn shared() -> std::path::PathBuf {
    std::env::var_os("BIBGRAPH_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The figures on the built-in article, against the hand-written corpus: floors just under
/// what the drafter measures (see docs/drafts.md), so that a regression fails.
#[test]
#[ignore = "needs ../shared/seeds"]
fn builtin_article_figures() {
    let text = std::fs::read_to_string(shared().join("seeds/000_c660c60ddc90188d.txt")).unwrap();
    let corpus = bibgraph::Corpus::builtin().unwrap();
    let report = bibgraph::cites::check(&corpus, &text, "seed");
    let cited = draft::from_report(&corpus, &report);
    let d = draft::draft(&Article::new(&text, corpus.meta().source.clone().unwrap(), &cited));
    let s = draft::eval::score(&d, &draft::eval::Gold::from_corpus(&corpus));
    assert!(s.concepts.share() >= 0.80, "{s:?}");
    assert!(s.senses.share() >= 0.70, "{s:?}");
    assert!(s.lineage.share() >= 0.60, "{s:?}");
    assert!(s.attested_precision.of >= 1 && s.attested_precision.share() >= 0.9, "{s:?}");
    // The review filter sets at least a fifth of the candidates aside.
    assert!(d.set_aside.len() * 5 >= d.concepts.len() + d.set_aside.len(), "{}", d.set_aside.len());
    assert!(s.concept_precision.share() >= 0.3, "{s:?}");
    assert_eq!(s.denied_drafted, 0);
    for e in all_evidence(&d) {
        assert_eq!(&text[e.span.clone()], e.quote);
    }
}

/// The figures on the annotated DHQ articles (065 held out, 264 looked at while tuning),
/// with their publisher's citations: floors just under what the drafter measures.
#[test]
#[ignore = "needs ../shared/data/articles"]
fn dhq_article_figures() {
    let annotations = drafts_gold::annotations();
    assert!(annotations.len() >= 2);
    for (id, a) in annotations {
        let (text, cited) = drafts_gold::load_dhq(&shared().join("data/articles").join(&id)).unwrap();
        let d = draft::draft(&drafts_gold::dhq_article(&text, &cited));
        let s = draft::eval::score(&d, &a.gold());
        assert!(s.concepts.share() >= 0.45, "{id}: {s:?}");
        assert!(s.senses.share() >= 0.37, "{id}: {s:?}");
        assert!(s.lineage.share() >= 0.33, "{id}: {s:?}");
        assert!(s.attested_precision.share() >= 0.9, "{id}: {s:?}");
        assert_eq!(s.denied_drafted, 0, "{id}");
    }
}

fn bibgraph(args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bibgraph")).args(args).output().expect("bibgraph runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

/// `bibgraph draft` and `bibgraph read`: the review page, the drafted corpus, and `check`
/// listing its drafts.
#[test]
fn cli_draft_and_read() {
    let dir = std::env::temp_dir().join(format!("bibgraph-cli-drafts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("article.md");
    std::fs::write(
        &article,
        "#### Origins\n\nAnderson (1998) coined the term 'long-distance nationalism'. Later, Smith (2006) built on Anderson (1998).\n",
    )
    .unwrap();
    let path = article.to_str().unwrap();
    let (ok, md) = bibgraph(&["draft", path, "--format", "markdown"]);
    assert!(ok, "{md}");
    assert!(md.contains("### long-distance nationalism") && md.contains("- [ ] **anderson1998** names"), "{md}");
    let out = dir.join("out");
    let (ok, msg) = bibgraph(&["draft", path, "--out", out.to_str().unwrap()]);
    assert!(ok, "{msg}");
    let (ok, check) = bibgraph(&["--corpus", out.to_str().unwrap(), "check"]);
    assert!(ok, "{check}");
    assert!(
        check.contains("drafted items to review") && check.contains("concept long-distance-nationalism"),
        "{check}"
    );

    // `read`, bracketed citations against the article's own list.
    let dhq = dir.join("dhq.txt");
    std::fs::write(
        &dhq,
        "A Title\n\nIntroduction\n\n[Hall 1980] coined the term \u{201c}encoding/decoding\u{201d} for how audiences read. [Morley 1992] built on [Hall 1980].\n\nWorks Cited\n\nHall 1980 Hall, Stuart. \u{201c}Encoding/Decoding.\u{201d} Culture, Media, Language. London: Hutchinson, 1980.\n\nMorley 1992 Morley, David. Television, Audiences and Cultural Studies. London: Routledge, 1992.\n",
    )
    .unwrap();
    let (ok, md) = bibgraph(&["read", dhq.to_str().unwrap(), "--format", "markdown"]);
    assert!(ok, "{md}");
    assert!(md.contains("encoding/decoding"), "{md}");
    let (ok, json) = bibgraph(&["read", dhq.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["drafts"]["concepts"].as_array().is_some_and(|c| !c.is_empty()), "{json}");
    let read_out = dir.join("read-out");
    let (ok, msg) = bibgraph(&["read", dhq.to_str().unwrap(), "--out", read_out.to_str().unwrap()]);
    assert!(ok, "{msg}");
    assert!(read_out.join("concepts.yaml").exists() && read_out.join("lineage.yaml").exists());
    let (ok, check) = bibgraph(&["--corpus", read_out.to_str().unwrap(), "check"]);
    assert!(ok && check.contains("drafted items to review"), "{check}");
    // The drafted corpus answers lineage, reading-list and graph queries, and each says
    // which of its claims are drafted.
    let corpus = read_out.to_str().unwrap();
    let (ok, lineage) = bibgraph(&["--corpus", corpus, "lineage", "Hall 1980", "Morley 1992"]);
    assert!(ok && lineage.contains("drafted by bibgraph"), "{lineage}");
    let (ok, list) = bibgraph(&["--corpus", corpus, "reading-list", "encoding/decoding"]);
    assert!(ok && list.contains("Hall") && list.contains("(drafted by bibgraph, not reviewed)"), "{list}");
    let (ok, svg) = bibgraph(&["--corpus", corpus, "graph", "--concept", "encoding/decoding", "--format", "svg"]);
    assert!(ok && svg.contains("Hall 1980"), "{svg}");
    let (ok, svg) = bibgraph(&["--corpus", corpus, "graph", "--format", "svg"]);
    assert!(ok && svg.contains("drafted by bibgraph"), "{svg}");
    let _ = std::fs::remove_dir_all(&dir);
}
