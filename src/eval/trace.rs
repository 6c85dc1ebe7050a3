//! Traces: the steps an evaluation took, recorded by the evaluator itself.
//!
//! The evaluator is generic over a [`Tracer`]. [`NoTrace`] compiles every step
//! away (the closure that would build it is never called); [`Recorder`] keeps
//! them. Both run the very same code, so an explanation cannot drift from the
//! decision it explains.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Receives the steps of an evaluation.
pub trait Tracer {
    /// Whether steps are kept: the fast path may take cached values instead of
    /// recomputing what it would otherwise have to show.
    const RECORDS: bool;

    /// Records the step `make` builds, if this tracer keeps steps.
    fn step(&mut self, make: impl FnOnce() -> Step);

    /// Records steps kept by the evaluator.
    fn replay(&mut self, steps: &[Step]) {
        for step in steps {
            self.step(|| step.clone());
        }
    }
}

/// Keeps nothing: the fast path.
pub struct NoTrace;

impl Tracer for NoTrace {
    const RECORDS: bool = false;

    #[inline(always)]
    fn step(&mut self, _: impl FnOnce() -> Step) {}
}

/// Keeps every step, in order.
#[derive(Debug, Default)]
pub struct Recorder {
    pub steps: Vec<Step>,
}

impl Recorder {
    pub fn with_capacity(steps: usize) -> Recorder {
        Recorder {
            steps: Vec::with_capacity(steps),
        }
    }
}

impl Tracer for Recorder {
    const RECORDS: bool = true;

    fn step(&mut self, make: impl FnOnce() -> Step) {
        self.steps.push(make());
    }
}

/// What a floor looked at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FloorDetail {
    /// The job's value for `band`; `written` as the rule file writes it; `from_band`
    /// when the band is blank and another band's value applies.
    Job {
        band: String,
        written: Option<String>,
        from_band: Option<String>,
    },
    Diploma {
        diploma: Option<String>,
    },
    PreviousCoefficient {
        given: Option<u32>,
    },
    Mission {
        claims: usize,
    },
}

/// One step of a decision: what was done, by which rule, citing which text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    #[serde(flatten)]
    pub kind: StepKind,
    /// `file:line:column` of the rule applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<crate::diag::Location>,
    /// The rule's `source` citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<std::sync::Arc<str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum StepKind {
    /// The job name given, resolved to a job of the rule set.
    Job {
        given: String,
        job: String,
        name: String,
    },
    /// Experience counted in the job, and the band it falls in.
    Experience {
        since: NaiveDate,
        until: NaiveDate,
        completed_months: u32,
        prior_months: u32,
        months: u32,
        band: String,
    },
    /// A floor and the coefficient it gives (none: it does not apply).
    Floor {
        floor: &'static str,
        coefficient: Option<u32>,
        #[serde(flatten)]
        detail: FloorDetail,
    },
    /// The highest floor wins.
    Entitlement {
        coefficient: u32,
        floor: &'static str,
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
        category: String,
    },
    Status {
        status: String,
    },
    /// A parameter's value in force, and since when.
    Parameter {
        name: String,
        value: String,
        /// `None`: the value was set for this run (`--set`).
        from: Option<NaiveDate>,
    },
    /// A formula, with its values put in, and its result.
    Formula {
        what: &'static str,
        formula: String,
        result: Decimal,
    },
    /// A right claimed (mission cap).
    Claim {
        job: String,
        coefficient: Option<u32>,
        since: NaiveDate,
        days: u32,
    },
    /// The trial period of the latest move.
    Trial {
        job: String,
        start: NaiveDate,
        end: NaiveDate,
        status: &'static str,
    },
    NextStep {
        on: NaiveDate,
        band: String,
        coefficient: u32,
    },
    Warning {
        text: String,
    },
}
