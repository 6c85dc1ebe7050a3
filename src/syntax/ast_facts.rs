//! The syntax tree of declared facts and clocks (issue #22, design §3–§4):
//! `fait naissance "Date de naissance" : date`, and the tests on time
//! (`âge < 26 ans`, `date < 2025-01-01`), part of [`super::ast`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ast::{Duration, NumberUnit, Source};
use crate::span::{Span, Spanned};

/// `fait NOM "Libellé" : TYPE`, its input field, default, `requis`, source.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDecl {
    pub span: Span,
    pub name: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub ty: Spanned<FactType>,
    /// `champ born_on`: the input field (default: the name).
    pub field: Option<Spanned<String>>,
    pub default: Option<Spanned<FactDefault>>,
    /// `requis`: a record without the field is rejected.
    pub required: Option<Span>,
    pub source: Source,
}

/// The type of a declared fact.
#[derive(Debug, Clone, PartialEq)]
pub enum FactType {
    Date,
    /// `oui-non` / `yes-no`.
    YesNo,
    /// `choix a, b, c`: one of the ids.
    Choice(Vec<Spanned<String>>),
    /// `texte`: a string, compared with `est`.
    Text,
    Amount,
    Hourly,
    Annual,
    Decimal,
    Integer,
}

/// A fact's `défaut`, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum FactDefault {
    Date(NaiveDate),
    Yes,
    No,
    Number(Decimal, NumberUnit),
    Id(String),
}

/// One side of a test on time.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeOperand {
    Clock(Clock),
    /// `26 ans`, `1 an`, `6 mois`.
    Duration(Duration),
    /// A date literal, `2025-01-01`.
    Date(NaiveDate),
    /// `date`: the evaluation day.
    Today,
    /// A fact's name (a date fact, compared with a date).
    Fact(String),
}

/// A duration counted from a date to the evaluation day.
#[derive(Debug, Clone, PartialEq)]
pub enum Clock {
    /// `âge`: completed years since `born_on`.
    Age,
    /// `ancienneté dans l'entreprise`: since `hired_on`.
    Company,
    /// `ancienneté dans le métier`: the job clock (`job_since`).
    Job,
    /// `années révolues depuis F` (`years`: true) or `mois révolus depuis F`.
    Since {
        years: bool,
        fact: Spanned<String>,
    },
}
