//! The trial period of an internal move or of the hire: its length by the
//! layers' rules (the first whose selector holds), the law's caps, its status
//! on the evaluation date.

use chrono::NaiveDate;

use super::decision::{Trial, TrialStatus};
use super::time::{duration_at, FieldError, Missions};
use super::trace::{Gloss, Step, StepKind, Tracer};
use super::{Evaluator, Notes, OtherFloors, TrialCut, Warning};
use crate::calendar;
use crate::facts::Record;
use crate::model::grid::PositionId;
use crate::model::{
    CategoryId, Duration, DurationRef, JobId, Origin, TrialAt, TrialMaximum, TrialRule,
};

/// The trial period of the latest move on or before the evaluation date, or
/// of the hire when the rules open trials at hire and it came later.
///
/// Without a move, and without trials at hire, there is no trial: said
/// inline, without the call below.
#[inline]
pub(super) fn trial<'r, 'a, T: Tracer<'a>>(
    e: &'a Evaluator<'r>,
    record: &Record,
    (job, others): (JobId, &OtherFloors),
    missions: &Missions,
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<Trial<'r>>, FieldError> {
    if record.moves.is_empty() && !e.rules.opens_trials_at_hire() {
        return Ok(None);
    }
    latest_trial(e, record, (job, others), missions, warnings, t)
}

/// What opens a trial: a move or the hire, with its facts.
#[derive(Clone, Copy)]
struct Opening {
    at: At,
    start: NaiveDate,
    renewed: bool,
    broken_on: Option<NaiveDate>,
    /// The job of the trial: the move's `to`, the job held on the hire day.
    to: JobId,
    /// The move's `from`, and its index in `moves`.
    from: Option<(JobId, usize)>,
}

impl Opening {
    /// The field a problem with this trial's facts names.
    fn field(&self) -> String {
        match self.from {
            Some((_, index)) => format!("moves[{index}]"),
            None => "hired_on".to_string(),
        }
    }
}

#[inline(never)]
fn latest_trial<'r, 'a, T: Tracer<'a>>(
    e: &'a Evaluator<'r>,
    record: &Record,
    (job, others): (JobId, &OtherFloors),
    missions: &Missions,
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<Trial<'r>>, FieldError> {
    let rules = e.rules;
    let moved = match rules.opens_trials_on_moves() {
        true => latest_move(e, record, warnings)?,
        false => None,
    };
    let hired = hire(e, record, job)?;
    let opening = match (moved, hired) {
        (Some(m), Some(h)) if h.start > m.start => h,
        (Some(m), _) => m,
        (None, Some(h)) => h,
        (None, None) => return Ok(None),
    };
    if let Some((from, _)) = opening.from {
        // Back in the former job after a broken trial is what the text wants.
        let returned = opening.broken_on.is_some() && from == job;
        if opening.to != job && !returned {
            warnings.push(|| Warning::MovedElsewhere {
                on: opening.start,
                to: &rules.jobs[opening.to].id,
                job: &rules.jobs[job].id,
            });
        }
        if rules.trial.is_empty() && rules.company_trial.is_empty() {
            warnings.push(|| Warning::NoTrialRule);
            return Ok(None);
        }
    }
    open_trial(e, record, (job, others), missions, opening, warnings, t)
}

