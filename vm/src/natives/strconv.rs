//! strconv natives: Go's number parsing (with failure codes the Go side turns into `*NumError`), formatting and quoting.

use super::{NativeCtx, NativeOut};
use crate::exec::decode_rune;
use crate::value::Value;

/// Failure codes shared with strconv.go's numError.
const OK: i64 = 0;
const SYNTAX: i64 = 1;
const RANGE: i64 = 2;
const BAD_BASE: i64 = 3;
const BAD_BIT_SIZE: i64 = 4;

fn pair(v: Value, code: i64) -> NativeOut {
    NativeOut::RetN(vec![v, Value::Int(code)])
}

/// Go's underscoreOK: underscores only with a base prefix (or base-0 parsing), each between digits.
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let mut s = s;
    if let Some((b'+' | b'-', rest)) = s.split_first() {
        s = rest;
    }
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1].eq_ignore_ascii_case(&b'x');
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// ParseUint's core: (value, code); a range failure returns the maximum value.
fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> (u64, i64) {
    if s.is_empty() {
        return (0, SYNTAX);
    }
    let base0 = base == 0;
    let mut s = s;
    let mut base = base;
    if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
                base = match s[1].to_ascii_lowercase() {
                    b'b' => 2,
                    b'o' => 8,
                    _ => 16,
                };
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else if !(2..=36).contains(&base) {
        return (0, BAD_BASE);
    }
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    if !(0..=64).contains(&bit_size) {
        return (0, BAD_BIT_SIZE);
    }
    let max: u64 = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in s {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            b'a'..=b'z' => u64::from(c - b'a') + 10,
            b'A'..=b'Z' => u64::from(c - b'A') + 10,
            _ => return (0, SYNTAX),
        };
        if d >= base as u64 {
            return (0, SYNTAX);
        }
        let Some(n1) = n.checked_mul(base as u64).and_then(|m| m.checked_add(d)) else {
            return (max, RANGE);
        };
        if n1 > max {
            return (max, RANGE);
        }
        n = n1;
    }
    if underscores && !underscore_ok(s) {
        return (0, SYNTAX);
    }
    (n, OK)
}

fn parse_int(s: &[u8], base: i64, bit_size: i64) -> (i64, i64) {
    if s.is_empty() {
        return (0, SYNTAX);
    }
    let (neg, body) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let (un, code) = parse_uint(body, base, bit_size);
    if code != OK && code != RANGE {
        return (0, code);
    }
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bit_size - 1);
    if code == RANGE || (!neg && un >= cutoff) {
        return (
            if neg {
                -(cutoff as i128) as i64
            } else {
                (cutoff - 1) as i64
            },
            RANGE,
        );
    }
    if neg && un > cutoff {
        return (-(cutoff as i128) as i64, RANGE);
    }
    let v = if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    };
    (v, OK)
}

fn parse_float(s: &[u8], bit_size: i64) -> (f64, i64) {
    let Ok(text) = std::str::from_utf8(s) else {
        return (0.0, SYNTAX);
    };
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return (0.0, SYNTAX);
    }
    if matches!(unsigned, "inf" | "infinity" | "nan") {
        let v: f64 = match unsigned {
            "nan" => f64::NAN,
            _ if lower.starts_with('-') => f64::NEG_INFINITY,
            _ => f64::INFINITY,
        };
        return (v, OK);
    }
    // Rust would accept these spellings that Go rejects.
    if unsigned.is_empty() || unsigned.starts_with(['i', 'n']) {
        return (0.0, SYNTAX);
    }
    let cleaned: String = if text.contains('_') {
        if !underscore_ok(s) {
            return (0.0, SYNTAX);
        }
        text.replace('_', "")
    } else {
        text.to_string()
    };
    let parsed = if unsigned.starts_with("0x") {
        parse_hex_float(&cleaned)
    } else if bit_size == 32 {
        cleaned.parse::<f32>().ok().map(f64::from)
    } else {
        cleaned.parse::<f64>().ok()
    };
    match parsed {
        None => (0.0, SYNTAX),
        Some(v) if v.is_infinite() => (v, RANGE),
        Some(v) => (v, OK),
    }
}

/// A hexadecimal float literal `[±]0xh.hhhp±d` (the exponent is required, as in Go).
fn parse_hex_float(text: &str) -> Option<f64> {
    let (neg, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let rest = rest.get(2..)?;
    let (mant, exp) = rest.split_once(['p', 'P'])?;
    let exp: i32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    let v = v * 2f64.powi(exp);
    Some(if neg { -v } else { v })
}

pub fn parse_int_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, code) = parse_int(a[0].as_bytes(), a[1].as_int(), a[2].as_int());
    pair(Value::Int(v), code)
}

pub fn parse_uint_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, code) = parse_uint(a[0].as_bytes(), a[1].as_int(), a[2].as_int());
    pair(Value::Int(v as i64), code)
}

pub fn parse_float_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, code) = parse_float(a[0].as_bytes(), a[1].as_int());
    pair(Value::Float(v), code)
}

