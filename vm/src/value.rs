//! The runtime value: one 16-byte enum for every Go value a slot, field, element or map entry can hold.
//!
//! Design (read this before emitting code for it):
//!
//! - **Scalars are inline.** Every integer type is `Int(i64)`: signed widths are
//!   stored sign-extended, unsigned widths zero-extended (`uint64` as its bit
//!   pattern). Arithmetic ops work on 64 bits and the compiler follows an op on a
//!   narrower type with `Op::Wrap`, so `int8(127)+1 == -128` as in Go. Unsigned
//!   division, remainder, comparison, right shift and conversion have their own
//!   ops. `float32` is `Float(f64)` holding a value rounded to `f32`; the compiler
//!   follows each float32 op with `Op::RoundF32`.
//! - **Aggregates live in shared storage.** A struct or array value is
//!   `Agg(Rc<Store>)`, its fields/elements in order (nested structs and arrays are
//!   nested `Agg`s). Go copies structs and arrays on assignment, so the compiler
//!   emits `Op::CopyAgg` (fresh deep copy) or `Op::AssignAgg` (copy *into* the
//!   existing storage, so pointers to it see the new value) wherever Go copies;
//!   a plain `Move` of an `Agg` would alias, which Go never does.
//! - **A pointer is a storage handle plus an index**: `Ptr(store, i)` points at
//!   element `i` of `store`, and `Ptr(store, WHOLE)` at the whole struct/array
//!   `store` is. A heap cell (a captured or address-taken variable, `new(int)`)
//!   is a one-element store, so `&x` of a cell variable is `Ptr(cell, 0)`.
//!   A pointer to an array that is only part of a larger store (`(*[2]int)(s[1:])`)
//!   is a `Slice` of that window, whose `len` and `cap` are the array's length:
//!   indexing, slicing, `len` and `range` treat it like the array, and
//!   `load_ptr`/`store_ptr` copy the window out and in.
//! - **Strings** are immutable bytes: up to 14 inline (`Short`, no allocation:
//!   most strings a program splits, compares or uses as keys are short), longer
//!   ones behind an `Rc` (`Str`). `Value::str` picks; `as_bytes` reads either.
//! - **Nil**: one `Nil` serves the nil pointer, slice, map, func, chan and the nil
//!   interface; the compiler knows the static type and fmt gets it from `RtType`.
//! - **Interfaces**: a value of interface type is `Nil` (the nil interface) or
//!   `Iface(Rc<Iface>)` = (dynamic type, value). An interface holding a nil
//!   pointer is `Iface { ty: *T, val: Nil }`, which is not `Nil`: Go's famous
//!   non-nil interface holding a nil pointer falls out of the representation.

use std::cell::RefCell;
use std::rc::Rc;

use crate::chan::Chan;
use crate::map::{MapIter, MapVal};
use crate::program::FuncProto;
use crate::rtype::RtTypeId;

/// Element index of a `Value::Ptr` that points at the whole aggregate.
pub const WHOLE: u32 = u32::MAX;

/// Shared storage of a struct, an array, a slice's backing array or a heap cell.
pub type Store = RefCell<Vec<Value>>;

/// A Go value. 16 bytes; scalars never allocate.
#[derive(Debug, Default)]
pub enum Value {
    /// The nil pointer/slice/map/func/chan and the nil interface.
    #[default]
    Nil,
    Bool(bool),
    /// Every integer type (see the module doc for widths).
    Int(i64),
    /// float64, and float32 kept rounded to f32.
    Float(f64),
    /// An immutable string's bytes, longer than `ShortStr::MAX`.
    Str(Rc<Vec<u8>>),
    /// A string of at most `ShortStr::MAX` bytes, held inline.
    Short(ShortStr),
    /// A struct or array value: its fields or elements.
    Agg(Rc<Store>),
    /// A pointer: element `.1` of the store, or the whole store when `.1 == WHOLE`.
    Ptr(Rc<Store>, u32),
    /// A non-nil slice.
    Slice(Rc<SliceVal>),
    /// A non-nil map.
    Map(Rc<RefCell<MapVal>>),
    /// A non-nil func value: a closure or a plain function.
    Func(Rc<Closure>),
    /// A native (Rust) function used as a func value, by its registry index.
    Native(u32),
    /// A non-nil interface value: dynamic type and value.
    Iface(Rc<Iface>),
    /// A non-nil channel (issue 5).
    Chan(Rc<Chan>),
    /// The state of a `for range` over a map (never visible to Go code).
    MapIter(Rc<RefCell<MapIter>>),
}

