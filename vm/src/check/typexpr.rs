//! Type syntax to [`TypeId`]s: names, composite types, signatures, structs and interfaces.

use std::collections::HashSet;

use gomini_parser::ast;

use super::package::ObjKind;
use super::scope::Lookup;
use super::universe::Predeclared;
use super::Checker;
use crate::types::{ChanDir, Field, IfaceMethod, Signature, Type, TypeId};

impl<'l> Checker<'l> {
    /// The type written as `t`; `INVALID` (after reporting) when it is not one.
    pub(crate) fn resolve_type(&mut self, t: &ast::TypeExpr) -> TypeId {
        self.guarded(t.span, TypeId::INVALID, |c| c.resolve_type_inner(t))
    }

    fn resolve_type_inner(&mut self, t: &ast::TypeExpr) -> TypeId {
        match &t.kind {
            ast::TypeExprKind::Name { pkg: None, name } => self.resolve_type_name(name),
            ast::TypeExprKind::Name {
                pkg: Some(pkg),
                name,
            } => self.resolve_qualified_type(pkg, name),
            ast::TypeExprKind::Pointer(elem) => {
                let elem = self.resolve_type(elem);
                self.types.pointer(elem)
            }
            ast::TypeExprKind::Slice(elem) => {
                let elem = self.resolve_type(elem);
                self.types.slice(elem)
            }
            ast::TypeExprKind::Array { len, elem } => {
                let elem_ty = self.resolve_type(elem);
                let Some(len) = len else {
                    self.error(
                        t.span,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return TypeId::INVALID;
                };
                let Some(n) = self.array_len(len) else {
                    return TypeId::INVALID;
                };
                self.types.intern(Type::Array {
                    len: n,
                    elem: elem_ty,
                })
            }
            ast::TypeExprKind::Map { key, value } => {
                let k = self.resolve_type(key);
                let v = self.resolve_type(value);
                if k != TypeId::INVALID && !self.types.comparable(k) && !self.types.is_interface(k)
                {
                    self.error(key.span, format!("invalid map key type {}", self.ty_str(k)));
                }
                self.types.intern(Type::Map { key: k, value: v })
            }
            ast::TypeExprKind::Chan { dir, elem } => {
                let elem = self.resolve_type(elem);
                let dir = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.types.intern(Type::Chan { dir, elem })
            }
            ast::TypeExprKind::Func(sig) => self.resolve_signature(sig, None),
            ast::TypeExprKind::Struct(fields) => self.resolve_struct(fields),
            ast::TypeExprKind::Interface(elems) => self.resolve_interface(elems),
            ast::TypeExprKind::Paren(inner) => self.resolve_type(inner),
        }
    }

    /// The constant length of an array type.
    pub(crate) fn array_len(&mut self, len: &ast::Expr) -> Option<u64> {
        // Go does not count a variable in a bad array length as used.
        let used_before = self.fns.last().map(|f| f.used.clone());
        let op = self.expr(len, None);
        if !matches!(op.mode, super::operand::Mode::Const(_)) {
            if let (Some(f), Some(used)) = (self.fns.last_mut(), used_before) {
                f.used = used;
            }
        }
        match &op.mode {
            super::operand::Mode::Const(value) => {
                let is_int = self.types.basic(op.ty).is_some_and(|b| b.is_integer())
                    || (self.types.is_untyped(op.ty) && value.to_int().is_some());
                match value.to_int().and_then(|i| u64::try_from(i).ok()) {
                    Some(n) if is_int => Some(n),
                    _ => {
                        if value
                            .to_int()
                            .is_some_and(|i| i < num_bigint::BigInt::from(0))
                        {
                            self.error(
                                len.span,
                                format!(
                                    "invalid array length {} (untyped int constant)",
                                    super::exprstr::expr_string(len)
                                ),
                            );
                        } else {
                            self.error(
                                len.span,
                                format!("array length {} must be integer", self.describe(&op, len)),
                            );
                        }
                        None
                    }
                }
            }
            super::operand::Mode::Invalid => None,
            _ => {
                self.error(
                    len.span,
                    format!("invalid array length {}", super::exprstr::expr_string(len)),
                );
                None
            }
        }
    }

    fn resolve_type_name(&mut self, name: &ast::Ident) -> TypeId {
        match self.lookup(&name.name) {
            Lookup::Type(ty) => ty,
            Lookup::Obj(id) => {
                self.resolve_obj(id);
                match &self.objs[id.0 as usize].kind {
                    ObjKind::Type { ty } => *ty,
                    ObjKind::Invalid => TypeId::INVALID,
                    // Go does not count this as a use of the import.
                    ObjKind::Import { .. } => {
                        self.error(
                            name.span,
                            format!("{} (package name) is not a type", name.name),
                        );
                        TypeId::INVALID
                    }
                    ObjKind::Pending => {
                        // A type used within its own declaration before it exists (`type T = T`).
                        self.error(
                            name.span,
                            format!("invalid recursive type: {} refers to itself", name.name),
                        );
                        TypeId::INVALID
                    }
                    _ => {
                        self.error(name.span, format!("{} is not a type", name.name));
                        TypeId::INVALID
                    }
                }
            }
            Lookup::Predeclared(Predeclared::Type(ty)) => ty,
            Lookup::Predeclared(Predeclared::Complex) => {
                self.error(name.span, "complex numbers are not supported by gomini");
                TypeId::INVALID
            }
            Lookup::NotFound => {
                self.error(name.span, format!("undefined: {}", name.name));
                TypeId::INVALID
            }
            Lookup::Invalid => TypeId::INVALID,
            Lookup::Local(..) | Lookup::Const(..) | Lookup::Predeclared(_) => {
                self.error(name.span, format!("{} is not a type", name.name));
                TypeId::INVALID
            }
        }
    }

    fn resolve_qualified_type(&mut self, pkg: &ast::Ident, name: &ast::Ident) -> TypeId {
        let Some(&imp) = self.pkgs[self.cur_pkg].imports.get(&pkg.name) else {
            self.error(pkg.span, format!("undefined: {}", pkg.name));
            return TypeId::INVALID;
        };
        self.objs[imp.0 as usize].used = true;
        let ObjKind::Import { pkg: dep } = self.objs[imp.0 as usize].kind else {
            return TypeId::INVALID;
        };
        let Some(&obj) = self.pkgs[dep]
            .scope
            .get(&name.name)
            .filter(|_| is_exported(&name.name))
        else {
            self.error(name.span, format!("undefined: {}.{}", pkg.name, name.name));
            return TypeId::INVALID;
        };
        self.resolve_obj(obj);
        match self.objs[obj.0 as usize].kind {
            ObjKind::Type { ty } => ty,
            _ => {
                self.error(
                    name.span,
                    format!("{}.{} is not a type", pkg.name, name.name),
                );
                TypeId::INVALID
            }
        }
    }

    /// A func type; the last param's `...T` becomes `[]T` with `variadic` set.
    pub(crate) fn resolve_signature(
        &mut self,
        sig: &ast::FuncType,
        _recv: Option<TypeId>,
    ) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        for (idx, p) in sig.params.iter().enumerate() {
            let mut ty = self.resolve_type(&p.ty);
            if p.variadic {
                if idx + 1 != sig.params.len() {
                    let at =
                        gomini_lexer::Span::new(p.ty.span.start.saturating_sub(3), p.ty.span.start);
                    self.error(at, "can only use ... with final parameter");
                }
                ty = self.types.slice(ty);
                variadic = true;
            }
            params.push(ty);
        }
        let results = sig
            .results
            .iter()
            .map(|r| self.resolve_type(&r.ty))
            .collect();
        let names = |list: &[ast::Param]| -> Vec<Box<str>> {
            list.iter()
                .map_while(|p| p.name.as_ref().map(|n| n.name.clone()))
                .collect()
        };
        let (param_names, result_names) = (names(&sig.params), names(&sig.results));
        if param_names.is_empty() && result_names.is_empty() {
            return self.types.func(params, results, variadic);
        }
        // Go's messages print the names (`func(x int) (n int)`); identity
        // ignores them (the canonical form is the unnamed func type).
        self.types.intern(Type::NamedParamsFunc {
            sig: Signature {
                params,
                results,
                variadic,
            },
            param_names,
            result_names,
        })
    }

