//! The words of a type mismatch ([`Mismatch`]): message, label and help, with
//! the names of types and operators they are made of. Part of [`super::words`].

use super::kind::*;
use crate::model::Type;
use crate::syntax::ast::{BinaryOp, ValueType};

pub(super) fn mismatch_message(m: &Mismatch) -> String {
    match m {
        Mismatch::Literal {
            name,
            expected,
            found,
        } => format!(
            "`{name}` is declared as {}, but this value is {}",
            value_type_word(*expected),
            found_word(*found)
        ),
        Mismatch::DurationTable => "a table holds numbers or amounts, not durations".to_string(),
        Mismatch::NotADuration { name, ty } => {
            format!("`{name}` is {}, a duration is needed here", type_word(*ty))
        }
        Mismatch::MissionLimitInMonths => "the mission limit is counted in days".to_string(),
        Mismatch::FormulaNotAmount(Type::Hourly) => {
            "this formula gives an hourly amount, a monthly amount is needed".to_string()
        }
        Mismatch::FormulaNotAmount(ty) => {
            format!("this formula gives {}, an amount is needed", type_word(*ty))
        }
        Mismatch::LevelMinimumUnits { first, this } => format!(
            "this level's minimum is {}, an earlier level's is {}",
            type_word(*this),
            type_word(*first)
        ),
        Mismatch::FormulaNotNumber(ty) => {
            format!("this formula gives {}, a number is needed", type_word(*ty))
        }
        Mismatch::DurationInFormula(name) => {
            format!("`{name}` is a duration and cannot be used in a formula")
        }
        Mismatch::TableWithoutRow(name) => format!("`{name}` is a table: say which row"),
        Mismatch::TableKey => "a table row is chosen by a coefficient".to_string(),
        Mismatch::Operands { op, left, right } => format!(
            "cannot {} {} and {}",
            op_verb(*op),
            type_word(*left),
            type_word(*right)
        ),
        Mismatch::Arguments {
            function: Function::Round,
            left,
            ..
        } => format!("cannot round {} to a multiple of euros", type_word(*left)),
        Mismatch::Arguments {
            function: function @ (Function::Annual | Function::Monthly),
            left,
            right,
        } => format!(
            "{} takes {}, this is {}",
            arguments_word(*function),
            type_word(*right),
            type_word(*left)
        ),
        Mismatch::Arguments {
            function,
            left,
            right,
        } => format!(
            "{} mixes {} and {}",
            arguments_word(*function),
            type_word(*left),
            type_word(*right)
        ),
    }
}

pub(super) fn mismatch_label(m: &Mismatch) -> String {
    let text = match m {
        Mismatch::Literal { expected, .. } => {
            return format!("expected {}", value_type_word(*expected))
        }
        Mismatch::DurationTable => "not allowed in a table",
        Mismatch::NotADuration { .. } => "expected a duration",
        Mismatch::MissionLimitInMonths => "months have no fixed number of days",
        Mismatch::FormulaNotAmount(_) => "not an amount",
        Mismatch::LevelMinimumUnits { .. } => "another unit",
        Mismatch::FormulaNotNumber(_) => "not a number",
        Mismatch::DurationInFormula(_) => "a duration",
        Mismatch::TableWithoutRow(_) => "a table",
        Mismatch::TableKey => "not a coefficient",
        Mismatch::Operands { .. } => "types do not fit",
        Mismatch::Arguments { .. } => "types do not fit",
    };
    text.to_string()
}

