//! `grille sample`: write a deterministic synthetic workforce.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::console::say;
use super::output::{Input, Output};
use super::parse_date;
use super::{load_rules, Outcome};
use grille::facts::Format;
use grille::sample::{Generator, SampleOptions};

/// The long help of `grille sample` (the variant in `mod.rs` attaches it).
pub const LONG_ABOUT: &str =
    "Write a synthetic workforce: N employees with realistic facts (facts.md), for \
examples, benchmarks and demos. The same seed and options give the same bytes; another seed \
gives other people.\n\n\
Everything comes from the rule files, nothing from the program: job names and aliases, \
diplomas, coefficients, reference hours, the mission cap. The first rule file decides every \
employee generated (none is rejected) and gives the minimum salary each is paid around.\n\n\
Who is drawn:\n  \
- jobs: the first job of the first rule file about 55% of employees (its aliases included), \
the second about 20%, the others share the rest; names as payroll writes them, sometimes in \
capitals or without accents (\"TELECONSEILLER\");\n  \
- with several --rules, names every file recognises are preferred, so that `grille eval` \
decides most of the sample under each file;\n  \
- hired within the last 12 years, mostly recently; 15% with prior months in the job; \
diplomas of the first file, mostly the job's entry diploma or the third declared (bac in the \
shipped files);\n  \
- 8% with a previous-sector coefficient, 20% part-time, 30% with the applied coefficient \
(some one step below the decided one);\n  \
- salary: the minimum × 1.00 to 1.25, to the cent; 5% are paid below the minimum;\n  \
- JSON and JSON Lines only: 5% with 1 to 3 missions (some beyond the mission cap), 4% \
who moved into their job (some trials renewed, a few broken).";

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
grille sample --rules rules/cgt-2008.grille --employees 100000 --seed 7 --output big.jsonl\n  \
grille eval rules/cgt-2008.grille big.jsonl --format jsonl > decisions.jsonl\n  \
grille sample --rules rules/cgt-2008.grille --rules rules/idcc2098-2002.grille \\\n      \
--employees 1000 --seed 1 --as-of 2026-11-29 --output both.json\n  \
grille sample --rules rules/cgt-2008.grille --employees 20 --seed 3 --format csv\n\n\
CSV carries no missions and no moves (facts.md): a CSV sample is drawn without them; its other \
fields are those of the JSON sample of the same seed (salaries may differ where a mission \
raised the minimum).")]
pub struct Args {
    /// A rule file to draw from; repeat it to draw names every file recognises. The first decides every employee.
    #[arg(long = "rules", required = true, value_name = "FILE")]
    rules: Vec<String>,
    /// How many employees (ids S0000001, S0000002…).
    #[arg(long, value_name = "N")]
    employees: u64,
    /// The seed: the same seed and options give the same output, byte for byte.
    #[arg(long, value_name = "S")]
    seed: u64,
    /// Write to this file (atomically: nothing is left half-written); standard output if not given.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format when the output file's extension (.json, .jsonl, .csv) does not say it; jsonl by default. CSV omits missions and moves.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<SampleFormat>,
    /// The date the sample is drawn for (YYYY-MM-DD): hire dates are before it; today if not given. Give it for the same bytes on another day.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// With the payslips of the N months before --as-of, for `grille replay` (JSON Lines only).
    #[arg(long, value_name = "N")]
    history_months: Option<u32>,
    /// With --history-months: every employee hired before the first of those months and paid every month.
    #[arg(long, requires = "history_months")]
    history_full: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SampleFormat {
    /// One JSON array, one employee per line.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A header row and one row per employee; no missions, no moves.
    Csv,
}

impl SampleFormat {
    fn facts_format(self) -> Format {
        match self {
            SampleFormat::Json => Format::Json,
            SampleFormat::Jsonl => Format::JsonLines,
            SampleFormat::Csv => Format::Csv,
        }
    }
}

pub fn run(args: Args) -> Outcome {
    let format = match output_format(&args) {
        Ok(f) => f,
        Err(e) => return Outcome::Usage(e),
    };
    let mut rule_sets = Vec::with_capacity(args.rules.len());
    for path in &args.rules {
        match load_rules(path) {
            Ok(Some((rules, _warnings))) => rule_sets.push(rules),
            Ok(None) => return Outcome::Failure,
            Err(e) => return Outcome::Usage(e),
        }
    }
    let options = SampleOptions {
        employees: args.employees,
        seed: args.seed,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let generator = match Generator::new(&rule_sets, options) {
        Ok(g) => g,
        Err(e) => return Outcome::Usage(e.0),
    };
    let layers: Vec<String> = rule_sets.iter().flat_map(super::layer_files).collect();
    let inputs: Vec<Input<'_>> = args
        .rules
        .iter()
        .chain(&layers)
        .map(|path| Input {
            what: "rule file",
            path,
        })
        .collect();
    let mut output = match Output::open(args.output.as_deref(), &inputs) {
        Ok(output) => output,
        Err(e) => return Outcome::Usage(e),
    };
    let written = match args.history_months {
        Some(_) if format != Format::JsonLines => {
            return Outcome::Usage(
                "--history-months writes JSON Lines: use --format jsonl or a .jsonl output"
                    .to_string(),
            )
        }
        Some(months) => {
            let history = grille::replay::sample::PayHistory {
                months,
                full: args.history_full,
            };
            grille::replay::sample::write_sample(&generator, history, &mut output)
        }
        None => generator.write(format, &mut output),
    };
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            say!("error: {e}");
            return Outcome::Failure;
        }
        Err(e) => return output.failure(&e),
    }
    if let Err(outcome) = output.commit() {
        return outcome;
    }
    summary(&args, format, &options);
    Outcome::Success
}

/// The output file's extension, else `--format`, else JSON Lines; both must agree.
fn output_format(args: &Args) -> Result<Format, String> {
    let asked = args.format.map(SampleFormat::facts_format);
    let named = args
        .output
        .as_ref()
        .and_then(|p| Format::from_path(&p.to_string_lossy()));
    match (named, asked) {
        (Some(n), Some(a)) if n != a => Err(format!(
            "--format {} contradicts the extension of `{}`: drop one of them",
            format_name(a),
            args.output.as_deref().unwrap_or(Path::new("")).display()
        )),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(Format::JsonLines),
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::JsonLines => "jsonl",
        Format::Csv => "csv",
    }
}

fn summary(args: &Args, format: Format, options: &SampleOptions) {
    let written = super::words::sample_written(
        (options.employees, args.output.as_deref()),
        (format_name(format), options.seed, options.as_of),
        format == Format::Csv,
    );
    say!("{written}");
}
