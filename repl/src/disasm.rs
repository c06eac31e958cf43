//! `gomini disasm FILE`: the bytecode the compiler made of a program, one listing per function.
//!
//! By default only the program's own functions are listed (those named
//! `main.`, closures and method wrappers included), in the order the compiler
//! built them; `--all` adds gomini's library and runtime functions. Each line
//! is `pc  Op  operands ; FILE:LINE` (the format of `gomini_vm::disasm`);
//! the instruction set is documented in `vm/src/op.rs`.

use std::path::Path;
use std::process::ExitCode;

/// Compiles `path` and prints its functions' bytecode on stdout.
pub fn disasm(path: &Path, all: bool) -> ExitCode {
    let Some((_, program)) = crate::compile_file(path, Vec::new(), false) else {
        return ExitCode::from(1);
    };
    let mut out = String::new();
    for proto in &program.protos {
        if !all && proto.library.is_some() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&gomini_vm::disasm::function(&program, proto));
    }
    print!("{out}");
    ExitCode::SUCCESS
}
