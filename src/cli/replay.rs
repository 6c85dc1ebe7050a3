//! `grille replay`: back-pay month by month for a contested classification
//! (READING §12), over the employees of a facts file with their history.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::console::say;
use super::output::{Input, Output};
use super::Outcome;
use grille::catalogue::Text;
use grille::facts::{Month, PayLine, Record, Rejection};
use grille::replay::{encode, tables, Replayer, Settings};
use grille::report::{csv_fr, xlsx};

#[derive(clap::Args)]
pub struct Args {
    /// The rule file, e.g. rules/idcc2098-2002.grille (with the layers it stands on).
    #[arg(value_name = "RULES")]
    rules: String,
    /// Employee facts with their history: JSON array or JSON Lines (`-` reads standard input).
    #[arg(value_name = "FACTS")]
    facts: String,
    /// Payslips in a separate file (CSV or JSON Lines: id, month, salary, hours?, coefficient?), joined by id.
    #[arg(long, value_name = "FILE")]
    pay: Option<String>,
    /// First month replayed (YYYY-MM).
    #[arg(long, value_name = "MONTH", value_parser = parse_month)]
    from: Month,
    /// Last month replayed (YYYY-MM), inclusive.
    #[arg(long, value_name = "MONTH", value_parser = parse_month)]
    to: Month,
    /// The day the claim is brought (YYYY-MM-DD): prescription counts from it; today if not given.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    claim_on: Option<NaiveDate>,
    /// Replay only this employee (repeatable); by default, every employee of the file.
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
    /// Output format: text (default), json, jsonl, csv, xlsx (a workbook: give --output FILE.xlsx), or html (the claim dossier of one employee).
    #[arg(long, value_enum, default_value_t = ReplayFormat::Text)]
    format: ReplayFormat,
    /// CSV as French spreadsheets open it: `;`, decimal commas, dates day first,
    /// French headers and warnings, a UTF-8 byte-order mark.
    #[arg(long)]
    csv_fr: bool,
    /// Language of the text output and of what is said on stderr (French, or
    /// English under an English locale, unless given).
    #[arg(long, value_enum)]
    lang: Option<super::LangArg>,
    /// Write to FILE instead of standard output (a temporary file in the same folder, renamed when complete).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Format of the facts file, when its extension does not say it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<super::InputFormat>,
    #[command(flatten)]
    reading: super::Reading,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReplayFormat {
    Text,
    Json,
    Jsonl,
    Csv,
    Html,
    Xlsx,
    /// `--csv-fr`.
    #[value(skip)]
    CsvFr,
}

fn parse_month(text: &str) -> Result<Month, String> {
    Month::parse(text).ok_or_else(|| format!("`{text}` is not a month written YYYY-MM"))
}

/// What a worker hands the writer for one employee replayed: its id, and its
/// rows when the output is a workbook (laid out once all are in).
struct Replayed {
    id: String,
    cells: Vec<Vec<xlsx::Cell>>,
}

/// `--csv-fr` as a format of its own; a workbook written to a terminal refused.
fn french_csv_or_workbook(args: &mut Args) -> Result<(), String> {
    if args.csv_fr {
        if !matches!(args.format, ReplayFormat::Text | ReplayFormat::Csv) {
            return Err(super::words::csv_fr_needs_csv());
        }
        args.format = ReplayFormat::CsvFr;
    }
    if args.format == ReplayFormat::Xlsx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(super::words::xlsx_needs_output());
    }
    Ok(())
}

fn french_header() -> Vec<u8> {
    let mut header = Vec::new();
    csv_fr::header(&mut header, &tables::HEADERS);
    header
}

/// Payslips of the separate file by id, each with where it was read.
type PayById = HashMap<String, Vec<PayLine>>;

