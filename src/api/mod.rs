//! A JSON-in / JSON-out entry point, for servers and other languages.
//!
//! [`call`] takes a request, one JSON object naming an operation and its
//! inputs, and returns the response as JSON text. It never panics and never
//! fails: a bad request (not JSON, an unknown operation, a missing field, a
//! file that cannot be read) is an answer like any other, `{"ok": false,
//! "errors": [...]}`, each error with a code, a message and, where it has one,
//! its file, line, column and a help line.
//!
//! ```
//! let response = grille::api::call(r#"{
//!   "op": "eval",
//!   "rules": {"path": "rules/cgt-2008.grille"},
//!   "facts": [{"id": "E1", "job": "Téléconseillère", "job_since": "2024-03-01", "diploma": "bac"}],
//!   "as_of": "2026-11-29"
//! }"#);
//! let response: serde_json::Value = serde_json::from_str(&response).unwrap();
//! assert_eq!(response["ok"], true);
//! assert_eq!(response["decisions"][0]["coefficient"], 190);
//! ```
//!
//! The request:
//!
//! | field | for | |
//! |---|---|---|
//! | `op` | all | `check`, `eval`, `explain`, `diff`, `doc` or `replay` |
//! | `rules` | all | `{"path": "…"}` (read from the disk, with the files it stands on), or `{"files": {"path": "text", …}, "main": "path"}` (nothing read from the disk); the proposal of `diff` |
//! | `facts` | `eval`, `explain`, `diff`, `replay` | an array of records (the facts contract), or: |
//! | `facts_text`, `format` | `eval`, `explain`, `diff`, `replay` | a facts file's text and its format: `json`, `jsonl` or `csv` |
//! | `as_of` | `eval`, `explain`, `diff`, `doc` (required); `check` (the levels below the SMIC that day) | `YYYY-MM-DD` |
//! | `id` | `explain`, `replay` (required) | the employee |
//! | `lang` | `explain`, `replay` | `fr` (default) or `en` |
//! | `why_not` | `explain` | a target as `grille explain --why-not` takes it |
//! | `trace` | `eval` | attach each decision's trace |
//! | `agreement_only` | all | the agreement without the law above it |
//! | `set` | `eval`, `explain`, `diff` (both sides), `replay` | `["NAME=VALUE", …]`, as `--set` |
//! | `base` | `diff` (required) | the rules compared against, as `rules` |
//! | `set_base`, `set_proposal` | `diff` | `["NAME=VALUE", …]` on one side |
//! | `scenarios` | `diff` | `["NAME:param=value[,param=value]", …]`, as `--scenario` |
//! | `set_cost` | `diff` | `["taux_charges=0.42"]`, as `--set-cost` |
//! | `top` | `diff` | how many of the largest changes to list (20) |
//! | `employees` | `diff` | every employee's row, not only the aggregates |
//! | `from`, `to` | `replay` | the months replayed, `YYYY-MM` (default: the employee's first and last payslips) |
//! | `claim_on` | `replay` (required) | the day the claim is brought |
//!
//! `diff` answers what `grille diff --format json` writes (`redline`,
//! `summary`, and `employees` when asked) with the distribution chart as SVG
//! (`chart`) and the names of the ids (`names`); `doc` the page `grille doc`
//! writes (`html`) with the rules' `errors` and `warnings`; `replay` one
//! employee's replay as `grille replay --format json` writes it, with its
//! `text`.
//!
//! A field an operation does not read is an error, not ignored. The rules are
//! loaded at each call: a server that decides many requests under the same
//! rules holds a [`crate::RuleSet`] itself (see the crate documentation).
//! `{"path": …}` reads the process's disk: a server taking requests from
//! others gives `files`.

mod diff;
mod doc;
mod names;
mod ops;
mod replay;
mod request;

use serde::Serialize;
use serde_json::{json, Value};

use crate::catalogue::Said;
use crate::diag::{Report, Severity};

/// Answers one request (see the module documentation); the response is one
/// line of JSON.
pub fn call(request: &str) -> String {
    // Nothing a caller sends may bring its server down: an internal bug is an
    // error of the response too.
    let response = std::panic::catch_unwind(|| respond(request)).unwrap_or_else(|_| {
        failure(vec![Problem::new(
            Code::Internal,
            "internal error while answering the request",
        )
        .help("a bug of grille: please report it with the request")])
    });
    serde_json::to_string(&response).unwrap_or_else(|_| INTERNAL.to_string())
}

const INTERNAL: &str = r#"{"ok":false,"errors":[{"code":"grille::internal","message":"the response could not be written","file":null,"line":null,"column":null,"help":null}]}"#;

