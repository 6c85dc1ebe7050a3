//! Lowering: pest pairs to the AST, one function per grammar rule.

use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};
use rust_decimal::Decimal;

use super::ast::*;
use super::lower_layers::agreement_kind;
use super::Rule;
use crate::diag::{Code, Diagnostic};
use crate::span::{Span, Spanned};

#[derive(Default)]
pub(super) struct Lowering {
    pub diagnostics: Vec<Diagnostic>,
    /// Where this file starts among the files loaded together (see `crate::sources`).
    pub base: usize,
    /// Operators met so far in the formula being lowered, and how deep in it we are.
    pub(super) formula_operators: usize,
    pub(super) expr_depth: usize,
}

pub(super) type P<'a> = Pair<'a, Rule>;

impl Lowering {
    pub fn at(base: usize) -> Self {
        Lowering {
            base,
            ..Lowering::default()
        }
    }

    /// A pair's span without the blanks and comments the grammar skipped after
    /// it, placed at the file's offset among the files loaded together.
    pub(super) fn span(&self, pair: &P) -> Span {
        let start = pair.as_span().start();
        let mut text = pair.as_str().trim_end();
        loop {
            let line_start = text.rfind('\n').map_or(0, |i| i + 1);
            match super::trivia::comment_start(&text[line_start..]) {
                Some(at) => text = text[..line_start + at].trim_end(),
                None => break,
            }
        }
        Span::new(self.base + start, self.base + start + text.len())
    }

    pub(super) fn spanned<T>(&self, pair: &P, node: T) -> Spanned<T> {
        Spanned::new(node, self.span(pair))
    }

    pub fn file(&mut self, mut pairs: Pairs<Rule>) -> Vec<Item> {
        let Some(file) = pairs.next() else {
            return Vec::new();
        };
        file.into_inner()
            .filter(|p| p.as_rule() != Rule::EOI)
            .filter_map(|p| self.item(p))
            .collect()
    }

    pub(super) fn item(&mut self, pair: P) -> Option<Item> {
        Some(match pair.as_rule() {
            Rule::agreement => Item::Agreement(self.agreement(pair)),
            Rule::under_law => Item::UnderLaw(self.layer_link(pair)),
            Rule::amends => Item::Amends(self.amends(pair)),
            Rule::within => Item::Within(self.layer_link(pair)),
            Rule::legal_minimum => Item::LegalMinimum(self.minimum_salary(pair)),
            Rule::trial_maximum => Item::TrialMaximum(self.trial_maximum(pair)),
            Rule::parameter => Item::Parameter(self.parameter(pair)),
            Rule::table => Item::Table(self.table(pair)),
            Rule::category => Item::Category(self.category(pair)),
            Rule::diploma => Item::Diploma(self.diploma(pair)),
            Rule::experience => Item::Experience(self.experience(pair)),
            Rule::job => Item::Job(self.job(pair)),
            Rule::classification => Item::Classification(self.classification(pair)),
            Rule::status_rules => Item::Status(self.status_rules(pair)),
            Rule::working_time => Item::WorkingTime(self.working_time(pair)),
            Rule::minimum_salary => Item::MinimumSalary(self.minimum_salary(pair)),
            Rule::mission_cap => Item::MissionCap(self.mission_cap(pair)),
            Rule::trial_period => Item::TrialPeriod(self.trial_period(pair)),
            Rule::provision => Item::Provision(self.provision(pair)),
            Rule::criterion => Item::Criterion(self.criterion(pair)),
            Rule::scoring => Item::Scoring(self.scoring(pair)),
            Rule::example => Item::Example(self.example(pair)),
            Rule::fact_decl => Item::Fact(self.fact_decl(pair)),
            Rule::grid => Item::Grid(self.grid(pair)),
            Rule::grid_minimum => Item::GridMinimum(self.grid_minimum(pair)),
            _ => return None,
        })
    }

    // ------------------------------------------------------------ tokens

