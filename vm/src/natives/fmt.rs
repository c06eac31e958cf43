//! The fmt and errors natives: thin wrappers over the fmt engine.

use super::{NativeCtx, NativeOut};
use crate::fmt::{NeedCall, Printer};
use crate::rtype::RtTypeId;
use crate::value::Value;

fn operands(v: &Value) -> Vec<Value> {
    crate::slice::items(v)
}

fn finish(res: Result<Vec<u8>, NeedCall>, done: impl FnOnce(Vec<u8>) -> NativeOut) -> NativeOut {
    match res {
        Ok(bytes) => done(bytes),
        Err(NeedCall { callee, args }) => NativeOut::Call { callee, args },
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
        ctx.stdout.extend_from_slice(&b);
        NativeOut::Ret0
    })
}

pub fn print(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.print(&operands(&args[0])));
    finish(res, |b| {
        ctx.stdout.extend_from_slice(&b);
        NativeOut::Ret0
    })
}

pub fn printf(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.printf(args[0].as_bytes(), &operands(&args[1])));
    finish(res, |b| {
        ctx.stdout.extend_from_slice(&b);
        NativeOut::Ret0
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

/// fmt.Errorf without `%w` wrapping yet: an error whose Error() is the formatted text.
pub fn errorf(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let res = run(ctx, |p| p.printf(args[0].as_bytes(), &operands(&args[1])));
    finish(res, |b| {
        NativeOut::Ret(Value::iface(RtTypeId::ERROR_STRING, Value::str(b)))
    })
}

pub fn errors_new(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::iface(RtTypeId::ERROR_STRING, args[0].clone()))
}

/// The builtin println: to stderr, spaces between operands, Go's print formatting of floats.
pub fn builtin_println(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let text = builtin_text(ctx, &operands(&args[0]), true);
    ctx.stderr.extend_from_slice(text.as_bytes());
    ctx.stderr.push(b'\n');
    NativeOut::Ret0
}

pub fn builtin_print(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let text = builtin_text(ctx, &operands(&args[0]), false);
    ctx.stderr.extend_from_slice(text.as_bytes());
    NativeOut::Ret0
}

fn builtin_text(ctx: &NativeCtx<'_>, args: &[Value], spaces: bool) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 && spaces {
            out.push(' ');
        }
        match a {
            Value::Iface(x) => match x.val {
                // print(1.5) prints +1.500000e+000.
                Value::Float(f) => out.push_str(&builtin_float(f)),
                _ => out.push_str(&crate::fmt::sprint_one(&ctx.program.types, x.ty, &x.val)),
            },
            _ => out.push_str("nil"),
        }
    }
    out
}

fn builtin_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:.6e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if f.is_sign_negative() { '-' } else { '+' };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{mant}e{esign}{:03}", exp.abs())
}
