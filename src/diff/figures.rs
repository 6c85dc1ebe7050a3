//! The figures a negotiator takes into the room, as rows of tables shared by
//! the terminal summary and the HTML report: every headline with the
//! population it counts, the costs (minima owed, payroll, an estimate of
//! employer contributions), the losers with their cause, the scenarios.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::impact::{Impact, Kind, Row, Side};
use super::text::{employees, money, signed_money};
use super::RulesInfo;
use crate::explain::locale::{self, Lang};

/// What the costs count beyond the minima: an employer contribution rate
/// (`--set-cost taux_charges=0.42`), an estimate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Costs {
    pub charges_rate: Option<Decimal>,
}

impl Costs {
    /// `--set-cost NAME=VALUE`: `taux_charges`, a rate between 0 and 2.
    pub fn set(&mut self, setting: &str) -> Result<(), String> {
        let hint =
            "write --set-cost taux_charges=0.42 (employer contributions, a rate of the gross)";
        let Some((name, value)) = setting.split_once('=') else {
            return Err(format!("`--set-cost {setting}`: {hint}"));
        };
        if name.trim() != "taux_charges" {
            return Err(format!(
                "`--set-cost {setting}`: unknown cost `{}`: {hint}",
                name.trim()
            ));
        }
        let rate: Decimal = value.trim().parse().map_err(|_| {
            format!(
                "`--set-cost {setting}`: `{}` is not a number: {hint}",
                value.trim()
            )
        })?;
        if rate < Decimal::ZERO || rate > Decimal::TWO {
            return Err(format!(
                "`--set-cost {setting}`: a rate between 0 and 2 (0.42 for 42 %): {hint}"
            ));
        }
        self.charges_rate = Some(rate);
        Ok(())
    }
}

/// Everything a report of a workforce comparison reads.
pub struct Context<'a> {
    pub base: &'a RulesInfo,
    pub proposal: &'a RulesInfo,
    pub as_of: NaiveDate,
    pub facts: &'a str,
    pub impact: &'a Impact<'a>,
    pub costs: Costs,
    /// The SMIC radar of each side under the law (base first).
    pub radar: Vec<SideRadar>,
}

/// One side's levels and their periods below the SMIC, up to the evaluation date.
#[derive(Debug, Clone)]
pub struct SideRadar {
    /// 0: the base, 1: the proposal.
    pub side: usize,
    pub file: String,
    pub since: NaiveDate,
    pub levels: Vec<crate::LevelPeriods>,
}

impl SideRadar {
    /// `None` when the rule set does not stand under the law.
    pub fn of(side: usize, rules: &crate::RuleSet, as_of: NaiveDate) -> Option<Self> {
        let radar = crate::Radar::of(rules, as_of)?;
        Some(SideRadar {
            side,
            file: rules.file().name.to_string(),
            since: radar.since,
            levels: radar.levels,
        })
    }

    /// The employees of the workforce at a coefficient below the SMIC on the
    /// evaluation date, under this side (the SMIC is what they are owed).
    pub fn concerned(&self, i: &Impact) -> usize {
        self.levels
            .iter()
            .flat_map(|l| &l.below_on_last_day)
            .filter_map(|c| i.distribution.get(c))
            .map(|counts| counts[self.side])
            .sum()
    }

    /// One line per level with a period below the SMIC, and who it concerns.
    pub fn lines(&self, i: &Impact, as_of: NaiveDate) -> Vec<String> {
        let role = ["base", "proposition"][self.side.min(1)];
        let mut out = vec![format!(
            "{role} ({}) : du {} au {as_of}",
            self.file, self.since
        )];
        for level in self.levels.iter().filter(|l| !l.stretches.is_empty()) {
            let n: usize = level
                .below_on_last_day
                .iter()
                .filter_map(|c| i.distribution.get(c))
                .map(|counts| counts[self.side])
                .sum();
            out.push(format!(
                "  {} [{}] ; au {as_of} : {}",
                level.line(),
                level.place,
                employees(n)
            ));
        }
        if out.len() == 1 {
            out.push("  aucun niveau sous le SMIC".to_string());
        }
        out
    }
}

