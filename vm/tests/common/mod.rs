//! Helpers shared by the hand-assembled program tests (`runtime.rs`, `sched.rs`).

use gomini_lexer::Span;
use gomini_vm::op::Op;
use gomini_vm::program::{FuncBuilder, ProgramBuilder};
use gomini_vm::rtype::RtTypeId;

/// A fake source file of 100 numbered lines, so spans map to `main.go:N`.
pub fn source() -> String {
    (1..=100).map(|i| format!("line {i:03}\n")).collect()
}

/// The span of line `n` in `source()` (each line is 9 bytes).
pub fn line(n: u32) -> Span {
    Span::new((n - 1) * 9, (n - 1) * 9 + 4)
}

/// Emits `fmt.Println(r[src])` for an int register, using `scratch..scratch+1`.
pub fn println_int(
    pb: &mut ProgramBuilder,
    b: &mut FuncBuilder,
    src: u16,
    scratch: u16,
    span: Span,
) {
    let println = pb.native("fmt.Println").unwrap();
    b.reserve(scratch + 2);
    b.emit(
        Op::MakeIface {
            dst: scratch,
            src,
            ty: RtTypeId::INT.0 as u16,
        },
        span,
    );
    b.emit(
        Op::SliceLit {
            dst: scratch + 1,
            base: scratch,
            n: 1,
        },
        span,
    );
    b.emit(
        Op::CallNative {
            base: scratch + 1,
            native: println,
            n_args: 1,
        },
        span,
    );
}
