//! Part-time minimums, remembered per thread.
//!
//! At the reference hours the minimum depends on the coefficient alone and the
//! evaluator computes it once. Other hours need the salary formula (a decimal
//! division and a rounding; in a trace, formulas written out with their
//! values), yet a payroll has few distinct hours: the result, and the steps
//! showing it, are remembered for the exact numbers given, per thread so that
//! the evaluator stays shareable without locks.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_decimal::Decimal;

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

type Minimum = Result<Option<Decimal>, String>;

struct Remembered {
    minimum: Minimum,
    /// Kept once a trace has asked for them.
    steps: Option<Vec<Step>>,
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
    remember(key, minimum.clone(), None);
    minimum
}

/// The minimum for `key` and its steps, given to `replay` in order; `compute`
/// gives both the first time a trace asks on this thread.
pub(super) fn shown(
    key: Key,
    compute: impl FnOnce() -> (Minimum, Vec<Step>),
    mut replay: impl FnMut(&Step),
) -> Minimum {
    let known = REMEMBERED.with(|m| {
        let m = m.borrow();
        let remembered = m.get(&key)?;
        remembered.steps.as_ref()?.iter().for_each(&mut replay);
        Some(remembered.minimum.clone())
    });
    if let Some(known) = known {
        return known;
    }
    let (minimum, steps) = compute();
    steps.iter().for_each(&mut replay);
    remember(key, minimum.clone(), Some(steps));
    minimum
}

fn remember(key: Key, minimum: Minimum, steps: Option<Vec<Step>>) {
    REMEMBERED.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(key, Remembered { minimum, steps });
    });
}
