//! Synthetic workforces (`grille::sample`, `grille sample`): determinism, every
//! employee decided, realistic shares, formats, streaming.

use std::collections::HashMap;
use std::io::{self, Write};
use std::process::Command;

use chrono::NaiveDate;
use grille::facts::{self, Format, Record};
use grille::sample::{write_sample, Generator, SampleOptions};
use grille::{Evaluator, RuleSet};
use rust_decimal::Decimal;

const PROPOSAL: &str = "rules/cgt-2008.grille";
const IN_FORCE: &str = "rules/idcc2098-2002.grille";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn load(path: &str) -> RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

fn options(employees: u64, seed: u64) -> SampleOptions {
    SampleOptions {
        employees,
        seed,
        as_of: as_of(),
    }
}

fn sample(rules: &[RuleSet], employees: u64, seed: u64, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    write_sample(rules, options(employees, seed), format, &mut out).unwrap();
    out
}

/// The sample read back through the facts reader, every record readable.
fn read_back(bytes: &[u8], format: Format) -> Vec<Record> {
    let facts = facts::read(std::str::from_utf8(bytes).unwrap(), format).unwrap();
    assert!(facts.warnings.is_empty(), "{:?}", facts.warnings);
    facts
        .records
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("unreadable: {e}")))
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_people() {
    let rules = [load(PROPOSAL)];
    for format in [Format::JsonLines, Format::Json, Format::Csv] {
        let once = sample(&rules, 3000, 7, format);
        assert_eq!(once, sample(&rules, 3000, 7, format), "{format:?}");
        assert_ne!(once, sample(&rules, 3000, 8, format), "{format:?}");
    }
}

#[test]
fn a_smaller_sample_is_the_beginning_of_a_larger_one() {
    let rules = [load(PROPOSAL)];
    let small = sample(&rules, 1000, 3, Format::JsonLines);
    let large = sample(&rules, 40_000, 3, Format::JsonLines);
    assert!(large.starts_with(&small));
}

#[test]
fn every_employee_is_decided_by_the_first_rule_file() {
    let rules = [load(PROPOSAL)];
    let evaluator = Evaluator::new(&rules[0], as_of());
    for (format, employees) in [(Format::JsonLines, 20_000), (Format::Csv, 5_000)] {
        let records = read_back(&sample(&rules, employees, 11, format), format);
        assert_eq!(records.len() as u64, employees);
        for record in &records {
            if let Err(rejection) = evaluator.decide(record) {
                panic!("{format:?}: rejected: {rejection}");
            }
        }
    }
}

#[test]
fn with_two_rule_files_most_employees_are_decided_under_both() {
    let rules = [load(PROPOSAL), load(IN_FORCE)];
    let records = read_back(
        &sample(&rules, 10_000, 5, Format::JsonLines),
        Format::JsonLines,
    );
    let first = Evaluator::new(&rules[0], as_of());
    let second = Evaluator::new(&rules[1], as_of());
    assert!(records.iter().all(|r| first.decide(r).is_ok()));
    let both = records.iter().filter(|r| second.decide(r).is_ok()).count();
    assert!(
        both > 8_500,
        "{both} of 10000 decided under the rules in force"
    );
}

/// Shares of a 20,000-employee sample, with the decisions of the first rule file.
struct Shares {
    n: f64,
    records: Vec<Record>,
    decisions: Vec<serde_json::Value>,
}

impl Shares {
    fn new(rules: &RuleSet, employees: u64) -> Shares {
        let bytes = sample(
            std::slice::from_ref(rules),
            employees,
            42,
            Format::JsonLines,
        );
        let records = read_back(&bytes, Format::JsonLines);
        let evaluator = Evaluator::new(rules, as_of());
        let decisions = records
            .iter()
            .map(|r| serde_json::to_value(evaluator.decide(r).unwrap()).unwrap())
            .collect();
        Shares {
            n: employees as f64,
            records,
            decisions,
        }
    }

    fn of_records(&self, test: impl Fn(&Record) -> bool) -> f64 {
        self.records.iter().filter(|r| test(r)).count() as f64 / self.n
    }

    fn of_decisions(&self, test: impl Fn(&serde_json::Value) -> bool) -> f64 {
        self.decisions.iter().filter(|d| test(d)).count() as f64 / self.n
    }
}

fn within(what: &str, share: f64, low: f64, high: f64) {
    assert!(
        (low..=high).contains(&share),
        "{what}: {share:.4} not in [{low}, {high}]"
    );
}

