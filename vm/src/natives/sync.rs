//! sync's runtime side: Mutex, RWMutex, WaitGroup and Cond park goroutines in the scheduler's FIFO queues.
//!
//! The Go structs (vm/src/stdlib/sync.go) hold the state (`Mutex.state`,
//! `RWMutex.readers`/`writer`, `WaitGroup.n`); the scheduler holds the queues,
//! keyed by the struct's address (`Sched::semas`). `Mutex.Unlock` releases
//! the lock and wakes the first waiter, which competes for it again with
//! goroutines that were not waiting (Go's normal mode): a goroutine that
//! finds a mutex free takes it without parking, so a mutex taken briefly by
//! many goroutines does not form a convoy of parked goroutines (200,000
//! goroutines each locking once: programs/bench/goroutines.go). A woken waiter
//! that loses goes back to the front of the queue, as in Go. The other
//! primitives hand over straight to the first waiter, who never competes again.

use std::rc::Rc;

use super::{NativeCtx, NativeId, NativeOut, MUTEX_LOCK, MUTEX_UNLOCK, WAITGROUP_ADD};
use crate::chan::Wake;
use crate::op::{Op, SyncCall};
use crate::program::{FuncProto, Program};
use crate::rtype::RtTypeId;
use crate::sched::Sched;
use crate::value::{Store, Value, WHOLE};

/// The fields of the struct `ptr` points at, and its address (the queue key).
fn target(ptr: &Value) -> Option<(Rc<Store>, usize)> {
    match ptr {
        Value::Ptr(store, WHOLE) => Some((store.clone(), state_key(store))),
        _ => None,
    }
}

/// What a finished call of native `id` did to a mutex, for traces: `true`
/// for a lock, `false` for an unlock, and the mutex's address. A parked
/// `Lock` is reported when it re-executes and gets the mutex.
pub fn lock_effect(id: super::NativeId, args: &[Value], out: &NativeOut) -> Option<(bool, usize)> {
    let lock = match (super::name(id), out) {
        ("(*sync.Mutex).Lock" | "(*sync.RWMutex).Lock", NativeOut::Ret0) => true,
        ("(*sync.Mutex).TryLock", NativeOut::Ret(Value::Bool(true))) => true,
        ("(*sync.Mutex).Unlock" | "(*sync.RWMutex).Unlock", NativeOut::Ret0) => false,
        _ => return None,
    };
    target(args.first()?).map(|(_, addr)| (lock, addr))
}

