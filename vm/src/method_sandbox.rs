//! Event text of values with `Error()` and `String()` methods: the methods run in a sandbox, a copy of the program's heap.
//!
//! A trace shows values as `%v` prints them, and `%v` calls the program's own
//! `Error()` and `String()` methods. Calling them in the traced run itself
//! would change it: the calls execute instructions (the step counts and
//! quanta the scheduler sees move), may draw from the seeded generator (a map
//! range), may write to the heap or print. So a trace never runs Go code in
//! the program's VM. Instead, when an event needs such a method (only with a
//! sink attached), `Vm::method_text`:
//!
//! 1. copies every package-level variable and the value, preserving sharing
//!    and cycles (`HeapCopy`, iterative: no Rust recursion on deep lists),
//!    into a fresh `Vm` of the same program with the same virtual clock;
//! 2. drives fmt's own printer (`Printer::print_typed`, the engine of `fmt.Sprint`)
//!    over the value: each `NeedCall` for an `Error()`/`String()` method runs
//!    in the sandbox as an ordinary Go call on the sandbox goroutine's frame
//!    stack, and a method that panics gives fmt's `%!v(PANIC=Error method: ...)`;
//! 3. drops the sandbox. The traced run's heap, globals, output, generator,
//!    step counter and schedule are untouched, so tracing does not change
//!    what a program prints or how it is scheduled.
//!
//! Limits: a method that runs longer than `SANDBOX_STEPS` instructions, blocks
//! (it would need another goroutine), or a heap larger than `COPY_LIMIT`
//! values gives up, and the value shows as before, without its methods.
//! A method sees the heap as it is at the event, as `fmt` would at that point.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::chan::{Chan, ChanState};
use crate::fmt::{NeedCall, Printer};
use crate::frame::ReturnTo;
use crate::goroutine::{Goroutine, Stop};
use crate::map::MapVal;
use crate::rtype::RtTypeId;
use crate::value::{Closure, Iface, SliceVal, Store, Value};
use crate::Vm;

/// At most this many values are copied into a sandbox; a bigger heap shows values without methods.
pub const COPY_LIMIT: usize = 1_000_000;

/// At most this many instructions run in one sandbox (all its method calls together).
pub const SANDBOX_STEPS: u64 = 1_000_000;

/// At most this many method calls format one value (fmt restarts after each).
const MAX_CALLS: usize = 64;

/// Instructions per `Vm::run` slice in the sandbox.
const SLICE: u32 = 10_000;

/// A copy of a heap graph: each store, map, channel and interface of the
/// original is copied once (so sharing and cycles survive); containers are
/// allocated when first met and filled from `pending`, never by recursion.
#[derive(Default)]
struct HeapCopy {
    /// Copies by the address of the original allocation.
    stores: HashMap<usize, Rc<Store>>,
    maps: HashMap<usize, Rc<RefCell<MapVal>>>,
    chans: HashMap<usize, Rc<Chan>>,
    /// Originals whose copies are allocated but not yet filled.
    pending: Vec<Pending>,
    /// Values copied so far (bounded by `COPY_LIMIT`).
    copied: usize,
}

enum Pending {
    Store(Rc<Store>, Rc<Store>),
    Map(Rc<RefCell<MapVal>>, Rc<RefCell<MapVal>>),
    Chan(Rc<Chan>, Rc<Chan>),
}

impl HeapCopy {
    /// The copy of `v` with everything it reaches; `None` past `COPY_LIMIT`.
    fn copy(&mut self, v: &Value) -> Option<Value> {
        let out = self.shallow(v);
        while let Some(p) = self.pending.pop() {
            match p {
                Pending::Store(from, to) => {
                    let items: Vec<Value> = from.borrow().iter().map(|v| self.shallow(v)).collect();
                    self.copied += items.len();
                    *to.borrow_mut() = items;
                }
                Pending::Map(from, to) => {
                    let from = from.borrow();
                    self.copied += from.len();
                    for (k, v) in from.iter() {
                        let key = self.key(&k);
                        let value = self.shallow(&v);
                        // Refused memory: the copy fails as a too big one does.
                        to.borrow_mut().insert(key, value).ok()?;
                    }
                }
                Pending::Chan(from, to) => {
                    let buf: Vec<Value> = from
                        .state
                        .borrow()
                        .buf
                        .iter()
                        .map(|v| self.shallow(v))
                        .collect();
                    self.copied += buf.len();
                    to.state.borrow_mut().buf.extend(buf);
                }
            }
            if self.copied > COPY_LIMIT {
                return None;
            }
        }
        Some(out)
    }

