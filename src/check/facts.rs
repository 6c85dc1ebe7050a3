//! Declared facts (`fait …`) and the tests on them and on time (issue #22,
//! design §3–§4): each fact numbered in file order (its slot in every
//! record), its field and default checked; in tests, a fact's name resolved
//! and its type checked against its use, clocks given the date they count from.

use super::*;
use crate::diag::facts::FactProblem;
use crate::model::{Clock, ClockTest, DateSide, Fact, FactKind, FactTest, FactTestKind, FactValue, IsValue};
use crate::syntax::ast::{FactDecl, FactDefault, FactType, TimeOperand};

/// History fields a replay reads itself: a fact cannot be read from them
/// (`hired_on` can: a date, the same for both).
const HISTORY_ONLY: [&str; 4] = ["left_on", "jobs", "diplomas", "pay"];

/// The standard fields the clocks read (facts.md, "fields a rule set may ask for").
pub(super) const BORN_ON: &str = "born_on";
pub(super) const HIRED_ON: &str = "hired_on";

impl Checker {
    /// Pass 1b: every `fait` of the file, in order.
    pub(super) fn facts(&mut self, rules: &mut RuleSet, ast: &[Item]) {
        let mut fields: HashMap<String, Span> = HashMap::new();
        for item in ast {
            let Item::Fact(decl) = item else { continue };
            if self.name_taken(&decl.name) {
                continue;
            }
            let field = decl.field.as_ref().unwrap_or(&decl.name);
            let contract = crate::facts::FIELDS.iter().any(|s| s.name == field.node);
            if contract || HISTORY_ONLY.contains(&field.node.as_str()) {
                let problem = FactProblem::ContractField {
                    field: field.node.clone(),
                };
                self.report(Kind::Fact(problem), field.span);
                continue;
            }
            if fields.insert(field.node.clone(), field.span).is_some() {
                let problem = FactProblem::FieldTwice {
                    field: field.node.clone(),
                };
                self.report(Kind::Fact(problem), field.span);
                continue;
            }
            let Some(fact) = self.fact(decl, &field.node) else {
                continue;
            };
            self.declared.values.insert(decl.name.node.clone(), decl.name.span);
            self.declared.facts.insert(decl.name.node.clone(), rules.facts.len());
            rules.facts.push(fact);
        }
    }

    fn fact(&mut self, decl: &FactDecl, field: &str) -> Option<Fact> {
        let (kind, formula_type) = match &decl.ty.node {
            FactType::Date => (FactKind::Date, None),
            FactType::YesNo => (FactKind::YesNo, None),
            FactType::Text => (FactKind::Text, None),
            FactType::Choice(ids) => {
                let ids: Vec<Box<str>> = ids.iter().map(|i| i.node.as_str().into()).collect();
                (FactKind::Choice(ids.into()), None)
            }
            FactType::Amount => (FactKind::Decimal, Some(Type::Amount)),
            FactType::Hourly => (FactKind::Decimal, Some(Type::Hourly)),
            FactType::Annual => (FactKind::Decimal, Some(Type::Annual)),
            FactType::Decimal => (FactKind::Decimal, Some(Type::Number)),
            FactType::Integer => (FactKind::Integer, Some(Type::Number)),
        };
        let default = match &decl.default {
            None => None,
            Some(d) => Some(self.fact_default(&decl.name.node, &kind, d)?),
        };
        Some(Fact {
            name: decl.name.node.clone(),
            label: decl.label.as_ref().map(|l| l.node.clone()),
            field: field.to_string(),
            kind,
            formula_type,
            default,
            required: decl.required.is_some(),
            implicit: false,
            name_span: decl.name.span,
            origin: origin(decl.span, &decl.source),
        })
    }

    fn fact_default(
        &mut self,
        fact: &str,
        kind: &FactKind,
        default: &Spanned<FactDefault>,
    ) -> Option<FactValue> {
        let value = match (kind, &default.node) {
            (FactKind::Date, FactDefault::Date(d)) => Some(FactValue::Date(*d)),
            (FactKind::YesNo, FactDefault::Yes) => Some(FactValue::Bool(true)),
            (FactKind::YesNo, FactDefault::No) => Some(FactValue::Bool(false)),
            (FactKind::Decimal | FactKind::Integer, FactDefault::Number(n, _)) => {
                Some(FactValue::Number(*n))
            }
            (FactKind::Text, FactDefault::Id(id)) => Some(FactValue::Text(id.as_str().into())),
            (FactKind::Choice(ids), FactDefault::Id(id)) => {
                let Some(index) = choice_index(ids, id) else {
                    let problem = FactProblem::NotAChoice {
                        fact: fact.to_string(),
                        value: id.clone(),
                        choices: ids.iter().map(|c| c.to_string()).collect(),
                    };
                    self.report(Kind::Fact(problem), default.span);
                    return None;
                };
                Some(FactValue::Choice(index))
            }
            _ => None,
        };
        if value.is_none() {
            let problem = FactProblem::DefaultType {
                fact: fact.to_string(),
                ty: kind_words(kind),
            };
            self.report(Kind::Fact(problem), default.span);
        }
        value
    }

