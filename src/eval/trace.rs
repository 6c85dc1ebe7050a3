//! Traces: the steps an evaluation took, recorded by the evaluator itself.
//!
//! The evaluator is generic over a [`Tracer`]. [`NoTrace`] compiles every step
//! away (the closure that would build it is never called); [`Recorder`] keeps
//! them. Both run the very same code, so an explanation cannot drift from the
//! decision it explains.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{MinimumFrom, Warning};
use crate::diag::Place;
use crate::model::{Duration, FloorKind, Origin};

/// Receives the steps of an evaluation; `'a`: what the steps may borrow.
pub trait Tracer<'a> {
    /// Records the step `make` builds, if this tracer keeps steps.
    fn step(&mut self, make: impl FnOnce() -> Step<'a>);

    /// Runs `record` with this tracer, if it keeps steps: for steps that take
    /// work to find beyond what the decision computes (a formula evaluated
    /// again for the values it reads, steps kept by the evaluator). The
    /// decision itself never depends on what `record` does.
    fn record(&mut self, record: impl FnOnce(&mut Self));

    /// Records steps kept by the evaluator, lending their texts.
    fn replay(&mut self, steps: &'a [Step<'_>]) {
        for step in steps {
            self.step(|| step.reborrow());
        }
    }
}

/// Keeps nothing: the fast path.
pub struct NoTrace;

impl<'a> Tracer<'a> for NoTrace {
    #[inline(always)]
    fn step(&mut self, _: impl FnOnce() -> Step<'a>) {}

    #[inline(always)]
    fn record(&mut self, _: impl FnOnce(&mut Self)) {}
}

/// Keeps every step, in order.
#[derive(Debug, Default)]
pub struct Recorder<'a> {
    pub steps: Vec<Step<'a>>,
}

impl<'a> Recorder<'a> {
    pub fn with_capacity(steps: usize) -> Recorder<'a> {
        Recorder {
            steps: Vec::with_capacity(steps),
        }
    }
}

impl<'a> Tracer<'a> for Recorder<'a> {
    fn step(&mut self, make: impl FnOnce() -> Step<'a>) {
        self.steps.push(make());
    }

    fn record(&mut self, record: impl FnOnce(&mut Self)) {
        record(self);
    }
}

/// A floor of the classification as a trace names it (`floor`): those a
/// rule file lists, and a company agreement's values for the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FloorName {
    Job,
    /// A company agreement's value for the job, right after the agreement's.
    Company,
    Diploma,
    PreviousCoefficient,
    Mission,
    /// The position the employer gives, or a conditional floor (issue #22).
    Position,
    /// `plancher critères`: the coefficient the employee's degrees give.
    Criteria,
}

impl FloorName {
    /// The name the JSON outputs give it.
    pub fn as_str(self) -> &'static str {
        match self {
            FloorName::Job => "job",
            FloorName::Company => "company",
            FloorName::Diploma => "diploma",
            FloorName::PreviousCoefficient => "previous-coefficient",
            FloorName::Mission => "mission",
            FloorName::Position => "position",
            FloorName::Criteria => "criteria",
        }
    }
}

impl std::fmt::Display for FloorName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<FloorKind> for FloorName {
    fn from(kind: FloorKind) -> FloorName {
        match kind {
            FloorKind::Job => FloorName::Job,
            FloorKind::Diploma => FloorName::Diploma,
            FloorKind::PreviousCoefficient => FloorName::PreviousCoefficient,
            FloorKind::Mission => FloorName::Mission,
            FloorKind::Position => FloorName::Position,
            FloorKind::Criteria => FloorName::Criteria,
        }
    }
}

/// Which formula a formula step computed (`what`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormulaKind {
    /// A level's full-time minimum.
    LevelMinimum,
    /// The agreement's minimum salary for the hours worked.
    MinimumSalary,
    /// A company agreement's minimum.
    CompanyMinimum,
    /// The law's minimum (the SMIC).
    LegalMinimum,
}

impl FormulaKind {
    /// The name the JSON outputs give it.
    pub fn as_str(self) -> &'static str {
        match self {
            FormulaKind::LevelMinimum => "level-minimum",
            FormulaKind::MinimumSalary => "minimum-salary",
            FormulaKind::CompanyMinimum => "company-minimum",
            FormulaKind::LegalMinimum => "legal-minimum",
        }
    }
}

/// What a floor looked at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FloorDetail<'a> {
    /// The job's value for `band`; `written` as the rule file writes it; `from_band`
    /// when the band is blank and another band's value applies.
    Job {
        band: &'a str,
        written: Option<&'a str>,
        from_band: Option<&'a str>,
    },
    Diploma {
        diploma: Option<&'a str>,
    },
    PreviousCoefficient {
        given: Option<u32>,
    },
    Mission {
        claims: usize,
    },
    /// The total of the employee's degrees, when given (issue #22).
    Criteria {
        total: Option<u32>,
    },
    /// A position of a named grid: the one the facts give, or a conditional
    /// floor's (`test`: its test, written with the rule file's words).
    Position {
        grid: Option<&'a str>,
        position: Option<&'a str>,
        test: Option<&'a str>,
    },
}

