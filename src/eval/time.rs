//! Rules over time: the mission cap and the trial period of an internal move.

use chrono::{Datelike, NaiveDate};

use super::decision::{Claim, Trial, TrialStatus};
use super::trace::{Step, StepKind, Tracer};
use super::{Evaluator, Notes, OtherFloors, Warning};
use crate::calendar;
use crate::facts::Record;
use crate::model::{Duration, DurationRef, JobId, TimeUnit, Value};
use crate::names::normalize;

/// An employee's missions, resolved and clipped to the evaluation date.
pub(super) struct Missions {
    /// (job, first day, last day counted), in input order.
    spans: Vec<(JobId, NaiveDate, NaiveDate)>,
    future: usize,
}

type FieldError = (String, String);

impl Missions {
    pub fn resolve(e: &Evaluator, record: &Record) -> Result<Missions, FieldError> {
        let mut spans = Vec::with_capacity(record.missions.len());
        let mut future = 0;
        for (i, m) in record.missions.iter().enumerate() {
            let job = e
                .job(&m.job)
                .map_err(|reason| (format!("missions[{i}].job"), reason))?;
            if m.start > e.as_of {
                future += 1;
                continue;
            }
            let last = m.end.map_or(e.as_of, |end| end.min(e.as_of));
            spans.push((job, m.start, last));
        }
        Ok(Missions { spans, future })
    }

    /// The claims arisen on or before `until` under the mission cap.
    pub fn claims<'r, 'a, T: Tracer<'a>>(
        &self,
        e: &'a Evaluator<'r>,
        until: NaiveDate,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Result<Vec<Claim<'r>>, String> {
        let rules = e.rules;
        if self.future > 0 && until == e.as_of {
            warnings.push(|| Warning::FutureMissions { count: self.future });
        }
        if self.spans.is_empty() {
            return Ok(Vec::new());
        }
        let Some(cap) = &rules.mission_cap else {
            if until == e.as_of {
                warnings.push(|| Warning::NoMissionCap);
            }
            return Ok(Vec::new());
        };
        let window = duration_at(e, cap.window, e.as_of)?;
        let limit = days_of(duration_at(e, cap.at_most, e.as_of)?)?;
        let days = DaySet::new(&self.spans, until);
        if days.overlapping && until == e.as_of {
            warnings.push(|| Warning::OverlappingMissions);
        }
        if days.total() <= limit {
            return Ok(Vec::new());
        }
        let mut claims: Vec<(JobId, NaiveDate, u32)> = Vec::new();
        for &(start, end) in &days.intervals {
            let mut day = start;
            while day <= end {
                let window_start = calendar::sub_duration(day, window)
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(NaiveDate::MIN);
                let count = days.count_between(window_start, day);
                if count > limit {
                    for &(job, first, last) in &self.spans {
                        if first <= day && day <= last && !claimed(&claims, job) {
                            claims.push((job, day, count));
                        }
                    }
                    // Every mission on this day has claimed: a later claim needs an
                    // unclaimed mission, which starts later (one started earlier and
                    // still running would be on this day). A long mission past the
                    // limit is not walked day by day.
                    let next_start = self
                        .spans
                        .iter()
                        .filter(|(job, first, _)| {
                            *first > day && *first <= end && !claimed(&claims, *job)
                        })
                        .map(|(_, first, _)| *first)
                        .min();
                    match next_start {
                        Some(next) => {
                            day = next;
                            continue;
                        }
                        None => break,
                    }
                }
                // The count grows by one day at most: no day before this one can exceed the limit.
                let skip = u64::from(limit.saturating_sub(count)) + 1;
                let Some(next) = calendar::add_days(day, skip) else {
                    break;
                };
                day = next;
            }
        }
        claims.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| rules.jobs[a.0].id.cmp(&rules.jobs[b.0].id))
        });
        let band = normalize(&cap.claim_band);
        Ok(claims
            .into_iter()
            .map(|(job, since, count)| {
                let def = &rules.jobs[job];
                let scale = &rules.scales[def.scale];
                let coefficient = scale
                    .bands
                    .iter()
                    .position(|b| normalize(&b.id) == band)
                    .and_then(|b| def.cells[b].coefficient);
                if coefficient.is_none() && until == e.as_of {
                    warnings.push(|| Warning::ClaimUnclassified { job: &def.id });
                }
                t.step(|| Step {
                    kind: StepKind::Claim {
                        job: &def.id,
                        coefficient,
                        since,
                        days: count,
                    },
                    rule: Some(rules.place(cap.origin.span)),
                    source: cap.origin.source.as_deref(),
                });
                Claim {
                    kind: "mission-cap",
                    job: &def.id,
                    coefficient,
                    since,
                }
            })
            .collect())
    }
}

