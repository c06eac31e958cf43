//! Library natives the compiler reaches most often: strings, sort, errors, unicode/utf8, strconv and math basics.

use super::{NativeCtx, NativeOut};
use crate::value::Value;

fn s(v: &Value) -> &[u8] {
    v.as_bytes()
}

fn ret_str(b: impl Into<Vec<u8>>) -> NativeOut {
    NativeOut::Ret(Value::str(b))
}

fn str_slice(parts: Vec<Vec<u8>>) -> NativeOut {
    NativeOut::Ret(Value::slice(parts.into_iter().map(Value::str).collect()))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

pub fn strings_index(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(
        find(s(&a[0]), s(&a[1])).map_or(-1, |i| i as i64),
    ))
}

pub fn strings_count(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, needle) = (s(&a[0]), s(&a[1]));
    if needle.is_empty() {
        let n = String::from_utf8_lossy(hay).chars().count();
        return NativeOut::Ret(Value::Int(n as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(at) = find(&hay[i..], needle) {
        n += 1;
        i += at + needle.len();
    }
    NativeOut::Ret(Value::Int(n))
}

pub fn strings_repeat(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let n = a[1].as_int();
    if n < 0 {
        return NativeOut::Panic(Value::str("strings: negative Repeat count"));
    }
    ret_str(s(&a[0]).repeat(n as usize))
}

pub fn strings_to_upper(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_str(String::from_utf8_lossy(s(&a[0])).to_uppercase())
}

pub fn strings_to_lower(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_str(String::from_utf8_lossy(s(&a[0])).to_lowercase())
}

pub fn strings_trim_space(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_str(String::from_utf8_lossy(s(&a[0])).trim().to_string())
}

pub fn strings_fields(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let text = String::from_utf8_lossy(s(&a[0])).into_owned();
    str_slice(
        text.split_whitespace()
            .map(|p| p.as_bytes().to_vec())
            .collect(),
    )
}

/// Go's genSplit: `n < 0` means all; an empty separator splits into UTF-8 sequences.
fn split(hay: &[u8], sep: &[u8], keep_sep: bool, n: i64) -> Vec<Vec<u8>> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let text = String::from_utf8_lossy(hay).into_owned();
        let mut parts: Vec<Vec<u8>> = text.chars().map(|c| c.to_string().into_bytes()).collect();
        if n > 0 && parts.len() > n as usize {
            let rest: Vec<u8> = parts[n as usize - 1..].concat();
            parts.truncate(n as usize - 1);
            parts.push(rest);
        }
        return parts;
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while n < 0 || (parts.len() as i64) < n - 1 {
        let Some(at) = find(&hay[i..], sep) else {
            break;
        };
        let end = if keep_sep { i + at + sep.len() } else { i + at };
        parts.push(hay[i..end].to_vec());
        i += at + sep.len();
    }
    parts.push(hay[i..].to_vec());
    parts
}

pub fn strings_split(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    str_slice(split(s(&a[0]), s(&a[1]), false, -1))
}

pub fn strings_split_n(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    str_slice(split(s(&a[0]), s(&a[1]), false, a[2].as_int()))
}

pub fn strings_replace(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, old, new, n) = (s(&a[0]), s(&a[1]), s(&a[2]), a[3].as_int());
    if old.is_empty() {
        let text = String::from_utf8_lossy(hay).into_owned();
        let new = String::from_utf8_lossy(new).into_owned();
        return ret_str(text.replacen("", &new, if n < 0 { usize::MAX } else { n as usize }));
    }
    let mut out = Vec::new();
    let mut i = 0;
    let mut done = 0;
    while n < 0 || done < n {
        let Some(at) = find(&hay[i..], old) else {
            break;
        };
        out.extend_from_slice(&hay[i..i + at]);
        out.extend_from_slice(new);
        i += at + old.len();
        done += 1;
    }
    out.extend_from_slice(&hay[i..]);
    ret_str(out)
}

pub fn sort_ints(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| x.as_int().cmp(&y.as_int()))
}

pub fn sort_strings(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| x.as_bytes().cmp(y.as_bytes()))
}

pub fn sort_float64s(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    sort_with(&a[0], |x, y| x.as_float().total_cmp(&y.as_float()))
}

fn sort_with(v: &Value, cmp: impl Fn(&Value, &Value) -> std::cmp::Ordering) -> NativeOut {
    if let Value::Slice(sl) = v {
        let mut store = sl.store.borrow_mut();
        let (lo, hi) = (sl.off as usize, (sl.off + sl.len) as usize);
        store[lo..hi].sort_by(cmp);
    }
    NativeOut::Ret0
}

pub fn utf8_rune_count_in_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(
        String::from_utf8_lossy(s(&a[0])).chars().count() as i64,
    ))
}

pub fn strconv_format_int(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (v, base) = (a[0].as_int(), a[1].as_int());
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let base = base.clamp(2, 36) as u64;
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
    ret_str(out)
}

/// `errors.comparable`: whether `==` on the dynamic value would not panic.
pub fn errors_comparable(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let ok = match &a[0] {
        Value::Iface(i) => !matches!(i.val, Value::Slice(_) | Value::Map(_) | Value::Func(_)),
        _ => true,
    };
    NativeOut::Ret(Value::Bool(ok))
}

pub fn math_sqrt(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(a[0].as_float().sqrt()))
}

pub fn math_floor(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(a[0].as_float().floor()))
}

pub fn math_pow(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Float(a[0].as_float().powf(a[1].as_float())))
}
