//! The words of each [`Kind`]: its message (what is wrong, one sentence), its
//! label (on the exact span) and its help (what to do). Messages are lowercase,
//! user text in backticks.

use super::kind::*;
use super::words_mismatch::{mismatch_help, mismatch_label, mismatch_message};
use crate::model::Input;

pub(super) fn message(kind: &Kind) -> String {
    match kind {
        Kind::NotUtf8 { byte } => format!("the rule file is not UTF-8 text (byte {byte})"),
        Kind::Duplicate { what, .. } => duplicate_message(what),
        Kind::ReservedName { name } => format!("`{name}` is a name the evaluation provides"),
        Kind::UnknownName { what, name, .. } => unknown_message(what, name),
        Kind::UnknownLevel { number, .. } => format!("there is no level {number}"),
        Kind::UnavailableInput { name, .. } => format!("`{name}` has no value here"),
        Kind::TypeMismatch(m) => mismatch_message(m),
        Kind::MissingValue(m) => missing_message(m),
        Kind::DivisionByZero(Divisor::Literal) => "this formula divides by zero".to_string(),
        Kind::DivisionByZero(Divisor::Parameter { name, date, .. }) => {
            format!("this formula divides by `{name}`, which is zero from {date}")
        }
        Kind::EmptyCategory { id } => format!("the category `{id}` has no level"),
        Kind::NoGrid { .. } => "the rule file declares no grid".to_string(),
        Kind::NoJob { grid: true } => "the rule file declares no job".to_string(),
        Kind::NoJob { .. } => "the rule file declares no job and no grid".to_string(),
        Kind::TooManyCells { max } => {
            format!("the jobs have more than {max} band values in all (jobs × bands)")
        }
        Kind::OverlappingLevels { lower, upper, .. } => {
            format!("levels {lower} and {upper} share coefficients")
        }
        Kind::BadRange(r) => bad_range_message(r),
        Kind::OffGridCoefficient { coefficient, .. } => {
            format!("coefficient {coefficient} belongs to no level of the grid")
        }
        Kind::TopOfGrid { coefficient } => format!(
            "coefficient {coefficient} is the top of the grid: there is no next coefficient to move to"
        ),
        Kind::BadBands(b) => bad_bands_message(b),
        Kind::NoFloor { jobs_without_classification: true } => {
            "the rule file has jobs but no `classement`".to_string()
        }
        Kind::NoFloor { .. } => "the classification lists no floor".to_string(),
        Kind::NoCombination => "the classification does not say how its floors combine".to_string(),
        Kind::MisplacedOption { blank_cell: true } => {
            "`case vide` applies to the job floor only".to_string()
        }
        Kind::MisplacedOption { .. } => {
            "`hors grille` applies to the previous-coefficient floor only".to_string()
        }
        Kind::StatusIncomplete { no_status: true } => {
            "the rule file says nothing of status".to_string()
        }
        Kind::StatusIncomplete { .. } => "the status rules do not cover every employee".to_string(),
        Kind::UnreachableRule { .. } => {
            "this status rule comes after `sinon` and never applies".to_string()
        }
        Kind::AmbiguousName { name, jobs, .. } => {
            let jobs: Vec<String> = jobs.iter().map(|j| format!("`{j}`")).collect();
            format!("the name {name} is given to several jobs: {}", jobs.join(" and "))
        }
        Kind::AmbiguousDiplomaName { name, diplomas, .. } => {
            let diplomas: Vec<String> = diplomas.iter().map(|d| format!("`{d}`")).collect();
            format!("the name {name} is given to several diplomas: {}", diplomas.join(" and "))
        }
        Kind::EntryDiplomaAboveJob { job, diploma, floor, beginner } => format!(
            "the entry diploma of `{job}` (`{diploma}`) has a floor of {floor}, above its beginner coefficient {beginner}"
        ),
        Kind::EntryDiplomaOrder => "the entry diploma range is written highest first".to_string(),
        Kind::BlankCells { job, blank, bands } => format!(
            "{} of {bands} bands of `{job}` are blank: {}",
            blank.len(),
            blank.join(", ")
        ),
        Kind::JobWithoutClassification { job } => {
            format!("the job `{job}` has no classification")
        }
        Kind::DecreasingBand { job, before, before_band, value, band } => format!(
            "`{job}` goes down with experience: {before} in `{before_band}`, {value} in `{band}`"
        ),
        Kind::UnusedParameter { name } => format!("the parameter `{name}` is never used"),
        Kind::LongQuote { chars, max } => {
            format!("this quote is {chars} characters long, more than the {max} a short quote takes")
        }
        Kind::BelowLegalMinimum { level, coefficients, lowest, highest, law, day } => {
            let money = crate::eval::money;
            let range = if lowest == highest {
                money(*lowest)
            } else {
                format!("{} to {}", money(*lowest), money(*highest))
            };
            format!(
                "on {day}, level {level} (coefficients {coefficients}) pays {range}, below the SMIC ({})",
                money(*law)
            )
        }
        Kind::KnownUntilBeforeValue { name, known, last } => {
            format!("`{name}` is said known until {known}, but it has a value from {last}")
        }
        Kind::ParameterBeforeFirstDate { name, first, agreement } => format!(
            "`{name}` has no value before {first}, but the agreement is dated {agreement}"
        ),
        Kind::IncompleteExample(ExampleGap::Expectation) => "the example expects nothing".to_string(),
        Kind::IncompleteExample(gap) => format!("the example has no {}", example_gap(*gap)),
        Kind::FunctionArity { function } => {
            format!("`{}` needs two values or more", function_word(*function))
        }
        Kind::BadRoundingUnit { unit } => format!("cannot round to a multiple of {unit}"),
        Kind::ConstantTest { holds } => format!(
            "this test compares two numbers of the file: it is {}",
            match holds {
                TestHolds::Always => "always true",
                TestHolds::Never => "never true",
            }
        ),
    }
}

