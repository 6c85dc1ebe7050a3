//! Why a record is rejected, as data: each reason a stable `code` (JSON
//! `code`, for tools) and its words in French and English ([`Said`]). The
//! readers and the evaluator say what they found; [`Reason::said`] words it
//! (the words of the later reasons are in `reason_words.rs`). What a rule
//! set's formula cannot compute is still [`Reason::Other`]: English only,
//! code `other`; every reason about the facts is typed.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::reason_words as words;
pub use super::reason_words::{DecimalFault, QuoteAt};
use crate::catalogue::{Lang, Said};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A field the record must give (`id`, `job`, `job_since`…).
    Required,
    /// A date that is no date; `french` when the reader also takes `29/11/2026`.
    NotADate { text: String, french: bool },
    /// A month that is no month (`YYYY-MM`); `french` as for dates.
    NotAMonth { text: String, french: bool },
    /// An amount below zero.
    Negative { text: String },
    /// A job no name or alias of the rule set matches; the close names, best first.
    UnknownJob { given: String, close: Vec<String> },
    /// A name several jobs are given (an alias shared); their ids.
    AmbiguousJob { given: String, jobs: Vec<String> },
    /// A CSV field (its number, from 1) not UTF-8; `utf8_asked`: UTF-8 was
    /// asked (`--encoding`, a byte-order mark), not told by the file before it.
    NotUtf8Field { field: usize, utf8_asked: bool },
    /// A JSON Lines line (`record`: a JSON array's record) not UTF-8.
    NotUtf8Json { record: bool },
    /// A key given twice in one record.
    GivenTwice,
    /// An id an earlier record bears.
    DuplicateId { id: String },
    /// A JSON value of the wrong type.
    WrongType { expected: JsonType, found: JsonType },
    /// The id is missing (or blank).
    IdMissing,
    /// A whole number that is not one.
    NotAWholeNumber { text: String },
    /// A whole number past 4294967295.
    WholeNumberTooLarge { text: String },
    /// A decimal of more than 28 digits.
    DecimalTooLong { text: String },
    /// A decimal that is not one (JSON: written with a dot).
    NotADecimal { text: String },
    /// A decimal as a CSV or a flag writes it, and what is wrong with it; `money`: an amount.
    CsvDecimal {
        text: String,
        fault: DecimalFault,
        money: bool,
    },
    /// A salary with a third decimal that is not zero.
    MoreThanCents { text: String },
    /// A line that is not JSON: where (line, column of the file, when known), serde's words.
    NotJson {
        line: Option<usize>,
        column: usize,
        detail: String,
    },
    /// A record (a JSON value) that is not an object.
    RecordNotObject,
    /// A line of a pay file that is not an object.
    PayLineNotObject,
    /// An element of `missions` that is not an object.
    MissionNotObject,
    /// An element of `moves` that is not an object.
    MoveNotObject,
    /// `missions` that is not a list.
    NotAListOfMissions,
    /// `moves` that is not a list.
    NotAListOfMoves,
    /// A mission that ends before it starts.
    MissionEndsBeforeStart { start: NaiveDate, end: NaiveDate },
    /// A trial broken before the move that opened it.
    TrialBrokenBeforeMove { broken: NaiveDate, on: NaiveDate },
    /// A CSV row with fewer fields than the header.
    RowTooShort { fields: usize, width: usize },
    /// A CSV row with a value past the header's columns; `comma`: a `,` file and a number (a decimal comma unquoted?).
    ValuePastHeader {
        column: usize,
        value: String,
        width: usize,
        comma: bool,
    },
    /// A quote never closed: the rest of the file would be one field.
    QuoteNeverClosed { at: QuoteAt },
    /// A quote closed on a later line only, and followed there by other text.
    QuoteClosedLater { at: QuoteAt, closing_line: usize },
    /// A CSV row the reader cannot read (the csv crate's words).
    RowUnreadable { detail: String },
    /// The contract ends (`left_on`) before it starts (`hired_on`).
    ContractEndsBeforeHire { left: NaiveDate, hired: NaiveDate },
    /// `jobs` not listed oldest first.
    JobsOutOfOrder { since: NaiveDate, before: NaiveDate },
    /// A past job that starts on or after the current one.
    JobNotBeforeCurrent {
        since: NaiveDate,
        job_since: NaiveDate,
    },
    /// A job held in the company that starts before the hire.
    JobBeforeHire {
        first_day: NaiveDate,
        hired: NaiveDate,
    },
    /// The contract ends before the current job starts.
    ContractEndsBeforeJob {
        left: NaiveDate,
        job_since: NaiveDate,
    },
    /// `diplomas` not listed oldest first.
    DiplomasOutOfOrder { since: NaiveDate, before: NaiveDate },
    /// A month of `pay` given twice in the record (the two entries, from 0).
    MonthGivenTwice {
        month: String,
        first: usize,
        second: usize,
    },
    /// A month the record gives, given again by the pay file (at `again`: `ligne 3`).
    MonthGivenAgain {
        month: String,
        again: super::Position,
    },
    /// `job_since` after the evaluation date.
    AfterAsOf {
        job_since: NaiveDate,
        as_of: NaiveDate,
    },
    /// Hours a month of zero or less.
    HoursNotPositive { hours: Decimal },
    /// Hours a month above the rule set's maximum.
    HoursAboveMaximum { hours: Decimal, maximum: Decimal },
    /// A coefficient owed that no level of the grid holds.
    NoLevel { coefficient: u32 },
    /// A diploma given to a rule set that declares none.
    NoDiplomas { given: String },
    /// A diploma name several diplomas bear; their ids.
    AmbiguousDiploma {
        given: String,
        diplomas: Vec<String>,
    },
    /// A diploma no id, name or alias matches; the ids the rule set knows.
    UnknownDiploma { given: String, known: Vec<String> },
    /// A previous-sector coefficient above the top of the grid.
    AboveGrid { given: u32, top: u32 },
    /// A previous-sector coefficient off the grid, which the rules refuse (`hors grille`).
    OffGrid { given: u32 },
    /// No floor gives a coefficient in the job (its id).
    NoFloor { job: String },
    /// On a day of a replay, the job held is not known: the hire is before the first job.
    JobNotKnownOn { day: NaiveDate, first: NaiveDate },
    /// On a day of a replay, the rules give no minimum salary.
    NoMinimumOn { day: NaiveDate },
    /// A `oui-non` fact written otherwise (issue #22).
    NotYesNo { text: String },
    /// A `choix` fact outside its choices (issue #22).
    NotAChoice { text: String, choices: Vec<String> },
    /// A declared fact the record does not give, needed by a rule (`rule`:
    /// where it is written, `file:line:column`; `fact`: its name in the rule file).
    FactNeeded { fact: String, rule: String },
    /// A position no grid has, or that several grids have (issue #22).
    Position(crate::model::grid::PositionError),
    /// A criterion the rule set does not declare (issue #22); the ones it does.
    UnknownCriterion { given: String, known: Vec<String> },
    /// A degree outside its criterion's degrees (1 to `count`).
    DegreeOutOfRange {
        criterion: String,
        degree: u32,
        count: usize,
    },
    /// A total of points no row of the `cotation` holds.
    NoScoringRow { total: u32 },
    /// A criterion of the rule set the record gives no degree (code `required`).
    CriterionMissing,
    /// Not typed yet: its English words.
    Other(String),
}

