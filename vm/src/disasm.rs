//! Disassembly: each instruction's name and operands, from one exhaustive `match` on `Op`.

use crate::op::{BackEdge, LoopStepBy, Op, SyncCall};
use crate::program::{FuncProto, Program};

/// The instruction's name and its operands as text.
pub fn name_and_operands(op: &Op) -> (&'static str, String) {
    match *op {
        Op::Nop => ("Nop", String::new()),
        Op::Go {
            base,
            callee,
            n_args,
        } => ("Go", format!("r{base} r{callee} {n_args}")),
        Op::MakeChan { dst, args } => ("MakeChan", format!("r{dst} r{args}")),
        Op::Send { ch, src } => ("Send", format!("r{ch} r{src}")),
        Op::Recv { dst, ch } => ("Recv", format!("r{dst} r{ch}")),
        Op::RecvOk { dst, ch } => ("RecvOk", format!("r{dst} r{ch}")),
        Op::Close { ch } => ("Close", format!("r{ch}")),
        Op::Select {
            dst,
            cases,
            n_send,
            n_recv,
            block,
        } => (
            "Select",
            format!(
                "r{dst} r{cases} {n_send} {n_recv} {}",
                if block { "block" } else { "default" }
            ),
        ),
        Op::IfLtInt { a, b, .. } => ("IfLtInt", format!("r{a} r{b}")),
        Op::IfLeInt { a, b, .. } => ("IfLeInt", format!("r{a} r{b}")),
        Op::IfLtIntImm { a, imm, .. } => ("IfLtIntImm", format!("r{a} {imm}")),
        Op::IfLeIntImm { a, imm, .. } => ("IfLeIntImm", format!("r{a} {imm}")),
        Op::IfGtIntImm { a, imm, .. } => ("IfGtIntImm", format!("r{a} {imm}")),
        Op::IfGeIntImm { a, imm, .. } => ("IfGeIntImm", format!("r{a} {imm}")),
        Op::IfEqInt { a, b, .. } => ("IfEqInt", format!("r{a} r{b}")),
        Op::IfNeInt { a, b, .. } => ("IfNeInt", format!("r{a} r{b}")),
        Op::IfEqIntImm { a, imm, .. } => ("IfEqIntImm", format!("r{a} {imm}")),
        Op::IfNeIntImm { a, imm, .. } => ("IfNeIntImm", format!("r{a} {imm}")),
        Op::IfNil { a } => ("IfNil", format!("r{a}")),
        Op::IfNotNil { a } => ("IfNotNil", format!("r{a}")),
        Op::LoopLtImm { .. }
        | Op::LoopLeImm { .. }
        | Op::LoopGtImm { .. }
        | Op::LoopGeImm { .. }
        | Op::LoopLt { .. }
        | Op::LoopLe { .. }
        | Op::LoopGt { .. }
        | Op::LoopGe { .. } => {
            let BackEdge {
                r,
                limit,
                step,
                cmp,
                back,
            } = BackEdge::of(op).expect("a loop back-edge");
            let name = match op {
                Op::LoopLtImm { .. } => "LoopLtImm",
                Op::LoopLeImm { .. } => "LoopLeImm",
                Op::LoopGtImm { .. } => "LoopGtImm",
                Op::LoopGeImm { .. } => "LoopGeImm",
                Op::LoopLt { .. } => "LoopLt",
                Op::LoopLe { .. } => "LoopLe",
                Op::LoopGt { .. } => "LoopGt",
                _ => "LoopGe",
            };
            let cmp = cmp.symbol();
            match step {
                LoopStepBy::Imm(step) => (name, format!("r{r} {step:+} {cmp} r{limit} -{back}")),
                LoopStepBy::Reg(step) => (name, format!("r{r} +r{step} {cmp} r{limit} -{back}")),
            }
        }
        Op::Move { dst, src } => ("Move", format!("r{dst} r{src}")),
        Op::LoadInt { dst, val } => ("LoadInt", format!("r{dst} {val}")),
        Op::LoadConst { dst, idx } => ("LoadConst", format!("r{dst} K{idx}")),
        Op::LoadNil { dst } => ("LoadNil", format!("r{dst}")),
        Op::LoadBool { dst, val } => ("LoadBool", format!("r{dst} {val}")),
        Op::LoadFunc { dst, func } => ("LoadFunc", format!("r{dst} F{func}")),
        Op::LoadGlobal { dst, idx } => ("LoadGlobal", format!("r{dst} G{idx}")),
        Op::StoreGlobal { idx, src } => ("StoreGlobal", format!("G{idx} r{src}")),
        Op::LoadGlobalCell { dst, idx } => ("LoadGlobalCell", format!("r{dst} G{idx}")),
        Op::StoreGlobalCell { idx, src } => ("StoreGlobalCell", format!("G{idx} r{src}")),
        Op::AddInt { dst, a, b } => ("AddInt", abc(dst, a, b)),
        Op::AddIntImm { dst, a, imm } => ("AddIntImm", format!("r{dst} r{a} {imm}")),
        Op::SubInt { dst, a, b } => ("SubInt", abc(dst, a, b)),
        Op::MulInt { dst, a, b } => ("MulInt", abc(dst, a, b)),
        Op::MulIntImm { dst, a, imm } => ("MulIntImm", format!("r{dst} r{a} {imm}")),
        Op::DivIntImm { dst, a, imm } => ("DivIntImm", format!("r{dst} r{a} {imm}")),
        Op::RemIntImm { dst, a, imm } => ("RemIntImm", format!("r{dst} r{a} {imm}")),
        Op::DivInt { dst, a, b } => ("DivInt", abc(dst, a, b)),
        Op::RemInt { dst, a, b } => ("RemInt", abc(dst, a, b)),
        Op::DivUint { dst, a, b } => ("DivUint", abc(dst, a, b)),
        Op::RemUint { dst, a, b } => ("RemUint", abc(dst, a, b)),
        Op::And { dst, a, b } => ("And", abc(dst, a, b)),
        Op::Or { dst, a, b } => ("Or", abc(dst, a, b)),
        Op::Xor { dst, a, b } => ("Xor", abc(dst, a, b)),
        Op::AndNot { dst, a, b } => ("AndNot", abc(dst, a, b)),
        Op::Shl { dst, a, b } => ("Shl", abc(dst, a, b)),
        Op::ShrInt { dst, a, b } => ("ShrInt", abc(dst, a, b)),
        Op::ShrUint { dst, a, b } => ("ShrUint", abc(dst, a, b)),
        Op::AndImm { dst, a, imm } => ("AndImm", format!("r{dst} r{a} {imm}")),
        Op::ShlImm { dst, a, n } => ("ShlImm", format!("r{dst} r{a} {n}")),
        Op::ShrIntImm { dst, a, n } => ("ShrIntImm", format!("r{dst} r{a} {n}")),
        Op::ShrUintImm { dst, a, n } => ("ShrUintImm", format!("r{dst} r{a} {n}")),
        Op::NegInt { dst, src } => ("NegInt", ab(dst, src)),
        Op::BitNot { dst, src } => ("BitNot", ab(dst, src)),
        Op::Wrap { dst, src, kind } => ("Wrap", format!("r{dst} r{src} {}", kind.go_name())),
        Op::EqInt { dst, a, b } => ("EqInt", abc(dst, a, b)),
        Op::NeInt { dst, a, b } => ("NeInt", abc(dst, a, b)),
        Op::LtInt { dst, a, b } => ("LtInt", abc(dst, a, b)),
        Op::LeInt { dst, a, b } => ("LeInt", abc(dst, a, b)),
        Op::LtUint { dst, a, b } => ("LtUint", abc(dst, a, b)),
        Op::LeUint { dst, a, b } => ("LeUint", abc(dst, a, b)),
        Op::AddFloat { dst, a, b } => ("AddFloat", abc(dst, a, b)),
        Op::SubFloat { dst, a, b } => ("SubFloat", abc(dst, a, b)),
        Op::MulFloat { dst, a, b } => ("MulFloat", abc(dst, a, b)),
        Op::DivFloat { dst, a, b } => ("DivFloat", abc(dst, a, b)),
        Op::NegFloat { dst, src } => ("NegFloat", ab(dst, src)),
        Op::RoundF32 { dst, src } => ("RoundF32", ab(dst, src)),
        Op::EqFloat { dst, a, b } => ("EqFloat", abc(dst, a, b)),
        Op::LtFloat { dst, a, b } => ("LtFloat", abc(dst, a, b)),
        Op::LeFloat { dst, a, b } => ("LeFloat", abc(dst, a, b)),
        Op::IntToFloat { dst, src } => ("IntToFloat", ab(dst, src)),
        Op::UintToFloat { dst, src } => ("UintToFloat", ab(dst, src)),
        Op::FloatToInt { dst, src } => ("FloatToInt", ab(dst, src)),
        Op::FloatToUint { dst, src } => ("FloatToUint", ab(dst, src)),
        Op::RuneToString { dst, src } => ("RuneToString", ab(dst, src)),
        Op::BytesToString { dst, src } => ("BytesToString", ab(dst, src)),
        Op::StringToBytes { dst, src } => ("StringToBytes", ab(dst, src)),
        Op::Not { dst, src } => ("Not", ab(dst, src)),
        Op::Eq { dst, a, b } => ("Eq", abc(dst, a, b)),
        Op::Ne { dst, a, b } => ("Ne", abc(dst, a, b)),
        Op::IsNil { dst, src } => ("IsNil", ab(dst, src)),
        Op::Concat { dst, a, b } => ("Concat", abc(dst, a, b)),
        Op::LtStr { dst, a, b } => ("LtStr", abc(dst, a, b)),
        Op::LeStr { dst, a, b } => ("LeStr", abc(dst, a, b)),
        Op::LenStr { dst, src } => ("LenStr", ab(dst, src)),
        Op::IndexStr { dst, s, i } => ("IndexStr", abc(dst, s, i)),
        Op::SliceStr { dst, s, bounds } => ("SliceStr", format!("r{dst} r{s} r{bounds}..")),
        Op::DecodeRune { dst, s, i } => ("DecodeRune", abc(dst, s, i)),
        Op::Jump { off } => ("Jump", format!("{off:+}")),
        Op::JumpIf { cond, off } => ("JumpIf", format!("r{cond} {off:+}")),
        Op::JumpIfNot { cond, off } => ("JumpIfNot", format!("r{cond} {off:+}")),
        Op::JumpIfLtInt { a, b, off } => ("JumpIfLtInt", format!("r{a} r{b} {off:+}")),
        Op::Call { base, func } => ("Call", format!("r{base} F{func}")),
        Op::CallValue { base, callee } => ("CallValue", format!("r{base} r{callee}")),
        Op::CallNative {
            base,
            native,
            n_args,
        } => ("CallNative", format!("r{base} N{native} {n_args}")),
        Op::CallSync { base, native, call } => ("CallSync", format!("r{base} N{native} {call:?}")),
        Op::BuilderWriteString { base } => ("BuilderWriteString", format!("r{base}")),
        Op::BuilderWriteStringLocal { builder, base } => {
            ("BuilderWriteStringLocal", format!("r{base} &r{builder}"))
        }
        Op::CallMethod { base, name } => ("CallMethod", format!("r{base} M{name}")),
        Op::Return { src, n } => ("Return", format!("r{src} {n}")),
        Op::Defer {
            base,
            callee,
            n_args,
        } => ("Defer", format!("r{base} r{callee} {n_args}")),
        Op::RunDefers => ("RunDefers", String::new()),
        Op::DeferClosure { proto } => ("DeferClosure", format!("F{proto}")),
        Op::MakeClosure { dst, proto } => ("MakeClosure", format!("r{dst} F{proto}")),
        Op::MakeClosureGo { dst, proto } => ("MakeClosureGo", format!("r{dst} F{proto}")),
        Op::LoadCapture { dst, idx } => ("LoadCapture", format!("r{dst} C{idx}")),
        Op::StoreCapture { idx, src } => ("StoreCapture", format!("C{idx} r{src}")),
        Op::CaptureRef { dst, idx } => ("CaptureRef", format!("r{dst} C{idx}")),
        Op::LoadCaptureReturn { dst, idx } => ("LoadCaptureReturn", format!("r{dst} C{idx}")),
        Op::LoadCaptureAddStore { dst, b, sum, idx } => {
            ("LoadCaptureAddStore", format!("r{dst} C{idx} r{sum} r{b}"))
        }
        Op::LoadCaptureAddImmStore { dst, imm, sum, idx } => (
            "LoadCaptureAddImmStore",
            format!("r{dst} C{idx} r{sum} {imm}"),
        ),
        Op::LoadCaptureAddStoreReturn { dst, b, sum, idx } => (
            "LoadCaptureAddStoreReturn",
            format!("r{dst} C{idx} r{sum} r{b}"),
        ),
        Op::LoadCaptureAddImmStoreReturn { dst, imm, sum, idx } => (
            "LoadCaptureAddImmStoreReturn",
            format!("r{dst} C{idx} r{sum} {imm}"),
        ),
        Op::LoadReturn { dst, ptr } => ("LoadReturn", ab(dst, ptr)),
        Op::LoadCaptureCallSync {
            dst,
            idx,
            call,
            delta,
            keep,
        } => (
            "LoadCaptureCallSync",
            format!("r{dst} C{idx} {call:?}{}", sync_operands(call, delta, keep)),
        ),
        Op::LoadCallSync {
            dst,
            ptr,
            call,
            delta,
            keep,
        } => (
            "LoadCallSync",
            format!("r{dst} r{ptr} {call:?}{}", sync_operands(call, delta, keep)),
        ),
        Op::LoadFuncDeferCapture {
            callee,
            base,
            func,
            idx,
        } => (
            "LoadFuncDeferCapture",
            format!("r{callee} F{func} r{base} C{idx}"),
        ),
        Op::AddIntStoreCapture { dst, a, b, idx } => {
            ("AddIntStoreCapture", format!("r{dst} r{a} r{b} C{idx}"))
        }
        Op::AddIntImmStoreCapture { dst, a, imm, idx } => {
            ("AddIntImmStoreCapture", format!("r{dst} r{a} {imm} C{idx}"))
        }
        Op::ShrIntImmXor { dst, a, n } => ("ShrIntImmXor", format!("r{dst} r{a} {n}")),
        Op::AddIntLoopLtImm { dst, a, b } => ("AddIntLoopLtImm", format!("r{dst} r{a} r{b}")),
        Op::AddIntLoopIncLtConst { dst, a, b } => {
            ("AddIntLoopIncLtConst", format!("r{dst} r{a} r{b}"))
        }
        Op::LoopIncLtConst { r, back, limit } => {
            ("LoopIncLtConst", format!("r{r} +1 < {limit} -{back}"))
        }
        Op::AddIntReturn { dst, a, b } => ("AddIntReturn", format!("r{dst} r{a} r{b}")),
        Op::AddIntImmCall { dst, a, imm } => ("AddIntImmCall", format!("r{dst} r{a} {imm}")),
        Op::NewCell { dst, src } => ("NewCell", ab(dst, src)),
        Op::NewCellInt { dst, val } => ("NewCellInt", format!("r{dst} {val}")),
        Op::Load { dst, ptr } => ("Load", ab(dst, ptr)),
        Op::Store { ptr, src } => ("Store", ab(ptr, src)),
        Op::StoreRunDefers { ptr, src } => ("StoreRunDefers", ab(ptr, src)),
        Op::MakeAgg { dst, base, n } => ("MakeAgg", format!("r{dst} r{base} {n}")),
        Op::CopyAgg { dst, src } => ("CopyAgg", ab(dst, src)),
        Op::ShareAgg { dst, src } => ("ShareAgg", ab(dst, src)),
        Op::AssignAgg { dst, src } => ("AssignAgg", ab(dst, src)),
        Op::LoadField { dst, agg, field } => ("LoadField", format!("r{dst} r{agg} .{field}")),
        Op::StoreField { agg, field, src } => ("StoreField", format!("r{agg} .{field} r{src}")),
        Op::AddrField { dst, agg, field } => ("AddrField", format!("r{dst} r{agg} .{field}")),
        Op::AddrAgg { dst, agg } => ("AddrAgg", ab(dst, agg)),
        Op::LoadElem { dst, x, i } => ("LoadElem", abc(dst, x, i)),
        Op::StoreElem { x, i, src } => ("StoreElem", abc(x, i, src)),
        Op::StoreElemConst { x, i, idx } => ("StoreElemConst", format!("r{x} r{i} K{idx}")),
        Op::AddrElem { dst, x, i } => ("AddrElem", abc(dst, x, i)),
        Op::MakeSlice { dst, args } => ("MakeSlice", format!("r{dst} r{args}..")),
        Op::SliceLit { dst, base, n } => ("SliceLit", format!("r{dst} r{base} {n}")),
        Op::Slice { dst, x, bounds } => ("Slice", format!("r{dst} r{x} r{bounds}..")),
        Op::Clear { x, zero } => ("Clear", format!("r{x} r{zero}")),
        Op::SliceToArray { dst, src, len, ptr } => (
            "SliceToArray",
            format!("r{dst} r{src} {}{len}", if ptr { "*" } else { "" }),
        ),
        Op::NilCheck { ptr } => ("NilCheck", format!("r{ptr}")),
        Op::Append { dst, s, v, elem } => ("Append", format!("r{dst} r{s} r{v} elem={elem:#x}")),
        Op::AppendSlice { dst, s, t, elem } => {
            ("AppendSlice", format!("r{dst} r{s} r{t} elem={elem:#x}"))
        }
        Op::AppendStack { dst, s, v, elem } => {
            ("AppendStack", format!("r{dst} r{s} r{v} elem={elem:#x}"))
        }
        Op::AppendSliceStack { dst, s, t, elem } => (
            "AppendSliceStack",
            format!("r{dst} r{s} r{t} elem={elem:#x}"),
        ),
        Op::MoveToHeap { s, state, elem } => {
            ("MoveToHeap", format!("r{s} r{state} elem={elem:#x}"))
        }
        Op::Len { dst, src } => ("Len", ab(dst, src)),
        Op::Cap { dst, src } => ("Cap", ab(dst, src)),
        Op::MakeMap { dst } => ("MakeMap", format!("r{dst}")),
        Op::MapGet { dst, m, key } => ("MapGet", abc(dst, m, key)),
        Op::MapGetOk { dst, m, key } => ("MapGetOk", abc(dst, m, key)),
        Op::MapGetOkInt { dst, m, key } => ("MapGetOkInt", abc(dst, m, key)),
        Op::MapSet { m, key, src } => ("MapSet", abc(m, key, src)),
        Op::MapDelete { m, key } => ("MapDelete", ab(m, key)),
        Op::MapIterStart { dst, m } => ("MapIterStart", ab(dst, m)),
        Op::MapIterNext { dst, iter, off } => ("MapIterNext", format!("r{dst} r{iter} {off:+}")),
        Op::MakeIface { dst, src, ty } => ("MakeIface", format!("r{dst} r{src} T{ty}")),
        Op::TypeAssert { dst, src, assert } => ("TypeAssert", format!("r{dst} r{src} A{assert}")),
        Op::TypeAssertOk { dst, src, assert } => {
            ("TypeAssertOk", format!("r{dst} r{src} A{assert}"))
        }
        Op::Panic { src } => ("Panic", format!("r{src}")),
        Op::Recover { dst } => ("Recover", format!("r{dst}")),
    }
}

