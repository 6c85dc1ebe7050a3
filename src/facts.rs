//! Employee facts: reading JSON, JSON Lines and CSV into [`Record`]s.
//!
//! The contract is `facts.md` (summarised in the README). Reading checks what can
//! be checked without the rules (types, dates, duplicate ids, a mission ending
//! before it starts); what needs the rules (is the job known?) is checked when a
//! record is decided. A record that cannot be read becomes a [`Rejection`] with its
//! position; nothing is dropped silently.

use std::fmt;

mod array;
mod batch;
mod columns;
mod criteria;
mod csv;
mod csv_fr;
mod csv_rows;
mod declared;
mod duplicates;
mod encoding;
mod fast;
mod fields;
mod history;
mod ids;
mod json;
mod pay;
mod quote;
mod read_error;
mod reader;
mod reason;
mod reason_words;
mod stream;
mod warning;
pub use columns::ColumnMap;
use csv::Columns;
pub use csv_fr::{date as parse_date_fr, decimal as parse_decimal_fr};
pub use csv_rows::Tally;
pub use declared::{Declared, DeclaredField, DeclaredValues, FactKind, FactValue, Slots};
pub use encoding::Encoding;
use fields::KNOWN_FIELDS;
pub use fields::{header_field, Field, FIELDS};
pub use history::{HeldJob, History, Month, Obtained, Pay};
pub use pay::{read_pay, PayFile, PayLine};
pub use quote::short;
pub use read_error::ReadError;
use reader::{duplicate_id, Reader};
pub use reason::{DecimalFault, JsonType, QuoteAt, Reason, ReasonCode};
pub use stream::{stream, stream_with, FactStream};
pub use warning::Warning;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Where a record stands in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The n-th element of a JSON array (from 1).
    Record(usize),
    /// A line of a JSON Lines or CSV file (from 1).
    Line(usize),
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Record(n) => write!(f, "record {n}"),
            Position::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// One employee's facts, as given.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub position: Position,
    pub id: String,
    pub job: String,
    pub job_since: NaiveDate,
    pub prior_job_months: u32,
    pub diploma: Option<String>,
    pub previous_sector_coefficient: Option<u32>,
    pub missions: Vec<Mission>,
    pub moves: Vec<Move>,
    pub hours: Option<Decimal>,
    pub salary: Option<Decimal>,
    pub coefficient: Option<u32>,
    /// The past, for a replay: `None` when the record gives none of its fields.
    pub history: Option<Box<History>>,
    /// The facts only some rule sets read (issue #22), in one box: `None`
    /// when the record gives none of them, as most do. (One box rather than
    /// three keeps `Record` small: it is moved and dropped once a decision.)
    pub extra: Option<Box<ExtraFacts>>,
}

/// The facts of a record beyond the contract's core list (issue #22).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExtraFacts {
    /// `criteria`: the post's degree in each criterion, as given.
    pub criteria: Option<Degrees>,
    /// The fields the rule set declares as facts, as read (`None` when it
    /// declares none, or when the facts were read without its list).
    pub declared: Option<DeclaredValues>,
    /// The position on a named grid the employer gives (`position`,
    /// `position_since`): `None` when the record gives neither.
    pub placed: Option<Placed>,
}

impl ExtraFacts {
    /// The three, boxed when one is given.
    pub fn given(
        declared: Option<DeclaredValues>,
        placed: Option<Placed>,
        criteria: Option<Degrees>,
    ) -> Option<Box<ExtraFacts>> {
        (declared.is_some() || placed.is_some() || criteria.is_some()).then(|| {
            Box::new(ExtraFacts {
                criteria,
                declared,
                placed,
            })
        })
    }
}

impl Record {
    /// The degrees the record gives, by criterion.
    pub fn criteria(&self) -> Option<&[(String, u32)]> {
        self.extra.as_ref()?.criteria.as_deref()
    }

    /// The declared facts the record gives.
    pub fn declared(&self) -> Option<&DeclaredValues> {
        self.extra.as_ref()?.declared.as_ref()
    }

    /// The grid position the record gives.
    pub fn placed(&self) -> Option<&Placed> {
        self.extra.as_ref()?.placed.as_ref()
    }

