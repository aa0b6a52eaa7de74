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
use std::collections::{HashMap, HashSet, VecDeque};

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
        let provenance = match data.source {
            EdgeSource::Edge(i) => self.edges[i as usize].provenance.clone(),
            _ => unreachable!("lineage edges come from corpus edges"),
        };
        Link {
            from: self.works[from as usize].key.clone(),
            to: self.works[to as usize].key.clone(),
            relation: data.relation,
            attested: data.relation.attests_influence(),
            provenance,
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
    /// Bounded by what the answer needs. The shortest path is found by a bidirectional
    /// breadth-first search, which expands the smaller frontier first and stops when the
    /// two meet: it visits the works within the path's length of either end, not
    /// everything reachable. The fullest path is computed over the works between the two
    /// ends (those on some path from `from` to `to`), found by searching from both ends
    /// in step and finishing the side that closes first: O(V' + E') where V' is the
    /// smaller of `from`'s descendants and `to`'s ancestors.
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
        let no_path = || {
            let scope = options.concept.as_ref().map(|c| format!(" for concept `{c}`")).unwrap_or_default();
            Error::new(ErrorKind::NoPath, format!("no lineage path from `{from}` to `{to}`{scope}"))
        };
        match options.choice {
            PathChoice::Shortest => self.shortest(s, t, concept).ok_or_else(no_path),
            PathChoice::Fullest => {
                let nodes = self.between(s, t, concept).ok_or_else(no_path)?;
                self.fullest(s, t, concept, &nodes)
            }
        }
    }

    /// The works on some path from `s` to `t`, in index order; `None` if there is no path.
    /// A search from `s` forward and one from `t` backward run in step; the first to run
    /// out of works gives a closure, and a search from the other end limited to it gives
    /// the works between.
    ///
    /// When every work is dated, the years along a path never decrease, so the searches
    /// skip the works outside the two ends' years.
    fn between(&self, s: u32, t: u32, concept: Option<u32>) -> Option<Vec<u32>> {
        let years = (self.works[s as usize].sort_year(), self.works[t as usize].sort_year());
        let window = match years {
            (Some(a), Some(b)) if self.all_dated => Some((a, b)),
            _ => None,
        };
        let inside =
            |w: u32| window.is_none_or(|(a, b)| self.works[w as usize].sort_year().is_some_and(|y| a <= y && y <= b));
        let mut seen = [HashSet::from([s]), HashSet::from([t])];
        let mut queues = [VecDeque::from([s]), VecDeque::from([t])];
        let dirs = [Direction::Outgoing, Direction::Incoming];
        let closed = loop {
            let mut done = None;
            for side in 0..2 {
                let Some(w) = queues[side].pop_front() else {
                    done = Some(side);
                    break;
                };
                for (o, _) in self.forward_edges(w, dirs[side], concept) {
                    if inside(o) && seen[side].insert(o) {
                        queues[side].push_back(o);
                    }
                }
            }
            if let Some(side) = done {
                break side;
            }
        };
        let [fwd, back] = seen;
        let (closure, start, dir) =
            if closed == 0 { (fwd, t, Direction::Incoming) } else { (back, s, Direction::Outgoing) };
        if !closure.contains(&start) {
            return None;
        }
        let mut found = HashSet::from([start]);
        let mut queue = VecDeque::from([start]);
        while let Some(w) = queue.pop_front() {
            for (o, _) in self.forward_edges(w, dir, concept) {
                if closure.contains(&o) && found.insert(o) {
                    queue.push_back(o);
                }
            }
        }
        let mut nodes: Vec<u32> = found.into_iter().collect();
        nodes.sort_unstable();
        Some(nodes)
    }

    /// The shortest path, by a bidirectional breadth-first search; among shortest paths,
    /// the one whose works' indices come first in lexicographic order (which is the
    /// path a breadth-first search from `s` over index-ordered edges finds).
    fn shortest(&self, s: u32, t: u32, concept: Option<u32>) -> Option<Lineage> {
        // Level of each work seen from each end, and the levels as lists.
        let mut dist = [HashMap::from([(s, 0u32)]), HashMap::from([(t, 0u32)])];
        let mut levels: [Vec<Vec<u32>>; 2] = [vec![vec![s]], vec![vec![t]]];
        let dirs = [Direction::Outgoing, Direction::Incoming];
        let meet: Vec<u32> = loop {
            let (fl, bl) = (levels[0].last().map_or(0, Vec::len), levels[1].last().map_or(0, Vec::len));
            if fl == 0 || bl == 0 {
                return None;
            }
            let side = usize::from(bl < fl);
            let depth = levels[side].len() as u32;
            let mut next = Vec::new();
            for &w in levels[side].last().into_iter().flatten() {
                for (o, _) in self.forward_edges(w, dirs[side], concept) {
                    if let std::collections::hash_map::Entry::Vacant(e) = dist[side].entry(o) {
                        e.insert(depth);
                        next.push(o);
                    }
                }
            }
            let meet: Vec<u32> = next.iter().copied().filter(|o| dist[1 - side].contains_key(o)).collect();
            levels[side].push(next);
            if !meet.is_empty() {
                break meet;
            }
        };
        // The meeting works sit at the last forward level; the forward works on a
        // shortest path are those with an edge into the next such level.
        let depth = levels[0].len() - 1;
        let mut on: Vec<HashSet<u32>> = vec![HashSet::new(); depth + 1];
        on[depth] = meet.into_iter().collect();
        for k in (0..depth).rev() {
            let keep: HashSet<u32> = levels[0][k]
                .iter()
                .copied()
                .filter(|&u| {
                    self.forward_edges(u, Direction::Outgoing, concept).iter().any(|(o, _)| on[k + 1].contains(o))
                })
                .collect();
            on[k] = keep;
        }
        let mut path = vec![s];
        let mut links = Vec::new();
        let mut cur = s;
        let mut k = 0;
        while cur != t {
            let remaining = dist[1].get(&cur).copied();
            let step = self.forward_edges(cur, Direction::Outgoing, concept).into_iter().find(|(o, _)| {
                if k < depth {
                    on[k + 1].contains(o)
                } else {
                    remaining.is_some_and(|r| dist[1].get(o) == Some(&(r - 1)))
                }
            });
            let (o, d) = step.expect("every work on a shortest path has a next one");
            links.push(self.link(cur, o, d));
            path.push(o);
            cur = o;
            k += 1;
        }
        Some(Lineage { path: path.into_iter().map(|w| self.works[w as usize].key.clone()).collect(), links })
    }

    /// The longest path over `nodes` (the works between `s` and `t`, in index order).
    fn fullest(&self, s: u32, t: u32, concept: Option<u32>, nodes: &[u32]) -> Result<Lineage> {
        // Kahn's algorithm over the sub-DAG of works on some s-t path, in local indices.
        let local: HashMap<u32, usize> = nodes.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        let mut indegree = vec![0u32; nodes.len()];
        let mut out_edges: Vec<Vec<(usize, EdgeData)>> = Vec::with_capacity(nodes.len());
        for &w in nodes {
            let outs: Vec<(usize, EdgeData)> = self
                .forward_edges(w, Direction::Outgoing, concept)
                .into_iter()
                .filter_map(|(o, d)| local.get(&o).map(|&i| (i, d)))
                .collect();
            for (o, _) in &outs {
                indegree[*o] += 1;
            }
            out_edges.push(outs);
        }
        let mut order = Vec::with_capacity(nodes.len());
        let mut ready: VecDeque<usize> = (0..nodes.len()).filter(|&i| indegree[i] == 0).collect();
        while let Some(w) = ready.pop_front() {
            order.push(w);
            for (o, _) in &out_edges[w] {
                indegree[*o] -= 1;
                if indegree[*o] == 0 {
                    ready.push_back(*o);
                }
            }
        }
        if order.len() < nodes.len() {
            return Err(self.cycle_error(nodes, &out_edges, &indegree));
        }
        // Longest path by steps, then attested links, then earlier works.
        let mut best: Vec<Option<(u32, u32)>> = vec![None; nodes.len()];
        let mut pred: Vec<Option<(usize, EdgeData)>> = vec![None; nodes.len()];
        best[local[&s]] = Some((0, 0));
        for &w in &order {
            let Some((len, att)) = best[w] else { continue };
            for (o, d) in &out_edges[w] {
                let cand = (len + 1, att + u32::from(d.relation.attests_influence()));
                if best[*o].is_none_or(|b| cand > b) {
                    best[*o] = Some(cand);
                    pred[*o] = Some((w, *d));
                }
            }
        }
        let mut links = Vec::new();
        let mut w = local[&t];
        while nodes[w] != s {
            let (p, d) = pred[w].expect("t is reachable from s");
            links.push(self.link(nodes[p], nodes[w], d));
            w = p;
        }
        links.reverse();
        let mut path = vec![self.works[s as usize].key.clone()];
        path.extend(links.iter().map(|l| l.to.clone()));
        Ok(Lineage { path, links })
    }

    fn cycle_error(&self, nodes: &[u32], out_edges: &[Vec<(usize, EdgeData)>], indegree: &[u32]) -> Error {
        // The works left with positive in-degree contain a cycle: walk predecessors.
        let stuck: Vec<usize> = (0..nodes.len()).filter(|&w| indegree[w] > 0).collect();
        let mut next = vec![None; nodes.len()];
        for &w in &stuck {
            next[w] = out_edges[w].iter().map(|(o, _)| *o).find(|o| indegree[*o] > 0);
        }
        let mut seen = vec![false; nodes.len()];
        let mut w = stuck[0];
        while !seen[w] {
            seen[w] = true;
            match next[w] {
                Some(n) => w = n,
                None => break,
            }
        }
        let start = w;
        let mut cycle = vec![self.works[nodes[start] as usize].key.to_string()];
        let mut cur = next[start];
        while let Some(c) = cur {
            cycle.push(self.works[nodes[c] as usize].key.to_string());
            if c == start {
                break;
            }
            cur = next[c];
        }
        Error::new(ErrorKind::Cycle, format!("the lineage edges form a cycle: {}", cycle.join(" -> ")))
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
