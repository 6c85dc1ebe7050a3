//! The levels of a grid whose minimum falls below the SMIC on a day: what the
//! law overtakes (READING §11). `grille check --as-of DATE` reports them.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Kind, Report};
use crate::eval::Evaluator;
use crate::model::{Coefficients, RuleSet};

/// `reports` (one per file of `rules`, as loading gives them) with a warning
/// per level below the law's minimum on `day`, each in the report of the file
/// that declares the level: what `grille check --as-of` shows.
pub fn with_below_legal_minimum(
    rules: &RuleSet,
    mut reports: Vec<Report>,
    day: NaiveDate,
) -> Vec<Report> {
    let found = below_legal_minimum(rules, day);
    for extra in rules.sources.reports(found) {
        match reports.iter_mut().find(|r| r.file.name == extra.file.name) {
            Some(report) => report.diagnostics.extend(extra.diagnostics),
            None => reports.push(extra),
        }
    }
    reports
}

/// One warning per level with coefficients whose full-time minimum is below
/// the law's on `day`, at the level's declaration.
pub fn below_legal_minimum(rules: &RuleSet, day: NaiveDate) -> Vec<Diagnostic> {
    if rules.legal_minimum.is_none() {
        return Vec::new();
    }
    let evaluator = Evaluator::new(rules, day);
    let mut out = Vec::new();
    for level in &rules.levels {
        let below: Vec<(u32, rust_decimal::Decimal, rust_decimal::Decimal)> =
            coefficients(&level.coefficients)
                .filter_map(|c| {
                    let m = evaluator.reference_minimum(c)?;
                    let (agreement, law) = (m.agreement_side()?, m.law?);
                    (agreement < law).then_some((c, agreement, law))
                })
                .collect();
        let (Some(first), Some(last)) = (below.first(), below.last()) else {
            continue;
        };
        let kind = Kind::BelowLegalMinimum {
            level: level.number,
            coefficients: written(
                rules,
                &below.iter().map(|b| b.0).collect::<Vec<_>>(),
                &level.coefficients,
            ),
            lowest: below.iter().map(|b| b.1).min().unwrap_or(first.1),
            highest: below.iter().map(|b| b.1).max().unwrap_or(last.1),
            law: last.2,
            day,
        };
        out.push(kind.at(level.origin.span));
    }
    out
}

fn coefficients(set: &Coefficients) -> Box<dyn Iterator<Item = u32> + '_> {
    match set {
        Coefficients::Range(low, high) => Box::new(*low..=*high),
        Coefficients::List(list) => Box::new(list.iter().copied()),
    }
}

/// `coefficients 120, 130, 140`, or `coefficients 120 à 140` for a run of a
/// range; `position I.1` for the ranks of a grid without coefficients.
fn written(rules: &RuleSet, below: &[u32], set: &Coefficients) -> String {
    let positions = rank_labels(rules, below);
    if !positions.is_empty() {
        return keys_words(below, &positions);
    }
    let numbers = match (set, below) {
        (Coefficients::Range(..), [first, .., last]) => format!("{first} à {last}"),
        _ => below
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("coefficients {numbers}")
}

/// A stretch of days on which a coefficient's minimum was below the SMIC:
/// from `from` to the day before `until` (`None`: still below on the last day
/// looked at).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// The coefficients of one level that share the same periods below the SMIC.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stretch {
    pub coefficients: Vec<u32>,
    /// On a grid without coefficients (issue #22), the positions those
    /// "coefficients" rank (`I.1`, `I.2`): what people read instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<String>,
    pub periods: Vec<Period>,
}

/// One level of the grid and when its minimum was below the SMIC.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LevelPeriods {
    pub level: u32,
    /// `file:line` of the level's declaration.
    pub place: String,
    /// Empty: never below over the days looked at.
    pub stretches: Vec<Stretch>,
    /// On a grid without coefficients, the positions the level's ranks are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<String>,
    /// The level's grid, when the rule set has several (Syntec's ETAM and
    /// IC both have a level 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<String>,
    /// The coefficients below the SMIC on the last day looked at.
    pub below_on_last_day: Vec<u32>,
}

