//! Building an evaluator: what each grid coefficient gives on the evaluation
//! date (level, status rule, minimums), computed once by the same formulas the
//! decisions use.

use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::expr::{Formulas, Inputs};
use super::grid::Grid;
use super::resolve::Names;
use super::trace::NoTrace;
use super::{known, part_time, Evaluator, FloorsListed, ReferenceMinimum, NO_DIPLOMA};
use crate::model::*;

impl<'r> Evaluator<'r> {
    pub fn new(rules: &'r RuleSet, as_of: NaiveDate) -> Self {
        let grid = rules
            .floors
            .iter()
            .find(|f| f.kind == FloorKind::Job)
            .map(|floor| Arc::new(Grid::new(rules, floor.blank_cell)));
        let names = (
            Arc::new(Names::diplomas(rules)),
            Arc::new(Names::jobs(rules)),
        );
        Self::tabulated(rules, as_of, grid, names)
    }

    /// An evaluator of the same rules on another day, sharing with this one
    /// what does not depend on the day (the names, the job grid): a replay
    /// decides on many days, and building those each time would cost more
    /// than the decisions.
    pub fn on_day(&self, as_of: NaiveDate) -> Self {
        let names = (self.diplomas.clone(), self.jobs.clone());
        Self::tabulated(self.rules, as_of, self.grid.clone(), names)
    }

    fn tabulated(
        rules: &'r RuleSet,
        as_of: NaiveDate,
        grid: Option<Arc<Grid>>,
        (diplomas, jobs): (Arc<Names<DiplomaId>>, Arc<Names<JobId>>),
    ) -> Self {
        let formulas = Formulas { rules, day: as_of };
        let constant = |e: &Option<Expr>| match e {
            Some(e) => formulas.eval(e, &Inputs::default(), &mut NoTrace).map(Some),
            None => Ok(None),
        };
        let lowest_coefficient = rules
            .levels
            .iter()
            .map(|l| l.coefficients.lowest())
            .min()
            .unwrap_or(0);
        let full_time_minimums: Arc<[_]> =
            full_time_minimums(rules, &formulas, lowest_coefficient).into();
        let top = rules.top_coefficient().unwrap_or(0);
        let grid_coefficients = || lowest_coefficient..=top.max(lowest_coefficient);
        let level_by_coefficient: Vec<_> = grid_coefficients().map(|c| rules.level_of(c)).collect();
        let status_by_coefficient = grid_coefficients()
            .zip(&level_by_coefficient)
            .map(|(c, level)| status_rule(rules, c, (*level)?))
            .collect();
        let transitional_by_coefficient = grid_coefficients()
            .map(|c| rules.transitional.iter().position(|r| r.coefficient == c))
            .collect();
        let beyond_known =
            known::beyond_known_by_coefficient(rules, as_of, (lowest_coefficient, top));
        let mut evaluator = Evaluator {
            reference_hours: constant(&rules.reference_hours),
            maximum_hours: constant(&rules.maximum_hours),
            full_time_minimums,
            level_by_coefficient: level_by_coefficient.into(),
            status_by_coefficient,
            transitional_by_coefficient,
            reference_minimums: Arc::new([]),
            any_beyond_known: beyond_known.iter().any(|w| !w.is_empty()),
            beyond_known: beyond_known.into(),
            day_in_tables: false,
            lowest_coefficient,
            grid,
            no_diploma: diplomas.get(NO_DIPLOMA),
            diplomas,
            jobs,
            part_time: part_time::PartTime::default(),
            per_record_minimum: per_record_minimum(rules),
            clock_triggers: super::clock_step::triggers(rules).into(),
            floors: FloorsListed::new(rules),
            unknown_jobs: Mutex::default(),
            rules,
            as_of,
        };
        // Most employees work the reference hours: their minimum depends on the
        // coefficient alone, so it is computed once, by the same formulas.
        let per_record = evaluator.per_record_minimum;
        if let (false, Ok(Some(reference))) = (per_record, evaluator.reference_hours.clone()) {
            let minimums = (lowest_coefficient..=top.max(lowest_coefficient))
                .map(|c| {
                    let (_, level) = evaluator.level(c)?;
                    let minimum = evaluator.computed_minimum_salary(
                        c,
                        level,
                        Some(reference),
                        None,
                        &mut NoTrace,
                    );
                    Some(ReferenceMinimum {
                        minimum,
                        steps: OnceLock::new(),
                    })
                })
                .collect();
            evaluator.reference_minimums = minimums;
        }
        evaluator.day_in_tables = evaluator.tables_name_their_day();
        evaluator
    }
}

impl FloorsListed {
    fn new(rules: &RuleSet) -> FloorsListed {
        let listed = |kind| rules.floors.iter().any(|f| f.kind == kind);
        FloorsListed {
            diploma: listed(FloorKind::Diploma),
            previous: listed(FloorKind::PreviousCoefficient),
            mission: listed(FloorKind::Mission),
            criteria: listed(FloorKind::Criteria),
        }
    }
}

/// The first status rule whose condition holds for a coefficient of a level.
pub(super) fn status_rule(rules: &RuleSet, coefficient: u32, level: LevelId) -> Option<usize> {
    let level = &rules.levels[level];
    let applies = |c: &Option<Condition>| match c {
        None => true,
        Some(Condition::Category(k)) => level.category == *k,
        Some(Condition::Compare { subject, op, value }) => {
            let x = match subject {
                CompareSubject::Coefficient => coefficient,
                CompareSubject::Level => level.number,
            };
            match op {
                CompareOp::Ge => x >= *value,
                CompareOp::Le => x <= *value,
                CompareOp::Gt => x > *value,
                CompareOp::Lt => x < *value,
                CompareOp::Eq => x == *value,
                CompareOp::Ne => x != *value,
            }
        }
    };
    rules
        .status_rules
        .iter()
        .position(|r| applies(&r.condition))
}

/// The full-time minimum of every coefficient of the grid, by the level formulas.
fn full_time_minimums(
    rules: &RuleSet,
    formulas: &Formulas,
    lowest: u32,
) -> Vec<Option<Result<Decimal, String>>> {
    let top = rules.top_coefficient().unwrap_or(0);
    let mut table = vec![None; (top.saturating_sub(lowest) + 1) as usize];
    for level in &rules.levels {
        let Some(minimum) = level.minimum.as_ref().filter(|m| !m.per_record()) else {
            continue;
        };
        let coefficients: Vec<u32> = match &level.coefficients {
            Coefficients::Range(low, high) => (*low..=*high).collect(),
            Coefficients::List(list) => list.clone(),
        };
        for c in coefficients {
            let inputs = Inputs {
                coefficient: Some(c),
                ..Inputs::default()
            };
            table[(c - lowest) as usize] = Some(formulas.eval(minimum, &inputs, &mut NoTrace));
        }
    }
    table
}

/// Whether a minimum formula reads a declared fact, a clock or the evaluation
/// day: then the minimum is computed for each decision, never kept per
/// coefficient (decided once here; rule sets without facts keep their tables).
fn per_record_minimum(rules: &RuleSet) -> bool {
    let levels = rules.levels.iter().filter_map(|l| l.minimum.as_ref());
    let layers = [
        &rules.minimum_salary,
        &rules.company_minimum,
        &rules.legal_minimum,
    ];
    let others = layers.into_iter().flatten().map(|m| &m.formula);
    let hours = [&rules.reference_hours, &rules.maximum_hours]
        .into_iter()
        .flatten();
    levels.chain(others).chain(hours).any(Expr::per_record)
}
