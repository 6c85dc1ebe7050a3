//! No English word reaches a French output: `eval`'s table and `grille test`'s
//! report, French by default, over the shipped rule files and the sample
//! workforce, carry none of the English catalogue's words
//! (`grille::catalogue::ENGLISH_WORDS`); `--lang en` still gives them.
//! (Diagnostics, rejection reasons and the decisions' warnings are not in the
//! catalogue yet: `check` and stderr are left out.)

use std::process::Command;

use grille::catalogue::ENGLISH_WORDS;

fn stdout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const RULES: [&str; 2] = ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"];

#[test]
fn french_outputs_carry_no_english_word() {
    for rules in RULES {
        for facts in ["examples/workforce.json", "tests/inputs/facts/paie-fr.csv"] {
            let args = ["eval", rules, facts, "--as-of", "2026-11-29"];
            let table = stdout(&args);
            assert!(table.starts_with("matricule"), "{table}");
            // Names for people: the job's declared name, not its id.
            assert!(
                table.contains("Conseiller clientèle") || table.contains("Téléconseiller"),
                "{table}"
            );
            for word in ENGLISH_WORDS {
                assert!(
                    !table.contains(word),
                    "{rules} {facts}: `{word}` in\n{table}"
                );
            }
        }
        let report = stdout(&["test", rules]);
        assert!(report.contains("réussi(s)"), "{report}");
        for word in ENGLISH_WORDS {
            assert!(!report.contains(word), "{rules}: `{word}` in\n{report}");
        }
    }
}

/// The shipped files have warnings only (errors are not in the catalogue yet).
#[test]
fn check_s_warnings_are_french() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            RULES[0],
            RULES[1],
            "rules/loi.grille",
            "examples/accord-entreprise.grille",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stderr).unwrap();
    assert!(report.contains("avertissement(s)"), "{report}");
    // Codes (`[grille::blank-cells]`) are identifiers, the same in every language.
    let report: String = report
        .lines()
        .map(|l| l.split(" [grille::").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    for word in ENGLISH_WORDS {
        assert!(!report.contains(word), "`{word}` in\n{report}");
    }
}

/// `tests/inputs/test/examples.grille` fails two examples on purpose.
#[test]
fn a_failed_example_is_reported_in_french() {
    let report = stdout(&["test", "tests/inputs/test/examples.grille"]);
    assert!(
        report.contains("ÉCHEC   Wrong on purpose: the coefficient"),
        "{report}"
    );
    assert!(
        report.contains("coefficient : attendu 130, obtenu 120"),
        "{report}"
    );
    assert!(report.contains("résultat : attendu a decision"), "{report}");
    assert_eq!(report.lines().last(), Some("2 réussi(s), 2 en échec"));
}

#[test]
fn english_is_on_request() {
    let args = [
        "eval",
        RULES[0],
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--lang",
        "en",
    ];
    let table = stdout(&args);
    assert!(table.starts_with("id "), "{table}");
    assert!(table.contains("below minimum"), "{table}");
    let report = stdout(&["test", RULES[0], "--lang", "en"]);
    assert!(report.trim_end().ends_with("passed, 0 failed"), "{report}");
}
