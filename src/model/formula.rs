//! A checked formula: what the checker makes of a formula of the rule file,
//! its names resolved to indices, and how it is written back as the language
//! spells it (in a redline, an explanation).

use rust_decimal::Decimal;

use super::{BinaryOp, CompareOp, FactId, FactTest, ParamId, TableId};
use crate::span::Span;
pub use crate::syntax::ast::{Extreme, RoundDir};

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
    /// A declared fact that is a number or an amount (issue #22).
    Fact(FactId),
    /// To the cent, half away from zero.
    Round(Box<Expr>),
    /// To a multiple of a unit (`arrondi(x, 1 €, supérieur)`).
    RoundTo(Box<Expr>, Rounding),
    /// The highest or lowest of two values or more.
    Extreme(Extreme, Box<[Expr]>),
    /// `si … alors … sinon …`: only the branch taken is evaluated.
    If(Box<Conditional>),
    Neg(Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
}

/// The unit (above zero, checked) and direction of a rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounding {
    pub unit: Decimal,
    /// The unit is an amount (`1 €`): written back with its sign.
    pub euro: bool,
    pub direction: RoundDir,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conditional {
    pub test: Test,
    pub then: Expr,
    pub otherwise: Expr,
}

/// A checked condition of a formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    pub span: Span,
    pub kind: TestKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TestKind {
    Compare(Box<Expr>, CompareOp, Box<Expr>),
    Not(Box<Test>),
    All(Box<[Test]>),
    Any(Box<[Test]>),
    /// A test on declared facts or time: `âge < 26 ans`, `date < 2025-01-01`,
    /// `modalite est forfait-jours`, a `oui-non` fact (issue #22).
    Facts(Box<FactTest>),
    /// `position hcr I.1`: the position the facts give is this one (as written).
    Position(super::grid::PositionId, std::sync::Arc<str>),
}

impl Expr {
    /// Writes the formula as the language spells it: numbers, `arrondi`, signs,
    /// and parentheses only where precedence needs them. Each leaf (a parameter,
    /// a table row, an input) is written by `leaf`: by its name in a redline, by
    /// its value in an explanation. Both branches of a `si` are written.
    pub fn write(&self, out: &mut String, leaf: &mut dyn FnMut(&Expr, &mut String)) {
        self.write_choosing(out, leaf, &mut |_| None);
    }

    /// As [`Expr::write`]; `choose` says whether a test holds (`None`: not known):
    /// a known test is followed by `(oui)` or `(non)`, and the branch not taken is
    /// written `…`.
    pub fn write_choosing(
        &self,
        out: &mut String,
        leaf: &mut dyn FnMut(&Expr, &mut String),
        choose: &mut dyn FnMut(&Test) -> Option<bool>,
    ) {
        Writer { leaf, choose }.expr(self, out, 0);
    }
}

impl Expr {
    /// The formula's direct sub-formulas, those of its tests included (for the
    /// walks that look for names or divisors).
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Param(_) | ExprKind::Input(_) | ExprKind::Fact(_) => {
                Vec::new()
            }
            ExprKind::Lookup(_, inner)
            | ExprKind::Round(inner)
            | ExprKind::RoundTo(inner, _)
            | ExprKind::Neg(inner) => vec![inner],
            ExprKind::Binary(_, l, r) => vec![l, r],
            ExprKind::Extreme(_, args) => args.iter().collect(),
            ExprKind::If(c) => {
                let mut out = vec![&c.then, &c.otherwise];
                c.test.operands(&mut out);
                out
            }
        }
    }
}

impl Test {
    fn operands<'e>(&'e self, out: &mut Vec<&'e Expr>) {
        match &self.kind {
            TestKind::Compare(l, _, r) => out.extend([&**l, &**r]),
            TestKind::Position(..) => {}
            TestKind::Not(inner) => inner.operands(out),
            TestKind::All(tests) | TestKind::Any(tests) => {
                tests.iter().for_each(|t| t.operands(out))
            }
            TestKind::Facts(_) => {}
        }
    }

    /// Whether the test reads a declared fact, a clock or the evaluation day:
    /// what a decision gives, not the coefficient alone.
    pub fn per_record(&self) -> bool {
        match &self.kind {
            TestKind::Compare(l, _, r) => l.per_record() || r.per_record(),
            TestKind::Not(inner) => inner.per_record(),
            TestKind::All(tests) | TestKind::Any(tests) => tests.iter().any(Test::per_record),
            TestKind::Facts(_) | TestKind::Position(..) => true,
        }
    }
}

