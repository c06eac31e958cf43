//! `gomini trace`: runs a program with a trace sink attached and writes the trace as text, JSON, Mermaid or HTML.
//!
//! Where output goes: the trace goes to `-o FILE`, or to stdout without `-o`.
//! The program's own stdout goes to stdout when the trace goes to a file, and
//! to stderr when the trace takes stdout, so `gomini trace f.go --format json >
//! t.json` always gives a clean trace. The program's stderr (panics too) goes
//! to stderr. The exit code is the program's, as with `run`; a trace that
//! cannot be written is a one-line error and exit code 1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gomini_vm::goroutine::Stop;
use gomini_vm::trace::{self, Focus, Trace, TraceSink};

/// The options of `gomini trace`.
pub struct TraceArgs {
    pub file: PathBuf,
    pub seed: u64,
    pub format: String,
    pub out: Option<PathBuf>,
    pub focus: Focus,
    pub max_events: usize,
    pub shared_loopvars: bool,
    /// `--max-steps` and the other limits (limits.rs).
    pub limits: crate::limits::LimitArgs,
    /// `--race`: race reports go to stderr with the program's.
    pub race: bool,
}

/// Runs `args.file` under a trace sink and writes the trace.
pub fn trace(args: TraceArgs) -> ExitCode {
    // A path that cannot be written is reported before the program runs.
    if let Some(out) = &args.out {
        if let Err(why) = std::fs::File::create(out) {
            eprintln!("gomini: {}", cannot_write(out, &why));
            return ExitCode::from(1);
        }
    }
    let Some((loaded, compiled)) =
        crate::compile_file(&args.file, Vec::new(), args.shared_loopvars)
    else {
        return ExitCode::from(1);
    };
    let mut vm = gomini_vm::Vm::new(compiled, args.seed);
    let sink = TraceSink::new(vm.program.clone(), args.focus, args.max_events);
    let collected = sink.collected.clone();
    vm.set_sink(Box::new(sink));
    let guard = crate::limits::start(&args.limits, &mut vm, false);
    if args.race {
        vm.enable_race();
    }
    let stop = vm.run_main();
    let finished_code = match stop {
        Stop::Finished => vm.finish_race(0),
        _ => 0,
    };

    // The program's output first, so that it reads as in `run`.
    let trace_to_stdout = args.out.is_none();
    let mut stderr = std::io::stderr().lock();
    if trace_to_stdout {
        let _ = stderr.write_all(&vm.stdout);
    } else {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&vm.stdout);
        let _ = stdout.flush();
    }
    let _ = stderr.write_all(&vm.stderr);
    let code = match stop {
        Stop::LimitExceeded(_) | Stop::Interrupted => {
            crate::limits::report(&guard, &stop, &args.limits, &mut stderr, None).unwrap_or(2)
        }
        Stop::Panicked(text) | Stop::Fatal(text) => {
            let _ = stderr.write_all(text.as_bytes());
            2
        }
        Stop::Exit(code) => {
            if code != 0 {
                let _ = writeln!(stderr, "exit status {code}");
            }
            code
        }
        _ => finished_code,
    };
    let _ = stderr.flush();

    let collected = std::mem::take(&mut *collected.borrow_mut());
    let trace = Trace::new(
        &loaded.display_name,
        &loaded.text,
        args.seed,
        code,
        args.focus,
        args.max_events,
        collected,
    );
    let rendered = match args.format.as_str() {
        "json" => trace::json::render(&trace),
        "mermaid" => trace::mermaid::render(&trace),
        "html" => trace::html::render(&trace),
        _ => trace::text::render(&trace, trace_to_stdout && color_on_stdout()),
    };
    if let Some(note) = trace.truncation_note() {
        eprintln!("gomini: {note}");
    }
    if let Err(why) = write_out(args.out.as_deref(), rendered.as_bytes()) {
        eprintln!("gomini: {why}");
        return ExitCode::from(1);
    }
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Writes the trace to `path`, or to stdout; the error is one line naming the path.
fn write_out(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match path {
        Some(path) => std::fs::write(path, bytes).map_err(|e| cannot_write(path, &e)),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|e| format!("cannot write the trace to stdout: {}", e.kind()))
        }
    }
}

/// `cannot write the trace to PATH: REASON`.
fn cannot_write(path: &Path, err: &std::io::Error) -> String {
    let why = match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        kind => kind.to_string(),
    };
    format!("cannot write the trace to {}: {why}", path.display())
}

/// Colour when stdout is a terminal and `NO_COLOR` is unset or empty (no-color.org).
fn color_on_stdout() -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// `--max-events` must be a positive count.
pub fn parse_max_events(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) | Err(_) => Err(format!("expected a positive number of events, got {s:?}")),
        Ok(n) => Ok(n),
    }
}

/// `--focus defer|goroutines|all`.
pub fn parse_focus(s: &str) -> Result<Focus, String> {
    Focus::parse(s).ok_or_else(|| format!("expected defer, goroutines or all, got {s:?}"))
}

/// The default `--max-events`.
pub const DEFAULT_MAX_EVENTS: usize = trace::DEFAULT_MAX_EVENTS;
