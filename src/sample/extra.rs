//! What a rule set asks of an employee beyond the contract's core fields
//! (issue #22): a position on its grids when it names no job (Syntec, HCR),
//! and the facts it declares (`fait naissance : date, champ born_on`).
//!
//! - **position** (a rule set whose only job is the checker's unnamed one):
//!   the positions in force on the evaluation day, lower ones of each grid more
//!   often (weights n, n − 1, … 1), named by their label, qualified by the grid
//!   when another grid has it (`ic 2.1`); given on the day drawn for job_since,
//!   or the day the position came into force if later. No missions, moves,
//!   prior months nor previous-sector coefficient; an applied coefficient only
//!   when every grid has coefficients (a rank is no coefficient).
//! - **declared facts**: `born_on` ages uniform over 18–64 on the evaluation
//!   day, 16 at least on the job's first day; another date the job's first day
//!   (40%) or up to ten years before it; `oui-non` either, evenly; `choix` each
//!   choice, evenly; text `FIELD-1` to `FIELD-3`; a number from 0 to twice its
//!   default (0 to 100 without one), to the cent (whole for `entier`). A fact
//!   that is `requis` or has no default is always given (a rule needing it
//!   would reject the employee); the others three times in four.
//!
//! A rule set with neither draws nothing here, so its samples keep their bytes.

use super::*;
use crate::facts::{Declared, DeclaredValues, ExtraFacts, FactKind, FactValue, Placed};
use crate::model::Fact;

/// Shares in per mille.
const GIVEN_OPTIONAL: u64 = 750;
const HIRED_INTO_THE_JOB: u64 = 400;
/// The working range, in years of age on the evaluation day.
const YOUNGEST: u64 = 18;
const OLDEST: u64 = 64;
/// Nobody starts a job before this age.
const YOUNGEST_AT_START: u64 = 16;
/// How far before the start in the job another date fact (hire, practice) goes.
const YEARS_BEFORE_START: u64 = 10;
const DAYS_A_YEAR: u64 = 365;

/// The positions and facts to draw for the first rule file.
pub(super) struct Extras {
    /// `None` when the rule set names jobs: employees are drawn by job.
    positions: Option<Positions>,
    declared: Declared,
    facts: Vec<Draw>,
    /// Whether the keys are coefficients: the ranks of a grid of levels and
    /// échelons are no coefficient an employer applies.
    coefficients: bool,
}

/// The positions in force on the evaluation day, as the facts name them.
struct Positions {
    names: Vec<String>,
    /// The day each position exists from, if it has one.
    from: Vec<Option<NaiveDate>>,
    weights: Weighted<usize>,
}

/// How one declared fact is drawn.
struct Draw {
    value: Value,
    /// `requis`, or without a default: a rule that needs it would reject the employee.
    always: bool,
}

enum Value {
    /// A date of birth (`born_on`, which `âge` counts from): ages over the working range.
    Birth,
    /// Another date: on the day the job started, or up to ten years before.
    BeforeStart,
    YesNo,
    Choice(u16),
    Text(String),
    /// Between zero and twice the default, at the default's scale; else 0 to 100.
    Number {
        high: Decimal,
        whole: bool,
    },
}

impl Extras {
    pub(super) fn new(rules: &RuleSet, as_of: NaiveDate) -> Extras {
        // A rule set classifying by position has one unnamed job, made by the checker.
        let no_job = rules.jobs.iter().all(|job| job.id.is_empty());
        let by_position = no_job && !rules.grids.is_empty();
        Extras {
            positions: by_position.then(|| Positions::new(rules, as_of)),
            declared: rules.declared_fields(),
            facts: rules.facts.iter().map(Draw::new).collect(),
            coefficients: rules.grids.grids.iter().all(|g| g.coefficients),
        }
    }

    /// Whether an employee may be given the coefficient the employer applies.
    pub(super) fn applies_coefficients(&self) -> bool {
        self.coefficients
    }

    /// Whether employees are drawn by position rather than by job.
    pub(super) fn by_position(&self) -> bool {
        self.positions.is_some()
    }

    /// The CSV columns past the contract's core ones: position, then the declared fields.
    pub(super) fn columns(&self) -> Vec<&str> {
        let placed = self
            .positions
            .iter()
            .flat_map(|_| ["position", "position_since"]);
        let declared = self.declared.fields().iter().map(|d| &*d.field);
        placed.chain(declared).collect()
    }

    /// A position and the day it was given: on `start`, or the day it came into force.
    pub(super) fn placed(&self, start: NaiveDate, rng: &mut Rng) -> Option<Placed> {
        let positions = self.positions.as_ref()?;
        let k = *positions.weights.pick_opt(rng)?;
        let since = positions.from[k].map_or(start, |from| start.max(from));
        Some(Placed {
            position: Some(positions.names[k].clone()),
            since: Some(since),
        })
    }

