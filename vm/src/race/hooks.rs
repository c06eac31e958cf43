//! The VM's side of `--race`: the calls `exec.rs`, `chan.rs`, `sched.rs` make, each behind one `if self.race.is_some()`.
//!
//! The interpreter loop tests `Vm::race` and calls a `#[cold]` method here, so
//! with `--race` off an access costs one predictable branch and the loop's
//! code stays as it was.

use std::rc::Rc;

use super::{AccessObserver, ObjectRef, RaceDetector};
use crate::chan::Chan;
use crate::frame::Frame;
use crate::goroutine::Goroutine;
use crate::natives::{NativeId, Quick, NATIVES};
use crate::value::{Store, Value, WHOLE};
use crate::Vm;

/// How a native synchronizes (Go's own race annotations in sync, sync/atomic, time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NativeSync {
    Plain,
    MutexLock,
    MutexUnlock,
    MutexTryLock,
    RwLock,
    RwUnlock,
    RwRLock,
    RwRUnlock,
    WgAdd,
    WgWait,
    AtomicLoad,
    AtomicStore,
    AtomicRmw,
    AtomicCas,
    ArmTimer,
    Copy,
    /// A `strings.Builder` method: its accesses (race/builder.rs).
    Builder(super::BuilderMethod),
}

fn native_sync(name: &str) -> NativeSync {
    use NativeSync::*;
    match name {
        "(*sync.Mutex).Lock" => MutexLock,
        "(*sync.Mutex).Unlock" => MutexUnlock,
        "(*sync.Mutex).TryLock" => MutexTryLock,
        "(*sync.RWMutex).Lock" => RwLock,
        "(*sync.RWMutex).Unlock" => RwUnlock,
        "(*sync.RWMutex).RLock" => RwRLock,
        "(*sync.RWMutex).RUnlock" => RwRUnlock,
        "(*sync.WaitGroup).Add" => WgAdd,
        "(*sync.WaitGroup).Wait" => WgWait,
        "time.startTimer" | "time.startFuncTimer" | "time.resetTimer" => ArmTimer,
        "builtin.copy" => Copy,
        _ if name.starts_with("(*strings.Builder).") => {
            use super::BuilderMethod as M;
            match &name["(*strings.Builder).".len()..] {
                "Write" => Builder(M::Write),
                "WriteByte" => Builder(M::WriteByte),
                "WriteRune" => Builder(M::WriteRune),
                "WriteString" => Builder(M::WriteString),
                "Grow" => Builder(M::Grow),
                "String" => Builder(M::String),
                "Len" => Builder(M::Len),
                "Cap" => Builder(M::Cap),
                "Reset" => Builder(M::Reset),
                _ => Plain,
            }
        }
        _ => match name.strip_prefix("sync/atomic.") {
            Some(op) if op.starts_with("Load") => AtomicLoad,
            Some(op) if op.starts_with("Store") => AtomicStore,
            Some(op) if op.starts_with("CompareAndSwap") => AtomicCas,
            Some(_) => AtomicRmw,
            Option::None => Plain,
        },
    }
}

/// The bytes `WriteRune` writes for `r` (an invalid rune is U+FFFD's three).
fn rune_len(r: i64) -> i64 {
    match u32::try_from(r).ok().and_then(char::from_u32) {
        Some(c) => c.len_utf8() as i64,
        None => 3,
    }
}

/// Roles of a sync object's clocks (the second half of a `syncs` key).
const MUTEX: u32 = 0;
const RW_READER_SEM: u32 = 1;
const RW_WRITER_SEM: u32 = 2;
const WAIT_GROUP: u32 = 3;
/// An atomic at element `i` of a store: `ATOMIC + i`.
const ATOMIC: u32 = 16;
/// `WaitGroup`'s fields are [n, sema]; Go checks Add against Wait on `&wg.sema`.
const WG_SEMA: u32 = 1;

/// The address of a sync struct's fields: the first half of its `syncs` keys.
fn address_of(store: &Rc<Store>) -> usize {
    Rc::as_ptr(store) as *const () as usize
}

/// The struct a sync method's receiver points at, and its address.
fn receiver(v: &Value) -> Option<(&Rc<Store>, usize)> {
    match v {
        Value::Ptr(store, WHOLE) => Some((store, address_of(store))),
        _ => None,
    }
}

/// The sync key of an atomic's address `&x`.
fn atomic_key(v: &Value) -> Option<(usize, u32)> {
    match v {
        Value::Ptr(store, i) if *i != WHOLE => Some((address_of(store), ATOMIC + i)),
        _ => None,
    }
}

/// What `Vm::race_sync_in_place` did with a sync call.
pub(crate) enum SyncInPlace {
    Done,
    /// The mutex was taken: the goroutine is queued and parks.
    Parked,
}

