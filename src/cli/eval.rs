//! `grille eval`: decide every employee of a facts file.

use std::ops::ControlFlow;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::console::say;
use super::output::{Input, Output};
use super::Outcome;
use grille::facts::{Record, Rejection};
use grille::report::{encode, table_row_in, xlsx, OutputFormat, Writer};

#[derive(clap::Args)]
pub struct Args {
    /// The rule file, e.g. rules/cgt-2008.grille.
    #[arg(value_name = "RULES")]
    rules: String,
    /// Employee facts: JSON array, JSON Lines or CSV (by extension; `-` reads standard input).
    #[arg(value_name = "FACTS")]
    facts: String,
    /// Evaluation date (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::DecisionFormat::Table)]
    format: super::DecisionFormat,
    /// CSV as French spreadsheets open it: `;`, decimal commas, dates day first,
    /// French headers, a UTF-8 byte-order mark.
    #[arg(long)]
    csv_fr: bool,
    /// Write the decisions to FILE instead of standard output (a temporary file in the same folder, renamed when complete).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Format of the facts file, when its extension does not say it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<super::InputFormat>,
    #[command(flatten)]
    reading: super::Reading,
    /// Stop at the first record rejected, after reporting it (exit code 1).
    #[arg(long)]
    strict: bool,
    /// Attach the trace of every decision (JSON formats).
    #[arg(long)]
    explain: bool,
    /// Language of the table (its headers and notes): `fr` or `en` (by default, the locale's: English when
    /// LC_ALL, LC_MESSAGES or LANG starts with `en`, French otherwise).
    #[arg(long, value_enum)]
    lang: Option<super::LangArg>,
    /// Do not repeat the count of the rule file's warnings (`grille check` shows them).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Override a parameter for this run, e.g. `--set smcc=1850.00` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// The agreement as written, without the law above it (the SMIC, the legal
    /// maxima of trial periods): for reading and comparison.
    #[arg(long)]
    agreement_only: bool,
}

pub fn run(args: Args) -> Outcome {
    super::set_lang(args.lang);
    let format = match output_format(&args) {
        Ok(format) => format,
        Err(e) => return Outcome::Usage(e),
    };
    let rules = match load(&args) {
        Ok(rules) => rules,
        Err(outcome) => return outcome,
    };
    let mut records = match super::stream_facts(
        &args.facts,
        args.input_format,
        args.reading,
        rules.declared_fields(),
    ) {
        Ok(records) => records,
        Err(e) => return Outcome::Usage(e),
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let mut output = match open_output(&args, &rules) {
        Ok(output) => output,
        Err(e) => return Outcome::Usage(e),
    };
    let lang = super::lang();
    // The French table names things as the rules declare them; the English one
    // keeps the ids, as it always has (the contract's words).
    let names = Some(&rules).filter(|_| lang == grille::catalogue::Lang::Fr);
    let mut writer = Writer::new(&mut output, format).in_lang(lang);
    let threads = super::threads();
    let mut counts = Counts::default();
    let decide = |record: &Record, out: &mut Vec<u8>| -> Result<Made, Rejection> {
        let decision = if args.explain {
            evaluator.decide_traced(record)?
        } else {
            evaluator.decide(record)?
        };
        Ok(match format {
            OutputFormat::Table => Made::Row(Box::new(table_row_in(&decision, names, lang))),
            OutputFormat::Xlsx => Made::Cells(xlsx::decision_cells(&decision, Some(&rules))),
            // The sheet's row, names for people, written the French way.
            OutputFormat::CsvFr => {
                let cells = xlsx::decision_cells(&decision, Some(&rules));
                grille::report::csv_fr::cells_row(out, &cells);
                Made::Encoded
            }
            _ => {
                // Writing into memory cannot fail; an empty line would show if encoding ever did.
                let _ = encode(&decision, format, out);
                Made::Encoded
            }
        })
    };
    let stopped = records.map_parallel(threads, decide, |result| {
        counts.deliver(result, &mut writer, &args)
    });
    counts.stopped = matches!(stopped, Some(None));
    if let Some(Some(e)) = stopped {
        return output.failure(&e);
    }
    let empty_rows = records.tally().empty_rows;
    // The output is completed (the JSON array closed) even when the input broke off.
    let finished = records.finish();
    if let Err(e) = writer.finish() {
        return output.failure(&e);
    }
    let summary = |ended| {
        let said = grille::catalogue::Text::EvalSummary {
            decided: counts.decided,
            rejected: counts.rejected,
            empty_rows,
            as_of,
            ended,
        };
        said.say(lang)
    };
    conclude(&args, finished, output, counts, summary)
}

/// The output format asked for: `--csv-fr` goes with CSV, a workbook to a file.
fn output_format(args: &Args) -> Result<OutputFormat, String> {
    let format = match (args.csv_fr, OutputFormat::from(args.format)) {
        (false, format) => format,
        (true, OutputFormat::Table | OutputFormat::Csv) => OutputFormat::CsvFr,
        (true, _) => return Err(super::words::csv_fr_needs_csv()),
    };
    if format == OutputFormat::Xlsx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(super::words::xlsx_needs_output());
    }
    Ok(format)
}

