//! The comparison as data: JSON (the redline, every employee, the aggregates)
//! and CSV (one row per employee). Both are written as the rows come, so that
//! the output of a large workforce never sits in memory.

use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::impact::{Group, Impact, Kind, Mass, Mean, Row, Shortfall, Side};
use super::Redline;
use crate::eval::money;

/// Writes `{"as_of", "facts", "redline", "employees": [...], "summary"}`, one
/// employee per line.
pub struct JsonWriter<W: Write> {
    out: W,
    rows: usize,
}

impl<W: Write> JsonWriter<W> {
    pub fn start(mut out: W, redline: &Redline, as_of: NaiveDate, facts: &str) -> io::Result<Self> {
        writeln!(out, "{{")?;
        writeln!(out, "  \"as_of\": {},", json!(as_of))?;
        writeln!(out, "  \"facts\": {},", json!(facts))?;
        writeln!(
            out,
            "  \"redline\": {},",
            indented(&serde_json::to_value(redline)?)
        )?;
        write!(out, "  \"employees\": [")?;
        Ok(JsonWriter { out, rows: 0 })
    }

    pub fn row(&mut self, row: &Row) -> io::Result<()> {
        let separator = if self.rows == 0 { "\n    " } else { ",\n    " };
        self.out.write_all(separator.as_bytes())?;
        serde_json::to_writer(&mut self.out, row)?;
        self.rows += 1;
        Ok(())
    }

    pub fn finish(self, impact: &Impact) -> io::Result<W> {
        self.finish_with(impact, Default::default())
    }

    /// [`JsonWriter::finish`], the summary's `costs` with the employer
    /// contributions when a rate is given.
    pub fn finish_with(mut self, impact: &Impact, costs: super::figures::Costs) -> io::Result<W> {
        let close = if self.rows == 0 { "]," } else { "\n  ]," };
        writeln!(self.out, "{close}")?;
        let mut summary = summary(impact);
        summary["costs"] = costs_json(impact, costs);
        if let Some(rate) = costs.charges_rate {
            group_estimates(&mut summary["by_job"], &impact.by_job, rate);
            group_estimates(&mut summary["by_band"], &impact.by_band, rate);
        }
        writeln!(self.out, "  \"summary\": {}", indented(&summary))?;
        writeln!(self.out, "}}")?;
        Ok(self.out)
    }
}

/// Pretty JSON nested one level in.
fn indented(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.replace('\n', "\n  ")
}

fn changes(counts: &super::impact::Counts) -> Value {
    let map: serde_json::Map<String, Value> = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), json!(counts.get(*k))))
        .collect();
    Value::Object(map)
}

fn mean(m: &Mean) -> Value {
    json!({
        "count": m.count,
        "sum": m.sum.to_string(),
        "mean": m.shown().map(|v| v.to_string()),
    })
}

fn monthly_annual(monthly: Decimal) -> Value {
    json!({"monthly": money(monthly), "annual": money(monthly * Decimal::from(12))})
}

fn mass(m: &Mass) -> Value {
    json!({
        "employees": m.employees,
        "before": monthly_annual(m.before),
        "after": monthly_annual(m.after),
        "difference": monthly_annual(m.difference()),
    })
}

fn shortfall(s: &Shortfall) -> Value {
    let mut v = monthly_annual(s.monthly);
    v["employees"] = json!(s.employees);
    v
}

fn group(key_name: &str, key: &Option<&str>, g: &Group) -> Value {
    json!({
        key_name: key,
        "headcount": g.headcount,
        "changes": changes(&g.changes),
        "coefficient_before": mean(&g.coefficient_before),
        "coefficient_after": mean(&g.coefficient_after),
        "minimum_salary_mass": mass(&g.mass),
        "below_proposal_minimum": shortfall(&g.below_new_minimum),
    })
}

/// Every aggregate, amounts as strings with cents (as decisions write them).
pub fn summary(i: &Impact) -> Value {
    json!({
        "records": i.records,
        "changes": changes(&i.changes),
        "minimum_salary_mass": mass(&i.mass),
        "only_base_mass": monthly_annual(i.only_base_mass),
        "only_proposal_mass": monthly_annual(i.only_proposal_mass),
        "salaries": {
            "known": i.with_salary,
            "below_base_minimum": shortfall(&i.below_old_minimum),
            "below_proposal_minimum": shortfall(&i.below_new_minimum),
        },
        "by_job": i.by_job.iter().map(|(k, g)| group("job", k, g)).collect::<Vec<_>>(),
        "by_band": i.by_band.iter().map(|(k, g)| group("band", k, g)).collect::<Vec<_>>(),
        "distribution": i.distribution.iter()
            .map(|(c, [before, after])| json!({"coefficient": c, "before": before, "after": after}))
            .collect::<Vec<_>>(),
        "largest_changes": i.largest(),
        "one_sided": i.one_sided,
        "population": {
            "decided_both": i.decided_both(),
            "before_from_facts": i.before_from_facts,
            "text": super::figures::population(i),
        },
        "payroll_raise": shortfall(&i.below_new_minimum),
        "distribution_both": i.distribution_both.iter()
            .map(|(c, [before, after])| json!({"coefficient": c, "before": before, "after": after}))
            .collect::<Vec<_>>(),
        "losers": i.losers.iter().map(|r| json!({"id": r.id, "position": r.position.to_string(), "losses": r.losses, "cause": r.cause, "cause_en": r.cause_en})).collect::<Vec<_>>(),
        "scenarios": i.scenarios.iter().map(scenario).collect::<Vec<_>>(),
    })
}

