//! What the checker finds in trial rules at hire and by coefficient range
//! (issue #22, design §7), with its words in French and English.

use super::code::Code;
use super::{Said, Severity};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrialProblem {
    /// `coefficients 240 à 260` after `coefficients 250 à 300`: a coefficient
    /// two rules give; `first` is the earlier rule's range and place.
    OverlappingRanges {
        first: (u32, u32),
        first_span: Span,
        this: (u32, u32),
    },
    /// A range reaching outside the grid's coefficients (`lowest` to `highest`),
    /// or holding none of them.
    RangeOffGrid {
        range: (u32, u32),
        lowest: u32,
        highest: u32,
    },
    /// Coefficients of the grid that no rule gives a trial (`first` few, `count` in all).
    Uncovered { first: Vec<u32>, count: usize },
}

fn said(fr: impl Into<String>, en: impl Into<String>) -> Said {
    Said::new(fr, en)
}

impl TrialProblem {
    pub fn code(&self) -> Code {
        match self {
            TrialProblem::OverlappingRanges { .. } => Code::OverlappingTrialRanges,
            TrialProblem::RangeOffGrid { .. } => Code::OffGridCoefficient,
            TrialProblem::Uncovered { .. } => Code::TrialNotCovered,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            TrialProblem::Uncovered { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn related(&self) -> Vec<(Span, Said)> {
        match self {
            TrialProblem::OverlappingRanges {
                first: (from, to),
                first_span,
                ..
            } => vec![(
                *first_span,
                said(
                    format!("la règle des coefficients {from} à {to}"),
                    format!("the rule for coefficients {from} to {to}"),
                ),
            )],
            _ => Vec::new(),
        }
    }

    pub fn message(&self) -> Said {
        match self {
            TrialProblem::OverlappingRanges {
                first: (a, b),
                this: (c, d),
                ..
            } => said(
                format!("les coefficients {c} à {d} chevauchent ceux d'une règle d'essai précédente ({a} à {b})"),
                format!("coefficients {c} to {d} overlap those of an earlier trial rule ({a} to {b})"),
            ),
            TrialProblem::RangeOffGrid {
                range: (from, to),
                lowest,
                highest,
            } => said(
                format!("les coefficients {from} à {to} sortent de la grille, qui va de {lowest} à {highest}"),
                format!("coefficients {from} to {to} are outside the grid, which runs from {lowest} to {highest}"),
            ),
            TrialProblem::Uncovered { first, count } => {
                let listed: Vec<String> = first.iter().map(u32::to_string).collect();
                let more = if *count > first.len() { " …" } else { "" };
                said(
                    format!("aucune règle d'essai pour {count} coefficient(s) de la grille : {}{more}", listed.join(", ")),
                    format!("no trial rule for {count} coefficient(s) of the grid: {}{more}", listed.join(", ")),
                )
            }
        }
    }

    pub fn label(&self) -> Said {
        match self {
            TrialProblem::OverlappingRanges { .. } => said("chevauchement", "overlap"),
            TrialProblem::RangeOffGrid { .. } => said("hors de la grille", "not in the grid"),
            TrialProblem::Uncovered { .. } => said(
                "sans essai pour ces coefficients",
                "no trial for these coefficients",
            ),
        }
    }

    pub fn help(&self) -> Said {
        match self {
            TrialProblem::OverlappingRanges { .. } => said(
                "une règle s'applique au premier coefficient qui la satisfait : un coefficient ne doit relever que d'une fourchette",
                "the first rule that holds applies: a coefficient must fall in one range only",
            ),
            TrialProblem::RangeOffGrid { lowest, highest, .. } => said(
                format!("écrivez des coefficients de la grille ({lowest} à {highest})"),
                format!("write coefficients of the grid ({lowest} to {highest})"),
            ),
            TrialProblem::Uncovered { .. } => said(
                "ajoutez une règle (`coefficients … à … : …` ou `catégorie … : …`) ; sans elle, ces salariés n'ont pas d'essai calculé",
                "add a rule (`coefficients … à … : …` or `catégorie … : …`); without one, these employees get no trial",
            ),
        }
    }
}
