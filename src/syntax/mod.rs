//! Step one: text to syntax tree.
//!
//! [`parse`] runs the pest grammar (`grammar/grille.pest`) over a rule file and
//! lowers the parse tree to the span-carrying AST of [`ast`]. Comments and blank
//! lines are collected apart by [`trivia`].

pub mod ast;
mod ast_criteria;
mod ast_examples;
mod ast_expr;
mod ast_facts;
mod ast_functions;
pub mod ast_grids;
mod ast_trials;
pub mod cites;
// Not every keyword is printed by name (a unit's spelling follows its count).
#[cfg_attr(not(test), allow(dead_code))]
pub mod keywords;
mod hints;
mod lookalike;
mod lower;
mod lower_errors;
mod lower_examples;
mod lower_facts;
mod lower_expr;
mod lower_functions;
mod lower_grid;
mod lower_grids;
mod lower_layers;
mod lower_criteria;
mod lower_rules;
mod lower_trials;
pub mod trivia;

use pest::Parser as _;

use crate::diag::{Code, Diagnostic};
use crate::span::Span;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/grille.pest"]
pub(crate) struct GrammarParser;

/// Largest rule file accepted, in bytes: far above any real agreement, low
/// enough that a hostile file cannot exhaust memory.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Deepest nesting of parentheses accepted in a formula.
pub const MAX_NESTING: usize = 64;

/// Most operators accepted in one formula (real ones have a handful).
pub const MAX_OPERATORS: usize = 512;

/// Parses a rule file. On a syntax error, the diagnostics say where and what was expected.
pub fn parse(source: &str) -> Result<ast::RuleFile, Vec<Diagnostic>> {
    parse_at(source, 0)
}

/// Parses a rule file whose spans start at `base`: the file's place among the
/// files of a layered rule set (see [`crate::sources::Sources`]).
pub fn parse_at(source: &str, base: usize) -> Result<ast::RuleFile, Vec<Diagnostic>> {
    let shifted = |diagnostics: Vec<Diagnostic>| {
        diagnostics
            .into_iter()
            .map(|d| d.shifted(base))
            .collect::<Vec<_>>()
    };
    let source_for_grammar = guard(source).map_err(shifted)?;
    let pairs = GrammarParser::parse(Rule::file, source_for_grammar)
        .map_err(|e| shifted(vec![lower_errors::syntax_error(source, e)]))?;
    let mut lowering = lower::Lowering::at(base);
    let items = lowering.file(pairs);
    if lowering.diagnostics.is_empty() {
        Ok(ast::RuleFile {
            items,
            trivia: trivia::scan(source),
        })
    } else {
        Err(lowering.diagnostics)
    }
}

/// Rejects what would make the parser itself misbehave: huge files, deep nesting.
fn guard(source: &str) -> Result<&str, Vec<Diagnostic>> {
    if source.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            Code::TooLarge,
            Span::new(0, 0),
            (
                format!("le fichier de règles dépasse {} Mio", MAX_FILE_BYTES >> 20),
                format!("the rule file is larger than {} MiB", MAX_FILE_BYTES >> 20),
            ),
        )
        .help((
            "découpez le jeu de règles ou retirez le contenu généré",
            "split the rule set or remove generated content",
        ))]);
    }
    let mut depth = 0usize;
    for (at, c) in source.char_indices() {
        match c {
            '(' | '[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(vec![Diagnostic::error(
                        Code::TooDeep,
                        Span::new(at, at + 1),
                        (
                            format!(
                                "les formules imbriquent plus de {MAX_NESTING} niveaux de parenthèses"
                            ),
                            format!("formulas nest more than {MAX_NESTING} parentheses deep"),
                        ),
                    )
                    .label(("trop profond ici", "too deep here"))
                    .help((
                        "écrivez la formule avec moins de parenthèses imbriquées",
                        "write the formula with fewer nested parentheses",
                    ))]);
                }
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            '\n' => depth = 0,
            _ => {}
        }
    }
    if let Some(at) = deep_conditional(source) {
        return Err(vec![Diagnostic::error(
            Code::TooDeep,
            Span::new(at, at),
            (
                format!("les formules imbriquent plus de {MAX_NESTING} `si … alors`"),
                format!("formulas nest more than {MAX_NESTING} `si … alors` deep"),
            ),
        )
        .label(("trop profond ici", "too deep here"))
        .help((
            "découpez la formule en paramètres ou en barèmes",
            "split the formula into parameters or tables",
        ))]);
    }
    Ok(source)
}

/// Where a declaration holds more than [`MAX_NESTING`] `alors` (`then`): `si`
/// nests without parentheses (`sinon si …`), and the parser recurses for each.
/// A declaration starts at column 0 (as `grille fmt` writes it; a file laid out
/// otherwise counts as one declaration); strings and comments are skipped.
fn deep_conditional(source: &str) -> Option<usize> {
    let mut count = 0usize;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if line.starts_with(|c: char| c.is_alphabetic()) {
            count = 0;
        }
        let mut in_string = false;
        let mut word_start = None;
        for (i, c) in line.char_indices() {
            match c {
                '"' => in_string = !in_string,
                '#' if !in_string => break,
                _ if in_string => {}
                _ if c.is_alphanumeric() || c == '_' => {
                    word_start.get_or_insert(i);
                    continue;
                }
                _ => {}
            }
            if let Some(start) = word_start.take() {
                if matches!(&line[start..i], "alors" | "then") {
                    count += 1;
                    if count > MAX_NESTING {
                        return Some(offset + start);
                    }
                }
            }
        }
        offset += line.len();
    }
    None
}

/// Parses one grammar rule alone over the whole input, for tests of the grammar.
#[doc(hidden)]
#[cfg_attr(not(feature = "internals"), allow(dead_code))]
pub fn parses_as(rule: Rule, input: &str) -> bool {
    match GrammarParser::parse(rule, input) {
        Ok(mut pairs) => pairs
            .next()
            .is_some_and(|p| p.as_span().end() == input.len()),
        Err(_) => false,
    }
}