/// What `quick` did with a call.
pub enum Quick {
    /// Not one of its cases: nothing was changed, the general path runs it.
    General,
    /// Done, with the effects the native would have had.
    Done,
    /// The goroutine is queued on the mutex and parks with this wait reason.
    Park(&'static str),
}

/// `Mutex.Lock`, `Mutex.Unlock` of a locked mutex and `WaitGroup.Add` that
/// leaves the counter at zero or above, done in place for `Vm::run`'s
/// `CallNative` arm when neither the race detector nor a trace watches: the
/// same effects as `mutex_lock`, `mutex_unlock` and `wg_add` (the same
/// queueing and wake-ups, in the same order), without the general path's
/// `NativeCtx`, `NativeOut` and output check (sync writes no output).
/// goroutines.go makes four such calls per goroutine, and most of its
/// goroutines find the mutex taken once.
#[inline]
pub fn quick(
    id: NativeId,
    args: &mut [Value],
    sched: &mut Sched,
    slot: u32,
    wake: &mut Option<Wake>,
) -> Quick {
    let call = match id {
        MUTEX_LOCK => SyncCall::MutexLock,
        MUTEX_UNLOCK => SyncCall::MutexUnlock,
        WAITGROUP_ADD => SyncCall::WaitGroupAdd,
        _ => return Quick::General,
    };
    let delta = match args.get(1) {
        Some(&Value::Int(delta)) => Some(delta),
        _ => None,
    };
    let Some(receiver) = args.first_mut() else {
        return Quick::General;
    };
    quick_call(call, receiver, delta, sched, slot, wake)
}

/// `quick` for the race detector's in-place sync calls
/// (`Vm::race_sync_in_place`), kept out of line: a second inlined copy of
/// `quick` changed how `Vm::run` was compiled (fib +1.1% instructions).
#[inline(never)]
pub fn quick_out_of_line(
    id: NativeId,
    args: &mut [Value],
    sched: &mut Sched,
    slot: u32,
    wake: &mut Option<Wake>,
) -> Quick {
    quick(id, args, sched, slot, wake)
}

/// `quick` for `Op::CallSync`, whose native (`call`) the compiler knew:
/// `receiver` is its first argument's register, `delta` `Add`'s second
/// argument when it is an int. A call done in place leaves the receiver's
/// register an int: the call returns nothing, so the register is a dead
/// temporary, and the int op that most often writes it next (`counter++`
/// after a woken `mu.Lock()`, goroutines.go) then takes `set_int`'s fast
/// path instead of calling `replace_with_int` and the pointer's drop glue.
#[inline(always)]
pub fn quick_call(
    call: SyncCall,
    receiver: &mut Value,
    delta: Option<i64>,
    sched: &mut Sched,
    slot: u32,
    wake: &mut Option<Wake>,
) -> Quick {
    let Value::Ptr(store, WHOLE) = &*receiver else {
        return Quick::General;
    };
    // Only `Add` reads it.
    let delta = match call {
        SyncCall::WaitGroupAdd => delta,
        _ => None,
    };
    let woken = wake.is_some();
    match in_place(call, store, delta, sched) {
        InPlace::Done => {}
        InPlace::Taken => {
            queue_on_mutex(sched, state_key(store), slot, woken);
            clear_wake(wake);
            return Quick::Park("sync.Mutex.Lock");
        }
        InPlace::Refused => return Quick::General,
    }
    // The general path takes the wake-up of a re-executed call and drops it.
    clear_wake(wake);
    // The pointer's count goes down inline: it is known to be a pointer.
    match std::mem::replace(receiver, Value::Int(0)) {
        Value::Ptr(store, _) => drop(store),
        other => drop(other),
    }
    Quick::Done
}

/// Drops the wake-up a re-executed sync call took. A sync primitive's
/// (`Wake::done()`) holds no value, so it is let go without the call into
/// `Option<Wake>`'s drop glue that `*wake = None` made (goroutines.go: one
/// per woken `Lock`).
#[inline(always)]
pub fn clear_wake(wake: &mut Option<Wake>) {
    // Tested in place: taken first, the wake was copied out to be tested.
    if let Some(old) = wake {
        if old.value.is_scalar() {
            std::mem::forget(wake.take());
        } else {
            drop_wake(wake);
        }
    }
}

/// `clear_wake` of a wake-up that holds a value (not a sync primitive's).
#[cold]
#[inline(never)]
fn drop_wake(wake: &mut Option<Wake>) {
    *wake = None;
}

/// What `in_place` did with a sync call.
enum InPlace {
    /// Done, with the native's effects (the wake-ups included).
    Done,
    /// Nothing: `Lock` of a taken mutex, whose caller queues or defers.
    Taken,
    /// Nothing: not a sync struct, `Unlock` of an unlocked mutex (a fatal
    /// error), an `Add` without an int delta or one that would leave the
    /// counter negative (a panic); the general path reports them.
    Refused,
}

/// The state change of `call` on `store` (a Mutex's or a WaitGroup's
/// fields, its state first) with `Add`'s `delta`, as `mutex_lock`,
/// `mutex_unlock` and `wg_add` make it, with the same wake-ups in the same
/// order: the one copy that `quick_call` and `quick_fused` share.
#[inline(always)]
fn in_place(call: SyncCall, store: &Rc<Store>, delta: Option<i64>, sched: &mut Sched) -> InPlace {
    let mut fields = store.borrow_mut();
    let Some(Value::Int(state)) = fields.first_mut() else {
        return InPlace::Refused;
    };
    match call {
        SyncCall::MutexLock if *state == 0 => *state = 1,
        SyncCall::MutexLock => return InPlace::Taken,
        SyncCall::MutexUnlock if *state != 0 => {
            *state = 0;
            drop(fields);
            wake_mutex_waiter(sched, state_key(store));
        }
        SyncCall::MutexUnlock => return InPlace::Refused,
        SyncCall::WaitGroupAdd => {
            let n = delta.and_then(|delta| state.checked_add(delta));
            let Some(n) = n.filter(|n| *n >= 0) else {
                return InPlace::Refused;
            };
            *state = n;
            drop(fields);
            if n == 0 {
                wake_wait_group(sched, state_key(store));
            }
        }
    }
    InPlace::Done
}

/// The key of a sync struct's waiters in the scheduler: its store's address.
#[inline(always)]
fn state_key(store: &Rc<Store>) -> usize {
    Rc::as_ptr(store) as *const u8 as usize
}

/// What a fused `LoadCaptureCallSync`/`LoadCallSync` (op.rs) did with its call.
pub enum FusedSync {
    /// Nothing: the load runs alone and the kept ops as themselves (not a
    /// struct, a woken goroutine, a fatal unlock, a negative counter).
    Unfused,
    /// The call done in place; the struct the receiver register must point
    /// at afterwards, when the fused op keeps it.
    Done(Option<Rc<Store>>),
    /// Nothing yet: the mutex is taken, so the goroutine queues and parks
    /// as the kept `CallSync` would (`queue_fused_lock`), its receiver
    /// register pointing at this struct, as the kept `AddrAgg` would have
    /// left it; woken, it runs that `CallSync` again.
    Call(Rc<Store>),
}

/// The sync call of a fused `LoadCaptureCallSync`/`LoadCallSync` (op.rs)
/// on `agg`, the struct value its load would have put in the register, with
/// `Add`'s `delta`: `in_place`'s cases that end the call at once (Lock of a
/// free mutex, Unlock of a locked one waking its first waiter, an Add that
/// keeps the counter at zero or above), with the same effects through the
/// same `wake_mutex_waiter`/`wake_wait_group`; a Lock of a taken mutex
/// answers `FusedSync::Call`, and the fused arm parks the goroutine.
#[inline(always)]
pub fn quick_fused(
    call: SyncCall,
    agg: &Value,
    delta: i8,
    keep: bool,
    sched: &mut Sched,
    wake: &Option<Wake>,
) -> FusedSync {
    let Value::Agg(store) = agg else {
        return FusedSync::Unfused;
    };
    // A woken goroutine's wake-up is the general path's to take.
    if wake.is_some() {
        return FusedSync::Unfused;
    }
    match in_place(call, store, Some(i64::from(delta)), sched) {
        InPlace::Done => FusedSync::Done(keep.then(|| store.clone())),
        InPlace::Taken => FusedSync::Call(store.clone()),
        InPlace::Refused => FusedSync::Unfused,
    }
}

/// Queues the goroutine in `slot` on the mutex `store` whose fused `Lock`
/// found it taken (`FusedSync::Call`), as the kept `CallSync`'s in-place
/// path would queue it: never a woken one (`quick_fused` leaves those to
/// the general path).
#[inline]
pub fn queue_fused_lock(sched: &mut Sched, store: &Rc<Store>, slot: u32) {
    queue_on_mutex(sched, state_key(store), slot, false);
}

/// The budget steps `(*WaitGroup).Done`'s Go code takes (sync.go: `wg.Add(-1)`,
/// compiled to `Move`, `LoadInt`, `CallSync` and `Return`; `wait_group_done`
/// checks that shape). `quick_done` charges them all.
pub const DONE_STEPS: u64 = 4;

/// `(*WaitGroup).Done`'s prototype in `program`, when its code is the four
/// instructions `DONE_STEPS` counts (`Add(-1)` and return), for `RunDefers`'
/// in-place `defer wg.Done()`; `None` otherwise, and Done then always runs
/// as Go code.
pub(crate) fn wait_group_done(program: &Program) -> Option<Rc<FuncProto>> {
    let done = program
        .protos
        .iter()
        .find(|p| p.library == Some("sync") && p.name == "sync.(*WaitGroup).Done")?;
    let calls_add = |native: u16| program.natives.get(usize::from(native)) == Some(&WAITGROUP_ADD);
    // `Move r1 r0; LoadInt r2 -1; CallSync r1 Add; Return`: the receiver
    // (parameter 0) and -1 passed to Add, nothing returned.
    match done.code[..] {
        [Op::Move { dst: recv, src: 0 }, Op::LoadInt {
            dst: delta,
            val: -1,
        }, Op::CallSync {
            base,
            native,
            call: SyncCall::WaitGroupAdd,
        }, Op::Return { n: 0, .. }]
            if recv == base && delta == base + 1 && calls_add(native) =>
        {
            Some(done.clone())
        }
        _ => None,
    }
}

/// A deferred `wg.Done()` (`receiver`: the `*WaitGroup`) done in place by `RunDefers`
/// when the counter stays above zero: `Add(-1)`'s effect without its frame,
/// its four instructions and the call into `quick`. A counter that reaches
/// zero (a wake-up, which may shorten the quantum after the `CallNative`,
/// a step before Done returns) or goes negative (a panic with Done on the
/// stack) answers `false`, untouched: Done then runs as Go code. The caller
/// charges `DONE_STEPS` and takes this only when the budget covers them and
/// nothing watches (no trace, no race detector), so every preemption point
/// stays where it was. goroutines.go: one per goroutine.
#[inline]
pub fn quick_done(receiver: &Value) -> bool {
    let Value::Ptr(store, WHOLE) = receiver else {
        return false;
    };
    let Ok(mut fields) = store.try_borrow_mut() else {
        return false;
    };
    match fields.first_mut() {
        Some(Value::Int(n)) if *n > 1 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

/// Queues goroutine `slot` on the mutex at `key`. One that Unlock woke but
/// another goroutine beat to the mutex waits again first in line (Go's
/// `queueLifo` for a waiter that already waited). Shared by `mutex_lock` and
/// `quick`, so both queue alike.
#[inline]
fn queue_on_mutex(sched: &mut Sched, key: usize, slot: u32, woken: bool) {
    if woken {
        sched.sema_enqueue_front((key, 0), slot);
    } else {
        sched.sema_enqueue((key, 0), slot);
    }
}

/// Unlock's wake-up: the mutex at `key`'s first waiter, if any.
#[inline]
fn wake_mutex_waiter(sched: &mut Sched, key: usize) {
    if let Some(slot) = sched.sema_dequeue((key, 0)) {
        sched.ready_done(slot, "sync.Mutex.Unlock");
    }
}

/// Every `Wait` on the WaitGroup at `key`, woken when its counter reaches zero.
#[inline]
fn wake_wait_group(sched: &mut Sched, key: usize) {
    while let Some(slot) = sched.sema_dequeue((key, 0)) {
        sched.ready_done(slot, "sync.WaitGroup counter is 0");
    }
}

fn nil_deref() -> NativeOut {
    NativeOut::Panic(crate::panic::nil_deref())
}

fn get(store: &Rc<Store>, field: usize) -> i64 {
    store.borrow()[field].as_int()
}

fn set(store: &Rc<Store>, field: usize, v: i64) {
    store.borrow_mut()[field] = Value::Int(v);
}

fn get_bool(store: &Rc<Store>, field: usize) -> bool {
    matches!(store.borrow()[field], Value::Bool(true))
}

fn set_bool(store: &Rc<Store>, field: usize, v: bool) {
    store.borrow_mut()[field] = Value::Bool(v);
}

// ----- Mutex: fields [state, sema]; queue 0 -----

const MUTEX_STATE: usize = 0;

pub fn mutex_lock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((m, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if get(&m, MUTEX_STATE) == 0 {
        set(&m, MUTEX_STATE, 1);
        return NativeOut::Ret0;
    }
    queue_on_mutex(ctx.sched, key, ctx.slot, ctx.wake.is_some());
    NativeOut::Park("sync.Mutex.Lock")
}

pub fn mutex_unlock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((m, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if get(&m, MUTEX_STATE) == 0 {
        return NativeOut::Fatal("sync: unlock of unlocked mutex");
    }
    set(&m, MUTEX_STATE, 0);
    wake_mutex_waiter(ctx.sched, key);
    NativeOut::Ret0
}

pub fn mutex_trylock(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((m, _)) = target(&args[0]) else {
        return nil_deref();
    };
    let free = get(&m, MUTEX_STATE) == 0;
    if free {
        set(&m, MUTEX_STATE, 1);
    }
    NativeOut::Ret(Value::Bool(free))
}

// ----- RWMutex: fields [w, readers, writer]; queue 1 writers, queue 2 readers -----

const RW_READERS: usize = 1;
const RW_WRITER: usize = 2;

pub fn rw_lock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((rw, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if ctx.wake.is_some() {
        return NativeOut::Ret0;
    }
    if !get_bool(&rw, RW_WRITER) && get(&rw, RW_READERS) == 0 {
        set_bool(&rw, RW_WRITER, true);
        return NativeOut::Ret0;
    }
    ctx.sched.sema_enqueue((key, 1), ctx.slot);
    NativeOut::Park("sync.RWMutex.Lock")
}

pub fn rw_unlock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((rw, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if !get_bool(&rw, RW_WRITER) {
        return NativeOut::Fatal("sync: Unlock of unlocked RWMutex");
    }
    set_bool(&rw, RW_WRITER, false);
    // Waiting readers go first (Go lets the readers that queued behind the writer in).
    let mut n_readers = 0;
    while let Some(slot) = ctx.sched.sema_dequeue((key, 2)) {
        ctx.sched.ready(slot, Wake::done(), "sync.RWMutex.Unlock");
        n_readers += 1;
    }
    if n_readers > 0 {
        set(&rw, RW_READERS, get(&rw, RW_READERS) + n_readers);
    } else if let Some(slot) = ctx.sched.sema_dequeue((key, 1)) {
        set_bool(&rw, RW_WRITER, true);
        ctx.sched.ready(slot, Wake::done(), "sync.RWMutex.Unlock");
    }
    NativeOut::Ret0
}

pub fn rw_rlock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((rw, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if ctx.wake.is_some() {
        return NativeOut::Ret0;
    }
    // A waiting writer blocks new readers, so writers are not starved.
    let writer_waiting = ctx.sched.has_waiters((key, 1));
    if !get_bool(&rw, RW_WRITER) && !writer_waiting {
        set(&rw, RW_READERS, get(&rw, RW_READERS) + 1);
        return NativeOut::Ret0;
    }
    ctx.sched.sema_enqueue((key, 2), ctx.slot);
    NativeOut::Park("sync.RWMutex.RLock")
}

pub fn rw_runlock(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((rw, key)) = target(&args[0]) else {
        return nil_deref();
    };
    let readers = get(&rw, RW_READERS);
    if readers <= 0 {
        return NativeOut::Fatal("sync: RUnlock of unlocked RWMutex");
    }
    set(&rw, RW_READERS, readers - 1);
    if readers == 1 {
        if let Some(slot) = ctx.sched.sema_dequeue((key, 1)) {
            set_bool(&rw, RW_WRITER, true);
            ctx.sched.ready(slot, Wake::done(), "sync.RWMutex.RUnlock");
        }
    }
    NativeOut::Ret0
}

// ----- WaitGroup: fields [n, sema]; queue 0 -----

const WG_N: usize = 0;

pub fn wg_add(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((wg, key)) = target(&args[0]) else {
        return nil_deref();
    };
    let n = get(&wg, WG_N) + args[1].as_int();
    set(&wg, WG_N, n);
    if n < 0 {
        return NativeOut::Panic(Value::iface(
            RtTypeId::STRING,
            Value::str("sync: negative WaitGroup counter"),
        ));
    }
    if n == 0 {
        wake_wait_group(ctx.sched, key);
    }
    NativeOut::Ret0
}

pub fn wg_wait(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((wg, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if ctx.wake.is_some() || get(&wg, WG_N) == 0 {
        return NativeOut::Ret0;
    }
    ctx.sched.sema_enqueue((key, 0), ctx.slot);
    NativeOut::Park("sync.WaitGroup.Wait")
}

// ----- Cond: Go's notifyList; `Wait` is Go code: add, L.Unlock, wait, L.Lock -----

/// `notifyListAdd(c)`: the caller's ticket, taken before it unlocks `c.L`.
pub fn notify_list_add(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((_, key)) = target(&args[0]) else {
        return nil_deref();
    };
    let list = ctx.sched.notify.entry(key).or_default();
    let ticket = list.wait;
    list.wait += 1;
    NativeOut::Ret(Value::Int(ticket as i64))
}

/// `notifyListWait(c, t)`: parks until ticket `t` is signalled (at once if it already was).
pub fn notify_list_wait(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((_, key)) = target(&args[0]) else {
        return nil_deref();
    };
    if ctx.wake.is_some() {
        return NativeOut::Ret0;
    }
    let ticket = args[1].as_int() as u32;
    let list = ctx.sched.notify.entry(key).or_default();
    if ticket < list.notify {
        return NativeOut::Ret0;
    }
    list.waiters.push_back((ticket, ctx.slot));
    NativeOut::Park("sync.Cond.Wait")
}

pub fn cond_signal(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((_, key)) = target(&args[0]) else {
        return nil_deref();
    };
    let Some(list) = ctx.sched.notify.get_mut(&key) else {
        return NativeOut::Ret0;
    };
    if list.notify == list.wait {
        return NativeOut::Ret0;
    }
    let ticket = list.notify;
    list.notify += 1;
    let at = list.waiters.iter().position(|(t, _)| *t == ticket);
    if let Some(slot) = at.and_then(|i| list.waiters.remove(i)).map(|(_, s)| s) {
        ctx.sched.ready(slot, Wake::done(), "sync.Cond.Signal");
    }
    NativeOut::Ret0
}

pub fn cond_broadcast(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Some((_, key)) = target(&args[0]) else {
        return nil_deref();
    };
    let Some(list) = ctx.sched.notify.get_mut(&key) else {
        return NativeOut::Ret0;
    };
    list.notify = list.wait;
    let waiters: Vec<(u32, u32)> = list.waiters.drain(..).collect();
    for (_, slot) in waiters {
        ctx.sched.ready(slot, Wake::done(), "sync.Cond.Broadcast");
    }
    NativeOut::Ret0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// A program importing sync, compiled with the library.
    fn compiled() -> Program {
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tdefer wg.Done()\n}\n";
        let (file, diags) = gomini_parser::parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        let (program, diags) = crate::check::check_with(
            &file.expect("parsed"),
            &crate::check::Options::default(),
            &crate::stdlib::Stdlib,
        );
        assert!(diags.is_empty(), "{diags:?}");
        crate::compile::compile(
            &program.expect("checked"),
            &crate::compile::Options::default(),
            "main.go",
            src,
        )
        .expect("compiled")
    }

    #[test]
    fn the_library_done_is_the_add_of_minus_one_that_runs_in_place() {
        // If sync.go's Done changes shape, RunDefers silently stops doing it
        // in place (goroutines.go slows down by a tenth): this says so.
        let done = wait_group_done(&compiled()).expect("Done recognised");
        assert_eq!(done.code.len() as u64, DONE_STEPS);
    }

    #[test]
    fn an_in_place_done_only_takes_a_counter_that_stays_above_zero() {
        let wg = |n: i64| Rc::new(RefCell::new(vec![Value::Int(n), Value::Int(0)]));
        let above = wg(2);
        assert!(quick_done(&Value::Ptr(above.clone(), WHOLE)));
        assert!(matches!(above.borrow()[0], Value::Int(1)));
        for n in [1, 0] {
            let store = wg(n);
            assert!(
                !quick_done(&Value::Ptr(store.clone(), WHOLE)),
                "counter {n}"
            );
            assert!(
                matches!(store.borrow()[0], Value::Int(v) if v == n),
                "untouched"
            );
        }
        assert!(!quick_done(&Value::Nil));
    }
}
