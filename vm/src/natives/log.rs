//! log natives: one formatted line to stderr with Go's header (prefix, date and time on the virtual clock).

use super::{NativeCtx, NativeOut};
use crate::value::Value;

const LDATE: i64 = 1;
const LTIME: i64 = 2;
const LMICROSECONDS: i64 = 4;
const LMSGPREFIX: i64 = 64;

/// `log.output(prefix, flags, s)`.
///
/// The timestamp reads the virtual clock (it starts at Go's playground time,
/// 2009-11-10 23:00:00 UTC, and advances with time.Sleep), always in UTC.
/// FIXME: Lshortfile and Llongfile print nothing.
pub fn output(ctx: &mut NativeCtx<'_>, a: &[Value]) -> NativeOut {
    let (prefix, flags, msg) = (a[0].as_bytes(), a[1].as_int(), a[2].as_bytes());
    let mut line = Vec::new();
    if flags & LMSGPREFIX == 0 {
        line.extend_from_slice(prefix);
    }
    let (now_ns, _) = ctx.sched.clock();
    if flags & LDATE != 0 {
        line.extend_from_slice(super::timefmt::format(now_ns, "2006/01/02 ").as_bytes());
    }
    if flags & (LTIME | LMICROSECONDS) != 0 {
        let layout = if flags & LMICROSECONDS != 0 {
            "15:04:05.000000 "
        } else {
            "15:04:05 "
        };
        line.extend_from_slice(super::timefmt::format(now_ns, layout).as_bytes());
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
