//! Back-pay for a contested classification (READING §12): an employee's
//! history replayed month by month under a rule set and the layers above it.
//!
//! Each month is cut into segments at the days where the decision can change
//! (found from the facts and the rules: hire and departure, jobs, band
//! boundaries, diplomas, missions, moves, dated values of the rules, the next
//! step each decision announces), each segment decided by the very same
//! evaluator `grille eval` uses, on its first day. Between two such days a
//! decision is checked on the last day too, and a change found there is
//! located by halving, never by deciding every day. The owed amount of a month
//! is the exact sum of its segments' minimums × days / days of the month,
//! rounded once, half-up, to the cent.

pub mod day;
pub mod encode;
pub mod html;
pub mod names;
pub mod sample;
pub mod tables;
pub mod text;
mod totals;

use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::eval::Warning;
use crate::facts::{History, Month, Record, Rejection};
use crate::model::{Duration, RuleSet, Value};
use crate::Evaluator;
pub use totals::owed;
use totals::Prescription;

/// The parameters of the law a replay reads (rules/loi.grille).
const PRESCRIPTION: &str = "prescription_salaires";
const PAID_LEAVE: &str = "taux_conges_payes";

/// What a replay is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub from: Month,
    pub to: Month,
    /// The day the claim is brought: prescription counts from it.
    pub claim_on: NaiveDate,
}

/// One employee's back-pay (facts.md, "Output of a replay").
#[derive(Debug, Clone, PartialEq)]
pub struct Replay<'r> {
    pub id: String,
    pub claim_on: NaiveDate,
    pub hired_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub months: Vec<MonthOwed<'r>>,
    pub totals: Totals,
    pub rights: Vec<Right<'r>>,
    pub warnings: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthOwed<'r> {
    pub month: Month,
    pub owed: Decimal,
    /// `None`: no payslip for the month (unknown, not counted).
    pub paid: Option<Decimal>,
    pub shortfall: Option<Decimal>,
    /// Not prescribed on the claim date.
    pub claimable: bool,
    /// The coefficient written on the payslip.
    pub paid_coefficient: Option<u32>,
    /// Whether any day of the month is inside the contract.
    pub employed: bool,
    pub segments: Vec<Segment<'r>>,
}

/// Days of a month over which the decision is the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment<'r> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub job: &'r str,
    pub band: &'r str,
    pub coefficient: u32,
    pub level: u32,
    /// The month's amounts at the month's hours, before the day fraction.
    pub minimum_agreement: Option<Decimal>,
    pub minimum_law: Option<Decimal>,
    pub minimum: Decimal,
    pub winner: Option<&'static str>,
}

impl Segment<'_> {
    fn same_decision(&self, other: &Segment) -> bool {
        (
            self.job,
            self.band,
            self.coefficient,
            self.level,
            self.minimum_agreement,
            self.minimum_law,
            self.minimum,
            self.winner,
        ) == (
            other.job,
            other.band,
            other.coefficient,
            other.level,
            other.minimum_agreement,
            other.minimum_law,
            other.minimum,
            other.winner,
        )
    }

    /// Calendar days of the segment, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub shortfall: Decimal,
    pub claimable: Decimal,
    pub prescribed: Decimal,
    pub paid_leave: Decimal,
    pub unknown_months: usize,
}

/// A value owed, with the day it began.
#[derive(Debug, Clone, PartialEq)]
pub struct Right<'r> {
    pub what: &'static str,
    pub value: u32,
    pub since: NaiveDate,
    pub job: &'r str,
    /// The job's name, as the rules write it.
    pub job_name: &'r str,
    pub band: &'r str,
    /// The band's label, as the rules write it (its id if it has none).
    pub band_name: &'r str,
    /// Said in a few words, in English: `band senior in Conseiller clientèle`
    /// ([`crate::catalogue::Text::RightOfBand`] says it in French too).
    pub why: String,
}

/// A warning of a replay, in both languages, with the month it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub month: Option<Month>,
    pub en: String,
    pub fr: String,
}

/// A decision on one day, as a segment needs it.
struct OnDay<'r> {
    segment: Segment<'r>,
    next_step: Option<NaiveDate>,
    warnings: Vec<Warning<'r>>,
}

