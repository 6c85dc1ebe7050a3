//! The job grid as the evaluator reads it: each cell's floor worked out once per
//! evaluator, blank cells already resolved, so that a decision (which reads the
//! grid for its band, each later band and the trial's jobs) only looks values up.

use crate::model::{BlankCell, JobId, RuleSet};

/// What the job floor gives in one band of one job.
#[derive(Debug, Clone, Copy)]
pub(super) struct GridCell {
    pub value: Option<u32>,
    /// The band whose value applies: another one when this band is blank.
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
        let jobs: Vec<Vec<GridCell>> = (0..rules.jobs.len())
            .map(|job| {
                let cells = rules.jobs[job].cells.len();
                (0..cells)
                    .map(|b| resolve(rules, job, b, blank_cell))
                    .collect()
            })
            .collect();
        let raises = jobs_raises(&jobs);
        Grid { jobs, raises }
    }

    /// The bands after `band` where the job's value rises above all values
    /// since `band` (excluded), with that value, in order.
    pub fn raises_after(&self, job: JobId, band: usize) -> &[(usize, u32)] {
        &self.raises[job][band]
    }

    pub fn cell(&self, job: JobId, band: usize) -> GridCell {
        self.jobs[job][band]
    }

    /// The first band whose floor is `coefficient`.
    pub fn first_band_giving(&self, job: JobId, coefficient: u32) -> Option<usize> {
        self.jobs[job]
            .iter()
            .position(|c| c.value == Some(coefficient))
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
