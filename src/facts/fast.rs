//! The fast path for a JSON record: fields read in place from the line, without
//! building a JSON tree. It handles well-formed records only; anything unusual
//! (a value of the wrong type, an empty id) falls back to the general reader,
//! which says precisely what is wrong.

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{parse_date, parse_decimal, Field, Position, Record, Rejection, KNOWN_FIELDS};

/// The record's known fields as raw JSON, and the names of the others.
struct RawFields<'a> {
    values: [Option<&'a RawValue>; KNOWN_FIELDS.len()],
    unknown: Vec<Cow<'a, str>>,
}

impl<'de> Deserialize<'de> for RawFields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawFields<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = RawFields {
            values: [None; KNOWN_FIELDS.len()],
            unknown: Vec::new(),
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match KNOWN_FIELDS.iter().position(|k| *k == key) {
                Some(i) => fields.values[i] = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                    fields.unknown.push(key);
                }
            }
        }
        Ok(fields)
    }
}

/// A JSON record read in place; `None` when the general reader must look at it.
pub(super) fn record(
    line: &str,
    position: Position,
    unknown: &mut dyn FnMut(&str),
) -> Option<Result<Record, Rejection>> {
    let fields: RawFields = serde_json::from_str(line).ok()?;
    // Noted first: a record rejected below still had them.
    for name in &fields.unknown {
        unknown(name);
    }
    let field = |name: &str| {
        let i = KNOWN_FIELDS.iter().position(|k| *k == name)?;
        fields.values[i]
            .map(RawValue::get)
            .filter(|raw| *raw != "null")
    };
    let id = text(field("id")?).filter(|t| !t.trim().is_empty())?;
    let at = Field {
        position,
        id: Some(&id),
    };
    let job = text(field("job")?).filter(|t| !t.trim().is_empty())?;
    let job_since = parse_date(&text(field("job_since")?)?)?;
    let missions = match list(field("missions"), |m, i| super::mission(m, &at, i))? {
        Ok(missions) => missions,
        Err(rejection) => return Some(Err(rejection)),
    };
    let moves = match list(field("moves"), |m, i| super::a_move(m, &at, i))? {
        Ok(moves) => moves,
        Err(rejection) => return Some(Err(rejection)),
    };
    let record = Record {
        position,
        job: job.into_owned(),
        job_since,
        prior_job_months: optional(field("prior_job_months"), whole)?.unwrap_or(0),
        diploma: match field("diploma") {
            None => None,
            Some(raw) => Some(text(raw)?)
                .filter(|t| !t.trim().is_empty())
                .map(Cow::into_owned),
        },
        previous_sector_coefficient: optional(field("previous_sector_coefficient"), whole)?,
        missions,
        moves,
        hours: optional(field("hours"), decimal)?,
        salary: optional(field("salary"), decimal)?,
        coefficient: optional(field("coefficient"), whole)?,
        id: id.into_owned(),
    };
    Some(Ok(record))
}

/// A list of missions or moves, read by the general reader's own function;
/// `None` when it is not a JSON list.
fn list<T>(
    raw: Option<&str>,
    read: impl Fn(&serde_json::Value, usize) -> Result<T, Rejection>,
) -> Option<Result<Vec<T>, Rejection>> {
    let Some(raw) = raw else {
        return Some(Ok(Vec::new()));
    };
    let items: Vec<serde_json::Value> = serde_json::from_str(raw).ok()?;
    Some(items.iter().enumerate().map(|(i, m)| read(m, i)).collect())
}

/// A JSON string's text, borrowed when it has no escapes; `None` if not a string.
fn text(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(raw).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// An absent field, or one that reads well; `None` sends the record to the general reader.
fn optional<T>(raw: Option<&str>, read: fn(&str) -> Option<T>) -> Option<Option<T>> {
    match raw {
        None => Some(None),
        Some(raw) => read(raw).map(Some),
    }
}

fn whole(raw: &str) -> Option<u32> {
    raw.parse().ok()
}

/// A decimal from its text, written as a JSON number or string.
fn decimal(raw: &str) -> Option<rust_decimal::Decimal> {
    match text(raw) {
        Some(t) => parse_decimal(t.trim()),
        None => parse_decimal(raw),
    }
}
