//! Lines of the declarations that layer rule files: the header's kind,
//! `sous la loi`, `modifie` and what it takes over or sets aside,
//! `dans le cadre de`, the law's minimum and trial maxima, and `par "…"`
//! citations of dated values.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::span::Spanned;
use crate::syntax::ast::*;

impl Printer<'_> {
    pub(super) fn agreement_kind(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::Branch => self.w("convention", "agreement"),
            AgreementKind::Law => self.w("loi", "law"),
            AgreementKind::Company => self.w("accord d'entreprise", "company agreement"),
        }
    }

    /// `text par "…"` when the value cites the instrument that set it.
    pub(super) fn cited(&self, text: String, cited: &Option<Spanned<String>>) -> String {
        match cited {
            Some(c) => format!("{text} {} {}", self.w("par", "by"), quote(&c.node)),
            None => text,
        }
    }

    pub(super) fn layer_link(&self, link: &LayerLink, keyword: &str) -> Vec<Line> {
        let head = format!("{keyword} {}", quote(&link.path.node));
        let mut node = Node::new(Line::owner(0, head, link.span.start, link.path.span.end));
        node.add(self.source(2, &link.source));
        node.finish()
    }

    pub(super) fn amends(&self, a: &Amends) -> Vec<Line> {
        let head = format!("{} {}", self.w("modifie", "amends"), quote(&a.path.node));
        let mut node = Node::new(Line::owner(0, head, a.span.start, a.path.span.end));
        node.add(self.source(2, &a.source));
        for t in &a.taken_over {
            let text = format!(
                "{} {} {} {} : {}",
                self.w("métier", "job"),
                t.old.node,
                self.w("repris par", "taken over by"),
                t.new.node,
                quote(&t.reason.node)
            );
            node.add(vec![Line::leaf(2, text, t.span.start, t.span.end)]);
        }
        for s in &a.set_aside {
            let text = format!(
                "{} {} : {}",
                self.w("écarte", "sets aside"),
                self.set_aside_what(&s.what),
                quote(&s.reason.node)
            );
            node.add(vec![Line::leaf(2, text, s.span.start, s.span.end)]);
        }
        node.finish()
    }

    fn set_aside_what(&self, what: &SetAsideWhat) -> String {
        match what {
            SetAsideWhat::Job(id) => format!("{} {}", self.w("métier", "job"), id.node),
            SetAsideWhat::Provision(title) => {
                format!(
                    "{} {}",
                    self.w("disposition", "provision"),
                    quote(&title.node)
                )
            }
            SetAsideWhat::Transitional {
                coefficients,
                own_jobs,
            } => {
                let list: Vec<String> = coefficients.iter().map(|c| c.node.to_string()).collect();
                let mut text = format!(
                    "{} {}",
                    self.w("coefficient transitoire", "transitional coefficient"),
                    list.join(", ")
                );
                if *own_jobs {
                    text.push(' ');
                    text.push_str(self.w(
                        "pour les métiers de ce fichier",
                        "for the jobs of this file",
                    ));
                }
                text
            }
        }
    }

    pub(super) fn legal_minimum(&self, m: &MinimumSalary) -> Vec<Line> {
        let text = format!(
            "{} {}",
            self.label("salaire minimum légal", "legal minimum salary"),
            self.expr(&m.formula)
        );
        let mut node = Node::new(Line::owner(0, text, m.span.start, m.formula.span.end));
        node.add(self.source(2, &m.source));
        node.finish()
    }

    pub(super) fn trial_maximum(&self, t: &TrialMaximum) -> Vec<Line> {
        let mut node = self.bare_head(t.span, "période d'essai maximale", "maximum trial period");
        node.add(self.source(2, &t.source));
        for rule in &t.rules {
            let length = self.duration_value(&rule.length.node, self.text_of(rule.length.span));
            let mut text = format!(
                "{} {} : {length}",
                self.w("catégorie", "category"),
                rule.category.node
            );
            let mut end = rule.length.span.end;
            if let Some(total) = &rule.total {
                let value = self.duration_value(&total.node, self.text_of(total.span));
                text = format!(
                    "{text}, {} {value}",
                    self.w("renouvellement compris", "renewal included")
                );
                end = total.span.end;
            }
            let mut rule_node = Node::new(Line::owner(2, text, rule.span.start, end));
            rule_node.add(self.source(4, &rule.source));
            node.add(rule_node.finish());
        }
        node.finish()
    }
}
