//! One run of a compiled program with a chosen schedule source, its output captured as an [`Outcome`].
//!
//! Shared by `explore`, `replay`, `shrink` and `run --record`. A [`Prepared`]
//! program holds an `Rc`, so it lives on one thread: explore compiles the
//! program once per worker thread and then runs it under many seeds.

use std::rc::Rc;

use gomini_vm::goroutine::Stop;
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
    /// Data races the `--race` detector reported; 0 until the detector is wired in (see README).
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

/// How a run is set up.
pub struct RunSpec {
    pub seed: u64,
    pub source: Source,
    /// Keep the decision list (for schedule files).
    pub record: bool,
    /// Where the `--race` detector plugs in: count its reports into `Outcome::races`.
    pub race: bool,
}

impl RunSpec {
    pub fn new(seed: u64, source: Source) -> RunSpec {
        RunSpec {
            seed,
            source,
            record: false,
            race: false,
        }
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
    // The --race detector, once merged, is switched on here and its report count read below.
    let _ = spec.race;
    IN_RUN.with(|f| f.set(true));
    let stop = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
    IN_RUN.with(|f| f.set(false));
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
        Ok(_) => 0,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
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
        races: 0,
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

/// PCT's `k`: the contended instructions of the program's run under seed 0 with the
/// seeded generator. Deterministic, so `run --strategy pct` and explore agree on it.
pub fn pct_steps(program: &Rc<Program>) -> u64 {
    gomini_vm::value::reset_pseudo_addresses();
    let mut vm = gomini_vm::Vm::with_shared_program(program.clone(), 0);
    let mut source = Source::default();
    source.max_steps = gomini_vm::schedule::DEFAULT_MAX_STEPS;
    vm.sched.source = source;
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.run_main()));
    vm.sched.source.contended.max(1)
}

/// The source for a strategy by name (`random` or `pct`); PCT needs its `k`.
pub fn strategy(name: &str, depth: u32, program: &Rc<Program>) -> Strategy {
    match name {
        "pct" => Strategy::Pct {
            depth,
            steps: pct_steps(program),
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
