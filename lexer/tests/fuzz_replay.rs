//! Replays the `lex` fuzz target's corpus and its crash regressions
//! (`../fuzz/corpus/lex`, `../fuzz/regressions/lex`) through the lexer on the
//! stable toolchain, so CI needs no nightly: every input must lex without a panic.

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
fn lex_corpus_replays() {
    let paths = inputs("lex");
    assert!(!paths.is_empty(), "the lex corpus is missing");
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable fuzz input");
        let (text, _) = gomini_lexer::source_text(&bytes);
        let _ = gomini_lexer::lex(&text);
    }
}
