//! `bibgraph network FILE...`: load exports into one citation network and count what was read.

use crate::netload::NetworkFiles;
use crate::TextOrJson;
use bibgraph::network::{FileReport, LoadReport, Network};
use bibgraph::Severity;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// The arguments of `bibgraph network`.
#[derive(clap::Args)]
pub struct NetworkArgs {
    #[command(flatten)]
    pub input: NetworkFiles,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

fn skipped(f: &FileReport) -> usize {
    f.skipped.iter().filter(|d| d.severity >= Severity::Warning).count()
}

fn file_json(f: &FileReport) -> Value {
    let diagnostics: Vec<Value> = f
        .skipped
        .iter()
        .map(|d| {
            json!({
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "line": d.location.as_ref().map(|l| l.line),
                "subject": d.subject,
            })
        })
        .collect();
    json!({
        "file": f.file,
        "format": f.format,
        "records": f.records,
        "cited_references": f.cited_references,
        "matched": f.matched,
        "cited_only": f.cited_only,
        "skipped": skipped(f),
        "diagnostics": diagnostics,
    })
}

fn to_json(net: &Network, report: &LoadReport) -> Value {
    let mut by_reason = serde_json::Map::new();
    for m in &report.matches {
        let e = by_reason.entry(m.reason.name().to_string()).or_insert(json!(0));
        *e = json!(e.as_u64().unwrap_or(0) + 1);
    }
    json!({
        "records": report.records(),
        "cited_references": report.cited_references(),
        "matched": report.matched(),
        "cited_only": report.cited_only(),
        "skipped": report.files.iter().map(skipped).sum::<usize>(),
        "works": net.len(),
        "works_in_set": (0..net.len() as u32).filter(|&w| net.in_set(w)).count(),
        "citations": net.citation_count(),
        "duplicate_citations": report.build.duplicate_citations,
        "self_citations": report.build.self_citations,
        "matched_by_text": by_reason,
        "files": report.files.iter().map(file_json).collect::<Vec<_>>(),
    })
}

fn to_text(net: &Network, report: &LoadReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<40} {:<16} {:>8} {:>10} {:>8} {:>10} {:>7}",
        "file", "format", "records", "references", "matched", "cited-only", "skipped"
    );
    for f in &report.files {
        let name: String = if f.file.chars().count() > 40 {
            let tail: String = f.file.chars().rev().take(39).collect::<Vec<_>>().into_iter().rev().collect();
            format!("…{tail}")
        } else {
            f.file.clone()
        };
        let _ = writeln!(
            out,
            "{name:<40} {:<16} {:>8} {:>10} {:>8} {:>10} {:>7}",
            f.format,
            f.records,
            f.cited_references,
            f.matched,
            f.cited_only,
            skipped(f)
        );
    }
    let in_set = (0..net.len() as u32).filter(|&w| net.in_set(w)).count();
    let _ = writeln!(
        out,
        "total: {} records, {} cited references, {} matched, {} cited-only, {} skipped",
        report.records(),
        report.cited_references(),
        report.matched(),
        report.cited_only(),
        report.files.iter().map(skipped).sum::<usize>()
    );
    let _ = writeln!(
        out,
        "network: {} works ({} of the set, {} cited only), {} citations",
        net.len(),
        in_set,
        net.len() - in_set,
        net.citation_count()
    );
    let notes = report.diagnostics().filter(|d| d.severity < Severity::Warning).count();
    if notes > 0 {
        let _ = writeln!(out, "{notes} notes (see --format json); warnings on standard error");
    }
    out
}

/// Runs `bibgraph network`.
pub fn run(args: &NetworkArgs) -> Result<String, String> {
    let (net, report) = args.input.load()?;
    if args.format == TextOrJson::Json {
        serde_json::to_string_pretty(&to_json(&net, &report)).map(|s| s + "\n").map_err(|e| e.to_string())
    } else {
        Ok(to_text(&net, &report))
    }
}
