//! Go maps: entries in insertion order plus an open-addressing index, with seeded iteration starts and deletion during range.
//!
//! Go randomises where each `for range` over a map starts; gomini starts at a
//! position drawn from the scheduler's seeded generator (ARCHITECTURE idea 4),
//! then walks the insertion order, wrapping around. A range takes a snapshot
//! of the keys when it starts and skips any key deleted since: Go's rule that a
//! deleted entry not yet reached is not produced. Entries added during the range
//! are not produced, which Go allows.
//!
//! Layout (why it is not an `IndexMap<Value, Value>`): the benchmark that
//! matters is a big `map[int]T`, where time goes to memory traffic, not
//! instructions. So the keys, the values and the index live in separate
//! vectors: an int-keyed map (the usual case; it stays so until a key that is
//! not an int arrives) keeps its keys as bare `i64` (8 bytes, no tag, no stored
//! hash: an int's hash is a few shifts), its values as `Option<Value>` (16
//! bytes, `None` once deleted), and its index as `u32` entry numbers (4 bytes a
//! slot, at most half full). That is 24 bytes an entry plus 8 to 16 of index,
//! against `IndexMap`'s 40 plus 9 to 18; a lookup that misses reads only slots
//! and the dense key column. Other keys keep the `Value` and a 32-bit hash,
//! compared before the key and used to rebuild the index without rehashing.
//! Deleting leaves a tombstone in the entry and its slot (cheap, keeps the
//! order of the others); the next rebuild of the index drops them.

use std::hash::{Hash, Hasher};

use crate::limits::Refused;
use crate::value::{Value, WHOLE};

fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::Nil => 0u8.hash(h),
        Value::Bool(b) => b.hash(h),
        Value::Int(i) => i.hash(h),
        // +0 and -0 are equal keys, so they must hash alike.
        Value::Float(f) => (if *f == 0.0 { 0 } else { f.to_bits() }).hash(h),
        Value::Str(_) | Value::Short(_) => v.as_bytes().hash(h),
        Value::Agg(items) => {
            for item in items.borrow().iter() {
                hash_value(item, h);
            }
        }
        Value::Iface(i) => {
            i.ty.hash(h);
            hash_value(&i.val, h);
        }
        Value::Ptr(_, i) if *i == WHOLE => v.address().hash(h),
        other => other.address().hash(h),
    }
}

/// The hash of a key that is not an int: FxHash's multiply-rotate (fixed, no
/// random seed: nothing but the scheduler's generator may influence what a
/// program observes), whose top bits are the well-mixed ones.
fn value_hash(v: &Value) -> u32 {
    let mut h = FxLikeHasher::default();
    hash_value(v, &mut h);
    (h.finish() >> 32) as u32
}

/// The hash of an int key: the key's own low bits, folded every 13 bits so
/// that keys differing only in high bits still spread. Keys that are close
/// land in nearby slots, so a loop over `m[i]` walks memory in order instead
/// of missing the cache on every access (1M-entry maps: 7x less user time
/// than a mixing hash); triangular probing gets out of the clusters such a
/// hash can make.
#[inline(always)]
fn int_hash(k: i64) -> u32 {
    // k ^ k>>13 ^ k>>26 ^ k>>39 ^ k>>52, in three shifts instead of four
    // (a shift distributes over xor; the k>>65 term it adds is zero).
    let k = k as u64;
    let k = k ^ (k >> 26) ^ (k >> 52);
    (k ^ (k >> 13)) as u32
}

/// An index slot that never held an entry: it ends a probe.
const EMPTY: u32 = 0;
/// An index slot whose entry was deleted: a probe goes on past it.
const TOMBSTONE: u32 = u32::MAX;
/// Entry numbers are stored plus one in `u32` slots, below `TOMBSTONE`.
const MAX_ENTRIES: usize = u32::MAX as usize - 2;
/// The smallest index (slots).
const MIN_SLOTS: usize = 8;

/// The keys column.
#[derive(Debug)]
enum Keys {
    /// Every key is a `Value::Int` (a new map starts so).
    Ints(Vec<i64>),
    /// Any comparable keys, each with its `value_hash`. A deleted entry's key is `Nil`.
    Values { keys: Vec<Value>, hashes: Vec<u32> },
}

