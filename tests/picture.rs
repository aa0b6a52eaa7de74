//! The historiograph SVG, read back as XML: which works and links it draws, in which
//! order along the time axis, in which lanes, and that no two labels overlap.

use bibgraph::lineage::LineageOptions;
use bibgraph::model::{ConceptId, Relation, Work, WorkKey, Year};
use bibgraph::picture::layout::{Rect, Segment};
use bibgraph::picture::{Historiograph, Layout, Options, PictureEdge, Selection};
use bibgraph::{Corpus, ErrorKind};
use roxmltree::{Document, Node};

const CHAIN: [&str; 7] = [
    "bourne1916",
    "jessup1956",
    "aron1966",
    "nye-keohane1971",
    "glickschiller-etal1995",
    "portes1997",
    "portes-etal1999",
];

fn corpus() -> Corpus {
    Corpus::builtin().unwrap()
}

fn bourne_to_portes(corpus: &Corpus) -> Historiograph<'_> {
    let lineage = corpus.lineage("bourne1916", "portes-etal1999", &LineageOptions::default()).unwrap();
    Historiograph::lineage(corpus, &lineage).unwrap()
}

fn has_class(n: &Node<'_, '_>, class: &str) -> bool {
    n.attribute("class").is_some_and(|c| c.split(' ').any(|c| c == class))
}

fn groups<'a, 'i>(doc: &'a Document<'i>, class: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| n.has_tag_name("g") && has_class(n, class)).collect()
}

fn num(n: &Node<'_, '_>, attr: &str) -> f64 {
    n.attribute(attr).unwrap_or_else(|| panic!("no {attr}")).parse().unwrap()
}

/// A work group's box, read from its `<rect>`.
fn work_rect(g: &Node<'_, '_>) -> Rect {
    let r = g.children().find(|c| c.has_tag_name("rect")).expect("a work has a rect");
    Rect { x: num(&r, "x"), y: num(&r, "y"), w: num(&r, "width"), h: num(&r, "height") }
}

/// (key, year, lane, box) of every work drawn, in document order.
fn works(doc: &Document<'_>) -> Vec<(String, String, String, Rect)> {
    groups(doc, "work")
        .iter()
        .map(|g| {
            (
                g.attribute("data-key").unwrap().to_string(),
                g.attribute("data-year").unwrap().to_string(),
                g.attribute("data-lane").unwrap().to_string(),
                work_rect(g),
            )
        })
        .collect()
}

/// (from, to, relation, step) of every link drawn, sorted.
fn links(doc: &Document<'_>) -> Vec<(String, String, String, bool)> {
    let mut out: Vec<_> = groups(doc, "link")
        .iter()
        .map(|g| {
            (
                g.attribute("data-from").unwrap().to_string(),
                g.attribute("data-to").unwrap().to_string(),
                g.attribute("data-relation").unwrap().to_string(),
                g.attribute("data-step").unwrap() == "true",
            )
        })
        .collect();
    out.sort();
    out
}

fn link(from: &str, to: &str, relation: &str, step: bool) -> (String, String, String, bool) {
    (from.to_string(), to.to_string(), relation.to_string(), step)
}

/// The numbers of an SVG path's data, in order.
fn path_numbers(d: &str) -> Vec<f64> {
    d.split(|c: char| c.is_ascii_alphabetic() || c == ',' || c == ' ')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect()
}

