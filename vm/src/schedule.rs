//! Schedule sources: where the scheduler's choices come from, chosen when a run is set up.
//!
//! `Vm::draw` (sched.rs) asks [`Source`] for every choice instead of the
//! generator directly. A source is one of:
//!
//! - **seeded** (the default): `Vm::rng`, exactly as the contract in sched.rs says;
//! - **PCT** ([`Strategy::Pct`]): Burckhardt et al.'s probabilistic concurrency
//!   testing (ASPLOS 2010), mapped onto gomini's turns (see [`Pct`]); its own
//!   random draws come from a generator seeded with the run's seed, so a seed
//!   still determines the run;
//! - **replay**: a recorded decision list, answered draw by draw; a draw whose
//!   kind or range differs from the recorded one, or one past the end, is a
//!   [`Mismatch`] and ends the run;
//! - **plan**: a list of [`Segment`]s (which goroutine runs, for how many
//!   instructions), the form the shrinker edits; what it draws can be recorded
//!   and replayed like any other run.
//!
//! The source also keeps the run's turns ([`Turn`]: which goroutine ran, from
//! which line to which, how many instructions (exact, from `Vm::steps`), how it
//! stopped, and what it read and wrote when the race detector's access observer
//! feeds [`Source::access_log`]), for the shrinker and its story. A run that
//! does not end is stopped by the VM's own step limit (`Limits::max_steps`).
//!
//! Hooks in sched.rs: `Vm::draw` calls [`Vm::choose`]; `run_main` calls
//! [`Vm::turn_started`] and [`Vm::turn_ended`] around each `Vm::run`;
//! `shortened_budget` calls [`Vm::budget_replaced`]. Nothing else changes, so
//! with the default source every seed means what it meant before.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::goroutine::{Goroutine, Stop};
use crate::race::AccessEvent;
use crate::sched::{Decision, DecisionKind, QUANTUM_ALONE, QUANTUM_MAX};
use crate::Vm;

/// How runs choose their schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// The seeded generator (sched.rs): uniform picks, quanta of 1..=40.
    Random,
    /// PCT with bug depth `depth` over `steps` contended instructions.
    Pct { depth: u32, steps: u64 },
}

/// Where a replayed schedule stopped fitting the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// 0-based index of the decision that did not fit.
    pub decision: usize,
    /// What the program asked for: the kind and range of the draw, or `None`
    /// when the program ended before the schedule did.
    pub wanted: Option<(DecisionKind, u32)>,
    /// What the schedule holds there, or `None` when it ran out.
    pub recorded: Option<Decision>,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "schedule does not match the program at decision {}",
            self.decision
        )?;
        match (&self.wanted, &self.recorded) {
            (Some((kind, n)), Some(d)) => write!(
                f,
                " (the program draws a {} out of {n}, the schedule has a {} out of {})",
                kind.what(),
                d.kind.what(),
                d.n
            ),
            (Some((kind, n)), None) => write!(
                f,
                " (the program draws a {} out of {n}, the schedule has ended)",
                kind.what()
            ),
            (None, _) => write!(f, " (the program ended, the schedule has more decisions)"),
        }
    }
}

/// A piece of a plan: `goroutine` runs `len` instructions and is preempted,
/// or (`len == None`) runs until it blocks, yields or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub goroutine: u64,
    pub len: Option<u64>,
}

/// How a turn ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TurnEnd {
    /// Its quantum ran out: a switch that blocking did not force, if another goroutine runs next.
    Preempted,
    /// It parked (the reason is Go's wait reason).
    Blocked(&'static str),
    /// `runtime.Gosched`.
    Yielded,
    /// Its function returned.
    Finished,
    /// The program ended in this turn (main returned, a panic, a fatal error, os.Exit).
    ProgramEnded,
}

/// One turn of the run: a goroutine picked, run and stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub goroutine: u64,
    /// Instructions it ran (exact, from `Vm::steps`); `None` only in hand-made turn logs.
    pub used: Option<u64>,
    pub end: TurnEnd,
    /// Source lines (1-based) where it stood when the turn started and ended; 0 when unknown.
    pub from_line: u32,
    pub to_line: u32,
    /// Index of the first decision drawn after this turn started (when decisions are recorded; else 0).
    pub first_decision: usize,
    /// What it read and wrote, in order, when [`Source::access_log`] is fed (else empty).
    pub accesses: Vec<AccessEvent>,
}

