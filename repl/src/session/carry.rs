//! Carrying the session's variable values from one compiled program to the next.
//!
//! Each entry runs as a new `Program`. Most of a value is plain data (numbers,
//! strings, structs, pointers, slices, maps), which means the same in every
//! program, so the values are handed over as they are: a pointer taken in an
//! earlier entry still aliases the variable. Two things in a value belong to
//! the program that made it and are translated here:
//!
//! - an interface value's dynamic type is an index into the program's runtime
//!   type table: it is looked up by name in the new program (and refused when a
//!   named type of that name now has another structure);
//! - a func value points at compiled code: a named function is looked up by
//!   name in the new program; the code of a func literal (or of a function
//!   that no longer exists) is moved into the new program, its instructions'
//!   program indices (functions, globals, natives, method names, types, type
//!   assertions) translated by name; its captured cells come along as they are.
//!
//! A value that cannot be translated (a type redefined since, a variable its
//! code uses that is gone) is not carried: the variable starts again from its
//! zero value, with a note.
//!
//! Channels keep their buffered values and their waiting goroutines: the
//! session's goroutines live on from entry to entry (live.rs moves their
//! frames with this same translator; a sender's offered value is translated).
//! Moved code's spans are moved too, into text the new program shows (`remap`).
//!
//! The walk is iterative (a worklist of containers), so a long linked list
//! cannot overflow the Rust stack, and each container is visited once.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use gomini_lexer::Span;
use gomini_vm::map::MapVal;
use gomini_vm::op::Op;
use gomini_vm::program::{AssertDesc, FuncProto, Program};
use gomini_vm::rtype::{RtKind, RtTypeId, RtTypes};
use gomini_vm::value::{Closure, Store, Value};

/// What the next program must contain so that `values` can be carried into it:
/// the dynamic types (runtime names) and the functions (qualified names) they hold.
#[derive(Debug, Default)]
pub struct Needs {
    pub types: BTreeSet<String>,
    pub funcs: BTreeSet<String>,
    /// Global slots (of the old program) that moved code reads or writes.
    pub globals: BTreeSet<u32>,
}

/// Containers still to visit.
enum Work {
    Store(Rc<Store>),
    Map(Rc<std::cell::RefCell<MapVal>>),
    Chan(Rc<gomini_vm::chan::Chan>),
}

/// Walks every value reachable from `roots` once, calling `visit` on each
/// scalar-or-handle value and letting it replace the value in its container.
fn walk(
    roots: &mut [Value],
    seen: &mut HashSet<usize>,
    visit: &mut dyn FnMut(&Value) -> Result<Option<Value>, String>,
) -> Result<(), String> {
    let mut work: Vec<Work> = Vec::new();
    let mut handle = |v: &mut Value, work: &mut Vec<Work>, seen: &mut HashSet<usize>| {
        if let Some(new) = visit(v)? {
            *v = new;
        }
        push_children(v, work, seen);
        Ok::<(), String>(())
    };
    for root in roots.iter_mut() {
        handle(root, &mut work, seen)?;
    }
    while let Some(item) = work.pop() {
        match item {
            Work::Store(store) => {
                let mut items = std::mem::take(&mut *store.borrow_mut());
                let mut result = Ok(());
                for v in items.iter_mut() {
                    if let Err(e) = handle(v, &mut work, seen) {
                        result = Err(e);
                        break;
                    }
                }
                *store.borrow_mut() = items;
                result?;
            }
            Work::Map(map) => {
                let old = map.borrow_mut().take();
                let mut entries = MapVal::default();
                let mut result = Ok(());
                for (mut key, mut val) in old {
                    if let Err(e) = handle(&mut key, &mut work, seen)
                        .and_then(|_| handle(&mut val, &mut work, seen))
                    {
                        result = Err(e);
                    }
                    // Re-inserting rehashes: an interface key's hash includes its type.
                    if entries.insert(key, val).is_err() {
                        result = Err("out of memory re-inserting a map's entries".to_string());
                    }
                }
                *map.borrow_mut() = entries;
                result?;
            }
            Work::Chan(chan) => {
                let mut state = chan.state.borrow_mut();
                let mut buf = std::mem::take(&mut state.buf);
                // The parked senders' offered values (their goroutines live on).
                let mut offered: Vec<Value> = state
                    .sendq
                    .iter_mut()
                    .map(|w| std::mem::replace(&mut w.value, Value::Nil))
                    .collect();
                drop(state);
                let mut result = Ok(());
                for v in buf.iter_mut().chain(offered.iter_mut()) {
                    if let Err(e) = handle(v, &mut work, seen) {
                        result = Err(e);
                        break;
                    }
                }
                let mut state = chan.state.borrow_mut();
                state.buf = buf;
                for (w, v) in state.sendq.iter_mut().zip(offered) {
                    w.value = v;
                }
                drop(state);
                result?;
            }
        }
    }
    Ok(())
}