/// A place on a named grid (issue #22): the grid's id, the position's label
/// as declared, and whether the grid has coefficients (HCR's has none), made
/// once per position by the checker.
pub type GridPlace<'a> = &'a crate::model::grid::PlaceNames;

/// One criterion of a `criteria` step: the degree given and its points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CriterionScore<'a> {
    pub criterion: &'a str,
    pub degree: u32,
    pub points: u32,
}

/// One step of a decision: what was done, by which rule, citing which text.
///
/// `'a`: the names and citations are the rule set's, the job name given is the
/// record's, and texts made once (a formula written with its values) may be
/// borrowed from the evaluator's caches: recording a step copies no string.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step<'a> {
    #[serde(flatten)]
    pub kind: StepKind<'a>,
    /// `file:line:column` of the rule applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Place<'a>>,
    /// The rule's `source` citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The words the rule encodes and the reading it rests on.
    #[serde(flatten)]
    pub gloss: Gloss<'a>,
}

/// What a rule file writes beside a rule's `source`: the words of the text
/// (`citation`) and the reading it chose where the text is silent (`lecture`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Gloss<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<&'a str>,
}

impl<'a> Gloss<'a> {
    pub const NONE: Gloss<'static> = Gloss {
        quote: None,
        reading: None,
    };

    /// The quote and the reading of the first of `origins` that has each: a
    /// rule's own, else its declaration's (a level's, then its category's).
    pub fn of(origins: &[&'a Origin]) -> Gloss<'a> {
        Gloss {
            quote: origins.iter().find_map(|o| o.quote.as_deref()),
            reading: origins.iter().find_map(|o| o.reading.as_deref()),
        }
    }
}

impl Step<'_> {
    /// The same step, its texts borrowed from this one: a cached step is
    /// replayed into a decision without copying them.
    pub fn reborrow(&self) -> Step<'_> {
        Step {
            kind: self.kind.reborrow(),
            rule: self.rule,
            source: self.source,
            gloss: self.gloss,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum StepKind<'a> {
    /// The job name given, resolved to a job of the rule set.
    Job {
        given: &'a str,
        job: &'a str,
        name: &'a str,
    },
    /// Experience counted in the job, and the band it falls in.
    Experience {
        since: NaiveDate,
        until: NaiveDate,
        completed_months: u32,
        prior_months: u32,
        months: u32,
        band: &'a str,
    },
    /// Classification by criteria (issue #22): each criterion's degree and
    /// points, their total, the `cotation` row it falls in and its coefficient.
    Criteria {
        degrees: Vec<CriterionScore<'a>>,
        total: u32,
        row: (u32, u32),
        coefficient: u32,
    },
    /// A floor and the coefficient it gives (none: it does not apply).
    Floor {
        floor: FloorName,
        coefficient: Option<u32>,
        #[serde(flatten)]
        detail: FloorDetail<'a>,
    },
    /// The highest floor wins.
    Entitlement {
        coefficient: u32,
        floor: FloorName,
    },
    /// A transitional coefficient held past its limit gives way to the next one.
    Transitional {
        coefficient: u32,
        since: NaiveDate,
        until: NaiveDate,
        next: u32,
    },
    Level {
        coefficient: u32,
        level: u32,
        category: &'a str,
        /// The named grid and the position's label (issue #22), when the rule set has grids.
        #[serde(flatten, skip_serializing_if = "Option::is_none")]
        place: Option<GridPlace<'a>>,
    },
    Status {
        status: &'a str,
    },
    /// A parameter's value in force, and since when.
    Parameter {
        name: Cow<'a, str>,
        value: Cow<'a, str>,
        /// `None`: the value was set for this run (`--set`).
        from: Option<NaiveDate>,
        /// The instrument that set the value, when the rule file names it.
        #[serde(skip_serializing_if = "Option::is_none")]
        cited: Option<&'a str>,
    },
    /// A formula, with its values put in, and its result.
    Formula {
        what: FormulaKind,
        formula: Cow<'a, str>,
        result: Decimal,
    },
    /// The minimum owed: the highest of the layers' minimums (the law's, the
    /// agreement's, a company agreement's).
    MinimumOwed {
        #[serde(skip_serializing_if = "Option::is_none")]
        agreement: Option<Decimal>,
        #[serde(skip_serializing_if = "Option::is_none")]
        company: Option<Decimal>,
        #[serde(skip_serializing_if = "Option::is_none")]
        law: Option<Decimal>,
        owed: Decimal,
        from: MinimumFrom,
    },
    /// The mission days counted in the window that ends on the evaluation
    /// date (`from` to `until`, both included), against the cap.
    MissionWindow {
        from: NaiveDate,
        until: NaiveDate,
        days: u32,
        cap: u32,
    },
    /// A right claimed (mission cap).
    Claim {
        job: &'a str,
        coefficient: Option<u32>,
        since: NaiveDate,
        days: u32,
    },
    /// The trial period of the latest move: the first trial's `length` for
    /// the `category` of the new post, the `renewal` when the move was renewed
    /// and the rule allows it, the day it was `broken_on` if it was.
    Trial {
        job: &'a str,
        start: NaiveDate,
        end: NaiveDate,
        status: &'static str,
        category: &'a str,
        #[serde(serialize_with = "duration_words")]
        length: Duration,
        #[serde(serialize_with = "limit_words")]
        renewal: Option<Duration>,
        broken_on: Option<NaiveDate>,
        /// `hire` for a trial at hire; absent for a move's.
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<&'static str>,
        /// The rule's coefficient range, when it is chosen by coefficient.
        #[serde(skip_serializing_if = "Option::is_none")]
        range: Option<(u32, u32)>,
    },
    /// The trial made shorter than the agreement's rule gives it: `by` the
    /// company agreement (`cut`: `trial`) or the law (`length`: the first
    /// trial, `total`: renewal included, both up to `limit`).
    TrialCut {
        by: &'static str,
        cut: &'static str,
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "limit_words"
        )]
        limit: Option<Duration>,
        was: NaiveDate,
        end: NaiveDate,
    },
    NextStep {
        on: NaiveDate,
        band: &'a str,
        coefficient: u32,
    },
    /// A declared fact the decision read (issue #22): its value as given,
    /// or its default (`default`: true).
    Fact {
        name: &'a str,
        field: &'a str,
        value: Cow<'a, str>,
        default: bool,
    },
    /// A clock: the completed `unit`s (`years`, `months`…) from `since` to `until`.
    Clock {
        clock: &'a str,
        since: NaiveDate,
        until: NaiveDate,
        completed: u32,
        unit: &'static str,
    },
    /// Written out as its English sentence when shown.
    Warning {
        #[serde(rename = "text")]
        warning: Warning<'a>,
    },
}

