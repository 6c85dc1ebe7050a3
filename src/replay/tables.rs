//! A replay as French spreadsheets take it: the rows of the `csv` format (one
//! per employee-month, then a totals row per employee), as cells
//! ([`crate::report::xlsx::Cell`]: numbers as numbers, amounts as amounts)
//! for `--format xlsx`, and written with `;`, decimal commas and dates day
//! first for `--csv-fr` (the shared writers of [`crate::report::csv_fr`]).

use rust_decimal::Decimal;

use super::names::{band_name, job_name};
use super::{MonthOwed, Replay};
use crate::model::RuleSet;
use crate::report::csv_fr;
use crate::report::xlsx::Cell;

/// The columns of the `csv` format, in its order, in French.
pub const HEADERS: [&str; 17] = [
    "Matricule",
    "Ligne",
    "Mois",
    "Emploi",
    "Tranche",
    "Coefficient dû",
    "Coefficient payé",
    "Minimum retenu",
    "Dû",
    "Payé",
    "Manque",
    "Réclamable",
    "Prescrit",
    "Mois sans bulletin",
    "Indemnité de congés payés",
    "Segments",
    "Avertissements",
];

/// The workbook's sheet of the months.
pub const SHEET: &str = "Rappel de salaire";

/// The rows of one employee, as cells: jobs and bands by their names in
/// `rules`, by their ids without them (the French CSV keeps the ids, as
/// `eval --csv-fr` does).
pub fn rows(r: &Replay, rules: Option<&RuleSet>) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = r.months.iter().map(|m| month_row(r, m, rules)).collect();
    rows.push(totals_row(r));
    rows
}

fn month_row(r: &Replay, m: &MonthOwed, rules: Option<&RuleSet>) -> Vec<Cell> {
    let last = m.segments.last();
    let (job, band) = match (last, rules) {
        (Some(s), Some(rules)) => (
            Cell::Text(job_name(rules, s.job).to_string()),
            Cell::Text(band_name(rules, s.job, s.band).to_string()),
        ),
        (Some(s), None) => (
            Cell::Text(s.job.to_string()),
            Cell::Text(s.band.to_string()),
        ),
        (None, _) => (Cell::Empty, Cell::Empty),
    };
    let unknown = m.paid.is_none() && m.employed;
    let notes: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.month == Some(m.month))
        .map(|w| w.fr.as_str())
        .collect();
    vec![
        Cell::Text(r.id.clone()),
        Cell::Text("mois".to_string()),
        Cell::Text(crate::catalogue::month(m.month, crate::catalogue::Lang::Fr)),
        job,
        band,
        last.map_or(Cell::Empty, |s| Cell::Integer(s.coefficient.into())),
        m.paid_coefficient
            .map_or(Cell::Empty, |c| Cell::Integer(c.into())),
        last.and_then(|s| s.winner)
            .map_or(Cell::Empty, |w| Cell::Text(winner_fr(w).to_string())),
        Cell::Money(m.owed),
        money(m.paid),
        money(m.shortfall),
        money(m.shortfall.filter(|_| m.claimable)),
        money(m.shortfall.filter(|_| !m.claimable)),
        Cell::Integer(i64::from(unknown)),
        Cell::Empty,
        Cell::Text(segments(m)),
        Cell::Text(notes.join(" | ")),
    ]
}

/// `from to coefficient minimum` of each segment, as a French reader writes them.
fn segments(m: &MonthOwed) -> String {
    let mut out = Vec::new();
    for (i, s) in m.segments.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b" | ");
        }
        csv_fr::date(&mut out, s.from);
        out.push(b' ');
        csv_fr::date(&mut out, s.to);
        out.extend_from_slice(format!(" {} ", s.coefficient).as_bytes());
        csv_fr::money(&mut out, s.minimum);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The totals of an employee: each amount column adds up its month rows
/// (`Dû` and `Payé` over the months with a payslip, as in the `csv` format).
fn totals_row(r: &Replay) -> Vec<Cell> {
    let t = &r.totals;
    let known = r.months.iter().filter(|m| m.paid.is_some());
    let owed: Decimal = known.clone().map(|m| m.owed).sum();
    let paid: Decimal = known.filter_map(|m| m.paid).sum();
    let general: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.month.is_none())
        .map(|w| w.fr.as_str())
        .collect();
    let mut row = vec![Cell::Text(r.id.clone()), Cell::Text("total".to_string())];
    row.extend(std::iter::repeat_n(Cell::Empty, 6));
    row.extend([owed, paid, t.shortfall, t.claimable, t.prescribed].map(Cell::Money));
    row.extend([
        Cell::Integer(i64::try_from(t.unknown_months).unwrap_or(i64::MAX)),
        Cell::Money(t.paid_leave),
        Cell::Empty,
        Cell::Text(general.join(" | ")),
    ]);
    row
}

/// The layer whose minimum won, as the French columns name it (`loi`,
/// `convention`, `entreprise`); the JSON keeps the contract's id.
fn winner_fr(id: &str) -> &str {
    match id {
        "law" => "loi",
        "agreement" => "convention",
        "company" => "entreprise",
        other => other,
    }
}

fn money(value: Option<Decimal>) -> Cell {
    value.map_or(Cell::Empty, Cell::Money)
}

/// One employee's rows in the French CSV (without the header:
/// [`csv_fr::header`] of [`HEADERS`] starts the file).
pub fn csv_fr(r: &Replay, out: &mut Vec<u8>) {
    for row in rows(r, None) {
        csv_fr::cells_row(out, &row);
    }
}
