//! Command-line interface: parse arguments, dispatch to a subcommand, map the
//! outcome to an exit code. Everything else lives in the library.
//!
//! Exit codes: 0 success; 1 the rules have errors or some records were rejected;
//! 2 usage error (bad flags, unreadable file, an output that cannot be written).
//! Nothing is printed with `print!` or `eprint!`: see [`console`].

mod check;
mod console;
mod diff;
mod doc;
mod eval;
mod explain;
mod fmt;
mod help_fr;
mod lang;
mod output;
mod replay;
mod sample;
#[cfg(feature = "serve")]
mod serve;
mod test;
mod usage_fr;
mod words;

use std::io::IsTerminal;
use std::process::ExitCode;

use console::say;
use grille::catalogue::colon;
pub(crate) use lang::{lang, set_lang};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "grille",
    version,
    about = "Classify employees under the job-classification rules of a collective agreement",
    long_about = "grille reads a rule file (the classification grid, jobs, floors and time rules of a \
collective agreement, written in the grille language) and decides, for each employee, the \
coefficient, level, category, status and minimum salary the rules entitle them to.\n\n\
Start with:\n  grille check rules/cgt-2008.grille\n  grille eval rules/cgt-2008.grille examples/workforce.json --as-of 2026-11-29\n  \
grille diff rules/idcc2098-2002.grille rules/cgt-2008.grille examples/workforce.json --as-of 2026-11-29",
    after_help = "Exit codes: 0 success (also when the reader of the output went away); 1 rule errors \
or rejected records; 2 usage errors, or an output that cannot be written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check rule files: report every error and warning with its line and column.
    Check(check::Args),
    /// Decide every employee of a facts file under a rule file.
    Eval(eval::Args),
    /// Explain one employee's decision step by step, citing the rules (French by default).
    Explain(explain::Args),
    /// Run the examples written in rule files (`exemple … attendu : …`).
    Test(test::Args),
    /// Rewrite rule files in the canonical layout, keeping every comment.
    Fmt(fmt::Args),
    /// Write a deterministic synthetic workforce (employee facts) drawn from rule files.
    #[command(long_about = sample::LONG_ABOUT)]
    Sample(sample::Args),
    /// Compare two rule sets: a redline of the rules and, given facts, the impact on a workforce.
    Diff(diff::Args),
    /// Write the rule set as a document: self-contained HTML, one section per declaration, printable on A4.
    Doc(doc::Args),
    /// Back-pay month by month for a contested classification, with prescription (READING §12).
    Replay(replay::Args),
    /// Open the negotiation workbench: a local web page to edit a rule file and see its effect.
    #[cfg(feature = "serve")]
    Serve(serve::Args),
}

/// How a command ended.
pub enum Outcome {
    Success,
    /// The rules have errors, or some records were rejected.
    Failure,
    /// The command could not run as asked.
    Usage(String),
}

pub fn run() -> ExitCode {
    let lang = help_lang(std::env::args_os());
    // Chosen before the flags are parsed: their parsers' errors are said in it.
    lang::fix(lang);
    let outcome = match parse_in(lang) {
        Ok(cli) => dispatch(cli),
        Err(e) => {
            // Help and version go to stdout, errors to stderr; neither may panic.
            let terminal = if e.use_stderr() {
                stderr_color()
            } else {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            };
            let french = match lang {
                grille::catalogue::Lang::Fr if e.use_stderr() => usage_fr::render(&e),
                _ => None,
            };
            let text = match french {
                Some(text) => text,
                None if terminal => e.render().ansi().to_string(),
                None => e.render().to_string(),
            };
            if e.use_stderr() {
                console::say_raw(&text);
                return console::status(2);
            }
            match console::out(text.as_bytes()) {
                Ok(()) => Outcome::Success,
                Err(e) => console::write_failed(console::STDOUT, &e),
            }
        }
    };
    match outcome {
        Outcome::Success => console::status(0),
        Outcome::Failure => console::status(1),
        Outcome::Usage(message) => {
            say!("{} {message}", words::error(self::lang()));
            console::status(2)
        }
    }
}

/// The command line read, its help in `lang` (French: [`help_fr`]).
fn parse_in(lang: grille::catalogue::Lang) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = match lang {
        grille::catalogue::Lang::Fr => help_fr::french(Cli::command()),
        grille::catalogue::Lang::En => Cli::command(),
    };
    Cli::from_arg_matches(&command.try_get_matches()?)
}

