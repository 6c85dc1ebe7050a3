//! `diff`: the proposal against a base over a workforce, as `grille diff
//! --format json` writes it (the redline, the aggregates, the costs, the
//! scenarios side by side), with the distribution chart of the HTML report.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::ops::{load, set};
use super::request::{DiffAsked, Facts, Request};
use super::{diagnostics, Code, Failed, Problem};
use crate::catalogue::Lang;
use crate::diag::Severity;
use crate::diff::{self, figures::Costs, output::JsonWriter, Comparer, Scenario};
use crate::layers::Options;
use crate::RuleSet;

pub(super) fn run(request: &Request, options: Options) -> Result<Value, Failed> {
    let (Some(asked), Some(as_of), Some(facts)) = (&request.diff, request.as_of, &request.facts)
    else {
        return Err(Problem::new(Code::Internal, "`diff` was read without its fields").into());
    };
    let (mut base, base_reports) = load(&asked.base, options)?;
    let (mut proposal, reports) = load(&request.rules, options)?;
    for setting in &request.set {
        set(&mut base, setting)?;
        set(&mut proposal, setting)?;
    }
    for setting in &asked.set_base {
        set(&mut base, setting).map_err(|p| side(p, "set_base"))?;
    }
    for setting in &asked.set_proposal {
        set(&mut proposal, setting).map_err(|p| side(p, "set_proposal"))?;
    }
    let costs = costs(&asked.set_cost)?;
    let scenarios = scenarios(&proposal, &asked.scenarios)?;
    let mut value = compared(&base, &proposal, &scenarios, (facts, as_of), asked, costs)?;
    value["ok"] = json!(true);
    value["op"] = json!("diff");
    value["names"] = super::names::of(&[&base, &proposal]);
    value["warnings"] = json!(diagnostics(&reports, Severity::Warning));
    value["base_warnings"] = json!(diagnostics(&base_reports, Severity::Warning));
    Ok(value)
}

/// A `set` problem of one side, named by its field.
fn side(mut problem: Problem, field: &str) -> Problem {
    problem.message = problem.message.replacen("`set`", &format!("`{field}`"), 1);
    problem
}

fn costs(settings: &[String]) -> Result<Costs, Problem> {
    let mut costs = Costs::default();
    for setting in settings {
        costs.set(setting).map_err(|e| {
            Problem::new(Code::Diff, format!("`set_cost`: {e}"))
                .help("e.g. \"set_cost\": [\"taux_charges=0.42\"]")
        })?;
    }
    Ok(costs)
}

fn scenarios(proposal: &RuleSet, specs: &[String]) -> Result<Vec<Scenario>, Problem> {
    let mut out: Vec<Scenario> = Vec::new();
    for spec in specs {
        let problem = |message: String| {
            Problem::new(Code::Diff, format!("`scenarios`: {message}"))
                .help("each is NAME:param=value[,param=value], e.g. \"smcc-1850:smcc=1850.00\"")
        };
        let scenario = Scenario::parse(proposal, spec).map_err(problem)?;
        if out.iter().any(|s| s.name == scenario.name) {
            return Err(problem(format!(
                "the name `{}` is given twice: name each scenario once",
                crate::facts::short(&scenario.name)
            )));
        }
        out.push(scenario);
    }
    Ok(out)
}

/// Every record decided under both sides (and each scenario), on as many
/// threads as the machine has: the JSON of `grille diff --format json`.
fn compared(
    base: &RuleSet,
    proposal: &RuleSet,
    scenarios: &[Scenario],
    (facts, as_of): (&Facts, NaiveDate),
    asked: &DiffAsked,
    costs: Costs,
) -> Result<Value, Failed> {
    let (text, format, name) = match facts {
        // The JSON reader would take one object as a file of one line.
        Facts::Records(records) if !records.starts_with('[') => {
            return Err(facts_problem("`facts` is not an array of records").into())
        }
        Facts::Records(records) => (*records, crate::facts::Format::Json, "facts"),
        Facts::Text(text, format) => (text.as_str(), *format, "facts_text"),
    };
    let options = crate::facts::Options {
        declared: base.declared_fields().union(&proposal.declared_fields()),
        ..Default::default()
    };
    let mut records = crate::facts::stream_with(text.as_bytes(), format, options)
        .map_err(|e| facts_problem(&format!("the facts cannot be read: {e}")))?;
    let redline = diff::compare_at(base, proposal, as_of);
    let options = diff::Options {
        every_cause: asked.employees,
        base_from_facts: false,
    };
    let comparer = Comparer::new(base, proposal, as_of)
        .with_options(options)
        .with_scenarios(scenarios);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = Vec::new();
    let written = (|| -> std::io::Result<_> {
        let mut writer = JsonWriter::start(&mut out, &redline, as_of, name)?;
        let impact = comparer.run_parallel(&mut records, threads, asked.top, |row| match asked
            .employees
        {
            true => writer.row(row),
            false => Ok(()),
        })?;
        writer.finish_with(&impact, costs)?;
        let chart = diff::chart::distribution(&impact);
        Ok((chart, diff::chart::distribution_in(&impact, Lang::En)))
    })();
    let chart = written.map_err(|e| Problem::new(Code::Internal, format!("`diff`: {e}")))?;
    let facts_warnings = records
        .finish()
        .map_err(|e| facts_problem(&format!("the facts cannot be read: {e}")))?;
    let mut value: Value = serde_json::from_slice(&out)
        .map_err(|e| Problem::new(Code::Internal, format!("`diff`: {e}")))?;
    if !asked.employees {
        if let Value::Object(fields) = &mut value {
            fields.remove("employees");
        }
    }
    // The workbench shows the chart of its language: `chart` French, `chart_en` English.
    value["chart"] = json!(chart.0);
    value["chart_en"] = json!(chart.1);
    value["facts_warnings"] = json!(facts_warnings);
    Ok(value)
}

fn facts_problem(message: &str) -> Problem {
    Problem::new(Code::Facts, message)
        .help("`facts` is a JSON array of records; `facts_text` a file in its `format`")
}
