//! A decision as JSON, written straight into a buffer: the hot path of
//! `grille eval`. The bytes are those `serde_json` writes for the derived
//! `Serialize` (a test compares both over whole workforces, traces included).

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::diag::Place;
use crate::eval::{Claim, Decision, NextStep, Trial};

/// `key!(out, ",", "name")`: `,"name":` written as one slice made when
/// compiling (a decision writes a dozen keys: one copy each, not four).
macro_rules! key {
    ($out:expr, $before:literal, $name:literal) => {
        $out.extend_from_slice(concat!($before, "\"", $name, "\":").as_bytes())
    };
}

mod scalars;
mod step;
pub(super) use scalars::number;
pub(crate) use scalars::{date, money};
use scalars::{digits_of, quoted_money};
use step::step;

pub fn decision(d: &Decision, out: &mut Vec<u8>) {
    key!(out, "{", "id");
    string(out, d.id);
    key!(out, ",", "job");
    string(out, d.job);
    key!(out, ",", "band");
    string(out, d.band);
    if let Some(c) = d.coefficient_given {
        key!(out, ",", "coefficient");
        number(out, c);
    }
    key!(out, ",", "level");
    number(out, d.level);
    key!(out, ",", "category");
    string(out, d.category);
    if let Some(p) = &d.place {
        key!(out, ",", "grid");
        string(out, &p.grid);
        key!(out, ",", "position");
        string(out, &p.position);
    }
    key!(out, ",", "status");
    string(out, d.status);
    key!(out, ",", "minimum_salary");
    match d.minimum_salary {
        Some(m) => quoted_money(m, out),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(value) = d.minimum_agreement {
        key!(out, ",", "minimum_agreement");
        quoted_money(value, out);
    }
    if let Some(value) = d.minimum_law {
        key!(out, ",", "minimum_law");
        quoted_money(value, out);
    }
    if let Some(from) = d.minimum_from {
        key!(out, ",", "minimum_from");
        string(out, from.as_str());
    }
    if let Some(s) = d.salary_shortfall {
        key!(out, ",", "salary_shortfall");
        quoted_money(s, out);
    }
    if let Some(g) = d.coefficient_gap {
        key!(out, ",", "coefficient_gap");
        number(out, g);
    }
    if !d.claims.is_empty() {
        key!(out, ",", "claims");
        for (i, c) in d.claims.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"[" } else { b"," });
            claim(c, out);
        }
        out.push(b']');
    }
    if let Some(t) = &d.trial {
        key!(out, ",", "trial");
        trial(t, out);
    }
    if let Some(n) = &d.next_step {
        key!(out, ",", "next_step");
        next_step(n, out);
    }
    if !d.warnings.is_empty() {
        key!(out, ",", "warnings");
        for (i, w) in d.warnings.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"[\"" } else { b",\"" });
            // Escaped as it is written: no string built.
            let _ = write!(Escaped(out), "{w}");
            out.push(b'"');
        }
        out.push(b']');
    }
    if let Some(steps) = &d.trace {
        key!(out, ",", "trace");
        for (i, s) in steps.iter().enumerate() {
            out.push(if i == 0 { b'[' } else { b',' });
            step(s, out);
        }
        if steps.is_empty() {
            out.push(b'[');
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// `"file:line:column"`, as the place's `Display` writes it.
fn place(out: &mut Vec<u8>, place: &Place) {
    let (line, column) = place.line_col();
    out.push(b'"');
    escape(out, place.file_name());
    out.push(b':');
    count(out, line);
    out.push(b':');
    count(out, column);
    out.push(b'"');
}

fn count(out: &mut Vec<u8>, n: usize) {
    let mut digits = [b'0'; 40];
    let start = digits_of(n as u128, &mut digits);
    out.extend_from_slice(&digits[start..]);
}

/// `,"name":"value"` for each pair.
fn strings(out: &mut Vec<u8>, fields: &[(&str, &str)]) {
    for (name, value) in fields {
        key(out, ",", name);
        string(out, value);
    }
}

fn numbers(out: &mut Vec<u8>, fields: &[(&str, u32)]) {
    for (name, value) in fields {
        key(out, ",", name);
        number(out, *value);
    }
}

fn dates(out: &mut Vec<u8>, fields: &[(&str, NaiveDate)]) {
    for (name, value) in fields {
        key(out, ",", name);
        date(out, *value);
    }
}

/// What `Display` writes, as a JSON string (`serde`'s `collect_str`).
fn displayed(out: &mut Vec<u8>, value: &impl std::fmt::Display) {
    out.push(b'"');
    let _ = write!(Escaped(out), "{value}");
    out.push(b'"');
}

fn claim(c: &Claim, out: &mut Vec<u8>) {
    key!(out, "{", "kind");
    string(out, c.kind.as_str());
    key!(out, ",", "job");
    string(out, c.job);
    key!(out, ",", "coefficient");
    number_or_null(c.coefficient, out);
    key!(out, ",", "since");
    date(out, c.since);
    out.push(b'}');
}

fn trial(t: &Trial, out: &mut Vec<u8>) {
    key!(out, "{", "job");
    string(out, t.job);
    key!(out, ",", "start");
    date(out, t.start);
    key!(out, ",", "end");
    date(out, t.end);
    key!(out, ",", "status");
    string(out, t.status.as_str());
    if let Some(at) = t.at {
        key!(out, ",", "at");
        string(out, at);
    }
    // A trial at hire has no job to return to (its classification is null).
    if let Some(return_to) = t.return_to {
        key!(out, ",", "return_to");
        string(out, return_to);
    }
    key!(out, ",", "return_coefficient");
    number_or_null(t.return_coefficient, out);
    out.push(b'}');
}

fn next_step(n: &NextStep, out: &mut Vec<u8>) {
    key!(out, "{", "on");
    date(out, n.on);
    key!(out, ",", "band");
    string(out, n.band);
    if let Some(c) = n.coefficient_given {
        key!(out, ",", "coefficient");
        number(out, c);
    }
    if let Some(p) = &n.place {
        key!(out, ",", "grid");
        string(out, &p.grid);
        key!(out, ",", "position");
        string(out, &p.position);
    }
    out.push(b'}');
}

/// `{"name":` or `,"name":` (the names are the contract's, plain ASCII).
fn key(out: &mut Vec<u8>, before: &str, name: &str) {
    out.extend_from_slice(before.as_bytes());
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

fn number_or_null(n: Option<u32>, out: &mut Vec<u8>) {
    match n {
        Some(n) => number(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, quoted and escaped.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape(out, s);
    out.push(b'"');
}

/// Escapes as `serde_json` does: quote, backslash and control characters only.
fn escape(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    while let Some(i) = crate::json_text::find_special(rest) {
        out.extend_from_slice(&rest[..i]);
        match rest[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
}

/// Text formatted into a buffer, escaped for a JSON string on the way.
struct Escaped<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        escape(self.0, s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn amounts_are_written_as_the_contract_writes_them() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1850",
            "1850.5",
            "-12.345",
            "0.001",
            "-0.1",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-7922816251426433759354395033.5",
            "12345678901234567890.12",
            // Around the cents fast path: scales 0 to 2, and the edge of a u64.
            "1234.03",
            "2100.1",
            "7.05",
            "184467440737095516.15",
            "184467440737095516.16",
            "1844674407370955161",
        ];
        for text in texts {
            let value: Decimal = text.parse().unwrap();
            for v in [value, -value] {
                let mut ours = Vec::new();
                money(v, &mut ours);
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    crate::eval::money(v),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2026, 11, 29),
            (5, 1, 2),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut ours = Vec::new();
            date(&mut ours, day);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&day).unwrap()
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..0x80).map(char::from).chain("é€😀".chars()).collect();
        for text in [all.as_str(), "", "plain", "a\"b\\c", "\u{7f}\u{1f}"] {
            let mut ours = Vec::new();
            string(&mut ours, text);
            let theirs = serde_json::to_vec(text).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
