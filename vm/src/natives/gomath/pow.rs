//! Pow as Go computes it (math/pow.go): the special cases, then
//! Exp(yf·Log(x)) for y's fraction times x**yi by repeated squaring.

use super::{exp, frexp, ldexp, log, modf, NAN};

/// Whether x is an odd integer (never true from 2**53 on).
fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        return false;
    }
    let (int, frac) = modf(x);
    frac == 0.0 && (int as i64) & 1 == 1
}

/// Go's `pow`.
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return NAN;
    }
    if x == 0.0 {
        // y is neither 0 nor NaN here.
        let odd_power_of_minus_zero = x.is_sign_negative() && is_odd_int(y);
        if y < 0.0 {
            return if odd_power_of_minus_zero {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        }
        return if odd_power_of_minus_zero { x } else { 0.0 };
    }
    if y.is_infinite() {
        if x == -1.0 {
            return 1.0;
        }
        return if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y); // Pow(-0, -y)
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let (mut yi, mut yf) = modf(y.abs());
    if yf != 0.0 && x < 0.0 {
        return NAN;
    }
    if yi >= 9_223_372_036_854_775_808.0 {
        // yi >= 2**63: an even integer, so only |x| against 1 matters.
        if x == -1.0 {
            return 1.0;
        }
        return if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    // The result is a1·2**ae.
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = exp(yf * log(x));
    }
    // x**yi by squaring, keeping the exponent apart so nothing overflows early.
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            // The result over- or underflows anyway; Ldexp makes it so.
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}