impl Context<'_> {
    /// The command that explains an employee's decision in full, under the proposal.
    pub fn explain(&self, id: &str) -> String {
        explain_command(&self.proposal.file, self.facts, self.as_of, id)
    }
}

/// `grille explain RULES FACTS --id ID --as-of DATE`: the full explanation of
/// one decision, the reference a report gives for each change.
pub fn explain_command(rules: &str, facts: &str, as_of: NaiveDate, id: &str) -> String {
    format!("grille explain {rules} {facts} --id {id} --as-of {as_of}")
}

/// `44 salariés décidés des deux côtés ; 16 décidés par la proposition seule,
/// comptés à part`: who a headline counts, and who it leaves out.
pub fn population(i: &Impact) -> String {
    let both = i.decided_both();
    let mut out = format!("{} décidés des deux côtés", employees(both));
    if i.before_from_facts > 0 {
        out.push_str(&format!(
            " ; {} rejetés par la base, comparés à leur coefficient appliqué (faits, --base-from-facts)",
            i.before_from_facts
        ));
    }
    for kind in [Kind::OnlyProposal, Kind::OnlyBase, Kind::Rejected] {
        let n = i.changes.get(kind)
            - if kind == Kind::OnlyProposal {
                i.before_from_facts
            } else {
                0
            };
        if n > 0 {
            out.push_str(&format!(
                " ; {n} {}, comptés à part",
                super::text::kind_label(kind)
            ));
        }
    }
    out
}

fn per_year(monthly: Decimal) -> Decimal {
    monthly * Decimal::from(12)
}

/// The costs, per month and per year, each with its population: (a) the change
/// of the minima owed, (b) the raises payroll needs, (c) their employer
/// contributions when a rate is given (an estimate).
pub fn cost_rows(i: &Impact, costs: Costs) -> Vec<Vec<String>> {
    let compared = employees(i.mass.employees);
    let raise = &i.below_new_minimum;
    let mut rows = vec![
        vec![
            "(a) écart des minima dus".to_string(),
            signed_money(i.mass.difference()),
            signed_money(per_year(i.mass.difference())),
            format!("{compared} comparés"),
        ],
        vec![
            "(b) hausse de paie pour atteindre le nouveau minimum".to_string(),
            money(raise.monthly),
            money(per_year(raise.monthly)),
            format!(
                "{} sous le nouveau minimum, sur {} au salaire connu",
                employees(raise.employees),
                employees(i.with_salary)
            ),
        ],
    ];
    if let Some(rate) = costs.charges_rate {
        let rate_text = locale::number(rate * Decimal::ONE_HUNDRED, Lang::Fr);
        for (what, monthly) in [("(a)", i.mass.difference()), ("(b)", raise.monthly)] {
            let charges = super::estimate::on_total(monthly, rate);
            rows.push(vec![
                format!(
                    "(c) estimation des charges patronales sur {what}, au taux de {rate_text} %"
                ),
                signed_money(charges),
                signed_money(per_year(charges)),
                "estimation (--set-cost taux_charges)".to_string(),
            ]);
        }
    }
    rows
}

pub const COST_HEADERS: [&str; 4] = ["", "par mois", "par an", "population"];

fn coefficient(side: &Option<Side>) -> String {
    side.as_ref()
        .map_or_else(|| "—".to_string(), Side::key_words)
}

fn minimum(side: &Option<Side>) -> String {
    side.as_ref()
        .and_then(|s| s.minimum_salary)
        .map_or_else(|| "—".to_string(), money)
}

