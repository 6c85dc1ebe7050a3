//! An explanation as data: what `grille explain --format json` prints and the
//! JSON API answers.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::WhyNot;
use crate::eval::Decision;
use crate::facts::Rejection;
use crate::layers::Role;
use crate::model::RuleSet;

/// `{id, as_of, rules, layers, files, decision, rejected, why_not}`: `decision`
/// is the traced decision (its `trace` the steps, with their quotes and
/// readings), `rejected` the reason it has none, `files` each rule file with
/// the SHA-256 of the text read.
pub fn explanation(
    rules: &RuleSet,
    id: &str,
    outcome: &Result<Decision, Rejection>,
    as_of: NaiveDate,
    why_not: Option<&WhyNot>,
) -> Value {
    json!({
        "id": id,
        "as_of": as_of,
        "rules": rules.file().name,
        "layers": layers(rules),
        "files": super::versions::file_versions(rules),
        "decision": outcome.as_ref().ok(),
        "rejected": outcome.as_ref().err(),
        "why_not": why_not,
    })
}

/// Each file of a rule set and its part: `role` is `named`, `amended`, `law`
/// or `agreement` (what a company agreement stands within).
pub fn layers(rules: &RuleSet) -> Value {
    let role = |r: Role| match r {
        Role::Named => "named",
        Role::Amended => "amended",
        Role::Law => "law",
        Role::Agreement => "agreement",
    };
    rules
        .layers
        .iter()
        .map(|l| json!({"role": role(l.role), "title": l.title, "path": l.path}))
        .collect()
}
