//! Natives: Go library functions written in Rust, registered by qualified name ("fmt.Println").
//!
//! A native gets its arguments as a slice of registers (the compiler packs a
//! variadic `...any` into one `[]any` slice, as Go does) and answers with a
//! `NativeOut`. When it needs a Go call (fmt calling `String()`), it answers
//! `NativeOut::Call`; the VM runs the call as an ordinary frame, appends its
//! result to `NativeCtx::results` and calls the native again from the start.
//! A native must therefore be deterministic and free of side effects until it
//! finishes (fmt builds its whole output before writing it).

mod atomic;
mod fmt;
mod sync;
mod time;

use crate::chan::Wake;
use crate::program::Program;
use crate::sched::Sched;
use crate::value::Value;

/// Index of a native in `NATIVES`.
pub type NativeId = u32;

/// What a native sees.
pub struct NativeCtx<'a> {
    pub program: &'a Program,
    /// os.Stdout's buffer (the embedder drains it).
    pub stdout: &'a mut Vec<u8>,
    /// os.Stderr's buffer.
    pub stderr: &'a mut Vec<u8>,
    /// Results of the Go calls this native requested so far, in order.
    pub results: &'a [Value],
    /// The scheduler: wait queues, timers, the clock (natives of sync, time, runtime).
    pub sched: &'a mut Sched,
    /// The calling goroutine's slot in `Sched::gs` (what a parking native enqueues).
    pub slot: u32,
    /// Set when this call re-executes after the goroutine parked in it and was
    /// woken: the waker completed the operation (a handed-over lock, a timer).
    pub wake: Option<Wake>,
}

