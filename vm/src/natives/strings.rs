//! strings natives: searching, splitting, trimming and case mapping on byte strings, with Go's rune rules.

use std::rc::Rc;

use super::utf8::{decode_last_rune, encode, runes};
use super::{NativeCtx, NativeOut};
use crate::exec::decode_rune;
use crate::value::{ShortStr, Store, Value};

fn s(v: &Value) -> &[u8] {
    v.as_bytes()
}

fn ret_str<B: AsRef<[u8]> + Into<Vec<u8>>>(b: B) -> NativeOut {
    NativeOut::Ret(Value::str(b))
}

fn ret_int(i: Option<usize>) -> NativeOut {
    NativeOut::Ret(Value::Int(i.map_or(-1, |i| i as i64)))
}

fn str_slice(parts: Vec<Value>) -> NativeOut {
    NativeOut::Ret(Value::slice(parts))
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        // A one-byte separator (`Split(s, " ")`, `Index(s, ",")`) is a plain
        // byte scan, not a slice comparison at every position.
        [byte] => hay.iter().position(|b| b == byte),
        [first, rest @ ..] => {
            let last_start = hay.len().checked_sub(needle.len())?;
            (0..=last_start).find(|&i| hay[i] == *first && &hay[i + 1..i + needle.len()] == rest)
        }
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// unicode.IsSpace.
pub fn is_space(r: u32) -> bool {
    match r {
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 => true,
        r if r < 0x100 => false,
        r => char::from_u32(r).is_some_and(char::is_whitespace),
    }
}

/// Which of Go's case mappings (unicode.ToUpper, ToLower, ToTitle).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Upper,
    Lower,
    Title,
}

/// Go's simple case mapping of one rune (UnicodeData.txt, one rune to one rune).
///
/// Rust's `to_uppercase`/`to_lowercase` give the full mappings of
/// SpecialCasing.txt; where that is one rune it is also the simple mapping.
/// The runes whose full mapping is several runes, and the titlecase forms
/// Rust has no function for, are listed here (checked against Go 1.27's
/// unicode.ToUpper/ToLower/ToTitle over every rune).
pub fn map_case(r: u32, case: Case) -> u32 {
    match (case, r) {
        (Case::Lower, 0x130) => return 0x69, // İ → i
        // Greek with ypogegrammeni: full uppercase is two runes, the simple one
        // (also the titlecase) is the letter with prosgegrammeni.
        (Case::Upper | Case::Title, 0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7) => {
            return r + 8
        }
        (Case::Upper | Case::Title, 0x1FB3 | 0x1FC3 | 0x1FF3) => return r + 9,
        // The Latin digraphs have a distinct titlecase form (Ǆ ǅ ǆ).
        (Case::Title, 0x1C4..=0x1C6) => return 0x1C5,
        (Case::Title, 0x1C7..=0x1C9) => return 0x1C8,
        (Case::Title, 0x1CA..=0x1CC) => return 0x1CB,
        (Case::Title, 0x1F1..=0x1F3) => return 0x1F2,
        // Georgian Mkhedruli has uppercase (Mtavruli) but no titlecase.
        (Case::Title, 0x10D0..=0x10FA | 0x10FD..=0x10FF) => return r,
        _ => {}
    }
    let Some(c) = char::from_u32(r) else {
        return r;
    };
    let mut it: Vec<char> = if case == Case::Lower {
        c.to_lowercase().collect()
    } else {
        c.to_uppercase().collect()
    };
    match it.len() {
        1 => it.pop().map_or(r, |c| c as u32),
        _ => r,
    }
}

/// strings.Map over runes with `f`, re-encoding (invalid bytes become U+FFFD, as in Go).
fn map_runes(text: &[u8], f: impl Fn(u32) -> u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for (_, r, _) in runes(text) {
        out.extend_from_slice(&encode(i64::from(f(r))));
    }
    out
}

pub fn index(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_int(find(s(&a[0]), s(&a[1])))
}

