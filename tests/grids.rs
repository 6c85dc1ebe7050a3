//! Named grids in every output (issue #22): the position and its grid are
//! shown, and a grid without coefficients gives no coefficient.

use std::process::Command;

const ECHELONS: &str = "tests/inputs/eval/grid-echelons";
const POSITIONS: &str = "tests/inputs/eval/grid-positions";

fn eval(folder: &str, as_of: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["eval", &format!("{folder}/rules.grille")])
        .arg(format!("{folder}/facts.json"))
        .args(["--as-of", as_of, "--format", format, "--lang", "fr"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_grid_without_coefficients_gives_positions_not_ranks() {
    let json = eval(ECHELONS, "2025-06-01", "json");
    let decisions: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let h2 = decisions.iter().find(|d| d["id"] == "H2").unwrap();
    // I.2 by the conditional floor: its rank is a number the contract never shows.
    assert_eq!(
        (&h2["grid"], &h2["position"]),
        (&"hcr".into(), &"I.2".into())
    );
    assert!(h2.get("coefficient").is_none(), "{h2}");
    let csv = eval(ECHELONS, "2025-06-01", "csv");
    let h2 = csv.lines().find(|l| l.starts_with("H2,")).unwrap();
    assert_eq!(h2.split(',').nth(3), Some(""), "{h2}");
    // The position is not lost in CSV: the last two columns, grid and position.
    assert!(
        csv.starts_with("id,") && csv.lines().next().unwrap().ends_with(",grid,position"),
        "{csv}"
    );
    assert!(h2.ends_with(",hcr,I.2"), "{h2}");
    let table = eval(ECHELONS, "2025-06-01", "table");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("H2") && l.contains("hcr I.2")),
        "{table}"
    );
}

#[test]
fn a_grid_with_coefficients_shows_both() {
    let table = eval(POSITIONS, "2023-06-01", "table");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("S1") && l.contains("115 (ic 2.1)")),
        "{table}"
    );
    let json = eval(POSITIONS, "2023-06-01", "json");
    let decisions: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let s4 = decisions.iter().find(|d| d["id"] == "S4").unwrap();
    assert_eq!(
        (&s4["grid"], &s4["coefficient"]),
        (&"etam".into(), &240.into())
    );
}

#[test]
fn explain_names_the_position_and_its_grid() {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["explain", &format!("{POSITIONS}/rules.grille")])
        .arg(format!("{POSITIONS}/facts.json"))
        .args([
            "--as-of",
            "2023-06-01",
            "--id",
            "S1",
            "--run-on",
            "2023-06-01",
            "--lang",
            "fr",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("position « 2.1 » de la grille ic (coefficient 115) : niveau 2"),
        "{text}"
    );
    assert!(text.contains("position déclarée : « ic 2.1 »"), "{text}");
}

