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
/// How rules refer to a [`Declared`] rule (its `handle`), or own it (its `owner`).
type Rule<'a, I, O> = Recursive<chumsky::recursive::Direct<'a, 'a, I, O, Extra<'a>>>;

/// A rule declared before it is defined, so that rules can refer to each other,
/// without the reference cycle that `Recursive::declare` alone makes.
///
/// Clones of a declared `Recursive` are strong, so rules that refer to each
/// other through them form an `Rc` cycle that is never freed: about 18 KB per
/// parse, which a fuzzer or a REPL notices. Here the grammar refers to a rule
/// only through `handle`, which is weak (chumsky's `recursive` hands its
/// closure a weak reference to itself); the one strong reference, `owner`,
/// is held by the finished file parser, outside the rules.
pub(crate) struct Declared<'a, I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>, O> {
    definition: Rec<'a, I, O>,
    owner: Rule<'a, I, O>,
    handle: Rule<'a, I, O>,
}

impl<'a, I, O> Declared<'a, I, O>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
    O: 'a,
{
    pub(crate) fn new() -> Self {
        let definition: Rec<'a, I, O> = Recursive::declare();
        let mut weak = None;
        let owner = recursive(|itself: Rule<'a, I, O>| {
            weak = Some(itself);
            definition.clone()
        });
        // `recursive` calls the closure before returning; the fallback (a
        // strong clone, which leaks as before) is never taken.
        let handle = weak.unwrap_or_else(|| owner.clone());
        Declared {
            definition,
            owner,
            handle,
        }
    }

    /// The weak reference the grammar uses.
    pub(crate) fn handle(&self) -> Rule<'a, I, O> {
        self.handle.clone()
    }

    pub(crate) fn define<P: Parser<'a, I, O, Extra<'a>> + Clone + 'a>(&mut self, parser: P) {
        self.definition.define(parser);
    }
}
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
    let mut expr = Declared::new();
    let mut header_expr = Declared::new();
    let mut ty = Declared::new();
    let mut block = Declared::new();
    let mut signature = Declared::new();

    let type_parsers = types::define_types(&mut ty, &mut signature, expr.handle());
    exprs::define_exprs(
        &mut expr,
        &mut header_expr,
        ty.handle(),
        signature.handle(),
        block.handle(),
        type_parsers.literal_type,
    );
    let local_decls = || decls::local_decls(expr.handle(), ty.handle());
    let stmt = stmts::define_block(
        src,
        &mut block,
        expr.handle(),
        header_expr.handle(),
        local_decls(),
    );
    let file = decls::file(
        type_parsers.param_list,
        signature.handle(),
        block.handle(),
        local_decls(),
    );
    // The rules' only strong references live here, for as long as the parser.
    let owners = (
        expr.owner,
        header_expr.owner,
        ty.owner,
        block.owner,
        signature.owner,
        stmt,
    );
    file.map(move |file| {
        let _ = &owners;
        file
    })
}
