//! Assembly of tree nodes from what the grammar matched, with the checks Go's parser makes on the way.

use gomini_lexer::Span;

use crate::ast::*;
use crate::error::SyntaxError;

/// The suffix after an operand, folded left into postfix expressions.
#[derive(Clone)]
pub(crate) enum Postfix {
    Selector(Ident),
    TypeAssert(Option<TypeExpr>),
    Call {
        args: Vec<Expr>,
        ellipsis: Option<Span>,
        lparen: Span,
        rparen: Span,
    },
    Index(Expr),
    Slice {
        low: Option<Expr>,
        high: Option<Expr>,
        max: Option<Expr>,
        three_index: bool,
    },
    Composite {
        elems: Vec<Element>,
        body_span: Span,
    },
}

/// Reinterprets an expression as the type it spells (`*T`, `pkg.T`, `[]int`), as
/// needed for type switch cases and composite literal types.
pub fn expr_into_type(expr: Expr) -> Result<TypeExpr, Expr> {
    let span = expr.span;
    let kind = match expr.kind {
        ExprKind::Ident(name) => TypeExprKind::Name { pkg: None, name },
        ExprKind::Selector(base, name) => match base.kind {
            ExprKind::Ident(pkg) => TypeExprKind::Name {
                pkg: Some(pkg),
                name,
            },
            kind => {
                return Err(Expr {
                    kind: ExprKind::Selector(
                        Box::new(Expr {
                            kind,
                            span: base.span,
                        }),
                        name,
                    ),
                    span,
                })
            }
        },
        ExprKind::Unary(UnaryOp::Deref, inner) => {
            TypeExprKind::Pointer(Box::new(expr_into_type(*inner)?))
        }
        ExprKind::Unary(UnaryOp::Recv, inner) => match expr_into_type(*inner)?.kind {
            TypeExprKind::Chan {
                dir: ChanDir::Both,
                elem,
            } => TypeExprKind::Chan {
                dir: ChanDir::Recv,
                elem,
            },
            other => TypeExprKind::Chan {
                dir: ChanDir::Recv,
                elem: Box::new(TypeExpr { kind: other, span }),
            },
        },
        ExprKind::Paren(inner) => TypeExprKind::Paren(Box::new(expr_into_type(*inner)?)),
        ExprKind::Type(ty) => return Ok(*ty),
        kind => return Err(Expr { kind, span }),
    };
    Ok(TypeExpr { kind, span })
}

/// What followed the expression list of a simple statement.
#[derive(Clone)]
pub(crate) enum SimpleTail {
    Define(Span, Vec<Expr>),
    Assign(Option<BinaryOp>, Span, Vec<Expr>),
    IncDec(bool),
    Send(Vec<Expr>),
}

pub(crate) fn build_simple_stmt(
    lhs: Vec<Expr>,
    tail: Option<SimpleTail>,
    at: Span,
    emitter: &mut chumsky::input::Emitter<SyntaxError<'_>>,
) -> Stmt {
    let mut lhs = lhs;
    let kind = match tail {
        None => {
            if lhs.len() > 1 {
                emitter.emit(SyntaxError::custom(
                    lhs[1].span.start_point(),
                    "syntax error: unexpected comma, expected := or = or comma",
                ));
            }
            StmtKind::Expr(lhs.swap_remove(0))
        }
        Some(SimpleTail::Define(op_span, values)) => {
            let mut names = Vec::with_capacity(lhs.len());
            for target in lhs {
                match target.kind {
                    ExprKind::Ident(ident) => names.push(ident),
                    _ => emitter.emit(SyntaxError::custom(
                        target.span.start_point(),
                        "syntax error: non-name on left side of :=",
                    )),
                }
            }
            StmtKind::Define {
                names,
                values,
                op_span,
            }
        }
        Some(SimpleTail::Assign(op, op_span, rhs)) => StmtKind::Assign {
            lhs,
            op,
            rhs,
            op_span,
        },
        Some(SimpleTail::IncDec(inc)) => StmtKind::IncDec {
            target: lhs.swap_remove(0),
            inc,
        },
        Some(SimpleTail::Send(mut values)) => StmtKind::Send {
            chan: lhs.swap_remove(0),
            value: values.swap_remove(0),
        },
    };
    Stmt { kind, span: at }
}

