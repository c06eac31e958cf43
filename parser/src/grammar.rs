//! The chumsky grammar of the Go subset, from tokens to the [`ast`] tree.
//!
//! One function builds the whole grammar because its rules are mutually
//! recursive (a block holds statements, which hold expressions, which hold
//! func literals, which hold blocks). Sections follow Go's spec: types,
//! expressions, statements, declarations, the file.
//!
//! Go's composite-literal rule is met with two expression parsers: `expr`
//! accepts `T{...}` after any operand, `header_expr` (used unparenthesised in
//! `if`/`for`/`switch` headers) only after type literals such as `[]int`, so
//! `if x == y {` opens the block. Inside any bracket the full `expr` is used
//! again, as Go's `xnest` does.
//!
//! Where Go's parser has a message of its own, the rule raises it (see
//! [`crate::error`]); where Go would accept something gomini does not support
//! (type parameters, `goto`), the rule accepts it and reports it as unsupported.

use chumsky::input::ValueInput;
use chumsky::pratt::{infix, left, prefix};
use chumsky::prelude::*;
use gomini_lexer::literal::{rune_value, string_value};
use gomini_lexer::{SemiSource, Span, TokenKind as Tok};

use crate::assemble::*;
use crate::ast::*;
use crate::error::{semi_text, Label, SyntaxError};

