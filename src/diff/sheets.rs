//! The comparison as French offices open it: `diff --csv-fr` (the employees'
//! table) and `diff --format xlsx` (one sheet per table: the employees, the
//! totals, by job, by band). One row definition serves both: cells
//! ([`crate::report::xlsx::Cell`]) with French headers, names where people
//! read names; the shared writers (`report::csv_fr`, `report::xlsx`) write them.

use rust_decimal::Decimal;

use super::impact::{Group, Impact, Kind, Row, Side};
use super::output::ExplainRef;
use crate::catalogue::{Lang, Text};
use crate::model::RuleSet;
use crate::report::xlsx::{Cell, Names, Sheet};

/// The two rule sets, whose declared names the sheets show.
pub struct SideNames<'r> {
    pub before: Names<'r>,
    pub after: Names<'r>,
}

impl<'r> SideNames<'r> {
    pub fn new(base: &'r RuleSet, proposal: &'r RuleSet) -> Self {
        SideNames {
            before: Names { rules: Some(base) },
            after: Names {
                rules: Some(proposal),
            },
        }
    }
}

/// The employees' table: one row per record, in the order of `--format csv`'s
/// columns (names instead of ids for the job and the band).
pub const EMPLOYEE_HEADERS: [&str; 30] = [
    "Matricule",
    "Emploi",
    "Changement",
    "Emploi avant",
    "Tranche avant",
    "Coefficient avant",
    "Niveau avant",
    "Catégorie avant",
    "Statut avant",
    "Salaire minimum avant",
    "Emploi après",
    "Tranche après",
    "Coefficient après",
    "Niveau après",
    "Catégorie après",
    "Statut après",
    "Salaire minimum après",
    "Écart de coefficient",
    "Écart de salaire minimum",
    "Salaire",
    "Motif",
    "Position",
    "Emploi (identifiant)",
    "Emploi avant (identifiant)",
    "Emploi après (identifiant)",
    "Avant tiré des faits",
    "Pertes",
    "Cause",
    "Hausse de la paie",
    "Explication",
];

/// The sheets' names.
pub const EMPLOYEES: &str = "Salariés";
pub const TOTALS: &str = "Synthèse";
pub const BY_JOB: &str = "Par métier";
pub const BY_BAND: &str = "Par tranche";

/// The employees' headers, with two columns per scenario.
pub fn employee_headers(scenarios: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = EMPLOYEE_HEADERS.iter().map(|h| h.to_string()).collect();
    for name in scenarios {
        out.push(format!("{name} : coefficient"));
        out.push(format!("{name} : salaire minimum"));
    }
    out
}

/// A change, as a French reader says it.
pub fn change_fr(kind: Kind) -> &'static str {
    match kind {
        Kind::Up => "hausse",
        Kind::Down => "baisse",
        Kind::Same => "inchangé",
        Kind::OnlyBase => "base seulement",
        Kind::OnlyProposal => "proposition seulement",
        Kind::Rejected => "rejeté des deux côtés",
    }
}

/// What goes down, in French (`coefficient`, `level`, `status`, `minimum_salary`).
fn loss_fr(loss: &str) -> &str {
    match loss {
        "level" => "niveau",
        "status" => "statut",
        "minimum_salary" => "salaire minimum",
        other => other,
    }
}

fn side_cells(side: &Option<Side>, names: &Names) -> [Cell; 7] {
    match side {
        None => Default::default(),
        Some(s) => [
            Cell::Text(s.job_name.to_string()),
            Cell::Text(s.band_name.to_string()),
            Cell::Integer(i64::from(s.coefficient)),
            Cell::Integer(i64::from(s.level)),
            Cell::Text(names.category(s.category).to_string()),
            Cell::Text(names.status(s.status).to_string()),
            s.minimum_salary.map_or(Cell::Empty, Cell::Money),
        ],
    }
}

fn optional_text(value: Option<&str>) -> Cell {
    value
        .filter(|v| !v.is_empty())
        .map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
}

