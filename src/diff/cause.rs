//! Why an employee's classification changes, in a few words a negotiator reads
//! ("plancher diplôme bac+2 → 230", "métier repris : Téléconseiller → Conseiller
//! clientèle"), from the traces of the two decisions; and what an employee
//! loses (coefficient, level, status, minimum).
//!
//! Tracing costs more than deciding: a comparison traces only the rows it shows
//! (the losers, the largest changes) unless asked for every row (CSV, JSON).

use std::collections::HashMap;

use serde::Serialize;

use super::impact::Side;
use crate::catalogue::{Lang, Said};
use crate::eval::trace::{FloorDetail, FloorName, StepKind};
use crate::eval::{Decision, Evaluator, MinimumFrom};
use crate::RuleSet;

/// The names people read for the ids of one rule set, and the rank of its
/// statuses (the lowest coefficient giving each).
#[derive(Debug, Default)]
pub struct Names<'r> {
    // Looked up for every row: hashed as job names are (a few cycles a word).
    jobs: Fast<&'r str, &'r str>,
    bands: Fast<&'r str, &'r str>,
    status_rank: Fast<&'r str, u32>,
    /// The positions a grid without coefficients ranks, by rank (issue #22).
    ranks: Fast<u32, &'r str>,
}

type Fast<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<crate::names::FastHasher>>;

impl<'r> Names<'r> {
    pub fn of(rules: &'r RuleSet, evaluator: &Evaluator<'r>) -> Self {
        let jobs = rules
            .jobs
            .iter()
            .map(|j| (j.id.as_str(), j.name.as_str()))
            .collect();
        let mut bands = Fast::default();
        for band in rules.scales.iter().flat_map(|s| &s.bands) {
            let label = band.label.as_deref().unwrap_or(&band.id);
            bands.entry(band.id.as_str()).or_insert(label);
        }
        let mut status_rank = Fast::default();
        for level in &rules.levels {
            for c in level.coefficients.lowest()..=rules.top_coefficient().unwrap_or(0) {
                if let Some(status) = evaluator.status_at(c) {
                    let rank = status_rank.entry(status).or_insert(c);
                    *rank = (*rank).min(c);
                }
            }
        }
        let ranks = rules
            .grids
            .positions
            .iter()
            .filter(|p| !rules.grids.grids[p.grid].coefficients)
            .map(|p| (p.key, p.label.as_str()))
            .collect();
        Names {
            jobs,
            bands,
            status_rank,
            ranks,
        }
    }

    /// The position a rank stands for, on a grid without coefficients.
    pub fn rank(&self, key: u32) -> Option<&'r str> {
        self.ranks.get(&key).copied()
    }

    pub fn job(&self, id: &'r str) -> &'r str {
        self.jobs.get(id).copied().unwrap_or(id)
    }

    pub fn band(&self, id: &'r str) -> &'r str {
        self.bands.get(id).copied().unwrap_or(id)
    }

    fn status_rank(&self, status: &str) -> Option<u32> {
        self.status_rank.get(status).copied()
    }
}

/// What goes down for an employee decided by both sides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Losses {
    pub coefficient: bool,
    pub level: bool,
    pub status: bool,
    pub minimum_salary: bool,
}

impl Losses {
    pub fn of(before: &Side, after: &Side, names: [&Names; 2]) -> Self {
        let minimum =
            matches!((before.minimum_salary, after.minimum_salary), (Some(b), Some(a)) if a < b);
        let status = before.status != after.status
            && matches!(
                (names[0].status_rank(before.status), names[1].status_rank(after.status)),
                (Some(b), Some(a)) if a < b
            );
        Losses {
            coefficient: after.coefficient < before.coefficient,
            level: after.level < before.level,
            status,
            minimum_salary: minimum,
        }
    }

    pub fn any(&self) -> bool {
        self.coefficient || self.level || self.status || self.minimum_salary
    }

    /// The machine words, as JSON and CSV write them.
    pub fn words(&self) -> Vec<&'static str> {
        [
            (self.coefficient, "coefficient"),
            (self.level, "level"),
            (self.status, "status"),
            (self.minimum_salary, "minimum_salary"),
        ]
        .into_iter()
        .filter_map(|(lost, word)| lost.then_some(word))
        .collect()
    }

    /// `coefficient, statut` for people.
    pub fn french(&self) -> String {
        [
            (self.coefficient, "coefficient"),
            (self.level, "niveau"),
            (self.status, "statut"),
            (self.minimum_salary, "minimum"),
        ]
        .into_iter()
        .filter_map(|(lost, word)| lost.then_some(word))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The floor that won, the transitional coefficient given up, and the layer
/// whose minimum is owed, as one decision's trace gives them.
#[derive(Debug, Default, PartialEq)]
struct Why<'a> {
    floor: Option<(FloorName, u32)>,
    diploma: Option<&'a str>,
    band: Option<&'a str>,
    transitional: Option<(u32, u32)>,
    minimum_from: Option<MinimumFrom>,
}

fn why<'a>(d: &Decision<'_, 'a>) -> Why<'a> {
    let mut out = Why::default();
    for step in d.trace.iter().flatten() {
        match &step.kind {
            StepKind::Entitlement { coefficient, floor } => {
                out.floor = Some((*floor, *coefficient))
            }
            StepKind::Floor {
                detail: FloorDetail::Diploma { diploma },
                ..
            } => out.diploma = *diploma,
            StepKind::Experience { band, .. } => out.band = Some(band),
            StepKind::Transitional {
                coefficient, next, ..
            } => out.transitional = Some((*coefficient, *next)),
            StepKind::MinimumOwed { from, .. } => out.minimum_from = Some(*from),
            _ => {}
        }
    }
    out
}

