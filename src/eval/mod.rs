//! Step three: deciding. The interpreter of a checked rule set.
//!
//! An [`Evaluator`] holds a rule set and the evaluation date. [`Evaluator::decide`]
//! turns one employee's facts into a [`Decision`], or a [`Rejection`] when the
//! facts cannot be decided under these rules. [`Evaluator::decide_traced`] runs the
//! same code and keeps every step, for explanations.
//!
//! The order of a decision: the job, the experience band, each floor of the
//! classification (job grid, diploma, previous coefficient, mission claims), the
//! highest floor, its level and category, the status, the minimum salary; then the
//! trial of the latest move and the next automatic step.
//!
//! Where each part lives: building an evaluator and its per-coefficient tables
//! in `tables`; names given in the facts in `resolve`; the floors and the
//! entitlement in `floors`; the minimum salary in `minimum`; the trial in
//! `trial`, the next step in `next`; the decision itself here.

mod clock_step;
mod criteria;
mod decision;
internal! { mod expr; }
internal! { mod facts; }
mod floors;
internal! { mod functions; }
mod grid;
mod known;
mod lookup;
mod minimum;
mod next;
mod part_time;
mod position;
mod resolve;
mod same_rules;
mod tables;
mod time;
pub mod trace;
mod trial;
mod warning;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use decision::{
    money, Claim, ClaimKind, ClockMark, Decision, Minimum, MinimumFrom, NextStep, Trial,
    TrialStatus,
};
use grid::Grid;
use resolve::Names;
use tables::status_rule;
use trace::{Gloss, NoTrace, Recorder, Step, StepKind, Tracer};
pub use warning::{duration_words, TrialCut, Warning};

use crate::calendar;
use crate::facts::{Record, Rejection};
use crate::model::*;

/// The diploma a record that names none is read as (the contract's `none`).
pub(crate) const NO_DIPLOMA: &str = "none";

/// Decides employees under one rule set, on one evaluation date.
pub struct Evaluator<'r> {
    rules: &'r RuleSet,
    as_of: NaiveDate,
    reference_hours: Result<Option<Decimal>, String>,
    maximum_hours: Result<Option<Decimal>, String>,
    /// Each grid coefficient's full-time minimum on the evaluation date, computed
    /// once by the same formulas (index: coefficient − the grid's lowest).
    /// This and the other tables by coefficient are shared by the evaluators
    /// of other days under the same rules ([`Evaluator::on_day_of_same_rules`]).
    full_time_minimums: Arc<[Option<Result<Decimal, String>>]>,
    /// The level of each grid coefficient (same index).
    level_by_coefficient: Arc<[Option<LevelId>]>,
    /// The status rule that applies to each grid coefficient (same index).
    status_by_coefficient: Arc<[Option<usize>]>,
    /// The transitional rule of each grid coefficient, if it has one (same index).
    transitional_by_coefficient: Arc<[Option<usize>]>,
    /// Each grid coefficient's minimum salary at the reference hours (same index).
    reference_minimums: Arc<[Option<ReferenceMinimum<'r>>]>,
    /// The values each grid coefficient's minimum reads beyond the day they
    /// are known to hold, as warnings (same index; empty almost always).
    beyond_known: Arc<[Vec<Warning<'r>>]>,
    /// Whether any entry of `beyond_known` has a warning: one test per decision.
    any_beyond_known: bool,
    /// Whether the tables hold text written with the evaluation date (an
    /// error or a warning naming it): they are then not shared with other days.
    day_in_tables: bool,
    lowest_coefficient: u32,
    /// The job floor of every cell, when the rules have a job floor.
    grid: Option<Arc<Grid>>,
    diplomas: Arc<Names<DiplomaId>>,
    /// The diploma a record without one is read as (`none`), found once:
    /// most records give no diploma.
    no_diploma: Option<DiplomaId>,
    jobs: Arc<Names<JobId>>,
    /// The minimums of the part-time hours met, with their steps for traces.
    part_time: part_time::PartTime<'r>,
    /// Which floors the rules list, for the entitlement of other bands and days.
    floors: FloorsListed,
    /// A minimum formula reads the decision's declared facts or clocks: the
    /// minimums are computed per decision (issue #22; decided at load).
    per_record_minimum: bool,
    /// The clock tests of the grids that can raise a decision on a later day
    /// (issue #22): empty, the next step looks at experience alone.
    clock_triggers: Arc<[clock_step::ClockTrigger]>,
    /// Job names the rules do not know, and why (see [`Evaluator::job`]).
    unknown_jobs: Mutex<UnknownJobs>,
}

type UnknownJobs = HashMap<String, crate::facts::Reason>;

#[derive(Debug, Clone, Copy, Default)]
struct FloorsListed {
    diploma: bool,
    previous: bool,
    mission: bool,
    criteria: bool,
}

/// The floors of named grids are in [`OtherFloors::grid`] (issue #22).
use position::GridFloors;

/// A coefficient's minimum salary at the reference hours, and the steps showing
/// it: the same for every employee at these hours, and the costliest part of a
/// trace to build (formulas written out with their values).
struct ReferenceMinimum<'r> {
    minimum: Result<Option<Minimum>, String>,
    /// The steps showing it, made when a trace first asks: a grid may span
    /// thousands of coefficients, and most runs trace none of them.
    steps: OnceLock<Vec<Step<'r>>>,
}

