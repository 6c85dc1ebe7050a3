//! The general reader of one record: a JSON value checked field by field,
//! and what reading keeps from one record to the next (the ids seen, the
//! fields ignored). The CSV rows' half is in `csv.rs`; the fast path, which
//! falls back on this one, in `fast.rs`.

use std::collections::BTreeSet;

use serde_json::Value;

use super::fields::KNOWN_FIELDS;
use super::json::{a_move, mission, JsonFields};
use super::{
    array, duplicates, fast, history, ids, short, Place, Position, Reason, Record, Rejection,
    Warning, MISSION_FIELDS, MOVE_FIELDS,
};

/// What reading keeps from one record to the next: the ids seen (to reject
/// duplicates), the fields ignored, the notes on the file.
#[derive(Default)]
pub(super) struct Reader {
    /// The CSV field separator.
    pub(super) delimiter: u8,
    pub(super) warnings: Vec<Warning>,
    pub(super) ids: ids::IdSet,
    pub(super) unknown_fields: BTreeSet<String>,
    /// The fields the rule set declares as facts: kept, not ignored.
    pub(super) declared: super::Declared,
}

impl Reader {
    pub(super) fn finish(mut self) -> Vec<Warning> {
        if !self.unknown_fields.is_empty() {
            // Named each, up to a screenful: a file may invent a key per record.
            const NAMED: usize = 20;
            let named = self
                .unknown_fields
                .iter()
                .take(NAMED)
                .map(|f| format!("`{}`", short(f)))
                .collect();
            let more = self.unknown_fields.len().saturating_sub(NAMED);
            self.warnings.push(Warning::FieldsIgnored { named, more });
        }
        self.warnings
    }

    /// A record read, unless its id was already used.
    pub(super) fn admit(&mut self, record: Result<Record, Rejection>) -> Result<Record, Rejection> {
        record.and_then(|r| {
            if self.ids.insert(&r.id, ids::hash(&r.id)) {
                Ok(r)
            } else {
                Err(duplicate_id(r.position, &r.id))
            }
        })
    }

    /// An element of a JSON array, as its text.
    pub(super) fn json_element(
        &mut self,
        text: &[u8],
        element: array::Element,
    ) -> Result<Record, Rejection> {
        let position = Position::Record(element.number);
        match std::str::from_utf8(text) {
            Ok(text) => self.json_line(text, position, Some((element.line, element.column))),
            Err(_) => {
                let reason = Reason::NotUtf8Json { record: true };
                Err(Rejection::new(position, None, None, reason))
            }
        }
    }

    /// One line of a JSON Lines file, or an element of an array starting at
    /// `origin` (line, column) in its file.
    pub(super) fn json_line(
        &mut self,
        line: &str,
        position: Position,
        origin: Option<(usize, usize)>,
    ) -> Result<Record, Rejection> {
        let unknown_fields = &mut self.unknown_fields;
        let mut note = |name: &str| {
            if !unknown_fields.contains(name) {
                unknown_fields.insert(name.to_string());
            }
        };
        // The fast path knows the contract's fields only: a rule set that
        // declares facts is read by the general reader.
        if self.declared.is_empty() {
            if let Some(record) = fast::record(line, position, &mut note) {
                return Ok(record);
            }
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => match duplicates::duplicate_key(line) {
                None => self.json_record(value, position),
                Some(key) => {
                    let id = value.get("id").and_then(Value::as_str);
                    let reason = Reason::GivenTwice;
                    Err(Rejection::new(position, id, Some(&key), reason))
                }
            },
            Err(e) => Err(Rejection::new(position, None, None, not_json(&e, origin))),
        }
    }

    pub(super) fn json_record(
        &mut self,
        value: Value,
        position: Position,
    ) -> Result<Record, Rejection> {
        let Value::Object(map) = value else {
            return Err(Rejection::new(
                position,
                None,
                None,
                Reason::RecordNotObject,
            ));
        };
        for key in map.keys() {
            let known = KNOWN_FIELDS.contains(&key.as_str())
                || history::HISTORY_FIELDS.contains(&key.as_str())
                || self.declared.slot(key).is_some()
                || key == super::criteria::FIELD;
            if !known && !self.unknown_fields.contains(key) {
                self.unknown_fields.insert(key.clone());
            }
        }
        let lists: [(&str, &[&str]); 2] = [("missions", &MISSION_FIELDS), ("moves", &MOVE_FIELDS)];
        for (list, known) in lists.into_iter().chain(history::HISTORY_LISTS) {
            let items = map.get(list).and_then(Value::as_array).map(Vec::as_slice);
            for item in items
                .unwrap_or_default()
                .iter()
                .filter_map(Value::as_object)
            {
                for key in item.keys().filter(|k| !known.contains(&k.as_str())) {
                    self.unknown_fields.insert(format!("{list}[].{key}"));
                }
            }
        }
        let fields = JsonFields {
            map: &map,
            position,
        };
        let id = fields.id()?;
        let at = Place {
            position,
            id: Some(&id),
        };
        let missions = match map.get("missions") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, m)| mission(m, &at, i))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(at.reject("missions", Reason::NotAListOfMissions)),
        };
        let moves = match map.get("moves") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, m)| a_move(m, &at, i))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(at.reject("moves", Reason::NotAListOfMoves)),
        };
        let placed = crate::facts::Placed::given(
            fields.text("position", &at)?,
            fields.date("position_since", &at)?,
        );
        let (job, job_since) = crate::facts::placed_job(
            &at,
            placed.as_ref(),
            fields.text("job", &at)?,
            fields.date("job_since", &at)?,
        )?;
        let mut record = Record {
            position,
            job,
            job_since,
            prior_job_months: fields.integer("prior_job_months", &at)?.unwrap_or(0),
            diploma: fields.text("diploma", &at)?,
            previous_sector_coefficient: fields.integer("previous_sector_coefficient", &at)?,
            missions,
            moves,
            hours: fields.decimal("hours", &at)?,
            salary: fields.salary(&at)?,
            coefficient: fields.integer("coefficient", &at)?,
            history: None,
            extra: None,
            id: id.clone(),
        };
        let at = Place {
            position,
            id: Some(&id),
        };
        let declared = match self.declared.is_empty() {
            true => None,
            false => self.declared.read_json(&map, &at)?,
        };
        record.extra =
            super::ExtraFacts::given(declared, placed, super::criteria::read(&fields, &at)?);
        record.history = history::read(&fields, &at, &record)?.map(|mut h| {
            history::sort_pay(&mut h);
            h
        });
        Ok(record)
    }
}

/// Why a record is not JSON, and where: in its line, or in the file for an
/// element of an array starting at `origin`.
fn not_json(e: &serde_json::Error, origin: Option<(usize, usize)>) -> Reason {
    let Some((line, column)) = origin else {
        return Reason::NotJson {
            line: None,
            column: e.column(),
            detail: e.to_string(),
        };
    };
    let (line, column) = if e.line() <= 1 {
        (line, column + e.column().saturating_sub(1))
    } else {
        (line + e.line() - 1, e.column())
    };
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    let what = text.strip_suffix(&place).unwrap_or(&text);
    Reason::NotJson {
        line: Some(line),
        column,
        detail: what.to_string(),
    }
}

pub(super) fn duplicate_id(position: Position, id: &str) -> Rejection {
    let reason = Reason::DuplicateId { id: id.to_string() };
    Rejection::new(position, Some(id), Some("id"), reason)
}
