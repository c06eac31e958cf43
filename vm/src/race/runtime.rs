//! Accesses Go's runtime makes on the program's behalf, and the frames Go's reports show for them.
//!
//! An access remembers, in the high bits of its pc, which runtime function
//! made it (`RuntimeTag`; 0: the program's own instruction). Go's report
//! shows that function above the program's frames (`runtime.chansend()`,
//! `runtime.closechan()`, `runtime.growslice()`); an access by `sync/atomic`
//! shows only the atomic function's two frames, without its caller, as the
//! real race runtime prints it (its assembly stubs hide the caller).

use std::fmt::Write as _;

/// Which runtime function made an access (0: the program itself).
pub type RuntimeTag = u32;

/// `append` growing a slice reads the old elements (`runtime.growslice`).
pub(crate) const RUNTIME_GROWSLICE: RuntimeTag = 1;
/// A send reads the channel (`runtime.chansend`'s `racereadpc`; select's send cases too).
pub(crate) const RUNTIME_CHANSEND: RuntimeTag = 2;
/// `close` writes the channel (`runtime.closechan`'s `racewritepc`).
pub(crate) const RUNTIME_CLOSECHAN: RuntimeTag = 3;
/// `strings.Builder` methods (natives here, Go code in Go's library, so Go's
/// reports show them): `BUILDER_FIRST + 4 * method + part` (`BuilderPart`).
pub(crate) const BUILDER_FIRST: RuntimeTag = 4;
/// `sync/atomic` operations: `ATOMIC_FIRST + 2 * k (+ 1 for the Uint form)`, k indexing `ATOMIC_OPS`.
const ATOMIC_FIRST: RuntimeTag = 64;

/// A `strings.Builder` method whose accesses `--race` checks (race/builder.rs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum BuilderMethod {
    Write,
    WriteByte,
    WriteRune,
    WriteString,
    Grow,
    String,
    Len,
    Cap,
    Reset,
}

/// Per `BuilderMethod`, in order: its name, the line of its access to `b.buf`
/// in Go's strings/builder.go (go1.27), and the line of its `copyCheck` call
/// (`Reset`: of its `b.addr = nil`; 0: it does not touch `addr`).
const BUILDER_METHODS: [(&str, u32, u32); 9] = [
    ("Write", 89, 88),
    ("WriteByte", 97, 96),
    ("WriteRune", 106, 104),
    ("WriteString", 114, 113),
    ("Grow", 80, 76),
    ("String", 47, 0),
    ("Len", 51, 0),
    ("Cap", 56, 0),
    ("Reset", 61, 60),
];

/// Which of a Builder's words a method's access is to, and how Go makes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum BuilderPart {
    /// `b.buf`, the slice header.
    Buf,
    /// `b.addr` (in `copyCheck`, or `Reset`'s own).
    Addr,
    /// The old bytes, copied when the buffer grows (`runtime.growslice`; Grow's `copy`).
    OldBytes,
    /// The bytes written (`runtime.slicecopy`).
    NewBytes,
}

/// The tag of `method`'s access to `part`.
pub(crate) fn builder_tag(method: BuilderMethod, part: BuilderPart) -> RuntimeTag {
    BUILDER_FIRST + 4 * method as u32 + part as u32
}

/// The atomic functions Go's race runtime implements in `runtime/race_amd64.s`
/// and the line of their call into ThreadSanitizer there (go1.27). The
/// `Uint` forms jump to these, so Go's report shows this name first.
const ATOMIC_OPS: [(&str, u32); 10] = [
    ("LoadInt32", 202),
    ("LoadInt64", 208),
    ("StoreInt32", 231),
    ("StoreInt64", 237),
    ("SwapInt32", 256),
    ("SwapInt64", 262),
    ("AddInt32", 281),
    ("AddInt64", 289),
    ("CompareAndSwapInt32", 361),
    ("CompareAndSwapInt64", 367),
];

/// The tag of the `sync/atomic` function `name` (`sync/atomic.AddUint64`), if it is one.
pub(crate) fn atomic_tag(name: &str) -> Option<RuntimeTag> {
    let op = name.strip_prefix("sync/atomic.")?;
    let (int_form, unsigned) = match op.find("Uint") {
        Some(at) => (format!("{}Int{}", &op[..at], &op[at + 4..]), 1),
        None => (op.to_string(), 0),
    };
    let k = ATOMIC_OPS.iter().position(|(n, _)| *n == int_form)?;
    Some(ATOMIC_FIRST + 2 * k as u32 + unsigned)
}

/// Whether an access with this tag is a `sync/atomic` operation (atomics never race with each other).
#[inline]
pub(crate) fn is_atomic(tag: RuntimeTag) -> bool {
    tag >= ATOMIC_FIRST
}

/// Whether the access observer sees accesses with this tag: the program's own
/// and `append`'s, not the channel word or the atomics (they are not the program's memory accesses).
pub(crate) fn observed(tag: RuntimeTag) -> bool {
    tag <= RUNTIME_GROWSLICE
}

