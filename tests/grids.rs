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
