//! Formulas: exact decimal arithmetic, rounding half away from zero to the cent.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::trace::{Gloss, Step, StepKind, Tracer};
use crate::model::{BinaryOp, Expr, ExprKind, Input, RuleSet, Value};

/// Rounds to the cent, half away from zero (1 810,305 → 1 810,31), as the salary texts do.
pub fn round_cent(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Orders two numbers. Those written to the same number of decimals (salaries and
/// minimums to the cent, hours as the rule file writes them) are compared as
/// integers, without the general rescaling.
pub fn compare(a: Decimal, b: Decimal) -> Ordering {
    if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(&b)
    }
}

/// The values a formula may read besides parameters.
#[derive(Clone, Copy, Default)]
pub struct Inputs<'d> {
    pub hours: Option<Decimal>,
    pub coefficient: Option<u32>,
    pub level_minimum: Option<Decimal>,
    /// The decision's declared facts and clocks, for a rule set that declares
    /// facts (`None` elsewhere, and in the tables kept per coefficient).
    pub facts: Option<&'d super::facts::DecisionFacts<'d>>,
    /// The position the facts give, on a named grid (issue #22).
    pub position: Option<crate::model::grid::PositionId>,
}

/// Evaluates formulas against the rules in force on one day.
pub struct Formulas<'r> {
    pub rules: &'r RuleSet,
    pub day: NaiveDate,
}

impl<'r> Formulas<'r> {
    pub fn eval<'a, T: Tracer<'a>>(
        &self,
        e: &Expr,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Decimal, String>
    where
        'r: 'a,
    {
        match &e.kind {
            ExprKind::Number(v) => Ok(*v),
            ExprKind::Param(p) => {
                let param = &self.rules.params[*p];
                match param.at(self.day) {
                    Some((from, Value::Number(v))) => {
                        t.step(|| Step {
                            kind: StepKind::Parameter {
                                name: param.name.as_str().into(),
                                value: v.to_string().into(),
                                from: (from != NaiveDate::MIN).then_some(from),
                                cited: param.cited(from),
                            },
                            rule: Some(self.rules.place(param.origin.span)),
                            source: param.origin.source.as_deref(),
                            gloss: Gloss::of(&[&param.origin]),
                        });
                        Ok(v)
                    }
                    Some((_, Value::Duration(_))) => {
                        Err(format!("`{}` is a duration, not a number", param.name))
                    }
                    None => Err(not_in_force(
                        &param.name,
                        param.values.first().map(|v| v.0),
                        self.day,
                    )),
                }
            }
            ExprKind::Lookup(table, key) => {
                let key = self.eval(key, inputs, t)?;
                let table = &self.rules.tables[*table];
                let Some((from, rows)) = table.at(self.day) else {
                    return Err(not_in_force(
                        &table.name,
                        table.versions.first().map(|v| v.0),
                        self.day,
                    ));
                };
                let row = key.to_u32().filter(|_| key.fract().is_zero());
                let value = row.and_then(|k| rows.get(&k)).copied().ok_or_else(|| {
                    format!(
                        "the table `{}` in force from {from} has no row for {key}",
                        table.name
                    )
                })?;
                t.step(|| Step {
                    kind: StepKind::Parameter {
                        name: match row.and_then(|k| self.rules.grids.rank_label(k)) {
                            Some(label) => format!("{}[{label}]", table.name).into(),
                            None => format!("{}[{key}]", table.name).into(),
                        },
                        value: value.to_string().into(),
                        from: Some(*from),
                        cited: table
                            .cited
                            .iter()
                            .find(|(d, _)| d == from)
                            .map(|(_, c)| &**c),
                    },
                    rule: Some(self.rules.place(table.origin.span)),
                    source: table.origin.source.as_deref(),
                    gloss: Gloss::of(&[&table.origin]),
                });
                Ok(value)
            }
            ExprKind::Input(input) => match input {
                Input::Hours => inputs
                    .hours
                    .ok_or_else(|| "the employee's hours are unknown".to_string()),
                Input::Coefficient => inputs
                    .coefficient
                    .map(Decimal::from)
                    .ok_or_else(|| "the coefficient is unknown here".to_string()),
                Input::LevelMinimum => inputs
                    .level_minimum
                    .ok_or_else(|| "this level has no minimum".to_string()),
            },
            ExprKind::Fact(id) => match inputs.facts {
                Some(facts) => facts.number(*id, e.span),
                None => Err("the declared facts are not known here".to_string()),
            },
            ExprKind::Round(inner) => Ok(round_cent(self.eval(inner, inputs, t)?)),
            ExprKind::RoundTo(inner, rounding) => {
                super::functions::round_to(self.eval(inner, inputs, t)?, rounding)
            }
            ExprKind::Extreme(which, args) => self.extreme(*which, args, inputs, t),
            ExprKind::If(c) => {
                let taken = if self.holds(&c.test, inputs, t)? {
                    &c.then
                } else {
                    &c.otherwise
                };
                self.eval(taken, inputs, t)
            }
            ExprKind::Neg(inner) => Ok(-self.eval(inner, inputs, t)?),
            ExprKind::Binary(op, l, r) => {
                let l = self.eval(l, inputs, t)?;
                let r = self.eval(r, inputs, t)?;
                let result = match op {
                    BinaryOp::Add => l.checked_add(r),
                    BinaryOp::Sub => l.checked_sub(r),
                    BinaryOp::Mul => l.checked_mul(r),
                    BinaryOp::Div if r.is_zero() => {
                        // `check` refuses a literal zero or a zero parameter; a
                        // table row or the employee's facts are known only here.
                        let at = self.rules.place(e.span);
                        return Err(format!("the formula at {at} divides by zero"));
                    }
                    BinaryOp::Div => l.checked_div(r),
                };
                result.ok_or_else(|| {
                    "a formula gives a number too large to compute exactly".to_string()
                })
            }
        }
    }

    /// The formula with every value put in, as a person checks it: `arrondi(1.2 × 2000.00 × 120.5 / 160.25)`.
    pub fn with_values(&self, e: &Expr, inputs: &Inputs) -> String {
        let mut out = String::new();
        e.write_choosing(
            &mut out,
            &mut |leaf, out| self.value(leaf, inputs, out),
            &mut |test| self.holds(test, inputs, &mut super::trace::NoTrace).ok(),
        );
        out
    }

    /// A leaf of a formula by its value on the day, with its unit.
    fn value(&self, leaf: &Expr, inputs: &Inputs, out: &mut String) {
        match &leaf.kind {
            ExprKind::Param(p) => {
                let param = &self.rules.params[*p];
                match param.at(self.day) {
                    Some((_, Value::Number(v))) => {
                        let unit = unit_of(param.ty);
                        out.push_str(&shown(v, unit.contains('€')));
                        out.push_str(unit);
                    }
                    _ => out.push_str(&param.name),
                }
            }
            ExprKind::Lookup(t, key) => {
                let table = &self.rules.tables[*t];
                let key = Formulas {
                    rules: self.rules,
                    day: self.day,
                }
                .eval(key, inputs, &mut super::trace::NoTrace);
                let value = key.ok().and_then(|k| {
                    let (_, rows) = table.at(self.day)?;
                    rows.get(&k.to_u32()?).copied()
                });
                match value {
                    Some(v) if table.ty == crate::model::Type::Hourly => {
                        out.push_str(&shown(v, true));
                        out.push_str(" €/h");
                    }
                    Some(v) => out.push_str(&v.to_string()),
                    None => out.push_str(&table.name),
                }
            }
            ExprKind::Fact(id) => {
                let fact = &self.rules.facts[*id];
                let value = inputs.facts.and_then(|f| f.number(*id, leaf.span).ok());
                let unit = fact.formula_type.map_or("", unit_of);
                match value {
                    Some(v) => {
                        out.push_str(&shown(v, unit.contains('€')));
                        out.push_str(unit);
                    }
                    None => out.push_str(&fact.name),
                }
            }
            ExprKind::Input(i) => {
                let (value, unit) = match i {
                    Input::Hours => (inputs.hours, " h"),
                    Input::Coefficient => (inputs.coefficient.map(Decimal::from), ""),
                    Input::LevelMinimum if self.rules.hourly_levels => {
                        (inputs.level_minimum, " €/h")
                    }
                    Input::LevelMinimum => (inputs.level_minimum, " €"),
                };
                match value {
                    Some(v) => {
                        out.push_str(&shown(v, unit.contains('€')));
                        out.push_str(unit);
                    }
                    None => out.push('?'),
                }
            }
            _ => {}
        }
    }
}

/// The unit written after a parameter's value in an explanation.
fn unit_of(ty: crate::model::Type) -> &'static str {
    match ty {
        crate::model::Type::Amount => " €",
        crate::model::Type::Hourly => " €/h",
        crate::model::Type::Hours => " h",
        crate::model::Type::Annual => " €/an",
        _ => "",
    }
}

