//! What the checker finds, as data: one variant per class of problem, carrying
//! what its message, label and help are made of.
//!
//! A [`Kind`] gives its [`Code`], its severity, its words and the related places
//! (the first declaration of a duplicate…); [`Kind::at`] turns it into the
//! [`Diagnostic`] that is rendered. Call sites say what they found, never how it
//! is worded. The shapes that repeat have their own types: [`Duplicated`] (what
//! was declared twice) and [`Unknown`] (what a name was looked up as, with
//! "did you mean" candidates).

use chrono::NaiveDate;

use super::code::Code;
use super::words;
use super::{Diagnostic, Said, Severity};
use crate::model::{Input, Type};
use crate::span::Span;
use crate::syntax::ast::{BinaryOp, ValueType};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A rule file saved as Latin-1 or Windows-1252; `byte` is the first that is not UTF-8.
    NotUtf8 { byte: usize },
    /// Grids, positions, tables by position (issue #22).
    Grid(super::grids::GridProblem),
    /// `métier agent …` twice; `first` is the first declaration, when it is shown.
    Duplicate {
        what: Duplicated,
        first: Option<Span>,
    },
    /// `paramètre heures : décimal`.
    ReservedName { name: String },
    /// `débutnt : 170`; `candidates` are the close names, best first.
    UnknownName {
        what: Unknown,
        name: String,
        candidates: Vec<String>,
    },
    /// `niveau 9` in a grid of five levels; `levels` lists the grid's.
    UnknownLevel { number: u32, levels: String },
    /// `heures` in a level minimum.
    UnavailableInput { name: String, input: Input },
    /// `smcc × smcc`, a duration given to an amount.
    TypeMismatch(Mismatch),
    /// A parameter without value, a mission cap without window.
    MissingValue(Missing),
    /// `smcc / 0`, or `smcc / p` with a value of `p` of zero.
    DivisionByZero(Divisor),
    /// `catégorie cadres "Cadres"` followed by no `niveau`.
    EmptyCategory { id: String },
    /// Jobs but no level: nothing to classify them on.
    NoGrid { first_job: bool },
    /// A rule file that declares no job; `grid` when it declares levels.
    NoJob { grid: bool },
    /// More job cells (jobs × bands) than the evaluator tabulates.
    TooManyCells { max: usize },
    /// Levels sharing coefficients; `lower` is the one that starts first.
    OverlappingLevels {
        lower: u32,
        lower_end: u32,
        lower_span: Span,
        upper: u32,
        upper_start: u32,
    },
    /// `140 à 120`, coefficients out of order or too high, an empty band.
    BadRange(BadRange),
    /// A job value in a hole of the grid (145); `nearest` are the grid's
    /// coefficients around it (below, above), when there are.
    OffGridCoefficient { coefficient: u32, nearest: Vec<u32> },
    /// A transitional coefficient with nothing above it.
    TopOfGrid { coefficient: u32 },
    /// Bands with a gap or an overlap, a scale without band.
    BadBands(BadBands),
    /// Jobs but no `classement`, or a `classement` without floor.
    NoFloor { jobs_without_classification: bool },
    /// Floors without `le plus élevé l'emporte`.
    NoCombination,
    /// `case vide` under the diploma floor (`blank_cell`), `hors grille` under another.
    MisplacedOption { blank_cell: bool },
    /// No `statut` at all (`no_status`), or status rules without `sinon`.
    StatusIncomplete { no_status: bool },
    /// A status rule after `sinon`.
    UnreachableRule { catch_all: Span },
    /// One name given to several jobs.
    AmbiguousName {
        name: String,
        jobs: Vec<String>,
        first: Span,
        first_job: String,
        /// The jobs' declared names, in the order of `jobs`.
        names: Vec<String>,
    },
    /// One name (a declared name or an alias) given to several diplomas.
    AmbiguousDiplomaName {
        name: String,
        diplomas: Vec<String>,
        first: Span,
    },
    /// A job whose beginner value is below its own entry diploma's floor.
    EntryDiplomaAboveJob {
        job: String,
        diploma: String,
        floor: u32,
        beginner: u32,
        /// The job's declared name.
        name: String,
    },
    /// `diplôme d'accueil bac+2 à bac`.
    EntryDiplomaOrder,
    /// Some bands of a job blank.
    BlankCells {
        job: String,
        blank: Vec<String>,
        bands: usize,
        /// The job's declared name.
        name: String,
    },
    /// Every band of a job blank (`name`: the job's declared name).
    JobWithoutClassification { job: String, name: String },
    /// A coefficient that goes down with experience.
    DecreasingBand {
        job: String,
        before: u32,
        before_band: String,
        value: u32,
        band: String,
        /// The job's declared name.
        name: String,
    },
    /// A `citation` longer than the project quotes: it quotes short phrases only.
    LongQuote { chars: usize, max: usize },
    /// A parameter nobody reads.
    UnusedParameter { name: String },
    /// A level whose minimum is below the SMIC on the day checked (`check --as-of`).
    BelowLegalMinimum {
        level: u32,
        /// The coefficients concerned, as a reader writes them
        /// (`coefficients 120 à 140`; `position I.1` on a grid without coefficients).
        coefficients: String,
        /// The agreement's lowest and highest minimum among them.
        lowest: rust_decimal::Decimal,
        highest: rust_decimal::Decimal,
        law: rust_decimal::Decimal,
        day: NaiveDate,
    },
    /// `connu jusqu'au 2011-12-31` on a parameter with a value from 2012-01-01.
    KnownUntilBeforeValue {
        name: String,
        known: NaiveDate,
        last: NaiveDate,
    },
    /// A value read by the rules whose first date is after the agreement's.
    ParameterBeforeFirstDate {
        name: String,
        first: NaiveDate,
        agreement: NaiveDate,
    },
    /// An `exemple` without `au`, `métier`, `depuis` or `attendu`.
    IncompleteExample(ExampleGap),
    /// `max(x)`: a function given too few values.
    FunctionArity { function: Function },
    /// `arrondi(x, 0 €)`: a rounding unit of zero or less.
    BadRoundingUnit { unit: String },
    /// `si 1 > 2 alors …`: a test between two numbers written in the file.
    ConstantTest { holds: TestHolds },
    /// Declared facts and tests on time (issue #22).
    Fact(super::facts::FactProblem),
    /// A trial rule at hire or by coefficient range (issue #22).
    Trial(super::trials::TrialProblem),
    /// A classification by criteria (issue #22).
    Criteria(super::criteria::CriteriaProblem),
}