/// The type of a JSON value, as a rejection names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    WholeNumber,
    Decimal,
    String,
    List,
    Object,
}

impl JsonType {
    /// Its words in French and English; `expected`: as what a field must be.
    fn words(self, expected: bool) -> (&'static str, &'static str) {
        match self {
            JsonType::Null => ("null", "null"),
            JsonType::Bool if expected => ("true ou false", "true or false"),
            JsonType::Bool => ("true ou false", "true/false"),
            JsonType::Number => ("un nombre", "a number"),
            JsonType::WholeNumber => ("un nombre entier", "a whole number"),
            JsonType::Decimal => ("un nombre décimal", "a decimal number"),
            JsonType::String => ("du texte", "a string"),
            JsonType::List => ("une liste", "a list"),
            JsonType::Object => ("un objet", "an object"),
        }
    }
}

/// A reason's stable code, as JSON writes it (`required`, `unknown-job`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonCode {
    Required,
    NotADate,
    NotAMonth,
    Negative,
    UnknownJob,
    AmbiguousJob,
    NotUtf8,
    GivenTwice,
    DuplicateId,
    WrongType,
    IdMissing,
    NotAWholeNumber,
    OutOfRange,
    NotADecimal,
    AmbiguousDecimal,
    NotCents,
    NotJson,
    NotAnObject,
    DateOrder,
    RowWidth,
    UnclosedQuote,
    UnreadableRow,
    MonthGivenTwice,
    AfterAsOf,
    HoursOutOfRange,
    NoLevel,
    UnknownDiploma,
    AmbiguousDiploma,
    OffGrid,
    NoFloor,
    HistoryGap,
    NoMinimum,
    NotYesNo,
    NotAChoice,
    FactNeeded,
    UnknownPosition,
    AmbiguousPosition,
    UnknownCriterion,
    DegreeOutOfRange,
    NoScoringRow,
    /// A reason not typed yet.
    Other,
}

