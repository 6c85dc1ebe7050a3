//! Rises by experience alone: time-limited (transitional) coefficients giving
//! way to the next one of the grid, and the next automatic step, which is the
//! earliest of a band's rise and a time limit's expiry (issue 17, item 1: a
//! coefficient held for at most 24 months rises without any other change of facts).

use chrono::NaiveDate;

use super::decision::NextStep;
use super::trace::{Gloss, Step, StepKind, Tracer};
use super::{time, Evaluator, OtherFloors};
use crate::calendar;
use crate::facts::Record;
use crate::model::JobId;

/// A time limit still running on the day of a decision: on `on`, the
/// coefficient gives way to the next one, by the transitional rule `rule`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Expiry {
    pub on: NaiveDate,
    /// Small, so that the chain's answer is returned in registers.
    pub rule: u32,
}

impl<'r> Evaluator<'r> {
    /// The transitional rule limiting `coefficient` for `job`, if any: a rule
    /// an amendment set aside for its own jobs does not limit them.
    #[inline]
    fn time_limit(&self, job: JobId, coefficient: u32) -> Option<usize> {
        let rules = self.rules;
        let rule = match self.by_coefficient(&self.transitional_by_coefficient, coefficient) {
            Some(rule) => *rule,
            None => rules
                .transitional
                .iter()
                .position(|r| r.coefficient == coefficient),
        }?;
        // Sorted when checked: a probe, not a scan of the amendment's jobs.
        let exempt = rules.transitional[rule]
            .except_jobs
            .binary_search(&job)
            .is_ok();
        (!exempt).then_some(rule)
    }

