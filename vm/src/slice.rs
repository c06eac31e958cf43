//! Slices: make, reslicing with Go's bounds errors, and append with Go's exact growth (so `cap` prints what Go prints).

use std::cell::RefCell;
use std::rc::Rc;

use crate::limits::Refused;
use crate::panic;
use crate::value::{bad_value, SliceVal, Value, WHOLE};

/// Go's malloc size classes (runtime/sizeclasses.go), in bytes.
const SIZE_CLASSES: [usize; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// Largest length gomini allocates (Go's limit depends on memory; this one keeps gomini alive).
const MAX_LEN: i64 = 1 << 31;

/// Why `make([]T, ...)` made no slice.
#[derive(Debug)]
pub enum MakeError {
    /// Go's panic for a length or capacity out of range.
    Panic(Value),
    /// The memory limit or out of memory (limits.rs) refused the allocation.
    Memory(Refused),
}

/// `make([]T, len, cap)` filled with copies of `zero`; `cap` is `Nil` when absent.
/// The memory is admitted (limits.rs) and allocated fallibly before it is filled.
pub fn make(len: i64, cap_arg: &Value, zero: &Value) -> Result<Value, MakeError> {
    let cap = match cap_arg {
        Value::Int(c) => *c,
        _ => len,
    };
    // First: a slice Go would try to allocate (below its own bound) but gomini
    // cannot hold is out of memory, not gomini's smaller bound's panic.
    crate::limits::admit_make(len, cap_arg, zero).map_err(MakeError::Memory)?;
    if !(0..=MAX_LEN).contains(&len) {
        return Err(MakeError::Panic(panic::runtime_error(
            crate::rtype::RtTypeId::RUNTIME_ERROR,
            "runtime error: makeslice: len out of range".into(),
        )));
    }
    if cap < len || cap > MAX_LEN {
        return Err(MakeError::Panic(panic::runtime_error(
            crate::rtype::RtTypeId::RUNTIME_ERROR,
            "runtime error: makeslice: cap out of range".into(),
        )));
    }
    let mut items: Vec<Value> = crate::limits::try_vec(cap as usize).map_err(MakeError::Memory)?;
    // Only an aggregate element needs storage of its own per element; any
    // other zero value is cloned by `resize`, inline, where `deep_copy` was
    // an out-of-line call per element (a third of sieve's `make`).
    if matches!(zero, Value::Agg(_)) {
        items.extend((0..cap).map(|_| zero.deep_copy()));
    } else {
        items.resize(cap as usize, zero.clone());
    }
    Ok(Value::Slice(Rc::new(SliceVal {
        store: Rc::new(RefCell::new(items)),
        off: 0,
        len: len as u32,
        cap: cap as u32,
    })))
}

/// `len(v)` for strings, slices, arrays, maps; nil gives 0. A slice's
/// length is read inline (`len(words)` in a loop); the rest is out of line.
#[inline(always)]
pub fn len(v: &Value) -> i64 {
    match v {
        Value::Slice(s) => s.len as i64,
        other => len_general(other),
    }
}

#[inline(never)]
fn len_general(v: &Value) -> i64 {
    match v {
        Value::Slice(s) => s.len as i64,
        Value::Agg(a) | Value::Ptr(a, WHOLE) => a.borrow().len() as i64,
        Value::Str(s) => s.len() as i64,
        Value::Short(s) => s.as_bytes().len() as i64,
        Value::Map(m) => m.borrow().len() as i64,
        Value::Nil => 0,
        Value::Chan(c) => c.len() as i64,
        other => bad_value("a value with a length", other),
    }
}

pub fn cap(v: &Value) -> i64 {
    match v {
        Value::Slice(s) => s.cap as i64,
        Value::Chan(c) => c.cap as i64,
        other => len(other),
    }
}

/// The elements of a slice or array (copied out), or a string's bytes as ints.
pub fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => s.store.borrow()[s.off as usize..(s.off + s.len) as usize].to_vec(),
        Value::Agg(a) => a.borrow().clone(),
        s @ (Value::Str(_) | Value::Short(_)) => {
            s.as_bytes().iter().map(|b| Value::Int(*b as i64)).collect()
        }
        Value::Nil => Vec::new(),
        other => bad_value("slice", other),
    }
}

/// The zero value of the type `example` has (the variant decides it exactly).
pub fn zero_like(example: &Value) -> Value {
    match example {
        Value::Bool(_) => Value::Bool(false),
        Value::Int(_) => Value::Int(0),
        Value::Float(_) => Value::Float(0.0),
        Value::Str(_) | Value::Short(_) => Value::str(""),
        Value::Agg(a) => Value::agg(a.borrow().iter().map(zero_like).collect()),
        _ => Value::Nil,
    }
}

