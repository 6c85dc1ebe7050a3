//! `grille diff`: compare two rule sets, and their effect on a workforce.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::console::{self, say};
use super::output::{Input, Output};
use super::Outcome;
use grille::diff::{self, figures, html, impact::Kind, output, Comparer, Impact, Redline};

#[derive(clap::Args)]
pub struct Args {
    /// The base rule file (the rules in force), e.g. rules/idcc2098-2002.grille.
    #[arg(value_name = "BASE")]
    base: String,
    /// The proposal's rule file, e.g. rules/cgt-2008.grille.
    #[arg(value_name = "PROPOSAL")]
    proposal: String,
    /// Employee facts decided under both (JSON array, JSON Lines or CSV; `-` reads
    /// standard input). Without it, only the redline of the rules.
    #[arg(value_name = "FACTS")]
    facts: Option<String>,
    /// Evaluation date (YYYY-MM-DD) of both rule sets; today if not given.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<NaiveDate>,
    /// `text` (terminal summary), `json` (everything), `csv` (one row per employee), `html` (report to share),
    /// `xlsx` (a spreadsheet: the employees, the totals, by job, by band; give --output FILE.xlsx).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The employees' table as French spreadsheets open it: `;`, decimal commas, dates
    /// day first, French headers, names for people, a UTF-8 byte-order mark.
    #[arg(long)]
    csv_fr: bool,
    /// Language of what is said on standard error: `fr` or `en` (by default, the
    /// locale's: English when LC_ALL, LC_MESSAGES or LANG starts with `en`, French
    /// otherwise). The reports are French.
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
    /// Override a parameter in both rule sets, e.g. `--set smcc=1850.00` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Override a parameter in the base only (repeatable).
    #[arg(long = "set-base", value_name = "NAME=VALUE")]
    set_base: Vec<String>,
    /// Override a parameter in the proposal only (repeatable).
    #[arg(long = "set-proposal", value_name = "NAME=VALUE")]
    set_proposal: Vec<String>,
    /// Compare the agreements as written, without the law above them (the SMIC…).
    #[arg(long)]
    agreement_only: bool,
    /// A scenario of the proposal, `NAME:param=value[,param=value]`, e.g.
    /// `smcc-1850:smcc=1850.00` (repeatable): every employee is also decided under
    /// each, and the reports show them side by side.
    #[arg(long = "scenario", value_name = "NAME:PARAM=VALUE,…")]
    scenario: Vec<String>,
    /// For an employee the base rejects, the facts' `coefficient` (the one the
    /// employer applies) stands as the "before", marked as such.
    #[arg(long)]
    base_from_facts: bool,
    /// A cost parameter: `taux_charges=0.42` adds an estimate of employer
    /// contributions to the costs.
    #[arg(long = "set-cost", value_name = "NAME=VALUE")]
    set_cost: Vec<String>,
    /// How many of the largest changes (and one-sided records) to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Html,
    Xlsx,
}

/// Progress on a terminal, every this many records.
const PROGRESS_EVERY: usize = 100_000;

