//! Comparing two rule sets: the base (the rules in force, say) and a proposal.
//!
//! - [`structure`]: the redline of the rules themselves (parameters, grid, jobs,
//!   floors, bands, status rules…), as [`Redline`] sections of entries;
//! - [`impact`]: a workforce decided under both, one [`impact::Row`] per employee
//!   and streaming aggregates ([`impact::Impact`]);
//! - [`text`], [`html`], [`output`]: the terminal summary, the report to share,
//!   and the per-employee JSON and CSV.
//!
//! Everything a person reads is in French, the negotiators' language; the
//! machine keywords (`up`, `only-base`, `added`…) are English, like the rest of
//! the JSON contract.

mod aggregate;
pub mod cause;
pub mod chart;
pub mod estimate;
pub mod figures;
pub mod html;
pub mod impact;
pub mod minima;
pub mod output;
pub mod scenario;
pub mod sheets;
pub mod structure;
pub mod text;
pub mod written;

mod jobs;

use serde::Serialize;

use crate::RuleSet;

pub use impact::{Comparer, Impact, Options, Row, Scenario};
pub use structure::compare;

/// The redline of two rule sets.
#[derive(Debug, Clone, Serialize)]
pub struct Redline {
    pub base: RulesInfo,
    pub proposal: RulesInfo,
    /// Only the sections with a difference, in a fixed order.
    pub sections: Vec<Section>,
    /// The minima in euros per coefficient on a day (see [`compare_at`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minima: Option<minima::Minima>,
}

/// The redline with the minima in euros, coefficient by coefficient, on `as_of`.
pub fn compare_at(a: &RuleSet, b: &RuleSet, as_of: chrono::NaiveDate) -> Redline {
    let mut redline = compare(a, b);
    redline.minima = Some(minima::on(a, b, as_of));
    redline
}

#[derive(Debug, Clone, Serialize)]
pub struct RulesInfo {
    pub file: String,
    pub title: String,
}

impl RulesInfo {
    pub fn of(rules: &crate::RuleSet) -> Self {
        RulesInfo {
            file: rules.file().name.to_string(),
            title: rules.agreement.title.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub entries: Vec<Entry>,
    /// What the entries do not show (matched jobs without a change…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// One thing that differs: a parameter, a level, a job…
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub change: Change,
    pub subject: String,
    /// The whole of a removed thing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The whole of an added thing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// What changed in a thing both sides have.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// `file:line` of the thing in each file that has it (base first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub at: Vec<String>,
}

/// A line of a changed thing: `before` only is removed, `after` only is added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Entry {
    pub fn added(subject: impl Into<String>, after: impl Into<String>) -> Self {
        Entry {
            change: Change::Added,
            subject: subject.into(),
            before: None,
            after: Some(after.into()).filter(|a| !a.is_empty()),
            details: Vec::new(),
            at: Vec::new(),
        }
    }

    pub fn removed(subject: impl Into<String>, before: impl Into<String>) -> Self {
        Entry {
            change: Change::Removed,
            subject: subject.into(),
            before: Some(before.into()).filter(|b| !b.is_empty()),
            after: None,
            details: Vec::new(),
            at: Vec::new(),
        }
    }

    /// A changed thing, or nothing when no detail differs.
    pub fn changed(subject: impl Into<String>, details: Vec<Detail>) -> Option<Self> {
        (!details.is_empty()).then(|| Entry {
            change: Change::Changed,
            subject: subject.into(),
            before: None,
            after: None,
            details,
            at: Vec::new(),
        })
    }

    /// The same entry citing where each file has the thing.
    pub fn at(mut self, places: impl IntoIterator<Item = String>) -> Self {
        self.at = places.into_iter().collect();
        // A layered proposal may keep the base's own declaration: cited once.
        self.at.dedup();
        self
    }
}

/// A thing of a rule set declared at a place of a file.
pub trait Placed {
    fn origin(&self) -> &crate::model::Origin;
}

macro_rules! placed {
    ($($t:ty),*) => {
        $(impl Placed for $t {
            fn origin(&self) -> &crate::model::Origin {
                &self.origin
            }
        })*
    };
}

placed!(
    crate::model::Param,
    crate::model::Table,
    crate::model::Category,
    crate::model::Level,
    crate::model::Diploma,
    crate::model::Scale,
    crate::model::Floor,
    crate::model::Transitional,
    crate::model::TrialRule,
    crate::model::Provision,
    crate::model::Job,
    crate::model::MissionCap
);

/// `rules/cgt-2008.grille:129`: the file and line of a thing.
pub fn place(rules: &RuleSet, thing: &impl Placed) -> String {
    let place = rules.place(thing.origin().span).to_string();
    match place.rsplit_once(':') {
        Some((file_line, _column)) => file_line.to_string(),
        None => place,
    }
}

/// The fields that differ, each as a before/after pair.
pub fn fields(pairs: Vec<(&str, String, String)>) -> Vec<Detail> {
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Detail {
            field: Some(field.to_string()),
            before: Some(before),
            after: Some(after),
        })
        .collect()
}

/// The lines of `a` missing from `b` and of `b` missing from `a`, in order
/// (a longest common subsequence: the lists compared are short, rules and values).
pub fn lines(a: &[String], b: &[String]) -> Vec<Detail> {
    let (n, m) = (a.len(), b.len());
    // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let line = |before: Option<&String>, after: Option<&String>| Detail {
        field: None,
        before: before.cloned(),
        after: after.cloned(),
    };
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && common[i + 1][j] >= common[i][j + 1]) {
            out.push(line(Some(&a[i]), None));
            i += 1;
        } else {
            out.push(line(None, Some(&b[j])));
            j += 1;
        }
    }
    out
}

/// Entries for two lists of things known by a key: removed, changed, added. Each
/// function is given the rule set its item comes from (indices differ between them).
pub fn keyed<T: Placed, K: PartialEq>(
    (ra, a): (&RuleSet, &[T]),
    (rb, b): (&RuleSet, &[T]),
    key: impl Fn(&RuleSet, &T) -> K,
    subject: impl Fn(&RuleSet, &T) -> String,
    whole: impl Fn(&RuleSet, &T) -> String,
    details: impl Fn((&RuleSet, &T), (&RuleSet, &T)) -> Vec<Detail>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for x in a {
        match b.iter().find(|y| key(rb, y) == key(ra, x)) {
            None => out.push(Entry::removed(subject(ra, x), whole(ra, x)).at([place(ra, x)])),
            Some(y) => out.extend(
                Entry::changed(subject(rb, y), details((ra, x), (rb, y)))
                    .map(|e| e.at([place(ra, x), place(rb, y)])),
            ),
        }
    }
    for y in b
        .iter()
        .filter(|y| !a.iter().any(|x| key(ra, x) == key(rb, y)))
    {
        out.push(Entry::added(subject(rb, y), whole(rb, y)).at([place(rb, y)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lines_keep_the_common_ones_out() {
        let diff = lines(&strings(&["a", "b", "c"]), &strings(&["a", "x", "c", "d"]));
        let shown: Vec<(Option<&str>, Option<&str>)> = diff
            .iter()
            .map(|d| (d.before.as_deref(), d.after.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [(Some("b"), None), (None, Some("x")), (None, Some("d"))]
        );
        assert!(lines(&strings(&["a"]), &strings(&["a"])).is_empty());
    }
}
