//! The syntax tree of grids (issue #22, design §5–§6): named grids of labelled
//! positions or of levels of échelons, references to a position, tables by
//! position or by level and échelon, part of [`super::ast`].

use chrono::NaiveDate;

use super::ast::{Expr, Literal, Source, Test};
use crate::span::{Span, Spanned};

/// `grille ic "Ingénieurs et cadres"` and its positions or levels of échelons.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    /// The category of every position that does not name its own.
    pub category: Option<Spanned<String>>,
    pub positions: Vec<GridPosition>,
    pub levels: Vec<GridLevel>,
    pub source: Source,
}

/// `position "2.1" : coefficient 105 si TEST, 115 sinon`, with its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct GridPosition {
    pub span: Span,
    pub label: Spanned<String>,
    pub coefficient: Spanned<u32>,
    /// The test and the coefficient when it does not hold (`sinon`).
    pub otherwise: Option<(Test, Spanned<u32>)>,
    pub dates: PositionDates,
    pub source: Source,
}

/// `niveau I : échelons 1 à 3, catégorie employes`.
#[derive(Debug, Clone, PartialEq)]
pub struct GridLevel {
    pub span: Span,
    /// The level as written (`IV`, `4`) and its number.
    pub written: Spanned<String>,
    pub number: u32,
    pub label: Option<Spanned<String>>,
    pub first_step: Spanned<u32>,
    pub last_step: Spanned<u32>,
    pub dates: PositionDates,
    pub source: Source,
}

/// What a position or a level line says beside its coefficient or échelons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PositionDates {
    pub category: Option<Spanned<String>>,
    pub from: Option<Spanned<NaiveDate>>,
    pub until: Option<Spanned<NaiveDate>>,
}

/// A position named outside its grid: `hcr II.1`, `ic "2.1"`, `"2.1"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionRef {
    pub grid: Option<Spanned<String>>,
    pub label: Spanned<String>,
}

impl PositionRef {
    /// As the language writes it: `hcr II.1`, `ic "2.1"`.
    pub fn written(&self) -> String {
        let label = write_label(&self.label.node);
        match &self.grid {
            Some(g) => format!("{} {label}", g.node),
            None => label,
        }
    }
}

/// A label as the language writes it: bare when Roman (`II.3`), quoted otherwise.
pub fn write_label(label: &str) -> String {
    if is_roman_label(label) {
        label.to_string()
    } else {
        format!("\"{}\"", label.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `IV.3`: a Roman level, a dot, an échelon.
pub fn is_roman_label(label: &str) -> bool {
    let Some((level, step)) = label.split_once('.') else {
        return false;
    };
    !level.is_empty()
        && level.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && !step.is_empty()
        && step.chars().all(|c| c.is_ascii_digit())
}

/// What a table is keyed by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TableKey {
    #[default]
    Coefficient,
    /// `par position [de GRID]`.
    Position(Option<Spanned<String>>),
    /// `par niveau et échelon [de GRID]`.
    LevelStep(Option<Spanned<String>>),
}

/// `échelon I II III IV V` and its rows, as HCR prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub span: Span,
    /// The levels of the header, as written (`IV`), with their numbers.
    pub levels: Vec<(Spanned<String>, u32)>,
    /// One row per échelon: its number, then a value per level (the values
    /// taken in order, as many per row as the header has levels, whatever the
    /// layout).
    pub rows: Vec<MatrixRow>,
    /// When the values do not make whole rows: the line that is not one
    /// (or the last values), and how many values the matrix has (then `rows`
    /// holds them all in one row, so that formatting loses none).
    pub misfit: Option<(Span, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub span: Span,
    pub step: Spanned<u32>,
    pub values: Vec<Spanned<Literal>>,
}

/// `minimum de la grille hcr : minimum_horaire[position]`.
#[derive(Debug, Clone, PartialEq)]
pub struct GridMinimum {
    pub span: Span,
    pub grid: Spanned<String>,
    pub formula: Expr,
    pub source: Source,
}

/// `plancher hcr I.2 si position hcr I.1 et …`.
#[derive(Debug, Clone, PartialEq)]
pub struct CondFloor {
    pub span: Span,
    pub position: PositionRef,
    pub test: Test,
    pub source: Source,
}

/// The number of a Roman level (`IV` is 4); `None` for anything else.
pub fn roman_number(written: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Option<Vec<u32>> = written.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    if digits.len() > 12 {
        return None;
    }
    let mut total = 0i64;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= i64::from(*d),
            _ => total += i64::from(*d),
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only the canonical spelling: `IIII` or `VX` are not numbers.
    (to_roman(total) == written).then_some(total)
}

/// `4` → `IV`, for levels up to 39.
pub fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_levels_read_as_numbers() {
        assert_eq!(roman_number("IV"), Some(4));
        assert_eq!(roman_number("V"), Some(5));
        assert_eq!(roman_number("IX"), Some(9));
        assert_eq!(roman_number("III"), Some(3));
        assert_eq!(roman_number("IIII"), None);
        assert_eq!(roman_number("VX"), None);
        assert_eq!(roman_number(""), None);
    }

    #[test]
    fn labels_are_written_bare_when_roman() {
        assert_eq!(write_label("II.3"), "II.3");
        assert_eq!(write_label("2.1"), "\"2.1\"");
        assert!(!is_roman_label("II"));
        assert!(!is_roman_label("IIa.3"));
    }
}
