//! Lowering of the rules a decision follows: classification, status, working
//! time, minimum salary, mission cap, provisions (the trial period: `lower_trials`).

use rust_decimal::Decimal;

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Spanned;

impl Lowering {
    pub(super) fn classification(&mut self, pair: P) -> Classification {
        let mut out = Classification {
            span: self.span(&pair),
            floors: Vec::new(),
            transitional: Vec::new(),
            conditional: Vec::new(),
            highest_wins: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::highest_wins => out.highest_wins = Some(here),
                Rule::floor_rule => {
                    let floor = self.floor_rule(p);
                    out.floors.push(floor);
                }
                Rule::transitional => {
                    let t = self.transitional(p);
                    out.transitional.push(t);
                }
                Rule::cond_floor => {
                    let floor = self.cond_floor(p);
                    out.conditional.push(floor);
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn transitional(&mut self, pair: P) -> Transitional {
        let here = self.span(&pair);
        let mut out = Transitional {
            span: here,
            coefficient: Spanned::new(0, here),
            limit: Spanned::new(DurationValue::Parameter(String::new()), here),
            from: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::integer => out.coefficient = self.integer(p),
                Rule::duration_value => out.limit = self.duration_value(p),
                Rule::date => out.from = Some(self.date(p)),
                Rule::source => self.set_source(&mut out.source, p),
                _ => {}
            }
        }
        out
    }

    pub(super) fn floor_rule(&mut self, pair: P) -> FloorRule {
        let here = self.span(&pair);
        let mut out = FloorRule {
            span: here,
            kind: Spanned::new(FloorKind::Job, here),
            blank_cell: None,
            off_grid: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::floor_kind => {
                    let kind = match p.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_diploma) => FloorKind::Diploma,
                        Some(Rule::kw_previous_coefficient) => FloorKind::PreviousCoefficient,
                        Some(Rule::kw_mission) => FloorKind::Mission,
                        Some(Rule::kw_position) => FloorKind::Position,
                        Some(Rule::kw_criteria) => FloorKind::Criteria,
                        _ => FloorKind::Job,
                    };
                    out.kind = Spanned::new(kind, here);
                }
                Rule::source => self.set_source(&mut out.source, p),
                Rule::blank_cell_option => {
                    let choice = match p.into_inner().last().map(|k| k.as_rule()) {
                        Some(Rule::kw_no_floor) => BlankCell::NoFloor,
                        _ => BlankCell::PreviousBand,
                    };
                    self.set_once(
                        &mut out.blank_cell,
                        Spanned::new(choice, here),
                        here,
                        "blank-cell rule",
                    );
                }
                Rule::off_grid_option => {
                    let choice = match p.into_inner().last().map(|k| k.as_rule()) {
                        Some(Rule::kw_reject) => OffGrid::Reject,
                        _ => OffGrid::NextLevel,
                    };
                    self.set_once(
                        &mut out.off_grid,
                        Spanned::new(choice, here),
                        here,
                        "off-grid rule",
                    );
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn status_rules(&mut self, pair: P) -> StatusRules {
        let mut out = StatusRules {
            span: self.span(&pair),
            rules: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::status_rule => {
                    let rule = self.status_rule(p);
                    out.rules.push(rule);
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn status_rule(&mut self, pair: P) -> StatusRule {
        let here = self.span(&pair);
        let mut out = StatusRule {
            span: here,
            status: Spanned::new(String::new(), here),
            label: None,
            condition: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.status = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::condition => out.condition = Some(self.condition(p)),
                _ => {}
            }
        }
        out
    }

    pub(super) fn condition(&mut self, pair: P) -> Spanned<Condition> {
        let sp = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(Condition::Category(Spanned::new(String::new(), sp)), sp);
        };
        let condition = if inner.as_rule() == Rule::category_condition {
            let id = self
                .inner(inner, Rule::id)
                .map(|i| self.text(i))
                .unwrap_or_else(|| Spanned::new(String::new(), sp));
            Condition::Category(id)
        } else {
            let mut subject = CompareSubject::Coefficient;
            let mut op = CompareOp::Ge;
            let mut value = 0;
            for p in inner.into_inner() {
                match p.as_rule() {
                    Rule::compared
                        if p.clone().into_inner().next().map(|k| k.as_rule())
                            == Some(Rule::kw_level) =>
                    {
                        subject = CompareSubject::Level;
                    }
                    Rule::compare_op => op = super::lower_functions::compare_op(p.as_str()),
                    Rule::integer => value = self.integer(p).node,
                    _ => {}
                }
            }
            Condition::Compare { subject, op, value }
        };
        Spanned::new(condition, sp)
    }

    pub(super) fn working_time(&mut self, pair: P) -> WorkingTime {
        let mut out = WorkingTime {
            span: self.span(&pair),
            reference_hours: None,
            maximum_hours: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::reference_hours => {
                    if let Some(e) = self.inner(p, Rule::expr) {
                        let e = self.expr(e);
                        self.set_once(&mut out.reference_hours, e, here, "reference hours");
                    }
                }
                Rule::maximum_hours => {
                    if let Some(e) = self.inner(p, Rule::expr) {
                        let e = self.expr(e);
                        self.set_once(&mut out.maximum_hours, e, here, "maximum hours");
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn minimum_salary(&mut self, pair: P) -> MinimumSalary {
        let here = self.span(&pair);
        let mut formula = Expr {
            span: here,
            kind: ExprKind::Number {
                value: Decimal::ZERO,
                unit: NumberUnit::None,
            },
        };
        let mut source = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expr => formula = self.expr(p),
                Rule::source => self.set_source(&mut source, p),
                _ => {}
            }
        }
        MinimumSalary {
            span: here,
            formula,
            source,
        }
    }

    pub(super) fn mission_cap(&mut self, pair: P) -> MissionCap {
        let mut out = MissionCap {
            span: self.span(&pair),
            window: None,
            at_most: None,
            claim_band: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::window => {
                    if let Some(d) = self.inner(p, Rule::duration_value) {
                        let d = self.duration_value(d);
                        self.set_once(&mut out.window, d, here, "window");
                    }
                }
                Rule::at_most => {
                    if let Some(d) = self.inner(p, Rule::duration_value) {
                        let d = self.duration_value(d);
                        self.set_once(&mut out.at_most, d, here, "limit");
                    }
                }
                Rule::claim => {
                    if let Some(i) = self.inner(p, Rule::id) {
                        let i = self.text(i);
                        self.set_once(&mut out.claim_band, i, here, "claim");
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn provision(&mut self, pair: P) -> Provision {
        let here = self.span(&pair);
        let mut out = Provision {
            span: here,
            title: Spanned::new(String::new(), here),
            text: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::string => out.title = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::document => {
                    let v = self.inner_string(p);
                    self.set_once(&mut out.text, v, here, "text");
                }
                _ => {}
            }
        }
        out
    }
}
