//! How decisions are made: classification, transitional coefficients, status,
//! mission cap, trial period.

use super::formulas::type_name;
use super::*;

impl Checker {
    /// Pass 5: the blocks that say how decisions are made, each once.
    pub(super) fn decision_rules(&mut self, rules: &mut RuleSet, items: &[Item]) -> SeenOnce {
        let mut seen = SeenOnce::default();
        for item in items {
            match item {
                Item::Classification(c) if seen.first(self, "classement", c.span) => {
                    self.classification(rules, c)
                }
                Item::Status(s) if seen.first(self, "statut", s.span) => self.status(rules, s),
                Item::WorkingTime(w) if seen.first(self, "temps de travail", w.span) => {
                    self.working_time(rules, w)
                }
                Item::MinimumSalary(m) if seen.first(self, "salaire minimum", m.span) => {
                    self.minimum_salary(rules, m)
                }
                Item::MissionCap(m) if seen.first(self, "plafond des missions", m.span) => {
                    self.mission_cap(rules, m)
                }
                Item::TrialPeriod(t) if seen.first(self, "période d'essai", t.span) => {
                    self.trial(rules, t)
                }
                _ => {}
            }
        }
        seen
    }

    fn working_time(&mut self, rules: &mut RuleSet, w: &ast::WorkingTime) {
        rules.reference_hours = w
            .reference_hours
            .as_ref()
            .and_then(|e| self.number_formula(rules, e));
        rules.maximum_hours = w
            .maximum_hours
            .as_ref()
            .and_then(|e| self.number_formula(rules, e));
    }

    fn minimum_salary(&mut self, rules: &mut RuleSet, m: &ast::MinimumSalary) {
        let formula = self.amount_formula(
            rules,
            &m.formula,
            &[Input::Hours, Input::LevelMinimum, Input::Coefficient],
        );
        rules.minimum_salary = formula.map(|formula| MinimumSalary {
            formula,
            origin: origin(m.span, &m.source),
        });
    }

    pub(super) fn classification(&mut self, rules: &mut RuleSet, c: &ast::Classification) {
        for f in &c.floors {
            if let Some(first) = rules.floors.iter().find(|g| g.kind == f.kind.node) {
                let earlier = first.origin.span;
                self.error(
                    Diagnostic::error("grille::duplicate", f.span, "this floor is listed twice")
                        .label("second time")
                        .related(earlier, "first time")
                        .help("list each floor once"),
                );
                continue;
            }
            if let (Some(option), false) = (&f.blank_cell, f.kind.node == FloorKind::Job) {
                self.error(
                    Diagnostic::error(
                        "grille::misplaced-option",
                        option.span,
                        "`case vide` applies to the job floor only",
                    )
                    .label("not a job floor")
                    .help("move it under `plancher métier`"),
                );
            }
            if let (Some(option), false) =
                (&f.off_grid, f.kind.node == FloorKind::PreviousCoefficient)
            {
                self.error(
                    Diagnostic::error(
                        "grille::misplaced-option",
                        option.span,
                        "`hors grille` applies to the previous-coefficient floor only",
                    )
                    .label("not that floor")
                    .help("move it under `plancher coefficient antérieur`"),
                );
            }
            rules.floors.push(Floor {
                kind: f.kind.node,
                blank_cell: f
                    .blank_cell
                    .as_ref()
                    .map_or(BlankCell::PreviousBand, |b| b.node),
                off_grid: f.off_grid.as_ref().map_or(OffGrid::Reject, |o| o.node),
                origin: origin(f.span, &f.source),
            });
        }
        for t in &c.transitional {
            self.transitional(rules, t);
        }
        if rules.floors.is_empty() {
            self.error(
                Diagnostic::error(
                    "grille::no-floor",
                    c.span,
                    "the classification lists no floor",
                )
                .label("empty")
                .help("list at least `plancher métier`"),
            );
        } else if c.highest_wins.is_none() {
            self.error(
                Diagnostic::error(
                    "grille::no-combination",
                    c.span,
                    "the classification does not say how its floors combine",
                )
                .label("add `le plus élevé l'emporte`")
                .help("floors combine by taking the highest: write `le plus élevé l'emporte`"),
            );
        }
    }

