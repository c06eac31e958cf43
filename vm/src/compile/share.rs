//! Lending a by-value struct or array argument to a callee that only reads it (`Op::ShareAgg`) instead of deep-copying it.
//!
//! Go passes structs and arrays by value, so a call `v.dot(k)` used to emit
//! `CopyAgg` (allocate and fill a fresh store, free it on return) for every
//! call: half the instructions of the by-value loop of programs/bench/methods.go.
//! The copy is only observable if someone writes the caller's storage or the
//! callee's copy while the other may read it, or keeps a reference to the copy
//! after the call. `ShareAgg` skips it when neither can happen:
//!
//! - **Callee (static, `read_only_params`).** A parameter qualifies when its
//!   type is a struct or array with no nested struct or array (so a field or
//!   element loaded from it is a scalar, string, pointer, slice, map, func,
//!   chan or interface, which Go's copy would share too), and every instruction
//!   of the callee that names its register is one of a few pure reads: the base
//!   of `LoadField`/`LoadElem`, the operand of `Len`/`Cap`/`Eq`/`Ne`, or the
//!   source of a `CopyAgg`/`ShareAgg` into another register (a copy of it is a
//!   copy either way). Anything else (a write to the register, a store into
//!   it, `AddrAgg`/`AddrField`, boxing it into a cell for a closure or `&v`,
//!   passing it in a register group, returning it) disqualifies it. So the
//!   callee never mutates the storage and no reference to it outlives the call.
//! - **Caller (static, `apply`).** Only the argument copy emitted for a
//!   non-boxed local of a direct `Call` (`call_args`), and only when every
//!   instruction between the copy and the `Call` is a register-only step that
//!   cannot write memory, call, take an address or jump (`between_is_inert`).
//!   `go`, `defer`, method values, interface calls and wrappers keep `CopyAgg`.
//! - **Caller (dynamic, `Value::uniquely_owned`).** At run time the storage
//!   is lent only if its strong count is 1 (it is flat by its type, above): nothing
//!   but the caller's own register reaches it. No pointer (`&v`, `&v.f`), heap
//!   cell, global, closure, channel buffer, deferred call, snapshot or other
//!   goroutine holds it, so none can write it while the caller is suspended in
//!   the call; otherwise `ShareAgg` deep-copies exactly as `CopyAgg`. A panic
//!   unwinding through the callee changes nothing: the callee never wrote it.
//!   Under `--race` it always copies, so the detector sees the same accesses.
//!
//! The count is taken after dropping whatever the destination register held,
//! so the stale argument of the previous call does not count as a holder.
//!
//! **Receivers of wrappers.** A method value (`f := v.inc`) keeps its bound
//! copy of the receiver in a cell, and an interface keeps its own copy of a
//! struct value; the method used to receive that copy itself, so a method
//! writing its receiver changed what the next call saw (`f(), f()` gave 2 3
//! where Go gives 2 2). The `-fm` wrapper now copies the receiver before the
//! call, and an interface's value method on a struct or array goes through a
//! `runtime.M·copy` wrapper that does (hidden in tracebacks like Go's own
//! wrappers). A callee that only reads its receiver needs neither: the copy
//! becomes a `Nop` and the method table points at the method itself, since
//! the cell or interface value is reachable only through that wrapper and is
//! never written.

use std::collections::HashMap;

use crate::hir::FuncId;
use crate::op::{Op, Reg};
use crate::program::{FuncBuilder, FuncProto};
use crate::types::{Type, TypeId};

use super::Compiler;

/// The argument copy of a direct call that may become a `ShareAgg`.
#[derive(Debug, Clone, Copy)]
pub struct ShareSite {
    /// The `CopyAgg { dst: base + arg, src }` of a non-boxed local.
    pub copy_pc: usize,
    /// The `Call { base, .. }` it feeds.
    pub call_pc: usize,
}

/// The compiler's bookkeeping for `ShareAgg`.
#[derive(Debug, Default)]
pub struct Lending {
    /// The pcs of argument copies of the calls being compiled: a stack, each
    /// call taking the entries pushed since it started (nested calls first).
    pub arg_copies: Vec<usize>,
    /// The sites of the function being compiled.
    sites: Vec<ShareSite>,
    /// The sites of each function compiled, by program index.
    done: Vec<(u32, Vec<ShareSite>)>,
    /// The read-only parameter mask of each function compiled from source.
    read_only: HashMap<u32, u64>,
    /// Receiver copies of wrappers (program index, copy pc, call pc) that a
    /// read-only callee makes unnecessary: method values and interface calls.
    receiver_copies: Vec<(u32, usize, usize)>,
    /// `iface_value_method`'s wrappers, by method.
    iface_wrappers: HashMap<FuncId, u32>,
}

