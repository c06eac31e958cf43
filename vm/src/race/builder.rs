//! `strings.Builder` under `--race`: its methods are natives, so the accesses Go's own Builder code makes are reported here.
//!
//! Go's Builder is `{addr *Builder; buf []byte}`: Write, WriteByte, WriteRune,
//! WriteString and Grow first run `copyCheck` (reads `addr`, and writes it on
//! the first use), then read `buf` and write it back (Grow only when it grows);
//! String, Len and Cap read `buf`; Reset writes both. gomini's Builder is
//! `{buf string; capacity int}`: field 0 stands for Go's `buf` (its length and
//! capacity words), field 1 for `addr`, so a copy of a whole Builder (which
//! reads both fields) races with these as in Go. `addr` is unset while the
//! builder is empty with no capacity: new, or after Reset.
//!
//! The buffer's bytes are elements `BYTES + i` of the same store: a write
//! writes the bytes it appends; when the buffer grows Go copies the old bytes
//! (reads them) into a new array, whose bytes have no history yet.
//!
//! Each access carries its method's runtime tag (race/runtime.rs), so a report
//! shows Go's library frames and, as in Go, races on `addr`, on `buf` and on
//! the bytes between the same two calls are separate reports.

use std::rc::Rc;

use super::runtime::{builder_tag, BuilderMethod, BuilderPart};
use super::ObjectRef;
use crate::frame::Frame;
use crate::value::{Store, Value, WHOLE};
use crate::Vm;

/// The field standing for Go's `buf`.
const BUF: u32 = 0;
/// The field standing for Go's `addr` (copyCheck's).
const ADDR: u32 = 1;
/// Byte `i` of the buffer is element `BYTES + i`.
const BYTES: u32 = 2;

impl Vm {
    /// `method` called with receiver `receiver` (a `*strings.Builder`) by the
    /// instruction before `pc`; `arg` is the number of bytes a write appends,
    /// or Grow's argument.
    #[cold]
    #[inline(never)]
    pub(crate) fn race_builder(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        receiver: &Value,
        method: BuilderMethod,
        arg: i64,
    ) {
        let store = match receiver {
            Value::Ptr(store, WHOLE) => store.clone(),
            Value::Ptr(outer, i) => match outer.borrow().get(*i as usize) {
                Some(Value::Agg(store)) => store.clone(),
                _ => return,
            },
            // A nil receiver: the method panics before it touches anything.
            _ => return,
        };
        self.race_builder_store(frames, pc, &store, method, arg);
    }

    /// `b.WriteString(text)` run by `Op::BuilderWriteString` (`receiver`: the
    /// pointer) or `Op::BuilderWriteStringLocal` (`local`; `receiver`: the
    /// Builder local itself, which a pointer taken earlier may share).
    #[cold]
    #[inline(never)]
    pub(crate) fn race_builder_write_string(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        receiver: &Value,
        local: bool,
        text: &Value,
    ) {
        let n = text.as_bytes().len() as i64;
        match (local, receiver) {
            (true, Value::Agg(store)) => {
                let store = store.clone();
                self.race_builder_store(frames, pc, &store, BuilderMethod::WriteString, n)
            }
            (true, _) => {}
            (false, _) => self.race_builder(frames, pc, receiver, BuilderMethod::WriteString, n),
        }
    }

    /// The accesses of `method` on the Builder whose fields are `store`, in Go's order.
    fn race_builder_store(
        &mut self,
        frames: &mut [Frame],
        pc: usize,
        store: &Rc<Store>,
        method: BuilderMethod,
        arg: i64,
    ) {
        use BuilderMethod::*;
        let (len, cap) = {
            let fields = store.borrow();
            (fields[0].as_bytes().len() as i64, fields[1].as_int())
        };
        let object = ObjectRef::Store(store);
        let mut access = |vm: &mut Vm, part: BuilderPart, from: i64, n: i64, write: bool| {
            let from = match part {
                BuilderPart::Buf => BUF,
                BuilderPart::Addr => ADDR,
                BuilderPart::OldBytes | BuilderPart::NewBytes => BYTES + from as u32,
            };
            vm.set_race_runtime_frame(builder_tag(method, part));
            if let Some(r) = vm.race.as_deref_mut() {
                // Called by the program, or by fmt's Go code writing to an
                // io.Writer that holds the Builder: checked either way.
                let at = pc.saturating_sub(1) as u32;
                r.range_through_library(
                    frames,
                    at,
                    &ObjectRef::Store(store),
                    from,
                    n as u32,
                    write,
                    &mut vm.stderr,
                );
            }
            vm.set_race_runtime_frame(0);
        };
        match method {
            Write | WriteByte | WriteRune | WriteString | Grow => {
                access(self, BuilderPart::Addr, 0, 1, false);
                if len == 0 && cap == 0 {
                    access(self, BuilderPart::Addr, 0, 1, true);
                }
                if method == Grow && arg < 0 {
                    // Grow panics after its copyCheck.
                    return;
                }
                access(self, BuilderPart::Buf, 0, 1, false);
                let grows = match method {
                    Grow => cap - len < arg,
                    _ => arg > 0 && len + arg > cap,
                };
                if grows {
                    // The old bytes are copied into a new array.
                    access(self, BuilderPart::OldBytes, 0, len, false);
                    if let Some(r) = self.race.as_deref_mut() {
                        r.shadow.forget_from(&object, BYTES);
                    }
                    if method == Grow {
                        access(self, BuilderPart::NewBytes, 0, len, true);
                    }
                }
                if method != Grow {
                    access(self, BuilderPart::NewBytes, len, arg, true);
                }
                if method != Grow || grows {
                    access(self, BuilderPart::Buf, 0, 1, true);
                }
            }
            String | Len | Cap => access(self, BuilderPart::Buf, 0, 1, false),
            Reset => {
                access(self, BuilderPart::Addr, 0, 1, true);
                access(self, BuilderPart::Buf, 0, 1, true);
            }
        }
    }
}
