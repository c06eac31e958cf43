//! `gomini explore`: runs a program under many seeds on all cores and groups the runs by outcome.
//!
//! Each worker thread compiles the program once (a compiled program holds
//! `Rc`s, so it stays on its thread) and takes seeds from a shared counter;
//! each run is single-threaded and independent. Results are kept by seed and
//! grouped after all workers are done, in seed order, so the table is the
//! same for every `--jobs`. With `--until`, the search stops at the lowest
//! seed that satisfies it: seeds above it are skipped, seeds below it all
//! finish, so the stopping seed does not depend on `--jobs` either.
//!
//! `--json` writes the groups in the format of `docs/explore-format.md`;
//! `--merge` adds such files up (one per shard of the seed space).

/// `println!` that ignores a closed stdout (`gomini explore ... | head`) instead of panicking.
macro_rules! say {
    () => { say!("") };
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use gomini_vm::schedule::{Source, Strategy};
use serde::{Deserialize, Serialize};

use crate::runner::{self, Outcome, Prepared, RunSpec};

/// The `format` field of explore files.
pub const FORMAT: &str = "gomini-explore";
/// The version this gomini writes and reads.
pub const VERSION: u32 = 1;
/// Seeds one explore process runs at most: it keeps 4 bytes per seed.
const MAX_SEEDS: u64 = 100_000_000;
/// Outcomes shown in the table; the rest are counted in one line (all are in `--json`).
const TABLE_ROWS: usize = 20;

/// The command line of `gomini explore`.
pub struct ExploreArgs {
    pub file: Option<PathBuf>,
    pub runs: u64,
    pub strategy: String,
    pub depth: u32,
    pub jobs: Option<usize>,
    pub race: bool,
    pub until: Option<String>,
    pub seeds: Option<String>,
    pub shard: Option<String>,
    pub json: Option<PathBuf>,
    pub shrink: bool,
    pub record: Option<PathBuf>,
    pub max_steps: u64,
    pub merge: Vec<PathBuf>,
}

/// One outcome and the runs that gave it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Group {
    pub runs: u64,
    pub first_seed: u64,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The JSON file of `--json` (docs/explore-format.md).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExploreFile {
    pub format: String,
    pub version: u32,
    pub program: String,
    pub program_hash: String,
    /// `random` or `pct`.
    pub strategy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<u32>,
    /// Whether the runs had the race detector on (`--race`): it changes the
    /// outcomes (exit code 66, race counts). Absent in older files: off.
    #[serde(default)]
    pub race: bool,
    /// The step cap of every run (`--max-steps`), which decides where a long
    /// run stops. Absent in older files: unknown, mergeable only with unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_steps: Option<u64>,
    /// The seeds run, as half-open `[start, end)` ranges, ascending.
    pub seed_ranges: Vec<(u64, u64)>,
    pub runs: u64,
    /// The `--until` condition, and the seed it stopped at (seeds above it were not run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<u64>,
    /// Outcomes by first seed.
    pub outcomes: Vec<Group>,
}

/// Parses `A..B` (half-open) into a range.
fn parse_seeds(s: &str) -> Result<(u64, u64), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("--seeds {s}: expected A..B, as 0..1000"))?;
    let a: u64 = a
        .parse()
        .map_err(|_| format!("--seeds {s}: {a:?} is not a seed"))?;
    let b: u64 = b
        .parse()
        .map_err(|_| format!("--seeds {s}: {b:?} is not a seed"))?;
    if b <= a {
        return Err(format!("--seeds {s}: the range is empty"));
    }
    Ok((a, b))
}

/// Parses `K/N` (1-based) and returns the K-th of N contiguous slices of `range`.
fn shard_of(s: &str, (start, end): (u64, u64)) -> Result<(u64, u64), String> {
    let bad = || format!("--shard {s}: expected K/N with 1 <= K <= N, as 3/8");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let k: u64 = k.parse().map_err(|_| bad())?;
    let n: u64 = n.parse().map_err(|_| bad())?;
    if n == 0 || k == 0 || k > n {
        return Err(bad());
    }
    let len = (end - start) as u128;
    let lo = start + (len * (k - 1) as u128 / n as u128) as u64;
    let hi = start + (len * k as u128 / n as u128) as u64;
    if hi <= lo {
        return Err(format!(
            "--shard {s}: shard {k} of {n} of seeds {start}..{end} is empty"
        ));
    }
    Ok((lo, hi))
}

