//! The words of type mismatches and missing values.

use super::super::kind::*;
use super::said;
use crate::catalogue::Said;
use crate::model::Type;
use crate::syntax::ast::{BinaryOp, ValueType};

pub(super) fn mismatch_message(m: &Mismatch) -> Said {
    match m {
        Mismatch::Literal {
            name,
            expected,
            found,
        } => {
            let (expected_fr, expected_en) = value_type_words(*expected);
            let (found_fr, found_en) = found_words(*found);
            said(
                format!("`{name}` est déclaré comme {expected_fr}, mais cette valeur {found_fr}"),
                format!("`{name}` is declared as {expected_en}, but this value is {found_en}"),
            )
        }
        Mismatch::DurationTable => said(
            "un barème contient des nombres ou des montants, pas des durées",
            "a table holds numbers or amounts, not durations",
        ),
        Mismatch::NotADuration { name, ty } => {
            let (fr, en) = type_words(*ty);
            said(
                format!("`{name}` est {fr}, il faut ici une durée"),
                format!("`{name}` is {en}, a duration is needed here"),
            )
        }
        Mismatch::MissionLimitInMonths => said(
            "la limite des missions se compte en jours",
            "the mission limit is counted in days",
        ),
        Mismatch::FormulaNotAmount(Type::Hourly) => said(
            "cette formule donne un montant horaire, il faut un montant mensuel",
            "this formula gives an hourly amount, a monthly amount is needed",
        ),
        Mismatch::FormulaNotAmount(ty) => {
            let (fr, en) = type_words(*ty);
            said(
                format!("cette formule donne {fr}, il faut un montant"),
                format!("this formula gives {en}, an amount is needed"),
            )
        }
        Mismatch::LevelMinimumUnits { first, this } => {
            let ((this_fr, this_en), (first_fr, first_en)) =
                (type_words(*this), type_words(*first));
            said(
                format!(
                    "le minimum de ce niveau est {this_fr}, celui d'un niveau précédent {first_fr}"
                ),
                format!("this level's minimum is {this_en}, an earlier level's is {first_en}"),
            )
        }
        Mismatch::FormulaNotNumber(ty) => {
            let (fr, en) = type_words(*ty);
            said(
                format!("cette formule donne {fr}, il faut un nombre"),
                format!("this formula gives {en}, a number is needed"),
            )
        }
        Mismatch::DurationInFormula(name) => said(
            format!("`{name}` est une durée et ne peut pas servir dans une formule"),
            format!("`{name}` is a duration and cannot be used in a formula"),
        ),
        Mismatch::TableWithoutRow(name) => said(
            format!("`{name}` est un barème : dites quelle ligne"),
            format!("`{name}` is a table: say which row"),
        ),
        Mismatch::TableKey => said(
            "une ligne de barème se choisit par un coefficient",
            "a table row is chosen by a coefficient",
        ),
        Mismatch::Operands { op, left, right } => {
            let (verb_fr, verb_en) = op_verbs(*op);
            let (left_fr, left_en) = type_words(*left);
            let (right_fr, right_en) = type_words(*right);
            said(
                format!("impossible {verb_fr} {left_fr} et {right_fr}"),
                format!("cannot {verb_en} {left_en} and {right_en}"),
            )
        }
        Mismatch::Arguments {
            function: Function::Round,
            left,
            ..
        } => {
            let (fr, en) = type_words(*left);
            said(
                format!("impossible d'arrondir {fr} à un multiple d'euros"),
                format!("cannot round {en} to a multiple of euros"),
            )
        }
        Mismatch::Arguments {
            function: function @ (Function::Annual | Function::Monthly),
            left,
            right,
        } => {
            let (f_fr, f_en) = arguments_words(*function);
            let ((l_fr, l_en), (r_fr, r_en)) = (type_words(*left), type_words(*right));
            said(
                format!("{f_fr} prend {r_fr}, ceci est {l_fr}"),
                format!("{f_en} takes {r_en}, this is {l_en}"),
            )
        }
        Mismatch::Arguments {
            function,
            left,
            right,
        } => {
            let (f_fr, f_en) = arguments_words(*function);
            let ((l_fr, l_en), (r_fr, r_en)) = (type_words(*left), type_words(*right));
            said(
                format!("{f_fr} mêle {l_fr} et {r_fr}"),
                format!("{f_en} mixes {l_en} and {r_en}"),
            )
        }
    }
}