#[test]
fn bourne_to_portes_svg_draws_the_seven_works_left_to_right_in_year_order() {
    let corpus = corpus();
    let svg = bourne_to_portes(&corpus).to_svg(&Options::default());
    let doc = Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/2000/svg"));

    let mut drawn = works(&doc);
    assert_eq!(drawn.len(), 7);
    drawn.sort_by(|a, b| a.3.x.total_cmp(&b.3.x));
    let keys: Vec<&str> = drawn.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(keys, CHAIN, "works sorted by their x along the axis");
    let years: Vec<&str> = drawn.iter().map(|w| w.1.as_str()).collect();
    assert_eq!(years, ["1916", "1956", "1966", "1971", "1995", "1997", "1999"]);
    // Strictly left to right: no two works share a column.
    assert!(drawn.windows(2).all(|p| p[0].3.right() < p[1].3.x), "{drawn:?}");

    // The axis labels the same years in the same order, each under its work.
    let ticks: Vec<(String, f64)> = groups(&doc, "year")
        .iter()
        .map(|g| {
            let t = g.children().find(|c| c.has_tag_name("text")).unwrap();
            assert_eq!(t.text(), g.attribute("data-year"));
            (g.attribute("data-year").unwrap().to_string(), num(&t, "x"))
        })
        .collect();
    assert_eq!(ticks.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), years);
    for (w, (_, x)) in drawn.iter().zip(&ticks) {
        let mid = w.3.x + w.3.w / 2.0;
        assert!((mid - x).abs() < 0.2, "{} is centred at {mid}, its year at {x}", w.0);
    }
}

#[test]
fn bourne_to_portes_svg_draws_the_six_steps_and_the_other_link_among_its_works() {
    let corpus = corpus();
    let svg = bourne_to_portes(&corpus).to_svg(&Options::default());
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        links(&doc),
        [
            link("aron1966", "nye-keohane1971", "influence", true),
            link("bourne1916", "jessup1956", "succession", true),
            link("glickschiller-etal1995", "portes1997", "succession", true),
            link("jessup1956", "aron1966", "succession", true),
            // Jessup to Glick Schiller is in the corpus but not on the fullest path.
            link("jessup1956", "glickschiller-etal1995", "transmission", false),
            link("nye-keohane1971", "glickschiller-etal1995", "transmission", true),
            link("portes1997", "portes-etal1999", "refinement", true),
        ]
    );
    // Each link starts at the right side of its earlier work and ends at the left side of
    // its later one.
    let boxes: std::collections::HashMap<String, Rect> = works(&doc).into_iter().map(|w| (w.0, w.3)).collect();
    for g in groups(&doc, "link") {
        let path = g.children().find(|c| c.has_tag_name("path")).unwrap();
        let n = path_numbers(path.attribute("d").unwrap());
        let (from, to) = (&boxes[g.attribute("data-from").unwrap()], &boxes[g.attribute("data-to").unwrap()]);
        // The SVG rounds each number to 0.1, so a right edge (x + w) may be 0.1 off. Ports
        // are spread over the side, so a link may leave above or below the middle.
        assert!((n[0] - from.right()).abs() < 0.15 && n[1] > from.y && n[1] < from.bottom(), "{n:?} {from:?}");
        let (ex, ey) = (n[n.len() - 2], n[n.len() - 1]);
        assert!((ex - to.x).abs() < 0.15 && ey > to.y && ey < to.bottom(), "{n:?} {to:?}");
    }
}

