//! Placing a historiograph: a layered layout by year.
//!
//! - Time runs left to right. Each year that has works is one column, as wide as its
//!   widest work; undated works take a last column, `n.d.`. Gaps between years are
//!   shortened (a little extra space per missing year, up to a limit), so the axis is
//!   ordered but not to scale.
//! - Each discipline is one lane (a horizontal band), ordered by the year of its first
//!   work; works with no discipline share a last lane.
//! - Works of the same year and lane are stacked in the lane, oldest first.
//!
//! So no two works share a place, and every label has its own box: the boxes are in
//! [`Layout::labels`], and none overlaps another.
//!
//! Complexity: O(W log W + E) for W works and E links (the sort by year), with text
//! measured in O(length).

use super::style::meaning;
use super::text::{fit, width, wrap};
use super::{Historiograph, Options};
use crate::model::{Relation, Work};
use std::collections::HashMap;

const MARGIN: f64 = 16.0;
const TITLE_SIZE: f64 = 16.0;
const LANE_SIZE: f64 = 12.0;
const LANE_LABEL_MAX: f64 = 190.0;
const LANE_PAD: f64 = 12.0;
const NODE_SIZE: f64 = 12.0;
const TITLE_LINE_SIZE: f64 = 12.0;
const NODE_TEXT_MAX: f64 = 190.0;
const NODE_PAD_X: f64 = 8.0;
const NODE_PAD_Y: f64 = 5.0;
const ROW_GAP: f64 = 10.0;
const COL_GAP: f64 = 24.0;
const YEAR_GAP: f64 = 3.0;
const YEAR_GAP_MAX: u32 = 20;
const TICK_SIZE: f64 = 12.0;
const CAPTION_SIZE: f64 = 12.0;
const LEGEND_SIZE: f64 = 12.0;
const SAMPLE_W: f64 = 36.0;
const LEGEND_GAP: f64 = 22.0;
const LEGEND_MIN_W: f64 = 900.0;
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
#[derive(Clone, Copy)]
struct Font(f64, bool, &'static str);

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

/// A discipline's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The discipline, or [`NO_DISCIPLINE`].
    pub name: String,
    /// The band, across the whole picture.
    pub band: Rect,
    /// The lane's label, at the left.
    pub label: Label,
}

/// A column of the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The year, or `None` for undated works.
    pub year: Option<i32>,
    /// The middle of the column.
    pub x: f64,
    /// The year's label under the axis.
    pub label: Label,
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
    /// The label: authors and year, then the title if asked for.
    pub label: Label,
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

fn node_lines(w: &Work, titles: bool) -> Vec<(String, Font)> {
    let year = w.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".to_string());
    let bold = Font(NODE_SIZE, true, "#1a1a1a");
    // Names are never cut (`Levitt and Glick Sc…`): a long one widens its box.
    let authors = w.cited_authors();
    let mut lines = vec![(format!("{authors} {year}"), bold)];
    if titles {
        let title = w.title.as_deref().unwrap_or("(untitled)");
        lines.push((fit(title, NODE_TEXT_MAX, TITLE_LINE_SIZE, false), Font(TITLE_LINE_SIZE, false, "#4d4d4d")));
    }
    lines
}

/// The columns and lanes, for routing links between them.
struct Grid {
    col_x: Vec<f64>,
    col_w: Vec<f64>,
    lane_top: Vec<f64>,
    lane_bottom: Vec<f64>,
}

impl Grid {
    fn col_right(&self, c: usize) -> f64 {
        self.col_x[c] + self.col_w[c]
    }

    /// The x where the gap after column `c` ends.
    fn gap_after(&self, c: usize) -> f64 {
        self.col_x.get(c + 1).copied().unwrap_or(self.col_right(c) + COL_GAP / 2.0)
    }

    /// The x where the gap before column `c` starts.
    fn gap_before(&self, c: usize) -> f64 {
        if c == 0 {
            self.col_x[0] - COL_GAP / 2.0
        } else {
            self.col_right(c - 1)
        }
    }
}

/// Offsets that keep links sharing a corridor apart, within the lanes' padding.
const TRACKS: [f64; 5] = [0.0, -3.5, 3.5, -7.0, 7.0];
/// Offsets that keep links crossing the same gap between columns apart.
const LEGS: [f64; 5] = [0.0, -5.0, 5.0, -10.0, 10.0];

