//! Lowering of classification by criteria: `critère`, `cotation` and a job's `degrés`.

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Spanned;

impl Lowering {
    pub(super) fn criterion(&mut self, pair: P) -> Criterion {
        let here = self.span(&pair);
        let mut out = Criterion {
            span: here,
            id: Spanned::new(String::new(), here),
            label: Spanned::new(String::new(), here),
            degrees: Vec::new(),
            degrees_span: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::degrees => {
                    out.degrees_span = Some(self.span(&p));
                    for q in p.into_inner().filter(|q| q.as_rule() == Rule::integer) {
                        let points = self.integer(q);
                        out.degrees.push(points);
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn scoring(&mut self, pair: P) -> Scoring {
        let mut out = Scoring {
            span: self.span(&pair),
            title: None,
            rows: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => out.title = Some(self.string(p)),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::score_row => {
                    let row = self.score_row(p);
                    out.rows.push(row);
                }
                _ => {}
            }
        }
        out
    }

    fn score_row(&mut self, pair: P) -> ScoreRow {
        let here = self.span(&pair);
        let zero = Spanned::new(0, here);
        let mut row = ScoreRow {
            span: here,
            from: zero.clone(),
            to: zero.clone(),
            coefficient: zero,
            source: None,
        };
        let mut numbers = 0;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::integer => {
                    let n = self.integer(p);
                    match numbers {
                        0 => row.from = n,
                        1 => row.to = n,
                        _ => row.coefficient = n,
                    }
                    numbers += 1;
                }
                Rule::source => self.set_source(&mut row.source, p),
                _ => {}
            }
        }
        row
    }

    /// `degrés connaissances 3, technicite 2` in a job.
    pub(super) fn job_degrees(&mut self, pair: P) -> Vec<JobDegree> {
        let mut out = Vec::new();
        for p in pair.into_inner().filter(|p| p.as_rule() == Rule::job_degree) {
            let here = self.span(&p);
            let mut degree = JobDegree {
                criterion: Spanned::new(String::new(), here),
                degree: Spanned::new(0, here),
            };
            for q in p.into_inner() {
                match q.as_rule() {
                    Rule::id => degree.criterion = self.text(q),
                    Rule::integer => degree.degree = self.integer(q),
                    _ => {}
                }
            }
            out.push(degree);
        }
        out
    }
}
