//! The next step on a clock's threshold (issue #22): a position whose
//! coefficient is chosen by a clock (`coefficient 105 si âge < 26 ans, 115
//! sinon`) or a conditional floor on one (`plancher hcr I.2 si position hcr
//! I.1 et ancienneté dans l'entreprise ≥ 1 an`) raises the decision on the day
//! the clock reaches its threshold, without any other change of facts.
//!
//! The design: the day a clock test can change value is computed directly
//! from the clock's start (the birth date, the date of hire, the job clock):
//! a count of completed units changes only on the day it reaches a new
//! number, and a test `n` only turns when the count reaches `n` or `n + 1`.
//! On each such day after the evaluation date, in order, the grid floors are
//! decided again with the clocks of that day (the tests are any mix of `et`,
//! `ou`, `non` and positions: deciding them again is simpler and surer than
//! solving them), and the first day that raises the coefficient is the step.
//! The clock tests are found once per evaluator: a rule set without them
//! pays one emptiness test per decision.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::decision::{ClockMark, NextStep};
use super::facts::DecisionFacts;
use super::trace::{NoTrace, Tracer};
use super::{Evaluator, OtherFloors};
use crate::calendar;
use crate::facts::Record;
use crate::model::grid::PositionId;
use crate::model::*;

/// A clock test that can raise a decision, and where it is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct ClockTrigger {
    test: ClockTest,
    at: Written,
}

#[derive(Debug, Clone, Copy)]
enum Written {
    /// In the test choosing a position's coefficient.
    Position(PositionId),
    /// In a conditional floor's test (its index).
    Floor(usize),
}

/// The clock tests of the grids' positions and conditional floors.
pub(super) fn triggers(rules: &RuleSet) -> Vec<ClockTrigger> {
    let mut out = Vec::new();
    let grids = &rules.grids;
    for (p, position) in grids.positions.iter().enumerate() {
        if let Some((test, _)) = &position.otherwise {
            clock_tests(test, Written::Position(p), &mut out);
        }
    }
    for (i, floor) in grids.conditional_floors.iter().enumerate() {
        clock_tests(&floor.test, Written::Floor(i), &mut out);
    }
    out
}

fn clock_tests(test: &Test, at: Written, out: &mut Vec<ClockTrigger>) {
    match &test.kind {
        TestKind::Facts(fact_test) => {
            if let FactTestKind::Clock(test) = fact_test.kind {
                out.push(ClockTrigger { test, at });
            }
        }
        TestKind::Not(inner) => clock_tests(inner, at, out),
        TestKind::All(tests) | TestKind::Any(tests) => {
            tests.iter().for_each(|t| clock_tests(t, at, out))
        }
        TestKind::Compare(..) | TestKind::Position(..) => {}
    }
}

impl<'r> Evaluator<'r> {
    /// The first day after the evaluation date on which a clock raises the
    /// coefficient above `current`, with the rule whose test turns.
    pub(super) fn clock_rise(
        &self,
        record: &Record,
        job: JobId,
        current: u32,
        others: &OtherFloors,
        hours: Option<Decimal>,
    ) -> Option<(NextStep<'r>, usize)> {
        let rules = self.rules;
        // A fresh reader of the facts: the decision's own notes what it read, for its trace.
        let now = DecisionFacts::new(rules, record, self.as_of);
        let mut days: Vec<(NaiveDate, usize, u32)> = Vec::new();
        for (i, trigger) in self.clock_triggers.iter().enumerate() {
            let Some(since) = now.clock_start(trigger.test.clock) else {
                continue; // a clock without its start date never turns
            };
            let n = trigger.test.than.count;
            for reached in [Some(n), n.checked_add(1)].into_iter().flatten() {
                let prior = match trigger.test.clock {
                    Clock::Job => record.prior_job_months,
                    _ => 0,
                };
                let day = crossing(since, prior, trigger.test.than.unit, reached);
                if let Some(day) = day.filter(|d| *d > self.as_of) {
                    days.push((day, i, reached));
                }
            }
        }
        days.sort_unstable();
        days.dedup_by_key(|(day, ..)| *day);
        days.into_iter().find_map(|(day, i, reached)| {
            let (coefficient, band) = self.coefficient_on(record, job, others, hours, day)?;
            let test = self.clock_triggers[i].test;
            let clock = ClockMark {
                clock: test.clock,
                reached: Duration {
                    count: reached,
                    unit: test.than.unit,
                },
            };
            let scale = &rules.scales[rules.jobs[job].scale];
            (coefficient > current).then(|| {
                let place = self.grid_place_on(coefficient, day);
                let band = &scale.bands[band].id;
                let step = NextStep::new((day, band), coefficient, place, Some(clock));
                (step, i)
            })
        })
    }

