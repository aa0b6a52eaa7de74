//! Matching (stub).
