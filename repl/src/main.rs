//! The `gomini` binary: the command line around the lexer, parser and VM.
//!
//! Entry point: [`main`] parses the command line with clap and dispatches to a
//! subcommand. Files in reading order: `main.rs` (commands and exit codes),
//! `source.rs` (reading a program file), `diagnostics.rs` (ariadne rendering),
//! `trace.rs` and `disasm.rs` (those subcommands).
//! `session/` (the REPL).
//! End-to-end tests of the binary live in `repl/tests/`.
//!
//! Architecture invariant: only this crate prints to a terminal; the library
//! crates return values and diagnostics. Program output goes to stdout,
//! everything gomini itself says goes to stderr.
//!
//! Exit codes follow the go command: 0 ok, 1 compile error or unreadable
//! file, 2 bad usage (clap's own exit code for usage errors).

mod bug;
mod diagnostics;
mod disasm;
mod explore;
mod limits;
mod replay;
mod runner;
mod schedule_file;
mod session;
mod shrink;
mod source;
mod trace;
mod usage;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use diagnostics::ColorChoice;

/// gomini runs a subset of Go and shows what defer, panic, recover and goroutines do.
#[derive(Parser, Debug)]
#[command(name = "gomini", version, about, long_about = None)]
struct Cli {
    /// Without a command, the REPL starts.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a Go file: print nothing and exit 0 when it is fine, or print every
    /// error found (file:line:col and the source line) and exit 1.
    Check {
        /// The Go source file (a single-file `package main`).
        file: PathBuf,
    },
    /// Run a Go program: compile errors are printed and exit 1; otherwise the
    /// program's output and exit code are Go's (2 for a panic, os.Exit's code).
    Run {
        /// Seed of every nondeterministic choice (map iteration order); also `GOMINI_SEED`.
        #[arg(long)]
        seed: Option<u64>,
        /// `per-iteration` (Go 1.22, the default) or `shared` (one variable per loop, as before Go 1.22).
        #[arg(long, default_value = "per-iteration", value_parser = ["per-iteration", "shared"])]
        loopvar: String,
        #[command(flatten)]
        limits: limits::LimitArgs,
        /// Detect data races (Go's `-race`): reports on stderr, exit code 66 if any.
        #[arg(long)]
        race: bool,
        /// Scheduling strategy: `random` (the seeded generator) or `pct` (see `explore`).
        #[arg(long, default_value = "random", value_parser = ["random", "pct"])]
        strategy: String,
        /// PCT's bug depth (with --strategy pct).
        #[arg(long, default_value_t = 3)]
        depth: u32,
        /// Write the run's scheduling decisions to this schedule file (docs/schedule-format.md).
        #[arg(long)]
        record: Option<PathBuf>,
        /// The Go source file (a single-file `package main`).
        file: PathBuf,
        /// Arguments passed to the program (os.Args[1:]).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a Go program and write what it did as a trace: a text timeline, JSON
    /// (docs/trace-format.md), Mermaid diagrams or a self-contained HTML stepper.
    /// The trace goes to -o or stdout; the program's output goes to stdout, or to
    /// stderr when the trace takes stdout. The exit code is the program's.
    Trace {
        /// Seed of every nondeterministic choice; the same seed gives the same trace.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The trace's format.
        #[arg(long, default_value = "text", value_parser = ["text", "json", "mermaid", "html"])]
        format: String,
        /// Write the trace to this file instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Which events to keep: defer (calls, defers, panics), goroutines, or all.
        #[arg(long, default_value = "all", value_parser = trace::parse_focus)]
        focus: gomini_vm::trace::Focus,
        /// Keep at most this many events; the trace then says it was cut.
        #[arg(long, default_value_t = trace::DEFAULT_MAX_EVENTS, value_parser = trace::parse_max_events)]
        max_events: usize,
        /// `per-iteration` (Go 1.22, the default) or `shared` (as before Go 1.22).
        #[arg(long, default_value = "per-iteration", value_parser = ["per-iteration", "shared"])]
        loopvar: String,
        #[command(flatten)]
        limits: limits::LimitArgs,
        /// Detect data races (Go's `-race`): reports on stderr, exit code 66 if any.
        #[arg(long)]
        race: bool,
        /// The Go source file (a single-file `package main`).
        file: PathBuf,
    },
    /// Compile a Go file and print its bytecode, one listing per function
    /// (`pc  Op  operands ; FILE:LINE`); compile errors as with `run`.
    Disasm {
        /// Also list gomini's library and runtime functions.
        #[arg(long)]
        all: bool,
        /// The Go source file (a single-file `package main`).
        file: PathBuf,
    },
    /// Run a program under many seeds (on all cores) and group the runs by
    /// outcome: stdout, exit code, first stderr line, races found. Prints each
    /// outcome with its count, first seed and replay command.
    Explore(ExploreCli),
    /// Replay a schedule file (docs/schedule-format.md) exactly; says where a
    /// changed program no longer fits it.
    Replay {
        /// The schedule file.
        schedule: PathBuf,
        /// The program (default: the path recorded in the file).
        program: Option<PathBuf>,
        /// Run the race detector even if the file was recorded without it
        /// (a file recorded with --race turns it on by itself).
        #[arg(long)]
        race: bool,
    },
    /// Find a schedule with the fewest preemptions that gives the same outcome,
    /// write it (FILE.shrunk or -o) and tell it as a story.
    Shrink {
        /// The schedule file.
        schedule: PathBuf,
        /// The program (default: the path recorded in the file).
        program: Option<PathBuf>,
        /// Where to write the shrunk schedule.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Give up after this many runs.
        #[arg(long, default_value_t = shrink::DEFAULT_MAX_RUNS)]
        max_runs: u64,
    },
    /// Start the REPL (also what `gomini` without a command does): Go entered
    /// line by line, with history, completion and :help for its commands.
    Repl,
    /// Parse a Go file and print its syntax tree (for tests and bug reports).
    Parse {
        /// The Go source file.
        file: PathBuf,
    },
}

/// `gomini explore`'s options.
#[derive(clap::Args, Debug)]
struct ExploreCli {
    /// The Go source file.
    #[arg(required_unless_present = "merge")]
    file: Option<PathBuf>,
    /// How many seeds to run (seeds 0..N, unless --seeds says otherwise).
    #[arg(long, default_value_t = 1000)]
    runs: u64,
    /// `random` (the seeded generator) or `pct` (PCT, Burckhardt et al. 2010).
    #[arg(long, default_value = "random", value_parser = ["random", "pct"])]
    strategy: String,
    /// PCT's bug depth d: d-1 priority change points per run.
    #[arg(long, default_value_t = 3)]
    depth: u32,
    /// Worker threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Run the race detector in every run; races found is part of the outcome.
    #[arg(long)]
    race: bool,
    /// Stop at the first seed that shows a race, a panic, a deadlock or another output than the first seed's.
    #[arg(long, value_parser = ["race", "panic", "deadlock", "new-output"])]
    until: Option<String>,
    /// Run the seeds A..B (half-open) instead of 0..runs.
    #[arg(long, conflicts_with = "runs")]
    seeds: Option<String>,
    /// Run the K-th of N equal slices of the seed range (K from 1).
    #[arg(long)]
    shard: Option<String>,
    /// Write the grouped outcomes to this file (docs/explore-format.md).
    #[arg(long)]
    json: Option<PathBuf>,
    /// Record the failing seed's schedule to this file.
    #[arg(long)]
    record: Option<PathBuf>,
    /// Shrink the failing seed's schedule (implies recording it).
    #[arg(long)]
    shrink: bool,
    /// Stop a run after this many VM instructions (all goroutines together), as `run --max-steps`.
    #[arg(long, default_value_t = explore::DEFAULT_EXPLORE_MAX_STEPS)]
    max_steps: u64,
    /// Combine explore JSON files (from shards) instead of running.
    #[arg(long, num_args = 1.., conflicts_with_all = ["file", "seeds", "shard", "until", "record", "shrink"])]
    merge: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = match usage::parse_or_exit::<Cli>() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let Some(command) = cli.command else {
        return repl();
    };
    match command {
        Command::Repl => repl(),
        Command::Check { file } => check(&file),
        Command::Parse { file } => parse(&file),
        Command::Disasm { all, file } => disasm::disasm(&file, all),
        Command::Run {
            seed,
            loopvar,
            limits,
            race,
            strategy,
            depth,
            record,
            file,
            args,
        } => {
            if record.is_some() || strategy != "random" {
                return replay::run_with_source(replay::RunOptions {
                    file,
                    seed: seed.unwrap_or_else(fresh_seed),
                    strategy,
                    depth,
                    record,
                    args,
                    shared_loopvars: loopvar == "shared",
                    race,
                    limits,
                });
            }
            run(&file, args, seed, loopvar == "shared", &limits, race)
        }
        Command::Explore(e) => explore::explore(explore::ExploreArgs {
            file: e.file,
            runs: e.runs,
            strategy: e.strategy,
            depth: e.depth,
            jobs: e.jobs,
            race: e.race,
            until: e.until,
            seeds: e.seeds,
            shard: e.shard,
            json: e.json,
            shrink: e.shrink,
            record: e.record,
            max_steps: e.max_steps,
            merge: e.merge,
        }),
        Command::Replay {
            schedule,
            program,
            race,
        } => replay::replay(&schedule, program.as_deref(), race),
        Command::Shrink {
            schedule,
            program,
            output,
            max_runs,
        } => shrink::shrink_command(&schedule, program.as_deref(), output, max_runs),
        Command::Trace {
            seed,
            format,
            output,
            focus,
            max_events,
            loopvar,
            limits,
            race,
            file,
        } => trace::trace(trace::TraceArgs {
            file,
            seed,
            format,
            out: output,
            focus,
            max_events,
            shared_loopvars: loopvar == "shared",
            limits,
            race,
        }),
    }
}

/// `gomini` / `gomini repl`: the seed is `GOMINI_SEED` or a fresh one (`:seed` shows it).
fn repl() -> ExitCode {
    let seed = std::env::var("GOMINI_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(fresh_seed);
    session::input::run(seed)
}

/// A seed for a run without `--seed` or `GOMINI_SEED`: std's per-process random
/// hasher keys come from the OS generator, so each run explores a new schedule.
fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0x676f_6d69_6e69);
    h.finish()
}

