//! `gomini shrink FILE [PROGRAM.go]` and `explore --shrink`: a schedule with fewer
//! preemptions and the same outcome, told as a story.
//!
//! A run is seen as a *plan*: segments "goroutine G runs N instructions and is
//! preempted" or "G runs until it blocks, yields or ends" (`schedule::Segment`).
//! The recorded run's turns give the starting plan. The shrinker then edits the
//! plan and keeps an edit only when a run of the edited plan gives the same
//! outcome (stdout, exit code, first stderr line, races) with fewer
//! preemptions (switches blocking did not force), counted on the run itself:
//!
//! 1. no preemptions at all (each goroutine runs until it blocks);
//! 2. for each preempted segment of G, hand its instructions to another
//!    segment of G (the next one first, then the earlier ones): the segment
//!    disappears and its neighbours merge, so a window in which G was
//!    interrupted moves to where G already runs.
//!
//! Edits repeat until none helps or `--max-runs` runs were spent. The result is
//! written as an ordinary schedule file (the decisions the final run drew), and
//! replayed once more to check that it reproduces the outcome exactly.

/// `println!` that ignores a closed stdout (`gomini explore ... | head`) instead of panicking.
macro_rules! say {
    () => { say!("") };
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `print!` that ignores a closed stdout.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use gomini_vm::program::Program;
use gomini_vm::sched::Decision;
use gomini_vm::schedule::{plan_of, preemptions, Segment, Source, Strategy, Turn, TurnEnd};

use crate::replay::{load_schedule, record, RecordedRun};
use crate::runner::{self, Outcome, Prepared, RunResult, RunSpec};
use crate::schedule_file::{Header, ScheduleFile};

/// The default bound on runs one shrink may spend.
pub const DEFAULT_MAX_RUNS: u64 = 20_000;

/// What a shrink found.
pub struct Shrunk {
    pub result: RunResult,
    pub preemptions_before: usize,
    pub preemptions: usize,
    /// Runs spent.
    pub runs: u64,
    /// True when `max_runs` ran out before no edit helped any more.
    pub cut: bool,
}

/// The shrinker's state: the program, the outcome to keep, the data choices to reuse.
struct Shrinker<'a> {
    program: &'a Rc<Program>,
    seed: u64,
    target: Outcome,
    data: Vec<Decision>,
    runs: u64,
    max_runs: u64,
    max_steps: u64,
    /// Run the race detector (the target outcome has races).
    race: bool,
}

impl Shrinker<'_> {
    /// Runs `plan`; `None` when the run budget is spent.
    fn try_plan(&mut self, plan: &[Segment]) -> Option<RunResult> {
        if self.runs >= self.max_runs {
            return None;
        }
        self.runs += 1;
        let source = Source::plan(plan.to_vec(), self.data.clone()).keep_turns();
        let mut spec = RunSpec::new(self.seed, source).max_steps(Some(self.max_steps));
        spec.record = true;
        spec.race = self.race;
        Some(runner::run(self.program, spec))
    }

    /// Whether `candidate` keeps the outcome with fewer preemptions than `best`.
    fn better(&self, candidate: &RunResult, best: usize) -> bool {
        candidate.outcome == self.target && preemptions(&candidate.turns) < best
    }
}

/// `plan` with segment `j`'s instructions handed to segment `to` of the same goroutine.
fn transfer(plan: &[Segment], j: usize, to: usize) -> Option<Vec<Segment>> {
    let moved = plan[j].len?;
    let mut out = plan.to_vec();
    match out[to].len {
        Some(n) => out[to].len = Some(n + moved),
        // A segment that runs until it stops absorbs more only if it comes later.
        None if to > j => {}
        None => return None,
    }
    out.remove(j);
    Some(merge_neighbours(out))
}

/// Joins adjacent segments of one goroutine.
fn merge_neighbours(plan: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(plan.len());
    for s in plan {
        match out.last_mut() {
            Some(last) if last.goroutine == s.goroutine && last.len.is_some() => {
                last.len = match (last.len, s.len) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
            }
            _ => out.push(s),
        }
    }
    out
}

/// The step limit of a shrinker's candidates when the recorded run had none:
/// a candidate can spin where the recorded run did not.
pub const CANDIDATE_MAX_STEPS: u64 = 500_000_000;

