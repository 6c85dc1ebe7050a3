//! What the replay's speed rests on gives the same answers as the plain way:
//! evaluators sharing the tables of a period of unchanged rules decide as
//! evaluators made for their own day.

use chrono::NaiveDate;

use grille::facts::Format;
use grille::{Evaluator, RuleSet};

fn rules(path: &str) -> RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn day(text: &str) -> NaiveDate {
    grille::facts::parse_date(text).unwrap()
}

/// Sample employees (with missions and moves) drawn for `as_of`.
fn sample(rules: &RuleSet, employees: u64, as_of: NaiveDate) -> Vec<grille::facts::Record> {
    let options = grille::sample::SampleOptions {
        employees,
        seed: 3,
        as_of,
    };
    let sets = [rules.clone()];
    let mut text = Vec::new();
    grille::sample::write_sample(&sets, options, Format::JsonLines, &mut text).unwrap();
    let facts = grille::facts::read(std::str::from_utf8(&text).unwrap(), Format::JsonLines);
    facts.unwrap().records.into_iter().flatten().collect()
}

/// Days around each period's start: its first day, the day before, a day
/// later in the period (the day before the next period's start).
fn days_around_periods(rules: &RuleSet) -> Vec<NaiveDate> {
    let starts = grille::replay::day::rule_periods(rules);
    let mut days = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        days.push(*start);
        days.extend(start.pred_opt());
        let next = starts.get(i + 1).copied();
        days.extend(next.and_then(|n| n.pred_opt()).filter(|d| d > start));
    }
    days
}

#[test]
fn evaluators_sharing_a_periods_tables_decide_as_evaluators_of_their_day() {
    for path in ["rules/idcc2098-2002.grille", "rules/cgt-2008.grille"] {
        let rules = rules(path);
        let starts = grille::replay::day::rule_periods(&rules);
        assert!(starts.len() > 5, "{path}: {} periods", starts.len());
        let base = Evaluator::new(&rules, day("2026-11-29"));
        let records = sample(&rules, 150, day("2026-11-29"));
        let mut compared = 0;
        for on in days_around_periods(&rules) {
            // The period's first day, else the earliest day of its period.
            let period_start = starts.iter().rev().find(|s| **s <= on).copied();
            let shared = base
                .on_day(period_start.unwrap_or(on))
                .on_day_of_same_rules(on);
            let own = base.on_day(on);
            assert_eq!(shared.as_of(), on);
            for record in records.iter().filter(|r| r.job_since <= on) {
                let (a, b) = (own.decide(record), shared.decide(record));
                assert_eq!(
                    format!("{a:?}"),
                    format!("{b:?}"),
                    "{path}: {} on {on}",
                    record.id
                );
                compared += 1;
            }
        }
        assert!(
            compared > 1000,
            "{path}: only {compared} decisions compared"
        );
    }
}

/// The benchmark's histories (`grille sample --history-months 36
/// --history-full`): every employee hired before the first month and paid
/// every month, so each has as many payslips as months.
#[test]
fn a_full_pay_history_pays_every_employee_every_month() {
    let rules = rules("rules/idcc2098-2002.grille");
    let options = grille::sample::SampleOptions {
        employees: 300,
        seed: 7,
        as_of: day("2026-11-29"),
    };
    let sets = [rules.clone()];
    let generator = grille::sample::Generator::new(&sets, options).unwrap();
    let history = grille::replay::sample::PayHistory {
        months: 36,
        full: true,
    };
    let mut text = Vec::new();
    grille::replay::sample::write_sample(&generator, history, &mut text).unwrap();
    let facts = grille::facts::read(std::str::from_utf8(&text).unwrap(), Format::JsonLines);
    let records: Vec<_> = facts.unwrap().records.into_iter().flatten().collect();
    assert_eq!(records.len(), 300);
    // 36 months before 2026-11: 2023-11 … 2026-10.
    let first = day("2023-11-01");
    let mut moved = 0;
    for record in &records {
        let history = record.history.as_deref().unwrap();
        assert_eq!(history.pay.len(), 36, "{}", record.id);
        assert!(history.hired(record) <= first, "{}", record.id);
        moved += usize::from(record.job_since == first);
    }
    // The sample hires some employees within the three years: those moved.
    assert!(moved > 10, "{moved} employees hired on {first}");
}