pub(super) fn mismatch_help(m: &Mismatch) -> String {
    let text = match m {
        Mismatch::Literal { found, .. } => match found {
            Found::Duration => "write a number here",
            Found::Number => "write a duration, e.g. `1 mois` or `183 jours`",
            Found::Euros => "remove the `€`, or declare the parameter as `montant`",
            Found::PerHour => "remove the `€/h`, or declare the parameter as `montant horaire`",
            Found::Hours => "remove the `h`, or declare the parameter as `heures`",
            Found::Percent => "write the amount itself, or declare the parameter as `taux`",
            Found::PerYear => "remove the `€/an`, or declare the parameter as `montant annuel`",
            Found::NotWhole => "write a whole number, or declare the parameter as `décimal`",
            Found::Negative => "the rules have no negative values: write zero or more",
        },
        Mismatch::DurationTable => "declare the table as `montant`, `décimal` or `entier`",
        Mismatch::NotADuration { .. } => "declare the parameter as `durée`",
        Mismatch::MissionLimitInMonths => {
            "write the limit in days or weeks, e.g. `au plus 183 jours` for six months"
        }
        Mismatch::FormulaNotAmount(Type::Hourly) => {
            "the minimum owed is monthly: multiply the hourly amount by `heures` (`minimum × heures`)"
        }
        Mismatch::LevelMinimumUnits { .. } => {
            "give every level a minimum per month, or every level a minimum per hour (`montant horaire`)"
        }
        Mismatch::FormulaNotAmount(_) => {
            "multiply by an amount parameter (e.g. `1.4 × smcc`) or write `€` after a number"
        }
        Mismatch::FormulaNotNumber(_) => "hours are plain numbers, without `€`",
        Mismatch::DurationInFormula(_) => "formulas compute amounts and numbers",
        Mismatch::TableWithoutRow(name) => return format!("write `{name}[coefficient]`"),
        Mismatch::TableKey => "write `table[coefficient]`",
        Mismatch::Operands {
            left: Type::Hourly,
            right: Type::Amount,
            ..
        }
        | Mismatch::Operands {
            left: Type::Amount,
            right: Type::Hourly,
            ..
        } => "an hourly amount and a monthly one: multiply the hourly amount by `heures` first",
        Mismatch::Operands { .. } => {
            "amounts add to amounts; an amount is multiplied or divided by a number"
        }
        Mismatch::Arguments {
            function: Function::Annual | Function::Monthly,
            ..
        } => "`annuel(x)` makes a monthly amount annual (× 12), `mensuel(x)` an annual one monthly (÷ 12)",
        Mismatch::Arguments {
            function: Function::Round,
            ..
        } => "round a number to a plain multiple (`arrondi(x, 0.5)`), an amount to `1 €`",
        Mismatch::Arguments { .. } => {
            "give every value one type, amounts with amounts, numbers with numbers (a number written without `€` takes the type of the others)"
        }
    };
    text.to_string()
}

fn arguments_word(f: Function) -> &'static str {
    match f {
        Function::Max => "`max`",
        Function::Min => "`min`",
        Function::Round => "`arrondi`",
        Function::If => "this `si … alors … sinon`",
        Function::Compare => "this comparison",
        Function::Annual => "`annuel(…)`",
        Function::Monthly => "`mensuel(…)`",
    }
}

fn found_word(found: Found) -> &'static str {
    match found {
        Found::Duration => "a duration",
        Found::Number => "a number",
        Found::Euros => "an amount in euros",
        Found::PerHour => "an amount per hour",
        Found::Hours => "a number of hours",
        Found::Percent => "a percentage",
        Found::PerYear => "an amount per year",
        Found::NotWhole => "not a whole number",
        Found::Negative => "below zero",
    }
}

fn value_type_word(t: ValueType) -> &'static str {
    match t {
        ValueType::Amount => "an amount",
        ValueType::HourlyAmount => "an hourly amount",
        ValueType::Hours => "a number of hours",
        ValueType::Rate => "a rate",
        ValueType::AnnualAmount => "an annual amount",
        ValueType::Decimal => "a number",
        ValueType::Integer => "a whole number",
        ValueType::Duration => "a duration",
    }
}

fn type_word(t: Type) -> &'static str {
    match t {
        Type::Amount => "an amount",
        Type::Hourly => "an hourly amount",
        Type::Hours => "a number of hours",
        Type::Annual => "an annual amount",
        Type::Number => "a number",
        Type::Duration => "a duration",
    }
}

fn op_verb(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "subtract",
        BinaryOp::Mul => "multiply",
        BinaryOp::Div => "divide",
    }
}