fn claimed(claims: &[(JobId, NaiveDate, u32)], job: JobId) -> bool {
    claims.iter().any(|(j, _, _)| *j == job)
}

/// The days covered by missions, as disjoint sorted intervals.
struct DaySet {
    intervals: Vec<(NaiveDate, NaiveDate)>,
    overlapping: bool,
}

impl DaySet {
    fn new(spans: &[(JobId, NaiveDate, NaiveDate)], until: NaiveDate) -> DaySet {
        let mut raw: Vec<(NaiveDate, NaiveDate)> = spans
            .iter()
            .filter(|(_, s, _)| *s <= until)
            .map(|(_, s, e)| (*s, (*e).min(until)))
            .collect();
        raw.sort();
        let mut intervals: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(raw.len());
        let mut overlapping = false;
        for (s, e) in raw {
            match intervals.last_mut() {
                Some(last) if s <= last.1 => {
                    overlapping = true;
                    last.1 = last.1.max(e);
                }
                Some(last) if last.1.succ_opt() == Some(s) => last.1 = e,
                _ => intervals.push((s, e)),
            }
        }
        DaySet {
            intervals,
            overlapping,
        }
    }

    fn total(&self) -> u32 {
        self.intervals
            .iter()
            .map(|(s, e)| days_between(*s, *e))
            .sum()
    }

    /// Mission days from `from` to `to`, both included.
    fn count_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        self.intervals
            .iter()
            .filter(|(s, e)| *s <= to && *e >= from)
            .map(|(s, e)| days_between((*s).max(from), (*e).min(to)))
            .sum()
    }
}

fn days_between(first: NaiveDate, last: NaiveDate) -> u32 {
    // Day numbers, not `last - first`: chrono's subtraction is slower, and this is per day of a mission.
    let days = i64::from(last.num_days_from_ce()) - i64::from(first.num_days_from_ce());
    u32::try_from(days + 1).unwrap_or(0)
}

pub(super) fn duration_at(
    e: &Evaluator,
    d: DurationRef,
    day: NaiveDate,
) -> Result<Duration, String> {
    match d {
        DurationRef::Literal(d) => Ok(d),
        DurationRef::Param(p) => {
            let param = &e.rules.params[p];
            match param.at(day) {
                Some((_, Value::Duration(d))) => Ok(d),
                Some(_) => Err(format!("`{}` is not a duration", param.name)),
                None => Err(format!("`{}` has no value on {day}", param.name)),
            }
        }
    }
}

fn days_of(d: Duration) -> Result<u32, String> {
    match d.unit {
        TimeUnit::Days => Ok(d.count),
        TimeUnit::Weeks => Ok(d.count.saturating_mul(7)),
        _ => Err("the mission limit must be a number of days or weeks".to_string()),
    }
}

