//! Examples written in a rule file (`exemple … attendu : …`), checked by `grille test`.
//!
//! Each example is decided with the same evaluator as `grille eval`; every
//! expected field is compared, and a failure shows the expected and obtained
//! values with the key steps of the explanation.

use crate::eval::money;
use crate::eval::trace::{FloorDetail, StepKind};
use crate::model::{Example, RuleSet};
use crate::names::normalize;
use crate::span::Span;
use crate::syntax::ast::Expectation;
use crate::Evaluator;

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleResult<'r> {
    pub example: &'r Example,
    pub failures: Vec<Failure>,
    /// The key steps of the decision, for a failure report.
    pub steps: String,
}

impl ExampleResult<'_> {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub what: &'static str,
    pub expected: String,
    pub got: String,
    pub span: Span,
}

/// Runs every example of a rule set, in file order.
pub fn run(rules: &RuleSet) -> Vec<ExampleResult<'_>> {
    rules.examples.iter().map(|e| run_one(rules, e)).collect()
}

fn run_one<'r>(rules: &'r RuleSet, example: &'r Example) -> ExampleResult<'r> {
    let evaluator = Evaluator::new(rules, example.as_of);
    let outcome = evaluator.decide_traced(&example.record);
    let mut failures = Vec::new();
    let mut fail = |what, expected: String, got: String, span| {
        failures.push(Failure {
            what,
            expected,
            got,
            span,
        })
    };
    let decision = match (
        &outcome,
        example
            .expectations
            .iter()
            .any(|(e, _)| *e == Expectation::Rejected),
    ) {
        (Err(_), true) => {
            return ExampleResult {
                example,
                failures,
                steps: String::new(),
            }
        }
        (Ok(_), true) => {
            let span = example
                .expectations
                .iter()
                .find(|(e, _)| *e == Expectation::Rejected)
                .map_or(example.origin.span, |(_, s)| *s);
            fail("outcome", "rejected".into(), "decided".into(), span);
            None
        }
        (Err(r), false) => {
            fail(
                "outcome",
                "a decision".into(),
                format!("rejected: {}", r.reason),
                example.origin.span,
            );
            None
        }
        (Ok(d), false) => Some(d),
    };
    let Some(d) = decision else {
        return ExampleResult {
            example,
            failures,
            steps: String::new(),
        };
    };
    let same = |a: &str, b: &str| normalize(a) == normalize(b);
    for (expected, span) in &example.expectations {
        let span = *span;
        match expected {
            Expectation::Coefficient(c) if *c != d.coefficient => fail(
                "coefficient",
                c.to_string(),
                d.coefficient.to_string(),
                span,
            ),
            Expectation::Band(b) if !same(b, d.band) => {
                fail("band", b.clone(), d.band.to_string(), span)
            }
            Expectation::Level(l) if *l != d.level => {
                fail("level", l.to_string(), d.level.to_string(), span)
            }
            Expectation::Category(c) if !same(c, d.category) => {
                fail("category", c.clone(), d.category.to_string(), span)
            }
            Expectation::Status(s) if !same(s, d.status) => {
                fail("status", s.clone(), d.status.to_string(), span)
            }
            Expectation::Job(j) if !same(j, d.job) => {
                fail("job", j.clone(), d.job.to_string(), span)
            }
            Expectation::MinimumSalary(m) if Some(*m) != d.minimum_salary => fail(
                "minimum salary",
                money(*m),
                d.minimum_salary.map_or("none".into(), money),
                span,
            ),
            // Without the law above it, the agreement's minimum is the minimum owed.
            Expectation::AgreementMinimum(m)
                if Some(*m) != d.minimum_agreement.or(d.minimum_salary) =>
            {
                fail(
                    "agreement minimum",
                    money(*m),
                    d.minimum_agreement
                        .or(d.minimum_salary)
                        .map_or("none".into(), money),
                    span,
                )
            }
            Expectation::Shortfall(s) if Some(*s) != d.salary_shortfall => fail(
                "shortfall",
                money(*s),
                d.salary_shortfall.map_or("none".into(), money),
                span,
            ),
            Expectation::NextStep(on) if *on != d.next_step.as_ref().map(|n| n.on) => fail(
                "next step",
                on.map_or("none".into(), |o| o.to_string()),
                d.next_step.as_ref().map_or("none".into(), |n| {
                    format!("{} ({}, {})", n.on, n.band, n.coefficient)
                }),
                span,
            ),
            Expectation::Claim { job, since }
                if !d
                    .claims
                    .iter()
                    .any(|c| same(c.job, job) && c.since == *since) =>
            {
                let got: Vec<String> = d
                    .claims
                    .iter()
                    .map(|c| format!("{} since {}", c.job, c.since))
                    .collect();
                fail(
                    "claim",
                    format!("{job} since {since}"),
                    if got.is_empty() {
                        "none".into()
                    } else {
                        got.join(", ")
                    },
                    span,
                )
            }
            Expectation::TrialEnd(end) if Some(*end) != d.trial.as_ref().map(|t| t.end) => fail(
                "trial end",
                end.to_string(),
                d.trial
                    .as_ref()
                    .map_or("no trial".into(), |t| t.end.to_string()),
                span,
            ),
            _ => {}
        }
    }
    let steps = if failures.is_empty() {
        String::new()
    } else {
        key_steps(d)
    };
    ExampleResult {
        example,
        failures,
        steps,
    }
}

/// Experience, floors, winner, level: what a negotiator needs to see why.
fn key_steps(d: &crate::Decision) -> String {
    let mut parts = Vec::new();
    for step in d.trace.as_deref().unwrap_or(&[]) {
        match &step.kind {
            StepKind::Experience { months, band, .. } => {
                parts.push(format!("{months} months → {band}"))
            }
            StepKind::Floor {
                floor,
                coefficient: Some(c),
                detail,
            } => {
                let what = match detail {
                    FloorDetail::Job { band, .. } => format!("{floor} ({band})"),
                    FloorDetail::Diploma { diploma } => {
                        format!("diploma {}", diploma.unwrap_or(""))
                    }
                    _ => floor.to_string(),
                };
                parts.push(format!("{what} {c}"));
            }
            StepKind::Entitlement { coefficient, floor } => {
                parts.push(format!("→ {coefficient} ({floor})"))
            }
            StepKind::Level {
                level, category, ..
            } => parts.push(format!("level {level} {category}")),
            _ => {}
        }
    }
    parts.join("; ")
}
