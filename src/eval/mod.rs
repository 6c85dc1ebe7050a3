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

mod decision;
pub mod expr;
mod grid;
mod known;
mod lookup;
mod next;
mod part_time;
mod same_rules;
mod time;
pub mod trace;
mod trial;
mod warning;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use decision::{money, Claim, Decision, Minimum, MinimumFrom, NextStep, Trial, TrialStatus};
use expr::{Formulas, Inputs};
use grid::{BlankNote, Grid, GridCell};
use trace::{FloorDetail, Gloss, NoTrace, Recorder, Step, StepKind, Tracer};
pub use warning::{duration_words, TrialCut, Warning};

use crate::calendar;
use crate::facts::{Record, Rejection};
use crate::model::*;
use crate::names::{closest, normalize, with_normalized, NameIndex};

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
    jobs: Arc<Names<JobId>>,
    /// The minimums of the part-time hours met, with their steps for traces.
    part_time: part_time::PartTime<'r>,
    /// Which floors the rules list, for the entitlement of other bands and days.
    floors: FloorsListed,
    /// Job names the rules do not know, and why (see [`Evaluator::job`]).
    unknown_jobs: Mutex<UnknownJobs>,
}

type UnknownJobs = HashMap<String, String>;

/// Unknown job names remembered at most (memory stays bounded on any input).
const UNKNOWN_JOBS_KEPT: usize = 10_000;

#[derive(Debug, Clone, Copy, Default)]
struct FloorsListed {
    diploma: bool,
    previous: bool,
    mission: bool,
}

impl FloorsListed {
    fn new(rules: &RuleSet) -> FloorsListed {
        let listed = |kind| rules.floors.iter().any(|f| f.kind == kind);
        FloorsListed {
            diploma: listed(FloorKind::Diploma),
            previous: listed(FloorKind::PreviousCoefficient),
            mission: listed(FloorKind::Mission),
        }
    }
}

/// A coefficient's minimum salary at the reference hours, and the steps showing
/// it: the same for every employee at these hours, and the costliest part of a
/// trace to build (formulas written out with their values).
struct ReferenceMinimum<'r> {
    minimum: Result<Option<Minimum>, String>,
    /// The steps showing it, made when a trace first asks: a grid may span
    /// thousands of coefficients, and most runs trace none of them.
    steps: OnceLock<Vec<Step<'r>>>,
}

/// Names given in the facts, resolved the way the rule set says: exactly,
/// else in normalised form ([`crate::names::normalize`]). Every employee names
/// a job and a diploma, so both lookups avoid a general hash map.
struct Names<Id> {
    /// The declared names, then the spellings payroll exports commonly give
    /// them ([`crate::names::spellings`]), each with the id the full lookup
    /// gives it: the common case is one exact lookup.
    exact: NameIndex<Id>,
    /// Only the normalised names that designate one id: an ambiguous one takes
    /// the slow path, which explains the ambiguity.
    normalized: NameIndex<Id>,
}

impl<Id: Copy> Names<Id> {
    /// `declared`: each name and its id, the first id of a name winning;
    /// `normalized`: each normalised name and the ids it designates.
    fn new<'n>(
        declared: impl Iterator<Item = (&'n str, Id)> + Clone,
        normalized: impl Iterator<Item = (&'n str, &'n [Id])>,
    ) -> Self
    where
        Id: 'n,
    {
        let mut names = Names {
            exact: NameIndex::new(declared.clone()),
            normalized: NameIndex::new(normalized.filter_map(|(name, ids)| match ids {
                [id] => Some((name, *id)),
                _ => None,
            })),
        };
        let spelled: Vec<(String, Id)> = declared
            .flat_map(|(name, _)| crate::names::spellings(name))
            .filter_map(|spelling| names.get(&spelling).map(|id| (spelling, id)))
            .collect();
        names.exact.extend(spelled);
        names
    }

    #[inline]
    fn get(&self, given: &str) -> Option<Id> {
        if let Some(exact) = self.exact.get(given) {
            return Some(*exact);
        }
        with_normalized(given, |name| self.normalized.get(name).copied())
    }
}

impl Names<DiplomaId> {
    /// The first diploma wins a name, as in [`RuleSet::diploma_index`].
    fn diplomas(rules: &RuleSet) -> Self {
        // Only the names that designate one diploma: the others take the slow
        // path, which says which diplomas they name.
        let one: Vec<(&str, DiplomaId)> = rules
            .diploma_names()
            .filter(|(name, i)| rules.diplomas_named(name) == [*i])
            .collect();
        let normalized: Vec<(String, [DiplomaId; 1])> = one
            .iter()
            .map(|(name, i)| (normalize(name), [*i]))
            .collect();
        let normalized = normalized.iter().map(|(name, id)| (name.as_str(), &id[..]));
        Names::new(one.iter().copied(), normalized)
    }
}

