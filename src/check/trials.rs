//! Trial rules (issue #22, design §7): when trials open (at hire, on a move),
//! what selects a rule (a category, a coefficient range), checked against the
//! grid: ranges that overlap, that leave the grid, coefficients left without
//! a trial.

use super::*;
use crate::diag::trials::TrialProblem;
use crate::model::grid::GridId;

/// How many uncovered coefficients a warning names.
const UNCOVERED_NAMED: usize = 8;

impl Checker {
    pub(super) fn trial(&mut self, rules: &mut RuleSet, t: &ast::TrialPeriod) {
        rules.trial = self.trial_rules(rules, t);
        rules.trial_at = t.at.as_ref().map_or(TrialAt::MOVES, |a| a.node);
    }

    /// Trial rules, tried in order: an agreement's, or a company agreement's.
    pub(super) fn trial_rules(&mut self, rules: &RuleSet, t: &ast::TrialPeriod) -> Vec<TrialRule> {
        let mut out = Vec::new();
        let mut ranges: Vec<(Option<GridId>, (u32, u32), Span)> = Vec::new();
        for r in &t.rules {
            let Some(selector) = self.trial_selector(rules, &r.selector, &mut ranges) else {
                continue;
            };
            let length = self.duration_ref(rules, &r.length);
            let renewal = r.renewal.as_ref().map(|d| self.duration_ref(rules, d));
            let except = match &r.renewal_except {
                Some(p) => match self.position_ref(rules, p) {
                    Some(position) => Some(position),
                    None => continue,
                },
                None => None,
            };
            if let Some(length) = length {
                out.push(TrialRule {
                    selector,
                    length,
                    renewal: renewal.flatten(),
                    renewal_from_coefficient: r.renewal_from_coefficient.as_ref().map(|c| c.node),
                    renewal_except: except,
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
        // On the implicit grid only: a named grid's keys are its positions'.
        if ranges.iter().any(|(g, _, _)| g.is_none()) && rules.grids.is_empty() {
            self.uncovered_coefficients(rules, &out, t.span);
        }
        out
    }

    /// A rule's selector, resolved; a range is checked against the grid and
    /// the ranges before it (`ranges`, which it joins).
    fn trial_selector(
        &mut self,
        rules: &RuleSet,
        selector: &Spanned<ast::TrialSelector>,
        ranges: &mut Vec<(Option<GridId>, (u32, u32), Span)>,
    ) -> Option<TrialSelector> {
        let (grid, (from, to)) = match &selector.node {
            ast::TrialSelector::Category(id) => {
                let id = Spanned::new(id.clone(), selector.span);
                return self.category(rules, &id).map(TrialSelector::Category);
            }
            ast::TrialSelector::Coefficients { from, to } => (None, (*from, *to)),
            ast::TrialSelector::Grid { grid, range } => {
                let grid = self.grid_named(rules, grid)?;
                match range {
                    None => return Some(TrialSelector::Grid { grid, range: None }),
                    Some(range) => (Some(grid), *range),
                }
            }
        };
        if from > to {
            let range = BadRange::Empty {
                low: from,
                high: to,
            };
            self.report(Kind::BadRange(range), selector.span);
            return None;
        }
        let keys: Vec<u32> = match grid {
            // A named grid's coefficients: its positions' keys.
            Some(g) => rules
                .grids
                .positions
                .iter()
                .filter(|p| p.grid == g)
                .flat_map(|p| p.keys().collect::<Vec<_>>())
                .collect(),
            None => rules
                .levels
                .iter()
                .flat_map(|l| [l.coefficients.lowest(), l.coefficients.highest()])
                .collect(),
        };
        let (lowest, highest) = (keys.iter().copied().min(), keys.iter().copied().max());
        if let (Some(lowest), Some(highest)) = (lowest, highest) {
            let holds_one = match grid {
                Some(_) => keys.iter().any(|k| (from..=to).contains(k)),
                None => (from..=to).any(|c| rules.level_of(c).is_some()),
            };
            if from < lowest || to > highest || !holds_one {
                let problem = TrialProblem::RangeOffGrid {
                    range: (from, to),
                    lowest,
                    highest,
                };
                self.report(Kind::Trial(problem), selector.span);
            }
        }
        if let Some((_, first, first_span)) = ranges
            .iter()
            .find(|(g, (a, b), _)| *g == grid && from <= *b && *a <= to)
            .copied()
        {
            let problem = TrialProblem::OverlappingRanges {
                first,
                first_span,
                this: (from, to),
            };
            self.report(Kind::Trial(problem), selector.span);
        }
        ranges.push((grid, (from, to), selector.span));
        Some(match grid {
            Some(grid) => TrialSelector::Grid {
                grid,
                range: Some((from, to)),
            },
            None => TrialSelector::Coefficients { from, to },
        })
    }

    /// Warns when rules chosen by coefficient leave coefficients of the grid
    /// without any rule: their employees would get no trial.
    fn uncovered_coefficients(&mut self, rules: &RuleSet, trial: &[TrialRule], span: Span) {
        let mut uncovered = Vec::new();
        for level in &rules.levels {
            let (low, high) = (level.coefficients.lowest(), level.coefficients.highest());
            for c in (low..=high).filter(|c| level.coefficients.contains(*c)) {
                if !trial.iter().any(|r| r.selector.holds(level.category, c, None)) {
                    uncovered.push(c);
                }
            }
        }
        if uncovered.is_empty() {
            return;
        }
        uncovered.sort_unstable();
        let count = uncovered.len();
        uncovered.truncate(UNCOVERED_NAMED);
        let problem = TrialProblem::Uncovered {
            first: uncovered,
            count,
        };
        self.report(Kind::Trial(problem), span);
    }
}
