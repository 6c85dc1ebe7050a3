//! The forms French payroll exports write in CSV: `;` between fields, decimal
//! commas with spaces between thousands, dates day/month/year. Only what cannot
//! be misread is accepted; the rest is refused with what was expected.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{parse_date, parse_decimal, DecimalFault, Reason};
use crate::catalogue::Said;

/// The separator a CSV header line uses: `;` when it has `;` and no `,` outside
/// quotes, a tab when it has tabs and neither (Excel's "Unicode text"), `,`
/// otherwise; both `,` and `;` is ambiguous.
pub fn detect_delimiter(header: &[u8]) -> Result<u8, Said> {
    let (mut quoted, mut commas, mut semicolons, mut tabs) = (false, 0, 0, 0);
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if commas == 0 && semicolons == 0 && tabs > 0 {
        return Ok(b'\t');
    }
    match (commas, semicolons) {
        (0, s) if s > 0 => Ok(b';'),
        (c, s) if c > 0 && s > 0 => Err(Said::new(
            format!(
                "l'en-tête CSV a à la fois des `,` ({c}) et des `;` ({s}) hors guillemets : \
                 dites lequel sépare les champs avec --delimiter ';' ou --delimiter ','"
            ),
            format!(
                "the CSV header has both `,` ({c}) and `;` ({s}) outside quotes: \
                 say which separates the fields with --delimiter ';' or --delimiter ','"
            ),
        )),
        _ => Ok(b','),
    }
}

/// Thousands separators accepted between groups of three digits.
const GROUPING: [char; 3] = [' ', '\u{A0}', '\u{202F}'];

/// A decimal as a CSV export writes it: `1850.00`, `1850,00`, `1 850,00` (space,
/// no-break space or narrow no-break space between thousands). `money`: two
/// decimals at most are meant, so three after the mark are ambiguous. The
/// error is said in both languages (a flag's value is read so too).
pub fn decimal(text: &str, money: bool) -> Result<Decimal, Said> {
    decimal_or_reason(text, money).map_err(|reason| reason.said())
}

/// [`decimal`], why not as a rejection reason.
pub(super) fn decimal_or_reason(text: &str, money: bool) -> Result<Decimal, Reason> {
    // The usual case, `2165.73`: nothing to regroup, nothing ambiguous.
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    let three_decimals = text.rsplit_once('.').is_some_and(|(_, f)| f.len() == 3);
    if plain && !three_decimals {
        if let Some(value) = parse_decimal(text) {
            return Ok(value);
        }
    }
    let fault = |fault: DecimalFault| Reason::CsvDecimal {
        text: text.to_string(),
        fault,
        money,
    };
    let (commas, dots) = (text.matches(',').count(), text.matches('.').count());
    if commas + dots > 1 {
        return Err(fault(DecimalFault::TwoMarks));
    }
    let (whole, fraction) = match text.find([',', '.']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let mut groups = digits.split(GROUPING);
    if digits.contains(GROUPING) {
        let first = groups.next().map_or(0, str::len);
        let grouped = (1..=3).contains(&first) && groups.all(|g| g.len() == 3);
        if !grouped {
            return Err(fault(DecimalFault::Grouping));
        }
    }
    if let Some(fraction) = fraction {
        if fraction.len() == 3 && fraction.bytes().all(|b| b.is_ascii_digit()) {
            let mark = text[whole.len()..].chars().next().unwrap_or(',');
            if money || mark == ',' {
                return Err(fault(DecimalFault::ThreeDigits { mark }));
            }
        }
    }
    let plain: String = text
        .chars()
        .filter(|c| !GROUPING.contains(c))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    parse_decimal(&plain).ok_or_else(|| fault(DecimalFault::NotANumber))
}

/// A date written `2026-11-29` or, day first as in France, `29/11/2026`.
pub fn date(text: &str) -> Option<NaiveDate> {
    if let Some(date) = parse_date(text) {
        return Some(date);
    }
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if parts.next().is_some() {
        return None;
    }
    let (day, month, year) = (
        digits(day, 1..=2)?,
        digits(month, 1..=2)?,
        digits(year, 4..=4)?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_tells_the_separator() {
        assert_eq!(detect_delimiter(b"id;job;job_since\r\na,b"), Ok(b';'));
        assert_eq!(detect_delimiter(b"id,job,job_since\n"), Ok(b','));
        assert_eq!(detect_delimiter(b"id;\"job,title\";x\n"), Ok(b';'));
        assert_eq!(detect_delimiter(b"id\n1;2,3"), Ok(b','));
        assert_eq!(detect_delimiter(b"id\tjob\tjob_since\r\n"), Ok(b'\t'));
        assert_eq!(detect_delimiter(b"id,job\tname,x\n"), Ok(b','));
        assert!(detect_delimiter(b"id;job,job_since\n").is_err());
    }

    #[test]
    fn french_decimals_are_read_and_ambiguous_ones_refused() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        for (text, value) in [
            ("1850,00", "1850.00"),
            ("1 850,00", "1850.00"),
            ("1\u{A0}850,00", "1850.00"),
            ("1\u{202F}850,5", "1850.5"),
            ("12 345 678", "12345678"),
            ("1850.00", "1850.00"),
            ("121,25", "121.25"),
        ] {
            assert_eq!(decimal(text, true), Ok(d(value)), "{text}");
        }
        assert_eq!(decimal("75.835", false), Ok(d("75.835")));
        for bad in [
            "1,850", "1.850", "1.850,00", "1,850.00", "18 50,00", "1 8500", "1e3", "1,,5", " 1",
        ] {
            assert!(decimal(bad, true).is_err(), "{bad}");
        }
        assert!(decimal("151,667", false).is_err());
    }

    #[test]
    fn dates_are_iso_or_day_month_year() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 5);
        assert_eq!(date("05/06/2026"), day);
        assert_eq!(date("5/6/2026"), day);
        assert_eq!(date("2026-06-05"), day);
        for bad in [
            "31/02/2026",
            "05/06/26",
            "2026/06/05",
            "05-06-2026",
            "05/06/2026/1",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }
}
