//! A checked formula: what the checker makes of a formula of the rule file,
//! its names resolved to indices, and how it is written back as the language
//! spells it (in a redline, an explanation).

use rust_decimal::Decimal;

use super::{BinaryOp, ParamId, TableId};
use crate::span::Span;

/// A checked formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(Decimal),
    Param(ParamId),
    Lookup(TableId, Box<Expr>),
    Input(Input),
    Round(Box<Expr>),
    Neg(Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Writes the formula as the language spells it: numbers, `arrondi`, signs,
    /// and parentheses only where precedence needs them. Each leaf (a parameter,
    /// a table row, an input) is written by `leaf`: by its name in a redline, by
    /// its value in an explanation.
    pub fn write(&self, out: &mut String, leaf: &mut dyn FnMut(&Expr, &mut String)) {
        self.write_in(out, 0, leaf);
    }

    fn write_in(&self, out: &mut String, parent: u8, leaf: &mut dyn FnMut(&Expr, &mut String)) {
        match &self.kind {
            ExprKind::Number(v) => out.push_str(&v.to_string()),
            ExprKind::Param(_) | ExprKind::Lookup(..) | ExprKind::Input(_) => leaf(self, out),
            ExprKind::Round(inner) => {
                out.push_str("arrondi(");
                inner.write_in(out, 0, leaf);
                out.push(')');
            }
            ExprKind::Neg(inner) => {
                out.push('-');
                inner.write_in(out, 3, leaf);
            }
            ExprKind::Binary(op, l, r) => {
                let (symbol, precedence) = match op {
                    BinaryOp::Add => (" + ", 1),
                    BinaryOp::Sub => (" - ", 1),
                    BinaryOp::Mul => (" × ", 2),
                    BinaryOp::Div => (" / ", 2),
                };
                // The right operand binds tighter, so that `a - (b - c)` keeps its parentheses.
                let paren = precedence < parent;
                if paren {
                    out.push('(');
                }
                l.write_in(out, precedence, leaf);
                out.push_str(symbol);
                r.write_in(out, precedence + 1, leaf);
                if paren {
                    out.push(')');
                }
            }
        }
    }
}

/// A value the evaluation provides to a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The employee's monthly hours (`heures`).
    Hours,
    /// The coefficient decided (`coefficient`).
    Coefficient,
    /// The full-time minimum of the level (`minimum`), in the minimum-salary formula.
    LevelMinimum,
}