/// Cloning a scalar is a 16-byte copy, inlined at every use; only a heap
/// value takes the out-of-line path that bumps its reference count (the
/// derived clone was an out-of-line call for every register move and load).
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Nil => Value::Nil,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Native(id) => Value::Native(*id),
            Value::Short(s) => Value::Short(*s),
            heap => heap.clone_heap(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::Nil => Value::Nil,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Native(id) => Value::Native(*id),
            Value::Str(s) => Value::Str(s.clone()),
            Value::Short(s) => Value::Short(*s),
            Value::Agg(s) => Value::Agg(s.clone()),
            Value::Ptr(s, i) => Value::Ptr(s.clone(), *i),
            Value::Slice(s) => Value::Slice(s.clone()),
            Value::Map(m) => Value::Map(m.clone()),
            Value::Func(f) => Value::Func(f.clone()),
            Value::Iface(i) => Value::Iface(i.clone()),
            Value::Chan(c) => Value::Chan(c.clone()),
            Value::MapIter(it) => Value::MapIter(it.clone()),
        }
    }

    /// Whether this value owns no heap value (dropping it is a no-op).
    #[inline(always)]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Value::Nil
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Native(_)
                | Value::Short(_)
        )
    }

    /// Stores `v` in `slot`. Overwriting a scalar needs no drop glue, so the
    /// common case is a plain store instead of a call into `drop_in_place`.
    #[inline(always)]
    pub fn put(slot: &mut Value, v: Value) {
        if slot.is_scalar() {
            std::mem::forget(std::mem::replace(slot, v));
        } else {
            *slot = v;
        }
    }

    /// `put` for a register that may also hold a pointer (the `&wg` of a
    /// `wg.Add(1)` before `go func() { ... }()`): its count goes down
    /// inline, where `put` called the drop glue for it (goroutines
    /// benchmark: `MakeClosure`, `MakeClosureGo`).
    #[inline(always)]
    pub fn put_over_pointer(slot: &mut Value, v: Value) {
        match std::mem::replace(slot, v) {
            Value::Ptr(store, _) => drop(store),
            old if old.is_scalar() => std::mem::forget(old),
            old => drop(old),
        }
    }
}

/// A slice header: a window `off..off+len` of a backing store, with capacity `cap`.
#[derive(Debug)]
pub struct SliceVal {
    pub store: Rc<Store>,
    pub off: u32,
    pub len: u32,
    pub cap: u32,
}

/// A func value: an immutable prototype and the cells it captured.
#[derive(Debug)]
pub struct Closure {
    pub proto: Rc<FuncProto>,
    /// One cell per entry of `proto.captures`, shared with the enclosing frame.
    pub cells: Cells,
}

/// A closure's captured cells. Most closures capture one variable and
/// nearly all at most three (`go func() { defer wg.Done(); mu.Lock();
/// n++; mu.Unlock() }()` captures three): the first three cells are held
/// inline, so making such a closure allocates nothing but the closure and
/// dropping it frees nothing else (goroutines benchmark: a boxed slice for
/// cells 1 and 2, collected from an iterator, was a malloc, a free and
/// about 290 instructions per goroutine). Not an enum of sizes: a capture's
/// access (`LoadCapture` and the fused ops) stays a compare of the index,
/// an indexed load and a null check for any of the first three cells, with
/// no dispatch on the size.
///
/// Cells fill in order: cell `i` is set only when cell `i - 1` is, and
/// `rest` is non-empty only when all three inline cells are.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    /// Cells 0 to 2, the unset ones `None`.
    inline: [Option<Rc<Store>>; 3],
    /// Cells 3.. (empty, unallocated, for up to three captures).
    rest: Box<[Rc<Store>]>,
}

impl Cells {
    /// No captures (a plain function's value).
    pub fn none() -> Cells {
        Cells::default()
    }

    /// A single capture: no allocation.
    #[inline]
    pub fn one(cell: Rc<Store>) -> Cells {
        Cells {
            inline: [Some(cell), None, None],
            rest: Box::default(),
        }
    }

