//! Values typed on a command line: `--set NAME=VALUE` (the what-if of one
//! run) and durations written in words.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Duration, RuleSet, TimeUnit, Type, Value};

impl RuleSet {
    /// Replaces a parameter's dated values by one value for every date: the
    /// what-if of `--set NAME=VALUE`. The error names the parameter and its type.
    pub fn set_parameter(&mut self, name: &str, text: &str) -> Result<(), String> {
        let Some(id) = self.param_index(name) else {
            let names: Vec<&str> = self.params.iter().map(|p| p.name.as_str()).collect();
            let close = crate::names::closest(name, names.iter().copied());
            let hint = match close.first() {
                Some(c) => format!("did you mean `{c}`?"),
                None => format!("the parameters are: {}", names.join(", ")),
            };
            return Err(format!("the rule set has no parameter `{name}`; {hint}"));
        };
        let param = &mut self.params[id];
        let value = parse_value(text.trim(), param.ty, param.integer).map_err(|expected| {
            format!("`{text}` is not a valid value for `{name}`, which is {expected}")
        })?;
        param.values = vec![(NaiveDate::MIN, value)];
        // The run's own value: no text it is known from, nothing to warn about.
        param.known_until = None;
        Ok(())
    }
}

/// A value as typed on a command line, for a parameter of type `ty`.
fn parse_value(text: &str, ty: Type, integer: bool) -> Result<Value, &'static str> {
    match ty {
        Type::Duration => parse_duration(text)
            .map(Value::Duration)
            .ok_or("a duration (e.g. `2 mois`, `183 jours`)"),
        Type::Amount | Type::Hourly | Type::Annual => {
            let number = text
                .trim_end_matches("€/h")
                .trim_end_matches("EUR/h")
                .trim_end_matches("€/an")
                .trim_end_matches("EUR/an")
                .trim_end();
            let number = number
                .trim_end_matches('€')
                .trim_end_matches("EUR")
                .trim_end();
            crate::facts::parse_decimal(number)
                .map(Value::Number)
                .ok_or("an amount (e.g. `1850.00`)")
        }
        Type::Number if integer => text
            .parse::<u32>()
            .map(|n| Value::Number(n.into()))
            .map_err(|_| "a whole number"),
        // `25%` or `25 %`: a rate in percent.
        Type::Number if text.ends_with('%') => {
            crate::facts::parse_decimal(text.trim_end_matches('%').trim_end())
                .map(|v| Value::Number(v / Decimal::ONE_HUNDRED))
                .ok_or("a number (e.g. `37.5`) or a percentage (`25 %`)")
        }
        Type::Number | Type::Hours => crate::facts::parse_decimal(text.trim_end_matches(" h"))
            .map(Value::Number)
            .ok_or("a number (e.g. `37.5`)"),
    }
}

/// `N unit`, with the units of the language (`jours`, `semaines`, `mois`, `ans`, or English).
pub fn parse_duration(text: &str) -> Option<Duration> {
    let mut words = text.split_whitespace();
    let count = words.next()?.parse::<u32>().ok()?;
    let unit = match words.next()? {
        "jour" | "jours" | "day" | "days" => TimeUnit::Days,
        "semaine" | "semaines" | "week" | "weeks" => TimeUnit::Weeks,
        "mois" | "month" | "months" => TimeUnit::Months,
        "an" | "ans" | "année" | "années" | "annee" | "annees" | "year" | "years" => {
            TimeUnit::Years
        }
        _ => return None,
    };
    words.next().is_none().then_some(Duration { count, unit })
}
