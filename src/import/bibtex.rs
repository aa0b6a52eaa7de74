//! The BibTeX importer: split, read each block, expand macros, resolve `crossref` and
//! `xdata`, convert, and report everything located.

use super::convert::{self, FieldProblem};
use super::crossref;
use super::entry::{self, BodyKind, Part, RawBody};
use super::lines::Lines;
use super::macros::{text_of, BadBytes, Macros, Undefined};
use super::split::{self, Block, BlockKind};
use super::{work_key, FreeKeys, Import};
use crate::error::{Diagnostic, Severity};
use crate::model::{RecordFormat, SourceRecord, WorkKey};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Where the parts of an entry read so far are (its record is kept beside it).
struct Place {
    /// The entry's first byte.
    start: usize,
    /// The offset of each own field's name from `start`.
    field_at: Vec<u32>,
}

impl Place {
    fn field(&self, i: usize) -> usize {
        self.field_at.get(i).map_or(self.start, |&d| self.start + d as usize)
    }
}

struct Reporter<'a> {
    lines: &'a Lines<'a>,
    out: Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn push(&mut self, severity: Severity, code: &str, message: String, at: usize, subject: Option<&str>) {
        let mut d = Diagnostic::new(severity, code, message).at(Some(self.lines.at(at)));
        d.subject = subject.map(str::to_string);
        self.out.push(d);
    }

    fn warn(&mut self, code: &str, message: String, at: usize, subject: Option<&str>) {
        self.push(Severity::Warning, code, message, at, subject);
    }

    fn place(&self, at: usize) -> String {
        let (l, c) = self.lines.line_col(at);
        format!("{l}:{c}")
    }

    fn body_problems(&mut self, body: &RawBody, subject: Option<&str>, skipped_what: &str) {
        for p in &body.problems {
            let message = if p.fatal { format!("{}; {skipped_what}", p.message) } else { p.message.clone() };
            self.warn(p.code, message, p.at, subject);
        }
    }

    fn expansion(
        &mut self,
        undefined: &[Undefined],
        bad: Option<BadBytes>,
        what: &dyn fmt::Display,
        subject: Option<&str>,
    ) {
        for u in undefined {
            let message = format!(
                "{what}: macro `{}` is not defined (no `@string` before it); its name is kept as the text",
                u.name
            );
            self.warn("undefined-macro", message, u.at, subject);
        }
        if let Some(b) = bad {
            let message = format!("{what}: invalid UTF-8; the bad bytes are replaced by U+FFFD");
            self.warn("invalid-utf8", message, b.at, subject);
        }
    }
}

/// `field `title``, `macro `tub``: made only when a message needs it.
struct Named<'a>(&'static str, &'a str);

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.0, self.1)
    }
}

fn lossy(src: &[u8]) -> String {
    String::from_utf8_lossy(src).into_owned()
}

/// `@string` definitions.
fn define(src: &[u8], block: &Block, macros: &mut Macros, report: &mut Reporter<'_>) {
    let body = entry::read(src, block, BodyKind::Definitions);
    report.body_problems(&body, Some("@string"), "the definitions after it are skipped");
    for f in &body.fields {
        let name = lossy(&src[f.name.clone()]);
        let (mut undefined, mut bad) = (Vec::new(), None);
        let value = macros.expand(src, &body.parts[f.parts.clone()], &mut undefined, &mut bad);
        report.expansion(&undefined, bad, &Named("macro", &name), Some("@string"));
        if let Some(before) = macros.define(&name, value, f.name.start) {
            let message =
                format!("macro `{name}` is defined again (first at {}); the new value is used", report.place(before));
            report.push(Severity::Note, "redefined-macro", message, f.name.start, Some("@string"));
        }
    }
}

