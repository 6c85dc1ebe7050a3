//! Trial rules (issue #22, design §7): when trials open (at hire, on a move),
//! what selects a rule (a category, a coefficient range), checked against the
//! grid: ranges that overlap, that leave the grid, coefficients left without
//! a trial.

use super::*;
use crate::diag::trials::TrialProblem;

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
        let mut ranges: Vec<((u32, u32), Span)> = Vec::new();
        for r in &t.rules {
            let Some(selector) = self.trial_selector(rules, &r.selector, &mut ranges) else {
                continue;
            };
            let length = self.duration_ref(rules, &r.length);
            let renewal = r.renewal.as_ref().map(|d| self.duration_ref(rules, d));
            if let Some(length) = length {
                out.push(TrialRule {
                    selector,
                    length,
                    renewal: renewal.flatten(),
                    renewal_from_coefficient: r.renewal_from_coefficient.as_ref().map(|c| c.node),
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
        if !ranges.is_empty() {
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
        ranges: &mut Vec<((u32, u32), Span)>,
    ) -> Option<TrialSelector> {
        let (from, to) = match &selector.node {
            ast::TrialSelector::Category(id) => {
                let id = Spanned::new(id.clone(), selector.span);
                return self.category(rules, &id).map(TrialSelector::Category);
            }
            ast::TrialSelector::Coefficients { from, to } => (*from, *to),
        };
        if from > to {
            let range = BadRange::Empty {
                low: from,
                high: to,
            };
            self.report(Kind::BadRange(range), selector.span);
            return None;
        }
        let lowest = rules.levels.iter().map(|l| l.coefficients.lowest()).min();
        let highest = rules.top_coefficient();
        if let (Some(lowest), Some(highest)) = (lowest, highest) {
            let holds_one = (from..=to).any(|c| rules.level_of(c).is_some());
            if from < lowest || to > highest || !holds_one {
                let problem = TrialProblem::RangeOffGrid {
                    range: (from, to),
                    lowest,
                    highest,
                };
                self.report(Kind::Trial(problem), selector.span);
            }
        }
        if let Some((first, first_span)) = ranges
            .iter()
            .find(|((a, b), _)| from <= *b && *a <= to)
            .copied()
        {
            let problem = TrialProblem::OverlappingRanges {
                first,
                first_span,
                this: (from, to),
            };
            self.report(Kind::Trial(problem), selector.span);
        }
        ranges.push(((from, to), selector.span));
        Some(TrialSelector::Coefficients { from, to })
    }

    /// Warns when rules chosen by coefficient leave coefficients of the grid
    /// without any rule: their employees would get no trial.
    fn uncovered_coefficients(&mut self, rules: &RuleSet, trial: &[TrialRule], span: Span) {
        let mut uncovered = Vec::new();
        for level in &rules.levels {
            let (low, high) = (level.coefficients.lowest(), level.coefficients.highest());
            for c in (low..=high).filter(|c| level.coefficients.contains(*c)) {
                if !trial.iter().any(|r| r.selector.holds(level.category, c)) {
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