    /// The declared facts of an employee in the job since `start`; nothing is
    /// drawn for a rule set that declares none.
    pub(super) fn declared(
        &self,
        start: NaiveDate,
        as_of: NaiveDate,
        rng: &mut Rng,
    ) -> Option<DeclaredValues> {
        if self.facts.is_empty() {
            return None;
        }
        let values = self.facts.iter().map(|draw| {
            let given = draw.always || rng.chance(GIVEN_OPTIONAL);
            given.then(|| draw.value.draw(start, as_of, rng))
        });
        Some(DeclaredValues {
            fields: self.declared.clone(),
            values: values.collect(),
        })
    }
}

/// The record's extra facts, boxed when there is one.
pub(super) fn extra(
    declared: Option<DeclaredValues>,
    placed: Option<Placed>,
) -> Option<Box<ExtraFacts>> {
    ExtraFacts::given(declared, placed, None)
}

impl Positions {
    /// Lower positions of each grid are the more common: weights n, n − 1, … 1.
    fn new(rules: &RuleSet, as_of: NaiveDate) -> Positions {
        let grids = &rules.grids;
        let (mut names, mut from, mut weighted) = (Vec::new(), Vec::new(), Vec::new());
        for (g, _) in grids.grids.iter().enumerate() {
            let in_grid: Vec<usize> = (0..grids.positions.len())
                .filter(|&p| grids.positions[p].grid == g && grids.positions[p].in_force(as_of))
                .collect();
            for (k, &p) in in_grid.iter().enumerate() {
                weighted.push((names.len(), (in_grid.len() - k) as u64));
                names.push(position_name(rules, p, as_of));
                from.push(grids.positions[p].from);
            }
        }
        Positions {
            names,
            from,
            weights: Weighted::new(weighted),
        }
    }
}

/// The label alone when it names the position, else qualified by its grid (`ic 2.1`).
fn position_name(rules: &RuleSet, p: usize, as_of: NaiveDate) -> String {
    let grids = &rules.grids;
    let position = &grids.positions[p];
    match grids.resolve(&position.label, as_of) {
        Ok(found) if found == p => position.label.clone(),
        _ => format!("{} {}", grids.grids[position.grid].id, position.label),
    }
}

impl Draw {
    fn new(fact: &Fact) -> Draw {
        let value = match &fact.kind {
            FactKind::Date if fact.field == "born_on" => Value::Birth,
            FactKind::Date => Value::BeforeStart,
            FactKind::YesNo => Value::YesNo,
            FactKind::Choice(ids) => Value::Choice(u16::try_from(ids.len()).unwrap_or(u16::MAX)),
            FactKind::Text => Value::Text(fact.field.clone()),
            FactKind::Decimal | FactKind::Integer => {
                let default = match &fact.default {
                    Some(FactValue::Number(d)) if *d > Decimal::ZERO => Some(*d * Decimal::TWO),
                    _ => None,
                };
                let whole = fact.kind == FactKind::Integer;
                let high = default.unwrap_or(Decimal::ONE_HUNDRED);
                Value::Number { high, whole }
            }
        };
        Draw {
            value,
            always: fact.required || fact.default.is_none(),
        }
    }
}

impl Value {
    fn draw(&self, start: NaiveDate, as_of: NaiveDate, rng: &mut Rng) -> FactValue {
        match self {
            Value::Birth => {
                let in_job = days(start, as_of);
                let youngest =
                    (YOUNGEST * DAYS_A_YEAR).max(in_job + YOUNGEST_AT_START * DAYS_A_YEAR);
                let oldest = ((OLDEST + 1) * DAYS_A_YEAR).max(youngest);
                FactValue::Date(as_of - Days::new(rng.between(youngest, oldest)))
            }
            Value::BeforeStart => {
                let before = match rng.chance(HIRED_INTO_THE_JOB) {
                    true => 0,
                    false => rng.between(1, YEARS_BEFORE_START * DAYS_A_YEAR),
                };
                FactValue::Date(start - Days::new(before))
            }
            Value::YesNo => FactValue::Bool(rng.chance(500)),
            Value::Choice(n) => FactValue::Choice(rng.below(u64::from(*n)) as u16),
            Value::Text(field) => FactValue::Text(format!("{field}-{}", rng.between(1, 3)).into()),
            Value::Number { high, whole } => {
                let scale = if *whole { 0 } else { 2 };
                let mut top = high.round_dp(scale);
                top.rescale(scale);
                let units = u64::try_from(top.mantissa()).unwrap_or(0);
                let drawn = rng.between(0, units);
                FactValue::Number(Decimal::from_i128_with_scale(i128::from(drawn), scale))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn births_fall_in_the_working_range_and_after_sixteen_at_the_start() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        for seed in 0..200 {
            let mut rng = Rng::for_record(7, seed);
            let FactValue::Date(born) = Value::Birth.draw(start, as_of, &mut rng) else {
                panic!("a date")
            };
            let age = as_of.years_since(born).unwrap();
            assert!((YOUNGEST..=OLDEST + 1).contains(&u64::from(age)), "{born}");
            assert!(start.years_since(born).unwrap() >= 15, "{born}");
        }
    }
}
