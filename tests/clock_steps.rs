//! The next step on a clock's threshold and `--why-not` on positions and
//! clocks (issue #22): hand-computed in tests/inputs/eval/grid-clocks-next-hcr
//! and grid-clocks-next-ic (notes.md there).

use std::process::Command;

const HCR: &str = "tests/inputs/eval/grid-clocks-hcr/rules.grille";
const HCR_FACTS: &str = "tests/inputs/eval/grid-clocks-next-hcr/facts.json";
const IC: &str = "tests/inputs/eval/grid-clocks-ic/rules.grille";
const IC_FACTS: &str = "tests/inputs/eval/grid-clocks-next-ic/facts.json";

fn grille(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("GRILLE_RUN_ON", "2026-12-01")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// N1: I.1 hired 2024-06-03, decided 2024-12-01: a year in the company on
/// 2025-06-03 (the same day-number twelve months later), the floor I.2 holds.
#[test]
fn explain_says_the_day_a_year_in_the_company_raises_i1_to_i2() {
    let text = grille(&[
        "explain",
        HCR,
        HCR_FACTS,
        "--id",
        "N1",
        "--as-of",
        "2024-12-01",
        "--why-not",
        "I.2",
    ]);
    assert!(
        text.contains("Prochaine étape automatique\n  3 juin 2025 : → I.2, à 1 an d'ancienneté dans l'entreprise\n"),
        "{text}"
    );
    // The position, never its rank; the route by the clock, with its day.
    assert!(
        text.contains("Pourquoi pas la position I.2 ?\n  position actuelle : I.1\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  - par le temps seul : I.2 le 3 juin 2025, à 1 an d'ancienneté dans l'entreprise\n"
        ),
        "{text}"
    );
}

#[test]
fn why_not_a_qualified_position_answers_with_the_clock_in_json() {
    let json = grille(&[
        "explain",
        HCR,
        HCR_FACTS,
        "--id",
        "N1",
        "--as-of",
        "2024-12-01",
        "--why-not",
        "hcr I.2",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let why = &v["why_not"];
    assert_eq!(
        why["target"],
        serde_json::json!({"position": "hcr I.2"}),
        "{why}"
    );
    assert_eq!(why["already"], false);
    let route = &why["routes"][0];
    assert_eq!(route["by"], "clock", "{why}");
    assert_eq!(route["on"], "2025-06-03");
    assert_eq!(route["reached"], "I.2");
    assert_eq!(route["clock"], "company");
    assert_eq!(route["at"], "1 year");
    // The decision's next step: the position, and no rank for `coefficient`.
    let next = &v["decision"]["next_step"];
    assert_eq!(next["on"], "2025-06-03", "{next}");
    assert_eq!(
        (&next["grid"], &next["position"]),
        (&"hcr".into(), &"I.2".into())
    );
    assert!(next.get("coefficient").is_none(), "{next}");
}

/// Q1: born 1997-06-02, IC 2.1 at 105 on 2023-06-01; 26 on 2023-06-02 → 115.
#[test]
fn why_not_115_is_the_26th_birthday_in_english() {
    let text = grille(&[
        "explain",
        IC,
        IC_FACTS,
        "--id",
        "Q1",
        "--as-of",
        "2023-06-01",
        "--why-not",
        "115",
        "--lang",
        "en",
    ]);
    assert!(
        text.contains("  2 June 2023: → 115, at 26 years of age\n"),
        "{text}"
    );
    assert!(
        text.contains("  - by time alone: 115 on 2 June 2023, at 26 years of age\n"),
        "{text}"
    );
}

#[test]
fn tables_and_csv_give_the_position_reached_not_a_rank() {
    let args = [
        "eval",
        HCR,
        HCR_FACTS,
        "--as-of",
        "2024-12-01",
        "--lang",
        "fr",
    ];
    let table = grille(&args);
    let n1 = table.lines().find(|l| l.starts_with("N1 ")).unwrap();
    assert!(n1.ends_with("→ I.2 le 3 juin 2025"), "{n1}");
    let csv = grille(&[&args[..], &["--format", "csv"]].concat());
    let n1 = csv.lines().find(|l| l.starts_with("N1,")).unwrap();
    // next_step_on, then an empty next_step_coefficient (columns 11 and 12).
    let cells: Vec<&str> = n1.split(',').collect();
    assert_eq!((cells[10], cells[11]), ("2025-06-03", ""), "{n1}");
    let ic = grille(&[
        "eval",
        IC,
        IC_FACTS,
        "--as-of",
        "2023-06-01",
        "--format",
        "csv",
    ]);
    let q1 = ic.lines().find(|l| l.starts_with("Q1,")).unwrap();
    let cells: Vec<&str> = q1.split(',').collect();
    assert_eq!((cells[10], cells[11]), ("2023-06-02", "115"), "{q1}");
}

/// Item 3: the level minimum of a position is the grid's `minimum de la grille
/// ic` line (rules/syntec-1486.grille:166), and cites that line's source, not
/// the position's (« Annexe II, position 2.1 … »).
#[test]
fn the_level_minimum_cites_the_grids_minimum_line() {
    let text = grille(&[
        "explain",
        "rules/syntec-1486.grille",
        "tests/inputs/eval/syntec-1486/facts.json",
        "--id",
        "S02",
        "--as-of",
        "2023-06-15",
    ]);
    let at = text
        .find("  minimum du niveau : ")
        .expect("the level minimum");
    let cited = text[at..].lines().nth(1).unwrap();
    assert_eq!(
        cited,
        "      « Avenant n° 47, art. 2 ; accord du 26 juin 2024, art. 1er et annexe » (rules/syntec-1486.grille:166:27)",
        "{text}"
    );
}