impl Lending {
    /// Records the argument copies pushed since `mark` as feeding the `Call` at `call_pc`.
    pub fn call_emitted(&mut self, mark: usize, call_pc: usize) {
        let copies = self.arg_copies.split_off(mark.min(self.arg_copies.len()));
        self.sites.extend(
            copies
                .into_iter()
                .map(|copy_pc| ShareSite { copy_pc, call_pc }),
        );
    }

    /// Records that wrapper `idx` copies its receiver at `copy_pc` for the `Call` at `call_pc`.
    pub fn receiver_copy(&mut self, idx: u32, copy_pc: usize, call_pc: usize) {
        self.receiver_copies.push((idx, copy_pc, call_pc));
    }

    /// Forgets argument copies pushed since `mark` (a `go` or `defer`, which must copy).
    pub fn discard(&mut self, mark: usize) {
        self.arg_copies.truncate(mark);
    }
}

impl Compiler<'_> {
    /// Files the sites of the function just compiled as program function `idx`
    /// (`proto`, or `None` if it failed) and works out its read-only parameters.
    pub fn lending_func_done(&mut self, idx: u32, id: FuncId, proto: Option<&FuncProto>) {
        self.lending.arg_copies.clear();
        let sites = std::mem::take(&mut self.lending.sites);
        let Some(proto) = proto else { return };
        let func = &self.hir.funcs[id.0 as usize];
        let flat: Vec<bool> = func
            .params
            .iter()
            .map(|l| self.is_flat_agg(func.locals[l.0 as usize].ty))
            .collect();
        let mask = read_only_params(&proto.code, &flat);
        self.lending.read_only.insert(idx, mask);
        self.lending.done.push((idx, sites));
    }

    /// Rewrites every recorded site, once all functions are compiled.
    pub fn apply_lending(&mut self) {
        let done = std::mem::take(&mut self.lending.done);
        for (idx, sites) in done {
            if let Some(proto) = self.pb.proto_mut(idx) {
                rewrite(&mut proto.code, &sites, &self.lending.read_only);
            }
        }
        // A wrapper's receiver (a method value's bound copy, an interface's
        // value) is reachable only through that closure or interface, which
        // never write it: a callee that only reads it needs no copy either.
        let copies = std::mem::take(&mut self.lending.receiver_copies);
        for (idx, copy_pc, call_pc) in copies {
            let Some(proto) = self.pb.proto_mut(idx) else {
                continue;
            };
            let (Some(&Op::CopyAgg { dst: 0, src: 0 }), Some(&Op::Call { base: 0, func })) =
                (proto.code.get(copy_pc), proto.code.get(call_pc))
            else {
                continue;
            };
            let mask = self.lending.read_only.get(&func).copied().unwrap_or(0);
            if mask & 1 == 1
                && proto.code[copy_pc + 1..call_pc]
                    .iter()
                    .all(between_is_inert)
            {
                proto.code[copy_pc] = Op::Nop;
            }
        }
        // An interface calls a method that only reads its receiver directly,
        // without the copying wrapper's frame.
        let mut targets: HashMap<u32, u32> = HashMap::new();
        for &wrapper in self.lending.iface_wrappers.values() {
            if let Some(proto) = self.pb.proto_mut(wrapper) {
                if let [Op::Nop, Op::Call { func, .. }, ..] = proto.code[..] {
                    targets.insert(wrapper, func);
                }
            }
        }
        for ty in &mut self.pb.types.types {
            for m in &mut ty.methods {
                if let Some(&target) = targets.get(&m.func) {
                    m.func = target;
                }
            }
        }
    }

    /// The function an interface holding a `ty` value calls for its value
    /// method `func`: the method itself when the receiver is not a struct or
    /// array, else a wrapper calling it on a copy, as Go does (the
    /// interface's value must not change when the method writes its receiver).
    pub fn iface_value_method(&mut self, func: FuncId, ty: TypeId) -> u32 {
        let target = self.func_index(func);
        if !self.is_agg(ty) {
            return target;
        }
        if let Some(idx) = self.lending.iface_wrappers.get(&func) {
            return *idx;
        }
        let f = &self.hir.funcs[func.0 as usize];
        let (n_params, n_results) = (f.params.len() as u16, f.results.len() as u16);
        // Named as runtime code so tracebacks and traces hide it, as Go hides
        // its own wrappers: a panic in the method shows the method, then the caller.
        let name = format!("runtime.{}·copy", f.name);
        let mut fb = FuncBuilder::new(name, n_params, n_results);
        fb.mark_wrapper();
        let copy_pc = fb.emit(Op::CopyAgg { dst: 0, src: 0 }, f.span);
        let call_pc = fb.emit(
            Op::Call {
                base: 0,
                func: target,
            },
            f.span,
        );
        fb.emit(
            Op::Return {
                src: 0,
                n: n_results,
            },
            f.span,
        );
        let idx = self.pb.declare();
        self.pb.define(idx, fb.finish());
        self.lending.receiver_copy(idx, copy_pc, call_pc);
        self.lending.iface_wrappers.insert(func, idx);
        idx
    }

    /// A struct or array none of whose fields or elements is a struct or array.
    pub fn is_flat_agg(&self, ty: TypeId) -> bool {
        let types = &self.hir.types;
        match types.under(ty) {
            Type::Struct(fields) => fields.iter().all(|f| !self.is_agg(f.ty)),
            Type::Array { elem, .. } => !self.is_agg(*elem),
            _ => false,
        }
    }
}