fn format_bits(mut u: u64, neg: bool, base: i64) -> Vec<u8> {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let base = base as u64;
    let mut out = Vec::new();
    loop {
        out.push(digits[(u % base) as usize]);
        u /= base;
        if u == 0 {
            break;
        }
    }
    if neg {
        out.push(b'-');
    }
    out.reverse();
    out
}

fn bad_base() -> NativeOut {
    super::panic_text("strconv: illegal AppendInt/FormatInt base")
}

pub fn format_int(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, base) = (a[0].as_int(), a[1].as_int());
    if !(2..=36).contains(&base) {
        return bad_base();
    }
    NativeOut::Ret(Value::str(format_bits(v.unsigned_abs(), v < 0, base)))
}

pub fn format_uint(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, base) = (a[0].as_int() as u64, a[1].as_int());
    if !(2..=36).contains(&base) {
        return bad_base();
    }
    NativeOut::Ret(Value::str(format_bits(v, false, base)))
}

pub fn format_float(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, verb, prec, bits) = (
        a[0].as_float(),
        a[1].as_int() as u8,
        a[2].as_int(),
        a[3].as_int(),
    );
    let bits = if bits == 32 { 32 } else { 64 };
    let prec = prec.clamp(-1, 1 << 20) as i32;
    let text = match verb {
        b'e' | b'E' | b'f' | b'g' | b'G' => crate::fmt::format_float(v, verb, prec, bits),
        b'F' => crate::fmt::format_float(v, b'f', prec, bits),
        b'x' | b'X' | b'b' => crate::fmt::format_float_bits(v, verb, prec, bits),
        _ => vec![b'%', verb],
    };
    NativeOut::Ret(Value::str(text))
}

pub fn quote(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::str(crate::fmt::quote(a[0].as_bytes(), false)))
}

pub fn quote_to_ascii(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::str(crate::fmt::quote(a[0].as_bytes(), true)))
}

pub fn quote_rune(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::str(crate::fmt::quote_rune(a[0].as_int(), false)))
}

pub fn quote_rune_to_ascii(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::str(crate::fmt::quote_rune(a[0].as_int(), true)))
}

pub fn can_backquote(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let s = a[0].as_bytes();
    let mut ok = std::str::from_utf8(s).is_ok();
    for c in String::from_utf8_lossy(s).chars() {
        if c == '`' || c == '\u{FEFF}' || (c < ' ' && c != '\t') || c == '\x7f' {
            ok = false;
        }
    }
    NativeOut::Ret(Value::Bool(ok))
}

/// strconv.UnquoteChar: one (possibly escaped) character of a quoted literal and the rest.
fn unquote_char(s: &[u8], quote: u8) -> Option<(u32, bool, &[u8])> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, w) = decode_rune(s);
        return Some((r, true, &s[w.max(1)..]));
    }
    if c != b'\\' {
        return Some((u32::from(c), false, &s[1..]));
    }
    let esc = *s.get(1)?;
    let rest = &s[2..];
    let simple = match esc {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(u32::from(b'\\')),
        b'\'' | b'"' if esc == quote => Some(u32::from(esc)),
        _ => None,
    };
    if let Some(r) = simple {
        return Some((r, false, rest));
    }
    let (n, base) = match esc {
        b'x' => (2, 16),
        b'u' => (4, 16),
        b'U' => (8, 16),
        b'0'..=b'7' => (3, 8),
        _ => return None,
    };
    let digits = if base == 8 { &s[1..] } else { rest };
    let text = std::str::from_utf8(digits.get(..n)?).ok()?;
    let v = u32::from_str_radix(text, base).ok()?;
    let rest = &digits[n..];
    match esc {
        b'x' => Some((v, false, rest)),
        b'0'..=b'7' if v > 255 => None,
        b'0'..=b'7' => Some((v, false, rest)),
        _ if char::from_u32(v).is_none() => None,
        _ => Some((v, true, rest)),
    }
}

fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    let (&q, body) = s.split_first()?;
    let (&last, body) = body.split_last()?;
    if q != last {
        return None;
    }
    match q {
        b'`' => {
            if body.contains(&b'`') {
                return None;
            }
            Some(body.iter().copied().filter(|c| *c != b'\r').collect())
        }
        b'"' | b'\'' => {
            if body.contains(&b'\n') {
                return None;
            }
            let mut out = Vec::new();
            let mut rest = body;
            let mut n = 0;
            while !rest.is_empty() {
                let (r, multibyte, tail) = unquote_char(rest, q)?;
                if r < 0x100 && !multibyte {
                    out.push(r as u8);
                } else {
                    out.extend_from_slice(&super::utf8::encode(i64::from(r)));
                }
                rest = tail;
                n += 1;
            }
            if q == b'\'' && n != 1 {
                return None;
            }
            Some(out)
        }
        _ => None,
    }
}

pub fn unquote_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match unquote(a[0].as_bytes()) {
        Some(out) => NativeOut::RetN(vec![Value::str(out), Value::Bool(true)]),
        None => NativeOut::RetN(vec![Value::str(Vec::new()), Value::Bool(false)]),
    }
}
