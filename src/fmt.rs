//! `grille fmt`: the canonical layout of a rule file.
//!
//! Formatting is two passes. [`lines`] prints every declaration as lines of code,
//! each remembering the source bytes it prints; [`layout`] weaves the comments and
//! blank-line groups of the source (kept apart by `syntax::trivia`) back in by those
//! byte positions. The result is parsed again and compared with the original tree
//! before it is returned, so a formatter bug surfaces as an error, never as a
//! changed rule.

mod cite;
mod criteria;
mod examples;
mod facts;
mod functions;
mod grids;
mod layers;
mod layout;
mod lines;
mod rules;
mod words;

use crate::diag::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::{self, ast, trivia::Trivia};

pub use facts::write_fact_test;
pub use words::Lang;

/// Formats a rule file. `Err` carries the syntax errors of a file that does not parse.
pub fn format(source: &str) -> Result<String, Vec<Diagnostic>> {
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let file = syntax::parse(source)?;
    let lang = Lang::of(source, &file);
    let code = lines::print(source, lang, &file.items);
    let text = layout::weave(source, code, &file.trivia);
    verify(&file, &text)?;
    Ok(text)
}

/// The texts of a file's comments, in order.
pub fn comments(trivia: &[Trivia]) -> Vec<&str> {
    trivia
        .iter()
        .filter_map(|t| match t {
            Trivia::Comment { text, .. } => Some(text.as_str()),
            Trivia::BlankLines { .. } => None,
        })
        .collect()
}

/// Checks the output says what the input said: same declarations, same comments.
fn verify(original: &ast::RuleFile, text: &str) -> Result<(), Vec<Diagnostic>> {
    let same = syntax::parse(text).is_ok_and(|again| {
        // The layout moves every declaration: what they say is compared, not where.
        crate::span::ignoring_spans(|| again.items == original.items)
            && comments(&again.trivia) == comments(&original.trivia)
    });
    if same {
        Ok(())
    } else {
        Err(vec![Diagnostic::error(
            Code::Fmt,
            Span::new(0, 0),
            (
                "le formateur n'a pas pu mettre ce fichier en forme sans le changer ; il est laissé tel quel",
                "the formatter could not lay this file out without changing it; it was left as is",
            ),
        )
        .help((
            "c'est un défaut de `grille fmt` : signalez-le avec le fichier",
            "this is a bug of `grille fmt`: please report it with the file",
        ))])
    }
}
