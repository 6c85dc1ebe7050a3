//! The floors of the classification (job grid, company agreement, diploma,
//! previous coefficient, mission claims) and the entitlement, their highest.

use chrono::NaiveDate;

use super::grid::{BlankNote, GridCell};
use super::position::position_detail;
use super::trace::FloorName;
use super::trace::{FloorDetail, Gloss, Step, StepKind, Tracer};
use super::{Evaluator, Notes, OtherFloors, Warning};
use crate::calendar;
use crate::facts::{Reason, Record};
use crate::model::*;

impl<'r> Evaluator<'r> {
    /// The diploma floor; `given` is the diploma the facts name (`none` if they name none).
    pub(super) fn diploma_floor(
        &self,
        record: &Record,
        given: Option<DiplomaId>,
    ) -> Result<Option<u32>, Reason> {
        let rules = self.rules;
        if !self.floors.diploma && record.diploma.is_none() {
            return Ok(None);
        }
        let name = record.diploma.as_deref().unwrap_or(super::NO_DIPLOMA);
        match given {
            Some(d) => Ok(rules.diplomas[d].floor),
            None if record.diploma.is_none() => Ok(None),
            None if rules.diplomas.is_empty() => Err(Reason::NoDiplomas {
                given: name.to_string(),
            }),
            None => {
                let named = rules.diplomas_named(name);
                let ids = |all: &mut dyn Iterator<Item = DiplomaId>| {
                    all.map(|d| rules.diplomas[d].id.clone()).collect()
                };
                if named.len() > 1 {
                    return Err(Reason::AmbiguousDiploma {
                        given: name.to_string(),
                        diplomas: ids(&mut named.into_iter()),
                    });
                }
                Err(Reason::UnknownDiploma {
                    given: name.to_string(),
                    known: ids(&mut DiplomaId::all(rules.diplomas.len())),
                })
            }
        }
    }

