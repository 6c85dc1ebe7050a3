//! Lowering of grids (issue #22, design §5–§6): `grille`, its positions and
//! levels of échelons, position references, tables by position or by level and
//! échelon, `minimum de la grille`, conditional floors.

use super::ast::*;
use super::ast_grids::roman_number;
use super::lower::{Lowering, P};
use super::Rule;
use crate::span::{Span, Spanned};

impl Lowering {
    pub(super) fn grid(&mut self, pair: P) -> Grid {
        let mut out = Grid {
            span: self.span(&pair),
            id: Spanned::new(String::new(), Span::default()),
            label: Spanned::new(String::new(), Span::default()),
            category: None,
            positions: Vec::new(),
            levels: Vec::new(),
            source: None,
        };
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::id => out.id = self.text(p),
                Rule::string => out.label = self.string(p),
                Rule::source => self.set_source(&mut out.source, p),
                Rule::grid_category => {
                    if let Some(id) = self.inner(p, Rule::id) {
                        let id = self.text(id);
                        self.set_once(&mut out.category, id, here, "category");
                    }
                }
                Rule::grid_position => {
                    let position = self.grid_position(p);
                    out.positions.push(position);
                }
                Rule::grid_level => {
                    let level = self.grid_level(p);
                    out.levels.push(level);
                }
                _ => {}
            }
        }
        out
    }

    fn grid_position(&mut self, pair: P) -> GridPosition {
        let here = self.span(&pair);
        let mut out = GridPosition {
            span: here,
            label: Spanned::new(String::new(), here),
            coefficient: Spanned::new(0, here),
            otherwise: None,
            dates: PositionDates::default(),
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::label => out.label = self.label(p),
                Rule::position_coefficient => {
                    let mut test = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::integer if test.is_none() => out.coefficient = self.integer(q),
                            Rule::integer => {
                                let other = self.integer(q);
                                out.otherwise = test.take().map(|t| (t, other));
                            }
                            Rule::test => test = Some(self.test(q)),
                            _ => {}
                        }
                    }
                }
                Rule::position_attr => self.position_attr(p, &mut out.dates, &mut out.source),
                _ => {}
            }
        }
        out
    }

    fn grid_level(&mut self, pair: P) -> GridLevel {
        let here = self.span(&pair);
        let mut out = GridLevel {
            span: here,
            written: Spanned::new(String::new(), here),
            number: 0,
            label: None,
            first_step: Spanned::new(1, here),
            last_step: Spanned::new(1, here),
            dates: PositionDates::default(),
            source: None,
        };
        let mut steps = 0;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::level_number => {
                    out.written = self.text(p.clone());
                    out.number = match p.into_inner().next() {
                        Some(n) if n.as_rule() == Rule::integer => self.integer(n).node,
                        Some(r) => roman_number(r.as_str()).unwrap_or(0),
                        None => 0,
                    };
                }
                Rule::string => out.label = Some(self.string(p)),
                Rule::integer => {
                    let step = self.integer(p);
                    if steps == 0 {
                        out.first_step = step.clone();
                    }
                    out.last_step = step;
                    steps += 1;
                }
                Rule::position_attr => self.position_attr(p, &mut out.dates, &mut out.source),
                _ => {}
            }
        }
        out
    }

    fn position_attr(&mut self, pair: P, dates: &mut PositionDates, source: &mut Source) {
        for p in pair.into_inner() {
            let here = self.span(&p);
            match p.as_rule() {
                Rule::position_category => {
                    if let Some(id) = self.inner(p, Rule::id) {
                        let id = self.text(id);
                        self.set_once(&mut dates.category, id, here, "category");
                    }
                }
                Rule::position_from => {
                    if let Some(d) = self.inner(p, Rule::date) {
                        let d = self.date(d);
                        self.set_once(&mut dates.from, d, here, "date");
                    }
                }
                Rule::position_until => {
                    if let Some(d) = self.inner(p, Rule::date) {
                        let d = self.date(d);
                        self.set_once(&mut dates.until, d, here, "date");
                    }
                }
                Rule::source => self.set_source(source, p),
                _ => {}
            }
        }
    }

    /// A label: the string's text, or the Roman label as written.
    pub(super) fn label(&mut self, pair: P) -> Spanned<String> {
        let sp = self.span(&pair);
        match pair.into_inner().next() {
            Some(s) if s.as_rule() == Rule::string => self.string(s),
            Some(r) => self.text(r),
            None => Spanned::new(String::new(), sp),
        }
    }

    pub(super) fn position_ref(&mut self, pair: P) -> PositionRef {
        let sp = self.span(&pair);
        let mut out = PositionRef {
            grid: None,
            label: Spanned::new(String::new(), sp),
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::grid_qualifier => out.grid = self.inner(p, Rule::id).map(|i| self.text(i)),
                Rule::label => out.label = self.label(p),
                _ => {}
            }
        }
        out
    }

    /// The first position reference inside `pair`, if any.
    pub(super) fn inner_position_ref(&mut self, pair: P) -> Option<PositionRef> {
        let inner = self.inner(pair, Rule::position_ref)?;
        Some(self.position_ref(inner))
    }

    pub(super) fn grid_minimum(&mut self, pair: P) -> GridMinimum {
        let here = self.span(&pair);
        let mut out = GridMinimum {
            span: here,
            grid: Spanned::new(String::new(), here),
            formula: Expr {
                span: here,
                kind: ExprKind::Number {
                    value: Default::default(),
                    unit: NumberUnit::None,
                },
            },
            source: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::id => out.grid = self.text(p),
                Rule::expr => out.formula = self.expr(p),
                Rule::source => self.set_source(&mut out.source, p),
                _ => {}
            }
        }
        out
    }

    pub(super) fn table_key(&mut self, pair: P) -> TableKey {
        let Some(inner) = pair.into_inner().next() else {
            return TableKey::Coefficient;
        };
        let rule = inner.as_rule();
        let grid = self.inner(inner, Rule::id).map(|i| self.text(i));
        match rule {
            Rule::by_position => TableKey::Position(grid),
            Rule::by_level_step => TableKey::LevelStep(grid),
            _ => TableKey::Coefficient,
        }
    }

    pub(super) fn label_row(&mut self, pair: P) -> Option<(Spanned<String>, Spanned<Literal>)> {
        let mut parts = pair.into_inner();
        let (label, value) = (parts.next()?, parts.next()?);
        Some((self.label(label), self.literal(value)))
    }

    /// The header's levels, then the values in rows of one échelon and one
    /// value per level. Rows are cut by count, not by line, so that the layout
    /// never changes the meaning; the lines only say where a row is misfit.
    pub(super) fn matrix(&mut self, pair: P) -> Matrix {
        let span = self.span(&pair);
        let mut levels = Vec::new();
        let mut values = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::roman => {
                    let number = roman_number(p.as_str()).unwrap_or(0);
                    levels.push((self.text(p), number));
                }
                Rule::literal => {
                    let line = p.as_span().start_pos().line_col().0;
                    values.push((self.literal(p), line));
                }
                _ => {}
            }
        }
        let width = levels.len() + 1;
        let misfit = (values.len() % width != 0).then(|| (misfit_line(&values, width), values.len()));
        // Misfit, the values are kept in one row: `grille fmt` loses none.
        let rows = match misfit {
            Some(_) if values.is_empty() => Vec::new(),
            Some(_) => vec![self.matrix_row(&values)],
            None => values
                .chunks(width)
                .map(|row| self.matrix_row(row))
                .collect(),
        };
        Matrix {
            span,
            levels,
            rows,
            misfit,
        }
    }

    /// A row from its values: the échelon (a whole number), then the levels'.
    fn matrix_row(&mut self, row: &[(Spanned<Literal>, usize)]) -> MatrixRow {
        let first = &row[0].0;
        let step = match first.node {
            Literal::Number { value, .. } if value.fract().is_zero() => {
                u32::try_from(value.mantissa() / 10i128.pow(value.scale())).unwrap_or(0)
            }
            _ => 0,
        };
        let end = row.last().map_or(first.span.end, |(v, _)| v.span.end);
        MatrixRow {
            span: Span::new(first.span.start, end),
            step: Spanned::new(step, first.span),
            values: row[1..].iter().map(|(v, _)| v.clone()).collect(),
        }
    }

    pub(super) fn cond_floor(&mut self, pair: P) -> CondFloor {
        let here = self.span(&pair);
        let mut position = None;
        let mut test = None;
        let mut source = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::position_ref => position = Some(self.position_ref(p)),
                Rule::test => test = Some(self.test(p)),
                Rule::source => self.set_source(&mut source, p),
                _ => {}
            }
        }
        CondFloor {
            span: here,
            position: position.unwrap_or(PositionRef {
                grid: None,
                label: Spanned::new(String::new(), here),
            }),
            test: test.unwrap_or(Test {
                span: here,
                kind: TestKind::All(Vec::new()),
            }),
            source,
        }
    }
}

/// Where to point at values that make no whole rows: the first line that is
/// not one row, else the last values.
fn misfit_line(values: &[(Spanned<Literal>, usize)], width: usize) -> Span {
    let mut at = 0;
    while at < values.len() {
        let line = values[at].1;
        let count = values[at..].iter().take_while(|(_, l)| *l == line).count();
        if count != width {
            return Span::new(values[at].0.span.start, values[at + count - 1].0.span.end);
        }
        at += count;
    }
    let rest = (values.len() % width).max(1);
    let tail = &values[values.len() - rest..];
    Span::new(tail[0].0.span.start, tail[tail.len() - 1].0.span.end)
}
