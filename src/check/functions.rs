//! Formula functions and conditions: `arrondi(x, 1 €, supérieur)`, `max`, `min`,
//! `si … alors … sinon …`. Their arguments, branches and compared sides are of
//! one type; a number written without `€` takes the type of its place
//! (`max(heures - heures_reference, 0)`, `max(x €, 0)`).

use super::*;
use crate::diag::kind::{Function, TestHolds};

/// A checked operand and its type; `flexible`: a bare number, of any type.
struct Typed {
    expr: model::Expr,
    ty: Type,
    flexible: bool,
}

impl Checker {
    fn typed(&mut self, rules: &RuleSet, e: &ast::Expr, inputs: &[Input]) -> Option<Typed> {
        let (expr, ty) = self.expr(rules, e, inputs)?;
        Some(Typed {
            flexible: bare_number(e),
            expr,
            ty,
        })
    }

    /// The one type of `operands` (a bare number fits any), or a mismatch reported at `span`.
    fn one_type(&mut self, operands: &[Typed], function: Function, span: Span) -> Option<Type> {
        // A number beside hours is hours (`min(heures, heures_reference)`).
        let hours = operands.iter().any(|o| o.ty == Type::Hours);
        let number_as_hours = |t: Type| {
            if hours && t == Type::Number {
                Type::Hours
            } else {
                t
            }
        };
        let mut fixed = operands
            .iter()
            .filter(|o| !o.flexible)
            .map(|o| number_as_hours(o.ty));
        let Some(first) = fixed.next() else {
            return Some(number_as_hours(Type::Number));
        };
        if let Some(other) = fixed.find(|t| *t != first) {
            let mismatch = Mismatch::Arguments {
                function,
                left: first,
                right: other,
            };
            self.report(Kind::TypeMismatch(mismatch), span);
            return None;
        }
        Some(first)
    }

    /// `arrondi(x, unit, direction)`: a unit above zero, `€` only on an amount.
    pub(super) fn round_to(
        &mut self,
        rules: &RuleSet,
        inner: &ast::Expr,
        rounding: &ast::Rounding,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        let (inner, ty) = self.expr(rules, inner, inputs)?;
        if rounding.unit <= Decimal::ZERO {
            let unit = rounding.unit.to_string();
            self.report(Kind::BadRoundingUnit { unit }, rounding.unit_span);
            return None;
        }
        if rounding.euro && ty != Type::Amount {
            let mismatch = Mismatch::Arguments {
                function: Function::Round,
                left: ty,
                right: Type::Amount,
            };
            self.report(Kind::TypeMismatch(mismatch), rounding.unit_span);
            return None;
        }
        let rounding = model::Rounding {
            unit: rounding.unit,
            euro: rounding.euro,
            direction: rounding.direction.unwrap_or(RoundDir::Nearest),
        };
        Some((ExprKind::RoundTo(Box::new(inner), rounding), ty))
    }

    /// `max(a, b, …)`, `min(a, b, …)`: two values or more, of one type.
    pub(super) fn extreme(
        &mut self,
        rules: &RuleSet,
        which: Extreme,
        args: &[ast::Expr],
        span: Span,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        let function = match which {
            Extreme::Max => Function::Max,
            Extreme::Min => Function::Min,
        };
        if args.len() < 2 {
            self.report(Kind::FunctionArity { function }, span);
            return None;
        }
        let typed: Vec<Option<Typed>> = args.iter().map(|a| self.typed(rules, a, inputs)).collect();
        let typed: Vec<Typed> = typed.into_iter().collect::<Option<_>>()?;
        let ty = self.one_type(&typed, function, span)?;
        let args = typed.into_iter().map(|t| t.expr).collect();
        Some((ExprKind::Extreme(which, args), ty))
    }

