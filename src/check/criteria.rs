//! Classification by criteria (issue #22, design §8): the criteria and their
//! points by degree, the `cotation` rows, the degrees a job gives. Checked at
//! load: rows in ascending order without overlap, each row's coefficient on
//! the grid, every total the degrees can add up to in a row (a subset sum over
//! the degrees), each job's degrees in range; a job placed below its own
//! degrees is a warning.

use super::*;
use crate::diag::criteria::CriteriaProblem;
use crate::model::{CriteriaMethod, Criterion, ScoreRow};

/// The highest total of points tabulated (2098's criteria add up to 770).
const MAX_TOTAL: u32 = 100_000;
/// How many uncovered totals a diagnostic names.
const NAMED: usize = 8;

impl Checker {
    /// Pass 4b, after the jobs and the classification: the method, if declared.
    pub(super) fn criteria(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let declared: Vec<&ast::Criterion> = items
            .iter()
            .filter_map(|i| match i {
                Item::Criterion(c) => Some(c),
                _ => None,
            })
            .collect();
        let scorings: Vec<&ast::Scoring> = items
            .iter()
            .filter_map(|i| match i {
                Item::Scoring(s) => Some(s),
                _ => None,
            })
            .collect();
        let floor = rules.floors.iter().find(|f| f.kind == FloorKind::Criteria);
        let floor_span = floor.map(|f| f.origin.span);
        let Some(scoring) = scorings.first() else {
            if let Some(span) = floor_span {
                let scoring = !declared.is_empty();
                self.report(Kind::Criteria(CriteriaProblem::NoMethod { scoring }), span);
            }
            return;
        };
        for extra in &scorings[1..] {
            let twice = Kind::duplicate(Duplicated::Block("cotation"), scoring.span);
            self.report(twice, extra.span);
        }
        if declared.is_empty() {
            if let Some(span) = floor_span {
                let none = CriteriaProblem::NoMethod { scoring: false };
                self.report(Kind::Criteria(none), span);
            }
            return;
        }
        let criteria = self.criteria_list(&declared);
        let rows = self.score_rows(rules, scoring);
        let (Some(criteria), Some(rows)) = (criteria, rows) else {
            return;
        };
        let mut method = CriteriaMethod {
            criteria,
            rows,
            row_of_total: Vec::new(),
            job_degrees: Vec::new(),
            origin: origin(scoring.span, &scoring.source),
        };
        if !self.every_total_covered(&mut method, scoring.span) {
            return;
        }
        self.jobs_degrees(rules, &mut method, items);
        rules.criteria = Some(Box::new(method));
    }

    fn criteria_list(&mut self, declared: &[&ast::Criterion]) -> Option<Vec<Criterion>> {
        let mut out: Vec<Criterion> = Vec::new();
        let mut firsts: HashMap<&str, Span> = HashMap::new();
        let mut ok = true;
        for c in declared {
            if let Some(first) = firsts.get(c.id.node.as_str()) {
                let twice = CriteriaProblem::DuplicateCriterion {
                    id: c.id.node.clone(),
                    first: *first,
                };
                self.report(Kind::Criteria(twice), c.id.span);
                ok = false;
                continue;
            }
            firsts.insert(&c.id.node, c.id.span);
            if c.degrees.is_empty() {
                let none = CriteriaProblem::NoDegrees {
                    criterion: c.id.node.clone(),
                };
                self.report(Kind::Criteria(none), c.span);
                ok = false;
                continue;
            }
            out.push(Criterion {
                id: c.id.node.clone(),
                label: c.label.node.clone(),
                points: c.degrees.iter().map(|d| d.node).collect(),
                origin: origin(c.span, &c.source),
            });
        }
        ok.then_some(out)
    }

