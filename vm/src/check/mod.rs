//! The type checker: Go's static semantics over the AST, producing the typed [`hir::Program`] and Go-worded diagnostics.
//!
//! Files in reading order: `mod.rs` (entry point, the checker's state, errors),
//! `universe.rs` (predeclared names), `scope.rs` (blocks, locals, captures),
//! `package.rs` (packages, imports, package-level declarations and their lazy
//! resolution, initialisation order), `typexpr.rs` (type syntax to types),
//! `constant.rs` (exact constants), `operand.rs` (operands and their Go
//! descriptions), `assign.rs` (assignability, untyped conversion, conversions),
//! `lookup.rs` (fields, methods, method sets, interface satisfaction),
//! `exprs.rs` (names, literals), `selector.rs`, `index.rs`, `operators.rs`,
//! `composite.rs`, `call.rs` (calls and builtins), `decls.rs` (const/var specs,
//! function bodies, closures), `stmts.rs`, `assign_stmt.rs`, `switch.rs`,
//! `terminating.rs`, `exprstr.rs` (Go's printing of expressions).
//!
//! Architecture invariant: user input never reaches a Rust panic here; deep
//! nesting grows the stack with `stacker` instead of overflowing it.

mod assign;
mod assign_stmt;
mod call;
mod composite;
pub mod constant;
mod decls;
mod exprs;
mod exprstr;
mod index;
mod lookup;
mod operand;
mod operators;
mod package;
mod scope;
mod selector;
mod stmts;
mod switch;
mod terminating;
mod typexpr;
mod universe;

/// The checker's maps (scopes, packages): foldhash rather than std's SipHash,
/// as a name is looked up at every use; with a fixed seed, so no run differs
/// from another by a per-process random one.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use gomini_lexer::{Diagnostic, Phase, Span};
use gomini_parser::ast;

use crate::hir;
use crate::types::{Style, TypeId, TypeTable};

pub use package::Loader;

/// What `check` should treat as an error.
#[derive(Clone, Debug)]
pub struct Options {
    /// Report `declared and not used` and unused imports (the REPL turns this off).
    pub unused_errors: bool,
    /// Go 1.22 per-iteration loop variables (`true`) or the old shared ones (`--loopvar=shared`).
    pub per_iteration_loopvars: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            unused_errors: true,
            per_iteration_loopvars: true,
        }
    }
}

/// Checks a `package main` file and the library packages it imports.
///
/// `loader` parses a library package's Go source (see `stdlib`); the result is
/// `None` when any error was found, and the diagnostics are sorted by position
/// (library packages must never produce any).
pub fn check_with<'l>(
    file: &'l ast::File,
    opts: &Options,
    loader: &'l dyn Loader,
) -> (Option<hir::Program>, Vec<Diagnostic>) {
    let mut checker = Checker::new(opts.clone(), loader);
    let program = checker.run(file);
    let mut diags = std::mem::take(&mut checker.diags);
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags.dedup_by(|a, b| a.span.start == b.span.start && a.message == b.message);
    if diags.is_empty() {
        (program, diags)
    } else {
        (None, diags)
    }
}

/// Maximum nesting of expressions/statements before the checker gives up with an error.
const MAX_DEPTH: u32 = 10_000;

/// The checker's state while checking one program.
pub(crate) struct Checker<'l> {
    pub opts: Options,
    pub loader: &'l dyn Loader,
    pub types: TypeTable,
    pub funcs: Vec<hir::Func>,
    pub globals: Vec<hir::Global>,
    pub diags: Vec<Diagnostic>,
    /// Every package loaded so far (index 0 is `main` once loaded).
    pub pkgs: Vec<package::Package<'l>>,
    pub pkg_by_path: HashMap<String, usize>,
    /// The package being checked now.
    pub cur_pkg: usize,
    /// All package-level objects of all packages.
    pub objs: Vec<package::Object>,
    /// Nested function bodies being checked (innermost last), with their block scopes.
    pub fns: Vec<scope::FnCtx>,
    pub scopes: Vec<scope::Block>,
    /// The package-level object whose declaration is being checked (for init-order dependencies).
    pub cur_decl: Option<package::ObjId>,
    pub depth: u32,
    /// Source of the file being checked (for positions in library errors only).
    pub universe: HashMap<&'static str, universe::Predeclared>,
    /// The value of `iota` while a constant spec is evaluated.
    pub iota: Option<i64>,
    /// Always false: a `fallthrough` that reaches `stmt_list` is out of place (switch strips the valid ones).
    pub fallthrough_ok: bool,
    /// Labels declared in the function being checked, and those referred to by break/continue.
    pub labels: Vec<String>,
    pub used_labels: Vec<String>,
    /// Untyped constants inside a non-constant untyped expression (`256` in
    /// `256 << e` or `1<<e + 256`), by their span, for the errors `retype`
    /// reports when the context's type cannot hold them (the typed tree
    /// keeps only 64 bits of a value).
    pub untyped_constants: HashMap<Span, KeptConstant>,
}