    /// `fait naissance 1999-03-02` in an example: the fact's slot and its value.
    pub(super) fn example_fact(
        &mut self,
        rules: &RuleSet,
        name: &Spanned<String>,
        value: &Spanned<FactDefault>,
    ) -> Option<(FactId, FactValue)> {
        let id = self.fact_named(rules, name)?;
        let fact = &rules.facts[id];
        let value = self.fact_default(&fact.name.clone(), &fact.kind.clone(), value)?;
        Some((id, value))
    }

    /// A fact's name in a formula: a number or an amount.
    pub(super) fn fact_in_formula(
        &mut self,
        rules: &RuleSet,
        id: FactId,
        span: Span,
    ) -> Option<(ExprKind, Type)> {
        self.declared.used_facts.insert(id);
        let fact = &rules.facts[id];
        match fact.formula_type {
            Some(ty) => Some((ExprKind::Fact(id), ty)),
            None => {
                let problem = FactProblem::Misused {
                    fact: fact.name.clone(),
                    ty: kind_words(&fact.kind),
                    wanted: ("un nombre ou un montant", "a number or an amount"),
                };
                self.report(Kind::Fact(problem), span);
                None
            }
        }
    }

    /// `âge < 26 ans`, `date < 2025-01-01`, `modalite est forfait-jours`, a `oui-non` fact.
    pub(super) fn fact_test(&mut self, rules: &RuleSet, t: &ast::Test) -> Option<FactTest> {
        use ast::TestKind as A;
        let kind = match &t.kind {
            A::Flag(name) => {
                let id = self.fact_named(rules, name)?;
                self.fact_of_kind(rules, id, name.span, |k| matches!(k, FactKind::YesNo), ("un oui-non", "a yes-no"))?;
                FactTestKind::Flag(id)
            }
            A::Is(name, value) => {
                let id = self.fact_named(rules, name)?;
                let fact = &rules.facts[id];
                let value = match &fact.kind {
                    FactKind::Choice(ids) => match choice_index(ids, &value.node) {
                        Some(i) => IsValue::Choice(i),
                        None => {
                            let problem = FactProblem::NotAChoice {
                                fact: fact.name.clone(),
                                value: value.node.clone(),
                                choices: ids.iter().map(|c| c.to_string()).collect(),
                            };
                            self.report(Kind::Fact(problem), value.span);
                            return None;
                        }
                    },
                    FactKind::Text => IsValue::Text(value.node.as_str().into()),
                    _ => {
                        self.misused(rules, id, name.span, ("un choix ou un texte", "a choice or a text"));
                        return None;
                    }
                };
                FactTestKind::Is(id, value)
            }
            A::Timed(left, op, right) => self.timed(rules, left, *op, right, t.span)?,
            _ => return None,
        };
        let written = self.written(rules, &t.kind);
        Some(FactTest {
            kind,
            written: written.into(),
        })
    }

    fn timed(
        &mut self,
        rules: &RuleSet,
        left: &Spanned<TimeOperand>,
        op: CompareOp,
        right: &Spanned<TimeOperand>,
        span: Span,
    ) -> Option<FactTestKind> {
        let sides = (self.time_side(rules, left)?, self.time_side(rules, right)?);
        match sides {
            (Side::Clock(clock, years), Side::Duration(than)) => {
                self.clock_unit(years, than, right.span)?;
                Some(FactTestKind::Clock(ClockTest { clock, op, than }))
            }
            (Side::Duration(than), Side::Clock(clock, years)) => {
                self.clock_unit(years, than, left.span)?;
                let op = flipped(op);
                Some(FactTestKind::Clock(ClockTest { clock, op, than }))
            }
            (Side::Date(a), Side::Date(b)) => Some(FactTestKind::Dates(a, op, b)),
            _ => {
                self.report(Kind::Fact(FactProblem::TimeSides), span);
                None
            }
        }
    }

    /// `années révolues` compare with years, `mois révolus` with months; the
    /// other clocks count in the duration's unit.
    fn clock_unit(&mut self, years: Option<bool>, than: Duration, span: Span) -> Option<()> {
        let fits = match years {
            None => true,
            Some(true) => than.unit == TimeUnit::Years,
            Some(false) => than.unit == TimeUnit::Months,
        };
        if !fits {
            let problem = FactProblem::ClockUnit {
                years: years == Some(true),
            };
            self.report(Kind::Fact(problem), span);
            return None;
        }
        Some(())
    }

