//! Explanations of single decisions: the trace in words, and "why not X?".
//!
//! The trace comes from the evaluator itself ([`crate::Evaluator::decide_traced`]);
//! this module only renders it ([`text`] for a person, in French or English; the
//! trace's own serialisation for tools) and answers what change of facts would
//! reach another classification, by re-evaluating varied facts under the same rules.

mod criteria;
mod facts;
mod grids;
pub mod json;
pub mod locale;
mod outcome;
mod phrases;
mod steps;
pub mod text;
pub mod versions;

use chrono::NaiveDate;
use serde::Serialize;

pub use locale::Lang;

use crate::calendar;
use crate::facts::{Record, Rejection};
use crate::model::{JobId, RuleSet};
use crate::names::normalize;
use crate::Evaluator;

/// What the employee asks to reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    Coefficient(u32),
    /// The lowest coefficient of a level.
    Level(u32),
    /// An experience band of the employee's job.
    Band(String),
    /// A position of a named grid, as the facts name one (`I.2`, `hcr I.2`).
    Position(String),
}

impl Target {
    /// `220`, `niveau 4` / `level 4`, a band id (`senior`) or a position
    /// (`hcr I.2`, see [`qualified_position`]; a single word is a band, or a
    /// position when the job has no such band: [`why_not`] decides); the
    /// error in French and English.
    pub fn parse(text: &str) -> Result<Target, crate::catalogue::Said> {
        let text = text.trim();
        if let Ok(c) = text.parse::<u32>() {
            return Ok(Target::Coefficient(c));
        }
        let level = ["niveau", "level"]
            .iter()
            .find_map(|w| text.strip_prefix(w));
        if let Some(n) = level.and_then(|rest| rest.trim().parse::<u32>().ok()) {
            return Ok(Target::Level(n));
        }
        let words = text.contains(char::is_whitespace);
        if words && qualified_position(text) && level.is_none() {
            return Ok(Target::Position(text.to_string()));
        }
        if text.is_empty() || words {
            return Err(crate::catalogue::Said::new(
                format!(
                    "`{text}` : donnez un coefficient (220), un niveau (`niveau 4`), une tranche (`senior`) ou une position (`hcr I.2`)"
                ),
                format!(
                    "`{text}`: give a coefficient (220), a level (`niveau 4`), a band (`senior`) or a position (`hcr I.2`)"
                ),
            ));
        }
        Ok(Target::Band(text.to_string()))
    }
}

/// `hcr I.2`, `ic 2.1`: a grid's id and a label with a digit or a dot, as
/// positions are numbered; other words stay an error of the request (`very
/// high`), told before any rule is read.
fn qualified_position(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(_grid), Some(label), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    label.contains(|c: char| c.is_ascii_digit() || c == '.')
}

/// The answer to "why not X?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhyNot {
    /// The target as asked.
    pub target: Target,
    /// The coefficient that reaches it (none for a band).
    pub coefficient_needed: Option<u32>,
    pub current: u32,
    /// The employee already has it.
    pub already: bool,
    /// Each change of facts that would reach it; empty: none does.
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum Route {
    /// A clock of the grids reaching its threshold, on a date (issue #22):
    /// `I.2` on 2025-06-03, at a year in the company.
    Clock {
        on: NaiveDate,
        coefficient: u32,
        /// The coefficient or position reached, as people read it (`I.2`, `115`).
        reached: String,
        /// `age`, `company`, `job` or `since`.
        clock: &'static str,
        /// The count reached, in English (`1 year`, `26 years`).
        at: String,
        #[serde(skip)]
        mark: crate::eval::ClockMark,
    },
    /// Experience alone, on a date.
    Experience {
        on: NaiveDate,
        band: String,
        coefficient: u32,
    },
    /// The lowest diploma that would suffice.
    Diploma {
        diploma: String,
        label: String,
        coefficient: u32,
    },
    /// A previous-sector coefficient of at least this.
    PreviousCoefficient { at_least: u32, coefficient: u32 },
}

