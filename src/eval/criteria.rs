//! Classification by criteria (issue #22, design §8): the employee's degree
//! in each criterion, their points, the total read in the `cotation`, the
//! coefficient it gives as one more floor.

use super::trace::{CriterionScore, Gloss, Step, StepKind, Tracer};
use super::{Evaluator, Notes, OtherFloors, Warning};
use crate::facts::{Reason, Record};
use crate::model::CriteriaMethod;

impl<'r> Evaluator<'r> {
    /// Sets the criteria floor of `others` when the record gives degrees (in
    /// place: the floors are not moved for the records that give none); a rule
    /// set without `plancher critères` says it does not use them.
    #[inline]
    pub(super) fn with_criteria<'a, T: Tracer<'a>>(
        &'a self,
        record: &'a Record,
        others: &mut OtherFloors,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Result<(), Box<(String, Reason)>> {
        match record.criteria() {
            None => Ok(()),
            Some(given) => self
                .criteria_floor(given, others, warnings, t)
                .map_err(Box::new),
        }
    }

    #[inline(never)]
    fn criteria_floor<'a, T: Tracer<'a>>(
        &'a self,
        given: &[(String, u32)],
        others: &mut OtherFloors,
        warnings: &mut Notes<'_, 'r>,
        t: &mut T,
    ) -> Result<(), (String, Reason)> {
        let rules = self.rules;
        let Some(method) = rules.criteria.as_deref().filter(|_| self.floors.criteria) else {
            warnings.push(|| Warning::CriteriaNotUsed);
            return Ok(());
        };
        let degrees = degrees_given(method, given)?;
        let field = || "criteria".to_string();
        let total: u32 = degrees.iter().map(|d| d.points).sum();
        let Some(row) = method.row(total) else {
            return Err((field(), Reason::NoScoringRow { total }));
        };
        t.step(|| Step {
            kind: StepKind::Criteria {
                degrees: degrees
                    .iter()
                    .map(|d| CriterionScore {
                        criterion: &method.criteria[d.criterion].id,
                        degree: d.degree,
                        points: d.points,
                    })
                    .collect(),
                total,
                row: (row.from, row.to),
                coefficient: row.coefficient,
            },
            rule: Some(rules.place(row.origin.span)),
            source: row.origin.source.as_deref(),
            gloss: Gloss::of(&[&row.origin]),
        });
        others.criteria = Some((row.coefficient, total));
        others.named = others.named.max(Some(row.coefficient));
        Ok(())
    }
}

/// One criterion's degree, read from the record.
struct Given {
    criterion: usize,
    degree: u32,
    points: u32,
}

/// The record's degrees in the method's order: every criterion once, each
/// degree in range; a name the rule set does not declare is refused.
fn degrees_given(
    method: &CriteriaMethod,
    given: &[(String, u32)],
) -> Result<Vec<Given>, (String, Reason)> {
    let field = |name: &str| format!("criteria.{name}");
    let mut out: Vec<Given> = Vec::with_capacity(method.criteria.len());
    for (name, degree) in given {
        let Some(criterion) = method.criterion_index(name) else {
            let known = method.criteria.iter().map(|c| c.id.clone()).collect();
            return Err((
                field(name),
                Reason::UnknownCriterion {
                    given: name.clone(),
                    known,
                },
            ));
        };
        let Some(points) = method.points(criterion, *degree) else {
            let count = method.criteria[criterion].points.len();
            return Err((
                field(name),
                Reason::DegreeOutOfRange {
                    criterion: name.clone(),
                    degree: *degree,
                    count,
                },
            ));
        };
        out.push(Given {
            criterion,
            degree: *degree,
            points,
        });
    }
    for (i, c) in method.criteria.iter().enumerate() {
        if !out.iter().any(|g| g.criterion == i) {
            return Err((field(&c.id), Reason::CriterionMissing));
        }
    }
    out.sort_by_key(|g| g.criterion);
    Ok(out)
}