pub fn last_index(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_int(rfind(s(&a[0]), s(&a[1])))
}

pub fn index_byte(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let c = a[1].as_int() as u8;
    ret_int(s(&a[0]).iter().position(|b| *b == c))
}

pub fn last_index_byte(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let c = a[1].as_int() as u8;
    ret_int(s(&a[0]).iter().rposition(|b| *b == c))
}

/// Searching for U+FFFD also finds an invalid byte (it decodes as U+FFFD); an invalid rune finds nothing.
pub fn index_rune(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let r = a[1].as_int();
    if !(0..=0x10FFFF).contains(&r) || (0xD800..=0xDFFF).contains(&r) {
        return ret_int(None);
    }
    ret_int(
        runes(s(&a[0]))
            .into_iter()
            .find(|(_, c, _)| i64::from(*c) == r)
            .map(|(i, _, _)| i),
    )
}

fn rune_set(chars: &[u8]) -> Vec<u32> {
    runes(chars).into_iter().map(|(_, r, _)| r).collect()
}

pub fn index_any(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let set = rune_set(s(&a[1]));
    ret_int(
        runes(s(&a[0]))
            .into_iter()
            .find(|(_, r, _)| set.contains(r))
            .map(|(i, _, _)| i),
    )
}

pub fn last_index_any(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let set = rune_set(s(&a[1]));
    ret_int(
        runes(s(&a[0]))
            .into_iter()
            .rev()
            .find(|(_, r, _)| set.contains(r))
            .map(|(i, _, _)| i),
    )
}

