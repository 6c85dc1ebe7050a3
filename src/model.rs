//! The checked rule set: every name resolved to an index, every cell to a coefficient.
//!
//! This is what the evaluator runs. It is built by [`crate::check`] from the
//! syntax tree and keeps, for each rule, its span and its `source` citation so that
//! decisions can be explained.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use std::sync::Arc;

use crate::sources::Sources;
use crate::span::Span;

mod criteria;
mod facts;
mod formula;
mod ids;
mod set;
mod trial;
pub mod grid;
pub use crate::syntax::ast::{
    BinaryOp, BlankCell, CompareOp, CompareSubject, Duration, FloorKind, OffGrid, TimeUnit,
};
pub use facts::{
    Clock, ClockTest, DateSide, Fact, FactId, FactKind, FactTest, FactTestKind, FactValue, IsValue,
};
pub use criteria::{CriteriaMethod, Criterion, ScoreRow};
pub use formula::{
    Conditional, Expr, ExprKind, Extreme, Input, RoundDir, Rounding, Test, TestKind,
};
pub use set::parse_duration;
pub use trial::{placed_on, TrialAt, TrialSelector};

pub use ids::{CategoryId, DiplomaId, JobId, LevelId, ParamId, ScaleId, TableId};

/// A rule set, checked and ready to evaluate: one rule file, or several
/// layered on each other (see [`crate::layers`]).
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The files read, the named one first.
    pub sources: Sources,
    /// Each file's part in the rule set, the named one first.
    pub layers: Vec<crate::layers::Layer>,
    pub agreement: AgreementInfo,
    pub params: Vec<Param>,
    pub tables: Vec<Table>,
    pub categories: Vec<Category>,
    /// Sorted by their lowest coefficient.
    pub levels: Vec<Level>,
    pub diplomas: Vec<Diploma>,
    pub scales: Vec<Scale>,
    pub jobs: Vec<Job>,
    /// Normalised job names (ids, names, aliases) to the jobs bearing them.
    pub job_names: crate::names::NameMap<Vec<JobId>>,
    /// Unambiguous names exactly as declared: the lookup that needs no normalising.
    pub job_names_exact: crate::names::NameMap<JobId>,
    pub floors: Vec<Floor>,
    /// Coefficients held for a limited time, then the next one of the grid.
    pub transitional: Vec<Transitional>,
    pub status_rules: Vec<StatusRule>,
    pub reference_hours: Option<Expr>,
    pub maximum_hours: Option<Expr>,
    pub minimum_salary: Option<MinimumSalary>,
    /// The levels' `minimum` is per hour (`montant horaire`), not per month.
    pub hourly_levels: bool,
    /// The law's minimum (the SMIC) for the employee's hours, when the rule set stands under the law.
    pub legal_minimum: Option<MinimumSalary>,
    /// A company agreement's minimum, which wins where it is higher.
    pub company_minimum: Option<MinimumSalary>,
    pub mission_cap: Option<MissionCap>,
    pub trial: Vec<TrialRule>,
    /// A company agreement's trial rules, which win where they are shorter.
    pub company_trial: Vec<TrialRule>,
    /// When the agreement's and the company agreement's trials open (moves only, unless said).
    pub trial_at: TrialAt,
    pub company_trial_at: TrialAt,
    /// Classification by criteria (`critère`, `cotation`), when declared.
    pub criteria: Option<Box<CriteriaMethod>>,
    /// A company agreement's coefficients for jobs of the agreement, one more
    /// floor of the classification: the highest wins. Sorted by job.
    pub company_jobs: Vec<CompanyJob>,
    /// The law's caps on trial periods.
    pub trial_maximum: Vec<TrialMaximum>,
    pub provisions: Vec<Provision>,
    /// Examples the negotiators agreed on, run by `grille test`.
    pub examples: Vec<Example>,
    /// Facts the rule file declares (`fait …`), by slot (issue #22).
    pub facts: Vec<Fact>,
    /// Named grids and their positions (issue #22); empty for the implicit grid.
    pub grids: grid::Grids,
}

