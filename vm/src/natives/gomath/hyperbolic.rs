//! Sinh, Cosh and Tanh as Go computes them (math/sinh.go, math/tanh.go,
//! after Cephes), on top of Go's amd64 Exp; and their inverses Asinh, Acosh
//! and Atanh (math/asinh.go, acosh.go, atanh.go, after FreeBSD's msun), on
//! top of Go's Log and Log1p.

use super::{exp, log, log1p, NAN};
use std::f64::consts::LN_2;

/// 2**28: above it, Asinh and Acosh are `Log(x) + Ln2`.
const LARGE: f64 = (1u64 << 28) as f64;
/// 2**-28: below it, Asinh and Atanh are x.
const NEAR_ZERO: f64 = 1.0 / (1u64 << 28) as f64;

/// Go's `sinh`: from Exp above 0.5, a rational approximation below.
pub fn sinh(x: f64) -> f64 {
    const P0: f64 = -630767.3640497717;
    const P1: f64 = -89912.72022039509;
    const P2: f64 = -2894.211355989564;
    const P3: f64 = -26.30563213397497;
    const Q0: f64 = -630767.3640497717;
    const Q1: f64 = 15215.17378790019;
    const Q2: f64 = -173.6789535582337;
    let (x, negate) = if x < 0.0 { (-x, true) } else { (x, false) };
    let res = if x > 21.0 {
        exp(x) * 0.5
    } else if x > 0.5 {
        let ex = exp(x);
        (ex - 1.0 / ex) * 0.5
    } else {
        let sq = x * x;
        let num = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
        num / (((sq + Q2) * sq + Q1) * sq + Q0)
    };
    if negate {
        -res
    } else {
        res
    }
}

/// Go's `cosh`.
pub fn cosh(x: f64) -> f64 {
    let x = x.abs();
    if x > 21.0 {
        return exp(x) * 0.5;
    }
    let ex = exp(x);
    (ex + 1.0 / ex) * 0.5
}

/// Go's `tanh`: ±1 beyond log(2**127)/2, from Exp above 0.625, a rational
/// approximation below.
pub fn tanh(x: f64) -> f64 {
    const P: [f64; 3] = [-0.9643991794250523, -99.28772310019185, -1614.6876844170845];
    const Q: [f64; 3] = [112.81167849163293, 2235.4883906010045, 4844.063053251255];
    const MAXLOG: f64 = 88.02969193111305; // log(2**127)
    let z = x.abs();
    if z > 0.5 * MAXLOG {
        return if x < 0.0 { -1.0 } else { 1.0 };
    }
    if z >= 0.625 {
        let s = exp(2.0 * z);
        let res = 1.0 - 2.0 / (s + 1.0);
        return if x < 0.0 { -res } else { res };
    }
    if x == 0.0 {
        return x;
    }
    let s = x * x;
    x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2])
}

/// Go's `asinh`: by magnitude, `Log(x)+Ln2`, `Log(2x + 1/(Sqrt(x²+1)+x))`,
/// x itself, or `Log1p(x + x²/(1+Sqrt(1+x²)))`; odd in x.
pub fn asinh(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return x;
    }
    let negative = x < 0.0;
    // Not abs: -0 stays -0, as in Go.
    let x = if negative { -x } else { x };
    let result = if x > LARGE {
        log(x) + LN_2
    } else if x > 2.0 {
        log(2.0 * x + 1.0 / ((x * x + 1.0).sqrt() + x))
    } else if x < NEAR_ZERO {
        x
    } else {
        log1p(x + x * x / (1.0 + (1.0 + x * x).sqrt()))
    };
    if negative {
        -result
    } else {
        result
    }
}

/// Go's `acosh`: NaN below 1, then `Log(x)+Ln2` for huge x,
/// `Log(2x - 1/(x+Sqrt(x²-1)))` above 2, `Log1p(t + Sqrt(2t+t²))` with
/// `t = x-1` below.
pub fn acosh(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        return NAN;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x >= LARGE {
        return log(x) + LN_2;
    }
    if x > 2.0 {
        return log(2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt()));
    }
    let t = x - 1.0;
    log1p(t + (2.0 * t + t * t).sqrt())
}

/// Go's `atanh`: NaN outside [-1, 1], ±Inf at ±1, otherwise half a Log1p
/// of `2x/(1-x)` in one of two forms; odd in x.
pub fn atanh(x: f64) -> f64 {
    if !(-1.0..=1.0).contains(&x) {
        return NAN;
    }
    if x == 1.0 {
        return f64::INFINITY;
    }
    if x == -1.0 {
        return f64::NEG_INFINITY;
    }
    let negative = x < 0.0;
    let x = if negative { -x } else { x };
    let result = if x < NEAR_ZERO {
        x
    } else if x < 0.5 {
        let twice = x + x;
        0.5 * log1p(twice + twice * x / (1.0 - x))
    } else {
        0.5 * log1p((x + x) / (1.0 - x))
    };
    if negative {
        -result
    } else {
        result
    }
}