/// The rule set with the files it stands on and the `--set` values, its
/// warnings counted on stderr (unless `--quiet`).
fn load(args: &Args) -> Result<grille::RuleSet, Outcome> {
    let options = grille::layers::Options {
        agreement_only: args.agreement_only,
    };
    let (mut rules, report) = match super::load_rules_with(&args.rules, options) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Err(Outcome::Failure),
        Err(e) => return Err(Outcome::Usage(e)),
    };
    super::apply_settings(&mut rules, &args.set).map_err(Outcome::Usage)?;
    if !args.quiet {
        super::say_rule_warnings(&args.rules, &report);
    }
    Ok(rules)
}

/// Where the decisions go: never over one of the inputs (the rule files, the
/// files they stand on, the facts).
fn open_output(args: &Args, rules: &grille::RuleSet) -> Result<Output, String> {
    let inputs = vec![
        Input {
            what: "rule file",
            path: &args.rules,
        },
        Input {
            what: "facts file",
            path: &args.facts,
        },
    ];
    Output::open_over(args.output.as_deref(), inputs, &[rules])
}

/// After the last record and the output's end: the output committed, the
/// facts' warnings and the `summary` said, the exit code.
fn conclude(
    args: &Args,
    finished: Result<Vec<grille::facts::Warning>, grille::facts::ReadError>,
    output: Output,
    counts: Counts,
    summary: impl Fn(grille::catalogue::Ended) -> String,
) -> Outcome {
    let Counts {
        rejected, stopped, ..
    } = counts;
    match finished {
        Ok(_) if stopped => {}
        Ok(warnings) => {
            for w in &warnings {
                say!("{}", w.line(&args.facts, super::lang()));
            }
        }
        Err(e) => {
            // A file is left as it was (the temporary one removed); stdout has its end.
            if args.output.is_none() {
                let _ = output.commit();
            }
            say!("{}", summary(grille::catalogue::Ended::Broken));
            return Outcome::Usage(format!("{}: {}", args.facts, e.say(super::lang())));
        }
    }
    if let Err(outcome) = output.commit() {
        return outcome;
    }
    if stopped {
        say!("{}", summary(grille::catalogue::Ended::Strict));
        return Outcome::Failure;
    }
    say!("{}", summary(grille::catalogue::Ended::Done));
    if rejected > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// Records decided and rejected; whether `--strict` stopped at a rejection.
#[derive(Default, Clone, Copy)]
struct Counts {
    decided: usize,
    rejected: usize,
    stopped: bool,
}

impl Counts {
    /// One record's result, in input order, to the output and the counts.
    /// Breaks with `None` at a rejection under `--strict`, with the error
    /// when the output cannot be written.
    fn deliver(
        &mut self,
        result: Result<(Made, &[u8]), Rejection>,
        writer: &mut Writer<&mut Output>,
        args: &Args,
    ) -> ControlFlow<Option<std::io::Error>> {
        let written = match result {
            Ok((Made::Row(row), _)) => {
                self.decided += 1;
                writer.push_row(*row);
                Ok(())
            }
            Ok((Made::Cells(cells), _)) => {
                self.decided += 1;
                writer.push_cells(cells);
                Ok(())
            }
            Ok((Made::Encoded, bytes)) => {
                self.decided += 1;
                writer.write_encoded(bytes)
            }
            Err(rejection) => {
                self.rejected += 1;
                super::say_rejection(&args.facts, &rejection);
                writer.push_rejection(&rejection);
                if args.strict {
                    return ControlFlow::Break(None);
                }
                Ok(())
            }
        };
        match written {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => ControlFlow::Break(Some(e)),
        }
    }
}

/// What deciding a record made, for the output's format.
enum Made {
    /// Written into the batch's bytes (JSON, JSON Lines, CSV).
    Encoded,
    /// A row of the table. Boxed: the results of a batch stay small for the byte formats.
    Row(Box<[String; 9]>),
    /// A row of the workbook's decisions sheet.
    Cells(Vec<xlsx::Cell>),
}