/// Shrinks the run that `decisions` (drawn under `seed`) describe. `race`
/// runs the race detector (the recorded outcome counts races); the shrunk
/// run's turns then hold the accesses they made, named by their source in
/// `text`, for the story.
pub fn shrink(
    program: &Rc<Program>,
    text: &str,
    seed: u64,
    decisions: Vec<Decision>,
    max_runs: u64,
    max_steps: Option<u64>,
    race: bool,
) -> Result<Shrunk, String> {
    let replaying = |decisions: Vec<Decision>, source: fn(Source) -> Source| {
        let mut spec = RunSpec::new(seed, source(Source::replay(decisions))).max_steps(max_steps);
        spec.race = race;
        spec
    };
    let original = runner::run(program, replaying(decisions.clone(), Source::keep_turns));
    if let Some(m) = &original.mismatch {
        return Err(m.to_string());
    }
    let before = preemptions(&original.turns);
    let mut shrinker = Shrinker {
        program,
        seed,
        target: original.outcome.clone(),
        data: decisions,
        runs: 0,
        max_runs,
        max_steps: max_steps.unwrap_or(CANDIDATE_MAX_STEPS),
        race,
    };
    let mut best: Option<RunResult> = None;
    let mut best_count = before;
    // The original as a plan, replayed, so that the result is always a plan run.
    if let Some(r) = shrinker.try_plan(&plan_of(&original.turns)) {
        if r.outcome == shrinker.target {
            best_count = preemptions(&r.turns);
            best = Some(r);
        }
    }
    // Step 1: no preemptions at all.
    if best_count > 0 {
        if let Some(r) = shrinker.try_plan(&[]) {
            if shrinker.better(&r, best_count) {
                best_count = preemptions(&r.turns);
                best = Some(r);
            }
        }
    }
    // Step 2: hand preempted segments to other segments of their goroutine.
    let mut cut = false;
    if let Some(current) = &best {
        let mut plan = plan_of(&current.turns);
        let mut improved = true;
        'passes: while improved && best_count > 0 {
            improved = false;
            let mut j = 0;
            while j < plan.len() {
                if plan[j].len.is_none() {
                    j += 1;
                    continue;
                }
                let g = plan[j].goroutine;
                let later = (j + 1..plan.len()).find(|&i| plan[i].goroutine == g);
                let earlier = (0..j).filter(|&i| plan[i].goroutine == g);
                let mut accepted = false;
                for to in later.into_iter().chain(earlier) {
                    let Some(candidate) = transfer(&plan, j, to) else {
                        continue;
                    };
                    let Some(r) = shrinker.try_plan(&candidate) else {
                        cut = true;
                        break 'passes;
                    };
                    if shrinker.better(&r, best_count) {
                        best_count = preemptions(&r.turns);
                        plan = plan_of(&r.turns);
                        best = Some(r);
                        accepted = true;
                        improved = true;
                        break;
                    }
                }
                if !accepted {
                    j += 1;
                }
                if best_count == 0 {
                    break 'passes;
                }
            }
        }
    }
    // Step 3: plans with one or two preemptions, their lengths searched.
    for m in 1..=2 {
        if best_count <= m || cut {
            break;
        }
        let Some(current) = &best else { break };
        let plan = plan_of(&current.turns);
        if let Some(r) = guided(&mut shrinker, &plan, m) {
            if shrinker.better(&r, best_count) {
                best_count = preemptions(&r.turns);
                best = Some(r);
            }
        }
        cut = shrinker.runs >= shrinker.max_runs;
    }
    let mut result = match best {
        Some(r) => r,
        None => {
            return Err(
                "the recorded run cannot be re-created as a plan; nothing was shrunk".into(),
            )
        }
    };
    // The shrunk schedule must replay exactly; this run also collects the
    // accesses of each turn for the story (only once: they cost).
    let mut spec = replaying(result.decisions.clone(), Source::keep_turns);
    spec.accesses = race.then(|| Rc::from(text));
    let again = runner::run(program, spec);
    if again.mismatch.is_some() || again.outcome != result.outcome {
        return Err("internal error: the shrunk schedule does not replay to its outcome".into());
    }
    if race && again.turns.len() == result.turns.len() {
        result.turns = again.turns;
    }
    Ok(Shrunk {
        preemptions: preemptions(&result.turns),
        result,
        preemptions_before: before,
        runs: shrinker.runs,
        cut,
    })
}