/// The condition of an `if` or `for` must be an expression, not another statement.
/// Go reports it at the statement's operator, naming the statement as written.
pub(crate) fn stmt_into_cond(
    src: &str,
    stmt: Stmt,
    emitter: &mut chumsky::input::Emitter<SyntaxError<'_>>,
) -> Expr {
    match &stmt.kind {
        StmtKind::Expr(cond) => cond.clone(),
        _ => {
            if let Some(err) = cond_error(src, &stmt) {
                emitter.emit(err);
            }
            bad_expr(stmt.span)
        }
    }
}

/// Go's error for a statement where a condition must be (`cannot use x := 1
/// as value`), or `None` when it is an expression.
pub(crate) fn cond_error<'src>(src: &str, stmt: &Stmt) -> Option<SyntaxError<'src>> {
    let at = match &stmt.kind {
        StmtKind::Expr(_) => return None,
        StmtKind::Assign { op_span, .. } | StmtKind::Define { op_span, .. } => *op_span,
        // Go's position of `x++` is its operator's.
        StmtKind::IncDec { target, .. } => {
            let gap = src.get(target.span.end as usize..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches([' ', '\t']).len()
            });
            Span::new(target.span.end + gap as u32, stmt.span.end)
        }
        _ => stmt.span,
    };
    let source_of = |span: Span| src.get(span.range()).unwrap_or("?").to_string();
    // Go spells a plain assignment out, parenthesising anything but a name or literal.
    let emphasize = |exprs: &[Expr]| match exprs {
        [single]
            if matches!(
                single.kind,
                ExprKind::Ident(_)
                    | ExprKind::Int(_)
                    | ExprKind::Float(_)
                    | ExprKind::Imag(_)
                    | ExprKind::Rune(_)
                    | ExprKind::Str(_)
            ) =>
        {
            source_of(single.span)
        }
        [first, .., last] | [first @ last] => format!("({})", source_of(first.span.to(last.span))),
        [] => String::new(),
    };
    let text = match &stmt.kind {
        StmtKind::Assign {
            lhs, op: None, rhs, ..
        } => format!("assignment {} = {}", emphasize(lhs), emphasize(rhs)),
        StmtKind::IncDec { target, inc } => {
            format!(
                "{}{}",
                source_of(target.span),
                if *inc { "++" } else { "--" }
            )
        }
        _ => source_of(stmt.span),
    };
    Some(SyntaxError::custom(
        at.start_point(),
        format!("syntax error: cannot use {text} as value"),
    ))
}

pub(crate) fn require_call(
    expr: &Expr,
    keyword: &str,
    emitter: &mut chumsky::input::Emitter<SyntaxError<'_>>,
) {
    let mut inner = expr;
    while let ExprKind::Paren(paren) = &inner.kind {
        inner = paren;
    }
    if !matches!(inner.kind, ExprKind::Call { .. }) {
        emitter.emit(SyntaxError::custom(
            expr.span.start_point(),
            format!("expression in {keyword} must be function call"),
        ));
    }
}

pub(crate) type ParamEntry = (Option<Ident>, TypeExpr, bool, Span);

/// Flattens `a, b int, c string` into named params, as Go's grouping does: if
/// any entry is `name type`, bare names before it share its type.
pub(crate) fn group_params(
    entries: Vec<ParamEntry>,
    emitter: &mut chumsky::input::Emitter<SyntaxError<'_>>,
) -> Vec<Param> {
    let any_named = entries.iter().any(|(name, ..)| name.is_some());
    if !any_named {
        return entries
            .into_iter()
            .map(|(_, ty, variadic, span)| Param {
                name: None,
                ty,
                variadic,
                span,
            })
            .collect();
    }
    let mut params = Vec::with_capacity(entries.len());
    let mut pending: Vec<Ident> = Vec::new();
    for (name, ty, variadic, at) in entries {
        match name {
            Some(name) => {
                for pending_name in pending.drain(..) {
                    let span = pending_name.span;
                    params.push(Param {
                        name: Some(pending_name),
                        ty: ty.clone(),
                        variadic: false,
                        span,
                    });
                }
                params.push(Param {
                    name: Some(name),
                    ty,
                    variadic,
                    span: at,
                });
            }
            None => match ty.kind {
                TypeExprKind::Name { pkg: None, name } if !variadic => pending.push(name),
                _ => {
                    emitter.emit(SyntaxError::custom(
                        at.start_point(),
                        "syntax error: mixed named and unnamed parameters",
                    ));
                }
            },
        }
    }
    if let Some(last) = pending.last() {
        emitter.emit(SyntaxError::custom(
            Span::new(last.span.end, last.span.end),
            "syntax error: mixed named and unnamed parameters",
        ));
    }
    params
}

