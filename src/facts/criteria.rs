//! The `criteria` field (issue #22, design §8): the post's degree in each
//! criterion of the rule set, `{"connaissances": 3, …}` (degrees from 1). The
//! names are kept as given and matched against the rule set's criteria when
//! deciding (a name it does not declare rejects the record there).

use serde_json::Value;

use super::json::{wrong_type, JsonFields};
use super::{JsonType, Place, Rejection};

/// The field's name in JSON.
pub(crate) const FIELD: &str = "criteria";

/// The degrees a JSON record gives; `None` when it gives none.
pub(super) fn read(fields: &JsonFields, at: &Place) -> Result<Option<super::Degrees>, Rejection> {
    let map = match fields.get(FIELD) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(map)) => map,
        Some(other) => return Err(at.reject(FIELD, wrong_type(JsonType::Object, other))),
    };
    let mut out = Vec::with_capacity(map.len());
    for (name, value) in map {
        let field = format!("{FIELD}.{name}");
        let degree = match value {
            Value::Number(n) => at.integer_text(&n.to_string(), &field)?,
            other => return Err(at.reject(&field, wrong_type(JsonType::WholeNumber, other))),
        };
        out.push((name.clone(), degree));
    }
    Ok(Some(out.into_boxed_slice()))
}
