//! The rules a decision follows, to lines: classification, status, working
//! time, minimum salary, mission cap, trial period, provisions.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::syntax::ast::*;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn classification(&self, c: &Classification) -> Vec<Line> {
        let mut node = self.bare_head(c.span, keywords::CLASSIFICATION);
        node.add(self.source(2, &c.source));
        for floor in &c.floors {
            node.add(self.floor_rule(floor));
        }
        for t in &c.transitional {
            node.add(self.transitional(t));
        }
        for f in &c.conditional {
            node.add(self.cond_floor(f));
        }
        node.add_line(c.highest_wins.map(|span| {
            let text = self.kw(keywords::HIGHEST_WINS).to_string();
            Line::leaf(2, text, span.start, span.end)
        }));
        node.finish()
    }

    pub(super) fn floor_rule(&self, f: &FloorRule) -> Vec<Line> {
        let kind = match f.kind.node {
            FloorKind::Job => self.kw(keywords::JOB),
            FloorKind::Diploma => self.kw(keywords::DIPLOMA),
            FloorKind::PreviousCoefficient => self.kw(keywords::PREVIOUS_COEFFICIENT),
            FloorKind::Mission => self.kw(keywords::MISSION),
            FloorKind::Position => self.kw(keywords::POSITION),
            FloorKind::Criteria => self.kw(keywords::CRITERIA),
        };
        let text = format!("{} {kind}", self.kw(keywords::FLOOR));
        let mut node = Node::new(Line::owner(2, text, f.span.start, f.kind.span.end));
        node.add(self.source(4, &f.source));
        node.add_line(f.blank_cell.as_ref().map(|b| {
            let choice = match b.node {
                BlankCell::PreviousBand => self.kw(keywords::PREVIOUS_BAND),
                BlankCell::NoFloor => self.kw(keywords::NO_FLOOR),
            };
            let text = format!("{} {choice}", self.kw_label(keywords::BLANK_CELL));
            Line::leaf(4, text, b.span.start, b.span.end)
        }));
        node.add_line(f.off_grid.as_ref().map(|o| {
            let choice = match o.node {
                OffGrid::NextLevel => self.kw(keywords::NEXT_LEVEL),
                OffGrid::Reject => self.kw(keywords::REJECT),
            };
            let text = format!("{} {choice}", self.kw_label(keywords::OFF_GRID));
            Line::leaf(4, text, o.span.start, o.span.end)
        }));
        node.finish()
    }

    pub(super) fn transitional(&self, t: &Transitional) -> Vec<Line> {
        let limit = self.duration_value(&t.limit.node, self.text_of(t.limit.span));
        let mut text = format!(
            "{} {} : {} {limit}",
            self.kw(keywords::TRANSITIONAL),
            t.coefficient.node,
            self.kw(keywords::AT_MOST)
        );
        let mut end = t.limit.span.end;
        if let Some(from) = &t.from {
            text = format!("{text} {} {}", self.kw(keywords::FROM), from.node);
            end = from.span.end;
        }
        let mut node = Node::new(Line::owner(2, text, t.span.start, end));
        node.add(self.source(4, &t.source));
        node.finish()
    }

    pub(super) fn status(&self, s: &StatusRules) -> Vec<Line> {
        let mut node = self.bare_head(s.span, keywords::STATUS);
        node.add(self.source(2, &s.source));
        for rule in &s.rules {
            node.add(self.status_rule(rule));
        }
        node.finish()
    }

    pub(super) fn status_rule(&self, r: &StatusRule) -> Vec<Line> {
        let (status, before) = match &r.label {
            Some(l) => (format!("{} {}", r.status.node, quote(&l.node)), l.span.end),
            None => (r.status.node.clone(), r.status.span.end),
        };
        let (text, end) = match &r.condition {
            Some(c) => {
                let text = format!(
                    "{status} {} {}",
                    self.kw(keywords::IF),
                    self.condition(&c.node)
                );
                (text, c.span.end)
            }
            None => {
                let text = format!("{status} {}", self.kw(keywords::OTHERWISE));
                (text, self.word_after(before).1)
            }
        };
        let mut node = Node::new(Line::owner(2, text, r.span.start, end));
        node.add(self.source(4, &r.source));
        node.finish()
    }

    pub(super) fn working_time(&self, w: &WorkingTime) -> Vec<Line> {
        let mut node = self.bare_head(w.span, keywords::WORKING_TIME);
        node.add(self.source(2, &w.source));
        let hours = [
            (&w.reference_hours, self.kw_label(keywords::REFERENCE_HOURS)),
            (&w.maximum_hours, self.kw_label(keywords::MAXIMUM_HOURS)),
        ];
        for (formula, keyword) in hours {
            node.add_line(formula.as_ref().map(|e| {
                Line::leaf(
                    2,
                    format!("{keyword} {}", self.expr(e)),
                    e.span.start,
                    e.span.end,
                )
            }));
        }
        node.finish()
    }

    pub(super) fn minimum_salary(&self, m: &MinimumSalary) -> Vec<Line> {
        let text = format!(
            "{} {}",
            self.kw_label(keywords::MINIMUM_SALARY),
            self.expr(&m.formula)
        );
        let mut node = Node::new(Line::owner(0, text, m.span.start, m.formula.span.end));
        node.add(self.source(2, &m.source));
        node.finish()
    }

    pub(super) fn mission_cap(&self, m: &MissionCap) -> Vec<Line> {
        let mut node = self.bare_head(m.span, keywords::MISSION_CAP);
        node.add(self.source(2, &m.source));
        let durations = [
            (&m.window, self.kw(keywords::WINDOW)),
            (&m.at_most, self.kw(keywords::AT_MOST)),
        ];
        for (value, keyword) in durations {
            node.add_line(value.as_ref().map(|d| {
                let text = format!(
                    "{keyword} {}",
                    self.duration_value(&d.node, self.text_of(d.span))
                );
                Line::leaf(2, text, d.span.start, d.span.end)
            }));
        }
        node.add_line(m.claim_band.as_ref().map(|band| {
            let text = format!(
                "{} {} {}",
                self.kw_label(keywords::CLAIM),
                self.kw(keywords::BAND),
                band.node
            );
            Line::leaf(2, text, band.span.start, band.span.end)
        }));
        node.finish()
    }

    pub(super) fn trial_period(&self, t: &TrialPeriod) -> Vec<Line> {
        let mut node = self.bare_head(t.span, keywords::TRIAL);
        node.add_line(t.at.as_ref().map(|at| {
            let text = match (at.node.hire, at.node.moves) {
                (true, true) => format!(
                    "{} {} {}",
                    self.kw(keywords::AT_HIRE),
                    self.kw(keywords::AND),
                    self.kw(keywords::ON_MOVE)
                ),
                (true, false) => self.kw(keywords::AT_HIRE).to_string(),
                _ => self.kw(keywords::ON_MOVE).to_string(),
            };
            Line::leaf(2, text, at.span.start, at.span.end)
        }));
        node.add(self.source(2, &t.source));
        for rule in &t.rules {
            node.add(self.trial_rule(rule));
        }
        node.finish()
    }

    pub(super) fn trial_rule(&self, r: &TrialRule) -> Vec<Line> {
        let length = self.duration_value(&r.length.node, self.text_of(r.length.span));
        let selector = match &r.selector.node {
            TrialSelector::Category(id) => format!("{} {id}", self.kw(keywords::CATEGORY)),
            TrialSelector::Coefficients { from, to } => format!(
                "{} {from} {} {to}",
                self.kw(keywords::COEFFICIENTS),
                self.kw(keywords::TO)
            ),
            TrialSelector::Grid { grid, range } => {
                let mut text = format!("{} {}", self.kw(keywords::GRID), grid.node);
                if let Some((from, to)) = range {
                    let (c, to_word) = (self.kw(keywords::COEFFICIENTS), self.kw(keywords::TO));
                    text = format!("{text}, {c} {from} {to_word} {to}");
                }
                text
            }
        };
        let mut text = format!("{selector} : {length}");
        let mut end = r.length.span.end;
        if let Some(renewal) = &r.renewal {
            let value = self.duration_value(&renewal.node, self.text_of(renewal.span));
            text = format!("{text}, {} {value}", self.kw(keywords::RENEWAL));
            end = renewal.span.end;
        }
        if let Some(from) = &r.renewal_from_coefficient {
            text = format!(
                "{text} {} {}",
                self.kw(keywords::FROM_COEFFICIENT),
                from.node
            );
            end = from.span.end;
        }
        if let Some(except) = &r.renewal_except {
            text = format!("{text} {} {}", self.kw(keywords::EXCEPT), except.written());
            end = except.label.span.end;
        }
        let mut node = Node::new(Line::owner(2, text, r.span.start, end));
        node.add(self.source(4, &r.source));
        node.finish()
    }

    pub(super) fn provision(&self, p: &Provision) -> Vec<Line> {
        let head = format!("{} {}", self.kw(keywords::PROVISION), quote(&p.title.node));
        let mut node = Node::new(Line::owner(0, head, p.span.start, p.title.span.end));
        node.add_line(
            p.text
                .as_ref()
                .map(|t| self.string_line(2, self.kw(keywords::DOCUMENT), t)),
        );
        node.add(self.source(2, &p.source));
        node.finish()
    }
}