#[test]
fn link_styles_follow_the_relation_solid_dashed_and_critique_apart() {
    // A small corpus with one link of every lineage relation (the built-in one has no critique link).
    let refs = "- Alpha A (1950) One. City: Press.\n- Beta B (1960) Two. City: Press.\n- Gamma G (1970) Three. City: Press.\n- Delta D (1980) Four. City: Press.\n- Eps E (1990) Five. City: Press.\n- Zeta Z (2000) Six. City: Press.\n";
    let mut edges = String::from("edges:\n");
    for (from, to, rel) in [
        ("alpha1950", "beta1960", "influence"),
        ("beta1960", "gamma1970", "transmission"),
        ("gamma1970", "delta1980", "refinement"),
        ("delta1980", "eps1990", "critique"),
        ("eps1990", "zeta2000", "succession"),
    ] {
        edges.push_str(&format!(
            "  - from: {from}\n    to: {to}\n    relation: {rel}\n    provenance:\n      source: alpha1950\n      locator: p. 1\n      note: a test link\n"
        ));
    }
    let corpus = Corpus::from_files([
        bibgraph::CorpusFile::new("t/refs.txt", refs),
        bibgraph::CorpusFile::new("t/edges.yaml", edges),
    ])
    .unwrap();
    let svg = Historiograph::graph(&corpus, &Selection::default()).unwrap().to_svg(&Options::default());
    let doc = Document::parse(&svg).unwrap();
    let mut critique_markers = Vec::new();
    let mut attested_markers = Vec::new();
    for g in groups(&doc, "link") {
        let path = g.children().find(|c| c.has_tag_name("path")).unwrap();
        let dashed = path.attribute("stroke-dasharray").is_some();
        let relation = g.attribute("data-relation").unwrap();
        match relation {
            "succession" => assert!(dashed, "succession is dashed"),
            _ => assert!(!dashed, "{relation} is attested and solid"),
        }
        assert_eq!(g.attribute("data-attested"), Some(if relation == "succession" { "false" } else { "true" }));
        let marker = path.attribute("marker-end").unwrap().to_string();
        let colour = path.attribute("stroke").unwrap().to_string();
        if relation == "critique" {
            critique_markers.push((marker, colour));
        } else {
            attested_markers.push((marker, colour));
        }
    }
    assert_eq!(critique_markers.len(), 1, "Delta to Eps");
    assert_eq!(attested_markers.len(), 4, "influence, transmission, refinement, succession");
    for c in &critique_markers {
        assert!(attested_markers.iter().all(|a| a.0 != c.0 && a.1 != c.1), "critique has its own head and colour");
    }
    // Every head the links use is defined in the document itself.
    let defined: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("marker"))
        .map(|m| m.attribute("id").unwrap().to_string())
        .collect();
    for (m, _) in critique_markers.iter().chain(&attested_markers) {
        let id = m.trim_start_matches("url(#").trim_end_matches(')');
        assert!(defined.iter().any(|d| d == id), "{m}");
    }
    // The legend names every lineage relation.
    let legend: Vec<&str> = groups(&doc, "legend")[0].descendants().filter_map(|n| n.text()).collect();
    for r in ["influence", "transmission", "refinement", "critique", "succession"] {
        assert!(legend.iter().any(|t| t.starts_with(r)), "{r} missing from the legend {legend:?}");
    }
}

#[test]
fn lanes_are_disciplines_in_order_of_their_first_work_and_hold_their_works() {
    let corpus = corpus();
    let svg = bourne_to_portes(&corpus).to_svg(&Options::default());
    let doc = Document::parse(&svg).unwrap();
    let lanes: Vec<(String, Rect)> = groups(&doc, "lane")
        .iter()
        .map(|g| {
            let r = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            (
                g.attribute("data-discipline").unwrap().to_string(),
                Rect { x: num(&r, "x"), y: num(&r, "y"), w: num(&r, "width"), h: num(&r, "height") },
            )
        })
        .collect();
    let names: Vec<&str> = lanes.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "law",
            "political science (international relations)",
            "anthropology",
            "migration studies",
            "discipline not stated"
        ]
    );
    assert!(lanes.windows(2).all(|p| p[0].1.bottom() <= p[1].1.y), "lanes run top to bottom without overlap");
    for (key, _, discipline, rect) in works(&doc) {
        let lane = lanes.iter().find(|l| l.0 == discipline).unwrap();
        assert!(lane.1.contains(&rect), "{key} lies in its lane {discipline}");
        let g = groups(&doc, "work").into_iter().find(|g| g.attribute("data-key") == Some(key.as_str())).unwrap();
        assert_eq!(g.attribute("data-discipline"), Some(discipline.as_str()), "{key}");
        // Works whose discipline the source does not state share the last lane.
        assert_eq!(corpus.work(&key).unwrap().discipline.as_deref().unwrap_or("discipline not stated"), discipline);
    }
}

