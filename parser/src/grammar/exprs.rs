//! Expressions: operands, composite literals, postfix forms and the binary-operator precedence.
//!
//! Go's composite-literal rule is met with two expression parsers: `expr`
//! accepts `T{...}` after any operand, `header_expr` (used unparenthesised in
//! `if`/`for`/`switch` headers) only after type literals such as `[]int`, so
//! `if x == y {` opens the block. Inside any bracket the full `expr` is used
//! again, as Go's `xnest` does.

use chumsky::input::ValueInput;
use chumsky::pratt::{infix, left, prefix};
use chumsky::prelude::*;
use gomini_lexer::literal::{rune_value, string_value};
use gomini_lexer::{Span, TokenKind as Tok};

use super::{go_list, name, span, tok, Boxed, Declared, Extra, Rule, GENERICS};
use crate::assemble::*;
use crate::ast::*;
use crate::error::{Label, ListLabel, SyntaxError};

/// Defines `expr` and `header_expr`; func literals hold blocks, conversions and assertions hold types.
pub(super) fn define_exprs<'a, I>(
    expr_rule: &mut Declared<'a, I, Expr>,
    header_expr_rule: &mut Declared<'a, I, Expr>,
    ty: Rule<'a, I, TypeExpr>,
    signature: Rule<'a, I, FuncType>,
    block: Rule<'a, I, Block>,
    literal_type: Boxed<'a, I, TypeExpr>,
) where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let expr = expr_rule.handle();
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
                Label::List(&ListLabel {
                    context: "composite literal",
                    sep: "comma",
                    close: "}",
                }),
            ))
            .map(|(open, (elems, close))| (elems, open.to(close)))
    })
    // As for blocks: a failed body is not parsed again from the same `{`.
    .memoized()
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
                let lhs = Expr {
                    span: ty.span,
                    kind: ExprKind::Type(Box::new(ty)),
                };
                match body {
                    // The literal's span runs to its closing brace.
                    Some((elems, body_span)) => {
                        fold_postfix(lhs, Postfix::Composite { elems, body_span }, body_span)
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
            Label::List(&ListLabel {
                context: "argument list",
                sep: "comma",
                close: ")",
            }),
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

    // Most operands have no postfix: one look at the next token spares them
    // the failed tries of each form (and the memo of `composite`). The error
    // is the same, at that token, where `Continuation` replaces what each
    // form expected.
    let postfix_ahead = |allow_literal: bool| {
        any()
            .filter(move |tok: &Tok| {
                matches!(tok, Tok::Dot | Tok::LParen | Tok::LBrack)
                    || (allow_literal && *tok == Tok::LBrace)
            })
            .rewind()
            .labelled(Label::Continuation)
    };
    let build_expr = |allow_literal: bool| {
        let postfix = if allow_literal {
            postfix_ahead(true)
                .ignore_then(
                    common_postfix
                        .clone()
                        .or(composite.clone().labelled(Label::Continuation)),
                )
                .boxed()
        } else {
            postfix_ahead(false)
                .ignore_then(common_postfix.clone())
                .boxed()
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
    expr_rule.define(build_expr(true));
    header_expr_rule.define(build_expr(false));
}

/// `a, b, c`: one or more expressions separated by commas.
pub(super) fn expr_list<'a, I>(expr: Rule<'a, I, Expr>) -> Boxed<'a, I, Vec<Expr>>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    expr.separated_by(just(Tok::Comma).labelled(Label::Continuation))
        .at_least(1)
        .collect::<Vec<Expr>>()
        .boxed()
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

/// The binary operator of precedence `precedence`. The pratt parser tries all
/// five levels after every operand, so this is one `select` (not a select, a
/// filter, a map and a label: 12% of a parse). Its failure is the same error:
/// at the token, expecting nothing it names, as `Label::Continuation` says.
fn binary_op<'a, I>(precedence: u8) -> impl Parser<'a, I, (BinaryOp, Span), Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    chumsky::primitive::select(move |tok: Tok<'a>, e| {
        binary_op_of(tok)
            .filter(|op| op.precedence() == precedence)
            .map(|op| (op, span(e.span())))
    })
}

fn binary_op_of(tok: Tok<'_>) -> Option<BinaryOp> {
    Some(match tok {
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
        _ => return None,
    })
}
