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
mod errors;
mod fmt;
mod gomath;
mod log;
mod math;
mod sort;
mod strconv;
mod strings;
mod sync;
mod time;
mod timefmt;
mod unicode;
mod utf8;

pub(crate) use strings::{builder_write_string_in_place, builder_write_string_to};
pub(crate) use sync::{
    clear_wake as sync_clear_wake, lock_effect, queue_fused_lock as sync_queue_fused_lock,
    quick as sync_quick, quick_call as sync_quick_call, quick_done as sync_quick_done,
    quick_fused as sync_quick_fused, quick_out_of_line as sync_quick_out_of_line, wait_group_done,
    FusedSync, Quick, DONE_STEPS,
};

/// The native that `Op::BuilderWriteString` runs in place of a `CallNative`.
pub const BUILDER_WRITE_STRING: &str = "(*strings.Builder).WriteString";

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
    /// Two results, without the vector (`WriteString`'s `(n, err)`: a hot path).
    Ret2(Value, Value),
    /// Run `callee(args...)` and call me again with its (first) result appended to `results`.
    /// With `catch_panic` (fmt's catchPanic), a panic that unwinds out of the
    /// call ends there: the panic value (a `Value::Iface`) is appended instead.
    Call {
        callee: Value,
        args: Vec<Value>,
        catch_panic: bool,
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
    /// `close(ch)` called as a func value (`defer close(ch)`): the VM closes
    /// the channel exactly as `Op::Close` does, with its events and race edges.
    CloseChan(std::rc::Rc<crate::chan::Chan>),
    /// An allocation the program sized was refused: the memory limit or out of memory (limits.rs).
    Refused(crate::limits::Refused),
}