#[test]
fn shares_are_those_documented() {
    let rules = load(PROPOSAL);
    let s = Shares::new(&rules, 20_000);
    let job = |i: usize| rules.jobs[i].id.clone();
    let (first, second) = (job(0), job(1));
    within(
        "first job",
        s.of_decisions(|d| d["job"] == *first),
        0.52,
        0.58,
    );
    within(
        "second job",
        s.of_decisions(|d| d["job"] == *second),
        0.17,
        0.23,
    );
    within(
        "prior months",
        s.of_records(|r| r.prior_job_months > 0),
        0.12,
        0.18,
    );
    within(
        "previous coefficient",
        s.of_records(|r| r.previous_sector_coefficient.is_some()),
        0.06,
        0.10,
    );
    within("part-time", s.of_records(|r| r.hours.is_some()), 0.17, 0.23);
    within(
        "applied coefficient",
        s.of_records(|r| r.coefficient.is_some()),
        0.27,
        0.33,
    );
    within(
        "one step lower",
        s.of_decisions(|d| d.get("coefficient_gap").is_some()),
        0.05,
        0.10,
    );
    within(
        "paid below the minimum",
        s.of_decisions(|d| d.get("salary_shortfall").is_some()),
        0.035,
        0.065,
    );
    within(
        "missions",
        s.of_records(|r| !r.missions.is_empty()),
        0.035,
        0.065,
    );
    within("moves", s.of_records(|r| !r.moves.is_empty()), 0.025, 0.055);
}

#[test]
fn facts_look_like_a_payroll_export() {
    let rules = load(PROPOSAL);
    let s = Shares::new(&rules, 20_000);
    let twelve_years_back = as_of() - chrono::Months::new(144);
    assert!(s
        .records
        .iter()
        .all(|r| r.job_since <= as_of() && r.job_since >= twelve_years_back));
    within(
        "hired in the last 3 years",
        s.of_records(|r| r.job_since > as_of() - chrono::Months::new(36)),
        0.40,
        0.60,
    );
    within(
        "names in capitals",
        s.of_records(|r| r.job == r.job.to_uppercase()),
        0.02,
        0.08,
    );
    let mut diplomas: HashMap<&str, usize> = HashMap::new();
    for r in &s.records {
        *diplomas.entry(r.diploma.as_deref().unwrap()).or_default() += 1;
    }
    let most = diplomas.iter().max_by_key(|(_, n)| **n).unwrap();
    assert_eq!(*most.0, "bac", "{diplomas:?}");
    let above = |d: &&str| ["bac+3", "bac+4", "bac+5", "doctorat"].contains(d);
    let higher: usize = diplomas
        .iter()
        .filter(|(d, _)| above(d))
        .map(|(_, n)| n)
        .sum();
    within("above bac+2", higher as f64 / s.n, 0.03, 0.15);
    // Salaries: 0.97 to 1.25 times the minimum, to the cent.
    for (r, d) in s.records.iter().zip(&s.decisions) {
        let minimum: Decimal = d["minimum_salary"].as_str().unwrap().parse().unwrap();
        let salary = r.salary.unwrap();
        assert!(salary.scale() == 2, "{salary}");
        let ratio = salary / minimum;
        assert!(
            ratio >= Decimal::new(97, 2) - Decimal::new(1, 3) && ratio <= Decimal::new(125, 2),
            "{} {salary} / {minimum}",
            r.id
        );
    }
}

#[test]
fn missions_and_moves_exercise_the_time_rules() {
    let rules = load(PROPOSAL);
    let s = Shares::new(&rules, 20_000);
    within(
        "mission-cap claims",
        s.of_decisions(|d| d.get("claims").is_some()),
        0.005,
        0.03,
    );
    let moves: Vec<_> = s.records.iter().flat_map(|r| &r.moves).collect();
    assert!(moves.iter().any(|m| m.trial_renewed));
    assert!(moves.iter().any(|m| m.trial_broken_on.is_some()));
    for r in s.records.iter().filter(|r| !r.moves.is_empty()) {
        assert_eq!((r.moves[0].on, &r.moves[0].to), (r.job_since, &r.job));
    }
    for r in &s.records {
        assert!(r.missions.len() <= 3);
        assert!(r.missions.iter().all(|m| m.start >= r.job_since));
    }
}

