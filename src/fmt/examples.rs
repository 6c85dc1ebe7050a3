//! Examples to lines: the facts and the expected outcome, as listings.

use chrono::NaiveDate;

use super::lines::{continuation, fits, Line, Node};
use super::words::{quote, Printer};
use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn example(&self, e: &Example) -> Vec<Line> {
        let head = format!("{} {}", self.kw(keywords::EXAMPLE), quote(&e.title.node));
        let mut node = Node::new(Line::owner(0, head, e.span.start, e.title.span.end));
        node.add(self.source(2, &e.source));
        node.add_line(
            e.as_of
                .as_ref()
                .map(|d| self.date_line(2, self.kw(keywords::AS_OF), d)),
        );
        let facts = e.facts.iter().map(|f| (self.fact(&f.node), f.span));
        node.add(self.listing(&self.kw_label(keywords::FACTS), facts.collect()));
        let expected = e
            .expectations
            .iter()
            .map(|x| (self.expectation(&x.node), x.span));
        node.add(self.listing(&self.kw_label(keywords::EXPECT), expected.collect()));
        node.finish()
    }

    /// `keyword a, b, c`, rows split where the source split them, wrapped if too wide.
    pub(super) fn listing(&self, keyword: &str, items: Vec<(String, Span)>) -> Vec<Line> {
        let mut out: Vec<Line> = Vec::new();
        let mut previous_end: Option<usize> = None;
        for (piece, span) in items {
            let new_row = previous_end.is_some_and(|end| {
                self.src
                    .get(end..span.start)
                    .is_some_and(|t| t.contains('\n'))
            });
            match out.last_mut() {
                Some(line) if !new_row && fits(line, &piece) => {
                    line.text = format!("{}, {piece}", line.text);
                    line.end = span.end;
                }
                Some(line) => {
                    line.text.push(',');
                    out.push(continuation(piece, span));
                }
                None => out.push(Line::leaf(
                    2,
                    format!("{keyword} {piece}"),
                    span.start,
                    span.end,
                )),
            }
            previous_end = Some(span.end);
        }
        out
    }

    pub(super) fn fact(&self, f: &Fact) -> String {
        match f {
            Fact::Job(j) => format!("{} {}", self.kw(keywords::JOB), quote(j)),
            Fact::Position(p) => format!("{} {}", self.kw(keywords::POSITION), quote(p)),
            Fact::Since(d) => format!("{} {d}", self.kw(keywords::SINCE)),
            Fact::PriorMonths(n) => {
                let unit = self.w("mois", if *n == 1 { "month" } else { "months" });
                format!("{} {n} {unit}", self.kw(keywords::PRIOR_MONTHS))
            }
            Fact::Diploma(d) => format!("{} {d}", self.kw(keywords::DIPLOMA)),
            Fact::PreviousCoefficient(c) => {
                format!("{} {c}", self.kw(keywords::PREVIOUS_COEFFICIENT))
            }
            Fact::Hours(h) => format!("{} {h}", self.kw(keywords::HOURS)),
            Fact::Salary(s) => format!("{} {s} €", self.kw(keywords::SALARY)),
            Fact::AppliedCoefficient(c) => format!("{} {c}", self.kw(keywords::APPLIED)),
            Fact::Mission { job, start, end } => {
                let mut text = format!(
                    "{} {} {} {start}",
                    self.kw(keywords::MISSION),
                    quote(job),
                    self.kw(keywords::MISSION_FROM)
                );
                if let Some(end) = end {
                    text = format!("{text} {} {end}", self.kw(keywords::MISSION_TO));
                }
                text
            }
            Fact::Move {
                from,
                to,
                on,
                renewed,
                broken_on,
            } => {
                let text = format!(
                    "{} {} {} {} {} {} {on}",
                    self.kw(keywords::MOVE),
                    self.kw(keywords::RANGE_FROM),
                    quote(from),
                    self.kw(keywords::TOWARDS),
                    quote(to),
                    self.kw(keywords::ON),
                );
                self.trial_facts(text, *renewed, broken_on)
            }
            Fact::Criteria(given) => {
                let listed: Vec<String> = given.iter().map(|(c, d)| format!("{c} {d}")).collect();
                format!("{} {}", self.kw(keywords::CRITERIA), listed.join(", "))
            }
            Fact::Hire {
                on,
                renewed,
                broken_on,
            } => {
                let text = format!("{} {on}", self.kw(keywords::HIRED));
                self.trial_facts(text, *renewed, broken_on)
            }
            Fact::Declared { name, value } => self.declared_fact(&name.node, &value.node),
        }
    }

    /// `renouvelée`, `rompue le DATE` after a move or a hire.
    fn trial_facts(
        &self,
        mut text: String,
        renewed: bool,
        broken_on: &Option<NaiveDate>,
    ) -> String {
        if renewed {
            text = format!("{text} {}", self.kw(keywords::RENEWED));
        }
        if let Some(b) = broken_on {
            text = format!("{text} {} {b}", self.kw(keywords::BROKEN));
        }
        text
    }

    pub(super) fn expectation(&self, x: &Expectation) -> String {
        match x {
            Expectation::Coefficient(c) => format!("coefficient {c}"),
            Expectation::Position(p) => format!("{} {}", self.kw(keywords::POSITION), p.written()),
            Expectation::Band(b) => format!("{} {b}", self.kw(keywords::BAND)),
            Expectation::Level(l) => format!("{} {l}", self.kw(keywords::LEVEL)),
            Expectation::Category(c) => format!("{} {c}", self.kw(keywords::CATEGORY)),
            Expectation::Status(s) => format!("{} {s}", self.kw(keywords::STATUS)),
            Expectation::Job(j) => format!("{} {j}", self.kw(keywords::JOB)),
            Expectation::MinimumSalary(m) => {
                format!("{} {m} €", self.kw(keywords::MINIMUM_SALARY))
            }
            Expectation::AgreementMinimum(m) => {
                format!("{} {m} €", self.kw(keywords::AGREEMENT_MINIMUM))
            }
            Expectation::Shortfall(m) => format!("{} {m} €", self.kw(keywords::SHORTFALL)),
            Expectation::NextStep(Some(d)) => {
                format!("{} {d}", self.kw(keywords::NEXT_STEP))
            }
            Expectation::NextStep(None) => format!(
                "{} {}",
                self.kw(keywords::NEXT_STEP),
                self.kw(keywords::NO_STEP)
            ),
            Expectation::Claim { job, since } => format!(
                "{} {job} {} {since}",
                self.kw(keywords::CLAIM),
                self.kw(keywords::SINCE)
            ),
            Expectation::TrialEnd(d) => format!("{} {d}", self.kw(keywords::TRIAL_END)),
            Expectation::Rejected => self.kw(keywords::REJECTED).to_string(),
        }
    }
}
