//! The names a person reads for a replay's ids: a job's declared name, a
//! band's label (its id when the rules give it none).

use crate::model::RuleSet;

/// The job's name as the rules declare it; the id itself for a job they do not know.
pub fn job_name<'r>(rules: &'r RuleSet, job: &'r str) -> &'r str {
    rules
        .jobs
        .iter()
        .find(|j| j.id == job)
        .map_or(job, |j| j.name.as_str())
}

/// The band's label in the scale of `job`; its id when it has none.
pub fn band_name<'r>(rules: &'r RuleSet, job: &str, band: &'r str) -> &'r str {
    let scale = rules.jobs.iter().find(|j| j.id == job).map(|j| j.scale);
    scale
        .and_then(|s| rules.scales[s].bands.iter().find(|b| b.id == band))
        .and_then(|b| b.label.as_deref())
        .unwrap_or(band)
}
