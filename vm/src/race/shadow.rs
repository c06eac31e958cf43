//! Shadow memory: for every location goroutines touched, the last write and the reads since (FastTrack's W and R).
//!
//! Locations are (object, index): a package-level variable is (the globals,
//! its index); a heap cell, a struct's field, an array's or a slice's element
//! is (its `Store`, the index); a map is (the map, 0), as Go checks maps as a
//! whole; a channel is (the channel, 0), the word Go's `chansend` reads and
//! `closechan` writes. Objects are found by the address of their `Rc` allocation. Each
//! entry keeps a `Weak` to its object: while the entry lives the allocation
//! cannot be freed and its address reused by another object, which would
//! otherwise inherit a stranger's history (a false report). Entries of dead
//! objects are swept when the table has doubled since the last sweep.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use crate::chan::Chan;
use crate::map::MapVal;
use crate::value::Store;

/// Key of the package-level variables' object (no `Rc` has this address).
pub const GLOBALS_KEY: usize = 1;

/// One access as the detector remembers it: who (clock slot and epoch,
/// goroutine id) and where (stack node and pc, see stacks.rs and runtime.rs). `clock == 0`: none.
#[derive(Clone, Copy, Debug, Default)]
pub struct Access {
    pub slot: u32,
    pub clock: u32,
    pub goroutine: u32,
    pub node: u32,
    pub pc: u32,
}

impl Access {
    pub fn is_some(&self) -> bool {
        self.clock != 0
    }

    /// Whether a `sync/atomic` operation made it (its pc carries an atomic runtime tag).
    pub fn is_atomic(&self) -> bool {
        super::runtime::is_atomic(self.pc >> super::PC_BITS)
    }
}

/// FastTrack's state of one location.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub write: Access,
    /// The last read, when the reads so far are totally ordered (an epoch).
    pub read: Access,
    /// Concurrent reads, one per clock slot, once two reads were unordered.
    pub shared: Option<SharedReads>,
    /// A race was reported here: reads are ignored until the next write
    /// (ThreadSanitizer marks the word read-only after a report, so Go reports
    /// one race per location until it is written again).
    pub quiet: bool,
}

impl Cell {
    /// No access recorded and no report made here (a new cell's state).
    #[inline(always)]
    pub fn untouched(&self) -> bool {
        !self.write.is_some() && !self.read.is_some() && self.shared.is_none() && !self.quiet
    }
}

/// FastTrack's read set of one location: the latest read of each clock slot.
///
/// Kept sorted by slot, so that a read finds its slot's entry by binary
/// search: a variable every goroutine reads (a captured `sync.WaitGroup`)
/// holds one entry per slot, up to `MAX_SLOTS`, and a linear search made
/// `--race` cost 9x on `programs/bench/goroutines.go`. A write looks through
/// them in the order the slots first joined the set (`order`), which decides
/// which read a report names.
#[derive(Clone, Debug)]
pub struct SharedReads(Vec<SharedRead>);

#[derive(Clone, Copy, Debug)]
struct SharedRead {
    access: Access,
    /// How many entries the set had when this one joined it.
    order: u32,
}

impl SharedReads {
    /// The set of two unordered reads, `first` the earlier.
    pub fn new(first: Access, second: Access) -> SharedReads {
        let first = SharedRead {
            access: first,
            order: 0,
        };
        let second = SharedRead {
            access: second,
            order: 1,
        };
        // Both kept even when goroutines sharing a slot made them.
        let mut reads = vec![first, second];
        if second.access.slot < first.access.slot {
            reads.swap(0, 1);
        }
        SharedReads(reads)
    }

