//! Payslips as a separate file (facts.md, "Pay records as a separate file"):
//! CSV (read the way facts CSV is: separator told by the header, decimal
//! commas, Windows-1252 or UTF-16 exports) or JSON Lines, one line per
//! payslip, with `id`, `month`, `salary` and optionally `hours`, `coefficient`.
//! A line that cannot be read is a rejection with its line and field; none is
//! dropped.

use std::io::Read;

use serde_json::Value;

use super::csv_fr;
use super::encoding::{Decoder, Detected};
use super::history::{self, Month, Pay};
use super::json::JsonFields;
use super::{Format, Options, Place, Position, ReadError, Reason, Rejection};

/// One payslip line, with the id it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct PayLine {
    pub position: Position,
    pub id: String,
    pub pay: Pay,
}

/// Everything read from a pay file, in file order.
#[derive(Debug, Default)]
pub struct PayFile {
    pub lines: Vec<Result<PayLine, Rejection>>,
    pub warnings: Vec<super::Warning>,
}

const COLUMNS: [&str; 5] = ["id", "month", "salary", "hours", "coefficient"];

/// Reads a whole pay file.
pub fn read_pay(bytes: &[u8], format: Format, options: Options) -> Result<PayFile, ReadError> {
    match format {
        Format::Csv => read_csv(bytes, options),
        Format::JsonLines | Format::Json => {
            if options.delimiter.is_some() || options.encoding.is_some() {
                return Err(ReadError::new(
                    "--delimiter et --encoding ne valent que pour un fichier de paie CSV",
                    "--delimiter and --encoding apply to a CSV pay file only",
                ));
            }
            read_lines(bytes)
        }
    }
}

fn read_lines(bytes: &[u8]) -> Result<PayFile, ReadError> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|e| {
            let at = e.valid_up_to();
            ReadError::new(
                format!(
                    "le fichier de paie n'est pas du texte UTF-8 (octet {at}) : JSON Lines est \
                     toujours en UTF-8"
                ),
                format!("the pay file is not UTF-8 text (byte {at}): JSON Lines is always UTF-8"),
            )
        })?;
    let mut file = PayFile::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let position = Position::Line(i + 1);
        file.lines.push(json_line(line, position));
    }
    Ok(file)
}

fn json_line(line: &str, position: Position) -> Result<PayLine, Rejection> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let reason = Reason::NotJson {
            line: None,
            column: e.column(),
            detail: e.to_string(),
        };
        Rejection::new(position, None, None, reason)
    })?;
    let Value::Object(map) = value else {
        return Err(Rejection::new(
            position,
            None,
            None,
            Reason::PayLineNotObject,
        ));
    };
    let fields = JsonFields {
        map: &map,
        position,
    };
    let id = fields.id()?;
    let at = Place {
        position,
        id: Some(&id),
    };
    let pay = history::pay(&fields, &at, "", "salary")?;
    Ok(PayLine { position, id, pay })
}

fn read_csv(bytes: &[u8], options: Options) -> Result<PayFile, ReadError> {
    let detected = Detected::default();
    let mut text = String::new();
    let decoded = match bytes {
        [0xFF, 0xFE, rest @ ..] => Decoder::utf16(rest, false).read_to_string(&mut text),
        [0xFE, 0xFF, rest @ ..] => Decoder::utf16(rest, true).read_to_string(&mut text),
        _ => {
            let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            Decoder::new(rest, options.encoding, detected.clone()).read_to_string(&mut text)
        }
    };
    decoded.map_err(|e| {
        let fr = super::read_error::french_words(&e);
        ReadError::new(
            format!("le fichier de paie ne peut pas être décodé : {fr}"),
            format!("the pay file cannot be decoded: {e}"),
        )
    })?;
    let mut file = PayFile::default();
    if let Some(note) = detected.borrow().as_ref() {
        file.warnings.push(note.clone());
    }
    let delimiter = match options.delimiter {
        Some(d) => d,
        None => csv_fr::detect_delimiter(text.as_bytes()).map_err(ReadError)?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            ReadError::new(
                "l'en-tête du fichier de paie ne peut pas être lu",
                format!("the pay file's header cannot be read: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let at: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| header.iter().position(|h| h == c))
        .collect();
    for required in ["id", "month", "salary"] {
        if !header.iter().any(|h| h == required) {
            let joined = header.join(&char::from(delimiter).to_string());
            return Err(ReadError::new(
                format!(
                    "l'en-tête du fichier de paie n'a pas de colonne `{required}` (en-tête : {joined})"
                ),
                format!("the pay file's header has no `{required}` column (header: {joined})"),
            ));
        }
    }
    for row in reader.records() {
        match row {
            Ok(row) => {
                let line = row.position().map_or(0, |p| p.line() as usize);
                file.lines.push(csv_line(&row, &at, Position::Line(line)));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                file.lines.push(Err(Rejection::new(
                    Position::Line(line),
                    None,
                    None,
                    Reason::RowUnreadable {
                        detail: e.to_string(),
                    },
                )));
            }
        }
    }
    Ok(file)
}

fn csv_line(
    row: &csv::StringRecord,
    at: &[Option<usize>],
    position: Position,
) -> Result<PayLine, Rejection> {
    let cell = |i: usize| {
        at[i]
            .and_then(|c| row.get(c))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let Some(id) = cell(0) else {
        return Err(Rejection::new(
            position,
            None,
            Some("id"),
            Reason::IdMissing,
        ));
    };
    let field = Place {
        position,
        id: Some(id),
    };
    let month_text =
        cell(1).ok_or_else(|| field.reject("month", crate::facts::Reason::Required))?;
    let month = Month::parse(month_text)
        .or_else(|| csv_month(month_text))
        .ok_or_else(|| {
            field.reject(
                "month",
                crate::facts::Reason::NotAMonth {
                    text: month_text.to_string(),
                    french: true,
                },
            )
        })?;
    let salary_text =
        cell(2).ok_or_else(|| field.reject("salary", crate::facts::Reason::Required))?;
    let salary = field.salary(field.csv_decimal(salary_text, "salary", true)?, salary_text)?;
    if salary.is_sign_negative() && !salary.is_zero() {
        return Err(field.reject(
            "salary",
            crate::facts::Reason::Negative {
                text: salary_text.to_string(),
            },
        ));
    }
    Ok(PayLine {
        position,
        id: id.to_string(),
        pay: Pay {
            month,
            salary,
            hours: cell(3)
                .map(|v| field.csv_decimal(v, "hours", false))
                .transpose()?,
            coefficient: cell(4)
                .map(|v| field.integer_text(v, "coefficient"))
                .transpose()?,
        },
    })
}

/// `11/2026`, as French payroll exports write a pay period.
fn csv_month(text: &str) -> Option<Month> {
    let (month, year) = text.split_once('/')?;
    let month = month.parse::<u32>().ok()?;
    let year = year.parse::<i32>().ok()?;
    (year >= 1000 && (1..=12).contains(&month)).then_some(Month { year, month })
}