#[test]
fn csv_has_no_missions_nor_moves_and_the_same_people() {
    let rules = [load(PROPOSAL)];
    let csv = sample(&rules, 2000, 9, Format::Csv);
    let header = csv.split(|b| *b == b'\n').next().unwrap();
    assert_eq!(
        std::str::from_utf8(header).unwrap(),
        "id,job,job_since,prior_job_months,diploma,previous_sector_coefficient,hours,salary,coefficient"
    );
    let flat = read_back(&csv, Format::Csv);
    let full = read_back(&sample(&rules, 2000, 9, Format::Json), Format::Json);
    for (f, j) in flat.iter().zip(&full) {
        assert_eq!((&f.id, &f.job, f.job_since), (&j.id, &j.job, j.job_since));
        assert_eq!((&f.diploma, f.hours), (&j.diploma, j.hours));
    }
}

#[test]
fn the_iterator_gives_the_records_written() {
    let rules = [load(PROPOSAL)];
    let generator = Generator::new(&rules, options(500, 2)).unwrap();
    let written = read_back(&sample(&rules, 500, 2, Format::Json), Format::Json);
    let iterated: Vec<Record> = generator.records().map(Result::unwrap).collect();
    assert_eq!(written.len(), iterated.len());
    for (w, i) in written.iter().zip(&iterated) {
        assert_eq!(
            (&w.id, &w.job, w.salary, &w.missions),
            (&i.id, &i.job, i.salary, &i.missions)
        );
    }
}

/// Counts bytes and remembers the largest single write.
#[derive(Default)]
struct Meter {
    bytes: usize,
    writes: usize,
    largest: usize,
}

impl Write for Meter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len();
        self.writes += 1;
        self.largest = self.largest.max(buf.len());
        io::sink().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_large_sample_is_streamed() {
    let rules = [load(PROPOSAL)];
    let mut meter = Meter::default();
    write_sample(&rules, options(200_000, 1), Format::JsonLines, &mut meter).unwrap();
    assert!(meter.bytes > 200_000 * 80, "{} bytes", meter.bytes);
    // Written as it is generated, in blocks far smaller than the whole.
    assert!(meter.writes > 10 && meter.largest < meter.bytes / 4);
    write_sample(&rules, options(200_000, 1), Format::Csv, io::sink()).unwrap();
}

#[test]
fn rules_that_decide_nobody_are_refused() {
    let rules = [load(PROPOSAL)];
    let before = SampleOptions {
        as_of: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        ..options(10, 1)
    };
    let error = Generator::new(&rules, before).err().unwrap();
    assert!(error.0.contains("decides no job on 2000-01-01"), "{error}");
    assert!(Generator::new(&[], options(10, 1)).is_err());
}

// ------------------------------------------------------------------ the command

/// Not an English locale: what grille says to people is French.
fn grille(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run grille")
}

#[test]
fn the_command_writes_atomically_in_the_format_of_the_extension() {
    let folder = std::env::temp_dir().join(format!("grille-sample-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("people.csv");
    let out = grille(&[
        "sample",
        "--rules",
        PROPOSAL,
        "--employees",
        "50",
        "--seed",
        "4",
        "--as-of",
        "2026-11-29",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(&path).unwrap();
    assert_eq!(written, sample(&[load(PROPOSAL)], 50, 4, Format::Csv));
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["people.csv"], "no temporary file is left");

    let conflict = grille(&[
        "sample",
        "--rules",
        PROPOSAL,
        "--employees",
        "5",
        "--seed",
        "4",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(conflict.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), written, "left untouched");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn the_command_writes_json_lines_to_stdout_by_default() {
    let out = grille(&[
        "sample",
        "--rules",
        PROPOSAL,
        "--employees",
        "30",
        "--seed",
        "4",
        "--as-of",
        "2026-11-29",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        out.stdout,
        sample(&[load(PROPOSAL)], 30, 4, Format::JsonLines)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("30 salarié(s) écrit(s) (jsonl, graine 4, au 29 novembre 2026)"),
        "{stderr}"
    );
}

#[test]
fn the_help_teaches_the_command() {
    let out = grille(&["sample", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains(
        "grille sample --rules rules/cgt-2008.grille --employees 100000 --seed 7 --output big.jsonl"
    ));
    // French by default (the locale of the tests is not English).
    assert!(help.contains("Le CSV ne porte ni missions ni mutations"));
    let missing = grille(&["sample", "--employees", "5", "--seed", "1"]);
    assert_eq!(missing.status.code(), Some(2), "--rules is required");
}