pub fn count(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, needle) = (s(&a[0]), s(&a[1]));
    if needle.is_empty() {
        return NativeOut::Ret(Value::Int(runes(hay).len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(at) = find(&hay[i..], needle) {
        n += 1;
        i += at + needle.len();
    }
    NativeOut::Ret(Value::Int(n))
}

/// unicode.SimpleFold's orbit, approximated by comparing both case mappings.
fn fold_eq(a: u32, b: u32) -> bool {
    a == b
        || map_case(a, Case::Lower) == map_case(b, Case::Lower)
        || map_case(a, Case::Upper) == map_case(b, Case::Upper)
}

pub fn equal_fold(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (x, y) = (runes(s(&a[0])), runes(s(&a[1])));
    let eq = x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| fold_eq(p.1, q.1));
    NativeOut::Ret(Value::Bool(eq))
}

pub fn repeat(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let n = a[1].as_int();
    if n < 0 {
        return super::panic_text("strings: negative Repeat count");
    }
    let unit = s(&a[0]);
    if unit
        .len()
        .checked_mul(n as usize)
        .is_none_or(|t| t > 1 << 40)
    {
        return super::panic_text("strings: Repeat output length overflow");
    }
    let mut out = match crate::limits::try_vec(unit.len() * n as usize) {
        Ok(out) => out,
        Err(refused) => return NativeOut::Refused(refused),
    };
    for _ in 0..n {
        out.extend_from_slice(unit);
    }
    ret_str(out)
}

pub fn to_upper(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let text = s(&a[0]);
    if text.is_ascii() {
        return ret_str(text.to_ascii_uppercase());
    }
    ret_str(map_runes(text, |r| map_case(r, Case::Upper)))
}

pub fn to_lower(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let text = s(&a[0]);
    if text.is_ascii() {
        return ret_str(text.to_ascii_lowercase());
    }
    ret_str(map_runes(text, |r| map_case(r, Case::Lower)))
}

/// strings.Title's isSeparator.
fn is_separator(r: u32) -> bool {
    if r <= 0x7F {
        let c = r as u8;
        return !(c.is_ascii_alphanumeric() || c == b'_');
    }
    let Some(c) = char::from_u32(r) else {
        return false;
    };
    if c.is_alphanumeric() {
        return false;
    }
    is_space(r)
}

pub fn title(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let mut prev = u32::from(b' ');
    let mut out = Vec::new();
    for (_, r, _) in runes(s(&a[0])) {
        let m = if is_separator(prev) {
            map_case(r, Case::Title)
        } else {
            r
        };
        prev = r;
        out.extend_from_slice(&encode(i64::from(m)));
    }
    ret_str(out)
}

fn trim_left_by(text: &[u8], f: impl Fn(u32) -> bool) -> &[u8] {
    let mut i = 0;
    while i < text.len() {
        let (r, w) = decode_rune(&text[i..]);
        if !f(r) {
            break;
        }
        i += w.max(1);
    }
    &text[i..]
}

fn trim_right_by(text: &[u8], f: impl Fn(u32) -> bool) -> &[u8] {
    let mut end = text.len();
    while end > 0 {
        let (r, w) = decode_last_rune(&text[..end]);
        if !f(r) {
            break;
        }
        end -= w.max(1);
    }
    &text[..end]
}

pub fn trim_space(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    ret_str(trim_right_by(trim_left_by(s(&a[0]), is_space), is_space))
}

pub fn trim(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let set = rune_set(s(&a[1]));
    let inset = |r| set.contains(&r);
    ret_str(trim_right_by(trim_left_by(s(&a[0]), inset), inset))
}

pub fn trim_left(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let set = rune_set(s(&a[1]));
    ret_str(trim_left_by(s(&a[0]), |r| set.contains(&r)))
}

pub fn trim_right(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let set = rune_set(s(&a[1]));
    ret_str(trim_right_by(s(&a[0]), |r| set.contains(&r)))
}

/// Appends `bytes` to the `*strings.Builder` `builder` (strings.go: field 0
/// is the text as a string, field 1 the capacity Go's `[]byte` would have).
/// The text's byte vector is extended in place when nothing else holds it;
/// after `String()` shared it, the first write copies it. Go's capacity grows
/// exactly as `append` grows a `[]byte` (`Cap()` is observable); the vector
/// reserves that much, checked against the memory limits.
#[inline(always)]
fn builder_append(builder: &Value, bytes: &[u8]) -> Result<(), NativeOut> {
    match builder {
        Value::Ptr(store, crate::value::WHOLE) => builder_append_to(store, bytes),
        _ => builder_append_nested(builder, bytes),
    }
}

/// `builder_append` on the Builder whose fields are `store`.
#[inline(always)]
fn builder_append_to(store: &Rc<Store>, bytes: &[u8]) -> Result<(), NativeOut> {
    // The usual write: a text of more than ShortStr::MAX bytes that only the
    // builder holds, with room for the bytes in both capacities.
    if let [Value::Str(text), Value::Int(go_cap), ..] = &mut store.borrow_mut()[..] {
        if let Some(text) = Rc::get_mut(text) {
            let new_len = text.len() + bytes.len();
            if new_len <= *go_cap as usize && new_len <= text.capacity() {
                // One byte (a separator) is a push, not a call to memcpy.
                match bytes {
                    [byte] => text.push(*byte),
                    _ => text.extend_from_slice(bytes),
                }
                return Ok(());
            }
        }
    }
    builder_append_general(store, bytes)
}

/// `builder_append` through a pointer to a Builder held in a field or
/// element of a larger store, or through nil.
#[inline(never)]
fn builder_append_nested(builder: &Value, bytes: &[u8]) -> Result<(), NativeOut> {
    let store = match builder {
        Value::Ptr(outer, i) => match &outer.borrow()[*i as usize] {
            Value::Agg(store) => store.clone(),
            other => crate::value::bad_value("strings.Builder", other),
        },
        _ => return Err(NativeOut::Panic(crate::panic::nil_deref())),
    };
    builder_append_to(&store, bytes)
}

/// `builder_append_to` when the text is short or shared, or must grow.
#[inline(never)]
fn builder_append_general(store: &Rc<Store>, bytes: &[u8]) -> Result<(), NativeOut> {
    if bytes.is_empty() {
        return Ok(());
    }
    let mut fields = store.borrow_mut();
    let old_len = fields[0].as_bytes().len();
    let new_len = old_len + bytes.len();
    let mut go_cap = fields[1].as_int() as usize;
    if new_len > go_cap {
        go_cap = crate::slice::grown_cap(new_len, go_cap, 1);
        fields[1] = Value::Int(go_cap as i64);
    }
    let refused = |r| NativeOut::Refused(r);
    if let Value::Str(text) = &mut fields[0] {
        if let Some(text) = Rc::get_mut(text) {
            if text.capacity() < new_len {
                crate::limits::try_reserve(text, go_cap.max(new_len)).map_err(refused)?;
            }
            text.extend_from_slice(bytes);
            return Ok(());
        }
    }
    if new_len <= ShortStr::MAX {
        let mut joined = [0u8; ShortStr::MAX];
        joined[..old_len].copy_from_slice(fields[0].as_bytes());
        joined[old_len..new_len].copy_from_slice(bytes);
        fields[0] = Value::str(&joined[..new_len]);
        return Ok(());
    }
    let mut text: Vec<u8> = crate::limits::try_vec(go_cap.max(new_len)).map_err(refused)?;
    text.extend_from_slice(fields[0].as_bytes());
    text.extend_from_slice(bytes);
    fields[0] = Value::Str(Rc::new(text));
    Ok(())
}

/// `(*strings.Builder).WriteString`.
pub fn builder_write_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_write_string_in_place(&a[0], &a[1]) {
        Ok(n) => NativeOut::Ret2(Value::Int(n), Value::Nil),
        Err(out) => out,
    }
}

