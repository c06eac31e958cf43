//! Packages and package-level declarations: imports, lazy resolution in any order, methods, and Go's variable initialisation order.

use crate::check::HashMap;

use gomini_lexer::Span;
use gomini_parser::ast;

use super::constant::Const;
use super::Checker;
use crate::hir::{self, GlobalId};
use crate::types::{FuncId, Method, Type, TypeId};

/// Supplies the source of library packages.
pub trait Loader {
    /// The parsed package, `None` if gomini does not provide `path`. The tree
    /// is the loader's for the whole process (stdlib parses each package once
    /// and keeps it), so the checker only borrows it.
    fn load(&self, path: &str) -> Option<Result<&'static ast::File, String>>;

    /// Package `path` when no user package imports it, only library packages:
    /// the loader may give the part of it those use (a start-up saving, see
    /// `stdlib::library_only_source`). By default the whole package.
    fn load_for_library(&self, path: &str) -> Option<Result<&'static ast::File, String>> {
        self.load(path)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// One package: its file, its package block and its imports.
pub struct Package<'l> {
    /// Import path (`main`, `sync/atomic`).
    pub path: String,
    /// Its name as written in `package NAME`.
    pub name: String,
    pub file: &'l ast::File,
    pub scope: HashMap<Box<str>, ObjId>,
    /// Objects in declaration order (for initialisation order and body checking).
    pub decl_order: Vec<ObjId>,
    /// The file's imports, by the name they bind.
    pub imports: HashMap<Box<str>, ObjId>,
    pub is_library: bool,
    /// `init` functions in source order.
    pub inits: Vec<FuncId>,
    /// Package vars' initialisation statements, in Go's order once computed.
    pub var_specs: Vec<VarSpecInit>,
    pub checked: bool,
}

/// A package-level `var` spec after checking: its statement and what it refers to.
pub struct VarSpecInit {
    pub objs: Vec<ObjId>,
    pub stmt: Option<hir::Stmt>,
    pub deps: Vec<ObjId>,
}

/// Where a package-level object is declared in its package's file.
#[derive(Clone, Copy, Debug)]
pub enum DeclRef {
    Const {
        decl: usize,
        spec: usize,
        idx: usize,
    },
    /// `idx` is the name's position in its spec (the spec is checked as a whole).
    Var {
        decl: usize,
        spec: usize,
        #[allow(dead_code)]
        idx: usize,
    },
    Type {
        decl: usize,
        spec: usize,
    },
    Func {
        decl: usize,
    },
    Import,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Unresolved,
    InProgress,
    Done,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Pending,
    Const { ty: TypeId, value: Const },
    Var { global: GlobalId, ty: TypeId },
    Type { ty: TypeId },
    Func { func: FuncId, sig: TypeId },
    Import { pkg: usize },
    Invalid,
}

/// A package-level name.
pub struct Object {
    pub name: Box<str>,
    pub pkg: usize,
    pub span: Span,
    pub kind: ObjKind,
    pub state: State,
    pub decl: DeclRef,
    /// Package vars and funcs this declaration refers to (for initialisation order).
    pub deps: Vec<ObjId>,
    /// An import was referred to.
    pub used: bool,
}

impl<'l> Checker<'l> {
    /// Registers the main file's package and its declarations.
    pub(crate) fn load_main(&mut self, file: &'l ast::File) -> usize {
        let name = file.package.name.to_string();
        self.add_package(name.clone(), name, file, false)
    }

    fn add_package(
        &mut self,
        path: String,
        name: String,
        file: &'l ast::File,
        is_library: bool,
    ) -> usize {
        let idx = self.pkgs.len();
        self.pkgs.push(Package {
            path: path.clone(),
            name,
            file,
            scope: HashMap::default(),
            decl_order: Vec::new(),
            imports: HashMap::default(),
            is_library,
            inits: Vec::new(),
            var_specs: Vec::new(),
            checked: false,
        });
        self.pkg_by_path.insert(path, idx);
        idx
    }