/// What would have to change for `record` to reach `target` under the same
/// rules; why it cannot be told in French and English.
pub fn why_not(
    evaluator: &Evaluator,
    record: &Record,
    target: &Target,
) -> Result<WhyNot, crate::catalogue::Said> {
    use crate::catalogue::Said;
    let rules = evaluator.rules();
    let current = evaluator
        .decide(record)
        .map_err(|r| Said::new(r.french.to_string(), r.reason))?;
    let job = evaluator.job_or_reason(&record.job).map_err(|r| r.said())?;
    let scale = &rules.scales[rules.jobs[job].scale];
    let current_band = scale
        .bands
        .iter()
        .position(|b| b.id == current.band)
        .unwrap_or(0);
    let target = &as_position(evaluator, scale, target);
    let (needed, target_band) = match target {
        Target::Coefficient(c) => (Some(*c), None),
        Target::Level(n) => {
            let level = rules
                .levels
                .iter()
                .find(|l| l.number == *n)
                .ok_or_else(|| {
                    Said::new(
                        format!("les règles n'ont pas de niveau {n}"),
                        format!("the rules have no level {n}"),
                    )
                })?;
            (Some(level.coefficients.lowest()), None)
        }
        Target::Position(text) => (Some(position_key(evaluator, text)?), None),
        Target::Band(id) => {
            let b = scale
                .bands
                .iter()
                .position(|b| normalize(&b.id) == normalize(id))
                .ok_or_else(|| {
                    let ids: Vec<&str> = scale.bands.iter().map(|b| b.id.as_str()).collect();
                    let (job, ids) = (&rules.jobs[job].id, ids.join(", "));
                    Said::new(
                        format!(
                            "le métier `{job}` n'a pas de tranche `{id}` ; ses tranches sont {ids}"
                        ),
                        format!("the job `{job}` has no band `{id}`; its bands are {ids}"),
                    )
                })?;
            (None, Some(b))
        }
    };
    let already = match (needed, target_band) {
        (Some(c), _) => current.coefficient >= c,
        (None, Some(b)) => current_band >= b,
        (None, None) => false,
    };
    let mut answer = WhyNot {
        target: target.clone(),
        coefficient_needed: needed,
        current: current.coefficient,
        already,
        routes: Vec::new(),
    };
    if already {
        return Ok(answer);
    }
    let reaches = |coefficient: u32, band: usize| match (needed, target_band) {
        (Some(c), _) => coefficient >= c,
        (_, Some(b)) => band >= b,
        _ => false,
    };
    if let Some(route) = by_experience(evaluator, record, job, current_band, &reaches) {
        answer.routes.push(route);
    }
    if needed.is_some() {
        answer
            .routes
            .extend(by_diploma(evaluator, record, &reaches));
        answer
            .routes
            .extend(by_previous_coefficient(evaluator, record, &reaches));
    }
    Ok(answer)
}

/// A single word that is no band of the job but a position of the grids is
/// the position (`--why-not I.2`).
fn as_position(evaluator: &Evaluator, scale: &crate::model::Scale, target: &Target) -> Target {
    match target {
        Target::Band(id)
            if !scale
                .bands
                .iter()
                .any(|b| normalize(&b.id) == normalize(id))
                && !evaluator.rules().grids.is_empty() =>
        {
            Target::Position(id.clone())
        }
        other => other.clone(),
    }
}

/// The key a position target needs: the lowest of its keys (a position whose
/// coefficient a test chooses is reached with the lower one).
fn position_key(evaluator: &Evaluator, text: &str) -> Result<u32, crate::catalogue::Said> {
    let grids = &evaluator.rules().grids;
    if grids.is_empty() {
        return Err(crate::catalogue::Said::new(
            format!("`{text}` : les règles n'ont pas de grille nommée ; donnez un coefficient (220), un niveau (`niveau 4`) ou une tranche (`senior`)"),
            format!("`{text}`: the rules have no named grid; give a coefficient (220), a level (`niveau 4`) or a band (`senior`)"),
        ));
    }
    let id = grids.resolve(text, evaluator.as_of()).map_err(|e| {
        let (en, fr) = e.reason();
        crate::catalogue::Said::new(fr, en)
    })?;
    Ok(grids.positions[id].keys().min().unwrap_or(0))
}

/// The first day after the evaluation date on which time alone reaches the
/// target: a band boundary, or a next step of the decisions (which include a
/// time-limited coefficient running out, a rise on no band boundary, and a
/// clock of the grids reaching its threshold).
fn by_experience(
    evaluator: &Evaluator,
    record: &Record,
    job: JobId,
    current_band: usize,
    reaches: &dyn Fn(u32, usize) -> bool,
) -> Option<Route> {
    let rules = evaluator.rules();
    let scale = &rules.scales[rules.jobs[job].scale];
    let mut days: Vec<NaiveDate> = scale
        .bands
        .iter()
        .skip(current_band + 1)
        .map_while(|band| {
            let months = band.from_months.checked_sub(record.prior_job_months)?;
            calendar::add_months(record.job_since, months)
        })
        .collect();
    // The chain of next steps: each is decided on its day, and gives the next.
    let next_day = |e: &Evaluator| {
        e.decide(record)
            .ok()
            .and_then(|d| d.next_step.map(|s| (s.on, s.clock.map(|c| *c))))
    };
    // The days a clock of the grids gives a step, with the clock (issue #22).
    let mut clocks: Vec<(NaiveDate, crate::eval::ClockMark)> = Vec::new();
    let mut step = next_day(evaluator);
    for _ in 0..NEXT_STEPS_FOLLOWED {
        let Some((on, clock)) = step else {
            break;
        };
        days.push(on);
        clocks.extend(clock.map(|c| (on, c)));
        step = next_day(&Evaluator::new(rules, on));
    }
    days.sort();
    days.dedup();
    days.into_iter().find_map(|on| {
        let later = Evaluator::new(rules, on);
        let decision = later.decide(record).ok()?;
        let band = scale.bands.iter().position(|b| b.id == decision.band)?;
        if !reaches(decision.coefficient, band) {
            return None;
        }
        if let Some(&(_, mark)) = clocks.iter().find(|(day, _)| *day == on) {
            return Some(clock_route(&decision, on, mark));
        }
        Some(Route::Experience {
            on,
            band: decision.band.to_string(),
            coefficient: decision.coefficient,
        })
    })
}