#[test]
fn the_svg_is_self_contained() {
    let corpus = corpus();
    for svg in [
        bourne_to_portes(&corpus).to_svg(&Options::default()),
        Historiograph::graph(&corpus, &Selection::default()).unwrap().to_svg(&Options::default()),
    ] {
        let doc = Document::parse(&svg).unwrap();
        for n in doc.descendants().filter(|n| n.is_element()) {
            let tag = n.tag_name().name();
            assert!(!["script", "image", "foreignObject", "use", "style", "a", "iframe"].contains(&tag), "<{tag}>");
            for a in n.attributes() {
                assert!(!a.name().starts_with("on"), "event handler {}", a.name());
                assert!(a.name() != "href", "link to {}", a.value());
                if a.value().contains("url(") {
                    assert!(a.value().starts_with("url(#"), "external reference {}", a.value());
                }
            }
        }
        assert!(
            !svg.contains("@import") && !svg.contains("@font-face") && !svg.contains("http://www.w3.org/1999/xlink")
        );
    }
}

fn assert_no_overlap(layout: &Layout, what: &str) {
    let labels = layout.labels();
    let page = Rect { x: 0.0, y: 0.0, w: layout.width, h: layout.height };
    for (text, b) in &labels {
        assert!(page.contains(b), "{what}: `{text}` {b:?} lies outside the picture {page:?}");
        assert!(b.w > 0.0 && b.h > 0.0, "{what}: `{text}` has an empty box");
    }
    // Sweep by left edge: O(n log n + overlaps), fine for large pictures too.
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&a, &b| labels[a].1.x.total_cmp(&labels[b].1.x));
    let mut active: Vec<usize> = Vec::new();
    for &i in &order {
        let b = labels[i].1;
        active.retain(|&j| labels[j].1.right() > b.x);
        for &j in &active {
            assert!(
                !b.intersects(&labels[j].1),
                "{what}: `{}` {:?} overlaps `{}` {:?}",
                labels[i].0,
                b,
                labels[j].0,
                labels[j].1
            );
        }
        active.push(i);
    }
    // Each work's text lies inside its box.
    for n in &layout.nodes {
        assert!(n.rect.contains(&n.label.bbox), "{what}: label of work {} leaves its box", n.work);
    }
}

#[test]
fn no_two_labels_overlap_in_the_seed_pictures() {
    let corpus = corpus();
    let lineage = bourne_to_portes(&corpus);
    let everything = Historiograph::graph(&corpus, &Selection::default()).unwrap();
    assert_eq!(everything.works.len(), 69);
    let concept =
        Historiograph::graph(&corpus, &Selection::default().concept(Some(ConceptId::new("transnationalism")))).unwrap();
    let nineties = Historiograph::graph(&corpus, &Selection::default().years(Some(1990), Some(1999))).unwrap();
    for (what, picture) in [("lineage", &lineage), ("graph", &everything), ("concept", &concept), ("1990s", &nineties)]
    {
        for titles in [true, false] {
            let layout = picture.layout(&Options::default().titles(titles));
            assert_eq!(
                layout.labels().len(),
                2 + layout.lanes.len() + picture.works.len() + layout.columns.len() + 1 + layout.legend.len()
            );
            assert_no_overlap(&layout, what);
        }
    }
}

/// Points along a route, for checking what it crosses.
fn samples(start: (f64, f64), segments: &[Segment]) -> Vec<(f64, f64)> {
    let mut out = vec![start];
    let mut p = start;
    for s in segments {
        match *s {
            Segment::Line(q) => {
                out.extend((1..=40).map(|i| {
                    let t = f64::from(i) / 40.0;
                    (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t)
                }));
                p = q;
            }
            Segment::Curve(c1, c2, q) => {
                out.extend((1..=40).map(|i| {
                    let t = f64::from(i) / 40.0;
                    let u = 1.0 - t;
                    let f = |a: f64, b: f64, c: f64, d: f64| {
                        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
                    };
                    (f(p.0, c1.0, c2.0, q.0), f(p.1, c1.1, c2.1, q.1))
                }));
                p = q;
            }
        }
    }
    out
}