/// An entry block into a pending record, or `None` (reported) if it cannot be read.
fn read_entry(
    src: &[u8],
    shared: Option<&Arc<String>>,
    block: &Block,
    macros: &Macros,
    keys: &mut HashMap<String, usize>,
    report: &mut Reporter<'_>,
) -> Option<(SourceRecord, Place)> {
    let body = entry::read(src, block, BodyKind::Entry);
    let key = body.key.clone().map(|k| {
        let mut text = String::new();
        if let Some(bad) = text_of(&src[k.clone()], k.start, &mut text) {
            report.warn(
                "invalid-utf8",
                "the key: invalid UTF-8; the bad bytes are replaced by U+FFFD".into(),
                bad.at,
                Some(&text),
            );
        }
        (text, k.start)
    });
    if !body.problems.is_empty() {
        // An entry without a key is named by its type.
        let typed = || format!("@{}", lossy(&src[block.name.clone()]));
        let subject = key.as_ref().map_or_else(typed, |(k, _)| k.clone());
        report.body_problems(&body, Some(&subject), "the entry is skipped");
    }
    if body.is_fatal() {
        return None;
    }
    let (key, key_at) = key?;
    if let Some(&first) = keys.get(&key) {
        let message = format!("duplicate key `{key}` (first at {}); this entry is skipped", report.place(first));
        report.warn("duplicate-key", message, key_at, Some(&key));
        return None;
    }
    keys.insert(key.clone(), key_at);
    let (from, mut to) = (block.start, block.close.map_or(block.end, |c| c + 1));
    if block.close.is_none() {
        while to > from && src[to - 1].is_ascii_whitespace() {
            to -= 1;
        }
        let (line, _) = report.lines.line_col(to.saturating_sub(1));
        let message = format!("the entry is never closed; it is read up to line {line}");
        report.warn("unclosed-entry", message, block.start, Some(&key));
    }
    // Fields are spans of the entry's text when it is valid UTF-8 (byte offsets then agree).
    let exact = std::str::from_utf8(&src[from..to]).ok();
    let entry_type = lossy(&src[block.name.clone()]);
    let mut record = match (shared, exact) {
        // The entry's text stays in the file's buffer, shared by every record.
        (Some(file), Some(_)) => SourceRecord::in_file(RecordFormat::Bibtex, key.clone(), entry_type, file, from..to),
        _ => {
            let mut raw = exact.map_or_else(|| lossy(&src[from..to]), str::to_string);
            raw.reserve(raw.len() / 2);
            SourceRecord::with_raw(RecordFormat::Bibtex, key.clone(), entry_type, raw)
        }
    };
    record.origin = Some(report.lines.at(block.start));
    let mut field_at: Vec<u32> = Vec::with_capacity(body.fields.len());
    let at = |d: &u32| from + *d as usize;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in &body.fields {
        let name_bytes = &src[f.name.clone()];
        let lowercased = name_bytes.iter().any(u8::is_ascii_uppercase);
        let mut name = String::from_utf8_lossy(name_bytes);
        if lowercased {
            name = Cow::Owned(name.to_ascii_lowercase());
        }
        let first = if record.len() < 32 {
            record.own_names().position(|g| g == name).map(|j| at(&field_at[j]))
        } else {
            if seen.is_empty() {
                seen = record.own_names().zip(&field_at).map(|(g, d)| (g.to_string(), at(d))).collect();
            }
            seen.get(name.as_ref()).copied()
        };
        if let Some(first) = first {
            let message =
                format!("duplicate field `{name}` (first at {}); the first value is kept", report.place(first));
            report.warn("duplicate-field", message, f.name.start, Some(&key));
            continue;
        }
        if !seen.is_empty() {
            seen.insert(name.to_string(), f.name.start);
        }
        let parts = &body.parts[f.parts.clone()];
        let (mut undefined, mut bad) = (Vec::new(), None);
        let name_span = match (lowercased, exact) {
            (false, Some(_)) => Ok(f.name.start - from..f.name.end - from),
            _ => Err(name.as_ref()),
        };
        match (parts, exact) {
            ([Part::Braced(r) | Part::Quoted(r) | Part::Number(r)], Some(_)) => {
                record.push_raw(name_span, Ok(r.start - from..r.end - from));
            }
            _ => record.push_raw(
                name_span,
                Err(&mut |buf: &mut String| macros.expand_into(src, parts, buf, &mut undefined, &mut bad)),
            ),
        }
        if !undefined.is_empty() || bad.is_some() {
            report.expansion(&undefined, bad, &Named("field", &name), Some(&key));
        }
        field_at.push(u32::try_from(f.name.start - from).unwrap_or(u32::MAX));
    }
    Some((record, Place { start: from, field_at }))
}

