//! Writing a placed historiograph as SVG.
//!
//! The document is self-contained: no scripts, no style sheets or fonts from elsewhere,
//! no images; text is drawn in the reader's sans-serif font. Tooltips (`<title>`) give
//! each work's full citation and title, and each link's evidence. Elements carry their
//! meaning as attributes, so that tests and scripts can read the picture back:
//!
//! - `<g class="work" data-key="…" data-year="…" data-discipline="…" data-lane="…">`
//!   with a `<rect>` and the label's `<text>`s (`data-lane` is the lane it is drawn in:
//!   its discipline, `other disciplines`, or the band of unlinked works);
//! - `<g class="link RELATION" data-from="…" data-to="…" data-relation="…"
//!   data-attested="…" data-step="…">` with a `<path>`;
//! - `<g class="lane" data-discipline="…">`, `<g class="year" data-year="…">` (a year,
//!   a period `1990–1994`, or `n.d.`), and
//!   `<g class="legend">`.

use super::layout::{Anchor, Label, Layout, Sample, Segment, NO_DISCIPLINE};
use super::style::{stroke, Head, Stroke};
use super::Historiograph;
use crate::escape::{xml_attr, xml_attr_into, xml_text_into};
use crate::model::Relation;
use std::fmt::Write as _;

const FONTS: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, Arial, sans-serif";

fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn label(out: &mut String, class: &str, l: &Label) {
    for line in &l.lines {
        let _ = write!(
            out,
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" font-size=\"{}\"",
            num(line.x),
            num(line.y),
            line.size
        );
        if line.bold {
            out.push_str(" font-weight=\"bold\"");
        }
        if line.anchor == Anchor::Middle {
            out.push_str(" text-anchor=\"middle\"");
        }
        let _ = write!(out, " fill=\"{}\">", line.color);
        xml_text_into(out, &line.text);
        out.push_str("</text>\n");
    }
}

fn marker_id(relation: Relation) -> String {
    format!("head-{}", relation.as_str())
}

fn marker(out: &mut String, relation: Relation, s: Stroke) {
    let id = marker_id(relation);
    let c = s.color;
    // Markers scale with the stroke width; sizes are in stroke widths.
    let shape = match s.head {
        Head::Arrow => format!("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"{c}\"/>"),
        Head::OpenArrow => format!("<path d=\"M1,1 L8,4 L1,7\" fill=\"none\" stroke=\"{c}\" stroke-width=\"1.2\"/>"),
        Head::BarArrow => format!(
            "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"{c}\"/><path d=\"M-3,-1 L-3,9\" stroke=\"{c}\" stroke-width=\"2\"/>"
        ),
    };
    let _ = writeln!(
        out,
        "<marker id=\"{id}\" viewBox=\"-5 -1 14 10\" refX=\"8\" refY=\"4\" markerWidth=\"5.6\" markerHeight=\"4\" orient=\"auto\" markerUnits=\"strokeWidth\">{shape}</marker>"
    );
}

fn stroke_attrs(s: Stroke, width: f64, opacity: f64) -> String {
    let mut a = format!("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", s.color, num(width));
    if let Some(d) = s.dash {
        let _ = write!(a, " stroke-dasharray=\"{d}\"");
    }
    if opacity < 1.0 {
        let _ = write!(a, " stroke-opacity=\"{opacity}\"");
    }
    a
}

/// How heavy a link is drawn: steps of a lineage heavier, other links lighter.
fn weight(s: Stroke, step: bool, lineage: bool) -> (f64, f64) {
    match (lineage, step) {
        (false, _) => (s.width, 1.0),
        (true, true) => (s.width * 1.4, 1.0),
        (true, false) => (s.width * 0.7, 0.6),
    }
}

