//! A workforce decided under two rule sets: one [`Row`] per employee, added up
//! as it comes into an [`Impact`] (see [`super::aggregate`]), so that a file of
//! millions of records is compared in constant memory.

use std::ops::ControlFlow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

pub use super::aggregate::{Counts, Group, Impact, Mass, Mean, Shortfall};

use crate::eval::{money, Decision, Evaluator};
use crate::facts::{FactStream, Position, Record, Rejection};
use crate::RuleSet;

/// How one employee fares under the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A higher coefficient; at equal coefficient, a higher minimum salary.
    Up,
    Down,
    Same,
    /// Decided by the base only: the proposal rejects the record.
    OnlyBase,
    /// Decided by the proposal only: the base rejects the record.
    OnlyProposal,
    /// Rejected by both.
    Rejected,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Up,
        Kind::Down,
        Kind::Same,
        Kind::OnlyBase,
        Kind::OnlyProposal,
        Kind::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Up => "up",
            Kind::Down => "down",
            Kind::Same => "same",
            Kind::OnlyBase => "only-base",
            Kind::OnlyProposal => "only-proposal",
            Kind::Rejected => "rejected",
        }
    }

    pub(super) fn decided_both(self) -> bool {
        matches!(self, Kind::Up | Kind::Down | Kind::Same)
    }
}

/// One side's decision, the fields a comparison shows.
/// (`'r`: the names are the rule set's.)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side<'r> {
    pub job: &'r str,
    pub band: &'r str,
    pub coefficient: u32,
    pub level: u32,
    pub category: &'r str,
    pub status: &'r str,
    #[serde(serialize_with = "money_or_null")]
    pub minimum_salary: Option<Decimal>,
}

impl<'r> Side<'r> {
    fn of(d: &Decision<'r, '_>) -> Self {
        Side {
            job: d.job,
            band: d.band,
            coefficient: d.coefficient,
            level: d.level,
            category: d.category,
            status: d.status,
            minimum_salary: d.minimum_salary,
        }
    }
}

/// One employee under both rule sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row<'r> {
    /// Where the record stands in its file (`record 3`, `line 3`).
    #[serde(serialize_with = "crate::facts::position_text")]
    pub position: Position,
    pub id: Option<String>,
    /// The job under the proposal, else under the base.
    pub job: Option<&'r str>,
    pub change: Kind,
    pub before: Option<Side<'r>>,
    pub after: Option<Side<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient_change: Option<i64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub minimum_salary_change: Option<Decimal>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub salary: Option<Decimal>,
    /// Why a side rejected the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

fn money_or_null<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&money(*v)),
        None => s.serialize_none(),
    }
}

/// A rejection as a row says it: the field and the reason (the position is the row's).
fn reason(r: &Rejection) -> String {
    match &r.field {
        Some(field) => format!("{field}: {}", r.reason),
        None => r.reason.clone(),
    }
}

/// Decides records under the base and the proposal, on one date.
pub struct Comparer<'r> {
    base: Evaluator<'r>,
    proposal: Evaluator<'r>,
}

impl<'r> Comparer<'r> {
    pub fn new(base: &'r RuleSet, proposal: &'r RuleSet, as_of: NaiveDate) -> Self {
        Comparer {
            base: Evaluator::new(base, as_of),
            proposal: Evaluator::new(proposal, as_of),
        }
    }

