//! Facts readers (JSON array, JSON Lines, CSV in any accepted encoding and
//! separator) and the decisions of the shipped rules.
//! Every record ends as one decision or one rejection; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

static RULES: std::sync::OnceLock<grille::RuleSet> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| {
        let text = include_str!("../../rules/cgt-2008.grille");
        grille::load("rules/cgt-2008.grille", text).expect("shipped rules").0
    });
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let evaluator = grille::Evaluator::new(rules, as_of);
    use grille::facts::{Format, Options};
    for format in [Format::Json, Format::JsonLines, Format::Csv] {
        let Ok(facts) = grille::facts::read_bytes(data, format, Options::default()) else { continue };
        for record in facts.records.iter().flatten() {
            let _ = evaluator.decide(record);
        }
    }
});