impl Expr {
    /// Whether the formula reads a declared fact, a clock or the evaluation
    /// day: then it is computed for each decision, never kept per coefficient
    /// (decided once at load, see `eval::tables`).
    pub fn per_record(&self) -> bool {
        match &self.kind {
            ExprKind::Fact(_) => true,
            ExprKind::If(c) => {
                c.test.per_record() || c.then.per_record() || c.otherwise.per_record()
            }
            _ => self.children().into_iter().any(Expr::per_record),
        }
    }
}

struct Writer<'a> {
    leaf: &'a mut dyn FnMut(&Expr, &mut String),
    choose: &'a mut dyn FnMut(&Test) -> Option<bool>,
}

impl Writer<'_> {
    fn expr(&mut self, e: &Expr, out: &mut String, parent: u8) {
        match &e.kind {
            ExprKind::Number(v) => out.push_str(&v.to_string()),
            ExprKind::Param(_) | ExprKind::Lookup(..) | ExprKind::Input(_) | ExprKind::Fact(_) => {
                (self.leaf)(e, out)
            }
            ExprKind::Round(inner) => {
                out.push_str("arrondi(");
                self.expr(inner, out, 0);
                out.push(')');
            }
            ExprKind::RoundTo(inner, rounding) => {
                out.push_str("arrondi(");
                self.expr(inner, out, 0);
                out.push_str(", ");
                out.push_str(&rounding.unit.to_string());
                if rounding.euro {
                    out.push_str(" €");
                }
                match rounding.direction {
                    RoundDir::Nearest => {}
                    RoundDir::Up => out.push_str(", supérieur"),
                    RoundDir::Down => out.push_str(", inférieur"),
                }
                out.push(')');
            }
            ExprKind::Extreme(which, args) => {
                out.push_str(match which {
                    Extreme::Max => "max(",
                    Extreme::Min => "min(",
                });
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.expr(arg, out, 0);
                }
                out.push(')');
            }
            ExprKind::If(c) => self.conditional(c, out, parent),
            ExprKind::Neg(inner) => {
                out.push('-');
                self.expr(inner, out, 3);
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
                self.expr(l, out, precedence);
                out.push_str(symbol);
                self.expr(r, out, precedence + 1);
                if paren {
                    out.push(')');
                }
            }
        }
    }

    /// A `si` inside an operation is put in parentheses: its `sinon` runs to the end.
    fn conditional(&mut self, c: &Conditional, out: &mut String, parent: u8) {
        let paren = parent > 0;
        if paren {
            out.push('(');
        }
        out.push_str("si ");
        self.test(&c.test, out, 0);
        let holds = (self.choose)(&c.test);
        match holds {
            Some(true) => out.push_str(" (oui)"),
            Some(false) => out.push_str(" (non)"),
            None => {}
        }
        out.push_str(" alors ");
        match holds {
            Some(false) => out.push('…'),
            _ => self.expr(&c.then, out, 0),
        }
        out.push_str(" sinon ");
        match holds {
            Some(true) => out.push('…'),
            _ => self.expr(&c.otherwise, out, 0),
        }
        if paren {
            out.push(')');
        }
    }

    /// `parent`: 0 at the top, 1 inside `ou`, 2 inside `et`, 3 after `non`.
    fn test(&mut self, t: &Test, out: &mut String, parent: u8) {
        let (tests, joiner, precedence) = match &t.kind {
            TestKind::Compare(l, op, r) => {
                // Parent 1: a `si` compared is put in parentheses, a sum is not.
                self.expr(l, out, 1);
                out.push(' ');
                out.push_str(compare_symbol(*op));
                out.push(' ');
                self.expr(r, out, 1);
                return;
            }
            TestKind::Facts(test) => {
                out.push_str(&test.written);
                return;
            }
            TestKind::Not(inner) => {
                out.push_str("non ");
                let paren = !matches!(inner.kind, TestKind::Compare(..) | TestKind::Facts(_));
                if paren {
                    out.push('(');
                }
                self.test(inner, out, 0);
                if paren {
                    out.push(')');
                }
                return;
            }
            TestKind::Any(tests) => (tests, " ou ", 1),
            TestKind::All(tests) => (tests, " et ", 2),
            TestKind::Position(_, written) => {
                out.push_str("position ");
                out.push_str(written);
                return;
            }
        };
        let paren = precedence < parent;
        if paren {
            out.push('(');
        }
        for (i, t) in tests.iter().enumerate() {
            if i > 0 {
                out.push_str(joiner);
            }
            self.test(t, out, precedence + 1);
        }
        if paren {
            out.push(')');
        }
    }
}

pub fn compare_symbol(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Ge => "≥",
        CompareOp::Le => "≤",
        CompareOp::Gt => ">",
        CompareOp::Lt => "<",
        CompareOp::Eq => "=",
        CompareOp::Ne => "≠",
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
