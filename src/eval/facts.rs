//! Declared facts and clocks in a decision (issue #22, design §3–§4): the
//! values a formula or a test reads from the record's slots, the clocks
//! (`âge`, `ancienneté dans l'entreprise`, `années révolues depuis F`)
//! computed once per decision when first asked, and the trace steps saying
//! which were read. Rule sets that declare no fact never reach this file.

use std::cell::Cell;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::trace::{Gloss, Step, StepKind, Tracer};
use crate::calendar;
use crate::facts::{Reason, Record};
use crate::model::*;
use crate::span::Span;

/// The declared facts of one decision: the record's slots, the evaluation
/// day, and what was read (for the trace) or missing (for the rejection).
pub struct DecisionFacts<'d> {
    pub rules: &'d RuleSet,
    pub record: &'d Record,
    pub day: NaiveDate,
    /// One per fact, and one more for the job clock (the last).
    slots: Box<[Slot]>,
    /// The first fact a rule needed and the record did not give, with the rule.
    missing: Cell<Option<(FactId, Span)>>,
}

#[derive(Default)]
struct Slot {
    read: Cell<bool>,
    /// The clock's completed months, once computed.
    months: Cell<Option<u32>>,
    /// The unit the clock was first compared in, for the trace.
    shown_in: Cell<Option<TimeUnit>>,
}

impl<'d> DecisionFacts<'d> {
    pub fn new(rules: &'d RuleSet, record: &'d Record, day: NaiveDate) -> Self {
        DecisionFacts {
            rules,
            record,
            day,
            slots: (0..=rules.facts.len()).map(|_| Slot::default()).collect(),
            missing: Cell::new(None),
        }
    }

