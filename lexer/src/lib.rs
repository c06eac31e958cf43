//! gomini's lexer: Go source text to tokens with byte spans.
//!
//! Entry points: [`span::Span`], [`span::Diagnostic`] and [`span::LineIndex`],
//! shared by every later stage. (The token type and `lex` are being written.)
//!
//! Architecture invariant: this crate depends on nothing of ours and knows
//! nothing of the AST, types or goroutines.

pub mod span;

pub use span::{Diagnostic, LineIndex, Phase, Span};