/// The goroutine running now and its budget, for exact instruction counts.
#[derive(Clone, Copy, Debug)]
struct Current {
    goroutine: u64,
    /// The budget in force (after any shortening).
    budget: u64,
    /// Instructions consumed under budgets that were since replaced.
    consumed: u64,
    /// The part of `consumed` run while it was alone (not a scheduling choice).
    alone_part: u64,
    /// True when it started alone with `QUANTUM_ALONE` and was not yet shortened.
    alone: bool,
    from_line: u32,
    first_decision: usize,
    /// `Vm::steps` when the turn started.
    steps_at_start: u64,
}

/// PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A Randomized Scheduler
/// with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010), on gomini's turns.
///
/// Every goroutine gets a random priority (at least `depth`) when it is first
/// seen; `depth − 1` change points are drawn uniformly among the `steps`
/// contended instructions of a run. The highest-priority runnable goroutine
/// runs; when the run reaches change point `j`, the running goroutine's
/// priority drops to `depth − j`, below every initial priority. For a program
/// with at most `n` goroutines and `k` steps, PCT finds a bug of depth `d` with
/// probability at least `1/(n·k^(d−1))` per run.
///
/// Mapping: a step is an instruction executed while at least two goroutines
/// could run (an instruction run alone is no scheduling choice). The picked
/// goroutine's quantum is the distance to the next change point, capped at
/// `QUANTUM_MAX`, so a goroutine woken with a higher priority takes over within
/// `QUANTUM_MAX` instructions (an approximation of "every step"). Steps are
/// counted exactly (`Vm::steps`), also for a turn that blocks early.
#[derive(Clone, Debug)]
pub struct Pct {
    depth: u32,
    rng: oorandom::Rand32,
    /// Goroutine id -> priority; higher runs first.
    priorities: BTreeMap<u64, u64>,
    /// Change points in contended steps, ascending.
    change_points: Vec<u64>,
    /// How many change points have been applied.
    applied: usize,
    /// Contended steps so far.
    steps: u64,
}

impl Pct {
    pub fn new(seed: u64, depth: u32, steps: u64) -> Pct {
        // A stream apart from `Vm::rng`, so PCT's own draws do not shift the select and map draws.
        let mut rng = oorandom::Rand32::new_inc(seed, 0x5043_5421);
        let k = steps.clamp(1, u32::MAX as u64) as u32;
        let mut change_points: Vec<u64> = (1..depth.max(1))
            .map(|_| rng.rand_range(0..k) as u64)
            .collect();
        change_points.sort_unstable();
        Pct {
            depth: depth.max(1),
            rng,
            priorities: BTreeMap::new(),
            change_points,
            applied: 0,
            steps: 0,
        }
    }

    fn priority(&mut self, goroutine: u64) -> u64 {
        let depth = self.depth as u64;
        let rng = &mut self.rng;
        *self
            .priorities
            .entry(goroutine)
            .or_insert_with(|| depth + rng.rand_u32() as u64)
    }

    /// The quantum (1..=QUANTUM_MAX) that stops the running goroutine at the next change point.
    /// `in_turn` contended instructions of the current turn are not yet counted.
    fn quantum(&self, in_turn: u64) -> u32 {
        match self.change_points.get(self.applied) {
            Some(&cp) => cp
                .saturating_sub(self.steps + in_turn)
                .clamp(1, QUANTUM_MAX as u64) as u32,
            None => QUANTUM_MAX,
        }
    }

    /// Counts `steps` contended instructions of `goroutine` and applies the change points they reach.
    fn advance(&mut self, goroutine: u64, steps: u64) {
        self.steps += steps;
        while let Some(&cp) = self.change_points.get(self.applied) {
            if cp > self.steps {
                break;
            }
            self.applied += 1;
            let lowered = (self.depth as u64).saturating_sub(self.applied as u64);
            self.priorities.insert(goroutine, lowered);
        }
    }
}

