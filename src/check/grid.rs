//! The grid: categories, levels, their coefficients, and what a cell stands for.

use super::*;

impl Checker {
    /// A level's full-time minimum: per month, or per hour (`montant horaire`),
    /// the same unit for every level (`unit`: the first one's).
    pub(super) fn level_minimum(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        unit: &mut Option<Type>,
    ) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, &[Input::Coefficient])?;
        if !matches!(ty, Type::Amount | Type::Hourly) {
            self.report(Kind::TypeMismatch(Mismatch::FormulaNotAmount(ty)), e.span);
            return None;
        }
        match *unit {
            Some(first) if first != ty => {
                let mismatch = Mismatch::LevelMinimumUnits { first, this: ty };
                self.report(Kind::TypeMismatch(mismatch), e.span);
                None
            }
            _ => {
                *unit = Some(ty);
                Some(expr)
            }
        }
    }

    /// Pass 2: categories and their levels, in file order.
    pub(super) fn grid(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let categories = items.iter().filter_map(|i| match i {
            Item::Category(c) => Some(c),
            _ => None,
        });
        let mut level_spans: HashMap<u32, Span> = HashMap::new();
        // The unit of the first level minimum: every other is of the same.
        let mut minimum_unit: Option<Type> = None;
        for c in categories {
            if let Some(first) = self.declared.categories.get(&c.id.node) {
                let what = Duplicated::Category(c.id.node.clone());
                let first = rules.categories[*first].origin.span;
                self.report(Kind::duplicate(what, first), c.id.span);
                continue;
            }
            let category = CategoryId::new(rules.categories.len());
            self.declared.categories.insert(c.id.node.clone(), category);
            rules.categories.push(Category {
                id: c.id.node.clone(),
                label: c.label.node.clone(),
                origin: origin(c.id.span, &c.source),
            });
            // A category of a named grid's positions has no `niveau` of its own.
            if c.levels.is_empty() && !items.iter().any(|i| matches!(i, Item::Grid(_))) {
                let id = c.id.node.clone();
                self.report(Kind::EmptyCategory { id }, c.id.span);
            }
            for l in &c.levels {
                if let Some(first) = level_spans.get(&l.number.node) {
                    let what = Duplicated::Level(l.number.node);
                    self.report(Kind::duplicate(what, *first), l.number.span);
                    continue;
                }
                level_spans.insert(l.number.node, l.number.span);
                let Some(coefficients) = self.coefficients(&l.coefficients) else {
                    continue;
                };
                let minimum = l
                    .minimum
                    .as_ref()
                    .and_then(|e| self.level_minimum(rules, e, &mut minimum_unit));
                rules.levels.push(Level {
                    number: l.number.node,
                    category,
                    coefficients,
                    minimum,
                    origin: origin(l.span, &l.source),
                });
            }
        }
        rules.hourly_levels = minimum_unit == Some(Type::Hourly);
    }

    /// The levels in the grid's order, none sharing coefficients, and the index
    /// cells are checked against (after the named grids' levels are added).
    pub(super) fn finish_levels(&mut self, rules: &mut RuleSet) {
        rules.levels.sort_by_key(|l| l.coefficients.lowest());
        for pair in rules.levels.windows(2) {
            if pair[1].coefficients.lowest() <= pair[0].coefficients.highest() {
                let overlap = Kind::OverlappingLevels {
                    lower: pair[0].number,
                    lower_end: pair[0].coefficients.highest(),
                    lower_span: pair[0].origin.span,
                    upper: pair[1].number,
                    upper_start: pair[1].coefficients.lowest(),
                };
                self.report(overlap, pair[1].origin.span);
            }
        }
        self.grid_index = GridIndex::new(&rules.levels);
    }

    fn coefficients(&mut self, set: &Spanned<ast::CoefficientSet>) -> Option<Coefficients> {
        let highest = match &set.node {
            ast::CoefficientSet::Range(_, high) => *high,
            ast::CoefficientSet::List(list) => list.iter().copied().max().unwrap_or(0),
        };
        if highest > MAX_COEFFICIENT {
            // The evaluator keeps a table over the grid's coefficients: bound it.
            let too_high = BadRange::TooHigh {
                max: MAX_COEFFICIENT,
                highest,
            };
            self.report(Kind::BadRange(too_high), set.span);
            return None;
        }
        match &set.node {
            ast::CoefficientSet::Range(low, high) if low > high => {
                let (low, high) = (*low, *high);
                self.report(Kind::BadRange(BadRange::Empty { low, high }), set.span);
                None
            }
            ast::CoefficientSet::Range(low, high) => Some(Coefficients::Range(*low, *high)),
            ast::CoefficientSet::List(list) => {
                if list.windows(2).any(|w| w[0] >= w[1]) {
                    self.report(Kind::BadRange(BadRange::NotIncreasing), set.span);
                    return None;
                }
                Some(Coefficients::List(list.clone()))
            }
        }
    }

    /// The coefficient a grid cell stands for; `None` for a blank cell.
    pub(super) fn cell(&mut self, rules: &RuleSet, cell: &Spanned<Cell>) -> Option<u32> {
        match &cell.node {
            Cell::Blank => None,
            Cell::Coefficient(c) => {
                if !self.grid_index.holds(*c) && !rules.levels.is_empty() {
                    let nearest = self.grid_index.nearest(*c);
                    let off = Kind::OffGridCoefficient {
                        coefficient: *c,
                        nearest,
                    };
                    self.report(off, cell.span);
                }
                Some(*c)
            }
            Cell::Level(n) => {
                let lowest = self.grid_index.by_number.get(n).copied();
                if lowest.is_none() {
                    let levels = self.grid_index.numbers.clone();
                    self.report(Kind::UnknownLevel { number: *n, levels }, cell.span);
                }
                lowest
            }
            Cell::Category(id) => {
                let category = self.category(rules, id)?;
                self.grid_index.category_lowest.get(&category).copied()
            }
            Cell::Position(r) => {
                let position = self.position_ref(rules, r)?;
                Some(rules.grids.positions[position].key)
            }
        }
    }

    /// A category named by a cell or a rule; unknown, it is reported.
    pub(super) fn category(&mut self, rules: &RuleSet, id: &Spanned<String>) -> Option<CategoryId> {
        if let Some(category) = self.declared.categories.get(&id.node) {
            return Some(*category);
        }
        let names = || rules.categories.iter().map(|c| c.id.as_str());
        let unknown = self.unknown(Unknown::Category, &id.node, rules.categories.len(), names);
        self.report(unknown, id.span);
        None
    }
}

