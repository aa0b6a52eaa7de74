//! Choosing the works of a reading list from the graph, each with the reasons it is
//! there. Every reason is made from the data: a relation and a concept label, or a
//! lineage link and the works it joins.

use super::topic::Topic;
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{EdgeData, EdgeSource, Node};
use crate::model::{EdgeTarget, Relation};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, VecDeque};

/// The works chosen for a list, in the order found, with their reasons; and the nodes
/// the importance ranking restarts at.
#[derive(Debug, Default)]
pub(crate) struct Selection {
    /// (work index, reasons).
    pub entries: Vec<(u32, Vec<String>)>,
    index: HashMap<u32, usize>,
    /// Restart nodes for the ranking, with weights: `Node::Work` or `Node::Concept`.
    pub anchors: Vec<(Node, f64)>,
}

impl Selection {
    fn add(&mut self, work: u32, reason: String) {
        let i = *self.index.entry(work).or_insert_with(|| {
            self.entries.push((work, Vec::new()));
            self.entries.len() - 1
        });
        let reasons = &mut self.entries[i].1;
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }

    fn has_reason(&self, work: u32) -> bool {
        self.index.get(&work).is_some_and(|&i| !self.entries[i].1.is_empty())
    }
}

/// What a work does with a concept, as a reason: `defines transnationalism`.
fn concept_phrase(relation: Relation, label: &str) -> String {
    match relation {
        Relation::Defines => format!("defines {label}"),
        Relation::Uses => format!("uses {label}"),
        Relation::Critiques => format!("critique of {label}"),
        Relation::Names => format!("names {label}"),
        other => format!("{other} {label}"),
    }
}

/// A link seen from the earlier (or cited) work: `taken up by Nye and Keohane 1971`.
fn forward_phrase(relation: Relation, later: &str) -> String {
    match relation {
        Relation::Influence => format!("taken up by {later}"),
        Relation::Transmission => format!("idea carried into another field by {later}"),
        Relation::Refinement => format!("refined by {later}"),
        Relation::Critique => format!("criticised by {later}"),
        Relation::Succession => format!("followed by {later} (succession; no influence attested)"),
        Relation::Cites => format!("cited by {later}"),
        other => format!("{other} {later}"),
    }
}

/// A link seen from the later (or citing) work: `takes up Aron 1966`.
fn backward_phrase(relation: Relation, earlier: &str) -> String {
    match relation {
        Relation::Influence => format!("takes up {earlier}"),
        Relation::Transmission => format!("carries the idea of {earlier} into another field"),
        Relation::Refinement => format!("refines {earlier}"),
        Relation::Critique => format!("criticises {earlier}"),
        Relation::Succession => format!("follows {earlier} (succession; no influence attested)"),
        Relation::Cites => format!("cites {earlier}"),
        other => format!("{other} {earlier}"),
    }
}

/// What a reason drawn from a drafted claim says, so that a list made from a corpus that
/// `bibgraph read` or `bibgraph draft` wrote shows which reasons a person has not reviewed.
pub(crate) const DRAFTED_REASON: &str = " (drafted by bibgraph, not reviewed)";

impl Corpus {
    /// Whether the claim behind a graph edge is still marked drafted.
    fn drafted_source(&self, source: EdgeSource) -> bool {
        match source {
            EdgeSource::Edge(i) => self.edges.get(i as usize).is_some_and(|e| e.drafted.is_some()),
            EdgeSource::Sense(c, s) => self
                .concepts
                .get(c as usize)
                .and_then(|k| k.senses.get(s as usize))
                .is_some_and(|s| s.drafted.is_some()),
            EdgeSource::ConceptRelation(c, r) => self
                .concepts
                .get(c as usize)
                .and_then(|k| k.relations.get(r as usize))
                .is_some_and(|r| r.drafted.is_some()),
            EdgeSource::Record => false,
        }
    }

    fn citation_of(&self, w: u32) -> String {
        self.works[w as usize].citation()
    }

    fn source_index(&self) -> Option<u32> {
        self.meta.source.as_ref().and_then(|s| self.work_index.get(s)).copied()
    }

