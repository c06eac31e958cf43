//! The instruction set: `enum Op`, one register-machine instruction per variant, documented in place.

use crate::rtype::IntKind;

/// A register: a slot index relative to the current frame's base.
pub type Reg = u16;

/// One instruction. Operands are inline; `size_of::<Op>() <= 8`.
///
/// Notation: `a`, `b`, `src` are registers read, `dst` the register written,
/// `R[x]` the register `x`, `K[i]` constant `i` of the function, `G[i]` global
/// `i`, `F[i]` function `i` of the program, `A[i]` type assertion `i` of the
/// program, `M[i]` method name `i` of the program, `off` a jump relative to the
/// *next* instruction.
///
/// Notes:
/// - Integer ops work on 64 bits; the compiler follows an op on a narrower type
///   with `Wrap` (see value.rs). float32 ops are followed by `RoundF32`.
/// - Calling convention: the caller puts the arguments in `R[base]`,
///   `R[base+1]`, ...; the callee's frame starts at `R[base]`, so its parameters
///   are its registers `0..n_params`. On return the results are in
///   `R[base]..R[base+n_results]`. A closure's receiver (if any) is argument 0.
/// - Ops with a "register group" (`SliceStr`'s `bounds`, `MakeSlice`'s `args`)
///   read several consecutive registers starting at the one named.
/// - `elem` of `Append`/`AppendSlice` is the element's size in bytes (0..=127;
///   larger elements say 127) plus 0x80 when the element holds pointers: Go's
///   growth rounds capacity up to malloc size classes, so `cap` depends on it.
/// - `MapGet` leaves `dst` unchanged when the key is missing: the compiler
///   loads the element type's zero value into `dst` first.
/// - A function containing `defer` ends every return path at its epilogue:
///   `RunDefers`, then loads of result cells, then `Return`. `RunDefers` runs
///   one deferred call per execution and re-executes itself until the chain is
///   empty; a recovered panic resumes the frame at the epilogue.
/// - Ops that can park (`Send`, `Recv`, `RecvOk`, `Select`, natives like
///   `(*sync.Mutex).Lock`) leave the pc on themselves and re-execute when the
///   goroutine is woken; they first take `Goroutine::wake`, which holds the
///   outcome the waker handed over (chan.rs).
/// - The `If*` tests skip the next instruction when their comparison holds.
///   The compiler always follows one with the `Jump` out of the `if` body, and
///   the VM takes that jump inside the test, as Lua's `OP_LT` does: a
///   compare-and-branch costs one dispatch. (Registers are the goroutine's own,
///   so fusing them cannot hide a switch point between shared-memory accesses.)
///   The test also holds that `Jump`'s target itself, as `off` from the `Jump`
///   (set when the `Jump` is patched, program.rs), so failing does not read
///   the `Jump`; `off` 0 (a target too far for its width, or behind an
///   immediate form, whose `off` is a forward byte) means read it.
/// - Every op that can panic writes its pc back to the frame first (`sync_pc`),
///   so the crash trace and `recover` see the right line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    // ----- moves and constants -----
    /// -> nothing
    Nop,
    /// dst = src (aggregates alias: use CopyAgg where Go copies)
    Move { dst: Reg, src: Reg },
    /// dst = int(val)
    LoadInt { dst: Reg, val: i32 },
    /// dst = K[idx]
    LoadConst { dst: Reg, idx: u32 },
    /// dst = nil
    LoadNil { dst: Reg },
    /// dst = val
    LoadBool { dst: Reg, val: bool },
    /// dst = F[func] as a func value
    LoadFunc { dst: Reg, func: u32 },
    /// dst = G[idx]
    LoadGlobal { dst: Reg, idx: u32 },
    /// G[idx] = src
    StoreGlobal { idx: u32, src: Reg },
    /// dst = *G[idx]: the value in a non-aggregate global's cell. One
    /// instruction for `LoadGlobal` + `Load`: the cell itself never changes
    /// after init, so reading it is not an access to shared memory and this
    /// still makes exactly one (the read of the cell's value).
    LoadGlobalCell { dst: Reg, idx: u32 },
    /// *G[idx] = src: the store into a non-aggregate global's cell
    /// (`LoadGlobal` + `Store`, one shared access as `LoadGlobalCell`).
    StoreGlobalCell { idx: u32, src: Reg },

    // ----- integers -----
    /// dst = a + b (wraps)
    AddInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a + imm (wraps)
    AddIntImm { dst: Reg, a: Reg, imm: i16 },
    /// dst = a - b (wraps)
    SubInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a * b (wraps)
    MulInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a * imm (wraps)
    MulIntImm { dst: Reg, a: Reg, imm: i16 },
    /// dst = a / imm on signed ints (wraps), imm a nonzero constant: no
    /// `LoadInt` of the divisor and no zero check (it cannot panic).
    DivIntImm { dst: Reg, a: Reg, imm: i16 },
    /// dst = a % imm on signed ints, imm a nonzero constant (`i%1000`, the
    /// defers benchmark): as `DivIntImm`.
    RemIntImm { dst: Reg, a: Reg, imm: i16 },
    /// dst = a / b, signed, truncated; panics if b == 0; MinInt64 / -1 wraps
    DivInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a % b, signed (sign of a); panics if b == 0
    RemInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a / b, unsigned; panics if b == 0
    DivUint { dst: Reg, a: Reg, b: Reg },
    /// dst = a % b, unsigned; panics if b == 0
    RemUint { dst: Reg, a: Reg, b: Reg },
    /// dst = a & b
    And { dst: Reg, a: Reg, b: Reg },
    /// dst = a | b
    Or { dst: Reg, a: Reg, b: Reg },
    /// dst = a ^ b
    Xor { dst: Reg, a: Reg, b: Reg },
    /// dst = a &^ b
    AndNot { dst: Reg, a: Reg, b: Reg },
    /// dst = a << b (0 when b >= 64; panics if b < 0)
    Shl { dst: Reg, a: Reg, b: Reg },
    /// dst = a >> b, arithmetic (signed a; panics if b < 0)
    ShrInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a >> b, logical (unsigned a; panics if b < 0)
    ShrUint { dst: Reg, a: Reg, b: Reg },
    /// dst = a & imm
    AndImm { dst: Reg, a: Reg, imm: i16 },
    /// dst = a << n, a constant count (0 when n >= 64)
    ShlImm { dst: Reg, a: Reg, n: u8 },
    /// dst = a >> n, arithmetic, a constant count at most 63 (the compiler clamps larger ones)
    ShrIntImm { dst: Reg, a: Reg, n: u8 },
    /// dst = a >> n, logical, a constant count (0 when n >= 64)
    ShrUintImm { dst: Reg, a: Reg, n: u8 },
    /// dst = -src (wraps)
    NegInt { dst: Reg, src: Reg },
    /// dst = ^src
    BitNot { dst: Reg, src: Reg },
    /// dst = src truncated to `kind`'s width (sign- or zero-extended)
    Wrap { dst: Reg, src: Reg, kind: IntKind },
    /// dst = a == b (ints)
    EqInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a != b (ints)
    NeInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a < b (signed)
    LtInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a <= b (signed)
    LeInt { dst: Reg, a: Reg, b: Reg },
    /// dst = a < b (unsigned)
    LtUint { dst: Reg, a: Reg, b: Reg },
    /// dst = a <= b (unsigned)
    LeUint { dst: Reg, a: Reg, b: Reg },

    // ----- floats -----
    /// dst = a + b
    AddFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = a - b
    SubFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = a * b
    MulFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = a / b (IEEE: x/0 is ±Inf or NaN, no panic)
    DivFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = -src
    NegFloat { dst: Reg, src: Reg },
    /// dst = src rounded to float32
    RoundF32 { dst: Reg, src: Reg },
    /// dst = a == b (floats; NaN != NaN)
    EqFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = a < b (floats)
    LtFloat { dst: Reg, a: Reg, b: Reg },
    /// dst = a <= b (floats)
    LeFloat { dst: Reg, a: Reg, b: Reg },

    // ----- conversions -----
    /// dst = float64(src), src signed
    IntToFloat { dst: Reg, src: Reg },
    /// dst = float64(src), src unsigned (uint64 bit pattern)
    UintToFloat { dst: Reg, src: Reg },
    /// dst = int64(src) truncated toward zero (then `Wrap` for narrower kinds)
    FloatToInt { dst: Reg, src: Reg },
    /// dst = uint64(src) truncated toward zero
    FloatToUint { dst: Reg, src: Reg },
    /// dst = string(rune(src)) (invalid code points give "\uFFFD")
    RuneToString { dst: Reg, src: Reg },
    /// dst = string(src) where src is a []byte
    BytesToString { dst: Reg, src: Reg },
    /// dst = []byte(src)
    StringToBytes { dst: Reg, src: Reg },

    // ----- booleans and generic comparison -----
    /// dst = !src
    Not { dst: Reg, src: Reg },
    /// dst = a == b, Go's == on any comparable type (structs, interfaces, pointers, ...)
    Eq { dst: Reg, a: Reg, b: Reg },
    /// dst = a != b, Go's != on any comparable type
    Ne { dst: Reg, a: Reg, b: Reg },
    /// dst = src == nil (pointer, slice, map, func, chan, interface)
    IsNil { dst: Reg, src: Reg },

    // ----- strings -----
    /// dst = a + b (strings)
    Concat { dst: Reg, a: Reg, b: Reg },
    /// dst = a < b (strings, bytewise)
    LtStr { dst: Reg, a: Reg, b: Reg },
    /// dst = a <= b (strings, bytewise)
    LeStr { dst: Reg, a: Reg, b: Reg },
    /// dst = len(src) (string)
    LenStr { dst: Reg, src: Reg },
    /// dst = s[i] as a byte; panics out of range
    IndexStr { dst: Reg, s: Reg, i: Reg },
    /// dst = s[R[bounds]:R[bounds+1]]; panics out of range
    SliceStr { dst: Reg, s: Reg, bounds: Reg },
    /// R[dst], R[dst+1] = rune at byte i of s and its width (U+FFFD, 1 on invalid UTF-8)
    DecodeRune { dst: Reg, s: Reg, i: Reg },

    // ----- jumps -----
    /// pc += off
    Jump { off: i32 },
    /// if cond { pc += off }
    JumpIf { cond: Reg, off: i32 },
    /// if !cond { pc += off }
    JumpIfNot { cond: Reg, off: i32 },
    /// if a < b (signed ints) { pc += off } (the `for` back-edge)
    JumpIfLtInt { a: Reg, b: Reg, off: i16 },
    /// if a < b (signed ints) { pc += 1 }: a fused `if`, skipping the `Jump` that follows
    IfLtInt { a: Reg, b: Reg, off: i16 },
    /// if a <= b (signed ints) { pc += 1 }
    IfLeInt { a: Reg, b: Reg, off: i16 },
    /// if a < imm (signed ints) { pc += 1 }
    IfLtIntImm { a: Reg, imm: i32, off: u8 },
    /// if a <= imm (signed ints) { pc += 1 }
    IfLeIntImm { a: Reg, imm: i32, off: u8 },
    /// if a > imm (signed ints) { pc += 1 }
    IfGtIntImm { a: Reg, imm: i32, off: u8 },
    /// if a >= imm (signed ints) { pc += 1 }
    IfGeIntImm { a: Reg, imm: i32, off: u8 },
    /// if a == b (ints of any kind) { pc += 1 }
    IfEqInt { a: Reg, b: Reg, off: i16 },
    /// if a != b (ints of any kind) { pc += 1 }
    IfNeInt { a: Reg, b: Reg, off: i16 },
    /// if a == imm (ints of any kind) { pc += 1 }
    IfEqIntImm { a: Reg, imm: i32, off: u8 },
    /// if a != imm (ints of any kind) { pc += 1 }
    IfNeIntImm { a: Reg, imm: i32, off: u8 },
    /// if R[a] is nil (as `IsNil` tests it) { pc += 1 }
    IfNil { a: Reg },
    /// if R[a] is not nil { pc += 1 }: `if e := recover(); e != nil` in one
    /// dispatch instead of `IsNil`, `Not` and `JumpIfNot`.
    IfNotNil { a: Reg },
    /// R[r] += step (wraps); then if R[r] < R[limit] (signed ints) go back
    /// `back` instructions from the next one (to the top of the loop body),
    /// else fall through out of the loop. The whole `i++; if i < n { continue
    /// looping }` of a `for` loop in one dispatch that carries its own jump, as
    /// Lua's `OP_FORLOOP` does (register-only work, so fusing it hides no
    /// switch point between shared-memory accesses).
    ///
    /// The comparison is in the opcode (`LoopLeImm` ... are the same with
    /// `<=`, `>`, `>=`), and `r` is a byte, so that every field sits at an offset
    /// and width that other ops use too: the dispatch decodes those ahead of
    /// the jump, and a new one cost three machine instructions on every
    /// instruction. A loop whose counter is above register 255, or longer
    /// than `u16::MAX` instructions, keeps a separate add and test.
    LoopLtImm {
        r: u8,
        limit: Reg,
        step: i16,
        back: u16,
    },
    LoopLeImm {
        r: u8,
        limit: Reg,
        step: i16,
        back: u16,
    },
    LoopGtImm {
        r: u8,
        limit: Reg,
        step: i16,
        back: u16,
    },
    LoopGeImm {
        r: u8,
        limit: Reg,
        step: i16,
        back: u16,
    },
    /// `LoopLtImm` with a step of 1 and a constant limit held here (`for i
    /// := 0; i < 1000; i++`): R[r] += 1, then back to the body while R[r] <
    /// limit, without reading the limit's register (which the loop's start
    /// still loads, so that every loop takes the steps it took before).
    LoopIncLtConst { r: u8, back: u16, limit: i32 },
    /// As `LoopLtImm` with the step in R[step] (`j += i`); likewise
    /// `LoopLe`, `LoopGt`, `LoopGe`.
    LoopLt {
        r: u8,
        limit: Reg,
        step: Reg,
        back: u16,
    },
    LoopLe {
        r: u8,
        limit: Reg,
        step: Reg,
        back: u16,
    },
    LoopGt {
        r: u8,
        limit: Reg,
        step: Reg,
        back: u16,
    },
    LoopGe {
        r: u8,
        limit: Reg,
        step: Reg,
        back: u16,
    },

    // ----- calls -----
    /// R[base..] = F[func](R[base..]) (see Notes for the convention)
    Call { base: Reg, func: u32 },
    /// R[base..] = R[callee](R[base..]): a closure, plain func or native; nil panics
    CallValue { base: Reg, callee: Reg },
    /// R[base..] = native[native](R[base..base+n_args])
    CallNative { base: Reg, native: u16, n_args: u8 },
    /// `CallNative` of `(*sync.Mutex).Lock`, `(*sync.Mutex).Unlock` or
    /// `(*sync.WaitGroup).Add` (which one: `call`; `native` its index, for
    /// the general path): the compiler knows the native, so the VM's common
    /// case (unwatched, done in place by `natives::sync::quick_call`) skips
    /// the native table, the id test and the argument slice (goroutines.go:
    /// four per goroutine). The same one step, the same effects.
    CallSync {
        base: Reg,
        native: u16,
        call: SyncCall,
    },
    /// R[base], R[base+1] = (*strings.Builder).WriteString(R[base], R[base+1]):
    /// the native, run in place (no trip through the frame loop that
    /// `CallNative` takes; it cannot park, call back or print)
    BuilderWriteString { base: Reg },
    /// R[base], R[base+1] = (*strings.Builder).WriteString(&R[builder], R[base+1]):
    /// as `BuilderWriteString` on a Builder local held in register `builder`
    /// (`b.WriteString(s)` with `var b strings.Builder`), without the `AddrAgg`
    BuilderWriteStringLocal { builder: Reg, base: Reg },
    /// R[base..] = R[base].method(R[base+1..]): dynamic dispatch on the interface
    /// in R[base] (replaced by its dynamic value) by the name `M[name]`
    CallMethod { base: Reg, name: u16 },
    /// return R[src..src+n] to the caller
    Return { src: Reg, n: u16 },
    /// push a defer of R[callee](R[base..base+n_args]) on this frame's chain,
    /// moving them out of their registers (left ints): the compiler emits
    /// only temporaries there, dead after the `defer` statement
    Defer { base: Reg, callee: Reg, n_args: u8 },
    /// `defer func() { ... }()`: push a defer of a new closure of F[proto]
    /// (captures as `MakeClosure`) with no arguments; `MakeClosure` and
    /// `Defer` in one, the closure never in a register
    DeferClosure { proto: u32 },
    /// run one deferred call of this frame, then re-execute; fall through when none is left
    RunDefers,
    /// dst = a closure of F[proto], capturing cells as F[proto].captures lists
    MakeClosure { dst: Reg, proto: u32 },
    /// dst = *cell i of the running closure
    LoadCapture { dst: Reg, idx: u16 },
    /// *cell i of the running closure = src
    StoreCapture { idx: u16, src: Reg },
    /// dst = &cell i of the running closure (a pointer, for nested closures and `&x`)
    CaptureRef { dst: Reg, idx: u16 },
    /// `LoadCapture { dst, idx }` fused with the `Return { src: dst, n: 1 }`
    /// kept after it (`return n` of a captured `n`): the load, then that
    /// return without its dispatch (compile/fuse.rs). The `Return` stays in
    /// place for jumps to it and for the returns it cannot take itself.
    LoadCaptureReturn { dst: Reg, idx: u16 },
    /// `AddInt { dst, a, b }` fused with the `StoreCapture { idx, src: dst }`
    /// kept after it (`n += d` of a captured `n`): the add, then that store
    /// without its dispatch (compile/fuse.rs). The cell index is repeated
    /// here (in the byte the tag leaves free: cells 0..256 only) so the
    /// store need not decode the next instruction.
    AddIntStoreCapture { dst: Reg, a: Reg, b: Reg, idx: u8 },
    /// `LoadCapture { dst, idx }` fused with the `AddIntStoreCapture { dst:
    /// sum, a: dst, b, idx }` of the same cell kept after it (`n += d` of a
    /// captured int `n`: load, add, store). With the budget covering the two
    /// steps after the load, and no race detector, all three run in one
    /// dispatch under one borrow of the cell; otherwise the load alone, and
    /// the kept ops run as themselves (compile/fuse.rs). The second op's
    /// operands are repeated here (cells 0..256 only), so it is not decoded.
    LoadCaptureAddStore { dst: Reg, b: Reg, sum: Reg, idx: u8 },
    /// `LoadCaptureAddStore` of an `AddIntImmStoreCapture { dst: sum, a:
    /// dst, imm, idx }` (`n++`, `n -= 2` of a captured int `n`).
    LoadCaptureAddImmStore {
        dst: Reg,
        imm: i16,
        sum: Reg,
        idx: u8,
    },
    /// `LoadCaptureAddStore` whose fused update is followed by a
    /// `LoadCaptureReturn` of the same cell (`n += d; return n`): with the
    /// budget covering all five steps, the update and that return in one
    /// dispatch (compile/fuse.rs `capture_update_return`).
    LoadCaptureAddStoreReturn { dst: Reg, b: Reg, sum: Reg, idx: u8 },
    /// `LoadCaptureAddImmStore` followed the same way (`n++; return n`).
    LoadCaptureAddImmStoreReturn {
        dst: Reg,
        imm: i16,
        sum: Reg,
        idx: u8,
    },
    /// `AddIntImm { dst, a, imm }` fused with the `StoreCapture { idx, src: dst }`
    /// kept after it (`n++`, `n -= 2` of a captured `n`), as `AddIntStoreCapture`.
    AddIntImmStoreCapture { dst: Reg, a: Reg, imm: i16, idx: u8 },
    /// `ShrIntImm { dst, a, n }` fused with the `Xor` kept after it
    /// (`x ^ (x >> k)`): the shift, then that `Xor`, read from the next
    /// instruction, without its dispatch (compile/fuse_int.rs).
    ShrIntImmXor { dst: Reg, a: Reg, n: u8 },
    /// `AddInt { dst, a, b }` fused with the `LoopLtImm` back-edge kept after
    /// it (`acc += x` ending a counted loop's body): the add, then that
    /// back-edge, read from the next instruction, without its dispatch
    /// (compile/fuse_int.rs).
    AddIntLoopLtImm { dst: Reg, a: Reg, b: Reg },
    /// `AddIntLoopLtImm` for a kept `LoopIncLtConst` back-edge.
    AddIntLoopIncLtConst { dst: Reg, a: Reg, b: Reg },
    /// `AddInt { dst, a, b }` fused with the `Return { src: dst, n: 1 }` kept
    /// after it (`return a + b`): the add, then that return's common path
    /// without its dispatch (compile/fuse_int.rs). The `Return` stays in
    /// place for jumps to it and for the returns this cannot take itself.
    AddIntReturn { dst: Reg, a: Reg, b: Reg },
    /// `AddIntImm { dst, a, imm }` fused with the `Call` kept after it (an
    /// argument computed as `x + k`: `f(n-1)`): the add, then that call,
    /// read from the next instruction, without its dispatch
    /// (compile/fuse_int.rs). The `Call` stays in place for jumps to it.
    AddIntImmCall { dst: Reg, a: Reg, imm: i16 },

    // ----- pointers and cells -----
    /// dst = a new cell holding src, as a pointer (`new`, `&x` of an escaping variable)
    NewCell { dst: Reg, src: Reg },
    /// dst = a new cell holding the int val (a boxed int local's zero, the
    /// defers benchmark's named result: no `LoadInt` before its `NewCell`)
    NewCellInt { dst: Reg, val: i32 },
    /// dst = *ptr; nil panics
    Load { dst: Reg, ptr: Reg },
    /// `Load { dst, ptr }` fused with the `Return { src: dst, n: 1 }` kept
    /// after it (`return r` of a named result in a cell): the load, then that
    /// return without its dispatch (compile/fuse_return.rs). The `Return`
    /// stays in place for jumps to it and for the returns it cannot take itself.
    LoadReturn { dst: Reg, ptr: Reg },
    /// *ptr = src (copies into an aggregate pointee); nil panics
    Store { ptr: Reg, src: Reg },
    /// `Store { ptr, src }` fused with the `RunDefers` kept after it (`return
    /// x` of a named result in a cell, in a function that defers): the
    /// store, then that `RunDefers` without its dispatch
    /// (compile/fuse_return.rs). The `RunDefers` stays in place for jumps to
    /// it, for its re-execution after each deferred call, and for the runs
    /// the fused op leaves to it.
    StoreRunDefers { ptr: Reg, src: Reg },

    // ----- structs and arrays -----
    /// dst = a new struct/array of R[base..base+n]
    MakeAgg { dst: Reg, base: Reg, n: u16 },
    /// dst = deep copy of the struct/array src
    CopyAgg { dst: Reg, src: Reg },
    /// dst = src itself when src is a flat struct/array that nothing but
    /// register src can reach, else a deep copy as `CopyAgg`; only for an
    /// argument of a direct call whose callee never writes or leaks it (compile/share.rs)
    ShareAgg { dst: Reg, src: Reg },
    /// copy the struct/array src into dst's existing storage
    AssignAgg { dst: Reg, src: Reg },
    /// dst = agg.field (agg a struct value, or a pointer to one: nil panics)
    LoadField { dst: Reg, agg: Reg, field: u16 },
    /// agg.field = src (agg a struct value, or a pointer to one: nil panics)
    StoreField { agg: Reg, field: u16, src: Reg },
    /// dst = &agg.field (agg a struct value's storage, or a pointer to one)
    AddrField { dst: Reg, agg: Reg, field: u16 },
    /// dst = &agg (a pointer to the whole struct/array value in agg)
    AddrAgg { dst: Reg, agg: Reg },

    // ----- indexing (arrays and slices) -----
    /// dst = x[i] (x an array, a pointer to one, or a slice); panics out of range
    LoadElem { dst: Reg, x: Reg, i: Reg },
    /// x[i] = src; panics out of range
    StoreElem { x: Reg, i: Reg, src: Reg },
    /// x[i] = K[idx], a bool or int constant (`composite[j] = true`: the
    /// constant rides in the store instead of a load into a register first)
    StoreElemConst { x: Reg, i: Reg, idx: u16 },
    /// dst = &x[i]; panics out of range
    AddrElem { dst: Reg, x: Reg, i: Reg },

    // ----- slices -----
    /// dst = make([]T, R[args], R[args+1]) filled with copies of R[args+2] (the zero value)
    MakeSlice { dst: Reg, args: Reg },
    /// dst = a slice of R[base..base+n] (a slice literal)
    SliceLit { dst: Reg, base: Reg, n: u16 },
    /// dst = x[R[bounds]:R[bounds+1]:R[bounds+2]] (x slice/array/pointer to array; nil bound = absent)
    Slice { dst: Reg, x: Reg, bounds: Reg },
    /// dst = [len]T(R[src]) (a fresh copy), or (*[len]T)(R[src]) when `ptr`;
    /// panics when len(R[src]) < len
    SliceToArray {
        dst: Reg,
        src: Reg,
        len: u16,
        ptr: bool,
    },
    /// Panics with Go's nil dereference when R[ptr] is nil (before indexing
    /// through a pointer to an array, where a nil slice would mean "out of range")
    NilCheck { ptr: Reg },
    /// dst = append(s, v), growing as Go does for element layout `elem`
    Append { dst: Reg, s: Reg, v: Reg, elem: u8 },
    /// dst = append(s, t...)  (t a slice, or a string when s is []byte)
    AppendSlice { dst: Reg, s: Reg, t: Reg, elem: u8 },
    /// dst = append(s, v) at a site that may use its frame buffer (Go's
    /// 32-byte stack buffer, escape.rs), whose state is R[v+1] (stackbuf.rs);
    /// `elem` as for Append (size <= 32) plus `stackbuf::MODE_FLAG` for ladder growth
    AppendStack { dst: Reg, s: Reg, v: Reg, elem: u8 },
    /// dst = append(s, t...) for the elements of the slice t, otherwise as AppendStack (state R[t+1])
    AppendSliceStack { dst: Reg, s: Reg, t: Reg, elem: u8 },
    /// R[s] = a heap copy of R[s] if it lives in the frame buffer of state R[state]
    /// (Go's move2heap before the slice leaves the frame); `elem` as for
    /// AppendStack, `MODE_FLAG` meaning keep the capacity
    MoveToHeap { s: Reg, state: Reg, elem: u8 },
    /// dst = len(src) (slice, array, map, chan; nil gives 0)
    Len { dst: Reg, src: Reg },
    /// dst = cap(src) (slice, array, chan; nil gives 0)
    Cap { dst: Reg, src: Reg },

    // ----- maps -----
    /// dst = make(map[K]V)
    MakeMap { dst: Reg },
    /// dst = m[key] if present (dst keeps the zero the compiler put there otherwise)
    MapGet { dst: Reg, m: Reg, key: Reg },
    /// R[dst] = m[key] if present; R[dst+1] = whether it was
    MapGetOk { dst: Reg, m: Reg, key: Reg },
    /// as MapGetOk for a map of integers, writing 0 to dst when the key is
    /// absent (no `LoadInt` of the zero value before it)
    MapGetOkInt { dst: Reg, m: Reg, key: Reg },
    /// m[key] = src; a nil map panics
    MapSet { m: Reg, key: Reg, src: Reg },
    /// delete(m, key)
    MapDelete { m: Reg, key: Reg },
    /// clear(R[x]): empties a map, or sets each element of a slice to a copy of R[zero]
    Clear { x: Reg, zero: Reg },
    /// dst = an iterator over m, starting at a place drawn from the scheduler RNG
    MapIterStart { dst: Reg, m: Reg },
    /// R[dst], R[dst+1] = next key, value of iter (over map m = R[iter+1]); when done, pc += off
    MapIterNext { dst: Reg, iter: Reg, off: i16 },

    // ----- interfaces -----
    /// dst = interface holding src with dynamic type `ty`
    MakeIface { dst: Reg, src: Reg, ty: u16 },
    /// dst = src.(T) by assertion `A[assert]`; panics on failure
    TypeAssert { dst: Reg, src: Reg, assert: u16 },
    /// R[dst], R[dst+1] = src.(T) by assertion `A[assert]`, ok
    TypeAssertOk { dst: Reg, src: Reg, assert: u16 },

    // ----- goroutines and channels -----
    /// go R[callee](R[base..base+n_args]): a new runnable goroutine (arguments
    /// evaluated here); the callee is moved out of its register (left an int),
    /// a temporary dead after the `go` statement, as `Defer`'s
    Go { base: Reg, callee: Reg, n_args: u8 },
    /// dst = make(chan T, R[args]) whose element zero value is R[args+1] and element runtime type id R[args+2]; bad sizes panic
    MakeChan { dst: Reg, args: Reg },
    /// ch <- src; may park; closed panics; nil parks forever
    Send { ch: Reg, src: Reg },
    /// dst = <-ch; may park; closed gives the zero value; nil parks forever
    Recv { dst: Reg, ch: Reg },
    /// R[dst], R[dst+1] = <-ch, ok
    RecvOk { dst: Reg, ch: Reg },
    /// close(ch); nil or closed panics
    Close { ch: Reg },
    /// select over send cases R[cases+2i] <- R[cases+2i+1] (i < n_send), then receive
    /// cases <-R[cases+2*n_send+j] (j < n_recv); R[dst] = case index (sends first,
    /// -1 for default), R[dst+1] = received value, R[dst+2] = ok; parks if `block`
    Select {
        dst: Reg,
        cases: Reg,
        n_send: u8,
        n_recv: u8,
        block: bool,
    },

    // ----- panic and recover -----
    /// panic(src) (src an interface value; nil becomes *runtime.PanicNilError)
    Panic { src: Reg },
    /// dst = recover()
    Recover { dst: Reg },

    // ----- fused method calls on a struct's address (compile/fuse_sync.rs) -----
    // Last, so that no other op's discriminant moves: inserted among the
    // capture ops they moved `Vm::run`'s code enough to cost the CPU
    // programs 1-4% (count.py).
    /// `LoadCapture { dst, idx }` fused with the `AddrAgg { dst, agg: dst }`
    /// and `CallSync { base: dst, call }` kept after it, and for
    /// `WaitGroupAdd` the `LoadInt { dst: dst + 1, val: delta }` between
    /// them: `mu.Lock()`, `mu.Unlock()`, `wg.Add(1)` on a captured Mutex or
    /// WaitGroup (compile/fuse_sync.rs). With the budget covering every step
    /// of the sequence, nothing watching, and the call one that
    /// `natives::sync` does in place (it takes the mutex, unlocks a locked
    /// one, queues the goroutine on a taken one, keeps the counter at zero
    /// or above), the whole sequence in one dispatch without the struct's
    /// clone into `dst`; `dst` gets the pointer only when the goroutine parks
    /// (its `CallSync` runs again when woken) or `keep` says a later
    /// instruction may read it. Otherwise the load alone, and the kept ops
    /// run as themselves (a fatal unlock, a negative counter, a trace).
    LoadCaptureCallSync {
        dst: Reg,
        idx: u16,
        call: SyncCall,
        delta: i8,
        keep: bool,
    },
    /// `LoadCaptureCallSync` of a struct reached through a pointer in
    /// register `ptr` (`Load { dst, ptr }` first: a local Mutex or WaitGroup
    /// boxed into a cell because a closure captures it, `wg.Add(1)` in the
    /// loop that starts the goroutines).
    LoadCallSync {
        dst: Reg,
        ptr: Reg,
        call: SyncCall,
        delta: i8,
        keep: bool,
    },
    /// `LoadFunc { dst: callee, func }` fused with the `LoadCapture { dst:
    /// base, idx }`, `AddrAgg { dst: base, agg: base }` and `Defer { base,
    /// callee, n_args: 1 }` kept after it: `defer wg.Done()` or
    /// `defer mu.Unlock()` on a captured struct (compile/fuse_sync.rs). With
    /// the budget covering the four steps and nothing watching, the deferred
    /// call is pushed in one dispatch, its receiver made straight from the
    /// cell, and the two registers left as the `Defer` leaves them;
    /// otherwise the `LoadFunc` alone.
    LoadFuncDeferCapture {
        callee: Reg,
        base: Reg,
        func: u16,
        idx: u8,
    },

    // ----- goroutine start (compile/fuse.rs `closure_go_pair`) -----
    /// `MakeClosure { dst, proto }` fused with the `Go { base, callee: dst,
    /// n_args: 0 }` kept after it: `go func() { ... }()`. With the budget
    /// covering the `Go`'s step and nothing watching (no trace, no race
    /// detector), the closure goes straight into the new goroutine's first
    /// frame and `dst` is left the int the `Go` leaves; otherwise the
    /// `MakeClosure` alone, and the kept `Go` runs as itself.
    MakeClosureGo { dst: Reg, proto: u32 },
}

