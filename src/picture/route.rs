//! Routing a historiograph's links so that none passes under a work and no two share a
//! line.
//!
//! - A link leaves the right side of its earlier work and enters the left side of its
//!   later one (the right side, within one period). The links at one side of a box get
//!   ports of their own, spread over the side in the order of where they go.
//! - Between neighbouring periods a link is one curve through the gap between them; within
//!   one period it bows out into the gap after it and comes back; a longer link drops
//!   through the gap after its first period into the corridor between two lanes (which
//!   holds no work), runs along it, and rises through the gap before its last period.
//! - In each gap, the links crossing it turn at x positions of their own, spread over the
//!   gap; in each corridor, links whose spans overlap get tracks of their own (interval
//!   colouring, greedily by start, with heaps), and the corridor is made as tall as its
//!   tracks need.
//!
//! Complexity: O(E log E) for E links.

use super::layout::{NodeBox, Route, Segment};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Between two tracks of a corridor, and two ports of a side.
pub(super) const TRACK_GAP: f64 = 5.0;

/// How a link runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shape {
    /// Both works in one period.
    Same,
    /// From one period to the next.
    Next,
    /// Through a corridor: `boundary` is the top edge of lane `boundary`.
    Far { boundary: usize, track: usize },
}

/// The links' shapes, the tracks each corridor needs and the turns in each gap.
pub(super) struct Plan {
    pub shapes: Vec<Shape>,
    /// Per corridor (the top edge of each lane, then the bottom edge of the last).
    pub tracks: Vec<usize>,
    /// Per gap (left of each column, then right of the last): how many links turn in it.
    pub turns: Vec<usize>,
}

/// Plans the links `(from, to)` between works in `lane` and `column`.
///
/// Complexity: O(E log E).
pub(super) fn plan(edges: &[(usize, usize)], lane: &[usize], column: &[usize], lanes: usize, columns: usize) -> Plan {
    let mut shapes = Vec::with_capacity(edges.len());
    let mut turns = vec![0usize; columns + 1];
    let mut corridor: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); lanes + 1];
    for (e, &(a, b)) in edges.iter().enumerate() {
        let (ca, cb) = (column[a], column[b]);
        if ca == cb {
            turns[ca + 1] += 1;
            shapes.push(Shape::Same);
        } else if cb == ca + 1 {
            turns[cb] += 1;
            shapes.push(Shape::Next);
        } else {
            turns[ca + 1] += 1;
            turns[cb] += 1;
            // Above the target's lane when coming down, below it when coming up; along one
            // lane, above or below it, whichever corridor holds fewer links so far.
            let (la, lb) = (lane[a], lane[b]);
            let boundary = match lb.cmp(&la) {
                std::cmp::Ordering::Less => lb + 1,
                std::cmp::Ordering::Greater => lb,
                std::cmp::Ordering::Equal if corridor[lb + 1].len() < corridor[lb].len() => lb + 1,
                std::cmp::Ordering::Equal => lb,
            };
            let (s, t) = if cb > ca { (ca + 1, cb) } else { (cb, ca + 1) };
            corridor[boundary].push((s, t, e));
            shapes.push(Shape::Far { boundary, track: 0 });
        }
    }
    let mut tracks = vec![0usize; lanes + 1];
    for (b, spans) in corridor.iter_mut().enumerate() {
        spans.sort_unstable();
        // Interval colouring: the busy tracks by the last gap they hold, the free ones by
        // number (the lowest free track is taken).
        let mut busy: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
        let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
        let mut count = 0;
        for &(s, t, e) in spans.iter() {
            while let Some(&Reverse((end, k))) = busy.peek() {
                if end >= s {
                    break;
                }
                busy.pop();
                free.push(Reverse(k));
            }
            let k = free.pop().map(|Reverse(k)| k).unwrap_or_else(|| {
                count += 1;
                count - 1
            });
            busy.push(Reverse((t, k)));
            shapes[e] = Shape::Far { boundary: b, track: k };
        }
        tracks[b] = count;
    }
    Plan { shapes, tracks, turns }
}

/// Where the planned links run, in px.
pub(super) struct Geometry<'a> {
    /// Each column's left edge and width.
    pub col_x: &'a [f64],
    pub col_w: &'a [f64],
    /// Each gap's left and right edges.
    pub gaps: &'a [(f64, f64)],
    /// Each corridor's tracks' y.
    pub track_y: &'a [Vec<f64>],
}

impl Geometry<'_> {
    fn col_right(&self, c: usize) -> f64 {
        self.col_x[c] + self.col_w[c]
    }
}

