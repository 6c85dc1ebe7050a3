//! Job names given in the facts resolve through the evaluator's name index
//! exactly as the rule set's general lookup says: the declared names and
//! aliases, their other spellings, and names no job has.

use grille::model::JobId;
use grille::names::{normalize, spellings};
use grille::RuleSet;

/// The general lookup: the exact name, else the normalised name if it names one job.
fn general(rules: &RuleSet, given: &str) -> Option<JobId> {
    if let Some(job) = rules.job_names_exact.get(given) {
        return Some(*job);
    }
    match rules.job_names.get(&normalize(given)).map(Vec::as_slice) {
        Some([job]) => Some(*job),
        _ => None,
    }
}

#[test]
fn every_spelling_resolves_as_the_general_lookup_says() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for path in ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"] {
        let (rules, _) = grille::load_path(path, Default::default()).unwrap();
        let evaluator = grille::Evaluator::new(&rules, as_of);
        let declared: Vec<&str> = rules
            .jobs
            .iter()
            .flat_map(|j| {
                std::iter::once(j.name.as_str()).chain(j.aliases.iter().map(String::as_str))
            })
            .collect();
        let mut resolved = 0;
        for name in &declared {
            let mut given = spellings(name);
            given.push(name.to_string());
            // Spellings the index does not hold: normalised on the way.
            given.push(format!(" {}-", name.to_uppercase()));
            given.push(name.replace(' ', "  "));
            given.push(format!("{name}x"));
            for g in &given {
                let ours = evaluator.job(g).ok();
                assert_eq!(ours, general(&rules, g), "{path}: {g:?}");
                resolved += usize::from(ours.is_some());
            }
        }
        assert!(resolved > 3 * declared.len(), "{path}: {resolved}");
    }
}

#[test]
fn an_ambiguous_name_stays_ambiguous_in_capitals() {
    let path = "rules/cgt-2008.grille";
    let (rules, _) = grille::load_path(path, Default::default()).unwrap();
    let evaluator = grille::Evaluator::new(
        &rules,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
    );
    for given in ["Animateur", "ANIMATEUR", "animateur"] {
        let reason = evaluator.job(given).unwrap_err();
        assert!(reason.contains("is ambiguous"), "{given}: {reason}");
    }
}