/// `b.WriteString(text)` as `Op::BuilderWriteString` runs it: the number of
/// bytes written, or the native's panic or refusal.
#[inline]
pub(crate) fn builder_write_string_in_place(b: &Value, text: &Value) -> Result<i64, NativeOut> {
    let bytes = s(text);
    builder_append(b, bytes)?;
    Ok(bytes.len() as i64)
}

/// `b.WriteString(text)` as `Op::BuilderWriteStringLocal` runs it, on the
/// fields `store` of a Builder local.
#[inline]
pub(crate) fn builder_write_string_to(store: &Rc<Store>, text: &Value) -> Result<i64, NativeOut> {
    let bytes = s(text);
    builder_append_to(store, bytes)?;
    Ok(bytes.len() as i64)
}

/// `(*strings.Builder).Write`.
pub fn builder_write(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let bytes: Vec<u8> = crate::slice::items(&a[1])
        .iter()
        .map(|b| b.as_int() as u8)
        .collect();
    match builder_append(&a[0], &bytes) {
        Ok(()) => NativeOut::Ret2(Value::Int(bytes.len() as i64), Value::Nil),
        Err(out) => out,
    }
}

/// `(*strings.Builder).WriteByte`.
pub fn builder_write_byte(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_append(&a[0], &[a[1].as_int() as u8]) {
        Ok(()) => NativeOut::Ret(Value::Nil),
        Err(out) => out,
    }
}

/// `(*strings.Builder).WriteRune`: an invalid rune is written as U+FFFD, as utf8.AppendRune does.
pub fn builder_write_rune(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let bytes = encode(a[1].as_int());
    match builder_append(&a[0], &bytes) {
        Ok(()) => NativeOut::Ret2(Value::Int(bytes.len() as i64), Value::Nil),
        Err(out) => out,
    }
}

/// The fields of the Builder `builder` points at (a whole store, or a Builder
/// nested in a field or element of a larger one); a nil receiver panics as Go's.
fn builder_store(builder: &Value) -> Result<Rc<Store>, NativeOut> {
    match builder {
        Value::Ptr(store, crate::value::WHOLE) => Ok(store.clone()),
        Value::Ptr(outer, i) => match &outer.borrow()[*i as usize] {
            Value::Agg(store) => Ok(store.clone()),
            other => crate::value::bad_value("strings.Builder", other),
        },
        _ => Err(NativeOut::Panic(crate::panic::nil_deref())),
    }
}

