//! An employee's history (facts.md, "History"): hire and departure, the jobs
//! held before the current one, the diplomas obtained, what was paid each month.
//! All optional: a record without them is read and decided as before. Read by
//! the general JSON reader (and in place by the fast one, `fast/histories.rs`,
//! when it is plain); every contradiction rejects the record with the field
//! and the reason.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::json::{rename, wrong_type, JsonFields};
use super::{JsonType, Place, Reason, Record, Rejection};

/// The fields of the history; the fast path leaves a record holding one to the general reader.
pub(crate) const HISTORY_FIELDS: [&str; 7] = [
    "hired_on",
    "left_on",
    "jobs",
    "diplomas",
    "pay",
    // A trial at hire (issue #22): renewed, broken.
    "hire_trial_renewed",
    "hire_trial_broken_on",
];
const JOB_FIELDS: [&str; 3] = ["job", "since", "prior_job_months"];
const DIPLOMA_FIELDS: [&str; 2] = ["diploma", "since"];
const PAY_FIELDS: [&str; 4] = ["month", "salary", "hours", "coefficient"];

/// The fields of history entries, for the warning on keys grille ignores.
pub(crate) const HISTORY_LISTS: [(&str, &[&str]); 3] = [
    ("jobs", &JOB_FIELDS),
    ("diplomas", &DIPLOMA_FIELDS),
    ("pay", &PAY_FIELDS),
];

/// What a record says of the past.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// First day of the contract, when given.
    pub hired_on: Option<NaiveDate>,
    /// Last day of the contract, when it has ended.
    pub left_on: Option<NaiveDate>,
    /// Jobs held before the record's own `job`, oldest first.
    pub jobs: Vec<HeldJob>,
    /// Diplomas obtained, oldest first.
    pub diplomas: Vec<Obtained>,
    /// What was paid, by month, oldest first (each month once).
    pub pay: Vec<Pay>,
    /// The trial at hire was renewed (for rules that open trials at hire).
    pub hire_trial_renewed: bool,
    /// The day the trial at hire was broken, if it was.
    pub hire_trial_broken_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeldJob {
    pub job: String,
    pub since: NaiveDate,
    pub prior_job_months: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Obtained {
    pub diploma: String,
    pub since: NaiveDate,
}

/// One month's payslip.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    pub month: Month,
    /// The pay that counts toward the minimum, in cents.
    pub salary: Decimal,
    /// The month's contractual hours, when the payslip says them.
    pub hours: Option<Decimal>,
    /// The coefficient written on the payslip.
    pub coefficient: Option<u32>,
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// A month written `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' || !text.is_char_boundary(4) {
            return None;
        }
        fn digits(s: &str) -> Option<&str> {
            s.bytes().all(|b| b.is_ascii_digit()).then_some(s)
        }
        let year = digits(text.get(..4)?)?.parse::<i32>().ok()?;
        let month = digits(text.get(5..)?)?.parse::<u32>().ok()?;
        ((1..=12).contains(&month) && year >= 1).then_some(Month { year, month })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// Calendar days of the month.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl History {
    /// The first day of the contract: `hired_on`, else the earliest job's `since`.
    pub fn hired(&self, record: &Record) -> NaiveDate {
        self.hired_on
            .or_else(|| self.jobs.first().map(|j| j.since))
            .unwrap_or(record.job_since)
    }

    /// The payslip of `month`, if any.
    pub fn pay_of(&self, month: Month) -> Option<&Pay> {
        self.pay
            .binary_search_by_key(&month, |p| p.month)
            .ok()
            .map(|i| &self.pay[i])
    }

    /// Adds payslips from a separate file; a month already given is refused with
    /// the month (the first one stays).
    pub fn add_pay(&mut self, pay: Pay) -> Result<(), Month> {
        match self.pay.binary_search_by_key(&pay.month, |p| p.month) {
            Ok(_) => Err(pay.month),
            Err(at) => {
                self.pay.insert(at, pay);
                Ok(())
            }
        }
    }
}

/// Whether a JSON record holds any field of the history.
pub(crate) fn has_history(map: &Map<String, Value>) -> bool {
    HISTORY_FIELDS.iter().any(|f| map.contains_key(*f))
}

/// The history a JSON record gives, checked against the record's own fields.
pub(super) fn read(
    fields: &JsonFields,
    at: &Place,
    record: &Record,
) -> Result<Option<Box<History>>, Rejection> {
    if !has_history(fields.map) {
        return Ok(None);
    }
    let history = History {
        hired_on: fields.date("hired_on", at)?,
        left_on: fields.date("left_on", at)?,
        jobs: list(fields, at, "jobs", held_job)?,
        diplomas: list(fields, at, "diplomas", obtained)?,
        pay: list(fields, at, "pay", |f, at, name| pay(f, at, name, "salary"))?,
        hire_trial_renewed: match fields.get("hire_trial_renewed") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let wrong = wrong_type(JsonType::Bool, other);
                return Err(at.reject("hire_trial_renewed", wrong));
            }
        },
        hire_trial_broken_on: fields.date("hire_trial_broken_on", at)?,
    };
    contradictions(&history, at, record)?;
    Ok(Some(Box::new(history)))
}

/// The entries of a list field, each read by `item` from its object.
fn list<T>(
    fields: &JsonFields,
    at: &Place,
    name: &str,
    item: impl Fn(&JsonFields, &Place, &str) -> Result<T, Rejection>,
) -> Result<Vec<T>, Rejection> {
    let items = match fields.get(name) {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(at.reject(name, wrong_type(JsonType::List, other)));
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let entry = format!("{name}[{i}]");
            let Value::Object(map) = value else {
                return Err(at.reject(&entry, wrong_type(JsonType::Object, value)));
            };
            let inner = JsonFields {
                map,
                position: at.position,
            };
            item(&inner, at, &entry)
        })
        .collect()
}

