//! `--race`: a happens-before data race detector over vector clocks, FastTrack-style (epochs until reads are concurrent).
//!
//! Files: `clock.rs` (vector clocks), `shadow.rs` (per-location history),
//! `stacks.rs` (where accesses happened), `runtime.rs` (accesses Go's runtime
//! makes, and their report frames), `hooks.rs` (the calls the VM makes:
//! accesses, `go`, channels, natives), this file (the detector and its reports).
//!
//! What is checked: every read and write the program's own code (`main.`
//! functions) makes to memory two goroutines can share: package-level
//! variables, captured variables (heap cells), anything behind a pointer,
//! struct fields, array and slice elements, and maps as a whole. As in Go's
//! runtime, a channel is a word too: a send reads it and `close` writes it
//! (so a send racing with `close` is reported; receives, `len` and `cap` do
//! not touch it), and `sync/atomic` operations access their variable as
//! atomic accesses, which race with plain accesses but not with each other.
//! Registers of
//! a frame are never shared (a captured variable lives in a cell), so they are
//! not checked. Accesses the library makes (vm/src/stdlib is Go) are not
//! checked; its synchronization reaches the detector through the primitives it
//! is built on. The exception is `strings.Builder`, whose methods are natives:
//! `builder.rs` reports the accesses Go's Builder code would make.
//!
//! Happens-before edges, as the Go memory model states them and as Go's own
//! runtime annotates them for ThreadSanitizer:
//! - `go f()`: the statement before the new goroutine's first step;
//! - channels: each buffer place `i` has a clock; a send or receive through it
//!   gives its clock and takes the one left there (Go's `racenotify`), so the
//!   k-th receive happens before the (k+C)-th send completes and a send before
//!   its receive; unbuffered hand-offs synchronize both ways (`racesync`);
//!   `close` before a receive that sees the channel closed;
//! - `sync.Mutex`/`RWMutex` (unlock before the next lock; RUnlock before Lock),
//!   `WaitGroup` (Done before Wait returns), `Once` (through its mutex), Cond
//!   (through its Locker), `sync/atomic` (each operation acquires and releases
//!   its address), timers (arming before the timer's send or `AfterFunc` call),
//!   and so context cancellation, which is built on these.
//!
//! Goroutines get clock slots; past `MAX_SLOTS` slots a new goroutine shares
//! one (like Go's own detector, which limits live goroutines). Sharing only
//! adds happens-before, so it can hide a race but never report a false one.

mod builder;
mod clock;
mod hooks;
mod runtime;
mod shadow;
mod stacks;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::rc::Rc;

pub use clock::{Slot, VClock};
pub(crate) use hooks::SyncInPlace;
pub use shadow::ObjectRef;
use shadow::{Access, PtrMap, Shadow};
use stacks::Stacks;

use crate::frame::Frame;
use crate::program::Program;
use crate::value::Value;

/// Clock slots before goroutines start sharing them (each vector clock has at most this many entries).
pub const MAX_SLOTS: usize = 256;

/// How many finished goroutines' clocks are kept for reuse (`spare_clocks`).
const SPARE_CLOCKS: usize = 64;

/// An access's pc keeps the instruction in its low `PC_BITS` bits and, above,
/// which runtime function made it (`runtime::RuntimeTag`; 0: the program's own instruction).
const PC_BITS: u32 = 24;
const PC_MASK: u32 = (1 << PC_BITS) - 1;
pub(crate) use runtime::{BuilderMethod, RUNTIME_CHANSEND, RUNTIME_CLOSECHAN, RUNTIME_GROWSLICE};

/// The pc of an access the runtime function `tag` made with no instruction of the program.
pub(crate) fn runtime_pc(tag: runtime::RuntimeTag) -> u32 {
    tag << PC_BITS
}

/// Go's exit status when a race was reported and the program would have exited 0.
pub const RACE_EXIT_CODE: i32 = 66;

/// One checked access, as the access observer sees it (`Vm::set_race_observer`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessEvent {
    /// Go's goroutine id.
    pub goroutine: u64,
    pub write: bool,
    /// The source text of the access (`counter`, `p.x`, `s[i]`), or its address when unknown.
    pub location: String,
    /// The value read or written, as `fmt.Print` would show a scalar (`{...}` for aggregates).
    pub value: String,
    /// `FILE:LINE` of the access.
    pub file_line: String,
}

/// Receives every checked access while it is set.
pub type AccessObserver = Box<dyn FnMut(&AccessEvent)>;

/// A goroutine's clock and slot.
#[derive(Clone, Debug, Default)]
struct Thread {
    slot: Slot,
    vc: VClock,
    /// The sync object this goroutine acquired last, and its clock's
    /// version then (see `SyncClock`).
    last_acquire: Option<(SyncKey, u64)>,
}

/// A sync object's key in `RaceDetector::syncs`: (object address, role).
type SyncKey = (usize, u32);

/// A sync object's clock, and how many releases changed it.
///
/// A goroutine that acquired the clock at its current version knows all of
/// it, so its release can copy its own clock over it instead of joining the
/// two (a mutex's Unlock after its Lock: one `MAX_SLOTS`-entry join less
/// per critical section).
#[derive(Debug, Default)]
struct SyncClock {
    vc: VClock,
    version: u64,
}

impl Thread {
    fn tick(&mut self) {
        self.vc.tick(self.slot);
    }
    fn epoch(&self) -> u32 {
        self.vc.get(self.slot)
    }
}

