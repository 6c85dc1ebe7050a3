//! Tables by position and by level and échelon (issue #22, design §6): their
//! rows resolved to the positions' keys, once the grids are known.

use super::*;
use crate::diag::grids::GridProblem;
use crate::model::grid::GridId;
use crate::syntax::ast::TableKey;

impl Checker {
    /// Fills the versions of the tables by position (declared empty in pass 1)
    /// and refuses rows where the table's key says otherwise.
    pub(super) fn grid_tables(&mut self, rules: &mut RuleSet, items: &[Item]) {
        for item in items {
            let Item::Table(t) = item else { continue };
            let Some(&table) = self.declared.tables.get(&t.name.node) else {
                continue;
            };
            if rules.tables[table].origin.span != t.span {
                continue; // another file's table of the same name
            }
            match &t.key {
                TableKey::Coefficient => self.no_labelled_rows(t),
                TableKey::Position(grid) | TableKey::LevelStep(grid) => {
                    let Some(grid) = self.table_grid(rules, grid.as_ref(), t.span) else {
                        continue;
                    };
                    for version in &t.versions {
                        self.position_rows(rules, table, grid, t, version);
                    }
                }
            }
        }
    }

    fn no_labelled_rows(&mut self, t: &ast::Table) {
        for version in &t.versions {
            let labelled = version.labelled.iter().map(|(label, _)| label.span);
            let matrix = version.matrix.iter().map(|m| m.span);
            for span in labelled.chain(matrix) {
                let wrong = GridProblem::RowKind { by_position: false };
                self.report(Kind::Grid(wrong), span);
            }
        }
    }

    /// `de GRID`, or the one grid of the rule set.
    fn table_grid(
        &mut self,
        rules: &RuleSet,
        named: Option<&Spanned<String>>,
        span: Span,
    ) -> Option<GridId> {
        if let Some(id) = named {
            return self.grid_named(rules, id);
        }
        if rules.grids.grids.len() == 1 {
            return Some(0);
        }
        let grids = rules.grids.grids.iter().map(|g| g.id.clone()).collect();
        self.report(Kind::Grid(GridProblem::WhichGrid { grids }), span);
        None
    }

    /// One version's rows, by label or by matrix cell, keyed by position key;
    /// every position of the grid on the version's date must have one.
    fn position_rows(
        &mut self,
        rules: &mut RuleSet,
        table: TableId,
        grid: GridId,
        t: &ast::Table,
        version: &ast::TableVersion,
    ) {
        let day = version.from.node;
        for (key, _) in &version.rows {
            let wrong = GridProblem::RowKind { by_position: true };
            self.report(Kind::Grid(wrong), key.span);
        }
        let mut cells: Vec<(Spanned<String>, &Spanned<Literal>)> = version
            .labelled
            .iter()
            .map(|(label, value)| (label.clone(), value))
            .collect();
        let errors_before = self.diagnostics.len();
        if let Some(matrix) = &version.matrix {
            cells.extend(self.matrix_cells(matrix));
        }
        // A row of the wrong width is the error to fix: its cells are not also missing.
        let complete_it = self.diagnostics.len() == errors_before;
        let mut rows: HashMap<u32, Decimal> = HashMap::new();
        for (label, value) in cells {
            let found = rules.grids.labelled(Some(grid), &label.node, Some(day));
            let Some(&position) = found.first() else {
                let given = label.node.clone();
                let known = self.labels_on(rules, grid, day);
                self.report(Kind::Grid(GridProblem::UnknownPosition { given, known }), label.span);
                continue;
            };
            let typed = self.typed_literal(value, t.value_type.node, &t.name.node);
            let Some(Value::Number(v)) = typed else { continue };
            for key in rules.grids.positions[position].keys() {
                if rows.insert(key, v).is_some() {
                    let twice = Kind::duplicate(Duplicated::TableRow(key), None);
                    self.report(twice, label.span);
                }
            }
        }
        if complete_it {
            self.complete(rules, (table, grid), version, &rows);
        }
        let slot = rules.tables[table].versions.iter_mut().find(|v| v.0 == day);
        if let Some((_, held)) = slot {
            *held = rows;
        }
    }

    /// The matrix's cells as labelled rows: `IV` and échelon 3 is `IV.3`.
    fn matrix_cells<'m>(
        &mut self,
        matrix: &'m ast::Matrix,
    ) -> Vec<(Spanned<String>, &'m Spanned<Literal>)> {
        let mut out = Vec::new();
        if let Some((span, found)) = matrix.misfit {
            let expected = matrix.levels.len();
            let width = GridProblem::MatrixWidth { expected, found };
            self.report(Kind::Grid(width), span);
            return out;
        }
        for row in &matrix.rows {
            for ((level, _), value) in matrix.levels.iter().zip(&row.values) {
                let label = format!("{}.{}", level.node, row.step.node);
                out.push((Spanned::new(label, value.span), value));
            }
        }
        out
    }

    fn complete(
        &mut self,
        rules: &RuleSet,
        (table, grid): (TableId, GridId),
        version: &ast::TableVersion,
        rows: &HashMap<u32, Decimal>,
    ) {
        let day = version.from.node;
        let positions = rules.grids.positions.iter();
        let in_force = positions.filter(|p| p.grid == grid && p.in_force(day));
        for p in in_force.filter(|p| !p.keys().all(|k| rows.contains_key(&k))) {
            let table = rules.tables[table].name.clone();
            let position = format!("« {} »", p.label);
            let missing = GridProblem::MissingRow { table, position };
            self.report(Kind::Grid(missing), version.from.span);
        }
    }

    fn labels_on(&self, rules: &RuleSet, grid: GridId, day: NaiveDate) -> Vec<String> {
        let positions = rules.grids.positions.iter();
        positions
            .filter(|p| p.grid == grid && p.in_force(day))
            .map(|p| p.label.clone())
            .collect()
    }
}
