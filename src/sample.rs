//! Synthetic workforces: deterministic, realistic employee facts for examples,
//! benchmarks and demos (`grille sample`).
//!
//! Nothing of an agreement is written here: job names, diplomas, coefficients,
//! reference hours and the mission cap are read from the rule files given, so a
//! sample follows whatever agreement it is generated for. The first rule file is
//! the reference: every generated employee is decided by it (not rejected), and
//! the salary is drawn around the minimum it gives.
//!
//! # How employees are drawn
//!
//! Each employee is a pure function of the seed and its position, so the same
//! seed and options always give the same bytes, and records are generated one at
//! a time: a million employees are streamed, never held in memory.
//!
//! - **Job**: most people in a call centre are advisers, so the first job of the
//!   first rule file takes about 55% of employees, the second about 20%, and the
//!   others share the remaining 25% (shares renormalised when the file has fewer
//!   jobs). With several rule files, a job that every file recognises weighs four
//!   times as much in that remainder, and only its names that every file resolves
//!   are used, so `grille eval` under each file decides most of the sample. A job
//!   the first file cannot decide on its own (no value and no other floor) is left
//!   out. The name is the job's display name or one of its aliases, as payroll
//!   writes them; one in ten is written in capitals without accents, in lower
//!   case, or without accents ("TELECONSEILLER").
//! - **job_since**: within the 12 years before the evaluation date, skewed to
//!   recent hires (days back = span × u², so half were hired in the last 3 years).
//! - **prior_job_months**: 0 for 85%, else 1 to 60.
//! - **diploma**: the ids of the first file in declaration order, lowest first:
//!   half the time the job's entry diploma, otherwise a mix by rank (the third,
//!   the baccalauréat in the shipped files, most common; few above the fourth).
//! - **previous_sector_coefficient**: 8%; the lowest coefficient of a level, lower
//!   levels more often, and one in seven a value in a hole of the grid (five below
//!   a level's lowest) when the file brings such values onto the grid.
//! - **hours**: 20% part-time: half and 80% of the reference hours, 24 and 30 hours
//!   a week (× 52 / 12); the others work the reference hours (no field).
//! - **salary**: the minimum the first file gives × 1.00 to 1.25 (most near 1.00),
//!   to the cent; 5% are paid below it (× 0.97 to 0.9999).
//! - **coefficient** (applied): 30%; the decided coefficient, or for a quarter of
//!   them the next coefficient below it among those the file names.
//! - **missions** (JSON only): 5%, one to three missions to other jobs, placed
//!   backwards from the evaluation date inside the time in the job; for a third,
//!   the latest is longer than the mission cap, so it opens a claim.
//! - **moves** (JSON only): 4%, a move from another job to the current one on
//!   `job_since`; a quarter with a renewed trial, one in twelve broken.
//!
//! CSV carries neither missions nor moves (facts.md): a flat sample is drawn
//! without them, so each salary is still drawn around the minimum its own facts give.
//!
//! A rule set classifying by position, or declaring facts, draws more: see `sample/extra.rs`.

