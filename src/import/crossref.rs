//! `crossref` and `xdata`: an entry inherits the fields it lacks from the entries it
//! names, resolved iteratively (an explicit stack and a state per entry), so that a cycle
//! is found and reported once, whole, and never recurses.
//!
//! Inheritance follows BibLaTeX's defaults: every field the child lacks, except the
//! bookkeeping fields (`ids`, `crossref`, `xdata`, `label`, ...); through `crossref`, a
//! part (`@inbook`, `@incollection`, `@inproceedings`, ...) takes its parent's `title` as
//! its `booktitle`, and an article its periodical's `title` as `journaltitle`.

use crate::model::SourceRecord;
use std::collections::{HashMap, HashSet};

/// A broken link: which entry, which field (`crossref` or `xdata`), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkProblem {
    /// The entry's index.
    pub(crate) entry: usize,
    /// `crossref` or `xdata`.
    pub(crate) field: &'static str,
    /// `crossref-cycle` or `unknown-crossref`.
    pub(crate) code: &'static str,
    /// What is wrong.
    pub(crate) message: String,
}

const NEVER: [&str; 18] = [
    "crossref",
    "xref",
    "xdata",
    "ids",
    "entryset",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
    "key",
    // bibgraph's own data about one entry.
    "verba",
    "verbb",
];

fn is_part(entry_type: &str) -> bool {
    ["inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "inreference", "conference"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(entry_type))
}

fn is_article(entry_type: &str) -> bool {
    entry_type.eq_ignore_ascii_case("article") || entry_type.eq_ignore_ascii_case("suppperiodical")
}

/// The name a parent's field takes in the child, or `None` if it is not inherited.
fn target<'a>(child_type: &str, parent_type: &str, via_crossref: bool, name: &'a str) -> Option<&'a str> {
    if NEVER.contains(&name) {
        return None;
    }
    if !via_crossref {
        return Some(name);
    }
    let titled = |book: &'static str, journal: &'static str| {
        if is_part(child_type) {
            Some(book)
        } else if is_article(child_type) && parent_type.eq_ignore_ascii_case("periodical") {
            Some(journal)
        } else {
            None
        }
    };
    match name {
        "title" => titled("booktitle", "journaltitle").or(Some(name)),
        "subtitle" => titled("booksubtitle", "journalsubtitle").or(Some(name)),
        "titleaddon" => titled("booktitleaddon", "journaltitleaddon").or(Some(name)),
        "shorttitle" | "sorttitle" | "indextitle" | "indexsorttitle" if is_part(child_type) => None,
        _ => Some(name),
    }
}

/// The entries each entry names: (parent index, through `crossref`).
fn links(records: &[SourceRecord], problems: &mut Vec<LinkProblem>) -> Vec<Vec<(usize, bool)>> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        index.entry(r.key.to_lowercase()).or_insert(i);
    }
    // BibLaTeX's `ids` are other keys of an entry (bibgraph's export writes the key as
    // written there when the work's key differs).
    for (i, r) in records.iter().enumerate() {
        for id in r.get("ids").into_iter().flat_map(|v| v.split(',')) {
            index.entry(id.trim().to_lowercase()).or_insert(i);
        }
    }
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut out = Vec::new();
            let named = r
                .get("xdata")
                .into_iter()
                .flat_map(|v| v.split(','))
                .map(|k| (k, "xdata"))
                .chain(r.get("crossref").map(|k| (k, "crossref")));
            for (key, field) in named {
                let key = key.trim().trim_matches(['{', '}']).trim();
                if key.is_empty() {
                    continue;
                }
                match index.get(&key.to_lowercase()) {
                    Some(&p) if p == i => problems.push(LinkProblem {
                        entry: i,
                        field,
                        code: "crossref-cycle",
                        message: format!("{field} cycle: `{}` names itself; the link is ignored", r.key),
                    }),
                    Some(&p) => out.push((p, field == "crossref")),
                    None => problems.push(LinkProblem {
                        entry: i,
                        field,
                        code: "unknown-crossref",
                        message: format!("{field} names `{key}`, which is not in the file; nothing is inherited"),
                    }),
                }
            }
            out
        })
        .collect()
}

