//! Lineage queries: how an idea travelled from one work to another along the corpus's
//! lineage edges (`influence`, `transmission`, `refinement`, `critique`, `succession`),
//! forward in time; a work's ancestors and descendants; a concept's history.
//!
//! Every answer is computed from the edges and keeps each edge's provenance, so a caller
//! can say for each link whether the source attests influence or only succession.

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{EdgeData, EdgeSource};
use crate::model::{Concept, ConceptId, Provenance, Relation, Sense, Work, WorkKey};
use petgraph::Direction;
use std::collections::VecDeque;

/// Which path [`Corpus::lineage`] returns when several connect the two works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum PathChoice {
    /// The path with the most steps: the fullest account the source gives (ties: the
    /// one with more attested links, then the earlier works).
    #[default]
    Fullest,
    /// The path with the fewest steps.
    Shortest,
}

/// Options for lineage queries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineageOptions {
    /// Follow only edges recorded for this concept.
    pub concept: Option<ConceptId>,
    /// Which path to return.
    pub choice: PathChoice,
}

impl LineageOptions {
    /// Restricts the query to one concept's edges.
    pub fn concept(mut self, concept: Option<ConceptId>) -> Self {
        self.concept = concept;
        self
    }

    /// Chooses the fullest or the shortest path.
    pub fn choice(mut self, choice: PathChoice) -> Self {
        self.choice = choice;
        self
    }
}

/// One link of a lineage: from a work to the next, with its relation and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The earlier work.
    pub from: WorkKey,
    /// The later work.
    pub to: WorkKey,
    /// The relation.
    pub relation: Relation,
    /// Whether the source attests that the earlier work affected the later one
    /// (`false` for `succession`).
    pub attested: bool,
    /// Where the source says so.
    pub provenance: Provenance,
    /// Set when the edge was drafted by a tool and not yet reviewed.
    pub drafted: Option<crate::model::Drafted>,
}

/// A path of works from one to another, with a link between each consecutive pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// The works, in order.
    pub path: Vec<WorkKey>,
    /// `path.len() - 1` links.
    pub links: Vec<Link>,
}

/// Relations ranked for choosing among parallel edges: attested ones first.
fn strength(r: Relation) -> u8 {
    match r {
        Relation::Influence => 5,
        Relation::Transmission => 4,
        Relation::Refinement => 3,
        Relation::Critique => 2,
        Relation::Succession => 1,
        _ => 0,
    }
}

impl Corpus {
    fn concept_filter(&self, concept: &Option<ConceptId>) -> Result<Option<u32>> {
        match concept {
            Some(c) => self
                .concept_index
                .get(c)
                .copied()
                .map(Some)
                .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no concept `{c}` in the corpus"))),
            None => Ok(None),
        }
    }

    /// The usable lineage edges of a work in one direction: forward in time, strongest
    /// first among parallel edges.
    fn forward_edges(&self, work: u32, dir: Direction, concept: Option<u32>) -> Vec<(u32, EdgeData)> {
        let year = self.works[work as usize].sort_year();
        let mut out: Vec<(u32, EdgeData)> = self
            .graph
            .lineage_edges(self, work, dir, concept)
            .filter(|(other, _)| {
                let oy = self.works[*other as usize].sort_year();
                match (year, oy, dir) {
                    (Some(a), Some(b), Direction::Outgoing) => a <= b,
                    (Some(a), Some(b), Direction::Incoming) => b <= a,
                    _ => true,
                }
            })
            .collect();
        out.sort_by_key(|(other, d)| (*other, std::cmp::Reverse(strength(d.relation))));
        out.dedup_by_key(|(other, _)| *other);
        out
    }

    fn reach(&self, start: u32, dir: Direction, concept: Option<u32>) -> Vec<bool> {
        let mut seen = vec![false; self.works.len()];
        let mut queue = VecDeque::from([start]);
        seen[start as usize] = true;
        while let Some(w) = queue.pop_front() {
            for (o, _) in self.forward_edges(w, dir, concept) {
                if !seen[o as usize] {
                    seen[o as usize] = true;
                    queue.push_back(o);
                }
            }
        }
        seen
    }

    fn link(&self, from: u32, to: u32, data: EdgeData) -> Link {
        let (provenance, drafted) = match data.source {
            EdgeSource::Edge(i) => (self.edges[i as usize].provenance.clone(), self.edges[i as usize].drafted.clone()),
            _ => unreachable!("lineage edges come from corpus edges"),
        };
        Link {
            from: self.works[from as usize].key.clone(),
            to: self.works[to as usize].key.clone(),
            relation: data.relation,
            attested: data.relation.attests_influence(),
            provenance,
            drafted,
        }
    }

