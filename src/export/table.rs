//! The corpus graph as a table of typed records: every node and every edge of
//! [`Corpus::graph`], each with its attributes. The DOT, GraphML and JSON writers all
//! read this table, so the three formats carry the same nodes, edges and values.

use crate::corpus::Corpus;
use crate::graph::{EdgeSource, Node};
use crate::model::{EdgeTarget, Name, Provenance, Relation, Work};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

/// The type of an attribute's values, named as GraphML declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttrType {
    /// Text.
    String,
    /// A whole number.
    Int,
    /// `true` or `false`.
    Boolean,
}

impl AttrType {
    /// The GraphML `attr.type`: `string`, `int` or `boolean`.
    pub fn graphml_name(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Int => "int",
            AttrType::Boolean => "boolean",
        }
    }
}

/// Whether an attribute describes nodes or edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// Nodes: works, concepts, people.
    Node,
    /// Edges.
    Edge,
}

impl Domain {
    /// The GraphML `for` value: `node` or `edge`.
    pub fn graphml_name(self) -> &'static str {
        match self {
            Domain::Node => "node",
            Domain::Edge => "edge",
        }
    }
}

/// An attribute of exported nodes or edges: its name, domain and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Attr {
    /// The name, e.g. `year`, `relation`.
    pub name: &'static str,
    /// Nodes or edges.
    pub domain: Domain,
    /// The type of its values.
    pub ty: AttrType,
    /// What it means, in a few words.
    pub meaning: &'static str,
}

macro_rules! attrs {
    ($list:ident, $domain:expr, $( $id:ident = ($name:literal, $ty:ident, $meaning:literal) ),+ $(,)?) => {
        $(
            #[doc = concat!("`", $name, "`: ", $meaning, ".")]
            pub const $id: Attr = Attr { name: $name, domain: $domain, ty: AttrType::$ty, meaning: $meaning };
        )+
        /// Every attribute of this domain, in the order the writers declare them.
        pub const $list: &[Attr] = &[$($id),+];
    };
}

/// The attributes of nodes.
pub mod node {
    use super::{Attr, AttrType, Domain};
    attrs!(
        ALL,
        Domain::Node,
        KIND = ("kind", String, "work, concept or person"),
        LABEL = ("label", String, "how the node is shown: a work's citation, a concept's label, a person's name"),
        KEY = ("key", String, "the work key, concept id or person id in the corpus"),
        TYPE = ("type", String, "a work's CSL type"),
        TITLE = ("title", String, "a work's title"),
        AUTHORS = ("authors", String, "a work's authors, `Family Given` separated by `; `"),
        EDITORS = ("editors", String, "a work's editors, likewise"),
        YEAR = ("year", Int, "a work's year for time order (the original year of a reprint)"),
        CITED_YEAR = ("cited-year", String, "a work's year as cited: `2001a`, `n.d.`"),
        DISCIPLINE = ("discipline", String, "the discipline a work belongs to"),
        CONTAINER_TITLE = ("container-title", String, "a work's journal or book"),
        DOI = ("doi", String, "a work's DOI"),
        URL = ("url", String, "a work's URL"),
        FLAGS = ("flags", String, "the kinds of a work's flags (misprint, inconsistent, ...), separated by `; `"),
        DESCRIPTION = ("description", String, "a concept's description"),
        ALT_LABELS = ("alt-labels", String, "a concept's other labels, separated by `; `"),
        FAMILY = ("family", String, "a person's family name, or an organisation's name"),
        GIVEN = ("given", String, "a person's given names or initials"),
    );
}

/// The attributes of edges.
pub mod edge {
    use super::{Attr, AttrType, Domain};
    attrs!(
        ALL,
        Domain::Edge,
        RELATION = ("relation", String, "the relation: influence, succession, defines, authored, broader, ..."),
        CATEGORY = ("category", String, "lineage, citation, work-concept, concept-concept or authorship"),
        ATTESTED = ("attested", Boolean, "for links between works: whether the source attests influence"),
        CONCEPT = ("concept", String, "for links between works: the concept whose career the link belongs to"),
        EVIDENCE = ("evidence", String, "the evidence: the source's exact words in quotation marks, or a note"),
        LOCATOR = ("locator", String, "where in the source the claim is made"),
        SOURCE = ("source", String, "the key of the work that makes the claim"),
        SENSE_LOCATOR = ("sense-locator", String, "for a sense: where in the work the concept is defined or used"),
        SENSE_TEXT = ("sense-text", String, "for a sense: the author's words, or the sense described"),
        DISCIPLINE = ("discipline", String, "for a sense: the discipline it belongs to"),
    );
}

/// A typed attribute value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// Text.
    String(String),
    /// A whole number.
    Int(i64),
    /// A truth value.
    Boolean(bool),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::String(s) => f.write_str(s),
            Value::Int(i) => write!(f, "{i}"),
            Value::Boolean(b) => write!(f, "{b}"),
        }
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A work.
    Work,
    /// A concept.
    Concept,
    /// A person.
    Person,
}

