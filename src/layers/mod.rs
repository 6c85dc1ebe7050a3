//! Rule sets that stand on each other.
//!
//! A rule file may say what it stands on: a branch agreement `modifie` (amends)
//! another one and stands `sous la loi` (under the law); a company agreement
//! stands `dans le cadre de` (within) a branch agreement. Loading follows those
//! links (paths relative to the naming file, through [`Files`], so that the
//! engine does no other I/O) and resolves the layers before anything is
//! checked:
//!
//! 1. [`load`] reads and parses every file named, each at its own offset in one
//!    [`Sources`](crate::sources::Sources), rejecting missing files and cycles
//!    at the naming clause;
//! 2. [`merge`] applies each amendment to the file it amends, element by
//!    element (what the amendment declares replaces what the amended file
//!    declares under the same name; what it does not mention stays; what it
//!    sets aside goes), and puts the law's and the company's declarations
//!    beside the agreement's;
//! 3. the checker then sees one rule set, knowing which layer each element
//!    came from, and the evaluator takes, element by element, the most
//!    favourable of the layers: the highest minimum, the shortest trial.

mod load;
mod merge;

pub use load::{load, normalize, Disk, Files, InMemory};

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::sources::Sources;
use crate::syntax::ast::{AgreementKind, Item};

/// How a rule set is loaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The agreement as written, without the law above it (`--agreement-only`).
    pub agreement_only: bool,
}

/// One file of a layered rule set, as the explanations name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub kind: AgreementKind,
    /// What it does in this rule set.
    pub role: Role,
    /// The title of its header (`convention "…"`).
    pub title: String,
    /// Its path as read.
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The file named by the user.
    Named,
    /// A file the named one amends (directly or through another amendment).
    Amended,
    /// The law above the agreement.
    Law,
    /// The branch agreement a company agreement stands within.
    Agreement,
}

/// The rule files, resolved into one list of declarations for the checker.
#[derive(Debug, Clone)]
pub struct Layered {
    pub sources: Sources,
    /// The kind of the file named by the user.
    pub kind: AgreementKind,
    /// The agreement's declarations after every amendment, the law's and the
    /// company's parameters and tables, the law's minimum and trial maxima.
    pub items: Vec<Item>,
    /// The company agreement's own minimum, trial rules and coefficients for
    /// the agreement's jobs: they compete with the agreement's instead of
    /// replacing them.
    pub company: Vec<Item>,
    /// Every file, the named one first.
    pub layers: Vec<Layer>,
    /// What an amendment changed of the amended file's transitional
    /// coefficients, by the span start of their declaration.
    pub transitional: HashMap<usize, TransitionalScope>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A transitional coefficient of an amended file, as the amendment leaves it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransitionalScope {
    /// The coefficient that follows it in the grid of the file that declared it.
    pub then: Option<u32>,
    /// Jobs (ids) it does not apply to: the amendment's own, when it says so.
    pub except_jobs: Vec<String>,
}