/// Queues the containers `v` refers to, each once.
fn push_children(v: &Value, work: &mut Vec<Work>, seen: &mut HashSet<usize>) {
    let addr = |p: *const ()| p as usize;
    let item = match v {
        Value::Agg(s) | Value::Ptr(s, _) => {
            Some((addr(Rc::as_ptr(s) as _), Work::Store(s.clone())))
        }
        Value::Slice(sv) => Some((
            addr(Rc::as_ptr(&sv.store) as _),
            Work::Store(sv.store.clone()),
        )),
        Value::Map(m) => Some((addr(Rc::as_ptr(m) as _), Work::Map(m.clone()))),
        Value::Chan(c) => Some((addr(Rc::as_ptr(c) as _), Work::Chan(c.clone()))),
        Value::Func(f) => {
            for cell in f.cells.iter() {
                if seen.insert(addr(Rc::as_ptr(cell) as _)) {
                    work.push(Work::Store(cell.clone()));
                }
            }
            None
        }
        Value::Iface(i) => {
            push_children(&i.val, work, seen);
            None
        }
        _ => None,
    };
    if let Some((at, w)) = item {
        if seen.insert(at) {
            work.push(w);
        }
    }
}

/// Whether a function is a func literal (`main.main.func1`, `main.f.func2.1`),
/// whose name says nothing in another program: its code is moved instead.
fn is_literal(name: &str) -> bool {
    let last = name.rsplit('.').next().unwrap_or(name);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(last) || (last.starts_with("func") && digits(&last[4..]))
}

/// Lists what the next program needs to carry `values` made by `old`: the
/// dynamic types of interface values, and the named functions that func
/// values are or that the code of their func literals uses.
/// And what the code of `running` needs (the functions goroutines are in,
/// whose code is moved whatever their names).
pub fn needs_with_code(values: &mut [Value], running: &[Rc<FuncProto>], old: &Program) -> Needs {
    let mut needs = Needs::default();
    let mut seen_protos: HashSet<usize> = HashSet::new();
    for proto in running {
        code_needs_of(old, proto, &mut needs, &mut seen_protos);
    }
    let _ = walk(values, &mut HashSet::new(), &mut |v| {
        match v {
            Value::Iface(i) => {
                needs.types.insert(old.types.name(i.ty));
            }
            Value::Func(f) => code_needs(old, &f.proto, &mut needs, &mut seen_protos),
            _ => {}
        }
        Ok(None)
    });
    needs
}

/// What moving `proto` needs: itself by name, or, for a func literal, what its code uses.
fn code_needs(old: &Program, proto: &Rc<FuncProto>, needs: &mut Needs, seen: &mut HashSet<usize>) {
    if !seen.insert(Rc::as_ptr(proto) as usize) {
        return;
    }
    if !is_literal(&proto.name) && !proto.name.ends_with("-fm") {
        needs.funcs.insert(proto.name.clone());
        return;
    }
    code_needs_of(old, proto, needs, seen);
}

