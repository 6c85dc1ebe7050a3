//! The SMIC radar over time: when each level of the rules in force was below
//! the SMIC, checked by hand against the accords and the SMIC table in
//! tests/inputs/radar/notes.md.

mod common;

use chrono::NaiveDate;
use grille::radar::{self, Period};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn period(from: &str, last: Option<&str>) -> Period {
    Period {
        from: day(from),
        // `until` is the first day above again: the day after the last one below.
        until: last.map(|l| day(l).succ_opt().unwrap()),
    }
}

fn load(path: &str) -> grille::RuleSet {
    grille::load_path(path, Default::default()).unwrap().0
}

#[test]
fn the_lowest_coefficients_in_force_below_the_smic_since_2008() {
    let rules = load("rules/idcc2098-2002.grille");
    let since = radar::first_dated_day(&rules).unwrap();
    let levels = radar::periods_below_legal_minimum(&rules, since, day("2026-11-29"));
    let level = |n: u32| levels.iter().find(|l| l.level == n).unwrap();
    let stretch = |n: u32, c: u32| {
        let l = level(n);
        l.stretches
            .iter()
            .find(|s| s.coefficients.contains(&c))
            .map(|s| s.periods.clone())
            .unwrap_or_default()
    };
    let expected_120 = [
        period("2008-05-01", Some("2008-11-30")),
        period("2009-07-01", Some("2013-08-31")),
        period("2014-01-01", Some("2016-08-31")),
        period("2017-01-01", Some("2020-08-31")),
        period("2021-01-01", Some("2023-03-31")),
        period("2023-05-01", Some("2025-06-30")),
        period("2026-01-01", None),
    ];
    assert_eq!(stretch(1, 120), expected_120);
    let p130 = stretch(1, 130);
    assert_eq!(p130, stretch(1, 140));
    assert_eq!(p130[1], period("2009-07-01", Some("2011-12-31")));
    assert_eq!(p130[2], period("2012-07-01", Some("2013-08-31")));
    let p160 = stretch(2, 160);
    assert_eq!(p160[0], period("2011-01-01", Some("2011-12-31")));
    assert_eq!(p160[1], period("2013-01-01", Some("2013-08-31")));
    assert!(p160.contains(&period("2021-10-01", Some("2023-03-31"))));
    assert!(p160.contains(&period("2024-01-01", Some("2025-06-30"))));
    assert_eq!(
        stretch(3, 170),
        [
            period("2022-01-01", Some("2023-03-31")),
            period("2024-11-01", Some("2025-06-30")),
        ]
    );
    assert_eq!(stretch(3, 190)[0], period("2022-08-01", Some("2022-08-31")));
    assert_eq!(level(1).below_on_last_day, [120, 130, 140]);
    assert!(
        level(2).below_on_last_day.is_empty(),
        "150 at 1 829,47 is above"
    );
    for n in 4..=9 {
        assert!(level(n).stretches.is_empty(), "level {n} never below");
    }
    let line = radar::level_line(level(1));
    assert!(
        line.starts_with("niveau 1 : coefficient 120 : sous le SMIC du 2008-05-01 au 2008-11-30"),
        "{line}"
    );
    assert!(line.contains("coefficients 130, 140 : "), "{line}");
}

#[test]
fn check_radar_prints_one_line_per_level() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "check",
            "rules/idcc2098-2002.grille",
            "--radar",
            "--as-of",
            "2026-11-29",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  niveau "))
        .collect();
    assert_eq!(lines.len(), 9, "{text}");
    assert!(lines[0].contains("depuis le 2026-01-01"), "{}", lines[0]);
    // Level 1's declaration, wherever edits of the file move it.
    let level = |n: u32| common::line_of("rules/idcc2098-2002.grille", &format!("  niveau {n} :"));
    let level_1 = level(1);
    assert!(
        lines[0].ends_with(&format!("(rules/idcc2098-2002.grille:{level_1}:3)")),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[3],
        format!(
            "  niveau 4 : jamais sous le SMIC  (rules/idcc2098-2002.grille:{}:3)",
            level(4)
        )
    );
    // A range level of the proposal is written as a range.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "check",
            "rules/cgt-2008.grille",
            "--radar",
            "--as-of",
            "2026-11-29",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("niveau 1 : coefficients 120 à 140 : sous le SMIC"),
        "{text}"
    );
}

#[test]
fn the_diff_report_counts_the_employees_below_the_smic_now() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "diff",
            "rules/idcc2098-2002.grille",
            "rules/cgt-2008.grille",
            "examples/workforce.json",
            "--as-of",
            "2026-11-29",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let radar = text.split("Radar du SMIC").nth(1).expect("a radar section");
    let level_1 = radar
        .lines()
        .find(|l| l.trim_start().starts_with("niveau 1 : coefficient 120"))
        .unwrap();
    // 7 + 4 + 23 employees at 120, 130, 140 under the rules in force.
    assert!(
        level_1.ends_with("au 2026-11-29 : 34 salariés"),
        "{level_1}"
    );
}
