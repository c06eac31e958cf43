//! math natives: IEEE operations on float64 with Go's special cases (NaN, ±Inf, ±0).

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
    f1(a, f64::floor)
}
pub fn ceil(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::ceil)
}
pub fn trunc(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::trunc)
}
/// Half away from zero, as Go's Round.
pub fn round(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::round)
}
pub fn round_to_even(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::round_ties_even)
}
pub fn pow(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, f64::powf)
}
pub fn exp(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::exp)
}
pub fn exp2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::exp2)
}
pub fn log(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::ln)
}
/// Go's Log2 is exact for powers of two: frexp, then log of the fraction
/// times `1/Ln2` (exactly rounded: `LOG2_E`).
pub fn log2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, |x| {
        let (frac, e) = frexp(x);
        if frac == 0.5 {
            return f64::from(e - 1);
        }
        frac.ln() * std::f64::consts::LOG2_E + f64::from(e)
    })
}
/// Go's Log10 is log(x) * (1/Ln10), its constant `1/Ln10` computed exactly
/// and then rounded: `LOG10_E`. The float division `1.0 / LN_10` is one ulp
/// below it, which changed the last digit of three Log10 results in four.
pub fn log10(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, |x| x.ln() * std::f64::consts::LOG10_E)
}
pub fn log1p(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::ln_1p)
}
pub fn sin(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::sin)
}
pub fn cos(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::cos)
}
pub fn tan(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::tan)
}
pub fn asin(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::asin)
}
pub fn acos(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::acos)
}
pub fn atan(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::atan)
}
pub fn atan2(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, f64::atan2)
}
pub fn sinh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::sinh)
}
pub fn cosh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::cosh)
}
pub fn tanh(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, f64::tanh)
}
pub fn cbrt(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f1(a, go_cbrt)
}

/// Go's `math.Cbrt` step by step (Go's math/cbrt.go, after FreeBSD's
/// s_cbrt.c; vm/src/stdlib/LICENSE-GO), so every result has Go's last bit.
/// The platform's `cbrt` differed from Go's in 175 of 2000 inputs with
/// glibc's shared libm and in ~1000 with its static one (`Cbrt(27)` was
/// `3.0000000000000004`).
fn go_cbrt(x: f64) -> f64 {
    const B1: u64 = 715_094_163; // (682-0.03306235651)*2**20
    const B2: u64 = 696_219_795; // (664-0.03306235651)*2**20
                                 // Go's constants by their bits (its comments give both forms).
    const C: f64 = f64::from_bits(0x3FE1_5F15_F15F_15F1); // 19/35
    const D: f64 = f64::from_bits(0xBFE6_91DE_2532_C834); // -864/1225
    const E: f64 = f64::from_bits(0x3FF6_A0EA_0EA0_EA0F); // 99/70
    const F: f64 = f64::from_bits(0x3FF9_B6DB_6DB6_DB6E); // 45/28
    const G: f64 = f64::from_bits(0x3FD6_DB6D_B6DB_6DB7); // 5/14
    const SMALLEST_NORMAL: f64 = f64::from_bits(0x0010_0000_0000_0000); // 2**-1022
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return x;
    }
    let (x, negative) = if x < 0.0 { (-x, true) } else { (x, false) };
    // A rough cube root to 5 bits, from the exponent.
    let mut t = f64::from_bits(x.to_bits() / 3 + (B1 << 32));
    if x < SMALLEST_NORMAL {
        t = (1u64 << 54) as f64 * x;
        t = f64::from_bits(t.to_bits() / 3 + (B2 << 32));
    }
    // To 23 bits.
    let r = t * t / x;
    let s = C + r * t;
    t *= G + F / (s + E + D / s);
    // Chopped to 22 bits and made larger than the cube root.
    t = f64::from_bits((t.to_bits() & (0xF_FFFF_FFFC << 28)) + (1 << 30));
    // One Newton step to 53 bits (error under 0.667 ulps).
    let s = t * t;
    let r = x / s;
    let w = t + t;
    let r = (r - t) / (w + r);
    t += t * r;
    if negative {
        -t
    } else {
        t
    }
}

/// Go's hypot: p·sqrt(1+(q/p)²) with the larger magnitude as p.
pub fn hypot(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |p, q| {
        let (mut p, mut q) = (p.abs(), q.abs());
        if p.is_infinite() || q.is_infinite() {
            return f64::INFINITY;
        }
        if p.is_nan() || q.is_nan() {
            return f64::NAN;
        }
        if p < q {
            std::mem::swap(&mut p, &mut q);
        }
        if p == 0.0 {
            return 0.0;
        }
        let q = q / p;
        p * (1.0 + q * q).sqrt()
    })
}

/// fmod: exact, with the sign of x.
pub fn modulo(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |x, y| x % y)
}

pub fn modf(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let f = a[0].as_float();
    let (int, frac) = if f.is_infinite() {
        (f, f64::NAN)
    } else if f.abs() < 1.0 {
        if f < 0.0 {
            (-0.0, f)
        } else if f == 0.0 {
            (f, f)
        } else {
            (0.0, f)
        }
    } else {
        let int = f.trunc();
        (int, f - int)
    };
    NativeOut::RetN(vec![Value::Float(int), Value::Float(frac)])
}

/// Go's Max: NaN wins, +0 beats -0.
pub fn max(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |x, y| {
        if x.is_infinite() && x > 0.0 || y.is_infinite() && y > 0.0 {
            return f64::INFINITY;
        }
        if x.is_nan() || y.is_nan() {
            return f64::NAN;
        }
        if x == 0.0 && x == y {
            return if x.is_sign_negative() { y } else { x };
        }
        if x > y {
            x
        } else {
            y
        }
    })
}

/// Go's Min: NaN wins, -0 beats +0.
pub fn min(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    f2(a, |x, y| {
        if x.is_infinite() && x < 0.0 || y.is_infinite() && y < 0.0 {
            return f64::NEG_INFINITY;
        }
        if x.is_nan() || y.is_nan() {
            return f64::NAN;
        }
        if x == 0.0 && x == y {
            return if x.is_sign_negative() { x } else { y };
        }
        if x < y {
            x
        } else {
            y
        }
    })
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

/// math.Frexp: `x = frac × 2^exp` with `0.5 <= |frac| < 1`.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return (x, 0);
    }
    let (mut x, mut e) = (x, 0);
    if x.abs() < f64::MIN_POSITIVE {
        x *= (1u64 << 52) as f64;
        e = -52;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i32 - 1022;
    let frac = f64::from_bits(bits & !(0x7ffu64 << 52) | (1022u64 << 52));
    (frac, e)
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