/// `append(s, items...)`; refused when growing it needs more memory than may be had (limits.rs).
pub fn append(s: Value, items: &[Value], elem: u8) -> Result<Value, Refused> {
    if items.is_empty() {
        return Ok(s);
    }
    let (old_len, old_cap) = match &s {
        Value::Slice(h) => (h.len as usize, h.cap as usize),
        Value::Nil => (0, 0),
        other => bad_value("slice", other),
    };
    let new_len = old_len + items.len();
    if let Value::Slice(h) = &s {
        if new_len <= old_cap {
            {
                let mut store = h.store.borrow_mut();
                let at = h.off as usize + old_len;
                for (i, item) in items.iter().enumerate() {
                    store[at + i] = item.clone();
                }
            }
            let mut s = s;
            if let Value::Slice(h) = &mut s {
                set_len(h, new_len);
            }
            return Ok(s);
        }
    }
    let new_cap = grown_cap(new_len, old_cap, elem);
    let mut store = growth_storage(s, old_len, new_cap)?;
    store.extend_from_slice(items);
    let zero = zero_like(&items[0]);
    store.resize(new_cap, zero);
    Ok(grown_slice(store, new_len))
}

/// Sets a slice header's length: in place when nothing else shares the
/// header, else in a new header over the same storage.
fn set_len(h: &mut Rc<SliceVal>, new_len: usize) {
    match Rc::get_mut(h) {
        Some(unique) => unique.len = new_len as u32,
        None => {
            *h = Rc::new(SliceVal {
                store: h.store.clone(),
                off: h.off,
                len: new_len as u32,
                cap: h.cap,
            })
        }
    }
}

/// The first `old_len` items of `s` in a vector with room for `new_cap`, for
/// an `append` that outgrows `s`'s capacity. Storage that only `s` references
/// (`s = append(s, x)`, a `strings.Builder`'s buffer) is moved and grown in
/// place by the allocator instead of cloned value by value (the strings benchmark).
fn growth_storage(s: Value, old_len: usize, new_cap: usize) -> Result<Vec<Value>, Refused> {
    match unique_items(s) {
        Ok(mut items) => {
            items.truncate(old_len);
            crate::limits::try_reserve(&mut items, new_cap)?;
            Ok(items)
        }
        Err(s) => {
            let mut store: Vec<Value> = crate::limits::try_vec(new_cap)?;
            if let Value::Slice(h) = &s {
                store
                    .extend_from_slice(&h.store.borrow()[h.off as usize..h.off as usize + old_len]);
            }
            Ok(store)
        }
    }
}

/// A slice of length `len` over all of `store` (its capacity).
fn grown_slice(store: Vec<Value>, len: usize) -> Value {
    let cap = store.len() as u32;
    Value::Slice(Rc::new(SliceVal {
        store: Rc::new(RefCell::new(store)),
        off: 0,
        len: len as u32,
        cap,
    }))
}

/// `append(s, bytes...)` for a `[]byte` s and a string's bytes, without first
/// building the bytes as a vector of values (`append(b, str...)`,
/// `strings.Builder.WriteString`). Grows exactly as `append` with `elem` 1.
pub fn append_bytes(s: Value, bytes: &[u8]) -> Result<Value, Refused> {
    if bytes.is_empty() {
        return Ok(s);
    }
    let byte = |b: &u8| Value::Int(*b as i64);
    let (old_len, old_cap) = match &s {
        Value::Slice(h) => (h.len as usize, h.cap as usize),
        Value::Nil => (0, 0),
        other => bad_value("slice", other),
    };
    let new_len = old_len + bytes.len();
    match s {
        Value::Slice(mut h) if new_len <= old_cap => {
            {
                let mut store = h.store.borrow_mut();
                let at = h.off as usize + old_len;
                for (slot, b) in store[at..at + bytes.len()].iter_mut().zip(bytes) {
                    Value::put(slot, byte(b));
                }
            }
            set_len(&mut h, new_len);
            Ok(Value::Slice(h))
        }
        s => {
            let new_cap = grown_cap(new_len, old_cap, 1);
            let mut store = growth_storage(s, old_len, new_cap)?;
            store.extend(bytes.iter().map(byte));
            store.resize(new_cap, Value::Int(0));
            Ok(grown_slice(store, new_len))
        }
    }
}

