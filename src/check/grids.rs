//! Pass 2b: named grids (issue #22, design §5). Each position resolves to a
//! key (its coefficient, or its rank after every coefficient of the rule set),
//! and the positions become levels of the classification, so that floors,
//! tables and status rules run on keys as they run on coefficients.

use super::*;
use crate::diag::grids::GridProblem;
use crate::check::grid::MAX_COEFFICIENT;
use crate::model::grid::{ConditionalFloor, Grid, GridId, PlaceNames, Position, PositionId};
use crate::syntax::ast_grids::roman_number;

impl Checker {
    /// Pass 2b: grids and their positions, then the levels they make.
    pub(super) fn grids(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let grids: Vec<&ast::Grid> = items
            .iter()
            .filter_map(|i| match i {
                Item::Grid(g) => Some(g),
                _ => None,
            })
            .collect();
        let mut ranked = Vec::new();
        for g in &grids {
            if let Some(grid) = self.declare_grid(rules, g) {
                ranked.extend((!rules.grids.grids[grid].coefficients).then_some((grid, *g)));
            }
        }
        self.rank_positions(rules, &ranked);
        self.labels_once(rules);
        let minimums = self.grid_minimums(rules, items);
        self.position_levels(rules, &minimums);
        self.finish_levels(rules);
    }

    fn declare_grid(&mut self, rules: &mut RuleSet, g: &ast::Grid) -> Option<GridId> {
        if rules.grids.grid_index(&g.id.node).is_some() {
            let grid = g.id.node.clone();
            let twice = GridProblem::Twice { grid, minimum: false };
            self.report(Kind::Grid(twice), g.id.span);
            return None;
        }
        let grid = g.id.node.clone();
        let (positions, levels) = (!g.positions.is_empty(), !g.levels.is_empty());
        if positions == levels {
            let empty = !positions;
            self.report(Kind::Grid(GridProblem::Shape { grid, empty }), g.id.span);
            return None;
        }
        let id = rules.grids.grids.len();
        rules.grids.grids.push(Grid {
            id: grid,
            label: g.label.node.clone(),
            coefficients: positions,
            origin: origin(g.span, &g.source),
            minimum: None,
        });
        let default = g.category.as_ref();
        for p in &g.positions {
            self.coefficient_position(rules, id, default, p);
        }
        Some(id)
    }

    fn coefficient_position(
        &mut self,
        rules: &mut RuleSet,
        grid: GridId,
        default: Option<&Spanned<String>>,
        p: &ast::GridPosition,
    ) {
        let Some(category) = self.position_category(rules, grid, default, &p.dates, p.span) else {
            return;
        };
        let Some(level) = label_level(&p.label.node) else {
            let label = p.label.node.clone();
            self.report(Kind::Grid(GridProblem::NoLevel { label }), p.label.span);
            return;
        };
        let keys = std::iter::once(&p.coefficient).chain(p.otherwise.as_ref().map(|o| &o.1));
        if let Some(key) = keys.clone().find(|k| k.node > MAX_COEFFICIENT) {
            let highest = key.node;
            let too_high = BadRange::TooHigh { max: MAX_COEFFICIENT, highest };
            self.report(Kind::BadRange(too_high), key.span);
            return;
        }
        let otherwise = match &p.otherwise {
            None => None,
            Some((test, other)) => {
                let Some(test) = self.test(rules, test, &[Input::Hours]) else {
                    return;
                };
                Some((test, other.node))
            }
        };
        let Some((from, until)) = self.position_dates(&p.dates, &p.label.node, p.span) else {
            return;
        };
        let names = PlaceNames::of(&rules.grids.grids[grid], &p.label.node);
        rules.grids.positions.push(Position {
            grid,
            names,
            label: p.label.node.clone(),
            level,
            category,
            key: p.coefficient.node,
            otherwise,
            from,
            until,
            origin: origin(p.span, &p.source),
        });
    }

    /// The positions of the grids without coefficients, ranked after every
    /// coefficient of the rule set, in the order declared.
    fn rank_positions(&mut self, rules: &mut RuleSet, ranked: &[(GridId, &ast::Grid)]) {
        let coefficients = rules.grids.positions.iter().flat_map(|p| p.keys());
        let levels = rules.levels.iter().map(|l| l.coefficients.highest());
        let mut next = coefficients.chain(levels).max().unwrap_or(0) + 1;
        for (grid, g) in ranked {
            for l in &g.levels {
                let Some(category) =
                    self.position_category(rules, *grid, g.category.as_ref(), &l.dates, l.span)
                else {
                    continue;
                };
                if l.number == 0 {
                    let label = l.written.node.clone();
                    self.report(Kind::Grid(GridProblem::NoLevel { label }), l.written.span);
                    continue;
                }
                let what = format!("niveau {}", l.written.node);
                if l.first_step.node > l.last_step.node || l.first_step.node == 0 {
                    self.report(Kind::Grid(GridProblem::Empty { what }), l.span);
                    continue;
                }
                let Some((from, until)) = self.position_dates(&l.dates, &what, l.span) else {
                    continue;
                };
                for step in l.first_step.node..=l.last_step.node {
                    let label = format!("{}.{step}", l.written.node);
                    let names = PlaceNames::of(&rules.grids.grids[*grid], &label);
                    rules.grids.positions.push(Position {
                        grid: *grid,
                        names,
                        label,
                        level: l.number,
                        category,
                        key: next,
                        otherwise: None,
                        from,
                        until,
                        origin: origin(l.span, &l.source),
                    });
                    next += 1;
                }
            }
        }
    }

