//! Reference jobs of two rule sets: matched by id, else by a name or alias both
//! give (as the evaluator matches names: case, accents, spaces and hyphens
//! ignored). A job of the base may match several of the proposal (the rules in
//! force may give two of the proposal's job names to one of their jobs): each
//! pair is shown, since each is a correspondence a negotiator may contest.

use std::collections::HashSet;

use super::written as w;
use super::{Detail, Entry};
use crate::model::{Job, JobId, RuleSet};
use crate::names::normalize;

struct Pair {
    a: JobId,
    b: JobId,
    /// The shared name, when the ids differ.
    by: Option<String>,
}

/// Entries for removed, changed and added jobs, and a note naming the matched
/// jobs that did not change.
pub(super) fn entries(a: &RuleSet, b: &RuleSet) -> (Vec<Entry>, Option<String>) {
    let pairs = pairs(a, b);
    let mut out = Vec::new();
    let mut unchanged = Vec::new();
    for p in &pairs {
        let (x, y) = (&a.jobs[p.a], &b.jobs[p.b]);
        match Entry::changed(subject(x, y, p), details(a, x, b, y)) {
            Some(entry) => out.push(entry.at([super::place(a, x), super::place(b, y)])),
            None => unchanged.push(subject(x, y, p)),
        }
    }
    for (i, x) in JobId::enumerate(&a.jobs) {
        if !pairs.iter().any(|p| p.a == i) {
            out.push(Entry::removed(&x.id, whole(a, x)).at([super::place(a, x)]));
        }
    }
    for (i, y) in JobId::enumerate(&b.jobs) {
        if !pairs.iter().any(|p| p.b == i) {
            out.push(Entry::added(&y.id, whole(b, y)).at([super::place(b, y)]));
        }
    }
    let note = (!unchanged.is_empty()).then(|| {
        format!(
            "{} métier(s) apparié(s) sans changement : {}",
            unchanged.len(),
            unchanged.join(" ; ")
        )
    });
    (out, note)
}

/// The names a job answers to, as written: name and aliases first, id last.
fn names(job: &Job) -> impl Iterator<Item = &str> {
    std::iter::once(job.name.as_str())
        .chain(job.aliases.iter().map(String::as_str))
        .chain(std::iter::once(job.id.as_str()))
}

fn pairs(a: &RuleSet, b: &RuleSet) -> Vec<Pair> {
    let ids_b: HashSet<&str> = b.jobs.iter().map(|j| j.id.as_str()).collect();
    let mut out = Vec::new();
    for (jb, y) in JobId::enumerate(&b.jobs) {
        if let Some((ja, _)) = JobId::enumerate(&a.jobs).find(|(_, x)| x.id == y.id) {
            out.push(Pair {
                a: ja,
                b: jb,
                by: None,
            });
            continue;
        }
        // A job whose id the proposal keeps is matched by that id only.
        for (ja, x) in JobId::enumerate(&a.jobs) {
            if ids_b.contains(x.id.as_str()) {
                continue;
            }
            let ours: HashSet<String> = names(y).map(normalize).collect();
            // Shown as the base writes it: that is where the correspondence was declared.
            if let Some(shared) = names(x).find(|n| ours.contains(&normalize(n))) {
                out.push(Pair {
                    a: ja,
                    b: jb,
                    by: Some(shared.to_string()),
                });
            }
        }
    }
    out
}

fn subject(x: &Job, y: &Job, p: &Pair) -> String {
    match &p.by {
        None => format!("{} « {} »", y.id, y.name),
        Some(name) => format!("{} → {} (par le nom « {name} »)", x.id, y.id),
    }
}

/// `« Superviseur », ancienneté courte : debutant 160, confirme 170, …`.
fn whole(r: &RuleSet, job: &Job) -> String {
    let scale = &r.scales[job.scale];
    let cells: Vec<String> = scale
        .bands
        .iter()
        .zip(&job.cells)
        .map(|(band, cell)| format!("{} {}", band.id, w::cell(cell)))
        .collect();
    format!(
        "« {} », ancienneté {} : {}",
        job.name,
        scale.id,
        cells.join(", ")
    )
}

/// The name, the experience scale, and every band value that differs (by band id).
fn details(a: &RuleSet, x: &Job, b: &RuleSet, y: &Job) -> Vec<Detail> {
    let mut out = super::fields(vec![
        ("nom", x.name.clone(), y.name.clone()),
        (
            "ancienneté",
            a.scales[x.scale].id.clone(),
            b.scales[y.scale].id.clone(),
        ),
    ]);
    let bands_a = &a.scales[x.scale].bands;
    let bands_b = &b.scales[y.scale].bands;
    let cell_b = |id: &str| {
        bands_b
            .iter()
            .position(|band| band.id == id)
            .map(|i| &y.cells[i])
    };
    for (band, cell) in bands_a.iter().zip(&x.cells) {
        let after = cell_b(&band.id);
        if after.is_some_and(|c| c.coefficient == cell.coefficient) {
            continue;
        }
        out.push(Detail {
            field: Some(band.id.clone()),
            before: Some(w::cell(cell)),
            after: after.map(w::cell),
        });
    }
    for (band, cell) in bands_b.iter().zip(&y.cells) {
        if !bands_a.iter().any(|other| other.id == band.id) {
            out.push(Detail {
                field: Some(band.id.clone()),
                before: None,
                after: Some(w::cell(cell)),
            });
        }
    }
    out
}
