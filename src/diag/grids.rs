//! What the checker finds in grids, positions and tables by position (issue
//! #22), with its words: message, label and help, in French and in English.

use super::code::Code;
use super::words::said;
use crate::catalogue::Said;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridProblem {
    /// A grid with positions and levels of échelons at once, or with neither.
    Shape { grid: String, empty: bool },
    /// `grille ic` twice, or `minimum de la grille ic` twice (`minimum`).
    Twice { grid: String, minimum: bool },
    /// `plancher position` in a rule set without `grille`.
    NoGrids,
    /// A grid whose positions have no category.
    NoCategory { grid: String },
    /// A label whose level cannot be read (`"A"`: no number before the dot).
    NoLevel { label: String },
    /// A label twice in one grid on overlapping days.
    LabelTwice { grid: String, label: String },
    /// One coefficient in two positions of different levels, categories or grids.
    KeyTwice {
        key: u32,
        first: String,
        second: String,
    },
    /// `échelons 3 à 1`, `jusqu'au` before `depuis`.
    Empty { what: String },
    /// A reference to a position no grid has.
    UnknownPosition { given: String, known: Vec<String> },
    /// An unqualified label of several grids.
    AmbiguousPosition { given: String, grids: Vec<String> },
    /// `par position de xx`, `minimum de la grille xx`: no such grid.
    UnknownGrid { given: String, grids: Vec<String> },
    /// A table version without a row for a position of its grid on its date.
    MissingRow { table: String, position: String },
    /// Matrix values that make no whole rows (`found`: how many values).
    MatrixWidth { expected: usize, found: usize },
    /// `par position` without `de GRID` in a rule set of several grids (or none).
    WhichGrid { grids: Vec<String> },
    /// A row of a table by position in a table by coefficient, or the reverse.
    RowKind { by_position: bool },
}

impl GridProblem {
    pub fn code(&self) -> Code {
        match self {
            GridProblem::UnknownPosition { .. } | GridProblem::UnknownGrid { .. } => {
                Code::UnknownPosition
            }
            GridProblem::AmbiguousPosition { .. } => Code::AmbiguousPosition,
            GridProblem::MissingRow { .. }
            | GridProblem::MatrixWidth { .. }
            | GridProblem::RowKind { .. } => Code::TableRows,
            _ => Code::BadGrid,
        }
    }

    pub fn message(&self) -> Said {
        match self {
            GridProblem::Shape { grid, empty: true } => said(
                format!("la grille `{grid}` n'a ni position ni niveau"),
                format!("the grid `{grid}` has no position and no level"),
            ),
            GridProblem::Shape { grid, .. } => said(
                format!("la grille `{grid}` mêle des positions à coefficient et des niveaux d'échelons"),
                format!("the grid `{grid}` mixes positions with coefficients and levels of échelons"),
            ),
            GridProblem::Twice { grid, minimum: false } => said(
                format!("la grille `{grid}` est déclarée deux fois"),
                format!("the grid `{grid}` is declared twice"),
            ),
            GridProblem::Twice { grid, .. } => said(
                format!("la grille `{grid}` a deux `minimum de la grille`"),
                format!("the grid `{grid}` has two `minimum de la grille`"),
            ),
            GridProblem::NoGrids => said(
                "`plancher position`, mais le fichier ne déclare aucune `grille`",
                "`plancher position`, but the file declares no `grille`",
            ),
            GridProblem::NoCategory { grid } => said(
                format!("des positions de la grille `{grid}` n'ont pas de catégorie"),
                format!("positions of the grid `{grid}` have no category"),
            ),
            GridProblem::NoLevel { label } => said(
                format!("le libellé « {label} » ne dit pas son niveau"),
                format!("the label \"{label}\" does not give its level"),
            ),
            GridProblem::LabelTwice { grid, label } => said(
                format!("la grille `{grid}` a deux positions « {label} » aux mêmes dates"),
                format!("the grid `{grid}` has two positions \"{label}\" on the same days"),
            ),
            GridProblem::KeyTwice { key, first, second } => said(
                format!("le coefficient {key} est celui de deux positions différentes : {first} et {second}"),
                format!("the coefficient {key} belongs to two different positions: {first} and {second}"),
            ),
            GridProblem::Empty { what } => said(
                format!("{what} : aucun jour, aucun échelon"),
                format!("{what}: no day, no échelon"),
            ),
            GridProblem::UnknownPosition { given, .. } => said(
                format!("aucune grille n'a la position « {given} »"),
                format!("no grid has the position \"{given}\""),
            ),
            GridProblem::AmbiguousPosition { given, grids } => said(
                format!("« {given} » est une position des grilles {}", grids.join(" et ")),
                format!("\"{given}\" is a position of the grids {}", grids.join(" and ")),
            ),
            GridProblem::UnknownGrid { given, .. } => said(
                format!("aucune grille ne s'appelle `{given}`"),
                format!("no grid is called `{given}`"),
            ),
            GridProblem::MissingRow { table, position } => said(
                format!("le barème `{table}` n'a pas de ligne pour la position {position}"),
                format!("the table `{table}` has no row for the position {position}"),
            ),
            GridProblem::MatrixWidth { expected, found } => said(
                format!("{found} valeurs ne font pas des lignes d'un échelon et de {expected} niveaux"),
                format!("{found} values do not make rows of an échelon and {expected} levels"),
            ),
            GridProblem::WhichGrid { .. } => said(
                "ce barème ne dit pas de quelle grille il est",
                "this table does not say which grid it is of",
            ),
            GridProblem::RowKind { by_position: true } => said(
                "une ligne par coefficient dans un barème par position",
                "a row by coefficient in a table by position",
            ),
            GridProblem::RowKind { .. } => said(
                "une ligne par position dans un barème par coefficient",
                "a row by position in a table by coefficient",
            ),
        }
    }