/// Whether `outcome` satisfies `--until`.
fn satisfies(until: &str, outcome: &Outcome, first: Option<&Outcome>) -> bool {
    match until {
        "race" => outcome.races > 0,
        "panic" => outcome.exit_code == 2 && outcome.stderr_first_line.starts_with("panic: "),
        "deadlock" => outcome
            .stderr_first_line
            .starts_with("fatal error: all goroutines are asleep"),
        "new-output" => first.is_some_and(|f| f != outcome),
        _ => false,
    }
}

/// Whether `outcome` is a run the step limit stopped.
pub fn stopped_by_steps(outcome: &Outcome) -> bool {
    outcome
        .stderr_first_line
        .starts_with("gomini: stopped: --max-steps ")
}

/// The replay command of a seed. `race` adds `--race`; `max_steps` (for a run
/// the step limit stopped) adds `--max-steps N`, so the command stops the same way.
pub fn replay_command(
    file: &str,
    seed: u64,
    strategy: Strategy,
    race: bool,
    max_steps: Option<u64>,
) -> String {
    let mut flags = String::new();
    if let Strategy::Pct { depth, .. } = strategy {
        flags.push_str(&format!(" --strategy pct --depth {depth}"));
    }
    if race {
        flags.push_str(" --race");
    }
    if let Some(n) = max_steps {
        flags.push_str(&format!(" --max-steps {n}"));
    }
    format!("gomini run --seed {seed}{flags} {file}")
}

/// `gomini explore ...`.
pub fn explore(args: ExploreArgs) -> ExitCode {
    if !args.merge.is_empty() {
        return merge(&args.merge, args.json.as_deref());
    }
    let Some(file) = args.file.clone() else {
        eprintln!("gomini: explore needs a Go file (or --merge FILES...)");
        return ExitCode::from(2);
    };
    let mut range = (0, args.runs.max(1));
    if let Some(s) = &args.seeds {
        match parse_seeds(s) {
            Ok(r) => range = r,
            Err(e) => return usage(&e),
        }
    }
    if let Some(s) = &args.shard {
        match shard_of(s, range) {
            Ok(r) => range = r,
            Err(e) => return usage(&e),
        }
    }
    if range.1 - range.0 > MAX_SEEDS {
        return usage(&format!(
            "{} seeds in one explore is too many (at most {MAX_SEEDS}); split them with --shard K/N",
            range.1 - range.0
        ));
    }
    let Some(prepared) = Prepared::load(&file) else {
        return ExitCode::from(1);
    };
    runner::silence_panics();
    let strategy = runner::strategy(
        &args.strategy,
        args.depth,
        &prepared.program,
        Some(args.max_steps),
    );
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let search = Search {
        file: &file,
        range,
        strategy,
        race: args.race,
        until: args.until.as_deref(),
        max_steps: args.max_steps,
        jobs,
    };
    let (seen, stopped_at) = search.run(&prepared);
    let groups = group(&seen, range.0);
    let display = prepared.display_name.clone();
    let run_count = seen.per_seed.len() as u64;
    let explored = ExploreFile {
        format: FORMAT.to_string(),
        version: VERSION,
        program: display.clone(),
        program_hash: prepared.hash(),
        strategy: args.strategy.clone(),
        depth: matches!(strategy, Strategy::Pct { .. }).then_some(args.depth),
        race: args.race,
        max_steps: Some(args.max_steps),
        seed_ranges: vec![(range.0, range.0 + run_count)],
        runs: run_count,
        until: args.until.clone(),
        stopped_at,
        outcomes: groups,
    };
    print_table(&explored, strategy, args.race, args.max_steps);
    if let (Some(until), None) = (&args.until, stopped_at) {
        say!("no run satisfied --until {until}");
    }
    if let Some(path) = &args.json {
        if let Err(e) = write_json(&explored, path) {
            eprintln!("gomini: {e}");
            return ExitCode::from(1);
        }
    }
    if args.record.is_some() || args.shrink {
        let failing = stopped_at.or_else(|| failing_seed(&seen, range.0));
        let Some(seed) = failing else {
            say!("every run gave the same outcome: no failing seed to record");
            return ExitCode::SUCCESS;
        };
        return crate::shrink::after_explore(crate::shrink::AfterExplore {
            prepared: &prepared,
            seed,
            strategy,
            record: args.record.as_deref(),
            shrink: args.shrink,
            race: args.race,
            max_steps: args.max_steps,
        });
    }
    ExitCode::SUCCESS
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("gomini: {msg}");
    ExitCode::from(2)
}

