//! Statements and blocks: simple statements, `if`, `for`, `switch`, `select`, labels and error recovery in statement lists.

use chumsky::input::ValueInput;
use chumsky::prelude::*;
use gomini_lexer::{SemiSource, Span, TokenKind as Tok};

use super::decls::LocalDecls;
use super::exprs;
use super::{
    empty_stmt, name, semi, skip_braces, skip_rest_of_stmt, span, tok, Declared, Extra, Rule, GOTO,
};
use crate::assemble::*;
use crate::ast::*;
use crate::error::{semi_text, Label, SyntaxError};

/// Defines `block`, and with it every statement; `src` is the text Go's messages quote.
pub(super) fn define_block<'a, I>(
    src: &'a str,
    block_rule: &mut Declared<'a, I, Block>,
    expr: Rule<'a, I, Expr>,
    header_expr: Rule<'a, I, Expr>,
    local_decls: LocalDecls<'a, I>,
) -> Rule<'a, I, Stmt>
where
    I: ValueInput<'a, Token = Tok<'a>, Span = SimpleSpan>,
{
    let block = block_rule.handle();
    let header_expr_list = exprs::expr_list(header_expr.clone());
    let expr_list = exprs::expr_list(expr.clone());
    let LocalDecls {
        var_decl,
        const_decl,
        type_decl,
    } = local_decls;

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

    let mut stmt_rule = Declared::new();
    let stmt = stmt_rule.handle();

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

    block_rule.define(
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
            // A block that fails (an unclosed `{`) is tried again from the same
            // `{` by statement recovery; remembering the failure keeps that linear
            // instead of doubling the work at each nesting level.
            .memoized()
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
                            // A statement where the condition must be is Go's
                            // first error here (`if true` then `x := 1` on the
                            // next line), before the missing `{` after it.
                            header_simple.clone().try_map(move |stmt, _| {
                                match cond_error(src, &stmt) {
                                    Some(err) => Err(err),
                                    None => Ok(Some(stmt)),
                                }
                            }),
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
            // After `else if` Go parses an if statement and reports its errors.
            any()
                .filter(|tok: &Tok| *tok != Tok::If)
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
            // Go parses the condition as a simple statement and then
            // complains about one that is not an expression (`x++`).
            semi()
                .ignore_then(header_simple.clone().or_not())
                .then(choice((
                    semi().to(None),
                    // `for x := 0; x++ {`: Go wants the second semicolon at
                    // the `{`, skips it and parses the body's first statement
                    // as the post statement; whether that fails decides
                    // which errors Go shows (below).
                    just(Tok::LBrace)
                        .map_with(|_, e| span(e.span()))
                        .then(any().or_not())
                        .rewind()
                        .map(|(at, next)| Some((at, next.is_some_and(|t| starts_simple_stmt(&t))))),
                )))
                .validate(move |(cond, missing_semi), _, emitter| {
                    let mut cond_error_shown = true;
                    if let Some((at, post_parses)) = missing_semi {
                        emitter.emit(SyntaxError::custom(
                            at.start_point(),
                            "syntax error: unexpected {, expected semicolon or newline",
                        ));
                        // Go reports one syntax error per line, in the order
                        // it finds them: the condition's error comes after
                        // the semicolon's, on its line, and is dropped unless
                        // the post statement failed in between (on a later line).
                        cond_error_shown = !post_parses;
                    }
                    cond.map(|stmt| match stmt.kind {
                        _ if cond_error_shown => stmt_into_cond(src, stmt, emitter),
                        StmtKind::Expr(cond) => cond,
                        _ => bad_expr(stmt.span),
                    })
                })
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

    // Only these tokens start a statement other than a labeled or simple one.
    // Checking for them first spares a simple statement (most statements) the
    // failed tries of every keyword statement (16 of them; 2% of a parse).
    // It changes no error: those tries fail at the statement's first token,
    // where the `Statement` label below replaces what they expected.
    let keyword_ahead = any()
        .filter(|tok: &Tok| {
            matches!(
                tok,
                Tok::Var
                    | Tok::Const
                    | Tok::Type
                    | Tok::Return
                    | Tok::Break
                    | Tok::Continue
                    | Tok::Fallthrough
                    | Tok::Go
                    | Tok::Defer
                    | Tok::Goto
                    | Tok::LBrace
                    | Tok::If
                    | Tok::For
                    | Tok::Switch
                    | Tok::Select
            )
        })
        .rewind();
    let keyword_stmt = choice((
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
    .or(select_stmt);
    stmt_rule.define(
        keyword_ahead
            .ignore_then(keyword_stmt)
            .or(labeled)
            .or(full_simple.clone())
            .labelled(Label::Statement)
            .boxed(),
    );
    stmt_rule.owner
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

/// Whether `tok` can begin a simple statement (an expression), as Go's
/// parser would try after skipping a misplaced `{`.
fn starts_simple_stmt(tok: &Tok<'_>) -> bool {
    matches!(
        tok,
        Tok::Ident(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Rune(_)
            | Tok::Str(_)
            | Tok::Chan
            | Tok::Func
            | Tok::Interface
            | Tok::Map
            | Tok::Struct
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Amp
            | Tok::Caret
            | Tok::Arrow
            | Tok::Not
            | Tok::LParen
            | Tok::LBrack
    )
}
