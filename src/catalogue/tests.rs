//! The catalogue's texts, each said in both languages.

use super::*;

/// One of each text, to look at both wordings.
fn every_text() -> Vec<Text<'static>> {
    let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    let march = crate::facts::Month::of(day);
    let mut all: Vec<Text> = (0..HEADERS.len()).map(Text::TableHeader).collect();
    all.extend([
        Text::Shortfall(Decimal::new(5000, 2)),
        Text::CoefficientOwed(20),
        Text::SmicApplies,
        Text::Claim {
            job: "superviseur",
            since: day,
        },
        Text::Trial {
            status: TrialState::Running,
            end: day,
        },
        Text::Trial {
            status: TrialState::Completed,
            end: day,
        },
        Text::Trial {
            status: TrialState::Broken,
            end: day,
        },
        Text::NextStep {
            coefficient: "190".to_string(),
            on: day,
        },
        Text::Warnings(2),
        Text::MinimumFrom(crate::eval::MinimumFrom::Law),
        Text::Position(crate::facts::Position::Line(3)),
        Text::Position(crate::facts::Position::Record(3)),
        Text::MinimumFrom(crate::eval::MinimumFrom::Agreement),
        Text::MinimumFrom(crate::eval::MinimumFrom::Company),
        Text::ExamplePassed,
        Text::ExampleFailed,
        Text::ExamplesCount {
            passed: 35,
            failed: 1,
        },
        Text::CheckCount {
            errors: 1,
            warnings: 20,
        },
        Text::WarningsShownBy {
            warnings: 20,
            file: "rules/cgt-2008.grille",
        },
        Text::RuleWarnings {
            warnings: 20,
            file: "rules/cgt-2008.grille",
        },
        Text::RadarHeading {
            since: day,
            until: day,
        },
        Text::NotUnderLaw,
        Text::DiffSummary {
            records: 60,
            as_of: day,
            both: 44,
            base_only: 0,
            proposal_only: 16,
            rejected: 0,
        },
        Text::RightOfBand {
            band: "Confirmé (6 à 12 mois)",
            job: "Agent d'accueil",
        },
        Text::ReplaySummary {
            replayed: 3,
            rejected: 1,
            from: march,
            to: march,
            claim_on: day,
        },
        Text::ReplayRange {
            from: march,
            to: march,
        },
        Text::NoEmployeeWithId {
            id: "E404",
            facts: "examples/history.json",
        },
        Text::PayUnjoined {
            position: crate::facts::Position::Line(3),
            id: "E404",
            facts: "examples/history.json",
            month: march,
        },
    ]);
    for ended in [Ended::Done, Ended::Strict, Ended::Broken] {
        all.push(Text::EvalSummary {
            decided: 11,
            rejected: 2,
            empty_rows: 4,
            as_of: day,
            ended,
        });
    }
    all.extend(EXPECTED.iter().map(|(what, _)| Text::Expected {
        what,
        expected: "200",
        got: "210",
    }));
    all
}

#[test]
fn every_text_is_said_in_both_languages() {
    for text in every_text() {
        let (fr, en) = text.both();
        assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{text:?}");
    }
}

#[test]
fn no_english_word_in_a_french_text() {
    for text in every_text() {
        let (fr, _) = text.both();
        for word in ENGLISH_WORDS {
            assert!(!fr.contains(word), "{text:?}: {fr}");
        }
    }
    let failed = Text::Expected {
        what: "coefficient",
        expected: "200",
        got: "210",
    };
    assert_eq!(
        failed.say(Lang::Fr),
        "coefficient : attendu 200, obtenu 210"
    );
    assert_eq!(failed.say(Lang::En), "coefficient: expected 200, got 210");
}