fn required<T>(
    value: Result<Option<T>, Rejection>,
    at: &Place,
    name: &str,
) -> Result<T, Rejection> {
    value
        .map_err(|r| rename(r, name))?
        .ok_or_else(|| at.reject(name, crate::facts::Reason::Required))
}

fn held_job(fields: &JsonFields, at: &Place, entry: &str) -> Result<HeldJob, Rejection> {
    let name = |f: &str| format!("{entry}.{f}");
    Ok(HeldJob {
        job: required(fields.text("job", at), at, &name("job"))?,
        since: required(fields.date("since", at), at, &name("since"))?,
        prior_job_months: fields
            .integer("prior_job_months", at)
            .map_err(|r| rename(r, &name("prior_job_months")))?
            .unwrap_or(0),
    })
}

fn obtained(fields: &JsonFields, at: &Place, entry: &str) -> Result<Obtained, Rejection> {
    let name = |f: &str| format!("{entry}.{f}");
    Ok(Obtained {
        diploma: required(fields.text("diploma", at), at, &name("diploma"))?,
        since: required(fields.date("since", at), at, &name("since"))?,
    })
}

/// A payslip from a JSON object; `salary` names its amount's field in messages.
pub(super) fn pay(
    fields: &JsonFields,
    at: &Place,
    entry: &str,
    salary: &str,
) -> Result<Pay, Rejection> {
    let name = |f: &str| {
        if entry.is_empty() {
            f.to_string()
        } else {
            format!("{entry}.{f}")
        }
    };
    let month_text = required(fields.text("month", at), at, &name("month"))?;
    let month = Month::parse(month_text.trim()).ok_or_else(|| {
        at.reject(
            &name("month"),
            crate::facts::Reason::NotAMonth {
                text: month_text.to_string(),
                french: false,
            },
        )
    })?;
    let amount = required(fields.salary(at), at, &name(salary))?;
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(at.reject(
            &name(salary),
            crate::facts::Reason::Negative {
                text: amount.to_string(),
            },
        ));
    }
    Ok(Pay {
        month,
        salary: amount,
        hours: fields
            .decimal("hours", at)
            .map_err(|r| rename(r, &name("hours")))?,
        coefficient: fields
            .integer("coefficient", at)
            .map_err(|r| rename(r, &name("coefficient")))?,
    })
}

/// What the history and the record cannot both say.
pub(super) fn contradictions(
    history: &History,
    at: &Place,
    record: &Record,
) -> Result<(), Rejection> {
    if let (Some(hired), Some(left)) = (history.hired_on, history.left_on) {
        if left < hired {
            return Err(at.reject("left_on", Reason::ContractEndsBeforeHire { left, hired }));
        }
    }
    let mut previous: Option<NaiveDate> = None;
    for (i, job) in history.jobs.iter().enumerate() {
        if let Some(before) = previous.filter(|p| job.since <= *p) {
            return Err(at.reject(
                &format!("jobs[{i}].since"),
                Reason::JobsOutOfOrder {
                    since: job.since,
                    before,
                },
            ));
        }
        previous = Some(job.since);
    }
    if let Some(last) = history.jobs.last().filter(|j| j.since >= record.job_since) {
        return Err(at.reject(
            &format!("jobs[{}].since", history.jobs.len() - 1),
            Reason::JobNotBeforeCurrent {
                since: last.since,
                job_since: record.job_since,
            },
        ));
    }
    let first_day = history.jobs.first().map_or(record.job_since, |j| j.since);
    if let Some(hired) = history.hired_on.filter(|h| *h > first_day) {
        let field = if history.jobs.is_empty() {
            "job_since".to_string()
        } else {
            "jobs[0].since".to_string()
        };
        return Err(at.reject(&field, Reason::JobBeforeHire { first_day, hired }));
    }
    if let Some(left) = history.left_on.filter(|l| *l < record.job_since) {
        return Err(at.reject(
            "left_on",
            Reason::ContractEndsBeforeJob {
                left,
                job_since: record.job_since,
            },
        ));
    }
    let mut previous: Option<NaiveDate> = None;
    for (i, diploma) in history.diplomas.iter().enumerate() {
        if let Some(before) = previous.filter(|p| diploma.since <= *p) {
            return Err(at.reject(
                &format!("diplomas[{i}].since"),
                Reason::DiplomasOutOfOrder {
                    since: diploma.since,
                    before,
                },
            ));
        }
        previous = Some(diploma.since);
    }
    let mut months: Vec<(Month, usize)> = history
        .pay
        .iter()
        .enumerate()
        .map(|(i, p)| (p.month, i))
        .collect();
    months.sort_unstable();
    if let Some(w) = months.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(at.reject(
            &format!("pay[{}].month", w[1].1),
            Reason::MonthGivenTwice {
                month: w[0].0.to_string(),
                first: w[0].1,
                second: w[1].1,
            },
        ));
    }
    Ok(())
}

/// Sorts the payslips by month (read in file order; searched by month).
pub(super) fn sort_pay(history: &mut History) {
    history.pay.sort_by_key(|p| p.month);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_written_year_dash_month() {
        assert_eq!(
            Month::parse("2024-02"),
            Some(Month {
                year: 2024,
                month: 2
            })
        );
        for bad in [
            "2024-13",
            "2024-00",
            "2024-2",
            "24-02",
            "2024/02",
            "2024-02-01",
            "é024-02",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        let february = Month::parse("2024-02").unwrap();
        assert_eq!(february.days(), 29);
        assert_eq!(february.last_day().to_string(), "2024-02-29");
        assert_eq!(
            Month::parse("2024-12").unwrap().next().to_string(),
            "2025-01"
        );
    }
}