/// The shrinker's plan being followed.
#[derive(Clone, Debug)]
struct PlanState {
    segments: Vec<Segment>,
    /// The segment being followed.
    at: usize,
    /// Instructions the current segment has run so far.
    done: u64,
    /// Select and map-start choices, in the order the plan's source run drew them.
    data: Vec<Decision>,
    next_data: usize,
}

#[derive(Clone, Debug)]
enum Mode {
    Seeded,
    Pct(Box<Pct>),
    Replay {
        decisions: Vec<Decision>,
        next: usize,
    },
    Plan(PlanState),
}

/// The scheduler's choice source and turn log; `Sched::source`.
#[derive(Clone, Debug)]
pub struct Source {
    mode: Mode,
    /// Set when a replayed schedule stops fitting; the run then ends.
    pub mismatch: Option<Mismatch>,
    /// The turns of the run, when asked for (`Some`).
    pub turns: Option<Vec<Turn>>,
    current: Option<Current>,
    /// The goroutine of the last turn.
    last_goroutine: Option<u64>,
    /// Instructions run while another goroutine could have run (PCT's steps), exact.
    pub contended: u64,
    /// Count turns even in a plain seeded run without a turn log (for `contended`).
    pub counting: bool,
    /// Where an access observer puts the accesses of the running turn; each
    /// turn takes them into [`Turn::accesses`] when it ends.
    pub access_log: Option<Rc<RefCell<Vec<AccessEvent>>>>,
}

impl Default for Source {
    fn default() -> Source {
        Source::with_mode(Mode::Seeded)
    }
}

impl Source {
    /// True while the running goroutine's turn is tracked (`turn_started`
    /// set `current`): a draw then also updates the turn.
    #[inline]
    pub(crate) fn tracking_turn(&self) -> bool {
        self.current.is_some()
    }

    /// True for the plain seeded generator with no turn to log or count:
    /// `turn_started` and `turn_ended` then do nothing, and every draw is
    /// the generator's (what `Sched::turns_in_run` needs).
    pub(crate) fn untracked(&self) -> bool {
        matches!(self.mode, Mode::Seeded) && self.turns.is_none() && !self.counting
    }

    fn with_mode(mode: Mode) -> Source {
        Source {
            mode,
            mismatch: None,
            turns: None,
            current: None,
            last_goroutine: None,
            contended: 0,
            counting: false,
            access_log: None,
        }
    }

    /// The source for `strategy` and `seed`.
    pub fn for_strategy(strategy: Strategy, seed: u64) -> Source {
        match strategy {
            Strategy::Random => Source::default(),
            Strategy::Pct { depth, steps } => {
                Source::with_mode(Mode::Pct(Box::new(Pct::new(seed, depth, steps))))
            }
        }
    }

    /// Replays `decisions` exactly. A recorded run that a step limit stopped
    /// needs the same `Limits::max_steps` to end the same way.
    pub fn replay(decisions: Vec<Decision>) -> Source {
        Source::with_mode(Mode::Replay { decisions, next: 0 })
    }

    /// Follows `segments`; `data` holds the select and map-start choices to use, in order.
    pub fn plan(segments: Vec<Segment>, data: Vec<Decision>) -> Source {
        let data = data
            .into_iter()
            .filter(|d| matches!(d.kind, DecisionKind::Select | DecisionKind::MapStart))
            .collect();
        // A shrinker's candidate can spin where the recorded run did not: the
        // shrinker runs it under a step limit.
        Source::with_mode(Mode::Plan(PlanState {
            segments,
            at: 0,
            done: 0,
            data,
            next_data: 0,
        }))
    }

    /// Counts contended instructions (`contended`) even without a turn log.
    pub fn counted(mut self) -> Source {
        self.counting = true;
        self
    }

    /// Keeps the run's turns in `turns`.
    pub fn keep_turns(mut self) -> Source {
        self.turns = Some(Vec::new());
        self
    }

    /// A replay that ended with decisions left over does not fit either.
    pub fn check_finished(&mut self) {
        if let Mode::Replay { decisions, next } = &self.mode {
            if self.mismatch.is_none() && *next < decisions.len() {
                self.mismatch = Some(Mismatch {
                    decision: *next,
                    wanted: None,
                    recorded: decisions.get(*next).copied(),
                });
            }
        }
    }
}

