#![no_main]
//! Fuzz target `bibtex`: see `src/lib.rs` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| bibgraph_fuzz::bibtex(data));
