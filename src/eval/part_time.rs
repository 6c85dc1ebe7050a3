//! Part-time minimums, remembered per thread.
//!
//! At the reference hours the minimum depends on the coefficient alone and the
//! evaluator computes it once. Other hours need the salary formula (a decimal
//! division and a rounding), yet a payroll has few distinct hours: the result
//! is remembered for the exact numbers given, per thread so that the evaluator
//! stays shareable without locks.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_decimal::Decimal;

use crate::names::FastHasher;

/// What the formula reads: the hours by their exact bits (151.670 is written
/// out differently from 151.67, and kept apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Key {
    pub evaluator: u64,
    pub coefficient: u32,
    pub hours: Option<[u8; 16]>,
}

type Minimum = Result<Option<Decimal>, String>;

/// Distinct (coefficient, hours) pairs kept at most; past it the cache starts over.
const CAPACITY: usize = 4096;

thread_local! {
    static REMEMBERED: RefCell<HashMap<Key, Minimum, BuildHasherDefault<FastHasher>>> =
        RefCell::new(HashMap::default());
}

/// A number no other evaluator of this process has.
pub(super) fn evaluator_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The minimum for `key`, computed by `compute` the first time on this thread.
pub(super) fn remembered(key: Key, compute: impl FnOnce() -> Minimum) -> Minimum {
    if let Some(known) = REMEMBERED.with(|m| m.borrow().get(&key).cloned()) {
        return known;
    }
    let minimum = compute();
    REMEMBERED.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(key, minimum.clone());
    });
    minimum
}
