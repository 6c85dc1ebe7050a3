//! Examples to lines: the facts and the expected outcome, as listings.

use super::lines::{continuation, fits, Line, Node};
use super::words::{quote, Printer};
use crate::span::Span;
use crate::syntax::ast::*;

impl Printer<'_> {
    pub(super) fn example(&self, e: &Example) -> Vec<Line> {
        let head = format!("{} {}", self.w("exemple", "example"), quote(&e.title.node));
        let mut node = Node::new(Line::owner(0, head, e.span.start, e.title.span.end));
        node.add(self.source(2, &e.source));
        node.add_line(
            e.as_of
                .as_ref()
                .map(|d| self.date_line(2, self.w("au", "as of"), d)),
        );
        let facts = e.facts.iter().map(|f| (self.fact(&f.node), f.span));
        node.add(self.listing(&self.label("faits", "facts"), facts.collect()));
        let expected = e
            .expectations
            .iter()
            .map(|x| (self.expectation(&x.node), x.span));
        node.add(self.listing(&self.label("attendu", "expect"), expected.collect()));
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
            Fact::Job(j) => format!("{} {}", self.w("métier", "job"), quote(j)),
            Fact::Since(d) => format!("{} {d}", self.w("depuis", "since")),
            Fact::PriorMonths(n) => {
                let unit = self.w("mois", if *n == 1 { "month" } else { "months" });
                format!(
                    "{} {n} {unit}",
                    self.w("ancienneté antérieure", "prior experience")
                )
            }
            Fact::Diploma(d) => format!("{} {d}", self.w("diplôme", "diploma")),
            Fact::PreviousCoefficient(c) => format!(
                "{} {c}",
                self.w("coefficient antérieur", "previous coefficient")
            ),
            Fact::Hours(h) => format!("{} {h}", self.w("heures", "hours")),
            Fact::Salary(s) => format!("{} {s} €", self.w("salaire", "salary")),
            Fact::AppliedCoefficient(c) => format!(
                "{} {c}",
                self.w("coefficient appliqué", "applied coefficient")
            ),
            Fact::Mission { job, start, end } => {
                let mut text = format!("mission {} {} {start}", quote(job), self.w("du", "from"));
                if let Some(end) = end {
                    text = format!("{text} {} {end}", self.w("au", "to"));
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
                let mut text = format!(
                    "{} {} {} {} {} {} {on}",
                    self.w("mobilité", "move"),
                    self.w("de", "from"),
                    quote(from),
                    self.w("vers", "to"),
                    quote(to),
                    self.w("le", "on"),
                );
                if *renewed {
                    text = format!("{text} {}", self.w("renouvelée", "renewed"));
                }
                if let Some(b) = broken_on {
                    text = format!("{text} {} {b}", self.w("rompue le", "broken on"));
                }
                text
            }
        }
    }

    pub(super) fn expectation(&self, x: &Expectation) -> String {
        match x {
            Expectation::Coefficient(c) => format!("coefficient {c}"),
            Expectation::Band(b) => format!("{} {b}", self.w("tranche", "band")),
            Expectation::Level(l) => format!("{} {l}", self.w("niveau", "level")),
            Expectation::Category(c) => format!("{} {c}", self.w("catégorie", "category")),
            Expectation::Status(s) => format!("{} {s}", self.w("statut", "status")),
            Expectation::Job(j) => format!("{} {j}", self.w("métier", "job")),
            Expectation::MinimumSalary(m) => {
                format!("{} {m} €", self.w("salaire minimum", "minimum salary"))
            }
            Expectation::AgreementMinimum(m) => format!(
                "{} {m} €",
                self.w("minimum conventionnel", "agreement minimum")
            ),
            Expectation::Shortfall(m) => format!("{} {m} €", self.w("manque", "shortfall")),
            Expectation::NextStep(Some(d)) => {
                format!("{} {d}", self.w("prochaine étape", "next step"))
            }
            Expectation::NextStep(None) => format!(
                "{} {}",
                self.w("prochaine étape", "next step"),
                self.w("aucune", "none")
            ),
            Expectation::Claim { job, since } => format!(
                "{} {job} {} {since}",
                self.w("droit", "claim"),
                self.w("depuis", "since")
            ),
            Expectation::TrialEnd(d) => format!("{} {d}", self.w("fin d'essai", "trial end")),
            Expectation::Rejected => self.w("rejeté", "rejected").to_string(),
        }
    }
}
