//! Field and method lookup through embedded fields (Go's depth rule and ambiguity), method sets and interface satisfaction.

use super::Checker;
use crate::types::{FuncId, Type, TypeId};

/// What `x.name` selects, found by [`Checker::lookup_field_or_method`].
#[derive(Clone, Debug)]
pub enum Selection {
    /// A field reached through embedded fields `path` (indices; the last is the field itself).
    Field {
        path: Vec<u32>,
        ty: TypeId,
    },
    /// A declared method of the named type reached via `path` (embedded hops).
    Method {
        path: Vec<u32>,
        recv: TypeId,
        func: FuncId,
        ptr_recv: bool,
        sig: TypeId,
        indirect: bool,
    },
    /// A method of an (embedded) interface value reached via `path`.
    IfaceMethod {
        path: Vec<u32>,
        index: u32,
        sig: TypeId,
    },
    NotFound,
    Ambiguous,
}

impl<'l> Checker<'l> {
    /// Go's lookup of `name` in `ty` (a value or pointer type), shallowest depth wins.
    pub(crate) fn lookup_field_or_method(&self, ty: TypeId, name: &str) -> Selection {
        let mut current: Vec<(TypeId, Vec<u32>, bool)> = vec![(ty, Vec::new(), false)];
        let mut seen: Vec<TypeId> = Vec::new();
        for _depth in 0..16 {
            let mut found: Vec<Selection> = Vec::new();
            let mut next = Vec::new();
            for (t, path, indirect) in &current {
                let (base, is_ptr) = match self.types.get(*t) {
                    Type::Pointer(elem) => (*elem, true),
                    _ => (*t, false),
                };
                let indirect = *indirect || is_ptr;
                if self.types.is_named(base) {
                    if seen.contains(&base) {
                        continue;
                    }
                    seen.push(base);
                    if let Some(named) = self.types.named_of(base) {
                        if let Some(m) = named.methods.iter().find(|m| &*m.name == name) {
                            found.push(Selection::Method {
                                path: path.clone(),
                                recv: base,
                                func: m.func,
                                ptr_recv: m.ptr_recv,
                                sig: m.sig,
                                indirect,
                            });
                            continue;
                        }
                    }
                }
                match self.types.under(base) {
                    Type::Struct(fields) => {
                        for (idx, f) in fields.iter().enumerate() {
                            let mut p = path.clone();
                            p.push(idx as u32);
                            if &*f.name == name {
                                found.push(Selection::Field {
                                    path: p.clone(),
                                    ty: f.ty,
                                });
                            }
                            if f.embedded {
                                next.push((f.ty, p, indirect));
                            }
                        }
                    }
                    Type::Interface(methods) if !is_ptr => {
                        if let Some(idx) = methods.iter().position(|m| &*m.name == name) {
                            found.push(Selection::IfaceMethod {
                                path: path.clone(),
                                index: idx as u32,
                                sig: methods[idx].sig,
                            });
                        }
                    }
                    _ => {}
                }
            }
            match found.len() {
                0 => {}
                1 => return found.pop().unwrap_or(Selection::NotFound),
                _ => return Selection::Ambiguous,
            }
            if next.is_empty() {
                break;
            }
            current = next;
        }
        Selection::NotFound
    }

    /// The package of the (unexported) field at the end of `path` from `ty`.
    pub(crate) fn field_pkg(&self, ty: TypeId, path: &[u32]) -> Option<String> {
        let mut cur = ty;
        let mut pkg = None;
        for &idx in path {
            if let Type::Pointer(elem) = self.types.get(cur) {
                cur = *elem;
            }
            let Type::Struct(fields) = self.types.under(cur) else {
                return None;
            };
            let field = fields.get(idx as usize)?;
            pkg = field.pkg.as_ref().map(|p| p.to_string());
            cur = field.ty;
        }
        pkg
    }

    /// Why `ty` does not implement interface `iface`, or `None` when it does.
    /// The text is Go's parenthesised reason: `missing method M`, `method M has pointer receiver`.
    pub(crate) fn missing_method(&self, ty: TypeId, iface: TypeId) -> Option<String> {
        let methods = self.types.iface_methods(iface).to_vec();
        let is_iface = self.types.is_interface(ty);
        for m in &methods {
            if is_iface {
                let have = self.types.iface_methods(ty);
                match have.iter().find(|h| h.name == m.name) {
                    Some(h) if self.types.identical(h.sig, m.sig) => continue,
                    Some(_) => return Some(format!("(wrong type for method {})", m.name)),
                    None => return Some(format!("(missing method {})", m.name)),
                }
            }
            match self.lookup_field_or_method(ty, &m.name) {
                Selection::Method {
                    sig,
                    ptr_recv,
                    indirect,
                    ..
                } => {
                    if !self.types.identical(sig, m.sig) {
                        return Some(format!("(wrong type for method {})", m.name));
                    }
                    if ptr_recv && !indirect {
                        return Some(format!("(method {} has pointer receiver)", m.name));
                    }
                }
                Selection::IfaceMethod { sig, .. } => {
                    if !self.types.identical(sig, m.sig) {
                        return Some(format!("(wrong type for method {})", m.name));
                    }
                }
                Selection::Field { .. } => return Some(format!("(missing method {})", m.name)),
                _ => {
                    // Go hints at a method with different case.
                    let lower = m.name.to_lowercase();
                    if let Some(named) = self.named_behind(ty) {
                        if let Some(other) = named.iter().find(|n| n.to_lowercase() == lower) {
                            return Some(format!("(missing method {})\n\t\thave {other}", m.name));
                        }
                    }
                    return Some(format!("(missing method {})", m.name));
                }
            }
        }
        None
    }

    fn named_behind(&self, ty: TypeId) -> Option<Vec<String>> {
        let base = match self.types.get(ty) {
            Type::Pointer(e) => *e,
            _ => ty,
        };
        self.types
            .named_of(base)
            .map(|n| n.methods.iter().map(|m| m.name.to_string()).collect())
    }

    /// Whether `ty` implements interface `iface`.
    pub(crate) fn implements(&self, ty: TypeId, iface: TypeId) -> bool {
        self.missing_method(ty, iface).is_none()
    }
}
