//! Step two: syntax tree to checked rule set.
//!
//! [`check`] resolves every name (jobs, bands, diplomas, categories, parameters),
//! types every formula, turns grid cells into coefficients, and analyses the
//! rule set for defects: errors where the rules cannot be applied, warnings where
//! they can but look wrong (an ambiguous job name, a job paid below its own entry
//! diploma, blank cells). All diagnostics of a file are collected in one pass.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, SourceFile};
use crate::layers::Layered;
use crate::model::{self, *};
use crate::names::{closest, normalize};
use crate::sources::Sources;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{self, Cell, Item, Literal, RuleFile, ValueType};

/// Checks a parsed rule file. The rule set is returned when there is no error;
/// the diagnostics (warnings, and errors if any) always are.
pub fn check(file: SourceFile, ast: &RuleFile) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let layered = Layered {
        sources: Sources::one(file),
        kind: Default::default(),
        items: ast.items.clone(),
        company: Vec::new(),
        layers: Vec::new(),
        transitional: Default::default(),
        diagnostics: Vec::new(),
    };
    check_layered(&layered)
}

/// Checks a rule set read from layered files: one rule set, each diagnostic in
/// the file it is about.
pub fn check_layered(layered: &Layered) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut checker = Checker {
        diagnostics: layered.diagnostics.clone(),
        used_params: HashSet::new(),
        used_tables: HashSet::new(),
    };
    let rules = checker.rule_set(layered);
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    (ok.then_some(rules), diagnostics)
}

struct Checker {
    diagnostics: Vec<Diagnostic>,
    used_params: HashSet<ParamId>,
    used_tables: HashSet<TableId>,
}

mod layers;

/// The instruments that set dated values (`par "…"`), by date.
fn cited<'a>(
    values: impl Iterator<Item = (NaiveDate, &'a Option<Spanned<String>>)>,
) -> Vec<(NaiveDate, std::sync::Arc<str>)> {
    values
        .filter_map(|(from, c)| c.as_ref().map(|c| (from, c.node.as_str().into())))
        .collect()
}

fn origin(span: Span, source: &ast::Source) -> Origin {
    Origin {
        span,
        source: source.as_ref().map(|s| s.node.as_str().into()),
    }
}

fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    what: &str,
) -> String {
    let close = closest(wanted, candidates);
    if close.is_empty() {
        format!("declare the {what} first, or check its spelling")
    } else {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        format!("did you mean {}?", list.join(" or "))
    }
}

