//! The fmt natives and the builtin print/println: thin wrappers over the fmt engine.

use super::{NativeCtx, NativeOut};
use crate::fmt::{format_float, NeedCall, Printer};
use crate::rtype::{RtKind, RtTypeId, RtTypes};
use crate::value::Value;

fn operands(v: &Value) -> Vec<Value> {
    crate::slice::items(v)
}

fn finish(res: Result<Vec<u8>, NeedCall>, done: impl FnOnce(Vec<u8>) -> NativeOut) -> NativeOut {
    match res {
        Ok(bytes) => done(bytes),
        Err(NeedCall { callee, args }) => NativeOut::Call {
            callee,
            args,
            catch_panic: true,
        },
    }
}

fn run(
    ctx: &NativeCtx<'_>,
    body: impl FnOnce(&mut Printer<'_>) -> Result<(), NeedCall>,
) -> Result<Vec<u8>, NeedCall> {
    let mut p = Printer::new(ctx.program, ctx.results);
    body(&mut p)?;
    Ok(p.buf)
}

pub fn println(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.println(&operands(&args[0])));
    finish(res, |b| {
        let n = b.len() as i64;
        ctx.stdout.extend_from_slice(&b);
        // (n int, err error), as fmt.Print* return.
        NativeOut::Ret2(Value::Int(n), Value::Nil)
    })
}

pub fn print(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.print(&operands(&args[0])));
    finish(res, |b| {
        let n = b.len() as i64;
        ctx.stdout.extend_from_slice(&b);
        // (n int, err error), as fmt.Print* return.
        NativeOut::Ret2(Value::Int(n), Value::Nil)
    })
}

pub fn printf(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.printf(args[0].as_bytes(), &operands(&args[1])));
    finish(res, |b| {
        let n = b.len() as i64;
        ctx.stdout.extend_from_slice(&b);
        // (n int, err error), as fmt.Print* return.
        NativeOut::Ret2(Value::Int(n), Value::Nil)
    })
}

pub fn sprintf(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.printf(args[0].as_bytes(), &operands(&args[1])));
    finish(res, |b| NativeOut::Ret(Value::str(b)))
}

pub fn sprint(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.print(&operands(&args[0])));
    finish(res, |b| NativeOut::Ret(Value::str(b)))
}

pub fn sprintln(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.println(&operands(&args[0])));
    finish(res, |b| NativeOut::Ret(Value::str(b)))
}

/// `fmt.errorf(format, a...)`: Errorf's text (where `%w` takes an error) and the
/// operand numbers of its `%w` verbs, sorted and without repeats.
pub fn errorf(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let mut p = Printer::new(ctx.program, ctx.results);
    p.wrap_errs = true;
    if let Err(NeedCall { callee, args }) = p.printf(args[0].as_bytes(), &operands(&args[1])) {
        return NativeOut::Call {
            callee,
            args,
            catch_panic: true,
        };
    }
    let mut idx = p.wrapped;
    idx.sort_unstable();
    idx.dedup();
    let idx = idx.into_iter().map(|i| Value::Int(i as i64)).collect();
    NativeOut::RetN(vec![Value::str(p.buf), Value::slice(idx)])
}

/// The builtin println: to stderr, spaces between operands, Go's print formatting of floats.
pub fn builtin_println(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let text = builtin_text(ctx, &operands(&args[0]), true);
    ctx.stderr.extend_from_slice(&text);
    ctx.stderr.push(b'\n');
    NativeOut::Ret0
}

pub fn builtin_print(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let text = builtin_text(ctx, &operands(&args[0]), false);
    ctx.stderr.extend_from_slice(&text);
    NativeOut::Ret0
}

/// The runtime's printing of one operand (boxed with its static type by the compiler).
fn builtin_text(ctx: &NativeCtx<'_>, args: &[Value], spaces: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 && spaces {
            out.push(b' ');
        }
        match a {
            Value::Iface(x) => builtin_one(&mut out, &ctx.program.types, x.ty, &x.val),
            _ => out.extend_from_slice(b"nil"),
        }
    }
    out
}

fn builtin_one(out: &mut Vec<u8>, types: &RtTypes, ty: RtTypeId, v: &Value) {
    let hex =
        |out: &mut Vec<u8>, addr: usize| out.extend_from_slice(format!("{addr:#x}").as_bytes());
    match (&types.get(ty).kind, v) {
        (RtKind::Bool, Value::Bool(b)) => {
            out.extend_from_slice(if *b { b"true" } else { b"false" })
        }
        (RtKind::Int(k), Value::Int(i)) if k.is_unsigned() => {
            out.extend_from_slice((*i as u64).to_string().as_bytes())
        }
        (RtKind::Int(_), Value::Int(i)) => out.extend_from_slice(i.to_string().as_bytes()),
        // Since Go 1.25 floats print as strconv's shortest 'g' form.
        (RtKind::Float32, Value::Float(f)) => out.extend(format_float(*f, b'g', -1, 32)),
        (RtKind::Float64, Value::Float(f)) => out.extend(format_float(*f, b'g', -1, 64)),
        (RtKind::String, s @ (Value::Str(_) | Value::Short(_))) => {
            out.extend_from_slice(s.as_bytes())
        }
        (RtKind::Interface { .. }, Value::Iface(inner)) => {
            out.push(b'(');
            hex(out, inner.ty.0 as usize * 32 + 0x4a0000);
            out.push(b',');
            hex(out, inner.val.address());
            out.push(b')');
        }
        (RtKind::Interface { .. }, _) => out.extend_from_slice(b"(0x0,0x0)"),
        (RtKind::Slice { .. }, Value::Slice(sl)) => {
            out.extend_from_slice(format!("[{}/{}]", sl.len, sl.cap).as_bytes());
            hex(out, v.address());
        }
        (RtKind::Slice { .. }, _) => out.extend_from_slice(b"[0/0]0x0"),
        (_, v) => hex(out, v.address()),
    }
}