/// `Conseiller clientèle`: the job as the rule file names it.
pub fn job_name(row: &Row) -> String {
    let side = row.after.as_ref().or(row.before.as_ref());
    side.map(|s| s.job_name.to_string()).unwrap_or_default()
}

/// `300 → 280` (an "avant" from the facts is marked `(faits)`).
pub fn coefficients(row: &Row) -> String {
    let marked = if row.before_from_facts {
        " (faits)"
    } else {
        ""
    };
    format!(
        "{}{marked} → {}",
        coefficient(&row.before),
        coefficient(&row.after)
    )
}

pub fn minima(row: &Row) -> String {
    format!("{} → {}", minimum(&row.before), minimum(&row.after))
}

/// The columns of a list of changes: losers, largest changes.
pub const CHANGE_HEADERS: [&str; 7] = [
    "id",
    "métier",
    "coefficient",
    "salaire minimum",
    "écart/mois",
    "perd",
    "cause",
];
pub const CHANGE_NUMERIC: [bool; 7] = [false, false, false, true, true, false, false];

pub fn change_row(row: &Row) -> Vec<String> {
    let lost: Vec<&str> = row
        .losses
        .iter()
        .map(|l| match *l {
            "coefficient" => "coefficient",
            "level" => "niveau",
            "status" => "statut",
            _ => "minimum",
        })
        .collect();
    vec![
        row.id.clone().unwrap_or_else(|| row.position.to_string()),
        job_name(row),
        coefficients(row),
        minima(row),
        row.minimum_salary_change
            .map(signed_money)
            .unwrap_or_default(),
        lost.join(", "),
        row.cause.clone().unwrap_or_default(),
    ]
}

/// The scenario table: a column for the proposal as given, then one per scenario.
pub fn scenario_table(i: &Impact) -> (Vec<String>, Vec<Vec<String>>) {
    let mut headers = vec![String::new(), "proposition".to_string()];
    headers.extend(i.scenarios.iter().map(|s| s.name.to_string()));
    let proposal = Column {
        settings: "telle quelle".to_string(),
        up: i.changes.get(Kind::Up),
        down: i.changes.get(Kind::Down),
        same: i.changes.get(Kind::Same),
        losers: i.losers.len(),
        mass: i.mass,
        below: i.below_new_minimum,
    };
    let columns: Vec<Column> = std::iter::once(proposal)
        .chain(i.scenarios.iter().map(|s| Column {
            settings: s.settings.clone(),
            up: s.changes.get(Kind::Up),
            down: s.changes.get(Kind::Down),
            same: s.changes.get(Kind::Same),
            losers: s.losers,
            mass: s.mass,
            below: s.below_new_minimum,
        }))
        .collect();
    type Cell = fn(&Column) -> String;
    let lines: [(&str, Cell); 10] = [
        ("paramètres", |c| c.settings.clone()),
        ("en hausse", |c| c.up.to_string()),
        ("en baisse", |c| c.down.to_string()),
        ("inchangés", |c| c.same.to_string()),
        ("perdent quelque chose", |c| c.losers.to_string()),
        ("comparés (minima des deux côtés)", |c| {
            c.mass.employees.to_string()
        }),
        ("écart des minima dus, par mois", |c| {
            signed_money(c.mass.difference())
        }),
        ("écart des minima dus, par an", |c| {
            signed_money(per_year(c.mass.difference()))
        }),
        ("sous le nouveau minimum (salaire connu)", |c| {
            c.below.employees.to_string()
        }),
        ("hausse de paie, par mois", |c| money(c.below.monthly)),
    ];
    let rows = lines
        .iter()
        .map(|(label, cell)| {
            std::iter::once(label.to_string())
                .chain(columns.iter().map(cell))
                .collect()
        })
        .collect();
    (headers, rows)
}

struct Column {
    settings: String,
    up: usize,
    down: usize,
    same: usize,
    losers: usize,
    mass: super::impact::Mass,
    below: super::impact::Shortfall,
}