/// The seed to record or shrink without `--until`: the first run that
/// failed (non-zero exit or races), else the first run whose outcome is not
/// the most common one.
fn failing_seed(seen: &Seen, start: u64) -> Option<u64> {
    let failed = |id: &u32| {
        let o = &seen.distinct[*id as usize];
        o.exit_code != 0 || o.races > 0
    };
    if let Some(i) = seen.per_seed.iter().position(failed) {
        return Some(start + i as u64);
    }
    let mut counts = vec![0u64; seen.distinct.len()];
    for &id in &seen.per_seed {
        counts[id as usize] += 1;
    }
    // Ids are numbered in order of first appearance, so ties go to the lowest first seed.
    let common = (0..counts.len()).max_by_key(|&id| (counts[id], std::cmp::Reverse(id)))? as u32;
    seen.per_seed
        .iter()
        .position(|&id| id != common)
        .map(|i| start + i as u64)
}

/// The distinct outcomes of a search and, per seed, which one it gave.
#[derive(Default)]
struct Seen {
    /// Outcomes in order of the first seed that gave them.
    distinct: Vec<Outcome>,
    /// Outcome ids by seed (from the first seed); a million seeds cost 4 MB, not a million outputs.
    per_seed: Vec<u32>,
}

/// Groups a search's outcomes; ordered by first seed.
fn group(seen: &Seen, start: u64) -> Vec<Group> {
    let mut groups: Vec<Group> = seen
        .distinct
        .iter()
        .map(|o| Group {
            runs: 0,
            first_seed: u64::MAX,
            outcome: o.clone(),
        })
        .collect();
    for (i, &id) in seen.per_seed.iter().enumerate() {
        let g = &mut groups[id as usize];
        g.runs += 1;
        g.first_seed = g.first_seed.min(start + i as u64);
    }
    groups.retain(|g| g.runs > 0);
    groups.sort_by_key(|g| g.first_seed);
    groups
}

/// A seed search: the parameters every worker shares.
struct Search<'a> {
    file: &'a Path,
    range: (u64, u64),
    strategy: Strategy,
    race: bool,
    until: Option<&'a str>,
    max_steps: u64,
    jobs: usize,
}

