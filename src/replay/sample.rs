//! Pay histories for benchmarks and demos: a sample employee (from
//! [`crate::sample::Generator`]) with the payslips of the months before the
//! sample's date. Deterministic: the same seed, employee and month give the
//! same payslip. Most months pay the employee's salary; some pay a little less
//! (a shortfall to find), some a little more, a few have no payslip (unknown).
//! With [`PayHistory::full`], every employee is hired before the first month
//! and has a payslip every month (the benchmark's 36 payslips each).

use std::io::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::facts::{Month, Record};

/// What pay history a sample employee is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayHistory {
    /// The payslips of the `months` months before the sample's date.
    pub months: u32,
    /// Every employee hired before the first of those months (a later hire
    /// is moved to that month's first day) and paid every month.
    pub full: bool,
}

/// Writes one employee, with the payslips of the `history.months` months
/// before `as_of`'s month (those from the hire on), as one JSON line.
pub fn write_with_pay(
    record: &Record,
    history: PayHistory,
    as_of: NaiveDate,
    seed: u64,
    out: &mut Vec<u8>,
) {
    let moved;
    let record = match first_month(history.months, as_of).first_day() {
        first if history.full && record.job_since > first => {
            moved = Record {
                job_since: first,
                ..record.clone()
            };
            &moved
        }
        _ => record,
    };
    let mut value = serde_json::json!({
        "id": record.id,
        "job": record.job,
        "job_since": record.job_since.to_string(),
        "hired_on": record.job_since.to_string(),
    });
    let Some(map) = value.as_object_mut() else {
        return;
    };
    if record.prior_job_months > 0 {
        map.insert("prior_job_months".into(), record.prior_job_months.into());
    }
    if let Some(d) = &record.diploma {
        map.insert("diploma".into(), d.clone().into());
    }
    if let Some(h) = record.hours {
        map.insert("hours".into(), h.to_string().into());
    }
    if let Some(c) = record.coefficient {
        map.insert("coefficient".into(), c.into());
    }
    let salary = record.salary.unwrap_or(Decimal::new(180_000, 2));
    if record.salary.is_some() {
        map.insert("salary".into(), salary.to_string().into());
    }
    let pay: Vec<serde_json::Value> = pay_months(record, history.months, as_of)
        .filter_map(|month| payslip(record, salary, month, seed, history.full))
        .collect();
    map.insert("pay".into(), pay.into());
    let _ = serde_json::to_writer(&mut *out, &value);
    out.push(b'\n');
}

/// The months paid: the `months` before `as_of`'s month, from the hire's month on.
fn pay_months(record: &Record, months: u32, as_of: NaiveDate) -> impl Iterator<Item = Month> {
    let last = Month::of(as_of);
    let hired = Month::of(record.job_since);
    let mut month = first_month(months, as_of).max(hired);
    std::iter::from_fn(move || {
        (month < last).then(|| {
            let this = month;
            month = month.next();
            this
        })
    })
}

/// The first of the `months` months before `as_of`'s month.
fn first_month(months: u32, as_of: NaiveDate) -> Month {
    let mut first = Month::of(as_of);
    for _ in 0..months {
        first = previous(first);
    }
    first
}

fn previous(m: Month) -> Month {
    if m.month == 1 {
        Month {
            year: m.year - 1,
            month: 12,
        }
    } else {
        Month {
            year: m.year,
            month: m.month - 1,
        }
    }
}

/// One payslip, or none (one month in twenty, unless every month is paid).
fn payslip(
    record: &Record,
    salary: Decimal,
    month: Month,
    seed: u64,
    every_month: bool,
) -> Option<serde_json::Value> {
    let draw = mix(seed, &record.id, month) % 100;
    let paid = match draw {
        0..=4 if every_month => salary,
        0..=4 => return None,
        5..=14 => salary * Decimal::new(97, 2),
        15..=19 => salary * Decimal::new(103, 2),
        _ => salary,
    };
    let paid = paid.round_dp(2);
    let mut slip = serde_json::json!({"month": month.to_string(), "salary": paid.to_string()});
    if let (Some(c), Some(map)) = (record.coefficient, slip.as_object_mut()) {
        map.insert("coefficient".into(), c.into());
    }
    Some(slip)
}

/// A hash of the seed, the id and the month (FNV-1a, then a final mix).
fn mix(seed: u64, id: &str, month: Month) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    let month_bytes = [(month.year as u32).to_le_bytes(), month.month.to_le_bytes()];
    for b in id.bytes().chain(month_bytes.iter().flatten().copied()) {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// Writes a whole sample with pay histories, as JSON Lines.
pub fn write_sample(
    generator: &crate::sample::Generator,
    history: PayHistory,
    mut out: impl Write,
) -> std::io::Result<()> {
    let options = *generator.options();
    let mut buffer = Vec::with_capacity(1 << 20);
    for record in generator.records() {
        let record = record
            .map_err(|r| std::io::Error::new(std::io::ErrorKind::InvalidData, r.to_string()))?;
        write_with_pay(&record, history, options.as_of, options.seed, &mut buffer);
        if buffer.len() > 1 << 20 {
            out.write_all(&buffer)?;
            buffer.clear();
        }
    }
    out.write_all(&buffer)?;
    out.flush()
}
