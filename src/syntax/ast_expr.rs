//! The syntax tree of formulas: numbers, names, lookups, operators and the
//! functions of [`super::ast_functions`], part of [`super::ast`].

use rust_decimal::Decimal;

use super::ast::{Conditional, Extreme, NumberUnit, Rounding};
use crate::span::{Span, Spanned};

/// A formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number {
        value: Decimal,
        unit: NumberUnit,
    },
    /// A parameter, or a name the evaluation provides (`heures`, `minimum`, `coefficient`).
    Name(String),
    /// `table[key]`.
    Lookup(Spanned<String>, Box<Expr>),
    Round(Box<Expr>),
    /// `arrondi(x, 1 €, supérieur)`.
    RoundTo(Box<Expr>, Rounding),
    /// `max(a, b, …)`, `min(a, b, …)`.
    Extreme(Extreme, Vec<Expr>),
    /// `si … alors … sinon …`.
    If(Box<Conditional>),
    /// `annuel(x)` (`annual`: true) or `mensuel(x)`.
    Convert {
        annual: bool,
        amount: Box<Expr>,
    },
    Neg(Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
}