/// The trial period of the latest move on or before the evaluation date.
pub(super) fn trial<'r, 'a, T: Tracer<'a>>(
    e: &'a Evaluator<'r>,
    record: &Record,
    (job, others): (JobId, &OtherFloors),
    missions: &Missions,
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<Trial<'r>>, FieldError> {
    let rules = e.rules;
    let mut latest: Option<(usize, JobId, JobId)> = None;
    for (i, m) in record.moves.iter().enumerate() {
        let from = e
            .job(&m.from)
            .map_err(|r| (format!("moves[{i}].from"), r))?;
        let to = e.job(&m.to).map_err(|r| (format!("moves[{i}].to"), r))?;
        if m.on > e.as_of {
            warnings.push(|| Warning::FutureMove { on: m.on });
            continue;
        }
        // Reading: a move to the job already held changes no function; it
        // opens no trial, and an earlier move keeps its own (said, not dropped).
        if from == to {
            warnings.push(|| Warning::MoveToSameJob {
                on: m.on,
                job: &rules.jobs[to].id,
            });
            continue;
        }
        if latest.is_none_or(|(l, _, _)| record.moves[l].on <= m.on) {
            latest = Some((i, from, to));
        }
    }
    let Some((index, from, to)) = latest else {
        return Ok(None);
    };
    let m = &record.moves[index];
    // Back in the former job after a broken trial is what the text wants.
    let returned = m.trial_broken_on.is_some() && from == job;
    if to != job && !returned {
        warnings.push(|| Warning::MovedElsewhere {
            on: m.on,
            to: &rules.jobs[to].id,
            job: &rules.jobs[job].id,
        });
    }
    if rules.trial.is_empty() {
        warnings.push(|| Warning::NoTrialRule);
        return Ok(None);
    }
    // Named only when something goes wrong: most moves are fine.
    let field = || format!("moves[{index}]");
    let claims_then = missions
        .claims(e, m.on, &mut Notes::discard(), &mut super::trace::NoTrace)
        .map_err(|r| (field(), r))?;
    let claim = claims_then.iter().filter_map(|c| c.coefficient).max();
    let Some(coefficient) = e.entitlement_on(record, (job, others), to, m.on, claim) else {
        warnings.push(|| Warning::TrialJobUnclassified {
            job: &rules.jobs[to].id,
        });
        return Ok(None);
    };
    let Some(level) = rules.level_of(coefficient) else {
        return Ok(None);
    };
    let category = rules.levels[level].category;
    let Some(rule) = rules.trial.iter().find(|r| r.category == category) else {
        warnings.push(|| Warning::NoTrialForCategory {
            category: &rules.categories[category].id,
        });
        return Ok(None);
    };
    let length = duration_at(e, rule.length, m.on).map_err(|r| (field(), r))?;
    let overflow = || {
        (
            field(),
            "the trial period ends beyond the calendar".to_string(),
        )
    };
    let mut end = calendar::period_end(m.on, length).ok_or_else(overflow)?;
    if m.trial_renewed {
        let eligible = rule
            .renewal_from_coefficient
            .is_none_or(|min| coefficient >= min);
        match (rule.renewal, eligible) {
            (Some(renewal), true) => {
                let renewal = duration_at(e, renewal, m.on).map_err(|r| (field(), r))?;
                let restart = end.succ_opt().ok_or_else(overflow)?;
                end = calendar::period_end(restart, renewal).ok_or_else(overflow)?;
            }
            _ => warnings.push(|| Warning::RenewalNotAllowed {
                category: &rules.categories[category].id,
                coefficient,
            }),
        }
    }
    let status = trial_status(e, (m.trial_broken_on, end), (from, to, job), warnings);
    t.step(|| Step {
        kind: StepKind::Trial {
            job: &rules.jobs[to].id,
            start: m.on,
            end,
            status: status.as_str(),
        },
        rule: Some(rules.place(rule.origin.span)),
        source: rule.origin.source.as_deref(),
    });
    Ok(Some(Trial {
        job: &rules.jobs[to].id,
        start: m.on,
        end,
        status,
        return_to: &rules.jobs[from].id,
        return_coefficient: e.entitlement_on(record, (job, others), from, m.on, claim),
    }))
}

/// Running, completed or broken on the evaluation date. A break counts only
/// within the trial: one dated after its end came too late to be a trial
/// break (the trial was completed), whether or not that day has come; one
/// dated after the evaluation date has not happened yet.
fn trial_status<'r>(
    e: &Evaluator<'r>,
    (broken_on, end): (Option<NaiveDate>, NaiveDate),
    (from, to, job): (JobId, JobId, JobId),
    warnings: &mut Notes<'_, 'r>,
) -> TrialStatus {
    let rules = e.rules;
    let by_date = if e.as_of <= end {
        TrialStatus::Running
    } else {
        TrialStatus::Completed
    };
    match broken_on {
        Some(broken) if broken > end => {
            warnings.push(|| Warning::BrokenAfterEnd { broken, end });
            by_date
        }
        Some(broken) if broken <= e.as_of => {
            if to == job {
                warnings.push(|| Warning::ShouldBeBack {
                    job: &rules.jobs[to].id,
                    broken,
                    back_to: &rules.jobs[from].id,
                });
            }
            TrialStatus::Broken
        }
        _ => by_date,
    }
}