/// What was declared twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicated {
    Agreement,
    /// A parameter or table name.
    ValueName(String),
    DatedValue {
        name: String,
        date: NaiveDate,
    },
    TableRow(u32),
    Category(String),
    Level(u32),
    Diploma(String),
    Scale(String),
    Band(String),
    Job(String),
    /// A band given two values in one job.
    JobValue(String),
    Floor,
    Transitional(u32),
    /// A block that appears once (`classement`, `statut`…).
    Block(&'static str),
}

/// What a name was looked up as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    Category,
    Scale,
    /// A band, in the named scale when there is one.
    Band {
        scale: Option<String>,
    },
    Diploma,
    /// A parameter where a duration is expected.
    Parameter,
    /// A name in a formula: a parameter or what the evaluation provides.
    FormulaName,
    Table,
    /// A job a company agreement gives values to, looked up in the agreement.
    AgreementJob,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A literal of the wrong type for its parameter or table.
    Literal {
        name: String,
        expected: ValueType,
        found: Found,
    },
    DurationTable,
    /// A parameter used where a duration is needed.
    NotADuration {
        name: String,
        ty: Type,
    },
    /// `au plus 6 mois`: mission days are counted one by one.
    MissionLimitInMonths,
    FormulaNotAmount(Type),
    /// Levels whose minimums are of two units (monthly, hourly).
    LevelMinimumUnits {
        first: Type,
        this: Type,
    },
    FormulaNotNumber(Type),
    DurationInFormula(String),
    /// A table named without its row.
    TableWithoutRow(String),
    TableKey,
    Operands {
        op: BinaryOp,
        left: Type,
        right: Type,
    },
    /// `max(12 €, heures)`: a function's values, a `si`'s branches or a test's sides of two types.
    Arguments {
        function: Function,
        left: Type,
        right: Type,
    },
}

