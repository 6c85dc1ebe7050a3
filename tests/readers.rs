//! The facts readers under hostile input: every record ends decided or rejected
//! and the counts add up; long values cost linear time and are quoted briefly;
//! ambiguous input is refused, naming what is ambiguous. Large fixtures are
//! generated here.

use std::io::BufReader;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use grille::facts::{self, Format, Options, Record, Rejection};

fn load(path: &str) -> grille::RuleSet {
    grille::load(path, &std::fs::read_to_string(path).unwrap())
        .unwrap()
        .0
}

fn as_of() -> chrono::NaiveDate {
    facts::parse_date("2026-11-29").unwrap()
}

/// Everything a file gives, read as `grille eval` reads it (in parallel batches,
/// from a buffered reader that hands out 8 KiB at a time, as a file does).
fn read_batched(bytes: &[u8], format: Format) -> Vec<Result<Record, Rejection>> {
    let input = BufReader::with_capacity(8192, bytes);
    let mut stream = facts::stream_with(input, format, Options::default()).unwrap();
    let mut out = Vec::new();
    let stopped: Option<()> = stream.map_parallel(
        2,
        |r, _| Ok(r.clone()),
        |result| {
            out.push(result.map(|(r, _)| r));
            ControlFlow::Continue(())
        },
    );
    assert!(stopped.is_none());
    stream.finish().unwrap();
    out
}

#[test]
fn an_unknown_job_name_of_a_megabyte_is_rejected_at_once_and_quoted_briefly() {
    let rules = load("rules/cgt-2008.grille");
    let evaluator = grille::Evaluator::new(&rules, as_of());
    let name = "Téléconseiller".repeat(80_000);
    let csv = format!("id;job;job_since\nE1;{name};2020-01-01\n");
    let facts = facts::read(&csv, Format::Csv).unwrap();
    let record = facts.records[0].as_ref().unwrap();
    let start = Instant::now();
    let reason = evaluator.decide(record).unwrap_err().to_string();
    // The closest-name search compared the whole name with every job: about a
    // second per megabyte in a release build. Generous for a debug build.
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // The start of the name, an ellipsis and its length in bytes (1,280,000: 16 × 80,000).
    assert!(reason.len() < 400, "{} bytes", reason.len());
    assert!(
        reason.contains("named `TéléconseillerTéléconseiller"),
        "{reason}"
    );
    assert!(reason.contains("…` (1280000 bytes)"), "{reason}");
}

#[test]
fn a_json_line_of_many_megabytes_is_read_in_linear_time() {
    let note = "x".repeat(8 << 20);
    let text = format!(
        "{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"note\":\"{note}\"}}\n\
         {{\"id\":\"b\",\"job\":\"x\",\"job_since\":\"2020-01-01\"}}\n"
    );
    let start = Instant::now();
    let records = read_batched(text.as_bytes(), Format::JsonLines);
    // Looking for the last line end again in all that was read, at each 8 KiB
    // read, scanned 4 GB for this line (minutes in a debug build).
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(Result::is_ok));
}

#[test]
fn a_salary_has_cents() {
    let line = |salary: &str| {
        format!("{{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"salary\":{salary}}}\n")
    };
    for salary in ["1850.005", "\"1850.005\"", "1850.0001"] {
        let facts = facts::read(&line(salary), Format::JsonLines).unwrap();
        let rejection = facts.records[0].as_ref().unwrap_err();
        assert_eq!(rejection.field.as_deref(), Some("salary"), "{salary}");
        assert!(rejection.reason.contains("cents"), "{rejection}");
    }
    // Zeros past the cents say nothing more: the amount is kept, in cents.
    let facts = facts::read(&line("1850.000"), Format::JsonLines).unwrap();
    let salary = facts.records[0].as_ref().unwrap().salary.unwrap();
    assert_eq!(salary.to_string(), "1850.00");
    let csv = "id;job;job_since;salary\nE1;x;2020-01-01;1850,0050\nE2;x;2020-01-01;1850,5\n";
    let facts = facts::read(csv, Format::Csv).unwrap();
    let rejection = facts.records[0].as_ref().unwrap_err();
    assert_eq!(rejection.field.as_deref(), Some("salary"));
    assert_eq!(
        facts.records[1]
            .as_ref()
            .unwrap()
            .salary
            .unwrap()
            .to_string(),
        "1850.5"
    );
}

#[test]
fn an_integer_out_of_range_says_so_and_gives_the_range() {
    let json = "{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"coefficient\":18446744073709551616}\n";
    let csv = "id;job;job_since;prior_job_months\nE1;x;2020-01-01;4294967296\n";
    for (text, format) in [(json, Format::JsonLines), (csv, Format::Csv)] {
        let facts = facts::read(text, format).unwrap();
        let reason = &facts.records[0].as_ref().unwrap_err().reason;
        assert!(reason.contains("out of range"), "{reason}");
        assert!(reason.contains("0 to 4294967295"), "{reason}");
    }
    let big = "{\"id\":\"a\",\"job\":\"x\",\"job_since\":\"2020-01-01\",\"hours\":\"123456789012345678901234567890\"}\n";
    let facts = facts::read(big, Format::JsonLines).unwrap();
    let reason = &facts.records[0].as_ref().unwrap_err().reason;
    assert!(reason.contains("out of range"), "{reason}");
}