/// What the instructions of `proto` need.
fn code_needs_of(
    old: &Program,
    proto: &Rc<FuncProto>,
    needs: &mut Needs,
    seen: &mut HashSet<usize>,
) {
    seen.insert(Rc::as_ptr(proto) as usize);
    for op in &proto.code {
        match *op {
            Op::LoadFunc { func, .. }
            | Op::Call { func, .. }
            | Op::MakeClosure { proto: func, .. }
            | Op::MakeClosureGo { proto: func, .. }
            | Op::DeferClosure { proto: func } => {
                if let Some(p) = old.protos.get(func as usize) {
                    code_needs(old, p, needs, seen);
                }
            }
            Op::LoadFuncDeferCapture { func, .. } => {
                if let Some(p) = old.protos.get(usize::from(func)) {
                    code_needs(old, p, needs, seen);
                }
            }
            Op::MakeIface { ty, .. } => {
                needs.types.insert(old.types.name(RtTypeId(ty as u32)));
            }
            Op::TypeAssert { assert, .. } | Op::TypeAssertOk { assert, .. } => {
                if let Some(d) = old.asserts.get(assert as usize) {
                    needs.types.insert(old.types.name(d.target));
                }
            }
            Op::LoadGlobal { idx, .. }
            | Op::StoreGlobal { idx, .. }
            | Op::LoadGlobalCell { idx, .. }
            | Op::StoreGlobalCell { idx, .. } => {
                needs.globals.insert(idx);
            }
            _ => {}
        }
    }
}

/// Translates values made by `old` for `new`; `Err` says why one cannot be carried.
pub struct Translator<'p> {
    old: &'p Program,
    old_globals: &'p [String],
    new: &'p mut Program,
    new_globals: HashMap<&'p str, u32>,
    types_by_name: HashMap<String, Vec<RtTypeId>>,
    funcs_by_name: HashMap<String, usize>,
    /// Old prototype (by address) → its index in `new`, for code moved already.
    moved: HashMap<usize, u32>,
    /// Containers translated already: a container two values share is translated once.
    seen: HashSet<usize>,
    /// Where a span of the old program's text is in the new one's (moved code's lines).
    remap: Option<SpanRemap<'p>>,
}

/// Maps a span of the old program's text to the new program's.
pub type SpanRemap<'p> = Box<dyn FnMut(Span) -> Span + 'p>;

