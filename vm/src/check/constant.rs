//! Exact constant values and arithmetic, as Go's untyped constants require (`0.1+0.2` is exactly 0.3).

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::types::Basic;

/// A compile-time constant. Integers and floats are exact; a float that
/// happens to be whole stays a `Float` so its kind is kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Bool(bool),
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
}

/// Why an operation on constants failed.
#[derive(Debug, PartialEq)]
pub enum ConstError {
    DivByZero,
    /// The shift count is negative or too large.
    BadShift,
    Mismatch,
}

impl Const {
    pub fn int(v: i64) -> Const {
        Const::Int(BigInt::from(v))
    }

    pub fn to_rat(&self) -> Option<BigRational> {
        match self {
            Const::Int(i) => Some(BigRational::from_integer(i.clone())),
            Const::Float(r) => Some(r.clone()),
            _ => None,
        }
    }

    /// The value as an exact integer, if it is one (`2.0` is).
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Const::Int(i) => Some(i.clone()),
            Const::Float(r) if r.is_integer() => Some(r.to_integer()),
            _ => None,
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        self.to_int().and_then(|i| i.to_i64())
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            Const::Int(i) => i.to_f64().unwrap_or(f64::INFINITY),
            Const::Float(r) => rat_to_f64(r),
            _ => 0.0,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Const::Int(i) => i.is_zero(),
            Const::Float(r) => r.is_zero(),
            _ => false,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Const::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Go's `%v`-like printing of a constant in error messages (`300`, `"a"`, `1.5`, `true`).
    pub fn describe(&self) -> String {
        match self {
            Const::Bool(b) => b.to_string(),
            Const::String(s) => go_quote(s),
            Const::Int(i) => i.to_string(),
            Const::Float(r) => {
                // go/constant prints floats with %.6g (more digits if that would hide a fraction).
                let f = rat_to_f64(r);
                let s = format_float_prec6(f);
                if !r.is_integer() && !s.contains('.') && !s.contains('e') {
                    return format_float_g(f);
                }
                s
            }
        }
    }
}

