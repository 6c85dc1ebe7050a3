//! Lowering of the examples a rule file carries: facts and expectations.

use chrono::NaiveDate;

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Spanned;

impl Lowering {
    pub(super) fn example(&mut self, pair: P) -> Example {
        let here = self.span(&pair);
        let mut out = Example {
            span: here,
            title: Spanned::new(String::new(), here),
            as_of: None,
            facts: Vec::new(),
            expectations: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let at = self.span(&p);
            match p.as_rule() {
                Rule::string => out.title = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::example_as_of => {
                    if let Some(d) = self.inner(p, Rule::date) {
                        let d = self.date(d);
                        self.set_once(&mut out.as_of, d, at, "date");
                    }
                }
                Rule::example_facts => {
                    for f in p.into_inner().filter(|q| q.as_rule() == Rule::fact) {
                        if let Some(fact) = self.fact(f) {
                            out.facts.push(fact);
                        }
                    }
                }
                Rule::expectations => {
                    for e in p.into_inner().filter(|q| q.as_rule() == Rule::expectation) {
                        if let Some(expectation) = self.expectation(e) {
                            out.expectations.push(expectation);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The meaningful parts of a pair: strings, dates, numbers, ids.
    pub(super) fn values<'a>(&mut self, pair: P<'a>) -> Vec<P<'a>> {
        pair.into_inner()
            .filter(|q| {
                matches!(
                    q.as_rule(),
                    Rule::string
                        | Rule::date
                        | Rule::integer
                        | Rule::number
                        | Rule::id
                        | Rule::move_renewed
                        | Rule::move_broken
                        | Rule::kw_no_step
                )
            })
            .collect()
    }

    pub(super) fn fact(&mut self, pair: P) -> Option<Spanned<Fact>> {
        let sp = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        if rule == Rule::fact_declared {
            let fact = self.declared_fact(inner)?;
            return Some(Spanned::new(fact, sp));
        }
        if rule == Rule::fact_criteria {
            let degrees = self.job_degrees(inner);
            let given = degrees.into_iter().map(|d| (d.criterion.node, d.degree.node));
            return Some(Spanned::new(Fact::Criteria(given.collect()), sp));
        }
        let mut v = self.values(inner).into_iter();
        let fact = match rule {
            Rule::fact_job => Fact::Job(self.string(v.next()?).node),
            Rule::fact_since => Fact::Since(self.date(v.next()?).node),
            Rule::fact_prior => Fact::PriorMonths(self.integer(v.next()?).node),
            Rule::fact_diploma => Fact::Diploma(v.next()?.as_str().to_string()),
            Rule::fact_previous => Fact::PreviousCoefficient(self.integer(v.next()?).node),
            Rule::fact_hours => Fact::Hours(self.decimal(v.next()?)),
            Rule::fact_salary => Fact::Salary(self.decimal(v.next()?)),
            Rule::fact_applied => Fact::AppliedCoefficient(self.integer(v.next()?).node),
            Rule::fact_position => Fact::Position(self.string(v.next()?).node),
            Rule::fact_mission => {
                let job = self.string(v.next()?).node;
                let start = self.date(v.next()?).node;
                let end = v.next().map(|d| self.date(d).node);
                Fact::Mission { job, start, end }
            }
            Rule::fact_move => {
                let from = self.string(v.next()?).node;
                let to = self.string(v.next()?).node;
                let on = self.date(v.next()?).node;
                let (renewed, broken_on) = self.trial_facts(v);
                Fact::Move {
                    from,
                    to,
                    on,
                    renewed,
                    broken_on,
                }
            }
            Rule::fact_hire => {
                let on = self.date(v.next()?).node;
                let (renewed, broken_on) = self.trial_facts(v);
                Fact::Hire {
                    on,
                    renewed,
                    broken_on,
                }
            }
            _ => return None,
        };
        Some(Spanned::new(fact, sp))
    }

    /// `renouvelée`, `rompue le DATE` after a move or a hire.
    fn trial_facts<'a>(&mut self, rest: impl Iterator<Item = P<'a>>) -> (bool, Option<NaiveDate>) {
        let (mut renewed, mut broken_on) = (false, None);
        for rest in rest {
            match rest.as_rule() {
                Rule::move_renewed => renewed = true,
                Rule::move_broken => {
                    broken_on = self.inner(rest, Rule::date).map(|d| self.date(d).node)
                }
                _ => {}
            }
        }
        (renewed, broken_on)
    }

    pub(super) fn expectation(&mut self, pair: P) -> Option<Spanned<Expectation>> {
        let sp = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        if rule == Rule::expect_position {
            let position = self.inner_position_ref(inner)?;
            return Some(Spanned::new(Expectation::Position(position), sp));
        }
        let mut v = self.values(inner).into_iter();
        let expectation = match rule {
            Rule::expect_coefficient => Expectation::Coefficient(self.integer(v.next()?).node),
            Rule::expect_band => Expectation::Band(v.next()?.as_str().to_string()),
            Rule::expect_level => Expectation::Level(self.integer(v.next()?).node),
            Rule::expect_category => Expectation::Category(v.next()?.as_str().to_string()),
            Rule::expect_status => Expectation::Status(v.next()?.as_str().to_string()),
            Rule::expect_job => Expectation::Job(v.next()?.as_str().to_string()),
            Rule::expect_minimum => Expectation::MinimumSalary(self.decimal(v.next()?)),
            Rule::expect_agreement_minimum => {
                Expectation::AgreementMinimum(self.decimal(v.next()?))
            }
            Rule::expect_shortfall => Expectation::Shortfall(self.decimal(v.next()?)),
            Rule::expect_next_step => match v.next()? {
                d if d.as_rule() == Rule::date => Expectation::NextStep(Some(self.date(d).node)),
                _ => Expectation::NextStep(None),
            },
            Rule::expect_claim => {
                let job = v.next()?.as_str().to_string();
                Expectation::Claim {
                    job,
                    since: self.date(v.next()?).node,
                }
            }
            Rule::expect_rejected => Expectation::Rejected,
            Rule::expect_trial_end => Expectation::TrialEnd(self.date(v.next()?).node),
            _ => return None,
        };
        Some(Spanned::new(expectation, sp))
    }
}
