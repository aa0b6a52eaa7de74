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

/// The longest chain of `crossref` and `xdata` links followed (an entry, its parent, the
/// parent's parent, ...: 32 links). A link that would make a longer chain is ignored and
/// reported (`crossref-chain`), so that what an entry inherits stays bounded: without a
/// limit, a chain of n entries each with its own field gives the first one n fields,
/// O(n²) in all.
pub const MAX_CHAIN: usize = 32;

/// How many entries of a cycle a message names (the first and last ones when longer).
const NAMED: usize = 8;

/// Resolves every entry's `crossref` and `xdata`: inherited fields are appended to the
/// child, marked with the parent's key. Entries are resolved in one depth-first pass, each
/// after the entries it names (a topological order, with an explicit stack: no recursion),
/// so each link costs the parent's and the child's fields once: O(entries + links ×
/// fields), with chains at most [`MAX_CHAIN`] links long.
pub(crate) fn resolve(records: &mut [SourceRecord]) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let links = links(records, &mut problems);
    if links.iter().all(Vec::is_empty) {
        return problems;
    }
    const NEW: u32 = u32::MAX;
    const DONE: u32 = u32::MAX - 1;
    // For each entry: NEW, DONE, or its position on the stack while it is open.
    let mut state = vec![NEW; records.len()];
    // The longest chain of links above each resolved entry.
    let mut depth = vec![0usize; records.len()];
    // Links that close a cycle or make a chain too long, as (child, parent): ignored.
    let mut cut: HashSet<(usize, usize)> = HashSet::new();
    for root in 0..records.len() {
        if state[root] != NEW {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 0;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(p, via_crossref)) = links[v].get(*next) {
                *next += 1;
                match state[p] {
                    NEW => {
                        state[p] = stack.len() as u32;
                        stack.push((p, 0));
                    }
                    DONE => {}
                    open => {
                        cut.insert((v, p));
                        let field = if via_crossref { "crossref" } else { "xdata" };
                        let cycle = &stack[open as usize..];
                        let mut names: Vec<String> = Vec::with_capacity(NAMED + 2);
                        for (i, &(s, _)) in cycle.iter().enumerate() {
                            if cycle.len() <= NAMED || i < NAMED / 2 || i >= cycle.len() - NAMED / 2 {
                                names.push(format!("`{}`", records[s].key));
                            } else if i == NAMED / 2 {
                                names.push(format!("({} more)", cycle.len() - NAMED));
                            }
                        }
                        names.push(format!("`{}`", records[p].key));
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
                }
                continue;
            }
            stack.pop();
            state[v] = DONE;
            for &(p, via_crossref) in &links[v] {
                if cut.contains(&(v, p)) {
                    continue;
                }
                let field = if via_crossref { "crossref" } else { "xdata" };
                if depth[p] + 1 > MAX_CHAIN {
                    cut.insert((v, p));
                    problems.push(LinkProblem {
                        entry: v,
                        field,
                        code: "crossref-chain",
                        message: format!(
                            "{field} chain longer than {MAX_CHAIN} links (`{}` -> `{}` -> ...); the link from `{}` to `{}` is ignored",
                            records[v].key, records[p].key, records[v].key, records[p].key
                        ),
                    });
                    continue;
                }
                depth[v] = depth[v].max(depth[p] + 1);
                let (child, parent) = (&records[v], &records[p]);
                let have: HashSet<&str> = child.fields().map(|f| f.name).collect();
                // A field renamed on the way (the parent's `title` as `booktitle`) wins over
                // the parent's field of that name (its own `booktitle`): the child gets one
                // of each name, in the parent's order.
                let mut inherited: Vec<(bool, String, String, String)> = parent
                    .fields()
                    .filter_map(|f| {
                        let name = target(&child.entry_type, &parent.entry_type, via_crossref, f.name)?;
                        let from = f.inherited.unwrap_or(&parent.key);
                        (!have.contains(name))
                            .then(|| (name == f.name, name.to_string(), f.value.to_string(), from.to_string()))
                    })
                    .collect();
                let renamed: HashSet<String> =
                    inherited.iter().filter(|(same, ..)| !same).map(|(_, name, ..)| name.clone()).collect();
                let mut added: HashSet<String> = HashSet::with_capacity(inherited.len());
                inherited.retain(|(same, name, ..)| !(*same && renamed.contains(name)) && added.insert(name.clone()));
                let inherited: Vec<(String, String, String)> =
                    inherited.into_iter().map(|(_, name, value, from)| (name, value, from)).collect();
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
        assert_eq!(problems.len(), n / (MAX_CHAIN + 1));
        let year_from_the_end =
            |i: usize| rs[i].fields().any(|f| f.name == "year" && f.inherited == Some(&*format!("k{n}")));
        assert!(year_from_the_end(n - MAX_CHAIN));
        assert!(!year_from_the_end(n - MAX_CHAIN - 1));
    }

    #[test]
    fn a_child_gets_one_booktitle() {
        let mut rs = vec![
            record("part", "inproceedings", &[("title", "Paper"), ("crossref", "proc")]),
            record("proc", "proceedings", &[("booktitle", "Proc. Full"), ("title", "Proceedings"), ("year", "2001")]),
        ];
        assert!(resolve(&mut rs).is_empty());
        let got: Vec<(&str, &str, Option<&str>)> = rs[0].fields().map(|f| (f.name, f.value, f.inherited)).collect();
        assert_eq!(
            got,
            [
                ("title", "Paper", None),
                ("crossref", "proc", None),
                ("booktitle", "Proceedings", Some("proc")),
                ("year", "2001", Some("proc"))
            ]
        );
    }

    #[test]
    fn a_chain_longer_than_the_limit_is_cut_and_reported() {
        let n = 2_500;
        let mut rs: Vec<SourceRecord> = (0..n)
            .map(|i| {
                let next = format!("k{}", i + 1);
                let mut fields = vec![("title", format!("T{i}")), (if i + 1 < n { "crossref" } else { "year" }, next)];
                fields.push(("note", format!("n{i}")));
                let fields: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (*a, b.as_str())).collect();
                record(&format!("k{i}"), "incollection", &fields)
            })
            .collect();
        let problems = resolve(&mut rs);
        // Entries n-1 down to n-33 form a chain of 32 links; k(n-34)'s link is cut, and so
        // on every 33 entries.
        let cut: Vec<usize> = problems.iter().map(|p| p.entry).collect();
        let expected: Vec<usize> = (0..n - 1).rev().skip(32).step_by(33).collect();
        assert_eq!(cut, expected);
        assert_eq!(problems[0].code, "crossref-chain");
        assert_eq!(
            problems[0].message,
            format!(
                "crossref chain longer than 32 links (`k{0}` -> `k{1}` -> ...); the link from `k{0}` to `k{1}` is ignored",
                expected[0],
                expected[0] + 1
            )
        );
        // Every entry has at most its own three fields and one of each inherited name.
        assert!(rs.iter().all(|r| r.len() <= 5), "{:?}", rs.iter().map(SourceRecord::len).max());
        assert_eq!(rs[n - 2].get_any("booktitle"), Some("T2499"));
    }
}
