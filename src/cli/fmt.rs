//! `grille fmt`: rewrite rule files in the canonical layout.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{io_reason, stderr_color, Outcome};
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
            Err(e) => return Outcome::Usage(e),
        }
    }
    if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

fn format_one(path: &str, check: bool) -> Result<Done, String> {
    let text = super::read_input(path, "rule file")?;
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
    if check {
        if matches!(done, Done::Changed) {
            println!("{path}");
        }
    } else if path == "-" {
        print!("{formatted}");
    } else if matches!(done, Done::Changed) {
        write_atomically(path, &formatted)?;
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
    eprint!("{}", report.render(stderr_color()));
    eprintln!(
        "{path}: {} error(s), {} warning(s); not formatted",
        report.count(Severity::Error),
        report.count(Severity::Warning)
    );
}

/// Replaces a file by writing a temporary file beside it and renaming it over the
/// original, so that an interrupted run leaves either the old text or the new.
fn write_atomically(path: &str, text: &str) -> Result<(), String> {
    let reason = |e: std::io::Error| format!("cannot write `{path}`: {}", io_reason(&e));
    // Through a symbolic link, replace the file it points to, not the link.
    let target = std::fs::canonicalize(path).map_err(reason)?;
    let temporary = temporary_beside(&target);
    let result = write_then_rename(&temporary, &target, text);
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(reason)
}

fn temporary_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.fmt-{}.tmp", std::process::id()))
}

fn write_then_rename(temporary: &Path, target: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::File::create_new(temporary)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::set_permissions(temporary, std::fs::metadata(target)?.permissions())?;
    std::fs::rename(temporary, target)
}