    /// How an idea travelled from `from` to `to`: a path along lineage edges, forward in
    /// time, with each link's relation and provenance.
    ///
    /// # Arguments
    /// * `from`, `to`: work keys (see [`Corpus::find_work`] to get them from citations).
    /// * `options`: restrict to one concept's edges; fullest or shortest path.
    ///
    /// # Returns
    /// The path and its links. By default the fullest path: the one with most steps,
    /// which is the most detailed account the corpus supports.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown key or concept; [`ErrorKind::NoPath`] when
    /// no path connects the works; [`ErrorKind::Cycle`] when the lineage edges between
    /// them form a cycle (the message lists it).
    ///
    /// # Complexity
    /// O(V + E) over the works and lineage edges reachable from `from`.
    ///
    /// ```
    /// let corpus = bibgraph::Corpus::builtin()?;
    /// let lineage = corpus.lineage("bourne1916", "jessup1956", &Default::default())?;
    /// assert_eq!(lineage.links[0].relation, bibgraph::model::Relation::Succession);
    /// assert!(!lineage.links[0].attested);
    /// # Ok::<(), bibgraph::Error>(())
    /// ```
    pub fn lineage(&self, from: &str, to: &str, options: &LineageOptions) -> Result<Lineage> {
        let s = self.index_of_work(from)?;
        let t = self.index_of_work(to)?;
        let concept = self.concept_filter(&options.concept)?;
        if s == t {
            return Ok(Lineage { path: vec![self.works[s as usize].key.clone()], links: Vec::new() });
        }
        let fwd = self.reach(s, Direction::Outgoing, concept);
        if !fwd[t as usize] {
            let scope = options.concept.as_ref().map(|c| format!(" for concept `{c}`")).unwrap_or_default();
            return Err(Error::new(ErrorKind::NoPath, format!("no lineage path from `{from}` to `{to}`{scope}")));
        }
        let back = self.reach(t, Direction::Incoming, concept);
        let on_path = |w: u32| fwd[w as usize] && back[w as usize];
        match options.choice {
            PathChoice::Shortest => self.shortest(s, t, concept, &on_path),
            PathChoice::Fullest => self.fullest(s, t, concept, &on_path),
        }
    }

    fn shortest(&self, s: u32, t: u32, concept: Option<u32>, on_path: &dyn Fn(u32) -> bool) -> Result<Lineage> {
        let mut pred: Vec<Option<(u32, EdgeData)>> = vec![None; self.works.len()];
        let mut seen = vec![false; self.works.len()];
        seen[s as usize] = true;
        let mut queue = VecDeque::from([s]);
        while let Some(w) = queue.pop_front() {
            if w == t {
                break;
            }
            for (o, d) in self.forward_edges(w, Direction::Outgoing, concept) {
                if on_path(o) && !seen[o as usize] {
                    seen[o as usize] = true;
                    pred[o as usize] = Some((w, d));
                    queue.push_back(o);
                }
            }
        }
        Ok(self.rebuild(s, t, &pred))
    }

    fn fullest(&self, s: u32, t: u32, concept: Option<u32>, on_path: &dyn Fn(u32) -> bool) -> Result<Lineage> {
        // Kahn's algorithm over the sub-DAG of works on some s-t path.
        let nodes: Vec<u32> = (0..self.works.len() as u32).filter(|&w| on_path(w)).collect();
        let mut indegree = vec![0u32; self.works.len()];
        let mut out_edges: Vec<Vec<(u32, EdgeData)>> = vec![Vec::new(); self.works.len()];
        for &w in &nodes {
            let outs: Vec<(u32, EdgeData)> =
                self.forward_edges(w, Direction::Outgoing, concept).into_iter().filter(|(o, _)| on_path(*o)).collect();
            for (o, _) in &outs {
                indegree[*o as usize] += 1;
            }
            out_edges[w as usize] = outs;
        }
        let mut order = Vec::with_capacity(nodes.len());
        let mut ready: VecDeque<u32> = nodes.iter().copied().filter(|&w| indegree[w as usize] == 0).collect();
        while let Some(w) = ready.pop_front() {
            order.push(w);
            for (o, _) in &out_edges[w as usize] {
                indegree[*o as usize] -= 1;
                if indegree[*o as usize] == 0 {
                    ready.push_back(*o);
                }
            }
        }
        if order.len() < nodes.len() {
            return Err(self.cycle_error(&nodes, &out_edges, &indegree));
        }
        // Longest path by steps, then attested links, then earlier works.
        let mut best: Vec<Option<(u32, u32)>> = vec![None; self.works.len()];
        let mut pred: Vec<Option<(u32, EdgeData)>> = vec![None; self.works.len()];
        best[s as usize] = Some((0, 0));
        for &w in &order {
            let Some((len, att)) = best[w as usize] else { continue };
            for (o, d) in &out_edges[w as usize] {
                let cand = (len + 1, att + u32::from(d.relation.attests_influence()));
                if best[*o as usize].is_none_or(|b| cand > b) {
                    best[*o as usize] = Some(cand);
                    pred[*o as usize] = Some((w, *d));
                }
            }
        }
        Ok(self.rebuild(s, t, &pred))
    }

