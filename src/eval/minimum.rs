//! The minimum salary: each layer's formula (the level's, the agreement's, a
//! company's, the law's), the minimum owed, and the tables that keep them.

use rust_decimal::Decimal;

use super::expr::{self, Formulas, Inputs};
use super::facts::DecisionFacts;
use super::trace::{FormulaKind, Gloss, NoTrace, Recorder, Step, StepKind, Tracer};
use super::{part_time, Evaluator, Minimum};
use crate::model::*;

impl<'r> Evaluator<'r> {
    /// The minimum owed for `coefficient` at the reference hours, each layer's
    /// with it: what a level pays the employees who work full time.
    pub fn reference_minimum(&self, coefficient: u32) -> Option<Minimum> {
        let cached = self.by_coefficient(&self.reference_minimums, coefficient)?;
        cached.as_ref()?.minimum.clone().ok().flatten()
    }

    /// `given`: whether the facts gave the hours (else they are the reference hours).
    /// `facts`: the decision's declared facts, for a rule set that declares some.
    pub(super) fn minimum_salary<'a, T: Tracer<'a>>(
        &'a self,
        coefficient: u32,
        level: &'r Level,
        (hours, given): (Option<Decimal>, bool),
        facts: Option<&DecisionFacts<'_>>,
        t: &mut T,
    ) -> Result<Option<Minimum>, String> {
        if self.per_record_minimum {
            // A formula reads the decision's facts or clocks: nothing is kept per coefficient.
            return self.computed_minimum_salary(coefficient, level, hours, facts, t);
        }
        let at_reference_hours = match (&self.reference_hours, hours) {
            (Ok(Some(_)), Some(_)) if !given => true,
            (Ok(Some(r)), Some(h)) => expr::compare(*r, h).is_eq(),
            _ => false,
        };
        let cached = self
            .by_coefficient(&self.reference_minimums, coefficient)
            .and_then(Option::as_ref)
            .filter(|_| at_reference_hours);
        if let Some(cached) = cached {
            t.record(|t| {
                // The steps write the hours out: those kept are reused for the
                // very number the rules give, not for another writing of it
                // (one more trailing zero), whose own are computed afresh.
                if self.written_as_reference(hours) {
                    let steps = cached
                        .steps
                        .get_or_init(|| self.minimum_steps(coefficient, level, hours));
                    t.replay(steps);
                } else {
                    let _ = self.computed_minimum_salary(coefficient, level, hours, None, t);
                }
            });
            return cached.minimum.clone();
        }
        let key = part_time::Key {
            coefficient,
            hours: hours.map(|h| h.serialize()),
        };
        let compute =
            || self.computed_minimum_salary(coefficient, level, hours, None, &mut NoTrace);
        let Some(kept) = self.part_time.get(key, compute) else {
            // The slots this pair may take hold others: computed afresh.
            return self.computed_minimum_salary(coefficient, level, hours, None, t);
        };
        t.record(|t| {
            let steps = kept
                .steps
                .get_or_init(|| self.minimum_steps(coefficient, level, hours));
            t.replay(steps);
        });
        kept.minimum.clone()
    }

