//! `grille explain`: one employee's decision, step by step, with its sources.

use super::console::{self, say};
use super::Outcome;
use grille::explain::{self, Target};

#[derive(clap::Args)]
pub struct Args {
    /// The rule file.
    #[arg(value_name = "RULES")]
    rules: String,
    /// Employee facts (JSON array, JSON Lines or CSV).
    #[arg(value_name = "FACTS")]
    facts: String,
    /// The employee to explain.
    #[arg(long, value_name = "ID")]
    id: String,
    /// Evaluation date (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// The day the explanation is made, which its header names (YYYY-MM-DD);
    /// `GRILLE_RUN_ON` if set, else today. Tests fix it to stay deterministic.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    run_on: Option<chrono::NaiveDate>,
    /// What would it take to reach this: a coefficient (220), a level (`niveau 4`) or a band (`senior`).
    #[arg(long, value_name = "TARGET")]
    why_not: Option<String>,
    /// Language of the explanation: `fr` or `en` (by default, the locale's: English when
    /// LC_ALL, LC_MESSAGES or LANG starts with `en`, French otherwise).
    #[arg(long, value_enum)]
    lang: Option<super::LangArg>,
    /// `text` for a person, `json` for tools (the trace as data).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Format of the facts file, when its extension does not say it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<super::InputFormat>,
    #[command(flatten)]
    reading: super::Reading,
    /// Override a parameter for this run (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// The agreement as written, without the law above it (the SMIC, the legal
    /// maxima of trial periods): for reading and comparison.
    #[arg(long)]
    agreement_only: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Outcome {
    super::set_lang(args.lang);
    let target = match args.why_not.as_deref().map(Target::parse).transpose() {
        Ok(t) => t,
        Err(e) => return Outcome::Usage(format!("--why-not {}", e.say(super::lang()))),
    };
    let rules = match load(&args) {
        Ok(rules) => rules,
        Err(outcome) => return outcome,
    };
    let facts = match super::read_facts(
        &args.facts,
        args.input_format,
        args.reading,
        rules.declared_fields(),
    ) {
        Ok(f) => f,
        Err(e) => return Outcome::Usage(e),
    };
    let found = match find(&args, &facts.records) {
        Ok(found) => found,
        Err(e) => return Outcome::Usage(e),
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let run_on = match run_on(args.run_on) {
        Ok(day) => day,
        Err(e) => return Outcome::Usage(e),
    };
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let record = match found {
        Ok(record) => record,
        Err(rejection) => {
            super::say_rejection(&args.facts, rejection);
            return Outcome::Failure;
        }
    };
    let outcome = evaluator.decide_traced(record);
    let answer = match (&target, &outcome) {
        (Some(t), Ok(_)) => match explain::why_not(&evaluator, record, t) {
            Ok(a) => Some(a),
            Err(e) => return Outcome::Usage(format!("--why-not: {}", e.say(super::lang()))),
        },
        _ => None,
    };
    let text = match args.format {
        Format::Text => explain::text::render_run(
            &rules,
            record,
            &outcome,
            explain::text::Run {
                as_of,
                on: Some(run_on),
            },
            answer.as_ref(),
            super::lang(),
        ),
        Format::Json => {
            let mut value =
                explain::json::explanation(&rules, &record.id, &outcome, as_of, answer.as_ref());
            value["run_on"] = serde_json::json!(run_on);
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
    };
    if let Err(e) = console::out(text.as_bytes()) {
        return console::write_failed(console::STDOUT, &e);
    }
    match outcome {
        Ok(_) => Outcome::Success,
        Err(_) => Outcome::Failure,
    }
}

/// The rule set with the files it stands on and the `--set` values.
fn load(args: &Args) -> Result<grille::RuleSet, Outcome> {
    let options = grille::layers::Options {
        agreement_only: args.agreement_only,
    };
    let (mut rules, _) = match super::load_rules_with(&args.rules, options) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Err(Outcome::Failure),
        Err(e) => return Err(Outcome::Usage(e)),
    };
    super::apply_settings(&mut rules, &args.set).map_err(Outcome::Usage)?;
    Ok(rules)
}

/// The first record bearing `--id` (a warning names the others); the error
/// names the closest ids when none does.
fn find<'f>(args: &Args, records: &'f [Read]) -> Result<&'f Read, String> {
    let mut bearing = records.iter().filter(|r| match r {
        Ok(record) => record.id == args.id,
        Err(rejection) => rejection.id.as_deref() == Some(args.id.as_str()),
    });
    let found = bearing.next();
    if let Some(first) = found {
        say_duplicates(args, first, bearing);
    }
    let Some(found) = found else {
        let ids = records.iter().filter_map(|r| match r {
            Ok(record) => Some(record.id.as_str()),
            Err(rejection) => rejection.id.as_deref(),
        });
        let close = explain::closest_ids(&args.id, ids);
        return Err(super::words::no_employee(&args.id, &args.facts, &close));
    };
    Ok(found)
}

/// The day the explanation is made: `--run-on`, else `GRILLE_RUN_ON`, else today.
fn run_on(flag: Option<chrono::NaiveDate>) -> Result<chrono::NaiveDate, String> {
    if let Some(day) = flag {
        return Ok(day);
    }
    match std::env::var("GRILLE_RUN_ON") {
        Ok(text) => super::parse_date(&text).map_err(|e| format!("GRILLE_RUN_ON: {e}")),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// Says that the id is borne by more than one record: the first is explained,
/// the others were rejected as duplicates when the facts were read.
fn say_duplicates<'a>(args: &Args, first: &Read, others: impl Iterator<Item = &'a Read>) {
    if let Some(note) = explain::duplicates_said(&args.id, first, others) {
        let lang = super::lang();
        let warning = match lang {
            grille::catalogue::Lang::Fr => "avertissement",
            grille::catalogue::Lang::En => "warning",
        };
        let c = grille::catalogue::colon(lang);
        say!("{}{c} {warning}{c} {}", args.facts, note.say(lang));
    }
}

/// A record as read: decidable, or rejected with its reason.
type Read = Result<grille::facts::Record, grille::facts::Rejection>;