pub fn run(mut args: Args) -> Outcome {
    super::set_lang(args.lang);
    if let Err(e) = output_format(&mut args) {
        return Outcome::Usage(e);
    }
    let (base, proposal) = match load_both(&args) {
        Ok(Some(both)) => both,
        Ok(None) => return Outcome::Failure,
        Err(e) => return Outcome::Usage(e),
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let redline = diff::compare_at(&base, &proposal, as_of);
    let costs = match costs(&args) {
        Ok(costs) => costs,
        Err(e) => return Outcome::Usage(e),
    };
    let scenarios = match scenarios(&args, &proposal) {
        Ok(s) => s,
        Err(e) => return Outcome::Usage(e),
    };
    let Some(facts) = args.facts.clone() else {
        return redline_only(&args, &redline, [&base, &proposal]);
    };
    let mut records = match super::stream_facts(
        &facts,
        args.input_format,
        args.reading,
        base.declared_fields().union(&proposal.declared_fields()),
    ) {
        Ok(records) => records,
        Err(e) => return Outcome::Usage(e),
    };
    let mut sink = match open_output(&args, &[&base, &proposal]) {
        Ok(s) => s,
        Err(e) => return Outcome::Usage(e),
    };
    let options = diff::Options {
        every_cause: matches!(args.format, Format::Csv | Format::Json | Format::Xlsx),
        base_from_facts: args.base_from_facts,
    };
    let comparer = Comparer::new(&base, &proposal, as_of)
        .with_options(options)
        .with_scenarios(&scenarios);
    let names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    let start = Start {
        redline: &redline,
        as_of,
        facts: &facts,
        scenarios: &names,
    };
    let sides = [&base, &proposal];
    let written = compare_all(
        &args,
        (&comparer, &mut records),
        &start,
        &mut sink,
        costs,
        sides,
    );
    // Dropped on an early return, an unfinished output file leaves the target as it was.
    let impact = match (written, records.finish()) {
        (_, Err(e)) => return Outcome::Usage(format!("{facts}: {}", e.say(super::lang()))),
        (Err(e), _) => return sink.failure(&e),
        (Ok(impact), Ok(warnings)) => {
            for w in warnings {
                say!("{}", w.line(&facts, super::lang()));
            }
            impact
        }
    };
    let context = figures::Context {
        base: &redline.base,
        proposal: &redline.proposal,
        as_of,
        facts: &facts,
        impact: &impact,
        costs,
        radar: radars(args.format, [&base, &proposal], as_of),
    };
    if let Err(outcome) = write_whole(&args, &redline, &context, sink) {
        return outcome;
    }
    summarize(&impact, as_of)
}

/// The report written once every employee is in (text, HTML), and the
/// output committed.
fn write_whole(
    args: &Args,
    redline: &Redline,
    context: &figures::Context,
    mut sink: Output,
) -> Result<(), Outcome> {
    let whole = match args.format {
        Format::Text => Some(diff::text::impact(context, args.top.min(10))),
        Format::Html => Some(html::report(redline, Some(context))),
        Format::Json | Format::Csv | Format::Xlsx => None,
    };
    if let Some(text) = whole {
        if let Err(e) = sink.write_all(text.as_bytes()) {
            return Err(sink.failure(&e));
        }
    }
    sink.commit()
}

/// Every employee compared under both sides, each row written as it comes
/// (in input order) with progress on a terminal, then the totals' rows.
fn compare_all<'r>(
    args: &Args,
    (comparer, records): (&Comparer<'r>, &mut grille::facts::FactStream),
    start: &Start,
    sink: &mut Output,
    costs: figures::Costs,
    [base, proposal]: [&grille::RuleSet; 2],
) -> std::io::Result<Impact<'r>> {
    let explain = output::ExplainRef {
        rules: &args.proposal,
        facts: start.facts,
        as_of: start.as_of,
    };
    let mut rows = Rows::start(args.format, args.csv_fr, sink, start)?;
    let names = grille::diff::sheets::SideNames::new(base, proposal);
    let mut progress = Progress::new();
    let impact = comparer.run_parallel(records, super::threads(), args.top, |row| {
        progress.tick();
        rows.write(row, &explain, &names)
    })?;
    progress.done();
    rows.finish(&impact, costs)?;
    Ok(impact)
}

/// `--csv-fr` is CSV written the French way; a workbook goes to a file.
fn output_format(args: &mut Args) -> Result<(), String> {
    if args.csv_fr {
        match args.format {
            Format::Text | Format::Csv => args.format = Format::Csv,
            _ => return Err(super::words::csv_fr_needs_csv()),
        }
    }
    if args.format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(super::words::xlsx_needs_output());
    }
    Ok(())
}

/// The employer's costs, with the `--set-cost` values.
fn costs(args: &Args) -> Result<figures::Costs, String> {
    let mut costs = figures::Costs::default();
    for setting in &args.set_cost {
        costs.set(setting)?;
    }
    Ok(costs)
}

