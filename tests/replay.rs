//! `grille replay` (READING §12): hand-computed back-pay (notes in
//! tests/inputs/replay-unit/NOTES.md), properties over generated histories,
//! and, once they are in the tree, the oracle's cases of tests/inputs/replay.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use grille::facts::{Format, Month};
use grille::replay::{Replay, Replayer, Settings};
use grille::RuleSet;

fn rules() -> RuleSet {
    grille::load_path("rules/idcc2098-2002.grille", Default::default())
        .unwrap()
        .0
}

fn month(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    grille::facts::parse_date(text).unwrap()
}

fn money(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn replay_of<'r>(rules: &'r RuleSet, json: &str, range: (&str, &str), claim: &str) -> Replay<'r> {
    let facts = grille::facts::read(json, Format::JsonLines).unwrap();
    let record = facts.records[0].as_ref().unwrap();
    let settings = Settings {
        from: month(range.0),
        to: month(range.1),
        claim_on: day(claim),
    };
    Replayer::new(rules, settings).replay(record).unwrap()
}

/// NOTES.md, case 1: a band crossed mid-month, part time.
#[test]
fn a_band_crossed_mid_month_part_time() {
    let rules = rules();
    let json = r#"{"id":"U1","job":"Superviseur","job_since":"2025-03-15","hours":"121.34","pay":[{"month":"2025-09","salary":"1450.00"}]}"#;
    let r = replay_of(&rules, json, ("2025-09", "2025-09"), "2026-12-01");
    let m = &r.months[0];
    let cuts: Vec<(String, String, u32, String)> = m
        .segments
        .iter()
        .map(|s| {
            (
                s.from.to_string(),
                s.to.to_string(),
                s.coefficient,
                s.minimum.to_string(),
            )
        })
        .collect();
    assert_eq!(
        cuts,
        [
            (
                "2025-09-01".into(),
                "2025-09-14".into(),
                160,
                "1464.71".into()
            ),
            (
                "2025-09-15".into(),
                "2025-09-30".into(),
                170,
                "1474.57".into()
            ),
        ]
    );
    assert_eq!(m.owed, money("1469.97"));
    assert_eq!(m.shortfall, Some(money("19.97")));
    assert_eq!(
        r.rights
            .iter()
            .map(|r| (r.value, r.since.to_string()))
            .collect::<Vec<_>>(),
        [
            (160, "2025-03-15".to_string()),
            (170, "2025-09-15".to_string())
        ]
    );
}

/// NOTES.md, case 2: days after the departure count for nothing.
#[test]
fn days_after_the_departure_count_for_nothing() {
    let rules = rules();
    let json = r#"{"id":"U2","job":"Superviseur","job_since":"2025-03-15","hours":"121.34","left_on":"2025-09-20","pay":[{"month":"2025-09","salary":"978.45"},{"month":"2025-10","salary":"0.00"}]}"#;
    let r = replay_of(&rules, json, ("2025-09", "2025-11"), "2026-12-01");
    assert_eq!(r.months[0].owed, money("978.45"));
    assert_eq!(r.months[0].shortfall, Some(money("0.00")));
    assert_eq!(r.months[0].segments.last().unwrap().to, day("2025-09-20"));
    // After the contract: owed 0.00, no segment; a month without payslip there is not "unknown".
    assert_eq!(r.months[1].owed, money("0.00"));
    assert!(r.months[1].segments.is_empty());
    assert_eq!(r.months[2].paid, None);
    assert_eq!(r.totals.unknown_months, 0);
}

/// NOTES.md, case 3: prescription while the contract runs, the claim on the
/// last day of February; the paid-leave tenth rounded half-up.
#[test]
fn prescription_while_the_contract_runs_and_the_paid_leave_tenth() {
    let rules = rules();
    let json = r#"{"id":"U3","job":"Superviseur","job_since":"2023-01-01","pay":[{"month":"2024-01","salary":"1790.00"},{"month":"2024-02","salary":"1667.26"}]}"#;
    let r = replay_of(&rules, json, ("2024-01", "2024-02"), "2027-02-28");
    assert_eq!(r.months[0].owed, money("1790.71"));
    assert_eq!(r.months[1].owed, money("1790.71"));
    // 2027-02-28 − 3 years = 2024-02-28: January's pay date (2024-01-31) is before it.
    assert!(!r.months[0].claimable);
    assert!(r.months[1].claimable);
    assert_eq!(r.totals.prescribed, money("0.71"));
    assert_eq!(r.totals.claimable, money("123.45"));
    assert_eq!(r.totals.shortfall, money("124.16"));
    // 12.345 → 12.35.
    assert_eq!(r.totals.paid_leave, money("12.35"));
}

