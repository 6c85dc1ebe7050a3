//! `grille check`: report every error and warning of rule files.

use super::console::{self, say};
use super::{stderr_color, Outcome};
use grille::catalogue::colon;
use grille::Severity;

#[derive(clap::Args)]
pub struct Args {
    /// Rule files to check.
    #[arg(required = true, value_name = "RULES")]
    files: Vec<String>,
    /// `human` (rendered with the source lines) or `json` (for tools, on stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also warn, for a rule set under the law, of each level whose minimum is
    /// below the SMIC on this day (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// For a rule set under the law, print one line per level: the periods its
    /// minimum was below the SMIC, from the first dated value to --as-of (today
    /// by default).
    #[arg(long)]
    radar: bool,
    /// Show every warning with its source lines (by default, one line each, grouped).
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Language of the report: `fr` or `en` (by default, the locale's: English
    /// when LC_ALL, LC_MESSAGES or LANG starts with `en`, French otherwise).
    #[arg(long, value_enum)]
    lang: Option<super::LangArg>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: Args) -> Outcome {
    let lang = super::set_lang(args.lang);
    let mut failed = false;
    let mut all = Vec::new();
    for path in &args.files {
        // The jobs' declared names, for the grouped warnings' lines.
        let mut job_names = std::collections::HashMap::new();
        let reports = match super::load_layered(path, Default::default()) {
            Ok(Ok((rules, reports))) => {
                job_names = rules
                    .job_ids_and_names()
                    .map(|(id, name)| (id.to_string(), name.to_string()))
                    .collect();
                if args.radar {
                    if let Err(e) = print_periods(path, &rules, args.as_of, lang) {
                        return console::write_failed(console::STDOUT, &e);
                    }
                }
                with_radar(&rules, reports, args.as_of)
            }
            Ok(Err(reports)) => reports,
            Err(e) => return Outcome::Usage(e),
        };
        for (i, mut report) in reports.into_iter().enumerate() {
            failed |= report.has_errors();
            // A file the named one stands on is checked on its own: only its
            // errors are shown here, its warnings counted in one line.
            let hidden = if i > 0 {
                let before = report.diagnostics.len();
                report.diagnostics.retain(|d| d.is_error());
                before - report.diagnostics.len()
            } else {
                0
            };
            if i > 0 && report.diagnostics.is_empty() && args.format == Format::Human {
                if hidden > 0 {
                    let name = &report.file.name;
                    let hidden = grille::catalogue::Text::WarningsShownBy {
                        warnings: hidden,
                        file: name,
                    };
                    say!("{name}{} {}", colon(lang), hidden.say(lang));
                }
                continue;
            }
            match args.format {
                Format::Json => {
                    if let serde_json::Value::Array(items) = report.to_json() {
                        all.extend(items);
                    }
                }
                Format::Human => say_report(&report, args.verbose, lang, &job_names),
            }
        }
    }
    if args.format == Format::Json {
        let mut json = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_string());
        json.push('\n');
        if let Err(e) = console::out(json.as_bytes()) {
            return console::write_failed(console::STDOUT, &e);
        }
    }
    if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// One file's report on stderr, brief (the jobs by their declared names) or
/// `--verbose`, and its count of errors and warnings.
fn say_report(
    report: &grille::Report,
    verbose: bool,
    lang: grille::catalogue::Lang,
    job_names: &std::collections::HashMap<String, String>,
) {
    let rendered = if verbose {
        report.render_verbose_in(stderr_color(), lang)
    } else {
        let job_name = |id: &str| job_names.get(id).cloned();
        report.render_brief_named(stderr_color(), lang, &job_name)
    };
    console::say_raw(&rendered);
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    let count = grille::catalogue::Text::CheckCount { errors, warnings };
    say!("{}{} {}", report.file.name, colon(lang), count.say(lang));
}

/// The reports with, on `day`, a warning per level below the SMIC, each in the
/// file that declares the level.
fn with_radar(
    rules: &grille::RuleSet,
    reports: Vec<grille::Report>,
    day: Option<chrono::NaiveDate>,
) -> Vec<grille::Report> {
    match day {
        Some(day) => grille::with_below_legal_minimum(rules, reports, day),
        None => reports,
    }
}

/// `check --radar`: one line per level, the periods below the SMIC.
fn print_periods(
    path: &str,
    rules: &grille::RuleSet,
    as_of: Option<chrono::NaiveDate>,
    lang: grille::catalogue::Lang,
) -> std::io::Result<()> {
    use grille::catalogue::Text;
    let until = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let text = match grille::Radar::of(rules, until) {
        Some(radar) => {
            let heading = Text::RadarHeading {
                since: radar.since,
                until,
            };
            let mut text = format!("{path}{} {}\n", colon(lang), heading.say(lang));
            for level in &radar.levels {
                text.push_str(&format!("  {}  ({})\n", level.line(), level.place));
            }
            text
        }
        None => format!("{path}{} {}\n", colon(lang), Text::NotUnderLaw.say(lang)),
    };
    console::out(text.as_bytes())
}