pub(super) fn label(kind: &Kind) -> String {
    let text = match kind {
        Kind::NotUtf8 { .. } => "not UTF-8",
        Kind::Duplicate { what, .. } => duplicate_label(what),
        Kind::ReservedName { .. } => "reserved",
        Kind::UnknownName { what, .. } => unknown_label(what),
        Kind::UnknownLevel { .. } => "unknown level",
        Kind::UnavailableInput { .. } => "not available in this formula",
        Kind::TypeMismatch(m) => return mismatch_label(m),
        Kind::MissingValue(m) => return missing_label(m),
        Kind::DivisionByZero(_) => "divides by zero",
        Kind::EmptyCategory { .. } => "no `niveau` follows",
        Kind::NoGrid { first_job: true } => "a job, but no `catégorie` with levels",
        Kind::NoGrid { .. } => "no `catégorie` with levels",
        Kind::NoJob { grid: true } => "a grid, but no `métier`",
        Kind::NoJob { .. } => "no `catégorie`, no `métier`",
        Kind::TooManyCells { .. } => "from this job on",
        Kind::OverlappingLevels { upper_start, .. } => return format!("starts at {upper_start}"),
        Kind::BadRange(r) => return bad_range_label(r),
        Kind::OffGridCoefficient { .. } => "not in the grid",
        Kind::TopOfGrid { .. } => "nothing above",
        Kind::BadBands(b) => return bad_bands_label(b),
        Kind::NoFloor {
            jobs_without_classification: true,
        } => "jobs without a classification rule",
        Kind::NoFloor { .. } => "empty",
        Kind::NoCombination => "add `le plus élevé l'emporte`",
        Kind::MisplacedOption { blank_cell: true } => "not a job floor",
        Kind::MisplacedOption { .. } => "not that floor",
        Kind::StatusIncomplete { no_status: true } => "jobs without a status rule",
        Kind::StatusIncomplete { .. } => "no `sinon`",
        Kind::UnreachableRule { .. } => "never reached",
        Kind::AmbiguousName { .. } => "also names another job",
        Kind::AmbiguousDiplomaName { .. } => "also names another diploma",
        Kind::EntryDiplomaAboveJob { .. } => "pays less than its own entry diploma",
        Kind::EntryDiplomaOrder => "read as lowest to highest",
        Kind::BlankCells { .. } => "incomplete grid",
        Kind::JobWithoutClassification { .. } => "every band is blank",
        Kind::DecreasingBand { .. } => "lower than the band before",
        Kind::UnusedParameter { .. } => "declared here, used nowhere",
        Kind::LongQuote { .. } => "quoted here",
        Kind::KnownUntilBeforeValue { .. } => "before the last value",
        Kind::BelowLegalMinimum { .. } => "the SMIC applies to these coefficients",
        Kind::ParameterBeforeFirstDate { first, .. } => return format!("first value from {first}"),
        Kind::IncompleteExample(ExampleGap::Expectation) => "no `attendu :`",
        Kind::IncompleteExample(gap) => return format!("no {}", example_gap(*gap)),
        Kind::FunctionArity { .. } => "one value",
        Kind::BadRoundingUnit { .. } => "not above zero",
        Kind::ConstantTest { .. } => "the same on every day, for every employee",
    };
    text.to_string()
}