impl Checker {
    fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn rule_set(&mut self, layered: &Layered) -> RuleSet {
        let ast = &RuleFile {
            items: layered.items.clone(),
            trivia: Vec::new(),
        };
        let mut rules = RuleSet {
            sources: layered.sources.clone(),
            layers: layered.layers.clone(),
            legal_minimum: None,
            company_minimum: None,
            company_trial: Vec::new(),
            trial_maximum: Vec::new(),
            agreement: AgreementInfo::default(),
            params: Vec::new(),
            tables: Vec::new(),
            categories: Vec::new(),
            levels: Vec::new(),
            diplomas: Vec::new(),
            scales: Vec::new(),
            jobs: Vec::new(),
            job_names: Default::default(),
            job_names_exact: Default::default(),
            floors: Vec::new(),
            transitional: Vec::new(),
            status_rules: Vec::new(),
            reference_hours: None,
            maximum_hours: None,
            minimum_salary: None,
            mission_cap: None,
            trial: Vec::new(),
            provisions: Vec::new(),
            examples: Vec::new(),
        };
        let mut param_spans: Vec<Span> = Vec::new();

        // Declarations that others refer to come first, whatever their place in the file.
        for item in &ast.items {
            match item {
                Item::Agreement(a) => self.agreement(&mut rules, a),
                Item::Parameter(p) => {
                    if let Some(param) = self.parameter(&rules, p) {
                        param_spans.push(p.name.span);
                        rules.params.push(param);
                    }
                }
                Item::Table(t) => {
                    if let Some(table) = self.table(&rules, t) {
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
        let categories: Vec<&ast::Category> = ast
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Category(c) => Some(c),
                _ => None,
            })
            .collect();
        self.grid(&mut rules, &categories);
        for item in &ast.items {
            match item {
                Item::Diploma(d) => self.diploma(&mut rules, d),
                Item::Experience(e) => self.scale(&mut rules, e),
                _ => {}
            }
        }
        for item in &ast.items {
            if let Item::Job(j) = item {
                self.job(&mut rules, j);
            }
        }
        self.job_names(&mut rules, &ast.items);
        let mut seen = SeenOnce::default();
        for item in &ast.items {
            match item {
                Item::Classification(c) if seen.first(self, "classement", c.span) => {
                    self.classification(&mut rules, c)
                }
                Item::Status(s) if seen.first(self, "statut", s.span) => self.status(&mut rules, s),
                Item::WorkingTime(w) if seen.first(self, "temps de travail", w.span) => {
                    rules.reference_hours = w
                        .reference_hours
                        .as_ref()
                        .and_then(|e| self.number_formula(&rules, e));
                    rules.maximum_hours = w
                        .maximum_hours
                        .as_ref()
                        .and_then(|e| self.number_formula(&rules, e));
                }
                Item::MinimumSalary(m) if seen.first(self, "salaire minimum", m.span) => {
                    let formula = self.amount_formula(
                        &rules,
                        &m.formula,
                        &[Input::Hours, Input::LevelMinimum, Input::Coefficient],
                    );
                    rules.minimum_salary = formula.map(|formula| MinimumSalary {
                        formula,
                        origin: origin(m.span, &m.source),
                    });
                }
                Item::MissionCap(m) if seen.first(self, "plafond des missions", m.span) => {
                    self.mission_cap(&mut rules, m)
                }
                Item::TrialPeriod(t) if seen.first(self, "période d'essai", t.span) => {
                    rules.trial = self.trial(&rules, t)
                }
                _ => {}
            }
        }
        for item in &ast.items {
            if let Item::Example(e) = item {
                if let Some(example) = self.example(e) {
                    rules.examples.push(example);
                }
            }
        }
        self.layers(&mut rules, layered);
        self.whole_set(&rules, &ast.items, seen);
        self.values_from_the_start(&rules);
        // A law file's values serve whatever agreement stands under it.
        let law_file = layered
            .layers
            .iter()
            .find(|l| l.kind == ast::AgreementKind::Law)
            .map(|l| l.path.as_str());
        for (id, span) in param_spans.iter().enumerate() {
            let in_law = law_file.is_some_and(|law| *rules.sources.file_of(*span).name == *law);
            // An amended file is checked on its own: what the amendment made unused is no defect of it.
            let elsewhere = rules.sources.index_of(span.start) != 0;
            if !self.used_params.contains(&id) && !in_law && !elsewhere {
                let name = &rules.params[id].name;
                self.error(
                    Diagnostic::warning(
                        "grille::unused-parameter",
                        *span,
                        format!("the parameter `{name}` is never used"),
                    )
                    .label("declared here, used nowhere")
                    .help("use it in a formula or a rule, or remove it"),
                );
            }
        }
        rules
    }

    fn agreement(&mut self, rules: &mut RuleSet, a: &ast::Agreement) {
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

    // ------------------------------------------------------------ parameters

    fn name_taken(&mut self, rules: &RuleSet, name: &Spanned<String>) -> bool {
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

    fn parameter(&mut self, rules: &RuleSet, p: &ast::Parameter) -> Option<Param> {
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
        let last = values.last().map(|v| v.0);
        Some(Param {
            name: p.name.node.clone(),
            label: p.label.as_ref().map(|l| l.node.clone()),
            ty,
            integer,
            values,
            cited: cited(p.values.iter().map(|v| (v.from.node, &v.cited))),
            known_until: self.known_until(&p.name.node, p.known_until.clone(), last),
            origin: origin(p.span, &p.source),
        })
    }

    fn sorted_dated<T>(
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

    fn typed_literal(
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

    fn table(&mut self, rules: &RuleSet, t: &ast::Table) -> Option<Table> {
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
        let last = versions.last().map(|v| v.0);
        Some(Table {
            name: t.name.node.clone(),
            label: t.label.as_ref().map(|l| l.node.clone()),
            ty,
            versions,
            cited: cited(t.versions.iter().map(|v| (v.from.node, &v.cited))),
            known_until: self.known_until(&t.name.node, t.known_until.clone(), last),
            origin: origin(t.span, &t.source),
        })
    }

    /// `connu jusqu'au DATE` of a parameter or table (issue 17: a value used
    /// beyond what the texts confirm is said, never silent). A date before the
    /// last dated value contradicts that value: a warning, the date is kept.
    fn known_until(
        &mut self,
        name: &str,
        known: Option<Spanned<NaiveDate>>,
        last_value: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let known = known?;
        if let Some(last) = last_value.filter(|last| *last > known.node) {
            self.error(
                Diagnostic::warning(
                    "grille::known-until-before-value",
                    known.span,
                    format!(
                        "`{name}` is said known until {}, but it has a value from {last}",
                        known.node
                    ),
                )
                .label("before the last value")
                .help(
                    "move the date to the last day the texts confirm, on or after the last value",
                ),
            );
        }
        Some(known.node)
    }

    // ------------------------------------------------------------ grid

    fn grid(&mut self, rules: &mut RuleSet, categories: &[&ast::Category]) {
        let mut level_spans: Vec<(u32, Span)> = Vec::new();
        for c in categories {
            if let Some(first) = rules.categories.iter().find(|k| k.id == c.id.node) {
                let earlier = first.origin.span;
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        c.id.span,
                        format!("the category `{}` is declared twice", c.id.node),
                    )
                    .label("second declaration")
                    .related(earlier, "first declaration")
                    .help("give each category its own id"),
                );
                continue;
            }
            let category = rules.categories.len();
            rules.categories.push(Category {
                id: c.id.node.clone(),
                label: c.label.node.clone(),
                origin: origin(c.id.span, &c.source),
            });
            if c.levels.is_empty() {
                self.error(
                    Diagnostic::error(
                        "grille::empty-category",
                        c.id.span,
                        format!("the category `{}` has no level", c.id.node),
                    )
                    .label("no `niveau` follows")
                    .help("add its levels: `niveau 1 : coefficients 120 à 140`"),
                );
            }
            for l in &c.levels {
                if let Some((_, earlier)) = level_spans.iter().find(|(n, _)| *n == l.number.node) {
                    self.error(
                        Diagnostic::error(
                            "grille::duplicate",
                            l.number.span,
                            format!("level {} is declared twice", l.number.node),
                        )
                        .label("second declaration")
                        .related(*earlier, "first declaration")
                        .help("number each level once"),
                    );
                    continue;
                }
                level_spans.push((l.number.node, l.number.span));
                let Some(coefficients) = self.coefficients(&l.coefficients) else {
                    continue;
                };
                let minimum = l
                    .minimum
                    .as_ref()
                    .and_then(|e| self.amount_formula(rules, e, &[Input::Coefficient]));
                rules.levels.push(Level {
                    number: l.number.node,
                    category,
                    coefficients,
                    minimum,
                    origin: origin(l.span, &l.source),
                });
            }
        }
        rules.levels.sort_by_key(|l| l.coefficients.lowest());
        for pair in rules.levels.windows(2) {
            if pair[1].coefficients.lowest() <= pair[0].coefficients.highest() {
                self.error(
                    Diagnostic::error(
                        "grille::overlapping-levels",
                        pair[1].origin.span,
                        format!(
                            "levels {} and {} share coefficients",
                            pair[0].number, pair[1].number
                        ),
                    )
                    .label(format!("starts at {}", pair[1].coefficients.lowest()))
                    .related(
                        pair[0].origin.span,
                        format!("ends at {}", pair[0].coefficients.highest()),
                    )
                    .help("a coefficient must belong to exactly one level"),
                );
            }
        }
    }

    fn coefficients(&mut self, set: &Spanned<ast::CoefficientSet>) -> Option<Coefficients> {
        let highest = match &set.node {
            ast::CoefficientSet::Range(_, high) => *high,
            ast::CoefficientSet::List(list) => list.iter().copied().max().unwrap_or(0),
        };
        if highest > MAX_COEFFICIENT {
            // The evaluator keeps a table over the grid's coefficients: bound it.
            self.error(
                Diagnostic::error(
                    "grille::bad-range",
                    set.span,
                    format!(
                        "coefficients go up to {MAX_COEFFICIENT}; this level reaches {highest}"
                    ),
                )
                .label("too high")
                .help("grids use coefficients of a few hundred"),
            );
            return None;
        }
        match &set.node {
            ast::CoefficientSet::Range(low, high) if low > high => {
                self.error(
                    Diagnostic::error(
                        "grille::bad-range",
                        set.span,
                        format!("the range {low} à {high} is empty"),
                    )
                    .label("lowest first")
                    .help(format!("write `{high} à {low}`")),
                );
                None
            }
            ast::CoefficientSet::Range(low, high) => Some(Coefficients::Range(*low, *high)),
            ast::CoefficientSet::List(list) => {
                if list.windows(2).any(|w| w[0] >= w[1]) {
                    self.error(
                        Diagnostic::error(
                            "grille::bad-range",
                            set.span,
                            "coefficients must be listed in increasing order, each once",
                        )
                        .label("not increasing")
                        .help("sort the list and remove repeats"),
                    );
                    return None;
                }
                Some(Coefficients::List(list.clone()))
            }
        }
    }

    /// The coefficient a grid cell stands for; `None` for a blank cell.
    fn cell(&mut self, rules: &RuleSet, cell: &Spanned<Cell>) -> Option<u32> {
        match &cell.node {
            Cell::Blank => None,
            Cell::Coefficient(c) => {
                if rules.level_of(*c).is_none() && !rules.levels.is_empty() {
                    let near = nearest_coefficients(rules, *c);
                    self.error(
                        Diagnostic::error(
                            "grille::off-grid-coefficient",
                            cell.span,
                            format!("coefficient {c} belongs to no level of the grid"),
                        )
                        .label("not in the grid")
                        .help(format!("the nearest coefficients of the grid are {near}")),
                    );
                }
                Some(*c)
            }
            Cell::Level(n) => {
                let level = rules.levels.iter().find(|l| l.number == *n);
                if level.is_none() {
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            cell.span,
                            format!("there is no level {n}"),
                        )
                        .label("unknown level")
                        .help(format!("the grid has levels {}", list_levels(rules))),
                    );
                }
                level.map(|l| l.coefficients.lowest())
            }
            Cell::Category(id) => {
                let Some(category) = rules.category_index(&id.node) else {
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
                    return None;
                };
                rules
                    .levels
                    .iter()
                    .filter(|l| l.category == category)
                    .map(|l| l.coefficients.lowest())
                    .min()
            }
        }
    }

    fn diploma(&mut self, rules: &mut RuleSet, d: &ast::Diploma) {
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

    fn scale(&mut self, rules: &mut RuleSet, e: &ast::Experience) {
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
    fn bands_cover_everything(&mut self, bands: &[Band], e: &ast::Experience) {
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

    // ------------------------------------------------------------ jobs

    fn job(&mut self, rules: &mut RuleSet, j: &ast::Job) {
        if let Some(first) = rules.jobs.iter().find(|k| k.id == j.id.node) {
            let earlier = first.origin.span;
            self.error(
                Diagnostic::error(
                    "grille::duplicate",
                    j.id.span,
                    format!("the job `{}` is declared twice", j.id.node),
                )
                .label("second declaration")
                .related(earlier, "first declaration")
                .help("give each job its own id"),
            );
            return;
        }
        let scale = match &j.experience {
            Some(name) => match rules.scales.iter().position(|s| s.id == name.node) {
                Some(s) => s,
                None => {
                    let help = did_you_mean(
                        &name.node,
                        rules.scales.iter().map(|s| s.id.as_str()),
                        "experience scale",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            name.span,
                            format!("there is no experience scale `{}`", name.node),
                        )
                        .label("unknown scale")
                        .help(help),
                    );
                    return;
                }
            },
            None if rules.scales.is_empty() => {
                self.error(
                    Diagnostic::error(
                        "grille::bad-bands",
                        j.id.span,
                        "no experience scale is declared",
                    )
                    .label("this job needs bands")
                    .help("declare one: `ancienneté standard` followed by its `tranche` lines"),
                );
                return;
            }
            None => 0,
        };
        let entry_diploma = j.entry_diploma.as_ref().and_then(|e| {
            let high = e.highest.as_ref().map(|h| self.diploma_ref(rules, h));
            let low = self.diploma_ref(rules, &e.lowest);
            if let (Some(l), Some(Some(h))) = (low, high) {
                if rules.diplomas[h].floor < rules.diplomas[l].floor {
                    self.error(
                        Diagnostic::warning(
                            "grille::entry-diploma-order",
                            e.span,
                            "the entry diploma range is written highest first",
                        )
                        .label("read as lowest to highest")
                        .help("write the lower diploma first"),
                    );
                }
            }
            low
        });
        let bands = &rules.scales[scale].bands;
        let mut cells = vec![JobCell::default(); bands.len()];
        let mut written = vec![false; bands.len()];
        for c in &j.cells {
            let Some(b) = bands
                .iter()
                .position(|b| normalize(&b.id) == normalize(&c.band.node))
            else {
                let help = did_you_mean(&c.band.node, bands.iter().map(|b| b.id.as_str()), "band");
                self.error(
                    Diagnostic::error(
                        "grille::unknown-name",
                        c.band.span,
                        format!(
                            "there is no band `{}` in the scale `{}`",
                            c.band.node, rules.scales[scale].id
                        ),
                    )
                    .label("unknown band")
                    .help(help),
                );
                continue;
            };
            if written[b] {
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        c.band.span,
                        format!("the band `{}` has two values for this job", bands[b].id),
                    )
                    .label("second value")
                    .help("keep one value per band"),
                );
                continue;
            }
            written[b] = true;
            let coefficient = self.cell(rules, &c.cell);
            cells[b] = JobCell {
                coefficient,
                written: Some(cell_text(&c.cell.node)),
                origin: origin(c.span, &c.source),
            };
        }
        rules.jobs.push(Job {
            id: j.id.node.clone(),
            name: j.name.node.clone(),
            track: j.track.as_ref().map(|t| t.node.clone()),
            aliases: j.aliases.iter().map(|a| a.node.clone()).collect(),
            entry_diploma,
            scale,
            cells,
            origin: origin(j.id.span, &j.source),
        });
    }

    fn diploma_ref(&mut self, rules: &RuleSet, id: &Spanned<String>) -> Option<DiplomaId> {
        let found = rules.diploma_index(&id.node);
        if found.is_none() {
            let help = did_you_mean(
                &id.node,
                rules.diplomas.iter().map(|d| d.id.as_str()),
                "diploma",
            );
            self.error(
                Diagnostic::error(
                    "grille::unknown-name",
                    id.span,
                    format!("there is no diploma `{}`", id.node),
                )
                .label("unknown diploma")
                .help(help),
            );
        }
        found
    }

    /// Indexes every job name; a name borne by two jobs is ambiguous.
    fn job_names(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let mut spans: HashMap<String, Vec<(JobId, Span)>> = HashMap::new();
        let declared = items.iter().filter_map(|i| match i {
            Item::Job(j) => Some(j),
            _ => None,
        });
        for j in declared {
            let Some(job) = rules.jobs.iter().position(|k| k.id == j.id.node) else {
                continue;
            };
            if rules.jobs[job].origin.span.start != j.id.span.start {
                continue; // a duplicate declaration, already reported
            }
            let names = std::iter::once(&j.id)
                .chain(std::iter::once(&j.name))
                .chain(j.aliases.iter());
            for name in names {
                let key = normalize(&name.node);
                let entry = spans.entry(key).or_default();
                if !entry.iter().any(|(k, _)| *k == job) {
                    entry.push((job, name.span));
                }
            }
        }
        let mut ambiguous: Vec<_> = spans.iter().filter(|(_, jobs)| jobs.len() > 1).collect();
        ambiguous.sort_by_key(|(_, jobs)| jobs[1].1.start);
        for (_, jobs) in ambiguous {
            let names: Vec<String> = jobs
                .iter()
                .map(|(j, _)| format!("`{}`", rules.jobs[*j].id))
                .collect();
            let text = rules.sources.text(jobs[1].1);
            let mut d = Diagnostic::warning(
                "grille::ambiguous-name",
                jobs[1].1,
                format!("the name {text} is given to several jobs: {}", names.join(" and ")),
            )
            .label("also names another job")
            .help("employees recorded under this name cannot be classified; rename one of them or remove the alias");
            d = d.related(
                jobs[0].1,
                format!("given to `{}` here", rules.jobs[jobs[0].0].id),
            );
            self.error(d);
        }
        rules.job_names = spans
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|(j, _)| j).collect()))
            .collect();
        // Names as declared, for the common case of facts that spell them so.
        for job in 0..rules.jobs.len() {
            let def = &rules.jobs[job];
            let names = [&def.id, &def.name].into_iter().chain(def.aliases.iter());
            let unambiguous: Vec<String> = names
                .filter(|n| {
                    rules
                        .job_names
                        .get(&normalize(n))
                        .is_some_and(|jobs| jobs.len() == 1)
                })
                .cloned()
                .collect();
            for name in unambiguous {
                rules.job_names_exact.insert(name, job);
            }
        }
    }

    // ------------------------------------------------------------ how decisions are made

    fn classification(&mut self, rules: &mut RuleSet, c: &ast::Classification) {
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

    fn transitional(&mut self, rules: &mut RuleSet, t: &ast::Transitional) {
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

    fn duration_ref(
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

    fn trial(&mut self, rules: &RuleSet, t: &ast::TrialPeriod) -> Vec<TrialRule> {
        let mut out = Vec::new();
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
                out.push(TrialRule {
                    category,
                    length,
                    renewal: renewal.flatten(),
                    renewal_from_coefficient: r.renewal_from_coefficient.as_ref().map(|c| c.node),
                    origin: origin(r.span, &r.source.clone().or_else(|| t.source.clone())),
                });
            }
        }
        out
    }

    // ------------------------------------------------------------ examples

    /// An example's facts as a facts record; names are resolved when it runs.
    fn example(&mut self, e: &ast::Example) -> Option<Example> {
        use crate::facts::{Mission, Move, Position, Record};
        use ast::Fact;
        let missing = |what: &str| {
            Diagnostic::error("grille::incomplete-example", e.title.span, format!("the example has no {what}"))
                .label(format!("no {what}"))
                .help("an example needs `au DATE`, and `faits :` with at least `métier \"…\"` and `depuis DATE`")
        };
        let Some(as_of) = &e.as_of else {
            self.error(missing("date (`au`)"));
            return None;
        };
        let mut record = Record {
            position: Position::Record(1),
            id: e.title.node.clone(),
            job: String::new(),
            job_since: NaiveDate::MIN,
            prior_job_months: 0,
            diploma: None,
            previous_sector_coefficient: None,
            missions: Vec::new(),
            moves: Vec::new(),
            hours: None,
            salary: None,
            coefficient: None,
        };
        for fact in &e.facts {
            match &fact.node {
                Fact::Job(j) => record.job = j.clone(),
                Fact::Since(d) => record.job_since = *d,
                Fact::PriorMonths(m) => record.prior_job_months = *m,
                Fact::Diploma(d) => record.diploma = Some(d.clone()),
                Fact::PreviousCoefficient(c) => record.previous_sector_coefficient = Some(*c),
                Fact::Hours(h) => record.hours = Some(*h),
                Fact::Salary(s) => record.salary = Some(*s),
                Fact::AppliedCoefficient(c) => record.coefficient = Some(*c),
                Fact::Mission { job, start, end } => record.missions.push(Mission {
                    job: job.clone(),
                    start: *start,
                    end: *end,
                }),
                Fact::Move {
                    from,
                    to,
                    on,
                    renewed,
                    broken_on,
                } => record.moves.push(Move {
                    from: from.clone(),
                    to: to.clone(),
                    on: *on,
                    trial_renewed: *renewed,
                    trial_broken_on: *broken_on,
                }),
            }
        }
        if record.job.is_empty() || record.job_since == NaiveDate::MIN {
            self.error(missing("job or start date (`métier \"…\"`, `depuis DATE`)"));
            return None;
        }
        if e.expectations.is_empty() {
            self.error(
                Diagnostic::error("grille::incomplete-example", e.title.span, "the example expects nothing")
                    .label("no `attendu :`")
                    .help("say what the rules must give, e.g. `attendu : coefficient 190, tranche experimente`"),
            );
            return None;
        }
        Some(Example {
            title: e.title.node.clone(),
            as_of: as_of.node,
            record,
            expectations: e
                .expectations
                .iter()
                .map(|x| (x.node.clone(), x.span))
                .collect(),
            origin: origin(e.title.span, &e.source),
        })
    }

    // ------------------------------------------------------------ formulas

    fn amount_formula(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        inputs: &[Input],
    ) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, inputs)?;
        if ty != Type::Amount {
            self.error(
                Diagnostic::error("grille::type-mismatch", e.span, format!("this formula gives {}, an amount is needed", type_name(ty)))
                    .label("not an amount")
                    .help("multiply by an amount parameter (e.g. `1.4 × smcc`) or write `€` after a number"),
            );
            return None;
        }
        Some(expr)
    }

    fn number_formula(&mut self, rules: &RuleSet, e: &ast::Expr) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, &[])?;
        if ty != Type::Number {
            self.error(
                Diagnostic::error(
                    "grille::type-mismatch",
                    e.span,
                    format!("this formula gives {}, a number is needed", type_name(ty)),
                )
                .label("not a number")
                .help("hours are plain numbers, without `€`"),
            );
            return None;
        }
        Some(expr)
    }

    fn expr(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        inputs: &[Input],
    ) -> Option<(model::Expr, Type)> {
        use ast::ExprKind as A;
        let (kind, ty) = match &e.kind {
            A::Number { value, euro } => (
                ExprKind::Number(*value),
                if *euro { Type::Amount } else { Type::Number },
            ),
            A::Name(name) => {
                if let Some(input) = builtin_input(name) {
                    if !inputs.contains(&input) {
                        self.error(
                            Diagnostic::error(
                                "grille::unknown-name",
                                e.span,
                                format!("`{name}` has no value here"),
                            )
                            .label("not available in this formula")
                            .help(input_help(input)),
                        );
                        return None;
                    }
                    let ty = if input == Input::LevelMinimum {
                        Type::Amount
                    } else {
                        Type::Number
                    };
                    (ExprKind::Input(input), ty)
                } else if let Some(p) = rules.param_index(name) {
                    let ty = rules.params[p].ty;
                    if ty == Type::Duration {
                        self.error(
                            Diagnostic::error(
                                "grille::type-mismatch",
                                e.span,
                                format!("`{name}` is a duration and cannot be used in a formula"),
                            )
                            .label("a duration")
                            .help("formulas compute amounts and numbers"),
                        );
                        return None;
                    }
                    self.used_params.insert(p);
                    (ExprKind::Param(p), ty)
                } else if rules.tables.iter().any(|t| &t.name == name) {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            e.span,
                            format!("`{name}` is a table: say which row"),
                        )
                        .label("a table")
                        .help(format!("write `{name}[coefficient]`")),
                    );
                    return None;
                } else {
                    let mut known: Vec<&str> =
                        rules.params.iter().map(|p| p.name.as_str()).collect();
                    known.extend(["heures", "coefficient", "minimum"]);
                    let help = did_you_mean(name, known, "parameter");
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            e.span,
                            format!("there is no parameter `{name}`"),
                        )
                        .label("unknown name")
                        .help(help),
                    );
                    return None;
                }
            }
            A::Lookup(name, key) => {
                let Some(t) = rules.tables.iter().position(|t| t.name == name.node) else {
                    let help = did_you_mean(
                        &name.node,
                        rules.tables.iter().map(|t| t.name.as_str()),
                        "table",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            name.span,
                            format!("there is no table `{}`", name.node),
                        )
                        .label("unknown table")
                        .help(help),
                    );
                    return None;
                };
                let (key_expr, key_ty) = self.expr(rules, key, inputs)?;
                if key_ty != Type::Number {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            key.span,
                            "a table row is chosen by a coefficient",
                        )
                        .label("not a coefficient")
                        .help("write `table[coefficient]`"),
                    );
                    return None;
                }
                self.used_tables.insert(t);
                (ExprKind::Lookup(t, Box::new(key_expr)), rules.tables[t].ty)
            }
            A::Round(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Round(Box::new(inner)), ty)
            }
            A::Neg(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Neg(Box::new(inner)), ty)
            }
            A::Binary(op, left, right) => {
                let l = self.expr(rules, left, inputs);
                let r = self.expr(rules, right, inputs);
                let ((l, lt), (r, rt)) = (l?, r?);
                let Some(ty) = binary_type(*op, lt, rt) else {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            e.span,
                            format!("cannot {} {} and {}", op_verb(*op), type_name(lt), type_name(rt)),
                        )
                        .label("types do not fit")
                        .help("amounts add to amounts; an amount is multiplied or divided by a number"),
                    );
                    return None;
                };
                (ExprKind::Binary(*op, Box::new(l), Box::new(r)), ty)
            }
        };
        Some((model::Expr { span: e.span, kind }, ty))
    }

    // ------------------------------------------------------------ the set as a whole

    fn whole_set(&mut self, rules: &RuleSet, items: &[Item], seen: SeenOnce) {
        let main_end = rules.file().text.len();
        let end = Span::new(main_end, main_end);
        let first_job = items.iter().find_map(|i| match i {
            Item::Job(j) => Some(j.id.span),
            _ => None,
        });
        if let Some(at) = first_job {
            if !seen.classification {
                self.error(
                    Diagnostic::error(
                        "grille::no-floor",
                        at,
                        "the rule file has jobs but no `classement`",
                    )
                    .label("jobs without a classification rule")
                    .help("add `classement` with `plancher métier` and `le plus élevé l'emporte`"),
                );
            }
            if !seen.status {
                self.error(
                    Diagnostic::error("grille::status-incomplete", at, "the rule file says nothing of status")
                        .label("jobs without a status rule")
                        .help("add `statut` followed by rules such as `cadre si catégorie cadres` and `non-cadre sinon`"),
                );
            }
        }
        if let (true, Some(at)) = (rules.levels.is_empty(), first_job) {
            self.error(
                Diagnostic::error("grille::no-grid", at, "the rule file declares no grid")
                    .label("a job, but no `catégorie` with levels")
                    .help("declare categories and their levels with coefficients"),
            );
        }
        let uses_hours = rules
            .minimum_salary
            .as_ref()
            .is_some_and(|m| mentions(&m.formula, Input::Hours));
        if uses_hours && rules.reference_hours.is_none() {
            self.error(
                Diagnostic::error("grille::missing-value", rules.minimum_salary.as_ref().map_or(end, |m| m.origin.span), "the minimum salary uses `heures`, but no reference hours are declared")
                    .label("needs reference hours")
                    .help("add `temps de travail` with `heures de référence : ...`, the hours of an employee who gives none"),
            );
        }
        if rules.has_floor(FloorKind::Mission) && rules.mission_cap.is_none() {
            if let Some(f) = rules.floors.iter().find(|f| f.kind == FloorKind::Mission) {
                self.error(
                    Diagnostic::error(
                        "grille::missing-value",
                        f.origin.span,
                        "the mission floor needs a `plafond des missions`",
                    )
                    .label("no mission cap declared")
                    .help("declare `plafond des missions` with its window, limit and claim"),
                );
            }
        }
        self.job_warnings(rules);
    }

    /// A parameter or table read by the rules but with no value on the agreement's date.
    fn values_from_the_start(&mut self, rules: &RuleSet) {
        let Some(start) = rules.agreement.date else {
            return;
        };
        let params = rules
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_params.contains(i));
        let params = params.map(|(_, p)| (&p.name, p.values.first().map(|v| v.0), p.origin.span));
        let tables = rules
            .tables
            .iter()
            .enumerate()
            .filter(|(i, _)| self.used_tables.contains(i));
        let tables = tables.map(|(_, t)| (&t.name, t.versions.first().map(|v| v.0), t.origin.span));
        let late: Vec<_> = params
            .chain(tables)
            .filter(|(_, first, _)| first.is_some_and(|f| f > start))
            // Another file's values (the law's, an amended file's) are checked with that file.
            .filter(|(_, _, span)| rules.sources.index_of(span.start) == 0)
            .collect();
        for (name, first, span) in late {
            let first = first.unwrap_or(start);
            self.error(
                Diagnostic::warning(
                    "grille::parameter-before-first-date",
                    span,
                    format!("`{name}` has no value before {first}, but the agreement is dated {start}"),
                )
                .label(format!("first value from {first}"))
                .help("employees evaluated before that date are rejected; add the earlier value or date the agreement later"),
            );
        }
    }

    /// What looks wrong in the jobs' grids although it can be applied.
    fn job_warnings(&mut self, rules: &RuleSet) {
        let diploma_floor = rules.has_floor(FloorKind::Diploma);
        for job in &rules.jobs {
            let bands = &rules.scales[job.scale].bands;
            let blanks = job.cells.iter().filter(|c| c.coefficient.is_none()).count();
            if !job.has_any_value() {
                self.error(
                    Diagnostic::warning("grille::job-without-classification", job.origin.span, format!("the job `{}` has no classification", job.id))
                        .label("every band is blank")
                        .help("employees in this job get only the other floors (diploma, previous coefficient…)"),
                );
            } else if blanks > 0 {
                let names: Vec<&str> = bands
                    .iter()
                    .zip(&job.cells)
                    .filter(|(_, c)| c.coefficient.is_none())
                    .map(|(b, _)| b.id.as_str())
                    .collect();
                self.error(
                    Diagnostic::warning(
                        "grille::blank-cells",
                        job.origin.span,
                        format!(
                            "{blanks} of {} bands of `{}` are blank: {}",
                            bands.len(),
                            job.id,
                            names.join(", ")
                        ),
                    )
                    .label("incomplete grid")
                    .help("a blank band takes the value the classification says (`case vide`)"),
                );
            }
            let mut previous: Option<(u32, &str)> = None;
            for (band, cell) in bands.iter().zip(&job.cells) {
                let Some(c) = cell.coefficient else { continue };
                if let Some((p, pb)) = previous {
                    if c < p {
                        self.error(
                            Diagnostic::warning(
                                "grille::decreasing-band",
                                cell.origin.span,
                                format!(
                                    "`{}` goes down with experience: {p} in `{pb}`, {c} in `{}`",
                                    job.id, band.id
                                ),
                            )
                            .label("lower than the band before")
                            .help("automatic advancement should never lower a coefficient"),
                        );
                    }
                }
                previous = Some((c, &band.id));
            }
            let (Some(d), true) = (job.entry_diploma, diploma_floor) else {
                continue;
            };
            let (Some(floor), Some(first)) = (
                rules.diplomas[d].floor,
                job.cells.first().and_then(|c| c.coefficient),
            ) else {
                continue;
            };
            if floor > first {
                self.error(
                    Diagnostic::warning(
                        "grille::entry-diploma-above-job",
                        job.origin.span,
                        format!("the entry diploma of `{}` (`{}`) has a floor of {floor}, above its beginner coefficient {first}", job.id, rules.diplomas[d].id),
                    )
                    .label("pays less than its own entry diploma")
                    .help("a beginner holding the expected diploma gets the diploma floor, not the job's value"),
                );
            }
        }
    }
}

