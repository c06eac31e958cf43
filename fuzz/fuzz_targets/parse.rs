//! Fuzz target: the parser (lexer included), from raw bytes to a tree and diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gomini_parser::parse_bytes(data);
});
