//! `grille sample` for rule sets that declare facts (issue #22) or classify by
//! position: every employee gets the declared facts a rule may need, with values
//! that exercise the rules (Syntec's IC 2.1 on both sides of 26, HCR's year of
//! seniority), and is decided. Rule sets without either keep their bytes
//! (checked against the previous binary when this was written; tests/sample.rs
//! pins their shares).

use std::process::Command;

use chrono::NaiveDate;
use grille::facts::{self, FactValue, Format, Record};
use grille::sample::{write_sample, SampleOptions};
use grille::{Evaluator, RuleSet};

const SYNTEC: &str = "rules/syntec-1486.grille";
const HCR: &str = "rules/hcr-1979.grille";
/// Declares a date of birth, a hire date, a oui-non and a choix with defaults,
/// an amount with a default (tests/inputs/eval/declared-facts/notes.md).
const DECLARING: &str = "tests/inputs/eval/declared-facts/rules.grille";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn load(path: &str) -> RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn sample(rules: &RuleSet, employees: u64, seed: u64, format: Format) -> Vec<u8> {
    let options = SampleOptions {
        employees,
        seed,
        as_of: as_of(),
    };
    let mut out = Vec::new();
    write_sample(std::slice::from_ref(rules), options, format, &mut out).unwrap();
    out
}

/// Read back with the rule set's declared fields: no warning, every record readable.
fn read_back(rules: &RuleSet, bytes: &[u8], format: Format) -> Vec<Record> {
    let options = facts::Options {
        declared: rules.declared_fields(),
        ..Default::default()
    };
    let facts = facts::read_bytes(bytes, format, options).unwrap();
    assert!(facts.warnings.is_empty(), "{:?}", facts.warnings);
    let records = facts.records.into_iter();
    records
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn fact<'r>(record: &'r Record, field: &str) -> Option<&'r FactValue> {
    record.declared()?.get(field)
}

fn date(record: &Record, field: &str) -> NaiveDate {
    match fact(record, field) {
        Some(FactValue::Date(d)) => *d,
        other => panic!("{}: {field} {other:?}", record.id),
    }
}