    /// Two or three captures: no allocation either. `third` only with
    /// `second` (cells fill in order).
    #[inline(always)]
    pub fn up_to_three(first: Rc<Store>, second: Rc<Store>, third: Option<Rc<Store>>) -> Cells {
        Cells {
            inline: [Some(first), Some(second), third],
            rest: Box::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.inline[0].is_none()
    }

    /// Lets the captured cells go. Inline for the common single capture:
    /// one test of cell 1 (cells fill in order) and the empty boxed slice
    /// is not handed to its (out-of-line) drop glue.
    /// Always inline: `SpareClosure::keep` called it out of line (defers).
    #[inline(always)]
    pub fn clear(&mut self) {
        let [first, second, third] = &mut self.inline;
        *first = None;
        if second.is_some() {
            *second = None;
            *third = None;
            if !self.rest.is_empty() {
                self.rest = Box::default();
            }
        }
    }

    /// Puts `cells` into cleared cells (see `clear`), again without calling
    /// the drop glue of an empty boxed slice for a single capture. Always
    /// inline: with three inline cells LLVM called it out of line (defers
    /// benchmark +5.4M instructions).
    #[inline(always)]
    pub fn refill(&mut self, cells: Cells) {
        let Cells {
            inline: [first, second, third],
            rest,
        } = cells;
        let [my_first, my_second, my_third] = &mut self.inline;
        *my_first = first;
        if second.is_none() && my_second.is_none() {
            // One capture or none: `third` is None and `rest` an empty boxed
            // slice, which own no allocation: nothing is leaked.
            std::mem::forget(third);
            std::mem::forget(rest);
        } else {
            *my_second = second;
            *my_third = third;
            if rest.is_empty() && self.rest.is_empty() {
                // Two or three captures (goroutines.go's closure): the empty
                // boxed slices own nothing, and replacing one called their
                // drop glue out of line (17 instructions per `go func`).
                std::mem::forget(rest);
            } else {
                self.rest = rest;
            }
        }
    }

    /// Puts up to three cells into cleared cells (see `clear`) in place,
    /// without testing the empty ones for something to drop (`third` only
    /// with `second`: cells fill in order).
    #[inline(always)]
    pub fn fill_cleared(
        &mut self,
        first: Rc<Store>,
        second: Option<Rc<Store>>,
        third: Option<Rc<Store>>,
    ) {
        debug_assert!(self.inline.iter().all(Option::is_none) && self.rest.is_empty());
        // Empty options own nothing: nothing is leaked.
        let [my_first, my_second, my_third] = &mut self.inline;
        std::mem::forget(my_first.replace(first));
        if second.is_some() {
            std::mem::forget(std::mem::replace(my_second, second));
            std::mem::forget(std::mem::replace(my_third, third));
        }
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Rc<Store>> {
        self.inline
            .iter()
            .map_while(Option::as_ref)
            .chain(self.rest.iter())
    }
}

impl std::ops::Index<usize> for Cells {
    type Output = Rc<Store>;

    /// Any of the first three cells is a compare of the index, a load and
    /// a null check, inline; cells 3.. are out of line. (Cells 1 and 2
    /// were out of line too: a call on every `mu.Lock()` of a closure's
    /// second capture, goroutines benchmark.)
    #[inline(always)]
    fn index(&self, i: usize) -> &Rc<Store> {
        // Cell 0 first, on its own: the common access keeps its two
        // branches (with one `get` for all three, closures.go took 0.5%
        // more instructions through `Vm::run`'s register allocation).
        let cell = if i == 0 {
            &self.inline[0]
        } else if i < self.inline.len() {
            &self.inline[i]
        } else {
            return self.later_cell(i);
        };
        match cell {
            Some(cell) => cell,
            None => no_cells(),
        }
    }
}

impl Cells {
    /// Cell `i`, one of `rest`.
    #[inline(never)]
    fn later_cell(&self, i: usize) -> &Rc<Store> {
        &self.rest[i - self.inline.len()]
    }
}

#[cold]
#[inline(never)]
fn no_cells() -> ! {
    panic!("gomini bug: a capture of a func value that captured nothing")
}

impl FromIterator<Rc<Store>> for Cells {
    fn from_iter<I: IntoIterator<Item = Rc<Store>>>(iter: I) -> Cells {
        let mut iter = iter.into_iter();
        Cells {
            inline: [iter.next(), iter.next(), iter.next()],
            rest: iter.collect(),
        }
    }
}

/// The bytes of a short string, inline in its `Value` (the enum's tag, the
/// length and `MAX` bytes make the 16 bytes every value takes). The bytes
/// past `len` are always zero (`new` is the only constructor), so two short
/// strings are equal exactly when their fields are: `==` is two word
/// compares, not a call to `memcmp`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ShortStr {
    len: u8,
    bytes: [u8; ShortStr::MAX],
}

impl ShortStr {
    /// The longest string held inline.
    pub const MAX: usize = 14;

