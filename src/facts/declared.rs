//! Fields a rule set declares as facts (`fait naissance : date`, `champ
//! born_on`; issue #22). The rule set gives the readers the list before
//! reading ([`Options::declared`]); each reader keeps those fields of every
//! record, typed, in a small slot array ([`Record::declared`], one slot per
//! declared fact, numbered at load). A rule set that declares none leaves the
//! list empty, and the readers run exactly as before.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::json::{wrong_type, JsonFields};
use super::{JsonType, Place, Reason, Rejection};

/// The type of a declared fact, as the readers read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    Date,
    /// `oui-non`: JSON `true`/`false`; CSV `oui`/`non` (also `yes`/`no`,
    /// `true`/`false`, `1`/`0`, `O`/`N`).
    YesNo,
    /// One of these ids (matched as job names are: case and accents aside).
    Choice(Arc<[Box<str>]>),
    /// Any text.
    Text,
    /// A decimal number (an amount, hours, a plain decimal).
    Decimal,
    /// A whole number.
    Integer,
}

/// A declared fact's value in one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    Date(NaiveDate),
    Bool(bool),
    /// The index of the id among the fact's choices.
    Choice(u16),
    Text(Box<str>),
    Number(Decimal),
}

/// One declared field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredField {
    /// The input field (JSON key, CSV header).
    pub field: Box<str>,
    pub kind: FactKind,
}

/// The fields a rule set declares, in slot order; empty for most rule sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared(Arc<[DeclaredField]>);

/// A record's declared facts, by slot (`None`: not given).
pub type Slots = Box<[Option<FactValue>]>;

/// A record's declared facts and the list they were read by: an evaluator
/// finds a fact by its field, whichever rule set's list the reader was given
/// (`diff` reads once for two rule sets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredValues {
    pub fields: Declared,
    pub values: Slots,
}

impl DeclaredValues {
    /// The value of a field, if the record gives it.
    pub fn get(&self, field: &str) -> Option<&FactValue> {
        let slot = self.fields.slot(field)?;
        self.values.get(slot)?.as_ref()
    }
}

impl Declared {
    pub fn new(fields: Vec<DeclaredField>) -> Declared {
        Declared(fields.into())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn fields(&self) -> &[DeclaredField] {
        &self.0
    }

    /// The slot of a field, by its exact name.
    pub fn slot(&self, field: &str) -> Option<usize> {
        self.0.iter().position(|d| &*d.field == field)
    }

    /// The slot of a CSV column, its header matched as job names are.
    pub(super) fn column_slot(&self, header: &str) -> Option<usize> {
        let header = crate::names::normalize(header);
        self.0
            .iter()
            .position(|d| crate::names::normalize(&d.field) == header)
    }

    /// The union of two lists, this one's fields first (`diff`: both rule sets' facts).
    pub fn union(&self, other: &Declared) -> Declared {
        let mut fields = self.0.to_vec();
        for d in other.0.iter() {
            if self.slot(&d.field).is_none() {
                fields.push(d.clone());
            }
        }
        Declared(fields.into())
    }

    fn values(&self, values: Vec<Option<FactValue>>) -> Option<DeclaredValues> {
        Some(DeclaredValues {
            fields: self.clone(),
            values: values.into(),
        })
    }

    /// The declared fields of a JSON record.
    pub(super) fn read_json(
        &self,
        map: &Map<String, Value>,
        at: &Place,
    ) -> Result<Option<DeclaredValues>, Rejection> {
        let fields = JsonFields {
            map,
            position: at.position,
        };
        let mut slots = Vec::with_capacity(self.0.len());
        for d in self.0.iter() {
            let name = &*d.field;
            let value = match (&d.kind, fields.get(name)) {
                (_, None) => None,
                (FactKind::YesNo, Some(Value::Bool(b))) => Some(FactValue::Bool(*b)),
                (FactKind::YesNo, Some(other)) => {
                    return Err(at.reject(name, wrong_type(JsonType::Bool, other)))
                }
                (FactKind::Decimal, Some(_)) => fields.decimal(name, at)?.map(FactValue::Number),
                (FactKind::Integer, Some(_)) => fields
                    .integer(name, at)?
                    .map(|n| FactValue::Number(Decimal::from(n))),
                (kind, Some(_)) => match fields.text(name, at)? {
                    None => None,
                    Some(text) => Some(parse(kind, text.trim(), false, name, at)?),
                },
            };
            slots.push(value);
        }
        Ok(self.values(slots))
    }

    /// The declared fields of a CSV row: `cell(slot)` gives the slot's cell, trimmed, if not empty.
    pub(super) fn read_csv<'c>(
        &self,
        cell: impl Fn(usize) -> Option<&'c str>,
        at: &Place,
    ) -> Result<Option<DeclaredValues>, Rejection> {
        let mut slots = Vec::with_capacity(self.0.len());
        for (i, d) in self.0.iter().enumerate() {
            let value = match cell(i) {
                None => None,
                Some(text) => Some(parse(&d.kind, text, true, &d.field, at)?),
            };
            slots.push(value);
        }
        Ok(self.values(slots))
    }
}

/// A value written as text: `csv` takes the French forms (`29/11/2026`, `1 850,00`, `oui`).
fn parse(
    kind: &FactKind,
    text: &str,
    csv: bool,
    field: &str,
    at: &Place,
) -> Result<FactValue, Rejection> {
    match kind {
        FactKind::Date if csv => at.csv_date(text, field).map(FactValue::Date),
        FactKind::Date => at.date_text(text, field).map(FactValue::Date),
        FactKind::YesNo => yes_no(text).map(FactValue::Bool).ok_or_else(|| {
            let text = text.to_string();
            at.reject(field, Reason::NotYesNo { text })
        }),
        FactKind::Choice(ids) => {
            let wanted = crate::names::normalize(text);
            let index = ids
                .iter()
                .position(|id| crate::names::normalize(id) == wanted)
                .and_then(|i| u16::try_from(i).ok());
            index.map(FactValue::Choice).ok_or_else(|| {
                let text = text.to_string();
                let choices = ids.iter().map(|c| c.to_string()).collect();
                at.reject(field, Reason::NotAChoice { text, choices })
            })
        }
        FactKind::Text => Ok(FactValue::Text(text.into())),
        FactKind::Decimal if csv => at.csv_decimal(text, field, false).map(FactValue::Number),
        FactKind::Decimal => at.decimal_text(text, field).map(FactValue::Number),
        FactKind::Integer => at
            .integer_text(text, field)
            .map(|n| FactValue::Number(Decimal::from(n))),
    }
}

/// `oui`/`non` and the other ways a spreadsheet writes them; anything else is refused.
fn yes_no(text: &str) -> Option<bool> {
    match crate::names::normalize(text).as_str() {
        "oui" | "o" | "yes" | "y" | "true" | "vrai" | "1" => Some(true),
        "non" | "n" | "no" | "false" | "faux" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_are_read_in_both_languages_and_nothing_else() {
        assert_eq!(yes_no("Oui"), Some(true));
        assert_eq!(yes_no("NON"), Some(false));
        assert_eq!(yes_no("no"), Some(false));
        assert_eq!(yes_no("peut-être"), None);
        assert_eq!(yes_no(""), None);
    }
}