impl<'p> Translator<'p> {
    /// `old_globals` and `new_globals` name each program's global slots (`main.x`).
    pub fn new(
        old: &'p Program,
        old_globals: &'p [String],
        new: &'p mut Program,
        new_globals: &'p [String],
    ) -> Translator<'p> {
        let mut types_by_name: HashMap<String, Vec<RtTypeId>> = HashMap::new();
        for i in 0..new.types.types.len() {
            let id = RtTypeId(i as u32);
            types_by_name
                .entry(new.types.name(id))
                .or_default()
                .push(id);
        }
        let mut funcs_by_name = HashMap::new();
        for (i, proto) in new.protos.iter().enumerate() {
            if !is_literal(&proto.name) {
                funcs_by_name.entry(proto.name.clone()).or_insert(i);
            }
        }
        Translator {
            old,
            old_globals,
            new,
            new_globals: new_globals
                .iter()
                .enumerate()
                .map(|(i, n)| (n.as_str(), i as u32))
                .collect(),
            types_by_name,
            funcs_by_name,
            moved: HashMap::new(),
            seen: HashSet::new(),
            remap: None,
        }
    }

    /// Moved code's spans go through `remap` (they point into the old program's text).
    pub fn with_remap(mut self, remap: SpanRemap<'p>) -> Translator<'p> {
        self.remap = Some(remap);
        self
    }

    /// The old program's span `span` in the new program's text.
    pub fn remap_span(&mut self, span: Span) -> Span {
        match &mut self.remap {
            Some(remap) => remap(span),
            None => span,
        }
    }

    /// The code of a function a goroutine is running, moved into the new
    /// program whatever its name: the frame's pc points into this code.
    pub fn move_running(&mut self, proto: &Rc<FuncProto>) -> Result<Rc<FuncProto>, String> {
        let idx = self.move_code(proto)?;
        Ok(self.new.protos[idx as usize].clone())
    }

    /// A copy of `proto` for display only (`created by` lines): its spans remapped.
    pub fn display_copy(&mut self, proto: &Rc<FuncProto>) -> Rc<FuncProto> {
        let spans = self.moved_spans(proto);
        Rc::new(FuncProto {
            name: proto.name.clone(),
            code: Vec::new(),
            spans,
            consts: Vec::new(),
            n_params: proto.n_params,
            n_results: proto.n_results,
            n_slots: proto.n_slots,
            clear_locals: false,
            captures: proto.captures.clone(),
            epilogue_pc: None,
            results: Vec::new(),
            library: proto.library,
            wrapper: proto.wrapper,
        })
    }

    fn moved_spans(&mut self, proto: &FuncProto) -> Vec<Span> {
        if proto.library.is_some() || self.remap.is_none() {
            return proto.spans.clone();
        }
        proto.spans.iter().map(|s| self.remap_span(*s)).collect()
    }

    /// Translates one variable's value in place.
    pub fn translate(&mut self, value: &mut Value) -> Result<(), String> {
        let mut seen = std::mem::take(&mut self.seen);
        let result = walk(std::slice::from_mut(value), &mut seen, &mut |v| {
            self.shallow(v)
        });
        self.seen = seen;
        result
    }

    fn shallow(&mut self, v: &Value) -> Result<Option<Value>, String> {
        match v {
            Value::Iface(i) => {
                let ty = self.map_type(i.ty)?;
                Ok(Some(Value::iface(ty, i.val.clone())))
            }
            Value::Func(f) => {
                let idx = self.map_proto(&f.proto)?;
                if f.cells.is_empty() {
                    return Ok(Some(self.new.func_values[idx as usize].clone()));
                }
                Ok(Some(Value::Func(Rc::new(Closure {
                    proto: self.new.protos[idx as usize].clone(),
                    cells: f.cells.clone(),
                }))))
            }
            _ => Ok(None),
        }
    }

    /// The new program's index of the code of old `proto`: the function of the
    /// same name, or (a func literal, or a function that no longer exists) the
    /// old code moved into the new program.
    fn map_proto(&mut self, proto: &Rc<FuncProto>) -> Result<u32, String> {
        if !is_literal(&proto.name) {
            if let Some(&idx) = self.funcs_by_name.get(&proto.name) {
                // A redefinition with another signature would be called with
                // the old one's arguments: the old code is kept instead.
                let new = &self.new.protos[idx];
                let same_results = new.results.len() == proto.results.len()
                    && new
                        .results
                        .iter()
                        .zip(&proto.results)
                        .all(|(a, b)| self.new.types.name(a.ty) == self.old.types.name(b.ty));
                if new.n_params == proto.n_params
                    && new.n_results == proto.n_results
                    && same_results
                {
                    return Ok(idx as u32);
                }
            }
        }
        self.move_code(proto)
    }

    fn move_code(&mut self, proto: &Rc<FuncProto>) -> Result<u32, String> {
        let key = Rc::as_ptr(proto) as usize;
        if let Some(&idx) = self.moved.get(&key) {
            return Ok(idx);
        }
        // The slot first, so that code calling itself finds it.
        let idx = self.new.protos.len() as u32;
        self.moved.insert(key, idx);
        self.new.protos.push(proto.clone());
        self.new.func_values.push(Value::Nil);
        let mut code = Vec::with_capacity(proto.code.len());
        for op in &proto.code {
            code.push(self.move_op(*op)?);
        }
        let results = proto
            .results
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.ty = self.map_type(r.ty).unwrap_or(RtTypeId::ANY);
                r
            })
            .collect();
        let spans = self.moved_spans(proto);
        let moved = Rc::new(FuncProto {
            name: proto.name.clone(),
            // Before `code`, which the next field moves.
            clear_locals: gomini_vm::program::clears_locals(&code),
            code,
            spans,
            consts: proto.consts.clone(),
            n_params: proto.n_params,
            n_results: proto.n_results,
            n_slots: proto.n_slots,
            captures: proto.captures.clone(),
            epilogue_pc: proto.epilogue_pc,
            results,
            library: proto.library,
            wrapper: proto.wrapper,
        });
        self.new.func_values[idx as usize] = Value::Func(Rc::new(Closure {
            proto: moved.clone(),
            cells: gomini_vm::value::Cells::none(),
        }));
        self.new.protos[idx as usize] = moved;
        Ok(idx)
    }

    /// One instruction of moved code, its program indices translated.
    fn move_op(&mut self, op: Op) -> Result<Op, String> {
        let too_many = || "the program has too many entries to move code into it".to_string();
        Ok(match op {
            Op::LoadFunc { dst, func } => Op::LoadFunc {
                dst,
                func: self.map_old_func(func)?,
            },
            Op::Call { base, func } => Op::Call {
                base,
                func: self.map_old_func(func)?,
            },
            // Moved as the `LoadFunc` it stands for (the kept ops follow it):
            // the function's new index may not fit the fused op.
            Op::LoadFuncDeferCapture { callee, func, .. } => Op::LoadFunc {
                dst: callee,
                func: self.map_old_func(u32::from(func))?,
            },
            Op::DeferClosure { proto } => {
                let p = self.old_proto(proto)?;
                Op::DeferClosure {
                    proto: self.move_code(&p)?,
                }
            }
            Op::MakeClosure { dst, proto } => {
                let p = self.old_proto(proto)?;
                Op::MakeClosure {
                    dst,
                    proto: self.move_code(&p)?,
                }
            }
            Op::MakeClosureGo { dst, proto } => {
                let p = self.old_proto(proto)?;
                Op::MakeClosureGo {
                    dst,
                    proto: self.move_code(&p)?,
                }
            }
            Op::LoadGlobal { dst, idx } => Op::LoadGlobal {
                dst,
                idx: self.map_global(idx)?,
            },
            Op::StoreGlobal { idx, src } => Op::StoreGlobal {
                idx: self.map_global(idx)?,
                src,
            },
            Op::LoadGlobalCell { dst, idx } => Op::LoadGlobalCell {
                dst,
                idx: self.map_global(idx)?,
            },
            Op::StoreGlobalCell { idx, src } => Op::StoreGlobalCell {
                idx: self.map_global(idx)?,
                src,
            },
            Op::CallNative {
                base,
                native,
                n_args,
            } => Op::CallNative {
                base,
                native: self.map_native(native)?,
                n_args,
            },
            Op::CallSync { base, native, call } => Op::CallSync {
                base,
                native: self.map_native(native)?,
                call,
            },
            Op::CallMethod { base, name } => {
                let method = self
                    .old
                    .method_names
                    .get(name as usize)
                    .ok_or("its code names an unknown method")?
                    .clone();
                let pos = match self.new.method_names.iter().position(|n| *n == method) {
                    Some(p) => p,
                    None => {
                        self.new.method_names.push(method);
                        self.new.method_names.len() - 1
                    }
                };
                Op::CallMethod {
                    base,
                    name: u16::try_from(pos).map_err(|_| too_many())?,
                }
            }
            Op::MakeIface { dst, src, ty } => Op::MakeIface {
                dst,
                src,
                ty: u16::try_from(self.map_type(RtTypeId(ty as u32))?.0).map_err(|_| too_many())?,
            },
            Op::TypeAssert { dst, src, assert } => Op::TypeAssert {
                dst,
                src,
                assert: self.map_assert(assert)?,
            },
            Op::TypeAssertOk { dst, src, assert } => Op::TypeAssertOk {
                dst,
                src,
                assert: self.map_assert(assert)?,
            },
            other => other,
        })
    }

    fn old_proto(&self, idx: u32) -> Result<Rc<FuncProto>, String> {
        self.old
            .protos
            .get(idx as usize)
            .cloned()
            .ok_or_else(|| "its code names an unknown function".to_string())
    }

    fn map_old_func(&mut self, idx: u32) -> Result<u32, String> {
        let p = self.old_proto(idx)?;
        self.map_proto(&p)
    }

    /// The new program's index of the old program's native `native`.
    fn map_native(&mut self, native: u16) -> Result<u16, String> {
        let id = *self
            .old
            .natives
            .get(native as usize)
            .ok_or("its code names an unknown native")?;
        let pos = match self.new.natives.iter().position(|&n| n == id) {
            Some(p) => p,
            None => {
                self.new.natives.push(id);
                self.new.natives.len() - 1
            }
        };
        u16::try_from(pos)
            .map_err(|_| "the program has too many entries to move code into it".to_string())
    }

    fn map_global(&self, idx: u32) -> Result<u32, String> {
        let name = self
            .old_globals
            .get(idx as usize)
            .ok_or("its code uses an unknown variable")?;
        self.new_globals
            .get(name.as_str())
            .copied()
            .ok_or_else(|| format!("its code uses the variable {name}, which is gone"))
    }

    fn map_assert(&mut self, idx: u16) -> Result<u16, String> {
        let d = *self
            .old
            .asserts
            .get(idx as usize)
            .ok_or("its code has an unknown type assertion")?;
        let desc = AssertDesc {
            iface: self.map_type(d.iface)?,
            target: self.map_type(d.target)?,
        };
        self.new.asserts.push(desc);
        u16::try_from(self.new.asserts.len() - 1)
            .map_err(|_| "the program has too many type assertions".to_string())
    }

    fn map_type(&self, old_id: RtTypeId) -> Result<RtTypeId, String> {
        let name = self.old.types.name(old_id);
        let Some(candidates) = self.types_by_name.get(&name) else {
            return Err(format!("it holds a value of type {name}, which is gone"));
        };
        // The runtime's own error types share names with library ones: match the structure too.
        let want = describe(&self.old.types, old_id, 0);
        candidates
            .iter()
            .copied()
            .find(|&id| describe(&self.new.types, id, 0) == want)
            .ok_or_else(|| format!("it holds a value of type {name}, which was redefined"))
    }
}