/// The backing array of slice `s` when nothing else refers to it or to its
/// header and the slice starts at its first element; otherwise `s` back.
fn unique_items(s: Value) -> Result<Vec<Value>, Value> {
    let Value::Slice(header) = s else {
        return Err(s);
    };
    if header.off != 0 {
        return Err(Value::Slice(header));
    }
    let header = Rc::try_unwrap(header).map_err(Value::Slice)?;
    match Rc::try_unwrap(header.store) {
        Ok(store) => Ok(store.into_inner()),
        Err(store) => Err(Value::Slice(Rc::new(SliceVal { store, ..header }))),
    }
}

/// Go's growslice: the capacity for `new_len` elements after `old_cap` (runtime/slice.go
/// nextslicecap, then roundupsize to a size class).
pub fn grown_cap(new_len: usize, old_cap: usize, elem: u8) -> usize {
    let size = (elem & 0x7f) as usize;
    let has_pointers = elem & 0x80 != 0;
    if size == 0 {
        return new_len;
    }
    let mut new_cap = old_cap;
    let double = new_cap + new_cap;
    if new_len > double {
        new_cap = new_len;
    } else if old_cap < 256 {
        new_cap = double;
    } else {
        while new_cap < new_len {
            // Transition from growing 2x for small slices to 1.25x for large ones.
            new_cap += (new_cap + 3 * 256) >> 2;
        }
    }
    roundup_size(new_cap * size, has_pointers) / size
}

/// Go's roundupsize: bytes actually allocated for a request (with the 8-byte
/// malloc header of pointerful objects over 512 bytes, Go 1.22+).
pub(crate) fn roundup_size(size: usize, has_pointers: bool) -> usize {
    const MAX_SMALL: usize = 32768;
    const HEADER: usize = 8;
    if size <= MAX_SMALL - HEADER {
        let header = if has_pointers && size > 512 {
            HEADER
        } else {
            0
        };
        let req = size + header;
        let class = SIZE_CLASSES
            .iter()
            .copied()
            .find(|c| *c >= req)
            .unwrap_or(MAX_SMALL);
        return class - header;
    }
    (size + 8191) & !8191
}

/// `[n]T(s)` (a copy of the first n elements) or, with `ptr`, `(*[n]T)(s)`;
/// Go panics with a boundsError when `len(s) < n`. A pointer shares s's
/// backing array only when the slice covers all of it from its start: a
/// `Ptr` cannot address a window of a store, so otherwise it points at a copy
/// (FIXME: writes through it are then not seen by the slice).
pub fn to_array(s: &Value, n: usize, ptr: bool) -> Result<Value, Value> {
    let (store, off, len) = match s {
        Value::Slice(s) => (Some(&s.store), s.off as usize, s.len as usize),
        _ => (None, 0, 0),
    };
    if len < n {
        return Err(panic::runtime_error(
            crate::rtype::RtTypeId::BOUNDS_ERROR,
            format!(
                "runtime error: cannot convert slice with length {len} to array or pointer to array with length {n}"
            ),
        ));
    }
    let Some(store) = store else {
        // A nil slice converts to an empty array, or to a nil pointer.
        return Ok(if ptr {
            Value::Nil
        } else {
            Value::Agg(Rc::default())
        });
    };
    if ptr && off == 0 && store.borrow().len() == n {
        return Ok(Value::Ptr(store.clone(), WHOLE));
    }
    if ptr {
        // A pointer to an array inside a larger backing array: it aliases the
        // window, so it is represented as that window (see `value.rs`).
        return Ok(Value::Slice(Rc::new(SliceVal {
            store: store.clone(),
            off: off as u32,
            len: n as u32,
            cap: n as u32,
        })));
    }
    let elems: Vec<Value> = store.borrow()[off..off + n]
        .iter()
        .map(Value::deep_copy)
        .collect();
    Ok(Value::Agg(Rc::new(RefCell::new(elems))))
}

