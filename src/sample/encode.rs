//! Hand-written encoders: the fields are few and known, and a sample of a million
//! employees should be written in about a second.

mod extra;

use super::*;

const CSV_HEADER: &[u8] =
    b"id,job,job_since,prior_job_months,diploma,previous_sector_coefficient,hours,salary,coefficient\n";

/// `columns`: the CSV columns past the core ones (position, declared fields).
pub fn head(format: Format, columns: &[&str], b: &mut Vec<u8>) {
    match format {
        Format::Json => b.extend_from_slice(b"[\n"),
        Format::JsonLines => {}
        Format::Csv if columns.is_empty() => b.extend_from_slice(CSV_HEADER),
        Format::Csv => {
            b.extend_from_slice(&CSV_HEADER[..CSV_HEADER.len() - 1]);
            for column in columns {
                b.push(b',');
                csv_text(b, column);
            }
            b.push(b'\n');
        }
    }
}

pub fn tail(format: Format, empty: bool, b: &mut Vec<u8>) {
    match (format, empty) {
        (Format::Json, true) => b.extend_from_slice(b"]\n"),
        (Format::Json, false) => b.extend_from_slice(b"\n]\n"),
        _ => {}
    }
}

/// `first`: the first record; `placed`: CSV has the position's columns.
pub fn record(r: &Record, format: Format, (first, placed): (bool, bool), b: &mut Vec<u8>) {
    match format {
        Format::Json => {
            if !first {
                b.extend_from_slice(b",\n");
            }
            json(r, b);
        }
        Format::JsonLines => {
            json(r, b);
            b.push(b'\n');
        }
        Format::Csv => {
            csv(r, b);
            if placed || r.declared().is_some() {
                b.pop();
                extra::csv(r, placed, b);
                b.push(b'\n');
            }
        }
    }
}

fn json(r: &Record, b: &mut Vec<u8>) {
    b.extend_from_slice(b"{\"id\":");
    string(b, &r.id);
    if let Some(placed) = r.placed() {
        extra::json_placed(placed, b);
    } else {
        b.extend_from_slice(b",\"job\":");
        string(b, &r.job);
        b.extend_from_slice(b",\"job_since\":");
        quoted_date(b, r.job_since);
    }
    if r.prior_job_months > 0 {
        b.extend_from_slice(b",\"prior_job_months\":");
        number(b, r.prior_job_months.into());
    }
    if let Some(d) = &r.diploma {
        b.extend_from_slice(b",\"diploma\":");
        string(b, d);
    }
    if let Some(c) = r.previous_sector_coefficient {
        b.extend_from_slice(b",\"previous_sector_coefficient\":");
        number(b, c.into());
    }
    missions(r, b);
    moves(r, b);
    if let Some(h) = r.hours {
        b.extend_from_slice(b",\"hours\":");
        quoted_decimal(b, h);
    }
    if let Some(s) = r.salary {
        b.extend_from_slice(b",\"salary\":");
        quoted_decimal(b, s);
    }
    if let Some(c) = r.coefficient {
        b.extend_from_slice(b",\"coefficient\":");
        number(b, c.into());
    }
    extra::json_declared(r, b);
    b.push(b'}');
}

fn missions(r: &Record, b: &mut Vec<u8>) {
    if r.missions.is_empty() {
        return;
    }
    b.extend_from_slice(b",\"missions\":[");
    for (i, m) in r.missions.iter().enumerate() {
        if i > 0 {
            b.push(b',');
        }
        b.extend_from_slice(b"{\"job\":");
        string(b, &m.job);
        b.extend_from_slice(b",\"start\":");
        quoted_date(b, m.start);
        if let Some(end) = m.end {
            b.extend_from_slice(b",\"end\":");
            quoted_date(b, end);
        }
        b.push(b'}');
    }
    b.push(b']');
}