    /// One record under both rule sets; a record that could not be read is
    /// rejected by both, with the same reason.
    pub fn compare(&self, record: &Result<Record, Rejection>) -> Row<'r> {
        match record {
            Ok(record) => self.compare_read(record),
            Err(rejection) => Self::unread(rejection),
        }
    }

    fn compare_read(&self, record: &Record) -> Row<'r> {
        let side = |evaluator: &Evaluator<'r>| evaluator.decide(record).map(|d| Side::of(&d));
        let (before, after) = (side(&self.base), side(&self.proposal));
        let id = Some(record.id.clone());
        Self::row(record.position, id, record.salary, before, after)
    }

    fn unread(rejection: &Rejection) -> Row<'r> {
        let (id, both) = (rejection.id.clone(), Err(rejection.clone()));
        Self::row(rejection.position, id, None, both.clone(), both)
    }

    fn row(
        position: Position,
        id: Option<String>,
        salary: Option<Decimal>,
        before: Result<Side<'r>, Rejection>,
        after: Result<Side<'r>, Rejection>,
    ) -> Row<'r> {
        let (change, reason) = match (&before, &after) {
            (Ok(b), Ok(a)) => (direction(b, a), None),
            (Ok(_), Err(r)) => (Kind::OnlyBase, Some(reason(r))),
            (Err(r), Ok(_)) => (Kind::OnlyProposal, Some(reason(r))),
            (Err(rb), Err(ra)) if reason(rb) == reason(ra) => (Kind::Rejected, Some(reason(rb))),
            (Err(rb), Err(ra)) => (
                Kind::Rejected,
                Some(format!(
                    "base : {} | proposition : {}",
                    reason(rb),
                    reason(ra)
                )),
            ),
        };
        let (before, after) = (before.ok(), after.ok());
        let (coefficient_change, minimum_salary_change) = match (&before, &after) {
            (Some(b), Some(a)) => (
                Some(i64::from(a.coefficient) - i64::from(b.coefficient)),
                a.minimum_salary.zip(b.minimum_salary).map(|(x, y)| x - y),
            ),
            _ => (None, None),
        };
        Row {
            position,
            id,
            job: after.as_ref().or(before.as_ref()).map(|s| s.job),
            change,
            before,
            after,
            coefficient_change,
            minimum_salary_change,
            salary,
            reason,
        }
    }

    /// Compares every record, handing each row to `each` (to write it out) before
    /// adding it up; keeps the `top` largest changes.
    pub fn run<E>(
        &self,
        records: impl Iterator<Item = Result<Record, Rejection>>,
        top: usize,
        mut each: impl FnMut(&Row<'r>) -> Result<(), E>,
    ) -> Result<Impact<'r>, E> {
        let mut impact = Impact::new(top);
        for record in records {
            let row = self.compare(&record);
            each(&row)?;
            impact.add(&row);
        }
        Ok(impact)
    }

    /// [`Comparer::run`] over a stream of facts, the records decided on up to
    /// `threads` threads; the rows come to `each` in input order all the same.
    pub fn run_parallel<E: Send>(
        &self,
        records: &mut FactStream,
        threads: usize,
        top: usize,
        mut each: impl FnMut(&Row<'r>) -> Result<(), E> + Send,
    ) -> Result<Impact<'r>, E> {
        let mut impact = Impact::new(top);
        let compare = |record: &Record, _: &mut Vec<u8>| Ok(self.compare_read(record));
        let stopped = records.map_parallel(threads, compare, |result| {
            let row = match result {
                Ok((row, _)) => row,
                Err(rejection) => Self::unread(&rejection),
            };
            if let Err(e) = each(&row) {
                return ControlFlow::Break(e);
            }
            impact.add(&row);
            ControlFlow::Continue(())
        });
        match stopped {
            Some(e) => Err(e),
            None => Ok(impact),
        }
    }
}

/// The coefficient decides; at equal coefficient, the minimum salary.
fn direction(before: &Side, after: &Side) -> Kind {
    let by_salary = match (before.minimum_salary, after.minimum_salary) {
        (Some(b), Some(a)) => a.cmp(&b),
        _ => std::cmp::Ordering::Equal,
    };
    match after.coefficient.cmp(&before.coefficient).then(by_salary) {
        std::cmp::Ordering::Greater => Kind::Up,
        std::cmp::Ordering::Less => Kind::Down,
        std::cmp::Ordering::Equal => Kind::Same,
    }
}
