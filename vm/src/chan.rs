//! Channels: a buffer and two FIFO wait queues, with Go's hand-off rules for send, receive and close.
//!
//! A goroutine that cannot complete a send or receive leaves a `Waiter` on the
//! channel and parks (`Stop::Blocked`), with its pc still on the blocking
//! instruction. Whoever completes the operation for it (a receiver taking its
//! value, a sender handing one over, `close`) writes the outcome into the
//! parked goroutine's `Goroutine::wake` and makes it runnable; the blocking
//! instruction then re-executes, finds `wake` set and just takes the outcome.
//! This is Go's `sudog` hand-off: a woken receiver never has to compete for
//! the value again, so unbuffered channels stay a rendezvous.
//!
//! A `select` that parks leaves one waiter on each of its channels. The first
//! channel to fire wakes it; the other waiters are stale from then on (the
//! goroutine's `wake` is set, or it is running) and are skipped by anyone who
//! meets them, until the select re-executes and removes them all.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::event::{ChanOp, Event};
use crate::rtype::RtTypeId;
use crate::value::Value;
use crate::Vm;

/// A channel (`make(chan T, cap)`); shared by every copy of the channel value.
#[derive(Debug)]
pub struct Chan {
    /// Capacity given to `make(chan T, cap)`; read by `cap`, send and receive.
    pub cap: u32,
    /// The element type's zero value, which a receive from a closed channel returns.
    pub zero: Value,
    /// A small number for events and traces (creation order).
    pub id: u64,
    /// The element type, so that traces can show the values as `%v` prints them.
    pub elem: RtTypeId,
    /// Everything that changes.
    pub state: RefCell<ChanState>,
}

/// The mutable part of a channel.
#[derive(Debug, Default)]
pub struct ChanState {
    /// Buffered values, oldest first (never longer than `cap`).
    pub buf: VecDeque<Value>,
    /// Set by `close`; read by every later operation.
    pub closed: bool,
    /// Parked receivers, first come first served (Go's `recvq`).
    pub recvq: VecDeque<Waiter>,
    /// Parked senders with the values they offer (Go's `sendq`).
    pub sendq: VecDeque<Waiter>,
}

/// A goroutine parked on a channel.
#[derive(Debug)]
pub struct Waiter {
    /// The goroutine's slot in `Sched::gs`.
    pub slot: u32,
    /// The select case this waiter stands for (0 for a plain send or receive);
    /// copied into `Wake::case` so the select knows which case fired.
    pub case: u16,
    /// The value a parked sender offers; `Nil` for a receiver.
    pub value: Value,
}

/// How a parked goroutine's blocking operation completed. Written by the
/// goroutine that completed it; taken by the blocking instruction when it re-executes.
#[derive(Debug)]
pub struct Wake {
    /// The select case that fired (0 outside select).
    pub case: u16,
    /// The received value (receives), otherwise `Nil`.
    pub value: Value,
    /// Receives: false when the channel was closed. Sends: false when the
    /// channel was closed while waiting (the sender then panics). True otherwise.
    pub ok: bool,
}

impl Wake {
    /// A completed operation with no value (sends, locks, sleeps).
    pub fn done() -> Wake {
        Wake {
            case: 0,
            value: Value::Nil,
            ok: true,
        }
    }
}

impl Chan {
    pub fn new(cap: u32, zero: Value, id: u64, elem: RtTypeId) -> Chan {
        Chan {
            cap,
            zero,
            id,
            elem,
            state: RefCell::new(ChanState::default()),
        }
    }

