//! The limits of `run` and `trace` on the command line (`--max-steps`, `--max-memory`, `--max-goroutines`, `--max-output`, `--timeout`), the heap meter, and streaming output.
//!
//! The VM does the counting (`gomini_vm::limits`); this module parses the
//! flags, counts the process's heap with the `cap` allocator, runs the
//! `--timeout` watchdog (the one place gomini reads the wall clock: a thread
//! that sleeps and then sets the VM's interrupt flag), streams the program's
//! output to the real stdout and stderr, and turns a stopped run into its
//! message and exit code.

use std::alloc::System;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use gomini_vm::goroutine::Stop;
use gomini_vm::limits::{Limit, Limits};
use gomini_vm::output::{OutputSink, Stream};

/// Every heap allocation of gomini is counted, so `--max-memory` and the
/// out-of-memory check see what the program holds (`cap` only counts: its
/// limit stays at the maximum, so no allocation fails here).
#[global_allocator]
static ALLOC: cap::Cap<System> = cap::Cap::new(System, usize::MAX);

/// The exit codes of a run stopped by a limit: none of Go's (0, 1, 2), nor the race detector's 66.
pub fn exit_code(limit: Option<Limit>) -> u8 {
    match limit {
        Some(Limit::Steps) => 120,
        Some(Limit::Memory) => 121,
        Some(Limit::Goroutines) => 122,
        Some(Limit::Output) => 123,
        // `--timeout`: as GNU timeout.
        None => 124,
    }
}

/// The limit flags shared by `run` and `trace`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct LimitArgs {
    /// Stop after this many VM instructions (all goroutines together).
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Stop when the heap grows by more than this (bytes; KB, MB, GB, KiB, MiB, GiB suffixes allowed).
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
    pub max_memory: Option<ByteCount>,
    /// Stop when more than this many goroutines (main included) are alive at once.
    #[arg(long, value_name = "N")]
    pub max_goroutines: Option<u64>,
    /// Stop after this many bytes of output (stdout and stderr together).
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
    pub max_output: Option<ByteCount>,
    /// Stop after this much wall-clock time (Go durations: 2s, 500ms, 1m30s).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
}

/// A byte count as given on the command line: its value and its text (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteCount {
    pub bytes: u64,
    pub text: String,
}

/// What `start` set up; `stopped` reads it when the run ends.
pub struct Guard {
    /// Set by the watchdog when the time ran out.
    timed_out: Arc<AtomicBool>,
    /// Set by the output sink when stdout or stderr cannot be written (a closed pipe).
    broken: Arc<AtomicBool>,
    /// Tells the watchdog the run ended, so it exits without setting anything.
    _done: Option<std::sync::mpsc::Sender<()>>,
}

/// Applies `args` to `vm`, starts the watchdog, and, with `stream`, sends the
/// program's output to the real stdout and stderr as it is written.
pub fn start(args: &LimitArgs, vm: &mut gomini_vm::Vm, stream: bool) -> Guard {
    let (limits, guard) = prepare(args);
    let interrupt = limits.interrupt.clone();
    vm.set_limits(limits);
    if let (true, Some(interrupt)) = (stream, interrupt) {
        vm.set_output(Box::new(StdSink {
            broken: guard.broken.clone(),
            interrupt,
        }));
    }
    guard
}

/// The VM limits `args` ask for (with the interrupt flag and the heap meter),
/// and the guard that starts the `--timeout` watchdog now: for a VM made later.
pub fn prepare(args: &LimitArgs) -> (Limits, Guard) {
    let interrupt = Arc::new(AtomicBool::new(false));
    let timed_out = Arc::new(AtomicBool::new(false));
    let broken = Arc::new(AtomicBool::new(false));
    let limits = Limits {
        max_steps: args.max_steps,
        max_memory: args.max_memory.as_ref().map(|m| m.bytes),
        max_goroutines: args.max_goroutines,
        max_output: args.max_output.as_ref().map(|m| m.bytes),
        interrupt: Some(interrupt.clone()),
        heap_meter: Some(heap_in_use),
        memory_ceiling: memory_ceiling(),
    };
    let done = args.timeout.map(|limit| {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let timed_out = timed_out.clone();
        std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                timed_out.store(true, Ordering::Relaxed);
                interrupt.store(true, Ordering::Relaxed);
            }
        });
        done
    });
    (
        limits,
        Guard {
            timed_out,
            broken,
            _done: done,
        },
    )
}

impl Guard {
    /// For a run that ended in `stop`: the one-line message naming the limit
    /// and the exit code, or `None` when no limit stopped it.
    pub fn stopped(&self, stop: &Stop, args: &LimitArgs) -> Option<(Option<String>, u8)> {
        let (limit, value) = match stop {
            Stop::LimitExceeded(limit) => {
                let value = match limit {
                    Limit::Steps => args.max_steps.map(|n| n.to_string()),
                    Limit::Memory => args.max_memory.as_ref().map(|m| m.text.clone()),
                    Limit::Goroutines => args.max_goroutines.map(|n| n.to_string()),
                    Limit::Output => args.max_output.as_ref().map(|m| m.text.clone()),
                };
                (Some(*limit), value.unwrap_or_default())
            }
            Stop::Interrupted if self.broken.load(Ordering::Relaxed) => {
                // Output nobody reads: end quietly, as a Go program killed by SIGPIPE would.
                return Some((None, 141));
            }
            Stop::Interrupted if self.timed_out.load(Ordering::Relaxed) => {
                let shown = args.timeout.map(format_duration).unwrap_or_default();
                (None, shown)
            }
            Stop::Interrupted => return Some((Some("gomini: stopped: interrupted".into()), 130)),
            _ => return None,
        };
        let flag = limit.map_or("--timeout", Limit::flag);
        Some((
            Some(format!("gomini: stopped: {flag} {value} exceeded")),
            exit_code(limit),
        ))
    }
}