/// A function of formulas, or what a type mismatch is between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Max,
    Min,
    Round,
    /// The two branches of `si … alors … sinon …`.
    If,
    /// The two sides of a comparison.
    Compare,
    /// `annuel(x)`, `mensuel(x)`.
    Annual,
    Monthly,
}

/// What a constant test always gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestHolds {
    Always,
    Never,
}

/// What a literal turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Duration,
    Number,
    Euros,
    /// `€/h` on a value not per hour.
    PerHour,
    /// `h` on a value not in hours.
    Hours,
    /// `%` on a value that is not a rate.
    Percent,
    /// `€/an` on a value not per year.
    PerYear,
    NotWhole,
    /// A value below zero (only from outside the file: `--set`).
    Negative,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    ParameterValue(String),
    TableRows(String),
    ReferenceHours,
    MissionCap,
    /// A part of the mission cap: `fenêtre`, `au plus`, `droit`.
    MissionCapPart(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Divisor {
    Literal,
    /// A parameter's value of zero, written at `value`.
    Parameter {
        name: String,
        date: NaiveDate,
        value: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadRange {
    TooHigh { max: u32, highest: u32 },
    Empty { low: u32, high: u32 },
    NotIncreasing,
    EmptyBand { band: String, from: u32, to: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadBands {
    NoBand {
        scale: String,
    },
    FirstNotAtZero {
        from: u32,
    },
    /// Two bands that do not meet; `gap` is the months nothing covers, if any.
    NotMeeting {
        previous: String,
        next: String,
        gap: Option<(u32, u32)>,
        next_from: u32,
        previous_span: Span,
    },
    LastHasEnd {
        from: u32,
    },
    NoScale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleGap {
    Date,
    JobOrStart,
    Expectation,
}

impl Kind {
    /// A duplicate, with the first declaration shown when given.
    pub fn duplicate(what: Duplicated, first: impl Into<Option<Span>>) -> Kind {
        Kind::Duplicate {
            what,
            first: first.into(),
        }
    }

    /// An unknown name, with the declared names closest to it.
    pub fn unknown<'a>(
        what: Unknown,
        name: &str,
        declared: impl IntoIterator<Item = &'a str>,
    ) -> Kind {
        let candidates = crate::names::closest(name, declared);
        Kind::UnknownName {
            what,
            name: name.to_string(),
            candidates: candidates.into_iter().map(str::to_string).collect(),
        }
    }

    /// The diagnostic this kind gives at `span`, in both languages.
    pub fn at(self, span: Span) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(self.code(), span, self.message())
            .label(self.label())
            .help(self.help());
        for (place, label) in self.related() {
            diagnostic = diagnostic.related(place, label);
        }
        diagnostic.severity = self.severity();
        diagnostic.kind = Some(Box::new(self));
        diagnostic
    }

    pub fn code(&self) -> Code {
        match self {
            Kind::NotUtf8 { .. } => Code::Encoding,
            Kind::Duplicate { .. } => Code::Duplicate,
            Kind::ReservedName { .. } => Code::ReservedName,
            Kind::UnknownName { .. }
            | Kind::UnknownLevel { .. }
            | Kind::UnavailableInput { .. } => Code::UnknownName,
            Kind::TypeMismatch(_) => Code::TypeMismatch,
            Kind::MissingValue(_) => Code::MissingValue,
            Kind::DivisionByZero(_) => Code::DivisionByZero,
            Kind::EmptyCategory { .. } => Code::EmptyCategory,
            Kind::NoGrid { .. } => Code::NoGrid,
            Kind::NoJob { .. } => Code::NoJob,
            Kind::TooManyCells { .. } => Code::TooLarge,
            Kind::OverlappingLevels { .. } => Code::OverlappingLevels,
            Kind::BadRange(_) => Code::BadRange,
            Kind::OffGridCoefficient { .. } | Kind::TopOfGrid { .. } => Code::OffGridCoefficient,
            Kind::BadBands(_) => Code::BadBands,
            Kind::NoFloor { .. } => Code::NoFloor,
            Kind::NoCombination => Code::NoCombination,
            Kind::MisplacedOption { .. } => Code::MisplacedOption,
            Kind::StatusIncomplete { .. } => Code::StatusIncomplete,
            Kind::UnreachableRule { .. } => Code::UnreachableRule,
            Kind::AmbiguousName { .. } | Kind::AmbiguousDiplomaName { .. } => Code::AmbiguousName,
            Kind::EntryDiplomaAboveJob { .. } => Code::EntryDiplomaAboveJob,
            Kind::EntryDiplomaOrder => Code::EntryDiplomaOrder,
            Kind::BlankCells { .. } => Code::BlankCells,
            Kind::JobWithoutClassification { .. } => Code::JobWithoutClassification,
            Kind::DecreasingBand { .. } => Code::DecreasingBand,
            Kind::UnusedParameter { .. } => Code::UnusedParameter,
            Kind::LongQuote { .. } => Code::LongQuote,
            Kind::KnownUntilBeforeValue { .. } => Code::KnownUntilBeforeValue,
            Kind::BelowLegalMinimum { .. } => Code::BelowLegalMinimum,
            Kind::ParameterBeforeFirstDate { .. } => Code::ParameterBeforeFirstDate,
            Kind::IncompleteExample(_) => Code::IncompleteExample,
            Kind::FunctionArity { .. } | Kind::BadRoundingUnit { .. } => Code::BadFunction,
            Kind::ConstantTest { .. } => Code::ConstantTest,
            Kind::Fact(problem) => problem.code(),
            Kind::Grid(problem) => problem.code(),
            Kind::Trial(p) => p.code(),
            Kind::Criteria(p) => p.code(),
        }
    }

    /// Warnings: the rules can be applied, but look wrong.
    pub fn severity(&self) -> Severity {
        match self {
            Kind::UnreachableRule { .. }
            | Kind::AmbiguousName { .. }
            | Kind::AmbiguousDiplomaName { .. }
            | Kind::EntryDiplomaAboveJob { .. }
            | Kind::EntryDiplomaOrder
            | Kind::BlankCells { .. }
            | Kind::JobWithoutClassification { .. }
            | Kind::DecreasingBand { .. }
            | Kind::UnusedParameter { .. }
            | Kind::LongQuote { .. }
            | Kind::KnownUntilBeforeValue { .. }
            | Kind::BelowLegalMinimum { .. }
            | Kind::ParameterBeforeFirstDate { .. }
            | Kind::ConstantTest { .. } => Severity::Warning,
            Kind::Fact(problem) if problem.is_warning() => Severity::Warning,
            Kind::Trial(p) => p.severity(),
            Kind::Criteria(p) => p.severity(),
            _ => Severity::Error,
        }
    }

    /// Other places the diagnostic shows, with their labels.
    pub fn related(&self) -> Vec<(Span, Said)> {
        let one = |span: Span, label: Said| vec![(span, label)];
        match self {
            Kind::Duplicate {
                what,
                first: Some(first),
            } => one(*first, words::first_declared(what)),
            Kind::OverlappingLevels {
                lower_end,
                lower_span,
                ..
            } => one(
                *lower_span,
                Said::new(
                    format!("finit à {lower_end}"),
                    format!("ends at {lower_end}"),
                ),
            ),
            Kind::BadBands(BadBands::NotMeeting { previous_span, .. }) => one(
                *previous_span,
                Said::new("tranche précédente", "previous band"),
            ),
            Kind::UnreachableRule { catch_all } => one(
                *catch_all,
                Said::new(
                    "`sinon` prend tous les cas avant",
                    "`sinon` catches every case before",
                ),
            ),
            Kind::AmbiguousName {
                first, first_job, ..
            } => one(*first, given_to(first_job)),
            Kind::AmbiguousDiplomaName {
                first, diplomas, ..
            } => one(*first, given_to(&diplomas[0])),
            Kind::DivisionByZero(Divisor::Parameter { value, date, .. }) => one(
                *value,
                Said::new(
                    format!("zéro à partir du {date}"),
                    format!("zero from {date}"),
                ),
            ),
            Kind::Trial(p) => p.related(),
            Kind::Criteria(p) => p.related(),
            _ => Vec::new(),
        }
    }

    pub fn message(&self) -> Said {
        words::message(self)
    }

    pub fn label(&self) -> Said {
        words::label(self)
    }

    pub fn help(&self) -> Said {
        words::help(self)
    }
}

/// "given to `x` here", on the first holder of a shared name.
fn given_to(holder: &str) -> Said {
    Said::new(
        format!("donné à `{holder}` ici"),
        format!("given to `{holder}` here"),
    )
}
