//! Facts readers (JSON array, JSON Lines, CSV in any accepted encoding and
//! separator) and the decisions of the shipped rules.
//! Every record ends as one decision or one rejection, and the counts add up:
//! the records handed out are the records the reader found, every line of the
//! file is the header's, a record's or blank, and where the record count can be
//! told without the reader (a CSV without quotes, JSON Lines, an array serde_json
//! reads), it is that. Nothing panics; the parallel batches of `grille eval` give
//! what reading one record at a time gives; the hand-written JSON of a
//! decision, with and without its trace, is serde_json's.
#![no_main]

use std::ops::ControlFlow;

use grille::facts::{Format, Options, Record, Rejection, Tally};
use grille::report::{encode, OutputFormat};
use libfuzzer_sys::fuzz_target;

static RULES: std::sync::OnceLock<grille::RuleSet> = std::sync::OnceLock::new();

/// A record as both readings must give it: its id and position, or the rejection.
fn seen(record: &Result<Record, Rejection>) -> Result<String, Rejection> {
    record.as_ref().map(|r| format!("{} {}", r.id, r.position)).map_err(Clone::clone)
}

/// Lines as a file holds them: each line end closes one; what follows the last
/// is one if not empty.
fn physical_lines(bytes: &[u8]) -> usize {
    let ends = bytes.iter().filter(|b| **b == b'\n').count();
    ends + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

/// The records a file holds, told without the readers, when that is simple.
fn expected_records(data: &[u8], format: Format, is_array: bool) -> Option<usize> {
    match format {
        Format::Json if is_array => {
            let values: Vec<serde_json::Value> = serde_json::from_slice(data).ok()?;
            Some(values.len())
        }
        Format::Json | Format::JsonLines => {
            let records = data
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(data)
                .split(|b| *b == b'\n')
                .filter(|l| !String::from_utf8_lossy(l).trim().is_empty())
                .count();
            Some(records)
        }
        // Without quotes and lone carriage returns, a non-empty line is a row.
        Format::Csv if !data.contains(&b'"') && !data.contains(&b'\r') => {
            let rows = data.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count();
            Some(rows.saturating_sub(1))
        }
        Format::Csv => None,
    }
}

/// Reads the data one record at a time; checks the counts.
fn read_counted(data: &[u8], format: Format) -> Option<(Vec<Result<Record, Rejection>>, Tally)> {
    let mut stream = grille::facts::stream_with(data, format, Options::default()).ok()?;
    let records: Vec<_> = stream.by_ref().collect();
    let tally = stream.tally();
    if let Err(e) = stream.finish() {
        // A file may fail as a whole (a broken array, a byte undefined in its
        // encoding), never by losing records.
        assert!(!e.to_string().contains("internal error"), "{e}");
        return None;
    }
    assert_eq!(records.len(), tally.records, "{tally:?}");
    let utf16 = data.starts_with(b"\xFF\xFE") || data.starts_with(b"\xFE\xFF");
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let is_array = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    // Every line is the header's, a record's or blank, and the file's lines are those.
    if !(utf16 || format == Format::Json && is_array) {
        assert_eq!(tally.lines, physical_lines(data), "{tally:?}");
    }
    if !utf16 {
        if let Some(expected) = expected_records(data, format, is_array) {
            assert_eq!(records.len(), expected, "{tally:?}");
        }
    }
    Some((records, tally))
}

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| {
        // The proposal, the rules in force it amends and the law, built in.
        let files = grille::layers::InMemory::default()
            .with("rules/cgt-2008.grille", include_str!("../../rules/cgt-2008.grille"))
            .with("rules/idcc2098-2002.grille", include_str!("../../rules/idcc2098-2002.grille"))
            .with("rules/loi.grille", include_str!("../../rules/loi.grille"));
        let path = std::path::Path::new("rules/cgt-2008.grille");
        grille::load_with(&files, path, Default::default()).expect("shipped rules").0
    });
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let evaluator = grille::Evaluator::new(rules, as_of);
    for format in [Format::Json, Format::JsonLines, Format::Csv] {
        let Some((records, tally)) = read_counted(data, format) else { continue };
        for record in records.iter().flatten() {
            for d in [evaluator.decide(record), evaluator.decide_traced(record)].into_iter().flatten() {
                let mut ours = Vec::new();
                encode(&d, OutputFormat::Json, &mut ours).unwrap();
                assert_eq!(ours, serde_json::to_vec(&d).unwrap());
            }
        }
        let one_by_one: Vec<_> = records.iter().map(seen).collect();
        let mut stream = grille::facts::stream_with(data, format, Options::default()).unwrap();
        let mut batched = Vec::new();
        let stopped: Option<()> = stream.map_parallel(
            2,
            |r, _| Ok(format!("{} {}", r.id, r.position)),
            |result| {
                batched.push(result.map(|(s, _)| s));
                ControlFlow::Continue(())
            },
        );
        assert!(stopped.is_none());
        assert_eq!(stream.tally(), tally);
        assert!(stream.finish().is_ok());
        assert_eq!(batched, one_by_one);
    }
});
