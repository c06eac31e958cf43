//! Sin, Cos and Tan as Go computes them (math/sin.go, math/tan.go, after
//! Cephes), with Go's Payne-Hanek reduction (math/trig_reduce.go) for
//! arguments of 2**29 and more.

use super::NAN;
use std::f64::consts::FRAC_PI_4;

/// Sine polynomial coefficients (Cephes' sin.c).
const SIN: [f64; 6] = [
    1.5896230157654656e-10,  // 0x3de5d8fd1fd19ccd
    -2.5050747762857807e-08, // 0xbe5ae5e5a9291f5d
    2.7557313621385722e-06,  // 0x3ec71de3567d48a1
    -0.0001984126982958954,  // 0xbf2a01a019bfdf03
    0.008333333333322118,    // 0x3f8111111110f7d0
    -0.1666666666666663,     // 0xbfc5555555555548
];

/// Cosine polynomial coefficients (Cephes' sin.c).
const COS: [f64; 6] = [
    -1.1358536521387682e-11, // 0xbda8fa49a0861a9b
    2.087570084197473e-09,   // 0x3e21ee9d7b4e3f05
    -2.755731417929674e-07,  // 0xbe927e4f7eac4bc6
    2.4801587288851704e-05,  // 0x3efa01a019c844f5
    -0.0013888888888873056,  // 0xbf56c16c16c14f91
    0.041666666666666595,    // 0x3fa555555555554b
];

/// Go's `sin`.
pub fn sin(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return NAN;
    }
    let (x, mut negate) = if x < 0.0 { (-x, true) } else { (x, false) };
    let (mut octant, z) = reduce(x);
    if octant > 3 {
        negate = !negate;
        octant -= 4;
    }
    let y = if octant == 1 || octant == 2 {
        cos_series(z)
    } else {
        sin_series(z)
    };
    if negate {
        -y
    } else {
        y
    }
}

/// Go's `cos`.
pub fn cos(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return NAN;
    }
    let mut negate = false;
    let (mut octant, z) = reduce(x.abs());
    if octant > 3 {
        octant -= 4;
        negate = !negate;
    }
    if octant > 1 {
        negate = !negate;
    }
    let y = if octant == 1 || octant == 2 {
        sin_series(z)
    } else {
        cos_series(z)
    };
    if negate {
        -y
    } else {
        y
    }
}

/// Go's `tan`.
pub fn tan(x: f64) -> f64 {
    const P: [f64; 3] = [
        -13093.693918138379, // 0xc0c992d8d24f3f38
        1153516.6483858742,  // 0x413199eca5fc9ddd
        -17956525.197648488, // 0xc1711fead3299176
    ];
    const Q: [f64; 4] = [
        13681.296347069296,  // 0x40cab8a5eeb36572
        -1320892.3444021097, // 0xc13427bc582abc96
        25008380.18233579,   // 0x4177d98fc2ead8ef
        -53869575.592945464, // 0xc189afe03cbe5a31
    ];
    if x == 0.0 || x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return NAN;
    }
    let (x, negate) = if x < 0.0 { (-x, true) } else { (x, false) };
    let (octant, z) = reduce(x);
    let zz = z * z;
    let mut y = if zz > 1e-14 {
        z + z
            * (zz * ((P[0] * zz + P[1]) * zz + P[2])
                / ((((zz + Q[0]) * zz + Q[1]) * zz + Q[2]) * zz + Q[3]))
    } else {
        z
    };
    if octant & 2 == 2 {
        y = -1.0 / y;
    }
    if negate {
        -y
    } else {
        y
    }
}

