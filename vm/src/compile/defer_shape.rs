//! Which functions Go compiles with open-coded defers: it decides the line a crash trace shows for a frame running its deferred calls.
//!
//! Go runs a function's deferred calls one of two ways
//! (`cmd/compile/internal/walk/stmt.go` and `ssagen/ssa.go`, Go 1.27):
//!
//! - **Open-coded**: the calls are emitted inline at every exit. A deferred
//!   call run by `return` is a call made at the `return` statement, so a crash
//!   trace shows the frame at that line; falling off the end shows the closing
//!   brace; after a recovered panic the remaining calls run from the point the
//!   panic left the frame, and the trace shows that line.
//! - **Through `runtime.deferreturn`**, called at the closing brace: the trace
//!   shows the closing brace whichever way the function returns.
//!
//! Go falls back to `deferreturn` when a `defer` is inside a loop, when the
//! function has more than 8 `defer` statements, or when (number of `return`
//! statements) × (number of `defer` statements) exceeds 15. It also does when
//! a result variable lives on the heap; gomini does not model that escape (a
//! named result captured by a goroutine, or whose address escapes, keeps the
//! open-coded line).

use crate::hir::{Stmt, StmtKind};

/// The `defer` and `return` statements of one function body (func literals
/// inside it are functions of their own and not counted).
#[derive(Default)]
pub struct DeferShape {
    defers: u32,
    returns: u32,
    defer_in_loop: bool,
}

/// Go's `maxOpenDefers`.
const MAX_OPEN_DEFERS: u32 = 8;
/// Go's limit on `returns × defers` for open-coded defers.
const MAX_OPEN_EXITS: u32 = 15;

impl DeferShape {
    pub fn of(body: &[Stmt]) -> DeferShape {
        let mut shape = DeferShape::default();
        shape.stmts(body, 0);
        shape
    }

    /// Whether the body has a `defer` at all (then every return runs the chain).
    pub fn has_defer(&self) -> bool {
        self.defers > 0
    }

    /// Whether Go would open-code this function's deferred calls.
    pub fn open_coded(&self) -> bool {
        self.has_defer()
            && !self.defer_in_loop
            && self.defers <= MAX_OPEN_DEFERS
            && self.returns.saturating_mul(self.defers) <= MAX_OPEN_EXITS
    }

    fn stmts(&mut self, stmts: &[Stmt], loops: u32) {
        for s in stmts {
            self.stmt(s, loops);
        }
    }

    fn stmt(&mut self, s: &Stmt, loops: u32) {
        match &s.kind {
            StmtKind::Defer(_) => {
                self.defers += 1;
                self.defer_in_loop |= loops > 0;
            }
            StmtKind::Return(_) => self.returns += 1,
            StmtKind::Block(b) => self.stmts(b, loops),
            StmtKind::If { then, els, .. } => {
                self.stmts(then, loops);
                if let Some(e) = els {
                    self.stmts(e, loops);
                }
            }
            StmtKind::For { body, post, .. } => {
                self.stmts(body, loops + 1);
                if let Some(p) = post {
                    self.stmt(p, loops + 1);
                }
            }
            StmtKind::Range(r) => self.stmts(&r.body, loops + 1),
            StmtKind::Switch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init, loops);
                }
                for c in &sw.cases {
                    self.stmts(&c.body, loops);
                }
            }
            StmtKind::TypeSwitch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init, loops);
                }
                for c in &sw.cases {
                    self.stmts(&c.body, loops);
                }
            }
            StmtKind::Select(sel) => {
                for c in &sel.cases {
                    self.stmts(&c.body, loops);
                }
            }
            StmtKind::Labeled(s) => self.stmt(s, loops),
            _ => {}
        }
    }
}
