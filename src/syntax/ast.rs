//! The syntax tree of a rule file: what was written, with where it was written.
//!
//! Nodes carry a [`Span`] (byte offsets into the file). Names are kept as written;
//! resolving them is the checker's work (`crate::check`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::span::{Span, Spanned};

/// A whole rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleFile {
    pub items: Vec<Item>,
    /// Comments and blank-line groups, in source order, for the formatter.
    pub trivia: Vec<crate::syntax::trivia::Trivia>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Agreement(Agreement),
    UnderLaw(LayerLink),
    Amends(Amends),
    Within(LayerLink),
    Parameter(Parameter),
    Table(Table),
    Category(Category),
    Diploma(Diploma),
    Experience(Experience),
    Job(Job),
    Classification(Classification),
    Status(StatusRules),
    WorkingTime(WorkingTime),
    MinimumSalary(MinimumSalary),
    LegalMinimum(MinimumSalary),
    MissionCap(MissionCap),
    TrialPeriod(TrialPeriod),
    TrialMaximum(TrialMaximum),
    Criterion(Criterion),
    Scoring(Scoring),
    Provision(Provision),
    Example(Example),
    Fact(FactDecl), // `fait …` (issue #22, see `ast_facts`)
    Grid(Grid),
    GridMinimum(GridMinimum),
}

impl Item {
    /// Where the declaration was written.
    pub fn span(&self) -> Span {
        match self {
            Item::Agreement(x) => x.span,
            Item::UnderLaw(x) | Item::Within(x) => x.span,
            Item::Amends(x) => x.span,
            Item::LegalMinimum(x) => x.span,
            Item::TrialMaximum(x) => x.span,
            Item::Parameter(x) => x.span,
            Item::Table(x) => x.span,
            Item::Category(x) => x.span,
            Item::Diploma(x) => x.span,
            Item::Experience(x) => x.span,
            Item::Job(x) => x.span,
            Item::Classification(x) => x.span,
            Item::Status(x) => x.span,
            Item::WorkingTime(x) => x.span,
            Item::MinimumSalary(x) => x.span,
            Item::MissionCap(x) => x.span,
            Item::TrialPeriod(x) => x.span,
            Item::Criterion(x) => x.span,
            Item::Scoring(x) => x.span,
            Item::Provision(x) => x.span,
            Item::Example(x) => x.span,
            Item::Fact(x) => x.span,
            Item::Grid(x) => x.span,
            Item::GridMinimum(x) => x.span,
        }
    }
}

/// A `source "..."` citation: the section or article a declaration encodes.
pub type Source = Option<Cite>;

/// A `source "…"` and what stands beside it: the words the declaration encodes
/// (`citation "…"`) and what the text leaves open and this file chose (`lecture "…"`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cite {
    /// The reference as written (a section, an article).
    pub node: String,
    /// Where the reference's string was written.
    pub span: Span,
    pub quote: Option<Words>,
    pub reading: Option<Words>,
}

/// A text written as one or more strings, one a line, read joined by a space.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// The whole clause, keyword included.
    pub span: Span,
    pub lines: Vec<Spanned<String>>,
}

impl Words {
    /// The text, its strings joined by a space.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&line.node);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub span: Span,
    pub kind: Spanned<AgreementKind>,
    pub title: Spanned<String>,
    pub document: Option<Spanned<String>>,
    pub date: Option<Spanned<NaiveDate>>,
    pub idcc: Option<Spanned<u32>>,
    pub source: Source,
}

/// What kind of text a rule file encodes: it decides how the file layers with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementKind {
    /// A branch agreement (`convention`): a grid, jobs, floors; it may amend another.
    #[default]
    Branch,
    /// The law (`loi`): a floor above every agreement (the SMIC, trial maxima).
    Law,
    /// A company agreement (`accord d'entreprise`): more favourable terms within a branch agreement.
    Company,
}

/// `sous la loi "…"` or `dans le cadre de "…"`: another rule file this one stands on.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerLink {
    pub span: Span,
    /// The file named, relative to the naming file.
    pub path: Spanned<String>,
    pub source: Source,
}

/// `modifie "…"`: the rule file this one amends, and what the amendment says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Amends {
    pub span: Span,
    pub path: Spanned<String>,
    pub taken_over: Vec<TakenOver>,
    pub set_aside: Vec<SetAside>,
    pub source: Source,
}

/// `métier teleconseiller repris par conseiller-clientele : "…"`.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenOver {
    pub span: Span,
    /// The job of the amended file.
    pub old: Spanned<String>,
    /// The job of this file that takes it over.
    pub new: Spanned<String>,
    pub reason: Spanned<String>,
}