    /// Where `slot`'s entries start, or would be (several only when
    /// goroutines sharing a slot read concurrently; the earliest joined first).
    #[inline]
    pub fn start_of(&self, slot: u32) -> usize {
        // First where a set of consecutive slots has it: goroutines reuse
        // the lowest free slots, so a variable every goroutine reads (a
        // WaitGroup read by 200,000 goroutines) holds a run of them, and
        // the binary search's steps cost more than the rest of the check.
        let slot_at = |i: usize| self.0[i].access.slot;
        let lowest = slot_at(0);
        if slot <= lowest {
            return 0;
        }
        // At least 1: the set has two entries or more.
        let guess = ((slot - lowest) as usize).min(self.0.len() - 1);
        if slot_at(guess) == slot && slot_at(guess - 1) < slot {
            return guess;
        }
        self.0.partition_point(|r| r.access.slot < slot)
    }

    /// Whether an entry of `slot`, whose entries start at `at`, satisfies `test`.
    #[inline(always)]
    pub fn any_of_slot(&self, at: usize, slot: u32, test: impl Fn(&Access) -> bool) -> bool {
        self.0[at..]
            .iter()
            .take_while(|r| r.access.slot == slot)
            .any(|r| test(&r.access))
    }

    /// Records `read`, whose slot's entries start at `at`, in place of the
    /// slot's earliest entry, or as a new one.
    #[inline]
    pub fn record(&mut self, at: usize, read: Access) {
        match self.0.get_mut(at) {
            Some(r) if r.access.slot == read.slot => r.access = read,
            _ => self.add(at, read),
        }
    }

    /// Adds `read` as a new entry at `at` (out of line: `record` is inlined in the access check).
    #[inline(never)]
    fn add(&mut self, at: usize, read: Access) {
        let order = self.0.len() as u32;
        // Pushed and rotated into place, not `Vec::insert`: with
        // it, `Vm::run` was compiled differently (160 bytes more,
        // count.py's loop/methods/closures +1.3% instructions), an
        // effect of how rustc splits the crate, not of this code.
        self.0.push(SharedRead {
            access: read,
            order,
        });
        self.0[at..].rotate_right(1);
    }

    /// The earliest-joined entry that satisfies `test`.
    pub fn first(&self, test: impl Fn(&Access) -> bool) -> Option<Access> {
        self.0
            .iter()
            .filter(|r| test(&r.access))
            .min_by_key(|r| r.order)
            .map(|r| r.access)
    }
}

/// What keeps an object's address from being reused while its shadow lives.
enum Owner {
    Globals,
    Store(Weak<Store>),
    Map(Weak<RefCell<MapVal>>),
    Chan(Weak<Chan>),
}

impl Owner {
    fn alive(&self) -> bool {
        match self {
            Owner::Globals => true,
            Owner::Store(w) => w.strong_count() > 0,
            Owner::Map(w) => w.strong_count() > 0,
            Owner::Chan(w) => w.strong_count() > 0,
        }
    }
}

/// The object behind an access: how to find and pin it.
pub enum ObjectRef<'a> {
    Globals,
    Store(&'a Rc<Store>),
    Map(&'a Rc<RefCell<MapVal>>),
    Chan(&'a Rc<Chan>),
}

impl ObjectRef<'_> {
    pub fn key(&self) -> usize {
        match self {
            ObjectRef::Globals => GLOBALS_KEY,
            ObjectRef::Store(s) => Rc::as_ptr(s) as *const () as usize,
            ObjectRef::Map(m) => Rc::as_ptr(m) as *const () as usize,
            ObjectRef::Chan(c) => Rc::as_ptr(c) as *const () as usize,
        }
    }

    /// How many cells a new object's shadow starts with: a small struct's
    /// fields, all at once (one allocation, not one growth per field); a
    /// larger store's grow as its elements are touched.
    fn first_cells(&self) -> usize {
        match self {
            ObjectRef::Store(s) => s
                .try_borrow()
                .map_or(0, |items| items.len().min(SMALL_OBJECT)),
            _ => 1,
        }
    }

    fn owner(&self) -> Owner {
        match self {
            ObjectRef::Globals => Owner::Globals,
            ObjectRef::Store(s) => Owner::Store(Rc::downgrade(s)),
            ObjectRef::Map(m) => Owner::Map(Rc::downgrade(m)),
            ObjectRef::Chan(c) => Owner::Chan(Rc::downgrade(c)),
        }
    }
}

struct Object {
    /// Its key in `Shadow::index` (`ObjectRef::key`).
    key: usize,
    owner: Owner,
    cells: Vec<Cell>,
}

/// A multiplicative hash for pointer keys (std's SipHash costs more than the check it guards).
#[derive(Default)]
pub struct PtrHasher(u64);

impl Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u64(&mut self, n: u64) {
        self.write_usize(n as usize);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_usize(n as usize);
    }
}

