//! Lowering of formulas, with the limits that keep a hostile one small.

use rust_decimal::Decimal;

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::diag::{Code, Diagnostic};
use crate::span::{Span, Spanned};

impl Lowering {
    pub(super) fn expr(&mut self, pair: P) -> Expr {
        if self.expr_depth == 0 {
            self.formula_operators = 0;
        }
        self.expr_depth += 1;
        let e = self.binary(pair, Rule::term);
        self.expr_depth -= 1;
        e
    }

    /// `expr` and `term` share a shape: operands separated by operators, left-associative.
    pub(super) fn binary(&mut self, pair: P, operand: Rule) -> Expr {
        let mut inner = pair.into_inner();
        let Some(first) = inner.next() else {
            return Expr {
                span: Span::default(),
                kind: ExprKind::Number {
                    value: Decimal::ZERO,
                    unit: NumberUnit::None,
                },
            };
        };
        let mut left = self.operand(first, operand);
        while let (Some(op), Some(right)) = (inner.next(), inner.next()) {
            if !self.one_more_operator(self.span(&op)) {
                break;
            }
            let op = match op.as_str() {
                "+" => BinaryOp::Add,
                "-" => BinaryOp::Sub,
                "/" | "÷" => BinaryOp::Div,
                _ => BinaryOp::Mul,
            };
            let right = self.operand(right, operand);
            let span = left.span.join(right.span);
            left = Expr {
                span,
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
            };
        }
        left
    }

    /// Formulas are evaluated recursively: their size is bounded so that no input
    /// can exhaust the stack. Counts one operator (a sign, a function's argument,
    /// a condition) at `at`; false past the limit, reported once.
    pub(super) fn one_more_operator(&mut self, at: Span) -> bool {
        self.formula_operators += 1;
        if self.formula_operators == super::MAX_OPERATORS + 1 {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::TooDeep,
                    at,
                    (
                        format!(
                            "cette formule a plus de {} opérateurs",
                            super::MAX_OPERATORS
                        ),
                        format!(
                            "this formula has more than {} operators",
                            super::MAX_OPERATORS
                        ),
                    ),
                )
                .label(("trop longue à partir d'ici", "too long from here"))
                .help((
                    "découpez le calcul en paramètres ou en barèmes",
                    "split the computation into parameters or tables",
                )),
            );
        }
        self.formula_operators <= super::MAX_OPERATORS
    }

    pub(super) fn operand(&mut self, pair: P, rule: Rule) -> Expr {
        if rule == Rule::term {
            self.binary(pair, Rule::factor)
        } else {
            self.factor(pair)
        }
    }

    pub(super) fn factor(&mut self, pair: P) -> Expr {
        let sp = self.span(&pair);
        let mut negate = false;
        let mut result = Expr {
            span: sp,
            kind: ExprKind::Number {
                value: Decimal::ZERO,
                unit: NumberUnit::None,
            },
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            result = match p.as_rule() {
                Rule::negate => {
                    negate = true;
                    continue;
                }
                Rule::number_lit => {
                    let mut inner = p.into_inner();
                    let value = inner.next().map(|n| self.decimal(n)).unwrap_or_default();
                    Expr {
                        span: here,
                        kind: ExprKind::Number {
                            value,
                            unit: inner
                                .next()
                                .map_or(NumberUnit::None, super::lower::number_unit),
                        },
                    }
                }
                Rule::group => match self.inner(p, Rule::expr) {
                    Some(e) => self.expr(e),
                    None => continue,
                },
                Rule::call => match self.round(p) {
                    Some(kind) => Expr { span: here, kind },
                    None => continue,
                },
                Rule::extreme => Expr {
                    span: here,
                    kind: self.extreme(p),
                },
                Rule::convert => match self.convert(p) {
                    Some(kind) => Expr { span: here, kind },
                    None => continue,
                },
                Rule::conditional => match self.conditional(p) {
                    Some(kind) => Expr { span: here, kind },
                    None => continue,
                },
                Rule::lookup => {
                    let mut inner = p.into_inner();
                    let name = inner
                        .next()
                        .map(|n| self.text(n))
                        .unwrap_or_else(|| Spanned::new(String::new(), here));
                    match inner.next() {
                        Some(key) => Expr {
                            span: here,
                            kind: ExprKind::Lookup(name, Box::new(self.expr(key))),
                        },
                        None => Expr {
                            span: here,
                            kind: ExprKind::Name(name.node),
                        },
                    }
                }
                _ => continue,
            };
        }
        if negate {
            Expr {
                span: sp,
                kind: ExprKind::Neg(Box::new(result)),
            }
        } else {
            result
        }
    }
}