pub(super) fn mismatch_label(m: &Mismatch) -> Said {
    let (fr, en) = match m {
        Mismatch::Literal { expected, .. } => {
            let (fr, en) = value_type_words(*expected);
            return said(format!("attendu : {fr}"), format!("expected {en}"));
        }
        Mismatch::DurationTable => ("interdit dans un barème", "not allowed in a table"),
        Mismatch::NotADuration { .. } => ("une durée est attendue", "expected a duration"),
        Mismatch::MissionLimitInMonths => (
            "un mois n'a pas un nombre fixe de jours",
            "months have no fixed number of days",
        ),
        Mismatch::FormulaNotAmount(_) => ("pas un montant", "not an amount"),
        Mismatch::LevelMinimumUnits { .. } => ("une autre unité", "another unit"),
        Mismatch::Arguments { .. } => ("les types ne vont pas ensemble", "types do not fit"),
        Mismatch::FormulaNotNumber(_) => ("pas un nombre", "not a number"),
        Mismatch::DurationInFormula(_) => ("une durée", "a duration"),
        Mismatch::TableWithoutRow(_) => ("un barème", "a table"),
        Mismatch::TableKey => ("pas un coefficient", "not a coefficient"),
        Mismatch::Operands { .. } => ("les types ne vont pas ensemble", "types do not fit"),
    };
    said(fr, en)
}

pub(super) fn mismatch_help(m: &Mismatch) -> Said {
    let (fr, en) = match m {
        Mismatch::Literal { found, .. } => match found {
            Found::Duration => ("écrivez un nombre ici", "write a number here"),
            Found::Number => (
                "écrivez une durée, par exemple `1 mois` ou `183 jours`",
                "write a duration, e.g. `1 mois` or `183 jours`",
            ),
            Found::Euros => (
                "retirez le `€`, ou déclarez le paramètre comme `montant`",
                "remove the `€`, or declare the parameter as `montant`",
            ),
            Found::PerHour => (
                "retirez le `€/h`, ou déclarez le paramètre comme `montant horaire`",
                "remove the `€/h`, or declare the parameter as `montant horaire`",
            ),
            Found::Hours => (
                "retirez le `h`, ou déclarez le paramètre comme `heures`",
                "remove the `h`, or declare the parameter as `heures`",
            ),
            Found::Percent => (
                "écrivez le montant lui-même, ou déclarez le paramètre comme `taux`",
                "write the amount itself, or declare the parameter as `taux`",
            ),
            Found::PerYear => (
                "retirez le `€/an`, ou déclarez le paramètre comme `montant annuel`",
                "remove the `€/an`, or declare the parameter as `montant annuel`",
            ),
            Found::NotWhole => (
                "écrivez un nombre entier, ou déclarez le paramètre comme `décimal`",
                "write a whole number, or declare the parameter as `décimal`",
            ),
            Found::Negative => (
                "les règles n'ont pas de valeurs négatives : écrivez zéro ou plus",
                "the rules have no negative values: write zero or more",
            ),
        },
        Mismatch::DurationTable => (
            "déclarez le barème comme `montant`, `décimal` ou `entier`",
            "declare the table as `montant`, `décimal` or `entier`",
        ),
        Mismatch::NotADuration { .. } => (
            "déclarez le paramètre comme `durée`",
            "declare the parameter as `durée`",
        ),
        Mismatch::MissionLimitInMonths => (
            "écrivez la limite en jours ou en semaines, par exemple `au plus 183 jours` pour six mois",
            "write the limit in days or weeks, e.g. `au plus 183 jours` for six months",
        ),
        Mismatch::FormulaNotAmount(Type::Hourly) => (
            "le minimum dû est mensuel : multipliez le montant horaire par `heures` (`minimum × heures`)",
            "the minimum owed is monthly: multiply the hourly amount by `heures` (`minimum × heures`)",
        ),
        Mismatch::LevelMinimumUnits { .. } => (
            "donnez à chaque niveau un minimum par mois, ou à chaque niveau un minimum par heure (`montant horaire`)",
            "give every level a minimum per month, or every level a minimum per hour (`montant horaire`)",
        ),
        Mismatch::FormulaNotAmount(_) => (
            "multipliez par un paramètre montant (par exemple `1.5 × valeur_point`) ou écrivez `€` après un nombre",
            "multiply by an amount parameter (e.g. `1.5 × valeur_point`) or write `€` after a number",
        ),
        Mismatch::FormulaNotNumber(_) => (
            "les heures sont des nombres simples, sans `€`",
            "hours are plain numbers, without `€`",
        ),
        Mismatch::DurationInFormula(_) => (
            "les formules calculent des montants et des nombres",
            "formulas compute amounts and numbers",
        ),
        Mismatch::TableWithoutRow(name) => {
            return said(
                format!("écrivez `{name}[coefficient]`"),
                format!("write `{name}[coefficient]`"),
            )
        }
        Mismatch::TableKey => (
            "écrivez `barème[coefficient]`",
            "write `table[coefficient]`",
        ),
        Mismatch::Operands {
            left: Type::Hourly,
            right: Type::Amount,
            ..
        }
        | Mismatch::Operands {
            left: Type::Amount,
            right: Type::Hourly,
            ..
        } => (
            "un montant horaire et un montant mensuel : multipliez d'abord le montant horaire par `heures`",
            "an hourly amount and a monthly one: multiply the hourly amount by `heures` first",
        ),
        Mismatch::Operands { .. } => (
            "un montant s'ajoute à un montant ; un montant se multiplie ou se divise par un nombre",
            "amounts add to amounts; an amount is multiplied or divided by a number",
        ),
        Mismatch::Arguments {
            function: Function::Annual | Function::Monthly,
            ..
        } => (
            "`annuel(x)` rend annuel un montant mensuel (× 12), `mensuel(x)` rend mensuel un montant annuel (÷ 12)",
            "`annuel(x)` makes a monthly amount annual (× 12), `mensuel(x)` an annual one monthly (÷ 12)",
        ),
        Mismatch::Arguments {
            function: Function::Round,
            ..
        } => (
            "arrondissez un nombre à un multiple simple (`arrondi(x, 0.5)`), un montant à `1 €`",
            "round a number to a plain multiple (`arrondi(x, 0.5)`), an amount to `1 €`",
        ),
        Mismatch::Arguments { .. } => (
            "donnez un seul type à toutes les valeurs, des montants avec des montants, des nombres avec des nombres (un nombre écrit sans `€` prend le type des autres)",
            "give every value one type, amounts with amounts, numbers with numbers (a number written without `€` takes the type of the others)",
        ),
    };
    said(fr, en)
}