/// One record as a row of [`employee_headers`].
pub fn employee_cells(row: &Row, explain: &ExplainRef, names: &SideNames) -> Vec<Cell> {
    let id = row.id.as_deref().unwrap_or_default();
    let mut cells = vec![
        optional_text(Some(id)),
        optional_text(Some(&super::figures::job_name(row))),
        Cell::Text(change_fr(row.change).to_string()),
    ];
    cells.extend(side_cells(&row.before, &names.before));
    cells.extend(side_cells(&row.after, &names.after));
    let losses: Vec<&str> = row.losses.iter().map(|l| loss_fr(l)).collect();
    let explained = row.after.is_some() && !id.is_empty();
    cells.extend([
        row.coefficient_change.map_or(Cell::Empty, Cell::Integer),
        row.minimum_salary_change.map_or(Cell::Empty, Cell::Money),
        row.salary.map_or(Cell::Empty, Cell::Money),
        optional_text(row.reason_fr.as_deref()),
        Cell::Text(Text::Position(row.position).say(Lang::Fr)),
        optional_text(row.job),
        optional_text(row.before.as_ref().map(|s| s.job)),
        optional_text(row.after.as_ref().map(|s| s.job)),
        Cell::Text(if row.before_from_facts { "oui" } else { "non" }.to_string()),
        optional_text(Some(&losses.join(", "))),
        optional_text(row.cause.as_deref()),
        row.payroll_raise.map_or(Cell::Empty, Cell::Money),
        match explained {
            true => Cell::Text(super::figures::explain_command(
                explain.rules,
                explain.facts,
                explain.as_of,
                id,
            )),
            false => Cell::Empty,
        },
    ]);
    for s in &row.scenarios {
        cells.push(
            s.coefficient
                .map_or(Cell::Empty, |c| Cell::Integer(i64::from(c))),
        );
        cells.push(s.minimum_salary.map_or(Cell::Empty, Cell::Money));
    }
    cells
}

/// The totals: one line per figure, its value, monthly then annual amounts.
pub fn totals(i: &Impact) -> Sheet {
    let mut sheet = Sheet::new(TOTALS, &["Chiffre", "Valeur", "Par mois", "Par an"]);
    let count = |label: &str, n: usize| {
        vec![
            Cell::Text(label.to_string()),
            Cell::Integer(n as i64),
            Cell::Empty,
            Cell::Empty,
        ]
    };
    let amount = |label: &str, employees: usize, monthly: Decimal| {
        vec![
            Cell::Text(label.to_string()),
            Cell::Integer(employees as i64),
            Cell::Money(monthly),
            Cell::Money(monthly * Decimal::from(12)),
        ]
    };
    sheet.rows = vec![
        count("Enregistrements comparés", i.records),
        count("Décidés des deux côtés", i.decided_both()),
        count("Base seulement", i.changes.get(Kind::OnlyBase)),
        count("Proposition seulement", i.changes.get(Kind::OnlyProposal)),
        count("Rejetés des deux côtés", i.changes.get(Kind::Rejected)),
        count("En hausse", i.changes.get(Kind::Up)),
        count("En baisse", i.changes.get(Kind::Down)),
        count("Inchangés", i.changes.get(Kind::Same)),
        amount("Masse des minima, avant", i.mass.employees, i.mass.before),
        amount("Masse des minima, après", i.mass.employees, i.mass.after),
        amount(
            "Écart de la masse des minima",
            i.mass.employees,
            i.mass.difference(),
        ),
        amount(
            "Payés sous le minimum de la proposition (hausse de la paie)",
            i.below_new_minimum.employees,
            i.below_new_minimum.monthly,
        ),
        amount(
            "Payés sous le minimum de la base",
            i.below_old_minimum.employees,
            i.below_old_minimum.monthly,
        ),
    ];
    sheet
}

/// The aggregates of each job (`what`: "Emploi") or band ("Tranche").
pub fn groups<'a>(
    name: &str,
    what: &str,
    groups: impl IntoIterator<Item = (&'a Option<&'a str>, &'a Group<'a>)>,
) -> Sheet {
    let headers = [
        what,
        "Identifiant",
        "Effectif",
        "En hausse",
        "En baisse",
        "Coefficient moyen avant",
        "Coefficient moyen après",
        "Masse des minima avant (mois)",
        "Masse des minima après (mois)",
        "Écart (mois)",
        "Payés sous le nouveau minimum",
        "Hausse de la paie (mois)",
    ];
    let mut sheet = Sheet::new(name, &headers);
    let mean = |m: &super::impact::Mean| m.shown().map_or(Cell::Empty, Cell::Number);
    for (key, g) in groups {
        sheet.rows.push(vec![
            optional_text(Some(g.name).filter(|n| !n.is_empty()).or(*key)),
            optional_text(*key),
            Cell::Integer(g.headcount as i64),
            Cell::Integer(g.changes.get(Kind::Up) as i64),
            Cell::Integer(g.changes.get(Kind::Down) as i64),
            mean(&g.coefficient_before),
            mean(&g.coefficient_after),
            Cell::Money(g.mass.before),
            Cell::Money(g.mass.after),
            Cell::Money(g.mass.difference()),
            Cell::Integer(g.below_new_minimum.employees as i64),
            Cell::Money(g.below_new_minimum.monthly),
        ]);
    }
    sheet
}

/// Every sheet of `diff --format xlsx`: the employees' rows, then the totals,
/// by job and by band.
pub fn workbook_sheets(employees: Sheet, i: &Impact) -> Vec<Sheet> {
    vec![
        employees,
        totals(i),
        groups(BY_JOB, "Emploi", &i.by_job),
        groups(BY_BAND, "Tranche", &i.by_band),
    ]
}
