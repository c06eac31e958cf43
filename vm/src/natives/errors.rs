//! errors natives: the two questions errors.go cannot answer in Go without reflection (comparability, As's assignment).

use super::{NativeCtx, NativeOut};
use crate::rtype::{RtKind, RtTypeId, RtTypes};
use crate::value::{store_ptr, Value};

/// `errors.comparable`: whether `==` on the dynamic value would not panic.
pub fn comparable(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let ok = match &a[0] {
        Value::Iface(i) => type_comparable(&ctx.program.types, i.ty),
        _ => true,
    };
    NativeOut::Ret(Value::Bool(ok))
}

fn type_comparable(types: &RtTypes, ty: RtTypeId) -> bool {
    match &types.get(ty).kind {
        RtKind::Slice { .. } | RtKind::Map { .. } | RtKind::Func { .. } => false,
        RtKind::Array { elem, .. } => type_comparable(types, *elem),
        RtKind::Struct { fields } => fields.iter().all(|f| type_comparable(types, f.ty)),
        _ => true,
    }
}

/// The type `target` points at, when it is a non-nil pointer.
fn target_elem(types: &RtTypes, target: &Value) -> Option<RtTypeId> {
    let Value::Iface(t) = target else {
        return None;
    };
    if matches!(t.val, Value::Nil) {
        return None;
    }
    match types.get(t.ty).kind {
        RtKind::Pointer { elem } => Some(elem),
        _ => None,
    }
}

/// `errors.checkAsTarget`: 0 when target is usable by As, else which of Go's panics applies
/// (1 nil, 2 not a non-nil pointer, 3 `*target` neither an interface nor an error).
pub fn check_as_target(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let types = &ctx.program.types;
    let code = match (&a[0], target_elem(types, &a[0])) {
        (Value::Nil, _) => 1,
        (_, None) => 2,
        (_, Some(elem)) => match &types.get(elem).kind {
            RtKind::Interface { .. } => 0,
            _ if types
                .method_with_sig(elem, "Error", RtTypeId::FUNC_STRING)
                .is_some() =>
            {
                0
            }
            _ => 3,
        },
    };
    NativeOut::Ret(Value::Int(code))
}

/// `errors.assignTo(err, target)`: if err's dynamic type is assignable to `*target`'s type, stores it there.
pub fn assign_to(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let types = &ctx.program.types;
    let (Value::Iface(err), Some(elem)) = (&a[0], target_elem(types, &a[1])) else {
        return NativeOut::Ret(Value::Bool(false));
    };
    let Value::Iface(t) = &a[1] else {
        return NativeOut::Ret(Value::Bool(false));
    };
    let stored = match &types.get(elem).kind {
        RtKind::Interface { methods } if types.implements(err.ty, methods) => a[0].clone(),
        _ if elem == err.ty => err.val.deep_copy(),
        _ => return NativeOut::Ret(Value::Bool(false)),
    };
    store_ptr(&t.val, stored);
    NativeOut::Ret(Value::Bool(true))
}
