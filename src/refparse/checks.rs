//! Checks across the entries of one list: duplicate keys, initials that differ only by a
//! misprinted character, journal volumes whose years disagree with the rest of the list.

use super::text::{fold_key_part, fold_name};
use super::Reference;
use crate::error::Diagnostic;
use crate::model::{Flag, Name, WorkKey};
use std::collections::HashMap;

/// Runs the checks across `refs`. `keys` counts the keys already given (by earlier chunks of
/// a stream), so that keys stay unique across them.
pub(crate) fn check_list(refs: &mut [Reference], keys: &mut HashMap<String, usize>) -> Vec<Diagnostic> {
    dedupe_keys(refs, keys);
    initials_misprints(refs);
    volume_years(refs);
    Vec::new()
}

fn dedupe_keys(refs: &mut [Reference], seen: &mut HashMap<String, usize>) {
    for r in refs.iter_mut() {
        let base = r.work.key.as_str().to_string();
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let key = format!("{base}-{n}");
            r.work.flags.push(Flag::new(
                "duplicate-key",
                format!("another entry already has the key `{base}`: this one is `{key}`"),
            ));
            r.work.key = WorkKey::new(key);
        }
    }
}

/// `Vertovec Ś` beside `Vertovec S`: initials that fold to the same letters but differ
/// as printed. The non-ASCII (or rarer) form is flagged.
fn initials_misprints(refs: &mut [Reference]) {
    // (folded family, folded initials) -> printed initials -> count
    let mut forms: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for r in refs.iter() {
        for name in r.work.authors.iter().chain(&r.work.editors) {
            if let Name::Person(p) = name {
                if let Some(g) = &p.given {
                    *forms
                        .entry((fold_key_part(&p.family), fold_name(g)))
                        .or_default()
                        .entry(g.clone())
                        .or_insert(0) += 1;
                }
            }
        }
    }
    for r in refs.iter_mut() {
        let mut flags = Vec::new();
        for name in &r.work.authors {
            let Name::Person(p) = name else { continue };
            let Some(g) = &p.given else { continue };
            let Some(variants) = forms.get(&(fold_key_part(&p.family), fold_name(g))) else { continue };
            if variants.len() < 2 {
                continue;
            }
            let mine = variants[g];
            let best = variants.iter().filter(|(form, _)| *form != g).max_by_key(|(form, n)| (**n, form.is_ascii()));
            if let Some((other, &n)) = best {
                if n > mine || (n == mine && other.is_ascii() && !g.is_ascii()) {
                    flags.push(Flag::new(
                        "misprint",
                        format!(
                            "initials `{g}` for {} differ from `{other}` elsewhere in the list only by an accent",
                            p.family
                        ),
                    ));
                }
            }
        }
        r.work.flags.extend(flags);
    }
}

/// Journals with annual volumes: within one list, year minus volume is constant. When at
/// least three entries of a journal agree on that offset, an entry that disagrees is
/// flagged with the year its volume implies.
fn volume_years(refs: &mut [Reference]) {
    let mut offsets: HashMap<String, HashMap<i64, usize>> = HashMap::new();
    let key_of = |r: &Reference| -> Option<(String, i64)> {
        let w = &r.work;
        let container = fold_key_part(w.container_title.as_deref()?);
        let volume: i64 = w.volume.as_deref()?.parse().ok()?;
        let year = i64::from(w.sort_year()?);
        Some((container, year - volume))
    };
    for r in refs.iter() {
        if let Some((c, off)) = key_of(r) {
            *offsets.entry(c).or_default().entry(off).or_insert(0) += 1;
        }
    }
    for r in refs.iter_mut() {
        let Some((c, off)) = key_of(r) else { continue };
        let counts = &offsets[&c];
        let Some((&mode, &n)) = counts.iter().max_by_key(|(o, n)| (**n, -**o)) else { continue };
        let total: usize = counts.values().sum();
        if off != mode && n >= 3 && n * 2 > total {
            let volume = r.work.volume.clone().unwrap_or_default();
            let implied = volume.parse::<i64>().unwrap_or(0) + mode;
            r.work.flags.push(Flag::new(
                "inconsistent",
                format!(
                    "volume {volume} of {} implies {implied} by the {n} other entries of that journal in this list, not {}",
                    r.work.container_title.as_deref().unwrap_or(""),
                    r.work.sort_year().unwrap_or(0)
                ),
            ));
        }
    }
}