/// Goroutines' threads by goroutine id, kept in reused records: a turn's
/// `enter` moves its thread out and `leave` puts it back in the same record.
/// Goroutine ids are dense (one per goroutine started), so a thread's record
/// is found by indexing `by_gid`, not by hashing: 4 bytes per goroutine ever
/// started (as `RaceDetector::goroutines`), and records only for live ones.
#[derive(Default)]
struct Threads {
    /// `None` while its goroutine runs (in `RaceDetector::cur`) or when free.
    records: Vec<Option<Thread>>,
    /// Per goroutine id: its record, or `NO_RECORD`.
    by_gid: Vec<u32>,
    free: Vec<u32>,
}

/// `Threads::by_gid` of a goroutine with no thread (not started, or ended).
const NO_RECORD: u32 = u32::MAX;

impl Threads {
    fn insert(&mut self, gid: u64, thread: Thread) {
        let at = match self.free.pop() {
            Some(at) => {
                self.records[at as usize] = Some(thread);
                at
            }
            None => {
                self.records.push(Some(thread));
                self.records.len() as u32 - 1
            }
        };
        let g = gid as usize;
        if g >= self.by_gid.len() {
            self.by_gid.resize(g + 1, NO_RECORD);
        }
        self.by_gid[g] = at;
    }

    /// The record of `gid`, if it has one.
    #[inline]
    fn record(&self, gid: u64) -> Option<usize> {
        match self.by_gid.get(gid as usize) {
            Some(&at) if at != NO_RECORD => Some(at as usize),
            _ => None,
        }
    }

    /// Moves `gid`'s thread out for its turn (`put_back` returns it).
    fn take(&mut self, gid: u64) -> Option<Thread> {
        let at = self.record(gid)?;
        self.records[at].take()
    }

    fn put_back(&mut self, gid: u64, thread: Thread) {
        match self.record(gid) {
            Some(at) => self.records[at] = Some(thread),
            None => self.insert(gid, thread),
        }
    }

    fn remove(&mut self, gid: u64) -> Option<Thread> {
        let at = self.record(gid)?;
        self.by_gid[gid as usize] = NO_RECORD;
        self.free.push(at as u32);
        self.records[at].take()
    }

    fn get_mut(&mut self, gid: u64) -> Option<&mut Thread> {
        let at = self.record(gid)?;
        self.records[at].as_mut()
    }
}

/// Where a goroutine was created, and whether it has ended (for the report).
#[derive(Clone, Copy, Debug, Default)]
struct GoroutineInfo {
    created_node: u32,
    created_pc: u32,
    finished: bool,
}

/// The clocks of one channel (see the module doc).
#[derive(Default)]
struct ChanClocks {
    places: Vec<VClock>,
    sendx: u32,
    recvx: u32,
    closed: VClock,
    /// The element type has size 0 (`chan struct{}`): Go has one sync
    /// address for the whole buffer, so `places` holds one clock.
    zero_size: bool,
}

/// The detector's whole state; owned by `Vm::race` while `--race` is on.
pub struct RaceDetector {
    program: Rc<Program>,
    /// False until a second goroutine exists: what main does before its first
    /// `go` statement happens before everything else, so it needs no checking.
    active: bool,
    /// The goroutine running now (taken out of `threads` while it runs).
    cur: Option<(u64, Thread)>,
    threads: Threads,
    /// Per slot: the highest clock it has reached, and how many live goroutines use it.
    slot_last: Vec<u32>,
    slot_users: Vec<u32>,
    free: Vec<Slot>,
    next_shared: usize,
    /// Clocks of finished goroutines, kept for new ones: a clock grows to
    /// every slot in use (up to `MAX_SLOTS`) once its goroutine synchronizes,
    /// and reusing one saves its allocation and regrowth per goroutine.
    spare_clocks: Vec<VClock>,
    /// The clock timers carry: joined by arming a timer, given to what it fires.
    timers: Thread,
    /// By goroutine id (ids are dense: one per goroutine started).
    goroutines: Vec<GoroutineInfo>,
    shadow: Shadow,
    stacks: Stacks,
    /// Clocks of sync objects, keyed by (object address, role).
    syncs: PtrMap<SyncKey, SyncClock>,
    /// Channels' clocks by channel id (ids are dense: one per `make`), made
    /// at a channel's first operation: found without hashing.
    chans: Vec<Option<Box<ChanClocks>>>,
    /// Pairs of source locations already reported (each pair once, as Go).
    reported: HashSet<(Place, Place)>,
    races: usize,
    observer: Option<AccessObserver>,
    source: Option<Rc<str>>,
    /// Set while the VM checks accesses Go makes inside a runtime function
    /// (`RUNTIME_GROWSLICE`, ...): kept in the high bits of the access's pc.
    pub(crate) runtime_frame: runtime::RuntimeTag,
    /// How each native synchronizes, by `NativeId` (filled by `Vm::enable_race`).
    native_kinds: Vec<hooks::NativeSync>,
}

/// The innermost place of an access, for deduplication: (function, line, runtime frame).
type Place = (usize, u32, u32);

/// What a race involved, copied out of the shadow cell before reporting.
struct Conflict {
    prev: Access,
    prev_write: bool,
}