/// Each side's levels below the SMIC, for the formats people read (text,
/// HTML); the sides that stand under no law have none.
fn radars(
    format: Format,
    sides: [&grille::RuleSet; 2],
    as_of: NaiveDate,
) -> Vec<figures::SideRadar> {
    match format {
        Format::Text | Format::Html => sides
            .iter()
            .enumerate()
            .filter_map(|(side, rules)| figures::SideRadar::of(side, rules, as_of))
            .collect(),
        Format::Json | Format::Csv | Format::Xlsx => Vec::new(),
    }
}

/// The `--scenario`s, each a copy of the proposal with its settings.
fn scenarios(args: &Args, proposal: &grille::RuleSet) -> Result<Vec<diff::Scenario>, String> {
    let mut out: Vec<diff::Scenario> = Vec::new();
    for spec in &args.scenario {
        let scenario = diff::Scenario::parse(proposal, spec)?;
        if out.iter().any(|s| s.name == scenario.name) {
            return Err(format!(
                "--scenario {spec}: the name `{}` is given twice: name each scenario once",
                scenario.name
            ));
        }
        say!("scenario {}: {}", scenario.name, scenario.settings_text());
        out.push(scenario);
    }
    Ok(out)
}

fn load_both(args: &Args) -> Result<Option<(grille::RuleSet, grille::RuleSet)>, String> {
    let mut loaded = Vec::new();
    for (path, role, own) in [
        (&args.base, "base", &args.set_base),
        (&args.proposal, "proposal", &args.set_proposal),
    ] {
        let options = grille::layers::Options {
            agreement_only: args.agreement_only,
        };
        let Some((mut rules, report)) = super::load_rules_with(path, options)? else {
            return Ok(None);
        };
        super::apply_settings_as(&mut rules, &args.set, "--set", Some(role))?;
        super::apply_settings_as(&mut rules, own, &format!("--set-{role}"), Some(role))?;
        super::say_rule_warnings(path, &report);
        loaded.push(rules);
    }
    let proposal = loaded.pop().expect("two rule sets");
    let base = loaded.pop().expect("two rule sets");
    Ok(Some((base, proposal)))
}

fn redline_only(args: &Args, redline: &Redline, rules: [&grille::RuleSet; 2]) -> Outcome {
    let text = match args.format {
        Format::Text => diff::text::redline(redline),
        Format::Json => serde_json::to_string_pretty(redline).unwrap_or_default() + "\n",
        Format::Html => html::report(redline, None),
        Format::Csv | Format::Xlsx => {
            return Outcome::Usage(
                "--format csv and xlsx give one row per employee: name a facts file".to_string(),
            )
        }
    };
    let mut sink = match open_output(args, &rules) {
        Ok(s) => s,
        Err(e) => return Outcome::Usage(e),
    };
    if let Err(e) = sink.write_all(text.as_bytes()) {
        return sink.failure(&e);
    }
    match sink.commit() {
        Ok(()) => Outcome::Success,
        Err(outcome) => outcome,
    }
}

/// Standard output or `--output`, which may be none of the files compared.
fn open_output(args: &Args, rules: &[&grille::RuleSet]) -> Result<Output, String> {
    let mut inputs = vec![
        Input {
            what: "base rule file",
            path: &args.base,
        },
        Input {
            what: "proposal's rule file",
            path: &args.proposal,
        },
    ];
    if let Some(facts) = &args.facts {
        inputs.push(Input {
            what: "facts file",
            path: facts,
        });
    }
    Output::open_over(args.output.as_deref(), inputs, rules)
}

/// What the per-employee outputs start with.
struct Start<'a> {
    redline: &'a Redline,
    as_of: NaiveDate,
    facts: &'a str,
    scenarios: &'a [&'a str],
}

