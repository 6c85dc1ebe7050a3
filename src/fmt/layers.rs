//! Lines of the declarations that layer rule files: the header's kind,
//! `sous la loi`, `modifie` and what it takes over or sets aside,
//! `dans le cadre de`, the law's minimum and trial maxima, and `par "…"`
//! citations of dated values.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::span::Spanned;
use crate::syntax::ast::*;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn agreement_kind(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::Branch => self.kw(keywords::AGREEMENT),
            AgreementKind::Law => self.kw(keywords::LAW),
            AgreementKind::Company => self.kw(keywords::COMPANY),
        }
    }

    /// `text par "…"` when the value cites the instrument that set it.
    pub(super) fn cited(&self, text: String, cited: &Option<Spanned<String>>) -> String {
        match cited {
            Some(c) => format!("{text} {} {}", self.kw(keywords::BY), quote(&c.node)),
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
        let head = format!("{} {}", self.kw(keywords::AMENDS), quote(&a.path.node));
        let mut node = Node::new(Line::owner(0, head, a.span.start, a.path.span.end));
        node.add(self.source(2, &a.source));
        for t in &a.taken_over {
            let text = format!(
                "{} {} {} {} : {}",
                self.kw(keywords::JOB),
                t.old.node,
                self.kw(keywords::TAKEN_OVER_BY),
                t.new.node,
                quote(&t.reason.node)
            );
            node.add(vec![Line::leaf(2, text, t.span.start, t.span.end)]);
        }
        for s in &a.set_aside {
            let text = format!(
                "{} {} : {}",
                self.kw(keywords::SET_ASIDE),
                self.set_aside_what(&s.what),
                quote(&s.reason.node)
            );
            node.add(vec![Line::leaf(2, text, s.span.start, s.span.end)]);
        }
        node.finish()
    }

    fn set_aside_what(&self, what: &SetAsideWhat) -> String {
        match what {
            SetAsideWhat::Job(id) => format!("{} {}", self.kw(keywords::JOB), id.node),
            SetAsideWhat::Provision(title) => {
                format!("{} {}", self.kw(keywords::PROVISION), quote(&title.node))
            }
            SetAsideWhat::Transitional {
                coefficients,
                own_jobs,
            } => {
                let list: Vec<String> = coefficients.iter().map(|c| c.node.to_string()).collect();
                let mut text = format!("{} {}", self.kw(keywords::TRANSITIONAL), list.join(", "));
                if *own_jobs {
                    text.push(' ');
                    text.push_str(self.kw(keywords::OWN_JOBS));
                }
                text
            }
        }
    }

    pub(super) fn legal_minimum(&self, m: &MinimumSalary) -> Vec<Line> {
        let text = format!(
            "{} {}",
            self.kw_label(keywords::LEGAL_MINIMUM),
            self.expr(&m.formula)
        );
        let mut node = Node::new(Line::owner(0, text, m.span.start, m.formula.span.end));
        node.add(self.source(2, &m.source));
        node.finish()
    }

    pub(super) fn trial_maximum(&self, t: &TrialMaximum) -> Vec<Line> {
        let mut node = self.bare_head(t.span, keywords::TRIAL_MAXIMUM);
        node.add(self.source(2, &t.source));
        for rule in &t.rules {
            let length = self.duration_value(&rule.length.node, self.text_of(rule.length.span));
            let mut text = format!(
                "{} {} : {length}",
                self.kw(keywords::CATEGORY),
                rule.category.node
            );
            let mut end = rule.length.span.end;
            if let Some(total) = &rule.total {
                let value = self.duration_value(&total.node, self.text_of(total.span));
                text = format!("{text}, {} {value}", self.kw(keywords::RENEWAL_INCLUDED));
                end = total.span.end;
            }
            let mut rule_node = Node::new(Line::owner(2, text, rule.span.start, end));
            rule_node.add(self.source(4, &rule.source));
            node.add(rule_node.finish());
        }
        node.finish()
    }
}
