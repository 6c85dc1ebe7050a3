//! Lowering of formula functions and conditions: `arrondi(x, 1 €, supérieur)`,
//! `max(…)`, `min(…)`, `si … alors … sinon …` and their tests.

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Span;

impl Lowering {
    /// `arrondi(x)` (to the cent) or `arrondi(x, unit[, direction])`.
    pub(super) fn round(&mut self, pair: P) -> Option<ExprKind> {
        let mut inner = pair.into_inner();
        let value = inner.find(|p| p.as_rule() == Rule::expr)?;
        let value = Box::new(self.expr(value));
        let Some(opts) = inner.find(|p| p.as_rule() == Rule::round_opts) else {
            return Some(ExprKind::Round(value));
        };
        let mut rounding = Rounding {
            unit: Default::default(),
            euro: false,
            unit_span: Span::default(),
            direction: None,
        };
        for p in opts.into_inner() {
            match p.as_rule() {
                Rule::number_lit => {
                    rounding.unit_span = self.span(&p);
                    let mut parts = p.into_inner();
                    if let Some(n) = parts.next() {
                        rounding.unit = self.decimal(n);
                    }
                    rounding.euro = parts
                        .next()
                        .is_some_and(|u| super::lower::number_unit(u).is_euro());
                }
                Rule::round_dir => rounding.direction = p.into_inner().next().map(direction),
                _ => {}
            }
        }
        Some(ExprKind::RoundTo(value, rounding))
    }

    /// `max(a, b, …)` or `min(a, b, …)`.
    pub(super) fn extreme(&mut self, pair: P) -> ExprKind {
        let mut which = Extreme::Max;
        let mut args = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::extreme_fn
                    if p.clone().into_inner().next().map(|k| k.as_rule()) == Some(Rule::kw_min) =>
                {
                    which = Extreme::Min;
                }
                Rule::expr => {
                    if !args.is_empty() && !self.one_more_operator(self.span(&p)) {
                        break;
                    }
                    args.push(self.expr(p));
                }
                _ => {}
            }
        }
        ExprKind::Extreme(which, args)
    }

    /// `annuel(x)` or `mensuel(x)`.
    pub(super) fn convert(&mut self, pair: P) -> Option<ExprKind> {
        let mut inner = pair.into_inner();
        let which = inner.next()?.into_inner().next()?.as_rule();
        let amount = Box::new(self.expr(inner.next()?));
        let annual = which == Rule::kw_annual;
        Some(ExprKind::Convert { annual, amount })
    }

    /// `si test alors a sinon b`.
    pub(super) fn conditional(&mut self, pair: P) -> Option<ExprKind> {
        if !self.one_more_operator(self.span(&pair)) {
            return None;
        }
        let mut inner = pair.into_inner();
        let test = inner.find(|p| p.as_rule() == Rule::test)?;
        let test = self.test(test);
        let mut branches = inner.filter(|p| p.as_rule() == Rule::expr);
        let then = self.expr(branches.next()?);
        let otherwise = self.expr(branches.next()?);
        Some(ExprKind::If(Box::new(Conditional {
            test,
            then,
            otherwise,
        })))
    }

    /// `a ou b`, `a et b`, `non a`, `(a)`, `x ≥ y`: one rule per precedence level.
    pub(super) fn test(&mut self, pair: P) -> Test {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut parts: Vec<Test> = Vec::new();
        let mut negated = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_not => negated = true,
                Rule::kw_and | Rule::kw_or => {
                    self.one_more_operator(self.span(&p));
                }
                Rule::test_and | Rule::test_not | Rule::test => parts.push(self.test(p)),
                Rule::test_group => {
                    let inner = p.into_inner().next();
                    let inner = inner.map(|t| self.test(t));
                    parts.extend(inner.map(|t| Test {
                        span: t.span,
                        kind: TestKind::Group(Box::new(t)),
                    }));
                }
                Rule::comparison => parts.push(self.comparison(p)),
                Rule::timed => parts.push(self.timed(p)),
                Rule::fact_is => parts.push(self.fact_is(p)),
                Rule::fact_flag => parts.push(self.fact_flag(p)),
                Rule::position_test => {
                    let span = self.span(&p);
                    if let Some(position) = self.inner_position_ref(p) {
                        let kind = TestKind::Position(position);
                        parts.push(Test { span, kind });
                    }
                }
                _ => {}
            }
        }
        let one = |mut parts: Vec<Test>| {
            parts.pop().unwrap_or(Test {
                span,
                kind: TestKind::All(Vec::new()),
            })
        };
        let kind = match rule {
            Rule::test_not if negated => TestKind::Not(Box::new(one(parts))),
            _ if parts.len() == 1 => return one(parts),
            Rule::test => TestKind::Any(parts),
            _ => TestKind::All(parts),
        };
        Test { span, kind }
    }

    fn comparison(&mut self, pair: P) -> Test {
        let span = self.span(&pair);
        let mut sides = Vec::new();
        let mut op = CompareOp::Eq;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expr => sides.push(self.expr(p)),
                Rule::compare_op => op = compare_op(p.as_str()),
                _ => {}
            }
        }
        let zero = || Expr {
            span,
            kind: ExprKind::Number {
                value: Default::default(),
                unit: NumberUnit::None,
            },
        };
        let right = sides.pop().unwrap_or_else(zero);
        let left = sides.pop().unwrap_or_else(zero);
        Test {
            span,
            kind: TestKind::Compare(Box::new(left), op, Box::new(right)),
        }
    }
}

fn direction(keyword: P) -> RoundDir {
    match keyword.as_rule() {
        Rule::kw_up => RoundDir::Up,
        Rule::kw_down => RoundDir::Down,
        _ => RoundDir::Nearest,
    }
}

pub(super) fn compare_op(text: &str) -> CompareOp {
    match text {
        ">=" | "≥" => CompareOp::Ge,
        "<=" | "≤" => CompareOp::Le,
        ">" => CompareOp::Gt,
        "<" => CompareOp::Lt,
        "!=" | "≠" => CompareOp::Ne,
        _ => CompareOp::Eq,
    }
}
