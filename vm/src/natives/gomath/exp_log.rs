//! Exp, Exp2, Log, Log2, Log10, Log1p and Expm1 as go 1.27 computes them on
//! amd64.

use super::{frexp, ldexp, NAN};
use std::f64::consts::{FRAC_1_SQRT_2, LOG10_E, LOG2_E};

const POS_INF_BITS: u64 = 0x7FF0_0000_0000_0000;
const NEG_INF_BITS: u64 = 0xFFF0_0000_0000_0000;

/// Go's `Exp` on amd64 (math/exp_amd64.s, after Shibata's SLEEF): reduce by
/// `k·Ln2` in two parts, evaluate a Taylor series at r/16, square `1+r` four
/// times, then scale by `2**k`. The assembly fuses its multiply-adds when the
/// CPU has AVX and FMA (exp_amd64.go's `useFMA`), and so does this port.
pub fn exp(x: f64) -> f64 {
    exp_amd64(x, cpu_has_fma())
}

/// Go's `useFMA`. Other architectures run other Go code (exp_arm64.s, ...);
/// there the fused form is kept, as on today's x86 CPUs.
fn cpu_has_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        true
    }
}

/// The assembly's two branches: with `fused`, each step marked `mul_add`
/// rounds once (VFMADD, VFNMADD); without, twice (MULSD then ADDSD).
fn exp_amd64(x: f64, fused: bool) -> f64 {
    const LN2_HIGH: f64 = 0.693147180559663; // Ln2's upper bits
    const LN2_LOW: f64 = 2.8235290563031577e-13; // Ln2 - LN2_HIGH
    const OVERFLOW: f64 = 709.782712893384;
    // 1/n! for n = 8 down to 2, then 1/1!: the Taylor series of (e**r - 1)/r.
    const TAYLOR: [f64; 8] = [
        2.48015873015873e-05,
        0.0001984126984126984,
        0.001388888888888889,
        0.008333333333333333,
        0.041666666666666664,
        0.16666666666666666,
        0.5,
        1.0,
    ];
    let mul_add = |a: f64, b: f64, c: f64| if fused { a.mul_add(b, c) } else { a * b + c };
    let bits = x.to_bits();
    if bits & !super::SIGN_BIT >= POS_INF_BITS {
        // NaN and +Inf come back as they are; -Inf gives 0.
        return if bits == NEG_INF_BITS { 0.0 } else { x };
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    let k = cvtsd2si(x * LOG2_E);
    let k_float = f64::from(k);
    let mut r = mul_add(-k_float, LN2_HIGH, x);
    r = mul_add(-k_float, LN2_LOW, r);
    r *= 0.0625;
    let mut series = TAYLOR[0];
    for &coefficient in &TAYLOR[1..] {
        series = mul_add(series, r, coefficient);
    }
    r *= series;
    // e**(16r) - 1 by squaring 1+r four times: (1+r)² - 1 = r·(r+2); the
    // fused branch adds the final 1 within the last squaring.
    for _ in 0..3 {
        r *= r + 2.0;
    }
    let y = mul_add(r, r + 2.0, 1.0);
    // y·2**k, in the assembly's integer arithmetic: `biased` is k's exponent field.
    let biased = k + 0x3FF;
    if biased >= 0x7FF {
        return f64::INFINITY;
    }
    if biased > 0 {
        return y * f64::from_bits((biased as u64) << 52);
    }
    if biased < -52 {
        return 0.0;
    }
    // A subnormal result: two multiplications, by 2**(k+1022) and by 2**-1022.
    let y = y * f64::from_bits(((biased + 0x3FE) as u64) << 52);
    y * f64::from_bits(1 << 52)
}

/// x86's CVTSD2SI to a 32-bit integer: rounded to nearest even, and the
/// "integer indefinite" `i32::MIN` when out of range or NaN.
fn cvtsd2si(x: f64) -> i32 {
    let rounded = x.round_ties_even();
    if (-2_147_483_648.0..2_147_483_648.0).contains(&rounded) {
        rounded as i32
    } else {
        i32::MIN
    }
}

/// Go's `Log` on amd64 (math/log_amd64.s, FreeBSD's e_log.c in assembly):
/// `x = 2**k·(1+f)` with `sqrt(2)/2 <= 1+f <= sqrt(2)`, then a polynomial
/// in `s = f/(2+f)`. Unlike Go's pure `log`, the assembly takes the
/// exponent straight from the bits, so a subnormal x gives a wrong but
/// Go-exact result (`Log(5e-324)` is -709.0895657128241), and its
/// comparison is `<=`: 1+f is doubled when it equals sqrt(2)/2 too.
pub fn log(x: f64) -> f64 {
    const LN2_HIGH: f64 = 0.6931471803691238; // 0x3fe62e42fee00000
    const LN2_LOW: f64 = 1.9082149292705877e-10; // 0x3dea39ef35793c76
    const L1: f64 = 0.6666666666666735; // 0x3FE5555555555593
    const L2: f64 = 0.3999999999940942; // 0x3FD999999997FA04
    const L3: f64 = 0.2857142874366239; // 0x3FD2492494229359
    const L4: f64 = 0.22222198432149784; // 0x3FCC71C51D8E78AF
    const L5: f64 = 0.1818357216161805; // 0x3FC7466496CB03DE
    const L6: f64 = 0.15313837699209373; // 0x3FC39A09D078C69F
    const L7: f64 = 0.14798198605116586; // 0x3FC2F112DF3E5244
    let bits = x.to_bits();
    if bits & !super::SIGN_BIT == 0 {
        return f64::NEG_INFINITY;
    }
    if bits & super::SIGN_BIT != 0 {
        return NAN; // negative numbers, -Inf and negative NaNs alike
    }
    if bits >= POS_INF_BITS {
        return x;
    }
    let mut f1 = f64::from_bits(bits & 0x000F_FFFF_FFFF_FFFF | 0x3FE0_0000_0000_0000);
    let mut k = f64::from(((bits >> 52) & 0x7FF) as i32 - 0x3FE);
    if f1 <= FRAC_1_SQRT_2 {
        k -= 1.0;
        f1 *= 2.0;
    }
    let f = f1 - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    let t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    let big_r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2_HIGH - ((hfsq - (s * (hfsq + big_r) + k * LN2_LOW)) - f)
}

/// Go's `Log10`: Log times `1/Ln10`, that constant exactly rounded
/// (`LOG10_E`; the float division `1.0 / LN_10` is one ulp below it).
pub fn log10(x: f64) -> f64 {
    log(x) * LOG10_E
}

/// Go's `Log2`: exact for powers of two (Frexp's fraction is then 1/2).
pub fn log2(x: f64) -> f64 {
    let (frac, exp) = frexp(x);
    if frac == 0.5 {
        return (exp - 1) as f64;
    }
    log(frac) * LOG2_E + exp as f64
}

/// Go's `Exp2` (pure Go on amd64, math/exp.go): `x = k + t`, then
/// `e**(t·Ln2)` by `expmulti` and a scaling by `2**k`.
pub fn exp2(x: f64) -> f64 {
    const LN2_HIGH: f64 = 0.6931471803691238;
    const LN2_LOW: f64 = 1.9082149292705877e-10;
    const OVERFLOW: f64 = 1023.9999999999999;
    const UNDERFLOW: f64 = -1074.0;
    if x.is_nan() {
        return x;
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    if x < UNDERFLOW {
        return 0.0;
    }
    // Rounded half away from zero by truncation, as Go's int conversion does.
    let k = if x > 0.0 {
        (x + 0.5) as i64
    } else if x < 0.0 {
        (x - 0.5) as i64
    } else {
        0
    };
    let t = x - k as f64;
    let hi = t * LN2_HIGH;
    let lo = -t * LN2_LOW;
    expmulti(hi, lo, k)
}

/// Go's `expmulti`: `e**r · 2**k` with `r = hi - lo`, by a rational
/// approximation (FreeBSD's e_exp.c).
fn expmulti(hi: f64, lo: f64, k: i64) -> f64 {
    const P1: f64 = 0.16666666666666666; // 0x3FC5555555555555
    const P2: f64 = -0.0027777777777015593; // 0xBF66C16C16BEBD93
    const P3: f64 = 6.613756321437934e-05; // 0x3F11566AAF25DE2C
    const P4: f64 = -1.6533902205465252e-06; // 0xBEBBBD41C5D26BF1
    const P5: f64 = 4.1381367970572385e-08; // 0x3E66376972BEA4D0
    let r = hi - lo;
    let t = r * r;
    let c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    let y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    ldexp(y, k)
}

/// Go's `Log1p` (pure Go, math/log1p.go after FreeBSD's s_log1p.c): like
/// Log, with a correction term `c` for the rounding of `1+x`.
pub fn log1p(x: f64) -> f64 {
    const SQRT2_M1: f64 = 0.41421356237309503; // Sqrt(2)-1
    const SQRT2_HALF_M1: f64 = -0.2928932188134525; // Sqrt(2)/2-1
    const SMALL: f64 = 1.0 / (1u64 << 29) as f64;
    const TINY: f64 = 1.0 / (1u64 << 54) as f64;
    const TWO53: f64 = (1u64 << 53) as f64;
    const LN2_HIGH: f64 = 0.6931471803691238;
    const LN2_LOW: f64 = 1.9082149292705877e-10;
    const LP1: f64 = 0.6666666666666735;
    const LP2: f64 = 0.3999999999940942;
    const LP3: f64 = 0.2857142874366239;
    const LP4: f64 = 0.22222198432149784;
    const LP5: f64 = 0.1818357216161805;
    const LP6: f64 = 0.15313837699209373;
    const LP7: f64 = 0.14798198605116586;
    if x < -1.0 || x.is_nan() {
        return NAN;
    }
    if x == -1.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    let absx = x.abs();
    let mut f = 0.0;
    let mut iu: u64 = 0;
    let mut k: i64 = 1;
    if absx < SQRT2_M1 {
        if absx < SMALL {
            if absx < TINY {
                return x;
            }
            return x - x * x * 0.5;
        }
        if x > SQRT2_HALF_M1 {
            k = 0;
            f = x;
            iu = 1;
        }
    }
    let mut c = 0.0;
    if k != 0 {
        let mut u;
        if absx < TWO53 {
            u = 1.0 + x;
            iu = u.to_bits();
            k = (iu >> 52) as i64 - 1023;
            c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
            c /= u;
        } else {
            u = x;
            iu = u.to_bits();
            k = (iu >> 52) as i64 - 1023;
            c = 0.0;
        }
        iu &= 0x000F_FFFF_FFFF_FFFF;
        if iu < 0x0006_A09E_667F_3BCD {
            u = f64::from_bits(iu | 0x3FF0_0000_0000_0000); // normalize u
        } else {
            k += 1;
            u = f64::from_bits(iu | 0x3FE0_0000_0000_0000); // normalize u/2
            iu = (0x0010_0000_0000_0000 - iu) >> 2;
        }
        f = u - 1.0; // Sqrt(2)/2 < u < Sqrt(2)
    }
    let hfsq = 0.5 * f * f;
    let k_float = k as f64;
    if iu == 0 {
        // |f| < 2**-20
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            c += k_float * LN2_LOW;
            return k_float * LN2_HIGH + c;
        }
        let big_r = hfsq * (1.0 - 0.6666666666666666 * f);
        if k == 0 {
            return f - big_r;
        }
        return k_float * LN2_HIGH - ((big_r - (k_float * LN2_LOW + c)) - f);
    }
    let s = f / (2.0 + f);
    let z = s * s;
    let big_r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    if k == 0 {
        return f - (hfsq - s * (hfsq + big_r));
    }
    k_float * LN2_HIGH - ((hfsq - (s * (hfsq + big_r) + (k_float * LN2_LOW + c))) - f)
}

/// Go's `Expm1` (pure Go, math/expm1.go after FreeBSD's s_expm1.c): reduce
/// by `k·Ln2` in two parts, a rational approximation of the rest, then put
/// k back into the exponent in a form that keeps `e**x - 1`'s precision.
/// The constants are Go's, digit for digit.
#[allow(clippy::excessive_precision)]
pub fn expm1(x: f64) -> f64 {
    const OVERFLOW_THRESHOLD: f64 = 7.09782712893383973096e+02;
    const LN2_X56: f64 = 3.88162421113569373274e+01;
    const LN2_HALF_X3: f64 = 1.03972077083991796413e+00;
    const LN2_HALF: f64 = 3.46573590279972654709e-01;
    const LN2_HI: f64 = 6.93147180369123816490e-01;
    const LN2_LO: f64 = 1.90821492927058770002e-10;
    const TINY: f64 = 1.0 / (1u64 << 54) as f64;
    const Q1: f64 = -3.33333333333331316428e-02;
    const Q2: f64 = 1.58730158725481460165e-03;
    const Q3: f64 = -7.93650757867487942473e-05;
    const Q4: f64 = 4.00821782732936239552e-06;
    const Q5: f64 = -2.01099218183624371326e-07;
    if x == f64::INFINITY || x.is_nan() {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return -1.0;
    }
    let negative = x < 0.0;
    let absx = x.abs();
    if absx >= LN2_X56 {
        if negative {
            return -1.0;
        }
        if absx >= OVERFLOW_THRESHOLD {
            return f64::INFINITY;
        }
    }
    let mut x = x;
    let mut c = 0.0;
    let k: i64;
    if absx > LN2_HALF {
        let (hi, lo);
        if absx < LN2_HALF_X3 {
            if negative {
                (hi, lo, k) = (x + LN2_HI, -LN2_LO, -1);
            } else {
                (hi, lo, k) = (x - LN2_HI, LN2_LO, 1);
            }
        } else {
            k = if negative {
                (LOG2_E * x - 0.5) as i64
            } else {
                (LOG2_E * x + 0.5) as i64
            };
            let t = k as f64;
            hi = x - t * LN2_HI; // exact
            lo = t * LN2_LO;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if absx < TINY {
        return x;
    } else {
        k = 0;
    }
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    let t = 3.0 - r1 * hfx;
    let mut e = hxs * ((r1 - t) / (6.0 - x * t));
    if k == 0 {
        return x - (x * e - hxs);
    }
    e = x * (e - c) - c;
    e -= hxs;
    // Adds k to y's exponent, as Go's wrapping uint64 sum of the bits.
    let scale = |y: f64| f64::from_bits(y.to_bits().wrapping_add((k as u64) << 52));
    if k == -1 {
        return 0.5 * (x - e) - 0.5;
    }
    if k == 1 {
        if x < -0.25 {
            return -2.0 * (e - (x + 0.5));
        }
        return 1.0 + 2.0 * (x - e);
    }
    if k <= -2 || k > 56 {
        return scale(1.0 - (e - x)) - 1.0;
    }
    if k < 20 {
        let t = f64::from_bits(0x3ff0_0000_0000_0000 - (0x0020_0000_0000_0000 >> k)); // 1-2**-k
        return scale(t - (e - x));
    }
    let t = f64::from_bits(((0x3ff - k) as u64) << 52); // 2**-k
    let mut y = x - (e + t);
    y += 1.0;
    scale(y)
}

#[cfg(test)]
mod tests {
    use super::exp_amd64;

    /// Go's Exp(x) bits from go 1.27 on amd64: with FMA, and with
    /// GODEBUG=cpu.fma=off. The goldens only reach the branch the machine's
    /// CPU takes; this pins both.
    const GO_EXP: [(f64, u64, u64); 12] = [
        (1.7, 0x4015E552770DF8A7, 0x4015E552770DF8A6),
        (-3.3, 0x3FA2E259BB85BE85, 0x3FA2E259BB85BE85),
        (0.1, 0x3FF1AEC7B35A00D4, 0x3FF1AEC7B35A00D4),
        (2.5, 0x40285D6FD931E0BB, 0x40285D6FD931E0BB),
        (10.01, 0x40D5B9F5781DC703, 0x40D5B9F5781DC703),
        (-20.5, 0x3E157A3AFEED00AB, 0x3E157A3AFEED00AC),
        (88.7, 0x47EF4705BBFFAE5C, 0x47EF4705BBFFAE5C),
        (300.3, 0x5B02E9C6CABF8F3F, 0x5B02E9C6CABF8F40),
        (700.9, 0x7F2230411E619905, 0x7F2230411E619905),
        (-708.5, 0x000E6CF6D08897AC, 0x000E6CF6D08897AC),
        (-740.2, 0x0000000000000045, 0x0000000000000045),
        (1e-09, 0x3FF000000044B830, 0x3FF000000044B830),
    ];

    #[test]
    fn exp_matches_go_with_and_without_fma() {
        for (x, fused, unfused) in GO_EXP {
            assert_eq!(exp_amd64(x, true).to_bits(), fused, "Exp({x}) with FMA");
            assert_eq!(
                exp_amd64(x, false).to_bits(),
                unfused,
                "Exp({x}) without FMA"
            );
        }
    }
}