impl RaceDetector {
    pub fn new(program: Rc<Program>) -> RaceDetector {
        RaceDetector {
            program,
            active: false,
            cur: None,
            threads: Threads::default(),
            slot_last: Vec::new(),
            slot_users: Vec::new(),
            free: Vec::new(),
            next_shared: 0,
            spare_clocks: Vec::new(),
            timers: Thread {
                slot: Slot::MAX,
                ..Thread::default()
            },
            goroutines: Vec::new(),
            shadow: Shadow::default(),
            stacks: Stacks::default(),
            syncs: PtrMap::default(),
            chans: Vec::new(),
            reported: HashSet::new(),
            races: 0,
            observer: None,
            source: None,
            native_kinds: Vec::new(),
            runtime_frame: 0,
        }
    }

    /// How many races were reported so far.
    pub fn races(&self) -> usize {
        self.races
    }

    /// Whether an access observer is set (it sees main's accesses too).
    pub fn observed(&self) -> bool {
        self.observer.is_some()
    }

    pub fn set_observer(&mut self, observer: Option<AccessObserver>, source: Option<Rc<str>>) {
        self.observer = observer;
        self.source = source;
    }

    // ----- goroutines -----

    /// A slot for a new goroutine whose creator's clock is `parent`.
    fn alloc_slot(&mut self, parent: &VClock) -> Slot {
        // Exact reuse: a finished goroutine's slot whose whole history the
        // creator already knows, so the newcomer knows it too.
        let recent = self.free.len().saturating_sub(8);
        let slot_last = &self.slot_last;
        let known = self.free[recent..].iter().rposition(|&s| {
            slot_last
                .get(s as usize)
                .is_some_and(|&last| parent.covers(s, last))
        });
        if let Some(i) = known {
            return self.free.swap_remove(recent + i);
        }
        if self.slot_last.len() < MAX_SLOTS {
            self.slot_last.push(0);
            self.slot_users.push(0);
            return (self.slot_last.len() - 1) as Slot;
        }
        // Past the limit: share (may hide races, never invents one).
        if let Some(s) = self.free.pop() {
            return s;
        }
        self.next_shared = (self.next_shared + 1) % MAX_SLOTS;
        self.next_shared as Slot
    }

    /// A new thread for goroutine `gid` that starts knowing `base`.
    fn new_thread(&mut self, base: &VClock) -> Thread {
        let slot = self.alloc_slot(base);
        self.slot_users[slot as usize] += 1;
        let mut vc = match self.spare_clocks.pop() {
            Some(mut spare) => {
                spare.clone_from(base);
                spare
            }
            None => base.clone(),
        };
        let start = (vc.get(slot).max(self.slot_last[slot as usize]) + 1).min(clock::CLOCK_MAX);
        vc.set(slot, start);
        self.slot_last[slot as usize] = start;
        Thread {
            slot,
            vc,
            last_acquire: None,
        }
    }

    /// The goroutine `gid` starts a quantum.
    pub fn enter(&mut self, gid: u64) {
        let thread = match self.threads.take(gid) {
            Some(t) => t,
            None => self.first_thread(gid),
        };
        self.cur = Some((gid, thread));
    }

    /// The thread of goroutine `gid`, which no `go` statement started: the
    /// main goroutine, or one a timer started (`AfterFunc`). Out of line:
    /// `enter` runs at every turn.
    #[cold]
    fn first_thread(&mut self, gid: u64) -> Thread {
        let base = self.timers.vc.clone();
        if gid != 1 {
            self.active = true;
        }
        self.new_thread(&base)
    }

    /// The running goroutine stops (preempted, parked or finished).
    pub fn leave(&mut self) {
        if let Some((gid, thread)) = self.cur.take() {
            self.threads.put_back(gid, thread);
        }
    }

    /// Goroutine `gid` has ended: its slot may be reused.
    pub fn finished(&mut self, gid: u64) {
        self.leave();
        if let Some(t) = self.threads.remove(gid) {
            let s = t.slot as usize;
            self.slot_last[s] = self.slot_last[s].max(t.epoch());
            self.slot_users[s] -= 1;
            if self.slot_users[s] == 0 {
                self.free.push(t.slot);
            }
            if self.spare_clocks.len() < SPARE_CLOCKS {
                self.spare_clocks.push(t.vc);
            }
        }
        if let Some(info) = self.goroutines.get_mut(gid as usize) {
            info.finished = true;
        }
    }

    /// `go` by the running goroutine (whose frames are `parent_frames`) created `child`.
    pub fn go_statement(&mut self, parent_frames: &[Frame], child: u64) {
        self.active = true;
        let node = self.stacks.node_of(parent_frames);
        let pc = parent_frames.last().map_or(0, |f| f.pc.saturating_sub(1));
        let at = child as usize;
        if at >= self.goroutines.len() {
            self.goroutines.resize(at + 1, GoroutineInfo::default());
        }
        self.goroutines[at] = GoroutineInfo {
            created_node: node,
            created_pc: pc,
            finished: false,
        };
        // The creator's clock read in place (taken out of `self` meanwhile).
        let base = match &mut self.cur {
            Some((_, t)) => std::mem::take(&mut t.vc),
            None => self.timers.vc.clone(),
        };
        let thread = self.new_thread(&base);
        self.threads.insert(child, thread);
        if let Some((_, t)) = &mut self.cur {
            t.vc = base;
            t.tick();
        }
    }