/// Bit `i` set: parameter `i` of a function with this code is only read (see
/// the module doc). `flat[i]` says the parameter is a flat struct or array.
pub fn read_only_params(code: &[Op], flat: &[bool]) -> u64 {
    let mut mask = 0u64;
    for (i, &is_flat) in flat.iter().enumerate().take(64) {
        let r = i as Reg;
        if is_flat && code.iter().all(|op| !touches(op, r) || only_reads(op, r)) {
            mask |= 1 << i;
        }
    }
    mask
}

/// Turns each recorded argument copy of `code` into a `ShareAgg` where the
/// callee only reads that parameter (`read_only`: a function's mask) and
/// nothing between the copy and the call can reach memory.
pub fn rewrite(code: &mut [Op], sites: &[ShareSite], read_only: &HashMap<u32, u64>) {
    for site in sites {
        let (Some(&Op::CopyAgg { dst, src }), Some(&Op::Call { base, func })) =
            (code.get(site.copy_pc), code.get(site.call_pc))
        else {
            continue;
        };
        let Some(arg) = dst.checked_sub(base) else {
            continue;
        };
        let mask = read_only.get(&func).copied().unwrap_or(0);
        if src == dst || arg >= 64 || mask & (1 << arg) == 0 {
            continue;
        }
        if code[site.copy_pc + 1..site.call_pc]
            .iter()
            .all(between_is_inert)
        {
            code[site.copy_pc] = Op::ShareAgg { dst, src };
        }
    }
}

/// `op`'s use of register `r` is a pure read that leaves no reference to its storage behind.
fn only_reads(op: &Op, r: Reg) -> bool {
    match *op {
        Op::LoadField { dst, agg, .. } => agg == r && dst != r,
        Op::LoadElem { dst, x, i } => x == r && i != r && dst != r,
        Op::Len { dst, src } | Op::Cap { dst, src } => src == r && dst != r,
        Op::Eq { dst, a, b } | Op::Ne { dst, a, b } => dst != r && (a == r || b == r),
        Op::CopyAgg { dst, src } | Op::ShareAgg { dst, src } => src == r && dst != r,
        _ => false,
    }
}