impl Names<JobId> {
    fn jobs(rules: &RuleSet) -> Self {
        let declared = rules
            .job_names_exact
            .iter()
            .map(|(name, job)| (name.as_str(), *job));
        let normalized = rules
            .job_names
            .iter()
            .map(|(name, jobs)| (name.as_str(), jobs.as_slice()));
        Names::new(declared, normalized)
    }
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
}

impl<'r> Evaluator<'r> {
    pub fn new(rules: &'r RuleSet, as_of: NaiveDate) -> Self {
        let grid = rules
            .floors
            .iter()
            .find(|f| f.kind == FloorKind::Job)
            .map(|floor| Arc::new(Grid::new(rules, floor.blank_cell)));
        let names = (
            Arc::new(Names::diplomas(rules)),
            Arc::new(Names::jobs(rules)),
        );
        Self::tabulated(rules, as_of, grid, names)
    }

    /// An evaluator of the same rules on another day, sharing with this one
    /// what does not depend on the day (the names, the job grid): a replay
    /// decides on many days, and building those each time would cost more
    /// than the decisions.
    pub fn on_day(&self, as_of: NaiveDate) -> Self {
        let names = (self.diplomas.clone(), self.jobs.clone());
        Self::tabulated(self.rules, as_of, self.grid.clone(), names)
    }

    fn tabulated(
        rules: &'r RuleSet,
        as_of: NaiveDate,
        grid: Option<Arc<Grid>>,
        (diplomas, jobs): (Arc<Names<DiplomaId>>, Arc<Names<JobId>>),
    ) -> Self {
        let formulas = Formulas { rules, day: as_of };
        let constant = |e: &Option<Expr>| match e {
            Some(e) => formulas.eval(e, &Inputs::default(), &mut NoTrace).map(Some),
            None => Ok(None),
        };
        let lowest_coefficient = rules
            .levels
            .iter()
            .map(|l| l.coefficients.lowest())
            .min()
            .unwrap_or(0);
        let full_time_minimums: Arc<[_]> =
            full_time_minimums(rules, &formulas, lowest_coefficient).into();
        let top = rules.top_coefficient().unwrap_or(0);
        let grid_coefficients = || lowest_coefficient..=top.max(lowest_coefficient);
        let level_by_coefficient: Vec<_> = grid_coefficients().map(|c| rules.level_of(c)).collect();
        let status_by_coefficient = grid_coefficients()
            .zip(&level_by_coefficient)
            .map(|(c, level)| status_rule(rules, c, (*level)?))
            .collect();
        let transitional_by_coefficient = grid_coefficients()
            .map(|c| rules.transitional.iter().position(|r| r.coefficient == c))
            .collect();
        let beyond_known =
            known::beyond_known_by_coefficient(rules, as_of, (lowest_coefficient, top));
        let mut evaluator = Evaluator {
            reference_hours: constant(&rules.reference_hours),
            maximum_hours: constant(&rules.maximum_hours),
            full_time_minimums,
            level_by_coefficient: level_by_coefficient.into(),
            status_by_coefficient,
            transitional_by_coefficient,
            reference_minimums: Arc::new([]),
            any_beyond_known: beyond_known.iter().any(|w| !w.is_empty()),
            beyond_known: beyond_known.into(),
            day_in_tables: false,
            lowest_coefficient,
            grid,
            diplomas,
            jobs,
            part_time: part_time::PartTime::default(),
            floors: FloorsListed::new(rules),
            unknown_jobs: Mutex::default(),
            rules,
            as_of,
        };
        // Most employees work the reference hours: their minimum depends on the
        // coefficient alone, so it is computed once, by the same formulas.
        if let Ok(Some(reference)) = evaluator.reference_hours.clone() {
            let minimums = (lowest_coefficient..=top.max(lowest_coefficient))
                .map(|c| {
                    let (_, level) = evaluator.level(c).ok()?;
                    let minimum =
                        evaluator.computed_minimum_salary(c, level, Some(reference), &mut NoTrace);
                    Some(ReferenceMinimum {
                        minimum,
                        steps: OnceLock::new(),
                    })
                })
                .collect();
            evaluator.reference_minimums = minimums;
        }
        evaluator.day_in_tables = evaluator.tables_name_their_day();
        evaluator
    }

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
        let reject = |field: Option<&str>, reason: String| {
            Rejection::new(record.position, Some(&record.id), field, reason)
        };
        let mut kept = Vec::new();
        let mut warnings = Notes::keep(&mut kept);

