//! The syntax of classification by criteria (issue #22, design §8): criteria
//! scored by degree, and the table (`cotation`) from a total of points to a
//! coefficient.

use super::ast::Source;
use crate::span::{Span, Spanned};

/// `critère connaissances "Connaissances requises" degrés 10, 25, 40, …`.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub span: Span,
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    /// The points of degree 1, 2, … in order.
    pub degrees: Vec<Spanned<u32>>,
    /// Where `degrés` is written, when it is.
    pub degrees_span: Option<Span>,
    pub source: Source,
}

/// `cotation "…"` and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    pub span: Span,
    pub title: Option<Spanned<String>>,
    pub rows: Vec<ScoreRow>,
    pub source: Source,
}

/// `45 à 60 : 120`: totals from 45 to 60 points, both included, give 120.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub span: Span,
    pub from: Spanned<u32>,
    pub to: Spanned<u32>,
    pub coefficient: Spanned<u32>,
    pub source: Source,
}

/// In a job, `degrés connaissances 3, technicite 2`: one criterion's degree.
#[derive(Debug, Clone, PartialEq)]
pub struct JobDegree {
    pub criterion: Spanned<String>,
    pub degree: Spanned<u32>,
}
