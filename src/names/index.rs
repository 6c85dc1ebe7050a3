//! Exact lookup of a name among the few a rule set declares, for the names every
//! employee's facts carry (a job, a diploma).
//!
//! A general hash map hashes every byte, then calls `memcmp`: for a 3-byte
//! diploma or a 20-byte job title that is most of a decision's cost of naming.
//! Here a name is first told apart by its length and its first and last eight
//! bytes, read as two words: that compares whole names up to 16 bytes, and only
//! longer ones compare their middle bytes as well.

/// Names to values, looked up by exact bytes.
#[derive(Debug, Clone)]
pub struct NameIndex<V> {
    /// Open addressing, a power of two at least twice the entries, so that a
    /// probe ends soon on an empty slot. A slot holds its name's key, so that
    /// a probe reads one place.
    slots: Vec<Slot>,
    entries: Vec<(Box<str>, V)>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: Key,
    /// The entry's index; [`EMPTY`] for an empty slot.
    entry: u32,
}

const EMPTY: u32 = u32::MAX;

const EMPTY_SLOT: Slot = Slot {
    key: Key {
        len: 0,
        head: 0,
        tail: 0,
    },
    entry: EMPTY,
};

/// A name's length and its first and last eight bytes (fewer for a short
/// name: both words are then the whole name, zero-padded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    #[inline]
    fn of(name: &[u8]) -> Key {
        let len = name.len();
        let (head, tail) = if len >= 8 {
            (
                u64::from_le_bytes(first_eight(name)),
                u64::from_le_bytes(last_eight(name)),
            )
        } else {
            let word = short_word(name);
            (word, word)
        };
        Key { len, head, tail }
    }

    /// The slot to start probing at, for a table of `mask + 1` slots.
    #[inline]
    fn slot(&self, mask: usize) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> 40) as usize & mask
    }
}

#[inline]
fn first_eight(name: &[u8]) -> [u8; 8] {
    eight_at(name, 0)
}

#[inline]
fn last_eight(name: &[u8]) -> [u8; 8] {
    eight_at(name, name.len() - 8)
}

#[inline]
fn eight_at(name: &[u8], at: usize) -> [u8; 8] {
    let mut word = [0; 8];
    word.copy_from_slice(&name[at..at + 8]);
    word
}

/// Whether two names of the same length over 16 bytes, whose first and last
/// eight bytes are the same, are the same: a word at a time, not a call to
/// `memcmp` (job titles are mostly 16 to 32 bytes).
#[inline]
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let mut at = 8;
    while at + 8 < a.len() {
        if eight_at(a, at) != eight_at(b, at) {
            return false;
        }
        at += 8;
    }
    true
}

/// The bytes of a name shorter than 8, zero-padded, without a loop: two
/// overlapping loads of 4 (or three single bytes) cover every length.
#[inline]
fn short_word(name: &[u8]) -> u64 {
    let len = name.len();
    match len {
        0 => 0,
        1..=3 => {
            let middle = len / 2;
            u64::from(name[0])
                | u64::from(name[middle]) << (8 * middle)
                | u64::from(name[len - 1]) << (8 * (len - 1))
        }
        _ => {
            let low = u32::from_le_bytes([name[0], name[1], name[2], name[3]]);
            let high =
                u32::from_le_bytes([name[len - 4], name[len - 3], name[len - 2], name[len - 1]]);
            u64::from(low) | u64::from(high) << (8 * (len - 4))
        }
    }
}

impl<V> Default for NameIndex<V> {
    fn default() -> Self {
        NameIndex {
            slots: vec![EMPTY_SLOT; 1],
            entries: Vec::new(),
        }
    }
}

impl<V> NameIndex<V> {
    /// The value of `name`; the first value given for a name is kept.
    pub fn new(names: impl IntoIterator<Item = (impl Into<Box<str>>, V)>) -> Self {
        let mut index = NameIndex::default();
        index.extend(names);
        index
    }

    /// Adds names not already there.
    pub fn extend(&mut self, names: impl IntoIterator<Item = (impl Into<Box<str>>, V)>) {
        for (name, value) in names {
            self.insert(name.into(), value);
        }
    }

    fn insert(&mut self, name: Box<str>, value: V) {
        if self.get(&name).is_some() {
            return;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.entries.push((name, value));
        self.place(self.entries.len() - 1);
    }

    fn grow(&mut self) {
        self.slots = vec![EMPTY_SLOT; self.slots.len() * 2];
        for entry in 0..self.entries.len() {
            self.place(entry);
        }
    }

    /// Puts an entry in the first free slot from its key's.
    fn place(&mut self, entry: usize) {
        let key = Key::of(self.entries[entry].0.as_bytes());
        let mask = self.slots.len() - 1;
        let mut slot = key.slot(mask);
        while self.slots[slot].entry != EMPTY {
            slot = (slot + 1) & mask;
        }
        // Fewer than u32::MAX names: an index always fits.
        self.slots[slot] = Slot {
            key,
            entry: entry as u32,
        };
    }

    // Always inlined: the probe is a few instructions, and LLVM's choice to
    // inline it into the job and diploma lookups of every decision flipped with
    // unrelated changes elsewhere (+1.6 M instructions on 50,000 decisions).
    #[inline(always)]
    pub fn get(&self, name: &str) -> Option<&V> {
        let bytes = name.as_bytes();
        let key = Key::of(bytes);
        let mask = self.slots.len() - 1;
        let mut slot = key.slot(mask);
        loop {
            let Slot { key: found, entry } = self.slots[slot];
            if entry == EMPTY {
                return None;
            }
            if found == key {
                let (name, value) = &self.entries[entry as usize];
                if key.len <= 16 || same_middle(name.as_bytes(), bytes) {
                    return Some(value);
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_name_and_no_other() {
        let names: Vec<String> = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "bac",
            "bac+2",
            "bac+3",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain((0..300).map(|i| format!("Un métier au nom assez long numéro {i}")))
        .collect();
        let index = NameIndex::new(names.iter().enumerate().map(|(i, n)| (n.as_str(), i)));
        assert_eq!(index.len(), names.len());
        for (i, name) in names.iter().enumerate() {
            assert_eq!(index.get(name), Some(&i), "{name:?}");
        }
        for other in [
            "abcdefghijklmnoq",
            "bac+4",
            "bac\0",
            "\0bac",
            "Un métier au nom assez long numéro 300",
            "Un métier au nom assez lonG numéro 1",
            "Un métier au nom assez long numéro 1 ",
            "abcdefgh\0",
        ] {
            assert_eq!(index.get(other), None, "{other:?}");
        }
    }

    #[test]
    fn short_names_differ_in_every_byte() {
        // Every byte position of every short length reaches the key.
        for len in 1..8 {
            let base = vec![b'x'; len];
            let index = NameIndex::new([(std::str::from_utf8(&base).unwrap(), ())]);
            for at in 0..len {
                let mut other = base.clone();
                other[at] = b'y';
                assert!(index.get(std::str::from_utf8(&other).unwrap()).is_none());
            }
        }
    }

    #[test]
    fn the_first_value_of_a_name_is_kept() {
        let index = NameIndex::new([("bac", 1), ("bac", 2)]);
        assert_eq!(index.get("bac"), Some(&1));
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        assert_eq!(NameIndex::<u8>::default().get("x"), None);
    }
}
