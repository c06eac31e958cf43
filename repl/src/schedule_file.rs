//! Schedule files (`docs/schedule-format.md`): the decisions a run took, written by
//! `run --record`, `explore --record` and `shrink`, read by `replay` and `shrink`.
//!
//! A file is JSON with a format name and version, the program's path and hash,
//! the seed and strategy, the outcome it gave, and the decision list as
//! `[kind, choice, n]` triples. Reading never panics: a file that is not one
//! of ours, or a version we do not know, is a one-line error.

use std::path::{Path, PathBuf};

use gomini_vm::sched::{Decision, DecisionKind};
use serde::{Deserialize, Serialize};

use crate::runner::{Outcome, Prepared};

/// The `format` field of every schedule file.
pub const FORMAT: &str = "gomini-schedule";
/// The version this gomini writes and reads.
pub const VERSION: u32 = 1;

/// A schedule file's contents.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ScheduleFile {
    pub format: String,
    pub version: u32,
    /// The program's path as it was given when recording.
    pub program: String,
    /// `fnv1a64:` and the FNV-1a hash of the program's source text.
    pub program_hash: String,
    /// The program's arguments (`os.Args[1:]`), when it had any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// True for `--loopvar=shared` (pre-Go-1.22 loop variables).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_loopvars: bool,
    /// True when the run had the race detector (`--race`); replay and shrink
    /// then run it too. Files written before this field read as false.
    #[serde(default)]
    pub race: bool,
    pub seed: u64,
    /// `random`, `pct` or `shrunk`.
    pub strategy: String,
    /// The step cap the run had (explore's `--max-steps`); replay and shrink use it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_steps: Option<u64>,
    /// PCT's depth, for `pct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<u32>,
    /// What the run gave.
    pub outcome: Outcome,
    /// Switches that blocking did not force.
    pub preemptions: usize,
    /// Every draw: `[kind, choice, n]` with kind `pick`, `quantum`, `select` or `map`.
    pub decisions: Vec<(String, u32, u32)>,
}

/// The short name of a decision kind in files.
fn kind_name(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Pick => "pick",
        DecisionKind::Quantum => "quantum",
        DecisionKind::Select => "select",
        DecisionKind::MapStart => "map",
    }
}

fn kind_of(name: &str) -> Option<DecisionKind> {
    match name {
        "pick" => Some(DecisionKind::Pick),
        "quantum" => Some(DecisionKind::Quantum),
        "select" => Some(DecisionKind::Select),
        "map" => Some(DecisionKind::MapStart),
        _ => None,
    }
}

/// What a new schedule file says besides its decisions.
pub struct Header<'a> {
    pub program: &'a str,
    pub args: Vec<String>,
    pub shared_loopvars: bool,
    pub race: bool,
    pub program_hash: String,
    pub seed: u64,
    pub strategy: &'a str,
    pub depth: Option<u32>,
    pub max_steps: Option<u64>,
    pub outcome: Outcome,
    pub preemptions: usize,
}

impl<'a> Header<'a> {
    /// The header of a run of `prepared` (its path, hash, arguments and
    /// loop-variable semantics) with no PCT depth; set `depth` for a PCT run.
    /// `race` says whether the run had the race detector.
    pub fn of_run(
        prepared: &'a Prepared,
        race: bool,
        seed: u64,
        strategy: &'a str,
        max_steps: Option<u64>,
        outcome: Outcome,
        preemptions: usize,
    ) -> Header<'a> {
        Header {
            program: &prepared.display_name,
            args: prepared.args.clone(),
            shared_loopvars: prepared.shared_loopvars,
            race,
            program_hash: prepared.hash(),
            seed,
            strategy,
            depth: None,
            max_steps,
            outcome,
            preemptions,
        }
    }
}

impl ScheduleFile {
    pub fn new(header: Header<'_>, decisions: &[Decision]) -> ScheduleFile {
        ScheduleFile {
            format: FORMAT.to_string(),
            version: VERSION,
            program: header.program.to_string(),
            program_hash: header.program_hash,
            args: header.args,
            shared_loopvars: header.shared_loopvars,
            race: header.race,
            seed: header.seed,
            strategy: header.strategy.to_string(),
            depth: header.depth,
            max_steps: header.max_steps,
            outcome: header.outcome,
            preemptions: header.preemptions,
            decisions: decisions
                .iter()
                .map(|d| (kind_name(d.kind).to_string(), d.choice, d.n))
                .collect(),
        }
    }

    /// The decision list, checked: every kind known, every choice in its range.
    pub fn decisions(&self) -> Result<Vec<Decision>, String> {
        self.decisions
            .iter()
            .enumerate()
            .map(|(i, (kind, choice, n))| match kind_of(kind) {
                Some(kind) if choice < n => Ok(Decision {
                    kind,
                    choice: *choice,
                    n: *n,
                }),
                Some(_) => Err(format!("decision {i}: choice {choice} is not below {n}")),
                None => Err(format!("decision {i}: unknown kind {kind:?}")),
            })
            .collect()
    }

    /// Reads and checks `path`; the error is one line, without the `gomini:` prefix.
    pub fn read(path: &Path) -> Result<ScheduleFile, String> {
        let shown = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{shown}: not a gomini schedule file (not JSON: {e})"))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            _ => {
                return Err(format!(
                    "{shown}: not a gomini schedule file (no \"format\": \"{FORMAT}\")"
                ))
            }
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == VERSION as u64 => {}
            Some(v) => {
                return Err(format!(
                    "{shown}: schedule format version {v}; this gomini reads version {VERSION}"
                ))
            }
            None => return Err(format!("{shown}: schedule file without a version")),
        }
        let file: ScheduleFile = serde_json::from_value(value)
            .map_err(|e| format!("{shown}: damaged schedule file: {e}"))?;
        file.decisions()
            .map_err(|e| format!("{shown}: damaged schedule file: {e}"))?;
        Ok(file)
    }

    /// Whether a replay or shrink of this file runs the race detector: when
    /// it was recorded with `--race`, or (files written before the `race`
    /// field) when its outcome counts races, which only the detector finds.
    pub fn wants_race(&self) -> bool {
        self.race || self.outcome.races > 0
    }

    /// Writes the file as pretty JSON with one decision per line.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string(self).map_err(|e| e.to_string())?;
        std::fs::write(path, text + "\n")
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))
    }

    /// The program to run: `given`, else the recorded path (as given, or beside the schedule file).
    pub fn program_path(&self, given: Option<&Path>, schedule: &Path) -> PathBuf {
        if let Some(p) = given {
            return p.to_path_buf();
        }
        let recorded = PathBuf::from(&self.program);
        if recorded.exists() || recorded.is_absolute() {
            return recorded;
        }
        match schedule.parent() {
            Some(dir) if dir.join(&recorded).exists() => dir.join(recorded),
            _ => recorded,
        }
    }
}
