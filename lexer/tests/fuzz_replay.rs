//! Replays the `lex` fuzz target's corpus and its crash regressions
//! (`../fuzz/corpus/lex`, `../fuzz/regressions/lex`) through the lexer on the
//! stable toolchain, so CI needs no nightly: every input must lex without a panic.

#[path = "../../fuzz/replay_inputs.rs"]
mod replay_inputs;

use replay_inputs::inputs;

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