pub(super) fn help(kind: &Kind) -> String {
    let text = match kind {
        Kind::NotUtf8 { .. } => {
            "save it as UTF-8 (a Windows-1252 or Latin-1 export must be converted first)"
        }
        Kind::Duplicate { what, .. } => return duplicate_help(what),
        Kind::ReservedName { .. } => {
            "choose another name: `heures`, `coefficient` and `minimum` are reserved"
        }
        Kind::UnknownName { what, candidates, .. } => return did_you_mean(what, candidates),
        Kind::UnknownLevel { levels, .. } => return format!("the grid has levels {levels}"),
        Kind::UnavailableInput { input, .. } => input_help(*input),
        Kind::TypeMismatch(m) => return mismatch_help(m),
        Kind::MissingValue(m) => missing_help(m),
        Kind::DivisionByZero(Divisor::Literal) => "a division by zero has no value: divide by another number",
        Kind::DivisionByZero(_) => {
            "every employee decided on that date would be rejected: give the parameter a value other than zero"
        }
        Kind::EmptyCategory { .. } => "add its levels: `niveau 1 : coefficients 120 à 140`",
        Kind::NoGrid { .. } => "declare categories and their levels with coefficients",
        Kind::NoJob { .. } => {
            "a rule set classifies jobs on a grid: declare categories with their levels, then jobs (`métier id \"Name\"` and their band values)"
        }
        Kind::TooManyCells { .. } => "split the rule set, or give the jobs fewer bands",
        Kind::OverlappingLevels { .. } => "a coefficient must belong to exactly one level",
        Kind::BadRange(r) => return bad_range_help(r),
        Kind::OffGridCoefficient { nearest, .. } => {
            return format!("the nearest coefficients of the grid are {nearest}")
        }
        Kind::TopOfGrid { .. } => "a transitional coefficient needs a higher coefficient in the grid",
        Kind::BadBands(b) => return bad_bands_help(b),
        Kind::NoFloor { jobs_without_classification: true } => {
            "add `classement` with `plancher métier` and `le plus élevé l'emporte`"
        }
        Kind::NoFloor { .. } => "list at least `plancher métier`",
        Kind::NoCombination => "floors combine by taking the highest: write `le plus élevé l'emporte`",
        Kind::MisplacedOption { blank_cell: true } => "move it under `plancher métier`",
        Kind::MisplacedOption { .. } => "move it under `plancher coefficient antérieur`",
        Kind::StatusIncomplete { no_status: true } => {
            "add `statut` followed by rules such as `cadre si catégorie cadres` and `non-cadre sinon`"
        }
        Kind::StatusIncomplete { .. } => "end with a catch-all rule, e.g. `non-cadre sinon`",
        Kind::UnreachableRule { .. } => "put `sinon` last",
        Kind::AmbiguousName { .. } => {
            "employees recorded under this name cannot be classified; rename one of them or remove the alias"
        }
        Kind::AmbiguousDiplomaName { .. } => {
            "facts giving this name are refused (an id is still read as its own diploma); remove the alias from one of them"
        }
        Kind::EntryDiplomaAboveJob { .. } => {
            "a beginner holding the expected diploma gets the diploma floor, not the job's value"
        }
        Kind::EntryDiplomaOrder => "write the lower diploma first",
        Kind::BlankCells { .. } => "a blank band takes the value the classification says (`case vide`)",
        Kind::JobWithoutClassification { .. } => {
            "employees in this job get only the other floors (diploma, previous coefficient…)"
        }
        Kind::DecreasingBand { .. } => "automatic advancement should never lower a coefficient",
        Kind::UnusedParameter { .. } => "use it in a formula or a rule, or remove it",
        Kind::LongQuote { .. } => {
            "quote only the words the rule encodes; the `source` tells the reader where the rest is"
        }
        Kind::KnownUntilBeforeValue { .. } => {
            "move the date to the last day the texts confirm, on or after the last value"
        }
        Kind::BelowLegalMinimum { .. } => {
            "employees at these coefficients are owed the SMIC; a new salary accord would raise the grid above it"
        }
        Kind::ParameterBeforeFirstDate { .. } => {
            "employees evaluated before that date are rejected; add the earlier value or date the agreement later"
        }
        Kind::IncompleteExample(ExampleGap::Expectation) => {
            "say what the rules must give, e.g. `attendu : coefficient 190, tranche experimente`"
        }
        Kind::IncompleteExample(_) => {
            "an example needs `au DATE`, and `faits :` with at least `métier \"…\"` and `depuis DATE`"
        }
        Kind::FunctionArity { function: Function::Min } => {
            "`min(a, b)` gives the lower of its values: add the value compared"
        }
        Kind::FunctionArity { .. } => {
            "`max(a, b)` gives the higher of its values: add the value compared"
        }
        Kind::BadRoundingUnit { .. } => {
            "write the multiple to round to, e.g. `arrondi(x, 1 €, supérieur)` to the euro above"
        }
        Kind::ConstantTest { .. } => {
            "compare a value that changes (a parameter, `heures`, `coefficient`), or remove the `si`"
        }
    };
    text.to_string()
}