/// Counters of the links already routed through each corridor and gap.
struct Tracks {
    /// Per corridor: corridor `b` is the top edge of lane `b` (the last one the bottom
    /// edge of the last lane).
    corridors: Vec<usize>,
    /// Per gap: gap `g` is left of column `g` (the last one right of the last column).
    gaps: Vec<usize>,
}

impl Tracks {
    /// The x at which a link crosses gap `g`, from `left` to `right`, apart from the
    /// links that crossed it before.
    fn leg(&mut self, g: usize, left: f64, right: f64) -> f64 {
        let room = ((right - left) / 2.0 - 4.0).max(0.0);
        let k = self.gaps[g];
        self.gaps[g] += 1;
        (left + right) / 2.0 + LEGS[k % LEGS.len()].clamp(-room, room)
    }
}

/// A curve from `from` to `to` that leaves and arrives horizontally and turns at `x`.
fn s_curve(from: (f64, f64), x: f64, to: (f64, f64)) -> Segment {
    Segment::Curve((x, from.1), (x, to.1), to)
}

fn line(segments: &mut Vec<Segment>, from: (f64, f64), to: (f64, f64)) {
    if (from.0 - to.0).abs() > 0.01 || (from.1 - to.1).abs() > 0.01 {
        segments.push(Segment::Line(to));
    }
}

fn route(grid: &Grid, edge: usize, from: &NodeBox, to: &NodeBox, tracks: &mut Tracks) -> Route {
    let start = (from.rect.right(), from.rect.mid_y());
    let target_y = to.rect.mid_y();
    let out_x = grid.col_right(from.column);
    let mut segments = Vec::with_capacity(5);
    line(&mut segments, start, (out_x, start.1));
    if to.column == from.column {
        // The same year: bow out into the gap and come back to the right side.
        let bow = tracks.leg(from.column + 1, out_x, grid.gap_after(from.column));
        let bow = out_x + (bow - out_x) * 1.3;
        segments.push(Segment::Curve((bow, start.1), (bow, target_y), (out_x, target_y)));
        line(&mut segments, (out_x, target_y), (to.rect.right(), target_y));
    } else if to.column == from.column + 1 {
        let in_x = grid.col_x[to.column];
        let turn = tracks.leg(to.column, out_x, in_x);
        segments.push(s_curve((out_x, start.1), turn, (in_x, target_y)));
        line(&mut segments, (in_x, target_y), (to.rect.x, target_y));
    } else {
        // Through a corridor between lanes: above the target's lane when coming down
        // or along the same lane, below it when coming up.
        let boundary = if to.lane < from.lane { to.lane + 1 } else { to.lane };
        let base =
            if boundary < grid.lane_top.len() { grid.lane_top[boundary] } else { grid.lane_bottom[boundary - 1] };
        let y = base + TRACKS[tracks.corridors[boundary] % TRACKS.len()];
        tracks.corridors[boundary] += 1;
        let (x1, x2, in_x) = (grid.gap_after(from.column), grid.gap_before(to.column), grid.col_x[to.column]);
        let turn_out = tracks.leg(from.column + 1, out_x, x1);
        segments.push(s_curve((out_x, start.1), turn_out, (x1, y)));
        line(&mut segments, (x1, y), (x2, y));
        let turn_in = tracks.leg(to.column, x2, in_x);
        segments.push(s_curve((x2, y), turn_in, (in_x, target_y)));
        line(&mut segments, (in_x, target_y), (to.rect.x, target_y));
    }
    Route { edge, start, segments }
}

