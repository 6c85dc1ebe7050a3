//! The ids read so far, to reject a record reusing one. A million ids are
//! checked on one thread, in input order, while the other threads decide: the
//! ids are kept end to end in one buffer (no allocation each) and found by a
//! hash computed beforehand, on the thread that read the record.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::names::FastHasher;

#[derive(Default)]
pub(super) struct IdSet {
    /// Every id, end to end.
    text: String,
    /// Each id's end in `text` (its start is the previous end), and the next
    /// id with the same hash, if any.
    ids: Vec<(usize, Option<usize>)>,
    /// The first id with each hash.
    by_hash: HashMap<u64, usize, BuildHasherDefault<Prehashed>>,
}

/// An id's hash, as [`IdSet::insert`] takes it.
pub(super) fn hash(id: &str) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(id.as_bytes());
    hasher.finish()
}

impl IdSet {
    /// Adds `id` (whose [`hash`] is `hash`); false when it was there already.
    pub fn insert(&mut self, id: &str, hash: u64) -> bool {
        let new = self.ids.len();
        let mut last = None;
        let mut at = self.by_hash.get(&hash).copied();
        while let Some(i) = at {
            if self.id(i) == id {
                return false;
            }
            last = Some(i);
            at = self.ids[i].1;
        }
        self.text.push_str(id);
        self.ids.push((self.text.len(), None));
        match last {
            Some(i) => self.ids[i].1 = Some(new),
            None => {
                self.by_hash.insert(hash, new);
            }
        }
        true
    }

    fn id(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ids[p].0);
        self.text.get(start..self.ids[i].0).unwrap_or_default()
    }
}

/// The hasher of keys that are hashes already.
#[derive(Default)]
pub(super) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys come here; any other bytes are still taken into account.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_again_even_when_hashes_collide() {
        let mut ids = IdSet::default();
        assert!(ids.insert("a", hash("a")));
        assert!(ids.insert("bc", hash("bc")));
        assert!(!ids.insert("a", hash("a")));
        // Ids given the same hash on purpose: each is told apart by its text.
        for id in ["x", "yy", "", "zzz"] {
            assert!(ids.insert(id, 7), "{id}");
        }
        for id in ["x", "yy", "", "zzz"] {
            assert!(!ids.insert(id, 7), "{id}");
        }
        assert!(ids.insert("w", 7));
        assert!(!ids.insert("bc", hash("bc")));
        assert_eq!(ids.id(1), "bc");
    }
}
