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
mod criteria;
mod declarations;
mod examples;
mod facts;
mod formulas;
mod functions;
mod grid;
mod grid_tables;
mod grids;
mod jobs;
mod layers;
mod lints;
mod rules;
mod settings;
mod trials;

// Shared by the passes (each file says `use super::*`).
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use rust_decimal::Decimal;

use crate::diag::kind::{
    BadBands, BadRange, Divisor, Duplicated, ExampleGap, Found, Kind, Mismatch, Missing, Unknown,
};
use crate::diag::{Diagnostic, SourceFile};
use crate::layers::Layered;
use crate::model::{self, *};
use crate::names::normalize;
use crate::sources::Sources;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{self, Cell, Item, Literal, RuleFile, ValueType};

// For the tests and tools that reach inside (the `internals` feature).
#[cfg(feature = "internals")]
pub use declarations::literal_value;
use self::grid::GridIndex;
#[cfg(feature = "internals")]
pub use self::grid::MAX_COEFFICIENT;
pub use settings::{set_parameter, set_parameter_said};

/// Checks a parsed rule file. The rule set is returned when there is no error;
/// the diagnostics (warnings, and errors if any) always are.
#[cfg_attr(not(feature = "internals"), allow(dead_code))]
pub fn check(file: SourceFile, ast: &RuleFile) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let layered = Layered {
        sources: Sources::one(file),
        kind: Default::default(),
        items: ast.items.clone(),
        company: Vec::new(),
        layers: Vec::new(),
        transitional: Default::default(),
        diagnostics: Vec::new(),
    };
    check_layered(&layered)
}

/// Checks a rule set read from layered files (see [`crate::layers`]): one
/// rule set, each diagnostic in the file it is about.
pub fn check_layered(layered: &Layered) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut checker = Checker {
        diagnostics: layered.diagnostics.clone(),
        used_params: HashSet::new(),
        used_tables: HashSet::new(),
        param_name_spans: Vec::new(),
        declared: Declared::default(),
        grid_index: GridIndex::default(),
        cells_left: jobs::MAX_GRID_CELLS,
        too_many_cells: false,
        suggestions_left: SUGGESTION_BUDGET,
    };
    let rules = checker.rule_set(layered);
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
    declared: Declared,
    grid_index: GridIndex,
    /// How many more job cells the grid may have (see [`jobs::MAX_GRID_CELLS`]).
    cells_left: usize,
    too_many_cells: bool,
    /// How many more names the "did you mean" search may compare (see [`Checker::unknown`]).
    suggestions_left: usize,
}

/// What is declared so far, by name: each declaration and each reference is
/// looked up in one probe, whatever the number of jobs, bands or levels (the
/// rule set's own lookups scan, which is right for a handful of categories and
/// wrong for a generated file of 100,000 jobs).
#[derive(Default)]
struct Declared {
    /// Parameter and table names, to the span of their declaration.
    values: HashMap<String, Span>,
    params: HashMap<String, ParamId>,
    tables: HashMap<String, TableId>,
    /// For a parameter with a value of zero, its first such value (date, literal).
    zero_values: HashMap<ParamId, (NaiveDate, Span)>,
    categories: HashMap<String, CategoryId>,
    /// Normalised diploma ids.
    diplomas: HashMap<String, DiplomaId>,
    scales: HashMap<String, ScaleId>,
    /// For each scale, its normalised band ids to their place in the scale.
    bands: Vec<HashMap<String, usize>>,
    jobs: HashMap<String, JobId>,
    /// Transitional coefficients, to their declaration.
    transitional: HashMap<u32, Span>,
    /// Declared facts, by name, to their slot.
    facts: HashMap<String, FactId>,
    /// Facts the clocks read that the file does not declare (`âge` reads `born_on`).
    implicit_facts: Vec<Fact>,
    /// The declared facts some formula or test reads.
    used_facts: HashSet<FactId>,
}

