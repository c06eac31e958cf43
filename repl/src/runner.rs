//! One run of a compiled program with a chosen schedule source, its output captured as an [`Outcome`].
//!
//! Shared by `explore`, `replay`, `shrink` and `run --record`. A [`Prepared`]
//! program holds an `Rc`, so it lives on one thread: explore compiles the
//! program once per worker thread and then runs it under many seeds.

use std::cell::RefCell;
use std::rc::Rc;

use gomini_vm::goroutine::Stop;
use gomini_vm::limits::{Limit, Limits};
use gomini_vm::program::Program;
use gomini_vm::sched::Decision;
use gomini_vm::schedule::{Mismatch, Source, Strategy, Turn};
use serde::{Deserialize, Serialize};

/// What explore groups runs by: the run's stdout, exit code, first stderr line and races found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Outcome {
    pub stdout: String,
    pub exit_code: i32,
    pub stderr_first_line: String,
    /// Data races the `--race` detector reported (0 without `--race`).
    #[serde(default)]
    pub races: u64,
}

impl Outcome {
    /// A one-line summary for tables: the last line of stdout and, if any, the first stderr line.
    pub fn summary(&self) -> String {
        let last = self.stdout.lines().last().unwrap_or("");
        let mut text = if self.stdout.is_empty() {
            "(no output)".to_string()
        } else if self.stdout.lines().count() > 1 {
            format!("... {last}")
        } else {
            last.to_string()
        };
        if !self.stderr_first_line.is_empty() {
            text.push_str(" | ");
            text.push_str(&self.stderr_first_line);
        }
        if self.races > 0 {
            text.push_str(&format!(" | {} race(s)", self.races));
        }
        const MAX: usize = 60;
        if text.chars().count() > MAX {
            text = text.chars().take(MAX - 3).collect::<String>() + "...";
        }
        text
    }
}

/// A compiled program and what identifies it.
pub struct Prepared {
    /// The program's arguments (`os.Args[1:]`) and loop-variable semantics it was compiled with.
    pub args: Vec<String>,
    pub shared_loopvars: bool,
    pub display_name: String,
    pub text: String,
    pub program: Rc<Program>,
}

impl Prepared {
    /// Loads, checks and compiles `path`; diagnostics are printed and `None` returned on error.
    pub fn load(path: &std::path::Path) -> Option<Prepared> {
        Prepared::load_with(path, Vec::new(), false)
    }

    /// `load` with the program's arguments (`os.Args[1:]`) and the loop-variable semantics.
    pub fn load_with(
        path: &std::path::Path,
        args: Vec<String>,
        shared_loopvars: bool,
    ) -> Option<Prepared> {
        let (loaded, program) = crate::compile_file(path, args.clone(), shared_loopvars)?;
        Some(Prepared {
            args,
            shared_loopvars,
            display_name: loaded.display_name,
            text: loaded.text,
            program: Rc::new(program),
        })
    }

    /// The program's hash as schedule and explore files store it.
    pub fn hash(&self) -> String {
        program_hash(&self.text)
    }
}

/// FNV-1a (64 bit) of the source text, as `fnv1a64:` and 16 hex digits. Not
/// cryptographic: it tells a changed program from the recorded one, no more.
pub fn program_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// Everything a finished run left.
pub struct RunResult {
    pub outcome: Outcome,
    /// The program's stdout and its full stderr (with the crash text), as `run` writes them.
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub decisions: Vec<Decision>,
    pub turns: Vec<Turn>,
    pub mismatch: Option<Mismatch>,
}

/// How a run that a limit or the interrupt flag stopped is described: the
/// message for stderr (if any) and the exit code; `None` for any other stop.
pub type StopText = Box<dyn Fn(&Stop) -> Option<(Option<String>, u8)>>;

/// How a run is set up.
pub struct RunSpec {
    pub seed: u64,
    pub source: Source,
    /// Keep the decision list (for schedule files).
    pub record: bool,
    /// Run the `--race` detector: reports go to stderr, their count to
    /// `Outcome::races`, and a run that ends normally with races exits 66.
    pub race: bool,
    /// With `race` and a turn log: the accesses each turn made go into
    /// `Turn::accesses`, named by their source in this program text (`counter`).
    pub accesses: Option<Rc<str>>,
    /// The VM's limits (`--max-steps` and the others).
    pub limits: Limits,
    /// Describes a stop by a limit; by default, from `limits` ([`limit_text`]).
    pub stop_text: Option<StopText>,
}

impl RunSpec {
    pub fn new(seed: u64, source: Source) -> RunSpec {
        RunSpec {
            seed,
            source,
            record: false,
            race: false,
            accesses: None,
            limits: Limits::default(),
            stop_text: None,
        }
    }

    /// This spec with `Limits::max_steps` set.
    pub fn max_steps(mut self, max_steps: Option<u64>) -> RunSpec {
        self.limits.max_steps = max_steps;
        self
    }
}

