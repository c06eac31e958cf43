//! Vector clocks and epochs for the race detector (FastTrack: Flanagan and Freund, PLDI 2009).
//!
//! A clock slot stands for one goroutine (or, past `MAX_SLOTS`, several: see
//! mod.rs). `VClock` entries only grow; joining takes the maximum per slot.
//! Sharing a slot between goroutines can only make the detector believe in
//! more happens-before than there is, so it may miss a race but never invents one.

/// Index of a clock slot.
pub type Slot = u32;

/// The largest clock entry: an entry is also an `i32` (see `join`).
pub const CLOCK_MAX: u32 = i32::MAX as u32;

/// A vector clock: `clock[slot]`, missing entries are 0.
#[derive(Debug, Default, PartialEq)]
pub struct VClock(Vec<u32>);

impl Clone for VClock {
    fn clone(&self) -> VClock {
        VClock(self.0.clone())
    }

    /// Keeps `self`'s allocation (the derived one would drop it).
    fn clone_from(&mut self, source: &VClock) {
        self.0.clone_from(&source.0);
    }
}

impl VClock {
    #[inline]
    pub fn get(&self, slot: Slot) -> u32 {
        self.0.get(slot as usize).copied().unwrap_or(0)
    }

    pub fn set(&mut self, slot: Slot, clock: u32) {
        let i = slot as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, 0);
        }
        self.0[i] = clock;
    }

    /// Advances `slot`'s own entry (after a release, so later accesses are
    /// not covered by it). Entries stop at `CLOCK_MAX`: past it a slot's
    /// later accesses share one epoch, which can hide a race but never
    /// report a false one (as slot sharing, mod.rs).
    pub fn tick(&mut self, slot: Slot) {
        let next = (self.get(slot) + 1).min(CLOCK_MAX);
        self.set(slot, next);
    }

    /// `self = max(self, other)` entry by entry.
    pub fn join(&mut self, other: &VClock) {
        let common = self.0.len().min(other.0.len());
        // Compared as i32 (entries stay below `CLOCK_MAX`): x86-64's baseline
        // SSE2 has a signed 32-bit compare but no unsigned one, so the
        // vectorized loop needs two operations less per four entries (a
        // join runs over up to `MAX_SLOTS` entries at every lock and unlock).
        for (mine, theirs) in self.0[..common].iter_mut().zip(&other.0[..common]) {
            *mine = (*mine as i32).max(*theirs as i32) as u32;
        }
        // Where only `other` has entries, they are copied, not compared with
        // zeros: a new goroutine's clock is short, and its first `Lock`
        // joins the mutex's clock of every slot (goroutines.go).
        if other.0.len() > common {
            self.0.extend_from_slice(&other.0[common..]);
        }
    }

    /// Sets all three clocks to the join of the three, in one pass (an
    /// unbuffered channel hand-off: the channel's clock and both goroutines').
    pub fn join_all(a: &mut VClock, b: &mut VClock, c: &mut VClock) {
        let n = a.0.len().max(b.0.len()).max(c.0.len());
        for v in [&mut *a, &mut *b, &mut *c] {
            if v.0.len() < n {
                v.0.resize(n, 0);
            }
        }
        let (a, b, c) = (&mut a.0[..n], &mut b.0[..n], &mut c.0[..n]);
        for ((x, y), z) in a.iter_mut().zip(b.iter_mut()).zip(c.iter_mut()) {
            let max = (*x as i32).max(*y as i32).max(*z as i32) as u32;
            (*x, *y, *z) = (max, max, max);
        }
    }

    /// Whether the access at (`slot`, `clock`) happened before the holder of this clock.
    #[inline]
    pub fn covers(&self, slot: Slot, clock: u32) -> bool {
        clock <= self.get(slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_takes_the_maximum_and_grows() {
        let mut a = VClock::default();
        a.set(0, 3);
        let mut b = VClock::default();
        b.set(0, 1);
        b.set(2, 5);
        a.join(&b);
        assert_eq!((a.get(0), a.get(1), a.get(2)), (3, 0, 5));
        assert!(a.covers(2, 5) && !a.covers(2, 6) && a.covers(7, 0));
        a.tick(1);
        assert_eq!(a.get(1), 1);
    }

    #[test]
    fn join_all_sets_each_clock_to_the_join_of_the_three() {
        let clock = |entries: &[u32]| VClock(entries.to_vec());
        let (mut a, mut b, mut c) = (clock(&[1, 7]), clock(&[4]), clock(&[2, 0, 9]));
        VClock::join_all(&mut a, &mut b, &mut c);
        let joined = clock(&[4, 7, 9]);
        assert_eq!((a, b, c), (joined.clone(), joined.clone(), joined));
    }
}
