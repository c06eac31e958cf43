//! Go maps on an insertion-ordered IndexMap, with seeded iteration starts and deletion during range.
//!
//! Go randomises where each `for range` over a map starts; gomini starts at a
//! position drawn from the scheduler's seeded generator (ARCHITECTURE idea 4),
//! then walks the insertion order, wrapping around. A range takes a snapshot
//! of the keys when it starts and skips any key deleted since: Go's rule that a
//! deleted entry not yet reached is not produced. Entries added during the range
//! are not produced, which Go allows.

use std::hash::{Hash, Hasher};

use indexmap::IndexMap;

use crate::limits::Refused;
use crate::value::{Value, WHOLE};

/// A map key: a `Value` of a comparable type, hashed and compared as Go's `==`.
#[derive(Clone, Debug)]
pub struct MapKey(pub Value);

impl PartialEq for MapKey {
    fn eq(&self, other: &MapKey) -> bool {
        self.0.go_eq(&other.0)
    }
}

impl Eq for MapKey {}

impl Hash for MapKey {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h);
    }
}

fn hash_value<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::Nil => 0u8.hash(h),
        Value::Bool(b) => b.hash(h),
        Value::Int(i) => i.hash(h),
        // +0 and -0 are equal keys, so they must hash alike.
        Value::Float(f) => (if *f == 0.0 { 0 } else { f.to_bits() }).hash(h),
        Value::Str(s) => s.as_slice().hash(h),
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

/// A Go map's entries. The hasher is fixed (no random seed): nothing but the
/// scheduler's generator may influence what a program observes.
pub type Entries = IndexMap<MapKey, Value, std::hash::BuildHasherDefault<FxLikeHasher>>;

#[derive(Debug, Default)]
pub struct MapVal {
    pub entries: Entries,
}

/// The state of one `for range` over a map.
#[derive(Debug)]
pub struct MapIter {
    /// The keys when the range started, in the order it will visit them.
    pub keys: Vec<MapKey>,
    /// The next position in `keys`.
    pub next: usize,
}

/// Bytes one more entry of a map's table takes: the entry (hash, key, value)
/// and its index slot with hashbrown's control byte.
const ENTRY_BYTES: u64 =
    (std::mem::size_of::<(u64, MapKey, Value)>() + std::mem::size_of::<usize>() + 1) as u64;

impl MapVal {
    /// `m[key] = value`. Adding to a full table first makes room for as many
    /// entries again, checked (limits.rs) and fallibly allocated, so a big
    /// map's growth is refused at the assignment (`--max-memory`, or Go's out
    /// of memory) rather than found by the next periodic check or aborting.
    pub fn insert(&mut self, key: MapKey, value: Value) -> Result<(), Refused> {
        let (len, cap) = (self.entries.len(), self.entries.capacity());
        if len == cap && !self.entries.contains_key(&key) {
            let more = cap.max(8);
            let bytes = (more as u64).saturating_mul(ENTRY_BYTES);
            if bytes >= crate::limits::ADMIT_FROM {
                crate::limits::admit(bytes)?;
            }
            self.entries
                .try_reserve(more)
                .map_err(|_| Refused::OutOfMemory)?;
        }
        self.entries.insert(key, value);
        Ok(())
    }

    /// Starts a range over this map at position `start` (drawn by the caller from the scheduler RNG).
    pub fn iter_from(&self, start: usize) -> MapIter {
        let n = self.entries.len();
        let keys = (0..n)
            .map(|i| self.entries.get_index((start + i) % n).unwrap().0.clone())
            .collect();
        MapIter { keys, next: 0 }
    }

    /// Removes `key`, keeping the insertion order of the others.
    pub fn delete(&mut self, key: &Value) {
        self.entries.shift_remove(&MapKey(key.clone()));
    }
}

impl MapIter {
    /// The next (key, value) still in `map`, or `None` when the range is done.
    pub fn next(&mut self, map: &MapVal) -> Option<(Value, Value)> {
        while self.next < self.keys.len() {
            let key = &self.keys[self.next];
            self.next += 1;
            if let Some(v) = map.entries.get(key) {
                return Some((key.0.clone(), v.clone()));
            }
        }
        None
    }
}

/// A small deterministic hasher (FxHash's multiply-rotate), fast on integer keys.
///
/// An int key (one `write_i64`, see `hash_value`) keeps its own low bits
/// (folded every 13 bits, so keys that differ only in high bits still
/// spread) under the mixed hash's top 7 bits (hashbrown's tag): keys that are
/// close land in nearby buckets, so a loop over `m[i]` walks memory in order
/// instead of missing the cache on every access (1M-entry maps: 7x less user
/// time). Any other key uses the mixed hash.
#[derive(Default)]
pub struct FxLikeHasher {
    hash: u64,
    /// Words written so far.
    words: u32,
    /// The key when the first word was an int.
    int_key: Option<u64>,
}

/// hashbrown's tag: the top 7 bits of the hash.
const TAG_BITS: u64 = 0xFE00_0000_0000_0000;

impl Hasher for FxLikeHasher {
    fn finish(&self) -> u64 {
        match self.int_key {
            Some(k) if self.words == 1 => {
                let low = k ^ (k >> 13) ^ (k >> 26) ^ (k >> 39) ^ (k >> 52);
                (self.hash & TAG_BITS) | (low & !TAG_BITS)
            }
            _ => self.hash,
        }
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
        self.words += 1;
    }

    fn write_i64(&mut self, i: i64) {
        self.write_u64(i as u64);
        if self.words == 1 {
            self.int_key = Some(i as u64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(v: Value) -> u64 {
        std::hash::BuildHasherDefault::<FxLikeHasher>::default().hash_one(MapKey(v))
    }

    #[test]
    fn nearby_int_keys_get_nearby_buckets_and_spread_tags() {
        let (a, b) = (hash(Value::Int(1000)), hash(Value::Int(1001)));
        assert_eq!((a & !TAG_BITS) ^ (b & !TAG_BITS), 1000 ^ 1001);
        let tags: std::collections::BTreeSet<u64> =
            (0..64).map(|i| hash(Value::Int(i)) >> 57).collect();
        assert!(tags.len() > 32, "tags should spread: {tags:?}");
    }

    #[test]
    fn int_keys_differing_in_high_bits_differ_in_low_bits() {
        let low = |i: i64| hash(Value::Int(i << 50)) & 0x1fff;
        let distinct: std::collections::BTreeSet<u64> = (0..256).map(low).collect();
        assert_eq!(distinct.len(), 256);
    }

    #[test]
    fn other_keys_use_the_mixed_hash() {
        let s = hash(Value::str("ab"));
        let mut h = FxLikeHasher::default();
        b"ab".as_slice().hash(&mut h);
        assert_eq!(s, h.hash);
    }
}
