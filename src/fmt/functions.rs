//! The canonical writing of formula functions and conditions:
//! `arrondi(x, 1 €, supérieur)`, `max(a, b)`, `si … alors … sinon …`.

use super::words::{compare_op, number, Printer};
use crate::syntax::ast::{
    Conditional, Expr, Extreme, NumberUnit, RoundDir, Rounding, Test, TestKind,
};

impl Printer<'_> {
    pub(super) fn round_to(&self, inner: &Expr, rounding: &Rounding) -> String {
        let direction = match rounding.direction {
            None => "",
            Some(RoundDir::Up) => self.w(", supérieur", ", up"),
            Some(RoundDir::Down) => self.w(", inférieur", ", down"),
            Some(RoundDir::Nearest) => self.w(", au plus proche", ", nearest"),
        };
        format!(
            "{}({}, {}{direction})",
            self.w("arrondi", "round"),
            self.expr(inner),
            number(
                &rounding.unit.to_string(),
                if rounding.euro {
                    NumberUnit::Euro
                } else {
                    NumberUnit::None
                }
            )
        )
    }

    pub(super) fn extreme(&self, which: Extreme, args: &[Expr]) -> String {
        let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
        let name = match which {
            Extreme::Max => "max",
            Extreme::Min => "min",
        };
        format!("{name}({})", args.join(", "))
    }

    pub(super) fn conditional(&self, c: &Conditional) -> String {
        format!(
            "{} {} {} {} {} {}",
            self.w("si", "if"),
            self.test(&c.test),
            self.w("alors", "then"),
            self.expr(&c.then),
            self.w("sinon", "otherwise"),
            self.expr(&c.otherwise)
        )
    }

    /// A test as written: the parentheses of the file are kept in the tree.
    fn test(&self, t: &Test) -> String {
        match &t.kind {
            TestKind::Compare(l, op, r) => format!(
                "{} {} {}",
                self.operand(l, 1),
                compare_op(*op),
                self.operand(r, 1)
            ),
            TestKind::Not(inner) => format!("{} {}", self.w("non", "not"), self.test(inner)),
            TestKind::Group(inner) => format!("({})", self.test(inner)),
            TestKind::All(tests) => self.joined(tests, self.w(" et ", " and ")),
            TestKind::Any(tests) => self.joined(tests, self.w(" ou ", " or ")),
        }
    }

    fn joined(&self, tests: &[Test], joiner: &str) -> String {
        let tests: Vec<String> = tests.iter().map(|t| self.test(t)).collect();
        tests.join(joiner)
    }
}