mod encode;
mod extra;
mod rng;
mod setup;

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::eval::expr::{round_cent, Formulas, Inputs};
use crate::eval::trace::NoTrace;
use crate::facts::{Format, Mission, Move, Position, Record, Rejection};
use crate::model::{
    DiplomaId, Duration, DurationRef, Expr, FloorKind, JobId, OffGrid, RuleSet, TimeUnit, Value,
};
use crate::{calendar, Evaluator};
use rng::{Rng, Weighted};
use setup::{
    decidable, diploma_weights, everywhere, job_pools, job_weights, mission_cap_days,
    named_coefficients, part_time_hours, previous_coefficients,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleOptions {
    /// How many employees.
    pub employees: u64,
    /// The seed: the same seed and options give the same output.
    pub seed: u64,
    /// The evaluation date the sample is drawn for: hire dates are before it.
    pub as_of: NaiveDate,
}

/// Why a sample cannot be generated from these rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleError(pub String);

impl fmt::Display for SampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SampleError {}

/// Shares of employees, in per mille (see the module documentation).
mod share {
    pub const NAME_VARIANT: u64 = 100;
    pub const PRIOR_MONTHS: u64 = 150;
    pub const ENTRY_DIPLOMA: u64 = 500;
    pub const PREVIOUS_COEFFICIENT: u64 = 80;
    pub const OFF_GRID: u64 = 143;
    pub const PART_TIME: u64 = 200;
    pub const BELOW_MINIMUM: u64 = 50;
    pub const APPLIED_COEFFICIENT: u64 = 300;
    pub const ONE_STEP_LOWER: u64 = 250;
    pub const MISSIONS: u64 = 50;
    pub const LONG_MISSION: u64 = 333;
    pub const RUNNING_MISSION: u64 = 250;
    pub const MOVES: u64 = 40;
    pub const TRIAL_RENEWED: u64 = 250;
    pub const TRIAL_BROKEN: u64 = 83;
}

/// Job shares in per ten thousand: the first job, the second, all the others.
const JOB_SHARES: [u64; 3] = [5500, 2000, 2500];
/// Weight, among the other jobs, of a job every rule file recognises (others: 1).
const EVERYWHERE_WEIGHT: u64 = 4;
/// Diploma weights by rank in the rule file (lowest first); later ranks weigh 1.
const DIPLOMA_WEIGHTS: [u64; 8] = [20, 24, 92, 36, 8, 5, 3, 1];
/// How far back hire dates go.
const YEARS_BACK: u32 = 12;
/// A record the first rule file rejects is drawn again, at most this many times.
const ATTEMPTS: usize = 8;
/// Employees generated by one thread at a time (about 2 MB of JSON).
const BLOCK: u64 = 16_384;
/// Threads used to generate, at most.
const MAX_WORKERS: usize = 8;

/// Generates the employees of a sample, one at a time.
pub struct Generator<'r> {
    options: SampleOptions,
    first: Evaluator<'r>,
    jobs: Vec<JobPool>,
    job_weights: Weighted<usize>,
    /// The jobs of missions and moves: those every file recognises, if any.
    other_jobs: Weighted<usize>,
    diplomas: Weighted<DiplomaId>,
    previous: Weighted<u32>,
    hours: Weighted<Decimal>,
    /// The coefficients the first file names, ascending (for "one step lower").
    steps: Vec<u32>,
    /// Mission days the first file allows in its window; `None` without a mission cap.
    mission_cap_days: Option<u64>,
    hire_span_days: u64,
    /// Positions (a rule set without jobs) and declared facts.
    extras: extra::Extras,
}

/// The names under which one job of the first file is drawn.
struct JobPool {
    job: JobId,
    names: Vec<String>,
    /// The same names in capitals, lower case or without accents.
    variants: Vec<String>,
}

impl<'r> Generator<'r> {
    /// Prepares a sample drawn from `rule_sets`; the first one decides every employee.
    pub fn new(rule_sets: &'r [RuleSet], options: SampleOptions) -> Result<Self, SampleError> {
        let first_rules = rule_sets
            .first()
            .ok_or_else(|| SampleError("a sample needs at least one rule file".to_string()))?;
        let evaluators: Vec<Evaluator> = rule_sets
            .iter()
            .map(|r| Evaluator::new(r, options.as_of))
            .collect();
        let extras = extra::Extras::new(first_rules, options.as_of);
        let jobs = match extras.by_position() {
            true => Vec::new(),
            false => decidable(&evaluators[0], job_pools(&evaluators), &extras)?,
        };
        let hire_start = calendar::sub_months(options.as_of, YEARS_BACK * 12)
            .ok_or_else(|| SampleError(format!("{} is too early a date", options.as_of)))?;
        let shared: Vec<bool> = jobs.iter().map(|p| everywhere(p, &evaluators)).collect();
        let weights = job_weights(&shared);
        let any_shared = shared.contains(&true);
        let others = weights
            .iter()
            .enumerate()
            .filter(|(i, _)| shared[*i] || !any_shared);
        Ok(Generator {
            other_jobs: Weighted::new(others.map(|(i, w)| (i, *w))),
            job_weights: Weighted::new(weights.into_iter().enumerate()),
            diplomas: diploma_weights(first_rules),
            previous: previous_coefficients(first_rules),
            hours: part_time_hours(first_rules, options.as_of),
            steps: named_coefficients(first_rules),
            mission_cap_days: mission_cap_days(first_rules, options.as_of),
            hire_span_days: days(hire_start, options.as_of),
            first: Evaluator::new(first_rules, options.as_of),
            extras,
            jobs,
            options,
        })
    }

    pub fn options(&self) -> &SampleOptions {
        &self.options
    }

    /// The employee at `index` (from 0), with missions and moves.
    ///
    /// `Err` only when the first rule file rejected eight draws in a row, which
    /// the setup checks make unlikely: it carries the last rejection.
    pub fn record(&self, index: u64) -> Result<Record, Rejection> {
        self.employee(index, false)
    }

