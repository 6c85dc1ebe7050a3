//! Rules over time: the mission cap and the trial period of an internal move.

use chrono::{Datelike, NaiveDate};

use super::decision::{Claim, ClaimKind};
use super::trace::{Gloss, Step, StepKind, Tracer};
use super::{Evaluator, Notes, Warning};
use crate::calendar;
use crate::facts::Record;
use crate::model::{Duration, DurationRef, JobId, TimeUnit, Value};
use crate::names::normalize;

/// An employee's missions, resolved and clipped to the evaluation date.
pub(super) struct Missions {
    /// (job, first day, last day counted), by first day.
    spans: Vec<(JobId, NaiveDate, NaiveDate)>,
    future: usize,
}

pub(super) type FieldError = (String, crate::facts::Reason);

impl Missions {
    pub fn resolve(e: &Evaluator, record: &Record) -> Result<Missions, FieldError> {
        let mut spans = Vec::with_capacity(record.missions.len());
        let mut future = 0;
        for (i, m) in record.missions.iter().enumerate() {
            let job = e
                .job_or_reason(&m.job)
                .map_err(|reason| (format!("missions[{i}].job"), reason))?;
            if m.start > e.as_of {
                future += 1;
                continue;
            }
            let last = m.end.map_or(e.as_of, |end| end.min(e.as_of));
            spans.push((job, m.start, last));
        }
        // By first day: the count of claims walks them once, in that order.
        spans.sort_by_key(|(_, first, _)| *first);
        Ok(Missions { spans, future })
    }

    /// The claims arisen on or before `until` under the mission cap.
    ///
    /// Most employees have no mission: their answer is given inline, without
    /// the call to the body below.
    #[inline]
    pub fn claims<'r, 'a, T: Tracer<'a>>(
        &self,
        e: &'a Evaluator<'r>,
        until: NaiveDate,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Result<Vec<Claim<'r>>, String> {
        if self.future == 0 && self.spans.is_empty() {
            // The explanation still gives the window's count (nothing when untraced).
            if until == e.as_of {
                self.window_step(e, t);
            }
            return Ok(Vec::new());
        }
        self.claims_of_missions(e, until, warnings, t)
    }

    #[inline(never)]
    fn claims_of_missions<'r, 'a, T: Tracer<'a>>(
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
            if until == e.as_of {
                self.window_step(e, t);
            }
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
        if until == e.as_of {
            self.window_step(e, t);
        }
        if days.overlapping && until == e.as_of {
            warnings.push(|| Warning::OverlappingMissions);
        }
        if days.total() <= limit {
            return Ok(Vec::new());
        }
        let claims = self.over_the_cap(&days, window, limit, rules.jobs.len());
        let mut claims = claims;
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
                    // A company agreement's value for the band, where higher.
                    .and_then(|b| def.cells[b].coefficient.max(e.company_value(job, b)));
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
                    gloss: Gloss::of(&[&cap.origin]),
                });
                Claim {
                    kind: ClaimKind::MissionCap,
                    job: &def.id,
                    coefficient,
                    since,
                }
            })
            .collect())
    }
}

