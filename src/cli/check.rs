//! `grille check`: report every error and warning of rule files.

use super::{load_rules, stderr_color, Outcome};
use grille::Severity;

#[derive(clap::Args)]
pub struct Args {
    /// Rule files to check.
    #[arg(required = true, value_name = "RULES")]
    files: Vec<String>,
    /// `human` (rendered with the source lines) or `json` (for tools, on stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: Args) -> Outcome {
    let mut failed = false;
    let mut all = Vec::new();
    for path in &args.files {
        let bytes = match super::read_bytes(path, "rule file") {
            Ok(bytes) => bytes,
            Err(e) => return Outcome::Usage(e),
        };
        let report = match grille::load_bytes(path, &bytes) {
            Ok((_, report)) => report,
            Err(report) => report,
        };
        failed |= report.has_errors();
        match args.format {
            Format::Json => {
                if let serde_json::Value::Array(items) = report.to_json() {
                    all.extend(items);
                }
            }
            Format::Human => {
                eprint!("{}", report.render(stderr_color()));
                let (errors, warnings) = (
                    report.count(Severity::Error),
                    report.count(Severity::Warning),
                );
                eprintln!("{path}: {errors} error(s), {warnings} warning(s)");
            }
        }
    }
    if args.format == Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".to_string())
        );
    }
    let _ = load_rules; // shared helper, used by other commands
    if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}
