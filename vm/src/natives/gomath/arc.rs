//! Atan, Asin, Acos and Atan2 as Go computes them (math/atan.go after
//! Cephes' atan.c, math/asin.go, math/atan2.go).

use super::NAN;
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

/// Go's `xatan`: atan on [0, 0.66] by a rational approximation.
fn xatan(x: f64) -> f64 {
    const P0: f64 = -0.8750608600031904;
    const P1: f64 = -16.157537187333652;
    const P2: f64 = -75.00855792314705;
    const P3: f64 = -122.88666844901361;
    const P4: f64 = -64.85021904942025;
    const Q0: f64 = 24.858464901423062;
    const Q1: f64 = 165.02700983169885;
    const Q2: f64 = 432.88106049129027;
    const Q3: f64 = 485.3903996359137;
    const Q4: f64 = 194.5506571482614;
    let z = x * x;
    let z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4)
        / (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    x * z + x
}

/// Go's `satan`: atan of a non-negative x, reduced to [0, 0.66].
fn satan(x: f64) -> f64 {
    const MOREBITS: f64 = 6.123233995736766e-17; // Pi/2 = FRAC_PI_2 + MOREBITS
    const TAN_3PI_8: f64 = 2.414213562373095;
    if x <= 0.66 {
        return xatan(x);
    }
    if x > TAN_3PI_8 {
        return FRAC_PI_2 - xatan(1.0 / x) + MOREBITS;
    }
    FRAC_PI_4 + xatan((x - 1.0) / (x + 1.0)) + 0.5 * MOREBITS
}

/// Go's `atan`.
pub fn atan(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    if x > 0.0 {
        satan(x)
    } else {
        -satan(-x)
    }
}

/// Go's `asin`: atan of x/sqrt(1-x²).
pub fn asin(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    let (x, negate) = if x < 0.0 { (-x, true) } else { (x, false) };
    if x > 1.0 {
        return NAN;
    }
    let root = (1.0 - x * x).sqrt();
    let res = if x > 0.7 {
        FRAC_PI_2 - satan(root / x)
    } else {
        satan(x / root)
    };
    if negate {
        -res
    } else {
        res
    }
}

/// Go's `acos`: Pi/2 - Asin(x).
pub fn acos(x: f64) -> f64 {
    FRAC_PI_2 - asin(x)
}

/// Go's `atan2`: the special cases, then Atan(y/x) moved to x's half-plane.
pub fn atan2(y: f64, x: f64) -> f64 {
    // 3·Pi/4 exactly rounded (0x4002d97c7f3321d2), as Go's constant arithmetic gives it.
    const THREE_PI_4: f64 = 2.356194490192345;
    if y.is_nan() || x.is_nan() {
        return NAN;
    }
    if y == 0.0 {
        if x >= 0.0 && !x.is_sign_negative() {
            return 0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    if x == 0.0 {
        return FRAC_PI_2.copysign(y);
    }
    if x.is_infinite() {
        if x > 0.0 {
            return if y.is_infinite() {
                FRAC_PI_4.copysign(y)
            } else {
                0f64.copysign(y)
            };
        }
        return if y.is_infinite() {
            THREE_PI_4.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    if y.is_infinite() {
        return FRAC_PI_2.copysign(y);
    }
    let q = atan(y / x);
    if x < 0.0 {
        if q <= 0.0 {
            return q + PI;
        }
        return q - PI;
    }
    q
}
