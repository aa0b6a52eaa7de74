#![no_main]
//! Fuzz target `decode`: see `src/lib.rs` for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| bibgraph_fuzz::decode(data));