/// Resolves every entry's `crossref` and `xdata`: inherited fields are appended to the
/// child, marked with the parent's key. O(entries × inherited fields); no recursion.
pub(crate) fn resolve(records: &mut [SourceRecord]) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let links = links(records, &mut problems);
    if links.iter().all(Vec::is_empty) {
        return problems;
    }
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; records.len()];
    // Links that close a cycle, as (child, parent): ignored.
    let mut cut: HashSet<(usize, usize)> = HashSet::new();
    for root in 0..records.len() {
        if state[root] != NEW {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = OPEN;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(p, via_crossref)) = links[v].get(*next) {
                *next += 1;
                match state[p] {
                    NEW => {
                        state[p] = OPEN;
                        stack.push((p, 0));
                    }
                    OPEN => {
                        cut.insert((v, p));
                        let from = stack.iter().position(|&(s, _)| s == p).unwrap_or(0);
                        let mut names: Vec<String> =
                            stack[from..].iter().map(|&(s, _)| format!("`{}`", records[s].key)).collect();
                        names.push(format!("`{}`", records[p].key));
                        let field = if via_crossref { "crossref" } else { "xdata" };
                        problems.push(LinkProblem {
                            entry: v,
                            field,
                            code: "crossref-cycle",
                            message: format!(
                                "{field} cycle: {}; the link from `{}` to `{}` is ignored",
                                names.join(" -> "),
                                records[v].key,
                                records[p].key
                            ),
                        });
                    }
                    _ => {}
                }
                continue;
            }
            stack.pop();
            state[v] = DONE;
            for &(p, via_crossref) in &links[v] {
                if cut.contains(&(v, p)) {
                    continue;
                }
                let (child, parent) = (&records[v], &records[p]);
                let inherited: Vec<(String, String, String)> = parent
                    .fields()
                    .filter_map(|f| {
                        let name = target(&child.entry_type, &parent.entry_type, via_crossref, f.name)?;
                        (!child.has(name)).then(|| {
                            (name.to_string(), f.value.to_string(), f.inherited.unwrap_or(&parent.key).to_string())
                        })
                    })
                    .collect();
                for (name, value, from) in inherited {
                    records[v].push_inherited(&name, &value, &from);
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordFormat;

    fn record(key: &str, entry_type: &str, fields: &[(&str, &str)]) -> SourceRecord {
        let mut r = SourceRecord::new(RecordFormat::Bibtex, key, entry_type);
        for (n, v) in fields {
            r.push(n, v);
        }
        r
    }

    #[test]
    fn a_part_takes_its_books_title_as_booktitle() {
        let mut rs = vec![
            record("part", "incollection", &[("title", "Chapter"), ("crossref", "Whole")]),
            record("whole", "book", &[("title", "Book"), ("year", "1999"), ("ids", "w"), ("verbb", "{}")]),
        ];
        assert!(resolve(&mut rs).is_empty());
        let got: Vec<(&str, &str, Option<&str>)> = rs[0].fields().map(|f| (f.name, f.value, f.inherited)).collect();
        assert_eq!(
            got,
            [
                ("title", "Chapter", None),
                ("crossref", "Whole", None),
                ("booktitle", "Book", Some("whole")),
                ("year", "1999", Some("whole"))
            ]
        );
    }

    #[test]
    fn a_cycle_is_reported_once_and_whole() {
        let mut rs = vec![
            record("a", "inbook", &[("crossref", "b")]),
            record("b", "book", &[("crossref", "c"), ("year", "2000")]),
            record("c", "book", &[("crossref", "a"), ("publisher", "P")]),
        ];
        let problems = resolve(&mut rs);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].entry, 2);
        assert_eq!(
            problems[0].message,
            "crossref cycle: `a` -> `b` -> `c` -> `a`; the link from `c` to `a` is ignored"
        );
        assert_eq!(rs[0].get("year"), None);
        assert!(rs[0].has("publisher"));
    }

    #[test]
    fn a_long_chain_needs_no_recursion() {
        let n = 100_000;
        let mut rs: Vec<SourceRecord> =
            (0..n).map(|i| record(&format!("k{i}"), "book", &[("crossref", &format!("k{}", i + 1))])).collect();
        rs.push(record(&format!("k{n}"), "book", &[("year", "1999")]));
        let problems = resolve(&mut rs);
        assert!(problems.is_empty());
        assert!(rs[0].fields().any(|f| f.name == "year" && f.inherited == Some(&*format!("k{n}"))));
    }
}
