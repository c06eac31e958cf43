//! gomini's parser: tokens to a spanned AST of the Go subset (grammar being written).
//!
//! Entry point (to come): `parse(src) -> (Option<ast::File>, Vec<Diagnostic>)`.
//! Architecture invariant: the tree is syntax only; names are resolved by the checker in `vm`.

pub mod ast;