pub(crate) type Extra<'a> = extra::Err<SyntaxError<'a>>;

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

    // -----------------------------------------------------------------------
    // Types
    // -----------------------------------------------------------------------

    let type_name = name()
        .then(just(Tok::Dot).ignore_then(name()).or_not())
        .map_with(|(first, second), e| {
            let kind = match second {
                Some(second) => TypeExprKind::Name {
                    pkg: Some(first),
                    name: second,
                },
                None => TypeExprKind::Name {
                    pkg: None,
                    name: first,
                },
            };
            TypeExpr {
                kind,
                span: span(e.span()),
            }
        })
        // `List[int]`: an instantiation, reported and reduced to its generic type.
        .then_ignore(type_params().or_not())
        .boxed();

    let param = choice((
        name()
            .then(just(Tok::Ellipsis).or_not())
            .then(ty.clone())
            .map_with(|((name, dots), ty), e| (Some(name), ty, dots.is_some(), span(e.span()))),
        just(Tok::Ellipsis)
            .or_not()
            .then(ty.clone())
            .map_with(|(dots, ty), e| (None, ty, dots.is_some(), span(e.span()))),
    ));
    let param_list = just(Tok::LParen)
        .ignore_then(go_list(
            param.labelled(Label::Continuation),
            just(Tok::Comma).ignored(),
            Tok::RParen,
            Label::List {
                context: "parameter list",
                sep: "comma",
                close: ")",
            },
        ))
        .validate(|(entries, _), _, emitter| group_params(entries, emitter))
        .boxed();

    let results = choice((
        param_list.clone(),
        ty.clone().map(|ty: TypeExpr| {
            let span = ty.span;
            vec![Param {
                name: None,
                ty,
                variadic: false,
                span,
            }]
        }),
    ))
    .or_not()
    .map(Option::unwrap_or_default);

    signature.define(
        param_list
            .clone()
            .then(results)
            .map_with(|(params, results), e| FuncType {
                params,
                results,
                span: span(e.span()),
            }),
    );

    let tag = select! { Tok::Str(text) => string_value(text).into_boxed_slice() };
    let field = choice((
        name()
            .separated_by(just(Tok::Comma))
            .at_least(1)
            .collect::<Vec<Ident>>()
            .then(ty.clone())
            .then(tag.or_not())
            .map_with(|((names, ty), tag), e| FieldDecl {
                names,
                ty,
                tag,
                span: span(e.span()),
            }),
        tok(Tok::Star)
            .or_not()
            .then(type_name.clone())
            .then(tag.or_not())
            .map_with(|((star, ty), tag), e| {
                let ty = match star {
                    Some(star_span) => TypeExpr {
                        span: star_span.to(ty.span),
                        kind: TypeExprKind::Pointer(Box::new(ty)),
                    },
                    None => ty,
                };
                FieldDecl {
                    names: Vec::new(),
                    ty,
                    tag,
                    span: span(e.span()),
                }
            }),
    ));
    let struct_type = just(Tok::Struct)
        .ignore_then(just(Tok::LBrace))
        .ignore_then(go_list(
            field.labelled(Label::Expected("field name or embedded type")),
            semi().ignored(),
            Tok::RBrace,
            Label::List {
                context: "struct type",
                sep: "semicolon or newline",
                close: "}",
            },
        ))
        .map_with(|(fields, _), e| TypeExpr {
            kind: TypeExprKind::Struct(fields),
            span: span(e.span()),
        });

    // A union of type terms (`~int | float64`) only constrains type parameters;
    // it is accepted so such interfaces parse, and each term becomes an embed.
    let type_term = just(Tok::Tilde).or_not().ignore_then(ty.clone());
    let interface_elem = choice((
        name()
            .then(signature.clone())
            .map(|(name, sig)| vec![InterfaceElem::Method { name, sig }]),
        type_term
            .separated_by(just(Tok::Pipe))
            .at_least(1)
            .collect::<Vec<TypeExpr>>()
            .map(|terms| {
                terms
                    .into_iter()
                    .map(InterfaceElem::Embed)
                    .collect::<Vec<_>>()
            }),
    ));
    let interface_type = just(Tok::Interface)
        .ignore_then(just(Tok::LBrace))
        .ignore_then(go_list(
            interface_elem,
            semi().ignored(),
            Tok::RBrace,
            Label::List {
                context: "interface type",
                sep: "semicolon or newline",
                close: "}",
            },
        ))
        .map_with(|(elems, _), e| TypeExpr {
            kind: TypeExprKind::Interface(elems.into_iter().flatten().collect()),
            span: span(e.span()),
        });

    let chan_type = choice((
        just(Tok::Chan)
            .ignore_then(just(Tok::Arrow).or_not())
            .then(ty.clone())
            .map(|(arrow, elem)| {
                (
                    if arrow.is_some() {
                        ChanDir::Send
                    } else {
                        ChanDir::Both
                    },
                    elem,
                )
            }),
        just(Tok::Arrow)
            .ignore_then(just(Tok::Chan))
            .ignore_then(ty.clone())
            .map(|elem| (ChanDir::Recv, elem)),
    ))
    .map_with(|(dir, elem), e| TypeExpr {
        kind: TypeExprKind::Chan {
            dir,
            elem: Box::new(elem),
        },
        span: span(e.span()),
    });

    let array_or_slice = just(Tok::LBrack)
        .ignore_then(choice((
            just(Tok::RBrack).to(None),
            just(Tok::Ellipsis)
                .then_ignore(just(Tok::RBrack))
                .to(Some(None)),
            expr.clone()
                .then_ignore(just(Tok::RBrack))
                .map(|len: Expr| Some(Some(Box::new(len)))),
        )))
        .then(ty.clone())
        .map_with(|(len, elem), e| {
            let elem = Box::new(elem);
            let kind = match len {
                None => TypeExprKind::Slice(elem),
                Some(len) => TypeExprKind::Array { len, elem },
            };
            TypeExpr {
                kind,
                span: span(e.span()),
            }
        });

    let map_type = just(Tok::Map)
        .ignore_then(
            ty.clone()
                .delimited_by(just(Tok::LBrack), just(Tok::RBrack)),
        )
        .then(ty.clone())
        .map_with(|(key, value), e| TypeExpr {
            kind: TypeExprKind::Map {
                key: Box::new(key),
                value: Box::new(value),
            },
            span: span(e.span()),
        });

    let func_type = just(Tok::Func)
        .ignore_then(signature.clone())
        .map_with(|sig, e| TypeExpr {
            kind: TypeExprKind::Func(sig),
            span: span(e.span()),
        });

    // Type literals that may also appear as operands (`[]int{1}`, `map[K]V(m)`).
    let literal_type = choice((
        array_or_slice,
        map_type,
        chan_type,
        struct_type,
        interface_type,
    ))
    .boxed();

    ty.define(
        choice((
            type_name.clone(),
            just(Tok::Star)
                .ignore_then(ty.clone())
                .map_with(|inner, e| TypeExpr {
                    kind: TypeExprKind::Pointer(Box::new(inner)),
                    span: span(e.span()),
                }),
            literal_type.clone(),
            func_type.clone(),
            ty.clone()
                .delimited_by(just(Tok::LParen), just(Tok::RParen))
                .map_with(|inner, e| TypeExpr {
                    kind: TypeExprKind::Paren(Box::new(inner)),
                    span: span(e.span()),
                }),
        ))
        .labelled(Label::Type)
        .boxed(),
    );

    // -----------------------------------------------------------------------
    // Expressions
    // -----------------------------------------------------------------------

    let literal = select! {
        Tok::Int(text) => ExprKind::Int(text.into()),
        Tok::Float(text) => ExprKind::Float(text.into()),
        Tok::Imag(text) => ExprKind::Imag(text.into()),
        Tok::Rune(text) => ExprKind::Rune(rune_value(text)),
        Tok::Str(text) => ExprKind::Str(string_value(text).into_boxed_slice()),
    }
    .map_with(|kind, e| Expr {
        kind,
        span: span(e.span()),
    });

    let func_lit = just(Tok::Func)
        .ignore_then(signature.clone())
        .then(block.clone().or_not())
        .map_with(|(sig, body), e| {
            let span = span(e.span());
            match body {
                Some(body) => Expr {
                    kind: ExprKind::FuncLit(Box::new(FuncLit { sig, body })),
                    span,
                },
                None => Expr {
                    kind: ExprKind::Type(Box::new(TypeExpr {
                        kind: TypeExprKind::Func(sig),
                        span,
                    })),
                    span,
                },
            }
        });

    // Composite literal bodies: `{ [key:] value, ... }`, values may be bare `{...}`.
    let literal_body = recursive(|body| {
        let elided = body
            .clone()
            .map(|(elems, body_span): (Vec<Element>, Span)| Expr {
                kind: ExprKind::Composite(Box::new(CompositeLit {
                    ty: None,
                    elems,
                    body_span,
                })),
                span: body_span,
            });
        let value = choice((expr.clone(), elided));
        let element = value
            .clone()
            .then(just(Tok::Colon).ignore_then(value).or_not())
            .map(|(first, second)| match second {
                Some(value) => Element {
                    key: Some(first),
                    value,
                },
                None => Element {
                    key: None,
                    value: first,
                },
            });
        tok(Tok::LBrace)
            .then(go_list(
                element,
                just(Tok::Comma).ignored(),
                Tok::RBrace,
                Label::List {
                    context: "composite literal",
                    sep: "comma",
                    close: "}",
                },
            ))
            .map(|(open, (elems, close))| (elems, open.to(close)))
    })
    .boxed();

    let operand = choice((
        literal,
        name().map(|ident| Expr {
            span: ident.span,
            kind: ExprKind::Ident(ident),
        }),
        expr.clone()
            .delimited_by(just(Tok::LParen), just(Tok::RParen))
            .map_with(|inner, e| Expr {
                kind: ExprKind::Paren(Box::new(inner)),
                span: span(e.span()),
            }),
        func_lit,
        // `[]int{1}` is a literal even in a statement header, so the body is taken here.
        literal_type
            .clone()
            .then(literal_body.clone().or_not())
            .map(|(ty, body)| {
                let at = ty.span;
                let lhs = Expr {
                    span: ty.span,
                    kind: ExprKind::Type(Box::new(ty)),
                };
                match body {
                    Some((elems, body_span)) => {
                        fold_postfix(lhs, Postfix::Composite { elems, body_span }, at)
                    }
                    None => lhs,
                }
            }),
    ))
    .labelled(Label::Expression)
    .boxed();

    let call_arg = expr.clone().then(tok(Tok::Ellipsis).or_not());
    let call = tok(Tok::LParen)
        .then(go_list(
            call_arg,
            just(Tok::Comma).ignored(),
            Tok::RParen,
            Label::List {
                context: "argument list",
                sep: "comma",
                close: ")",
            },
        ))
        .validate(|(lparen, (args, rparen)), _, emitter| {
            let mut ellipsis = None;
            let n_args = args.len();
            let args = args
                .into_iter()
                .enumerate()
                .map(|(idx, (arg, dots)): (usize, (Expr, Option<Span>))| {
                    if let Some(dots) = dots {
                        if idx + 1 == n_args {
                            ellipsis = Some(dots);
                        } else {
                            emitter.emit(SyntaxError::custom(
                                dots.start_point(),
                                "syntax error: unexpected ..., expected )",
                            ));
                        }
                    }
                    arg
                })
                .collect();
            Postfix::Call {
                args,
                ellipsis,
                lparen,
                rparen,
            }
        });

    let index_end = Label::Expected("comma, : or ]");
    let opt_index = expr.clone().or_not();
    let index_or_slice = just(Tok::LBrack).ignore_then(choice((
        expr.clone()
            .then_ignore(just(Tok::RBrack).labelled(index_end))
            .map(Postfix::Index),
        // `f[int, string]`: a generic instantiation.
        expr.clone()
            .then(just(Tok::Comma).map_with(|_, e| span(e.span())))
            .then_ignore(expr.clone().separated_by(just(Tok::Comma)).allow_trailing())
            .then_ignore(just(Tok::RBrack))
            .validate(|(first, comma), _, emitter| {
                emitter.emit(SyntaxError::custom(comma.start_point(), GENERICS));
                Postfix::Index(first)
            }),
        opt_index
            .clone()
            .then_ignore(just(Tok::Colon).labelled(index_end))
            .then(opt_index.clone())
            .then(just(Tok::Colon).ignore_then(opt_index.clone()).or_not())
            .then_ignore(just(Tok::RBrack))
            .map_with(|((low, high), max), e| (low, high, max, span(e.span())))
            .validate(|(low, high, max, at), _, emitter| {
                let three_index = max.is_some();
                let max = max.flatten();
                if three_index && high.is_none() {
                    emitter.emit(SyntaxError::custom(
                        at,
                        "syntax error: middle index required in 3-index slice",
                    ));
                } else if three_index && max.is_none() {
                    emitter.emit(SyntaxError::custom(
                        at,
                        "syntax error: final index required in 3-index slice",
                    ));
                }
                Postfix::Slice {
                    low,
                    high,
                    max,
                    three_index,
                }
            }),
    )));

    let after_dot = choice((
        name().map(Postfix::Selector),
        just(Tok::LParen)
            .ignore_then(choice((just(Tok::Type).to(None), ty.clone().map(Some))))
            .then_ignore(just(Tok::RParen))
            .map(Postfix::TypeAssert),
    ))
    .labelled(Label::NameOrParen);
    let selector_or_assert = just(Tok::Dot).ignore_then(after_dot);

    let composite = literal_body
        .clone()
        .map(|(elems, body_span)| Postfix::Composite { elems, body_span });

    let common_postfix = choice((selector_or_assert, call, index_or_slice))
        .labelled(Label::Continuation)
        .boxed();

    let build_expr = |allow_literal: bool| {
        let postfix = if allow_literal {
            common_postfix
                .clone()
                .or(composite.clone().labelled(Label::Continuation))
                .boxed()
        } else {
            common_postfix.clone().boxed()
        };
        let primary = operand
            .clone()
            .foldl_with(postfix.repeated(), |lhs: Expr, suffix, e| {
                fold_postfix(lhs, suffix, span(e.span()))
            });
        primary
            .pratt((
                prefix(
                    6,
                    unary_op(),
                    |(op, op_span): (UnaryOp, Span), rhs: Expr, _| Expr {
                        span: op_span.to(rhs.span),
                        kind: ExprKind::Unary(op, Box::new(rhs)),
                    },
                ),
                infix(
                    left(5),
                    binary_op(5),
                    |lhs: Expr, (op, op_span), rhs: Expr, _| binary(lhs, op, op_span, rhs),
                ),
                infix(
                    left(4),
                    binary_op(4),
                    |lhs: Expr, (op, op_span), rhs: Expr, _| binary(lhs, op, op_span, rhs),
                ),
                infix(
                    left(3),
                    binary_op(3),
                    |lhs: Expr, (op, op_span), rhs: Expr, _| binary(lhs, op, op_span, rhs),
                ),
                infix(
                    left(2),
                    binary_op(2),
                    |lhs: Expr, (op, op_span), rhs: Expr, _| binary(lhs, op, op_span, rhs),
                ),
                infix(
                    left(1),
                    binary_op(1),
                    |lhs: Expr, (op, op_span), rhs: Expr, _| binary(lhs, op, op_span, rhs),
                ),
            ))
            .boxed()
    };
    expr.define(build_expr(true));
    header_expr.define(build_expr(false));

    let expr_list = expr
        .clone()
        .separated_by(just(Tok::Comma).labelled(Label::Continuation))
        .at_least(1)
        .collect::<Vec<Expr>>();
    let header_expr_list = header_expr
        .clone()
        .separated_by(just(Tok::Comma).labelled(Label::Continuation))
        .at_least(1)
        .collect::<Vec<Expr>>();

    // -----------------------------------------------------------------------
    // Statements
    // -----------------------------------------------------------------------

    // A simple statement: expression, send, inc/dec, assignment or `:=`.
    let simple_stmt =
        |single: chumsky::Boxed<'a, 'a, I, Expr, Extra<'a>>,
         list: chumsky::Boxed<'a, 'a, I, Vec<Expr>, Extra<'a>>| {
            let tail = choice((
                tok(Tok::Define)
                    .then(list.clone())
                    .map(|(op_span, rhs)| SimpleTail::Define(op_span, rhs)),
                assign_op()
                    .then(list.clone())
                    .map(|((op, op_span), rhs)| SimpleTail::Assign(op, op_span, rhs)),
                just(Tok::Inc).to(SimpleTail::IncDec(true)),
                just(Tok::Dec).to(SimpleTail::IncDec(false)),
                just(Tok::Arrow)
                    .ignore_then(list.clone())
                    .map(SimpleTail::Send),
            ))
            .labelled(Label::Continuation);
            let more = just(Tok::Comma)
                .labelled(Label::Continuation)
                .ignore_then(list.clone())
                .then(tail.clone().labelled(Label::Expected(":= or = or comma")));
            single
                .then(choice((
                    more.map(|(rest, tail)| (rest, Some(tail))),
                    tail.or_not().map(|tail| (Vec::new(), tail)),
                )))
                .map_with(|(first, (mut rest, tail)), e| {
                    rest.insert(0, first);
                    (rest, tail, span(e.span()))
                })
                .validate(|(lhs, tail, at), _, emitter| build_simple_stmt(lhs, tail, at, emitter))
        };
    let full_simple = simple_stmt(expr.clone().boxed(), expr_list.clone().boxed()).boxed();
    let header_simple = simple_stmt(
        header_expr.clone().boxed(),
        header_expr_list.clone().boxed(),
    )
    .boxed();

    let lbrace_ahead = just(Tok::LBrace).rewind().ignored();
    // `if var x = 1; ...`: Go accepts the `var` to complain about it.
    let var_in_header = |keyword: &'static str| {
        just(Tok::Var)
            .ignore_then(any().map_with(|_, e| span(e.span())).rewind())
            .validate(move |at, _, emitter| {
                emitter.emit(SyntaxError::custom(
                    at.start_point(),
                    format!("syntax error: var declaration not allowed in {keyword} initializer"),
                ));
            })
            .or_not()
    };
    let body_block = block.clone();
    let block_after = move |context: &'static str| {
        just(Tok::LBrace)
            .labelled(Label::BlockAfter(context))
            .rewind()
            .ignore_then(body_block.clone())
    };

    let mut stmt = Recursive::declare();

    // Statement lists end at `}`, `case` or `default`; each statement ends at `;` or before `}`.
    let end_of_stmt = choice((semi().ignored(), just(Tok::RBrace).rewind().ignored()))
        .labelled(Label::EndOfStatement);
    let skip_to_stmt_end = none_of([
        Tok::Semi(SemiSource::Written),
        Tok::Semi(SemiSource::Newline),
        Tok::Semi(SemiSource::Eof),
        Tok::RBrace,
        Tok::LBrace,
        Tok::Case,
        Tok::Default,
    ])
    .ignored()
    .or(skip_braces())
    .repeated()
    .at_least(1)
    .then(semi().or_not())
    .map_with(|_, e| empty_stmt(span(e.span())));
    // Go's statement list simply ends at a token that cannot start a statement,
    // so the enclosing rule reports it (`unexpected keyword else, expected }`).
    let cannot_start_stmt = none_of([
        Tok::Else,
        Tok::Case,
        Tok::Default,
        Tok::RParen,
        Tok::RBrack,
        Tok::RBrace,
        Tok::Colon,
        Tok::Comma,
        Tok::Assign,
        Tok::Define,
        Tok::Ellipsis,
        Tok::Dot,
        Tok::Inc,
        Tok::Dec,
        Tok::Package,
        Tok::Import,
    ])
    .rewind();
    let stmt_list = choice((
        semi().to(None),
        cannot_start_stmt.ignore_then(
            stmt.clone()
                // Recovering here, after the statement, keeps errors already reported inside it.
                .then_ignore(end_of_stmt.recover_with(via_parser(
                    skip_rest_of_stmt().then(semi().or_not()).ignored(),
                )))
                .map(Some)
                .recover_with(via_parser(skip_to_stmt_end.map(Some))),
        ),
    ))
    .repeated()
    .collect::<Vec<Option<Stmt>>>()
    .map(|stmts| stmts.into_iter().flatten().collect::<Vec<Stmt>>())
    .boxed();

    block.define(
        tok(Tok::LBrace)
            .then(stmt_list.clone())
            .then(tok(Tok::RBrace))
            .map(|((open, stmts), close)| Block {
                stmts,
                span: open.to(close),
            })
            .recover_with(via_parser(nested_delimiters(
                Tok::LBrace,
                Tok::RBrace,
                [(Tok::LParen, Tok::RParen), (Tok::LBrack, Tok::RBrack)],
                |at| Block {
                    stmts: Vec::new(),
                    span: span(at),
                },
            )))
            .boxed(),
    );

    // `if`: Go's header rules, with its messages for a missing condition.
    let if_stmt = recursive(|if_stmt| {
        let header = choice((
            lbrace_ahead
                .map_with(|_, e| span(e.span()))
                .validate(|at, _, emitter| {
                    emitter.emit(SyntaxError::custom(
                        at,
                        "syntax error: missing condition in if statement",
                    ));
                    (None, bad_expr(at))
                }),
            var_in_header("if")
                .ignore_then(header_simple.clone())
                .then(choice((
                    lbrace_ahead.to(None),
                    semi()
                        .then(choice((
                            lbrace_ahead.to(None),
                            header_simple.clone().map(Some),
                        )))
                        .map(Some),
                )))
                .validate(|(first, rest), _, emitter| match rest {
                    None => (None, stmt_into_cond(src, first, emitter)),
                    Some(((source, semi_span), Some(cond))) => {
                        let _ = (source, semi_span);
                        (Some(first), stmt_into_cond(src, cond, emitter))
                    }
                    Some(((source, semi_span), None)) => {
                        let message = match source {
                            SemiSource::Written => {
                                "syntax error: missing condition in if statement".to_string()
                            }
                            other => format!(
                                "syntax error: unexpected {}, expected {{ after if clause",
                                semi_text(other)
                            ),
                        };
                        emitter.emit(SyntaxError::custom(semi_span.start_point(), message));
                        (Some(first), bad_expr(semi_span))
                    }
                }),
        ));
        let else_branch = just(Tok::Else).ignore_then(choice((
            if_stmt,
            block.clone().map(|block: Block| Stmt {
                span: block.span,
                kind: StmtKind::Block(block),
            }),
            any()
                .map_with(|_, e| span(e.span()))
                .rewind()
                .then_ignore(skip_rest_of_stmt())
                .validate(|at, _, emitter| {
                    emitter.emit(SyntaxError::custom(
                        at.start_point(),
                        "syntax error: else must be followed by if or statement block",
                    ));
                    empty_stmt(at)
                }),
        )));
        just(Tok::If)
            .ignore_then(header)
            .then(block_after("if clause"))
            .then(else_branch.or_not())
            .map_with(|(((init, cond), then), els), e| Stmt {
                kind: StmtKind::If(Box::new(IfStmt {
                    init,
                    cond,
                    then,
                    els,
                })),
                span: span(e.span()),
            })
            .boxed()
    });

    // `for`: range clause, 3-clause, condition only, or infinite.
    let range_clause = choice((
        header_expr_list
            .clone()
            .then(choice((
                just(Tok::Define).to(true),
                just(Tok::Assign).to(false),
            )))
            .then(tok(Tok::Range))
            .then(header_expr.clone())
            .map(|(((lhs, define), range_span), subject)| (lhs, define, range_span, subject)),
        tok(Tok::Range)
            .then(header_expr.clone())
            .map(|(range_span, subject)| (Vec::new(), false, range_span, subject)),
    ))
    .then(block_after("range clause"))
    .validate(|((lhs, define, range_span, subject), body), _, emitter| {
        let mut lhs = lhs.into_iter();
        let key = lhs.next();
        let value = lhs.next();
        if let Some(extra) = lhs.next() {
            emitter.emit(SyntaxError::custom(
                extra.span.start_point(),
                "syntax error: range clause permits at most two iteration variables",
            ));
        }
        StmtKind::Range(Box::new(RangeStmt {
            key,
            value,
            define,
            subject,
            body,
            range_span,
        }))
    });
    let for_clause = var_in_header("for")
        .ignore_then(header_simple.clone())
        .or_not()
        .then(choice((
            lbrace_ahead.to(None),
            semi()
                .ignore_then(header_expr.clone().or_not())
                .then_ignore(semi())
                .then(header_simple.clone().or_not())
                .map(Some),
        )))
        .then(block_after("for clause"))
        .validate(|((first, rest), body), _, emitter| match rest {
            None => {
                let cond = first.map(|stmt| stmt_into_cond(src, stmt, emitter));
                StmtKind::For(Box::new(ForStmt {
                    init: None,
                    cond,
                    post: None,
                    body,
                }))
            }
            Some((cond, post)) => {
                if let Some(Stmt {
                    kind: StmtKind::Define { op_span, .. },
                    ..
                }) = &post
                {
                    emitter.emit(SyntaxError::custom(
                        op_span.start_point(),
                        "syntax error: cannot declare in post statement of for loop",
                    ));
                }
                StmtKind::For(Box::new(ForStmt {
                    init: first,
                    cond,
                    post,
                    body,
                }))
            }
        });
    let for_stmt = just(Tok::For)
        .ignore_then(choice((range_clause, for_clause)))
        .map_with(|kind, e| Stmt {
            kind,
            span: span(e.span()),
        });

    // `switch`: expression or type switch, decided by the header's guard.
    let switch_header = choice((
        lbrace_ahead.to((None, None)),
        var_in_header("switch")
            .ignore_then(header_simple.clone())
            .then(choice((
                lbrace_ahead.to(None),
                semi()
                    .ignore_then(choice((
                        lbrace_ahead.to(None),
                        header_simple.clone().map(Some),
                    )))
                    .map(Some),
            )))
            .map(|(first, rest)| match rest {
                None => (None, Some(first)),
                Some(tag) => (Some(first), tag),
            }),
    ));
    let case_clause = choice((
        just(Tok::Case).ignore_then(expr_list.clone()).map(Some),
        just(Tok::Default).to(None),
    ))
    .labelled(Label::Expected("case or default or }"))
    .then_ignore(just(Tok::Colon))
    .then(stmt_list.clone())
    .map_with(|(exprs, body), e| (exprs, body, span(e.span())));
    let switch_stmt = just(Tok::Switch)
        .ignore_then(switch_header)
        .then_ignore(choice((
            just(Tok::LBrace).ignored(),
            // Go reports the missing brace and carries on with the cases.
            any()
                .map_with(|_, e| span(e.span()))
                .rewind()
                .validate(|at, _, emitter| {
                    emitter.emit(SyntaxError::custom(
                        at.start_point(),
                        "syntax error: missing { after switch clause",
                    ));
                })
                .then_ignore(none_of([Tok::Case, Tok::Default, Tok::RBrace]).repeated()),
        )))
        .then(
            case_clause
                .repeated()
                .collect::<Vec<_>>()
                .then(tok(Tok::RBrace)),
        )
        .map_with(|x, e| (x, span(e.span())))
        .validate(move |(((init, tag), (clauses, close)), at), _, emitter| {
            build_switch(src, init, tag, clauses, close, at, emitter)
        });

    // `select`
    let comm_clause = choice((
        just(Tok::Case).ignore_then(full_simple.clone()).map(Some),
        just(Tok::Default).to(None),
    ))
    .labelled(Label::Expected("case or default or }"))
    .then_ignore(just(Tok::Colon))
    .then(stmt_list.clone())
    .map_with(|(comm, body), e| CommClause {
        comm,
        body,
        span: span(e.span()),
    });
    let select_stmt = just(Tok::Select)
        .ignore_then(just(Tok::LBrace).labelled(Label::Plain("missing { after select clause")))
        .ignore_then(comm_clause.repeated().collect::<Vec<_>>())
        .then_ignore(just(Tok::RBrace))
        .map_with(|clauses, e| Stmt {
            kind: StmtKind::Select(clauses),
            span: span(e.span()),
        });

    let var_spec = name()
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<Ident>>()
        .then(choice((
            just(Tok::Assign)
                .ignore_then(expr_list.clone())
                .map(|values| (None, values)),
            // Go accepts `:=` here to say it wanted `=`.
            tok(Tok::Define)
                .validate(|at, _, emitter| {
                    emitter.emit(SyntaxError::custom(
                        at.start_point(),
                        "syntax error: unexpected :=, expected =",
                    ));
                })
                .ignore_then(expr_list.clone())
                .map(|values| (None, values)),
            ty.clone()
                .then(just(Tok::Assign).ignore_then(expr_list.clone()).or_not())
                .map(|(ty, values)| (Some(ty), values.unwrap_or_default())),
        )))
        .map_with(|(names, (ty, values)), e| VarSpec {
            names,
            ty,
            values,
            span: span(e.span()),
        });
    let const_spec = name()
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<Ident>>()
        .then(
            ty.clone()
                .or_not()
                .then(just(Tok::Assign).ignore_then(expr_list.clone()))
                .or_not(),
        )
        .map_with(|(names, typed_values), e| {
            let (ty, values) = match typed_values {
                Some((ty, values)) => (ty, values),
                None => (None, Vec::new()),
            };
            ConstSpec {
                names,
                ty,
                values,
                iota: 0,
                span: span(e.span()),
            }
        });
    let type_spec = name()
        .then(
            just(Tok::LBrack)
                .then(name())
                .then(choice((
                    name().ignored(),
                    just(Tok::Interface).ignored(),
                    just(Tok::Tilde).ignored(),
                    just(Tok::Comma).ignored(),
                    just(Tok::LBrack).ignored(),
                    just(Tok::Map).ignored(),
                    just(Tok::Chan).ignored(),
                    just(Tok::Func).ignored(),
                    just(Tok::Struct).ignored(),
                )))
                .rewind()
                .ignore_then(type_params())
                .or_not(),
        )
        .then(just(Tok::Assign).or_not())
        .then(ty.clone().labelled(Label::In("type declaration")))
        .map_with(|(((name, _), alias), ty), e| TypeSpec {
            name,
            alias: alias.is_some(),
            ty,
            span: span(e.span()),
        });

    // `keyword spec` or `keyword ( spec; spec; )`.
    fn group<'a, I, T, P>(
        keyword: Tok<'a>,
        spec: P,
    ) -> impl Parser<'a, I, Vec<T>, Extra<'a>> + Clone
    where
        I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
        P: Parser<'a, I, T, Extra<'a>> + Clone,
    {
        let item_end = choice((semi().ignored(), just(Tok::RParen).rewind().ignored())).labelled(
            Label::List {
                context: "grouped declaration",
                sep: "semicolon or newline",
                close: ")",
            },
        );
        just(keyword).ignore_then(choice((
            spec.clone()
                .then_ignore(item_end)
                .repeated()
                .collect::<Vec<T>>()
                .delimited_by(just(Tok::LParen), just(Tok::RParen)),
            spec.map(|one| vec![one]),
        )))
    }
    let var_decl = group(Tok::Var, var_spec)
        .map_with(|specs, e| VarDecl {
            specs,
            span: span(e.span()),
        })
        .boxed();
    let const_decl = group(Tok::Const, const_spec)
        .map_with(|mut specs, e| {
            for (idx, spec) in specs.iter_mut().enumerate() {
                spec.iota = idx as u32;
            }
            ConstDecl {
                specs,
                span: span(e.span()),
            }
        })
        .boxed();
    let type_decl = group(Tok::Type, type_spec)
        .map_with(|specs, e| TypeDecl {
            specs,
            span: span(e.span()),
        })
        .boxed();

    let labeled = name()
        .then_ignore(just(Tok::Colon))
        .then(choice((
            just(Tok::RBrace)
                .rewind()
                .map_with(|_, e| empty_stmt(span(e.span()))),
            stmt.clone(),
        )))
        .map_with(|(label, inner), e| Stmt {
            kind: StmtKind::Labeled {
                label,
                stmt: Box::new(inner),
            },
            span: span(e.span()),
        });

    let returns = choice((
        choice((semi().ignored(), just(Tok::RBrace).ignored()))
            .rewind()
            .to(Vec::new()),
        expr_list.clone(),
    ));

    stmt.define(
        choice((
            var_decl.clone().map(StmtKind::Var),
            const_decl.clone().map(StmtKind::Const),
            type_decl.clone().map(StmtKind::Type),
            just(Tok::Return).ignore_then(returns).map(StmtKind::Return),
            just(Tok::Break)
                .ignore_then(name().or_not())
                .map(StmtKind::Break),
            just(Tok::Continue)
                .ignore_then(name().or_not())
                .map(StmtKind::Continue),
            just(Tok::Fallthrough).to(StmtKind::Fallthrough),
            just(Tok::Go)
                .ignore_then(expr.clone())
                .validate(|call, _, emitter| {
                    require_call(&call, "go", emitter);
                    StmtKind::Go(call)
                }),
            just(Tok::Defer)
                .ignore_then(expr.clone())
                .validate(|call, _, emitter| {
                    require_call(&call, "defer", emitter);
                    StmtKind::Defer(call)
                }),
            tok(Tok::Goto)
                .then_ignore(name())
                .validate(|at, _, emitter| {
                    emitter.emit(SyntaxError::custom(at.start_point(), GOTO));
                    StmtKind::Empty
                }),
            block.clone().map(StmtKind::Block),
        ))
        .map_with(|kind, e| Stmt {
            kind,
            span: span(e.span()),
        })
        .or(if_stmt)
        .or(for_stmt)
        .or(switch_stmt)
        .or(select_stmt)
        .or(labeled)
        .or(full_simple.clone())
        .labelled(Label::Statement)
        .boxed(),
    );

    // -----------------------------------------------------------------------
    // Declarations and the file
    // -----------------------------------------------------------------------

    let receiver = param_list.clone();
    let func_decl = just(Tok::Func)
        .ignore_then(receiver.or_not())
        .then(name())
        .then_ignore(type_params().or_not())
        .then(signature.clone())
        .then(block.clone().or_not())
        .map_with(|(((recv, name), sig), body), e| (recv, name, sig, body, span(e.span())))
        .validate(|(recv, name, sig, body, at), _, emitter| {
            // Go (its type checker) reports a receiver count other than one at the method's name.
            let recv = match recv.map(Vec::into_iter) {
                None => None,
                Some(mut params) if params.len() == 1 => params.next(),
                Some(params) => {
                    let message = if params.len() == 0 {
                        "method has no receiver"
                    } else {
                        "method has multiple receivers"
                    };
                    emitter.emit(SyntaxError::custom(name.span.start_point(), message));
                    None
                }
            };
            FuncDecl {
                recv,
                name,
                sig,
                body,
                span: at,
            }
        });

    let import_spec = choice((
        name().map(Some),
        tok(Tok::Dot).map(|at| {
            Some(Ident {
                name: ".".into(),
                span: at,
            })
        }),
        empty().to(None),
    ))
    .then(select! { Tok::Str(text) = e => (string_value(text), span(e.span())) })
    .map_with(|(alias, (path, path_span)), e| Import {
        alias,
        path: String::from_utf8_lossy(&path).into(),
        path_span,
        span: span(e.span()),
    });
    let import_decl = group(Tok::Import, import_spec);

    let top_end = choice((semi().ignored(), end())).labelled(Label::EndOfTopLevelDecl);
    let top_decl = choice((
        func_decl.map(Decl::Func),
        var_decl.map(Decl::Var),
        const_decl.map(Decl::Const),
        type_decl.map(Decl::Type),
    ));
    let decl_start = [Tok::Func, Tok::Var, Tok::Const, Tok::Type, Tok::Import];
    let skip_to_decl = none_of(decl_start).repeated();
    let misplaced_import = tok(Tok::Import)
        .then_ignore(skip_to_decl)
        .validate(|at, _, emitter| {
            emitter.emit(SyntaxError::custom(
                at.start_point(),
                "syntax error: imports must appear before other declarations",
            ));
            None
        });
    let stray = none_of(decl_start)
        .map_with(|kind, e| (kind, span(e.span())))
        .then_ignore(skip_to_decl)
        .validate(|(kind, at), _, emitter| {
            let message = if kind == Tok::LBrace {
                "syntax error: unexpected semicolon or newline before {"
            } else {
                "syntax error: non-declaration statement outside function body"
            };
            emitter.emit(SyntaxError::custom(at.start_point(), message));
            None
        });
    let decls = choice((
        one_of([Tok::Func, Tok::Var, Tok::Const, Tok::Type])
            .rewind()
            .ignore_then(
                top_decl
                    .then_ignore(top_end.clone())
                    .map(Some)
                    .recover_with(via_parser(
                        any().then(none_of(decl_start).repeated()).to(None),
                    )),
            ),
        misplaced_import,
        semi().to(None),
        stray,
    ))
    .repeated()
    .collect::<Vec<Option<Decl>>>()
    .map(|decls| decls.into_iter().flatten().collect::<Vec<Decl>>());

    let package = just(Tok::Package)
        .ignore_then(name())
        .then_ignore(top_end.clone());
    package
        .then(
            import_decl
                .then_ignore(top_end)
                .repeated()
                .collect::<Vec<Vec<Import>>>(),
        )
        .then(decls)
        .then_ignore(end())
        .map(|((package, imports), decls)| File {
            package,
            imports: imports.into_iter().flatten().collect(),
            decls,
        })
}

