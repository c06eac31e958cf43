//! Gamma (math/gamma.go, after Cephes) and Lgamma (math/lgamma.go, after
//! FreeBSD's e_lgamma_r.c) as Go computes them, on top of Go's Exp, Log,
//! Pow, Sin, Cos, Floor and Mod ports. The coefficients are Go's, digit
//! for digit.
#![allow(clippy::excessive_precision)]

use super::{cos, exp, floor, log, modf, modulo, pow, sin, NAN};
use std::f64::consts::PI;

const GAM_P: [f64; 7] = [
    1.60119522476751861407e-04,
    1.19135147006586384913e-03,
    1.04213797561761569935e-02,
    4.76367800457137231464e-02,
    2.07448227648435975150e-01,
    4.94214826801497100753e-01,
    9.99999999999999996796e-01,
];
const GAM_Q: [f64; 8] = [
    -2.31581873324120129819e-05,
    5.39605580493303397842e-04,
    -4.45641913851797240494e-03,
    1.18139785222060435552e-02,
    3.58236398605498653373e-02,
    -2.34591795718243348568e-01,
    7.14304917030273074085e-02,
    1.00000000000000000320e+00,
];
const GAM_S: [f64; 5] = [
    7.87311395793093628397e-04,
    -2.29549961613378126380e-04,
    -2.68132617805781232825e-03,
    3.47222221605458667310e-03,
    8.33333333333482257126e-02,
];

/// Go's `stirling`: Gamma(x) for 33 < x <= 171.6 as the product of the
/// two results, split so that Pow does not overflow above 143.
fn stirling(x: f64) -> (f64, f64) {
    const SQRT_TWO_PI: f64 = 2.506628274631000502417;
    const MAX_STIRLING: f64 = 143.01608;
    if x > 200.0 {
        return (f64::INFINITY, 1.0);
    }
    let w = 1.0 / x;
    let w = 1.0 + w * ((((GAM_S[0] * w + GAM_S[1]) * w + GAM_S[2]) * w + GAM_S[3]) * w + GAM_S[4]);
    let mut y1 = exp(x);
    let mut y2 = 1.0;
    if x > MAX_STIRLING {
        let v = pow(x, 0.5 * x - 0.25);
        (y1, y2) = (v, v / y1);
    } else {
        y1 = pow(x, x - 0.5) / y1;
    }
    (y1, SQRT_TWO_PI * w * y2)
}

fn is_negative_integer(x: f64) -> bool {
    x < 0.0 && modf(x).1 == 0.0
}