#[test]
fn links_never_pass_under_another_work() {
    // Regression: links were straight curves between their ends, so Portes et al. 1999
    // to Levitt 2001a ran under Faist 2000, as if it went through it.
    let corpus = corpus();
    let everything = Historiograph::graph(&corpus, &Selection::default()).unwrap();
    let lineage = bourne_to_portes(&corpus);
    // Links of every shape: to the next year, across many years and lanes, within one
    // year, back in time, and along a crowded lane.
    let works: Vec<Work> = (0..60)
        .map(|i| {
            let mut w = Work::new(WorkKey::new(format!("w{i}")));
            w.year = Some(Year::new(2000 + (i % 6)));
            w.discipline = Some(format!("discipline {}", i % 4));
            w.authors = vec![bibgraph::model::Name::person(format!("Author{i}"), None)];
            w
        })
        .collect();
    let shapes = [(0, 1), (0, 5), (0, 59), (5, 0), (0, 12), (13, 1), (1, 25), (30, 31), (7, 55), (54, 6), (2, 26)];
    let edges = shapes
        .iter()
        .map(|&(from, to)| PictureEdge {
            from,
            to,
            relation: Relation::Refinement,
            on_path: false,
            evidence: String::new(),
        })
        .collect();
    let synthetic = Historiograph { title: "shapes".into(), works: works.iter().collect(), edges };
    for picture in [&everything, &lineage, &synthetic] {
        let layout = picture.layout(&Options::default());
        assert_eq!(layout.routes.len(), picture.edges.len());
        for r in &layout.routes {
            let e = &picture.edges[r.edge];
            for (i, n) in layout.nodes.iter().enumerate() {
                let inner = Rect { x: n.rect.x + 0.5, y: n.rect.y + 0.5, w: n.rect.w - 1.0, h: n.rect.h - 1.0 };
                for p in samples(r.start, &r.segments) {
                    let inside = p.0 > inner.x && p.0 < inner.right() && p.1 > inner.y && p.1 < inner.bottom();
                    assert!(
                        !inside,
                        "{} -> {} passes under {}",
                        picture.works[e.from].key, picture.works[e.to].key, picture.works[i].key
                    );
                }
            }
        }
    }
}

#[test]
fn graph_selects_a_concepts_works_and_links() {
    let corpus = corpus();
    let picture =
        Historiograph::graph(&corpus, &Selection::default().concept(Some(ConceptId::new("trans-state")))).unwrap();
    let mut keys: Vec<&str> = picture.works.iter().map(|w| w.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["fox2005", "kearney1995", "waldinger-sociopedia"]);
    let edges: Vec<(&str, &str, Relation)> = picture
        .edges
        .iter()
        .map(|e| (picture.works[e.from].key.as_str(), picture.works[e.to].key.as_str(), e.relation))
        .collect();
    assert_eq!(edges, [("kearney1995", "fox2005", Relation::Succession)]);
    assert!(picture.title.ends_with("3 works, 1 link (concept \u{2018}trans-state\u{2019})"), "{}", picture.title);

    let svg = picture.to_svg(&Options::default());
    let doc = Document::parse(&svg).unwrap();
    let mut drawn = works(&doc);
    drawn.sort_by(|a, b| a.3.x.total_cmp(&b.3.x));
    // The linked works in year order along the axis; the undated article, which no link
    // of the concept joins, in the band of unlinked works.
    let lane = |w: &(String, String, String, Rect)| w.2 == bibgraph::picture::place::UNLINKED;
    assert_eq!(drawn.iter().filter(|w| !lane(w)).map(|w| w.1.as_str()).collect::<Vec<_>>(), ["1995", "2005"]);
    assert_eq!(drawn.iter().filter(|w| lane(w)).map(|w| w.1.as_str()).collect::<Vec<_>>(), ["n.d."]);
}