/// A library panic with a string value, as Go's `panic("...")` in the
/// package makes it: the value boxed as a `string` interface, so it prints
/// `panic: text` (a bare string value printed `panic: nil`).
pub fn panic_text(text: &str) -> NativeOut {
    NativeOut::Panic(Value::iface(
        crate::rtype::RtTypeId::STRING,
        Value::str(text),
    ))
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
        name: "fmt.errorf",
        arity: 2,
        f: fmt::errorf,
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
        name: "time.Time.Format",
        arity: 2,
        f: timefmt::time_format,
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
        f: strings::index,
    },
    NativeDef {
        name: "strings.Count",
        arity: 2,
        f: strings::count,
    },
    NativeDef {
        name: "strings.Repeat",
        arity: 2,
        f: strings::repeat,
    },
    NativeDef {
        name: "strings.ToUpper",
        arity: 1,
        f: strings::to_upper,
    },
    NativeDef {
        name: "strings.ToLower",
        arity: 1,
        f: strings::to_lower,
    },
    NativeDef {
        name: "strings.TrimSpace",
        arity: 1,
        f: strings::trim_space,
    },
    NativeDef {
        name: BUILDER_WRITE_STRING,
        arity: 2,
        f: strings::builder_write_string,
    },
    NativeDef {
        name: "strings.Fields",
        arity: 1,
        f: strings::fields,
    },
    NativeDef {
        name: "strings.Split",
        arity: 2,
        f: strings::split_all,
    },
    NativeDef {
        name: "strings.SplitN",
        arity: 3,
        f: strings::split_n,
    },
    NativeDef {
        name: "strings.Replace",
        arity: 4,
        f: strings::replace,
    },
    NativeDef {
        name: "sort.Ints",
        arity: 1,
        f: sort::ints,
    },
    NativeDef {
        name: "sort.Strings",
        arity: 1,
        f: sort::strings,
    },
    NativeDef {
        name: "sort.Float64s",
        arity: 1,
        f: sort::float64s,
    },
    NativeDef {
        name: "unicode/utf8.RuneCountInString",
        arity: 1,
        f: utf8::rune_count_in_string,
    },
    NativeDef {
        name: "strconv.FormatInt",
        arity: 2,
        f: strconv::format_int,
    },
    NativeDef {
        name: "errors.comparable",
        arity: 1,
        f: errors::comparable,
    },
    NativeDef {
        name: "math.Sqrt",
        arity: 1,
        f: math::sqrt,
    },
    NativeDef {
        name: "math.Floor",
        arity: 1,
        f: math::floor,
    },
    NativeDef {
        name: "math.Pow",
        arity: 2,
        f: math::pow,
    },
    // Library natives, one file per package (natives/strings.rs, strconv.rs, ...).
    NativeDef {
        name: "strings.LastIndex",
        arity: 2,
        f: strings::last_index,
    },
    NativeDef {
        name: "strings.IndexByte",
        arity: 2,
        f: strings::index_byte,
    },
    NativeDef {
        name: "strings.LastIndexByte",
        arity: 2,
        f: strings::last_index_byte,
    },
    NativeDef {
        name: "strings.IndexRune",
        arity: 2,
        f: strings::index_rune,
    },
    NativeDef {
        name: "strings.IndexAny",
        arity: 2,
        f: strings::index_any,
    },
    NativeDef {
        name: "strings.LastIndexAny",
        arity: 2,
        f: strings::last_index_any,
    },
    NativeDef {
        name: "strings.EqualFold",
        arity: 2,
        f: strings::equal_fold,
    },
    NativeDef {
        name: "strings.Title",
        arity: 1,
        f: strings::title,
    },
    NativeDef {
        name: "strings.Trim",
        arity: 2,
        f: strings::trim,
    },
    NativeDef {
        name: "strings.TrimLeft",
        arity: 2,
        f: strings::trim_left,
    },
    NativeDef {
        name: "strings.TrimRight",
        arity: 2,
        f: strings::trim_right,
    },
    NativeDef {
        name: "strings.SplitAfter",
        arity: 2,
        f: strings::split_after,
    },
    NativeDef {
        name: "strings.SplitAfterN",
        arity: 3,
        f: strings::split_after_n,
    },
    NativeDef {
        name: "sort.lenOf",
        arity: 1,
        f: sort::len_of,
    },
    NativeDef {
        name: "sort.valueLen",
        arity: 1,
        f: sort::value_len,
    },
    NativeDef {
        name: "sort.swapAt",
        arity: 3,
        f: sort::swap_at,
    },
    NativeDef {
        name: "strconv.parseInt",
        arity: 3,
        f: strconv::parse_int_native,
    },
    NativeDef {
        name: "strconv.parseUint",
        arity: 3,
        f: strconv::parse_uint_native,
    },
    NativeDef {
        name: "strconv.parseFloat",
        arity: 2,
        f: strconv::parse_float_native,
    },
    NativeDef {
        name: "strconv.FormatUint",
        arity: 2,
        f: strconv::format_uint,
    },
    NativeDef {
        name: "strconv.FormatFloat",
        arity: 4,
        f: strconv::format_float,
    },
    NativeDef {
        name: "strconv.Quote",
        arity: 1,
        f: strconv::quote,
    },
    NativeDef {
        name: "strconv.QuoteToASCII",
        arity: 1,
        f: strconv::quote_to_ascii,
    },
    NativeDef {
        name: "strconv.QuoteRune",
        arity: 1,
        f: strconv::quote_rune,
    },
    NativeDef {
        name: "strconv.QuoteRuneToASCII",
        arity: 1,
        f: strconv::quote_rune_to_ascii,
    },
    NativeDef {
        name: "strconv.CanBackquote",
        arity: 1,
        f: strconv::can_backquote,
    },
    NativeDef {
        name: "strconv.unquote",
        arity: 1,
        f: strconv::unquote_native,
    },
    NativeDef {
        name: "errors.checkAsTarget",
        arity: 1,
        f: errors::check_as_target,
    },
    NativeDef {
        name: "errors.assignTo",
        arity: 2,
        f: errors::assign_to,
    },
    NativeDef {
        name: "log.output",
        arity: 3,
        f: log::output,
    },
    NativeDef {
        name: "math.Ceil",
        arity: 1,
        f: math::ceil,
    },
    NativeDef {
        name: "math.Trunc",
        arity: 1,
        f: math::trunc,
    },
    NativeDef {
        name: "math.Round",
        arity: 1,
        f: math::round,
    },
    NativeDef {
        name: "math.RoundToEven",
        arity: 1,
        f: math::round_to_even,
    },
    NativeDef {
        name: "math.Exp",
        arity: 1,
        f: math::exp,
    },
    NativeDef {
        name: "math.Exp2",
        arity: 1,
        f: math::exp2,
    },
    NativeDef {
        name: "math.Log",
        arity: 1,
        f: math::log,
    },
    NativeDef {
        name: "math.Log2",
        arity: 1,
        f: math::log2,
    },
    NativeDef {
        name: "math.Log10",
        arity: 1,
        f: math::log10,
    },
    NativeDef {
        name: "math.Log1p",
        arity: 1,
        f: math::log1p,
    },
    NativeDef {
        name: "math.Sin",
        arity: 1,
        f: math::sin,
    },
    NativeDef {
        name: "math.Cos",
        arity: 1,
        f: math::cos,
    },
    NativeDef {
        name: "math.Tan",
        arity: 1,
        f: math::tan,
    },
    NativeDef {
        name: "math.Asin",
        arity: 1,
        f: math::asin,
    },
    NativeDef {
        name: "math.Acos",
        arity: 1,
        f: math::acos,
    },
    NativeDef {
        name: "math.Atan",
        arity: 1,
        f: math::atan,
    },
    NativeDef {
        name: "math.Sinh",
        arity: 1,
        f: math::sinh,
    },
    NativeDef {
        name: "math.Cosh",
        arity: 1,
        f: math::cosh,
    },
    NativeDef {
        name: "math.Tanh",
        arity: 1,
        f: math::tanh,
    },
    NativeDef {
        name: "math.Cbrt",
        arity: 1,
        f: math::cbrt,
    },
    NativeDef {
        name: "math.Modf",
        arity: 1,
        f: math::modf,
    },
    NativeDef {
        name: "math.Inf",
        arity: 1,
        f: math::inf,
    },
    NativeDef {
        name: "math.Atan2",
        arity: 2,
        f: math::atan2,
    },
    NativeDef {
        name: "math.Hypot",
        arity: 2,
        f: math::hypot,
    },
    NativeDef {
        name: "math.Mod",
        arity: 2,
        f: math::modulo,
    },
    NativeDef {
        name: "math.Max",
        arity: 2,
        f: math::max,
    },
    NativeDef {
        name: "math.Min",
        arity: 2,
        f: math::min,
    },
    NativeDef {
        name: "math.NaN",
        arity: 0,
        f: math::nan,
    },
    NativeDef {
        name: "math.Float64bits",
        arity: 1,
        f: math::float64bits,
    },
    NativeDef {
        name: "math.Float64frombits",
        arity: 1,
        f: math::float64frombits,
    },
    NativeDef {
        name: "math.Float32bits",
        arity: 1,
        f: math::float32bits,
    },
    NativeDef {
        name: "math.Float32frombits",
        arity: 1,
        f: math::float32frombits,
    },
    NativeDef {
        name: "unicode/utf8.RuneCount",
        arity: 1,
        f: utf8::rune_count,
    },
    NativeDef {
        name: "unicode/utf8.ValidString",
        arity: 1,
        f: utf8::valid_string,
    },
    NativeDef {
        name: "unicode/utf8.Valid",
        arity: 1,
        f: utf8::valid_bytes,
    },
    NativeDef {
        name: "unicode/utf8.DecodeRuneInString",
        arity: 1,
        f: utf8::decode_rune_in_string,
    },
    NativeDef {
        name: "unicode/utf8.DecodeRune",
        arity: 1,
        f: utf8::decode_rune_bytes,
    },
    NativeDef {
        name: "unicode/utf8.DecodeLastRuneInString",
        arity: 1,
        f: utf8::decode_last_rune_in_string,
    },
    NativeDef {
        name: "unicode/utf8.DecodeLastRune",
        arity: 1,
        f: utf8::decode_last_rune_bytes,
    },
    NativeDef {
        name: "unicode/utf8.EncodeRune",
        arity: 2,
        f: utf8::encode_rune,
    },
    NativeDef {
        name: "unicode/utf8.AppendRune",
        arity: 2,
        f: utf8::append_rune,
    },
    NativeDef {
        name: "unicode/utf8.RuneLen",
        arity: 1,
        f: utf8::rune_len,
    },
    NativeDef {
        name: "unicode/utf8.FullRune",
        arity: 1,
        f: utf8::full_rune_bytes,
    },
    NativeDef {
        name: "unicode/utf8.FullRuneInString",
        arity: 1,
        f: utf8::full_rune_in_string,
    },
    NativeDef {
        name: "unicode.IsUpper",
        arity: 1,
        f: unicode::is_upper,
    },
    NativeDef {
        name: "unicode.IsLower",
        arity: 1,
        f: unicode::is_lower,
    },
    NativeDef {
        name: "unicode.IsLetter",
        arity: 1,
        f: unicode::is_letter,
    },
    NativeDef {
        name: "unicode.IsDigit",
        arity: 1,
        f: unicode::is_digit,
    },
    NativeDef {
        name: "unicode.IsNumber",
        arity: 1,
        f: unicode::is_number,
    },
    NativeDef {
        name: "unicode.IsSpace",
        arity: 1,
        f: unicode::is_space_native,
    },
    NativeDef {
        name: "unicode.IsPunct",
        arity: 1,
        f: unicode::is_punct_native,
    },
    NativeDef {
        name: "unicode.IsPrint",
        arity: 1,
        f: unicode::is_print,
    },
    NativeDef {
        name: "unicode.IsControl",
        arity: 1,
        f: unicode::is_control,
    },
    NativeDef {
        name: "unicode.ToUpper",
        arity: 1,
        f: unicode::to_upper,
    },
    NativeDef {
        name: "unicode.ToLower",
        arity: 1,
        f: unicode::to_lower,
    },
    NativeDef {
        name: "unicode.ToTitle",
        arity: 1,
        f: unicode::to_title,
    },
    NativeDef {
        name: "builtin.minFloat",
        arity: 2,
        f: math::builtin_min_float,
    },
    NativeDef {
        name: "builtin.maxFloat",
        arity: 2,
        f: math::builtin_max_float,
    },
    NativeDef {
        name: "(*strings.Builder).Write",
        arity: 2,
        f: strings::builder_write,
    },
    NativeDef {
        name: "(*strings.Builder).WriteByte",
        arity: 2,
        f: strings::builder_write_byte,
    },
    NativeDef {
        name: "(*strings.Builder).WriteRune",
        arity: 2,
        f: strings::builder_write_rune,
    },
    NativeDef {
        name: "(*strings.Builder).String",
        arity: 1,
        f: strings::builder_string,
    },
    NativeDef {
        name: "(*strings.Builder).Len",
        arity: 1,
        f: strings::builder_len,
    },
    NativeDef {
        name: "(*strings.Builder).Cap",
        arity: 1,
        f: strings::builder_cap,
    },
    NativeDef {
        name: "(*strings.Builder).Reset",
        arity: 1,
        f: strings::builder_reset,
    },
    NativeDef {
        name: "(*strings.Builder).Grow",
        arity: 2,
        f: strings::builder_grow,
    },
    NativeDef {
        name: "strings.allocSize",
        arity: 1,
        f: strings::alloc_size,
    },
    // math: Go's special functions and float helpers (natives/math.rs).
    NativeDef {
        name: "math.Expm1",
        arity: 1,
        f: math::expm1,
    },
    NativeDef {
        name: "math.Asinh",
        arity: 1,
        f: math::asinh,
    },
    NativeDef {
        name: "math.Acosh",
        arity: 1,
        f: math::acosh,
    },
    NativeDef {
        name: "math.Atanh",
        arity: 1,
        f: math::atanh,
    },
    NativeDef {
        name: "math.Logb",
        arity: 1,
        f: math::logb,
    },
    NativeDef {
        name: "math.Ilogb",
        arity: 1,
        f: math::ilogb,
    },
    NativeDef {
        name: "math.Erf",
        arity: 1,
        f: math::erf,
    },
    NativeDef {
        name: "math.Erfc",
        arity: 1,
        f: math::erfc,
    },
    NativeDef {
        name: "math.Erfinv",
        arity: 1,
        f: math::erfinv,
    },
    NativeDef {
        name: "math.Erfcinv",
        arity: 1,
        f: math::erfcinv,
    },
    NativeDef {
        name: "math.Gamma",
        arity: 1,
        f: math::gamma,
    },
    NativeDef {
        name: "math.Lgamma",
        arity: 1,
        f: math::lgamma,
    },
    NativeDef {
        name: "math.Remainder",
        arity: 2,
        f: math::remainder,
    },
    NativeDef {
        name: "math.Dim",
        arity: 2,
        f: math::dim,
    },
    NativeDef {
        name: "math.Nextafter",
        arity: 2,
        f: math::nextafter,
    },
    NativeDef {
        name: "math.Nextafter32",
        arity: 2,
        f: math::nextafter32,
    },
    NativeDef {
        name: "math.Frexp",
        arity: 1,
        f: math::frexp,
    },
    NativeDef {
        name: "math.Ldexp",
        arity: 2,
        f: math::ldexp,
    },
    NativeDef {
        name: "math.Pow10",
        arity: 1,
        f: math::pow10,
    },
    NativeDef {
        name: "math.Sincos",
        arity: 1,
        f: math::sincos,
    },
    NativeDef {
        name: "math.FMA",
        arity: 3,
        f: math::fma,
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

/// The id of the native called `name`, at compile time (for the natives
/// `Vm::run` dispatches itself: `sync::quick`). Fails the build if there is none.
const fn native_id(name: &str) -> NativeId {
    let mut i = 0;
    while i < NATIVES.len() {
        let candidate = NATIVES[i].name.as_bytes();
        let wanted = name.as_bytes();
        if candidate.len() == wanted.len() {
            let mut j = 0;
            while j < wanted.len() && candidate[j] == wanted[j] {
                j += 1;
            }
            if j == wanted.len() {
                return i as NativeId;
            }
        }
        i += 1;
    }
    panic!("no native of that name")
}

pub const MUTEX_LOCK: NativeId = native_id("(*sync.Mutex).Lock");
pub const MUTEX_UNLOCK: NativeId = native_id("(*sync.Mutex).Unlock");
pub const WAITGROUP_ADD: NativeId = native_id("(*sync.WaitGroup).Add");

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
        s @ (Value::Str(_) | Value::Short(_)) => s
            .as_bytes()
            .iter()
            .map(|b| Value::Int(i64::from(*b)))
            .collect(),
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

/// `[]rune(s)`: each invalid UTF-8 byte becomes one U+FFFD.
fn string_to_runes(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let bytes = match &args[0] {
        s @ (Value::Str(_) | Value::Short(_)) => s.as_bytes(),
        _ => &[],
    };
    let runes: Vec<Value> = utf8::runes(bytes)
        .into_iter()
        .map(|(_, r, _)| Value::Int(i64::from(r)))
        .collect();
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
    NativeOut::Ret2(Value::Int(n), Value::Nil)
}
