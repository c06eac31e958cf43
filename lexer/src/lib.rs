//! gomini's lexer: Go source text to tokens with byte spans, Go's automatic
//! semicolons, and Go's own wording for every lexical error.
//!
//! Entry points:
//! - [`source_text`] turns a file's raw bytes into text (bad UTF-8 reported and
//!   replaced byte for byte, so offsets stay valid).
//! - [`lex`] turns text into [`Token`]s and [`Diagnostic`]s; it never fails.
//! - [`literal::string_value`] and [`literal::rune_value`] decode literal tokens.
//! - [`Span`], [`Diagnostic`] and [`LineIndex`] are shared by every later stage.
//!
//! Files in reading order: `span.rs` (spans and diagnostics), `token.rs` (the
//! token kinds, their source text and Go's names for them in errors), `lex.rs`
//! (logos, semicolon insertion, UTF-8), `literal.rs` (Go-faithful scanners for
//! numbers, strings, runes and comments, and the decoders).
//!
//! Tests live in `tests/lex.rs` (one `check` helper rendering tokens) and
//! `tests/never_panics.rs` (proptest).
//!
//! Architecture invariant: this crate depends on nothing of ours and knows
//! nothing of the AST, types or goroutines.
//! Architecture invariant: no input makes the lexer panic; every problem is a
//! located [`Diagnostic`] and lexing continues after it.

pub mod lex;
pub mod literal;
pub mod span;
pub mod token;

pub use lex::{lex, merge_source_diagnostics, source_text};
pub use span::{Diagnostic, LineIndex, Phase, Span};
pub use token::{SemiSource, Token, TokenKind};
