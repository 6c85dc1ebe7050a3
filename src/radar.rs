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

/// `120, 130, 140`, or `120 à 140` for a run of a range.
fn written(below: &[u32], set: &Coefficients) -> String {
    match (set, below) {
        (Coefficients::Range(..), [first, .., last]) => format!("{first} à {last}"),
        _ => below
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}