/// An instruction that may run between a `ShareAgg` and its `Call`: it only
/// computes into registers from registers, constants and reads of memory,
/// never writes memory, takes an address, calls, parks or jumps. (A read
/// cannot reach the lent storage: no pointer to it existed at the `ShareAgg`
/// and none is made in between. It may panic: the frame is then abandoned or
/// resumes at its epilogue, and the lent storage was never written.)
fn between_is_inert(op: &Op) -> bool {
    matches!(
        op,
        Op::Nop
            | Op::Move { .. }
            | Op::LoadInt { .. }
            | Op::LoadConst { .. }
            | Op::LoadNil { .. }
            | Op::LoadBool { .. }
            | Op::LoadFunc { .. }
            | Op::AddInt { .. }
            | Op::AddIntImm { .. }
            // Its call half is the `Call` kept after it, which a window
            // either ends before (the lent call itself: `p.m(k+1)`) or holds.
            | Op::AddIntImmCall { .. }
            | Op::MulIntImm { .. }
            | Op::DivIntImm { .. }
            | Op::RemIntImm { .. }
            | Op::SubInt { .. }
            | Op::MulInt { .. }
            | Op::DivInt { .. }
            | Op::RemInt { .. }
            | Op::DivUint { .. }
            | Op::RemUint { .. }
            | Op::And { .. }
            | Op::Or { .. }
            | Op::Xor { .. }
            | Op::AndNot { .. }
            | Op::Shl { .. }
            | Op::ShrInt { .. }
            | Op::ShrUint { .. }
            | Op::AndImm { .. }
            | Op::ShlImm { .. }
            | Op::ShrIntImm { .. }
            | Op::ShrIntImmXor { .. }
            | Op::ShrUintImm { .. }
            | Op::NegInt { .. }
            | Op::BitNot { .. }
            | Op::Wrap { .. }
            | Op::EqInt { .. }
            | Op::NeInt { .. }
            | Op::LtInt { .. }
            | Op::LeInt { .. }
            | Op::LtUint { .. }
            | Op::LeUint { .. }
            | Op::AddFloat { .. }
            | Op::SubFloat { .. }
            | Op::MulFloat { .. }
            | Op::DivFloat { .. }
            | Op::NegFloat { .. }
            | Op::RoundF32 { .. }
            | Op::EqFloat { .. }
            | Op::LtFloat { .. }
            | Op::LeFloat { .. }
            | Op::IntToFloat { .. }
            | Op::UintToFloat { .. }
            | Op::FloatToInt { .. }
            | Op::FloatToUint { .. }
            | Op::Not { .. }
            | Op::Eq { .. }
            | Op::Ne { .. }
            | Op::IsNil { .. }
            | Op::LenStr { .. }
            | Op::Len { .. }
            | Op::Load { .. }
            | Op::LoadGlobal { .. }
            | Op::LoadGlobalCell { .. }
            | Op::LoadCapture { .. }
            | Op::LoadField { .. }
            | Op::LoadElem { .. }
            | Op::MakeIface { .. }
            | Op::CopyAgg { .. }
            | Op::ShareAgg { .. }
    )
}