    /// The employee at `index` without missions and moves, as CSV carries it.
    pub fn flat_record(&self, index: u64) -> Result<Record, Rejection> {
        self.employee(index, true)
    }

    /// Every employee of the sample, in order, generated as they are read.
    /// (`'r` as it is: the evaluators keep steps borrowing the rule sets.)
    pub fn records(&self) -> impl Iterator<Item = Result<Record, Rejection>> + use<'_, 'r> {
        (0..self.options.employees).map(move |i| self.record(i))
    }

    /// Writes the sample in `format`, streaming: memory does not grow with its size.
    ///
    /// Blocks of employees are generated on every core and written in order; as
    /// each employee depends only on the seed and its index, the bytes do not
    /// depend on the number of cores.
    pub fn write(&self, format: Format, mut out: impl Write) -> io::Result<()> {
        let mut edge = Vec::new();
        encode::head(format, &self.extras.columns(), &mut edge);
        out.write_all(&edge)?;
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS));
        let total = self.options.employees;
        let mut next = 0;
        while next < total {
            let blocks: Vec<Range<u64>> = (0..workers as u64)
                .map(|w| next + w * BLOCK..(next + (w + 1) * BLOCK).min(total))
                .filter(|block| !block.is_empty())
                .collect();
            next = blocks.last().map_or(total, |b| b.end);
            for bytes in self.encode_blocks(blocks, format) {
                out.write_all(&bytes?)?;
            }
        }
        edge.clear();
        encode::tail(format, total == 0, &mut edge);
        out.write_all(&edge)?;
        out.flush()
    }

    /// Encodes blocks of employees, one thread each (none for a single block).
    fn encode_blocks(&self, blocks: Vec<Range<u64>>, format: Format) -> Vec<io::Result<Vec<u8>>> {
        if blocks.len() == 1 {
            return blocks
                .into_iter()
                .map(|b| self.encode_block(b, format))
                .collect();
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = blocks
                .into_iter()
                .map(|block| scope.spawn(move || self.encode_block(block, format)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    }

    fn encode_block(&self, block: Range<u64>, format: Format) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(block.clone().count() * 160);
        for index in block {
            let record = self
                .employee(index, format == Format::Csv)
                .map_err(|r| io::Error::new(io::ErrorKind::InvalidData, undecided(&r)))?;
            let placed = self.extras.by_position();
            encode::record(&record, format, (index == 0, placed), &mut bytes);
        }
        Ok(bytes)
    }

    fn employee(&self, index: u64, flat: bool) -> Result<Record, Rejection> {
        let mut rng = Rng::for_record(self.options.seed, index);
        let mut last = None;
        for _ in 0..ATTEMPTS {
            let mut record = self.draw(&mut rng, index);
            // Drawn, then dropped: the other fields stay those of the full sample.
            if flat {
                record.missions.clear();
                record.moves.clear();
            }
            match self.pay(&mut rng, &mut record) {
                Ok(()) => return Ok(record),
                Err(rejection) => last = Some(rejection),
            }
        }
        Err(last.unwrap_or_else(|| {
            let reason = crate::facts::Reason::Other("no attempt was made".into());
            Rejection::new(Position::Record(1), None, None, reason)
        }))
    }

    /// The facts that decide the classification.
    fn draw(&self, rng: &mut Rng, index: u64) -> Record {
        if self.extras.by_position() {
            return self.draw_placed(rng, index);
        }
        let pool = &self.jobs[*self.job_weights.pick(rng)];
        let job = self.name(pool, rng).to_string();
        let job_since = self.job_since(rng);
        let prior_job_months = if rng.chance(share::PRIOR_MONTHS) {
            rng.between(1, 60) as u32
        } else {
            0
        };
        let diploma = self.diploma(pool, rng);
        let previous_sector_coefficient = self.previous_coefficient(rng);
        let hours = rng
            .chance(share::PART_TIME)
            .then(|| self.hours.pick_opt(rng).copied())
            .flatten();
        let missions = self.missions(pool.job, job_since, rng);
        let moves = self.moves(pool.job, &job, job_since, rng);
        // Drawn last: a rule set that declares no fact draws as it always did.
        let declared = self.extras.declared(job_since, self.options.as_of, rng);
        Record {
            position: Position::Line(index as usize + 1),
            id: employee_id(index),
            job,
            job_since,
            prior_job_months,
            diploma,
            previous_sector_coefficient,
            missions,
            moves,
            hours,
            salary: None,
            coefficient: None,
            history: None,
            extra: extra::extra(declared, None),
        }
    }

    /// The facts of an employee of a rule set classifying by position: the
    /// position and the day it was given, a diploma, hours, declared facts.
    fn draw_placed(&self, rng: &mut Rng, index: u64) -> Record {
        let start = self.job_since(rng);
        let placed = self.extras.placed(start, rng);
        let since = placed.as_ref().and_then(|p| p.since).unwrap_or(start);
        let rules = self.first.rules();
        let diploma = self.diplomas.pick_opt(rng);
        let hours = rng
            .chance(share::PART_TIME)
            .then(|| self.hours.pick_opt(rng).copied())
            .flatten();
        let declared = self.extras.declared(since, self.options.as_of, rng);
        Record {
            position: Position::Line(index as usize + 1),
            id: employee_id(index),
            job: String::new(),
            job_since: since,
            prior_job_months: 0,
            diploma: diploma.map(|d| rules.diplomas[*d].id.clone()),
            previous_sector_coefficient: None,
            missions: Vec::new(),
            moves: Vec::new(),
            hours,
            salary: None,
            coefficient: None,
            history: None,
            extra: extra::extra(declared, placed),
        }
    }

    /// Salary and applied coefficient, from the decision of the first rule file.
    fn pay(&self, rng: &mut Rng, record: &mut Record) -> Result<(), Rejection> {
        let (coefficient, minimum) = {
            let decision = self.first.decide(record)?;
            (decision.coefficient, decision.minimum_salary)
        };
        // Always the same draws, whatever the decision, so that flat and full
        // samples stay aligned.
        let below = rng.chance(share::BELOW_MINIMUM);
        let spread = rng.next();
        let applied = rng.chance(share::APPLIED_COEFFICIENT);
        let lower = rng.chance(share::ONE_STEP_LOWER);
        record.salary = minimum.map(|m| salary_around(m, below, spread));
        let applied = applied && self.extras.applies_coefficients();
        record.coefficient = applied.then(|| {
            let step = lower.then(|| self.step_below(coefficient)).flatten();
            step.unwrap_or(coefficient)
        });
        Ok(())
    }

    fn name<'a>(&self, pool: &'a JobPool, rng: &mut Rng) -> &'a str {
        if !pool.variants.is_empty() && rng.chance(share::NAME_VARIANT) {
            &pool.variants[rng.below(pool.variants.len() as u64) as usize]
        } else {
            &pool.names[rng.below(pool.names.len() as u64) as usize]
        }
    }

    fn job_since(&self, rng: &mut Rng) -> NaiveDate {
        // u² with u uniform in [0, 1): recent hires are the most numerous.
        let u = rng.next() >> 32;
        let back = ((u * u) as u128 * self.hire_span_days as u128) >> 64;
        self.options.as_of - Days::new(back as u64)
    }

    fn diploma(&self, pool: &JobPool, rng: &mut Rng) -> Option<String> {
        let rules = self.first.rules();
        let entry = rules.jobs[pool.job].entry_diploma;
        let rank = match entry {
            Some(d) if rng.chance(share::ENTRY_DIPLOMA) => Some(d),
            _ => self.diplomas.pick_opt(rng).copied(),
        };
        rank.map(|d| rules.diplomas[d].id.clone())
    }

    fn previous_coefficient(&self, rng: &mut Rng) -> Option<u32> {
        if !rng.chance(share::PREVIOUS_COEFFICIENT) {
            return None;
        }
        let value = *self.previous.pick_opt(rng)?;
        let off_grid = value.checked_sub(5).filter(|c| self.in_hole(*c));
        match off_grid {
            Some(c) if rng.chance(share::OFF_GRID) => Some(c),
            _ => Some(value),
        }
    }

    /// Whether `coefficient` is in a hole of the grid the first file brings onto it.
    fn in_hole(&self, coefficient: u32) -> bool {
        let rules = self.first.rules();
        let lifts = rules
            .floors
            .iter()
            .any(|f| f.kind == FloorKind::PreviousCoefficient && f.off_grid == OffGrid::NextLevel);
        let bottom = rules.levels.first().map_or(0, |l| l.coefficients.lowest());
        lifts && coefficient > bottom && rules.level_of(coefficient).is_none()
    }

    /// A job other than `job`, for a mission or a move; `None` if none comes up.
    fn other_job(&self, job: JobId, rng: &mut Rng) -> Option<&JobPool> {
        (0..ATTEMPTS)
            .map(|_| &self.jobs[*self.other_jobs.pick(rng)])
            .find(|pool| pool.job != job)
    }

    fn missions(&self, job: JobId, job_since: NaiveDate, rng: &mut Rng) -> Vec<Mission> {
        if !rng.chance(share::MISSIONS) {
            return Vec::new();
        }
        let count = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][rng.below(10) as usize];
        let long = self
            .mission_cap_days
            .filter(|_| rng.chance(share::LONG_MISSION));
        let mut missions = Vec::new();
        // Newest first, backwards from the evaluation date, inside the time in the job.
        let mut latest = self.options.as_of;
        for k in 0..count {
            let length = match long {
                Some(cap) if k == 0 => cap + 1 + rng.below(60),
                _ => rng.between(5, 60),
            };
            let running = k == 0 && rng.chance(share::RUNNING_MISSION);
            let gap = if running { 0 } else { rng.between(1, 60) };
            let Some(other) = self.other_job(job, rng) else {
                break;
            };
            let last = latest - Days::new(gap);
            if last < job_since {
                break;
            }
            let start = (last - Days::new(length - 1)).max(job_since);
            missions.push(Mission {
                job: self.name(other, rng).to_string(),
                start,
                end: (!running).then_some(last),
            });
            match start.pred_opt() {
                Some(day) => latest = day,
                None => break,
            }
        }
        missions.reverse();
        missions
    }

    fn moves(&self, job: JobId, name: &str, job_since: NaiveDate, rng: &mut Rng) -> Vec<Move> {
        if !rng.chance(share::MOVES) {
            return Vec::new();
        }
        let Some(from) = self.other_job(job, rng) else {
            return Vec::new();
        };
        let renewed = rng.chance(share::TRIAL_RENEWED);
        let room = days(job_since, self.options.as_of).min(30);
        let broken = rng
            .chance(share::TRIAL_BROKEN)
            .then(|| job_since + Days::new(rng.below(room + 1)));
        vec![Move {
            from: self.name(from, rng).to_string(),
            to: name.to_string(),
            on: job_since,
            trial_renewed: renewed,
            trial_broken_on: broken,
        }]
    }

    fn step_below(&self, coefficient: u32) -> Option<u32> {
        let below = self.steps.partition_point(|c| *c < coefficient);
        below.checked_sub(1).map(|i| self.steps[i])
    }
}