    /// The rows, in ascending order without overlap, each on the grid.
    fn score_rows(&mut self, rules: &RuleSet, scoring: &ast::Scoring) -> Option<Vec<ScoreRow>> {
        let mut out: Vec<ScoreRow> = Vec::new();
        let mut previous: Option<&ast::ScoreRow> = None;
        let mut ok = true;
        for row in &scoring.rows {
            let (from, to, coefficient) = (row.from.node, row.to.node, row.coefficient.node);
            if from > to {
                let range = BadRange::Empty {
                    low: from,
                    high: to,
                };
                self.report(Kind::BadRange(range), row.span);
                ok = false;
                continue;
            }
            if to > MAX_TOTAL {
                let large = CriteriaProblem::TooManyPoints { max: MAX_TOTAL };
                self.report(Kind::Criteria(large), row.to.span);
                return None;
            }
            if let Some(p) = previous.filter(|p| from <= p.to.node) {
                let order = CriteriaProblem::RowOrder {
                    previous: (p.from.node, p.to.node),
                    previous_span: p.span,
                    this: (from, to),
                    overlap: to >= p.from.node,
                };
                self.report(Kind::Criteria(order), row.span);
                ok = false;
            }
            if rules.level_of(coefficient).is_none() {
                let off = CriteriaProblem::RowOffGrid { coefficient };
                self.report(Kind::Criteria(off), row.coefficient.span);
                ok = false;
            }
            previous = Some(row);
            out.push(ScoreRow {
                from,
                to,
                coefficient,
                origin: origin(row.span, &row.source.clone().or_else(|| scoring.source.clone())),
            });
        }
        ok.then_some(out)
    }

    /// Every total the criteria can add up to (one degree each) has its row;
    /// the rows are tabulated by total.
    fn every_total_covered(&mut self, method: &mut CriteriaMethod, span: Span) -> bool {
        let highest: u64 = method
            .criteria
            .iter()
            .map(|c| u64::from(c.points.iter().copied().max().unwrap_or(0)))
            .sum();
        if highest > u64::from(MAX_TOTAL) {
            let large = CriteriaProblem::TooManyPoints { max: MAX_TOTAL };
            self.report(Kind::Criteria(large), span);
            return false;
        }
        let reachable = reachable_totals(&method.criteria, highest as usize);
        let last = method.rows.last().map_or(0, |r| r.to as usize);
        let mut row_of_total = vec![None; last.max(highest as usize) + 1];
        for (i, row) in method.rows.iter().enumerate() {
            for slot in &mut row_of_total[row.from as usize..=row.to as usize] {
                *slot = u16::try_from(i).ok();
            }
        }
        let uncovered: Vec<u32> = (0..reachable.len())
            .filter(|t| reachable[*t] && row_of_total[*t].is_none())
            .map(|t| t as u32)
            .collect();
        if !uncovered.is_empty() {
            let problem = CriteriaProblem::TotalsNotCovered {
                first: uncovered.iter().copied().take(NAMED).collect(),
                count: uncovered.len(),
            };
            self.report(Kind::Criteria(problem), span);
            return false;
        }
        method.row_of_total = row_of_total;
        true
    }

    /// The degrees jobs give: each criterion once, in range; a job placed
    /// below what its degrees give is a warning.
    fn jobs_degrees(&mut self, rules: &RuleSet, method: &mut CriteriaMethod, items: &[Item]) {
        for item in items {
            let Item::Job(j) = item else { continue };
            if j.degrees.is_empty() {
                continue;
            }
            let Some(job) = self.declared.jobs.get(&j.id.node).copied() else {
                continue;
            };
            let Some(degrees) = self.job_degrees(method, j) else {
                continue;
            };
            method.job_degrees.push((job, degrees.clone()));
            let (Some(total), Some(highest)) = (
                method.total(&degrees),
                rules.jobs[job].cells.iter().filter_map(|c| c.coefficient).max(),
            ) else {
                continue;
            };
            let Some(row) = method.row(total) else { continue };
            if highest < row.coefficient {
                let below = CriteriaProblem::JobBelowDegrees {
                    job: j.id.node.clone(),
                    highest,
                    total,
                    coefficient: row.coefficient,
                };
                let span = j.degrees[0].criterion.span.join(j.degrees[j.degrees.len() - 1].degree.span);
                self.report(Kind::Criteria(below), span);
            }
        }
    }

