//! Defer records: a deferred call, evaluated at the `defer` statement, owned by the frame that ran it.
//!
//! Go evaluates the function value, receiver and arguments when `defer` runs
//! and calls them when the frame returns, panics or Goexits (ARCHITECTURE idea
//! 2). The record therefore holds values, not expressions. Go 1.14+ open-codes
//! most defers for speed; gomini keeps the simple chain (a `Vec` per frame,
//! which allocates only for frames that defer), because every defer must be an
//! observable event anyway.

use gomini_lexer::Span;

use crate::value::Value;

/// One deferred call on a frame's chain.
#[derive(Debug)]
pub struct DeferRecord {
    /// The func value (closure, plain func or native) evaluated at the `defer`
    /// statement; `Nil` panics when the defer runs, as in Go.
    pub callee: Value,
    /// Arguments (receiver first for a method value) evaluated at the `defer` statement.
    pub args: Vec<Value>,
    /// The `defer` statement, for events and traces.
    pub span: Span,
}
