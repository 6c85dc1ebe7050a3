//! The operations: load the rules, read the facts, check, decide, explain.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::request::{Facts, Op, Request, Rules};
use super::{diagnostics, Code, Failed, Problem};
use crate::diag::{Report, Severity};
use crate::explain::{self, Lang, Target};
use crate::facts::{Record, Rejection};
use crate::layers::{InMemory, Options};
use crate::{Evaluator, LoadError, RuleSet};

pub(super) fn run(request: Request) -> Result<Value, Failed> {
    let options = Options {
        agreement_only: request.agreement_only,
    };
    match request.op {
        Op::Diff => return super::diff::run(&request, options),
        Op::Doc => return super::doc::run(&request),
        _ => {}
    }
    let (mut rules, reports) = load(&request.rules, options)?;
    for setting in &request.set {
        set(&mut rules, setting)?;
    }
    if request.op == Op::Replay {
        return super::replay::run(&request, &rules, &reports);
    }
    let facts = match &request.facts {
        Some(facts) => Some(read_facts(facts, &rules)?),
        None => None,
    };
    match (request.op, facts, request.as_of) {
        (Op::Check, _, day) => Ok(check(&rules, reports, day)),
        (Op::Eval, Some(facts), Some(day)) => {
            Ok(eval(&rules, &reports, &facts, day, request.trace))
        }
        (Op::Explain, Some(facts), Some(day)) => {
            let asked = Asked {
                id: request.id.as_deref().unwrap_or_default(),
                lang: request.lang,
                why_not: request.why_not.as_ref(),
                run_on: request.run_on,
            };
            explain(&rules, &reports, &facts, day, asked)
        }
        // `request::read` asks for the facts and the day of these operations;
        // the others are answered above.
        (Op::Eval | Op::Explain | Op::Diff | Op::Doc | Op::Replay, _, _) => Err(Problem::new(
            Code::Internal,
            "the request was read without its facts or its day",
        )
        .into()),
    }
}

pub(super) fn load(rules: &Rules, options: Options) -> Result<(RuleSet, Vec<Report>), Failed> {
    with_files(rules, |files, main| crate::load_with(files, main, options))
}

/// Calls `load` on the rule files of the request: from the disk, or from the
/// texts it gives; a file that cannot be read is the request's problem.
pub(super) fn with_files<T>(
    rules: &Rules,
    load: impl FnOnce(&dyn crate::layers::Files, &Path) -> Result<T, LoadError>,
) -> Result<T, Failed> {
    let loaded = match rules {
        Rules::Path(path) => load(&crate::layers::Disk, Path::new(path)),
        Rules::Files { files, main } => {
            let files = files.iter().fold(InMemory::default(), |all, (path, text)| {
                all.with(path, text)
            });
            load(&files, Path::new(main))
        }
    };
    loaded.map_err(|e| match e {
        LoadError::Invalid(reports) => Failed::Rules(reports),
        LoadError::Unreadable { path, reason } => {
            let help = match rules {
                Rules::Path(_) => "the path is read from the server's working folder",
                Rules::Files { .. } => "give the file's text in `rules.files`, by this path",
            };
            let message = format!("cannot read the rule file `{path}`: {reason}");
            Problem::new(Code::Unreadable, message)
                .file(path)
                .help(help)
                .into()
        }
    })
}

/// Applies one `NAME=VALUE` override, as `grille eval --set` does.
pub(super) fn set(rules: &mut RuleSet, setting: &str) -> Result<(), Problem> {
    let problem = |message: String| {
        Problem::new(Code::Request, message).help("write NAME=VALUE, e.g. \"smcc=1850.00\"")
    };
    let Some((name, value)) = setting.split_once('=') else {
        return Err(problem(format!(
            "`set` `{}`: not NAME=VALUE",
            crate::facts::short(setting)
        )));
    };
    crate::check::set_parameter(rules, name.trim(), value)
        .map_err(|e| problem(format!("`set` `{}`: {e}", crate::facts::short(setting))))
}

/// The facts of a request, read with the fields `rules` declares as facts.
pub(super) fn read_facts(facts: &Facts, rules: &RuleSet) -> Result<crate::facts::Facts, Problem> {
    let options = crate::facts::Options {
        declared: rules.declared_fields(),
        ..Default::default()
    };
    let read = match facts {
        // The JSON reader would take one object as a file of one line.
        Facts::Records(records) if !records.starts_with('[') => {
            return Err(
                Problem::new(Code::Facts, "`facts` is not an array of records")
                    .help("give [{\"id\": …, \"job\": …, \"job_since\": …}, …]"),
            )
        }
        Facts::Records(records) => {
            crate::facts::read_bytes(records.as_bytes(), crate::facts::Format::Json, options)
        }
        Facts::Text(text, format) => crate::facts::read_bytes(text.as_bytes(), *format, options),
    };
    read.map_err(|e| {
        Problem::new(Code::Facts, format!("the facts cannot be read: {e}"))
            .help("`facts` is a JSON array of records; `facts_text` a file in its `format`")
    })
}