impl Default for Keys {
    fn default() -> Keys {
        Keys::Ints(Vec::new())
    }
}

/// The values column, by entry number.
#[derive(Debug)]
enum Values {
    /// Every value is a `Value::Int` and no entry was deleted (a new map
    /// starts so): 8 bytes an entry instead of 16, which for a big
    /// `map[int]int` is a third less memory to fault in and walk.
    Ints(Vec<i64>),
    /// Any values; `None` once the entry is deleted.
    Any(Vec<Option<Value>>),
}

impl Default for Values {
    fn default() -> Values {
        Values::Ints(Vec::new())
    }
}

impl Values {
    #[inline(always)]
    fn len(&self) -> usize {
        match self {
            Values::Ints(v) => v.len(),
            Values::Any(v) => v.len(),
        }
    }

    #[inline(always)]
    fn capacity(&self) -> usize {
        match self {
            Values::Ints(v) => v.capacity(),
            Values::Any(v) => v.capacity(),
        }
    }

    /// The value of entry `entry`, `None` if it was deleted.
    #[inline(always)]
    fn at(&self, entry: usize) -> Option<Value> {
        match self {
            Values::Ints(v) => Some(Value::Int(v[entry])),
            Values::Any(v) => v[entry].clone(),
        }
    }

    /// Whether entry `entry` was not deleted.
    fn is_live(&self, entry: usize) -> bool {
        match self {
            Values::Ints(_) => true,
            Values::Any(v) => v[entry].is_some(),
        }
    }

    /// Sets entry `entry`'s value.
    #[inline(always)]
    fn set(&mut self, entry: usize, value: Value) {
        match (&mut *self, &value) {
            (Values::Ints(v), &Value::Int(i)) => {
                v[entry] = i;
                // An int owns nothing: this skips a call to the drop glue,
                // which LLVM does not see is a no-op here.
                std::mem::forget(value);
            }
            _ => self.any()[entry] = Some(value),
        }
    }

    /// Appends a value (the caller reserved room).
    #[inline(always)]
    fn push(&mut self, value: Value) {
        match (&mut *self, &value) {
            (Values::Ints(v), &Value::Int(i)) => {
                v.push(i);
                // As in `set`: no drop glue call for an int.
                std::mem::forget(value);
            }
            _ => self.any().push(Some(value)),
        }
    }

    /// The column as `Option<Value>`s, converting an int column (a value
    /// that is not an int, or a delete, is coming). The new column keeps the
    /// capacity, so a caller that reserved room still has it.
    fn any(&mut self) -> &mut Vec<Option<Value>> {
        if let Values::Ints(ints) = self {
            let mut any = Vec::with_capacity(ints.capacity());
            any.extend(ints.iter().map(|&i| Some(Value::Int(i))));
            *self = Values::Any(any);
        }
        match self {
            Values::Any(v) => v,
            Values::Ints(_) => unreachable!("converted above"),
        }
    }
}

/// A Go map (see the module doc for the layout).
#[derive(Debug, Default)]
pub struct MapVal {
    keys: Keys,
    values: Values,
    /// The index: a power of two of slots (or none before the first insert),
    /// each `EMPTY`, `TOMBSTONE` or an entry number plus one.
    slots: Vec<u32>,
    /// Entries not deleted (the map's `len`).
    live: usize,
    /// Slots not `EMPTY`; kept at most half of them so probes stay short.
    used: usize,
    /// How many times `clear` emptied the map, for a range over it (`MapIter::next`).
    clears: u32,
}

/// The state of one `for range` over a map.
#[derive(Debug, Default)]
pub struct MapIter {
    /// The keys when the range started, in the order it will visit them.
    pub keys: Vec<Value>,
    /// The next position in `keys`.
    pub next: usize,
    /// The value of each key not equal to itself (a NaN, or an interface,
    /// struct or array holding one), by position in `keys`, ascending. No lookup finds such
    /// an entry, but then no assignment changes its value and no `delete`
    /// removes it either: only `clear` does, which `clears` tells.
    unfindable: Vec<(usize, Value)>,
    /// The map's `clears` when the range started.
    clears: u32,
}