fn respond(text: &str) -> Value {
    let request = match request::read(text) {
        Ok(request) => request,
        Err(problem) => return failure(vec![problem]),
    };
    match ops::run(request) {
        Ok(response) => response,
        Err(failed) => failed.into_value(),
    }
}

/// What the API reports that is not a rule-file diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    /// The request is not what the API reads.
    Request,
    /// A rule file cannot be read.
    Unreadable,
    /// The facts cannot be read at all (not one record: the file).
    Facts,
    /// `explain`: no employee has the id.
    UnknownId,
    /// `why_not` cannot be answered for this employee.
    WhyNot,
    /// `diff`: a scenario, a cost or a setting of one side that cannot be applied.
    Diff,
    /// `replay`: the employee's history cannot be replayed as asked.
    Replay,
    Internal,
}

impl Code {
    fn as_str(self) -> &'static str {
        match self {
            Code::Request => "grille::request",
            Code::Unreadable => "grille::unreadable",
            Code::Facts => "grille::facts",
            Code::UnknownId => "grille::unknown-id",
            Code::WhyNot => "grille::why-not",
            Code::Diff => "grille::diff",
            Code::Replay => "grille::replay",
            Code::Internal => "grille::internal",
        }
    }
}

/// An error or a warning, as the response carries it.
#[derive(Debug, Clone, Serialize)]
struct Problem {
    code: &'static str,
    message: String,
    /// Boxed text, as the French words: a `Result` carries a problem, and
    /// clippy holds its error variants under 128 bytes.
    file: Option<Box<str>>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<String>,
    /// The words in French, for a diagnostic of the rules (the English
    /// `message` stays the field tools read); boxed, as most problems have none.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    french: Option<Box<FrenchWords>>,
}

/// A diagnostic's `message_fr` and `help_fr`.
#[derive(Debug, Clone, Serialize)]
struct FrenchWords {
    message_fr: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_fr: Option<String>,
}

impl Problem {
    fn new(code: Code, message: impl Into<String>) -> Problem {
        Problem {
            code: code.as_str(),
            message: message.into(),
            file: None,
            line: None,
            column: None,
            help: None,
            french: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Problem {
        let help = help.into();
        self.help = (!help.is_empty()).then_some(help);
        self
    }

    /// A problem with its words in French too (`message_fr`, `help_fr`).
    fn said(code: Code, message: Said, help: Said) -> Problem {
        let help_fr = (!help.fr.is_empty()).then_some(help.fr);
        let mut problem = Problem::new(code, message.en).help(help.en);
        problem.french = Some(Box::new(FrenchWords {
            message_fr: message.fr,
            help_fr,
        }));
        problem
    }

    /// `from` become `to` in the words of both languages (`` `rules `` → `` `base ``).
    fn renamed(mut self, from: &str, to: &str) -> Problem {
        self.message = self.message.replacen(from, to, 1);
        if let Some(french) = &mut self.french {
            french.message_fr = french.message_fr.replacen(from, to, 1);
        }
        self
    }

    fn file(mut self, file: impl Into<String>) -> Problem {
        self.file = Some(file.into().into());
        self
    }
}

/// The diagnostics of `reports` of one severity, each where it stands.
fn diagnostics(reports: &[Report], severity: Severity) -> Vec<Problem> {
    reports
        .iter()
        .flat_map(|report| {
            report
                .diagnostics
                .iter()
                .filter(move |d| d.severity == severity)
                .map(|d| {
                    let (line, column) = report.file.line_col(d.span.start);
                    Problem {
                        code: d.code.as_str(),
                        message: d.message.clone(),
                        file: Some(report.file.name.to_string().into()),
                        line: Some(line),
                        column: Some(column),
                        help: d.help.clone(),
                        french: Some(Box::new(FrenchWords {
                            message_fr: d.french.message.clone(),
                            help_fr: d.french.help.clone(),
                        })),
                    }
                })
        })
        .collect()
}

/// Why a request was not answered.
enum Failed {
    /// The request, a file or the facts.
    Problem(Problem),
    /// The rules have errors: each, and the warnings beside them.
    Rules(Vec<Report>),
}

impl Failed {
    fn into_value(self) -> Value {
        match self {
            Failed::Problem(problem) => failure(vec![problem]),
            Failed::Rules(reports) => json!({
                "ok": false,
                "errors": diagnostics(&reports, Severity::Error),
                "warnings": diagnostics(&reports, Severity::Warning),
            }),
        }
    }
}

impl From<Problem> for Failed {
    fn from(problem: Problem) -> Failed {
        Failed::Problem(problem)
    }
}

fn failure(errors: Vec<Problem>) -> Value {
    json!({"ok": false, "errors": errors})
}
