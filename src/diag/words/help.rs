//! The hint of each diagnostic: what to write instead, in French and English.

use super::*;

pub(in crate::diag) fn help(kind: &Kind) -> Said {
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
            "ajoutez ses niveaux : `niveau 1 : coefficients 100 à 110`",
            "add its levels: `niveau 1 : coefficients 100 à 110`",
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
            "dites ce que les règles doivent donner, par exemple `attendu : coefficient 100, niveau 1`",
            "say what the rules must give, e.g. `attendu : coefficient 100, niveau 1`",
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
