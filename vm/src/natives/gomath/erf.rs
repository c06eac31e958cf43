//! Erf, Erfc (math/erf.go, after FreeBSD's s_erf.c) and Erfinv, Erfcinv
//! (math/erfinv.go, after Wichura's AS241) as Go computes them, on top of
//! Go's amd64 Exp and Log. The coefficients are Go's, digit for digit.
#![allow(clippy::excessive_precision)]

use super::{exp, log, NAN};
use std::f64::consts::{LN_2, SQRT_2};

const ERX: f64 = 8.45062911510467529297e-01;
// Coefficients for approximation to erf in |x| <= 0.84375.
const EFX: f64 = 1.28379167095512586316e-01;
const EFX8: f64 = 1.02703333676410069053e+00;
const PP0: f64 = 1.28379167095512558561e-01;
const PP1: f64 = -3.25042107247001499370e-01;
const PP2: f64 = -2.84817495755985104766e-02;
const PP3: f64 = -5.77027029648944159157e-03;
const PP4: f64 = -2.37630166566501626084e-05;
const QQ1: f64 = 3.97917223959155352819e-01;
const QQ2: f64 = 6.50222499887672944485e-02;
const QQ3: f64 = 5.08130628187576562776e-03;
const QQ4: f64 = 1.32494738004321644526e-04;
const QQ5: f64 = -3.96022827877536812320e-06;
// Coefficients for approximation to erf in 0.84375 <= |x| <= 1.25.
const PA0: f64 = -2.36211856075265944077e-03;
const PA1: f64 = 4.14856118683748331666e-01;
const PA2: f64 = -3.72207876035701323847e-01;
const PA3: f64 = 3.18346619901161753674e-01;
const PA4: f64 = -1.10894694282396677476e-01;
const PA5: f64 = 3.54783043256182359371e-02;
const PA6: f64 = -2.16637559486879084300e-03;
const QA1: f64 = 1.06420880400844228286e-01;
const QA2: f64 = 5.40397917702171048937e-01;
const QA3: f64 = 7.18286544141962662868e-02;
const QA4: f64 = 1.26171219808761642112e-01;
const QA5: f64 = 1.36370839120290507362e-02;
const QA6: f64 = 1.19844998467991074170e-02;
// Coefficients for approximation to erfc in 1.25 <= |x| <= 1/0.35.
const RA0: f64 = -9.86494403484714822705e-03;
const RA1: f64 = -6.93858572707181764372e-01;
const RA2: f64 = -1.05586262253232909814e+01;
const RA3: f64 = -6.23753324503260060396e+01;
const RA4: f64 = -1.62396669462573470355e+02;
const RA5: f64 = -1.84605092906711035994e+02;
const RA6: f64 = -8.12874355063065934246e+01;
const RA7: f64 = -9.81432934416914548592e+00;
const SA1: f64 = 1.96512716674392571292e+01;
const SA2: f64 = 1.37657754143519042600e+02;
const SA3: f64 = 4.34565877475229228821e+02;
const SA4: f64 = 6.45387271733267880336e+02;
const SA5: f64 = 4.29008140027567833386e+02;
const SA6: f64 = 1.08635005541779435134e+02;
const SA7: f64 = 6.57024977031928170135e+00;
const SA8: f64 = -6.04244152148580987438e-02;
// Coefficients for approximation to erfc in 1/0.35 <= |x| <= 28.
const RB0: f64 = -9.86494292470009928597e-03;
const RB1: f64 = -7.99283237680523006574e-01;
const RB2: f64 = -1.77579549177547519889e+01;
const RB3: f64 = -1.60636384855821916062e+02;
const RB4: f64 = -6.37566443368389627722e+02;
const RB5: f64 = -1.02509513161107724954e+03;
const RB6: f64 = -4.83519191608651397019e+02;
const SB1: f64 = 3.03380607434824582924e+01;
const SB2: f64 = 3.25792512996573918826e+02;
const SB3: f64 = 1.53672958608443695994e+03;
const SB4: f64 = 3.19985821950859553908e+03;
const SB5: f64 = 2.55305040643316442583e+03;
const SB6: f64 = 4.74528541206955367215e+02;
const SB7: f64 = -2.24409524465858183362e+01;

/// Go's constant `1/0.35`, rounded once.
const ONE_OVER_035: f64 = 2.857142857142857;

/// Go's `erf` and `erfc` share this polynomial ratio for |x| < 0.84375.
fn small_ratio(x: f64) -> f64 {
    let z = x * x;
    let r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    let s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    r / s
}

/// `P/Q` of Go's erf and erfc for 0.84375 <= |x| < 1.25, in `s = |x|-1`.
fn near_one_ratio(s: f64) -> f64 {
    let p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    let q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    p / q
}

/// `erfc(x)·x` for 1.25 <= x: `Exp(-z²-0.5625)·Exp((z-x)(z+x) + R/S)` with
/// z = x with its low 32 bits cleared, R/S from the first table below
/// 1/0.35 and from the second above.
fn tail(x: f64) -> f64 {
    let s = 1.0 / (x * x);
    let (r, big_s) = if x < ONE_OVER_035 {
        (
            RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7)))))),
            1.0 + s
                * (SA1
                    + s * (SA2
                        + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8))))))),
        )
    } else {
        (
            RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6))))),
            1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7)))))),
        )
    };
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / big_s)
}