/// Replays employees under one rule set over one range of months.
pub struct Replayer<'r> {
    rules: &'r RuleSet,
    settings: Settings,
    rule_days: Vec<NaiveDate>,
    /// The evaluator of the first day, whose names and grid the others share.
    base: Evaluator<'r>,
    /// The first day of each period of unchanged rules after the first.
    periods: Vec<NaiveDate>,
    /// The evaluator of a day of each period, whose tables the period's
    /// other days share; built when first needed (index: the period's).
    period_evaluators: Vec<OnceLock<Evaluator<'r>>>,
    /// One evaluator per day of the range, built when first needed.
    evaluators: Vec<OnceLock<Evaluator<'r>>>,
    prescription: Option<Duration>,
    paid_leave_rate: Option<Decimal>,
}

/// Why a replay cannot be asked.
pub fn check_settings(settings: &Settings) -> Result<(), String> {
    if settings.from > settings.to {
        return Err(format!(
            "the first month ({}) is after the last ({})",
            settings.from, settings.to
        ));
    }
    Ok(())
}

impl<'r> Replayer<'r> {
    pub fn new(rules: &'r RuleSet, settings: Settings) -> Self {
        let range = (settings.to.last_day() - settings.from.first_day()).num_days() + 1;
        let param = |name: &str| {
            let p = rules.param_index(name)?;
            rules.params[p].at(settings.claim_on).map(|(_, v)| v)
        };
        let periods = day::rule_periods(rules);
        Replayer {
            rules,
            settings,
            rule_days: day::rule_days(rules),
            base: Evaluator::new(rules, settings.from.first_day()),
            period_evaluators: (0..=periods.len()).map(|_| OnceLock::new()).collect(),
            periods,
            evaluators: (0..range.max(0)).map(|_| OnceLock::new()).collect(),
            prescription: match param(PRESCRIPTION) {
                Some(Value::Duration(d)) => Some(d),
                _ => None,
            },
            paid_leave_rate: match param(PAID_LEAVE) {
                Some(Value::Number(n)) => Some(n),
                _ => None,
            },
            // `check_settings` refuses a range that ends before it starts.
        }
    }

