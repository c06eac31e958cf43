//! Hand-assembled programs through the builder API the compiler will use: calls, closures, defer, panic, recover, crashes.

mod common;

use common::{line, println_int, source};
use gomini_vm::goroutine::Stop;
use gomini_vm::op::Op;
use gomini_vm::program::{Capture, FuncBuilder, ProgramBuilder};
use gomini_vm::rtype::{IntKind, RtKind, RtMethod, RtType, RtTypeId};
use gomini_vm::value::Value;
use gomini_vm::Vm;

/// Runs a program; returns (stdout, stop).
fn run(pb: ProgramBuilder, entry: u32) -> (String, Stop) {
    let program = pb.finish(entry, "/tmp/main.go", &source());
    let mut vm = Vm::new(program, 1);
    let stop = vm.run_main();
    (String::from_utf8_lossy(&vm.stdout).into_owned(), stop)
}

/// func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
fn define_fib(pb: &mut ProgramBuilder) -> u32 {
    let fib = pb.declare();
    let mut b = FuncBuilder::new("main.fib", 1, 1);
    b.reserve(5);
    b.emit(Op::LoadInt { dst: 1, val: 2 }, line(2));
    b.emit(Op::LtInt { dst: 2, a: 0, b: 1 }, line(2));
    let skip = b.emit_jump(Op::JumpIfNot { cond: 2, off: 0 }, line(2));
    b.emit(Op::Return { src: 0, n: 1 }, line(3));
    b.patch(skip).unwrap();
    // The call base is above every live register: the callee's frame starts there.
    b.emit(
        Op::AddIntImm {
            dst: 3,
            a: 0,
            imm: -1,
        },
        line(5),
    );
    b.emit(Op::Call { base: 3, func: fib }, line(5));
    b.emit(
        Op::AddIntImm {
            dst: 4,
            a: 0,
            imm: -2,
        },
        line(5),
    );
    b.emit(Op::Call { base: 4, func: fib }, line(5));
    b.emit(Op::AddInt { dst: 0, a: 3, b: 4 }, line(5));
    b.emit(Op::Return { src: 0, n: 1 }, line(5));
    pb.define(fib, b.finish());
    fib
}

#[test]
fn recursive_fib() {
    let mut pb = ProgramBuilder::new();
    let fib = define_fib(&mut pb);
    let main = pb.declare();
    let mut b = FuncBuilder::new("main.main", 0, 0);
    b.reserve(1);
    b.emit(Op::LoadInt { dst: 0, val: 20 }, line(10));
    b.emit(Op::Call { base: 0, func: fib }, line(10));
    println_int(&mut pb, &mut b, 0, 1, line(10));
    b.emit(Op::Return { src: 0, n: 0 }, line(11));
    pb.define(main, b.finish());
    let (out, stop) = run(pb, main);
    assert_eq!(stop, Stop::Finished);
    assert_eq!(out, "6765\n");
}

/// x := 0; inc := func() { x++ }; inc(); inc(); fmt.Println(x)
#[test]
fn closure_shares_captured_cell() {
    let mut pb = ProgramBuilder::new();
    let lit = pb.declare();
    let mut c = FuncBuilder::new("main.main.func1", 0, 0);
    c.capture(Capture::Local(0));
    c.reserve(1);
    c.emit(Op::LoadCapture { dst: 0, idx: 0 }, line(3));
    c.emit(
        Op::AddIntImm {
            dst: 0,
            a: 0,
            imm: 1,
        },
        line(3),
    );
    c.emit(Op::StoreCapture { idx: 0, src: 0 }, line(3));
    c.emit(Op::Return { src: 0, n: 0 }, line(3));
    pb.define(lit, c.finish());

    let main = pb.declare();
    let mut b = FuncBuilder::new("main.main", 0, 0);
    b.reserve(4);
    b.emit(Op::LoadInt { dst: 1, val: 0 }, line(2));
    b.emit(Op::NewCell { dst: 0, src: 1 }, line(2));
    b.emit(Op::MakeClosure { dst: 1, proto: lit }, line(3));
    b.emit(Op::CallValue { base: 2, callee: 1 }, line(4));
    b.emit(Op::CallValue { base: 2, callee: 1 }, line(5));
    b.emit(Op::Load { dst: 2, ptr: 0 }, line(6));
    println_int(&mut pb, &mut b, 2, 3, line(6));
    b.emit(Op::Return { src: 0, n: 0 }, line(7));
    pb.define(main, b.finish());
    let (out, stop) = run(pb, main);
    assert_eq!(stop, Stop::Finished);
    assert_eq!(out, "2\n");
}

