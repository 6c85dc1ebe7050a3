//! Evaluators of other days under the same rules. A replay decides on every
//! day of years of months and on days before them; the tables an evaluator
//! computes from the rules (each coefficient's level, status rule and
//! minimums) change only on the days a value of the rules changes, so the
//! evaluators of the days between two such days share one set of tables and
//! differ only by their evaluation date.

use std::sync::Mutex;

use chrono::NaiveDate;

use super::{part_time, Evaluator};

impl<'r> Evaluator<'r> {
    /// An evaluator on `day` sharing this one's tables, for a caller that
    /// knows that no value of the rules changes between this evaluator's date
    /// and `day`: no dated parameter value, table version, transitional start
    /// or end of a `connu jusqu'au` in between (a replay's periods of unchanged
    /// rules, [`crate::replay::day::rule_periods`]). Tables holding text that
    /// names this evaluator's date (an error, a warning of values beyond what
    /// is known) are computed anew for `day`, as [`Evaluator::on_day`] does.
    ///
    /// Decisions are the same as those of `on_day(day)`; the steps of a
    /// trace's minimum salary (made once per coefficient) are dated with the
    /// first evaluator's date, so trace with `on_day`.
    pub fn on_day_of_same_rules(&self, day: NaiveDate) -> Self {
        if self.day_in_tables {
            return self.on_day(day);
        }
        Evaluator {
            rules: self.rules,
            as_of: day,
            reference_hours: self.reference_hours.clone(),
            maximum_hours: self.maximum_hours.clone(),
            full_time_minimums: self.full_time_minimums.clone(),
            level_by_coefficient: self.level_by_coefficient.clone(),
            status_by_coefficient: self.status_by_coefficient.clone(),
            transitional_by_coefficient: self.transitional_by_coefficient.clone(),
            reference_minimums: self.reference_minimums.clone(),
            beyond_known: self.beyond_known.clone(),
            any_beyond_known: self.any_beyond_known,
            day_in_tables: false,
            lowest_coefficient: self.lowest_coefficient,
            grid: self.grid.clone(),
            diplomas: self.diplomas.clone(),
            no_diploma: self.no_diploma,
            jobs: self.jobs.clone(),
            // Part-time minimums are remembered per evaluator, from its own decisions.
            part_time: part_time::PartTime::default(),
            per_record_minimum: self.per_record_minimum,
            clock_triggers: self.clock_triggers.clone(),
            floors: self.floors,
            unknown_jobs: Mutex::default(),
        }
    }

    /// Whether a table holds an error or a warning written with the
    /// evaluation date.
    pub(super) fn tables_name_their_day(&self) -> bool {
        self.any_beyond_known
            || self.reference_hours.is_err()
            || self.maximum_hours.is_err()
            || self
                .full_time_minimums
                .iter()
                .any(|m| matches!(m, Some(Err(_))))
            || self
                .reference_minimums
                .iter()
                .flatten()
                .any(|m| m.minimum.is_err())
    }
}