    fn new_obj(&mut self, pkg: usize, name: &ast::Ident, decl: DeclRef) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(Object {
            name: name.name.clone(),
            pkg,
            span: name.span,
            kind: ObjKind::Pending,
            state: State::Unresolved,
            decl,
            deps: Vec::new(),
            used: false,
        });
        id
    }

    fn declare_pkg_obj(&mut self, pkg: usize, name: &ast::Ident, decl: DeclRef) -> Option<ObjId> {
        if name.name.as_ref() == "_" {
            let id = self.new_obj(pkg, name, decl);
            self.pkgs[pkg].decl_order.push(id);
            return Some(id);
        }
        // Go's rule: `init`, and `main` in package main, may only be funcs; the
        // name is then left undeclared.
        let reserved = name.name.as_ref() == "init"
            || (name.name.as_ref() == "main" && self.pkgs[pkg].name == "main");
        if reserved && !matches!(decl, DeclRef::Func { .. } | DeclRef::Import) {
            self.error(
                name.span,
                format!("cannot declare {} - must be func", name.name),
            );
            return None;
        }
        if let Some(&prev) = self.pkgs[pkg].scope.get(&name.name) {
            let prev_span = self.objs[prev.0 as usize].span;
            let _ = prev_span;
            self.error(name.span, format!("{} redeclared in this block", name.name));
            return None;
        }
        if let Some(&imp) = self.pkgs[pkg].imports.get(&name.name) {
            let _ = imp;
            self.error(
                name.span,
                format!("{} already declared through import of package", name.name),
            );
        }
        let id = self.new_obj(pkg, name, decl);
        self.pkgs[pkg].scope.insert(name.name.clone(), id);
        self.pkgs[pkg].decl_order.push(id);
        Some(id)
    }

    /// Checks a whole package: imports first, then every declaration and body.
    pub(crate) fn check_package(&mut self, pkg: usize) {
        if self.pkgs[pkg].checked {
            return;
        }
        self.pkgs[pkg].checked = true;
        let saved = self.cur_pkg;
        self.cur_pkg = pkg;
        let file = self.pkgs[pkg].file;
        if file.package.name.as_ref() != "main" && !self.pkgs[pkg].is_library {
            self.error(file.package.span, "gomini runs only package main");
        }
        self.check_imports(pkg, file);
        self.cur_pkg = pkg;
        // Collect every package-level name before resolving any.
        let mut funcs = Vec::new();
        for (decl_idx, decl) in file.decls.iter().enumerate() {
            match decl {
                ast::Decl::Const(c) => {
                    for (spec_idx, spec) in c.specs.iter().enumerate() {
                        for (idx, name) in spec.names.iter().enumerate() {
                            self.declare_pkg_obj(
                                pkg,
                                name,
                                DeclRef::Const {
                                    decl: decl_idx,
                                    spec: spec_idx,
                                    idx,
                                },
                            );
                        }
                    }
                }
                ast::Decl::Var(v) => {
                    for (spec_idx, spec) in v.specs.iter().enumerate() {
                        for (idx, name) in spec.names.iter().enumerate() {
                            self.declare_pkg_obj(
                                pkg,
                                name,
                                DeclRef::Var {
                                    decl: decl_idx,
                                    spec: spec_idx,
                                    idx,
                                },
                            );
                        }
                    }
                }
                ast::Decl::Type(t) => {
                    for (spec_idx, spec) in t.specs.iter().enumerate() {
                        self.declare_pkg_obj(
                            pkg,
                            &spec.name,
                            DeclRef::Type {
                                decl: decl_idx,
                                spec: spec_idx,
                            },
                        );
                    }
                }
                ast::Decl::Func(f) => {
                    if f.recv.is_none()
                        && (f.name.name.as_ref() == "init" || f.name.name.as_ref() == "_")
                    {
                        funcs.push((decl_idx, None));
                        continue;
                    }
                    if f.recv.is_some() {
                        funcs.push((decl_idx, None));
                        continue;
                    }
                    if f.name.name.as_ref() == "main"
                        && (!f.sig.params.is_empty() || !f.sig.results.is_empty())
                    {
                        self.error(
                            f.name.span,
                            "func main must have no arguments and no return values",
                        );
                    }
                    let id = self.declare_pkg_obj(pkg, &f.name, DeclRef::Func { decl: decl_idx });
                    funcs.push((decl_idx, id));
                }
            }
        }
        // Types first, so that methods can be attached before anything asks for a method set.
        let order = self.pkgs[pkg].decl_order.clone();
        for &id in &order {
            if matches!(self.objs[id.0 as usize].decl, DeclRef::Type { .. }) {
                self.resolve_obj(id);
            }
        }
        let mut bodies = Vec::new();
        for &(decl_idx, obj) in &funcs {
            let ast::Decl::Func(f) = &file.decls[decl_idx] else {
                continue;
            };
            if f.recv.is_some() {
                if let Some(func) = self.declare_method(f) {
                    bodies.push((decl_idx, func, None));
                }
            } else if let Some(obj) = obj {
                self.resolve_obj(obj);
                if let ObjKind::Func { func, .. } = self.objs[obj.0 as usize].kind {
                    bodies.push((decl_idx, func, Some(obj)));
                }
            } else {
                // init or _: not in scope, but checked.
                let sig = self.resolve_signature(&f.sig, None);
                let func = self.new_func(&f.name.name, sig, f.span);
                if f.name.name.as_ref() == "init" {
                    if !f.sig.params.is_empty() || !f.sig.results.is_empty() {
                        self.error(
                            f.name.span,
                            "func init must have no arguments and no return values",
                        );
                    }
                    self.pkgs[pkg].inits.push(func);
                }
                bodies.push((decl_idx, func, None));
            }
        }
        for n in self.types.named.iter_mut() {
            n.methods.sort_by(|a, b| a.name.cmp(&b.name));
        }
        for &id in &order {
            self.resolve_obj(id);
        }
        for (decl_idx, func, obj) in bodies {
            let ast::Decl::Func(f) = &file.decls[decl_idx] else {
                continue;
            };
            self.cur_decl = obj;
            self.check_func_decl(f, func);
            self.cur_decl = None;
        }
        self.check_unused_imports(pkg);
        self.cur_pkg = saved;
    }

    /// Loads package `path` imported by package `importer`: only the part
    /// library packages use when neither the importer nor any user package
    /// imports it itself (see `Loader::load_for_library`).
    fn load_import(
        &self,
        importer: usize,
        path: &str,
    ) -> Option<Result<&'static ast::File, String>> {
        let user_imports = |p: &Package| {
            !p.is_library && p.file.imports.iter().any(|imp| imp.path.as_ref() == path)
        };
        if self.pkgs[importer].is_library && !self.pkgs.iter().any(user_imports) {
            self.loader.load_for_library(path)
        } else {
            self.loader.load(path)
        }
    }

    fn check_imports(&mut self, pkg: usize, file: &ast::File) {
        for imp in &file.imports {
            let path = imp.path.to_string();
            let supported = crate::stdlib::PACKAGES.contains(&path.as_str());
            if !supported {
                self.error(
                    imp.path_span,
                    format!("package {path} is not supported by gomini"),
                );
                continue;
            }
            let dep = match self.pkg_by_path.get(&path) {
                Some(&dep) => dep,
                None => match self.load_import(pkg, &path) {
                    Some(Ok(dep_file)) => {
                        let name = dep_file.package.name.to_string();
                        let dep = self.add_package(path.clone(), name, dep_file, true);
                        self.check_package(dep);
                        self.cur_pkg = pkg;
                        dep
                    }
                    Some(Err(msg)) => {
                        self.error(
                            imp.path_span,
                            format!(
                                "internal error: gomini's package {path} does not parse: {msg}"
                            ),
                        );
                        continue;
                    }
                    None => {
                        self.error(
                            imp.path_span,
                            format!("package {path} is not supported by gomini"),
                        );
                        continue;
                    }
                },
            };
            let bind = match &imp.alias {
                Some(alias) => alias.clone(),
                None => ast::Ident {
                    name: self.pkgs[dep].name.clone().into(),
                    span: imp.path_span,
                },
            };
            if bind.name.as_ref() == "_" || bind.name.as_ref() == "." {
                if bind.name.as_ref() == "." {
                    self.error(bind.span, "dot imports are not supported by gomini");
                }
                continue;
            }
            if self.pkgs[pkg].imports.contains_key(&bind.name) {
                self.error(bind.span, format!("{} redeclared in this block", bind.name));
                continue;
            }
            let id = self.new_obj(pkg, &bind, DeclRef::Import);
            self.objs[id.0 as usize].span = imp.path_span;
            self.objs[id.0 as usize].kind = ObjKind::Import { pkg: dep };
            self.objs[id.0 as usize].state = State::Done;
            self.pkgs[pkg].imports.insert(bind.name.clone(), id);
        }
    }

    fn check_unused_imports(&mut self, pkg: usize) {
        // Go reports unused imports last and stops after 10 errors, so with 10
        // errors already found it never gets to them.
        if !self.opts.unused_errors || self.diags.len() >= 10 {
            return;
        }
        let file = self.pkgs[pkg].file;
        let imports: Vec<ObjId> = self.pkgs[pkg].imports.values().copied().collect();
        for id in imports {
            let obj = &self.objs[id.0 as usize];
            if obj.used {
                continue;
            }
            let span = obj.span;
            let ObjKind::Import { pkg: dep } = obj.kind else {
                continue;
            };
            let imp = file.imports.iter().find(|i| i.path_span == span);
            let msg = match imp.and_then(|i| i.alias.as_ref()) {
                Some(alias) if alias.name.as_ref() != self.pkgs[dep].name => {
                    format!(
                        "{:?} imported as {} and not used",
                        self.pkgs[dep].path, alias.name
                    )
                }
                _ => format!("{:?} imported and not used", self.pkgs[dep].path),
            };
            self.error(span, msg);
        }
    }

    /// Allocates a function slot; its body is filled in when checked.
    pub(crate) fn new_func(&mut self, name: &str, sig: TypeId, span: Span) -> FuncId {
        let id = FuncId(self.funcs.len() as u32);
        let pkg = self.pkg_path().to_string();
        let pkg_name = pkg.rsplit('/').next().unwrap_or(&pkg).to_string();
        self.funcs.push(hir::Func {
            name: format!("{pkg_name}.{name}"),
            pkg,
            sig,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            locals: Vec::new(),
            captures: Vec::new(),
            body: None,
            native: None,
            span,
        });
        id
    }

    fn declare_method(&mut self, f: &ast::FuncDecl) -> Option<FuncId> {
        let recv = f.recv.as_ref()?;
        let (base_ty, ptr) = match &recv.ty.kind {
            ast::TypeExprKind::Pointer(inner) => (inner.as_ref(), true),
            _ => (&recv.ty, false),
        };
        let base_ty = strip_paren(base_ty);
        let ast::TypeExprKind::Name { pkg: None, name } = &base_ty.kind else {
            self.error(recv.ty.span, "invalid receiver type");
            return None;
        };
        let Some(&obj) = self.pkgs[self.cur_pkg].scope.get(&name.name) else {
            if let Some(super::universe::Predeclared::Type(_)) = self.universe.get(&*name.name) {
                self.error(
                    name.span,
                    format!("cannot define new methods on non-local type {}", name.name),
                );
            } else {
                self.error(name.span, format!("undefined: {}", name.name));
            }
            return None;
        };
        let ObjKind::Type { ty } = self.objs[obj.0 as usize].kind else {
            self.error(name.span, format!("{} is not a type", name.name));
            return None;
        };
        let Type::Named(named_idx) = *self.types.get(ty) else {
            self.error(
                name.span,
                format!(
                    "cannot define new methods on non-local type {}",
                    self.ty_str(ty)
                ),
            );
            return None;
        };
        if matches!(self.types.under(ty), Type::Pointer(_) | Type::Interface(_)) {
            self.error(name.span, format!("invalid receiver type {}", name.name));
            return None;
        }
        let sig = self.resolve_signature(&f.sig, None);
        let type_name = name.name.to_string();
        let display = if ptr {
            format!("(*{type_name}).{}", f.name.name)
        } else {
            format!("{type_name}.{}", f.name.name)
        };
        let func = self.new_func(&display, sig, f.span);
        let named = &self.types.named[named_idx as usize];
        if named.methods.iter().any(|m| m.name == f.name.name) {
            self.error(
                f.name.span,
                format!("method {}.{} already declared", type_name, f.name.name),
            );
            return None;
        }
        if let Type::Struct(fields) = self.types.under(ty) {
            if fields.iter().any(|fl| fl.name == f.name.name) {
                self.error(
                    f.name.span,
                    format!("field and method with the same name {}", f.name.name),
                );
                return None;
            }
        }
        self.types.named[named_idx as usize].methods.push(Method {
            name: f.name.name.clone(),
            ptr_recv: ptr,
            sig,
            func,
        });
        Some(func)
    }

    /// Resolves a package-level object's declaration if it is not resolved yet.
    pub(crate) fn resolve_obj(&mut self, id: ObjId) {
        let obj = &self.objs[id.0 as usize];
        match obj.state {
            State::Done => return,
            State::InProgress => {
                if matches!(obj.decl, DeclRef::Const { .. } | DeclRef::Var { .. }) {
                    let (span, name) = (obj.span, obj.name.clone());
                    self.error(span, format!("initialization cycle for {name}"));
                    self.objs[id.0 as usize].kind = ObjKind::Invalid;
                    self.objs[id.0 as usize].state = State::Done;
                }
                return;
            }
            State::Unresolved => {}
        }
        let pkg = obj.pkg;
        let decl = obj.decl;
        self.objs[id.0 as usize].state = State::InProgress;
        let saved_pkg = self.cur_pkg;
        let saved_decl = self.cur_decl;
        let saved_fns = std::mem::take(&mut self.fns);
        let saved_scopes = std::mem::take(&mut self.scopes);
        self.cur_pkg = pkg;
        self.cur_decl = Some(id);
        let file = self.pkgs[pkg].file;
        match decl {
            DeclRef::Const { decl, spec, idx } => {
                let ast::Decl::Const(c) = &file.decls[decl] else {
                    unreachable_decl()
                };
                let (ty, value) = self.eval_const_spec(&c.specs, spec, idx);
                self.objs[id.0 as usize].kind = match value {
                    Some(value) => ObjKind::Const { ty, value },
                    None => ObjKind::Invalid,
                };
            }
            DeclRef::Var { decl, spec, .. } => {
                let ast::Decl::Var(v) = &file.decls[decl] else {
                    unreachable_decl()
                };
                self.resolve_var_spec(pkg, decl, &v.specs[spec]);
            }
            DeclRef::Type { decl, spec } => {
                let ast::Decl::Type(t) = &file.decls[decl] else {
                    unreachable_decl()
                };
                self.resolve_type_spec(id, &t.specs[spec]);
            }
            DeclRef::Func { decl } => {
                let ast::Decl::Func(f) = &file.decls[decl] else {
                    unreachable_decl()
                };
                let sig = self.resolve_signature(&f.sig, None);
                let func = self.new_func(&f.name.name, sig, f.span);
                self.objs[id.0 as usize].kind = ObjKind::Func { func, sig };
            }
            DeclRef::Import => {}
        }
        self.objs[id.0 as usize].state = State::Done;
        self.fns = saved_fns;
        self.scopes = saved_scopes;
        self.cur_pkg = saved_pkg;
        self.cur_decl = saved_decl;
    }

    fn resolve_type_spec(&mut self, id: ObjId, spec: &ast::TypeSpec) {
        if spec.alias {
            let ty = self.resolve_type(&spec.ty);
            self.objs[id.0 as usize].kind = ObjKind::Type { ty };
            return;
        }
        let path = self.pkg_path().to_string();
        let ty = self.types.new_named(&path, &spec.name.name);
        self.objs[id.0 as usize].kind = ObjKind::Type { ty };
        let under_src = self.resolve_type(&spec.ty);
        let under = self.types.underlying_spelled(under_src);
        let Type::Named(idx) = *self.types.get(ty) else {
            return;
        };
        self.types.named[idx as usize].underlying = under;
        if self.contains_by_value(under, ty, 0) {
            let direct = self.contains_directly(under, ty, 0);
            let msg = if direct {
                format!(
                    "invalid recursive type: {} refers to itself",
                    spec.name.name
                )
            } else {
                format!("invalid recursive type {}", spec.name.name)
            };
            self.error(spec.name.span, msg);
            self.types.named[idx as usize].underlying = TypeId::INVALID;
        }
    }

    /// Whether `ty` holds `target` inline without passing through another named type.
    fn contains_directly(&self, ty: TypeId, target: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        if ty == target {
            return true;
        }
        match self.types.get(ty) {
            Type::Array { elem, .. } => self.contains_directly(*elem, target, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .any(|f| self.contains_directly(f.ty, target, depth + 1)),
            _ => false,
        }
    }

    /// Whether `ty` holds a `target` inline (not behind a pointer, slice, map, func or chan).
    fn contains_by_value(&self, ty: TypeId, target: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        if ty == target {
            return true;
        }
        match self.types.get(ty) {
            Type::Array { elem, .. } => self.contains_by_value(*elem, target, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .any(|f| self.contains_by_value(f.ty, target, depth + 1)),
            Type::Named(_) => {
                let under = self.types.underlying(ty);
                under != ty && self.contains_by_value(under, target, depth + 1)
            }
            _ => false,
        }
    }

    /// Records that the declaration being checked refers to package-level `obj`.
    pub(crate) fn note_dep(&mut self, obj: ObjId) {
        if let Some(cur) = self.cur_decl {
            if cur != obj && !self.objs[cur.0 as usize].deps.contains(&obj) {
                self.objs[cur.0 as usize].deps.push(obj);
            }
        }
    }

    /// Package vars' initialisation in Go's order: packages in dependency order,
    /// and within one, repeatedly the first spec in source order whose
    /// dependencies (seen through function bodies) are all initialised.
    pub(crate) fn init_order(&mut self) -> Vec<hir::Stmt> {
        let mut out = Vec::new();
        for pkg_idx in self.package_order() {
            let specs = std::mem::take(&mut self.pkgs[pkg_idx].var_specs);
            let mut pending: Vec<(Vec<ObjId>, Option<hir::Stmt>, Vec<ObjId>)> = specs
                .into_iter()
                .map(|s| {
                    let mut deps = Vec::new();
                    for d in &s.deps {
                        self.var_deps(*d, &mut deps, &mut Vec::new());
                    }
                    (s.objs, s.stmt, deps)
                })
                .collect();
            let mut done: Vec<ObjId> = Vec::new();
            while !pending.is_empty() {
                let all: Vec<ObjId> = pending.iter().flat_map(|p| p.0.clone()).collect();
                let pick = pending
                    .iter()
                    .position(|(objs, _, deps)| {
                        deps.iter()
                            .all(|d| !all.contains(d) || objs.contains(d) || done.contains(d))
                    })
                    .unwrap_or(0);
                let (objs, stmt, _) = pending.remove(pick);
                done.extend(objs);
                if let Some(stmt) = stmt {
                    out.push(stmt);
                }
            }
            for &init in &self.pkgs[pkg_idx].inits {
                let sig = self.funcs[init.0 as usize].sig;
                let span = self.funcs[init.0 as usize].span;
                let call = hir::Call {
                    callee: hir::Callee::Static(init),
                    args: Vec::new(),
                    spread: false,
                    tuple_arg: false,
                    sig,
                };
                out.push(hir::Stmt {
                    kind: hir::StmtKind::Expr(hir::Expr {
                        kind: hir::ExprKind::Call(Box::new(call)),
                        ty: TypeId::VOID,
                        span,
                    }),
                    span,
                });
            }
        }
        out
    }

    /// The package vars `obj` depends on, through function bodies.
    fn var_deps(&self, obj: ObjId, out: &mut Vec<ObjId>, seen: &mut Vec<ObjId>) {
        if seen.contains(&obj) {
            return;
        }
        seen.push(obj);
        match self.objs[obj.0 as usize].kind {
            ObjKind::Var { .. } => out.push(obj),
            ObjKind::Func { .. } => {
                for &d in &self.objs[obj.0 as usize].deps {
                    self.var_deps(d, out, seen);
                }
            }
            _ => {}
        }
    }

    /// Packages with each import before its importers.
    fn package_order(&self) -> Vec<usize> {
        let mut order = Vec::new();
        fn visit(c: &Checker, pkg: usize, order: &mut Vec<usize>) {
            if order.contains(&pkg) {
                return;
            }
            let mut deps: Vec<usize> = c.pkgs[pkg]
                .imports
                .values()
                .filter_map(|id| match c.objs[id.0 as usize].kind {
                    ObjKind::Import { pkg } => Some(pkg),
                    _ => None,
                })
                .collect();
            deps.sort();
            for d in deps {
                visit(c, d, order);
            }
            order.push(pkg);
        }
        for pkg in 0..self.pkgs.len() {
            visit(self, pkg, &mut order);
        }
        order
    }
}

pub fn strip_paren(t: &ast::TypeExpr) -> &ast::TypeExpr {
    match &t.kind {
        ast::TypeExprKind::Paren(inner) => strip_paren(inner),
        _ => t,
    }
}

fn unreachable_decl() -> ! {
    panic!("checker invariant: a DeclRef points at a declaration of another kind")
}
