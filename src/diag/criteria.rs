//! What the checker finds in a classification by criteria (issue #22,
//! design §8), with its words in French and English.

use super::code::Code;
use super::{Said, Severity};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriteriaProblem {
    /// `plancher critères` without `critère` (`scoring`: false) or without `cotation`.
    NoMethod { scoring: bool },
    /// A `critère` without `degrés`.
    NoDegrees { criterion: String },
    /// Two criteria of one id; `first` is the first one.
    DuplicateCriterion { id: String, first: Span },
    /// A row that overlaps the one before it, or comes before it.
    RowOrder {
        previous: (u32, u32),
        previous_span: Span,
        this: (u32, u32),
        overlap: bool,
    },
    /// A row's coefficient that no level of the grid has.
    RowOffGrid { coefficient: u32 },
    /// Totals the degrees can add up to that no row covers (`first` few, `count` in all).
    TotalsNotCovered { first: Vec<u32>, count: usize },
    /// Totals past what the checker tabulates.
    TooManyPoints { max: u32 },
    /// `degrés x 3` in a job, for a criterion the file does not declare.
    UnknownCriterion { name: String, declared: Vec<String> },
    /// A job's degree beyond its criterion's degrees (`degrees` of them) or zero.
    DegreeOutOfRange {
        criterion: String,
        degree: u32,
        degrees: usize,
    },
    /// A job giving degrees for some criteria, not this one.
    MissingDegree { job: String, criterion: String },
    /// A job whose highest coefficient is below the one its own degrees give.
    JobBelowDegrees {
        job: String,
        highest: u32,
        total: u32,
        coefficient: u32,
    },
}

fn said(fr: impl Into<String>, en: impl Into<String>) -> Said {
    Said::new(fr, en)
}

fn listed(numbers: &[u32], count: usize) -> String {
    let text: Vec<String> = numbers.iter().map(u32::to_string).collect();
    let more = if count > numbers.len() { ", …" } else { "" };
    format!("{}{more}", text.join(", "))
}

