//! unicode/utf8 natives, and the rune decoding the other library natives share.

use super::{NativeCtx, NativeOut};
use crate::exec::decode_rune;
use crate::value::Value;

/// U+FFFD, what invalid UTF-8 decodes to.
pub const RUNE_ERROR: u32 = 0xFFFD;

/// The bytes of a `[]byte` value (nil is empty).
pub fn byte_items(v: &Value) -> Vec<u8> {
    crate::slice::items(v)
        .iter()
        .map(|b| match b {
            Value::Int(b) => *b as u8,
            _ => 0,
        })
        .collect()
}

/// utf8.DecodeLastRune: the last rune of `s` and its width; (RuneError, 1) for an invalid tail.
pub fn decode_last_rune(s: &[u8]) -> (u32, usize) {
    let end = s.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    if s[end - 1] < 0x80 {
        return (u32::from(s[end - 1]), 1);
    }
    // Back up to the start byte of the last rune, at most UTFMax bytes.
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && s[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let (r, w) = decode_rune(&s[start..end]);
    if start + w != end {
        return (RUNE_ERROR, 1);
    }
    (r, w)
}

/// The runes of `s` with their byte offsets, as `for i, r := range s` sees them.
pub fn runes(s: &[u8]) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        out.push((i, r, w));
        i += w.max(1);
    }
    out
}

/// utf8.EncodeRune's bytes (invalid runes encode as U+FFFD).
pub fn encode(r: i64) -> Vec<u8> {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut b = [0u8; 4];
    c.encode_utf8(&mut b).as_bytes().to_vec()
}

fn valid(s: &[u8]) -> bool {
    std::str::from_utf8(s).is_ok()
}

fn full_rune(s: &[u8]) -> bool {
    let Some(&b) = s.first() else {
        return false;
    };
    let need = match b {
        0..=0x7F => 1,
        _ if b >> 5 == 0b110 => 2,
        _ if b >> 4 == 0b1110 => 3,
        _ if b >> 3 == 0b11110 => 4,
        _ => 1,
    };
    if s.len() >= need {
        return true;
    }
    // A short prefix is full when it is already invalid.
    decode_rune(s) == (RUNE_ERROR, 1) && !s[1..].iter().all(|c| c & 0xC0 == 0x80)
}

fn pair(r: u32, w: usize) -> NativeOut {
    NativeOut::Ret2(Value::Int(i64::from(r)), Value::Int(w as i64))
}

pub fn rune_count_in_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(runes(a[0].as_bytes()).len() as i64))
}

pub fn rune_count(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(runes(&byte_items(&a[0])).len() as i64))
}

pub fn valid_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Bool(valid(a[0].as_bytes())))
}

pub fn valid_bytes(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Bool(valid(&byte_items(&a[0]))))
}

pub fn decode_rune_in_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (r, w) = decode_rune(a[0].as_bytes());
    pair(r, w)
}

pub fn decode_rune_bytes(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (r, w) = decode_rune(&byte_items(&a[0]));
    pair(r, w)
}

pub fn decode_last_rune_in_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (r, w) = decode_last_rune(a[0].as_bytes());
    pair(r, w)
}

pub fn decode_last_rune_bytes(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (r, w) = decode_last_rune(&byte_items(&a[0]));
    pair(r, w)
}

/// utf8.EncodeRune writes into `p` (panicking past its length, as Go's index would).
pub fn encode_rune(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let enc = encode(a[1].as_int());
    let Value::Slice(sl) = &a[0] else {
        return index_panic(0, 0);
    };
    if (sl.len as usize) < enc.len() {
        return index_panic(sl.len as usize, sl.len as usize);
    }
    let mut store = sl.store.borrow_mut();
    for (i, b) in enc.iter().enumerate() {
        store[sl.off as usize + i] = Value::Int(i64::from(*b));
    }
    NativeOut::Ret(Value::Int(enc.len() as i64))
}

fn index_panic(i: usize, len: usize) -> NativeOut {
    NativeOut::Panic(Value::iface(
        crate::rtype::RtTypeId::BOUNDS_ERROR,
        Value::str(format!("index out of range [{i}] with length {len}")),
    ))
}

/// utf8.AppendRune: `append(p, encoding of r...)` with Go's growth.
pub fn append_rune(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let enc: Vec<Value> = encode(a[1].as_int())
        .into_iter()
        .map(|b| Value::Int(i64::from(b)))
        .collect();
    match crate::slice::append(a[0].clone(), &enc, 1) {
        Ok(v) => NativeOut::Ret(v),
        Err(refused) => NativeOut::Refused(refused),
    }
}

pub fn rune_len(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let r = a[0].as_int();
    let n = match r {
        r if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0xD800..=0xDFFF => -1,
        0x800..=0xFFFF => 3,
        0x10000..=0x10FFFF => 4,
        _ => -1,
    };
    NativeOut::Ret(Value::Int(n))
}

pub fn full_rune_in_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Bool(full_rune(a[0].as_bytes())))
}

pub fn full_rune_bytes(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Bool(full_rune(&byte_items(&a[0]))))
}
