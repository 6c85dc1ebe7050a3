//! Part-time minimums, remembered by the evaluator.
//!
//! At the reference hours the minimum depends on the coefficient alone and the
//! evaluator computes it once per grid coefficient. Other hours need the salary
//! formula (a decimal division and a rounding; in a trace, formulas written out
//! with their values), yet a payroll has few distinct hours: the minimum is
//! remembered for the exact numbers given, with the steps showing it made the
//! first time a trace asks (as for the reference hours).
//!
//! The table belongs to the evaluator, so that evaluators never see each
//! other's entries and threads deciding with one evaluator share what it has
//! computed. It takes no lock: a fixed table of slots, each filled once and
//! never replaced, so that a decision may borrow the steps it holds for as long
//! as the evaluator lives. A pair whose slots are all taken by other pairs is
//! computed afresh each time it comes (a payroll with thousands of distinct
//! hours × coefficients pays the formula, not a wrong answer).

use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::OnceLock;

use super::trace::Step;
use crate::names::FastHasher;

/// What the formula reads: the hours by their exact bits (the same number with
/// one more trailing zero is written out differently, and kept apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Key {
    pub coefficient: u32,
    pub hours: Option<[u8; 16]>,
}

pub(super) type Minimum = Result<Option<super::Minimum>, String>;

/// One (coefficient, hours) pair remembered.
pub(super) struct Remembered<'r> {
    key: Key,
    pub minimum: Minimum,
    /// The steps showing it, made when a trace first asks: most runs trace none.
    pub steps: OnceLock<Vec<Step<'r>>>,
}

/// Distinct (coefficient, hours) pairs kept at most, and the slots a pair may
/// try. A slot is a pointer (16 bytes with its state): the table costs 64 KiB
/// once an evaluator decides a part-time employee, each pair its own entry.
const SLOTS: usize = 4096;
const PROBES: usize = 8;

/// The part-time minimums an evaluator has computed.
#[derive(Default)]
pub(super) struct PartTime<'r> {
    /// Made when the first part-time employee comes: most evaluators of
    /// "why not" and of the examples decide a handful of employees.
    slots: OnceLock<Box<[OnceLock<Box<Remembered<'r>>>]>>,
}

impl<'r> PartTime<'r> {
    /// The pair `key`, its minimum computed by `compute` the first time;
    /// `None` when the slots `key` may take hold other pairs.
    #[inline]
    pub fn get(&self, key: Key, compute: impl Fn() -> Minimum) -> Option<&Remembered<'r>> {
        let slots = self
            .slots
            .get_or_init(|| (0..SLOTS).map(|_| OnceLock::new()).collect());
        let start = BuildHasherDefault::<FastHasher>::default().hash_one(key) as usize;
        for probe in 0..PROBES {
            let slot = &slots[(start + probe) % SLOTS];
            let kept = match slot.get() {
                Some(kept) => kept,
                // Another thread may fill the slot first, with another pair:
                // then the next slot is tried.
                None => slot.get_or_init(|| {
                    Box::new(Remembered {
                        key,
                        minimum: compute(),
                        steps: OnceLock::new(),
                    })
                }),
            };
            if kept.key == key {
                return Some(kept);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(coefficient: u32) -> Key {
        Key {
            coefficient,
            hours: None,
        }
    }

    fn minimum(coefficient: u32) -> Minimum {
        Ok(Some(
            crate::eval::Minimum::owed(Some(rust_decimal::Decimal::from(coefficient)), None, None)
                .unwrap(),
        ))
    }

    #[test]
    fn a_pair_is_computed_once() {
        let table = PartTime::default();
        let computed = std::cell::Cell::new(0);
        for _ in 0..3 {
            let kept = table.get(key(7), || {
                computed.set(computed.get() + 1);
                minimum(7)
            });
            assert_eq!(kept.map(|k| k.minimum.clone()), Some(minimum(7)));
        }
        assert_eq!(computed.get(), 1);
    }

    #[test]
    fn past_its_slots_a_pair_is_computed_again() {
        let table = PartTime::default();
        let pairs = 2 * SLOTS as u32;
        let kept = (0..pairs)
            .filter(|c| {
                let kept = table.get(key(*c), || minimum(*c));
                // What is lent is always the pair asked for.
                assert!(kept.is_none_or(|k| k.minimum == minimum(*c)));
                kept.is_some()
            })
            .count();
        assert!((SLOTS / 2..=SLOTS).contains(&kept), "{kept}");
    }

    #[test]
    fn threads_share_one_table() {
        let table = PartTime::default();
        let computed = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for c in 0..100 {
                        let kept = table.get(key(c), || {
                            computed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            minimum(c)
                        });
                        assert_eq!(kept.map(|k| k.minimum.clone()), Some(minimum(c)));
                    }
                });
            }
        });
        // Each pair computed once, whichever thread came first.
        assert_eq!(computed.into_inner(), 100);
    }
}
