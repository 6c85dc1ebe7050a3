//! The syntax of trial periods at hire and by coefficient range (issue #22,
//! design §7): when a `période d'essai` opens and what selects its rule.

use crate::span::Spanned;

/// When the trials of a `période d'essai` open. Without a word, on a move only
/// (the meaning of every rule file written before trials at hire).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrialAt {
    /// `à l'embauche`: from `hired_on`.
    pub hire: bool,
    /// `à la mobilité`: from a move's day.
    pub moves: bool,
}

impl TrialAt {
    /// The meaning without a word: moves only.
    pub const MOVES: TrialAt = TrialAt {
        hire: false,
        moves: true,
    };
}

impl Default for TrialAt {
    fn default() -> Self {
        TrialAt::MOVES
    }
}

/// What a trial rule applies to, tried in order: the first that holds on the
/// trial's first day gives the trial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrialSelector {
    /// `catégorie tam`: the category of the coefficient's level.
    Category(String),
    /// `coefficients 275 à 500`: both ends included.
    Coefficients { from: u32, to: u32 },
    /// `grille etam`, `grille etam, coefficients 240 à 250`: a position of that
    /// grid (in the range, when there is one).
    Grid {
        grid: Spanned<String>,
        range: Option<(u32, u32)>,
    },
}