    /// Moves past transitional coefficients held longer than their limit on
    /// `day`; also says when the limit of the coefficient reached, if it has
    /// one, runs out.
    ///
    /// Most coefficients have no limit: that answer is given here, inline, and
    /// only a limited coefficient pays for the call that follows its chain.
    #[inline]
    pub(super) fn transitional<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        job: JobId,
        coefficient: u32,
        day: NaiveDate,
        t: &mut T,
    ) -> (u32, Option<Expiry>) {
        if self.time_limit(job, coefficient).is_none() {
            return (coefficient, None);
        }
        self.transitional_chain(record, job, coefficient, day, t)
    }

    #[inline(never)]
    fn transitional_chain<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        job: JobId,
        mut coefficient: u32,
        day: NaiveDate,
        t: &mut T,
    ) -> (u32, Option<Expiry>) {
        let rules = self.rules;
        let transitional = |c: u32| self.time_limit(job, c);
        let mut since = self.first_given(record, job, coefficient);
        // Each step moves up the grid, so the chain is at most as long as the list.
        for _ in 0..rules.transitional.len() {
            let Some(index) = transitional(coefficient) else {
                break;
            };
            let rule = &rules.transitional[index];
            let start = rule.from.map_or(since, |from| from.max(since));
            let Ok(limit) = time::duration_at(self, rule.limit, day) else {
                break;
            };
            let Some(until) = calendar::add_duration(start, limit) else {
                break;
            };
            let Some(next) = rule.then.or_else(|| rules.next_coefficient(coefficient)) else {
                break;
            };
            if day < until {
                let expiry = Expiry {
                    on: until,
                    rule: u32::try_from(index).unwrap_or(u32::MAX),
                };
                return (coefficient, Some(expiry));
            }
            t.step(|| Step {
                kind: StepKind::Transitional {
                    coefficient,
                    since: start,
                    until,
                    next,
                },
                rule: Some(rules.place(rule.origin.span)),
                source: rule.origin.source.as_deref(),
                gloss: Gloss::of(&[&rule.origin]),
            });
            coefficient = next;
            since = until;
        }
        (coefficient, None)
    }

    /// The earliest date after the evaluation date on which time alone
    /// raises the coefficient: a later band whose value is higher, the
    /// expiry of the time limit on the coefficient held (`expiry`), or a
    /// clock of the grids reaching its threshold, whichever comes first (a
    /// band on the same day wins: it names the band reached; a clock on the
    /// same day as a band wins over it: its day is decided with both).
    #[inline(always)]
    pub(super) fn next_step<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        (job, band): (JobId, usize),
        (current, expiry): (u32, Option<Expiry>),
        (others, hours): (&OtherFloors, Option<rust_decimal::Decimal>),
        t: &mut T,
    ) -> Option<NextStep<'r>> {
        // Most rule sets have no clock in their grids: one test.
        if !self.clock_triggers.is_empty() {
            return self.next_step_with_clocks(
                record,
                (job, band),
                (current, expiry),
                (others, hours),
                t,
            );
        }
        self.step_by_experience(record, (job, band), (current, expiry), others, t)
    }

    /// The next step by experience (bands and time limits).
    #[inline(always)]
    fn step_by_experience<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        (job, band): (JobId, usize),
        (current, expiry): (u32, Option<Expiry>),
        others: &OtherFloors,
        t: &mut T,
    ) -> Option<NextStep<'r>> {
        // Most coefficients have no time limit running: the bands decide alone,
        // on the path tuned for every decision.
        match expiry {
            None => self.band_step(record, (job, band), current, others, t),
            Some(expiry) => self.limited_step(record, (job, band), current, others, expiry, t),
        }
    }

    /// The next step of a rule set whose grids have clock tests: the
    /// earlier of the clocks' and experience's, traced once.
    #[inline(never)]
    fn next_step_with_clocks<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        (job, band): (JobId, usize),
        (current, expiry): (u32, Option<Expiry>),
        (others, hours): (&OtherFloors, Option<rust_decimal::Decimal>),
        t: &mut T,
    ) -> Option<NextStep<'r>> {
        let by_clock = self.clock_rise(record, job, current, others, hours);
        let no_trace = &mut super::trace::NoTrace;
        let at = (current, expiry);
        let by_experience = self.step_by_experience(record, (job, band), at, others, no_trace);
        match by_clock {
            Some((step, trigger)) if by_experience.as_ref().is_none_or(|e| step.on <= e.on) => {
                self.clock_step_trace(&step, trigger, t);
                Some(step)
            }
            _ => self.step_by_experience(record, (job, band), at, others, t),
        }
    }

    /// The next step when the coefficient held has a time limit running.
    fn limited_step<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        (job, band): (JobId, usize),
        current: u32,
        others: &OtherFloors,
        expiry: Expiry,
        t: &mut T,
    ) -> Option<NextStep<'r>> {
        let by_band = self.band_rise(record, (job, band), current, others);
        if by_band.is_none_or(|(on, ..)| expiry.on < on) {
            let rules = self.rules;
            let rule = rules.transitional.get(expiry.rule as usize);
            let rise = || self.expiry_rise(record, job, current, others, expiry.on);
            if let Some((step, origin)) = rule.and_then(|r| Some((rise()?, &r.origin))) {
                self.next_step_trace(&step, origin, t);
                return Some(step);
            }
        }
        self.band_step(record, (job, band), current, others, t)
    }

    /// The trace step of a next step given by the rule declared at `origin`.
    pub(super) fn next_step_trace<'a, T: Tracer<'a>>(
        &'a self,
        step: &NextStep<'r>,
        origin: &'r crate::model::Origin,
        t: &mut T,
    ) {
        t.step(|| Step {
            kind: StepKind::NextStep {
                on: step.on,
                band: step.band,
                coefficient: step.coefficient,
            },
            rule: Some(self.rules.place(origin.span)),
            source: origin.source.as_deref(),
            gloss: Gloss::of(&[origin]),
        });
    }

    /// The first band rise, as a next step.
    fn band_step<'a, T: Tracer<'a>>(
        &'a self,
        record: &Record,
        (job, band): (JobId, usize),
        current: u32,
        others: &OtherFloors,
        t: &mut T,
    ) -> Option<NextStep<'r>> {
        let (on, b, coefficient) = self.band_rise(record, (job, band), current, others)?;
        let rules = self.rules;
        let scale = &rules.scales[rules.jobs[job].scale];
        let def = &scale.bands[b];
        t.step(|| Step {
            kind: StepKind::NextStep {
                on,
                band: &def.id,
                coefficient,
            },
            rule: Some(rules.place(def.origin.span)),
            source: def
                .origin
                .source
                .as_deref()
                .or(scale.origin.source.as_deref()),
            gloss: Gloss::of(&[&def.origin, &scale.origin]),
        });
        let place = self.grid_place_on(coefficient, on);
        Some(NextStep::new((on, &def.id), coefficient, place, None))
    }

    /// The first later band where the job's value raises the coefficient:
    /// its date, the band, and the coefficient decided that day.
    #[inline(always)]
    fn band_rise(
        &self,
        record: &Record,
        (job, band): (JobId, usize),
        current: u32,
        others: &OtherFloors,
    ) -> Option<(NaiveDate, usize, u32)> {
        let scale = &self.rules.scales[self.rules.jobs[job].scale];
        let others = self.listed_others(others);
        // The other floors are the same in every band: only a band whose job
        // value is above every earlier one's can be the first to raise.
        let raises = self
            .grid
            .as_ref()
            .map_or(&[][..], |g| g.raises_after(job, band));
        for &(later, value) in raises {
            let Some(reached) = scale.bands[later]
                .from_months
                .checked_sub(record.prior_job_months)
            else {
                continue;
            };
            let coefficient = others.map_or(value, |others| others.max(value));
            // Later bands reach later dates: a date beyond the calendar ends the search
            // whichever band it belongs to, so it is only worked out for a raise.
            if coefficient > current {
                let on = calendar::add_months(record.job_since, reached)?;
                // A time limit already run out on that day applies at once.
                if self.time_limit(job, coefficient).is_some() {
                    let no_trace = &mut super::trace::NoTrace;
                    let (raised, _) = self.transitional(record, job, coefficient, on, no_trace);
                    return Some((on, later, raised));
                }
                return Some((on, later, coefficient));
            }
        }
        None
    }

    /// The decision's coefficient on the day the time limit runs out, with the
    /// band held that day, when it is a rise.
    fn expiry_rise(
        &self,
        record: &Record,
        job: JobId,
        current: u32,
        others: &OtherFloors,
        on: NaiveDate,
    ) -> Option<NextStep<'r>> {
        let rules = self.rules;
        let scale = &rules.scales[rules.jobs[job].scale];
        let months = calendar::completed_months(record.job_since, on)
            .saturating_add(record.prior_job_months);
        let band = scale.band_for(months);
        let entitled = self.band_entitlement(job, band, others)?;
        let (coefficient, _) =
            self.transitional(record, job, entitled, on, &mut super::trace::NoTrace);
        (coefficient > current).then(|| {
            let place = self.grid_place_on(coefficient, on);
            NextStep::new((on, &scale.bands[band].id), coefficient, place, None)
        })
    }
}
