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
//! let text = std::fs::read_to_string("rules/cgt-2008.grille").unwrap();
//! let (rules, _warnings) = grille::load("rules/cgt-2008.grille", &text).unwrap();
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
pub mod model;
pub mod names;
pub mod report;
pub mod sample;
pub mod span;
pub mod syntax;

pub use diag::{Diagnostic, Report, Severity, SourceFile};
pub use eval::{Decision, Evaluator};
pub use model::RuleSet;

/// Like [`load`], from the file's bytes: a file that is not UTF-8 is a rule-file
/// error (`grille::not-utf8`) at its first bad byte.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<(RuleSet, Report), Report> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load(name, text),
        Err(e) => {
            // The text before the first bad byte is valid: offsets agree there.
            let at = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes);
            let span = span::Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8());
            let diagnostics = vec![diag::Kind::NotUtf8 { byte: at }.at(span)];
            let file = SourceFile::new(name, text.as_ref());
            Err(Report { file, diagnostics })
        }
    }
}

/// Parses and checks a rule file. `Ok` carries the rule set and its warnings;
/// `Err` the report of its errors (and warnings).
pub fn load(name: &str, text: &str) -> Result<(RuleSet, Report), Report> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let file = SourceFile::new(name, text);
    let ast = match syntax::parse(text) {
        Ok(ast) => ast,
        Err(diagnostics) => return Err(Report { file, diagnostics }),
    };
    let (rules, diagnostics) = check::check(file.clone(), &ast);
    let report = Report { file, diagnostics };
    match rules {
        Some(rules) => Ok((rules, report)),
        None => Err(report),
    }
}
