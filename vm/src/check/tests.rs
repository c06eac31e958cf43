//! Unit tests of the checker's hard corners that need no parser: assignability, method sets, operand wording.

use gomini_parser::ast;

use super::operand::{Mode, Operand};
use super::{Checker, Loader, Options};
use crate::hir::ExprKind;
use crate::types::{FuncId, IfaceMethod, Method, Type, TypeId};

struct NoLibrary;

impl Loader for NoLibrary {
    fn load(&self, _path: &str) -> Option<Result<&'static ast::File, String>> {
        None
    }
}

fn checker() -> Checker<'static> {
    let mut c = Checker::new(Options::default(), &NoLibrary);
    let file = ast::File {
        package: ast::Ident {
            name: "main".into(),
            span: Default::default(),
        },
        imports: Vec::new(),
        decls: Vec::new(),
    };
    // One small tree per test, for the test process's life.
    c.load_main(Box::leak(Box::new(file)));
    c
}

/// `type T struct{}` with method `M() int` on a value or pointer receiver, and `interface{ M() int }`.
fn t_with_method(c: &mut Checker, ptr_recv: bool) -> (TypeId, TypeId) {
    let t = c.types.new_named("main", "T");
    let st = c.types.intern(Type::Struct(Vec::new()));
    let Type::Named(idx) = *c.types.get(t) else {
        unreachable!()
    };
    c.types.named[idx as usize].underlying = st;
    let sig = c.types.func(Vec::new(), vec![TypeId::INT], false);
    c.types.named[idx as usize].methods.push(Method {
        name: "M".into(),
        ptr_recv,
        sig,
        func: FuncId(0),
    });
    let iface = c.types.intern(Type::Interface(vec![IfaceMethod {
        name: "M".into(),
        sig,
    }]));
    (t, iface)
}

#[test]
fn method_sets_follow_receivers() {
    let mut c = checker();
    let (t, iface) = t_with_method(&mut c, true);
    let pt = c.types.pointer(t);
    assert_eq!(
        c.missing_method(t, iface).as_deref(),
        Some("(method M has pointer receiver)")
    );
    assert!(c.implements(pt, iface));
    let mut c = checker();
    let (t, iface) = t_with_method(&mut c, false);
    let pt = c.types.pointer(t);
    assert!(c.implements(t, iface));
    assert!(c.implements(pt, iface));
    assert_eq!(
        c.missing_method(TypeId::INT, iface).as_deref(),
        Some("(missing method M)")
    );
}

#[test]
fn assignability() {
    let mut c = checker();
    let ints = c.types.slice(TypeId::INT);
    let named = c.types.new_named("main", "Ints");
    let Type::Named(idx) = *c.types.get(named) else {
        unreachable!()
    };
    c.types.named[idx as usize].underlying = ints;
    assert!(
        c.assignable_type(ints, named),
        "unnamed to named with identical underlying"
    );
    assert!(!c.assignable_type(TypeId::INT, TypeId::INT64));
    assert!(c.assignable_type(TypeId::UNTYPED_NIL, ints));
    assert!(!c.assignable_type(TypeId::UNTYPED_NIL, TypeId::INT));
    assert!(c.assignable_type(TypeId::INT, TypeId::EMPTY_INTERFACE));
    assert!(
        c.assignable_type(TypeId::UNTYPED_FLOAT, TypeId::INT),
        "representability is checked separately"
    );
    assert!(!c.assignable_type(TypeId::UNTYPED_STRING, TypeId::INT));
}

#[test]
fn operands_are_described_as_go_does() {
    let mut c = checker();
    let span = Default::default();
    let var = Operand::new(Mode::Var, TypeId::INT, ExprKind::Nil, span);
    assert_eq!(c.describe_text(&var, "x"), "x (variable of type int)");
    let k = Operand::new(
        Mode::Const(super::constant::Const::int(300)),
        TypeId::UNTYPED_INT,
        ExprKind::Nil,
        span,
    );
    assert_eq!(c.describe_text(&k, "300"), "300 (untyped int constant)");
    assert_eq!(c.describe_text(&k, "big"), "big (untyped int constant 300)");
    let typed = Operand::new(
        Mode::Const(super::constant::Const::int(1)),
        TypeId::INT,
        ExprKind::Nil,
        span,
    );
    assert_eq!(c.describe_text(&typed, "1"), "1 (constant of type int)");
    let (t, _) = t_with_method(&mut c, false);
    let v = Operand::new(Mode::Value, t, ExprKind::Nil, span);
    assert_eq!(c.describe_text(&v, "T{}"), "T{} (value of struct type T)");
}

#[test]
fn constant_overflow_is_reported_in_go_words() {
    let mut c = checker();
    c.push_fn(FuncId(0), Vec::new());
    let e = ast::Expr {
        kind: ast::ExprKind::Int("300".into()),
        span: gomini_lexer::Span::new(5, 8),
    };
    let op = c.expr(&e, None);
    let _ = c.assign_to(op, &e, TypeId::UINT8, "assignment");
    let msgs: Vec<&str> = c.diags.iter().map(|d| d.message.as_str()).collect();
    // FIXME: Go prints `byte` when the type was written as byte; gomini prints uint8.
    assert_eq!(
        msgs,
        ["cannot use 300 (untyped int constant) as uint8 value in assignment (overflows)"]
    );
}
