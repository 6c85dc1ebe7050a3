//! Classification by criteria (issue #22, design §8), resolved: each
//! criterion's points by degree, and the table from a total to a coefficient
//! as an array indexed by the total.

use super::{JobId, Origin};

/// The method: criteria scored by degree, the sum read in a table.
#[derive(Debug, Clone)]
pub struct CriteriaMethod {
    pub criteria: Vec<Criterion>,
    pub rows: Vec<ScoreRow>,
    /// The row of each total of points (index: the total), for totals up to
    /// the last row's end.
    pub row_of_total: Vec<Option<u16>>,
    /// The degrees the text gives a job, one per criterion in their order.
    pub job_degrees: Vec<(JobId, Vec<u32>)>,
    /// The `cotation`.
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub label: String,
    /// The points of degree 1, 2, … (index 0 is degree 1).
    pub points: Vec<u32>,
    pub origin: Origin,
}

/// Totals from `from` to `to` (both included) give `coefficient`.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    pub from: u32,
    pub to: u32,
    pub coefficient: u32,
    pub origin: Origin,
}

impl CriteriaMethod {
    /// The row a total falls in, if any.
    pub fn row(&self, total: u32) -> Option<&ScoreRow> {
        let index = self.row_of_total.get(total as usize).copied().flatten()?;
        self.rows.get(index as usize)
    }

    /// The points of `degree` (from 1) in `criterion`; `None` out of range.
    pub fn points(&self, criterion: usize, degree: u32) -> Option<u32> {
        let index = (degree as usize).checked_sub(1)?;
        self.criteria.get(criterion)?.points.get(index).copied()
    }

    /// The total of a job's or an employee's degrees (one per criterion, in order).
    pub fn total(&self, degrees: &[u32]) -> Option<u32> {
        degrees
            .iter()
            .enumerate()
            .map(|(c, d)| self.points(c, *d))
            .sum()
    }

    /// The index of a criterion by its id.
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }
}
