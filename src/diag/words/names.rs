//! The words of duplicates and unknown names.

use super::super::kind::*;
use super::said;
use crate::catalogue::Said;
use crate::model::Input;

pub(super) fn duplicate_message(what: &Duplicated) -> Said {
    match what {
        Duplicated::Agreement => said(
            "un fichier de règles décrit une seule convention",
            "a rule file describes one agreement",
        ),
        Duplicated::ValueName(name) => said(
            format!("`{name}` est déclaré deux fois"),
            format!("`{name}` is declared twice"),
        ),
        Duplicated::DatedValue { name, date } => said(
            format!("`{name}` a deux valeurs à partir du {date}"),
            format!("`{name}` has two values from {date}"),
        ),
        Duplicated::TableRow(c) => said(
            format!("le coefficient {c} apparaît deux fois dans cette version"),
            format!("coefficient {c} appears twice in this version"),
        ),
        Duplicated::Category(id) => said(
            format!("la catégorie `{id}` est déclarée deux fois"),
            format!("the category `{id}` is declared twice"),
        ),
        Duplicated::Level(n) => said(
            format!("le niveau {n} est déclaré deux fois"),
            format!("level {n} is declared twice"),
        ),
        Duplicated::Diploma(id) => said(
            format!("le diplôme `{id}` est déclaré deux fois"),
            format!("the diploma `{id}` is declared twice"),
        ),
        Duplicated::Scale(id) => said(
            format!("l'échelle d'ancienneté `{id}` est déclarée deux fois"),
            format!("the experience scale `{id}` is declared twice"),
        ),
        Duplicated::Band(id) => said(
            format!("la tranche `{id}` est déclarée deux fois"),
            format!("the band `{id}` is declared twice"),
        ),
        Duplicated::Job(id) => said(
            format!("le métier `{id}` est déclaré deux fois"),
            format!("the job `{id}` is declared twice"),
        ),
        Duplicated::JobValue(band) => said(
            format!("la tranche `{band}` a deux valeurs pour ce métier"),
            format!("the band `{band}` has two values for this job"),
        ),
        Duplicated::Floor => said(
            "ce plancher est listé deux fois",
            "this floor is listed twice",
        ),
        Duplicated::Transitional(c) => said(
            format!("le coefficient {c} est déclaré transitoire deux fois"),
            format!("coefficient {c} is declared transitional twice"),
        ),
        Duplicated::Block(what) => said(
            format!("`{what}` est déclaré deux fois"),
            format!("`{what}` is declared twice"),
        ),
    }
}

pub(super) fn duplicate_label(what: &Duplicated) -> (&'static str, &'static str) {
    match what {
        Duplicated::Agreement => ("deuxième `convention`", "second `convention`"),
        Duplicated::DatedValue { .. } => ("même date encore", "same date again"),
        Duplicated::TableRow(_) => ("deuxième ligne", "second row"),
        Duplicated::JobValue(_) => ("deuxième valeur", "second value"),
        Duplicated::Floor => ("deuxième fois", "second time"),
        _ => ("deuxième déclaration", "second declaration"),
    }
}

/// The label on the first declaration, when it is shown.
pub(in crate::diag) fn first_declared(what: &Duplicated) -> Said {
    let (fr, en) = match what {
        Duplicated::Agreement => ("la première", "first one"),
        Duplicated::DatedValue { .. } => (
            "première valeur pour cette date",
            "first value for that date",
        ),
        Duplicated::Floor => ("première fois", "first time"),
        _ => ("première déclaration", "first declaration"),
    };
    said(fr, en)
}

pub(super) fn duplicate_help(what: &Duplicated) -> Said {
    let (fr, en) = match what {
        Duplicated::Agreement => (
            "gardez un seul bloc `convention`",
            "keep one `convention` block",
        ),
        Duplicated::ValueName(_) => (
            "donnez à chaque paramètre et à chaque barème son propre nom",
            "give each parameter and table its own name",
        ),
        Duplicated::DatedValue { .. } => (
            "chaque valeur s'applique à partir de sa propre date",
            "each value applies from its own date",
        ),
        Duplicated::TableRow(_) => ("une ligne par coefficient", "one row per coefficient"),
        Duplicated::Category(_) => (
            "donnez à chaque catégorie son propre identifiant",
            "give each category its own id",
        ),
        Duplicated::Level(_) => ("numérotez chaque niveau une fois", "number each level once"),
        Duplicated::Diploma(_) => (
            "déclarez chaque diplôme une fois",
            "declare each diploma once",
        ),
        Duplicated::Scale(_) => (
            "donnez à chaque échelle son propre nom",
            "give each scale its own name",
        ),
        Duplicated::Band(_) => (
            "donnez à chaque tranche son propre identifiant",
            "give each band its own id",
        ),
        Duplicated::Job(_) => (
            "donnez à chaque métier son propre identifiant",
            "give each job its own id",
        ),
        Duplicated::JobValue(_) => ("gardez une valeur par tranche", "keep one value per band"),
        Duplicated::Floor => ("listez chaque plancher une fois", "list each floor once"),
        Duplicated::Transitional(_) => (
            "gardez une limite par coefficient",
            "keep one limit per coefficient",
        ),
        Duplicated::Block(what) => {
            return said(
                format!("fusionnez les deux blocs `{what}`"),
                format!("merge the two `{what}` blocks"),
            )
        }
    };
    said(fr, en)
}