/// Blocks that may appear once; a second one is an error.
#[derive(Default, Clone, Copy)]
struct SeenOnce {
    classification: bool,
    status: bool,
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

/// The highest coefficient a grid may use.
pub const MAX_COEFFICIENT: u32 = 99_999;

fn builtin_input(name: &str) -> Option<Input> {
    match name {
        "heures" | "hours" => Some(Input::Hours),
        "coefficient" => Some(Input::Coefficient),
        "minimum" => Some(Input::LevelMinimum),
        _ => None,
    }
}

fn input_help(input: Input) -> &'static str {
    match input {
        Input::Hours => "`heures` (the employee's monthly hours) is known in the `salaire minimum` formula only",
        Input::Coefficient => "`coefficient` is known in level minima and the `salaire minimum` formula",
        Input::LevelMinimum => "`minimum` (the level's full-time minimum) is known in the `salaire minimum` formula only",
    }
}

fn mentions(e: &model::Expr, input: Input) -> bool {
    match &e.kind {
        ExprKind::Input(i) => *i == input,
        ExprKind::Lookup(_, inner) | ExprKind::Round(inner) | ExprKind::Neg(inner) => {
            mentions(inner, input)
        }
        ExprKind::Binary(_, l, r) => mentions(l, input) || mentions(r, input),
        ExprKind::Number(_) | ExprKind::Param(_) => false,
    }
}

