//! sync/atomic: each operation is one native call, so no goroutine switch can fall inside it.
//!
//! The preemption check sits between instructions and a native runs within
//! one instruction, which is all "atomic" needs on one OS thread. Values wrap
//! to their Go width as the compiler's `Wrap` would.

use super::{NativeCtx, NativeOut};
use crate::value::{load_ptr, store_ptr, Value};

/// Reads `*addr`; a nil pointer reads 0 (Go would fault; the checker's callers never pass nil).
fn load(addr: &Value) -> i64 {
    load_ptr(addr).map_or(0, |v| v.as_int())
}

fn store(addr: &Value, v: i64) {
    store_ptr(addr, Value::Int(v));
}

fn wrap_int32(v: i64) -> i64 {
    v as i32 as i64
}

fn wrap_uint32(v: i64) -> i64 {
    v as u32 as i64
}

fn wrap_64(v: i64) -> i64 {
    v
}

pub fn add_int32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let new = wrap_int32(load(&args[0]).wrapping_add(args[1].as_int()));
    store(&args[0], new);
    NativeOut::Ret(Value::Int(new))
}

pub fn load_int32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(load(&args[0])))
}

pub fn store_int32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    store(&args[0], wrap_int32(args[1].as_int()));
    NativeOut::Ret0
}

pub fn swap_int32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let old = load(&args[0]);
    store(&args[0], wrap_int32(args[1].as_int()));
    NativeOut::Ret(Value::Int(old))
}

pub fn cas_int32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let swapped = load(&args[0]) == wrap_int32(args[1].as_int());
    if swapped {
        store(&args[0], wrap_int32(args[2].as_int()));
    }
    NativeOut::Ret(Value::Bool(swapped))
}

pub fn add_int64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let new = wrap_64(load(&args[0]).wrapping_add(args[1].as_int()));
    store(&args[0], new);
    NativeOut::Ret(Value::Int(new))
}

pub fn load_int64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(load(&args[0])))
}

pub fn store_int64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    store(&args[0], wrap_64(args[1].as_int()));
    NativeOut::Ret0
}

pub fn swap_int64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let old = load(&args[0]);
    store(&args[0], wrap_64(args[1].as_int()));
    NativeOut::Ret(Value::Int(old))
}

pub fn cas_int64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let swapped = load(&args[0]) == wrap_64(args[1].as_int());
    if swapped {
        store(&args[0], wrap_64(args[2].as_int()));
    }
    NativeOut::Ret(Value::Bool(swapped))
}

pub fn add_uint32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let new = wrap_uint32(load(&args[0]).wrapping_add(args[1].as_int()));
    store(&args[0], new);
    NativeOut::Ret(Value::Int(new))
}

pub fn load_uint32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(load(&args[0])))
}

pub fn store_uint32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    store(&args[0], wrap_uint32(args[1].as_int()));
    NativeOut::Ret0
}

pub fn swap_uint32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let old = load(&args[0]);
    store(&args[0], wrap_uint32(args[1].as_int()));
    NativeOut::Ret(Value::Int(old))
}

pub fn cas_uint32(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let swapped = load(&args[0]) == wrap_uint32(args[1].as_int());
    if swapped {
        store(&args[0], wrap_uint32(args[2].as_int()));
    }
    NativeOut::Ret(Value::Bool(swapped))
}

pub fn add_uint64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let new = wrap_64(load(&args[0]).wrapping_add(args[1].as_int()));
    store(&args[0], new);
    NativeOut::Ret(Value::Int(new))
}

pub fn load_uint64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(load(&args[0])))
}

pub fn store_uint64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    store(&args[0], wrap_64(args[1].as_int()));
    NativeOut::Ret0
}

pub fn swap_uint64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let old = load(&args[0]);
    store(&args[0], wrap_64(args[1].as_int()));
    NativeOut::Ret(Value::Int(old))
}

pub fn cas_uint64(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let swapped = load(&args[0]) == wrap_64(args[1].as_int());
    if swapped {
        store(&args[0], wrap_64(args[2].as_int()));
    }
    NativeOut::Ret(Value::Bool(swapped))
}
