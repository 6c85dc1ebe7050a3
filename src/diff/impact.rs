//! A workforce decided under two rule sets: one [`Row`] per employee, added up
//! as it comes into an [`Impact`] (see [`super::aggregate`]), so that a file of
//! millions of records is compared in constant memory.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

pub use super::aggregate::{Counts, Group, Impact, Mass, Mean, Shortfall};

use super::cause::{self, Losses, Names};
pub use super::scenario::{Scenario, ScenarioRow, ScenarioTotals};
use crate::eval::{money, Decision, Evaluator};
use crate::facts::{FactStream, Position, Record, Rejection};
use crate::RuleSet;

/// How one employee fares under the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A higher coefficient; at equal coefficient, a higher minimum salary.
    Up,
    Down,
    Same,
    /// Decided by the base only: the proposal rejects the record.
    OnlyBase,
    /// Decided by the proposal only: the base rejects the record.
    OnlyProposal,
    /// Rejected by both.
    Rejected,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Up,
        Kind::Down,
        Kind::Same,
        Kind::OnlyBase,
        Kind::OnlyProposal,
        Kind::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Up => "up",
            Kind::Down => "down",
            Kind::Same => "same",
            Kind::OnlyBase => "only-base",
            Kind::OnlyProposal => "only-proposal",
            Kind::Rejected => "rejected",
        }
    }

    pub(super) fn decided_both(self) -> bool {
        matches!(self, Kind::Up | Kind::Down | Kind::Same)
    }
}

/// One side's decision, the fields a comparison shows.
/// (`'r`: the names are the rule set's.)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side<'r> {
    pub job: &'r str,
    pub band: &'r str,
    pub coefficient: u32,
    pub level: u32,
    pub category: &'r str,
    pub status: &'r str,
    #[serde(serialize_with = "money_or_null")]
    pub minimum_salary: Option<Decimal>,
    /// The names people read (the rule file's job name, band label); JSON keeps the ids.
    #[serde(skip)]
    pub job_name: &'r str,
    #[serde(skip)]
    pub band_name: &'r str,
    /// On a grid without coefficients, the position `coefficient` ranks.
    #[serde(skip)]
    pub position: Option<&'r str>,
}

impl<'r> Side<'r> {
    /// The coefficient as people read it: the position of a rank, else the number.
    pub fn key_words(&self) -> String {
        match self.position {
            Some(label) => label.to_string(),
            None => self.coefficient.to_string(),
        }
    }

    fn of(d: &Decision<'r, '_>, names: &Names<'r>) -> Self {
        Side {
            job: d.job,
            band: d.band,
            coefficient: d.coefficient,
            level: d.level,
            category: d.category,
            status: d.status,
            minimum_salary: d.minimum_salary,
            job_name: names.job(d.job),
            band_name: names.band(d.band),
            position: names.rank(d.coefficient),
        }
    }

    /// The base's "before" of an employee it rejects, from the facts: the
    /// coefficient applied, its level, status and full-time minimum under the base.
    fn from_facts(record: &Record, base: &Evaluator<'r>) -> Option<Self> {
        let coefficient = record.coefficient?;
        let rules = base.rules();
        let level = &rules.levels[rules.level_of(coefficient)?];
        let minimum_salary = base.minimum_at(coefficient, record);
        Some(Side {
            job: "",
            band: "",
            coefficient,
            level: level.number,
            category: &rules.categories[level.category].id,
            status: base.status_at(coefficient).unwrap_or(""),
            minimum_salary,
            job_name: "",
            band_name: "",
            position: None,
        })
    }
}

/// One employee under both rule sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row<'r> {
    /// Where the record stands in its file (`record 3`, `line 3`).
    #[serde(serialize_with = "crate::facts::position_text")]
    pub position: Position,
    pub id: Option<String>,
    /// The job under the proposal, else under the base.
    pub job: Option<&'r str>,
    pub change: Kind,
    pub before: Option<Side<'r>>,
    pub after: Option<Side<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient_change: Option<i64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub minimum_salary_change: Option<Decimal>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub salary: Option<Decimal>,
    /// Why a side rejected the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The same, in French (the text, HTML and French sheets say it).
    #[serde(skip)]
    pub reason_fr: Option<String>,
    /// The "before" is the facts' applied coefficient (`--base-from-facts`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub before_from_facts: bool,
    /// What goes down: `coefficient`, `level`, `status`, `minimum_salary`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub losses: Vec<&'static str>,
    /// Why it changes, in a few words (see [`super::cause`]), in French.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// The same in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause_en: Option<String>,
    /// What payroll must add to bring the salary up to the proposal's minimum.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub payroll_raise: Option<Decimal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<ScenarioRow<'r>>,
}