/// func f() (r int) { defer func() { r++ }(); return 5 }; fmt.Println(f()) prints 6.
fn define_named_result_defer(pb: &mut ProgramBuilder) -> u32 {
    let lit = pb.declare();
    let mut c = FuncBuilder::new("main.f.func1", 0, 0);
    c.capture(Capture::Local(0));
    c.reserve(1);
    c.emit(Op::LoadCapture { dst: 0, idx: 0 }, line(2));
    c.emit(
        Op::AddIntImm {
            dst: 0,
            a: 0,
            imm: 1,
        },
        line(2),
    );
    c.emit(Op::StoreCapture { idx: 0, src: 0 }, line(2));
    c.emit(Op::Return { src: 0, n: 0 }, line(2));
    pb.define(lit, c.finish());

    let f = pb.declare();
    let mut b = FuncBuilder::new("main.f", 0, 1);
    b.reserve(4);
    // r lives in a cell (captured); register 0 holds the pointer to it.
    b.emit(Op::LoadInt { dst: 1, val: 0 }, line(1));
    b.emit(Op::NewCell { dst: 0, src: 1 }, line(1));
    b.emit(Op::MakeClosure { dst: 2, proto: lit }, line(2));
    b.emit(
        Op::Defer {
            base: 3,
            callee: 2,
            n_args: 0,
        },
        line(2),
    );
    // return 5: assign the result, then the epilogue runs the defers.
    b.emit(Op::LoadInt { dst: 1, val: 5 }, line(3));
    b.emit(Op::Store { ptr: 0, src: 1 }, line(3));
    b.mark_epilogue();
    b.emit(Op::RunDefers, line(3));
    b.emit(Op::Load { dst: 1, ptr: 0 }, line(3));
    b.emit(Op::Return { src: 1, n: 1 }, line(3));
    pb.define(f, b.finish());
    f
}

#[test]
fn defer_changes_named_result() {
    let mut pb = ProgramBuilder::new();
    let f = define_named_result_defer(&mut pb);
    let main = pb.declare();
    let mut b = FuncBuilder::new("main.main", 0, 0);
    b.reserve(1);
    b.emit(Op::Call { base: 0, func: f }, line(6));
    println_int(&mut pb, &mut b, 0, 1, line(6));
    b.emit(Op::Return { src: 0, n: 0 }, line(7));
    pb.define(main, b.finish());
    let (out, stop) = run(pb, main);
    assert_eq!(stop, Stop::Finished);
    assert_eq!(out, "6\n");
}