/// `(*strings.Builder).String`: shares the text (the next write copies it first).
pub fn builder_string(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_store(&a[0]) {
        Ok(store) => NativeOut::Ret(store.borrow()[0].clone()),
        Err(out) => out,
    }
}

/// `(*strings.Builder).Len`.
pub fn builder_len(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_store(&a[0]) {
        Ok(store) => NativeOut::Ret(Value::Int(store.borrow()[0].as_bytes().len() as i64)),
        Err(out) => out,
    }
}

/// `(*strings.Builder).Cap`: the capacity Go's `[]byte` would have.
pub fn builder_cap(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_store(&a[0]) {
        Ok(store) => NativeOut::Ret(store.borrow()[1].clone()),
        Err(out) => out,
    }
}

/// `(*strings.Builder).Reset`.
pub fn builder_reset(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    match builder_store(&a[0]) {
        Ok(store) => {
            let mut fields = store.borrow_mut();
            fields[0] = Value::str("");
            fields[1] = Value::Int(0);
            NativeOut::Ret0
        }
        Err(out) => out,
    }
}

/// `(*strings.Builder).Grow`: room for `n` more bytes, as Go's grow makes it
/// (`2*cap + n` rounded up to a size class).
pub fn builder_grow(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let store = match builder_store(&a[0]) {
        Ok(store) => store,
        Err(out) => return out,
    };
    let n = a[1].as_int();
    if n < 0 {
        return super::panic_text("strings.Builder.Grow: negative count");
    }
    let mut fields = store.borrow_mut();
    let (len, cap) = (fields[0].as_bytes().len() as i64, fields[1].as_int());
    if cap - len < n {
        let grown = crate::slice::roundup_size((2 * cap + n) as usize, false);
        fields[1] = Value::Int(grown as i64);
    }
    NativeOut::Ret0
}

/// strings.go's `allocSize`: the capacity of a byte buffer Go allocates for
/// `n` bytes (`Builder.Grow` makes its buffer with `bytealg.MakeNoZero`, which
/// rounds up to a size class).
pub fn alloc_size(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let n = a[0].as_int().max(0) as usize;
    NativeOut::Ret(Value::Int(crate::slice::roundup_size(n, false) as i64))
}

/// `strings.Fields`. Walks the text once, decoding only non-ASCII runes
/// (a decoded rune list of a 600 KB text cost more than the words): each
/// round skips a run of spaces, then takes a run of non-spaces as a word.
pub fn fields(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let text = s(&a[0]);
    if !text.is_ascii() {
        return NativeOut::Ret(Value::slice(fields_utf8(text)));
    }
    // As Go's Fields: count the fields first and allocate the result once,
    // instead of growing it by doubling (which copied the parts and faulted
    // in fresh pages for every larger vector).
    let mut parts = Vec::with_capacity(count_ascii_fields(text));
    let mut i = 0;
    loop {
        while i < text.len() && is_ascii_space(text[i]) {
            i += 1;
        }
        if i >= text.len() {
            break;
        }
        let start = i;
        i = ascii_space_from(text, i + 1);
        parts.push(Value::str(&text[start..i]));
    }
    NativeOut::Ret(Value::slice(parts))
}

/// unicode.IsSpace of an ASCII byte (Go's asciiSpace table).
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// Each byte of a word set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The 8 bytes of `text` from `i`, the first in the lowest byte.
#[inline(always)]
fn word_at(text: &[u8], i: usize) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(&text[i..i + 8]);
    u64::from_le_bytes(bytes)
}

/// The number of fields of an ASCII text: the non-spaces that follow a
/// space or start the text. Counted in runs of at most 255 bytes with a
/// byte-wide sum, which the compiler turns into vector compares (a byte loop
/// with a branch took ~9 instructions a byte).
fn count_ascii_fields(text: &[u8]) -> usize {
    let Some(&first) = text.first() else {
        return 0;
    };
    let (after, before) = (&text[1..], &text[..text.len() - 1]);
    let starts: usize = after
        .chunks(255)
        .zip(before.chunks(255))
        .map(|(after, before)| {
            let run = after.iter().zip(before).fold(0u8, |n, (&b, &prev)| {
                n + u8::from(is_ascii_space(prev) & !is_ascii_space(b))
            });
            usize::from(run)
        })
        .sum();
    usize::from(!is_ascii_space(first)) + starts
}

