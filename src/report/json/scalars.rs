//! Numbers, dates and amounts written as serde_json and the contract write
//! them, without their `Display` machinery: a decision writes several of each.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// A whole number in decimal digits (what `Display` writes, without its machinery).
#[inline]
pub(in crate::report) fn number(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Writes `n`'s digits at the end of `buffer`; where they start.
#[inline]
pub(super) fn digits_of(n: u128, buffer: &mut [u8]) -> usize {
    let mut start = buffer.len();
    // u64 arithmetic when it is enough: u128 division is a library call.
    match u64::try_from(n) {
        Ok(mut n) => loop {
            start -= 1;
            buffer[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return start;
            }
        },
        Err(_) => {
            let mut n = n;
            loop {
                start -= 1;
                buffer[start] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    return start;
                }
            }
        }
    }
}

/// A date as `YYYY-MM-DD`, as chrono writes it.
#[inline]
pub(crate) fn date(out: &mut Vec<u8>, d: NaiveDate) {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        let _ = write!(out, "\"{d}\"");
        return;
    }
    let (y, m, day) = (year as u32, d.month(), d.day());
    out.extend_from_slice(&[
        b'"',
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (day / 10) as u8,
        b'0' + (day % 10) as u8,
        b'"',
    ]);
}

/// An amount as the contract writes it (at least two decimals), unquoted: the
/// characters `Decimal`'s `Display` writes.
#[inline]
pub(crate) fn money(value: Decimal, out: &mut Vec<u8>) {
    match cents(value) {
        Some(cents) => money_in_cents(cents, value.is_sign_negative(), out),
        None => money_at_any_scale(value, out),
    }
}

/// The amount in cents, when it has at most two decimals and fits a `u64`:
/// every amount of a decision does.
#[inline]
fn cents(value: Decimal) -> Option<u64> {
    let units = u64::try_from(value.mantissa().unsigned_abs()).ok()?;
    match value.scale() {
        0 => units.checked_mul(100),
        1 => units.checked_mul(10),
        2 => Some(units),
        _ => None,
    }
}

/// `-` if negative, the whole part, `.` and two digits: what `Display` writes
/// for an amount at scale 2.
#[inline]
fn money_in_cents(cents: u64, negative: bool, out: &mut Vec<u8>) {
    if negative {
        out.push(b'-');
    }
    out.extend_from_slice(itoa::Buffer::new().format(cents / 100).as_bytes());
    let fraction = (cents % 100) as u8;
    out.extend_from_slice(&[b'.', b'0' + fraction / 10, b'0' + fraction % 10]);
}

/// Any other decimal: its own digits, at least two of them after the point.
fn money_at_any_scale(value: Decimal, out: &mut Vec<u8>) {
    let mut v = value;
    if v.scale() < 2 {
        v.rescale(2);
    }
    let scale = v.scale() as usize;
    // A mantissa has at most 29 digits and the scale is at most 28: the zeros
    // the buffer starts with pad the fraction and give the whole part its `0`.
    let mut digits = [b'0'; 40];
    let start = digits_of(v.mantissa().unsigned_abs(), &mut digits);
    let point = digits.len() - scale;
    let start = start.min(point.saturating_sub(1));
    if v.is_sign_negative() {
        out.push(b'-');
    }
    if scale == 0 {
        // Too many digits to take two decimals.
        out.extend_from_slice(&digits[start..]);
        return;
    }
    out.extend_from_slice(&digits[start..point]);
    out.push(b'.');
    out.extend_from_slice(&digits[point..]);
}

#[inline]
pub(super) fn quoted_money(value: Decimal, out: &mut Vec<u8>) {
    out.push(b'"');
    money(value, out);
    out.push(b'"');
}