    /// The steps showing the minimum salary, to keep.
    fn minimum_steps(
        &self,
        coefficient: u32,
        level: &'r Level,
        hours: Option<Decimal>,
    ) -> Vec<Step<'r>> {
        let mut recorder = Recorder::default();
        // The minimum itself is kept beside the steps, computed once.
        let _ = self.computed_minimum_salary(coefficient, level, hours, None, &mut recorder);
        recorder.steps
    }

    /// The minimum owed by the formulas of each layer, each step shown.
    pub(super) fn computed_minimum_salary<'a, T: Tracer<'a>>(
        &self,
        coefficient: u32,
        level: &'r Level,
        hours: Option<Decimal>,
        facts: Option<&DecisionFacts<'_>>,
        t: &mut T,
    ) -> Result<Option<Minimum>, String>
    where
        'r: 'a,
    {
        let rules = self.rules;
        let formulas = Formulas {
            rules,
            day: self.as_of,
        };
        let inputs = Inputs {
            hours,
            coefficient: Some(coefficient),
            level_minimum: None,
            facts,
            position: None,
        };
        let Some(full_time) = self.level_minimum(coefficient, level, &inputs, t)? else {
            let law =
                self.layer_minimum(&rules.legal_minimum, FormulaKind::LegalMinimum, &inputs, t)?;
            return Ok(Minimum::owed(None, None, law));
        };
        let inputs = Inputs {
            level_minimum: Some(full_time),
            ..inputs
        };
        let agreement = match &rules.minimum_salary {
            None => expr::round_cent(full_time),
            Some(salary) => {
                let amount = formulas.eval(&salary.formula, &inputs, t)?;
                t.step(|| Step {
                    kind: StepKind::Formula {
                        what: FormulaKind::MinimumSalary,
                        formula: formulas.with_values(&salary.formula, &inputs).into(),
                        result: amount,
                    },
                    rule: Some(rules.place(salary.origin.span)),
                    source: salary.origin.source.as_deref(),
                    gloss: Gloss::of(&[&salary.origin]),
                });
                // Amounts are given to the cent; the rule file says where rounding happens.
                if amount.scale() <= 2 {
                    amount
                } else {
                    expr::round_cent(amount)
                }
            }
        };
        let company = self.layer_minimum(
            &rules.company_minimum,
            FormulaKind::CompanyMinimum,
            &inputs,
            t,
        )?;
        let law =
            self.layer_minimum(&rules.legal_minimum, FormulaKind::LegalMinimum, &inputs, t)?;
        let minimum = Minimum::owed(Some(agreement), company, law);
        if let Some(m) = minimum.filter(Minimum::layered) {
            t.step(|| Step {
                kind: StepKind::MinimumOwed {
                    agreement: m.agreement,
                    company: m.company,
                    law: m.law,
                    owed: m.owed,
                    from: m.from,
                },
                rule: None,
                source: None,
                gloss: Gloss::NONE,
            });
        }
        Ok(minimum)
    }

    /// The level's full-time minimum, `None` when the level has none.
    fn level_minimum<'a, T: Tracer<'a>>(
        &self,
        coefficient: u32,
        level: &'r Level,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Option<Decimal>, String>
    where
        'r: 'a,
    {
        let rules = self.rules;
        let Some(level_minimum) = &level.minimum else {
            return Ok(None);
        };
        let formulas = Formulas {
            rules,
            day: self.as_of,
        };
        let cached = coefficient
            .checked_sub(self.lowest_coefficient)
            .and_then(|i| self.full_time_minimums.get(i as usize))
            .and_then(Option::as_ref);
        let full_time = match cached {
            Some(value) => value.clone()?,
            None => formulas.eval(level_minimum, inputs, &mut NoTrace)?,
        };
        // The parameters the formula reads are shown under it: evaluated again
        // for them (the value is the one above, by the same formula).
        t.record(|t| {
            let _ = formulas.eval(level_minimum, inputs, t);
        });
        t.step(|| Step {
            kind: StepKind::Formula {
                what: FormulaKind::LevelMinimum,
                formula: formulas.with_values(level_minimum, inputs).into(),
                result: full_time,
            },
            rule: Some(rules.place(level_minimum.span)),
            source: match grid_minimum(rules, level) {
                // A position's level: its minimum is the grid's line, not the position.
                Some(line) => line.source.as_deref(),
                None => level
                    .origin
                    .source
                    .as_deref()
                    .or(rules.categories[level.category].origin.source.as_deref()),
            },
            gloss: match grid_minimum(rules, level) {
                Some(line) => Gloss::of(&[line]),
                None => Gloss::of(&[&level.origin, &rules.categories[level.category].origin]),
            },
        });
        Ok(Some(full_time))
    }

    /// The minimum of the law or of a company agreement for these inputs, rounded as the agreement's.
    fn layer_minimum<'a, T: Tracer<'a>>(
        &self,
        layer: &'r Option<MinimumSalary>,
        what: FormulaKind,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Option<Decimal>, String>
    where
        'r: 'a,
    {
        let Some(layer) = layer else {
            return Ok(None);
        };
        let formulas = Formulas {
            rules: self.rules,
            day: self.as_of,
        };
        let amount = match formulas.eval(&layer.formula, inputs, t) {
            Ok(amount) => amount,
            // The law file's values start on a date (the SMIC from 2008-05-01):
            // before it the law's minimum is not known, and the decision says so.
            Err(_) if what == FormulaKind::LegalMinimum => return Ok(None),
            Err(e) => return Err(e),
        };
        t.step(|| Step {
            kind: StepKind::Formula {
                what,
                formula: formulas.with_values(&layer.formula, inputs).into(),
                result: amount,
            },
            rule: Some(self.rules.place(layer.origin.span)),
            source: layer.origin.source.as_deref(),
            gloss: Gloss::of(&[&layer.origin]),
        });
        Ok(Some(if amount.scale() <= 2 {
            amount
        } else {
            expr::round_cent(amount)
        }))
    }

    fn written_as_reference(&self, hours: Option<Decimal>) -> bool {
        matches!(
            (&self.reference_hours, hours),
            (Ok(Some(r)), Some(h)) if r.serialize() == h.serialize()
        )
    }
}

/// The `minimum de la grille` line of a level made from a grid's positions
/// (the level's origin is its first position's): only traces look for it.
fn grid_minimum<'r>(rules: &'r RuleSet, level: &Level) -> Option<&'r Origin> {
    let grids = &rules.grids;
    let position = grids
        .positions
        .iter()
        .find(|p| p.origin.span == level.origin.span)?;
    grids.grids[position.grid].minimum.as_ref()
}
