//! Part-time minimums, remembered.
//!
//! At the reference hours the minimum depends on the coefficient alone and the
//! evaluator computes it once. Other hours need the salary formula (a decimal
//! division and a rounding; in a trace, formulas written out with their
//! values), yet a payroll has few distinct hours: the result is remembered for
//! the exact numbers given, per thread so that the evaluator stays shareable
//! without locks.
//!
//! The steps showing it are kept elsewhere, by the evaluator ([`Shown`]): a
//! traced decision borrows its steps, and a per-thread cache can lend nothing
//! that outlives the call reading it, nor hold the rule set's names. Keeping
//! owned texts per thread and copying them into each decision would cost an
//! allocation per text (a formula written out, a parameter's value), four or so
//! per part-time employee (on the sample workforce, a fifth of it part time:
//! 2 % more instructions per traced decision, and as many frees later); kept
//! by the evaluator and never replaced, the steps are lent as they are.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use super::trace::Step;
use crate::names::FastHasher;

/// What the formula reads: the hours by their exact bits (the same number with
/// one more trailing zero is written out differently, and kept apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Key {
    pub evaluator: u64,
    pub coefficient: u32,
    pub hours: Option<[u8; 16]>,
}

pub(super) type Minimum = Result<Option<super::Minimum>, String>;

struct Remembered {
    minimum: Minimum,
}

/// Distinct (coefficient, hours) pairs kept at most; past it the cache starts over.
const CAPACITY: usize = 4096;

thread_local! {
    static REMEMBERED: RefCell<HashMap<Key, Remembered, BuildHasherDefault<FastHasher>>> =
        RefCell::new(HashMap::default());
}

/// A number no other evaluator of this process has.
pub(super) fn evaluator_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The minimum for `key`, computed by `compute` the first time on this thread.
pub(super) fn minimum(key: Key, compute: impl FnOnce() -> Minimum) -> Minimum {
    let known = REMEMBERED.with(|m| m.borrow().get(&key).map(|r| r.minimum.clone()));
    if let Some(known) = known {
        return known;
    }
    let minimum = compute();
    remember(key, minimum.clone());
    minimum
}

fn remember(key: Key, minimum: Minimum) {
    REMEMBERED.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(key, Remembered { minimum });
    });
}

/// Part-time minimums with the steps showing them, for traces, kept as long as
/// the evaluator: a slot once filled is never replaced, so a decision may
/// borrow its steps.
#[derive(Default)]
pub(super) struct Shown<'r> {
    /// Made when a trace first needs them: most runs trace nothing.
    slots: OnceLock<Box<[OnceLock<ShownMinimum<'r>>]>>,
}

pub(super) struct ShownMinimum<'r> {
    key: Key,
    pub minimum: Minimum,
    pub steps: Vec<Step<'r>>,
}

/// Distinct (coefficient, hours) pairs kept at most, and the slots a pair may
/// try: past them, a trace computes its steps again.
const SHOWN_SLOTS: usize = 1024;
const PROBES: usize = 8;

impl<'r> Shown<'r> {
    /// The minimum for `key` and its steps, computed by `compute` the first
    /// time; `None` when the slots `key` may take hold other pairs.
    pub fn get(
        &self,
        key: Key,
        compute: impl FnOnce() -> (Minimum, Vec<Step<'r>>),
    ) -> Option<&ShownMinimum<'r>> {
        let slots = self
            .slots
            .get_or_init(|| (0..SHOWN_SLOTS).map(|_| OnceLock::new()).collect());
        let start = BuildHasherDefault::<FastHasher>::default().hash_one(key) as usize;
        let slot = (0..PROBES)
            .map(|probe| &slots[(start + probe) % SHOWN_SLOTS])
            .find(|slot| slot.get().is_none_or(|kept| kept.key == key))?;
        // Another thread may fill the slot first, with another pair.
        let kept = slot.get_or_init(|| {
            let (minimum, steps) = compute();
            ShownMinimum {
                key,
                minimum,
                steps,
            }
        });
        (kept.key == key).then_some(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(coefficient: u32) -> Key {
        Key {
            evaluator: 0,
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
        let shown = Shown::default();
        let mut computed = 0;
        for _ in 0..3 {
            let kept = shown.get(key(7), || {
                computed += 1;
                (minimum(7), Vec::new())
            });
            assert_eq!(kept.map(|k| k.minimum.clone()), Some(minimum(7)));
        }
        assert_eq!(computed, 1);
    }

    #[test]
    fn past_its_slots_a_pair_is_computed_again() {
        let shown = Shown::default();
        let pairs = 2 * SHOWN_SLOTS as u32;
        let kept = (0..pairs)
            .filter(|c| {
                let kept = shown.get(key(*c), || (minimum(*c), Vec::new()));
                // What is lent is always the pair asked for.
                assert!(kept.is_none_or(|k| k.minimum == minimum(*c)));
                kept.is_some()
            })
            .count();
        assert!((SHOWN_SLOTS / 2..=SHOWN_SLOTS).contains(&kept), "{kept}");
    }
}
