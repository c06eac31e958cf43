//! runtime's and time's natives: Gosched, Goexit, NumGoroutine, and the virtual clock's sleep, timers and readings.

use super::{NativeCtx, NativeOut};
use crate::value::Value;

pub fn gosched(_ctx: &mut NativeCtx<'_>, _args: &[Value]) -> NativeOut {
    NativeOut::Yield
}

pub fn goexit(_ctx: &mut NativeCtx<'_>, _args: &[Value]) -> NativeOut {
    NativeOut::Goexit
}

pub fn num_goroutine(ctx: &mut NativeCtx<'_>, _args: &[Value]) -> NativeOut {
    NativeOut::Ret(Value::Int(ctx.sched.n_live as i64))
}

/// `time.Sleep(d)`: parks on a timer; `d <= 0` returns at once, as in Go.
pub fn sleep(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let d = args[0].as_int();
    if ctx.wake.is_some() || d <= 0 {
        return NativeOut::Ret0;
    }
    ctx.sched.sleep(ctx.slot, d);
    NativeOut::Park("sleep")
}

/// `time.now() (ns, mono int64)`.
pub fn now(ctx: &mut NativeCtx<'_>, _args: &[Value]) -> NativeOut {
    let (ns, mono) = ctx.sched.clock();
    NativeOut::RetN(vec![Value::Int(ns), Value::Int(mono)])
}

/// `time.startTimer(c, d, period) int`.
pub fn start_timer(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let Value::Chan(c) = &args[0] else {
        return NativeOut::Panic(crate::panic::nil_deref());
    };
    let id = ctx
        .sched
        .chan_timer(c.clone(), args[1].as_int(), args[2].as_int());
    NativeOut::Ret(Value::Int(id as i64))
}

/// `time.startFuncTimer(f, d) int`.
pub fn start_func_timer(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let id = ctx.sched.func_timer(args[0].clone(), args[1].as_int());
    NativeOut::Ret(Value::Int(id as i64))
}

pub fn stop_timer(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let was = ctx.sched.stop_timer(args[0].as_int() as u32);
    NativeOut::Ret(Value::Bool(was))
}

pub fn reset_timer(ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let was = ctx
        .sched
        .reset_timer(args[0].as_int() as u32, args[1].as_int(), args[2].as_int());
    NativeOut::Ret(Value::Bool(was))
}

/// `Time.String()`: `2009-11-10 23:00:00 +0000 UTC m=+0.000000001`, as Go prints it (UTC only).
pub fn time_string(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let (ns, mono) = match &args[0] {
        Value::Agg(fields) => {
            let f = fields.borrow();
            (f[0].as_int(), f[1].as_int())
        }
        _ => (0, 0),
    };
    let mut text = civil(ns);
    if mono != 0 {
        let sign = if mono < 0 { '-' } else { '+' };
        let m = mono.unsigned_abs();
        text.push_str(&format!(
            " m={sign}{}.{:09}",
            m / 1_000_000_000,
            m % 1_000_000_000
        ));
    }
    NativeOut::Ret(Value::str(text))
}

/// Unix nanoseconds as `2006-01-02 15:04:05.999999999 +0000 UTC`.
fn civil(ns: i64) -> String {
    let secs = ns.div_euclid(1_000_000_000);
    let frac = ns.rem_euclid(1_000_000_000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let mut text = format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    );
    if frac != 0 {
        let digits = format!("{frac:09}");
        text.push('.');
        text.push_str(digits.trim_end_matches('0'));
    }
    text.push_str(" +0000 UTC");
    text
}

/// Howard Hinnant's days-since-1970 to (year, month, day).
pub(super) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// (year, month, day) to days since 1970-01-01, the inverse of `civil_from_days`.
pub(super) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `close(ch)` as a func value (`defer close(ch)`): the VM does it as for
/// `Op::Close` (`Vm::close_chan`), so that every close is traced alike.
pub fn close(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    match &args[0] {
        Value::Chan(c) => NativeOut::CloseChan(c.clone()),
        _ => NativeOut::Panic(crate::chan::close_of_nil()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn start_of_virtual_time() {
        assert_eq!(
            super::civil(crate::sched::START_UNIX_NS),
            "2009-11-10 23:00:00 +0000 UTC"
        );
        assert_eq!(
            super::civil(crate::sched::START_UNIX_NS + 1_500_000_000),
            "2009-11-10 23:00:01.5 +0000 UTC"
        );
    }
}
