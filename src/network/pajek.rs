//! Pajek networks (`.net`) and project files (`.paj`).
//!
//! Read: `*Network`, `*Vertices n` with `number "label" ...` lines, `*Arcs` and `*Edges`
//! (`from to [weight]`), `*Arcslist` and `*Edgeslist` (`from to to ...`), `%` comments,
//! CRLF, a `*Partition` whose name contains "year" (the works' years) and a `*Vector`
//! whose name contains "GCS" (global citation counts, as HistCite writes them). Other
//! sections (`*Matrix`, other partitions and vectors) are skipped with a note.
//!
//! A work's id is its vertex number ("1", "2", ...); its label is the vertex label. Every
//! vertex is a record of the set, so every arc is a matched cited reference. Edges are read
//! as arcs from the first to the second vertex, with a note. Arcs are read citing -> cited
//! unless [`Direction`] says otherwise; with [`Direction::Auto`] and a year partition,
//! a file whose arcs mostly run from older to newer works (HistCite's) is turned round.

use super::load::{io_error, Direction, FileReport, LoadContext, Reader};
use crate::error::Result;
use std::io::BufRead;
use std::path::Path;

/// The Pajek reader.
#[derive(Debug, Clone, Copy)]
pub struct Pajek;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    None,
    Vertices,
    Arcs,
    Edges,
    ArcsList,
    EdgesList,
    Years,
    Gcs,
    Other,
}

impl Reader for Pajek {
    fn name(&self) -> &'static str {
        "pajek"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> u8 {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let text = String::from_utf8_lossy(head);
        let first = text
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('%'))
            .unwrap_or("")
            .to_ascii_lowercase();
        let starts = ["*vertices", "*network", "*arcs", "*edges"].iter().any(|k| first.starts_with(k));
        match (starts, ext == "net" || ext == "paj") {
            (true, true) => 100,
            (true, false) => 90,
            (false, true) => 10,
            _ => 0,
        }
    }

    fn read(&self, path: &Path, cx: &mut LoadContext, report: &mut FileReport) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        let mut reader = std::io::BufReader::new(file);
        let mut raw = Vec::new();
        let mut section = Section::None;
        // Vertex numbers (1-based) to work indices, for the current network.
        let mut vertices: Vec<u32> = Vec::new();
        let mut arcs: Vec<(u32, u32, u32)> = Vec::new(); // (from, to, line), 0-based vertices
        let mut years: Vec<Option<i32>> = Vec::new();
        let mut row = 0usize; // row within a partition or vector
        let mut line_no = 0u32;
        let mut edges_noted = false;
        loop {
            raw.clear();
            let n = reader.read_until(b'\n', &mut raw).map_err(|e| io_error(path, e))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            cx.progress(&report.file, line_no as u64);
            let text = String::from_utf8_lossy(&raw);
            let line = text.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('%') {
                continue;
            }
            if line.starts_with('*') {
                let lower = line.to_ascii_lowercase();
                let keyword = lower.split_whitespace().next().unwrap_or("");
                let name = line.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
                section = match keyword {
                    "*network" => Section::None,
                    "*vertices" if matches!(section, Section::Years | Section::Gcs | Section::Other) => section,
                    "*vertices" => {
                        let count = lower.split_whitespace().nth(1).and_then(|c| c.parse::<usize>().ok());
                        let Some(count) = count else {
                            report.skip(line_no, "pajek-syntax", "a *Vertices line without a count", Some(line));
                            continue;
                        };
                        if !vertices.is_empty() {
                            report.note(
                                line_no,
                                "pajek-second-network",
                                "a second network: its vertex numbers are the same works as the first's",
                            );
                        }
                        vertices = (1..=count).map(|i| cx.builder.work(&i.to_string())).collect();
                        for &w in &vertices {
                            cx.builder.set_in_set(w, true);
                        }
                        report.records = report.records.max(count);
                        years.resize(count, None);
                        Section::Vertices
                    }
                    "*arcs" => Section::Arcs,
                    "*edges" => Section::Edges,
                    "*arcslist" => Section::ArcsList,
                    "*edgeslist" => Section::EdgesList,
                    "*partition" if lower.contains("year") => Section::Years,
                    "*vector" if lower.contains("gcs") => Section::Gcs,
                    _ => {
                        report.note(line_no, "pajek-section-skipped", format!("section `{}` is not read", line.trim()));
                        Section::Other
                    }
                };
                if !name.is_empty() && matches!(section, Section::Years | Section::Gcs) {
                    report.note(
                        line_no,
                        "pajek-attribute",
                        format!(
                            "`{name}` read as {}",
                            if section == Section::Years { "years" } else { "global citation counts" }
                        ),
                    );
                }
                row = 0;
                continue;
            }
            match section {
                Section::Vertices => vertex_line(line, line_no, &vertices, cx, report),
                Section::Arcs | Section::Edges | Section::ArcsList | Section::EdgesList => {
                    if matches!(section, Section::Edges | Section::EdgesList) && !edges_noted {
                        edges_noted = true;
                        report.note(line_no, "pajek-edges", "edges read as arcs from the first vertex to the second");
                    }
                    let list = matches!(section, Section::ArcsList | Section::EdgesList);
                    arc_line(line, line_no, list, vertices.len(), &mut arcs, report);
                }
                Section::Years | Section::Gcs => {
                    row += 1;
                    let Some(&w) = vertices.get(row - 1) else {
                        report.skip(line_no, "pajek-extra-value", "more values than vertices", Some(line));
                        continue;
                    };
                    let value = line.split_whitespace().next().unwrap_or("");
                    if section == Section::Years {
                        match value.parse::<i32>() {
                            Ok(y) if y != 0 => {
                                cx.builder.set_year(w, y);
                                years[row - 1] = Some(y);
                            }
                            Ok(_) => {}
                            Err(_) => report.skip(line_no, "pajek-bad-year", "not a year", Some(line)),
                        }
                    } else {
                        match value.parse::<f64>() {
                            Ok(c) if c >= 0.0 && c.is_finite() => {
                                cx.builder.set_gcs(w, c.round().min(u32::MAX as f64 - 1.0) as u32)
                            }
                            _ => report.skip(line_no, "pajek-bad-count", "not a citation count", Some(line)),
                        }
                    }
                }
                Section::None => report.skip(line_no, "pajek-syntax", "a line outside any section", Some(line)),
                Section::Other => {}
            }
        }
        let reverse = match cx.options.direction {
            Direction::CitingToCited => false,
            Direction::CitedToCiting => true,
            Direction::Auto => {
                let (mut forward, mut backward) = (0usize, 0usize);
                for &(u, v, _) in &arcs {
                    if let (Some(Some(a)), Some(Some(b))) = (years.get(u as usize), years.get(v as usize)) {
                        if a < b {
                            forward += 1;
                        } else if a > b {
                            backward += 1;
                        }
                    }
                }
                let reverse = forward > backward;
                let message = if forward + backward == 0 {
                    "arcs read as citing -> cited (no years to tell the direction by)".to_string()
                } else if reverse {
                    format!("arcs read as cited -> citing: {forward} run from an older to a newer work, {backward} the other way")
                } else {
                    format!("arcs read as citing -> cited: {backward} run from a newer to an older work, {forward} the other way")
                };
                report.note(0, "arc-direction", message);
                reverse
            }
        };
        for (u, v, _) in arcs {
            let (from, to) = (vertices[u as usize], vertices[v as usize]);
            if reverse {
                cx.builder.cite(to, from);
            } else {
                cx.builder.cite(from, to);
            }
            report.cited_references += 1;
            report.matched += 1;
        }
        Ok(())
    }
}

