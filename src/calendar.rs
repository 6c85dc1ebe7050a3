//! Calendar arithmetic, exact and documented.
//!
//! - Adding n months moves to the same day-number n months later, clamped to the
//!   last day of that month: 2026-01-31 + 1 month = 2026-02-28.
//! - Completed months between two dates are the largest n such that
//!   `start + n months ≤ end`, the n months added in one step (so clamping never
//!   accumulates).
//! - A week is 7 days; a year is 12 months; a leap day is a day like any other.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::{Duration, TimeUnit};

/// `date` plus `months` calendar months, clamped to the month's end; `None` past year 262143.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// `date` minus `months` calendar months, clamped to the month's end.
pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

/// Completed calendar months from `start` to `end` (0 when `end` is before `start`).
pub fn completed_months(start: NaiveDate, end: NaiveDate) -> u32 {
    if end < start {
        return 0;
    }
    let guess = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
    let Ok(guess) = u32::try_from(guess) else {
        return 0;
    };
    // `start + guess months` falls in `end`'s month: the guess is completed when
    // that day (clamped to the month's end) is not after `end`.
    let reached = start.day().min(days_in_month(end.year(), end.month()));
    if reached <= end.day() {
        guess
    } else {
        guess.saturating_sub(1)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// `date` plus a duration, counted as the calendar counts it.
pub fn add_duration(date: NaiveDate, duration: Duration) -> Option<NaiveDate> {
    let count = duration.count;
    match duration.unit {
        TimeUnit::Days => add_days(date, count.into()),
        TimeUnit::Weeks => add_days(date, u64::from(count) * 7),
        TimeUnit::Months => add_months(date, count),
        TimeUnit::Years => add_months(date, count.checked_mul(12)?),
    }
}

/// `date` minus a duration.
pub fn sub_duration(date: NaiveDate, duration: Duration) -> Option<NaiveDate> {
    let count = duration.count;
    match duration.unit {
        TimeUnit::Days => date.checked_sub_days(Days::new(count.into())),
        TimeUnit::Weeks => date.checked_sub_days(Days::new(u64::from(count) * 7)),
        TimeUnit::Months => sub_months(date, count),
        TimeUnit::Years => sub_months(date, count.checked_mul(12)?),
    }
}

/// The length of a period that starts on `start` and lasts `duration`: its last day,
/// the day before the same day-number, clamped to the month's end where needed
/// (READING §8: a month from 2026-01-31 ends on 2026-02-28; from 2026-01-28 on 2026-02-27).
pub fn period_end(start: NaiveDate, duration: Duration) -> Option<NaiveDate> {
    let end_exclusive = add_duration(start, duration)?;
    let clamped = matches!(duration.unit, TimeUnit::Months | TimeUnit::Years)
        && end_exclusive.day() < start.day();
    if clamped {
        // The same day-number does not exist: the period ends on the month's last day.
        Some(end_exclusive)
    } else {
        end_exclusive.pred_opt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_addition_clamps_to_month_end() {
        assert_eq!(add_months(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29")));
        assert_eq!(add_months(d("2025-01-31"), 6), Some(d("2025-07-31")));
    }

    #[test]
    fn completed_months_reading_example() {
        // READING §3: job_since 2025-01-31.
        assert_eq!(completed_months(d("2025-01-31"), d("2025-07-28")), 5);
        assert_eq!(completed_months(d("2025-01-31"), d("2025-07-31")), 6);
        assert_eq!(completed_months(d("2025-01-31"), d("2025-02-28")), 1);
        assert_eq!(completed_months(d("2025-01-31"), d("2025-02-27")), 0);
        assert_eq!(completed_months(d("2020-02-29"), d("2021-02-28")), 12);
        assert_eq!(completed_months(d("2026-11-29"), d("2026-11-29")), 0);
        assert_eq!(completed_months(d("2026-11-29"), d("2026-01-01")), 0);
    }

    #[test]
    fn completed_months_agrees_with_month_addition() {
        // The definition: the largest n with start + n months ≤ end.
        let start = d("2019-01-01");
        for s in 0..800 {
            let a = start + chrono::Days::new(s * 3);
            for e in [0u64, 1, 27, 28, 29, 30, 31, 58, 59, 60, 61, 365, 366, 1000] {
                let b = a + chrono::Days::new(e);
                let mut n = 0;
                while add_months(a, n + 1).is_some_and(|x| x <= b) {
                    n += 1;
                }
                assert_eq!(completed_months(a, b), n, "{a} → {b}");
            }
        }
    }

    #[test]
    fn trial_end_dates_of_reading() {
        let month = Duration {
            count: 1,
            unit: TimeUnit::Months,
        };
        assert_eq!(period_end(d("2026-10-01"), month), Some(d("2026-10-31")));
        assert_eq!(period_end(d("2026-01-31"), month), Some(d("2026-02-28")));
        assert_eq!(period_end(d("2026-01-29"), month), Some(d("2026-02-28")));
        assert_eq!(period_end(d("2026-01-28"), month), Some(d("2026-02-27")));
        let weeks = Duration {
            count: 2,
            unit: TimeUnit::Weeks,
        };
        assert_eq!(period_end(d("2026-03-01"), weeks), Some(d("2026-03-14")));
    }
}
