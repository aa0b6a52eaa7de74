//! How each relation is drawn, shared by the SVG historiograph and the DOT export so
//! that both read the same way: attested links solid, succession dashed, critique in
//! its own colour with a bar at the head.

use crate::model::Relation;

/// The head of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Head {
    /// A filled arrow: the source attests that the earlier work shaped the later.
    Arrow,
    /// An open arrow: order only (succession, citation).
    OpenArrow,
    /// A bar before a filled arrow: the later work argues against the earlier.
    BarArrow,
}

/// How a relation's edges are stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// The colour, as `#rrggbb`.
    pub color: &'static str,
    /// The line width in px.
    pub width: f64,
    /// The SVG `stroke-dasharray`, or `None` for a solid line.
    pub dash: Option<&'static str>,
    /// The head.
    pub head: Head,
}

/// The stroke of a relation's edges. Attested relations (`influence`, `transmission`,
/// `refinement`, `critique`) are solid; `succession` is dashed grey; `cites` dotted;
/// `critique` is vermilion with a bar at the head. Colours are from the Okabe-Ito
/// palette, which colour-blind readers can tell apart.
pub fn stroke(relation: Relation) -> Stroke {
    let solid = |color| Stroke { color, width: 2.0, dash: None, head: Head::Arrow };
    match relation {
        Relation::Influence => solid("#0072b2"),
        Relation::Transmission => solid("#009e73"),
        Relation::Refinement => solid("#8e5ba8"),
        Relation::Critique => Stroke { color: "#d55e00", width: 2.4, dash: None, head: Head::BarArrow },
        Relation::Succession => Stroke { color: "#6b6b6b", width: 1.8, dash: Some("7 4"), head: Head::OpenArrow },
        Relation::Cites => Stroke { color: "#8c8c8c", width: 1.2, dash: Some("2 3"), head: Head::OpenArrow },
        _ => Stroke { color: "#a0a0a0", width: 1.0, dash: None, head: Head::OpenArrow },
    }
}

/// What the legend says of a relation.
pub fn meaning(relation: Relation) -> &'static str {
    match relation {
        Relation::Influence => "influence (attested)",
        Relation::Transmission => "transmission across fields (attested)",
        Relation::Refinement => "refinement (attested)",
        Relation::Critique => "critique (attested)",
        Relation::Succession => "succession only (order, no influence attested)",
        Relation::Cites => "cites",
        other => other.as_str(),
    }
}