/// Spreads `k` of `m` ports or turns evenly over `from..to`.
fn spread(from: f64, to: f64, k: usize, m: usize) -> f64 {
    from + (to - from) * (k + 1) as f64 / (m + 1) as f64
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

/// The routes of the planned links.
///
/// Complexity: O(E log E).
pub(super) fn routes(edges: &[(usize, usize)], plan: &Plan, nodes: &[NodeBox], g: &Geometry<'_>) -> Vec<Route> {
    let n = nodes.len();
    // Where each link heads from its start, and comes from at its end.
    let toward = |e: usize| match plan.shapes[e] {
        Shape::Far { boundary, track } => g.track_y[boundary][track],
        _ => nodes[edges[e].1].rect.mid_y(),
    };
    let from_y = |e: usize| match plan.shapes[e] {
        Shape::Far { boundary, track } => g.track_y[boundary][track],
        _ => nodes[edges[e].0].rect.mid_y(),
    };
    // Ports: out on the right side; in on the left side, or the right within one period.
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ins_left: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ins_right: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(a, b)) in edges.iter().enumerate() {
        outs[a].push(e);
        if plan.shapes[e] == Shape::Same {
            ins_right[b].push(e);
        } else {
            ins_left[b].push(e);
        }
    }
    let mut start_y = vec![0.0; edges.len()];
    let mut end_y = vec![0.0; edges.len()];
    for i in 0..n {
        let r = nodes[i].rect;
        let (top, bottom) = (r.y + 3.0, r.bottom() - 3.0);
        // Links out and in at the right side share it: outs above ins.
        let right = outs[i].len() + ins_right[i].len();
        outs[i].sort_by(|&p, &q| toward(p).total_cmp(&toward(q)).then(p.cmp(&q)));
        for (k, &e) in outs[i].iter().enumerate() {
            start_y[e] = spread(top, bottom, k, right);
        }
        ins_right[i].sort_by(|&p, &q| from_y(p).total_cmp(&from_y(q)).then(p.cmp(&q)));
        for (k, &e) in ins_right[i].iter().enumerate() {
            end_y[e] = spread(top, bottom, outs[i].len() + k, right);
        }
        ins_left[i].sort_by(|&p, &q| from_y(p).total_cmp(&from_y(q)).then(p.cmp(&q)));
        for (k, &e) in ins_left[i].iter().enumerate() {
            end_y[e] = spread(top, bottom, k, ins_left[i].len());
        }
    }
    // Turns: each link crossing a gap turns at an x of its own, in the order of where it
    // starts there.
    let mut in_gap: Vec<Vec<(f64, usize, bool)>> = vec![Vec::new(); g.gaps.len()];
    for (e, &(a, b)) in edges.iter().enumerate() {
        let (ca, cb) = (nodes[a].column, nodes[b].column);
        match plan.shapes[e] {
            Shape::Same => in_gap[ca + 1].push((start_y[e], e, false)),
            Shape::Next => in_gap[cb].push((start_y[e], e, true)),
            Shape::Far { .. } => {
                in_gap[ca + 1].push((start_y[e], e, false));
                in_gap[cb].push((toward(e), e, true));
            }
        }
    }
    let mut turn_out = vec![0.0; edges.len()];
    let mut turn_in = vec![0.0; edges.len()];
    for (gap, list) in in_gap.iter_mut().enumerate() {
        list.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
        let (left, right) = g.gaps[gap];
        let (left, right) = (left + 2.0, right - 2.0);
        let m = list.len();
        for (k, &(_, e, incoming)) in list.iter().enumerate() {
            let x = spread(left, right, k, m);
            if incoming {
                turn_in[e] = x;
            } else {
                turn_out[e] = x;
            }
        }
    }
    edges
        .iter()
        .enumerate()
        .map(|(e, &(a, b))| {
            let (from, to) = (&nodes[a], &nodes[b]);
            let start = (from.rect.right(), start_y[e]);
            let target_y = end_y[e];
            let out_x = g.col_right(from.column);
            let mut segments = Vec::with_capacity(5);
            line(&mut segments, start, (out_x, start.1));
            match plan.shapes[e] {
                Shape::Same => {
                    // Bow out into the gap and come back to the right side.
                    let bow = out_x + (turn_out[e] - out_x) * 1.3;
                    segments.push(Segment::Curve((bow, start.1), (bow, target_y), (out_x, target_y)));
                    line(&mut segments, (out_x, target_y), (to.rect.right(), target_y));
                }
                Shape::Next => {
                    let in_x = g.col_x[to.column];
                    segments.push(s_curve((out_x, start.1), turn_in[e], (in_x, target_y)));
                    line(&mut segments, (in_x, target_y), (to.rect.x, target_y));
                }
                Shape::Far { .. } => {
                    let y = toward(e);
                    let x1 = g.gaps[from.column + 1].1;
                    let x2 = g.gaps[to.column].0;
                    let in_x = g.col_x[to.column];
                    segments.push(s_curve((out_x, start.1), turn_out[e], (x1, y)));
                    line(&mut segments, (x1, y), (x2, y));
                    segments.push(s_curve((x2, y), turn_in[e], (in_x, target_y)));
                    line(&mut segments, (in_x, target_y), (to.rect.x, target_y));
                }
            }
            Route { edge: e, start, segments }
        })
        .collect()
}
