//! Lowering of the grid: categories and their levels, diplomas, experience
//! scales and their bands, jobs and their cells.

use super::ast::*;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::{Span, Spanned};

impl Lowering {
    pub(super) fn category(&mut self, pair: P) -> Category {
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

    pub(super) fn level(&mut self, pair: P) -> Level {
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

    pub(super) fn coefficient_set(&mut self, pair: P) -> Spanned<CoefficientSet> {
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

    pub(super) fn cell(&mut self, pair: P) -> Spanned<Cell> {
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
                Rule::position_cell => match self.inner_position_ref(p) {
                    Some(position) => Cell::Position(position),
                    None => Cell::Blank,
                },
                _ => Cell::Blank,
            },
            None => Cell::Blank,
        };
        Spanned::new(cell, sp)
    }

    pub(super) fn diploma(&mut self, pair: P) -> Diploma {
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

    pub(super) fn experience(&mut self, pair: P) -> Experience {
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

    pub(super) fn band(&mut self, pair: P) -> Band {
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

    pub(super) fn job(&mut self, pair: P) -> Job {
        let mut out = Job {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            name: Spanned::new(String::new(), Span::default()),
            track: None,
            aliases: Vec::new(),
            entry_diploma: None,
            experience: None,
            cells: Vec::new(),
            degrees: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::job_degrees => out.degrees.extend(self.job_degrees(p)),
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
}
