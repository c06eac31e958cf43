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
    pub shared: Option<Vec<Access>>,
    /// A race was reported here: reads are ignored until the next write
    /// (ThreadSanitizer marks the word read-only after a report, so Go reports
    /// one race per location until it is written again).
    pub quiet: bool,
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
#[derive(Default)]
pub struct Shadow {
    index: PtrMap<usize, u32>,
    objects: Vec<Object>,
    /// The last object looked up (loops touch one slice many times in a row).
    last: Option<(usize, u32)>,
    /// Objects after the last sweep; the next sweep runs at twice as many.
    swept_at: usize,
}

/// Large enough that small programs never sweep.
const FIRST_SWEEP: usize = 4096;

impl Shadow {
    /// The shadow cell of element `index` of `object`, created empty on first use.
    pub fn cell(&mut self, object: &ObjectRef<'_>, index: u32) -> &mut Cell {
        let key = object.key();
        let at = match self.last {
            Some((k, at)) if k == key => at,
            _ => {
                let at = match self.index.get(&key) {
                    Some(&at) => at,
                    None => self.insert(key, object),
                };
                self.last = Some((key, at));
                at
            }
        };
        let cells = &mut self.objects[at as usize].cells;
        let i = index as usize;
        if i >= cells.len() {
            cells.resize(i + 1, Cell::default());
        }
        &mut cells[i]
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
        self.objects.push(Object {
            owner: object.owner(),
            cells: Vec::new(),
        });
        self.index.insert(key, at);
        at
    }

    /// Drops the shadow of objects the program no longer holds.
    fn sweep(&mut self) {
        let old = std::mem::take(&mut self.objects);
        let keys: PtrMap<u32, usize> = self.index.drain().map(|(k, at)| (at, k)).collect();
        for (at, object) in old.into_iter().enumerate() {
            if object.owner.alive() {
                let key = keys[&(at as u32)];
                self.index.insert(key, self.objects.len() as u32);
                self.objects.push(object);
            }
        }
        self.last = None;
        self.swept_at = self.objects.len();
    }
}
