//! What a rule set must have to be applied at all: a classification, status
//! rules, a grid for its jobs, the values its formulas need.

use super::formulas::mentions;
use super::rules::SeenOnce;
use super::*;

impl Checker {
    /// Pass 7a: what a rule set must have to be applied.
    pub(super) fn completeness(&mut self, rules: &RuleSet, items: &[Item], seen: SeenOnce) {
        let end = Span::new(rules.file.text.len(), rules.file.text.len());
        let first_job = items.iter().find_map(|i| match i {
            Item::Job(j) => Some(j.id.span),
            _ => None,
        });
        if let Some(at) = first_job {
            if !seen.classification {
                self.error(
                    Diagnostic::error(
                        "grille::no-floor",
                        at,
                        "the rule file has jobs but no `classement`",
                    )
                    .label("jobs without a classification rule")
                    .help("add `classement` with `plancher métier` and `le plus élevé l'emporte`"),
                );
            }
            if !seen.status {
                self.error(
                    Diagnostic::error("grille::status-incomplete", at, "the rule file says nothing of status")
                        .label("jobs without a status rule")
                        .help("add `statut` followed by rules such as `cadre si catégorie cadres` and `non-cadre sinon`"),
                );
            }
        }
        if let (true, Some(at)) = (rules.levels.is_empty(), first_job) {
            self.error(
                Diagnostic::error("grille::no-grid", at, "the rule file declares no grid")
                    .label("a job, but no `catégorie` with levels")
                    .help("declare categories and their levels with coefficients"),
            );
        }
        let uses_hours = rules
            .minimum_salary
            .as_ref()
            .is_some_and(|m| mentions(&m.formula, Input::Hours));
        if uses_hours && rules.reference_hours.is_none() {
            self.error(
                Diagnostic::error("grille::missing-value", rules.minimum_salary.as_ref().map_or(end, |m| m.origin.span), "the minimum salary uses `heures`, but no reference hours are declared")
                    .label("needs reference hours")
                    .help("add `temps de travail` with `heures de référence : ...`, the hours of an employee who gives none"),
            );
        }
        if rules.has_floor(FloorKind::Mission) && rules.mission_cap.is_none() {
            if let Some(f) = rules.floors.iter().find(|f| f.kind == FloorKind::Mission) {
                self.error(
                    Diagnostic::error(
                        "grille::missing-value",
                        f.origin.span,
                        "the mission floor needs a `plafond des missions`",
                    )
                    .label("no mission cap declared")
                    .help("declare `plafond des missions` with its window, limit and claim"),
                );
            }
        }
    }
}