impl Reason {
    /// The stable code tools read.
    pub fn code(&self) -> ReasonCode {
        match self {
            Reason::Required => ReasonCode::Required,
            Reason::NotADate { .. } => ReasonCode::NotADate,
            Reason::NotAMonth { .. } => ReasonCode::NotAMonth,
            Reason::Negative { .. } => ReasonCode::Negative,
            Reason::UnknownJob { .. } => ReasonCode::UnknownJob,
            Reason::AmbiguousJob { .. } => ReasonCode::AmbiguousJob,
            Reason::NotUtf8Field { .. } | Reason::NotUtf8Json { .. } => ReasonCode::NotUtf8,
            Reason::GivenTwice => ReasonCode::GivenTwice,
            Reason::DuplicateId { .. } => ReasonCode::DuplicateId,
            Reason::WrongType { .. } => ReasonCode::WrongType,
            Reason::IdMissing => ReasonCode::IdMissing,
            Reason::NotAWholeNumber { .. } => ReasonCode::NotAWholeNumber,
            Reason::WholeNumberTooLarge { .. } => ReasonCode::OutOfRange,
            Reason::DecimalTooLong { .. } => ReasonCode::OutOfRange,
            Reason::NotADecimal { .. } => ReasonCode::NotADecimal,
            Reason::CsvDecimal { fault, .. } => fault.code(),
            Reason::MoreThanCents { .. } => ReasonCode::NotCents,
            Reason::NotJson { .. } => ReasonCode::NotJson,
            Reason::RecordNotObject => ReasonCode::NotAnObject,
            Reason::PayLineNotObject => ReasonCode::NotAnObject,
            Reason::MissionNotObject => ReasonCode::NotAnObject,
            Reason::MoveNotObject => ReasonCode::NotAnObject,
            Reason::NotAListOfMissions => ReasonCode::WrongType,
            Reason::NotAListOfMoves => ReasonCode::WrongType,
            Reason::MissionEndsBeforeStart { .. } => ReasonCode::DateOrder,
            Reason::TrialBrokenBeforeMove { .. } => ReasonCode::DateOrder,
            Reason::RowTooShort { .. } => ReasonCode::RowWidth,
            Reason::ValuePastHeader { .. } => ReasonCode::RowWidth,
            Reason::QuoteNeverClosed { .. } => ReasonCode::UnclosedQuote,
            Reason::QuoteClosedLater { .. } => ReasonCode::UnclosedQuote,
            Reason::RowUnreadable { .. } => ReasonCode::UnreadableRow,
            Reason::ContractEndsBeforeHire { .. } => ReasonCode::DateOrder,
            Reason::JobsOutOfOrder { .. } => ReasonCode::DateOrder,
            Reason::JobNotBeforeCurrent { .. } => ReasonCode::DateOrder,
            Reason::JobBeforeHire { .. } => ReasonCode::DateOrder,
            Reason::ContractEndsBeforeJob { .. } => ReasonCode::DateOrder,
            Reason::DiplomasOutOfOrder { .. } => ReasonCode::DateOrder,
            Reason::MonthGivenTwice { .. } => ReasonCode::MonthGivenTwice,
            Reason::MonthGivenAgain { .. } => ReasonCode::MonthGivenTwice,
            Reason::AfterAsOf { .. } => ReasonCode::AfterAsOf,
            Reason::HoursNotPositive { .. } => ReasonCode::HoursOutOfRange,
            Reason::HoursAboveMaximum { .. } => ReasonCode::HoursOutOfRange,
            Reason::NoLevel { .. } => ReasonCode::NoLevel,
            Reason::NoDiplomas { .. } => ReasonCode::UnknownDiploma,
            Reason::AmbiguousDiploma { .. } => ReasonCode::AmbiguousDiploma,
            Reason::UnknownDiploma { .. } => ReasonCode::UnknownDiploma,
            Reason::AboveGrid { .. } => ReasonCode::OffGrid,
            Reason::OffGrid { .. } => ReasonCode::OffGrid,
            Reason::NoFloor { .. } => ReasonCode::NoFloor,
            Reason::JobNotKnownOn { .. } => ReasonCode::HistoryGap,
            Reason::NoMinimumOn { .. } => ReasonCode::NoMinimum,
            Reason::NotYesNo { .. } => ReasonCode::NotYesNo,
            Reason::NotAChoice { .. } => ReasonCode::NotAChoice,
            Reason::FactNeeded { .. } => ReasonCode::FactNeeded,
            Reason::UnknownCriterion { .. } => ReasonCode::UnknownCriterion,
            Reason::DegreeOutOfRange { .. } => ReasonCode::DegreeOutOfRange,
            Reason::NoScoringRow { .. } => ReasonCode::NoScoringRow,
            Reason::CriterionMissing => ReasonCode::Required,
            Reason::Position(crate::model::grid::PositionError::Ambiguous { .. }) => {
                ReasonCode::AmbiguousPosition
            }
            Reason::Position(_) => ReasonCode::UnknownPosition,
            Reason::Other(_) => ReasonCode::Other,
        }
    }