/// The latest move on or before the evaluation date that changes the job.
fn latest_move<'r>(
    e: &Evaluator<'r>,
    record: &Record,
    warnings: &mut Notes<'_, 'r>,
) -> Result<Option<Opening>, FieldError> {
    let rules = e.rules;
    let mut latest: Option<(usize, JobId, JobId)> = None;
    for (i, m) in record.moves.iter().enumerate() {
        let from = e
            .job_or_reason(&m.from)
            .map_err(|r| (format!("moves[{i}].from"), r))?;
        let to = e
            .job_or_reason(&m.to)
            .map_err(|r| (format!("moves[{i}].to"), r))?;
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
    Ok(latest.map(|(index, from, to)| {
        let m = &record.moves[index];
        Opening {
            at: At::Move,
            start: m.on,
            renewed: m.trial_renewed,
            broken_on: m.trial_broken_on,
            to,
            from: Some((from, index)),
        }
    }))
}

/// The hire, when the rules open trials at hire and the record gives
/// `hired_on` on or before the evaluation date. The job of the trial is the
/// one held that day: the first move's `from` when a move came after the
/// hire, else the record's job.
fn hire(e: &Evaluator, record: &Record, job: JobId) -> Result<Option<Opening>, FieldError> {
    if !e.rules.opens_trials_at_hire() {
        return Ok(None);
    }
    let Some(history) = record.history.as_deref() else {
        return Ok(None);
    };
    let Some(start) = history.hired_on.filter(|day| *day <= e.as_of) else {
        return Ok(None);
    };
    let first_move = record
        .moves
        .iter()
        .enumerate()
        .filter(|(_, m)| m.on >= start)
        .min_by_key(|(_, m)| m.on);
    let to = match first_move {
        Some((i, m)) => e
            .job(&m.from)
            .map_err(|r| (format!("moves[{i}].from"), crate::facts::Reason::Other(r)))?,
        None => job,
    };
    Ok(Some(Opening {
        at: At::Hire,
        start,
        renewed: history.hire_trial_renewed,
        broken_on: history.hire_trial_broken_on,
        to,
        from: None,
    }))
}

/// The trial `opening` opens: its rule, on the classification in its job on
/// its first day (as a beginner there, after a move), its status.
fn open_trial<'r, 'a, T: Tracer<'a>>(
    e: &'a Evaluator<'r>,
    record: &Record,
    (job, others): (JobId, &OtherFloors),
    missions: &Missions,
    opening: Opening,
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<Trial<'r>>, FieldError> {
    let rules = e.rules;
    let (start, to) = (opening.start, opening.to);
    // Named only when something goes wrong: most trials are fine.
    let field = || opening.field();
    let claims_then = missions
        .claims(e, start, &mut Notes::discard(), &mut super::trace::NoTrace)
        .map_err(|r| (field(), crate::facts::Reason::Other(r)))?;
    let claim = claims_then.iter().filter_map(|c| c.coefficient).max();
    let Some(coefficient) = e.entitlement_on(record, (job, others), to, start, claim) else {
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
        (opening.at, start, opening.renewed),
        (category, coefficient),
        warnings,
        t,
    )
    .map_err(|r| (field(), crate::facts::Reason::Other(r)))?;
    let Some(planned) = planned else {
        return Ok(None);
    };
    let (end, rule) = (planned.end, planned.rule);
    let jobs = opening.from.map(|(from, _)| (from, to, job));
    let status = trial_status(e, (opening.broken_on, end), jobs, warnings);
    t.step(|| Step {
        kind: StepKind::Trial {
            job: &rules.jobs[to].id,
            start,
            end,
            status: status.as_str(),
            category: &rules.categories[category].id,
            length: planned.length,
            renewal: planned.renewal,
            broken_on: opening.broken_on,
            at: opening.at.hire(),
            range: rule.selector.range(),
        },
        rule: Some(rules.place(rule.origin.span)),
        source: rule.origin.source.as_deref(),
        gloss: Gloss::of(&[&rule.origin]),
    });
    let from = opening.from.map(|(from, _)| from);
    Ok(Some(Trial {
        job: &rules.jobs[to].id,
        start,
        end,
        status,
        at: opening.at.hire(),
        return_to: from.map(|from| rules.jobs[from].id.as_str()),
        return_coefficient: from
            .and_then(|from| e.entitlement_on(record, (job, others), from, start, claim)),
    }))
}

/// What opened a trial.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Hire,
    Move,
}

impl At {
    /// The output's `at`: `hire`, absent for a move (as before trials at hire).
    fn hire(self) -> Option<&'static str> {
        (self == At::Hire).then_some("hire")
    }

    /// Whether a layer's rules, opening at `when`, give this trial.
    fn opens(self, when: TrialAt) -> bool {
        match self {
            At::Hire => when.hire,
            At::Move => when.moves,
        }
    }
}