impl Missions {
    /// The figures a reader weighs, claim or not: the mission days in the
    /// window that ends on the evaluation date, against the cap. Shown only:
    /// a cap whose durations have no value here records nothing (the
    /// decision says so where it reads them).
    fn window_step<'r, 'a, T: Tracer<'a>>(&self, e: &'a Evaluator<'r>, t: &mut T) {
        t.record(|t| self.record_window(e, t));
    }

    /// The step [`Self::window_step`] records.
    fn record_window<'r, 'a, T: Tracer<'a>>(&self, e: &'a Evaluator<'r>, t: &mut T) {
        let Some(cap) = e.rules.mission_cap.as_ref() else {
            return;
        };
        let window = duration_at(e, cap.window, e.as_of);
        let limit = duration_at(e, cap.at_most, e.as_of).and_then(days_of);
        let (Ok(window), Ok(limit)) = (window, limit) else {
            return;
        };
        let until = e.as_of;
        let from = window_start(until, window);
        let days = DaySet::new(&self.spans, until).count_between(from, until);
        t.step(|| Step {
            kind: StepKind::MissionWindow {
                from,
                until,
                days,
                cap: limit,
            },
            rule: Some(e.rules.place(cap.origin.span)),
            source: cap.origin.source.as_deref(),
            gloss: Gloss::of(&[&cap.origin]),
        });
    }

    /// Each job's claim: the first day on which the mission days in the window
    /// exceed `limit` while one of its missions runs, with that day's count.
    ///
    /// The days are walked in order, skipping those that cannot exceed the limit
    /// (the count grows by one day at most); on a day above it, every mission
    /// running claims, and the walk goes on from the next start of a mission of
    /// a job that has not claimed. Missions are taken in order of their first
    /// day and each is looked at a bounded number of times, so the work grows
    /// with the number of missions and the log of it, not with its square.
    fn over_the_cap(
        &self,
        days: &DaySet,
        window: Duration,
        limit: u32,
        jobs: usize,
    ) -> Vec<(JobId, NaiveDate, u32)> {
        let spans = &self.spans;
        let mut claims = Vec::new();
        let mut claimed = vec![false; jobs];
        // Missions started on or before the day walked that may still claim.
        let mut running: Vec<usize> = Vec::new();
        // The first mission not yet started on the day walked.
        let mut next = 0;
        'intervals: for &(start, end) in &days.intervals {
            let mut day = start;
            while day <= end {
                let window_start = window_start(day, window);
                let count = days.count_between(window_start, day);
                if count > limit {
                    while spans.get(next).is_some_and(|(_, first, _)| *first <= day) {
                        running.push(next);
                        next += 1;
                    }
                    work::add(running.len());
                    // Every mission left there has ended, claimed, or claims now.
                    for i in running.drain(..) {
                        let (job, _, last) = spans[i];
                        if last >= day && !claimed[job.index()] {
                            claimed[job.index()] = true;
                            claims.push((job, day, count));
                        }
                    }
                    // A later claim needs a mission of a job that has not claimed,
                    // which starts later: one started before and running would be on
                    // this day. A long mission past the limit is not walked day by day.
                    while spans
                        .get(next)
                        .is_some_and(|(job, _, _)| claimed[job.index()])
                    {
                        work::add(1);
                        next += 1;
                    }
                    match spans.get(next) {
                        None => break 'intervals,
                        Some((_, first, _)) if *first <= end => {
                            day = *first;
                            continue;
                        }
                        Some(_) => break,
                    }
                }
                // The count grows by one day at most: no day before this one can exceed the limit.
                let skip = u64::from(limit.saturating_sub(count)) + 1;
                let Some(next_day) = calendar::add_days(day, skip) else {
                    break;
                };
                day = next_day;
            }
        }
        claims
    }
}

/// The days covered by missions, as disjoint sorted intervals.
struct DaySet {
    intervals: Vec<(NaiveDate, NaiveDate)>,
    /// The days of the intervals before each one, and of all at the end.
    before: Vec<u32>,
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
        let mut before = Vec::with_capacity(intervals.len() + 1);
        let mut total = 0u32;
        before.push(0);
        for (s, e) in &intervals {
            total = total.saturating_add(days_between(*s, *e));
            before.push(total);
        }
        DaySet {
            intervals,
            before,
            overlapping,
        }
    }

    fn total(&self) -> u32 {
        self.before.last().copied().unwrap_or(0)
    }

    /// Mission days from `from` to `to`, both included: the whole intervals
    /// between, found by bisection, less what the first and last leave out.
    fn count_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let n = self.intervals.len();
        work::add(2 * (usize::BITS - n.leading_zeros()) as usize);
        let first = self.intervals.partition_point(|(_, e)| *e < from);
        let past = self.intervals.partition_point(|(s, _)| *s <= to);
        if first >= past {
            return 0;
        }
        let whole = self.before[past].saturating_sub(self.before[first]);
        let (s, _) = self.intervals[first];
        let (_, e) = self.intervals[past - 1];
        let cut_before = if s < from {
            days_between(s, from) - 1
        } else {
            0
        };
        let cut_after = if e > to { days_between(to, e) - 1 } else { 0 };
        whole.saturating_sub(cut_before).saturating_sub(cut_after)
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

