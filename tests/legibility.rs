//! Pictures at slide size: every kind of historiograph the README shows (a lineage, one
//! concept, the whole graph, a HistCite historiograph of 30 works), measured as shown 1,920
//! px wide: the smallest text there must be at least 12 px (also when the picture is fitted
//! into a 16:9 slide), no name may be cut short, and every work must be drawn, inside the
//! picture. `scripts/render-check.sh` prints these
//! figures (`cargo test --test legibility -- --nocapture`).

use bibgraph::network::generate::{price_network, PriceOptions};
use bibgraph::network::{citation_picture, histcite_corpus, NetworkBuilder};
use bibgraph::picture::layout::Rect;
use bibgraph::picture::{Historiograph, Options, Selection};
use bibgraph::Corpus;
use roxmltree::Document;
use std::collections::HashSet;

const SLIDE: f64 = 1920.0;

/// A citation network made here: 400 works over 1980-2019 (Price's model), each labelled
/// with an author and titled, so that names and titles are as long as real ones.
fn network_corpus() -> Corpus {
    const NAMES: [&str; 9] = [
        "Richter",
        "Glick Schiller and Levitt",
        "Ostergaard-Nielsen",
        "Nabavi",
        "Albrecht et al.",
        "Pérez-Armendáriz and Crow",
        "Hughes",
        "Terris and Thomson",
        "Khoudour-Castéras",
    ];
    let n = 400u32;
    let mut b = NetworkBuilder::new();
    for i in 0..n {
        let w = b.work(&format!("w{i}"));
        b.set_year(w, 1980 + (i * 40 / n) as i32);
        b.set_label(w, &format!("{} {}", NAMES[i as usize % NAMES.len()], 1980 + i * 40 / n));
        b.set_title(w, &format!("A study of patterned media and its recording channels, part {i}"));
        b.set_in_set(w, true);
    }
    for (citing, cited) in price_network(&PriceOptions::new(n as usize, 8)) {
        b.cite(citing, cited);
    }
    let (net, _) = b.build();
    histcite_corpus(&net, 30).unwrap()
}

fn check(name: &str, picture: &Historiograph<'_>) {
    for titles in [true, false] {
        let layout = picture.layout(&Options::default().titles(titles));
        let l = layout.legibility(SLIDE);
        if titles {
            println!(
                "{name}: {} works, {:.0} x {:.0} px, smallest text {:.1} px at {SLIDE} px wide ({:.1} px on a 16:9 slide)",
                picture.works.len(),
                layout.width,
                layout.height,
                l.smallest_px,
                l.smallest_on_slide_px
            );
        }
        assert!(l.smallest_px >= 12.0, "{name}: smallest text {:.1} px at {SLIDE} px", l.smallest_px);
        // And on a 16:9 slide (1,920 x 1,080), where a tall picture is scaled down further.
        assert!(l.smallest_on_slide_px >= 12.0, "{name}: {:.1} px on a 16:9 slide", l.smallest_on_slide_px);
        assert!(l.cut_names.is_empty(), "{name}: names cut short {:?}", l.cut_names);
        // Every work is drawn once, inside the picture, with its whole name.
        let page = Rect { x: 0.0, y: 0.0, w: layout.width, h: layout.height };
        assert_eq!(layout.nodes.len(), picture.works.len(), "{name}");
        for n in &layout.nodes {
            assert!(page.contains(&n.rect), "{name}: work {} lies outside the picture", n.work);
            let drawn: Vec<&str> = n.label.lines[..n.name_lines].iter().map(|t| t.text.as_str()).collect();
            let whole = picture.works[n.work].cited_authors();
            assert!(drawn.join(" ").starts_with(&whole), "{name}: `{}` drawn as {drawn:?}", whole);
        }
        let svg = picture.to_svg(&Options::default().titles(titles));
        let doc = Document::parse(&svg).unwrap();
        let keys: HashSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("work"))
            .filter_map(|n| n.attribute("data-key"))
            .collect();
        assert_eq!(keys.len(), picture.works.len(), "{name}: every work has its own box in the SVG");
        assert!(
            !doc.descendants().filter(|n| n.has_tag_name("text")).any(|t| {
                t.attribute("font-weight") == Some("bold") && t.text().is_some_and(|s| s.contains('\u{2026}'))
            }),
            "{name}: a name line ends in an ellipsis"
        );
    }
}

#[test]
fn the_lineage_is_legible_on_a_slide() {
    let c = Corpus::builtin().unwrap();
    let lineage = c.lineage("bourne1916", "portes-etal1999", &Default::default()).unwrap();
    check("lineage Bourne 1916 to Portes et al. 1999", &Historiograph::lineage(&c, &lineage).unwrap());
}

#[test]
fn one_concepts_picture_is_legible_on_a_slide() {
    let c = Corpus::builtin().unwrap();
    let concept = c.find_concept("transnationalism").unwrap().id.clone();
    let picture = Historiograph::graph(&c, &Selection::default().concept(Some(concept))).unwrap();
    check("graph --concept transnationalism", &picture);
}

#[test]
fn the_whole_graph_is_legible_on_a_slide() {
    let c = Corpus::builtin().unwrap();
    let picture = Historiograph::graph(&c, &Selection::default()).unwrap();
    check("graph (whole)", &picture);
    // A big picture is shaped for a 16:9 slide: neither a strip nor a tower.
    let layout = picture.layout(&Options::default());
    let aspect = layout.width / layout.height;
    assert!((1.2..=2.4).contains(&aspect), "{} x {}", layout.width, layout.height);
}

#[test]
fn a_histcite_historiograph_of_30_works_is_legible_on_a_slide() {
    let corpus = network_corpus();
    let picture = citation_picture(&corpus);
    assert_eq!(picture.works.len(), 30);
    assert!(picture.edges.len() > 30, "{} citations among the 30", picture.edges.len());
    check("histcite --top 30 (generated network)", &picture);
    let layout = picture.layout(&Options::default());
    let aspect = layout.width / layout.height;
    assert!((1.2..=2.4).contains(&aspect), "{} x {}", layout.width, layout.height);
}

#[test]
fn histcite_and_mainpath_write_png_and_pdf_when_the_output_file_asks() {
    // Regression: `histcite FILE -o x.png` wrote the SVG text into x.png.
    let dir = std::env::temp_dir().join(format!("bibgraph-legibility-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let net = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/network/hummon-doreian.net");
    for (args, file, magic) in [
        (vec!["histcite", net], "h.png", &b"\x89PNG"[..]),
        (vec!["histcite", net], "h.pdf", &b"%PDF"[..]),
        (vec!["mainpath", net, "--format", "svg"], "m.png", &b"\x89PNG"[..]),
        (vec!["histcite", net], "h.svg", &b"<svg"[..]),
    ] {
        let path = dir.join(file);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bibgraph"))
            .args(&args)
            .arg("-o")
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{args:?} -o {file}: {:?}", &bytes[..8.min(bytes.len())]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