/// Preemptions of a turn log: turns that ended by preemption and were followed
/// by a different goroutine's turn.
pub fn preemptions(turns: &[Turn]) -> usize {
    turns
        .windows(2)
        .filter(|w| w[0].end == TurnEnd::Preempted && w[0].goroutine != w[1].goroutine)
        .count()
}

/// The plan that reproduces a turn log: consecutive preempted turns of one
/// goroutine merge; a turn that did not end by preemption runs "until it stops".
pub fn plan_of(turns: &[Turn]) -> Vec<Segment> {
    let mut plan: Vec<Segment> = Vec::new();
    let mut open = false;
    for t in turns {
        let len = match t.end {
            TurnEnd::Preempted => t.used,
            _ => None,
        };
        match plan.last_mut() {
            Some(last) if open && last.goroutine == t.goroutine => {
                last.len = match (last.len, len) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
            }
            _ => plan.push(Segment {
                goroutine: t.goroutine,
                len,
            }),
        }
        open = t.end == TurnEnd::Preempted;
    }
    plan
}

/// Preemptions of a plan: counted segments followed by another goroutine's segment.
pub fn plan_preemptions(plan: &[Segment]) -> usize {
    plan.windows(2)
        .filter(|w| w[0].len.is_some() && w[0].goroutine != w[1].goroutine)
        .count()
}

/// The line of the instruction `g` stands at; 0 when it has no frame.
fn line_of(vm: &Vm, g: &Goroutine) -> u32 {
    let Some(frame) = g.frames.last() else {
        return 0;
    };
    let pc = (frame.pc as usize).min(frame.proto.spans.len().saturating_sub(1));
    match frame.proto.spans.get(pc) {
        Some(span) => vm.program.lines.line_col(span.start).0,
        None => 0,
    }
}

impl Vm {
    /// The choice for a draw of `kind` out of `n` (`n ≥ 1`), from the run's source.
    #[inline]
    pub(crate) fn choose(&mut self, kind: DecisionKind, n: u32) -> u32 {
        if let Mode::Seeded = self.sched.source.mode {
            return self.rng.rand_range(0..n);
        }
        self.choose_from_source(kind, n)
    }

    #[inline(never)]
    fn choose_from_source(&mut self, kind: DecisionKind, n: u32) -> u32 {
        if self.sched.source.mismatch.is_some() {
            // The run is ending; the smallest choice keeps the last quantum short.
            return 0;
        }
        match &mut self.sched.source.mode {
            Mode::Seeded => self.rng.rand_range(0..n),
            Mode::Replay { decisions, next } => {
                let index = *next;
                let recorded = decisions.get(index).copied();
                *next += 1;
                match recorded {
                    Some(d) if d.kind == kind && d.n == n && d.choice < n => d.choice,
                    _ => {
                        self.sched.source.mismatch = Some(Mismatch {
                            decision: index,
                            wanted: Some((kind, n)),
                            recorded,
                        });
                        0
                    }
                }
            }
            Mode::Pct(_) => match kind {
                DecisionKind::Pick => self.pct_pick(),
                DecisionKind::Quantum => {
                    let in_turn = self
                        .sched
                        .source
                        .current
                        .map_or(0, |c| c.consumed - c.alone_part);
                    match &self.sched.source.mode {
                        Mode::Pct(pct) => pct.quantum(in_turn).min(n) - 1,
                        _ => 0,
                    }
                }
                _ => self.rng.rand_range(0..n),
            },
            Mode::Plan(_) => match kind {
                DecisionKind::Pick => self.plan_pick(),
                DecisionKind::Quantum => {
                    // At a turn's start nothing is consumed yet; at a shortening, what ran before it.
                    let consumed = self.sched.source.current.map_or(0, |c| c.consumed);
                    let Mode::Plan(plan) = &self.sched.source.mode else {
                        return 0;
                    };
                    let left = match plan.segments.get(plan.at) {
                        Some(Segment { len: Some(len), .. }) => {
                            len.saturating_sub(plan.done + consumed)
                        }
                        _ => n as u64,
                    };
                    (left.clamp(1, n as u64) - 1) as u32
                }
                _ => {
                    let Mode::Plan(plan) = &mut self.sched.source.mode else {
                        return 0;
                    };
                    let d = plan.data.get(plan.next_data).copied();
                    plan.next_data += 1;
                    match d {
                        Some(d) if d.kind == kind && d.choice < n => d.choice,
                        _ => 0,
                    }
                }
            },
        }
    }

