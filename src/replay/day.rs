//! Facts as they stood on a day (facts.md, "History"): the ordinary record an
//! evaluator decides, built from a record and its history, and the days on
//! which those facts change.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar;
use crate::facts::{ExtraFacts, History, Record};
use crate::model::RuleSet;

/// The record for day `day`: the job held that day, its months from its
/// `since` plus its `prior_job_months`, the diploma held that day, the missions
/// and moves begun by then (a mission running that day counts up to it), the
/// month's `hours`. `None` before the first job the facts know.
pub fn facts_on(
    record: &Record,
    history: &History,
    day: NaiveDate,
    hours: Option<Decimal>,
) -> Option<Record> {
    let (job, job_since, prior_job_months) = if day >= record.job_since {
        (&record.job, record.job_since, record.prior_job_months)
    } else {
        let held = history.jobs.iter().rev().find(|j| j.since <= day)?;
        (&held.job, held.since, held.prior_job_months)
    };
    let diploma = if history.diplomas.is_empty() {
        record.diploma.clone()
    } else {
        let held = history.diplomas.iter().rev().find(|d| d.since <= day);
        Some(held.map_or_else(
            || crate::eval::NO_DIPLOMA.to_string(),
            |d| d.diploma.clone(),
        ))
    };
    let missions = record
        .missions
        .iter()
        .filter(|m| m.start <= day)
        .map(|m| {
            let mut m = m.clone();
            if m.end.is_none_or(|end| end > day) {
                m.end = Some(day);
            }
            m
        })
        .collect();
    let moves = record
        .moves
        .iter()
        .filter(|m| m.on <= day)
        .map(|m| {
            let mut m = m.clone();
            m.trial_broken_on = m.trial_broken_on.filter(|b| *b <= day);
            m
        })
        .collect();
    Some(Record {
        position: record.position,
        id: record.id.clone(),
        job: job.clone(),
        job_since,
        prior_job_months,
        diploma,
        previous_sector_coefficient: record.previous_sector_coefficient,
        missions,
        moves,
        hours,
        salary: None,
        coefficient: None,
        history: None,
        // The degrees are not replayed: a history gives none (each day is classified by its job).
        extra: ExtraFacts::given(record.declared().cloned(), record.placed().cloned(), None),
    })
}

/// The days on which the employee's own facts change: hire, departure (the
/// day after), each job's start and the band boundaries of its months, each
/// diploma, each mission's start and the day after its end, each move and
/// trial break. Sorted, each once.
pub fn change_days(rules: &RuleSet, record: &Record, history: &History) -> Vec<NaiveDate> {
    let mut days = vec![history.hired(record), record.job_since];
    days.extend(history.left_on.and_then(|d| d.succ_opt()));
    let jobs = history
        .jobs
        .iter()
        .map(|j| (j.job.as_str(), j.since, j.prior_job_months))
        .chain([(
            record.job.as_str(),
            record.job_since,
            record.prior_job_months,
        )]);
    for (job, since, prior) in jobs {
        days.push(since);
        days.extend(band_boundaries(rules, job, since, prior));
    }
    days.extend(history.diplomas.iter().map(|d| d.since));
    for m in &record.missions {
        days.push(m.start);
        days.extend(m.end.and_then(|d| d.succ_opt()));
    }
    for m in &record.moves {
        days.push(m.on);
        days.extend(m.trial_broken_on);
    }
    days.sort_unstable();
    days.dedup();
    days
}

/// The days a job's experience reaches each band of its scale: `since` plus
/// the band's months less those acquired before. A job the rules do not know
/// has none (its decision is rejected, saying why).
fn band_boundaries<'r>(
    rules: &'r RuleSet,
    job: &str,
    since: NaiveDate,
    prior: u32,
) -> impl Iterator<Item = NaiveDate> + 'r {
    let found = rules.job_names_exact.get(job).copied().or_else(|| {
        match rules
            .job_names
            .get(&crate::names::normalize(job))
            .map(Vec::as_slice)
        {
            Some([one]) => Some(*one),
            _ => None,
        }
    });
    let bands = found.map(|j| &rules.scales[rules.jobs[j].scale].bands[..]);
    bands
        .unwrap_or_default()
        .iter()
        .filter(move |b| b.from_months > prior)
        .filter_map(move |b| calendar::add_months(since, b.from_months - prior))
}

/// The days on which a value of the rules changes: every dated parameter value
/// and table version (grids, point values, the SMIC), every transitional limit's start.
pub fn rule_days(rules: &RuleSet) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = rules
        .params
        .iter()
        .flat_map(|p| p.values.iter().map(|(d, _)| *d))
        .chain(
            rules
                .tables
                .iter()
                .flat_map(|t| t.versions.iter().map(|(d, _)| *d)),
        )
        .chain(rules.transitional.iter().filter_map(|t| t.from))
        .filter(|d| *d > NaiveDate::MIN)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The first days of the periods over which no value of the rules changes
/// (see [`crate::Evaluator::on_day_of_same_rules`]): the days of
/// [`rule_days`] and the day after each `connu jusqu'au` (a value read later
/// carries a warning). Sorted, each once; the first period runs from the
/// beginning of time to the first of them.
pub fn rule_periods(rules: &RuleSet) -> Vec<NaiveDate> {
    let known_until = rules
        .params
        .iter()
        .map(|p| p.known_until)
        .chain(rules.tables.iter().map(|t| t.known_until))
        .flatten()
        .filter_map(|d| d.succ_opt());
    let mut days = rule_days(rules);
    days.extend(known_until);
    days.sort_unstable();
    days.dedup();
    days
}
