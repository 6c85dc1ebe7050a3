//! `grille eval`: decide every employee of a facts file.

use std::io::{BufWriter, Write};

use chrono::NaiveDate;

use super::{load_rules, Outcome};
use grille::facts::{self, Format};
use grille::report::{OutputFormat, Writer};

#[derive(clap::Args)]
pub struct Args {
    /// The rule file, e.g. rules/cgt-2008.grille.
    #[arg(value_name = "RULES")]
    rules: String,
    /// Employee facts: JSON array, JSON Lines or CSV (by extension; `-` reads standard input).
    #[arg(value_name = "FACTS")]
    facts: String,
    /// Evaluation date (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Format of the facts file, when its extension does not say it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// Attach the trace of every decision (JSON formats).
    #[arg(long)]
    explain: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum InputFormat {
    Json,
    Jsonl,
    Csv,
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    facts::parse_date(text).ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
}

pub fn run(args: Args) -> Outcome {
    let format = match args.input_format {
        Some(InputFormat::Json) => Format::Json,
        Some(InputFormat::Jsonl) => Format::JsonLines,
        Some(InputFormat::Csv) => Format::Csv,
        None => match Format::from_path(&args.facts) {
            Some(f) => f,
            None if args.facts == "-" => Format::Json,
            None => {
                return Outcome::Usage(format!(
                    "cannot tell the format of `{}` from its name: use --input-format json, jsonl or csv",
                    args.facts
                ))
            }
        },
    };
    let (rules, report) = match load_rules(&args.rules) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Outcome::Failure,
        Err(e) => return Outcome::Usage(e),
    };
    let warnings = report.count(grille::Severity::Warning);
    if warnings > 0 {
        eprintln!(
            "{}: {warnings} warning(s) on the rules (see `grille check {}`)",
            args.rules, args.rules
        );
    }
    let text = match super::read_input(&args.facts, "facts file") {
        Ok(t) => t,
        Err(e) => return Outcome::Usage(e),
    };
    let facts = match facts::read(&text, format) {
        Ok(f) => f,
        Err(e) => return Outcome::Usage(format!("{}: {e}", args.facts)),
    };
    for w in &facts.warnings {
        eprintln!("{}: warning: {w}", args.facts);
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let stdout = std::io::stdout();
    let mut writer = Writer::new(BufWriter::new(stdout.lock()), args.format);
    let (mut decided, mut rejected) = (0usize, 0usize);
    for record in &facts.records {
        let decision = record.as_ref().map_err(Clone::clone).and_then(|r| {
            if args.explain {
                evaluator.decide_traced(r)
            } else {
                evaluator.decide(r)
            }
        });
        match decision {
            Ok(d) => {
                decided += 1;
                if let Err(e) = writer.write(&d) {
                    return write_failed(e);
                }
            }
            Err(rejection) => {
                rejected += 1;
                eprintln!("{}: rejected: {rejection}", args.facts);
            }
        }
    }
    if let Err(e) = writer.finish().and_then(|mut w| w.flush()) {
        return write_failed(e);
    }
    eprintln!("{decided} decided, {rejected} rejected (as of {as_of})");
    if rejected > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

fn write_failed(e: std::io::Error) -> Outcome {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader went away (`| head`): not an error of ours.
        Outcome::Success
    } else {
        Outcome::Usage(format!("cannot write the output: {e}"))
    }
}
