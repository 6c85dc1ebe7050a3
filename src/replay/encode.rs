//! A replay as data: JSON (the contract of facts.md, "Output of a replay") and
//! CSV (one row per employee-month, then a totals row per employee).

use std::io::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{MonthOwed, Replay, Segment};

/// The replay of one employee as one line of JSON (without its line end).
pub fn json(r: &Replay, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &r.id);
    out.extend_from_slice(b",\"claim_on\":");
    date(out, r.claim_on);
    out.extend_from_slice(b",\"hired_on\":");
    date(out, r.hired_on);
    if let Some(left) = r.left_on {
        out.extend_from_slice(b",\"left_on\":");
        date(out, left);
    }
    out.extend_from_slice(b",\"months\":[");
    for (i, m) in r.months.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        month(out, m);
    }
    let t = &r.totals;
    out.extend_from_slice(b"],\"totals\":{\"shortfall\":");
    money(out, Some(t.shortfall));
    out.extend_from_slice(b",\"claimable\":");
    money(out, Some(t.claimable));
    out.extend_from_slice(b",\"prescribed\":");
    money(out, Some(t.prescribed));
    out.extend_from_slice(b",\"paid_leave\":");
    money(out, Some(t.paid_leave));
    let _ = write!(
        out,
        ",\"unknown_months\":{}}},\"rights\":[",
        t.unknown_months
    );
    for (i, right) in r.rights.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"what\":");
        string(out, right.what);
        let _ = write!(out, ",\"value\":{},\"since\":", right.value);
        date(out, right.since);
        out.extend_from_slice(b",\"why\":");
        string(out, &right.why);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"warnings\":[");
    for (i, w) in r.warnings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, &w.en);
    }
    out.extend_from_slice(b"]}");
}

fn month(out: &mut Vec<u8>, m: &MonthOwed) {
    let _ = write!(out, "{{\"month\":\"{}\",\"owed\":", m.month);
    money(out, Some(m.owed));
    out.extend_from_slice(b",\"paid\":");
    money(out, m.paid);
    out.extend_from_slice(b",\"shortfall\":");
    money(out, m.shortfall);
    let _ = write!(out, ",\"claimable\":{}", m.claimable);
    if let Some(c) = m.paid_coefficient {
        let _ = write!(out, ",\"paid_coefficient\":{c}");
    }
    out.extend_from_slice(b",\"segments\":[");
    for (i, s) in m.segments.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        segment(out, s);
    }
    out.extend_from_slice(b"]}");
}

fn segment(out: &mut Vec<u8>, s: &Segment) {
    out.extend_from_slice(b"{\"from\":");
    date(out, s.from);
    out.extend_from_slice(b",\"to\":");
    date(out, s.to);
    out.extend_from_slice(b",\"job\":");
    string(out, s.job);
    out.extend_from_slice(b",\"band\":");
    string(out, s.band);
    let _ = write!(
        out,
        ",\"coefficient\":{},\"level\":{},\"minimum_agreement\":",
        s.coefficient, s.level
    );
    money(out, s.minimum_agreement);
    out.extend_from_slice(b",\"minimum_law\":");
    money(out, s.minimum_law);
    out.extend_from_slice(b",\"minimum\":");
    money(out, Some(s.minimum));
    out.extend_from_slice(b",\"winner\":");
    match s.winner {
        Some(w) => string(out, w),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
}

/// The header of the CSV format. Every amount column adds up: the totals row
/// of an employee is the sum of its month rows (`claimable` and `prescribed`
/// split each month's shortfall; `unknown` is 1 for a month without payslip).
pub const CSV_HEADER: &str = "id,row,month,job,band,coefficient,paid_coefficient,winner,owed,paid,shortfall,claimable,prescribed,unknown,paid_leave,segments,warnings\n";

/// The CSV rows of one employee: one per month (`row` = `month`), then its
/// totals (`row` = `total`; `owed` and `paid` over the months with a payslip).
pub fn csv(r: &Replay, out: &mut Vec<u8>) {
    for m in &r.months {
        csv_field(out, &r.id);
        let _ = write!(out, ",month,{},", m.month);
        // The month's last segment; every segment is in `segments`.
        match m.segments.last() {
            Some(s) => {
                csv_field(out, s.job);
                out.push(b',');
                csv_field(out, s.band);
                let _ = write!(out, ",{},", s.coefficient);
            }
            None => out.extend_from_slice(b",,,"),
        }
        if let Some(c) = m.paid_coefficient {
            let _ = write!(out, "{c}");
        }
        out.push(b',');
        if let Some(w) = m.segments.last().and_then(|s| s.winner) {
            out.extend_from_slice(w.as_bytes());
        }
        out.push(b',');
        money_cell(out, Some(m.owed));
        money_cell(out, m.paid);
        money_cell(out, m.shortfall);
        money_cell(out, m.shortfall.filter(|_| m.claimable));
        money_cell(out, m.shortfall.filter(|_| !m.claimable));
        let unknown = m.paid.is_none() && m.employed;
        let _ = write!(out, "{},,", u8::from(unknown));
        let segments: Vec<String> = m
            .segments
            .iter()
            .map(|s| {
                format!(
                    "{} {} {} {}",
                    s.from,
                    s.to,
                    s.coefficient,
                    crate::eval::money(s.minimum)
                )
            })
            .collect();
        csv_field(out, &segments.join(" | "));
        out.push(b',');
        let notes: Vec<&str> = r
            .warnings
            .iter()
            .filter(|w| w.month == Some(m.month))
            .map(|w| w.en.as_str())
            .collect();
        csv_field(out, &notes.join(" | "));
        out.push(b'\n');
    }
    totals_row(r, out);
}

fn totals_row(r: &Replay, out: &mut Vec<u8>) {
    let t = &r.totals;
    let known = r.months.iter().filter(|m| m.paid.is_some());
    let owed: Decimal = known.clone().map(|m| m.owed).sum();
    let paid: Decimal = known.filter_map(|m| m.paid).sum();
    csv_field(out, &r.id);
    out.extend_from_slice(b",total,,,,,,,");
    for amount in [owed, paid, t.shortfall, t.claimable, t.prescribed] {
        money_cell(out, Some(amount));
    }
    let _ = write!(out, "{},", t.unknown_months);
    money_cell(out, Some(t.paid_leave));
    out.push(b',');
    let general: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.month.is_none())
        .map(|w| w.en.as_str())
        .collect();
    csv_field(out, &general.join(" | "));
    out.push(b'\n');
}

/// An amount and its separator; empty when there is none.
fn money_cell(out: &mut Vec<u8>, value: Option<Decimal>) {
    if let Some(v) = value {
        cents(out, v);
    }
    out.push(b',');
}

fn string(out: &mut Vec<u8>, s: &str) {
    // Writing into memory cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn date(out: &mut Vec<u8>, d: NaiveDate) {
    let _ = write!(out, "\"{d}\"");
}

fn money(out: &mut Vec<u8>, value: Option<Decimal>) {
    match value {
        Some(v) => {
            out.push(b'"');
            cents(out, v);
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// An amount with at least two decimals (as [`crate::eval::money`] writes
/// it), written in place: a replay writes hundreds of amounts per employee.
fn cents(out: &mut Vec<u8>, value: Decimal) {
    let mut v = value;
    if v.scale() < 2 {
        v.rescale(2);
    }
    let _ = write!(out, "{v}");
}

/// A CSV cell, quoted as `grille eval` quotes its cells.
fn csv_field(out: &mut Vec<u8>, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}