/// Go's `%q`-style quoting as types2 prints string constants.
pub fn go_quote(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%.6g`.
pub fn format_float_prec6(f: f64) -> String {
    if !f.is_finite() {
        return format_float_g(f);
    }
    let s = format!("{f:.5e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |m: &str| -> String {
        if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            m.to_string()
        }
    };
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{}e{sign}{:02}", trim(mantissa), exp.abs());
    }
    let decimals = (5 - exp).max(0) as usize;
    trim(&format!("{f:.decimals$}"))
}

/// Shortest round-trip formatting in Go's `%g` shape (`1e+21`, `0.1`, `3.5`).
pub fn format_float_g(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{f:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..21).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    format!("{f}")
}

pub fn rat_to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or_else(|| {
        if r.is_negative() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    })
}

/// Rounds an exact value to float32 or float64 precision; `None` on overflow.
pub fn round_float(r: &BigRational, bits: u32) -> Option<BigRational> {
    let f = rat_to_f64(r);
    let f = if bits == 32 { f as f32 as f64 } else { f };
    if !f.is_finite() {
        return None;
    }
    BigRational::from_float(f)
}

/// Parses an integer literal's text (`0x_FF`, `017`, `0o17`, `0b101`, `1_000`).
pub fn parse_int(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest.to_string(), 16)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest.to_string(), 2)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest.to_string(), 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower[1..].to_string(), 8)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Parses a float literal's text exactly (`1e21`, `.5`, `1_0.5`, `0x1p-2`).
pub fn parse_float(text: &str) -> Option<BigRational> {
    let clean: String = text
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some(hex) = clean.strip_prefix("0x") {
        let (mant, exp) = hex.split_once('p')?;
        let exp: i64 = exp.parse().ok()?;
        let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{int_part}{frac_part}");
        let value = BigInt::parse_bytes(
            if digits.is_empty() {
                b"0"
            } else {
                digits.as_bytes()
            },
            16,
        )?;
        let exp2 = exp - 4 * frac_part.len() as i64;
        return Some(scale(BigRational::from_integer(value), 2, exp2));
    }
    let (mant, exp) = match clean.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i64>().ok()?),
        None => (clean.clone(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    let digits = format!("{int_part}{frac_part}");
    let value = BigInt::parse_bytes(
        if digits.is_empty() {
            b"0"
        } else {
            digits.as_bytes()
        },
        10,
    )?;
    Some(scale(
        BigRational::from_integer(value),
        10,
        exp - frac_part.len() as i64,
    ))
}

fn scale(value: BigRational, base: u32, exp: i64) -> BigRational {
    if exp.unsigned_abs() > 100_000 {
        // Far beyond any float: keep it finite but huge/tiny so overflow is still reported.
        let big = num_traits::pow(BigInt::from(base), 4000);
        return if exp > 0 {
            value * BigRational::from_integer(big)
        } else {
            value / BigRational::from_integer(big)
        };
    }
    let factor = num_traits::pow(BigInt::from(base), exp.unsigned_abs() as usize);
    if exp >= 0 {
        value * BigRational::from_integer(factor)
    } else {
        value / BigRational::from_integer(factor)
    }
}

/// Whether `value` fits in the basic type `kind` (Go's representability), and
/// the value after rounding (floats) when it does.
pub fn representable(value: &Const, kind: Basic) -> Result<Const, Repr> {
    use Basic::*;
    match kind {
        Bool | UntypedBool => match value {
            Const::Bool(_) => Ok(value.clone()),
            _ => Err(Repr::Mismatch),
        },
        String | UntypedString => match value {
            Const::String(_) => Ok(value.clone()),
            _ => Err(Repr::Mismatch),
        },
        k if k.is_integer() => {
            let Some(int) = value.to_int() else {
                return match value {
                    Const::Float(_) => Err(Repr::Truncated),
                    _ => Err(Repr::Mismatch),
                };
            };
            if matches!(k, UntypedInt | UntypedRune) {
                return Ok(Const::Int(int));
            }
            let bits = k.bits();
            let (min, max) = if k.is_unsigned() {
                (BigInt::zero(), (BigInt::one() << bits) - 1)
            } else {
                (
                    -(BigInt::one() << (bits - 1)),
                    (BigInt::one() << (bits - 1)) - 1,
                )
            };
            if int < min || int > max {
                Err(Repr::Overflows)
            } else {
                Ok(Const::Int(int))
            }
        }
        Float32 | Float64 => {
            let Some(rat) = value.to_rat() else {
                return Err(Repr::Mismatch);
            };
            match round_float(&rat, kind.bits()) {
                Some(r) => Ok(Const::Float(r)),
                None => Err(Repr::Overflows),
            }
        }
        UntypedFloat => match value.to_rat() {
            Some(r) => Ok(Const::Float(r)),
            None => Err(Repr::Mismatch),
        },
        _ => Err(Repr::Mismatch),
    }
}

/// Why a constant is not representable in a type.
#[derive(Debug, PartialEq, Eq)]
pub enum Repr {
    Overflows,
    Truncated,
    Mismatch,
}

/// `op x` on a constant; `bits`/`unsigned` describe a typed integer result for `^`.
pub fn unary(
    op: gomini_parser::ast::UnaryOp,
    x: &Const,
    unsigned_bits: Option<u32>,
) -> Option<Const> {
    use gomini_parser::ast::UnaryOp::*;
    Some(match (op, x) {
        (Plus, _) => x.clone(),
        (Neg, Const::Int(i)) => Const::Int(-i),
        (Neg, Const::Float(r)) => Const::Float(-r),
        (Not, Const::Bool(b)) => Const::Bool(!b),
        (BitNot, Const::Int(i)) => match unsigned_bits {
            Some(bits) => Const::Int(((BigInt::one() << bits) - 1) ^ i),
            None => Const::Int(-i - 1),
        },
        _ => return None,
    })
}

/// `x op y` for arithmetic and logical operators (not comparisons or shifts).
/// `int_div` says integer division truncates (both operands of integer kind).
pub fn binary(
    op: gomini_parser::ast::BinaryOp,
    x: &Const,
    y: &Const,
    int_div: bool,
) -> Result<Const, ConstError> {
    use gomini_parser::ast::BinaryOp::*;
    match (x, y) {
        (Const::Bool(a), Const::Bool(b)) => match op {
            LogAnd => Ok(Const::Bool(*a && *b)),
            LogOr => Ok(Const::Bool(*a || *b)),
            _ => Err(ConstError::Mismatch),
        },
        (Const::String(a), Const::String(b)) => match op {
            Add => {
                let mut s = a.clone();
                s.extend_from_slice(b);
                Ok(Const::String(s))
            }
            _ => Err(ConstError::Mismatch),
        },
        (Const::Int(a), Const::Int(b)) if int_div || !matches!(op, Div) => {
            Ok(Const::Int(match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    a / b
                }
                Rem => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    a % b
                }
                And => a & b,
                Or => a | b,
                Xor => a ^ b,
                AndNot => a & !b,
                _ => return Err(ConstError::Mismatch),
            }))
        }
        _ => {
            let (Some(a), Some(b)) = (x.to_rat(), y.to_rat()) else {
                return Err(ConstError::Mismatch);
            };
            if int_div {
                if let (Some(ai), Some(bi)) = (x.to_int(), y.to_int()) {
                    return binary(op, &Const::Int(ai), &Const::Int(bi), true);
                }
            }
            Ok(Const::Float(match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    a / b
                }
                _ => return Err(ConstError::Mismatch),
            }))
        }
    }
}

/// Go keeps untyped integer constants to 512 bits and reports a result past that
/// as `constant multiplication overflow` (types2's `overflow`); without a bound,
/// `c2 = c1 * c1` repeated a few dozen times would exhaust memory.
const MAX_INT_BITS: u64 = 512;

/// Go rounds a huge float constant to 512 bits of mantissa, with an exponent range
/// no program needs; gomini keeps floats exact, so it bounds numerator and
/// denominator instead, far beyond any float64 (whose largest value has 1,024 bits).
const MAX_RAT_BITS: u64 = 1 << 16;

/// Whether `value` is past the bounds above: the operation that made it overflowed.
pub fn too_large(value: &Const) -> bool {
    match value {
        Const::Int(i) => i.bits() > MAX_INT_BITS,
        Const::Float(r) => r.numer().bits() > MAX_RAT_BITS || r.denom().bits() > MAX_RAT_BITS,
        Const::Bool(_) | Const::String(_) => false,
    }
}

/// `x << s` or `x >> s` on an integer constant.
pub fn shift(left: bool, x: &Const, s: &Const) -> Result<Const, ConstError> {
    let Some(x) = x.to_int() else {
        return Err(ConstError::Mismatch);
    };
    let Some(s) = s.to_int().and_then(|s| s.to_u64()) else {
        return Err(ConstError::BadShift);
    };
    if s > 10_000 {
        return Err(ConstError::BadShift);
    }
    Ok(Const::Int(if left { x << s } else { x >> s }))
}

/// `x op y` for comparisons.
pub fn compare(op: gomini_parser::ast::BinaryOp, x: &Const, y: &Const) -> Option<bool> {
    use gomini_parser::ast::BinaryOp::*;
    use std::cmp::Ordering;
    let ord = match (x, y) {
        (Const::Bool(a), Const::Bool(b)) => {
            return match op {
                Eq => Some(a == b),
                Ne => Some(a != b),
                _ => None,
            }
        }
        (Const::String(a), Const::String(b)) => a.cmp(b),
        _ => x.to_rat()?.cmp(&y.to_rat()?),
    };
    Some(match op {
        Eq => ord == Ordering::Equal,
        Ne => ord != Ordering::Equal,
        Lt => ord == Ordering::Less,
        Le => ord != Ordering::Greater,
        Gt => ord == Ordering::Greater,
        Ge => ord != Ordering::Less,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gomini_parser::ast::BinaryOp;

    fn float(text: &str) -> Const {
        Const::Float(parse_float(text).unwrap())
    }

    #[test]
    fn float_constants_are_exact() {
        let sum = binary(BinaryOp::Add, &float("0.1"), &float("0.2"), false).unwrap();
        assert_eq!(sum, float("0.3"));
        assert_eq!(parse_float("0x1p-2").unwrap(), parse_float("0.25").unwrap());
        assert_eq!(parse_float("1e3").unwrap(), parse_float("1000").unwrap());
    }

    #[test]
    fn big_shifts_are_exact() {
        let big = shift(true, &Const::int(1), &Const::int(100)).unwrap();
        let back = shift(false, &big, &Const::int(98)).unwrap();
        assert_eq!(back, Const::int(4));
    }

    #[test]
    fn integer_literals_in_every_base() {
        assert_eq!(parse_int("0x_FF").unwrap(), BigInt::from(255));
        assert_eq!(parse_int("017").unwrap(), BigInt::from(15));
        assert_eq!(parse_int("0o17").unwrap(), BigInt::from(15));
        assert_eq!(parse_int("0b101").unwrap(), BigInt::from(5));
        assert_eq!(parse_int("1_000").unwrap(), BigInt::from(1000));
        assert_eq!(parse_int("0").unwrap(), BigInt::from(0));
    }

    #[test]
    fn representability() {
        assert_eq!(
            representable(&Const::int(300), Basic::Uint8),
            Err(Repr::Overflows)
        );
        assert_eq!(
            representable(&Const::int(255), Basic::Uint8),
            Ok(Const::int(255))
        );
        assert_eq!(
            representable(&Const::int(-129), Basic::Int8),
            Err(Repr::Overflows)
        );
        assert_eq!(
            representable(&float("1.5"), Basic::Int),
            Err(Repr::Truncated)
        );
        assert_eq!(representable(&float("2.0"), Basic::Int), Ok(Const::int(2)));
        assert_eq!(
            representable(&float("1e309"), Basic::Float64),
            Err(Repr::Overflows)
        );
        let max = shift(true, &Const::int(1), &Const::int(63)).unwrap();
        assert_eq!(representable(&max, Basic::Int64), Err(Repr::Overflows));
        assert!(representable(&max, Basic::Uint64).is_ok());
    }

    #[test]
    fn describe_as_go_prints() {
        assert_eq!(float("0.1").describe(), "0.1");
        assert_eq!(float("1e21").describe(), "1e+21");
        assert_eq!(float("3.0").describe(), "3");
        assert_eq!(float("1e40").describe(), "1e+40");
        assert_eq!(float("2.9").describe(), "2.9");
        assert_eq!(float("1234567.5").describe(), "1.23457e+06");
        assert_eq!(Const::String(b"a\n".to_vec()).describe(), "\"a\\n\"");
    }
}