/// Walks the probe sequence of hash `h` (triangular: offsets 1, 3, 6, ...,
/// which visits every slot of a power-of-two table; the first steps stay in
/// the same cache line). Returns `Ok(slot)` of the first entry `is_key`
/// accepts, or `Err(slot)` of the empty slot that ends the sequence (there is
/// always one: at most half the slots are used).
#[inline(always)]
fn probe(slots: &[u32], h: u32, mut is_key: impl FnMut(usize) -> bool) -> Result<usize, usize> {
    let mask = slots.len() - 1;
    let mut pos = h as usize & mask;
    let mut step = 0;
    loop {
        match slots[pos] {
            EMPTY => return Err(pos),
            TOMBSTONE => {}
            s => {
                if is_key(s as usize - 1) {
                    return Ok(pos);
                }
            }
        }
        step += 1;
        pos = (pos + step) & mask;
    }
}

impl MapVal {
    /// `len(m)`.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether `len(m) == 0`.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The slot holding `key`'s entry, if `key` is in the map.
    #[inline(always)]
    fn find(&self, key: &Value) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        match (&self.keys, key) {
            (Keys::Ints(keys), Value::Int(k)) => {
                probe(&self.slots, int_hash(*k), |i| keys[i] == *k).ok()
            }
            // Only ints are in the map: nothing else equals one.
            (Keys::Ints(_), _) => None,
            (Keys::Values { keys, hashes }, _) => {
                let h = value_hash(key);
                probe(&self.slots, h, |i| hashes[i] == h && keys[i].go_eq(key)).ok()
            }
        }
    }

    /// `m[key]`'s value, if `key` is in the map.
    #[inline]
    pub fn get(&self, key: &Value) -> Option<Value> {
        let slot = self.find(key)?;
        self.values.at(self.slots[slot] as usize - 1)
    }

    /// `m[k]`'s value for an int key `k`: the hot path of `m[i]` on a
    /// `map[int]T`, without building a `Value` key or matching on its kind.
    #[inline(always)]
    pub fn get_int(&self, k: i64) -> Option<Value> {
        match &self.keys {
            Keys::Ints(keys) if !self.slots.is_empty() => {
                let slot = probe(&self.slots, int_hash(k), |i| keys[i] == k).ok()?;
                self.values.at(self.slots[slot] as usize - 1)
            }
            _ => self.get(&Value::Int(k)),
        }
    }

    /// `m[k] = value` for an int key `k`: when the keys are ints and the
    /// entry exists or fits without growing anything, a probe and a store;
    /// everything else (the first insert, growth, other keys) goes to `insert`.
    #[inline(always)]
    pub fn insert_int(&mut self, k: i64, value: Value) -> Result<(), Refused> {
        if let Keys::Ints(keys) = &mut self.keys {
            if !self.slots.is_empty() {
                match probe(&self.slots, int_hash(k), |i| keys[i] == k) {
                    Ok(slot) => {
                        self.values.set(self.slots[slot] as usize - 1, value);
                        return Ok(());
                    }
                    Err(slot)
                        if (self.used + 1) * 2 <= self.slots.len()
                            && self.values.len() < self.values.capacity()
                            && self.values.len() < MAX_ENTRIES =>
                    {
                        let entry = self.values.len();
                        keys.push(k);
                        self.values.push(value);
                        self.slots[slot] = entry as u32 + 1;
                        self.used += 1;
                        self.live += 1;
                        return Ok(());
                    }
                    Err(_) => {}
                }
            }
        }
        self.insert(Value::Int(k), value)
    }

    /// `m[key] = value`. Growing first checks the new memory (limits.rs) and
    /// allocates fallibly, so a big map's growth is refused at the assignment
    /// (`--max-memory`, or Go's out of memory) rather than found by the next
    /// periodic check or aborting.
    #[inline(never)]
    pub fn insert(&mut self, key: Value, value: Value) -> Result<(), Refused> {
        if matches!(self.keys, Keys::Ints(_)) && !matches!(key, Value::Int(_)) {
            self.keys_to_values();
        }
        let h = match (&self.keys, &key) {
            (Keys::Ints(_), Value::Int(k)) => int_hash(*k),
            _ => value_hash(&key),
        };
        let mut empty = None;
        if !self.slots.is_empty() {
            let found = match (&self.keys, &key) {
                (Keys::Ints(keys), Value::Int(k)) => probe(&self.slots, h, |i| keys[i] == *k),
                (Keys::Values { keys, hashes }, _) => {
                    probe(&self.slots, h, |i| hashes[i] == h && keys[i].go_eq(&key))
                }
                (Keys::Ints(_), _) => unreachable!("a key that is not an int made the keys values"),
            };
            match found {
                Ok(slot) => {
                    self.values.set(self.slots[slot] as usize - 1, value);
                    return Ok(());
                }
                Err(slot) => empty = Some(slot),
            }
        }
        self.reserve_entry(&value)?;
        let slot = match empty {
            Some(slot) if (self.used + 1) * 2 <= self.slots.len() => slot,
            _ => {
                self.rebuild_index()?;
                probe(&self.slots, h, |_| false).unwrap_err()
            }
        };
        let entry = self.values.len();
        match (&mut self.keys, key) {
            (Keys::Ints(keys), Value::Int(k)) => keys.push(k),
            (Keys::Values { keys, hashes }, key) => {
                keys.push(key);
                hashes.push(h);
            }
            (Keys::Ints(_), _) => unreachable!("a key that is not an int made the keys values"),
        }
        self.values.push(value);
        self.slots[slot] = entry as u32 + 1;
        self.used += 1;
        self.live += 1;
        Ok(())
    }

    /// Makes room for one more entry in the columns, doubling them when
    /// full, and makes the values column take `value`.
    fn reserve_entry(&mut self, value: &Value) -> Result<(), Refused> {
        let len = self.values.len();
        if len >= MAX_ENTRIES {
            return Err(Refused::OutOfMemory);
        }
        if matches!(self.values, Values::Ints(_)) && !matches!(value, Value::Int(_)) {
            // The column doubles in size (its capacity's worth).
            let bytes = std::mem::size_of::<Option<Value>>() - std::mem::size_of::<i64>();
            admit((self.values.capacity() as u64).saturating_mul(bytes as u64))?;
            self.values.any();
        }
        if len < self.values.capacity() {
            return Ok(());
        }
        let more = len.max(8);
        let key_bytes = match self.keys {
            Keys::Ints(_) => std::mem::size_of::<i64>(),
            Keys::Values { .. } => std::mem::size_of::<Value>() + std::mem::size_of::<u32>(),
        };
        let value_bytes = match self.values {
            Values::Ints(_) => std::mem::size_of::<i64>(),
            Values::Any(_) => std::mem::size_of::<Option<Value>>(),
        };
        let entry_bytes = (key_bytes + value_bytes) as u64;
        admit((more as u64).saturating_mul(entry_bytes))?;
        let oom = |_| Refused::OutOfMemory;
        match &mut self.values {
            Values::Ints(values) => values.try_reserve_exact(more).map_err(oom)?,
            Values::Any(values) => values.try_reserve_exact(more).map_err(oom)?,
        }
        match &mut self.keys {
            Keys::Ints(keys) => keys.try_reserve_exact(more).map_err(oom)?,
            Keys::Values { keys, hashes } => {
                keys.try_reserve_exact(more).map_err(oom)?;
                hashes.try_reserve_exact(more).map_err(oom)?;
            }
        }
        Ok(())
    }

    /// Rebuilds the index for one more entry than are live, dropping the
    /// deleted entries: twice as many slots when it was half full of live
    /// entries, as many when tombstones filled it.
    fn rebuild_index(&mut self) -> Result<(), Refused> {
        let want = ((self.live + 1) * 2).next_power_of_two().max(MIN_SLOTS);
        admit((want as u64).saturating_mul(4))?;
        // The new index reuses the old one's memory: growing it is a
        // `realloc` (for a big table the kernel moves its pages, it copies
        // nothing), so only the added half is fresh memory to fault in. A
        // new vector each time faulted in every table size on the way up,
        // and unmapped the old one (maps.go: 2,000 of its 10,000 page faults).
        // (Reserved while the old index is still in place, so that a refused
        // growth leaves the map as it was.)
        let oom = |_| Refused::OutOfMemory;
        if self.slots.capacity() > want {
            // Deletes left fewer live entries than the table was made for.
            let mut smaller = Vec::new();
            smaller.try_reserve_exact(want).map_err(oom)?;
            self.slots = smaller;
        } else {
            let more = want - self.slots.len();
            self.slots.try_reserve_exact(more).map_err(oom)?;
        }
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        slots.resize(want, EMPTY);
        if self.live < self.values.len() {
            self.drop_deleted();
        }
        let place = |slots: &mut Vec<u32>, entry: usize, h: u32| {
            let slot = probe(slots, h, |_| false).unwrap_err();
            slots[slot] = entry as u32 + 1;
        };
        match &self.keys {
            Keys::Ints(keys) => {
                for (entry, &k) in keys.iter().enumerate() {
                    place(&mut slots, entry, int_hash(k));
                }
            }
            Keys::Values { hashes, .. } => {
                for (entry, &h) in hashes.iter().enumerate() {
                    place(&mut slots, entry, h);
                }
            }
        }
        self.slots = slots;
        self.used = self.live;
        Ok(())
    }

    /// Removes the deleted entries from the columns, keeping the order of the others.
    fn drop_deleted(&mut self) {
        let values = self.values.any();
        let mut kept = 0;
        for entry in 0..values.len() {
            if values[entry].is_some() {
                values.swap(kept, entry);
                match &mut self.keys {
                    Keys::Ints(keys) => keys.swap(kept, entry),
                    Keys::Values { keys, hashes } => {
                        keys.swap(kept, entry);
                        hashes.swap(kept, entry);
                    }
                }
                kept += 1;
            }
        }
        values.truncate(kept);
        match &mut self.keys {
            Keys::Ints(keys) => keys.truncate(kept),
            Keys::Values { keys, hashes } => {
                keys.truncate(kept);
                hashes.truncate(kept);
            }
        }
    }

    /// Turns an int-keyed map into one with any keys (a key that is not an
    /// int is coming). The index is dropped; the insert rebuilds it.
    fn keys_to_values(&mut self) {
        if let Keys::Ints(ints) = &self.keys {
            let keys: Vec<Value> = ints.iter().map(|&k| Value::Int(k)).collect();
            let hashes = keys.iter().map(value_hash).collect();
            self.keys = Keys::Values { keys, hashes };
            self.slots = Vec::new();
            self.used = 0;
        }
    }

    /// The key of entry `entry`.
    fn key_at(&self, entry: usize) -> Value {
        match &self.keys {
            Keys::Ints(keys) => Value::Int(keys[entry]),
            Keys::Values { keys, .. } => keys[entry].clone(),
        }
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        (0..self.values.len())
            .filter_map(|entry| Some((self.key_at(entry), self.values.at(entry)?)))
    }

    /// Empties the map, handing back its entries in insertion order.
    pub fn take(&mut self) -> Vec<(Value, Value)> {
        let map = std::mem::take(self);
        map.iter().collect()
    }

    /// `clear(m)`.
    pub fn clear(&mut self) {
        *self = MapVal {
            clears: self.clears.wrapping_add(1),
            ..MapVal::default()
        };
    }

    /// Starts a range over this map at position `start` (drawn by the caller from the scheduler RNG).
    pub fn iter_from(&self, start: usize) -> MapIter {
        let mut keys: Vec<Value> = (0..self.values.len())
            .filter(|&entry| self.values.is_live(entry))
            .map(|entry| self.key_at(entry))
            .collect();
        let mut unfindable = Vec::new();
        if !keys.is_empty() {
            let start = start % self.live;
            keys.rotate_left(start);
            if matches!(self.keys, Keys::Values { .. }) {
                let n = keys.len();
                for (i, (k, v)) in self.iter().enumerate() {
                    if unequal_to_itself(&k) {
                        unfindable.push(((i + n - start) % n, v));
                    }
                }
                unfindable.sort_unstable_by_key(|&(pos, _)| pos);
            }
        }
        MapIter {
            keys,
            next: 0,
            unfindable,
            clears: self.clears,
        }
    }

    /// `delete(m, key)`: leaves tombstones in the slot and the entry, so the
    /// others keep their order (the next index rebuild drops them).
    pub fn delete(&mut self, key: &Value) {
        let Some(slot) = self.find(key) else {
            return;
        };
        let entry = self.slots[slot] as usize - 1;
        self.slots[slot] = TOMBSTONE;
        self.values.any()[entry] = None;
        if let Keys::Values { keys, .. } = &mut self.keys {
            keys[entry] = Value::Nil;
        }
        self.live -= 1;
    }
}