/// A function's name as the rule file writes it.
pub(super) fn function_word(f: Function) -> &'static str {
    match f {
        Function::Max => "max",
        Function::Min => "min",
        Function::Round => "arrondi",
        Function::If => "si … alors … sinon",
        Function::Compare => "a comparison",
        Function::Annual => "annuel",
        Function::Monthly => "mensuel",
    }
}

// ---------------------------------------------------------------- duplicates

fn duplicate_message(what: &Duplicated) -> String {
    match what {
        Duplicated::Agreement => "a rule file describes one agreement".to_string(),
        Duplicated::ValueName(name) => format!("`{name}` is declared twice"),
        Duplicated::DatedValue { name, date } => format!("`{name}` has two values from {date}"),
        Duplicated::TableRow(c) => format!("coefficient {c} appears twice in this version"),
        Duplicated::Category(id) => format!("the category `{id}` is declared twice"),
        Duplicated::Level(n) => format!("level {n} is declared twice"),
        Duplicated::Diploma(id) => format!("the diploma `{id}` is declared twice"),
        Duplicated::Scale(id) => format!("the experience scale `{id}` is declared twice"),
        Duplicated::Band(id) => format!("the band `{id}` is declared twice"),
        Duplicated::Job(id) => format!("the job `{id}` is declared twice"),
        Duplicated::JobValue(band) => format!("the band `{band}` has two values for this job"),
        Duplicated::Floor => "this floor is listed twice".to_string(),
        Duplicated::Transitional(c) => format!("coefficient {c} is declared transitional twice"),
        Duplicated::Block(what) => format!("`{what}` is declared twice"),
    }
}

fn duplicate_label(what: &Duplicated) -> &'static str {
    match what {
        Duplicated::Agreement => "second `convention`",
        Duplicated::DatedValue { .. } => "same date again",
        Duplicated::TableRow(_) => "second row",
        Duplicated::JobValue(_) => "second value",
        Duplicated::Floor => "second time",
        _ => "second declaration",
    }
}

/// The label on the first declaration, when it is shown.
pub(super) fn first_declared(what: &Duplicated) -> &'static str {
    match what {
        Duplicated::Agreement => "first one",
        Duplicated::DatedValue { .. } => "first value for that date",
        Duplicated::Floor => "first time",
        _ => "first declaration",
    }
}

