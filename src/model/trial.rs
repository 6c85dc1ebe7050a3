//! Trial rules at hire and by coefficient range (issue #22, design §7),
//! resolved: what selects a rule, checked once per trial.

use super::CategoryId;
pub use crate::syntax::ast::TrialAt;

/// What a trial rule applies to, on the trial's first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrialSelector {
    /// The category of the coefficient's level.
    Category(CategoryId),
    /// A coefficient from `from` to `to`, both included.
    Coefficients { from: u32, to: u32 },
}

impl TrialSelector {
    /// Whether the rule applies to a trial at `coefficient`, of `category`.
    pub fn holds(self, category: CategoryId, coefficient: u32) -> bool {
        match self {
            TrialSelector::Category(c) => c == category,
            TrialSelector::Coefficients { from, to } => (from..=to).contains(&coefficient),
        }
    }

    /// The range, when the rule is chosen by coefficient.
    pub fn range(self) -> Option<(u32, u32)> {
        match self {
            TrialSelector::Coefficients { from, to } => Some((from, to)),
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