impl Row<'_> {
    pub fn lost(&self) -> bool {
        !self.losses.is_empty()
    }
}

pub(super) fn money_or_null<S: Serializer>(
    value: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&money(*v)),
        None => s.serialize_none(),
    }
}

/// A rejection as a row says it: the field and the reason (the position is the row's).
fn reason(r: &Rejection) -> String {
    match &r.field {
        Some(field) => format!("{field}: {}", r.reason),
        None => r.reason.clone(),
    }
}

/// [`reason`] in French.
fn reason_fr(r: &Rejection) -> String {
    match &r.field {
        Some(field) => format!("champ `{field}` : {}", r.french),
        None => r.french.to_string(),
    }
}

/// How a comparison is run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Every changed row gets its cause (CSV, JSON); otherwise only the rows a
    /// report shows (losers, largest changes): tracing costs.
    pub every_cause: bool,
    /// For a record the base rejects, the facts' `coefficient` as the "before".
    pub base_from_facts: bool,
}

/// Decides records under the base and the proposal, on one date.
pub struct Comparer<'r> {
    base: Evaluator<'r>,
    proposal: Evaluator<'r>,
    names: [Names<'r>; 2],
    scenarios: Vec<(&'r Scenario, Evaluator<'r>, Names<'r>)>,
    options: Options,
    /// The smallest change among the largest kept, once they are `top`, as
    /// [`rank_bar`] packs it; -1 before: a row not above it is not traced.
    threshold: AtomicI64,
    /// How many largest changes are kept (set by a run).
    top: AtomicUsize,
}

impl<'r> Comparer<'r> {
    pub fn new(base: &'r RuleSet, proposal: &'r RuleSet, as_of: NaiveDate) -> Self {
        let (base, proposal) = (Evaluator::new(base, as_of), Evaluator::new(proposal, as_of));
        let names = [
            Names::of(base.rules(), &base),
            Names::of(proposal.rules(), &proposal),
        ];
        Comparer {
            base,
            proposal,
            names,
            scenarios: Vec::new(),
            options: Options::default(),
            threshold: AtomicI64::new(-1),
            top: AtomicUsize::new(0),
        }
    }

    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// Each employee is also decided under each scenario (of the proposal).
    pub fn with_scenarios(mut self, scenarios: &'r [Scenario]) -> Self {
        let as_of = self.proposal.as_of();
        self.scenarios = scenarios
            .iter()
            .map(|s| {
                let evaluator = Evaluator::new(&s.rules, as_of);
                let names = Names::of(&s.rules, &evaluator);
                (s, evaluator, names)
            })
            .collect();
        self
    }

    /// A new, empty impact for this comparison (its scenarios named).
    pub fn impact(&self, top: usize) -> Impact<'r> {
        let mut impact = Impact::new(top);
        impact.scenarios = self
            .scenarios
            .iter()
            .map(|(s, _, _)| ScenarioTotals::new(&s.name, s.settings_text()))
            .collect();
        impact
    }

    /// One record under both rule sets; a record that could not be read is
    /// rejected by both, with the same reason.
    pub fn compare(&self, record: &Result<Record, Rejection>) -> Row<'r> {
        match record {
            Ok(record) => self.compare_read(record),
            Err(rejection) => Self::unread(rejection),
        }
    }

    fn compare_read(&self, record: &Record) -> Row<'r> {
        let before = self
            .base
            .decide(record)
            .map(|d| Side::of(&d, &self.names[0]));
        let after = self
            .proposal
            .decide(record)
            .map(|d| Side::of(&d, &self.names[1]));
        let mut from_facts = false;
        let before = match before {
            Err(rejection) if self.options.base_from_facts && after.is_ok() => {
                match Side::from_facts(record, &self.base) {
                    Some(side) => {
                        from_facts = true;
                        Err((rejection, side))
                    }
                    None => Ok(Err(rejection)),
                }
            }
            other => Ok(other),
        };
        let id = Some(record.id.clone());
        let mut row = match before {
            Ok(before) => Self::row(record.position, id, record.salary, before, after),
            Err((rejection, side)) => {
                let mut row = Self::row(record.position, id, record.salary, Ok(side), after);
                // The base did reject it: counted as such, compared all the same.
                row.change = Kind::OnlyProposal;
                row.reason = Some(reason(&rejection));
                row.reason_fr = Some(reason_fr(&rejection));
                row.before_from_facts = true;
                row
            }
        };
        if let (Some(b), Some(a)) = (&row.before, &row.after) {
            row.losses = Losses::of(b, a, [&self.names[0], &self.names[1]]).words();
        }
        if self.wants_cause(&row) {
            if let Some(said) = self.cause(record, &row, from_facts) {
                (row.cause, row.cause_en) = (Some(said.fr), Some(said.en));
            }
        }
        row.scenarios = self.scenarios(record, row.before.as_ref());
        row
    }

    /// Whether the row is one a report shows with its cause.
    fn wants_cause(&self, row: &Row) -> bool {
        if !matches!((&row.before, &row.after), (Some(_), Some(_))) || row.change == Kind::Same {
            return false;
        }
        if self.options.every_cause || row.lost() {
            return true;
        }
        let threshold = self.threshold.load(Ordering::Relaxed);
        self.top.load(Ordering::Relaxed) > 0
            && (threshold < 0
                || rank_bar(rank_amount(row), coefficient_points(row), true) > threshold)
    }

    fn cause(
        &self,
        record: &Record,
        row: &Row<'r>,
        from_facts: bool,
    ) -> Option<crate::catalogue::Said> {
        let after = self.proposal.decide_traced(record).ok()?;
        let before = match from_facts {
            true => None,
            false => Some(self.base.decide_traced(record).ok()?),
        };
        let names = [&self.names[0], &self.names[1]];
        Some(cause::cause(
            before.as_ref(),
            &after,
            row.before.as_ref()?,
            names,
        ))
    }

    fn scenarios(&self, record: &Record, before: Option<&Side<'r>>) -> Vec<ScenarioRow<'r>> {
        self.scenarios
            .iter()
            .map(|(s, evaluator, names)| {
                let side = evaluator.decide(record).ok().map(|d| Side::of(&d, names));
                let change = match (before, &side) {
                    (Some(b), Some(a)) => direction(b, a),
                    (Some(_), None) => Kind::OnlyBase,
                    (None, Some(_)) => Kind::OnlyProposal,
                    (None, None) => Kind::Rejected,
                };
                ScenarioRow {
                    scenario: &s.name,
                    change,
                    coefficient: side.as_ref().map(|a| a.coefficient),
                    minimum_salary: side.as_ref().and_then(|a| a.minimum_salary),
                    side,
                }
            })
            .collect()
    }

    /// Whether a scenario's side of a row is lower than the base's.
    pub(super) fn scenario_lost(&self, before: &Side, index: usize, row: &ScenarioRow) -> bool {
        match (&row.side, self.scenarios.get(index)) {
            (Some(after), Some((_, _, names))) => {
                Losses::of(before, after, [&self.names[0], names]).any()
            }
            _ => false,
        }
    }

    fn unread(rejection: &Rejection) -> Row<'r> {
        let (id, both) = (rejection.id.clone(), Err(rejection.clone()));
        Self::row(rejection.position, id, None, both.clone(), both)
    }

    fn row(
        position: Position,
        id: Option<String>,
        salary: Option<Decimal>,
        before: Result<Side<'r>, Rejection>,
        after: Result<Side<'r>, Rejection>,
    ) -> Row<'r> {
        let both = |r: &Rejection| Some((reason(r), reason_fr(r)));
        let (change, reasons) = match (&before, &after) {
            (Ok(b), Ok(a)) => (direction(b, a), None),
            (Ok(_), Err(r)) => (Kind::OnlyBase, both(r)),
            (Err(r), Ok(_)) => (Kind::OnlyProposal, both(r)),
            (Err(rb), Err(ra)) if reason(rb) == reason(ra) => (Kind::Rejected, both(rb)),
            (Err(rb), Err(ra)) => (
                Kind::Rejected,
                Some((
                    format!("base : {} | proposition : {}", reason(rb), reason(ra)),
                    format!("base : {} | proposition : {}", reason_fr(rb), reason_fr(ra)),
                )),
            ),
        };
        let (reason, reason_fr) = reasons.unzip();
        let (before, after) = (before.ok(), after.ok());
        let (coefficient_change, minimum_salary_change) = match (&before, &after) {
            (Some(b), Some(a)) => (
                Some(i64::from(a.coefficient) - i64::from(b.coefficient)),
                a.minimum_salary.zip(b.minimum_salary).map(|(x, y)| x - y),
            ),
            _ => (None, None),
        };
        let minimum = after.as_ref().and_then(|a| a.minimum_salary);
        let payroll_raise = minimum
            .zip(salary)
            .map(|(min, paid)| (min - paid).max(Decimal::ZERO));
        Row {
            position,
            id,
            job: after.as_ref().or(before.as_ref()).map(|s| s.job),
            change,
            before,
            after,
            coefficient_change,
            minimum_salary_change,
            salary,
            reason,
            reason_fr,
            before_from_facts: false,
            losses: Vec::new(),
            cause: None,
            cause_en: None,
            payroll_raise,
            scenarios: Vec::new(),
        }
    }

    /// Compares every record, handing each row to `each` (to write it out) before
    /// adding it up; keeps the `top` largest changes.
    pub fn run<E>(
        &self,
        records: impl Iterator<Item = Result<Record, Rejection>>,
        top: usize,
        mut each: impl FnMut(&Row<'r>) -> Result<(), E>,
    ) -> Result<Impact<'r>, E> {
        self.top.store(top, Ordering::Relaxed);
        let mut impact = self.impact(top);
        for record in records {
            let row = self.compare(&record);
            each(&row)?;
            self.add(&mut impact, &row);
        }
        Ok(impact)
    }

    /// Adds a row up, and raises the bar a row must pass to be traced.
    fn add(&self, impact: &mut Impact<'r>, row: &Row<'r>) {
        impact.add(row);
        for (n, s) in row.scenarios.iter().enumerate() {
            let lost = row
                .before
                .as_ref()
                .is_some_and(|b| self.scenario_lost(b, n, s));
            impact.scenarios[n].add(row.before.as_ref(), s, row.salary, lost);
        }
        if let Some((amount, points)) = impact.least_kept() {
            let bar = rank_bar(amount, points, false);
            self.threshold.store(bar, Ordering::Relaxed);
        }
    }

    /// [`Comparer::run`] over a stream of facts, the records decided on up to
    /// `threads` threads; the rows come to `each` in input order all the same.
    pub fn run_parallel<E: Send>(
        &self,
        records: &mut FactStream,
        threads: usize,
        top: usize,
        mut each: impl FnMut(&Row<'r>) -> Result<(), E> + Send,
    ) -> Result<Impact<'r>, E> {
        self.top.store(top, Ordering::Relaxed);
        let this = self;
        let mut impact = this.impact(top);
        let compare = |record: &Record, _: &mut Vec<u8>| Ok(this.compare_read(record));
        let stopped = records.map_parallel(threads, compare, |result| {
            let row = match result {
                Ok((row, _)) => row,
                Err(rejection) => Self::unread(&rejection),
            };
            if let Err(e) = each(&row) {
                return ControlFlow::Break(e);
            }
            this.add(&mut impact, &row);
            ControlFlow::Continue(())
        });
        match stopped {
            Some(e) => Err(e),
            None => Ok(impact),
        }
    }
}