/// What a literal turned out to be: in French the whole predicate ("est une
/// durée", "n'est pas un nombre entier"), in English what follows "is".
fn found_words(found: Found) -> (&'static str, &'static str) {
    match found {
        Found::Duration => ("est une durée", "a duration"),
        Found::Number => ("est un nombre", "a number"),
        Found::Euros => ("est un montant en euros", "an amount in euros"),
        Found::PerHour => ("est un montant par heure", "an amount per hour"),
        Found::Hours => ("est un nombre d'heures", "a number of hours"),
        Found::Percent => ("est un pourcentage", "a percentage"),
        Found::PerYear => ("est un montant par an", "an amount per year"),
        Found::NotWhole => ("n'est pas un nombre entier", "not a whole number"),
        Found::Negative => ("est inférieure à zéro", "below zero"),
    }
}

/// A declared type, as a person says it: French, then English.
fn value_type_words(t: ValueType) -> (&'static str, &'static str) {
    match t {
        ValueType::Amount => ("un montant", "an amount"),
        ValueType::HourlyAmount => ("un montant horaire", "an hourly amount"),
        ValueType::Hours => ("un nombre d'heures", "a number of hours"),
        ValueType::Rate => ("un taux", "a rate"),
        ValueType::AnnualAmount => ("un montant annuel", "an annual amount"),
        ValueType::Decimal => ("un nombre", "a number"),
        ValueType::Integer => ("un nombre entier", "a whole number"),
        ValueType::Duration => ("une durée", "a duration"),
    }
}