fn value_type(t: ValueType) -> (Type, bool) {
    match t {
        ValueType::Amount => (Type::Amount, false),
        ValueType::Decimal => (Type::Number, false),
        ValueType::Integer => (Type::Number, true),
        ValueType::Duration => (Type::Duration, false),
    }
}

fn type_word(t: ValueType) -> &'static str {
    match t {
        ValueType::Amount => "an amount",
        ValueType::Decimal => "a number",
        ValueType::Integer => "a whole number",
        ValueType::Duration => "a duration",
    }
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Amount => "an amount",
        Type::Number => "a number",
        Type::Duration => "a duration",
    }
}

fn op_verb(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "subtract",
        BinaryOp::Mul => "multiply",
        BinaryOp::Div => "divide",
    }
}

fn binary_type(op: BinaryOp, l: Type, r: Type) -> Option<Type> {
    use Type::*;
    match (op, l, r) {
        (_, Duration, _) | (_, _, Duration) => None,
        (BinaryOp::Add | BinaryOp::Sub, a, b) if a == b => Some(a),
        (BinaryOp::Mul, Amount, Number) | (BinaryOp::Mul, Number, Amount) => Some(Amount),
        (BinaryOp::Mul, Number, Number) => Some(Number),
        (BinaryOp::Div, Amount, Number) => Some(Amount),
        (BinaryOp::Div, Amount, Amount) | (BinaryOp::Div, Number, Number) => Some(Number),
        _ => None,
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Coefficient(c) => c.to_string(),
        Cell::Level(n) => format!("niveau {n}"),
        Cell::Category(id) => format!("catégorie {}", id.node),
        Cell::Blank => "vide".to_string(),
    }
}

fn list_levels(rules: &RuleSet) -> String {
    let numbers: Vec<String> = rules.levels.iter().map(|l| l.number.to_string()).collect();
    numbers.join(", ")
}

fn nearest_coefficients(rules: &RuleSet, c: u32) -> String {
    let below = rules
        .levels
        .iter()
        .filter(|l| l.coefficients.lowest() <= c)
        .map(|l| l.coefficients.highest().min(c))
        .max();
    let above = rules
        .levels
        .iter()
        .filter_map(|l| l.coefficients.next_above(c))
        .min();
    match (below, above) {
        (Some(b), Some(a)) => format!("{b} and {a}"),
        (Some(b), None) => b.to_string(),
        (None, Some(a)) => a.to_string(),
        (None, None) => "none".to_string(),
    }
}