/// Whether `key == key` is false in Go: a NaN, also inside an interface,
/// a struct or an array.
fn unequal_to_itself(key: &Value) -> bool {
    match key {
        Value::Float(f) => f.is_nan(),
        Value::Iface(i) => unequal_to_itself(&i.val),
        Value::Agg(fields) => fields.borrow().iter().any(unequal_to_itself),
        _ => false,
    }
}

/// Checks an allocation of `bytes` against the limits when it is big enough to matter.
fn admit(bytes: u64) -> Result<(), Refused> {
    if bytes >= crate::limits::ADMIT_FROM {
        crate::limits::admit(bytes)?;
    }
    Ok(())
}

impl MapIter {
    /// The next (key, value) still in `map`, or `None` when the range is done.
    pub fn next(&mut self, map: &MapVal) -> Option<(Value, Value)> {
        while self.next < self.keys.len() {
            let pos = self.next;
            let key = &self.keys[pos];
            self.next += 1;
            if let Some(v) = map.get(key) {
                return Some((key.clone(), v));
            }
            if !self.unfindable.is_empty() && map.clears == self.clears {
                if let Ok(i) = self.unfindable.binary_search_by_key(&pos, |&(p, _)| p) {
                    return Some((key.clone(), self.unfindable[i].1.clone()));
                }
            }
        }
        None
    }
}

