//! Helpers shared by integration tests.
pub mod drafts_gold;
