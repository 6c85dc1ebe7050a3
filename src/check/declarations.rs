//! Declarations others refer to: the agreement, parameters, tables, diplomas,
//! experience scales.

use super::formulas::builtin_input;
use super::*;
use crate::syntax::ast::NumberUnit;

impl Checker {
    /// Pass 1: the agreement, parameters, tables and provisions.
    pub(super) fn values(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            match item {
                Item::Agreement(a) => self.agreement(rules, a),
                Item::Parameter(p) => {
                    if let Some(param) = self.parameter(rules, p) {
                        self.param_name_spans.push(p.name.span);
                        self.declared.values.insert(param.name.clone(), p.span);
                        self.declared
                            .params
                            .insert(param.name.clone(), ParamId::new(rules.params.len()));
                        rules.params.push(param);
                    }
                }
                Item::Table(t) => {
                    if let Some(table) = self.table(t) {
                        self.declared.values.insert(table.name.clone(), t.span);
                        self.declared
                            .tables
                            .insert(table.name.clone(), TableId::new(rules.tables.len()));
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

    fn agreement(&mut self, rules: &mut RuleSet, a: &ast::Agreement) {
        if !rules.agreement.title.is_empty() {
            let first = rules.agreement.origin.span;
            self.report(Kind::duplicate(Duplicated::Agreement, first), a.span);
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

    /// Whether a parameter or table name is already taken (or reserved): then the
    /// declaration is reported and dropped.
    pub(super) fn name_taken(&mut self, name: &Spanned<String>) -> bool {
        if let Some(first) = self.declared.values.get(&name.node) {
            let what = Duplicated::ValueName(name.node.clone());
            self.report(Kind::duplicate(what, *first), name.span);
            return true;
        }
        if builtin_input(&name.node).is_some() {
            let reserved = Kind::ReservedName {
                name: name.node.clone(),
            };
            self.report(reserved, name.span);
            return true;
        }
        false
    }

    fn parameter(&mut self, rules: &RuleSet, p: &ast::Parameter) -> Option<Param> {
        if self.name_taken(&p.name) {
            return None;
        }
        let (ty, integer) = value_type(p.value_type.node);
        let mut values = Vec::new();
        for dated in &p.values {
            if let Some(value) = self.typed_literal(&dated.value, p.value_type.node, &p.name.node) {
                if value == Value::Number(Decimal::ZERO) {
                    // A divisor of zero is found when the formulas are typed.
                    let zero = (dated.from.node, dated.value.span);
                    self.declared
                        .zero_values
                        .entry(ParamId::new(rules.params.len()))
                        .or_insert(zero);
                }
                values.push((dated.from.node, value, dated.from.span));
            }
        }
        if p.values.is_empty() {
            let missing = Missing::ParameterValue(p.name.node.clone());
            self.report(Kind::MissingValue(missing), p.name.span);
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
                let what = Duplicated::DatedValue {
                    name: name.to_string(),
                    date: pair[1].0,
                };
                self.report(Kind::duplicate(what, pair[0].2), pair[1].2);
            }
        }
        values.into_iter().map(|(d, v, _)| (d, v)).collect()
    }

    /// A literal of the file as a value of its declared type (see [`literal_value`]).
    pub(super) fn typed_literal(
        &mut self,
        literal: &Spanned<Literal>,
        expected: ValueType,
        name: &str,
    ) -> Option<Value> {
        match literal_value(literal.node, expected) {
            Ok(value) => Some(value),
            Err(found) => {
                let name = name.to_string();
                let mismatch = Mismatch::Literal {
                    name,
                    expected,
                    found,
                };
                self.report(Kind::TypeMismatch(mismatch), literal.span);
                None
            }
        }
    }

    fn table(&mut self, t: &ast::Table) -> Option<Table> {
        if self.name_taken(&t.name) {
            return None;
        }
        let (ty, _) = value_type(t.value_type.node);
        if ty == Type::Duration {
            self.report(
                Kind::TypeMismatch(Mismatch::DurationTable),
                t.value_type.span,
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
                        let twice = Kind::duplicate(Duplicated::TableRow(key.node), None);
                        self.report(twice, key.span);
                    }
                }
            }
            versions.push((version.from.node, rows, version.from.span));
        }
        if versions.is_empty() {
            let missing = Missing::TableRows(t.name.node.clone());
            self.report(Kind::MissingValue(missing), t.name.span);
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

    fn diploma(&mut self, rules: &mut RuleSet, d: &ast::Diploma) {
        let key = normalize(&d.id.node);
        if let Some(first) = self.declared.diplomas.get(&key) {
            let what = Duplicated::Diploma(d.id.node.clone());
            let first = rules.diplomas[*first].origin.span;
            self.report(Kind::duplicate(what, first), d.id.span);
            return;
        }
        let floor = d.floor.as_ref().and_then(|c| self.cell(rules, c));
        self.diploma_aliases(rules, d);
        let id = DiplomaId::new(rules.diplomas.len());
        self.declared.diplomas.insert(key, id);
        rules.diplomas.push(Diploma {
            id: d.id.node.clone(),
            label: d.label.node.clone(),
            floor,
            aliases: d.aliases.iter().map(|a| a.node.clone()).collect(),
            origin: origin(d.id.span, &d.source),
        });
    }

    /// A name or alias of `d` that an earlier diploma already bears is ambiguous.
    fn diploma_aliases(&mut self, rules: &RuleSet, d: &ast::Diploma) {
        let names = std::iter::once(&d.label).chain(&d.aliases);
        for name in names {
            let key = normalize(&name.node);
            let earlier = rules.diplomas.iter().find(|e| {
                std::iter::once(&e.id)
                    .chain(std::iter::once(&e.label))
                    .chain(&e.aliases)
                    .any(|n| normalize(n) == key)
            });
            if let Some(earlier) = earlier {
                let kind = Kind::AmbiguousDiplomaName {
                    name: rules.sources.text(name.span).to_string(),
                    diplomas: vec![earlier.id.clone(), d.id.node.clone()],
                    first: earlier.origin.span,
                };
                self.report(kind, name.span);
            }
        }
    }

    fn scale(&mut self, rules: &mut RuleSet, e: &ast::Experience) {
        if let Some(first) = self.declared.scales.get(&e.id.node) {
            let what = Duplicated::Scale(e.id.node.clone());
            let first = rules.scales[*first].origin.span;
            self.report(Kind::duplicate(what, first), e.id.span);
            return;
        }
        let mut bands: Vec<Band> = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for b in &e.bands {
            let key = normalize(&b.id.node);
            if let Some(first) = seen.get(&key) {
                let what = Duplicated::Band(b.id.node.clone());
                self.report(Kind::duplicate(what, *first), b.id.span);
                continue;
            }
            if let Some(to) = &b.to_months {
                if to.node <= b.from_months.node {
                    let empty = BadRange::EmptyBand {
                        band: b.id.node.clone(),
                        from: b.from_months.node,
                        to: to.node,
                    };
                    self.report(Kind::BadRange(empty), b.span);
                    continue;
                }
            }
            seen.insert(key, b.span);
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
        let index = bands
            .iter()
            .enumerate()
            .map(|(i, b)| (normalize(&b.id), i))
            .collect();
        self.declared
            .scales
            .insert(e.id.node.clone(), ScaleId::new(rules.scales.len()));
        self.declared.bands.push(index);
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
            let scale = e.id.node.clone();
            self.report(Kind::BadBands(BadBands::NoBand { scale }), e.id.span);
            return;
        };
        if first.from_months != 0 {
            let late = BadBands::FirstNotAtZero {
                from: first.from_months,
            };
            self.report(Kind::BadBands(late), first.origin.span);
        }
        for pair in bands.windows(2) {
            let (previous, next) = (&pair[0], &pair[1]);
            if previous.to_months != Some(next.from_months) {
                let gap = previous
                    .to_months
                    .filter(|end| *end < next.from_months)
                    .map(|end| (end, next.from_months));
                let apart = BadBands::NotMeeting {
                    previous: previous.id.clone(),
                    next: next.id.clone(),
                    gap,
                    next_from: next.from_months,
                    previous_span: previous.origin.span,
                };
                self.report(Kind::BadBands(apart), next.origin.span);
            }
        }
        if let Some(last) = bands.last().filter(|b| b.to_months.is_some()) {
            let closed = BadBands::LastHasEnd {
                from: last.from_months,
            };
            self.report(Kind::BadBands(closed), last.origin.span);
        }
    }
}

/// The checks every value of a parameter or table passes, whether written in the
/// rule file or given from outside it (`--set`): its type, then its sign.
pub fn literal_value(literal: Literal, expected: ValueType) -> Result<Value, Found> {
    match (literal, expected) {
        (Literal::Duration(d), ValueType::Duration) => Ok(Value::Duration(d)),
        (Literal::Duration(_), _) => Err(Found::Duration),
        (Literal::Number { .. }, ValueType::Duration) => Err(Found::Number),
        (Literal::Number { unit, .. }, _) if !unit_fits(unit, expected) => Err(match unit {
            NumberUnit::Euro => Found::Euros,
            NumberUnit::EuroPerHour => Found::PerHour,
            NumberUnit::Percent => Found::Percent,
            NumberUnit::EuroPerYear => Found::PerYear,
            _ => Found::Hours,
        }),
        (Literal::Number { value, .. }, ValueType::Integer) if !value.fract().is_zero() => {
            Err(Found::NotWhole)
        }
        (Literal::Number { value, .. }, _) if value.is_sign_negative() && !value.is_zero() => {
            Err(Found::Negative)
        }
        (Literal::Number { value, unit }, _) => Ok(Value::Number(unit.value(value))),
    }
}

/// Whether a number written with `unit` may be a value of type `expected`: a
/// bare number always, `€` for a monthly amount, `€/h` hourly, `h` hours.
fn unit_fits(unit: NumberUnit, expected: ValueType) -> bool {
    matches!(
        (unit, expected),
        (NumberUnit::None, _)
            | (NumberUnit::Euro, ValueType::Amount)
            | (NumberUnit::EuroPerHour, ValueType::HourlyAmount)
            | (NumberUnit::EuroPerYear, ValueType::AnnualAmount)
            | (NumberUnit::Hours, ValueType::Hours)
            | (NumberUnit::Percent, ValueType::Rate | ValueType::Decimal)
    )
}

/// The declared type of a parameter, and whether it is whole.
pub(super) fn value_type(t: ValueType) -> (Type, bool) {
    match t {
        ValueType::Amount => (Type::Amount, false),
        ValueType::HourlyAmount => (Type::Hourly, false),
        ValueType::Hours => (Type::Hours, false),
        ValueType::Rate => (Type::Number, false),
        ValueType::AnnualAmount => (Type::Annual, false),
        ValueType::Decimal => (Type::Number, false),
        ValueType::Integer => (Type::Number, true),
        ValueType::Duration => (Type::Duration, false),
    }
}

/// The declared type back from a parameter's type (see [`value_type`]).
pub(super) fn declared_type(ty: Type, integer: bool) -> ValueType {
    match (ty, integer) {
        (Type::Amount, _) => ValueType::Amount,
        (Type::Hourly, _) => ValueType::HourlyAmount,
        (Type::Hours, _) => ValueType::Hours,
        (Type::Annual, _) => ValueType::AnnualAmount,
        (Type::Number, false) => ValueType::Decimal,
        (Type::Number, true) => ValueType::Integer,
        (Type::Duration, _) => ValueType::Duration,
    }
}

impl Checker {
    /// `connu jusqu'au DATE` of a parameter or table (a value used beyond what
    /// the texts confirm is said, never silent). A date before the last dated
    /// value contradicts that value: a warning, the date is kept.
    fn known_until(
        &mut self,
        name: &str,
        known: Option<Spanned<NaiveDate>>,
        last_value: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let known = known?;
        if let Some(last) = last_value.filter(|last| *last > known.node) {
            let kind = Kind::KnownUntilBeforeValue {
                name: name.to_string(),
                known: known.node,
                last,
            };
            self.report(kind, known.span);
        }
        Some(known.node)
    }
}

/// The instruments that set dated values (`par "…"`), by date.
fn cited<'a>(
    values: impl Iterator<Item = (NaiveDate, &'a Option<Spanned<String>>)>,
) -> Vec<(NaiveDate, std::sync::Arc<str>)> {
    values
        .filter_map(|(from, c)| c.as_ref().map(|c| (from, c.node.as_str().into())))
        .collect()
}
