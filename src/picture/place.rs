//! What a historiograph's layout decides before it measures anything in px: the works'
//! time order, their lanes, their labels, the periods (columns) of the time axis, and the
//! order of the works stacked in each lane and period.
//!
//! Complexity: O(W log W + E) for W works and E links, per number of periods tried.

use super::layout::{Font, NO_DISCIPLINE};
use super::text::{width, wrap, wrap_whole};
use super::{Historiograph, Options};
use std::collections::HashMap;

/// The most lanes the works with links are spread over; past it, the smallest
/// disciplines share a lane, [`OTHER_DISCIPLINES`].
pub const MAX_LANES: usize = 7;
/// The lane of works from disciplines too small for a lane of their own.
pub const OTHER_DISCIPLINES: &str = "other disciplines";
/// The band of works that no link drawn joins to another.
pub const UNLINKED: &str = "not linked to another work shown";

pub(super) const NODE_SIZE: f64 = 12.0;
pub(super) const TITLE_LINE_SIZE: f64 = 12.0;
/// The widest a work's text runs before it wraps.
pub(super) const NODE_TEXT_MAX: f64 = 172.0;
/// The widest a name in the band of unlinked works runs before it wraps.
const BAND_TEXT_MAX: f64 = 300.0;
pub(super) const NODE_PAD_X: f64 = 7.0;
pub(super) const NODE_PAD_Y: f64 = 4.0;

/// A column's first and last year (`None`: the undated works).
pub(super) type Period = (Option<i32>, Option<i32>);

/// Everything about the works that does not depend on the number of periods.
pub(super) struct Prep {
    /// The works in time order: year, suffix, citation; undated last.
    pub order: Vec<usize>,
    /// Each work's year (`None`: undated).
    pub year: Vec<Option<i32>>,
    /// Each work's lane: an index into `lane_names`.
    pub lane: Vec<usize>,
    /// The lanes, top to bottom.
    pub lane_names: Vec<String>,
    /// Whether the last lane is the band of unlinked works.
    pub unlinked_band: bool,
    /// Whether each work is in that band (off the time axis's columns).
    pub banded: Vec<bool>,
    /// Each work's label lines; the first `name_lines[i]` are its name and year.
    pub lines: Vec<Vec<(String, Font)>>,
    /// How many of each work's lines are its name and year.
    pub name_lines: Vec<usize>,
    /// Each work's box size.
    pub size: Vec<(f64, f64)>,
    /// Each work's linked neighbours (both ways), for the barycentre ordering.
    pub neighbours: Vec<Vec<usize>>,
}

fn node_lines(
    year: &str,
    authors: &str,
    title: Option<&str>,
    max: f64,
    title_lines: usize,
) -> (Vec<(String, Font)>, usize) {
    let bold = Font(NODE_SIZE, true, "#1a1a1a");
    // Names are never cut (`Levitt and Glick Sc…`): a long one wraps onto more lines.
    // A name that already ends in the year (a network's label, `Moon 1995`) is not given it twice.
    let name = if authors.ends_with(year) { authors.to_string() } else { format!("{authors} {year}") };
    let mut lines: Vec<(String, Font)> =
        wrap_whole(&name, max, NODE_SIZE, true).into_iter().map(|l| (l, bold)).collect();
    let names = lines.len();
    if let Some(title) = title {
        let regular = Font(TITLE_LINE_SIZE, false, "#4d4d4d");
        lines.extend(wrap(title, NODE_TEXT_MAX, TITLE_LINE_SIZE, false, title_lines).into_iter().map(|l| (l, regular)));
    }
    (lines, names)
}