/// (a) the change of the minima owed, (b) the payroll raise, (c) when a rate is
/// given, the employer contributions on each (an estimate).
fn costs_json(i: &Impact, costs: super::figures::Costs) -> Value {
    let mut out = json!({
        "minimum_owed_change": {
            "employees": i.mass.employees,
            "amount": monthly_annual(i.mass.difference()),
        },
        "payroll_raise": shortfall(&i.below_new_minimum),
    });
    if let Some(rate) = costs.charges_rate {
        let on = |monthly: Decimal| monthly_annual(super::estimate::on_total(monthly, rate));
        out["employer_contributions_estimate"] = json!({
            "rate": rate.to_string(),
            "on_minimum_owed_change": on(i.mass.difference()),
            "on_payroll_raise": on(i.below_new_minimum.monthly),
        });
    }
    out
}

/// Each group's share of the contribution estimate (`employer_contributions_estimate`
/// with `on_minimum_owed_change`, `on_payroll_raise`): the shares add up to
/// the summary's `costs`.
fn group_estimates(
    out: &mut Value,
    groups: &std::collections::BTreeMap<Option<&str>, Group>,
    rate: Decimal,
) {
    let estimates = super::estimate::by_group(groups, rate);
    let Some(items) = out.as_array_mut() else {
        return;
    };
    for (item, [on_minima, on_raise]) in items.iter_mut().zip(estimates) {
        item["employer_contributions_estimate"] = json!({
            "rate": rate.to_string(),
            "on_minimum_owed_change": monthly_annual(on_minima),
            "on_payroll_raise": monthly_annual(on_raise),
        });
    }
}

fn scenario(s: &super::scenario::ScenarioTotals) -> Value {
    json!({
        "name": s.name,
        "settings": s.settings,
        "changes": changes(&s.changes),
        "losers": s.losers,
        "minimum_salary_mass": mass(&s.mass),
        "below_scenario_minimum": shortfall(&s.below_new_minimum),
    })
}

pub const CSV_HEADER: [&str; 22] = [
    "id",
    "job",
    "change",
    "before_job",
    "before_band",
    "before_coefficient",
    "before_level",
    "before_category",
    "before_status",
    "before_minimum_salary",
    "after_job",
    "after_band",
    "after_coefficient",
    "after_level",
    "after_category",
    "after_status",
    "after_minimum_salary",
    "coefficient_change",
    "minimum_salary_change",
    "salary",
    "reason",
    "position",
];

fn side_fields(side: &Option<Side>) -> [String; 7] {
    match side {
        None => Default::default(),
        Some(s) => [
            s.job.to_string(),
            s.band.to_string(),
            s.coefficient.to_string(),
            s.level.to_string(),
            s.category.to_string(),
            s.status.to_string(),
            s.minimum_salary.map(money).unwrap_or_default(),
        ],
    }
}

/// The columns after [`CSV_HEADER`]: names people read, what is lost and why,
/// the payroll raise, the command explaining the decision; then two per scenario.
pub const CSV_MORE: [&str; 10] = [
    "job_name",
    "before_job_name",
    "after_job_name",
    "before_band_name",
    "after_band_name",
    "before_from_facts",
    "losses",
    "cause",
    "payroll_raise",
    "explain",
];

/// The whole header: [`CSV_HEADER`], [`CSV_MORE`], and for each scenario its
/// coefficient and minimum salary.
pub fn csv_header(scenarios: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = CSV_HEADER
        .iter()
        .chain(&CSV_MORE)
        .map(|h| h.to_string())
        .collect();
    for name in scenarios {
        out.push(format!("{name}:coefficient"));
        out.push(format!("{name}:minimum_salary"));
    }
    out
}

/// Where the `explain` column points: the proposal's file, the facts, the date.
pub struct ExplainRef<'a> {
    pub rules: &'a str,
    pub facts: &'a str,
    pub as_of: NaiveDate,
}

/// A row in [`csv_header`] order.
pub fn csv_full_record(row: &Row, explain: &ExplainRef) -> Vec<String> {
    let mut fields = csv_record(row);
    let names = |s: &Option<Side>| match s {
        Some(s) => [s.job_name.to_string(), s.band_name.to_string()],
        None => Default::default(),
    };
    let ([job_b, band_b], [job_a, band_a]) = (names(&row.before), names(&row.after));
    let id = row.id.as_deref().unwrap_or_default();
    let explained = row.after.is_some() && !id.is_empty();
    fields.extend([
        super::figures::job_name(row),
        job_b,
        job_a,
        band_b,
        band_a,
        row.before_from_facts.to_string(),
        row.losses.join(" "),
        row.cause.clone().unwrap_or_default(),
        row.payroll_raise.map(money).unwrap_or_default(),
        match explained {
            true => {
                super::figures::explain_command(explain.rules, explain.facts, explain.as_of, id)
            }
            false => String::new(),
        },
    ]);
    for s in &row.scenarios {
        fields.push(s.coefficient.map(|c| c.to_string()).unwrap_or_default());
        fields.push(s.minimum_salary.map(money).unwrap_or_default());
    }
    fields
}

/// One CSV record per employee: the row's fields in [`CSV_HEADER`] order.
pub fn csv_record(row: &Row) -> Vec<String> {
    let mut fields = vec![
        row.id.clone().unwrap_or_default(),
        row.job.unwrap_or_default().to_string(),
        row.change.as_str().to_string(),
    ];
    fields.extend(side_fields(&row.before));
    fields.extend(side_fields(&row.after));
    fields.extend([
        row.coefficient_change
            .map(|c| c.to_string())
            .unwrap_or_default(),
        row.minimum_salary_change.map(money).unwrap_or_default(),
        row.salary.map(money).unwrap_or_default(),
        row.reason.clone().unwrap_or_default(),
        row.position.to_string(),
    ]);
    fields
}
