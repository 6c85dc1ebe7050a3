//! grille: a declarative rules engine for the job-classification rules of French
//! collective agreements.
//!
//! # The boundary
//!
//! A caller (the command line, a server, a binding, an example program) relies
//! on these, which stay while the machinery beneath them moves:
//!
//! - **loading**: [`load_path`] (a rule file and the files it stands on, from
//!   the disk), [`load_with`] (from any [`layers::Files`], e.g.
//!   [`layers::InMemory`] for a server), [`load`] (one file's text alone);
//!   `Err` is a [`LoadError`], each diagnostic with its file, line and column;
//! - **the rule set**, [`RuleSet`]: owned (no borrowed text, no interior
//!   mutability), `Send + Sync`; share it across threads and requests as an
//!   `Arc<RuleSet>`. It is its own facade type: a wrapper would only forward,
//!   and the command line holds it as it is;
//! - **deciding**: an [`Evaluator`] is built per rule set and evaluation date
//!   (it tabulates what does not depend on the employee) and borrows the rules;
//!   it is `Send + Sync` too, and every thread deciding with one evaluator
//!   shares its caches. [`Evaluator::decide`], [`Evaluator::decide_traced`]
//!   give a [`Decision`] or a [`facts::Rejection`];
//! - **facts**: [`facts::read`] (JSON, JSON Lines, CSV) gives
//!   [`facts::Record`]s; [`facts::stream`] reads record by record; a rule set
//!   that declares facts (`fait …`) has its fields read by
//!   [`facts::read_bytes`] / [`facts::stream_with`] given
//!   `Options { declared: rules.declared_fields(), .. }`;
//! - **explaining**: [`explain::text::render`] (French or English;
//!   [`explain::text::render_run`] names the day it was made),
//!   [`explain::json::explanation`] (the same as data), [`explain::why_not`],
//!   [`explain::versions::file_versions`] (each rule file's SHA-256);
//! - **documenting**: [`doc::load`] and [`doc::render`], the rule set as an
//!   HTML document;
//! - **the SMIC**: [`with_below_legal_minimum`] (the levels whose minimum is
//!   below the law's on a day, as warnings: `grille check --as-of`) and
//!   [`Radar::of`] (when each level was below it: `grille check --radar`);
//! - **comparing**: [`diff::compare`] (the redline of two rule sets) and
//!   [`diff::Comparer`] (a workforce under both, added up in [`diff::Impact`]);
//! - **back-pay**: [`replay::Replayer`] (an employee's history month by
//!   month, READING §12), [`replay::encode`], [`replay::text`], [`replay::html`];
//! - **JSON in, JSON out**: [`api::call`], for servers and other languages;
//! - **the workbench** (cargo feature `serve`, on by default):
//!   `serve::Workbench` (`grille serve`), a local web page over [`api::call`].
//!
//! The machinery is the crate's own unless the cargo feature `internals` is
//! on (for the tests and tools of this repository, not a promise): the syntax
//! tree (`syntax`), the checker (`check`), the checked rule set's parts
//! (`model`: jobs, levels, formulas and their ids), the evaluator's formulas
//! (`eval::expr`, `eval::functions`), the SMIC radar's own steps (`radar`),
//! names, spans and the source map. A [`RuleSet`]'s fields stay readable.
//!
//! The pipeline, one module per stage: `syntax` (rule-file text → syntax
//! tree with spans, pest grammar in `grammar/`), [`layers`] (the files a rule
//! file stands on, resolved into one list of declarations), `check` (→ a
//! checked [`RuleSet`] and diagnostics), [`facts`], [`eval`] (a rule set and a
//! record → a [`Decision`], with its trace if asked), [`report`] (decisions →
//! table, JSON, JSON Lines, CSV). Beside it, [`sample`] generates synthetic
//! workforces from the rule files.
//!
//! ```
//! use std::sync::Arc;
//!
//! // The proposal, with the rules in force it amends and the law above both,
//! // loaded once and shared.
//! let (rules, _warnings) = grille::load_path("rules/cgt-2008.grille", Default::default()).unwrap();
//! let rules = Arc::new(rules);
//! let facts = grille::facts::read(
//!     r#"[{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01", "diploma": "bac"},
//!        {"id": "E2", "job": "Téléconseiller", "job_since": "2026-09-14", "hours": "121.34"}]"#,
//!     grille::facts::Format::Json,
//! ).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let evaluator = grille::Evaluator::new(&rules, as_of);
//!
//! // One evaluator, several threads.
//! let decided: Vec<(u32, String)> = std::thread::scope(|s| {
//!     let threads: Vec<_> = facts.records.iter().map(|read| {
//!         let evaluator = &evaluator;
//!         s.spawn(move || {
//!             let decision = evaluator.decide(read.as_ref().unwrap()).unwrap();
//!             (decision.coefficient, decision.minimum_salary.unwrap().to_string())
//!         })
//!     }).collect();
//!     threads.into_iter().map(|t| t.join().unwrap()).collect()
//! });
//! // 32 months in the job: band experimente, 190, level 3 (1,4 × the SMCC);
//! // 2 months, part time: debutant, 170, level 3, its 2100.00 prorated by the
//! // hours over the reference hours of the rule file: 1680.06.
//! assert_eq!(decided, [(190, "2100.00".to_string()), (170, "1680.06".to_string())]);
//!
//! // Why, step by step, citing the rules.
//! let record = facts.records[0].as_ref().unwrap();
//! let outcome = evaluator.decide_traced(record);
//! let text = grille::explain::text::render(&rules, record, &outcome, as_of, None, grille::explain::Lang::En);
//! assert!(text.starts_with("Employee E1"));
//! ```

#![forbid(unsafe_code)]
// Nothing a user gives may crash the library: no unwrap, expect or panic outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

/// A module of the machinery: public with the `internals` feature (tests and
/// tools), else the crate's own, so that callers rely on the facade only.
macro_rules! internal {
    (mod $name:ident;) => {
        #[cfg(feature = "internals")]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        pub(crate) mod $name;
    };
}

pub mod api;
pub mod calendar;
pub mod catalogue;
internal! { mod check; }
pub mod diag;
pub mod diff;
pub mod doc;
pub mod eval;
pub mod examples;
pub mod explain;
pub mod facts;
pub mod fmt;
mod json_text;
pub mod layers;
internal! { mod model; }
internal! { mod names; }
internal! { mod radar; }
pub mod replay;
pub mod report;
pub mod sample;
#[cfg(feature = "serve")]
pub mod serve;
internal! { mod sources; }
internal! { mod span; }
internal! { mod syntax; }

pub use check::{set_parameter, set_parameter_said};
pub use diag::{Diagnostic, Report, Severity, SourceFile};
pub use eval::{Decision, Evaluator};
pub use model::RuleSet;
pub use radar::{with_below_legal_minimum, LevelPeriods, Period, Radar, Stretch};

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
                (reason.clone(), reason),
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

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreadable { path, reason } => {
                write!(f, "cannot read the rule file `{path}`: {reason}")
            }
            LoadError::Invalid(reports) => {
                let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
                let named = reports
                    .first()
                    .map_or("the rules", |r| r.file.name.as_ref());
                write!(f, "{named}: {errors} error(s) in the rules")
            }
        }
    }
}

impl std::error::Error for LoadError {}

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