fn duplicate_help(what: &Duplicated) -> String {
    let text = match what {
        Duplicated::Agreement => "keep one `convention` block",
        Duplicated::ValueName(_) => "give each parameter and table its own name",
        Duplicated::DatedValue { .. } => "each value applies from its own date",
        Duplicated::TableRow(_) => "one row per coefficient",
        Duplicated::Category(_) => "give each category its own id",
        Duplicated::Level(_) => "number each level once",
        Duplicated::Diploma(_) => "declare each diploma once",
        Duplicated::Scale(_) => "give each scale its own name",
        Duplicated::Band(_) => "give each band its own id",
        Duplicated::Job(_) => "give each job its own id",
        Duplicated::JobValue(_) => "keep one value per band",
        Duplicated::Floor => "list each floor once",
        Duplicated::Transitional(_) => "keep one limit per coefficient",
        Duplicated::Block(what) => return format!("merge the two `{what}` blocks"),
    };
    text.to_string()
}

// ---------------------------------------------------------------- unknown names

fn unknown_message(what: &Unknown, name: &str) -> String {
    match what {
        Unknown::Category => format!("there is no category `{name}`"),
        Unknown::Scale => format!("there is no experience scale `{name}`"),
        Unknown::Band { scale: Some(scale) } => {
            format!("there is no band `{name}` in the scale `{scale}`")
        }
        Unknown::Band { scale: None } => format!("there is no band `{name}`"),
        Unknown::Diploma => format!("there is no diploma `{name}`"),
        Unknown::Parameter | Unknown::FormulaName => format!("there is no parameter `{name}`"),
        Unknown::Table => format!("there is no table `{name}`"),
        Unknown::AgreementJob => format!("the agreement has no job `{name}`"),
    }
}

fn unknown_label(what: &Unknown) -> &'static str {
    match what {
        Unknown::Category => "unknown category",
        Unknown::Scale => "unknown scale",
        Unknown::Band { .. } => "unknown band",
        Unknown::Diploma => "unknown diploma",
        Unknown::Parameter => "unknown parameter",
        Unknown::FormulaName => "unknown name",
        Unknown::Table => "unknown table",
        Unknown::AgreementJob => "not a job of the agreement",
    }
}

/// What a person calls what was looked up, in "declare the … first".
fn unknown_word(what: &Unknown) -> &'static str {
    match what {
        Unknown::Category => "category",
        Unknown::Scale => "experience scale",
        Unknown::Band { .. } => "band",
        Unknown::Diploma => "diploma",
        Unknown::Parameter | Unknown::FormulaName => "parameter",
        Unknown::Table => "table",
        Unknown::AgreementJob => "job in the agreement",
    }
}

fn did_you_mean(what: &Unknown, candidates: &[String]) -> String {
    if candidates.is_empty() {
        format!(
            "declare the {} first, or check its spelling",
            unknown_word(what)
        )
    } else {
        let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        format!("did you mean {}?", list.join(" or "))
    }
}

fn input_help(input: Input) -> &'static str {
    match input {
        Input::Hours => "`heures` (the employee's monthly hours) is known in the `salaire minimum` formula only",
        Input::Coefficient => "`coefficient` is known in level minima and the `salaire minimum` formula",
        Input::LevelMinimum => "`minimum` (the level's full-time minimum) is known in the `salaire minimum` formula only",
    }
}

// ---------------------------------------------------------------- missing values

fn missing_message(m: &Missing) -> String {
    match m {
        Missing::ParameterValue(name) => format!("the parameter `{name}` has no value"),
        Missing::TableRows(name) => format!("the table `{name}` has no rows"),
        Missing::ReferenceHours => {
            "the minimum salary uses `heures`, but no reference hours are declared".to_string()
        }
        Missing::MissionCap => "the mission floor needs a `plafond des missions`".to_string(),
        Missing::MissionCapPart(what) => format!("the mission cap needs `{what}`"),
    }
}

fn missing_label(m: &Missing) -> String {
    let text = match m {
        Missing::ParameterValue(_) => "no value",
        Missing::TableRows(_) => "empty",
        Missing::ReferenceHours => "needs reference hours",
        Missing::MissionCap => "no mission cap declared",
        Missing::MissionCapPart(what) => return format!("no `{what}`"),
    };
    text.to_string()
}