    pub fn label(&self) -> Said {
        match self {
            GridProblem::UnknownPosition { .. } => said("position inconnue", "unknown position"),
            GridProblem::AmbiguousPosition { .. } => said("quelle grille ?", "which grid?"),
            GridProblem::UnknownGrid { .. } => said("grille inconnue", "unknown grid"),
            GridProblem::MissingRow { .. } => said("version incomplète", "incomplete version"),
            GridProblem::MatrixWidth { .. } => said("cette ligne", "this line"),
            GridProblem::KeyTwice { .. } => said("déjà pris", "already taken"),
            _ => said("ici", "here"),
        }
    }

    pub fn help(&self) -> Said {
        match self {
            GridProblem::Shape { .. } => said(
                "une grille a soit des `position \"2.1\" : coefficient 105`, soit des `niveau I : échelons 1 à 3`",
                "a grid has either `position \"2.1\" : coefficient 105` lines or `niveau I : échelons 1 à 3` lines",
            ),
            GridProblem::Twice { .. } => said(
                "gardez-en un : le second remplacerait le premier",
                "keep one: the second would replace the first",
            ),
            GridProblem::NoGrids => said(
                "déclarez la grille des positions : `grille ic \"…\"` et ses `position`",
                "declare the grid of the positions: `grille ic \"…\"` and its `position` lines",
            ),
            GridProblem::NoCategory { .. } => said(
                "ajoutez `catégorie ID` sous la grille, ou `, catégorie ID` sur la ligne",
                "add `catégorie ID` under the grid, or `, catégorie ID` on the line",
            ),
            GridProblem::NoLevel { .. } => said(
                "le niveau est le nombre avant le point : « 2.1 » (niveau 2), IV.3 (niveau 4)",
                "the level is the number before the dot: \"2.1\" (level 2), IV.3 (level 4)",
            ),
            GridProblem::LabelTwice { .. } => said(
                "datez-les pour qu'elles ne se chevauchent pas : `jusqu'au 2022-12-31`, `depuis 2023-01-01`",
                "date them so that they do not overlap: `jusqu'au 2022-12-31`, `depuis 2023-01-01`",
            ),
            GridProblem::KeyTwice { .. } => said(
                "un coefficient appartient à une seule position (ou à des positions datées du même niveau et de la même catégorie)",
                "a coefficient belongs to one position (or to dated positions of one level and one category)",
            ),
            GridProblem::Empty { .. } => said(
                "écrivez le premier puis le dernier : `échelons 1 à 3`, `depuis` avant `jusqu'au`",
                "write the first, then the last: `échelons 1 à 3`, `depuis` before `jusqu'au`",
            ),
            GridProblem::UnknownPosition { known, .. } => said(
                format!("les positions sont : {}", known.join(", ")),
                format!("the positions are: {}", known.join(", ")),
            ),
            GridProblem::AmbiguousPosition { given, grids } => {
                let written = crate::syntax::ast_grids::write_label(given);
                let first = grids.first().map_or("", String::as_str);
                said(
                    format!("précisez la grille : `{first} {written}`"),
                    format!("qualify it with its grid: `{first} {written}`"),
                )
            }
            GridProblem::UnknownGrid { grids, .. } => said(
                format!("les grilles sont : {}", grids.join(", ")),
                format!("the grids are: {}", grids.join(", ")),
            ),
            GridProblem::MissingRow { .. } => said(
                "une version donne une ligne pour chaque position de la grille à sa date",
                "a version gives a row for every position of the grid on its date",
            ),
            GridProblem::MatrixWidth { .. } => said(
                "une ligne par échelon : son numéro, puis une valeur par niveau de l'en-tête",
                "one row per échelon: its number, then one value per level of the header",
            ),
            GridProblem::WhichGrid { grids } => said(
                format!("écrivez `de GRILLE` ; les grilles sont : {}", grids.join(", ")),
                format!("write `de GRID`; the grids are: {}", grids.join(", ")),
            ),
            GridProblem::RowKind { .. } => said(
                "`par coefficient` : `240 : 1715 €` ; `par position` : `\"1.1\" : 1715 €`",
                "`par coefficient`: `240 : 1715 €`; `par position`: `\"1.1\" : 1715 €`",
            ),
        }
    }
}