impl Search<'_> {
    fn run_one(&self, prepared: &Prepared, seed: u64) -> Outcome {
        let source = Source::for_strategy(self.strategy, seed);
        let mut spec = RunSpec::new(seed, source).max_steps(Some(self.max_steps));
        spec.race = self.race;
        runner::run(&prepared.program, spec).outcome
    }

    /// Runs the seeds; returns their outcomes and the `--until` seed, if one matched.
    fn run(&self, prepared: &Prepared) -> (Seen, Option<u64>) {
        let (start, end) = self.range;
        let total = end - start;
        // new-output compares with the first seed's outcome: run it first.
        let first = self.run_one(prepared, start);
        let mut ids: Vec<u32> = vec![u32::MAX; total as usize];
        let mut index: BTreeMap<Outcome, u32> = BTreeMap::new();
        let mut by_id: Vec<Outcome> = Vec::new();
        let mut intern = |o: Outcome| -> (u32, usize) {
            let n = by_id.len() as u32;
            let id = *index.entry(o.clone()).or_insert(n);
            if id == n {
                by_id.push(o);
            }
            (id, by_id.len())
        };
        let stop_at = AtomicU64::new(u64::MAX);
        let next = AtomicU64::new(1);
        if self.until.is_some_and(|u| satisfies(u, &first, None)) {
            stop_at.store(0, Ordering::SeqCst);
        }
        ids[0] = intern(first.clone()).0;
        let progress = Progress::new(total);
        let (tx, rx) = mpsc::channel::<(u64, Outcome)>();
        std::thread::scope(|scope| {
            for _ in 0..self.jobs.min(total as usize) {
                let tx = tx.clone();
                let (stop_at, next, first) = (&stop_at, &next, &first);
                scope.spawn(move || {
                    // Compiles its own copy: a compiled program does not cross threads.
                    let Some(mine) = Prepared::load(self.file) else {
                        return;
                    };
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= total || i > stop_at.load(Ordering::SeqCst) {
                            return;
                        }
                        let outcome = self.run_one(&mine, start + i);
                        if self
                            .until
                            .is_some_and(|u| satisfies(u, &outcome, Some(first)))
                        {
                            stop_at.fetch_min(i, Ordering::SeqCst);
                        }
                        if tx.send((i, outcome)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            let mut done = 1;
            for (i, outcome) in rx {
                done += 1;
                let (id, distinct) = intern(outcome);
                ids[i as usize] = id;
                progress.show(done, distinct);
            }
        });
        progress.finish();
        let stop = stop_at.load(Ordering::SeqCst);
        let kept = if stop == u64::MAX { total } else { stop + 1 };
        ids.truncate(kept as usize);
        assert!(
            ids.iter().all(|&id| id != u32::MAX),
            "every seed up to the stopping one has run"
        );
        // Renumber in order of first seed, dropping outcomes only seeds past the stop gave.
        let mut renumber: Vec<u32> = vec![u32::MAX; by_id.len()];
        let mut seen = Seen::default();
        for id in &mut ids {
            let new = &mut renumber[*id as usize];
            if *new == u32::MAX {
                *new = seen.distinct.len() as u32;
                seen.distinct.push(by_id[*id as usize].clone());
            }
            *id = *new;
        }
        seen.per_seed = ids;
        (seen, (stop != u64::MAX).then(|| start + stop))
    }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
struct Progress {
    total: u64,
    active: bool,
}

impl Progress {
    fn new(total: u64) -> Progress {
        Progress {
            total,
            active: std::io::stderr().is_terminal() && total >= 50,
        }
    }

    fn show(&self, done: u64, outcomes: usize) {
        // About 200 redraws in all; `is_multiple_of` would need Rust 1.87 (the workspace says 1.85).
        let step = (self.total / 200).max(1);
        if !self.active || (done / step * step != done && done != self.total) {
            return;
        }
        const WIDTH: u64 = 30;
        let filled = (done * WIDTH / self.total.max(1)) as usize;
        eprint!(
            "\r[{}{}] {done}/{} runs, {outcomes} outcome(s)",
            "#".repeat(filled),
            ".".repeat(WIDTH as usize - filled),
            self.total
        );
    }

    fn finish(&self) {
        if self.active {
            eprint!("\r{}\r", " ".repeat(80));
        }
    }
}

/// Prints the grouped outcomes, most frequent first.
fn print_table(explored: &ExploreFile, strategy: Strategy, race: bool, max_steps: u64) {
    let ranges: Vec<String> = explored
        .seed_ranges
        .iter()
        .map(|(a, b)| format!("{a}..{b}"))
        .collect();
    let strategy_text = match explored.depth {
        Some(d) => format!("{} (depth {d})", explored.strategy),
        None => explored.strategy.clone(),
    };
    say!(
        "{}: {} runs (seeds {}), strategy {}, {} outcome(s)",
        explored.program,
        explored.runs,
        ranges.join(", "),
        strategy_text,
        explored.outcomes.len()
    );
    if let Some(s) = explored.stopped_at {
        say!(
            "stopped at seed {s} (--until {})",
            explored.until.as_deref().unwrap_or("")
        );
    }
    let mut rows: Vec<&Group> = explored.outcomes.iter().collect();
    rows.sort_by_key(|g| (std::cmp::Reverse(g.runs), g.first_seed));
    say!(
        "{:>8} {:>7} {:>12}  {:<40}  replay",
        "runs",
        "share",
        "first seed",
        "outcome (exit code: last stdout line | stderr)"
    );
    for g in rows.iter().take(TABLE_ROWS) {
        let share = 100.0 * g.runs as f64 / explored.runs.max(1) as f64;
        say!(
            "{:>8} {:>6.1}% {:>12}  {:<40}  {}",
            g.runs,
            share,
            g.first_seed,
            format!("{}: {}", g.outcome.exit_code, g.outcome.summary()),
            replay_command(
                &explored.program,
                g.first_seed,
                strategy,
                race || g.outcome.races > 0,
                stopped_by_steps(&g.outcome).then_some(max_steps)
            )
        );
    }
    if rows.len() > TABLE_ROWS {
        let rest: u64 = rows[TABLE_ROWS..].iter().map(|g| g.runs).sum();
        say!(
            "... and {} more outcome(s) from {rest} run(s) (all of them in --json)",
            rows.len() - TABLE_ROWS
        );
    }
}

fn write_json(explored: &ExploreFile, path: &Path) -> Result<(), String> {
    let text = serde_json::to_string_pretty(explored).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Reads an explore file; the error is one line.
fn read_json(path: &Path) -> Result<ExploreFile, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{shown}: not a gomini explore file (not JSON: {e})"))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(format!(
            "{shown}: not a gomini explore file (no \"format\": \"{FORMAT}\")"
        ));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == VERSION as u64 => {}
        other => {
            return Err(format!(
                "{shown}: explore format version {}; this gomini reads version {VERSION}",
                other.map_or("missing".to_string(), |v| v.to_string())
            ))
        }
    }
    serde_json::from_value(value).map_err(|e| format!("{shown}: damaged explore file: {e}"))
}

/// The settings of an explore file that change its outcomes, as `--merge`'s
/// refusal names them: runs made with different settings cannot be added up.
fn settings(f: &ExploreFile) -> String {
    let mut s = f.strategy.clone();
    if let Some(depth) = f.depth {
        s.push_str(&format!(" --depth {depth}"));
    }
    if f.race {
        s.push_str(" --race");
    }
    match f.max_steps {
        Some(n) => s.push_str(&format!(" --max-steps {n}")),
        None => s.push_str(" (max steps not recorded)"),
    }
    s
}

/// Combines explore files of one program and settings over disjoint seed ranges.
pub fn combine(files: &[ExploreFile]) -> Result<ExploreFile, String> {
    let Some(first) = files.first() else {
        return Err("nothing to merge".into());
    };
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    let mut by_outcome: BTreeMap<Outcome, Group> = BTreeMap::new();
    let mut runs = 0;
    for f in files {
        if f.program_hash != first.program_hash {
            return Err(format!(
                "cannot merge {} ({}) with {} ({}): another program",
                f.program, f.program_hash, first.program, first.program_hash
            ));
        }
        let (mine, theirs) = (settings(f), settings(first));
        if mine != theirs {
            return Err(format!(
                "cannot merge {} explored with `{mine}` with one explored with `{theirs}`: \
                 other settings give other outcomes; explore every shard with the same flags",
                f.program
            ));
        }
        ranges.extend(f.seed_ranges.iter().copied());
        runs += f.runs;
        for g in &f.outcomes {
            by_outcome
                .entry(g.outcome.clone())
                .and_modify(|m| {
                    m.runs += g.runs;
                    m.first_seed = m.first_seed.min(g.first_seed);
                })
                .or_insert_with(|| g.clone());
        }
    }
    ranges.sort_unstable();
    for w in ranges.windows(2) {
        if w[1].0 < w[0].1 {
            return Err(format!(
                "seed ranges {}..{} and {}..{} overlap: a seed would be counted twice",
                w[0].0, w[0].1, w[1].0, w[1].1
            ));
        }
    }
    // Adjacent ranges read as one.
    let mut joined: Vec<(u64, u64)> = Vec::new();
    for r in ranges {
        match joined.last_mut() {
            Some(last) if last.1 == r.0 => last.1 = r.1,
            _ => joined.push(r),
        }
    }
    let mut outcomes: Vec<Group> = by_outcome.into_values().collect();
    outcomes.sort_by_key(|g| g.first_seed);
    Ok(ExploreFile {
        format: FORMAT.to_string(),
        version: VERSION,
        program: first.program.clone(),
        program_hash: first.program_hash.clone(),
        strategy: first.strategy.clone(),
        depth: first.depth,
        race: first.race,
        max_steps: first.max_steps,
        seed_ranges: joined,
        runs,
        until: None,
        stopped_at: None,
        outcomes,
    })
}

/// `gomini explore --merge FILES... [--json OUT]`.
fn merge(paths: &[PathBuf], out: Option<&Path>) -> ExitCode {
    let mut files = Vec::new();
    for p in paths {
        match read_json(p) {
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("gomini: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let merged = match combine(&files) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gomini: {e}");
            return ExitCode::from(1);
        }
    };
    let strategy = match merged.depth {
        Some(depth) => Strategy::Pct { depth, steps: 0 },
        None => Strategy::Random,
    };
    let max_steps = merged.max_steps.unwrap_or(DEFAULT_EXPLORE_MAX_STEPS);
    print_table(&merged, strategy, merged.race, max_steps);
    if let Some(path) = out {
        if let Err(e) = write_json(&merged, path) {
            eprintln!("gomini: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// The default `--max-steps` of explore: every run ends (`Limits::max_steps`).
pub const DEFAULT_EXPLORE_MAX_STEPS: u64 = 500_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_the_range_without_overlap() {
        let parts: Vec<(u64, u64)> = (1..=3)
            .map(|k| shard_of(&format!("{k}/3"), (10, 20)).unwrap())
            .collect();
        assert_eq!(parts, vec![(10, 13), (13, 16), (16, 20)]);
        assert!(shard_of("0/3", (0, 10)).is_err());
        assert!(shard_of("4/3", (0, 10)).is_err());
    }

    #[test]
    fn seeds_parse_half_open() {
        assert_eq!(parse_seeds("5..9"), Ok((5, 9)));
        assert!(parse_seeds("9..5").is_err());
        assert!(parse_seeds("x..5").is_err());
    }
}