impl Layout {
    /// Places a historiograph. See the module docs for the layout.
    ///
    /// Complexity: O(W log W + E).
    pub fn new(picture: &Historiograph<'_>, options: &Options) -> Layout {
        let works = &picture.works;
        let n = works.len();

        // Time order: year, suffix, citation; undated last.
        let citations: Vec<String> = works.iter().map(|w| w.citation()).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| {
                let w = works[i];
                (w.sort_year().is_none(), w.sort_year(), w.year.as_ref().and_then(|y| y.suffix))
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| citations[a].cmp(&citations[b]))
                .then_with(|| works[a].key.cmp(&works[b].key))
        });

        // Columns: one per year with works, in order.
        let mut col_years: Vec<Option<i32>> = Vec::new();
        let mut column = vec![0usize; n];
        for &i in &order {
            let y = works[i].sort_year();
            if col_years.last() != Some(&y) {
                col_years.push(y);
            }
            column[i] = col_years.len() - 1;
        }

        // Lanes: one per discipline, ordered by first year; no discipline last.
        let mut lane_of_name: HashMap<&str, usize> = HashMap::new();
        let mut lane_names: Vec<&str> = Vec::new();
        let mut lane = vec![0usize; n];
        for &i in &order {
            let name = works[i].discipline.as_deref().unwrap_or(NO_DISCIPLINE);
            lane[i] = *lane_of_name.entry(name).or_insert_with(|| {
                lane_names.push(name);
                lane_names.len() - 1
            });
        }
        // Lanes were met in time order, so their order is that of their first works.
        let mut rank: Vec<usize> = (0..lane_names.len()).collect();
        rank.sort_by_key(|&l| (lane_names[l] == NO_DISCIPLINE, l));
        let mut position = vec![0usize; lane_names.len()];
        for (p, &l) in rank.iter().enumerate() {
            position[l] = p;
        }
        for l in lane.iter_mut() {
            *l = position[*l];
        }
        let lane_names: Vec<&str> = rank.iter().map(|&l| lane_names[l]).collect();

        // Node labels and sizes; rows within each (lane, column) cell.
        let lines: Vec<Vec<(String, Font)>> = works.iter().map(|w| node_lines(w, options.titles)).collect();
        let node_w: Vec<f64> = lines.iter().map(|l| Label::width_of(l) + 2.0 * NODE_PAD_X).collect();
        let node_h = lines.first().map(|l| Label::height_of(l)).unwrap_or(0.0) + 2.0 * NODE_PAD_Y;
        let mut cell_rows: HashMap<(usize, usize), usize> = HashMap::new();
        let mut row = vec![0usize; n];
        let mut lane_rows = vec![1usize; lane_names.len()];
        for &i in &order {
            let r = cell_rows.entry((lane[i], column[i])).or_insert(0);
            row[i] = *r;
            *r += 1;
            lane_rows[lane[i]] = lane_rows[lane[i]].max(*r);
        }

        // Lane labels, and the left column that holds them.
        let lane_font = Font(LANE_SIZE, true, "#333333");
        let lane_lines: Vec<Vec<(String, Font)>> = lane_names
            .iter()
            .map(|name| wrap(name, LANE_LABEL_MAX, LANE_SIZE, true, 2).into_iter().map(|t| (t, lane_font)).collect())
            .collect();
        let lane_col_w = lane_lines.iter().map(|l| Label::width_of(l)).fold(0.0, f64::max) + 2.0 * LANE_PAD;
        let plot_left = MARGIN + lane_col_w + COL_GAP / 2.0;

        // Column widths and positions.
        let tick_font = Font(TICK_SIZE, false, "#333333");
        let tick_text: Vec<String> =
            col_years.iter().map(|y| y.map(|y| y.to_string()).unwrap_or_else(|| "n.d.".to_string())).collect();
        let mut col_w: Vec<f64> = tick_text.iter().map(|t| width(t, TICK_SIZE, false) + 8.0).collect();
        for i in 0..n {
            col_w[column[i]] = col_w[column[i]].max(node_w[i]);
        }
        let mut col_x = Vec::with_capacity(col_years.len());
        let mut breaks = Vec::new();
        let mut x = plot_left;
        for (c, w) in col_w.iter().enumerate() {
            if c > 0 {
                let gap = match (col_years[c - 1], col_years[c]) {
                    (Some(a), Some(b)) => (b - a).unsigned_abs(),
                    _ => 1,
                };
                let extra = f64::from(gap.saturating_sub(1).min(YEAR_GAP_MAX)) * YEAR_GAP;
                if gap >= 10 {
                    breaks.push(x + (COL_GAP + extra) / 2.0);
                }
                x += COL_GAP + extra;
            }
            col_x.push(x);
            x += w;
        }
        let plot_right = x + COL_GAP / 2.0;

        // The heading.
        let title =
            Label::new(MARGIN, MARGIN, Anchor::Start, vec![(picture.title.clone(), Font(TITLE_SIZE, true, "#111111"))]);

        // Lanes, top to bottom.
        let pitch = node_h + ROW_GAP;
        let mut lane_top = Vec::with_capacity(lane_names.len());
        let mut y = title.bbox.bottom() + 14.0;
        let mut lanes = Vec::with_capacity(lane_names.len());
        for (l, name) in lane_names.iter().enumerate() {
            let label_h = Label::height_of(&lane_lines[l]);
            let h = (lane_rows[l] as f64 * pitch - ROW_GAP).max(label_h) + 2.0 * LANE_PAD;
            let label = Label::new(MARGIN + LANE_PAD, y + (h - label_h) / 2.0, Anchor::Start, lane_lines[l].clone());
            lanes.push(Lane { name: name.to_string(), band: Rect { x: MARGIN, y, w: plot_right - MARGIN, h }, label });
            lane_top.push(y);
            y += h;
        }
        let lanes_bottom = y;

        // Works.
        let nodes: Vec<NodeBox> = (0..n)
            .map(|i| {
                let (c, l) = (column[i], lane[i]);
                let rect = Rect {
                    x: col_x[c] + (col_w[c] - node_w[i]) / 2.0,
                    y: lane_top[l] + LANE_PAD + row[i] as f64 * pitch,
                    w: node_w[i],
                    h: node_h,
                };
                let label = Label::new(rect.x + rect.w / 2.0, rect.y + NODE_PAD_Y, Anchor::Middle, lines[i].clone());
                NodeBox { work: i, lane: l, column: c, rect, label }
            })
            .collect();

        let grid = Grid { col_x, col_w, lane_bottom: lanes.iter().map(|l| l.band.bottom()).collect(), lane_top };
        let mut tracks = Tracks { corridors: vec![0; lanes.len() + 1], gaps: vec![0; grid.col_x.len() + 1] };
        let routes = picture
            .edges
            .iter()
            .enumerate()
            .map(|(e, edge)| route(&grid, e, &nodes[edge.from], &nodes[edge.to], &mut tracks))
            .collect();

        // The axis, its year labels and caption.
        let axis_y = lanes_bottom + 10.0;
        let columns: Vec<Column> = col_years
            .iter()
            .enumerate()
            .map(|(c, year)| {
                let mid = grid.col_x[c] + grid.col_w[c] / 2.0;
                let label = Label::new(mid, axis_y + 8.0, Anchor::Middle, vec![(tick_text[c].clone(), tick_font)]);
                Column { year: *year, x: mid, label }
            })
            .collect();
        let ticks_bottom = columns.iter().map(|c| c.label.bbox.bottom()).fold(axis_y + 8.0, f64::max);
        let caption = Label::new(
            plot_left,
            ticks_bottom + 6.0,
            Anchor::Start,
            vec![(
                "Time runs left to right: one column per year with works; long gaps are shortened (marked //)"
                    .to_string(),
                Font(CAPTION_SIZE, false, "#555555"),
            )],
        );

        // The legend: every lineage relation, any other relation drawn, and for a
        // lineage with other links, what heavy and light lines mean.
        let mut samples: Vec<Sample> = [
            Relation::Influence,
            Relation::Transmission,
            Relation::Refinement,
            Relation::Critique,
            Relation::Succession,
        ]
        .into_iter()
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
        let legend_top = caption.bbox.bottom() + 14.0;
        let legend_title = Label::new(
            MARGIN,
            legend_top,
            Anchor::Start,
            vec![("Links".to_string(), Font(LEGEND_SIZE, true, "#222222"))],
        );
        let row_h = 1.25 * LEGEND_SIZE + 8.0;
        let legend_left = legend_title.bbox.right() + LEGEND_GAP;
        let legend_right = (plot_right).max(MARGIN + LEGEND_MIN_W);
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
            axis: (axis_y, plot_left, plot_right),
            breaks,
            caption,
            nodes,
            routes,
            legend_title,
            legend,
        }
    }

    /// How legible the picture is when shown `width_px` pixels wide (a slide is 1,920):
    /// the smallest text's size there in px, and the names cut short (none: names are
    /// never cut; titles may be, and are whole in the tooltips).
    pub fn legibility(&self, width_px: f64) -> Legibility {
        let scale = width_px / self.width.max(1.0);
        let mut labels: Vec<&Label> = vec![&self.title, &self.caption, &self.legend_title];
        labels.extend(self.lanes.iter().map(|l| &l.label));
        labels.extend(self.nodes.iter().map(|n| &n.label));
        labels.extend(self.columns.iter().map(|c| &c.label));
        labels.extend(self.legend.iter().map(|e| &e.label));
        let smallest = labels.iter().flat_map(|l| &l.lines).map(|t| t.size).fold(f64::INFINITY, f64::min);
        let cut_names = self
            .nodes
            .iter()
            .filter_map(|n| n.label.lines.first())
            .filter(|t| t.text.contains('\u{2026}'))
            .map(|t| t.text.clone())
            .collect();
        Legibility { smallest_px: if smallest.is_finite() { smallest * scale } else { 0.0 }, cut_names }
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