/// What ranks a change: the change of the monthly minimum, in euros.
pub(super) fn rank_amount(row: &Row) -> Decimal {
    row.minimum_salary_change.unwrap_or_default().abs()
}

fn coefficient_points(row: &Row) -> u64 {
    row.coefficient_change.unwrap_or(0).unsigned_abs()
}

/// A rank as one number, compared as the largest changes are ranked: the
/// cents (a row's rounded up, the bar's down, so that a row above the bar by
/// less than a cent is traced all the same), then the coefficient points.
fn rank_bar(amount: Decimal, points: u64, row: bool) -> i64 {
    let cents = amount * Decimal::ONE_HUNDRED;
    let cents = if row { cents.ceil() } else { cents.floor() };
    let cents = cents.to_i64().unwrap_or(i64::MAX >> 16).min(i64::MAX >> 16);
    (cents << 16) | i64::try_from(points.min(0xFFFF)).unwrap_or(0xFFFF)
}

/// The coefficient decides; at equal coefficient, the minimum salary.
fn direction(before: &Side, after: &Side) -> Kind {
    let by_salary = match (before.minimum_salary, after.minimum_salary) {
        (Some(b), Some(a)) => a.cmp(&b),
        _ => std::cmp::Ordering::Equal,
    };
    match after.coefficient.cmp(&before.coefficient).then(by_salary) {
        std::cmp::Ordering::Greater => Kind::Up,
        std::cmp::Ordering::Less => Kind::Down,
        std::cmp::Ordering::Equal => Kind::Same,
    }
}