/// How far `got` is from `want` when they differ only in numbers: the sum of
/// the differences of the numbers, in order; `None` when anything else differs.
fn distance(got: &Outcome, want: &Outcome) -> Option<f64> {
    if got.exit_code != want.exit_code || got.races != want.races {
        return None;
    }
    let a = numbers(&got.stdout, &got.stderr_first_line);
    let b = numbers(&want.stdout, &want.stderr_first_line);
    if a.0 != b.0 || a.1.len() != b.1.len() {
        return None;
    }
    Some(a.1.iter().zip(&b.1).map(|(x, y)| (x - y).abs()).sum())
}

/// The text with every number replaced by `#`, and the numbers.
fn numbers(stdout: &str, stderr: &str) -> (String, Vec<f64>) {
    let mut skeleton = String::new();
    let mut values = Vec::new();
    let mut digits = String::new();
    for c in stdout
        .chars()
        .chain(['\n'])
        .chain(stderr.chars())
        .chain(['\n'])
    {
        if c.is_ascii_digit() || (c == '-' && digits.is_empty()) {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            match digits.parse::<f64>() {
                Ok(v) => {
                    skeleton.push('#');
                    values.push(v);
                }
                Err(_) => skeleton.push_str(&digits),
            }
            digits.clear();
        }
        skeleton.push(c);
    }
    (skeleton, values)
}

/// Searches plans that keep `plan`'s first `m` preemptions and run
/// everything after them without preemption, over the lengths of the `m`
/// preempted segments: a local search that walks towards outputs whose numbers
/// are closer to the wanted ones (counters that lost updates differ by how
/// many were lost), in steps of 1, 2, 4, ... instructions.
fn guided(shrinker: &mut Shrinker<'_>, plan: &[Segment], m: usize) -> Option<RunResult> {
    let preempted: Vec<usize> = (0..plan.len().saturating_sub(1))
        .filter(|&i| plan[i].len.is_some() && plan[i].goroutine != plan[i + 1].goroutine)
        .take(m)
        .collect();
    let last = *preempted.get(m - 1)?;
    let mut template: Vec<Segment> = plan[..=last + 1].to_vec();
    template[last + 1].len = None;
    for (i, s) in template.iter_mut().enumerate() {
        if !preempted.contains(&i) {
            s.len = None;
        }
    }
    let build = |lens: &[u64]| {
        let mut t = template.clone();
        for (k, &i) in preempted.iter().enumerate() {
            t[i].len = Some(lens[k].max(1));
        }
        t
    };
    let mut lens: Vec<u64> = preempted
        .iter()
        .map(|&i| plan[i].len.unwrap_or(1))
        .collect();
    let first = shrinker.try_plan(&build(&lens))?;
    if first.outcome == shrinker.target {
        return Some(first);
    }
    let mut dist = distance(&first.outcome, &shrinker.target)?;
    loop {
        let mut moved: Option<(Vec<u64>, f64, RunResult)> = None;
        for k in 0..lens.len() {
            let mut step: u64 = 1;
            while step <= 1 << 20 {
                for up in [true, false] {
                    let mut cand = lens.clone();
                    cand[k] = if up {
                        cand[k] + step
                    } else if cand[k] > step {
                        cand[k] - step
                    } else {
                        continue;
                    };
                    let r = shrinker.try_plan(&build(&cand))?;
                    if r.outcome == shrinker.target {
                        return Some(r);
                    }
                    if let Some(d) = distance(&r.outcome, &shrinker.target) {
                        if d < dist && moved.as_ref().is_none_or(|m| d < m.1) {
                            moved = Some((cand, d, r));
                        }
                    }
                }
                step *= 2;
            }
        }
        match moved {
            Some((cand, d, _)) => {
                lens = cand;
                dist = d;
            }
            None => return None,
        }
    }
}

/// One step of the story: a goroutine's consecutive turns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryStep {
    pub goroutine: u64,
    pub from_line: u32,
    pub to_line: u32,
    /// Instructions run, when every turn of the step ended by preemption.
    pub instructions: Option<u64>,
    pub end: TurnEnd,
    /// True when the next step is another goroutine and blocking did not force the switch.
    pub preempted: bool,
    /// What it read and wrote (`read counter=41 at main.go:14`), in order,
    /// when the run had the race detector's access observer (else empty).
    pub accesses: Vec<String>,
}

