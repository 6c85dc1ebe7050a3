//! The floors of a named grid (issue #22): the position the employer gives
//! (`plancher position`) and the conditional floors (`plancher hcr I.2 si …`).
//! A rule set without grids never comes here: [`Evaluator::grid_floors`] is
//! called only when the rule set declares grids.

use rust_decimal::Decimal;

use super::expr::{Formulas, Inputs};
use super::trace::{FloorDetail, FloorName, Gloss, GridPlace, NoTrace, Step, StepKind};
use super::Evaluator;
use crate::facts::Record;
use crate::model::grid::ConditionalFloor;
use crate::model::grid::PositionId;
use crate::model::{FloorKind, RuleSet};

/// What the grid floors give a decision.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct GridFloors {
    /// The key of the position the facts give, if the rules list `plancher position`.
    pub given: Option<u32>,
    /// The highest key the conditional floors give.
    pub conditional: Option<u32>,
    /// The position the facts give, and the conditional floor that gave its
    /// key (`u32`: the struct is copied with every decision's floors).
    pub given_position: Option<u32>,
    pub conditional_floor: Option<u32>,
}

impl GridFloors {
    /// The highest of the two.
    pub fn highest(&self) -> Option<u32> {
        self.given.max(self.conditional)
    }
}

impl<'r> Evaluator<'r> {
    /// The position the facts give (on the evaluation day), its floor and the
    /// conditional floors that hold; the error is the reason to reject.
    /// `declared`: the decision's facts and clocks, for the tests of conditional
    /// coefficients and floors (`coefficient 105 si âge < 26 ans, 115 sinon`).
    pub(super) fn grid_floors(
        &self,
        record: &Record,
        hours: Option<Decimal>,
        declared: Option<&super::facts::DecisionFacts<'_>>,
    ) -> Result<GridFloors, (String, crate::facts::Reason)> {
        self.grid_floors_on(record, hours, declared, self.as_of)
    }

    /// [`Evaluator::grid_floors`] on `day` (`declared`: the facts and clocks of
    /// that day): the next step on a clock decides them on later days.
    pub(super) fn grid_floors_on(
        &self,
        record: &Record,
        hours: Option<Decimal>,
        declared: Option<&super::facts::DecisionFacts<'_>>,
        day: chrono::NaiveDate,
    ) -> Result<GridFloors, (String, crate::facts::Reason)> {
        let grids = &self.rules.grids;
        let given = match record.placed().and_then(|p| p.position.as_deref()) {
            None => None,
            Some(text) => Some(
                grids
                    .resolve(text, day)
                    .map_err(|e| ("position".to_string(), crate::facts::Reason::Position(e)))?,
            ),
        };
        // The tests may read declared facts and clocks (`ancienneté dans l'entreprise`).
        let inputs = Inputs {
            hours,
            position: given,
            // A coefficient's test may read a clock (IC 2.1: `âge < 26 ans`).
            facts: declared,
            ..Inputs::default()
        };
        let key = |p: PositionId| self.position_key_on(p, &inputs, day);
        let mut out = GridFloors {
            given_position: given.and_then(|p| u32::try_from(p).ok()),
            ..GridFloors::default()
        };
        if self.rules.has_floor(FloorKind::Position) {
            out.given = given.map(key).transpose().map_err(no_field)?;
        }
        for (i, floor) in grids.conditional_floors.iter().enumerate() {
            let formulas = self.formulas_on(day);
            if formulas
                .holds(&floor.test, &inputs, &mut NoTrace)
                .map_err(no_field)?
            {
                let value = key(floor.position).map_err(no_field)?;
                if out.conditional.is_none_or(|c| value > c) {
                    out.conditional = Some(value);
                    out.conditional_floor = u32::try_from(i).ok();
                }
            }
        }
        Ok(out)
    }

    /// A position's key: its coefficient, or the other one when its test fails.
    fn position_key_on(
        &self,
        p: PositionId,
        inputs: &Inputs,
        day: chrono::NaiveDate,
    ) -> Result<u32, String> {
        let position = &self.rules.grids.positions[p];
        match &position.otherwise {
            None => Ok(position.key),
            Some((test, other)) => {
                let holds = self.formulas_on(day).holds(test, inputs, &mut NoTrace)?;
                Ok(if holds { position.key } else { *other })
            }
        }
    }

    /// The grid and position of a decided key, when the rule set has grids.
    pub(super) fn grid_place(&self, key: u32) -> Option<GridPlace<'r>> {
        self.grid_place_on(key, self.as_of)
    }

    /// [`Evaluator::grid_place`] on `day` (a next step's).
    #[inline]
    pub(super) fn grid_place_on(&self, key: u32, day: chrono::NaiveDate) -> Option<GridPlace<'r>> {
        let grids = &self.rules.grids;
        if grids.is_empty() {
            return None;
        }
        let position = &grids.positions[grids.by_key(key, day)?];
        Some(&position.names)
    }

    fn formulas_on(&self, day: chrono::NaiveDate) -> Formulas<'r> {
        Formulas {
            rules: self.rules,
            day,
        }
    }
}

fn no_field(reason: String) -> (String, crate::facts::Reason) {
    (String::new(), crate::facts::Reason::Other(reason))
}

/// The detail of a position floor: the grid and label, and the test of a conditional one.
pub(super) fn position_detail<'r>(
    rules: &'r RuleSet,
    position: Option<PositionId>,
    test: Option<&'r str>,
) -> FloorDetail<'r> {
    let position = position.and_then(|p| rules.grids.positions.get(p));
    FloorDetail::Position {
        grid: position.map(|p| rules.grids.grids[p.grid].id.as_str()),
        position: position.map(|p| p.label.as_str()),
        test,
    }
}

/// The step of a conditional floor that holds.
pub(super) fn conditional_floor_step<'r>(
    rules: &'r RuleSet,
    floor: &'r ConditionalFloor,
    value: Option<u32>,
) -> Step<'r> {
    let test = Some(rules.sources.text(floor.test.span));
    Step {
        kind: StepKind::Floor {
            floor: FloorName::Position,
            coefficient: value,
            detail: position_detail(rules, Some(floor.position), test),
        },
        rule: Some(rules.place(floor.origin.span)),
        source: floor.origin.source.as_deref(),
        gloss: Gloss::of(&[&floor.origin]),
    }
}
