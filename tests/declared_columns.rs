//! `--columns` names the fields a rule set declares (`fait naissance : date,
//! champ born_on`), on every command that reads facts: a French payroll CSV
//! whose header says `Date de naissance` is decided as its JSON twin is.
//!
//! Fixtures: tests/inputs/facts/syntec-naissance.csv (French headers, `;`,
//! dates day first, decimal commas) and syntec-naissance.json (the same three
//! employees), rules/syntec-1486.grille, as of 2025-03-02 (the 2024 accord's
//! amounts apply from 2025-01-01). Hand values, from the rule file:
//! - E01, IC 2.1, born 1999-03-02: 26 years old on the day (annexe II, 2.1,
//!   « âgés de 26 ans au moins ») → coefficient 115 → smh_ic[115] = 2530 €;
//! - E02, IC 2.1, born 1999-03-03: 25 the day before the birthday → 105 →
//!   smh_ic[105] = 2315 €;
//! - E03, IC 2.2, no date of birth (2.2 does not read it) → 130 → 2850 €.
//!   Full time (no hours): the minimum is the amount itself.

use std::process::Command;

const RULES: &str = "rules/syntec-1486.grille";
const CSV: &str = "tests/inputs/facts/syntec-naissance.csv";
const JSON: &str = "tests/inputs/facts/syntec-naissance.json";
const BORN_ON: &str = "born_on=Date de naissance";
const AS_OF: &str = "2025-03-02";

/// French unless `--lang en`: LANG is not an English locale.
fn grille(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

fn eval(facts: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["eval", RULES, facts, "--as-of", AS_OF, "--format", "jsonl"];
    args.extend_from_slice(extra);
    grille(&args)
}

/// Each decision's id, coefficient and minimum salary.
fn decided(jsonl: &str) -> Vec<(String, u64, String)> {
    jsonl
        .lines()
        .map(|line| {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                d["id"].as_str().unwrap().to_string(),
                d["coefficient"].as_u64().unwrap(),
                d["minimum_salary"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn hand_values() -> Vec<(String, u64, String)> {
    [
        ("E01", 115, "2530.00"),
        ("E02", 105, "2315.00"),
        ("E03", 130, "2850.00"),
    ]
    .map(|(id, c, m)| (id.to_string(), c, m.to_string()))
    .to_vec()
}

#[test]
fn a_french_csv_with_the_flag_is_decided_as_its_json_twin() {
    let (code, json, stderr) = eval(JSON, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(decided(&json), hand_values());
    for columns in [BORN_ON, "tests/inputs/facts/syntec-colonnes.txt"] {
        let (code, csv, stderr) = eval(CSV, &["--columns", columns]);
        assert_eq!(code, 0, "{columns}: {stderr}");
        assert_eq!(csv, json, "{columns}");
        assert!(stderr.contains("3 décidé(s), 0 rejeté(s)"), "{stderr}");
        assert!(!stderr.contains("ignorés"), "{stderr}");
    }
}

#[test]
fn without_the_flag_the_column_is_ignored_and_the_fact_missing() {
    let (code, out, stderr) = eval(CSV, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(decided(&out), hand_values()[2..]);
    assert!(stderr.contains("ignorés : `Date de naissance`"), "{stderr}");
    assert!(
        stderr.contains("ligne 2 (id E01), champ `born_on` : ce champ manque"),
        "{stderr}"
    );
}

#[test]
fn explain_and_replay_read_the_named_column() {
    let explain = |facts: &str, extra: &[&str]| {
        let mut args = vec!["explain", RULES, facts, "--id", "E02", "--as-of", AS_OF];
        args.extend_from_slice(&["--run-on", AS_OF]);
        args.extend_from_slice(extra);
        grille(&args)
    };
    let (code, from_json, stderr) = explain(JSON, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        from_json.contains("né le 3 mars 1999 (25 ans révolus au 2 mars 2025)"),
        "{from_json}"
    );
    let (code, from_csv, stderr) = explain(CSV, &["--columns", BORN_ON]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(from_csv, from_json);
    // January 2025: E01 is 25 (26 on 2025-03-02), so 105 and smh_ic[105] = 2 315 €
    // (written with no-break spaces).
    let replay = [
        "replay",
        RULES,
        CSV,
        "--columns",
        BORN_ON,
        "--id",
        "E01",
        "--from",
        "2025-01",
        "--to",
        "2025-01",
    ];
    let (code, out, stderr) = grille(&replay);
    assert_eq!(code, 0, "{stderr}");
    let january = out.lines().find(|l| l.starts_with("01/2025")).unwrap_or("");
    assert!(
        january.contains("105") && january.contains("2\u{a0}315,00\u{a0}€"),
        "{out}"
    );
}

#[test]
fn diff_reads_the_named_column_for_both_rule_sets() {
    let diff = |facts: &str, extra: &[&str]| {
        let mut args = vec![
            "diff", RULES, RULES, facts, "--as-of", AS_OF, "--format", "json",
        ];
        args.extend_from_slice(extra);
        let (code, out, stderr) = grille(&args);
        assert_eq!(code, 0, "{stderr}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let employees = report["employees"].as_array().cloned().unwrap_or_default();
        let after: Vec<(String, u64)> = employees
            .iter()
            .map(|e| {
                let id = e["id"].as_str().unwrap_or_default().to_string();
                (id, e["after"]["coefficient"].as_u64().unwrap_or(0))
            })
            .collect();
        (after, report["summary"].clone())
    };
    let from_json = diff(JSON, &[]);
    let expected: Vec<(String, u64)> = hand_values()
        .into_iter()
        .map(|(id, c, _)| (id, c))
        .collect();
    assert_eq!(from_json.0, expected);
    assert_eq!(diff(CSV, &["--columns", BORN_ON]), from_json);
}

#[test]
fn a_field_unknown_given_twice_or_without_its_column_is_refused_naming_the_flag() {
    let (code, _, stderr) = eval(CSV, &["--columns", "born=Date de naissance"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("--columns : `born` n'est pas un champ des faits"),
        "{stderr}"
    );
    assert!(
        stderr.contains("position, position_since ; déclarés par le jeu de règles : born_on"),
        "{stderr}"
    );
    let (code, _, stderr) = eval(
        CSV,
        &["--lang", "en", "--columns", "born=Date de naissance"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("--columns: `born` is not a field of the facts; the fields a CSV column"),
        "{stderr}"
    );
    assert!(
        stderr.contains("; declared by the rule set: born_on"),
        "{stderr}"
    );
    let twice = "born_on=Date de naissance,born_on=Matricule";
    let (code, _, stderr) = eval(CSV, &["--columns", twice]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`born_on` reçoit deux colonnes"),
        "{stderr}"
    );
    let two_names = "born_on=Date de naissance,BORN_ON=Matricule";
    let (code, _, stderr) = eval(CSV, &["--columns", two_names]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`born_on` et `BORN_ON` nomment tous deux le fait déclaré `born_on`"),
        "{stderr}"
    );
    let (code, _, stderr) = eval(CSV, &["--columns", "born_on=Naissance"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr
            .contains("--columns born_on=Naissance : l'en-tête CSV n'a pas de colonne `Naissance`"),
        "{stderr}"
    );
    // A rule set that declares no fact: the name is not a field, and the message says so.
    let (code, _, stderr) = grille(&["eval", "rules/cgt-2008.grille", CSV, "--columns", BORN_ON]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`born_on` n'est pas un champ des faits")
            && stderr.contains("le jeu de règles n'en déclare aucun autre"),
        "{stderr}"
    );
}