/// func g() (r int) {
///     defer func() { if recover() != nil { r = 42 } }()
///     var a []int; i := 5; return a[i]
/// }
fn define_recovering(pb: &mut ProgramBuilder, helper_recovers: bool) -> u32 {
    // When `helper_recovers`, the deferred function calls a helper that calls
    // recover(): Go's rule says that returns nil, so the panic goes on.
    let helper = pb.declare();
    let mut h = FuncBuilder::new("main.helper", 0, 1);
    h.reserve(1);
    h.emit(Op::Recover { dst: 0 }, line(20));
    h.emit(Op::Return { src: 0, n: 1 }, line(20));
    pb.define(helper, h.finish());

    let lit = pb.declare();
    let mut c = FuncBuilder::new("main.g.func1", 0, 0);
    c.capture(Capture::Local(0));
    c.reserve(3);
    if helper_recovers {
        c.emit(
            Op::Call {
                base: 0,
                func: helper,
            },
            line(2),
        );
    } else {
        c.emit(Op::Recover { dst: 0 }, line(2));
    }
    c.emit(Op::IsNil { dst: 1, src: 0 }, line(2));
    let skip = c.emit_jump(Op::JumpIf { cond: 1, off: 0 }, line(2));
    c.emit(Op::LoadInt { dst: 2, val: 42 }, line(2));
    c.emit(Op::StoreCapture { idx: 0, src: 2 }, line(2));
    c.patch(skip).unwrap();
    c.emit(Op::Return { src: 0, n: 0 }, line(2));
    pb.define(lit, c.finish());

    let g = pb.declare();
    let mut b = FuncBuilder::new("main.g", 0, 1);
    b.reserve(6);
    b.emit(Op::LoadInt { dst: 1, val: 0 }, line(1));
    b.emit(Op::NewCell { dst: 0, src: 1 }, line(1));
    b.emit(Op::MakeClosure { dst: 2, proto: lit }, line(2));
    b.emit(
        Op::Defer {
            base: 3,
            callee: 2,
            n_args: 0,
        },
        line(2),
    );
    b.emit(Op::LoadNil { dst: 3 }, line(3));
    b.emit(Op::LoadInt { dst: 4, val: 5 }, line(3));
    b.emit(Op::LoadElem { dst: 5, x: 3, i: 4 }, line(3));
    b.emit(Op::Store { ptr: 0, src: 5 }, line(3));
    b.mark_epilogue();
    b.emit(Op::RunDefers, line(3));
    b.emit(Op::Load { dst: 1, ptr: 0 }, line(3));
    b.emit(Op::Return { src: 1, n: 1 }, line(3));
    pb.define(g, b.finish());
    g
}

fn main_calling(pb: &mut ProgramBuilder, callee: u32) -> u32 {
    let main = pb.declare();
    let mut b = FuncBuilder::new("main.main", 0, 0);
    b.reserve(1);
    // An argument for callees that take one (ignored by those that don't).
    b.emit(Op::LoadInt { dst: 0, val: 0 }, line(8));
    b.emit(
        Op::Call {
            base: 0,
            func: callee,
        },
        line(8),
    );
    println_int(pb, &mut b, 0, 1, line(8));
    b.emit(Op::Return { src: 0, n: 0 }, line(9));
    pb.define(main, b.finish());
    main
}

#[test]
fn recover_in_deferred_closure_returns_named_result() {
    let mut pb = ProgramBuilder::new();
    let g = define_recovering(&mut pb, false);
    let main = main_calling(&mut pb, g);
    let (out, stop) = run(pb, main);
    assert_eq!(stop, Stop::Finished);
    assert_eq!(out, "42\n");
}

#[test]
fn recover_called_from_a_helper_returns_nil() {
    let mut pb = ProgramBuilder::new();
    let g = define_recovering(&mut pb, true);
    let main = main_calling(&mut pb, g);
    let (out, stop) = run(pb, main);
    assert_eq!(out, "");
    let Stop::Panicked(text) = stop else {
        panic!("expected a panic, got {stop:?}")
    };
    assert_eq!(
        text,
        "panic: runtime error: index out of range [5] with length 0\n\n\
         goroutine 1 [running]:\n\
         main.g()\n\t/tmp/main.go:3\n\
         main.main()\n\t/tmp/main.go:8\n\
         exit status 2\n"
    );
}

