//! The graph of works, people and concepts, on petgraph.
//!
//! Nodes are indices into the corpus's arrays, so the graph itself is compact: a node is
//! 8 bytes and an edge 12, whatever the size of the records. It is a
//! [`StableDiGraph`], so indices stay valid if nodes are removed, and
//! [`CorpusGraph::inner`] gives read access for `petgraph::algo`.

use crate::corpus::Corpus;
use crate::model::{EdgeTarget, Relation};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// A node: an index into [`Corpus::works`], [`Corpus::concepts`] or [`Corpus::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    /// A work.
    Work(u32),
    /// A concept.
    Concept(u32),
    /// A person.
    Person(u32),
}

/// Where an edge's claim is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeSource {
    /// The edge with this index in [`Corpus::edges`].
    Edge(u32),
    /// A sense of a concept: (concept index, sense index). The edge goes from the work to
    /// the concept.
    Sense(u32, u32),
    /// A relation of a concept: (concept index, relation index).
    ConceptRelation(u32, u32),
    /// The work's own record names the person as author or editor.
    Record,
}

/// An edge: its relation and where the claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdgeData {
    /// The type of link.
    pub relation: Relation,
    /// Where it is recorded; the provenance is there.
    pub source: EdgeSource,
}

/// The corpus as one directed graph.
#[derive(Debug, Clone, Default)]
pub struct CorpusGraph {
    graph: StableDiGraph<Node, EdgeData>,
    works: Vec<NodeIndex>,
    concepts: Vec<NodeIndex>,
    people: Vec<NodeIndex>,
}

impl CorpusGraph {
    /// Builds the graph of a corpus: one node per work, concept and person; edges for
    /// authorship, the corpus's typed edges, concept senses and concept relations.
    ///
    /// Complexity: O(V + E).
    pub fn build(corpus: &Corpus) -> Self {
        let n_edges = corpus.edges.len() + corpus.people.iter().map(|p| p.works.len()).sum::<usize>();
        let mut graph =
            StableDiGraph::with_capacity(corpus.works.len() + corpus.concepts.len() + corpus.people.len(), n_edges);
        let works: Vec<NodeIndex> = (0..corpus.works.len() as u32).map(|i| graph.add_node(Node::Work(i))).collect();
        let concepts: Vec<NodeIndex> =
            (0..corpus.concepts.len() as u32).map(|i| graph.add_node(Node::Concept(i))).collect();
        let people: Vec<NodeIndex> = (0..corpus.people.len() as u32).map(|i| graph.add_node(Node::Person(i))).collect();
        for (pi, person) in corpus.people.iter().enumerate() {
            for (key, rel) in &person.works {
                if let Some(&w) = corpus.work_index.get(key) {
                    graph.add_edge(
                        people[pi],
                        works[w as usize],
                        EdgeData { relation: *rel, source: EdgeSource::Record },
                    );
                }
            }
        }
        for (ei, e) in corpus.edges.iter().enumerate() {
            let from = works[corpus.work_index[&e.from] as usize];
            let to = match &e.to {
                EdgeTarget::Work(k) => works[corpus.work_index[k] as usize],
                EdgeTarget::Concept(c) => concepts[corpus.concept_index[c] as usize],
            };
            graph.add_edge(from, to, EdgeData { relation: e.relation, source: EdgeSource::Edge(ei as u32) });
        }
        for (ci, c) in corpus.concepts.iter().enumerate() {
            for (si, s) in c.senses.iter().enumerate() {
                let w = works[corpus.work_index[&s.work] as usize];
                graph.add_edge(
                    w,
                    concepts[ci],
                    EdgeData { relation: s.kind.relation(), source: EdgeSource::Sense(ci as u32, si as u32) },
                );
            }
            for (ri, r) in c.relations.iter().enumerate() {
                let other = concepts[corpus.concept_index[&r.concept] as usize];
                graph.add_edge(
                    concepts[ci],
                    other,
                    EdgeData { relation: r.relation, source: EdgeSource::ConceptRelation(ci as u32, ri as u32) },
                );
            }
        }
        CorpusGraph { graph, works, concepts, people }
    }

    /// The petgraph graph, for `petgraph::algo` and visitors.
    pub fn inner(&self) -> &StableDiGraph<Node, EdgeData> {
        &self.graph
    }

    /// The node of the work at this index of [`Corpus::works`].
    pub fn work_node(&self, index: u32) -> Option<NodeIndex> {
        self.works.get(index as usize).copied()
    }

    /// The node of the concept at this index of [`Corpus::concepts`].
    pub fn concept_node(&self, index: u32) -> Option<NodeIndex> {
        self.concepts.get(index as usize).copied()
    }

    /// The node of the person at this index of [`Corpus::people`].
    pub fn person_node(&self, index: u32) -> Option<NodeIndex> {
        self.people.get(index as usize).copied()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The lineage edges leaving (`Outgoing`) or entering (`Incoming`) a work, as
    /// (other work index, edge data), optionally only those of one concept.
    pub(crate) fn lineage_edges<'a>(
        &'a self,
        corpus: &'a Corpus,
        work: u32,
        dir: Direction,
        concept: Option<u32>,
    ) -> impl Iterator<Item = (u32, EdgeData)> + 'a {
        let node = self.works[work as usize];
        self.graph.edges_directed(node, dir).filter_map(move |e| {
            let data = *e.weight();
            if !data.relation.is_lineage() {
                return None;
            }
            if let (Some(c), EdgeSource::Edge(i)) = (concept, data.source) {
                let edge_concept =
                    corpus.edges[i as usize].concept.as_ref().and_then(|id| corpus.concept_index.get(id)).copied();
                if edge_concept != Some(c) {
                    return None;
                }
            }
            let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
            match self.graph[other] {
                Node::Work(w) => Some((w, data)),
                _ => None,
            }
        })
    }
}