/// `écarte … : "reason"`: a provision of the amended file this one sets aside.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub span: Span,
    pub what: SetAsideWhat,
    pub reason: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SetAsideWhat {
    Job(Spanned<String>),
    Provision(Spanned<String>),
    /// Transitional coefficients; `own_jobs`: only for the jobs the amending file declares.
    Transitional {
        coefficients: Vec<Spanned<u32>>,
        own_jobs: bool,
    },
}

/// `période d'essai maximale`: the law's caps, by category.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialMaximum {
    pub span: Span,
    pub rules: Vec<TrialMaxRule>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrialMaxRule {
    pub span: Span,
    pub category: Spanned<String>,
    /// The longest first trial.
    pub length: Spanned<DurationValue>,
    /// The longest trial, renewal included.
    pub total: Option<Spanned<DurationValue>>,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    Amount,
    /// `montant horaire`: euros per hour.
    HourlyAmount,
    /// `heures`: a number of hours.
    Hours,
    /// `taux`: a factor, often written in percent (`25 %`).
    Rate,
    /// `montant annuel`: euros per year.
    AnnualAmount,
    Decimal,
    Duration,
    Integer,
}

/// A literal value: a number (with or without `€`) or a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    Number { value: Decimal, unit: NumberUnit },
    Duration(Duration),
}

/// The unit written after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberUnit {
    #[default]
    None,
    /// `€`: euros per month.
    Euro,
    /// `€/h`: euros per hour.
    EuroPerHour,
    /// `h`: hours.
    Hours,
    /// `€/an`: euros per year.
    EuroPerYear,
    /// `%`: the number written is a hundredth of the value (`25 %` is 0.25).
    Percent,
}

impl NumberUnit {
    pub fn is_euro(self) -> bool {
        matches!(self, NumberUnit::Euro)
    }

