//! gomini's parser: Go source text to a spanned AST of the Go subset, with
//! every syntax error of the file reported in Go's own words.
//!
//! Entry points: [`parse`] (text) and [`parse_bytes`] (a file's raw bytes, bad
//! UTF-8 included) return `(Option<ast::File>, Vec<Diagnostic>)`; the tree is
//! `None` only when the file could not be recovered at all. [`render`] prints a
//! tree compactly (for tests and `gomini parse`).
//!
//! Files in reading order: `ast.rs` (the tree: the contract with the checker),
//! `error.rs` (chumsky errors mapped to Go's `syntax error: unexpected X, ...`),
//! `grammar/` (the chumsky grammar: `mod.rs` ties together `types.rs`, `exprs.rs`, `stmts.rs` and `decls.rs`), `assemble.rs` (tree nodes from matches, and the checks Go's parser makes), `render.rs` (the compact printer).
//!
//! Tests live in `tests/`: `parse.rs` (one `check(src, expect)` helper over
//! rendered trees and diagnostics), `corpus.rs` (every program under
//! `../tests/{go,syntax,unsupported}`), `hostile.rs` (huge and deeply nested
//! inputs), `never_panics.rs` (proptest). The benchmark is `benches/parse.rs`.
//!
//! Architecture invariant: the tree is syntax only; names are resolved by the checker in `vm`.
//! Architecture invariant: parsing never fails and never panics: it returns a
//! (possibly partial) tree and a list of located diagnostics, lexer's included.

mod assemble;
pub mod ast;
pub mod error;
mod grammar;
pub mod render;

use chumsky::input::Input;
use chumsky::span::SimpleSpan;
use chumsky::Parser;
use gomini_lexer::{Diagnostic, Phase, Span, TokenKind};

pub use assemble::expr_into_type;
pub use render::render;

/// Parses Go source text. Diagnostics (lexical and syntactic) come sorted by position.
pub fn parse(src: &str) -> (Option<ast::File>, Vec<Diagnostic>) {
    let (tokens, mut diagnostics) = gomini_lexer::lex(src);
    let (file, syntax_errors) = parse_tokens(src, &tokens);
    diagnostics.extend(syntax_errors);
    diagnostics.sort_by_key(|diag| diag.span.start);
    (file, diagnostics)
}

/// Parses a file's raw bytes: invalid UTF-8 is reported byte by byte, and the
/// returned text (valid UTF-8, same length) is what spans point into.
pub fn parse_bytes(bytes: &[u8]) -> (String, Option<ast::File>, Vec<Diagnostic>) {
    let (text, source_diags) = gomini_lexer::source_text(bytes);
    let (file, diagnostics) = parse(&text);
    let diagnostics = gomini_lexer::merge_source_diagnostics(source_diags, diagnostics);
    (text, file, diagnostics)
}

fn parse_tokens<'a>(
    src: &'a str,
    tokens: &'a [gomini_lexer::Token<'a>],
) -> (Option<ast::File>, Vec<Diagnostic>) {
    // Go's `go build` checks the package clause before its parser runs, in words of its own.
    if let Some(first) = tokens.first() {
        if first.kind != TokenKind::Package {
            let found = match first.kind {
                TokenKind::Semi(_) => "EOF".to_string(),
                kind => kind.to_string(),
            };
            let message = format!("expected 'package', found '{found}'");
            return (
                None,
                vec![Diagnostic::new(
                    Phase::Parse,
                    first.span.start_point(),
                    message,
                )],
            );
        }
    } else {
        return (
            None,
            vec![Diagnostic::new(
                Phase::Parse,
                Span::new(0, 0),
                "expected 'package', found 'EOF'",
            )],
        );
    }
    let pairs: Vec<(TokenKind<'a>, SimpleSpan)> = tokens
        .iter()
        .map(|token| {
            (
                token.kind,
                SimpleSpan::from(token.span.start as usize..token.span.end as usize),
            )
        })
        .collect();
    let end = src.len();
    let input = pairs
        .as_slice()
        .split_token_span(SimpleSpan::from(end..end));
    let (file, errors) = grammar::file_parser(src).parse(input).into_output_errors();
    let diagnostics = errors
        .into_iter()
        .map(error::SyntaxError::into_diagnostic)
        .collect();
    (file, diagnostics)
}