fn check(rules: &RuleSet, reports: Vec<Report>, day: Option<NaiveDate>) -> Value {
    let reports = match day {
        Some(day) => crate::radar::with_below_legal_minimum(rules, reports, day),
        None => reports,
    };
    json!({
        "ok": true,
        "op": "check",
        "rules": rules.file().name,
        "layers": explain::json::layers(rules),
        "warnings": diagnostics(&reports, Severity::Warning),
    })
}

fn eval(
    rules: &RuleSet,
    reports: &[Report],
    facts: &crate::facts::Facts,
    as_of: NaiveDate,
    trace: bool,
) -> Value {
    let evaluator = Evaluator::new(rules, as_of);
    let mut decisions = Vec::new();
    let mut rejected = Vec::new();
    for read in &facts.records {
        let decided = read.as_ref().map_err(Rejection::clone).and_then(|record| {
            match trace {
                true => evaluator.decide_traced(record),
                false => evaluator.decide(record),
            }
            .map(|decision| serde_json::to_value(&decision))
        });
        match decided {
            Ok(Ok(decision)) => decisions.push(decision),
            Ok(Err(e)) => rejected.push(json!({"id": read_id(read), "reason": e.to_string()})),
            Err(rejection) => rejected.push(json!(rejection)),
        }
    }
    json!({
        "ok": true,
        "op": "eval",
        "as_of": as_of,
        "rules": rules.file().name,
        "layers": explain::json::layers(rules),
        "decisions": decisions,
        "rejected": rejected,
        "names": super::names::of(&[rules]),
        "warnings": diagnostics(reports, Severity::Warning),
        "facts_warnings": facts.warnings,
    })
}

pub(super) fn read_id(read: &Result<Record, Rejection>) -> Option<&str> {
    match read {
        Ok(record) => Some(&record.id),
        Err(rejection) => rejection.id.as_deref(),
    }
}

/// What `explain` asks about the employee.
struct Asked<'q> {
    id: &'q str,
    lang: Lang,
    why_not: Option<&'q Target>,
    run_on: Option<NaiveDate>,
}

fn explain(
    rules: &RuleSet,
    reports: &[Report],
    facts: &crate::facts::Facts,
    as_of: NaiveDate,
    asked: Asked,
) -> Result<Value, Failed> {
    let mut bearing = facts
        .records
        .iter()
        .filter(|read| read_id(read) == Some(asked.id));
    let Some(found) = bearing.next() else {
        let ids = facts.records.iter().filter_map(read_id);
        return Err(unknown_id(asked.id, ids).into());
    };
    // The contract's English words, as `facts_warnings` has always had them.
    let mut facts_warnings: Vec<String> = facts.warnings.iter().map(ToString::to_string).collect();
    facts_warnings.extend(explain::duplicates(asked.id, found, bearing));
    let (mut value, text) = match found {
        Ok(record) => explained(rules, record, as_of, &asked)?,
        // Rejected when the facts were read: there is nothing to decide.
        Err(rejection) => (
            explain::json::explanation(rules, asked.id, &Err(rejection.clone()), as_of, None),
            format!("rejected: {rejection}\n"),
        ),
    };
    if let Value::Object(fields) = &mut value {
        fields.insert("ok".into(), json!(true));
        fields.insert("op".into(), json!("explain"));
        fields.insert("text".into(), json!(text));
        fields.insert(
            "warnings".into(),
            json!(diagnostics(reports, Severity::Warning)),
        );
        fields.insert("facts_warnings".into(), json!(facts_warnings));
    }
    Ok(value)
}

/// The explanation of a record read, as data and as text.
fn explained(
    rules: &RuleSet,
    record: &Record,
    as_of: NaiveDate,
    asked: &Asked,
) -> Result<(Value, String), Problem> {
    let evaluator = Evaluator::new(rules, as_of);
    let outcome = evaluator.decide_traced(record);
    let why_not = match (asked.why_not, &outcome) {
        (Some(target), Ok(_)) => Some(
            explain::why_not(&evaluator, record, target)
                .map_err(|e| Problem::new(Code::WhyNot, format!("`why_not`: {}", e.en)))?,
        ),
        _ => None,
    };
    let run = explain::text::Run {
        as_of,
        on: asked.run_on,
    };
    let why = why_not.as_ref();
    let text = explain::text::render_run(rules, record, &outcome, run, why, asked.lang);
    let mut value = explain::json::explanation(rules, &record.id, &outcome, as_of, why);
    if let Some(day) = asked.run_on {
        value["run_on"] = json!(day);
    }
    Ok((value, text))
}

pub(super) fn unknown_id<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Problem {
    let close = explain::closest_ids(id, ids);
    let message = format!(
        "no employee with id `{}` in the facts",
        crate::facts::short(id)
    );
    let problem = Problem::new(Code::UnknownId, message);
    match close.is_empty() {
        true => problem.help("give the `id` of a record of `facts`"),
        false => problem.help(format!("closest: {}", close.join(", "))),
    }
}
