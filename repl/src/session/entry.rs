//! What the user entered: declarations or statements, parsed, with the spans the session rewrites.

use gomini_lexer::{Diagnostic, Span};
use gomini_parser::ast;

/// The first line of the wrapper statements are parsed in; spans inside it are shifted back.
const STMT_PREFIX: &str = "package main\nfunc main() {\n";
const DECL_PREFIX: &str = "package main\n";

/// An entry, classified.
pub enum Parsed {
    /// Top-level declarations (`func`, `type`, `const`, `import`; `var` from `:load`).
    Decls(ast::File),
    /// Statements for the entry's function body.
    Stmts(Vec<ast::Stmt>),
    /// Syntax errors, spans already relative to the entry.
    Errors(Vec<Diagnostic>),
}

/// Shifts every span of `diags` back by `by` bytes (clamped at 0).
fn shift(mut diags: Vec<Diagnostic>, by: usize, len: usize) -> Vec<Diagnostic> {
    let back = |s: Span| {
        let start = (s.start as usize).saturating_sub(by).min(len);
        let end = (s.end as usize).saturating_sub(by).clamp(start, len);
        Span::new(start as u32, end as u32)
    };
    for d in &mut diags {
        d.span = back(d.span);
        for (span, _) in &mut d.labels {
            *span = back(*span);
        }
    }
    diags
}

/// Parses `text` as top-level declarations; spans are relative to `text`.
pub fn parse_decls(text: &str) -> Result<ast::File, Vec<Diagnostic>> {
    let src = format!("{DECL_PREFIX}{text}\n");
    match gomini_parser::parse(&src) {
        (Some(file), diags) if diags.is_empty() => Ok(shift_file(file, DECL_PREFIX.len())),
        (_, diags) => Err(shift(diags, DECL_PREFIX.len(), text.len())),
    }
}

/// Parses `text` as a function body's statements; spans are relative to `text`.
fn parse_stmts(text: &str) -> Result<Vec<ast::Stmt>, Vec<Diagnostic>> {
    let src = format!("{STMT_PREFIX}{text}\n}}\n");
    match gomini_parser::parse(&src) {
        (Some(file), diags) if diags.is_empty() => {
            let body = file.decls.into_iter().find_map(|d| match d {
                ast::Decl::Func(f) => f.body,
                _ => None,
            });
            let stmts = body.map(|b| b.stmts).unwrap_or_default();
            Ok(stmts
                .into_iter()
                .map(|s| shift_stmt(s, STMT_PREFIX.len()))
                .collect())
        }
        (_, mut diags) => {
            // The `}` closing the wrapper is not what the user typed: what
            // they see is their entry ending too soon (`if true`, `x :=`).
            let wrapper_end = STMT_PREFIX.len() + text.len();
            for d in &mut diags {
                if d.span.start as usize >= wrapper_end {
                    d.message = d.message.replace("unexpected }", "unexpected end of entry");
                }
            }
            Err(shift(diags, STMT_PREFIX.len(), text.len()))
        }
    }
}

/// Classifies and parses one entry.
pub fn parse(text: &str) -> Parsed {
    let first = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let leading_word = text.trim_start().starts_with(first);
    let decl_like =
        leading_word && matches!(first, "func" | "type" | "const" | "import" | "package");
    if decl_like {
        match parse_decls(text) {
            Ok(file) => return Parsed::Decls(file),
            Err(decl_errors) => {
                // `func() { ... }()` is a statement that starts with `func`.
                if first == "func" {
                    if let Ok(stmts) = parse_stmts(text) {
                        return Parsed::Stmts(stmts);
                    }
                }
                return Parsed::Errors(decl_errors);
            }
        }
    }
    match parse_stmts(text) {
        Ok(stmts) => Parsed::Stmts(stmts),
        Err(diags) => Parsed::Errors(diags),
    }
}

// The AST has spans everywhere; the session needs only a few of them shifted
// (declaration and statement spans, names, `:=` and var specs), so only those
// are shifted here, on a copy the session owns.

fn sh(s: Span, by: usize) -> Span {
    Span::new(
        (s.start as usize).saturating_sub(by) as u32,
        (s.end as usize).saturating_sub(by) as u32,
    )
}

fn shift_ident(mut i: ast::Ident, by: usize) -> ast::Ident {
    i.span = sh(i.span, by);
    i
}

