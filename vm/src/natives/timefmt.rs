//! `time.Time.Format`: Go's reference-time layouts ("2006-01-02 15:04:05.000 MST") over the virtual clock, always in UTC.
//!
//! The layout is scanned left to right for the reference time's elements,
//! longest first where one is a prefix of another ("January" before "Jan",
//! "2006" before "2"), as Go's `nextStdChunk` does; everything else is copied.
//! Zone elements print UTC's forms: `MST` is `UTC`, `-0700` is `+0000`, and
//! the `Z` forms print `Z`.

use super::{NativeCtx, NativeOut};
use crate::value::Value;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// `t.Format(layout)`; `t` is `time.Time{ns, mono}`.
pub fn time_format(_ctx: &mut NativeCtx<'_>, args: &[Value]) -> NativeOut {
    let ns = match &args[0] {
        Value::Agg(fields) => fields.borrow().first().map_or(0, Value::as_int),
        _ => 0,
    };
    let layout = args
        .get(1)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    NativeOut::Ret(Value::str(format(ns, &layout)))
}

/// The broken-down UTC time of Unix nanoseconds.
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    yday: u32,
    weekday: usize,
    hour: i64,
    min: i64,
    sec: i64,
    nanos: i64,
}

fn civil(ns: i64) -> Civil {
    let secs = ns.div_euclid(1_000_000_000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = super::time::civil_from_days(days);
    let jan1 = super::time::days_from_civil(year, 1, 1);
    Civil {
        year,
        month,
        day,
        yday: (days - jan1 + 1) as u32,
        // 1970-01-01 was a Thursday.
        weekday: (days + 4).rem_euclid(7) as usize,
        hour: rem / 3600,
        min: rem / 60 % 60,
        sec: rem % 60,
        nanos: ns.rem_euclid(1_000_000_000),
    }
}

/// Formats Unix nanoseconds `ns` by Go layout `layout`.
pub fn format(ns: i64, layout: &str) -> String {
    let t = civil(ns);
    let mut out = String::with_capacity(layout.len() + 10);
    let mut rest = layout;
    while !rest.is_empty() {
        let (text, len) = element(&t, rest);
        match text {
            Some(text) => {
                out.push_str(&text);
                rest = &rest[len..];
            }
            None => {
                let ch = rest.chars().next().unwrap_or(' ');
                out.push(ch);
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
    out
}

/// Formats one layout element of a time; the second argument is the 12-hour clock's hour.
type Render = fn(&Civil, i64) -> String;

/// The reference-time element `rest` starts with, formatted, and its length in the layout.
fn element(t: &Civil, rest: &str) -> (Option<String>, usize) {
    let hour12 = match t.hour % 12 {
        0 => 12,
        h => h,
    };
    // Longest first: each entry is (layout element, its text).
    let fixed: [(&str, Render); 33] = [
        ("January", |t, _| MONTHS[t.month as usize - 1].to_string()),
        ("Jan", |t, _| MONTHS[t.month as usize - 1][..3].to_string()),
        ("Monday", |t, _| DAYS[t.weekday].to_string()),
        ("Mon", |t, _| DAYS[t.weekday][..3].to_string()),
        ("MST", |_, _| "UTC".to_string()),
        ("2006", |t, _| format!("{:04}", t.year)),
        ("Z07:00:00", |_, _| "Z".to_string()),
        ("Z070000", |_, _| "Z".to_string()),
        ("Z07:00", |_, _| "Z".to_string()),
        ("Z0700", |_, _| "Z".to_string()),
        ("Z07", |_, _| "Z".to_string()),
        ("-07:00:00", |_, _| "+00:00:00".to_string()),
        ("-070000", |_, _| "+000000".to_string()),
        ("-07:00", |_, _| "+00:00".to_string()),
        ("-0700", |_, _| "+0000".to_string()),
        ("-07", |_, _| "+00".to_string()),
        ("002", |t, _| format!("{:03}", t.yday)),
        ("__2", |t, _| format!("{:>3}", t.yday)),
        ("01", |t, _| format!("{:02}", t.month)),
        ("02", |t, _| format!("{:02}", t.day)),
        ("_2", |t, _| format!("{:>2}", t.day)),
        ("03", |_, h12| format!("{h12:02}")),
        ("04", |t, _| format!("{:02}", t.min)),
        ("05", |t, _| format!("{:02}", t.sec)),
        ("06", |t, _| format!("{:02}", t.year.rem_euclid(100))),
        ("15", |t, _| format!("{:02}", t.hour)),
        ("PM", |t, _| {
            (if t.hour >= 12 { "PM" } else { "AM" }).to_string()
        }),
        ("pm", |t, _| {
            (if t.hour >= 12 { "pm" } else { "am" }).to_string()
        }),
        ("1", |t, _| t.month.to_string()),
        ("2", |t, _| t.day.to_string()),
        ("3", |_, h12| h12.to_string()),
        ("4", |t, _| t.min.to_string()),
        ("5", |t, _| t.sec.to_string()),
    ];
    if let Some(frac) = fraction(t, rest) {
        return frac;
    }
    for (elem, text) in fixed {
        if rest.starts_with(elem) {
            // Go reads "Jan" only when not followed by a lower-case letter ("Janet" is text).
            if matches!(elem, "Jan" | "Mon")
                && rest[3..].starts_with(|c: char| c.is_ascii_lowercase())
            {
                continue;
            }
            return (Some(text(t, hour12)), elem.len());
        }
    }
    (None, 0)
}

/// `.000` / `,000` (fixed digits) or `.999` (trailing zeros dropped) after a
/// seconds element, as Go's layouts write fractional seconds.
fn fraction(t: &Civil, rest: &str) -> Option<(Option<String>, usize)> {
    let mut chars = rest.chars();
    let sep = chars.next()?;
    if sep != '.' && sep != ',' {
        return None;
    }
    let digit = chars.next()?;
    if digit != '0' && digit != '9' {
        return None;
    }
    let n = rest[1..].chars().take_while(|&c| c == digit).count();
    // Go requires the run to end at a non-digit.
    if rest[1 + n..].starts_with(|c: char| c.is_ascii_digit()) || n > 9 {
        return None;
    }
    let digits = format!("{:09}", t.nanos);
    let digits = &digits[..n];
    let text = if digit == '0' {
        format!("{sep}{digits}")
    } else {
        let trimmed = digits.trim_end_matches('0');
        if trimmed.is_empty() {
            String::new()
        } else {
            format!("{sep}{trimmed}")
        }
    };
    Some((Some(text), 1 + n))
}

#[cfg(test)]
mod tests {
    use super::format;

    /// 2009-11-10 23:00:00 UTC, the virtual clock's start (a Tuesday).
    const START: i64 = 1_257_894_000 * 1_000_000_000;

    #[test]
    fn go_reference_layouts() {
        let t = START + 5_120_000;
        assert_eq!(format(t, "2006/01/02 15:04:05"), "2009/11/10 23:00:00");
        assert_eq!(
            format(t, "Mon Jan _2 15:04:05 2006"),
            "Tue Nov 10 23:00:00 2009"
        );
        assert_eq!(
            format(t, "2006-01-02T15:04:05.999999999Z07:00"),
            "2009-11-10T23:00:00.00512Z"
        );
        assert_eq!(format(t, "15:04:05.000"), "23:00:00.005");
        assert_eq!(format(t, "3:04PM"), "11:00PM");
        assert_eq!(
            format(t, "Monday, January 2, 2006 -0700 MST"),
            "Tuesday, November 10, 2009 +0000 UTC"
        );
        assert_eq!(format(t, "day 002 of '06"), "day 314 of '09");
        assert_eq!(format(START, "05.999"), "00");
    }
}