/// A small deterministic hasher (FxHash's multiply-rotate).
#[derive(Default)]
pub struct FxLikeHasher {
    hash: u64,
}

impl Hasher for FxLikeHasher {
    fn finish(&self) -> u64 {
        self.hash
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.hash = (self.hash.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_map(keys: impl IntoIterator<Item = i64>) -> MapVal {
        let mut m = MapVal::default();
        for k in keys {
            m.insert(Value::Int(k), Value::Int(k * 10)).unwrap();
        }
        m
    }

    fn keys(m: &MapVal) -> Vec<String> {
        m.iter().map(|(k, _)| format!("{k:?}")).collect()
    }

    #[test]
    fn nearby_int_keys_get_nearby_slots() {
        assert_eq!(int_hash(1000) ^ int_hash(1001), 1000 ^ 1001);
    }

    #[test]
    fn int_keys_differing_in_high_bits_differ_in_low_bits() {
        let low = |i: i64| int_hash(i << 50) & 0x1fff;
        let distinct: std::collections::BTreeSet<u32> = (0..256).map(low).collect();
        assert_eq!(distinct.len(), 256);
    }

    #[test]
    fn finds_every_int_key_and_no_other_even_when_keys_cluster() {
        // Multiples of a big power of two all share their low bits.
        let m = int_map((0..5000).map(|i| i << 32));
        assert_eq!(m.len(), 5000);
        for i in 0..5000 {
            assert_eq!(
                m.get(&Value::Int(i << 32)).map(|v| format!("{v:?}")),
                Some(format!("{:?}", Value::Int((i << 32) * 10)))
            );
            assert!(m.get(&Value::Int((i << 32) + 1)).is_none());
        }
        assert!(m.get(&Value::str("0")).is_none());
    }

    #[test]
    fn deleting_keeps_the_order_of_the_rest_and_a_reinsert_goes_last() {
        let mut m = int_map([5, 1, 9, 3]);
        m.delete(&Value::Int(1));
        m.delete(&Value::Int(7));
        assert_eq!(m.len(), 3);
        assert!(m.get(&Value::Int(1)).is_none());
        m.insert(Value::Int(1), Value::Int(0)).unwrap();
        m.insert(Value::Int(9), Value::Int(0)).unwrap();
        assert_eq!(keys(&m), ["Int(5)", "Int(9)", "Int(3)", "Int(1)"]);
    }

    #[test]
    fn many_deletes_and_reinserts_keep_the_index_small_and_right() {
        let mut m = int_map(0..100);
        for round in 0..10_000 {
            let k = round % 100;
            m.delete(&Value::Int(k));
            m.insert(Value::Int(k), Value::Int(round)).unwrap();
        }
        assert_eq!(m.len(), 100);
        assert!(m.slots.len() <= 512, "index grew to {}", m.slots.len());
        assert!(m.values.len() <= 256, "{} entries kept", m.values.len());
        for k in 0..100 {
            assert_eq!(
                format!("{:?}", m.get(&Value::Int(k)).unwrap()),
                format!("{:?}", Value::Int(9900 + k))
            );
        }
    }

    #[test]
    fn a_key_that_is_not_an_int_keeps_the_entries_and_their_order() {
        let mut m = int_map([4, 2]);
        m.delete(&Value::Int(4));
        m.insert(Value::str("x"), Value::Int(1)).unwrap();
        m.insert(Value::Int(8), Value::Int(2)).unwrap();
        assert_eq!(
            keys(&m),
            [
                "Int(2)",
                format!("{:?}", Value::str("x")).as_str(),
                "Int(8)"
            ]
        );
        assert!(m.get(&Value::Int(2)).is_some());
        assert!(m.get(&Value::Int(4)).is_none());
        assert!(m.get(&Value::str("x")).is_some());
        assert!(m.get(&Value::str("y")).is_none());
    }

    #[test]
    fn a_range_starts_at_the_drawn_live_entry() {
        let mut m = int_map([10, 20, 30, 40]);
        m.delete(&Value::Int(20));
        let mut it = m.iter_from(1);
        let mut seen = Vec::new();
        while let Some((k, _)) = it.next(&m) {
            seen.push(format!("{k:?}"));
        }
        assert_eq!(seen, ["Int(30)", "Int(40)", "Int(10)"]);
    }

    #[test]
    fn int_values_stay_a_column_of_ints_until_another_value_or_a_delete() {
        let mut m = int_map(0..100);
        m.insert_int(5, Value::Int(-5)).unwrap();
        assert!(matches!(m.values, Values::Ints(_)));
        m.insert_int(7, Value::str("seven")).unwrap();
        assert!(matches!(m.values, Values::Any(_)));
        assert_eq!(
            format!("{:?}", m.get_int(5)),
            format!("{:?}", Some(Value::Int(-5)))
        );
        assert_eq!(
            format!("{:?}", m.get_int(7)),
            format!("{:?}", Some(Value::str("seven")))
        );
        assert_eq!(
            format!("{:?}", m.get_int(8)),
            format!("{:?}", Some(Value::Int(80)))
        );

        let mut m = int_map(0..10);
        m.delete(&Value::Int(3));
        assert!(matches!(m.values, Values::Any(_)));
        assert!(m.get_int(3).is_none());
        assert_eq!(m.iter().count(), 9);
        m.clear();
        assert!(matches!(m.values, Values::Ints(_)));
    }

    #[test]
    fn a_grown_index_finds_every_key_and_a_shrunk_map_gets_a_smaller_index() {
        let mut m = int_map(0..10_000);
        assert_eq!(m.slots.len(), 32_768);
        for k in 0..10_000 {
            assert!(m.get_int(k).is_some(), "{k} lost");
        }
        for k in 10..10_000 {
            m.delete(&Value::Int(k));
        }
        // Fill the index with tombstones until it is rebuilt for the 10 left.
        for k in 0..20_000 {
            m.insert_int(100_000 + k, Value::Int(k)).unwrap();
            m.delete(&Value::Int(100_000 + k));
        }
        assert!(
            m.slots.capacity() <= 64,
            "index kept {}",
            m.slots.capacity()
        );
        assert_eq!(m.len(), 10);
    }

    #[test]
    fn plus_and_minus_zero_are_one_key() {
        let mut m = MapVal::default();
        m.insert(Value::Float(0.0), Value::Int(1)).unwrap();
        m.insert(Value::Float(-0.0), Value::Int(2)).unwrap();
        assert_eq!(m.len(), 1);
    }
}
