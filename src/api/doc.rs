//! `doc`: the rule set as a document, the page `grille doc` writes. A rule set
//! with errors is documented all the same, its errors listed beside the page.

use serde_json::{json, Value};

use super::ops::with_files;
use super::request::Request;
use super::{diagnostics, Code, Failed, Problem};
use crate::diag::Severity;

pub(super) fn run(request: &Request) -> Result<Value, Failed> {
    let Some(as_of) = request.as_of else {
        return Err(Problem::new(Code::Internal, "`doc` was read without its day").into());
    };
    let document = with_files(&request.rules, |files, main| {
        crate::doc::load(files, main, as_of)
    })?;
    Ok(json!({
        "ok": true,
        "op": "doc",
        "as_of": as_of,
        "html": crate::doc::render(&document),
        "errors": diagnostics(&document.reports, Severity::Error),
        "warnings": diagnostics(&document.reports, Severity::Warning),
    }))
}
