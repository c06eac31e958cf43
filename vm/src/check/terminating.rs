//! Go's terminating-statement rules (for `missing return`), on syntax.

use gomini_parser::ast::{self, StmtKind as S};

use super::exprs::strip_parens;

/// Go's terminating statement rules, on syntax: whether the list ends in one.
pub fn terminating_list(stmts: &[ast::Stmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, S::Empty))
        .is_some_and(|s| terminating(s, None))
}

fn terminating(s: &ast::Stmt, label: Option<&str>) -> bool {
    match &s.kind {
        S::Return(_) => true,
        S::Expr(e) => {
            // A call of the builtin panic (or os.Exit, which Go does not count).
            matches!(&strip_parens(e).kind, ast::ExprKind::Call { func, .. } if matches!(&func.kind, ast::ExprKind::Ident(id) if id.name.as_ref() == "panic"))
        }
        S::Block(b) => terminating_list(&b.stmts),
        S::If(i) => match &i.els {
            Some(els) => terminating_list(&i.then.stmts) && terminating(els, None),
            None => false,
        },
        S::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, label, true),
        S::Labeled { label: l, stmt } => terminating(stmt, Some(&l.name)),
        S::Switch(sw) => {
            sw.cases.iter().any(|c| c.is_default)
                && sw.cases.iter().all(|c| {
                    (terminating_list(&c.body)
                        || matches!(c.body.last().map(|s| &s.kind), Some(S::Fallthrough)))
                        && !has_break(&c.body, label, true)
                })
        }
        S::TypeSwitch(sw) => {
            sw.cases.iter().any(|c| c.is_default)
                && sw
                    .cases
                    .iter()
                    .all(|c| terminating_list(&c.body) && !has_break(&c.body, label, true))
        }
        S::Select(cases) => cases
            .iter()
            .all(|c| terminating_list(&c.body) && !has_break(&c.body, label, true)),
        S::Go(_) | S::Defer(_) => false,
        _ => false,
    }
}

/// Whether `stmts` contain a `break` that targets the enclosing statement (unlabelled at this level, or naming `label`).
fn has_break(stmts: &[ast::Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &ast::Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        S::Break(None) => top,
        S::Break(Some(l)) => Some(&*l.name) == label,
        S::Block(b) => has_break(&b.stmts, label, top),
        S::If(i) => {
            has_break(&i.then.stmts, label, top)
                || i.els
                    .as_ref()
                    .is_some_and(|e| stmt_has_break(e, label, top))
        }
        S::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        // Nested breakable statements capture unlabelled breaks.
        S::For(f) => has_break(&f.body.stmts, label, false),
        S::Range(r) => has_break(&r.body.stmts, label, false),
        S::Switch(sw) => sw.cases.iter().any(|c| has_break(&c.body, label, false)),
        S::TypeSwitch(sw) => sw.cases.iter().any(|c| has_break(&c.body, label, false)),
        S::Select(cases) => cases.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}
