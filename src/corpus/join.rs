//! Joining the works imported from one file to the corpus's works: a work that is the
//! same as one from another file is merged into it (a `merged` note); a key that is taken
//! gets a suffix (a `key-collision` warning naming both places); the keys the entries had
//! in their files, and the keys of merged works, become aliases.

use super::dedupe;
use crate::error::{Diagnostic, Severity};
use crate::import;
use crate::model::{Work, WorkKey};
use std::collections::{HashMap, HashSet};

/// The corpus's works while loading, with their indexes.
pub(crate) struct Works<'a> {
    pub(crate) works: &'a mut Vec<Work>,
    pub(crate) index: &'a mut HashMap<WorkKey, u32>,
    pub(crate) same: &'a mut dedupe::Index,
    pub(crate) aliases: &'a mut HashMap<WorkKey, WorkKey>,
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
}

fn place(w: &Work) -> String {
    w.origin.as_ref().map_or_else(|| "?".to_string(), ToString::to_string)
}

impl Works<'_> {
    /// Joins the works of file number `file`. The works are moved, never copied, so the
    /// peak memory stays at one set of works.
    pub(crate) fn join(&mut self, mut incoming: Vec<Work>, file: usize) {
        let mut merged = vec![false; incoming.len()];
        for (j, work) in incoming.iter_mut().enumerate() {
            let Some((i, why)) = self.same.find(work, file, self.works) else { continue };
            let target = &mut self.works[i as usize];
            let message = format!(
                "`{}` ({}) is the same work as `{}` ({}): {}; merged into `{}`, keeping both records",
                work.key,
                place(work),
                target.key,
                place(target),
                why.describe(),
                target.key
            );
            self.diagnostics.push(
                Diagnostic::new(Severity::Note, "merged", message).at(work.origin.clone()).about(work.key.as_str()),
            );
            let originals: Vec<String> = work.records.iter().map(|r| r.key.clone()).collect();
            let old = dedupe::merge(target, std::mem::take(work));
            for alias in originals.into_iter().map(WorkKey::new).chain([old]) {
                if alias != target.key {
                    self.aliases.entry(alias).or_insert_with(|| target.key.clone());
                }
            }
            merged[j] = true;
        }
        let mut j = 0;
        incoming.retain(|_| {
            j += 1;
            !merged[j - 1]
        });
        let mut own: HashSet<WorkKey> = HashSet::new();
        if incoming.iter().any(|w| self.index.contains_key(&w.key)) {
            own = incoming.iter().map(|w| w.key.clone()).collect();
        }
        let base = self.works.len();
        let mut free = import::FreeKeys::default();
        for (n, work) in incoming.iter_mut().enumerate() {
            if let Some(&prev) = self.index.get(&work.key) {
                let new = free.free(&work.key, |k| self.index.contains_key(k) || own.contains(k));
                let message = format!(
                    "work key `{}` is taken by the work at {}; this one is `{new}`",
                    work.key,
                    place(&self.works[prev as usize])
                );
                self.diagnostics.push(
                    Diagnostic::new(Severity::Warning, "key-collision", message)
                        .at(work.origin.clone())
                        .about(work.key.as_str()),
                );
                own.insert(new.clone());
                work.key = new;
            }
            for r in &work.records {
                if r.key != work.key.as_str() {
                    self.aliases.entry(WorkKey::new(r.key.clone())).or_insert_with(|| work.key.clone());
                }
            }
            let i = (base + n) as u32;
            self.index.insert(work.key.clone(), i);
            self.same.add(i, work, file);
        }
        if self.works.is_empty() {
            *self.works = incoming;
        } else {
            self.works.append(&mut incoming);
        }
    }
}
