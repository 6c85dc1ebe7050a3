//! Formatting of classification by criteria: `critère`, `cotation`, a job's `degrés`.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::syntax::ast::*;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn criterion(&self, c: &Criterion) -> Vec<Line> {
        let mut head = format!(
            "{} {} {}",
            self.kw(keywords::CRITERION),
            c.id.node,
            quote(&c.label.node)
        );
        let mut end = c.label.span.end;
        if let (Some(span), Some(last)) = (c.degrees_span, c.degrees.last()) {
            let points: Vec<String> = c.degrees.iter().map(|d| d.node.to_string()).collect();
            head = format!(
                "{head} {} {}",
                self.kw(keywords::DEGREES),
                points.join(", ")
            );
            end = end.max(span.end).max(last.span.end);
        }
        let mut node = Node::new(Line::owner(0, head, c.span.start, end));
        node.add(self.source(2, &c.source));
        node.finish()
    }

    pub(super) fn scoring(&self, s: &Scoring) -> Vec<Line> {
        let mut node = self.bare_head(s.span, keywords::SCORING);
        if let Some(title) = &s.title {
            let head = format!("{} {}", self.kw(keywords::SCORING), quote(&title.node));
            node = Node::new(Line::owner(0, head, s.span.start, title.span.end));
        }
        node.add(self.source(2, &s.source));
        for row in &s.rows {
            let text = format!(
                "{} {} {} : {}",
                row.from.node,
                self.kw(keywords::TO),
                row.to.node,
                row.coefficient.node
            );
            let mut line = Node::new(Line::owner(
                2,
                text,
                row.span.start,
                row.coefficient.span.end,
            ));
            line.add(self.source(4, &row.source));
            node.add(line.finish());
        }
        node.finish()
    }

    /// `degrés connaissances 3, technicite 2` in a job, on one line.
    pub(super) fn job_degrees(&self, degrees: &[JobDegree]) -> Option<Line> {
        let (first, last) = (degrees.first()?, degrees.last()?);
        let listed: Vec<String> = degrees
            .iter()
            .map(|d| format!("{} {}", d.criterion.node, d.degree.node))
            .collect();
        let text = format!("{} {}", self.kw(keywords::DEGREES), listed.join(", "));
        Some(Line::leaf(
            2,
            text,
            first.criterion.span.start,
            last.degree.span.end,
        ))
    }
}
