//! Placing a historiograph so that it stays legible on a slide.
//!
//! - Time runs left to right in columns. One column per year with works when that fits
//!   [`SLIDE_WIDTH`] px with the text at its size (12 px or more) and the picture is small
//!   (a lineage); otherwise consecutive years are grouped into periods of about as many
//!   works each, and the number of periods is the one that lets the picture fill a 16:9
//!   slide best (the most periods among those within a tenth of the best). Undated works
//!   take a last column, `n.d.`.
//! - Lanes (horizontal bands) are disciplines, at most [`MAX_LANES`](super::place::MAX_LANES) of them,
//!   ordered by the year of their first work; works with no discipline share a lane
//!   below them. Works that no drawn link joins to another sit in a compact band at the
//!   bottom ([`UNLINKED`](super::place::UNLINKED): names only, titles in the tooltips), so they neither
//!   widen the picture nor crowd the lanes.
//! - Works of one lane and period are stacked, ordered by a few sweeps of barycentre
//!   ordering. Names wrap onto more lines and are never cut; titles wrap onto two lines.
//! - Links are routed by the `route` module: ports spread over the boxes' sides, turns spread
//!   over the gaps, and a track of its own in a corridor for every link whose span overlaps
//!   another's.
//!
//! So no two works share a place, and every label has its own box: the boxes are in
//! [`Layout::labels`], and none overlaps another.
//!
//! Complexity: O(P · (W log W + E log E)) for W works, E links and P (at most about 40)
//! numbers of periods tried, with text measured in O(length).

use super::place::Prep;
use super::route::{plan, routes, Geometry, TRACK_GAP};
use super::style::meaning;
use super::text::{width, wrap_whole};
use super::{Historiograph, Options};
use crate::model::Relation;

const MARGIN: f64 = 16.0;
const TITLE_SIZE: f64 = 16.0;
const LANE_SIZE: f64 = 12.0;
const LANE_LABEL_MAX: f64 = 130.0;
const LANE_PAD: f64 = 10.0;
const ROW_GAP: f64 = 8.0;
const COL_GAP: f64 = 22.0;
/// Between two turns in a gap between columns.
const TURN_GAP: f64 = 4.0;
const YEAR_GAP: f64 = 3.0;
const YEAR_GAP_MAX: u32 = 20;
const TICK_SIZE: f64 = 12.0;
const CAPTION_SIZE: f64 = 12.0;
const LEGEND_SIZE: f64 = 12.0;
const SAMPLE_W: f64 = 36.0;
const LEGEND_GAP: f64 = 22.0;
const TEXT_MIN_W: f64 = 640.0;
/// A slide's width in px: a picture this wide or narrower shows its text at its size or
/// larger (no text is under 12 px).
pub const SLIDE_WIDTH: f64 = 1920.0;
/// A slide's height in px (16:9).
pub const SLIDE_HEIGHT: f64 = 1080.0;
/// Pictures of at most this many works keep one column per year when it fits a slide.
const SMALL: usize = 20;
/// The lane of works whose discipline the corpus does not record.
pub const NO_DISCIPLINE: &str = "discipline not stated";

/// A rectangle: left, top, width, height, in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The vertical middle.
    pub fn mid_y(&self) -> f64 {
        self.y + self.h / 2.0
    }

    /// Whether the two share any area (rectangles that only touch do not).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// Whether `other` lies inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x && other.y >= self.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }
}

/// Where a text line's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the middle.
    Middle,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// The text, already cut to fit.
    pub text: String,
    /// The anchor's x.
    pub x: f64,
    /// The baseline's y.
    pub y: f64,
    /// The font size in px.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Where `x` is.
    pub anchor: Anchor,
    /// The colour, `#rrggbb`.
    pub color: &'static str,
}

/// Lines of text and the box that holds them all.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The lines, top to bottom.
    pub lines: Vec<TextLine>,
    /// The box: every line's estimated extent lies inside it.
    pub bbox: Rect,
}