/// `x[lo:hi:max]` of a slice, array or pointer to array; `Nil` bounds are absent.
pub fn reslice(x: &Value, lo: &Value, hi: &Value, max: &Value) -> Result<Value, Value> {
    let (store, off, len, cap, what) = match x {
        Value::Slice(s) => (
            s.store.clone(),
            s.off as i64,
            s.len as i64,
            s.cap as i64,
            "capacity",
        ),
        Value::Agg(a) | Value::Ptr(a, WHOLE) => {
            let n = a.borrow().len() as i64;
            (a.clone(), 0, n, n, "length")
        }
        Value::Nil => (Rc::default(), 0, 0, 0, "capacity"),
        other => bad_value("sliceable value", other),
    };
    let bound = |v: &Value, default: i64| match v {
        Value::Int(i) => *i,
        _ => default,
    };
    let three = !matches!(max, Value::Nil);
    let (l, h, m) = (bound(lo, 0), bound(hi, len), bound(max, cap));
    if three {
        if m < 0 {
            return Err(panic::slice_error(format!("[::{m}]")));
        }
        if m > cap {
            return Err(panic::slice_error(format!("[::{m}] with {what} {cap}")));
        }
        if h < 0 {
            return Err(panic::slice_error(format!("[:{h}:]")));
        }
        if h > m {
            return Err(panic::slice_error(format!("[:{h}:{m}]")));
        }
        if l < 0 {
            return Err(panic::slice_error(format!("[{l}::]")));
        }
        if l > h {
            return Err(panic::slice_error(format!("[{l}:{h}:]")));
        }
    } else {
        if h < 0 {
            return Err(panic::slice_error(format!("[:{h}]")));
        }
        if h > cap {
            return Err(panic::slice_error(format!("[:{h}] with {what} {cap}")));
        }
        if l < 0 {
            return Err(panic::slice_error(format!("[{l}:]")));
        }
        if l > h {
            return Err(panic::slice_error(format!("[{l}:{h}]")));
        }
    }
    if matches!(x, Value::Nil) {
        return Ok(Value::Nil);
    }
    Ok(Value::Slice(Rc::new(SliceVal {
        store,
        off: (off + l) as u32,
        len: (h - l) as u32,
        cap: (m - l) as u32,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s = append(s, i)` from nil, printing cap after each: Go on amd64 gives
    /// these for a slice that escapes to the heap (checked with go1.27; a slice
    /// the compiler proves local starts in a 32-byte stack buffer instead, which
    /// gomini does not model: it has no escape analysis).
    #[test]
    fn append_growth_matches_go() {
        let caps_int: Vec<usize> = grow_sequence(8, 2000);
        assert_eq!(caps_int, GO_INT_CAPS);
        let caps_byte = grow_sequence(1, 100);
        assert_eq!(caps_byte, GO_BYTE_CAPS);
        let caps_string = grow_sequence(16 | 0x80, 1000);
        assert_eq!(caps_string, GO_STRING_CAPS);
    }

    fn ints(v: &Value) -> Vec<i64> {
        items(v).iter().map(Value::as_int).collect()
    }

    /// Growth reuses the backing array only when nothing else can see it: a
    /// slice sharing the old array keeps its elements after the append grows.
    #[test]
    fn growing_reuses_only_an_unshared_array() {
        let shared = Value::slice(vec![Value::Int(1), Value::Int(2)]);
        let keep = shared.clone();
        let grown = append(shared, &[Value::Int(3)], 8).expect("small");
        assert_eq!(ints(&grown), [1, 2, 3]);
        assert_eq!(ints(&keep), [1, 2]);
        assert_eq!(cap(&keep), 2);
        // `grown` is now the only reference to its array: grown in place, same contents.
        let cap_before = cap(&grown) as usize;
        let more: Vec<Value> = (4..=cap_before as i64 + 1).map(Value::Int).collect();
        let grown = append(grown, &more, 8).expect("small");
        let expected: Vec<i64> = (1..=cap_before as i64 + 1).collect();
        assert_eq!(ints(&grown), expected);
        assert_eq!(
            cap(&grown) as usize,
            grown_cap(expected.len(), cap_before, 8)
        );
    }

    #[test]
    fn appending_bytes_grows_a_unique_buffer_and_spares_a_shared_one() {
        let buf = append_bytes(Value::Nil, b"ab").expect("small");
        let keep = buf.clone();
        let buf = append_bytes(buf, b"cdefghijk").expect("small");
        assert_eq!(ints(&keep), [97, 98]);
        let cap_before = cap(&buf) as usize;
        let tail = vec![b'z'; cap_before];
        let buf = append_bytes(buf, &tail).expect("small");
        assert_eq!(len(&buf) as usize, 11 + cap_before);
        assert_eq!(ints(&buf)[..11], *b"abcdefghijk".map(i64::from).as_slice());
        assert!(ints(&buf)[11..].iter().all(|&b| b == i64::from(b'z')));
        assert_eq!(
            cap(&buf) as usize,
            grown_cap(11 + cap_before, cap_before, 1)
        );
    }

    fn grow_sequence(elem: u8, n: usize) -> Vec<usize> {
        let mut s = Value::Nil;
        let mut caps = vec![];
        for i in 0..n {
            s = append(s, &[Value::Int(i as i64)], elem).expect("a small slice grows");
            let c = cap(&s) as usize;
            if caps.last() != Some(&c) {
                caps.push(c);
            }
        }
        caps
    }

    const GO_INT_CAPS: &[usize] = &[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560];
    const GO_BYTE_CAPS: &[usize] = &[8, 16, 32, 64, 128];
    const GO_STRING_CAPS: &[usize] = &[1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023];
}