    pub(super) fn string(&mut self, pair: P) -> Spanned<String> {
        let inner = pair.as_str();
        let body = inner
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(inner);
        let mut text = String::with_capacity(body.len());
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            } else {
                text.push(c);
            }
        }
        self.spanned(&pair, text)
    }

    pub(super) fn text(&mut self, pair: P) -> Spanned<String> {
        self.spanned(&pair, pair.as_str().to_string())
    }

    pub(super) fn date(&mut self, pair: P) -> Spanned<NaiveDate> {
        let date = NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadDate,
                    self.span(&pair),
                    (
                        format!("`{}` n'est pas une date du calendrier", pair.as_str()),
                        format!("`{}` is not a calendar date", pair.as_str()),
                    ),
                )
                .label(("ce jour n'existe pas", "no such day"))
                .help((
                    "les dates s'écrivent AAAA-MM-JJ, par exemple 2008-05-29",
                    "dates are written YYYY-MM-DD, e.g. 2008-05-29",
                )),
            );
            NaiveDate::MIN
        });
        self.spanned(&pair, date)
    }

    pub(super) fn integer(&mut self, pair: P) -> Spanned<u32> {
        let value = pair.as_str().parse::<u32>().unwrap_or_else(|_| {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadNumber,
                    self.span(&pair),
                    (
                        format!("`{}` est un nombre entier trop grand", pair.as_str()),
                        format!("`{}` is too large a whole number", pair.as_str()),
                    ),
                )
                .label(("trop grand", "too large"))
                .help((
                    "les nombres entiers vont jusqu'à 4294967295",
                    "whole numbers go up to 4294967295",
                )),
            );
            0
        });
        self.spanned(&pair, value)
    }

    pub(super) fn decimal(&mut self, pair: P) -> Decimal {
        pair.as_str().parse::<Decimal>().unwrap_or_else(|_| {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadNumber,
                    self.span(&pair),
                    (
                        format!("`{}` a trop de chiffres", pair.as_str()),
                        format!("`{}` has too many digits", pair.as_str()),
                    ),
                )
                .label(("pas représentable exactement", "not representable exactly"))
                .help((
                    "les nombres ont au plus 28 chiffres significatifs",
                    "numbers have at most 28 significant digits",
                )),
            );
            Decimal::ZERO
        })
    }

    /// `source "…"`, with the quote and the reading written beside it.
    pub(super) fn source(&mut self, pair: P) -> Cite {
        let mut cite = Cite::default();
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::string => {
                    let s = self.string(p);
                    (cite.node, cite.span) = (s.node, s.span);
                }
                Rule::quote => {
                    let words = self.words(p);
                    self.set_once(&mut cite.quote, words, here, "`citation`");
                }
                Rule::reading => {
                    let words = self.words(p);
                    self.set_once(&mut cite.reading, words, here, "`lecture`");
                }
                _ => {}
            }
        }
        cite
    }

    /// The strings of a `citation` or `lecture`, one a line.
    fn words(&mut self, pair: P) -> Words {
        let span = self.span(&pair);
        let lines = pair
            .into_inner()
            .filter(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(p))
            .collect();
        Words { span, lines }
    }

    /// Keeps the first `source` of a declaration; a second one is an error.
    pub(super) fn set_source(&mut self, slot: &mut Source, pair: P) {
        let here = self.span(&pair);
        let value = self.source(pair);
        self.set_once(slot, value, here, "source");
    }

    pub(super) fn set_known_until(&mut self, slot: &mut Option<Spanned<NaiveDate>>, pair: P) {
        let here = self.span(&pair);
        let Some(date) = self.inner(pair, Rule::date) else {
            return;
        };
        // The whole clause: the formatter places comments by it.
        let date = Spanned::new(self.date(date).node, here);
        self.set_once(slot, date, here, "`connu jusqu'au` date");
    }

    pub(super) fn set_once<T>(&mut self, slot: &mut Option<T>, value: T, here: Span, what: &str) {
        if slot.is_some() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::RepeatedAttribute,
                    here,
                    (
                        format!("cette déclaration donne déjà {}", attribute_fr(what)),
                        format!("this declaration already has a {what}"),
                    ),
                )
                .label(("la deuxième fois", "second one"))
                .help((
                    format!("ne donnez {} qu'une fois", attribute_fr(what)),
                    format!("keep a single {what}"),
                )),
            );
        } else {
            *slot = Some(value);
        }
    }

    pub(super) fn literal(&mut self, pair: P) -> Spanned<Literal> {
        let sp = self.span(&pair);
        let mut inner = pair.into_inner();
        let Some(first) = inner.next() else {
            return Spanned::new(
                Literal::Number {
                    value: Decimal::ZERO,
                    unit: NumberUnit::None,
                },
                sp,
            );
        };
        let literal = match first.as_rule() {
            Rule::duration => Literal::Duration(self.duration(first)),
            _ => {
                let value = self.decimal(first);
                Literal::Number {
                    value,
                    unit: inner.next().map_or(NumberUnit::None, number_unit),
                }
            }
        };
        Spanned::new(literal, sp)
    }

    pub(super) fn duration(&mut self, pair: P) -> Duration {
        let mut inner = pair.into_inner();
        let count = inner.next().map(|p| self.integer(p).node).unwrap_or(0);
        let unit = inner
            .next()
            .and_then(|u| u.into_inner().next())
            .map(|u| match u.as_rule() {
                Rule::unit_days => TimeUnit::Days,
                Rule::unit_weeks => TimeUnit::Weeks,
                Rule::unit_years => TimeUnit::Years,
                _ => TimeUnit::Months,
            })
            .unwrap_or(TimeUnit::Months);
        Duration { count, unit }
    }

    pub(super) fn duration_value(&mut self, pair: P) -> Spanned<DurationValue> {
        let sp = self.span(&pair);
        let value = match pair.into_inner().next() {
            Some(p) if p.as_rule() == Rule::duration => DurationValue::Literal(self.duration(p)),
            Some(p) => DurationValue::Parameter(p.as_str().to_string()),
            None => DurationValue::Parameter(String::new()),
        };
        Spanned::new(value, sp)
    }

    pub(super) fn value_type(&mut self, pair: P) -> Spanned<ValueType> {
        let sp = self.span(&pair);
        let kind = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::type_amount) => ValueType::Amount,
            Some(Rule::type_hourly) => ValueType::HourlyAmount,
            Some(Rule::type_hours) => ValueType::Hours,
            Some(Rule::type_rate) => ValueType::Rate,
            Some(Rule::type_annual) => ValueType::AnnualAmount,
            Some(Rule::type_duration) => ValueType::Duration,
            Some(Rule::type_integer) => ValueType::Integer,
            _ => ValueType::Decimal,
        };
        Spanned::new(kind, sp)
    }

    // ------------------------------------------------------------ declarations

    pub(super) fn agreement(&mut self, pair: P) -> Agreement {
        let mut out = Agreement {
            span: self.span(&pair),
            kind: Spanned::new(AgreementKind::Branch, Span::default()),
            title: Spanned::new(String::new(), Span::default()),
            document: None,
            date: None,
            idcc: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::agreement_kind => out.kind = Spanned::new(agreement_kind(p), here),
                Rule::string => out.title = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::document => {
                    let v = self.inner_string(p);
                    self.set_once(&mut out.document, v, here, "document");
                }
                Rule::agreement_date => {
                    let v = self.inner(p, Rule::date).map(|d| self.date(d));
                    if let Some(v) = v {
                        self.set_once(&mut out.date, v, here, "date");
                    }
                }
                Rule::idcc => {
                    let v = self.inner(p, Rule::integer).map(|d| self.integer(d));
                    if let Some(v) = v {
                        self.set_once(&mut out.idcc, v, here, "IDCC number");
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn inner<'a>(&mut self, pair: P<'a>, rule: Rule) -> Option<P<'a>> {
        pair.into_inner().find(|p| p.as_rule() == rule)
    }

    pub(super) fn inner_string(&mut self, pair: P) -> Spanned<String> {
        match self.inner(pair, Rule::string) {
            Some(s) => self.string(s),
            None => Spanned::new(String::new(), Span::default()),
        }
    }

    pub(super) fn parameter(&mut self, pair: P) -> Parameter {
        let mut out = Parameter {
            span: self.span(&pair),
            name: Spanned::new(String::new(), Span::default()),
            label: None,
            value_type: Spanned::new(ValueType::Decimal, Span::default()),
            values: Vec::new(),
            known_until: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => out.name = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::value_type => out.value_type = self.value_type(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::known_until => self.set_known_until(&mut out.known_until, p),
                Rule::param_value => {
                    let sp = self.span(&p);
                    let mut inner = p.into_inner().filter(|q| q.as_rule() != Rule::kw_from);
                    let (Some(value), Some(from)) = (inner.next(), inner.next()) else {
                        continue;
                    };
                    let value = self.literal(value);
                    let from = self.date(from);
                    let cited = inner.next().map(|c| self.inner_string(c));
                    out.values.push(DatedValue {
                        span: sp,
                        value,
                        from,
                        cited,
                    });
                }
                _ => {}
            }
        }
        out
    }

    pub(super) fn table(&mut self, pair: P) -> Table {
        let mut out = Table {
            span: self.span(&pair),
            name: Spanned::new(String::new(), Span::default()),
            label: None,
            value_type: Spanned::new(ValueType::Decimal, Span::default()),
            key: TableKey::Coefficient,
            versions: Vec::new(),
            known_until: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => out.name = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::value_type => out.value_type = self.value_type(p),
                Rule::table_key => out.key = self.table_key(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::known_until => self.set_known_until(&mut out.known_until, p),
                Rule::table_version => {
                    let sp = self.span(&p);
                    let mut from = Spanned::new(NaiveDate::MIN, sp);
                    let mut cited = None;
                    let mut rows = Vec::new();
                    let (mut labelled, mut matrix) = (Vec::new(), None);
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::date => from = self.date(q),
                            Rule::cited => cited = Some(self.inner_string(q)),
                            Rule::table_row => {
                                let mut r = q.into_inner();
                                if let (Some(k), Some(v)) = (r.next(), r.next()) {
                                    rows.push((self.integer(k), self.literal(v)));
                                }
                            }
                            Rule::label_row => labelled.extend(self.label_row(q)),
                            Rule::matrix => matrix = Some(self.matrix(q)),
                            _ => {}
                        }
                    }
                    out.versions.push(TableVersion {
                        span: sp,
                        from,
                        cited,
                        rows,
                        labelled,
                        matrix,
                    });
                }
                _ => {}
            }
        }
        out
    }
}