/// A line's style: size, weight, colour.
#[derive(Debug, Clone, Copy)]
pub(super) struct Font(pub f64, pub bool, pub &'static str);

impl Label {
    /// Lines stacked from `top`, each anchored at `x`.
    fn new(x: f64, top: f64, anchor: Anchor, lines: Vec<(String, Font)>) -> Label {
        let mut y = top;
        let mut w: f64 = 0.0;
        let mut out = Vec::with_capacity(lines.len());
        for (text, Font(size, bold, color)) in lines {
            w = w.max(width(&text, size, bold));
            out.push(TextLine { text, x, y: y + 0.95 * size, size, bold, anchor, color });
            y += 1.25 * size;
        }
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
        };
        Label { lines: out, bbox: Rect { x: left, y: top, w, h: y - top } }
    }

    fn width_of(lines: &[(String, Font)]) -> f64 {
        lines.iter().map(|(t, Font(size, bold, _))| width(t, *size, *bold)).fold(0.0, f64::max)
    }

    fn height_of(lines: &[(String, Font)]) -> f64 {
        lines.iter().map(|(_, Font(size, _, _))| 1.25 * size).sum()
    }
}

/// A lane: a discipline's works, or the band of unlinked works.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The discipline, [`NO_DISCIPLINE`], [`place::OTHER_DISCIPLINES`] or
    /// [`UNLINKED`](super::place::UNLINKED).
    ///
    /// [`place::OTHER_DISCIPLINES`]: super::place::OTHER_DISCIPLINES
    /// [`UNLINKED`](super::place::UNLINKED): super::place::UNLINKED
    pub name: String,
    /// The band, across the whole picture.
    pub band: Rect,
    /// The lane's label, at the left.
    pub label: Label,
}

/// A column of the time axis: a year, or a period of years.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The (first) year, or `None` for undated works.
    pub year: Option<i32>,
    /// The last year of a period (the same as `year` for one year).
    pub last_year: Option<i32>,
    /// The middle of the column.
    pub x: f64,
    /// The year's or period's label under the axis.
    pub label: Label,
}

impl Column {
    /// `1995`, `1990\u{2013}1994` or `n.d.`.
    pub fn text(&self) -> String {
        match (self.year, self.last_year) {
            (Some(a), Some(b)) if a != b => format!("{a}\u{2013}{b}"),
            (Some(a), _) => a.to_string(),
            _ => "n.d.".to_string(),
        }
    }
}

/// A placed work.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// The work: an index into [`Historiograph::works`].
    pub work: usize,
    /// Its lane: an index into [`Layout::lanes`].
    pub lane: usize,
    /// Its column: an index into [`Layout::columns`].
    pub column: usize,
    /// The box drawn around the label.
    pub rect: Rect,
    /// The label: authors and year (on one line or more), then the title if asked for.
    pub label: Label,
    /// How many of the label's lines are the authors and year.
    pub name_lines: usize,
}

/// A piece of a link's path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// A straight line to this point.
    Line((f64, f64)),
    /// A cubic Bézier curve: two control points, then the end point.
    Curve((f64, f64), (f64, f64), (f64, f64)),
}

/// A placed link: a path from the right side of the earlier work to the left side of
/// the later one that never crosses another work's box. Between neighbouring columns it
/// is one curve through the gap between them; a longer link drops through the gap after
/// its first column into the corridor between two lanes (which holds no work), runs
/// along it, and rises through the gap before its last column.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The link: an index into [`Historiograph::edges`].
    pub edge: usize,
    /// Where the path starts.
    pub start: (f64, f64),
    /// The pieces, in order.
    pub segments: Vec<Segment>,
}

impl Route {
    /// Where the path ends.
    pub fn end(&self) -> (f64, f64) {
        match self.segments.last() {
            Some(Segment::Line(p)) | Some(Segment::Curve(_, _, p)) => *p,
            None => self.start,
        }
    }
}

/// What a legend entry's sample shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sample {
    /// A link of this relation.
    Relation(Relation),
    /// A heavy line: a step of the lineage drawn.
    Step,
    /// A light line: another link between the lineage's works.
    OtherLink,
}

