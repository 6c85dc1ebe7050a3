//! Printing grids (issue #22): `grille`, its positions and levels of
//! échelons, tables by position and by level and échelon, `minimum de la
//! grille`, conditional floors.

use super::lines::{Line, Node};
use super::words::{quote, Printer};
use crate::syntax::ast::*;
use crate::syntax::ast_grids::write_label;
use crate::syntax::keywords;

impl Printer<'_> {
    pub(super) fn grid(&self, g: &Grid) -> Vec<Line> {
        let head = format!(
            "{} {} {}",
            self.kw(keywords::GRID),
            g.id.node,
            quote(&g.label.node)
        );
        let mut node = Node::new(Line::owner(0, head, g.span.start, g.label.span.end));
        node.add(self.source(2, &g.source));
        node.add_line(g.category.as_ref().map(|c| {
            let text = format!("{} {}", self.kw(keywords::CATEGORY), c.node);
            Line::leaf(2, text, c.span.start, c.span.end)
        }));
        for p in &g.positions {
            node.add(self.grid_position(p));
        }
        for l in &g.levels {
            node.add(self.grid_level(l));
        }
        node.finish()
    }

    fn grid_position(&self, p: &GridPosition) -> Vec<Line> {
        let mut text = format!(
            "{} {} : {} {}",
            self.kw(keywords::POSITION),
            write_label(&p.label.node),
            self.kw_singular_coefficient(),
            p.coefficient.node
        );
        if let Some((test, other)) = &p.otherwise {
            text.push_str(&format!(
                " {} {}, {} {}",
                self.kw(keywords::IF),
                self.test(test),
                other.node,
                self.kw(keywords::OTHERWISE)
            ));
        }
        text.push_str(&self.position_dates(&p.dates));
        let end = dates_end(&p.dates).max(p.coefficient.span.end);
        let end = p
            .otherwise
            .as_ref()
            .map_or(end, |(_, o)| end.max(o.span.end + 6));
        let mut node = Node::new(Line::owner(2, text, p.span.start, end.min(p.span.end)));
        node.add(self.source(4, &p.source));
        node.finish()
    }

    fn grid_level(&self, l: &GridLevel) -> Vec<Line> {
        let mut text = format!("{} {}", self.kw(keywords::LEVEL), l.written.node);
        if let Some(label) = &l.label {
            text.push_str(&format!(" {}", quote(&label.node)));
        }
        text.push_str(&format!(
            " : {} {} {} {}",
            self.kw(keywords::STEPS),
            l.first_step.node,
            self.kw(keywords::TO),
            l.last_step.node
        ));
        text.push_str(&self.position_dates(&l.dates));
        let end = dates_end(&l.dates).max(l.last_step.span.end);
        let mut node = Node::new(Line::owner(2, text, l.span.start, end));
        node.add(self.source(4, &l.source));
        node.finish()
    }

    /// `, catégorie x depuis D jusqu'au D`, as far as written.
    fn position_dates(&self, d: &PositionDates) -> String {
        let mut out = String::new();
        if let Some(c) = &d.category {
            out.push_str(&format!(", {} {}", self.kw(keywords::CATEGORY), c.node));
        }
        if let Some(f) = &d.from {
            out.push_str(&format!(" {} {}", self.kw(keywords::FROM), f.node));
        }
        if let Some(u) = &d.until {
            out.push_str(&format!(" {} {}", self.kw(keywords::UNTIL), u.node));
        }
        out
    }

    /// `coefficient`: the grammar's keyword reads both numbers.
    fn kw_singular_coefficient(&self) -> &'static str {
        "coefficient"
    }

    pub(super) fn grid_minimum(&self, m: &GridMinimum) -> Vec<Line> {
        let text = format!(
            "{} {} : {}",
            self.kw(keywords::GRID_MINIMUM),
            m.grid.node,
            self.expr(&m.formula)
        );
        let mut node = Node::new(Line::owner(0, text, m.span.start, m.formula.span.end));
        node.add(self.source(2, &m.source));
        node.finish()
    }

    pub(super) fn cond_floor(&self, f: &CondFloor) -> Vec<Line> {
        let text = format!(
            "{} {} {} {}",
            self.kw(keywords::FLOOR),
            f.position.written(),
            self.kw(keywords::IF),
            self.test(&f.test)
        );
        let mut node = Node::new(Line::owner(2, text, f.span.start, f.test.span.end));
        node.add(self.source(4, &f.source));
        node.finish()
    }

    /// `par coefficient`, `par position de ic`, `par niveau et échelon`.
    pub(super) fn table_key(&self, key: &TableKey) -> String {
        let of = |grid: &Option<crate::span::Spanned<String>>| match grid {
            Some(g) => format!(" {} {}", self.kw(keywords::OF_GRID), g.node),
            None => String::new(),
        };
        match key {
            TableKey::Coefficient => self.kw(keywords::BY_COEFFICIENT).to_string(),
            TableKey::Position(g) => format!("{}{}", self.kw(keywords::BY_POSITION), of(g)),
            TableKey::LevelStep(g) => format!("{}{}", self.kw(keywords::BY_LEVEL_STEP), of(g)),
        }
    }

    /// Where the table's key ends in the source, from the end of its type.
    pub(super) fn table_key_end(&self, key: &TableKey, after_type: usize) -> usize {
        let words = |n: usize| (0..n).fold(after_type, |at, _| self.word_after(at).1);
        match key {
            TableKey::Coefficient | TableKey::Position(None) => words(2),
            TableKey::LevelStep(None) => words(4),
            TableKey::Position(Some(g)) | TableKey::LevelStep(Some(g)) => g.span.end,
        }
    }

    /// The rows by label and the matrix of a version.
    pub(super) fn position_rows(&self, v: &TableVersion) -> Vec<Line> {
        let mut out = Vec::new();
        for (label, value) in &v.labelled {
            let printed = self.literal(&value.node, self.text_of(value.span));
            let text = format!("{} : {printed}", write_label(&label.node));
            out.push(Line::leaf(4, text, label.span.start, value.span.end));
        }
        if let Some(m) = &v.matrix {
            out.extend(self.matrix(m));
        }
        out
    }

    /// The matrix, its columns aligned.
    fn matrix(&self, m: &Matrix) -> Vec<Line> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        // Singular, as the avenants print the header.
        let head = std::iter::once(self.w("échelon", "step").to_string())
            .chain(m.levels.iter().map(|(l, _)| l.node.clone()));
        rows.push(head.collect());
        for r in &m.rows {
            let values = r
                .values
                .iter()
                .map(|v| self.literal(&v.node, self.text_of(v.span)));
            rows.push(
                std::iter::once(r.step.node.to_string())
                    .chain(values)
                    .collect(),
            );
        }
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
            })
            .map(Option::unwrap_or_default)
            .collect();
        let aligned = |row: &[String]| {
            let cells = row.iter().enumerate().map(|(c, s)| {
                let pad = widths[c].saturating_sub(s.chars().count());
                format!("{s}{}", " ".repeat(pad))
            });
            cells.collect::<Vec<_>>().join("  ").trim_end().to_string()
        };
        let header_end = m.levels.last().map_or(m.span.start, |(l, _)| l.span.end);
        let mut out = vec![Line::leaf(4, aligned(&rows[0]), m.span.start, header_end)];
        for (r, printed) in m.rows.iter().zip(&rows[1..]) {
            out.push(Line::leaf(4, aligned(printed), r.span.start, r.span.end));
        }
        out
    }
}

fn dates_end(d: &PositionDates) -> usize {
    [&d.category, &None]
        .iter()
        .filter_map(|c| c.as_ref().map(|c| c.span.end))
        .chain(d.from.as_ref().map(|f| f.span.end))
        .chain(d.until.as_ref().map(|u| u.span.end))
        .max()
        .unwrap_or(0)
}