/// Where a rule was written and which text it encodes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub span: Span,
    pub source: Option<std::sync::Arc<str>>,
    /// The words of the text the rule encodes (`citation`).
    pub quote: Option<std::sync::Arc<str>>,
    /// What the text leaves open and the rule file chose (`lecture`).
    pub reading: Option<std::sync::Arc<str>>,
}

#[derive(Debug, Clone, Default)]
pub struct AgreementInfo {
    pub title: String,
    pub document: Option<String>,
    pub date: Option<NaiveDate>,
    pub idcc: Option<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Euros per month.
    Amount,
    /// Euros per hour (`montant horaire`, `12.00 €/h`).
    Hourly,
    /// Euros per year (`montant annuel`, `20580 €/an`).
    Annual,
    /// A number of hours (`heures`, `35 h`, the employee's `heures`).
    Hours,
    Number,
    Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Duration(Duration),
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub label: Option<String>,
    pub ty: Type,
    /// Whole numbers only (`entier`).
    pub integer: bool,
    /// Sorted by date; the value in force on a day is the last one dated on or before it.
    pub values: Vec<(NaiveDate, Value)>,
    /// The instrument that set a value (`par "…"`), by the value's date.
    pub cited: Vec<(NaiveDate, Arc<str>)>,
    /// The last day the values are known to hold (`connu jusqu'au`); a decision
    /// on a later day that reads the parameter says so.
    pub known_until: Option<NaiveDate>,
    pub origin: Origin,
}

impl Param {
    /// The instrument that set the value dated `from`, if the file names it.
    pub fn cited(&self, from: NaiveDate) -> Option<&str> {
        self.cited
            .iter()
            .find(|(d, _)| *d == from)
            .map(|(_, c)| &**c)
    }