/// One legend entry: a short sample line and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What the sample shows.
    pub sample: Sample,
    /// The sample line, from (x, y) to (x + w, y).
    pub line: (f64, f64, f64),
    /// The text.
    pub label: Label,
}

/// What [`Layout::legibility`] measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Legibility {
    /// The smallest text's size in px at the width asked for.
    pub smallest_px: f64,
    /// The smallest text's size in px when the picture is fitted into a 16:9 slide of
    /// that width (scaled down further if it is taller than the slide).
    pub smallest_on_slide_px: f64,
    /// The works' name lines that were cut short (with `…`).
    pub cut_names: Vec<String>,
}

/// A placed historiograph: everything the SVG writer draws, in px.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The whole picture's width.
    pub width: f64,
    /// The whole picture's height.
    pub height: f64,
    /// The heading.
    pub title: Label,
    /// The lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// The columns, left to right (in year order).
    pub columns: Vec<Column>,
    /// The axis line: y, and x from and to.
    pub axis: (f64, f64, f64),
    /// Where the axis skips ten years or more: x positions of break marks.
    pub breaks: Vec<f64>,
    /// What the axis shows.
    pub caption: Label,
    /// One box per work, in the order of [`Historiograph::works`].
    pub nodes: Vec<NodeBox>,
    /// One route per link, in the order of [`Historiograph::edges`].
    pub routes: Vec<Route>,
    /// The legend's heading.
    pub legend_title: Label,
    /// The legend.
    pub legend: Vec<LegendEntry>,
}

/// Label lines of one font, each wrapped at `max` px (nothing is cut).
fn wrapped(text: &str, max: f64, font: Font) -> Vec<(String, Font)> {
    wrap_whole(text, max, font.0, font.1).into_iter().map(|t| (t, font)).collect()
}

impl Layout {
    /// Places a historiograph. See the module docs for the layout.
    ///
    /// Complexity: O(P · (W log W + E log E)), P at most about 40.
    pub fn new(picture: &Historiograph<'_>, options: &Options) -> Layout {
        let prep = Prep::new(picture, options, 2);
        let years = prep.years();
        let per_year = build(picture, &prep, years, true);
        if picture.works.len() <= SMALL && per_year.width <= SLIDE_WIDTH {
            return per_year;
        }
        let best = choose(picture, &prep, per_year);
        // Titles on one line when two keep the text under 12 px on a 16:9 slide and one
        // line does better.
        if options.titles && slide_scale(&best) < 1.0 {
            let prep = Prep::new(picture, options, 1);
            let per_year = build(picture, &prep, prep.years(), true);
            let shorter = choose(picture, &prep, per_year);
            if slide_scale(&shorter) > slide_scale(&best) {
                return shorter;
            }
        }
        best
    }

    /// How legible the picture is when shown `width_px` pixels wide (a slide is 1,920):
    /// the smallest text's size there in px, also when it must fit a 16:9 slide, and the
    /// names cut short (none: names wrap and are never cut; titles may be, and are whole
    /// in the tooltips).
    pub fn legibility(&self, width_px: f64) -> Legibility {
        let scale = width_px / self.width.max(1.0);
        let fit = scale.min(width_px * SLIDE_HEIGHT / SLIDE_WIDTH / self.height.max(1.0));
        let mut labels: Vec<&Label> = vec![&self.title, &self.caption, &self.legend_title];
        labels.extend(self.lanes.iter().map(|l| &l.label));
        labels.extend(self.nodes.iter().map(|n| &n.label));
        labels.extend(self.columns.iter().map(|c| &c.label));
        labels.extend(self.legend.iter().map(|e| &e.label));
        let smallest = labels.iter().flat_map(|l| &l.lines).map(|t| t.size).fold(f64::INFINITY, f64::min);
        let smallest = if smallest.is_finite() { smallest } else { 0.0 };
        let cut_names = self
            .nodes
            .iter()
            .flat_map(|n| n.label.lines.iter().take(n.name_lines))
            .filter(|t| t.text.contains('\u{2026}'))
            .map(|t| t.text.clone())
            .collect();
        Legibility { smallest_px: smallest * scale, smallest_on_slide_px: smallest * fit, cut_names }
    }