    /// The reason in French and in English.
    pub fn said(&self) -> Said {
        let quoted = |names: &[String], or: &str| {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            list.join(or)
        };
        match self {
            Reason::Position(e) => {
                let (en, fr) = e.reason();
                Said::new(fr, en)
            }
            Reason::Required => Said::new("ce champ est obligatoire", "this field is required"),
            Reason::NotADate {
                text,
                french: false,
            } => Said::new(
                format!("`{text}` n'est pas une date écrite AAAA-MM-JJ"),
                format!("`{text}` is not a date written YYYY-MM-DD"),
            ),
            Reason::NotADate { text, french: true } => Said::new(
                format!(
                    "`{text}` n'est pas une date écrite 29/11/2026 (jour/mois/année) ou 2026-11-29"
                ),
                format!("`{text}` is not a date written 29/11/2026 (day/month/year) or 2026-11-29"),
            ),
            Reason::NotAMonth {
                text,
                french: false,
            } => Said::new(
                format!("`{text}` n'est pas un mois écrit AAAA-MM"),
                format!("`{text}` is not a month written YYYY-MM"),
            ),
            Reason::NotAMonth { text, french: true } => Said::new(
                format!("`{text}` n'est pas un mois écrit 2026-11 ou 11/2026"),
                format!("`{text}` is not a month written 2026-11 or 11/2026"),
            ),
            Reason::Negative { text } => Said::new(
                format!("`{text}` ne peut pas être négatif"),
                format!("`{text}` must not be negative"),
            ),
            Reason::UnknownJob { given, close } if close.is_empty() => Said::new(
                format!("le jeu de règles n'a pas de métier nommé `{given}`"),
                format!("the rule set has no job named `{given}`"),
            ),
            Reason::UnknownJob { given, close } => Said::new(
                format!(
                    "le jeu de règles n'a pas de métier nommé `{given}` ; vouliez-vous dire {} ?",
                    quoted(close, " ou ")
                ),
                format!(
                    "the rule set has no job named `{given}`; did you mean {}?",
                    quoted(close, " or ")
                ),
            ),
            Reason::AmbiguousJob { given, jobs } => Said::new(
                format!(
                    "le nom `{given}` est ambigu : il désigne {}",
                    quoted(jobs, " et ")
                ),
                format!(
                    "the name `{given}` is ambiguous: it names {}",
                    quoted(jobs, " and ")
                ),
            ),
            Reason::NotUtf8Field { field, utf8_asked } => not_utf8_field(*field, *utf8_asked),
            Reason::NotUtf8Json { record } => {
                let (fr, en) = if *record {
                    ("cet enregistrement", "this record")
                } else {
                    ("cette ligne", "this line")
                };
                Said::new(
                    format!("{fr} n'est pas du texte UTF-8 (JSON est toujours en UTF-8)"),
                    format!("{en} is not valid UTF-8 text (JSON is always UTF-8)"),
                )
            }
            Reason::GivenTwice => Said::new(
                "cette clé est donnée deux fois : on ne peut pas savoir quelle valeur compte",
                "this key is given twice: which value counts cannot be told",
            ),
            Reason::DuplicateId { id } => Said::new(
                format!("le matricule `{id}` est déjà celui d'un enregistrement précédent"),
                format!("the id `{id}` was already used by an earlier record"),
            ),
            Reason::WrongType { expected, found } => {
                let ((fr, en), (fr_found, en_found)) = (expected.words(true), found.words(false));
                Said::new(
                    format!("doit être {fr}, et non {fr_found}"),
                    format!("must be {en}, found {en_found}"),
                )
            }
            Reason::IdMissing => Said::new("le matricule manque", "the id is missing"),
            Reason::NotAWholeNumber { text } => words::not_a_whole_number(text),
            Reason::WholeNumberTooLarge { text } => words::whole_number_too_large(text),
            Reason::DecimalTooLong { text } => words::decimal_too_long(text),
            Reason::NotADecimal { text } => words::not_a_decimal(text),
            Reason::CsvDecimal { text, fault, money } => fault.said(text, *money),
            Reason::MoreThanCents { text } => words::more_than_cents(text),
            Reason::NotJson {
                line,
                column,
                detail,
            } => words::not_json(*line, *column, detail),
            Reason::RecordNotObject => words::record_not_object(),
            Reason::PayLineNotObject => words::pay_line_not_object(),
            Reason::MissionNotObject => words::mission_not_object(),
            Reason::MoveNotObject => words::move_not_object(),
            Reason::NotAListOfMissions => words::not_a_list(true),
            Reason::NotAListOfMoves => words::not_a_list(false),
            Reason::MissionEndsBeforeStart { start, end } => words::mission_order(*start, *end),
            Reason::TrialBrokenBeforeMove { broken, on } => words::trial_order(*broken, *on),
            Reason::RowTooShort { fields, width } => words::row_too_short(*fields, *width),
            Reason::ValuePastHeader {
                column,
                value,
                width,
                comma,
            } => words::value_past_header(*column, value, *width, *comma),
            Reason::QuoteNeverClosed { at } => words::quote_never_closed(at),
            Reason::QuoteClosedLater { at, closing_line } => {
                words::quote_closed_later(at, *closing_line)
            }
            Reason::RowUnreadable { detail } => words::row_unreadable(detail),
            Reason::ContractEndsBeforeHire { left, hired } => {
                words::ends_before_hire(*left, *hired)
            }
            Reason::JobsOutOfOrder { since, before } => words::jobs_order(*since, *before),
            Reason::JobNotBeforeCurrent { since, job_since } => {
                words::job_not_before_current(*since, *job_since)
            }
            Reason::JobBeforeHire { first_day, hired } => {
                words::job_before_hire(*first_day, *hired)
            }
            Reason::ContractEndsBeforeJob { left, job_since } => {
                words::ends_before_job(*left, *job_since)
            }
            Reason::DiplomasOutOfOrder { since, before } => words::diplomas_order(*since, *before),
            Reason::MonthGivenTwice {
                month,
                first,
                second,
            } => words::month_twice(month, *first, *second),
            Reason::MonthGivenAgain { month, again } => words::month_again(month, *again),
            Reason::AfterAsOf { job_since, as_of } => words::after_as_of(*job_since, *as_of),
            Reason::HoursNotPositive { hours } => words::hours_not_positive(*hours),
            Reason::HoursAboveMaximum { hours, maximum } => words::hours_above(*hours, *maximum),
            Reason::NoLevel { coefficient } => words::no_level(*coefficient),
            Reason::NoDiplomas { given } => words::no_diplomas(given),
            Reason::AmbiguousDiploma { given, diplomas } => {
                words::ambiguous_diploma(given, diplomas)
            }
            Reason::UnknownDiploma { given, known } => words::unknown_diploma(given, known),
            Reason::AboveGrid { given, top } => words::above_grid(*given, *top),
            Reason::OffGrid { given } => words::off_grid(*given),
            Reason::NoFloor { job } => words::no_floor(job),
            Reason::JobNotKnownOn { day, first } => words::job_not_known_on(*day, *first),
            Reason::NoMinimumOn { day } => words::no_minimum_on(*day),
            Reason::NotYesNo { text } => Said::new(
                format!("`{text}` n'est ni oui ni non (écrire oui ou non)"),
                format!("`{text}` is neither yes nor no (write yes or no)"),
            ),
            Reason::NotAChoice { text, choices } => Said::new(
                format!(
                    "`{text}` n'est pas une des valeurs que le jeu de règles déclare : {}",
                    quoted(choices, ", ")
                ),
                format!(
                    "`{text}` is not one of the values the rule set declares: {}",
                    quoted(choices, ", ")
                ),
            ),
            Reason::UnknownCriterion { given, known } => Said::new(
                format!(
                    "le jeu de règles n'a pas de critère `{given}` ; il a {}",
                    quoted(known, ", ")
                ),
                format!(
                    "the rule set has no criterion `{given}`; it has {}",
                    quoted(known, ", ")
                ),
            ),
            Reason::DegreeOutOfRange {
                criterion,
                degree,
                count,
            } => Said::new(
                format!("{degree} n'est pas un degré du critère `{criterion}` (de 1 à {count})"),
                format!("degree {degree} is not a degree of `{criterion}` (1 to {count})"),
            ),
            Reason::CriterionMissing => Said::new(
                "obligatoire : chaque critère reçoit un degré",
                "required: every criterion is given a degree",
            ),
            Reason::NoScoringRow { total } => Said::new(
                format!("aucune ligne de la cotation ne contient un total de {total} points"),
                format!("no row of the scoring holds a total of {total} points"),
            ),
            Reason::FactNeeded { fact, rule } => Said::new(
                format!(
                    "ce champ manque, et la règle écrite en {rule} en a besoin (fait `{fact}`, sans valeur par défaut)"
                ),
                format!("this field is missing, and the rule at {rule} needs it (fact `{fact}`, no default)"),
            ),
            Reason::Other(english) => Said::new(english.clone(), english.clone()),
        }
    }