pub fn run(mut args: Args) -> Outcome {
    let lang = super::set_lang(args.lang);
    let settings = match settings(&mut args) {
        Ok(settings) => settings,
        Err(e) => return Outcome::Usage(e),
    };
    let (rules, report) = match super::load_rules(&args.rules) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Outcome::Failure,
        Err(e) => return Outcome::Usage(e),
    };
    super::say_rule_warnings(&args.rules, &report);
    let (pay, mut failed) = match read_pay(&args) {
        Ok(read) => read,
        Err(e) => return Outcome::Usage(e),
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
    let mut output = match open_output(&args, &rules) {
        Ok(output) => output,
        Err(e) => return Outcome::Usage(e),
    };
    let replayer = Replayer::new(&rules, settings);
    let wanted: HashSet<&str> = args.ids.iter().map(String::as_str).collect();
    let replay_one = |record: &Record, out: &mut Vec<u8>| {
        replay_one(&replayer, (&pay, &wanted), args.format, record, out)
    };
    let mut delivered = Delivered::new();
    let stopped = records.map_parallel(super::threads(), replay_one, |result| {
        delivered.take(result, &wanted, &args, &mut output)
    });
    let Delivered {
        sheets,
        seen,
        replayed,
        rejected,
        count,
    } = delivered;
    if let Some(e) = stopped {
        return output.failure(&e);
    }
    let finished = records.finish();
    let end = end(args.format, count, &sheets);
    if let Err(e) = end.and_then(|end| std::io::Write::write_all(&mut output, &end)) {
        return output.failure(&e);
    }
    match finished {
        Ok(warnings) => {
            for w in &warnings {
                say!("{}", w.line(&args.facts, super::lang()));
            }
        }
        Err(e) => return Outcome::Usage(format!("{}: {}", args.facts, e.say(lang))),
    }
    failed += report_unjoined(&args, &pay, &seen, &wanted);
    for id in args.ids.iter().filter(|id| !seen.contains(id.as_str())) {
        let said = Text::NoEmployeeWithId {
            id,
            facts: &args.facts,
        };
        say!("{}", said.say(lang));
        failed += 1;
    }
    if let Err(outcome) = output.commit() {
        return outcome;
    }
    let summary = Text::ReplaySummary {
        replayed,
        rejected,
        from: settings.from,
        to: settings.to,
        claim_on: settings.claim_on,
    };
    say!("{}", summary.say(lang));
    if rejected > 0 || failed > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// The months replayed and the claim's day; the format's checks.
fn settings(args: &mut Args) -> Result<Settings, String> {
    french_csv_or_workbook(args)?;
    let settings = Settings {
        from: args.from,
        to: args.to,
        claim_on: args
            .claim_on
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    if grille::replay::check_settings(&settings).is_err() {
        let said = Text::ReplayRange {
            from: args.from,
            to: args.to,
        };
        return Err(format!(
            "--from {} --to {}: {}",
            args.from,
            args.to,
            said.say(super::lang())
        ));
    }
    if args.format == ReplayFormat::Html && args.ids.len() != 1 {
        return Err(super::words::html_needs_one_id());
    }
    Ok(settings)
}

/// Where the replays go: never over one of the inputs (the rule files, the
/// files they stand on, the facts, the pay file).
fn open_output(args: &Args, rules: &grille::RuleSet) -> Result<Output, String> {
    let mut inputs = vec![
        Input {
            what: "rule file",
            path: &args.rules,
        },
        Input {
            what: "facts file",
            path: &args.facts,
        },
    ];
    if let Some(pay) = &args.pay {
        inputs.push(Input {
            what: "pay file",
            path: pay,
        });
    }
    Output::open_over(args.output.as_deref(), inputs, &[rules])
}

/// One record replayed (on a worker thread), with its payslips of the pay
/// file, written into `out` in the output's format; `None` when it is not one
/// of the ids asked for.
fn replay_one(
    replayer: &Replayer,
    (pay, wanted): (&PayById, &HashSet<&str>),
    format: ReplayFormat,
    record: &Record,
    out: &mut Vec<u8>,
) -> Result<Option<Replayed>, Rejection> {
    if !wanted.is_empty() && !wanted.contains(record.id.as_str()) {
        return Ok(None);
    }
    let joined;
    let record = match pay.get(&record.id) {
        Some(lines) => {
            joined = join_pay(record, lines)?;
            &joined
        }
        None => record,
    };
    let replay = replayer.replay(record)?;
    let mut cells = Vec::new();
    match format {
        ReplayFormat::Xlsx => cells = tables::rows(&replay, Some(replayer.rules())),
        format => write_one(replayer, record, &replay, format, super::lang(), out),
    }
    Ok(Some(Replayed {
        id: record.id.clone(),
        cells,
    }))
}

/// What the writer has seen of the replays, in input order.
struct Delivered {
    /// The workbook's sheets: the replays' rows, the rejections'.
    sheets: [xlsx::Sheet; 2],
    /// The ids of the records read, replayed or rejected.
    seen: HashSet<String>,
    replayed: usize,
    rejected: usize,
    /// The employees written (a JSON array's elements).
    count: usize,
}

impl Delivered {
    fn new() -> Self {
        Delivered {
            sheets: [
                xlsx::Sheet::new(tables::SHEET, &tables::HEADERS),
                xlsx::Sheet::new(xlsx::REJECTIONS, &xlsx::REJECTION_HEADERS),
            ],
            seen: HashSet::new(),
            replayed: 0,
            rejected: 0,
            count: 0,
        }
    }

    /// One record's replay (`None`: not one of the ids asked for) or
    /// rejection; breaks with the error when the output cannot be written.
    fn take(
        &mut self,
        result: Result<(Option<Replayed>, &[u8]), Rejection>,
        wanted: &HashSet<&str>,
        args: &Args,
        output: &mut Output,
    ) -> ControlFlow<std::io::Error> {
        match result {
            Ok((None, _)) => {}
            Ok((Some(Replayed { id, cells }), bytes)) => {
                self.replayed += 1;
                self.seen.insert(id);
                self.sheets[0].rows.extend(cells);
                let written = frame(args.format, self.count, bytes, output);
                self.count += 1;
                if let Err(e) = written {
                    return ControlFlow::Break(e);
                }
            }
            Err(rejection) => {
                if let Some(id) = &rejection.id {
                    self.seen.insert(id.clone());
                }
                if wanted.is_empty()
                    || rejection
                        .id
                        .as_deref()
                        .is_some_and(|id| wanted.contains(id))
                {
                    self.rejected += 1;
                    super::say_rejection(&args.facts, &rejection);
                    self.sheets[1].rows.push(xlsx::rejection_cells(&rejection));
                }
            }
        }
        ControlFlow::Continue(())
    }
}

/// What ends the output after `count` employees: a JSON array's close, the
/// whole workbook (laid out once all are in), nothing for the other formats.
fn end(format: ReplayFormat, count: usize, sheets: &[xlsx::Sheet]) -> std::io::Result<Vec<u8>> {
    Ok(match (format, count) {
        (ReplayFormat::Json, 0) => b"[]\n".to_vec(),
        (ReplayFormat::Json, _) => b"\n]\n".to_vec(),
        (ReplayFormat::Xlsx, _) => xlsx::workbook(sheets).map_err(std::io::Error::other)?,
        _ => Vec::new(),
    })
}

/// The separate pay file by id; lines that cannot be read are reported (and counted).
fn read_pay(args: &Args) -> Result<(PayById, usize), String> {
    let Some(path) = &args.pay else {
        return Ok((PayById::new(), 0));
    };
    let format = super::facts_format(path, None)?;
    let bytes = super::read_bytes(path, "pay file")?;
    let file = grille::facts::read_pay(&bytes, format, args.reading.options())
        .map_err(|e| format!("{path}: {}", e.say(super::lang())))?;
    for w in &file.warnings {
        say!("{}", w.line(path, super::lang()));
    }
    let mut by_id = PayById::new();
    let mut failed = 0;
    for line in file.lines {
        match line {
            Ok(line) => by_id.entry(line.id.clone()).or_default().push(line),
            Err(rejection) => {
                failed += 1;
                super::say_rejection(path, &rejection);
            }
        }
    }
    Ok((by_id, failed))
}

/// The record with the payslips of the separate file; a month the record or
/// the file already gives is a contradiction, named with its line.
fn join_pay(record: &Record, lines: &[PayLine]) -> Result<Record, Rejection> {
    let mut joined = record.clone();
    let history = joined.history.get_or_insert_with(Default::default);
    for line in lines {
        history.add_pay(line.pay.clone()).map_err(|month| {
            Rejection::new(
                record.position,
                Some(&record.id),
                Some("pay"),
                grille::facts::Reason::MonthGivenAgain {
                    month: month.to_string(),
                    again: line.position,
                },
            )
        })?;
    }
    Ok(joined)
}

/// Reports payslips whose id is in no record of the facts (never dropped in silence).
fn report_unjoined(
    args: &Args,
    pay: &PayById,
    seen: &HashSet<String>,
    wanted: &HashSet<&str>,
) -> usize {
    let Some(path) = &args.pay else { return 0 };
    let mut unjoined: Vec<&PayLine> = pay
        .iter()
        .filter(|(id, _)| {
            !seen.contains(*id) && (wanted.is_empty() || wanted.contains(id.as_str()))
        })
        .flat_map(|(_, lines)| lines)
        .collect();
    unjoined.sort_by_key(|l| match l.position {
        grille::facts::Position::Line(n) | grille::facts::Position::Record(n) => n,
    });
    for line in &unjoined {
        let said = Text::PayUnjoined {
            position: line.position,
            id: &grille::facts::short(&line.id),
            facts: &args.facts,
            month: line.pay.month,
        };
        say!("{path}: {}", said.say(super::lang()));
    }
    unjoined.len()
}

fn write_one(
    replayer: &Replayer,
    record: &Record,
    replay: &grille::replay::Replay,
    format: ReplayFormat,
    lang: grille::catalogue::Lang,
    out: &mut Vec<u8>,
) {
    match format {
        ReplayFormat::Json | ReplayFormat::Jsonl => {
            encode::json(replay, out);
            out.push(b'\n');
        }
        ReplayFormat::Csv => encode::csv(replay, out),
        ReplayFormat::CsvFr => tables::csv_fr(replay, out),
        // Laid out as a whole once every employee is replayed.
        ReplayFormat::Xlsx => {}
        ReplayFormat::Text => {
            let text = grille::replay::text::render(replayer.rules(), replay, lang);
            out.extend_from_slice(text.as_bytes());
        }
        ReplayFormat::Html => {
            let explanations: Vec<String> = replay
                .rights
                .iter()
                .map(|r| replayer.explain(record, r.since, grille::explain::Lang::Fr))
                .collect();
            let html = grille::replay::html::dossier(replayer.rules(), replay, &explanations);
            out.extend_from_slice(html.as_bytes());
        }
    }
}

/// Writes one employee's bytes as the format frames them: a JSON array's
/// element, the CSV header before the first, a blank line between texts
/// (written as they are: a replay writes about 10 kB an employee).
fn frame(
    format: ReplayFormat,
    index: usize,
    bytes: &[u8],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let (before, bytes): (&[u8], &[u8]) = match format {
        ReplayFormat::Json => (
            if index == 0 { b"[\n  " } else { b",\n  " },
            bytes.strip_suffix(b"\n").unwrap_or(bytes),
        ),
        ReplayFormat::Csv if index == 0 => (encode::CSV_HEADER.as_bytes(), bytes),
        ReplayFormat::CsvFr if index == 0 => {
            out.write_all(&french_header())?;
            (b"", bytes)
        }
        ReplayFormat::Text if index > 0 => (b"\n", bytes),
        _ => (b"", bytes),
    };
    out.write_all(before)?;
    out.write_all(bytes)
}
