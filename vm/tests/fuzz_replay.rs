//! Replays the `check`, `compile` and `run` fuzz targets' corpora and crash
//! regressions (`../fuzz/corpus/TARGET`, `../fuzz/regressions/TARGET`) on the
//! stable toolchain, so CI needs no nightly. Each input goes through the
//! target's own steps: parse, type-check when the file parsed without errors,
//! (for `compile`) compile when it type-checked, and (for `run`) run it under
//! the target's limits, with the target's own code (`run_input.rs`).

#[path = "../../fuzz/replay_inputs.rs"]
mod replay_inputs;
#[path = "../../fuzz/fuzz_targets/run_input.rs"]
mod run_input;

use replay_inputs::inputs;

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

#[test]
fn compile_corpus_replays() {
    let paths = inputs("compile");
    assert!(!paths.is_empty(), "the compile corpus is missing");
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable fuzz input");
        let (text, tree, diagnostics) = gomini_parser::parse_bytes(&bytes);
        let (Some(tree), true) = (tree, diagnostics.is_empty()) else {
            continue;
        };
        let (Some(program), _) = gomini_vm::check::check(&tree) else {
            continue;
        };
        let opts = gomini_vm::compile::Options::default();
        let _ = gomini_vm::compile::compile(&program, &opts, "fuzz.go", &text);
    }
}

#[test]
fn run_corpus_replays() {
    let paths = inputs("run");
    assert!(!paths.is_empty(), "the run corpus is missing");
    let mut finished = 0;
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable fuzz input");
        if run_input::run_input(&bytes, None) == Some(gomini_vm::goroutine::Stop::Finished) {
            finished += 1;
        }
    }
    // The corpus is seeded with the golden programs: most run to their end
    // within the budget, which shows the replay really runs them.
    assert!(
        finished * 2 > paths.len(),
        "only {finished} of {} inputs finished",
        paths.len()
    );
}
