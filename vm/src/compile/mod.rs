//! The bytecode compiler: lowers the checker's typed HIR to register code through `ProgramBuilder`.
//!
//! Files in reading order: `mod.rs` (the whole-program driver: which functions
//! get compiled, globals, the entry function), `types.rs` (checker types to
//! runtime types, zero values, element layouts), `func.rs` (one function's
//! registers, locals, cells and the epilogue), `expr.rs` (expressions),
//! `place.rs` (assignable places and stores), `stmt.rs` (statements and loops),
//! `switch.rs` (expression and type switches), `select.rs` (select
//! statements), `call.rs` (calls, builtins,
//! closures, method values), `stackbuf.rs` (appends through a frame buffer
//! as decided by `crate::escape`).
//!
//! Functions are compiled on demand, starting from `main.main` and the package
//! initialisers: a library function nobody calls costs nothing, and a native
//! the runtime lacks is only an error when the program can reach it.
//!
//! Architecture invariant: anything the compiler cannot lower becomes a located
//! "... is not supported by gomini yet" diagnostic, never a Rust panic.

mod call;
mod defer_shape;
mod expr;
mod func;
pub(crate) mod fuse;
pub(crate) mod fuse_int;
pub(crate) mod fuse_return;
pub(crate) mod fuse_sync;
mod loops;
mod place;
mod select;
mod share;
mod stackbuf;
mod stmt;
mod switch;
mod types;

use std::collections::HashMap;

use gomini_lexer::{Diagnostic, Phase, Span};

use crate::hir::{self, FuncId};
use crate::op::Op;
use crate::program::{self, FuncBuilder, Program, ProgramBuilder};
use crate::rtype::RtTypeId;
use crate::types::TypeId;
use crate::value::Value;

pub use func::FuncCompiler;

/// How the program is compiled.
#[derive(Clone, Debug)]
pub struct Options {
    /// Go 1.22 per-iteration loop variables (`true`), or one variable per loop (`--loopvar=shared`).
    pub per_iteration_loopvars: bool,
    /// `os.Args`: the program path, then its arguments.
    pub args: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            per_iteration_loopvars: true,
            args: vec!["main".to_string()],
        }
    }
}

/// Compiles a checked program. `file` and `source` name the source for traces.
pub fn compile(
    hir: &hir::Program,
    opts: &Options,
    file: &str,
    source: &str,
) -> Result<Program, Vec<Diagnostic>> {
    let mut c = Compiler::new(hir, opts);
    c.analyze_stack_bufs();
    let entry = c.compile_entry();
    c.drain();
    if !c.errors.is_empty() {
        c.errors.sort_by_key(|d| (d.span.start, d.span.end));
        c.errors
            .dedup_by(|a, b| a.span == b.span && a.message == b.message);
        return Err(c.errors);
    }
    c.fill_method_tables();
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    c.apply_lending();
    fuse_sync::unkeep_before_closures(c.pb.protos_mut());
    Ok(c.pb.finish(entry, file, source))
}

/// A compile error: what gomini cannot run yet, located.
#[derive(Debug)]
pub struct Unsupported {
    pub span: Span,
    pub message: String,
}

/// Shorthand for the result of anything that may meet an unsupported construct.
pub type CResult<T> = Result<T, Unsupported>;

pub fn unsupported<T>(span: Span, what: impl Into<String>) -> CResult<T> {
    Err(Unsupported {
        span,
        message: format!("{} is not supported by gomini yet", what.into()),
    })
}

