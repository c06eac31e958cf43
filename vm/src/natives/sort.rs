//! sort natives: the slice primitives sort.Slice's Go code needs, and the typed sorts of ints, floats and strings.

use std::cmp::Ordering;

use super::{NativeCtx, NativeOut};
use crate::rtype::{RtKind, RtType, RtTypeId};
use crate::value::Value;

/// The slice inside an `any` (sort.Slice's first argument).
fn unwrap(x: &Value) -> &Value {
    match x {
        Value::Iface(i) => &i.val,
        other => other,
    }
}

/// `sort.lenOf(x)`: len of the slice held in x; for anything but a slice
/// (a nil pointer, map or func too), the panic of Go's `reflectlite.Swapper`,
/// which sort.Slice and SliceStable call first. The dynamic type decides,
/// not the value: a nil slice and a nil map are both `Value::Nil`.
pub fn len_of(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let Value::Iface(i) = &a[0] else {
        return value_error(ctx, &a[0], "Swapper");
    };
    match (&ctx.program.types.get(i.ty).kind, &i.val) {
        (RtKind::Slice { .. }, Value::Slice(sl)) => NativeOut::Ret(Value::Int(i64::from(sl.len))),
        (RtKind::Slice { .. }, _) => NativeOut::Ret(Value::Int(0)),
        _ => value_error(ctx, &a[0], "Swapper"),
    }
}

/// `sort.valueLen(x)`: what sort.SliceIsSorted asks, Go's
/// `reflectlite.ValueOf(x).Len()`: the length of a slice, array, string, map
/// or channel (nil ones have 0), and a panic for any other kind.
pub fn value_len(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let Value::Iface(i) = &a[0] else {
        return value_error(ctx, &a[0], "reflectlite.Value.Len");
    };
    let len = match (&ctx.program.types.get(i.ty).kind, &i.val) {
        (RtKind::Array { len, .. }, _) => *len as usize,
        (RtKind::Slice { .. }, Value::Slice(sl)) => sl.len as usize,
        (RtKind::String, s) => s.as_bytes().len(),
        (RtKind::Map { .. }, Value::Map(m)) => m.borrow().len(),
        (RtKind::Chan { .. }, Value::Chan(c)) => c.len(),
        (RtKind::Slice { .. } | RtKind::Map { .. } | RtKind::Chan { .. }, _) => 0,
        _ => return value_error(ctx, &a[0], "reflectlite.Value.Len"),
    };
    NativeOut::Ret(Value::Int(len as i64))
}

/// The panic of reflectlite's `ValueError`: `method` called on a value of the wrong kind.
fn value_error(ctx: &NativeCtx<'_>, x: &Value, method: &str) -> NativeOut {
    let kind = match x {
        Value::Iface(i) => kind_name(ctx.program.types.get(i.ty)),
        _ => "zero",
    };
    NativeOut::Panic(Value::iface(
        RtTypeId::REFLECT_VALUE_ERROR,
        Value::str(format!("reflect: call of {method} on {kind} Value")),
    ))
}

/// What Go's `reflect.Kind.String` says of the dynamic type `ty`.
fn kind_name(ty: &RtType) -> &'static str {
    match &ty.kind {
        RtKind::Bool => "bool",
        RtKind::Int(k) => k.go_name(),
        RtKind::Float32 => "float32",
        RtKind::Float64 => "float64",
        RtKind::String => "string",
        RtKind::Array { .. } => "array",
        RtKind::Slice { .. } => "slice",
        RtKind::Struct { .. } => "struct",
        RtKind::Pointer { .. } => "ptr",
        RtKind::Map { .. } => "map",
        RtKind::Func { .. } => "func",
        RtKind::Interface { .. } => "interface",
        RtKind::Chan { .. } => "chan",
        // `*errors.errorString` and the runtime's error types, as Go declares them.
        RtKind::RuntimeError | RtKind::ErrorString => match ty.name.as_deref() {
            Some("runtime.boundsError") => "struct",
            Some(name) if !name.starts_with('*') => "string",
            _ => "ptr",
        },
    }
}

/// `sort.swapAt(x, i, j)`: swaps two elements of the slice held in x.
pub fn swap_at(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (i, j) = (a[1].as_int(), a[2].as_int());
    if let Value::Slice(sl) = unwrap(&a[0]) {
        if (0..i64::from(sl.len)).contains(&i) && (0..i64::from(sl.len)).contains(&j) {
            let mut store = sl.store.borrow_mut();
            store.swap(sl.off as usize + i as usize, sl.off as usize + j as usize);
            return NativeOut::Ret0;
        }
        let bad = if (0..i64::from(sl.len)).contains(&i) {
            j
        } else {
            i
        };
        return NativeOut::Panic(Value::iface(
            crate::rtype::RtTypeId::BOUNDS_ERROR,
            Value::str(format!("index out of range [{bad}] with length {}", sl.len)),
        ));
    }
    NativeOut::Ret0
}

pub fn ints(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| x.as_int().cmp(&y.as_int()))
}

pub fn strings(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| x.as_bytes().cmp(y.as_bytes()))
}

/// NaNs sort first, as in Go.
pub fn float64s(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| {
        let (x, y) = (x.as_float(), y.as_float());
        match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        }
    })
}

fn sort_with(v: &Value, cmp: impl Fn(&Value, &Value) -> Ordering) -> NativeOut {
    if let Value::Slice(sl) = v {
        let mut store = sl.store.borrow_mut();
        let (lo, hi) = (sl.off as usize, (sl.off + sl.len) as usize);
        store[lo..hi].sort_by(cmp);
    }
    NativeOut::Ret0
}