/// Whether `op` reads or writes register `r` in any way, including the
/// register groups of calls, returns, literals and multi-result ops. A call's
/// frame starts at its base, so it may touch every register from there up.
/// Exhaustive on purpose: a new op must say what it touches.
fn touches(op: &Op, r: Reg) -> bool {
    let group =
        |base: Reg, n: u32| u32::from(r) >= u32::from(base) && u32::from(r) < u32::from(base) + n;
    let from = |base: Reg| r >= base;
    match *op {
        Op::Nop | Op::RunDefers | Op::Jump { .. } => false,
        // The deferred calls and closures may touch any register they were
        // handed: treat them as touching everything.
        Op::MakeClosure { .. } | Op::MakeClosureGo { .. } | Op::DeferClosure { .. } => true,
        Op::LoadInt { dst, .. }
        | Op::LoadConst { dst, .. }
        | Op::LoadNil { dst }
        | Op::LoadBool { dst, .. }
        | Op::LoadFunc { dst, .. }
        | Op::LoadGlobal { dst, .. }
        | Op::LoadGlobalCell { dst, .. }
        | Op::LoadCapture { dst, .. }
        // The load's register; the add and the store are the kept ops'.
        | Op::LoadCaptureAddStore { dst, .. }
        | Op::LoadCaptureAddImmStore { dst, .. }
        | Op::LoadCaptureAddStoreReturn { dst, .. }
        | Op::LoadCaptureAddImmStoreReturn { dst, .. }
        // The load's register; the address, call and defer are the kept ops'.
        | Op::LoadCaptureCallSync { dst, .. }
        | Op::LoadFuncDeferCapture { callee: dst, .. }
        | Op::CaptureRef { dst, .. }
        | Op::MakeMap { dst }
        | Op::NewCellInt { dst, .. }
        | Op::Recover { dst } => dst == r,
        Op::StoreGlobal { src, .. }
        | Op::StoreGlobalCell { src, .. }
        | Op::StoreCapture { src, .. }
        | Op::Panic { src }
        | Op::JumpIf { cond: src, .. }
        | Op::JumpIfNot { cond: src, .. }
        | Op::IfLtIntImm { a: src, .. }
        | Op::IfLeIntImm { a: src, .. }
        | Op::IfGtIntImm { a: src, .. }
        | Op::IfGeIntImm { a: src, .. }
        | Op::IfEqIntImm { a: src, .. }
        | Op::IfNeIntImm { a: src, .. }
        | Op::IfNil { a: src }
        | Op::IfNotNil { a: src }
        | Op::NilCheck { ptr: src }
        | Op::Close { ch: src } => src == r,
        Op::Move { dst, src }
        | Op::AddIntImm { dst, a: src, .. }
        | Op::AddIntImmStoreCapture { dst, a: src, .. }
        | Op::AddIntImmCall { dst, a: src, .. }
        | Op::MulIntImm { dst, a: src, .. }
        | Op::DivIntImm { dst, a: src, .. }
        | Op::RemIntImm { dst, a: src, .. }
        | Op::AndImm { dst, a: src, .. }
        | Op::ShlImm { dst, a: src, .. }
        | Op::ShrIntImm { dst, a: src, .. }
        // (A fused op's second half is the instruction kept after it: only its first half's registers.)
        | Op::ShrIntImmXor { dst, a: src, .. }
        | Op::ShrUintImm { dst, a: src, .. }
        | Op::NegInt { dst, src }
        | Op::BitNot { dst, src }
        | Op::Wrap { dst, src, .. }
        | Op::NegFloat { dst, src }
        | Op::RoundF32 { dst, src }
        | Op::IntToFloat { dst, src }
        | Op::UintToFloat { dst, src }
        | Op::FloatToInt { dst, src }
        | Op::FloatToUint { dst, src }
        | Op::RuneToString { dst, src }
        | Op::BytesToString { dst, src }
        | Op::StringToBytes { dst, src }
        | Op::Not { dst, src }
        | Op::IsNil { dst, src }
        | Op::LenStr { dst, src }
        | Op::NewCell { dst, src }
        | Op::Load { dst, ptr: src }
        | Op::LoadCallSync { dst, ptr: src, .. }
        | Op::CopyAgg { dst, src }
        | Op::ShareAgg { dst, src }
        | Op::AssignAgg { dst, src }
        | Op::LoadField { dst, agg: src, .. }
        | Op::AddrField { dst, agg: src, .. }
        | Op::AddrAgg { dst, agg: src }
        | Op::SliceToArray { dst, src, .. }
        | Op::Len { dst, src }
        | Op::Cap { dst, src }
        | Op::MapIterStart { dst, m: src }
        | Op::MakeIface { dst, src, .. }
        | Op::TypeAssert { dst, src, .. }
        | Op::Recv { dst, ch: src } => dst == r || src == r,
        Op::AddInt { dst, a, b }
        | Op::AddIntStoreCapture { dst, a, b, .. }
        | Op::AddIntLoopLtImm { dst, a, b }
        | Op::AddIntLoopIncLtConst { dst, a, b }
        | Op::SubInt { dst, a, b }
        | Op::MulInt { dst, a, b }
        | Op::DivInt { dst, a, b }
        | Op::RemInt { dst, a, b }
        | Op::DivUint { dst, a, b }
        | Op::RemUint { dst, a, b }
        | Op::And { dst, a, b }
        | Op::Or { dst, a, b }
        | Op::Xor { dst, a, b }
        | Op::AndNot { dst, a, b }
        | Op::Shl { dst, a, b }
        | Op::ShrInt { dst, a, b }
        | Op::ShrUint { dst, a, b }
        | Op::EqInt { dst, a, b }
        | Op::NeInt { dst, a, b }
        | Op::LtInt { dst, a, b }
        | Op::LeInt { dst, a, b }
        | Op::LtUint { dst, a, b }
        | Op::LeUint { dst, a, b }
        | Op::AddFloat { dst, a, b }
        | Op::SubFloat { dst, a, b }
        | Op::MulFloat { dst, a, b }
        | Op::DivFloat { dst, a, b }
        | Op::EqFloat { dst, a, b }
        | Op::LtFloat { dst, a, b }
        | Op::LeFloat { dst, a, b }
        | Op::Eq { dst, a, b }
        | Op::Ne { dst, a, b }
        | Op::Concat { dst, a, b }
        | Op::LtStr { dst, a, b }
        | Op::LeStr { dst, a, b }
        | Op::IndexStr { dst, s: a, i: b }
        | Op::LoadElem { dst, x: a, i: b }
        | Op::AddrElem { dst, x: a, i: b }
        | Op::MapGet { dst, m: a, key: b } => dst == r || a == r || b == r,
        // The store; the deferred calls after it touch no register of this frame.
        Op::Store { ptr: a, src: b }
        | Op::StoreRunDefers { ptr: a, src: b }
        | Op::JumpIfLtInt { a, b, .. }
        | Op::IfLtInt { a, b, .. }
        | Op::IfLeInt { a, b, .. }
        | Op::IfEqInt { a, b, .. }
        | Op::IfNeInt { a, b, .. }
        | Op::MapDelete { m: a, key: b }
        | Op::Clear { x: a, zero: b }
        | Op::Send { ch: a, src: b } => a == r || b == r,
        Op::StoreField { agg, src, .. } => agg == r || src == r,
        Op::StoreElemConst { x: a, i: b, .. } => a == r || b == r,
        Op::LoopIncLtConst { r: counter, .. } => Reg::from(counter) == r,
        Op::LoopLtImm {
            r: counter, limit, ..
        }
        | Op::LoopLeImm {
            r: counter, limit, ..
        }
        | Op::LoopGtImm {
            r: counter, limit, ..
        }
        | Op::LoopGeImm {
            r: counter, limit, ..
        } => Reg::from(counter) == r || limit == r,
        Op::LoopLt {
            r: counter,
            limit,
            step,
            ..
        }
        | Op::LoopLe {
            r: counter,
            limit,
            step,
            ..
        }
        | Op::LoopGt {
            r: counter,
            limit,
            step,
            ..
        }
        | Op::LoopGe {
            r: counter,
            limit,
            step,
            ..
        } => Reg::from(counter) == r || limit == r || step == r,
        Op::StoreElem { x, i, src } | Op::MapSet { m: x, key: i, src } => {
            x == r || i == r || src == r
        }
        Op::SliceStr { dst, s, bounds } => dst == r || s == r || group(bounds, 2),
        Op::Slice { dst, x, bounds } => dst == r || x == r || group(bounds, 3),
        Op::DecodeRune { dst, s, i } => group(dst, 2) || s == r || i == r,
        Op::MapGetOk { dst, m, key } | Op::MapGetOkInt { dst, m, key } => {
            group(dst, 2) || m == r || key == r
        }
        Op::TypeAssertOk { dst, src, .. } => group(dst, 2) || src == r,
        Op::RecvOk { dst, ch } => group(dst, 2) || ch == r,
        Op::MapIterNext { dst, iter, .. } => group(dst, 2) || group(iter, 2),
        Op::MakeAgg { dst, base, n } | Op::SliceLit { dst, base, n } => {
            dst == r || group(base, u32::from(n))
        }
        Op::MakeSlice { dst, args } | Op::MakeChan { dst, args } => dst == r || group(args, 3),
        Op::Append { dst, s, v, .. } | Op::AppendSlice { dst, s, t: v, .. } => {
            dst == r || s == r || v == r
        }
        Op::AppendStack { dst, s, v, .. } | Op::AppendSliceStack { dst, s, t: v, .. } => {
            dst == r || s == r || group(v, 2)
        }
        Op::MoveToHeap { s, state, .. } => s == r || state == r,
        Op::Call { base, .. } | Op::CallMethod { base, .. } => from(base),
        Op::CallValue { base, callee } => from(base) || callee == r,
        Op::CallNative { base, .. } | Op::CallSync { base, .. } => from(base),
        Op::BuilderWriteString { base } => group(base, 2),
        Op::BuilderWriteStringLocal { builder, base } => group(base, 2) || builder == r,
        Op::Return { src, n } => group(src, u32::from(n)),
        // The load, then the return's move of the result into register 0.
        Op::LoadCaptureReturn { dst, .. } => dst == r || r == 0,
        Op::LoadReturn { dst, ptr } => dst == r || ptr == r || r == 0,
        // The add; the return's write of register 0 is the kept `Return`'s,
        // which (as every `Return`) does not count as touching a parameter
        // (counting it made `return v.x*k + v.y` unable to borrow `v`:
        // methods benchmark, a `CopyAgg` per call).
        Op::AddIntReturn { dst, a, b } => dst == r || a == r || b == r,
        Op::Defer { base, callee, .. } | Op::Go { base, callee, .. } => from(base) || callee == r,
        Op::Select { dst, cases, .. } => from(dst.min(cases)),
    }
}