    /// `annuel(x)`: a monthly amount × 12; `mensuel(x)`: an annual amount ÷ 12. The
    /// checked formula is that product or quotient (explanations write `× 12`).
    pub(super) fn convert(
        &mut self,
        rules: &RuleSet,
        annual: bool,
        amount: &ast::Expr,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        let (inner, ty) = self.expr(rules, amount, inputs)?;
        let (from, to, op) = match annual {
            true => (Type::Amount, Type::Annual, BinaryOp::Mul),
            false => (Type::Annual, Type::Amount, BinaryOp::Div),
        };
        if ty != from {
            let function = if annual {
                Function::Annual
            } else {
                Function::Monthly
            };
            let mismatch = Mismatch::Arguments {
                function,
                left: ty,
                right: from,
            };
            self.report(Kind::TypeMismatch(mismatch), amount.span);
            return None;
        }
        let twelve = model::Expr {
            span: amount.span,
            kind: ExprKind::Number(Decimal::from(12)),
        };
        Some((ExprKind::Binary(op, Box::new(inner), Box::new(twelve)), to))
    }

    /// `si test alors a sinon b`: both branches of one type.
    pub(super) fn conditional(
        &mut self,
        rules: &RuleSet,
        c: &ast::Conditional,
        span: Span,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        let test = self.test(rules, &c.test, inputs);
        let then = self.typed(rules, &c.then, inputs);
        let otherwise = self.typed(rules, &c.otherwise, inputs);
        let (test, then, otherwise) = (test?, then?, otherwise?);
        let branches = [then, otherwise];
        let ty = self.one_type(&branches, Function::If, span)?;
        let [then, otherwise] = branches;
        let conditional = model::Conditional {
            test,
            then: then.expr,
            otherwise: otherwise.expr,
        };
        Some((ExprKind::If(Box::new(conditional)), ty))
    }

    /// A test, checked: also for the conditions outside formulas (a position's coefficient).
    pub(super) fn test(
        &mut self,
        rules: &RuleSet,
        t: &ast::Test,
        inputs: &[Input],
    ) -> Option<model::Test> {
        use ast::TestKind as A;
        let kind = match &t.kind {
            A::Group(inner) => return self.test(rules, inner, inputs),
            A::Not(inner) => TestKind::Not(Box::new(self.test(rules, inner, inputs)?)),
            A::All(tests) | A::Any(tests) => {
                let checked: Vec<_> = tests.iter().map(|t| self.test(rules, t, inputs)).collect();
                let checked: Box<[model::Test]> = checked.into_iter().collect::<Option<_>>()?;
                if matches!(t.kind, A::All(_)) {
                    TestKind::All(checked)
                } else {
                    TestKind::Any(checked)
                }
            }
            A::Position(r) => TestKind::Position(self.position_ref(rules, r)?, r.written().into()),
            A::Compare(left, op, right) => {
                let l = self.typed(rules, left, inputs);
                let r = self.typed(rules, right, inputs);
                let sides = [l?, r?];
                self.one_type(&sides, Function::Compare, t.span)?;
                let [l, r] = sides;
                if let (ExprKind::Number(a), ExprKind::Number(b)) = (&l.expr.kind, &r.expr.kind) {
                    let holds = crate::eval::functions::compares(*a, *op, *b);
                    let holds = if holds {
                        TestHolds::Always
                    } else {
                        TestHolds::Never
                    };
                    self.report(Kind::ConstantTest { holds }, t.span);
                }
                TestKind::Compare(Box::new(l.expr), *op, Box::new(r.expr))
            }
            A::Timed(..) | A::Is(..) | A::Flag(_) => {
                TestKind::Facts(Box::new(self.fact_test(rules, t)?))
            }
        };
        Some(model::Test { span: t.span, kind })
    }
}

/// A number written without `€` (or its negation): it takes the type of its place.
fn bare_number(e: &ast::Expr) -> bool {
    match &e.kind {
        ast::ExprKind::Number { unit, .. } => *unit == ast::NumberUnit::None,
        ast::ExprKind::Neg(inner) => bare_number(inner),
        _ => false,
    }
}
