//! Keys given twice in a JSON record. serde_json keeps the last of them, and
//! the fast reader did too: which one the employer meant cannot be told, so a
//! record giving a field of the contract twice, at its top or in a mission or a
//! move, is rejected naming the key. Looked for only when the general reader
//! reads a record: the fast reader hands such a record to it.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{KNOWN_FIELDS, MISSION_FIELDS, MOVE_FIELDS};

/// An object's members as written: each key with its value's text.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Members<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value::<&RawValue>()?));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// The first field of the contract given twice in the record `text`, named as a
/// rejection names a field: `salary`, `missions[2].job`.
pub(super) fn duplicate_key(text: &str) -> Option<String> {
    let record: Members = serde_json::from_str(text).ok()?;
    if let Some(key) = twice(&record, &KNOWN_FIELDS) {
        return Some(key.to_string());
    }
    let lists: [(&str, &[&str]); 2] = [("missions", &MISSION_FIELDS), ("moves", &MOVE_FIELDS)];
    for (list, known) in lists {
        let Some((_, raw)) = record.0.iter().find(|(key, _)| key == list) else {
            continue;
        };
        let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let Ok(members) = serde_json::from_str::<Members>(item.get()) else {
                continue;
            };
            if let Some(key) = twice(&members, known) {
                return Some(format!("{list}[{i}].{key}"));
            }
        }
    }
    None
}

/// The first of `known` given twice among `members`.
fn twice<'m>(members: &'m Members, known: &[&str]) -> Option<&'m str> {
    let keys = &members.0;
    keys.iter().enumerate().find_map(|(i, (key, _))| {
        let repeated = known.contains(&key.as_str()) && keys[..i].iter().any(|(k, _)| k == key);
        repeated.then_some(key.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_the_contract_given_twice_are_found_wherever_they_are() {
        let found = |text: &str| duplicate_key(text);
        assert_eq!(
            found(r#"{"id":"a","salary":1,"salary":2}"#).as_deref(),
            Some("salary")
        );
        assert_eq!(found(r#"{"id":"a","\u0069d":"b"}"#).as_deref(), Some("id"));
        assert_eq!(
            found(
                r#"{"id":"a","missions":[{"job":"x"},{"job":"x","start":"2020-01-01","job":"y"}]}"#
            )
            .as_deref(),
            Some("missions[1].job")
        );
        assert_eq!(
            found(r#"{"id":"a","moves":[{"on":"2020-01-01","on":"2021-01-01"}]}"#).as_deref(),
            Some("moves[0].on")
        );
        // Fields grille ignores may repeat; so may a key in another object.
        assert_eq!(found(r#"{"id":"a","note":1,"note":2,"x":{"id":1}}"#), None);
        assert_eq!(found(r#"{"id":"a","salary":1.005}"#), None);
    }
}
