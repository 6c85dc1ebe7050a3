//! What a comparison asks of an evaluator besides decisions: the status and
//! the minimum at a coefficient, by the decision's own code.

use rust_decimal::Decimal;

use super::trace::NoTrace;
use super::Evaluator;
use crate::facts::Record;

impl<'r> Evaluator<'r> {
    /// The minimum owed at `coefficient` for the record's hours, by the same
    /// formulas as a decision: what a comparison shows as the "before" of an
    /// employee the rules reject, from the coefficient the facts say is applied.
    pub fn minimum_at(&self, coefficient: u32, record: &Record) -> Option<Decimal> {
        let hours = self.hours(record).ok()?;
        let (_, level) = self.level(coefficient).ok()?;
        let given = (hours, record.hours.is_some());
        let facts = super::facts::DecisionFacts::new(self.rules, record, self.as_of);
        let facts = Some(&facts).filter(|_| !self.rules.facts.is_empty());
        let minimum = self.minimum_salary(coefficient, level, given, facts, &mut NoTrace);
        minimum.ok().flatten().map(|m| m.owed)
    }

    /// The status a coefficient of the grid gives, `None` off the grid: what a
    /// comparison ranks statuses by (the lowest coefficient giving each).
    pub fn status_at(&self, coefficient: u32) -> Option<&'r str> {
        let (id, _) = self.level(coefficient).ok()?;
        Some(self.status(coefficient, id, &mut NoTrace))
    }
}