impl Prep {
    /// Complexity: O(W log W + E).
    /// Titles take at most `title_lines` lines.
    pub fn new(picture: &Historiograph<'_>, options: &Options, title_lines: usize) -> Prep {
        let works = &picture.works;
        let n = works.len();
        let citations: Vec<String> = works.iter().map(|w| w.citation()).collect();
        let year: Vec<Option<i32>> = works.iter().map(|w| w.sort_year()).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| (year[i].is_none(), year[i], works[i].year.as_ref().and_then(|y| y.suffix));
            key(a)
                .cmp(&key(b))
                .then_with(|| citations[a].cmp(&citations[b]))
                .then_with(|| works[a].key.cmp(&works[b].key))
        });

        let mut neighbours = vec![Vec::new(); n];
        for e in &picture.edges {
            if e.from != e.to {
                neighbours[e.from].push(e.to);
                neighbours[e.to].push(e.from);
            }
        }
        let linked: Vec<bool> = neighbours.iter().map(|v| !v.is_empty()).collect();
        let unlinked_band = linked.iter().any(|&l| l) && linked.iter().any(|&l| !l);
        let in_lanes = |i: usize| !unlinked_band || linked[i];

        // Disciplines of the works in lanes, by size; past MAX_LANES the smallest share one.
        let group = |i: usize| works[i].discipline.as_deref().unwrap_or(NO_DISCIPLINE);
        let mut size: HashMap<&str, (usize, usize)> = HashMap::new();
        for (t, &i) in order.iter().enumerate() {
            if in_lanes(i) {
                size.entry(group(i)).or_insert((0, t)).0 += 1;
            }
        }
        let stated = size.contains_key(NO_DISCIPLINE) as usize;
        let mut named: Vec<(&str, usize, usize)> =
            size.iter().filter(|(k, _)| **k != NO_DISCIPLINE).map(|(k, v)| (*k, v.0, v.1)).collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let room = MAX_LANES.saturating_sub(stated).max(1);
        let kept = if named.len() > room { room - 1 } else { named.len() };
        let other = named.len() > kept;
        // Kept lanes in the order of their first works; then the others, then no discipline.
        let mut lanes: Vec<(&str, usize)> = named[..kept].iter().map(|d| (d.0, d.2)).collect();
        lanes.sort_by_key(|l| l.1);
        let mut lane_names: Vec<String> = lanes.iter().map(|l| l.0.to_string()).collect();
        if other {
            lane_names.push(OTHER_DISCIPLINES.to_string());
        }
        if stated == 1 {
            lane_names.push(NO_DISCIPLINE.to_string());
        }
        if unlinked_band {
            lane_names.push(UNLINKED.to_string());
        }
        let index: HashMap<&str, usize> = lane_names.iter().enumerate().map(|(l, s)| (s.as_str(), l)).collect();
        let lane: Vec<usize> = (0..n)
            .map(|i| {
                if !in_lanes(i) {
                    lane_names.len() - 1
                } else {
                    index.get(group(i)).copied().unwrap_or_else(|| index[OTHER_DISCIPLINES])
                }
            })
            .collect();

        let mut lines = Vec::with_capacity(n);
        let mut name_lines = Vec::with_capacity(n);
        let mut sizes = Vec::with_capacity(n);
        for (i, w) in works.iter().enumerate() {
            let y = w.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".to_string());
            // The band of unlinked works is compact: names only (titles are in the tooltips).
            let title = (options.titles && in_lanes(i)).then(|| w.title.as_deref().unwrap_or("(untitled)"));
            // A band's box is one line as long as a lane's box is wide with its title.
            let max = if in_lanes(i) { NODE_TEXT_MAX } else { BAND_TEXT_MAX };
            let (l, names) = node_lines(&y, &w.cited_authors(), title, max, title_lines);
            let text_w = l.iter().map(|(t, Font(s, b, _))| width(t, *s, *b)).fold(0.0, f64::max);
            let text_h: f64 = l.iter().map(|(_, Font(s, _, _))| 1.25 * s).sum();
            sizes.push((text_w + 2.0 * NODE_PAD_X, text_h + 2.0 * NODE_PAD_Y));
            lines.push(l);
            name_lines.push(names);
        }
        let banded = (0..n).map(|i| !in_lanes(i)).collect();
        Prep { order, year, lane, lane_names, unlinked_band, banded, lines, name_lines, size: sizes, neighbours }
    }

    /// The years of the works in lanes, in order, each with how many works it has.
    fn year_counts(&self) -> Vec<(Option<i32>, usize)> {
        let mut years: Vec<(Option<i32>, usize)> = Vec::new();
        for &i in self.order.iter().filter(|&&i| !self.banded[i]) {
            match years.last_mut() {
                Some((y, c)) if *y == self.year[i] => *c += 1,
                _ => years.push((self.year[i], 1)),
            }
        }
        years
    }

    /// How many columns one per year would take (undated works take one of their own).
    pub fn years(&self) -> usize {
        self.year_counts().len().max(1)
    }

    /// The fewest columns: one for all dated works, one for the undated.
    pub fn min_columns(&self) -> usize {
        let years = self.year_counts();
        let undated = years.last().is_some_and(|y| y.0.is_none()) as usize;
        ((years.len() > undated) as usize + undated).max(1)
    }

    /// The works grouped into `k` periods of consecutive years, each with about as many
    /// works (a year is never split); undated works are a period of their own. Returns each
    /// work's column and each column's first and last year.
    ///
    /// Complexity: O(W).
    pub fn periods(&self, k: usize) -> (Vec<usize>, Vec<Period>) {
        let years = self.year_counts();
        let undated = years.last().is_some_and(|y| y.0.is_none());
        let dated = years.len() - undated as usize;
        let bins = k.saturating_sub(undated as usize).clamp(dated.min(1), dated);
        let mut cols: Vec<Period> = Vec::new();
        let mut remaining: usize = years[..dated].iter().map(|y| y.1).sum();
        let (mut acc, mut open) = (0usize, false);
        for (j, &(y, c)) in years[..dated].iter().enumerate() {
            if !open {
                cols.push((y, y));
                open = true;
                acc = 0;
            }
            cols.last_mut().expect("a column is open").1 = y;
            acc += c;
            let left_bins = bins - cols.len();
            let left_years = dated - j - 1;
            let target = remaining.div_ceil(left_bins + 1);
            if left_bins > 0 && (acc >= target || left_years == left_bins) {
                remaining -= acc;
                open = false;
            }
        }
        if undated || cols.is_empty() {
            cols.push((None, None));
        }
        // Every work in the period of its year (works of the band too, for reference);
        // an undated work with no undated column goes in the last.
        let dated_cols = cols.iter().filter(|c| c.0.is_some()).count();
        let column = self
            .year
            .iter()
            .map(|y| match y {
                Some(y) => {
                    cols[..dated_cols].partition_point(|c| c.0.is_some_and(|first| first <= *y)).saturating_sub(1)
                }
                None => cols.len() - 1,
            })
            .collect();
        (column, cols)
    }

    /// The works of each (lane, column) cell, top to bottom: in time order, then a few
    /// sweeps of barycentre ordering (each work moves towards the mean height of the works
    /// it is linked to), which uncrosses links without comparing all pairs.
    ///
    /// Complexity: O(SWEEPS · (W log W + E)).
    pub fn stacks(&self, column: &[usize], columns: usize) -> Vec<Vec<usize>> {
        const SWEEPS: usize = 4;
        let lanes = self.lane_names.len();
        let mut cells: Vec<Vec<usize>> = vec![Vec::new(); lanes * columns];
        for &i in self.order.iter().filter(|&&i| !self.banded[i]) {
            cells[self.lane[i] * columns + column[i]].push(i);
        }
        // Heights: each lane as tall as its tallest cell; works at their middles.
        let mut lane_h = vec![0.0f64; lanes];
        for (c, cell) in cells.iter().enumerate() {
            let h: f64 = cell.iter().map(|&i| self.size[i].1 + 10.0).sum();
            lane_h[c / columns] = lane_h[c / columns].max(h);
        }
        let mut lane_top = vec![0.0; lanes];
        for l in 1..lanes {
            lane_top[l] = lane_top[l - 1] + lane_h[l - 1] + 24.0;
        }
        let mut y = vec![0.0; self.order.len()];
        let place = |cells: &[Vec<usize>], y: &mut [f64]| {
            for (c, cell) in cells.iter().enumerate() {
                let mut top = lane_top[c / columns];
                for &i in cell {
                    y[i] = top + self.size[i].1 / 2.0;
                    top += self.size[i].1 + 10.0;
                }
            }
        };
        place(&cells, &mut y);
        for _ in 0..SWEEPS {
            let mut moved = false;
            for cell in cells.iter_mut().filter(|c| c.len() > 1) {
                let key = |i: usize| {
                    let n = &self.neighbours[i];
                    if n.is_empty() {
                        y[i]
                    } else {
                        n.iter().map(|&j| y[j]).sum::<f64>() / n.len() as f64
                    }
                };
                let before = cell.clone();
                cell.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
                moved |= *cell != before;
            }
            if !moved {
                break;
            }
            place(&cells, &mut y);
        }
        cells
    }
}
