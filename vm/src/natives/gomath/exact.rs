//! Floor, Ceil, Trunc, Round, RoundToEven, Modf, Mod, Remainder, Max, Min
//! and Dim: their results are exact, so only zeros' signs and NaNs can
//! differ from a platform's, and here they follow Go's code (math/floor.go,
//! modf.go, mod.go, remainder.go, dim.go, dim_amd64.s, and the compiler's
//! intrinsics).

use super::{frexp, ldexp, NAN, SIGN_BIT};

const FRAC_MASK: u64 = (1 << 52) - 1;
const ONE_BITS: u64 = 0x3FF0_0000_0000_0000;

/// Go's `Floor` as a direct call compiles: x86's ROUNDSD (Go's compiler
/// makes it an intrinsic), which quiets a signaling NaN. Through a func
/// value, Go's assembly would return that NaN as it is; a direct call is
/// what programs write.
pub fn floor(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    x.floor()
}

/// Go's `Ceil`, an intrinsic like Floor.
pub fn ceil(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    x.ceil()
}

/// Go's `Trunc`, an intrinsic like Floor.
pub fn trunc(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    x.trunc()
}

/// A NaN with its quiet bit set, as x86 arithmetic returns a NaN operand.
fn quiet(nan: f64) -> f64 {
    f64::from_bits(nan.to_bits() | 1 << 51)
}

/// Go's `Round`: half away from zero, on the bits (not an intrinsic on
/// amd64, so a signaling NaN comes back as it is).
pub fn round(x: f64) -> f64 {
    let mut bits = x.to_bits();
    let e = (bits >> 52) & 0x7FF;
    if e < 1023 {
        bits &= SIGN_BIT; // ±0
        if e == 1022 {
            bits |= ONE_BITS; // ±1
        }
    } else if e < 1023 + 52 {
        const HALF: u64 = 1 << 51;
        let e = e - 1023;
        bits += HALF >> e;
        bits &= !(FRAC_MASK >> e);
    }
    f64::from_bits(bits)
}

/// Go's `RoundToEven`: half to even, on the bits; an intrinsic like Floor,
/// so a NaN comes back quiet.
pub fn round_to_even(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    let mut bits = x.to_bits();
    let e = (bits >> 52) & 0x7FF;
    if e >= 1023 {
        // Exponents of 52 and more (Inf too) leave the bits as they are:
        // every shift below then clears nothing.
        const HALF_MINUS_ULP: u64 = (1 << 51) - 1;
        let e = e - 1023;
        let low_bit = go_shr(bits, 52u64.wrapping_sub(e)) & 1;
        bits = bits.wrapping_add(go_shr(HALF_MINUS_ULP + low_bit, e));
        bits &= !go_shr(FRAC_MASK, e);
    } else if e == 1022 && bits & FRAC_MASK != 0 {
        bits = bits & SIGN_BIT | ONE_BITS; // ±1
    } else {
        bits &= SIGN_BIT; // ±0
    }
    f64::from_bits(bits)
}

/// Go's `>>` on a uint64 with a uint64 count: 64 or more gives 0.
fn go_shr(x: u64, count: u64) -> u64 {
    if count >= 64 {
        0
    } else {
        x >> count
    }
}

/// Go's `Modf`: Trunc, and the rest with x's sign (so ±Inf gives a NaN).
pub fn modf(x: f64) -> (f64, f64) {
    let int = trunc(x);
    (int, (x - int).copysign(x))
}

/// Go's `mod`: subtract y scaled to r's exponent until r < |y|; each
/// subtraction is exact, and the result has x's sign.
pub fn modulo(x: f64, y: f64) -> f64 {
    if y == 0.0 || x.is_infinite() || x.is_nan() || y.is_nan() {
        return NAN;
    }
    let y = y.abs();
    let (y_frac, y_exp) = frexp(y);
    let mut r = if x < 0.0 { -x } else { x }; // -0 stays -0
    while r >= y {
        let (r_frac, mut r_exp) = frexp(r);
        if r_frac < y_frac {
            r_exp -= 1;
        }
        r -= ldexp(y, r_exp - y_exp);
    }
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// Go's `Max` on amd64 (math/dim_amd64.s): +Inf wins, then NaN, and +0 is
/// greater than -0.
pub fn max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return NAN;
    }
    if x == 0.0 && y == 0.0 {
        return if x.to_bits() == SIGN_BIT { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// Go's `Min` on amd64 (math/dim_amd64.s): -Inf wins, then NaN, and -0 is
/// less than +0.
pub fn min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return NAN;
    }
    if x == 0.0 && y == 0.0 {
        return if x.to_bits() == SIGN_BIT { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

/// Go's `remainder` (pure Go, math/remainder.go after FreeBSD's
/// e_remainder.c): the IEEE 754 remainder `x - n·y`, n the integer nearest
/// x/y (ties to even), by Mod with 2y and at most two subtractions.
pub fn remainder(x: f64, y: f64) -> f64 {
    const TINY: f64 = f64::from_bits(0x0020_0000_0000_0000); // 2**-1021
    const HALF_MAX: f64 = f64::MAX / 2.0;
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let negative = x < 0.0;
    let mut x = if negative { -x } else { x };
    let y = if y < 0.0 { -y } else { y };
    if x == y {
        return if negative { -0.0 } else { 0.0 };
    }
    if y <= HALF_MAX {
        x = modulo(x, y + y); // now x < 2y
    }
    if y < TINY {
        if x + x > y {
            x -= y;
            if x + x >= y {
                x -= y;
            }
        }
    } else {
        let y_half = 0.5 * y;
        if x > y_half {
            x -= y;
            if x >= y_half {
                x -= y;
            }
        }
    }
    if negative {
        -x
    } else {
        x
    }
}

/// Go's `Dim`: `x - y` if positive, otherwise 0 (a NaN difference passes).
pub fn dim(x: f64, y: f64) -> f64 {
    let v = x - y;
    if v <= 0.0 {
        0.0
    } else {
        v
    }
}