/// A native call's synchronization, decided before it runs and finished after.
pub(crate) struct PendingNative {
    kind: NativeSync,
    key: (usize, u32),
}

impl Vm {
    /// Turns the race detector on (`--race`); call before `run_main`.
    pub fn enable_race(&mut self) {
        let mut r = RaceDetector::new(self.program.clone());
        r.native_kinds = NATIVES.iter().map(|n| native_sync(n.name)).collect();
        self.race = Some(Box::new(r));
    }

    /// Races reported so far; `None` when the detector is off.
    pub fn race_count(&self) -> Option<usize> {
        self.race.as_ref().map(|r| r.races())
    }

    /// Sets (or clears) the access observer: it sees every checked access of
    /// the program's own code. `source` is the program's text, for naming
    /// locations by their source (`counter`, `p.x`). Needs `enable_race` first.
    pub fn set_race_observer(&mut self, observer: Option<AccessObserver>, source: Option<Rc<str>>) {
        if let Some(r) = &mut self.race {
            r.set_observer(observer, source);
        }
    }

    /// At the end of a run that exits with `code`: appends Go's
    /// `Found N data race(s)` to stderr and gives Go's exit code 66 when a race
    /// was reported (as Go, only for a normal exit or `os.Exit`; a crash keeps 2).
    pub fn finish_race(&mut self, code: i32) -> i32 {
        match self.race.as_ref().and_then(|r| r.summary()) {
            Some(line) => {
                self.stderr.extend_from_slice(line.as_bytes());
                super::RACE_EXIT_CODE
            }
            None => code,
        }
    }

    /// One access to element `index` of `object` by the instruction before `pc`
    /// of the running goroutine (whose frames are `frames`).
    #[cold]
    #[inline(never)]
    pub(crate) fn race_access(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        object: ObjectRef<'_>,
        index: u32,
        write: bool,
        value: &Value,
    ) {
        if let Some(r) = self.race.as_deref_mut() {
            let at = pc.saturating_sub(1) as u32;
            r.access(frames, at, &object, index, write, value, &mut self.stderr);
        }
    }

