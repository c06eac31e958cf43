//! Functions of a float's representation, as Go writes them: Nextafter,
//! Nextafter32 (math/nextafter.go), Logb, Ilogb (math/logb.go) and Pow10
//! (math/pow10.go). Their results are exact; what Go's code decides is the
//! NaNs, the zeros' signs and the out-of-range answers.

use super::{normalize, BIAS, EXP_MASK, NAN, SHIFT};

/// Go's `Nextafter`: the next float after x towards y; NaN if either is.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        NAN
    } else if x == y {
        x
    } else if x == 0.0 {
        f64::from_bits(1).copysign(y)
    } else if (y > x) == (x > 0.0) {
        f64::from_bits(x.to_bits() + 1)
    } else {
        f64::from_bits(x.to_bits() - 1)
    }
}

/// Go's `Nextafter32`, the same on float32; its NaN is `float32(NaN())`.
pub fn nextafter32(x: f32, y: f32) -> f32 {
    if x.is_nan() || y.is_nan() {
        NAN as f32
    } else if x == y {
        x
    } else if x == 0.0 {
        f32::from_bits(1).copysign(y)
    } else if (y > x) == (x > 0.0) {
        f32::from_bits(x.to_bits() + 1)
    } else {
        f32::from_bits(x.to_bits() - 1)
    }
}

/// Go's `ilogb`: the binary exponent of a finite nonzero x.
fn binary_exponent(x: f64) -> i64 {
    let (x, exp) = normalize(x);
    ((x.to_bits() >> SHIFT) & EXP_MASK) as i64 - BIAS + exp
}

/// Go's `Logb`: x's binary exponent as a float; -Inf for ±0, +Inf for ±Inf.
pub fn logb(x: f64) -> f64 {
    if x == 0.0 {
        f64::NEG_INFINITY
    } else if x.is_infinite() {
        f64::INFINITY
    } else if x.is_nan() {
        x
    } else {
        binary_exponent(x) as f64
    }
}

/// Go's `Ilogb`: x's binary exponent; MinInt32 for ±0, MaxInt32 for NaN
/// and ±Inf.
pub fn ilogb(x: f64) -> i64 {
    if x == 0.0 {
        i64::from(i32::MIN)
    } else if x.is_nan() || x.is_infinite() {
        i64::from(i32::MAX)
    } else {
        binary_exponent(x)
    }
}

/// Go's `Pow10`: 10**n from two table entries, one product (or quotient)
/// rounded once; +Inf above 308, 0 below -323.
pub fn pow10(n: i64) -> f64 {
    const POW10: [f64; 32] = [
        1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
        1e30, 1e31,
    ];
    const POW10_POS32: [f64; 10] = [
        1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
    ];
    const POW10_NEG32: [f64; 11] = [
        1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
    ];
    if (0..=308).contains(&n) {
        let n = n as usize;
        return POW10_POS32[n / 32] * POW10[n % 32];
    }
    if (-323..0).contains(&n) {
        let n = (-n) as usize;
        return POW10_NEG32[n / 32] / POW10[n % 32];
    }
    if n > 0 {
        f64::INFINITY
    } else {
        0.0
    }
}