/// The language of `--help`: `--lang en` / `--lang=en` among the arguments
/// (before clap reads them), else the locale's.
fn help_lang(args: impl Iterator<Item = std::ffi::OsString>) -> grille::catalogue::Lang {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let asked = args.iter().enumerate().find_map(|(i, a)| match a.as_str() {
        "--lang" => args.get(i + 1).map(String::as_str),
        other => other.strip_prefix("--lang="),
    });
    match asked {
        Some("en") => grille::catalogue::Lang::En,
        Some("fr") => grille::catalogue::Lang::Fr,
        // Not `lang()`: the command's own `--lang` sets it once, later.
        _ => lang::locale_lang(|name| std::env::var(name).ok()),
    }
}

fn dispatch(cli: Cli) -> Outcome {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Test(args) => test::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Sample(args) => sample::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Doc(args) => doc::run(args),
        Command::Replay(args) => replay::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    }
}

/// Whether diagnostics on stderr may use colours.
fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Reads a file named on the command line (`-` for standard input).
fn read_input(path: &str, what: &str) -> Result<String, String> {
    let bytes = read_bytes(path, what)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before
            .iter()
            .rev()
            .take_while(|b| **b != b'\n')
            .filter(|b| (**b & 0xC0) != 0x80)
            .count()
            + 1;
        words::not_utf8(path, (line, column), what)
    })
}

/// The bytes of a file named on the command line (`-` for standard input).
fn read_bytes(path: &str, what: &str) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result.map_err(|e| words::cannot_read(what, path, &io_reason(&e)))?;
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    words::io_reason(e)
}

/// The files a rule set stands on besides the one named (the amended file, the
/// law): inputs too, that no `--output` may overwrite.
fn layer_files(rules: &grille::RuleSet) -> Vec<String> {
    rules.files().skip(1).map(|f| f.name.to_string()).collect()
}

/// Loads a rule file and the files it stands on, printing its errors; `None`
/// when it cannot be used.
fn load_rules(path: &str) -> Result<Option<(grille::RuleSet, grille::Report)>, String> {
    load_rules_with(path, grille::layers::Options::default())
}

/// The rule files named on the command line: the named one as read (it may be
/// standard input), the files it stands on from the disk.
struct RuleFiles {
    path: std::path::PathBuf,
    text: String,
}

impl grille::layers::Files for RuleFiles {
    fn read(&self, path: &std::path::Path) -> Result<String, String> {
        if grille::layers::normalize(path) == grille::layers::normalize(&self.path) {
            Ok(self.text.clone())
        } else {
            grille::layers::Disk.read(path)
        }
    }
}

/// A rule set and its reports, or the reports of its errors.
type Layered = Result<(grille::RuleSet, Vec<grille::Report>), Vec<grille::Report>>;

/// Reads and checks a rule file and its layers; every report is printed, the
/// named file's kept for the caller's summary.
fn load_layered(path: &str, options: grille::layers::Options) -> Result<Layered, String> {
    let bytes = read_bytes(path, "rule file")?;
    let text = match grille::rule_text(path, &bytes) {
        Ok(text) => text.to_string(),
        Err(report) => return Ok(Err(vec![report])),
    };
    let files = RuleFiles {
        path: path.into(),
        text,
    };
    match grille::load_with(&files, std::path::Path::new(path), options) {
        Ok(loaded) => Ok(Ok(loaded)),
        Err(grille::LoadError::Invalid(reports)) => Ok(Err(reports)),
        Err(grille::LoadError::Unreadable { path, reason }) => {
            Err(words::rule_file_unreadable(&path, &reason))
        }
    }
}

fn load_rules_with(
    path: &str,
    options: grille::layers::Options,
) -> Result<Option<(grille::RuleSet, grille::Report)>, String> {
    match load_layered(path, options)? {
        Ok((rules, mut reports)) => Ok(Some((rules, reports.swap_remove(0)))),
        Err(reports) => {
            let lang = lang();
            for report in &reports {
                console::say_raw(&report.render_brief_in(stderr_color(), lang));
                let count = grille::catalogue::Text::CheckCount {
                    errors: report.count(grille::Severity::Error),
                    warnings: report.count(grille::Severity::Warning),
                };
                say!("{}{} {}", report.file.name, colon(lang), count.say(lang));
            }
            Ok(None)
        }
    }
}

/// The count of a rule file's warnings, in one line (`--quiet` leaves it out):
/// `eval` and `diff` show them only there, `grille check` shows each.
fn say_rule_warnings(path: &str, report: &grille::Report) {
    let warnings = report.count(grille::Severity::Warning);
    if warnings > 0 {
        let lang = lang();
        let said = grille::catalogue::Text::RuleWarnings {
            warnings,
            file: path,
        };
        say!("{path}{} {}", colon(lang), said.say(lang));
    }
}