/// `gomini run FILE [args...]`: check, compile, run; the exit code is the program's.
fn run(
    path: &std::path::Path,
    args: Vec<String>,
    seed: Option<u64>,
    shared_loopvars: bool,
    limit_args: &limits::LimitArgs,
    race: bool,
) -> ExitCode {
    use std::io::Write;
    let Some(mut loaded) = source::load(path) else {
        return ExitCode::from(1);
    };
    if !loaded.diagnostics.is_empty() {
        report(&loaded);
        return ExitCode::from(1);
    }
    let Some(tree) = &loaded.tree else {
        return ExitCode::from(1);
    };
    let check_opts = gomini_vm::check::Options {
        per_iteration_loopvars: !shared_loopvars,
        ..Default::default()
    };
    let (program, diags) =
        gomini_vm::check::check_with(tree, &check_opts, &gomini_vm::stdlib::Stdlib);
    let Some(program) = program.filter(|_| diags.is_empty()) else {
        loaded.diagnostics = diags;
        report(&loaded);
        return ExitCode::from(1);
    };
    let mut os_args = vec![loaded.display_name.clone()];
    os_args.extend(args);
    let compile_opts = gomini_vm::compile::Options {
        per_iteration_loopvars: !shared_loopvars,
        args: os_args,
    };
    let compiled = match gomini_vm::compile::compile(
        &program,
        &compile_opts,
        &loaded.display_name,
        &loaded.text,
    ) {
        Ok(p) => p,
        Err(diags) => {
            loaded.diagnostics = diags;
            report(&loaded);
            return ExitCode::from(1);
        }
    };
    let seed = seed
        .or_else(|| {
            std::env::var("GOMINI_SEED")
                .ok()
                .and_then(|s| s.parse().ok())
        })
        .unwrap_or_else(fresh_seed);
    let mut vm = gomini_vm::Vm::new(compiled, seed);
    let guard = limits::start(limit_args, &mut vm, true);
    if race {
        vm.enable_race();
    }
    // A Rust panic in the VM is a gomini bug (STYLE.md, errors channel c): the
    // hook records its message instead of printing it, so that what the program
    // printed so far is written first, then the bug is reported, apart from Go's
    // own panics (which start with "panic: ").
    let bug: std::sync::Arc<std::sync::Mutex<Option<String>>> = Default::default();
    let bug_in_hook = bug.clone();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut slot) = bug_in_hook.lock() {
            *slot = Some(bug::describe(info));
        }
    }));
    let stop = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
    // Go prints `Found N data race(s)` and exits 66 only when main returns.
    let finished_code = match stop {
        Ok(gomini_vm::goroutine::Stop::Finished) => vm.finish_race(0),
        _ => 0,
    };
    // Output was streamed while the program ran (limits.rs); this is the rest.
    vm.flush_output();
    let mut stderr = std::io::stderr().lock();
    // The replay command carries the flags that change the run: the detector and the step limit.
    let race_flag = if race { " --race" } else { "" };
    let steps_flag = limit_args
        .max_steps
        .map_or(String::new(), |n| format!(" --max-steps {n}"));
    let seed_line = format!(
        "gomini: seed {seed} (replay: gomini run --seed {seed}{race_flag}{steps_flag} {})",
        path.display()
    );
    let code = match stop {
        Ok(
            stop @ (gomini_vm::goroutine::Stop::LimitExceeded(_)
            | gomini_vm::goroutine::Stop::Interrupted),
        ) => limits::report(&guard, &stop, limit_args, &mut stderr, Some(&seed_line)).unwrap_or(2),
        Ok(
            gomini_vm::goroutine::Stop::Panicked(text) | gomini_vm::goroutine::Stop::Fatal(text),
        ) => {
            let _ = stderr.write_all(text.as_bytes());
            // The seed makes the failure reproducible: always the last line of stderr.
            let _ = writeln!(stderr, "{seed_line}");
            2
        }
        Ok(gomini_vm::goroutine::Stop::Exit(code)) => code,
        Ok(_) => finished_code,
        Err(_) => {
            let msg = bug.lock().ok().and_then(|m| m.clone()).unwrap_or_default();
            let _ = writeln!(
                stderr,
                "gomini: internal error (a bug in gomini, not in the program): {msg}"
            );
            2
        }
    };
    let _ = stderr.flush();
    // The process exits right after this returns, and the system frees its
    // memory at once: dropping the VM, the checked program and the source
    // tree piece by piece first is wasted work (the program alone took 128k
    // of hello world's 5.7M instructions). Only this command path does
    // this; the library, the REPL and the tests drop them as usual.
    std::mem::forget(vm);
    std::mem::forget(program);
    std::mem::forget(loaded);
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Loads, checks and compiles `path` for `trace`, reporting any diagnostics;
/// `None` means exit code 1.
// FIXME: `run` repeats these steps; fold it onto this helper once the
// compiler and scheduler branches have settled `run`.
fn compile_file(
    path: &std::path::Path,
    args: Vec<String>,
    shared_loopvars: bool,
) -> Option<(source::ParsedSource, gomini_vm::program::Program)> {
    let mut loaded = source::load(path)?;
    if !loaded.diagnostics.is_empty() {
        report(&loaded);
        return None;
    }
    let tree = loaded.tree.as_ref()?;
    let check_opts = gomini_vm::check::Options {
        per_iteration_loopvars: !shared_loopvars,
        ..Default::default()
    };
    let (program, diags) =
        gomini_vm::check::check_with(tree, &check_opts, &gomini_vm::stdlib::Stdlib);
    let Some(program) = program.filter(|_| diags.is_empty()) else {
        loaded.diagnostics = diags;
        report(&loaded);
        return None;
    };
    let mut os_args = vec![loaded.display_name.clone()];
    os_args.extend(args);
    let compile_opts = gomini_vm::compile::Options {
        per_iteration_loopvars: !shared_loopvars,
        args: os_args,
    };
    match gomini_vm::compile::compile(&program, &compile_opts, &loaded.display_name, &loaded.text) {
        Ok(p) => Some((loaded, p)),
        Err(diags) => {
            loaded.diagnostics = diags;
            report(&loaded);
            None
        }
    }
}