/// Steps of a decision without missions or moves, a few more: the trace is
/// allocated once.
const TYPICAL_STEPS: usize = 24;

/// Where warnings go: kept for the decision, or never built when a value is
/// only computed for comparison (the next step, a trial's category).
pub(crate) struct Notes<'a, 'r>(Option<&'a mut Vec<Warning<'r>>>);

impl<'a, 'r> Notes<'a, 'r> {
    fn keep(into: &'a mut Vec<Warning<'r>>) -> Self {
        Notes(Some(into))
    }

    fn discard() -> Self {
        Notes(None)
    }

    fn push(&mut self, make: impl FnOnce() -> Warning<'r>) {
        if let Some(kept) = &mut self.0 {
            kept.push(make());
        }
    }
}

/// The floors other than the job grid: they do not depend on the band.
#[derive(Debug, Clone, Copy, Default)]
struct OtherFloors {
    diploma: Option<u32>,
    previous: Option<u32>,
    claim: Option<u32>,
    /// What the floors were computed from, for the trace.
    diploma_given: Option<DiplomaId>,
    previous_given: Option<u32>,
    claims: usize,
    /// The floors of named grids: none for a rule set without grids.
    grid: GridFloors,
    /// `plancher critères`: the coefficient of the employee's degrees, and their total.
    criteria: Option<(u32, u32)>,
    /// The highest of the grid and criteria floors, kept as they are set so
    /// that weighing the floors costs rule sets without them one comparison.
    named: Option<u32>,
}