/// Groups a turn log into story steps.
pub fn story(turns: &[Turn]) -> Vec<StoryStep> {
    let mut steps: Vec<StoryStep> = Vec::new();
    for t in turns {
        match steps.last_mut() {
            Some(last) if last.goroutine == t.goroutine && last.end == TurnEnd::Preempted => {
                last.to_line = t.to_line;
                last.accesses.extend(t.accesses.iter().map(access_text));
                last.instructions = match (last.instructions, t.used) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
                last.end = t.end;
            }
            _ => steps.push(StoryStep {
                goroutine: t.goroutine,
                from_line: t.from_line,
                to_line: t.to_line,
                instructions: t.used,
                end: t.end,
                preempted: false,
                accesses: t.accesses.iter().map(access_text).collect(),
            }),
        }
    }
    // The last step has no successor to switch to.
    let n = steps.len().saturating_sub(1);
    for step in &mut steps[..n] {
        step.preempted = step.end == TurnEnd::Preempted;
    }
    steps
}

/// An access as the story tells it: `read counter=41 at racy_counter.go:22`.
fn access_text(event: &gomini_vm::race::AccessEvent) -> String {
    let verb = if event.write { "wrote" } else { "read" };
    // The file's name, as the rest of the story gives it.
    let at = match event.file_line.rsplit_once('/') {
        Some((_, name)) => name,
        None => &event.file_line,
    };
    format!("{verb} {}={} at {at}", event.location, event.value)
}

/// Accesses a story step shows at each end; the middle is counted, not listed.
const ACCESSES_SHOWN: usize = 2;

/// The story as text, one step per line.
pub fn tell(steps: &[StoryStep], file: &str) -> String {
    let name = Path::new(file)
        .file_name()
        .map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    let at = |line: u32| format!("{name}:{line}");
    let mut text = String::new();
    let mut preemption = 0;
    for s in steps {
        let mut line = format!("goroutine {}", s.goroutine);
        if s.to_line == 0 {
            line.push_str(&format!(" ran from {} to its end", at(s.from_line)));
        } else if s.from_line == s.to_line {
            line.push_str(&format!(" ran at {}", at(s.from_line)));
        } else {
            line.push_str(&format!(
                " ran from {} to {}",
                at(s.from_line),
                at(s.to_line)
            ));
        }
        if let Some(n) = s.instructions {
            line.push_str(&format!(" ({n} instructions)"));
        }
        // The first and the last accesses: where a step meets its neighbours.
        let n = s.accesses.len();
        for (i, a) in s.accesses.iter().enumerate() {
            if n > 2 * ACCESSES_SHOWN + 1 && i == ACCESSES_SHOWN {
                line.push_str(&format!(", ... {} more ...", n - 2 * ACCESSES_SHOWN));
            }
            if n <= 2 * ACCESSES_SHOWN + 1 || i < ACCESSES_SHOWN || i >= n - ACCESSES_SHOWN {
                line.push_str(&format!(", {a}"));
            }
        }
        match s.end {
            TurnEnd::Preempted if s.preempted => {
                preemption += 1;
                line.push_str(&format!(
                    ", was preempted at {} [preemption {preemption}]",
                    at(s.to_line)
                ));
            }
            TurnEnd::Preempted => line.push_str(&format!(", stopped at {}", at(s.to_line))),
            TurnEnd::Blocked(why) => {
                line.push_str(&format!(", blocked ({why}) at {}", at(s.to_line)))
            }
            TurnEnd::Yielded => line.push_str(&format!(", yielded at {}", at(s.to_line))),
            TurnEnd::Finished => line.push_str(", finished"),
            TurnEnd::ProgramEnded => line.push_str(", and the program ended"),
        }
        text.push_str(&line);
        text.push_str(";\n");
    }
    text
}

/// Prints the shrink's summary and story, writes the schedule to `out`;
/// `race` is what the shrunk file records (the original had the detector).
fn report_and_write(
    shrunk: &Shrunk,
    prepared: &Prepared,
    race: bool,
    seed: u64,
    max_steps: Option<u64>,
    out: &Path,
) -> Result<(), String> {
    ScheduleFile::new(
        Header::of_run(
            prepared,
            race,
            seed,
            "shrunk",
            max_steps,
            shrunk.result.outcome.clone(),
            shrunk.preemptions,
        ),
        &shrunk.result.decisions,
    )
    .write(out)?;
    say!(
        "shrunk from {} to {} preemption(s) in {} run(s){}; same outcome: {}",
        shrunk.preemptions_before,
        shrunk.preemptions,
        shrunk.runs,
        if shrunk.cut {
            " (stopped at --max-runs)"
        } else {
            ""
        },
        shrunk.result.outcome.summary()
    );
    say!(
        "written to {} (replay: gomini replay {})",
        out.display(),
        out.display()
    );
    say!();
    say_raw!(
        "{}",
        tell(&story(&shrunk.result.turns), &prepared.display_name)
    );
    Ok(())
}