/// A value as a person reads it: no trailing zeros beyond the cents of an amount.
fn shown(value: Decimal, amount: bool) -> String {
    let mut v = value.normalize();
    if amount && v.scale() < 2 {
        v.rescale(2);
    }
    v.to_string()
}

fn not_in_force(name: &str, first: Option<NaiveDate>, day: NaiveDate) -> String {
    match first {
        Some(first) => {
            format!("`{name}` has no value on {day}: its first value applies from {first}")
        }
        None => format!("`{name}` has no value"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(
            round_cent(Decimal::new(1810305, 3)),
            Decimal::new(181031, 2)
        );
        assert_eq!(
            round_cent(Decimal::new(1810315, 3)),
            Decimal::new(181032, 2)
        );
        assert_eq!(round_cent(Decimal::new(-5, 3)), Decimal::new(-1, 2));
    }

    #[test]
    fn compare_agrees_with_the_general_order() {
        let values = [
            Decimal::new(181031, 2),
            Decimal::new(1810310, 3),
            Decimal::new(181032, 2),
            Decimal::new(-5, 2),
            Decimal::new(-5, 3),
            Decimal::new(0, 2),
            -Decimal::new(0, 2),
            Decimal::new(15167, 2),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for a in values {
            for b in values {
                assert_eq!(compare(a, b), a.cmp(&b), "{a} {b}");
            }
        }
    }
}