/// The sync native an `Op::CallSync` calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncCall {
    MutexLock,
    MutexUnlock,
    WaitGroupAdd,
}

impl SyncCall {
    /// The native's arguments: the receiver, and `Add`'s delta.
    pub fn n_args(self) -> u8 {
        match self {
            SyncCall::MutexLock | SyncCall::MutexUnlock => 1,
            SyncCall::WaitGroupAdd => 2,
        }
    }

    /// The steps a `LoadCaptureCallSync`/`LoadCallSync` runs after its own
    /// load: the `AddrAgg`, `Add`'s `LoadInt` of the delta, and the call.
    pub fn fused_tail(self) -> u8 {
        match self {
            SyncCall::MutexLock | SyncCall::MutexUnlock => 2,
            SyncCall::WaitGroupAdd => 3,
        }
    }
}

/// The comparison that keeps a fused loop (`LoopLtImm` ... `LoopGe`) going:
/// `R[r] cmp R[limit]`, signed. The compiler's and the disassembler's view;
/// the VM has one op per comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopCmp {
    Lt,
    Le,
    Gt,
    Ge,
}

/// How a fused loop steps its counter: by a constant or by a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopStepBy {
    Imm(i16),
    Reg(Reg),
}

/// A fused loop back-edge, whichever of the eight ops holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackEdge {
    pub r: u8,
    pub limit: Reg,
    pub step: LoopStepBy,
    pub cmp: LoopCmp,
    pub back: u16,
}

