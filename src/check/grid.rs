//! The grid: categories, levels, their coefficients, and what a cell stands for.

use super::*;

impl Checker {
    /// Pass 2: categories and their levels, in file order.
    pub(super) fn grid(&mut self, rules: &mut RuleSet, items: &[Item]) {
        let categories = items.iter().filter_map(|i| match i {
            Item::Category(c) => Some(c),
            _ => None,
        });
        let mut level_spans: Vec<(u32, Span)> = Vec::new();
        for c in categories {
            if let Some(first) = rules.categories.iter().find(|k| k.id == c.id.node) {
                let earlier = first.origin.span;
                self.error(
                    Diagnostic::error(
                        "grille::duplicate",
                        c.id.span,
                        format!("the category `{}` is declared twice", c.id.node),
                    )
                    .label("second declaration")
                    .related(earlier, "first declaration")
                    .help("give each category its own id"),
                );
                continue;
            }
            let category = rules.categories.len();
            rules.categories.push(Category {
                id: c.id.node.clone(),
                label: c.label.node.clone(),
                origin: origin(c.id.span, &c.source),
            });
            if c.levels.is_empty() {
                self.error(
                    Diagnostic::error(
                        "grille::empty-category",
                        c.id.span,
                        format!("the category `{}` has no level", c.id.node),
                    )
                    .label("no `niveau` follows")
                    .help("add its levels: `niveau 1 : coefficients 120 à 140`"),
                );
            }
            for l in &c.levels {
                if let Some((_, earlier)) = level_spans.iter().find(|(n, _)| *n == l.number.node) {
                    self.error(
                        Diagnostic::error(
                            "grille::duplicate",
                            l.number.span,
                            format!("level {} is declared twice", l.number.node),
                        )
                        .label("second declaration")
                        .related(*earlier, "first declaration")
                        .help("number each level once"),
                    );
                    continue;
                }
                level_spans.push((l.number.node, l.number.span));
                let Some(coefficients) = self.coefficients(&l.coefficients) else {
                    continue;
                };
                let minimum = l
                    .minimum
                    .as_ref()
                    .and_then(|e| self.amount_formula(rules, e, &[Input::Coefficient]));
                rules.levels.push(Level {
                    number: l.number.node,
                    category,
                    coefficients,
                    minimum,
                    origin: origin(l.span, &l.source),
                });
            }
        }
        rules.levels.sort_by_key(|l| l.coefficients.lowest());
        for pair in rules.levels.windows(2) {
            if pair[1].coefficients.lowest() <= pair[0].coefficients.highest() {
                self.error(
                    Diagnostic::error(
                        "grille::overlapping-levels",
                        pair[1].origin.span,
                        format!(
                            "levels {} and {} share coefficients",
                            pair[0].number, pair[1].number
                        ),
                    )
                    .label(format!("starts at {}", pair[1].coefficients.lowest()))
                    .related(
                        pair[0].origin.span,
                        format!("ends at {}", pair[0].coefficients.highest()),
                    )
                    .help("a coefficient must belong to exactly one level"),
                );
            }
        }
    }

    pub(super) fn coefficients(
        &mut self,
        set: &Spanned<ast::CoefficientSet>,
    ) -> Option<Coefficients> {
        let highest = match &set.node {
            ast::CoefficientSet::Range(_, high) => *high,
            ast::CoefficientSet::List(list) => list.iter().copied().max().unwrap_or(0),
        };
        if highest > MAX_COEFFICIENT {
            // The evaluator keeps a table over the grid's coefficients: bound it.
            self.error(
                Diagnostic::error(
                    "grille::bad-range",
                    set.span,
                    format!(
                        "coefficients go up to {MAX_COEFFICIENT}; this level reaches {highest}"
                    ),
                )
                .label("too high")
                .help("grids use coefficients of a few hundred"),
            );
            return None;
        }
        match &set.node {
            ast::CoefficientSet::Range(low, high) if low > high => {
                self.error(
                    Diagnostic::error(
                        "grille::bad-range",
                        set.span,
                        format!("the range {low} à {high} is empty"),
                    )
                    .label("lowest first")
                    .help(format!("write `{high} à {low}`")),
                );
                None
            }
            ast::CoefficientSet::Range(low, high) => Some(Coefficients::Range(*low, *high)),
            ast::CoefficientSet::List(list) => {
                if list.windows(2).any(|w| w[0] >= w[1]) {
                    self.error(
                        Diagnostic::error(
                            "grille::bad-range",
                            set.span,
                            "coefficients must be listed in increasing order, each once",
                        )
                        .label("not increasing")
                        .help("sort the list and remove repeats"),
                    );
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
                if rules.level_of(*c).is_none() && !rules.levels.is_empty() {
                    let near = nearest_coefficients(rules, *c);
                    self.error(
                        Diagnostic::error(
                            "grille::off-grid-coefficient",
                            cell.span,
                            format!("coefficient {c} belongs to no level of the grid"),
                        )
                        .label("not in the grid")
                        .help(format!("the nearest coefficients of the grid are {near}")),
                    );
                }
                Some(*c)
            }
            Cell::Level(n) => {
                let level = rules.levels.iter().find(|l| l.number == *n);
                if level.is_none() {
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            cell.span,
                            format!("there is no level {n}"),
                        )
                        .label("unknown level")
                        .help(format!("the grid has levels {}", list_levels(rules))),
                    );
                }
                level.map(|l| l.coefficients.lowest())
            }
            Cell::Category(id) => {
                let Some(category) = rules.category_index(&id.node) else {
                    let help = did_you_mean(
                        &id.node,
                        rules.categories.iter().map(|c| c.id.as_str()),
                        "category",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            id.span,
                            format!("there is no category `{}`", id.node),
                        )
                        .label("unknown category")
                        .help(help),
                    );
                    return None;
                };
                rules
                    .levels
                    .iter()
                    .filter(|l| l.category == category)
                    .map(|l| l.coefficients.lowest())
                    .min()
            }
        }
    }
}

/// The highest coefficient a grid may use.
pub const MAX_COEFFICIENT: u32 = 99_999;

pub(super) fn list_levels(rules: &RuleSet) -> String {
    let numbers: Vec<String> = rules.levels.iter().map(|l| l.number.to_string()).collect();
    numbers.join(", ")
}

pub(super) fn nearest_coefficients(rules: &RuleSet, c: u32) -> String {
    let below = rules
        .levels
        .iter()
        .filter(|l| l.coefficients.lowest() <= c)
        .map(|l| l.coefficients.highest().min(c))
        .max();
    let above = rules
        .levels
        .iter()
        .filter_map(|l| l.coefficients.next_above(c))
        .min();
    match (below, above) {
        (Some(b), Some(a)) => format!("{b} and {a}"),
        (Some(b), None) => b.to_string(),
        (None, Some(a)) => a.to_string(),
        (None, None) => "none".to_string(),
    }
}