    /// A copy of a whole struct or array: every element, nested ones too.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_agg(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        store: &Rc<Store>,
        write: bool,
    ) {
        if let Some(r) = self.race.as_deref_mut() {
            if !r.observed() {
                let at = pc.saturating_sub(1) as u32;
                r.agg_access(frames, at, store, write, &mut self.stderr);
                return;
            }
        }
        // Element by element: the store is not borrowed while an access
        // is checked (the observer may read it), and not copied whole.
        let len = store.borrow().len();
        for i in 0..len {
            let Some(item) = store.borrow().get(i).cloned() else {
                break;
            };
            match &item {
                Value::Agg(inner) => self.race_agg(frames, pc, inner, write),
                v => self.race_access(frames, pc, ObjectRef::Store(store), i as u32, write, v),
            }
        }
    }

    /// Elements `from..from+n` of a slice's store (append's new elements, copy's ranges).
    pub(crate) fn race_range(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        store: &Rc<Store>,
        from: usize,
        n: usize,
        write: bool,
    ) {
        for i in from..from + n {
            let v = store.borrow().get(i).cloned().unwrap_or_default();
            self.race_access(frames, pc, ObjectRef::Store(store), i as u32, write, &v);
        }
    }

    /// Before native `id` runs with arguments `g.slots[base..base+n_args]`:
    /// its releases, and Go's checks of WaitGroup misuse.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_native_before(
        &mut self,
        g: &mut Goroutine,
        id: NativeId,
        base: usize,
        n_args: usize,
    ) -> Option<PendingNative> {
        use NativeSync::*;
        let r = self.race.as_deref_mut()?;
        let kind = r.native_kinds.get(id as usize).copied().unwrap_or(Plain);
        if kind == Plain {
            return None;
        }
        let args = &g.slots[base..base + n_args];
        let pc = g.frames.last().map_or(0, |f| f.pc as usize);
        let recv = receiver(&args[0]).map(|(_, k)| k).unwrap_or(0);
        let key = match kind {
            MutexLock | MutexUnlock | MutexTryLock => (recv, MUTEX),
            RwLock | RwUnlock | RwRLock | RwRUnlock => (recv, RW_READER_SEM),
            WgAdd | WgWait => (recv, WAIT_GROUP),
            AtomicLoad | AtomicStore | AtomicRmw | AtomicCas => atomic_key(&args[0])?,
            _ => (0, 0),
        };
        if matches!(kind, AtomicLoad | AtomicStore | AtomicRmw | AtomicCas) {
            // The atomic access itself, before its release (as ThreadSanitizer's
            // atomics), made wherever it was called from (Go checks the library's
            // atomics too); Go's report shows only the atomic function's frames.
            if let (Value::Ptr(store, i), Some(tag)) = (
                &args[0],
                super::runtime::atomic_tag(NATIVES[id as usize].name),
            ) {
                let write = kind != AtomicLoad;
                let (object, pc) = (ObjectRef::Store(store), super::runtime_pc(tag));
                r.check_access(0, pc, &object, *i, write, &mut self.stderr);
            }
        }
        match kind {
            MutexUnlock => r.release(key),
            RwUnlock => r.release((recv, RW_READER_SEM)),
            RwRUnlock => r.release((recv, RW_WRITER_SEM)),
            ArmTimer => r.arm_timer(),
            AtomicStore => r.release_store(key),
            WgAdd => {
                let (store, _) = receiver(&args[0])?;
                let delta = args[1].as_int();
                let n = store.borrow()[0].as_int();
                if delta < 0 {
                    r.release(key);
                } else if delta > 0 && n == 0 {
                    let store = store.clone();
                    self.race_wait_group_sema(&mut g.frames, pc, &store, false);
                }
            }
            WgWait => {
                let (store, _) = receiver(&args[0])?;
                let first_waiter = store.borrow()[0].as_int() > 0
                    && !self.sched.has_waiters((recv, 0))
                    && g.wake.is_none();
                if first_waiter {
                    let store = store.clone();
                    self.race_wait_group_sema(&mut g.frames, pc, &store, true);
                }
            }
            Copy => {
                if let (Value::Slice(dst), Value::Slice(src)) = (&args[0], &args[1]) {
                    let n = dst.len.min(src.len) as usize;
                    let (dst, src) = (dst.clone(), src.clone());
                    self.race_range(&mut g.frames, pc, &src.store, src.off as usize, n, false);
                    self.race_range(&mut g.frames, pc, &dst.store, dst.off as usize, n, true);
                }
            }
            Builder(method) => {
                use super::BuilderMethod as M;
                let arg = match (method, args.get(1)) {
                    (M::WriteString, Some(text)) => text.as_bytes().len() as i64,
                    (M::Write, Some(Value::Slice(bytes))) => bytes.len as i64,
                    (M::WriteByte, _) => 1,
                    (M::WriteRune, Some(Value::Int(r))) => rune_len(*r),
                    (M::Grow, Some(Value::Int(n))) => *n,
                    _ => 0,
                };
                self.race_builder(&mut g.frames, pc, &args[0], method, arg);
            }
            _ => {}
        }
        Some(PendingNative { kind, key })
    }

    /// `Mutex.Lock`, `Mutex.Unlock` and `WaitGroup.Add` under `--race`, done
    /// in place as `natives::sync::quick` does them when nothing watches,
    /// and the detector told what `race_native_before` and
    /// `race_native_after` would tell it, in the same order (the call's
    /// state change comes first here, which no detector operation reads).
    /// `None`: another native, or one `quick` leaves to the general path,
    /// which then runs it untouched. goroutines.go: four calls per
    /// goroutine, each without `NativeCtx`, `NativeOut` and the general
    /// natives' dispatch.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_sync_in_place(
        &mut self,
        g: &mut Goroutine,
        id: NativeId,
        base: usize,
        n_args: usize,
    ) -> Option<SyncInPlace> {
        use NativeSync::*;
        let kind = self
            .race
            .as_deref()?
            .native_kinds
            .get(id as usize)
            .copied()?;
        if !matches!(kind, MutexLock | MutexUnlock | WgAdd) {
            return None;
        }
        let args = &mut g.slots[base..base + n_args];
        let (store, recv) = receiver(&args[0]).map(|(s, k)| (s.clone(), k))?;
        let delta = match args.get(1) {
            Some(Value::Int(delta)) => *delta,
            _ => 0,
        };
        // `Add`'s first increment from zero reads the semaphore (as
        // `race_native_before`, which sees the counter before the call).
        let reads_sema = kind == WgAdd && delta > 0 && matches!(store.borrow()[0], Value::Int(0));
        match crate::natives::sync_quick_out_of_line(id, args, &mut self.sched, g.slot, &mut g.wake)
        {
            Quick::General => return None,
            Quick::Park(reason) => {
                // As the general path's `NativeOut::Park`: the call runs again when woken.
                g.wait = Some(reason);
                g.frames.last_mut().expect("calling frame").pc -= 1;
                return Some(SyncInPlace::Parked);
            }
            Quick::Done => {}
        }
        let r = self.race.as_deref_mut()?;
        match kind {
            MutexLock => r.acquire((recv, MUTEX)),
            MutexUnlock => r.release((recv, MUTEX)),
            _ if delta < 0 => r.release((recv, WAIT_GROUP)),
            _ if reads_sema => {
                let pc = g.frames.last().map_or(0, |f| f.pc as usize);
                self.race_wait_group_sema(&mut g.frames, pc, &store, false);
            }
            _ => {}
        }
        Some(SyncInPlace::Done)
    }

    /// Go's check of WaitGroup misuse: `Add`'s first increment from zero
    /// reads the WaitGroup's semaphore, and `Wait`'s first waiter writes it
    /// (`store`: the WaitGroup's fields), so an Add racing with a Wait is
    /// reported.
    fn race_wait_group_sema(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        store: &Rc<Store>,
        write: bool,
    ) {
        let sema = store.borrow()[WG_SEMA as usize].clone();
        self.race_access(frames, pc, ObjectRef::Store(store), WG_SEMA, write, &sema);
    }

    /// A deferred `wg.Done()` that `Vm::done_in_place` ran without its
    /// frame (`store`: the WaitGroup): the release its `Add(-1)` makes.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_wait_group_done(&mut self, store: &Rc<Store>) {
        if let Some(r) = self.race.as_deref_mut() {
            r.release((address_of(store), WAIT_GROUP));
        }
    }

    /// After a native finished (did not park) with first result `result`: its acquires.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_native_after(&mut self, pending: PendingNative, result: &Value) {
        use NativeSync::*;
        let Some(r) = self.race.as_deref_mut() else {
            return;
        };
        let key = pending.key;
        match pending.kind {
            MutexLock | WgWait | AtomicLoad => r.acquire(key),
            MutexTryLock if matches!(result, Value::Bool(true)) => r.acquire(key),
            RwLock => {
                r.acquire((key.0, RW_READER_SEM));
                r.acquire((key.0, RW_WRITER_SEM));
            }
            RwRLock => r.acquire((key.0, RW_READER_SEM)),
            AtomicRmw => {
                r.acquire(key);
                r.release(key);
            }
            AtomicCas => {
                r.acquire(key);
                if matches!(result, Value::Bool(true)) {
                    r.release(key);
                }
            }
            _ => {}
        }
    }

    /// The goroutine id in scheduler slot `slot` (a parked channel peer).
    pub(crate) fn race_peer(&self, slot: u32) -> Option<u64> {
        self.sched
            .gs
            .get(slot as usize)
            .and_then(|g| g.as_ref())
            .map(|g| g.id)
    }
}

