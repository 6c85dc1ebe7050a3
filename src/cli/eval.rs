//! `grille eval`: decide every employee of a facts file.

use std::io::{BufWriter, Write};

use chrono::NaiveDate;

use super::{load_rules, Outcome};
use grille::facts::{Record, Rejection};
use grille::report::{encode, OutputFormat, Writer};

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
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Format of the facts file, when its extension does not say it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<super::InputFormat>,
    /// Attach the trace of every decision (JSON formats).
    #[arg(long)]
    explain: bool,
    /// Override a parameter for this run, e.g. `--set smcc=1850.00` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
}

pub fn run(args: Args) -> Outcome {
    let (mut rules, report) = match load_rules(&args.rules) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Outcome::Failure,
        Err(e) => return Outcome::Usage(e),
    };
    if let Err(e) = super::apply_settings(&mut rules, &args.set) {
        return Outcome::Usage(e);
    }
    let warnings = report.count(grille::Severity::Warning);
    if warnings > 0 {
        eprintln!(
            "{}: {warnings} warning(s) on the rules (see `grille check {}`)",
            args.rules, args.rules
        );
    }
    let format = match super::facts_format(&args.facts, args.input_format) {
        Ok(f) => f,
        Err(e) => return Outcome::Usage(e),
    };
    let input = match super::open_facts(&args.facts) {
        Ok(input) => input,
        Err(e) => return Outcome::Usage(e),
    };
    let mut records = match grille::facts::stream(input, format) {
        Ok(records) => records,
        Err(e) => return Outcome::Usage(format!("{}: {e}", args.facts)),
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluator = grille::Evaluator::new(&rules, as_of);
    let writer = Writer::new(
        BufWriter::with_capacity(1 << 16, std::io::stdout()),
        args.format,
    );
    // GRILLE_THREADS caps the threads (the output is the same whatever the count).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = std::env::var("GRILLE_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .unwrap_or(cores)
        .clamp(1, 16);
    let job = Job {
        evaluator: &evaluator,
        format: args.format,
        explain: args.explain,
        threads,
        facts: &args.facts,
    };
    // Reading the next batch overlaps deciding and writing the one before.
    let outcome = std::thread::scope(|scope| -> std::io::Result<(Option<Out>, usize, usize)> {
        let (mut decided, mut rejected) = (0, 0);
        let mut writer = Some(writer);
        let mut running: Option<std::thread::ScopedJoinHandle<_>> = None;
        loop {
            let batch: Vec<_> = records.by_ref().take(BATCH).collect();
            if let Some(previous) = running.take() {
                let (w, d, r) = previous
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))?;
                (writer, decided, rejected) = (Some(w), decided + d, rejected + r);
            }
            if batch.is_empty() {
                return Ok((writer, decided, rejected));
            }
            let Some(w) = writer.take() else {
                return Ok((None, decided, rejected));
            };
            let job = &job;
            running = Some(scope.spawn(move || job.run(batch, w)));
        }
    });
    let (writer, decided, rejected) = match outcome {
        Ok((Some(writer), decided, rejected)) => (writer, decided, rejected),
        Ok((None, ..)) => return Outcome::Usage("the output was lost".to_string()),
        Err(e) => return write_failed(e),
    };
    match records.finish() {
        Ok(warnings) => {
            for w in &warnings {
                eprintln!("{}: warning: {w}", args.facts);
            }
        }
        Err(e) => return Outcome::Usage(format!("{}: {e}", args.facts)),
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

/// What deciding a batch needs, shared by the threads.
struct Job<'a> {
    evaluator: &'a grille::Evaluator<'a>,
    format: OutputFormat,
    explain: bool,
    threads: usize,
    facts: &'a str,
}

type Out = Writer<BufWriter<std::io::Stdout>>;

impl Job<'_> {
    /// Decides a batch and writes it, in input order; gives the writer back with the counts.
    fn run(
        &self,
        batch: Vec<Result<Record, Rejection>>,
        mut writer: Out,
    ) -> std::io::Result<(Out, usize, usize)> {
        let (mut decided, mut rejected) = (0, 0);
        for outcome in decide_batch(
            self.evaluator,
            &batch,
            self.format,
            self.explain,
            self.threads,
        ) {
            match outcome {
                Ok(Encoded::Bytes(bytes)) => {
                    decided += 1;
                    writer.write_encoded(&bytes)?;
                }
                Ok(Encoded::Row(index)) => {
                    decided += 1;
                    if let Ok(record) = &batch[index] {
                        let decision = if self.explain {
                            self.evaluator.decide_traced(record)
                        } else {
                            self.evaluator.decide(record)
                        };
                        if let Ok(d) = decision {
                            writer.write(&d)?;
                        }
                    }
                }
                Err(rejection) => {
                    rejected += 1;
                    eprintln!("{}: rejected: {rejection}", self.facts);
                }
            }
        }
        Ok((writer, decided, rejected))
    }
}

/// Records decided together: enough to keep every core busy, few enough to stream.
const BATCH: usize = 8192;

/// A decision ready to write: encoded already, or (for the table, laid out as
/// a whole) the index of its record, decided again when written.
enum Encoded {
    Bytes(Vec<u8>),
    Row(usize),
}

/// Decides and encodes a batch on several threads; the results keep input order.
fn decide_batch(
    evaluator: &grille::Evaluator,
    batch: &[Result<Record, Rejection>],
    format: OutputFormat,
    explain: bool,
    threads: usize,
) -> Vec<Result<Encoded, Rejection>> {
    let one = |(index, record): (usize, &Result<Record, Rejection>)| -> Result<Encoded, Rejection> {
        let record = record.as_ref().map_err(Clone::clone)?;
        let decision = if explain {
            evaluator.decide_traced(record)?
        } else {
            evaluator.decide(record)?
        };
        if format == OutputFormat::Table {
            return Ok(Encoded::Row(index));
        }
        let mut bytes = Vec::with_capacity(320);
        // Writing into memory cannot fail; an empty line would show if serialising ever did.
        let _ = encode(&decision, format, &mut bytes);
        Ok(Encoded::Bytes(bytes))
    };
    if threads <= 1 || batch.len() < 256 || format == OutputFormat::Table {
        return batch.iter().enumerate().map(one).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = batch
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                let one = &one;
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, r)| one((n * chunk + i, r)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker that panicked must not lose its records silently: the panic goes on.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn write_failed(e: std::io::Error) -> Outcome {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader went away (`| head`): not an error of ours.
        Outcome::Success
    } else {
        Outcome::Usage(format!("cannot write the output: {e}"))
    }
}
