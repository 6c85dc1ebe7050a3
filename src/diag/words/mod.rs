//! The words of each [`Kind`]: its message (what is wrong, one sentence), its
//! label (on the exact span) and its help (what to do), each in French and in
//! English side by side ([`Said`]). Messages are lowercase, user text in
//! backticks; the rule file's keywords are French in both languages.

mod help;
mod names;
mod ranges;
mod types;

pub(super) use help::help;
use names::*;
use ranges::*;
use types::*;

pub(super) use names::first_declared;

use super::kind::*;
use crate::catalogue::{Lang, Said};

/// French, then English.
pub(super) fn said(fr: impl Into<String>, en: impl Into<String>) -> Said {
    Said::new(fr, en)
}

/// `` `a` et `b` `` / `` `a` and `b` ``.
pub(super) fn quoted_list(items: &[String]) -> Said {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    said(quoted.join(" et "), quoted.join(" and "))
}

/// A job as a person reads it beside the id the file is edited by:
/// `` `agent-accueil` (Agent d'accueil) ``; the id alone when the
/// name says nothing more (`agent`, "Agent": the same words).
pub(super) fn job_named(job: &str, name: &str) -> String {
    if name.is_empty() || crate::names::normalize(name) == crate::names::normalize(job) {
        format!("`{job}`")
    } else {
        format!("`{job}` ({name})")
    }
}

