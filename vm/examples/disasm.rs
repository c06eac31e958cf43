//! Prints the bytecode of every function of a Go file (the compiler's output, for profiling work).
//!
//! Run: `cargo run --release -p gomini-vm --example disasm FILE.go`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: disasm FILE.go");
    let bytes = std::fs::read(&path).expect("readable file");
    let (text, tree, diags) = gomini_parser::parse_bytes(&bytes);
    assert!(diags.is_empty(), "syntax errors: {diags:?}");
    let tree = tree.expect("a tree");
    let (program, diags) = gomini_vm::check::check_with(
        &tree,
        &gomini_vm::check::Options::default(),
        &gomini_vm::stdlib::Stdlib,
    );
    assert!(diags.is_empty(), "type errors: {diags:?}");
    let program = program.expect("a checked program");
    let opts = gomini_vm::compile::Options {
        per_iteration_loopvars: true,
        args: vec![path.clone()],
    };
    let compiled = gomini_vm::compile::compile(&program, &opts, &path, &text).expect("compiles");
    for proto in &compiled.protos {
        print!("{}", gomini_vm::disasm::function(&compiled, proto));
    }
}