/// Takes the text outside entries and the malformed entries the splitter found so far that
/// start before `before`: the text is counted and kept, each malformed entry counted,
/// skipped and reported.
fn outside(src: &[u8], blocks: &mut split::Blocks<'_>, before: usize, out: &mut Import, report: &mut Reporter<'_>) {
    let split_at = |v: &mut Vec<std::ops::Range<usize>>| {
        let n = v.iter().take_while(|r| r.start < before).count();
        v.drain(..n).collect::<Vec<_>>()
    };
    let (texts, malformed) = (split_at(&mut blocks.texts), split_at(&mut blocks.malformed));
    let mut texts = texts.into_iter().peekable();
    for m in malformed {
        while let Some(t) = texts.next_if(|t| t.start < m.start) {
            text_outside(src, t, out);
        }
        malformed_entry(src, m, out, report);
    }
    texts.for_each(|t| text_outside(src, t, out));
}

fn text_outside(src: &[u8], t: std::ops::Range<usize>, out: &mut Import) {
    let text = src[t].trim_ascii();
    out.outside += text.len();
    out.between.push(lossy(text));
}

fn malformed_entry(src: &[u8], m: std::ops::Range<usize>, out: &mut Import, report: &mut Reporter<'_>) {
    out.entries += 1;
    out.skipped += 1;
    let head_end =
        src[m.clone()].iter().position(|&b| matches!(b, b'{' | b'(' | b'[')).map_or(m.end, |p| m.start + p + 1);
    let head: String = lossy(&src[m.start..head_end]).escape_debug().collect();
    let subject_end =
        src[head_end..m.end].iter().position(|&b| matches!(b, b',' | b'\n')).map_or(m.end, |p| head_end + p);
    let subject = lossy(&src[m.start..subject_end.min(m.start + 60)]).escape_debug().collect::<String>();
    let (line, _) = report.lines.line_col(m.end.saturating_sub(1));
    let message = format!(
        "`{head}` does not start an entry (`@`, a type of letters, digits and `_-:.`, then `{{` or `(`); \
         its text up to line {line} is skipped"
    );
    report.warn("malformed-entry", message, m.start, Some(&subject));
}

/// Reads a BibTeX file. See [`super::bibtex`].
pub(crate) fn read(src: &[u8], file: &str) -> Import {
    read_in(src, None, file)
}

/// Reads a BibTeX file held in `text`, which the works' records then share for their raw
/// text instead of each copying its own.
pub(crate) fn read_shared(text: &Arc<String>, file: &str) -> Import {
    read_in(text.as_bytes(), Some(text), file)
}