// ---------------------------------------------------------------- unknown names

pub(super) fn unknown_message(what: &Unknown, name: &str) -> Said {
    match what {
        Unknown::Category => said(
            format!("il n'y a pas de catégorie `{name}`"),
            format!("there is no category `{name}`"),
        ),
        Unknown::Scale => said(
            format!("il n'y a pas d'échelle d'ancienneté `{name}`"),
            format!("there is no experience scale `{name}`"),
        ),
        Unknown::Band { scale: Some(scale) } => said(
            format!("il n'y a pas de tranche `{name}` dans l'échelle `{scale}`"),
            format!("there is no band `{name}` in the scale `{scale}`"),
        ),
        Unknown::Band { scale: None } => said(
            format!("il n'y a pas de tranche `{name}`"),
            format!("there is no band `{name}`"),
        ),
        Unknown::Diploma => said(
            format!("il n'y a pas de diplôme `{name}`"),
            format!("there is no diploma `{name}`"),
        ),
        Unknown::Parameter | Unknown::FormulaName => said(
            format!("il n'y a pas de paramètre `{name}`"),
            format!("there is no parameter `{name}`"),
        ),
        Unknown::Table => said(
            format!("il n'y a pas de barème `{name}`"),
            format!("there is no table `{name}`"),
        ),
        Unknown::AgreementJob => said(
            format!("la convention n'a pas de métier `{name}`"),
            format!("the agreement has no job `{name}`"),
        ),
    }
}

pub(super) fn unknown_label(what: &Unknown) -> (&'static str, &'static str) {
    match what {
        Unknown::Category => ("catégorie inconnue", "unknown category"),
        Unknown::Scale => ("échelle inconnue", "unknown scale"),
        Unknown::Band { .. } => ("tranche inconnue", "unknown band"),
        Unknown::Diploma => ("diplôme inconnu", "unknown diploma"),
        Unknown::Parameter => ("paramètre inconnu", "unknown parameter"),
        Unknown::FormulaName => ("nom inconnu", "unknown name"),
        Unknown::Table => ("barème inconnu", "unknown table"),
        Unknown::AgreementJob => (
            "pas un métier de la convention",
            "not a job of the agreement",
        ),
    }
}

/// "Declare the … first", in each language.
fn declare_first(what: &Unknown) -> (&'static str, &'static str) {
    match what {
        Unknown::Category => (
            "déclarez d'abord la catégorie",
            "declare the category first",
        ),
        Unknown::Scale => (
            "déclarez d'abord l'échelle d'ancienneté",
            "declare the experience scale first",
        ),
        Unknown::Band { .. } => ("déclarez d'abord la tranche", "declare the band first"),
        Unknown::Diploma => ("déclarez d'abord le diplôme", "declare the diploma first"),
        Unknown::Parameter | Unknown::FormulaName => (
            "déclarez d'abord le paramètre",
            "declare the parameter first",
        ),
        Unknown::Table => ("déclarez d'abord le barème", "declare the table first"),
        Unknown::AgreementJob => (
            "déclarez d'abord le métier dans la convention",
            "declare the job in the agreement first",
        ),
    }
}

pub(super) fn did_you_mean(what: &Unknown, candidates: &[String]) -> Said {
    if candidates.is_empty() {
        let (fr, en) = declare_first(what);
        said(
            format!("{fr}, ou vérifiez son orthographe"),
            format!("{en}, or check its spelling"),
        )
    } else {
        let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        said(
            format!("vouliez-vous dire {} ?", list.join(" ou ")),
            format!("did you mean {}?", list.join(" or ")),
        )
    }
}

pub(super) fn input_help(input: Input) -> (&'static str, &'static str) {
    match input {
        Input::Hours => (
            "`heures` (l'horaire mensuel du salarié) n'est connu que dans la formule du `salaire minimum`",
            "`heures` (the employee's monthly hours) is known in the `salaire minimum` formula only",
        ),
        Input::Coefficient => (
            "`coefficient` n'est connu que dans les minima des niveaux et la formule du `salaire minimum`",
            "`coefficient` is known in level minima and the `salaire minimum` formula",
        ),
        Input::LevelMinimum => (
            "`minimum` (le minimum du niveau à temps plein) n'est connu que dans la formule du `salaire minimum`",
            "`minimum` (the level's full-time minimum) is known in the `salaire minimum` formula only",
        ),
    }
}