/// The first day of the window that ends on `day`: (day − window, day].
fn window_start(day: NaiveDate, window: Duration) -> NaiveDate {
    calendar::sub_duration(day, window)
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

fn days_of(d: Duration) -> Result<u32, String> {
    match d.unit {
        TimeUnit::Days => Ok(d.count),
        TimeUnit::Weeks => Ok(d.count.saturating_mul(7)),
        _ => Err("the mission limit must be a number of days or weeks".to_string()),
    }
}

/// Work done counting mission days, counted in tests: the growth with the number
/// of missions is asserted on counts, which do not vary with the machine.
#[cfg(test)]
mod work {
    use std::cell::Cell;

    thread_local! {
        static DONE: Cell<u64> = const { Cell::new(0) };
    }

    pub fn add(n: usize) {
        DONE.with(|d| d.set(d.get() + n as u64));
    }

    /// The work `f` does.
    pub fn of(f: impl FnOnce()) -> u64 {
        DONE.with(|d| d.set(0));
        f();
        DONE.with(Cell::get)
    }
}

#[cfg(not(test))]
mod work {
    #[inline(always)]
    pub fn add(_: usize) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Mission, Position};

    fn rules() -> crate::RuleSet {
        crate::load_path("rules/cgt-2008.grille", Default::default())
            .unwrap()
            .0
    }

    /// An employee with `n` one-day missions, one every three days, ending
    /// before `as_of`: more mission days in the 24 months' window than the 183
    /// allowed, so that every mission is looked at for a claim.
    fn employee(n: usize, as_of: NaiveDate) -> Record {
        let first = as_of - chrono::Duration::days(3 * n as i64 + 10);
        let jobs = ["Superviseur", "Formateur", "Chargé de clientèle"];
        let missions = (0..n)
            .map(|i| {
                let day = first + chrono::Duration::days(3 * i as i64);
                Mission {
                    job: jobs[i % jobs.len()].to_string(),
                    start: day,
                    end: Some(day),
                }
            })
            .collect();
        Record {
            position: Position::Record(1),
            id: "M".to_string(),
            job: "Téléconseiller".to_string(),
            job_since: first,
            prior_job_months: 0,
            diploma: None,
            previous_sector_coefficient: None,
            missions,
            moves: Vec::new(),
            hours: None,
            salary: None,
            coefficient: None,
            history: None,
            extra: None,
        }
    }

    /// The claims as the rule says them, day by day: on each day, the mission
    /// days in the window counted one by one; above the limit, each mission
    /// running that day claims, if its job has not.
    fn by_definition(
        spans: &[(JobId, NaiveDate, NaiveDate)],
        until: NaiveDate,
        window: Duration,
        limit: u32,
    ) -> Vec<(JobId, NaiveDate, u32)> {
        let covered = |d: NaiveDate| {
            spans
                .iter()
                .any(|(_, s, e)| *s <= d && d <= *e && d <= until)
        };
        let Some(first) = spans.iter().map(|(_, s, _)| *s).min() else {
            return Vec::new();
        };
        let mut claims: Vec<(JobId, NaiveDate, u32)> = Vec::new();
        let mut day = first;
        while day <= until {
            if covered(day) {
                let from = calendar::sub_duration(day, window)
                    .unwrap()
                    .succ_opt()
                    .unwrap();
                let count = from
                    .iter_days()
                    .take_while(|d| *d <= day)
                    .filter(|d| covered(*d))
                    .count() as u32;
                if count > limit {
                    for (job, s, e) in spans {
                        if *s <= day && day <= *e && !claims.iter().any(|c| c.0 == *job) {
                            claims.push((*job, day, count));
                        }
                    }
                }
            }
            day = day.succ_opt().unwrap();
        }
        claims.sort();
        claims
    }

    #[test]
    fn claims_are_those_the_rule_gives_day_by_day() {
        let rules = rules();
        let mut seed = 7u64;
        let mut random = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for case in 0..300 {
            let missions = random(12) as usize;
            let spans: Vec<(JobId, NaiveDate, NaiveDate)> = (0..missions)
                .map(|_| {
                    let start = base + chrono::Duration::days(random(900) as i64);
                    let end = start + chrono::Duration::days(random(120) as i64);
                    (JobId::new(random(4) as usize), start, end)
                })
                .collect();
            let window = Duration {
                count: 1 + random(3) as u32,
                unit: if case % 2 == 0 {
                    TimeUnit::Months
                } else {
                    TimeUnit::Weeks
                },
            };
            let limit = 5 + random(40) as u32;
            let until = base + chrono::Duration::days(300 + random(700) as i64);
            let mut sorted = spans.clone();
            sorted.sort_by_key(|(_, first, _)| *first);
            let missions = Missions {
                spans: sorted,
                future: 0,
            };
            let days = DaySet::new(&missions.spans, until);
            let mut ours = missions.over_the_cap(&days, window, limit, rules.jobs.len());
            ours.sort();
            assert_eq!(
                ours,
                by_definition(&spans, until, window, limit),
                "case {case}: {spans:?} until {until}, {window:?}, limit {limit}"
            );
        }
    }

    #[test]
    fn counting_missions_grows_linearly_with_their_number() {
        let rules = rules();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let e = Evaluator::new(&rules, as_of);
        let work = |n: usize| {
            let record = employee(n, as_of);
            let mut claims = 0;
            let done = work::of(|| {
                let decision = e.decide(&record).unwrap();
                claims = decision.claims.len();
            });
            // Three jobs, each over the cap: three claims whatever n.
            assert_eq!(claims, 3, "{n} missions");
            done
        };
        let (small, large) = (work(2_000), work(8_000));
        // Four times the missions: four times the work (and the log of a sort),
        // not sixteen.
        assert!(
            large < small * 5,
            "2,000 missions: {small}; 8,000 missions: {large}"
        );
    }
}
