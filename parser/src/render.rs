//! A compact, span-free S-expression rendering of the tree, for tests and `gomini parse`.

use std::fmt::Write;

use crate::ast::*;

/// Renders a file as one declaration per line: `(func main () () {(call println 1)})`.
pub fn render(file: &File) -> String {
    let mut out = format!("package {}\n", file.package.name);
    for import in &file.imports {
        match &import.alias {
            Some(alias) => writeln!(out, "import {} {:?}", alias.name, import.path),
            None => writeln!(out, "import {:?}", import.path),
        }
        .ok();
    }
    for decl in &file.decls {
        out.push_str(&decl_text(decl));
        out.push('\n');
    }
    out
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(" ")
}

fn decl_text(decl: &Decl) -> String {
    match decl {
        Decl::Func(func) => {
            let recv = func
                .recv
                .as_ref()
                .map(|recv| format!("({}) ", param_text(recv)))
                .unwrap_or_default();
            let body = func
                .body
                .as_ref()
                .map(block_text)
                .unwrap_or_else(|| "nobody".to_string());
            format!(
                "(func {recv}{} {} {body})",
                func.name.name,
                sig_text(&func.sig)
            )
        }
        Decl::Var(var) => var_text(var),
        Decl::Const(decl) => const_text(decl),
        Decl::Type(decl) => type_decl_text(decl),
    }
}

fn var_text(var: &VarDecl) -> String {
    let specs = join(&var.specs, |spec| {
        let ty = spec
            .ty
            .as_ref()
            .map(type_text)
            .unwrap_or_else(|| "_".to_string());
        format!(
            "({} {ty} = {})",
            join(&spec.names, |n| n.name.to_string()),
            join(&spec.values, expr_text)
        )
    });
    format!("(var {specs})")
}

fn const_text(decl: &ConstDecl) -> String {
    let specs = join(&decl.specs, |spec| {
        let ty = spec
            .ty
            .as_ref()
            .map(type_text)
            .unwrap_or_else(|| "_".to_string());
        format!(
            "({} {ty} = {} iota={})",
            join(&spec.names, |n| n.name.to_string()),
            join(&spec.values, expr_text),
            spec.iota
        )
    });
    format!("(const {specs})")
}

fn type_decl_text(decl: &TypeDecl) -> String {
    let specs = join(&decl.specs, |spec| {
        format!(
            "({}{} {})",
            spec.name.name,
            if spec.alias { " =" } else { "" },
            type_text(&spec.ty)
        )
    });
    format!("(type {specs})")
}

fn param_text(param: &Param) -> String {
    let name = param
        .name
        .as_ref()
        .map(|n| format!("{} ", n.name))
        .unwrap_or_default();
    format!(
        "{name}{}{}",
        if param.variadic { "..." } else { "" },
        type_text(&param.ty)
    )
}

fn sig_text(sig: &FuncType) -> String {
    format!(
        "({}) ({})",
        join(&sig.params, param_text),
        join(&sig.results, param_text)
    )
}