/// The position of the first space in the ASCII `text` at or after `i`, or
/// its length. Eight bytes at a time: a word finds its bytes below 0x21
/// (spaces, and control characters that are not) with the "has less than"
/// trick, whose lowest flagged byte is exact; a word of five letters then
/// costs one test instead of a loop step per byte.
#[inline(always)]
fn ascii_space_from(text: &[u8], mut i: usize) -> usize {
    while i + 8 <= text.len() {
        let word = word_at(text, i);
        let below = word.wrapping_sub(splat(0x21)) & !word & splat(0x80);
        if below == 0 {
            i += 8;
            continue;
        }
        let at = i + (below.trailing_zeros() / 8) as usize;
        if is_ascii_space(text[at]) {
            return at;
        }
        i = at + 1;
    }
    while i < text.len() && !is_ascii_space(text[i]) {
        i += 1;
    }
    i
}

/// The position of the first `byte` in `hay` at or after `i`, or its
/// length: eight bytes at a time (a zero byte of `word ^ splat(byte)` is a
/// match; the lowest flagged byte of the "has zero" trick is exact).
#[inline(always)]
fn byte_from(hay: &[u8], byte: u8, mut i: usize) -> usize {
    while i + 8 <= hay.len() {
        let word = word_at(hay, i) ^ splat(byte);
        let zeros = word.wrapping_sub(splat(1)) & !word & splat(0x80);
        if zeros != 0 {
            return i + (zeros.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < hay.len() && hay[i] != byte {
        i += 1;
    }
    i
}

/// How many times `byte` occurs in `hay`, counted in runs of at most 255
/// bytes with a byte-wide sum (vector compares, not a branch per byte).
fn count_byte(hay: &[u8], byte: u8) -> usize {
    hay.chunks(255)
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(b == byte))))
        .sum()
}

/// Fields of a text with runes beyond ASCII (unicode.IsSpace on each rune).
fn fields_utf8(text: &[u8]) -> Vec<Value> {
    let mut parts = Vec::new();
    let mut i = 0;
    loop {
        i += space_run(&text[i..], true);
        if i >= text.len() {
            break;
        }
        let start = i;
        i += space_run(&text[i..], false);
        parts.push(Value::str(&text[start..i]));
    }
    parts
}

/// The length of the prefix of `text` whose runes are all spaces (`spaces`)
/// or all non-spaces (`!spaces`), by Go's unicode.IsSpace.
#[inline(always)]
fn space_run(text: &[u8], spaces: bool) -> usize {
    let mut i = 0;
    while i < text.len() {
        let (space, width) = match text[i] {
            byte @ 0..=0x7F => (matches!(byte, b'\t'..=b'\r' | b' '), 1),
            _ => {
                let (r, w) = decode_rune(&text[i..]);
                (is_space(r), w.max(1))
            }
        };
        if space != spaces {
            break;
        }
        i += width;
    }
    i
}

/// Go's genSplit: `n < 0` means all; an empty separator splits into UTF-8 sequences.
/// The parts are made as string values directly from the text (a short one
/// is inline: no byte vector to allocate and drop per part).
fn split(hay: &[u8], sep: &[u8], keep_sep: bool, n: i64) -> Vec<Value> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let all = runes(hay);
        let n = if n < 0 || n as usize > all.len() {
            all.len()
        } else {
            n as usize
        };
        let mut parts = Vec::with_capacity(n);
        for (k, (i, _, w)) in all.iter().enumerate().take(n) {
            if k == n - 1 {
                parts.push(Value::str(&hay[*i..]));
            } else {
                parts.push(Value::str(&hay[*i..*i + (*w).max(1)]));
            }
        }
        return parts;
    }
    if let [byte] = sep {
        return split_byte(hay, *byte, keep_sep, n);
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while n < 0 || (parts.len() as i64) < n - 1 {
        let Some(at) = find(&hay[i..], sep) else {
            break;
        };
        let end = if keep_sep { i + at + sep.len() } else { i + at };
        parts.push(Value::str(&hay[i..end]));
        i += at + sep.len();
    }
    parts.push(Value::str(&hay[i..]));
    parts
}