fn moves(r: &Record, b: &mut Vec<u8>) {
    if r.moves.is_empty() {
        return;
    }
    b.extend_from_slice(b",\"moves\":[");
    for (i, m) in r.moves.iter().enumerate() {
        if i > 0 {
            b.push(b',');
        }
        b.extend_from_slice(b"{\"from\":");
        string(b, &m.from);
        b.extend_from_slice(b",\"to\":");
        string(b, &m.to);
        b.extend_from_slice(b",\"on\":");
        quoted_date(b, m.on);
        if m.trial_renewed {
            b.extend_from_slice(b",\"trial_renewed\":true");
        }
        if let Some(broken) = m.trial_broken_on {
            b.extend_from_slice(b",\"trial_broken_on\":");
            quoted_date(b, broken);
        }
        b.push(b'}');
    }
    b.push(b']');
}

fn csv(r: &Record, b: &mut Vec<u8>) {
    csv_text(b, &r.id);
    b.push(b',');
    csv_text(b, &r.job);
    b.push(b',');
    date(b, r.job_since);
    b.push(b',');
    if r.prior_job_months > 0 {
        number(b, r.prior_job_months.into());
    }
    b.push(b',');
    if let Some(d) = &r.diploma {
        csv_text(b, d);
    }
    b.push(b',');
    if let Some(c) = r.previous_sector_coefficient {
        number(b, c.into());
    }
    b.push(b',');
    if let Some(h) = r.hours {
        decimal(b, h);
    }
    b.push(b',');
    if let Some(s) = r.salary {
        decimal(b, s);
    }
    b.push(b',');
    if let Some(c) = r.coefficient {
        number(b, c.into());
    }
    b.push(b'\n');
}

pub(super) fn string(b: &mut Vec<u8>, text: &str) {
    b.push(b'"');
    if text.bytes().all(|c| c >= 0x20 && c != b'"' && c != b'\\') {
        b.extend_from_slice(text.as_bytes());
    } else {
        // Rare (names from a rule file): let serde_json escape it.
        let escaped = serde_json::to_string(text).unwrap_or_default();
        b.extend_from_slice(&escaped.as_bytes()[1..escaped.len() - 1]);
    }
    b.push(b'"');
}

pub(super) fn csv_text(b: &mut Vec<u8>, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        b.push(b'"');
        b.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        b.push(b'"');
    } else {
        b.extend_from_slice(text.as_bytes());
    }
}

fn number(b: &mut Vec<u8>, n: u64) {
    padded(b, n, 1);
}

/// `n` in decimal, with leading zeros up to `width` digits.
pub fn padded(b: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while n > 0 {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let start = start.min(digits.len() - width.clamp(1, digits.len()));
    b.extend_from_slice(&digits[start..]);
}

fn two_digits(b: &mut Vec<u8>, n: u32) {
    b.extend_from_slice(&[b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]);
}

pub(super) fn date(b: &mut Vec<u8>, d: NaiveDate) {
    padded(b, d.year().max(0) as u64, 4);
    b.push(b'-');
    two_digits(b, d.month());
    b.push(b'-');
    two_digits(b, d.day());
}

pub(super) fn quoted_date(b: &mut Vec<u8>, d: NaiveDate) {
    b.push(b'"');
    date(b, d);
    b.push(b'"');
}

/// A decimal as written (`2150.00`, `75.835`), from its digits and scale.
pub(super) fn decimal(b: &mut Vec<u8>, d: Decimal) {
    let (Ok(mantissa), scale) = (u64::try_from(d.mantissa()), d.scale() as usize) else {
        let _ = write!(b, "{d}");
        return;
    };
    let start = b.len();
    padded(b, mantissa, scale + 1);
    if scale > 0 {
        b.insert(b.len() - scale, b'.');
    }
    debug_assert_eq!(&b[start..], d.to_string().as_bytes());
}

pub(super) fn quoted_decimal(b: &mut Vec<u8>, d: Decimal) {
    b.push(b'"');
    decimal(b, d);
    b.push(b'"');
}