    /// The value a number written with this unit stands for: `25 %` is 0.25.
    pub fn value(self, written: Decimal) -> Decimal {
        match self {
            NumberUnit::Percent => written / Decimal::ONE_HUNDRED,
            _ => written,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    pub count: u32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Days,
    Weeks,
    Months,
    Years,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub span: Span,
    pub name: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub value_type: Spanned<ValueType>,
    pub values: Vec<DatedValue>,
    /// `connu jusqu'au DATE`: the last day the values are known to hold.
    pub known_until: Option<Spanned<NaiveDate>>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DatedValue {
    pub span: Span,
    pub value: Spanned<Literal>,
    pub from: Spanned<NaiveDate>,
    /// `par "…"`: the instrument that set this value.
    pub cited: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub span: Span,
    pub name: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub value_type: Spanned<ValueType>,
    /// By coefficient, by position, or by level and échelon.
    pub key: TableKey,
    pub versions: Vec<TableVersion>,
    /// `connu jusqu'au DATE`: the last day the versions are known to hold.
    pub known_until: Option<Spanned<NaiveDate>>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableVersion {
    pub span: Span,
    pub from: Spanned<NaiveDate>,
    /// `par "…"`: the instrument that set this version.
    pub cited: Option<Spanned<String>>,
    pub rows: Vec<(Spanned<u32>, Spanned<Literal>)>,
    /// Rows by position label (`"2.1" : 2241 €`), in a table by position.
    pub labelled: Vec<(Spanned<String>, Spanned<Literal>)>,
    /// The matrix of a table by level and échelon.
    pub matrix: Option<Matrix>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub levels: Vec<Level>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub span: Span,
    pub number: Spanned<u32>,
    pub coefficients: Spanned<CoefficientSet>,
    pub minimum: Option<Expr>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoefficientSet {
    /// Every whole coefficient from the first to the last, both included.
    Range(u32, u32),
    /// Only these coefficients.
    List(Vec<u32>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diploma {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub floor: Option<Spanned<Cell>>,
    /// Other names payroll files give it (`appellations "BTS", "DUT"`).
    pub aliases: Vec<Spanned<String>>,
    pub source: Source,
}

/// A cell of a grid, as the texts write them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Coefficient(u32),
    /// The lowest coefficient of a level ("niveau 4").
    Level(u32),
    /// The lowest coefficient of a category ("Cadre").
    Category(Spanned<String>),
    /// The text leaves the cell empty.
    Blank,
    /// A position of a grid: `hcr II.1`.
    Position(PositionRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Experience {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub bands: Vec<Band>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Option<Spanned<String>>,
    /// Completed months in the job, from `from` included to `to` excluded.
    pub from_months: Spanned<u32>,
    pub to_months: Option<Spanned<u32>>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub span: Span,
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub track: Option<Spanned<String>>,
    pub aliases: Vec<Spanned<String>>,
    pub entry_diploma: Option<EntryDiploma>,
    pub experience: Option<Spanned<String>>,
    pub cells: Vec<JobCell>,
    /// `degrés …`: the job's degree in each criterion, as the text gives them.
    pub degrees: Vec<JobDegree>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntryDiploma {
    pub span: Span,
    pub lowest: Spanned<String>,
    pub highest: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JobCell {
    pub span: Span,
    pub band: Spanned<String>,
    pub cell: Spanned<Cell>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub span: Span,
    pub floors: Vec<FloorRule>,
    pub transitional: Vec<Transitional>,
    /// `plancher hcr I.2 si …`: floors that hold when their test does.
    pub conditional: Vec<CondFloor>,
    pub highest_wins: Option<Span>,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FloorKind {
    Job,
    Diploma,
    PreviousCoefficient,
    Mission,
    /// The position the employer gives (`plancher position`).
    Position,
    /// `plancher critères`: the coefficient the employee's degrees give.
    Criteria,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FloorRule {
    pub span: Span,
    pub kind: Spanned<FloorKind>,
    pub blank_cell: Option<Spanned<BlankCell>>,
    pub off_grid: Option<Spanned<OffGrid>>,
    pub source: Source,
}

/// A coefficient that may be held for a limited time only.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitional {
    pub span: Span,
    pub coefficient: Spanned<u32>,
    pub limit: Spanned<DurationValue>,
    pub from: Option<Spanned<NaiveDate>>,
    pub source: Source,
}

/// What a blank cell of a job's grid gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlankCell {
    PreviousBand,
    NoFloor,
}

/// What a coefficient that belongs to no level gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffGrid {
    NextLevel,
    Reject,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusRules {
    pub span: Span,
    pub rules: Vec<StatusRule>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusRule {
    pub span: Span,
    pub status: Spanned<String>,
    /// The status's name for people (`"Assimilé cadre"`).
    pub label: Option<Spanned<String>>,
    /// `None` for `sinon` / `otherwise`.
    pub condition: Option<Spanned<Condition>>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Category(Spanned<String>),
    Compare {
        subject: CompareSubject,
        op: CompareOp,
        value: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareSubject {
    Coefficient,
    Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Ge,
    Le,
    Gt,
    Lt,
    Eq,
    Ne,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkingTime {
    pub span: Span,
    pub reference_hours: Option<Expr>,
    pub maximum_hours: Option<Expr>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MinimumSalary {
    pub span: Span,
    pub formula: Expr,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DurationValue {
    Literal(Duration),
    Parameter(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MissionCap {
    pub span: Span,
    pub window: Option<Spanned<DurationValue>>,
    pub at_most: Option<Spanned<DurationValue>>,
    pub claim_band: Option<Spanned<String>>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrialPeriod {
    pub span: Span,
    /// `à l'embauche`, `à la mobilité`; `None`: on a move only.
    pub at: Option<Spanned<TrialAt>>,
    pub rules: Vec<TrialRule>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrialRule {
    pub span: Span,
    pub selector: Spanned<TrialSelector>,
    pub length: Spanned<DurationValue>,
    pub renewal: Option<Spanned<DurationValue>>,
    pub renewal_from_coefficient: Option<Spanned<u32>>,
    /// `sauf POSITION`: no renewal at that position.
    pub renewal_except: Option<PositionRef>,
    pub source: Source,
}

/// Text of the agreement kept in the rule file although nothing computes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    pub span: Span,
    pub title: Spanned<String>,
    pub text: Option<Spanned<String>>,
    pub source: Source,
}

pub use super::ast_expr::{BinaryOp, Expr, ExprKind};
pub use super::ast_examples::{Example, Expectation, Fact};
pub use super::ast_facts::{Clock, FactDecl, FactDefault, FactType, TimeOperand};
pub use super::ast_grids::{
    CondFloor, Grid, GridLevel, GridMinimum, GridPosition, Matrix, MatrixRow, PositionDates,
    PositionRef, TableKey,
};
pub use super::ast_criteria::{Criterion, JobDegree, ScoreRow, Scoring};
pub use super::ast_trials::{TrialAt, TrialSelector};
pub use super::ast_functions::{Conditional, Extreme, RoundDir, Rounding, Test, TestKind};
