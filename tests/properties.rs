//! Properties over thousands of generated employees, under both shipped rule files.

use grille::facts::Record;
use grille::sample::{Generator, SampleOptions};

const RULES: [&str; 2] = ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"];

fn load(path: &str) -> grille::RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// Employees generated from both rule files, so that both decide most of them.
fn workforce(sets: &[grille::RuleSet], n: u64) -> Vec<Record> {
    let options = SampleOptions {
        employees: n,
        seed: 11,
        as_of: as_of(),
    };
    Generator::new(sets, options)
        .unwrap()
        .records()
        .filter_map(Result::ok)
        .collect()
}

#[test]
fn more_experience_never_lowers_the_coefficient() {
    let sets = [load(RULES[0]), load(RULES[1])];
    let people = workforce(&sets, 4000);
    for rules in &sets {
        let evaluator = grille::Evaluator::new(rules, as_of());
        let mut compared = 0;
        for record in &people {
            let Ok(before) = evaluator.decide(record) else {
                continue;
            };
            for extra in [1, 6, 12, 60] {
                let older = Record {
                    prior_job_months: record.prior_job_months + extra,
                    ..record.clone()
                };
                let after = evaluator.decide(&older).unwrap();
                assert!(
                    after.coefficient >= before.coefficient,
                    "{}: {} +{extra} months: {} → {}",
                    rules.file().name,
                    record.id,
                    before.coefficient,
                    after.coefficient
                );
                compared += 1;
            }
        }
        assert!(compared > 10_000, "{compared}");
    }
}

#[test]
fn a_higher_diploma_never_lowers_the_coefficient() {
    let sets = [load(RULES[0]), load(RULES[1])];
    let people = workforce(&sets, 3000);
    for rules in &sets {
        let evaluator = grille::Evaluator::new(rules, as_of());
        // Diplomas in the order of their floors (declaration order where there are none).
        let mut diplomas: Vec<_> = rules.diplomas.iter().enumerate().collect();
        diplomas.sort_by_key(|(i, d)| (d.floor, *i));
        for record in &people {
            let mut last = 0;
            for (_, d) in &diplomas {
                let varied = Record {
                    diploma: Some(d.id.clone()),
                    ..record.clone()
                };
                let Ok(decision) = evaluator.decide(&varied) else {
                    continue;
                };
                assert!(
                    decision.coefficient >= last,
                    "{}: {} with {}: {} < {last}",
                    rules.file().name,
                    record.id,
                    d.id,
                    decision.coefficient
                );
                last = decision.coefficient;
            }
        }
    }
}

#[test]
fn evaluation_is_deterministic_whatever_the_thread_count() {
    let dir = std::env::temp_dir().join("grille-properties");
    std::fs::create_dir_all(&dir).unwrap();
    let facts = dir.join("workforce.jsonl");
    let sets = [load(RULES[0])];
    let options = SampleOptions {
        employees: 30_000,
        seed: 5,
        as_of: as_of(),
    };
    let mut bytes = Vec::new();
    Generator::new(&sets, options)
        .unwrap()
        .write(grille::facts::Format::JsonLines, &mut bytes)
        .unwrap();
    std::fs::write(&facts, bytes).unwrap();
    let run = |threads: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
            .args([
                "eval",
                RULES[0],
                facts.to_str().unwrap(),
                "--as-of",
                "2026-11-29",
                "--format",
                "jsonl",
            ])
            .env("GRILLE_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let one = run("1");
    assert_eq!(one.iter().filter(|b| **b == b'\n').count(), 30_000);
    assert!(
        one == run("2") && one == run("4"),
        "outputs differ with the thread count"
    );
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "eval",
            RULES[0],
            "examples/workforce.json",
            "--as-of",
            "2026-11-29",
            "--format",
            "jsonl",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone now, as with `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"id\":\"E001\""));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{:?}",
        out.status
    );
}
