//! Fuzz target: parse, then type-check, as `gomini check` does: the checker
//! sees a tree only when the file parsed without errors.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (_text, tree, diagnostics) = gomini_parser::parse_bytes(data);
    if let (Some(tree), true) = (tree, diagnostics.is_empty()) {
        let _ = gomini_vm::check::check(&tree);
    }
});