    /// The value in force on `day` and the date it took effect.
    pub fn at(&self, day: NaiveDate) -> Option<(NaiveDate, Value)> {
        let after = self.values.partition_point(|(from, _)| *from <= day);
        after.checked_sub(1).map(|i| self.values[i])
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub label: Option<String>,
    pub ty: Type,
    /// Sorted by date.
    pub versions: Vec<(NaiveDate, HashMap<u32, Decimal>)>,
    /// The instrument that set a version (`par "…"`), by the version's date.
    pub cited: Vec<(NaiveDate, Arc<str>)>,
    /// The last day the versions are known to hold (`connu jusqu'au`).
    pub known_until: Option<NaiveDate>,
    pub origin: Origin,
}

impl Table {
    pub fn at(&self, day: NaiveDate) -> Option<&(NaiveDate, HashMap<u32, Decimal>)> {
        let after = self.versions.partition_point(|(from, _)| *from <= day);
        after.checked_sub(1).map(|i| &self.versions[i])
    }
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub label: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Level {
    pub number: u32,
    pub category: CategoryId,
    /// The allowed coefficients, ascending.
    pub coefficients: Coefficients,
    pub minimum: Option<Expr>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coefficients {
    Range(u32, u32),
    List(Vec<u32>),
}

impl Coefficients {
    pub fn lowest(&self) -> u32 {
        match self {
            Coefficients::Range(low, _) => *low,
            Coefficients::List(list) => list.first().copied().unwrap_or(0),
        }
    }

    pub fn highest(&self) -> u32 {
        match self {
            Coefficients::Range(_, high) => *high,
            Coefficients::List(list) => list.last().copied().unwrap_or(0),
        }
    }

    pub fn contains(&self, coefficient: u32) -> bool {
        match self {
            Coefficients::Range(low, high) => (*low..=*high).contains(&coefficient),
            Coefficients::List(list) => list.binary_search(&coefficient).is_ok(),
        }
    }

    /// The smallest allowed coefficient above `coefficient`, if any.
    pub fn next_above(&self, coefficient: u32) -> Option<u32> {
        match self {
            Coefficients::Range(low, high) => {
                let next = coefficient.saturating_add(1).max(*low);
                (next <= *high).then_some(next)
            }
            Coefficients::List(list) => list.iter().copied().find(|c| *c > coefficient),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Diploma {
    pub id: String,
    pub label: String,
    pub floor: Option<u32>,
    /// Other names facts may give it (`appellations`).
    pub aliases: Vec<String>,
    pub origin: Origin,
}

/// A scale of experience bands.
#[derive(Debug, Clone)]
pub struct Scale {
    pub id: String,
    pub label: Option<String>,
    /// Contiguous, ascending, the first from 0 months, the last open-ended.
    pub bands: Vec<Band>,
    pub origin: Origin,
}

impl Scale {
    /// The band holding `months` of experience.
    pub fn band_for(&self, months: u32) -> usize {
        self.bands
            .iter()
            .rposition(|b| b.from_months <= months)
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub struct Band {
    pub id: String,
    pub label: Option<String>,
    pub from_months: u32,
    pub to_months: Option<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Job {
    pub id: String,
    pub name: String,
    pub track: Option<String>,
    pub aliases: Vec<String>,
    pub entry_diploma: Option<DiplomaId>,
    pub scale: ScaleId,
    /// One cell per band of the job's scale.
    pub cells: Vec<JobCell>,
    pub origin: Origin,
}

impl Job {
    pub fn has_any_value(&self) -> bool {
        self.cells.iter().any(|c| c.coefficient.is_some())
    }
}

#[derive(Debug, Clone, Default)]
pub struct JobCell {
    /// `None` for a blank (or unwritten) cell.
    pub coefficient: Option<u32>,
    /// The cell as the text writes it ("catégorie cadres", "170"), for explanations.
    pub written: Option<String>,
    pub origin: Origin,
}

/// A company agreement's values for a job of the agreement it stands within.
#[derive(Debug, Clone)]
pub struct CompanyJob {
    pub job: JobId,
    /// One cell per band of the job's scale, blank where the company gives none.
    pub cells: Vec<JobCell>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Floor {
    pub kind: FloorKind,
    pub blank_cell: BlankCell,
    pub off_grid: OffGrid,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Transitional {
    pub coefficient: u32,
    pub limit: DurationRef,
    /// The limit applies from this date (always, if `None`).
    pub from: Option<NaiveDate>,
    /// The coefficient it gives way to, when not the next of this rule set's
    /// grid: a transitional coefficient kept from an amended file moves up
    /// that file's grid.
    pub then: Option<u32>,
    /// Jobs it does not apply to (an amendment's own, when it says so).
    pub except_jobs: Vec<JobId>,
    pub origin: Origin,
}

/// The law's cap on the trial periods of a category (Code du travail L1221-19, L1221-21).
#[derive(Debug, Clone)]
pub struct TrialMaximum {
    pub category: CategoryId,
    /// The longest first trial.
    pub length: DurationRef,
    /// The longest trial, renewal included.
    pub total: Option<DurationRef>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct StatusRule {
    pub status: String,
    /// Its name for people, when the rule file gives one.
    pub label: Option<String>,
    pub condition: Option<Condition>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Category(CategoryId),
    Compare {
        subject: CompareSubject,
        op: CompareOp,
        value: u32,
    },
}

#[derive(Debug, Clone)]
pub struct MinimumSalary {
    pub formula: Expr,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationRef {
    Literal(Duration),
    Param(ParamId),
}

#[derive(Debug, Clone)]
pub struct MissionCap {
    pub window: DurationRef,
    pub at_most: DurationRef,
    /// The band of the mission's job whose value the claim gives.
    pub claim_band: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct TrialRule {
    pub selector: TrialSelector,
    pub length: DurationRef,
    pub renewal: Option<DurationRef>,
    pub renewal_from_coefficient: Option<u32>,
    /// `sauf POSITION`: no renewal at that position.
    pub renewal_except: Option<grid::PositionId>,
    pub origin: Origin,
}

/// An example: an employee's facts on a date and the decision expected.
#[derive(Debug, Clone)]
pub struct Example {
    pub title: String,
    pub as_of: NaiveDate,
    pub record: crate::facts::Record,
    pub expectations: Vec<(crate::syntax::ast::Expectation, Span)>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Provision {
    pub title: String,
    pub text: Option<String>,
    pub origin: Origin,
}

impl RuleSet {
    /// The next allowed coefficient of the grid above `coefficient`.
    pub fn next_coefficient(&self, coefficient: u32) -> Option<u32> {
        self.levels
            .iter()
            .filter_map(|l| l.coefficients.next_above(coefficient))
            .min()
    }

    pub fn level_of(&self, coefficient: u32) -> Option<LevelId> {
        self.levels
            .iter()
            .position(|l| l.coefficients.contains(coefficient))
            .map(LevelId::new)
    }

    pub fn top_coefficient(&self) -> Option<u32> {
        self.levels.iter().map(|l| l.coefficients.highest()).max()
    }

    pub fn category_index(&self, id: &str) -> Option<CategoryId> {
        self.categories
            .iter()
            .position(|c| c.id == id)
            .map(CategoryId::new)
    }

    /// The diploma named `given`: by its id, else by its id, declared name or
    /// an alias in normalised form, when that names one diploma only.
    pub fn diploma_index(&self, given: &str) -> Option<DiplomaId> {
        // Facts usually give the id as declared: no need to normalise every id.
        if let Some(exact) = self.diplomas.iter().position(|d| d.id == given) {
            return Some(DiplomaId::new(exact));
        }
        match self.diplomas_named(given).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The diplomas whose id, name or alias is `given` in normalised form. An id
    /// designates its diploma alone: another diploma's alias cannot take it.
    pub fn diplomas_named(&self, given: &str) -> Vec<DiplomaId> {
        let wanted = crate::names::normalize(given);
        let by_id = self
            .diplomas
            .iter()
            .position(|d| crate::names::normalize(&d.id) == wanted);
        if let Some(first) = by_id {
            return vec![DiplomaId::new(first)];
        }
        DiplomaId::all(self.diplomas.len())
            .filter(|&i| {
                let d = &self.diplomas[i];
                std::iter::once(&d.label)
                    .chain(&d.aliases)
                    .any(|n| crate::names::normalize(n) == wanted)
            })
            .collect()
    }

    /// Every name of every diploma (id, declared name, aliases), with the diploma.
    pub fn diploma_names(&self) -> impl Iterator<Item = (&str, DiplomaId)> + Clone + '_ {
        self.diplomas.iter().enumerate().flat_map(|(i, d)| {
            std::iter::once(&d.id)
                .chain(std::iter::once(&d.label))
                .chain(&d.aliases)
                .map(move |n| (n.as_str(), DiplomaId::new(i)))
        })
    }

    pub fn param_index(&self, name: &str) -> Option<ParamId> {
        self.params
            .iter()
            .position(|p| p.name == name)
            .map(ParamId::new)
    }

    /// The company agreement's values for `job`, if it gives any.
    pub fn company_job(&self, job: JobId) -> Option<&CompanyJob> {
        let found = self.company_jobs.binary_search_by_key(&job, |c| c.job);
        found.ok().map(|i| &self.company_jobs[i])
    }

    pub fn has_floor(&self, kind: FloorKind) -> bool {
        self.floors.iter().any(|f| f.kind == kind)
    }

    /// `file:line:column` of a rule.
    pub fn location(&self, span: Span) -> crate::diag::Location {
        self.sources.locate(span)
    }

    /// `file:line:column` of a rule, worked out when shown.
    pub fn place(&self, span: Span) -> crate::diag::Place<'_> {
        self.sources.place(span)
    }

    /// The file the rule set was named by.
    pub fn file(&self) -> &crate::diag::SourceFile {
        self.sources.main()
    }

    /// Every file read for the rule set, the named one first, then the files
    /// it stands on.
    pub fn files(&self) -> impl Iterator<Item = &crate::diag::SourceFile> {
        self.sources.files()
    }

    /// Each job's id and declared name, in the order of the files.
    pub fn job_ids_and_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.jobs.iter().map(|j| (j.id.as_str(), j.name.as_str()))
    }
}