    fn time_side(&mut self, rules: &RuleSet, side: &Spanned<TimeOperand>) -> Option<Side> {
        let date_fact = |checker: &mut Self, rules: &RuleSet, name: &Spanned<String>| {
            let id = checker.fact_named(rules, name)?;
            checker.fact_of_kind(rules, id, name.span, |k| matches!(k, FactKind::Date), ("une date", "a date"))?;
            Some(id)
        };
        Some(match &side.node {
            TimeOperand::Duration(d) => Side::Duration(*d),
            TimeOperand::Date(d) => Side::Date(DateSide::Literal(*d)),
            TimeOperand::Today => Side::Date(DateSide::Today),
            TimeOperand::Fact(name) => {
                let name = Spanned::new(name.clone(), side.span);
                Side::Date(DateSide::Fact(date_fact(self, rules, &name)?))
            }
            TimeOperand::Clock(ast::Clock::Age) => {
                Side::Clock(Clock::Age(self.standard_fact(rules, BORN_ON, side.span)), None)
            }
            TimeOperand::Clock(ast::Clock::Company) => {
                Side::Clock(Clock::Company(self.standard_fact(rules, HIRED_ON, side.span)), None)
            }
            TimeOperand::Clock(ast::Clock::Job) => Side::Clock(Clock::Job, None),
            TimeOperand::Clock(ast::Clock::Since { years, fact }) => {
                Side::Clock(Clock::Since(date_fact(self, rules, fact)?), Some(*years))
            }
        })
    }

    fn fact_named(&mut self, rules: &RuleSet, name: &Spanned<String>) -> Option<FactId> {
        if let Some(id) = self.declared.facts.get(&name.node).copied() {
            self.declared.used_facts.insert(id);
            return Some(id);
        }
        let names = rules.facts.iter().map(|f| f.name.as_str());
        let close = crate::names::closest(&name.node, names);
        let problem = FactProblem::Unknown {
            name: name.node.clone(),
            close: close.into_iter().map(str::to_string).collect(),
        };
        self.report(Kind::Fact(problem), name.span);
        None
    }

    fn fact_of_kind(
        &mut self,
        rules: &RuleSet,
        id: FactId,
        span: Span,
        fits: impl Fn(&FactKind) -> bool,
        wanted: (&'static str, &'static str),
    ) -> Option<()> {
        if fits(&rules.facts[id].kind) {
            return Some(());
        }
        self.misused(rules, id, span, wanted);
        None
    }

    fn misused(&mut self, rules: &RuleSet, id: FactId, span: Span, wanted: (&'static str, &'static str)) {
        let fact = &rules.facts[id];
        let problem = FactProblem::Misused {
            fact: fact.name.clone(),
            ty: kind_words(&fact.kind),
            wanted,
        };
        self.report(Kind::Fact(problem), span);
    }

    /// Warns on each fact of the file no formula or test reads.
    pub(super) fn unused_facts(&mut self, rules: &RuleSet) {
        for (id, fact) in rules.facts.iter().enumerate() {
            if fact.implicit || self.declared.used_facts.contains(&id) {
                continue;
            }
            let problem = FactProblem::Unused {
                fact: fact.name.clone(),
            };
            self.report(Kind::Fact(problem), fact.name_span);
        }
    }

    /// The fact read from a standard field (`born_on`), declared by the checker
    /// when the file declares none on that field; added to the rule set after
    /// the formulas are checked (`implicit_facts`), its slot after the file's.
    fn standard_fact(&mut self, rules: &RuleSet, field: &str, span: Span) -> FactId {
        if let Some(id) = rules.facts.iter().position(|f| f.field == field) {
            self.declared.used_facts.insert(id);
            return id;
        }
        let pending = &mut self.declared.implicit_facts;
        if let Some(i) = pending.iter().position(|f| f.field == field) {
            return rules.facts.len() + i;
        }
        pending.push(Fact {
            name: field.to_string(),
            label: None,
            field: field.to_string(),
            kind: FactKind::Date,
            formula_type: None,
            default: None,
            required: false,
            implicit: true,
            name_span: span,
            origin: Origin {
                span,
                ..Origin::default()
            },
        });
        rules.facts.len() + pending.len() - 1
    }

    /// The test as the language writes it, canonical French.
    fn written(&self, _rules: &RuleSet, kind: &ast::TestKind) -> String {
        let mut out = String::new();
        crate::fmt::write_fact_test(kind, &mut out);
        out
    }
}

/// One side of a test on time, checked; a clock says whether it counts in
/// years (`Some(true)`), months, or the duration's unit (`None`).
enum Side {
    Clock(Clock, Option<bool>),
    Duration(Duration),
    Date(DateSide),
}

fn choice_index(ids: &[Box<str>], id: &str) -> Option<u16> {
    let wanted = normalize(id);
    let index = ids.iter().position(|c| normalize(c) == wanted)?;
    u16::try_from(index).ok()
}

/// `a < b` read from the other side: `26 ans > âge` is `âge < 26 ans`.
fn flipped(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Ge => CompareOp::Le,
        CompareOp::Le => CompareOp::Ge,
        CompareOp::Gt => CompareOp::Lt,
        CompareOp::Lt => CompareOp::Gt,
        other => other,
    }
}

/// A fact's type as messages name it (the rule file's words).
fn kind_words(kind: &FactKind) -> &'static str {
    match kind {
        FactKind::Date => "date",
        FactKind::YesNo => "oui-non",
        FactKind::Choice(_) => "choix",
        FactKind::Text => "texte",
        FactKind::Decimal => "décimal",
        FactKind::Integer => "entier",
    }
}
