//! The minima of two rule sets in euros, coefficient by coefficient, on one
//! day: what a negotiator compares first, rather than two formulas.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::eval::{Evaluator, MinimumFrom};
use crate::model::{Coefficients, RuleSet};

/// The full-time minimum owed at each coefficient, before and after.
#[derive(Debug, Clone, Serialize)]
pub struct Minima {
    pub as_of: NaiveDate,
    pub rows: Vec<MinimumRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinimumRow {
    pub coefficient: u32,
    #[serde(serialize_with = "crate::diff::impact::money_or_null")]
    pub before: Option<Decimal>,
    #[serde(serialize_with = "crate::diff::impact::money_or_null")]
    pub after: Option<Decimal>,
    /// Whether the SMIC is what is owed, on each side.
    pub before_law: bool,
    pub after_law: bool,
}

impl MinimumRow {
    pub fn change(&self) -> Option<Decimal> {
        Some(self.after? - self.before?)
    }
}

/// The coefficients either side names: those of its levels (the ends of a
/// range) and of its jobs' cells.
fn named(rules: &RuleSet, out: &mut BTreeSet<u32>) {
    for level in &rules.levels {
        match &level.coefficients {
            Coefficients::Range(low, high) => out.extend([*low, *high]),
            Coefficients::List(list) => out.extend(list.iter().copied()),
        }
    }
    let cells = rules.jobs.iter().flat_map(|j| &j.cells);
    out.extend(cells.filter_map(|c| c.coefficient));
}

pub fn on(a: &RuleSet, b: &RuleSet, as_of: NaiveDate) -> Minima {
    let mut coefficients = BTreeSet::new();
    named(a, &mut coefficients);
    named(b, &mut coefficients);
    let (ea, eb) = (Evaluator::new(a, as_of), Evaluator::new(b, as_of));
    let minimum = |e: &Evaluator, c: u32| {
        e.reference_minimum(c)
            .map(|m| (m.owed, m.from == MinimumFrom::Law))
    };
    let rows = coefficients
        .into_iter()
        .map(|c| {
            let (before, after) = (minimum(&ea, c), minimum(&eb, c));
            MinimumRow {
                coefficient: c,
                before: before.map(|m| m.0),
                after: after.map(|m| m.0),
                before_law: before.is_some_and(|m| m.1),
                after_law: after.is_some_and(|m| m.1),
            }
        })
        .filter(|r| r.before.is_some() || r.after.is_some())
        .collect();
    Minima { as_of, rows }
}

/// The rows of the table people read: coefficient, before, after, change.
pub fn table_rows(m: &Minima) -> Vec<Vec<String>> {
    let shown = |v: Option<Decimal>, law: bool| match v {
        Some(v) if law => format!("{} (SMIC)", super::text::money(v)),
        Some(v) => super::text::money(v),
        None => "—".to_string(),
    };
    m.rows
        .iter()
        .map(|r| {
            vec![
                r.coefficient.to_string(),
                shown(r.before, r.before_law),
                shown(r.after, r.after_law),
                r.change()
                    .map(super::text::signed_money)
                    .unwrap_or_else(|| "—".to_string()),
            ]
        })
        .collect()
}

pub const HEADERS: [&str; 4] = ["coefficient", "avant", "après", "écart/mois"];