    /// The thread of goroutine `gid`; the timers' pseudo-thread for `None` or an unknown one.
    fn thread_mut(&mut self, gid: Option<u64>) -> &mut Thread {
        let Some(gid) = gid else {
            return &mut self.timers;
        };
        match &mut self.cur {
            Some((g, t)) if *g == gid => t,
            _ => match self.threads.get_mut(gid) {
                Some(t) => t,
                None => &mut self.timers,
            },
        }
    }

    fn cur_gid(&self) -> Option<u64> {
        self.cur.as_ref().map(|(g, _)| *g)
    }

    // ----- synchronization -----

    /// The running goroutine takes the clock of sync object `key`.
    pub fn acquire(&mut self, key: SyncKey) {
        let Some((_, t)) = &mut self.cur else { return };
        let version = match self.syncs.get(&key) {
            Some(sync) => {
                t.vc.join(&sync.vc);
                sync.version
            }
            // Nothing released yet: `release` creates it at version 0, empty.
            None => 0,
        };
        t.last_acquire = Some((key, version));
    }

    /// The running goroutine adds its clock to sync object `key`.
    pub fn release(&mut self, key: SyncKey) {
        let Some((_, t)) = &mut self.cur else { return };
        let sync = self.syncs.entry(key).or_default();
        if t.last_acquire == Some((key, sync.version)) {
            // `t.vc` covers the whole clock (acquired since its last change).
            sync.vc.clone_from(&t.vc);
        } else {
            sync.vc.join(&t.vc);
        }
        sync.version += 1;
        t.tick();
    }

    /// The running goroutine replaces sync object `key`'s clock with its own.
    pub fn release_store(&mut self, key: SyncKey) {
        let Some((_, t)) = &mut self.cur else { return };
        let sync = self.syncs.entry(key).or_default();
        sync.vc.clone_from(&t.vc);
        sync.version += 1;
        t.tick();
    }

    /// A timer is armed: what the goroutine did so far happens before the timer fires.
    pub fn arm_timer(&mut self) {
        let Some((_, t)) = &mut self.cur else { return };
        self.timers.vc.join(&t.vc);
        t.tick();
    }

    /// Go's `racenotify` for goroutine `gid` at buffer place `i` of a
    /// channel of capacity `cap` whose clocks are `c`: take the clock left
    /// there, leave one's own.
    fn notify(&mut self, c: &mut ChanClocks, cap: u32, i: u32, gid: Option<u64>) {
        let t = self.thread_mut(gid);
        if c.zero_size {
            // Go's buffer places of a zero-size element share one address, so
            // every operation acquires and releases one clock.
            match c.places.first_mut() {
                Some(place) => {
                    t.vc.join(place);
                    place.clone_from(&t.vc);
                }
                None => c.places.push(t.vc.clone()),
            }
        } else {
            let places = cap.max(1) as usize;
            if c.places.len() < places {
                c.places.resize(places, VClock::default());
            }
            // The place takes the goroutine's clock and the goroutine the
            // join of both: swapped, then joined, without a copy of either.
            let place = &mut c.places[i as usize % places];
            std::mem::swap(place, &mut t.vc);
            t.vc.join(place);
        }
        if t.slot != Slot::MAX {
            t.tick();
        }
    }

    /// Go's `racesync`: an unbuffered hand-off synchronizes both goroutines.
    fn sync_both(&mut self, c: &mut ChanClocks, peer: u64) {
        if c.places.is_empty() {
            c.places.push(VClock::default());
        }
        let place = &mut c.places[0];
        // The place and both goroutines all end with the join of the three.
        // Two goroutines, each found once (not the timers' pseudo-thread: it
        // may stand for both), in one pass over the clocks.
        if let Some((gid, cur)) = &mut self.cur {
            if *gid != peer {
                if let Some(peer) = self.threads.get_mut(peer) {
                    VClock::join_all(place, &mut cur.vc, &mut peer.vc);
                    cur.tick();
                    peer.tick();
                    return;
                }
            }
        }
        let cur = self.cur_gid();
        place.join(&self.thread_mut(cur).vc);
        place.join(&self.thread_mut(Some(peer)).vc);
        for gid in [cur, Some(peer)] {
            let t = self.thread_mut(gid);
            t.vc.join(place);
            if t.slot != Slot::MAX {
                t.tick();
            }
        }
    }

    /// Channel `chan`'s clocks, taken out of `chans` while an operation
    /// works on them (`put_clocks` returns them).
    fn take_clocks(&mut self, chan: u64) -> Box<ChanClocks> {
        let at = chan as usize;
        if at >= self.chans.len() {
            self.chans.resize_with(at + 1, || None);
        }
        self.chans[at].take().unwrap_or_default()
    }

    fn put_clocks(&mut self, chan: u64, clocks: Box<ChanClocks>) {
        self.chans[chan as usize] = Some(clocks);
    }

    /// Channel `chan`'s elements have size 0 (Go then has one sync address for the whole buffer).
    pub fn chan_zero_size(&mut self, chan: u64) {
        let mut c = self.take_clocks(chan);
        c.zero_size = true;
        self.put_clocks(chan, c);
    }

    /// The running goroutine (or a timer) put a value in the buffer of `chan`.
    pub fn chan_buffered_send(&mut self, chan: u64, cap: u32) {
        let mut c = self.take_clocks(chan);
        let i = c.sendx;
        self.notify(&mut c, cap, i, self.cur_gid());
        c.sendx = (c.sendx + 1) % cap.max(1);
        self.put_clocks(chan, c);
    }

