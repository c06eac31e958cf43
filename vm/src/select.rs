//! `select`: poll every case, pick uniformly among the ready ones with the scheduler's generator, or park on all.
//!
//! Registers (op.rs, `Op::Select`): send case `i < n_send` is
//! `R[cases+2i] <- R[cases+2i+1]`, receive case `n_send + j` is
//! `<-R[cases+2*n_send+j]`. A nil channel's case is never ready, as in Go.
//! When nothing is ready and there is no default, the goroutine leaves a
//! waiter (carrying its case index) on every channel and parks; the first
//! channel to fire completes that case through `Goroutine::wake`, and the
//! select re-executes to remove its other waiters and write the results.

use crate::chan::{remove_waiters, send_on_closed, Waiter};
use crate::frame::Frame;
use crate::goroutine::{Goroutine, Stop};
use crate::op::{Op, Reg};
use crate::sched::DecisionKind;
use crate::value::Value;
use crate::Vm;

impl Vm {
    /// Runs the `Select` instruction of `g`'s top frame (registers from `base`,
    /// pc already past it). `None`: continue; `Some`: the goroutine parked or died.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn select(
        &mut self,
        g: &mut Goroutine,
        base: usize,
        dst: Reg,
        cases: Reg,
        n_send: u8,
        n_recv: u8,
        block: bool,
    ) -> Option<Stop> {
        let n_send = n_send as usize;
        let n = n_send + n_recv as usize;
        let first = base + cases as usize;
        let chan_slot = |i: usize| {
            if i < n_send {
                first + 2 * i
            } else {
                first + 2 * n_send + (i - n_send)
            }
        };
        let out = base + dst as usize;

        if let Some(wake) = g.wake.take() {
            for i in 0..n {
                if let Value::Chan(c) = &g.slots[chan_slot(i)] {
                    let mut st = c.state.borrow_mut();
                    remove_waiters(&mut st.sendq, g.slot);
                    remove_waiters(&mut st.recvq, g.slot);
                }
            }
            let case = wake.case as usize;
            if case < n_send && !wake.ok {
                return self.raise(g, send_on_closed());
            }
            write_results(g, out, case as i64, wake.value, wake.ok);
            return None;
        }

        if self.race.is_some() {
            // Go's select reads the channel of each send case it polls, at the case's line.
            for i in 0..n_send {
                if let Value::Chan(c) = g.slots[chan_slot(i)].clone() {
                    let pc = g.frames.last().map_or(0, |f| case_pc(f, i, n));
                    self.race_chan(&mut g.frames, pc, &c, false);
                }
            }
        }
        let mut ready: Vec<usize> = Vec::new();
        for i in 0..n {
            if let Value::Chan(c) = &g.slots[chan_slot(i)] {
                if self.case_ready(c, i < n_send) {
                    ready.push(i);
                }
            }
        }
        if !ready.is_empty() {
            let k = if ready.len() == 1 {
                0
            } else {
                self.draw(DecisionKind::Select, ready.len() as u32) as usize
            };
            let case = ready[k];
            let Value::Chan(c) = g.slots[chan_slot(case)].clone() else {
                unreachable!("a ready case has a channel")
            };
            if case < n_send {
                if c.state.borrow().closed {
                    return self.raise(g, send_on_closed());
                }
                let v = g.slots[chan_slot(case) + 1].clone();
                // Ready means the send cannot block.
                let _ = self.try_send(&c, v, Some(g.id));
                write_results(g, out, case as i64, Value::Nil, true);
            } else {
                let (v, ok) = self
                    .try_recv(&c, g.id)
                    .unwrap_or_else(|| (c.zero.deep_copy(), false));
                write_results(g, out, case as i64, v, ok);
            }
            return None;
        }
        if !block {
            write_results(g, out, -1, Value::Nil, false);
            return None;
        }
        for i in 0..n {
            if let Value::Chan(c) = &g.slots[chan_slot(i)] {
                let mut st = c.state.borrow_mut();
                let waiter = Waiter {
                    slot: g.slot,
                    case: i as u16,
                    value: if i < n_send {
                        g.slots[chan_slot(i) + 1].clone()
                    } else {
                        Value::Nil
                    },
                };
                if i < n_send {
                    st.sendq.push_back(waiter);
                } else {
                    st.recvq.push_back(waiter);
                }
            }
        }
        g.wait = Some(if n == 0 {
            "select (no cases)"
        } else {
            "select"
        });
        let frame = g.frames.last_mut().expect("running frame");
        frame.pc -= 1;
        Some(Stop::Blocked)
    }
}

/// The pc just past the instruction that stands at case `case`'s source, for
/// naming its line: the compiler (compile/select.rs) follows `Select` with one
/// `LoadInt k, INDEX` per case, in source order, placed at the case. `frame`'s
/// pc is past the `Select`; it is the answer when no such instruction is found.
fn case_pc(frame: &Frame, case: usize, n_cases: usize) -> usize {
    let after = frame.pc as usize;
    let dispatch = frame.proto.code.get(after..).unwrap_or_default();
    dispatch
        .iter()
        .take(3 * (n_cases + 1))
        .position(|op| matches!(op, Op::LoadInt { val, .. } if *val as usize == case))
        .map_or(after, |k| after + k + 1)
}

fn write_results(g: &mut Goroutine, out: usize, case: i64, value: Value, ok: bool) {
    g.slots[out] = Value::Int(case);
    g.slots[out + 1] = value;
    g.slots[out + 2] = Value::Bool(ok);
}