/// Edit-distance comparisons the "did you mean" searches may make in one file:
/// thousands of misspelt names against thousands of declared ones would
/// otherwise take minutes. Real files use a few hundred.
const SUGGESTION_BUDGET: usize = 200_000;

fn origin(span: Span, source: &ast::Source) -> Origin {
    let words = |w: &Option<ast::Words>| w.as_ref().map(|w| w.text().into());
    Origin {
        span,
        source: source.as_ref().map(|s| s.node.as_str().into()),
        quote: source.as_ref().and_then(|s| words(&s.quote)),
        reading: source.as_ref().and_then(|s| words(&s.reading)),
    }
}

impl Checker {
    fn report(&mut self, kind: Kind, span: Span) {
        self.diagnostics.push(kind.at(span));
    }

    /// An unknown name, with the closest of the `count` names `declared` gives
    /// while the search budget lasts (past it, no candidates).
    fn unknown<'a, I: IntoIterator<Item = &'a str>>(
        &mut self,
        what: Unknown,
        name: &str,
        count: usize,
        declared: impl FnOnce() -> I,
    ) -> Kind {
        if count <= self.suggestions_left {
            self.suggestions_left -= count;
            Kind::unknown(what, name, declared())
        } else {
            Kind::unknown(what, name, [])
        }
    }

    /// The passes, in order. Each reads what the earlier ones built; within a
    /// pass, declarations are taken in file order.
    fn rule_set(&mut self, layered: &Layered) -> RuleSet {
        let ast = &layered.items;
        let mut rules = empty_rule_set(layered);
        // 1. What others refer to, wherever it stands in the file: the agreement,
        //    parameters, tables (declarations.rs).
        self.values(&mut rules, ast);
        //    The facts the file declares (facts.rs).
        self.facts(&mut rules, ast);
        // 2. The grid: categories, levels, coefficients, level minima (grid.rs).
        self.grid(&mut rules, ast);
        //    Named grids: positions as levels, then the tables by position (grids.rs).
        self.grids(&mut rules, ast);
        self.grid_tables(&mut rules, ast);
        // 3. Diplomas (their floors are grid cells) and experience scales (declarations.rs).
        self.vocabulary(&mut rules, ast);
        // 4. Jobs over the scales and the grid, then the names they are known by (jobs.rs).
        self.jobs(&mut rules, ast);
        // 5. How decisions are made: classification, status, working time, minimum
        //    salary, mission cap, trial; each block once (rules.rs).
        let seen = self.decision_rules(&mut rules, ast);
        //    A rule set classifying by position may declare no job (grids.rs).
        self.job_for_positions(&mut rules, ast);
        //    Classification by criteria, over the grid, the jobs and the floors (criteria.rs).
        self.criteria(&mut rules, ast);
        //    What layering adds: the law's minimum and trial caps, a company
        //    agreement's terms, an amended file's time limits (layers.rs).
        self.layers(&mut rules, layered);
        rules.facts.append(&mut self.declared.implicit_facts);
        self.unused_facts(&rules);
        // 6. The examples, as facts records (examples.rs).
        self.examples(&mut rules, ast);
        // 7. The set as a whole: what it must have (completeness.rs), then what
        //    looks wrong although it can be applied (lints.rs).
        self.completeness(&rules, ast, seen, layered.kind);
        self.lints(&rules, layered);
        rules
    }
}

fn empty_rule_set(layered: &Layered) -> RuleSet {
    RuleSet {
        sources: layered.sources.clone(),
        layers: layered.layers.clone(),
        legal_minimum: None,
        company_minimum: None,
        company_trial: Vec::new(),
        company_jobs: Vec::new(),
        trial_maximum: Vec::new(),
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
        hourly_levels: false,
        mission_cap: None,
        trial: Vec::new(),
        trial_at: TrialAt::MOVES,
        company_trial_at: TrialAt::MOVES,
        criteria: None,
        provisions: Vec::new(),
        examples: Vec::new(),
        facts: Vec::new(),
        grids: Default::default(),
    }
}