    fn cycle_error(&self, nodes: &[u32], out_edges: &[Vec<(u32, EdgeData)>], indegree: &[u32]) -> Error {
        // The works left with positive in-degree contain a cycle: walk predecessors.
        let stuck: Vec<u32> = nodes.iter().copied().filter(|&w| indegree[w as usize] > 0).collect();
        let mut next = vec![None; self.works.len()];
        for &w in &stuck {
            next[w as usize] = out_edges[w as usize].iter().map(|(o, _)| *o).find(|o| indegree[*o as usize] > 0);
        }
        let mut seen = vec![false; self.works.len()];
        let mut w = stuck[0];
        while !seen[w as usize] {
            seen[w as usize] = true;
            match next[w as usize] {
                Some(n) => w = n,
                None => break,
            }
        }
        let start = w;
        let mut cycle = vec![self.works[start as usize].key.to_string()];
        let mut cur = next[start as usize];
        while let Some(c) = cur {
            cycle.push(self.works[c as usize].key.to_string());
            if c == start {
                break;
            }
            cur = next[c as usize];
        }
        Error::new(ErrorKind::Cycle, format!("the lineage edges form a cycle: {}", cycle.join(" -> ")))
    }

    fn rebuild(&self, s: u32, t: u32, pred: &[Option<(u32, EdgeData)>]) -> Lineage {
        let mut links = Vec::new();
        let mut w = t;
        while w != s {
            let (p, d) = pred[w as usize].expect("t is reachable from s");
            links.push(self.link(p, w, d));
            w = p;
        }
        links.reverse();
        let mut path = vec![self.works[s as usize].key.clone()];
        path.extend(links.iter().map(|l| l.to.clone()));
        Lineage { path, links }
    }

    fn closure(&self, key: &str, concept: Option<&ConceptId>, dir: Direction) -> Result<Vec<&Work>> {
        let w = self.index_of_work(key)?;
        let concept = self.concept_filter(&concept.cloned())?;
        let seen = self.reach(w, dir, concept);
        let mut out: Vec<&Work> =
            seen.iter().enumerate().filter(|(i, s)| **s && *i != w as usize).map(|(i, _)| &self.works[i]).collect();
        out.sort_by(|a, b| (a.sort_year(), &a.key).cmp(&(b.sort_year(), &b.key)));
        Ok(out)
    }

    /// The works a work descends from along lineage edges (forward in time), oldest first.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown key or concept.
    ///
    /// Complexity: O(V + E).
    pub fn ancestors(&self, key: &str, concept: Option<&ConceptId>) -> Result<Vec<&Work>> {
        self.closure(key, concept, Direction::Incoming)
    }

    /// The works that descend from a work along lineage edges, oldest first.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown key or concept.
    ///
    /// Complexity: O(V + E).
    pub fn descendants(&self, key: &str, concept: Option<&ConceptId>) -> Result<Vec<&Work>> {
        self.closure(key, concept, Direction::Outgoing)
    }

    /// A concept's history: its senses in time order (undated last), each with its work.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown concept id.
    pub fn concept_history(&self, id: &str) -> Result<ConceptHistory<'_>> {
        let concept = self
            .concept(id)
            .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no concept `{id}` in the corpus")))?;
        let mut senses: Vec<(&Sense, &Work)> =
            concept.senses.iter().filter_map(|s| self.work(s.work.as_str()).map(|w| (s, w))).collect();
        senses.sort_by_key(|(_, w)| (w.sort_year().is_none(), w.sort_year(), w.year.as_ref().and_then(|y| y.suffix)));
        Ok(ConceptHistory { concept, senses })
    }
}

/// A concept with its senses in time order.
#[derive(Debug, Clone)]
pub struct ConceptHistory<'a> {
    /// The concept.
    pub concept: &'a Concept,
    /// Its senses, oldest first, each with the work it is in.
    pub senses: Vec<(&'a Sense, &'a Work)>,
}
