//! `gomini replay FILE [PROGRAM.go]` and `gomini run --record FILE / --strategy pct`.
//!
//! Replay answers every scheduler draw from the file's decision list
//! (`Source::replay`); the first draw that does not fit (another kind, another
//! range, or past the end), or a program that ends with decisions left, is
//! reported as `schedule does not match the program at decision N` and the
//! command exits 1 after writing what the program printed up to there.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gomini_vm::schedule::{preemptions, Source, Strategy};

use crate::limits::LimitArgs;
use crate::runner::{self, Prepared, RunResult, RunSpec};
use crate::schedule_file::{Header, ScheduleFile};

/// Writes a run's output as `gomini run` does.
fn write_output(result: &RunResult) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&result.stdout);
    let _ = stdout.flush();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(&result.stderr);
    let _ = stderr.flush();
}

fn exit(code: i32) -> ExitCode {
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// The options of `gomini run` that go through a schedule source.
pub struct RunOptions {
    pub file: PathBuf,
    pub seed: u64,
    /// `random` or `pct`.
    pub strategy: String,
    pub depth: u32,
    pub record: Option<PathBuf>,
    /// The program's arguments (`os.Args[1:]`).
    pub args: Vec<String>,
    pub shared_loopvars: bool,
    /// `--race`.
    pub race: bool,
    /// `--max-steps`, `--max-memory`, `--max-goroutines`, `--max-output`, `--timeout`.
    pub limits: LimitArgs,
}

/// `gomini run --seed S [--strategy pct --depth D] [--record FILE] PROGRAM`.
pub fn run_with_source(opts: RunOptions) -> ExitCode {
    let Some(prepared) = Prepared::load_with(&opts.file, opts.args.clone(), opts.shared_loopvars)
    else {
        return ExitCode::from(1);
    };
    let strategy = runner::strategy(
        &opts.strategy,
        opts.depth,
        &prepared.program,
        opts.limits.max_steps,
    );
    let mut spec = RunSpec::new(
        opts.seed,
        Source::for_strategy(strategy, opts.seed).keep_turns(),
    );
    spec.record = opts.record.is_some();
    spec.race = opts.race;
    let (limits, guard) = crate::limits::prepare(&opts.limits);
    spec.limits = limits;
    let guard = std::rc::Rc::new(guard);
    let limit_args = opts.limits.clone();
    let described = guard.clone();
    spec.stop_text = Some(Box::new(move |stop| described.stopped(stop, &limit_args)));
    let result = runner::run(&prepared.program, spec);
    drop(guard);
    write_output(&result);
    let limited = result.outcome.exit_code >= 120 && result.outcome.exit_code <= 124;
    if result.outcome.exit_code == 2 || limited {
        let mut extra = match strategy {
            Strategy::Pct { depth, .. } => format!(" --strategy pct --depth {depth}"),
            Strategy::Random => String::new(),
        };
        if opts.race {
            extra.push_str(" --race");
        }
        if let Some(n) = opts.limits.max_steps {
            extra.push_str(&format!(" --max-steps {n}"));
        }
        eprintln!(
            "gomini: seed {} (replay: gomini run --seed {}{extra} {})",
            opts.seed,
            opts.seed,
            opts.file.display()
        );
    }
    if let Some(path) = &opts.record {
        let max_steps = opts.limits.max_steps;
        let run = RecordedRun {
            seed: opts.seed,
            strategy,
            race: opts.race,
            max_steps,
        };
        if let Err(e) = record(path, &prepared, run, &result) {
            eprintln!("gomini: {e}");
            return ExitCode::from(1);
        }
    }
    exit(result.outcome.exit_code)
}

/// The settings a recorded run had, for its schedule file's header.
#[derive(Clone, Copy)]
pub struct RecordedRun {
    pub seed: u64,
    pub strategy: Strategy,
    /// The run had the race detector (`--race`).
    pub race: bool,
    pub max_steps: Option<u64>,
}

/// Writes `result`'s decisions to `path` as a schedule file.
pub fn record(
    path: &Path,
    prepared: &Prepared,
    run: RecordedRun,
    result: &RunResult,
) -> Result<(), String> {
    let RecordedRun {
        seed,
        strategy,
        race,
        max_steps,
    } = run;
    let (name, depth) = match strategy {
        Strategy::Random => ("random", None),
        Strategy::Pct { depth, .. } => ("pct", Some(depth)),
    };
    ScheduleFile::new(
        Header {
            depth,
            ..Header::of_run(
                prepared,
                race,
                seed,
                name,
                max_steps,
                result.outcome.clone(),
                preemptions(&result.turns),
            )
        },
        &result.decisions,
    )
    .write(path)
}

/// A schedule file and its program, compiled; errors are printed.
pub fn load_schedule(file: &Path, program: Option<&Path>) -> Option<(ScheduleFile, Prepared)> {
    let schedule = match ScheduleFile::read(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gomini: {e}");
            return None;
        }
    };
    let path = schedule.program_path(program, file);
    let prepared = Prepared::load_with(&path, schedule.args.clone(), schedule.shared_loopvars)?;
    if prepared.hash() != schedule.program_hash {
        eprintln!(
            "gomini: note: {} has changed since the schedule was recorded ({} then, {} now)",
            prepared.display_name,
            schedule.program_hash,
            prepared.hash()
        );
    }
    Some((schedule, prepared))
}

/// `gomini replay FILE [PROGRAM.go] [--race]`. The race detector runs when the
/// file was recorded with it (a note on stderr says so) or `race` asks for it;
/// it draws no decisions, so the schedule fits either way.
pub fn replay(file: &Path, program: Option<&Path>, race: bool) -> ExitCode {
    let Some((schedule, prepared)) = load_schedule(file, program) else {
        return ExitCode::from(1);
    };
    let Ok(decisions) = schedule.decisions() else {
        return ExitCode::from(1);
    };
    let mut spec =
        RunSpec::new(schedule.seed, Source::replay(decisions)).max_steps(schedule.max_steps);
    let recorded_race = schedule.wants_race();
    if recorded_race {
        eprintln!("gomini: race detector on (the schedule was recorded with --race)");
    }
    spec.race = recorded_race || race;
    let result = runner::run(&prepared.program, spec);
    write_output(&result);
    if let Some(m) = &result.mismatch {
        eprintln!("gomini: {m}");
        return ExitCode::from(1);
    }
    // A detector the recording did not have adds races, exit code 66 and
    // reports to the outcome; only the output can then be compared.
    let same = if recorded_race || !race {
        result.outcome == schedule.outcome
    } else {
        result.outcome.stdout == schedule.outcome.stdout
    };
    if !same {
        eprintln!("gomini: note: the replay's outcome differs from the one the file recorded");
    }
    exit(result.outcome.exit_code)
}