/// `gomini shrink FILE [PROGRAM.go] [-o OUT] [--max-runs N]`.
pub fn shrink_command(
    file: &Path,
    program: Option<&Path>,
    out: Option<PathBuf>,
    max_runs: u64,
) -> ExitCode {
    let Some((schedule, prepared)) = load_schedule(file, program) else {
        return ExitCode::from(1);
    };
    let Ok(decisions) = schedule.decisions() else {
        return ExitCode::from(1);
    };
    runner::silence_panics();
    let out = out.unwrap_or_else(|| {
        let mut name = file.as_os_str().to_owned();
        name.push(".shrunk");
        PathBuf::from(name)
    });
    let cap = schedule.max_steps;
    let race = schedule.wants_race();
    match shrink(
        &prepared.program,
        &prepared.text,
        schedule.seed,
        decisions,
        max_runs,
        cap,
        race,
    )
    .and_then(|s| report_and_write(&s, &prepared, race, schedule.seed, cap, &out))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gomini: {e}");
            ExitCode::from(1)
        }
    }
}

/// What `explore --record/--shrink` hands over.
pub struct AfterExplore<'a> {
    pub prepared: &'a Prepared,
    pub seed: u64,
    pub strategy: Strategy,
    pub record: Option<&'a Path>,
    pub shrink: bool,
    /// explore's `--race`.
    pub race: bool,
    /// explore's `--max-steps`, so that the seed runs as it did in the search.
    pub max_steps: u64,
}

/// Records (and shrinks) explore's failing seed.
pub fn after_explore(args: AfterExplore<'_>) -> ExitCode {
    let source = Source::for_strategy(args.strategy, args.seed).keep_turns();
    let mut spec = RunSpec::new(args.seed, source).max_steps(Some(args.max_steps));
    spec.record = true;
    spec.race = args.race;
    let result = runner::run(&args.prepared.program, spec);
    let default_path = PathBuf::from(format!("gomini-seed-{}.schedule.json", args.seed));
    let path = args.record.map_or(default_path, Path::to_path_buf);
    let cap = Some(args.max_steps);
    let run = RecordedRun {
        seed: args.seed,
        strategy: args.strategy,
        race: args.race,
        max_steps: cap,
    };
    if let Err(e) = record(&path, args.prepared, run, &result) {
        eprintln!("gomini: {e}");
        return ExitCode::from(1);
    }
    say!(
        "seed {} recorded to {} (replay: gomini replay {})",
        args.seed,
        path.display(),
        path.display()
    );
    if !args.shrink {
        return ExitCode::SUCCESS;
    }
    let mut out = path.into_os_string();
    out.push(".shrunk");
    let out = PathBuf::from(out);
    match shrink(
        &args.prepared.program,
        &args.prepared.text,
        args.seed,
        result.decisions,
        DEFAULT_MAX_RUNS,
        cap,
        // Without races the detector changes no outcome: the candidates run faster without it.
        args.race && result.outcome.races > 0,
    )
    .and_then(|s| report_and_write(&s, args.prepared, args.race, args.seed, cap, &out))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gomini: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(goroutine: u64, len: Option<u64>) -> Segment {
        Segment { goroutine, len }
    }

    #[test]
    fn transfer_removes_the_segment_and_merges_neighbours() {
        let plan = [
            seg(7, Some(5)),
            seg(8, Some(4)),
            seg(7, Some(3)),
            seg(8, None),
        ];
        assert_eq!(
            transfer(&plan, 2, 0),
            Some(vec![seg(7, Some(8)), seg(8, None)])
        );
        assert_eq!(
            transfer(&plan, 1, 3),
            Some(vec![seg(7, Some(8)), seg(8, None)])
        );
        assert_eq!(
            transfer(&plan, 3, 1),
            None,
            "an open-ended segment has no length to move"
        );
    }
}
