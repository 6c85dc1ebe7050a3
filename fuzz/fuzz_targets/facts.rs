//! Facts readers (JSON array, JSON Lines, CSV in any accepted encoding and
//! separator) and the decisions of the shipped rules.
//! Every record ends as one decision or one rejection; nothing panics; the
//! parallel batches of `grille eval` give what reading one record at a time
//! gives; the hand-written JSON of a decision, with and without its trace, is
//! serde_json's.
#![no_main]

use std::ops::ControlFlow;

use grille::facts::{Format, Options, Record, Rejection};
use grille::report::{encode, OutputFormat};
use libfuzzer_sys::fuzz_target;

static RULES: std::sync::OnceLock<grille::RuleSet> = std::sync::OnceLock::new();

/// A record as both readings must give it: its id and position, or the rejection.
fn seen(record: &Result<Record, Rejection>) -> Result<String, Rejection> {
    record.as_ref().map(|r| format!("{} {}", r.id, r.position)).map_err(Clone::clone)
}

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| {
        let text = include_str!("../../rules/cgt-2008.grille");
        grille::load("rules/cgt-2008.grille", text).expect("shipped rules").0
    });
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let evaluator = grille::Evaluator::new(rules, as_of);
    for format in [Format::Json, Format::JsonLines, Format::Csv] {
        let Ok(facts) = grille::facts::read_bytes(data, format, Options::default()) else { continue };
        for record in facts.records.iter().flatten() {
            for d in [evaluator.decide(record), evaluator.decide_traced(record)].into_iter().flatten() {
                let mut ours = Vec::new();
                encode(&d, OutputFormat::Json, &mut ours).unwrap();
                assert_eq!(ours, serde_json::to_vec(&d).unwrap());
            }
        }
        let one_by_one: Vec<_> = facts.records.iter().map(seen).collect();
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
        assert_eq!(batched, one_by_one);
    }
});