/// An attribute given twice ([`Lowerer::set_once`]), in French with its article.
fn attribute_fr(what: &str) -> String {
    let fr = match what {
        "minimum" => "un minimum",
        "floor" => "un plancher",
        "track" => "une filière",
        "entry diploma" => "un diplôme d'accueil",
        "experience scale" => "une échelle d'ancienneté",
        "date" => "une date",
        "blank-cell rule" => "une règle `case vide`",
        "off-grid rule" => "une règle `hors grille`",
        "reference hours" => "un horaire de référence",
        "maximum hours" => "un horaire maximal",
        "window" => "une fenêtre",
        "limit" => "une limite",
        "claim" => "un droit",
        "text" => "un texte",
        "source" => "une source",
        "`citation`" => "une `citation`",
        "`lecture`" => "une `lecture`",
        "document" => "un texte (`texte`)",
        "IDCC number" => "un numéro IDCC",
        "`connu jusqu'au` date" => "une date `connu jusqu'au`",
        other => return format!("un {other}"),
    };
    fr.to_string()
}

/// The unit after a number (a `unit` pair).
pub(super) fn number_unit(unit: P) -> NumberUnit {
    match unit.into_inner().next().map(|u| u.as_rule()) {
        Some(Rule::per_hour) => NumberUnit::EuroPerHour,
        Some(Rule::hours_unit) => NumberUnit::Hours,
        Some(Rule::percent) => NumberUnit::Percent,
        Some(Rule::per_year) => NumberUnit::EuroPerYear,
        _ => NumberUnit::Euro,
    }
}
