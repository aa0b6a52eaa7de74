//! Historiographs: pictures of works on a time axis, one lane per discipline, with the
//! lineage links between them, as self-contained SVG.
//!
//! A [`Historiograph`] says what to draw: some works and the links among them, either a
//! lineage ([`Historiograph::lineage`]) or a selection of the whole graph
//! ([`Historiograph::graph`]). [`layout::Layout`] places it; [`svg`] writes it; `raster`
//! (feature `render`, on by default with the command-line tool) makes PNG and PDF of it.
//!
//! ```
//! use bibgraph::picture::{Historiograph, Options};
//!
//! let corpus = bibgraph::Corpus::builtin()?;
//! let lineage = corpus.lineage("bourne1916", "portes-etal1999", &Default::default())?;
//! let picture = Historiograph::lineage(&corpus, &lineage)?;
//! let svg = picture.to_svg(&Options::default());
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains(r#"data-key="jessup1956""#));
//! # Ok::<(), bibgraph::Error>(())
//! ```

pub mod layout;
pub mod place;
#[cfg(feature = "render")]
pub mod raster;
mod route;
pub mod style;
pub mod svg;
pub mod text;

use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{EdgeSource, Node};
use crate::lineage::Lineage;
use crate::model::{ConceptId, EdgeTarget, Relation, Work};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::HashSet;

pub use layout::Layout;

/// A link to draw between two works of a [`Historiograph`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureEdge {
    /// The earlier work: an index into [`Historiograph::works`].
    pub from: usize,
    /// The later work: an index into [`Historiograph::works`].
    pub to: usize,
    /// The relation.
    pub relation: Relation,
    /// Whether the link is a step of the lineage drawn (always `false` for a graph).
    pub on_path: bool,
    /// The evidence and where the source gives it, shown as the link's tooltip.
    pub evidence: String,
}

/// What to draw: works and the links between them.
#[derive(Debug, Clone)]
pub struct Historiograph<'a> {
    /// The heading.
    pub title: String,
    /// The works, in any order (the layout orders them by year).
    pub works: Vec<&'a Work>,
    /// The links.
    pub edges: Vec<PictureEdge>,
}

/// Which part of the graph [`Historiograph::graph`] draws.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Selection {
    /// Only works that define, use, critique or name this concept, or that a link
    /// recorded for it joins; and only links recorded for it or for no concept.
    pub concept: Option<ConceptId>,
    /// Only works of this year or later (undated works are then left out).
    pub from: Option<i32>,
    /// Only works of this year or earlier (undated works are then left out).
    pub to: Option<i32>,
}

impl Selection {
    /// Restricts the picture to one concept.
    pub fn concept(mut self, concept: Option<ConceptId>) -> Self {
        self.concept = concept;
        self
    }

    /// Restricts the picture to the years `from..=to` (either bound may be open).
    pub fn years(mut self, from: Option<i32>, to: Option<i32>) -> Self {
        self.from = from;
        self.to = to;
        self
    }
}

/// How to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Show each work's title (cut to fit) under its authors and year.
    pub titles: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { titles: true }
    }
}

impl Options {
    /// Shows or hides the titles.
    pub fn titles(mut self, titles: bool) -> Self {
        self.titles = titles;
        self
    }
}

/// `1 work`, `7 works`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn evidence(corpus: &Corpus, source: EdgeSource) -> String {
    match source {
        EdgeSource::Edge(i) => {
            let p = &corpus.edges[i as usize].provenance;
            let by = corpus.work(p.source.as_str()).map(Work::citation).unwrap_or_else(|| p.source.to_string());
            let drafted =
                corpus.edges[i as usize].drafted.as_ref().map(|d| format!("[{d}: not reviewed] ")).unwrap_or_default();
            format!("{drafted}{} ({by}, {})", p.evidence(), p.locator)
        }
        _ => String::new(),
    }
}

/// `; 3 links drafted, not reviewed` when some links are drafted.
fn drafted_note(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "; 1 link drafted, not reviewed".to_string(),
        n => format!("; {n} links drafted, not reviewed"),
    }
}

impl<'a> Historiograph<'a> {
    /// The picture of a lineage: its works, its links (drawn heavier), and any other
    /// link between two of its works.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] if the lineage names a work that is not in `corpus`.
    ///
    /// Complexity: O(P + D) for P works on the path and D links at them.
    pub fn lineage(corpus: &'a Corpus, lineage: &Lineage) -> Result<Self> {
        let mut index = vec![None; corpus.works.len()];
        let mut works = Vec::with_capacity(lineage.path.len());
        for key in &lineage.path {
            let w = corpus.index_of_work(key.as_str())?;
            if index[w as usize].is_none() {
                index[w as usize] = Some(works.len());
                works.push(&corpus.works[w as usize]);
            }
        }
        let steps: HashSet<(&str, &str, Relation)> =
            lineage.links.iter().map(|l| (l.from.as_str(), l.to.as_str(), l.relation)).collect();
        let graph = corpus.graph();
        let mut edges = Vec::new();
        for key in &lineage.path {
            let w = corpus.work_index[key.as_str()];
            let Some(node) = graph.work_node(w) else { continue };
            for e in graph.inner().edges_directed(node, Direction::Outgoing) {
                let data = e.weight();
                let Node::Work(o) = graph.inner()[e.target()] else { continue };
                let (Some(from), Some(to)) = (index[w as usize], index[o as usize]) else { continue };
                // A historiograph draws lineage; `cites` links would bury it.
                if !data.relation.is_lineage() {
                    continue;
                }
                let on_path = steps.contains(&(key.as_str(), corpus.works[o as usize].key.as_str(), data.relation));
                edges.push(PictureEdge {
                    from,
                    to,
                    relation: data.relation,
                    on_path,
                    evidence: evidence(corpus, data.source),
                });
            }
        }
        let attested = lineage.links.iter().filter(|l| l.attested).count();
        let name = |i: usize| works.get(i).map(|w: &&Work| w.citation()).unwrap_or_default();
        let title = format!(
            "{} to {}: {}, {} ({attested} attested, {} succession only)",
            name(0),
            name(works.len().saturating_sub(1)),
            count(lineage.path.len(), "work"),
            count(lineage.links.len(), "link"),
            lineage.links.len() - attested
        );
        let title = title + &drafted_note(lineage.links.iter().filter(|l| l.drafted.is_some()).count());
        Ok(Historiograph { title, works, edges })
    }