    /// The running goroutine took a value from the buffer of `chan`; a parked
    /// `sender` (if any) moved its value into the freed place.
    pub fn chan_buffered_recv(&mut self, chan: u64, cap: u32, sender: Option<u64>) {
        let mut c = self.take_clocks(chan);
        let i = c.recvx;
        self.notify(&mut c, cap, i, self.cur_gid());
        if let Some(s) = sender {
            self.notify(&mut c, cap, i, Some(s));
        }
        c.recvx = (c.recvx + 1) % cap.max(1);
        if sender.is_some() {
            c.sendx = c.recvx;
        }
        self.put_clocks(chan, c);
    }

    /// The running goroutine (or a timer) handed a value to the parked `receiver`.
    pub fn chan_send_to_parked(&mut self, chan: u64, cap: u32, receiver: u64) {
        let mut c = self.take_clocks(chan);
        let cur = self.cur_gid();
        if cap == 0 && cur.is_some() {
            self.sync_both(&mut c, receiver);
        } else {
            let i = c.recvx;
            self.notify(&mut c, cap, i, cur);
            self.notify(&mut c, cap, i, Some(receiver));
            c.recvx = (c.recvx + 1) % cap.max(1);
            c.sendx = c.recvx;
        }
        self.put_clocks(chan, c);
    }

    /// The running goroutine took the value of the parked `sender` on an unbuffered channel.
    pub fn chan_recv_from_parked(&mut self, chan: u64, sender: u64) {
        let mut c = self.take_clocks(chan);
        self.sync_both(&mut c, sender);
        self.put_clocks(chan, c);
    }

    /// `close(chan)` by the running goroutine, waking the parked goroutines `woken`.
    pub fn chan_close(&mut self, chan: u64, woken: &[u64]) {
        let mut c = self.take_clocks(chan);
        let cur = self.cur_gid();
        c.closed.join(&self.thread_mut(cur).vc);
        if let Some((_, t)) = &mut self.cur {
            t.tick();
        }
        for &g in woken {
            self.thread_mut(Some(g)).vc.join(&c.closed);
        }
        self.put_clocks(chan, c);
    }

    /// The running goroutine received from `chan` because it is closed.
    pub fn chan_recv_closed(&mut self, chan: u64) {
        if let (Some(Some(c)), Some((_, t))) = (self.chans.get(chan as usize), &mut self.cur) {
            t.vc.join(&c.closed);
        }
    }

    // ----- accesses -----