impl CriteriaProblem {
    pub fn code(&self) -> Code {
        use CriteriaProblem::*;
        match self {
            NoMethod { .. } | NoDegrees { .. } | MissingDegree { .. } => Code::MissingValue,
            DuplicateCriterion { .. } => Code::Duplicate,
            RowOrder { .. } => Code::ScoreRows,
            RowOffGrid { .. } => Code::OffGridCoefficient,
            TotalsNotCovered { .. } => Code::UncoveredTotal,
            TooManyPoints { .. } => Code::TooLarge,
            UnknownCriterion { .. } => Code::UnknownName,
            DegreeOutOfRange { .. } => Code::DegreeOutOfRange,
            JobBelowDegrees { .. } => Code::JobBelowDegrees,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            CriteriaProblem::JobBelowDegrees { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn related(&self) -> Vec<(Span, Said)> {
        match self {
            CriteriaProblem::RowOrder {
                previous: (a, b),
                previous_span,
                ..
            } => vec![(
                *previous_span,
                said(format!("la ligne {a} à {b}"), format!("the row {a} to {b}")),
            )],
            CriteriaProblem::DuplicateCriterion { first, .. } => {
                vec![(*first, said("première déclaration", "first declared here"))]
            }
            _ => Vec::new(),
        }
    }

    pub fn message(&self) -> Said {
        use CriteriaProblem::*;
        match self {
            NoMethod { scoring: false } => said(
                "`plancher critères` sans aucun `critère` déclaré",
                "`plancher critères` without any `critère` declared",
            ),
            NoMethod { scoring: true } => said(
                "les critères n'ont pas de `cotation` : rien ne donne le coefficient d'un total",
                "the criteria have no `cotation`: nothing gives a total's coefficient",
            ),
            NoDegrees { criterion } => said(
                format!("le critère `{criterion}` n'a pas de `degrés`"),
                format!("criterion `{criterion}` has no `degrés`"),
            ),
            DuplicateCriterion { id, .. } => said(
                format!("le critère `{id}` est déclaré deux fois"),
                format!("criterion `{id}` is declared twice"),
            ),
            RowOrder {
                previous: (a, b),
                this: (c, d),
                overlap: true,
                ..
            } => said(
                format!("la ligne {c} à {d} chevauche la précédente ({a} à {b})"),
                format!("row {c} to {d} overlaps the one before ({a} to {b})"),
            ),
            RowOrder {
                previous: (a, b),
                this: (c, d),
                ..
            } => said(
                format!("la ligne {c} à {d} vient après {a} à {b} : les lignes vont en croissant"),
                format!("row {c} to {d} comes after {a} to {b}: rows go in ascending order"),
            ),
            RowOffGrid { coefficient } => said(
                format!("le coefficient {coefficient} n'appartient à aucun niveau de la grille"),
                format!("coefficient {coefficient} belongs to no level of the grid"),
            ),
            TotalsNotCovered { first, count } => said(
                format!("{count} total(s) que les degrés peuvent donner ne sont dans aucune ligne : {}", listed(first, *count)),
                format!("{count} total(s) the degrees can add up to are in no row: {}", listed(first, *count)),
            ),
            TooManyPoints { max } => said(
                format!("les totaux de points dépassent {max}"),
                format!("the totals of points go beyond {max}"),
            ),
            UnknownCriterion { name, .. } => said(
                format!("il n'y a pas de critère `{name}`"),
                format!("there is no criterion `{name}`"),
            ),
            DegreeOutOfRange {
                criterion,
                degree,
                degrees,
            } => said(
                format!("le critère `{criterion}` a les degrés 1 à {degrees}, pas {degree}"),
                format!("criterion `{criterion}` has degrees 1 to {degrees}, not {degree}"),
            ),
            MissingDegree { job, criterion } => said(
                format!("le métier `{job}` ne donne pas de degré pour le critère `{criterion}`"),
                format!("job `{job}` gives no degree for criterion `{criterion}`"),
            ),
            JobBelowDegrees {
                job,
                highest,
                total,
                coefficient,
            } => said(
                format!("`{job}` est au plus à {highest} : ses degrés ({total} points) donnent {coefficient}"),
                format!("`{job}` is at most {highest}: its degrees ({total} points) give {coefficient}"),
            ),
        }
    }

    pub fn label(&self) -> Said {
        use CriteriaProblem::*;
        match self {
            NoMethod { .. } => said("sans critères ni cotation", "no criteria or scoring"),
            NoDegrees { .. } => said("sans degrés", "no degrees"),
            DuplicateCriterion { .. } => said("deuxième déclaration", "second declaration"),
            RowOrder { overlap: true, .. } => said("chevauchement", "overlap"),
            RowOrder { .. } => said("hors de l'ordre", "out of order"),
            RowOffGrid { .. } => said("hors de la grille", "not in the grid"),
            TotalsNotCovered { .. } => said("des totaux sans ligne", "totals without a row"),
            TooManyPoints { .. } => said("trop de points", "too many points"),
            UnknownCriterion { .. } => said("critère inconnu", "unknown criterion"),
            DegreeOutOfRange { .. } => said("degré hors du critère", "degree out of range"),
            MissingDegree { .. } => said("un critère manque", "a criterion is missing"),
            JobBelowDegrees { .. } => said("ces degrés donnent plus", "these degrees give more"),
        }
    }

    pub fn help(&self) -> Said {
        use CriteriaProblem::*;
        match self {
            NoMethod { scoring: false } => said(
                "déclarez les critères (`critère ID \"…\" degrés 10, 25, …`) et la `cotation`",
                "declare the criteria (`critère ID \"…\" degrés 10, 25, …`) and the `cotation`",
            ),
            NoMethod { scoring: true } => said(
                "ajoutez `cotation` et ses lignes (`45 à 60 : 120`)",
                "add `cotation` and its rows (`45 à 60 : 120`)",
            ),
            NoDegrees { .. } => said(
                "écrivez les points de chaque degré : `degrés 10, 25, 40`",
                "write the points of each degree: `degrés 10, 25, 40`",
            ),
            DuplicateCriterion { .. } => said(
                "donnez à chaque critère son propre identifiant",
                "give each criterion its own id",
            ),
            RowOrder { .. } => said(
                "écrivez les lignes du plus petit total au plus grand, sans chevauchement",
                "write the rows from the lowest total to the highest, without overlap",
            ),
            RowOffGrid { .. } => said(
                "une ligne donne un coefficient de la grille (`niveau … : coefficients …`)",
                "a row gives a coefficient of the grid (`niveau … : coefficients …`)",
            ),
            TotalsNotCovered { .. } => said(
                "étendez une ligne ou ajoutez-en une : chaque total possible doit donner un coefficient",
                "widen a row or add one: every possible total must give a coefficient",
            ),
            TooManyPoints { max } => said(
                format!("les totaux et les lignes restent sous {max} points"),
                format!("keep totals and rows under {max} points"),
            ),
            UnknownCriterion { declared, .. } => said(
                format!("les critères déclarés : {}", declared.join(", ")),
                format!("the criteria declared: {}", declared.join(", ")),
            ),
            DegreeOutOfRange { degrees, .. } => said(
                format!("un degré va de 1 à {degrees}"),
                format!("a degree runs from 1 to {degrees}"),
            ),
            MissingDegree { .. } => said(
                "donnez un degré pour chaque critère, ou aucun",
                "give a degree for every criterion, or none",
            ),
            JobBelowDegrees { .. } => said(
                "le texte place le métier plus bas que sa cotation : vérifiez le texte ; la grille du métier s'applique",
                "the text places the job below its scoring: check the text; the job's grid applies",
            ),
        }
    }
}