    fn resolve_struct(&mut self, decls: &[ast::FieldDecl]) -> TypeId {
        let mut fields: Vec<Field> = Vec::new();
        let mut seen = HashSet::new();
        let pkg = self.pkg_path().to_string();
        for decl in decls {
            let ty = self.resolve_type(&decl.ty);
            if decl.names.is_empty() {
                // Embedded: the field's name is the type name.
                let base = match &super::package::strip_paren(&decl.ty).kind {
                    ast::TypeExprKind::Pointer(inner) => super::package::strip_paren(inner),
                    _ => &decl.ty,
                };
                let name = match &base.kind {
                    ast::TypeExprKind::Name { name, .. } => name.clone(),
                    _ => {
                        self.error(decl.ty.span, "embedded field type must be a type name");
                        continue;
                    }
                };
                if matches!(self.types.get(ty), Type::Pointer(p) if self.types.is_interface(*p)) {
                    self.error(
                        decl.ty.span,
                        "embedded field type cannot be a pointer to an interface",
                    );
                }
                if !seen.insert(name.name.clone()) {
                    self.error(name.span, format!("{} redeclared", name.name));
                }
                let exported = is_exported(&name.name);
                fields.push(Field {
                    name: name.name.clone(),
                    ty,
                    embedded: true,
                    pkg: (!exported).then(|| pkg.clone().into()),
                });
                continue;
            }
            for name in &decl.names {
                if name.name.as_ref() != "_" && !seen.insert(name.name.clone()) {
                    self.error(name.span, format!("{} redeclared", name.name));
                }
                let exported = is_exported(&name.name);
                fields.push(Field {
                    name: name.name.clone(),
                    ty,
                    embedded: false,
                    pkg: (!exported).then(|| pkg.clone().into()),
                });
            }
        }
        self.types.intern(Type::Struct(fields))
    }

