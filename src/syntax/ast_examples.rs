//! The syntax tree of a rule file's examples: the facts, the date and the
//! outcome negotiators agreed on (`exemple "…"`), part of [`super::ast`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ast::Source;
use crate::span::{Span, Spanned};

/// An example the negotiators agreed on: facts, a date, the expected outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub span: Span,
    pub title: Spanned<String>,
    pub as_of: Option<Spanned<NaiveDate>>,
    pub facts: Vec<Spanned<Fact>>,
    pub expectations: Vec<Spanned<Expectation>>,
    pub source: Source,
}

/// One fact of an example, as the facts contract names them.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    Job(String),
    Since(NaiveDate),
    PriorMonths(u32),
    Diploma(String),
    PreviousCoefficient(u32),
    Hours(Decimal),
    Salary(Decimal),
    AppliedCoefficient(u32),
    Mission {
        job: String,
        start: NaiveDate,
        end: Option<NaiveDate>,
    },
    Move {
        from: String,
        to: String,
        on: NaiveDate,
        renewed: bool,
        broken_on: Option<NaiveDate>,
    },
    /// `fait naissance 1999-03-02`: a fact the rule file declares (issue #22).
    Declared {
        name: Spanned<String>,
        value: Spanned<super::ast::FactDefault>,
    },
    /// `position "ic 2.1"`: the position the employer gives.
    Position(String),
    /// `critères connaissances 3, …`: the degrees of the record's `criteria`.
    Criteria(Vec<(String, u32)>),
    /// `embauché le DATE`: the hire, for a trial at hire.
    Hire {
        on: NaiveDate,
        renewed: bool,
        broken_on: Option<NaiveDate>,
    },
}

/// One expected field of an example's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    Coefficient(u32),
    Band(String),
    Level(u32),
    Category(String),
    Status(String),
    Job(String),
    MinimumSalary(Decimal),
    /// The agreement's own minimum, before the law raises it.
    AgreementMinimum(Decimal),
    Shortfall(Decimal),
    /// `None`: no next step.
    NextStep(Option<NaiveDate>),
    Claim {
        job: String,
        since: NaiveDate,
    },
    TrialEnd(NaiveDate),
    Rejected,
    /// `position I.2`: the position decided.
    Position(super::ast_grids::PositionRef),
}