    /// The extra facts, to fill in (made empty if there were none).
    pub fn extra_mut(&mut self) -> &mut ExtraFacts {
        self.extra.get_or_insert_with(Default::default)
    }
}

/// `position` and `position_since` (issue #22): a label, optionally qualified
/// by its grid (`"ic 2.1"`, `"II.3"`), and the day it was given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    pub position: Option<String>,
    pub since: Option<NaiveDate>,
}

/// `job` and `job_since`, required unless the record gives its `position`:
/// then the job may be left out (the rules say whether they need one) and the
/// day in it is the day in the position.
fn placed_job(
    at: &Place,
    placed: Option<&Placed>,
    job: Option<String>,
    job_since: Option<NaiveDate>,
) -> Result<(String, NaiveDate), Rejection> {
    let position = placed.filter(|p| p.position.is_some());
    let job = match (job, position) {
        (Some(job), _) => job,
        (None, Some(_)) => String::new(),
        (None, None) => at.required(None, "job")?,
    };
    let since = job_since.or(position.and_then(|p| p.since));
    Ok((job, at.required(since, "job_since")?))
}

impl Placed {
    /// The two fields, when one is given.
    pub fn given(position: Option<String>, since: Option<NaiveDate>) -> Option<Placed> {
        (position.is_some() || since.is_some()).then_some(Placed { position, since })
    }
}

/// The degrees a record gives, by criterion name (issue #22).
pub type Degrees = Box<[(String, u32)]>;

#[derive(Debug, Clone, PartialEq)]
pub struct Mission {
    pub job: String,
    pub start: NaiveDate,
    /// `None`: still running.
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub on: NaiveDate,
    pub trial_renewed: bool,
    pub trial_broken_on: Option<NaiveDate>,
}

/// A record that cannot be decided, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejection {
    #[serde(serialize_with = "position_text")]
    pub position: Position,
    pub id: Option<String>,
    pub field: Option<String>,
    /// The reason in English (the contract's text).
    pub reason: String,
    /// The reason's stable code ([`Reason::code`]): `required`, `unknown-job`…
    pub code: ReasonCode,
    /// The reason in French, as French outputs say it.
    #[serde(skip)]
    pub french: Box<str>,
}

/// A position as the text of its `Display` (`line 3`).
pub(crate) fn position_text<S: serde::Serializer>(p: &Position, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(p)
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.position)?;
        if let Some(id) = &self.id {
            write!(f, " (id {})", short(id))?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{}`", short(field))?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl Rejection {
    /// The rejection as a person reads it in `lang`: `ligne 9 (id E099), champ
    /// `job_since` : …` (English: the `Display`).
    pub fn say(&self, lang: crate::catalogue::Lang) -> String {
        if lang == crate::catalogue::Lang::En {
            return self.to_string();
        }
        let mut out = crate::catalogue::Text::Position(self.position).say(lang);
        if let Some(id) = &self.id {
            out.push_str(&format!(" (id {})", short(id)));
        }
        if let Some(field) = &self.field {
            out.push_str(&format!(", champ `{}`", short(field)));
        }
        out.push_str(&format!(" : {}", self.french));
        out
    }

    /// The reason after `prefix` in each language (`le 2024-03-01 : `).
    pub fn prefixed(mut self, prefix: crate::catalogue::Said) -> Rejection {
        self.reason = format!("{}{}", prefix.en, self.reason);
        self.french = format!("{}{}", prefix.fr, self.french).into();
        self
    }

    /// The reason in `lang`.
    pub fn reason_in(&self, lang: crate::catalogue::Lang) -> &str {
        match lang {
            crate::catalogue::Lang::Fr => &self.french,
            crate::catalogue::Lang::En => &self.reason,
        }
    }

    pub fn new(
        position: Position,
        id: Option<&str>,
        field: Option<&str>,
        reason: impl Into<Reason>,
    ) -> Self {
        let reason = reason.into();
        let said = reason.said();
        // Every rejection is made here: what it quotes is bounded once for all.
        Rejection {
            position,
            id: id.map(str::to_string),
            field: field.map(str::to_string),
            reason: quote::bound_message(said.en),
            code: reason.code(),
            french: quote::bound_message(said.fr).into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    JsonLines,
    Csv,
}

impl Format {
    /// The format a file name suggests.
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Some(Format::JsonLines)
        } else if lower.ends_with(".json") {
            Some(Format::Json)
        } else if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else {
            None
        }
    }
}