    /// Checks one access by the running goroutine, whose frames are `frames`
    /// and whose instruction at `pc` made it; reports a race to `stderr`.
    ///
    /// Inlined into `Vm::race_access`: the common case (no observer, a second
    /// goroutine exists, the frame's node cached) goes down the whole check
    /// in one function, each test made once (as a chain of calls, the calls
    /// and their seven arguments cost more than the check).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn access(
        &mut self,
        frames: &mut [Frame],
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        value: &Value,
        stderr: &mut Vec<u8>,
    ) {
        if self.observer.is_some() {
            self.observed_access(frames, pc, object, index, write, value, stderr);
            return;
        }
        if let Some((node, pc)) = self.checked_frame(frames, pc) {
            self.check_running(node, pc, object, index, write, stderr);
        }
    }

    /// The running frame's stack node and the access's pc with its runtime
    /// tag, when the detector checks accesses there: it is active and the
    /// frame is the program's own.
    #[inline(always)]
    fn checked_frame(&mut self, frames: &mut [Frame], pc: u32) -> Option<(u32, u32)> {
        if !self.active {
            return None;
        }
        let node = self.stacks.top_node(frames);
        if !self.stacks.is_user(node) {
            return None;
        }
        Some((node, pc | self.runtime_frame << PC_BITS))
    }

    /// `Vm::race_agg` with no access observer: every element of `store`,
    /// nested ones too, checked as single accesses, their frame's node
    /// found once (no element's value is cloned: only an observer shows it).
    pub fn agg_access(
        &mut self,
        frames: &mut [Frame],
        pc: u32,
        store: &Rc<crate::value::Store>,
        write: bool,
        stderr: &mut Vec<u8>,
    ) {
        if let Some((node, pc)) = self.checked_frame(frames, pc) {
            self.agg_at(node, pc, store, write, stderr);
        }
    }

    fn agg_at(
        &mut self,
        node: u32,
        pc: u32,
        store: &Rc<crate::value::Store>,
        write: bool,
        stderr: &mut Vec<u8>,
    ) {
        let len = store.borrow().len();
        for i in 0..len {
            let inner = match store.borrow().get(i) {
                None => break,
                Some(Value::Agg(inner)) => Some(inner.clone()),
                Some(_) => None,
            };
            match inner {
                Some(inner) => self.agg_at(node, pc, &inner, write, stderr),
                None => {
                    let object = ObjectRef::Store(store);
                    self.check_running(node, pc, &object, i as u32, write, stderr)
                }
            }
        }
    }

    /// `access` while an access observer is set (it sees main's accesses too).
    #[allow(clippy::too_many_arguments)]
    #[cold]
    #[inline(never)]
    fn observed_access(
        &mut self,
        frames: &mut [Frame],
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        value: &Value,
        stderr: &mut Vec<u8>,
    ) {
        let node = self.stacks.top_node(frames);
        if !self.stacks.is_user(node) {
            return;
        }
        self.access_at(node, pc, object, index, write, value, stderr);
    }

    /// Elements `from..from + n` of `object` (a Builder's bytes) accessed by
    /// Go's library on the program's behalf where gomini's library is Go
    /// code calling a native (`fmt.Fprintf` writing a Builder through its
    /// `io.Writer`, builder.rs): Go instruments its library, so they are
    /// checked, and reported at the innermost `main.` frame, where the
    /// program called the library. Its frames looked up once and, with no access
    /// observer, its shadow cells checked in one pass: checked one by one,
    /// the bytes of `strings.go` cost 9.5x the run without `--race`.
    #[allow(clippy::too_many_arguments)]
    pub fn range_through_library(
        &mut self,
        frames: &mut [Frame],
        pc: u32,
        object: &ObjectRef<'_>,
        from: u32,
        n: u32,
        write: bool,
        stderr: &mut Vec<u8>,
    ) {
        if n == 0 || (!self.active && self.observer.is_none()) {
            return;
        }
        let top = self.stacks.top_node(frames);
        let Some((node, pc)) = self.stacks.user_node(top, pc) else {
            return;
        };
        if self.observer.is_some() {
            for index in from..from.saturating_add(n) {
                self.access_at(node, pc, object, index, write, &Value::Nil, stderr);
            }
            return;
        }
        let pc = pc | self.runtime_frame << PC_BITS;
        let Some((me, vc)) = running_access(&self.cur, node, pc) else {
            return;
        };
        let end = from.saturating_add(n);
        let cells = self.shadow.cells(object, end);
        let mut conflicts = Vec::new();
        for (index, cell) in (from..).zip(&mut cells[from as usize..end as usize]) {
            // A byte nothing touched yet (appended): FastTrack's write
            // rule has nothing to compare with, only `me` to record.
            if write && cell.untouched() {
                cell.write = me;
                continue;
            }
            if let Some(conflict) = check(cell, vc, me, write) {
                conflicts.push((index, conflict));
            }
        }
        // Reported after the pass, in the order the checks found them (a
        // report reads the detector, which the pass holds borrowed).
        for (index, conflict) in conflicts {
            self.report(me, write, conflict, object, index, stderr);
        }
    }

    /// `access` once its frame's node is known to be the program's.
    #[allow(clippy::too_many_arguments)]
    fn access_at(
        &mut self,
        node: u32,
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        value: &Value,
        stderr: &mut Vec<u8>,
    ) {
        if self.observer.is_some() && runtime::observed(self.runtime_frame) {
            self.observe(node, pc, object, index, write, value);
        }
        if !self.active {
            return;
        }
        let pc = pc | self.runtime_frame << PC_BITS;
        self.check_running(node, pc, object, index, write, stderr);
    }

    /// Checks the running goroutine's access made at (`node`, `pc`) against the
    /// location's history, records it, and reports a race to `stderr`. An
    /// access with no frames (`node` 0) is one only a runtime function made
    /// (`runtime_pc`): `sync/atomic`'s, whose reports show no caller, as Go's.
    #[inline]
    pub(crate) fn check_access(
        &mut self,
        node: u32,
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        stderr: &mut Vec<u8>,
    ) {
        if !self.active {
            return;
        }
        self.check_running(node, pc, object, index, write, stderr);
    }

    /// `check_access` once the detector is known to be active.
    #[inline(always)]
    fn check_running(
        &mut self,
        node: u32,
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        stderr: &mut Vec<u8>,
    ) {
        let Some((me, vc)) = running_access(&self.cur, node, pc) else {
            return;
        };
        let conflict = check(self.shadow.cell(object, index), vc, me, write);
        if let Some(conflict) = conflict {
            self.report(me, write, conflict, object, index, stderr);
        }
    }

    #[cold]
    fn observe(
        &mut self,
        node: u32,
        pc: u32,
        object: &ObjectRef<'_>,
        index: u32,
        write: bool,
        value: &Value,
    ) {
        let proto = self.stacks.top_user(node, pc).map(|(p, _)| p.clone());
        let (file_line, location) = match &proto {
            Some(p) => {
                let span = p.spans.get(pc as usize).copied().unwrap_or_default();
                let text = self
                    .source
                    .as_deref()
                    .and_then(|s| s.get(span.range()))
                    .map(place_name)
                    .filter(|s| !s.is_empty() && !s.contains('\n'));
                (
                    self.program.location(p, pc as usize),
                    text.unwrap_or_else(|| format!("{:#014x}", address(object, index))),
                )
            }
            None => (String::new(), format!("{:#014x}", address(object, index))),
        };
        let event = AccessEvent {
            goroutine: self.cur_gid().unwrap_or(0),
            write,
            location,
            value: render_value(value),
            file_line,
        };
        if let Some(observer) = &mut self.observer {
            observer(&event);
        }
    }

    /// Writes Go's report of a race between `me` and `conflict.prev`, once per pair of places.
    #[cold]
    fn report(
        &mut self,
        me: Access,
        write: bool,
        conflict: Conflict,
        object: &ObjectRef<'_>,
        index: u32,
        stderr: &mut Vec<u8>,
    ) {
        let prev = conflict.prev;
        // Each pair of places once, a place being the innermost frame: the
        // program's function and line, or the runtime function Go would show
        // above it (growslice's reads are not the slice variable's).
        let place = |s: &Stacks, a: &Access| {
            let tag = a.pc >> PC_BITS;
            s.top_user(a.node, a.pc & PC_MASK)
                .map_or((0, 0, tag), |(p, pc)| {
                    let span = p.spans.get(pc as usize).copied().unwrap_or_default();
                    let (line, _) = self.program.lines.line_col(span.start);
                    (Rc::as_ptr(p) as usize, line, tag)
                })
        };
        let (a, b) = (place(&self.stacks, &me), place(&self.stacks, &prev));
        let key = if a <= b { (a, b) } else { (b, a) };
        if !self.reported.insert(key) {
            return;
        }
        self.races += 1;
        let addr = address(object, index);
        let kind = |w: bool| if w { "write" } else { "read" };
        let who = |g: u32| {
            if g == 1 {
                "main goroutine".to_string()
            } else {
                format!("goroutine {g}")
            }
        };
        let mut out = String::from("==================\nWARNING: DATA RACE\n");
        let mut heading = kind(write).to_string();
        heading[..1].make_ascii_uppercase();
        let _ = writeln!(out, "{heading} at {addr:#014x} by {}:", who(me.goroutine));
        self.write_stack(&mut out, &me, write);
        let _ = writeln!(
            out,
            "\nPrevious {} at {addr:#014x} by {}:",
            kind(conflict.prev_write),
            who(prev.goroutine)
        );
        self.write_stack(&mut out, &prev, conflict.prev_write);
        for (g, running) in [(me.goroutine, true), (prev.goroutine, false)] {
            if g == 1 {
                continue;
            }
            let info = self.goroutines.get(g as usize).copied().unwrap_or_default();
            let state = if running || !info.finished {
                "running"
            } else {
                "finished"
            };
            let _ = writeln!(out, "\nGoroutine {g} ({state}) created at:");
            self.stacks
                .write(&mut out, &self.program, info.created_node, info.created_pc);
        }
        out.push_str("==================\n");
        stderr.extend_from_slice(out.as_bytes());
    }

    /// The stack of an access as Go prints it: the runtime function that made
    /// it, if any, then the program's frames (none for an atomic, as in Go).
    fn write_stack(&self, out: &mut String, access: &Access, write: bool) {
        let tag = access.pc >> PC_BITS;
        runtime::write_frames(out, tag, write);
        if !runtime::is_atomic(tag) {
            self.stacks
                .write(out, &self.program, access.node, access.pc & PC_MASK);
        }
    }

    /// The line Go prints at exit when races were found.
    pub fn summary(&self) -> Option<String> {
        (self.races > 0).then(|| format!("Found {} data race(s)\n", self.races))
    }
}

