//! Declarations: `var`, `const` and `type` (in blocks and at top level), functions, imports and the file.

use chumsky::input::ValueInput;
use chumsky::prelude::*;
use gomini_lexer::literal::string_value;
use gomini_lexer::TokenKind as Tok;

use super::exprs::expr_list;
use super::{name, semi, span, tok, type_params, Boxed, Extra, Rule};
use crate::ast::*;
use crate::error::{Label, ListLabel, SyntaxError};

/// The declarations that may also appear as statements.
pub(super) struct LocalDecls<'a, I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>> {
    pub(super) var_decl: Boxed<'a, I, VarDecl>,
    pub(super) const_decl: Boxed<'a, I, ConstDecl>,
    pub(super) type_decl: Boxed<'a, I, TypeDecl>,
}

/// Builds the `var`, `const` and `type` declaration parsers.
pub(super) fn local_decls<'a, I>(
    expr: Rule<'a, I, Expr>,
    ty: Rule<'a, I, TypeExpr>,
) -> LocalDecls<'a, I>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let expr_list = expr_list(expr);
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

    LocalDecls {
        var_decl,
        const_decl,
        type_decl,
    }
}

/// Builds the parser of a file: package clause, imports, then top-level declarations.
pub(super) fn file<'a, I>(
    receiver: Boxed<'a, I, Vec<Param>>,
    signature: Rule<'a, I, FuncType>,
    block: Rule<'a, I, Block>,
    local_decls: LocalDecls<'a, I>,
) -> impl Parser<'a, I, File, Extra<'a>>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let LocalDecls {
        var_decl,
        const_decl,
        type_decl,
    } = local_decls;
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

// `keyword spec` or `keyword ( spec; spec; )`.
fn group<'a, I, T, P>(keyword: Tok<'a>, spec: P) -> impl Parser<'a, I, Vec<T>, Extra<'a>> + Clone
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
    P: Parser<'a, I, T, Extra<'a>> + Clone,
{
    let item_end = choice((semi().ignored(), just(Tok::RParen).rewind().ignored())).labelled(
        Label::List(&ListLabel {
            context: "grouped declaration",
            sep: "semicolon or newline",
            close: ")",
        }),
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