impl NodeKind {
    /// `work`, `concept` or `person`: also the prefix of the node's id.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Work => "work",
            NodeKind::Concept => "concept",
            NodeKind::Person => "person",
        }
    }
}

/// One exported node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRecord {
    /// A unique id: the kind, a colon and the corpus key (`work:bourne1916`,
    /// `concept:trans-state`, `person:portes-a`).
    pub id: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// For a work, its year for time order.
    pub year: Option<i32>,
    /// Its attributes, in the order of [`node::ALL`]; absent values are left out.
    pub attrs: Vec<(Attr, Value)>,
}

/// One exported edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeRecord {
    /// A unique id, `e0`, `e1`, ... in graph order.
    pub id: String,
    /// The id of the node it leaves.
    pub source: String,
    /// The id of the node it enters.
    pub target: String,
    /// The relation.
    pub relation: Relation,
    /// Its attributes, in the order of [`edge::ALL`]; absent values are left out.
    pub attrs: Vec<(Attr, Value)>,
}

impl NodeRecord {
    /// The value of an attribute, if the node has it.
    pub fn get(&self, attr: Attr) -> Option<&Value> {
        self.attrs.iter().find(|(a, _)| *a == attr).map(|(_, v)| v)
    }
}

impl EdgeRecord {
    /// The value of an attribute, if the edge has it.
    pub fn get(&self, attr: Attr) -> Option<&Value> {
        self.attrs.iter().find(|(a, _)| *a == attr).map(|(_, v)| v)
    }
}

/// The whole corpus graph as records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphTable {
    /// The corpus's id (from `corpus.yaml`).
    pub id: String,
    /// The corpus's title, if it has one.
    pub title: Option<String>,
    /// Every node of [`Corpus::graph`], in graph order: works, concepts, people.
    pub nodes: Vec<NodeRecord>,
    /// Every edge of [`Corpus::graph`], in graph order.
    pub edges: Vec<EdgeRecord>,
}

fn text(attrs: &mut Vec<(Attr, Value)>, attr: Attr, value: Option<impl Into<String>>) {
    if let Some(v) = value {
        let v = v.into();
        if !v.is_empty() {
            attrs.push((attr, Value::String(v)));
        }
    }
}

fn names(names: &[Name]) -> Option<String> {
    (!names.is_empty()).then(|| names.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
}

fn work_attrs(w: &Work) -> Vec<(Attr, Value)> {
    let mut a = Vec::with_capacity(12);
    text(&mut a, node::KIND, Some("work"));
    text(&mut a, node::LABEL, Some(w.citation()));
    text(&mut a, node::KEY, Some(w.key.as_str()));
    text(&mut a, node::TYPE, Some(w.kind.as_str()));
    text(&mut a, node::TITLE, w.title.as_deref());
    text(&mut a, node::AUTHORS, names(&w.authors));
    text(&mut a, node::EDITORS, names(&w.editors));
    if let Some(y) = w.sort_year() {
        a.push((node::YEAR, Value::Int(i64::from(y))));
    }
    text(&mut a, node::CITED_YEAR, Some(w.year.as_ref().map(|y| y.cited()).unwrap_or_else(|| "n.d.".to_string())));
    text(&mut a, node::DISCIPLINE, w.discipline.as_deref());
    text(&mut a, node::CONTAINER_TITLE, w.container_title.as_deref());
    text(&mut a, node::DOI, w.doi.as_deref());
    text(&mut a, node::URL, w.url.as_deref());
    let flags: Vec<&str> = w.flags.iter().map(|f| f.kind.as_str()).collect();
    text(&mut a, node::FLAGS, (!flags.is_empty()).then(|| flags.join("; ")));
    a
}

fn provenance_attrs(a: &mut Vec<(Attr, Value)>, p: &Provenance) {
    text(a, edge::EVIDENCE, Some(p.evidence()));
    text(a, edge::LOCATOR, Some(p.locator.as_str()));
    text(a, edge::SOURCE, Some(p.source.as_str()));
}

/// The category of an edge's relation: `lineage`, `citation`, `work-concept`,
/// `concept-concept` or `authorship`.
pub fn category(relation: Relation) -> &'static str {
    if relation.is_lineage() {
        "lineage"
    } else if relation == Relation::Cites {
        "citation"
    } else if relation.is_work_to_concept() {
        "work-concept"
    } else if relation.is_concept_to_concept() {
        "concept-concept"
    } else {
        "authorship"
    }
}

