//! The words of each [`Kind`]: its message (what is wrong, one sentence), its
//! label (on the exact span) and its help (what to do), each in French and in
//! English side by side ([`Said`]). Messages are lowercase, user text in
//! backticks; the rule file's keywords are French in both languages.

mod names;
mod ranges;
mod types;

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
/// `` `conseiller-clientele` (Conseiller clientèle) ``; the id alone when the
/// name says nothing more (`superviseur`, "Superviseur": the same words).
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

pub(super) fn help(kind: &Kind) -> Said {
    let (fr, en) = match kind {
        Kind::Grid(problem) => return problem.help(),
        Kind::Trial(p) => return p.help(),
        Kind::Criteria(p) => return p.help(),
        Kind::NotUtf8 { .. } => (
            "enregistrez-le en UTF-8 (un export Windows-1252 ou Latin-1 doit d'abord être converti)",
            "save it as UTF-8 (a Windows-1252 or Latin-1 export must be converted first)",
        ),
        Kind::Duplicate { what, .. } => return duplicate_help(what),
        Kind::ReservedName { .. } => (
            "choisissez un autre nom : `heures`, `coefficient` et `minimum` sont réservés",
            "choose another name: `heures`, `coefficient` and `minimum` are reserved",
        ),
        Kind::UnknownName {
            what, candidates, ..
        } => return did_you_mean(what, candidates),
        Kind::UnknownLevel { levels, .. } => {
            return said(
                format!("la grille a les niveaux {levels}"),
                format!("the grid has levels {levels}"),
            )
        }
        Kind::UnavailableInput { input, .. } => input_help(*input),
        Kind::TypeMismatch(m) => return mismatch_help(m),
        Kind::MissingValue(m) => missing_help(m),
        Kind::DivisionByZero(Divisor::Literal) => (
            "une division par zéro n'a pas de valeur : divisez par un autre nombre",
            "a division by zero has no value: divide by another number",
        ),
        Kind::DivisionByZero(_) => (
            "tout salarié décidé à cette date serait rejeté : donnez au paramètre une valeur autre que zéro",
            "every employee decided on that date would be rejected: give the parameter a value other than zero",
        ),
        Kind::EmptyCategory { .. } => (
            "ajoutez ses niveaux : `niveau 1 : coefficients 120 à 140`",
            "add its levels: `niveau 1 : coefficients 120 à 140`",
        ),
        Kind::NoGrid { .. } => (
            "déclarez des catégories et leurs niveaux avec leurs coefficients",
            "declare categories and their levels with coefficients",
        ),
        Kind::NoJob { .. } => (
            "un jeu de règles classe des métiers sur une grille : déclarez les catégories avec leurs niveaux, puis les métiers (`métier id \"Nom\"` et leurs valeurs de tranche)",
            "a rule set classifies jobs on a grid: declare categories with their levels, then jobs (`métier id \"Name\"` and their band values)",
        ),
        Kind::TooManyCells { .. } => (
            "découpez le jeu de règles, ou donnez moins de tranches aux métiers",
            "split the rule set, or give the jobs fewer bands",
        ),
        Kind::OverlappingLevels { .. } => (
            "un coefficient appartient à un seul niveau",
            "a coefficient must belong to exactly one level",
        ),
        Kind::BadRange(r) => return bad_range_help(r),
        Kind::OffGridCoefficient { nearest, .. } => {
            let numbers: Vec<String> = nearest.iter().map(u32::to_string).collect();
            return said(
                format!(
                    "les coefficients les plus proches de la grille sont {}",
                    listed(&numbers, "et", "aucun")
                ),
                format!(
                    "the nearest coefficients of the grid are {}",
                    listed(&numbers, "and", "none")
                ),
            );
        }
        Kind::TopOfGrid { .. } => (
            "un coefficient transitoire demande un coefficient plus élevé dans la grille",
            "a transitional coefficient needs a higher coefficient in the grid",
        ),
        Kind::BadBands(b) => return bad_bands_help(b),
        Kind::NoFloor {
            jobs_without_classification: true,
        } => (
            "ajoutez `classement` avec `plancher métier` et `le plus élevé l'emporte`",
            "add `classement` with `plancher métier` and `le plus élevé l'emporte`",
        ),
        Kind::NoFloor { .. } => (
            "listez au moins `plancher métier`",
            "list at least `plancher métier`",
        ),
        Kind::NoCombination => (
            "les planchers se combinent en prenant le plus élevé : écrivez `le plus élevé l'emporte`",
            "floors combine by taking the highest: write `le plus élevé l'emporte`",
        ),
        Kind::MisplacedOption { blank_cell: true } => (
            "placez-la sous `plancher métier`",
            "move it under `plancher métier`",
        ),
        Kind::MisplacedOption { .. } => (
            "placez-la sous `plancher coefficient antérieur`",
            "move it under `plancher coefficient antérieur`",
        ),
        Kind::StatusIncomplete { no_status: true } => (
            "ajoutez `statut` suivi de règles comme `cadre si catégorie cadres` et `non-cadre sinon`",
            "add `statut` followed by rules such as `cadre si catégorie cadres` and `non-cadre sinon`",
        ),
        Kind::StatusIncomplete { .. } => (
            "terminez par une règle qui prend tous les cas, par exemple `non-cadre sinon`",
            "end with a catch-all rule, e.g. `non-cadre sinon`",
        ),
        Kind::UnreachableRule { .. } => ("mettez `sinon` en dernier", "put `sinon` last"),
        Kind::AmbiguousName { .. } => (
            "les salariés enregistrés sous ce nom ne peuvent pas être classés ; renommez l'un des métiers ou retirez l'appellation",
            "employees recorded under this name cannot be classified; rename one of them or remove the alias",
        ),
        Kind::AmbiguousDiplomaName { .. } => (
            "les faits qui donnent ce nom sont refusés (un identifiant reste lu comme son propre diplôme) ; retirez l'appellation de l'un d'eux",
            "facts giving this name are refused (an id is still read as its own diploma); remove the alias from one of them",
        ),
        Kind::EntryDiplomaAboveJob { .. } => (
            "un débutant qui a le diplôme attendu reçoit le plancher du diplôme, pas la valeur du métier",
            "a beginner holding the expected diploma gets the diploma floor, not the job's value",
        ),
        Kind::EntryDiplomaOrder => (
            "écrivez le diplôme le plus bas en premier",
            "write the lower diploma first",
        ),
        Kind::BlankCells { .. } => (
            "une tranche vide prend la valeur que dit le classement (`case vide`)",
            "a blank band takes the value the classification says (`case vide`)",
        ),
        Kind::JobWithoutClassification { .. } => (
            "les salariés de ce métier ne reçoivent que les autres planchers (diplôme, coefficient antérieur…)",
            "employees in this job get only the other floors (diploma, previous coefficient…)",
        ),
        Kind::DecreasingBand { .. } => (
            "l'avancement automatique ne devrait jamais baisser un coefficient",
            "automatic advancement should never lower a coefficient",
        ),
        Kind::UnusedParameter { .. } => (
            "lisez-le dans une formule ou une règle, ou retirez-le",
            "use it in a formula or a rule, or remove it",
        ),
        Kind::LongQuote { .. } => (
            "ne citez que les mots que la règle traduit ; la `source` dit au lecteur où est le reste",
            "quote only the words the rule encodes; the `source` tells the reader where the rest is",
        ),
        Kind::KnownUntilBeforeValue { .. } => (
            "avancez la date au dernier jour que confirment les textes, le jour de la dernière valeur ou après",
            "move the date to the last day the texts confirm, on or after the last value",
        ),
        Kind::BelowLegalMinimum { .. } => (
            "les salariés à ces coefficients ont droit au SMIC ; un nouvel accord de salaires relèverait la grille au-dessus",
            "employees at these coefficients are owed the SMIC; a new salary accord would raise the grid above it",
        ),
        Kind::ParameterBeforeFirstDate { .. } => (
            "les salariés évalués avant cette date sont rejetés ; ajoutez la valeur antérieure ou datez la convention plus tard",
            "employees evaluated before that date are rejected; add the earlier value or date the agreement later",
        ),
        Kind::IncompleteExample(ExampleGap::Expectation) => (
            "dites ce que les règles doivent donner, par exemple `attendu : coefficient 190, tranche experimente`",
            "say what the rules must give, e.g. `attendu : coefficient 190, tranche experimente`",
        ),
        Kind::IncompleteExample(_) => (
            "un exemple demande `au DATE`, et `faits :` avec au moins `métier \"…\"` et `depuis DATE`",
            "an example needs `au DATE`, and `faits :` with at least `métier \"…\"` and `depuis DATE`",
        ),
        Kind::FunctionArity {
            function: Function::Min,
        } => (
            "`min(a, b)` donne la plus basse de ses valeurs : ajoutez la valeur comparée",
            "`min(a, b)` gives the lower of its values: add the value compared",
        ),
        Kind::FunctionArity { .. } => (
            "`max(a, b)` donne la plus haute de ses valeurs : ajoutez la valeur comparée",
            "`max(a, b)` gives the higher of its values: add the value compared",
        ),
        Kind::BadRoundingUnit { .. } => (
            "écrivez le multiple auquel arrondir, par exemple `arrondi(x, 1 €, supérieur)` à l'euro au-dessus",
            "write the multiple to round to, e.g. `arrondi(x, 1 €, supérieur)` to the euro above",
        ),
        Kind::ConstantTest { .. } => (
            "comparez une valeur qui change (un paramètre, `heures`, `coefficient`), ou retirez le `si`",
            "compare a value that changes (a parameter, `heures`, `coefficient`), or remove the `si`",
        ),
        Kind::Fact(problem) => return problem.help(),
    };
    said(fr, en)
}
