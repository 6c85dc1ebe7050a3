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
    let mut n = guess.max(0) as u32;
    // The guess is exact or one too many (when the day-number is not yet reached).
    while n > 0 && add_months(start, n).is_none_or(|d| d > end) {
        n -= 1;
    }
    n
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