/// The whole-program compiler state.
pub struct Compiler<'h> {
    pub hir: &'h hir::Program,
    pub opts: Options,
    pub pb: ProgramBuilder,
    /// The program function index of each HIR function compiled (or queued).
    pub func_idx: HashMap<FuncId, u32>,
    /// Functions declared but not yet compiled.
    queue: Vec<FuncId>,
    /// For a func literal: its capture list in the enclosing frame's registers,
    /// recorded when the enclosing function reaches the literal.
    pub closure_captures: HashMap<FuncId, Vec<program::Capture>>,
    /// The types of those captures.
    pub closure_capture_tys: HashMap<FuncId, Vec<TypeId>>,
    /// Lowered runtime types.
    pub rt_types: HashMap<TypeId, RtTypeId>,
    /// Named (and pointer-to-named) types whose method tables must be filled in at the end.
    pub method_owners: Vec<(TypeId, RtTypeId)>,
    /// Wrappers letting `*T` call T's value methods through an interface.
    pub ptr_wrappers: HashMap<FuncId, u32>,
    /// Which appends start in a frame buffer (escape.rs), shared with each function compiled.
    pub stack_bufs: Option<std::rc::Rc<crate::escape::StackBufs>>,
    /// Argument copies that may become `ShareAgg` (share.rs).
    pub lending: share::Lending,
    pub errors: Vec<Diagnostic>,
}

impl<'h> Compiler<'h> {
    fn new(hir: &'h hir::Program, opts: &Options) -> Self {
        Compiler {
            hir,
            opts: opts.clone(),
            pb: ProgramBuilder::new(),
            func_idx: HashMap::new(),
            queue: Vec::new(),
            closure_captures: HashMap::new(),
            closure_capture_tys: HashMap::new(),
            rt_types: HashMap::new(),
            method_owners: Vec::new(),
            ptr_wrappers: HashMap::new(),
            stack_bufs: None,
            lending: Default::default(),
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, err: Unsupported) {
        self.errors
            .push(Diagnostic::new(Phase::Check, err.span, err.message));
    }

    /// The program index of a function, queueing it for compilation on first use.
    pub fn func_index(&mut self, id: FuncId) -> u32 {
        if let Some(idx) = self.func_idx.get(&id) {
            return *idx;
        }
        let idx = self.pb.declare();
        self.func_idx.insert(id, idx);
        self.queue.push(id);
        idx
    }

    /// Compiles queued functions until none is left.
    fn drain(&mut self) {
        while let Some(id) = self.queue.pop() {
            let idx = self.func_idx[&id];
            let proto = match FuncCompiler::compile(self, id) {
                Ok(proto) => {
                    self.lending_func_done(idx, id, Some(&proto));
                    proto
                }
                Err(err) => {
                    self.lending_func_done(idx, id, None);
                    let func = &self.hir.funcs[id.0 as usize];
                    if func.pkg != "main" {
                        // Library code: its spans are not in the program's file.
                        let diag = crate::stdlib::internal_error(&func.pkg, err.span, &err.message);
                        self.errors.push(diag);
                    } else {
                        self.error(err);
                    }
                    // A stand-in keeps the program well-formed; it never runs
                    // because compilation failed.
                    let mut fb = FuncBuilder::new(self.hir.funcs[id.0 as usize].name.clone(), 0, 0);
                    fb.emit(Op::Return { src: 0, n: 0 }, Span::default());
                    fb.finish()
                }
            };
            self.pb.define(idx, proto);
        }
    }

    /// The synthesized entry: zero every global, run the package initialisers
    /// in the checker's order, then call `main.main`.
    fn compile_entry(&mut self) -> u32 {
        let idx = self.pb.declare();
        let proto = match FuncCompiler::compile_entry(self) {
            Ok(p) => p,
            Err(err) => {
                self.error(err);
                let mut fb = FuncBuilder::new("runtime.main", 0, 0);
                fb.emit(Op::Return { src: 0, n: 0 }, Span::default());
                fb.finish()
            }
        };
        self.pb.define(idx, proto);
        idx
    }

    /// The constant `os.Args` slice.
    pub fn args_value(&self) -> Value {
        Value::slice(
            self.opts
                .args
                .iter()
                .map(|a| Value::str(a.as_bytes().to_vec()))
                .collect(),
        )
    }
}