fn grille(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// The French CSV and the workbook's columns end the same way as the plain CSV.
#[test]
fn the_french_csv_ends_with_the_grid_and_position() {
    let csv = grille(&[
        "eval",
        &format!("{ECHELONS}/rules.grille"),
        &format!("{ECHELONS}/facts.json"),
        "--as-of",
        "2025-06-01",
        "--format",
        "csv",
        "--csv-fr",
    ]);
    let header = csv.lines().find(|l| l.contains("Matricule")).unwrap();
    assert!(header.ends_with(";Grille;Position"), "{header}");
    let h2 = csv.lines().find(|l| l.starts_with("H2;")).unwrap();
    assert!(h2.ends_with(";hcr;I.2"), "{h2}");
    // A decision off any grid leaves both cells empty (the call centres' files).
    let cgt = grille(&[
        "eval",
        "rules/cgt-2008.grille",
        "examples/workforce.json",
        "--as-of",
        "2026-11-29",
        "--format",
        "csv",
    ]);
    let row = cgt.lines().find(|l| l.starts_with("E0")).unwrap();
    assert!(
        row.ends_with(",agreement,,") || row.ends_with(",law,,"),
        "{row}"
    );
}

/// HCR's ranks are positions to people: the radar and the SMIC warning of
/// `check` name `I.1`, never the rank number "coefficient 1". (I.1 is below
/// the SMIC on 2026-06-01: avenant 33's 12,00 €/h against the SMIC's 12,02 €,
/// i.e. 1 820,04 € against 1 823,03 € a month: `tests/published/hcr.rs`.)
#[test]
fn the_radar_names_positions_on_a_grid_without_coefficients() {
    let check = grille(&["check", "rules/hcr-1979.grille", "--as-of", "2026-06-01"]);
    // Amounts are written with no-break spaces, as French prints them.
    assert!(
        check.contains("le niveau 1 (position I.1) paie 1\u{a0}820,04\u{a0}€"),
        "{check}"
    );
    assert!(!check.contains("coefficients 1"), "{check}");
    let radar = grille(&["check", "rules/hcr-1979.grille", "--radar"]);
    assert!(
        radar.contains("niveau 1 : position I.1 : sous le SMIC"),
        "{radar}"
    );
    assert!(
        radar.contains("niveau 5 : position V.3 : jamais sous le SMIC"),
        "{radar}"
    );
    assert!(!radar.contains("coefficient"), "{radar}");
    // One grid: its levels need no grid's name.
    assert!(!radar.contains("de la grille"), "{radar}");
    // Syntec's ETAM and IC both have a level 1: each line names its grid.
    let syntec = grille(&["check", "rules/syntec-1486.grille", "--radar"]);
    assert!(
        syntec.contains("niveau 1 de la grille etam : coefficient 240 : sous le SMIC"),
        "{syntec}"
    );
    assert!(
        syntec.contains("niveau 1 de la grille ic : jamais sous le SMIC"),
        "{syntec}"
    );
    // The call centres' grid keeps its coefficients.
    let cgt = grille(&["check", "rules/cgt-2008.grille", "--radar"]);
    assert!(
        cgt.contains("niveau 1 : coefficients 120 à 140 : sous le SMIC"),
        "{cgt}"
    );
}

/// The what-if of HCR's avenant 33: the distribution is by position, the
/// largest changes show positions, and the job and band tables (every
/// decision has neither) are left out rather than shown as one blank row.
#[test]
fn the_diff_of_a_grid_without_coefficients_speaks_of_positions() {
    let text = grille(&[
        "diff",
        "examples/hcr-sans-avenant33.grille",
        "rules/hcr-1979.grille",
        "examples/hcr-workforce.json",
        "--as-of",
        "2024-12-01",
    ]);
    assert!(
        text.contains("Répartition des positions (13 salariés"),
        "{text}"
    );
    assert!(
        !text.contains("Par métier") && !text.contains("Par tranche"),
        "{text}"
    );
    // R09 is at III.3 on both sides (examples/hcr-workforce.json).
    let r09 = text
        .lines()
        .find(|l| l.trim_start().starts_with("R09"))
        .unwrap();
    assert!(
        r09.contains("III.3 → III.3") && r09.contains("même position"),
        "{r09}"
    );
    assert!(
        text.contains("niveau 1 : position I.1 : sous le SMIC"),
        "{text}"
    );
    // Syntec's positions have coefficients: they stay coefficients.
    let syntec = grille(&[
        "diff",
        "examples/syntec-1486-2022.grille",
        "rules/syntec-1486.grille",
        "examples/syntec-workforce.json",
        "--as-of",
        "2025-06-01",
    ]);
    assert!(syntec.contains("Répartition des coefficients"), "{syntec}");
}

/// On a grid without coefficients the floor that wins is a position, said so.
#[test]
fn explain_says_the_position_that_wins() {
    let text = grille(&[
        "explain",
        &format!("{ECHELONS}/rules.grille"),
        &format!("{ECHELONS}/facts.json"),
        "--as-of",
        "2025-06-01",
        "--id",
        "H2",
        "--lang",
        "fr",
    ]);
    // H2 works 169 h at I.1: the floor `I.2 si … heures ≥ 160` holds.
    assert!(
        text.contains("→ position retenue : I.2 (plancher position)"),
        "{text}"
    );
    assert!(!text.contains("coefficient retenu"), "{text}");
}