/// Writes a sample of `options.employees` employees drawn from `rule_sets` (the
/// first one decides them) to `out`, streaming.
pub fn write_sample(
    rule_sets: &[RuleSet],
    options: SampleOptions,
    format: Format,
    out: impl Write,
) -> io::Result<()> {
    let generator = Generator::new(rule_sets, options)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    generator.write(format, out)
}

/// `S0000001` for the first employee: seven digits at least, so that ids sort.
pub fn employee_id(index: u64) -> String {
    let mut digits = Vec::with_capacity(12);
    digits.push(b'S');
    encode::padded(&mut digits, index + 1, 7);
    String::from_utf8(digits).unwrap_or_default()
}

fn undecided(r: &Rejection) -> String {
    format!("the first rule file rejects every draw of an employee: {r}")
}

/// Whole days from `from` to `to` (0 when `to` is earlier).
fn days(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from((to - from).num_days()).unwrap_or(0)
}

/// `minimum × (0.97 … 1.25)`, to the cent: below the minimum when `below`.
fn salary_around(minimum: Decimal, below: bool, spread: u64) -> Decimal {
    let mut m = round_cent(minimum);
    m.rescale(2);
    let cents = m.mantissa();
    // The factor in per ten thousand; above the minimum, squared to stay near it.
    let u = (spread >> 48) as i128;
    let factor = match below {
        true => 9700 + u * 300 / 65536,
        false => 10000 + (2500 * u * u) / (65536 * 65536),
    };
    let drawn = (cents * factor + 5000) / 10000;
    let drawn = match below {
        true => drawn.min(cents - 1),
        false => drawn.max(cents),
    };
    Decimal::from_i128_with_scale(drawn.max(0), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salaries_fall_on_the_side_drawn() {
        let minimum = Decimal::new(210000, 2);
        for spread in [0, u64::MAX / 3, u64::MAX] {
            assert!(salary_around(minimum, true, spread) < minimum);
            let above = salary_around(minimum, false, spread);
            assert!(above >= minimum && above <= Decimal::new(262500, 2));
        }
    }
}
