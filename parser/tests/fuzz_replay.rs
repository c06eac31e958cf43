//! Replays the `parse` fuzz target's corpus and its crash regressions
//! (`../fuzz/corpus/parse`, `../fuzz/regressions/parse`) through the parser on
//! the stable toolchain, so CI needs no nightly: every input must parse
//! (to a tree or to diagnostics) without a panic.

#[path = "../../fuzz/replay_inputs.rs"]
mod replay_inputs;

use replay_inputs::inputs;

#[test]
fn parse_corpus_replays() {
    let paths = inputs("parse");
    assert!(!paths.is_empty(), "the parse corpus is missing");
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable fuzz input");
        let _ = gomini_parser::parse_bytes(&bytes);
    }
}
