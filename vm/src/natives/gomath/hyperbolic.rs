//! Sinh, Cosh and Tanh as Go computes them (math/sinh.go, math/tanh.go,
//! after Cephes), on top of Go's amd64 Exp.

use super::exp;

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
