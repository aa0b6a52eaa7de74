//! The drafts as a page to review: plain text, or Markdown a scholar can correct.

use super::Drafts;
use std::fmt::Write;

fn conf(c: f32) -> String {
    format!("{c:.2}")
}

/// The drafts as text: each concept with its labels and senses, then the links, each with
/// its evidence (quoted), locator, cue and confidence.
pub fn text(drafts: &Drafts) -> String {
    let mut out = String::new();
    let senses: usize = drafts.concepts.iter().map(|c| c.senses.len()).sum();
    let attested = drafts.links.iter().filter(|l| l.attested).count();
    let _ = writeln!(
        out,
        "Drafted from {} (to review; nothing here is asserted): {} concepts ({} more candidates set aside), {senses} senses, {} lineage links ({attested} attested), {} withheld\n",
        drafts.source,
        drafts.concepts.len(),
        drafts.set_aside.len(),
        drafts.links.len(),
        drafts.withheld.len()
    );
    for c in &drafts.concepts {
        let alt = if c.alt_labels.is_empty() { String::new() } else { format!(" (also: {})", c.alt_labels.join(", ")) };
        let _ = writeln!(out, "{} [{}]{alt}  confidence {}", c.label, c.id, conf(c.confidence));
        for s in &c.senses {
            let page = s.page.as_deref().map(|p| format!(", p. {p}")).unwrap_or_default();
            let disc = s.discipline.as_deref().map(|d| format!(" [{d}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {}{page}{disc}  ({}, cue `{}`, {})",
                s.work,
                s.kind,
                s.evidence.locator(),
                s.evidence.cue,
                conf(s.confidence)
            );
            let _ = writeln!(out, "    \u{201c}{}\u{201d}", s.evidence.quote);
        }
        for r in &c.relations {
            let _ = writeln!(out, "  {} {}  (cue `{}`, {})", r.relation, r.concept, r.evidence.cue, conf(r.confidence));
        }
        out.push('\n');
    }
    for (title, links) in
        [("Lineage links", &drafts.links), ("Withheld (denied or hedged in the text)", &drafts.withheld)]
    {
        if links.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{title}:");
        for l in links {
            let verdict = if l.attested { "attested" } else { "not attested" };
            let concept = l.concept.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} -> {}: {} ({verdict}){concept}  ({}, cue `{}`, {})",
                l.from,
                l.to,
                l.relation,
                l.evidence.locator(),
                l.evidence.cue,
                conf(l.confidence)
            );
            let _ = writeln!(out, "    \u{201c}{}\u{201d}", l.evidence.quote);
        }
        out.push('\n');
    }
    out
}

/// Escapes Markdown's table and emphasis characters.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The drafts as a Markdown page: a checklist per concept and link, so that a reviewer
/// ticks, corrects or deletes each.
pub fn markdown(drafts: &Drafts) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Drafted concepts and lineage: {}\n", md(drafts.source.as_str()));
    let _ = writeln!(
        out,
        "Drafted by bibgraph from the article's own words. Nothing here is asserted until a person reviews it: tick what is right, correct what is not, delete the rest. Quotes are verbatim.\n"
    );
    let _ = writeln!(out, "## Concepts\n");
    for c in &drafts.concepts {
        let alt =
            if c.alt_labels.is_empty() { String::new() } else { format!(" (also: {})", md(&c.alt_labels.join(", "))) };
        let _ = writeln!(out, "### {}{alt}\n", md(&c.label));
        let _ = writeln!(
            out,
            "- [ ] a concept (confidence {}, cue `{}`, {})",
            conf(c.confidence),
            c.evidence.cue,
            md(&c.evidence.locator())
        );
        for s in &c.senses {
            let page = s.page.as_deref().map(|p| format!(", p. {}", md(p))).unwrap_or_default();
            let _ = writeln!(
                out,
                "- [ ] **{}** {}{page}: \u{201c}{}\u{201d} ({}, confidence {})",
                md(s.work.as_str()),
                s.kind,
                md(&s.evidence.quote),
                md(&s.evidence.locator()),
                conf(s.confidence)
            );
        }
        for r in &c.relations {
            let _ =
                writeln!(out, "- [ ] {} **{}**: \u{201c}{}\u{201d}", r.relation, md(&r.concept), md(&r.evidence.quote));
        }
        out.push('\n');
    }
    if !drafts.set_aside.is_empty() {
        let labels: Vec<&str> = drafts.set_aside.iter().map(|c| c.label.as_str()).collect();
        let _ = writeln!(
            out,
            "Set aside by the review filter (general vocabulary, or neither a cue, quotation marks nor a citation), not written: {}.\n",
            md(&labels.join(", "))
        );
    }
    let _ = writeln!(out, "## Lineage\n");
    for l in &drafts.links {
        let verdict = if l.attested { "attested" } else { "succession only" };
        let _ = writeln!(
            out,
            "- [ ] **{}** \u{2192} **{}**: {} ({verdict}): \u{201c}{}\u{201d} ({}, confidence {})",
            md(l.from.as_str()),
            md(l.to.as_str()),
            l.relation,
            md(&l.evidence.quote),
            md(&l.evidence.locator()),
            conf(l.confidence)
        );
    }
    if !drafts.withheld.is_empty() {
        let _ = writeln!(out, "\n## Withheld: the text denies or hedges these\n");
        for l in &drafts.withheld {
            let _ = writeln!(
                out,
                "- {} \u{2192} {}: \u{201c}{}\u{201d}",
                md(l.from.as_str()),
                md(l.to.as_str()),
                md(&l.evidence.quote)
            );
        }
    }
    out
}
