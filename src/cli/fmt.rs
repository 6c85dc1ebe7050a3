//! `grille fmt`: rewrite rule files in the canonical layout.

use std::io::Write;
use std::path::Path;

use super::console::{self, say};
use super::output::Output;
use super::{stderr_color, Outcome};
use grille::{Report, Severity, SourceFile};

#[derive(clap::Args)]
pub struct Args {
    /// Rule files to rewrite in place; `-` reads standard input and writes standard output.
    #[arg(required = true, value_name = "RULES")]
    files: Vec<String>,
    /// Write nothing: name the files whose layout would change, and exit 1 if there are any.
    #[arg(long)]
    check: bool,
}

/// What became of one file.
enum Done {
    Unchanged,
    Changed,
    /// Syntax errors (already reported): the file is left as it is.
    Invalid,
}

pub fn run(args: Args) -> Outcome {
    let mut failed = false;
    for path in &args.files {
        match format_one(path, args.check) {
            Ok(Done::Unchanged) => {}
            Ok(Done::Changed) => failed |= args.check,
            Ok(Done::Invalid) => failed = true,
            Err(outcome) => return outcome,
        }
    }
    if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

fn format_one(path: &str, check: bool) -> Result<Done, Outcome> {
    let text = super::read_input(path, "rule file").map_err(Outcome::Usage)?;
    let formatted = match grille::fmt::format(&text) {
        Ok(formatted) => formatted,
        Err(diagnostics) => {
            report(path, &text, diagnostics);
            return Ok(Done::Invalid);
        }
    };
    let done = if formatted == text {
        Done::Unchanged
    } else {
        Done::Changed
    };
    let stdout = |e: std::io::Error| console::write_failed(console::STDOUT, &e);
    if check {
        if matches!(done, Done::Changed) {
            console::out_line(path).map_err(stdout)?;
        }
    } else if path == "-" {
        console::out(formatted.as_bytes()).map_err(stdout)?;
    } else if matches!(done, Done::Changed) {
        replace(path, &formatted)?;
    }
    Ok(done)
}

/// Renders syntax errors as `grille check` does.
fn report(path: &str, text: &str, diagnostics: Vec<grille::Diagnostic>) {
    // Spans count from after a byte-order mark, as the parser saw the text.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let report = Report {
        file: SourceFile::new(path, text),
        diagnostics,
    };
    console::say_raw(&report.render_in(stderr_color(), super::lang()));
    say!(
        "{path}: {} error(s), {} warning(s); not formatted",
        report.count(Severity::Error),
        report.count(Severity::Warning)
    );
}

/// Replaces a rule file by its formatted text, as every output is written (see
/// `output`): an interrupted run leaves either the old text or the new.
fn replace(path: &str, text: &str) -> Result<(), Outcome> {
    // The file being formatted is the input by design: nothing to refuse.
    let mut output = Output::open(Some(Path::new(path)), &[]).map_err(Outcome::Usage)?;
    if let Err(e) = output.write_all(text.as_bytes()) {
        return Err(output.failure(&e));
    }
    output.commit()
}
