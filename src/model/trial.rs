//! Trial rules at hire and by coefficient range (issue #22, design §7),
//! resolved: what selects a rule, checked once per trial.

use super::grid::{GridId, PositionId};
use super::CategoryId;
pub use crate::syntax::ast::TrialAt;

/// What a trial rule applies to, on the trial's first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrialSelector {
    /// The category of the coefficient's level.
    Category(CategoryId),
    /// A coefficient from `from` to `to`, both included.
    Coefficients { from: u32, to: u32 },
    /// A position of a named grid (in the range, when there is one).
    Grid {
        grid: GridId,
        range: Option<(u32, u32)>,
    },
}

impl TrialSelector {
    /// Whether the rule applies to a trial at `coefficient` (a position's key
    /// on a named grid), of `category`, on `grid` (`None`: the implicit grid).
    pub fn holds(self, category: CategoryId, coefficient: u32, grid: Option<GridId>) -> bool {
        let in_range = |(from, to): (u32, u32)| (from..=to).contains(&coefficient);
        match self {
            TrialSelector::Category(c) => c == category,
            TrialSelector::Coefficients { from, to } => in_range((from, to)),
            TrialSelector::Grid { grid: g, range } => {
                grid == Some(g) && range.is_none_or(in_range)
            }
        }
    }

    /// The range, when the rule is chosen by coefficient.
    pub fn range(self) -> Option<(u32, u32)> {
        match self {
            TrialSelector::Coefficients { from, to } => Some((from, to)),
            TrialSelector::Grid { range, .. } => range,
            TrialSelector::Category(_) => None,
        }
    }
}

impl super::RuleSet {
    /// Whether a layer opens trials at hire (then a record's `hired_on` is read).
    pub fn opens_trials_at_hire(&self) -> bool {
        self.trial_at.hire || self.company_trial_at.hire
    }

    /// Whether a layer opens trials on a move (every rule set that says nothing).
    pub fn opens_trials_on_moves(&self) -> bool {
        self.trial_at.moves || self.company_trial_at.moves
    }
}

/// The grid and position a coefficient (a key) is on, on `day`: `None` for
/// the implicit grid (no named grids).
pub fn placed_on(rules: &super::RuleSet, key: u32, day: chrono::NaiveDate) -> Option<(GridId, PositionId)> {
    if rules.grids.is_empty() {
        return None;
    }
    let position = rules.grids.by_key(key, day)?;
    Some((rules.grids.positions[position].grid, position))
}