/// func f() { panic("boom") } called from main: Go's crash text.
#[test]
fn unrecovered_panic_message_and_trace() {
    let mut pb = ProgramBuilder::new();
    let f = pb.declare();
    let mut b = FuncBuilder::new("main.f", 1, 0);
    b.reserve(3);
    let k = b.constant(Value::str("boom"));
    b.emit(Op::LoadConst { dst: 1, idx: k }, line(4));
    b.emit(
        Op::MakeIface {
            dst: 2,
            src: 1,
            ty: RtTypeId::STRING.0 as u16,
        },
        line(4),
    );
    b.emit(Op::Panic { src: 2 }, line(4));
    pb.define(f, b.finish());
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(1);
    m.emit(Op::LoadInt { dst: 0, val: 1 }, line(8));
    m.emit(Op::Call { base: 0, func: f }, line(8));
    m.emit(Op::Return { src: 0, n: 0 }, line(9));
    pb.define(main, m.finish());
    let (_, stop) = run(pb, main);
    assert_eq!(
        stop,
        Stop::Panicked(
            "panic: boom\n\ngoroutine 1 [running]:\nmain.f(...)\n\t/tmp/main.go:4\nmain.main()\n\t/tmp/main.go:8\nexit status 2\n"
                .into()
        )
    );
}

/// A panic inside a deferred call during a panic prints Go's chain.
#[test]
fn panic_in_deferred_call_chains() {
    let mut pb = ProgramBuilder::new();
    let lit = pb.declare();
    let mut c = FuncBuilder::new("main.main.func1", 0, 0);
    c.reserve(2);
    let k = c.constant(Value::str("second"));
    c.emit(Op::LoadConst { dst: 0, idx: k }, line(7));
    c.emit(
        Op::MakeIface {
            dst: 1,
            src: 0,
            ty: RtTypeId::STRING.0 as u16,
        },
        line(7),
    );
    c.emit(Op::Panic { src: 1 }, line(7));
    pb.define(lit, c.finish());
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(3);
    m.emit(Op::LoadFunc { dst: 0, func: lit }, line(6));
    m.emit(
        Op::Defer {
            base: 1,
            callee: 0,
            n_args: 0,
        },
        line(6),
    );
    let k = m.constant(Value::str("first"));
    m.emit(Op::LoadConst { dst: 1, idx: k }, line(10));
    m.emit(
        Op::MakeIface {
            dst: 2,
            src: 1,
            ty: RtTypeId::STRING.0 as u16,
        },
        line(10),
    );
    m.emit(Op::Panic { src: 2 }, line(10));
    m.mark_epilogue();
    m.emit(Op::RunDefers, line(11));
    m.emit(Op::Return { src: 0, n: 0 }, line(11));
    pb.define(main, m.finish());
    let (_, stop) = run(pb, main);
    // Shape of go1.27's output for /tmp/gp/a.go (the runtime frame's path differs).
    assert_eq!(
        stop,
        Stop::Panicked(
            "panic: first\n\tpanic: second\n\ngoroutine 1 [running]:\n\
             main.main.func1()\n\t/tmp/main.go:7\n\
             panic({...})\n\t$GOROOT/src/runtime/panic.go:859\n\
             main.main()\n\t/tmp/main.go:10\nexit status 2\n"
                .into()
        )
    );
}

/// func f(n int) int { return f(n+1) }: a clean fatal error, not a Rust stack overflow.
#[test]
fn runaway_recursion_is_a_fatal_stack_overflow() {
    let mut pb = ProgramBuilder::new();
    let f = pb.declare();
    let mut b = FuncBuilder::new("main.f", 1, 1);
    b.reserve(2);
    b.emit(
        Op::AddIntImm {
            dst: 1,
            a: 0,
            imm: 1,
        },
        line(3),
    );
    b.emit(Op::Call { base: 1, func: f }, line(3));
    b.emit(Op::Return { src: 1, n: 1 }, line(3));
    pb.define(f, b.finish());
    let main = main_calling(&mut pb, f);
    let (_, stop) = run(pb, main);
    let Stop::Fatal(text) = stop else {
        panic!("expected a fatal error, got {stop:?}")
    };
    assert!(text.starts_with(
        "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n"
    ));
}

