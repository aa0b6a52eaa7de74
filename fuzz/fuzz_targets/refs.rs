#![no_main]
//! Fuzz target `refs`: see `src/lib.rs` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| bibgraph_fuzz::refs(data));