    /// Number of buffered values (`len(ch)`).
    pub fn len(&self) -> usize {
        self.state.borrow().buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Removes every waiter of goroutine `slot` from `q` (a select cleaning up after itself).
pub fn remove_waiters(q: &mut VecDeque<Waiter>, slot: u32) {
    q.retain(|w| w.slot != slot);
}

// ----- operations (called by the interpreter loop and the timers) -----

/// `make(chan T, n)` with n < 0 or too large.
pub fn makechan_size_error() -> Value {
    crate::panic::runtime_error(RtTypeId::PLAIN_ERROR, "makechan: size out of range".into())
}

pub fn send_on_closed() -> Value {
    crate::panic::runtime_error(RtTypeId::PLAIN_ERROR, "send on closed channel".into())
}

pub fn close_of_closed() -> Value {
    crate::panic::runtime_error(RtTypeId::PLAIN_ERROR, "close of closed channel".into())
}

pub fn close_of_nil() -> Value {
    crate::panic::runtime_error(RtTypeId::PLAIN_ERROR, "close of nil channel".into())
}

/// True when some goroutine in `q` is really parked (not a stale select waiter).
fn has_parked(vm: &Vm, q: &VecDeque<Waiter>) -> bool {
    q.iter().any(|w| vm.sched.is_parked(w.slot))
}

impl Vm {
    /// `make(chan T, size)` of element type `elem`, whose receives from a closed channel give `zero`.
    pub(crate) fn make_chan(
        &mut self,
        size: i64,
        zero: Value,
        elem: RtTypeId,
    ) -> Result<Value, Value> {
        if !(0..=(1 << 31) - 1).contains(&size) {
            return Err(makechan_size_error());
        }
        let id = self.sched.next_chan_id;
        self.sched.next_chan_id += 1;
        if let Some(r) = &mut self.race {
            if crate::race::zero_size(&zero) {
                r.chan_zero_size(id);
            }
        }
        Ok(Value::Chan(Rc::new(Chan::new(size as u32, zero, id, elem))))
    }

    /// Sends `v` on the open channel `c` if that needs no waiting: hands it to
    /// the first parked receiver, or buffers it. Gives `v` back otherwise.
    /// `sender` is the sending goroutine's id (`None` for a timer, whose sends
    /// are not events); a completed send emits `ChanSend`, and a hand-off also
    /// the parked receiver's `ChanRecv`, before that receiver is woken.
    pub(crate) fn try_send(
        &mut self,
        c: &Rc<Chan>,
        v: Value,
        sender: Option<u64>,
    ) -> Result<(), Value> {
        let mut st = c.state.borrow_mut();
        while let Some(w) = st.recvq.pop_front() {
            if !self.sched.is_parked(w.slot) {
                continue;
            }
            drop(st);
            if self.race.is_some() || self.sink.is_some() {
                self.report_send_to_parked(c, &v, sender, w.slot);
            }
            let wake = Wake {
                case: w.case,
                value: v,
                ok: true,
            };
            let reason = if sender.is_some() {
                "chan send"
            } else {
                "timer send"
            };
            // `wake_goroutine` written out: LLVM kept that one a call here,
            // a fifth of a hand-off's instructions.
            self.sched.ready(w.slot, wake, reason);
            if self.sink.is_some() {
                self.emit_woken(sender.unwrap_or(0));
            }
            return Ok(());
        }
        if st.buf.len() < c.cap as usize {
            st.buf.push_back(v);
            drop(st);
            if let Some(r) = &mut self.race {
                r.chan_buffered_send(c.id, c.cap);
            }
            if let (Some(sender), true) = (sender, self.sink.is_some()) {
                let sent = c.state.borrow().buf.back().cloned().unwrap_or_default();
                self.emit_chan_op(ChanOp::Send, sender, c, &sent);
            }
            return Ok(());
        }
        Err(v)
    }

    /// The race edge and the events of `sender`'s hand-off of `v` on `c` to
    /// the receiver parked in `slot`, before it is woken. Out of line: a
    /// plain run has neither, and `try_send` is on every channel hand-off.
    #[cold]
    fn report_send_to_parked(&mut self, c: &Rc<Chan>, v: &Value, sender: Option<u64>, slot: u32) {
        let peer = self.race.as_ref().and_then(|_| self.race_peer(slot));
        if let (Some(receiver), Some(r)) = (peer, &mut self.race) {
            r.chan_send_to_parked(c.id, c.cap, receiver);
        }
        if self.sink.is_some() {
            if let Some(sender) = sender {
                self.emit_chan_op(ChanOp::Send, sender, c, v);
            }
            let receiver = self.goroutine_id(slot);
            self.emit_chan_op(ChanOp::Recv { ok: true }, receiver, c, v);
        }
    }

    /// Receives from `c` if that needs no waiting: `Some((value, ok))`, with
    /// `ok == false` for a closed, drained channel. `None` means it would block.
    /// `receiver` is the receiving goroutine's id; a completed receive emits
    /// `ChanRecv` (and the `ChanSend` of a parked sender it completes).
    pub(crate) fn try_recv(&mut self, c: &Rc<Chan>, receiver: u64) -> Option<(Value, bool)> {
        let mut st = c.state.borrow_mut();
        if let Some(v) = st.buf.pop_front() {
            // A parked sender's value takes the freed buffer place.
            let mut parked_sender = None;
            while let Some(w) = st.sendq.pop_front() {
                if self.sched.is_parked(w.slot) {
                    parked_sender = Some(w);
                    break;
                }
            }
            drop(st);
            if self.sink.is_some() {
                self.emit_chan_op(ChanOp::Recv { ok: true }, receiver, c, &v);
            }
            let mut moved = None;
            if let Some(w) = parked_sender {
                c.state.borrow_mut().buf.push_back(w.value);
                if self.sink.is_some() {
                    let sender = self.goroutine_id(w.slot);
                    let sent = c.state.borrow().buf.back().cloned().unwrap_or_default();
                    self.emit_chan_op(ChanOp::Send, sender, c, &sent);
                }
                moved = self.race_peer(w.slot);
                self.wake_goroutine(
                    w.slot,
                    Wake {
                        case: w.case,
                        value: Value::Nil,
                        ok: true,
                    },
                    "chan receive",
                    receiver,
                );
            }
            if let Some(r) = &mut self.race {
                r.chan_buffered_recv(c.id, c.cap, moved);
            }
            return Some((v, true));
        }
        while let Some(w) = st.sendq.pop_front() {
            if !self.sched.is_parked(w.slot) {
                continue;
            }
            drop(st);
            let peer = self.race.as_ref().and_then(|_| self.race_peer(w.slot));
            if let (Some(sender), Some(r)) = (peer, &mut self.race) {
                r.chan_recv_from_parked(c.id, sender);
            }
            if self.sink.is_some() {
                let sender = self.goroutine_id(w.slot);
                self.emit_chan_op(ChanOp::Send, sender, c, &w.value);
                self.emit_chan_op(ChanOp::Recv { ok: true }, receiver, c, &w.value);
            }
            self.wake_goroutine(
                w.slot,
                Wake {
                    case: w.case,
                    value: Value::Nil,
                    ok: true,
                },
                "chan receive",
                receiver,
            );
            return Some((w.value, true));
        }
        if st.closed {
            drop(st);
            if let Some(r) = &mut self.race {
                r.chan_recv_closed(c.id);
            }
            let zero = c.zero.deep_copy();
            if self.sink.is_some() {
                self.emit_chan_op(ChanOp::Recv { ok: false }, receiver, c, &zero);
            }
            return Some((zero, false));
        }
        None
    }

    /// The receive of the `Recv` instruction by goroutine `receiver` (in
    /// `slot`): `try_recv`'s outcome, or `None` after leaving a waiter on `c`
    /// (the caller parks). A receive that finds nothing to take (no buffered
    /// value, no sender, open) waits at once: that is where a ping-pong's
    /// every receive goes, and `try_recv` would only have found the same
    /// with no event or race edge to add (channels benchmark).
    #[inline]
    pub(crate) fn recv_or_wait(
        &mut self,
        c: &Rc<Chan>,
        receiver: u64,
        slot: u32,
    ) -> Option<(Value, bool)> {
        let waiter = Waiter {
            slot,
            case: 0,
            value: Value::Nil,
        };
        {
            let mut st = c.state.borrow_mut();
            if st.buf.is_empty() && st.sendq.is_empty() && !st.closed {
                st.recvq.push_back(waiter);
                return None;
            }
        }
        let got = self.try_recv(c, receiver);
        if got.is_none() {
            c.state.borrow_mut().recvq.push_back(waiter);
        }
        got
    }

    /// A timer's send: delivered if a receiver waits or the buffer has room, dropped otherwise.
    pub(crate) fn send_nonblocking(&mut self, c: &Rc<Chan>, v: Value) {
        if !c.state.borrow().closed {
            let _ = self.try_send(c, v, None);
        }
    }

    /// `close(c)`: wakes every parked receiver (zero value, not ok) and every
    /// parked sender (which then panics). Err is the panic for a closed channel.
    pub(crate) fn close_chan(&mut self, c: &Rc<Chan>, goroutine: u64) -> Result<(), Value> {
        let (receivers, senders) = {
            let mut st = c.state.borrow_mut();
            if st.closed {
                return Err(close_of_closed());
            }
            st.closed = true;
            (std::mem::take(&mut st.recvq), std::mem::take(&mut st.sendq))
        };
        if self.sink.is_some() {
            self.emit(Event::ChanClose {
                goroutine,
                chan: c.id,
            });
        }
        if self.race.is_some() {
            let woken: Vec<u64> = (receivers.iter().chain(senders.iter()))
                .filter(|w| self.sched.is_parked(w.slot))
                .filter_map(|w| self.race_peer(w.slot))
                .collect();
            if let Some(r) = &mut self.race {
                r.chan_close(c.id, &woken);
            }
        }
        for w in receivers {
            if self.sched.is_parked(w.slot) {
                if self.sink.is_some() {
                    let receiver = self.goroutine_id(w.slot);
                    self.emit_chan_op(ChanOp::Recv { ok: false }, receiver, c, &c.zero);
                }
                let wake = Wake {
                    case: w.case,
                    value: c.zero.deep_copy(),
                    ok: false,
                };
                self.wake_goroutine(w.slot, wake, "chan close", goroutine);
            }
        }
        for w in senders {
            if self.sched.is_parked(w.slot) {
                let wake = Wake {
                    case: w.case,
                    value: Value::Nil,
                    ok: false,
                };
                self.wake_goroutine(w.slot, wake, "chan close", goroutine);
            }
        }
        Ok(())
    }

    /// Whether a select case is ready: a send to a closed channel (it panics),
    /// a parked receiver or buffer room; a receive with buffered data, a parked
    /// sender, or a closed channel.
    pub(crate) fn case_ready(&self, c: &Chan, send: bool) -> bool {
        let st = c.state.borrow();
        if st.closed {
            return true;
        }
        if send {
            st.buf.len() < c.cap as usize || has_parked(self, &st.recvq)
        } else {
            !st.buf.is_empty() || has_parked(self, &st.sendq)
        }
    }
}
