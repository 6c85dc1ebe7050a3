//! The rules a decision follows, to lines: classification, status, working
//! time, minimum salary, mission cap, trial period, provisions.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::syntax::ast::*;

impl Printer<'_> {
    pub(super) fn classification(&self, c: &Classification) -> Vec<Line> {
        let mut node = self.bare_head(c.span, "classement", "classification");
        node.add(self.source(2, &c.source));
        for floor in &c.floors {
            node.add(self.floor_rule(floor));
        }
        for t in &c.transitional {
            node.add(self.transitional(t));
        }
        node.add_line(c.highest_wins.map(|span| {
            let text = self
                .w("le plus élevé l'emporte", "highest wins")
                .to_string();
            Line::leaf(2, text, span.start, span.end)
        }));
        node.finish()
    }

    pub(super) fn floor_rule(&self, f: &FloorRule) -> Vec<Line> {
        let kind = match f.kind.node {
            FloorKind::Job => self.w("métier", "job"),
            FloorKind::Diploma => self.w("diplôme", "diploma"),
            FloorKind::PreviousCoefficient => {
                self.w("coefficient antérieur", "previous coefficient")
            }
            FloorKind::Mission => "mission",
        };
        let text = format!("{} {kind}", self.w("plancher", "floor"));
        let mut node = Node::new(Line::owner(2, text, f.span.start, f.kind.span.end));
        node.add(self.source(4, &f.source));
        node.add_line(f.blank_cell.as_ref().map(|b| {
            let choice = match b.node {
                BlankCell::PreviousBand => self.w("tranche précédente", "previous band"),
                BlankCell::NoFloor => self.w("aucun plancher", "no floor"),
            };
            let text = format!("{} {choice}", self.label("case vide", "blank cell"));
            Line::leaf(4, text, b.span.start, b.span.end)
        }));
        node.add_line(f.off_grid.as_ref().map(|o| {
            let choice = match o.node {
                OffGrid::NextLevel => self.w("niveau supérieur", "next level"),
                OffGrid::Reject => self.w("rejet", "reject"),
            };
            let text = format!("{} {choice}", self.label("hors grille", "off grid"));
            Line::leaf(4, text, o.span.start, o.span.end)
        }));
        node.finish()
    }

    pub(super) fn transitional(&self, t: &Transitional) -> Vec<Line> {
        let limit = self.duration_value(&t.limit.node, self.text_of(t.limit.span));
        let mut text = format!(
            "{} {} : {} {limit}",
            self.w("coefficient transitoire", "transitional coefficient"),
            t.coefficient.node,
            self.w("au plus", "at most")
        );
        let mut end = t.limit.span.end;
        if let Some(from) = &t.from {
            text = format!("{text} {} {}", self.w("depuis", "from"), from.node);
            end = from.span.end;
        }
        let mut node = Node::new(Line::owner(2, text, t.span.start, end));
        node.add(self.source(4, &t.source));
        node.finish()
    }

    pub(super) fn status(&self, s: &StatusRules) -> Vec<Line> {
        let mut node = self.bare_head(s.span, "statut", "status");
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
                    self.w("si", "if"),
                    self.condition(&c.node)
                );
                (text, c.span.end)
            }
            None => {
                let text = format!("{status} {}", self.w("sinon", "otherwise"));
                (text, self.word_after(before).1)
            }
        };
        let mut node = Node::new(Line::owner(2, text, r.span.start, end));
        node.add(self.source(4, &r.source));
        node.finish()
    }

    pub(super) fn working_time(&self, w: &WorkingTime) -> Vec<Line> {
        let mut node = self.bare_head(w.span, "temps de travail", "working time");
        node.add(self.source(2, &w.source));
        let hours = [
            (
                &w.reference_hours,
                self.label("heures de référence", "reference hours"),
            ),
            (
                &w.maximum_hours,
                self.label("heures maximales", "maximum hours"),
            ),
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
            self.label("salaire minimum", "minimum salary"),
            self.expr(&m.formula)
        );
        let mut node = Node::new(Line::owner(0, text, m.span.start, m.formula.span.end));
        node.add(self.source(2, &m.source));
        node.finish()
    }

    pub(super) fn mission_cap(&self, m: &MissionCap) -> Vec<Line> {
        let mut node = self.bare_head(m.span, "plafond des missions", "mission cap");
        node.add(self.source(2, &m.source));
        let durations = [
            (&m.window, self.w("fenêtre", "window")),
            (&m.at_most, self.w("au plus", "at most")),
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
                self.label("droit", "claim"),
                self.w("tranche", "band"),
                band.node
            );
            Line::leaf(2, text, band.span.start, band.span.end)
        }));
        node.finish()
    }

    pub(super) fn trial_period(&self, t: &TrialPeriod) -> Vec<Line> {
        let mut node = self.bare_head(t.span, "période d'essai", "trial period");
        node.add(self.source(2, &t.source));
        for rule in &t.rules {
            node.add(self.trial_rule(rule));
        }
        node.finish()
    }

    pub(super) fn trial_rule(&self, r: &TrialRule) -> Vec<Line> {
        let length = self.duration_value(&r.length.node, self.text_of(r.length.span));
        let mut text = format!(
            "{} {} : {length}",
            self.w("catégorie", "category"),
            r.category.node
        );
        let mut end = r.length.span.end;
        if let Some(renewal) = &r.renewal {
            let value = self.duration_value(&renewal.node, self.text_of(renewal.span));
            text = format!("{text}, {} {value}", self.w("renouvellement", "renewal"));
            end = renewal.span.end;
        }
        if let Some(from) = &r.renewal_from_coefficient {
            text = format!(
                "{text} {} {}",
                self.w("dès le coefficient", "from coefficient"),
                from.node
            );
            end = from.span.end;
        }
        let mut node = Node::new(Line::owner(2, text, r.span.start, end));
        node.add(self.source(4, &r.source));
        node.finish()
    }

    pub(super) fn provision(&self, p: &Provision) -> Vec<Line> {
        let head = format!(
            "{} {}",
            self.w("disposition", "provision"),
            quote(&p.title.node)
        );
        let mut node = Node::new(Line::owner(0, head, p.span.start, p.title.span.end));
        node.add_line(
            p.text
                .as_ref()
                .map(|t| self.string_line(2, self.w("texte", "document"), t)),
        );
        node.add(self.source(2, &p.source));
        node.finish()
    }
}
