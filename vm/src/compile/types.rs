//! Checker types lowered to the runtime's `RtTypes`, plus what code generation asks of a type: zero value, integer kind, layout.

use crate::op::Op;
use crate::program::FuncBuilder;
use crate::rtype::{
    ChanDir as RtChanDir, IntKind, RtField, RtKind, RtMethod, RtMethodSig, RtType, RtTypeId,
};
use crate::types::{Basic, ChanDir, Style, Type, TypeId};
use crate::value::Value;

use super::{Compiler, FuncId};

/// Zero values holding more values than this are not built by the compiler
/// (64M values, over 1 GiB in gomini): see `emit_zero`.
const MAX_ZERO_VALUES: u64 = 1 << 26;

/// How values of a type are represented, as code generation cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    Bool,
    Int(IntKind),
    Float32,
    Float64,
    String,
    /// Struct or array: `Value::Agg`, copied where Go copies.
    Agg,
    Interface,
    /// Pointers, slices, maps, funcs, chans: nil-able references.
    Ref,
}

impl Compiler<'_> {
    pub fn repr(&self, ty: TypeId) -> Repr {
        let t = &self.hir.types;
        match t.under(ty) {
            Type::Basic(b) => match b {
                Basic::Bool | Basic::UntypedBool => Repr::Bool,
                Basic::String | Basic::UntypedString => Repr::String,
                Basic::Float32 => Repr::Float32,
                Basic::Float64 | Basic::UntypedFloat => Repr::Float64,
                Basic::UntypedNil | Basic::Invalid => Repr::Ref,
                b => Repr::Int(int_kind(*b)),
            },
            Type::Array { .. } | Type::Struct(_) => Repr::Agg,
            Type::Interface(_) => Repr::Interface,
            _ => Repr::Ref,
        }
    }

    pub fn is_agg(&self, ty: TypeId) -> bool {
        self.repr(ty) == Repr::Agg
    }

    /// The zero value of `ty` as a constant; aggregates must be `CopyAgg`'d after loading.
    pub fn zero_value(&self, ty: TypeId) -> Value {
        let t = &self.hir.types;
        match t.under(ty) {
            Type::Array { len, elem } => {
                let z = self.zero_value(*elem);
                Value::agg((0..*len).map(|_| z.deep_copy()).collect())
            }
            Type::Struct(fields) => {
                Value::agg(fields.iter().map(|f| self.zero_value(f.ty)).collect())
            }
            _ => match self.repr(ty) {
                Repr::Bool => Value::Bool(false),
                Repr::Int(_) => Value::Int(0),
                Repr::Float32 | Repr::Float64 => Value::Float(0.0),
                Repr::String => Value::str(Vec::new()),
                _ => Value::Nil,
            },
        }
    }

    /// How many values the zero value of `ty` holds, nested aggregates
    /// included (saturating): what building it costs.
    fn zero_size(&self, ty: TypeId) -> u64 {
        match self.hir.types.under(ty) {
            Type::Array { len, elem } => {
                len.saturating_mul(self.zero_size(*elem)).saturating_add(1)
            }
            Type::Struct(fields) => fields
                .iter()
                .fold(1u64, |n, f| n.saturating_add(self.zero_size(f.ty))),
            _ => 1,
        }
    }

    /// Emits `dst = zero value of ty` (a fresh aggregate for structs and arrays).
    pub fn emit_zero(&self, fb: &mut FuncBuilder, ty: TypeId, dst: u16, span: gomini_lexer::Span) {
        if self.zero_size(ty) > MAX_ZERO_VALUES {
            // Go allocates such a value when it runs and dies out of memory; gomini
            // would build it here. Instead the code asks for a slice no machine
            // holds, which ends the run in Go's out-of-memory fatal error (limits.rs).
            // The registers after `dst` are clobbered: nothing runs after it.
            fb.reserve(dst.saturating_add(3));
            fb.emit(Op::LoadInt { dst, val: 1 << 20 }, span);
            fb.emit(
                Op::MulInt {
                    dst,
                    a: dst,
                    b: dst,
                },
                span,
            );
            fb.emit(Op::LoadNil { dst: dst + 1 }, span);
            fb.emit(Op::LoadNil { dst: dst + 2 }, span);
            fb.emit(Op::MakeSlice { dst, args: dst }, span);
            return;
        }
        match self.repr(ty) {
            Repr::Bool => {
                fb.emit(Op::LoadBool { dst, val: false }, span);
            }
            Repr::Int(_) => {
                fb.emit(Op::LoadInt { dst, val: 0 }, span);
            }
            Repr::Interface | Repr::Ref => {
                fb.emit(Op::LoadNil { dst }, span);
            }
            Repr::Agg => {
                let k = fb.constant(self.zero_value(ty));
                fb.emit(Op::LoadConst { dst, idx: k }, span);
                fb.emit(Op::CopyAgg { dst, src: dst }, span);
            }
            _ => {
                let k = fb.constant(self.zero_value(ty));
                fb.emit(Op::LoadConst { dst, idx: k }, span);
            }
        }
    }

    /// The runtime type of `ty`, lowering it (and what it refers to) on first use.
    pub fn rt(&mut self, ty: TypeId) -> RtTypeId {
        if let Some(id) = self.rt_types.get(&ty) {
            return *id;
        }
        // `byte`/`rune` and types spelled with them are the runtime types of
        // `uint8`/`int32`: `%T` prints `[]uint8` and `[]byte` asserts as `[]uint8`.
        let canonical = self.hir.types.canonical(ty);
        if canonical != ty {
            let id = self.rt(canonical);
            self.rt_types.insert(ty, id);
            return id;
        }
        // Fixed runtime ids for the types the runtime itself produces.
        let fixed = match ty {
            TypeId::BOOL => Some(RtTypeId::BOOL),
            TypeId::INT => Some(RtTypeId::INT),
            TypeId::FLOAT64 => Some(RtTypeId::FLOAT64),
            TypeId::STRING => Some(RtTypeId::STRING),
            TypeId::EMPTY_INTERFACE => Some(RtTypeId::ANY),
            TypeId::ERROR => Some(RtTypeId::ERROR),
            _ => None,
        };
        // The signatures of the runtime's own methods (Error, RuntimeError),
        // so that method signatures compare by id with user types'.
        let fixed = fixed.or_else(|| match self.hir.types.get(ty) {
            Type::Func(sig) if sig.params.is_empty() && !sig.variadic => match sig.results[..] {
                [] => Some(RtTypeId::FUNC_VOID),
                [TypeId::STRING] => Some(RtTypeId::FUNC_STRING),
                _ => None,
            },
            _ => None,
        });
        if let Some(id) = fixed {
            self.rt_types.insert(ty, id);
            return id;
        }
        let types = &self.hir.types;
        let name = match types.get(ty) {
            Type::Named(_) => Some(types.display(ty, Style::Runtime)),
            Type::Basic(_) => Some(types.display(ty, Style::Runtime)),
            // An interface literal with methods prints with their signatures
            // (`interface { Timeout() bool }`), which only the checker knows.
            Type::Interface(ms) if !ms.is_empty() => Some(types.display(ty, Style::Runtime)),
            _ => None,
        };
        // Reserve the id first: a named type may refer to itself.
        let id = self.pb.types.add(RtType {
            name: name.clone(),
            kind: RtKind::Bool,
            methods: Vec::new(),
        });
        self.rt_types.insert(ty, id);
        let kind = match types.under(ty).clone() {
            Type::Basic(b) => match b {
                Basic::Bool | Basic::UntypedBool => RtKind::Bool,
                Basic::String | Basic::UntypedString => RtKind::String,
                Basic::Float32 => RtKind::Float32,
                Basic::Float64 | Basic::UntypedFloat => RtKind::Float64,
                Basic::UntypedNil | Basic::Invalid => RtKind::Interface { methods: vec![] },
                b => RtKind::Int(int_kind(b)),
            },
            Type::Array { len, elem } => RtKind::Array {
                elem: self.rt(elem),
                len: len as u32,
            },
            Type::Slice(elem) => RtKind::Slice {
                elem: self.rt(elem),
            },
            Type::Map { key, value } => RtKind::Map {
                key: self.rt(key),
                val: self.rt(value),
            },
            Type::Chan { dir, elem } => RtKind::Chan {
                elem: self.rt(elem),
                dir: match dir {
                    ChanDir::Both => RtChanDir::Both,
                    ChanDir::Send => RtChanDir::Send,
                    ChanDir::Recv => RtChanDir::Recv,
                },
            },
            Type::Func(_) => RtKind::Func {
                signature: self.hir.types.display(types.underlying(ty), Style::Runtime),
            },
            Type::Pointer(elem) => RtKind::Pointer {
                elem: self.rt(elem),
            },
            Type::Struct(fields) => RtKind::Struct {
                fields: fields
                    .iter()
                    .map(|f| RtField {
                        name: f.name.to_string(),
                        ty: self.rt(f.ty),
                        embedded: f.embedded,
                    })
                    .collect(),
            },
            Type::Interface(methods) => RtKind::Interface {
                methods: methods
                    .iter()
                    .map(|m| RtMethodSig {
                        name: m.name.to_string(),
                        sig: self.rt(m.sig),
                    })
                    .collect(),
            },
            // `under` resolves names and aliases, and `ty` is canonical here.
            Type::Named(_)
            | Type::Tuple(_)
            | Type::Alias(_)
            | Type::Any
            | Type::NamedParamsFunc { .. } => RtKind::Interface { methods: vec![] },
        };
        self.pb.types.types[id.0 as usize].kind = kind;
        // Method sets are filled in at the end, when every method is compiled.
        let has_methods = match types.get(ty) {
            Type::Named(_) => !types.is_interface(ty),
            Type::Pointer(elem) => matches!(types.get(*elem), Type::Named(_)),
            _ => false,
        };
        if has_methods {
            self.method_owners.push((ty, id));
        }
        id
    }

    /// Fills in the method tables of every lowered named type (and pointer to
    /// one), compiling the methods; repeats while that lowers more types.
    pub fn fill_method_tables(&mut self) {
        self.runtime_error_methods();
        let mut done = 0;
        while done < self.method_owners.len() {
            let (ty, id) = self.method_owners[done];
            done += 1;
            let (named_ty, is_ptr) = match self.hir.types.get(ty) {
                Type::Pointer(elem) => (*elem, true),
                _ => (ty, false),
            };
            let set = self.method_set(named_ty, is_ptr, 0);
            let mut methods: Vec<RtMethod> = set
                .into_iter()
                .map(|m| RtMethod {
                    name: m.name,
                    sig: self.rt(m.sig),
                    func: m.idx,
                })
                .collect();
            methods.sort_by(|a, b| a.name.cmp(&b.name));
            self.pb.types.types[id.0 as usize].methods = methods;
            self.drain();
        }
    }

    /// Adds to `promoted` the methods of the interface embedded as field
    /// `field` of struct type `ty`: each wrapper loads the field and calls the
    /// method through it (a nil field panics there, as in Go).
    fn promote_iface_methods(
        &mut self,
        ty: TypeId,
        field: u16,
        iface_ty: TypeId,
        declared: &[String],
        promoted: &mut Vec<MethodEntry>,
    ) {
        let span = gomini_lexer::Span::default();
        for m in self.hir.types.iface_methods(iface_ty).to_vec() {
            let name = m.name.to_string();
            if declared.contains(&name) || promoted.iter().any(|p| p.name == name) {
                continue;
            }
            let Some(sig) = self.hir.types.signature(m.sig) else {
                continue;
            };
            let n_params = sig.params.len() as u16 + 1;
            let n_results = sig.results.len() as u16;
            let method = self.pb.method_name(&name);
            let mut fb = FuncBuilder::new(
                format!("{}.{}", self.hir.types.display(ty, Style::Runtime), name),
                n_params,
                n_results,
            );
            fb.mark_wrapper();
            fb.emit(
                Op::LoadField {
                    dst: 0,
                    agg: 0,
                    field,
                },
                span,
            );
            fb.emit(
                Op::CallMethod {
                    base: 0,
                    name: method,
                },
                span,
            );
            fb.emit(
                Op::Return {
                    src: 0,
                    n: n_results,
                },
                span,
            );
            let idx = self.pb.declare();
            self.pb.define(idx, fb.finish());
            promoted.push(MethodEntry {
                name,
                sig: m.sig,
                idx,
                n_params,
                n_results,
            });
        }
    }

    /// Gives the runtime's own error types (runtime errors, `errors.New`'s
    /// `*errors.errorString`) their `Error` method, and runtime errors their
    /// `RuntimeError` marker, so that `err.Error()` through an interface works.
    /// Their value is the message itself, so `Error` returns its receiver.
    fn runtime_error_methods(&mut self) {
        let span = gomini_lexer::Span::default();
        let mut error_fb = FuncBuilder::new("runtime.errorString.Error", 1, 1);
        error_fb.reserve(1);
        error_fb.emit(Op::Return { src: 0, n: 1 }, span);
        let error_fn = self.pb.declare();
        self.pb.define(error_fn, error_fb.finish());
        let mut marker_fb = FuncBuilder::new("runtime.errorString.RuntimeError", 1, 0);
        marker_fb.reserve(1);
        marker_fb.emit(Op::Return { src: 0, n: 0 }, span);
        let marker_fn = self.pb.declare();
        self.pb.define(marker_fn, marker_fb.finish());
        for ty in &mut self.pb.types.types {
            match ty.kind {
                RtKind::RuntimeError => {
                    ty.methods = vec![
                        RtMethod {
                            name: "Error".into(),
                            sig: RtTypeId::FUNC_STRING,
                            func: error_fn,
                        },
                        RtMethod {
                            name: "RuntimeError".into(),
                            sig: RtTypeId::FUNC_VOID,
                            func: marker_fn,
                        },
                    ]
                }
                RtKind::ErrorString => {
                    ty.methods = vec![RtMethod {
                        name: "Error".into(),
                        sig: RtTypeId::FUNC_STRING,
                        func: error_fn,
                    }]
                }
                _ => {}
            }
        }
    }

    /// The method set of named type `ty` (of `*ty` when `ptr`): declared
    /// methods, then those promoted from embedded fields through wrappers
    /// that reach the embedded value first. Shallower names win.
    fn method_set(&mut self, ty: TypeId, ptr: bool, depth: u32) -> Vec<MethodEntry> {
        let mut set: Vec<MethodEntry> = Vec::new();
        let Some(named) = self.hir.types.named_of(ty) else {
            return set;
        };
        for m in named.methods.clone() {
            if m.ptr_recv && !ptr {
                continue;
            }
            let idx = if ptr && !m.ptr_recv {
                self.ptr_wrapper(m.func, ty)
            } else if !m.ptr_recv && depth == 0 {
                // Promoted methods' wrappers (depth > 0) copy the field already.
                self.iface_value_method(m.func, ty)
            } else {
                self.func_index(m.func)
            };
            let f = &self.hir.funcs[m.func.0 as usize];
            set.push(MethodEntry {
                name: m.name.to_string(),
                sig: m.sig,
                idx,
                n_params: f.params.len() as u16,
                n_results: f.results.len() as u16,
            });
        }
        if depth > 8 {
            return set;
        }
        let Type::Struct(fields) = self.hir.types.under(ty).clone() else {
            return set;
        };
        let declared: Vec<String> = set.iter().map(|m| m.name.clone()).collect();
        let mut promoted: Vec<MethodEntry> = Vec::new();
        for (i, f) in fields.iter().enumerate().filter(|(_, f)| f.embedded) {
            let (inner_ty, by_ptr) = match self.hir.types.get(f.ty) {
                Type::Pointer(e) => (*e, true),
                _ => (f.ty, false),
            };
            if self.hir.types.is_interface(inner_ty) {
                self.promote_iface_methods(ty, i as u16, inner_ty, &declared, &mut promoted);
                continue;
            }
            let inner_ptr = by_ptr || ptr;
            for m in self.method_set(inner_ty, inner_ptr, depth + 1) {
                if declared.contains(&m.name) || promoted.iter().any(|p| p.name == m.name) {
                    continue;
                }
                let span = gomini_lexer::Span::default();
                let mut fb = FuncBuilder::new(
                    format!("{}.{}", self.hir.types.display(ty, Style::Runtime), m.name),
                    m.n_params,
                    m.n_results,
                );
                fb.mark_wrapper();
                let field = i as u16;
                if by_ptr {
                    fb.emit(
                        Op::LoadField {
                            dst: 0,
                            agg: 0,
                            field,
                        },
                        span,
                    );
                } else if ptr {
                    fb.emit(
                        Op::AddrField {
                            dst: 0,
                            agg: 0,
                            field,
                        },
                        span,
                    );
                } else {
                    fb.emit(
                        Op::LoadField {
                            dst: 0,
                            agg: 0,
                            field,
                        },
                        span,
                    );
                    if self.is_agg(inner_ty) {
                        fb.emit(Op::CopyAgg { dst: 0, src: 0 }, span);
                    }
                }
                fb.emit(
                    Op::Call {
                        base: 0,
                        func: m.idx,
                    },
                    span,
                );
                fb.emit(
                    Op::Return {
                        src: 0,
                        n: m.n_results,
                    },
                    span,
                );
                let idx = self.pb.declare();
                self.pb.define(idx, fb.finish());
                promoted.push(MethodEntry { idx, ..m });
            }
        }
        set.extend(promoted);
        set
    }

    /// A function taking `*T` that calls T's value method `func` on a copy of the pointee.
    pub(super) fn ptr_wrapper(&mut self, func: FuncId, recv_ty: TypeId) -> u32 {
        if let Some(idx) = self.ptr_wrappers.get(&func) {
            return *idx;
        }
        let target = self.func_index(func);
        let f = &self.hir.funcs[func.0 as usize];
        let n_params = f.params.len() as u16;
        let n_results = f.results.len() as u16;
        let name = f.name.clone();
        let span = f.span;
        let mut fb = FuncBuilder::new(format!("{name}·ptr"), n_params, n_results);
        fb.mark_wrapper();
        fb.emit(Op::Load { dst: 0, ptr: 0 }, span);
        if self.is_agg(recv_ty) {
            fb.emit(Op::CopyAgg { dst: 0, src: 0 }, span);
        }
        fb.emit(
            Op::Call {
                base: 0,
                func: target,
            },
            span,
        );
        fb.emit(
            Op::Return {
                src: 0,
                n: n_results,
            },
            span,
        );
        let idx = self.pb.declare();
        self.pb.define(idx, fb.finish());
        self.ptr_wrappers.insert(func, idx);
        idx
    }

    /// `Append`'s element layout byte: Go's size of the element (capped at
    /// 127) plus 0x80 when it holds pointers, since growth depends on both.
    pub fn elem_layout(&self, elem: TypeId) -> u8 {
        let (size, ptrs) = self.layout(elem, 0);
        (size.min(127) as u8) | if ptrs { 0x80 } else { 0 }
    }

    fn layout(&self, ty: TypeId, depth: u32) -> (u64, bool) {
        if depth > 32 {
            return (8, true);
        }
        let t = &self.hir.types;
        match t.under(ty) {
            Type::Basic(b) => match b {
                Basic::Bool | Basic::Int8 | Basic::Uint8 => (1, false),
                Basic::Int16 | Basic::Uint16 => (2, false),
                Basic::Int32 | Basic::Uint32 | Basic::Float32 => (4, false),
                Basic::String | Basic::UntypedString => (16, true),
                _ => (8, false),
            },
            Type::Slice(_) => (24, true),
            Type::Interface(_) => (16, true),
            Type::Array { len, elem } => {
                let (s, p) = self.layout(*elem, depth + 1);
                (s.saturating_mul(*len), p && *len > 0)
            }
            Type::Struct(fields) => {
                let mut size = 0u64;
                let mut max_align = 1u64;
                let mut ptrs = false;
                for f in fields {
                    let (s, p) = self.layout(f.ty, depth + 1);
                    let align = self.align(f.ty, depth + 1);
                    max_align = max_align.max(align);
                    size = size.div_ceil(align) * align + s;
                    ptrs |= p;
                }
                (size.div_ceil(max_align) * max_align, ptrs)
            }
            _ => (8, true),
        }
    }

    fn align(&self, ty: TypeId, depth: u32) -> u64 {
        if depth > 32 {
            return 8;
        }
        let t = &self.hir.types;
        match t.under(ty) {
            Type::Basic(b) => match b {
                Basic::Bool | Basic::Int8 | Basic::Uint8 => 1,
                Basic::Int16 | Basic::Uint16 => 2,
                Basic::Int32 | Basic::Uint32 | Basic::Float32 => 4,
                _ => 8,
            },
            Type::Array { elem, .. } => self.align(*elem, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .map(|f| self.align(f.ty, depth + 1))
                .max()
                .unwrap_or(1),
            _ => 8,
        }
    }
}

/// One entry of a runtime method table, with the arity its wrappers need.
struct MethodEntry {
    name: String,
    /// The checker's signature type, without the receiver.
    sig: TypeId,
    idx: u32,
    n_params: u16,
    n_results: u16,
}

pub fn int_kind(b: Basic) -> IntKind {
    match b {
        Basic::Int8 => IntKind::Int8,
        Basic::Int16 => IntKind::Int16,
        Basic::Int32 | Basic::UntypedRune => IntKind::Int32,
        Basic::Int64 => IntKind::Int64,
        Basic::Uint => IntKind::Uint,
        Basic::Uint8 => IntKind::Uint8,
        Basic::Uint16 => IntKind::Uint16,
        Basic::Uint32 => IntKind::Uint32,
        Basic::Uint64 => IntKind::Uint64,
        Basic::Uintptr => IntKind::Uintptr,
        _ => IntKind::Int,
    }
}

/// Whether an op on `kind` needs a `Wrap` to stay within its width.
pub fn needs_wrap(kind: IntKind) -> bool {
    kind.bits() < 64
}