#[test]
fn the_syntec_sample_of_the_brief_is_decided_and_crosses_the_26_year_threshold() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "sample",
            "--rules",
            SYNTEC,
            "--employees",
            "200",
            "--seed",
            "7",
        ])
        .args(["--as-of", "2026-11-29"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rules = load(SYNTEC);
    let records = read_back(&rules, &out.stdout, Format::JsonLines);
    assert_eq!(records.len(), 200);
    let evaluator = Evaluator::new(&rules, as_of());
    let mut ic_21 = Vec::new();
    let (mut under, mut over) = (0, 0);
    for record in &records {
        // Every employee has a date of birth and a position; none is rejected.
        let age = as_of().years_since(date(record, "born_on")).unwrap();
        assert!((18..=64).contains(&age), "{}: {age}", record.id);
        if age < 26 {
            under += 1;
        } else {
            over += 1;
        }
        let placed = record.placed().unwrap();
        assert!(placed.since.unwrap() <= as_of(), "{}", record.id);
        let decision = evaluator
            .decide(record)
            .unwrap_or_else(|r| panic!("{}: {r}", record.id));
        let place = decision
            .place
            .as_ref()
            .map(|p| (p.grid.as_str(), p.position.as_str()));
        if place == Some(("ic", "2.1")) {
            ic_21.push(decision.coefficient);
        }
    }
    // Ages uniform over 18–64: about 8 / 47 of them under 26.
    assert!(under >= 15 && over >= 100, "{under} under 26, {over} over");
    // Annexe II, 2.1: 105 under 26, 115 from 26; both occur among the IC 2.1.
    assert!(ic_21.contains(&105) && ic_21.contains(&115), "{ic_21:?}");
}

#[test]
fn the_csv_sample_has_the_position_and_fact_columns_and_the_same_decisions() {
    let rules = load(SYNTEC);
    let csv = sample(&rules, 300, 3, Format::Csv);
    let header = std::str::from_utf8(&csv).unwrap().lines().next().unwrap();
    assert!(
        header.ends_with(",coefficient,position,position_since,born_on"),
        "{header}"
    );
    let json = read_back(
        &rules,
        &sample(&rules, 300, 3, Format::JsonLines),
        Format::JsonLines,
    );
    let flat = read_back(&rules, &csv, Format::Csv);
    let evaluator = Evaluator::new(&rules, as_of());
    for (a, b) in json.iter().zip(&flat) {
        let (a, b) = (evaluator.decide(a).unwrap(), evaluator.decide(b).unwrap());
        assert_eq!(
            (a.coefficient, a.minimum_salary),
            (b.coefficient, b.minimum_salary)
        );
    }
}

#[test]
fn hcr_employees_are_hired_on_both_sides_of_a_year_and_carry_no_rank_as_coefficient() {
    let rules = load(HCR);
    let records = read_back(
        &rules,
        &sample(&rules, 500, 7, Format::JsonLines),
        Format::JsonLines,
    );
    let evaluator = Evaluator::new(&rules, as_of());
    let a_year_ago = NaiveDate::from_ymd_opt(2025, 11, 29).unwrap();
    let (mut recent, mut older) = (0, 0);
    for record in &records {
        evaluator
            .decide(record)
            .unwrap_or_else(|r| panic!("{}: {r}", record.id));
        let hired = date(record, "hired_on");
        // Hired into the job or before it, never after.
        assert!(hired <= record.job_since, "{}", record.id);
        if hired > a_year_ago {
            recent += 1;
        } else {
            older += 1;
        }
        // HCR's grid has levels and échelons: its keys are ranks, not coefficients.
        assert_eq!(record.coefficient, None, "{}", record.id);
    }
    assert!(
        recent >= 20 && older >= 200,
        "{recent} hired within a year, {older} before"
    );
}

#[test]
fn declared_facts_take_each_value_and_optional_ones_are_sometimes_left_out() {
    let rules = load(DECLARING);
    let bytes = sample(&rules, 1000, 7, Format::JsonLines);
    // The same seed, the same bytes; the first 100 of 1,000 are the sample of 100.
    assert_eq!(bytes, sample(&rules, 1000, 7, Format::JsonLines));
    let hundred = sample(&rules, 100, 7, Format::JsonLines);
    assert!(bytes.starts_with(&hundred));
    let records = read_back(&rules, &bytes, Format::JsonLines);
    let evaluator = Evaluator::new(&rules, as_of());
    let mut seen = std::collections::BTreeSet::new();
    let mut left_out = [0; 3];
    for record in &records {
        evaluator
            .decide(record)
            .unwrap_or_else(|r| panic!("{}: {r}", record.id));
        // Without a default, a date is always given: a rule needing it would reject.
        date(record, "born_on");
        for (k, field) in ["thirteenth_month", "working_time", "seniority_bonus"]
            .iter()
            .enumerate()
        {
            match fact(record, field) {
                None => left_out[k] += 1,
                Some(FactValue::Number(n)) => {
                    // Default 0 €: drawn from 0 to 100 €, to the cent.
                    assert!(n.scale() == 2 && *n <= 100.into(), "{n}");
                    seen.insert(format!("{field} given"));
                }
                Some(value) => {
                    seen.insert(format!("{field} {value:?}"));
                }
            }
        }
    }
    let expected = [
        "seniority_bonus given",
        "thirteenth_month Bool(false)",
        "thirteenth_month Bool(true)",
        "working_time Choice(0)",
        "working_time Choice(1)",
        "working_time Choice(2)",
    ];
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), expected);
    // Optional facts (with a default) are given three times in four: about 250 left out.
    for n in left_out {
        assert!((180..=320).contains(&n), "{left_out:?}");
    }
}