/// `a, b and c`, or `none` for no item.
fn listed(items: &[String], and: &str, none: &str) -> String {
    match items {
        [] => none.to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

pub(super) fn message(kind: &Kind) -> Said {
    match kind {
        Kind::Grid(problem) => problem.message(),
        Kind::Trial(p) => p.message(),
        Kind::Criteria(p) => p.message(),
        Kind::NotUtf8 { byte } => said(
            format!("le fichier de règles n'est pas du texte UTF-8 (octet {byte})"),
            format!("the rule file is not UTF-8 text (byte {byte})"),
        ),
        Kind::Duplicate { what, .. } => duplicate_message(what),
        Kind::ReservedName { name } => said(
            format!("`{name}` est un nom que fournit l'évaluation"),
            format!("`{name}` is a name the evaluation provides"),
        ),
        Kind::UnknownName { what, name, .. } => unknown_message(what, name),
        Kind::UnknownLevel { number, .. } => said(
            format!("il n'y a pas de niveau {number}"),
            format!("there is no level {number}"),
        ),
        Kind::UnavailableInput { name, .. } => said(
            format!("`{name}` n'a pas de valeur ici"),
            format!("`{name}` has no value here"),
        ),
        Kind::TypeMismatch(m) => mismatch_message(m),
        Kind::MissingValue(m) => missing_message(m),
        Kind::DivisionByZero(Divisor::Literal) => said(
            "cette formule divise par zéro",
            "this formula divides by zero",
        ),
        Kind::DivisionByZero(Divisor::Parameter { name, date, .. }) => said(
            format!("cette formule divise par `{name}`, qui vaut zéro à partir du {date}"),
            format!("this formula divides by `{name}`, which is zero from {date}"),
        ),
        Kind::EmptyCategory { id } => said(
            format!("la catégorie `{id}` n'a aucun niveau"),
            format!("the category `{id}` has no level"),
        ),
        Kind::NoGrid { .. } => said(
            "le fichier de règles ne déclare aucune grille",
            "the rule file declares no grid",
        ),
        Kind::NoJob { grid: true } => said(
            "le fichier de règles ne déclare aucun métier",
            "the rule file declares no job",
        ),
        Kind::NoJob { .. } => said(
            "le fichier de règles ne déclare ni métier ni grille",
            "the rule file declares no job and no grid",
        ),
        Kind::TooManyCells { max } => said(
            format!("les métiers ont plus de {max} valeurs de tranche en tout (métiers × tranches)"),
            format!("the jobs have more than {max} band values in all (jobs × bands)"),
        ),
        Kind::OverlappingLevels { lower, upper, .. } => said(
            format!("les niveaux {lower} et {upper} ont des coefficients en commun"),
            format!("levels {lower} and {upper} share coefficients"),
        ),
        Kind::BadRange(r) => bad_range_message(r),
        Kind::OffGridCoefficient { coefficient, .. } => said(
            format!("le coefficient {coefficient} n'appartient à aucun niveau de la grille"),
            format!("coefficient {coefficient} belongs to no level of the grid"),
        ),
        Kind::TopOfGrid { coefficient } => said(
            format!(
                "le coefficient {coefficient} est le haut de la grille : il n'y a pas de coefficient suivant où passer"
            ),
            format!(
                "coefficient {coefficient} is the top of the grid: there is no next coefficient to move to"
            ),
        ),
        Kind::BadBands(b) => bad_bands_message(b),
        Kind::NoFloor {
            jobs_without_classification: true,
        } => said(
            "le fichier de règles a des métiers mais pas de `classement`",
            "the rule file has jobs but no `classement`",
        ),
        Kind::NoFloor { .. } => said(
            "le classement ne liste aucun plancher",
            "the classification lists no floor",
        ),
        Kind::NoCombination => said(
            "le classement ne dit pas comment ses planchers se combinent",
            "the classification does not say how its floors combine",
        ),
        Kind::MisplacedOption { blank_cell: true } => said(
            "`case vide` ne s'applique qu'au plancher métier",
            "`case vide` applies to the job floor only",
        ),
        Kind::MisplacedOption { .. } => said(
            "`hors grille` ne s'applique qu'au plancher du coefficient antérieur",
            "`hors grille` applies to the previous-coefficient floor only",
        ),
        Kind::StatusIncomplete { no_status: true } => said(
            "le fichier de règles ne dit rien du statut",
            "the rule file says nothing of status",
        ),
        Kind::StatusIncomplete { .. } => said(
            "les règles de statut ne couvrent pas tous les salariés",
            "the status rules do not cover every employee",
        ),
        Kind::UnreachableRule { .. } => said(
            "cette règle de statut vient après `sinon` : elle ne s'applique jamais",
            "this status rule comes after `sinon` and never applies",
        ),
        Kind::AmbiguousName {
            name, jobs, names, ..
        } => {
            let named: Vec<String> = jobs
                .iter()
                .zip(names.iter().map(String::as_str).chain(std::iter::repeat("")))
                .map(|(job, name)| job_named(job, name))
                .collect();
            said(named.join(" et "), named.join(" and ")).map(|jobs, lang| match lang {
                Lang::Fr => format!("le nom {name} est donné à plusieurs métiers : {jobs}"),
                Lang::En => format!("the name {name} is given to several jobs: {jobs}"),
            })
        }
        Kind::AmbiguousDiplomaName { name, diplomas, .. } => {
            quoted_list(diplomas).map(|diplomas, lang| match lang {
                Lang::Fr => format!("le nom {name} est donné à plusieurs diplômes : {diplomas}"),
                Lang::En => format!("the name {name} is given to several diplomas: {diplomas}"),
            })
        }
        Kind::EntryDiplomaAboveJob {
            job,
            diploma,
            floor,
            beginner,
            name,
        } => {
            let job = job_named(job, name);
            said(
                format!(
                    "le diplôme d'accueil `{diploma}` de {job} a un plancher de {floor}, au-dessus de son coefficient de débutant {beginner}"
                ),
                format!(
                    "the entry diploma `{diploma}` of {job} has a floor of {floor}, above its beginner coefficient {beginner}"
                ),
            )
        }
        Kind::EntryDiplomaOrder => said(
            "la plage de diplômes d'accueil est écrite du plus élevé au plus bas",
            "the entry diploma range is written highest first",
        ),
        Kind::BlankCells {
            job,
            blank,
            bands,
            name,
        } => {
            let job = job_named(job, name);
            said(
                format!(
                    "{} des {bands} tranches de {job} sont vides : {}",
                    blank.len(),
                    blank.join(", ")
                ),
                format!(
                    "{} of {bands} bands of {job} are blank: {}",
                    blank.len(),
                    blank.join(", ")
                ),
            )
        }
        Kind::JobWithoutClassification { job, name } => {
            let job = job_named(job, name);
            said(
                format!("le métier {job} n'a aucune classification"),
                format!("the job {job} has no classification"),
            )
        }
        Kind::DecreasingBand {
            job,
            before,
            before_band,
            value,
            band,
            name,
        } => {
            let job = job_named(job, name);
            said(
                format!(
                    "{job} baisse avec l'ancienneté : {before} en `{before_band}`, {value} en `{band}`"
                ),
                format!(
                    "{job} goes down with experience: {before} in `{before_band}`, {value} in `{band}`"
                ),
            )
        }
        Kind::UnusedParameter { name } => said(
            format!("le paramètre `{name}` n'est jamais lu"),
            format!("the parameter `{name}` is never used"),
        ),
        Kind::LongQuote { chars, max } => said(
            format!(
                "cette citation fait {chars} caractères, plus que les {max} d'une citation courte"
            ),
            format!("this quote is {chars} characters long, more than the {max} a short quote takes"),
        ),
        Kind::BelowLegalMinimum {
            level,
            coefficients,
            lowest,
            highest,
            law,
            day,
        } => below_legal_minimum(*level, coefficients, (*lowest, *highest), *law, *day),
        Kind::KnownUntilBeforeValue { name, known, last } => said(
            format!("`{name}` est dit connu jusqu'au {known}, mais il a une valeur à partir du {last}"),
            format!("`{name}` is said known until {known}, but it has a value from {last}"),
        ),
        Kind::ParameterBeforeFirstDate {
            name,
            first,
            agreement,
        } => said(
            format!(
                "`{name}` n'a pas de valeur avant le {first}, mais la convention est datée du {agreement}"
            ),
            format!("`{name}` has no value before {first}, but the agreement is dated {agreement}"),
        ),
        Kind::IncompleteExample(ExampleGap::Expectation) => said(
            "l'exemple n'attend rien",
            "the example expects nothing",
        ),
        Kind::IncompleteExample(gap) => example_gap(*gap).map(|gap, lang| match lang {
            Lang::Fr => format!("l'exemple n'a pas de {gap}"),
            Lang::En => format!("the example has no {gap}"),
        }),
        Kind::FunctionArity { function } => {
            let word = function_word(*function);
            said(
                format!("`{word}` demande deux valeurs ou plus"),
                format!("`{word}` needs two values or more"),
            )
        }
        Kind::BadRoundingUnit { unit } => said(
            format!("impossible d'arrondir à un multiple de {unit}"),
            format!("cannot round to a multiple of {unit}"),
        ),
        Kind::ConstantTest { holds } => {
            let (fr, en) = match holds {
                TestHolds::Always => ("toujours vrai", "always true"),
                TestHolds::Never => ("jamais vrai", "never true"),
            };
            said(
                format!("ce test compare deux nombres du fichier : il est {fr}"),
                format!("this test compares two numbers of the file: it is {en}"),
            )
        }
        Kind::Fact(problem) => problem.message(),
    }
}

/// A function's name as the rule file writes it.
pub(super) fn function_word(f: Function) -> &'static str {
    match f {
        Function::Max => "max",
        Function::Min => "min",
        Function::Round => "arrondi",
        Function::If => "si … alors … sinon",
        Function::Compare => "comparaison",
        Function::Annual => "annuel",
        Function::Monthly => "mensuel",
    }
}

/// `check --as-of`: a level paid below the SMIC, amounts as each language writes them.
fn below_legal_minimum(
    level: u32,
    coefficients: &str,
    (lowest, highest): (rust_decimal::Decimal, rust_decimal::Decimal),
    law: rust_decimal::Decimal,
    day: chrono::NaiveDate,
) -> Said {
    let money = |amount, lang| match lang {
        Lang::Fr => crate::explain::locale::money(amount, lang),
        Lang::En => crate::eval::money(amount),
    };
    let range = |lang| match (lowest == highest, lang) {
        (true, _) => money(lowest, lang),
        (false, Lang::Fr) => format!("de {} à {}", money(lowest, lang), money(highest, lang)),
        (false, Lang::En) => format!("{} to {}", money(lowest, lang), money(highest, lang)),
    };
    said(
        format!(
            "le {day}, le niveau {level} ({coefficients}) paie {}, moins que le SMIC ({})",
            range(Lang::Fr),
            money(law, Lang::Fr)
        ),
        format!(
            "on {day}, level {level} ({coefficients}) pays {}, below the SMIC ({})",
            range(Lang::En),
            money(law, Lang::En)
        ),
    )
}

pub(super) fn label(kind: &Kind) -> Said {
    let (fr, en) = match kind {
        Kind::Grid(problem) => return problem.label(),
        Kind::Trial(p) => return p.label(),
        Kind::Criteria(p) => return p.label(),
        Kind::NotUtf8 { .. } => ("pas en UTF-8", "not UTF-8"),
        Kind::Duplicate { what, .. } => duplicate_label(what),
        Kind::ReservedName { .. } => ("réservé", "reserved"),
        Kind::UnknownName { what, .. } => unknown_label(what),
        Kind::UnknownLevel { .. } => ("niveau inconnu", "unknown level"),
        Kind::UnavailableInput { .. } => (
            "sans valeur dans cette formule",
            "not available in this formula",
        ),
        Kind::TypeMismatch(m) => return mismatch_label(m),
        Kind::MissingValue(m) => return missing_label(m),
        Kind::DivisionByZero(_) => ("divise par zéro", "divides by zero"),
        Kind::EmptyCategory { .. } => ("aucun `niveau` ne suit", "no `niveau` follows"),
        Kind::NoGrid { first_job: true } => (
            "un métier, mais aucune `catégorie` avec des niveaux",
            "a job, but no `catégorie` with levels",
        ),
        Kind::NoGrid { .. } => (
            "aucune `catégorie` avec des niveaux",
            "no `catégorie` with levels",
        ),
        Kind::NoJob { grid: true } => {
            ("une grille, mais aucun `métier`", "a grid, but no `métier`")
        }
        Kind::NoJob { .. } => ("ni `catégorie` ni `métier`", "no `catégorie`, no `métier`"),
        Kind::TooManyCells { .. } => ("à partir de ce métier", "from this job on"),
        Kind::OverlappingLevels { upper_start, .. } => {
            return said(
                format!("commence à {upper_start}"),
                format!("starts at {upper_start}"),
            )
        }
        Kind::BadRange(r) => return bad_range_label(r),
        Kind::OffGridCoefficient { .. } => ("hors de la grille", "not in the grid"),
        Kind::TopOfGrid { .. } => ("rien au-dessus", "nothing above"),
        Kind::BadBands(b) => return bad_bands_label(b),
        Kind::NoFloor {
            jobs_without_classification: true,
        } => (
            "des métiers sans règle de classement",
            "jobs without a classification rule",
        ),
        Kind::NoFloor { .. } => ("vide", "empty"),
        Kind::NoCombination => (
            "ajoutez `le plus élevé l'emporte`",
            "add `le plus élevé l'emporte`",
        ),
        Kind::MisplacedOption { blank_cell: true } => ("pas un plancher métier", "not a job floor"),
        Kind::MisplacedOption { .. } => ("pas ce plancher", "not that floor"),
        Kind::StatusIncomplete { no_status: true } => (
            "des métiers sans règle de statut",
            "jobs without a status rule",
        ),
        Kind::StatusIncomplete { .. } => ("pas de `sinon`", "no `sinon`"),
        Kind::UnreachableRule { .. } => ("jamais atteinte", "never reached"),
        Kind::AmbiguousName { .. } => ("nomme aussi un autre métier", "also names another job"),
        Kind::AmbiguousDiplomaName { .. } => {
            ("nomme aussi un autre diplôme", "also names another diploma")
        }
        Kind::EntryDiplomaAboveJob { .. } => (
            "paie moins que son propre diplôme d'accueil",
            "pays less than its own entry diploma",
        ),
        Kind::EntryDiplomaOrder => ("lue du plus bas au plus élevé", "read as lowest to highest"),
        Kind::BlankCells { .. } => ("grille incomplète", "incomplete grid"),
        Kind::JobWithoutClassification { .. } => {
            ("toutes les tranches sont vides", "every band is blank")
        }
        Kind::DecreasingBand { .. } => (
            "plus bas que la tranche d'avant",
            "lower than the band before",
        ),
        Kind::UnusedParameter { .. } => {
            ("déclaré ici, lu nulle part", "declared here, used nowhere")
        }
        Kind::LongQuote { .. } => ("citée ici", "quoted here"),
        Kind::KnownUntilBeforeValue { .. } => ("avant la dernière valeur", "before the last value"),
        Kind::BelowLegalMinimum { .. } => (
            "le SMIC s'applique à ces coefficients",
            "the SMIC applies to these coefficients",
        ),
        Kind::ParameterBeforeFirstDate { first, .. } => {
            return said(
                format!("première valeur à partir du {first}"),
                format!("first value from {first}"),
            )
        }
        Kind::IncompleteExample(ExampleGap::Expectation) => {
            ("pas de `attendu :`", "no `attendu :`")
        }
        Kind::IncompleteExample(gap) => {
            return example_gap(*gap).map(|gap, lang| match lang {
                Lang::Fr => format!("pas de {gap}"),
                Lang::En => format!("no {gap}"),
            })
        }
        Kind::FunctionArity { .. } => ("une seule valeur", "one value"),
        Kind::BadRoundingUnit { .. } => ("pas au-dessus de zéro", "not above zero"),
        Kind::ConstantTest { .. } => (
            "le même chaque jour, pour chaque salarié",
            "the same on every day, for every employee",
        ),
        Kind::Fact(problem) => return problem.label(),
    };
    said(fr, en)
}
