//! Frame buffers for `append` (Go's 32-byte stack buffer): the run-time half of the decisions escape.rs makes.
//!
//! A buffered append site has a *state* register in its frame, `Nil` until
//! the site (or its variable's other sites) takes the buffer, then a slice
//! header over the buffer's store. Go's rules (see escape.rs):
//! - [`BufMode::Whole`](crate::escape::BufMode): when the append must grow an
//!   empty slice and the new length fits, the slice gets the whole buffer
//!   (`cap = 32 / size`), once per frame.
//! - [`BufMode::Ladder`](crate::escape::BufMode) (`LADDER` in the op's elem
//!   byte): every growth that fits moves the elements to the buffer's start
//!   and takes the next size class of the length (`growsliceBuf`).
//!
//! Anything else grows exactly as [`crate::slice::append`] does, on the heap.
//! `MoveToHeap` copies a slice out of its buffer before it leaves the frame.

use std::cell::RefCell;
use std::rc::Rc;

use crate::limits::Refused;
use crate::op::Reg;
use crate::value::{SliceVal, Store, Value};

/// Go's buffer size (`base.Debug.VariableMakeThreshold`).
pub const BUF_BYTES: usize = 32;

/// Flag in the `elem` byte of `AppendStack`/`AppendSliceStack`: ladder mode;
/// of `MoveToHeap`: keep the capacity. Free because buffered elements are at most 32 bytes.
pub const MODE_FLAG: u8 = 0x40;

/// The element layout byte without the mode flag, as [`crate::slice::append`] reads it.
fn plain(elem: u8) -> u8 {
    elem & !MODE_FLAG
}

fn size(elem: u8) -> usize {
    (elem & 0x3f) as usize
}

fn parts(s: &Value) -> (Option<&Rc<SliceVal>>, usize, usize) {
    match s {
        Value::Slice(h) => (Some(h), h.len as usize, h.cap as usize),
        _ => (None, 0, 0),
    }
}

fn buffer_store(state: &Value) -> Option<&Rc<Store>> {
    match state {
        Value::Slice(h) => Some(&h.store),
        _ => None,
    }
}

/// `R[dst] = append(R[s], items...)` for `AppendStack`/`AppendSliceStack`,
/// whose scratch register is `scratch` and state the register after it.
pub fn run(
    regs: &mut [Value],
    dst: Reg,
    s: Reg,
    scratch: Reg,
    items: &[Value],
    elem: u8,
) -> Result<(), Refused> {
    // Taking the old header when it is overwritten keeps it unique (see `Op::Append`).
    let slice = if s == dst {
        std::mem::take(&mut regs[s as usize])
    } else {
        regs[s as usize].clone()
    };
    let state_reg = scratch as usize + 1;
    let mut state = std::mem::take(&mut regs[state_reg]);
    let appended = append(slice, items, elem, &mut state);
    regs[state_reg] = state;
    regs[dst as usize] = appended?;
    Ok(())
}

/// `append(s, items...)` at a buffered site whose frame state is `state`.
pub fn append(s: Value, items: &[Value], elem: u8, state: &mut Value) -> Result<Value, Refused> {
    let size = size(elem);
    let (header, old_len, old_cap) = parts(&s);
    let new_len = old_len + items.len();
    if items.is_empty() || size == 0 || new_len <= old_cap || new_len > BUF_BYTES / size {
        return crate::slice::append(s, items, plain(elem));
    }
    let k = BUF_BYTES / size;
    let zero = crate::slice::zero_like(&items[0]);
    if elem & MODE_FLAG == 0 {
        // The whole buffer, for an empty slice, once per frame.
        if !matches!(state, Value::Nil) || old_len != 0 {
            return crate::slice::append(s, items, plain(elem));
        }
        let mut store = Vec::with_capacity(k);
        store.extend_from_slice(items);
        store.resize(k, zero);
        let store = Rc::new(RefCell::new(store));
        *state = header_over(store.clone(), 0, k);
        return Ok(header_over(store, new_len, k));
    }
    // Ladder: reuse the buffer, the elements at its start, one size class at a time.
    let buffer = match buffer_store(state) {
        Some(b) => b.clone(),
        None => {
            let b = Rc::new(RefCell::new(vec![zero.clone(); k]));
            *state = header_over(b.clone(), 0, k);
            b
        }
    };
    if let Some(h) = header {
        let off = h.off as usize;
        if Rc::ptr_eq(&h.store, &buffer) {
            if off != 0 {
                let mut store = buffer.borrow_mut();
                let moved = store[off..off + old_len].to_vec();
                store[..old_len].clone_from_slice(&moved);
            }
        } else if old_len != 0 {
            let src = h.store.borrow();
            let mut dst = buffer.borrow_mut();
            dst[..old_len].clone_from_slice(&src[off..off + old_len]);
        }
    }
    let new_cap = crate::slice::roundup_size(new_len * size, elem & 0x80 != 0) / size;
    {
        let mut dst = buffer.borrow_mut();
        dst[old_len..new_len].clone_from_slice(items);
        for slot in &mut dst[new_len..new_cap] {
            *slot = zero.clone();
        }
    }
    Ok(header_over(buffer, new_len, new_cap))
}