    /// A fact's value (given, else its default), noted as read; `None`:
    /// neither, and the rule at `at` is noted as needing it.
    pub fn value(&self, id: FactId, at: Span) -> Option<&'d FactValue> {
        self.slots[id].read.set(true);
        let value = self.given(id).or(self.rules.facts[id].default.as_ref());
        if value.is_none() && self.missing.get().is_none() {
            self.missing.set(Some((id, at)));
        }
        value
    }

    /// The error a formula gives for a fact it needs and the record lacks.
    fn needed(&self, id: FactId) -> String {
        format!("the fact `{}` is not given", self.rules.facts[id].name)
    }

    /// A number or amount fact, in a formula.
    pub fn number(&self, id: FactId, at: Span) -> Result<Decimal, String> {
        match self.value(id, at) {
            Some(FactValue::Number(n)) => Ok(*n),
            _ => Err(self.needed(id)),
        }
    }

    /// Whether a test on facts or time holds.
    pub fn holds(&self, test: &FactTest, at: Span) -> Result<bool, String> {
        match &test.kind {
            FactTestKind::Flag(id) => match self.value(*id, at) {
                Some(FactValue::Bool(b)) => Ok(*b),
                _ => Err(self.needed(*id)),
            },
            FactTestKind::Is(id, wanted) => match (self.value(*id, at), wanted) {
                (Some(FactValue::Choice(c)), IsValue::Choice(w)) => Ok(c == w),
                (Some(FactValue::Text(t)), IsValue::Text(w)) => {
                    Ok(crate::names::normalize(t) == crate::names::normalize(w))
                }
                _ => Err(self.needed(*id)),
            },
            FactTestKind::Dates(l, op, r) => {
                let (l, r) = (self.date(*l, at)?, self.date(*r, at)?);
                Ok(compares(l.cmp(&r), *op))
            }
            FactTestKind::Clock(c) => {
                let count = self.count(c.clock, c.than.unit, at)?;
                Ok(compares(count.cmp(&c.than.count), c.op))
            }
        }
    }

    fn date(&self, side: DateSide, at: Span) -> Result<NaiveDate, String> {
        match side {
            DateSide::Today => Ok(self.day),
            DateSide::Literal(d) => Ok(d),
            DateSide::Fact(id) => self.date_fact(id, at),
        }
    }

    fn date_fact(&self, id: FactId, at: Span) -> Result<NaiveDate, String> {
        match self.value(id, at) {
            Some(FactValue::Date(d)) => Ok(*d),
            _ => Err(self.needed(id)),
        }
    }

    /// Where a clock counts from, and the slot that keeps it.
    fn start(&self, clock: Clock, at: Span) -> Result<(NaiveDate, usize), String> {
        match clock.fact() {
            Some(id) => Ok((self.date_fact(id, at)?, id)),
            None => Ok((self.record.job_since, self.rules.facts.len())),
        }
    }

    /// Where a clock counts from (the fact given, else its default), without
    /// noting it as read: for the day the clock next turns (`clock_step`).
    pub fn clock_start(&self, clock: Clock) -> Option<NaiveDate> {
        match clock.fact() {
            Some(id) => match self.slot_value(id) {
                Some(FactValue::Date(d)) => Some(*d),
                _ => None,
            },
            None => Some(self.record.job_since),
        }
    }

    /// A clock's completed units (years, months, weeks, days) on the day.
    pub fn count(&self, clock: Clock, unit: TimeUnit, at: Span) -> Result<u32, String> {
        let (since, slot) = self.start(clock, at)?;
        let slot = &self.slots[slot];
        if slot.shown_in.get().is_none() {
            slot.shown_in.set(Some(unit));
        }
        let months = || {
            if let Some(m) = slot.months.get() {
                return m;
            }
            let mut m = calendar::completed_months(since, self.day);
            if clock == Clock::Job {
                m = m.saturating_add(self.record.prior_job_months);
            }
            slot.months.set(Some(m));
            m
        };
        let days = || u32::try_from((self.day - since).num_days()).unwrap_or(0);
        Ok(match unit {
            TimeUnit::Years => months() / 12,
            TimeUnit::Months => months(),
            TimeUnit::Weeks => days() / 7,
            TimeUnit::Days => days(),
        })
    }

    /// A fact the record must give (`requis`) and does not: the rejection's reason.
    pub fn required_missing(&self) -> Option<(&'d Fact, Reason)> {
        let rules = self.rules;
        rules.facts.iter().enumerate().find_map(|(id, fact)| {
            (fact.required && self.given(id).is_none()).then(|| {
                let rule = rules.place(fact.origin.span).to_string();
                let reason = Reason::FactNeeded {
                    fact: fact.name.clone(),
                    rule,
                };
                (fact, reason)
            })
        })
    }

    /// The fact a rule needed and the record did not give, as the rejection says it.
    pub fn missing(&self) -> Option<(&'d Fact, Reason)> {
        let (id, at) = self.missing.get()?;
        let fact = &self.rules.facts[id];
        let reason = Reason::FactNeeded {
            fact: fact.name.clone(),
            rule: self.rules.place(at).to_string(),
        };
        Some((fact, reason))
    }

    /// The steps of the facts and clocks the decision read, in slot order.
    pub fn steps<'a, T: Tracer<'a>>(&self, t: &mut T)
    where
        'd: 'a,
    {
        let rules = self.rules;
        for (id, fact) in rules.facts.iter().enumerate() {
            if !self.slots[id].read.get() {
                continue;
            }
            let given = self.given(id);
            let Some(value) = given.or(fact.default.as_ref()) else {
                continue;
            };
            t.step(|| Step {
                kind: StepKind::Fact {
                    name: &fact.name,
                    field: &fact.field,
                    value: fact_text(fact, value).into(),
                    default: given.is_none(),
                },
                rule: (!fact.implicit).then(|| rules.place(fact.origin.span)),
                source: fact.origin.source.as_deref(),
                gloss: Gloss::of(&[&fact.origin]),
            });
        }
        for (slot_index, slot) in self.slots.iter().enumerate() {
            let (Some(unit), Some(months)) = (slot.shown_in.get(), slot.months.get()) else {
                continue;
            };
            let job = slot_index == rules.facts.len();
            let (clock, since) = if job {
                ("job", self.record.job_since)
            } else {
                let Some(FactValue::Date(since)) = self.slot_value(slot_index) else {
                    continue;
                };
                (clock_name(rules, slot_index), *since)
            };
            let completed = match unit {
                TimeUnit::Years => months / 12,
                TimeUnit::Months => months,
                TimeUnit::Weeks | TimeUnit::Days => {
                    let days = u32::try_from((self.day - since).num_days()).unwrap_or(0);
                    if unit == TimeUnit::Weeks {
                        days / 7
                    } else {
                        days
                    }
                }
            };
            t.step(|| Step {
                kind: StepKind::Clock {
                    clock,
                    since,
                    until: self.day,
                    completed,
                    unit: unit_name(unit),
                },
                rule: None,
                source: None,
                gloss: Gloss::NONE,
            });
        }
    }

    fn slot_value(&self, id: FactId) -> Option<&'d FactValue> {
        self.given(id)
            .or(self.rules.facts.get(id)?.default.as_ref())
    }

    /// The value the record gives a fact, found by its field.
    fn given(&self, id: FactId) -> Option<&'d FactValue> {
        let declared = self.record.declared()?;
        declared.get(&self.rules.facts[id].field)
    }
}