    fn resolve_interface(&mut self, elems: &[ast::InterfaceElem]) -> TypeId {
        let mut methods: Vec<IfaceMethod> = Vec::new();
        for elem in elems {
            match elem {
                ast::InterfaceElem::Method { name, sig } => {
                    let sig = self.resolve_signature(sig, None);
                    if methods.iter().any(|m| m.name == name.name) {
                        self.error(name.span, format!("duplicate method {}", name.name));
                        continue;
                    }
                    methods.push(IfaceMethod {
                        name: name.name.clone(),
                        sig,
                    });
                }
                ast::InterfaceElem::Embed(t) => {
                    let ty = self.resolve_type(t);
                    if ty == TypeId::INVALID {
                        continue;
                    }
                    if !self.types.is_interface(ty) {
                        self.error(
                            t.span,
                            format!(
                                "cannot use {} as interface: generics are not supported by gomini",
                                self.ty_str(ty)
                            ),
                        );
                        continue;
                    }
                    for m in self.types.iface_methods(ty).to_vec() {
                        match methods.iter().find(|x| x.name == m.name) {
                            Some(existing) if !self.types.identical(existing.sig, m.sig) => {
                                self.error(t.span, format!("duplicate method {}", m.name));
                            }
                            Some(_) => {}
                            None => methods.push(m),
                        }
                    }
                }
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        self.types.intern(Type::Interface(methods))
    }
}

pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}
