//! Named grids (issue #22, design §5): positions with a label, a level, a
//! category and an ordering key, resolved at load.
//!
//! Each position's *key* is what the classification runs on: the coefficient
//! for a grid with coefficients, the position's rank (after every coefficient
//! of the rule set) for a grid of levels and échelons. Levels, floors, tables
//! and the status rules then work on keys exactly as they work on coefficients,
//! so a decision runs the path it ran before grids.

use chrono::NaiveDate;

use super::{CategoryId, Origin, Test};

pub type GridId = usize;
pub type PositionId = usize;

/// The grids of a rule set; empty for a rule set with the implicit grid.
#[derive(Debug, Clone, Default)]
pub struct Grids {
    pub grids: Vec<Grid>,
    /// In declaration order, grid by grid.
    pub positions: Vec<Position>,
    /// `plancher hcr I.2 si …`.
    pub conditional_floors: Vec<ConditionalFloor>,
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub id: String,
    pub label: String,
    /// Positions with coefficients (Syntec); without, levels of échelons (HCR).
    pub coefficients: bool,
    pub origin: Origin,
    /// Where its `minimum de la grille` line is, with its source: what the
    /// level minimum of its positions cites.
    pub minimum: Option<Origin>,
}

#[derive(Debug, Clone)]
pub struct Position {
    pub grid: GridId,
    /// As declared: `"2.1"`, `II.3`.
    pub label: String,
    /// `"2.1"` is level 2, `IV.3` level 4.
    pub level: u32,
    pub category: CategoryId,
    /// The coefficient, or the rank for a grid without coefficients.
    pub key: u32,
    /// `coefficient 105 si TEST, 115 sinon`: the test and the other key.
    pub otherwise: Option<(Test, u32)>,
    /// The first and last days the position exists (inclusive).
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// What decisions and traces show of it, made once: a decision holds a
    /// reference (one word), not copies.
    pub names: PlaceNames,
    pub origin: Origin,
}

/// A position as outputs name it: its grid's id and its label (`grid`,
/// `position` in JSON), whether the grid has coefficients, the grid's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlaceNames {
    pub grid: String,
    pub position: String,
    #[serde(skip)]
    pub coefficients: bool,
    #[serde(skip)]
    pub grid_label: String,
}

impl PlaceNames {
    pub fn of(grid: &Grid, label: &str) -> PlaceNames {
        PlaceNames {
            grid: grid.id.clone(),
            position: label.to_string(),
            coefficients: grid.coefficients,
            grid_label: grid.label.clone(),
        }
    }
}

/// A floor that holds when its test does.
#[derive(Debug, Clone)]
pub struct ConditionalFloor {
    pub position: PositionId,
    pub test: Test,
    pub origin: Origin,
}

/// Why a position named in the facts is not one of the rule set's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PositionError {
    /// No grid has the label (on that day).
    Unknown { given: String, known: Vec<String> },
    /// Several grids have it: qualify it.
    Ambiguous { given: String, grids: Vec<String> },
    /// `ic 2.1` where the rule set has no grid `ic`.
    UnknownGrid { given: String, grids: Vec<String> },
}

impl Position {
    /// Whether the position exists on `day`.
    pub fn in_force(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }

    /// Its keys: one, or two for a coefficient chosen by a test.
    pub fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(self.key).chain(self.otherwise.as_ref().map(|(_, k)| *k))
    }
}

impl Grids {
    pub fn is_empty(&self) -> bool {
        self.grids.is_empty()
    }

    pub fn grid_index(&self, id: &str) -> Option<GridId> {
        self.grids.iter().position(|g| g.id == id)
    }

    /// The label of a key that is a rank (a grid without coefficients): what
    /// explanations show instead of the number.
    pub fn rank_label(&self, key: u32) -> Option<&str> {
        let position = self.positions.iter().find(|p| p.key == key)?;
        let grid = &self.grids[position.grid];
        (!grid.coefficients).then_some(position.label.as_str())
    }

    /// A key as explanations show it: the label of a rank, else the coefficient.
    pub fn key_text(&self, key: u32) -> String {
        match self.rank_label(key) {
            Some(label) => label.to_string(),
            None => key.to_string(),
        }
    }

