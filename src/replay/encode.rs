//! A replay as data: JSON (the contract of facts.md, "Output of a replay") and
//! CSV (one row per employee-month, then a totals row per employee).

use std::io::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{MonthOwed, Replay, Segment};
use crate::facts::Month;

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
    out.extend_from_slice(b",\"unknown_months\":");
    number(out, t.unknown_months);
    out.extend_from_slice(b"},\"rights\":[");
    for (i, right) in r.rights.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"what\":");
        string(out, right.what);
        out.extend_from_slice(b",\"value\":");
        number(out, right.value);
        out.extend_from_slice(b",\"since\":");
        date(out, right.since);
        out.extend_from_slice(b",\"why\":");
        string(out, &right.why);
        // `why` is for people; the job and band ids are for programs.
        out.extend_from_slice(b",\"job\":");
        string(out, right.job);
        out.extend_from_slice(b",\"band\":");
        string(out, right.band);
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
    out.extend_from_slice(b"{\"month\":\"");
    month_digits(out, m.month);
    out.extend_from_slice(b"\",\"owed\":");
    money(out, Some(m.owed));
    out.extend_from_slice(b",\"paid\":");
    money(out, m.paid);
    out.extend_from_slice(b",\"shortfall\":");
    money(out, m.shortfall);
    out.extend_from_slice(if m.claimable {
        b",\"claimable\":true"
    } else {
        b",\"claimable\":false"
    });
    if let Some(c) = m.paid_coefficient {
        out.extend_from_slice(b",\"paid_coefficient\":");
        number(out, c);
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
    out.extend_from_slice(b",\"coefficient\":");
    number(out, s.coefficient);
    out.extend_from_slice(b",\"level\":");
    number(out, s.level);
    out.extend_from_slice(b",\"minimum_agreement\":");
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
        out.extend_from_slice(b",month,");
        month_digits(out, m.month);
        out.push(b',');
        // The month's last segment; every segment is in `segments`.
        match m.segments.last() {
            Some(s) => {
                csv_field(out, s.job);
                out.push(b',');
                csv_field(out, s.band);
                out.push(b',');
                number(out, s.coefficient);
                out.push(b',');
            }
            None => out.extend_from_slice(b",,,"),
        }
        if let Some(c) = m.paid_coefficient {
            number(out, c);
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
        out.extend_from_slice(if unknown { b"1,," } else { b"0,," });
        // `from to coefficient minimum` of each segment: digits, dashes and
        // points, never a character to quote.
        for (i, s) in m.segments.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b" | ");
            }
            unquoted_date(out, s.from);
            out.push(b' ');
            unquoted_date(out, s.to);
            out.push(b' ');
            number(out, s.coefficient);
            out.push(b' ');
            cents(out, s.minimum);
        }
        out.push(b',');
        let notes = r.warnings.iter().filter(|w| w.month == Some(m.month));
        csv_joined(out, notes.map(|w| w.en.as_str()));
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
    number(out, t.unknown_months);
    out.push(b',');
    money_cell(out, Some(t.paid_leave));
    out.push(b',');
    let general = r.warnings.iter().filter(|w| w.month.is_none());
    csv_joined(out, general.map(|w| w.en.as_str()));
    out.push(b'\n');
}

/// An amount and its separator; empty when there is none.
fn money_cell(out: &mut Vec<u8>, value: Option<Decimal>) {
    if let Some(v) = value {
        cents(out, v);
    }
    out.push(b',');
}

/// A JSON string as `serde_json` writes it; most need no escape.
fn string(out: &mut Vec<u8>, s: &str) {
    if crate::json_text::find_special(s.as_bytes()).is_none() {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing into memory cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// A date, quoted, as chrono writes it.
fn date(out: &mut Vec<u8>, d: NaiveDate) {
    crate::report::json_date(out, d);
}

/// A date as chrono writes it, unquoted.
fn unquoted_date(out: &mut Vec<u8>, d: NaiveDate) {
    let start = out.len();
    date(out, d);
    out.remove(start);
    out.pop();
}

/// `YYYY-MM`, as [`Month`]'s `Display` writes it.
fn month_digits(out: &mut Vec<u8>, m: Month) {
    match (u32::try_from(m.year), m.month) {
        (Ok(year @ 0..=9999), month @ 1..=12) => out.extend_from_slice(&[
            b'0' + (year / 1000) as u8,
            b'0' + (year / 100 % 10) as u8,
            b'0' + (year / 10 % 10) as u8,
            b'0' + (year % 10) as u8,
            b'-',
            b'0' + (month / 10) as u8,
            b'0' + (month % 10) as u8,
        ]),
        _ => {
            let _ = write!(out, "{m}");
        }
    }
}

fn number(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
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
    crate::report::json_money(value, out);
}

/// Texts joined by ` | ` in one CSV cell, quoted if one of them needs it.
fn csv_joined<'t>(out: &mut Vec<u8>, texts: impl Iterator<Item = &'t str> + Clone) {
    if texts.clone().any(needs_quotes) {
        let joined: Vec<&str> = texts.collect();
        csv_field(out, &joined.join(" | "));
        return;
    }
    for (i, text) in texts.enumerate() {
        if i > 0 {
            out.extend_from_slice(b" | ");
        }
        out.extend_from_slice(text.as_bytes());
    }
}

fn needs_quotes(text: &str) -> bool {
    text.contains([',', '"', '\n', '\r'])
}

/// A CSV cell, quoted as `grille eval` quotes its cells.
fn csv_field(out: &mut Vec<u8>, text: &str) {
    if needs_quotes(text) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}
