//! What a rule set must have to be applied at all: jobs on a grid, a
//! classification and status rules for them, the values its formulas need.

use super::formulas::mentions;
use super::rules::SeenOnce;
use super::*;

impl Checker {
    /// Pass 7a: what a rule set must have to be applied.
    pub(super) fn completeness(
        &mut self,
        rules: &RuleSet,
        items: &[Item],
        seen: SeenOnce,
        kind: ast::AgreementKind,
    ) {
        let first_job = items.iter().find_map(|i| match i {
            Item::Job(j) => Some(j.id.span),
            _ => None,
        });
        if let Some(at) = first_job {
            if !seen.classification {
                let kind = Kind::NoFloor {
                    jobs_without_classification: true,
                };
                self.report(kind, at);
            }
            if !seen.status {
                self.report(Kind::StatusIncomplete { no_status: true }, at);
            }
        }
        // The law only sets values: no jobs, no grid of its own.
        if kind != ast::AgreementKind::Law {
            self.has_jobs_on_a_grid(rules, items, first_job);
        }
        self.formulas_have_their_values(rules);
    }

    /// A rule set classifies jobs on a grid: without jobs, or without levels to
    /// put them on, nothing can be decided (an empty file is no rule set). A
    /// layer that only sets values, such as the law above an agreement, is the
    /// one kind of file this check would not apply to.
    fn has_jobs_on_a_grid(&mut self, rules: &RuleSet, items: &[Item], first_job: Option<Span>) {
        let no_levels = rules.levels.is_empty();
        match first_job {
            Some(at) if no_levels => self.report(Kind::NoGrid { first_job: true }, at),
            Some(_) => {}
            // Classified by position: a record needs no job (design decision 3).
            None if super::grids::classifies_by_position(rules) => {}
            None => {
                let first_category = items.iter().find_map(|i| match i {
                    Item::Category(c) => Some(c.id.span),
                    _ => None,
                });
                let grid = !no_levels;
                self.report(Kind::NoJob { grid }, first_category.unwrap_or_default());
            }
        }
    }

    /// The minimum salary's hours need reference hours; the mission floor needs
    /// a mission cap.
    fn formulas_have_their_values(&mut self, rules: &RuleSet) {
        let main_end = rules.file().text.len();
        let end = Span::new(main_end, main_end);
        let uses_hours = rules
            .minimum_salary
            .as_ref()
            .is_some_and(|m| mentions(&m.formula, Input::Hours));
        if uses_hours && rules.reference_hours.is_none() {
            let at = rules.minimum_salary.as_ref().map_or(end, |m| m.origin.span);
            self.report(Kind::MissingValue(Missing::ReferenceHours), at);
        }
        // Without a `salaire minimum`, the level's minimum is owed as it is: per month.
        if rules.hourly_levels && rules.minimum_salary.is_none() {
            if let Some(level) = rules.levels.iter().find(|l| l.minimum.is_some()) {
                let mismatch = Mismatch::FormulaNotAmount(Type::Hourly);
                self.report(Kind::TypeMismatch(mismatch), level.origin.span);
            }
        }
        if rules.has_floor(FloorKind::Mission) && rules.mission_cap.is_none() {
            if let Some(f) = rules.floors.iter().find(|f| f.kind == FloorKind::Mission) {
                self.report(Kind::MissingValue(Missing::MissionCap), f.origin.span);
            }
        }
    }
}
