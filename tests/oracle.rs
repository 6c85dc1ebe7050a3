//! Differential test against an independent implementation of READING.md.
//!
//! `tests/oracle/cgt2008.py` was written from READING.md and facts.md alone,
//! without the engine's code; its output for each case file is committed as
//! `NAME.expected.json` (and was checked by hand, see `NAME.notes.md`). Here the
//! engine decides the same files and every field of the contract must agree.
//! The folder name is the evaluation date.

use std::collections::BTreeMap;

use grille::facts::{self, Format};

const CONTRACT_FIELDS: [&str; 13] = [
    "id",
    "job",
    "band",
    "coefficient",
    "level",
    "category",
    "status",
    "minimum_salary",
    "salary_shortfall",
    "coefficient_gap",
    "claims",
    "trial",
    "next_step",
];

fn contract_view(mut value: serde_json::Value) -> BTreeMap<String, serde_json::Value> {
    if let Some(trial) = value.get_mut("trial").and_then(|t| t.as_object_mut()) {
        trial.remove("return_coefficient"); // an addition to the contract
    }
    let object = value.as_object().unwrap();
    CONTRACT_FIELDS
        .iter()
        .filter_map(|f| object.get(*f).map(|v| (f.to_string(), v.clone())))
        .collect()
}

fn compare(
    rules: &grille::RuleSet,
    facts_path: &std::path::Path,
    expected_path: &std::path::Path,
    as_of: chrono::NaiveDate,
) -> usize {
    let text = std::fs::read_to_string(facts_path).unwrap();
    let facts = facts::read(
        &text,
        Format::from_path(&facts_path.to_string_lossy()).unwrap(),
    )
    .unwrap();
    let evaluator = grille::Evaluator::new(rules, as_of);
    let got: Vec<_> = facts
        .records
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .filter_map(|r| evaluator.decide(r).ok())
        .map(|d| contract_view(serde_json::to_value(&d).unwrap()))
        .collect();
    let expected: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(expected_path).unwrap()).unwrap();
    let expected: Vec<_> = expected.into_iter().map(contract_view).collect();
    let ids = |v: &[BTreeMap<String, serde_json::Value>]| {
        v.iter().map(|d| d["id"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&got),
        ids(&expected),
        "{}: decided employees differ",
        facts_path.display()
    );
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g, e, "{}: employee {}", facts_path.display(), e["id"]);
    }
    got.len()
}

fn shipped_rules() -> grille::RuleSet {
    grille::load_path("rules/cgt-2008.grille", Default::default())
        .unwrap()
        .0
}

#[test]
fn engine_agrees_with_the_independent_oracle() {
    let rules = shipped_rules();
    let mut compared = 0;
    for day in std::fs::read_dir("tests/oracle/cases").unwrap() {
        let day = day.unwrap().path();
        let as_of = facts::parse_date(&day.file_name().unwrap().to_string_lossy()).unwrap();
        for file in std::fs::read_dir(&day).unwrap() {
            let path = file.unwrap().path();
            let name = path.to_string_lossy().into_owned();
            if name.ends_with(".json") && !name.ends_with(".expected.json") {
                compared += compare(&rules, &path, &path.with_extension("expected.json"), as_of);
            }
        }
    }
    assert!(compared >= 60, "only {compared} decisions compared");
}

#[test]
fn sample_workforce_agrees_with_the_oracle() {
    let rules = shipped_rules();
    let as_of = facts::parse_date("2026-11-29").unwrap();
    let n = compare(
        &rules,
        "examples/workforce.json".as_ref(),
        "examples/workforce.expected.json".as_ref(),
        as_of,
    );
    assert_eq!(n, 60);
}