/// A rule set's levels and when each was below the law's minimum (the SMIC),
/// from the first day the rule set dates a value: what `grille check --radar`
/// shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Radar {
    /// The first day looked at: the first day a parameter has a value.
    pub since: NaiveDate,
    /// The last day looked at.
    pub until: NaiveDate,
    /// Every level of the grid, in the grid's order.
    pub levels: Vec<LevelPeriods>,
}

impl Radar {
    /// The levels from the first dated day to `until`; `None` when the rule
    /// set does not stand under the law (or dates no value).
    pub fn of(rules: &RuleSet, until: NaiveDate) -> Option<Radar> {
        rules.legal_minimum.as_ref()?;
        let since = first_dated_day(rules)?;
        let levels = periods_below_legal_minimum(rules, since, until);
        Some(Radar {
            since,
            until,
            levels,
        })
    }
}

impl LevelPeriods {
    /// The level in one line, in French: `niveau N : coefficients … : sous le
    /// SMIC du … au …, depuis le …`.
    pub fn line(&self) -> String {
        level_line(self)
    }
}

/// For a rule set under the law, each level's periods below the SMIC from
/// `since` to `until`, from the dated values: a minimum can only cross the
/// SMIC on a day some parameter (the agreement's or the law's) takes a new
/// value, so the grid is worked out on those days only. Empty without the law.
pub fn periods_below_legal_minimum(
    rules: &RuleSet,
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<LevelPeriods> {
    if rules.legal_minimum.is_none() || until < since {
        return Vec::new();
    }
    let days = change_days(rules, since, until);
    // below[d][l][k]: coefficient k of level l is below the SMIC from day d on.
    let below: Vec<Vec<Vec<bool>>> = days
        .iter()
        .map(|day| {
            let evaluator = Evaluator::new(rules, *day);
            let is_below = |c: u32| {
                evaluator.reference_minimum(c).is_some_and(
                    |m| matches!((m.agreement_side(), m.law), (Some(a), Some(l)) if a < l),
                )
            };
            let levels = rules.levels.iter();
            levels
                .map(|level| coefficients(&level.coefficients).map(is_below).collect())
                .collect()
        })
        .collect();
    rules
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| {
            let all: Vec<u32> = coefficients(&level.coefficients).collect();
            let per_coefficient: Vec<Vec<Period>> = (0..all.len())
                .map(|k| periods(&days, |d| below[d][l][k]))
                .collect();
            let last = below.last().map(|b| &b[l]);
            LevelPeriods {
                level: level.number,
                place: rules.place(level.origin.span).to_string(),
                stretches: stretches(&all, &per_coefficient)
                    .into_iter()
                    .map(|s| s.with_positions(rules))
                    .collect(),
                positions: rank_labels(rules, &all),
                grid: grid_of(rules, level),
                below_on_last_day: all
                    .iter()
                    .zip(last.into_iter().flatten())
                    .filter_map(|(c, b)| b.then_some(*c))
                    .collect(),
            }
        })
        .collect()
}

/// `since`, and every later day up to `until` on which a parameter or a table
/// takes a value (durations aside: no minimum is a duration).
fn change_days(rules: &RuleSet, since: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let params = rules
        .params
        .iter()
        .filter(|p| p.ty != crate::model::Type::Duration);
    let mut days: Vec<NaiveDate> = params
        .flat_map(|p| p.values.iter().map(|(day, _)| *day))
        .chain(
            rules
                .tables
                .iter()
                .flat_map(|t| t.versions.iter().map(|(day, _)| *day)),
        )
        .filter(|day| *day > since && *day <= until)
        .collect();
    days.push(since);
    days.sort();
    days.dedup();
    days
}