/// A native's answer.
#[derive(Debug)]
pub enum NativeOut {
    Ret0,
    Ret(Value),
    RetN(Vec<Value>),
    /// Run `callee(args...)` and call me again with its (first) result appended to `results`.
    Call {
        callee: Value,
        args: Vec<Value>,
    },
    Panic(Value),
    /// os.Exit: the program ends now, deferred calls do not run.
    Exit(i32),
    /// Park the goroutine with this wait reason; the call re-executes when it is
    /// woken, with `NativeCtx::wake` set. The native has already enqueued it.
    Park(&'static str),
    /// Done (no results); let the scheduler choose again (`runtime.Gosched`).
    Yield,
    /// `runtime.Goexit`: run the goroutine's deferred calls, then end it.
    Goexit,
    /// A fatal error Go's sync package raises (`sync: unlock of unlocked mutex`): not recoverable.
    Fatal(&'static str),
}

pub type NativeFn = fn(&mut NativeCtx<'_>, &[Value]) -> NativeOut;

/// One registered native.
pub struct NativeDef {
    /// Go's qualified name; builtins are "builtin.print", "builtin.println".
    pub name: &'static str,
    /// Number of argument registers (a variadic tail counts as one slice).
    pub arity: usize,
    pub f: NativeFn,
}

/// The registry. A `NativeId` is an index here, so only append.
pub static NATIVES: &[NativeDef] = &[
    NativeDef {
        name: "fmt.Println",
        arity: 1,
        f: fmt::println,
    },
    NativeDef {
        name: "fmt.Print",
        arity: 1,
        f: fmt::print,
    },
    NativeDef {
        name: "fmt.Printf",
        arity: 2,
        f: fmt::printf,
    },
    NativeDef {
        name: "fmt.Sprintf",
        arity: 2,
        f: fmt::sprintf,
    },
    NativeDef {
        name: "fmt.Sprint",
        arity: 1,
        f: fmt::sprint,
    },
    NativeDef {
        name: "fmt.Sprintln",
        arity: 1,
        f: fmt::sprintln,
    },
    NativeDef {
        name: "fmt.Errorf",
        arity: 2,
        f: fmt::errorf,
    },
    NativeDef {
        name: "errors.New",
        arity: 1,
        f: fmt::errors_new,
    },
    NativeDef {
        name: "os.Exit",
        arity: 1,
        f: os_exit,
    },
    NativeDef {
        name: "builtin.println",
        arity: 1,
        f: fmt::builtin_println,
    },
    NativeDef {
        name: "builtin.print",
        arity: 1,
        f: fmt::builtin_print,
    },
    NativeDef {
        name: "(*sync.Mutex).Lock",
        arity: 1,
        f: sync::mutex_lock,
    },
    NativeDef {
        name: "(*sync.Mutex).Unlock",
        arity: 1,
        f: sync::mutex_unlock,
    },
    NativeDef {
        name: "(*sync.Mutex).TryLock",
        arity: 1,
        f: sync::mutex_trylock,
    },
    NativeDef {
        name: "(*sync.RWMutex).Lock",
        arity: 1,
        f: sync::rw_lock,
    },
    NativeDef {
        name: "(*sync.RWMutex).Unlock",
        arity: 1,
        f: sync::rw_unlock,
    },
    NativeDef {
        name: "(*sync.RWMutex).RLock",
        arity: 1,
        f: sync::rw_rlock,
    },
    NativeDef {
        name: "(*sync.RWMutex).RUnlock",
        arity: 1,
        f: sync::rw_runlock,
    },
    NativeDef {
        name: "(*sync.WaitGroup).Add",
        arity: 2,
        f: sync::wg_add,
    },
    NativeDef {
        name: "(*sync.WaitGroup).Wait",
        arity: 1,
        f: sync::wg_wait,
    },
    NativeDef {
        name: "sync.notifyListAdd",
        arity: 1,
        f: sync::notify_list_add,
    },
    NativeDef {
        name: "sync.notifyListWait",
        arity: 2,
        f: sync::notify_list_wait,
    },
    NativeDef {
        name: "(*sync.Cond).Signal",
        arity: 1,
        f: sync::cond_signal,
    },
    NativeDef {
        name: "(*sync.Cond).Broadcast",
        arity: 1,
        f: sync::cond_broadcast,
    },
    NativeDef {
        name: "runtime.Gosched",
        arity: 0,
        f: time::gosched,
    },
    NativeDef {
        name: "runtime.Goexit",
        arity: 0,
        f: time::goexit,
    },
    NativeDef {
        name: "runtime.NumGoroutine",
        arity: 0,
        f: time::num_goroutine,
    },
    NativeDef {
        name: "time.Sleep",
        arity: 1,
        f: time::sleep,
    },
    NativeDef {
        name: "time.now",
        arity: 0,
        f: time::now,
    },
    NativeDef {
        name: "time.startTimer",
        arity: 3,
        f: time::start_timer,
    },
    NativeDef {
        name: "time.startFuncTimer",
        arity: 2,
        f: time::start_func_timer,
    },
    NativeDef {
        name: "time.stopTimer",
        arity: 1,
        f: time::stop_timer,
    },
    NativeDef {
        name: "time.resetTimer",
        arity: 3,
        f: time::reset_timer,
    },
    NativeDef {
        name: "time.Time.String",
        arity: 1,
        f: time::time_string,
    },
    NativeDef {
        name: "sync/atomic.AddInt32",
        arity: 2,
        f: atomic::add_int32,
    },
    NativeDef {
        name: "sync/atomic.AddInt64",
        arity: 2,
        f: atomic::add_int64,
    },
    NativeDef {
        name: "sync/atomic.AddUint32",
        arity: 2,
        f: atomic::add_uint32,
    },
    NativeDef {
        name: "sync/atomic.AddUint64",
        arity: 2,
        f: atomic::add_uint64,
    },
    NativeDef {
        name: "sync/atomic.LoadInt32",
        arity: 1,
        f: atomic::load_int32,
    },
    NativeDef {
        name: "sync/atomic.LoadInt64",
        arity: 1,
        f: atomic::load_int64,
    },
    NativeDef {
        name: "sync/atomic.LoadUint32",
        arity: 1,
        f: atomic::load_uint32,
    },
    NativeDef {
        name: "sync/atomic.LoadUint64",
        arity: 1,
        f: atomic::load_uint64,
    },
    NativeDef {
        name: "sync/atomic.StoreInt32",
        arity: 2,
        f: atomic::store_int32,
    },
    NativeDef {
        name: "sync/atomic.StoreInt64",
        arity: 2,
        f: atomic::store_int64,
    },
    NativeDef {
        name: "sync/atomic.StoreUint32",
        arity: 2,
        f: atomic::store_uint32,
    },
    NativeDef {
        name: "sync/atomic.StoreUint64",
        arity: 2,
        f: atomic::store_uint64,
    },
    NativeDef {
        name: "sync/atomic.SwapInt32",
        arity: 2,
        f: atomic::swap_int32,
    },
    NativeDef {
        name: "sync/atomic.SwapInt64",
        arity: 2,
        f: atomic::swap_int64,
    },
    NativeDef {
        name: "sync/atomic.SwapUint32",
        arity: 2,
        f: atomic::swap_uint32,
    },
    NativeDef {
        name: "sync/atomic.SwapUint64",
        arity: 2,
        f: atomic::swap_uint64,
    },
    NativeDef {
        name: "sync/atomic.CompareAndSwapInt32",
        arity: 3,
        f: atomic::cas_int32,
    },
    NativeDef {
        name: "sync/atomic.CompareAndSwapInt64",
        arity: 3,
        f: atomic::cas_int64,
    },
    NativeDef {
        name: "sync/atomic.CompareAndSwapUint32",
        arity: 3,
        f: atomic::cas_uint32,
    },
    NativeDef {
        name: "sync/atomic.CompareAndSwapUint64",
        arity: 3,
        f: atomic::cas_uint64,
    },
];

/// The id of the native registered as `qualified`.
pub fn lookup(qualified: &str) -> Option<NativeId> {
    NATIVES
        .iter()
        .position(|n| n.name == qualified)
        .map(|i| i as NativeId)
}

pub fn arity(id: NativeId) -> usize {
    NATIVES[id as usize].arity
}

pub fn name(id: NativeId) -> &'static str {
    NATIVES[id as usize].name
}

pub fn call(id: NativeId, ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    (NATIVES[id as usize].f)(ctx, args)
}

fn os_exit(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    NativeOut::Exit(args[0].as_int() as i32)
}