pub type PtrMap<K, V> = HashMap<K, V, BuildHasherDefault<PtrHasher>>;

/// All shadow cells.
pub struct Shadow {
    index: PtrMap<usize, u32>,
    objects: Vec<Object>,
    /// Recently used objects: (key, index in `objects`), direct-mapped by the
    /// key's hash (`cache_slot`), in front of `index`. Accesses alternate
    /// between a few objects (a channel and the variable holding it, a
    /// mutex-guarded counter and the WaitGroup): a one-entry cache missed
    /// most of them and each miss cost a hash table lookup (channels.go).
    /// Key 0 (no object has it) marks an empty entry.
    cache: Box<[(usize, u32); CACHE_SLOTS]>,
    /// Objects after the last sweep; the next sweep runs at twice as many.
    swept_at: usize,
    /// Emptied cell vectors of swept small objects, reused by new ones: a
    /// struct passed by value is a new object per call (methods.go), and
    /// its allocation and free cost more than its checks.
    spare_cells: Vec<Vec<Cell>>,
}

/// Entries of `Shadow::cache` (a power of two).
const CACHE_SLOTS: usize = 64;

/// The `Shadow::cache` entry of an object key (keys are addresses, whose
/// low bits are alignment: `direct_mapped_slot` takes high hash bits).
#[inline]
fn cache_slot(key: usize) -> usize {
    direct_mapped_slot(key as u64, CACHE_SLOTS)
}

/// The entry of `key` in a direct-mapped cache of `slots` entries (a power
/// of two): the top bits of a multiplicative (Fibonacci) hash, which every
/// bit of the key reaches. `Shadow::cache` and `Stacks::recent`.
#[inline]
pub fn direct_mapped_slot(key: u64, slots: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - slots.trailing_zeros())) as usize
}

impl Default for Shadow {
    fn default() -> Shadow {
        Shadow {
            index: PtrMap::default(),
            objects: Vec::new(),
            cache: Box::new([(0, 0); CACHE_SLOTS]),
            swept_at: 0,
            spare_cells: Vec::new(),
        }
    }
}

/// Large enough that small programs never sweep.
const FIRST_SWEEP: usize = 4096;

/// Stores up to this many elements get all their cells when first touched (`ObjectRef::first_cells`).
const SMALL_OBJECT: usize = 8;

/// How many dead objects' cell vectors a sweep keeps for new objects (`Shadow::spare_cells`).
const SPARE_CELLS: usize = FIRST_SWEEP;

impl Shadow {
    /// The shadow cell of element `index` of `object`, created empty on first use.
    #[inline]
    pub fn cell(&mut self, object: &ObjectRef<'_>, index: u32) -> &mut Cell {
        &mut self.cells(object, index + 1)[index as usize]
    }

    /// The shadow cells of `object`, at least `len` of them (new ones empty).
    #[inline]
    pub fn cells(&mut self, object: &ObjectRef<'_>, len: u32) -> &mut [Cell] {
        let key = object.key();
        let entry = self.cache[cache_slot(key)];
        let at = match entry.0 == key {
            true => entry.1,
            false => self.look_up(key, object),
        };
        let cells = &mut self.objects[at as usize].cells;
        if len as usize > cells.len() {
            cells.resize(len as usize, Cell::default());
        }
        cells
    }