/// An untyped constant of `Checker::untyped_constants`.
#[derive(Clone)]
pub(crate) struct KeptConstant {
    /// As written (`0x100`, `1.0`).
    pub written: String,
    /// As Go's errors describe it: `0x100 (untyped int constant 256)`.
    pub described: String,
    pub value: constant::Const,
    pub float: bool,
}

impl<'l> Checker<'l> {
    fn new(opts: Options, loader: &'l dyn Loader) -> Self {
        Checker {
            opts,
            loader,
            types: TypeTable::new(),
            funcs: Vec::new(),
            globals: Vec::new(),
            diags: Vec::new(),
            pkgs: Vec::new(),
            pkg_by_path: HashMap::default(),
            cur_pkg: 0,
            objs: Vec::new(),
            fns: Vec::new(),
            scopes: Vec::new(),
            cur_decl: None,
            depth: 0,
            universe: universe::predeclared(),
            iota: None,
            fallthrough_ok: false,
            labels: Vec::new(),
            used_labels: Vec::new(),
            untyped_constants: HashMap::default(),
        }
    }

    /// Records an error at `span` in Go's words.
    pub fn error(&mut self, span: Span, msg: impl Into<String>) {
        if self.pkgs.get(self.cur_pkg).is_some_and(|p| p.is_library) {
            // A library package is gomini's own code: its errors are gomini bugs,
            // still reported (never panicking) but named as such.
            let path = self.pkgs[self.cur_pkg].path.clone();
            self.diags
                .push(crate::stdlib::internal_error(&path, span, &msg.into()));
            return;
        }
        self.diags.push(Diagnostic::new(Phase::Check, span, msg));
    }

    /// The current package's path (`main`, `strings`, ...).
    pub fn pkg_path(&self) -> &str {
        &self.pkgs[self.cur_pkg].path
    }

    /// A type as Go's compile errors print it.
    pub fn ty_str(&self, ty: TypeId) -> String {
        let pkg = self
            .pkgs
            .get(self.cur_pkg)
            .map(|p| p.path.as_str())
            .unwrap_or("main");
        self.types.display(ty, Style::Compiler(pkg))
    }

    fn run(&mut self, file: &'l ast::File) -> Option<hir::Program> {
        let main_pkg = self.load_main(file);
        self.check_package(main_pkg);
        let main = self.pkgs[main_pkg].scope.get("main").copied();
        let main_func = match main.map(|id| &self.objs[id.0 as usize].kind) {
            Some(package::ObjKind::Func { func, .. }) => Some(*func),
            _ => None,
        };
        if main_func.is_none() && file.package.name.as_ref() == "main" && self.diags.is_empty() {
            // Go's linker finds this, so only in a program without type
            // errors, and names no position: its line starts with the symbol
            // that has no definition.
            self.diags.push(Diagnostic::new(
                Phase::Link,
                Span::new(0, 0),
                "runtime.main_main·f: function main is undeclared in the main package",
            ));
        }
        let init = self.init_order();
        let main_func = main_func?;
        if !self.diags.is_empty() {
            return None;
        }
        Some(hir::Program {
            types: std::mem::take(&mut self.types),
            funcs: std::mem::take(&mut self.funcs),
            globals: std::mem::take(&mut self.globals),
            init,
            main: main_func,
        })
    }

    /// Runs `f` with more stack if needed, and stops runaway nesting with an error.
    pub fn guarded<T>(&mut self, span: Span, fallback: T, f: impl FnOnce(&mut Self) -> T) -> T {
        if self.depth > MAX_DEPTH {
            self.error(span, "expression or statement nested too deeply for gomini");
            return fallback;
        }
        self.depth += 1;
        let res = stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || f(self));
        self.depth -= 1;
        res
    }
}

/// Checks `file` with the default options and gomini's own standard library.
pub fn check(file: &ast::File) -> (Option<hir::Program>, Vec<Diagnostic>) {
    check_with(file, &Options::default(), &crate::stdlib::Stdlib)
}

#[cfg(test)]
mod tests;