/// A duration in English words (`3 months`), as the decision's warnings write it.
fn duration_words<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&super::warning::duration_words(*d, false))
}

/// A law's cap in English words, as the decision's warnings write it.
fn limit_words<S: serde::Serializer>(limit: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match limit {
        Some(d) => s.serialize_str(&super::warning::duration_words(*d, false)),
        None => s.serialize_none(),
    }
}

impl StepKind<'_> {
    fn reborrow(&self) -> StepKind<'_> {
        match self {
            StepKind::Parameter {
                name,
                value,
                from,
                cited,
            } => StepKind::Parameter {
                name: Cow::Borrowed(name),
                value: Cow::Borrowed(value),
                from: *from,
                cited: *cited,
            },
            StepKind::Formula {
                what,
                formula,
                result,
            } => StepKind::Formula {
                what: *what,
                formula: Cow::Borrowed(formula),
                result: *result,
            },
            // Only borrowed names and numbers: a clone copies no text.
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ClaimKind;

    fn json(value: impl Serialize) -> String {
        serde_json::to_string(&value).unwrap()
    }

    /// The names the JSON outputs gave these as strings before they were
    /// enums (the data contract): serde and `as_str` both write them.
    #[test]
    fn the_names_in_traces_are_those_of_the_contract() {
        let floors = [
            (FloorName::Job, "job"),
            (FloorName::Company, "company"),
            (FloorName::Diploma, "diploma"),
            (FloorName::PreviousCoefficient, "previous-coefficient"),
            (FloorName::Mission, "mission"),
            (FloorName::Position, "position"),
        ];
        for (floor, name) in floors {
            assert_eq!((json(floor), floor.as_str()), (format!("\"{name}\""), name));
        }
        let formulas = [
            (FormulaKind::LevelMinimum, "level-minimum"),
            (FormulaKind::MinimumSalary, "minimum-salary"),
            (FormulaKind::CompanyMinimum, "company-minimum"),
            (FormulaKind::LegalMinimum, "legal-minimum"),
        ];
        for (what, name) in formulas {
            assert_eq!((json(what), what.as_str()), (format!("\"{name}\""), name));
        }
        let claim = ClaimKind::MissionCap;
        assert_eq!(
            (json(claim), claim.as_str()),
            ("\"mission-cap\"".into(), "mission-cap")
        );
    }
}