    pub(super) fn transitional(&mut self, rules: &mut RuleSet, t: &ast::Transitional) {
        let c = t.coefficient.node;
        if let Some(first) = rules.transitional.iter().find(|x| x.coefficient == c) {
            let earlier = first.origin.span;
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    t.coefficient.span,
                    format!("coefficient {c} is declared transitional twice"),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("keep one limit per coefficient"),
            );
            return;
        }
        let cell = Spanned::new(Cell::Coefficient(c), t.coefficient.span);
        self.cell(rules, &cell);
        if rules.level_of(c).is_some() && rules.next_coefficient(c).is_none() {
            self.error(
                Diagnostic::error("grille::off-grid-coefficient", t.coefficient.span, format!("coefficient {c} is the top of the grid: there is no next coefficient to move to"))
                    .label("nothing above")
                    .help("a transitional coefficient needs a higher coefficient in the grid"),
            );
        }
        let Some(limit) = self.duration_ref(rules, &t.limit) else {
            return;
        };
        rules.transitional.push(Transitional {
            coefficient: c,
            limit,
            from: t.from.as_ref().map(|d| d.node),
            origin: origin(t.span, &t.source),
        });
    }

    pub(super) fn status(&mut self, rules: &mut RuleSet, s: &ast::StatusRules) {
        for r in &s.rules {
            let condition = match &r.condition {
                None => None,
                Some(c) => match &c.node {
                    ast::Condition::Category(id) => match rules.category_index(&id.node) {
                        Some(k) => Some(Condition::Category(k)),
                        None => {
                            let help = did_you_mean(
                                &id.node,
                                rules.categories.iter().map(|c| c.id.as_str()),
                                "category",
                            );
                            self.error(
                                Diagnostic::error(
                                    "grille::unknown-name",
                                    id.span,
                                    format!("there is no category `{}`", id.node),
                                )
                                .label("unknown category")
                                .help(help),
                            );
                            continue;
                        }
                    },
                    ast::Condition::Compare { subject, op, value } => Some(Condition::Compare {
                        subject: *subject,
                        op: *op,
                        value: *value,
                    }),
                },
            };
            if let Some(previous) = rules.status_rules.last() {
                if previous.condition.is_none() {
                    self.error(
                        Diagnostic::warning(
                            "grille::unreachable-rule",
                            r.span,
                            "this status rule comes after `sinon` and never applies",
                        )
                        .label("never reached")
                        .related(previous.origin.span, "`sinon` catches every case before")
                        .help("put `sinon` last"),
                    );
                }
            }
            rules.status_rules.push(StatusRule {
                status: r.status.node.clone(),
                condition,
                origin: origin(r.span, &r.source.clone().or_else(|| s.source.clone())),
            });
        }
        if !rules.status_rules.iter().any(|r| r.condition.is_none()) {
            self.error(
                Diagnostic::error(
                    "grille::status-incomplete",
                    s.span,
                    "the status rules do not cover every employee",
                )
                .label("no `sinon`")
                .help("end with a catch-all rule, e.g. `non-cadre sinon`"),
            );
        }
    }

    pub(super) fn duration_ref(
        &mut self,
        rules: &RuleSet,
        d: &Spanned<ast::DurationValue>,
    ) -> Option<DurationRef> {
        match &d.node {
            ast::DurationValue::Literal(l) => Some(DurationRef::Literal(*l)),
            ast::DurationValue::Parameter(name) => {
                let Some(p) = rules.param_index(name) else {
                    let help = did_you_mean(
                        name,
                        rules.params.iter().map(|p| p.name.as_str()),
                        "parameter",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            d.span,
                            format!("there is no parameter `{name}`"),
                        )
                        .label("unknown parameter")
                        .help(help),
                    );
                    return None;
                };
                if rules.params[p].ty != Type::Duration {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            d.span,
                            format!(
                                "`{name}` is {}, a duration is needed here",
                                type_name(rules.params[p].ty)
                            ),
                        )
                        .label("expected a duration")
                        .help("declare the parameter as `durée`"),
                    );
                    return None;
                }
                self.used_params.insert(p);
                Some(DurationRef::Param(p))
            }
        }
    }

    pub(super) fn mission_cap(&mut self, rules: &mut RuleSet, m: &ast::MissionCap) {
        let window = m.window.as_ref().and_then(|d| self.duration_ref(rules, d));
        let at_most = m.at_most.as_ref().and_then(|d| self.duration_ref(rules, d));
        if let (Some(limit), Some(written)) = (at_most, &m.at_most) {
            self.counted_in_days(rules, limit, written.span);
        }
        let missing = [
            (window.is_none() && m.window.is_none(), "fenêtre"),
            (at_most.is_none() && m.at_most.is_none(), "au plus"),
            (m.claim_band.is_none(), "droit"),
        ];
        for (absent, what) in missing {
            if absent {
                self.error(
                    Diagnostic::error("grille::missing-value", m.span, format!("the mission cap needs `{what}`"))
                        .label(format!("no `{what}`"))
                        .help("write `fenêtre 24 mois`, `au plus 183 jours` and `droit : tranche debutant`"),
                );
            }
        }
        if let Some(band) = &m.claim_band {
            let known = rules.scales.iter().any(|s| {
                s.bands
                    .iter()
                    .any(|b| normalize(&b.id) == normalize(&band.node))
            });
            if !known {
                let all: Vec<&str> = rules
                    .scales
                    .iter()
                    .flat_map(|s| s.bands.iter().map(|b| b.id.as_str()))
                    .collect();
                let help = did_you_mean(&band.node, all, "band");
                self.error(
                    Diagnostic::error(
                        "grille::unknown-name",
                        band.span,
                        format!("there is no band `{}`", band.node),
                    )
                    .label("unknown band")
                    .help(help),
                );
            }
        }
        if let (Some(window), Some(at_most), Some(band)) = (window, at_most, &m.claim_band) {
            rules.mission_cap = Some(MissionCap {
                window,
                at_most,
                claim_band: band.node.clone(),
                origin: origin(m.span, &m.source),
            });
        }
    }

    /// Mission days are counted one by one: the limit must be days or weeks.
    pub(super) fn counted_in_days(&mut self, rules: &RuleSet, limit: DurationRef, span: Span) {
        let units: Vec<TimeUnit> = match limit {
            DurationRef::Literal(d) => vec![d.unit],
            DurationRef::Param(p) => rules.params[p]
                .values
                .iter()
                .filter_map(|(_, v)| match v {
                    Value::Duration(d) => Some(d.unit),
                    Value::Number(_) => None,
                })
                .collect(),
        };
        if units
            .iter()
            .any(|u| matches!(u, TimeUnit::Months | TimeUnit::Years))
        {
            self.error(
                Diagnostic::error(
                    "grille::type-mismatch",
                    span,
                    "the mission limit is counted in days",
                )
                .label("months have no fixed number of days")
                .help("write the limit in days or weeks, e.g. `au plus 183 jours` for six months"),
            );
        }
    }

    pub(super) fn trial(&mut self, rules: &mut RuleSet, t: &ast::TrialPeriod) {
        for r in &t.rules {
            let Some(category) = rules.category_index(&r.category.node) else {
                let help = did_you_mean(
                    &r.category.node,
                    rules.categories.iter().map(|c| c.id.as_str()),
                    "category",
                );
                self.error(
                    Diagnostic::error(
                        "grille::unknown-name",
                        r.category.span,
                        format!("there is no category `{}`", r.category.node),
                    )
                    .label("unknown category")
                    .help(help),
                );
                continue;
            };
            let length = self.duration_ref(rules, &r.length);
            let renewal = r.renewal.as_ref().map(|d| self.duration_ref(rules, d));
            if let Some(length) = length {
                rules.trial.push(TrialRule {
                    category,
                    length,
                    renewal: renewal.flatten(),
                    renewal_from_coefficient: r.renewal_from_coefficient.as_ref().map(|c| c.node),
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
    }
}

/// Blocks that may appear once; a second one is an error.
#[derive(Default, Clone, Copy)]
pub(super) struct SeenOnce {
    pub(super) classification: bool,
    pub(super) status: bool,
    working_time: bool,
    minimum_salary: bool,
    mission_cap: bool,
    trial: bool,
}

impl SeenOnce {
    fn first(&mut self, checker: &mut Checker, what: &str, span: Span) -> bool {
        let slot = match what {
            "classement" => &mut self.classification,
            "statut" => &mut self.status,
            "temps de travail" => &mut self.working_time,
            "salaire minimum" => &mut self.minimum_salary,
            "plafond des missions" => &mut self.mission_cap,
            _ => &mut self.trial,
        };
        if *slot {
            checker.error(
                Diagnostic::error(
                    "grille::duplicate",
                    span,
                    format!("`{what}` is declared twice"),
                )
                .label("second declaration")
                .help(format!("merge the two `{what}` blocks")),
            );
            return false;
        }
        *slot = true;
        true
    }
}
