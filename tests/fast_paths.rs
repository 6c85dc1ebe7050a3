//! The fast paths write what the general ones write: the hand-written JSON
//! encoder of `grille eval` against `serde_json` on the same decisions, over
//! generated workforces under both shipped rule files.

use chrono::NaiveDate;
use grille::report::{encode, OutputFormat};
use grille::sample::{Generator, SampleOptions};

#[test]
fn decisions_encode_as_serde_json_writes_them() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut seen = [0usize; 5];
    for path in ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"] {
        let (rules, _) = grille::load_path(path, Default::default()).unwrap();
        let sets = [rules];
        let options = SampleOptions {
            employees: 5000,
            seed: 3,
            as_of,
        };
        let generator = Generator::new(&sets, options).unwrap();
        let evaluator = grille::Evaluator::new(&sets[0], as_of);
        for record in generator.records().filter_map(Result::ok) {
            for traced in [false, true] {
                let decision = if traced {
                    evaluator.decide_traced(&record)
                } else {
                    evaluator.decide(&record)
                };
                let Ok(d) = decision else { continue };
                seen[0] += 1;
                seen[1] += usize::from(!d.warnings.is_empty());
                seen[2] += usize::from(!d.claims.is_empty());
                seen[3] += usize::from(d.trial.is_some());
                seen[4] += usize::from(d.salary_shortfall.is_some());
                let mut ours = Vec::new();
                encode(&d, OutputFormat::Jsonl, &mut ours).unwrap();
                let theirs = serde_json::to_string(&d).unwrap() + "\n";
                assert_eq!(String::from_utf8(ours).unwrap(), theirs);
            }
        }
    }
    // Every optional part of a decision was compared, many times.
    assert!(seen.iter().all(|n| *n > 20), "{seen:?}");
}