/// One instruction of every kind, for the test that disassembles them all.
/// Keep in the order of `enum Op` (ORDER OP).
pub fn every_kind() -> Vec<Op> {
    use crate::rtype::IntKind;
    vec![
        Op::Clear { x: 1, zero: 2 },
        Op::SliceToArray {
            dst: 1,
            src: 2,
            len: 3,
            ptr: true,
        },
        Op::Nop,
        Op::Move { dst: 1, src: 1 },
        Op::LoadInt { dst: 1, val: -5 },
        Op::LoadConst { dst: 1, idx: 2 },
        Op::LoadNil { dst: 1 },
        Op::LoadBool { dst: 1, val: true },
        Op::LoadFunc { dst: 1, func: 2 },
        Op::LoadGlobal { dst: 1, idx: 2 },
        Op::StoreGlobal { idx: 2, src: 1 },
        Op::LoadGlobalCell { dst: 1, idx: 2 },
        Op::StoreGlobalCell { idx: 2, src: 1 },
        Op::AddInt { dst: 1, a: 1, b: 1 },
        Op::AddIntImm {
            dst: 1,
            a: 1,
            imm: -6,
        },
        Op::SubInt { dst: 1, a: 1, b: 1 },
        Op::MulInt { dst: 1, a: 1, b: 1 },
        Op::MulIntImm {
            dst: 1,
            a: 1,
            imm: 3,
        },
        Op::DivIntImm {
            dst: 1,
            a: 1,
            imm: 3,
        },
        Op::RemIntImm {
            dst: 1,
            a: 1,
            imm: 1000,
        },
        Op::DivInt { dst: 1, a: 1, b: 1 },
        Op::RemInt { dst: 1, a: 1, b: 1 },
        Op::DivUint { dst: 1, a: 1, b: 1 },
        Op::RemUint { dst: 1, a: 1, b: 1 },
        Op::And { dst: 1, a: 1, b: 1 },
        Op::Or { dst: 1, a: 1, b: 1 },
        Op::Xor { dst: 1, a: 1, b: 1 },
        Op::AndNot { dst: 1, a: 1, b: 1 },
        Op::Shl { dst: 1, a: 1, b: 1 },
        Op::ShrInt { dst: 1, a: 1, b: 1 },
        Op::ShrUint { dst: 1, a: 1, b: 1 },
        Op::AndImm {
            dst: 1,
            a: 1,
            imm: 2,
        },
        Op::ShlImm { dst: 1, a: 1, n: 2 },
        Op::ShrIntImm { dst: 1, a: 1, n: 2 },
        Op::ShrUintImm { dst: 1, a: 1, n: 2 },
        Op::NegInt { dst: 1, src: 1 },
        Op::BitNot { dst: 1, src: 1 },
        Op::Wrap {
            dst: 1,
            src: 1,
            kind: IntKind::Int8,
        },
        Op::EqInt { dst: 1, a: 1, b: 1 },
        Op::NeInt { dst: 1, a: 1, b: 1 },
        Op::LtInt { dst: 1, a: 1, b: 1 },
        Op::LeInt { dst: 1, a: 1, b: 1 },
        Op::LtUint { dst: 1, a: 1, b: 1 },
        Op::LeUint { dst: 1, a: 1, b: 1 },
        Op::AddFloat { dst: 1, a: 1, b: 1 },
        Op::SubFloat { dst: 1, a: 1, b: 1 },
        Op::MulFloat { dst: 1, a: 1, b: 1 },
        Op::DivFloat { dst: 1, a: 1, b: 1 },
        Op::NegFloat { dst: 1, src: 1 },
        Op::RoundF32 { dst: 1, src: 1 },
        Op::EqFloat { dst: 1, a: 1, b: 1 },
        Op::LtFloat { dst: 1, a: 1, b: 1 },
        Op::LeFloat { dst: 1, a: 1, b: 1 },
        Op::IntToFloat { dst: 1, src: 1 },
        Op::UintToFloat { dst: 1, src: 1 },
        Op::FloatToInt { dst: 1, src: 1 },
        Op::FloatToUint { dst: 1, src: 1 },
        Op::RuneToString { dst: 1, src: 1 },
        Op::BytesToString { dst: 1, src: 1 },
        Op::StringToBytes { dst: 1, src: 1 },
        Op::Not { dst: 1, src: 1 },
        Op::Eq { dst: 1, a: 1, b: 1 },
        Op::Ne { dst: 1, a: 1, b: 1 },
        Op::IsNil { dst: 1, src: 1 },
        Op::Concat { dst: 1, a: 1, b: 1 },
        Op::LtStr { dst: 1, a: 1, b: 1 },
        Op::LeStr { dst: 1, a: 1, b: 1 },
        Op::LenStr { dst: 1, src: 1 },
        Op::IndexStr { dst: 1, s: 1, i: 1 },
        Op::SliceStr {
            dst: 1,
            s: 1,
            bounds: 1,
        },
        Op::DecodeRune { dst: 1, s: 1, i: 1 },
        Op::Jump { off: -5 },
        Op::JumpIf { cond: 1, off: -5 },
        Op::JumpIfNot { cond: 1, off: -5 },
        Op::JumpIfLtInt {
            a: 1,
            b: 1,
            off: -6,
        },
        Op::IfLtInt { a: 1, b: 2, off: 3 },
        Op::IfLeInt { a: 1, b: 2, off: 3 },
        Op::IfLtIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfLeIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfGtIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfGeIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfEqInt { a: 1, b: 2, off: 3 },
        Op::IfNeInt { a: 1, b: 2, off: 3 },
        Op::IfEqIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfNeIntImm {
            a: 1,
            imm: 2,
            off: 3,
        },
        Op::IfNil { a: 1 },
        Op::IfNotNil { a: 1 },
        Op::LoopLtImm {
            r: 1,
            limit: 2,
            step: 1,
            back: 3,
        },
        Op::LoopLeImm {
            r: 1,
            limit: 2,
            step: 1,
            back: 3,
        },
        Op::LoopGtImm {
            r: 1,
            limit: 2,
            step: -1,
            back: 3,
        },
        Op::LoopGeImm {
            r: 1,
            limit: 2,
            step: -1,
            back: 3,
        },
        Op::LoopLt {
            r: 1,
            limit: 2,
            step: 3,
            back: 3,
        },
        Op::LoopLe {
            r: 1,
            limit: 2,
            step: 3,
            back: 3,
        },
        Op::LoopGt {
            r: 1,
            limit: 2,
            step: 3,
            back: 3,
        },
        Op::LoopGe {
            r: 1,
            limit: 2,
            step: 3,
            back: 3,
        },
        Op::Call { base: 1, func: 2 },
        Op::CallValue { base: 1, callee: 1 },
        Op::CallNative {
            base: 1,
            native: 3,
            n_args: 4,
        },
        Op::CallSync {
            base: 1,
            native: 3,
            call: SyncCall::WaitGroupAdd,
        },
        Op::BuilderWriteString { base: 1 },
        Op::BuilderWriteStringLocal {
            builder: 1,
            base: 2,
        },
        Op::CallMethod { base: 1, name: 3 },
        Op::Return { src: 1, n: 3 },
        Op::Defer {
            base: 1,
            callee: 1,
            n_args: 4,
        },
        Op::RunDefers,
        Op::DeferClosure { proto: 2 },
        Op::MakeClosure { dst: 1, proto: 2 },
        Op::MakeClosureGo { dst: 1, proto: 2 },
        Op::LoadCapture { dst: 1, idx: 3 },
        Op::StoreCapture { idx: 3, src: 1 },
        Op::CaptureRef { dst: 1, idx: 3 },
        Op::LoadCaptureReturn { dst: 1, idx: 3 },
        Op::LoadCaptureAddStore {
            dst: 1,
            b: 2,
            sum: 3,
            idx: 4,
        },
        Op::LoadCaptureAddImmStore {
            dst: 1,
            imm: -1,
            sum: 3,
            idx: 4,
        },
        Op::LoadCaptureAddStoreReturn {
            dst: 1,
            b: 2,
            sum: 3,
            idx: 4,
        },
        Op::LoadCaptureAddImmStoreReturn {
            dst: 1,
            imm: -1,
            sum: 3,
            idx: 4,
        },
        Op::LoadReturn { dst: 1, ptr: 3 },
        Op::AddIntStoreCapture {
            dst: 1,
            a: 2,
            b: 3,
            idx: 4,
        },
        Op::AddIntImmStoreCapture {
            dst: 1,
            a: 2,
            imm: -1,
            idx: 4,
        },
        Op::ShrIntImmXor { dst: 1, a: 2, n: 3 },
        Op::AddIntLoopLtImm { dst: 1, a: 2, b: 3 },
        Op::AddIntLoopIncLtConst { dst: 1, a: 2, b: 3 },
        Op::LoopIncLtConst {
            r: 1,
            back: 2,
            limit: 1000,
        },
        Op::AddIntReturn { dst: 1, a: 2, b: 3 },
        Op::AddIntImmCall {
            dst: 1,
            a: 2,
            imm: -1,
        },
        Op::NewCell { dst: 1, src: 1 },
        Op::NewCellInt { dst: 1, val: 0 },
        Op::Load { dst: 1, ptr: 1 },
        Op::Store { ptr: 1, src: 1 },
        Op::StoreRunDefers { ptr: 1, src: 2 },
        Op::MakeAgg {
            dst: 1,
            base: 1,
            n: 3,
        },
        Op::CopyAgg { dst: 1, src: 1 },
        Op::ShareAgg { dst: 1, src: 2 },
        Op::AssignAgg { dst: 1, src: 1 },
        Op::LoadField {
            dst: 1,
            agg: 1,
            field: 3,
        },
        Op::StoreField {
            agg: 1,
            field: 3,
            src: 1,
        },
        Op::AddrField {
            dst: 1,
            agg: 1,
            field: 3,
        },
        Op::AddrAgg { dst: 1, agg: 1 },
        Op::LoadCaptureCallSync {
            dst: 1,
            idx: 2,
            call: SyncCall::MutexLock,
            delta: 0,
            keep: false,
        },
        Op::LoadCallSync {
            dst: 1,
            ptr: 2,
            call: SyncCall::WaitGroupAdd,
            delta: -1,
            keep: true,
        },
        Op::LoadFuncDeferCapture {
            callee: 1,
            base: 2,
            func: 3,
            idx: 4,
        },
        Op::LoadElem { dst: 1, x: 1, i: 1 },
        Op::StoreElem { x: 1, i: 1, src: 1 },
        Op::StoreElemConst { x: 1, i: 1, idx: 0 },
        Op::AddrElem { dst: 1, x: 1, i: 1 },
        Op::MakeSlice { dst: 1, args: 1 },
        Op::SliceLit {
            dst: 1,
            base: 1,
            n: 3,
        },
        Op::Slice {
            dst: 1,
            x: 1,
            bounds: 1,
        },
        Op::NilCheck { ptr: 1 },
        Op::Append {
            dst: 1,
            s: 1,
            v: 1,
            elem: 4,
        },
        Op::AppendSlice {
            dst: 1,
            s: 1,
            t: 1,
            elem: 4,
        },
        Op::AppendStack {
            dst: 1,
            s: 1,
            v: 1,
            elem: 4,
        },
        Op::AppendSliceStack {
            dst: 1,
            s: 1,
            t: 1,
            elem: 4,
        },
        Op::MoveToHeap {
            s: 1,
            state: 2,
            elem: 8,
        },
        Op::Len { dst: 1, src: 1 },
        Op::Cap { dst: 1, src: 1 },
        Op::MakeMap { dst: 1 },
        Op::MapGet {
            dst: 1,
            m: 1,
            key: 1,
        },
        Op::MapGetOk {
            dst: 1,
            m: 1,
            key: 1,
        },
        Op::MapGetOkInt {
            dst: 1,
            m: 1,
            key: 1,
        },
        Op::MapSet {
            m: 1,
            key: 1,
            src: 1,
        },
        Op::MapDelete { m: 1, key: 1 },
        Op::MapIterStart { dst: 1, m: 1 },
        Op::MapIterNext {
            dst: 1,
            iter: 1,
            off: -6,
        },
        Op::MakeIface {
            dst: 1,
            src: 1,
            ty: 3,
        },
        Op::TypeAssert {
            dst: 1,
            src: 1,
            assert: 3,
        },
        Op::TypeAssertOk {
            dst: 1,
            src: 1,
            assert: 3,
        },
        Op::Go {
            base: 1,
            callee: 1,
            n_args: 2,
        },
        Op::MakeChan { dst: 1, args: 1 },
        Op::Send { ch: 1, src: 1 },
        Op::Recv { dst: 1, ch: 1 },
        Op::RecvOk { dst: 1, ch: 1 },
        Op::Close { ch: 1 },
        Op::Select {
            dst: 1,
            cases: 1,
            n_send: 1,
            n_recv: 1,
            block: true,
        },
        Op::Panic { src: 1 },
        Op::Recover { dst: 1 },
    ]
}