    /// `bytes` inline, if they fit. The copy is two overlapping fixed-size
    /// moves (first and last 8, 4 or 2 bytes), as a small memcpy does, but
    /// without calling one: Split and Fields make a short string per part.
    #[inline]
    pub fn new(bytes: &[u8]) -> Option<ShortStr> {
        let n = bytes.len();
        if n > ShortStr::MAX {
            return None;
        }
        let mut short = ShortStr {
            len: n as u8,
            bytes: [0; ShortStr::MAX],
        };
        let to = &mut short.bytes;
        if n >= 8 {
            to[..8].copy_from_slice(&bytes[..8]);
            to[n - 8..n].copy_from_slice(&bytes[n - 8..]);
        } else if n >= 4 {
            to[..4].copy_from_slice(&bytes[..4]);
            to[n - 4..n].copy_from_slice(&bytes[n - 4..]);
        } else if n >= 2 {
            to[..2].copy_from_slice(&bytes[..2]);
            to[n - 2..n].copy_from_slice(&bytes[n - 2..]);
        } else if n == 1 {
            to[0] = bytes[0];
        }
        Some(short)
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

impl std::fmt::Debug for ShortStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_bytes())
    }
}

/// Values are copied, moved and stored everywhere: they must stay two words.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// An interface value holding a dynamic type.
#[derive(Debug)]
pub struct Iface {
    pub ty: RtTypeId,
    pub val: Value,
}

impl Value {
    /// A string value from bytes: inline when short, else shared on the heap.
    #[inline]
    pub fn str<B: AsRef<[u8]> + Into<Vec<u8>>>(bytes: B) -> Value {
        match ShortStr::new(bytes.as_ref()) {
            Some(short) => Value::Short(short),
            None => Value::Str(Rc::new(bytes.into())),
        }
    }

    /// A new struct/array value from its fields or elements.
    pub fn agg(items: Vec<Value>) -> Value {
        Value::Agg(Rc::new(RefCell::new(items)))
    }

    /// A new heap cell holding `v`, as the pointer `&cell`.
    pub fn new_cell(v: Value) -> Value {
        Value::Ptr(Rc::new(RefCell::new(vec![v])), 0)
    }

    /// Stores a new cell holding `v` into `slot`, reusing the cell `slot`
    /// already points at when nothing else can reach it: a function that boxes
    /// a variable (a named result captured by `defer func() { ... }()`) and is
    /// called again at the same stack depth finds last call's cell still in
    /// its register, and skipping the free and the two allocations (the `Rc`
    /// and the `Vec` buffer) saves about a fifth of such a call.
    ///
    /// Sound because `Rc::get_mut` succeeds only with no other strong and no
    /// weak reference: no pointer, closure, defer record, goroutine, global or
    /// race shadow holds the old cell, so no one can tell it from a fresh one
    /// (its contents are overwritten with `v`). Only the exact shape
    /// `new_cell` makes (element 0 of a one-element store) is reused. The
    /// caller clones `v` out of its register first, so `NewCell r r` on a
    /// uniquely owned pointer sees two owners and allocates.
    #[inline]
    pub fn renew_cell(slot: &mut Value, v: Value) {
        if let Value::Ptr(store, 0) = slot {
            if let Some(items) = Rc::get_mut(store).map(RefCell::get_mut) {
                if let [only] = items.as_mut_slice() {
                    Value::put(only, v);
                    return;
                }
            }
        }
        Value::put(slot, Value::new_cell(v));
    }

    /// Boxes `val` into an interface with dynamic type `ty`.
    pub fn iface(ty: RtTypeId, val: Value) -> Value {
        Value::Iface(Rc::new(Iface { ty, val }))
    }

