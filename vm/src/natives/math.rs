//! math natives: the table's entry points. Sqrt is one exact instruction in
//! Go and Rust alike, and so is FMA (Go's compiler makes it the CPU's fused
//! multiply-add, Rust's `mul_add` is one too, or a correctly rounded libm
//! call); every other function is Go's own algorithm, ported in `gomath`, so
//! its last bit (and its NaN's) is Go's.

use super::gomath;
use super::{NativeCtx, NativeOut};
use crate::value::Value;

fn f1(a: &[Value], f: impl Fn(f64) -> f64) -> NativeOut {
    NativeOut::Ret(Value::Float(f(a[0].as_float())))
}

fn f2(a: &[Value], f: impl Fn(f64, f64) -> f64) -> NativeOut {
    NativeOut::Ret(Value::Float(f(a[0].as_float(), a[1].as_float())))
}

pub fn sqrt(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::sqrt)
}
pub fn floor(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::floor)
}
pub fn ceil(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::ceil)
}
pub fn trunc(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::trunc)
}
pub fn round(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::round)
}
pub fn round_to_even(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::round_to_even)
}
pub fn pow(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::pow)
}
pub fn exp(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::exp)
}
pub fn exp2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::exp2)
}
pub fn log(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::log)
}
pub fn log2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::log2)
}
pub fn log10(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::log10)
}
pub fn log1p(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::log1p)
}
pub fn sin(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::sin)
}
pub fn cos(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::cos)
}
pub fn tan(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::tan)
}
pub fn asin(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::asin)
}
pub fn acos(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::acos)
}
pub fn atan(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::atan)
}
pub fn atan2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::atan2)
}
pub fn sinh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::sinh)
}
pub fn cosh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::cosh)
}
pub fn tanh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::tanh)
}
pub fn cbrt(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::cbrt)
}
pub fn hypot(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::hypot)
}
pub fn modulo(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::modulo)
}
pub fn modf(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (int, frac) = gomath::modf(a[0].as_float());
    NativeOut::RetN(vec![Value::Float(int), Value::Float(frac)])
}
pub fn max(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::max)
}
pub fn min(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::min)
}
pub fn expm1(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::expm1)
}
pub fn asinh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::asinh)
}
pub fn acosh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::acosh)
}
pub fn atanh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::atanh)
}
pub fn logb(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::logb)
}
pub fn erf(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::erf)
}
pub fn erfc(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::erfc)
}
pub fn erfinv(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::erfinv)
}
pub fn erfcinv(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::erfcinv)
}
pub fn gamma(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, gomath::gamma)
}
pub fn remainder(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::remainder)
}
pub fn dim(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::dim)
}
pub fn nextafter(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, gomath::nextafter)
}
pub fn fma(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (x, y, z) = (a[0].as_float(), a[1].as_float(), a[2].as_float());
    NativeOut::Ret(Value::Float(x.mul_add(y, z)))
}
pub fn nextafter32(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (x, y) = (a[0].as_float() as f32, a[1].as_float() as f32);
    NativeOut::Ret(Value::Float(f64::from(gomath::nextafter32(x, y))))
}
pub fn frexp(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (frac, exp) = gomath::frexp(a[0].as_float());
    NativeOut::RetN(vec![Value::Float(frac), Value::Int(exp)])
}
pub fn ldexp(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(gomath::ldexp(a[0].as_float(), a[1].as_int())))
}
pub fn ilogb(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(gomath::ilogb(a[0].as_float())))
}
pub fn pow10(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(gomath::pow10(a[0].as_int())))
}
/// Go's Sincos is its own function, but it computes Sin's and Cos's very
/// expressions (math/sincos.go against sin.go), so it is the two of them.
pub fn sincos(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let x = a[0].as_float();
    NativeOut::RetN(vec![
        Value::Float(gomath::sin(x)),
        Value::Float(gomath::cos(x)),
    ])
}
pub fn lgamma(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (lgamma, sign) = gomath::lgamma(a[0].as_float());
    NativeOut::RetN(vec![Value::Float(lgamma), Value::Int(sign)])
}

pub fn inf(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let v = if a[0].as_int() >= 0 {
        f64::INFINITY
    } else {
        f64::NEG_INFINITY
    };
    NativeOut::Ret(Value::Float(v))
}

/// Go's NaN has this exact bit pattern.
pub fn nan(_: &mut NativeCtx<'_>, _: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(f64::from_bits(0x7FF8_0000_0000_0001)))
}

pub fn float64bits(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(a[0].as_float().to_bits() as i64))
}

pub fn float64frombits(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(f64::from_bits(a[0].as_int() as u64)))
}

pub fn float32bits(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(i64::from((a[0].as_float() as f32).to_bits())))
}

pub fn float32frombits(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(f64::from(
        f32::from_bits(a[0].as_int() as u32),
    )))
}

/// The builtin `min` of two floats, as Go's runtime fmin: NaN wins, and
/// -0 is less than +0.
pub fn builtin_min_float(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |x, y| {
        if y.is_nan() || y < x {
            y
        } else if x.is_nan() || x < y || x != 0.0 {
            x
        } else {
            // Both are zeros: -0 if either is.
            f64::from_bits(x.to_bits() | y.to_bits())
        }
    })
}

/// The builtin `max` of two floats, as Go's runtime fmax: NaN wins, and
/// +0 is greater than -0.
pub fn builtin_max_float(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |x, y| {
        if y.is_nan() || y > x {
            y
        } else if x.is_nan() || x > y || x != 0.0 {
            x
        } else {
            // Both are zeros: +0 if either is.
            f64::from_bits(x.to_bits() & y.to_bits())
        }
    })
}