/// The route of a clock reaching its threshold on `on`, to `decision`.
fn clock_route(
    decision: &crate::eval::Decision,
    on: NaiveDate,
    mark: crate::eval::ClockMark,
) -> Route {
    let reached = match decision.place {
        Some(p) if !p.coefficients => p.position.clone(),
        _ => decision.coefficient.to_string(),
    };
    Route::Clock {
        on,
        coefficient: decision.coefficient,
        reached,
        clock: mark.clock.key(),
        at: crate::eval::duration_words(mark.reached, false),
        mark,
    }
}

/// How many successive next steps "why not" follows: more than any grid has rises.
const NEXT_STEPS_FOLLOWED: usize = 64;

fn by_diploma(
    evaluator: &Evaluator,
    record: &Record,
    reaches: &dyn Fn(u32, usize) -> bool,
) -> Option<Route> {
    let rules = evaluator.rules();
    let mut diplomas: Vec<_> = rules
        .diplomas
        .iter()
        .filter(|d| d.floor.is_some())
        .collect();
    diplomas.sort_by_key(|d| d.floor);
    diplomas.into_iter().find_map(|d| {
        let varied = Record {
            diploma: Some(d.id.clone()),
            ..record.clone()
        };
        let decision = evaluator.decide(&varied).ok()?;
        reaches(decision.coefficient, 0).then(|| Route::Diploma {
            diploma: d.id.clone(),
            label: d.label.clone(),
            coefficient: decision.coefficient,
        })
    })
}

fn by_previous_coefficient(
    evaluator: &Evaluator,
    record: &Record,
    reaches: &dyn Fn(u32, usize) -> bool,
) -> Option<Route> {
    let rules = evaluator.rules();
    if !rules.has_floor(crate::model::FloorKind::PreviousCoefficient) {
        return None;
    }
    grid_coefficients(rules).find_map(|c| {
        let varied = Record {
            previous_sector_coefficient: Some(c),
            ..record.clone()
        };
        let decision = evaluator.decide(&varied).ok()?;
        reaches(decision.coefficient, 0).then_some(Route::PreviousCoefficient {
            at_least: c,
            coefficient: decision.coefficient,
        })
    })
}

/// Every allowed coefficient of the grid, ascending.
fn grid_coefficients(rules: &RuleSet) -> impl Iterator<Item = u32> + '_ {
    rules.levels.iter().flat_map(|l| match &l.coefficients {
        crate::model::Coefficients::Range(low, high) => (*low..=*high).collect::<Vec<_>>(),
        crate::model::Coefficients::List(list) => list.clone(),
    })
}

/// The ids of the file closest to an unknown one, for the error message.
pub fn closest_ids<'a>(wanted: &str, ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    crate::names::closest(wanted, ids)
}

/// When more records than `first` bear `id`: a note that the first is
/// explained, and where the others are (rejected as duplicates when the facts
/// were read), in English (the JSON API's `facts_warnings`).
pub fn duplicates<'a>(
    id: &str,
    first: &Result<Record, Rejection>,
    others: impl Iterator<Item = &'a Result<Record, Rejection>>,
) -> Option<String> {
    duplicates_said(id, first, others).map(|said| said.en)
}

/// [`duplicates`] in French and English.
pub fn duplicates_said<'a>(
    id: &str,
    first: &Result<Record, Rejection>,
    others: impl Iterator<Item = &'a Result<Record, Rejection>>,
) -> Option<crate::catalogue::Said> {
    let position = |r: &Result<Record, Rejection>| match r {
        Ok(record) => record.position,
        Err(rejection) => rejection.position,
    };
    const LISTED: usize = 5;
    let mut count = 0;
    let mut listed = Vec::new();
    for other in others {
        count += 1;
        if count <= LISTED {
            listed.push(position(other));
        }
    }
    if count == 0 {
        return None;
    }
    let list = |lang: Lang| {
        let mut words: Vec<String> = listed
            .iter()
            .map(|p| crate::catalogue::Text::Position(*p).say(lang))
            .collect();
        if count > LISTED {
            words.push("…".to_string());
        }
        words.join(", ")
    };
    let first = position(first);
    Some(crate::catalogue::Said::new(
        format!(
            "{} enregistrements ont le matricule `{id}` : le premier est expliqué ({}) ; \
             les autres ({}) sont rejetés comme doublons",
            count + 1,
            crate::catalogue::Text::Position(first).say(Lang::Fr),
            list(Lang::Fr)
        ),
        format!(
            "{} records have the id `{id}`: explaining the first ({first}); \
             the others ({}) are rejected as duplicates",
            count + 1,
            list(Lang::En)
        ),
    ))
}