    /// The copy of `v` whose containers may still be empty (listed in `pending`).
    fn shallow(&mut self, v: &Value) -> Value {
        match v {
            Value::Agg(s) => Value::Agg(self.store(s)),
            Value::Ptr(s, i) => Value::Ptr(self.store(s), *i),
            Value::Slice(s) => Value::Slice(Rc::new(SliceVal {
                store: self.store(&s.store),
                off: s.off,
                len: s.len,
                cap: s.cap,
            })),
            Value::Map(m) => {
                let key = Rc::as_ptr(m) as usize;
                let copy = match self.maps.get(&key) {
                    Some(c) => c.clone(),
                    None => {
                        let c = Rc::new(RefCell::new(MapVal::default()));
                        self.maps.insert(key, c.clone());
                        self.pending.push(Pending::Map(m.clone(), c.clone()));
                        c
                    }
                };
                Value::Map(copy)
            }
            Value::Chan(c) => {
                let key = Rc::as_ptr(c) as usize;
                let copy = match self.chans.get(&key) {
                    Some(copy) => copy.clone(),
                    None => {
                        let copy = Rc::new(Chan {
                            cap: c.cap,
                            zero: c.zero.clone(),
                            id: c.id,
                            elem: c.elem,
                            state: RefCell::new(ChanState {
                                closed: c.state.borrow().closed,
                                ..ChanState::default()
                            }),
                        });
                        self.chans.insert(key, copy.clone());
                        self.pending.push(Pending::Chan(c.clone(), copy.clone()));
                        copy
                    }
                };
                Value::Chan(copy)
            }
            Value::Func(f) if !f.cells.is_empty() => Value::Func(Rc::new(Closure {
                proto: f.proto.clone(),
                cells: f.cells.iter().map(|c| self.store(c)).collect(),
            })),
            // An interface's value is never itself an interface: one level.
            Value::Iface(i) => Value::Iface(Rc::new(Iface {
                ty: i.ty,
                val: self.shallow(&i.val),
            })),
            // Scalars, immutable strings, plain functions, natives, iterators.
            other => other.clone(),
        }
    }

    /// The copy of a map key, complete at once: the map hashes it on insertion.
    /// Keys are comparable, so their aggregates nest only as deep as their type.
    fn key(&mut self, v: &Value) -> Value {
        match v {
            Value::Agg(s) => {
                let items: Vec<Value> = s.borrow().iter().map(|v| self.key(v)).collect();
                Value::agg(items)
            }
            Value::Iface(i) => Value::Iface(Rc::new(Iface {
                ty: i.ty,
                val: self.key(&i.val),
            })),
            other => self.shallow(other),
        }
    }

    fn store(&mut self, s: &Rc<Store>) -> Rc<Store> {
        let key = Rc::as_ptr(s) as usize;
        if let Some(copy) = self.stores.get(&key) {
            return copy.clone();
        }
        let copy: Rc<Store> = Rc::new(RefCell::new(Vec::new()));
        self.stores.insert(key, copy.clone());
        self.pending.push(Pending::Store(s.clone(), copy.clone()));
        copy
    }
}

/// A throwaway VM holding a copy of the traced VM's heap.
struct Sandbox {
    vm: Vm,
    heap: HeapCopy,
}

impl Sandbox {
    fn new(of: &Vm) -> Option<Sandbox> {
        let mut vm = Vm::with_shared_program(of.program.clone(), 0);
        vm.sched.now = of.sched.now;
        vm.limits.interrupt = of.limits.interrupt.clone();
        let mut heap = HeapCopy::default();
        let mut globals = Vec::with_capacity(of.globals.len());
        for g in &of.globals {
            globals.push(heap.copy(g)?);
        }
        vm.globals = globals;
        Some(Sandbox { vm, heap })
    }

    /// Runs `callee(args)` (values of the traced heap) to its end: its result,
    /// or the value it panicked with (an interface, as fmt's catchPanic gets it).
    fn call(&mut self, callee: &Value, args: &[Value]) -> Option<Value> {
        let callee = self.heap.copy(callee)?;
        let args = args
            .iter()
            .map(|a| self.heap.copy(a))
            .collect::<Option<Vec<_>>>()?;
        let mut g = Box::new(Goroutine::new(1));
        self.vm
            .push_call(&mut g, callee, args, ReturnTo::Caller)
            .ok()?;
        loop {
            if self.vm.steps > SANDBOX_STEPS {
                return None;
            }
            match self.vm.run(&mut g, SLICE) {
                Stop::Finished => return Some(std::mem::take(g.slots.first_mut()?)),
                Stop::Preempted | Stop::Yielded => {}
                Stop::Panicked(_) => return g.panics.last().map(|p| p.value.clone()),
                _ => return None,
            }
        }
    }
}

impl Vm {
    /// `v`, of static type `ty`, as `%v` prints it, its `Error()`/`String()`
    /// methods run in a sandbox (module doc); `None` when the sandbox gave up.
    /// Only for events: callers have a sink attached.
    #[cold]
    pub(crate) fn method_text(&self, ty: RtTypeId, v: &Value) -> Option<String> {
        let mut results: Vec<Value> = Vec::new();
        let mut sandbox: Option<Sandbox> = None;
        for _ in 0..=MAX_CALLS {
            let mut printer = Printer::new(&self.program, &results);
            match printer.print_typed(v, ty) {
                Ok(()) => return Some(String::from_utf8_lossy(&printer.buf).into_owned()),
                Err(NeedCall { callee, args }) => {
                    let sandbox = match &mut sandbox {
                        Some(s) => s,
                        None => sandbox.insert(Sandbox::new(self)?),
                    };
                    results.push(sandbox.call(&callee, &args)?);
                }
            }
        }
        None
    }

    /// Whether `%v` of a value of dynamic type `ty` calls an `Error()` or
    /// `String()` method of the program: then its text needs `method_text`.
    pub(crate) fn has_text_method(&self, ty: RtTypeId) -> bool {
        let types = &self.program.types;
        let string = RtTypeId::FUNC_STRING;
        types.method_with_sig(ty, "Error", string).is_some()
            || types.method_with_sig(ty, "String", string).is_some()
    }
}
