//! Lowering of declared facts (`fait …`) and of the tests on time and on facts
//! (`âge < 26 ans`, `date < 2025-01-01`, `modalite est forfait-jours`, a
//! `oui-non` fact alone).

use super::ast::*;
use super::lower::{Lowering, P};
use super::lower_functions::compare_op;
use super::Rule;
use crate::span::{Span, Spanned};

impl Lowering {
    /// `fait naissance "Date de naissance" : date`, then its attributes.
    pub(super) fn fact_decl(&mut self, pair: P) -> FactDecl {
        let here = self.span(&pair);
        let mut out = FactDecl {
            span: here,
            name: Spanned::new(String::new(), here),
            label: None,
            ty: Spanned::new(FactType::Text, here),
            field: None,
            default: None,
            required: None,
            source: None,
        };
        for p in pair.into_inner() {
            let at = self.span(&p);
            match p.as_rule() {
                Rule::name => out.name = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::fact_type => out.ty = Spanned::new(self.fact_type(p), at),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::fact_field => {
                    let field = p.into_inner().find(|q| q.as_rule() == Rule::id);
                    if let Some(field) = field.map(|f| self.text(f)) {
                        self.set_once(&mut out.field, field, at, "`champ`");
                    }
                }
                Rule::fact_default => {
                    let value = p.into_inner().find(|q| q.as_rule() != Rule::kw_default);
                    if let Some(value) = value.map(|v| self.fact_default(v)) {
                        let value = Spanned::new(value, at);
                        self.set_once(&mut out.default, value, at, "`défaut`");
                    }
                }
                Rule::fact_required => self.set_once(&mut out.required, at, at, "`requis`"),
                _ => {}
            }
        }
        out
    }

    fn fact_type(&mut self, pair: P) -> FactType {
        let Some(ty) = pair.into_inner().next() else {
            return FactType::Text;
        };
        match ty.as_rule() {
            Rule::type_date => FactType::Date,
            Rule::type_bool => FactType::YesNo,
            Rule::type_text => FactType::Text,
            Rule::type_amount => FactType::Amount,
            Rule::type_hourly => FactType::Hourly,
            Rule::type_annual => FactType::Annual,
            Rule::type_decimal => FactType::Decimal,
            Rule::type_integer => FactType::Integer,
            _ => FactType::Choice(
                ty.into_inner()
                    .filter(|p| p.as_rule() == Rule::id)
                    .map(|p| self.text(p))
                    .collect(),
            ),
        }
    }

    /// `fait naissance 1999-03-02` in an example's facts.
    pub(super) fn declared_fact(&mut self, pair: P) -> Option<super::ast::Fact> {
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_fact);
        let name = self.text(inner.next()?);
        let value = inner.next()?;
        let at = self.span(&value);
        let value = Spanned::new(self.fact_default(value), at);
        Some(super::ast::Fact::Declared { name, value })
    }

    fn fact_default(&mut self, value: P) -> FactDefault {
        match value.as_rule() {
            Rule::date => FactDefault::Date(self.date(value).node),
            Rule::fact_yes => FactDefault::Yes,
            Rule::fact_no => FactDefault::No,
            Rule::number_lit => {
                let mut parts = value.into_inner();
                let number = parts.next().map(|n| self.decimal(n)).unwrap_or_default();
                let unit = parts
                    .next()
                    .map_or(NumberUnit::None, super::lower::number_unit);
                FactDefault::Number(number, unit)
            }
            _ => FactDefault::Id(value.as_str().to_string()),
        }
    }

    /// `âge < 26 ans`, `date < 2025-01-01`, `entree ≥ 2020-01-01`.
    pub(super) fn timed(&mut self, pair: P) -> Test {
        let span = self.span(&pair);
        let mut sides = Vec::new();
        let mut op = CompareOp::Eq;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::compare_op => op = compare_op(p.as_str()),
                Rule::time_operand => sides.push(self.time_operand(p)),
                Rule::fact_ref => sides.push(self.spanned(&p, TimeOperand::Fact(p.as_str().into()))),
                _ => {}
            }
        }
        let today = || Spanned::new(TimeOperand::Today, span);
        let right = sides.pop().unwrap_or_else(today);
        let left = sides.pop().unwrap_or_else(today);
        Test {
            span,
            kind: TestKind::Timed(left, op, right),
        }
    }

    fn time_operand(&mut self, pair: P) -> Spanned<TimeOperand> {
        let at = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(TimeOperand::Today, at);
        };
        let operand = match inner.as_rule() {
            Rule::clock => TimeOperand::Clock(self.clock(inner)),
            Rule::duration => TimeOperand::Duration(self.duration(inner)),
            Rule::date => TimeOperand::Date(self.date(inner).node),
            _ => TimeOperand::Today,
        };
        Spanned::new(operand, at)
    }

    fn clock(&mut self, pair: P) -> Clock {
        let Some(inner) = pair.into_inner().next() else {
            return Clock::Age;
        };
        match inner.as_rule() {
            Rule::kw_in_company => Clock::Company,
            Rule::kw_in_job => Clock::Job,
            Rule::clock_since => {
                let mut years = true;
                let mut fact = Spanned::new(String::new(), Span::default());
                for p in inner.into_inner() {
                    match p.as_rule() {
                        Rule::clock_unit => {
                            years = p.into_inner().next().map(|u| u.as_rule())
                                == Some(Rule::kw_completed_years);
                        }
                        Rule::name => fact = self.text(p),
                        _ => {}
                    }
                }
                Clock::Since { years, fact }
            }
            _ => Clock::Age,
        }
    }

    /// `modalite est forfait-jours`.
    pub(super) fn fact_is(&mut self, pair: P) -> Test {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::kw_is);
        let name = inner.next().map(|p| self.text(p));
        let value = inner.next().map(|p| self.text(p));
        let empty = || Spanned::new(String::new(), span);
        Test {
            span,
            kind: TestKind::Is(name.unwrap_or_else(empty), value.unwrap_or_else(empty)),
        }
    }

    /// A `oui-non` fact alone: `si treizieme_mois alors …`.
    pub(super) fn fact_flag(&mut self, pair: P) -> Test {
        let span = self.span(&pair);
        let name = pair.into_inner().next().map(|p| self.text(p));
        Test {
            span,
            kind: TestKind::Flag(name.unwrap_or_else(|| Spanned::new(String::new(), span))),
        }
    }
}
