//! Cbrt (Go's math/cbrt.go) and Hypot (Go's math/hypot_amd64.s).

use super::NAN;

/// Go's `Cbrt` step by step (math/cbrt.go, after FreeBSD's s_cbrt.c).
/// The platform's `cbrt` differed from Go's in 175 of 2000 inputs with
/// glibc's shared libm and in ~1000 with its static one (`Cbrt(27)` was
/// `3.0000000000000004`).
pub fn cbrt(x: f64) -> f64 {
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

/// Go's `Hypot` on amd64 (math/hypot_amd64.s): p·sqrt(1+(q/p)²) with the
/// larger magnitude as p; +Inf if either is infinite, else Go's NaN if
/// either is NaN.
pub fn hypot(p: f64, q: f64) -> f64 {
    let (p, q) = (p.abs(), q.abs());
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return NAN;
    }
    if p == 0.0 && q == 0.0 {
        return 0.0;
    }
    let (larger, smaller) = if p > q { (p, q) } else { (q, p) };
    let ratio = smaller / larger;
    larger * (1.0 + ratio * ratio).sqrt()
}