impl<'r> Evaluator<'r> {
    pub fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Decides one employee.
    pub fn decide<'a>(&'a self, record: &'a Record) -> Result<Decision<'r, 'a>, Rejection> {
        self.decide_with(record, &mut NoTrace)
    }

    /// Decides one employee and keeps the steps, in `decision.trace`.
    pub fn decide_traced<'a>(&'a self, record: &'a Record) -> Result<Decision<'r, 'a>, Rejection> {
        let mut recorder = Recorder::with_capacity(TYPICAL_STEPS);
        let mut decision = self.decide_with(record, &mut recorder)?;
        decision.trace = Some(recorder.steps);
        Ok(decision)
    }

    fn decide_with<'a, T: Tracer<'a>>(
        &'a self,
        record: &'a Record,
        t: &mut T,
    ) -> Result<Decision<'r, 'a>, Rejection> {
        let rules = self.rules;
        let reject = |field: Option<&str>, reason: crate::facts::Reason| {
            Rejection::new(record.position, Some(&record.id), field, reason)
        };
        let mut kept = Vec::new();
        let mut warnings = Notes::keep(&mut kept);
        // The declared facts and clocks, for a rule set that declares facts (issue #22).
        let declared =
            (!rules.facts.is_empty()).then(|| facts::DecisionFacts::new(rules, record, self.as_of));
        let declared = declared.as_ref();
        if let Some((fact, reason)) = declared.and_then(facts::DecisionFacts::required_missing) {
            return Err(reject(Some(&fact.field), reason));
        }
        // A rule that needed a fact the record lacks names it; else `reason`.
        let needed = |reason: String| match declared.and_then(facts::DecisionFacts::missing) {
            Some((fact, why)) => reject(Some(&fact.field), why),
            None => reject(None, crate::facts::Reason::Other(reason)),
        };

        let job = self
            .job_or_reason(&record.job)
            .map_err(|reason| reject(Some("job"), reason))?;
        t.step(|| Step {
            kind: StepKind::Job {
                given: &record.job,
                job: &rules.jobs[job].id,
                name: &rules.jobs[job].name,
            },
            rule: Some(rules.place(rules.jobs[job].origin.span)),
            source: rules.jobs[job].origin.source.as_deref(),
            gloss: Gloss::of(&[&rules.jobs[job].origin]),
        });
        if record.job_since > self.as_of {
            return Err(reject(
                Some("job_since"),
                crate::facts::Reason::AfterAsOf {
                    job_since: record.job_since,
                    as_of: self.as_of,
                },
            ));
        }
        let hours = self
            .hours(record)
            .map_err(|reason| reject(Some("hours"), *reason))?;
        let band = self.experience(record, job, t);
        let diploma_given = match record.diploma.as_deref() {
            None => self.no_diploma,
            Some(given) => self.diploma_index(given),
        };
        let mut others = OtherFloors {
            diploma: self
                .diploma_floor(record, diploma_given)
                .map_err(|reason| reject(Some("diploma"), reason))?,
            previous: self
                .previous_floor(record)
                .map_err(|reason| reject(Some("previous_sector_coefficient"), reason))?,
            claim: None,
            diploma_given,
            previous_given: record.previous_sector_coefficient,
            claims: 0,
            criteria: None,
            grid: GridFloors::default(),
            named: None,
        };
        // Checked once per decision: a rule set without grids skips it.
        if !rules.grids.is_empty() {
            others.grid =
                self.grid_floors(record, hours, declared)
                    .map_err(|(field, reason)| {
                        // A test on a fact the record lacks names the fact and the rule.
                        match declared.and_then(facts::DecisionFacts::missing) {
                            Some((fact, why)) => reject(Some(&fact.field), why),
                            None => reject(Some(field.as_str()).filter(|f| !f.is_empty()), reason),
                        }
                    })?;
            others.named = others.grid.highest();
        }
        self.with_criteria(record, &mut others, &mut warnings, t)
            .map_err(|fault| reject(Some(&fault.0), fault.1))?;
        if let (Some(given), Some(read_as)) = (others.previous_given, others.previous) {
            // Brought up to the grid as `hors grille` says, but never in silence.
            if given < self.lowest_coefficient {
                warnings.push(|| Warning::PreviousBelowGrid { given, read_as });
            }
        }
        let missions = time::Missions::resolve(self, record)
            .map_err(|(field, reason)| reject(Some(&field), reason))?;
        let claims = missions
            .claims(self, self.as_of, &mut warnings, t)
            .map_err(|reason| reject(Some("missions"), crate::facts::Reason::Other(reason)))?;
        others.claim = claims.iter().filter_map(|c| c.coefficient).max();
        others.claims = claims.len();

        let coefficient = self
            .entitlement(job, band, &others, &mut warnings, t)
            .ok_or_else(|| reject(None, self.no_floor_reason(job)))?;
        let (coefficient, expiry) = self.transitional(record, job, coefficient, self.as_of, t);
        let (level_id, level) = self
            .level(coefficient)
            .ok_or_else(|| reject(None, crate::facts::Reason::NoLevel { coefficient }))?;
        let category = &rules.categories[level.category];
        let place = self.grid_place(coefficient);
        t.step(|| Step {
            kind: StepKind::Level {
                coefficient,
                level: level.number,
                category: &category.id,
                place,
            },
            rule: Some(rules.place(level.origin.span)),
            source: level
                .origin
                .source
                .as_deref()
                .or(category.origin.source.as_deref()),
            gloss: Gloss::of(&[&level.origin, &category.origin]),
        });
        let status = self.status(coefficient, level_id, t);
        let minimum = self
            .minimum_salary(
                coefficient,
                level,
                (hours, record.hours.is_some()),
                declared,
                t,
            )
            .map_err(needed)?;
        let (minimum_salary, layered) = match &minimum {
            Some(m) => (Some(m.owed), m.layered.then_some(m)),
            None => (None, None),
        };
        if let Some(m) = &minimum {
            if m.law.is_none() && rules.legal_minimum.is_some() {
                warnings.push(|| Warning::LawNotKnown { on: self.as_of });
            } else if m.from == MinimumFrom::Law {
                warnings.push(|| Warning::BelowLegalMinimum {
                    agreement: m.side,
                    law: m.owed,
                });
            }
        }
        if self.any_beyond_known {
            let stale = self.by_coefficient(&self.beyond_known, coefficient);
            for w in stale.into_iter().flatten() {
                warnings.push(|| w.clone());
            }
        }

        let trial = trial::trial(self, record, (job, &others), &missions, &mut warnings, t)
            .map_err(|(field, reason)| reject(Some(&field), reason))?;
        let next_step = self.next_step(
            record,
            (job, band),
            (coefficient, expiry),
            (&others, hours),
            t,
        );

        let salary_shortfall = match (minimum_salary, record.salary) {
            (Some(min), Some(salary)) if expr::compare(min, salary).is_gt() => Some(min - salary),
            _ => None,
        };
        let coefficient_gap = record
            .coefficient
            .filter(|applied| *applied < coefficient)
            .map(|applied| coefficient - applied);
        let _ = warnings; // the warnings are all in `kept` now
        if let Some(declared) = declared {
            t.record(|t| declared.steps(t));
        }
        for w in &kept {
            t.step(|| Step {
                kind: StepKind::Warning { warning: w.clone() },
                rule: None,
                source: None,
                gloss: Gloss::NONE,
            });
        }
        Ok(Decision {
            id: &record.id,
            job: &rules.jobs[job].id,
            band: &rules.scales[rules.jobs[job].scale].bands[band].id,
            coefficient,
            coefficient_given: Some(coefficient).filter(|_| place.is_none_or(|p| p.coefficients)),
            level: level.number,
            category: &category.id,
            place,
            status,
            minimum_salary,
            minimum_agreement: layered.and_then(|m| m.side),
            minimum_law: layered.and_then(|m| m.law),
            minimum_from: layered.map(|m| m.from),
            salary_shortfall,
            coefficient_gap,
            claims,
            trial,
            next_step,
            warnings: kept,
            trace: None,
        })
    }

    /// The hours of the record, checked; the reason boxed (a small return on the hot path).
    fn hours(&self, record: &Record) -> Result<Option<Decimal>, Box<crate::facts::Reason>> {
        use crate::facts::Reason;
        let formula = |e: &String| Box::new(Reason::Other(e.clone()));
        let reference = self.reference_hours.as_ref().map_err(formula)?;
        let Some(hours) = record.hours else {
            return Ok(*reference);
        };
        let maximum = self.maximum_hours.as_ref().map_err(formula)?;
        if hours.is_zero() || hours.is_sign_negative() {
            return Err(Box::new(Reason::HoursNotPositive { hours }));
        }
        if let Some(max) = *maximum {
            if expr::compare(hours, max).is_gt() {
                return Err(Box::new(Reason::HoursAboveMaximum {
                    hours,
                    maximum: max,
                }));
            }
        }
        Ok(Some(hours))
    }

    /// The band the completed months in the job fall in.
    fn experience<'a, T: Tracer<'a>>(&'a self, record: &Record, job: JobId, t: &mut T) -> usize {
        let completed = calendar::completed_months(record.job_since, self.as_of);
        let months = completed.saturating_add(record.prior_job_months);
        let scale = &self.rules.scales[self.rules.jobs[job].scale];
        let band = scale.band_for(months);
        t.step(|| Step {
            kind: StepKind::Experience {
                since: record.job_since,
                until: self.as_of,
                completed_months: completed,
                prior_months: record.prior_job_months,
                months,
                band: &scale.bands[band].id,
            },
            rule: Some(self.rules.place(scale.bands[band].origin.span)),
            source: scale.bands[band]
                .origin
                .source
                .as_deref()
                .or(scale.origin.source.as_deref()),
            gloss: Gloss::of(&[&scale.bands[band].origin, &scale.origin]),
        });
        band
    }

    /// The level holding a coefficient (an `Option`: a small return on the hot path).
    fn level(&self, coefficient: u32) -> Option<(LevelId, &'r Level)> {
        let known = self
            .by_coefficient(&self.level_by_coefficient, coefficient)
            .copied()
            .flatten();
        known.map(|id| (id, &self.rules.levels[id]))
    }

    fn status<'a, T: Tracer<'a>>(&'a self, coefficient: u32, level: LevelId, t: &mut T) -> &'r str {
        let rules = self.rules;
        let rule = match self.by_coefficient(&self.status_by_coefficient, coefficient) {
            Some(rule) => *rule,
            None => status_rule(rules, coefficient, level),
        };
        // The checker guarantees a catch-all rule.
        let Some(rule) = rule.map(|r| &rules.status_rules[r]) else {
            return "";
        };
        t.step(|| Step {
            kind: StepKind::Status {
                status: &rule.status,
            },
            rule: Some(rules.place(rule.origin.span)),
            source: rule.origin.source.as_deref(),
            gloss: Gloss::of(&[&rule.origin]),
        });
        &rule.status
    }

    /// The entry of a table indexed by grid coefficient; `None` off the grid.
    fn by_coefficient<'t, V>(&self, table: &'t [V], coefficient: u32) -> Option<&'t V> {
        let index = coefficient.checked_sub(self.lowest_coefficient)?;
        table.get(usize::try_from(index).ok()?)
    }
}
