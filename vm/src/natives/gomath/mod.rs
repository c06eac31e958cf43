//! Go's `math` algorithms, ported step by step, so gomini's `math` functions
//! return Go's bits, not the platform libm's.
//!
//! gomini promises the output of `go run`, and `fmt.Println` prints a float's
//! shortest round-trip form, so a last-bit difference shows. The platform's
//! libm (glibc's `sin`, `exp`, `log`, `pow`) is correctly rounded more often
//! than Go's code, which is exactly why it differs: Go computes with its own
//! polynomials (from Cephes and FreeBSD's msun) and those results are what we
//! owe. Each function here follows the implementation go 1.27 runs on
//! linux/amd64: the pure Go of `$GOROOT/src/math` (the Go compiler does not
//! fuse `a*b + c` into an FMA on amd64, and neither does Rust), except Exp,
//! Log, Hypot, Max and Min, whose amd64 assembly has its own algorithm and is
//! ported from the `.s` file instead (Exp fuses its multiply-adds, with
//! `mul_add`, when the CPU has FMA, as Go's does). Sqrt is one exact
//! instruction in both, so it stays the platform's (see `math.rs`). Go's
//! license for this code is vm/src/stdlib/LICENSE-GO.
//!
//! Files: `exp_log.rs` (Exp, Exp2, Log, Log2, Log10, Log1p, Expm1),
//! `pow.rs`, `trig.rs` (Sin, Cos, Tan and the Payne-Hanek reduction for huge
//! arguments), `arc.rs` (Atan, Asin, Acos, Atan2), `hyperbolic.rs` (Sinh,
//! Cosh, Tanh and their inverses), `roots.rs` (Cbrt, Hypot), `exact.rs`
//! (Floor, Ceil, Trunc, Round, RoundToEven, Modf, Mod, Remainder, Max, Min,
//! Dim: exact results whose zeros and NaNs follow Go's code), `bits.rs`
//! (Nextafter, Nextafter32, Logb, Ilogb, Pow10), `erf.rs` (Erf, Erfc,
//! Erfinv, Erfcinv), `gamma.rs` (Gamma, Lgamma); Frexp and Ldexp are here.

mod arc;
mod bits;
mod erf;
mod exact;
mod exp_log;
mod gamma;
mod hyperbolic;
mod pow;
mod roots;
mod trig;

pub use arc::{acos, asin, atan, atan2};
pub use bits::{ilogb, logb, nextafter, nextafter32, pow10};
pub use erf::{erf, erfc, erfcinv, erfinv};
pub use exact::{ceil, dim, floor, max, min, modf, modulo, remainder, round, round_to_even, trunc};
pub use exp_log::{exp, exp2, expm1, log, log10, log1p, log2};
pub use gamma::{gamma, lgamma};
pub use hyperbolic::{acosh, asinh, atanh, cosh, sinh, tanh};
pub use pow::pow;
pub use roots::{cbrt, hypot};
pub use trig::{cos, sin, tan};

/// Go's `NaN()` (math/bits.go's `uvnan`): Go's special cases return this one,
/// while arithmetic on a NaN operand passes that operand's bits on.
const NAN: f64 = f64::from_bits(0x7FF8_0000_0000_0001);

const SIGN_BIT: u64 = 1 << 63;
const EXP_MASK: u64 = 0x7FF;
const SHIFT: u32 = 52;
const BIAS: i64 = 1023;

/// Go's `normalize`: a subnormal scaled up by 2**52, and the exponent that
/// undoes it.
fn normalize(x: f64) -> (f64, i64) {
    if x.abs() < f64::MIN_POSITIVE {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// Go's `Frexp`: `x = frac × 2**exp` with `0.5 <= |frac| < 1`; ±0, ±Inf and
/// NaN come back unchanged with exponent 0.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || x.is_infinite() || x.is_nan() {
        return (x, 0);
    }
    let (x, mut exp) = normalize(x);
    let mut bits = x.to_bits();
    exp += ((bits >> SHIFT) & EXP_MASK) as i64 - BIAS + 1;
    bits &= !(EXP_MASK << SHIFT);
    bits |= ((BIAS - 1) as u64) << SHIFT;
    (f64::from_bits(bits), exp)
}

/// Go's `Ldexp`: `frac × 2**exp`, rounding once when the result is subnormal.
/// The exponent sums wrap as Go's `int` arithmetic does (`Ldexp(1, MinInt)`).
pub fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let mut exp = exp.wrapping_add(e);
    let mut bits = frac.to_bits();
    exp = exp.wrapping_add(((bits >> SHIFT) & EXP_MASK) as i64 - BIAS);
    if exp < -1075 {
        return 0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut scale = 1.0;
    if exp < -1022 {
        // Built as a normal number, then scaled down by one multiplication.
        exp += 53;
        scale = 1.0 / (1u64 << 53) as f64;
    }
    bits &= !(EXP_MASK << SHIFT);
    bits |= ((exp + BIAS) as u64) << SHIFT;
    scale * f64::from_bits(bits)
}
