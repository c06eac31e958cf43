//! Fuzz target: the lexer, from raw bytes (bad UTF-8 included) to tokens and diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _source_diags) = gomini_lexer::source_text(data);
    let _ = gomini_lexer::lex(&text);
});