    /// The position holding `key` on `day`.
    pub fn by_key(&self, key: u32, day: NaiveDate) -> Option<PositionId> {
        let mut holding = (0..self.positions.len()).filter(|&p| {
            let position = &self.positions[p];
            position.keys().any(|k| k == key)
        });
        let first = holding.next()?;
        let in_force = std::iter::once(first)
            .chain(holding)
            .find(|&p| self.positions[p].in_force(day));
        Some(in_force.unwrap_or(first))
    }

    /// The positions of `grid` (any grid: `None`) labelled `label`, on `day`
    /// (any day: `None`); labels compare as job names do.
    pub fn labelled(
        &self,
        grid: Option<GridId>,
        label: &str,
        day: Option<NaiveDate>,
    ) -> Vec<PositionId> {
        let wanted = crate::names::normalize(label);
        (0..self.positions.len())
            .filter(|&p| {
                let position = &self.positions[p];
                grid.is_none_or(|g| position.grid == g)
                    && day.is_none_or(|d| position.in_force(d))
                    && (position.label == label
                        || crate::names::normalize(&position.label) == wanted)
            })
            .collect()
    }

    /// The position the facts name (`"ic 2.1"`, `"II.3"`) on `day`.
    pub fn resolve(&self, given: &str, day: NaiveDate) -> Result<PositionId, PositionError> {
        let given = given.trim();
        let (grid, label) = match given.split_once(char::is_whitespace) {
            Some((grid, label)) => (Some(grid), label.trim()),
            None => (None, given),
        };
        let grid = match grid {
            None => None,
            Some(g) => Some(
                self.grid_named(g)
                    .ok_or_else(|| PositionError::UnknownGrid {
                        given: given.to_string(),
                        grids: self.grids.iter().map(|g| g.id.clone()).collect(),
                    })?,
            ),
        };
        let found = self.labelled(grid, label, Some(day));
        let mut grids: Vec<String> = found
            .iter()
            .map(|&p| self.grids[self.positions[p].grid].id.clone())
            .collect();
        grids.dedup();
        match (found.first(), grids.len()) {
            (Some(&one), 1) => Ok(one),
            (Some(_), _) => Err(PositionError::Ambiguous {
                given: given.to_string(),
                grids,
            }),
            (None, _) => Err(PositionError::Unknown {
                given: given.to_string(),
                known: self.known_labels(grid, day),
            }),
        }
    }

    fn grid_named(&self, name: &str) -> Option<GridId> {
        let wanted = crate::names::normalize(name);
        self.grids
            .iter()
            .position(|g| g.id == name || crate::names::normalize(&g.id) == wanted)
    }

    /// The labels of the positions in force on `day`, qualified when several grids exist.
    fn known_labels(&self, grid: Option<GridId>, day: NaiveDate) -> Vec<String> {
        let several = self.grids.len() > 1;
        self.positions
            .iter()
            .filter(|p| grid.is_none_or(|g| p.grid == g) && p.in_force(day))
            .map(|p| match several {
                true => format!("{} {}", self.grids[p.grid].id, p.label),
                false => p.label.clone(),
            })
            .collect()
    }
}

impl PositionError {
    /// The reason in English and in French.
    pub fn reason(&self) -> (String, String) {
        match self {
            PositionError::Unknown { given, known } => (
                format!(
                    "the rule set has no position `{given}` on that day; it knows {}",
                    known.join(", ")
                ),
                format!(
                    "les règles n'ont pas de position « {given} » à cette date ; elles connaissent {}",
                    known.join(", ")
                ),
            ),
            PositionError::Ambiguous { given, grids } => (
                format!(
                    "`{given}` is a position of several grids: {}; qualify it (`{} {given}`)",
                    grids.join(", "),
                    grids.first().map_or("", String::as_str)
                ),
                format!(
                    "« {given} » est une position de plusieurs grilles : {} ; précisez la grille (« {} {given} »)",
                    grids.join(", "),
                    grids.first().map_or("", String::as_str)
                ),
            ),
            PositionError::UnknownGrid { given, grids } => (
                format!(
                    "`{given}` names no grid of the rule set; its grids are {}",
                    grids.join(", ")
                ),
                format!(
                    "« {given} » ne nomme aucune grille des règles ; elles ont {}",
                    grids.join(", ")
                ),
            ),
        }
    }
}