/// `plancher diplôme bac+2 → 230` / `diploma floor bac+2 → 230`.
fn floor_words(why: &Why, names: &Names) -> Option<Said> {
    let (floor, coefficient) = why.floor?;
    let (fr, en) = match floor {
        FloorName::Job => match why.band {
            Some(band) => (
                format!("métier, tranche {}", names.band(band)),
                format!("job floor, band {}", names.band(band)),
            ),
            None => ("métier".to_string(), "job floor".to_string()),
        },
        FloorName::Company => (
            "accord d'entreprise".to_string(),
            "company agreement floor".to_string(),
        ),
        FloorName::Diploma => {
            let diploma = why.diploma.unwrap_or("?");
            (
                format!("diplôme {diploma}"),
                format!("diploma floor {diploma}"),
            )
        }
        FloorName::PreviousCoefficient => (
            "coefficient antérieur".to_string(),
            "previous coefficient floor".to_string(),
        ),
        FloorName::Mission => ("missions".to_string(), "missions floor".to_string()),
        FloorName::Position => ("position".to_string(), "position floor".to_string()),
        FloorName::Criteria => ("critères".to_string(), "criteria floor".to_string()),
    };
    Some(Said::new(
        format!("plancher {fr} → {coefficient}"),
        format!("{en} → {coefficient}"),
    ))
}

/// The layer whose minimum is owed: French, English.
fn minimum_words(from: Option<MinimumFrom>) -> (&'static str, &'static str) {
    match from {
        Some(MinimumFrom::Law) => ("le SMIC", "the SMIC"),
        Some(MinimumFrom::Company) => ("l'accord d'entreprise", "the company agreement"),
        Some(MinimumFrom::Agreement) | None => ("la grille", "the grid"),
    }
}

/// The cause of a change, from both decisions traced (`before` absent: the
/// base's "before" comes from the facts), in French and English.
pub fn cause(
    before: Option<&Decision>,
    after: &Decision,
    before_side: &Side,
    names: [&Names; 2],
) -> Said {
    let mut parts: Vec<Said> = Vec::new();
    if before_side.job != after.job && !before_side.job.is_empty() {
        let (b, a) = (names[0].job(before_side.job), names[1].job(after.job));
        parts.push(Said::new(
            format!("métier repris : {b} → {a}"),
            format!("job read as: {b} → {a}"),
        ));
    }
    let (wb, wa) = (before.map(why).unwrap_or_default(), why(after));
    let lapsed = |c: u32, next: u32| {
        Said::new(
            format!("coefficient transitoire {c} échu → {next}"),
            format!("transitional coefficient {c} lapsed → {next}"),
        )
    };
    match (wb.transitional, wa.transitional) {
        (Some((c, next)), Some(a)) if (c, next) == a => {
            parts.push(lapsed(c, next).map(|text, lang| match lang {
                Lang::Fr => format!("{text}, des deux côtés"),
                Lang::En => format!("{text}, on both sides"),
            }))
        }
        (b, a) => {
            if let Some((c, next)) = b {
                parts.push(before_words(lapsed(c, next)));
            }
            if let Some((c, next)) = a {
                parts.push(lapsed(c, next));
            }
        }
    }
    let (fb, fa) = (floor_words(&wb, names[0]), floor_words(&wa, names[1]));
    match (&fb, &fa) {
        (_, Some(a)) if before_side.coefficient != after.coefficient => {
            parts.push(a.clone());
            if let Some(b) = fb.filter(|b| b != a && wb.floor.map(|f| f.0) != wa.floor.map(|f| f.0))
            {
                parts.push(before_words(b));
            }
        }
        _ if before.is_none() => parts.push(Said::new(
            format!(
                "avant : coefficient appliqué {} (faits)",
                before_side.coefficient
            ),
            format!(
                "before: coefficient applied {} (facts)",
                before_side.coefficient
            ),
        )),
        _ => {}
    }
    // A "before" from the facts has no trace: its layer is not known.
    let layers_differ = before.is_some() && wb.minimum_from != wa.minimum_from;
    if before_side.coefficient == after.coefficient || layers_differ {
        let (from_b, from_a) = (
            minimum_words(wb.minimum_from),
            minimum_words(wa.minimum_from),
        );
        parts.push(
            if from_b == from_a && before_side.coefficient == after.coefficient {
                // A grid without coefficients gives none: its rank is a position.
                match after.coefficient_given {
                    Some(_) => Said::new(
                        format!(
                            "même coefficient ; minimum : {} de la proposition",
                            from_a.0
                        ),
                        format!("same coefficient; minimum: {} of the proposal", from_a.1),
                    ),
                    None => Said::new(
                        format!("même position ; minimum : {} de la proposition", from_a.0),
                        format!("same position; minimum: {} of the proposal", from_a.1),
                    ),
                }
            } else if from_b == from_a {
                Said::new(
                    format!("minimum : {}", from_a.0),
                    format!("minimum: {}", from_a.1),
                )
            } else {
                Said::new(
                    format!("minimum : {} → {}", from_b.0, from_a.0),
                    format!("minimum: {} → {}", from_b.1, from_a.1),
                )
            },
        );
    }
    let joined = |lang: Lang, by: &str| {
        let words: Vec<&str> = parts.iter().map(|p| p.say(lang)).collect();
        words.join(by)
    };
    Said::new(joined(Lang::Fr, " ; "), joined(Lang::En, "; "))
}

/// `avant : …` / `before: …`.
fn before_words(said: Said) -> Said {
    said.map(|text, lang| match lang {
        Lang::Fr => format!("avant : {text}"),
        Lang::En => format!("before: {text}"),
    })
}