/// `split` on a one-byte separator (`Split(s, " ")`, `Split(s, ",")`), as
/// Go does it: count the separators (a pass the compiler vectorises),
/// allocate the result once, then cut the parts in one scan. Growing the
/// result by doubling copied it several times and faulted in fresh pages
/// for each larger vector.
fn split_byte(hay: &[u8], sep: u8, keep_sep: bool, n: i64) -> Vec<Value> {
    let all = count_byte(hay, sep) + 1;
    let count = if n < 0 { all } else { all.min(n as usize) };
    let mut parts = Vec::with_capacity(count);
    let mut start = 0;
    for _ in 1..count {
        let at = byte_from(hay, sep, start);
        let end = if keep_sep { at + 1 } else { at };
        parts.push(Value::str(&hay[start..end]));
        start = at + 1;
    }
    parts.push(Value::str(&hay[start..]));
    parts
}

pub fn split_all(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    str_slice(split(s(&a[0]), s(&a[1]), false, -1))
}

pub fn split_n(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, sep, n) = (s(&a[0]), s(&a[1]), a[2].as_int());
    if n == 0 {
        return NativeOut::Ret(Value::Nil);
    }
    split_n_slice(split(hay, sep, false, n), hay, sep, n)
}

/// The result of SplitN/SplitAfterN with the capacity Go gives it: genSplit
/// makes `n` elements (at most `len(s)+1`) and returns the ones it filled,
/// so `cap(strings.SplitN("a,b", ",", 10))` is 4. An empty separator
/// (explode) and `n < 0` make exactly as many as they fill.
fn split_n_slice(parts: Vec<Value>, hay: &[u8], sep: &[u8], n: i64) -> NativeOut {
    let go_cap = if n < 0 || sep.is_empty() {
        parts.len()
    } else {
        (n as u64).min(hay.len() as u64 + 1) as usize
    };
    if go_cap <= parts.len() {
        return str_slice(parts);
    }
    let mut items = match crate::limits::try_vec(go_cap) {
        Ok(items) => items,
        Err(refused) => return NativeOut::Refused(refused),
    };
    let len = parts.len() as u32;
    items.extend(parts);
    items.resize(go_cap, Value::str(""));
    NativeOut::Ret(Value::Slice(Rc::new(crate::value::SliceVal {
        store: Rc::new(std::cell::RefCell::new(items)),
        off: 0,
        len,
        cap: go_cap as u32,
    })))
}

pub fn split_after(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    str_slice(split(s(&a[0]), s(&a[1]), true, -1))
}

pub fn split_after_n(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, sep, n) = (s(&a[0]), s(&a[1]), a[2].as_int());
    if n == 0 {
        return NativeOut::Ret(Value::Nil);
    }
    split_n_slice(split(hay, sep, true, n), hay, sep, n)
}

pub fn replace(_: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (hay, old, new, n) = (s(&a[0]), s(&a[1]), s(&a[2]), a[3].as_int());
    if old == new || n == 0 {
        return ret_str(hay);
    }
    let mut out = Vec::new();
    let mut i = 0;
    let mut done = 0;
    if old.is_empty() {
        // An empty old matches at the start and after each rune.
        let all = runes(hay);
        out.extend_from_slice(new);
        done += 1;
        for (at, _, w) in all {
            out.extend_from_slice(&hay[at..at + w.max(1)]);
            if n < 0 || done < n {
                out.extend_from_slice(new);
                done += 1;
            }
        }
        return ret_str(out);
    }
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
