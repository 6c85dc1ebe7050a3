//! grille: a declarative rules engine for the job-classification rules of French
//! collective agreements.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`syntax`]: rule-file text → syntax tree with spans (pest grammar in `grammar/`);
//! 2. [`check`]: syntax tree → checked [`RuleSet`] and diagnostics;
//! 3. [`facts`]: employee facts (JSON, JSON Lines, CSV) → [`facts::Record`]s;
//! 4. [`eval`]: a rule set and a record → a [`Decision`] (with its trace if asked);
//! 5. [`report`]: decisions → table, JSON, JSON Lines, CSV.
//!
//! Beside the pipeline, [`sample`] generates deterministic synthetic workforces
//! (employee facts) from the rule files, for examples, benchmarks and demos.
//!
//! ```
//! // The proposal, the rules in force it amends and the law above both.
//! let (rules, _warnings) = grille::load_path("rules/cgt-2008.grille", Default::default()).unwrap();
//! let facts = grille::facts::read(
//!     r#"[{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01", "diploma": "bac"}]"#,
//!     grille::facts::Format::Json,
//! ).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let evaluator = grille::Evaluator::new(&rules, as_of);
//! let record = facts.records[0].as_ref().unwrap();
//! let decision = evaluator.decide(record).unwrap();
//! assert_eq!((decision.job, decision.band, decision.coefficient), ("conseiller-clientele", "experimente", 190));
//! ```

#![forbid(unsafe_code)]
// Nothing a user gives may crash the library: no unwrap, expect or panic outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod calendar;
pub mod check;
pub mod diag;
pub mod diff;
pub mod eval;
pub mod examples;
pub mod explain;
pub mod facts;
pub mod fmt;
mod json_text;
pub mod layers;
pub mod model;
pub mod names;
pub mod radar;
pub mod report;
pub mod sample;
pub mod sources;
pub mod span;
pub mod syntax;

pub use diag::{Diagnostic, Report, Severity, SourceFile};
pub use eval::{Decision, Evaluator};
pub use model::RuleSet;

/// Like [`load`], from the file's bytes: a file that is not UTF-8 is a rule-file
/// error (`grille::not-utf8`) at its first bad byte.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<(RuleSet, Report), Report> {
    load(name, rule_text(name, bytes)?)
}

/// A rule file's bytes as text; a file that is not UTF-8 is a rule-file error
/// at its first bad byte.
pub fn rule_text<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Report> {
    std::str::from_utf8(bytes).map_err(|e| {
        // The text before the first bad byte is valid: offsets agree there.
        let at = e.valid_up_to();
        let text = String::from_utf8_lossy(bytes);
        let span = span::Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8());
        let diagnostics = vec![diag::Kind::NotUtf8 { byte: at }.at(span)];
        let file = SourceFile::new(name, text.as_ref());
        Report { file, diagnostics }
    })
}

/// Parses and checks a rule file given as text, alone: a file that stands on
/// others (`modifie`, `sous la loi`) is loaded with [`load_path`] or
/// [`load_with`], which read them. `Ok` carries the rule set and its warnings;
/// `Err` the report of its errors (and warnings).
pub fn load(name: &str, text: &str) -> Result<(RuleSet, Report), Report> {
    let files = layers::InMemory::default().with(name, text);
    let first = |mut reports: Vec<Report>| reports.swap_remove(0);
    match load_with(
        &files,
        std::path::Path::new(name),
        layers::Options::default(),
    ) {
        Ok((rules, reports)) => Ok((rules, first(reports))),
        Err(LoadError::Invalid(reports)) => Err(first(reports)),
        Err(LoadError::Unreadable { reason, .. }) => Err(Report {
            file: SourceFile::new(name, text),
            diagnostics: vec![Diagnostic::error(
                diag::Code::MissingLayer,
                span::Span::default(),
                reason,
            )],
        }),
    }
}

/// Why a rule set could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file named cannot be read.
    Unreadable { path: String, reason: String },
    /// The rules have errors: one report per file that has diagnostics (the
    /// named file's first, always there).
    Invalid(Vec<Report>),
}

/// Loads the rule file at `path` from the disk, with every file it stands on
/// (an amended agreement, the law). `Ok` carries the rule set and one report
/// per file with diagnostics (warnings), the named file's first.
pub fn load_path(
    path: impl AsRef<std::path::Path>,
    options: layers::Options,
) -> Result<(RuleSet, Vec<Report>), LoadError> {
    load_with(&layers::Disk, path.as_ref(), options)
}

/// Loads a rule file and the files it stands on from `files`: the disk, or
/// memory for a server.
pub fn load_with(
    files: &dyn layers::Files,
    path: &std::path::Path,
    options: layers::Options,
) -> Result<(RuleSet, Vec<Report>), LoadError> {
    let layered = layers::load(files, path, options).map_err(|reason| LoadError::Unreadable {
        path: path.display().to_string(),
        reason,
    })?;
    let has_errors = layered.diagnostics.iter().any(Diagnostic::is_error);
    let (rules, diagnostics) = if has_errors {
        (None, layered.diagnostics.clone())
    } else {
        check::check_layered(&layered)
    };
    let reports = layered.sources.reports(diagnostics);
    match rules {
        Some(rules) => Ok((rules, reports)),
        None => Err(LoadError::Invalid(reports)),
    }
}
