//! Checking what layering adds: the law's minimum and trial maxima, a
//! company agreement's own minimum and trial rules, and what an amendment
//! left of the amended file's transitional coefficients.

use super::*;
use crate::layers::Layered;

impl Checker {
    pub(super) fn layers(&mut self, rules: &mut RuleSet, layered: &Layered) {
        for item in &layered.items {
            match item {
                Item::LegalMinimum(m) => {
                    if let Some(first) = &rules.legal_minimum {
                        let what = Duplicated::Block("salaire minimum légal");
                        self.report(Kind::duplicate(what, Some(first.origin.span)), m.span);
                        continue;
                    }
                    let formula = self.amount_formula(rules, &m.formula, &[Input::Hours]);
                    rules.legal_minimum = formula.map(|formula| MinimumSalary {
                        formula,
                        origin: origin(m.span, &m.source),
                    });
                }
                Item::TrialMaximum(t) => self.trial_maximum(rules, t),
                _ => {}
            }
        }
        for item in &layered.company {
            match item {
                Item::MinimumSalary(m) => {
                    let inputs = [Input::Hours, Input::LevelMinimum, Input::Coefficient];
                    let formula = self.amount_formula(rules, &m.formula, &inputs);
                    rules.company_minimum = formula.map(|formula| MinimumSalary {
                        formula,
                        origin: origin(m.span, &m.source),
                    });
                }
                Item::TrialPeriod(t) => rules.company_trial = self.trial_rules(rules, t),
                _ => {}
            }
        }
        self.transitional_scopes(rules, layered);
    }

    fn trial_maximum(&mut self, rules: &mut RuleSet, t: &ast::TrialMaximum) {
        for r in &t.rules {
            let length = self.duration_ref(rules, &r.length);
            let total = r.total.as_ref().and_then(|d| self.duration_ref(rules, d));
            // A law file checked alone has no categories: its words are
            // matched against those of each agreement that stands under it.
            if rules.categories.is_empty() {
                continue;
            }
            let Some(category) = self.category(rules, &r.category) else {
                continue;
            };
            if let Some(length) = length {
                rules.trial_maximum.push(TrialMaximum {
                    category,
                    length,
                    total,
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
    }

    /// An amended file's transitional coefficients keep moving up their own
    /// grid, and stay off the jobs the amendment set them aside for.
    fn transitional_scopes(&mut self, rules: &mut RuleSet, layered: &Layered) {
        for rule in &mut rules.transitional {
            let Some(scope) = layered.transitional.get(&rule.origin.span.start) else {
                continue;
            };
            rule.then = scope.then;
            rule.except_jobs = scope
                .except_jobs
                .iter()
                .filter_map(|id| self.declared.jobs.get(id).copied())
                .collect();
            // In declaration order, whatever order the amendment's names came in.
            rule.except_jobs.sort_unstable();
        }
    }
}