/// The running goroutine's access at (`node`, `pc`), and its clock.
#[inline(always)]
fn running_access(cur: &Option<(u64, Thread)>, node: u32, pc: u32) -> Option<(Access, &VClock)> {
    let (gid, t) = cur.as_ref()?;
    let me = Access {
        slot: t.slot,
        clock: t.epoch(),
        goroutine: *gid as u32,
        node,
        pc,
    };
    Some((me, &t.vc))
}

/// FastTrack's read and write rules on `cell` for access `me` by a goroutine
/// whose clock is `vc`; the conflicting earlier access, if any.
#[inline(always)]
fn check(cell: &mut shadow::Cell, vc: &VClock, me: Access, write: bool) -> Option<Conflict> {
    // The same goroutine's access since its last release, and no weaker than
    // this one (a plain access after an atomic one must still be remembered).
    let mine =
        |a: &Access| a.slot == me.slot && a.clock == me.clock && (!a.is_atomic() || me.is_atomic());
    if cell.quiet {
        if write {
            *cell = shadow::Cell::default();
            cell.write = me;
        }
        return None;
    }
    let conflict = check_fasttrack(cell, vc, me, write, mine);
    if conflict.is_some() {
        *cell = shadow::Cell::default();
        cell.quiet = true;
    }
    conflict
}

/// Inlined: a Builder's byte range checks thousands of cells in a row, and
/// the call was most of the cost of each.
#[inline(always)]
fn check_fasttrack(
    cell: &mut shadow::Cell,
    vc: &VClock,
    me: Access,
    write: bool,
    mine: impl Fn(&Access) -> bool,
) -> Option<Conflict> {
    // Unordered with `me`, and not two atomic accesses (those never race).
    let races = |a: &Access| {
        a.is_some() && !vc.covers(a.slot, a.clock) && !(a.is_atomic() && me.is_atomic())
    };
    let mut conflict = None;
    if write {
        // The same goroutine wrote here since its last release: nothing new to
        // check (ThreadSanitizer skips such an access too, so the first place
        // of a racing pair is the one reported, as in Go).
        if mine(&cell.write) {
            return None;
        }
        if races(&cell.write) {
            conflict = Some(Conflict {
                prev: cell.write,
                prev_write: true,
            });
        } else if let Some(shared) = &cell.shared {
            if let Some(prev) = shared.first(races) {
                conflict = Some(Conflict {
                    prev,
                    prev_write: false,
                });
            }
        } else if races(&cell.read) {
            conflict = Some(Conflict {
                prev: cell.read,
                prev_write: false,
            });
        }
        cell.write = me;
        cell.read = Access::default();
        cell.shared = None;
        return conflict;
    }
    // Where this slot's reads are in the shared set, searched once.
    let at = cell
        .shared
        .as_ref()
        .map_or(0, |shared| shared.start_of(me.slot));
    let read_before = match &cell.shared {
        Some(shared) => shared.any_of_slot(at, me.slot, &mine),
        None => mine(&cell.read),
    };
    if read_before || mine(&cell.write) {
        return None;
    }
    if races(&cell.write) {
        conflict = Some(Conflict {
            prev: cell.write,
            prev_write: true,
        });
    }
    match &mut cell.shared {
        Some(shared) => shared.record(at, me),
        None => {
            if !cell.read.is_some() || vc.covers(cell.read.slot, cell.read.clock) {
                cell.read = me;
            } else {
                cell.shared = Some(shadow::SharedReads::new(cell.read, me));
            }
        }
    }
    conflict
}