/// Go's frames for the runtime function `tag`, innermost first, as report lines.
/// The `+0x` offsets are those Go prints (the function's entry for runtime
/// functions; the stubs' offsets for atomics, which vary by build and are masked by tests).
pub(crate) fn write_frames(out: &mut String, tag: RuntimeTag, write: bool) {
    let mut frame = |name: &str, place: &str| {
        let _ = writeln!(out, "  {name}()\n      {place}");
    };
    let builder = |line: u32| format!("$GOROOT/src/strings/builder.go:{line} +0x0");
    match tag {
        _ if (BUILDER_FIRST..BUILDER_FIRST + 4 * BUILDER_METHODS.len() as u32).contains(&tag) => {
            let (method, part) = ((tag - BUILDER_FIRST) / 4, (tag - BUILDER_FIRST) % 4);
            let (name, buf_line, addr_line) = BUILDER_METHODS[method as usize];
            let method_frame = format!("strings.(*Builder).{name}");
            let grow = name == "Grow";
            match part {
                1 if name == "Reset" => frame(&method_frame, &builder(addr_line)),
                1 => {
                    let check_line = if write { 39 } else { 33 };
                    frame("strings.(*Builder).copyCheck", &builder(check_line));
                    frame(&method_frame, &builder(addr_line));
                }
                2 | 3 if grow => {
                    frame("runtime.slicecopy", "$GOROOT/src/runtime/slice.go:392 +0x0");
                    frame("strings.(*Builder).grow", &builder(68));
                    frame(&method_frame, &builder(81));
                }
                2 => {
                    frame("runtime.growslice", "$GOROOT/src/runtime/slice.go:178 +0x0");
                    frame(&method_frame, &builder(buf_line));
                }
                3 => {
                    frame("runtime.slicecopy", "$GOROOT/src/runtime/slice.go:392 +0x0");
                    frame(&method_frame, &builder(buf_line));
                }
                _ if grow && write => {
                    frame("strings.(*Builder).grow", &builder(69));
                    frame(&method_frame, &builder(81));
                }
                _ => frame(&method_frame, &builder(buf_line)),
            }
        }
        RUNTIME_GROWSLICE => frame("runtime.growslice", "$GOROOT/src/runtime/slice.go:178 +0x0"),
        RUNTIME_CHANSEND => frame("runtime.chansend", "$GOROOT/src/runtime/chan.go:176 +0x0"),
        RUNTIME_CLOSECHAN => frame("runtime.closechan", "$GOROOT/src/runtime/chan.go:414 +0x0"),
        _ if is_atomic(tag) => {
            let k = ((tag - ATOMIC_FIRST) / 2) as usize;
            let Some(&(int_form, line)) = ATOMIC_OPS.get(k) else {
                return;
            };
            let called = match (tag - ATOMIC_FIRST) % 2 {
                1 => int_form.replacen("Int", "Uint", 1),
                _ => int_form.to_string(),
            };
            frame(
                &format!("sync/atomic.{int_form}"),
                &format!("$GOROOT/src/runtime/race_amd64.s:{line} +0xb"),
            );
            frame(&format!("sync/atomic.{called}"), "<autogenerated>:1 +0x15");
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_frames_name_the_int_form_then_the_called_one() {
        let tag = atomic_tag("sync/atomic.CompareAndSwapUint32").expect("an atomic");
        assert!(is_atomic(tag) && !observed(tag));
        let mut out = String::new();
        write_frames(&mut out, tag, false);
        assert_eq!(
            out,
            "  sync/atomic.CompareAndSwapInt32()\n      $GOROOT/src/runtime/race_amd64.s:361 +0xb\n  \
             sync/atomic.CompareAndSwapUint32()\n      <autogenerated>:1 +0x15\n"
        );
        assert_eq!(atomic_tag("sync/atomic.AddInt64"), Some(ATOMIC_FIRST + 14));
        assert_eq!(atomic_tag("sync/atomic.Value"), None);
        assert!(!is_atomic(RUNTIME_CLOSECHAN) && !observed(RUNTIME_CHANSEND));
    }

    #[test]
    fn builder_frames_show_copy_check_above_the_method() {
        let tag = builder_tag(BuilderMethod::WriteString, BuilderPart::Addr);
        assert!(!is_atomic(tag) && !observed(tag));
        let mut out = String::new();
        write_frames(&mut out, tag, true);
        assert_eq!(
            out,
            "  strings.(*Builder).copyCheck()\n      $GOROOT/src/strings/builder.go:39 +0x0\n  \
             strings.(*Builder).WriteString()\n      $GOROOT/src/strings/builder.go:113 +0x0\n"
        );
        let mut out = String::new();
        write_frames(
            &mut out,
            builder_tag(BuilderMethod::Reset, BuilderPart::Buf),
            true,
        );
        assert_eq!(
            out,
            "  strings.(*Builder).Reset()\n      $GOROOT/src/strings/builder.go:61 +0x0\n"
        );
        assert!(builder_tag(BuilderMethod::Reset, BuilderPart::NewBytes) < ATOMIC_FIRST);
    }
}
