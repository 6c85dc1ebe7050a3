//! Values given from outside the rule file (`--set NAME=VALUE`): they pass the
//! checks the file's own values pass ([`literal_value`]), and a divisor may not
//! be set to zero.

use super::declarations::{declared_type, literal_value};
use super::formulas::divisor_params;
use super::*;

/// Replaces a parameter's values by `text` for every date, once `text` has
/// passed the checks a value written in the rule file passes. The error says
/// why, in the rule file's terms.
pub fn set_parameter(rules: &mut RuleSet, name: &str, text: &str) -> Result<(), String> {
    let Some(id) = rules.param_index(name) else {
        return rules.set_parameter(name, text); // says which names there are
    };
    let param = &rules.params[id];
    let expected = declared_type(param.ty, param.integer);
    // What the rule set cannot read as a value is refused by `set_parameter` itself.
    if let Some(literal) = written_literal(text.trim()) {
        let value = literal_value(literal, expected).map_err(|found| {
            let name = name.to_string();
            let kind = Kind::TypeMismatch(Mismatch::Literal {
                name,
                expected,
                found,
            });
            format!("{}; {}", kind.message().en, kind.help().en)
        })?;
        if value == Value::Number(Decimal::ZERO) && divisor_params(rules).contains(&id) {
            return Err(format!(
                "a formula of the rules divides by `{name}`: it cannot be zero"
            ));
        }
    }
    rules.set_parameter(name, text)
}

/// `text` as the rule file would write it: a duration, or a number with `€`
/// (`EUR`) or without.
fn written_literal(text: &str) -> Option<Literal> {
    if let Some(duration) = model::parse_duration(text) {
        return Some(Literal::Duration(duration));
    }
    use crate::syntax::ast::NumberUnit;
    let units = [
        ("€/h", NumberUnit::EuroPerHour),
        ("€/an", NumberUnit::EuroPerYear),
        ("EUR/an", NumberUnit::EuroPerYear),
        ("EUR/h", NumberUnit::EuroPerHour),
        ("€", NumberUnit::Euro),
        ("EUR", NumberUnit::Euro),
        (" h", NumberUnit::Hours),
        ("%", NumberUnit::Percent),
    ];
    let (number, unit) = units
        .iter()
        .find_map(|(suffix, unit)| Some((text.strip_suffix(suffix)?, *unit)))
        .unwrap_or((text, NumberUnit::None));
    let value = crate::facts::parse_decimal(number.trim_end())?;
    Some(Literal::Number { value, unit })
}