/// A fused sync call's delta (`Add`'s) and whether it keeps the receiver's pointer.
fn sync_operands(call: SyncCall, delta: i8, keep: bool) -> String {
    let delta = match call {
        SyncCall::WaitGroupAdd => format!(" {delta}"),
        _ => String::new(),
    };
    let keep = if keep { " keep" } else { "" };
    format!("{delta}{keep}")
}

fn ab(a: u16, b: u16) -> String {
    format!("r{a} r{b}")
}

fn abc(a: u16, b: u16, c: u16) -> String {
    format!("r{a} r{b} r{c}")
}

/// One instruction as a line: `pc  Name  operands`.
pub fn instruction(pc: usize, op: &Op) -> String {
    let (name, operands) = name_and_operands(op);
    format!("{pc:4}  {name:<13} {operands}")
        .trim_end()
        .to_string()
}

/// A whole function, with the source line of each instruction.
pub fn function(program: &Program, proto: &FuncProto) -> String {
    let mut out = format!(
        "func {} (params {}, results {}, slots {})\n",
        proto.name, proto.n_params, proto.n_results, proto.n_slots
    );
    for (pc, op) in proto.code.iter().enumerate() {
        let line = instruction(pc, op);
        let loc = program.location(proto, pc);
        out.push_str(&format!("{line:<44} ; {loc}\n"));
    }
    out
}