    /// A new slice over fresh storage holding exactly `items`.
    pub fn slice(items: Vec<Value>) -> Value {
        let n = items.len() as u32;
        Value::Slice(Rc::new(SliceVal {
            store: Rc::new(RefCell::new(items)),
            off: 0,
            len: n,
            cap: n,
        }))
    }

    /// The integer payload; a non-int here is a compiler bug.
    #[inline]
    pub fn as_int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            other => bad_value("int", other),
        }
    }

    #[inline]
    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            other => bad_value("float", other),
        }
    }

    #[inline]
    pub fn as_bool(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            other => bad_value("bool", other),
        }
    }

    /// The bytes of a string value (a nil string cannot exist: strings start as "").
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Short(s) => s.as_bytes(),
            Value::Str(s) => s,
            other => bad_value("string", other),
        }
    }

    /// A deep copy where Go copies: struct and array values are duplicated
    /// recursively; everything else (pointers, slices, maps, strings) is shared.
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::Agg(store) => {
                let items = store.borrow().iter().map(Value::deep_copy).collect();
                Value::agg(items)
            }
            other => other.clone(),
        }
    }

    /// Whether this is an aggregate whose storage is reachable only through
    /// this value: no other register, pointer, cell, global, closure, channel
    /// buffer, deferred call or goroutine holds it (every holder owns a strong
    /// count, and no `Weak` exists outside the race detector). `Op::ShareAgg`
    /// may then lend it to a read-only callee instead of copying it. That it
    /// is flat (no nested aggregate, whose storage a pointer `&v.inner` could
    /// reach) is known statically: share.rs lends only parameters of a flat
    /// struct or array type, so the items are not scanned here (methods
    /// benchmark: a borrow and a loop over the fields per call).
    #[inline]
    pub fn uniquely_owned(&self) -> bool {
        match self {
            Value::Agg(store) => Rc::strong_count(store) == 1 && Rc::weak_count(store) == 0,
            _ => false,
        }
    }

    /// Go's `==` on two values of the same comparable type. Incomparable
    /// dynamic types in interfaces are caught by the caller (`Vm::equal`).
    /// Two short strings or two ints (a `w == "delta"` in a loop) compare
    /// inline; everything else takes the out-of-line match.
    #[inline(always)]
    pub fn go_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Short(a), Value::Short(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            _ => self.go_eq_general(other),
        }
    }

    #[inline(never)]
    fn go_eq_general(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Short(a), Value::Short(b)) => a == b,
            (Value::Str(_) | Value::Short(_), Value::Str(_) | Value::Short(_)) => {
                self.as_bytes() == other.as_bytes()
            }
            // No shortcut for one store compared with itself: a NaN field
            // makes a struct unequal to itself (`p == p` is false).
            (Value::Agg(a), Value::Agg(b)) => {
                let (a, b) = (a.borrow(), b.borrow());
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.go_eq(y))
            }
            (Value::Ptr(a, i), Value::Ptr(b, j)) => Rc::ptr_eq(a, b) && i == j,
            // Pointers to arrays inside a larger store (slices never compare).
            (Value::Slice(a), Value::Slice(b)) => {
                Rc::ptr_eq(&a.store, &b.store) && a.off == b.off && a.len == b.len
            }
            (Value::Map(a), Value::Map(b)) => Rc::ptr_eq(a, b),
            (Value::Chan(a), Value::Chan(b)) => Rc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            (Value::Iface(a), Value::Iface(b)) => a.ty == b.ty && a.val.go_eq(&b.val),
            _ => false,
        }
    }

    /// A pseudo-address for `%p` and printing pointers (may differ from Go's,
    /// as SUBSET.md allows). It must not be the real heap address: that
    /// changes from run to run (ASLR), and a run must be a pure function of
    /// (program, seed). Each object gets a Go-looking base in the order it is
    /// first printed (`pseudo_base`); an element adds 16 bytes per index.
    pub fn address(&self) -> usize {
        let (obj, offset) = match self {
            Value::Ptr(s, i) => (
                Rc::as_ptr(s) as *const () as usize,
                if *i == WHOLE { 0 } else { *i as usize * 16 },
            ),
            Value::Agg(s) => (Rc::as_ptr(s) as *const () as usize, 0),
            Value::Slice(s) => (
                Rc::as_ptr(&s.store) as *const () as usize,
                s.off as usize * 16,
            ),
            Value::Map(m) => (Rc::as_ptr(m) as *const () as usize, 0),
            Value::Func(f) => (Rc::as_ptr(f) as *const () as usize, 0),
            Value::Chan(c) => (Rc::as_ptr(c) as *const () as usize, 0),
            _ => return 0,
        };
        pseudo_base(obj) + offset
    }
}

