//! How decisions are made: classification, transitional coefficients, status,
//! mission cap, trial period.

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

    fn classification(&mut self, rules: &mut RuleSet, c: &ast::Classification) {
        self.conditional_floors(rules, c);
        for f in &c.floors {
            if let Some(first) = rules.floors.iter().find(|g| g.kind == f.kind.node) {
                let first = first.origin.span;
                self.report(Kind::duplicate(Duplicated::Floor, first), f.span);
                continue;
            }
            if let (Some(option), false) = (&f.blank_cell, f.kind.node == FloorKind::Job) {
                self.report(Kind::MisplacedOption { blank_cell: true }, option.span);
            }
            if let (Some(option), false) =
                (&f.off_grid, f.kind.node == FloorKind::PreviousCoefficient)
            {
                self.report(Kind::MisplacedOption { blank_cell: false }, option.span);
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
            let empty = Kind::NoFloor {
                jobs_without_classification: false,
            };
            self.report(empty, c.span);
        } else if c.highest_wins.is_none() {
            self.report(Kind::NoCombination, c.span);
        }
    }

    fn transitional(&mut self, rules: &mut RuleSet, t: &ast::Transitional) {
        let c = t.coefficient.node;
        if let Some(first) = self.declared.transitional.get(&c) {
            let what = Duplicated::Transitional(c);
            self.report(Kind::duplicate(what, *first), t.coefficient.span);
            return;
        }
        let cell = Spanned::new(Cell::Coefficient(c), t.coefficient.span);
        self.cell(rules, &cell);
        if self.grid_index.holds(c) && self.grid_index.next_above(c).is_none() {
            self.report(Kind::TopOfGrid { coefficient: c }, t.coefficient.span);
        }
        let Some(limit) = self.duration_ref(rules, &t.limit) else {
            return;
        };
        self.declared.transitional.insert(c, t.span);
        rules.transitional.push(Transitional {
            coefficient: c,
            limit,
            from: t.from.as_ref().map(|d| d.node),
            then: None,
            except_jobs: Vec::new(),
            origin: origin(t.span, &t.source),
        });
    }

    fn status(&mut self, rules: &mut RuleSet, s: &ast::StatusRules) {
        for r in &s.rules {
            let condition = match &r.condition {
                None => None,
                Some(c) => match &c.node {
                    ast::Condition::Category(id) => match self.category(rules, id) {
                        Some(k) => Some(Condition::Category(k)),
                        None => continue,
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
                    let catch_all = previous.origin.span;
                    self.report(Kind::UnreachableRule { catch_all }, r.span);
                }
            }
            rules.status_rules.push(StatusRule {
                status: r.status.node.clone(),
                label: r.label.as_ref().map(|l| l.node.clone()),
                condition,
                origin: origin(r.span, &r.source.clone().or_else(|| s.source.clone())),
            });
        }
        if !rules.status_rules.iter().any(|r| r.condition.is_none()) {
            self.report(Kind::StatusIncomplete { no_status: false }, s.span);
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
                let Some(p) = self.declared.params.get(name).copied() else {
                    let names = || rules.params.iter().map(|p| p.name.as_str());
                    let count = rules.params.len();
                    let unknown = self.unknown(Unknown::Parameter, name, count, names);
                    self.report(unknown, d.span);
                    return None;
                };
                let ty = rules.params[p].ty;
                if ty != Type::Duration {
                    let name = name.clone();
                    let mismatch = Mismatch::NotADuration { name, ty };
                    self.report(Kind::TypeMismatch(mismatch), d.span);
                    return None;
                }
                self.used_params.insert(p);
                Some(DurationRef::Param(p))
            }
        }
    }

    fn mission_cap(&mut self, rules: &mut RuleSet, m: &ast::MissionCap) {
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
                let missing = Missing::MissionCapPart(what);
                self.report(Kind::MissingValue(missing), m.span);
            }
        }
        if let Some(band) = &m.claim_band {
            let key = normalize(&band.node);
            let known = self.declared.bands.iter().any(|b| b.contains_key(&key));
            if !known {
                let all = || {
                    let scales = rules.scales.iter();
                    scales.flat_map(|s| s.bands.iter().map(|b| b.id.as_str()))
                };
                let count = rules.scales.iter().map(|s| s.bands.len()).sum();
                let what = Unknown::Band { scale: None };
                let unknown = self.unknown(what, &band.node, count, all);
                self.report(unknown, band.span);
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
    fn counted_in_days(&mut self, rules: &RuleSet, limit: DurationRef, span: Span) {
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
            self.report(Kind::TypeMismatch(Mismatch::MissionLimitInMonths), span);
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
    fn first(&mut self, checker: &mut Checker, what: &'static str, span: Span) -> bool {
        let slot = match what {
            "classement" => &mut self.classification,
            "statut" => &mut self.status,
            "temps de travail" => &mut self.working_time,
            "salaire minimum" => &mut self.minimum_salary,
            "plafond des missions" => &mut self.mission_cap,
            _ => &mut self.trial,
        };
        if *slot {
            checker.report(Kind::duplicate(Duplicated::Block(what), None), span);
            return false;
        }
        *slot = true;
        true
    }
}
