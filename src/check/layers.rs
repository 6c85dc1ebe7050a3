//! Checking what layering adds: the law's minimum and trial maxima, a
//! company agreement's own minimum and trial rules, and what an amendment
//! left of the amended file's transitional coefficients.

use super::{did_you_mean, origin, Checker};
use crate::diag::Diagnostic;
use crate::layers::Layered;
use crate::model::{self, Input, MinimumSalary, RuleSet, TrialMaximum};
use crate::syntax::ast::{self, Item};

impl Checker {
    pub(super) fn layers(&mut self, rules: &mut RuleSet, layered: &Layered) {
        for item in &layered.items {
            match item {
                Item::LegalMinimum(m) => {
                    let formula = self.amount_formula(rules, &m.formula, &[Input::Hours]);
                    self.only_one(
                        rules.legal_minimum.as_ref(),
                        m.span,
                        "salaire minimum légal",
                    );
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
                Item::TrialPeriod(t) => rules.company_trial = self.trial(rules, t),
                _ => {}
            }
        }
        self.transitional_scopes(rules, layered);
    }

    fn only_one(&mut self, first: Option<&MinimumSalary>, span: crate::span::Span, what: &str) {
        if let Some(first) = first {
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    span,
                    format!("`{what}` is declared twice"),
                )
                .related(first.origin.span, "first declaration")
                .help("keep one"),
            );
        }
    }

    fn trial_maximum(&mut self, rules: &mut RuleSet, t: &ast::TrialMaximum) {
        for r in &t.rules {
            let length = self.duration_ref(rules, &r.length);
            let total = r.total.as_ref().and_then(|d| self.duration_ref(rules, d));
            let Some(category) = rules.category_index(&r.category.node) else {
                // A law file checked alone has no categories: its words are
                // matched against each agreement's that stands under it.
                if !rules.categories.is_empty() {
                    let help = did_you_mean(
                        &r.category.node,
                        rules.categories.iter().map(|c| c.id.as_str()),
                        "category",
                    );
                    self.error(
                        Diagnostic::warning(
                            "grille::unknown-name",
                            r.category.span,
                            format!(
                                "the law caps the trials of category `{}`, which this agreement does not have",
                                r.category.node
                            ),
                        )
                        .help(help),
                    );
                }
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
        for i in 0..rules.transitional.len() {
            let Some(scope) = layered
                .transitional
                .get(&rules.transitional[i].origin.span.start)
            else {
                continue;
            };
            let except: Vec<model::JobId> = scope
                .except_jobs
                .iter()
                .filter_map(|id| rules.jobs.iter().position(|j| j.id == *id))
                .collect();
            let rule = &mut rules.transitional[i];
            rule.then = scope.then;
            rule.except_jobs = except;
        }
    }
}