/// The per-employee outputs, written as rows come.
enum Rows<'w> {
    None,
    // Boxed: a CSV writer carries its buffer.
    Csv(Box<csv::Writer<&'w mut (dyn Write + Send)>>),
    Json(output::JsonWriter<&'w mut (dyn Write + Send)>),
    /// `--csv-fr`: each row written as it comes, the French way.
    CsvFr(&'w mut (dyn Write + Send)),
    /// `--format xlsx`: the employees' rows kept for the sheet, written at the end.
    Xlsx(&'w mut (dyn Write + Send), grille::report::xlsx::Sheet),
}

impl<'w> Rows<'w> {
    fn start(
        format: Format,
        csv_fr: bool,
        out: &'w mut (dyn Write + Send),
        s: &Start,
    ) -> std::io::Result<Self> {
        use grille::diff::sheets;
        let headers = || sheets::employee_headers(s.scenarios);
        Ok(match format {
            Format::Csv if csv_fr => {
                let mut bytes = Vec::new();
                let headers = headers();
                let columns: Vec<&str> = headers.iter().map(String::as_str).collect();
                grille::report::csv_fr::header(&mut bytes, &columns);
                out.write_all(&bytes)?;
                Rows::CsvFr(out)
            }
            Format::Xlsx => {
                let mut sheet = grille::report::xlsx::Sheet::new(sheets::EMPLOYEES, &[]);
                sheet.headers = headers();
                Rows::Xlsx(out, sheet)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(output::csv_header(s.scenarios))?;
                Rows::Csv(Box::new(w))
            }
            Format::Json => {
                Rows::Json(output::JsonWriter::start(out, s.redline, s.as_of, s.facts)?)
            }
            Format::Text | Format::Html => Rows::None,
        })
    }

    fn write(
        &mut self,
        row: &diff::Row,
        explain: &output::ExplainRef,
        names: &grille::diff::sheets::SideNames,
    ) -> std::io::Result<()> {
        match self {
            Rows::None => Ok(()),
            Rows::Csv(w) => Ok(w.write_record(output::csv_full_record(row, explain))?),
            Rows::Json(w) => w.row(row),
            Rows::CsvFr(out) => {
                let mut bytes = Vec::new();
                let cells = grille::diff::sheets::employee_cells(row, explain, names);
                grille::report::csv_fr::cells_row(&mut bytes, &cells);
                out.write_all(&bytes)
            }
            Rows::Xlsx(_, sheet) => {
                sheet
                    .rows
                    .push(grille::diff::sheets::employee_cells(row, explain, names));
                Ok(())
            }
        }
    }

    fn finish(self, impact: &Impact, costs: figures::Costs) -> std::io::Result<()> {
        match self {
            Rows::None => Ok(()),
            Rows::Csv(mut w) => w.flush(),
            Rows::Json(w) => w.finish_with(impact, costs).map(|_| ()),
            Rows::CsvFr(out) => out.flush(),
            Rows::Xlsx(out, employees) => {
                let sheets = grille::diff::sheets::workbook_sheets(employees, impact);
                let bytes =
                    grille::report::xlsx::workbook(&sheets).map_err(std::io::Error::other)?;
                out.write_all(&bytes)
            }
        }
    }
}

/// A count on stderr when it is a terminal; nothing when piped.
struct Progress {
    on: bool,
    count: usize,
}

impl Progress {
    fn new() -> Self {
        Progress {
            on: std::io::stderr().is_terminal(),
            count: 0,
        }
    }

    fn tick(&mut self) {
        self.count += 1;
        if self.on && self.count % PROGRESS_EVERY == 0 {
            console::say_raw(&format!("\r{} records compared…", self.count));
        }
    }

    fn done(&self) {
        if self.on && self.count >= PROGRESS_EVERY {
            console::say_raw("\r\x1b[2K");
        }
    }
}

fn summarize(impact: &Impact, as_of: NaiveDate) -> Outcome {
    let count = |k: Kind| impact.changes.get(k);
    let said = grille::catalogue::Text::DiffSummary {
        records: impact.records,
        as_of,
        both: impact.decided_both(),
        base_only: count(Kind::OnlyBase),
        proposal_only: count(Kind::OnlyProposal),
        rejected: count(Kind::Rejected),
    };
    say!("{}", said.say(super::lang()));
    if impact.decided_both() == impact.records {
        Outcome::Success
    } else {
        Outcome::Failure
    }
}