fn unary_op<'a, I>() -> impl Parser<'a, I, (UnaryOp, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    select! {
        Tok::Plus => UnaryOp::Plus,
        Tok::Minus => UnaryOp::Neg,
        Tok::Not => UnaryOp::Not,
        Tok::Caret => UnaryOp::BitNot,
        Tok::Star => UnaryOp::Deref,
        Tok::Amp => UnaryOp::Addr,
        Tok::Arrow => UnaryOp::Recv,
    }
    .map_with(|op, e| (op, span(e.span())))
}

fn binary_op<'a, I>(precedence: u8) -> impl Parser<'a, I, (BinaryOp, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    select! {
        Tok::Star => BinaryOp::Mul,
        Tok::Slash => BinaryOp::Div,
        Tok::Percent => BinaryOp::Rem,
        Tok::Shl => BinaryOp::Shl,
        Tok::Shr => BinaryOp::Shr,
        Tok::Amp => BinaryOp::And,
        Tok::AmpCaret => BinaryOp::AndNot,
        Tok::Plus => BinaryOp::Add,
        Tok::Minus => BinaryOp::Sub,
        Tok::Pipe => BinaryOp::Or,
        Tok::Caret => BinaryOp::Xor,
        Tok::EqEq => BinaryOp::Eq,
        Tok::NotEq => BinaryOp::Ne,
        Tok::Lt => BinaryOp::Lt,
        Tok::LtEq => BinaryOp::Le,
        Tok::Gt => BinaryOp::Gt,
        Tok::GtEq => BinaryOp::Ge,
        Tok::AndAnd => BinaryOp::LogAnd,
        Tok::OrOr => BinaryOp::LogOr,
    }
    .filter(move |op: &BinaryOp| op.precedence() == precedence)
    .map_with(|op, e| (op, span(e.span())))
    .labelled(Label::Continuation)
}

fn assign_op<'a, I>() -> impl Parser<'a, I, (Option<BinaryOp>, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    select! {
        Tok::Assign => None,
        Tok::PlusAssign => Some(BinaryOp::Add),
        Tok::MinusAssign => Some(BinaryOp::Sub),
        Tok::StarAssign => Some(BinaryOp::Mul),
        Tok::SlashAssign => Some(BinaryOp::Div),
        Tok::PercentAssign => Some(BinaryOp::Rem),
        Tok::AmpAssign => Some(BinaryOp::And),
        Tok::PipeAssign => Some(BinaryOp::Or),
        Tok::CaretAssign => Some(BinaryOp::Xor),
        Tok::ShlAssign => Some(BinaryOp::Shl),
        Tok::ShrAssign => Some(BinaryOp::Shr),
        Tok::AmpCaretAssign => Some(BinaryOp::AndNot),
    }
    .map_with(|op, e| (op, span(e.span())))
}