/// NOTES.md, case 4: the contract ended on R = 2025-06-30: up to R + 3 years
/// the claim covers the pay dates from R − 3 years; a day later, nothing.
#[test]
fn prescription_after_the_contract_ended() {
    let rules = rules();
    let json = r#"{"id":"U4","job":"Superviseur","job_since":"2022-01-03","left_on":"2025-06-30","pay":[{"month":"2022-05","salary":"1000.00"},{"month":"2022-06","salary":"1000.00"}]}"#;
    let on_time = replay_of(&rules, json, ("2022-05", "2022-06"), "2028-06-30");
    assert_eq!(
        on_time
            .months
            .iter()
            .map(|m| m.claimable)
            .collect::<Vec<_>>(),
        [false, true]
    );
    let late = replay_of(&rules, json, ("2022-05", "2022-06"), "2028-07-01");
    assert!(late.months.iter().all(|m| !m.claimable));
    assert_eq!(late.totals.claimable, money("0.00"));
    assert_eq!(late.totals.prescribed, late.totals.shortfall);
    // Running contract, same claim day: C − 3 years = 2025-06-30, both prescribed.
    let running = json.replace(r#","left_on":"2025-06-30""#, "");
    let running = replay_of(&rules, &running, ("2022-05", "2022-06"), "2028-06-30");
    assert!(running.months.iter().all(|m| !m.claimable));
}

/// A history over many seeds: sample employees with their pay.
fn histories(rules: &RuleSet, seed: u64, employees: u64) -> Vec<grille::facts::Record> {
    let options = grille::sample::SampleOptions {
        employees,
        seed,
        as_of: day("2026-11-29"),
    };
    let sets = [rules.clone()];
    let generator = grille::sample::Generator::new(&sets, options).unwrap();
    let mut text = Vec::new();
    let history = grille::replay::sample::PayHistory {
        months: 30,
        full: false,
    };
    grille::replay::sample::write_sample(&generator, history, &mut text).unwrap();
    let facts =
        grille::facts::read(std::str::from_utf8(&text).unwrap(), Format::JsonLines).unwrap();
    facts.records.into_iter().map(Result::unwrap).collect()
}

fn settings(from: &str, to: &str) -> Settings {
    Settings {
        from: month(from),
        to: month(to),
        claim_on: day("2026-12-01"),
    }
}

#[test]
fn paying_exactly_the_minimum_owed_leaves_no_shortfall() {
    let rules = rules();
    let replayer = Replayer::new(&rules, settings("2024-06", "2026-10"));
    for seed in 1..=4 {
        for mut record in histories(&rules, seed, 40) {
            let first = replayer.replay(&record).unwrap();
            let history = record.history.as_mut().unwrap();
            history.pay.clear();
            for m in first.months.iter().filter(|m| m.employed) {
                history
                    .add_pay(grille::facts::Pay {
                        month: m.month,
                        salary: m.owed,
                        hours: None,
                        coefficient: None,
                    })
                    .unwrap();
            }
            let again = replayer.replay(&record).unwrap();
            assert_eq!(again.totals.shortfall, money("0.00"), "{}", record.id);
            assert_eq!(again.totals.unknown_months, 0, "{}", record.id);
            assert!(again
                .months
                .iter()
                .all(|m| m.shortfall.is_none_or(|s| s.is_zero())));
        }
    }
}

#[test]
fn a_longer_range_never_changes_the_months_in_common() {
    let rules = rules();
    let short = Replayer::new(&rules, settings("2025-01", "2025-12"));
    let long = Replayer::new(&rules, settings("2024-03", "2026-10"));
    for seed in 5..=7 {
        for record in histories(&rules, seed, 40) {
            let a = short.replay(&record).unwrap();
            let b = long.replay(&record).unwrap();
            for m in &a.months {
                let same = b.months.iter().find(|n| n.month == m.month).unwrap();
                assert_eq!(m.owed, same.owed, "{} {}", record.id, m.month);
                assert_eq!(m.segments, same.segments, "{} {}", record.id, m.month);
            }
            let owed = |r: &Replay| -> Decimal { r.months.iter().map(|m| m.owed).sum() };
            assert!(owed(&b) >= owed(&a), "{}", record.id);
        }
    }
}

#[test]
fn the_totals_add_up() {
    let rules = rules();
    let replayer = Replayer::new(&rules, settings("2023-11", "2026-10"));
    for seed in 8..=10 {
        for record in histories(&rules, seed, 40) {
            let r = replayer.replay(&record).unwrap();
            let t = &r.totals;
            let sum = |claimable: Option<bool>| -> Decimal {
                r.months
                    .iter()
                    .filter(|m| claimable.is_none_or(|c| m.claimable == c))
                    .filter_map(|m| m.shortfall)
                    .sum()
            };
            assert_eq!(t.shortfall, sum(None));
            assert_eq!(t.claimable, sum(Some(true)));
            assert_eq!(t.prescribed, sum(Some(false)));
            assert_eq!(t.shortfall, t.claimable + t.prescribed);
            let unknown = r
                .months
                .iter()
                .filter(|m| m.employed && m.paid.is_none())
                .count();
            assert_eq!(t.unknown_months, unknown);
            for m in &r.months {
                // Segments cover the contract's days of the month, in order, without gaps.
                for pair in m.segments.windows(2) {
                    assert_eq!(pair[0].to.succ_opt(), Some(pair[1].from));
                }
                assert_eq!(m.owed, grille::replay::owed(&m.segments, m.month.days()));
            }
        }
    }
}

/// The oracle's hand-computed cases (tests/inputs/replay, from the oracle
/// branch): each file's months and totals as the engine gives them.
#[test]
fn the_oracle_cases_agree() {
    let Ok(entries) = std::fs::read_dir("tests/inputs/replay") else {
        return;
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    paths.sort();
    for args in paths {
        let flags: Vec<String> = std::fs::read_to_string(&args)
            .unwrap()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
            .args([
                "replay",
                "rules/idcc2098-2002.grille",
                "examples/history.json",
                "--format",
                "json",
            ])
            .args(&flags)
            .output()
            .unwrap();
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(args.with_extension("expected.json")).unwrap(),
        )
        .unwrap();
        let expected = expected.as_array().map_or(&expected, |a| &a[0]);
        let got = &got[0];
        for field in ["id", "claim_on", "totals"] {
            assert_eq!(got[field], expected[field], "{} {field}", args.display());
        }
        for (m, e) in got["months"]
            .as_array()
            .unwrap()
            .iter()
            .zip(expected["months"].as_array().unwrap())
        {
            for (key, value) in e.as_object().unwrap() {
                assert_eq!(&m[key], value, "{} {} {key}", args.display(), e["month"]);
            }
        }
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    // Not an English locale: what replay says on stderr is French, unless `--lang en`.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .arg("replay")
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const RULES: &str = "rules/idcc2098-2002.grille";
const HISTORY: &str = "tests/inputs/replay-unit/history.jsonl";

#[test]
fn months_must_be_months_in_order() {
    let (code, _, err) = cli(&[RULES, HISTORY, "--from", "2025-13", "--to", "2025-12"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`2025-13` is not a month written YYYY-MM"),
        "{err}"
    );
    let (code, _, err) = cli(&[
        RULES,
        HISTORY,
        "--from",
        "2025-12",
        "--to",
        "2025-01",
        "--claim-on",
        "2026-12-01",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("le premier mois (2025-12) est après le dernier (2025-01)"),
        "{err}"
    );
}

#[test]
fn an_unknown_id_is_said_and_fails() {
    let (code, out, err) = cli(&[
        RULES,
        HISTORY,
        "--from",
        "2025-09",
        "--to",
        "2025-09",
        "--claim-on",
        "2026-12-01",
        "--id",
        "U1",
        "--id",
        "NOBODY",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("aucun salarié de matricule `NOBODY`"), "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with(r#"{"id":"U1""#));
}

#[test]
fn a_french_pay_file_is_joined_and_a_payslip_of_nobody_reported() {
    let (code, out, err) = cli(&[
        RULES,
        HISTORY,
        "--pay",
        "tests/inputs/replay-unit/pay.csv",
        "--from",
        "2025-09",
        "--to",
        "2025-10",
        "--claim-on",
        "2026-12-01",
        "--id",
        "U5",
        "--format",
        "csv",
    ]);
    // GHOST is not asked (--id U5): nothing to report about it.
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows[0].starts_with("id,row,month,"), "{out}");
    // September: 1 450,00 paid against 1 469,97 owed (NOTES.md, case 1).
    assert!(
        rows[1].starts_with(
            "U5,month,2025-09,superviseur,confirme,170,,agreement,1469.97,1450.00,19.97,19.97,,0,"
        ),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains(",1474.57,1474.57,0.00,0.00,,0,"),
        "{}",
        rows[2]
    );
    assert!(
        rows[3].starts_with("U5,total,,,,,,,2944.54,2924.57,19.97,19.97,0.00,0,2.00,"),
        "{}",
        rows[3]
    );
    let (code, _, err) = cli(&[
        RULES,
        HISTORY,
        "--pay",
        "tests/inputs/replay-unit/pay.csv",
        "--from",
        "2025-09",
        "--to",
        "2025-10",
        "--claim-on",
        "2026-12-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "tests/inputs/replay-unit/pay.csv: ligne 3, champ `id` : aucun salarié `GHOST`"
        ),
        "{err}"
    );
}

#[test]
fn contradictions_reject_the_record_with_field_and_reason() {
    let (code, out, err) = cli(&[
        "rules/idcc2098-2002.grille",
        "tests/inputs/replay-unit/contradictions.jsonl",
        "--from",
        "2024-01",
        "--to",
        "2024-02",
        "--claim-on",
        "2026-12-01",
        "--format",
        "jsonl",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "{err}");
    for expected in [
        "line 1 (id C1), field `jobs[0].since`: 2024-03-01 is not before job_since (2024-01-01)",
        "line 2 (id C2), field `pay[1].month`: the month 2024-02 is given twice (pay[0] and pay[1])",
        "line 3 (id C3), field `diplomas[1].since`: 2020-06-30 is not after the previous diploma's (2023-05-01)",
        "line 4 (id C4), field `left_on`: the contract ends (2022-12-31) before it starts (hired_on 2023-01-01)",
        "line 5 (id C5), field `pay[0].month`: `2024-13` is not a month written YYYY-MM",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert_eq!(out.lines().count(), 1);
    assert!(err.contains("1 replayed, 5 rejected"), "{err}");
}

/// An evaluator made for another day from one of the same rules decides as
/// one built for that day.
#[test]
fn an_evaluator_for_another_day_decides_as_a_new_one() {
    let rules = rules();
    let records = histories(&rules, 11, 60);
    let base = grille::Evaluator::new(&rules, day("2023-11-01"));
    for offset in [0u64, 17, 95, 400, 1000] {
        let on = day("2023-11-01") + chrono::Days::new(offset);
        let shared = base.on_day(on);
        let fresh = grille::Evaluator::new(&rules, on);
        for record in &records {
            let mut record = record.clone();
            record.history = None;
            assert_eq!(
                shared.decide(&record),
                fresh.decide(&record),
                "{} {on}",
                record.id
            );
        }
    }
}

/// A month beyond what the rule files know (`connu jusqu'au 2026-12-31`) says
/// so, with the month; the months before do not.
#[test]
fn a_month_beyond_what_the_rules_know_is_said_with_the_month() {
    let (code, out, err) = cli(&[
        RULES,
        HISTORY,
        "--id",
        "U1",
        "--from",
        "2026-12",
        "--to",
        "2027-01",
        "--claim-on",
        "2027-02-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
    let warnings: Vec<&str> = answer["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(!warnings.is_empty());
    for w in &warnings {
        assert!(
            w.starts_with("2027-01: ") && w.contains("known to hold until 2026-12-31"),
            "{w}"
        );
    }
}

#[test]
fn the_dossier_and_the_english_text() {
    let args = [
        RULES,
        HISTORY,
        "--id",
        "U1",
        "--from",
        "2025-09",
        "--to",
        "2025-09",
        "--claim-on",
        "2026-12-01",
    ];
    let (code, html, err) = cli(&[&args[..], &["--format", "html"]].concat());
    assert_eq!(code, 0, "{err}");
    for part in [
        "<html lang=\"fr\">",
        "@page { size: A4",
        "<svg",
        "Coefficient 170 dû depuis le 15 septembre 2025",
        "<pre>",
        "rules/loi.grille",
    ] {
        assert!(html.contains(part), "{part}");
    }
    let (code, text, _) = cli(&[&args[..], &["--lang", "en"]].concat());
    assert_eq!(code, 0);
    assert!(
        text.starts_with("Employee U1 — back-pay 2025-09 … 2025-09, claim of 1 December 2026"),
        "{text}"
    );
    assert!(
        text.contains(
            // The band's label (rules/idcc2098-2002.grille, `tranche confirme`).
            "coefficient 170 owed since 15 September 2025 : band Confirmé (6 à 12 mois) in Superviseur"
        ),
        "{text}"
    );
    let (code, _, err) = cli(&[
        RULES, HISTORY, "--from", "2025-09", "--to", "2025-09", "--format", "html",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("donnez un --id"), "{err}");
}
