//! unicode natives: character classes and case mapping of runes (ASCII exact, beyond it Rust's Unicode tables).

use super::strings::{is_space, map_case, Case};
use super::{NativeCtx, NativeOut};
use crate::value::Value;

fn rune(a: &[Value]) -> Option<char> {
    u32::try_from(a[0].as_int()).ok().and_then(char::from_u32)
}

fn class(a: &[Value], f: impl Fn(char) -> bool) -> NativeOut {
    NativeOut::Ret(Value::Bool(rune(a).is_some_and(f)))
}

/// Go's punctuation (category P) among ASCII; symbols such as `$+<=>^|~` are not punctuation.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c);
    }
    matches!(
        c,
        '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
    ) || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c)
        || ('\u{3001}'..='\u{3003}').contains(&c)
}

pub fn is_upper(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, char::is_uppercase)
}
pub fn is_lower(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, char::is_lowercase)
}
pub fn is_letter(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, char::is_alphabetic)
}
pub fn is_digit(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, |c| c.is_ascii_digit() || is_decimal(c))
}
pub fn is_number(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, char::is_numeric)
}
pub fn is_space_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, |c| is_space(c as u32))
}
pub fn is_punct_native(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, is_punct)
}
pub fn is_print(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, crate::fmt::is_print)
}
pub fn is_control(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    class(a, char::is_control)
}

/// Decimal digits (Nd) outside ASCII: the common blocks of ten consecutive digits.
fn is_decimal(c: char) -> bool {
    let r = c as u32;
    [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10]
        .iter()
        .any(|&zero| (zero..zero + 10).contains(&r))
}

fn mapped(a: &[Value], case: Case) -> NativeOut {
    let r = a[0].as_int();
    let out = match u32::try_from(r) {
        Ok(u) => i64::from(map_case(u, case)),
        Err(_) => r,
    };
    NativeOut::Ret(Value::Int(out))
}

pub fn to_upper(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    mapped(a, Case::Upper)
}
pub fn to_lower(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    mapped(a, Case::Lower)
}
pub fn to_title(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    mapped(a, Case::Title)
}