/// A trial as one layer's rule makes it for a move's facts.
#[derive(Clone, Copy)]
struct Planned<'r> {
    rule: &'r TrialRule,
    /// The first trial's length, as the rule gives it on the move's day.
    length: Duration,
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
    (at, start, renewed): (At, NaiveDate, bool),
    (category, coefficient): (CategoryId, u32),
    warnings: &mut Notes<'_, 'r>,
    t: &mut T,
) -> Result<Option<Planned<'r>>, String> {
    let rules = e.rules;
    // The grid and position of the first day, with named grids.
    let placed = crate::model::placed_on(rules, coefficient, start);
    let grid = placed.map(|(g, _)| g);
    // The first rule that holds, in a layer whose trials open this way.
    let first_holding = |list: &'r [TrialRule], when: TrialAt| {
        let found = list
            .iter()
            .find(|r| r.selector.holds(category, coefficient, grid));
        found.filter(|_| at.opens(when))
    };
    let facts = (start, renewed, coefficient, placed.map(|(_, p)| p));
    // The agreement's durations must have a value on the move's day; at hire,
    // one that has none yet was not in force (Syntec's art. 3.4 from
    // 2023-05-01: an earlier hire has no trial rule, said, not a rejection).
    let required = |d| duration_at(e, d, start).map(Some);
    // A company agreement's whose durations have none was not in force yet.
    let in_force = |d| duration_in_force(e, d, start);
    let agreement_lengths: Lengths = match at {
        At::Hire => &in_force,
        At::Move => &required,
    };
    let (agreement_rule, company_rule) = (
        first_holding(&rules.trial, rules.trial_at),
        first_holding(&rules.company_trial, rules.company_trial_at),
    );
    let agreement = match agreement_rule {
        Some(rule) => plan(rule, facts, agreement_lengths)?,
        None => None,
    };
    let company = match company_rule {
        Some(rule) => plan(rule, facts, &in_force)?,
        None => None,
    };
    let (mut planned, cut_by_company) = match (agreement, company) {
        (Some(a), Some(c)) if c.end < a.end => (c, Some(a.end)),
        (Some(a), _) => (a, None),
        (None, Some(c)) => (c, None),
        // At hire, a rule that holds but whose durations have no value yet on
        // the first day was not in force then: no trial, and nothing to warn
        // of (the category has one under the rules since; a workforce hired
        // before them would carry the warning on every decision).
        (None, None) if at == At::Hire && agreement_rule.or(company_rule).is_some() => {
            return Ok(None)
        }
        (None, None) => {
            warnings.push(|| Warning::NoTrialForCategory {
                category: &rules.categories[category].id,
            });
            return Ok(None);
        }
    };
    let category_id = rules.categories[category].id.as_str();
    if planned.renewal_refused {
        let rank_only = placed.filter(|(g, _)| !rules.grids.grids[*g].coefficients);
        warnings.push(|| Warning::RenewalNotAllowed {
            category: category_id,
            coefficient,
            position: rank_only.map(|(g, p)| {
                let grids = &rules.grids;
                (
                    grids.grids[g].id.as_str(),
                    grids.positions[p].label.as_str(),
                )
            }),
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
            gloss: Gloss::of(&[origin]),
        });
    };
    if let Some(was) = cut_by_company {
        cut(TrialCut::Company, (was, planned.end), &planned.rule.origin);
    }
    if let Some(cap) = rules.trial_maximum.iter().find(|c| c.category == category) {
        within_law(e, &mut planned, (cap, start), &mut cut)?;
    }
    Ok(Some(planned))
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
    (start, renewed, coefficient, position): (NaiveDate, bool, u32, Option<PositionId>),
    length: Lengths,
) -> Result<Option<Planned<'r>>, String> {
    let Some(first) = length(rule.length)? else {
        return Ok(None);
    };
    let first_end = ends(start, first)?;
    let mut planned = Planned {
        rule,
        length: first,
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
        .is_none_or(|min| coefficient >= min)
        && (rule.renewal_except.is_none() || rule.renewal_except != position);
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
    jobs: Option<(JobId, JobId, JobId)>,
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
            // After a move (`from`, `to`, the job held now).
            if let Some((from, to, _)) = jobs.filter(|(_, to, job)| to == job) {
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