    /// Every label with the box it is drawn in: the heading, lane labels, works, year
    /// labels, the caption and legend entries (a legend entry's box includes its sample
    /// line). No two of these boxes overlap.
    pub fn labels(&self) -> Vec<(&str, Rect)> {
        fn text(l: &Label) -> &str {
            l.lines.first().map(|t| t.text.as_str()).unwrap_or("")
        }
        let mut out = vec![(text(&self.title), self.title.bbox), (text(&self.caption), self.caption.bbox)];
        out.extend(self.lanes.iter().map(|l| (text(&l.label), l.label.bbox)));
        out.extend(self.nodes.iter().map(|n| (text(&n.label), n.rect)));
        out.extend(self.columns.iter().map(|c| (text(&c.label), c.label.bbox)));
        out.push((text(&self.legend_title), self.legend_title.bbox));
        out.extend(self.legend.iter().map(|e| {
            let b = e.label.bbox;
            let x = e.line.0;
            (text(&e.label), Rect { x, y: b.y, w: b.right() - x, h: b.h })
        }));
        out
    }
}

/// How much a layout is scaled to fit a 16:9 slide (1: its text at its size).
fn slide_scale(l: &Layout) -> f64 {
    (SLIDE_WIDTH / l.width).min(SLIDE_HEIGHT / l.height)
}

/// Among the numbers of periods (every one up to 40, then doubling), the layout legible at
/// slide width when any is, that then fills a 16:9 slide best; among those within a tenth
/// of the best (and legible on the slide when the best is), the one with the most periods.
///
/// Complexity: O(P · (W log W + E log E)).
fn choose(picture: &Historiograph<'_>, prep: &Prep, per_year: Layout) -> Layout {
    let years = prep.years();
    let low = prep.min_columns().max(years.min(4));
    let mut tries: Vec<usize> = (low..=years.min(40)).collect();
    let mut k = 64;
    while k < years {
        tries.push(k);
        k *= 2;
    }
    let mut best: Vec<(usize, Layout)> = tries
        .into_iter()
        .map(|k| if k == years { (k, per_year.clone()) } else { (k, build(picture, prep, k, false)) })
        .collect();
    if best.iter().any(|(_, l)| l.width <= SLIDE_WIDTH) {
        best.retain(|(_, l)| l.width <= SLIDE_WIDTH);
    }
    let top = best.iter().map(|(_, l)| slide_scale(l)).fold(0.0, f64::max);
    let bar = if top >= 1.0 { (0.9 * top).max(1.0) } else { 0.9 * top };
    best.into_iter().filter(|(_, l)| slide_scale(l) >= bar).max_by_key(|(k, _)| *k).map(|(_, l)| l).unwrap_or(per_year)
}