/// The message and exit code of a run stopped by a limit of `limits`, as `gomini run` gives them.
pub fn limit_text(stop: &Stop, limits: &Limits) -> Option<(Option<String>, u8)> {
    match stop {
        Stop::LimitExceeded(limit) => {
            let value = match limit {
                Limit::Steps => limits.max_steps,
                Limit::Memory => limits.max_memory,
                Limit::Goroutines => limits.max_goroutines,
                Limit::Output => limits.max_output,
            }
            .map_or(String::new(), |n| n.to_string());
            Some((
                Some(format!(
                    "gomini: stopped: {} {value} exceeded",
                    limit.flag()
                )),
                crate::limits::exit_code(Some(*limit)),
            ))
        }
        Stop::Interrupted => Some((Some("gomini: stopped: interrupted".into()), 130)),
        _ => None,
    }
}

/// Runs `program` once; never panics (a VM bug becomes an "internal error" outcome).
pub fn run(program: &Rc<Program>, spec: RunSpec) -> RunResult {
    gomini_vm::value::reset_pseudo_addresses();
    let mut vm = gomini_vm::Vm::with_shared_program(program.clone(), spec.seed);
    vm.sched.source = spec.source;
    if spec.record {
        vm.sched.decisions = Some(Vec::new());
    }
    vm.set_limits(spec.limits.clone());
    if spec.race {
        vm.enable_race();
        if let (Some(text), true) = (&spec.accesses, vm.sched.source.turns.is_some()) {
            let log: Rc<RefCell<Vec<gomini_vm::race::AccessEvent>>> = Rc::default();
            let sink = log.clone();
            vm.sched.source.access_log = Some(log);
            vm.set_race_observer(
                Some(Box::new(move |event| sink.borrow_mut().push(event.clone()))),
                Some(text.clone()),
            );
        }
    }
    IN_RUN.with(|f| f.set(true));
    let stop = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
    IN_RUN.with(|f| f.set(false));
    // Go prints `Found N data race(s)` and exits 66 only when main returns.
    let finished_code = match stop {
        Ok(Stop::Finished) => vm.finish_race(0),
        _ => 0,
    };
    let races = vm.race_count().unwrap_or(0) as u64;
    let mut stderr = std::mem::take(&mut vm.stderr);
    // A replay that stopped fitting ends the run; the caller reports the mismatch itself.
    let cut_short = vm.sched.source.mismatch.is_some();
    let exit_code = match stop {
        Ok(Stop::Fatal(_)) if cut_short => 1,
        Ok(Stop::Panicked(text) | Stop::Fatal(text)) => {
            stderr.extend_from_slice(text.as_bytes());
            2
        }
        Ok(Stop::Exit(code)) => code,
        Ok(stop @ (Stop::LimitExceeded(_) | Stop::Interrupted)) => {
            let described = match &spec.stop_text {
                Some(describe) => describe(&stop),
                None => limit_text(&stop, &spec.limits),
            };
            let (message, code) = described.unwrap_or((None, 2));
            if let Some(message) = message {
                stderr.extend_from_slice(message.as_bytes());
                stderr.push(b'\n');
            }
            i32::from(code)
        }
        Ok(_) => finished_code,
        Err(payload) => {
            let msg = crate::bug::payload_text(payload.as_ref());
            stderr.extend_from_slice(
                format!("gomini: internal error (a bug in gomini, not in the program): {msg}\n")
                    .as_bytes(),
            );
            2
        }
    };
    vm.sched.source.check_finished();
    let stdout = std::mem::take(&mut vm.stdout);
    let outcome = Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        exit_code,
        stderr_first_line: String::from_utf8_lossy(&stderr)
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
        races,
    };
    RunResult {
        outcome,
        stdout,
        stderr,
        decisions: vm.sched.decisions.take().unwrap_or_default(),
        turns: vm.sched.source.turns.take().unwrap_or_default(),
        mismatch: vm.sched.source.mismatch.take(),
    }
}

/// The step limit of PCT's probe run when the user gave none: a program that
/// does not end still gets a `k`.
pub const PCT_PROBE_MAX_STEPS: u64 = 500_000_000;

/// PCT's `k`: the contended instructions (exact) of the program's run under
/// seed 0 with the seeded generator, stopped after `max_steps` instructions.
/// Deterministic, so `run --strategy pct` and explore agree on it.
pub fn pct_steps(program: &Rc<Program>, max_steps: Option<u64>) -> u64 {
    gomini_vm::value::reset_pseudo_addresses();
    let mut vm = gomini_vm::Vm::with_shared_program(program.clone(), 0);
    vm.sched.source = Source::default().counted();
    vm.set_limits(Limits {
        max_steps: Some(max_steps.unwrap_or(PCT_PROBE_MAX_STEPS)),
        ..Limits::default()
    });
    IN_RUN.with(|f| f.set(true));
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
    IN_RUN.with(|f| f.set(false));
    vm.sched.source.contended.max(1)
}

/// The source for a strategy by name (`random` or `pct`); PCT needs its `k`,
/// measured under the run's step limit.
pub fn strategy(name: &str, depth: u32, program: &Rc<Program>, max_steps: Option<u64>) -> Strategy {
    match name {
        "pct" => Strategy::Pct {
            depth,
            steps: pct_steps(program, max_steps),
        },
        _ => Strategy::Random,
    }
}

thread_local! {
    /// Set while this thread is inside `run`, whose caller reports a VM panic as an outcome.
    static IN_RUN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A panic hook that stays quiet inside runs (they catch their own panics and
/// report them as outcomes) and prints as usual anywhere else.
pub fn silence_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_RUN.with(|f| f.get()) {
            default(info);
        }
    }));
}
