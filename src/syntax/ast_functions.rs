//! The syntax tree of formula functions and conditions: `arrondi(x, 1 €, supérieur)`,
//! `max(a, b)`, `min(a, b)`, `si … alors … sinon …`, part of [`super::ast`].

use rust_decimal::Decimal;

use super::ast::{CompareOp, Expr, TimeOperand};
use crate::span::{Span, Spanned};

/// `max` or `min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extreme {
    Max,
    Min,
}

/// Which way `arrondi(x, unit, direction)` goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundDir {
    /// Half away from zero, as `arrondi(x)` does to the cent.
    Nearest,
    /// `supérieur`: towards plus infinity.
    Up,
    /// `inférieur`: towards minus infinity.
    Down,
}

/// The unit and direction of `arrondi(x, 1 €, supérieur)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rounding {
    pub unit: Decimal,
    /// The unit was written with `€`.
    pub euro: bool,
    pub unit_span: Span,
    /// `None`: not written (half away from zero).
    pub direction: Option<RoundDir>,
}

/// `si test alors then sinon otherwise`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conditional {
    pub test: Test,
    pub then: Expr,
    pub otherwise: Expr,
}

/// A condition in a formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    pub span: Span,
    pub kind: TestKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TestKind {
    Compare(Box<Expr>, CompareOp, Box<Expr>),
    Not(Box<Test>),
    /// Every test holds (`et`).
    All(Vec<Test>),
    /// One test holds (`ou`).
    Any(Vec<Test>),
    /// `(test)`, kept so that formatting writes the parentheses back.
    Group(Box<Test>),
    /// A test on time: `âge < 26 ans`, `date < 2025-01-01` (see `ast_facts`).
    Timed(Spanned<TimeOperand>, CompareOp, Spanned<TimeOperand>),
    /// `modalite est forfait-jours`.
    Is(Spanned<String>, Spanned<String>),
    /// A `oui-non` fact: `si treizieme_mois alors …`.
    Flag(Spanned<String>),
    /// `position hcr I.1`: the position the facts give is this one.
    Position(super::ast_grids::PositionRef),
}
