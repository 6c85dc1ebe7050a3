//! Declared facts and clocks, checked (issue #22, design §3–§4): what the rule
//! file declares (`fait naissance : date`, `champ born_on`), numbered at load,
//! and the tests on time its formulas make (`âge < 26 ans`).

use chrono::NaiveDate;

use super::{Duration, Origin, Type};
pub use crate::facts::{FactKind, FactValue};

/// A declared fact's slot: its index in [`super::RuleSet::facts`] and in
/// every record's [`crate::facts::Record::declared`].
pub type FactId = usize;

/// A fact the rule file declares.
#[derive(Debug, Clone)]
pub struct Fact {
    pub name: String,
    pub label: Option<String>,
    /// The input field it is read from.
    pub field: String,
    pub kind: FactKind,
    /// The type it has in a formula (numbers and amounts only; `None`: it is
    /// read by tests, `est`, clocks, not by arithmetic).
    pub formula_type: Option<Type>,
    /// The value when the record does not give it.
    pub default: Option<FactValue>,
    /// `requis`: every record must give it.
    pub required: bool,
    /// Not written in the file: declared by the checker for a clock that needs
    /// the field (`âge` reads `born_on`).
    pub implicit: bool,
    /// Where the fact's name is written.
    pub name_span: crate::span::Span,
    pub origin: Origin,
}

impl Fact {
    /// The id of a `choix` value.
    pub fn choice(&self, index: u16) -> &str {
        match &self.kind {
            FactKind::Choice(ids) => ids.get(usize::from(index)).map_or("", |s| s),
            _ => "",
        }
    }
}

/// A duration counted from a date to the evaluation day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clock {
    /// `âge`: since the fact read from `born_on`.
    Age(FactId),
    /// `ancienneté dans l'entreprise`: since the fact read from `hired_on`.
    Company(FactId),
    /// `ancienneté dans le métier`: today's job clock (`job_since` and
    /// `prior_job_months`).
    Job,
    /// `années révolues depuis F` / `mois révolus depuis F`.
    Since(FactId),
}

impl Clock {
    /// The date fact the clock counts from (`None`: the job clock).
    pub fn fact(self) -> Option<FactId> {
        match self {
            Clock::Age(f) | Clock::Company(f) | Clock::Since(f) => Some(f),
            Clock::Job => None,
        }
    }

    /// Its name in the trace: `age`, `company`, `job`, or `since`.
    pub fn key(self) -> &'static str {
        match self {
            Clock::Age(_) => "age",
            Clock::Company(_) => "company",
            Clock::Job => "job",
            Clock::Since(_) => "since",
        }
    }
}

/// A date in a test: the evaluation day, a date fact, a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSide {
    Today,
    Fact(FactId),
    Literal(NaiveDate),
}

/// What `est` compares a fact with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IsValue {
    Choice(u16),
    Text(Box<str>),
}

/// A clock against a duration: `âge < 26 ans` is `Clock(Age, Lt, 26 years)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTest {
    pub clock: Clock,
    pub op: super::CompareOp,
    pub than: Duration,
}

/// A test on declared facts or time, and how the language writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactTest {
    pub kind: FactTestKind,
    /// The test as the rule file writes it, canonical (`âge < 26 ans`).
    pub written: Box<str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactTestKind {
    /// `âge < 26 ans`, `ancienneté dans l'entreprise ≥ 1 an`.
    Clock(ClockTest),
    /// `date < 2025-01-01`, a date fact against a date.
    Dates(DateSide, super::CompareOp, DateSide),
    /// `modalite est forfait-jours`.
    Is(FactId, IsValue),
    /// A `oui-non` fact.
    Flag(FactId),
}

impl super::RuleSet {
    /// The fields the readers keep for this rule set's declared facts, in slot
    /// order (empty when it declares none: the readers then run as before).
    pub fn declared_fields(&self) -> crate::facts::Declared {
        let fields = self.facts.iter().map(|f| crate::facts::DeclaredField {
            field: f.field.as_str().into(),
            kind: f.kind.clone(),
        });
        crate::facts::Declared::new(fields.collect())
    }
}