/// A rejected record on stderr, in the command's language.
fn say_rejection(facts: &str, rejection: &grille::facts::Rejection) {
    let lang = lang();
    let rejected = match lang {
        grille::catalogue::Lang::Fr => "rejeté",
        grille::catalogue::Lang::En => "rejected",
    };
    let c = colon(lang);
    say!("{facts}{c} {rejected}{c} {}", rejection.say(lang));
}

/// Applies `--set NAME=VALUE` overrides, saying each on stderr.
fn apply_settings(rules: &mut grille::RuleSet, settings: &[String]) -> Result<(), String> {
    apply_settings_as(rules, settings, "--set", None)
}

/// Applies overrides given with `flag`; `role` names the rule set on stderr when
/// two are compared (they may be the same file).
fn apply_settings_as(
    rules: &mut grille::RuleSet,
    settings: &[String],
    flag: &str,
    role: Option<&str>,
) -> Result<(), String> {
    for setting in settings {
        let Some((name, value)) = setting.split_once('=') else {
            return Err(words::write_name_value(flag, setting));
        };
        let value = &setting_value(value).map_err(|e| format!("{flag} {setting}: {e}"))?;
        grille::set_parameter_said(rules, name.trim(), value)
            .map_err(|e| format!("{flag} {setting}: {}", words::say(e)))?;
        let role = role.map(|r| format!(" ({r})")).unwrap_or_default();
        let file = rules.file().name.to_string();
        say!(
            "{}",
            words::set_for_this_run(&file, &role, name.trim(), value.trim())
        );
    }
    Ok(())
}

/// A `--set` value written as a CSV file may write a number (`1 800,00`,
/// `1 800,00 €`): with a decimal point, as the rule file writes it. Any other
/// value is left to the rule set to read.
fn setting_value(value: &str) -> Result<String, String> {
    let trimmed = value.trim();
    let number = trimmed
        .trim_end_matches('€')
        .trim_end_matches("EUR")
        .trim_end();
    let unit = &trimmed[number.len()..];
    let french = number.contains([',', ' ', '\u{A0}', '\u{202F}'])
        && number.bytes().any(|b| b.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || ",.- \u{A0}\u{202F}".contains(c));
    if !french {
        return Ok(value.to_string());
    }
    let decimal = grille::facts::parse_decimal_fr(number, false)
        .map_err(|said| said.say(lang()).to_string())?;
    Ok(format!("{decimal}{unit}"))
}

/// `--lang`: the library's [`grille::explain::Lang`], as the command line spells it.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Français (default).
    Fr,
    /// English.
    En,
}

impl From<LangArg> for grille::explain::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Fr => grille::explain::Lang::Fr,
            LangArg::En => grille::explain::Lang::En,
        }
    }
}

/// `eval --format`: the library's [`grille::report::OutputFormat`].
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DecisionFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array of decisions, in input order.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// One row per decision, the flat fields.
    Csv,
    /// A workbook (with --output FILE): the decisions and the rejections, a sheet each.
    Xlsx,
}

