//! The job grid as the evaluator reads it: each cell's floor worked out once per
//! evaluator, blank cells already resolved and a company agreement's values
//! already weighed, so that a decision (which reads the grid for its band, each
//! later band and the trial's jobs) only looks values up.

use crate::model::{BlankCell, JobId, RuleSet};

/// What the job floor gives in one band of one job.
#[derive(Debug, Clone, Copy)]
pub(super) struct GridCell {
    /// The highest of the layers' job floors: the agreement's cell (a blank
    /// one read as `case vide` says) and a company agreement's for the band.
    pub value: Option<u32>,
    /// The band of the agreement's job whose value is the agreement's floor:
    /// another one when this band is blank.
    pub used: usize,
    pub note: Option<BlankNote>,
}

/// Why a cell gives what it gives when its band is blank.
#[derive(Debug, Clone, Copy)]
pub(super) enum BlankNote {
    /// The job has no value in any band.
    Unclassified,
    /// This band is blank; `stand_in` is the band read instead, if any.
    BlankBand { stand_in: Option<usize> },
}

/// Every job's cells, one per band of its scale.
pub(super) struct Grid {
    jobs: Vec<Vec<GridCell>>,
    /// For each job and band, the later bands whose value is above the
    /// values of every band between: the only ones where the job floor can
    /// first exceed a coefficient (the next step looks for that).
    raises: Vec<Vec<Vec<(usize, u32)>>>,
}

impl Grid {
    /// The grid read under `blank_cell`, the job floor's rule for blank cells.
    pub fn new(rules: &RuleSet, blank_cell: BlankCell) -> Grid {
        let mut jobs: Vec<Vec<GridCell>> = JobId::all(rules.jobs.len())
            .map(|job| {
                let cells = rules.jobs[job].cells.len();
                (0..cells)
                    .map(|b| resolve(rules, job, b, blank_cell))
                    .collect()
            })
            .collect();
        company_over_agreement(rules, &mut jobs);
        let raises = jobs_raises(&jobs);
        Grid { jobs, raises }
    }

    /// The bands after `band` where the job's value rises above all values
    /// since `band` (excluded), with that value, in order.
    pub fn raises_after(&self, job: JobId, band: usize) -> &[(usize, u32)] {
        &self.raises[job.index()][band]
    }

    pub fn cell(&self, job: JobId, band: usize) -> GridCell {
        self.jobs[job.index()][band]
    }

    /// The first band whose floor is `coefficient`.
    pub fn first_band_giving(&self, job: JobId, coefficient: u32) -> Option<usize> {
        self.jobs[job.index()]
            .iter()
            .position(|c| c.value == Some(coefficient))
    }
}

/// A company agreement's value wins a cell where it is higher than the
/// agreement's (a tie keeps the agreement's). Weighed once here, a decision
/// without a company layer pays nothing for it.
fn company_over_agreement(rules: &RuleSet, jobs: &mut [Vec<GridCell>]) {
    for company in &rules.company_jobs {
        let Some(cells) = jobs.get_mut(company.job.index()) else {
            continue;
        };
        for (cell, given) in cells.iter_mut().zip(&company.cells) {
            let Some(value) = given.coefficient else {
                continue;
            };
            if cell.value.is_none_or(|own| value > own) {
                cell.value = Some(value);
                // The agreement's blank band no longer says what applies.
                cell.note = None;
            }
        }
    }
}

fn jobs_raises(jobs: &[Vec<GridCell>]) -> Vec<Vec<Vec<(usize, u32)>>> {
    let raises_after = |cells: &[GridCell], band: usize| {
        let mut highest = None;
        let mut raises = Vec::new();
        for (later, cell) in cells.iter().enumerate().skip(band + 1) {
            if let Some(value) = cell.value.filter(|v| highest.is_none_or(|h| *v > h)) {
                raises.push((later, value));
                highest = Some(value);
            }
        }
        raises
    };
    jobs.iter()
        .map(|cells| (0..cells.len()).map(|b| raises_after(cells, b)).collect())
        .collect()
}

fn resolve(rules: &RuleSet, job: JobId, band: usize, blank_cell: BlankCell) -> GridCell {
    let job_def = &rules.jobs[job];
    let given = |value, used, note| GridCell { value, used, note };
    if let Some(c) = job_def.cells[band].coefficient {
        return given(Some(c), band, None);
    }
    if !job_def.has_any_value() {
        return given(None, band, Some(BlankNote::Unclassified));
    }
    let stand_in = match blank_cell {
        BlankCell::PreviousBand => (0..band)
            .rev()
            .find(|b| job_def.cells[*b].coefficient.is_some()),
        BlankCell::NoFloor => None,
    };
    let note = Some(BlankNote::BlankBand { stand_in });
    match stand_in {
        Some(b) => given(job_def.cells[b].coefficient, b, note),
        None => given(None, band, note),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(values: &[Option<u32>]) -> Vec<GridCell> {
        let cell = |(used, value): (usize, &Option<u32>)| GridCell {
            value: *value,
            used,
            note: None,
        };
        values.iter().enumerate().map(cell).collect()
    }

    #[test]
    fn raises_are_the_later_bands_above_every_band_between() {
        // A grid that dips, is blank, then rises: from the first band, every
        // band above the ones between it and the first band counts, not only
        // those above the first band's own value (the decided coefficient may
        // come from another floor, lower or higher).
        let job = cells(&[Some(150), Some(140), None, Some(145), Some(145), Some(160)]);
        let raises = jobs_raises(&[job]);
        assert_eq!(raises[0][0], vec![(1, 140), (3, 145), (5, 160)]);
        assert_eq!(raises[0][1], vec![(3, 145), (5, 160)]);
        assert_eq!(raises[0][4], vec![(5, 160)]);
        assert_eq!(raises[0][5], vec![]);
    }
}
