//! log natives: one formatted line to stderr with Go's header (prefix, date and time on the virtual clock).

use super::{NativeCtx, NativeOut};
use crate::value::Value;

const LDATE: i64 = 1;
const LTIME: i64 = 2;
const LMICROSECONDS: i64 = 4;
const LMSGPREFIX: i64 = 64;

/// `log.output(prefix, flags, s)`.
///
/// FIXME: the timestamp is the virtual clock's start (Go's playground time,
/// 2009-11-10 23:00:00 UTC); it should advance with time.Sleep. Lshortfile
/// and Llongfile print nothing.
pub fn output(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (prefix, flags, msg) = (a[0].as_bytes(), a[1].as_int(), a[2].as_bytes());
    let mut line = Vec::new();
    if flags & LMSGPREFIX == 0 {
        line.extend_from_slice(prefix);
    }
    if flags & LDATE != 0 {
        line.extend_from_slice(b"2009/11/10 ");
    }
    if flags & (LTIME | LMICROSECONDS) != 0 {
        line.extend_from_slice(b"23:00:00");
        if flags & LMICROSECONDS != 0 {
            line.extend_from_slice(b".000000");
        }
        line.push(b' ');
    }
    if flags & LMSGPREFIX != 0 {
        line.extend_from_slice(prefix);
    }
    line.extend_from_slice(msg);
    if msg.last() != Some(&b'\n') {
        line.push(b'\n');
    }
    ctx.stderr.extend_from_slice(&line);
    NativeOut::Ret0
}