/// The picture as a self-contained SVG document.
///
/// `layout` must have been made from `picture` ([`Historiograph::layout`]).
pub fn write(picture: &Historiograph<'_>, layout: &Layout) -> String {
    let mut out = String::with_capacity(1200 * (picture.works.len() + picture.edges.len()) + 8192);
    let (w, h) = (num(layout.width), num(layout.height));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\" role=\"img\" aria-labelledby=\"picture-title\">"
    );
    out.push_str("<title id=\"picture-title\">");
    xml_text_into(&mut out, &picture.title);
    out.push_str("</title>\n<desc>A historiograph drawn by bibgraph: works on a time axis, in lanes by discipline, with the links between them; works linked to no other work shown in a band below.</desc>\n");

    let lineage = picture.edges.iter().any(|e| e.on_path);
    let mut relations: Vec<Relation> = layout
        .legend
        .iter()
        .filter_map(|e| match e.sample {
            Sample::Relation(r) => Some(r),
            _ => None,
        })
        .collect();
    relations.extend(picture.edges.iter().map(|e| e.relation));
    relations.sort();
    relations.dedup();
    out.push_str("<defs>\n");
    for r in &relations {
        marker(&mut out, *r, stroke(*r));
    }
    out.push_str("</defs>\n");
    let _ = writeln!(out, "<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");

    // Lanes.
    out.push_str("<g class=\"lanes\">\n");
    for (i, lane) in layout.lanes.iter().enumerate() {
        let b = lane.band;
        let fill = if i % 2 == 0 { "#f3f5f8" } else { "#fbfbfc" };
        let _ = writeln!(out, "<g class=\"lane\" data-discipline=\"{}\">", xml_attr(&lane.name));
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(b.x),
            num(b.y),
            num(b.w),
            num(b.h)
        );
        label(&mut out, "lane-label", &lane.label);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");

    // Year guides and the axis.
    let (ay, ax0, ax1) = layout.axis;
    let top = layout.lanes.first().map(|l| l.band.y).unwrap_or(ay);
    out.push_str("<g class=\"axis\">\n");
    for c in &layout.columns {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#d9dde3\" stroke-width=\"1\"/>",
            num(top),
            num(ay),
            x = num(c.x)
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#333333\" stroke-width=\"1.2\"/>",
        num(ax0),
        num(ax1),
        y = num(ay)
    );
    for &bx in &layout.breaks {
        let _ = writeln!(
            out,
            "<path class=\"break\" d=\"M{},{} l6,0 M{},{} l4,-8 M{},{} l4,-8\" stroke=\"#333333\" stroke-width=\"1.2\"/>",
            num(bx - 3.0),
            num(ay),
            num(bx - 5.0),
            num(ay + 4.0),
            num(bx - 1.0),
            num(ay + 4.0)
        );
    }
    for c in &layout.columns {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#333333\" stroke-width=\"1.2\"/>",
            num(ay),
            num(ay + 5.0),
            x = num(c.x)
        );
        let _ = writeln!(out, "<g class=\"year\" data-year=\"{}\">", c.text());
        label(&mut out, "year", &c.label);
        out.push_str("</g>\n");
    }
    label(&mut out, "caption", &layout.caption);
    out.push_str("</g>\n");

    // Links, under the works: other links first, then the steps.
    out.push_str("<g class=\"links\">\n");
    let mut routes: Vec<&_> = layout.routes.iter().collect();
    routes.sort_by_key(|r| picture.edges[r.edge].on_path);
    for r in routes {
        let e = &picture.edges[r.edge];
        let s = stroke(e.relation);
        let (sw, op) = weight(s, e.on_path, lineage);
        let _ = write!(
            out,
            "<g class=\"link {}\" data-from=\"{}\" data-to=\"{}\" data-relation=\"{}\" data-attested=\"{}\" data-step=\"{}\"><title>",
            e.relation,
            xml_attr(picture.works[e.from].key.as_str()),
            xml_attr(picture.works[e.to].key.as_str()),
            e.relation,
            e.relation.attests_influence(),
            e.on_path
        );
        xml_text_into(
            &mut out,
            &format!(
                "{} \u{2192} {}: {}",
                picture.works[e.from].citation(),
                picture.works[e.to].citation(),
                e.relation
            ),
        );
        if !e.evidence.is_empty() {
            out.push_str(". ");
            xml_text_into(&mut out, &e.evidence);
        }
        let mut d = format!("M{},{}", num(r.start.0), num(r.start.1));
        for seg in &r.segments {
            match seg {
                Segment::Line((x, y)) => {
                    let _ = write!(d, " L{},{}", num(*x), num(*y));
                }
                Segment::Curve((x1, y1), (x2, y2), (x, y)) => {
                    let _ = write!(d, " C{},{} {},{} {},{}", num(*x1), num(*y1), num(*x2), num(*y2), num(*x), num(*y));
                }
            }
        }
        let _ = writeln!(
            out,
            "</title><path d=\"{d}\" {} marker-end=\"url(#{})\"/></g>",
            stroke_attrs(s, sw, op),
            marker_id(e.relation)
        );
    }
    out.push_str("</g>\n");

    // Works.
    out.push_str("<g class=\"works\">\n");
    for node in &layout.nodes {
        let work = picture.works[node.work];
        let year = work.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".to_string());
        out.push_str("<g class=\"work\" data-key=\"");
        xml_attr_into(&mut out, work.key.as_str());
        let _ = write!(out, "\" data-year=\"{}\" data-discipline=\"", xml_attr(&year));
        xml_attr_into(&mut out, work.discipline.as_deref().unwrap_or(NO_DISCIPLINE));
        out.push_str("\" data-lane=\"");
        xml_attr_into(&mut out, &layout.lanes[node.lane].name);
        out.push_str("\"><title>");
        let mut tip = work.citation();
        if let Some(t) = &work.title {
            tip.push_str(": ");
            tip.push_str(t);
        }
        if let Some(d) = &work.discipline {
            tip.push_str(&format!(" [{d}]"));
        }
        xml_text_into(&mut out, &tip);
        let b = node.rect;
        let _ = writeln!(
            out,
            "</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#4a4a4a\" stroke-width=\"1\"/>",
            num(b.x),
            num(b.y),
            num(b.w),
            num(b.h)
        );
        label(&mut out, "work-label", &node.label);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");

    // Legend and heading.
    out.push_str("<g class=\"legend\">\n");
    label(&mut out, "legend-title", &layout.legend_title);
    for entry in &layout.legend {
        let (x, y, w) = entry.line;
        let (relation, step) = match entry.sample {
            Sample::Relation(r) => (r, None),
            Sample::Step => (Relation::Succession, Some(true)),
            Sample::OtherLink => (Relation::Succession, Some(false)),
        };
        let s = stroke(relation);
        let (sw, op) = match step {
            Some(step) => weight(Stroke { dash: None, ..s }, step, true),
            None => (s.width, 1.0),
        };
        let s = if step.is_some() { Stroke { dash: None, ..s } } else { s };
        let marker =
            if step.is_some() { String::new() } else { format!(" marker-end=\"url(#{})\"", marker_id(relation)) };
        let _ = writeln!(
            out,
            "<path class=\"sample\" d=\"M{},{} L{},{}\" {}{marker}/>",
            num(x),
            num(y),
            num(x + w - 4.0),
            num(y),
            stroke_attrs(s, sw, op)
        );
        label(&mut out, "legend-label", &entry.label);
    }
    out.push_str("</g>\n");
    label(&mut out, "title", &layout.title);
    out.push_str("</svg>\n");
    out
}
