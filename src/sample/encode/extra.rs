//! The fields past the contract's core ones: a position and the facts a rule
//! set declares, in JSON under their field's name, in CSV in their columns.

use super::*;
use crate::facts::{DeclaredValues, FactKind, FactValue, Placed};

/// `"position":"ic 2.1","position_since":"…"`, in place of the job.
pub(super) fn json_placed(placed: &Placed, b: &mut Vec<u8>) {
    b.extend_from_slice(b",\"position\":");
    string(b, placed.position.as_deref().unwrap_or_default());
    if let Some(since) = placed.since {
        b.extend_from_slice(b",\"position_since\":");
        quoted_date(b, since);
    }
}

/// The declared facts the record gives, each under its field.
pub(super) fn json_declared(r: &Record, b: &mut Vec<u8>) {
    let Some(declared) = r.declared() else {
        return;
    };
    for (slot, value) in declared.values.iter().enumerate() {
        let Some(value) = value else {
            continue;
        };
        b.push(b',');
        string(b, &declared.fields.fields()[slot].field);
        b.push(b':');
        match value {
            FactValue::Date(d) => quoted_date(b, *d),
            FactValue::Bool(yes) => b.extend_from_slice(if *yes { b"true" } else { b"false" }),
            FactValue::Choice(_) | FactValue::Text(_) => string(b, &text(declared, slot, value)),
            FactValue::Number(n) if n.scale() == 0 => decimal(b, *n),
            FactValue::Number(n) => quoted_decimal(b, *n),
        }
    }
}

/// The position's cells (when the header has them), then a cell per declared fact.
pub(super) fn csv(r: &Record, placed: bool, b: &mut Vec<u8>) {
    if placed {
        let given = r.placed();
        b.push(b',');
        csv_text(
            b,
            given
                .and_then(|p| p.position.as_deref())
                .unwrap_or_default(),
        );
        b.push(b',');
        if let Some(since) = given.and_then(|p| p.since) {
            date(b, since);
        }
    }
    let Some(declared) = r.declared() else {
        return;
    };
    for (slot, value) in declared.values.iter().enumerate() {
        b.push(b',');
        match value {
            None => {}
            Some(FactValue::Date(d)) => date(b, *d),
            Some(FactValue::Bool(yes)) => b.extend_from_slice(if *yes { b"yes" } else { b"no" }),
            Some(FactValue::Number(n)) => decimal(b, *n),
            Some(value) => csv_text(b, &text(declared, slot, value)),
        }
    }
}

/// A choice's id or a text, as written.
fn text(declared: &DeclaredValues, slot: usize, value: &FactValue) -> String {
    match (value, &declared.fields.fields()[slot].kind) {
        (FactValue::Choice(k), FactKind::Choice(ids)) => {
            ids.get(usize::from(*k)).map_or("", |id| id).to_string()
        }
        (FactValue::Text(text), _) => text.to_string(),
        _ => String::new(),
    }
}
