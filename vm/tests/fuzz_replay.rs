//! Replays the `check` fuzz target's corpus and its crash regressions
//! (`../fuzz/corpus/check`, `../fuzz/regressions/check`) on the stable
//! toolchain, so CI needs no nightly. Each input goes through the target's own
//! steps: parse, then type-check when the file parsed without errors.

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut paths = Vec::new();
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir.join(dir).join(target)) else {
            continue;
        };
        paths.extend(entries.map(|entry| entry.expect("readable fuzz directory").path()));
    }
    paths.sort();
    paths
}

#[test]
fn check_corpus_replays() {
    let paths = inputs("check");
    assert!(!paths.is_empty(), "the check corpus is missing");
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable fuzz input");
        let (_text, tree, diagnostics) = gomini_parser::parse_bytes(&bytes);
        if let (Some(tree), true) = (tree, diagnostics.is_empty()) {
            let _ = gomini_vm::check::check(&tree);
        }
    }
}
