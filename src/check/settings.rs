//! Values given from outside the rule file (`--set NAME=VALUE`): they pass the
//! checks the file's own values pass ([`literal_value`]), and a divisor may not
//! be set to zero.

use super::declarations::{declared_type, literal_value};
use super::formulas::divisor_params;
use super::*;
use crate::catalogue::Said;

/// Replaces a parameter's values by `text` for every date, once `text` has
/// passed the checks a value written in the rule file passes. The error says
/// why, in the rule file's terms (in English: [`set_parameter_said`] gives
/// both languages).
pub fn set_parameter(rules: &mut RuleSet, name: &str, text: &str) -> Result<(), String> {
    set_parameter_said(rules, name, text).map_err(|said| said.en)
}

/// [`set_parameter`], its error in French and English.
pub fn set_parameter_said(rules: &mut RuleSet, name: &str, text: &str) -> Result<(), Said> {
    let Some(id) = rules.param_index(name) else {
        return Err(unknown_parameter(rules, name));
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
            let (message, help) = (kind.message(), kind.help());
            Said::new(
                format!("{} ; {}", message.fr, help.fr),
                format!("{}; {}", message.en, help.en),
            )
        })?;
        if value == Value::Number(Decimal::ZERO) && divisor_params(rules).contains(&id) {
            return Err(Said::new(
                format!("une formule des règles divise par `{name}` : il ne peut pas valoir zéro"),
                format!("a formula of the rules divides by `{name}`: it cannot be zero"),
            ));
        }
    }
    rules.set_parameter(name, text).map_err(|english| {
        // The value's type, in the words `RuleSet::set_parameter` gives it.
        let fr = VALUE_WORDS
            .iter()
            .find(|(en, _)| english.ends_with(en))
            .map_or(english.clone(), |(_, fr)| {
                format!("`{text}` n'est pas une valeur valide pour `{name}`, qui est {fr}")
            });
        Said::new(fr, english)
    })
}

/// The types `RuleSet::set_parameter` names, in French.
const VALUE_WORDS: [(&str, &str); 5] = [
    ("a duration (e.g. `2 mois`, `183 jours`)", "une durée (par exemple `2 mois`, `183 jours`)"),
    ("an amount (e.g. `1850.00`)", "un montant (par exemple `1850.00`)"),
    ("a whole number", "un nombre entier"),
    ("a number (e.g. `37.5`) or a percentage (`25 %`)", "un nombre (par exemple `37.5`) ou un pourcentage (`25 %`)"),
    ("a number (e.g. `37.5`)", "un nombre (par exemple `37.5`)"),
];

/// A name no parameter of the rule set bears, with the closest or the list.
fn unknown_parameter(rules: &RuleSet, name: &str) -> Said {
    let names: Vec<&str> = rules.params.iter().map(|p| p.name.as_str()).collect();
    let close = crate::names::closest(name, names.iter().copied());
    let (fr, en) = match close.first() {
        Some(c) => (format!("vouliez-vous dire `{c}` ?"), format!("did you mean `{c}`?")),
        None => (
            format!("les paramètres sont : {}", names.join(", ")),
            format!("the parameters are: {}", names.join(", ")),
        ),
    };
    Said::new(
        format!("le jeu de règles n'a pas de paramètre `{name}` ; {fr}"),
        format!("the rule set has no parameter `{name}`; {en}"),
    )
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
