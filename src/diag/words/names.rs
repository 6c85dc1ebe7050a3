//! The words of duplicates and unknown names.

use super::super::kind::*;
use crate::model::Input;

pub(super) fn duplicate_message(what: &Duplicated) -> String {
    match what {
        Duplicated::Agreement => "a rule file describes one agreement".to_string(),
        Duplicated::ValueName(name) => format!("`{name}` is declared twice"),
        Duplicated::DatedValue { name, date } => format!("`{name}` has two values from {date}"),
        Duplicated::TableRow(c) => format!("coefficient {c} appears twice in this version"),
        Duplicated::Category(id) => format!("the category `{id}` is declared twice"),
        Duplicated::Level(n) => format!("level {n} is declared twice"),
        Duplicated::Diploma(id) => format!("the diploma `{id}` is declared twice"),
        Duplicated::Scale(id) => format!("the experience scale `{id}` is declared twice"),
        Duplicated::Band(id) => format!("the band `{id}` is declared twice"),
        Duplicated::Job(id) => format!("the job `{id}` is declared twice"),
        Duplicated::JobValue(band) => format!("the band `{band}` has two values for this job"),
        Duplicated::Floor => "this floor is listed twice".to_string(),
        Duplicated::Transitional(c) => format!("coefficient {c} is declared transitional twice"),
        Duplicated::Block(what) => format!("`{what}` is declared twice"),
    }
}

pub(super) fn duplicate_label(what: &Duplicated) -> &'static str {
    match what {
        Duplicated::Agreement => "second `convention`",
        Duplicated::DatedValue { .. } => "same date again",
        Duplicated::TableRow(_) => "second row",
        Duplicated::JobValue(_) => "second value",
        Duplicated::Floor => "second time",
        _ => "second declaration",
    }
}

/// The label on the first declaration, when it is shown.
pub(in crate::diag) fn first_declared(what: &Duplicated) -> &'static str {
    match what {
        Duplicated::Agreement => "first one",
        Duplicated::DatedValue { .. } => "first value for that date",
        Duplicated::Floor => "first time",
        _ => "first declaration",
    }
}

pub(super) fn duplicate_help(what: &Duplicated) -> String {
    let text = match what {
        Duplicated::Agreement => "keep one `convention` block",
        Duplicated::ValueName(_) => "give each parameter and table its own name",
        Duplicated::DatedValue { .. } => "each value applies from its own date",
        Duplicated::TableRow(_) => "one row per coefficient",
        Duplicated::Category(_) => "give each category its own id",
        Duplicated::Level(_) => "number each level once",
        Duplicated::Diploma(_) => "declare each diploma once",
        Duplicated::Scale(_) => "give each scale its own name",
        Duplicated::Band(_) => "give each band its own id",
        Duplicated::Job(_) => "give each job its own id",
        Duplicated::JobValue(_) => "keep one value per band",
        Duplicated::Floor => "list each floor once",
        Duplicated::Transitional(_) => "keep one limit per coefficient",
        Duplicated::Block(what) => return format!("merge the two `{what}` blocks"),
    };
    text.to_string()
}

// ---------------------------------------------------------------- unknown names

pub(super) fn unknown_message(what: &Unknown, name: &str) -> String {
    match what {
        Unknown::Category => format!("there is no category `{name}`"),
        Unknown::Scale => format!("there is no experience scale `{name}`"),
        Unknown::Band { scale: Some(scale) } => {
            format!("there is no band `{name}` in the scale `{scale}`")
        }
        Unknown::Band { scale: None } => format!("there is no band `{name}`"),
        Unknown::Diploma => format!("there is no diploma `{name}`"),
        Unknown::Parameter | Unknown::FormulaName => format!("there is no parameter `{name}`"),
        Unknown::Table => format!("there is no table `{name}`"),
        Unknown::AgreementJob => format!("the agreement has no job `{name}`"),
    }
}

pub(super) fn unknown_label(what: &Unknown) -> &'static str {
    match what {
        Unknown::Category => "unknown category",
        Unknown::Scale => "unknown scale",
        Unknown::Band { .. } => "unknown band",
        Unknown::Diploma => "unknown diploma",
        Unknown::Parameter => "unknown parameter",
        Unknown::FormulaName => "unknown name",
        Unknown::Table => "unknown table",
        Unknown::AgreementJob => "not a job of the agreement",
    }
}

/// What a person calls what was looked up, in "declare the … first".
pub(super) fn unknown_word(what: &Unknown) -> &'static str {
    match what {
        Unknown::Category => "category",
        Unknown::Scale => "experience scale",
        Unknown::Band { .. } => "band",
        Unknown::Diploma => "diploma",
        Unknown::Parameter | Unknown::FormulaName => "parameter",
        Unknown::Table => "table",
        Unknown::AgreementJob => "job in the agreement",
    }
}

pub(super) fn did_you_mean(what: &Unknown, candidates: &[String]) -> String {
    if candidates.is_empty() {
        format!(
            "declare the {} first, or check its spelling",
            unknown_word(what)
        )
    } else {
        let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        format!("did you mean {}?", list.join(" or "))
    }
}

pub(super) fn input_help(input: Input) -> &'static str {
    match input {
        Input::Hours => "`heures` (the employee's monthly hours) is known in the `salaire minimum` formula only",
        Input::Coefficient => "`coefficient` is known in level minima and the `salaire minimum` formula",
        Input::LevelMinimum => "`minimum` (the level's full-time minimum) is known in the `salaire minimum` formula only",
    }
}