thread_local! {
    /// Real object address -> pseudo-address, assigned in first-printed order.
    static PSEUDO_ADDRS: std::cell::RefCell<std::collections::HashMap<usize, usize>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Forgets the pseudo-addresses handed out on this thread, so that the next
/// run numbers its objects from `0xc000010000` again (explore runs many
/// programs on one thread; each must print what it would print alone).
pub fn reset_pseudo_addresses() {
    PSEUDO_ADDRS.with(|m| m.borrow_mut().clear());
}

/// The pseudo-address of the object at real address `obj`: objects are
/// numbered as they are first printed, 64 KiB apart from `0xc000010000`
/// (where Go's heap addresses start), so output never shows the real heap.
fn pseudo_base(obj: usize) -> usize {
    PSEUDO_ADDRS.with(|m| {
        let mut m = m.borrow_mut();
        let n = m.len();
        *m.entry(obj).or_insert(0xc0_0001_0000 + n * 0x1_0000)
    })
}

/// Reads through a pointer; `None` for the nil pointer. Always inlined: `Vm::run`
/// is too large for LLVM to inline even a small callee on its own (issue 9).
#[inline(always)]
pub fn load_ptr(ptr: &Value) -> Option<Value> {
    match ptr {
        Value::Ptr(store, WHOLE) => Some(Value::Agg(store.clone())),
        Value::Ptr(store, i) => Some(store.borrow()[*i as usize].clone()),
        Value::Slice(window) => Some(load_array_window(window)),
        _ => None,
    }
}

/// The int a pointer to one cell or element points at, if it is an int
/// (`Load`'s and `LoadGlobalCell`'s fast path): no `Value` clone, which LLVM
/// built on the stack with narrow stores and copied with a wide load (a
/// store-forwarding stall).
#[inline(always)]
pub fn load_int(ptr: &Value) -> Option<i64> {
    match ptr {
        Value::Ptr(store, i) if *i != WHOLE => match store.borrow()[*i as usize] {
            Value::Int(v) => Some(v),
            _ => None,
        },
        _ => None,
    }
}

/// Stores int `v` through a pointer to one cell or element and says whether
/// it could (`Store`'s and `StoreGlobalCell`'s fast path; see `load_int`).
/// An int over an int is one 8-byte store.
#[inline(always)]
pub fn store_int(ptr: &Value, v: i64) -> bool {
    match ptr {
        Value::Ptr(store, i) if *i != WHOLE => {
            match &mut store.borrow_mut()[*i as usize] {
                Value::Int(old) => *old = v,
                other => *other = Value::Int(v),
            }
            true
        }
        _ => false,
    }
}

/// `load_ptr` of a pointer to an array inside a larger store: a copy of the
/// window. Out of line so that `load_ptr` stays small enough to inline into
/// `Vm::run`'s `Load` (inlined with this arm it was a call per `*p`: 4% of
/// the defers benchmark, issue 9).
#[cold]
#[inline(never)]
fn load_array_window(window: &SliceVal) -> Value {
    let (from, to) = (window.off as usize, (window.off + window.len) as usize);
    Value::agg(
        window.store.borrow()[from..to]
            .iter()
            .map(Value::deep_copy)
            .collect(),
    )
}

/// Writes through a pointer; `false` for the nil pointer. Storing a whole
/// aggregate copies into the pointee, as `*p = v` does in Go. Always inlined:
/// with two callers in `Vm::run` (`Store`, `StoreGlobalCell`) LLVM made it a
/// call costing 47 instructions per store (defers benchmark).
#[inline(always)]
pub fn store_ptr(ptr: &Value, v: Value) -> bool {
    match ptr {
        Value::Ptr(store, WHOLE) => {
            assign_agg(store, &v);
            true
        }
        Value::Ptr(store, i) => {
            // `put`: an int stored over an int (a counter, a named result)
            // makes no call into drop glue.
            Value::put(&mut store.borrow_mut()[*i as usize], v);
            true
        }
        Value::Slice(window) => {
            store_array_window(window, v);
            true
        }
        _ => false,
    }
}

/// `store_ptr` through a pointer to an array inside a larger store; out of
/// line for the same reason as `load_array_window`.
#[cold]
#[inline(never)]
fn store_array_window(window: &SliceVal, v: Value) {
    let Value::Agg(src) = &v else {
        bad_value("array", &v)
    };
    let copied: Vec<Value> = src.borrow().iter().map(Value::deep_copy).collect();
    let from = window.off as usize;
    let mut store = window.store.borrow_mut();
    for (d, s) in store[from..].iter_mut().zip(copied) {
        *d = s;
    }
}

/// Copies the fields of aggregate `src` into the storage `dst` (Go's struct/array assignment).
pub fn assign_agg(dst: &Rc<Store>, src: &Value) {
    let Value::Agg(src) = src else {
        bad_value("struct or array", src)
    };
    if Rc::ptr_eq(dst, src) {
        return;
    }
    let copied: Vec<Value> = src.borrow().iter().map(Value::deep_copy).collect();
    let mut dst = dst.borrow_mut();
    for (d, s) in dst.iter_mut().zip(copied) {
        match d {
            // A nested aggregate keeps its storage, so pointers into it stay valid.
            Value::Agg(inner) => {
                let inner = inner.clone();
                assign_agg(&inner, &s);
            }
            d => *d = s,
        }
    }
}

/// A value of the wrong kind where the compiler promised another: a gomini bug.
#[cold]
#[inline(never)]
pub fn bad_value(expected: &str, got: &Value) -> ! {
    panic!("gomini bug: the compiler promised a {expected} operand but the slot holds {got:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_strings_are_inline_and_equal_by_bytes_whatever_their_form() {
        let short = Value::str("abcdefghijklmn");
        assert!(matches!(short, Value::Short(_)));
        let long = Value::str("abcdefghijklmno");
        assert!(matches!(long, Value::Str(_)));
        assert_eq!(long.as_bytes(), b"abcdefghijklmno");
        assert!(short.go_eq(&Value::str(b"abcdefghijklmn".to_vec())));
        assert!(!short.go_eq(&Value::str("abcdefghijklm")));
        assert!(!Value::str("").go_eq(&Value::str("\0")));
        // A heap string as short as an inline one (not made by `Value::str`) still compares by bytes.
        let heap_short = Value::Str(Rc::new(b"abc".to_vec()));
        assert!(heap_short.go_eq(&Value::str("abc")) && Value::str("abc").go_eq(&heap_short));
        assert!(long.go_eq(&Value::str(String::from("abcdefghijklmno"))));
    }

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn struct_assignment_copies_and_pointers_alias() {
        // a := P{1, 2}; p := &a; b := a; b.X = 9; p.Y = 7
        let a = Value::agg(vec![Value::Int(1), Value::Int(2)]);
        let Value::Agg(a_store) = &a else {
            unreachable!()
        };
        let p = Value::Ptr(a_store.clone(), WHOLE);
        let b = a.deep_copy();
        let Value::Agg(b_store) = &b else {
            unreachable!()
        };
        b_store.borrow_mut()[0] = Value::Int(9);
        let field_y = Value::Ptr(a_store.clone(), 1);
        assert!(store_ptr(&field_y, Value::Int(7)));
        assert_eq!(a_store.borrow()[0].as_int(), 1);
        assert_eq!(a_store.borrow()[1].as_int(), 7);
        assert!(load_ptr(&p).unwrap().go_eq(&a));
        assert!(!a.go_eq(&b));
    }

    #[test]
    fn nil_interface_differs_from_interface_holding_nil_pointer() {
        let nil_iface = Value::Nil;
        let holds_nil_ptr = Value::iface(RtTypeId(7), Value::Nil);
        assert!(!nil_iface.go_eq(&holds_nil_ptr));
        assert!(holds_nil_ptr.go_eq(&Value::iface(RtTypeId(7), Value::Nil)));
        assert!(!holds_nil_ptr.go_eq(&Value::iface(RtTypeId(8), Value::Nil)));
    }
}