/// type T int; func (t T) String() string { return "T!" }; fmt.Println(T(5), 7)
/// fmt calls String() through a Go frame, then re-runs with the result.
#[test]
fn println_calls_string_method_through_a_frame() {
    let mut pb = ProgramBuilder::new();
    let string_method = pb.declare();
    let mut s = FuncBuilder::new("main.T.String", 1, 1);
    let k = s.constant(Value::str("T!"));
    s.emit(Op::LoadConst { dst: 0, idx: k }, line(2));
    s.emit(Op::Return { src: 0, n: 1 }, line(2));
    pb.define(string_method, s.finish());
    let t = pb.types.add(RtType {
        name: Some("main.T".into()),
        kind: RtKind::Int(IntKind::Int),
        methods: vec![RtMethod {
            name: "String".into(),
            sig: RtTypeId::FUNC_STRING,
            func: string_method,
        }],
    });
    let println = pb.native("fmt.Println").unwrap();
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(5);
    m.emit(Op::LoadInt { dst: 0, val: 5 }, line(5));
    m.emit(
        Op::MakeIface {
            dst: 1,
            src: 0,
            ty: t.0 as u16,
        },
        line(5),
    );
    m.emit(Op::LoadInt { dst: 0, val: 7 }, line(5));
    m.emit(
        Op::MakeIface {
            dst: 2,
            src: 0,
            ty: RtTypeId::INT.0 as u16,
        },
        line(5),
    );
    m.emit(
        Op::SliceLit {
            dst: 3,
            base: 1,
            n: 2,
        },
        line(5),
    );
    m.emit(
        Op::CallNative {
            base: 3,
            native: println,
            n_args: 1,
        },
        line(5),
    );
    m.emit(Op::Return { src: 0, n: 0 }, line(6));
    pb.define(main, m.finish());
    let (out, stop) = run(pb, main);
    assert_eq!(stop, Stop::Finished);
    assert_eq!(out, "T! 7\n");
}

/// Integer division by zero is a recoverable runtime error with Go's text.
#[test]
fn divide_by_zero_panics() {
    let mut pb = ProgramBuilder::new();
    let main = pb.declare();
    let mut m = FuncBuilder::new("main.main", 0, 0);
    m.reserve(3);
    m.emit(Op::LoadInt { dst: 0, val: 1 }, line(3));
    m.emit(Op::LoadInt { dst: 1, val: 0 }, line(3));
    m.emit(Op::DivInt { dst: 2, a: 0, b: 1 }, line(4));
    m.emit(Op::Return { src: 0, n: 0 }, line(5));
    pb.define(main, m.finish());
    let (_, stop) = run(pb, main);
    let Stop::Panicked(text) = stop else {
        panic!("expected a panic")
    };
    assert!(text.starts_with("panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/main.go:4\n"));
}

/// Every kind of instruction disassembles (the op table and disasm cannot drift).
#[test]
fn disassembles_every_instruction_kind() {
    let ops = gomini_vm::disasm::every_kind();
    let mut names: Vec<&str> = ops
        .iter()
        .map(|op| gomini_vm::disasm::name_and_operands(op).0)
        .collect();
    let text: Vec<String> = ops
        .iter()
        .enumerate()
        .map(|(pc, op)| gomini_vm::disasm::instruction(pc, op))
        .collect();
    assert!(text.iter().all(|t| t.len() > 6));
    names.dedup();
    assert_eq!(names.len(), ops.len(), "every kind once, in ORDER OP");
    assert_eq!(
        gomini_vm::disasm::instruction(3, &Op::AddInt { dst: 1, a: 2, b: 3 }),
        "   3  AddInt        r1 r2 r3"
    );
}