fn missing_help(m: &Missing) -> &'static str {
    match m {
        Missing::ParameterValue(_) => {
            "give a value and the date it applies from, e.g. `1234.50 € depuis 2020-01-01`"
        }
        Missing::TableRows(_) => "add `depuis DATE` followed by rows `120 : 439`",
        Missing::ReferenceHours => {
            "add `temps de travail` with `heures de référence : ...`, the hours of an employee who gives none"
        }
        Missing::MissionCap => "declare `plafond des missions` with its window, limit and claim",
        Missing::MissionCapPart(_) => {
            "write `fenêtre 24 mois`, `au plus 183 jours` and `droit : tranche debutant`"
        }
    }
}

// ---------------------------------------------------------------- ranges and bands

fn bad_range_message(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { max, highest } => {
            format!("coefficients go up to {max}; this level reaches {highest}")
        }
        BadRange::Empty { low, high } => format!("the range {low} à {high} is empty"),
        BadRange::NotIncreasing => {
            "coefficients must be listed in increasing order, each once".to_string()
        }
        BadRange::EmptyBand { band, .. } => format!("the band `{band}` is empty"),
    }
}

fn bad_range_label(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { .. } => "too high".to_string(),
        BadRange::Empty { .. } => "lowest first".to_string(),
        BadRange::NotIncreasing => "not increasing".to_string(),
        BadRange::EmptyBand { from, to, .. } => format!("from {from} to {to} months"),
    }
}

fn bad_range_help(r: &BadRange) -> String {
    match r {
        BadRange::TooHigh { .. } => "grids use coefficients of a few hundred".to_string(),
        BadRange::Empty { low, high } => format!("write `{high} à {low}`"),
        BadRange::NotIncreasing => "sort the list and remove repeats".to_string(),
        BadRange::EmptyBand { .. } => "the end must come after the start".to_string(),
    }
}

fn bad_bands_message(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { scale } => format!("the experience scale `{scale}` has no band"),
        BadBands::FirstNotAtZero { .. } => "the first band must start at 0 months".to_string(),
        BadBands::NotMeeting {
            previous,
            next,
            gap,
            ..
        } => {
            let what = if gap.is_some() {
                "leave a gap"
            } else {
                "overlap"
            };
            format!("bands `{previous}` and `{next}` {what}")
        }
        BadBands::LastHasEnd { .. } => "the last band must have no end".to_string(),
        BadBands::NoScale => "no experience scale is declared".to_string(),
    }
}

fn bad_bands_label(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { .. } => "no `tranche`".to_string(),
        BadBands::FirstNotAtZero { from } => format!("starts at {from} months"),
        BadBands::NotMeeting {
            gap: Some((end, start)),
            ..
        } => {
            format!("nothing covers {end} to {start} months")
        }
        BadBands::NotMeeting {
            previous,
            next_from,
            ..
        } => {
            format!("`{previous}` already covers {next_from} months")
        }
        BadBands::LastHasEnd { .. } => "ends here".to_string(),
        BadBands::NoScale => "this job needs bands".to_string(),
    }
}

fn bad_bands_help(b: &BadBands) -> String {
    match b {
        BadBands::NoBand { .. } => {
            "add bands: `tranche debutant \"Débutant\" : de 0 à 6 mois`".to_string()
        }
        BadBands::FirstNotAtZero { .. } => {
            "a beginner has 0 months of experience: start the first band at 0".to_string()
        }
        BadBands::NotMeeting { .. } => "each band starts where the previous one ends".to_string(),
        BadBands::LastHasEnd { from } => format!("write `à partir de {from} mois`"),
        BadBands::NoScale => {
            "declare one: `ancienneté standard` followed by its `tranche` lines".to_string()
        }
    }
}

fn example_gap(gap: ExampleGap) -> &'static str {
    match gap {
        ExampleGap::Date => "date (`au`)",
        ExampleGap::JobOrStart => "job or start date (`métier \"…\"`, `depuis DATE`)",
        ExampleGap::Expectation => "expectation",
    }
}