    /// The run-queue index of the runnable goroutine with the highest PCT priority.
    fn pct_pick(&mut self) -> u32 {
        let ids: Vec<u64> = self.runq_ids();
        let Mode::Pct(pct) = &mut self.sched.source.mode else {
            return 0;
        };
        let mut best = (0usize, 0u64, u64::MAX);
        for (i, &id) in ids.iter().enumerate() {
            let p = pct.priority(id);
            if i == 0 || p > best.1 || (p == best.1 && id < best.2) {
                best = (i, p, id);
            }
        }
        best.0 as u32
    }

    /// The run-queue index of the plan's goroutine; if it cannot run (or the
    /// plan is over), the goroutine that ran last, so that no switch is added;
    /// else the runnable goroutine with the lowest id.
    fn plan_pick(&mut self) -> u32 {
        let ids: Vec<u64> = self.runq_ids();
        let Mode::Plan(plan) = &self.sched.source.mode else {
            return 0;
        };
        let wanted = plan.segments.get(plan.at).map(|s| s.goroutine);
        for goroutine in [wanted, self.sched.source.last_goroutine] {
            if let Some(i) = ids.iter().position(|&id| Some(id) == goroutine) {
                return i as u32;
            }
        }
        ids.iter()
            .enumerate()
            .min_by_key(|(_, &id)| id)
            .map_or(0, |(i, _)| i as u32)
    }

    /// Goroutine ids of the run queue, in its order.
    fn runq_ids(&self) -> Vec<u64> {
        self.sched
            .runq
            .iter()
            .map(|&slot| {
                self.sched.gs[slot as usize]
                    .as_ref()
                    .map_or(u64::MAX, |g| g.id)
            })
            .collect()
    }

    /// `g` is about to run with `budget` instructions.
    #[inline]
    pub(crate) fn turn_started(&mut self, g: &Goroutine, budget: u32) {
        if self.sched.source.untracked() {
            // A plain seeded run (`gomini run`) has nothing to count: no cost per turn.
            return;
        }
        self.track_turn(g, budget);
    }

    #[inline(never)]
    fn track_turn(&mut self, g: &Goroutine, budget: u32) {
        let from_line = if self.sched.source.turns.is_some() {
            line_of(self, g)
        } else {
            0
        };
        self.sched.source.current = Some(Current {
            goroutine: g.id,
            budget: budget as u64,
            consumed: 0,
            alone_part: 0,
            alone: budget == QUANTUM_ALONE,
            from_line,
            first_decision: self.sched.decisions.as_ref().map_or(0, |d| d.len()),
            steps_at_start: self.steps,
        });
    }

    /// Another goroutine became runnable while the running one had `remaining`
    /// instructions of a long budget left: draws its new, short quantum.
    pub(crate) fn shorten_turn(&mut self, remaining: u32) -> u32 {
        if let Some(c) = &mut self.sched.source.current {
            let used = c.budget.saturating_sub(remaining as u64);
            c.consumed += used;
            if c.alone {
                c.alone_part += used;
            }
            c.alone = false;
            c.budget = 0;
        }
        let quantum = self.draw(DecisionKind::Quantum, QUANTUM_MAX) + 1;
        if let Some(c) = &mut self.sched.source.current {
            c.budget = quantum as u64;
        }
        quantum
    }

    /// `g`'s turn ended with `stop`. Returns the stop that ends the run early:
    /// a replay that no longer fits.
    #[inline]
    pub(crate) fn turn_ended(&mut self, g: &Goroutine, stop: &Stop) -> Option<Stop> {
        // Not tracked (a plain seeded run): nothing to do.
        self.sched.source.current.as_ref()?;
        self.end_turn(g, stop)
    }