    /// The picture of the corpus graph's works and the links between them, or of a
    /// selection of them.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for an unknown concept, or when no work is selected.
    ///
    /// Complexity: O(W + E + S) over the works, edges and senses of the corpus.
    pub fn graph(corpus: &'a Corpus, selection: &Selection) -> Result<Self> {
        let n = corpus.works.len();
        let concept = match &selection.concept {
            Some(c) => Some(
                corpus
                    .concept_index
                    .get(c)
                    .copied()
                    .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no concept `{c}` in the corpus")))?,
            ),
            None => None,
        };
        let mut keep = vec![concept.is_none(); n];
        if let Some(c) = concept {
            let id = &corpus.concepts[c as usize].id;
            // The concept and its narrower forms and variants, as a reading list takes them.
            let family: Vec<&ConceptId> =
                corpus.concept_family(c).into_iter().map(|(k, _)| &corpus.concepts[k as usize].id).collect();
            for k in corpus.concept_family(c) {
                for s in &corpus.concepts[k.0 as usize].senses {
                    keep[corpus.work_index[&s.work] as usize] = true;
                }
            }
            for e in &corpus.edges {
                let from = corpus.work_index[&e.from] as usize;
                match &e.to {
                    EdgeTarget::Concept(t) if family.contains(&t) => keep[from] = true,
                    EdgeTarget::Work(t) if e.concept.as_ref() == Some(id) => {
                        keep[from] = true;
                        keep[corpus.work_index[t] as usize] = true;
                    }
                    _ => {}
                }
            }
        }
        let bounded = selection.from.is_some() || selection.to.is_some();
        let mut index = vec![None; n];
        let mut works = Vec::new();
        for (i, w) in corpus.works.iter().enumerate() {
            let in_years = match w.sort_year() {
                Some(y) => selection.from.is_none_or(|f| y >= f) && selection.to.is_none_or(|t| y <= t),
                None => !bounded,
            };
            if keep[i] && in_years {
                index[i] = Some(works.len());
                works.push(w);
            }
        }
        let mut scope = Vec::new();
        if let Some(c) = concept {
            scope.push(format!("concept \u{2018}{}\u{2019}", corpus.concepts[c as usize].label));
        }
        match (selection.from, selection.to) {
            (Some(f), Some(t)) => scope.push(format!("{f}\u{2013}{t}")),
            (Some(f), None) => scope.push(format!("from {f}")),
            (None, Some(t)) => scope.push(format!("to {t}")),
            (None, None) => {}
        }
        let scope = if scope.is_empty() { String::new() } else { format!(" ({})", scope.join(", ")) };
        if works.is_empty() {
            let hint = match (selection.from, selection.to) {
                (Some(f), Some(t)) if f > t => {
                    format!(": the years are the wrong way round (from {f} is after to {t}); swap them")
                }
                _ => String::new(),
            };
            return Err(Error::new(
                ErrorKind::NotFound,
                format!("no works in the corpus match the selection{scope}{hint}"),
            ));
        }
        let concept_id = concept.map(|c| &corpus.concepts[c as usize].id);
        let mut edges = Vec::new();
        for (ei, e) in corpus.edges.iter().enumerate() {
            let EdgeTarget::Work(t) = &e.to else { continue };
            if !e.relation.is_lineage()
                || (concept_id.is_some() && e.concept.is_some() && e.concept.as_ref() != concept_id)
            {
                continue;
            }
            let (Some(from), Some(to)) =
                (index[corpus.work_index[&e.from] as usize], index[corpus.work_index[t] as usize])
            else {
                continue;
            };
            edges.push(PictureEdge {
                from,
                to,
                relation: e.relation,
                on_path: false,
                evidence: evidence(corpus, EdgeSource::Edge(ei as u32)),
            });
        }
        let name = corpus.meta.title.clone().unwrap_or_else(|| corpus.meta.id.clone());
        let mut title = format!("{name}: {}, {}{scope}", count(works.len(), "work"), count(edges.len(), "link"));
        title.push_str(&drafted_note(edges.iter().filter(|e| e.evidence.starts_with("[drafted")).count()));
        Ok(Historiograph { title, works, edges })
    }

    /// Places the picture. See [`Layout::new`].
    pub fn layout(&self, options: &Options) -> Layout {
        Layout::new(self, options)
    }

    /// The picture as a self-contained SVG document. See [`svg::write`].
    pub fn to_svg(&self, options: &Options) -> String {
        svg::write(self, &self.layout(options))
    }
}
