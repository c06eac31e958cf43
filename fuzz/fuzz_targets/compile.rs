//! Fuzz target: parse, type-check, then compile to bytecode, as `gomini run`
//! does before running: each stage sees only what the previous one accepted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, tree, diagnostics) = gomini_parser::parse_bytes(data);
    let (Some(tree), true) = (tree, diagnostics.is_empty()) else {
        return;
    };
    let (Some(program), _) = gomini_vm::check::check(&tree) else {
        return;
    };
    let opts = gomini_vm::compile::Options::default();
    let _ = gomini_vm::compile::compile(&program, &opts, "fuzz.go", &text);
});