/// Go's `Gamma`: Stirling's formula above 33 (with the reflection formula
/// for negative x), otherwise a rational approximation on [2, 3] after
/// shifting x there, and `1/((1+Euler·x)·x)` near 0.
pub fn gamma(x: f64) -> f64 {
    const EULER: f64 = 0.57721566490153286060651209008240243104215933593992;
    if is_negative_integer(x) || x == f64::NEG_INFINITY || x.is_nan() {
        return NAN;
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    if x == 0.0 {
        return f64::INFINITY.copysign(x);
    }
    let q = x.abs();
    let mut p = floor(q);
    if q > 33.0 {
        if x >= 0.0 {
            let (y1, y2) = stirling(x);
            return y1 * y2;
        }
        // p < 2**52 here: larger negative x are integers, handled above.
        let sign = if (p as i64) & 1 == 0 { -1.0 } else { 1.0 };
        let mut z = q - p;
        if z > 0.5 {
            p += 1.0;
            z = q - p;
        }
        z = q * sin(PI * z);
        if z == 0.0 {
            return f64::INFINITY.copysign(sign);
        }
        let (sq1, sq2) = stirling(q);
        let absz = z.abs();
        let d = absz * sq1 * sq2;
        z = if d.is_infinite() {
            PI / absz / sq1 / sq2
        } else {
            PI / d
        };
        return sign * z;
    }
    let mut x = x;
    let mut z = 1.0;
    while x >= 3.0 {
        x -= 1.0;
        z *= x;
    }
    // Go's `goto small`: near 0, after the shifts above.
    let small = |x: f64, z: f64| {
        if x == 0.0 {
            f64::INFINITY
        } else {
            z / ((1.0 + EULER * x) * x)
        }
    };
    while x < 0.0 {
        if x > -1e-09 {
            return small(x, z);
        }
        z /= x;
        x += 1.0;
    }
    while x < 2.0 {
        if x < 1e-09 {
            return small(x, z);
        }
        z /= x;
        x += 1.0;
    }
    if x == 2.0 {
        return z;
    }
    x -= 2.0;
    let p = (((((x * GAM_P[0] + GAM_P[1]) * x + GAM_P[2]) * x + GAM_P[3]) * x + GAM_P[4]) * x
        + GAM_P[5])
        * x
        + GAM_P[6];
    let q = ((((((x * GAM_Q[0] + GAM_Q[1]) * x + GAM_Q[2]) * x + GAM_Q[3]) * x + GAM_Q[4]) * x
        + GAM_Q[5])
        * x
        + GAM_Q[6])
        * x
        + GAM_Q[7];
    z * p / q
}

const LGAM_A: [f64; 12] = [
    7.72156649015328655494e-02,
    3.22467033424113591611e-01,
    6.73523010531292681824e-02,
    2.05808084325167332806e-02,
    7.38555086081402883957e-03,
    2.89051383673415629091e-03,
    1.19270763183362067845e-03,
    5.10069792153511336608e-04,
    2.20862790713908385557e-04,
    1.08011567247583939954e-04,
    2.52144565451257326939e-05,
    4.48640949618915160150e-05,
];
const LGAM_R: [f64; 7] = [
    1.0, // placeholder
    1.39200533467621045958e+00,
    7.21935547567138069525e-01,
    1.71933865632803078993e-01,
    1.86459191715652901344e-02,
    7.77942496381893596434e-04,
    7.32668430744625636189e-06,
];
const LGAM_S: [f64; 7] = [
    -7.72156649015328655494e-02,
    2.14982415960608852501e-01,
    3.25778796408930981787e-01,
    1.46350472652464452805e-01,
    2.66422703033638609560e-02,
    1.84028451407337715652e-03,
    3.19475326584100867617e-05,
];
const LGAM_T: [f64; 15] = [
    4.83836122723810047042e-01,
    -1.47587722994593911752e-01,
    6.46249402391333854778e-02,
    -3.27885410759859649565e-02,
    1.79706750811820387126e-02,
    -1.03142241298341437450e-02,
    6.10053870246291332635e-03,
    -3.68452016781138256760e-03,
    2.25964780900612472250e-03,
    -1.40346469989232843813e-03,
    8.81081882437654011382e-04,
    -5.38595305356740546715e-04,
    3.15632070903625950361e-04,
    -3.12754168375120860518e-04,
    3.35529192635519073543e-04,
];
const LGAM_U: [f64; 6] = [
    -7.72156649015328655494e-02,
    6.32827064025093366517e-01,
    1.45492250137234768737e+00,
    9.77717527963372745603e-01,
    2.28963728064692451092e-01,
    1.33810918536787660377e-02,
];
const LGAM_V: [f64; 6] = [
    1.0,
    2.45597793713041134822e+00,
    2.12848976379893395361e+00,
    7.69285150456672783825e-01,
    1.04222645593369134254e-01,
    3.21709242282423911810e-03,
];
const LGAM_W: [f64; 7] = [
    4.18938533204672725052e-01,
    8.33333333333329678849e-02,
    -2.77777777728775536470e-03,
    7.93650558643019558500e-04,
    -5.95187557450339963135e-04,
    8.36339918996282139126e-04,
    -1.63092934096575273989e-03,
];

const TWO52: f64 = (1u64 << 52) as f64;
const TWO53: f64 = (1u64 << 53) as f64;

/// Go's `Lgamma`: the natural logarithm of |Gamma(x)| and Gamma(x)'s sign.
pub fn lgamma(x: f64) -> (f64, i64) {
    const TWO58: f64 = (1u64 << 58) as f64;
    const TINY: f64 = 1.0 / (1u128 << 70) as f64;
    const TC: f64 = 1.46163214496836224576e+00;
    const TF: f64 = -1.21486290535849611461e-01;
    const TT: f64 = -3.63867699703950536541e-18;
    // Go's constants Ymin-1+0.27, Ymin-1-0.27, Ymin+0.27 and Ymin-0.27
    // (Ymin = 1.461632144968362245), each rounded once.
    const YMIN_M1_P027: f64 = 0.7316321449683623;
    const YMIN_M1_M027: f64 = 0.19163214496836226;
    const YMIN_P027: f64 = 1.7316321449683623;
    const YMIN_M027: f64 = 1.1916321449683622;
    let mut sign = 1;
    if x.is_nan() || x.is_infinite() {
        return (x, sign);
    }
    if x == 0.0 {
        return (f64::INFINITY, sign);
    }
    let negative = x < 0.0;
    let x = x.abs();
    if x < TINY {
        if negative {
            sign = -1;
        }
        return (-log(x), sign);
    }
    let mut nadj = 0.0;
    if negative {
        if x >= TWO52 {
            // |x| >= 2**52: an integer, a pole.
            return (f64::INFINITY, sign);
        }
        let t = sin_pi(x);
        if t == 0.0 {
            return (f64::INFINITY, sign); // a negative integer
        }
        nadj = log(PI / (t * x).abs());
        if t < 0.0 {
            sign = -1;
        }
    }
    let mut lgamma;
    if x == 1.0 || x == 2.0 {
        return (0.0, sign);
    } else if x < 2.0 {
        // lgamma(x) = lgamma(x+1) - log(x)
        let (y, i);
        if x <= 0.9 {
            lgamma = -log(x);
            if x >= YMIN_M1_P027 {
                (y, i) = (1.0 - x, 0); // 0.7316 <= x <= 0.9
            } else if x >= YMIN_M1_M027 {
                (y, i) = (x - (TC - 1.0), 1); // 0.2316 <= x < 0.7316
            } else {
                (y, i) = (x, 2); // 0 < x < 0.2316
            }
        } else {
            lgamma = 0.0;
            if x >= YMIN_P027 {
                (y, i) = (2.0 - x, 0); // 1.7316 <= x < 2
            } else if x >= YMIN_M027 {
                (y, i) = (x - TC, 1); // 1.2316 <= x < 1.7316
            } else {
                (y, i) = (x - 1.0, 2); // 0.9 < x < 1.2316
            }
        }
        let a = &LGAM_A;
        let t = &LGAM_T;
        let (u, v) = (&LGAM_U, &LGAM_V);
        match i {
            0 => {
                let z = y * y;
                let p1 = a[0] + z * (a[2] + z * (a[4] + z * (a[6] + z * (a[8] + z * a[10]))));
                let p2 = z * (a[1] + z * (a[3] + z * (a[5] + z * (a[7] + z * (a[9] + z * a[11])))));
                let p = y * p1 + p2;
                lgamma += p - 0.5 * y;
            }
            1 => {
                let z = y * y;
                let w = z * y;
                let p1 = t[0] + w * (t[3] + w * (t[6] + w * (t[9] + w * t[12])));
                let p2 = t[1] + w * (t[4] + w * (t[7] + w * (t[10] + w * t[13])));
                let p3 = t[2] + w * (t[5] + w * (t[8] + w * (t[11] + w * t[14])));
                let p = z * p1 - (TT - w * (p2 + y * p3));
                lgamma += TF + p;
            }
            _ => {
                let p1 = y * (u[0] + y * (u[1] + y * (u[2] + y * (u[3] + y * (u[4] + y * u[5])))));
                let p2 = 1.0 + y * (v[1] + y * (v[2] + y * (v[3] + y * (v[4] + y * v[5]))));
                lgamma += -0.5 * y + p1 / p2;
            }
        }
    } else if x < 8.0 {
        let (s, r) = (&LGAM_S, &LGAM_R);
        let i = x as i64;
        let y = x - i as f64;
        let p =
            y * (s[0] + y * (s[1] + y * (s[2] + y * (s[3] + y * (s[4] + y * (s[5] + y * s[6]))))));
        let q = 1.0 + y * (r[1] + y * (r[2] + y * (r[3] + y * (r[4] + y * (r[5] + y * r[6])))));
        lgamma = 0.5 * y + p / q;
        // Lgamma(1+s) = Log(s) + Lgamma(s): Go's switch falls through from
        // case i down to case 3.
        if i >= 3 {
            let mut z = 1.0;
            for k in (2..i).rev() {
                z *= y + k as f64;
            }
            lgamma += log(z);
        }
    } else if x < TWO58 {
        let t = log(x);
        let z = 1.0 / x;
        let y = z * z;
        let w = &LGAM_W;
        let w = w[0] + z * (w[1] + y * (w[2] + y * (w[3] + y * (w[4] + y * (w[5] + y * w[6])))));
        lgamma = (x - 0.5) * (t - 1.0) + w;
    } else {
        lgamma = x * (log(x) - 1.0);
    }
    if negative {
        lgamma = nadj - lgamma;
    }
    (lgamma, sign)
}

/// Go's `sinPi`: `-Sin(Pi·x)` for x > 0, reduced by hand so that it is
/// exactly 0 at the integers.
fn sin_pi(x: f64) -> f64 {
    if x < 0.25 {
        return -sin(PI * x);
    }
    let mut x = x;
    let mut z = floor(x);
    let n: i64;
    if z != x {
        x = modulo(x, 2.0);
        n = (x * 4.0) as i64;
    } else if x >= TWO53 {
        // x is even
        x = 0.0;
        n = 0;
    } else {
        if x < TWO52 {
            z = x + TWO52; // exact
        }
        let odd = (z.to_bits() & 1) as i64;
        x = odd as f64;
        n = odd << 2;
    }
    let x = match n {
        0 => sin(PI * x),
        1 | 2 => cos(PI * (0.5 - x)),
        3 | 4 => sin(PI * (1.0 - x)),
        5 | 6 => -cos(PI * (x - 1.5)),
        _ => sin(PI * (x - 2.0)),
    };
    -x
}
