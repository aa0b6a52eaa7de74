#![no_main]
//! Fuzz target `csl_json`: see `src/lib.rs` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| bibgraph_fuzz::csl_json(data));
