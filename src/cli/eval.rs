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
    #[command(flatten)]
    reading: super::Reading,
    /// Stop at the first record rejected, after reporting it (exit code 1).
    #[arg(long)]
    strict: bool,
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
    let mut records = match super::stream_facts(&args.facts, args.input_format, args.reading) {
        Ok(records) => records,
        Err(e) => return Outcome::Usage(e),
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
        strict: args.strict,
    };
    // Reading the next batch overlaps deciding and writing the one before.
    let outcome = std::thread::scope(|scope| -> std::io::Result<(Option<Out>, Counts)> {
        let mut counts = Counts::default();
        let mut writer = Some(writer);
        let mut running: Option<std::thread::ScopedJoinHandle<_>> = None;
        loop {
            let batch: Vec<_> = if counts.stopped {
                Vec::new()
            } else {
                records.next_batch(BATCH, threads)
            };
            if let Some(previous) = running.take() {
                let (w, c) = previous
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))?;
                writer = Some(w);
                counts.add(c);
            }
            if batch.is_empty() || counts.stopped {
                return Ok((writer, counts));
            }
            let Some(w) = writer.take() else {
                return Ok((None, counts));
            };
            let job = &job;
            running = Some(scope.spawn(move || job.run(batch, w)));
        }
    });
    let (writer, counts) = match outcome {
        Ok((Some(writer), counts)) => (writer, counts),
        Ok((None, ..)) => return Outcome::Usage("the output was lost".to_string()),
        Err(e) => return write_failed(e),
    };
    let Counts {
        decided,
        rejected,
        stopped,
    } = counts;
    // The output is completed (the JSON array closed) even when the input broke off.
    let finished = records.finish();
    if let Err(e) = writer.finish().and_then(|mut w| w.flush()) {
        return write_failed(e);
    }
    match finished {
        Ok(_) if stopped => {}
        Ok(warnings) => {
            for w in &warnings {
                eprintln!("{}: warning: {w}", args.facts);
            }
        }
        Err(e) => {
            eprintln!(
                "{decided} decided, {rejected} rejected before the reading stopped (as of {as_of})"
            );
            return Outcome::Usage(format!("{}: {e}", args.facts));
        }
    }
    if stopped {
        eprintln!(
            "stopped at the first rejected record (--strict): {decided} decided, {rejected} rejected (as of {as_of})"
        );
        return Outcome::Failure;
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
    strict: bool,
}

/// Records decided and rejected; whether `--strict` stopped at a rejection.
#[derive(Default, Clone, Copy)]
struct Counts {
    decided: usize,
    rejected: usize,
    stopped: bool,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.decided += other.decided;
        self.rejected += other.rejected;
        self.stopped |= other.stopped;
    }
}

type Out = Writer<BufWriter<std::io::Stdout>>;

impl Job<'_> {
    /// Decides a batch and writes it, in input order; gives the writer back with the counts.
    fn run(
        &self,
        batch: Vec<Result<Record, Rejection>>,
        mut writer: Out,
    ) -> std::io::Result<(Out, Counts)> {
        let mut counts = Counts::default();
        for outcome in decide_batch(
            self.evaluator,
            &batch,
            self.format,
            self.explain,
            self.threads,
        ) {
            match outcome {
                Ok(Encoded::Bytes(bytes)) => {
                    counts.decided += 1;
                    writer.write_encoded(&bytes)?;
                }
                Ok(Encoded::Row(index)) => {
                    counts.decided += 1;
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
                    counts.rejected += 1;
                    eprintln!("{}: rejected: {rejection}", self.facts);
                    if self.strict {
                        counts.stopped = true;
                        break;
                    }
                }
            }
        }
        Ok((writer, counts))
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