    pub fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Replays one employee; a record without history is replayed as if it
    /// had always held its job (hired on `job_since`).
    pub fn replay(&self, record: &Record) -> Result<Replay<'r>, Rejection> {
        let empty = History::default();
        let history = record.history.as_deref().unwrap_or(&empty);
        let days = self.days_of_change(record, history);
        let mut months = Vec::new();
        let mut notes = Vec::new();
        let mut month = self.settings.from;
        while month <= self.settings.to {
            months.push(self.month(record, history, month, &days, &mut notes)?);
            month = month.next();
        }
        let claimable_from = self.claimable_from(history.left_on, &mut notes);
        for m in &mut months {
            m.claimable = match claimable_from {
                Prescription::None => true,
                Prescription::From(limit) => m.month.last_day() >= limit,
                Prescription::All => false,
            };
        }
        let totals = self.totals(&months, &mut notes);
        let rights = self.rights(record, history, &months, &days)?;
        Ok(Replay {
            id: record.id.clone(),
            claim_on: self.settings.claim_on,
            hired_on: history.hired(record),
            left_on: history.left_on,
            months,
            totals,
            rights,
            warnings: notes,
        })
    }

    /// The employee's days of change and the rules', sorted, each once.
    fn days_of_change(&self, record: &Record, history: &History) -> Vec<NaiveDate> {
        let mut days = day::change_days(self.rules, record, history);
        let first = self.settings.from.first_day();
        let last = self.settings.to.last_day();
        days.extend(
            self.rule_days
                .iter()
                .filter(|d| (first..=last).contains(*d)),
        );
        days.sort_unstable();
        days.dedup();
        days
    }

    fn month(
        &self,
        record: &Record,
        history: &History,
        month: Month,
        days: &[NaiveDate],
        notes: &mut Vec<Note>,
    ) -> Result<MonthOwed<'r>, Rejection> {
        let pay = history.pay_of(month);
        let start = month.first_day().max(history.hired(record));
        let end = history
            .left_on
            .map_or(month.last_day(), |l| l.min(month.last_day()));
        let hours = pay.and_then(|p| p.hours).or(record.hours);
        let mut segments: Vec<Segment<'r>> = Vec::new();
        if start <= end {
            let cuts = days.iter().copied().filter(|d| *d > start && *d <= end);
            let mut from = start;
            for next in cuts.chain(end.succ_opt()) {
                let to = next.pred_opt().unwrap_or(next);
                self.fill(record, history, (from, to), hours, &mut segments, notes)?;
                from = next;
            }
        }
        let owed = owed(&segments, month.days());
        let paid = pay.map(|p| p.salary);
        Ok(MonthOwed {
            month,
            owed,
            paid,
            shortfall: paid.map(|p| (owed - p).max(Decimal::ZERO)),
            claimable: true,
            paid_coefficient: pay.and_then(|p| p.coefficient),
            employed: start <= end,
            segments,
        })
    }

    /// Decides the days `from..=to` into segments, merged with the last one
    /// pushed when the decision is the same.
    fn fill(
        &self,
        record: &Record,
        history: &History,
        (from, to): (NaiveDate, NaiveDate),
        hours: Option<Decimal>,
        segments: &mut Vec<Segment<'r>>,
        notes: &mut Vec<Note>,
    ) -> Result<(), Rejection> {
        let mut from = from;
        while from <= to {
            let first = self.on_day(record, history, from, hours)?;
            note_warnings(&first.warnings, Month::of(from), notes);
            // The end of the segment: the next step announced, or the first
            // day the decision differs, found by halving.
            let mut end = to;
            if let Some(step) = first.next_step.filter(|d| *d > from && *d <= to) {
                end = step.pred_opt().unwrap_or(step);
            }
            // Without missions or moves, every change is on a day of change
            // or the next step announced: the last day need not be checked.
            let checked = !record.missions.is_empty() || !record.moves.is_empty();
            if end > from && checked {
                let last = self.on_day(record, history, end, hours)?;
                if !last.segment.same_decision(&first.segment) {
                    end = self.last_same(record, history, (from, end), hours, &first.segment)?;
                }
            }
            let mut segment = first.segment;
            segment.from = from;
            segment.to = end;
            match segments.last_mut() {
                Some(previous)
                    if previous.same_decision(&segment) && previous.to.succ_opt() == Some(from) =>
                {
                    previous.to = end;
                }
                _ => segments.push(segment),
            }
            from = match end.succ_opt() {
                Some(next) => next,
                None => break,
            };
        }
        Ok(())
    }

    /// The last day of `from..=to` decided as on `from`, when `to` is not.
    fn last_same(
        &self,
        record: &Record,
        history: &History,
        (from, to): (NaiveDate, NaiveDate),
        hours: Option<Decimal>,
        same: &Segment,
    ) -> Result<NaiveDate, Rejection> {
        let (mut same_day, mut other_day) = (from, to);
        while (other_day - same_day).num_days() > 1 {
            let middle = same_day + (other_day - same_day) / 2;
            if self
                .on_day(record, history, middle, hours)?
                .segment
                .same_decision(same)
            {
                same_day = middle;
            } else {
                other_day = middle;
            }
        }
        Ok(same_day)
    }

    /// The decision on `day`, by the evaluator of that day.
    fn on_day(
        &self,
        record: &Record,
        history: &History,
        day: NaiveDate,
        hours: Option<Decimal>,
    ) -> Result<OnDay<'r>, Rejection> {
        let reject = |field: Option<&str>, reason: crate::facts::Reason| {
            Rejection::new(record.position, Some(&record.id), field, reason)
        };
        let Some(facts) = day::facts_on(record, history, day, hours) else {
            let first = history.jobs.first().map_or(record.job_since, |j| j.since);
            return Err(reject(
                Some("hired_on"),
                crate::facts::Reason::JobNotKnownOn { day, first },
            ));
        };
        let on = |evaluator: &Evaluator<'r>| -> Result<OnDay<'r>, Rejection> {
            let decision = evaluator.decide(&facts).map_err(|r| {
                r.prefixed(crate::catalogue::Said::new(
                    format!("le {day} : "),
                    format!("on {day}: "),
                ))
            })?;
            let minimum = decision
                .minimum_salary
                .ok_or_else(|| reject(None, crate::facts::Reason::NoMinimumOn { day }))?;
            Ok(OnDay {
                segment: Segment {
                    from: day,
                    to: day,
                    job: decision.job,
                    band: decision.band,
                    coefficient: decision.coefficient,
                    level: decision.level,
                    minimum_agreement: decision.minimum_agreement,
                    minimum_law: decision.minimum_law,
                    minimum,
                    winner: decision.minimum_from.map(|w| w.as_str()),
                },
                next_step: decision.next_step.as_ref().map(|s| s.on),
                warnings: decision.warnings,
            })
        };
        match self.evaluator_index(day) {
            Some(i) => on(self.evaluators[i].get_or_init(|| self.evaluator_on(day))),
            // A day before the range is only asked for the start of a right.
            None => on(&self.evaluator_on(day)),
        }
    }

    /// An evaluator on `day`, sharing the tables of its period of unchanged rules.
    fn evaluator_on(&self, day: NaiveDate) -> Evaluator<'r> {
        let period = self.periods.partition_point(|start| *start <= day);
        self.period_evaluators[period]
            .get_or_init(|| self.base.on_day(day))
            .on_day_of_same_rules(day)
    }

    fn evaluator_index(&self, day: NaiveDate) -> Option<usize> {
        let offset = (day - self.settings.from.first_day()).num_days();
        usize::try_from(offset)
            .ok()
            .filter(|i| *i < self.evaluators.len())
    }

    /// Each coefficient owed over the months, with the day it began: the
    /// first one traced back before the range through the employee's days of change.
    fn rights(
        &self,
        record: &Record,
        history: &History,
        months: &[MonthOwed<'r>],
        days: &[NaiveDate],
    ) -> Result<Vec<Right<'r>>, Rejection> {
        let mut rights: Vec<Right<'r>> = Vec::new();
        for s in months.iter().flat_map(|m| &m.segments) {
            if rights.last().is_some_and(|r| r.value == s.coefficient) {
                continue;
            }
            let since = if rights.is_empty() {
                self.began(record, history, s, days)?
            } else {
                s.from
            };
            rights.push(Right {
                what: "coefficient",
                value: s.coefficient,
                since,
                job: s.job,
                job_name: names::job_name(self.rules, s.job),
                band: s.band,
                band_name: names::band_name(self.rules, s.job, s.band),
                why: crate::catalogue::Text::RightOfBand {
                    band: s.band,
                    job: names::job_name(self.rules, s.job),
                }
                .say(crate::explain::Lang::En),
            });
        }
        Ok(rights)
    }

    /// The earliest day, going back from `segment` through the days of change,
    /// since which its coefficient has been owed.
    fn began(
        &self,
        record: &Record,
        history: &History,
        segment: &Segment,
        days: &[NaiveDate],
    ) -> Result<NaiveDate, Rejection> {
        let hired = history.hired(record);
        let mut since = segment.from;
        let before = days
            .iter()
            .rev()
            .filter(|d| **d < segment.from && **d >= hired);
        for day in before.take(64) {
            let hours = record.hours;
            match self.on_day(record, history, *day, hours) {
                Ok(on) if on.segment.coefficient == segment.coefficient => since = *day,
                _ => break,
            }
        }
        Ok(since)
    }

    /// The explanation of the decision on the day a right began, as `grille
    /// explain` gives it.
    pub fn explain(&self, record: &Record, day: NaiveDate, lang: crate::explain::Lang) -> String {
        let empty = History::default();
        let history = record.history.as_deref().unwrap_or(&empty);
        let hours = history
            .pay_of(Month::of(day))
            .and_then(|p| p.hours)
            .or(record.hours);
        let Some(facts) = day::facts_on(record, history, day, hours) else {
            return String::new();
        };
        let evaluator = self.base.on_day(day);
        let outcome = evaluator.decide_traced(&facts);
        crate::explain::text::render(self.rules, &facts, &outcome, day, None, lang)
    }
}

/// The warnings of a decision worth carrying into the replay, with their month;
/// the SMIC winning is said by each segment's `winner`, not repeated.
fn note_warnings(warnings: &[Warning], month: Month, notes: &mut Vec<Note>) {
    for w in warnings {
        if matches!(w, Warning::BelowLegalMinimum { .. }) {
            continue;
        }
        let en = format!("{month}: {w}");
        if notes
            .iter()
            .any(|n| n.month == Some(month) && same_kind(&n.en, &en))
        {
            continue;
        }
        let fr = format!(
            "{month} : {}",
            w.french(|d| crate::explain::locale::date(d, crate::explain::Lang::Fr))
        );
        notes.push(Note {
            month: Some(month),
            en,
            fr,
        });
    }
}

/// Two warnings of one month that differ only by the day they were met on.
fn same_kind(a: &str, b: &str) -> bool {
    let cut = |s: &str| s.split(": on ").next().map(str::to_string);
    cut(a) == cut(b)
}