#[test]
fn graph_selects_years_and_leaves_undated_works_out() {
    let corpus = corpus();
    let picture = Historiograph::graph(&corpus, &Selection::default().years(Some(1995), Some(1999))).unwrap();
    let expected: Vec<&str> = corpus
        .works()
        .iter()
        .filter(|w| w.sort_year().is_some_and(|y| (1995..=1999).contains(&y)))
        .map(|w| w.key.as_str())
        .collect();
    let keys: Vec<&str> = picture.works.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, expected);
    assert!(
        keys.contains(&"kearney1995") && keys.contains(&"portes-etal1999") && !keys.contains(&"waldinger-sociopedia")
    );
    let mut edges: Vec<(&str, &str)> =
        picture.edges.iter().map(|e| (picture.works[e.from].key.as_str(), picture.works[e.to].key.as_str())).collect();
    edges.sort();
    assert_eq!(
        edges,
        [("glickschiller-etal1995", "portes1997"), ("portes1997", "portes-etal1999")],
        "only links with both ends in the years"
    );
}

#[test]
fn graph_errors_name_the_problem() {
    let corpus = corpus();
    let e = Historiograph::graph(&corpus, &Selection::default().concept(Some(ConceptId::new("no-such")))).unwrap_err();
    assert_eq!((e.kind(), e.to_string()), (ErrorKind::NotFound, "no concept `no-such` in the corpus".to_string()));
    let e = Historiograph::graph(&corpus, &Selection::default().years(Some(2100), None)).unwrap_err();
    assert_eq!(e.to_string(), "no works in the corpus match the selection (from 2100)");
}

#[test]
fn a_large_library_lays_out_without_overlap() {
    // 6,000 works over 30 years and 12 disciplines (about 17 per year and lane), with a
    // link from each work to one ten works later.
    let works: Vec<Work> = (0..6000)
        .map(|i| {
            let mut w = Work::new(WorkKey::new(format!("w{i}")));
            w.year = Some(Year::new(1980 + (i % 30)));
            w.discipline = Some(format!("discipline {}", i % 12));
            w.authors = vec![bibgraph::model::Name::person(format!("Author{}", i % 97), Some("A"))];
            w.title = Some(format!("A title of some length, number {i}"));
            w
        })
        .collect();
    let edges = (0..5990)
        .map(|i| PictureEdge {
            from: i,
            to: i + 10,
            relation: Relation::Influence,
            on_path: false,
            evidence: String::new(),
        })
        .collect();
    let picture = Historiograph { title: "large".into(), works: works.iter().collect(), edges };
    let layout = picture.layout(&Options::default());
    // Periods of whole years, in order, covering the 30 years.
    assert!(layout.columns.len() <= 30);
    assert_eq!(layout.columns.first().unwrap().year, Some(1980));
    assert_eq!(layout.columns.last().unwrap().last_year, Some(2009));
    assert!(layout.columns.windows(2).all(|p| p[0].last_year.unwrap() < p[1].year.unwrap()));
    // At most seven lanes: the six largest disciplines and the others together.
    assert_eq!(layout.lanes.len(), bibgraph::picture::place::MAX_LANES);
    assert_eq!(layout.lanes.last().unwrap().name, bibgraph::picture::place::OTHER_DISCIPLINES);
    assert_no_overlap(&layout, "large");
}

/// The works of one (lineage) graph: `links` among works 0..n of the years given, all of
/// one discipline.
fn synthetic(years: &[i32], discipline: Option<&str>) -> Vec<Work> {
    years
        .iter()
        .enumerate()
        .map(|(i, &y)| {
            let mut w = Work::new(WorkKey::new(format!("w{i}")));
            w.year = Some(Year::new(y));
            w.discipline = discipline.map(str::to_string);
            w.authors = vec![bibgraph::model::Name::person(format!("Author{i}"), None)];
            w
        })
        .collect()
}

fn edge(from: usize, to: usize) -> PictureEdge {
    PictureEdge { from, to, relation: Relation::Influence, on_path: false, evidence: String::new() }
}