impl BackEdge {
    /// The op for this back-edge.
    pub fn op(self) -> Op {
        let BackEdge {
            r,
            limit,
            step,
            cmp,
            back,
        } = self;
        match (step, cmp) {
            (LoopStepBy::Imm(step), LoopCmp::Lt) => Op::LoopLtImm {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Imm(step), LoopCmp::Le) => Op::LoopLeImm {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Imm(step), LoopCmp::Gt) => Op::LoopGtImm {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Imm(step), LoopCmp::Ge) => Op::LoopGeImm {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Reg(step), LoopCmp::Lt) => Op::LoopLt {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Reg(step), LoopCmp::Le) => Op::LoopLe {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Reg(step), LoopCmp::Gt) => Op::LoopGt {
                r,
                limit,
                step,
                back,
            },
            (LoopStepBy::Reg(step), LoopCmp::Ge) => Op::LoopGe {
                r,
                limit,
                step,
                back,
            },
        }
    }

    /// The back-edge `op` holds, if it is one of the eight.
    pub fn of(op: &Op) -> Option<BackEdge> {
        let (r, limit, step, cmp, back) = match *op {
            Op::LoopLtImm {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Imm(step), LoopCmp::Lt, back),
            Op::LoopLeImm {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Imm(step), LoopCmp::Le, back),
            Op::LoopGtImm {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Imm(step), LoopCmp::Gt, back),
            Op::LoopGeImm {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Imm(step), LoopCmp::Ge, back),
            Op::LoopLt {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Reg(step), LoopCmp::Lt, back),
            Op::LoopLe {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Reg(step), LoopCmp::Le, back),
            Op::LoopGt {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Reg(step), LoopCmp::Gt, back),
            Op::LoopGe {
                r,
                limit,
                step,
                back,
            } => (r, limit, LoopStepBy::Reg(step), LoopCmp::Ge, back),
            _ => return None,
        };
        Some(BackEdge {
            r,
            limit,
            step,
            cmp,
            back,
        })
    }
}

impl LoopCmp {
    pub fn symbol(self) -> &'static str {
        match self {
            LoopCmp::Lt => "<",
            LoopCmp::Le => "<=",
            LoopCmp::Gt => ">",
            LoopCmp::Ge => ">=",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn op_fits_in_eight_bytes() {
        assert!(std::mem::size_of::<super::Op>() <= 8);
    }
}