    /// The reason in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        self.said().say(lang).to_string()
    }
}

/// A CSV field not UTF-8, and why the file was read as UTF-8.
fn not_utf8_field(field: usize, utf8_asked: bool) -> Said {
    if utf8_asked {
        Said::new(
            format!("le champ {field} n'est pas du texte UTF-8 (le fichier a été lu en UTF-8)"),
            format!("field {field} is not valid UTF-8 text (the file was read as UTF-8)"),
        )
    } else {
        Said::new(
            format!(
                "le champ {field} n'est pas du texte UTF-8, alors que le fichier était en UTF-8 \
                 avant lui (--encoding windows-1252 ou latin-1 lit tout le fichier ainsi)"
            ),
            format!(
                "field {field} is not valid UTF-8 text although the file was UTF-8 before it \
                 (--encoding windows-1252 or latin-1 reads the whole file so)"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each typed reason is said in both languages, differently, with a code.
    #[test]
    fn every_typed_reason_is_said_in_both_languages() {
        let text = || "31/02/2026".to_string();
        let all = [
            Reason::Required,
            Reason::NotADate {
                text: text(),
                french: false,
            },
            Reason::NotADate {
                text: text(),
                french: true,
            },
            Reason::NotAMonth {
                text: text(),
                french: false,
            },
            Reason::NotAMonth {
                text: text(),
                french: true,
            },
            Reason::Negative { text: text() },
            Reason::UnknownJob {
                given: "Hotliner".into(),
                close: vec![],
            },
            Reason::UnknownJob {
                given: "Hotliner".into(),
                close: vec!["Hotliner N1".into()],
            },
            Reason::AmbiguousJob {
                given: "Animateur".into(),
                jobs: vec!["superviseur".into(), "formateur".into()],
            },
            Reason::NotUtf8Field {
                field: 2,
                utf8_asked: false,
            },
            Reason::NotUtf8Field {
                field: 2,
                utf8_asked: true,
            },
            Reason::NotUtf8Json { record: false },
            Reason::NotUtf8Json { record: true },
            Reason::GivenTwice,
            Reason::DuplicateId { id: "E001".into() },
            Reason::WrongType {
                expected: JsonType::WholeNumber,
                found: JsonType::String,
            },
            Reason::WrongType {
                expected: JsonType::Bool,
                found: JsonType::Null,
            },
            Reason::NotYesNo { text: text() },
            Reason::NotAChoice {
                text: text(),
                choices: vec!["standard".into(), "forfait-jours".into()],
            },
            Reason::FactNeeded {
                fact: "naissance".into(),
                rule: "rules.grille:12:5".into(),
            },
            Reason::UnknownCriterion {
                given: text(),
                known: vec!["autonomie".into(), "technicite".into()],
            },
            Reason::DegreeOutOfRange {
                criterion: "autonomie".into(),
                degree: 12,
                count: 9,
            },
            Reason::NoScoringRow { total: 50 },
            Reason::CriterionMissing,
        ];
        let all = all.into_iter().chain(later_reasons());
        let wrong = Reason::WrongType {
            expected: JsonType::Bool,
            found: JsonType::Bool,
        };
        assert_eq!(
            wrong.say(Lang::En),
            "must be true or false, found true/false"
        );
        for reason in all {
            let said = reason.said();
            assert!(!said.fr.is_empty() && said.fr != said.en, "{reason:?}");
            assert_ne!(reason.code(), ReasonCode::Other);
            // The file's own words (in backticks: its values, its field names) aside.
            let outside: String = said.fr.split('`').step_by(2).collect();
            for word in crate::catalogue::ENGLISH_WORDS {
                assert!(!outside.contains(word), "{reason:?}: {}", said.fr);
            }
            for word in [
                " the ", " is ", " of ", " and ", " not ", " must ", "cannot",
            ] {
                assert!(!outside.contains(word), "{reason:?}: {}", said.fr);
            }
        }
    }

    /// One of each reason typed after the first, with the data they carry.
    fn later_reasons() -> Vec<Reason> {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 3, d).unwrap_or_default();
        let text = || "1,850.00".to_string();
        let at = QuoteAt {
            line: Some(3),
            column: 4,
        };
        let mut all = vec![
            Reason::IdMissing,
            Reason::NotAWholeNumber { text: text() },
            Reason::WholeNumberTooLarge { text: text() },
            Reason::DecimalTooLong { text: text() },
            Reason::NotADecimal { text: text() },
            Reason::MoreThanCents { text: text() },
            Reason::NotJson {
                line: Some(2),
                column: 7,
                detail: "expected `,` or `}`".into(),
            },
            Reason::NotJson {
                line: None,
                column: 7,
                detail: "something serde says".into(),
            },
            Reason::RecordNotObject,
            Reason::PayLineNotObject,
            Reason::MissionNotObject,
            Reason::MoveNotObject,
            Reason::NotAListOfMissions,
            Reason::NotAListOfMoves,
            Reason::MissionEndsBeforeStart {
                start: day(2),
                end: day(1),
            },
            Reason::TrialBrokenBeforeMove {
                broken: day(1),
                on: day(2),
            },
            Reason::RowTooShort {
                fields: 2,
                width: 3,
            },
            Reason::QuoteNeverClosed { at },
            Reason::QuoteClosedLater {
                at: QuoteAt { line: None, ..at },
                closing_line: 5,
            },
            Reason::RowUnreadable {
                detail: "invalid UTF-8".into(),
            },
            Reason::ContractEndsBeforeHire {
                left: day(1),
                hired: day(2),
            },
            Reason::JobsOutOfOrder {
                since: day(1),
                before: day(2),
            },
            Reason::JobNotBeforeCurrent {
                since: day(2),
                job_since: day(1),
            },
            Reason::JobBeforeHire {
                first_day: day(1),
                hired: day(2),
            },
            Reason::ContractEndsBeforeJob {
                left: day(1),
                job_since: day(2),
            },
            Reason::DiplomasOutOfOrder {
                since: day(1),
                before: day(2),
            },
            Reason::MonthGivenTwice {
                month: "2024-03".into(),
                first: 0,
                second: 2,
            },
            Reason::MonthGivenAgain {
                month: "2024-03".into(),
                again: super::super::Position::Line(4),
            },
            Reason::AfterAsOf {
                job_since: day(2),
                as_of: day(1),
            },
            Reason::HoursNotPositive {
                hours: Decimal::ZERO,
            },
            Reason::HoursAboveMaximum {
                hours: Decimal::new(200, 0),
                maximum: Decimal::new(151, 0),
            },
            Reason::NoLevel { coefficient: 125 },
            Reason::NoDiplomas {
                given: "bac".into(),
            },
            Reason::AmbiguousDiploma {
                given: "BTS".into(),
                diplomas: vec!["bac+2".into(), "bts".into()],
            },
            Reason::UnknownDiploma {
                given: "CAP".into(),
                known: vec!["bac".into()],
            },
            Reason::AboveGrid {
                given: 400,
                top: 350,
            },
            Reason::OffGrid { given: 125 },
            Reason::NoFloor {
                job: "conseiller".into(),
            },
            Reason::JobNotKnownOn {
                day: day(1),
                first: day(2),
            },
            Reason::NoMinimumOn { day: day(1) },
        ];
        for comma in [false, true] {
            all.push(Reason::ValuePastHeader {
                column: 4,
                value: "00".into(),
                width: 3,
                comma,
            });
        }
        let faults = [
            DecimalFault::TwoMarks,
            DecimalFault::Grouping,
            DecimalFault::ThreeDigits { mark: ',' },
            DecimalFault::NotANumber,
        ];
        for (fault, money) in faults.into_iter().flat_map(|f| [(f, true), (f, false)]) {
            all.push(Reason::CsvDecimal {
                text: text(),
                fault,
                money,
            });
        }
        all
    }
}
