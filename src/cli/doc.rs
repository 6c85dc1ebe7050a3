//! `grille doc`: the rule set as a document, self-contained HTML printable on A4.

use std::io::Write as _;
use std::path::PathBuf;

use super::console::{self, say};
use super::output::{Input, Output};
use super::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The rule file (the files it stands on are read with it).
    #[arg(value_name = "RULES")]
    rules: String,
    /// The day whose values are shown in force (YYYY-MM-DD); today if not given.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// Write to FILE instead of standard output (a temporary file in the same folder, renamed when complete).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Outcome {
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let path = std::path::Path::new(&args.rules);
    let document = match grille::doc::load(&grille::layers::Disk, path, as_of) {
        Ok(d) => d,
        Err(grille::LoadError::Invalid(reports)) => {
            for r in &reports {
                console::say_raw(&r.render_in(super::stderr_color(), super::lang()));
            }
            say!(
                "{}: not documented: the file cannot be read as a rule file",
                args.rules
            );
            return Outcome::Failure;
        }
        Err(e) => return Outcome::Usage(e.to_string()),
    };
    let inputs = [Input {
        what: "rule file",
        path: &args.rules,
    }];
    let mut out = match Output::open(args.output.as_deref(), &inputs) {
        Ok(o) => o,
        Err(e) => return Outcome::Usage(e),
    };
    let page = grille::doc::render(&document);
    if let Err(e) = out.write_all(page.as_bytes()) {
        return out.failure(&e);
    }
    if let Err(outcome) = out.commit() {
        return outcome;
    }
    // Written all the same, its errors shown where they sit; the exit says them.
    let errors = document.reports.iter().flat_map(|r| &r.diagnostics);
    match errors.filter(|d| d.is_error()).count() {
        0 => Outcome::Success,
        n => {
            say!(
                "{}: {n} error(s) in the rules, shown in the document",
                args.rules
            );
            Outcome::Failure
        }
    }
}
