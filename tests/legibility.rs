//! Pictures at slide size: every historiograph the README shows, measured as shown 1,920
//! px wide (the smallest text in px) and checked for names cut short. `scripts/render-check.sh`
//! prints these figures (`cargo test --test legibility -- --nocapture`).

use bibgraph::picture::{Historiograph, Options, Selection};
use bibgraph::Corpus;

const SLIDE: f64 = 1920.0;

fn pictures(c: &Corpus) -> Vec<(&'static str, Historiograph<'_>)> {
    let lineage = c.lineage("bourne1916", "portes-etal1999", &Default::default()).unwrap();
    let concept = c.find_concept("transnationalism").unwrap().id.clone();
    vec![
        ("lineage Bourne 1916 to Portes et al. 1999", Historiograph::lineage(c, &lineage).unwrap()),
        (
            "graph --concept transnationalism",
            Historiograph::graph(c, &Selection::default().concept(Some(concept))).unwrap(),
        ),
        ("graph (whole)", Historiograph::graph(c, &Selection::default()).unwrap()),
    ]
}

#[test]
fn no_name_is_cut_short() {
    let c = Corpus::builtin().unwrap();
    for (name, picture) in pictures(&c) {
        for titles in [true, false] {
            let layout = picture.layout(&Options::default().titles(titles));
            let l = layout.legibility(SLIDE);
            assert!(l.cut_names.is_empty(), "{name}: {:?}", l.cut_names);
        }
    }
}

/// The figures, printed: the smallest text at 1,920 px wide. The lineage (seven works)
/// must be legible on a slide (at least 12 px); the whole graph and one concept's 25 works,
/// one column per year, are wider than a slide can show at that size (see docs).
#[test]
fn smallest_text_at_slide_width() {
    let c = Corpus::builtin().unwrap();
    for (name, picture) in pictures(&c) {
        let layout = picture.layout(&Options::default());
        let l = layout.legibility(SLIDE);
        println!("{name}: {:.0} px wide, smallest text {:.1} px at {SLIDE} px", layout.width, l.smallest_px);
        if name.starts_with("lineage") {
            assert!(l.smallest_px >= 12.0, "{name}: {:.1} px", l.smallest_px);
        }
    }
}