fn sin_series(z: f64) -> f64 {
    let zz = z * z;
    z + z
        * zz
        * ((((((SIN[0] * zz) + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5])
}

fn cos_series(z: f64) -> f64 {
    let zz = z * z;
    1.0 - 0.5 * zz
        + zz * zz
            * ((((((COS[0] * zz) + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz
                + COS[5])
}

/// Arguments from here on go through Payne-Hanek: below it, Cody-Waite's
/// three-part Pi/4 keeps enough bits.
const REDUCE_THRESHOLD: f64 = (1u64 << 29) as f64;

/// The octant j of a non-negative x, made even (so z is in [-Pi/4, Pi/4]),
/// and z = x - j·Pi/4. Below the threshold j is not taken modulo 8 by Go's
/// tan, but only its bit 1 is read there, which the modulo keeps.
fn reduce(x: f64) -> (u64, f64) {
    // Pi/4 split into three parts (0x3fe921fb40000000, 0x3e64442d00000000,
    // 0x3ce8469898cc5170), so the products with j below are exact.
    const PI4_A: f64 = 0.7853981256484985;
    const PI4_B: f64 = 3.774894707930798e-08;
    const PI4_C: f64 = 2.6951514290790595e-15;
    // 4/Pi exactly rounded (0x3ff45f306dc9c883), as Go's constant arithmetic gives it.
    const FOUR_OVER_PI: f64 = 1.2732395447351628;
    if x >= REDUCE_THRESHOLD {
        return trig_reduce(x);
    }
    let mut j = (x * FOUR_OVER_PI) as u64;
    let mut y = j as f64;
    if j & 1 == 1 {
        j += 1;
        y += 1.0;
    }
    (j & 7, ((x - y * PI4_A) - y * PI4_B) - y * PI4_C)
}

/// Go's `trigReduce`: for x >= 2**29, multiply x's 53-bit mantissa by the
/// bits of 4/Pi that matter at x's exponent (as fixed-point integers), and
/// take the octant and the fraction from the product.
fn trig_reduce(x: f64) -> (u64, f64) {
    if x < FRAC_PI_4 {
        return (0, x);
    }
    let mut ix = x.to_bits();
    let exp = ((ix >> 52) & 0x7FF) as i64 - 1023 - 52;
    ix &= !(0x7FF << 52);
    ix |= 1 << 52;
    // The 192 bits of 4/Pi starting `exp` bits from the binary point.
    let digit = ((exp + 61) / 64) as usize;
    let bitshift = ((exp + 61) % 64) as u32;
    let window = |d: usize| (M_PI4[d] << bitshift) | go_shr(M_PI4[d + 1], 64 - bitshift);
    let (z0, z1, z2) = (window(digit), window(digit + 1), window(digit + 2));
    let z2hi = ((u128::from(z2) * u128::from(ix)) >> 64) as u64;
    let z1_product = u128::from(z1) * u128::from(ix);
    let (z1hi, z1lo) = ((z1_product >> 64) as u64, z1_product as u64);
    let z0lo = z0.wrapping_mul(ix);
    let (lo, carry) = z1lo.overflowing_add(z2hi);
    let hi = z0lo.wrapping_add(z1hi).wrapping_add(u64::from(carry));
    // The top three bits are the octant; the rest is the fraction, made a float.
    let mut j = hi >> 61;
    let mut hi = hi << 3 | lo >> 61;
    let lz = hi.leading_zeros();
    let e = (1023 - (i64::from(lz) + 1)) as u64;
    hi = go_shl(hi, lz + 1) | go_shr(lo, 64u32.wrapping_sub(lz + 1));
    hi >>= 64 - 52;
    hi |= e << 52;
    let mut z = f64::from_bits(hi);
    if j & 1 == 1 {
        j += 1;
        j &= 7;
        z -= 1.0;
    }
    (j, z * FRAC_PI_4)
}

/// Go's `>>` on a uint64: a count of 64 or more gives 0.
fn go_shr(x: u64, count: u32) -> u64 {
    x.checked_shr(count).unwrap_or(0)
}

/// Go's `<<` on a uint64: a count of 64 or more gives 0.
fn go_shl(x: u64, count: u32) -> u64 {
    x.checked_shl(count).unwrap_or(0)
}

/// The binary digits of 4/Pi, 64 to an element (Go's `mPi4`).
const M_PI4: [u64; 20] = [
    0x0000_0000_0000_0001,
    0x45f3_06dc_9c88_2a53,
    0xf84e_afa3_ea69_bb81,
    0xb6c5_2b32_7887_2083,
    0xfca2_c757_bd77_8ac3,
    0x6e48_dc74_849b_a5c0,
    0x0c92_5dd4_13a3_2439,
    0xfc3b_d639_6253_4e7d,
    0xd104_6bea_5d76_8909,
    0xd338_e04d_68be_fc82,
    0x7323_ac73_06a6_73e9,
    0x3908_bf17_7bf2_5076,
    0x3ff1_2fff_bc0b_301f,
    0xde5e_2316_b414_da3e,
    0xda6c_fd9e_4f96_136e,
    0x9e8c_7ecd_3cbf_d45a,
    0xea4f_758f_d7cb_e2f6,
    0x7a0e_73ef_14a5_25d4,
    0xd7f6_bf62_3f1a_ba10,
    0xac06_608d_f8f6_d757,
];