/// A type's structure as text, a few levels deep, to tell a redefined named type from the old one.
fn describe(types: &RtTypes, id: RtTypeId, depth: u32) -> String {
    let name = types.name(id);
    if depth > 4 {
        return name;
    }
    let sub = |t: RtTypeId| describe(types, t, depth + 1);
    let kind = match &types.get(id).kind {
        RtKind::Struct { fields } => fields
            .iter()
            .map(|f| format!("{} {}", f.name, sub(f.ty)))
            .collect::<Vec<_>>()
            .join("; "),
        RtKind::Array { elem, len } => format!("[{len}]{}", sub(*elem)),
        RtKind::Slice { elem } => format!("[]{}", sub(*elem)),
        RtKind::Pointer { elem } => format!("*{}", sub(*elem)),
        RtKind::Chan { elem, .. } => format!("chan {}", sub(*elem)),
        RtKind::Map { key, val } => format!("map[{}]{}", sub(*key), sub(*val)),
        other => format!("{other:?}"),
    };
    format!("{name}={{{kind}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn func_literals_are_told_from_named_functions() {
        assert!(is_literal("main.main.func1"));
        assert!(is_literal("main.f.func2.1"));
        assert!(!is_literal("main.double"));
        assert!(!is_literal("strings.ToUpper"));
        assert!(!is_literal("main.(*P).Get"));
        assert!(!is_literal("main.P.String-fm"));
    }
}