    fn position_category(
        &mut self,
        rules: &RuleSet,
        grid: GridId,
        default: Option<&Spanned<String>>,
        dates: &ast::PositionDates,
        span: Span,
    ) -> Option<CategoryId> {
        match dates.category.as_ref().or(default) {
            Some(id) => self.category(rules, id),
            None => {
                let grid = rules.grids.grids[grid].id.clone();
                self.report(Kind::Grid(GridProblem::NoCategory { grid }), span);
                None
            }
        }
    }

    fn position_dates(
        &mut self,
        dates: &ast::PositionDates,
        what: &str,
        span: Span,
    ) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let (from, until) = (dates.from.as_ref(), dates.until.as_ref());
        if let (Some(f), Some(u)) = (from, until) {
            if f.node > u.node {
                let what = format!("« {what} »");
                self.report(Kind::Grid(GridProblem::Empty { what }), span);
                return None;
            }
        }
        Some((from.map(|f| f.node), until.map(|u| u.node)))
    }

    /// No label twice in one grid on days that overlap.
    fn labels_once(&mut self, rules: &RuleSet) {
        let positions = &rules.grids.positions;
        let mut seen: HashMap<(GridId, &str), Vec<PositionId>> = HashMap::new();
        for (i, p) in positions.iter().enumerate() {
            let same = seen.entry((p.grid, p.label.as_str())).or_default();
            let overlaps = same.iter().any(|&j| {
                let q = &positions[j];
                p.from.max(q.from) <= min_until(p.until, q.until)
            });
            if overlaps {
                let grid = rules.grids.grids[p.grid].id.clone();
                let label = p.label.clone();
                let twice = GridProblem::LabelTwice { grid, label };
                self.diagnostics.push(Kind::Grid(twice).at(p.origin.span));
            }
            same.push(i);
        }
    }

    /// `minimum de la grille ID : EXPR`, checked once per grid.
    fn grid_minimums(&mut self, rules: &mut RuleSet, items: &[Item]) -> Vec<Option<model::Expr>> {
        let mut out = vec![None; rules.grids.grids.len()];
        let mut unit = rules
            .levels
            .iter()
            .any(|l| l.minimum.is_some())
            .then_some(if rules.hourly_levels { Type::Hourly } else { Type::Amount });
        for item in items {
            let Item::GridMinimum(m) = item else { continue };
            let Some(grid) = self.grid_named(rules, &m.grid) else {
                continue;
            };
            let expr = self.level_minimum(rules, &m.formula, &mut unit);
            if out[grid].is_some() {
                let grid = m.grid.node.clone();
                let twice = GridProblem::Twice { grid, minimum: true };
                self.report(Kind::Grid(twice), m.span);
            }
            out[grid] = expr;
            rules.grids.grids[grid].minimum = Some(origin(m.span, &m.source));
        }
        rules.hourly_levels = unit == Some(Type::Hourly);
        out
    }

    /// The grid named in a table, a minimum or a reference.
    pub(super) fn grid_named(&mut self, rules: &RuleSet, id: &Spanned<String>) -> Option<GridId> {
        if let Some(grid) = rules.grids.grid_index(&id.node) {
            return Some(grid);
        }
        let given = id.node.clone();
        let grids = rules.grids.grids.iter().map(|g| g.id.clone()).collect();
        self.report(Kind::Grid(GridProblem::UnknownGrid { given, grids }), id.span);
        None
    }

    /// One level of the classification per set of keys: positions that share a
    /// key (dated positions renumbered) share their level and category.
    fn position_levels(&mut self, rules: &mut RuleSet, minimums: &[Option<model::Expr>]) {
        let mut owner: HashMap<u32, PositionId> = HashMap::new();
        let mut made: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut levels = Vec::new();
        for (i, p) in rules.grids.positions.iter().enumerate() {
            let mut keys: Vec<u32> = p.keys().collect();
            keys.sort_unstable();
            keys.dedup();
            let clash = keys.iter().find_map(|k| owner.get(k).map(|&o| (*k, o)));
            if let Some((key, o)) = clash {
                let q = &rules.grids.positions[o];
                let mut q_keys: Vec<u32> = q.keys().collect();
                q_keys.sort_unstable();
                q_keys.dedup();
                let same = q_keys == keys && q.level == p.level && q.category == p.category;
                if !same || q.grid != p.grid {
                    let name = |x: &Position| {
                        let grid = &rules.grids.grids[x.grid].id;
                        format!("{grid} « {} »", x.label)
                    };
                    let (first, second) = (name(q), name(p));
                    let twice = GridProblem::KeyTwice { key, first, second };
                    self.diagnostics.push(Kind::Grid(twice).at(p.origin.span));
                }
                continue;
            }
            keys.iter().for_each(|k| {
                owner.insert(*k, i);
            });
            made.insert(keys.clone(), levels.len());
            levels.push(Level {
                number: p.level,
                category: p.category,
                coefficients: Coefficients::List(keys),
                minimum: minimums.get(p.grid).cloned().flatten(),
                origin: p.origin.clone(),
            });
        }
        rules.levels.extend(levels);
    }

    /// `plancher hcr I.2 si …` of the classification.
    pub(super) fn conditional_floors(&mut self, rules: &mut RuleSet, c: &ast::Classification) {
        for f in &c.conditional {
            let position = self.position_ref(rules, &f.position);
            let test = self.test(rules, &f.test, &[Input::Hours]);
            let (Some(position), Some(test)) = (position, test) else {
                continue;
            };
            rules.grids.conditional_floors.push(ConditionalFloor {
                position,
                test,
                origin: origin(f.span, &f.source),
            });
        }
    }

    /// The position a reference names: qualified, or the label of one grid.
    pub(super) fn position_ref(
        &mut self,
        rules: &RuleSet,
        r: &ast::PositionRef,
    ) -> Option<PositionId> {
        let grid = match &r.grid {
            Some(g) => Some(self.grid_named(rules, g)?),
            None => None,
        };
        let found = rules.grids.labelled(grid, &r.label.node, None);
        let mut grids: Vec<String> = found
            .iter()
            .map(|&p| rules.grids.grids[rules.grids.positions[p].grid].id.clone())
            .collect();
        grids.dedup();
        let given = r.label.node.clone();
        let problem = match (found.first(), grids.len()) {
            (Some(&one), 1) => return Some(one),
            (Some(_), _) => GridProblem::AmbiguousPosition { given, grids },
            (None, _) => {
                let known = rules.grids.positions.iter().map(|p| p.label.clone());
                let mut known: Vec<String> = known.collect();
                known.dedup();
                GridProblem::UnknownPosition { given, known }
            }
        };
        self.report(Kind::Grid(problem), r.label.span);
        None
    }
}