    /// The index of `object` (key `key`) in `objects`, added if new, and cached.
    #[inline(never)]
    fn look_up(&mut self, key: usize, object: &ObjectRef<'_>) -> u32 {
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => self.insert(key, object),
        };
        self.cache[cache_slot(key)] = (key, at);
        at
    }

    /// Forgets the history of elements `from..` of `object` (memory Go has
    /// replaced: a strings.Builder's bytes after its buffer moved).
    pub fn forget_from(&mut self, object: &ObjectRef<'_>, from: u32) {
        if let Some(&at) = self.index.get(&object.key()) {
            self.objects[at as usize].cells.truncate(from as usize);
        }
    }

    #[cold]
    fn insert(&mut self, key: usize, object: &ObjectRef<'_>) -> u32 {
        if self.objects.len() >= FIRST_SWEEP.max(2 * self.swept_at) {
            self.sweep();
        }
        let at = self.objects.len() as u32;
        let mut cells = self.spare_cells.pop().unwrap_or_default();
        cells.resize(object.first_cells(), Cell::default());
        self.objects.push(Object {
            key,
            owner: object.owner(),
            cells,
        });
        self.index.insert(key, at);
        at
    }

    /// Drops the shadow of objects the program no longer holds (in place, the live ones keeping their order).
    fn sweep(&mut self) {
        let mut live = 0;
        for at in 0..self.objects.len() {
            if self.objects[at].owner.alive() {
                self.objects.swap(live, at);
                live += 1;
            }
        }
        for dead in self.objects.drain(live..) {
            let mut cells = dead.cells;
            if self.spare_cells.len() < SPARE_CELLS && cells.capacity() <= SMALL_OBJECT {
                cells.clear();
                self.spare_cells.push(cells);
            }
        }
        self.index.clear();
        for (at, object) in self.objects.iter().enumerate() {
            self.index.insert(object.key, at as u32);
        }
        // Indexes moved (and dead objects' addresses may be reused).
        self.cache.fill((0, 0));
        self.swept_at = self.objects.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(slot: u32, clock: u32) -> Access {
        Access {
            slot,
            clock,
            ..Access::default()
        }
    }

    fn record(reads: &mut SharedReads, access: Access) {
        let at = reads.start_of(access.slot);
        reads.record(at, access);
    }

    #[test]
    fn shared_reads_are_found_by_slot_and_reported_in_joining_order() {
        let mut reads = SharedReads::new(read(7, 1), read(3, 1));
        record(&mut reads, read(5, 1));
        record(&mut reads, read(7, 2)); // replaces slot 7's, keeps its place
        let at = reads.start_of(7);
        assert!(reads.any_of_slot(at, 7, |a| a.clock == 2));
        assert!(!reads.any_of_slot(at, 7, |a| a.clock == 1));
        assert!(!reads.any_of_slot(reads.start_of(4), 4, |_| true));
        // The first to join among those a write races with, not the lowest slot.
        assert_eq!(
            reads.first(|_| true).map(|a| (a.slot, a.clock)),
            Some((7, 2))
        );
        assert_eq!(reads.first(|a| a.slot != 7).map(|a| a.slot), Some(3));
        assert_eq!(reads.first(|a| a.slot == 5).map(|a| a.slot), Some(5));
        assert!(reads.first(|a| a.slot == 4).is_none());
    }

    #[test]
    fn two_reads_of_one_shared_slot_are_both_kept() {
        // Goroutines sharing slot 2 (past `MAX_SLOTS`) read concurrently.
        let reads = SharedReads::new(read(2, 9), read(2, 4));
        let at = reads.start_of(2);
        assert!(reads.any_of_slot(at, 2, |a| a.clock == 9));
        assert!(reads.any_of_slot(at, 2, |a| a.clock == 4));
        assert_eq!(reads.first(|_| true).map(|a| a.clock), Some(9));
    }
}
