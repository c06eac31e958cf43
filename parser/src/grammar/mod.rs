//! The chumsky grammar of the Go subset, from tokens to the [`ast`] tree.
//!
//! The rules are mutually recursive (a block holds statements, which hold
//! expressions, which hold func literals, which hold blocks), so
//! [`file_parser`] declares the recursive rules (`ty`, `signature`, `expr`,
//! `header_expr`, `block`) and each module defines its own, given the others.
//! Modules follow Go's spec: `types.rs`, `exprs.rs`, `stmts.rs`, `decls.rs`
//! (declarations and the file). This file holds the shared helpers.
//!
//! Where Go's parser has a message of its own, the rule raises it (see
//! [`crate::error`]); where Go would accept something gomini does not support
//! (type parameters, `goto`), the rule accepts it and reports it as unsupported.

use chumsky::input::ValueInput;
use chumsky::prelude::*;
use gomini_lexer::{SemiSource, Span, TokenKind as Tok};

use crate::ast::*;
use crate::error::{Label, SyntaxError};

mod decls;
mod exprs;
mod stmts;
mod types;

pub(crate) type Extra<'a> = extra::Err<SyntaxError<'a>>;
/// A rule declared before it is defined, so that rules can refer to each other.
type Rec<'a, I, O> = Recursive<chumsky::recursive::Indirect<'a, 'a, I, O, Extra<'a>>>;
/// A type-erased rule, as shared between modules.
type Boxed<'a, I, O> = chumsky::Boxed<'a, 'a, I, O, Extra<'a>>;

pub(crate) const GENERICS: &str = "generics are not supported by gomini";
const GOTO: &str = "goto is not supported by gomini";

fn span(simple: SimpleSpan) -> Span {
    Span::new(simple.start as u32, simple.end as u32)
}

/// Any `;`, written or inserted.
fn semi<'a, I>() -> impl Parser<'a, I, (SemiSource, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    select! { Tok::Semi(source) = e => (source, span(e.span())) }.labelled(Label::Semicolon)
}

fn name<'a, I>() -> impl Parser<'a, I, Ident, Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    select! { Tok::Ident(text) = e => Ident { name: text.into(), span: span(e.span()) } }
        .labelled(Label::Name)
}

fn tok<'a, I>(kind: Tok<'a>) -> impl Parser<'a, I, Span, Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    just(kind).map_with(|_, e| span(e.span()))
}

/// Go's `list`: after the opening token, `elem {sep elem} [sep] close`, or just
/// `close`. A missing separator is reported "in CONTEXT; possibly missing SEP or CLOSE".
fn go_list<'a, I, T, P, S>(
    elem: P,
    sep: S,
    close: Tok<'a>,
    label: Label,
) -> impl Parser<'a, I, (Vec<T>, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
    P: Parser<'a, I, T, Extra<'a>> + Clone,
    S: Parser<'a, I, (), Extra<'a>> + Clone,
{
    // After a separator the list may close; a bad element there is the
    // element's error, as in Go, not the list's.
    let more = sep
        .clone()
        .labelled(label)
        .ignore_then(elem.clone())
        .repeated();
    let close_after_sep = sep.labelled(label).ignore_then(tok(close));
    choice((
        tok(close).map(|close_span| (Vec::new(), close_span)),
        elem.then(more.collect::<Vec<T>>())
            .then(choice((close_after_sep, tok(close).labelled(label))))
            .map(|((first, mut rest), close_span)| {
                rest.insert(0, first);
                (rest, close_span)
            }),
    ))
}

/// Skips a balanced `[ ... ]` (type parameters gomini does not support).
fn skip_brackets<'a, I>() -> impl Parser<'a, I, (), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    recursive(|group| {
        just(Tok::LBrack)
            .ignore_then(
                choice((
                    group,
                    none_of([Tok::LBrack, Tok::RBrack, Tok::LBrace, Tok::RBrace]).ignored(),
                ))
                .repeated(),
            )
            .then_ignore(just(Tok::RBrack))
    })
}

/// Skips a balanced `{ ... }` without parsing it, so recovery raises no errors of its own.
fn skip_braces<'a, I>() -> impl Parser<'a, I, (), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    recursive(|group| {
        just(Tok::LBrace)
            .ignore_then(choice((group, none_of([Tok::LBrace, Tok::RBrace]).ignored())).repeated())
            .then_ignore(just(Tok::RBrace))
    })
}

/// Skips the rest of a broken statement: up to `;` or `}`, over balanced braces.
fn skip_rest_of_stmt<'a, I>() -> impl Parser<'a, I, (), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    choice((
        none_of([
            Tok::Semi(SemiSource::Written),
            Tok::Semi(SemiSource::Newline),
            Tok::Semi(SemiSource::Eof),
            Tok::RBrace,
            Tok::LBrace,
        ])
        .ignored(),
        skip_braces(),
    ))
    .repeated()
}

/// Reports type parameters (`[T any]`) at their `[` and skips them.
fn type_params<'a, I>() -> impl Parser<'a, I, (), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    just(Tok::LBrack)
        .rewind()
        .map_with(|_, e| span(e.span()))
        .then_ignore(skip_brackets())
        .validate(|bracket, _, emitter| {
            emitter.emit(SyntaxError::custom(bracket.start_point(), GENERICS))
        })
}

/// A statement found while recovering; it stands for the skipped tokens.
fn empty_stmt(at: Span) -> Stmt {
    Stmt {
        kind: StmtKind::Empty,
        span: at,
    }
}
/// Builds the parser of a whole Go file.
pub(crate) fn file_parser<'a, I>(src: &'a str) -> impl Parser<'a, I, File, Extra<'a>>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let mut expr = Recursive::declare();
    let mut header_expr = Recursive::declare();
    let mut ty = Recursive::declare();
    let mut block = Recursive::declare();
    let mut signature = Recursive::declare();

    let type_parsers = types::define_types(&mut ty, &mut signature, expr.clone());
    exprs::define_exprs(
        &mut expr,
        &mut header_expr,
        ty.clone(),
        signature.clone(),
        block.clone(),
        type_parsers.literal_type,
    );
    let local_decls = || decls::local_decls(expr.clone(), ty.clone());
    stmts::define_block(
        src,
        &mut block,
        expr.clone(),
        header_expr.clone(),
        local_decls(),
    );
    decls::file(type_parsers.param_list, signature, block, local_decls())
}
