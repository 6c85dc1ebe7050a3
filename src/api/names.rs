//! The names people read for the ids a decision carries: a page shows a
//! job's declared name ("Chargé de recouvrement"), not its id.

use serde_json::{json, Map, Value};

use crate::RuleSet;

/// `{"jobs": {id: name}, "bands": {id: label}, "categories": {id: label}}`
/// of `sides`, the later ones' names over the earlier ones'.
pub(super) fn of(sides: &[&RuleSet]) -> Value {
    let (mut jobs, mut bands, mut categories) = (Map::new(), Map::new(), Map::new());
    for rules in sides {
        for job in &rules.jobs {
            jobs.insert(job.id.clone(), json!(job.name));
        }
        for band in rules.scales.iter().flat_map(|s| &s.bands) {
            let label = band.label.as_deref().unwrap_or(&band.id);
            bands.insert(band.id.clone(), json!(label));
        }
        for category in &rules.categories {
            categories.insert(category.id.clone(), json!(category.label));
        }
    }
    json!({"jobs": jobs, "bands": bands, "categories": categories})
}