/// Whether a channel element with this zero value has size 0 (`struct{}`, `[0]T`, nested).
pub fn zero_size(zero: &Value) -> bool {
    match zero {
        Value::Agg(items) => items.borrow().iter().all(zero_size),
        _ => false,
    }
}

/// The printed address of element `index` of `object` (gomini's deterministic pseudo-addresses).
fn address(object: &ObjectRef<'_>, index: u32) -> usize {
    match object {
        ObjectRef::Globals => 0x5_8000 + index as usize * 8,
        ObjectRef::Store(s) => Value::Ptr((*s).clone(), index).address(),
        ObjectRef::Map(m) => Value::Map((*m).clone()).address(),
        ObjectRef::Chan(c) => Value::Chan((*c).clone()).address(),
    }
}

/// The place an instruction's source text names: `counter` of `counter++`,
/// `p.x` of `p.x += 2` (the left side of an assignment), else the text itself.
fn place_name(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_suffix("++")
        .or_else(|| text.strip_suffix("--"))
        .unwrap_or(text);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|j| bytes[j]);
        let is_assign =
            b == b'=' && next != Some(b'=') && !matches!(prev, Some(b'=' | b'!' | b'<' | b'>'));
        if is_assign {
            let lhs = text[..i].trim_end();
            let lhs = lhs.strip_suffix(':').unwrap_or(lhs);
            let lhs = lhs.trim_end_matches(['+', '-', '*', '/', '%', '&', '|', '^', '<', '>']);
            return lhs.trim().to_string();
        }
    }
    text.trim().to_string()
}

/// A scalar as `fmt.Print` shows it; aggregates and references by their kind.
fn render_value(v: &Value) -> String {
    match v {
        Value::Nil => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f}"),
        Value::Str(_) | Value::Short(_) => String::from_utf8_lossy(v.as_bytes()).into_owned(),
        Value::Ptr(..) | Value::Map(_) | Value::Chan(_) | Value::Func(_) => {
            format!("{:#x}", v.address())
        }
        Value::Agg(_) | Value::Slice(_) => "{...}".into(),
        _ => "?".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `thread` as goroutine `gid`, returning the one that ran before.
    fn switch(r: &mut RaceDetector, gid: u64, thread: Thread) -> Thread {
        r.cur.replace((gid, thread)).expect("a goroutine runs").1
    }

    #[test]
    fn a_release_after_an_acquire_of_the_same_version_copies_else_joins() {
        const MU: SyncKey = (0x100, 0);
        let program = crate::program::ProgramBuilder::new().finish(0, "t.go", "");
        let mut r = RaceDetector::new(Rc::new(program));
        r.enter(1);
        let b = r.new_thread(&VClock::default());
        let (a_slot, b_slot) = (r.cur.as_ref().unwrap().1.slot, b.slot);
        // a releases, then b, which acquired nothing: the clock joins both.
        r.release(MU);
        let a = switch(&mut r, 2, b);
        r.release(MU);
        let joined = r.syncs[&MU].vc.clone();
        assert!(joined.covers(a_slot, a.vc.get(a_slot) - 1));
        assert!(joined.covers(b_slot, 1));
        // b acquires and releases at that version: the clock becomes b's own.
        r.acquire(MU);
        r.release(MU);
        let mut b_then = r.cur.as_ref().unwrap().1.vc.clone();
        b_then.set(b_slot, b_then.get(b_slot) - 1); // b ticked after releasing
        assert_eq!(r.syncs[&MU].vc, b_then);
        assert!(b_then.covers(a_slot, a.vc.get(a_slot) - 1));
        // a acquired an older version (none): its release joins, keeping b's.
        switch(&mut r, 1, a);
        r.release(MU);
        assert!(r.syncs[&MU].vc.covers(b_slot, b_then.get(b_slot)));
    }

    #[test]
    fn clock_entries_stop_at_clock_max() {
        let mut vc = VClock::default();
        vc.set(0, clock::CLOCK_MAX - 1);
        vc.tick(0);
        vc.tick(0);
        assert_eq!(vc.get(0), clock::CLOCK_MAX);
        let mut other = VClock::default();
        other.set(0, 5);
        other.join(&vc);
        assert_eq!(other.get(0), clock::CLOCK_MAX);
    }

    #[test]
    fn place_names_are_the_assigned_side() {
        assert_eq!(place_name("counter++"), "counter");
        assert_eq!(place_name("p.x += 2"), "p.x");
        assert_eq!(place_name("s[i] = v"), "s[i]");
        assert_eq!(place_name("x := y"), "x");
        assert_eq!(place_name("a == b"), "a == b");
        assert_eq!(place_name("m[k]"), "m[k]");
    }
}
