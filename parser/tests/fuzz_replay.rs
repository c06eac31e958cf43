//! Replays the `parse` fuzz target's corpus and its crash regressions
//! (`../fuzz/corpus/parse`, `../fuzz/regressions/parse`) through the parser on
//! the stable toolchain, so CI needs no nightly: every input must parse
//! (to a tree or to diagnostics) without a panic.

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
fn parse_corpus_replays() {
    let paths = inputs("parse");
    assert!(!paths.is_empty(), "the parse corpus is missing");
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable fuzz input");
        let _ = gomini_parser::parse_bytes(&bytes);
    }
}
