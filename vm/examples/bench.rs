//! Hand-assembled benchmarks: recursive fib(32) and a 100M-iteration integer loop (compare with `lua5.4`).
//!
//! Run: `cargo run --release -p gomini-vm --example bench [fib|loop]`.

use std::time::Instant;

use gomini_lexer::Span;
use gomini_vm::goroutine::Stop;
use gomini_vm::op::Op;
use gomini_vm::program::{FuncBuilder, ProgramBuilder};
use gomini_vm::rtype::RtTypeId;
use gomini_vm::Vm;

fn println_int(pb: &mut ProgramBuilder, b: &mut FuncBuilder, src: u16, scratch: u16) {
    let println = pb.native("fmt.Println").expect("fmt.Println is registered");
    b.reserve(scratch + 2);
    b.emit(
        Op::MakeIface {
            dst: scratch,
            src,
            ty: RtTypeId::INT.0 as u16,
        },
        Span::default(),
    );
    b.emit(
        Op::SliceLit {
            dst: scratch + 1,
            base: scratch,
            n: 1,
        },
        Span::default(),
    );
    b.emit(
        Op::CallNative {
            base: scratch + 1,
            native: println,
            n_args: 1,
        },
        Span::default(),
    );
}

/// func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }; println(fib(32))
fn fib_program() -> ProgramBuilder {
    let sp = Span::default();
    let mut pb = ProgramBuilder::new();
    let fib = pb.declare();
    let mut b = FuncBuilder::new("main.fib", 1, 1);
    b.reserve(5);
    b.emit(Op::LoadInt { dst: 1, val: 2 }, sp);
    b.emit(Op::LtInt { dst: 2, a: 0, b: 1 }, sp);
    let skip = b.emit_jump(Op::JumpIfNot { cond: 2, off: 0 }, sp);
    b.emit(Op::Return { src: 0, n: 1 }, sp);
    b.patch(skip).expect("short jump");
    b.emit(
        Op::AddIntImm {
            dst: 3,
            a: 0,
            imm: -1,
        },
        sp,
    );
    b.emit(Op::Call { base: 3, func: fib }, sp);
    b.emit(
        Op::AddIntImm {
            dst: 4,
            a: 0,
            imm: -2,
        },
        sp,
    );
    b.emit(Op::Call { base: 4, func: fib }, sp);
    b.emit(Op::AddInt { dst: 0, a: 3, b: 4 }, sp);
    b.emit(Op::Return { src: 0, n: 1 }, sp);
    pb.define(fib, b.finish());
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(1);
    m.emit(Op::LoadInt { dst: 0, val: 32 }, sp);
    m.emit(Op::Call { base: 0, func: fib }, sp);
    println_int(&mut pb, &mut m, 0, 1);
    m.emit(Op::Return { src: 0, n: 0 }, sp);
    pb.define(main, m.finish());
    pb
}

/// sum := 0; for i := 0; i < 100_000_000; i++ { sum += i }; println(sum)
fn loop_program() -> ProgramBuilder {
    let sp = Span::default();
    let mut pb = ProgramBuilder::new();
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(3);
    m.emit(Op::LoadInt { dst: 0, val: 0 }, sp); // sum
    m.emit(Op::LoadInt { dst: 1, val: 0 }, sp); // i
    m.emit(
        Op::LoadInt {
            dst: 2,
            val: 100_000_000,
        },
        sp,
    ); // n
    let exit = m.emit_jump(Op::Jump { off: 0 }, sp);
    let body = m.here();
    m.emit(Op::AddInt { dst: 0, a: 0, b: 1 }, sp);
    m.emit(
        Op::AddIntImm {
            dst: 1,
            a: 1,
            imm: 1,
        },
        sp,
    );
    m.patch(exit).expect("short jump");
    m.emit_loop(Op::JumpIfLtInt { a: 1, b: 2, off: 0 }, body, sp)
        .expect("short jump");
    println_int(&mut pb, &mut m, 0, 3);
    m.emit(Op::Return { src: 0, n: 0 }, sp);
    pb.define(main, m.finish());
    pb
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "both".into());
    for (name, pb) in [
        ("fib", fib_program as fn() -> ProgramBuilder),
        ("loop", loop_program),
    ] {
        if which != "both" && which != name {
            continue;
        }
        let program = pb().finish(0, "bench.go", "");
        let entry_fixed = program.protos.len() as u32 - 1;
        let mut program = program;
        program.entry = entry_fixed;
        let mut vm = Vm::new(program, 1);
        let start = Instant::now();
        let stop = vm.run_main();
        let elapsed = start.elapsed();
        assert_eq!(stop, Stop::Finished);
        println!(
            "{name}: {} in {:.3}s",
            String::from_utf8_lossy(&vm.stdout).trim(),
            elapsed.as_secs_f64()
        );
    }
}