impl From<DecisionFormat> for grille::report::OutputFormat {
    fn from(format: DecisionFormat) -> Self {
        use grille::report::OutputFormat;
        match format {
            DecisionFormat::Table => OutputFormat::Table,
            DecisionFormat::Json => OutputFormat::Json,
            DecisionFormat::Jsonl => OutputFormat::Jsonl,
            DecisionFormat::Csv => OutputFormat::Csv,
            DecisionFormat::Xlsx => OutputFormat::Xlsx,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InputFormat {
    Json,
    Jsonl,
    Csv,
}

/// The format of a facts file, from `--input-format` or its extension.
fn facts_format(path: &str, format: Option<InputFormat>) -> Result<grille::facts::Format, String> {
    use grille::facts::Format;
    Ok(match format {
        Some(InputFormat::Json) => Format::Json,
        Some(InputFormat::Jsonl) => Format::JsonLines,
        Some(InputFormat::Csv) => Format::Csv,
        None => match Format::from_path(path) {
            Some(f) => f,
            None if path == "-" => Format::Json,
            None => return Err(words::unknown_format(path)),
        },
    })
}

/// How to read a CSV facts file, when the file does not say it well enough.
#[derive(clap::Args, Clone, Copy)]
pub struct Reading {
    /// CSV field separator (`;`, `,`, `tab`…); by default told by the header line.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// CSV text encoding; by default UTF-8, or Windows-1252 (with a warning) when not UTF-8.
    #[arg(long, value_enum, value_name = "ENCODING")]
    encoding: Option<EncodingArg>,
    /// CSV columns holding the fields, when the header's names are not known to grille:
    /// `id=Matricule,job=Emploi`, or a file with a `field = Column` pair per line.
    #[arg(long, value_name = "MAP|FILE", value_parser = parse_columns)]
    columns: Option<&'static grille::facts::ColumnMap>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    #[value(name = "latin-1", alias = "iso-8859-1")]
    Latin1,
}

impl Reading {
    fn options(self) -> grille::facts::Options {
        use grille::facts::Encoding;
        grille::facts::Options {
            delimiter: self.delimiter,
            encoding: self.encoding.map(|e| match e {
                EncodingArg::Utf8 => Encoding::Utf8,
                EncodingArg::Windows1252 => Encoding::Windows1252,
                EncodingArg::Latin1 => Encoding::Latin1,
            }),
            columns: self.columns.cloned().unwrap_or_default(),
            declared: Default::default(),
        }
    }
}

/// `--columns`: pairs given inline, or the name of a mapping file. Kept for the
/// whole run (leaked once): [`Reading`] stays `Copy`, as the commands take it.
fn parse_columns(text: &str) -> Result<&'static grille::facts::ColumnMap, String> {
    columns_map(text).map(|map| &*Box::leak(Box::new(map)))
}

fn columns_map(text: &str) -> Result<grille::facts::ColumnMap, String> {
    use grille::facts::ColumnMap;
    if text.contains('=') {
        return ColumnMap::parse(text).map_err(words::say);
    }
    let file = std::fs::read_to_string(text)
        .map_err(|e| words::columns_unreadable(text, &io_reason(&e)))?;
    let map = ColumnMap::parse_file(&file).map_err(|e| format!("{text}: {}", words::say(e)))?;
    Ok(map.read_from(text))
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match text.as_bytes() {
            [b] if (b.is_ascii_punctuation() && *b != b'"') || *b == b'\t' => Ok(*b),
            _ => Err(words::one_character()),
        },
    }
}

/// Starts reading a facts file record by record, its format from `--input-format`
/// or its extension.
/// `declared`: the fields the rule set declares as facts (`RuleSet::declared_fields`).
fn stream_facts(
    path: &str,
    format: Option<InputFormat>,
    reading: Reading,
    declared: grille::facts::Declared,
) -> Result<grille::facts::FactStream<'static>, String> {
    let format = facts_format(path, format)?;
    let input = open_facts(path)?;
    let options = grille::facts::Options {
        declared,
        ..reading.options()
    };
    grille::facts::stream_with(input, format, options)
        .map_err(|e| format!("{path}: {}", e.say(lang())))
}

/// Reads a whole facts file, its format from `--input-format` or its extension.
fn read_facts(
    path: &str,
    format: Option<InputFormat>,
    reading: Reading,
    declared: grille::facts::Declared,
) -> Result<grille::facts::Facts, String> {
    let mut records = stream_facts(path, format, reading, declared)?;
    let read: Vec<_> = records.by_ref().collect();
    let warnings = records
        .finish()
        .map_err(|e| format!("{path}: {}", e.say(lang())))?;
    Ok(grille::facts::Facts {
        records: read,
        warnings,
    })
}

/// A date on the command line, in the forms a CSV file may use: `2026-11-29`
/// or, day first, `29/11/2026`.
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    grille::facts::parse_date_fr(text.trim()).ok_or_else(|| words::not_a_date(text))
}

/// Threads to decide on: twice the cores, or what `GRILLE_THREADS` says (the
/// output is the same whatever the count). More threads than cores keep every
/// core busy while one thread reads the next batch or waits for the last
/// chunk of one (measured: 1.0 s instead of 1.4 s for a million records on 2 cores).
/// A `GRILLE_THREADS` that is not a number from 1 to 32 is not silently ignored:
/// a warning says so and what is used instead (the nearest count, else the default).
fn threads() -> usize {
    const MOST: usize = 32;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let default = (2 * cores).min(MOST);
    let asked = std::env::var_os("GRILLE_THREADS").unwrap_or_default();
    let text = asked.to_string_lossy();
    if text.trim().is_empty() {
        return default;
    }
    let used = match text.trim().parse::<usize>() {
        Ok(n) if (1..=MOST).contains(&n) => return n,
        Ok(n) => n.clamp(1, MOST),
        Err(_) => default,
    };
    say!("{}", words::threads(&text, MOST, used));
    used
}

/// Opens a facts file (`-`: standard input) for reading record by record.
fn open_facts(path: &str) -> Result<Box<dyn std::io::BufRead>, String> {
    use std::io::BufReader;
    if path == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    std::fs::File::open(path)
        .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn std::io::BufRead>)
        .map_err(|e| words::cannot_read("facts file", path, &io_reason(&e)))
}