/// A type as Go writes it.
pub fn type_text(ty: &TypeExpr) -> String {
    match &ty.kind {
        TypeExprKind::Name {
            pkg: Some(pkg),
            name,
        } => format!("{}.{}", pkg.name, name.name),
        TypeExprKind::Name { pkg: None, name } => name.name.to_string(),
        TypeExprKind::Pointer(inner) => format!("*{}", type_text(inner)),
        TypeExprKind::Slice(elem) => format!("[]{}", type_text(elem)),
        TypeExprKind::Array {
            len: Some(len),
            elem,
        } => format!("[{}]{}", expr_text(len), type_text(elem)),
        TypeExprKind::Array { len: None, elem } => format!("[...]{}", type_text(elem)),
        TypeExprKind::Map { key, value } => format!("map[{}]{}", type_text(key), type_text(value)),
        TypeExprKind::Chan {
            dir: ChanDir::Both,
            elem,
        } => format!("chan {}", type_text(elem)),
        TypeExprKind::Chan {
            dir: ChanDir::Send,
            elem,
        } => format!("chan<- {}", type_text(elem)),
        TypeExprKind::Chan {
            dir: ChanDir::Recv,
            elem,
        } => format!("<-chan {}", type_text(elem)),
        TypeExprKind::Func(sig) => format!("func{}", sig_text(sig)),
        TypeExprKind::Struct(fields) => format!(
            "struct{{{}}}",
            fields
                .iter()
                .map(|field| {
                    let names = join(&field.names, |n| n.name.to_string());
                    let tag = field
                        .tag
                        .as_ref()
                        .map(|tag| format!(" {:?}", String::from_utf8_lossy(tag)))
                        .unwrap_or_default();
                    if names.is_empty() {
                        format!("{}{tag}", type_text(&field.ty))
                    } else {
                        format!("{names} {}{tag}", type_text(&field.ty))
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
        TypeExprKind::Interface(elems) => format!(
            "interface{{{}}}",
            elems
                .iter()
                .map(|elem| match elem {
                    InterfaceElem::Method { name, sig } =>
                        format!("{}{}", name.name, sig_text(sig)),
                    InterfaceElem::Embed(ty) => type_text(ty),
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
        TypeExprKind::Paren(inner) => format!("({})", type_text(inner)),
    }
}

/// An expression as a fully parenthesised S-expression.
pub fn expr_text(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Ident(ident) => ident.name.to_string(),
        ExprKind::Int(text) | ExprKind::Float(text) | ExprKind::Imag(text) => text.to_string(),
        ExprKind::Rune(value) => format!("rune:{value}"),
        ExprKind::Str(bytes) => format!("\"{}\"", bytes.escape_ascii()),
        ExprKind::Composite(lit) => {
            let ty = lit
                .ty
                .as_ref()
                .map(type_text)
                .unwrap_or_else(|| "_".to_string());
            let elems = join(&lit.elems, |elem| match &elem.key {
                Some(key) => format!("{}:{}", expr_text(key), expr_text(&elem.value)),
                None => expr_text(&elem.value),
            });
            format!("(lit {ty} {elems})")
        }
        ExprKind::FuncLit(lit) => {
            format!("(funclit {} {})", sig_text(&lit.sig), block_text(&lit.body))
        }
        ExprKind::Paren(inner) => format!("(paren {})", expr_text(inner)),
        ExprKind::Selector(base, name) => format!("(. {} {})", expr_text(base), name.name),
        ExprKind::Index(base, index) => format!("(index {} {})", expr_text(base), expr_text(index)),
        ExprKind::Slice {
            expr,
            low,
            high,
            max,
            three_index,
        } => {
            let part = |part: &Option<Box<Expr>>| {
                part.as_ref()
                    .map(|e| expr_text(e))
                    .unwrap_or_else(|| "_".to_string())
            };
            let max = if *three_index {
                format!(" {}", part(max))
            } else {
                String::new()
            };
            format!(
                "(slice {} {} {}{max})",
                expr_text(expr),
                part(low),
                part(high)
            )
        }
        ExprKind::TypeAssert(base, Some(ty)) => {
            format!("(assert {} {})", expr_text(base), type_text(ty))
        }
        ExprKind::TypeAssert(base, None) => format!("(assert {} type)", expr_text(base)),
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            let dots = if ellipsis.is_some() { " ..." } else { "" };
            let args = if args.is_empty() {
                String::new()
            } else {
                format!(" {}", join(args, expr_text))
            };
            format!("(call {}{args}{dots})", expr_text(func))
        }
        ExprKind::Unary(op, operand) => format!("({} {})", op.as_str(), expr_text(operand)),
        ExprKind::Binary { op, lhs, rhs, .. } => {
            format!("({} {} {})", op.as_str(), expr_text(lhs), expr_text(rhs))
        }
        ExprKind::Type(ty) => format!("(type {})", type_text(ty)),
    }
}

fn block_text(block: &Block) -> String {
    format!("{{{}}}", join(&block.stmts, stmt_text))
}

fn opt_stmt(stmt: &Option<Stmt>) -> String {
    stmt.as_ref()
        .map(stmt_text)
        .unwrap_or_else(|| "_".to_string())
}

fn opt_expr(expr: &Option<Expr>) -> String {
    expr.as_ref()
        .map(expr_text)
        .unwrap_or_else(|| "_".to_string())
}

/// A statement as an S-expression.
pub fn stmt_text(stmt: &Stmt) -> String {
    match &stmt.kind {
        StmtKind::Empty => "(empty)".to_string(),
        StmtKind::Expr(expr) => expr_text(expr),
        StmtKind::Send { chan, value } => {
            format!("(send {} {})", expr_text(chan), expr_text(value))
        }
        StmtKind::IncDec { target, inc } => {
            format!("({} {})", if *inc { "++" } else { "--" }, expr_text(target))
        }
        StmtKind::Assign { lhs, op, rhs, .. } => {
            let op = op
                .map(|op| format!("{}=", op.as_str()))
                .unwrap_or_else(|| "=".to_string());
            format!(
                "({op} ({}) ({}))",
                join(lhs, expr_text),
                join(rhs, expr_text)
            )
        }
        StmtKind::Define { names, values, .. } => {
            format!(
                "(:= ({}) ({}))",
                join(names, |n| n.name.to_string()),
                join(values, expr_text)
            )
        }
        StmtKind::Var(var) => var_text(var),
        StmtKind::Const(decl) => const_text(decl),
        StmtKind::Type(decl) => type_decl_text(decl),
        StmtKind::Go(call) => format!("(go {})", expr_text(call)),
        StmtKind::Defer(call) => format!("(defer {})", expr_text(call)),
        StmtKind::Return(values) => format!(
            "(return{})",
            values
                .iter()
                .map(|v| format!(" {}", expr_text(v)))
                .collect::<String>()
        ),
        StmtKind::Break(label) => format!(
            "(break{})",
            label
                .as_ref()
                .map(|l| format!(" {}", l.name))
                .unwrap_or_default()
        ),
        StmtKind::Continue(label) => {
            format!(
                "(continue{})",
                label
                    .as_ref()
                    .map(|l| format!(" {}", l.name))
                    .unwrap_or_default()
            )
        }
        StmtKind::Fallthrough => "(fallthrough)".to_string(),
        StmtKind::Block(block) => block_text(block),
        StmtKind::If(if_stmt) => {
            let els = if_stmt
                .els
                .as_ref()
                .map(|els| format!(" else {}", stmt_text(els)))
                .unwrap_or_default();
            format!(
                "(if {} {} {}{els})",
                opt_stmt(&if_stmt.init),
                expr_text(&if_stmt.cond),
                block_text(&if_stmt.then)
            )
        }
        StmtKind::Switch(switch) => {
            let cases = join(&switch.cases, |case| {
                let head = if case.is_default {
                    "default".to_string()
                } else {
                    format!("case {}", join(&case.exprs, expr_text))
                };
                format!("({head}: {})", join(&case.body, stmt_text))
            });
            format!(
                "(switch {} {} {cases})",
                opt_stmt(&switch.init),
                opt_expr(&switch.tag)
            )
        }
        StmtKind::TypeSwitch(switch) => {
            let cases = join(&switch.cases, |case| {
                let head = if case.is_default {
                    "default".to_string()
                } else {
                    format!("case {}", join(&case.types, type_text))
                };
                format!("({head}: {})", join(&case.body, stmt_text))
            });
            let bind = switch
                .bind
                .as_ref()
                .map(|b| b.name.to_string())
                .unwrap_or_else(|| "_".to_string());
            format!(
                "(typeswitch {} {bind} {} {cases})",
                opt_stmt(&switch.init),
                expr_text(&switch.subject)
            )
        }
        StmtKind::Select(clauses) => {
            let cases = join(clauses, |clause| {
                let head = clause
                    .comm
                    .as_ref()
                    .map(|c| format!("case {}", stmt_text(c)))
                    .unwrap_or_else(|| "default".to_string());
                format!("({head}: {})", join(&clause.body, stmt_text))
            });
            format!("(select {cases})")
        }
        StmtKind::For(for_stmt) => format!(
            "(for {} {} {} {})",
            opt_stmt(&for_stmt.init),
            opt_expr(&for_stmt.cond),
            opt_stmt(&for_stmt.post),
            block_text(&for_stmt.body)
        ),
        StmtKind::Range(range) => format!(
            "(range {} {} {} {} {})",
            opt_expr(&range.key),
            opt_expr(&range.value),
            if range.define { ":=" } else { "=" },
            expr_text(&range.subject),
            block_text(&range.body)
        ),
        StmtKind::Labeled { label, stmt } => format!("(label {} {})", label.name, stmt_text(stmt)),
    }
}