    /// The coefficient decided on `day` with the clocks of that day, and the band held.
    fn coefficient_on(
        &self,
        record: &Record,
        job: JobId,
        others: &OtherFloors,
        hours: Option<Decimal>,
        day: NaiveDate,
    ) -> Option<(u32, usize)> {
        let facts = DecisionFacts::new(self.rules, record, day);
        let grid = self.grid_floors_on(record, hours, Some(&facts), day).ok()?;
        let later = OtherFloors {
            grid,
            named: grid.highest().max(others.criteria.map(|(c, _)| c)),
            ..*others
        };
        let scale = &self.rules.scales[self.rules.jobs[job].scale];
        let months = calendar::completed_months(record.job_since, day)
            .saturating_add(record.prior_job_months);
        let band = scale.band_for(months);
        let entitled = self.band_entitlement(job, band, &later)?;
        let (coefficient, _) = self.transitional(record, job, entitled, day, &mut NoTrace);
        Some((coefficient, band))
    }

    /// The trace step of a rise by a clock: it cites the position or the
    /// conditional floor whose test turns.
    pub(super) fn clock_step_trace<'a, T: Tracer<'a>>(
        &'a self,
        step: &NextStep<'r>,
        trigger: usize,
        t: &mut T,
    ) {
        let rules = self.rules;
        let origin = match self.clock_triggers[trigger].at {
            Written::Position(p) => &rules.grids.positions[p].origin,
            Written::Floor(i) => &rules.grids.conditional_floors[i].origin,
        };
        self.next_step_trace(step, origin, t);
    }
}

/// The first day on which a clock started on `since` counts `reached`
/// completed units, as [`DecisionFacts::count`] counts them: years and months
/// by calendar months (`prior`: the months the job clock adds before
/// `job_since`, none for the others), weeks and days by days.
fn crossing(since: NaiveDate, prior: u32, unit: TimeUnit, reached: u32) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Years => {
            calendar::add_months(since, reached.checked_mul(12)?.checked_sub(prior)?)
        }
        TimeUnit::Months => calendar::add_months(since, reached.checked_sub(prior)?),
        TimeUnit::Weeks => calendar::add_days(since, u64::from(reached) * 7),
        TimeUnit::Days => calendar::add_days(since, u64::from(reached)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// The crossing day is the first day the clocks count the units reached:
    /// the day before counts one less.
    #[test]
    fn crossing_is_the_first_day_the_count_is_reached() {
        let years = |since: &str, n| crossing(day(since), 0, TimeUnit::Years, n);
        // Hired 2024-06-03: one completed year on 2025-06-03, not on 2025-06-02.
        let on = years("2024-06-03", 1).unwrap();
        assert_eq!(on, day("2025-06-03"));
        assert_eq!(calendar::completed_months(day("2024-06-03"), on) / 12, 1);
        let before = on.pred_opt().unwrap();
        assert_eq!(
            calendar::completed_months(day("2024-06-03"), before) / 12,
            0
        );
        // Born 2000-02-29: 26 on 2026-02-28 (no 29 February in 2026).
        assert_eq!(years("2000-02-29", 26), Some(day("2026-02-28")));
        // The job clock counts the months before `job_since`.
        // (10 months before 2024-06-03: a year on 2024-08-03; 3 months already reached.)
        let job = crossing(day("2024-06-03"), 10, TimeUnit::Years, 1);
        assert_eq!(job, Some(day("2024-08-03")));
        assert_eq!(crossing(day("2024-06-03"), 10, TimeUnit::Months, 3), None);
    }
}
