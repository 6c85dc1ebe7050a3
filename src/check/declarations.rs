//! Declarations others refer to: the agreement, parameters, tables, diplomas,
//! experience scales.

use super::formulas::builtin_input;
use super::*;

impl Checker {
    /// Pass 1: the agreement, parameters, tables and provisions.
    pub(super) fn values(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            match item {
                Item::Agreement(a) => self.agreement(rules, a),
                Item::Parameter(p) => {
                    if let Some(param) = self.parameter(rules, p) {
                        self.param_name_spans.push(p.name.span);
                        rules.params.push(param);
                    }
                }
                Item::Table(t) => {
                    if let Some(table) = self.table(rules, t) {
                        rules.tables.push(table);
                    }
                }
                Item::Provision(p) => rules.provisions.push(Provision {
                    title: p.title.node.clone(),
                    text: p.text.as_ref().map(|t| t.node.clone()),
                    origin: origin(p.span, &p.source),
                }),
                _ => {}
            }
        }
    }

    /// Pass 3: diplomas and experience scales.
    pub(super) fn vocabulary(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            match item {
                Item::Diploma(d) => self.diploma(rules, d),
                Item::Experience(e) => self.scale(rules, e),
                _ => {}
            }
        }
    }

    pub(super) fn agreement(&mut self, rules: &mut RuleSet, a: &ast::Agreement) {
        if !rules.agreement.title.is_empty() {
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    a.span,
                    "a rule file describes one agreement",
                )
                .label("second `convention`")
                .related(rules.agreement.origin.span, "first one")
                .help("keep one `convention` block"),
            );
            return;
        }
        rules.agreement = AgreementInfo {
            title: a.title.node.clone(),
            document: a.document.as_ref().map(|d| d.node.clone()),
            date: a.date.as_ref().map(|d| d.node),
            idcc: a.idcc.as_ref().map(|i| i.node),
            origin: origin(a.span, &a.source),
        };
    }

    pub(super) fn name_taken(&mut self, rules: &RuleSet, name: &Spanned<String>) -> bool {
        let earlier = rules
            .params
            .iter()
            .find(|p| p.name == name.node)
            .map(|p| p.origin.span)
            .or_else(|| {
                rules
                    .tables
                    .iter()
                    .find(|t| t.name == name.node)
                    .map(|t| t.origin.span)
            });
        if let Some(earlier) = earlier {
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    name.span,
                    format!("`{}` is declared twice", name.node),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("give each parameter and table its own name"),
            );
            return true;
        }
        if builtin_input(&name.node).is_some() {
            self.error(
                Diagnostic::error(
                    "grille::reserved-name",
                    name.span,
                    format!("`{}` is a name the evaluation provides", name.node),
                )
                .label("reserved")
                .help("choose another name: `heures`, `coefficient` and `minimum` are reserved"),
            );
            return true;
        }
        false
    }

    pub(super) fn parameter(&mut self, rules: &RuleSet, p: &ast::Parameter) -> Option<Param> {
        if self.name_taken(rules, &p.name) {
            return None;
        }
        let (ty, integer) = value_type(p.value_type.node);
        let mut values = Vec::new();
        for dated in &p.values {
            if let Some(value) = self.typed_literal(&dated.value, p.value_type.node, &p.name.node) {
                values.push((dated.from.node, value, dated.from.span));
            }
        }
        if p.values.is_empty() {
            self.error(
                Diagnostic::error(
                    "grille::missing-value",
                    p.name.span,
                    format!("the parameter `{}` has no value", p.name.node),
                )
                .label("no value")
                .help(
                    "give a value and the date it applies from, e.g. `1234.50 € depuis 2020-01-01`",
                ),
            );
        }
        let values = self.sorted_dated(values, &p.name.node);
        Some(Param {
            name: p.name.node.clone(),
            label: p.label.as_ref().map(|l| l.node.clone()),
            ty,
            integer,
            values,
            origin: origin(p.span, &p.source),
        })
    }

    pub(super) fn sorted_dated<T>(
        &mut self,
        mut values: Vec<(NaiveDate, T, Span)>,
        name: &str,
    ) -> Vec<(NaiveDate, T)> {
        values.sort_by_key(|v| v.0);
        for pair in values.windows(2) {
            if pair[0].0 == pair[1].0 {
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        pair[1].2,
                        format!("`{name}` has two values from {}", pair[1].0),
                    )
                    .label("same date again")
                    .related(pair[0].2, "first value for that date")
                    .help("each value applies from its own date"),
                );
            }
        }
        values.into_iter().map(|(d, v, _)| (d, v)).collect()
    }

    pub(super) fn typed_literal(
        &mut self,
        literal: &Spanned<Literal>,
        expected: ValueType,
        name: &str,
    ) -> Option<Value> {
        let wrong = |what: &str| {
            Diagnostic::error(
                "grille::type-mismatch",
                literal.span,
                format!(
                    "`{name}` is declared as {}, but this value is {what}",
                    type_word(expected)
                ),
            )
            .label(format!("expected {}", type_word(expected)))
        };
        match (literal.node, expected) {
            (Literal::Duration(d), ValueType::Duration) => Some(Value::Duration(d)),
            (Literal::Duration(_), _) => {
                self.error(wrong("a duration").help("write a number here"));
                None
            }
            (Literal::Number { .. }, ValueType::Duration) => {
                self.error(
                    wrong("a number").help("write a duration, e.g. `1 mois` or `183 jours`"),
                );
                None
            }
            (Literal::Number { euro: true, .. }, ValueType::Decimal | ValueType::Integer) => {
                self.error(
                    wrong("an amount in euros")
                        .help("remove the `€`, or declare the parameter as `montant`"),
                );
                None
            }
            (Literal::Number { value, .. }, ValueType::Integer) if !value.fract().is_zero() => {
                self.error(
                    wrong("not a whole number")
                        .help("write a whole number, or declare the parameter as `décimal`"),
                );
                None
            }
            (Literal::Number { value, .. }, _) => Some(Value::Number(value)),
        }
    }

    pub(super) fn table(&mut self, rules: &RuleSet, t: &ast::Table) -> Option<Table> {
        if self.name_taken(rules, &t.name) {
            return None;
        }
        let (ty, _) = value_type(t.value_type.node);
        if ty == Type::Duration {
            self.error(
                Diagnostic::error(
                    "grille::type-mismatch",
                    t.value_type.span,
                    "a table holds numbers or amounts, not durations",
                )
                .label("not allowed in a table")
                .help("declare the table as `montant`, `décimal` or `entier`"),
            );
            return None;
        }
        let mut versions = Vec::new();
        for version in &t.versions {
            let mut rows = HashMap::new();
            for (key, literal) in &version.rows {
                if let Some(Value::Number(v)) =
                    self.typed_literal(literal, t.value_type.node, &t.name.node)
                {
                    if rows.insert(key.node, v).is_some() {
                        self.error(
                            Diagnostic::error(
                                "grille::duplicate",
                                key.span,
                                format!("coefficient {} appears twice in this version", key.node),
                            )
                            .label("second row")
                            .help("one row per coefficient"),
                        );
                    }
                }
            }
            versions.push((version.from.node, rows, version.from.span));
        }
        if versions.is_empty() {
            self.error(
                Diagnostic::error(
                    "grille::missing-value",
                    t.name.span,
                    format!("the table `{}` has no rows", t.name.node),
                )
                .label("empty")
                .help("add `depuis DATE` followed by rows `120 : 439`"),
            );
        }
        let versions = self.sorted_dated(versions, &t.name.node);
        Some(Table {
            name: t.name.node.clone(),
            label: t.label.as_ref().map(|l| l.node.clone()),
            ty,
            versions,
            origin: origin(t.span, &t.source),
        })
    }

    pub(super) fn diploma(&mut self, rules: &mut RuleSet, d: &ast::Diploma) {
        if let Some(first) = rules.diploma_index(&d.id.node) {
            let earlier = rules.diplomas[first].origin.span;
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    d.id.span,
                    format!("the diploma `{}` is declared twice", d.id.node),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("declare each diploma once"),
            );
            return;
        }
        let floor = d.floor.as_ref().and_then(|c| self.cell(rules, c));
        rules.diplomas.push(Diploma {
            id: d.id.node.clone(),
            label: d.label.node.clone(),
            floor,
            origin: origin(d.id.span, &d.source),
        });
    }

    pub(super) fn scale(&mut self, rules: &mut RuleSet, e: &ast::Experience) {
        if let Some(first) = rules.scales.iter().find(|s| s.id == e.id.node) {
            let earlier = first.origin.span;
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    e.id.span,
                    format!("the experience scale `{}` is declared twice", e.id.node),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("give each scale its own name"),
            );
            return;
        }
        let mut bands: Vec<Band> = Vec::new();
        for b in &e.bands {
            if let Some(first) = bands
                .iter()
                .find(|x| normalize(&x.id) == normalize(&b.id.node))
            {
                let earlier = first.origin.span;
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        b.id.span,
                        format!("the band `{}` is declared twice", b.id.node),
                    )
                    .label("second declaration")
                    .related(earlier, "first declaration")
                    .help("give each band its own id"),
                );
                continue;
            }
            if let Some(to) = &b.to_months {
                if to.node <= b.from_months.node {
                    self.error(
                        Diagnostic::error(
                            "grille::bad-range",
                            b.span,
                            format!("the band `{}` is empty", b.id.node),
                        )
                        .label(format!("from {} to {} months", b.from_months.node, to.node))
                        .help("the end must come after the start"),
                    );
                    continue;
                }
            }
            bands.push(Band {
                id: b.id.node.clone(),
                label: b.label.as_ref().map(|l| l.node.clone()),
                from_months: b.from_months.node,
                to_months: b.to_months.as_ref().map(|t| t.node),
                origin: origin(b.span, &b.source),
            });
        }
        bands.sort_by_key(|b| b.from_months);
        self.bands_cover_everything(&bands, e);
        rules.scales.push(Scale {
            id: e.id.node.clone(),
            label: e.label.as_ref().map(|l| l.node.clone()),
            bands,
            origin: origin(e.id.span, &e.source),
        });
    }

    /// Bands must cover every number of months once: from 0, without gap or overlap, open at the end.
    pub(super) fn bands_cover_everything(&mut self, bands: &[Band], e: &ast::Experience) {
        let Some(first) = bands.first() else {
            self.error(
                Diagnostic::error(
                    "grille::bad-bands",
                    e.id.span,
                    format!("the experience scale `{}` has no band", e.id.node),
                )
                .label("no `tranche`")
                .help("add bands: `tranche debutant \"Débutant\" : de 0 à 6 mois`"),
            );
            return;
        };
        if first.from_months != 0 {
            self.error(
                Diagnostic::error(
                    "grille::bad-bands",
                    first.origin.span,
                    "the first band must start at 0 months",
                )
                .label(format!("starts at {} months", first.from_months))
                .help("a beginner has 0 months of experience: start the first band at 0"),
            );
        }
        for pair in bands.windows(2) {
            let end = pair[0].to_months;
            if end != Some(pair[1].from_months) {
                let (what, label) = match end {
                    Some(end) if end < pair[1].from_months => (
                        "leave a gap",
                        format!("nothing covers {end} to {} months", pair[1].from_months),
                    ),
                    _ => (
                        "overlap",
                        format!(
                            "`{}` already covers {} months",
                            pair[0].id, pair[1].from_months
                        ),
                    ),
                };
                self.error(
                    Diagnostic::error(
                        "grille::bad-bands",
                        pair[1].origin.span,
                        format!("bands `{}` and `{}` {what}", pair[0].id, pair[1].id),
                    )
                    .label(label)
                    .related(pair[0].origin.span, "previous band")
                    .help("each band starts where the previous one ends"),
                );
            }
        }
        if let Some(last) = bands.last() {
            if last.to_months.is_some() {
                self.error(
                    Diagnostic::error(
                        "grille::bad-bands",
                        last.origin.span,
                        "the last band must have no end",
                    )
                    .label("ends here")
                    .help(format!("write `à partir de {} mois`", last.from_months)),
                );
            }
        }
    }
}

pub(super) fn value_type(t: ValueType) -> (Type, bool) {
    match t {
        ValueType::Amount => (Type::Amount, false),
        ValueType::Decimal => (Type::Number, false),
        ValueType::Integer => (Type::Number, true),
        ValueType::Duration => (Type::Duration, false),
    }
}

pub(super) fn type_word(t: ValueType) -> &'static str {
    match t {
        ValueType::Amount => "an amount",
        ValueType::Decimal => "a number",
        ValueType::Integer => "a whole number",
        ValueType::Duration => "a duration",
    }
}
