//! The data model: works, names, years, concepts, relations and their provenance.
//!
//! Everything here is plain data with serde support; the [`Corpus`](crate::Corpus) holds
//! it, and the [`graph`](crate::graph) links it.

mod concept;
mod drafted;
mod ids;
mod name;
mod record;
mod relation;
mod work;
mod year;

pub(crate) use concept::fold_label as concept_fold_label;
pub use concept::{Concept, ConceptRelation, Sense, SenseKind};
pub use drafted::{Confidence, Drafted};
pub use ids::{ConceptId, PersonId, WorkKey};
pub use name::{dotted_initials, undotted_initials, Contributors, Name, PersonName, Role};
pub use record::{RecordField, RecordFormat, SourceRecord};
pub use relation::{Edge, EdgeTarget, Flag, Provenance, Relation};
pub use work::{Work, WorkType};
pub use year::{Year, YearError};