    fn end_turn(&mut self, g: &Goroutine, stop: &Stop) -> Option<Stop> {
        let end = match stop {
            Stop::Preempted => TurnEnd::Preempted,
            Stop::Blocked => TurnEnd::Blocked(g.wait.unwrap_or("")),
            Stop::Yielded => TurnEnd::Yielded,
            Stop::Finished if g.id != 1 || g.goexiting => TurnEnd::Finished,
            _ => TurnEnd::ProgramEnded,
        };
        let to_line = if self.sched.source.turns.is_some() {
            line_of(self, g)
        } else {
            0
        };
        let steps_now = self.steps;
        let source = &mut self.sched.source;
        let cur = source.current.take()?;
        source.last_goroutine = Some(cur.goroutine);
        let used = steps_now.saturating_sub(cur.steps_at_start);
        // Contended instructions: none while it ran alone.
        let contended = if cur.alone {
            0
        } else {
            used.saturating_sub(cur.alone_part)
        };
        source.contended += contended;
        match &mut source.mode {
            Mode::Pct(pct) => pct.advance(cur.goroutine, contended),
            Mode::Plan(plan)
                if plan.segments.get(plan.at).map(|s| s.goroutine) == Some(cur.goroutine) =>
            {
                let seg = plan.segments[plan.at];
                match (end, seg.len) {
                    (TurnEnd::Preempted, Some(len)) => {
                        plan.done += used;
                        if plan.done >= len {
                            plan.at += 1;
                            plan.done = 0;
                        }
                    }
                    (TurnEnd::Preempted, None) => {}
                    _ => {
                        plan.at += 1;
                        plan.done = 0;
                    }
                }
            }
            _ => {}
        }
        let accesses = source
            .access_log
            .as_ref()
            .map(|log| std::mem::take(&mut *log.borrow_mut()))
            .unwrap_or_default();
        if let Some(turns) = &mut source.turns {
            turns.push(Turn {
                goroutine: cur.goroutine,
                used: Some(used),
                end,
                from_line: cur.from_line,
                to_line,
                first_decision: cur.first_decision,
                accesses,
            });
        }
        if let Some(m) = &source.mismatch {
            return Some(Stop::Fatal(format!("gomini: {m}\n")));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(goroutine: u64, used: Option<u64>, end: TurnEnd) -> Turn {
        Turn {
            goroutine,
            used,
            end,
            from_line: 0,
            to_line: 0,
            first_decision: 0,
            accesses: Vec::new(),
        }
    }

    #[test]
    fn plan_merges_preempted_turns_of_one_goroutine() {
        let turns = [
            turn(7, Some(5), TurnEnd::Preempted),
            turn(7, Some(3), TurnEnd::Preempted),
            turn(8, None, TurnEnd::Blocked("chan receive")),
            turn(7, Some(2), TurnEnd::Preempted),
            turn(1, None, TurnEnd::ProgramEnded),
        ];
        assert_eq!(
            plan_of(&turns),
            vec![
                Segment {
                    goroutine: 7,
                    len: Some(8)
                },
                Segment {
                    goroutine: 8,
                    len: None
                },
                Segment {
                    goroutine: 7,
                    len: Some(2)
                },
                Segment {
                    goroutine: 1,
                    len: None
                },
            ]
        );
        assert_eq!(preemptions(&turns), 2);
        assert_eq!(plan_preemptions(&plan_of(&turns)), 2);
    }

    #[test]
    fn pct_lowers_the_running_goroutine_at_each_change_point() {
        let mut pct = Pct::new(3, 3, 100);
        assert_eq!(pct.change_points.len(), 2);
        let first = pct.change_points[0];
        pct.priority(7);
        pct.advance(7, first);
        assert_eq!(pct.priorities[&7], 2);
        assert!(
            pct.priority(8) >= 3,
            "new goroutines start above every lowered one"
        );
    }

    #[test]
    fn mismatch_message_names_the_decision() {
        let m = Mismatch {
            decision: 412,
            wanted: Some((DecisionKind::Pick, 3)),
            recorded: None,
        };
        assert!(m
            .to_string()
            .starts_with("schedule does not match the program at decision 412"));
    }
}
