//! Natives: Go library functions written in Rust, registered by qualified name ("fmt.Println").
//!
//! A native gets its arguments as a slice of registers (the compiler packs a
//! variadic `...any` into one `[]any` slice, as Go does) and answers with a
//! `NativeOut`. When it needs a Go call (fmt calling `String()`), it answers
//! `NativeOut::Call`; the VM runs the call as an ordinary frame, appends its
//! result to `NativeCtx::results` and calls the native again from the start.
//! A native must therefore be deterministic and free of side effects until it
//! finishes (fmt builds its whole output before writing it).

mod fmt;

use crate::program::Program;
use crate::value::Value;

/// Index of a native in `NATIVES`.
pub type NativeId = u32;

/// What a native sees.
pub struct NativeCtx<'a> {
    pub program: &'a Program,
    /// os.Stdout's buffer (the embedder drains it).
    pub stdout: &'a mut Vec<u8>,
    /// os.Stderr's buffer.
    pub stderr: &'a mut Vec<u8>,
    /// Results of the Go calls this native requested so far, in order.
    pub results: &'a [Value],
}

/// A native's answer.
#[derive(Debug)]
pub enum NativeOut {
    Ret0,
    Ret(Value),
    RetN(Vec<Value>),
    /// Run `callee(args...)` and call me again with its (first) result appended to `results`.
    Call {
        callee: Value,
        args: Vec<Value>,
    },
    Panic(Value),
    /// os.Exit: the program ends now, deferred calls do not run.
    Exit(i32),
}

pub type NativeFn = fn(&mut NativeCtx<'_>, &[Value]) -> NativeOut;

/// One registered native.
pub struct NativeDef {
    /// Go's qualified name; builtins are "builtin.print", "builtin.println".
    pub name: &'static str,
    /// Number of argument registers (a variadic tail counts as one slice).
    pub arity: usize,
    pub f: NativeFn,
}

/// The registry. A `NativeId` is an index here, so only append.
pub static NATIVES: &[NativeDef] = &[
    NativeDef {
        name: "fmt.Println",
        arity: 1,
        f: fmt::println,
    },
    NativeDef {
        name: "fmt.Print",
        arity: 1,
        f: fmt::print,
    },
    NativeDef {
        name: "fmt.Printf",
        arity: 2,
        f: fmt::printf,
    },
    NativeDef {
        name: "fmt.Sprintf",
        arity: 2,
        f: fmt::sprintf,
    },
    NativeDef {
        name: "fmt.Sprint",
        arity: 1,
        f: fmt::sprint,
    },
    NativeDef {
        name: "fmt.Sprintln",
        arity: 1,
        f: fmt::sprintln,
    },
    NativeDef {
        name: "fmt.Errorf",
        arity: 2,
        f: fmt::errorf,
    },
    NativeDef {
        name: "errors.New",
        arity: 1,
        f: fmt::errors_new,
    },
    NativeDef {
        name: "os.Exit",
        arity: 1,
        f: os_exit,
    },
    NativeDef {
        name: "builtin.println",
        arity: 1,
        f: fmt::builtin_println,
    },
    NativeDef {
        name: "builtin.print",
        arity: 1,
        f: fmt::builtin_print,
    },
];

/// The id of the native registered as `qualified`.
pub fn lookup(qualified: &str) -> Option<NativeId> {
    NATIVES
        .iter()
        .position(|n| n.name == qualified)
        .map(|i| i as NativeId)
}

pub fn arity(id: NativeId) -> usize {
    NATIVES[id as usize].arity
}

pub fn name(id: NativeId) -> &'static str {
    NATIVES[id as usize].name
}

pub fn call(id: NativeId, ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    (NATIVES[id as usize].f)(ctx, args)
}

fn os_exit(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Exit(args[0].as_int() as i32)
}
