//! A decision: what the rules entitle one employee to (the contract of `facts.md`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::trace::Step;

#[derive(Debug, Clone, PartialEq, Serialize)]
/// `'r`: the rule set's names; `'a`: the record's id, and the trace (which
/// borrows the record, the rule set and the evaluator's caches).
pub struct Decision<'r, 'a> {
    pub id: &'a str,
    /// Canonical id of the job.
    pub job: &'r str,
    pub band: &'r str,
    /// The coefficient decided; for a grid without coefficients, the position's rank.
    #[serde(skip)]
    pub coefficient: u32,
    /// `coefficient` as the contract gives it: absent for a grid without coefficients.
    #[serde(rename = "coefficient", skip_serializing_if = "Option::is_none")]
    pub coefficient_given: Option<u32>,
    pub level: u32,
    pub category: &'r str,
    /// The named grid and position decided (issue #22); `None` for the implicit grid.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub place: Option<super::trace::GridPlace<'r>>,
    pub status: &'r str,
    #[serde(serialize_with = "money_or_null")]
    pub minimum_salary: Option<Decimal>,
    /// The agreement's own minimum (with any company agreement's), when the law is applied.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub minimum_agreement: Option<Decimal>,
    /// The law's minimum (the SMIC) for the same hours, when the law is applied.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub minimum_law: Option<Decimal>,
    /// The layer whose minimum won, when the rule set is layered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_from: Option<MinimumFrom>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "money_or_null"
    )]
    pub salary_shortfall: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient_gap: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trial: Option<Trial<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<NextStep<'r>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<super::Warning<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<Step<'a>>>,
}

impl Decision<'_, '_> {
    /// The coefficient as people read it: with its position on a named grid
    /// (`115 (ic 2.1)`), or the position alone on a grid without coefficients
    /// (`hcr I.2`); the number alone for the implicit grid.
    pub fn coefficient_words(&self) -> String {
        match (&self.place, self.coefficient_given) {
            (None, _) => self.coefficient.to_string(),
            (Some(p), Some(c)) => format!("{c} ({} {})", p.grid, p.position),
            (Some(p), None) => format!("{} {}", p.grid, p.position),
        }
    }
}

/// The layer whose minimum is owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MinimumFrom {
    Agreement,
    Company,
    Law,
}

impl MinimumFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            MinimumFrom::Agreement => "agreement",
            MinimumFrom::Company => "company",
            MinimumFrom::Law => "law",
        }
    }
}

/// The minimum owed, and what each layer gives for the same hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minimum {
    pub owed: Decimal,
    /// The branch agreement's (after amendments).
    pub agreement: Option<Decimal>,
    pub company: Option<Decimal>,
    pub law: Option<Decimal>,
    pub from: MinimumFrom,
    /// The agreement's side as the contract gives it (see [`Minimum::agreement_side`]),
    /// and whether more than the agreement was weighed: worked out once, when
    /// the minimum is computed (and cached), not for every decision.
    pub side: Option<Decimal>,
    pub layered: bool,
}

impl Minimum {
    /// The most favourable of the layers' minimums: the highest. On a tie the
    /// agreement's is owed (the law applies where the agreement falls short).
    pub fn owed(
        agreement: Option<Decimal>,
        company: Option<Decimal>,
        law: Option<Decimal>,
    ) -> Option<Minimum> {
        let candidates = [
            (agreement, MinimumFrom::Agreement),
            (company, MinimumFrom::Company),
            (law, MinimumFrom::Law),
        ];
        let mut best: Option<(Decimal, MinimumFrom)> = None;
        for (value, from) in candidates {
            let Some(value) = value else { continue };
            if best.is_none_or(|(b, _)| value > b) {
                best = Some((value, from));
            }
        }
        best.map(|(owed, from)| Minimum {
            owed,
            agreement,
            company,
            law,
            from,
            side: match (agreement, company) {
                (Some(a), Some(c)) => Some(a.max(c)),
                (a, c) => a.or(c),
            },
            layered: company.is_some() || law.is_some(),
        })
    }

    /// Whether more than the agreement alone was weighed.
    pub fn layered(&self) -> bool {
        self.layered
    }

    /// The agreement's own minimum as the contract gives it: the branch's,
    /// raised by the company agreement's where higher.
    pub fn agreement_side(&self) -> Option<Decimal> {
        self.side
    }
}

/// What a claim rests on (`kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// Missions to another job beyond the agreement's cap.
    MissionCap,
}

impl ClaimKind {
    /// The name the JSON outputs give it.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::MissionCap => "mission-cap",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim<'a> {
    pub kind: ClaimKind,
    pub job: &'a str,
    pub coefficient: Option<u32>,
    pub since: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trial<'a> {
    pub job: &'a str,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: TrialStatus,
    /// `hire` for a trial at hire; absent for a move's (as before trials at hire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<&'static str>,
    /// The job to return to if the trial is broken: a move's `from`; absent at hire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_to: Option<&'a str>,
    /// The classification of the function to return to.
    pub return_coefficient: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TrialStatus {
    Running,
    Completed,
    Broken,
}

impl TrialStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TrialStatus::Running => "running",
            TrialStatus::Completed => "completed",
            TrialStatus::Broken => "broken",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextStep<'a> {
    pub on: NaiveDate,
    /// The band held that day.
    pub band: &'a str,
    /// The coefficient decided that day; for a grid without coefficients, the position's rank.
    #[serde(skip)]
    pub coefficient: u32,
    /// `coefficient` as the contract gives it: absent for a grid without
    /// coefficients (a rank is never shown), as in the decision.
    #[serde(rename = "coefficient", skip_serializing_if = "Option::is_none")]
    pub coefficient_given: Option<u32>,
    /// The named grid and position decided that day (issue #22); `None` for the implicit grid.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub place: Option<super::trace::GridPlace<'a>>,
    /// The clock whose threshold gives the step, when it is one (not in the
    /// contract's JSON: explanations say it). Boxed: every decision carries
    /// the field, few rule sets fill it, and a decision is moved by value.
    #[serde(skip)]
    pub clock: Option<Box<ClockMark>>,
}

impl<'a> NextStep<'a> {
    /// A step to `coefficient` on `on`, at `place` on a named grid.
    pub(super) fn new(
        (on, band): (NaiveDate, &'a str),
        coefficient: u32,
        place: Option<super::trace::GridPlace<'a>>,
        clock: Option<ClockMark>,
    ) -> Self {
        NextStep {
            on,
            band,
            coefficient,
            coefficient_given: Some(coefficient).filter(|_| place.is_none_or(|p| p.coefficients)),
            place,
            clock: clock.map(Box::new),
        }
    }

    /// The coefficient reached as people read it: the position's label on a
    /// grid without coefficients (`I.2`), else the number.
    pub fn key_words(&self) -> String {
        match self.place {
            Some(p) if !p.coefficients => p.position.clone(),
            _ => self.coefficient.to_string(),
        }
    }
}

/// A clock reaching a count that turns a test: `ancienneté dans
/// l'entreprise` reaching 1 year, `âge` reaching 26 years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockMark {
    pub clock: crate::model::Clock,
    pub reached: crate::model::Duration,
}

/// An amount as the contract writes it: a string with at least two decimals.
pub fn money(value: Decimal) -> String {
    let mut v = value;
    if v.scale() < 2 {
        v.rescale(2);
    }
    v.to_string()
}

fn money_or_null<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&money(*v)),
        None => s.serialize_none(),
    }
}