    /// One job's degrees, one per criterion in the method's order.
    fn job_degrees(&mut self, method: &CriteriaMethod, j: &ast::Job) -> Option<Vec<u32>> {
        let mut degrees = vec![0; method.criteria.len()];
        let mut ok = true;
        for d in &j.degrees {
            let Some(c) = method.criterion_index(&d.criterion.node) else {
                let unknown = CriteriaProblem::UnknownCriterion {
                    name: d.criterion.node.clone(),
                    declared: method.criteria.iter().map(|c| c.id.clone()).collect(),
                };
                self.report(Kind::Criteria(unknown), d.criterion.span);
                ok = false;
                continue;
            };
            if method.points(c, d.degree.node).is_none() {
                let out = CriteriaProblem::DegreeOutOfRange {
                    criterion: d.criterion.node.clone(),
                    degree: d.degree.node,
                    degrees: method.criteria[c].points.len(),
                };
                self.report(Kind::Criteria(out), d.degree.span);
                ok = false;
            }
            degrees[c] = d.degree.node;
        }
        for (c, criterion) in method.criteria.iter().enumerate() {
            if ok && degrees[c] == 0 {
                let missing = CriteriaProblem::MissingDegree {
                    job: j.id.node.clone(),
                    criterion: criterion.id.clone(),
                };
                self.report(Kind::Criteria(missing), j.id.span);
                ok = false;
            }
        }
        ok.then_some(degrees)
    }
}

/// Which totals one degree of each criterion can add up to, up to `highest`:
/// the sums of the sums, criterion by criterion (at most `highest` + 1 flags).
fn reachable_totals(criteria: &[Criterion], highest: usize) -> Vec<bool> {
    let mut reachable = vec![false; highest + 1];
    reachable[0] = true;
    for c in criteria {
        let mut next = vec![false; highest + 1];
        for total in (0..=highest).filter(|t| reachable[*t]) {
            for points in &c.points {
                if let Some(slot) = next.get_mut(total + *points as usize) {
                    *slot = true;
                }
            }
        }
        reachable = next;
    }
    reachable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(points: &[u32]) -> Criterion {
        Criterion {
            id: String::new(),
            label: String::new(),
            points: points.to_vec(),
            origin: Origin::default(),
        }
    }

    /// IDCC 2098's five criteria (the sources' README, Annexe I's points):
    /// 45 = 10 + 10 + 5 + 10 + 10, the least; 770 = 150 + 150 + 170 + 150 +
    /// 150, the most. 50 needs one criterion 5 above its least: none has a
    /// degree 5 points above its first (the smallest steps are 10 and 15).
    #[test]
    fn the_totals_2098s_degrees_reach() {
        let criteria = [
            criterion(&[10, 25, 40, 70, 90, 120, 150]),
            criterion(&[10, 20, 30, 40, 55, 60, 80, 100, 125, 150]),
            criterion(&[5, 20, 35, 50, 65, 80, 110, 140, 170]),
            criterion(&[10, 30, 40, 55, 70, 75, 90, 120, 150]),
            criterion(&[10, 20, 40, 60, 80, 100, 150]),
        ];
        let reachable = reachable_totals(&criteria, 770);
        let totals: Vec<usize> = (0..=770).filter(|t| reachable[*t]).collect();
        assert_eq!(totals.first(), Some(&45));
        assert_eq!(totals.last(), Some(&770));
        assert!(!reachable[50], "50 is not reachable");
        assert!(reachable[55], "55 = 10 + 20 + 5 + 10 + 10");
        assert!(totals.iter().all(|t| t % 5 == 0), "every degree is a multiple of 5");
    }
}
