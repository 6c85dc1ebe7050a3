//! Formula functions and conditions: `arrondi(x, 1 €, supérieur)`, `max`, `min`,
//! `si … alors … sinon …`. Rule sets without them never reach this file.

use rust_decimal::{Decimal, RoundingStrategy};

use super::expr::{Formulas, Inputs};
use super::trace::Tracer;
use crate::model::{CompareOp, Expr, Extreme, RoundDir, Rounding, Test, TestKind};

/// Whether `a op b`.
pub fn compares(a: Decimal, op: CompareOp, b: Decimal) -> bool {
    let order = super::expr::compare(a, b);
    match op {
        CompareOp::Ge => order.is_ge(),
        CompareOp::Le => order.is_le(),
        CompareOp::Gt => order.is_gt(),
        CompareOp::Lt => order.is_lt(),
        CompareOp::Eq => order.is_eq(),
        CompareOp::Ne => order.is_ne(),
    }
}

/// `value` rounded to a multiple of the unit (checked above zero at load): half
/// away from zero, up (towards plus infinity) or down. 1 714,98 to `1 €`, up: 1 715.
pub fn round_to(value: Decimal, rounding: &Rounding) -> Result<Decimal, String> {
    let too_large = || "a formula gives a number too large to compute exactly".to_string();
    let multiples = value.checked_div(rounding.unit).ok_or_else(too_large)?;
    let whole = match rounding.direction {
        RoundDir::Nearest => {
            multiples.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        }
        RoundDir::Up => multiples.ceil(),
        RoundDir::Down => multiples.floor(),
    };
    whole.checked_mul(rounding.unit).ok_or_else(too_large)
}

impl<'r> Formulas<'r> {
    /// The highest or lowest of `args`, each evaluated (and traced) in order.
    pub(super) fn extreme<'a, T: Tracer<'a>>(
        &self,
        which: Extreme,
        args: &[Expr],
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<Decimal, String>
    where
        'r: 'a,
    {
        let mut best: Option<Decimal> = None;
        for arg in args {
            let v = self.eval(arg, inputs, t)?;
            best = Some(match (best, which) {
                (None, _) => v,
                (Some(b), Extreme::Max) => b.max(v),
                (Some(b), Extreme::Min) => b.min(v),
            });
        }
        best.ok_or_else(|| "a function without values".to_string())
    }

    /// Whether a test holds; `et` and `ou` stop at the first test that decides.
    pub fn holds<'a, T: Tracer<'a>>(
        &self,
        test: &Test,
        inputs: &Inputs,
        t: &mut T,
    ) -> Result<bool, String>
    where
        'r: 'a,
    {
        match &test.kind {
            TestKind::Compare(l, op, r) => {
                let l = self.eval(l, inputs, t)?;
                let r = self.eval(r, inputs, t)?;
                Ok(compares(l, *op, r))
            }
            TestKind::Not(inner) => Ok(!self.holds(inner, inputs, t)?),
            TestKind::Facts(facts_test) => match inputs.facts {
                Some(facts) => facts.holds(facts_test, test.span),
                None => Err("the declared facts are not known here".to_string()),
            },
            TestKind::Position(position, _) => Ok(inputs.position == Some(*position)),
            TestKind::All(tests) => {
                for test in tests.iter() {
                    if !self.holds(test, inputs, t)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            TestKind::Any(tests) => {
                for test in tests.iter() {
                    if self.holds(test, inputs, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounding(unit: &str, direction: RoundDir) -> Rounding {
        Rounding {
            unit: unit.parse().unwrap(),
            euro: true,
            direction,
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounds_to_a_unit_in_each_direction() {
        // Syntec ETAM 1.1 (avenant 2): 850,50 + 3,602 × 240 = 1 714,98, printed 1 715.
        let up = rounding("1", RoundDir::Up);
        assert_eq!(round_to(d("1714.98"), &up).unwrap(), d("1715"));
        assert_eq!(round_to(d("1715"), &up).unwrap(), d("1715"));
        let down = rounding("1", RoundDir::Down);
        assert_eq!(round_to(d("1714.98"), &down).unwrap(), d("1714"));
        // Half away from zero: 1 714,50 → 1 715; -0,5 → -1.
        let nearest = rounding("1", RoundDir::Nearest);
        assert_eq!(round_to(d("1714.50"), &nearest).unwrap(), d("1715"));
        assert_eq!(round_to(d("1714.49"), &nearest).unwrap(), d("1714"));
        assert_eq!(round_to(d("-0.5"), &nearest).unwrap(), d("-1"));
        // To the half: 7,26 → 7,5 up, 7 down.
        assert_eq!(
            round_to(d("7.26"), &rounding("0.5", RoundDir::Up)).unwrap(),
            d("7.5")
        );
        assert_eq!(
            round_to(d("7.26"), &rounding("0.5", RoundDir::Down)).unwrap(),
            d("7.0")
        );
    }

    #[test]
    fn comparisons_follow_their_operator() {
        let (a, b) = (d("150.5"), d("169"));
        assert!(compares(a, CompareOp::Lt, b) && compares(a, CompareOp::Le, b));
        assert!(!compares(a, CompareOp::Gt, b) && !compares(a, CompareOp::Ge, b));
        assert!(compares(a, CompareOp::Ne, b) && !compares(a, CompareOp::Eq, b));
        assert!(compares(d("1.0"), CompareOp::Eq, d("1.00")));
    }
}