/// The earlier of two last days (`None`: no end).
fn min_until(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (x, None) | (None, x) => x,
    }
    .or(Some(NaiveDate::MAX))
}

/// The level a label gives: the number before the dot, Arabic or Roman.
fn label_level(label: &str) -> Option<u32> {
    let head = label.split('.').next()?.trim();
    head.parse::<u32>().ok().or_else(|| roman_number(head))
}

impl Checker {
    /// A rule set that classifies by position (`plancher position`, or a
    /// conditional floor) and declares no job (design decision 3): one
    /// unnamed job of one band stands in, so that a record without `job`
    /// (but with its `position`) is decided on today's path. It has no name
    /// a record could give but the empty one, and no cell.
    pub(super) fn job_for_positions(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let position_floor = rules.floors.iter().find(|f| f.kind == FloorKind::Position);
        if let (Some(floor), true) = (position_floor, rules.grids.is_empty()) {
            let span = floor.origin.span;
            self.report(Kind::Grid(GridProblem::NoGrids), span);
            return;
        }
        let declares_jobs = items.iter().any(|i| matches!(i, Item::Job(_)));
        if declares_jobs || !classifies_by_position(rules) {
            return;
        }
        let scale = ScaleId::new(rules.scales.len());
        rules.scales.push(Scale {
            id: String::new(),
            label: None,
            bands: vec![Band {
                id: String::new(),
                label: None,
                from_months: 0,
                to_months: None,
                origin: Origin::default(),
            }],
            origin: Origin::default(),
        });
        let job = JobId::new(rules.jobs.len());
        rules.jobs.push(Job {
            id: String::new(),
            name: String::new(),
            track: None,
            aliases: Vec::new(),
            entry_diploma: None,
            scale,
            cells: vec![JobCell::default()],
            origin: Origin::default(),
        });
        rules.job_names_exact.insert(String::new(), job);
    }
}

/// `plancher position`, or a conditional floor: a decision needs no job.
pub(super) fn classifies_by_position(rules: &RuleSet) -> bool {
    rules.has_floor(FloorKind::Position) || !rules.grids.conditional_floors.is_empty()
}
