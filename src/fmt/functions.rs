//! The canonical writing of formula functions and conditions:
//! `arrondi(x, 1 €, supérieur)`, `max(a, b)`, `si … alors … sinon …`.

use super::words::{compare_op, number, Printer};
use crate::syntax::ast::{
    Conditional, Expr, Extreme, NumberUnit, RoundDir, Rounding, Test, TestKind,
};
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn round_to(&self, inner: &Expr, rounding: &Rounding) -> String {
        let direction = match rounding.direction {
            None => String::new(),
            Some(RoundDir::Up) => format!(", {}", self.kw(keywords::UP)),
            Some(RoundDir::Down) => format!(", {}", self.kw(keywords::DOWN)),
            Some(RoundDir::Nearest) => format!(", {}", self.kw(keywords::NEAREST)),
        };
        format!(
            "{}({}, {}{direction})",
            self.kw(keywords::ROUND),
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
            Extreme::Max => self.kw(keywords::MAX),
            Extreme::Min => self.kw(keywords::MIN),
        };
        format!("{name}({})", args.join(", "))
    }

    pub(super) fn conditional(&self, c: &Conditional) -> String {
        format!(
            "{} {} {} {} {} {}",
            self.kw(keywords::IF),
            self.test(&c.test),
            self.kw(keywords::THEN),
            self.expr(&c.then),
            self.kw(keywords::OTHERWISE),
            self.expr(&c.otherwise)
        )
    }

    /// A test as written: the parentheses of the file are kept in the tree.
    pub(super) fn test(&self, t: &Test) -> String {
        match &t.kind {
            TestKind::Compare(l, op, r) => format!(
                "{} {} {}",
                self.operand(l, 1),
                compare_op(*op),
                self.operand(r, 1)
            ),
            TestKind::Not(inner) => format!("{} {}", self.kw(keywords::NOT), self.test(inner)),
            TestKind::Group(inner) => format!("({})", self.test(inner)),
            TestKind::All(tests) => self.joined(tests, &format!(" {} ", self.kw(keywords::AND))),
            TestKind::Any(tests) => self.joined(tests, &format!(" {} ", self.kw(keywords::OR))),
            TestKind::Timed(..) | TestKind::Is(..) | TestKind::Flag(_) => self.fact_test(&t.kind),
            TestKind::Position(p) => format!("{} {}", self.kw(keywords::POSITION), p.written()),
        }
    }

    fn joined(&self, tests: &[Test], joiner: &str) -> String {
        let tests: Vec<String> = tests.iter().map(|t| self.test(t)).collect();
        tests.join(joiner)
    }
}