/// The fields of a mission and of a move.
const MISSION_FIELDS: [&str; 3] = ["job", "start", "end"];
const MOVE_FIELDS: [&str; 5] = ["from", "to", "on", "trial_renewed", "trial_broken_on"];
/// Everything read from a facts file.
#[derive(Debug, Default)]
pub struct Facts {
    /// Records and rejections, in input order.
    pub records: Vec<Result<Record, Rejection>>,
    /// Notes on the file as a whole (ignored columns…).
    pub warnings: Vec<Warning>,
}

/// How to read a CSV file, when the file itself does not say it well enough.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The field separator; `None`: told by the header line (`;` or `,`).
    pub delimiter: Option<u8>,
    /// The text encoding; `None`: UTF-8, or Windows-1252 when the file is not UTF-8.
    pub encoding: Option<Encoding>,
    /// Columns named for fields (`--columns`), for headers the reader does not know.
    pub columns: ColumnMap,
    /// The fields the rule set declares as facts (`RuleSet::declared_fields`).
    pub declared: Declared,
}

/// Reads a whole facts file held in memory.
pub fn read(text: &str, format: Format) -> Result<Facts, ReadError> {
    read_bytes(text.as_bytes(), format, Options::default())
}

/// Reads a whole facts file held in memory, in any encoding [`Options`] allow.
pub fn read_bytes(bytes: &[u8], format: Format, options: Options) -> Result<Facts, ReadError> {
    let mut records = stream_with(bytes, format, options)?;
    let read: Vec<_> = records.by_ref().collect();
    let warnings = records.finish()?;
    Ok(Facts {
        records: read,
        warnings,
    })
}
/// Where a field is, to say so when it is wrong.
struct Place<'a> {
    position: Position,
    id: Option<&'a str>,
}

impl Place<'_> {
    fn reject(&self, field: &str, reason: impl Into<Reason>) -> Rejection {
        Rejection::new(self.position, self.id, Some(field), reason)
    }

    fn required<T>(&self, value: Option<T>, field: &str) -> Result<T, Rejection> {
        value.ok_or_else(|| self.reject(field, Reason::Required))
    }

    fn date_text(&self, text: &str, field: &str) -> Result<NaiveDate, Rejection> {
        parse_date(text).ok_or_else(|| {
            let text = text.to_string();
            self.reject(
                field,
                Reason::NotADate {
                    text,
                    french: false,
                },
            )
        })
    }

    fn csv_date(&self, text: &str, field: &str) -> Result<NaiveDate, Rejection> {
        csv_fr::date(text).ok_or_else(|| {
            let text = text.to_string();
            self.reject(field, Reason::NotADate { text, french: true })
        })
    }

    fn csv_decimal(&self, text: &str, field: &str, money: bool) -> Result<Decimal, Rejection> {
        csv_fr::decimal_or_reason(text, money).map_err(|why| self.reject(field, why))
    }

    fn integer_text(&self, text: &str, field: &str) -> Result<u32, Rejection> {
        text.parse::<u32>().map_err(|_| {
            let digits = text.strip_prefix('-').unwrap_or(text);
            let text = text.to_string();
            let why = if text.starts_with('-') {
                Reason::Negative { text }
            } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                Reason::WholeNumberTooLarge { text }
            } else {
                Reason::NotAWholeNumber { text }
            };
            self.reject(field, why)
        })
    }

    fn decimal_text(&self, text: &str, field: &str) -> Result<Decimal, Rejection> {
        parse_decimal(text).ok_or_else(|| {
            let why = if decimal_digits(text) {
                Reason::DecimalTooLong {
                    text: text.to_string(),
                }
            } else {
                Reason::NotADecimal {
                    text: text.to_string(),
                }
            };
            self.reject(field, why)
        })
    }

    /// A salary: an amount of money, in cents.
    fn salary(&self, value: Decimal, text: &str) -> Result<Decimal, Rejection> {
        cents(value).ok_or_else(|| {
            let text = text.to_string();
            self.reject("salary", Reason::MoreThanCents { text })
        })
    }
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    // Read by hand: chrono's format parser costs more than the rest of a record.
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// An amount with at most two decimals (written with more, they are zeros and
/// dropped: `1850.000` is `1850.00`); `None` when a third or later decimal is not
/// zero. A salary is paid in cents: a shortfall of "249.995" is no amount anyone
/// can pay, and rounding what the employer wrote would be a guess.
pub(crate) fn cents(value: Decimal) -> Option<Decimal> {
    if value.scale() <= 2 {
        return Some(value);
    }
    let mut rescaled = value;
    rescaled.rescale(2);
    (rescaled == value).then_some(rescaled)
}