/// Go's move2heap before a slice leaves the frame: a slice in this frame's
/// buffer `state` is copied to the heap, keeping its capacity when `elem` has
/// [`MODE_FLAG`], else with the size class of its length. Others are unchanged.
pub fn move_to_heap(s: &mut Value, state: &Value, elem: u8) {
    let (Value::Slice(h), Some(buffer)) = (&*s, buffer_store(state)) else {
        return;
    };
    if !Rc::ptr_eq(&h.store, buffer) {
        return;
    }
    let (off, len) = (h.off as usize, h.len as usize);
    let keep_cap = elem & MODE_FLAG != 0;
    let cap = if keep_cap {
        h.cap as usize
    } else if len == 0 {
        0
    } else {
        crate::slice::roundup_size(len * size(elem), elem & 0x80 != 0) / size(elem)
    };
    let copied = if keep_cap { cap } else { len };
    let mut store: Vec<Value> = buffer.borrow()[off..off + copied].to_vec();
    if let Some(first) = store.first() {
        let zero = crate::slice::zero_like(first);
        store.resize(cap, zero);
    }
    *s = header_over(Rc::new(RefCell::new(store)), len, cap);
}

fn header_over(store: Rc<Store>, len: usize, cap: usize) -> Value {
    Value::Slice(Rc::new(SliceVal {
        store,
        off: 0,
        len: len as u32,
        cap: cap as u32,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[]int`: 8 bytes, no pointers.
    const INT: u8 = 8;

    fn ints(v: &Value) -> Vec<i64> {
        crate::slice::items(v)
            .iter()
            .map(|x| match x {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    fn caps_of(v: &Value) -> (usize, usize) {
        match v {
            Value::Slice(h) => (h.len as usize, h.cap as usize),
            _ => (0, 0),
        }
    }

    #[test]
    fn the_whole_buffer_is_taken_once_per_frame_by_an_empty_slice() {
        let mut state = Value::Nil;
        let s = append(Value::Nil, &[Value::Int(1)], INT, &mut state).unwrap();
        assert_eq!(caps_of(&s), (1, 4));
        // Taken: the next empty slice grows on the heap as usual.
        let t = append(Value::Nil, &[Value::Int(1)], INT, &mut state).unwrap();
        assert_eq!(caps_of(&t), (1, 1));
        // Too many elements at once for the buffer.
        let mut fresh = Value::Nil;
        let items = vec![Value::Int(0); 5];
        let u = append(Value::Nil, &items, INT, &mut fresh).unwrap();
        assert_eq!((caps_of(&u), matches!(fresh, Value::Nil)), ((5, 6), true));
    }

    #[test]
    fn ladder_growth_climbs_size_classes_inside_the_buffer_then_leaves_it() {
        let mut state = Value::Nil;
        let mut s = Value::Nil;
        let mut caps = Vec::new();
        for i in 0..6 {
            s = append(s, &[Value::Int(i)], INT | MODE_FLAG, &mut state).unwrap();
            caps.push(caps_of(&s).1);
        }
        assert_eq!(caps, [1, 2, 3, 4, 8, 8]);
        assert_eq!(ints(&s), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn moving_to_the_heap_trims_or_keeps_the_capacity_and_copies() {
        let mut state = Value::Nil;
        let s = append(Value::Nil, &[Value::Int(7)], INT, &mut state).unwrap();
        let mut trimmed = s.clone();
        move_to_heap(&mut trimmed, &state, INT);
        assert_eq!(caps_of(&trimmed), (1, 1));
        let mut kept = s.clone();
        move_to_heap(&mut kept, &state, INT | MODE_FLAG);
        assert_eq!(caps_of(&kept), (1, 4));
        // A copy: writing the buffer does not change the moved slice.
        let again = append(s, &[Value::Int(8)], INT, &mut state).unwrap();
        assert_eq!(ints(&again), [7, 8]);
        assert_eq!(ints(&kept), [7]);
        // A heap slice is left alone.
        let mut heap = Value::slice(vec![Value::Int(1)]);
        move_to_heap(&mut heap, &state, INT);
        assert_eq!(caps_of(&heap), (1, 1));
    }
}
