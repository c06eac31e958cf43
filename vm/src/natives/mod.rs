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
mod lib;
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
        name: "builtin.close",
        arity: 1,
        f: time::close,
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
    // Added by the compiler's engineer: builtins and os natives the compiler needs.
    NativeDef {
        name: "builtin.copy",
        arity: 2,
        f: builtin_copy,
    },
    NativeDef {
        name: "builtin.runesToString",
        arity: 1,
        f: runes_to_string,
    },
    NativeDef {
        name: "builtin.stringToRunes",
        arity: 1,
        f: string_to_runes,
    },
    NativeDef {
        name: "(*os.File).Write",
        arity: 2,
        f: file_write,
    },
    NativeDef {
        name: "strings.Index",
        arity: 2,
        f: lib::strings_index,
    },
    NativeDef {
        name: "strings.Count",
        arity: 2,
        f: lib::strings_count,
    },
    NativeDef {
        name: "strings.Repeat",
        arity: 2,
        f: lib::strings_repeat,
    },
    NativeDef {
        name: "strings.ToUpper",
        arity: 1,
        f: lib::strings_to_upper,
    },
    NativeDef {
        name: "strings.ToLower",
        arity: 1,
        f: lib::strings_to_lower,
    },
    NativeDef {
        name: "strings.TrimSpace",
        arity: 1,
        f: lib::strings_trim_space,
    },
    NativeDef {
        name: "strings.Fields",
        arity: 1,
        f: lib::strings_fields,
    },
    NativeDef {
        name: "strings.Split",
        arity: 2,
        f: lib::strings_split,
    },
    NativeDef {
        name: "strings.SplitN",
        arity: 3,
        f: lib::strings_split_n,
    },
    NativeDef {
        name: "strings.Replace",
        arity: 4,
        f: lib::strings_replace,
    },
    NativeDef {
        name: "sort.Ints",
        arity: 1,
        f: lib::sort_ints,
    },
    NativeDef {
        name: "sort.Strings",
        arity: 1,
        f: lib::sort_strings,
    },
    NativeDef {
        name: "sort.Float64s",
        arity: 1,
        f: lib::sort_float64s,
    },
    NativeDef {
        name: "unicode/utf8.RuneCountInString",
        arity: 1,
        f: lib::utf8_rune_count_in_string,
    },
    NativeDef {
        name: "strconv.FormatInt",
        arity: 2,
        f: lib::strconv_format_int,
    },
    NativeDef {
        name: "errors.comparable",
        arity: 1,
        f: lib::errors_comparable,
    },
    NativeDef {
        name: "math.Sqrt",
        arity: 1,
        f: lib::math_sqrt,
    },
    NativeDef {
        name: "math.Floor",
        arity: 1,
        f: lib::math_floor,
    },
    NativeDef {
        name: "math.Pow",
        arity: 2,
        f: lib::math_pow,
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

/// `copy(dst, src)`: src a slice or (for `[]byte`) a string; overlapping ranges copy as memmove does.
fn builtin_copy(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let src: Vec<Value> = match &args[1] {
        Value::Str(s) => s.iter().map(|b| Value::Int(i64::from(*b))).collect(),
        other => crate::slice::items(other),
    };
    let Value::Slice(dst) = &args[0] else {
        return NativeOut::Ret(Value::Int(0));
    };
    let n = src.len().min(dst.len as usize);
    let mut store = dst.store.borrow_mut();
    for (i, v) in src.into_iter().take(n).enumerate() {
        store[dst.off as usize + i] = v.deep_copy();
    }
    NativeOut::Ret(Value::Int(n as i64))
}

/// `string(runes)`: invalid code points become U+FFFD.
fn runes_to_string(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let mut s = String::new();
    for v in crate::slice::items(&args[0]) {
        let r = match v {
            Value::Int(i) => u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}'),
            _ => '\u{FFFD}',
        };
        s.push(r);
    }
    NativeOut::Ret(Value::str(s.into_bytes()))
}

/// `[]rune(s)`: invalid UTF-8 bytes become U+FFFD, one per byte.
fn string_to_runes(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let bytes = match &args[0] {
        Value::Str(s) => s.as_slice().to_vec(),
        _ => Vec::new(),
    };
    let runes: Vec<Value> = String::from_utf8_lossy(&bytes)
        .chars()
        .map(|c| Value::Int(i64::from(u32::from(c))))
        .collect();
    if runes.is_empty() {
        return NativeOut::Ret(Value::slice(Vec::new()));
    }
    NativeOut::Ret(Value::slice(runes))
}

/// `(*os.File).Write`: fd 1 is stdout, 2 stderr (the receiver is `*File{fd}`).
fn file_write(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let fd = match &args[0] {
        Value::Ptr(store, _) => match store.borrow().first() {
            Some(Value::Int(fd)) => *fd,
            _ => 1,
        },
        _ => 1,
    };
    let bytes: Vec<u8> = crate::slice::items(&args[1])
        .iter()
        .map(|v| match v {
            Value::Int(b) => *b as u8,
            _ => 0,
        })
        .collect();
    let n = bytes.len() as i64;
    if fd == 2 {
        ctx.stderr.extend_from_slice(&bytes);
    } else {
        ctx.stdout.extend_from_slice(&bytes);
    }
    NativeOut::RetN(vec![Value::Int(n), Value::Nil])
}