pub(crate) type CaseParts = (Option<Vec<Expr>>, Vec<Stmt>, Span);

pub(crate) fn build_switch(
    src: &str,
    init: Option<Stmt>,
    tag: Option<Stmt>,
    clauses: Vec<CaseParts>,
    close: Span,
    at: Span,
    emitter: &mut chumsky::input::Emitter<SyntaxError<'_>>,
) -> Stmt {
    // A type switch's guard is `x.(type)` or `v := x.(type)`.
    let guard = match &tag {
        Some(Stmt {
            kind: StmtKind::Expr(expr),
            ..
        }) if is_type_guard(expr) => Some((None, expr.clone())),
        Some(Stmt {
            kind: StmtKind::Define { names, values, .. },
            ..
        }) if names.len() == 1 && values.len() == 1 && is_type_guard(&values[0]) => {
            Some((Some(names[0].clone()), values[0].clone()))
        }
        _ => None,
    };
    if let Some((bind, guard)) = guard {
        let subject = match guard.kind {
            ExprKind::TypeAssert(subject, None) => *subject,
            kind => Expr {
                kind,
                span: guard.span,
            },
        };
        let cases = clauses
            .into_iter()
            .map(|(exprs, body, span)| {
                let is_default = exprs.is_none();
                let types = exprs
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|expr| match expr_into_type(expr) {
                        Ok(ty) => Some(ty),
                        Err(expr) => {
                            emitter.emit(SyntaxError::custom(
                                expr.span.start_point(),
                                "syntax error: expected type",
                            ));
                            None
                        }
                    })
                    .collect();
                TypeCaseClause {
                    types,
                    is_default,
                    body,
                    span,
                }
            })
            .collect();
        return Stmt {
            kind: StmtKind::TypeSwitch(Box::new(TypeSwitchStmt {
                init,
                bind,
                subject,
                cases,
                body_span: close,
            })),
            span: at,
        };
    }
    let tag = tag.map(|stmt| stmt_into_cond(src, stmt, emitter));
    let cases = clauses
        .into_iter()
        .map(|(exprs, body, span)| CaseClause {
            is_default: exprs.is_none(),
            exprs: exprs.unwrap_or_default(),
            body,
            span,
        })
        .collect();
    Stmt {
        kind: StmtKind::Switch(Box::new(SwitchStmt {
            init,
            tag,
            cases,
            body_span: close,
        })),
        span: at,
    }
}

pub(crate) fn is_type_guard(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::TypeAssert(_, None))
}

pub(crate) fn fold_postfix(lhs: Expr, suffix: Postfix, at: Span) -> Expr {
    let span = lhs.span.to(at);
    let kind = match suffix {
        Postfix::Selector(name) => ExprKind::Selector(Box::new(lhs), name),
        Postfix::TypeAssert(ty) => ExprKind::TypeAssert(Box::new(lhs), ty.map(Box::new)),
        Postfix::Call {
            args,
            ellipsis,
            lparen,
            rparen,
        } => ExprKind::Call {
            func: Box::new(lhs),
            args,
            ellipsis,
            lparen,
            rparen,
        },
        Postfix::Index(index) => ExprKind::Index(Box::new(lhs), Box::new(index)),
        Postfix::Slice {
            low,
            high,
            max,
            three_index,
        } => ExprKind::Slice {
            expr: Box::new(lhs),
            low: low.map(Box::new),
            high: high.map(Box::new),
            max: max.map(Box::new),
            three_index,
        },
        Postfix::Composite { elems, body_span } => {
            let ty = expr_into_type(lhs).ok();
            ExprKind::Composite(Box::new(CompositeLit {
                ty,
                elems,
                body_span,
            }))
        }
    };
    Expr { kind, span }
}

pub(crate) fn binary(lhs: Expr, op: BinaryOp, op_span: Span, rhs: Expr) -> Expr {
    Expr {
        span: lhs.span.to(rhs.span),
        kind: ExprKind::Binary {
            op,
            op_span,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
    }
}

/// A placeholder where an expression was missing; the error is already reported.
pub(crate) fn bad_expr(at: Span) -> Expr {
    Expr {
        kind: ExprKind::Ident(Ident {
            name: "_".into(),
            span: at,
        }),
        span: at,
    }
}