impl Vm {
    /// `*p` read or written: one element, or every element of a whole struct/array.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_ptr(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        ptr: &Value,
        write: bool,
        value: &Value,
    ) {
        match ptr {
            Value::Ptr(store, WHOLE) => self.race_agg(frames, pc, store, write),
            Value::Ptr(store, i) => {
                self.race_access(frames, pc, ObjectRef::Store(store), *i, write, value)
            }
            _ => {}
        }
    }

    /// A send on `chan` (reads the channel word, `runtime.chansend`) or its
    /// `close` (writes it, `runtime.closechan`), made by the instruction before `pc`.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_chan(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        chan: &Rc<Chan>,
        close: bool,
    ) {
        let tag = match close {
            true => super::RUNTIME_CLOSECHAN,
            false => super::RUNTIME_CHANSEND,
        };
        self.set_race_runtime_frame(tag);
        self.race_access(frames, pc, ObjectRef::Chan(chan), 0, close, &Value::Nil);
        self.set_race_runtime_frame(0);
    }

    /// A map read or written as a whole (Go checks maps so).
    #[cold]
    #[inline(never)]
    pub(crate) fn race_map(&mut self, frames: &mut [Frame], pc: usize, map: &Value, write: bool) {
        if let Value::Map(m) = map {
            self.race_access(frames, pc, ObjectRef::Map(m), 0, write, &Value::Nil);
        }
    }

    /// `append(s, n items)`: writes the elements past `len(s)` when they fit in place.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_append(&mut self, frames: &mut [Frame], pc: usize, s: &Value, n: usize) {
        if let Value::Slice(h) = s {
            if (h.len as usize) + n <= h.cap as usize {
                let at = (h.off + h.len) as usize;
                self.race_range(frames, pc, &h.store, at, n, true);
            } else {
                // Growing copies the old elements (Go's growslice reads them).
                self.set_race_runtime_frame(super::RUNTIME_GROWSLICE);
                self.race_range(frames, pc, &h.store, h.off as usize, h.len as usize, false);
                self.set_race_runtime_frame(0);
            }
        }
    }

    pub(super) fn set_race_runtime_frame(&mut self, tag: u32) {
        if let Some(r) = &mut self.race {
            r.runtime_frame = tag;
        }
    }

    /// `clear(x)`: writes the map, or every element of the slice.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_clear(&mut self, frames: &mut [Frame], pc: usize, x: &Value) {
        match x {
            Value::Map(_) => self.race_map(frames, pc, x, true),
            Value::Slice(h) => {
                let (off, len) = (h.off as usize, h.len as usize);
                self.race_range(frames, pc, &h.store, off, len, true)
            }
            _ => {}
        }
    }
}
