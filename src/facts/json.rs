//! The fields of a JSON record read from a `serde_json` value (the general
//! reader): each of the wrong type, or missing, is rejected naming it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{JsonType, Mission, Move, Place, Position, Reason, Rejection};

pub(super) struct JsonFields<'a> {
    pub map: &'a Map<String, Value>,
    pub position: Position,
}

impl JsonFields<'_> {
    pub(super) fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    pub(super) fn id(&self) -> Result<String, Rejection> {
        match self.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Value::String(_)) | None => Err(Rejection::new(
                self.position,
                None,
                Some("id"),
                Reason::IdMissing,
            )),
            Some(other) => Err(Rejection::new(
                self.position,
                None,
                Some("id"),
                wrong_type(JsonType::String, other),
            )),
        }
    }

    pub(super) fn text(&self, name: &str, at: &Place) -> Result<Option<String>, Rejection> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(at.reject(name, wrong_type(JsonType::String, other))),
        }
    }

    pub(super) fn date(&self, name: &str, at: &Place) -> Result<Option<NaiveDate>, Rejection> {
        match self.text(name, at)? {
            None => Ok(None),
            Some(s) => at.date_text(&s, name).map(Some),
        }
    }

    pub(super) fn integer(&self, name: &str, at: &Place) -> Result<Option<u32>, Rejection> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => at.integer_text(&n.to_string(), name).map(Some),
            Some(other) => Err(at.reject(name, wrong_type(JsonType::WholeNumber, other))),
        }
    }

    pub(super) fn salary(&self, at: &Place) -> Result<Option<Decimal>, Rejection> {
        let value = self.decimal("salary", at)?;
        match (value, self.get("salary")) {
            (Some(value), Some(raw)) => {
                let text = match raw {
                    Value::String(s) => s.trim().to_string(),
                    other => other.to_string(),
                };
                at.salary(value, &text).map(Some)
            }
            _ => Ok(value),
        }
    }

    pub(super) fn decimal(&self, name: &str, at: &Place) -> Result<Option<Decimal>, Rejection> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => at.decimal_text(s.trim(), name).map(Some),
            // With serde_json's arbitrary precision, a number keeps its decimal text.
            Some(Value::Number(n)) => at.decimal_text(&n.to_string(), name).map(Some),
            Some(other) => Err(at.reject(name, wrong_type(JsonType::Decimal, other))),
        }
    }
}

pub(super) fn mission(value: &Value, at: &Place, index: usize) -> Result<Mission, Rejection> {
    let field = format!("missions[{index}]");
    let Value::Object(map) = value else {
        return Err(at.reject(&field, Reason::MissionNotObject));
    };
    let fields = JsonFields {
        map,
        position: at.position,
    };
    let name = |f: &str| format!("{field}.{f}");
    let job = fields
        .text("job", at)
        .map_err(|r| rename(r, &name("job")))?;
    let start = fields
        .date("start", at)
        .map_err(|r| rename(r, &name("start")))?;
    let end = fields
        .date("end", at)
        .map_err(|r| rename(r, &name("end")))?;
    let job = job.ok_or_else(|| at.reject(&name("job"), crate::facts::Reason::Required))?;
    let start = start.ok_or_else(|| at.reject(&name("start"), crate::facts::Reason::Required))?;
    if let Some(end) = end {
        if end < start {
            return Err(at.reject(&name("end"), Reason::MissionEndsBeforeStart { start, end }));
        }
    }
    Ok(Mission { job, start, end })
}

pub(super) fn a_move(value: &Value, at: &Place, index: usize) -> Result<Move, Rejection> {
    let field = format!("moves[{index}]");
    let Value::Object(map) = value else {
        return Err(at.reject(&field, Reason::MoveNotObject));
    };
    let fields = JsonFields {
        map,
        position: at.position,
    };
    let name = |f: &str| format!("{field}.{f}");
    let from = fields
        .text("from", at)
        .map_err(|r| rename(r, &name("from")))?;
    let to = fields.text("to", at).map_err(|r| rename(r, &name("to")))?;
    let on = fields.date("on", at).map_err(|r| rename(r, &name("on")))?;
    let broken = fields
        .date("trial_broken_on", at)
        .map_err(|r| rename(r, &name("trial_broken_on")))?;
    let renewed = match fields.get("trial_renewed") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(at.reject(&name("trial_renewed"), wrong_type(JsonType::Bool, other)))
        }
    };
    let from = from.ok_or_else(|| at.reject(&name("from"), crate::facts::Reason::Required))?;
    let to = to.ok_or_else(|| at.reject(&name("to"), crate::facts::Reason::Required))?;
    let on = on.ok_or_else(|| at.reject(&name("on"), crate::facts::Reason::Required))?;
    if let Some(broken) = broken {
        if broken < on {
            return Err(at.reject(
                &name("trial_broken_on"),
                Reason::TrialBrokenBeforeMove { broken, on },
            ));
        }
    }
    Ok(Move {
        from,
        to,
        on,
        trial_renewed: renewed,
        trial_broken_on: broken,
    })
}

pub(super) fn rename(mut r: Rejection, field: &str) -> Rejection {
    r.field = Some(field.to_string());
    r
}

/// The type of `value`.
fn kind(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Bool,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::List,
        Value::Object(_) => JsonType::Object,
    }
}

/// `found` where a value of type `expected` must be.
pub(super) fn wrong_type(expected: JsonType, found: &Value) -> Reason {
    let found = kind(found);
    Reason::WrongType { expected, found }
}