/// A level's number to its lowest coefficient: the lowest of its positions'
/// when a named grid gives a level several positions.
fn lowest_by_number(levels: &[Level]) -> HashMap<u32, u32> {
    let mut out: HashMap<u32, u32> = HashMap::new();
    for l in levels {
        let lowest = out.entry(l.number).or_insert(u32::MAX);
        *lowest = (*lowest).min(l.coefficients.lowest());
    }
    out
}

/// The highest coefficient a grid may use.
pub const MAX_COEFFICIENT: u32 = 99_999;

/// The grid's coefficients, so that every cell is checked in one probe.
#[derive(Default)]
pub(super) struct GridIndex {
    /// For each coefficient up to the top of the grid, whether a level holds it.
    held: Vec<bool>,
    /// For each coefficient up to the top, the next one held above it and the
    /// previous one held below it (`u32::MAX`: none).
    next: Vec<u32>,
    previous: Vec<u32>,
    /// A level's number to its lowest coefficient.
    by_number: HashMap<u32, u32>,
    /// A category to the lowest coefficient of its levels.
    category_lowest: HashMap<CategoryId, u32>,
    /// The levels' numbers, in the grid's order, as "the grid has levels …" lists them.
    numbers: String,
}

impl GridIndex {
    fn new(levels: &[Level]) -> GridIndex {
        let top = levels.iter().map(|l| l.coefficients.highest()).max();
        let size = top.map_or(0, |t| t as usize + 1);
        // Ranges are marked through a difference array: linear in the levels
        // and the top, however many ranges overlap.
        let mut starts = vec![0i64; size + 1];
        let mut held = vec![false; size];
        for level in levels {
            match &level.coefficients {
                Coefficients::Range(low, high) => {
                    starts[*low as usize] += 1;
                    starts[*high as usize + 1] -= 1;
                }
                Coefficients::List(list) => list.iter().for_each(|c| held[*c as usize] = true),
            }
        }
        let mut open = 0;
        for (c, slot) in held.iter_mut().enumerate() {
            open += starts[c];
            *slot |= open > 0;
        }
        let mut next = vec![u32::MAX; size];
        let mut above = u32::MAX;
        for c in (0..size).rev() {
            next[c] = above;
            if held[c] {
                above = c as u32;
            }
        }
        let mut previous = vec![u32::MAX; size];
        let mut below = u32::MAX;
        for c in 0..size {
            previous[c] = below;
            if held[c] {
                below = c as u32;
            }
        }
        let mut category_lowest: HashMap<CategoryId, u32> = HashMap::new();
        for level in levels {
            let lowest = category_lowest.entry(level.category).or_insert(u32::MAX);
            *lowest = (*lowest).min(level.coefficients.lowest());
        }
        let numbers: Vec<String> = levels.iter().map(|l| l.number.to_string()).collect();
        GridIndex {
            held,
            next,
            previous,
            by_number: lowest_by_number(levels),
            category_lowest,
            numbers: numbers.join(", "),
        }
    }

    /// Whether a level of the grid holds `c`.
    pub(super) fn holds(&self, c: u32) -> bool {
        self.held.get(c as usize).copied().unwrap_or(false)
    }

    /// The next coefficient of the grid above `c`.
    pub(super) fn next_above(&self, c: u32) -> Option<u32> {
        self.next
            .get(c as usize)
            .copied()
            .filter(|n| *n != u32::MAX)
    }

    /// The coefficients of the grid around `c`, for a help line.
    fn nearest(&self, c: u32) -> Vec<u32> {
        let below = match self.previous.get(c as usize) {
            Some(p) => Some(*p).filter(|p| *p != u32::MAX),
            None => self.previous.len().checked_sub(1).map(|top| top as u32),
        };
        let above = self.next_above(c);
        below.into_iter().chain(above).collect()
    }
}