fn read_in(src: &[u8], shared: Option<&Arc<String>>, file: &str) -> Import {
    let lines = Lines::new(src, file);
    let mut report = Reporter { lines: &lines, out: Vec::new() };
    let mut out = Import::new(file, RecordFormat::Bibtex);
    let mut blocks = split::Blocks::new(src);
    let mut macros = Macros::default();
    let mut keys: HashMap<String, usize> = HashMap::new();
    // At most one entry per `@`: sized once, the lists never grow by doubling.
    let ats = src.iter().filter(|&&b| b == b'@').count();
    let mut records: Vec<SourceRecord> = Vec::with_capacity(ats);
    let mut places: Vec<Place> = Vec::with_capacity(ats);
    let mut last_key: Option<String> = None;
    while let Some(block) = blocks.next() {
        let block = &block;
        let mut key_here: Option<String> = None;
        match block.kind {
            BlockKind::Comment => {}
            BlockKind::String => define(src, block, &mut macros, &mut report),
            BlockKind::Preamble => {
                let body = entry::read(src, block, BodyKind::Value);
                report.body_problems(&body, Some("@preamble"), "the preamble is skipped");
                if let Some(f) = body.fields.first().filter(|_| !body.is_fatal()) {
                    let (mut undefined, mut bad) = (Vec::new(), None);
                    let text = macros.expand(src, &body.parts[f.parts.clone()], &mut undefined, &mut bad);
                    report.expansion(&undefined, bad, &"the preamble", Some("@preamble"));
                    out.preambles.push(text);
                }
            }
            BlockKind::Entry if block.end - block.start > super::MAX_ENTRY_BYTES => {
                out.entries += 1;
                out.skipped += 1;
                let subject = format!("@{}", lossy(&src[block.name.clone()]));
                report.warn("entry-too-large", super::too_large(block.end - block.start), block.start, Some(&subject));
            }
            BlockKind::Entry => {
                out.entries += 1;
                match read_entry(src, shared, block, &macros, &mut keys, &mut report) {
                    Some((r, p)) => {
                        key_here = Some(r.key.clone());
                        records.push(r);
                        places.push(p);
                    }
                    None => out.skipped += 1,
                }
            }
        }
        // In file order: what comes before the block, the block, what comes after it.
        outside(src, &mut blocks, block.start, &mut out, &mut report);
        if block.kind != BlockKind::Entry {
            out.between.push(lossy(&src[block.start..block.end]).trim_end().to_string());
        }
        outside(src, &mut blocks, usize::MAX, &mut out, &mut report);
        for s in std::mem::take(&mut blocks.strays) {
            let subject = if s > block.start { key_here.as_ref().or(last_key.as_ref()) } else { last_key.as_ref() };
            let message = "a closing brace outside every entry".to_string();
            report.warn("stray-brace", message, s, subject.map(String::as_str));
        }
        if key_here.is_some() {
            last_key = key_here;
        }
    }
    outside(src, &mut blocks, usize::MAX, &mut out, &mut report);
    for s in blocks.strays {
        report.warn("stray-brace", "a closing brace outside every entry".into(), s, last_key.as_deref());
    }

    drop(keys);
    for problem in crossref::resolve(&mut records) {
        let p = &places[problem.entry];
        let at = records[problem.entry]
            .fields()
            .position(|f| f.name == problem.field && f.inherited.is_none())
            .map_or(p.start, |i| p.field(i));
        report.warn(problem.code, problem.message, at, Some(&records[problem.entry].key));
    }

    let mut taken: HashMap<WorkKey, usize> = HashMap::with_capacity(records.len());
    let mut free = FreeKeys::default();
    out.works.reserve_exact(records.len());
    for (p, record) in places.iter().zip(records) {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut work = convert::to_work(&record, &mut problems);
        for (i, code, message) in problems {
            // A year read from a sort trick or a range is a repair, not a problem.
            let severity = if code == "year-read-as" { Severity::Note } else { Severity::Warning };
            report.push(severity, code, message, p.field(i), Some(&record.key));
        }
        let (mut key, normalised) = work_key(&record.key);
        if normalised {
            let message = format!("not a bibgraph key: the work's key is `{key}`");
            report.push(Severity::Note, "key-normalised", message, p.start, Some(&record.key));
        }
        if let Some(&first) = taken.get(&key) {
            let new = free.free(&key, |k| taken.contains_key(k));
            let message =
                format!("work key `{key}` is taken by the entry at {}; this one is `{new}`", report.place(first));
            report.warn("key-collision", message, p.start, Some(&record.key));
            key = new;
        }
        taken.insert(key.clone(), p.start);
        work.key = key;
        work.origin = record.origin.clone();
        let mut record = record;
        record.shrink_to_fit();
        work.records = vec![record];
        out.works.push(work);
    }
    out.diagnostics = report.out;
    out
}