/// Whether `text` is written as a decimal number: digits, a dot, a sign.
fn decimal_digits(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.matches('.').count() <= 1
}

/// A decimal written with a dot; exponents and binary floating point are refused.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    // One pass: the digits' value while it fits, the place of the one dot.
    let mut mantissa: i64 = 0;
    let mut count = 0;
    let mut dot = None;
    for (i, b) in digits.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {
                count += 1;
                if count <= 18 {
                    mantissa = mantissa * 10 + i64::from(b - b'0');
                }
            }
            b'.' if dot.is_none() && i > 0 && i + 1 < digits.len() => dot = Some(i),
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    let scale = dot.map_or(0, |d| digits.len() - d - 1);
    // Zero, whose sign is the library's business, and long numbers are left to
    // it; it rounds decimals past the 28th, which exact reading refuses.
    if count > 18 || mantissa == 0 {
        let value = text.parse::<Decimal>().ok()?;
        return (value.scale() as usize == scale).then_some(value);
    }
    let value = Decimal::try_new(mantissa, u32::try_from(scale).ok()?).ok()?;
    Some(if digits.len() < text.len() {
        -value
    } else {
        value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_by_hand_are_those_the_library_reads() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1850",
            "1850.00",
            "1850.5",
            "-12.345",
            "007.50",
            "0.0000000000000000000000000001",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999999999999",
            "1.",
            ".5",
            "1.2.3",
            "-",
            "",
            "1e3",
            "+1",
            " 1",
            "١",
        ];
        for text in texts {
            let library = if text.is_empty()
                || text.contains(['e', '+', ' '])
                || text.ends_with('.')
                || text.starts_with('.')
                || text.matches('.').count() > 1
            {
                None
            } else {
                text.parse::<Decimal>().ok()
            };
            let ours = parse_decimal(text);
            assert_eq!(ours, library, "{text}");
            if let (Some(a), Some(b)) = (ours, library) {
                assert_eq!(
                    (a.mantissa(), a.scale(), a.is_sign_negative()),
                    (b.mantissa(), b.scale(), b.is_sign_negative()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn the_fast_reader_finds_each_field_where_the_table_has_it() {
        for spec in &FIELDS {
            assert_eq!(fast::field_index(spec.name), Some(spec.field.index()));
        }
        assert_eq!(fast::field_index("salaire"), None);
    }

    #[test]
    fn dates_are_calendar_days_written_iso() {
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "29/11/2026",
            "2026-11-2x",
            "+026-11-29",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn decimals_are_read_from_their_text() {
        assert_eq!(parse_decimal("121.34"), Some(Decimal::new(12134, 2)));
        assert_eq!(parse_decimal("1e3"), None);
        assert_eq!(parse_decimal("1,5"), None);
        assert_eq!(parse_decimal(".5"), None);
    }

    #[test]
    fn json_numbers_keep_their_digits() {
        let facts = read(
            r#"[{"id":"a","job":"x","job_since":"2020-01-01","hours":75.835}]"#,
            Format::Json,
        )
        .unwrap();
        let record = facts.records[0].as_ref().unwrap();
        assert_eq!(record.hours, Some(Decimal::new(75835, 3)));
    }

    #[test]
    fn duplicate_ids_and_bad_dates_are_rejected_with_position() {
        let text = "{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\n\n{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}\n{\"id\":\"b\",\"job\":\"x\",\"job_since\":\"2020-02-30\"}\n";
        let facts = read(text, Format::JsonLines).unwrap();
        let errors: Vec<String> = facts
            .records
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|r| r.to_string())
            .collect();
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].starts_with("line 3 (id a), field `id`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with("line 4 (id b), field `job_since`"),
            "{}",
            errors[1]
        );
    }
}