impl GraphTable {
    /// Keeps the works `keep` says yes to, the concepts and people joined to a kept
    /// work, and the edges between what is kept (the filters of `export --concept`,
    /// `--from`, `--to`). O(nodes + edges).
    pub fn retain_works(&mut self, keep: impl Fn(&str) -> bool) {
        let work = |n: &NodeRecord| n.kind == NodeKind::Work;
        let kept: std::collections::HashSet<String> = self
            .nodes
            .iter()
            .filter(|n| work(n) && keep(n.id.strip_prefix("work:").unwrap_or(&n.id)))
            .map(|n| n.id.clone())
            .collect();
        let mut joined: std::collections::HashSet<String> = kept.clone();
        for e in &self.edges {
            if kept.contains(&e.source) {
                joined.insert(e.target.clone());
            }
            if kept.contains(&e.target) {
                joined.insert(e.source.clone());
            }
        }
        self.nodes.retain(|n| if work(n) { kept.contains(&n.id) } else { joined.contains(&n.id) });
        let ids: std::collections::HashSet<&str> = self.nodes.iter().map(|n| n.id.as_str()).collect();
        self.edges.retain(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()));
    }

    /// The table of a corpus's graph: one record per node and per edge.
    ///
    /// Complexity: O(V + E) records, each of the size of its attributes.
    ///
    /// ```
    /// let corpus = bibgraph::Corpus::builtin()?;
    /// let table = bibgraph::export::GraphTable::new(&corpus);
    /// assert_eq!(table.nodes.len(), corpus.graph().node_count());
    /// assert_eq!(table.edges.len(), corpus.graph().edge_count());
    /// assert_eq!(table.nodes[0].id, format!("work:{}", corpus.works()[0].key));
    /// # Ok::<(), bibgraph::Error>(())
    /// ```
    pub fn new(corpus: &Corpus) -> Self {
        let graph = corpus.graph().inner();
        let id_of = |n: Node| match n {
            Node::Work(i) => format!("work:{}", corpus.works[i as usize].key),
            Node::Concept(i) => format!("concept:{}", corpus.concepts[i as usize].id),
            Node::Person(i) => format!("person:{}", corpus.people[i as usize].id),
        };
        let nodes = graph
            .node_indices()
            .map(|ix| {
                let n = graph[ix];
                let (kind, year, attrs) = match n {
                    Node::Work(i) => {
                        let w = &corpus.works[i as usize];
                        (NodeKind::Work, w.sort_year(), work_attrs(w))
                    }
                    Node::Concept(i) => {
                        let c = &corpus.concepts[i as usize];
                        let mut a = Vec::with_capacity(5);
                        text(&mut a, node::KIND, Some("concept"));
                        text(&mut a, node::LABEL, Some(c.label.as_str()));
                        text(&mut a, node::KEY, Some(c.id.as_str()));
                        text(&mut a, node::DESCRIPTION, c.description.as_deref());
                        text(&mut a, node::ALT_LABELS, (!c.alt_labels.is_empty()).then(|| c.alt_labels.join("; ")));
                        (NodeKind::Concept, None, a)
                    }
                    Node::Person(i) => {
                        let p = &corpus.people[i as usize];
                        let mut a = Vec::with_capacity(5);
                        text(&mut a, node::KIND, Some("person"));
                        text(&mut a, node::LABEL, Some(p.name.to_string()));
                        text(&mut a, node::KEY, Some(p.id.as_str()));
                        text(&mut a, node::FAMILY, Some(p.name.family_or_literal()));
                        text(&mut a, node::GIVEN, p.name.given());
                        (NodeKind::Person, None, a)
                    }
                };
                NodeRecord { id: id_of(n), kind, year, attrs }
            })
            .collect();
        let edges = graph
            .edge_references()
            .enumerate()
            .map(|(i, e)| {
                let data = *e.weight();
                let mut a = Vec::with_capacity(8);
                text(&mut a, edge::RELATION, Some(data.relation.as_str()));
                text(&mut a, edge::CATEGORY, Some(category(data.relation)));
                if data.relation.is_work_to_work() {
                    a.push((edge::ATTESTED, Value::Boolean(data.relation.attests_influence())));
                }
                match data.source {
                    EdgeSource::Edge(ei) => {
                        let ce = &corpus.edges[ei as usize];
                        if matches!(ce.to, EdgeTarget::Work(_)) {
                            text(&mut a, edge::CONCEPT, ce.concept.as_ref().map(|c| c.as_str()));
                        }
                        provenance_attrs(&mut a, &ce.provenance);
                    }
                    EdgeSource::Sense(ci, si) => {
                        let s = &corpus.concepts[ci as usize].senses[si as usize];
                        provenance_attrs(&mut a, &s.provenance);
                        text(&mut a, edge::SENSE_LOCATOR, s.locator.as_deref());
                        text(&mut a, edge::SENSE_TEXT, s.quote.as_deref().or(s.description.as_deref()));
                        text(&mut a, edge::DISCIPLINE, s.discipline.as_deref());
                    }
                    EdgeSource::ConceptRelation(ci, ri) => {
                        provenance_attrs(&mut a, &corpus.concepts[ci as usize].relations[ri as usize].provenance);
                    }
                    EdgeSource::Record => {}
                }
                EdgeRecord {
                    id: format!("e{i}"),
                    source: id_of(graph[e.source()]),
                    target: id_of(graph[e.target()]),
                    relation: data.relation,
                    attrs: a,
                }
            })
            .collect();
        GraphTable { id: corpus.meta().id.clone(), title: corpus.meta().title.clone(), nodes, edges }
    }
}