fn periods(days: &[NaiveDate], below: impl Fn(usize) -> bool) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    let mut open: Option<NaiveDate> = None;
    for (d, day) in days.iter().enumerate() {
        match (open, below(d)) {
            (None, true) => open = Some(*day),
            (Some(from), false) => {
                out.push(Period {
                    from,
                    until: Some(*day),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        out.push(Period { from, until: None });
    }
    out
}

impl Stretch {
    fn with_positions(mut self, rules: &RuleSet) -> Stretch {
        self.positions = rank_labels(rules, &self.coefficients);
        self
    }
}

/// The labels of `coefficients` when every one is a rank (a grid without
/// coefficients), else none.
fn rank_labels(rules: &RuleSet, coefficients: &[u32]) -> Vec<String> {
    let labels: Option<Vec<String>> = coefficients
        .iter()
        .map(|c| rules.grids.rank_label(*c).map(str::to_string))
        .collect();
    labels.unwrap_or_default()
}

/// The grid of a level, when the rule set has two grids or more: the grid of
/// the position the level was made from (the same declaration).
fn grid_of(rules: &RuleSet, level: &crate::model::Level) -> Option<String> {
    let grids = &rules.grids;
    if grids.grids.len() < 2 {
        return None;
    }
    let position = grids
        .positions
        .iter()
        .find(|p| p.origin.span == level.origin.span)?;
    Some(grids.grids[position.grid].id.clone())
}

/// `coefficient 120`, `coefficients 120 à 140`, `position I.1`, `positions I.1, I.2`.
fn keys_words(coefficients: &[u32], positions: &[String]) -> String {
    match positions {
        [] => runs(coefficients),
        [one] => format!("position {one}"),
        many => format!("positions {}", many.join(", ")),
    }
}

/// Coefficients grouped by identical periods, those never below left out.
fn stretches(all: &[u32], periods: &[Vec<Period>]) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    for (c, p) in all.iter().zip(periods) {
        if p.is_empty() {
            continue;
        }
        match out.iter_mut().find(|s| &s.periods == p) {
            Some(s) => s.coefficients.push(*c),
            None => out.push(Stretch {
                coefficients: vec![*c],
                positions: Vec::new(),
                periods: p.clone(),
            }),
        }
    }
    out
}

/// `niveau 1 (120, 130, 140) : sous le SMIC du 2008-05-01 au 2008-06-30, depuis le 2024-01-01`.
pub fn level_line(level: &LevelPeriods) -> String {
    let name = match &level.grid {
        Some(grid) => format!("niveau {} de la grille {grid}", level.level),
        None => format!("niveau {}", level.level),
    };
    if level.stretches.is_empty() {
        return match level.positions.as_slice() {
            [] => format!("{name} : jamais sous le SMIC"),
            positions => format!("{name} : {} : jamais sous le SMIC", keys_words(&[], positions)),
        };
    }
    let parts: Vec<String> = level
        .stretches
        .iter()
        .map(|s| {
            let periods: Vec<String> = s.periods.iter().map(period_words).collect();
            format!(
                "{} : sous le SMIC {}",
                keys_words(&s.coefficients, &s.positions),
                periods.join(", ")
            )
        })
        .collect();
    format!("{name} : {}", parts.join(" ; "))
}

/// `du 2008-05-01 au 2008-06-30` (the last day below), `depuis le 2024-01-01`.
fn period_words(p: &Period) -> String {
    match p.until {
        Some(until) => {
            let last = until.pred_opt().unwrap_or(until);
            format!("du {} au {last}", p.from)
        }
        None => format!("depuis le {}", p.from),
    }
}

/// The first day any parameter of the rule set has a value: where a radar starts.
pub fn first_dated_day(rules: &RuleSet) -> Option<NaiveDate> {
    rules
        .params
        .iter()
        .filter_map(|p| p.values.first().map(|(day, _)| *day))
        .min()
}

/// `120 à 140`, `130, 140`, `150, 170 à 190`: runs of consecutive
/// coefficients (a range level) written as ranges.
fn runs(coefficients: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < coefficients.len() {
        let mut j = i;
        while j + 1 < coefficients.len() && coefficients[j + 1] == coefficients[j] + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => coefficients[i].to_string(),
            1 => format!("{}, {}", coefficients[i], coefficients[j]),
            _ => format!("{} à {}", coefficients[i], coefficients[j]),
        });
        i = j + 1;
    }
    let word = if coefficients.len() == 1 {
        "coefficient"
    } else {
        "coefficients"
    };
    format!("{word} {}", parts.join(", "))
}