#[test]
fn links_leaving_one_work_get_ports_and_tracks_of_their_own() {
    // Four links leave work 0 for works years later in the same lane (through one
    // corridor), and one more joins two works of the middle years over the same span.
    let works = synthetic(&[1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997], Some("sociology"));
    let edges = vec![edge(0, 4), edge(0, 5), edge(0, 6), edge(0, 7), edge(1, 6)];
    let picture = Historiograph { title: "fan".into(), works: works.iter().collect(), edges };
    let layout = picture.layout(&Options::default());
    let starts: Vec<f64> = layout.routes.iter().take(4).map(|r| r.start.1).collect();
    for (i, a) in starts.iter().enumerate() {
        for b in &starts[i + 1..] {
            assert!((a - b).abs() >= 4.0, "ports {starts:?}");
        }
    }
    // The horizontal runs along the corridor: no two at one height over overlapping spans.
    let mut runs: Vec<(f64, f64, f64)> = Vec::new();
    for r in &layout.routes {
        let mut p = r.start;
        for s in &r.segments {
            let q = match *s {
                Segment::Line(q) | Segment::Curve(_, _, q) => q,
            };
            if matches!(s, Segment::Line(_)) && (p.1 - q.1).abs() < 0.01 && (q.0 - p.0).abs() > 30.0 {
                runs.push((p.1, p.0.min(q.0), p.0.max(q.0)));
            }
            p = q;
        }
    }
    assert!(runs.len() >= 5, "{runs:?}");
    for (i, a) in runs.iter().enumerate() {
        for b in &runs[i + 1..] {
            let overlap = a.1 < b.2 && b.1 < a.2;
            assert!(!(overlap && (a.0 - b.0).abs() < 3.0), "corridor runs {a:?} and {b:?} share a line");
        }
    }
}

#[test]
fn works_with_no_link_go_to_a_compact_band_under_the_axis() {
    let corpus = corpus();
    let concept =
        Historiograph::graph(&corpus, &Selection::default().concept(Some(ConceptId::new("transnationalism")))).unwrap();
    let layout = concept.layout(&Options::default());
    let linked: std::collections::HashSet<usize> = concept.edges.iter().flat_map(|e| [e.from, e.to]).collect();
    let band = layout.lanes.last().unwrap();
    assert_eq!(band.name, bibgraph::picture::place::UNLINKED);
    assert!(band.band.y > layout.axis.0, "the band is under the time axis");
    let mut unlinked = 0;
    for n in &layout.nodes {
        let in_band = band.band.contains(&n.rect);
        assert_eq!(in_band, !linked.contains(&n.work), "work {}", concept.works[n.work].key);
        unlinked += in_band as usize;
    }
    assert!(unlinked > 0 && unlinked < concept.works.len());
    // The picture fits a slide's width at its text size.
    assert!(layout.width <= bibgraph::picture::layout::SLIDE_WIDTH, "{}", layout.width);
}

#[test]
fn degenerate_pictures_lay_out() {
    // One work; works all undated; a link from a work to itself; a picture with no link.
    let one = synthetic(&[2000], None);
    let mut undated = synthetic(&[1990, 1991, 1992], Some("history"));
    for w in &mut undated {
        w.year = None;
    }
    for (works, edges) in [(&one, vec![]), (&one, vec![edge(0, 0)]), (&undated, vec![edge(0, 1)]), (&undated, vec![])] {
        let picture = Historiograph { title: "edge cases".into(), works: works.iter().collect(), edges };
        let layout = picture.layout(&Options::default());
        assert_eq!(layout.nodes.len(), works.len());
        assert_eq!(layout.routes.len(), picture.edges.len());
        assert!(!layout.columns.is_empty());
        assert_no_overlap(&layout, "edge cases");
        let svg = picture.to_svg(&Options::default());
        assert!(Document::parse(&svg).is_ok());
    }
}