/// The layout with `k` columns (`per_year`: one per year, with long gaps shortened).
///
/// Complexity: O(W log W + E log E).
fn build(picture: &Historiograph<'_>, prep: &Prep, k: usize, per_year: bool) -> Layout {
    let n = picture.works.len();
    let (column, periods) = prep.periods(k);
    let cols = periods.len();
    let cells = prep.stacks(&column, cols);
    let lanes_n = prep.lane_names.len();
    let edges: Vec<(usize, usize)> = picture.edges.iter().map(|e| (e.from, e.to)).collect();
    let planned = plan(&edges, &prep.lane, &column, lanes_n, cols);

    // Lane labels, and the left column that holds them.
    let lane_font = Font(LANE_SIZE, true, "#333333");
    let lane_lines: Vec<Vec<(String, Font)>> =
        prep.lane_names.iter().map(|name| wrapped(name, LANE_LABEL_MAX, lane_font)).collect();
    let lane_col_w = lane_lines.iter().map(|l| Label::width_of(l)).fold(0.0, f64::max) + 2.0 * LANE_PAD;

    // Columns: as wide as their widest work; gaps as wide as their turns need.
    let tick_font = Font(TICK_SIZE, false, "#333333");
    let columns_text: Vec<String> = periods
        .iter()
        .map(|&(a, b)| {
            Column { year: a, last_year: b, x: 0.0, label: Label::new(0.0, 0.0, Anchor::Start, vec![]) }.text()
        })
        .collect();
    let mut col_w: Vec<f64> = columns_text.iter().map(|t| width(t, TICK_SIZE, false) + 8.0).collect();
    for i in (0..n).filter(|&i| !prep.banded[i]) {
        col_w[column[i]] = col_w[column[i]].max(prep.size[i].0);
    }
    let gap_w: Vec<f64> = planned.turns.iter().map(|&t| COL_GAP.max((t + 1) as f64 * TURN_GAP + 4.0)).collect();
    let mut col_x = Vec::with_capacity(cols);
    let mut gaps = Vec::with_capacity(cols + 1);
    let mut breaks = Vec::new();
    let plot_left = MARGIN + lane_col_w;
    let mut x = plot_left + gap_w[0] / 2.0;
    gaps.push((plot_left, x));
    for c in 0..cols {
        if c > 0 {
            let years_apart = match (periods[c - 1].1, periods[c].0) {
                (Some(a), Some(b)) => (b - a).unsigned_abs(),
                _ => 1,
            };
            let extra =
                if per_year { f64::from(years_apart.saturating_sub(1).min(YEAR_GAP_MAX)) * YEAR_GAP } else { 0.0 };
            let w = gap_w[c] + extra;
            if years_apart >= 10 {
                breaks.push(x + w / 2.0);
            }
            gaps.push((x, x + w));
            x += w;
        }
        col_x.push(x);
        x += col_w[c];
    }
    gaps.push((x, x + gap_w[cols] / 2.0));
    let plot_right = x + gap_w[cols] / 2.0;
    let text_w = (plot_right - MARGIN).max(TEXT_MIN_W);

    // The heading.
    let title =
        Label::new(MARGIN, MARGIN, Anchor::Start, wrapped(&picture.title, text_w, Font(TITLE_SIZE, true, "#111111")));

    // Lanes, top to bottom; the corridor at each lane's top edge as tall as its tracks.
    let corridor = |t: usize, edge: bool| -> f64 {
        if t == 0 {
            LANE_PAD
        } else if edge {
            LANE_PAD.max((t as f64 + 1.5) * TRACK_GAP)
        } else {
            LANE_PAD.max(((t as f64 - 1.0) / 2.0 + 1.5) * TRACK_GAP)
        }
    };
    let mut lane_h = vec![0.0f64; lanes_n];
    for (c, cell) in cells.iter().enumerate() {
        let h: f64 = cell.iter().map(|&i| prep.size[i].1 + ROW_GAP).sum::<f64>() - ROW_GAP;
        lane_h[c / cols] = lane_h[c / cols].max(h);
    }
    // The lanes on the time axis: all but the band of unlinked works.
    let grid_n = lanes_n - prep.unlinked_band as usize;
    let mut lanes = Vec::with_capacity(lanes_n);
    let mut content_top = vec![0.0; lanes_n];
    let mut y = title.bbox.bottom() + 14.0;
    for (l, name) in prep.lane_names.iter().enumerate().take(grid_n) {
        let pad_top = corridor(planned.tracks[l], l == 0);
        let pad_bottom = corridor(planned.tracks[l + 1], l + 1 == grid_n);
        let label_h = Label::height_of(&lane_lines[l]);
        let inner = lane_h[l].max(label_h);
        let h = pad_top + inner + pad_bottom;
        let label = Label::new(MARGIN + LANE_PAD, y + (h - label_h) / 2.0, Anchor::Start, lane_lines[l].clone());
        content_top[l] = y + pad_top;
        lanes.push(Lane { name: name.clone(), band: Rect { x: MARGIN, y, w: plot_right - MARGIN, h }, label });
        y += h;
    }
    let lanes_bottom = y;
    // Each corridor's tracks: centred on the edge between two lanes, inside the band at
    // the top of the first lane and at the bottom of the last.
    let track_y: Vec<Vec<f64>> = (0..=lanes_n)
        .map(|b| {
            let t = planned.tracks[b];
            (0..t)
                .map(|k| {
                    let k = k as f64;
                    if b == 0 {
                        lanes[0].band.y + (k + 1.0) * TRACK_GAP
                    } else if b >= grid_n {
                        lanes[grid_n - 1].band.bottom() - (k + 1.0) * TRACK_GAP
                    } else {
                        lanes[b].band.y + (k - (t as f64 - 1.0) / 2.0) * TRACK_GAP
                    }
                })
                .collect()
        })
        .collect();

    // Works, stacked in their cells.
    let mut nodes: Vec<Option<NodeBox>> = vec![None; n];
    for (c, cell) in cells.iter().enumerate() {
        let (l, col) = (c / cols, c % cols);
        let mut top = content_top[l];
        for &i in cell {
            let (w, h) = prep.size[i];
            let rect = Rect { x: col_x[col] + (col_w[col] - w) / 2.0, y: top, w, h };
            let label =
                Label::new(rect.x + w / 2.0, rect.y + super::place::NODE_PAD_Y, Anchor::Middle, prep.lines[i].clone());
            nodes[i] = Some(NodeBox { work: i, lane: l, column: col, rect, label, name_lines: prep.name_lines[i] });
            top += h + ROW_GAP;
        }
    }

    // The axis, its year labels and caption.
    let axis_y = lanes_bottom + 10.0;
    let columns: Vec<Column> = periods
        .iter()
        .enumerate()
        .map(|(c, &(a, b))| {
            let mid = col_x[c] + col_w[c] / 2.0;
            let label = Label::new(mid, axis_y + 8.0, Anchor::Middle, vec![(columns_text[c].clone(), tick_font)]);
            Column { year: a, last_year: b, x: mid, label }
        })
        .collect();
    let ticks_bottom = columns.iter().map(|c| c.label.bbox.bottom()).fold(axis_y + 8.0, f64::max);
    let caption_text = if per_year {
        "Time runs left to right: one column per year with works; long gaps are shortened (marked //)"
    } else {
        "Time runs left to right: one column per period of years (a year is never split); gaps of ten years or more marked //"
    };
    let caption = Label::new(
        plot_left,
        ticks_bottom + 6.0,
        Anchor::Start,
        wrapped(caption_text, text_w - lane_col_w, Font(CAPTION_SIZE, false, "#555555")),
    );

    // The band of unlinked works, under the axis: their boxes in time order, in rows
    // across the picture.
    let mut below = caption.bbox.bottom();
    if prep.unlinked_band {
        let l = lanes_n - 1;
        let top = below + 12.0;
        let (left, right) = (plot_left + 4.0, plot_right.max(plot_left + TEXT_MIN_W));
        // A band that fits one row with each box under its period's column is drawn so
        // (it reads in time too); a longer one is packed, row after row.
        let under = |i: usize| col_x[column[i]] + (col_w[column[i]] - prep.size[i].0).max(0.0) / 2.0;
        let mut end = left;
        let aligned = prep.order.iter().filter(|&&i| prep.banded[i]).all(|&i| {
            let x = under(i).max(end);
            end = x + prep.size[i].0 + ROW_GAP;
            x + prep.size[i].0 <= right
        });
        let (mut x, mut row_top, mut row_h) = (left, top + LANE_PAD, 0.0f64);
        for &i in prep.order.iter().filter(|&&i| prep.banded[i]) {
            let (w, h) = prep.size[i];
            if x > left && x + w > right {
                x = left;
                row_top += row_h + ROW_GAP;
                row_h = 0.0;
            }
            if aligned {
                x = x.max(under(i));
            }
            let rect = Rect { x, y: row_top, w, h };
            let label =
                Label::new(x + w / 2.0, row_top + super::place::NODE_PAD_Y, Anchor::Middle, prep.lines[i].clone());
            nodes[i] =
                Some(NodeBox { work: i, lane: l, column: column[i], rect, label, name_lines: prep.name_lines[i] });
            x += w + ROW_GAP;
            row_h = row_h.max(h);
        }
        let label_h = Label::height_of(&lane_lines[l]);
        let h = (row_top + row_h + LANE_PAD - top).max(label_h + 2.0 * LANE_PAD);
        let label = Label::new(MARGIN + LANE_PAD, top + (h - label_h) / 2.0, Anchor::Start, lane_lines[l].clone());
        lanes.push(Lane {
            name: prep.lane_names[l].clone(),
            band: Rect { x: MARGIN, y: top, w: right - MARGIN, h },
            label,
        });
        below = top + h;
    }
    let nodes: Vec<NodeBox> = nodes.into_iter().map(|b| b.expect("every work is placed")).collect();
    let geometry = Geometry { col_x: &col_x, col_w: &col_w, gaps: &gaps, track_y: &track_y };
    let routes = routes(&edges, &planned, &nodes, &geometry);

    // The legend: every lineage relation, any other relation drawn, and for a lineage
    // with other links, what heavy and light lines mean.
    // A picture of citations only (a HistCite historiograph) lists only what it draws.
    let lineage = picture.edges.is_empty() || picture.edges.iter().any(|e| e.relation.is_lineage());
    let mut samples: Vec<Sample> =
        [Relation::Influence, Relation::Transmission, Relation::Refinement, Relation::Critique, Relation::Succession]
            .into_iter()
            .filter(|_| lineage)
            .map(Sample::Relation)
            .collect();
    for e in &picture.edges {
        if !samples.contains(&Sample::Relation(e.relation)) {
            samples.push(Sample::Relation(e.relation));
        }
    }
    if picture.edges.iter().any(|e| e.on_path) && picture.edges.iter().any(|e| !e.on_path) {
        samples.extend([Sample::Step, Sample::OtherLink]);
    }
    let legend_font = Font(LEGEND_SIZE, false, "#222222");
    let legend_top = below + 14.0;
    let legend_title =
        Label::new(MARGIN, legend_top, Anchor::Start, vec![("Links".to_string(), Font(LEGEND_SIZE, true, "#222222"))]);
    let row_h = 1.25 * LEGEND_SIZE + 8.0;
    let legend_left = legend_title.bbox.right() + LEGEND_GAP;
    let legend_right = MARGIN + text_w;
    let (mut lx, mut ly) = (legend_left, legend_top);
    let mut legend = Vec::with_capacity(samples.len());
    for sample in samples {
        let text = match sample {
            Sample::Relation(r) => meaning(r).to_string(),
            Sample::Step => "heavy: a step of this lineage".to_string(),
            Sample::OtherLink => "light: another link between its works".to_string(),
        };
        let w = SAMPLE_W + 6.0 + width(&text, LEGEND_SIZE, false);
        if lx > legend_left && lx + w > legend_right {
            lx = legend_left;
            ly += row_h;
        }
        let label = Label::new(lx + SAMPLE_W + 6.0, ly, Anchor::Start, vec![(text, legend_font)]);
        legend.push(LegendEntry { sample, line: (lx, label.bbox.mid_y(), SAMPLE_W), label });
        lx += w + LEGEND_GAP;
    }
    let legend_bottom = legend.iter().map(|e| e.label.bbox.bottom()).fold(legend_title.bbox.bottom(), f64::max);

    let right = [plot_right, title.bbox.right(), caption.bbox.right()]
        .into_iter()
        .chain(legend.iter().map(|e| e.label.bbox.right()))
        .chain(nodes.iter().map(|b| b.rect.right() + 4.0))
        .fold(0.0, f64::max);
    let width = (right + MARGIN).ceil();
    for l in &mut lanes {
        l.band.w = width - 2.0 * MARGIN;
    }
    Layout {
        width,
        height: (legend_bottom + MARGIN).ceil(),
        title,
        lanes,
        columns,
        axis: (axis_y, plot_left + gap_w[0] / 2.0 - 8.0, plot_right),
        breaks,
        caption,
        nodes,
        routes,
        legend_title,
        legend,
    }
}
