//! Types: names, pointers, arrays and slices, maps, channels, structs, interfaces and signatures.

use chumsky::input::ValueInput;
use chumsky::prelude::*;
use gomini_lexer::literal::string_value;
use gomini_lexer::TokenKind as Tok;

use super::{go_list, name, semi, span, tok, type_params, Boxed, Declared, Rule};
use crate::assemble::*;
use crate::ast::*;
use crate::error::{Label, ListLabel};

/// The pieces of the type grammar that other sections use besides `ty` itself.
pub(super) struct TypeParsers<'a, I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>> {
    /// `(a, b int, c ...string)`: a parameter list, also a method's receiver.
    pub(super) param_list: Boxed<'a, I, Vec<Param>>,
    /// Type literals that may also appear as operands (`[]int{1}`, `map[K]V(m)`).
    pub(super) literal_type: Boxed<'a, I, TypeExpr>,
}

/// Defines `ty` and `signature`; array lengths are expressions, hence `expr`.
pub(super) fn define_types<'a, I>(
    ty_rule: &mut Declared<'a, I, TypeExpr>,
    signature_rule: &mut Declared<'a, I, FuncType>,
    expr: Rule<'a, I, Expr>,
) -> TypeParsers<'a, I>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let ty = ty_rule.handle();
    let signature = signature_rule.handle();
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
            Label::List(&ListLabel {
                context: "parameter list",
                sep: "comma",
                close: ")",
            }),
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

    signature_rule.define(
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
            Label::List(&ListLabel {
                context: "struct type",
                sep: "semicolon or newline",
                close: "}",
            }),
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
            Label::List(&ListLabel {
                context: "interface type",
                sep: "semicolon or newline",
                close: "}",
            }),
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

    ty_rule.define(
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

    TypeParsers {
        param_list,
        literal_type,
    }
}
