//! The stable codes users see (`grille::unknown-name`), one per class of problem.
//!
//! A code is what the README documents and tools match on; the message, label
//! and help of a checker diagnostic come from its [`Kind`](super::Kind).

use std::fmt;

/// A documented diagnostic code. Its text is [`Code::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    // Reading the file (src/lib.rs, src/syntax, src/fmt.rs).
    Encoding,
    Syntax,
    BadDate,
    BadNumber,
    TooLarge,
    TooDeep,
    RepeatedAttribute,
    Fmt,
    // Names and types.
    Duplicate,
    ReservedName,
    UnknownName,
    TypeMismatch,
    MissingValue,
    DivisionByZero,
    // The grid and the jobs.
    EmptyCategory,
    NoGrid,
    NoJob,
    OverlappingLevels,
    BadRange,
    OffGridCoefficient,
    BadBands,
    // How decisions are made.
    NoFloor,
    NoCombination,
    MisplacedOption,
    StatusIncomplete,
    UnreachableRule,
    // Warnings over the set.
    AmbiguousName,
    EntryDiplomaAboveJob,
    EntryDiplomaOrder,
    BlankCells,
    JobWithoutClassification,
    DecreasingBand,
    UnusedParameter,
    ParameterBeforeFirstDate,
    KnownUntilBeforeValue,
    BelowLegalMinimum,
    // Examples.
    IncompleteExample,
    // Formula functions and conditions.
    BadFunction,
    ConstantTest,
    // Declared facts (issue #22).
    BadFact,
    UnusedFact,
    // Grids, positions, tables by position (issue #22).
    BadGrid,
    UnknownPosition,
    AmbiguousPosition,
    TableRows,
    // Quotes and readings.
    LongQuote,
    // Layers (src/layers): files that stand on each other.
    MissingLayer,
    LayerCycle,
    LayerKind,
    LayerConflict,
    ImplicitReplacement,
    // Trials at hire and by coefficient range (issue #22).
    OverlappingTrialRanges,
    TrialNotCovered,
    // Classification by criteria (issue #22).
    ScoreRows,
    UncoveredTotal,
    DegreeOutOfRange,
    JobBelowDegrees,
}

impl Code {
    /// The code as documented: `grille::` and the class in kebab case.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Encoding => "grille::encoding",
            Code::Syntax => "grille::syntax",
            Code::BadDate => "grille::bad-date",
            Code::BadNumber => "grille::bad-number",
            Code::TooLarge => "grille::too-large",
            Code::TooDeep => "grille::too-deep",
            Code::RepeatedAttribute => "grille::repeated-attribute",
            Code::Fmt => "grille::fmt",
            Code::Duplicate => "grille::duplicate",
            Code::ReservedName => "grille::reserved-name",
            Code::UnknownName => "grille::unknown-name",
            Code::TypeMismatch => "grille::type-mismatch",
            Code::MissingValue => "grille::missing-value",
            Code::DivisionByZero => "grille::division-by-zero",
            Code::EmptyCategory => "grille::empty-category",
            Code::NoGrid => "grille::no-grid",
            Code::NoJob => "grille::no-job",
            Code::OverlappingLevels => "grille::overlapping-levels",
            Code::BadRange => "grille::bad-range",
            Code::OffGridCoefficient => "grille::off-grid-coefficient",
            Code::BadBands => "grille::bad-bands",
            Code::NoFloor => "grille::no-floor",
            Code::NoCombination => "grille::no-combination",
            Code::MisplacedOption => "grille::misplaced-option",
            Code::StatusIncomplete => "grille::status-incomplete",
            Code::UnreachableRule => "grille::unreachable-rule",
            Code::AmbiguousName => "grille::ambiguous-name",
            Code::EntryDiplomaAboveJob => "grille::entry-diploma-above-job",
            Code::EntryDiplomaOrder => "grille::entry-diploma-order",
            Code::BlankCells => "grille::blank-cells",
            Code::JobWithoutClassification => "grille::job-without-classification",
            Code::DecreasingBand => "grille::decreasing-band",
            Code::UnusedParameter => "grille::unused-parameter",
            Code::KnownUntilBeforeValue => "grille::known-until-before-value",
            Code::BelowLegalMinimum => "grille::below-smic",
            Code::MissingLayer => "grille::missing-layer",
            Code::LayerCycle => "grille::layer-cycle",
            Code::LayerKind => "grille::layer-kind",
            Code::LayerConflict => "grille::layer-conflict",
            Code::ImplicitReplacement => "grille::implicit-replacement",
            Code::ParameterBeforeFirstDate => "grille::parameter-before-first-date",
            Code::IncompleteExample => "grille::incomplete-example",
            Code::BadFunction => "grille::bad-function",
            Code::ConstantTest => "grille::constant-test",
            Code::BadFact => "grille::bad-fact",
            Code::UnusedFact => "grille::unused-fact",
            Code::BadGrid => "grille::bad-grid",
            Code::UnknownPosition => "grille::unknown-position",
            Code::AmbiguousPosition => "grille::ambiguous-position",
            Code::TableRows => "grille::table-rows",
            Code::LongQuote => "grille::long-quote",
            Code::OverlappingTrialRanges => "grille::overlapping-trial-ranges",
            Code::TrialNotCovered => "grille::trial-not-covered",
            Code::ScoreRows => "grille::score-rows",
            Code::UncoveredTotal => "grille::uncovered-total",
            Code::DegreeOutOfRange => "grille::degree-out-of-range",
            Code::JobBelowDegrees => "grille::job-below-its-degrees",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tools and tests compare a code with its documented text.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
