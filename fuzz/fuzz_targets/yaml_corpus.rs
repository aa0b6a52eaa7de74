#![no_main]
//! Fuzz target `yaml_corpus`: see `src/lib.rs` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| bibgraph_fuzz::yaml_corpus(data));