/// A clock's name in the trace: `age` and `company` for the standard fields,
/// else the fact's name.
fn clock_name(rules: &RuleSet, id: FactId) -> &str {
    match rules.facts[id].field.as_str() {
        "born_on" => "age",
        "hired_on" => "company",
        _ => &rules.facts[id].name,
    }
}

/// The unit a clock is counted in, as the trace names it.
pub fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Years => "years",
        TimeUnit::Months => "months",
        TimeUnit::Weeks => "weeks",
        TimeUnit::Days => "days",
    }
}

/// A fact's value as the trace writes it: a date ISO, `true`/`false`, a choice's id.
pub fn fact_text(fact: &Fact, value: &FactValue) -> String {
    match value {
        FactValue::Date(d) => d.to_string(),
        FactValue::Bool(b) => b.to_string(),
        FactValue::Choice(c) => fact.choice(*c).to_string(),
        FactValue::Text(t) => t.to_string(),
        FactValue::Number(n) => n.to_string(),
    }
}

fn compares(order: std::cmp::Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Ge => order.is_ge(),
        CompareOp::Le => order.is_le(),
        CompareOp::Gt => order.is_gt(),
        CompareOp::Lt => order.is_lt(),
        CompareOp::Eq => order.is_eq(),
        CompareOp::Ne => order.is_ne(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Completed years as the clocks count them: on the birthday, not the day
    /// before; a 29 February birth is a year older on 28 February of a
    /// non-leap year (design reading 6: the month's end when the day is missing).
    #[test]
    fn completed_years_turn_on_the_birthday() {
        let years = |born: &str, on: &str| calendar::completed_months(day(born), day(on)) / 12;
        // 1999-03-02 to 2025-03-01: 25 years and 11 months (the day before the 26th birthday).
        assert_eq!(years("1999-03-02", "2025-03-01"), 25);
        // 2025-03-02: the 26th birthday, 26 completed years.
        assert_eq!(years("1999-03-02", "2025-03-02"), 26);
        // Born 2000-02-29: 2001-02-27 is still 0; 2001-02-28 is 1 (no 29 in 2001).
        assert_eq!(years("2000-02-29", "2001-02-27"), 0);
        assert_eq!(years("2000-02-29", "2001-02-28"), 1);
        // In a leap year, the 29th itself: 2004-02-28 is 3, 2004-02-29 is 4.
        assert_eq!(years("2000-02-29", "2004-02-28"), 3);
        assert_eq!(years("2000-02-29", "2004-02-29"), 4);
    }
}