        let job = self
            .job(&record.job)
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
                format!(
                    "{} is after the evaluation date {}",
                    record.job_since, self.as_of
                ),
            ));
        }
        let hours = self
            .hours(record)
            .map_err(|reason| reject(Some("hours"), reason))?;
        let band = self.experience(record, job, t);
        let diploma_given = self.diploma_index(record.diploma.as_deref().unwrap_or("none"));
        let others = OtherFloors {
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
        };
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
            .map_err(|reason| reject(Some("missions"), reason))?;
        let others = OtherFloors {
            claim: claims.iter().filter_map(|c| c.coefficient).max(),
            claims: claims.len(),
            ..others
        };

        let coefficient = self
            .entitlement(job, band, &others, &mut warnings, t)
            .ok_or_else(|| reject(None, self.no_floor_reason(job)))?;
        let (coefficient, expiry) = self.transitional(record, job, coefficient, self.as_of, t);
        let (level_id, level) = self
            .level(coefficient)
            .map_err(|reason| reject(None, reason))?;
        let category = &rules.categories[level.category];
        t.step(|| Step {
            kind: StepKind::Level {
                coefficient,
                level: level.number,
                category: &category.id,
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
            .minimum_salary(coefficient, level, (hours, record.hours.is_some()), t)
            .map_err(|reason| reject(None, reason))?;
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
        let next_step = self.next_step(record, (job, band), (coefficient, expiry), &others, t);

        let salary_shortfall = match (minimum_salary, record.salary) {
            (Some(min), Some(salary)) if expr::compare(min, salary).is_gt() => Some(min - salary),
            _ => None,
        };
        let coefficient_gap = record
            .coefficient
            .filter(|applied| *applied < coefficient)
            .map(|applied| coefficient - applied);
        let _ = warnings; // the warnings are all in `kept` now
        for w in kept.iter().filter(|_| T::RECORDS) {
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
            level: level.number,
            category: &category.id,
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

    /// Resolves a job name given in the facts.
    pub fn job(&self, given: &str) -> Result<JobId, String> {
        if let Some(job) = self.jobs.get(given) {
            return Ok(job);
        }
        // Not found, or ambiguous: say which.
        let rules = self.rules;
        let found = with_normalized(given, |name| rules.job_names.get(name));
        match found.map(Vec::as_slice) {
            Some([job]) => Ok(*job),
            Some(several) if !several.is_empty() => {
                let names: Vec<String> = several
                    .iter()
                    .map(|j| format!("`{}`", rules.jobs[*j].id))
                    .collect();
                Err(format!(
                    "the name `{given}` is ambiguous: it names {}",
                    names.join(" and ")
                ))
            }
            _ => Err(self.unknown_job(given)),
        }
    }

    /// Why no job has this name, with the closest names. The search costs a
    /// hundred decisions and a workforce repeats its titles (in moves and
    /// missions too), so the answer is remembered by name.
    fn unknown_job(&self, given: &str) -> String {
        let remembered = |names: &UnknownJobs| names.get(given).cloned();
        if let Some(reason) = remembered(
            &self
                .unknown_jobs
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        ) {
            return reason;
        }
        let rules = self.rules;
        let names = rules.jobs.iter().flat_map(|j| {
            std::iter::once(j.name.as_str()).chain(j.aliases.iter().map(String::as_str))
        });
        let close = closest(given, names);
        let hint = if close.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
            format!("; did you mean {}?", list.join(" or "))
        };
        let reason = format!("the rule set has no job named `{given}`{hint}");
        // A poisoned lock only lost a remembered name: the map is still sound.
        let mut names = self
            .unknown_jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if names.len() < UNKNOWN_JOBS_KEPT {
            names.insert(given.to_string(), reason.clone());
        }
        reason
    }

    fn hours(&self, record: &Record) -> Result<Option<Decimal>, String> {
        let reference = self.reference_hours.as_ref().map_err(Clone::clone)?;
        let Some(hours) = record.hours else {
            return Ok(*reference);
        };
        let maximum = self.maximum_hours.as_ref().map_err(Clone::clone)?;
        if hours.is_zero() || hours.is_sign_negative() {
            return Err(format!("{hours} hours a month: hours must be above 0"));
        }
        if let Some(max) = *maximum {
            if expr::compare(hours, max).is_gt() {
                return Err(format!(
                    "{hours} hours a month is above the maximum of {max} the rule set allows"
                ));
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

    /// The diploma named `given`, as [`RuleSet::diploma_index`] finds it.
    fn diploma_index(&self, given: &str) -> Option<DiplomaId> {
        self.diplomas.get(given)
    }

    /// The diploma floor; `given` is the diploma the facts name (`none` if they name none).
    fn diploma_floor(
        &self,
        record: &Record,
        given: Option<DiplomaId>,
    ) -> Result<Option<u32>, String> {
        let rules = self.rules;
        if !self.floors.diploma && record.diploma.is_none() {
            return Ok(None);
        }
        let name = record.diploma.as_deref().unwrap_or("none");
        match given {
            Some(d) => Ok(rules.diplomas[d].floor),
            None if record.diploma.is_none() => Ok(None),
            None if rules.diplomas.is_empty() => Err(format!(
                "the rule set declares no diplomas, and the facts give `{name}`"
            )),
            None => {
                let named = rules.diplomas_named(name);
                let ids = |all: &mut dyn Iterator<Item = DiplomaId>| {
                    let ids: Vec<String> =
                        all.map(|d| format!("`{}`", rules.diplomas[d].id)).collect();
                    ids.join(", ")
                };
                if named.len() > 1 {
                    return Err(format!(
                        "`{name}` names several diplomas of the rule set: {}; give the id",
                        ids(&mut named.into_iter())
                    ));
                }
                Err(format!(
                    "the rule set has no diploma `{name}`; it knows {} (by id, name or alias)",
                    ids(&mut (0..rules.diplomas.len()))
                ))
            }
        }
    }

    /// The previous-sector coefficient as a floor, brought onto the grid.
    fn previous_floor(&self, record: &Record) -> Result<Option<u32>, String> {
        let rules = self.rules;
        let Some(given) = record.previous_sector_coefficient else {
            return Ok(None);
        };
        let Some(floor) = rules
            .floors
            .iter()
            .find(|f| f.kind == FloorKind::PreviousCoefficient)
        else {
            return Ok(None);
        };
        if rules.level_of(given).is_some() {
            return Ok(Some(given));
        }
        let top = rules.top_coefficient().unwrap_or(0);
        if given > top {
            return Err(format!("{given} is above the top of the grid ({top})"));
        }
        match floor.off_grid {
            OffGrid::Reject => Err(format!("{given} is not a coefficient of the grid")),
            OffGrid::NextLevel => Ok(rules
                .levels
                .iter()
                .map(|l| l.coefficients.lowest())
                .find(|low| *low > given)),
        }
    }

    /// The highest of the floors that apply; `None` when none gives a coefficient.
    fn entitlement<'a, T: Tracer<'a>>(
        &'a self,
        job: JobId,
        band: usize,
        others: &OtherFloors,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Option<u32> {
        if !T::RECORDS {
            // Which floor wins only matters to a trace: the highest value is
            // that of the job cell and the other floors listed (each listed once).
            let cell = self.grid.as_ref().map(|g| g.cell(job, band));
            if let Some(note) = cell.and_then(|c| c.note) {
                warnings.push(|| self.blank_warning(job, band, note));
            }
            return cell.and_then(|c| c.value).max(self.listed_others(others));
        }
        let rules = self.rules;
        let mut best: Option<(u32, &'static str)> = None;
        let mut weigh = |value: Option<u32>, name: &'static str| {
            if let Some(v) = value {
                if best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, name));
                }
            }
        };
        for floor in &rules.floors {
            let value = match floor.kind {
                FloorKind::Job => self.job_floor(job, band, floor, warnings, t),
                FloorKind::Diploma => others.diploma,
                FloorKind::PreviousCoefficient => others.previous,
                FloorKind::Mission => others.claim,
            };
            if floor.kind != FloorKind::Job {
                t.step(|| Step {
                    kind: StepKind::Floor {
                        floor: floor_name(floor.kind),
                        coefficient: value,
                        detail: match floor.kind {
                            FloorKind::Diploma => FloorDetail::Diploma {
                                diploma: others
                                    .diploma_given
                                    .map(|d| rules.diplomas[d].id.as_str()),
                            },
                            FloorKind::PreviousCoefficient => FloorDetail::PreviousCoefficient {
                                given: others.previous_given,
                            },
                            _ => FloorDetail::Mission {
                                claims: others.claims,
                            },
                        },
                    },
                    rule: Some(rules.place(floor.origin.span)),
                    source: floor.origin.source.as_deref(),
                    gloss: Gloss::of(&[&floor.origin]),
                });
            }
            weigh(value, floor_name(floor.kind));
            // A company agreement's value for the job is one more floor, right
            // after the agreement's: a tie keeps the agreement's.
            if floor.kind == FloorKind::Job {
                weigh(self.company_floor(job, band, t), COMPANY_FLOOR);
            }
        }
        let (coefficient, winner) = best?;
        t.step(|| Step {
            kind: StepKind::Entitlement {
                coefficient,
                floor: winner,
            },
            rule: None,
            source: None,
            gloss: Gloss::NONE,
        });
        Some(coefficient)
    }

    /// The job's grid value for a band, a blank cell read as the rule file says.
    fn job_floor<'a, T: Tracer<'a>>(
        &'a self,
        job: JobId,
        band: usize,
        floor: &'r Floor,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Option<u32> {
        let cell = self.grid.as_ref()?.cell(job, band);
        if let Some(note) = cell.note {
            warnings.push(|| self.blank_warning(job, band, note));
        }
        t.step(|| self.job_floor_step(job, band, cell, floor));
        self.rules.jobs[job].cells[cell.used].coefficient
    }

    /// A company agreement's value for the job in this band, if it gives the
    /// job values: shown as a floor of its own, with the company's file and line.
    fn company_floor<'a, T: Tracer<'a>>(
        &'a self,
        job: JobId,
        band: usize,
        t: &mut T,
    ) -> Option<u32> {
        let rules = self.rules;
        let company = rules.company_job(job)?;
        let cell = company.cells.get(band)?;
        let bands = &rules.scales[rules.jobs[job].scale].bands;
        // A band the company does not write is cited at its job line.
        let span = if cell.origin.span.is_empty() {
            company.origin.span
        } else {
            cell.origin.span
        };
        t.step(|| Step {
            kind: StepKind::Floor {
                floor: COMPANY_FLOOR,
                coefficient: cell.coefficient,
                detail: FloorDetail::Job {
                    band: &bands[band].id,
                    written: cell.written.as_deref(),
                    from_band: None,
                },
            },
            rule: Some(rules.place(span)),
            source: cell
                .origin
                .source
                .as_deref()
                .or(company.origin.source.as_deref()),
            gloss: Gloss::of(&[&cell.origin, &company.origin]),
        });
        cell.coefficient
    }

    /// A company agreement's value for the job in this band, if any.
    fn company_value(&self, job: JobId, band: usize) -> Option<u32> {
        self.rules.company_job(job)?.cells.get(band)?.coefficient
    }

    fn blank_warning(&self, job: JobId, band: usize, note: BlankNote) -> Warning<'r> {
        let job_def = &self.rules.jobs[job];
        let bands = &self.rules.scales[job_def.scale].bands;
        match note {
            BlankNote::Unclassified => Warning::NoClassification { job: &job_def.id },
            BlankNote::BlankBand { stand_in } => Warning::BlankBand {
                job: &job_def.id,
                band: &bands[band].id,
                stand_in: stand_in.map(|b| bands[b].id.as_str()),
            },
        }
    }

    fn job_floor_step(
        &self,
        job: JobId,
        band: usize,
        cell: GridCell,
        floor: &'r Floor,
    ) -> Step<'r> {
        let rules = self.rules;
        let job_def = &rules.jobs[job];
        let bands = &rules.scales[job_def.scale].bands;
        let used = cell.used;
        let origin = &job_def.cells[used].origin;
        let span = if origin.span.is_empty() {
            job_def.origin.span
        } else {
            origin.span
        };
        Step {
            kind: StepKind::Floor {
                floor: floor_name(FloorKind::Job),
                // The agreement's own: a company agreement's is a step of its own.
                coefficient: job_def.cells[used].coefficient,
                detail: FloorDetail::Job {
                    band: &bands[band].id,
                    written: job_def.cells[used].written.as_deref(),
                    from_band: (used != band).then(|| bands[used].id.as_str()),
                },
            },
            rule: Some(rules.place(span)),
            source: origin
                .source
                .as_deref()
                .or(job_def.origin.source.as_deref())
                .or(floor.origin.source.as_deref()),
            gloss: job_cell_gloss(job_def, used, floor, used != band),
        }
    }

    /// The day the job's grid first gave `coefficient`; the day in the job if it never did.
    fn first_given(&self, record: &Record, job: JobId, coefficient: u32) -> NaiveDate {
        let Some(grid) = &self.grid else {
            return record.job_since;
        };
        let bands = &self.rules.scales[self.rules.jobs[job].scale].bands;
        grid.first_band_giving(job, coefficient)
            .and_then(|b| bands[b].from_months.checked_sub(record.prior_job_months))
            .and_then(|months| calendar::add_months(record.job_since, months))
            .unwrap_or(record.job_since)
    }

    fn no_floor_reason(&self, job: JobId) -> String {
        format!(
            "no floor gives a coefficient: the rules give `{}` no classification and no other floor applies",
            self.rules.jobs[job].id
        )
    }

    fn level(&self, coefficient: u32) -> Result<(LevelId, &'r Level), String> {
        let known = self
            .by_coefficient(&self.level_by_coefficient, coefficient)
            .copied()
            .flatten();
        let id = known.ok_or_else(|| {
            format!("the entitlement {coefficient} belongs to no level of the grid")
        })?;
        Ok((id, &self.rules.levels[id]))
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

    /// The minimum owed for `coefficient` at the reference hours, each layer's
    /// with it: what a level pays the employees who work full time.
    pub fn reference_minimum(&self, coefficient: u32) -> Option<Minimum> {
        let cached = self.by_coefficient(&self.reference_minimums, coefficient)?;
        cached.as_ref()?.minimum.clone().ok().flatten()
    }

    /// `given`: whether the facts gave the hours (else they are the reference hours).
    fn minimum_salary<'a, T: Tracer<'a>>(
        &'a self,
        coefficient: u32,
        level: &'r Level,
        (hours, given): (Option<Decimal>, bool),
        t: &mut T,
    ) -> Result<Option<Minimum>, String> {
        let at_reference_hours = match (&self.reference_hours, hours) {
            (Ok(Some(_)), Some(_)) if !given => true,
            (Ok(Some(r)), Some(h)) => expr::compare(*r, h).is_eq(),
            _ => false,
        };
        let cached = self
            .by_coefficient(&self.reference_minimums, coefficient)
            .and_then(Option::as_ref)
            .filter(|_| at_reference_hours);
        if let Some(cached) = cached {
            if !T::RECORDS {
                return cached.minimum.clone();
            }
            // The steps write the hours out: they are reused for the very number
            // the rules give, not for another writing of it (one more trailing zero).
            if self.written_as_reference(hours) {
                let steps = cached
                    .steps
                    .get_or_init(|| self.minimum_steps(coefficient, level, hours));
                t.replay(steps);
                return cached.minimum.clone();
            }
        }
        let key = part_time::Key {
            coefficient,
            hours: hours.map(|h| h.serialize()),
        };
        let compute = || self.computed_minimum_salary(coefficient, level, hours, &mut NoTrace);
        let Some(kept) = self.part_time.get(key, compute) else {
            // The slots this pair may take hold others: computed afresh.
            return self.computed_minimum_salary(coefficient, level, hours, t);
        };
        if T::RECORDS {
            let steps = kept
                .steps
                .get_or_init(|| self.minimum_steps(coefficient, level, hours));
            t.replay(steps);
        }
        kept.minimum.clone()
    }

    /// The steps showing the minimum salary, to keep.
    fn minimum_steps(
        &self,
        coefficient: u32,
        level: &'r Level,
        hours: Option<Decimal>,
    ) -> Vec<Step<'r>> {
        let mut recorder = Recorder::default();
        // The minimum itself is kept beside the steps, computed once.
        let _ = self.computed_minimum_salary(coefficient, level, hours, &mut recorder);
        recorder.steps
    }

    /// The minimum owed by the formulas of each layer, each step shown.
    fn computed_minimum_salary<'a, T: Tracer<'a>>(
        &self,
        coefficient: u32,
        level: &'r Level,
        hours: Option<Decimal>,
        t: &mut T,
    ) -> Result<Option<Minimum>, String>
    where
        'r: 'a,
    {
        let rules = self.rules;
        let formulas = Formulas {
            rules,
            day: self.as_of,
        };
        let inputs = Inputs {
            hours,
            coefficient: Some(coefficient),
            level_minimum: None,
        };
        let Some(full_time) = self.level_minimum(coefficient, level, &inputs, t)? else {
            let law = self.layer_minimum(&rules.legal_minimum, "legal-minimum", &inputs, t)?;
            return Ok(Minimum::owed(None, None, law));
        };
        let inputs = Inputs {
            level_minimum: Some(full_time),
            ..inputs
        };
        let agreement = match &rules.minimum_salary {
            None => expr::round_cent(full_time),
            Some(salary) => {
                let amount = formulas.eval(&salary.formula, &inputs, t)?;
                t.step(|| Step {
                    kind: StepKind::Formula {
                        what: "minimum-salary",
                        formula: formulas.with_values(&salary.formula, &inputs).into(),
                        result: amount,
                    },
                    rule: Some(rules.place(salary.origin.span)),
                    source: salary.origin.source.as_deref(),
                    gloss: Gloss::of(&[&salary.origin]),
                });
                // Amounts are given to the cent; the rule file says where rounding happens.
                if amount.scale() <= 2 {
                    amount
                } else {
                    expr::round_cent(amount)
                }
            }
        };
        let company = self.layer_minimum(&rules.company_minimum, "company-minimum", &inputs, t)?;
        let law = self.layer_minimum(&rules.legal_minimum, "legal-minimum", &inputs, t)?;
        let minimum = Minimum::owed(Some(agreement), company, law);
        if let Some(m) = minimum.filter(Minimum::layered) {
            t.step(|| Step {
                kind: StepKind::MinimumOwed {
                    agreement: m.agreement,
                    company: m.company,
                    law: m.law,
                    owed: m.owed,
                    from: m.from.as_str(),
                },
                rule: None,
                source: None,
                gloss: Gloss::NONE,
            });
        }
        Ok(minimum)
    }

    /// The level's full-time minimum, `None` when the level has none.
    fn level_minimum<'a, T: Tracer<'a>>(
        &self,
        coefficient: u32,
        level: &'r Level,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Option<Decimal>, String>
    where
        'r: 'a,
    {
        let rules = self.rules;
        let Some(level_minimum) = &level.minimum else {
            return Ok(None);
        };
        let formulas = Formulas {
            rules,
            day: self.as_of,
        };
        let cached = coefficient
            .checked_sub(self.lowest_coefficient)
            .and_then(|i| self.full_time_minimums.get(i as usize))
            .and_then(Option::as_ref);
        let full_time = match cached {
            Some(value) if !T::RECORDS => value.clone()?,
            _ => formulas.eval(level_minimum, inputs, t)?,
        };
        t.step(|| Step {
            kind: StepKind::Formula {
                what: "level-minimum",
                formula: formulas.with_values(level_minimum, inputs).into(),
                result: full_time,
            },
            rule: Some(rules.place(level_minimum.span)),
            source: level
                .origin
                .source
                .as_deref()
                .or(rules.categories[level.category].origin.source.as_deref()),
            gloss: Gloss::of(&[&level.origin, &rules.categories[level.category].origin]),
        });
        Ok(Some(full_time))
    }

    /// The minimum of the law or of a company agreement for these inputs, rounded as the agreement's.
    fn layer_minimum<'a, T: Tracer<'a>>(
        &self,
        layer: &'r Option<MinimumSalary>,
        what: &'static str,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Option<Decimal>, String>
    where
        'r: 'a,
    {
        let Some(layer) = layer else {
            return Ok(None);
        };
        let formulas = Formulas {
            rules: self.rules,
            day: self.as_of,
        };
        let amount = match formulas.eval(&layer.formula, inputs, t) {
            Ok(amount) => amount,
            // The law file's values start on a date (the SMIC from 2008-05-01):
            // before it the law's minimum is not known, and the decision says so.
            Err(_) if what == "legal-minimum" => return Ok(None),
            Err(e) => return Err(e),
        };
        t.step(|| Step {
            kind: StepKind::Formula {
                what,
                formula: formulas.with_values(&layer.formula, inputs).into(),
                result: amount,
            },
            rule: Some(self.rules.place(layer.origin.span)),
            source: layer.origin.source.as_deref(),
            gloss: Gloss::of(&[&layer.origin]),
        });
        Ok(Some(if amount.scale() <= 2 {
            amount
        } else {
            expr::round_cent(amount)
        }))
    }

    fn written_as_reference(&self, hours: Option<Decimal>) -> bool {
        matches!(
            (&self.reference_hours, hours),
            (Ok(Some(r)), Some(h)) if r.serialize() == h.serialize()
        )
    }

    /// The coefficient the rules give in `job` on `day` (used for trials);
    /// `current` is the record's job and `others` its floors on the evaluation date.
    fn entitlement_on(
        &self,
        record: &Record,
        (current, others): (JobId, &OtherFloors),
        job: JobId,
        day: NaiveDate,
        claim: Option<u32>,
    ) -> Option<u32> {
        let months = if current == job {
            calendar::completed_months(record.job_since, day)
                .saturating_add(record.prior_job_months)
        } else {
            0
        };
        let band = self.rules.scales[self.rules.jobs[job].scale].band_for(months);
        let others = OtherFloors {
            diploma: others.diploma,
            previous: others.previous,
            claim,
            ..OtherFloors::default()
        };
        self.band_entitlement(job, band, &others)
    }

    /// What [`Self::entitlement`] gives, without its warnings and steps: the
    /// highest floor the rules list. Read for bands and days other than the
    /// decision's, several times per employee.
    fn band_entitlement(&self, job: JobId, band: usize, others: &OtherFloors) -> Option<u32> {
        self.job_cell(job, band).max(self.listed_others(others))
    }

    /// The job floor of a band, if the rules list one and it gives a value.
    fn job_cell(&self, job: JobId, band: usize) -> Option<u32> {
        self.grid.as_ref().and_then(|g| g.cell(job, band).value)
    }

    /// The highest of the other floors the rules list (`None` orders below
    /// every value: the max of the floors that give one).
    fn listed_others(&self, others: &OtherFloors) -> Option<u32> {
        let listed = self.floors;
        others
            .diploma
            .filter(|_| listed.diploma)
            .max(others.previous.filter(|_| listed.previous))
            .max(others.claim.filter(|_| listed.mission))
    }
}

/// The first status rule whose condition holds for a coefficient of a level.
fn status_rule(rules: &RuleSet, coefficient: u32, level: LevelId) -> Option<usize> {
    let level = &rules.levels[level];
    let applies = |c: &Option<Condition>| match c {
        None => true,
        Some(Condition::Category(k)) => level.category == *k,
        Some(Condition::Compare { subject, op, value }) => {
            let x = match subject {
                CompareSubject::Coefficient => coefficient,
                CompareSubject::Level => level.number,
            };
            match op {
                CompareOp::Ge => x >= *value,
                CompareOp::Le => x <= *value,
                CompareOp::Gt => x > *value,
                CompareOp::Lt => x < *value,
                CompareOp::Eq => x == *value,
                CompareOp::Ne => x != *value,
            }
        }
    };
    rules
        .status_rules
        .iter()
        .position(|r| applies(&r.condition))
}

/// The full-time minimum of every coefficient of the grid, by the level formulas.
fn full_time_minimums(
    rules: &RuleSet,
    formulas: &Formulas,
    lowest: u32,
) -> Vec<Option<Result<Decimal, String>>> {
    let top = rules.top_coefficient().unwrap_or(0);
    let mut table = vec![None; (top.saturating_sub(lowest) + 1) as usize];
    for level in &rules.levels {
        let Some(minimum) = &level.minimum else {
            continue;
        };
        let coefficients: Vec<u32> = match &level.coefficients {
            Coefficients::Range(low, high) => (*low..=*high).collect(),
            Coefficients::List(list) => list.clone(),
        };
        for c in coefficients {
            let inputs = Inputs {
                coefficient: Some(c),
                ..Inputs::default()
            };
            table[(c - lowest) as usize] = Some(formulas.eval(minimum, &inputs, &mut NoTrace));
        }
    }
    table
}

/// The name of a company agreement's job floor in traces (`floor`), beside
/// those of [`floor_name`].
pub(crate) const COMPANY_FLOOR: &str = "company";

pub(crate) fn floor_name(kind: FloorKind) -> &'static str {
    match kind {
        FloorKind::Job => "job",
        FloorKind::Diploma => "diploma",
        FloorKind::PreviousCoefficient => "previous-coefficient",
        FloorKind::Mission => "mission",
    }
}

/// What a job's floor step rests on: a blank cell filled from another band
/// rests on the floor's reading of blank cells; a cell with no value, on the
/// job's reading (the text gives it none); a written cell, on its own reading
/// (a cell that names a category). Each quotes the job's words if not its own.
fn job_cell_gloss<'r>(job: &'r Job, used: usize, floor: &'r Floor, filled: bool) -> Gloss<'r> {
    let cell = &job.cells[used];
    let reading = match (filled, cell.coefficient) {
        (true, _) => floor.origin.reading.as_deref(),
        (false, None) => job.origin.reading.as_deref(),
        (false, Some(_)) => cell.origin.reading.as_deref(),
    };
    Gloss {
        quote: Gloss::of(&[&cell.origin, &job.origin]).quote,
        reading,
    }
}
