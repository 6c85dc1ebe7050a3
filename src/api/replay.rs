//! `replay`: one employee's back-pay, month by month, from the history the
//! facts carry (`grille replay --id ID --format json`, with its text).

use serde_json::{json, Value};

use super::ops::{read_facts, read_id, unknown_id};
use super::request::{ReplayAsked, Request};
use super::{diagnostics, Code, Failed, Problem};
use crate::diag::{Report, Severity};
use crate::facts::Record;
use crate::replay::{encode, Replayer, Settings};
use crate::RuleSet;

pub(super) fn run(request: &Request, rules: &RuleSet, reports: &[Report]) -> Result<Value, Failed> {
    let (Some(asked), Some(facts), Some(id)) = (&request.replay, &request.facts, &request.id)
    else {
        return Err(Problem::new(Code::Internal, "`replay` was read without its fields").into());
    };
    let facts = read_facts(facts, rules)?;
    let Some(found) = facts.records.iter().find(|r| read_id(r) == Some(id)) else {
        let ids = facts.records.iter().filter_map(read_id);
        return Err(unknown_id(id, ids).into());
    };
    let record = found.as_ref().map_err(|rejection| {
        Problem::new(Code::Facts, format!("rejected: {rejection}"))
            .help("fix the employee's record in the facts")
    })?;
    let settings = settings(record, asked)?;
    let replayer = Replayer::new(rules, settings);
    let replay = replayer
        .replay(record)
        .map_err(|rejection| Problem::new(Code::Replay, format!("rejected: {rejection}")))?;
    let mut out = Vec::new();
    encode::json(&replay, &mut out);
    let mut value: Value = serde_json::from_slice(&out)
        .map_err(|e| Problem::new(Code::Internal, format!("`replay`: {e}")))?;
    value["ok"] = json!(true);
    value["op"] = json!("replay");
    value["from"] = json!(settings.from.to_string());
    value["to"] = json!(settings.to.to_string());
    value["text"] = json!(crate::replay::text::render(rules, &replay, request.lang));
    value["rules_warnings"] = json!(diagnostics(reports, Severity::Warning));
    value["facts_warnings"] = json!(facts.warnings);
    Ok(value)
}

/// The months asked, else those of the employee's payslips; the claim's day.
fn settings(record: &Record, asked: &ReplayAsked) -> Result<Settings, Problem> {
    let pay = record
        .history
        .as_deref()
        .map(|h| &h.pay[..])
        .unwrap_or_default();
    let paid = |month: Option<&crate::facts::Pay>| month.map(|p| p.month);
    let (Some(from), Some(to)) = (
        asked.from.or(paid(pay.first())),
        asked.to.or(paid(pay.last())),
    ) else {
        return Err(Problem::new(
            Code::Replay,
            format!(
                "the facts of `{}` carry no payslips: there are no months to replay",
                crate::facts::short(&record.id)
            ),
        )
        .help("give `from` and `to` (YYYY-MM), or the employee's `pay` history in the facts"));
    };
    let settings = Settings {
        from,
        to,
        claim_on: asked.claim_on,
    };
    crate::replay::check_settings(&settings).map_err(|e| {
        Problem::new(Code::Replay, format!("`from` {from} `to` {to}: {e}"))
            .help("`from` is the first month replayed, `to` the last, YYYY-MM")
    })?;
    // The replay prepares an evaluator per day of the range: a server bounds
    // what one request may ask.
    let months = (i64::from(to.year) - i64::from(from.year)) * 12 + i64::from(to.month)
        - i64::from(from.month)
        + 1;
    if months > MOST_MONTHS {
        return Err(Problem::new(
            Code::Replay,
            format!("`from` {from} `to` {to}: {months} months, more than the {MOST_MONTHS} a request may replay"),
        )
        .help("replay a career in parts, or with `grille replay` on the command line"));
    }
    Ok(settings)
}

/// The longest replay one request asks: a career of fifty years.
const MOST_MONTHS: i64 = 600;
