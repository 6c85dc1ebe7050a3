//! Lowering: pest pairs to the AST, one function per grammar rule.

use chrono::NaiveDate;
use pest::error::{ErrorVariant, InputLocation};
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
    formula_operators: usize,
    expr_depth: usize,
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

    fn spanned<T>(&self, pair: &P, node: T) -> Spanned<T> {
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

    fn item(&mut self, pair: P) -> Option<Item> {
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
            Rule::example => Item::Example(self.example(pair)),
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

    fn date(&mut self, pair: P) -> Spanned<NaiveDate> {
        let date = NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadDate,
                    self.span(&pair),
                    format!("`{}` is not a calendar date", pair.as_str()),
                )
                .label("no such day")
                .help("dates are written YYYY-MM-DD, e.g. 2008-05-29"),
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
                    format!("`{}` is too large a whole number", pair.as_str()),
                )
                .label("too large")
                .help("whole numbers go up to 4294967295"),
            );
            0
        });
        self.spanned(&pair, value)
    }

    fn decimal(&mut self, pair: P) -> Decimal {
        pair.as_str().parse::<Decimal>().unwrap_or_else(|_| {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadNumber,
                    self.span(&pair),
                    format!("`{}` has too many digits", pair.as_str()),
                )
                .label("not representable exactly")
                .help("numbers have at most 28 significant digits"),
            );
            Decimal::ZERO
        })
    }

    fn source(&mut self, pair: P) -> Spanned<String> {
        let string = pair.into_inner().find(|p| p.as_rule() == Rule::string);
        match string {
            Some(s) => self.string(s),
            None => Spanned::new(String::new(), Span::default()),
        }
    }

    /// Keeps the first `source` of a declaration; a second one is an error.
    pub(super) fn set_source(&mut self, slot: &mut Source, pair: P) {
        let here = self.span(&pair);
        let value = self.source(pair);
        self.set_once(slot, value, here, "source");
    }

    fn set_known_until(&mut self, slot: &mut Option<Spanned<NaiveDate>>, pair: P) {
        let here = self.span(&pair);
        let Some(date) = self.inner(pair, Rule::date) else {
            return;
        };
        // The whole clause: the formatter places comments by it.
        let date = Spanned::new(self.date(date).node, here);
        self.set_once(slot, date, here, "`connu jusqu'au` date");
    }

    fn set_once<T>(&mut self, slot: &mut Option<T>, value: T, here: Span, what: &str) {
        if slot.is_some() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::RepeatedAttribute,
                    here,
                    format!("this declaration already has a {what}"),
                )
                .label("second one")
                .help(format!("keep a single {what}")),
            );
        } else {
            *slot = Some(value);
        }
    }

    fn literal(&mut self, pair: P) -> Spanned<Literal> {
        let sp = self.span(&pair);
        let mut inner = pair.into_inner();
        let Some(first) = inner.next() else {
            return Spanned::new(
                Literal::Number {
                    value: Decimal::ZERO,
                    euro: false,
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
                    euro: inner.next().is_some(),
                }
            }
        };
        Spanned::new(literal, sp)
    }

    fn duration(&mut self, pair: P) -> Duration {
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

    fn value_type(&mut self, pair: P) -> Spanned<ValueType> {
        let sp = self.span(&pair);
        let kind = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::type_amount) => ValueType::Amount,
            Some(Rule::type_duration) => ValueType::Duration,
            Some(Rule::type_integer) => ValueType::Integer,
            _ => ValueType::Decimal,
        };
        Spanned::new(kind, sp)
    }

    // ------------------------------------------------------------ declarations

    fn agreement(&mut self, pair: P) -> Agreement {
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

    fn inner<'a>(&mut self, pair: P<'a>, rule: Rule) -> Option<P<'a>> {
        pair.into_inner().find(|p| p.as_rule() == rule)
    }

    pub(super) fn inner_string(&mut self, pair: P) -> Spanned<String> {
        match self.inner(pair, Rule::string) {
            Some(s) => self.string(s),
            None => Spanned::new(String::new(), Span::default()),
        }
    }

    fn parameter(&mut self, pair: P) -> Parameter {
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

    fn table(&mut self, pair: P) -> Table {
        let mut out = Table {
            span: self.span(&pair),
            name: Spanned::new(String::new(), Span::default()),
            label: None,
            value_type: Spanned::new(ValueType::Decimal, Span::default()),
            versions: Vec::new(),
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
                Rule::table_version => {
                    let sp = self.span(&p);
                    let mut from = Spanned::new(NaiveDate::MIN, sp);
                    let mut cited = None;
                    let mut rows = Vec::new();
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
                            _ => {}
                        }
                    }
                    out.versions.push(TableVersion {
                        span: sp,
                        from,
                        cited,
                        rows,
                    });
                }
                _ => {}
            }
        }
        out
    }

    fn category(&mut self, pair: P) -> Category {
        let mut out = Category {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            label: Spanned::new(String::new(), Span::default()),
            levels: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::level => {
                    let level = self.level(p);
                    out.levels.push(level);
                }
                _ => {}
            }
        }
        out
    }

    fn level(&mut self, pair: P) -> Level {
        let mut out = Level {
            span: self.span(&pair),
            number: Spanned::new(0, Span::default()),
            coefficients: Spanned::new(CoefficientSet::List(Vec::new()), Span::default()),
            minimum: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::integer => out.number = self.integer(p),
                Rule::coefficient_set => out.coefficients = self.coefficient_set(p),
                Rule::level_minimum => {
                    if let Some(e) = self.inner(p, Rule::expr) {
                        let e = self.expr(e);
                        self.set_once(&mut out.minimum, e, here, "minimum");
                    }
                }
                Rule::source => self.set_source(&mut out.source, p),
                _ => {}
            }
        }
        out
    }

    fn coefficient_set(&mut self, pair: P) -> Spanned<CoefficientSet> {
        let sp = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(CoefficientSet::List(Vec::new()), sp);
        };
        let is_range = inner.as_rule() == Rule::coefficient_range;
        let numbers: Vec<u32> = inner
            .into_inner()
            .filter(|p| p.as_rule() == Rule::integer)
            .map(|p| self.integer(p).node)
            .collect();
        let set = match (is_range, numbers.as_slice()) {
            (true, [low, high]) => CoefficientSet::Range(*low, *high),
            _ => CoefficientSet::List(numbers),
        };
        Spanned::new(set, sp)
    }

    fn cell(&mut self, pair: P) -> Spanned<Cell> {
        let sp = self.span(&pair);
        let cell = match pair.into_inner().next() {
            Some(p) => match p.as_rule() {
                Rule::category_cell => Cell::Category(
                    self.inner(p, Rule::id)
                        .map(|i| self.text(i))
                        .unwrap_or_else(|| Spanned::new(String::new(), sp)),
                ),
                Rule::level_cell => Cell::Level(
                    self.inner(p, Rule::integer)
                        .map(|i| self.integer(i).node)
                        .unwrap_or(0),
                ),
                Rule::coefficient_cell => Cell::Coefficient(
                    self.inner(p, Rule::integer)
                        .map(|i| self.integer(i).node)
                        .unwrap_or(0),
                ),
                _ => Cell::Blank,
            },
            None => Cell::Blank,
        };
        Spanned::new(cell, sp)
    }

    fn diploma(&mut self, pair: P) -> Diploma {
        let mut out = Diploma {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            label: Spanned::new(String::new(), Span::default()),
            floor: None,
            aliases: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = self.string(p),
                Rule::aliases => {
                    for s in p.into_inner().filter(|q| q.as_rule() == Rule::string) {
                        let alias = self.string(s);
                        out.aliases.push(alias);
                    }
                }
                Rule::source => self.set_source(&mut out.source, p),
                Rule::diploma_floor => {
                    if let Some(c) = self.inner(p, Rule::cell) {
                        let c = self.cell(c);
                        self.set_once(&mut out.floor, c, here, "floor");
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn experience(&mut self, pair: P) -> Experience {
        let mut out = Experience {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            label: None,
            bands: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::band => {
                    let band = self.band(p);
                    out.bands.push(band);
                }
                _ => {}
            }
        }
        out
    }

    fn band(&mut self, pair: P) -> Band {
        let mut out = Band {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            label: None,
            from_months: Spanned::new(0, Span::default()),
            to_months: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = Some(self.string(p)),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::band_range => {
                    let Some(range) = p.into_inner().next() else {
                        continue;
                    };
                    let mut numbers = range.into_inner().filter(|q| q.as_rule() == Rule::integer);
                    if let Some(from) = numbers.next() {
                        out.from_months = self.integer(from);
                    }
                    if let Some(to) = numbers.next() {
                        out.to_months = Some(self.integer(to));
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn job(&mut self, pair: P) -> Job {
        let mut out = Job {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            name: Spanned::new(String::new(), Span::default()),
            track: None,
            aliases: Vec::new(),
            entry_diploma: None,
            experience: None,
            cells: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.name = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::track => {
                    let v = self.inner_string(p);
                    self.set_once(&mut out.track, v, here, "track");
                }
                Rule::aliases => {
                    for s in p.into_inner().filter(|q| q.as_rule() == Rule::string) {
                        let alias = self.string(s);
                        out.aliases.push(alias);
                    }
                }
                Rule::entry_diploma => {
                    let mut ids = p.into_inner().filter(|q| q.as_rule() == Rule::id);
                    let lowest = ids.next().map(|i| self.text(i));
                    let highest = ids.next().map(|i| self.text(i));
                    if let Some(lowest) = lowest {
                        let v = EntryDiploma {
                            span: here,
                            lowest,
                            highest,
                        };
                        self.set_once(&mut out.entry_diploma, v, here, "entry diploma");
                    }
                }
                Rule::job_experience => {
                    if let Some(i) = self.inner(p, Rule::id) {
                        let v = self.text(i);
                        self.set_once(&mut out.experience, v, here, "experience scale");
                    }
                }
                Rule::job_cell => {
                    let mut cell = JobCell {
                        span: here,
                        band: Spanned::new(String::new(), here),
                        cell: Spanned::new(Cell::Blank, here),
                        source: None,
                    };
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::id => cell.band = self.text(q),
                            Rule::cell => cell.cell = self.cell(q),
                            Rule::source => self.set_source(&mut cell.source, q),
                            _ => {}
                        }
                    }
                    out.cells.push(cell);
                }
                _ => {}
            }
        }
        out
    }

    fn classification(&mut self, pair: P) -> Classification {
        let mut out = Classification {
            span: self.span(&pair),
            floors: Vec::new(),
            transitional: Vec::new(),
            highest_wins: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::highest_wins => out.highest_wins = Some(here),
                Rule::floor_rule => {
                    let floor = self.floor_rule(p);
                    out.floors.push(floor);
                }
                Rule::transitional => {
                    let t = self.transitional(p);
                    out.transitional.push(t);
                }
                _ => {}
            }
        }
        out
    }

    fn transitional(&mut self, pair: P) -> Transitional {
        let here = self.span(&pair);
        let mut out = Transitional {
            span: here,
            coefficient: Spanned::new(0, here),
            limit: Spanned::new(DurationValue::Parameter(String::new()), here),
            from: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::integer => out.coefficient = self.integer(p),
                Rule::duration_value => out.limit = self.duration_value(p),
                Rule::date => out.from = Some(self.date(p)),
                Rule::source => self.set_source(&mut out.source, p),
                _ => {}
            }
        }
        out
    }

    fn floor_rule(&mut self, pair: P) -> FloorRule {
        let here = self.span(&pair);
        let mut out = FloorRule {
            span: here,
            kind: Spanned::new(FloorKind::Job, here),
            blank_cell: None,
            off_grid: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::floor_kind => {
                    let kind = match p.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_diploma) => FloorKind::Diploma,
                        Some(Rule::kw_previous_coefficient) => FloorKind::PreviousCoefficient,
                        Some(Rule::kw_mission) => FloorKind::Mission,
                        _ => FloorKind::Job,
                    };
                    out.kind = Spanned::new(kind, here);
                }
                Rule::source => self.set_source(&mut out.source, p),
                Rule::blank_cell_option => {
                    let choice = match p.into_inner().last().map(|k| k.as_rule()) {
                        Some(Rule::kw_no_floor) => BlankCell::NoFloor,
                        _ => BlankCell::PreviousBand,
                    };
                    self.set_once(
                        &mut out.blank_cell,
                        Spanned::new(choice, here),
                        here,
                        "blank-cell rule",
                    );
                }
                Rule::off_grid_option => {
                    let choice = match p.into_inner().last().map(|k| k.as_rule()) {
                        Some(Rule::kw_reject) => OffGrid::Reject,
                        _ => OffGrid::NextLevel,
                    };
                    self.set_once(
                        &mut out.off_grid,
                        Spanned::new(choice, here),
                        here,
                        "off-grid rule",
                    );
                }
                _ => {}
            }
        }
        out
    }

    fn status_rules(&mut self, pair: P) -> StatusRules {
        let mut out = StatusRules {
            span: self.span(&pair),
            rules: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::status_rule => {
                    let rule = self.status_rule(p);
                    out.rules.push(rule);
                }
                _ => {}
            }
        }
        out
    }

    fn status_rule(&mut self, pair: P) -> StatusRule {
        let here = self.span(&pair);
        let mut out = StatusRule {
            span: here,
            status: Spanned::new(String::new(), here),
            condition: None,
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.status = self.text(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::condition => out.condition = Some(self.condition(p)),
                _ => {}
            }
        }
        out
    }

    fn condition(&mut self, pair: P) -> Spanned<Condition> {
        let sp = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(Condition::Category(Spanned::new(String::new(), sp)), sp);
        };
        let condition = if inner.as_rule() == Rule::category_condition {
            let id = self
                .inner(inner, Rule::id)
                .map(|i| self.text(i))
                .unwrap_or_else(|| Spanned::new(String::new(), sp));
            Condition::Category(id)
        } else {
            let mut subject = CompareSubject::Coefficient;
            let mut op = CompareOp::Ge;
            let mut value = 0;
            for p in inner.into_inner() {
                match p.as_rule() {
                    Rule::compared
                        if p.clone().into_inner().next().map(|k| k.as_rule())
                            == Some(Rule::kw_level) =>
                    {
                        subject = CompareSubject::Level;
                    }
                    Rule::compare_op => {
                        op = match p.as_str() {
                            ">=" | "≥" => CompareOp::Ge,
                            "<=" | "≤" => CompareOp::Le,
                            ">" => CompareOp::Gt,
                            "<" => CompareOp::Lt,
                            "!=" | "≠" => CompareOp::Ne,
                            _ => CompareOp::Eq,
                        }
                    }
                    Rule::integer => value = self.integer(p).node,
                    _ => {}
                }
            }
            Condition::Compare { subject, op, value }
        };
        Spanned::new(condition, sp)
    }

    fn working_time(&mut self, pair: P) -> WorkingTime {
        let mut out = WorkingTime {
            span: self.span(&pair),
            reference_hours: None,
            maximum_hours: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::reference_hours => {
                    if let Some(e) = self.inner(p, Rule::expr) {
                        let e = self.expr(e);
                        self.set_once(&mut out.reference_hours, e, here, "reference hours");
                    }
                }
                Rule::maximum_hours => {
                    if let Some(e) = self.inner(p, Rule::expr) {
                        let e = self.expr(e);
                        self.set_once(&mut out.maximum_hours, e, here, "maximum hours");
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn minimum_salary(&mut self, pair: P) -> MinimumSalary {
        let here = self.span(&pair);
        let mut formula = Expr {
            span: here,
            kind: ExprKind::Number {
                value: Decimal::ZERO,
                euro: false,
            },
        };
        let mut source = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expr => formula = self.expr(p),
                Rule::source => self.set_source(&mut source, p),
                _ => {}
            }
        }
        MinimumSalary {
            span: here,
            formula,
            source,
        }
    }

    fn mission_cap(&mut self, pair: P) -> MissionCap {
        let mut out = MissionCap {
            span: self.span(&pair),
            window: None,
            at_most: None,
            claim_band: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::window => {
                    if let Some(d) = self.inner(p, Rule::duration_value) {
                        let d = self.duration_value(d);
                        self.set_once(&mut out.window, d, here, "window");
                    }
                }
                Rule::at_most => {
                    if let Some(d) = self.inner(p, Rule::duration_value) {
                        let d = self.duration_value(d);
                        self.set_once(&mut out.at_most, d, here, "limit");
                    }
                }
                Rule::claim => {
                    if let Some(i) = self.inner(p, Rule::id) {
                        let i = self.text(i);
                        self.set_once(&mut out.claim_band, i, here, "claim");
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn trial_period(&mut self, pair: P) -> TrialPeriod {
        let mut out = TrialPeriod {
            span: self.span(&pair),
            rules: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::source => self.set_source(&mut out.source, p),
                Rule::trial_rule => {
                    let here = self.span(&p);
                    let line = self.trial_line(p);
                    let mut rule = TrialRule {
                        span: here,
                        category: line.category,
                        length: line.first,
                        renewal: line.second,
                        renewal_from_coefficient: None,
                        source: None,
                    };
                    for q in line.rest {
                        match q.as_rule() {
                            Rule::integer => rule.renewal_from_coefficient = Some(self.integer(q)),
                            Rule::source => self.set_source(&mut rule.source, q),
                            _ => {}
                        }
                    }
                    out.rules.push(rule);
                }
                _ => {}
            }
        }
        out
    }

    fn provision(&mut self, pair: P) -> Provision {
        let here = self.span(&pair);
        let mut out = Provision {
            span: here,
            title: Spanned::new(String::new(), here),
            text: None,
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::string => out.title = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::document => {
                    let v = self.inner_string(p);
                    self.set_once(&mut out.text, v, here, "text");
                }
                _ => {}
            }
        }
        out
    }

    // ------------------------------------------------------------ examples

    fn example(&mut self, pair: P) -> Example {
        let here = self.span(&pair);
        let mut out = Example {
            span: here,
            title: Spanned::new(String::new(), here),
            as_of: None,
            facts: Vec::new(),
            expectations: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let at = self.span(&p);
            match p.as_rule() {
                Rule::string => out.title = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::example_as_of => {
                    if let Some(d) = self.inner(p, Rule::date) {
                        let d = self.date(d);
                        self.set_once(&mut out.as_of, d, at, "date");
                    }
                }
                Rule::example_facts => {
                    for f in p.into_inner().filter(|q| q.as_rule() == Rule::fact) {
                        if let Some(fact) = self.fact(f) {
                            out.facts.push(fact);
                        }
                    }
                }
                Rule::expectations => {
                    for e in p.into_inner().filter(|q| q.as_rule() == Rule::expectation) {
                        if let Some(expectation) = self.expectation(e) {
                            out.expectations.push(expectation);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The meaningful parts of a pair: strings, dates, numbers, ids.
    fn values<'a>(&mut self, pair: P<'a>) -> Vec<P<'a>> {
        pair.into_inner()
            .filter(|q| {
                matches!(
                    q.as_rule(),
                    Rule::string
                        | Rule::date
                        | Rule::integer
                        | Rule::number
                        | Rule::id
                        | Rule::move_renewed
                        | Rule::move_broken
                        | Rule::kw_no_step
                )
            })
            .collect()
    }

    fn fact(&mut self, pair: P) -> Option<Spanned<Fact>> {
        let sp = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        let mut v = self.values(inner).into_iter();
        let fact = match rule {
            Rule::fact_job => Fact::Job(self.string(v.next()?).node),
            Rule::fact_since => Fact::Since(self.date(v.next()?).node),
            Rule::fact_prior => Fact::PriorMonths(self.integer(v.next()?).node),
            Rule::fact_diploma => Fact::Diploma(v.next()?.as_str().to_string()),
            Rule::fact_previous => Fact::PreviousCoefficient(self.integer(v.next()?).node),
            Rule::fact_hours => Fact::Hours(self.decimal(v.next()?)),
            Rule::fact_salary => Fact::Salary(self.decimal(v.next()?)),
            Rule::fact_applied => Fact::AppliedCoefficient(self.integer(v.next()?).node),
            Rule::fact_mission => {
                let job = self.string(v.next()?).node;
                let start = self.date(v.next()?).node;
                let end = v.next().map(|d| self.date(d).node);
                Fact::Mission { job, start, end }
            }
            Rule::fact_move => {
                let from = self.string(v.next()?).node;
                let to = self.string(v.next()?).node;
                let on = self.date(v.next()?).node;
                let (mut renewed, mut broken_on) = (false, None);
                for rest in v {
                    match rest.as_rule() {
                        Rule::move_renewed => renewed = true,
                        Rule::move_broken => {
                            broken_on = self.inner(rest, Rule::date).map(|d| self.date(d).node)
                        }
                        _ => {}
                    }
                }
                Fact::Move {
                    from,
                    to,
                    on,
                    renewed,
                    broken_on,
                }
            }
            _ => return None,
        };
        Some(Spanned::new(fact, sp))
    }

    fn expectation(&mut self, pair: P) -> Option<Spanned<Expectation>> {
        let sp = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        let mut v = self.values(inner).into_iter();
        let expectation = match rule {
            Rule::expect_coefficient => Expectation::Coefficient(self.integer(v.next()?).node),
            Rule::expect_band => Expectation::Band(v.next()?.as_str().to_string()),
            Rule::expect_level => Expectation::Level(self.integer(v.next()?).node),
            Rule::expect_category => Expectation::Category(v.next()?.as_str().to_string()),
            Rule::expect_status => Expectation::Status(v.next()?.as_str().to_string()),
            Rule::expect_job => Expectation::Job(v.next()?.as_str().to_string()),
            Rule::expect_minimum => Expectation::MinimumSalary(self.decimal(v.next()?)),
            Rule::expect_agreement_minimum => {
                Expectation::AgreementMinimum(self.decimal(v.next()?))
            }
            Rule::expect_shortfall => Expectation::Shortfall(self.decimal(v.next()?)),
            Rule::expect_next_step => match v.next()? {
                d if d.as_rule() == Rule::date => Expectation::NextStep(Some(self.date(d).node)),
                _ => Expectation::NextStep(None),
            },
            Rule::expect_claim => {
                let job = v.next()?.as_str().to_string();
                Expectation::Claim {
                    job,
                    since: self.date(v.next()?).node,
                }
            }
            Rule::expect_rejected => Expectation::Rejected,
            Rule::expect_trial_end => Expectation::TrialEnd(self.date(v.next()?).node),
            _ => return None,
        };
        Some(Spanned::new(expectation, sp))
    }

    // ------------------------------------------------------------ formulas

    fn expr(&mut self, pair: P) -> Expr {
        if self.expr_depth == 0 {
            self.formula_operators = 0;
        }
        self.expr_depth += 1;
        let e = self.binary(pair, Rule::term);
        self.expr_depth -= 1;
        e
    }

    /// `expr` and `term` share a shape: operands separated by operators, left-associative.
    fn binary(&mut self, pair: P, operand: Rule) -> Expr {
        let mut inner = pair.into_inner();
        let Some(first) = inner.next() else {
            return Expr {
                span: Span::default(),
                kind: ExprKind::Number {
                    value: Decimal::ZERO,
                    euro: false,
                },
            };
        };
        let mut left = self.operand(first, operand);
        while let (Some(op), Some(right)) = (inner.next(), inner.next()) {
            // Formulas are evaluated recursively: bound their size so no input can exhaust the stack.
            self.formula_operators += 1;
            if self.formula_operators == super::MAX_OPERATORS + 1 {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::TooDeep,
                        self.span(&op),
                        format!(
                            "this formula has more than {} operators",
                            super::MAX_OPERATORS
                        ),
                    )
                    .label("too long from here")
                    .help("split the computation into parameters or tables"),
                );
            }
            if self.formula_operators > super::MAX_OPERATORS {
                break;
            }
            let op = match op.as_str() {
                "+" => BinaryOp::Add,
                "-" => BinaryOp::Sub,
                "/" | "÷" => BinaryOp::Div,
                _ => BinaryOp::Mul,
            };
            let right = self.operand(right, operand);
            let span = left.span.join(right.span);
            left = Expr {
                span,
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
            };
        }
        left
    }

    fn operand(&mut self, pair: P, rule: Rule) -> Expr {
        if rule == Rule::term {
            self.binary(pair, Rule::factor)
        } else {
            self.factor(pair)
        }
    }

    fn factor(&mut self, pair: P) -> Expr {
        let sp = self.span(&pair);
        let mut negate = false;
        let mut result = Expr {
            span: sp,
            kind: ExprKind::Number {
                value: Decimal::ZERO,
                euro: false,
            },
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            result = match p.as_rule() {
                Rule::negate => {
                    negate = true;
                    continue;
                }
                Rule::number_lit => {
                    let mut inner = p.into_inner();
                    let value = inner.next().map(|n| self.decimal(n)).unwrap_or_default();
                    Expr {
                        span: here,
                        kind: ExprKind::Number {
                            value,
                            euro: inner.next().is_some(),
                        },
                    }
                }
                Rule::group => match self.inner(p, Rule::expr) {
                    Some(e) => self.expr(e),
                    None => continue,
                },
                Rule::call => match self.inner(p, Rule::expr) {
                    Some(e) => Expr {
                        span: here,
                        kind: ExprKind::Round(Box::new(self.expr(e))),
                    },
                    None => continue,
                },
                Rule::lookup => {
                    let mut inner = p.into_inner();
                    let name = inner
                        .next()
                        .map(|n| self.text(n))
                        .unwrap_or_else(|| Spanned::new(String::new(), here));
                    match inner.next() {
                        Some(key) => Expr {
                            span: here,
                            kind: ExprKind::Lookup(name, Box::new(self.expr(key))),
                        },
                        None => Expr {
                            span: here,
                            kind: ExprKind::Name(name.node),
                        },
                    }
                }
                _ => continue,
            };
        }
        if negate {
            Expr {
                span: sp,
                kind: ExprKind::Neg(Box::new(result)),
            }
        } else {
            result
        }
    }
}

// ---------------------------------------------------------------- syntax errors

/// A pest error, in the language's own words.
pub(super) fn syntax_error(source: &str, error: pest::error::Error<Rule>) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = found_token(source, at);
    let span = Span::new(
        at,
        at + found.len().max(if at < source.len() { 1 } else { 0 }),
    );
    let expected = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => describe_expected(positives),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let found_text = if found.is_empty() {
        "the end of the file".to_string()
    } else {
        format!("`{found}`")
    };
    Diagnostic::error(Code::Syntax, span, format!("unexpected {found_text}"))
        .label(format!("expected {expected}"))
        .help(
            super::lookalike::hint(source, at, found)
                .or_else(|| super::hints::hint(source, at, found))
                .unwrap_or_else(|| syntax_help(found)),
        )
}

fn found_token(source: &str, at: usize) -> &str {
    let rest = source.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    // At most 40 bytes, cut between two characters.
    let mut end = end.min(40);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    rest.get(..end).unwrap_or("")
}

fn syntax_help(found: &str) -> String {
    if found.contains(',') && found.chars().any(|c| c.is_ascii_digit()) {
        "numbers use a dot for decimals in rule files: write 1.4, not 1,4".to_string()
    } else {
        "each declaration starts with a keyword such as `métier`, `catégorie`, `paramètre`; see the README's language tour".to_string()
    }
}

fn describe_expected(rules: &[Rule]) -> String {
    const DECLARATIONS: [&str; 20] = [
        "`convention`",
        "`sous la loi`",
        "`modifie`",
        "`dans le cadre de`",
        "`salaire minimum légal`",
        "`période d'essai maximale`",
        "`paramètre`",
        "`barème`",
        "`catégorie`",
        "`diplôme`",
        "`ancienneté`",
        "`métier`",
        "`classement`",
        "`statut`",
        "`temps de travail`",
        "`salaire minimum`",
        "`plafond des missions`",
        "`période d'essai`",
        "`disposition`",
        "`exemple`",
    ];
    let mut words: Vec<&str> = rules.iter().map(|r| rule_word(*r)).collect();
    words.sort_unstable();
    words.dedup();
    // Where any declaration may start, say so once instead of listing them all.
    if words.iter().filter(|w| DECLARATIONS.contains(w)).count() > 3 {
        words.retain(|w| !DECLARATIONS.contains(w));
        words.push("a new declaration (`métier`, `catégorie`, …)");
    }
    match words.len() {
        0 => "something else".to_string(),
        1 => words[0].to_string(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

/// What a grammar rule is called for a person writing rules.
fn rule_word(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        EOI => "the end of the file",
        item | agreement | parameter | table | category | diploma | experience
        | job | classification | status_rules | working_time | minimum_salary | mission_cap
        | trial_period | provision | under_law | amends | within | legal_minimum
        | trial_maximum => "a declaration (`métier`, `catégorie`, `paramètre`, …)",
        taken_over => "`métier … repris par …`",
        set_aside | kw_set_aside => "`écarte`",
        cited | kw_by => "`par \"…\"` (the text that set the value)",
        trial_max_rule => "`catégorie …`",
        kw_renewal_included => "`renouvellement compris`",
        id => "a name (letters, digits, `-`, `+`)",
        name => "a parameter name",
        string => "a text in double quotes",
        date => "a date (YYYY-MM-DD)",
        integer | coefficient_cell => "a whole number",
        number | number_lit | literal => "a number",
        duration | duration_value => "a duration (e.g. `6 mois`)",
        time_unit | unit_days | unit_weeks | unit_months | unit_years => {
            "a unit (`jours`, `semaines`, `mois`, `ans`)"
        }
        source | kw_source => "`source`",
        kw_from => "`depuis`",
        kw_to => "`à`",
        kw_level | level | level_cell => "`niveau`",
        kw_category | category_cell | category_condition => "`catégorie`",
        kw_coefficients | coefficient_set | coefficient_range | coefficient_list => {
            "`coefficients`"
        }
        kw_minimum | level_minimum => "`minimum`",
        kw_floor | diploma_floor | floor_rule => "`plancher`",
        transitional | kw_transitional => "`coefficient transitoire`",
        kw_band | band => "`tranche`",
        band_range | bounded_months | open_months | kw_range_from | kw_open_from => {
            "a band of months (`de 0 à 6 mois`, `à partir de 60 mois`)"
        }
        cell | kw_blank | blank_cell => "a coefficient, `niveau N`, `catégorie X` or `vide`",
        job_cell => "a band value (`débutant : 170`)",
        floor_kind => "`métier`, `diplôme`, `coefficient antérieur` or `mission`",
        condition | compare_condition | compared => {
            "a condition (`catégorie cadres`, `coefficient ≥ 200`)"
        }
        compare_op => "a comparison (`≥`, `>`, `=`, …)",
        kw_if => "`si`",
        kw_otherwise => "`sinon`",
        value_type | type_amount | type_decimal | type_duration | type_integer => {
            "a type (`montant`, `décimal`, `durée`, `entier`)"
        }
        expr | term | factor | group | call | lookup => "a formula",
        add_op | mul_op => "an operator (`+`, `-`, `×` or `*`, `/`)",
        euro => "`€`",
        kw_agreement | agreement_kind | kw_law | kw_company => "`convention`",
        kw_under_law => "`sous la loi`",
        kw_amends => "`modifie`",
        kw_within => "`dans le cadre de`",
        kw_legal_minimum => "`salaire minimum légal`",
        kw_trial_maximum => "`période d'essai maximale`",
        kw_document => "`texte`",
        kw_date | agreement_date => "`date`",
        kw_idcc => "`idcc`",
        kw_parameter => "`paramètre`",
        kw_table => "`barème`",
        kw_by_coefficient => "`par coefficient`",
        kw_diploma => "`diplôme`",
        kw_experience | job_experience => "`ancienneté`",
        kw_job => "`métier`",
        kw_track | track => "`filière`",
        kw_aliases | aliases => "`appellations`",
        kw_entry_diploma | entry_diploma => "`diplôme d'accueil`",
        kw_classification => "`classement`",
        kw_status => "`statut`",
        kw_working_time => "`temps de travail`",
        kw_reference_hours | reference_hours => "`heures de référence`",
        kw_maximum_hours | maximum_hours => "`heures maximales`",
        kw_minimum_salary => "`salaire minimum`",
        kw_agreement_minimum => "`minimum conventionnel`",
        kw_mission_cap => "`plafond des missions`",
        kw_window | window => "`fenêtre`",
        kw_at_most | at_most => "`au plus`",
        kw_claim | claim => "`droit`",
        kw_trial => "`période d'essai`",
        kw_renewal => "`renouvellement`",
        kw_provision => "`disposition`",
        kw_highest_wins | highest_wins => "`le plus élevé l'emporte`",
        kw_example | example => "`exemple`",
        fact | fact_job | fact_since | fact_prior | fact_diploma | fact_previous | fact_hours | fact_salary
        | fact_applied | fact_mission | fact_move => "a fact (`métier \"…\"`, `depuis DATE`, `diplôme bac`, …)",
        expectation | expect_coefficient | expect_band | expect_level | expect_category | expect_status
        | expect_job | expect_minimum | expect_agreement_minimum | expect_shortfall | expect_next_step | expect_claim | expect_rejected
        | expect_trial_end => {
            "an expected value (`coefficient 190`, `tranche confirme`, `salaire minimum 2100.00 €`, …)"
        }
        _ => "a keyword",
    }
}