/// `gomini check FILE`: every stage that exists runs; diagnostics go to stderr.
fn check(path: &std::path::Path) -> ExitCode {
    let Some(loaded) = source::load(path) else {
        return ExitCode::from(1);
    };
    let mut loaded = loaded;
    if loaded.diagnostics.is_empty() {
        if let Some(tree) = &loaded.tree {
            let (_, diags) = gomini_vm::check::check(tree);
            loaded.diagnostics = diags;
        }
    }
    if loaded.diagnostics.is_empty() {
        return ExitCode::SUCCESS;
    }
    report(&loaded);
    ExitCode::from(1)
}

/// `gomini parse FILE`: the tree on stdout, or the syntax errors on stderr.
fn parse(path: &std::path::Path) -> ExitCode {
    let Some(loaded) = source::load(path) else {
        return ExitCode::from(1);
    };
    if !loaded.diagnostics.is_empty() {
        report(&loaded);
        return ExitCode::from(1);
    }
    match &loaded.tree {
        Some(tree) => {
            print!("{}", gomini_parser::render(tree));
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

/// Prints a file's diagnostics to stderr.
fn report(source: &source::ParsedSource) {
    let rendered = diagnostics::render(
        &source.display_name,
        &source.text,
        &source.diagnostics,
        ColorChoice::for_stderr(),
    );
    eprint!("{rendered}");
}
