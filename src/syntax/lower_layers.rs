//! Lowering of the declarations that layer rule files on each other: the
//! header's kind, `sous la loi`, `modifie`, `dans le cadre de`, the law's
//! minimum and its caps on trial periods.

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Spanned;

/// A trial line's category and durations (see [`Lowering::trial_line`]).
pub(super) struct TrialLine<'a> {
    pub category: Spanned<String>,
    pub first: Spanned<DurationValue>,
    pub second: Option<Spanned<DurationValue>>,
    pub rest: Vec<P<'a>>,
}

pub(super) fn agreement_kind(pair: P) -> AgreementKind {
    match pair.into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::kw_law) => AgreementKind::Law,
        Some(Rule::kw_company) => AgreementKind::Company,
        _ => AgreementKind::Branch,
    }
}

impl Lowering {
    pub(super) fn layer_link(&mut self, pair: P) -> LayerLink {
        let here = self.span(&pair);
        let mut out = LayerLink {
            span: here,
            path: Spanned::new(String::new(), here),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => out.path = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                _ => {}
            }
        }
        out
    }

    pub(super) fn amends(&mut self, pair: P) -> Amends {
        let here = self.span(&pair);
        let mut out = Amends {
            span: here,
            path: Spanned::new(String::new(), here),
            taken_over: Vec::new(),
            set_aside: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => out.path = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::taken_over => out.taken_over.push(self.taken_over(p)),
                Rule::set_aside => out.set_aside.push(self.set_aside(p)),
                _ => {}
            }
        }
        out
    }

    fn taken_over(&mut self, pair: P) -> TakenOver {
        let here = self.span(&pair);
        let empty = Spanned::new(String::new(), here);
        let mut ids = Vec::new();
        let mut reason = empty.clone();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => ids.push(self.text(p)),
                Rule::string => reason = self.string(p),
                _ => {}
            }
        }
        let mut ids = ids.into_iter();
        TakenOver {
            span: here,
            old: ids.next().unwrap_or_else(|| empty.clone()),
            new: ids.next().unwrap_or(empty),
            reason,
        }
    }

    fn set_aside(&mut self, pair: P) -> SetAside {
        let here = self.span(&pair);
        let mut what = SetAsideWhat::Provision(Spanned::new(String::new(), here));
        let mut reason = Spanned::new(String::new(), here);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::set_aside_job => {
                    if let Some(id) = p.into_inner().find(|q| q.as_rule() == Rule::id) {
                        what = SetAsideWhat::Job(self.text(id));
                    }
                }
                Rule::set_aside_provision => what = SetAsideWhat::Provision(self.inner_string(p)),
                Rule::set_aside_transitional => {
                    let mut coefficients = Vec::new();
                    let mut own_jobs = false;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::integer => coefficients.push(self.integer(q)),
                            Rule::own_jobs => own_jobs = true,
                            _ => {}
                        }
                    }
                    what = SetAsideWhat::Transitional {
                        coefficients,
                        own_jobs,
                    };
                }
                Rule::string => reason = self.string(p),
                _ => {}
            }
        }
        SetAside {
            span: here,
            what,
            reason,
        }
    }

    pub(super) fn trial_maximum(&mut self, pair: P) -> TrialMaximum {
        let mut out = TrialMaximum {
            span: self.span(&pair),
            rules: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::trial_max_rule => out.rules.push(self.trial_max_rule(p)),
                _ => {}
            }
        }
        out
    }

    fn trial_max_rule(&mut self, pair: P) -> TrialMaxRule {
        let here = self.span(&pair);
        let line = self.trial_line(pair);
        let mut rule = TrialMaxRule {
            span: here,
            category: line.category,
            length: line.first,
            total: line.second,
            source: None,
        };
        for q in line.rest {
            if q.as_rule() == Rule::source {
                self.set_source(&mut rule.source, q);
            }
        }
        rule
    }

    /// `catégorie ID : DURATION[, … DURATION]`: the words a trial rule and a
    /// trial cap share; what else the line holds is left to the caller.
    pub(super) fn trial_line<'a>(&mut self, pair: P<'a>) -> TrialLine<'a> {
        let here = self.span(&pair);
        let mut line = TrialLine {
            category: Spanned::new(String::new(), here),
            first: Spanned::new(DurationValue::Parameter(String::new()), here),
            second: None,
            rest: Vec::new(),
        };
        let mut durations = 0;
        for q in pair.into_inner() {
            match q.as_rule() {
                Rule::id => line.category = self.text(q),
                Rule::duration_value => {
                    let d = self.duration_value(q);
                    if durations == 0 {
                        line.first = d;
                    } else {
                        line.second = Some(d);
                    }
                    durations += 1;
                }
                _ => line.rest.push(q),
            }
        }
        line
    }
}