    /// The lineage edges into (`Incoming`) or out of (`Outgoing`) a work that go forward
    /// in time, as (other work, relation). Citation edges are not lineage.
    fn timed_lineage(&self, w: u32, dir: Direction) -> impl Iterator<Item = (u32, EdgeData)> + '_ {
        let year = self.works[w as usize].sort_year();
        self.graph.lineage_edges(self, w, dir, None).filter_map(move |(o, d)| {
            let oy = self.works[o as usize].sort_year();
            let forward = match (year, oy, dir) {
                (Some(a), Some(b), Direction::Outgoing) => a <= b,
                (Some(a), Some(b), Direction::Incoming) => b <= a,
                _ => true,
            };
            forward.then_some((o, d))
        })
    }

    /// The works a work cites (`cites` edges out of it).
    fn works_cited_by(&self, w: u32) -> impl Iterator<Item = u32> + '_ {
        let node = self.graph.work_node(w).expect("work index in range");
        self.graph.inner().edges_directed(node, Direction::Outgoing).filter_map(move |e| {
            match (e.weight().relation, self.graph.inner()[e.target()]) {
                (Relation::Cites, Node::Work(o)) => Some(o),
                _ => None,
            }
        })
    }

    /// The concept and its narrower forms and variants (transitively), each with how it
    /// relates to the first: `None` for the concept itself. `related` concepts are not
    /// followed: the relation is too loose (the built-in corpus relates transnationalism
    /// to nine concepts), and a list on one concept would take in the works of all of them.
    pub(crate) fn concept_family(&self, c: u32) -> Vec<(u32, Option<&'static str>)> {
        let mut out = vec![(c, None)];
        let mut seen = vec![false; self.concepts.len()];
        seen[c as usize] = true;
        let mut queue = VecDeque::from([c]);
        while let Some(k) = queue.pop_front() {
            let node = self.graph.concept_node(k).expect("concept index in range");
            let g = self.graph.inner();
            let outgoing = g.edges_directed(node, Direction::Outgoing).map(|e| (e.weight().relation, e.target(), true));
            let incoming =
                g.edges_directed(node, Direction::Incoming).map(|e| (e.weight().relation, e.source(), false));
            for (relation, other, out_of_k) in outgoing.chain(incoming) {
                let how = match (relation, out_of_k) {
                    (Relation::Narrower, true) | (Relation::Broader, false) => "narrower than",
                    (Relation::VariantOf, _) => "a variant of",
                    _ => continue,
                };
                if let Node::Concept(o) = g[other] {
                    if !seen[o as usize] {
                        seen[o as usize] = true;
                        out.push((o, Some(how)));
                        queue.push_back(o);
                    }
                }
            }
        }
        out
    }

    /// The works that lineage links recorded for the concept join and that are not on the
    /// list yet (as `graph --concept` draws them), so that the list and the picture hold
    /// the same works.
    fn add_concept_links(&self, c: u32, sel: &mut Selection) {
        let topic_label = &self.concepts[c as usize].label;
        let id = &self.concepts[c as usize].id;
        for e in self.edges.iter().filter(|e| e.relation.is_lineage() && e.concept.as_ref() == Some(id)) {
            if let crate::model::EdgeTarget::Work(to) = &e.to {
                let (Some(&f), Some(&t)) = (self.work_index.get(&e.from), self.work_index.get(to)) else { continue };
                let mark = if e.drafted.is_some() { DRAFTED_REASON } else { "" };
                let why = format!("on a {} link recorded for {topic_label} ({} to {to}){mark}", e.relation, e.from);
                for w in [f, t] {
                    if !sel.index.contains_key(&w) {
                        sel.add(w, why.clone());
                    }
                }
            }
        }
    }

    fn select_concept(&self, c: u32, sel: &mut Selection) {
        let topic_label = &self.concepts[c as usize].label;
        let g = self.graph.inner();
        for (k, how) in self.concept_family(c) {
            let label = &self.concepts[k as usize].label;
            let suffix = how.map(|h| format!(" ({h} {topic_label})")).unwrap_or_default();
            let node = self.graph.concept_node(k).expect("concept index in range");
            // Senses and work-to-concept edges, in the order they were read.
            let mut links: Vec<(u32, EdgeData)> = g
                .edges_directed(node, Direction::Incoming)
                .filter(|e| e.weight().relation.is_work_to_concept())
                .filter_map(|e| match g[e.source()] {
                    Node::Work(w) => Some((w, *e.weight())),
                    _ => None,
                })
                .collect();
            links.sort_by_key(|(_, d)| match d.source {
                EdgeSource::Sense(_, s) => (0, s),
                EdgeSource::Edge(i) => (1, i),
                _ => (2, 0),
            });
            for (w, d) in links {
                let mark = if self.drafted_source(d.source) { DRAFTED_REASON } else { "" };
                sel.add(w, format!("{}{suffix}{mark}", concept_phrase(d.relation, label)));
            }
        }
        sel.anchors.push((Node::Concept(c), 1.0));
    }

    fn select_work(&self, w: u32, sel: &mut Selection) {
        sel.add(w, "the work this list leads up to".to_string());
        let citing = self.citation_of(w);
        for cited in self.works_cited_by(w) {
            sel.add(cited, forward_phrase(Relation::Cites, &citing));
        }
        sel.anchors.push((Node::Work(w), 1.0));
    }

    fn select_section(&self, section: &str, sel: &mut Selection) {
        let source = self.source_index();
        let keep = |w: u32| Some(w) != source;
        // The section's works, for the ranking, whether or not the list had them already.
        let mut touched: Vec<u32> = Vec::new();
        let mut seen = vec![false; self.works.len()];
        let mut add = |sel: &mut Selection, w: u32, reason: String| {
            if !std::mem::replace(&mut seen[w as usize], true) {
                touched.push(w);
            }
            sel.add(w, reason);
        };
        for e in self.edges.iter().filter(|e| self.in_section(&e.provenance, section)) {
            let from = self.work_index[&e.from];
            match &e.to {
                EdgeTarget::Work(k) => {
                    let to = self.work_index[k];
                    if e.relation == Relation::Cites {
                        // From the citing work to the cited one.
                        if Some(from) == source {
                            add(sel, to, format!("cited in {section}"));
                        } else {
                            add(sel, from, backward_phrase(Relation::Cites, &self.citation_of(to)));
                            if keep(to) {
                                add(sel, to, forward_phrase(Relation::Cites, &self.citation_of(from)));
                            }
                        }
                        continue;
                    }
                    if keep(from) {
                        add(sel, from, forward_phrase(e.relation, &self.citation_of(to)));
                    }
                    if keep(to) {
                        add(sel, to, backward_phrase(e.relation, &self.citation_of(from)));
                    }
                }
                EdgeTarget::Concept(c) => {
                    if keep(from) {
                        let label = &self.concepts[self.concept_index[c] as usize].label;
                        add(sel, from, concept_phrase(e.relation, label));
                    }
                }
            }
        }
        for c in &self.concepts {
            for s in c.senses.iter().filter(|s| self.in_section(&s.provenance, section)) {
                let w = self.work_index[&s.work];
                if keep(w) {
                    add(sel, w, concept_phrase(s.kind.relation(), &c.label));
                }
            }
        }
        for (w, work) in self.works.iter().enumerate() {
            let w = w as u32;
            if keep(w) && !sel.has_reason(w) && work.provenance.iter().any(|p| self.in_section(p, section)) {
                add(sel, w, format!("discussed in {section}"));
            }
        }
        let weight = 1.0 / touched.len().max(1) as f64;
        sel.anchors.extend(touched.into_iter().map(|w| (Node::Work(w), weight)));
    }

    /// Adds the lineage ancestors of every work selected so far, each with the lineage it
    /// is on (`on the lineage from Bourne 1916 to Portes et al. 1999`) and its link to the
    /// next work (`taken up by Nye and Keohane 1971`). O(V + E).
    fn add_ancestors(&self, sel: &mut Selection) {
        let n = self.works.len();
        // Reverse breadth-first search from the selected works, in their order.
        let mut target: Vec<Option<u32>> = vec![None; n];
        let mut next: Vec<Option<(u32, EdgeData)>> = vec![None; n];
        let mut queue: VecDeque<u32> = VecDeque::new();
        for &(w, _) in &sel.entries {
            target[w as usize] = Some(w);
            queue.push_back(w);
        }
        let mut found: Vec<u32> = Vec::new();
        while let Some(w) = queue.pop_front() {
            for (a, data) in self.timed_lineage(w, Direction::Incoming) {
                if target[a as usize].is_none() {
                    target[a as usize] = target[w as usize];
                    next[a as usize] = Some((w, data));
                    found.push(a);
                    queue.push_back(a);
                }
            }
        }
        if found.is_empty() {
            return;
        }
        // The earliest root above each ancestor: Kahn's algorithm over the lineage edges
        // among the selected works and their ancestors.
        let mut member = vec![false; n];
        found.iter().chain(sel.entries.iter().map(|(w, _)| w)).for_each(|&a| member[a as usize] = true);
        let members: Vec<u32> = (0..n as u32).filter(|&w| member[w as usize]).collect();
        let mut indegree = vec![0u32; n];
        for &a in &members {
            for (b, _) in self.timed_lineage(a, Direction::Outgoing) {
                if member[b as usize] {
                    indegree[b as usize] += 1;
                }
            }
        }
        let key = |w: u32| (self.works[w as usize].sort_year().unwrap_or(i32::MAX), self.works[w as usize].key.clone());
        let mut root: Vec<Option<u32>> = vec![None; n];
        let mut ready: VecDeque<u32> = members.iter().copied().filter(|&a| indegree[a as usize] == 0).collect();
        ready.iter().for_each(|&a| root[a as usize] = Some(a));
        while let Some(a) = ready.pop_front() {
            let r = root[a as usize].unwrap_or(a);
            for (b, _) in self.timed_lineage(a, Direction::Outgoing) {
                if !member[b as usize] {
                    continue;
                }
                if root[b as usize].is_none_or(|old| key(r) < key(old)) {
                    root[b as usize] = Some(r);
                }
                indegree[b as usize] -= 1;
                if indegree[b as usize] == 0 {
                    ready.push_back(b);
                }
            }
        }
        for a in found {
            let goal = self.citation_of(target[a as usize].expect("reached from a selected work"));
            let lineage = match root[a as usize] {
                Some(r) if r != a => format!("on the lineage from {} to {goal}", self.citation_of(r)),
                _ => format!("starts the lineage that leads to {goal}"),
            };
            sel.add(a, lineage);
            if let Some((b, data)) = next[a as usize] {
                let mark = if self.drafted_source(data.source) { DRAFTED_REASON } else { "" };
                sel.add(a, format!("{}{mark}", forward_phrase(data.relation, &self.citation_of(b))));
            }
        }
    }

    /// The works of a reading list on `topics` (the first is the preferred reading), with
    /// their reasons. A concept or a work brings its lineage ancestors; a section brings
    /// only what the section itself draws on.
    pub(crate) fn select(&self, topics: &[&Topic]) -> Result<Selection> {
        let mut sel = Selection::default();
        for topic in topics {
            match topic {
                Topic::Concept(id) => {
                    let c =
                        self.concept_index.get(id).copied().ok_or_else(|| {
                            Error::new(ErrorKind::NotFound, format!("no concept `{id}` in the corpus"))
                        })?;
                    self.select_concept(c, &mut sel);
                    self.add_ancestors(&mut sel);
                    self.add_concept_links(c, &mut sel);
                }
                Topic::Work(key) => {
                    let w = self.index_of_work(key.as_str())?;
                    self.select_work(w, &mut sel);
                    self.add_ancestors(&mut sel);
                }
                Topic::Section(name) => {
                    let section = self.find_section(name).ok_or_else(|| {
                        Error::new(ErrorKind::NotFound, format!("no section `{name}` in the corpus's source"))
                    })?;
                    self.select_section(section, &mut sel);
                }
            }
        }
        Ok(sel)
    }
}
