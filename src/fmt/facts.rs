//! The canonical writing of declared facts (`fait …`) and of the tests on
//! facts and time (`âge < 26 ans`, `modalite est forfait-jours`).

use super::lines::{Line, Node};
use super::words::{compare_op, number, quote, Lang, Printer};
use crate::syntax::ast::*;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn fact_decl(&self, f: &FactDecl) -> Vec<Line> {
        let label = f
            .label
            .as_ref()
            .map(|l| format!(" {}", quote(&l.node)))
            .unwrap_or_default();
        let head = format!(
            "{} {}{label} : {}",
            self.kw(keywords::FACT),
            f.name.node,
            self.fact_type(&f.ty.node)
        );
        let mut node = Node::new(Line::owner(0, head, f.span.start, f.ty.span.end));
        node.add_line(f.field.as_ref().map(|field| {
            let text = format!("{} {}", self.kw(keywords::FIELD), field.node);
            Line::leaf(2, text, field.span.start, field.span.end)
        }));
        node.add_line(f.default.as_ref().map(|d| {
            let text = format!(
                "{} {}",
                self.kw(keywords::DEFAULT),
                self.fact_default(&d.node)
            );
            Line::leaf(2, text, d.span.start, d.span.end)
        }));
        node.add_line(f.required.map(|at| {
            let text = self.kw(keywords::REQUIRED).to_string();
            Line::leaf(2, text, at.start, at.end)
        }));
        node.add(self.source(2, &f.source));
        node.finish()
    }

    fn fact_type(&self, ty: &FactType) -> String {
        let word = match ty {
            FactType::Date => self.kw(keywords::TYPE_DATE),
            FactType::YesNo => self.kw(keywords::TYPE_BOOL),
            FactType::Text => self.kw(keywords::TYPE_TEXT),
            FactType::Amount => self.kw(keywords::TYPE_AMOUNT),
            FactType::Hourly => self.kw(keywords::TYPE_HOURLY),
            FactType::Annual => self.kw(keywords::TYPE_ANNUAL),
            FactType::Decimal => self.kw(keywords::TYPE_DECIMAL),
            FactType::Integer => self.kw(keywords::TYPE_INTEGER),
            FactType::Choice(ids) => {
                let ids: Vec<&str> = ids.iter().map(|i| i.node.as_str()).collect();
                return format!("{} {}", self.kw(keywords::CHOICE), ids.join(", "));
            }
        };
        word.to_string()
    }

    /// `fait naissance 1999-03-02` in an example's facts.
    pub(super) fn declared_fact(&self, name: &str, value: &FactDefault) -> String {
        format!(
            "{} {name} {}",
            self.kw(keywords::FACT),
            self.fact_default(value)
        )
    }

    fn fact_default(&self, d: &FactDefault) -> String {
        match d {
            FactDefault::Date(d) => d.to_string(),
            FactDefault::Yes => self.kw(keywords::YES).to_string(),
            FactDefault::No => self.kw(keywords::NO).to_string(),
            FactDefault::Number(n, unit) => number(&n.to_string(), *unit),
            FactDefault::Id(id) => id.clone(),
        }
    }

    /// A test on facts or time, as the language writes it.
    pub(super) fn fact_test(&self, kind: &TestKind) -> String {
        match kind {
            TestKind::Flag(name) => name.node.clone(),
            TestKind::Is(name, value) => {
                format!("{} {} {}", name.node, self.kw(keywords::IS), value.node)
            }
            TestKind::Timed(l, op, r) => format!(
                "{} {} {}",
                self.time_operand(&l.node),
                compare_op(*op),
                self.time_operand(&r.node)
            ),
            _ => String::new(),
        }
    }

    fn time_operand(&self, operand: &TimeOperand) -> String {
        match operand {
            TimeOperand::Clock(Clock::Age) => self.kw(keywords::AGE).to_string(),
            TimeOperand::Clock(Clock::Company) => self.kw(keywords::IN_COMPANY).to_string(),
            TimeOperand::Clock(Clock::Job) => self.kw(keywords::IN_JOB).to_string(),
            TimeOperand::Clock(Clock::Since { years, fact }) => {
                let unit = if *years {
                    keywords::COMPLETED_YEARS
                } else {
                    keywords::COMPLETED_MONTHS
                };
                format!(
                    "{} {} {}",
                    self.kw(unit),
                    self.kw(keywords::SINCE),
                    fact.node
                )
            }
            TimeOperand::Duration(d) => self.duration(*d, ""),
            TimeOperand::Date(d) => d.to_string(),
            TimeOperand::Today => self.kw(keywords::DATE).to_string(),
            TimeOperand::Fact(name) => name.clone(),
        }
    }
}

/// A test on facts or time in canonical French (`âge < 26 ans`): how
/// explanations and redlines write it.
pub fn write_fact_test(kind: &TestKind, out: &mut String) {
    let printer = Printer {
        src: "",
        lang: Lang::French,
    };
    out.push_str(&printer.fact_test(kind));
}
