//! Expressions and type syntax printed back as Go's `ExprString` prints them in error messages.

use gomini_parser::ast::{self, ExprKind, TypeExprKind};

use super::constant::go_quote;

pub fn expr_string(e: &ast::Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e, 0);
    out
}

fn write_expr(out: &mut String, e: &ast::Expr, depth: u32) {
    if depth > 100 {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Ident(id) => out.push_str(&id.name),
        ExprKind::Int(t) | ExprKind::Float(t) | ExprKind::Imag(t) => out.push_str(t),
        ExprKind::Rune(r) => match char::from_u32(*r) {
            Some('\'') => out.push_str("'\\''"),
            Some('\\') => out.push_str("'\\\\'"),
            Some('\n') => out.push_str("'\\n'"),
            Some('\t') => out.push_str("'\\t'"),
            Some(c) if !c.is_control() => {
                out.push('\'');
                out.push(c);
                out.push('\'');
            }
            _ => out.push_str(&format!("'\\x{r:02x}'")),
        },
        ExprKind::Str(bytes) => out.push_str(&go_quote(bytes)),
        ExprKind::Composite(lit) => {
            if let Some(t) = &lit.ty {
                write_type(out, t, d);
            }
            out.push_str(if lit.elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit(f) => {
            out.push_str("func");
            write_sig(out, &f.sig, d);
            out.push_str(" {…}");
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write_expr(out, inner, d);
            out.push(')');
        }
        ExprKind::Selector(base, name) => {
            write_expr(out, base, d);
            out.push('.');
            out.push_str(&name.name);
        }
        ExprKind::Index(base, idx) => {
            write_expr(out, base, d);
            out.push('[');
            write_expr(out, idx, d);
            out.push(']');
        }
        ExprKind::Slice {
            expr,
            low,
            high,
            max,
            ..
        } => {
            write_expr(out, expr, d);
            out.push('[');
            if let Some(l) = low {
                write_expr(out, l, d);
            }
            out.push(':');
            if let Some(h) = high {
                write_expr(out, h, d);
            }
            if let Some(m) = max {
                out.push(':');
                write_expr(out, m, d);
            }
            out.push(']');
        }
        ExprKind::TypeAssert(base, ty) => {
            write_expr(out, base, d);
            out.push_str(".(");
            match ty {
                Some(t) => write_type(out, t, d),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            write_expr(out, func, d);
            out.push('(');
            for (idx, a) in args.iter().enumerate() {
                if idx > 0 {
                    out.push_str(", ");
                }
                write_expr(out, a, d);
            }
            if ellipsis.is_some() {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Unary(op, inner) => {
            out.push_str(op.as_str());
            write_expr(out, inner, d);
        }
        ExprKind::Binary { op, lhs, rhs, .. } => {
            write_expr(out, lhs, d);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, rhs, d);
        }
        ExprKind::Type(t) => write_type(out, t, d),
    }
}

fn write_sig(out: &mut String, sig: &ast::FuncType, depth: u32) {
    out.push('(');
    write_fields(out, &sig.params, depth);
    out.push(')');
    let named = sig.results.iter().any(|r| r.name.is_some());
    if sig.results.len() == 1 && !named {
        out.push(' ');
        write_type(out, &sig.results[0].ty, depth);
    } else if !sig.results.is_empty() {
        out.push_str(" (");
        write_fields(out, &sig.results, depth);
        out.push(')');
    }
}

/// Parameters or results, comma-separated, with their names as written.
fn write_fields(out: &mut String, fields: &[ast::Param], depth: u32) {
    for (idx, p) in fields.iter().enumerate() {
        if idx > 0 {
            out.push_str(", ");
        }
        if let Some(n) = &p.name {
            out.push_str(&n.name);
            // `a, b int` is one group in the source (its fields share the
            // type expression): Go prints it as written.
            let grouped = fields
                .get(idx + 1)
                .is_some_and(|next| next.name.is_some() && next.ty.span == p.ty.span);
            if grouped {
                continue;
            }
            out.push(' ');
        }
        if p.variadic {
            out.push_str("...");
        }
        write_type(out, &p.ty, depth);
    }
}

fn write_type(out: &mut String, t: &ast::TypeExpr, depth: u32) {
    if depth > 100 {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    match &t.kind {
        TypeExprKind::Name { pkg, name } => {
            if let Some(p) = pkg {
                out.push_str(&p.name);
                out.push('.');
            }
            out.push_str(&name.name);
        }
        TypeExprKind::Pointer(inner) => {
            out.push('*');
            write_type(out, inner, d);
        }
        TypeExprKind::Slice(inner) => {
            out.push_str("[]");
            write_type(out, inner, d);
        }
        TypeExprKind::Array { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(out, l, d),
                None => out.push_str("..."),
            }
            out.push(']');
            write_type(out, elem, d);
        }
        TypeExprKind::Map { key, value } => {
            out.push_str("map[");
            write_type(out, key, d);
            out.push(']');
            write_type(out, value, d);
        }
        TypeExprKind::Chan { dir, elem } => {
            out.push_str(match dir {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_type(out, elem, d);
        }
        TypeExprKind::Func(sig) => {
            out.push_str("func");
            write_sig(out, sig, d);
        }
        TypeExprKind::Struct(fields) => {
            out.push_str("struct{");
            for (idx, f) in fields.iter().enumerate() {
                if idx > 0 {
                    out.push_str("; ");
                }
                for (n, name) in f.names.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&name.name);
                }
                if !f.names.is_empty() {
                    out.push(' ');
                }
                write_type(out, &f.ty, d);
            }
            out.push('}');
        }
        TypeExprKind::Interface(elems) => {
            out.push_str("interface{");
            for (idx, el) in elems.iter().enumerate() {
                if idx > 0 {
                    out.push_str("; ");
                }
                match el {
                    ast::InterfaceElem::Method { name, sig } => {
                        out.push_str(&name.name);
                        write_sig(out, sig, d);
                    }
                    ast::InterfaceElem::Embed(t) => write_type(out, t, d),
                }
            }
            out.push('}');
        }
        TypeExprKind::Paren(inner) => {
            out.push('(');
            write_type(out, inner, d);
            out.push(')');
        }
    }
}