/// Writes the message of a run stopped by a limit (and `seed_line` after it)
/// to `stderr`; returns the exit code. For any other stop: `None`.
pub fn report(
    guard: &Guard,
    stop: &Stop,
    args: &LimitArgs,
    stderr: &mut dyn Write,
    seed_line: Option<&str>,
) -> Option<i32> {
    let (message, code) = guard.stopped(stop, args)?;
    if let Some(message) = message {
        let _ = writeln!(stderr, "{message}");
        if let Some(seed_line) = seed_line {
            let _ = writeln!(stderr, "{seed_line}");
        }
    }
    Some(i32::from(code))
}

/// The heap gomini holds now, in bytes.
fn heap_in_use() -> u64 {
    ALLOC.allocated() as u64
}

/// The machine's memory (Linux's `MemTotal`): past it, a run is out of memory
/// (Go's fatal error) instead of being killed by the system.
fn memory_ceiling() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib.saturating_mul(1024))
}

/// Writes the program's output to the process's stdout and stderr as it comes.
struct StdSink {
    broken: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
}

impl OutputSink for StdSink {
    fn write(&mut self, stream: Stream, bytes: &[u8]) {
        let written = match stream {
            Stream::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes).and_then(|_| out.flush())
            }
            Stream::Stderr => std::io::stderr().lock().write_all(bytes),
        };
        if written.is_err() {
            self.broken.store(true, Ordering::Relaxed);
            self.interrupt.store(true, Ordering::Relaxed);
        }
    }
}

/// A byte count: digits with an optional unit (`B`, `KB`/`MB`/`GB` powers of
/// 1000, `KiB`/`MiB`/`GiB` powers of 1024).
pub fn parse_bytes(s: &str) -> Result<ByteCount, String> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &s[digits.len()..];
    let scale: u64 = match unit {
        "" | "B" => 1,
        "KB" | "kB" => 1000,
        "MB" => 1000 * 1000,
        "GB" => 1000 * 1000 * 1000,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => {
            return Err(format!(
                "unknown unit {unit:?} (use B, KB, MB, GB, KiB, MiB or GiB)"
            ))
        }
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("expected a number of bytes such as 1000000 or 64MiB, got {s:?}"))?;
    let bytes = n
        .checked_mul(scale)
        .ok_or_else(|| format!("{s:?} is too large"))?;
    Ok(ByteCount {
        bytes,
        text: s.to_string(),
    })
}

/// A Go duration (`time.ParseDuration`): a sequence of decimal numbers, each
/// with a unit (ns, us, µs, ms, s, m, h), such as `2s`, `500ms`, `1m30s`, `1.5h`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let bad = || format!("expected a duration such as 2s, 500ms or 1m30s, got {s:?}");
    if s.is_empty() {
        return Err(bad());
    }
    let mut rest = s;
    let mut total_ns: f64 = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(bad)?;
        let number: f64 = rest[..number_len].parse().map_err(|_| bad())?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit_ns = match &rest[..unit_len] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        total_ns += number * unit_ns;
    }
    if !total_ns.is_finite() || total_ns > u64::MAX as f64 {
        return Err(bad());
    }
    Ok(Duration::from_nanos(total_ns as u64))
}

/// A duration as the user would have written it (`2s`, `500ms`).
fn format_duration(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns.is_multiple_of(1_000_000_000) {
        format!("{}s", ns / 1_000_000_000)
    } else if ns.is_multiple_of(1_000_000) {
        format!("{}ms", ns / 1_000_000)
    } else if ns.is_multiple_of(1000) {
        format!("{}us", ns / 1000)
    } else {
        format!("{ns}ns")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations_parse() {
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1.5h"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("10us"), Ok(Duration::from_micros(10)));
        for bad in ["", "2", "s", "2x", "-1s", "1..2s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn byte_counts_parse() {
        let bytes = |s| parse_bytes(s).map(|b| b.bytes);
        assert_eq!(bytes("1000"), Ok(1000));
        assert_eq!(bytes("64MiB"), Ok(64 << 20));
        assert_eq!(bytes("2KB"), Ok(2000));
        assert!(parse_bytes("12XB").is_err());
        assert!(parse_bytes("MiB").is_err());
        assert!(parse_bytes("99999999999GiB").is_err());
    }

    #[test]
    fn durations_print_as_written() {
        assert_eq!(format_duration(Duration::from_secs(2)), "2s");
        assert_eq!(format_duration(Duration::from_millis(500)), "500ms");
    }
}