/// Go's `erf`.
pub fn erf(x: f64) -> f64 {
    const VERY_TINY: f64 = 2.848094538889218e-306;
    const SMALL: f64 = 1.0 / (1u64 << 28) as f64;
    if x.is_nan() {
        return NAN;
    }
    if x == f64::INFINITY {
        return 1.0;
    }
    if x == f64::NEG_INFINITY {
        return -1.0;
    }
    let negative = x < 0.0;
    // Not abs: -0 stays -0, as in Go.
    let x = if negative { -x } else { x };
    if x < 0.84375 {
        let result = if x < SMALL {
            if x < VERY_TINY {
                0.125 * (8.0 * x + EFX8 * x) // avoids underflow
            } else {
                x + EFX * x
            }
        } else {
            x + x * small_ratio(x)
        };
        return if negative { -result } else { result };
    }
    if x < 1.25 {
        let ratio = near_one_ratio(x - 1.0);
        return if negative { -ERX - ratio } else { ERX + ratio };
    }
    if x >= 6.0 {
        return if negative { -1.0 } else { 1.0 };
    }
    let r = tail(x);
    if negative {
        r / x - 1.0
    } else {
        1.0 - r / x
    }
}

/// Go's `erfc`.
pub fn erfc(x: f64) -> f64 {
    const TINY: f64 = 1.0 / (1u64 << 56) as f64;
    if x.is_nan() {
        return NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == f64::NEG_INFINITY {
        return 2.0;
    }
    let negative = x < 0.0;
    let x = if negative { -x } else { x };
    if x < 0.84375 {
        let result = if x < TINY {
            x
        } else {
            let y = small_ratio(x);
            if x < 0.25 {
                x + x * y
            } else {
                0.5 + (x * y + (x - 0.5))
            }
        };
        return if negative { 1.0 + result } else { 1.0 - result };
    }
    if x < 1.25 {
        let ratio = near_one_ratio(x - 1.0);
        return if negative {
            1.0 + ERX + ratio
        } else {
            1.0 - ERX - ratio
        };
    }
    if x < 28.0 {
        if negative && x > 6.0 {
            return 2.0;
        }
        let r = tail(x);
        return if negative { 2.0 - r / x } else { r / x };
    }
    if negative {
        2.0
    } else {
        0.0
    }
}

/// Go's `Erfinv`: a rational approximation in `0.180625 - x²/4` up to
/// 0.85, then in `Sqrt(Ln2 - Log(1-x))` (two tables, split at 5).
pub fn erfinv(x: f64) -> f64 {
    const A: [f64; 8] = [
        1.1975323115670912564578e0,
        4.7072688112383978012285e1,
        6.9706266534389598238465e2,
        4.8548868893843886794648e3,
        1.6235862515167575384252e4,
        2.3782041382114385731252e4,
        1.1819493347062294404278e4,
        8.8709406962545514830200e2,
    ];
    const B: [f64; 8] = [
        1.0000000000000000000e0,
        4.2313330701600911252e1,
        6.8718700749205790830e2,
        5.3941960214247511077e3,
        2.1213794301586595867e4,
        3.9307895800092710610e4,
        2.8729085735721942674e4,
        5.2264952788528545610e3,
    ];
    const C: [f64; 8] = [
        1.42343711074968357734e0,
        4.63033784615654529590e0,
        5.76949722146069140550e0,
        3.64784832476320460504e0,
        1.27045825245236838258e0,
        2.41780725177450611770e-1,
        2.27238449892691845833e-2,
        7.74545014278341407640e-4,
    ];
    const D: [f64; 8] = [
        SQRT_2, // Go's 1.4142135623730950488016887e0
        2.9036514445419946173133295e0,
        2.3707661626024532365971225e0,
        9.7547832001787427186894837e-1,
        2.0945065210512749128288442e-1,
        2.1494160384252876777097297e-2,
        7.7441459065157709165577218e-4,
        1.4859850019840355905497876e-9,
    ];
    const E: [f64; 8] = [
        6.65790464350110377720e0,
        5.46378491116411436990e0,
        1.78482653991729133580e0,
        2.96560571828504891230e-1,
        2.65321895265761230930e-2,
        1.24266094738807843860e-3,
        2.71155556874348757815e-5,
        2.01033439929228813265e-7,
    ];
    const F: [f64; 8] = [
        SQRT_2, // Go's 1.414213562373095048801689e0
        8.482908416595164588112026e-1,
        1.936480946950659106176712e-1,
        2.103693768272068968719679e-2,
        1.112800997078859844711555e-3,
        2.611088405080593625138020e-5,
        2.010321207683943062279931e-7,
        2.891024605872965461538222e-15,
    ];
    // Go's Horner form: ((((((c7*r+c6)*r+c5)*r+c4)*r+c3)*r+c2)*r+c1)*r + c0.
    let horner = |c: &[f64; 8], r: f64| c[..7].iter().rev().fold(c[7], |acc, &ci| acc * r + ci);
    if x.is_nan() || x <= -1.0 || x >= 1.0 {
        if x == -1.0 || x == 1.0 {
            return f64::INFINITY.copysign(x);
        }
        return NAN;
    }
    let negative = x < 0.0;
    let x = if negative { -x } else { x };
    let result = if x <= 0.85 {
        let r = 0.180625 - 0.25 * x * x;
        (x * horner(&A, r)) / horner(&B, r)
    } else {
        let r = (LN_2 - log(1.0 - x)).sqrt();
        if r <= 5.0 {
            let r = r - 1.6;
            horner(&C, r) / horner(&D, r)
        } else {
            let r = r - 5.0;
            horner(&E, r) / horner(&F, r)
        }
    };
    if negative {
        -result
    } else {
        result
    }
}

/// Go's `Erfcinv`: `Erfinv(1 - x)`.
pub fn erfcinv(x: f64) -> f64 {
    erfinv(1.0 - x)
}
