//! Rules over time: the mission cap and the trial period of an internal move.

use chrono::{Datelike, NaiveDate};

use super::decision::{Claim, Trial, TrialStatus};
use super::trace::{Step, StepKind, Tracer};
use super::{Evaluator, Notes, OtherFloors, TrialCut, Warning};
use crate::calendar;
use crate::facts::Record;
use crate::model::{
    CategoryId, Duration, DurationRef, JobId, Origin, TimeUnit, TrialMaximum, TrialRule, Value,
};
use crate::names::normalize;

/// An employee's missions, resolved and clipped to the evaluation date.
pub(super) struct Missions {
    /// (job, first day, last day counted), by first day.
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
        // By first day: the count of claims walks them once, in that order.
        spans.sort_by_key(|(_, first, _)| *first);
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

impl Missions {
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
                let window_start = calendar::sub_duration(day, window)
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(NaiveDate::MIN);
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
                        if last >= day && !claimed[job] {
                            claimed[job] = true;
                            claims.push((job, day, count));
                        }
                    }
                    // A later claim needs a mission of a job that has not claimed,
                    // which starts later: one started before and running would be on
                    // this day. A long mission past the limit is not walked day by day.
                    while spans.get(next).is_some_and(|(job, _, _)| claimed[*job]) {
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
    if rules.trial.is_empty() && rules.company_trial.is_empty() {
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
    let planned = trial_end(
        e,
        (m.on, m.trial_renewed),
        (category, coefficient),
        warnings,
        t,
    )
    .map_err(|r| (field(), r))?;
    let Some((end, rule)) = planned else {
        return Ok(None);
    };
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

/// A trial as one layer's rule makes it for a move's facts.
#[derive(Clone, Copy)]
struct Planned<'r> {
    rule: &'r TrialRule,
    /// The last day of the first trial.
    first_end: NaiveDate,
    /// The renewal, when the move is renewed and the rule allows it.
    renewal: Option<Duration>,
    /// The last day, renewal included.
    end: NaiveDate,
    /// The move is renewed, and the rule allows no renewal here.
    renewal_refused: bool,
}

type Lengths<'x> = &'x dyn Fn(DurationRef) -> Result<Option<Duration>, String>;

/// Where the trial of a move on `start` ends: by the agreement's rule for the
/// category, or by a company agreement's when it ends sooner (the most
/// favourable to the employee is the shortest), then within the law's caps.
/// Each cut is a warning and a step. `None`: no layer gives the category a
/// trial (said).
fn trial_end<'r, 'a, T: Tracer<'a>>(
    e: &'a Evaluator<'r>,
    (start, renewed): (NaiveDate, bool),
    (category, coefficient): (CategoryId, u32),
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<(NaiveDate, &'r TrialRule)>, String> {
    let rules = e.rules;
    let of_category = |list: &'r [TrialRule]| list.iter().find(|r| r.category == category);
    let facts = (start, renewed, coefficient);
    // The agreement's durations must have a value on the move's day.
    let required = |d| duration_at(e, d, start).map(Some);
    let agreement = match of_category(&rules.trial) {
        Some(rule) => plan(rule, facts, &required)?,
        None => None,
    };
    // A company agreement's whose durations have none was not in force yet.
    let in_force = |d| duration_in_force(e, d, start);
    let company = match of_category(&rules.company_trial) {
        Some(rule) => plan(rule, facts, &in_force)?,
        None => None,
    };
    let (mut planned, cut_by_company) = match (agreement, company) {
        (Some(a), Some(c)) if c.end < a.end => (c, Some(a.end)),
        (Some(a), _) => (a, None),
        (None, Some(c)) => (c, None),
        (None, None) => {
            warnings.push(|| Warning::NoTrialForCategory {
                category: &rules.categories[category].id,
            });
            return Ok(None);
        }
    };
    let category_id = rules.categories[category].id.as_str();
    if planned.renewal_refused {
        warnings.push(|| Warning::RenewalNotAllowed {
            category: category_id,
            coefficient,
        });
    }
    let mut cut = |cut: TrialCut, (was, end): (NaiveDate, NaiveDate), origin: &'r Origin| {
        warnings.push(|| Warning::TrialShortened {
            cut,
            category: category_id,
            was,
            end,
        });
        t.step(|| Step {
            kind: StepKind::TrialCut {
                by: cut.by(),
                cut: cut.what(),
                limit: cut.limit(),
                was,
                end,
            },
            rule: Some(rules.place(origin.span)),
            source: origin.source.as_deref(),
        });
    };
    if let Some(was) = cut_by_company {
        cut(TrialCut::Company, (was, planned.end), &planned.rule.origin);
    }
    if let Some(cap) = rules.trial_maximum.iter().find(|c| c.category == category) {
        within_law(e, &mut planned, (cap, start), &mut cut)?;
    }
    Ok(Some((planned.end, planned.rule)))
}

/// Cuts a trial to the law's caps: the first trial (its renewal runs on from
/// the capped end), then the whole. A cap with no value on the move's day
/// (before the law) does not apply.
fn within_law<'r>(
    e: &Evaluator<'r>,
    planned: &mut Planned<'r>,
    (cap, start): (&'r TrialMaximum, NaiveDate),
    cut: &mut dyn FnMut(TrialCut, (NaiveDate, NaiveDate), &'r Origin),
) -> Result<(), String> {
    if let Some(length) = duration_in_force(e, cap.length, start)? {
        let longest = ends(start, length)?;
        if planned.first_end > longest {
            let cut_first = TrialCut::LawLength(length);
            cut(cut_first, (planned.first_end, longest), &cap.origin);
            planned.first_end = longest;
            planned.end = match planned.renewal {
                Some(renewal) => ends(next_day(longest)?, renewal)?,
                None => longest,
            };
        }
    }
    let Some(total) = cap.total else {
        return Ok(());
    };
    if let Some(total) = duration_in_force(e, total, start)? {
        let longest = ends(start, total)?;
        if planned.end > longest {
            cut(
                TrialCut::LawTotal(total),
                (planned.end, longest),
                &cap.origin,
            );
            planned.end = longest;
        }
    }
    Ok(())
}

/// The trial `rule` gives a move (`start`, renewed or not, at `coefficient`);
/// `None` when `length` finds a duration without a value that day.
fn plan<'r>(
    rule: &'r TrialRule,
    (start, renewed, coefficient): (NaiveDate, bool, u32),
    length: Lengths,
) -> Result<Option<Planned<'r>>, String> {
    let Some(first) = length(rule.length)? else {
        return Ok(None);
    };
    let first_end = ends(start, first)?;
    let mut planned = Planned {
        rule,
        first_end,
        renewal: None,
        end: first_end,
        renewal_refused: false,
    };
    if !renewed {
        return Ok(Some(planned));
    }
    let eligible = rule
        .renewal_from_coefficient
        .is_none_or(|min| coefficient >= min);
    match rule.renewal.filter(|_| eligible) {
        Some(renewal) => {
            let Some(renewal) = length(renewal)? else {
                return Ok(None);
            };
            planned.renewal = Some(renewal);
            planned.end = ends(next_day(first_end)?, renewal)?;
        }
        None => planned.renewal_refused = true,
    }
    Ok(Some(planned))
}

/// The last day of a period of `length` from `start`.
fn ends(start: NaiveDate, length: Duration) -> Result<NaiveDate, String> {
    calendar::period_end(start, length).ok_or_else(beyond_calendar)
}

fn next_day(day: NaiveDate) -> Result<NaiveDate, String> {
    day.succ_opt().ok_or_else(beyond_calendar)
}

fn beyond_calendar() -> String {
    "the trial period ends beyond the calendar".to_string()
}

/// A duration's value on `day`; `None` when its parameter has none yet.
fn duration_in_force(
    e: &Evaluator,
    d: DurationRef,
    day: NaiveDate,
) -> Result<Option<Duration>, String> {
    match d {
        DurationRef::Param(p) if e.rules.params[p].at(day).is_none() => Ok(None),
        _ => duration_at(e, d, day).map(Some),
    }
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
                    (random(4) as usize, start, end)
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