fn type_words(t: Type) -> (&'static str, &'static str) {
    match t {
        Type::Amount => ("un montant", "an amount"),
        Type::Hourly => ("un montant horaire", "an hourly amount"),
        Type::Hours => ("un nombre d'heures", "a number of hours"),
        Type::Annual => ("un montant annuel", "an annual amount"),
        Type::Number => ("un nombre", "a number"),
        Type::Duration => ("une durée", "a duration"),
    }
}

fn arguments_words(f: Function) -> (&'static str, &'static str) {
    match f {
        Function::Max => ("`max`", "`max`"),
        Function::Min => ("`min`", "`min`"),
        Function::Round => ("`arrondi`", "`arrondi`"),
        Function::If => ("ce `si … alors … sinon`", "this `si … alors … sinon`"),
        Function::Compare => ("cette comparaison", "this comparison"),
        Function::Annual => ("`annuel(…)`", "`annuel(…)`"),
        Function::Monthly => ("`mensuel(…)`", "`mensuel(…)`"),
    }
}

fn op_verbs(op: BinaryOp) -> (&'static str, &'static str) {
    match op {
        BinaryOp::Add => ("d'additionner", "add"),
        BinaryOp::Sub => ("de soustraire", "subtract"),
        BinaryOp::Mul => ("de multiplier", "multiply"),
        BinaryOp::Div => ("de diviser", "divide"),
    }
}

// ---------------------------------------------------------------- missing values

pub(super) fn missing_message(m: &Missing) -> Said {
    match m {
        Missing::ParameterValue(name) => said(
            format!("le paramètre `{name}` n'a pas de valeur"),
            format!("the parameter `{name}` has no value"),
        ),
        Missing::TableRows(name) => said(
            format!("le barème `{name}` n'a aucune ligne"),
            format!("the table `{name}` has no rows"),
        ),
        Missing::ReferenceHours => said(
            "le salaire minimum lit `heures`, mais aucun horaire de référence n'est déclaré",
            "the minimum salary uses `heures`, but no reference hours are declared",
        ),
        Missing::MissionCap => said(
            "le plancher des missions demande un `plafond des missions`",
            "the mission floor needs a `plafond des missions`",
        ),
        Missing::MissionCapPart(what) => said(
            format!("le plafond des missions demande `{what}`"),
            format!("the mission cap needs `{what}`"),
        ),
    }
}

pub(super) fn missing_label(m: &Missing) -> Said {
    let (fr, en) = match m {
        Missing::ParameterValue(_) => ("pas de valeur", "no value"),
        Missing::TableRows(_) => ("vide", "empty"),
        Missing::ReferenceHours => ("demande un horaire de référence", "needs reference hours"),
        Missing::MissionCap => (
            "aucun plafond des missions déclaré",
            "no mission cap declared",
        ),
        Missing::MissionCapPart(what) => {
            return said(format!("pas de `{what}`"), format!("no `{what}`"))
        }
    };
    said(fr, en)
}

pub(super) fn missing_help(m: &Missing) -> (&'static str, &'static str) {
    match m {
        Missing::ParameterValue(_) => (
            "donnez une valeur et la date à partir de laquelle elle s'applique, par exemple `1234.50 € depuis 2020-01-01`",
            "give a value and the date it applies from, e.g. `1234.50 € depuis 2020-01-01`",
        ),
        Missing::TableRows(_) => (
            "ajoutez `depuis DATE` suivi de lignes `100 : 400`",
            "add `depuis DATE` followed by rows `100 : 400`",
        ),
        Missing::ReferenceHours => (
            "ajoutez `temps de travail` avec `heures de référence : ...`, l'horaire d'un salarié qui n'en donne pas",
            "add `temps de travail` with `heures de référence : ...`, the hours of an employee who gives none",
        ),
        Missing::MissionCap => (
            "déclarez `plafond des missions` avec sa fenêtre, sa limite et son droit",
            "declare `plafond des missions` with its window, limit and claim",
        ),
        Missing::MissionCapPart(_) => (
            "écrivez `fenêtre 24 mois`, `au plus 183 jours` et `droit : tranche debutant`",
            "write `fenêtre 24 mois`, `au plus 183 jours` and `droit : tranche debutant`",
        ),
    }
}
