//! Step two: syntax tree to checked rule set.
//!
//! [`check`] resolves every name (jobs, bands, diplomas, categories, parameters),
//! types every formula, turns grid cells into coefficients, and analyses the
//! rule set for defects: errors where the rules cannot be applied, warnings where
//! they can but look wrong (an ambiguous job name, a job paid below its own entry
//! diploma, blank cells). All diagnostics of a file are collected in one run.
//!
//! One file per concern; the order of the passes is written once, in
//! [`Checker::rule_set`]. A check of a new kind of declaration goes in the file
//! of its concern, called from that file's pass.

mod completeness;
mod declarations;
mod examples;
mod formulas;
mod grid;
mod jobs;
mod lints;
mod rules;

// Shared by the passes (each file says `use super::*`).
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, SourceFile};
use crate::model::{self, *};
use crate::names::{closest, normalize};
use crate::span::{Span, Spanned};
use crate::syntax::ast::{self, Cell, Item, Literal, RuleFile, ValueType};

pub use grid::MAX_COEFFICIENT;

/// Checks a parsed rule file. The rule set is returned when there is no error;
/// the diagnostics (warnings, and errors if any) always are.
pub fn check(file: SourceFile, ast: &RuleFile) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut checker = Checker {
        diagnostics: Vec::new(),
        used_params: HashSet::new(),
        used_tables: HashSet::new(),
        param_name_spans: Vec::new(),
    };
    let rules = checker.rule_set(file, ast);
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    (ok.then_some(rules), diagnostics)
}

struct Checker {
    diagnostics: Vec<Diagnostic>,
    used_params: HashSet<ParamId>,
    used_tables: HashSet<TableId>,
    /// Where each parameter's name is written, by id: the unused-parameter lint.
    param_name_spans: Vec<Span>,
}

fn origin(span: Span, source: &ast::Source) -> Origin {
    Origin {
        span,
        source: source.as_ref().map(|s| s.node.as_str().into()),
    }
}

fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    what: &str,
) -> String {
    let close = closest(wanted, candidates);
    if close.is_empty() {
        format!("declare the {what} first, or check its spelling")
    } else {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        format!("did you mean {}?", list.join(" or "))
    }
}

impl Checker {
    fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// The passes, in order. Each reads what the earlier ones built; within a
    /// pass, declarations are taken in file order.
    fn rule_set(&mut self, file: SourceFile, ast: &RuleFile) -> RuleSet {
        let mut rules = empty_rule_set(file);
        // 1. What others refer to, wherever it stands in the file: the agreement,
        //    parameters, tables (declarations.rs).
        self.values(&mut rules, &ast.items);
        // 2. The grid: categories, levels, coefficients, level minima (grid.rs).
        self.grid(&mut rules, &ast.items);
        // 3. Diplomas (their floors are grid cells) and experience scales (declarations.rs).
        self.vocabulary(&mut rules, &ast.items);
        // 4. Jobs over the scales and the grid, then the names they are known by (jobs.rs).
        self.jobs(&mut rules, &ast.items);
        // 5. How decisions are made: classification, status, working time, minimum
        //    salary, mission cap, trial; each block once (rules.rs).
        let seen = self.decision_rules(&mut rules, &ast.items);
        // 6. The examples, as facts records (examples.rs).
        self.examples(&mut rules, &ast.items);
        // 7. The set as a whole: what it must have (completeness.rs), then what
        //    looks wrong although it can be applied (lints.rs).
        self.completeness(&rules, &ast.items, seen);
        self.lints(&rules);
        rules
    }
}

fn empty_rule_set(file: SourceFile) -> RuleSet {
    RuleSet {
        file,
        agreement: AgreementInfo::default(),
        params: Vec::new(),
        tables: Vec::new(),
        categories: Vec::new(),
        levels: Vec::new(),
        diplomas: Vec::new(),
        scales: Vec::new(),
        jobs: Vec::new(),
        job_names: Default::default(),
        job_names_exact: Default::default(),
        floors: Vec::new(),
        transitional: Vec::new(),
        status_rules: Vec::new(),
        reference_hours: None,
        maximum_hours: None,
        minimum_salary: None,
        mission_cap: None,
        trial: Vec::new(),
        provisions: Vec::new(),
        examples: Vec::new(),
    }
}
