//! Lowering of `période d'essai`: when trials open (at hire, on a move) and
//! the rules, each with its selector (a category, a coefficient range).

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::Spanned;

impl Lowering {
    pub(super) fn trial_period(&mut self, pair: P) -> TrialPeriod {
        let mut out = TrialPeriod {
            span: self.span(&pair),
            at: None,
            rules: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::trial_when => out.at = Some(self.trial_when(p)),
                Rule::trial_rule => {
                    let rule = self.trial_rule(p);
                    out.rules.push(rule);
                }
                _ => {}
            }
        }
        out
    }

    /// `à l'embauche`, `à la mobilité`, `à l'embauche et à la mobilité`.
    fn trial_when(&mut self, pair: P) -> Spanned<TrialAt> {
        let here = self.span(&pair);
        let mut at = TrialAt {
            hire: false,
            moves: false,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_at_hire => at.hire = true,
                Rule::kw_on_move => at.moves = true,
                _ => {}
            }
        }
        Spanned::new(at, here)
    }

    /// `SELECTOR : DURATION[, renouvellement DURATION [dès le coefficient N]]`.
    fn trial_rule(&mut self, pair: P) -> TrialRule {
        let here = self.span(&pair);
        let mut rule = TrialRule {
            span: here,
            selector: Spanned::new(TrialSelector::Category(String::new()), here),
            length: Spanned::new(DurationValue::Parameter(String::new()), here),
            renewal: None,
            renewal_from_coefficient: None,
            renewal_except: None,
            source: None,
        };
        let mut durations = 0;
        for q in pair.into_inner() {
            match q.as_rule() {
                Rule::trial_selector => rule.selector = self.trial_selector(q),
                Rule::duration_value => {
                    let d = self.duration_value(q);
                    if durations == 0 {
                        rule.length = d;
                    } else {
                        rule.renewal = Some(d);
                    }
                    durations += 1;
                }
                Rule::integer => rule.renewal_from_coefficient = Some(self.integer(q)),
                Rule::trial_except => rule.renewal_except = self.inner_position_ref(q),
                Rule::source => self.set_source(&mut rule.source, q),
                _ => {}
            }
        }
        rule
    }

    fn trial_selector(&mut self, pair: P) -> Spanned<TrialSelector> {
        let here = self.span(&pair);
        let mut selector = TrialSelector::Category(String::new());
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::trial_category => {
                    if let Some(id) = self.inner(p, Rule::id) {
                        selector = TrialSelector::Category(self.text(id).node);
                    }
                }
                Rule::trial_grid => {
                    if let Some(id) = self.inner(p, Rule::id) {
                        let grid = self.text(id);
                        selector = TrialSelector::Grid { grid, range: None };
                    }
                }
                Rule::trial_range => {
                    let ends: Vec<u32> = p
                        .into_inner()
                        .filter(|q| q.as_rule() == Rule::integer)
                        .map(|q| self.integer(q).node)
                        .collect();
                    if let [from, to] = ends[..] {
                        selector = match selector {
                            TrialSelector::Grid { grid, .. } => TrialSelector::Grid {
                                grid,
                                range: Some((from, to)),
                            },
                            _ => TrialSelector::Coefficients { from, to },
                        };
                    }
                }
                _ => {}
            }
        }
        Spanned::new(selector, here)
    }
}
