//! What the checker finds in declared facts and tests on time (issue #22),
//! with its words: message, label and help, French and English side by side.

use super::code::Code;
use crate::catalogue::Said;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactProblem {
    /// A name in a test that is no declared fact; the close names, best first.
    Unknown { name: String, close: Vec<String> },
    /// `champ hours`: a field of the contract, read by grille for its own use.
    ContractField { field: String },
    /// Two facts read from one field.
    FieldTwice { field: String },
    /// `est x` (or a `défaut`) outside the fact's `choix`.
    NotAChoice {
        fact: String,
        value: String,
        choices: Vec<String>,
    },
    /// A `défaut` of another type than the fact's.
    DefaultType { fact: String, ty: &'static str },
    /// A fact used where its type does not fit (`naissance + 1 €`, `si modalite`).
    Misused {
        fact: String,
        ty: &'static str,
        /// What the place needs, in French and in English.
        wanted: (&'static str, &'static str),
    },
    /// `années révolues depuis x ≥ 6 mois`: the clock counts in another unit.
    ClockUnit { years: bool },
    /// A test on time whose sides do not compare (a clock with a date, two durations).
    TimeSides,
    /// A declared fact no rule reads (a warning).
    Unused { fact: String },
}

impl FactProblem {
    pub fn code(&self) -> Code {
        match self {
            FactProblem::Unknown { .. } => Code::UnknownName,
            FactProblem::Unused { .. } => Code::UnusedFact,
            FactProblem::Misused { .. }
            | FactProblem::ClockUnit { .. }
            | FactProblem::TimeSides => Code::TypeMismatch,
            _ => Code::BadFact,
        }
    }

    pub fn message(&self) -> Said {
        match self {
            FactProblem::Unknown { name, close } if close.is_empty() => Said::new(
                format!("`{name}` n'est pas un fait déclaré"),
                format!("`{name}` is not a declared fact"),
            ),
            FactProblem::Unknown { name, close } => Said::new(
                format!(
                    "`{name}` n'est pas un fait déclaré ; vouliez-vous dire `{}` ?",
                    close[0]
                ),
                format!(
                    "`{name}` is not a declared fact; did you mean `{}`?",
                    close[0]
                ),
            ),
            FactProblem::ContractField { field } => Said::new(
                format!("`{field}` est un champ du contrat des faits, que grille lit déjà"),
                format!("`{field}` is a field of the facts contract, which grille already reads"),
            ),
            FactProblem::FieldTwice { field } => Said::new(
                format!("deux faits sont lus dans le champ `{field}`"),
                format!("two facts are read from the field `{field}`"),
            ),
            FactProblem::NotAChoice { fact, value, .. } => Said::new(
                format!("`{value}` n'est pas un des choix du fait `{fact}`"),
                format!("`{value}` is not one of the choices of the fact `{fact}`"),
            ),
            FactProblem::DefaultType { fact, ty } => Said::new(
                format!("la valeur par défaut du fait `{fact}` n'est pas du type {ty}"),
                format!("the default of the fact `{fact}` is not of its type, {ty}"),
            ),
            FactProblem::Misused { fact, ty, wanted } => Said::new(
                format!(
                    "le fait `{fact}` est du type {ty}, et il faut ici {}",
                    wanted.0
                ),
                format!(
                    "the fact `{fact}` is of type {ty}, and {} is needed here",
                    wanted.1
                ),
            ),
            FactProblem::ClockUnit { years: true } => Said::new(
                "des années révolues se comparent à une durée en années",
                "completed years compare with a duration in years",
            ),
            FactProblem::ClockUnit { years: false } => Said::new(
                "des mois révolus se comparent à une durée en mois",
                "completed months compare with a duration in months",
            ),
            FactProblem::TimeSides => Said::new(
                "ce test compare deux choses qui ne se comparent pas",
                "this test compares two things that do not compare",
            ),
            FactProblem::Unused { fact } => Said::new(
                format!("le fait `{fact}` n'est lu par aucune règle"),
                format!("the fact `{fact}` is read by no rule"),
            ),
        }
    }

    /// The rules can still be applied.
    pub fn is_warning(&self) -> bool {
        matches!(self, FactProblem::Unused { .. })
    }

    pub fn label(&self) -> Said {
        let (fr, en) = match self {
            FactProblem::Unknown { .. } => ("inconnu", "unknown"),
            FactProblem::ContractField { .. } => ("champ du contrat", "contract field"),
            FactProblem::FieldTwice { .. } => ("la deuxième fois", "second one"),
            FactProblem::NotAChoice { .. } => ("pas un choix déclaré", "not a declared choice"),
            FactProblem::DefaultType { .. } => ("pas du type du fait", "not the fact's type"),
            FactProblem::Misused { .. } => ("pas de ce type", "not of this type"),
            FactProblem::ClockUnit { .. } => ("une autre unité", "another unit"),
            FactProblem::TimeSides => ("ne se comparent pas", "do not compare"),
            FactProblem::Unused { .. } => ("jamais lu", "never read"),
        };
        Said::new(fr, en)
    }

    pub fn help(&self) -> Said {
        match self {
            FactProblem::Unknown { .. } => Said::new(
                "déclarez-le : `fait naissance \"Date de naissance\" : date`, `champ born_on`",
                "declare it: `fait naissance \"Date de naissance\" : date`, `champ born_on`",
            ),
            FactProblem::ContractField { .. } => Said::new(
                "lisez un autre champ, ou servez-vous de ce que grille en fait (`heures`, `ancienneté dans le métier`)",
                "read another field, or use what grille makes of it (`heures`, `ancienneté dans le métier`)",
            ),
            FactProblem::FieldTwice { .. } => Said::new(
                "gardez un seul fait par champ",
                "keep one fact per field",
            ),
            FactProblem::NotAChoice { choices, .. } => {
                let list = choices.join(", ");
                Said::new(
                    format!("les choix déclarés sont : {list}"),
                    format!("the declared choices are: {list}"),
                )
            }
            FactProblem::DefaultType { .. } => Said::new(
                "une date s'écrit 2026-11-29, un oui-non `oui` ou `non`, un choix par son id",
                "a date is written 2026-11-29, a yes-no `oui` or `non`, a choice by its id",
            ),
            FactProblem::Misused { .. } => Said::new(
                "une date se compare à une date ou se compte (`années révolues depuis x`), un oui-non se teste seul (`si x alors`), un choix avec `est`",
                "a date compares with a date or is counted (`années révolues depuis x`), a yes-no is tested alone (`si x alors`), a choice with `est`",
            ),
            FactProblem::ClockUnit { .. } => Said::new(
                "écrivez la durée dans l'unité du compte (`années révolues … ≥ 6 ans`, `mois révolus … ≥ 18 mois`)",
                "write the duration in the clock's unit (`années révolues … ≥ 6 ans`, `mois révolus … ≥ 18 mois`)",
            ),
            FactProblem::TimeSides => Said::new(
                "comparez un compte de temps à une durée (`âge < 26 ans`), une date à une date (`date < 2025-01-01`)",
                "compare a clock with a duration (`âge < 26 ans`), a date with a date (`date < 2025-01-01`)",
            ),
            FactProblem::Unused { .. } => Said::new(
                "lisez-le dans une formule ou un test, ou retirez la déclaration : les fichiers de faits n'ont pas à le donner",
                "read it in a formula or a test, or remove the declaration: facts files need not give it",
            ),
        }
    }
}
