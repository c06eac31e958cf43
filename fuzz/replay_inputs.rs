//! The inputs a fuzz target's replay test feeds on the stable toolchain: its
//! corpus and its crash regressions (`fuzz/corpus/TARGET`,
//! `fuzz/regressions/TARGET`), sorted. Shared by `lexer/tests/fuzz_replay.rs`,
//! `parser/tests/fuzz_replay.rs` and `vm/tests/fuzz_replay.rs` through
//! `#[path]`; each of those crates sits beside `fuzz/`.

use std::path::{Path, PathBuf};

pub fn inputs(target: &str) -> Vec<PathBuf> {
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