/// `number "label" x y z ...` or `number label`.
fn vertex_line(line: &str, line_no: u32, vertices: &[u32], cx: &mut LoadContext, report: &mut FileReport) {
    let (number, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let Some(&w) = number.parse::<usize>().ok().and_then(|i| i.checked_sub(1)).and_then(|i| vertices.get(i)) else {
        report.skip(line_no, "pajek-bad-vertex", "not a vertex number of this network", Some(line));
        return;
    };
    let rest = rest.trim_start();
    let label = if let Some(quoted) = rest.strip_prefix('"') {
        match quoted.find('"') {
            Some(end) => &quoted[..end],
            None => {
                report.skip(
                    line_no,
                    "pajek-unterminated-label",
                    "a label without its closing quote (read to the end of the line)",
                    Some(line),
                );
                quoted
            }
        }
    } else {
        rest.split_whitespace().next().unwrap_or("")
    };
    let label = label.trim();
    if !label.is_empty() {
        cx.builder.set_label(w, label);
    }
}

fn arc_line(line: &str, line_no: u32, list: bool, n: usize, arcs: &mut Vec<(u32, u32, u32)>, report: &mut FileReport) {
    let mut fields = line.split_whitespace();
    let vertex =
        |f: Option<&str>| f.and_then(|s| s.parse::<usize>().ok()).filter(|&i| i >= 1 && i <= n).map(|i| (i - 1) as u32);
    let Some(from) = vertex(fields.next()) else {
        report.skip(line_no, "pajek-bad-arc", "an arc from no vertex of this network", Some(line));
        return;
    };
    if list {
        for f in fields {
            match vertex(Some(f)) {
                Some(to) => arcs.push((from, to, line_no)),
                None => {
                    report.skip(line_no, "pajek-bad-arc", format!("`{f}` is no vertex of this network"), Some(line))
                }
            }
        }
    } else {
        match vertex(fields.next()) {
            Some(to) => arcs.push((from, to, line_no)),
            None => report.skip(line_no, "pajek-bad-arc", "an arc to no vertex of this network", Some(line)),
        }
    }
}