fn shift_file(mut file: ast::File, by: usize) -> ast::File {
    for imp in &mut file.imports {
        imp.span = sh(imp.span, by);
        imp.path_span = sh(imp.path_span, by);
    }
    for decl in &mut file.decls {
        match decl {
            ast::Decl::Func(f) => {
                f.span = sh(f.span, by);
                f.name.span = sh(f.name.span, by);
                if let Some(recv) = &mut f.recv {
                    recv.ty.span = sh(recv.ty.span, by);
                }
            }
            ast::Decl::Var(v) => shift_var(v, by),
            ast::Decl::Const(c) => {
                c.span = sh(c.span, by);
                for spec in &mut c.specs {
                    spec.span = sh(spec.span, by);
                    for n in &mut spec.names {
                        n.span = sh(n.span, by);
                    }
                }
            }
            ast::Decl::Type(t) => {
                t.span = sh(t.span, by);
                for spec in &mut t.specs {
                    spec.span = sh(spec.span, by);
                    spec.name.span = sh(spec.name.span, by);
                }
            }
        }
    }
    file
}

fn shift_var(v: &mut ast::VarDecl, by: usize) {
    v.span = sh(v.span, by);
    for spec in &mut v.specs {
        spec.span = sh(spec.span, by);
        for n in &mut spec.names {
            n.span = sh(n.span, by);
        }
        if let Some(ty) = &mut spec.ty {
            ty.span = sh(ty.span, by);
        }
        for e in &mut spec.values {
            e.span = sh(e.span, by);
        }
    }
}

fn shift_stmt(mut s: ast::Stmt, by: usize) -> ast::Stmt {
    s.span = sh(s.span, by);
    match &mut s.kind {
        ast::StmtKind::Define {
            names,
            values,
            op_span,
        } => {
            *op_span = sh(*op_span, by);
            *names = std::mem::take(names)
                .into_iter()
                .map(|n| shift_ident(n, by))
                .collect();
            for e in values {
                e.span = sh(e.span, by);
            }
        }
        ast::StmtKind::Var(v) => shift_var(v, by),
        ast::StmtKind::Expr(e) => e.span = sh(e.span, by),
        _ => {}
    }
    s
}

/// A variable an entry defines at its top level.
#[derive(Clone, Debug)]
pub struct Definition {
    pub name: String,
    /// The name's span in the entry.
    pub span: Span,
}

/// One top-level statement rewritten so that it assigns the session variable
/// instead of declaring a local: `x := e` becomes `x = e`, `var x T = e` becomes
/// `x = e` and `var x T` becomes `x = *new(T)`.
#[derive(Clone, Debug)]
pub struct Rewrite {
    /// The entry bytes replaced.
    pub range: std::ops::Range<usize>,
    pub text: String,
}

/// The top-level definitions of `stmts` and the rewrites that turn them into assignments.
pub fn definitions(text: &str, stmts: &[ast::Stmt]) -> (Vec<Definition>, Vec<Rewrite>) {
    let mut defs = Vec::new();
    let mut rewrites = Vec::new();
    let slice = |s: Span| &text[s.start as usize..(s.end as usize).min(text.len())];
    for stmt in stmts {
        match &stmt.kind {
            ast::StmtKind::Define { names, op_span, .. } => {
                for n in names {
                    defs.push(Definition {
                        name: n.name.to_string(),
                        span: n.span,
                    });
                }
                rewrites.push(Rewrite {
                    range: op_span.start as usize..op_span.end as usize,
                    text: " =".to_string(),
                });
            }
            ast::StmtKind::Var(v) => {
                let mut parts = Vec::new();
                for spec in &v.specs {
                    let names: Vec<&str> = spec.names.iter().map(|n| n.name.as_ref()).collect();
                    for n in &spec.names {
                        defs.push(Definition {
                            name: n.name.to_string(),
                            span: n.span,
                        });
                    }
                    let rhs = match (spec.values.first(), spec.values.last(), &spec.ty) {
                        (Some(first), Some(last), _) => {
                            slice(Span::new(first.span.start, last.span.end)).to_string()
                        }
                        (_, _, Some(ty)) => {
                            let zero = format!("*new({})", slice(ty.span));
                            vec![zero; names.len()].join(", ")
                        }
                        _ => continue,
                    };
                    parts.push(format!("{} = {}", names.join(", "), rhs));
                }
                rewrites.push(Rewrite {
                    range: stmt.span.start as usize..stmt.span.end as usize,
                    text: parts.join("; "),
                });
            }
            _ => {}
        }
    }
    (defs, rewrites)
}

/// The expression of an entry that is exactly one expression statement.
pub fn lone_expression(stmts: &[ast::Stmt]) -> Option<Span> {
    match stmts {
        [ast::Stmt {
            kind: ast::StmtKind::Expr(e),
            ..
        }] => Some(e.span),
        _ => None,
    }
}