    /// The previous-sector coefficient as a floor, brought onto the grid.
    pub(super) fn previous_floor(&self, record: &Record) -> Result<Option<u32>, Reason> {
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
            return Err(Reason::AboveGrid { given, top });
        }
        match floor.off_grid {
            OffGrid::Reject => Err(Reason::OffGrid { given }),
            OffGrid::NextLevel => Ok(rules
                .levels
                .iter()
                .map(|l| l.coefficients.lowest())
                .find(|low| *low > given)),
        }
    }

    /// The highest of the floors that apply; `None` when none gives a coefficient.
    pub(super) fn entitlement<'a, T: Tracer<'a>>(
        &'a self,
        job: JobId,
        band: usize,
        others: &OtherFloors,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Option<u32> {
        // The highest value is that of the job cell (the layers' job floors
        // already weighed in the grid) and of the other floors listed.
        let cell = self.grid.as_ref().map(|g| g.cell(job, band));
        if let Some(note) = cell.and_then(|c| c.note) {
            warnings.push(|| self.blank_warning(job, band, note));
        }
        let coefficient = cell.and_then(|c| c.value).max(self.listed_others(others));
        t.record(|t| self.record_floors(job, band, (cell, others), coefficient, t));
        coefficient
    }

    /// The steps of [`Self::entitlement`]: each floor in the order the rules
    /// list them, then which one gives `coefficient` (the first that gives it).
    fn record_floors<'a, T: Tracer<'a>>(
        &'a self,
        job: JobId,
        band: usize,
        (cell, others): (Option<GridCell>, &OtherFloors),
        coefficient: Option<u32>,
        t: &mut T,
    ) {
        let rules = self.rules;
        let mut winner: Option<FloorName> = None;
        let mut weigh = |value: Option<u32>, name: FloorName| {
            if winner.is_none() && value.is_some() && value == coefficient {
                winner = Some(name);
            }
        };
        for floor in &rules.floors {
            // Said only for an employee whose degrees are given (issue #22).
            if floor.kind == FloorKind::Criteria && others.criteria.is_none() {
                continue;
            }
            let value = match floor.kind {
                FloorKind::Job => {
                    let Some(cell) = cell else { continue };
                    t.step(|| self.job_floor_step(job, band, cell, floor));
                    rules.jobs[job].cells[cell.used].coefficient
                }
                FloorKind::Diploma => others.diploma,
                FloorKind::PreviousCoefficient => others.previous,
                FloorKind::Mission => others.claim,
                FloorKind::Position => others.grid.given,
                FloorKind::Criteria => others.criteria.map(|(c, _)| c),
            };
            if floor.kind != FloorKind::Job {
                t.step(|| other_floor_step(rules, floor, value, others));
            }
            weigh(value, floor.kind.into());
            // A company agreement's value for the job is one more floor, right
            // after the agreement's: a tie keeps the agreement's.
            if floor.kind == FloorKind::Job {
                weigh(self.company_floor(job, band, t), FloorName::Company);
            }
        }
        // `plancher hcr I.2 si …`: shown when one holds (issue #22).
        let conditional = others.grid.conditional_floor.map(|i| i as usize);
        if let Some(floor) = conditional.and_then(|i| rules.grids.conditional_floors.get(i)) {
            let value = others.grid.conditional;
            t.step(|| super::position::conditional_floor_step(rules, floor, value));
            weigh(value, FloorName::Position);
        }
        let (Some(coefficient), Some(winner)) = (coefficient, winner) else {
            return;
        };
        t.step(|| Step {
            kind: StepKind::Entitlement {
                coefficient,
                floor: winner,
            },
            rule: None,
            source: None,
            gloss: Gloss::NONE,
        });
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
                floor: FloorName::Company,
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
    pub(super) fn company_value(&self, job: JobId, band: usize) -> Option<u32> {
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
                floor: FloorName::Job,
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
    pub(super) fn first_given(&self, record: &Record, job: JobId, coefficient: u32) -> NaiveDate {
        let Some(grid) = &self.grid else {
            return record.job_since;
        };
        let bands = &self.rules.scales[self.rules.jobs[job].scale].bands;
        grid.first_band_giving(job, coefficient)
            .and_then(|b| bands[b].from_months.checked_sub(record.prior_job_months))
            .and_then(|months| calendar::add_months(record.job_since, months))
            .unwrap_or(record.job_since)
    }

    pub(super) fn no_floor_reason(&self, job: JobId) -> Reason {
        Reason::NoFloor {
            job: self.rules.jobs[job].id.clone(),
        }
    }

    /// The coefficient the rules give in `job` on `day` (used for trials);
    /// `current` is the record's job and `others` its floors on the evaluation date.
    pub(super) fn entitlement_on(
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
            grid: others.grid,
            criteria: others.criteria,
            named: others.named,
            ..OtherFloors::default()
        };
        self.band_entitlement(job, band, &others)
    }

    /// What [`Self::entitlement`] gives, without its warnings and steps: the
    /// highest floor the rules list. Read for bands and days other than the
    /// decision's, several times per employee.
    pub(super) fn band_entitlement(
        &self,
        job: JobId,
        band: usize,
        others: &OtherFloors,
    ) -> Option<u32> {
        self.job_cell(job, band).max(self.listed_others(others))
    }

    /// The job floor of a band, if the rules list one and it gives a value.
    fn job_cell(&self, job: JobId, band: usize) -> Option<u32> {
        self.grid.as_ref().and_then(|g| g.cell(job, band).value)
    }

    /// The highest of the other floors the rules list (`None` orders below
    /// every value: the max of the floors that give one).
    pub(super) fn listed_others(&self, others: &OtherFloors) -> Option<u32> {
        let listed = self.floors;
        others
            .diploma
            .filter(|_| listed.diploma)
            .max(others.previous.filter(|_| listed.previous))
            .max(others.claim.filter(|_| listed.mission))
            .max(others.named)
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

/// The step of a floor other than the job grid: it does not depend on the band.
fn other_floor_step<'r>(
    rules: &'r RuleSet,
    floor: &'r Floor,
    value: Option<u32>,
    others: &OtherFloors,
) -> Step<'r> {
    Step {
        kind: StepKind::Floor {
            floor: floor.kind.into(),
            coefficient: value,
            detail: match floor.kind {
                FloorKind::Diploma => FloorDetail::Diploma {
                    diploma: others.diploma_given.map(|d| rules.diplomas[d].id.as_str()),
                },
                FloorKind::PreviousCoefficient => FloorDetail::PreviousCoefficient {
                    given: others.previous_given,
                },
                FloorKind::Position => {
                    let given = others.grid.given_position.map(|p| p as usize);
                    position_detail(rules, given, None)
                }
                FloorKind::Criteria => FloorDetail::Criteria {
                    total: others.criteria.map(|(_, total)| total),
                },
                _ => FloorDetail::Mission {
                    claims: others.claims,
                },
            },
        },
        rule: Some(rules.place(floor.origin.span)),
        source: floor.origin.source.as_deref(),
        gloss: Gloss::of(&[&floor.origin]),
    }
}
